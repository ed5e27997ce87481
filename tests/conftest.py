"""Shared fixtures: a database on a temporary path, the seeds ingested once, the gold reading."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ngkt_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = json.loads((Path(__file__).parent / "data" / "gold_seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    """Tests see what a script sees: no colour, no inherited database setting, a fixed width."""
    monkeypatch.delenv("NGKT_DB", raising=False)
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
    return [str(script)] if script.exists() else [os.sys.executable, "-m", "ngkt_cli.cli"]


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
