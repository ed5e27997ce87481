"""A newcomer's bad input: each mistake gets one line naming the file and the reason, never a traceback."""

from __future__ import annotations

import sqlite3

from conftest import copy_db, run_cli

from ngkt_cli import db as db_module


def test_a_database_another_process_keeps_locked_is_named_with_a_temporary_failure(seeded_db, tmp_path, monkeypatch):
    database = copy_db(seeded_db, tmp_path)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, as a long ingest or a sqlite3 shell does
    try:
        result = run_cli(database, "doc", "date", "71d55a37be2b", "2024-03-18")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 75
    assert result.stderr == (
        f"ngkt: error: {database}: the database is locked by another process (waited 0.2 s);"
        " run again when it has finished\n"
    )
    assert run_cli(database, "doc", "date", "71d55a37be2b", "2024-03-18").exit_code == 0  # nothing was lost
