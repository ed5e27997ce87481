"""The storage side of linking: document frequencies, the thread index of rare terms, the
statements as linking items, actor levels, decisions, thread ids and meta counters.

Every query linking runs is here; `similarity` computes on the plain data these functions read,
and `link` decides what to write back.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from . import ids
from .actors import actor_level
from .scope import SQL_IN_SCOPE
from .similarity import MAX_COMPARED, Decisions, Idf, Item, paragraph_terms, rare_terms
from .themes import Codebook, code_positions, load_codebook


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load_idf(conn: sqlite3.Connection, eager: bool = False) -> Idf:
    """The corpus's frequencies: all of them at once (`eager`, for a full relink) or on demand."""
    paragraphs = meta_int(conn, "paragraphs")
    if eager:
        return Idf(dict(conn.execute("SELECT term, df FROM term_df").fetchall()), paragraphs)
    return Idf(None, paragraphs, lambda term: _stored_frequency(conn, term))


def _stored_frequency(conn: sqlite3.Connection, term: str) -> int:
    row = conn.execute("SELECT df FROM term_df WHERE term = ?", [term]).fetchone()
    return row[0] if row else 0


def frequencies(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    """The stored document frequencies of these terms (0 for a term never seen), in a few queries."""
    wanted = sorted(set(terms))
    found = dict.fromkeys(wanted, 0)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        )
    return found


def paragraph_count(conn: sqlite3.Connection) -> int:
    return meta_int(conn, "paragraphs")


def add_term_counts(
    conn: sqlite3.Connection, counts: Counter[str], paragraphs: int, document_ids: list[str], sign: int = 1
) -> None:
    """Add (or with sign=-1 remove) paragraph term counts to the document frequencies, in one write."""
    if not paragraphs:
        return
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(term, sign * count) for term, count in counts.items()],
    )
    if sign < 0:
        conn.execute("DELETE FROM term_df WHERE df <= 0")
    set_meta(conn, "paragraphs", max(0, meta_int(conn, "paragraphs") + sign * paragraphs))
    conn.executemany("UPDATE documents SET terms_counted = ? WHERE id = ?", [(int(sign > 0), d) for d in document_ids])


def count_document_terms(conn: sqlite3.Connection, rows: list[tuple[str, str]], sign: int) -> None:
    """Add or remove stored documents, given as (id, body), from the document frequencies."""
    counts: Counter[str] = Counter()
    for _, body in rows:
        counts.update(paragraph_terms(body))  # a list: counted in C
    add_term_counts(conn, counts, sum(len(body.split("\n\n")) for _, body in rows), [i for i, _ in rows], sign)


def recount_stale_terms(conn: sqlite3.Connection) -> None:
    """Count every original's terms afresh when a migration asked for it (`terms_stale`: the way
    words are read changed); the old counts serve until then."""
    if not meta_int(conn, "terms_stale"):
        return
    conn.execute("DELETE FROM term_df")
    conn.execute("UPDATE documents SET terms_counted = 0 WHERE terms_counted")
    set_meta(conn, "paragraphs", 0)
    count_new_documents(conn)
    set_meta(conn, "terms_stale", 0)


def count_new_documents(conn: sqlite3.Connection) -> None:
    """Count the originals that no ingest counted: a duplicate whose original was deleted (it is
    an original now), or anything written outside `ingest_paths`."""
    rows = conn.execute("SELECT id, body FROM documents WHERE terms_counted = 0 AND duplicate_of IS NULL").fetchall()
    count_document_terms(conn, [(r["id"], r["body"]) for r in rows], 1)


def statement_theme_rows(
    statements: list[tuple[str, str]], themes: dict | None = None, codebook: Codebook | None = None
) -> list[dict]:
    """statement_themes rows for (statement id, text)s, in order of appearance (the first names it).

    `themes` maps a text to its coding already done elsewhere (by an ingest worker); a text it
    lacks is coded here, with `codebook` (None: the shipped one).
    """
    return [
        {"statement_id": statement_id, "theme": theme, "position": position}
        for statement_id, theme, position in statement_theme_tuples(statements, themes, codebook)
    ]


def statement_theme_tuples(
    statements: list[tuple[str, str]], themes: dict | None = None, codebook: Codebook | None = None
) -> list[tuple[str, str, int]]:
    """`statement_theme_rows` as (statement id, theme, position) tuples."""
    rows: list[tuple[str, str, int]] = []
    for statement_id, text in statements:
        if themes and text in themes:
            found = themes[text]
        else:
            codebook = codebook or load_codebook()  # read only when a text must be coded here
            found = code_positions(text, codebook)
        rows += ((statement_id, theme, position) for theme, position in found)
    return rows


def index_thread_terms(
    conn: sqlite3.Connection,
    items: Iterable[Item],
    thread_of: dict[str, str],
    idf: Idf | None = None,
    lookup: Callable[[Item], list[str]] | None = None,
) -> None:
    """The inverted index from term to thread, for finding candidate threads without scanning.

    Only terms rare enough to look threads up by are indexed (common ones never are); a
    word-for-word repeat finds its thread through the statements' `text_key` instead.
    `lookup`: an item's `rare_terms` as the linking worked them out already (`ThreadIndex.rare_terms`).
    """
    if lookup is None:
        weights = idf or load_idf(conn)
        lookup = lambda item: rare_terms(item, weights)  # noqa: E731
    # Statements worded alike have the same terms: one of them per thread is enough.
    one_per_wording = {(item.key, thread_of[item.id]): item for item in items if item.id in thread_of}
    conn.executemany(
        "INSERT OR IGNORE INTO thread_terms (term, thread_id) VALUES (?, ?)",
        sorted({(term, thread) for (_, thread), item in one_per_wording.items() for term in lookup(item)}),
    )


def link_order(target_year: int | None, date: str | None, document_id: str, statement_id: str) -> str:
    """The order linking visits statements in, as one sortable string stored with each statement
    (indexed with its thread): by target year, then date (unknown ones last), then place.

    A thread's latest or first few members are then read off the index, however long the
    thread; migration 11 computes the same string in SQL for statements stored before it.
    """
    year = "1" if target_year is None else f"0{target_year:04d}"
    day = "1" if date is None else f"0{date}"
    return f"{year}|{day}|{document_id}|{statement_id}"


def load_items(
    conn: sqlite3.Connection, where: str, params: Iterable = (), limit: int | None = None, newest_first: bool = False
) -> list[Item]:
    """Statements as linking items, in the order linking visits them (or the reverse, newest first)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: unpacked at once, no sqlite3.Row made for each
    rows = cursor.execute(
        f"""SELECT s.id, s.kind, s.list_id, s.text, s.text_key, (SELECT group_concat(theme, ' ') FROM
                   (SELECT theme FROM statement_themes t WHERE t.statement_id = s.id ORDER BY t.position)) AS themes,
                   coalesce(s.actor_level, 'national') AS actor_level
            FROM statements s JOIN documents d ON d.id = s.document_id
            WHERE {where}
            ORDER BY s.link_order {"DESC" if newest_first else ""}
            {"LIMIT " + str(int(limit)) if limit else ""}""",
        list(params),
    ).fetchall()
    items = []
    for statement_id, kind, list_id, text, text_key, coded, level in rows:  # the columns in order
        themes = tuple(coded.split()) if coded else ()
        items.append(Item(statement_id, kind, list_id, text, text_key, themes[0] if themes else None, themes, level))
    return items


@dataclass
class WrittenStatements:
    """The statements' rows (of `columns`) and their themes' rows (statement id, theme,
    position) a run wrote (`db.PendingRows`), as written: while `complete`, every statement the
    database holds."""

    columns: tuple[str, ...]
    statements: list[tuple] = field(default_factory=list)
    themes: list[tuple] = field(default_factory=list)
    complete: bool = True


def written_items(conn: sqlite3.Connection, written: WrittenStatements) -> list[Item] | None:
    """The items `load_items` reads for a first linking (the statements of originals in scope,
    in linking order), made from the rows the run wrote (`written`), or None when those rows are
    not every statement stored as it is stored: only the documents' duplicate_of and scope are
    read, which the writer may have changed after their statements were written (a copy adopted).
    Reading 15,184 statements back cost a first linking of 2,000 articles 0.12 s of its 0.43."""
    rows, column = written.statements, {name: i for i, name in enumerate(written.columns)}
    if (
        not written.complete
        or any(row[column["actor_level"]] is None for row in rows)  # `store_actor_levels` would set them
        or conn.execute("SELECT count(*) FROM statements").fetchone()[0] != len(rows)
    ):
        return None
    cursor = conn.cursor()
    cursor.row_factory = None
    counted = {
        document_id
        for (document_id,) in cursor.execute(
            f"SELECT d.id FROM documents d WHERE d.duplicate_of IS NULL AND {SQL_IN_SCOPE}"
        )
    }
    # a statement's themes, as written: in the order of their positions (`code_positions`)
    themes_of: dict[str, list[str]] = defaultdict(list)
    for statement_id, theme, _ in written.themes:
        themes_of[statement_id].append(theme)
    # load_items splits the themes it joined with spaces: a theme id holding one would be two
    spaced = any(len(theme.split()) != 1 for theme in {row[1] for row in written.themes})
    taken = itemgetter(*(column[name] for name in ("id", "kind", "list_id", "text", "text_key", "actor_level")))
    document = column["document_id"]
    items = []
    for row in sorted((row for row in rows if row[document] in counted), key=itemgetter(column["link_order"])):
        statement_id, kind, list_id, text, text_key, level = taken(row)
        coded = themes_of.get(statement_id)
        themes = (tuple(" ".join(coded).split()) if spaced else tuple(coded)) if coded else ()
        items.append(Item(statement_id, kind, list_id, text, text_key, themes[0] if themes else None, themes, level))
    return items


def store_actor_levels(conn: sqlite3.Connection) -> None:
    """Work out the actor level (national, local, foreign: `actors.actor_level`) of every
    statement that has none yet, from its speaker, its opening, its list's lead-in and its
    document's first paragraph."""
    rows = conn.execute(
        """SELECT s.id, s.speaker, s.text, l.cue, substr(d.body, 1, 600) AS lead
           FROM statements s JOIN documents d ON d.id = s.document_id LEFT JOIN lists l ON l.id = s.list_id
           WHERE s.actor_level IS NULL"""
    ).fetchall()
    conn.executemany(
        "UPDATE statements SET actor_level = ? WHERE id = ?",
        [(actor_level(r["speaker"], r["text"], r["cue"], r["lead"].split("\n\n")[0]), r["id"]) for r in rows],
    )


def load_decisions(conn: sqlite3.Connection) -> Decisions:
    linked: dict[str, set[str]] = defaultdict(set)
    unlinked: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(
        "SELECT action, statement_id, other_statement_id FROM decisions WHERE action IN ('link', 'unlink')"
    ):
        target = linked if row["action"] == "link" else unlinked
        target[row["statement_id"]].add(row["other_statement_id"])
        target[row["other_statement_id"]].add(row["statement_id"])
    return Decisions(linked, unlinked)


class ThreadIds:
    """New thread ids, handed out in memory and recorded once (`save`); ids are never reused,
    so a saved report's "T0007" keeps its meaning."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.last = meta_int(conn, "last_thread")

    def __call__(self) -> str:
        self.last += 1
        return f"T{self.last:04d}"

    def save(self) -> None:
        set_meta(self.conn, "last_thread", self.last)


def next_thread_id(conn: sqlite3.Connection) -> str:
    """One new thread id, recorded at once."""
    ids = ThreadIds(conn)
    thread = ids()
    ids.save()
    return thread


def threads_worded(conn: sqlite3.Connection, wordings: list[str]) -> list[tuple[str, str]]:
    """(thread, wording) for each stored thread with a member of one of these wordings (keys).

    A wording restated a thousand times sits in one thread or a few: each wording's threads are
    found by hopping from one to the next along the index of threaded statements on (text_key,
    thread_id) (migration 23), a few index probes each, instead of reading every statement of it."""
    return [
        (row[0], row[1])
        for row in conn.execute(
            """WITH RECURSIVE hop(text_key, thread_id) AS (
                   SELECT w.value, (SELECT s.thread_id FROM statements s WHERE s.text_key = w.value
                                    AND s.thread_id IS NOT NULL ORDER BY s.thread_id LIMIT 1)
                   FROM json_each(?) w
                   UNION ALL
                   SELECT hop.text_key, (SELECT s.thread_id FROM statements s WHERE s.text_key = hop.text_key
                                         AND s.thread_id IS NOT NULL AND s.thread_id > hop.thread_id
                                         ORDER BY s.thread_id LIMIT 1)
                   FROM hop WHERE hop.thread_id IS NOT NULL
               )
               SELECT DISTINCT thread_id, text_key FROM hop WHERE thread_id IS NOT NULL ORDER BY thread_id, text_key""",
            [json.dumps(wordings, ensure_ascii=False)],
        )
    ]


def threaded_members_of_lists(conn: sqlite3.Connection, lists: list[str]) -> dict[str, list[Item]]:
    """thread -> its members from these lists (found through their documents' index).

    They matter for the rule that two items of one list never share a thread: re-extraction
    keeps some items' threads.
    """
    found: dict[str, list[Item]] = defaultdict(list)
    for start in range(0, len(lists), 500):
        chunk = lists[start : start + 500]
        documents = sorted({ids.document_of(list_id) for list_id in chunk})
        where = f"s.document_id IN ({','.join('?' * len(documents))}) AND s.list_id IN ({','.join('?' * len(chunk))})"
        for member, thread in threaded_in(conn, where, [*documents, *chunk]):
            found[thread].append(member)
    return found


def candidate_members(conn: sqlite3.Connection, thread: str, same_list: list[Item]) -> list[Item]:
    """The members a new statement is compared with (the latest few, read off the thread's
    index), after those of the statement's own lists; older members are never compared."""
    latest = load_items(conn, "s.thread_id = ?", [thread], limit=MAX_COMPARED, newest_first=True)[::-1]
    seen = {m.id for m in latest}
    return [m for m in same_list if m.id not in seen] + latest


def store_assignments(
    conn: sqlite3.Connection, assigned: dict[str, str], kinds: dict[str, str], *, clear: bool = False
) -> None:
    """Create the threads and set each statement's; with `clear`, every statement loses its
    thread first (a full relink)."""
    created = now()
    threads = {thread: kinds[statement_id] for statement_id, thread in assigned.items()}
    conn.executemany(
        "INSERT OR IGNORE INTO threads (id, kind, created_at) VALUES (?, ?, ?)",
        [(thread, kind, created) for thread, kind in threads.items()],
    )
    with _thread_indexes_set_aside(conn, len(assigned)):
        if clear:
            conn.execute("UPDATE statements SET thread_id = NULL WHERE thread_id IS NOT NULL")
        if len(assigned) >= BULK_THREAD_WRITES:
            _set_threads_in_one_pass(conn, assigned)
            return
        # in id order: a statement's id opens with its document's, so the rows are visited in
        # place order (in the order threads were formed, twice as long)
        conn.executemany(
            "UPDATE statements SET thread_id = ? WHERE id = ?", [(assigned[s], s) for s in sorted(assigned)]
        )


def _set_threads_in_one_pass(conn: sqlite3.Connection, assigned: dict[str, str]) -> None:
    """Many statements' threads (a first ingest's, a relink's) set in one pass over the table,
    each read from a temporary table by the statement's id: no statement looked up by its id
    (75,575 statements 0.46 -> 0.36 s with the commit). Created in the caller's transaction, the
    temporary table goes with a rollback."""
    conn.execute("CREATE TEMP TABLE assigned_threads (id TEXT PRIMARY KEY, thread_id TEXT NOT NULL) WITHOUT ROWID")
    conn.executemany("INSERT INTO temp.assigned_threads (id, thread_id) VALUES (?, ?)", sorted(assigned.items()))
    conn.execute(
        "UPDATE statements SET thread_id = (SELECT a.thread_id FROM temp.assigned_threads a WHERE a.id = statements.id)"
        " WHERE id IN (SELECT id FROM temp.assigned_threads)"
    )
    conn.execute("DROP TABLE temp.assigned_threads")


# Below this many statements' threads written at once, the indexes are updated row by row.
BULK_THREAD_WRITES = 2_000

# An index on a statement's thread costs about 15 µs a statement whose thread is set (a row's
# text key goes into `statements_wording_thread`, at a random place), building it again about
# 2.5 µs a statement stored: building pays when at least a sixth of the statements get a thread.
# (A first ingest or `ngkt relink` sets every statement's: 10,000 corpus articles' 75,575
# statements 1.6 s row by row, 0.5 s with both indexes built again.)
REBUILD_SHARE = 4  # rebuild when the statements written are at least a quarter of those stored


@contextmanager
def _thread_indexes_set_aside(conn: sqlite3.Connection, written: int) -> Iterator[None]:
    """Inside the caller's transaction: when `written` statements' threads are most of the
    statements stored, drop the statements' indexes that hold a thread, and build them again
    (from their own stored definitions) once the threads are written. A rollback restores them."""
    indexes: list[tuple[str, str]] = []
    if written >= BULK_THREAD_WRITES:
        stored = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        if written * REBUILD_SHARE >= stored:
            indexes = [
                (name, sql)
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements'"
                    " AND sql IS NOT NULL ORDER BY name"
                )
                if THREAD_COLUMN.search(sql)
            ]
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.execute(sql)


# An index definition that reads the thread column (in its columns or its WHERE).
THREAD_COLUMN = re.compile(r"\bthread_id\b")


def threaded_in(conn: sqlite3.Connection, where: str, params: list) -> list[tuple[Item, str]]:
    items = load_items(conn, f"{where} AND s.thread_id IS NOT NULL", params)
    threads = dict(conn.execute(f"SELECT s.id, s.thread_id FROM statements s WHERE {where}", params).fetchall())
    return [(item, threads[item.id]) for item in items]


def meta_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone()
    return int(row[0]) if row else 0


def set_meta(conn: sqlite3.Connection, name: str, value: object) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [name, str(value)],
    )


def drop_empty_threads(conn: sqlite3.Connection) -> None:
    conn.execute(
        "DELETE FROM threads WHERE id NOT IN (SELECT DISTINCT thread_id FROM statements WHERE thread_id IS NOT NULL)"
    )


def thread_members(conn: sqlite3.Connection, thread: str, limit: int | None = None) -> list[Item]:
    """A thread's members in linking order (the first `limit` of them)."""
    return load_items(conn, "s.thread_id = ?", [thread], limit=limit)


def threads_sharing(conn: sqlite3.Connection, terms: list[str], limit: int) -> set[str]:
    """The `limit` threads that share most of these terms in the thread index."""
    if not terms:
        return set()
    rows = conn.execute(
        f"""SELECT thread_id FROM thread_terms WHERE term IN ({",".join("?" * len(terms))})
            GROUP BY thread_id ORDER BY count(*) DESC, thread_id LIMIT ?""",
        [*terms, limit],
    )
    return {r[0] for r in rows}


def unthreaded_duplicates(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(duplicate, original) for each duplicate document with a statement not yet threaded."""
    return [
        tuple(r)
        for r in conn.execute(
            """SELECT DISTINCT d.id, d.duplicate_of FROM documents d JOIN statements s ON s.document_id = d.id
           WHERE d.duplicate_of IS NOT NULL AND s.thread_id IS NULL ORDER BY d.id"""
        )
    ]


def statement_texts(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [tuple(r) for r in conn.execute("SELECT id, text FROM statements")]


def replace_statement_themes(conn: sqlite3.Connection, rows: list[dict]) -> None:
    conn.execute("DELETE FROM statement_themes")
    conn.executemany(
        "INSERT INTO statement_themes (statement_id, theme, position) VALUES (:statement_id, :theme, :position)", rows
    )


def set_threads(conn: sqlite3.Connection, thread_of: dict[str, str]) -> None:
    conn.executemany("UPDATE statements SET thread_id = ? WHERE id = ?", [(t, s) for s, t in thread_of.items()])


def threads_of_statements(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT id, thread_id FROM statements WHERE thread_id IS NOT NULL").fetchall())


def threads_in_use(conn: sqlite3.Connection) -> set[str]:
    """The threads some statement is in."""
    return {row[0] for row in conn.execute("SELECT DISTINCT thread_id FROM statements WHERE thread_id IS NOT NULL")}


def set_auto_labels(conn: sqlite3.Connection, labels: list[tuple[str, str]]) -> None:
    """(label, thread) pairs."""
    conn.executemany("UPDATE threads SET auto_label = ? WHERE id = ?", labels)


def has_threads(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM threads LIMIT 1").fetchone() is not None


def pop_meta(conn: sqlite3.Connection, name: str) -> str | None:
    """A meta value, forgotten once read (None when there is none)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone()
    if row:
        conn.execute("DELETE FROM meta WHERE key = ?", [name])
    return row[0] if row else None
