"""One output path: every format a command's --help offers works on the seeded database, and
json, csv and nl give what a script can parse."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest
import typer.core
import typer.main
from conftest import SEEDS, run_cli

from ngkt_cli.cli import app

COMMAND = typer.main.get_command(app)


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def _offered(command) -> list[str]:
    for param in command.params:
        if "--format" in getattr(param, "opts", ()):
            return list(param.type.choices)  # type: ignore[attr-defined]
    return []


FORMATTED = {path: _offered(command) for path, command in _commands(COMMAND) if _offered(command)}


@pytest.fixture(scope="module")
def db(seeded_db, tmp_path_factory):
    """A copy of the seeded database, since ingest and fetch write."""
    copy = tmp_path_factory.mktemp("output") / "seeds.db"
    shutil.copy(seeded_db, copy)
    return copy


@pytest.fixture(scope="module")
def examples(db) -> dict[tuple[str, ...], list[str]]:
    """Arguments each command with --format needs on the seeded database."""
    thread = json.loads(run_cli(db, "threads", "--format", "json").stdout)[0]["id"]
    document = json.loads(run_cli(db, "docs", "--format", "json").stdout)[0]["id"]
    assert run_cli(db, "thread", "label", thread, "Hội nhập quốc tế").exit_code == 0  # a history to show
    return {
        ("ingest",): [str(SEEDS), "--quiet"],
        ("fetch",): ["--again", "--quiet"],
        ("docs",): [],
        ("priorities",): [],
        ("show",): [document],
        ("search",): ["hội nhập"],
        ("info",): [],
        ("threads",): [],
        ("thread", "show"): [thread],
        ("thread", "history"): [thread],
        ("themes",): [],
        ("diff",): ["2023", "2024"],
        ("timeline",): [],
        ("export",): [],
    }


def test_every_command_with_format_is_walked(examples):
    assert set(FORMATTED) == set(examples), "a command with --format needs example arguments here"


def test_every_command_offers_every_format():
    """A command that refuses a format offers fewer; only export, which writes files, does."""
    everything = ["table", "json", "csv", "markdown", "nl"]
    assert {path: formats for path, formats in FORMATTED.items() if formats != everything} == {
        ("export",): ["json", "csv", "nl"]
    }


def _parsed(fmt: str, stdout: str):
    if fmt == "json":
        return json.loads(stdout)
    if fmt == "nl":
        return [json.loads(line) for line in stdout.splitlines()]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows and len({len(row) for row in rows}) == 1, "every csv row has the header's width"
        return rows
    return stdout


CASES = [(path, fmt) for path, formats in FORMATTED.items() for fmt in formats]


@pytest.mark.parametrize("path, fmt", CASES, ids=[f"{' '.join(p)}-{f}" for p, f in CASES])
def test_every_offered_format_works(db, examples, path, fmt, tmp_path):
    if path == ("export",) and fmt == "csv":  # one file per table, so it needs a folder
        assert run_cli(db, "export", "--format", "csv", "--out", str(tmp_path)).exit_code == 0
        assert all(_parsed("csv", table.read_text(encoding="utf-8")) for table in tmp_path.glob("*.csv"))
        return
    result = run_cli(db, *path, *examples[path], "--format", fmt)
    assert result.exit_code == 0, result.output
    parsed = _parsed(fmt, result.stdout)
    if fmt in ("json", "nl", "csv") and path not in {("fetch",)}:
        assert parsed, f"{' '.join(path)} --format {fmt} printed nothing"


@pytest.mark.parametrize("path", [p for p, formats in FORMATTED.items() if "nl" in formats])
def test_nl_is_short_for_format_nl(db, examples, path):
    short = run_cli(db, *path, *examples[path], "--nl")
    long = run_cli(db, *path, *examples[path], "--format", "nl")
    assert (short.exit_code, short.stdout) == (0, long.stdout)


def test_nl_rows_are_the_json_rows(db):
    as_json = json.loads(run_cli(db, "priorities", "--format", "json").stdout)
    as_nl = [json.loads(line) for line in run_cli(db, "priorities", "--nl").stdout.splitlines()]
    assert as_nl == as_json


def test_the_diff_in_nl_is_its_csv_rows(db):
    rows = [json.loads(line) for line in run_cli(db, "diff", "2023", "2024", "--nl").stdout.splitlines()]
    table = list(csv.DictReader(io.StringIO(run_cli(db, "diff", "2023", "2024", "--format", "csv").stdout)))
    assert [row["statement_id"] for row in rows] == [row["statement_id"] for row in table]
    assert {row["section"] for row in rows} == {"new", "dropped", "persisting"} & {row["section"] for row in table}


def test_the_cli_choices_are_the_defined_values():
    from ngkt_cli import actors, cli, models, render

    assert [f.value for f in cli.Format] == list(render.FORMATS)
    assert [k.value for k in cli.Kind] == list(models.KINDS)
    assert [f.value for f in cli.Form] == list(models.FORMS)
    assert [level.value for level in cli.Level] == [*actors.LEVELS, "all"]


def test_a_search_without_hits_is_an_empty_stream_in_nl(db):
    for args in (["--nl"], ["--format", "nl"], ["--format", "json"]):
        result = run_cli(db, "search", "zzzkhongco", *args)
        assert result.exit_code == 0
        assert result.stdout.strip() in ("", "[]")
    assert run_cli(db, "search", "zzzkhongco").exit_code == 1


def test_the_relink_notice_waits_for_a_person_to_read_it(seeded_db, tmp_path):
    """Shown once, on the terminal summary: a script's --format json or --quiet leaves it for later."""
    db = tmp_path / "seeds.db"
    shutil.copy(seeded_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('relink_notice', 'rebuilt every thread once')")
    for args in (["--format", "json"], ["--nl"], ["--quiet"]):
        assert "rebuilt every thread" not in run_cli(db, "ingest", str(SEEDS), *args).stderr
    assert "rebuilt every thread once" in run_cli(db, "ingest", str(SEEDS)).stderr
    assert "rebuilt every thread" not in run_cli(db, "ingest", str(SEEDS)).stderr
