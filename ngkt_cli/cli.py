"""The ngkt command line: parse options, call one library function, print. Nothing else.

Only ingest and fetch are imported by the commands that run them: their rule tables and the
HTTP modules cost about 110 ms on every start, `ngkt --help` included (-X importtime); the other
stages cost about 15 ms together and are imported here.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer
import typer.core

from . import __version__, ids, render
from . import db as database
from .curate import history, label, merge, move, set_scope, split
from .db import bind_codebook, document_count, get_document, open_db, record_codebook, transaction
from .errors import NgktError, UsageError
from .link import recode_themes, relink_advice, relink_notice
from .link import relink as rebuild
from .queries import (
    Counting,
    cited_item,
    document_themes,
    document_view,
    documents,
    require_document_id,
    statements,
    suspect_documents,
    theme_shares,
    thread_view,
    year_diff,
    years_listed,
)
from .queries import export as dataset
from .queries import info as database_info
from .queries import search as run_search
from .queries import threads as list_threads
from .queries import timeline as grid
from .reading import REEXTRACT_ADVICE, read_by_older_rules
from .report import MANIFEST_NAME, build_report, report_lock
from .themes import Binding, Codebook, describe, load_codebook

T = TypeVar("T")


def _db_after_command(ctx: typer.Context, param: object, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(Session).db = value


def _nl(ctx: typer.Context, param: object, value: bool) -> None:
    if value:
        ctx.ensure_object(Session).nl = True


class _Group(typer.core.TyperGroup):
    """Every command also takes `--db` after its name (`ngkt docs --db x.db`), as sqlite-utils'
    commands do; given in both places, the one after the command wins. Every command with
    `--format` also takes `--nl`, short for `--format nl` (sqlite-utils' option of that name)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            if isinstance(command, typer.core.TyperGroup):
                continue
            if not any("--db" in p.opts for p in command.params):
                command.params.append(
                    typer.core.TyperOption(
                        param_decls=["--db"],
                        callback=_db_after_command,
                        expose_value=False,
                        metavar="PATH",
                        help="SQLite database file, as `ngkt --db` (either place works).",
                    )
                )
            if any("--format" in p.opts for p in command.params) and not any("--nl" in p.opts for p in command.params):
                command.params.append(
                    typer.core.TyperOption(
                        param_decls=["--nl"],
                        callback=_nl,
                        expose_value=False,
                        is_flag=True,
                        help="Newline-delimited JSON, one record a line: short for --format nl.",
                    )
                )

    def invoke(self, ctx: Any) -> Any:
        with _friendly_errors(ctx):
            return super().invoke(ctx)


app = typer.Typer(
    cls=_Group,
    help="Track the stated priorities of Vietnam's economic diplomacy across years.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


# The choices of render.FORMATS, models.KINDS and models.FORMS, spelled out so that a type checker
# knows them (tests/test_output.py fails when they drift apart).
class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    nl = "nl"


class Kind(str, Enum):
    priority = "priority"
    achievement = "achievement"
    lesson = "lesson"
    agenda = "agenda"
    other = "other"


class Form(str, Enum):
    list = "list"
    directive = "directive"


FormFilter = Annotated[
    Optional[Form], typer.Option("--form", help="Only list items or only directives (unnumbered); both when not given.")
]


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="Output: table (terminal), json, csv, markdown or nl (one JSON record a line)."
    ),
]
IncludeOutOfScope = Annotated[
    bool,
    typer.Option(
        "--include-out-of-scope",
        help="Also count the statements of off-topic articles (`ngkt docs` shows each one's scope).",
    ),
]
KindOption = Annotated[Kind, typer.Option("--kind", "-k", help="List kind.")]


# The choices of actors.LEVELS, and "all" (tests/test_output.py fails when they drift apart).
class Level(str, Enum):
    national = "national"
    local = "local"
    foreign = "foreign"
    all = "all"


LevelOption = Annotated[
    Level,
    typer.Option(
        "--level",
        help="Only the statements of one kind of actor: the nation's (ministries, the government), a province's or "
        "city's, or another country's; all by default.",
    ),
]


def _counting(include_out_of_scope: bool, level: Level) -> Counting:
    return Counting(include_out_of_scope, None if level == Level.all else level.value)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a read command loads and prints: `ngkt diff` at
    N = 10,000 keeps about 15,000 statements, their rows and their printed records until it
    prints, none of them garbage, and the collector walked them (and every object the imports
    made) about a hundred times, a tenth of the command's CPU. What little garbage a read makes
    is freed when the command ends; the collector is put back as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class By(str, Enum):
    target = "target"
    stated = "stated"


ByOption = Annotated[By, typer.Option("--by", help="target: the year a priority is for; stated: the year it was said.")]


# The global options and the open connection of the command being run.
@dataclass
class Session:
    """One run of ngkt: its global options and the database it opened. The root callback puts it on
    the context (`ctx.obj`) and has the context close it when the run ends, however it ends."""

    db: str = "db/ngkt.db"
    codebook: str | None = None
    nl: bool = False
    conn: sqlite3.Connection | None = None
    binding: Binding | None = None

    def open(self, create: bool = False, codes: bool = False, switch_codebook: bool = False) -> sqlite3.Connection:
        """Open the database and choose the codebook: the database's own unless --codebook names
        another, which is refused unless `switch_codebook` (relink). A command that `codes`
        statements records the codebook first (docs/linking.md). Only `ingest` and `fetch` create a
        database: any other command on a mistyped path must fail, not report on an empty database
        made up on the spot."""
        self.conn = open_db(self.db, create=create)
        self.binding = bind_codebook(self.conn, self.codebook, switch=switch_codebook)
        if codes:
            if self.binding.newer_default:
                render.message("the default codebook changed with this version of ngkt: every statement is coded again")
            with transaction(self.conn):
                record_codebook(self.conn, self.binding)
        return self.conn

    @property
    def themes(self) -> Codebook:
        """The codebook this run codes and labels with: the database's own once opened (`open`),
        else --codebook's (None: the shipped one)."""
        return self.binding.themes if self.binding else load_codebook(self.codebook)

    def format(self, fmt: Format | ExportFormat) -> str:
        """The format asked for: `--nl` wins over --format."""
        return "nl" if self.nl else fmt.value

    def output(self, view: render.View, fmt: Format | ExportFormat) -> None:
        """The one output call of every command."""
        render.output(view, self.format(fmt))

    def close(self) -> None:
        """Close the connection: the last one to close folds the WAL back into the file."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _version(value: bool) -> None:
    if value:
        print(f"ngkt {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            envvar="NGKT_DB",
            help="SQLite database file (ingest and fetch create it and its folder; every other command needs it"
            " to exist).",
        ),
    ] = "db/ngkt.db",
    codebook: Annotated[
        Optional[str],
        typer.Option(
            "--codebook",
            envvar="NGKT_CODEBOOK",
            help="Theme codebook (TOML; 'default': the shipped one). Without it, the one the database records;"
            " another is refused except by relink, which recodes with it.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Track the stated priorities of Vietnam's economic diplomacy across years."""
    ctx.obj = Session(db, codebook)
    ctx.call_on_close(ctx.obj.close)


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a cron or systemd timeout), handled as Ctrl-C is: the open transaction is
    rolled back, the pool stopped, what was committed kept."""


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated()


@contextmanager
def _friendly_errors(ctx: Any = None) -> Iterator[None]:
    """Library errors become one line on stderr and their exit code; never a traceback."""
    try:
        yield
    except NgktError as error:
        render.error(str(error))
        raise typer.Exit(error.exit_code) from None
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except Terminated:
        render.error("terminated (SIGTERM); what was written before is kept")
        raise typer.Exit(143) from None
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
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            render.error(_locked_message(ctx))
            raise typer.Exit(75) from None  # EX_TEMPFAIL, as a report that waited too long for its lock
        if os.environ.get("NGKT_DEBUG"):
            raise
        render.error(f"unexpected {type(error).__name__}: {error} (set NGKT_DEBUG=1 for details)")
        raise typer.Exit(1) from None


def _locked_message(ctx: Any) -> str:
    """Another process (an ingest, a sqlite3 shell) kept the database locked past the busy timeout."""
    where = getattr(getattr(ctx, "obj", None), "db", "the database")
    return (
        f"{where}: the database is locked by another process (waited {database.BUSY_TIMEOUT_SECONDS:g} s);"
        " run again when it has finished"
    )


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def _check_date_or_rule(value: str) -> str:
    return value if value == "rule" else str(_check_date(value))


# ---------------------------------------------------------------------------------------------
# Stage 1: ingest


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files or folders to ingest (required): folders are read recursively, '-' reads stdin.",
        ),
    ],
    date: Annotated[
        Optional[str],
        typer.Option(
            "--date", callback=_check_date, help="Set the statement date (YYYY-MM-DD) of every input, stored ones too."
        ),
    ] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Reject files larger than this.")] = 5_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress bar.")] = False,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table: summary on stderr; json, csv, markdown or nl: one record per input on stdout.",
        ),
    ] = Format.table,
) -> None:
    """Store articles (.txt, .md, .html) as clean, dated documents and extract their lists.

    Re-ingesting unchanged files changes nothing, unless this version of ngkt reads their date, title
    or scope differently (`updated`, "read anew"); a changed file replaces its older version;
    a second outlet's copy of a stored report is kept as a duplicate and never counted twice.
    Inside folders, files that are not articles (pictures, PDFs, a saved page's asset folder) are
    skipped. Exit status: 1 when a file named on the command line was rejected, or when nothing
    could be read; a file rejected inside a folder is named on stderr and counted, exit 0
    (so one bad file in a cron inbox never stops the report). See docs/cron.md.
    """
    from .ingest import collect_inputs, ingest_inputs, named_inputs, run_failed

    conn = ctx.obj.open(create=True, codes=True)
    inputs, skipped = collect_inputs(paths)
    with render.progress(len(inputs), "ingesting", enabled=not quiet) as advance:
        outcomes = (
            ingest_inputs(
                conn,
                inputs,
                max_bytes=max_bytes,
                user_date=date,
                on_progress=lambda _: advance(),
                codebook=ctx.obj.themes,
            )
            + skipped
        )
    for outcome in outcomes:
        if outcome.status == "rejected":
            render.error(f"rejected {outcome.path}: {outcome.reason}")

    def summary() -> None:  # for a person only: the relink notice is shown once, so read only here
        if not quiet:
            render.message("\n".join([render.ingest_summary(outcomes, ctx.obj.db), *_after_ingest(conn)]))

    ctx.obj.output(render.outcomes_view(outcomes, render.OUTCOME_COLUMNS, summary), fmt)
    if run_failed(outcomes, named_inputs(paths)):
        raise typer.Exit(1)


def _after_ingest(conn: sqlite3.Connection) -> list[str]:
    """What a person should know after an ingest or a fetch: that the threads were rebuilt for an
    upgrade (said once), that a relink would weigh words better, that stored articles were read
    with an earlier version's rules."""
    reread = REEXTRACT_ADVICE if read_by_older_rules(conn) else None
    return [note for note in (relink_notice(conn), relink_advice(conn), reread) if note]


@app.command()
def reextract(ctx: typer.Context) -> None:
    """Read every stored article again with this version's rules: lists, directives and scope
    (after upgrading ngkt; `ngkt info` and `ngkt ingest` say when it is needed). Statement ids,
    threads and your decisions are kept."""
    from .ingest import reextract_all

    conn = ctx.obj.open(codes=True)
    with render.progress(document_count(conn), "re-extracting") as advance:
        count = reextract_all(conn, on_progress=lambda _: advance(), codebook=ctx.obj.themes)
    render.message(f"re-extracted {count} document(s)")


@app.command()
def fetch(
    ctx: typer.Context,
    urls: Annotated[Optional[list[str]], typer.Argument(help="Article pages to fetch.")] = None,
    feed: Annotated[
        Optional[list[str]], typer.Option("--feed", help="An RSS or Atom feed whose items to fetch (repeatable).")
    ] = None,
    sitemap: Annotated[
        Optional[list[str]], typer.Option("--sitemap", help="A sitemap whose pages to fetch (repeatable).")
    ] = None,
    sources: Annotated[
        Optional[Path], typer.Option("--sources", help="A TOML file of sources (see examples/sources.toml).")
    ] = None,
    again: Annotated[
        bool, typer.Option("--again", help="No network: ingest every stored page again from its kept HTML.")
    ] = False,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Pages requested per source and run, at most.")
    ] = 100,
    delay: Annotated[
        Optional[float],
        typer.Option("--delay", min=0, help="Seconds between requests to one host (default: each source's, 1)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait to connect, and again to read.")
    ] = 20,
    retries: Annotated[
        int, typer.Option("--retries", min=0, help="More tries after a 5xx/429 answer or a timeout, with backoff.")
    ] = 2,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Fetch new and changed articles from the web and ingest them like files.

    Pages, feeds and sitemaps are fetched politely (robots.txt, a delay per host, conditional
    requests, retries) and each page's HTML is kept with its URL and fetch time. Exit status: 0
    when anything was fetched or nothing was new (failures are listed on stderr), 1 on a database
    error, 2 on a usage error (nothing to fetch, a bad --sources file), 3 when every source failed,
    130 when interrupted.
    """
    from .fetch import Settings, Source, ingest_stored, load_sources, summary
    from .fetch import fetch as fetch_sources

    conn = ctx.obj.open(create=not again, codes=True)
    if again:
        outcomes = ingest_stored(conn, ctx.obj.themes)
    else:
        wanted = load_sources(sources) if sources else []
        if urls or feed or sitemap:
            wanted.append(Source("command line", tuple(urls or ()), tuple(feed or ()), tuple(sitemap or ())))
        if not wanted:
            raise UsageError("nothing to fetch: give URLs, --feed, --sitemap, --sources or --again")
        settings = Settings(timeout=timeout, retries=retries, delay=delay, max_pages=max_pages)
        lock_dir = Path(f"{ctx.obj.db}.locks")
        with render.working("fetching"):
            outcomes = fetch_sources(conn, wanted, settings, lock_dir, codebook=ctx.obj.themes)
    for outcome in outcomes:
        if outcome.status == "failed" and not quiet:
            render.error(f"{outcome.url}: {outcome.reason}")
    ctx.obj.output(
        render.outcomes_view(
            outcomes,
            render.FETCH_COLUMNS,
            lambda: None if quiet else render.message("\n".join([summary(outcomes), *_after_ingest(conn)])),
        ),
        fmt,
    )


# ---------------------------------------------------------------------------------------------
# Reading what is stored


@app.command()
def docs(
    ctx: typer.Context,
    suspect: Annotated[
        bool, typer.Option("--suspect", help="Only articles whose date is doubtful, with the reasons.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """List documents with date, statement year, lists found, scope and flags.

    Off-topic articles (scope "out") are stored and searchable but left out of threads,
    priorities, diffs, timelines and reports; `ngkt show DOC` gives the rule's reason, `ngkt doc
    scope DOC in|out` overrides it. A duplicate (a second outlet's copy) is flagged and never counted.
    """

    rows = suspect_documents(ctx.obj.open()) if suspect else documents(ctx.obj.open())
    ctx.obj.output(render.documents_view(rows, suspect), fmt)


@app.command()
def priorities(
    ctx: typer.Context,
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only statements for this target year.")] = None,
    kind: KindOption = Kind.priority,
    speaker: Annotated[
        Optional[str], typer.Option("--speaker", "-s", help="Only this speaker (accents optional).")
    ] = None,
    form: FormFilter = None,
    include_out_of_scope: IncludeOutOfScope = False,
    level: LevelOption = Level.all,
    fmt: FormatOption = Format.table,
) -> None:
    """List stated items with their document, date, list and ordinal; directives marked ◆.

    When nothing matches, the table says on stderr which years have some."""

    if year is not None:
        _year(str(year))
    conn = ctx.obj.open()
    rows = statements(
        conn,
        year=year,
        kind=kind.value,
        speaker=speaker,
        form=form.value if form else None,
        counting=_counting(include_out_of_scope, level),
    )
    if not rows and ctx.obj.format(fmt) == "table":  # a person is told why the table is empty; data stays data
        found = (
            statements(
                conn,
                year=year,
                kind=kind.value,
                form=form.value if form else None,
                counting=_counting(include_out_of_scope, level),
            )
            if speaker
            else []
        )
        if found:  # the speaker is what matched nothing
            names = Counter(row["speaker"] for row in found if row["speaker"])
            listed = ", ".join(name for name, _ in names.most_common(SPEAKERS_SUGGESTED)) or "none named"
            render.message(
                f"no {kind.value} statements by a speaker matching '{speaker}' (speakers are stored by name);"
                f" speakers of the others: {listed}"
            )
        else:
            years = years_listed(
                conn, kind.value, counting=_counting(include_out_of_scope, level), form=form.value if form else None
            )
            render.message(f"no {kind.value} statements match; years with some: {years}")
    ctx.obj.output(render.statements_view(rows), fmt)


# The speakers `ngkt priorities --speaker` suggests when the name matched nothing: the most frequent.
SPEAKERS_SUGGESTED = 5


@app.command()
def show(
    ctx: typer.Context,
    document: Annotated[
        str,
        typer.Argument(
            help="Document id (or a unique prefix), as `ngkt docs` prints it; a statement id (DOC/L2.3, as diffs"
            " cite it) quotes that item as it reads now, saying how corrections changed it."
        ),
    ],
    item: Annotated[
        Optional[str],
        typer.Option(
            "--item", "-i", help="Quote one item: N in reading order, L<list>.<item>, or D<n> for a directive."
        ),
    ] = None,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also print the lines removed as boilerplate (dimmed).")
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table or markdown (the article), csv or nl (its items, one to a row) or json (the whole"
            " article: document, lists, directives, removed lines, people, versions).",
        ),
    ] = Format.table,
) -> None:
    """Print an article with its lists marked and each item numbered."""

    if item is None:  # a statement id as diffs and reports cite it
        document, item = ids.split_reference(document)
    if not document.strip():
        raise UsageError("give a document id, as `ngkt docs` prints it")
    conn = ctx.obj.open()
    view = document_view(conn, document)
    if item is None:
        ctx.obj.output(render.document_view(view, with_removed=removed), fmt)
    else:  # followed through the article's corrections (docs/ingest.md)
        ctx.obj.output(render.cited_view(view, cited_item(conn, view, item)), fmt)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find; accents optional ('dau tu' finds 'đầu tư').")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many results.")] = 20,
    fmt: FormatOption = Format.table,
) -> None:
    """Full-text search over documents and statements, accent-insensitive."""

    hits = run_search(ctx.obj.open(), query, limit)
    if not hits and ctx.obj.format(fmt) in ("table", "markdown", "csv"):  # json and nl: an empty result
        render.message(f"no match for '{query}'")
        raise typer.Exit(1)
    ctx.obj.output(render.hits_view(hits), fmt)


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    nl = "nl"


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json (stdout, or export.json in --out), nl (one record a line naming its table; stdout or"
            " export.jsonl) or csv (one file per table in --out).",
        ),
    ] = ExportFormat.json,
    out: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Folder to write into (created if missing); needed for csv.")
    ] = None,
) -> None:
    """The whole dataset for scripts and backups: documents with their text, lists, statements
    with their themes, threads, the codebook and your decisions (see docs/export.md).
    `ngkt import` applies the decisions of an export to another database of the same articles."""
    if ctx.obj.format(fmt) == "csv" and out is None:
        raise UsageError("--format csv needs --out DIR (one CSV file per table)")
    data = dataset(ctx.obj.open(), ctx.obj.themes)
    if out is None:
        render.print_export(data, ctx.obj.format(fmt))
    else:
        written = render.write_export(data, out, ctx.obj.format(fmt))
        render.message(f"wrote {', '.join(str(p) for p in written)}")


@app.command("import")
def import_(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="An export: the JSON `ngkt export` prints, or the folder `export --out` wrote."
        ),
    ],
) -> None:
    """Apply the decisions of an export (merges, splits, moves, labels, dates and scopes set by hand) to this database.

    For a database holding the same articles (rebuilt, or a colleague's): decisions about
    statements it does not hold are skipped and counted; then threads are rebuilt with the
    decisions, and each labelled thread's label goes to the thread now holding its statements.
    Importing the same export twice changes nothing.
    """

    from .restore import import_decisions, read_export

    conn = ctx.obj.open()
    data = read_export(source)
    with render.working("applying decisions and relinking"), transaction(conn):
        done = import_decisions(conn, data, str(source), ctx.obj.themes)
    render.message(
        f"imported {source}: {done.new} new decision(s), {done.present} already here, {done.missing} about statements "
        f"not in this database; {done.corrections} date(s) and scope(s) set by hand applied; {done.labels} label(s) "
        f"applied; {done.threads} thread(s)"
    )


@app.command()
def info(
    ctx: typer.Context,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table (one field a line), json, csv, markdown or nl.")
    ] = Format.table,
) -> None:
    """What the database is and holds: path, schema version, counts, codebook, last ingest."""

    ctx.obj.output(render.facts_view(database_info(ctx.obj.open(), ctx.obj.codebook or "default")), fmt)


# ---------------------------------------------------------------------------------------------
# Stage 3: threads and themes


@app.command()
def relink(ctx: typer.Context) -> None:
    """Rebuild every thread from scratch (deterministic); ids, labels and your decisions are kept.

    Every statement is coded again too: with `ngkt --codebook FILE relink`, with that codebook,
    which the database records as its own from then on.
    """

    conn = ctx.obj.open(switch_codebook=True)
    binding = ctx.obj.binding
    with render.working("relinking every statement"), transaction(conn):
        recode_themes(conn, binding.themes)
        record_codebook(conn, binding)
        summary = rebuild(conn)
    if binding.switched:
        render.message(
            f"recoded every statement with {describe(binding.name, binding.sha)}; the database was coded with "
            f"{describe(*binding.recorded)}"
        )
    render.message(
        f"relinked {summary['statements']} statement(s) into {summary['threads']} thread(s); {summary['kept']} kept "
        f"their id"
    )


@app.command()
def threads(
    ctx: typer.Context,
    year: Annotated[
        Optional[int], typer.Option("--year", "-y", help="Only threads with a statement for this year.")
    ] = None,
    min_years: Annotated[
        int, typer.Option("--min-years", min=1, help="Only threads seen in at least this many years.")
    ] = 1,
    kind: KindOption = Kind.priority,
    form: FormFilter = None,
    include_out_of_scope: IncludeOutOfScope = False,
    level: LevelOption = Level.all,
    fmt: FormatOption = Format.table,
) -> None:
    """List threads (one priority followed over the years) with their years and label.

    Off-topic articles' items are never linked; --include-out-of-scope lists each one alone.
    """

    if year is not None:
        _year(str(year))
    rows = list_threads(
        ctx.obj.open(),
        year=year,
        min_years=min_years,
        kind=kind.value,
        form=form.value if form else None,
        counting=_counting(include_out_of_scope, level),
    )
    ctx.obj.output(render.threads_view(rows), fmt)


class _ThreadGroup(_Group):
    """`ngkt thread T0003` is `ngkt thread show T0003`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


doc_app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    help="Correct one document by hand, its date or its scope (your corrections last through re-ingest).",
)
app.add_typer(doc_app, name="doc")


@doc_app.command("date")
def doc_date(
    ctx: typer.Context,
    doc: Annotated[str, typer.Argument(help="Document id or unique prefix (as `ngkt docs` prints it).")],
    date: Annotated[
        str,
        typer.Argument(
            callback=_check_date_or_rule,
            help="The day its statements were made (YYYY-MM-DD), or rule: the date the rules gave it.",
        ),
    ],
) -> None:
    """Set a document's date by hand (date_source "user"), or hand it back to the rules' date
    (`rule`); its lists are extracted again."""
    from .ingest import RULE_DATE, set_date

    conn = ctx.obj.open()
    doc_id = require_document_id(conn, doc)
    changed = set_date(conn, doc_id, date, ctx.obj.themes)
    if date == RULE_DATE:
        dated = get_document(conn, doc_id)
        said = (
            f"dated {dated.date} by the rules ({dated.date_source})" if dated and dated.date else "undated by the rules"
        )
        render.message(f"{doc_id}: {said}" if changed else f"{doc_id}: already {said}")
    else:
        render.message(f"{doc_id}: dated {date} by hand" if changed else f"{doc_id}: already dated {date} by hand")


thread_app = typer.Typer(
    cls=_ThreadGroup, no_args_is_help=True, help="Show one thread, or correct threads (your corrections last)."
)
app.add_typer(thread_app, name="thread")


@thread_app.command("show")
def thread_show(
    ctx: typer.Context,
    thread: Annotated[str, typer.Argument(help="Thread id, e.g. T0003.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Members by year with source, similarity to the thread and shared key terms."""

    ctx.obj.output(render.thread_view(thread_view(ctx.obj.open(), thread.upper(), ctx.obj.themes)), fmt)


def _curate(session: Session, action: Callable[..., T], *args: object) -> T:
    conn = session.open()
    with transaction(conn):
        return action(conn, *args)


@thread_app.command("merge")
def thread_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="Thread that stays (its id and label are kept).")],
    other: Annotated[str, typer.Argument(help="Thread whose statements move into KEEP.")],
) -> None:
    """Merge thread OTHER into KEEP, for good."""

    moved = _curate(ctx.obj, merge, keep.upper(), other.upper())
    render.message(f"merged {other.upper()} into {keep.upper()}: {moved} statement(s) moved")


@thread_app.command("split")
def thread_split(
    ctx: typer.Context, statement: Annotated[str, typer.Argument(help="Statement id, e.g. bc4dfcb9f9f2/L1.3.")]
) -> None:
    """Move a statement out of its thread into a thread of its own, for good."""

    new_thread = _curate(ctx.obj, split, statement)
    render.message(f"{statement} is now alone in {new_thread}")


@thread_app.command("move")
def thread_move(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="Statement id.")],
    thread: Annotated[str, typer.Argument(help="Thread to move it into.")],
) -> None:
    """Move a statement into another thread, for good."""

    _curate(ctx.obj, move, statement, thread.upper())
    render.message(f"moved {statement} to {thread.upper()}")


@thread_app.command("label")
def thread_label(
    ctx: typer.Context,
    thread: Annotated[str, typer.Argument(help="Thread id.")],
    text: Annotated[str, typer.Argument(help="The label; '' goes back to the automatic one.")],
) -> None:
    """Name a thread; the name stays through relinking."""

    _curate(ctx.obj, label, thread.upper(), text)
    render.message(f"labelled {thread.upper()}")


@thread_app.command("history")
def thread_history(
    ctx: typer.Context,
    thread: Annotated[str, typer.Argument(help="Thread id.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Your decisions about a thread, oldest first."""

    rows = history(ctx.obj.open(), thread.upper())
    if not rows and ctx.obj.format(fmt) == "table":  # a person is told why the table is empty
        render.message(f"no decisions about {thread.upper()} yet: its links are the rules' own")
    ctx.obj.output(render.View(rows, render.HISTORY_COLUMNS), fmt)


class ThemesBy(str, Enum):
    year = "year"
    document = "document"


@app.command()
def themes(
    ctx: typer.Context,
    by: Annotated[
        ThemesBy, typer.Option("--by", help="year: share of each year's statements; document: each article's themes.")
    ] = ThemesBy.year,
    kind: KindOption = Kind.priority,
    form: FormFilter = None,
    level: LevelOption = Level.all,
    fmt: FormatOption = Format.table,
) -> None:
    """How often each theme of the codebook is stated, per target year (as shares) or per document."""

    if by == ThemesBy.document:
        ctx.obj.output(render.View(document_themes(ctx.obj.open(), ctx.obj.themes), render.DOCUMENT_THEME_COLUMNS), fmt)
    else:
        ctx.obj.output(
            render.shares_view(
                theme_shares(
                    ctx.obj.open(),
                    ctx.obj.themes,
                    kind.value,
                    form.value if form else None,
                    _counting(False, level),
                )
            ),
            fmt,
        )


# ---------------------------------------------------------------------------------------------
# Stage 4 and 5: diffs, timelines, reports


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
def diff(
    ctx: typer.Context,
    year_from: Annotated[str, typer.Argument(metavar="FROM", help="The earlier year, e.g. 2023.")],
    year_to: Annotated[str, typer.Argument(metavar="TO", help="The later year, e.g. 2024.")],
    by: ByOption = By.target,
    kind: KindOption = Kind.priority,
    form: FormFilter = None,
    include_out_of_scope: IncludeOutOfScope = False,
    level: LevelOption = Level.all,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table (terminal or plain text), json, csv or nl (one row per cited statement) or markdown.",
        ),
    ] = Format.table,
) -> None:
    """What changed between two years: new, dropped and persisting priorities, themes, words.

    Every row cites its sources (document, date, speaker, statement id for `ngkt show`). The
    header says how many statements and articles each year rests on, which articles are left
    out (off-topic, undated), and flags a year whose evidence is thin.
    """

    before, after = _ordered_years(_year(year_from), _year(year_to))
    with _collector_paused():
        result = year_diff(
            ctx.obj.open(),
            before,
            after,
            by=by.value,
            kind=kind.value,
            form=form.value if form else None,
            counting=_counting(include_out_of_scope, level),
            codebook=ctx.obj.themes,
        )
        ctx.obj.output(render.diff_view(result), fmt)


@app.command()
def timeline(
    ctx: typer.Context,
    thread: Annotated[
        Optional[str], typer.Option("--thread", "-t", help="One thread's full story, with quotes.")
    ] = None,
    kind: KindOption = Kind.priority,
    by: ByOption = By.target,
    min_years: Annotated[
        int, typer.Option("--min-years", min=1, help="Only threads seen in at least this many years.")
    ] = 1,
    form: FormFilter = None,
    include_out_of_scope: IncludeOutOfScope = False,
    level: LevelOption = Level.all,
    fmt: FormatOption = Format.table,
) -> None:
    """Threads x years: which priorities appear in which years (best rank), strongest first."""

    if thread:
        ctx.obj.output(render.thread_view(thread_view(ctx.obj.open(), thread.upper(), ctx.obj.themes)), fmt)
    else:
        ctx.obj.output(
            render.timeline_view(
                *grid(
                    ctx.obj.open(),
                    kind.value,
                    by.value,
                    min_years,
                    _counting(include_out_of_scope, level),
                    form.value if form else None,
                )
            ),
            fmt,
        )


@app.command()
def report(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the report set (created if missing); refused if it holds files ngkt did not write.",
        ),
    ],
    years: Annotated[
        Optional[tuple[int, int]], typer.Option("--years", help="Also write the diff of these two years.")
    ] = None,
    wait: Annotated[
        float, typer.Option("--wait", min=0, help="Seconds to wait for another run's lock; then exit 75.")
    ] = 60,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List the files written, unchanged and removed.")
    ] = False,
    include_out_of_scope: IncludeOutOfScope = False,
    level: LevelOption = Level.all,
) -> None:
    """Write a report set for cron: index and year-on-year diffs as Markdown, HTML and JSON.

    Quiet on success (a terminal gets one line saying where; --verbose lists every file); files are
    replaced atomically and only when their content changed, and
    files an earlier run wrote that this one did not (years no longer reported) are removed.
    Exit status: 0 done, 1 error, 2 usage, 75 another run held the lock longer than --wait.
    """

    pair = _ordered_years(*(_year(str(y)) for y in years)) if years else None
    conn = ctx.obj.open()
    with report_lock(out, wait):
        written = build_report(conn, out, ctx.obj.themes, pair, _counting(include_out_of_scope, level))
    if verbose:
        for item in written:
            render.message(f"{item.action} {item.path}")
    elif sys.stderr.isatty():  # a person at a terminal is told where it went; cron hears nothing
        done = Counter(item.action for item in written if item.path.name != MANIFEST_NAME)
        render.message(
            f"report in {out}: {done['wrote']} written, {done['unchanged']} unchanged, {done['removed']} removed; "
            f"open {out / 'index.html'}"
        )


# ---------------------------------------------------------------------------------------------
# One document: the analyst's corrections (`doc date` is above, with the group)


class ScopeChoice(str, Enum):
    in_ = "in"
    out = "out"
    rule = "rule"


@doc_app.command("scope")
def doc_scope(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Document id (or a unique prefix), as `ngkt docs` prints it.")],
    scope: Annotated[
        ScopeChoice,
        typer.Argument(help="in: about Vietnam's foreign affairs; out: off-topic; rule: let the scope rule decide."),
    ],
) -> None:
    """Set a document's scope by hand (scope_source "user"), overriding the rule until you hand it back.

    Out of scope, its statements leave their threads and every year view; in scope, they are
    linked at once. The choice survives re-ingesting a changed version of the file and `ngkt
    reextract`; `rule` hands the document back to the scope rule (scope_source "rule").
    """

    done = _curate(ctx.obj, lambda conn: set_scope(conn, document, scope.value, ctx.obj.themes))
    where = {"in": "in scope", "out": "out of scope"}
    change = "unchanged" if done["was"] == done["scope"] else f"was {where[done['was']]}"
    render.message(f"{done['id']} is now {where[done['scope']]} ({change}); {done['reason']}")


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminate)
    app(prog_name="ngkt")  # (the `ngkt` command runs it with the kept patterns in force: __main__)


if __name__ == "__main__":
    main()
