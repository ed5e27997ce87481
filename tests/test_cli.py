"""What a user sees at the command line: formats, exit codes, plain output, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, ngkt_command, run_cli


def test_help_lists_the_commands(db_path):
    result = run_cli(db_path, "--help")
    assert result.exit_code == 0
    for command in ("ingest", "docs", "show", "priorities", "search", "export", "reextract"):
        assert command in result.stdout


def test_show_without_a_document_id_is_a_usage_error(seeded_db):
    for given in ("", "/L1.1"):
        result = run_cli(seeded_db, "show", given)
        assert (result.exit_code, result.stderr) == (2, "ngkt: error: give a document id, as `ngkt docs` prints it\n")


def test_show_unknown_document_or_item_is_one_line_and_exit_1(seeded_db):
    result = run_cli(seeded_db, "show", "zzzz")
    assert result.exit_code == 1
    assert result.stderr == "ngkt: error: no document with id 'zzzz' (see `ngkt docs`)\n"
    assert run_cli(seeded_db, "show", "d4ac", "--item", "L9.1").exit_code == 1


def test_a_reader_that_stops_early_gets_no_error(seeded_db):
    """`ngkt export | head`: the pipe closes while ngkt still writes."""
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the export, so the write blocks
    process = subprocess.Popen(
        [*ngkt_command(), "--db", str(seeded_db), "export"], stdout=write_end, stderr=subprocess.PIPE
    )
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
