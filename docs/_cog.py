"""Helpers for the cog blocks in README.md and docs/*.md: real output, never hand-copied.

Run `make docs` to refresh; `tests/test_docs.py` fails when a block is stale.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from ngkt_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: str | None = None) -> str:
    """The plain-text output of `ngkt ARGS`, as a reader's terminal would show it when piped."""
    env = {"NO_COLOR": "1", "COLUMNS": "100", "NGKT_DB": db or ""}
    prefix = ["--db", db] if db else []
    result = CliRunner().invoke(app, [*prefix, *args], env=env, terminal_width=100, prog_name="ngkt")
    return result.output


def help_block(*command: str) -> str:
    return "```\n$ ngkt " + " ".join([*command, "--help"]) + "\n" + run(*command, "--help") + "```\n"


def seeded_db() -> str:
    """A fresh database with the seeds ingested (what `make run` builds)."""
    folder = tempfile.mkdtemp(prefix="ngkt-docs-")
    db = os.path.join(folder, "ngkt.db")
    run("ingest", str(ROOT / "seeds"), "--quiet", db=db)
    return db


def session(db: str, *args: str) -> str:
    return "```\n$ ngkt " + " ".join(args) + "\n" + run(*args, db=db) + "```\n"


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command of the CLI, in the order `ngkt --help` lists them."""
    import typer.main

    def walk(group, prefix):
        for name, command in group.commands.items():
            yield (*prefix, name)
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))

    return list(walk(typer.main.get_command(app), ()))


def all_help() -> str:
    """A section with the --help of each command."""
    out = [help_block()]
    for path in command_paths():
        out.append(f"\n## ngkt {' '.join(path)}\n\n" + help_block(*path))
    return "".join(out)


def dated_facts_table() -> str:
    """The events and office-holders of ngkt_cli/data/dated_facts.toml as a Markdown table."""
    from ngkt_cli.dates import dated_facts

    facts = dated_facts()
    rows = ["| fact | from | to | source |", "| --- | --- | --- | --- |"]
    spans = [span for _, held in facts.events for span in held.values()]
    spans += [span for _, holders in facts.offices for _, span in holders]
    for span in spans:
        rows.append(f"| {span.label} | {span.start} | {span.end or '(in office)'} | {span.source} |")
    return "\n".join(rows) + "\n"
