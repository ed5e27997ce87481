"""The database door (db.py): where the file is, which files are refused, transactions, two writers."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import ARTICLE, SEEDS, ngkt_command, run_cli, write


def test_database_and_folder_are_created_on_first_ingest(tmp_path):
    db = tmp_path / "deep" / "er" / "ngkt.db"
    assert run_cli(db, "ingest", "--quiet", str(SEEDS)).exit_code == 0
    assert db.exists()


def test_db_option_reads_ngkt_db_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NGKT_DB", str(db))
    from typer.testing import CliRunner

    from ngkt_cli.cli import app

    CliRunner().invoke(app, ["ingest", "--quiet", str(SEEDS)])
    assert db.exists()


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    run_cli(path, "docs")
    sqlite3.connect(path).execute("PRAGMA user_version = 999")
    result = run_cli(path, "docs")
    assert result.exit_code == 1
    assert "written by a newer ngkt" in result.stderr


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    result = run_cli(path, "docs")
    assert result.exit_code == 1
    assert "not an ngkt database" in result.stderr
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [("invoices",)]


def test_corrupt_database_gives_a_clear_error(tmp_path):
    path = write(tmp_path / "corrupt.db", b"this is not sqlite at all" * 100)
    result = run_cli(path, "docs")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"ngkt: error: {path}: cannot open the database")
    assert "Traceback" not in result.output


def test_two_concurrent_ingests_both_finish(tmp_path):
    db = tmp_path / "both.db"
    first, second = make_articles(tmp_path / "a", 15, "a"), make_articles(tmp_path / "b", 15, "b")
    procs = [subprocess.Popen([*ngkt_command(), "--db", str(db), "ingest", "-q", str(f)]) for f in (first, second)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 30


def make_articles(folder: Path, count: int, tag: str) -> Path:
    folder.mkdir(parents=True)
    for n in range(count):
        text = ARTICLE.replace("Sáng 15/1", f"Sáng {n % 28 + 1}/1").replace(
            "tổng kết năm 2024", f"tổng kết số {tag}{n}"
        )
        write(folder / f"{tag}{n:03}.txt", text.encode())
    return folder


class Interrupted(Exception):
    pass


def _meta_keys(path: Path) -> list[str]:
    return [row[0] for row in sqlite3.connect(path).execute("SELECT key FROM meta WHERE key LIKE 'unit%' ORDER BY key")]


def test_a_write_that_fails_leaves_nothing_behind(tmp_path):
    from ngkt_cli import db

    conn = db.open_db(tmp_path / "t.db")
    with pytest.raises(Interrupted), db.transaction(conn):
        db.set_meta(conn, "unit1", "written")
        raise Interrupted
    assert _meta_keys(tmp_path / "t.db") == []


def test_grouped_writes_keep_the_groups_committed_before_a_failure_and_none_of_the_open_one(tmp_path):
    from ngkt_cli import db

    conn = db.open_db(tmp_path / "t.db")
    with pytest.raises(Interrupted), db.grouped_transactions(conn, 2) as written:
        for n in range(1, 6):
            db.set_meta(conn, f"unit{n}", "written")
            written()
        raise Interrupted  # the fifth unit's group is still open
    assert _meta_keys(tmp_path / "t.db") == ["unit1", "unit2", "unit3", "unit4"]
