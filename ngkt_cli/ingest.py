"""Stage 1: files -> clean, dated, de-duplicated documents in the database.

Each file is read, decoded, stripped of boilerplate, dated and extracted on its own, then written
in one transaction; a bad file is reported and skipped, never costing what is already stored.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
import signal
import sqlite3
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import db, regex_cache
from .actors import actor_levels as document_actor_levels
from .boilerplate import clean_lines, is_site_title
from .dates import date_document, find_event_date
from .decode import decode_bytes
from .errors import NotFound, Refused, RejectedInput
from .extract import extract
from .link import WrittenStatements, add_term_counts, link_pending, paragraph_terms, refresh_labels
from .metadata import find_people
from .models import READ_ANEW, DirectiveWording, Document, Extraction, ListWording, Wordings
from .reading import read_by, reading_version, record_reading
from .scope import SOURCE_USER
from .scope import decide as decide_scope
from .sketches import SKETCH_SCHEME, UnpackedSketch, containment, may_reach, sketch
from .text import fold, joined_key, keep_folded_body, keep_plain, key, paragraph_keys, same_item, same_items
from .themes import Codebook, code_positions, load_codebook

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
# Documents an analyst is often sent, and how to make them an article ngkt reads.
CONVERT_FIRST = {
    ".pdf": "convert it to text first: pdftotext -layout FILE",
    ".docx": "save it as text first, or: pandoc FILE -t plain -o FILE.txt",
    ".odt": "save it as text first, or: pandoc FILE -t plain -o FILE.txt",
    ".doc": "save it as text first",
    ".rtf": "save it as text first",
}

DEFAULT_MAX_BYTES = 5_000_000

# A second outlet's copy shares most of its word 4-grams with the original (the smaller side's
# share): 0.8 keeps rewritten reports of the same event apart while catching lightly edited copies.
DUPLICATE_CONTAINMENT = 0.8

# "<!doctype html", "<html", "<head", "<body": the file is HTML whatever its name.
HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: new, updated, unchanged, duplicate or rejected (with reason)."""

    path: str
    status: str
    document_id: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None
    # stored reports this one is counted in place of from now on (copies of it ingested before it)
    adopted: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Bytes -> Document (pure)


# How trafilatura's htmldate may look for a page's date: in what the page states, never guessed.
HTML_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _html_parts(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(article text, title, date, author) of an HTML page via trafilatura."""
    import trafilatura

    # favor_recall: the precise mode drops a <ul> of priorities that sits outside <article>;
    # what recall lets through is boilerplate the line cleaner removes anyway. Dates only from
    # what the page states (meta tags, <time>, markup): htmldate's extensive search would make
    # one up from a year in the title ("... năm 2023" -> 2023-01-01).
    extracted: Any = trafilatura.bare_extraction(  # a trafilatura Document (as_dict=False)
        _layout_tables_as_blocks(text),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params=HTML_DATE_SEARCH,
    )
    if extracted is None or not (extracted.text or "").strip():
        raise RejectedInput("no article text found in the HTML")
    article = extracted.text
    lede = html_lede(text)
    if lede and fold(" ".join(lede.split())) not in fold(" ".join(article.split())):
        article = f"{lede}\n{article}"
    title = None if _is_site_name(extracted.title, extracted.sitename) else extracted.title
    return article, title, extracted.date, extracted.author


# An older site lays its page out in a <table>: the article is one cell, its paragraphs parted by
# <br> ("...<br><br>1. Tận dụng ...<br><br>2. Phối hợp ..."). Read as a table, the cell would be one
# line ("| ... 1. Tận dụng ... 2. Phối hợp ... |") and its list one run-on sentence; read as blocks,
# each <br> ends a line. A data table's cells are short, and stay a table.
LAYOUT_CELL_CHARS = 400
LAYOUT_CELL_BREAKS = 2
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _layout_tables_as_blocks(html: str) -> str:
    """`html` with each table that holds an article's text in a cell of <br>-parted lines turned
    into plain blocks (<div>), so that its lines stay lines; any other page unchanged."""
    lowered = html.lower()
    if "<td" not in lowered or "<br" not in lowered:
        return html
    import lxml.html  # comes with trafilatura; imported here so that `ngkt --help` stays quick
    from lxml import etree

    try:
        page = lxml.html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return html
    layout = {
        table
        for cell in page.iter("td", "th")
        if len(cell.findall(".//br")) >= LAYOUT_CELL_BREAKS and len(cell.text_content()) >= LAYOUT_CELL_CHARS
        for table in cell.iterancestors("table")
    }
    if not layout:
        return html
    parts = [
        part
        for table in layout
        for part in table.iter(*TABLE_PARTS)
        if part is table or next(part.iterancestors("table"), None) is table
    ]
    for part in parts:
        part.tag = "div"
    return lxml.html.tostring(page, encoding="unicode")


# A page title that is only the site's address: "VOV.VN", "baoquocte.vn".
SITE_ADDRESS = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def _is_site_name(title: str | None, site_name: str | None) -> bool:
    """A page whose <title> names only the site has no headline there (the text may hold one)."""
    if not title:
        return False
    return (
        bool(SITE_ADDRESS.match(title.strip()))
        or bool(site_name and fold(title.strip()) == fold(site_name.strip()))
        or is_site_title(title.strip())  # "Báo Quốc tế - Cơ quan của Bộ Ngoại giao", "Báo Quốc tế"
    )


# Class names Vietnamese news pages give the lede (the "sapo"): "sapo", "article__sapo",
# "detail-sapo", "summary", "description", "lead", "chapeau".
LEDE_CLASS_PARTS = {"sapo", "lead", "lede", "summary", "description", "desc", "chapeau", "excerpt"}
# "lead-image", "summary-thumb": a picture's box, not the lede.
NOT_LEDE_CLASS_PARTS = {"image", "img", "photo", "thumb", "thumbnail", "video", "figure", "caption"}
# A lede inside these is another article's teaser (related news, menus, footers).
NOT_LEDE_INSIDE = {"li", "aside", "nav", "footer", "a", "figure"}
# A lede is a sentence or three; a longer "summary" box may wrap the article itself, which must
# not be read twice.
LEDE_MIN_CHARS, LEDE_MAX_CHARS = 40, 800


def html_lede(html: str) -> str | None:
    """The page's lede, which trafilatura drops as boilerplate on many news sites although it
    holds the event's date and the speaker's full name ("(Chinhphu.vn) - Sáng 21/12, Thủ tướng
    Phạm Minh Chính ...")."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in root.iter("*"):
        parts = set(re.split(r"[\s_-]+", str(element.get("class") or "").lower()))
        if LEDE_CLASS_PARTS.isdisjoint(parts) or not NOT_LEDE_CLASS_PARTS.isdisjoint(parts):
            continue
        if element.tag in NOT_LEDE_INSIDE or any(a.tag in NOT_LEDE_INSIDE for a in element.iterancestors()):
            continue
        lede = " ".join(element.text_content().split())
        if LEDE_MIN_CHARS <= len(lede) <= LEDE_MAX_CHARS:
            return lede
    return None


# Markdown that is not article text: images, link targets, emphasis marks.
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])")


def _markdown_to_text(text: str) -> str:
    """Drop heading hashes, images, link targets and emphasis marks ("*Thứ Hai, 22/12/2025*" must
    read as the page stamp it is); list markers ("1.", "-", "* ") stay for the extractor."""
    text = re.sub(r"(?m)^#{1,6}\s+", "", text)
    text = MD_LINK.sub(r"\1", MD_IMAGE.sub("", text))
    text = MD_STRONG.sub(r"\2", text)
    return MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)


def document_id(body: str, body_key: str | None = None) -> str:
    """Which version: the hash of the normalised body, so re-ingesting the same text is a no-op
    (and the id a source seen for the first time gets, `db.new_document_id`)."""
    return hashlib.sha256((body_key or key(body)).encode()).hexdigest()[:12]


def build_document(data: bytes, path: str, user_date: str | None = None) -> Document:
    """Decode, clean and date one article. Raises RejectedInput with the reason."""
    return _build_document(data, path, user_date)[0]


def _build_document(data: bytes, path: str, user_date: str | None = None) -> tuple[Document, str]:
    """`build_document`, and the body folded (the cleaning folded its lines already)."""
    text, encoding = decode_bytes(data)
    suffix = Path(path).suffix.lower()
    source_format = SUPPORTED_SUFFIXES.get(suffix, "text")
    html_title = html_date = html_author = None
    if source_format == "html" or HTML_START.match(text):
        source_format = "html"
        text, html_title, html_date, html_author = _html_parts(text)
    elif source_format == "markdown":
        text = _markdown_to_text(text)
    clean = clean_lines(text, html_title)
    if not clean.paragraphs:
        raise RejectedInput("no article text left after removing boilerplate")
    body = "\n\n".join(clean.paragraphs)
    # folding maps each character on its own (a line break to itself): the folded lines joined
    # are the joined paragraphs folded, which the dates and the inline lists read
    body_folded, folded_lines = "\n\n".join(clean.folded_paragraphs), "\n".join(clean.folded_paragraphs)
    keep_folded_body(body, body_folded)
    if clean.plain:
        keep_plain(body)  # its keys, then its paragraph terms, read it by ranges of characters
    dated = date_document(
        clean.paragraphs, clean.stamps, html_date, user_date, clean.title, clean.header_stamps, folded_lines
    )
    keys = paragraph_keys(clean.paragraphs)  # the body's key, and the scope's lede and rest
    body_key = joined_key(keys)
    shingle_count, body_sketch = sketch(body, body_key)
    scope = decide_scope(clean.title, clean.paragraphs, keys=keys)
    version = document_id(body, body_key)
    document = Document(
        id=version,
        content_sha=version,
        path=path,
        title=clean.title,
        body=body,
        date=dated.date,
        date_source=dated.date_source,
        published=dated.published,
        statement_year=dated.statement_year,
        byline=clean.byline or html_author,
        people=tuple(find_people(body)),
        removed=tuple(clean.removed),
        encoding=encoding,
        source_format=source_format,
        source_sha=hashlib.sha256(data).hexdigest(),
        sketch=body_sketch,
        shingle_count=shingle_count,
        scope=scope.scope,
        scope_reason=scope.reason,
    )
    return document, body_folded


# ---------------------------------------------------------------------------------------------
# Reports of the same speech


def wordings_of(extraction: Extraction, keys: dict[str, str]) -> Wordings:
    """The lists and directives of an extraction as `Wordings` (`keys`: item text -> key)."""
    return Wordings(
        tuple(
            (found.speaker, tuple(keys.get(item.text) or key(item.text) for item in found.items))
            for found in extraction.lists
        ),
        tuple((found.speaker, keys.get(found.text) or key(found.text)) for found in extraction.directives),
    )


def _other_speakers(mine: str | None, theirs: str | None) -> bool:
    """Two statements both of whose speakers are named, and differ: no restatement of each other."""
    return bool(mine and theirs and mine != theirs)


# An outlet that reports some of a speech's numbered tasks ("Bốn là" for the fifth) numbers at
# least this many of them.
EXCERPT_MIN_ITEMS = 3


def _excerpt_of(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """True when the shorter list `mine` restates some of `theirs`' items, each one (`same_item`),
    in their order: an outlet that left out some of the speech's tasks."""
    if not EXCERPT_MIN_ITEMS <= len(mine) < len(theirs):
        return False
    rest = iter(theirs)  # each item of mine is looked for after the last one found
    return all(any(same_item(item, their_item) for their_item in rest) for item in mine)


def _restates(mine: ListWording, theirs: ListWording) -> bool:
    """Two outlets rewrite the story but quote the speaker's list (`same_items`), or some of its
    items (`_excerpt_of`)."""
    (my_speaker, my_items), (their_speaker, their_items) = mine, theirs
    if _other_speakers(my_speaker, their_speaker):
        return False
    return same_items(my_items, their_items) or _excerpt_of(my_items, their_items)


def same_speech(mine: Iterable[ListWording], theirs: Iterable[ListWording]) -> bool:
    """True when every list of `mine` restates one of `theirs`: a second report of the same
    speech, which must count once even though its own words differ."""
    mine, theirs = list(mine), list(theirs)
    return bool(mine) and all(any(_restates(m, t) for t in theirs) for m in mine)


# Two outlets paraphrase a speech's running-text directions more than they quote its lists
# ("các FTA đã ký kết" for "các hiệp định thương mại tự do đã ký"): a direction restates
# another when this share of the shorter one's words is in the other (different directions of
# one day's speeches share a fifth of their words or so, restatements two thirds or more).
SAME_DIRECTIVE_WORDS = 0.6

# A report without lists is a second report of a speech when at least this many of its directions,
# and this share of them, restate the speech's (an outlet adds or drops one, or reads one more
# sentence as a direction).
DIRECTIVES_RESTATED = 2
DIRECTIVES_RESTATED_SHARE = 2 / 3


def _restates_directive(mine: DirectiveWording, theirs: DirectiveWording) -> bool:
    (my_speaker, my_words), (their_speaker, their_words) = mine, theirs
    return not _other_speakers(my_speaker, their_speaker) and same_item(my_words, their_words, SAME_DIRECTIVE_WORDS)


def same_directions(mine: tuple[DirectiveWording, ...], theirs: tuple[DirectiveWording, ...]) -> bool:
    """True when `mine` (a report without lists) restates enough of `theirs` (another report's
    statements) to be another report of the same speech: at least DIRECTIVES_RESTATED of its
    directives and DIRECTIVES_RESTATED_SHARE of them."""
    restated = sum(any(_restates_directive(m, t) for t in theirs) for m in mine)
    return restated >= DIRECTIVES_RESTATED and restated >= DIRECTIVES_RESTATED_SHARE * len(mine)


def reports_same_speech(mine: Wordings, theirs: Wordings) -> bool:
    """True when a report with `mine` restates a stored report with `theirs`: every list of it
    restates one (`same_speech`), or, having no lists, most of its directives restate the other's
    directives or list items (`same_directions`: one outlet numbers the tasks a speech set, another
    retells them in running text)."""
    if mine.lists:
        return same_speech(mine.lists, theirs.lists)
    return same_directions(mine.directives, theirs.statements())


@dataclass(frozen=True)
class Sameness:
    """What the stored reports within a day of a document are to it: the one it copies or reports
    again (`original`), else the stored reports that retell its speech in fewer of its tasks or in
    running text (`retold`), which it is counted in place of."""

    original: str | None = None
    retold: tuple[str, ...] = ()


def find_original(
    conn: sqlite3.Connection,
    doc: Document,
    replaces: list[str],
    wordings: Wordings,
    written: dict[str, Wordings] | None = None,
) -> Sameness:
    """The stored document this one copies or reports again, among those within a day of it (the
    blocking key): nearly the same body, or (for a dated document) the same lists or, without
    lists, mostly the same directives (`reports_same_speech`). Without one, the stored reports
    that restate this one (`retold`): the same speech, reported before in fewer of its tasks, or
    in running text (whichever file came first, the speech counts once, as its fullest report).

    The older version of the same file (`replaces`) is not an original: it is being replaced.
    `written` holds the wordings of documents written by this run (their rows may still be pending).
    """
    mine = UnpackedSketch.of((doc.shingle_count, doc.sketch) if doc.sketch else sketch(doc.body))
    day = None if doc.date else find_event_date(doc.paragraphs)
    candidates = db.duplicate_candidates(conn, doc, sketch, day[:2] if day else None)
    candidates = [(cid, theirs) for cid, theirs in candidates if cid not in replaces]
    for candidate_id, theirs in candidates:
        # most candidates share too few hashes to be a copy: one set intersection tells
        if may_reach(mine, theirs, DUPLICATE_CONTAINMENT) and containment(mine, theirs) >= DUPLICATE_CONTAINMENT:
            return Sameness(candidate_id)
    if not doc.date or len(wordings.statements()) < DIRECTIVES_RESTATED:
        return Sameness()
    written = written or {}
    longest = max((len(items) for _, items in wordings.lists), default=0)
    retold = []
    for candidate_id, _ in candidates:
        stored = written[candidate_id] if candidate_id in written else db.wordings(conn, candidate_id)
        # each list of a report of the same speech restates one at least as long: a first test
        their_longest = max((len(items) for _, items in stored.lists), default=0)
        if longest <= their_longest and reports_same_speech(wordings, stored):
            return Sameness(candidate_id)
        if their_longest <= longest and reports_same_speech(stored, wordings):
            retold.append(candidate_id)
    return Sameness(retold=tuple(retold))


# ---------------------------------------------------------------------------------------------
# Files


# A page saved by a browser ("Trang.html") keeps its pictures, scripts and frames in "Trang_files".
SAVED_PAGE_ASSETS = "_files"


def _saved_page_of(folder: Path) -> Path | None:
    """The saved page whose assets `folder` holds, if it is such a folder."""
    if not folder.name.endswith(SAVED_PAGE_ASSETS):
        return None
    stem = folder.name[: -len(SAVED_PAGE_ASSETS)]
    return next((page for suffix in (".html", ".htm") if (page := folder.with_name(stem + suffix)).is_file()), None)


def _skip_reason(child: Path, page: Path | None) -> str | None:
    """Why a file found by walking a folder is no article input (None: it is one); `page`: the
    saved page whose assets the nearest of its folders holds, if any."""
    if page is not None:
        return f"part of the saved page {page.name}"
    if child.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"not an article file ({child.suffix or 'no extension'}; ingest reads .txt, .md, .html and .htm)"
    return None


def _files_under(root: Path) -> list[tuple[Path, Path | None]]:
    """Every file under `root` not named with a leading dot, recursively (not into linked
    folders), in path order, each with the saved page whose assets the nearest of its folders
    holds (`_saved_page_of`, asked once a folder). One `os.scandir` a folder, which tells files
    from folders without a `stat` of each (`Path.rglob` and `Path.is_file` took 20 µs a file)."""
    found: list[tuple[tuple[str, ...], Path, Path | None]] = []
    folders: list[tuple[Path, tuple[str, ...], Path | None]] = [(root, (), _saved_page_of(root))]
    while folders:
        folder, parts, page = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            if entry.is_dir() and not entry.is_symlink():
                child = folder / entry.name
                folders.append((child, (*parts, entry.name), _saved_page_of(child) or page))
            elif not entry.name.startswith(".") and entry.is_file():
                found.append(((*parts, entry.name), folder / entry.name, page))
    found.sort(key=lambda item: item[0])  # as Path objects sort: part by part
    return [(path, page) for _, path, page in found]


def collect_inputs(paths: Iterable[str]) -> tuple[list[tuple[str, Path | None]], list[Outcome]]:
    """(display path, file) for every input, and the files a folder holds that are not articles.

    Folders are walked recursively and '-' is stdin. A file named on the command line is always an
    input (and rejected with its reason if it cannot be read as an article); pictures, scripts,
    PDFs and a saved page's asset folder found inside a folder are skipped, so an archive folder
    ingests cleanly from cron.
    """
    inputs: list[tuple[str, Path | None]] = []
    skipped: list[Outcome] = []
    for raw in paths:
        if raw == "-":
            inputs.append(("-", None))
            continue
        path = Path(raw)
        if not path.is_dir():
            inputs.append((raw, path))
            continue
        for child, page in _files_under(path):
            if reason := _skip_reason(child, page):
                skipped.append(Outcome(str(child), "skipped", reason=reason))
            else:
                inputs.append((str(child), child))
    return inputs, skipped


def named_inputs(paths: Iterable[str]) -> set[str]:
    """The inputs named on the command line one by one (files and '-'), not found in a folder."""
    return {raw for raw in paths if raw == "-" or not Path(raw).is_dir()}


def run_failed(outcomes: Iterable[Outcome], named: set[str]) -> bool:
    """The exit policy for unattended runs: a rejected file the user named is a failure, and so
    is a run that could read nothing at all; a bad file found inside a folder is reported and
    counted but fails nothing, or one file left in a cron inbox would stop every later report."""
    outcomes = list(outcomes)
    rejected = [o for o in outcomes if o.status == "rejected"]
    read = [o for o in outcomes if o.status not in ("rejected", "skipped")]
    return any(o.path in named for o in rejected) or bool(rejected and not read)


def read_input(path: Path | None, max_bytes: int) -> bytes:
    """The bytes of one input, or RejectedInput naming the reason."""
    if path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if not path.exists():
            raise RejectedInput("no such file or folder")
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            advice = CONVERT_FIRST.get(path.suffix.lower(), "use .txt, .md, .html or .htm")
            raise RejectedInput(f"unsupported file type '{path.suffix or '(none)'}' ({advice})")
        try:
            if path.stat().st_size > max_bytes:
                raise RejectedInput(f"larger than the {max_bytes:,}-byte limit (--max-bytes)")
            data = path.read_bytes()
        except OSError as error:
            raise RejectedInput(f"cannot read it ({error.strerror})") from None
    if len(data) > max_bytes:
        raise RejectedInput(f"larger than the {max_bytes:,}-byte limit (--max-bytes)")
    return data


def source_of(path: Path | None) -> str | None:
    """Who a document is: the file's absolute path, however it was named on the command line
    ("seeds/a.txt", "./seeds/a.txt", "/srv/ngkt/seeds/a.txt"); stdin has none."""
    return None if path is None else str(path.resolve())


def _stored_path(path: Path | None, doc_id: str) -> str:
    return f"stdin/{doc_id}.txt" if path is None else str(path)


@dataclass(frozen=True)
class Prepared:
    """One input read, cleaned, dated and extracted (the per-document work, done in parallel)."""

    display: str
    path: Path | None
    doc: Document | None = None
    extraction: Extraction | None = None
    reason: str | None = None
    # Each term once per paragraph, for the document frequencies, one per line: a single string
    # crosses from a worker to the writer far cheaper than a list of a thousand.
    paragraph_terms: str = ""
    coded: db.Coded | None = None  # folded body, statement keys and themes
    # Set on the first input of a chunk prepared by a pool worker: the paragraph term counts of
    # every document of the chunk, counted there (`TermCounts`), so the writer adds one Counter
    # per chunk instead of counting each document's terms.
    chunk_counts: Counter | None = None
    counted_in_chunk: bool = False
    # Its rows (lists, statements, themes, removed lines, people) built for the id and date it
    # has here, which the writer stores it under unless that id is taken or the date set by hand.
    rows: db.DocumentRows | None = None


def prepare(
    display: str,
    path: Path | None,
    max_bytes: int,
    user_date: str | None,
    data: bytes | None = None,
    codebook: Codebook | None = None,
    counts: Counter[str] | None = None,
) -> Prepared:
    """Everything about one input that needs no database: a pure function of the file. `data`,
    when given, is the input's content already read (a fetched page; `display` is its URL);
    `codebook` codes its statements (None: the shipped one); `counts`, when given, counts its
    paragraph terms (a pool worker's chunk: `Prepared.counted_in_chunk`)."""
    in_memory = data is not None
    try:
        content = data if data is not None else read_input(path, max_bytes)
        doc, body_folded = _build_document(content, display if path or in_memory else "stdin.txt", user_date)
        extraction = extract(doc)
    except RejectedInput as error:
        return Prepared(display, path, reason=str(error), counted_in_chunk=counts is not None)
    except Exception as error:  # a bug must not stop the run either: the file is reported, the rest go on
        return Prepared(
            display,
            path,
            reason=f"could not be processed ({type(error).__name__}: {error}); please report it",
            counted_in_chunk=counts is not None,
        )
    doc = replace(
        doc,
        path=display if in_memory else _stored_path(path, doc.id),
        source=display if in_memory else source_of(path),  # a fetched page is who its URL says
    )
    codebook = codebook or load_codebook()
    texts = {item.text for found in extraction.lists for item in found.items} | {d.text for d in extraction.directives}
    coded = db.Coded(
        body_folded,  # the cleaning folded its lines already
        {t: key(t) for t in texts},
        {t: code_positions(t, codebook) for t in texts},
        actor_levels(doc, extraction),
    )
    terms = paragraph_terms(doc.body)
    prepared = Prepared(
        display,
        path,
        doc,
        extraction,
        paragraph_terms="\n".join(terms),
        coded=coded,
        rows=db.document_rows(doc, extraction, coded),
        counted_in_chunk=counts is not None,
    )
    if counts is not None and prepared.paragraph_terms:
        counts.update(terms)  # a list: counted in C
    return prepared


def actor_levels(doc: Document, extraction: Extraction) -> dict[tuple[str | None, str, str | None], str]:
    """The actor level of each statement, keyed as `db.Coded.actor_levels`: worked out here, in
    the worker, from what the linking's `store_actor_levels` would read back from the rows (the
    speaker, the text, its list's lead-in and the first paragraph of the body's first 600
    characters), so the single writer need not."""
    lead = doc.body[:600].split("\n\n")[0]
    found: list[tuple[str | None, str, str | None]] = [
        (item.speaker, item.text, statement_list.cue)
        for statement_list in extraction.lists
        for item in statement_list.items
    ]
    found += [(directive.speaker, directive.text, None) for directive in extraction.directives]
    return document_actor_levels(found, lead)


Job = tuple[str, Path | None, int, str | None]  # (display, path, max_bytes, user_date)


def _prepare_chunk(jobs: list[Job], codebook: Codebook) -> list[Prepared]:
    counts: Counter[str] = Counter()
    prepared = [prepare(*job, codebook=codebook, counts=counts) for job in jobs]
    if prepared:
        prepared[0] = replace(prepared[0], chunk_counts=counts)
    regex_cache.write_new()  # the patterns the stages compiled on first use, for the next run's workers
    return prepared


# Below this many files the process pool costs more than it saves.
PARALLEL_MIN_FILES = 32

# Inputs sent to a worker at once: one round trip through the pool per chunk, not per file
# (per-file tasks cost the workers a third more time than the work itself).
PREPARE_CHUNK = 16

# Chunks being prepared at once in the pool, at most.
PREPARE_WINDOW = 4

# Documents written per transaction: each document is whole or absent after a crash, and
# committing in groups spares a commit per document (each also flushes the search index's
# pending terms into a new segment: 43 commits took 0.45 s of a 1.6 s write of 2,000 articles).
DOCUMENTS_PER_TRANSACTION = 200

# The last inputs of a run written with the WAL checkpointed at each commit (`db.checkpoint_often`):
# the WAL the run's end then checkpoints, while the user waits, holds their pages and the
# linking's only, not up to db.BULK_CHECKPOINT_PAGES of the whole run's.
FINAL_STRETCH = 2 * DOCUMENTS_PER_TRANSACTION


# Linux's prctl(PR_SET_PDEATHSIG, signal): the kernel sends the signal when the parent dies.
PR_SET_PDEATHSIG = 1

# How often a pool worker checks that the ingest that started it is still alive.
PARENT_POLL_SECONDS = 1.0


def _parent_death_signal(signum: int) -> bool:
    """Ask Linux to send `signum` to this process when its parent dies; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """The portable way: once the parent is gone the worker is re-parented; then end at once."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """Pool worker set-up: a worker never outlives the ingest that started it (`kill -9`, a cron
    timeout), where it would wait forever on a pipe nobody reads. Ctrl-C is the parent's to
    handle (it stops the pool), SIGTERM ends a worker at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _parent_death_signal(signal.SIGKILL)  # the parent thread's death on Linux; the watcher covers the rest
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # died before we asked
        os._exit(1)


def _stop_pool(pool) -> None:
    """Stop soon: cancel the queued chunks and wait only for the few already handed to a worker
    (well under a second), rather than for every chunk in flight (what `with ProcessPoolExecutor`
    does on an interrupt). Workers are not killed: one killed while writing its result would
    leave half a message in the pipe, and the pool's reader thread waiting for the rest forever."""
    pool.shutdown(wait=True, cancel_futures=True)


# NGKT_WORKERS=N: how many worker processes prepare the inputs (default: one per core, at most
# DEFAULT_MAX_WORKERS; 1 prepares them in the writer's own process).
WORKERS_VARIABLE = "NGKT_WORKERS"

# Past about seven workers the single writer is the bottleneck (docs/benchmarks.md, worker
# scaling): more would only hold more documents in memory.
DEFAULT_MAX_WORKERS = 8


def worker_count() -> int:
    """The pool's size: NGKT_WORKERS when it is a positive whole number, else one per core the
    process may use, at most DEFAULT_MAX_WORKERS."""
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, DEFAULT_MAX_WORKERS)


def prepare_all(
    inputs: list[tuple[str, Path | None]], max_bytes: int, user_date: str | None, codebook: Codebook | None = None
) -> Iterator[Prepared]:
    """Prepare inputs in order, on every core when there are many (extraction is per document).
    The codebook goes to the workers with each chunk (None: the shipped one)."""
    jobs: list[Job] = [(display, path, max_bytes, user_date) for display, path in inputs]
    codebook = codebook or load_codebook()
    workers = worker_count()
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES or any(path is None for _, path in inputs):
        for job in jobs:
            yield prepare(*job, codebook=codebook)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [jobs[start : start + PREPARE_CHUNK] for start in range(0, len(jobs), PREPARE_CHUNK)]
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    try:
        # A bounded window of chunks in flight: pool.map would queue every result in memory
        # when the writer is slower than the workers.
        window: deque = deque()
        for chunk in chunks:
            window.append(pool.submit(_prepare_chunk, chunk, codebook))
            if len(window) >= PREPARE_WINDOW * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BaseException:  # Ctrl-C, SIGTERM, the writer's error (the generator is closed)
        _stop_pool(pool)
        raise
    pool.shutdown()


class TermCounts:
    """Document frequencies of the documents written by a run, written at its end in one go.

    A pool worker counts its whole chunk (`Prepared.chunk_counts`); the few documents of it that
    are not written as new (duplicates, unchanged files) are taken off again at the end.
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.counts: Counter[str] = Counter()
        self.not_counted: Counter[str] = Counter()
        self.paragraphs = 0
        self.document_ids: list[str] = []

    def take(self, prepared: Prepared, document_id: str | None) -> None:
        """Count `prepared` when it was written as `document_id` (None: not written, or unchanged)."""
        if prepared.chunk_counts:
            self.counts.update(prepared.chunk_counts)
        if document_id is None:
            if prepared.counted_in_chunk and prepared.paragraph_terms:
                self.not_counted.update(prepared.paragraph_terms.split("\n"))
            return
        if prepared.paragraph_terms and not prepared.counted_in_chunk:
            self.counts.update(prepared.paragraph_terms.split("\n"))
        self.paragraphs += len(prepared.doc.paragraphs) if prepared.doc else 0
        self.document_ids.append(document_id)

    def drop(self, conn: sqlite3.Connection, document_id: str) -> None:
        """Leave out a document this run wrote, found since to be a copy of a later one."""
        if document_id not in self.document_ids:
            return  # written before this run: `db.make_duplicate` took its terms off
        body = conn.execute("SELECT body FROM documents WHERE id = ?", [document_id]).fetchone()[0]
        self.not_counted.update(paragraph_terms(body))
        self.paragraphs -= len(body.split("\n\n"))
        self.document_ids.remove(document_id)

    def flush(self, conn: sqlite3.Connection) -> None:
        if self.not_counted:
            self.counts.subtract(self.not_counted)
            self.counts = +self.counts  # terms only the documents not written had
        add_term_counts(conn, self.counts, self.paragraphs, self.document_ids)
        self.clear()


def moved_from(conn: sqlite3.Connection, doc: Document) -> sqlite3.Row | None:
    """The stored document whose file moved to `doc`'s place: the same text, from a source file
    that is gone (an archive folder moved or renamed), or stored before sources were recorded
    and not claimed by its path (ingested then from another folder). A copy whose original is
    still there is another document (a duplicate)."""
    if doc.source is None:
        return None
    gone = (
        row
        for row in db.documents_of_content(conn, doc.content_sha)
        if row["source"] is None or not os.path.exists(row["source"])
    )
    return next(gone, None)


def store(
    conn: sqlite3.Connection,
    prepared: Prepared,
    pending: db.PendingRows | None = None,
    written: dict[str, Wordings] | None = None,
    codebook: Codebook | None = None,
) -> Outcome:
    """Write one prepared document (inside the caller's transaction; rows that can wait go to
    `pending`, which the caller flushes before committing); returns what happened. `written`
    collects the wordings (lists, directives) of the documents written, for the same-speech check of the next."""
    if prepared.doc is None or prepared.extraction is None:
        return Outcome(prepared.display, "rejected", reason=prepared.reason)
    doc, extraction = prepared.doc, prepared.extraction
    stored = db.stored_document(conn, doc) or moved_from(conn, doc)
    if stored and pending is not None and pending.kept is not None:
        pending.kept.complete = False  # a stored document's rows are changed in place, not through `pending`
    if stored and stored["source"] != doc.source and doc.source:
        db.claim_source(conn, stored["id"], doc.source)
    reread = None  # the same text, read differently by this version (db.READ_FIELDS)
    if stored and stored["content_sha"] == doc.content_sha:
        redated = (
            doc.date_source == "user" and doc.date is not None and date_stored(conn, stored["id"], doc.date, codebook)
        )
        if redated or not (changed := db.reading_changes(stored, doc)):
            return Outcome(prepared.display, "updated" if redated else "unchanged", stored["id"])
        reread = f"{READ_ANEW}: {', '.join(changed)}"
    ruled = None
    if stored and doc.date_source != "user" and (kept := db.user_date_of(conn, [stored["id"]])):
        ruled = doc  # what the rules say of the new version, should the analyst hand it back
        doc = _with_user_date(doc, kept)  # a corrected file keeps the date set by hand
        extraction = extract(doc)  # target years follow the statement year
    settled = stored["id"] if stored else db.new_document_id(conn, doc)
    if settled != doc.id:
        doc = replace(doc, id=settled)
    wordings = wordings_of(extraction, prepared.coded.keys if prepared.coded else {})
    sameness = find_original(conn, doc, [], wordings, written)
    original = sameness.original
    if written is not None and original is None:
        written[doc.id] = wordings
    scope = db.user_scope(conn, [stored["id"]] if stored else [])
    if original is not None or scope:
        doc = replace(doc, duplicate_of=original, **scope)
    if stored:  # a new version of the same source: same id, so citations and threads keep their meaning
        if pending is not None:
            pending.flush(conn)  # the version replaced may be among the pending rows
        db.save_version(conn, doc, extraction, prepared.coded, "re-extraction" if reread else "correction")
        if ruled is not None:
            db.keep_rule_date(conn, replace(ruled, id=doc.id))
    else:
        built = prepared.rows if extraction is prepared.extraction else None
        db.save_document(conn, doc, extraction, [], prepared.coded, pending, built)
    adopted: tuple[str, ...] = ()
    if original is None and doc.date:
        adopted = (*adopt_undated_copies(conn, doc), *adopt_retold(conn, doc, sameness.retold))
    status = "duplicate" if original else ("updated" if stored else "new")
    return Outcome(prepared.display, status, doc.id, reason=reread, duplicate_of=original, adopted=adopted)


# A copy is a report, not a line: a stored text of fewer word 4-grams ("Thúc đẩy chuyển đổi
# xanh.") is inside many articles without copying any of them.
COPY_MIN_SHINGLES = 30


def adopt_undated_copies(conn: sqlite3.Connection, doc: Document) -> list[str]:
    """Make `doc` (dated, just stored) the original of the undated copies of it stored before it
    (a syndicated copy that dropped the year, ingested first): the dated report is the one
    counted, in its year. Returns the ids of the copies."""
    mine = UnpackedSketch.of((doc.shingle_count, doc.sketch) if doc.sketch else sketch(doc.body))
    copies = [
        cid
        for cid, theirs in db.undated_originals(conn, doc, sketch)
        if theirs[0] >= COPY_MIN_SHINGLES
        and may_reach(mine, theirs, DUPLICATE_CONTAINMENT)
        and containment(mine, theirs) >= DUPLICATE_CONTAINMENT
    ]
    for copy_id in copies:
        db.make_duplicate(conn, copy_id, doc.id)
    return copies


def adopt_retold(conn: sqlite3.Connection, doc: Document, retold: tuple[str, ...]) -> list[str]:
    """Make `doc` (just stored, an original) the original of the stored reports that retell its
    speech in fewer tasks or in running text (`Sameness.retold`): the fullest report is the one
    counted, whichever outlet's file was ingested first. Returns their ids."""
    for report_id in retold:
        db.make_duplicate(conn, report_id, doc.id)
    return list(retold)


# `ngkt doc date DOC rule`: the date the rules gave it again.
RULE_DATE = "rule"


def _with_user_date(doc: Document, date: str) -> Document:
    return replace(doc, date=date, date_source="user", statement_year=int(date[:4]))


def date_stored(conn: sqlite3.Connection, document_id: str, date: str, codebook: Codebook | None = None) -> bool:
    """Date a stored document by hand (date_source "user", kept through re-ingest) and extract it
    again, its statements coded with `codebook`, inside the caller's transaction; False when it
    already had that date by hand. The caller links what the new extraction left unlinked
    (`link_pending`)."""
    doc = db.get_document(conn, document_id)
    if doc is None:
        raise NotFound(f"no document with id '{document_id}' (see `ngkt docs`)")
    if (doc.date, doc.date_source) == (date, "user"):
        return False
    if doc.date_source != "user":
        db.keep_rule_date(conn, doc)
    doc = _with_user_date(doc, date)
    db.set_document_date(conn, doc)
    db.write_extraction(conn, doc.id, extract(doc), codebook)
    return True


def undate_stored(conn: sqlite3.Connection, document_id: str, codebook: Codebook | None = None) -> bool:
    """Hand a document dated by hand back to the rules' date (kept when it was dated by hand) and
    extract it again, inside the caller's transaction; False when the rules date it already."""
    doc = db.get_document(conn, document_id)
    if doc is None:
        raise NotFound(f"no document with id '{document_id}' (see `ngkt docs`)")
    if doc.date_source != "user":
        return False
    ruled = db.rule_date_of(conn, doc.id)
    if ruled is None:
        raise Refused(
            f"{doc.id}: the rules' date was not kept when it was dated by hand (by an earlier ngkt); "
            "date it by hand again, or ingest its file into a new database"
        )
    date, source, year = ruled
    doc = replace(doc, date=date, date_source=source, statement_year=year)
    db.set_document_date(conn, doc)
    db.write_extraction(conn, doc.id, extract(doc), codebook)
    return True


def set_date(conn: sqlite3.Connection, document_id: str, date: str, codebook: Codebook | None = None) -> bool:
    """`ngkt doc date`: date one stored document by hand (or, with `date` RULE_DATE, hand it back
    to the rules' date), then link its statements."""
    with db.transaction(conn):
        if date == RULE_DATE:
            changed = undate_stored(conn, document_id, codebook)
        else:
            changed = date_stored(conn, document_id, date, codebook)
        link_pending(conn, codebook)
    return changed


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_date: str | None = None,
    on_progress: Callable[[Outcome], None] | None = None,
    codebook: Codebook | None = None,
) -> list[Outcome]:
    """Ingest every input, then link the new statements; one bad file never stops the run.
    Statements are coded with `codebook` (None: the shipped one). Returns an outcome per input,
    then one per file skipped in a folder (`collect_inputs`)."""
    inputs, skipped = collect_inputs(paths)
    outcomes = ingest_inputs(
        conn, inputs, max_bytes=max_bytes, user_date=user_date, on_progress=on_progress, codebook=codebook
    )
    return outcomes + skipped


def ingest_inputs(
    conn: sqlite3.Connection,
    inputs: list[tuple[str, Path | None]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_date: str | None = None,
    on_progress: Callable[[Outcome], None] | None = None,
    codebook: Codebook | None = None,
) -> list[Outcome]:
    """`ingest_paths` for inputs already collected (the CLI counts them first for its progress
    bar, and a folder is walked once)."""
    codebook = codebook or load_codebook()
    prepared = prepare_all(inputs, max_bytes, user_date, codebook)
    return _write_and_link(conn, prepared, codebook, on_progress, expected=len(inputs))


def ingest_data(
    conn: sqlite3.Connection, items: list[tuple[str, bytes]], codebook: Codebook | None = None
) -> list[Outcome]:
    """`ingest_inputs` for contents already in memory: (source, bytes) pairs, where the source (a
    fetched page's URL) is the document's path. One outcome per item, in order."""
    codebook = codebook or load_codebook()
    prepared = (prepare(source, None, DEFAULT_MAX_BYTES, None, data, codebook=codebook) for source, data in items)
    return _write_and_link(conn, prepared, codebook, expected=len(items))


def _write_and_link(
    conn: sqlite3.Connection,
    prepared: Iterable[Prepared],
    codebook: Codebook,
    on_progress: Callable[[Outcome], None] | None = None,
    expected: int | None = None,
) -> list[Outcome]:
    """Write prepared inputs (`expected` of them, when known), then their term counts and the
    linking, and note when this ingest ran. A database that holds no article yet records that
    this version's rules read its articles."""
    empty = db.document_count(conn) == 0
    if empty and read_by(conn) != reading_version():
        with db.transaction(conn):
            record_reading(conn)
    frequencies = TermCounts()
    # into an empty database, the rows written are every statement: its first linking takes them
    kept = WrittenStatements(db.ROW_COLUMNS["statements"]) if empty else None
    with db.bulk_writes(conn), _fewer_collections():
        outcomes = write_prepared(conn, prepared, frequencies, on_progress, codebook, expected=expected, kept=kept)
        with db.transaction(conn):
            frequencies.flush(conn)
            link_pending(conn, codebook, kept)
            db.set_meta(conn, "last_ingest", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    return outcomes


# Container objects allocated before the youngest generation is collected while a run writes and
# links (Python's default is 700). The writer and the linking hold many small containers (the
# unpickled documents, their rows, the linking's items) until they are written, and the collector
# walked them again and again: 0.38 s of the 9.5 s of a 10,000-article run's writer and linking,
# 0.18 s with this threshold (`gc.callbacks`, the workers' output replayed).
WRITER_GC_THRESHOLD = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while a run writes and links (as before afterwards)."""
    before = gc.get_threshold()
    gc.set_threshold(WRITER_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _test_pause(written_count: int) -> None:
    """A test hook (no effect unless both variables are set): with NGKT_TEST_PAUSE_AFTER=N and
    NGKT_TEST_PAUSE_FILE=PATH, the writer stops after the Nth input of a run, inside its open
    transaction, creates PATH and waits until it is removed. The kill tests use it to kill an
    ingest mid-transaction, deterministically."""
    pause_file = os.environ.get("NGKT_TEST_PAUSE_FILE")
    if not pause_file or os.environ.get("NGKT_TEST_PAUSE_AFTER") != str(written_count):
        return
    Path(pause_file).touch()
    while os.path.exists(pause_file):
        time.sleep(0.05)


def write_prepared(
    conn: sqlite3.Connection,
    prepared_inputs: Iterable[Prepared],
    frequencies: TermCounts,
    on_progress: Callable[[Outcome], None] | None = None,
    codebook: Codebook | None = None,
    expected: int | None = None,
    kept: WrittenStatements | None = None,
) -> list[Outcome]:
    """Store prepared inputs, DOCUMENTS_PER_TRANSACTION to a transaction; their term counts are
    added to `frequencies`, which the caller writes with the linking that needs them. (A crash
    before that leaves documents marked uncounted, which the next linking counts.) Of `expected`
    inputs, the last FINAL_STRETCH are written with the WAL checkpointed at each commit
    (`db.checkpoint_often`). The statements' rows written are added to `kept`, when given."""
    final_stretch = max(1, expected - FINAL_STRETCH) if expected else None
    outcomes: list[Outcome] = []
    pending = db.PendingRows(kept)
    lists_written: dict[str, Wordings] = {}
    with db.transaction(conn):
        db.keep_sketches_of_scheme(conn, SKETCH_SCHEME)
    with db.grouped_transactions(conn, DOCUMENTS_PER_TRANSACTION, before_commit=lambda: pending.flush(conn)) as written:
        for prepared in prepared_inputs:
            outcome = store(conn, prepared, pending, lists_written, codebook)
            frequencies.take(prepared, outcome.document_id if outcome.status in ("new", "updated") else None)
            for adopted in outcome.adopted:  # a report this run wrote is a copy of this one after all
                frequencies.drop(conn, adopted)
                outcomes = [_now_duplicate(o, adopted, outcome.document_id) for o in outcomes]
            outcomes.append(outcome)
            if len(outcomes) == final_stretch:
                db.checkpoint_often(conn)
            written()
            _test_pause(len(outcomes))
            if on_progress:
                on_progress(outcome)
    return outcomes


def _now_duplicate(outcome: Outcome, document_id: str, original: str | None) -> Outcome:
    """`outcome`, or if it wrote `document_id` as a new document, that document as a duplicate."""
    if outcome.document_id != document_id or outcome.status != "new":
        return outcome
    return replace(outcome, status="duplicate", duplicate_of=original)


def reextract_all(
    conn: sqlite3.Connection, on_progress: Callable[[str], None] | None = None, codebook: Codebook | None = None
) -> int:
    """Run the extractor again on every stored body (after an upgrade), its statements coded with
    `codebook` (None: the shipped one); returns documents done. `on_progress` is called with each
    document's id once it is written."""
    codebook = codebook or load_codebook()
    count = 0
    left: set[str] = set()  # threads that lost the statements of a document now out of scope
    for doc_id in db.all_document_ids(conn):
        doc = db.get_document(conn, doc_id)
        if doc is None:  # removed while this ran
            continue
        with db.transaction(conn):
            db.write_extraction(conn, doc.id, extract(doc), codebook)
            if doc.scope_source != SOURCE_USER:  # the scope rule may have changed too
                found = decide_scope(doc.title, doc.paragraphs)
                left |= db.set_scope(conn, doc.id, found.scope, found.reason, "rule")
        count += 1
        if on_progress:
            on_progress(doc_id)
    with db.transaction(conn):
        link_pending(conn, codebook)
        refresh_labels(conn, left & {r[0] for r in conn.execute("SELECT id FROM threads")})
        record_reading(conn)
    return count
