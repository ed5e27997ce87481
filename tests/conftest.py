"""Shared fixtures: a database on a temporary path, the seeds ingested once, the gold reading,
helpers several test files use, and an ingest paused inside its transaction for the kill tests."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from ngkt_cli.cli import app

# Property tests assert what is found, never how fast: no per-example deadline, which a loaded
# machine (CI, or other suites running) would turn into failures that say nothing about ngkt.
settings.register_profile("ngkt", deadline=None)
settings.load_profile("ngkt")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = json.loads((Path(__file__).parent / "data" / "gold_seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def _regex_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("regex_cache") / "regex.marshal"


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch, _regex_cache):
    """Tests see what a script sees: no colour, no inherited database setting, a fixed width;
    the `ngkt` processes they start keep their compiled patterns in the session's folder."""
    monkeypatch.delenv("NGKT_DB", raising=False)
    monkeypatch.setenv("NGKT_REGEX_CACHE", str(_regex_cache))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


def run_cli(db: Path, *args: str, input: str | bytes | None = None):
    """Run `ngkt --db DB ARGS...` in-process and return the click Result."""
    runner = CliRunner()
    return runner.invoke(app, ["--db", str(db), *args], input=input, catch_exceptions=False)


@pytest.fixture
def cli(db_path):
    return lambda *args, input=None: run_cli(db_path, *args, input=input)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """A database holding the five seeds, made once for the whole session; treat it as read-only."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    result = run_cli(path, "ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def seed_export(seeded_db) -> dict:
    result = run_cli(seeded_db, "export", "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def ngkt_command() -> list[str]:
    """The installed console script, for tests that need a real process."""
    script = Path(os.sys.executable).parent / "ngkt"
    return [str(script)] if script.exists() else [os.sys.executable, "-m", "ngkt_cli"]


def database_at_version(path: Path, version: int, *statements: tuple[str, list]) -> Path:
    """A database as ngkt left it at schema `version` (the first `version` migrations), holding
    the rows the (sql, params) `statements` write: for testing the migrations after it."""
    from ngkt_cli import migrations

    conn = sqlite3.connect(path)
    for step in migrations.MIGRATIONS[:version]:
        step(conn)
    for sql, params in statements:
        if params and isinstance(params[0], (list, tuple)):
            conn.executemany(sql, params)  # several rows
        else:
            conn.execute(sql, params)
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


# --- helpers several test files share -----------------------------------------------------------


def statement_id(db: Path, ref: str) -> str:
    """The statement id of a gold reference such as "001/priority#3"."""
    prefix, rest = ref.split("/")
    kind, ordinal = rest.split("#")
    [(found,)] = (
        sqlite3.connect(db)
        .execute(
            """SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE d.path LIKE ? AND s.kind = ? AND s.ordinal = ? AND s.list_id IS NOT NULL""",
            [f"%/{prefix}%", kind, int(ordinal)],
        )
        .fetchall()
    )
    return found


def thread_of(db: Path) -> dict[str, str]:
    return dict(sqlite3.connect(db).execute("SELECT id, thread_id FROM statements"))


def copy_db(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    sqlite3.connect(source).backup(sqlite3.connect(target))
    return target


ARTICLE = """Bộ trưởng nêu 3 trọng tâm hợp tác năm 2025

Sáng 15/1, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn chủ trì hội nghị tổng kết năm 2024.

Bộ trưởng Bùi Thanh Sơn cho biết, trong năm 2025 có 3 trọng tâm. Thứ nhất, đa dạng hoá thị trường xuất khẩu. Thứ hai, thu hút đầu tư chất lượng cao. Thứ ba, thúc đẩy chuyển đổi xanh.
"""


def documents(db: Path) -> list[dict]:
    result = run_cli(db, "export", "--format", "json")
    return json.loads(result.stdout)["documents"]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- killing an ingest inside a transaction ---------------------------------------------------

# The kill tests' corpus: more inputs than one transaction holds, so that a kill at PAUSE_AT
# finds one group committed and the next one open.
KILL_CORPUS_SIZE = 260
PAUSE_AT = 230


@pytest.fixture(scope="session")
def kill_corpus(tmp_path_factory) -> Path:
    """KILL_CORPUS_SIZE short articles, each dated a day of its own two days from any other (so
    that none is another's duplicate), each with a list of three priorities."""
    folder = tmp_path_factory.mktemp("corpus") / "inbox"
    folder.mkdir()
    for n in range(KILL_CORPUS_SIZE):
        day = f"{n % 14 * 2 + 1}/{n // 14 % 12 + 1}/{2001 + n // 168}"
        text = ARTICLE.replace("Sáng 15/1", f"Sáng {day}").replace("tổng kết năm 2024", f"tổng kết số {n}")
        (folder / f"article_{n:03}.txt").write_text(text, encoding="utf-8")
    return folder


# What belongs to one document, query by query (columns that only say when it was written, and
# threads, which a run links at its end, left out).
DOCUMENT_ROWS = {
    "document": "SELECT id, path, title, date, statement_year, duplicate_of, content_sha, scope FROM documents WHERE id = ?",
    "lists": "SELECT * FROM lists WHERE document_id = ? ORDER BY id",
    "statements": "SELECT id, list_id, kind, ordinal, form, text, paragraph, char_start FROM statements WHERE document_id = ? ORDER BY id",
    "themes": "SELECT t.* FROM statement_themes t JOIN statements s ON s.id = t.statement_id WHERE s.document_id = ? ORDER BY 1, 2",
    "removed_lines": "SELECT line_no, reason FROM removed_lines WHERE document_id = ? ORDER BY line_no",
    "people": "SELECT name, title FROM people WHERE document_id = ? ORDER BY name",
    "search_rows": "SELECT count(*) FROM search_rows WHERE document_id = ?",
}


def document_rows(db: Path) -> dict[str, dict[str, list[tuple]]]:
    """Every stored document's rows, by document id, after checking that the database is sound:
    no broken reference and a search index entry for each search row and none other."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    indexed = {row[0] for row in conn.execute("SELECT rowid FROM search_index")}
    assert indexed == {row[0] for row in conn.execute("SELECT search_rowid FROM search_rows")}
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    rows = {doc: {name: conn.execute(sql, [doc]).fetchall() for name, sql in DOCUMENT_ROWS.items()} for doc in ids}
    conn.close()
    return rows


@pytest.fixture(scope="session")
def kill_reference(kill_corpus, tmp_path_factory) -> dict[str, dict[str, list[tuple]]]:
    """The kill corpus's rows as an uninterrupted ingest writes them."""
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    import subprocess

    subprocess.run([*ngkt_command(), "--db", str(db), "ingest", "--quiet", str(kill_corpus)], check=True)
    return document_rows(db)


def paused_ingest(db: Path, corpus: Path, after: int = PAUSE_AT):
    """An `ngkt ingest` process stopped by its test hook after writing `after` inputs, inside its
    open transaction; kill it (or remove its pause file to let it go on)."""
    import subprocess
    import time

    pause_file = db.with_name(db.name + ".paused")
    env = {**os.environ, "NGKT_TEST_PAUSE_AFTER": str(after), "NGKT_TEST_PAUSE_FILE": str(pause_file)}
    process = subprocess.Popen(
        [*ngkt_command(), "--db", str(db), "ingest", "--quiet", str(corpus)], env=env, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while not pause_file.exists():
        assert process.poll() is None, f"the ingest ended before its pause: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the ingest never reached its pause"
        time.sleep(0.02)
    return process


def doc_from(text: str, date: str | None = "2024-03-18", statement_year: int | None = None):
    """A document whose body is `text` (paragraphs separated by blank lines), as extract() sees it."""
    from ngkt_cli.models import Document

    body = "\n\n".join(p.strip() for p in text.strip().split("\n\n"))
    year = statement_year or (int(date[:4]) if date else None)
    return Document(
        id="t",
        path="t.txt",
        title=None,
        body=body,
        date=date,
        date_source="user",
        published=None,
        statement_year=year,
        byline=None,
    )


def linkable(statements: list[dict]):
    """(items in year order, then as given; a thread index over a corpus of their own texts) for
    linking fixture statements ({"id", "text", "year", optional "speaker", "list", "lead"}) as
    `ngkt relink` links them, without a database."""
    from collections import Counter

    from ngkt_cli import similarity as sim
    from ngkt_cli.actors import actor_level
    from ngkt_cli.text import key
    from ngkt_cli.themes import code_positions, load_codebook

    df: Counter[str] = Counter()
    for s in statements:
        df.update(sim.paragraph_terms(s["text"]))
    codebook = load_codebook()
    items = []
    for s in sorted(statements, key=lambda s: s["year"]):
        themes = tuple(t for t, _ in code_positions(s["text"], codebook))
        level = actor_level(s.get("speaker"), s["text"], None, s.get("lead"))
        head = themes[0] if themes else None
        items.append(sim.Item(s["id"], "priority", s.get("list"), s["text"], key(s["text"]), head, themes, level))
    return items, sim.ThreadIndex(sim.Idf(dict(df), len(statements)))


def relinked(statements: list[dict]) -> dict[str, str]:
    """Statement id -> thread of fixture statements (`linkable`), linked in year order (then as
    given) as `ngkt relink` links: assigned, settled and split."""
    from ngkt_cli import similarity as sim

    items, index = linkable(statements)
    counter = iter(range(1, 1000))
    sim.assign(items, index, lambda: f"T{next(counter)}")
    sim.settle(items, index)
    return sim.split_mixed(items, index, lambda: f"T{next(counter)}")


def link_checks(path: Path) -> list[tuple[str, bool]]:
    """(check, held) for each group of a link set's gold that must be one thread ("must_link")
    and each pair that must not ("must_not_link"), its "statements" `relinked`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    thread = relinked(data["statements"])
    held = [(g["name"], len({thread[i] for i in g["items"]}) == 1) for g in data["must_link"]]
    return held + [(f"{a} apart from {b}", thread[a] != thread[b]) for a, b in data["must_not_link"]]


def lists_read(page: Path) -> list[tuple]:
    """(kind, announced count, target year, items' texts) of each list ngkt finds on a page, in
    reading order, as the kinds tests state what a careful reader finds."""
    from ngkt_cli.extract import extract
    from ngkt_cli.ingest import build_document

    lists = extract(build_document(page.read_bytes(), page.name, None)).lists
    return [
        (found.kind, found.announced_count, found.target_year, [item.text for item in found.items]) for found in lists
    ]
