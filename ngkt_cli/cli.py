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
import typer.core

from . import __version__, render
from .errors import NgktError, UsageError
from .models import FORMS, KINDS

app = typer.Typer(
    help="Track the stated priorities of Vietnam's economic diplomacy across years.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


# The choices come from where the values are defined (render.FORMATS, models.KINDS), so a new
# format or list kind is one edit.
Format = Enum("Format", {name: name for name in render.FORMATS}, type=str)
Kind = Enum("Kind", {name: name for name in KINDS}, type=str)
Form = Enum("Form", {name: name for name in FORMS}, type=str)
FormFilter = Annotated[
    Optional[Form], typer.Option("--form", help="Only list items or only directives (unnumbered); both when not given.")
]


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output: table (terminal), json, csv or markdown.")]

# The global options and the open connection of the command being run.
_state: dict[str, object] = {}


def _version(value: bool) -> None:
    if value:
        print(f"ngkt {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str, typer.Option("--db", envvar="NGKT_DB", help="SQLite database file (created with its folder on first use).")
    ] = "db/ngkt.db",
    codebook: Annotated[
        Optional[str], typer.Option("--codebook", envvar="NGKT_CODEBOOK", help="Theme codebook (TOML) instead of the default.")
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """Track the stated priorities of Vietnam's economic diplomacy across years."""
    from .themes import select_codebook

    _state["db"] = db
    select_codebook(codebook)


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
        except BrokenPipeError:  # `ngkt diff ... | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error when Python flushes stdout at exit
            raise typer.Exit(141) from None
        except OSError as error:  # a folder that cannot be created, a full disk, a file without permission
            render.error(f"{error.filename or 'a file'}: {error.strerror or error}")
            raise typer.Exit(1) from None
        except Exception as error:  # a bug: say so in one line, keep the traceback for NGKT_DEBUG
            if os.environ.get("NGKT_DEBUG"):
                raise
            render.error(f"unexpected {type(error).__name__}: {error} (set NGKT_DEBUG=1 for details)")
            raise typer.Exit(1) from None
        finally:
            _close()

    return wrapper


def _close() -> None:
    """Close the command's connection: the last one to close folds the WAL back into the file."""
    conn = _state.pop("conn", None)
    if conn is not None:
        conn.close()


def _open():
    from .db import open_db

    _state["conn"] = open_db(_state.get("db", "db/ngkt.db"))
    return _state["conn"]


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
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table: summary on stderr; json, csv or markdown: one record per input on stdout.")] = Format.table,
) -> None:
    """Store articles (.txt, .md, .html) as clean, dated documents and extract their lists.

    Re-ingesting unchanged files changes nothing; a changed file replaces its older version;
    a second outlet's copy of a stored report is kept as a duplicate and never counted twice.
    Inside folders, files that are not articles (pictures, PDFs, a saved page's asset folder) are
    skipped. Exit status: 0 when every input was stored, unchanged or skipped, 1 when any was rejected.
    """
    from .ingest import collect_inputs, ingest_inputs

    conn = _open()
    inputs, skipped = collect_inputs(paths or ["seeds"])
    with render.progress(len(inputs), "ingesting", enabled=not quiet) as advance:
        outcomes = ingest_inputs(conn, inputs, max_bytes=max_bytes, user_date=date, on_progress=lambda _: advance()) + skipped
    for outcome in outcomes:
        if outcome.status == "rejected":
            render.error(f"rejected {outcome.path}: {outcome.reason}")
    if fmt != Format.table:
        render.print_rows([outcome.__dict__ for outcome in outcomes], ["path", "status", "document_id", "reason", "duplicate_of"], fmt.value)
    elif not quiet:
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{counts[s]} {s}" for s in ("new", "updated", "unchanged", "duplicate", "rejected"))
        if counts["skipped"]:
            summary += f"; skipped {counts['skipped']} other file(s) in the folders (--format json lists them)"
        render.message(f"ingested {len(outcomes) - counts['skipped']} input(s) into {_state['db']}: {summary}")
    if any(outcome.status == "rejected" for outcome in outcomes):
        raise typer.Exit(1)


@app.command()
@friendly_errors
def reextract() -> None:
    """Run the list extractor again over every stored document (after upgrading ngkt)."""
    from .db import document_count
    from .ingest import reextract_all

    conn = _open()
    with render.progress(document_count(conn), "re-extracting") as advance:
        count = reextract_all(conn, on_progress=lambda _: advance())
    render.message(f"re-extracted {count} document(s)")


# ---------------------------------------------------------------------------------------------
# Reading what is stored


@app.command()
@friendly_errors
def docs(fmt: FormatOption = Format.table) -> None:
    """List documents with date, statement year, lists found and flags."""
    from .queries import documents

    rows = documents(_open())
    if fmt in (Format.table, Format.markdown):  # for reading: a text without a title by its file name
        rows = [{**row, "title": render.document_name(row["title"], row["path"])} for row in rows]
    columns = ["id", "date", "statement_year", "lists", "flags", "title"]
    render.print_rows(rows, columns if fmt != Format.json else list(rows[0]) if rows else columns, fmt.value)


@app.command()
@friendly_errors
def priorities(
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only statements for this target year.")] = None,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind.")] = Kind.priority,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only this speaker (accents optional).")] = None,
    form: FormFilter = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stated items with their document, date, list and ordinal; directives marked ◆."""
    from .queries import statements

    rows = statements(_open(), year=year, kind=kind.value, speaker=speaker, form=form.value if form else None)
    columns = ["id", "target_year", "ordinal", "speaker", "document_date", "text"]
    if fmt in (Format.json, Format.csv):
        columns = list(rows[0]) if rows else columns
    else:
        rows = [{**row, "ordinal": render.rank_label(row["form"], row["ordinal"])} for row in rows]
    render.print_rows(rows, columns, fmt.value)


@app.command()
@friendly_errors
def show(
    document: Annotated[str, typer.Argument(help="Document id (or a unique prefix), as `ngkt docs` prints it; a statement id (DOC/L2.3, as diffs cite it) quotes that item.")],
    item: Annotated[Optional[str], typer.Option("--item", "-i", help="Quote one item: N in reading order, or L<list>.<item>.")] = None,
    removed: Annotated[bool, typer.Option("--removed", help="Also print the lines removed as boilerplate (dimmed).")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table (the article) or json; csv and markdown are refused.")] = Format.table,
) -> None:
    """Print an article with its lists marked and each item numbered."""
    from .queries import document_view, find_item

    if fmt in (Format.csv, Format.markdown):
        raise UsageError(f"show prints table or json, not {fmt.value}")
    if "/" in document and item is None:  # a statement id as diffs and reports cite it
        document, item = document.split("/", 1)
    if not document.strip():
        raise UsageError("give a document id, as `ngkt docs` prints it")
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
    fmt: FormatOption = Format.table,
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
    if fmt == Format.table:
        render.print_hits(hits)
    else:
        render.print_rows([hit.__dict__ for hit in hits], render.SEARCH_COLUMNS, fmt.value)


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


# ---------------------------------------------------------------------------------------------
# Stage 3: threads and themes


@app.command()
@friendly_errors
def relink() -> None:
    """Rebuild every thread from scratch (deterministic); ids, labels and your decisions are kept."""
    from .db import transaction
    from .link import recode_themes, relink as rebuild

    conn = _open()
    with render.working("relinking every statement"), transaction(conn):
        recode_themes(conn)
        summary = rebuild(conn)
    render.message(f"relinked {summary['statements']} statement(s) into {summary['threads']} thread(s); {summary['kept']} kept their id")


@app.command()
@friendly_errors
def threads(
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only threads with a statement for this year.")] = None,
    min_years: Annotated[int, typer.Option("--min-years", min=1, help="Only threads seen in at least this many years.")] = 1,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind.")] = Kind.priority,
    form: FormFilter = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List threads (one priority followed over the years) with their years and label."""
    from .queries import threads as list_threads

    rows = list_threads(_open(), year=year, min_years=min_years, kind=kind.value, form=form.value if form else None)
    for row in rows:
        row["statements"] = len(row["statement_ids"])
        if fmt != Format.json:
            row["years"] = " ".join(map(str, row["years"]))
    render.print_rows(rows, ["id", "years", "statements", "label"] if fmt != Format.json else list(rows[0]) if rows else [], fmt.value)


class _ThreadGroup(typer.core.TyperGroup):
    """`ngkt thread T0003` is `ngkt thread show T0003`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


thread_app = typer.Typer(cls=_ThreadGroup, no_args_is_help=True, help="Show one thread, or correct threads (your corrections last).")
app.add_typer(thread_app, name="thread")


@thread_app.command("show")
@friendly_errors
def thread_show(
    thread: Annotated[str, typer.Argument(help="Thread id, e.g. T0003.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Members by year with source, similarity to the thread and shared key terms."""
    from .queries import thread_view

    render.print_thread(thread_view(_open(), thread.upper()), fmt.value)


def _curate(action, *args):
    from .db import transaction

    conn = _open()
    with transaction(conn):
        return action(conn, *args)


@thread_app.command("merge")
@friendly_errors
def thread_merge(
    keep: Annotated[str, typer.Argument(help="Thread that stays (its id and label are kept).")],
    other: Annotated[str, typer.Argument(help="Thread whose statements move into KEEP.")],
) -> None:
    """Merge thread OTHER into KEEP, for good."""
    from .curate import merge

    moved = _curate(merge, keep.upper(), other.upper())
    render.message(f"merged {other.upper()} into {keep.upper()}: {moved} statement(s) moved")


@thread_app.command("split")
@friendly_errors
def thread_split(statement: Annotated[str, typer.Argument(help="Statement id, e.g. bc4dfcb9f9f2/L1.3.")]) -> None:
    """Move a statement out of its thread into a thread of its own, for good."""
    from .curate import split

    new_thread = _curate(split, statement)
    render.message(f"{statement} is now alone in {new_thread}")


@thread_app.command("move")
@friendly_errors
def thread_move(
    statement: Annotated[str, typer.Argument(help="Statement id.")],
    thread: Annotated[str, typer.Argument(help="Thread to move it into.")],
) -> None:
    """Move a statement into another thread, for good."""
    from .curate import move

    _curate(move, statement, thread.upper())
    render.message(f"moved {statement} to {thread.upper()}")


@thread_app.command("label")
@friendly_errors
def thread_label(
    thread: Annotated[str, typer.Argument(help="Thread id.")],
    text: Annotated[str, typer.Argument(help="The label; '' goes back to the automatic one.")],
) -> None:
    """Name a thread; the name stays through relinking."""
    from .curate import label

    _curate(label, thread.upper(), text)
    render.message(f"labelled {thread.upper()}")


@thread_app.command("history")
@friendly_errors
def thread_history(
    thread: Annotated[str, typer.Argument(help="Thread id.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Your decisions about a thread, oldest first."""
    from .curate import history

    render.print_rows(history(_open(), thread.upper()), ["created_at", "action", "statement_id", "note"], fmt.value)


class ThemesBy(str, Enum):
    year = "year"
    document = "document"


@app.command()
@friendly_errors
def themes(
    by: Annotated[ThemesBy, typer.Option("--by", help="year: share of each year's statements; document: each article's themes.")] = ThemesBy.year,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind (with --by year).")] = Kind.priority,
    form: FormFilter = None,
    fmt: FormatOption = Format.table,
) -> None:
    """How often each theme of the codebook is stated, per target year (as shares) or per document."""
    from .queries import document_themes, theme_shares

    conn = _open()
    if by == ThemesBy.document:
        render.print_rows(document_themes(conn), ["id", "date", "themes", "title"], fmt.value)
        return
    rows = theme_shares(conn, kind.value, form.value if form else None)
    if fmt in (Format.json, Format.csv):
        render.print_rows(rows, ["theme", "label", "year", "count", "statements", "share"], fmt.value)
    else:
        render.print_rows(*render.pivot_shares(rows), fmt.value)


# ---------------------------------------------------------------------------------------------
# Stage 4 and 5: diffs, timelines, reports


class By(str, Enum):
    target = "target"
    stated = "stated"


def _ordered_years(before: int, after: int) -> tuple[int, int]:
    """A pair of years to compare: the earlier first, never the same year twice."""
    if before >= after:
        raise UsageError(f"the first year must be earlier than the second (got {before} and {after})")
    return before, after


def _year(value: str) -> int:
    if not value.isdigit() or not 1900 <= int(value) <= 2200:
        raise UsageError(f"'{value}' is not a year such as 2024")
    return int(value)


@app.command()
@friendly_errors
def diff(
    year_from: Annotated[str, typer.Argument(metavar="FROM", help="The earlier year, e.g. 2023.")],
    year_to: Annotated[str, typer.Argument(metavar="TO", help="The later year, e.g. 2024.")],
    by: Annotated[By, typer.Option("--by", help="target: the year a priority is for; stated: the year it was said.")] = By.target,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind to compare.")] = Kind.priority,
    form: FormFilter = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table (terminal or plain text), json, csv (one row per cited statement) or markdown.")] = Format.table,
) -> None:
    """What changed between two years: new, dropped and persisting priorities, themes, words.

    Every row cites its sources (document, date, speaker, statement id for `ngkt show`).
    """
    from .queries import year_diff

    before, after = _ordered_years(_year(year_from), _year(year_to))
    result = year_diff(_open(), before, after, by=by.value, kind=kind.value, form=form.value if form else None)
    if fmt == Format.json:
        print(render.to_json(render.diff_to_dict(result)))
    elif fmt == Format.markdown:
        print(render.diff_markdown(result))
    elif fmt == Format.csv:
        render.print_rows(render.diff_rows(result), render.DIFF_CSV_COLUMNS, "csv")
    else:
        render.show_diff(result)


@app.command()
@friendly_errors
def timeline(
    thread: Annotated[Optional[str], typer.Option("--thread", "-t", help="One thread's full story, with quotes.")] = None,
    kind: Annotated[Kind, typer.Option("--kind", "-k", help="List kind.")] = Kind.priority,
    by: Annotated[By, typer.Option("--by", help="target or stated year.")] = By.target,
    min_years: Annotated[int, typer.Option("--min-years", min=1, help="Only threads seen in at least this many years.")] = 1,
    form: FormFilter = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Threads x years: which priorities appear in which years (best rank), strongest first."""
    from .queries import thread_view, timeline as grid

    if thread:
        render.print_thread(thread_view(_open(), thread.upper()), fmt.value)
        return
    years, rows = grid(_open(), kind.value, by.value, min_years, form.value if form else None)
    render.show_timeline(years, rows, fmt.value)


@app.command()
@friendly_errors
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report set (created if missing).")],
    years: Annotated[Optional[tuple[int, int]], typer.Option("--years", help="Also write the diff of these two years.")] = None,
    wait: Annotated[float, typer.Option("--wait", min=0, help="Seconds to wait for another run's lock; then exit 75.")] = 60,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List the files written and unchanged.")] = False,
) -> None:
    """Write a report set for cron: index and year-on-year diffs as Markdown, HTML and JSON.

    Quiet on success; files are replaced atomically and only when their content changed.
    Exit status: 0 done, 1 error, 2 usage, 75 another run held the lock longer than --wait.
    """
    from .report import build_report, report_lock

    pair = _ordered_years(*years) if years else None
    conn = _open()
    with report_lock(out, wait):
        written = build_report(conn, out, pair)
    if verbose:
        for item in written:
            render.message(f"{'wrote' if item.changed else 'unchanged'} {item.path}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="ngkt")


if __name__ == "__main__":
    sys.exit(main())
