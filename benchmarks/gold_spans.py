"""The gold items of an annotated set as plain linking inputs (text, year, kind, list, actor).

Each gold item is named by an *anchor*, a substring of the item. Its full text is taken from the
article as ngkt stores it (title and body after decoding and boilerplate removal, the same
`build_document` that ingest runs), in one documented way:

- the anchor is found in the body after normalisation (NFC, lower case, one tone placement,
  whitespace folded), its first occurrence (anchors are unique in their documents);
- the span runs left from the anchor to just after the nearest clause boundary, and right from
  the anchor's end to just before the nearest one. A clause boundary is a paragraph break, a
  ';' or ':', or a sentence end ('.', '!', '?' followed by a space, or glued to the next
  sentence's capital: 'KTXH.Giải'). Numbers ('1.000', '8,5') and 'TP.HCM' are not boundaries.
  List items come out as the item's own clause, directives as their sentence or clause;
- a list item runs on to where the next item of its list starts (an item of a paragraph list
  often runs over several paragraphs: "Hai là, ... đối tác. Đẩy mạnh ... \n\n Thúc đẩy đa dạng
  hóa thị trường ..."), the list's last item to its clause's end;
- when several gold items of a document fall in one clause (directives joined by commas), the
  clause is cut at the start of each later anchor: each item runs from the clause start or its
  own anchor to the next item's anchor.

Used by benchmarks/link_eval.py; never by ngkt itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ngkt_cli.decode import decode_bytes
from ngkt_cli.ingest import build_document
from ngkt_cli.text import key, unify_tone_placement

@dataclass(frozen=True)
class GoldItem:
    ref: str  # FILE-PREFIX/priority#n or FILE-PREFIX/directive#n, as gold.json names it
    document: str  # file name
    text: str
    year: int | None
    kind: str  # linking kind: list items of priority lists and directives are priorities
    list_id: str | None
    speaker: str | None
    title: str | None
    lead: str  # the document's first paragraph: who is speaking, where


BOUNDARY = re.compile(r"\n|[;:]|[.!?…](?=\s|$)|[.!?](?=\w\w)")


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each clause boundary in text[start:end]; a glued '.' counts only
    before a capital followed by a small letter ('KTXH.Giải', not 'TP.HCM' or '1.000')."""
    found = []
    for match in BOUNDARY.finditer(text, start, end):
        glued = match.group() in ".!?" and match.end() < len(text) and not text[match.end()].isspace()
        if glued and not (text[match.end()].isupper() and text[match.end() + 1].islower()):
            continue
        found.append(match.end())
    return found


def _lowered(text: str) -> str:
    lowered = unify_tone_placement(text).lower()
    return lowered if len(lowered) == len(text) else text.lower()


# A list marker written in line ("... đất nước. 2. Phối hợp ...", "(3) Khai mở ..."): a list
# item starts at the last one before its anchor in its paragraph.
MARKER = re.compile(r"(?:^|(?<=\s))\(?\d{1,2}[.)](?=\s)")
_TRAILING_MARKER = re.compile(r"[\s.;,]*\(?\d{1,2}[.)]?$")


def _item_start(text: str, clause_start: int, anchor_start: int) -> int:
    paragraph = text.rfind("\n", 0, anchor_start) + 1
    markers = [m.start() for m in MARKER.finditer(text, paragraph, anchor_start)]
    return markers[-1] if markers else clause_start


@dataclass(frozen=True)
class _Found:
    text: str  # the text the anchor was found in (body, or the file's text)
    clause_start: int
    anchor_start: int
    clause_end: int


def _find(text: str, anchor: str) -> _Found | None:
    words = key(anchor).split()
    found = re.search(r"\s+".join(map(re.escape, words)), _lowered(text))
    if not found:
        return None
    start = max(_boundaries(text, 0, found.start()), default=0)
    start = _item_start(text, start, found.start())
    after = _boundaries(text, found.end(), len(text))
    end = after[0] - 1 if after else len(text)
    return _Found(text, start, found.start(), end)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,-–—*•")


def spans(sources: list[str], anchors: list[str], lists: list[str | None]) -> list[str | None]:
    """Each anchor's clause (see the module's description), None when no source holds it;
    `lists` names each anchor's list (None for a directive)."""
    found = []
    for anchor in anchors:
        found.append(next((f for f in (_find(s, anchor) for s in sources) if f), None))
    texts: list[str | None] = []
    for here, list_id in zip(found, lists):
        if here is None:
            texts.append(None)
            continue
        if list_id is not None:
            following = sorted(f.clause_start for f, other in zip(found, lists)
                               if f and other == list_id and f.text is here.text and f.clause_start > here.clause_start)
            if following:
                texts.append(_TRAILING_MARKER.sub("", _clean(here.text[here.clause_start : following[0]])))
                continue
        sharing = sorted(f.anchor_start for f in found if f and f.text is here.text and f.clause_start == here.clause_start)
        later = [a for a in sharing if a > here.anchor_start]
        start = here.clause_start if here.anchor_start == sharing[0] else here.anchor_start
        end = later[0] if later else here.clause_end
        texts.append(_clean(here.text[start:end]))
    return texts


def load(gold_path: Path, articles: Path) -> list[GoldItem]:
    """Every list item of kind priority and every directive of a gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    items: list[GoldItem] = []
    for doc in gold["documents"]:
        if isinstance(doc.get("lists"), str):
            continue
        path = articles / doc["file"]
        stored = build_document(path.read_bytes(), str(path))
        # An anchor in a line that ingest removed (a caption, a lede printed twice) is found in
        # the file's text, tags dropped.
        raw = re.sub(r"<[^>]+>", "\n", decode_bytes(path.read_bytes())[0])
        prefix = doc["file"].split("_")[0]
        year = doc.get("statement_year")
        lead = stored.paragraphs[0] if stored.paragraphs else ""
        wanted = []  # (ref, anchor, year, list id, speaker)
        for number, found in enumerate(doc["lists"]):
            if found["kind"] == "priority":
                wanted += [(f"{prefix}/priority#{item['ordinal']}", item["anchor"], found.get("target_year") or year,
                            f"{prefix}/L{number}", found.get("speaker")) for item in found["items"]]
        wanted += [(f"{prefix}/directive#{d['n']}", d["anchor"], d.get("target_year") or year, None, d.get("speaker"))
                   for d in doc.get("directives", [])]
        texts = spans([stored.body, raw], [anchor for _, anchor, *_ in wanted], [w[3] for w in wanted])
        for (ref, anchor, target, list_id, speaker), text in zip(wanted, texts):
            if text is None:
                raise SystemExit(f"{doc['file']}: anchor not found: {anchor}")
            items.append(GoldItem(ref, doc["file"], text, target, "priority", list_id, speaker, stored.title, lead))
    return items
