"""The theme prior a diff keeps in the database (queries.theme_prior, migration 21): worked out by
the first diff, read by the next ones, and never stale: whatever changes what it counts clears it,
in the same transaction as the change."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import ARTICLE, copy_db, run_cli

from ngkt_cli import queries
from ngkt_cli.db import open_db


def _diff(db: Path, *options: str) -> dict:
    result = run_cli(db, "diff", "2023", "2024", "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _kept(db: Path) -> dict[str, dict[str, int]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT counting, counts FROM theme_priors").fetchall()
    conn.close()
    return {counting: json.loads(counts) for counting, counts in rows}


def _counted_now(db: Path, by: str = "target") -> dict[str, int]:
    """The prior counted afresh from the statements, as every diff did before it was kept."""
    conn = open_db(db)
    counts = dict(queries._theme_corpus(conn, "priority", by))
    conn.close()
    return counts


def _document(db: Path, date: str | None) -> str:
    docs = json.loads(run_cli(db, "docs", "--format", "json").stdout)
    return next(d["id"] for d in docs if d["date"] == date)


@pytest.fixture
def seeds_db(seeded_db, tmp_path) -> Path:
    """The seeds' database with nothing kept (other tests' diffs may have kept priors in it)."""
    target = copy_db(seeded_db, tmp_path)
    with sqlite3.connect(target) as conn:
        conn.execute("DELETE FROM theme_priors")
    return target


def test_the_first_diff_keeps_the_prior_and_the_next_diff_reads_it(seeds_db):
    first = _diff(seeds_db)
    assert _kept(seeds_db) == {"priority by target": _counted_now(seeds_db)}
    with sqlite3.connect(seeds_db) as conn:  # what the next diff reads is what was kept
        conn.execute("UPDATE theme_priors SET counts = ?", [json.dumps({"investment": 1000})])
    tampered = _diff(seeds_db)
    assert [t["z"] for t in tampered["themes"]] != [t["z"] for t in first["themes"]]
    assert [t["count_before"] for t in tampered["themes"]] == [t["count_before"] for t in first["themes"]]


def _article(db: Path, tmp_path: Path, items: str = "") -> None:
    """ARTICLE as a list for 2024 (with `items` in place of its third), ingested from one path."""
    path = tmp_path / "new" / "hoi-nghi-2024.txt"
    path.parent.mkdir(exist_ok=True)
    text = ARTICLE.replace("2025", "2024").replace("năm 2024", "năm 2023")
    path.write_text(text.replace("thúc đẩy chuyển đổi xanh", items) if items else text, encoding="utf-8")
    assert run_cli(db, "ingest", str(path)).exit_code == 0


CODEBOOK = """[[theme]]
id = "investment"
label = "Investment"
patterns = ["dau tu"]

[[theme]]
id = "markets_fta"
label = "Markets and trade agreements"
patterns = ["thi truong"]
"""


def _other_codebook(db: Path, tmp_path: Path) -> None:
    codebook = tmp_path / "mine.toml"
    codebook.write_text(CODEBOOK, encoding="utf-8")
    assert run_cli(db, "--codebook", str(codebook), "relink").exit_code == 0


def _nothing(db: Path, tmp_path: Path) -> None:
    pass


# Each change a user can make that alters what the prior counts: (what is there before, the change).
CHANGES = {
    "an article found off-topic by hand": (
        _nothing,
        lambda db, _: run_cli(db, "doc", "scope", _document(db, "2023-12-21"), "out"),
    ),
    "a new article": (_nothing, _article),
    "a changed version of an article": (
        _article,
        lambda db, tmp_path: _article(db, tmp_path, "hợp tác chuyển đổi số và đổi mới sáng tạo"),
    ),
    "another codebook": (_nothing, _other_codebook),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_what_the_prior_counts_clears_it_and_the_next_diff_counts_afresh(seeds_db, tmp_path, change):
    prepare, make_change = CHANGES[change]
    prepare(seeds_db, tmp_path)
    _diff(seeds_db)
    before = _counted_now(seeds_db)
    assert _kept(seeds_db) == {"priority by target": before}
    make_change(seeds_db, tmp_path)
    after = _counted_now(seeds_db)
    assert after != before  # the change matters to the prior, so a stale one would show
    assert _kept(seeds_db) == {}
    changed = _diff(seeds_db)
    assert _kept(seeds_db) == {"priority by target": after}
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("DELETE FROM theme_priors")
    assert _diff(seeds_db) == changed  # the same as a diff that kept nothing


# What the prior depends on, changed in SQL as any command could (the triggers of migration 21).
EDITS = [
    "UPDATE statements SET kind = 'other' WHERE id = (SELECT statement_id FROM statement_themes LIMIT 1)",
    "UPDATE statements SET thread_id = NULL WHERE id = (SELECT statement_id FROM statement_themes LIMIT 1)",
    "UPDATE statements SET target_year = 2030 WHERE id = (SELECT statement_id FROM statement_themes LIMIT 1)",
    "UPDATE documents SET scope = 'out' WHERE id = (SELECT document_id FROM statements WHERE thread_id IS NOT NULL LIMIT 1)",
    "UPDATE documents SET statement_year = 2030 WHERE statement_year = 2023",
    "UPDATE documents SET duplicate_of = (SELECT max(id) FROM documents) WHERE id = (SELECT min(id) FROM documents)",
    "UPDATE statement_themes SET theme = 'other' WHERE rowid = (SELECT min(rowid) FROM statement_themes)",
    "DELETE FROM statement_themes WHERE rowid = (SELECT min(rowid) FROM statement_themes)",
    "INSERT INTO statement_themes (statement_id, theme, position) SELECT id, 'another', 9 FROM statements LIMIT 1",
    "DELETE FROM statements WHERE id = (SELECT statement_id FROM statement_themes LIMIT 1)",
    "DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)",
    "DELETE FROM threads WHERE id = (SELECT thread_id FROM statements WHERE thread_id IS NOT NULL LIMIT 1)",
]


@pytest.mark.parametrize("edit", EDITS, ids=[" ".join(edit.split()[:4]) for edit in EDITS])
def test_every_edit_of_what_the_prior_counts_clears_it(seeds_db, edit):
    _diff(seeds_db)
    conn = open_db(seeds_db)
    with conn:
        conn.execute("BEGIN")
        conn.execute(edit)
        assert conn.execute("SELECT count(*) FROM theme_priors").fetchone()[0] == 0
    conn.close()


def test_an_edit_rolled_back_keeps_the_prior(seeds_db):
    _diff(seeds_db)
    kept = _kept(seeds_db)
    conn = open_db(seeds_db)
    conn.execute("BEGIN")
    conn.execute("DELETE FROM statement_themes")
    conn.execute("ROLLBACK")
    conn.close()
    assert _kept(seeds_db) == kept != {}


def test_a_diff_while_another_process_writes_neither_waits_nor_keeps_the_prior(seeds_db):
    with sqlite3.connect(seeds_db) as conn:
        conn.execute("DELETE FROM theme_priors")
    writer = sqlite3.connect(seeds_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
    try:
        conn = open_db(seeds_db)
        started = time.monotonic()
        prior = queries.theme_prior(conn, "priority", "target")
        assert time.monotonic() - started < 5  # the busy timeout is a minute
        assert dict(prior) == _counted_now(seeds_db)
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 60_000  # set back for what follows
        assert not conn.in_transaction
        conn.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _kept(seeds_db) == {}


def test_a_database_from_before_the_kept_prior_upgrades_and_diffs_the_same(seeds_db):
    expected = _diff(seeds_db)
    with sqlite3.connect(seeds_db) as conn:  # as ngkt left it at version 20
        conn.execute("DROP TABLE theme_priors")
        conn.execute("DROP INDEX documents_scope")
        conn.execute("DROP INDEX statements_wording_thread")
        conn.execute("CREATE INDEX statements_wording ON statements(text_key)")
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            if trigger.startswith("theme_priors_"):
                conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("PRAGMA user_version = 20")
    assert _diff(seeds_db) == expected
    assert _kept(seeds_db) == {"priority by target": _counted_now(seeds_db)}
    run_cli(seeds_db, "doc", "scope", _document(seeds_db, "2023-12-21"), "out")
    assert _kept(seeds_db) == {}  # the upgraded database has its triggers
