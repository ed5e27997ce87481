"""What a cron job lives on: a database path that is never made up, exit codes that let the
report run, an ingest that can be killed cleanly."""

from __future__ import annotations

import pytest

from conftest import SEEDS, run_cli

# Every command that reads (or corrects) a stored database, with the arguments it needs.
READ_COMMANDS = [
    ("docs",), ("priorities",), ("show", "d4ac4190215c"), ("search", "kinh tế"), ("export",),
    ("diff", "2023", "2024"), ("timeline",), ("themes",), ("threads",), ("thread", "show", "T0001"),
    ("thread", "T0001"), ("thread", "merge", "T0001", "T0002"), ("thread", "split", "x/L1.1"),
    ("thread", "move", "x/L1.1", "T0002"), ("thread", "label", "T0001", "x"), ("thread", "history", "T0001"),
    ("relink",), ("reextract",),
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_refuses_a_database_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "typo" / "ngkt.db"
    result = run_cli(missing, *command)
    assert result.exit_code == 1
    assert result.stderr == f"ngkt: error: {missing}: no database there; run `ngkt ingest` first to create it\n"
    assert list(tmp_path.iterdir()) == []  # neither the file nor its folder was made


def test_report_into_a_published_folder_refuses_a_missing_database_and_leaves_the_folder(tmp_path, seeded_db):
    published = tmp_path / "reports"
    assert run_cli(seeded_db, "report", "--out", str(published)).exit_code == 0
    before = {p.name: p.read_bytes() for p in published.iterdir()}
    result = run_cli(tmp_path / "ngkt.db", "report", "--out", str(published))
    assert result.exit_code == 1 and "run `ngkt ingest` first" in result.stderr
    assert {p.name: p.read_bytes() for p in published.iterdir()} == before
    assert not (tmp_path / "ngkt.db").exists()


def test_only_ingest_creates_a_database(tmp_path):
    target = tmp_path / "new" / "ngkt.db"
    assert run_cli(target, "ingest", "--quiet", str(SEEDS / next(p.name for p in SEEDS.iterdir()))).exit_code == 0
    assert target.exists()
