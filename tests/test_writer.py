"""What the ingest workers hand the single writer is what the writer (or the linking) would
have worked out itself: moving per-document work off the writer changes no stored row."""

from __future__ import annotations

from pathlib import Path

from ngkt_cli.db import open_db
from ngkt_cli.ingest import ingest_paths
from ngkt_cli.link_store import store_actor_levels

REALISTIC = Path("/work/shared/realistic/articles")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _inputs() -> list[str]:
    return [str(SEEDS)] + ([str(REALISTIC)] if REALISTIC.is_dir() else [])


def test_actor_levels_from_the_workers_are_those_the_linking_works_out_from_the_rows(tmp_path):
    conn = open_db(tmp_path / "a.db")
    ingest_paths(conn, _inputs())
    from_workers = dict(conn.execute("SELECT id, actor_level FROM statements"))
    assert from_workers and None not in from_workers.values()
    conn.execute("UPDATE statements SET actor_level = NULL")
    store_actor_levels(conn)
    assert dict(conn.execute("SELECT id, actor_level FROM statements")) == from_workers


def test_a_new_database_has_no_themes_to_code_again(tmp_path):
    """Migrations 12 and 19 ask for every statement to be coded again; a new database has none."""
    conn = open_db(tmp_path / "new.db")
    assert conn.execute("SELECT value FROM meta WHERE key = 'themes_stale'").fetchone() is None
    ingest_paths(conn, [str(SEEDS)])
    themes = sorted(map(tuple, conn.execute("SELECT statement_id, theme, position FROM statement_themes")))
    conn.execute("INSERT INTO meta (key, value) VALUES ('themes_stale', '1')")
    from ngkt_cli.link import link_pending

    link_pending(conn)  # codes every statement again, in the writer
    assert sorted(map(tuple, conn.execute("SELECT statement_id, theme, position FROM statement_themes"))) == themes


def test_term_counts_of_a_pooled_ingest_are_those_of_the_stored_bodies(kill_corpus, tmp_path):
    """The workers count each chunk's paragraph terms; the counts written are those of the
    documents stored, as counting every stored body again gives."""
    conn = open_db(tmp_path / "k.db")
    ingest_paths(conn, [str(kill_corpus), str(SEEDS), str(kill_corpus / "article_001.txt")])
    written = dict(conn.execute("SELECT term, df FROM term_df"))
    paragraphs = conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone()[0]
    conn.execute("DELETE FROM term_df")
    conn.execute("UPDATE documents SET terms_counted = 0")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'paragraphs'")
    from ngkt_cli.link_store import count_new_documents

    count_new_documents(conn)
    assert dict(conn.execute("SELECT term, df FROM term_df")) == written
    assert conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone()[0] == paragraphs


def test_ngkt_workers_sets_the_pool_size(monkeypatch):
    from ngkt_cli.ingest import DEFAULT_MAX_WORKERS, worker_count

    monkeypatch.setenv("NGKT_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("NGKT_WORKERS", "none")
    assert 1 <= worker_count() <= DEFAULT_MAX_WORKERS
