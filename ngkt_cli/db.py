"""The one door to the database: open (with migrations), write in transactions, rows <-> dataclasses."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DatabaseError
from .migrations import APPLICATION_ID, MIGRATIONS
from .models import Document, Extraction, Person, RemovedLine, Statement, StatementList
from .text import fold, key

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


def open_db(path: str | Path = DEFAULT_DB) -> sqlite3.Connection:
    """Connect (creating the file and its folder), enable WAL and foreign keys, migrate."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.row_factory = sqlite3.Row
        _use_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn, str(path))
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: cannot open the database ({error})") from None
    except OSError as error:
        raise DatabaseError(f"{path}: cannot create the database ({error.strerror})") from None
    return conn


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
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", [[r[c] for c in columns] for r in rows])


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
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
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
    )


def get_document(conn: sqlite3.Connection, document_id: str) -> Document | None:
    """A document by id or unique id prefix (as `ngkt docs` prints it)."""
    rows = conn.execute("SELECT * FROM documents WHERE id LIKE ? || '%' LIMIT 2", [document_id]).fetchall()
    return row_to_document(conn, rows[0]) if len(rows) == 1 else None


def document_ids_at_path(conn: sqlite3.Connection, path: str) -> list[str]:
    return [r["id"] for r in conn.execute("SELECT id FROM documents WHERE path = ?", [path])]


def document_path(conn: sqlite3.Connection, document_id: str) -> str | None:
    row = conn.execute("SELECT path FROM documents WHERE id = ?", [document_id]).fetchone()
    return row["path"] if row else None


def duplicate_candidates(conn: sqlite3.Connection, doc: Document, sketch_of) -> list[tuple[str, tuple[int, bytes]]]:
    """(id, (shingle count, sketch)) of stored originals from the same day (or the same undated
    year): the blocking key. Documents stored before sketches existed get one from their body."""
    if doc.date:
        sql, params = "date = ?", [doc.date]
    else:
        sql, params = "date IS NULL AND statement_year IS ?", [doc.statement_year]
    rows = conn.execute(
        f"""SELECT id, shingle_count, sketch, CASE WHEN sketch IS NULL THEN body END AS body FROM documents
            WHERE {sql} AND duplicate_of IS NULL AND id != ? ORDER BY ingested_at, id""",
        [*params, doc.id],
    )
    return [(r["id"], (r["shingle_count"], r["sketch"]) if r["sketch"] else sketch_of(r["body"])) for r in rows]


def _insert_children(conn: sqlite3.Connection, doc: Document) -> None:
    conn.executemany(
        "INSERT INTO removed_lines (document_id, line_no, reason, text) VALUES (?, ?, ?, ?)",
        [(doc.id, line.line_no, line.reason, line.text) for line in doc.removed],
    )
    conn.executemany(
        "INSERT INTO people (document_id, name, title) VALUES (?, ?, ?)", [(doc.id, p.name, p.title) for p in doc.people]
    )
    _index_for_search(conn, doc.id, [(None, doc.body)])


def _index_for_search(conn: sqlite3.Connection, document_id: str, entries: list[tuple[str | None, str]]) -> None:
    """Add (statement id or None for the body, text) rows to the search index, in two statements."""
    first = conn.execute("SELECT coalesce(max(search_rowid), 0) + 1 FROM search_rows").fetchone()[0]
    rows = [(first + n, document_id, statement_id, text) for n, (statement_id, text) in enumerate(entries)]
    conn.executemany(
        "INSERT INTO search_index (rowid, document_id, statement_id, text, folded) VALUES (?, ?, ?, ?, ?)",
        [(*row, fold(row[3])) for row in rows],
    )
    conn.executemany("INSERT INTO search_rows (search_rowid, document_id, statement_id) VALUES (?, ?, ?)", [row[:3] for row in rows])


def _unindex_for_search(conn: sqlite3.Connection, document_id: str, statements_only: bool) -> None:
    """Remove a document's search rows by rowid (found through the indexed search_rows table)."""
    where = "document_id = ?" + (" AND statement_id IS NOT NULL" if statements_only else "")
    rowids = [(r[0],) for r in conn.execute(f"SELECT search_rowid FROM search_rows WHERE {where}", [document_id])]
    conn.executemany("DELETE FROM search_index WHERE rowid = ?", rowids)
    conn.executemany("DELETE FROM search_rows WHERE search_rowid = ?", rowids)


def delete_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove a document with everything extracted from it (inside the caller's transaction)."""
    from .link import count_document_terms

    row = conn.execute("SELECT body, terms_counted FROM documents WHERE id = ?", [document_id]).fetchone()
    if row and row["terms_counted"]:
        count_document_terms(conn, [(document_id, row["body"])], -1)
    _unindex_for_search(conn, document_id, statements_only=False)
    conn.execute("DELETE FROM documents WHERE id = ?", [document_id])


def save_document(
    conn: sqlite3.Connection, doc: Document, extraction: Extraction, replaces: list[str], themes: dict | None = None
) -> None:
    """Write one document and its extraction, replacing older versions (inside the caller's transaction)."""
    _insert(conn, "documents", document_row(doc))
    for old_id in replaces:
        conn.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?", [doc.id, old_id])
        delete_document(conn, old_id)
    _insert_children(conn, doc)
    write_extraction(conn, doc.id, extraction, themes)


# ---------------------------------------------------------------------------------------------
# Lists and statements


def _statement_row(statement: Statement, statement_id: str, document_id: str, list_id: str | None) -> dict:
    return {
        "id": statement_id,
        "document_id": document_id,
        "list_id": list_id,
        "kind": statement.kind,
        "ordinal": statement.ordinal,
        "target_year": statement.target_year,
        "speaker": statement.speaker,
        "text": statement.text,
        "text_key": key(statement.text),
        "paragraph": statement.paragraph,
        "char_start": statement.start,
        "char_end": statement.end,
    }


def _list_row(found: StatementList, list_id: str, document_id: str, position: int) -> dict:
    return {
        "id": list_id,
        "document_id": document_id,
        "position": position,
        "kind": found.kind,
        "announced_count": found.announced_count,
        "item_count": len(found.items),
        "count_mismatch": int(found.count_mismatch),
        "target_year": found.target_year,
        "speaker": found.speaker,
        "speaker_title": found.speaker_title,
        "cue": found.cue,
        "marker": found.marker,
    }


def _save_statements(conn: sqlite3.Connection, document_id: str, rows: list[dict], themes: dict | None) -> None:
    """Insert a document's statements with their themes and search rows, a statement per table."""
    from .link import index_statements

    if not rows:
        return
    _insert_many(conn, "statements", rows)
    index_statements(conn, [(row["id"], row["text"]) for row in rows], themes)
    _index_for_search(conn, document_id, [(row["id"], row["text"]) for row in rows])


def write_extraction(conn: sqlite3.Connection, document_id: str, extraction: Extraction, themes: dict | None = None) -> None:
    """Replace a document's lists and statements (inside the caller's transaction).

    Ids say where a statement comes from: "<document>/L2.3" is item 3 of the document's second
    list, "<document>/D1" its first unnumbered directive.
    """
    kept_threads = dict(
        conn.execute("SELECT text_key, thread_id FROM statements WHERE document_id = ? AND thread_id IS NOT NULL", [document_id])
    )
    _unindex_for_search(conn, document_id, statements_only=True)
    conn.execute("DELETE FROM statements WHERE document_id = ?", [document_id])
    conn.execute("DELETE FROM lists WHERE document_id = ?", [document_id])
    statements = []
    for position, found in enumerate(extraction.lists, start=1):
        list_id = f"{document_id}/L{position}"
        _insert(conn, "lists", _list_row(found, list_id, document_id, position))
        statements += [_statement_row(item, f"{list_id}.{item.ordinal}", document_id, list_id) for item in found.items]
    for number, directive in enumerate(extraction.directives, start=1):
        statements.append(_statement_row(directive, f"{document_id}/D{number}", document_id, None))
    _save_statements(conn, document_id, statements, themes)
    # A statement worded as before keeps its thread through re-extraction.
    conn.executemany(
        "UPDATE statements SET thread_id = ? WHERE document_id = ? AND text_key = ?",
        [(thread, document_id, text_key) for text_key, thread in kept_threads.items()],
    )


def all_document_ids(conn: sqlite3.Connection) -> list[str]:
    return [r["id"] for r in conn.execute("SELECT id FROM documents ORDER BY date, id")]
