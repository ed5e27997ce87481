"""What a user sees at the command line: formats, exit codes, plain output, no tracebacks."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys

from conftest import ROOT, ngkt_command, run_cli


def test_help_lists_the_commands(db_path):
    result = run_cli(db_path, "--help")
    assert result.exit_code == 0
    for command in ("ingest", "docs", "show", "priorities", "search", "export", "reextract"):
        assert command in result.stdout


def test_docs_table_is_plain_text_when_not_a_terminal(seeded_db):
    result = run_cli(seeded_db, "docs")
    assert "\x1b[" not in result.stdout
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "date", "statement_year", "lists", "scope", "flags", "title"]
    assert len(rows) == 5
    assert any("undated" in row for row in rows)


def test_docs_json_for_scripts(seeded_db):
    rows = json.loads(run_cli(seeded_db, "docs", "--format", "json").stdout)
    assert {row["title"]: row["lists"] for row in rows}["Ngoại giao kinh tế hướng trọng tâm đến công nghệ cao và chuyển đổi xanh"] == 2


def test_priorities_filters_and_formats(seeded_db):
    rows = json.loads(run_cli(seeded_db, "priorities", "--year", "2023", "--format", "json").stdout)
    assert [r["ordinal"] for r in rows] == [1, 2, 3, 4]
    assert {r["speaker"] for r in rows} == {"Bùi Thanh Sơn"}
    lessons = json.loads(run_cli(seeded_db, "priorities", "--kind", "lesson", "-f", "json").stdout)
    assert len(lessons) == 4
    by_speaker = json.loads(run_cli(seeded_db, "priorities", "--speaker", "pham minh chinh", "-f", "json").stdout)
    assert len(by_speaker) == 6
    table = run_cli(seeded_db, "priorities", "--year", "2023", "--format", "csv").stdout
    assert len(list(csv.DictReader(table.splitlines()))) == 4
    markdown = run_cli(seeded_db, "priorities", "--year", "2023", "--format", "markdown").stdout
    assert markdown.startswith("| id |")


def test_show_marks_lists_and_items(seeded_db):
    doc_id = "d4ac4190215c"
    result = run_cli(seeded_db, "show", doc_id[:6])
    assert result.exit_code == 0
    assert "── L2 priority · 3 announced, 3 found · for 2024 · Bùi Thanh Sơn" in result.stdout
    assert "Thứ hai, [L2.2] tăng cường hiệu quả" in result.stdout


def test_show_item_quotes_it_in_its_paragraph(seeded_db):
    result = run_cli(seeded_db, "show", "d4ac4190215c", "--item", "L2.3")
    assert "»nâng cao hiệu quả công tác ngoại giao kinh tế và vai trò điều phối của Ban Chỉ đạo Ngoại giao kinh tế«" in result.stdout
    assert "cue: Do đó, Bộ trưởng Bùi Thanh Sơn xác định" in result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c", "--item", "6").stdout == result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c/L2.3").stdout == result.stdout  # as a diff cites it


def test_show_without_a_document_id_is_a_usage_error(seeded_db):
    for given in ("", "/L1.1"):
        result = run_cli(seeded_db, "show", given)
        assert (result.exit_code, result.stderr) == (2, "ngkt: error: give a document id, as `ngkt docs` prints it\n")


def test_show_unknown_document_or_item_is_one_line_and_exit_1(seeded_db):
    result = run_cli(seeded_db, "show", "zzzz")
    assert result.exit_code == 1
    assert result.stderr == "ngkt: error: no document with id 'zzzz' (see `ngkt docs`)\n"
    assert run_cli(seeded_db, "show", "d4ac", "--item", "L9.1").exit_code == 1


def test_export_json_has_the_documented_fields(seed_export):
    assert set(seed_export) == {"documents", "lists", "statements", "threads", "themes", "decisions"}
    assert {"id", "path", "title", "date", "date_source", "published", "statement_year", "byline", "duplicate_of"} <= set(seed_export["documents"][0])
    assert {"id", "document_id", "kind", "announced_count", "target_year", "speaker", "cue"} <= set(seed_export["lists"][0])
    assert {"id", "document_id", "list_id", "kind", "ordinal", "target_year", "speaker", "text", "thread_id"} <= set(seed_export["statements"][0])
    assert {"form", "cue", "cue_start", "cue_end"} <= set(seed_export["statements"][0])


def test_export_csv_writes_one_file_per_table(seeded_db, tmp_path):
    result = run_cli(seeded_db, "export", "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["decisions.csv", "documents.csv", "lists.csv", "statements.csv", "themes.csv", "threads.csv"]
    statements = list(csv.DictReader((tmp_path / "out" / "statements.csv").open(encoding="utf-8")))
    assert len(statements) == 37 + 4  # the seeds' list items and their four directives
    assert sum(row["form"] == "directive" for row in statements) == 4
    assert run_cli(seeded_db, "export", "--format", "csv").exit_code == 2


def test_reextract_rebuilds_the_same_lists(seeded_db, tmp_path):
    copy = tmp_path / "copy.db"
    sqlite3.connect(seeded_db).backup(sqlite3.connect(copy))
    before = json.loads(run_cli(copy, "export").stdout)
    result = run_cli(copy, "reextract")
    assert result.exit_code == 0 and "re-extracted 5 document(s)" in result.stderr
    assert json.loads(run_cli(copy, "export").stdout) == before


def test_a_reader_that_stops_early_gets_no_error(seeded_db):
    """`ngkt export | head`: the pipe closes while ngkt still writes."""
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the export, so the write blocks
    process = subprocess.Popen([*ngkt_command(), "--db", str(seeded_db), "export"], stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert reader.read(100).startswith(b"{")
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


def test_console_script_runs_without_a_terminal(seeded_db):
    result = subprocess.run([*ngkt_command(), "--db", str(seeded_db), "docs"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("id")


def test_usage_error_exits_2(db_path):
    assert run_cli(db_path, "priorities", "--kind", "wishes").exit_code == 2


def _on_a_terminal(*args: str) -> str:
    """What `ngkt ARGS` shows a person at a terminal (stdout and stderr on one pseudo-terminal)."""
    import pty

    main, secondary = pty.openpty()
    process = subprocess.Popen([*ngkt_command(), *args], stdout=secondary, stderr=secondary, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(main)
    return shown.decode("utf-8", "replace")


def test_long_work_shows_progress_at_a_terminal_only(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import write_corpus

    write_corpus(tmp_path / "corpus", 30, seed=3)
    db = str(tmp_path / "p.db")
    assert "ingesting" in _on_a_terminal("--db", db, "ingest", str(tmp_path / "corpus"))
    assert "re-extracting" in _on_a_terminal("--db", db, "reextract")
    assert "relinking every statement" in _on_a_terminal("--db", db, "relink")
    piped = subprocess.run([*ngkt_command(), "--db", db, "reextract"], capture_output=True, text=True)
    assert piped.stderr == "re-extracted 30 document(s)\n"


# --- --db after the command, and `ngkt info` ---------------------------------------------------


def test_db_is_accepted_after_the_command_as_well_as_before(seeded_db, tmp_path):
    from typer.testing import CliRunner

    from ngkt_cli.cli import app

    before = run_cli(seeded_db, "docs").stdout
    after = CliRunner().invoke(app, ["docs", "--db", str(seeded_db)])
    assert (after.exit_code, after.stdout) == (0, before)
    nested = CliRunner().invoke(app, ["thread", "show", "T0001", "--db", str(seeded_db), "-f", "json"])
    assert nested.exit_code == 0 and json.loads(nested.stdout)["id"] == "T0001"
    # the one after the command wins, as the nearer one
    assert run_cli(tmp_path / "missing.db", "docs", "--db", str(seeded_db)).stdout == before


def test_every_command_takes_db(db_path):
    import typer.main

    from ngkt_cli.cli import app

    sys.path.insert(0, str(ROOT / "docs"))
    import _cog

    group = typer.main.get_command(app)
    for path in _cog.command_paths():
        command = group
        for name in path:
            command = command.commands[name]
        if not hasattr(command, "commands"):
            assert any("--db" in p.opts for p in command.params), f"ngkt {' '.join(path)} has no --db"


def test_info_says_what_the_database_holds(seeded_db):
    info = json.loads(run_cli(seeded_db, "info", "--format", "json").stdout)
    from ngkt_cli.migrations import MIGRATIONS

    assert info["path"] == str(seeded_db.resolve())
    assert info["schema_version"] == len(MIGRATIONS)
    conn = sqlite3.connect(seeded_db)
    for table in ("documents", "lists", "statements", "threads"):
        assert info[table] == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert info["documents"] == 5
    assert info["codebook"] == "default"
    assert info["last_ingest"][:4] >= "2024"
    table = run_cli(seeded_db, "info").stdout
    assert f"path            {seeded_db.resolve()}" in table.splitlines()
    assert "documents       5" in table.splitlines()
