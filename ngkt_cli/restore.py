"""Corrections are portable: the analyst's decisions from an export (`ngkt export`) applied to
another database holding the same articles (rebuilt from the archive, or a colleague's copy).

Statement ids come from the articles themselves, so a decision about a pair of statements means
the same in any database holding them. Thread ids do not: they are handed out in linking order.
So the pairs are added, the threads rebuilt with them (as `ngkt relink` does), and each label
goes to the thread that now holds most of the statements its thread held.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .db import set_scope as record_scope
from .errors import NgktError
from .ingest import date_stored
from .link import recode_themes, relink
from .queries import DECISION_FIELDS
from .scope import SOURCE_USER
from .themes import Codebook

# Decisions that tie statements together (what linking reads), and the events kept for
# `ngkt thread history`.
PAIRS = ("link", "unlink")


@dataclass(frozen=True)
class Imported:
    new: int  # decisions added
    present: int  # already in this database
    missing: int  # about statements this database does not hold
    labels: int  # thread labels applied
    threads: int  # threads after relinking
    corrections: int = 0  # dates and scopes set by hand, applied to documents held here


def read_export(source: Path) -> dict:
    """The JSON of an export file (or of `export.json` in the folder `export --out` wrote)."""
    path = source / "export.json" if source.is_dir() else source
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise NgktError(f"{source}: cannot read it ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise NgktError(f"{source}: not JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise NgktError(f'{source}: not an ngkt export (no "decisions"; made by `ngkt export`)')
    return data


def _named_statements(decision: dict) -> list[str]:
    return [s for s in (decision.get("statement_id"), decision.get("other_statement_id")) if s]


def _already(conn: sqlite3.Connection, decision: dict) -> bool:
    if decision["action"] in PAIRS:
        sql = "SELECT 1 FROM decisions WHERE action = ? AND statement_id = ? AND other_statement_id = ?"
        return (
            conn.execute(sql, [decision["action"], decision["statement_id"], decision["other_statement_id"]]).fetchone()
            is not None
        )
    sql = "SELECT 1 FROM decisions WHERE action = ? AND created_at = ? AND note IS ?"
    return conn.execute(sql, [decision["action"], decision["created_at"], decision.get("note")]).fetchone() is not None


def _insert(conn: sqlite3.Connection, decision: dict) -> None:
    fields = [f for f in DECISION_FIELDS if f != "id"]
    conn.execute(
        f"INSERT INTO decisions ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
        [decision.get(f) for f in fields],
    )


def _apply_labels(conn: sqlite3.Connection, exported_threads: list[dict]) -> int:
    """Each labelled thread's label on the thread now holding most of its statements; returns how
    many threads it changed (a second import of the same export changes none)."""
    applied = 0
    for thread in exported_threads:
        if not thread.get("labelled"):
            continue
        ids = thread.get("statement_ids") or []
        marks = ", ".join("?" * len(ids))
        held = Counter(
            r[0]
            for r in conn.execute(
                f"SELECT thread_id FROM statements WHERE id IN ({marks}) AND thread_id IS NOT NULL", ids
            )
        )
        if held:
            target = min(held, key=lambda t: (-held[t], t))
            changed = conn.execute(
                "UPDATE threads SET label = ? WHERE id = ? AND label IS NOT ?",
                [thread["label"], target, thread["label"]],
            )
            applied += changed.rowcount
    return applied


def import_decisions(
    conn: sqlite3.Connection, data: dict, source: str = "export", codebook: Codebook | None = None
) -> Imported:
    """Add the export's decisions about statements held here, recode (with `codebook`, None: the
    shipped one) and relink, apply labels (inside the caller's transaction). NgktError when none
    of them concerns this database."""
    corrections = _hand_corrections(conn, data.get("documents", []), codebook)
    held = {r[0] for r in conn.execute("SELECT id FROM statements")}
    counts: Counter[str] = Counter()
    # Decisions about statements first; the events naming threads only (a merge, a label) come
    # along when something else of the export concerns this database.
    about_statements = [d for d in data["decisions"] if _named_statements(d)]
    about_threads = [d for d in data["decisions"] if not _named_statements(d)]
    for decision in about_statements:
        if not all(s in held for s in _named_statements(decision)):
            counts["missing"] += 1
        elif _already(conn, decision):
            counts["present"] += 1
        else:
            _insert(conn, decision)
            counts["new"] += 1
    labelled = [
        t for t in data.get("threads", []) if t.get("labelled") and held.intersection(t.get("statement_ids") or [])
    ]
    if data["decisions"] and not (counts["new"] or counts["present"] or labelled or corrections):
        raise NgktError(
            f"{source}: none of its decisions is about a statement in this database (is it an export of other "
            f"articles?)"
        )
    for decision in about_threads:
        if _already(conn, decision):
            counts["present"] += 1
        else:
            _insert(conn, decision)
            counts["new"] += 1
    recode_themes(conn, codebook)
    summary = relink(conn)
    return Imported(
        counts["new"],
        counts["present"],
        counts["missing"],
        _apply_labels(conn, labelled),
        summary["threads"],
        corrections,
    )


def _hand_corrections(conn: sqlite3.Connection, documents: list[dict], codebook: Codebook | None) -> int:
    """The export's dates and scopes set by hand (`ngkt doc date`, `ngkt doc scope`), applied to
    the documents this database holds (document ids come from the articles too); how many."""
    here = {
        row[0]: row[1:]
        for row in conn.execute("SELECT id, date, date_source, scope, scope_source FROM documents").fetchall()
    }
    applied = 0
    for document in documents:
        held = here.get(document.get("id"))
        if held is None:
            continue
        date, date_source, scope, scope_source = held
        if (
            document.get("date_source") == "user"
            and document.get("date")
            and (date, date_source)
            != (
                document["date"],
                "user",
            )
        ):
            date_stored(conn, document["id"], document["date"], codebook)
            applied += 1
        if document.get("scope_source") == SOURCE_USER and (scope, scope_source) != (document["scope"], SOURCE_USER):
            record_scope(conn, document["id"], document["scope"], document["scope_reason"], SOURCE_USER)
            applied += 1
    return applied
