"""The read side: plain dicts for the listing commands (docs, priorities, search, export).

Duplicates (a second outlet's copy) are listed by `docs` but never counted: every query over
statements keeps to documents whose `duplicate_of` is null unless asked otherwise.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from .errors import NotFound, UsageError
from .text import fold

DOCUMENT_FIELDS = ("id", "path", "title", "date", "date_source", "published", "statement_year", "byline", "duplicate_of")
LIST_FIELDS = ("id", "document_id", "kind", "announced_count", "item_count", "count_mismatch", "target_year", "speaker", "speaker_title", "cue", "marker", "truncated")
STATEMENT_FIELDS = ("id", "document_id", "list_id", "kind", "ordinal", "target_year", "speaker", "text", "paragraph", "char_start", "char_end")


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[dict]:
    return [dict(row) for row in conn.execute(sql, params)]


def documents(conn: sqlite3.Connection) -> list[dict]:
    """Every document with its list count and flags (undated, count mismatch, duplicate)."""
    rows = _rows(
        conn,
        f"""SELECT {", ".join("d." + f for f in DOCUMENT_FIELDS)},
                   (SELECT count(*) FROM lists l WHERE l.document_id = d.id) AS lists,
                   (SELECT count(*) FROM lists l WHERE l.document_id = d.id AND l.count_mismatch) AS mismatches
            FROM documents d ORDER BY d.date IS NULL, d.date, d.statement_year, d.id""",
    )
    for row in rows:
        flags = ["undated"] if row["date"] is None else []
        flags += ["count mismatch"] if row.pop("mismatches") else []
        flags += [f"duplicate of {row['duplicate_of']}"] if row["duplicate_of"] else []
        row["flags"] = ", ".join(flags)
    return rows


def statements(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    kind: str | None = "priority",
    speaker: str | None = None,
    numbered_only: bool = True,
) -> list[dict]:
    """Statements with their document, date, list and ordinal (originals only)."""
    where, params = ["duplicate_of IS NULL"], []
    if numbered_only:
        where.append("list_id IS NOT NULL")
    if year is not None:
        where.append("target_year = ?")
        params.append(year)
    if kind:
        where.append("kind = ?")
        params.append(kind)
    rows = _rows(
        conn,
        f"""SELECT id, kind, target_year, ordinal, speaker, text, list_id, announced_count, cue,
                   document_id, document_title, document_date, document_path
            FROM statements_with_source WHERE {" AND ".join(where)}
            ORDER BY target_year, document_date, id""",
        params,
    )
    if speaker:
        wanted = fold(speaker)
        rows = [row for row in rows if wanted in fold(row["speaker"] or "")]
    return rows


def export(conn: sqlite3.Connection) -> dict:
    """The whole dataset as the documented JSON shape."""
    docs = _rows(conn, f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM documents ORDER BY date IS NULL, date, id")
    lists = _rows(conn, f"SELECT {', '.join(LIST_FIELDS)} FROM lists ORDER BY document_id, position")
    for row in lists:
        row["count_mismatch"] = bool(row["count_mismatch"])
        row["truncated"] = bool(row["truncated"])
    stmts = _rows(conn, f"SELECT {', '.join(STATEMENT_FIELDS)}, thread_id FROM statements ORDER BY document_id, id")
    return {"documents": docs, "lists": lists, "statements": stmts, "threads": threads(conn)}


def threads(conn: sqlite3.Connection, year: int | None = None, min_years: int = 1, kind: str | None = None) -> list[dict]:
    """Threads with their label, kind, members (originals only) and the target years they appear in."""
    rows = _rows(
        conn,
        """SELECT t.id, coalesce(t.label, t.auto_label) AS label, t.label IS NOT NULL AS labelled, t.kind,
                  group_concat(s.id, ' ') AS statement_ids,
                  group_concat(DISTINCT s.target_year) AS years
           FROM threads t JOIN statements s ON s.thread_id = t.id JOIN documents d ON d.id = s.document_id
           WHERE d.duplicate_of IS NULL
           GROUP BY t.id ORDER BY t.id""",
    )
    result = []
    for row in rows:
        row["statement_ids"] = sorted(row["statement_ids"].split(" "))
        row["years"] = sorted(int(y) for y in (row["years"] or "").split(",") if y)
        row["labelled"] = bool(row["labelled"])
        if len(row["years"]) >= min_years and (year is None or year in row["years"]) and (kind is None or row["kind"] == kind):
            result.append(row)
    return result


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
    document = _rows(conn, "SELECT * FROM documents WHERE id = ?", [doc_id])[0]
    lists = _rows(conn, f"SELECT {', '.join(LIST_FIELDS)} FROM lists WHERE document_id = ? ORDER BY position", [doc_id])
    for row in lists:
        row["count_mismatch"] = bool(row["count_mismatch"])
        row["truncated"] = bool(row["truncated"])
        row["items"] = _rows(
            conn, f"SELECT {', '.join(STATEMENT_FIELDS)} FROM statements WHERE list_id = ? ORDER BY ordinal", [row["id"]]
        )
    removed = _rows(conn, "SELECT line_no, reason, text FROM removed_lines WHERE document_id = ? ORDER BY line_no", [doc_id])
    people = _rows(conn, "SELECT name, title FROM people WHERE document_id = ?", [doc_id])
    return {"document": document, "lists": lists, "removed": removed, "people": people}


def find_item(view: dict, wanted: str) -> dict:
    """An item of a document view by "N" (reading order), "2.3" or "L2.3" (list 2, item 3)."""
    items = [item for found in view["lists"] for item in found["items"]]
    label = wanted.upper().lstrip("L")
    if "." in label:
        position, _, ordinal = label.partition(".")
        matches = [i for i in items if i["list_id"].endswith(f"/L{position}") and str(i["ordinal"]) == ordinal]
    elif label.isdigit() and 1 <= int(label) <= len(items):
        matches = [items[int(label) - 1]]
    else:
        matches = []
    if not matches:
        raise NotFound(f"no item '{wanted}' in document {view['document']['id']} ({len(items)} items; use N or L<list>.<item>)")
    return matches[0]


def thread_view(conn: sqlite3.Connection, thread: str) -> dict:
    """A thread's members by year with their source, similarity to the thread and shared key terms."""
    from .link import ThreadIndex, load_idf, shared_terms, similarity_to_rest, thread_members

    row = conn.execute("SELECT id, kind, label, auto_label FROM threads WHERE id = ?", [thread]).fetchone()
    if row is None:
        raise NotFound(f"no thread '{thread}' (see `ngkt threads`)")
    members = thread_members(conn, thread)
    idf = load_idf(conn)
    scores = similarity_to_rest(members, ThreadIndex(idf))
    statements = _rows(
        conn,
        """SELECT id, target_year, ordinal, speaker, text, document_id, document_title, document_date, document_path, duplicate_of
            FROM statements_with_source WHERE thread_id = ? ORDER BY target_year, document_date, id""",
        [thread],
    )
    for statement in statements:
        statement["similarity"] = round(scores[statement["id"]], 3)
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


def theme_shares(conn: sqlite3.Connection, kind: str = "priority") -> list[dict]:
    """How often each theme is stated per target year, as a share of that year's statements.

    Shares, not counts, so that a year with more articles does not look more important.
    """
    from .themes import load_codebook

    totals = dict(conn.execute(
        """SELECT s.target_year, count(*) FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE s.kind = ? AND s.list_id IS NOT NULL AND d.duplicate_of IS NULL AND s.target_year IS NOT NULL
           GROUP BY s.target_year""",
        [kind],
    ).fetchall())
    counts = conn.execute(
        """SELECT t.theme, s.target_year, count(*) AS n FROM statement_themes t
           JOIN statements s ON s.id = t.statement_id JOIN documents d ON d.id = s.document_id
           WHERE s.kind = ? AND s.list_id IS NOT NULL AND d.duplicate_of IS NULL AND s.target_year IS NOT NULL
           GROUP BY t.theme, s.target_year""",
        [kind],
    ).fetchall()
    labels = {theme.id: theme.label for theme in load_codebook()}
    rows = [
        {"theme": r["theme"], "label": labels.get(r["theme"], r["theme"]), "year": r["target_year"],
         "count": r["n"], "statements": totals[r["target_year"]], "share": round(r["n"] / totals[r["target_year"]], 3)}
        for r in counts
    ]
    return sorted(rows, key=lambda r: (list(labels).index(r["theme"]) if r["theme"] in labels else 99, r["year"]))


def document_themes(conn: sqlite3.Connection) -> list[dict]:
    """Each original document's themes, coded on its whole body."""
    from .themes import code, load_codebook

    codebook = load_codebook()
    rows = _rows(conn, "SELECT id, date, title, body FROM documents WHERE duplicate_of IS NULL ORDER BY date IS NULL, date, id")
    return [{"id": r["id"], "date": r["date"], "title": r["title"], "themes": " ".join(code(r["body"], codebook))} for r in rows]


# ---------------------------------------------------------------------------------------------
# Diffs and timelines


# The statements a diff counts: numbered items of originals that have a thread and a year.
_COUNTED = "s.kind = ? AND s.list_id IS NOT NULL AND d.duplicate_of IS NULL AND s.thread_id IS NOT NULL AND {year} IS NOT NULL"


def _year_column(by: str) -> str:
    return "s.target_year" if by == "target" else "d.statement_year"


def _diff_statements(conn: sqlite3.Connection, kind: str, by: str, years: tuple[int, ...] | None = None) -> list:
    """Numbered statements of originals with their year (target or stated), rank, source and themes."""
    from .diff import DiffStatement

    year = _year_column(by)
    only = f" AND {year} IN ({', '.join('?' * len(years))})" if years else ""
    rows = conn.execute(
        f"""SELECT s.id, s.thread_id, {year} AS year, s.ordinal, s.text, s.speaker, d.id AS document_id,
                   d.title, d.date, d.path, (SELECT group_concat(theme, ' ') FROM statement_themes t WHERE t.statement_id = s.id) AS themes
            FROM statements s JOIN documents d ON d.id = s.document_id
            WHERE {_COUNTED.format(year=year)}{only}
            ORDER BY year, d.date, s.id""",
        [kind, *(years or ())],
    ).fetchall()
    return [
        DiffStatement(r["id"], r["thread_id"], r["year"], r["ordinal"], r["text"], r["speaker"], r["document_id"],
                      r["title"], r["date"], tuple((r["themes"] or "").split()), r["path"])
        for r in rows
    ]


def thread_labels(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT id, coalesce(label, auto_label, id) FROM threads").fetchall())


def years_with(conn: sqlite3.Connection, kind: str = "priority", by: str = "target") -> list[int]:
    year = _year_column(by)
    rows = conn.execute(
        f"SELECT DISTINCT {year} FROM statements s JOIN documents d ON d.id = s.document_id WHERE {_COUNTED.format(year=year)}",
        [kind],
    )
    return sorted(r[0] for r in rows)


def _theme_corpus(conn: sqlite3.Connection, kind: str, by: str) -> Counter[str]:
    """How many counted statements of all years state each theme: the prior of the theme statistics."""
    year = _year_column(by)
    rows = conn.execute(
        f"""SELECT t.theme, count(*) FROM statement_themes t JOIN statements s ON s.id = t.statement_id
            JOIN documents d ON d.id = s.document_id WHERE {_COUNTED.format(year=year)} GROUP BY t.theme""",
        [kind],
    )
    return Counter(dict(rows.fetchall()))


def year_diff(conn: sqlite3.Connection, year_before: int, year_after: int, *, by: str = "target", kind: str = "priority"):
    """Load what the diff needs and compare the two years (see diff.compare_years)."""
    from .diff import compare_years
    from .link import load_idf
    from .themes import load_codebook

    statements = _diff_statements(conn, kind, by, (year_before, year_after))
    found = {s.year for s in statements}
    for year in (year_before, year_after):
        if year not in found:
            listed = ", ".join(map(str, years_with(conn, kind, by))) or "none yet (run `ngkt ingest`)"
            raise NotFound(f"no {kind} statements for {year} (by {by} year); years with some: {listed}")
    return compare_years(
        [s for s in statements if s.year == year_before],
        [s for s in statements if s.year == year_after],
        year_before=year_before, year_after=year_after, by=by, kind=kind,
        labels=thread_labels(conn),
        theme_labels={t.id: t.label for t in load_codebook()},
        theme_corpus=_theme_corpus(conn, kind, by),
        idf=load_idf(conn),
    )


def timeline(conn: sqlite3.Connection, kind: str = "priority", by: str = "target", min_years: int = 1) -> tuple[list[int], list[dict]]:
    """Threads x years: each thread's best rank per year, strongest threads (most years) first."""
    statements = _diff_statements(conn, kind, by)
    years = sorted({s.year for s in statements})
    labels = thread_labels(conn)
    grid: dict[str, dict[int, int | None]] = {}
    counts: dict[str, int] = {}
    for s in statements:
        cell = grid.setdefault(s.thread_id, {})
        ranks = [r for r in (cell.get(s.year), s.rank) if r is not None]
        cell[s.year] = min(ranks) if ranks else None
        counts[s.thread_id] = counts.get(s.thread_id, 0) + 1
    rows = [
        {"thread_id": t, "label": labels.get(t, t), "years": {y: grid[t][y] for y in sorted(grid[t])}, "statements": counts[t]}
        for t in grid if len(grid[t]) >= min_years
    ]
    rows.sort(key=lambda r: (-len(r["years"]), -r["statements"], min(r["years"]), r["thread_id"]))
    return years, rows
