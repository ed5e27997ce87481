"""Stage 3 (curation): the analyst's corrections to threads, stored as decisions that last.

Every correction becomes pairs that must (`link`) or must not (`unlink`) share a thread, plus an
event row for `ngkt thread history`. Automatic linking reads the pairs every time it runs, so a
merge survives re-ingest, re-extraction and `ngkt relink`.
"""

from __future__ import annotations

import sqlite3

from .db import get_document
from .db import set_scope as record_scope
from .errors import NotFound, Refused, UsageError
from .link import drop_empty_threads, index_thread_terms, link_pending, load_items, next_thread_id, now, refresh_labels
from .queries import require_document_id
from .scope import SIDES, SOURCE_RULE, SOURCE_USER, decide
from .themes import Codebook

# `ngkt doc scope ID rule`: the scope rule decides again, as for any document no one set by hand.
BY_RULE = "rule"


def _reindex(conn: sqlite3.Connection, thread: str) -> None:
    """Let the thread's new members find it as a candidate from now on."""
    members = load_items(conn, "s.thread_id = ?", [thread])
    index_thread_terms(conn, members, {m.id: thread for m in members})


def _members(conn: sqlite3.Connection, thread: str) -> list[sqlite3.Row]:
    rows = conn.execute(
        "SELECT id, list_id, thread_id FROM statements WHERE thread_id = ? ORDER BY id", [thread]
    ).fetchall()
    if not rows and not conn.execute("SELECT 1 FROM threads WHERE id = ?", [thread]).fetchone():
        raise NotFound(f"no thread '{thread}' (see `ngkt threads`)")
    return rows


def _statement(conn: sqlite3.Connection, statement_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT id, list_id, thread_id, kind FROM statements WHERE id = ?", [statement_id]).fetchone()
    if row is None:
        raise NotFound(f"no statement '{statement_id}' (ids look like bc4dfcb9f9f2/L1.3; see `ngkt priorities`)")
    return row


def _record(conn: sqlite3.Connection, action: str, **fields) -> None:
    row = {"action": action, "created_at": now(), **fields}
    columns = ", ".join(row)
    conn.execute(f"INSERT INTO decisions ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def _pair(conn: sqlite3.Connection, action: str, a: str, b: str, thread: str) -> None:
    _record(conn, action, statement_id=a, other_statement_id=b, thread_id=thread)


def _forget_links(conn: sqlite3.Connection, statement_id: str) -> None:
    """A later decision about a statement replaces the earlier pairs that tied it to others."""
    conn.execute(
        "DELETE FROM decisions WHERE action IN ('link', 'unlink') AND (statement_id = ? OR other_statement_id = ?)",
        [statement_id, statement_id],
    )


def _check_lists(first: list[sqlite3.Row], second: list[sqlite3.Row], what: str) -> None:
    shared = {r["list_id"] for r in first if r["list_id"]} & {r["list_id"] for r in second if r["list_id"]}
    if shared:  # a rule the data keeps, like `_check_kinds`: not a mistyped command line
        raise Refused(
            f"cannot {what}: both hold items of list {sorted(shared)[0]}, and two items of one list are never one "
            f"priority"
        )


def _thread_kind(conn: sqlite3.Connection, thread: str) -> str | None:
    row = conn.execute("SELECT kind FROM threads WHERE id = ?", [thread]).fetchone()
    return row["kind"] if row else None


def _check_kinds(moving: tuple[str, str | None], target: tuple[str, str | None], what: str) -> None:
    """Threads never mix kinds: an achievement in a priority's thread would count as a priority.
    `moving` and `target` are (name, kind)."""
    (name, kind), (target_name, target_kind) = moving, target
    if kind and target_kind and kind != target_kind:
        raise Refused(f"cannot {what}: {name} is {kind}, {target_name} is {target_kind}, and threads never mix kinds")


def merge(conn: sqlite3.Connection, keep: str, other: str) -> int:
    """Move every member of `other` into `keep`; returns how many moved."""
    if keep == other:
        raise UsageError("cannot merge a thread with itself")
    kept, moved = _members(conn, keep), _members(conn, other)
    _check_kinds((other, _thread_kind(conn, other)), (keep, _thread_kind(conn, keep)), f"merge {other} into {keep}")
    _check_lists(kept, moved, f"merge {other} into {keep}")
    for statement in moved:
        for member in kept:
            _pair(conn, "link", statement["id"], member["id"], keep)
    conn.execute("UPDATE statements SET thread_id = ? WHERE thread_id = ?", [keep, other])
    _reindex(conn, keep)
    _record(
        conn,
        "merge",
        thread_id=keep,
        other_thread_id=other,
        note=f"merged {other} into {keep} ({len(moved)} statements)",
    )
    drop_empty_threads(conn)
    refresh_labels(conn, {keep})
    return len(moved)


def split(conn: sqlite3.Connection, statement_id: str) -> str:
    """Move a statement out to a thread of its own; returns the new thread's id."""
    statement = _statement(conn, statement_id)
    others = (
        [m for m in _members(conn, statement["thread_id"]) if m["id"] != statement_id] if statement["thread_id"] else []
    )
    if not others:
        raise UsageError(f"{statement_id} is already alone in its thread")
    _forget_links(conn, statement_id)
    new_thread = next_thread_id(conn)
    for member in others:
        _pair(conn, "unlink", statement_id, member["id"], new_thread)
    conn.execute("INSERT INTO threads (id, kind, created_at) VALUES (?, ?, ?)", [new_thread, statement["kind"], now()])
    conn.execute("UPDATE statements SET thread_id = ? WHERE id = ?", [new_thread, statement_id])
    _reindex(conn, new_thread)
    note = f"split {statement_id} from {statement['thread_id']} into {new_thread}"
    _record(
        conn,
        "split",
        statement_id=statement_id,
        thread_id=statement["thread_id"],
        other_thread_id=new_thread,
        note=note,
    )
    refresh_labels(conn, {statement["thread_id"], new_thread})
    return new_thread


def move(conn: sqlite3.Connection, statement_id: str, thread: str) -> None:
    """Move a statement into another thread, and keep it there."""
    statement = _statement(conn, statement_id)
    target = _members(conn, thread)
    if statement["thread_id"] == thread:
        raise UsageError(f"{statement_id} is already in {thread}")
    _check_kinds(
        (statement_id, statement["kind"]), (thread, _thread_kind(conn, thread)), f"move {statement_id} into {thread}"
    )
    _check_lists([statement], target, f"move {statement_id} into {thread}")
    old = statement["thread_id"]
    _forget_links(conn, statement_id)
    for member in _members(conn, old) if old else []:
        if member["id"] != statement_id:
            _pair(conn, "unlink", statement_id, member["id"], thread)
    for member in target:
        _pair(conn, "link", statement_id, member["id"], thread)
    conn.execute("UPDATE statements SET thread_id = ? WHERE id = ?", [thread, statement_id])
    _reindex(conn, thread)
    _record(
        conn,
        "move",
        statement_id=statement_id,
        thread_id=thread,
        other_thread_id=old,
        note=f"moved {statement_id} from {old} to {thread}",
    )
    drop_empty_threads(conn)
    refresh_labels(conn, {thread} | ({old} if old else set()))


def label(conn: sqlite3.Connection, thread: str, text: str) -> None:
    """Name a thread; an empty text goes back to the automatic label."""
    _members(conn, thread)
    conn.execute("UPDATE threads SET label = ? WHERE id = ?", [text.strip() or None, thread])
    _record(
        conn, "label", thread_id=thread, label=text.strip(), note=f"labelled {thread}: {text.strip() or '(automatic)'}"
    )


def history(conn: sqlite3.Connection, thread: str) -> list[dict]:
    """The analyst's decisions about a thread, oldest first (a thread merged away keeps its own);
    NotFound for an id no thread and no decision has."""
    rows = conn.execute(
        """SELECT created_at, action, statement_id, note FROM decisions
           WHERE action NOT IN ('link', 'unlink') AND (thread_id = ? OR other_thread_id = ?)
           ORDER BY id""",
        [thread, thread],
    ).fetchall()
    if not rows and conn.execute("SELECT 1 FROM threads WHERE id = ?", [thread]).fetchone() is None:
        raise NotFound(f"no thread '{thread}' (see `ngkt threads`)")
    return [dict(row) for row in rows]


def set_scope(conn: sqlite3.Connection, prefix: str, scope: str, codebook: Codebook | None = None) -> dict:
    """The analyst's scope for one document (by id or unique prefix), kept through re-ingest and
    re-extraction; "rule" hands the document back to the scope rule. Out of scope, its statements
    leave their threads; in scope, they are linked (`link_pending`, which codes statements again
    with `codebook` when the database asks)."""
    if scope not in (*SIDES, BY_RULE):
        raise UsageError(f"scope is 'in', 'out' or 'rule', not '{scope}'")
    document = get_document(conn, require_document_id(conn, prefix))
    if document is None:  # require_document_id found it: only a concurrent delete gets here
        raise NotFound(f"no document '{prefix}'")
    rule = decide(document.title, document.paragraphs)
    if scope == BY_RULE:
        scope, reason, source = rule.scope, rule.reason, SOURCE_RULE
    else:
        reason, source = f"set by the analyst; the rule says {rule.reason}", SOURCE_USER
    left = record_scope(conn, document.id, scope, reason, source)
    linked = link_pending(conn, codebook)
    drop_empty_threads(conn)
    kept = {r[0] for r in conn.execute("SELECT id FROM threads")} & left
    refresh_labels(conn, kept)
    return {
        "id": document.id,
        "scope": scope,
        "was": document.scope,
        "reason": reason,
        "left_threads": len(left),
        "linked": linked,
    }
