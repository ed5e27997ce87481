"""Stage 3: statements -> threads, one priority followed across documents and years.

The similarity and the assignment to threads are pure (`similarity`, with `words` and
`actors`); this module feeds them from the database and stores what they decide: the document
frequencies of words, the thread index of rare terms, each statement's actor level, thread ids
and labels, and the analyst's decisions, which win over the automatic linking every time it
runs: at ingest, at re-extraction and at `ngkt relink`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable

from .actors import actor_level
from .similarity import (  # noqa: F401  (re-exported: the other stages import them from here)
    MAX_CANDIDATES,
    MAX_CENTRALITY,
    MAX_COMPARED,
    SETTINGS,
    Centroid,
    Decisions,
    Idf,
    Item,
    LinkSettings,
    ThreadIndex,
    assign,
    central_label,
    centrality,
    cosine,
    explain,
    features,
    paragraph_terms,
    rare_terms,
    short_label,
    shared_terms,
    similarity_to_rest,
    vector,
)


# ---------------------------------------------------------------------------------------------
# The database side


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def load_idf(conn: sqlite3.Connection, eager: bool = False) -> Idf:
    """The corpus's frequencies: all of them at once (`eager`, for a full relink) or on demand."""
    paragraphs = _meta_int(conn, "paragraphs")
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
        found.update(conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return found


def paragraph_count(conn: sqlite3.Connection) -> int:
    return _meta_int(conn, "paragraphs")


def add_term_counts(conn: sqlite3.Connection, counts: Counter[str], paragraphs: int, document_ids: list[str], sign: int = 1) -> None:
    """Add (or with sign=-1 remove) paragraph term counts to the document frequencies, in one write."""
    if not paragraphs:
        return
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(term, sign * count) for term, count in counts.items()],
    )
    if sign < 0:
        conn.execute("DELETE FROM term_df WHERE df <= 0")
    _set_meta(conn, "paragraphs", max(0, _meta_int(conn, "paragraphs") + sign * paragraphs))
    conn.executemany("UPDATE documents SET terms_counted = ? WHERE id = ?", [(int(sign > 0), d) for d in document_ids])


def count_document_terms(conn: sqlite3.Connection, rows: list[tuple[str, str]], sign: int) -> None:
    """Add or remove stored documents, given as (id, body), from the document frequencies."""
    counts: Counter[str] = Counter()
    for _, body in rows:
        counts.update(paragraph_terms(body))  # a list: counted in C
    add_term_counts(conn, counts, sum(len(body.split("\n\n")) for _, body in rows), [i for i, _ in rows], sign)


def count_new_documents(conn: sqlite3.Connection) -> None:
    """Count the originals that no ingest counted: a duplicate whose original was deleted (it is
    an original now), or anything written outside `ingest_paths`."""
    rows = conn.execute("SELECT id, body FROM documents WHERE terms_counted = 0 AND duplicate_of IS NULL").fetchall()
    count_document_terms(conn, [(r["id"], r["body"]) for r in rows], 1)


def statement_theme_rows(statements: list[tuple[str, str]], themes: dict | None = None) -> list[dict]:
    """statement_themes rows for (statement id, text)s, in order of appearance (the first names it).

    `themes` maps a text to its coding already done elsewhere (by an ingest worker); a text it
    lacks is coded here.
    """
    from .themes import code_positions, load_codebook

    codebook = load_codebook()
    return [
        {"statement_id": statement_id, "theme": theme, "position": position}
        for statement_id, text in statements
        for theme, position in (themes[text] if themes and text in themes else code_positions(text, codebook))
    ]


def index_thread_terms(conn: sqlite3.Connection, items: Iterable[Item], thread_of: dict[str, str], idf: Idf | None = None) -> None:
    """The inverted index from term to thread, for finding candidate threads without scanning.

    Only terms rare enough to look threads up by are indexed (common ones never are); a
    word-for-word repeat finds its thread through the statements' `text_key` instead.
    """
    idf = idf or load_idf(conn)
    # Statements worded alike have the same terms: one of them per thread is enough.
    one_per_wording = {(item.key, thread_of[item.id]): item for item in items if item.id in thread_of}
    conn.executemany(
        "INSERT OR IGNORE INTO thread_terms (term, thread_id) VALUES (?, ?)",
        sorted({(term, thread) for (_, thread), item in one_per_wording.items() for term in rare_terms(item, idf)}),
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
    rows = conn.execute(
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
    for r in rows:
        themes = tuple(r["themes"].split()) if r["themes"] else ()
        items.append(Item(r["id"], r["kind"], r["list_id"], r["text"], r["text_key"], themes[0] if themes else None, themes, r["actor_level"]))
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
    for row in conn.execute("SELECT action, statement_id, other_statement_id FROM decisions WHERE action IN ('link', 'unlink')"):
        target = linked if row["action"] == "link" else unlinked
        target[row["statement_id"]].add(row["other_statement_id"])
        target[row["other_statement_id"]].add(row["statement_id"])
    return Decisions(linked, unlinked)


class ThreadIds:
    """New thread ids, handed out in memory and recorded once (`save`); ids are never reused,
    so a saved report's "T0007" keeps its meaning."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.last = _meta_int(conn, "last_thread")

    def __call__(self) -> str:
        self.last += 1
        return f"T{self.last:04d}"

    def save(self) -> None:
        _set_meta(self.conn, "last_thread", self.last)


def next_thread_id(conn: sqlite3.Connection) -> str:
    """One new thread id, recorded at once."""
    ids = ThreadIds(conn)
    thread = ids()
    ids.save()
    return thread


def _index_for(conn: sqlite3.Connection, items: list[Item], idf: Idf) -> ThreadIndex:
    """An index of the stored threads that `items` may join: for each wording, the
    MAX_CANDIDATES threads sharing most of its rare terms (as `ThreadIndex.scores` picks them),
    and every thread with a member worded exactly like one of them, however old that member."""
    index = ThreadIndex(idf)
    by_wording = {item.key: item for item in items}
    threads: set[str] = set()
    for item in by_wording.values():
        terms = rare_terms(item, idf)
        marks = ",".join("?" * len(terms))
        threads |= {
            r[0]
            for r in conn.execute(
                f"""SELECT thread_id FROM thread_terms WHERE term IN ({marks})
                    GROUP BY thread_id ORDER BY count(*) DESC, thread_id LIMIT ?""",
                [*terms, MAX_CANDIDATES],
            )
        }
    same_words = _threads_worded(conn, sorted(by_wording))
    threads |= {thread for thread, _ in same_words}
    same_list = _threaded_members_of_lists(conn, sorted({item.list_id for item in items if item.list_id}))
    for thread in sorted(threads):
        for member in _candidate_members(conn, thread, same_list.get(thread, [])):
            index.add(member, thread)
    for thread, wording in same_words:
        if thread not in index.by_key[wording]:
            index.by_key[wording].append(thread)
    return index


def _threads_worded(conn: sqlite3.Connection, wordings: list[str]) -> list[tuple[str, str]]:
    """(thread, wording) for each stored thread with a member of one of these wordings (keys)."""
    found: list[tuple[str, str]] = []
    for start in range(0, len(wordings), 500):
        chunk = wordings[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found += conn.execute(
            f"""SELECT DISTINCT thread_id, text_key FROM statements
                WHERE text_key IN ({marks}) AND thread_id IS NOT NULL ORDER BY thread_id, text_key""",
            chunk,
        ).fetchall()
    return [tuple(row) for row in found]


def _threaded_members_of_lists(conn: sqlite3.Connection, lists: list[str]) -> dict[str, list[Item]]:
    """thread -> its members from these lists (found through their documents' index).

    They matter for the rule that two items of one list never share a thread: re-extraction
    keeps some items' threads.
    """
    found: dict[str, list[Item]] = defaultdict(list)
    for start in range(0, len(lists), 500):
        chunk = lists[start : start + 500]
        documents = sorted({list_id.rsplit("/L", 1)[0] for list_id in chunk})
        where = f"s.document_id IN ({','.join('?' * len(documents))}) AND s.list_id IN ({','.join('?' * len(chunk))})"
        for member, thread in _threaded(conn, where, [*documents, *chunk]):
            found[thread].append(member)
    return found


def _candidate_members(conn: sqlite3.Connection, thread: str, same_list: list[Item]) -> list[Item]:
    """The members a new statement is compared with (the latest few, read off the thread's
    index), after those of the statement's own lists; older members are never compared."""
    latest = load_items(conn, "s.thread_id = ?", [thread], limit=MAX_COMPARED, newest_first=True)[::-1]
    seen = {m.id for m in latest}
    return [m for m in same_list if m.id not in seen] + latest


def _store_assignments(conn: sqlite3.Connection, assigned: dict[str, str], kinds: dict[str, str]) -> None:
    created = now()
    threads = {thread: kinds[statement_id] for statement_id, thread in assigned.items()}
    conn.executemany(
        "INSERT OR IGNORE INTO threads (id, kind, created_at) VALUES (?, ?, ?)",
        [(thread, kind, created) for thread, kind in threads.items()],
    )
    conn.executemany("UPDATE statements SET thread_id = ? WHERE id = ?", [(t, s) for s, t in assigned.items()])


def _duplicate_threads(conn: sqlite3.Connection, idf: Idf) -> dict[str, str]:
    """Each unthreaded statement of a duplicate joins the thread of its counterpart in the original."""
    assigned: dict[str, str] = {}
    duplicates = conn.execute(
        """SELECT DISTINCT d.id, d.duplicate_of FROM documents d JOIN statements s ON s.document_id = d.id
           WHERE d.duplicate_of IS NOT NULL AND s.thread_id IS NULL ORDER BY d.id"""
    ).fetchall()
    for doc_id, original in duplicates:
        index = ThreadIndex(idf, LinkSettings(threshold=DUPLICATE_MATCH))
        for member, thread in _threaded(conn, "s.document_id = ?", [original]):
            index.add(member, thread)
        for item in load_items(conn, "s.document_id = ? AND s.thread_id IS NULL", [doc_id]):
            thread, _ = index.best_thread(item, set())
            if thread:
                assigned[item.id] = thread
    return assigned


# A duplicate's statement joins its original's thread only when they are nearly the same words.
DUPLICATE_MATCH = 0.5


def _threaded(conn: sqlite3.Connection, where: str, params: list) -> list[tuple[Item, str]]:
    items = load_items(conn, f"{where} AND s.thread_id IS NOT NULL", params)
    threads = dict(conn.execute(f"SELECT s.id, s.thread_id FROM statements s WHERE {where}", params).fetchall())
    return [(item, threads[item.id]) for item in items]


# Weights learnt from a small corpus are unreliable: when the corpus has grown this many times
# over since the last full linking, ingest says so and advises `ngkt relink` (ids and decisions
# kept). It never relinks by itself: a relink may renumber threads a report already cites.
RELINK_GROWTH = 2


def relink_advice(conn: sqlite3.Connection) -> str | None:
    """One line advising a full relink when the corpus has grown RELINK_GROWTH times over since
    the last one, else None."""
    before = _meta_int(conn, "paragraphs_at_relink")
    now_ = _meta_int(conn, "paragraphs")
    if before and now_ > RELINK_GROWTH * before:
        return (f"the archive has grown {now_ / before:.1f} times since threads were last rebuilt: run `ngkt relink` "
                "to weigh words by the whole archive (thread ids, labels and your decisions are kept)")
    return None


def _meta_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone()
    return int(row[0]) if row else 0


def _set_meta(conn: sqlite3.Connection, name: str, value: object) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [name, str(value)]
    )


def recode_themes(conn: sqlite3.Connection) -> None:
    """Code every statement again with the current codebook (after --codebook changes)."""
    conn.execute("DELETE FROM statement_themes")
    conn.executemany(
        "INSERT INTO statement_themes (statement_id, theme, position) VALUES (:statement_id, :theme, :position)",
        statement_theme_rows(conn.execute("SELECT id, text FROM statements").fetchall()),
    )


def link_pending(conn: sqlite3.Connection) -> int:
    """Link every statement without a thread against the stored threads (in the caller's transaction).

    Runs at the end of each ingest and re-extraction, over all new statements at once, in the
    order of their years, so that the result does not depend on the order files were given in.
    Only a database's first linking links everything; later growth is met by `relink_advice`
    and an explicit `ngkt relink`. Returns how many statements were linked.
    """
    count_new_documents(conn)
    if _meta_int(conn, "themes_stale"):  # set by a migration that changed how texts are coded
        recode_themes(conn)
        _set_meta(conn, "themes_stale", 0)
    store_actor_levels(conn)
    idf = load_idf(conn)
    if not _meta_int(conn, "paragraphs_at_relink"):  # the first linking of a database: all of it
        return relink(conn)["statements"]
    items = load_items(conn, "s.thread_id IS NULL AND d.duplicate_of IS NULL")
    new_ids = ThreadIds(conn)
    assigned = assign(items, _index_for(conn, items, idf), new_ids, load_decisions(conn))
    new_ids.save()
    _write_links(conn, items, assigned, idf)
    refresh_labels(conn, set(assigned.values()), joined=set(assigned))
    drop_empty_threads(conn)
    return len(assigned)


def _write_links(conn: sqlite3.Connection, items: list[Item], assigned: dict[str, str], idf: Idf) -> None:
    """Record the originals' threads, index their terms, and let duplicates follow their originals."""
    _store_assignments(conn, assigned, {i.id: i.kind for i in items})
    index_thread_terms(conn, items, assigned, idf)
    conn.executemany(
        "UPDATE statements SET thread_id = ? WHERE id = ?", [(t, s) for s, t in _duplicate_threads(conn, idf).items()]
    )


def drop_empty_threads(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM threads WHERE id NOT IN (SELECT DISTINCT thread_id FROM statements WHERE thread_id IS NOT NULL)")


def _match_old_ids(groups: dict[str, list[str]], old: dict[str, str]) -> dict[str, str]:
    """Map new groups to old thread ids: a thread keeps its id while it keeps most of its members."""
    old_sizes = Counter(old.values())
    overlaps = sorted(
        ((count, group, thread) for group, members in groups.items()
         for thread, count in Counter(old[m] for m in members if m in old).items()),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for count, group, thread in overlaps:
        if group in mapping or thread in taken or count * 2 <= old_sizes[thread]:
            continue
        mapping[group] = thread
        taken.add(thread)
    return mapping


def relink(conn: sqlite3.Connection, settings: LinkSettings = SETTINGS) -> dict[str, int]:
    """Rebuild every thread from scratch, deterministically, keeping ids and labels where the members stay."""
    store_actor_levels(conn)
    old = dict(conn.execute("SELECT id, thread_id FROM statements WHERE thread_id IS NOT NULL").fetchall())
    originals = load_items(conn, "d.duplicate_of IS NULL")
    index = ThreadIndex(load_idf(conn, eager=True), settings)
    counter = iter(range(1, 10**9))
    assigned = assign(originals, index, lambda: f"new{next(counter)}", load_decisions(conn))
    groups: dict[str, list[str]] = defaultdict(list)
    for statement_id, group in assigned.items():
        groups[group].append(statement_id)
    mapping = _match_old_ids(groups, old)
    final = {}
    new_ids = ThreadIds(conn)
    for group in sorted(groups, key=lambda g: min(groups[g])):
        thread = mapping.get(group) or new_ids()
        final.update({m: thread for m in groups[group]})
    new_ids.save()
    conn.execute("UPDATE statements SET thread_id = NULL WHERE thread_id IS NOT NULL")
    # thread_terms is not emptied: kept threads keep valid terms, dropped threads lose theirs by
    # cascade, and a stale term only adds a candidate that scoring then rejects. (Emptying it
    # row by row, as SQLite must for a table with foreign keys, took 7 s of a 15 s relink.)
    _write_links(conn, originals, final, index.idf)
    drop_empty_threads(conn)
    by_thread: dict[str, list[Item]] = defaultdict(list)
    for item in originals:
        by_thread[final[item.id]].append(item)
    refresh_labels(conn, set(by_thread), by_thread)
    _set_meta(conn, "paragraphs_at_relink", index.idf.paragraphs)
    return {"statements": len(final), "threads": len(set(final.values())), "kept": len(mapping)}


# ---------------------------------------------------------------------------------------------
# Labels and explanations


def thread_members(conn: sqlite3.Connection, thread: str, limit: int | None = None) -> list[Item]:
    """A thread's members in linking order (the first `limit` of them)."""
    return load_items(conn, "s.thread_id = ?", [thread], limit=limit)


def refresh_labels(
    conn: sqlite3.Connection, threads: set[str], members: dict[str, list[Item]] | None = None, joined: set[str] | None = None
) -> None:
    """Recompute the automatic label of each thread; `members` (in linking order) spares the lookups.

    With `joined` (statements just linked), a thread whose label-giving first members include
    none of them keeps its label: it would come out the same.
    """
    idf = load_idf(conn)
    labels = []
    for thread in sorted(threads):
        found = members[thread] if members is not None else thread_members(conn, thread, MAX_CENTRALITY)
        if found and (joined is None or any(m.id in joined for m in found[:MAX_CENTRALITY])):
            labels.append((central_label(found, idf), thread))
    conn.executemany("UPDATE threads SET auto_label = ? WHERE id = ?", labels)
