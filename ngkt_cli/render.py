"""Terminal and --format output shared by every command: the only place that knows about rich.

Rich tables and colour only when stdout is a terminal and NO_COLOR is unset; otherwise plain,
aligned text with no escape codes. JSON and CSV are for scripts and never styled.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path, PurePath
from typing import Any

from . import ids
from .actors import NATIONAL, other_levels
from .diff import FORM_NAMES, THIN_ARTICLES, THIN_STATEMENTS
from .models import READ_ANEW
from .text import PARAGRAPH_BREAK, paragraph_starts

# Every command with --format offers all of these (tests/test_output.py walks them): table for a
# person, json for a script, csv for a spreadsheet, markdown for a note, nl (one JSON object a line)
# for a stream of rows, as sqlite-utils' --nl.
FORMATS = ("table", "json", "csv", "markdown", "nl")


def document_name(title: str | None, path: str | None) -> str:
    """How a source is cited: its title, or for a text without one, its file name."""
    if title:
        return title
    return f"(untitled) {PurePath(path).name}" if path else "(untitled)"


def use_rich(stream: Any = None) -> bool:
    """Styled output only for a person at a terminal who has not asked for NO_COLOR."""
    stream = stream or sys.stdout
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    styled = use_rich(stream)
    return Console(  # no markup: an article's "[xem thêm]" or "[video]" is text, not a style
        file=stream,
        no_color=not styled,
        highlight=False,
        markup=False,
        soft_wrap=not styled,
        force_terminal=styled or None,
    )


class _Plain:
    """Console stand-in for pipes and NO_COLOR: prints the plain text of rich Text, no styling work."""

    def print(self, *objects: Any) -> None:
        print(*(getattr(o, "plain", o) for o in objects))


def printer():
    """A rich Console on a terminal, else the plain printer (much faster on long output)."""
    return console() if use_rich() else _Plain()


class _PlainText:
    """Stand-in for rich's Text where nothing is styled: importing rich costs a command 20 ms."""

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self.plain = text

    def append(self, text: Any, style: str | None = None) -> _PlainText:
        self.plain += getattr(text, "plain", text)
        return self

    def __bool__(self) -> bool:
        return bool(self.plain)


def text_type(styled: bool):
    """rich's Text on a terminal, else the plain stand-in."""
    if not styled:
        return _PlainText
    from rich.text import Text

    return Text


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    """A value as table or CSV text: nothing for null, true/false for booleans (as in JSON)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):  # statement ids, years: space-separated, as a shell reads them
        return " ".join(map(_cell, value))
    return "" if value is None else str(value)


# How many words of a thread's label a table shows; the label itself is stored and exported whole.
LABEL_WORDS = 12


def cut_label(label: str | None) -> str | None:
    """A long label shortened for a table row, "…" marking the cut."""
    words = (label or "").split()
    return label if len(words) <= LABEL_WORDS else " ".join(words[:LABEL_WORDS]).rstrip(",;:.") + "…"


def plain_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """Aligned columns separated by two spaces; the last column is never padded."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = []
    for values in [list(columns)] + cells:
        padded = [v.ljust(w) for v, w in zip(values[:-1], widths[:-1])] + [values[-1]]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def markdown_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    def escape(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(escape(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def csv_text(rows: Sequence[dict], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return buffer.getvalue()


@dataclass(frozen=True)
class View:
    """What a command prints, described once and printed in any format by `output`.

    `rows` are the records (json, nl and csv give them as they are); `columns` the fields a
    table, csv and markdown show; `cells` how a row reads for a person (table and markdown);
    `document` what json prints instead of the rows when there is more than rows (a document
    model); `table` and `markdown` a layout of their own for a person, where rows are not enough.
    `rows` and `document` may also be functions that build them, called only for a format that
    prints them (a diff's model costs more than its plain layout).
    """

    rows: Sequence[dict] | Callable[[], Sequence[dict]]
    columns: Sequence[str]
    cells: Callable[[dict], dict] | None = None
    document: Any = None
    table: Callable[[], None] | None = None
    markdown: Callable[[], str] | None = None
    title: str | None = None


def output(view: View, fmt: str) -> None:
    """The one output path: a View printed as table, json, csv, markdown or nl."""
    if fmt == "json":
        document = view.document() if callable(view.document) else view.document
        print(to_json(list(_rows_of(view)) if document is None else document))
    elif fmt == "nl":
        for row in _rows_of(view):
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        sys.stdout.write(csv_text(_rows_of(view), view.columns))
    elif fmt == "markdown":
        print(view.markdown() if view.markdown else markdown_table(_cells(view), view.columns))
    elif view.table:
        view.table()
    else:
        print_rows(_cells(view), view.columns, "table", view.title)


def _rows_of(view: View) -> Sequence[dict]:
    return view.rows() if callable(view.rows) else view.rows


def _cells(view: View) -> list[dict]:
    rows = _rows_of(view)
    return [view.cells(row) for row in rows] if view.cells else list(rows)


def columns_of(rows: Sequence[dict], default: Sequence[str]) -> list[str]:
    """Every field of the rows (for csv of the full records), or `default` when there are none."""
    return list(rows[0]) if rows else list(default)


def print_rows(rows: Sequence[dict], columns: Sequence[str], fmt: str = "table", title: str | None = None) -> None:
    """Print records as a rich table, plain text, JSON, CSV or Markdown."""
    if fmt == "json":
        print(to_json(list(rows)))
    elif fmt == "nl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        sys.stdout.write(csv_text(rows, columns))
    elif fmt == "markdown":
        print(markdown_table(rows, columns))
    elif use_rich():
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        console().print(table)
    else:
        if title:
            print(title)
        print(plain_table(rows, columns))


def message(text: str) -> None:
    """A line for the person, on stderr so that stdout stays data."""
    print(text, file=sys.stderr)


def error(text: str) -> None:
    print(f"ngkt: error: {text}", file=sys.stderr)


@contextmanager
def progress(total: int, label: str, enabled: bool = True) -> Iterator:
    """A progress bar on stderr for long work; a no-op when quiet, short or not at a terminal."""
    if not enabled or total < 20 or not use_rich(sys.stderr):
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


@contextmanager
def working(label: str) -> Iterator[None]:
    """A spinner on stderr for long work that cannot count its steps; nothing off a terminal."""
    if not use_rich(sys.stderr):
        yield
        return
    with console(stderr=True).status(label):
        yield


# ---------------------------------------------------------------------------------------------
# One document


def list_heading(found: dict) -> str:
    """ "L1 priority · 6 announced, 6 found · for 2024 · Bùi Thanh Sơn" (and a mismatch warning)."""
    counts = f"{found['item_count']} found"
    if found["announced_count"] is not None:
        counts = f"{found['announced_count']} announced, " + counts
    parts = [f"{ids.local_part(found['id'])} {found['kind']}", counts, f"for {found['target_year'] or '?'}"]
    parts.append(found["speaker"] or "speaker unknown")
    heading = " · ".join(parts)
    heading += "  [COUNT MISMATCH]" if found["count_mismatch"] else ""
    return heading + ("  [CUT OFF BY THE END OF THE TEXT]" if found.get("truncated") else "")


def _document_header(doc: dict) -> list[str]:
    date = f"{doc['date']} ({doc['date_source']})" if doc["date"] else "undated"
    lines = [
        document_name(doc["title"], doc["path"]),
        f"id {doc['id']} · {doc['path']}",
        f"date {date} · statement year {doc['statement_year'] or '?'}",
    ]
    if doc["published"]:
        lines[-1] += f" · published {doc['published']}"
    if doc["byline"]:
        lines.append(f"by {doc['byline']}")
    if doc["duplicate_of"]:
        lines.append(f"duplicate of {doc['duplicate_of']}: not counted")
    if doc.get("scope_reason"):
        lines.append(f"scope {doc['scope']} ({doc['scope_source']}): {doc['scope_reason']}")
    return lines


def _version_line(view: dict) -> list[str]:
    """Which version of a corrected article this is, and when its text last changed."""
    earlier = view.get("earlier_versions") or []
    if not earlier:
        return []
    return [
        f"version {view['document']['version']}: the text changed on {earlier[-1]['replaced_at'][:10]}"
        f" (`ngkt show {ids.item_id(view['document']['id'], 1, 1)}` says how a cited item changed)"
    ]


def _directive_marker(cue: str | None, before: str, after: str) -> str:
    """ " ◆ yêu cầu" after a directive's id where it starts in the article: its cue, unless the cue
    is the text on either side of the mark ("cần [D1 ◆] cần đổi mới" would say it twice)."""
    if not cue:
        return f" {DIRECTIVE_MARK}"
    folded = cue.casefold()
    beside = before.rstrip().casefold().endswith(folded) or after.casefold().startswith(folded)
    return f" {DIRECTIVE_MARK}" if beside else f" {DIRECTIVE_MARK} {cue}"


def show_document(view: dict, with_removed: bool = False) -> None:
    """The article with each list announced and each item labelled where it starts."""
    from rich.text import Text

    out = printer()
    doc = view["document"]
    header = _document_header(doc) + _version_line(view)
    out.print(Text(header[0], style="bold"))
    for line in header[1:]:
        out.print(Text(line, style="dim"))
    labels = {item["char_start"]: item for found in view["lists"] for item in found["items"]}
    labels.update({d["char_start"]: d for d in view.get("directives", [])})
    headings = {found["items"][0]["paragraph"] - 1: found for found in view["lists"] if found["items"]}
    paragraphs = doc["body"].split(PARAGRAPH_BREAK)
    for index, (paragraph, offset) in enumerate(zip(paragraphs, paragraph_starts(paragraphs))):
        out.print()
        if index in headings:
            out.print(Text("── " + list_heading(headings[index]), style="bold magenta"))
        text = Text()
        cursor = 0
        for start in sorted(p - offset for p in labels if offset <= p < offset + len(paragraph)):
            item = labels[start + offset]
            text.append(paragraph[cursor:start])
            label = ids.local_part(item["id"]) + (
                _directive_marker(item.get("cue"), paragraph[:start], paragraph[start:])
                if item.get("form") == "directive"
                else ""
            )
            text.append(f"[{label}] ", style="bold cyan")
            cursor = start
        text.append(paragraph[cursor:])
        out.print(text)
    if with_removed and view["removed"]:
        out.print()
        out.print(Text("Removed as boilerplate:", style="dim bold"))
        for line in view["removed"]:
            out.print(Text(f"  {line['line_no']:>4} {line['reason']:<13} {line['text']}", style="dim"))


def quote_item(view: dict, item: dict) -> None:
    """One item quoted in its paragraph, with where it stands and who said it."""
    from rich.text import Text

    doc = view["document"]
    out = printer()
    if item.get("form") == "directive":
        heading = (
            f"{ids.local_part(item['id'])} {DIRECTIVE_MARK} directive · {item['kind']}"
            f" · for {item['target_year'] or '?'} · {item['speaker'] or 'speaker unknown'}"
        )
        out.print(Text(heading, style="bold magenta"))
        out.print(Text(f"cue: {item['cue']}", style="dim"))
    else:
        found = next(f for f in view["lists"] if f["id"] == item["list_id"])
        out.print(Text(list_heading(found), style="bold magenta"))
        out.print(Text(f"cue: {found['cue']}", style="dim"))
    out.print(
        Text(
            f"{document_name(doc['title'], doc['path'])} · {doc['date'] or 'undated'} · {doc['id']} · paragraph "
            f"{item['paragraph']}, characters {item['char_start']}–{item['char_end']}",
            style="dim",
        )
    )
    paragraphs = doc["body"].split(PARAGRAPH_BREAK)
    index = item["paragraph"] - 1  # paragraphs are numbered from 1
    start_of = paragraph_starts(paragraphs)[index]
    end_paragraph = doc["body"].count(PARAGRAPH_BREAK, 0, item["char_end"])
    quoted = doc["body"][start_of : start_of + len(PARAGRAPH_BREAK.join(paragraphs[index : end_paragraph + 1]))]
    start, end = item["char_start"] - start_of, item["char_end"] - start_of
    text = Text(quoted[:start])
    styled = use_rich()
    text.append(("" if styled else "»") + quoted[start:end] + ("" if styled else "«"), style="bold underline")
    text.append(quoted[end:])
    out.print()
    out.print(text)


ITEM_COLUMNS = [
    "id",
    "list_id",
    "kind",
    "form",
    "ordinal",
    "target_year",
    "speaker",
    "paragraph",
    "char_start",
    "char_end",
    "text",
]


def item_rows(view: dict) -> list[dict]:
    """A document's items one to a row (`show --format csv`): list items, then directives."""
    return [item for found in view["lists"] for item in found["items"]] + list(view.get("directives", []))


def document_markdown(view: dict) -> str:
    """The article as Markdown: its header, each list announced by a heading, each item's label
    in bold where it starts."""
    doc = view["document"]
    header = _document_header(doc)
    lines = [f"# {header[0]}", "", *(f"*{line}*  " for line in header[1:]), ""]
    labels = {item["char_start"]: item for found in view["lists"] for item in found["items"]}
    labels.update({d["char_start"]: d for d in view.get("directives", [])})
    headings = {found["items"][0]["paragraph"] - 1: found for found in view["lists"] if found["items"]}
    paragraphs = doc["body"].split(PARAGRAPH_BREAK)
    for index, (paragraph, offset) in enumerate(zip(paragraphs, paragraph_starts(paragraphs))):
        if index in headings:
            lines += [f"### {list_heading(headings[index])}", ""]
        text, cursor = "", 0
        for start in sorted(p - offset for p in labels if offset <= p < offset + len(paragraph)):
            text += paragraph[cursor:start] + f"**[{ids.local_part(labels[start + offset]['id'])}]** "
            cursor = start
        lines += [text + paragraph[cursor:], ""]
    return "\n".join(lines)


def item_markdown(view: dict, item: dict) -> str:
    """One item as a Markdown quote with its list (or its cue, for a directive) and source."""
    doc = view["document"]
    found = next((f for f in view["lists"] if f["id"] == item["list_id"]), None)
    heading = (
        list_heading(found)
        if found
        else f"{ids.local_part(item['id'])} {DIRECTIVE_MARK} directive · cue: {item['cue']}"
    )
    name = document_name(doc["title"], doc["path"])
    source = f"{name}, {doc['date'] or 'undated'}, paragraph {item['paragraph']} [{item['id']}]"
    return f"**{heading}**\n\n> {one_line(item['text'])}\n\n*{source}*\n"


def citation_notes(cited) -> list[str]:
    """What corrections of the article did to a cited item (queries.Cited), one line each."""
    lines = []
    if cited.reused:
        first = cited.changes[0]
        since = (
            f"version {first['version']} of the article"
            if first["cause"] == "correction"
            else f"the re-extraction of {first['changed_at'][:10]}"
        )
        lines.append(f"{cited.cited} names the item above since {since}; before, it named another one:")
    for change in cited.changes:
        day = change["changed_at"][:10]
        when = (
            f"version {change['version']} of the article ({day})"
            if change["cause"] == "correction"
            else f"the re-extraction of {day}"
        )
        if change["change"] == "reworded":
            lines.append(f"{change['statement_id']} was reworded in {when}; it read: {change['text']}")
        elif change["change"] == "moved":
            lines.append(f"{change['statement_id']} moved in {when}: it is now {change['successor_id']}")
        else:
            lines.append(
                f"{change['statement_id']} was removed in {when}: the corrected article no longer states it; it read: "
                f"{change['text']}"
            )
    return lines


def print_citation_notes(view: dict, cited) -> None:
    """After the quote (or instead of it, for a removed item): how the cited item changed."""
    from rich.text import Text

    out = printer()
    doc = view["document"]
    if cited.item is None:
        out.print(
            Text(f"{document_name(doc['title'], doc['path'])} · {doc['date'] or 'undated'} · {doc['id']}", style="dim")
        )
    elif cited.changes:
        out.print()
    for line in citation_notes(cited):
        out.print(Text(line, style="italic"))


def print_hits(hits: Sequence) -> None:
    """Search results: where each hit is, then its snippet with the matched words highlighted."""
    from rich.text import Text

    out = printer()
    styled = use_rich()
    for hit in hits:
        where = hit.statement_id or hit.document_id
        out.print(Text(f"{where} · {document_name(hit.title, hit.path)} · {hit.date or 'undated'}", style="bold"))
        text, cursor = Text("  "), 0
        for start, end in hit.marks:
            if start < cursor:
                continue
            text.append(hit.snippet[cursor:start])
            word = hit.snippet[start:end]
            text.append(word if styled else f"[{word}]", style="reverse")
            cursor = end
        text.append(hit.snippet[cursor:])
        out.print(text)


def write_export(data: dict[str, list[dict]], folder, fmt: str) -> list:
    """An export into a folder: `export.json`, `export.jsonl` (nl), or one CSV file per table."""
    if fmt == "csv":
        return write_csv_tables(data, folder)
    target = Path(folder) / ("export.jsonl" if fmt == "nl" else "export.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(target.suffix + ".tmp")
    text = "".join(line + "\n" for line in export_lines(data)) if fmt == "nl" else to_json(data) + "\n"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    return [target]


def write_csv_tables(data: dict[str, list[dict]], folder) -> list:
    """One CSV file per table of an export, written atomically (temporary file, then rename)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in data.items():
        columns = list(rows[0]) if rows else []
        rows = [{**row, **{k: " ".join(map(str, v)) for k, v in row.items() if isinstance(v, list)}} for row in rows]
        target = folder / f"{table}.csv"
        temporary = target.with_suffix(".csv.tmp")
        temporary.write_text(csv_text(rows, columns), encoding="utf-8")
        temporary.replace(target)
        written.append(target)
    return written


SEARCH_COLUMNS = ["document_id", "statement_id", "title", "date", "path", "snippet"]
THREAD_COLUMNS = [
    "thread_id",
    "target_year",
    "form",
    "ordinal",
    "id",
    "text",
    "speaker",
    "document_title",
    "document_date",
    "document_path",
    "duplicate_of",
    "similarity",
    "linked_because",
]


def thread_view(view: dict) -> View:
    """A thread as its story (table), its view (json), or its members one to a row (csv, markdown, nl)."""
    members = [{"thread_id": view["id"], **statement} for statement in view["statements"]]
    return View(members, THREAD_COLUMNS, document=view, table=lambda: show_thread(view))


def show_thread(view: dict) -> None:
    """A thread's story: members by year with source and similarity, then the shared key terms."""
    from rich.text import Text

    out = printer()
    labelled = "" if view["labelled"] else " (automatic label)"
    out.print(Text(f"{view['id']} · {view['kind']} · {view['label']}{labelled}", style="bold"))
    out.print(
        Text(
            f"years: {' '.join(map(str, view['years'])) or '-'} · shared key terms: {', '.join(view['shared_terms'])}",
            style="dim",
        )
    )
    for statement in view["statements"]:
        duplicate = " (duplicate, not counted)" if statement["duplicate_of"] else ""
        out.print()
        name = document_name(statement["document_title"], statement["document_path"])
        source = f"{name} · {statement['document_date'] or 'undated'} · {statement['speaker'] or 'speaker unknown'}"
        form = f"  {DIRECTIVE_MARK} directive" if statement.get("form") == "directive" else ""
        out.print(
            Text(
                f"{statement['target_year'] or '?'}  {statement['id']}{form}  similarity "
                f"{statement['similarity']:.2f}{duplicate}",
                style="bold cyan",
            )
        )
        out.print(Text(f"      {source}", style="dim"))
        out.print(f"      {one_line(statement['text'])}")
        if statement.get("linked_because"):
            out.print(Text(f"      {statement['linked_because']}", style="dim"))


def pivot_shares(rows: Sequence[dict]) -> tuple[list[dict], list[str]]:
    """Theme rows x year columns of "count (share%)" cells, for the terminal."""
    years = sorted({r["year"] for r in rows})
    table: dict[str, dict] = {}
    for row in rows:
        cells = table.setdefault(row["theme"], {"theme": row["label"]})
        cells[str(row["year"])] = _share(row["count"], row["count"] / row["statements"])  # as the diff rounds it
    totals = {str(r["year"]): r["statements"] for r in rows}
    footer = {"theme": "statements", **{str(y): str(totals[str(y)]) for y in years}}
    return list(table.values()) + [footer], ["theme", *map(str, years)]


# ---------------------------------------------------------------------------------------------
# Diffs

ARROWS = {"up": "↑", "down": "↓", "same": "=", "": ""}


def diff_to_dict(diff) -> dict:
    """The YearDiff as JSON-ready data: sections as arrays with thread ids, statements, ranks, figures."""

    def keyness(k, name: str) -> dict:
        data = asdict(k)
        return {
            name: data.pop("item"),
            **data,
            "change": round(k.change, 4),
            "trend": k.trend,
            "significant": k.significant,
            "g2": round(k.g2, 4),
            "p_value": round(k.p_value, 4),
            "log_odds": round(k.log_odds, 4),
            "z": round(k.z, 4),
            "share_before": round(k.share_before, 4),
            "share_after": round(k.share_after, 4),
        }

    def change(c) -> dict:
        data = asdict(c)
        data["wording"] = [{"op": op, "text": text} for op, text in c.wording]
        return data

    return {
        "from": diff.year_before,
        "to": diff.year_after,
        "by": diff.by,
        "kind": diff.kind,
        "form": diff.form,
        "statements": {"from": diff.statements_before, "to": diff.statements_after},
        "documents": {"from": diff.documents_before, "to": diff.documents_after},
        "left_out": {
            "out_of_scope": {"from": diff.out_of_scope_before, "to": diff.out_of_scope_after},
            "undated": diff.undated,
            "other_actors": {"from": diff.other_actors_before, "to": diff.other_actors_after},
        },
        "level": diff.level,
        "thin_evidence": {"from": diff.thin_before, "to": diff.thin_after},
        "cautions": cautions(diff),
        "new": [change(c) for c in diff.new],
        "dropped": [change(c) for c in diff.dropped],
        "persisting": [change(c) for c in diff.persisting],
        "themes": [keyness(k, "theme") for k in diff.themes],
        "distinctive_words": {
            "from": [keyness(k, "word") for k in diff.distinctive_before],
            "to": [keyness(k, "word") for k in diff.distinctive_after],
        },
    }


DIFF_CSV_COLUMNS = [
    "section",
    "thread_id",
    "label",
    "rank_before",
    "rank_after",
    "movement",
    "year",
    "rank",
    "form",
    "text",
    "speaker",
    "document",
    "document_date",
    "document_path",
    "statement_id",
    "themes",
]


def diff_rows(diff) -> list[dict]:
    """The YearDiff flattened for a spreadsheet: one row per cited statement, each row naming its
    section and thread and the sentence's source (the themes and distinctive words are left to
    the json output, which keeps their statistics)."""
    rows = []
    for section in ("new", "dropped", "persisting"):
        for change in getattr(diff, section):
            for statement in change.before + change.after:
                rows.append(
                    {
                        "section": section,
                        "thread_id": change.thread_id,
                        "label": change.label,
                        "rank_before": change.rank_before,
                        "rank_after": change.rank_after,
                        "movement": change.movement,
                        "year": statement.year,
                        "rank": statement.rank,
                        "form": statement.form,
                        "text": statement.text,
                        "speaker": statement.speaker,
                        "document": document_name(statement.document_title, statement.document_path),
                        "document_date": statement.document_date,
                        "document_path": statement.document_path,
                        "statement_id": statement.id,
                        "themes": list(statement.themes),  # an array; in CSV, space-separated
                    }
                )
    return rows


# How a directive shows where a list item shows its rank: it was stated without a number.
DIRECTIVE_MARK = "◆"
# A thread stated in a year without a rank (only as directives), in a diff's ranks and the timeline.
UNRANKED_MARK = "●"


def timeline_mark(ranks: dict, year: int) -> str:
    """A timeline's cell: the thread's best rank that year ("#1"), UNRANKED_MARK when it was stated
    without one, "·" when it was not stated (`ranks`: year -> rank or None, for the years stated)."""
    if year not in ranks:
        return "·"
    return f"#{ranks[year]}" if ranks[year] else UNRANKED_MARK


def rank_label(form: str | None, ordinal: int | None) -> str:
    """ "3" for the third item of a list, "◆" for a directive."""
    return DIRECTIVE_MARK if form == "directive" else "" if ordinal is None else str(ordinal)


def statement_rank(s) -> str:
    """ "#3" for a diff statement that was a list's third item, "◆" for a directive."""
    return DIRECTIVE_MARK if s.form == "directive" else f"#{s.rank or '-'}"


def one_line(text: str) -> str:
    """An item over several paragraphs on one line, its paragraph breaks shown as "¶"."""
    return text.replace("\n\n", " ¶ ")


def print_lines(out, lines: Sequence[tuple[str, str | None]], styled: bool) -> None:
    """(text, style) lines: written at once when plain (a print a line costs a diff of 30,000 lines
    a tenth of its time), each through rich on a terminal."""
    if not styled:
        sys.stdout.write("".join(f"{text}\n" for text, _ in lines))
        return
    Text = text_type(styled)
    for text, style in lines:
        out.print(Text(text, style=style) if style else text)


def _wording_text(wording, styled: bool):
    text = text_type(styled)()
    for op, words in wording:
        if text:
            text.append(" ")
        if op == "=":
            text.append(words)
        elif op == "-":
            text.append(words if styled else f"[-{words}-]", style="red strike")
        else:
            text.append(words if styled else f"{{+{words}+}}", style="green")
    return text


def _share(count: int, share: float) -> str:
    return f"{count} ({share:.0%})"


def theme_rows(diff) -> list[dict]:
    return [
        {
            "theme": k.label,
            str(diff.year_before): _share(k.count_before, k.share_before),
            str(diff.year_after): _share(k.count_after, k.share_after),
            "change": f"{k.change * 100:+.0f} pp",
            "G2": f"{k.g2:.2f}",
            "p": f"{k.p_value:.2f}{'*' if k.significant else ''}",
            "log-odds z": f"{k.z:+.2f}",
            "trend": k.trend,
        }
        for k in diff.themes
    ]


def _distinctive(terms) -> str:
    return ", ".join(f"{k.label} ({k.z:+.2f})" for k in terms) or "none"


def diff_model(diff) -> dict:
    """The YearDiff as every layout of it reads it (the terminal's, Markdown's, the HTML report's
    template): its sections, each change with its statements and sources, the theme table and
    the distinctive words, worded once. A layout only places and marks these up."""
    a, b = diff.year_before, diff.year_after

    def statement(year: int, s) -> dict:
        name = document_name(s.document_title, s.document_path)
        source = f"{name}, {s.document_date or 'undated'}, {s.speaker or 'speaker unknown'}"
        source += f" ({s.actor_level})" if s.actor_level != NATIONAL else ""
        return {
            "year": year,
            "rank": statement_rank(s),
            "text": one_line(s.text),
            "source": source,
            "id": s.id,
            "path": s.document_path,  # a fetched page's URL, or the file's path: where to read it
        }

    def change(c) -> dict:
        persisting = c.status == "persisting"
        return {
            "thread_id": c.thread_id,
            "label": c.label,
            "ranks": (
                f"rank {c.rank_before or UNRANKED_MARK} → {c.rank_after or UNRANKED_MARK} {ARROWS[c.movement]}".rstrip()
                if persisting
                else ""
            ),
            "movement": c.movement,
            "statements": [statement(a, s) for s in c.before] + [statement(b, s) for s in c.after],
            "wording": list(c.wording),
        }

    sections = ((f"New in {b}", "new", diff.new), (f"Dropped since {a}", "dropped", diff.dropped))
    return {
        "title": f"{diff.kind.capitalize()} {FORM_NAMES[diff.form] if diff.form else 'statements'} {a} → {b}"
        + (f" ({diff.level} actors)" if diff.level not in (None, NATIONAL) else ""),
        "kind": diff.kind,
        "year_before": a,
        "year_after": b,
        "by": diff.by,
        "coverage": coverage(diff),
        "cautions": cautions(diff),
        "sections": [
            {"title": title, "status": status, "changes": [change(c) for c in changes]}
            for title, status, changes in (*sections, ("Persisting", "persisting", diff.persisting))
        ],
        "theme_columns": ["theme", str(a), str(b), "change", "G2", "p", "log-odds z", "trend"],
        "theme_rows": theme_rows(diff),
        "distinctive": [(a, _distinctive(diff.distinctive_before)), (b, _distinctive(diff.distinctive_after))],
    }


def show_diff(diff) -> None:
    """The diff for a person (`diff_model`): rich on a terminal, plain text (no escape codes) otherwise."""
    model = diff_model(diff)
    out = printer()
    styled = use_rich()
    Text = text_type(styled)
    out.print(Text(f"{model['title']} (by {model['by']} year): {model['coverage']}", style="bold"))
    for caution in model["cautions"]:
        out.print(Text(f"! {caution}", style="yellow"))
    for section in model["sections"]:
        out.print()
        out.print(Text(f"{section['title']} ({len(section['changes'])})", style="bold underline"))
        if not section["changes"]:
            out.print("  none")
        for change in section["changes"]:
            ranks = f"  {change['ranks']}".rstrip()
            out.print(Text(f"  {change['thread_id']}  {cut_label(change['label'])}{ranks}", style="bold cyan"))
            cited = (
                line
                for s in change["statements"]
                for line in (
                    (f"    {s['year']} {s['rank']}: {s['text']}", None),
                    (f"          {s['source']} [{s['id']}]", "dim"),
                )
            )
            print_lines(out, list(cited), styled)
            if change["wording"]:
                out.print(Text("    wording: ").append(_wording_text(change["wording"], styled)))
    out.print()
    out.print(Text("Themes (share of each year's statements; * p < 0.05)", style="bold underline"))
    print_rows(model["theme_rows"], model["theme_columns"])
    out.print()
    out.print(Text("Distinctive words (log-odds z)", style="bold underline"))
    for year, words in model["distinctive"]:
        out.print(f"  {year}: {words}")


def _markdown_wording(wording) -> str:
    parts = []
    for op, words in wording:
        parts.append(words if op == "=" else f"~~{words}~~" if op == "-" else f"**{words}**")
    return " ".join(parts)


def _articles(count: int) -> str:
    return f"{count} article" + ("" if count == 1 else "s")


def coverage(diff) -> str:
    """ "4 in 2023 (1 article), 15 in 2024 (3 articles)": how much each year of a diff rests on,
    and what it leaves out ("; left out: 1 off-topic article of 2023, 2 undated articles")."""
    text = (
        f"{diff.statements_before} in {diff.year_before} ({_articles(diff.documents_before)}), "
        f"{diff.statements_after} in {diff.year_after} ({_articles(diff.documents_after)})"
    )
    left = [
        f"{_articles(n).replace('article', 'off-topic article')} of {year}"
        for n, year in ((diff.out_of_scope_before, diff.year_before), (diff.out_of_scope_after, diff.year_after))
        if n
    ]
    left += [_articles(diff.undated).replace("article", "undated article")] if diff.undated else []
    left += [
        f"{n} {other_levels(diff.level)} statement{'' if n == 1 else 's'} of {year} (--level all counts them)"
        for n, year in ((diff.other_actors_before, diff.year_before), (diff.other_actors_after, diff.year_after))
        if n
    ]
    return text + (f"; left out: {', '.join(left)}" if left else "")


def _thresholds_missed(documents: int, statements: int) -> str:
    """ "3 articles", "5 statements" or both: what a thin year has fewer of."""
    missed = [f"{THIN_ARTICLES} articles"] if documents < THIN_ARTICLES else []
    missed += [f"{THIN_STATEMENTS} statements"] if statements < THIN_STATEMENTS else []
    return " and ".join(missed)


def cautions(diff) -> list[str]:
    """A warning for each year of a diff that rests on thin evidence (diff.THIN_ARTICLES, THIN_STATEMENTS)."""
    return [
        f"Thin evidence for {year}: {_articles(documents)}, {statements} statement{'' if statements == 1 else 's'} "
        f"(fewer than {_thresholds_missed(documents, statements)}); read New and Dropped with care."
        for year, documents, statements, thin in (
            (diff.year_before, diff.documents_before, diff.statements_before, diff.thin_before),
            (diff.year_after, diff.documents_after, diff.statements_after, diff.thin_after),
        )
        if thin
    ]


def diff_markdown(diff) -> str:
    """The diff as Markdown (`diff_model`): headings per section, a line per statement with its source."""
    model = diff_model(diff)
    a, b = model["year_before"], model["year_after"]
    lines = [f"# {model['title']}", "", f"By {model['by']} year: {model['coverage']}.", ""]
    lines += [line for caution in model["cautions"] for line in (f"> **{caution}**", "")]
    for section in model["sections"]:
        lines += [f"## {section['title']} ({len(section['changes'])})", ""]
        if not section["changes"]:
            lines += ["None.", ""]
        for change in section["changes"]:
            ranks = f" — {change['ranks']}" if change["ranks"] else ""
            lines += [f"### {change['thread_id']}: {cut_label(change['label'])}{ranks}", ""]
            for s in change["statements"]:
                lines.append(f"- {s['year']} {s['rank']}: {s['text']} — *{s['source']} [{s['id']}]*")
            if change["wording"]:
                lines += [f"- wording: {_markdown_wording(change['wording'])}"]
            lines.append("")
    if model["theme_rows"]:
        lines += ["## Themes", "", "Share of each year's statements; * marks p < 0.05.", ""]
        lines += [markdown_table(model["theme_rows"], model["theme_columns"]), ""]
    else:
        lines += ["## Themes", "", f"No theme coded in {a} or {b}.", ""]
    lines += ["## Distinctive words", "", *(f"- {year}: {words}" for year, words in model["distinctive"]), ""]
    return "\n".join(lines)


def timeline_view(years: list[int], rows: list[dict]) -> View:
    """Threads x years: the best rank in each year ("#1"), "·" where the thread is absent."""
    table = [
        {
            "thread": r["thread_id"],
            **{str(y): timeline_mark(r["years"], y) for y in years},
            "label": r["label"],
        }
        for r in rows
    ]
    columns = ["thread", *map(str, years), "label"]
    return View(
        table,
        columns,
        document={"years": years, "threads": rows},
        table=lambda: print_rows([{**r, "label": cut_label(r["label"])} for r in table], columns),
    )


def diff_view(diff) -> View:
    """The one place a YearDiff becomes output: its data as json, one row per cited statement
    (csv, nl), and `diff_model` laid out for the terminal and for Markdown (report.py writes the
    same Markdown, and the HTML page from the same model through its template)."""
    return View(
        lambda: diff_rows(diff),
        DIFF_CSV_COLUMNS,
        document=lambda: diff_to_dict(diff),
        table=lambda: show_diff(diff),
        markdown=lambda: diff_markdown(diff),
    )


# ---------------------------------------------------------------------------------------------
# Each command's rows as a View (cli.py prints them with `output`)

OUTCOME_COLUMNS = ["path", "status", "document_id", "reason", "duplicate_of"]
FETCH_COLUMNS = ["url", "source", "status", "reason", "document_id"]


def outcomes_view(outcomes: Sequence, columns: Sequence[str], summary: Callable[[], None]) -> View:
    """One record per input (ingest, fetch); for a person, the summary on stderr instead."""
    return View([dict(vars(o)) for o in outcomes], columns, table=summary)


def ingest_summary(outcomes: Sequence, db: str) -> str:
    """ "ingested 5 input(s) into db/ngkt.db: 5 new, 0 updated, ..." for the person at the terminal."""
    counts = Counter(outcome.status for outcome in outcomes)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("new", "updated", "unchanged", "duplicate", "rejected"))
    if reread := sum(o.status == "updated" and (o.reason or "").startswith(READ_ANEW) for o in outcomes):
        summary += f" ({reread} of the updated read anew by this version: --format json says what changed)"
    if counts["skipped"]:
        summary += f"; skipped {counts['skipped']} other file(s) in the folders (--format json lists them)"
    return f"ingested {len(outcomes) - counts['skipped']} input(s) into {db}: {summary}"


def documents_view(rows: list[dict], suspect: bool) -> View:
    columns = ["id", "date", "statement_year", "lists", "directives", "scope", "flags", "title"]
    if suspect:
        columns = ["id", "date", "date_source", "statement_year", "doubts", "title"]
    # for reading, a text without a title goes by its file name
    return View(rows, columns, cells=lambda row: {**row, "title": document_name(row["title"], row["path"])})


PRIORITY_COLUMNS = ["id", "target_year", "ordinal", "speaker", "document_date", "text"]


def statements_view(rows: list[dict]) -> View:
    """Stated items: every field for scripts, the reading columns (directives ranked ◆) for a person."""
    return View(
        rows,
        columns_of(rows, PRIORITY_COLUMNS),
        table=lambda: print_rows(_ranked(rows), PRIORITY_COLUMNS),
        markdown=lambda: markdown_table(_ranked(rows), PRIORITY_COLUMNS),
    )


def _ranked(rows: list[dict]) -> list[dict]:
    return [{**row, "ordinal": rank_label(row["form"], row["ordinal"])} for row in rows]


def document_view(view: dict, with_removed: bool = False) -> View:
    """One article: its model (json), its items one to a row (csv, nl), the article marked up."""
    return View(
        item_rows(view),
        ITEM_COLUMNS,
        document=view,
        table=lambda: show_document(view, with_removed=with_removed),
        markdown=lambda: document_markdown(view),
    )


def cited_view(view: dict, cited) -> View:
    """One cited item as it reads now, with what corrections did to it."""
    item = cited.item
    record = {**(item or {"id": cited.cited, "removed": True}), "history": cited.changes}

    def table() -> None:
        if item is not None:
            quote_item(view, item)
        print_citation_notes(view, cited)

    def markdown() -> str:
        quoted = item_markdown(view, item) if item is not None else ""
        return quoted + "".join(f"\n*{line}*\n" for line in citation_notes(cited))

    return View([record], ITEM_COLUMNS, document=record, table=table, markdown=markdown)


def hits_view(hits: Sequence) -> View:
    return View([dict(hit.__dict__) for hit in hits], SEARCH_COLUMNS, table=lambda: print_hits(hits))


def facts_view(facts: dict) -> View:
    """`ngkt info`: one record (json, csv, nl), one field a line for a person."""
    lines = [{"field": k, "value": v} for k, v in facts.items()]
    return View(
        [facts],
        list(facts),
        document=facts,
        table=lambda: print_rows(lines, ["field", "value"]),
        markdown=lambda: markdown_table(lines, ["field", "value"]),
    )


def threads_view(rows: list[dict]) -> View:
    rows = [{**row, "statements": len(row["statement_ids"])} for row in rows]
    columns = ["id", "years", "statements", "label"]
    return View(rows, columns, table=lambda: print_rows([{**r, "label": cut_label(r["label"])} for r in rows], columns))


HISTORY_COLUMNS = ["created_at", "action", "statement_id", "note"]
SHARE_COLUMNS = ["theme", "label", "year", "count", "statements", "share"]
DOCUMENT_THEME_COLUMNS = ["id", "date", "themes", "title"]


NO_THEME_CODED = "No statement is coded with a theme of this codebook."


def shares_view(rows: list[dict]) -> View:
    """Theme shares: one row per theme and year for scripts, themes x years for a person (a
    sentence when no statement has a theme, not an empty table)."""
    return View(
        rows,
        SHARE_COLUMNS,
        table=lambda: print_rows(*pivot_shares(rows)) if rows else print(NO_THEME_CODED),
        markdown=lambda: markdown_table(*pivot_shares(rows)) if rows else NO_THEME_CODED,
    )


def print_export(data: dict[str, list[dict]], fmt: str) -> None:
    """An export on stdout: one JSON document, or one record a line (nl)."""
    print("\n".join(export_lines(data)) if fmt == "nl" else to_json(data))


def export_lines(data: dict[str, list[dict]]) -> Iterator[str]:
    """An export as newline-delimited JSON: one record a line, naming its table."""
    for table, rows in data.items():
        for row in rows:
            yield json.dumps({"table": table, "row": row}, ensure_ascii=False)
