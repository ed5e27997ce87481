"""The read side: plain dicts for the listing commands (docs, priorities, search, export).

Duplicates (a second outlet's copy) are listed by `docs` but never counted: every query over
statements keeps to documents whose `duplicate_of` is null unless asked otherwise.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import ids
from .actors import LEVELS, NATIONAL, other_levels
from .db import ROW_COLUMNS, meta_value
from .diff import FORM_NAMES, DiffStatement, compare_years, words_needed
from .doubts import doubts
from .errors import NotFound, UsageError
from .link import (
    ThreadIndex,
    explain,
    frequencies,
    load_idf,
    paragraph_count,
    shared_terms,
    similarity_to_rest,
    thread_members,
)
from .reading import read_by_older_rules
from .scope import SQL_IN_SCOPE
from .text import fold
from .themes import Theme, code


@dataclass(frozen=True)
class Counting:
    """Which originals' statements the year views count (priorities, threads, diff, timeline,
    themes, report): those of articles in scope, unless `out_of_scope`; of every actor, or of one
    actor `level` (actors.py: the nation's, a province's or city's, another country's)."""

    out_of_scope: bool = False
    level: str | None = None

    def __post_init__(self) -> None:
        if self.level is not None and self.level not in LEVELS:
            raise UsageError(f"unknown actor level '{self.level}' (one of {', '.join(LEVELS)})")

    def level_sql(self) -> str:
        """The condition on the actor level of statement `s` ("" for every level). The level is
        one of LEVELS (checked above), so it is written into the SQL as it is."""
        if self.level is None:
            return ""
        return f" AND coalesce(s.actor_level, '{NATIONAL}') = '{self.level}'"

    def scope_sql(self) -> str:
        """The condition on the scope of document `d` ("" when off-topic articles count too)."""
        return "" if self.out_of_scope else f" AND {SQL_IN_SCOPE}"

    @property
    def key(self) -> str:
        """What is counted, in words: how a stored theme prior names it."""
        return f"{' with out of scope' if self.out_of_scope else ''}{f' of {self.level}' if self.level else ''}"


# What the year views count unless told otherwise: the statements of articles in scope.
IN_SCOPE = Counting()

DOCUMENT_FIELDS = (
    "id",
    "path",
    "title",
    "date",
    "date_source",
    "published",
    "statement_year",
    "byline",
    "duplicate_of",
    "scope",
    "scope_reason",
    "scope_source",
    "source",
    "version",
)
# A list's stored columns but its position among the document's lists (the order lists are read in).
LIST_FIELDS = tuple(column for column in ROW_COLUMNS["lists"] if column != "position")
STATEMENT_FIELDS = (
    "id",
    "document_id",
    "list_id",
    "kind",
    "form",
    "ordinal",
    "target_year",
    "speaker",
    "text",
    "paragraph",
    "char_start",
    "char_end",
    "cue",
    "cue_start",
    "cue_end",
)


def _statement_columns() -> str:
    """STATEMENT_FIELDS for a SELECT. Paragraphs are numbered from 1 wherever they are read
    (`show` prints "paragraph 3", JSON and CSV say 3); the database keeps the extractor's
    0-based index."""
    return ", ".join("paragraph + 1 AS paragraph" if f == "paragraph" else f for f in STATEMENT_FIELDS)


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, params)]


def documents(conn: sqlite3.Connection) -> list[dict]:
    """Every document with its list and directive counts and flags (undated, count mismatch, duplicate)."""
    rows = _rows(
        conn,
        f"""SELECT {", ".join("d." + f for f in DOCUMENT_FIELDS)},
                   (SELECT count(*) FROM lists l WHERE l.document_id = d.id) AS lists,
                   (SELECT count(*) FROM statements s WHERE s.document_id = d.id AND s.form = 'directive')
                       AS directives,
                   (SELECT count(*) FROM lists l WHERE l.document_id = d.id AND l.count_mismatch) AS mismatches
            FROM documents d ORDER BY d.date IS NULL, d.date, d.statement_year, d.id""",
    )
    for row in rows:
        flags = ["undated"] if row["date"] is None else []
        flags += ["count mismatch"] if row.pop("mismatches") else []
        flags += [f"duplicate of {row['duplicate_of']}"] if row["duplicate_of"] else []
        row["flags"] = ", ".join(flags)
    return rows


def suspect_documents(conn: sqlite3.Connection) -> list[dict]:
    """The documents whose date is doubtful (doubts.DOUBTS), each with its reasons."""

    rows = _rows(
        conn,
        """SELECT id, path, title, date, date_source, published, statement_year, scope, body FROM documents
           ORDER BY date IS NULL, date, statement_year, id""",
    )
    found = []
    for row in rows:
        reasons = doubts(row)
        if reasons:
            del row["body"]
            found.append({**row, "doubts": "; ".join(reasons)})
    return found


def statements(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    kind: str | None = "priority",
    speaker: str | None = None,
    form: str | None = None,
    counting: Counting = IN_SCOPE,
) -> list[dict]:
    """Statements with their document, date, list and ordinal (originals only, those `counting`
    counts): list items and directives, or one `form` of them."""
    where: list[str] = ["duplicate_of IS NULL"]
    params: list[object] = []
    if not counting.out_of_scope:
        where.append("coalesce(document_scope, 'in') != 'out'")
    if counting.level is not None:
        where.append("actor_level = ?")
        params.append(counting.level)
    if form:
        where.append("form = ?")
        params.append(form)
    if year is not None:
        where.append("target_year = ?")
        params.append(year)
    if kind:
        where.append("kind = ?")
        params.append(kind)
    rows = _rows(
        conn,
        f"""SELECT id, kind, form, target_year, ordinal, speaker, text, list_id, announced_count, cue,
                   document_id, document_title, document_date, document_path, document_scope, actor_level
            FROM statements_with_source WHERE {" AND ".join(where)}
            ORDER BY target_year, document_date, list_id IS NULL, id""",
        params,
    )
    if speaker:
        wanted = fold(speaker)
        rows = [row for row in rows if wanted in fold(row["speaker"] or "")]
    return rows


DECISION_FIELDS = (
    "id",
    "action",
    "statement_id",
    "other_statement_id",
    "thread_id",
    "other_thread_id",
    "label",
    "note",
    "created_at",
)


def export(conn: sqlite3.Connection, codebook: tuple[Theme, ...]) -> dict:
    """The whole dataset as the documented JSON shape (docs/export.md): documents with their text,
    lists, statements with their themes, threads, the codebook, and the analyst's decisions."""

    docs = _rows(conn, f"SELECT {', '.join(DOCUMENT_FIELDS)}, body FROM documents ORDER BY date IS NULL, date, id")
    lists = _rows(conn, f"SELECT {', '.join(LIST_FIELDS)} FROM lists ORDER BY document_id, position")
    for row in lists:
        row["count_mismatch"] = bool(row["count_mismatch"])
        row["truncated"] = bool(row["truncated"])
    stmts = _rows(conn, f"SELECT {_statement_columns()}, thread_id FROM statements ORDER BY document_id, id")
    coded: dict[str, list[str]] = {}
    for statement_id, theme in conn.execute(
        "SELECT statement_id, theme FROM statement_themes ORDER BY statement_id, position"
    ):
        coded.setdefault(statement_id, []).append(theme)
    for row in stmts:
        row["themes"] = coded.get(row["id"], [])
    return {
        "documents": docs,
        "lists": lists,
        "statements": stmts,
        "threads": threads(conn),
        "themes": [{"id": t.id, "label": t.label, "label_vi": t.label_vi} for t in codebook],
        "decisions": _rows(conn, f"SELECT {', '.join(DECISION_FIELDS)} FROM decisions ORDER BY id"),
    }


def info(conn: sqlite3.Connection, codebook_source: str) -> dict:
    """What a database is and holds: its file, schema version, counts, codebook, last ingest, and
    whether its articles were read with this version's rules (reading.py)."""

    def count(sql: str) -> int:
        return conn.execute(sql).fetchone()[0]

    last = meta_value(conn, "last_ingest") or conn.execute("SELECT max(ingested_at) FROM documents").fetchone()[0]
    return {
        "path": conn.execute("PRAGMA database_list").fetchone()[2],
        "schema_version": count("PRAGMA user_version"),
        "documents": count("SELECT count(*) FROM documents"),
        "duplicates": count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "lists": count("SELECT count(*) FROM lists"),
        "statements": count("SELECT count(*) FROM statements"),
        "threads": count("SELECT count(*) FROM threads"),
        "decisions": count("SELECT count(*) FROM decisions WHERE action NOT IN ('link', 'unlink')"),
        "codebook": meta_value(conn, "codebook") or codebook_source,
        "last_ingest": last,
        "read_with": "an earlier version's rules: run `ngkt reextract`"
        if read_by_older_rules(conn)
        else "this version's rules",
    }


def threads(
    conn: sqlite3.Connection,
    year: int | None = None,
    min_years: int = 1,
    kind: str | None = None,
    form: str | None = None,
    counting: Counting = IN_SCOPE,
) -> list[dict]:
    """Threads with their label, kind, members (originals of `counting`'s actor level, or those
    of one `form`) and the target years they appear in. When `counting` counts off-topic articles,
    each item of an off-topic original too, alone (never linked)."""
    rows = _rows(
        conn,
        f"""SELECT t.id, coalesce(t.label, t.auto_label) AS label, t.label IS NOT NULL AS labelled, t.kind,
                  group_concat(s.id, ' ') AS statement_ids,
                  group_concat(DISTINCT s.target_year) AS years
           FROM threads t JOIN statements s ON s.thread_id = t.id JOIN documents d ON d.id = s.document_id
           WHERE d.duplicate_of IS NULL{" AND s.form = ?" if form else ""}{counting.level_sql()}
           GROUP BY t.id ORDER BY t.id""",
        [form] if form else [],
    )
    result = []
    for row in rows:
        row["statement_ids"] = sorted(row["statement_ids"].split(" "))
        row["years"] = sorted(int(y) for y in (row["years"] or "").split(",") if y)
        row["labelled"] = bool(row["labelled"])
        if (
            len(row["years"]) >= min_years
            and (year is None or year in row["years"])
            and (kind is None or row["kind"] == kind)
        ):
            result.append(row)
    return result + (_unlinked_rows(conn, year, min_years, kind, form, counting) if counting.out_of_scope else [])


def _unlinked_rows(
    conn: sqlite3.Connection, year: int | None, min_years: int, kind: str | None, form: str | None, counting: Counting
) -> list[dict]:
    """The statements of off-topic originals as rows of `threads`, under UNLINKED_PREFIX ids."""
    rows = _rows(
        conn,
        f"""SELECT s.id, s.kind, s.text, s.target_year FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE d.scope = 'out' AND d.duplicate_of IS NULL AND (? IS NULL OR s.form = ?){counting.level_sql()}
           ORDER BY s.id""",
        [form, form],
    )
    found = []
    for r in rows:
        years = [r["target_year"]] if r["target_year"] else []
        if len(years) >= min_years and (year is None or year in years) and (kind is None or r["kind"] == kind):
            found.append(
                {
                    "id": UNLINKED_PREFIX + r["id"],
                    "label": f"(out of scope, not linked) {_short(r['text'])}",
                    "labelled": False,
                    "kind": r["kind"],
                    "statement_ids": [r["id"]],
                    "years": years,
                }
            )
    return found


# ---------------------------------------------------------------------------------------------
# Search

# How many characters of context a search snippet shows on each side of the first hit.
SNIPPET_CONTEXT = 80


@dataclass(frozen=True)
class Hit:
    document_id: str
    statement_id: str | None
    title: str | None
    date: str | None
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of `snippet` that matched
    path: str | None = None


def _query_words(query: str) -> list[str]:
    return re.findall(r"\w+", fold(query))


def _as_phrase(words: list[str]) -> str:
    return r"\b" + r"\W+".join(re.escape(word) for word in words) + r"\b"


def _as_word(word: str) -> str:
    return rf"\b{re.escape(word)}\b"


def _hit_spans(folded: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words stand as a phrase in the folded text, else where each word stands."""
    spans = [(m.start(), m.end()) for m in re.finditer(_as_phrase(words), folded)]
    if not spans:
        spans = sorted((m.start(), m.end()) for word in words for m in re.finditer(_as_word(word), folded))
    return spans


def _snippet(text: str, words: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around the first hit, with the hit spans (found in the folded copy)."""
    spans = _hit_spans(fold(text), words)
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_CONTEXT)
    end = min(len(text), first + SNIPPET_CONTEXT * 2)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    marks = tuple((s - start + len(prefix), e - start + len(prefix)) for s, e in spans if s >= start and e <= end)
    # "¶ " has the length of the paragraph break it stands for, so the marks stay in place.
    snippet = prefix + text[start:end].replace("\n\n", "¶ ") + suffix
    return snippet, marks


def _matching_documents(conn: sqlite3.Connection, expression: str, limit: int) -> list[sqlite3.Row]:
    """Originals whose body matches an FTS5 expression, best first."""
    return conn.execute(
        """SELECT d.id, d.title, d.date, d.body, d.path
           FROM search_index s JOIN search_rows r ON r.search_rowid = s.rowid JOIN documents d ON d.id = r.document_id
           WHERE search_index MATCH ? AND d.duplicate_of IS NULL
           ORDER BY s.rank LIMIT ?""",
        [expression, limit],
    ).fetchall()


def _holds(text: str, words: list[str], as_phrase: bool) -> bool:
    """Whether `text` holds the words as a phrase (or, not `as_phrase`, each of them), accents ignored."""
    folded = fold(text)
    if as_phrase:
        return re.search(_as_phrase(words), folded) is not None
    return all(re.search(_as_word(word), folded) for word in words)


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Hit]:
    """Statements and documents holding the words of `query` (as a phrase first), accents and "đ" ignored.

    The index holds bodies; within each matching body, the statements that hold the words are
    the hits (the more precise source), and the document itself only when none does.
    """
    words = _query_words(query)
    if not words:
        raise UsageError("the search query has no words")
    as_phrase = True
    documents = _matching_documents(conn, '"' + " ".join(words) + '"', limit)
    if not documents:
        as_phrase = False
        documents = _matching_documents(conn, " AND ".join(f'"{w}"' for w in words), limit)
    hits: list[Hit] = []
    for doc in documents:
        statements = conn.execute(
            "SELECT id, text FROM statements WHERE document_id = ? ORDER BY char_start, id", [doc["id"]]
        ).fetchall()
        holding = [s for s in statements if _holds(s["text"], words, as_phrase)]
        for statement_id, text in [(s["id"], s["text"]) for s in holding] or [(None, doc["body"])]:
            snippet, marks = _snippet(text, words)
            hits.append(Hit(doc["id"], statement_id, doc["title"], doc["date"], snippet, marks, doc["path"]))
    return hits[:limit]


def require_document_id(conn: sqlite3.Connection, prefix: str) -> str:
    """The full id for an id or unique prefix, or NotFound naming what was asked."""
    rows = conn.execute("SELECT id FROM documents WHERE id LIKE ? || '%' LIMIT 2", [prefix]).fetchall()
    if not rows:
        raise NotFound(f"no document with id '{prefix}' (see `ngkt docs`)")
    if len(rows) > 1:
        raise UsageError(f"'{prefix}' matches several documents; give more of the id")
    return rows[0]["id"]


def document_view(conn: sqlite3.Connection, prefix: str) -> dict:
    """A document with its lists and their items, as `ngkt show` prints it."""
    doc_id = require_document_id(conn, prefix)
    row = _rows(conn, "SELECT * FROM documents WHERE id = ?", [doc_id])[0]
    document = {k: v for k, v in row.items() if not isinstance(v, bytes)}  # the sketch is for the duplicate check
    lists = _rows(conn, f"SELECT {', '.join(LIST_FIELDS)} FROM lists WHERE document_id = ? ORDER BY position", [doc_id])
    for row in lists:
        row["count_mismatch"] = bool(row["count_mismatch"])
        row["truncated"] = bool(row["truncated"])
        row["items"] = _rows(
            conn, f"SELECT {_statement_columns()} FROM statements WHERE list_id = ? ORDER BY ordinal", [row["id"]]
        )
    directives = _rows(
        conn,
        f"SELECT {_statement_columns()} FROM statements WHERE document_id = ? AND form = 'directive' ORDER BY "
        f"char_start",
        [doc_id],
    )
    removed = _rows(
        conn, "SELECT line_no, reason, text FROM removed_lines WHERE document_id = ? ORDER BY line_no", [doc_id]
    )
    people = _rows(conn, "SELECT name, title FROM people WHERE document_id = ?", [doc_id])
    versions = _rows(
        conn,
        "SELECT version, content_sha, path, ingested_at, replaced_at FROM document_versions WHERE document_id = ? "
        "ORDER BY version",
        [doc_id],
    )
    return {
        "document": document,
        "lists": lists,
        "directives": directives,
        "removed": removed,
        "people": people,
        "earlier_versions": versions,
    }


def find_item(view: dict, wanted: str) -> dict:
    """An item of a document view by "N" (reading order), "2.3" or "L2.3" (list 2, item 3), or a
    directive by "D3"."""
    items = [item for found in view["lists"] for item in found["items"]]
    label = wanted.strip().upper()
    placed = _placed_id(view["document"]["id"], wanted)
    if placed:
        matches = [i for i in items + list(view.get("directives", [])) if i["id"] == placed]
    elif label.isdigit() and 1 <= int(label) <= len(items):
        matches = [items[int(label) - 1]]
    else:
        matches = []
    if not matches:
        directives = len(view.get("directives", []))
        raise NotFound(
            f"no item '{wanted}' in document {view['document']['id']} ({len(items)} items, {directives} directives; "
            f"use N, L<list>.<item> or D<n>)"
        )
    return matches[0]


def _local_id(document: str, label: str) -> ids.AnyId | None:
    try:
        return ids.parse_local(document, label)
    except ValueError:
        return None


def statement_changes(conn: sqlite3.Connection, statement_id: str) -> list[dict]:
    """What corrections of its article did to the item a citation names, oldest first: followed
    from id to id when a correction renumbered the lists, until it reads as now or was removed.
    Each is {event (their order), statement_id, version, cause ("correction" or "re-extraction"), changed_at,
    change, text (as it read before), successor_id}."""
    changes: list[dict] = []
    current, since = statement_id, 0
    while current is not None:
        row = conn.execute(
            """SELECT id AS event, statement_id, version, cause, changed_at, change, text, successor_id
            FROM statement_history
               WHERE statement_id = ? AND id > ? ORDER BY id LIMIT 1""",
            [current, since],
        ).fetchone()
        if row is None:
            break
        changes.append(dict(row))
        current, since = row["successor_id"], row["event"]
    return changes


def _placed_id(document: str, wanted: str) -> str | None:
    """An item named by its place ("L2.3", "2.3") or as an unnumbered directive ("D1"), not by
    reading order ("3"): its full id."""
    label = wanted.strip().upper()
    found = _local_id(document, label if label[:1] in ("L", "D") else f"L{label}")
    return str(found) if isinstance(found, (ids.ItemId, ids.DirectiveId)) else None


@dataclass(frozen=True)
class Cited:
    """An item as a citation printed before names it: `item` as it reads now (None when it was
    removed), and `changes` (statement_changes) when a correction changed it or reused its id."""

    cited: str
    item: dict | None
    changes: list[dict]

    @property
    def reused(self) -> bool:
        """The id names another item now than before the first change (which moved or removed it)."""
        first = self.changes[0] if self.changes else None
        return (
            self.item is not None
            and self.item["id"] == self.cited
            and first is not None
            and first["change"] != "reworded"
        )


def cited_item(conn: sqlite3.Connection, view: dict, wanted: str) -> Cited:
    """An item of a document view by "N", "L2.3" or "D1", followed through the article's corrections:
    a citation printed before a correction still resolves (NotFound only for an id never given)."""
    cited = _placed_id(view["document"]["id"], wanted)
    changes = statement_changes(conn, cited) if cited else []
    try:
        found: dict | None = find_item(view, wanted)
    except NotFound:
        if not changes:
            raise
        found = next((i for f in view["lists"] for i in f["items"] if i["id"] == changes[-1]["successor_id"]), None)
    return Cited(cited or (found or {}).get("id", wanted), found, changes)


def thread_view(conn: sqlite3.Connection, thread: str, codebook: tuple[Theme, ...]) -> dict:
    """A thread's members by year with their source, similarity to the thread and shared key terms."""

    row = conn.execute("SELECT id, kind, label, auto_label FROM threads WHERE id = ?", [thread]).fetchone()
    if row is None:
        raise NotFound(f"no thread '{thread}' (see `ngkt threads`)")
    members = thread_members(conn, thread)
    idf = load_idf(conn)
    index = ThreadIndex(idf)
    scores = similarity_to_rest(members, index)
    theme_labels = {theme.id: theme.label for theme in codebook}
    reasons = {m.id: explain(m, [o for o in members if o.id != m.id], index, theme_labels) for m in members}
    statements = _rows(
        conn,
        """SELECT id, form, target_year, ordinal, speaker, text, document_id, document_title, document_date,
           document_path, duplicate_of
            FROM statements_with_source WHERE thread_id = ? ORDER BY target_year, document_date, id""",
        [thread],
    )
    levels = {m.id: m.level for m in members}
    for statement in statements:
        statement["similarity"] = round(scores[statement["id"]], 3)
        statement["actor_level"] = levels.get(statement["id"])
        statement["linked_because"] = reasons[statement["id"]]["text"]
        statement["shared_themes"] = reasons[statement["id"]]["themes"]
        statement["shared_words"] = reasons[statement["id"]]["words"]
    originals = [m for m in members if not next(s for s in statements if s["id"] == m.id)["duplicate_of"]]
    return {
        "id": row["id"],
        "kind": row["kind"],
        "label": row["label"] or row["auto_label"],
        "labelled": row["label"] is not None,
        "years": sorted({s["target_year"] for s in statements if s["target_year"] and not s["duplicate_of"]}),
        "shared_terms": shared_terms(originals, idf),
        "statements": statements,
    }


def theme_base(
    conn: sqlite3.Connection, kind: str = "priority", form: str | None = None, counting: Counting = IN_SCOPE
) -> dict[int, int]:
    """How many statements each target year has: what theme shares are shares of."""
    return dict(
        conn.execute(
            f"""SELECT s.target_year, count(*) FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE s.kind = ? AND d.duplicate_of IS NULL AND s.target_year IS NOT NULL AND (? IS NULL OR s.form = ?)
             {counting.scope_sql()}{counting.level_sql()}
           GROUP BY s.target_year""",
            [kind, form, form],
        ).fetchall()
    )


def theme_shares(
    conn: sqlite3.Connection,
    codebook: tuple[Theme, ...],
    kind: str = "priority",
    form: str | None = None,
    counting: Counting = IN_SCOPE,
    totals: dict[int, int] | None = None,
) -> list[dict]:
    """How often each theme is stated per target year, as a share of that year's statements.

    Shares, not counts, so that a year with more articles does not look more important. `totals` is
    `theme_base`'s answer when the caller already has it.
    """

    totals = theme_base(conn, kind, form, counting) if totals is None else totals
    counts = conn.execute(
        f"""SELECT t.theme, s.target_year, count(*) AS n FROM statement_themes t
           JOIN statements s ON s.id = t.statement_id JOIN documents d ON d.id = s.document_id
           WHERE s.kind = ? AND d.duplicate_of IS NULL AND s.target_year IS NOT NULL AND (? IS NULL OR s.form = ?)
             {counting.scope_sql()}{counting.level_sql()}
           GROUP BY t.theme, s.target_year""",
        [kind, form, form],
    ).fetchall()
    labels = {theme.id: theme.label for theme in codebook}
    rows = [
        {
            "theme": r["theme"],
            "label": labels.get(r["theme"], r["theme"]),
            "year": r["target_year"],
            "count": r["n"],
            "statements": totals[r["target_year"]],
            "share": round(r["n"] / totals[r["target_year"]], 3),
        }
        for r in counts
    ]
    return sorted(rows, key=lambda r: (list(labels).index(r["theme"]) if r["theme"] in labels else 99, r["year"]))


def document_themes(conn: sqlite3.Connection, codebook: tuple[Theme, ...]) -> list[dict]:
    """Each original document's themes, coded on its whole body: their labels, and their ids for scripts."""

    labels = {theme.id: theme.label for theme in codebook}
    rows = _rows(
        conn, "SELECT id, date, title, body FROM documents WHERE duplicate_of IS NULL ORDER BY date IS NULL, date, id"
    )
    coded = [(r, code(r["body"], codebook)) for r in rows]
    return [
        {
            "id": r["id"],
            "date": r["date"],
            "title": r["title"],
            "themes": ", ".join(labels[t] for t in ids),
            "theme_ids": " ".join(ids),
        }
        for r, ids in coded
    ]


# ---------------------------------------------------------------------------------------------
# Diffs and timelines


# The statements a diff counts: list items and directives of originals in scope that have a
# thread and a year.
_COUNTED = (
    "s.kind = ? AND d.duplicate_of IS NULL AND s.thread_id IS NOT NULL AND {year} IS NOT NULL AND " + SQL_IN_SCOPE
)
# When off-topic articles count: the statements of out-of-scope originals too, which are never linked.
_COUNTED_ALL = (
    "s.kind = ? AND d.duplicate_of IS NULL AND (s.thread_id IS NOT NULL OR d.scope = 'out') AND {year} IS NOT NULL"
)

# An out-of-scope statement (never linked) stands alone in a diff or timeline, under this id.
UNLINKED_PREFIX = "out:"


def _counted(by: str, counting: Counting) -> str:
    return (_COUNTED_ALL if counting.out_of_scope else _COUNTED).format(year=_year_column(by)) + counting.level_sql()


def _year_column(by: str) -> str:
    return "s.target_year" if by == "target" else "d.statement_year"


def _diff_statements(
    conn: sqlite3.Connection,
    kind: str,
    by: str,
    years: tuple[int, ...] | None = None,
    counting: Counting = IN_SCOPE,
    form: str | None = None,
) -> tuple[list[DiffStatement], Counter[int]]:
    """Statements of originals with their year (target or stated), rank, source and themes; and
    how many statements of other actors than `counting`'s level each year leaves out. Those are
    read in the same query and set aside here (a few in a hundred), not counted by a second scan."""

    year = _year_column(by)
    only = f" AND {year} IN ({', '.join('?' * len(years))})" if years else ""
    only += " AND s.form = ?" if form else ""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: sqlite3.Row's lookups by name cost a third as much as the query
    rows = cursor.execute(
        f"""SELECT s.id, coalesce(s.thread_id, '{UNLINKED_PREFIX}' || s.id) AS thread_id, {year} AS year,
                  s.ordinal, s.text, s.speaker, d.id AS document_id, d.title, d.date,
                  (SELECT group_concat(theme, ' ') FROM statement_themes t WHERE t.statement_id = s.id) AS themes,
                  d.path, s.form, coalesce(s.actor_level, '{NATIONAL}')
            FROM statements s JOIN documents d ON d.id = s.document_id
            WHERE {_counted(by, Counting(counting.out_of_scope, None))}{only}
            ORDER BY year, d.date, s.id""",
        [kind, *(years or ()), *([form] if form else [])],
    ).fetchall()
    others: Counter[int] = Counter(r[2] for r in rows if counting.level not in (None, r[12]))
    counted = [
        DiffStatement(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], tuple((r[9] or "").split()), r[10], r[11], r[12]
        )
        for r in rows
        if counting.level in (None, r[12])
    ]
    return counted, others


def thread_labels(conn: sqlite3.Connection, statements: list | None = None) -> dict[str, str]:
    """Thread id -> label; an unlinked out-of-scope statement among `statements` is labelled by its words."""
    labels = dict(conn.execute("SELECT id, coalesce(label, auto_label, id) FROM threads").fetchall())
    for s in statements or ():
        if s.thread_id.startswith(UNLINKED_PREFIX):
            labels[s.thread_id] = f"(out of scope, not linked) {_short(s.text)}"
    return labels


def _short(text: str, limit: int = 80) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def years_with(
    conn: sqlite3.Connection,
    kind: str = "priority",
    by: str = "target",
    counting: Counting = IN_SCOPE,
    form: str | None = None,
) -> list[int]:
    """The years with counted statements of `kind` (of `form`: list items or directives only)."""
    year = _year_column(by)
    rows = conn.execute(
        f"SELECT DISTINCT {year} FROM statements s JOIN documents d ON d.id = s.document_id WHERE "
        f"{_counted(by, counting)} AND (? IS NULL OR s.form = ?)",
        [kind, form, form],
    )
    return sorted(r[0] for r in rows)


def years_listed(
    conn: sqlite3.Connection,
    kind: str = "priority",
    by: str = "target",
    counting: Counting = IN_SCOPE,
    form: str | None = None,
) -> str:
    """The years with statements (of `form`), for a message saying why nothing matched: the years
    that only off-topic articles state, and those that only other actors (a province, another
    country) state, are named apart, each with the option that counts them; with none at all,
    whether anything was ingested."""
    years = years_with(conn, kind, by, counting, form)
    every = years_with(conn, kind, by, Counting(True, None), form)
    every_in_scope = every if counting.out_of_scope else years_with(conn, kind, by, Counting(False, None), form)
    only_out = sorted(set(every) - set(every_in_scope))
    only_others = sorted(set(every_in_scope) - set(years))
    apart = [f"{_years(only_out)} only out of scope; --include-out-of-scope counts them"] if only_out else []
    if only_others:
        apart.append(f"{_years(only_others)} only {other_levels(counting.level)} statements; --level all counts them")
    listed = _years(years)
    if apart:
        return (
            f"{listed} ({'; '.join(apart)})"
            if years
            else f"none {'counted' if only_others else 'in scope'} ({'; '.join(apart)})"
        )
    if years:
        return listed
    if conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
        return "none"
    return "none yet (run `ngkt ingest`)"


def _years(years: list[int]) -> str:
    return ", ".join(map(str, years))


def _theme_corpus(conn: sqlite3.Connection, kind: str, by: str, counting: Counting = IN_SCOPE) -> Counter[str]:
    """How many counted statements of all years state each theme: the prior of the theme statistics."""
    rows = conn.execute(
        f"""SELECT t.theme, count(*) FROM statement_themes t JOIN statements s ON s.id = t.statement_id
            JOIN documents d ON d.id = s.document_id WHERE {_counted(by, counting)} GROUP BY t.theme""",
        [kind],
    )
    return Counter(dict(rows.fetchall()))


def theme_prior(conn: sqlite3.Connection, kind: str, by: str, counting: Counting = IN_SCOPE) -> Counter[str]:
    """`_theme_corpus`, kept in the database once worked out (table theme_priors, which triggers
    clear whenever a statement's themes, thread, year or scope may have changed: migration 21).

    Reading 90,000 theme rows of 10,000 articles costs a diff a fifth of its time. The count is
    stored in the same write transaction that worked it out, so no writer can change what it counts
    in between; when another process is writing, or the database cannot be written, it is worked
    out and not kept (never waited for: a read command does not queue behind an ingest)."""
    key = f"{kind} by {by}{counting.key}"
    stored = conn.execute("SELECT counts FROM theme_priors WHERE counting = ?", [key]).fetchone()
    if stored is not None:
        return Counter(json.loads(stored[0]))
    if conn.in_transaction or not _begin_now(conn):
        return _theme_corpus(conn, kind, by, counting)
    try:
        prior = _theme_corpus(conn, kind, by, counting)
        conn.execute(
            "INSERT INTO theme_priors (counting, counts) VALUES (?, ?)",
            [key, json.dumps(dict(sorted(prior.items())), ensure_ascii=False)],
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError:  # kept or not, the prior is right
        conn.execute("ROLLBACK")
    return prior


def _begin_now(conn: sqlite3.Connection) -> bool:
    """BEGIN IMMEDIATE if the write lock is free at once (the connection's busy timeout is set
    aside for it), else False: nothing started."""
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError:  # locked by a writer, or a read-only file
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def left_out(
    conn: sqlite3.Connection,
    years: tuple[int, ...],
    *,
    kind: str = "priority",
    by: str = "target",
    form: str | None = None,
) -> dict:
    """The articles a year view leaves out: {"out_of_scope": {year: n}, "undated": n} (the
    statements of other actors it leaves out are counted with the diff's own: `_diff_statements`).

    Out of scope: originals found off-topic whose items (of `form`, when given) would count for
    that year. Undated: originals in scope without a date whose items have no year either, so no
    year can hold them.
    """
    year = _year_column(by)
    marks = ", ".join("?" * len(years))
    # From the few documents out of scope or undated (indexes documents_scope, documents_date; the
    # duplicate_of index, which every original matches, kept out) to their statements, not from
    # every statement of the years to its document.
    counts = dict(
        conn.execute(
            f"""SELECT {year}, count(DISTINCT d.id) FROM documents d CROSS JOIN statements s ON d.id = s.document_id
            WHERE s.kind = ? AND d.duplicate_of IS NULL AND d.scope = 'out' AND {year} IN ({marks})
              AND (? IS NULL OR s.form = ?)
            GROUP BY {year}""",
            [kind, *years, form, form],
        ).fetchall()
    )
    undated = conn.execute(
        f"""SELECT count(DISTINCT d.id) FROM documents d CROSS JOIN statements s ON d.id = s.document_id
            WHERE s.kind = ? AND +d.duplicate_of IS NULL AND {SQL_IN_SCOPE}
              AND d.date IS NULL AND {year} IS NULL AND (? IS NULL OR s.form = ?)""",
        [kind, form, form],
    ).fetchone()[0]
    return {"out_of_scope": {y: counts.get(y, 0) for y in years}, "undated": undated}


def year_diff(
    conn: sqlite3.Connection,
    year_before: int,
    year_after: int,
    *,
    by: str = "target",
    kind: str = "priority",
    form: str | None = None,
    counting: Counting = IN_SCOPE,
    codebook: tuple[Theme, ...],
):
    """Load what the diff needs and compare the two years (see diff.compare_years)."""

    statements, others = _diff_statements(conn, kind, by, (year_before, year_after), counting, form)
    found = {s.year for s in statements}
    for year in (year_before, year_after):
        if year not in found:
            listed = years_listed(conn, kind, by, counting, form)
            stated = f"{kind} {FORM_NAMES[form]}" if form else f"{kind} statements"
            raise NotFound(f"no {stated} for {year} (by {by} year); years with some: {listed}")
    missing = left_out(conn, (year_before, year_after), kind=kind, by=by, form=form)
    if counting.out_of_scope:  # counted, not left out
        missing["out_of_scope"] = {year: 0 for year in missing["out_of_scope"]}
    missing["other_actors"] = {year: others[year] for year in (year_before, year_after)}
    return compare_years(
        [s for s in statements if s.year == year_before],
        [s for s in statements if s.year == year_after],
        year_before=year_before,
        year_after=year_after,
        by=by,
        kind=kind,
        labels=thread_labels(conn, statements),
        theme_labels={t.id: t.label for t in codebook},
        theme_corpus=theme_prior(conn, kind, by, counting),
        frequencies=frequencies(conn, words_needed(statements)),
        paragraphs=paragraph_count(conn),
        left_out=missing,
        form=form,
        level=counting.level,
    )


def timeline(
    conn: sqlite3.Connection,
    kind: str = "priority",
    by: str = "target",
    min_years: int = 1,
    counting: Counting = IN_SCOPE,
    form: str | None = None,
) -> tuple[list[int], list[dict]]:
    """Threads x years: each thread's best rank per year, strongest threads (most years) first."""
    statements, _ = _diff_statements(conn, kind, by, counting=counting, form=form)
    years = sorted({s.year for s in statements})
    labels = thread_labels(conn, statements)
    grid: dict[str, dict[int, int | None]] = {}
    counts: dict[str, int] = {}
    for s in statements:
        cell = grid.setdefault(s.thread_id, {})
        ranks = [r for r in (cell.get(s.year), s.rank) if r is not None]
        cell[s.year] = min(ranks) if ranks else None
        counts[s.thread_id] = counts.get(s.thread_id, 0) + 1
    rows: list[dict[str, Any]] = [
        {
            "thread_id": t,
            "label": labels.get(t, t),
            "years": {y: grid[t][y] for y in sorted(grid[t])},
            "statements": counts[t],
        }
        for t in grid
        if len(grid[t]) >= min_years
    ]
    rows.sort(key=lambda r: (-len(r["years"]), -r["statements"], min(r["years"]), r["thread_id"]))
    return years, rows
