"""The ngkt command line: parse options, call one library function, print. Nothing else."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import click
import typer

from . import __version__, render
from .errors import NgktError, UsageError

app = typer.Typer(
    help="Track the stated priorities of Vietnam's economic diplomacy across years.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Kind(str, Enum):
    priority = "priority"
    achievement = "achievement"
    lesson = "lesson"
    agenda = "agenda"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output: table (terminal), json, csv or markdown.")]

_state: dict[str, str] = {}


def _version(value: bool) -> None:
    if value:
        print(f"ngkt {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str, typer.Option("--db", envvar="NGKT_DB", help="SQLite database file (created with its folder on first use).")
    ] = "db/ngkt.db",
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """Track the stated priorities of Vietnam's economic diplomacy across years."""
    _state["db"] = db


def friendly_errors(command):
    """Library errors become one line on stderr and their exit code; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except NgktError as error:
            render.error(str(error))
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            render.error("interrupted; what was written before is kept")
            raise typer.Exit(130) from None
        except Exception as error:  # a bug: say so in one line, keep the traceback for NGKT_DEBUG
            if os.environ.get("NGKT_DEBUG"):
                raise
            render.error(f"unexpected {type(error).__name__}: {error} (set NGKT_DEBUG=1 for details)")
            raise typer.Exit(1) from None

    return wrapper


def _open():
    from .db import open_db

    return open_db(_state.get("db", "db/ngkt.db"))


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


# ---------------------------------------------------------------------------------------------
# Stage 1: ingest


@app.command()
@friendly_errors
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders (recursive); '-' reads stdin. Default: seeds/.")] = None,
    date: Annotated[
        Optional[str], typer.Option("--date", callback=_check_date, help="Set the statement date (YYYY-MM-DD) of every input.")
    ] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Reject files larger than this.")] = 5_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress bar.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table: summary on stderr; json: one record per input on stdout.")] = Format.table,
) -> None:
    """Store articles (.txt, .md, .html) as clean, dated documents and extract their lists.

    Re-ingesting unchanged files changes nothing; a changed file replaces its older version;
    a second outlet's copy of a stored report is kept as a duplicate and never counted twice.
    Exit status: 0 when every input was stored or unchanged, 1 when any was rejected.
    """
    from .ingest import ingest_paths, iter_inputs

    inputs = list(iter_inputs(paths or ["seeds"]))
    conn = _open()
    with render.progress(len(inputs), "ingesting", enabled=not quiet) as advance:
        outcomes = ingest_paths(conn, [d for d, _ in inputs], max_bytes=max_bytes, user_date=date, on_progress=lambda _: advance())
    for outcome in outcomes:
        if outcome.status == "rejected":
            render.error(f"rejected {outcome.path}: {outcome.reason}")
    if fmt == Format.json:
        print(render.to_json([outcome.__dict__ for outcome in outcomes]))
    elif not quiet:
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{counts[s]} {s}" for s in ("new", "updated", "unchanged", "duplicate", "rejected"))
        render.message(f"ingested {len(outcomes)} input(s) into {_state['db']}: {summary}")
    if any(outcome.status == "rejected" for outcome in outcomes):
        raise typer.Exit(1)


@app.command()
@friendly_errors
def reextract() -> None:
    """Run the list extractor again over every stored document (after upgrading ngkt)."""
    from .ingest import reextract_all

    count = reextract_all(_open())
    render.message(f"re-extracted {count} document(s)")


# ---------------------------------------------------------------------------------------------
# Reading what is stored


@app.command()
@friendly_errors
def docs(fmt: FormatOption = Format.table) -> None:
    """List documents with date, statement year, lists found and flags."""
    from .queries import documents

    rows = documents(_open())
    columns = ["id", "date", "statement_year", "lists", "flags", "title"]
    render.print_rows(rows, columns if fmt != Format.json else list(rows[0]) if rows else columns, fmt.value)


@app.command()
@friendly_errors
def priorities(
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only statements for this target year.")] = None,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind.")] = Kind.priority,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only this speaker (accents optional).")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stated items with their document, date, list and ordinal."""
    from .queries import statements

    rows = statements(_open(), year=year, kind=kind.value, speaker=speaker)
    columns = ["id", "target_year", "ordinal", "speaker", "document_date", "text"]
    if fmt in (Format.json, Format.csv):
        columns = list(rows[0]) if rows else columns
    render.print_rows(rows, columns, fmt.value)


@app.command()
@friendly_errors
def show(
    document: Annotated[str, typer.Argument(help="Document id (or a unique prefix), as `ngkt docs` prints it.")],
    item: Annotated[Optional[str], typer.Option("--item", "-i", help="Quote one item: N in reading order, or L<list>.<item>.")] = None,
    removed: Annotated[bool, typer.Option("--removed", help="Also print the lines removed as boilerplate (dimmed).")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table (the article) or json.")] = Format.table,
) -> None:
    """Print an article with its lists marked and each item numbered."""
    from .queries import document_view, find_item

    view = document_view(_open(), document)
    if item is not None:
        found = find_item(view, item)
        print(render.to_json(found)) if fmt == Format.json else render.quote_item(view, found)
    elif fmt == Format.json:
        print(render.to_json(view))
    else:
        render.show_document(view, with_removed=removed)


@app.command()
@friendly_errors
def search(
    query: Annotated[str, typer.Argument(help="Words to find; accents optional ('dau tu' finds 'đầu tư').")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many results.")] = 20,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Full-text search over documents and statements, accent-insensitive."""
    from .queries import search as run_search

    hits = run_search(_open(), query, limit)
    if fmt == Format.json:
        print(render.to_json([hit.__dict__ for hit in hits]))
        return
    if not hits:
        render.message(f"no match for '{query}'")
        raise typer.Exit(1)
    render.print_hits(hits)


@app.command()
@friendly_errors
def export(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json (stdout) or csv (one file per table in --out).")] = Format.json,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for csv files.")] = None,
) -> None:
    """Print the whole dataset (documents, lists, statements, threads) for scripts."""
    from .queries import export as dataset

    data = dataset(_open())
    if fmt == Format.json:
        print(render.to_json(data))
    elif fmt == Format.csv:
        if out is None:
            raise UsageError("--format csv needs --out DIR (one CSV file per table)")
        written = render.write_csv_tables(data, out)
        render.message(f"wrote {', '.join(str(p) for p in written)}")
    else:
        raise UsageError("export writes json or csv")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="ngkt")


if __name__ == "__main__":
    sys.exit(main())
