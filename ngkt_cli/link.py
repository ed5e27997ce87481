"""Stage 3: statements -> threads, one priority followed across documents and years.

Three layers: the similarity and the assignment to threads are pure (`similarity`, with
`words` and `actors`); every query is in `link_store` (document frequencies, the thread index of
rare terms, actor levels, decisions, ids, meta); this module decides what runs when: linking
the new statements of an ingest, a full relink (only when asked: `ngkt relink`, or a database's
first linking), labels and theme recoding. The analyst's decisions win over the automatic
linking every time it runs: at ingest, at re-extraction and at `ngkt relink`.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable

from .link_store import (  # noqa: F401  (re-exported: the other stages import them from here)
    ThreadIds,
    WrittenStatements,
    add_term_counts,
    candidate_members,
    count_document_terms,
    count_new_documents,
    drop_empty_threads,
    frequencies,
    has_threads,
    index_thread_terms,
    link_order,
    load_decisions,
    load_idf,
    load_items,
    meta_int,
    next_thread_id,
    now,
    paragraph_count,
    pop_meta,
    recount_stale_terms,
    replace_statement_themes,
    set_auto_labels,
    set_meta,
    set_threads,
    statement_texts,
    statement_theme_rows,
    statement_theme_tuples,
    store_actor_levels,
    store_assignments,
    thread_members,
    threaded_in,
    threaded_members_of_lists,
    threads_in_use,
    threads_of_statements,
    threads_sharing,
    threads_worded,
    unthreaded_duplicates,
    written_items,
)
from .scope import SQL_IN_SCOPE
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
    settle,
    shared_terms,
    short_label,
    similarity_to_rest,
    split_mixed,
    vector,
)
from .themes import Codebook

# ---------------------------------------------------------------------------------------------
# Linking runs


def _index_for(conn: sqlite3.Connection, items: list[Item], idf: Idf) -> ThreadIndex:
    """An index of the stored threads that `items` may join: for each wording, the
    MAX_CANDIDATES threads sharing most of its rare terms (as `ThreadIndex.scores` picks them),
    and every thread with a member worded exactly like one of them, however old that member."""
    index = ThreadIndex(idf)
    by_wording = {item.key: item for item in items}
    threads: set[str] = set()
    for item in by_wording.values():
        threads |= threads_sharing(conn, rare_terms(item, idf), MAX_CANDIDATES)
    same_words = threads_worded(conn, sorted(by_wording))
    threads |= {thread for thread, _ in same_words}
    same_list = threaded_members_of_lists(conn, sorted({item.list_id for item in items if item.list_id}))
    for thread in sorted(threads):
        for member in candidate_members(conn, thread, same_list.get(thread, [])):
            index.add(member, thread)
    for thread, wording in same_words:
        if thread not in index.by_key[wording]:
            index.by_key[wording].append(thread)
    return index


def _duplicate_threads(conn: sqlite3.Connection, idf: Idf) -> dict[str, str]:
    """Each unthreaded statement of a duplicate joins the thread of its counterpart in the original."""
    assigned: dict[str, str] = {}
    for doc_id, original in unthreaded_duplicates(conn):
        index = ThreadIndex(idf, LinkSettings(threshold=DUPLICATE_MATCH))
        for member, thread in threaded_in(conn, "s.document_id = ?", [original]):
            index.add(member, thread)
        for item in load_items(conn, "s.document_id = ? AND s.thread_id IS NULL", [doc_id]):
            best, _ = index.best_thread(item, set())
            if best:
                assigned[item.id] = best
    return assigned


# A duplicate's statement joins its original's thread only when they are nearly the same words.
DUPLICATE_MATCH = 0.5


# Weights learnt from a small corpus are unreliable: when the corpus has grown this many times
# over since the last full linking, ingest says so and advises `ngkt relink` (ids and decisions
# kept). It never relinks by itself: a relink may renumber threads a report already cites.
RELINK_GROWTH = 2


def relink_notice(conn: sqlite3.Connection) -> str | None:
    """The line saying that the last linking rebuilt every thread (after an upgrade), once: it is
    forgotten when read."""
    return pop_meta(conn, "relink_notice")


def relink_advice(conn: sqlite3.Connection) -> str | None:
    """One line advising a full relink when the corpus has grown RELINK_GROWTH times over since
    the last one, else None."""
    before = meta_int(conn, "paragraphs_at_relink")
    now_ = meta_int(conn, "paragraphs")
    if before and now_ > RELINK_GROWTH * before:
        return (
            f"the archive has grown from {before:,} to {now_:,} paragraphs since threads were last rebuilt: "
            "run `ngkt relink` to weigh words by the whole archive (thread ids, labels and your decisions are kept)"
        )
    return None


def recode_themes(conn: sqlite3.Connection, codebook: Codebook | None = None) -> None:
    """Code every statement again with `codebook` (None: the shipped one), after it changed."""
    replace_statement_themes(conn, statement_theme_rows(statement_texts(conn), codebook=codebook))


def link_pending(
    conn: sqlite3.Connection, codebook: Codebook | None = None, written: WrittenStatements | None = None
) -> int:
    """Link every statement without a thread against the stored threads (in the caller's transaction).

    Runs at the end of each ingest and re-extraction, over all new statements at once, in the
    order of their years, so that the result does not depend on the order files were given in.
    Only a database's first linking links everything; later growth is met by `relink_advice`
    and an explicit `ngkt relink`. Returns how many statements were linked. Statements are
    coded again with `codebook` (None: the shipped one) when the database asks for it.
    A first linking takes its items from the rows the run `written` (`written_items`), when
    those are every statement stored, instead of reading them back.
    """
    recount_stale_terms(conn)
    count_new_documents(conn)
    if meta_int(conn, "themes_stale"):  # set by a migration that changed how texts are coded
        recode_themes(conn, codebook)
        set_meta(conn, "themes_stale", 0)
        written = None  # coded again: the themes written are not those stored
    store_actor_levels(conn)
    idf = load_idf(conn)
    if not meta_int(conn, "paragraphs_at_relink"):  # the first linking of a database: all of it
        had_threads = has_threads(conn)
        done = relink(conn, originals=written_items(conn, written) if written is not None else None)
        if had_threads:  # an upgrade asked for it (migration 19): say so at the end of the run
            set_meta(
                conn,
                "relink_notice",
                f"rebuilt every thread once for this version's linking: {done['statements']} "
                f"statement(s) in {done['threads']} thread(s), {done['kept']} kept their id "
                "(labels and your decisions are kept)",
            )
        return done["statements"]
    items = load_items(conn, f"s.thread_id IS NULL AND d.duplicate_of IS NULL AND {SQL_IN_SCOPE}")
    new_ids = ThreadIds(conn)
    index, decisions = _index_for(conn, items, idf), load_decisions(conn)
    assign(items, index, new_ids, decisions)
    assigned = settle(items, index, decisions)  # the new statements only: stored ones keep their threads
    new_ids.save()
    _write_links(conn, items, assigned, idf, index=index)
    refresh_labels(conn, set(assigned.values()), joined=set(assigned), idf=idf)
    drop_empty_threads(conn)
    return len(assigned)


def _write_links(
    conn: sqlite3.Connection,
    items: list[Item],
    assigned: dict[str, str],
    idf: Idf,
    *,
    clear: bool = False,
    old: dict[str, str] | None = None,
    index: ThreadIndex | None = None,
) -> None:
    """Record the originals' threads (with `clear`, every statement's thread first cleared: a full
    relink, whose threads before are `old`), index their terms (as `index`, the linking's, looked
    them up, when it did so with the shipped settings), and let duplicates follow their originals."""
    store_assignments(conn, assigned, {i.id: i.kind for i in items}, clear=clear)
    looked_up = index.rare_terms if index is not None and index.idf is idf and index.settings == SETTINGS else None
    index_thread_terms(conn, items, assigned, idf, looked_up)
    set_threads(conn, _duplicate_threads(conn, idf))
    _link_unmatched_duplicates(conn, idf, {} if old is None else old)


def _named(groups: dict[str, list[str]], old: dict[str, str], taken: set[str], new_ids: ThreadIds) -> dict[str, str]:
    """Statement -> thread id for the new threads `groups` (temporary name -> members): the id a
    group's members had before (`old`, a relink's) while it keeps most of them and no other
    thread has it (`taken`), else a new one, handed out in the order of `groups`."""
    mapping = _match_old_ids(groups, {m: t for m, t in old.items() if t not in taken})
    return {
        member: thread
        for group, members in groups.items()
        for thread in [mapping.get(group) or new_ids()]
        for member in members
    }


# The names `assign` gives the threads it opens, settled afterwards (`_named`): no thread id
# ("T0001") starts so.
TEMPORARY = "new"


def _temporary_names() -> Callable[[], str]:
    counter = iter(range(1, 10**9))
    return lambda: f"{TEMPORARY}{next(counter)}"


def _opened(assigned: dict[str, str]) -> dict[str, list[str]]:
    """The threads `assign` opened (their temporary names) -> their statements, in the order opened."""
    groups: dict[str, list[str]] = defaultdict(list)
    for statement_id, thread in assigned.items():
        if thread.startswith(TEMPORARY):
            groups[thread].append(statement_id)
    return groups


def _link_unmatched_duplicates(conn: sqlite3.Connection, idf: Idf, old: dict[str, str]) -> None:
    """A second outlet's copy may state what its original does not (a headline's directive, an
    added paragraph): such a statement is linked like any other. It is still never counted.
    After a relink (`old`: the threads before it), a thread of such statements keeps its id as
    the originals' threads do."""
    items = load_items(conn, f"s.thread_id IS NULL AND d.duplicate_of IS NOT NULL AND {SQL_IN_SCOPE}")
    if not items:
        return
    opened = assign(items, _index_for(conn, items, idf), _temporary_names(), load_decisions(conn))
    groups = _opened(opened)
    # (only a relink has ids to give back, and only those no thread holds now)
    taken = ({t for t in opened.values() if not t.startswith(TEMPORARY)} | threads_in_use(conn)) if old else set()
    new_ids = ThreadIds(conn)
    assigned = {**opened, **_named(groups, old, taken, new_ids)}
    new_ids.save()
    store_assignments(conn, assigned, {i.id: i.kind for i in items})
    index_thread_terms(conn, items, assigned, idf)
    refresh_labels(conn, set(assigned.values()), joined=set(assigned), idf=idf)


def _match_old_ids(groups: dict[str, list[str]], old: dict[str, str]) -> dict[str, str]:
    """Map new groups to old thread ids: a thread keeps its id while it keeps most of its members."""
    old_sizes = Counter(old.values())
    overlaps = sorted(
        (
            (count, group, thread)
            for group, members in groups.items()
            for thread, count in Counter(old[m] for m in members if m in old).items()
        ),
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


def relink(
    conn: sqlite3.Connection, settings: LinkSettings = SETTINGS, originals: list[Item] | None = None
) -> dict[str, int]:
    """Rebuild every thread from scratch, deterministically, keeping ids and labels where the members stay.
    `originals`, when given, are the items `load_items` would read (a first ingest's: `written_items`)."""
    recount_stale_terms(conn)  # after an upgrade, a relink by hand weighs words as the next ingest would
    count_new_documents(conn)
    store_actor_levels(conn)
    old = threads_of_statements(conn)
    if originals is None:
        originals = load_items(conn, f"d.duplicate_of IS NULL AND {SQL_IN_SCOPE}")
    index = ThreadIndex(load_idf(conn, eager=True), settings)
    decisions = load_decisions(conn)
    new_names = _temporary_names()
    assign(originals, index, new_names, decisions)
    settle(originals, index, decisions)
    groups = _opened(split_mixed(originals, index, new_names, decisions))  # every thread is new
    new_ids = ThreadIds(conn)
    # a thread's copies follow its originals (`_duplicate_threads`): whether it kept most of its
    # members is asked of its originals
    originals_before = {item.id: old[item.id] for item in originals if item.id in old}
    final = _named(dict(sorted(groups.items(), key=lambda group: min(group[1]))), originals_before, set(), new_ids)
    new_ids.save()
    # thread_terms is not emptied: kept threads keep valid terms, dropped threads lose theirs by
    # cascade, and a stale term only adds a candidate that scoring then rejects. (Emptying it
    # row by row, as SQLite must for a table with foreign keys, took 7 s of a 15 s relink.)
    _write_links(conn, originals, final, index.idf, clear=True, old=old, index=index)
    drop_empty_threads(conn)
    by_thread: dict[str, list[Item]] = defaultdict(list)
    for item in originals:
        by_thread[final[item.id]].append(item)
    refresh_labels(conn, set(by_thread), by_thread, idf=index.idf)
    set_meta(conn, "paragraphs_at_relink", index.idf.paragraphs)
    threads = set(final.values())
    return {"statements": len(final), "threads": len(threads), "kept": len(threads & set(old.values()))}


# ---------------------------------------------------------------------------------------------
# Labels and explanations


def refresh_labels(
    conn: sqlite3.Connection,
    threads: set[str],
    members: dict[str, list[Item]] | None = None,
    joined: set[str] | None = None,
    idf: Idf | None = None,
) -> None:
    """Recompute the automatic label of each thread; `members` (in linking order) spares the lookups.

    With `joined` (statements just linked), a thread whose label-giving first members include
    none of them keeps its label: it would come out the same. `idf`: the corpus's frequencies as
    the linking loaded them (and has weighed its terms with already), else loaded here.
    """
    idf = idf if idf is not None else load_idf(conn)
    labels = []
    for thread in sorted(threads):
        found = members[thread] if members is not None else _label_members(conn, thread)
        if found and (joined is None or any(m.id in joined for m in found[:MAX_CENTRALITY])):
            labels.append((central_label(found, idf), thread))
    set_auto_labels(conn, labels)


def _label_members(conn: sqlite3.Connection, thread: str) -> list[Item]:
    """The first members a thread's label is chosen from: its originals, as `relink` chooses
    it (a second outlet's copy, reworded, named the thread until the next relink), else the
    copies of a thread that only copies state."""
    originals = load_items(conn, "s.thread_id = ? AND d.duplicate_of IS NULL", [thread], limit=MAX_CENTRALITY)
    return originals or thread_members(conn, thread, MAX_CENTRALITY)
