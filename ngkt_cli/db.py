"""The one door to the database: open (with migrations), write in transactions, rows <-> dataclasses."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import ids
from .errors import DatabaseError, Refused
from .link import count_document_terms, link_order, now, refresh_labels, statement_theme_tuples
from .link_store import WrittenStatements
from .migrations import APPLICATION_ID, MIGRATIONS
from .models import Document, Extraction, Person, RemovedLine, Statement, StatementList, Wordings
from .text import fold, key, same_items
from .themes import DEFAULT, Binding, Codebook, content_hash, describe, load_codebook, read_codebook

DEFAULT_DB = "db/ngkt.db"

# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 60


def _schema_version(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(user_version, application_id, number of tables)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return version, app_id, tables


def _check_ours(path: str, version: int, app_id: int, tables: int) -> None:
    if app_id != APPLICATION_ID and (app_id != 0 or tables > 0):
        raise DatabaseError(f"{path}: not an ngkt database (it holds other tables); choose another --db")
    if version > len(MIGRATIONS):
        raise DatabaseError(
            f"{path}: written by a newer ngkt (schema {version}, this one knows {len(MIGRATIONS)}); upgrade ngkt"
        )


def migrate(conn: sqlite3.Connection, path: str = "database") -> None:
    """Apply the pending numbered migrations, all in one write transaction."""
    _check_ours(path, *_schema_version(conn))
    if conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
        return
    with transaction(conn):
        version, app_id, tables = _schema_version(conn)
        _check_ours(path, version, app_id, tables)
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting while another process creates the database (the pragma takes no busy timeout)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def open_db(path: str | Path = DEFAULT_DB, *, create: bool = True) -> sqlite3.Connection:
    """Connect (creating the file and its folder, unless `create` is false: then a missing
    database is a DatabaseError, never an empty one made up), enable WAL and foreign keys, migrate."""
    path = Path(path)
    existed = path.exists()
    if not create and not existed:
        raise DatabaseError(f"{path}: no database there; run `ngkt ingest` first to create it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.row_factory = sqlite3.Row
        _use_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, str(path))
    except sqlite3.DatabaseError as error:
        raise DatabaseError(_cannot_open(path, existed, error)) from None
    except OSError as error:
        raise DatabaseError(f"{path}: cannot create the database ({error.strerror})") from None
    return conn


def _cannot_open(path: Path, existed: bool, error: sqlite3.DatabaseError) -> str:
    """Why SQLite could not open PATH, in the user's terms where SQLite's own are vague."""
    if path.is_dir():
        return f"{path}: is a folder, not a database file; give --db a file such as {path / 'ngkt.db'}"
    if not existed and "unable to open" in str(error):
        return f"{path}: cannot create the database: its folder cannot be written to ({error})"
    if "readonly" in str(error) or "unable to open" in str(error):
        return (
            f"{path}: cannot write to the database or its folder ({error}); ngkt writes there even to read:"
            " copy the database to a folder you can write to"
        )
    return f"{path}: cannot open the database ({error})"


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all of a write or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# WAL pages between checkpoints while a bulk write runs (SQLite's default is 1,000): each
# checkpoint copies pages back into the database and syncs, and a page written by several
# transactions is copied once per checkpoint. 20,000 pages (80 MB of WAL at most) saved 2 s of a
# 31 s ingest of 10,000 articles.
BULK_CHECKPOINT_PAGES = 20_000


@contextmanager
def bulk_writes(conn: sqlite3.Connection) -> Iterator[None]:
    """Checkpoint the WAL seldom during a long write, then once, truncating it, at the end."""
    conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        try:
            conn.execute("PRAGMA wal_autocheckpoint = 1000")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # gives way (does not fail) when a reader is active
        except sqlite3.Error:
            pass  # a later connection checkpoints; the write's own error, if any, is the one to report


# SQLite's own checkpoint threshold (pages), which a bulk write returns to for its last transactions.
CHECKPOINT_PAGES = 1_000


def checkpoint_often(conn: sqlite3.Connection) -> None:
    """Inside `bulk_writes`: from the next commit on, checkpoint the WAL at SQLite's usual
    threshold again. A bulk write calls it for its last transactions, so that the WAL it leaves
    (what the final checkpoint copies and syncs while the user waits) holds only their pages
    and the linking's: the rest is copied at that commit, while the workers still run."""
    conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")


@contextmanager
def grouped_transactions(conn: sqlite3.Connection, size: int, before_commit=lambda: None) -> Iterator:
    """Transactions of `size` units each: call the yielded function after each unit is written.

    A crash loses at most the open group, never part of a unit; a re-run redoes it.
    `before_commit` writes what belongs to the whole group (document frequencies).
    """
    conn.execute("BEGIN IMMEDIATE")
    count = 0

    def written() -> None:
        nonlocal count
        count += 1
        if count >= size:
            before_commit()
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            count = 0

    try:
        yield written
        before_commit()
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """Insert rows that share their keys, in one statement."""
    if not rows:
        return
    columns = list(rows[0])
    marks = ", ".join("?" for _ in columns)
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", [[r[c] for c in columns] for r in rows]
    )


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    _insert_many(conn, table, [row])


# ---------------------------------------------------------------------------------------------
# Documents


def document_row(doc: Document) -> dict:
    return {
        "id": doc.id,
        "path": doc.path,
        "title": doc.title,
        "date": doc.date,
        "date_source": doc.date_source,
        "published": doc.published,
        "statement_year": doc.statement_year,
        "byline": doc.byline,
        "duplicate_of": doc.duplicate_of,
        "body": doc.body,
        "encoding": doc.encoding,
        "source_format": doc.source_format,
        "source_sha": doc.source_sha,
        "sketch": doc.sketch,
        "shingle_count": doc.shingle_count,
        "scope": doc.scope,
        "scope_reason": doc.scope_reason,
        "scope_source": doc.scope_source,
        "source": doc.source,
        "content_sha": doc.content_sha,
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def row_to_document(conn: sqlite3.Connection, row: sqlite3.Row) -> Document:
    people = conn.execute("SELECT name, title FROM people WHERE document_id = ?", [row["id"]]).fetchall()
    removed = conn.execute(
        "SELECT line_no, reason, text FROM removed_lines WHERE document_id = ? ORDER BY line_no", [row["id"]]
    ).fetchall()
    return Document(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        body=row["body"],
        date=row["date"],
        date_source=row["date_source"],
        published=row["published"],
        statement_year=row["statement_year"],
        byline=row["byline"],
        people=tuple(Person(p["name"], p["title"]) for p in people),
        removed=tuple(RemovedLine(r["line_no"], r["reason"], r["text"]) for r in removed),
        encoding=row["encoding"],
        source_format=row["source_format"],
        source_sha=row["source_sha"],
        duplicate_of=row["duplicate_of"],
        scope=row["scope"] or "in",
        scope_reason=row["scope_reason"],
        scope_source=row["scope_source"] or "rule",
        source=row["source"],
        content_sha=row["content_sha"] or "",
    )


def get_document(conn: sqlite3.Connection, document_id: str) -> Document | None:
    """A document by id or unique id prefix (as `ngkt docs` prints it)."""
    rows = conn.execute("SELECT * FROM documents WHERE id LIKE ? || '%' LIMIT 2", [document_id]).fetchall()
    return row_to_document(conn, rows[0]) if len(rows) == 1 else None


# What ingest reads from a file besides its text, which a later version of ngkt may read
# differently in a file whose text it cleans the same: ingesting the file again takes the new
# reading (`reading_changes`). The analyst's date and scope are theirs, never read anew.
READ_FIELDS = ("title", "date", "date_source", "published", "statement_year", "byline", "scope", "scope_reason")
USER_DATED_FIELDS = frozenset({"date", "date_source", "statement_year"})
USER_SCOPED_FIELDS = frozenset({"scope", "scope_reason"})
_STORED_COLUMNS = ", ".join(("id", "content_sha", "source", "scope_source", *READ_FIELDS))


def stored_document(conn: sqlite3.Connection, doc: Document) -> sqlite3.Row | None:
    """(id, content_sha, source, scope_source and READ_FIELDS) of the stored document `doc` is a
    version of: the one from the same source, else one stored before sources were recorded from
    the same path (which the new version claims). Text read from stdin has no source: the same
    text is the same document."""

    def first(where: str, value: str) -> sqlite3.Row | None:
        return conn.execute(f"SELECT {_STORED_COLUMNS} FROM documents WHERE {where} LIMIT 1", [value]).fetchone()

    if doc.source is None:
        return first("content_sha = ?", doc.content_sha)
    return first("source = ?", doc.source) or first("source IS NULL AND path = ?", doc.path)


def claim_source(conn: sqlite3.Connection, document_id: str, source: str) -> None:
    """Record the source of a document stored before sources were (found by its path), or
    the new place of a file that moved."""
    conn.execute("UPDATE documents SET source = ? WHERE id = ?", [source, document_id])


def documents_of_content(conn: sqlite3.Connection, content_sha: str) -> list[sqlite3.Row]:
    """The documents whose current text this is, with the columns of `stored_document`."""
    return conn.execute(
        f"SELECT {_STORED_COLUMNS} FROM documents WHERE content_sha = ? ORDER BY rowid", [content_sha]
    ).fetchall()


def reading_changes(stored: sqlite3.Row, doc: Document) -> list[str]:
    """The READ_FIELDS this version reads differently in `doc` from its stored reading `stored`
    (a `stored_document` row of the same text), but the date and scope the analyst set."""
    kept = (USER_DATED_FIELDS if stored["date_source"] == "user" else frozenset()) | (
        USER_SCOPED_FIELDS if stored["scope_source"] == "user" else frozenset()
    )
    mine = document_row(doc)
    return [field for field in READ_FIELDS if field not in kept and stored[field] != mine[field]]


def new_document_id(conn: sqlite3.Connection, doc: Document) -> str:
    """The id of a source seen for the first time: the hash of its text, as every id was before
    sources were recorded (a database rebuilt from the same files gets the same ids); when
    another document holds that id (the same text from another source, or an older version of
    another document), the hash of its text and source."""
    candidate, salt = doc.content_sha, 0
    while conn.execute("SELECT 1 FROM documents WHERE id = ?", [candidate]).fetchone():
        salt += 1
        candidate = hashlib.sha256(f"{doc.content_sha}\n{doc.source}\n{salt}".encode()).hexdigest()[:12]
    return candidate


def user_scope(conn: sqlite3.Connection, document_ids: list[str]) -> dict:
    """The scope the analyst set on one of these documents (older versions of a file being
    re-ingested), as Document fields, or {} when the rule decides."""
    if not document_ids:
        return {}
    marks = ", ".join("?" * len(document_ids))
    row = conn.execute(
        f"SELECT scope, scope_reason FROM documents WHERE id IN ({marks}) AND scope_source = 'user' LIMIT 1",
        document_ids,
    ).fetchone()
    return {"scope": row["scope"], "scope_reason": row["scope_reason"], "scope_source": "user"} if row else {}


def set_scope(conn: sqlite3.Connection, document_id: str, scope: str, reason: str, source: str) -> set[str]:
    """Record a document's scope (inside the caller's transaction). Out of scope, its statements
    leave their threads; returns the threads they left (the caller relabels them). In scope, its
    unthreaded statements are linked by the caller's next `link_pending`."""
    conn.execute(
        "UPDATE documents SET scope = ?, scope_reason = ?, scope_source = ? WHERE id = ?",
        [scope, reason, source, document_id],
    )
    if scope != "out":
        return set()
    left = {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT thread_id FROM statements WHERE document_id = ? AND thread_id IS NOT NULL", [document_id]
        )
    }
    conn.execute("UPDATE statements SET thread_id = NULL WHERE document_id = ?", [document_id])
    return left


def set_document_date(conn: sqlite3.Connection, doc: Document) -> None:
    """Write a document's date, date_source and statement year (inside the caller's transaction)."""
    conn.execute(
        "UPDATE documents SET date = ?, date_source = ?, statement_year = ? WHERE id = ?",
        [doc.date, doc.date_source, doc.statement_year, doc.id],
    )


def keep_rule_date(conn: sqlite3.Connection, doc: Document) -> None:
    """Remember the date the rules gave `doc` before it is dated by hand (table rule_dates)."""
    conn.execute(
        """INSERT INTO rule_dates (document_id, date, date_source, statement_year) VALUES (?, ?, ?, ?)
           ON CONFLICT(document_id) DO UPDATE SET date = excluded.date, date_source = excluded.date_source,
           statement_year = excluded.statement_year""",
        [doc.id, doc.date, doc.date_source, doc.statement_year],
    )


def rule_date_of(conn: sqlite3.Connection, document_id: str) -> tuple[str | None, str | None, int | None] | None:
    """(date, date_source, statement_year) the rules gave a document dated by hand, if kept."""
    row = conn.execute(
        "SELECT date, date_source, statement_year FROM rule_dates WHERE document_id = ?", [document_id]
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def user_date_of(conn: sqlite3.Connection, document_ids: list[str]) -> str | None:
    """The date set by hand on any of these documents (older versions of a file), if one was."""
    marks = ", ".join("?" * len(document_ids))
    row = conn.execute(
        f"SELECT date FROM documents WHERE id IN ({marks}) AND date_source = 'user' AND date IS NOT NULL LIMIT 1",
        document_ids,
    ).fetchone()
    return row[0] if row else None


def duplicate_candidates(
    conn: sqlite3.Connection, doc: Document, sketch_of, day_without_year: tuple[int, int] | None = None
) -> list[tuple[str, tuple[int, bytes]]]:
    """(id, (shingle count, sketch)) of stored originals dated within a day of `doc`, the same
    day first (or of the same undated year): the blocking key. A report dated by its page stamp
    only is often a day after the report that names the event's day. An undated copy is also
    compared with the originals dated within a day of the (day, month) it names in any year, or,
    naming none, dated in its statement year: a syndicated copy often drops the year. Documents
    stored before sketches existed get one from their body."""
    params: list[object]
    if doc.date:
        day = dt.date.fromisoformat(doc.date)
        sql, params = "date IN (?, ?, ?)", [(day + dt.timedelta(days=shift)).isoformat() for shift in (-1, 0, 1)]
    else:
        sql, params = "(date IS NULL AND statement_year IS ?)", [doc.statement_year]
        if day_without_year:
            day = dt.date(2000, day_without_year[1], day_without_year[0])  # a leap year: 29/2 exists
            sql += " OR substr(date, 6) IN (?, ?, ?)"
            params += [(day + dt.timedelta(days=shift)).isoformat()[5:] for shift in (-1, 0, 1)]
        elif doc.statement_year is not None:
            sql += " OR substr(date, 1, 4) = ?"
            params.append(str(doc.statement_year))
        sql = f"({sql})"
    # "+duplicate_of": never through the duplicate_of index, which SQLite would otherwise choose
    # for three days (every original has duplicate_of NULL: a scan of all documents, 8 ms at 10,000).
    rows = conn.execute(
        f"""SELECT id, shingle_count, sketch, CASE WHEN sketch IS NULL THEN body END AS body FROM documents
            WHERE {sql} AND +duplicate_of IS NULL AND id != ? ORDER BY date IS NOT ?, ingested_at, id""",
        [*params, doc.id, doc.date],
    )
    return [(r[0], (r[1], r[2]) if r[2] else sketch_of(r[3])) for r in rows]  # (id, (count, sketch)) or body


def undated_originals(conn: sqlite3.Connection, doc: Document, sketch_of) -> list[tuple[str, tuple[int, bytes]]]:
    """(id, (shingle count, sketch)) of stored undated originals that `doc` (dated) may be the
    original of: of its statement year or of none. A syndicated copy that drops the year is
    often stored before the dated report it copies."""
    rows = conn.execute(
        """SELECT id, shingle_count, sketch, CASE WHEN sketch IS NULL THEN body END AS body FROM documents
           WHERE date IS NULL AND (statement_year IS NULL OR statement_year = ?) AND +duplicate_of IS NULL
             AND id != ?""",
        [doc.statement_year, doc.id],
    )
    return [(r["id"], (r["shingle_count"], r["sketch"]) if r["sketch"] else sketch_of(r["body"])) for r in rows]


def make_duplicate(conn: sqlite3.Connection, document_id: str, original: str) -> None:
    """Count `document_id` (and its own copies) as copies of `original` from now on; its words leave
    the document frequencies, as a duplicate's never enter them."""
    row = conn.execute("SELECT body, terms_counted FROM documents WHERE id = ?", [document_id]).fetchone()
    if row and row["terms_counted"]:
        count_document_terms(conn, [(document_id, row["body"])], -1)
    conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [original, document_id])
    conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", [original, document_id])


def wordings(conn: sqlite3.Connection, document_id: str) -> Wordings:
    """(speaker, item keys in order) of each stored list of a document, and (speaker, key) of each
    of its directives."""
    lists: dict[str, tuple[str | None, list[str]]] = {}
    for list_id, speaker, text_key in conn.execute(
        """SELECT l.id, l.speaker, s.text_key FROM lists l JOIN statements s ON s.list_id = l.id
           WHERE l.document_id = ? AND s.document_id = ? ORDER BY l.position, s.ordinal""",
        [document_id, document_id],  # both: statements are indexed by document, not by list
    ):
        lists.setdefault(list_id, (speaker, []))[1].append(text_key)
    directives = conn.execute(
        """SELECT speaker, text_key FROM statements WHERE document_id = ? AND form = 'directive'
           ORDER BY paragraph, char_start""",
        [document_id],
    ).fetchall()
    return Wordings(
        tuple((speaker, tuple(keys)) for speaker, keys in lists.values()), tuple((s, k) for s, k in directives)
    )


def meta_values(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """The stored values of these `meta` keys (absent keys are left out)."""
    keys = list(keys)
    rows = conn.execute(f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})", keys).fetchall()
    return {row[0]: row[1] for row in rows}


def set_meta_values(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def keep_sketches_of_scheme(conn: sqlite3.Connection, scheme: str) -> None:
    """Drop the stored sketches unless they were made by `scheme` (ingest.SKETCH_SCHEME): the
    duplicate check computes a missing sketch from the body."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'sketch_scheme'").fetchone()
    if row is None or row[0] != scheme:
        conn.execute("UPDATE documents SET sketch = NULL, shingle_count = NULL WHERE sketch IS NOT NULL")
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('sketch_scheme', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [scheme],
        )


# The columns of the rows `PendingRows` holds for each table, in the order of their values: the
# rows are tuples (built in an ingest worker, `document_rows`, and sent to the writer as they are).
ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "removed_lines": ("document_id", "line_no", "reason", "text"),
    "people": ("document_id", "name", "title"),
    "lists": (
        "id",
        "document_id",
        "position",
        "kind",
        "announced_count",
        "item_count",
        "count_mismatch",
        "target_year",
        "speaker",
        "speaker_title",
        "cue",
        "marker",
        "truncated",
    ),
    "statements": (
        "id",
        "document_id",
        "list_id",
        "kind",
        "ordinal",
        "target_year",
        "speaker",
        "text",
        "text_key",
        "paragraph",
        "char_start",
        "char_end",
        "link_order",
        "form",
        "cue",
        "cue_start",
        "cue_end",
        "actor_level",
    ),
    "statement_themes": ("statement_id", "theme", "position"),
    "search_index": ("rowid", "folded"),
}
STATEMENT_ID, STATEMENT_TEXT_KEY = ROW_COLUMNS["statements"].index("id"), ROW_COLUMNS["statements"].index("text_key")


class PendingRows:
    """Rows of the open transaction's documents, written table by table just before it commits:
    one statement per table for a group of documents instead of a dozen per document.

    Only rows nothing reads back before the commit wait here; a document's own row is written
    at once (the next file may be its duplicate). Rows are tuples in `ROW_COLUMNS` order.
    """

    # Parents before children (foreign keys are checked row by row).
    TABLES = ("removed_lines", "people", "lists", "statements", "statement_themes", "search_index")

    def __init__(self, kept: WrittenStatements | None = None) -> None:
        # the statements' and their themes' rows written are added to `kept`, when given, for a
        # first linking to take instead of reading them back
        self.kept = kept
        self.clear()

    def clear(self) -> None:
        self.rows: dict[str, list[tuple]] = {table: [] for table in self.TABLES}

    def add(self, table: str, rows: Iterable[tuple]) -> None:
        self.rows[table].extend(rows)

    def flush(self, conn: sqlite3.Connection) -> None:
        if self.kept is not None:
            self.kept.statements += self.rows["statements"]
            self.kept.themes += self.rows["statement_themes"]
        for table in self.TABLES:
            if rows := self.rows[table]:
                columns = ROW_COLUMNS[table]
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
                )
        self.clear()


@dataclass(frozen=True)
class DocumentRows:
    """A document's rows for the tables `PendingRows` holds (all but the search index's, whose row
    id the writer hands out), built for the id and date it is to be stored under: an ingest
    worker builds them, so that the single writer only writes. Rows built for another id or date
    than the writer settles (an id another source holds, a date set by hand) are built again."""

    document_id: str
    date: str | None
    tables: dict[str, list[tuple]]

    def fit(self, doc: Document) -> bool:
        return self.document_id == doc.id and self.date == doc.date


def document_rows(
    doc: Document, extraction: Extraction, coded: Coded | None = None, codebook: Codebook | None = None
) -> DocumentRows:
    """`doc`'s removed lines, people, lists, statements and statement themes as rows (a pure
    function: the ingest worker calls it). Themes are `coded`'s, else coded with `codebook`."""
    lists, statements, themes = _extraction_rows(doc.id, doc.date, extraction, coded, codebook)
    tables: dict[str, list[tuple]] = {
        "removed_lines": [(doc.id, line.line_no, line.reason, line.text) for line in doc.removed],
        "people": [(doc.id, p.name, p.title) for p in doc.people],
        "lists": lists,
        "statements": statements,
        "statement_themes": themes,
    }
    return DocumentRows(doc.id, doc.date, tables)


def _children(doc: Document, folded_body: str | None, pending: PendingRows, search_rowid: int) -> None:
    """A document's removed lines, people and search entry, as pending rows."""
    pending.add("removed_lines", [(doc.id, line.line_no, line.reason, line.text) for line in doc.removed])
    pending.add("people", [(doc.id, p.name, p.title) for p in doc.people])
    _search_entry(doc, folded_body, pending, search_rowid)


def _search_entry(doc: Document, folded_body: str | None, pending: PendingRows, search_rowid: int) -> None:
    folded = folded_body if folded_body is not None else fold(doc.body)
    pending.add("search_index", [(search_rowid, folded)])


def _search_rowid(conn: sqlite3.Connection, document_id: str) -> int:
    """The search index row of a new document (its folded body goes into the index with the pending rows)."""
    rowid = conn.execute("INSERT INTO search_rows (document_id) VALUES (?)", [document_id]).lastrowid
    assert rowid is not None  # an INSERT always has one
    return rowid


def _unindex_for_search(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove a document's body from the contentless search index, which must be told the
    folded text it indexed (it keeps no copy)."""
    row = conn.execute(
        "SELECT r.search_rowid, d.body FROM search_rows r JOIN documents d ON d.id = r.document_id"
        " WHERE r.document_id = ?",
        [document_id],
    ).fetchone()
    if row:
        conn.execute(
            "INSERT INTO search_index (search_index, rowid, folded) VALUES ('delete', ?, ?)", [row[0], fold(row[1])]
        )
        conn.execute("DELETE FROM search_rows WHERE search_rowid = ?", [row[0]])


def delete_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove a document with everything extracted from it (inside the caller's transaction)."""
    row = conn.execute("SELECT body, terms_counted FROM documents WHERE id = ?", [document_id]).fetchone()
    if row and row["terms_counted"]:
        count_document_terms(conn, [(document_id, row["body"])], -1)
    _unindex_for_search(conn, document_id)
    conn.execute("DELETE FROM documents WHERE id = ?", [document_id])


@dataclass(frozen=True)
class Coded:
    """What an ingest worker worked out for a document, so the writer need not: the folded body
    and each statement text's key and themes."""

    folded_body: str
    keys: dict[str, str]
    themes: dict[str, list[tuple[str, int]]]
    # (speaker, text, list lead-in) -> actor level (`actors.actor_level`), as the linking's
    # `store_actor_levels` would work it out from the stored rows; a statement missing here gets
    # its level there.
    actor_levels: dict[tuple[str | None, str, str | None], str] | None = None


def save_document(
    conn: sqlite3.Connection,
    doc: Document,
    extraction: Extraction,
    replaces: list[str],
    coded: Coded | None = None,
    pending: PendingRows | None = None,
    built: DocumentRows | None = None,
) -> None:
    """Write one document and its extraction, replacing older versions (inside the caller's
    transaction). With `pending`, the rows that can wait are left there for the caller to flush.
    `built`: the extraction's rows built already (by an ingest worker), used when they fit."""
    rows = pending if pending is not None else PendingRows()
    _insert(conn, "documents", document_row(doc))
    if replaces and pending is not None:
        pending.flush(conn)  # the replaced version may be among the pending rows
    replaced_statements = statement_keys(conn, replaces)
    for old_id in replaces:
        conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [doc.id, old_id])
        delete_document(conn, old_id)
    search_rowid = _search_rowid(conn, doc.id)
    if built is None or not built.fit(doc):
        built = document_rows(doc, extraction, coded)
    for table, table_rows in built.tables.items():
        rows.add(table, table_rows)
    _search_entry(doc, coded.folded_body if coded else None, rows, search_rowid)
    statements = built.tables["statements"]
    carry_decisions(conn, replaced_statements, [(row[STATEMENT_ID], row[STATEMENT_TEXT_KEY]) for row in statements])
    if pending is None:
        rows.flush(conn)


def save_version(
    conn: sqlite3.Connection,
    doc: Document,
    extraction: Extraction,
    coded: Coded | None = None,
    cause: str = "correction",
) -> None:
    """Write a new version of a stored document under its id (inside the caller's transaction):
    its text corrected (`cause` "correction"), or the same text read anew ("re-extraction").

    The replaced version is kept in `document_versions`; statements worded as before keep their
    thread (and the analyst's decisions, `carry_decisions`), a reworded item its thread too; what
    became of every statement id the correction changed goes into `statement_history`, where
    `ngkt show` finds an old citation.
    """
    old = conn.execute("SELECT * FROM documents WHERE id = ?", [doc.id]).fetchone()
    version, when = old["version"] + 1, now()
    _keep_version(conn, old, when)
    if old["terms_counted"]:
        count_document_terms(conn, [(doc.id, old["body"])], -1)
    _unindex_for_search(conn, doc.id)
    before = _statements_of(conn, doc.id)
    for table in ("statements", "lists", "removed_lines", "people"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc.id])
    row = {**document_row(doc), "version": version, "terms_counted": 0}
    del row["id"]
    conn.execute(f"UPDATE documents SET {', '.join(f'{c} = ?' for c in row)} WHERE id = ?", [*row.values(), doc.id])
    pending = PendingRows()
    _children(doc, coded.folded_body if coded else None, pending, _search_rowid(conn, doc.id))
    after = _add_extraction(doc.id, doc.date, extraction, coded, pending)
    pending.flush(conn)
    carry_decisions(
        conn, [(r["id"], r["text_key"], r["thread_id"]) for r in before], [(r["id"], r["text_key"]) for r in after]
    )
    changes = _version_changes(before, after)
    _keep_threads(conn, before, after, changes)
    _record_changes(conn, doc.id, version, cause, before, changes, when)


def _statements_of(conn: sqlite3.Connection, document_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, text_key, thread_id, text, kind FROM statements WHERE document_id = ? ORDER BY rowid", [document_id]
    ).fetchall()


def _record_changes(
    conn: sqlite3.Connection,
    document_id: str,
    version: int,
    cause: str,
    before: list[sqlite3.Row],
    changes: dict[str, tuple[str, str | None]],
    when: str,
) -> None:
    """What a correction or a re-extraction did to each statement id it changed (`_version_changes`)."""
    conn.executemany(
        """INSERT INTO statement_history
               (statement_id, document_id, version, cause, change, text, successor_id, changed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (r["id"], document_id, version, cause, change, r["text"], successor, when)
            for r in before
            for change, successor in [changes[r["id"]]]
            if (change, successor) != ("unchanged", r["id"])
        ],
    )


def _keep_version(conn: sqlite3.Connection, old: sqlite3.Row, replaced_at: str) -> None:
    conn.execute(
        """INSERT INTO document_versions
           (document_id, version, content_sha, source_sha, path, title, date, body, ingested_at, replaced_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            old["id"],
            old["version"],
            old["content_sha"] or "",
            old["source_sha"],
            old["path"],
            old["title"],
            old["date"],
            old["body"],
            old["ingested_at"],
            replaced_at,
        ],
    )


def _version_changes(before: list[sqlite3.Row], after: list[dict]) -> dict[str, tuple[str, str | None]]:
    """Old statement id -> (what the new version did to it, the id it has now or None):
    "unchanged" (same id, same words), "moved" (the same words under another id: a list before
    it came or went), "reworded" (same id, and 80% or more of the shorter wording's words
    shared: a correction of the item itself), or "removed"."""
    worded = _successors(
        [(r["id"], r["text_key"], r["thread_id"]) for r in before], [(r["id"], r["text_key"]) for r in after]
    )
    taken = {new_id for new_id in worded.values() if new_id}
    now_at = {r["id"]: r["text_key"] for r in after}
    changes: dict[str, tuple[str, str | None]] = {}
    for old in before:
        new_id = worded[old["id"]]
        if new_id:
            changes[old["id"]] = ("unchanged" if new_id == old["id"] else "moved", new_id)
        elif old["id"] in now_at and old["id"] not in taken and same_items([old["text_key"]], [now_at[old["id"]]]):
            changes[old["id"]] = ("reworded", old["id"])
            taken.add(old["id"])
        else:
            changes[old["id"]] = ("removed", None)
    return changes


def _keep_threads(
    conn: sqlite3.Connection, before: list[sqlite3.Row], after: list[dict], changes: dict[str, tuple[str, str | None]]
) -> None:
    """A statement that survives a correction stays in its thread (of its kind: a corrected
    lead-in may make the list another kind, and threads never mix kinds)."""
    kinds = {r["id"]: r["kind"] for r in after}
    kept = [
        (old["thread_id"], changes[old["id"]][1])
        for old in before
        if old["thread_id"] and changes[old["id"]][1] and kinds[changes[old["id"]][1]] == old["kind"]
    ]
    conn.executemany("UPDATE statements SET thread_id = ? WHERE id = ?", kept)
    reworded = {old["thread_id"] for old in before if old["thread_id"] and changes[old["id"]][0] == "reworded"}
    refresh_labels(conn, reworded & {thread for thread, _ in kept})


def statement_keys(conn: sqlite3.Connection, document_ids: list[str]) -> list[tuple[str, str, str | None]]:
    """(id, text_key, thread_id) of the documents' statements, in document order."""
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return [
        tuple(row)
        for row in conn.execute(
            f"SELECT id, text_key, thread_id FROM statements WHERE document_id IN ({marks}) ORDER BY rowid",
            document_ids,
        )
    ]


def _successors(old: list[tuple[str, str, str | None]], new: list[tuple[str, str]]) -> dict[str, str | None]:
    """Old statement id -> the new statement worded the same (the same id first), or None."""
    free: dict[str, list[str]] = {}
    for new_id, text_key in new:
        free.setdefault(text_key, []).append(new_id)
    successor: dict[str, str | None] = {}
    for old_id, text_key, _ in old:
        if old_id in free.get(text_key, ()):
            free[text_key].remove(old_id)
            successor[old_id] = old_id
    for old_id, text_key, _ in old:
        if old_id not in successor:
            successor[old_id] = free[text_key].pop(0) if free.get(text_key) else None
    return successor


def carry_decisions(
    conn: sqlite3.Connection, old: list[tuple[str, str, str | None]], new: list[tuple[str, str]]
) -> None:
    """Point the analyst's decisions about a document's old statements at its new ones.

    Statement ids say where an item sits ("<document>/L2.3"): a changed file gets a new document
    id, and a re-extraction that finds one more list renumbers the rest. A decision follows the
    statement worded the same; one whose statement is gone is dropped, and the drop is recorded
    in its thread's history rather than left to bind whatever statement takes the id next.
    """
    if not old:
        return
    old_ids = [old_id for old_id, _, _ in old]
    marks = ", ".join("?" * len(old_ids))
    decisions = conn.execute(
        f"SELECT id, action, statement_id, other_statement_id FROM decisions"
        f" WHERE statement_id IN ({marks}) OR other_statement_id IN ({marks})",
        old_ids + old_ids,
    ).fetchall()
    if not decisions:
        return
    successor, threads = _successors(old, new), {old_id: thread for old_id, _, thread in old}
    gone: set[str] = set()
    for decision_id, action, first, second in decisions:
        first_now, second_now = successor.get(first, first), successor.get(second, second)
        if action in ("link", "unlink") and (first_now is None or second_now is None):
            conn.execute("DELETE FROM decisions WHERE id = ?", [decision_id])
            gone.update(i for i in (first, second) if i in successor and successor[i] is None)
        else:
            conn.execute(
                "UPDATE decisions SET statement_id = ?, other_statement_id = ? WHERE id = ?",
                [first_now or first, second_now or second, decision_id],
            )
    for statement_id in sorted(gone):
        note = (
            f"dropped the decisions about {statement_id}: its article changed and no statement in it reads the same now"
        )
        conn.execute(
            "INSERT INTO decisions (action, statement_id, thread_id, note, created_at) VALUES ('forget', ?, ?, ?, ?)",
            [statement_id, threads[statement_id], note, now()],
        )


# ---------------------------------------------------------------------------------------------
# Lists and statements


def _statement_row(
    statement: Statement,
    statement_id: str,
    document_id: str,
    date: str | None,
    list_id: str | None,
    coded: Coded | None,
    lead_in: str | None = None,
) -> tuple:
    """A statements row (`ROW_COLUMNS` order)."""
    levels = coded.actor_levels if coded and coded.actor_levels else {}
    return (
        statement_id,
        document_id,
        list_id,
        statement.kind,
        statement.ordinal,
        statement.target_year,
        statement.speaker,
        statement.text,
        coded.keys[statement.text] if coded else key(statement.text),
        statement.paragraph,
        statement.start,
        statement.end,
        link_order(statement.target_year, date, document_id, statement_id),
        statement.form,
        statement.cue,
        statement.cue_start,
        statement.cue_end,
        levels.get((statement.speaker, statement.text, lead_in)),
    )


def _list_row(found: StatementList, list_id: str, document_id: str, position: int) -> tuple:
    """A lists row (`ROW_COLUMNS` order)."""
    return (
        list_id,
        document_id,
        position,
        found.kind,
        found.announced_count,
        len(found.items),
        int(found.count_mismatch),
        found.target_year,
        found.speaker,
        found.speaker_title,
        found.cue,
        found.marker,
        int(found.truncated),
    )


def _extraction_rows(
    document_id: str, date: str | None, extraction: Extraction, coded: Coded | None, codebook: Codebook | None = None
) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """A document's lists, statements and their themes as rows (`ROW_COLUMNS` order). The themes
    are `coded`'s (done by an ingest worker), else coded here with `codebook`.

    Ids say where a statement comes from: "<document>/L2.3" is item 3 of the document's second
    list, "<document>/D1" its first unnumbered directive.
    """
    lists, statements = [], []
    for position, found in enumerate(extraction.lists, start=1):
        list_id = ids.list_id(document_id, position)
        lists.append(_list_row(found, list_id, document_id, position))
        statements += [
            _statement_row(
                item,
                ids.item_id(document_id, position, item.ordinal or 0),
                document_id,
                date,
                list_id,
                coded,
                found.cue,
            )
            for item in found.items
        ]
    for number, directive in enumerate(extraction.directives, start=1):
        statements.append(
            _statement_row(directive, ids.directive_id(document_id, number), document_id, date, None, coded)
        )
    text = ROW_COLUMNS["statements"].index("text")
    themes = statement_theme_tuples(
        [(row[STATEMENT_ID], row[text]) for row in statements], coded.themes if coded else None, codebook
    )
    return lists, statements, themes


def _add_extraction(
    document_id: str,
    date: str | None,
    extraction: Extraction,
    coded: Coded | None,
    pending: PendingRows,
    codebook: Codebook | None = None,
) -> list[dict]:
    """A document's lists, statements and their themes, as pending rows (`_extraction_rows`);
    returns the statements' rows as mappings of column to value."""
    lists, statements, themes = _extraction_rows(document_id, date, extraction, coded, codebook)
    pending.add("lists", lists)
    pending.add("statements", statements)
    pending.add("statement_themes", themes)
    return [dict(zip(ROW_COLUMNS["statements"], row, strict=True)) for row in statements]


def write_extraction(
    conn: sqlite3.Connection, document_id: str, extraction: Extraction, codebook: Codebook | None = None
) -> None:
    """Replace a stored document's lists and statements, coded with `codebook` (None: the shipped
    one), inside the caller's transaction; what became of each statement id that changed is
    recorded, as for a correction."""
    before = _statements_of(conn, document_id)
    old = [(r["id"], r["text_key"], r["thread_id"]) for r in before]
    kept_threads = {text_key: thread for _, text_key, thread in old if thread is not None}
    conn.execute("DELETE FROM statements WHERE document_id = ?", [document_id])
    conn.execute("DELETE FROM lists WHERE document_id = ?", [document_id])
    date, version = conn.execute("SELECT date, version FROM documents WHERE id = ?", [document_id]).fetchone()
    pending = PendingRows()
    statements = _add_extraction(document_id, date, extraction, None, pending, codebook)
    pending.flush(conn)
    carry_decisions(conn, old, [(row["id"], row["text_key"]) for row in statements])
    _record_changes(conn, document_id, version, "re-extraction", before, _version_changes(before, statements), now())
    # A statement worded as before keeps its thread through re-extraction.
    conn.executemany(
        "UPDATE statements SET thread_id = ? WHERE document_id = ? AND text_key = ?",
        [(thread, document_id, text_key) for text_key, thread in kept_threads.items()],
    )


def set_meta(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, str(value)],
    )


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def document_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def all_document_ids(conn: sqlite3.Connection) -> list[str]:
    return [r["id"] for r in conn.execute("SELECT id FROM documents ORDER BY date, id")]


# ---------------------------------------------------------------------------------------------
# The codebook a database is coded with (meta: codebook_name, codebook_sha, codebook_text)


def bind_codebook(conn: sqlite3.Connection, requested: str | None, switch: bool = False) -> Binding:
    """Select this command's codebook: without `requested`, the one the database was coded with
    (its text is stored with it; the default is always the shipped one); a `requested` one that
    differs is refused (`Refused`) unless `switch` (`ngkt relink`, which recodes everything)."""
    stored = meta_values(conn, ("codebook_name", "codebook_sha", "codebook_text"))
    recorded = (stored["codebook_name"], stored["codebook_sha"]) if "codebook_sha" in stored else None
    if requested is None and recorded and recorded[0] != DEFAULT:
        name, text = recorded[0], stored["codebook_text"]
        return Binding(name, recorded[1], text, recorded)
    name, text = read_codebook(requested)
    load_codebook(requested)  # a broken codebook says so first
    binding = Binding(name, content_hash(text), text, recorded)
    if requested is not None and recorded and binding.switched and not binding.newer_default and not switch:
        raise Refused(
            f"{requested}: the database was coded with {describe(*recorded)}; run `ngkt --codebook {requested} relink`"
            " to recode every statement with this one, or leave --codebook out to use the database's"
        )
    return binding


def record_codebook(conn: sqlite3.Connection, binding: Binding) -> None:
    """Record the codebook the database is coded with (inside the caller's transaction). A newer
    default codebook (an upgrade of ngkt), or statements stored before codebooks were recorded
    (coded with who knows which), have every statement coded again by the next linking."""
    if binding.newer_default or (binding.recorded is None and document_count(conn)):
        set_meta_values(conn, {"themes_stale": "1"})
    set_meta_values(conn, {"codebook_name": binding.name, "codebook_sha": binding.sha, "codebook_text": binding.text})
