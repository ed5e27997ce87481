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


def _query(db: str, sql: str) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def example_ids(db: str) -> dict[str, str]:
    """Ids that exist in the seeded database, for the README's examples: the latest dated article
    with a list, its first list's third item, and the priority thread seen in most years (then with
    most statements). No merge is shown with real ids: a pair chosen by a shared theme merged the
    foreign-policy line into a growth-drivers thread, for good, for whoever ran it as printed."""
    [(document,)] = _query(db, "SELECT document_id FROM lists l JOIN documents d ON d.id = l.document_id"
                               " WHERE d.date IS NOT NULL AND d.duplicate_of IS NULL ORDER BY d.date DESC LIMIT 1")
    [(statement,)] = _query(db, f"SELECT id FROM statements WHERE list_id = '{document}/L1' ORDER BY ordinal LIMIT 1 OFFSET 2")
    [(thread,)] = _query(db, """SELECT s.thread_id FROM statements s JOIN threads t ON t.id = s.thread_id
                                WHERE t.kind = 'priority' GROUP BY s.thread_id
                                ORDER BY count(DISTINCT s.target_year) DESC, count(*) DESC, s.thread_id LIMIT 1""")
    return {"document": document, "statement": statement, "thread": thread}


EVERYDAY = """\
ngkt ingest seeds/                    # .txt, .md, .html files or folders; '-' reads stdin
ngkt docs                             # what is stored: dates, statement years, lists, scope, flags
ngkt docs --suspect                   # the articles whose date is doubtful, with the reasons
ngkt doc scope {document} in        # pin the scope by hand (in|out), for good: see below
ngkt doc date {document} 2024-03-18  # pin its date by hand, for good (or: ingest --date 2024-03-18 FILE)
ngkt show {document}                # an article with its lists marked and items numbered
ngkt show {statement}           # one item quoted in its paragraph (the id a diff cites; or --item {item})
ngkt priorities --year 2024           # every stated priority for 2024 with its source
ngkt search "chuyen doi xanh"         # accent-insensitive full-text search ("đ" = "d")
ngkt threads --min-years 2            # priorities that return in later years, reworded or not
ngkt thread {thread}                     # one priority's story: members by year, with sources
ngkt thread label {thread} "Quan hệ với các đối tác"  # name a thread; the name lasts through relinks
ngkt themes                           # each theme's share of each year's priorities
ngkt diff 2023 2024 --format markdown  # the diff for a memo; --format json / csv for scripts, spreadsheets
ngkt timeline --min-years 2           # threads x years at a glance
ngkt report --out reports/            # Markdown, HTML and JSON report set, silent in cron (-v lists the files)
ngkt export --format json             # the whole dataset for scripts
"""


def everyday(db: str) -> str:
    """The README's everyday commands, with ids that exist after `make run` (a test runs each)."""
    ids = example_ids(db)
    return "```\n" + EVERYDAY.format(item=ids["statement"].split("/", 1)[1], **ids) + "```\n"


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
    spans += [span for _, held in facts.recurring for span in held]
    for span in spans:
        rows.append(f"| {span.label} | {span.start} | {span.end or '(in office)'} | {span.source} |")
    return "\n".join(rows) + "\n"
