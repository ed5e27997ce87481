"""Stage 2: a document's text -> the enumerated lists its speakers state (a pure function).

The steps, each a small function below:

1. find item markers in every paragraph ("Thứ nhất, ...", "Một là, ...", "(1)", "1.", "a)", bullets)
   and inline ';' lists after a colon;
2. chain markers of one family into lists numbered 1, 2, 3 ... (a weekday "Thứ Tư, 05/06" or a
   lone "Thứ hai" never starts a list: every list starts at one and has two items or more);
3. cut each item from its marker to the next one (an item may run over several paragraphs);
4. read the lead-in (`cue`) for the kind, the announced count and the target year, and look back
   for who said it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import pattern_facts
from .cues import (
    ANNOUNCED,
    COUNTED_GROUP,
    KIND_NOUN_ALTERNATION,
    LIST_NOUN_ALTERNATION,
    LIST_NOUNS,
    NEXT_YEAR_FROM_MONTH,
    NUMBER_WORDS,
    announced,
    lookbehinds_after,
    target_year,
)
from .directives import (
    FOREIGN_LEADER,
    NAMED_ACTION,
    PARTNERS,
    any_word,
    cue_openings,
    find_directives,
    lowered_body,
    spans_holding,
)  # directives read the lists found here, never the reverse
from .metadata import (
    BODY_SOURCE_BEFORE,
    DEPARTMENT,
    SPEECH_VERBS,
    TITLED_NAME,
    Person,
    article_writer,
    attributions,
    find_bodies,
    find_mentions,
    find_people,
    names_a_person,
    pronoun_speaker,
    signed_author,
)
from .models import Document, Extraction, Statement, StatementList
from .text import (
    PARAGRAPH_BREAK,
    first_characters,
    fold,
    folded_body,
    is_capitalised,
    key,
    opening_characters,
    paragraph_starts,
    same_items,
    sentence_spans,
)

# ---------------------------------------------------------------------------------------------
# Markers

# Ordinal words after "Thứ" ("Thứ nhất", "Thứ tư") and before "là" ("Một là", "Bốn là").
THU_ORDINALS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
LA_ORDINALS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}

# Nouns that may name the item before its ordinal: "Nhiệm vụ thứ nhất là ...", "Giải pháp thứ hai, ...".
ITEM_NOUNS = (
    "nhiệm vụ",
    "trọng tâm",
    "giải pháp",
    "định hướng",
    "phương hướng",
    "ưu tiên",
    "mục tiêu",
    "yêu cầu",
    "biện pháp",
    "khâu đột phá",
    "đột phá",
    "trụ cột",
    "lĩnh vực",
    "đề xuất",
    "kiến nghị",
    "bài học",
    "kết quả",
    "thành tựu",
    "điểm nhấn",
    "điểm sáng",
    "dấu ấn",
    "nội dung",
    "vấn đề",
    "thách thức",
    "nguyên nhân",
    "hạn chế",
    "điểm",
)

# "Thứ nhất, ...", "Thứ nhất là ...", "thứ hai: ...", "Nhiệm vụ thứ ba là ...", "Thứ nhất. Tăng
# cường ..." (the item text starts after the punctuation; after a full stop, only a capital).
THU_MARKER = re.compile(
    r"\bthứ\s+(?P<n>" + "|".join(THU_ORDINALS) + r")(?:\s*[,:]|\s+(?P<la>là)\b\s*[,:]?|(?P<stop>\.)(?=\s+\S))\s*",
    re.I,
)
# The noun a "Thứ" ordinal may follow, which belongs to its marker: looked for just before a
# match rather than as part of the pattern, which the regex engine would try at every position.
NOUN_BEFORE_ORDINAL = re.compile(r"\b(?:nhóm\s+)?(?:" + "|".join(ITEM_NOUNS) + r")\s+$", re.I)

# Words that open, go on with or close a run of "Thứ" ordinals: "Trước hết, ... Thứ hai, ... Cuối
# cùng, ...", "Trước hết là ... . Tiếp đó là ...". "Cuối cùng" takes the number after the previous
# item's (NEXT_ORDINAL), only right after it, and ends the run; "Tiếp đó" (THEN_ORDINAL) too, but
# after a run's first item already, and the run goes on. "Bên cạnh đó" and "Ngoài ra" (BESIDES_ORDINAL),
# words any paragraph may open with, are a run's second item only right after its first, and only
# when "Cuối cùng" closes the run: "Trước hết, A. Bên cạnh đó, B. Cuối cùng, C."
NEXT_ORDINAL, THEN_ORDINAL, BESIDES_ORDINAL = 0, -2, -3  # (BY_POSITION is -1)
SEQUENCE_WORDS = {
    "trước hết": 1,
    "trước tiên": 1,
    "đầu tiên": 1,
    "cuối cùng": NEXT_ORDINAL,
    "tiếp đó": THEN_ORDINAL,
    "kế đến": THEN_ORDINAL,
    "bên cạnh đó": BESIDES_ORDINAL,
    "ngoài ra": BESIDES_ORDINAL,
    # "Đầu tiên, A." ¶ "Tiếp theo, B." ¶ "Cuối cùng, C." (a narrative's "Tiếp theo, đoàn thăm ..." opens nothing)
    "tiếp theo": BESIDES_ORDINAL,
    "tiếp đến": BESIDES_ORDINAL,
}
SEQUENCE_MARKER = re.compile(r"\b(?P<n>" + "|".join(SEQUENCE_WORDS) + r")(?:\s*[,:]|\s+(?P<la>là)\b\s*[,:]?)\s*", re.I)

# "trước hết là A; hai là B": a run of "là" ordinals opened by a sequence word and "là"
SEQUENCE_LA_WORDS = {"trước hết": 1, "trước tiên": 1, "đầu tiên": 1}
SEQUENCE_LA_MARKER = re.compile(r"\b(?P<n>" + "|".join(SEQUENCE_LA_WORDS) + r")\s+là\b\s*[,:]?\s*", re.I)

# "Một là, ...", "hai là: ..."
LA_MARKER = re.compile(r"\b(?P<n>" + "|".join(LA_ORDINALS) + r")\s+là\s*[,:]\s*", re.I)

# Spoken without a comma, capitalised where a sentence starts: "Một là chúng ta đã vượt qua ...".
LA_BARE_MARKER = re.compile(
    r"\b(?P<n>" + "|".join(word.capitalize() for word in LA_ORDINALS) + r")\s+là\s+(?=[^\W\d_])"
)

# In lower case without a comma, after the ';' or ':' that ends the item before: "...: một là theo
# dõi ...; hai là cảnh báo ...".
LA_PIECE_MARKER = re.compile(r"(?<=[;:] )(?P<n>" + "|".join(LA_ORDINALS) + r")\s+là\s+(?=[^\W\d_])")

# ... and spoken after a comma, each item a clause of one sentence: "Giám đốc Sở cho biết, một là
# thiếu nguồn lực ..., hai là cán bộ còn hạn chế ..., ba là thủ tục ... còn kéo dài."
LA_SPOKEN_MARKER = re.compile(r"(?<=, )(?P<n>" + "|".join(LA_ORDINALS) + r")\s+là\s+(?=[^\W\d_])")

# "1. ...", "2) ...", "(3) ...", "4/ ..." at the start of a paragraph.
NUMBER_MARKER = re.compile(r"^\(?(?P<n>\d{1,2})[.)/]\s+(?=\S)")

# A table's row numbered in its first cell, as HTML tables come out of extraction: "| 1 | Mở rộng ... |".
# "1 - Tổ chức thành công ..." ¶ "2 - ...": a year's highlights numbered with a dash
NUMBER_DASH_MARKER = re.compile(r"^(?P<n>\d{1,2})\s*[-–]\s+(?=[^\W\d_])")

# "Về ngoại giao kinh tế, tỉnh thu hút ..." ¶ "Về đối ngoại nhân dân, ...": paragraphs that each open
# on the field they report, kept whole (the field is part of the item)
FIELD_LABEL_MARKER = re.compile(r"^(?=Về\s+[^\W\d][^,.:;!?\n]{1,50}[,:]\s+\S)")
# ... and on a short label and a colon, as pages set a bold label before each point ("Năm 2024, ngoại
# giao kinh tế có ba điểm sáng." ¶ "Ngoại giao vắc xin: Việt Nam tiếp nhận ..." ¶ "Mở cửa thị trường: ..."),
# kept whole too, and only under a lead-in that counts them
LABEL_COLON_MARKER = re.compile(r"^(?=(?!Về\s)[^\W\d_][^,.:;!?\n“”\"]{1,40}:\s+\S)")

# what every match of LABEL_COLON_MARKER holds: its colon and the space after it
LABEL_COLON_NEEDS = r":\s"

TABLE_ROW_MARKER = re.compile(r"^\|\s*(?P<n>\d{1,2})\.?\s*\|\s*(?=[^\s|])")

# "gồm: 1) ...; 2) ..." or "1. ...; 2. ..." inside a paragraph, after a colon or a semicolon (the
# marker starts at group "m", after the punctuation).
INLINE_NUMBER_MARKER = re.compile(r"[:;]\s*(?P<m>(?P<n>\d{1,2})[.)]\s+)(?=\S)")
# ... the later ones also after the full stop that closes the item before: "gồm: 1. Công tác dự báo còn
# chậm. 2. Phối hợp ... chưa chặt chẽ. 3. ..." (a run opened after a colon; never its first item)
# (The full stop first, the letter before it looked back at: a pattern opening with a literal is
# searched for that literal, one opening with a look-behind is tried at every position.)
INLINE_NUMBER_AFTER_STOP = re.compile(r"\.(?<=[^\W\d_]\.) (?P<m>(?P<n>[2-9]|1\d)[.)]\s+)(?=[^\W\d_])")

# "(1) ... (2) ..." inside a paragraph.
PAREN_NUMBER_MARKER = re.compile(r"\((?P<n>\d{1,2})\)\s+(?=\S)")

# What may come just before "(2)" in a running enumeration ("gồm (1) A, (2) B và (3) C"); a
# footnote's "(1)" follows a word ("thu hút đầu tư (1) và ...") and starts nothing.
ENUMERATION_BEFORE = re.compile(r"(?:[,;:]|\b(?:và|gồm|bao gồm|là|như|cụ thể|sau))\s*$", re.I)

# "(i) ... (ii) ..." inside a paragraph: lower-case Roman numerals in brackets.
ROMAN_NUMERALS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
ROMAN_MARKER = re.compile(r"\((?P<n>" + "|".join(ROMAN_NUMERALS) + r")\)\s+(?=\S)")

# "a) ...", "(b) ..." at the start of a paragraph or after ';' / ':' ("a. ..." at a paragraph's start only).
LETTERS = "abcdđeghik"
LETTER_MARKER = re.compile(r"(?<![^\s;:])\(?(?P<n>[" + LETTERS + r"])\)\s+(?=\S)")  # also "(a) ..."
LETTER_DOT_MARKER = re.compile(r"^(?P<n>[" + LETTERS + r"])\.\s+(?=\S)")  # "a. ..." only at a paragraph's start

# "• ...", "- ...", "+ ..." at the start of a paragraph.
BULLET_CHARS = "•-+–—*·●▪■◆❖➢►▶✓✔○◦✅☑👉🔹🔸➤➔◾▸"  # also the emoji pages use ("✅ Ký kết ...", "👉 Thu hút ...")
# The second level of a bulleted text: "- Về ngoại giao kinh tế:" ¶ "+ Tổ chức đoàn ..." ¶ "+ Hỗ trợ ...".
SUB_BULLET_CHARS = "+○◦"
BULLET_MARKER = re.compile(
    r"^[" + re.escape(BULLET_CHARS.translate({ord(c): None for c in SUB_BULLET_CHARS})) + r"]\ufe0f?\s+(?=\S)"
)
SUB_BULLET_MARKER = re.compile(r"^[" + re.escape(SUB_BULLET_CHARS) + r"]\s+(?=\S)")

# What may stand before an item's marker without being text: its bullet, or the opening quote
# each paragraph of a long quotation starts with (“Một là, ... ¶ “Hai là, ...).
BEFORE_MARKER = BULLET_CHARS + "“\"‘'( "

# A weekday is "Thứ Hai, 10/03/2025" or "Thứ Tư, ngày 5/6": a date follows.
WEEKDAY_FOLLOWS = re.compile(r"^\s*\(?(?:ngày\s+)?(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])(?!\d)", re.I)

# An item runs over at most this many paragraphs: a marker further on starts afresh, so a
# "Thứ Ba, ..." pages later does not extend a list that ended long before.
MAX_ITEM_PARAGRAPHS = 5

# Characters after which a new item may start: sentence ends, ';', ':', opening quotes.
ITEM_START_AFTER = ".!?;:…\"“”'(–-"


# A bullet's number is its place in its run of consecutive bulleted paragraphs.
BY_POSITION = -1


def _at_item_start(paragraph: str, position: int) -> bool:
    """True at the start of a paragraph, a sentence, or after ';' / ':'."""
    before = paragraph[:position].rstrip()
    return not before or before[-1] in ITEM_START_AFTER


# Where a rule's match may stand: each takes (paragraph, match, where its marker starts).
def anywhere(paragraph: str, match: re.Match[str], start: int) -> bool:
    return True


def at_item_start(paragraph: str, match: re.Match[str], start: int) -> bool:
    return _at_item_start(paragraph, start)


def spoken_or_at_item_start(paragraph: str, match: re.Match[str], start: int) -> bool:
    """Where an item starts, or spoken after a comma ("ngành cần làm tốt hai việc, trước hết là A; hai là B")."""
    return _at_item_start(paragraph, start) or bool(SPOKEN_ITEM_AFTER.search(paragraph, max(0, start - 14), start))


def in_enumeration(paragraph: str, match: re.Match[str], start: int) -> bool:
    """At an item's start or after a word that enumerates ("gồm (1) A, (2) B và (3) C")."""
    return _at_item_start(paragraph, start) or bool(ENUMERATION_BEFORE.search(paragraph, max(0, start - 12), start))


def as_ordinal(paragraph: str, match: re.Match[str], start: int) -> bool:
    """An ordinal word where an item starts (or a spoken "..., thứ hai là ..."), not a weekday
    ("Thứ Tư, 05/06") nor "lần thứ hai. sau đó" (a full stop ends an ordinal only before a capital)."""
    if not (_at_item_start(paragraph, start) or _spoken_continuation(paragraph, match, start)):
        return False
    if match.group("n").lower() != "nhất" and WEEKDAY_FOLLOWS.match(paragraph[match.end() :]):
        return False  # no weekday is "Thứ nhất": "Thứ nhất, 15/15 chỉ tiêu ..." is an item
    return not (match.groupdict().get("stop") and not paragraph[match.end() : match.end() + 1].isupper())


# What a spoken item follows: a comma, or a comma and "trong đó" ("3 bài học lớn, trong đó bài
# học đầu tiên là A, bài học thứ hai là B").
SPOKEN_ITEM_AFTER = re.compile(r",(?:\s*trong đó)?\s*$")


def _spoken_continuation(paragraph: str, match: re.Match[str], start: int) -> bool:
    """ "Thứ nhất là A, thứ hai là B": after a comma, only a lower-case "thứ ... là" (or "nhiệm vụ
    thứ hai là") starts an item; `start` is where its marker begins."""
    return (
        paragraph[start].islower()
        and bool(match.groupdict().get("la"))
        and SPOKEN_ITEM_AFTER.search(paragraph, max(0, start - 16), start) is not None
    )


# Where a rule's marker starts, given its match.
def match_start(paragraph: str, match: re.Match[str]) -> int:
    return match.start("m") if "m" in match.re.groupindex else match.start()


def noun_then_ordinal(paragraph: str, match: re.Match[str]) -> int:
    """ "Nhiệm vụ thứ ba là ...": the noun before the ordinal opens the item's marker."""
    noun = NOUN_BEFORE_ORDINAL.search(paragraph, max(0, match.start() - 24), match.start())
    return noun.start() if noun else match.start()


from re import _casefix  # type: ignore[attr-defined]  # noqa: E402, I001  (the case forms ignoring case adds)
from re import _constants as _sre  # type: ignore[attr-defined]  # noqa: E402  (the `re` module's own parser)
from re import _parser  # type: ignore[attr-defined]  # noqa: E402

# Character-class items the hint can write back ("\\s", "\\d"): others end the hint.
_CATEGORIES = {
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}


def _written(op, arg, lower: bool) -> str | None:
    """One simple parsed item (a literal, a class, a repeat of one) as pattern source, or None."""
    if op is _sre.LITERAL:
        char = chr(arg)
        return re.escape(char.lower() if lower else char)
    if op is _sre.IN:
        parts = []
        for item_op, item_arg in arg:
            if item_op is _sre.NEGATE:
                parts.append("^")
            elif item_op is _sre.LITERAL:
                parts.append(re.escape(chr(item_arg).lower() if lower else chr(item_arg)))
            elif item_op is _sre.RANGE:
                parts.append(re.escape(chr(item_arg[0])) + "-" + re.escape(chr(item_arg[1])))
            elif item_op is _sre.CATEGORY and item_arg in _CATEGORIES:
                parts.append(_CATEGORIES[item_arg])
            else:
                return None
        return "[" + "".join(parts) + "]"
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and len(arg[2]) == 1:
        inner = _written(*arg[2][0], lower)  # type: ignore[call-arg]  # (op, arg) of the repeated item
        most = "" if arg[1] is _sre.MAXREPEAT else str(arg[1])
        return None if inner is None else f"(?:{inner}){{{arg[0]},{most}}}"
    return None


def _branch_words(items) -> tuple[str, ...]:
    """The words a top-level alternation (in a group) starts with, when each starts with one."""
    for op, arg in items:
        if op is _sre.SUBPATTERN:
            return _branch_words(arg[-1])
        if op is _sre.BRANCH:
            heads = [
                "".join(chr(a) for _, a in itertools.takewhile(lambda i: i[0] is _sre.LITERAL, alt)) for alt in arg[1]
            ]
            return tuple(heads) if all(heads) else ()
    return ()


@pattern_facts.kept
def _hint(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A quick test derived from `pattern`: its longest run of literal text with the simple items
    after it ("là\\s*[,:]\\s*" out of "\\b(một|hai|...)\\s+là\\s*[,:]\\s*"), else the words its
    alternation starts with. A paragraph it does not find (lower-cased when the pattern ignores
    case) need not be searched: a literal prefix is found many times faster than a
    case-insensitive alternation is tried at every position, and most paragraphs hold no marker.
    A pattern with no literal text has its opening items (`_opening_hint`); None when the pattern
    has no such part (it is then always tried)."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    lower = bool(pattern.flags & re.I)
    best_at, _ = _longest_literal_run(items)
    words = _hint_words(pattern)
    if words:
        return re.compile("|".join(re.escape(word) for word in words))
    if best_at is None:
        return _opening_hint(items, lower)
    source = ""
    for op, arg in items[best_at:]:
        written = _written(op, arg, lower)
        if written is None:
            break
        source += written
    return re.compile(source)


@pattern_facts.kept
def _hint_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words (lower-cased when the pattern ignores case) that `_hint` makes the hint of, when
    it is the words the pattern's alternation starts with ("trước hết|trước tiên|..."), else ().
    A body holding none of them (tested by `in`: many times faster than the regex engine tries an
    alternation at every position) holds no marker of the rule."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    words = _branch_words(items)
    if not words or _longest_literal_run(items)[1] >= min(map(len, words)):
        return ()
    return tuple(word.lower() if pattern.flags & re.I else word for word in words)


def _longest_literal_run(items) -> tuple[int | None, int]:
    """Where the longest run of literal characters among parsed top-level `items` starts, and its length."""
    best_at, best_len, position = None, 0, 0
    for is_literal, group in itertools.groupby(op is _sre.LITERAL for op, _ in items):
        length = len(list(group))
        if is_literal and length > best_len:
            best_at, best_len = position, length
        position += length
    return best_at, best_len


def _opening_hint(items, lower: bool) -> re.Pattern[str] | None:
    """For a pattern with no literal text ("[:;]\\s*(?P<m>(?P<n>\\d{1,2})[.)]\\s+)"), its simple
    items from the start, its groups' items in their place ("[:;](?:[\\s]){0,}(?:[\\d]){1,2}[.)]..."),
    when one of them must match a character; else None."""
    pending, source, needs_a_character = list(items), "", False
    while pending:
        op, arg = pending.pop(0)
        if op is _sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group that sets no flag
            pending = list(arg[-1]) + pending
            continue
        written = _written(op, arg, lower)
        if written is None:
            break
        source += written
        needs_a_character = needs_a_character or op in (_sre.LITERAL, _sre.IN) or arg[0] >= 1
    return re.compile(source) if needs_a_character else None


# A hint opening with a class of at most this many characters is searched once per character.
MAX_OPENING_CHARACTERS = 4


@pattern_facts.kept
def _by_opening_character(hint: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """`hint` as one pattern per character of the class it opens with ("[:;]\\s*\\d" as ":\\s*\\d" and
    ";\\s*\\d"): a text holds a match of `hint` where it holds one of theirs, and the engine finds
    a literal opening by itself many times faster than it tests a class at every position.
    `hint` alone when it opens otherwise."""
    items = list(_parser.parse(hint.pattern, hint.flags))
    if not items or items[0][0] is not _sre.IN or len(items[0][1]) > MAX_OPENING_CHARACTERS:
        return (hint,)
    if not all(op is _sre.LITERAL for op, _ in items[0][1]):
        return (hint,)
    rest = [_written(op, arg, False) for op, arg in items[1:]]
    if None in rest:
        return (hint,)
    return tuple(re.compile(re.escape(chr(char)) + "".join(rest), hint.flags) for _, char in items[0][1])  # type: ignore[arg-type]


@pattern_facts.kept
def _start_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern anchored at the start ("^\\(?\\d{1,2}[.)/]..."), a test of the text's first
    character: the characters its leading items may open with, an optional one's and the next
    one's ("\\(|[\\d]"). None when the pattern is not anchored or opens otherwise."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if not items or items[0] != (_sre.AT, _sre.AT_BEGINNING):
        return None
    firsts: list[str] = []
    pending = items[1:]
    while pending:
        op, arg = pending.pop(0)
        if op is _sre.SUBPATTERN:
            pending = list(arg[-1]) + pending  # a group's items stand where it stands
            continue
        if op is _sre.ASSERT and arg[0] == 1:  # "^(?=Về\\s+...)": the text opens as the look-ahead does
            pending = list(arg[1])
            continue
        repeated = op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and len(arg[2]) == 1
        one_op, one_arg = arg[2][0] if repeated else (op, arg)
        written = _written(one_op, one_arg, False) if one_op in (_sre.LITERAL, _sre.IN) else None
        if written is None:
            return None
        firsts.append(written)
        if not repeated or arg[0] >= 1:
            return re.compile("|".join(firsts), pattern.flags & re.I)
    return None  # every item optional: the pattern may match nothing


@pattern_facts.kept
def _boundary_after(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern opening on a word boundary before what can only open with a word character
    ("\\b(?P<n>Một|Hai|...)\\s+là..."), the pattern without it (`_boundary_matches` asks the
    boundary of each match): the regex engine then skips to those characters by itself instead
    of trying the boundary at every position. None for any other pattern, and for one that
    ignores case (the engine cannot skip ahead in it either way)."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if pattern.flags & re.I or not pattern.pattern.startswith(r"\b") or items[:1] != [(_sre.AT, _sre.AT_BOUNDARY)]:
        return None
    firsts = first_characters(items[1:])
    if not firsts or not all(char.isalnum() or char == "_" for char in firsts):
        return None
    return re.compile(pattern.pattern[2:], pattern.flags)


def _boundary_matches(scan: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches `finditer` of "\\b" + `scan` gives (`_boundary_after`): each match of `scan`
    where no word character precedes it, the search going on one character further after any
    other (never from its end, where it could step over a match starting inside it)."""
    match = scan.search(text)
    while match:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            match = scan.search(text, start + 1)
        else:
            yield match
            match = scan.search(text, match.end())


# How many strings `_literal_strings` spells out at most.
MAX_LITERAL_STRINGS = 1000


@pattern_facts.kept
def _literal_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Every string `pattern` matches, when it is a finite set of plain strings (literals,
    classes of literal characters, groups and alternations of them: "[Tt]heo|Nhật Bản|..."),
    else None. Whether `pattern.search(text)` finds a match is then whether one of them is in
    `text`, which `directives.any_word` tests many times faster than the engine tries a long
    flat alternation at every position."""
    if pattern.flags & re.I:
        return None
    strings = _spelled(list(_parser.parse(pattern.pattern, pattern.flags)))
    return None if strings is None else tuple(dict.fromkeys(strings))


def _spelled(items) -> list[str] | None:
    """The strings the parsed `items` match, or None (`_literal_strings`)."""
    strings = [""]
    for op, arg in items:
        options: list[str] | None
        if op is _sre.LITERAL:
            options = [chr(arg)]
        elif op is _sre.IN:
            literal = all(item_op is _sre.LITERAL for item_op, _ in arg)
            options = [chr(item_arg) for _, item_arg in arg] if literal else None
        elif op is _sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group that sets no flag
            options = _spelled(arg[-1])
        elif op is _sre.BRANCH:
            branches = [_spelled(branch) for branch in arg[1]]
            options = None if None in branches else [s for branch in branches for s in branch]  # type: ignore[union-attr]
        else:
            return None
        if options is None or len(strings) * len(options) > MAX_LITERAL_STRINGS:
            return None
        strings = [string + option for string in strings for option in options]
    return strings


@pattern_facts.kept
def _literal_lead(pattern: re.Pattern[str]) -> str | None:
    """For a pattern that ignores case and opens on literal text after zero-width items
    ("\\bthứ\\s+..."), that text lower-cased: every match opens where the lower-cased text
    holds it (`_matches_at_lead`), so the engine need not try the pattern at every position,
    which it must when case is ignored. None for any other pattern, and when a letter of the
    text has a case form lower-casing does not give ("s" and "ſ": `re._casefix`)."""
    if not pattern.flags & re.I:
        return None
    items = list(itertools.dropwhile(lambda item: item[0] is _sre.AT, _parser.parse(pattern.pattern, pattern.flags)))
    lead = "".join(chr(arg) for _, arg in itertools.takewhile(lambda item: item[0] is _sre.LITERAL, items)).lower()
    if len(lead) < 2 or any(ord(char) in _casefix._EXTRA_CASES or len(char.upper()) != 1 for char in lead):
        return None
    return lead


def _matches_at_lead(pattern: re.Pattern[str], lead: str, text: str) -> Iterator[re.Match[str]]:
    """The matches `finditer` gives of a pattern every match of which opens on `lead` (lower-cased,
    `_literal_lead`): the pattern tried where the lower-cased text holds it, from the end of each
    match found."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: one character each
        low = "".join(character.lower()[0] for character in text)
    at = low.find(lead)
    while at >= 0:
        found = pattern.match(text, at)
        if found:
            yield found
        at = low.find(lead, found.end() if found and found.end() > at else at + 1)


@dataclass(frozen=True)
class MarkerRule:
    """One shape of item marker: a row of MARKER_RULES. The pattern's group "n" holds the number."""

    name: str
    family: str  # markers of one family chain into one list: "Thứ nhất" ... "Thứ hai" ...
    precedence: int  # of two lists over the same text, the lower wins
    pattern: re.Pattern[str]
    number: Callable[[str], int]  # the item's number from group "n"
    place: Callable[[str, re.Match[str], int], bool] = anywhere
    start: Callable[[str, re.Match[str]], int] = match_start
    # a pattern every match holds, for a pattern whose own parts give no hint (`_hint`): a paragraph
    # without it is not tried
    needs: str | None = None
    hint: re.Pattern[str] | None = field(init=False)
    hint_words: tuple[str, ...] = field(init=False)  # when the hint is one of these words (`_hint_words`)
    hint_scans: tuple[re.Pattern[str], ...] = field(init=False)  # the hint, one per opening character
    start_test: re.Pattern[str] | None = field(init=False)  # a paragraph's first character (`_start_test`)
    ignores_case: bool = field(init=False)
    numbered: bool = field(init=False)  # a group "n" holds the number; else BY_POSITION
    scan: re.Pattern[str] | None = field(init=False)  # the pattern without its opening "\\b" (`_boundary_after`)
    lead: str | None = field(init=False)  # the text each match opens with, lower-cased (`_literal_lead`)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scan", _boundary_after(self.pattern))
        object.__setattr__(self, "lead", _literal_lead(self.pattern))
        object.__setattr__(self, "hint", _hint(self.pattern) if self.needs is None else re.compile(self.needs))
        object.__setattr__(self, "hint_words", _hint_words(self.pattern))
        object.__setattr__(self, "hint_scans", () if self.hint is None else _by_opening_character(self.hint))
        object.__setattr__(self, "start_test", _start_test(self.pattern))
        object.__setattr__(self, "ignores_case", bool(self.pattern.flags & re.I))
        object.__setattr__(self, "numbered", "n" in self.pattern.groupindex)

    def matches(self, paragraph: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in `paragraph`, as `finditer` gives them."""
        if self.lead is not None:
            return _matches_at_lead(self.pattern, self.lead, paragraph)
        return self.pattern.finditer(paragraph) if self.scan is None else _boundary_matches(self.scan, paragraph)

    def worth_searching(self, paragraph: str, lowered: str) -> bool:
        """Whether the pattern may match in one paragraph: its opening, then its hint."""
        if self.start_test is not None and not self.start_test.match(paragraph):
            return False
        return self.worth_searching_anywhere(paragraph, lowered)

    def worth_searching_anywhere(self, text: str, lowered: str) -> bool:
        """Whether the pattern may match in some paragraph of `text` (its hint only)."""
        return self.hint is None or self.hint.search(lowered if self.ignores_case else text) is not None


def _words(table: dict[str, int]) -> Callable[[str], int]:
    return lambda word: table[word.lower()]


# Every marker shape, one row each. A new shape is one row here and one test. When lists of two
# families cover the same text, the lower precedence wins: "- Thứ nhất, ..." is a "Thứ" list
# written with dashes, and numbered items beat a ';' split (INLINE_PRECEDENCE).
MARKER_RULES = (
    # "Thứ nhất, mở rộng thị trường ... Thứ hai là ..." (also "Nhiệm vụ thứ ba là ...")
    MarkerRule("thứ ordinal", "thu", 0, THU_MARKER, _words(THU_ORDINALS), as_ordinal, noun_then_ordinal),
    # "Trước hết, ... Thứ hai, ... Cuối cùng, ..." (also "Bài học đầu tiên là ... Bài học thứ hai là ...")
    MarkerRule("sequence word", "thu", 0, SEQUENCE_MARKER, _words(SEQUENCE_WORDS), as_ordinal, noun_then_ordinal),
    # "Một là, giữ vững ...; hai là, ..."
    MarkerRule("là ordinal", "la", 1, LA_MARKER, _words(LA_ORDINALS), at_item_start),
    # "Một là chúng ta đã vượt qua ... Hai là chúng ta ..."
    MarkerRule("là ordinal, no comma", "la", 1, LA_BARE_MARKER, _words(LA_ORDINALS), at_item_start),
    # "...: một là theo dõi ...; hai là cảnh báo ..."
    MarkerRule("là ordinal after ';'", "la", 1, LA_PIECE_MARKER, _words(LA_ORDINALS)),
    # "..., một là thiếu nguồn lực ..., hai là ..."
    MarkerRule("là ordinal after ','", "la", 1, LA_SPOKEN_MARKER, _words(LA_ORDINALS)),
    # "..., trước hết là theo dõi ...; hai là cảnh báo ..."
    MarkerRule(
        "sequence word, là run", "la", 1, SEQUENCE_LA_MARKER, _words(SEQUENCE_LA_WORDS), spoken_or_at_item_start
    ),
    # "1. Mở rộng thị trường ..." ¶ "2) Thu hút ..." at a paragraph's start
    MarkerRule("number", "number", 2, NUMBER_MARKER, int),
    # "1 - Tổ chức thành công năm APEC ..." ¶ "2 - Nhiều chuyến thăm ..."
    MarkerRule("number and dash", "number", 2, NUMBER_DASH_MARKER, int),
    # "| 1 | Mở rộng thị trường |" ¶ "| 2 | ... |"
    MarkerRule("table row number", "number", 2, TABLE_ROW_MARKER, int),
    # "... gồm: 1) mở rộng ...; 2) thu hút ..."
    MarkerRule("inline number", "number", 2, INLINE_NUMBER_MARKER, int),
    # "... gồm: 1. A. 2. B. 3. C."
    MarkerRule("inline number after a full stop", "number", 2, INLINE_NUMBER_AFTER_STOP, int),
    # "... gồm (1) mở rộng ..., (2) thu hút ... và (3) ..."
    MarkerRule("bracketed number", "paren", 3, PAREN_NUMBER_MARKER, int, in_enumeration),
    # "(i) mở rộng ...; (ii) thu hút ..."
    MarkerRule("roman numeral", "roman", 4, ROMAN_MARKER, lambda n: ROMAN_NUMERALS.index(n) + 1),
    # "a) mở rộng ...; b) thu hút ..." and "(a) ..."
    MarkerRule("letter", "letter", 5, LETTER_MARKER, lambda n: LETTERS.index(n) + 1, at_item_start),
    # "a. Mở rộng ..." ¶ "b. Thu hút ..." at a paragraph's start
    MarkerRule("letter with a full stop", "letter", 5, LETTER_DOT_MARKER, lambda n: LETTERS.index(n) + 1),
    # "- Mở rộng ..." ¶ "- Thu hút ..." (numbered by their place in the run)
    MarkerRule("bullet", "bullet", 6, BULLET_MARKER, lambda _: BY_POSITION),
    # "Về ngoại giao kinh tế, ..." ¶ "Về đối ngoại nhân dân, ..." under a lead-in that counts them
    MarkerRule("field label", "field", 6, FIELD_LABEL_MARKER, lambda _: BY_POSITION),
    # "Ngoại giao vắc xin: ..." ¶ "Mở cửa thị trường: ..." under a lead-in that counts them
    # (tried only in the paragraphs holding a colon and a space: most hold none, and it has no hint)
    MarkerRule("label and colon", "label", 6, LABEL_COLON_MARKER, lambda _: BY_POSITION, needs=LABEL_COLON_NEEDS),
    # "+ Tổ chức đoàn ..." ¶ "+ Hỗ trợ ..." under a dash (or alone): a list of its own; where a dash
    # list holds it, the dash list wins
    MarkerRule("sub-bullet", "sub-bullet", 7, SUB_BULLET_MARKER, lambda _: BY_POSITION),
)

# A ';' split after a colon yields to every marker family.
INLINE_PRECEDENCE = 1 + max(rule.precedence for rule in MARKER_RULES)


@dataclass(frozen=True)
class Marker:
    """An item marker found in the body: its family, number and place."""

    family: str
    ordinal: int
    start: int  # offset in the body where the marker begins
    content: int  # offset in the body where the item's text begins
    paragraph: int
    precedence: int = 0


def _paragraph_markers(paragraph: str, offset: int, index: int, rules: Sequence[MarkerRule]) -> list[Marker]:
    """The markers of the `rules` (those worth searching in it) in one paragraph."""
    markers = []
    for rule in rules:
        for match in rule.matches(paragraph):
            start = rule.start(paragraph, match)
            if rule.place(paragraph, match, start):
                number = rule.number(match.group("n")) if rule.numbered else BY_POSITION
                markers.append(
                    Marker(rule.family, number, offset + start, offset + match.end(), index, rule.precedence)
                )
    return markers


def find_markers(paragraphs: list[str], starts: list[int] | None = None) -> list[Marker]:
    """Every item marker in the body, in reading order. Each rule is tried only in the
    paragraphs that pass its quick tests (`_rules_by_paragraph`). `starts`: the paragraphs'
    offsets (`paragraph_starts`), when the caller has them."""
    markers: list[Marker] = []
    starts = paragraph_starts(paragraphs) if starts is None else starts
    for index, (paragraph, offset, rules) in enumerate(
        zip(paragraphs, starts, _rules_by_paragraph(paragraphs, starts))
    ):
        if rules:
            markers += _paragraph_markers(paragraph, offset, index, rules)
    return sorted(markers, key=lambda m: m.start)


def _rules_by_paragraph(paragraphs: list[str], starts: list[int] | None = None) -> list[tuple[MarkerRule, ...]]:
    """For each paragraph, the MARKER_RULES (in order) that pass `MarkerRule.worth_searching` in
    it, worked out for the whole body at once: a start test by the paragraph's first character
    (`_opening_rules`, worked out once per character), a hint searched once in the body with its
    matches given to the paragraphs by bisection (`directives.spans_holding`; rules with the
    same hint share the search), or, after a start test, in the few paragraphs that passed it."""
    whole = PARAGRAPH_BREAK.join(paragraphs)
    # once for the body (lower-casing paragraph by paragraph cost more), one character per
    # character (offsets hold), and kept for the directive finder, which reads it too
    lowered = lowered_body(whole)
    starts = paragraph_starts(paragraphs) if starts is None else starts
    spans = [(start, start + len(paragraph)) for start, paragraph in zip(starts, paragraphs)]
    masks = [_opening_rules(paragraph[0]) if paragraph else 0 for paragraph in paragraphs]
    held: dict[tuple[str, bool], set[int]] = {}
    for bit, rule in enumerate(MARKER_RULES):
        flag = 1 << bit
        text = lowered if rule.ignores_case else whole
        if rule.hint_words and not any(word in text for word in rule.hint_words):
            masks = [mask & ~flag for mask in masks]  # none of the words its hint is: no paragraph passes it
        elif rule.start_test is not None:
            if rule.hint is not None:
                masks = [
                    mask & ~flag
                    if mask & flag and not any(scan.search(text, *span) for scan in rule.hint_scans)
                    else mask
                    for mask, span in zip(masks, spans)
                ]
        elif rule.hint is not None:
            for scan in rule.hint_scans:
                shared = (scan.pattern, rule.ignores_case)
                if shared not in held:
                    held[shared] = spans_holding(scan, text, spans)
                for number in held[shared]:
                    masks[number] |= flag
        else:
            masks = [mask | flag for mask in masks]
    return [_rules_of(mask) for mask in masks]


@lru_cache(maxsize=256)
def _opening_rules(character: str) -> int:
    """The MARKER_RULES (bit n for rule n) whose start test passes in a paragraph opening with
    `character`: a start test reads the first character only (`_start_test`)."""
    return sum(
        1 << bit for bit, rule in enumerate(MARKER_RULES) if rule.start_test and rule.start_test.match(character)
    )


@lru_cache(maxsize=256)
def _rules_of(mask: int) -> tuple[MarkerRule, ...]:
    """The MARKER_RULES whose bits `mask` sets, in order."""
    return tuple(rule for bit, rule in enumerate(MARKER_RULES) if mask >> bit & 1)


def chain_markers(markers: list[Marker], labels: frozenset[int] = frozenset()) -> list[list[Marker]]:
    """Runs of one family numbered 1, 2, 3 ...; bullets chain by consecutive paragraphs, past the
    "+" items nested in them, and past the one paragraph explaining a bullet that is a label
    ending with a colon (`labels`: such paragraphs' numbers): "- Về thể chế:" ¶ "Hoàn thiện ..." ¶ "- Về ..."."""
    runs: list[list[Marker]] = []
    open_runs: dict[str, list[Marker]] = {}
    unclosed: list[list[Marker]] = []  # runs "Bên cạnh đó" went on with, until "Cuối cùng" closes them
    nested = {marker.paragraph for marker in markers if marker.family == "sub-bullet"}
    for marker in markers:
        run = open_runs.get(marker.family)
        if marker.ordinal == BY_POSITION:
            between = range(run[-1].paragraph + 1, marker.paragraph) if run else range(0)
            follows = run and (
                marker.paragraph == run[-1].paragraph + 1
                or (marker.family == "bullet" and all(p in nested for p in between))  # "+" items nest in a dash item
                or (
                    run[-1].paragraph in labels
                    and marker.paragraph == run[-1].paragraph + 2
                    and (len(run) == 1 or run[-1].paragraph - run[-2].paragraph == 2)
                )
            )  # every item a heading over a paragraph
            marker = replace(marker, ordinal=len(run or ()) + 1 if follows else 1)
        near = run and marker.paragraph - run[-1].paragraph <= MAX_ITEM_PARAGRAPHS
        if marker.ordinal == NEXT_ORDINAL:  # "Cuối cùng, ..." ends the run it closely follows
            if run and len(run) >= 2 and marker.paragraph - run[-1].paragraph <= 1:
                run.append(replace(marker, ordinal=run[-1].ordinal + 1))
                open_runs.pop(marker.family)
                unclosed = [other for other in unclosed if other is not run]
            continue
        if marker.ordinal == THEN_ORDINAL:  # "Tiếp đó là ..." goes on with the run it closely follows
            if run and marker.paragraph - run[-1].paragraph <= 1:
                run.append(replace(marker, ordinal=run[-1].ordinal + 1))
            continue
        if marker.ordinal == BESIDES_ORDINAL:  # "Bên cạnh đó, ..." right after a run's first item
            if run and len(run) == 1 and marker.paragraph - run[-1].paragraph <= 1:
                run.append(replace(marker, ordinal=2))
                unclosed.append(run)
            continue
        if run and near and marker.ordinal == run[-1].ordinal + 1:
            run.append(marker)
            continue
        if marker.ordinal == 1:
            open_runs[marker.family] = [marker]
            runs.append(open_runs[marker.family])
    return [run for run in runs if len(run) >= 2 and not any(run is other for other in unclosed)]


# ---------------------------------------------------------------------------------------------
# Items


@dataclass(frozen=True)
class Span:
    start: int
    end: int


# (not "đến cùng", to the end: "chưa được theo dõi đến cùng")
TRAILING_CONJUNCTION = re.compile(r"(?<!\bđến)\s+(?:và|hoặc|cùng)$")
# "...; và củng cố an ninh lương thực": the joining "và" before the last piece is not its text.
LEADING_CONJUNCTION = re.compile(r"(?:và|hoặc)\s+(?=\S)")
# The characters it may open with, tested before it is tried (None: any).
LEADING_CONJUNCTION_OPENS = opening_characters(LEADING_CONJUNCTION)


def _trim(body: str, start: int, end: int) -> Span:
    """Shrink a span past surrounding white space, joining punctuation and one final full stop.

    Items then read alike whether the press ended them with ";" or "." ("... dự báo." and
    "... dự báo;" both give "... dự báo"); an ellipsis ("...", "…") is kept.
    """
    while start < end and (body[start].isspace() or body[start] in ",;:"):
        start += 1
    opens = LEADING_CONJUNCTION_OPENS
    if (
        start < end
        and (opens is None or body[start] in opens)
        and (conjunction := LEADING_CONJUNCTION.match(body, start, end))
    ):
        start = conjunction.end()
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;|"):
        end -= 1  # "|": the closing bar of a table row
    closes = TRAILING_CONJUNCTION_CLOSES
    if (closes is None or (end > start and body[end - 1] in closes)) and (
        conjunction := TRAILING_CONJUNCTION.search(body, max(start, end - 8), end)  # the tail only: fast
    ):
        return _trim(body, start, conjunction.start())  # "(2) B và (3) C": "và" joins, it is not B's
    if end - start > 1 and body[end - 1] == "." and body[end - 2] != ".":
        end -= 1
    if end > start and body[end - 1] in '”"' and _unbalanced_closing_quote(body[start:end]):
        return _trim(body, start, end - 1)  # “Thứ nhất, ... Thứ sáu, ... tham mưu”.
    return Span(start, end)


@pattern_facts.kept
def _closing_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """For a pattern that ends with "$" after literal text or an alternation of it ("\\s+(?:và|hoặc
    |cùng)$"), the characters a text it matches in ends with: the last one of each string it may
    end with, and a line break ("$" also matches before a text's final line break); a text ending
    otherwise holds no match. None for any other pattern."""
    if pattern.flags & (re.M | re.I):
        return None
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if len(items) < 2 or items[-1] != (_sre.AT, _sre.AT_END):
        return None
    strings = _spelled(items[-2:-1])
    if not strings or "" in strings:
        return None
    return frozenset(string[-1] for string in strings) | {"\n"}


# The characters an item's tail must end with for TRAILING_CONJUNCTION to be searched in it.
TRAILING_CONJUNCTION_CLOSES = _closing_characters(TRAILING_CONJUNCTION)


def _unbalanced_closing_quote(text: str) -> bool:
    """A closing quote that ends `text` and opens nowhere in it: the quote began before the list."""
    if text.endswith("”"):
        return text.count("“") < text.count("”")
    return text.endswith('"') and text.count('"') % 2 == 1


def _paragraph_end(body: str, position: int) -> int:
    end = body.find("\n\n", position)
    return len(body) if end < 0 else end


# A quotation's attribution after its closing mark: '..." - Bộ trưởng Bùi Thanh Sơn nói.' or
# '...”, Thủ tướng nhấn mạnh.' It ends the last item of a quoted list; it is not item text.
QUOTE_ATTRIBUTION = re.compile(
    r"[”\"]\s*(?:[,–-]\s*)[^.!?”\"]{0,100}?\b(?:nói|cho biết|nhấn mạnh|khẳng định|chia sẻ|cho hay|phát"
    r" biểu)\b[^.!?]{0,40}[.!?]?\s*$"
)


# A sentence after the last item that sums the list up: "Đó là 2 nhiệm vụ trọng tâm năm 2025 mà
# Bộ trưởng nêu." It is not item text; it may be the list's only lead-in.
WRAP_UP = re.compile(r"(?<=[.!?…])\s+(?=(?:Đó|Đây|Trên đây)(?: cũng| chính)? là\b)")


def _last_item_end(body: str, start: int, limit: int | None = None) -> int:
    """The last item runs to the end of its paragraph, short of a trailing quote attribution or
    a wrap-up sentence; a marker alone on its line ("Thứ hai:") has its text in the next
    paragraph. `limit`: where the next list of the same shape begins, whose lead-in (the
    sentence before it) is not this item's either."""
    end = _paragraph_end(body, start)
    if end < len(body) and not body[start:end].strip(" \n:,;.–-"):
        end = _paragraph_end(body, end + 2)
    end = _over_bullets_below(body, start, end)
    if limit is not None and limit < end:
        sentence_end = max(body.rfind(stop, start, limit) for stop in (". ", "! ", "? "))
        end = sentence_end + 1 if sentence_end > start else limit
    if wrap_up := WRAP_UP.search(body, start, end):
        end = wrap_up.start()
    attribution = QUOTE_ATTRIBUTION.search(body, start, end)
    return attribution.start() if attribution else end


# How many bulleted paragraphs a last item ending with a colon may take in ("2. Yêu cầu:" ¶ "- ..." ¶ "- ...").
MAX_BULLETS_BELOW = 12


def _over_bullets_below(body: str, start: int, end: int) -> int:
    """An item that ends with a colon ("2. Yêu cầu:", "- Về công tác lãnh sự:") holds the bulleted
    paragraphs right under it."""
    text = body[start:end].strip()
    if not (text.endswith(":") or _bare_label(text)):
        return end
    for _ in range(MAX_BULLETS_BELOW):
        following = end + len(PARAGRAPH_BREAK)
        if following >= len(body) or body[following] not in BULLET_CHARS:
            break
        end = _paragraph_end(body, following)
    return end


def item_spans(body: str, run: list[Marker], limit: int | None = None) -> list[Span]:
    """Each item runs to the next marker; the last one to the end of its paragraph (or `limit`)."""
    spans: list[Span] = []
    for marker, following in zip(run, run[1:] + [None]):
        end = following.start if following else _last_item_end(body, marker.content, limit)
        if following is None and _semicolon_run(body, run):
            end = _sentence_end(body, marker.content, end)
        paragraph_break = body.rfind("\n\n", marker.content, end)
        if paragraph_break >= 0 and not body[paragraph_break:end].strip(BEFORE_MARKER + "\n"):
            end = paragraph_break  # the next item's bullet ("- Thứ hai") or quote is not this item's text
        end = _before_next_bullet(body, marker.content, end)
        if following is None and spans and all("\n\n" in body[span.start : span.end] for span in spans):
            end = _explained_below(body, marker.content, end, _closed_headings(body, spans))
        spans.append(_trim(body, marker.content, end))
    return spans


def _closed_headings(body: str, spans: list[Span]) -> bool:
    """Every item so far a one-sentence heading closed by a full stop over one paragraph ("1. Hoạt
    động đối ngoại cấp cao diễn ra sôi động." ¶ "Trong năm, ..."): a year's highlights."""
    for span in spans:
        parts = body[span.start : span.end].split(PARAGRAPH_BREAK)
        if len(parts) != 2 or not parts[0].rstrip().endswith(".") or len(sentence_spans(parts[0])) != 1:
            return False
    return True


def _explained_below(body: str, start: int, end: int, closed: bool = False) -> int:
    """The last of items that are each a heading and a paragraph explaining it ("1. Đổi mới tư duy
    đối ngoại" ¶ "Ngành ngoại giao cần ..."): a heading that no punctuation closes takes the
    paragraph under it, as the items before it did; so does a closed one-sentence heading when
    every heading before it was closed too (`closed`)."""
    heading = body[start:end].strip()
    following = end + len(PARAGRAPH_BREAK)
    if not heading or "\n\n" in heading or following >= len(body):
        return end
    if heading[-1] in CLOSING.replace(":", "") and not (
        closed and heading[-1] == "." and len(sentence_spans(heading)) == 1
    ):
        return end
    if (
        len(heading.split()) > SECTION_HEADING_WORDS * (2 if closed else 1)
        or body[following] in BULLET_CHARS
        or NOT_AN_ITEM.match(body, following)
    ):
        return end
    return _paragraph_end(body, following)


def _semicolon_run(body: str, run: list[Marker]) -> bool:
    """All items in one paragraph, each but the last closed by ';': "...: một là, A; hai là, B."."""
    if run[0].paragraph != run[-1].paragraph:
        return False
    return all(body[m.content : nxt.start].rstrip(BULLET_CHARS + " ").endswith(";") for m, nxt in zip(run, run[1:]))


def _sentence_end(body: str, start: int, end: int) -> int:
    """Where the sentence that opens at `start` ends, within `end`: the last item of a ';' run
    ends with its sentence ("...; ba là, C. Hội nghị diễn ra trong một ngày.")."""
    stop = min((i for i in (body.find(mark, start, end) for mark in (". ", "! ", "? ")) if i >= 0), default=-1)
    return stop + 1 if stop >= 0 else end


def _before_next_bullet(body: str, start: int, end: int) -> int:
    """Short of the next item's bullet when items share a line ("A; - Hai là, B")."""
    stop = min(end, len(body))
    while stop > start and body[stop - 1].isspace():  # (the item's tail only, not a copy of it stripped)
        stop -= 1
    if stop - start > 1 and body[stop - 1] in BULLET_CHARS and body[stop - 2].isspace():
        return stop - 1
    return end


def _inline_pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the ';' pieces of `text`; the last piece stops at its sentence's end, a
    sentence glued to it included ("... doanh nghiệp nhỏ.Hội nghị kết thúc ...")."""
    pieces, start = [], 0
    for match in re.finditer(";", text):
        pieces.append((start, match.start()))
        start = match.end()
    tail = text[start:]
    first_sentence = sentence_spans(tail)[:1]
    end = start + (first_sentence[0][1] if first_sentence else len(tail))
    glued = _sentences_of(text, start, end)
    pieces.append((start, glued[0][1] if glued else end))
    return pieces


def _merge_continuations(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A lower-case piece continues the previous one when the list's first piece is capitalised,
    unless the whole list is one sentence whose other pieces are all lower case: its capital then
    only opens the sentence ("khẳng định: “Quan hệ ... được mở rộng; vị thế ... được nâng lên”")."""
    if not is_capitalised(text[pieces[0][0] : pieces[0][1]]):
        return pieces
    later_capitals = any(is_capitalised(text[start:end]) for start, end in pieces[1:])
    if not later_capitals and len(sentence_spans(text[pieces[0][0] : pieces[-1][1]])) == 1:
        return pieces
    merged = [pieces[0]]
    for start, end in pieces[1:]:
        if is_capitalised(text[start:end]):
            merged.append((start, end))
        else:
            merged[-1] = (merged[-1][0], end)
    return merged


SEMICOLON = re.compile(";")
FULL_STOP = re.compile(r"\. ")  # a full stop that ends a sentence, in `_intros`


def _intros(paragraph: str, folded: str | None = None) -> list[tuple[int, int, InlineIntro]]:
    """(start, end, row) of every INLINE_INTROS lead-in in a paragraph, in reading order.
    `folded` is the paragraph folded, when the caller has it."""
    folded = fold(paragraph) if folded is None else folded  # one character per character: offsets hold
    semicolons = [m.start() for m in SEMICOLON.finditer(folded)]
    stops = [m.start() for m in FULL_STOP.finditer(folded)]
    rows = _ROWS_BY_SEMICOLONS[min(len(semicolons), len(_ROWS_BY_SEMICOLONS) - 1)]
    found = [(m.start(), m.end(), intro) for intro in rows for m in intro.finditer(folded, semicolons, stops)]
    return sorted(found, key=lambda f: f[0])


def _quoted_phrase(paragraph: str, lead_end: int) -> bool:
    """Whether a lead-in stands inside a quotation that closes before the first ';': a phrase
    quoted ("nguyên tắc “Kỷ cương đi trước - kết quả là thước đo”; nâng cao ..."), not a list's
    lead-in. A list quoted whole (“... ba trọng tâm là: A; B; C”) closes after its last item."""
    before = paragraph[:lead_end]
    first = paragraph[lead_end : (paragraph.find(";", lead_end) + 1 or len(paragraph) + 1) - 1]
    curly = before.count("“") > before.count("”") and "”" in first
    return curly or (before.count('"') % 2 == 1 and '"' in first)


def _sentence_stop(paragraph: str, start: int) -> int:
    """Where the sentence running at `start` ends (after its full stop), or the paragraph's end."""
    spans = sentence_spans(paragraph[start:])
    return start + spans[0][1] if spans else len(paragraph)


def _may_hold_a_list(paragraph: str) -> bool:
    """A cheap test first: a ';' list has a ';', a comma list a ',' and a word that leads in (after
    "là", a counted list's "và": "hai trọng tâm là A và B", "ba trọng tâm là A, B và C")."""
    return ";" in paragraph or (
        "," in paragraph
        and any(map(paragraph.__contains__, COMMA_LEAD_WORDS))
        or " và " in paragraph
        and " là " in paragraph
        or ": " in paragraph
        and DASH_SEPARATOR.search(paragraph) is not None
    )


def inline_lists(
    paragraph: str, folded: str | None = None
) -> list[tuple[int, list[tuple[int, int]], list[tuple[int, int]], InlineIntro]]:
    """(lead-in end, merged pieces, raw pieces, row) for each ';' list of a paragraph
    (`folded`: the paragraph folded, when the caller has it)."""
    return _inline_lists(paragraph, folded) if _may_hold_a_list(paragraph) else []


def _inline_lists(
    paragraph: str, folded: str | None
) -> list[tuple[int, list[tuple[int, int]], list[tuple[int, int]], InlineIntro]]:
    """`inline_lists` of a paragraph that passed its cheap test (`_may_hold_a_list`)."""
    found: list = []
    intros = _intros(paragraph, folded)
    resume_at = 0
    for number, (intro_start, intro_end, intro) in enumerate(intros):
        if intro_start < resume_at:
            continue  # a colon inside the list found before: part of an item
        if _quoted_phrase(paragraph, intro_end) or (intro.name == "colon" and _speaker_label(paragraph, intro_start)):
            continue
        later = [i for i in intros[number + 1 :] if i[0] >= intro_end]
        rest_end = _next_lead_in(paragraph, intro_end, [i for i in later if i[2].strong])
        if intro.one_sentence:
            rest_end = min(rest_end, _sentence_stop(paragraph, intro_end))
        if intro.yields and any(start < rest_end for start, _, _ in later):
            continue  # "Hội nghị đã thảo luận ..., từ đó đặt ra một số trọng tâm như: A; B; C"
        if intro.separator == ",":
            pieces = _comma_items(paragraph, intro_start, intro_end, rest_end)
            split = (pieces, pieces) if pieces else None
        elif intro.runs_on and (pieces := _sentence_items(paragraph, intro_start, intro_end, rest_end)):
            split = (pieces, pieces)
        else:
            split = _semicolon_items(paragraph, intro_start, intro_end, rest_end, later)
        if not split and intro.strong and (pieces := _dash_items(paragraph, intro_start, intro_end, rest_end)):
            split = (pieces, pieces)
        if split:
            found.append((intro.lead_end(intro_start, intro_end), *split, intro))
            resume_at = split[1][-1][1]
    return found


# An interview's answer labelled by its speaker ("Phó Thủ tướng Phạm Bình Minh: Muốn đánh giá ...; IMF
# ước tính ..."): the colon after a titled name leads into what the speaker says, not into a list.
SPEAKER_LABEL_CHARS = 80


def _speaker_label(paragraph: str, colon: int) -> bool:
    """Whether the paragraph opens with a speaker's title and name alone, up to the colon at `colon`."""
    return colon <= SPEAKER_LABEL_CHARS and TITLED_NAME.fullmatch(paragraph, 0, colon) is not None


def _semicolon_items(
    paragraph: str, intro_start: int, start: int, end: int, later: list[tuple[int, int, InlineIntro]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """(merged, raw) pieces of a ';' list between `start` and `end`, or None."""
    if ";" not in paragraph[start:end]:
        return None
    raw = [(start + s, start + e) for s, e in _inline_pieces(paragraph[start:end])]
    raw = _with_consequences(paragraph, [piece for piece in raw if paragraph[piece[0] : piece[1]].strip()])
    raw = _before_a_request(paragraph, raw)
    if len(raw) < 2 or any(raw[0][0] <= i[0] < raw[0][1] for i in later if i[2].strong):
        return None  # 'nhấn mạnh: “Năm 2025 cần: A; B”': the lead-in nearest the pieces leads them in
    raw[-1] = (raw[-1][0], _before_predicate(paragraph, intro_start, *raw[-1]))
    return _merge_continuations(paragraph, raw), raw


# A ';' piece that draws a consequence from the one before goes on with it, no item of its own:
# "nước ta phải tăng trưởng 2 con số; vì vậy, mọi ngành cũng phải ...", "...; từ đó đề xuất ...".
CONSEQUENCE_OPENING = re.compile(r"\s*(?:vì vậy|vì thế|do đó|do vậy|bởi vậy|từ đó|qua đó|nhờ đó|nhờ vậy)\b")


# A ';' piece that asks something of someone after pieces that do not is the sentence's next
# clause, no item: "... với ba trụ cột: A - B - C; đề nghị Đảng ủy Bộ Ngoại giao ..." (a list of
# requests, each piece opening so, stays a list).
REQUEST_OPENING = re.compile(r"\s*(?:đồng thời,?\s+)?(?:đề nghị|yêu cầu)\s+(?=\w)", re.I)


def _before_a_request(paragraph: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`pieces` up to the first that opens with a request, when the first does not."""
    if not pieces or REQUEST_OPENING.match(paragraph, pieces[0][0]):
        return pieces
    cut = next((n for n, (start, _) in enumerate(pieces) if REQUEST_OPENING.match(paragraph, start)), len(pieces))
    return pieces[:cut]


def _with_consequences(paragraph: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined = pieces[:1]
    for start, end in pieces[1:]:
        if CONSEQUENCE_OPENING.match(paragraph, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# A sentence end, spaced or glued to the next sentence ("... phát triển KTXH.Giải quyết ...",
# '... công dân."Điều cuối cùng ...'): a capital (after an opening quote) must follow.
SENTENCE_END = re.compile(r"[.!?…]+[\"”’]?\s*(?=[\"“‘]?[^\W\d_])")

# "TP.Hồ Chí Minh", "PGS.TS": a short capitalised abbreviation before a full stop ends nothing.
ABBREVIATION = re.compile(r"(?:^|\W)[^\W\d_]{1,3}$")

# Sentences that tell of the list rather than add to it: the wrap-up, a new speaker or scene.
NOT_AN_ITEM = re.compile(
    r"[\"“‘]?(?:Đó|Đây|Trên đây|Như vậy|Theo|Hội nghị|Bộ trưởng|Thủ tướng|Thứ trưởng|Ông|Bà|Phát biểu|Tại|Kết thúc"
    r"|Ngoài ra|Bên cạnh đó|Trước đó|Sau đó)\b"
)


def _sentences_of(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence between `start` and `end`, glued ones too."""
    spans, begin = [], start
    for match in SENTENCE_END.finditer(paragraph, start, end):
        if not paragraph[match.end() :].lstrip('"“‘')[:1].isupper():
            continue
        if match.group().startswith(".") and ABBREVIATION.search(
            paragraph, max(start, match.start() - 5), match.start()
        ):
            if paragraph[match.start() - 1].isupper() and match.end() == match.start() + 1:
                continue  # "TP.Hồ Chí Minh"
        spans.append((begin, match.end()))
        begin = match.end()
    if paragraph[begin:end].strip():
        spans.append((begin, end))
    return spans


def _lead_sentence(paragraph: str, lead_start: int) -> str:
    sentences = _sentences_of(paragraph, 0, lead_start)
    return paragraph[sentences[-1][0] : lead_start] if sentences else ""


def _sentence_items(paragraph: str, lead_start: int, start: int, end: int) -> list[tuple[int, int]] | None:
    """Items written as sentences after a colon lead-in that announces them ("những việc trọng
    tâm thời gian tới là: Nâng cao ...; đưa ... . Tiếp tục ... . Thực hiện ..."), each sentence
    and each ';' piece one item, to the paragraph's end or a sentence that tells of the list
    rather than adds to it; a quotation's attribution ('...", Bộ trưởng nói.') is not an item.
    None unless there are two sentences or more, all capitalised, and as many pieces as announced."""
    lead = _lead_sentence(paragraph, lead_start)
    count, noun = announced(lead)
    if noun is None or LIST_NOUNS[noun] == "agenda" or DISCUSSION.search(fold(lead)):
        # What a meeting discussed ("các nội dung gồm: Đánh giá ... . Triển vọng ...") is summed up, not listed.
        return None
    if not is_capitalised(paragraph[start : start + 4]):
        return None
    if attribution := QUOTE_ATTRIBUTION.search(paragraph, start, end):
        end = attribution.start() + 1
    sentences = []
    for begin, stop in _sentences_of(paragraph, start, end):
        if NOT_AN_ITEM.match(paragraph, begin) or not is_capitalised(paragraph[begin:stop]):
            break
        sentences.append((begin, stop))
    if len(sentences) < 2:
        return None
    pieces = [(begin + s, begin + e) for begin, stop in sentences for s, e in _semicolon_pieces(paragraph[begin:stop])]
    pieces = [piece for piece in pieces if paragraph[piece[0] : piece[1]].strip(' .;"“”')]
    return pieces if count is None or len(pieces) == count else None


# The "và" that joins a list's last item ("A, B và C"), or one inside an item's own series.
AND = re.compile(r"\s+và\s+")
# What a comma list's lead-in holds, one of them at least (the quick test before any search).
COMMA_LEAD_WORDS = (":", "như", "gồm")
# A comma list has at least this many items unless its lead-in counts them.
COMMA_LIST_ITEMS = 3
# A comma list left open ("C…", "C...", "C, v.v."): with no final "và", an item holding one
# finishes the item before it. A list closed without one ("khó khăn như: thiếu vốn, thiếu thông tin
# về thị trường và chính sách, chi phí còn cao.") keeps its "và" inside its items.
LEFT_OPEN = re.compile(r"(?:…|\.\.\.?|\bv\.v\.?)\W*$")


def _comma_items(paragraph: str, lead_start: int, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a comma list in one sentence ("các dấu ấn như: A, B, C…", "3 bài học gồm: A, B
    và C"). A final "và" joins the last item; a list left open ("C…") has no such "và", and an
    item holding one ("hoạt động nghiên cứu, dự báo và tham mưu") finishes the item before it."""
    if ";" in paragraph[start:end]:
        return None
    pieces, begin = [], start
    for match in re.finditer(r",\s+", paragraph[start:end]):
        pieces.append((begin, start + match.start()))
        begin = start + match.end()
    pieces.append((begin, end))
    last_and = list(AND.finditer(paragraph, pieces[-1][0], pieces[-1][1]))
    if last_and:
        pieces[-1:] = [(pieces[-1][0], last_and[-1].start()), (last_and[-1].end(), pieces[-1][1])]
    elif LEFT_OPEN.search(paragraph, pieces[-1][0], pieces[-1][1]):
        merged = pieces[:1]
        for piece in pieces[1:]:
            if AND.search(paragraph, *piece):
                merged[-1] = (merged[-1][0], piece[1])
            else:
                merged.append(piece)
        pieces = merged
    count, _ = announced(_lead_sentence(paragraph, lead_start))
    enough = len(pieces) == count if count else len(pieces) >= COMMA_LIST_ITEMS
    return pieces if enough and all(paragraph[s:e].strip() for s, e in pieces) else None


# Items parted by spaced dashes after a counted lead-in, up to the sentence's end or a ';': "tập
# trung vào ba trụ cột: thu hút đầu tư - mở rộng thị trường - chuyển đổi xanh; đề nghị ...". Only
# as many as counted, each opening with a verb of action (directives.NAMED_ACTION): a dash also
# sets off a clause, a range, a place ("Hà Nội - Hải Phòng") or the parts of a whole ("ba trụ cột:
# ngoại giao chính trị - ngoại giao kinh tế - ngoại giao văn hóa").
DASH_SEPARATOR = re.compile(r"\s[-–—]\s")


def _dash_items(paragraph: str, lead_start: int, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a dash list after a counted lead-in ending at `start`, or None."""
    semicolon = paragraph.find(";", start, end)
    stop = min(end if semicolon < 0 else semicolon, _sentence_stop(paragraph, start))
    pieces, begin = [], start
    for match in DASH_SEPARATOR.finditer(paragraph, start, stop):
        pieces.append((begin, match.start()))
        begin = match.end()
    pieces.append((begin, stop))
    count, _ = announced(_lead_sentence(paragraph, lead_start))
    if len(pieces) < 2 or count != len(pieces):
        return None
    if not all(NAMED_ACTION.match(paragraph[s:e].strip()) for s, e in pieces):
        return None  # "ba trụ cột: ngoại giao chính trị - ngoại giao kinh tế - ...", "Hà Nội - Hải Phòng"
    return pieces


def _semicolon_pieces(text: str) -> list[tuple[int, int]]:
    pieces, begin = [], 0
    for match in re.finditer(";", text):
        pieces.append((begin, match.start()))
        begin = match.end()
    return pieces + [(begin, len(text))]


def _before_predicate(paragraph: str, lead_start: int, start: int, end: int) -> int:
    """A list that is its sentence's subject ("Bốn ưu tiên ...: A; B; C; D đã nhận được sự ủng
    hộ ...") ends where the sentence's own predicate begins."""
    if " là " in paragraph[start:end] and (counted_after := TRAILING_COUNT.search(fold(paragraph[start:end]))):
        return start + counted_after.start()  # "... là 5 bài học được Thủ tướng nêu ra"
    sentence_start = max(paragraph.rfind(mark, 0, lead_start) for mark in (". ", "! ", "? ")) + 1
    if not ANNOUNCED.match(fold(paragraph[sentence_start:lead_start]).lstrip(' "“')):
        return end
    predicate = PREDICATE.search(paragraph, start, end)
    return predicate.start() if predicate else end


def _next_lead_in(paragraph: str, start: int, later_intros: list[tuple[int, int, InlineIntro]]) -> int:
    """Where the sentence that leads into the next ';' list begins ("... kỷ lục. Năm 2025 cần 2
    nhiệm vụ gồm: ..."), or the paragraph's end: a list's pieces never run into the next list."""
    for later_start, _, _ in later_intros:
        stop = max(paragraph.rfind(mark, start, later_start) for mark in (". ", "! ", "? "))
        if stop >= 0:
            return stop + 1
    return len(paragraph)


# ---------------------------------------------------------------------------------------------
# Lead-in: kind, count, target year


@dataclass(frozen=True)
class InlineIntro:
    """One way a ';' list is led into inside a paragraph: a row of INLINE_INTROS. Both patterns
    are matched on the folded paragraph (no marks, lower case): `pattern` finds the word that
    leads into the pieces, `before` (if any) must end the text just before it. Split so that
    the costly part (an alternation of list nouns) is tried only where the cheap one matched."""

    name: str
    pattern: re.Pattern[str]
    before: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None  # what must not end the text just before it
    one_sentence: bool = True  # the pieces end with the lead-in's sentence
    runs_on: bool = False  # items may be sentences running on to the paragraph's end
    separator: str = ";"  # "," for a list of short items joined by commas and a final "và"
    # A strong lead-in (a colon, a count) ends the list before it and, inside that list's first
    # piece, leads the pieces in instead; a weak one ("ưu tiên hàng đầu là") inside a list does neither.
    strong: bool = False
    precedence: int = INLINE_PRECEDENCE  # a ';' split yields to every marker family
    counted_after: bool = False  # the pieces' sentence ends by counting them ("... là 5 bài học ...")
    min_pieces: int = 2  # ';' pieces its sentence must hold after it
    yields: bool = False  # leads into nothing where another lead-in follows in its pieces
    # how far before its joining word `before` and `unless` read (a lead-in's list noun: "bốn ưu tiên lớn về")
    window: int = 60
    lead_in: str = "before"  # "before": the lead-in ends where the pattern starts (the colon);
    # "through": it runs to the pattern's end ("ba ưu tiên gồm"); "previous": and takes the
    # sentence before it too ("... không ít thuận lợi. Đó là")

    scan: re.Pattern[str] = field(init=False, repr=False, compare=False)  # `pattern`, opening on its text
    # where a match of `scan` may begin, when it opens with no literal text (`_scan_openings`)
    openings: tuple[str, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scan", lookbehinds_after(_text_first(self.pattern)))
        object.__setattr__(self, "openings", _scan_openings(self.scan))

    def _by_semicolons(self, semicolons: int) -> bool:
        # A row whose items may be sentences needs no ';' ("các trọng tâm là: Tiếp tục A. Làm tốt B.")
        return self.separator == ";" and not (self.runs_on and not semicolons)

    def may_lead(self, semicolons: int) -> bool:
        """Whether the row may lead into a list in a paragraph holding this many ';'."""
        return not self._by_semicolons(semicolons) or semicolons >= max(1, self.min_pieces - 1)

    def lead_end(self, start: int, end: int) -> int:
        return start if self.lead_in == "before" else end

    def finditer(self, folded: str, semicolons: list[int], stops: list[int]) -> Iterator[re.Match[str]]:
        """Matches that may lead into a list: with a ';' after them (in their sentence, for the
        rows that keep to one) and the text `before` requires. Asked only of a paragraph with as
        many ';' as the row needs (`may_lead`, which `_intros` reads off `_ROWS_BY_SEMICOLONS`)."""
        by_semicolons = self._by_semicolons(len(semicolons))
        end = semicolons[-1] if by_semicolons and not self.runs_on else len(folded)
        if self.counted_after and not COUNT_AFTER_HINT.search(folded, semicolons[0] if semicolons else 0):
            return  # a cheap test first: no "là" and a number after a ';'
        if self.openings is None:
            matches = self.scan.finditer(folded, 0, end)
        else:
            matches = _matches_at_openings(self.scan, self.openings, folded, 0, end)
        for match in matches:
            if by_semicolons and self.one_sentence and not _semicolon_in_sentence(match.end(), semicolons, stops):
                continue  # a cheap test first: most "là" lead into no list
            if self.min_pieces > 2 and _pieces_in_sentence(folded, match.end(), stops) < self.min_pieces:
                continue
            if self.counted_after and not _counted_after(folded, match.end()):
                continue
            window = max(0, match.start() - self.window), match.start()
            if self.unless is not None and self.unless.search(folded, *window):
                continue
            if self.before is None or self.before.search(folded, *window):
                yield match


@pattern_facts.kept
def _scan_openings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The strings every match of `pattern` opens with (`directives.cue_openings`: "nhu", "gom",
    ":" out of "(?:nhu|gom)(?: co)?\\s*:?\\s+...|:\\s+"), when it opens with a class or an
    alternation, not literal text, and does not ignore case; else None. The regex engine skips
    ahead to a literal opening by itself, but tries an alternation at every position holding one
    of its first letters ("n" and "g" open most syllables), where `str.find` of each opening
    skips to its places many times faster (`_matches_at_openings`)."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if pattern.flags & re.I or not items or items[0][0] is _sre.LITERAL:
        return None
    openings = cue_openings(pattern)
    return None if openings is None else tuple(sorted(openings))


def _matches_at_openings(
    pattern: re.Pattern[str], openings: tuple[str, ...], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, pos, endpos)` gives, when every match opens with one of
    `openings` (`_scan_openings`; none empty): the pattern tried with `match` where one of them
    begins, from the end of the match before (each match holds an opening: none is empty)."""
    places = set()
    for opening in openings:
        at = text.find(opening, pos, endpos)
        while at >= 0:
            places.add(at)
            at = text.find(opening, at + 1, endpos)
    end, match_at = pos, pattern.match
    for place in sorted(places):
        if place >= end and (found := match_at(text, place, endpos)):
            yield found
            end = found.end()


def _pieces_in_sentence(folded: str, start: int, stops: list[int]) -> int:
    """How many ';' pieces the sentence holds from `start` on."""
    stop_at = bisect.bisect_left(stops, start)
    return folded.count(";", start, stops[stop_at] if stop_at < len(stops) else len(folded)) + 1


# A pattern opening on a word boundary and then letters ("\\bla\\s+..."): the regex engine tries the
# boundary at every position, where it skips ahead to a literal opening by itself.
BOUNDARY_THEN_LETTERS = re.compile(r"\\b([a-z]+)")


def _text_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with the same matches, its opening word boundary written after the letters that
    follow it ("\\bla\\s+" as "la(?<!\\w..)\\s+": before a letter, a boundary is a position no word
    character precedes, and the letters are never a line break, which "." would not match), so
    that the engine skips to those letters; the pattern itself when it opens otherwise."""
    opening = BOUNDARY_THEN_LETTERS.match(pattern.pattern)
    if opening is None or pattern.flags & re.I or pattern.pattern[opening.end() : opening.end() + 1] in tuple("?*+{"):
        return pattern  # (a letter a quantifier follows is not all there)
    letters = opening.group(1)
    return re.compile(letters + r"(?<!\w" + "." * len(letters) + ")" + pattern.pattern[opening.end() :], pattern.flags)


def _semicolon_in_sentence(start: int, semicolons: list[int], stops: list[int]) -> bool:
    semicolon = semicolons[bisect.bisect_left(semicolons, start)] if semicolons[-1] >= start else None
    stop_at = bisect.bisect_left(stops, start)
    return semicolon is not None and (stop_at == len(stops) or semicolon < stops[stop_at])


# A list that comes first and is counted after it, in its own sentence (folded): "A; B; C... là 5
# bài học được Thủ tướng nêu ra", "A; B và C là ba nhiệm vụ trọng tâm của năm".
TRAILING_COUNT = re.compile(
    r"\s*(?:\.\.\.|…)?\s+la\s+(?P<n>\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+[\"“]?(?:nhom\s+)?(?:"
    + KIND_NOUN_ALTERNATION
    + r")\b"
)

# What every such count holds, a literal first (the engine scans for it fast).
COUNT_AFTER_HINT = re.compile(r"la (?:\d|(?:" + "|".join(NUMBER_WORDS) + r") )")
# The rest of a sentence up to the count that sums its pieces up.
COUNTED_AFTER_IN_SENTENCE = re.compile(r"[^.!?:]*?" + TRAILING_COUNT.pattern)
# Fewer pieces than this, counted after them, are more often clauses than a list ("Năm 2024 tỉnh
# đón 2 triệu khách; năm nay, du lịch và đầu tư là hai nhiệm vụ hàng đầu").
COUNTED_AFTER_ITEMS = 3


def _counted_after(folded: str, start: int) -> bool:
    """Whether the sentence opening at `start` ends by counting exactly the ';' pieces before the
    count, three or more of them."""
    found = COUNTED_AFTER_IN_SENTENCE.match(folded, start)
    if not found:
        return False
    pieces = folded.count(";", start, found.start("n")) + 1
    number = found.group("n")
    return pieces >= COUNTED_AFTER_ITEMS and (int(number) if number.isdigit() else NUMBER_WORDS[number]) == pieces


INLINE_INTROS = (
    # "Năm 2025 cần tập trung 3 nhiệm vụ: A; B; C" ("như:" and "ví dụ:" give examples)
    InlineIntro(
        "colon",
        re.compile(r":\s+"),
        unless=re.compile(r"\b(?:nhu|vi du)\s*$"),
        one_sentence=False,
        runs_on=True,
        strong=True,
    ),
    # "Năm APEC 2018 đặt ra ba ưu tiên gồm A; B; C", "nêu bốn ưu tiên lớn về A; B; và C"
    InlineIntro(
        "counted noun, no colon",
        re.compile(r" (?:bao gom|gom co|gom|ve|la) (?=[^\W\d])"),
        re.compile(
            r"(?<!viet )(?<!mien )\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r")\s+[\"“]?"
            + COUNTED_GROUP
            + r"(?:"
            + LIST_NOUN_ALTERNATION
            # (a few words about them: "4 ưu tiên hợp tác của Diễn đàn APEC 2017 là A; B; C; và D")
            + r")\b[\"”]?(?:\s+[^\s;:.,]+){0,8}$"
        ),
        lead_in="through",
        strong=True,
    ),
    # "kết quả bao trùm là A; B; C", "các nhiệm vụ trọng tâm gồm A; B" (a noun that says the kind:
    # "làm việc đã được đưa về nước; ..." leads into nothing)
    InlineIntro(
        "list noun, no colon",
        re.compile(r" (?:bao gom|gom co|gom|la) (?=[^\W\d])"),
        re.compile(r"\b(?:" + KIND_NOUN_ALTERNATION + r")\b(?:\s+[^\s;:.,]+){0,2}$"),
        lead_in="through",
    ),
    # "... với các dấu ấn như: Ngoại giao vắc xin, hoạt động nghiên cứu, dự báo và tham mưu, ...…",
    # "rút ra 3 bài học gồm: kiên trì, linh hoạt và chủ động", "vẫn còn một số hạn chế như: A, B, C"
    # (a noun that says the kind)
    InlineIntro(
        "list noun, commas",
        re.compile(r"(?:nhu|gom)(?: co)?\s*:?\s+(?=[^\W\d])|:\s+"),
        # (also "nhiều kết quả như A, B, C", and two nouns: "những tồn tại, hạn chế như A, B, C")
        re.compile(
            r"\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r"|cac|nhung|mot so|nhieu|khong it)\s+[\"“]?(?:nhom\s+)?(?:"
            + KIND_NOUN_ALTERNATION
            + r")\b(?:,\s*(?:"
            + KIND_NOUN_ALTERNATION
            + r")\b)?[\"”]?(?:\s+[^\s;:.,]+){0,3}\s*$"
        ),
        separator=",",
        precedence=INLINE_PRECEDENCE + 1,
    ),
    # "ba trọng tâm là ngoại giao kinh tế, ngoại giao công nghệ và công tác người Việt Nam ở nước
    # ngoài": after a counted noun and "là", as many comma pieces as counted
    InlineIntro(
        "counted noun, commas after là",
        # not a predicate ("là rất quan trọng, cấp bách và lâu dài") nor after "these" ("Hai nhiệm vụ này là ...")
        re.compile(r"\bla\s+(?!(?:rat|deu|cung|khong|chua|hoan toan|vo cung|het suc)\b)(?=[^\W\d])"),
        re.compile(
            r"(?<!viet )(?<!mien )\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r")\s+[\"“]?"
            + COUNTED_GROUP
            + r"(?:"
            + KIND_NOUN_ALTERNATION
            + r")\b[\"”]?(?:\s+[^\s;:.,]+){0,2}\s*$"
        ),
        unless=re.compile(r"\b(?:nay|do|tren|ay|noi tren)\s*$"),
        separator=",",
        precedence=INLINE_PRECEDENCE + 1,
    ),
    # "năm 2017 đối ngoại đạt nhiều thành tựu, trong đó nổi bật là A; B; C" (the highlights of what
    # the sentence reports: its kind is the lead-in's)
    InlineIntro(
        "highlights, no colon",
        re.compile(r" la (?=[^\W\d])"),
        re.compile(r"\b(?:trong do|dac biet),? noi bat(?: nhat)?$"),
        lead_in="through",
    ),
    # "... đặt ra một số trọng tâm công tác như: A; B; C" (a noun that says the kind: after other
    # words "như:" gives examples)
    InlineIntro(
        "list noun, như",
        re.compile(r"\bnhu\s*:\s+(?=[^\W\d])"),
        re.compile(
            r"\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r"|cac|nhung|mot so)\s+(?:nhom\s+)?(?:"
            + KIND_NOUN_ALTERNATION
            + r")\b(?:\s+[^\s;:.,]+){0,3}\s*$"
        ),
    ),
    # "... vẫn còn những tồn tại, hạn chế như A; B; C" (no colon: a noun that looks back says the kind)
    InlineIntro(
        "looking-back noun, như",
        re.compile(r"\bnhu\s+(?=[^\W\d])"),
        re.compile(
            r"\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r"|cac|nhung|mot so|nhieu)\s+(?:han che|ton tai|yeu kem|bat cap|nguyen nhan|kho khan|thach thuc"
            r"|ket qua|thanh tuu|bai hoc|kinh nghiem)\b(?:,\s*(?:han che|ton tai|yeu kem|bat cap|kho khan"
            r"|thach thuc))?(?:\s+[^\s;:.,]+){0,3}\s*$"
        ),
    ),
    # "Năm 2024, Sở Ngoại vụ đã tham mưu tổ chức 15 đoàn ra; đón 40 đoàn vào; ký 5 thỏa thuận":
    # what a body did, told in three pieces or more after "đã" and its subject of a few words, or
    # after a link word that stands for the subject just named ("... đạt nhiều kết quả. Theo đó,
    # đã triển khai 48 hoạt động; nâng cấp quan hệ với 9 nước; ký kết 240 thỏa thuận")
    InlineIntro(
        "done, no colon",
        re.compile(r"(?<=[^\W\d] |, )da (?=[^\W\d])"),
        # (after a framing clause, and a report's attribution: "Trước đó, Giám đốc Sở ... báo cáo, năm 2023
        # tỉnh đã đón 120 đoàn; ký 8 thỏa thuận; thu hút 1,2 tỷ USD"; not two framing clauses)
        re.compile(
            r"(?:^|[.!?]\s)(?:(?:[^,.;:!?]{0,40},\s*)?"
            r"(?:[^,.;:!?]{0,60}\b(?:bao cao|cho biet|thong tin|nhan manh|khang dinh),\s*)?"
            r"(?:[^\s,.;:!?]+\s+){1,5}|(?:theo do|cu the|qua do),\s*)$"
        ),
        unless=re.compile(r"\b(?:chua|khong|van|neu|khi|ma|la)\s+$"),
        window=140,  # the sentence's start, over its framing clauses
        lead_in="through",
        min_pieces=3,
        yields=True,
        precedence=INLINE_PRECEDENCE + 2,  # any other list over the same words wins
    ),
    # "Giữ tinh thần chủ động; đặt lợi ích quốc gia lên trên hết; ... là 5 bài học được Thủ tướng
    # nêu ra": the pieces open their sentence and the count follows them (the lead-in is the
    # sentence before; the count, after, sums them up)
    InlineIntro(
        "items, then their count",
        re.compile(r"(?:^|(?<=[.!?] ))(?=[^.!?;:]{3,}?;)"),
        counted_after=True,
    ),
    # "Hội nghị chỉ ra ba hạn chế. Đó là A, B và C.": after a sentence closing on a counted noun that
    # says the kind, its items joined by commas
    InlineIntro(
        "Đó là, commas",
        re.compile(r"\bla,? (?=[^\W\d_])"),
        re.compile(
            r"\b(?:\d{1,2}|"
            + "|".join(NUMBER_WORDS)
            + r")\s+(?:nhom\s+)?(?:"
            + KIND_NOUN_ALTERNATION
            + r")\b(?:\s+[^\s;:.,!?]+){0,4}\s*[.!?…] ?(?:do|day)(?: cung| chinh)? $"
        ),
        separator=",",
        precedence=INLINE_PRECEDENCE + 1,
        lead_in="previous",
    ),
    # "... có không ít thuận lợi. Đó là A; B; C." (also "Đó là, A; B; C")
    InlineIntro(
        "Đó là",
        re.compile(r"\bla,? (?=[^\W\d])"),
        # also glued to the sentence before, as a page may leave it ("... nổi bật.Đó là, A; B; C")
        re.compile(r"(?:^|[.!?…] ?)(?:do|day)(?: cung| chinh)? $"),
        lead_in="previous",
    ),
)


# The rows that may lead into a list in a paragraph holding n ';' (the last: n or more), in order:
# the others are not asked (`InlineIntro.may_lead`).
_ROWS_BY_SEMICOLONS = tuple(
    tuple(intro for intro in INLINE_INTROS if intro.may_lead(n))
    for n in range(1 + max(max(1, intro.min_pieces - 1) for intro in INLINE_INTROS))
)


# The predicate of a sentence whose subject is the list ("A; B; C; D đã nhận được sự ủng hộ").
PREDICATE = re.compile(
    r"\s+(?:(?:đã|đều|cũng|đang)\s+)*(?:nhận được|được\s+(?:[^\s;,.]+\s+){0,8}?"
    r"(?:ủng hộ|đánh giá cao|hoan nghênh|thông qua|nhất trí|đồng thuận|hưởng ứng))\b",
    re.I,
)


# Lead-in phrases without a counted noun that still say what the list is. The phrase nearest the
# list wins: "Để phát huy kết quả đạt được, thời gian tới cần: ..." asks; "Dù còn khó khăn, ngành
# đã đạt kết quả: ..." reports.
KIND_CUES = (
    # "Từ thực tiễn đó, Bộ trưởng rút ra: ...", "Điều đúc kết được là: ..."
    # ... and what is to be kept in mind from it: "Ban Chỉ đạo cho rằng có ba điều cần ghi nhớ."
    # ... and what practice showed: "Thực tiễn năm qua cho thấy: ...", "những kinh nghiệm được đúc rút"
    (
        "lesson",
        re.compile(
            r"\b(?:bai hoc|rut ra|duc ket|duc rut|ghi nho|dong lai|tham thia|thuc tien[^.;:]{0,30}? cho thay)\b"
        ),
    ),
    # "các đại biểu cho ý kiến về: ...", "Hội nghị đã nghe các báo cáo về: ..."
    # ... and what two sides or a meeting went over: "Hai bên đã trao đổi về: ...", "Hội nghị tập trung đánh giá: ..."
    (
        "agenda",
        re.compile(
            r"\b(?:tham luan|thao luan|chuong trinh nghi su|cho y kien|gop y|nghe (?:cac )?bao cao"
            r"|trao doi (?:y kien )?(?:ve|xung quanh)|ban ve|ban bac ve|xoay quanh"
            r"|tap trung (?:danh gia|ban|lam ro|xem xet)"
            # what a meeting heard: "Ban tổ chức ghi nhận nhiều ý kiến tâm huyết của các doanh nghiệp: ..."
            r"|(?:ghi nhan|lang nghe|tiep thu) (?:nhieu |cac |nhung )?(?:y kien|kien nghi|de xuat))\b"
        ),
    ),
    # what a meeting is held for: "Hội nghị nhằm: - Đánh giá ... - Chia sẻ ..."; its programme
    # ("Chương trình hội nghị gồm: ..."); a visit's schedule ("Trong chuyến thăm, Thủ tướng sẽ: ...")
    (
        "agenda",
        re.compile(
            r"\b(?:hoi nghi|hoi thao|dien dan|toa dam|cuoc hop|buoi lam viec)(?:\s+[^\s,.;:]+){0,3}?\s+nham\b"
            r"|(?<!trong )(?<!khuon kho )\bchuong trinh (?:cua )?(?:hoi nghi|hoi thao|dien dan|toa dam|lam viec"
            r"|chuyen tham)\b"
            # The lead-in ends there: not "trong chương trình Hội nghị ..., Bộ ...".
            r"(?:\s+[^\s,.;:]+){0,5}?\s*(?:gom|bao gom|nhu sau|co)?\W*$"
            r"|\b(?:chuyen tham|chuyen cong tac|lich trinh)\b[^.;:]*\b(?:se|du kien)\b"
            # what is held alongside: "Bên lề Diễn đàn, Ban tổ chức bố trí các hoạt động: ..."
            r"|\bben le (?:dien dan|hoi nghi|hoi thao|hoi cho|trien lam|su kien)\b"
        ),
    ),
    # work reported done: "Sở đã hoàn thành các công việc sau:"
    # ... and what was done, told after "đã:" ("Trong năm, Sở Ngoại vụ đã: - Tham mưu ... - Đón ..."),
    # and indicators reported ("Một số chỉ số chính của tỉnh 9 tháng:")
    (
        "achievement",
        re.compile(
            r"\b(?:the hien (?:o|qua)|dat duoc|ket qua|thanh tuu|thanh tich|da hoan thanh|da lam duoc|da thuc hien duoc"
            r"|chi so|so lieu|da ky(?: ket)?|da dat|da thu hut|da don|da to chuc|da gop phan|da giup|da mang lai|da"
            r" tao ra)\b"
            r"|\b(?:nhung|cac|mot so) con so\b"  # "Năm 2023 ghi nhận những con số ấn tượng: ..."
            # "ghi dấu ấn với những điểm nổi bật sau:", "Một số hoạt động tiêu biểu trong năm:"
            r"|\b(?:ghi dau an|diem noi bat|tieu bieu|hoat dong noi bat)\b"
            # a review: "Nhìn lại năm 2024, có thể thấy: ...", "Thứ trưởng điểm lại những dấu mốc: ..."
            r"|\b(?:nhin lai|diem lai|ghi nhan)\b"
            # figures of a period run: "Tính chung 11 tháng, toàn tỉnh:", "Lũy kế đến nay:", "6 tháng đầu năm, ..."
            r"|\b(?:tinh chung|luy ke|tinh den (?:het |cuoi )?(?:ngay|thang|nay)|\d{1,2} thang dau nam)\b"
            r"|\bchung kien (?:le )?(?:ky|trao)\b"  # "Hai Thủ tướng chứng kiến lễ ký 5 văn kiện, gồm: ..."
            # "Nổi bật là: A; B; C", "Nổi bật trong năm là: ..." after a year's review
            r"|^\W*noi bat(?: nhat)?(?: trong (?:nam|nam qua|nam \d{4}|thoi gian qua))?(?: la| nhu)?\W*$"
            r"|\b(?:qua do|nho do|nho vay)\b[^.;:]{0,60}?\bgop phan\b"  # what the work brought: "Qua đó, ... góp phần:"
            r"|\bda\W*$"
        ),
    ),
    # shortcomings and forecasts: "vẫn còn tồn tại, hạn chế: ...", "Theo dự báo, kinh tế thế giới sẽ: ..."
    # ... and a reading of the world: "Về tình hình thế giới, Thứ trưởng nhận định có ba điểm đáng chú ý: ..."
    (
        "other",
        re.compile(
            r"\b(?:han che|ton tai|yeu kem|bat cap|vuong mac|thach thuc|du bao|trien vong|diem yeu|nguyen nhan"
            r"|chua (?:lam duoc|dat duoc|dat yeu cau|dap ung(?: yeu cau)?|hieu qua|tuong xung)"
            r"|van con (?:nhung|mot so|nhieu)"  # "công tác ... vẫn còn những mặt chưa tương xứng:"
            r"|(?:can|phai) (?:som )?(?:khac phuc|sua chua|chan chinh)"  # "vẫn còn một số điểm cần khắc phục:"
            r"|tinh hinh (?:the gioi|quoc te|khu vuc)|boi canh (?:the gioi|quoc te|khu vuc)"
            # the world economy told, not what to do about it: "kinh tế thế giới năm 2024 nổi lên mấy
            # điểm đáng chú ý: ..."
            r"|kinh te (?:the gioi|toan cau)(?:\s+[^\s,.;:]+){0,3}?\s+(?:co|noi len|noi bat|xuat hien|dien bien)"
            # what a leader bluntly points at: "... cũng thẳng thắn chỉ ra: ...", "thẳng thắn nhìn nhận"
            r"|thang than (?:chi ra|neu|nhin nhan|thua nhan|danh gia))\b"
        ),
    ),
    (
        "priority",
        re.compile(
            r"\b(?:trong tam|nhiem vu|uu tien|dinh huong|giai phap|can|de nghi|yeu cau|thoi gian toi|phan dau|chi"
            r" tieu|muc tieu|mong muon|kien nghi|de xuat|luu y)\b"  # what is asked for, whoever asks it
            r"|(?<!da )\btap trung (?:vao|thuc hien|lam)\b"  # "Năm 2025, ngành tập trung vào ba việc"
        ),
    ),
)

# A concession or an aim names what the list is not: "Bên cạnh những kết quả đạt được, ... vẫn còn
# hạn chế:", "Tuy đạt nhiều thành tựu, ...", "Để khắc phục những hạn chế trên, cần: ..." (folded; the
# clause up to its comma).
CONCESSION = re.compile(
    r"\b(?:(?:ben canh|ngoai|song song voi|ghi nhan|danh gia cao) (?:nhung|cac)\b|tuy\b|mac du\b"
    r"|de (?:khac phuc|vuot qua|giai quyet|thao go|ung pho|han che|thuc hien|dat|phat huy|tan"
    r" dung)\b"
    # what the plan builds on: "Trên cơ sở những kết quả đã đạt được, Sở ... với nhiệm vụ trọng tâm là: ..."
    r"|tren co so\b|phat huy (?:nhung |cac )?ket qua\b)[^,:;.]{0,80}?,\s*"
)

# Lead-ins that say what the list is whatever else they hold, tried first (folded): the grounds
# for a hope ("có cơ sở để kỳ vọng ... Đó là A; B"), a plan's purposes and principles ("Mục đích:",
# "I. QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU", "Kế hoạch nhằm mục đích: ...").
# Causes too: "Kết quả này có được là nhờ: ...", "Nguyên nhân chủ yếu là do: ...".
GROUNDS = re.compile(
    r"\b(?:co co so|co so de|nho vao cac|xuat phat tu cac|la nho|co duoc la do|nguyen nhan(?: \S+){0,2} la do)\b"
    # what a success grew from: "thành công này bắt nguồn từ: ...", "Kết quả này có được nhờ: ..."
    r"|\b(?:bat nguon tu|co duoc (?:la )?(?:nho|do))\W*$"
)
PURPOSE_HEADING = re.compile(
    r"^\W*(?:(?:[ivx]+|\d{1,2}|[a-d])\s*[.)/]\s*)?(?:muc dich|yeu cau|quan diem)"
    r"(?:\s*(?:,|va)\s*(?:muc dich|muc tieu|yeu cau|quan diem))*\W*$"
)
# "Kế hoạch nhằm: ...": what a document is for (what a meeting is for is its agenda, KIND_CUES).
PURPOSE = re.compile(r"\bmuc dich\b|\b(?:ke hoach|chuong trinh|de an|van ban)(?:\s+[^\s,.;:]+){0,4}?\s+nham\W*$")

# Priority nouns said to be done: "Các nhiệm vụ đã hoàn thành trong năm gồm: ...", "Sở đã thực
# hiện tốt các nhiệm vụ: ..." (not "đã đề ra các nhiệm vụ").
DONE_AFTER_NOUN = r"(?:\s+[^\s,.;:]+){0,3}?\s+(?:da|duoc)\s+(?:hoan thanh|lam duoc|thuc hien xong|dat duoc)\b"
DONE_BEFORE_NOUN = (
    r"\b(?:(?:da|duoc)\s+(?:hoan thanh(?:\s+(?:tot|xuat sac))?|(?:thuc hien|trien khai|lam)\s+(?:tot|hieu qua|xong"
    r"|thang loi))"
    r"|ket qua (?:thuc hien|trien khai)"  # "Kết quả thực hiện các nhiệm vụ trọng tâm năm 2024: ..."
    r"|da tap trung (?:vao|thuc hien))\s+"  # "Năm 2024, ngành đã tập trung vào ba nhiệm vụ: ..."
    r"(?:(?:cac|nhung|\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+)?(?:nhom\s+)?"
)
# Measures said to be taken are done, however plainly: "Năm 2024, Bộ đã triển khai nhiều biện pháp
# hỗ trợ doanh nghiệp, cụ thể: ..." (tasks rolled out, "đã triển khai các nhiệm vụ năm 2025", lie ahead).
MEASURES_TAKEN = re.compile(
    r"\b(?:da|vua)\s+(?:trien khai|thuc hien|ap dung|ban hanh)(?:\s+(?:dong bo|quyet liet|kip thoi))?"
    r"\s+(?:nhieu|cac|nhung|mot so|hang loat|\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?:nhom\s+)?"
    r"(?:bien phap|giai phap|chinh sach)\b"
)

# Tense markers in the items: backward-looking "đã", forward-looking "cần", "sẽ", "phải".
# A result told in the passive counts as done: "hội nhập quốc tế được mở rộng", "uy tín tiếp tục
# được nâng lên" (not "cần được", "phải được", "sẽ được": those ask).
PAST_TENSE = re.compile(
    r"\b(?:đã|đạt được|vừa qua|thu về|(?<!cần )(?<!phải )(?<!sẽ )(?<!để )được(?= [^\W\d_]))\b", re.I
)
FUTURE_TENSE = re.compile(r"\b(?:cần|sẽ|phải|hãy|cần phải)\b", re.I)
# ... but a "đã" that only says which things a task is about tells no tense: "khai thác các FTA đã
# ký kết", "thực hiện các thỏa thuận mà hai bên đã đạt được" (the object of a verb, "các"/"những"
# and a few words before the "đã"; not a subject after a comma: "Năm 2024, các cơ quan đã hỗ trợ ...").
RELATIVE_PAST = re.compile(
    r"(?<=[^\W\d_] )(?<!\bvà )(?<!\bkhi )(?<!\bthì )(?:các|những)\s+(?:[^\W\d_]+\s+){1,6}?"
    r"(?:mà\s+(?:[^\W\d_]+\s+){1,4}?)?đã(?:\s+đạt được)?\b",
    re.I,
)

# How many paragraphs before a list may hold the attribution of who states it.
SPEAKER_LOOKBACK_PARAGRAPHS = 4


def _count_elsewhere(noun: str, texts: list[str]) -> int | None:
    """The count announced for the same noun in the title or lede ("6 trọng tâm")."""
    for text in texts:
        count, found_noun = announced(text)
        if count is not None and found_noun == noun:
            return count
    return None


# "Cần tạo 3 điểm nhấn": what the lead-in asks for lies ahead.
LOOKS_BACK_UNLESS_ASKED = {"dau an", "diem nhan", "net moi", "net noi bat", "dong gop"}

# Questions a leader puts to a meeting ("4 câu hỏi lớn cần trả lời") are what it is to discuss,
# however the lead-in asks; a question put in an interview is no list (NOT_A_LIST).
QUESTIONS = frozenset({"cau hoi"})

# "5 nội dung trọng tâm cần tập trung" is a set of priorities, not a meeting's agenda ("Ban Chỉ đạo
# ..." names a body, and asks nothing).
DIRECTIVE = re.compile(
    r"\b(?:can|phai|yeu cau|de nghi|kien nghi|de xuat|khuyen nghi|(?<!ban )chi dao|trong tam|uu tien|luu y)\b"
)
DISCUSSION = re.compile(r"\b(?:thao luan|tham luan|trao doi|ban ve|ban bac)\b")


# Figures reported, not set: "tổng mức bán lẻ ước đạt 82.900 tỷ đồng, tăng 22,3% so với cùng kỳ".
FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|tỷ\b|triệu\b|nghìn\b|ha\b|tấn\b|lượt\b|USD\b)", re.I)
REPORTED = re.compile(
    r"\b(?:ước đạt|ước tính|ước|đạt|tăng|giảm|cùng kỳ|bằng|so với|chiếm|vượt|gấp)\b"
    r"|^[^:;.]{2,50}:\s*(?:khoảng |gần |hơn |trên |ước )?\d",  # "Kim ngạch xuất khẩu: 2,1 tỷ USD"
    re.I,
)
# What a target says: "phấn đấu tăng trưởng 8%", "chỉ tiêu xuất khẩu tăng 12%".
ASPIRED = re.compile(r"\b(?:phấn đấu|cần|sẽ|phải|mục tiêu|chỉ tiêu|hướng tới)\b", re.I)


# The names of agreements, as a signing's or an exchange's list gives them: "Bản ghi nhớ giữa Bộ ... về
# ...", "Hiệp định về miễn thị thực ...", "Thỏa thuận hợp tác giữa ..." (what was signed is done).
DOCUMENT_NAME = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:Bản ghi nhớ|Biên bản ghi nhớ|Biên bản|Hiệp định|Thỏa thuận|Thoả thuận|Nghị định thư"
    r"|Thư ý định|Ý định thư|Kế hoạch hợp tác|Chương trình hợp tác|Hợp đồng|Bản cam kết)\b"
)


# What falls short, as a shortcoming says it: "chưa đầy đủ", "còn dàn trải", "còn thiếu", "có lúc
# còn buông lỏng" (not "còn lại", "còn là": what is left, what a thing is).
SHORTFALL = re.compile(
    r"\b(?:chưa|còn\s+(?!lại\b|là\b|có\b|được\b)[^\W\d_]+|thiếu|hạn chế|bất cập|lúng túng|chậm)\b", re.I
)


def _shortfalls(items: list[str]) -> bool:
    """Items more than half of which tell what falls short, none asking for anything: shortcomings."""
    short = sum(bool(SHORTFALL.search(item)) for item in items)
    return short * 2 > len(items) and not any(FUTURE_TENSE.search(item) for item in items)


def _agreements(items: list[str]) -> bool:
    """Items most of which name an agreement (a signing's list), however the lead-in says it."""
    return sum(bool(DOCUMENT_NAME.match(item)) for item in items) * 2 > len(items)


def _statistics(items: list[str], cue: str = "") -> bool:
    """Items that report figures (a province's nine months under "Về kinh tế:"): results, not
    priorities, however the press bulleted them; not targets ("tỉnh phấn đấu đạt các chỉ tiêu sau:")."""
    reported = sum(bool(FIGURE.search(item) and REPORTED.search(item)) for item in items)
    return reported * 2 >= len(items) and not any(ASPIRED.search(text) for text in (cue, *items))


# Another host's or organisation's priorities, not Vietnam's: "Năm APEC 2018 đặt ra ba ưu tiên",
# "Nhật Bản, nước chủ nhà G7, xác định 3 ưu tiên", "ưu tiên của ASEAN 2026", "Nhật Bản, nước Chủ
# tịch G7 năm 2023, đề nghị ... ba ưu tiên", "Với tư cách Chủ tịch ASEAN năm 2025, Malaysia theo đuổi
# ba ưu tiên" (folded).
FORUMS = r"(?:apec|asean|g20|g7|brics|wto|oecd|eu|lien hop quoc|lhq|nuoc chu nha|chu nha|nuoc chu tich)"
FOREIGN_AGENDA = re.compile(
    r"\b" + FORUMS + r"(?:\s+(?:nam\s+)?\d{4})?(?:,?\s+[^\s,.;:]+){0,2}?,?\s+(?:da\s+)?"
    r"(?:dat ra|de ra|xac dinh|dua ra|lua chon|chon|neu ra|de nghi|theo duoi)\b"
    r"|\buu tien cua (?:nam )?"
    + FORUMS
    # "Malaysia đảm nhiệm vai trò Chủ tịch ASEAN 2025 với các ưu tiên: ..."
    + r"|\b(?:chu tich|chu nha|dang cai)\s+(?:nam\s+)?"
    + FORUMS
    + r"\b[^.;:]{0,60}?\buu tien\b"
)
# ... unless Vietnam is the one setting them: "Năm APEC 2017 do Việt Nam đăng cai đặt ra ...".
OUR_SIDE = re.compile(r"\b(?:viet nam|vn|nuoc ta|chung ta)\b")

# What two sides agreed, as a joint statement or a talks' report gives it ("Về kinh tế, hai bên nhất
# trí: A; B; C", "Hai nhà lãnh đạo thống nhất các biện pháp sau: ..."): a bargain of two voices, not
# Vietnam's own priorities, whatever nouns it holds (folded).
# (also what two sides say together, "Hai bên khẳng định: ...", Vietnam and a partner named as one
# subject, "Việt Nam và Nhật Bản nhất trí: ...", and a joint statement's text: "toàn văn Tuyên bố chung:")
# (folded titles of leaders and ministers, either side's)
_LEADER = (
    r"(?:thu tuong|pho thu tuong|tong bi thu|chu tich nuoc|chu tich|tong thong|pho tong thong|bo truong|quoc vuong)"
)
# (and what they will do together: "Theo thông cáo báo chí, hai bên sẽ: ...")
# (the verbs of agreeing, also `LEADERS_AGREED`'s)
_AGREE_VERBS = ("nhat tri", "thong nhat", "dong y", "thoa thuan", "cam ket")
_TWO_SIDES_SAY = "(?:" + "|".join((*_AGREE_VERBS, "khang dinh", "nhan manh", "cho rang", "danh gia", "se")) + r")\b"
AGREED = re.compile(
    r"\b(?:hai|cac|ca hai) (?:ben|nuoc|phia|nha lanh dao|lanh dao|thu tuong|bo truong|doan)"
    r"(?:\s+[^\s,.;:]+){0,2}?\s+(?:(?:da|cung|deu|con)\s+)*"
    + _TWO_SIDES_SAY
    + r"|\bhai (?:bo|dang|chinh phu|tinh|thanh pho|dia phuong|quoc gia)"
    r"(?:\s+[^\s,.;:]+){0,2}?\s+(?:(?:da|cung|deu)\s+)*"
    + _TWO_SIDES_SAY
    + r"|\blanh dao (?:cap cao )?hai (?:nuoc|ben)(?:\s+[^\s,.;:]+){0,2}?\s+(?:(?:da|cung)\s+)*(?:nhat tri|thong nhat)\b"
    + r"|\bviet nam va (?:"
    + "|".join(fold(partner) for partner in PARTNERS)
    + r") (?:(?:da|cung|deu)\s+)*"
    + _TWO_SIDES_SAY
    # the text of a joint statement given whole: "... giới thiệu toàn văn Tuyên bố chung: 1. ... 2. ..."
    + r"|\b(?:tuyen bo chung|thong cao chung|tuyen bo tam nhin chung)\b"
)
# Two leaders named as one subject: "Thủ tướng Phạm Minh Chính và Thủ tướng Anwar Ibrahim nhất trí: ..."
# (one of AGREED's shapes, searched only in a lead-in holding one of its verbs: `_AGREE_VERBS`)
LEADERS_AGREED = re.compile(
    r"\b" + _LEADER + r"\b[^,.;:]{1,50}?\bva " + _LEADER + r"\b[^,.;:]{1,50}?\s(?:(?:da|cung|deu)\s+)*"
    "(?:" + "|".join(_AGREE_VERBS) + r")\b"
)

# What was worked on in the time just past: "Năm qua, Sở Ngoại vụ tập trung vào các hoạt động: ...",
# "thời gian qua Đại sứ quán tập trung: ..." (reported, not planned; folded).
PAST_FOCUS = re.compile(
    r"\b(?:thoi gian|nam|nhiem ky|giai doan|\d{1,2} thang|nhung thang) (?:vua )?qua\b"
    r"(?:(?!\btoi\b|\bnam \d{4}|\bsap\b|\bse\b)[^.;:]){0,80}?\b(?:tap trung|trien khai|thuc hien)\b"
)


@dataclass(frozen=True)
class OtherVoice:
    """Someone whose proposals, however worded as tasks, are not Vietnam's priorities: a row of
    OTHER_VOICES, tried on the list's speaker as written (title and name) and on its lead-in."""

    name: str
    speaker: re.Pattern[str] | None  # on the speaker's title and name
    lead_in: re.Pattern[str] | None  # on the lead-in, as written
    example: str


# The subject that opens a lead-in's clause, after a framing clause ("Tại hội nghị, ...").
_CLAUSE_OPENING = r"(?:^|[,.;:]\s+)(?:[Tt]heo\s+)?"
# What such a voice does with a list: proposes, asks, wishes, points at.
# (a few words may stand between: "Các doanh nghiệp FDI tại hội thảo kiến nghị", "Hiệp hội Doanh nghiệp Hàn
# Quốc tại Việt Nam (KoCham) đề xuất")
_PROPOSES = (
    r"\s+(?:[^\s,.;:]+\s+){0,4}?(?:cũng\s+|đã\s+)?"
    r"(?:kiến nghị|đề xuất|đề nghị|khuyến nghị|mong muốn|nêu|đưa ra|cho rằng|gợi ý|nhấn mạnh|đề ra|đặt ra"
    r"|thông báo|cam kết|đặt mục tiêu|lên kế hoạch"  # "Phía Nhật Bản cam kết: ...", "Công ty đặt mục tiêu: ..."
    r"|công bố|xác định|theo đuổi|chú trọng|ưu tiên)"  # "Chính phủ Australia công bố chiến lược với 4 trụ cột: ..."
)
# Lenders, agencies and foreign chambers, whose advice is theirs: "Giám đốc Quốc gia Ngân hàng Thế
# giới tại Việt Nam", "Trưởng đại diện JICA", "Chủ tịch EuroCham".
INTERNATIONAL = (
    r"Ngân hàng Thế giới|World Bank|WB|IMF|Quỹ Tiền tệ Quốc tế|ADB|Ngân hàng Phát triển châu Á|UNDP|JICA|KOTRA"
    r"|JETRO|EuroCham|AmCham|KoCham|OECD"
)
# An attribution opening the lead-in, up to its comma: "Theo Đại sứ Nhật Bản tại Việt Nam, ...".
_ACCORDING_TO = r"|^\W*[Tt]heo\s+[^;:.]{0,80}?"
# Who speaks for another country or organisation: "phía Hàn Quốc", "doanh nghiệp Nhật Bản".
_ITS_SIDE = r"(?:[Pp]hía|[Đđ]oàn|[Cc]ác doanh nghiệp|[Dd]oanh nghiệp|[Nn]hà đầu tư|[Cc]hính phủ|[Đđ]ại sứ quán)"

OTHER_VOICES = (
    OtherVoice(
        "another country's leader, envoy or side",
        FOREIGN_LEADER,
        # "Phía Hàn Quốc đề nghị ...", "Ngân hàng Thế giới (WB) khuyến nghị Việt Nam ...", not what is
        # asked of them ("Thủ tướng đề nghị phía Hàn Quốc ...": Vietnam's own request)
        re.compile(
            _CLAUSE_OPENING
            + r"(?:"
            + _ITS_SIDE
            + r"\s+)?(?:"
            + "|".join(PARTNERS)
            + r")(?:\s*\([^()]{1,20}\))?"
            + _PROPOSES
            + _ACCORDING_TO
            + "(?:"
            + FOREIGN_LEADER.pattern
            + ")"
        ),
        "Bộ trưởng Kinh tế Nhật Bản nêu ba ưu tiên hợp tác của Nhật Bản với ASEAN: ...",
    ),
    OtherVoice(
        "an international organisation or a foreign chamber",
        re.compile(r"(?<!tại )(?<!tại Ngân hàng )\b(?:" + INTERNATIONAL + r")\b"),
        re.compile(
            _CLAUSE_OPENING
            + r"(?:[Đđ]ại diện\s+)?(?:"
            + INTERNATIONAL
            + r")(?:\s*\([^()]{1,20}\))?"
            + _PROPOSES
            # "Theo bà ..., Giám đốc Quốc gia Ngân hàng Thế giới tại Việt Nam, Việt Nam cần ..."
            + _ACCORDING_TO
            + r"\b(?:"
            + INTERNATIONAL
            + r")\b"
        ),
        "Giám đốc Quốc gia Ngân hàng Thế giới tại Việt Nam đề xuất ba giải pháp: ...",
    ),
    OtherVoice(
        "a business or its leader",
        re.compile(
            r"\b(?:Tập đoàn|Công ty|Tổng công ty|HĐQT|Hội đồng quản trị|CEO|[Dd]oanh nhân"
            r"|Hiệp hội|VCCI|Phòng Thương mại)\b"  # the business community's bodies too
        ),
        re.compile(
            _CLAUSE_OPENING
            # ... and an association named in full: "Đại diện Hiệp hội Doanh nghiệp Đà Nẵng kiến nghị: ..."
            + r"(?:[Đđ]ại diện\s+)?(?:[Cc]ác\s+|[Nn]hiều\s+)?(?:doanh nghiệp|nhà đầu tư|doanh nhân|[Hh]iệp hội"
            + r"(?:\s+[^\s,.;:]+){0,4}?"
            # ... and a firm named as the subject of its own plan: "Năm 2025, Tổng công ty Thép X đặt ra ba định hướng"
            + r"|(?:[Tt]ập đoàn|[Tt]ổng công ty|[Cc]ông ty)(?:\s+[^\s,.;:]+){0,4}?)"
            + _PROPOSES
        ),
        "Ông Trần Minh Quang, Chủ tịch Tập đoàn Sao Mai, kiến nghị ba vấn đề: ...",
    ),
    OtherVoice(
        "a scholar or an expert",
        re.compile(r"^(?:GS|PGS|TS|ThS|Tiến sĩ|Giáo sư|Phó Giáo sư)\b[.\w]*$|\b(?:[Cc]huyên gia|[Nn]hà nghiên cứu)\b"),
        re.compile(
            _CLAUSE_OPENING
            + r"(?:[Cc]ác\s+|[Nn]hiều\s+)?(?:chuyên gia|nhà nghiên cứu|nhà khoa học|học giả)"
            + _PROPOSES
        ),
        "Theo TS. Nguyễn Đức Long, Việt Nam cần một số giải pháp: ...",
    ),
    OtherVoice(
        "a study or its author",
        None,
        re.compile(
            _CLAUSE_OPENING
            + r"(?:[Bb]ài viết|[Ll]uận án|[Ll]uận văn|[Đđ]ề tài|[Tt]ác giả|[Cc]ông trình|[Nn]hóm nghiên cứu"
            + r"|[Nn]hóm tác giả|[Cc]ác tác giả|[Bb]áo cáo nghiên cứu"
            # ... and a research institute: "Viện Nghiên cứu Chiến lược ... khuyến nghị: ..."
            + r"|(?:[Hh]ọc viện|Viện)(?:\s+[^\s,.;:]+){1,6}?)(?:\s+(?:này|nghiên cứu))?"
            + _PROPOSES
        ),
        "Để khắc phục những điểm yếu nêu trên, bài viết đề xuất: ...",
    ),
)


# How far before a name the article may describe its holder ("Đại sứ Hàn Quốc tại Việt Nam Choi
# Young Sam", then "Đại sứ Choi Young Sam đề nghị ..."): another country's title just before it.
DESCRIBED_BEFORE = 60
FOREIGN_TITLE_BEFORE_NAME = re.compile("(?:" + FOREIGN_LEADER.pattern + r")(?:\s+tại\s+Việt Nam)?\s*$")
FOREIGN_TITLE_AFTER_NAME = re.compile(r"\s*[,–-]\s*(?:" + FOREIGN_LEADER.pattern + ")")


def _name_ending(speaker: str) -> str:
    """The capitalised words that end `speaker` (the holder's name after a title), when two or more; else ""."""
    name_words = list(itertools.takewhile(is_capitalised, reversed(speaker.split())))
    return " ".join(reversed(name_words)) if len(name_words) >= 2 else ""


def _described_abroad(body: str, speaker: str) -> bool:
    """Whether the article first names the speaker (`_name_ending`, after a title) just after
    another country's title: a foreign name, which `find_people` does not read."""
    name = _name_ending(speaker)
    if not name or len(name.split()) == len(speaker.split()):  # a name alone, no title before it
        return False
    found = body.find(name)
    if found > 0 and FOREIGN_TITLE_BEFORE_NAME.search(body, max(0, found - DESCRIBED_BEFORE), found):
        return True
    # or just after it: "làm việc với Ngài Kenji Sakamoto - Đại sứ Nhật Bản tại Việt Nam"
    return found > 0 and FOREIGN_TITLE_AFTER_NAME.match(body, found + len(name)) is not None


# The title an article gives a name just after it, where it first names it: "ông Trần Quốc Huy, Chủ
# tịch Hội đồng quản trị Công ty cổ phần Nông sản Sao Mai, ..." (up to the next comma).
APPOSED_TITLE = re.compile(r"\s*[,–-]\s*([^,.;:()\n]{3,100})")


def _described_as(body: str, speaker: str) -> str:
    """How the article first describes the speaker's name (the capitalised words that end `speaker`),
    in the words after it: the whole title a short one stands for ("Chủ tịch Hội" for a firm's chair)."""
    if not (name := _name_ending(speaker)):
        return ""
    found = body.find(name)
    apposed = APPOSED_TITLE.match(body, found + len(name)) if found >= 0 else None
    return apposed.group(1) if apposed else ""


# Words one of which every OTHER_VOICES lead-in holds: a lead-in with none is not searched further
# (most lead-ins name Vietnam's own bodies and leaders).
OTHER_VOICE_HINT = re.compile(
    "|".join(PARTNERS)
    + "|"
    + INTERNATIONAL
    + r"|[Tt]heo|[Pp]hía|oanh nghiệp|oanh nhân|hà đầu tư|iệp hội|huyên gia|hà nghiên cứu|hà khoa học|ọc giả"
    + r"|ập đoàn|ông ty|ài viết|uận án|uận văn|ề tài|ác giả|ông trình|hóm nghiên cứu|áo cáo nghiên cứu|Viện"
)


# The same test, as the strings it matches searched all at once (`_literal_strings`): the same answer.
_OTHER_VOICE_WORDS = _literal_strings(OTHER_VOICE_HINT)
OTHER_VOICE_TEST = OTHER_VOICE_HINT if _OTHER_VOICE_WORDS is None else any_word(_OTHER_VOICE_WORDS)


def _other_voice(speaker: str | None, title: str | None, cue: str, body: str = "") -> str | None:
    """The OTHER_VOICES row whose voice states a list: its speaker (title, then title and name,
    then how the article first describes a name it does not know) or the subject of its lead-in."""
    spoken = [text for text in (title, f"{title or ''} {speaker or ''}".strip()) if text]
    if speaker and _described_abroad(body, speaker):
        return OTHER_VOICES[0].name
    if speaker and (described := _described_as(body, speaker)):
        spoken.append(described)
    hinted = OTHER_VOICE_TEST.search(cue) is not None
    for voice in OTHER_VOICES:
        if voice.speaker and any(voice.speaker.search(text) for text in spoken):
            return voice.name
        if hinted and voice.lead_in and voice.lead_in.search(cue):
            return voice.name
    return None


# Folded, "cần" (need: a priority's cue) is one word with "cán" (cán bộ), "cận" (tiếp cận), "căn"
# (căn cứ), "cản" (rào cản), "cạn": the cue counts where the text itself says "cần".
NEED_FOLDED, NEED = "can", "cần"


def _cue_kind(text: str, original: str) -> str | None:
    """The kind of the KIND_CUES phrase nearest the end of `text` (`original` folded), if any; of
    two that end together, the longer ("chưa đạt yêu cầu" is a shortcoming, not a "yêu cầu")."""
    aligned = len(text) == len(original)  # folding keeps one character per character of NFC text
    found = [
        (match.end(), -match.start(), kind)
        for kind, pattern in KIND_CUES
        for match in pattern.finditer(text)
        if not (aligned and match.group(0) == NEED_FOLDED and original[match.start() : match.end()].lower() != NEED)
    ]
    return max(found)[2] if found else None


def _first_kind(folded: str) -> str | None:
    """What a lead-in (folded) says whatever else it holds: grounds and purposes are "other"."""
    foreign = FOREIGN_AGENDA.search(folded) and not OUR_SIDE.search(folded)
    if (
        foreign
        or AGREED.search(folded)
        or (any(verb in folded for verb in _AGREE_VERBS) and LEADERS_AGREED.search(folded))
        or GROUNDS.search(folded)
        or PURPOSE_HEADING.match(folded)
        or PURPOSE.search(folded)
    ):
        return "other"
    return None


def _nothing() -> str:
    return ""


def classify(
    cue: str,
    opener: str,
    items: list[str],
    heading: Callable[[], str] = _nothing,
    title: Callable[[], str] = _nothing,
    question: Callable[[], str] = _nothing,
    lede: Callable[[], str] = _nothing,
) -> str:
    """Another forum's agenda, grounds and purposes are "other"; else the kind from the counted
    noun of the lead-in, or of a title just above a lead-in that tells rather than leads in ("Một
    số thành tựu ..." ¶ "Năm 2024, ngoại giao kinh tế tiếp tục là trọng tâm ..." ¶ "Thứ nhất, ..."),
    then figures reported, then lead-in phrases (of the lead-in, then the question an interview
    put just before the answer holding the list, then the section heading above it, then the first
    item), then the items' tense. `heading`, `title` and `question` find those texts, only when they
    are needed."""
    folded = fold(cue)
    if first := _first_kind(folded):
        return first
    # the concession blanked, not cut, so that the folded lead-in still lines up with the lead-in
    folded = CONCESSION.sub(lambda conceded: " " * len(conceded.group(0)), folded)
    count, noun = announced(folded)
    if noun is None and not cue.rstrip().endswith(":") and (above := title()):
        count, noun = announced(fold(above))
    if noun and LIST_NOUNS[noun]:
        kind = str(LIST_NOUNS[noun])
        if kind == "agenda" and noun not in QUESTIONS and DIRECTIVE.search(folded) and not DISCUSSION.search(folded):
            return "priority"
        if noun in LOOKS_BACK_UNLESS_ASKED and DIRECTIVE.search(folded):
            return "priority"
        if kind == "priority" and (
            re.search(r"\b" + noun + DONE_AFTER_NOUN + "|" + DONE_BEFORE_NOUN + noun + r"\b", folded)
            or MEASURES_TAKEN.search(folded)
            or PAST_FOCUS.search(folded)  # "Thời gian qua, tỉnh tập trung vào 3 nhiệm vụ trọng tâm: ..."
        ):
            return "achievement"
        return kind
    if _statistics(items, cue) or PAST_FOCUS.search(folded):
        return "achievement"
    if said := _cue_kind(folded, cue):
        return said
    if _agreements(items):
        return "achievement"
    # the question an interview put before the answer ("- Năm 2026, ngành cần tập trung vào những việc
    # gì?" ¶ "Thứ trưởng: Theo tôi có mấy hướng. Thứ nhất, ..."), then a short title a paragraph or two
    # above a silent lead-in ("Những kết quả nổi bật" ¶ "Trong năm 2024:" ¶ "- ...")
    for around in (question, title):
        if (text := around()) and (said := _kind_said_in(text)):
            return said
    for text in (heading(), RELATIVE_PAST.sub(" ", opener)):
        if said := _cue_kind(fold(text), text):
            return said
    # items most of which say what falls short ("Nhiều sở, ngành chưa coi ... ;" ¶ "Các hoạt động xúc tiến
    # còn dàn trải ...") under a lead-in that names nothing: shortcomings, however plainly led in
    if _shortfalls(items):
        return "other"
    # the headline or the sapo that counts as many items of a kind: "Thủ tướng nêu 3 nhiệm vụ trọng tâm"
    # over "Kết luận hội nghị, Thủ tướng nêu rõ:" ¶ "- ..." ¶ "- ..." ¶ "- ..."
    if (summed := announced(fold(lede()))[1]) and LIST_NOUNS[summed]:
        return str(LIST_NOUNS[summed])
    # the items' tense, and the lead-in's: "Năm 2024, các cơ quan đã hỗ trợ 300 hoạt động, trong đó:"
    joined = RELATIVE_PAST.sub(" ", " ".join([*items, CONCESSION.sub("", cue)]))
    return "achievement" if len(PAST_TENSE.findall(joined)) > len(FUTURE_TENSE.findall(joined)) else "priority"


def _kind_said_in(text: str) -> str | None:
    """The kind a text around a list says: its counted noun's, else its phrases' (`_cue_kind`)."""
    folded = fold(text)
    _, noun = announced(folded)
    if noun and LIST_NOUNS[noun]:
        return str(LIST_NOUNS[noun])
    return _cue_kind(folded, text)


# ---------------------------------------------------------------------------------------------
# Speaker


def speaker_before(
    body: str, position: int, lookback_start: int, people: list[Person]
) -> tuple[str | None, str | None]:
    """(speaker, title) of the last attribution between `lookback_start` and `position`."""
    window = body[lookback_start:position]
    found = attributions(window, people)
    if not found:
        pronoun = pronoun_speaker(body, lookback_start, position, people)  # "Ông nhấn mạnh ..."
        return (pronoun.name, pronoun.title) if pronoun else (None, None)
    last = found[-1]
    return (last.name or last.title), last.title


@lru_cache(maxsize=4)
def _body_paragraph_starts(body: str) -> list[int]:
    """Paragraph offsets of a body, worked out once per body: a long file has hundreds of lists,
    each asking several times (splitting the body every time took most of a 3 MB file's ingest)."""
    return paragraph_starts(body.split(PARAGRAPH_BREAK))


def _paragraph_start(body: str, paragraph: int) -> int:
    return _body_paragraph_starts(body)[paragraph]


def _paragraph_text(body: str, paragraph: int) -> str:
    start = _paragraph_start(body, paragraph)
    return body[start : _paragraph_end(body, start)]


# ---------------------------------------------------------------------------------------------
# Putting it together


@dataclass(frozen=True)
class Candidate:
    """A list found in the body before its lead-in is read: spans, marker family, raw split."""

    spans: tuple[Span, ...]
    marker: str
    first_paragraph: int
    lead_end: int  # where the lead-in stops: the first marker, or the colon of an inline list
    raw_spans: tuple[Span, ...] = ()
    precedence: int = INLINE_PRECEDENCE  # of its marker rule: the lower wins where lists overlap
    lead_sentences: int = 1  # sentences the lead-in takes: "... không ít thuận lợi. Đó là" takes two


# A lead-in that only says a list follows ("Cụ thể:", "Như sau:"): the sentence before it says which.
BARE_LEAD = re.compile(r"(?:Cụ thể(?: là)?|Như sau|Sau đây|Bao gồm|Gồm|Đó là)\W*$", re.I)


# An interview's answer opening with its speaker's label: "Thứ trưởng Nguyễn Minh Hằng: Thứ nhất, ...".
SPEAKER_LABEL = re.compile(r"[^\W\d_][^:.;?!\d]{1,60}:")


def _cue(body: str, candidate: Candidate) -> Span:
    """The lead-in: the sentence before the first item, in its paragraph or the one before; with
    the sentence before that when it only says a list follows ("... đạt nhiều kết quả. Cụ thể:")."""
    cue = _lead_in(body, candidate)
    if cue.end > cue.start and BARE_LEAD.fullmatch(body, cue.start, cue.end):
        before = _sentence_before(body, cue.start)
        return Span(before, cue.end) if before is not None else cue
    if cue.end > cue.start and SPEAKER_LABEL.fullmatch(body, cue.start, cue.end):
        before = _sentence_before(body, cue.start)  # the question the answer's list replies to
        if before is not None and body[before : cue.start].rstrip().endswith("?"):
            return Span(before, cue.end)
    return cue


def _sentence_before(body: str, position: int) -> int | None:
    """Where the sentence before the one starting at `position` begins (in its paragraph or the
    paragraph before), or None at the text's start."""
    paragraph = _paragraph_of(body, position)
    start = _paragraph_start(body, paragraph)
    if body[start:position].strip():
        return start + sentence_spans(body[start:position])[-1][0]
    if paragraph == 0:
        return None
    previous = _paragraph_start(body, paragraph - 1)
    spans = sentence_spans(body[previous : _paragraph_end(body, previous)])
    return previous + spans[-1][0] if spans else None


def _lead_in(body: str, candidate: Candidate) -> Span:
    start = _paragraph_start(body, candidate.first_paragraph)
    if body[start : candidate.lead_end].strip(BEFORE_MARKER):
        last_sentences = sentence_spans(body[start : candidate.lead_end])[-candidate.lead_sentences :]
        begin = start + last_sentences[0][0]
        if candidate.lead_sentences == 1:  # "... tế của đất nước.Theo Bộ trưởng, những việc ...:"
            begin = _sentences_of(body, begin, candidate.lead_end)[-1][0]
        return _trim(body, begin, candidate.lead_end)
    previous = candidate.first_paragraph - 1
    while previous >= 0 and (
        _paragraph_text(body, previous).startswith("|") or not _paragraph_text(body, previous).strip()
    ):
        previous -= 1  # a table's header row ("| STT | Trọng tâm |"): the lead-in is above the table
    if previous < 0:
        return Span(start, start)
    previous_start = _paragraph_start(body, previous)
    last_sentence = sentence_spans(body[previous_start : _paragraph_end(body, previous_start)])[-1]
    return _trim(body, previous_start + last_sentence[0], previous_start + last_sentence[1])


def marker_candidates(body: str, paragraphs: list[str]) -> list[Candidate]:
    candidates = []
    markers = find_markers(paragraphs, _body_paragraph_starts(body))  # (the body's paragraphs)
    # (labels matter only to bullets, which are numbered by their place)
    by_position = any(marker.ordinal == BY_POSITION for marker in markers)
    labels = frozenset(i for i, p in enumerate(paragraphs) if _heads_a_paragraph(p)) if by_position else frozenset()
    runs = chain_markers(markers, labels)
    in_runs = {marker.start for run in runs for marker in run}
    for marker in markers:
        if marker.start not in in_runs and (completed := _completed_by_count(body, paragraphs, marker)):
            candidates.append(completed)
    for run in runs:
        # "... 2 kết quả: một là, ...; hai là, .... Năm 2025 cần 2 nhiệm vụ: một là, ...": the
        # next list of the same shape ends this one.
        limit = min(
            (r[0].start for r in runs if r[0].family == run[0].family and r[0].start > run[-1].start), default=None
        )
        spans = item_spans(body, run, limit)
        if run[0].family in ("bullet", "sub-bullet"):
            spans = _without_group_labels(body, spans)
        candidates.append(
            Candidate(tuple(spans), run[0].family, run[0].paragraph, run[0].start, precedence=run[0].precedence)
        )
    return candidates


def _heads_a_paragraph(paragraph: str) -> bool:
    """A bullet that may be a heading over the paragraph after it: a label ending with a colon
    ("- Về thể chế:"), or a short line no punctuation closes ("- Đổi mới tư duy đối ngoại")."""
    text = paragraph.rstrip()
    if text.endswith(":"):
        return True
    return (
        bool(text)
        and text[0] in BULLET_CHARS
        and text[-1] not in CLOSING
        and len(text.split()) <= SECTION_HEADING_WORDS
    )


def _without_group_labels(body: str, spans: list[Span]) -> list[Span]:
    """Bullets flattened from nested HTML lists ("- Về ngoại giao kinh tế:" ¶ "- Tổ chức đoàn ..." ¶
    "- Hỗ trợ ..." ¶ "- Về công tác lãnh sự:" ¶ ...): a label over the items after it is no item."""

    def group_label(number: int) -> bool:
        text = body[spans[number].start : spans[number].end].strip()
        return number + 1 < len(spans) and text.endswith(":") and _bare_label(text)

    labels = [number for number in range(len(spans)) if group_label(number)]
    if not labels or len(labels) * 2 > len(spans):
        return spans
    return [span for number, span in enumerate(spans) if number not in labels]


# Families whose first item alone may open a list the count completes ("6 ưu tiên. ¶ Một là, ... ¶ ...").
COUNT_COMPLETES = ("thu", "la")


def _completed_by_count(body: str, paragraphs: list[str], marker: Marker) -> Candidate | None:
    """A list whose first item alone is marked, opening its paragraph ("Một là, củng cố ..."),
    and whose other items are the paragraphs after it, as many as the lead-in announces ("sẽ tập
    trung vào 6 ưu tiên. ¶ Một là, ... ¶ Đẩy mạnh ... ¶ Tranh thủ ..."). Each of those paragraphs
    must be a closed sentence with no marker of its own."""
    if marker.ordinal != 1 or marker.family not in COUNT_COMPLETES:
        return None
    start = _paragraph_start(body, marker.paragraph)
    if body[start : marker.start].strip(BEFORE_MARKER):
        return None
    first = Candidate(
        (Span(marker.content, _paragraph_end(body, marker.content)),), marker.family, marker.paragraph, marker.start
    )
    cue_span = _cue(body, first)
    if ";" in body[cue_span.start : cue_span.end]:
        return None  # the count's items are listed in the lead-in already ("hai giải pháp gồm: A; B")
    count, _ = announced(body[cue_span.start : cue_span.end])
    following = paragraphs[marker.paragraph + 1 : marker.paragraph + (count or 0)]
    if not count or count < 2 or len(following) != count - 1 or not all(map(_plain_item, following)):
        return None
    spans = [_trim(body, marker.content, _paragraph_end(body, marker.content))]
    for number in range(marker.paragraph + 1, marker.paragraph + count):
        begin = _paragraph_start(body, number)
        if connective := CONTINUES_A_SEQUENCE.match(body, begin):
            begin = connective.end()  # "Bên cạnh đó, theo dõi sát ...": the link word is not the item's
        spans.append(_trim(body, begin, _paragraph_end(body, begin)))
    return Candidate(tuple(spans), marker.family, marker.paragraph, marker.start, precedence=marker.precedence)


# The words that carry a counted run on after "Trước hết, ...": "Bên cạnh đó, ..." ¶ "Ngoài ra, ...".
CONTINUES_A_SEQUENCE = re.compile(r"(?:Bên cạnh đó|Ngoài ra|Tiếp theo|Đồng thời|Cùng với đó)\s*,\s*")


def _plain_item(paragraph: str) -> bool:
    """A paragraph that may be an unmarked item: a closed sentence, no marker nor bullet of its own
    (one carrying a counted run on, "Bên cạnh đó, theo dõi sát ...", is one too)."""
    text = paragraph.strip()
    return (
        bool(text)
        and text[-1] in ".;…!"
        and text[0] not in BULLET_CHARS
        and not NUMBER_MARKER.match(text)
        and (CONTINUES_A_SEQUENCE.match(text) is not None or not NOT_AN_ITEM.match(text))
        # "Đây là nguồn cổ vũ ...": a sentence about the list
    )


def _all_worded(spans: Iterable[Span]) -> bool:
    return all(span.end > span.start for span in spans)


def inline_candidates(body: str, paragraphs: list[str]) -> list[Candidate]:
    candidates = []
    folded = folded_body(body) if body == PARAGRAPH_BREAK.join(paragraphs) else None
    for index, (paragraph, offset) in enumerate(zip(paragraphs, _body_paragraph_starts(body))):
        if not _may_hold_a_list(paragraph):
            continue  # (before its folded slice is cut)
        own = folded[offset : offset + len(paragraph)] if folded is not None else None
        for lead_end, merged, raw, intro in _inline_lists(paragraph, own):
            spans = tuple(_trim(body, offset + s, offset + e) for s, e in merged)
            # (most splits need no merging: the same pieces, trimmed once)
            raw_spans = spans if raw == merged else tuple(_trim(body, offset + s, offset + e) for s, e in raw)
            if not _all_worded(raw_spans):
                raw_spans = spans
            if len(spans) >= 2 or len(raw_spans) >= 2:
                lead_sentences = 2 if intro.lead_in == "previous" else 1
                candidates.append(
                    Candidate(spans, "inline", index, offset + lead_end, raw_spans, intro.precedence, lead_sentences)
                )
    return candidates


# Most paragraphs a lead-in may count as unmarked items ("rút ra ba bài học:" ¶ "Bám sát ..." ¶ ...).
MAX_COUNTED_PARAGRAPHS = 6

# A lead-in that says its items follow without counting them, after a noun of a kind: "Năm 2024, tỉnh
# đạt những kết quả nổi bật sau:", "... các bài học như sau:" (folded).
FOLLOWING_LEAD = re.compile(r"\b(?:sau|nhu sau|sau day)\s*:\s*$")
# Such unmarked items are short single sentences; the page's next paragraph is longer or says more.
FOLLOWING_ITEM_CHARS = 300
ONE_SENTENCE = re.compile(r"[.!?…]\s+[^\W\d_]")


def _following_items(paragraphs: list[str], index: int) -> int:
    """How many paragraphs after `index` are unmarked items of a list whose lead-in counts none: short
    closed single sentences (`_plain_item`), as many as follow, up to MAX_COUNTED_PARAGRAPHS."""
    found = 0
    for paragraph in paragraphs[index + 1 : index + 1 + MAX_COUNTED_PARAGRAPHS]:
        text = paragraph.strip()
        if len(text) > FOLLOWING_ITEM_CHARS or ONE_SENTENCE.search(text) or not _plain_item(text):
            break
        found += 1
    return found


def counted_paragraphs(body: str, paragraphs: list[str]) -> list[Candidate]:
    """Lists with no markers at all: a lead-in closing its paragraph with a colon that counts a kind
    of list ("Thứ trưởng rút ra ba bài học:", "Báo cáo nêu 4 hạn chế chủ yếu:"), over as many
    paragraphs as it counts, each a closed sentence with no marker of its own (`_plain_item`)."""
    candidates = []
    starts = _body_paragraph_starts(body)
    for index, paragraph in enumerate(paragraphs[:-1]):
        if not paragraph.rstrip().endswith(":"):
            continue  # (the cheap test first)
        count, noun = announced(paragraph)
        if not count and noun and LIST_NOUNS[noun] and FOLLOWING_LEAD.search(fold(paragraph[-20:])):
            # "những kết quả nổi bật sau:" ¶ "Quan hệ ... được nâng cấp." ¶ "Kim ngạch ... tăng 12%."
            count = _following_items(paragraphs, index)
        if not (count and 2 <= count <= MAX_COUNTED_PARAGRAPHS and noun and LIST_NOUNS[noun]):
            continue
        following = paragraphs[index + 1 : index + 1 + count]
        if len(following) != count or not all(map(_plain_item, following)):
            continue
        spans = tuple(
            _trim(body, starts[n], starts[n] + len(paragraphs[n])) for n in range(index + 1, index + 1 + count)
        )
        candidates.append(Candidate(spans, "paragraph", index + 1, starts[index + 1]))
    return candidates


def _overlaps(a: Reading, b: Reading) -> bool:
    return a.spans[0].start < b.spans[-1].end and b.spans[0].start < a.spans[-1].end


def _choose(readings: list[Reading]) -> list[Reading]:
    """Keep lists that do not overlap one already kept, by their shape's precedence."""
    kept: list[Reading] = []
    for reading in sorted(readings, key=lambda r: (r.candidate.precedence, r.spans[0].start)):
        if not any(_overlaps(reading, other) for other in kept):
            kept.append(reading)
    return sorted(kept, key=lambda r: r.spans[0].start)


# Words on each side of the "và" that joins a ';' list's last two items ("A; B; C và D").
JOINED_ITEM_WORDS = 3


def _fit_count(body: str, candidate: Candidate, count: int | None) -> tuple[Span, ...]:
    """The announced count checks a ';' split: take the raw split when only it matches; when the
    count is one more than the pieces, the last piece is the last two items joined by its one
    "và" ("4 nhóm giải pháp gồm: A; B; C và D"), each of them a few words."""
    if candidate.marker != "inline" or not count or len(candidate.spans) == count:
        return candidate.spans
    if len(candidate.raw_spans) == count:
        return candidate.raw_spans
    last = candidate.spans[-1]
    joins = list(AND.finditer(body, last.start, last.end))
    if len(candidate.spans) == count - 1 and len(joins) == 1:
        before, after = _trim(body, last.start, joins[0].start()), _trim(body, joins[0].end(), last.end)
        if all(len(body[s.start : s.end].split()) >= JOINED_ITEM_WORDS for s in (before, after)):
            return (*candidate.spans[:-1], before, after)
    return candidate.spans


def _paragraph_of(body: str, position: int) -> int:
    return bisect.bisect_right(_body_paragraph_starts(body), position) - 1


def _speaker(
    body: str, candidate: Candidate, cue: Span, after: Span, kind: str, people: list[Person]
) -> tuple[str | None, str | None]:
    """Who states a list: the person named in its lead-in; for a quoted list, the one after the
    closing quote ("...”, Bộ trưởng ... nói."), or in the sentence that sums it up (`after`: that
    sentence, else where the last item ends); else the last attribution a few paragraphs above.

    An agenda is what a meeting discussed: only a speaker named in its lead-in states it.
    """
    speaker = speaker_before(body, candidate.lead_end, cue.start, people)
    if speaker[0] or kind == "agenda":
        return speaker
    speaker = speaker_before(body, _paragraph_end(body, after.start), after.start, people)
    if speaker[0]:
        return speaker
    if stated_by := _body_in_lead_in(body, cue.start, candidate.lead_end):
        return stated_by, None
    lookback = _paragraph_start(body, max(0, candidate.first_paragraph - SPEAKER_LOOKBACK_PARAGRAPHS))
    if issuer := _issuer(body, cue.start, candidate.lead_end, lookback):
        return issuer, None
    if lender := INTERNATIONAL_SUBJECT.match(body, cue.start, candidate.lead_end):
        return lender.group("org"), None  # "Trong báo cáo mới, Ngân hàng Thế giới (WB) khuyến nghị ..."
    speaker = speaker_before(body, candidate.lead_end, lookback, people)
    if speaker[0]:
        return speaker
    return _interviewee(body, candidate.first_paragraph, people) or speaker


# A question that the paragraph after it answers: "* Thưa ông, năm 2025 Cục sẽ tập trung vào đâu?"
QUESTION_PARAGRAPH = re.compile(r"\?[\s\"”’*]*$")


def _interviewee(body: str, paragraph: int, people: list[Person]) -> tuple[str | None, str | None] | None:
    """In an answer (the paragraph above asks), the person the article interviews: the last one it
    names before its first question ("... trao đổi với ông Hoàng Minh Chiến, Phó Cục trưởng ...")."""
    if paragraph == 0 or not QUESTION_PARAGRAPH.search(_paragraph_text(body, paragraph - 1)):
        return None
    first_question = next(i for i in range(paragraph) if QUESTION_PARAGRAPH.search(_paragraph_text(body, i)))
    named = [m for m in find_mentions(body[: _paragraph_start(body, first_question)], people) if m.name]
    return (named[-1].name, named[-1].title) if named else None


# A body that states the list in the lead-in it opens: "Hội nghị đã thảo luận ..., từ đó đặt ra
# một số trọng tâm", "Năm 2025, UBND tỉnh xác định 5 nhiệm vụ" (a framing clause may come first),
# but not "lãnh đạo Bộ Ngoại giao", nor a body in passing ("... do Bộ Ngoại giao tổ chức").
BODY_SUBJECT_BEFORE = re.compile(r"^\W*(?:[^,.;:!?]{0,40},\s*)?$")
BODY_STATES = re.compile(
    SPEECH_VERBS.pattern[:-3] + r"|đề ra|thống nhất|thông qua|xác định|tập trung|rút ra|ghi nhận)\b"
)


# A lead-in whose subject is a document ("Kế hoạch nêu 5 nhiệm vụ ...", "Theo Chương trình, ..."):
# the document speaks for the body that issued it.
DOCUMENT_SUBJECT = re.compile(
    r"^\W*(?:[^,.;:!?]{0,40},\s*)?(?:[Tt]heo\s+)?(?:[Bb]ản\s+)?"
    r"(?:Kế hoạch|Chương trình|Nghị quyết|Chỉ thị|Quyết định|Đề án|Báo cáo|Văn bản|Kết luận|Thông báo)\b"
)
# A body issuing a document in the paragraphs above: "UBND tỉnh Kon Tum vừa ban hành Kế hoạch ...".
ISSUES = re.compile(r"\s+(?:[^\s,.;:]+\s+){0,2}?(?:ban hành|thông qua|phê duyệt|ký ban hành)\b")


# A lender or an agency that opens a lead-in as its subject states the list.
INTERNATIONAL_SUBJECT = re.compile(
    r"\W*(?:[^,.;:!?]{0,40},\s*)?(?P<org>" + INTERNATIONAL + r")(?:\s*\([^()]{1,20}\))?" + _PROPOSES
)


def _issuer(body: str, start: int, end: int, lookback: int) -> str | None:
    """The body that issued the document a lead-in body[start:end] opens with: named in the
    lead-in ("Kế hoạch của UBND tỉnh nêu ...", "... mà UBND tỉnh sẽ triển khai"), else the last
    body said to issue a document in the paragraphs above."""
    lead = body[start:end]
    if not DOCUMENT_SUBJECT.match(lead):
        return None
    if named := find_bodies(lead, body):
        return named[0].name
    issuing = [m for m in find_bodies(body[lookback:start], body) if ISSUES.match(body, lookback + m.end)]
    return issuing[-1].name if issuing else None


def _body_in_lead_in(body: str, start: int, end: int) -> str | None:
    """The body that opens the lead-in body[start:end] as its subject and states the list."""
    lead = body[start:end]
    for mention in find_bodies(lead, body):
        if BODY_SUBJECT_BEFORE.match(lead[: mention.start]) and BODY_STATES.search(lead, mention.end):
            return mention.name
        if BODY_SOURCE_BEFORE.search(lead[max(0, mention.start - 30) : mention.start]):
            return mention.name  # "Theo báo cáo của Bộ Ngoại giao, năm 2024 đạt 3 kết quả: ..."
    # "Năm 2019, Sở Ngoại vụ đề ra 3 nhiệm vụ trọng tâm: ...": the department's plan, not that of
    # the leader who attended its conference
    if (department := DEPARTMENT.search(lead)) and BODY_SUBJECT_BEFORE.match(lead[: department.start()]):
        if BODY_STATES.search(lead, department.end()):
            return department.group("body")
    return None


WRAP_UP_PARAGRAPH = re.compile(r"(?:Đó|Đây|Trên đây)(?: cũng| chính)? là\b[^.!?]*[.!?]?")


def _closes_with_cuoi_cung(body: str, item: Span) -> bool:
    return "cuối cùng" in body[max(0, item.start - 16) : item.start].lower()


# Who attended, not what was stated: "Cùng dự hội nghị có các đồng chí: A, Bí thư ...; B, Phó Thủ
# tướng ...; lãnh đạo các bộ, ngành". Every conference report has such a list.
# Only words of attending: "chủ trì" and "các đồng chí" also lead into what a chair asks of them
# ("Tôi đề nghị các đồng chí: một là, ...").
ATTENDANCE = re.compile(
    r"\b(?:tham du|cung du|du hoi nghi|du buoi|du le|co mat|chu tri diem cau|thanh phan|khach moi|co su tham gia cua"
    r"|doan(?: cong tac)? gom"
    # who travels with a delegation: "Tham gia đoàn có đại diện các doanh nghiệp: ...", "Tháp tùng ... có: ..."
    r"|tham gia doan|thanh vien doan|thap tung"
    r"|cung di|(?:toi|den) du|du co)\b"  # "Cùng đi có: ...", "Tới dự có: ..."
)


# A source cited in a footnote: "Nxb. Chính trị quốc gia, Hà Nội, 2021, t. I, tr. 164", "Sđd, tr. 165".
CITATION = re.compile(r"(?:\btr\.\s*\d|\bsđd\b|\bnxb\b|nhà xuất bản|\btoàn tập\b|https?://|\bwww\.)", re.I)


# A numbered heading over paragraphs of its own ("1. Chủ trương, quan điểm" ¶ ...): a short line
# that no punctuation closes, with at least this much text under it.
SECTION_HEADING_WORDS = 12
SECTION_BODY_CHARS = 150


def _sections(texts: list[str]) -> bool:
    """The numbered sections of a long article, not a list: every item a short heading with
    paragraphs under it."""

    def section(text: str) -> bool:
        heading, _, under = text.partition(PARAGRAPH_BREAK)
        return (
            bool(under)
            and len(heading.split()) <= SECTION_HEADING_WORDS
            and not heading.rstrip().endswith((".", ":", ";", "!", "?", "…"))
            and len(under) >= SECTION_BODY_CHARS
        )

    return all(map(section, texts[:-1])) and len(texts) > 1


# What opens a section's label rather than an item: "Về đối ngoại chính trị", "Mục đích:", "Đối với doanh nghiệp:".
SECTION_LABEL = re.compile(
    r"(?:\*\*)?(?:Về|Đối với|Trên lĩnh vực|Lĩnh vực|Mục đích|Mục tiêu|Yêu cầu|Quan điểm|Nhiệm vụ|Giải pháp|Kết quả"
    r"|Hạn chế|Tồn tại|Phương hướng|Nguyên nhân|Bài học|Nội dung)\b"
    # ... and, in a directive, the body each group of tasks is for: "1. Bộ Ngoại giao:" ¶ "a) Chủ trì ..." ¶
    # "b) ..." ¶ "2. Bộ Công Thương:" ¶ "a) ...": the lettered tasks under each are the lists
    r"|(?:Bộ|Sở|Ủy ban nhân dân|UBND|Ngân hàng Nhà nước|Văn phòng Chính phủ)\s+[^\W\d_]+[^:.;!?]{0,80}:$",
    re.I,
)


def _announces(reading: Reading) -> bool:
    """The lead-in names a kind of list and counts as many items as there are ("3 nhiệm vụ")."""
    return bool(reading.noun and LIST_NOUNS[reading.noun]) and reading.count == len(reading.spans)


def _bare_label(text: str) -> bool:
    """A section's label alone: "Về đối ngoại chính trị", "Mục đích:" (short, no sentence closes it)."""
    return (
        bool(SECTION_LABEL.match(text))
        and len(text.split()) <= SECTION_HEADING_WORDS
        and not text.endswith((".", ";", "!", "?", "…"))
    )


def _label_over_list(text: str) -> bool:
    """An item that is only a short label with a bulleted list under it."""
    label, _, under = text.partition(PARAGRAPH_BREAK)
    marked = under.lstrip()[:1] in BULLET_CHARS or LETTER_MARKER.match(under.lstrip()) is not None
    return bool(under) and marked and _bare_label(label.strip())


# What a citation must hold for the pattern to be worth trying (a case-insensitive alternation
# without a literal prefix, tried at every position, costs more than a few substring tests).
CITATION_HINTS = ("tr.", "sđd", "nxb", "nhà xuất bản", "toàn tập", "http", "www.")


def _cites(text: str) -> bool:
    lowered = text.lower()
    return any(map(lowered.__contains__, CITATION_HINTS)) and bool(CITATION.search(text))


def _citations(texts: list[str]) -> bool:
    """The notes under a long article, "(1) Hồ Chí Minh: Toàn tập, Nxb. ..., tr. 470", are no list."""
    return sum(map(_cites, texts)) * 2 >= len(texts)


# A motto's pieces are a few words each ("Trung thành, tận tụy"); a statement quoted after a colon
# has clauses ("“Đối ngoại, hội nhập quốc tế được mở rộng hơn nữa, thu về nhiều kết quả; ...”").
MOTTO_WORDS = 6


def _quoted_motto(body: str, candidate: Candidate) -> bool:
    """A motto quoted whole after a colon ("tinh thần 24 chữ: “Trung thành, tận tụy; tự tin, sáng
    tạo; ...”"), not a list of things to do: the quote opens right where the pieces begin, and
    every piece is a few words."""
    opens_quote = candidate.marker == "inline" and body[candidate.lead_end :].lstrip(": ")[:1] in '“"‘'
    pieces = candidate.raw_spans or candidate.spans
    return opens_quote and all(len(body[p.start : p.end].split()) <= MOTTO_WORDS for p in pieces)


DONE_LEAD = re.compile(r"\bđã\s*$", re.I)
TURNS_OR_ASKS = re.compile(r"^\W*(?:tuy nhiên|nhưng|song|tuy vậy|mặt khác)\b|\b(?:cần|phải|sẽ|hãy|nên)\b", re.I)


def _clauses_after_done(cue: str, texts: Sequence[str]) -> bool:
    """A list led in by a bare "đã" (no colon, no noun) whose pieces turn ("tuy nhiên") or ask
    ("cần", "sẽ"): an argument's clauses."""
    return bool(DONE_LEAD.search(cue)) and any(TURNS_OR_ASKS.search(text) for text in texts)


# A speech's salutations: "- Kính thưa các đồng chí lãnh đạo ...," ¶ "- Thưa quý vị đại biểu!", and the
# people listed under "Kính thưa:".
SALUTATION = re.compile(r"^\W*(?:(?:kính\s+)?thưa|kính\s+gửi|kính\s+chào|xin\s+chào)\b", re.I)
SALUTATION_CUE = re.compile(r"\b(?:kính\s+)?thưa\W*$", re.I)


def _salutations(cue: str, texts: Sequence[str]) -> bool:
    """Greetings at a speech's start, however marked: half the items greet, or the lead-in does."""
    # (a lead-in without "thưa" is not searched: the pattern, ignoring case, is tried at every position)
    return ("thưa" in cue.lower() and bool(SALUTATION_CUE.search(cue))) or sum(
        bool(SALUTATION.match(text)) for text in texts
    ) * 2 >= len(texts)


# At most this many words make a name ("Samsung Engineering", "Công ty Lotte Mart" is no name: "ty").
NAME_WORDS = 6


def _a_name(text: str) -> bool:
    """A name and nothing else: a few words, each capitalised ("Samsung Engineering", "CJ Foods")."""
    words = text.split()
    return 0 < len(words) <= NAME_WORDS and all(not word[0].isalpha() or word[0].isupper() for word in words)


def _names_people(cue: str, texts: list[str]) -> bool:
    """A list of people (attendees, a delegation) rather than of what they said: its lead-in
    speaks of attending, or half its items are a named person with a title."""
    if ATTENDANCE.search(fold(cue)):
        return True
    return sum(map(names_a_person, texts)) * 2 >= len(texts)


def _wrap_up(body: str, last_item: Span) -> Span | None:
    """The sentence that sums the list up after its last item, in its paragraph or opening the
    next one, if there is one."""
    paragraph_end = _paragraph_end(body, last_item.end)
    rest = body[last_item.end : paragraph_end]
    if rest.lstrip(" .…").startswith("là ") and TRAILING_COUNT.match(fold(rest)):
        return Span(last_item.end, _sentence_end(body, last_item.end, paragraph_end))  # "... là 5 bài học ..."
    if rest.strip(" .!?…"):
        match = WRAP_UP.search(rest)
        if not match or rest[: match.start()].strip(" .!?…"):
            return None
        return Span(last_item.end + match.end(), paragraph_end)
    following = paragraph_end + len(PARAGRAPH_BREAK)
    match = WRAP_UP_PARAGRAPH.match(body, following) if following < len(body) else None
    return Span(match.start(), match.end()) if match else None


@dataclass(frozen=True)
class Reading:
    """A candidate list with its lead-in read: what the "not a list" rules and build_list see."""

    candidate: Candidate
    cue_span: Span
    cue: str
    count: int | None
    noun: str | None  # the list noun the lead-in announces ("trong tam"), if any
    spans: tuple[Span, ...]
    texts: tuple[str, ...]
    wrap_up: Span | None
    body: str


def _counting_sentence(body: str, cue: Span, items: int) -> Span | None:
    """The lead-in widened back to an earlier sentence of its paragraph that counts as many items
    of a kind as the list has, when the sentence just before the list names none."""
    start = _paragraph_start(body, _paragraph_of(body, cue.start))
    sentences = sentence_spans(body[start : cue.start])
    for begin, end in reversed(sentences):
        count, noun = announced(body[start + begin : start + end])
        if count == items and noun and LIST_NOUNS[noun]:
            return Span(start + begin, cue.end)
    return None


def read(doc: Document, candidate: Candidate) -> Reading:
    """The lead-in (or the sentence that sums the list up), its count and noun, and the items."""
    body = doc.body
    cue_span = _cue(body, candidate)
    cue = body[cue_span.start : cue_span.end]
    count, noun = announced(cue)
    wrap_up = _wrap_up(body, candidate.spans[-1])
    if noun is None and wrap_up and announced(body[wrap_up.start : wrap_up.end])[1]:
        cue = body[wrap_up.start : wrap_up.end].strip()  # the lead-in comes after the list
        count, noun = announced(cue)
    if (
        noun is None
        and candidate.marker != "inline"
        and (counting := _counting_sentence(body, cue_span, len(candidate.spans)))
    ):
        cue_span = counting  # "Thủ tướng nêu 3 nhiệm vụ. Trong đó, ngành cần chú ý ..." ¶ "Thứ nhất, ..."
        cue = body[cue_span.start : cue_span.end]
        count, noun = announced(cue)
    if count is None and noun:
        lede = [doc.title or ""] + doc.paragraphs[: candidate.first_paragraph]  # split only when needed
        elsewhere = _count_elsewhere(noun, lede)
        # the count of these items, not of another list above ("Năm 2024, Sở triển khai bốn nhiệm vụ,
        # gồm: ..." over "Năm 2025, Sở tiếp tục thực hiện các nhiệm vụ: A; B; C")
        if elsewhere in (len(candidate.spans), len(candidate.raw_spans)):
            count = elsewhere
    spans = _fit_count(body, candidate, count)
    if count is not None and len(spans) == count + 1 and _closes_with_cuoi_cung(body, spans[-1]):
        spans = spans[:-1]  # "2 nhiệm vụ: Thứ nhất, ... Thứ hai, ....  Cuối cùng, Bộ trưởng cảm ơn ..."
    texts = tuple(body[s.start : s.end] for s in spans)
    return Reading(candidate, cue_span, cue, count, noun, spans, texts, wrap_up, body)


# What is not a list of things stated, one row each: (name, test), in the order they are tried.
NOT_A_LIST: tuple[tuple[str, Callable[[Reading], bool]], ...] = (
    # "(1) (2) ...": one item alone, or markers with nothing between them
    ("fewer than two items", lambda r: len(r.spans) < 2 or not _all_worded(r.spans)),
    # "1. Chủ trương, quan điểm" ¶ paragraphs ¶ "2. Nhiệm vụ, giải pháp" ¶ ...: the lists inside may stand
    # (unless the lead-in announces them: "Tổng Bí thư nêu 3 nhiệm vụ." ¶ "1. Đổi mới tư duy" ¶ paragraph ¶ ...)
    ("numbered sections", lambda r: r.candidate.marker != "inline" and not _announces(r) and _sections(list(r.texts))),
    # "1. Mục đích:" ¶ "- ..." ¶ "2. Yêu cầu:" ¶ "- ...", "- Về ngoại giao kinh tế:" ¶ "+ ..." ¶ "+ ...":
    # labels over lists, which stand
    ("labels over lists", lambda r: r.candidate.marker != "inline" and all(map(_label_over_list, r.texts))),
    # "(1) Hồ Chí Minh: Toàn tập, Nxb. Chính trị quốc gia, tr. 470"
    ("notes citing sources", lambda r: _citations(list(r.texts))),
    # "Cùng dự có các đồng chí: A, Bí thư ...; B, Phó Thủ tướng ..."
    ("people who attended", lambda r: r.noun is None and _names_people(r.cue, list(r.texts))),
    # "- Kính thưa các đồng chí lãnh đạo ...," ¶ "- Thưa các vị đại sứ, ...," ¶ "- Thưa quý vị đại biểu!"
    ("a speech's salutations", lambda r: _salutations(r.cue, r.texts)),
    # "Samsung Engineering; Lotte Mart; CJ Foods": names, of which nothing is stated
    ("names only", lambda r: all(map(_a_name, r.texts))),
    # "Ảnh: TTXVN ...; ...": a picture's credit leads into the page's next words, not a list
    ("a picture's credit", lambda r: bool(CREDIT_CUE.match(r.cue))),
    # "TS. Trần Du Lịch hỏi: Xưa nay ...; thời gian tới, ... như thế nào?", "* Phóng viên: ...?"
    # (not the questions a lead-in counts: "Thủ tướng nêu 4 câu hỏi lớn." ¶ "Thứ nhất, làm thế nào ...?")
    ("a question", lambda r: r.noun not in QUESTIONS and _asks(r.body, r.cue, r.spans[-1])),
    # "* Phóng viên: Năm tới doanh nghiệp cần gì?" ¶ "* Bộ trưởng: Trước hết, ..."
    ("an interview's turns", lambda r: _interview(r.texts)),
    # "tinh thần 24 chữ: “Trung thành, tận tụy; tự tin, sáng tạo; ...”"
    ("a motto quoted whole", lambda r: _quoted_motto(r.body, r.candidate)),
    # "* Thưa ông, năm 2024 ... đạt được những kết quả gì?" ¶ "- Năm 2024, chúng tôi ..." ¶ "* Năm 2025 ...?":
    # an interview whose questions and answers open with bullets; the lists inside the answers stand
    ("an interview's questions and answers", lambda r: r.noun not in QUESTIONS and _questions_among(r.texts)),
    # "Về phía Việt Nam, ..." ¶ "Về phía Nhật Bản, ...": paragraphs opening on a field are a list only
    # under a lead-in that counts them ("tỉnh đạt 3 kết quả nổi bật." ¶ "Về ngoại giao kinh tế, ...")
    ("fields not counted", lambda r: r.candidate.marker in ("field", "label") and r.count != len(r.spans)),
    # "Ngành đã triển khai nhiều hoạt động; tuy nhiên vẫn còn hạn chế; thời gian tới cần đổi mới":
    # pieces after a bare "đã" that turn or ask are clauses of an argument, not things done
    ("clauses after đã", lambda r: _clauses_after_done(r.cue, r.texts)),
)


# A picture's credit as a lead-in: "Ảnh", "Ảnh minh họa", "Nguồn", "Ảnh: TTXVN".
CREDIT_CUE: re.Pattern[str] = re.compile(r"\W*(?:Ảnh|Nguồn|Photo|Đồ họa)(?:\s+minh\s+họa)?\W*$", re.I)

# A lead-in that asks: "Phóng viên hỏi", "PV:", "TS. Trần Du Lịch hỏi" (not "2 cơ hội": marks matter).
QUESTION_CUE = re.compile(r"\b(?:hỏi|phóng viên|pv|nhà báo)\W*$", re.I)

# An interview's turns: "* Phóng viên: ...?" ¶ "* Bộ trưởng: ..." (a label of a few words and a colon).
INTERVIEW_TURN = re.compile(r"^[^:.;?!]{2,60}:\s")


def _asks(body: str, cue: str, last: Span) -> bool:
    """A question put in an interview, however many ';' it holds: its lead-in asks, or its last
    piece ends with a question mark."""
    return bool(QUESTION_CUE.search(cue)) or body[last.end : last.end + 2].lstrip(' ”"').startswith("?")


def _interview(texts: Sequence[str]) -> bool:
    """Turns of an interview marked like items: half open with a speaker's label, and one asks."""
    if not any("?" in text for text in texts):
        return False  # the cheaper test first
    return sum(bool(INTERVIEW_TURN.match(text)) for text in texts) * 2 >= len(texts)


def _questions_among(texts: Sequence[str]) -> bool:
    """A third of the items or more are questions: turns of an interview, not things stated."""
    return sum(text.rstrip(' "”').endswith("?") for text in texts) * 3 >= len(texts)


def not_a_list(reading: Reading) -> str | None:
    """The name of the first NOT_A_LIST row that `reading` meets, or None for a list."""
    return next((name for name, test in NOT_A_LIST if test(reading)), None)


# What a sentence or an item may end with; text that stops on anything else was cut off.
CLOSING = '.!?…;:”"’)]»'


def _cut_off(body: str, spans: Sequence[Span], count: int | None) -> bool:
    """True when the text ends inside the last item, mid-sentence ("... ước thực hi"), where the
    items before it were closed by punctuation or the lead-in announced more: the page or the copy
    was cut off, and the item (and maybe the list) is incomplete. The same test for every shape
    of list; bullets that no item closes ("- Thu hút đầu tư" at an article's end) are not cut off."""
    last = spans[-1]
    if body[last.end :].strip() or body[last.end - 1] in CLOSING:
        return False
    closed = any(body[span.end : span.end + 3].lstrip()[:1] in tuple(CLOSING) for span in spans[:-1])
    return closed or (count is not None and count > len(spans))


# A document's section heading: "I. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2024", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ".
ROMAN_HEADING = re.compile(r"^[IVX]{1,4}\s*[.)/-]\s+\S")
# How far above a list its section's heading or its enclosing list's lead-in may stand.
HEADING_LOOKBACK_PARAGRAPHS = 30


def _heading_above(body: str, paragraph: int) -> str:
    """What a list under a label ("Về đối ngoại chính trị" ¶ "- ...") belongs to, for its kind
    when its own lead-in is silent: the section headings above it (numbered in Roman, in capitals,
    "1. Những kết quả chủ yếu" over "1.1. Về đối ngoại:") and lead-ins ending with a colon, past
    the bullets between, in reading order, so that the nearest one that names a kind names it."""
    headings: list[str] = []
    for number in range(paragraph - 1, max(-1, paragraph - 1 - HEADING_LOOKBACK_PARAGRAPHS), -1):
        text = _paragraph_text(body, number).strip()
        if text and text[0] not in BULLET_CHARS and _is_heading(text):
            headings.insert(0, text)
            if len(headings) == MAX_HEADINGS:
                break
    return " | ".join(headings)


# How many headings above a list are read for its kind: its label, its section, the part above.
MAX_HEADINGS = 3
# A numbered heading: "1. Những kết quả chủ yếu", "1.1. Về đối ngoại:", "2) Phương hướng".
NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}[.)]){1,3}\s+\S")


def _is_heading(text: str) -> bool:
    if ROMAN_HEADING.match(text) or text.endswith(":") or (text.isupper() and len(text.split()) >= 2):
        return True
    return bool(NUMBERED_HEADING.match(text)) and len(text.split()) <= SECTION_HEADING_WORDS and text[-1] not in CLOSING


# A title over a list's lead-in: a short line no punctuation closes, one or two paragraphs above the list.
TITLE_WORDS = 15
TITLE_LOOKBACK_PARAGRAPHS = 2


def _title_above(body: str, paragraph: int) -> str:
    for number in range(paragraph - 1, max(-1, paragraph - 1 - TITLE_LOOKBACK_PARAGRAPHS), -1):
        text = _paragraph_text(body, number).strip()
        if text and len(text.split()) <= TITLE_WORDS and text[-1] not in CLOSING and text[0] not in BULLET_CHARS:
            return text
    return ""


def _question_above(body: str, paragraph: int) -> str:
    """The question an interview put just before the answer that holds a list's lead-in, if any."""
    text = _paragraph_text(body, paragraph - 1) if paragraph > 0 else ""
    return text if QUESTION_PARAGRAPH.search(text) else ""


# A year's work told once the year is over: "Năm 2024, Sở tập trung triển khai bốn nhiệm vụ trọng
# tâm, gồm: ..." stated in January 2025 (folded; the year opens the lead-in, a verb of doing follows,
# nothing asks or looks ahead).
DONE_IN_YEAR = re.compile(
    r"^\W*(?:trong\s+)?nam\s+((?:19|20)\d{2})\s*,?\s+(?:[^\s,.;:]+\s+){0,4}?(?:tap trung|trien khai|thuc hien"
    r"|tham muu|phoi hop|chu tri|to chuc|ho tro|van dong)\b"  # "Năm 2024, Sở Ngoại vụ tham mưu UBND tỉnh: ..."
)
LOOKS_AHEAD = re.compile(r"\b(?:sẽ|cần|phải|tiếp tục|đề ra|đặt ra|xác định)\b", re.I)


def _told_after_its_year(cue: str, doc: Document) -> bool:
    """... or at its end: "Năm 2024, Sở triển khai ..." told in December 2024 (when a plan is for the next year)."""
    done = DONE_IN_YEAR.match(fold(cue))
    if not done or not doc.statement_year or LOOKS_AHEAD.search(cue):
        return False
    year, month = int(done.group(1)), int(doc.date[5:7]) if doc.date else None
    return year < doc.statement_year or (year == doc.statement_year and (month or 0) >= NEXT_YEAR_FROM_MONTH)


# How many of the body's first paragraphs are its sapo (the lede that sums the article up).
LEDE_PARAGRAPHS = 2


def _lede_counting(doc: Document, candidate: Candidate, items: int) -> str:
    """The headline or the sapo above the list that counts as many items of a kind as it has."""
    for text in [doc.title or "", *doc.paragraphs[: min(LEDE_PARAGRAPHS, candidate.first_paragraph)]]:
        count, noun = announced(text)
        if count == items and noun and LIST_NOUNS[noun]:
            return text
    return ""


# A joint statement given whole: "TTXVN trân trọng giới thiệu toàn văn Tuyên bố chung." (folded)
JOINT_TEXT_OPENING = "toan van"
JOINT_TEXT = re.compile(r"\btoan van\b[^.]{0,40}\b(?:tuyen bo chung|thong cao chung|tuyen bo (?:ve )?tam nhin)")


def _joint_statement(doc: Document) -> bool:
    """Whether the page gives a joint statement's text whole (its headline or sapo says so): every list
    in it is what two sides state together."""
    # (a text without the pattern's opening words is not searched)
    return any(
        JOINT_TEXT_OPENING in folded and JOINT_TEXT.search(folded)
        for folded in map(fold, [doc.title or "", *doc.paragraphs[:LEDE_PARAGRAPHS]])
    )


def build_list(doc: Document, reading: Reading, people: list[Person], joint: bool = False) -> StatementList:
    """The list a reading gives, with its kind, year and speaker; `joint`: the page gives a joint
    statement whole (`_joint_statement`, asked once a page)."""
    body, candidate, cue, spans, texts = doc.body, reading.candidate, reading.cue, reading.spans, reading.texts
    opener = texts[0].split(",")[0]
    first = candidate.first_paragraph
    kind = classify(
        cue,
        opener,
        list(texts),
        lambda: _heading_above(body, first),
        lambda: _title_above(body, first),
        lambda: _question_above(body, _paragraph_of(body, reading.cue_span.start)),
        lambda: _lede_counting(doc, candidate, len(spans)),
    )
    if joint:
        kind = "other"  # two voices, whatever a list inside says ("Hai nước đã thu được ...", "hai nước sẽ: ...")
    if kind == "priority" and _told_after_its_year(cue, doc):
        kind = "achievement"
    year = target_year(kind, cue, doc)
    after = reading.wrap_up or Span(spans[-1].end, spans[-1].end)
    speaker, title = _speaker(body, candidate, reading.cue_span, after, kind, people)
    if speaker is None and kind != "agenda":
        # a signed article, or one the page presents as an official's, states its author's lists
        if author := signed_author(doc.byline, people) or article_writer(doc.paragraphs, people):
            speaker, title = author.name, author.title
    if title and speaker != title and (FOREIGN_LEADER.search(title) or _described_abroad(body, title)):
        # "Bộ trưởng Ngoại giao Nhật Bản cho biết ...", "Thủ tướng Lawrence Wong đề xuất ..." (named first
        # as "Thủ tướng Singapore Lawrence Wong"): not the minister of ours the page names
        speaker = title
    if kind == "priority" and _other_voice(speaker, title, cue, body):
        kind = "other"  # a business's, a scholar's or another country's proposals
    items = tuple(
        Statement(kind, n, text, _paragraph_of(body, s.start), s.start, s.end, year, speaker)
        for n, (s, text) in enumerate(zip(spans, texts), start=1)
    )
    return StatementList(
        kind, items, reading.count, year, speaker, title, cue, candidate.marker, _cut_off(body, spans, reading.count)
    )


def _without_repeats(lists: list[StatementList]) -> list[StatementList]:
    """One list per set of items: the lede's "3 nhiệm vụ gồm: A; B; C" and the body's "Thứ nhất,
    A ... Thứ hai, B ..." are one statement of three priorities, kept in its fuller wording."""
    kept: list[tuple[StatementList, list[str]]] = []
    for found in lists:
        keys = [key(item.text) for item in found.items]
        twin = next(
            (i for i, (k, k_keys) in enumerate(kept) if k.kind == found.kind and same_items(keys, k_keys)), None
        )
        if twin is None:
            kept.append((found, keys))
        elif sum(len(item.text) for item in found.items) > sum(len(item.text) for item in kept[twin][0].items):
            kept[twin] = (found, keys)
    return sorted((found for found, _ in kept), key=lambda found: found.items[0].start)


def _with_headline_people(people: list[Person], title: str | None) -> list[Person]:
    """The people the body names, then those only the headline names ("Thủ tướng Phạm Minh Chính:
    Ngoại giao kinh tế phải ..." over a body that says "Thủ tướng nêu 3 nhiệm vụ ...")."""
    known = {person.name for person in people}
    return people + [person for person in find_people(title or "") if person.name not in known]


def extract(doc: Document) -> Extraction:
    """Every enumerated list stated in `doc`, in reading order."""
    paragraphs = doc.paragraphs
    people = _with_headline_people(list(doc.people) or find_people(doc.body), doc.title)
    candidates = (
        marker_candidates(doc.body, paragraphs)
        + inline_candidates(doc.body, paragraphs)
        + counted_paragraphs(doc.body, paragraphs)
    )
    readings = _choose([reading for c in candidates if not not_a_list(reading := read(doc, c))])
    joint = bool(readings) and _joint_statement(doc)
    lists = _without_repeats([build_list(doc, reading, people, joint) for reading in readings])
    return Extraction(lists=tuple(lists), directives=find_directives(doc, lists))
