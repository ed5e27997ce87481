"""Vietnamese text normalisation shared by every stage.

Three forms of the same text exist in ngkt:

- the *stored* text: Unicode NFC, exactly as the article wrote it (what users read and quotes cite);
- the *key*: NFC, lower case, one tone-mark placement ("hoá" == "hóa"), whitespace folded; used to
  compare wordings and to match the gold annotation;
- the *folded* form: no marks at all and "đ" -> "d", one character per stored character so that
  offsets found in it are offsets in the stored text (accent-insensitive search and highlighting).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from re import _constants as _sre  # type: ignore[attr-defined]  # (the `re` module's own parser)
from re import _parser  # type: ignore[attr-defined]
from typing import TypeVar

import ahocorasick

from . import pattern_facts

T = TypeVar("T")

# Combining tone marks (grave, acute, tilde, hook above, dot below) as NFD writes them.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _old_to_new_placement() -> dict[str, str]:
    """Old-style pair -> new-style pair, as NFC letters ("oá" -> "óa", "uỳ" -> "ùy")."""
    moves = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in TONE_MARKS:
            for f, s in (
                (first, second),
                (first.upper(), second),
                (first, second.upper()),
                (first.upper(), second.upper()),
            ):
                old = f + unicodedata.normalize("NFC", s + mark)
                moves[old] = unicodedata.normalize("NFC", f + mark) + s
    return moves


# Old-style tone placement on open syllables "oa", "oe", "uy": "hoá", "khoẻ", "tuỳ" become the
# new style "hóa", "khỏe", "tùy" (underthesea's choice too). Not after "q": in "quý" the "u" is
# part of the consonant. Only when no letter follows: "hoàn", "thuyết" are the same in both styles.
# Matched on NFC text, so that a key costs one regex scan, not a decomposition and recomposition
# of the whole text.
_NEW_PLACEMENT = _old_to_new_placement()


def _pairs_pattern(pairs: Iterable[str]) -> str:
    """An alternation matching exactly the two-letter `pairs`, one branch per first letter with
    its second letters as a class ("o[àá...]|u[ỳý...]"): the regex engine tests a class in one
    step where the 60 literal branches were tried one by one at every "o" and "u"."""
    seconds: dict[str, set[str]] = {}
    for pair in pairs:
        seconds.setdefault(pair[0], set()).add(pair[1])
    return "|".join(
        f"{re.escape(first)}[{''.join(map(re.escape, sorted(found)))}]" for first, found in sorted(seconds.items())
    )


# No look-behind for the "q": it would cost the pattern its fast first-letter scan.
_OLD_TONE_PLACEMENT = re.compile("(?:" + _pairs_pattern(_NEW_PLACEMENT) + r")(?![^\W\d_])")


def nfc(text: str) -> str:
    """Compose to NFC: input arrives as NFC, NFD or legacy decomposed Windows-1258."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match[str]) -> str:
    if match.start() and match.string[match.start() - 1] in "qQ":
        return match.group()
    return _NEW_PLACEMENT[match.group()]


def unify_tone_placement(text: str) -> str:
    """Move old-style tone marks ("hoá") to the new-style vowel ("hóa"); returns NFC."""
    return _OLD_TONE_PLACEMENT.sub(_move_tone, nfc(text))


# Keys worked out lately, by text: a list item's key is asked for by the extraction (is the list
# said twice?) and again by the ingest worker for the writer. Only statement-sized texts are
# kept, and at most KEYS_KEPT of them (then all are forgotten at once).
_KEYS: dict[str, str] = {}
KEYS_KEPT = 2048
KEYED_TEXT_KEPT_CHARS = 1000


def key(text: str) -> str:
    """The matching key: NFC, new-style tones, lower case, single spaces."""
    found = _KEYS.get(text)
    if found is None:
        found = " ".join(unify_tone_placement(text).lower().split())
        if len(text) <= KEYED_TEXT_KEPT_CHARS:
            if len(_KEYS) >= KEYS_KEPT:
                _KEYS.clear()
            _KEYS[text] = found
    return found


# The last character str.isspace() holds to be white space (U+3000, the ideographic space).
LAST_SPACE = 0x3000


@lru_cache(maxsize=1)
def _other_space() -> re.Pattern[str]:
    """Any white space `str.split()` splits at but " " and "\n", as a class of the characters
    themselves: the regex engine tests such a class from a table, where "[^\\S \\n]" asks each
    character's Unicode category (twice as slow over a body)."""
    spaces = (char for char in map(chr, range(LAST_SPACE + 1)) if char.isspace() and char not in " \n")
    return re.compile("[" + "".join(map(re.escape, spaces)) + "]")


def _other_space_in(text: str) -> bool:
    """Whether `text` holds white space other than " " and "\n". Every such character is one
    `str.isprintable` rejects (a control character or a separator: tests/test_text.py checks
    each), and that test (about 25 instructions a character) costs less than the class's search
    (about 60): the class is searched for only in a text holding a character it rejects."""
    return not text.replace("\n", " ").isprintable() and bool(_other_space().search(text))


def single_spaced_lines(text: str, is_plain: bool = False) -> bool:
    """Whether each line of `text` (lines parted by "\n") is its words parted by single spaces:
    what `" ".join(line.split())` leaves as it is. `is_plain`: the caller knows `text` is `plain`,
    whose only white space but " " and "\n" is "\t" and "\r" (tests/test_text.py checks every
    plain character)."""
    return not (
        (("\t" in text or "\r" in text) if is_plain else _other_space_in(text))
        or "  " in text
        or " \n" in text
        or "\n " in text
        or text.startswith(" ")
        or text.endswith(" ")
    )


# ---------------------------------------------------------------------------------------------
# What a pattern's matches open with: the quick tests a stage derives from its own patterns


@lru_cache(maxsize=1)
def _spaces() -> frozenset[str]:
    """What `_opening` reads a class of white space ("\\s") as: every character str.isspace()
    holds to be one (the regex engine's "\\s" in a str pattern), none beyond U+3000 (worked out
    when first asked, not at every start-up)."""
    return frozenset(char for char in map(chr, range(LAST_SPACE + 1)) if char.isspace())


# A class of more characters than this opens anything, as far as `_opening` tells.
_WIDEST_CLASS = 512


def _class_characters(items: list) -> set[str] | None:
    """The characters a parsed class ("[-•*]", "[\\s]") holds, or None for a negated or wide one."""
    found: set[str] = set()
    for op, arg in items:
        if op is _sre.LITERAL:
            found.add(chr(arg))
        elif op is _sre.RANGE and arg[1] - arg[0] <= _WIDEST_CLASS:
            found.update(map(chr, range(arg[0], arg[1] + 1)))
        elif op is _sre.CATEGORY and arg is _sre.CATEGORY_SPACE:
            found |= _spaces()
        else:
            return None
    return found


def _opening(items: list) -> tuple[set[str] | None, bool]:
    """(the characters a match of the parsed `items` may open with, None for any; whether the
    items may match nothing at all). Look-arounds and anchors take no character: what follows
    them opens the match."""
    found: set[str] = set()
    for op, arg in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        if op is _sre.LITERAL or op is _sre.IN:
            opens = {chr(arg)} if op is _sre.LITERAL else _class_characters(arg)
            return (None if opens is None else found | opens), False
        if op is _sre.BRANCH:
            branches = [_opening(branch) for branch in arg[1]]
        elif op is _sre.SUBPATTERN or op is _sre.ATOMIC_GROUP:
            if op is _sre.SUBPATTERN and arg[1] & re.IGNORECASE:
                return None, False
            branches = [_opening(arg[-1])]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            opens, empty = _opening(arg[2])
            branches = [(opens, empty or arg[0] == 0)]
        else:
            return None, False  # any character, a negated one, a back-reference: anything
        for opens, _ in branches:
            if opens is None:
                return None, False
            found |= opens
        if not any(empty for _, empty in branches):
            return found, False
    return found, True


def first_characters(items: list) -> set[str] | None:
    """The characters a match of the parsed `items` (of a pattern not ignoring case) may open
    with, or None when that may be any (or the match may be empty)."""
    opens, empty = _opening(items)
    return None if opens is None or empty else opens


@pattern_facts.kept
def opening_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of `pattern` may open with, or None when that may be any (or
    the match may be empty): a text whose first character is not one of them is not matched."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = first_characters(list(_parser.parse(pattern.pattern, pattern.flags)))
    return None if found is None else frozenset(found)


@pattern_facts.kept
def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Texts every match of `pattern` holds: its runs of plain characters outside any group,
    class, repeat or alternative ("^.{10,200}\\s?-\\s?anh \\d{1,2}$" -> "-", "anh "). A text
    lacking one of them is not matched; () when the pattern ignores case or has none."""
    if pattern.flags & re.IGNORECASE:
        return ()
    runs: list[str] = []
    run = ""
    for op, arg in _parser.parse(pattern.pattern, pattern.flags):
        if op is _sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            runs.append(run)
        run = ""
    return tuple(runs + [run] if run else runs)


def _one_of(items: Sequence) -> tuple[str, ...] | None:
    """Texts one of which every match of the parsed sequence `items` holds, or None."""
    found: list[tuple[str, ...]] = []
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            found.append((run,))
        run = ""
        if op is _sre.BRANCH:
            branches = [_one_of(branch) for branch in arg[1]]
            if all(branches):
                found.append(tuple(text for branch in branches if branch for text in branch))
        elif op is _sre.SUBPATTERN and not arg[1] & re.IGNORECASE:  # a group: matched once
            if inner := _one_of(arg[3]):
                found.append(inner)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:  # repeated at least once
            if inner := _one_of(arg[2]):
                found.append(inner)
    # the strongest: the one whose shortest text is the longest, then the fewest texts
    return max(found, key=lambda texts: (min(map(len, texts)), -len(texts)), default=None)


@pattern_facts.kept
def required_one_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Texts one of which every match of `pattern` holds, read from the parsed pattern: a run of
    plain characters outside any alternative, optional part or class, or of each alternative of
    an alternation ("\\b(?:den|toi)(?: nam)? 20\\d\\d" -> "den", "toi"). A text holding none of
    them is not matched; None when the pattern ignores case or no such texts are found."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _one_of(list(_parser.parse(pattern.pattern, pattern.flags)))


# What each item of a needle is worth: a letter or a sign 4, a space 2, a class of a few
# characters 2, a digit 1 (a repeat counts twice at most: years are everywhere), anything wider
# 0 (trimmed off a needle's ends, as are the items that may match nothing).
_NEEDLE_CATEGORIES = {_sre.CATEGORY_DIGIT: (r"\d", 1), _sre.CATEGORY_SPACE: (r"\s", 0)}
_NARROW_CLASS = 16
# A needle worth less than this is too common to spare a search ("\d{4}", a letter).
MIN_NEEDLE_WORTH = 4

# A needle: (the source of each of its items, what it is worth, whether it holds a digit).
_Needle = tuple[tuple[str, ...], int, bool]


def _needle_item(op, arg) -> tuple[str, int, bool] | None:
    """(source, worth, whether it is a digit) of one single-character item: a literal, or a class
    of literals, ranges, digits and spaces; None for any other (a negated class, a word class, ".")."""
    if op is _sre.LITERAL:
        return re.escape(chr(arg)), 2 if chr(arg).isspace() else 4, False
    if op is not _sre.IN:
        return None
    parts, size, worth = [], 0, 2
    for item_op, item_arg in arg:
        if item_op is _sre.LITERAL:
            parts.append(re.escape(chr(item_arg)))
            size += 1
        elif item_op is _sre.RANGE:
            parts.append(re.escape(chr(item_arg[0])) + "-" + re.escape(chr(item_arg[1])))
            size += item_arg[1] - item_arg[0] + 1
        elif item_op is _sre.CATEGORY and item_arg in _NEEDLE_CATEGORIES:
            written, item_worth = _NEEDLE_CATEGORIES[item_arg]
            parts.append(written)
            worth = min(worth, item_worth)
        else:
            return None
    digit = arg == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]
    return "[" + "".join(parts) + "]", worth if size <= _NARROW_CLASS else 0, digit


def _run_item(op, arg) -> tuple[str, str, int, bool] | None:
    """(source of the item's fewest characters, source of the item as written, their worth,
    whether they are digits) of an item matching characters of one class only: a single-character
    item, a repeat of one (worth 0 when it may match nothing), or a group holding one; None for
    any other."""
    if op is _sre.SUBPATTERN and not arg[1] and not arg[2] and len(arg[3]) == 1:  # "([/.-])"
        return _run_item(*arg[3][0])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and len(arg[2]) == 1:
        one = _needle_item(*arg[2][0])
        if one is None:
            return None
        fewest = one[0] if arg[0] == 1 else f"{one[0]}{{{arg[0]}}}"
        most = "" if arg[1] is _sre.MAXREPEAT else str(arg[1])
        return fewest, f"{one[0]}{{{arg[0]},{most}}}", one[1] * min(arg[0], 2), one[2]
    one = _needle_item(op, arg)
    return None if one is None else (one[0], one[0], one[1], one[2])


def _run_needle(run: list[tuple[str, str, int, bool]]) -> _Needle | None:
    """A run of consecutive items' needle: its items less the worthless ones at either end, the
    first and the last as their fewest characters (a match holds the first's last ones, the items
    between whole and the last's first ones, side by side)."""
    while run and not run[0][2]:
        run = run[1:]
    while run and not run[-1][2]:
        run = run[:-1]
    if not run:
        return None
    items = (run[0][0], *(written for _, written, _, _ in run[1:-1]), *([run[-1][0]] if len(run) > 1 else []))
    return items, sum(item[2] for item in run), any(item[3] and item[2] for item in run)


def _better(needle: tuple[tuple[tuple[str, ...], ...], int, bool]) -> tuple[bool, bool, int]:
    """How good a needle is: worth MIN_NEEDLE_WORTH, then one holding a digit (press text has far
    fewer digits than letters: a digit beside a sign or a word is rarer than any syllable), then
    its worth."""
    return needle[1] >= MIN_NEEDLE_WORTH, needle[2], needle[1]


def _sequence_needles(items) -> tuple[tuple[tuple[str, ...], ...], int, bool] | None:
    """(sources one of which every match of the parsed sequence `items` holds a match of, the
    weakest one's worth, whether each holds a digit), the best found (`_better`): a run of
    consecutive single-character items, or an alternation each of whose branches has its own;
    None when there is none."""
    found: list[tuple[tuple[tuple[str, ...], ...], int, bool]] = []
    run: list[tuple[str, str, int, bool]] = []
    for op, arg in [*items, (None, None)]:
        item = None if op is None else _run_item(op, arg)
        if item is not None:
            run.append(item)
            continue
        if (needle := _run_needle(run)) is not None:
            found.append(((needle[0],), needle[1], needle[2]))
        run = []
        branches = []
        if op is _sre.BRANCH:
            branches = [_sequence_needles(branch) for branch in arg[1]]
        elif op is _sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group matched once
            branches = [_sequence_needles(arg[3])]
        if branches and all(branches):
            sources = tuple(dict.fromkeys(source for branch in branches if branch for source in branch[0]))
            worth = min(branch[1] for branch in branches if branch)
            found.append((sources, worth, all(branch[2] for branch in branches if branch)))
    return max(found, key=_better, default=None)


@pattern_facts.kept
def needle(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A quick test derived from `pattern`, for one whose matches are costly to look for (an
    alternation of many shapes each tried at the start, bounded repeats backing off character by
    character): a pattern every match of `pattern` holds a match of, read from each alternative's
    runs of literals and narrow classes ("\\d[/.-]\\d" out of "...\\d{1,2}([/.-])\\d{1,2}\\1\\d{4}...",
    the alternatives of "[^\\d]{0,40}(?:ngay dang|cap nhat)"). A text in which it finds nothing is
    not matched. None when the pattern ignores case, is not read that way, or some alternative
    has no needle worth MIN_NEEDLE_WORTH."""
    if pattern.flags & (re.IGNORECASE | re.ASCII | re.LOCALE):
        return None
    found = _sequence_needles(list(_parser.parse(pattern.pattern, pattern.flags)))
    if found is None or found[1] < MIN_NEEDLE_WORTH:
        return None
    return re.compile(_trie_source(found[0]))


def _trie_source(needles: Iterable[tuple[str, ...]]) -> str:
    """One pattern of needles given as their items' sources, alternatives sharing their first
    items written once ("\\d[/.-](?:\\d|...)"): the engine tries a few alternatives at each
    position instead of all of them. A needle that opens another stands for both."""
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for items in needles:
        firsts.setdefault(items[0], []).append(items[1:])
    written = []
    for first, rests in firsts.items():
        if not all(rests):  # the first item is a needle of its own
            written.append(first)
        else:
            rest = _trie_source(rests)
            written.append(first + (f"(?:{rest})" if len(rests) > 1 and "|" in rest else rest))
    return "|".join(written)


class WordStarts:
    """Every place in a text where one of some words starts (overlapping ones too: "Thủ tướng"
    inside "Phó Thủ tướng"), for each of a few lists of words: where a pattern that can only
    match at such a place may match. One pass of an Aho-Corasick automaton over the text, in C
    (pyahocorasick), finds them for all the lists at once; a regex alternation of the words has
    the engine try its branches at each of the thousand letters a body opens them with."""

    def __init__(self, *lists: Iterable[str]) -> None:
        self.lists = len(lists)
        kinds: dict[str, int] = {}  # a word -> the lists it is in, as bits
        for number, words in enumerate(lists):
            for word in words:
                if word:
                    kinds[word] = kinds.get(word, 0) | 1 << number
        automaton = ahocorasick.Automaton()
        for word, bits in kinds.items():
            automaton.add_word(word, (len(word) - 1, tuple(n for n in range(len(lists)) if bits >> n & 1)))
        automaton.make_automaton()
        self._iter = automaton.iter if kinds else None

    def __call__(self, text: str) -> list[list[int]]:
        """For each list, the places in `text` where one of its words starts, in order."""
        found: list[list[int]] = [[] for _ in range(self.lists)]
        if self._iter is not None:
            for end, (back, numbers) in self._iter(text):
                for number in numbers:
                    found[number].append(end - back)
        return [sorted(set(starts)) for starts in found]


def paragraph_keys(paragraphs: list[str]) -> list[str]:
    """`key` of each paragraph, in one pass over all of them when none holds a line break (the
    key's steps change no line break and see no further than the next character); the white
    space of each is folded only when one holds more than single spaces between words (the
    cleaner's paragraphs hold none). They are joined as a body is (PARAGRAPH_BREAK), so that
    whether the body is `plain` is asked once: a plain text is NFC already."""
    if len(paragraphs) < 2 or any("\n" in paragraph for paragraph in paragraphs):
        return [key(paragraph) for paragraph in paragraphs]
    joined = PARAGRAPH_BREAK.join(paragraphs)
    is_plain = plain(joined)  # and so is its lower case
    lowered = lower_kept(_OLD_TONE_PLACEMENT.sub(_move_tone, joined) if is_plain else unify_tone_placement(joined))
    if single_spaced_lines(lowered, is_plain):
        return lowered.split(PARAGRAPH_BREAK)
    return [" ".join(part.split()) for part in lowered.split(PARAGRAPH_BREAK)]


def joined_key(keys: list[str]) -> str:
    """The key of texts joined by line breaks (a body's paragraphs), from their keys."""
    return " ".join(filter(None, keys))


def _fold_char(char: str) -> str:
    """One character folded: its base letter in lower case ("Ế" -> "e", "đ" -> "d"), or itself.
    White space and line breaks fold to themselves, as "|" and "\\" do and nothing else
    (tests/test_text.py checks every character): a line folded is the folded text's line."""
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    return base.lower() if len(base.lower()) == 1 else char


class _FoldTable(dict):
    """str.translate table that folds each character on first sight and remembers it."""

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = _fold_char(chr(codepoint))
        return folded


_FOLD = _FoldTable()


# Characters below this (Latin, Vietnamese, general punctuation such as quotes and dashes) fold
# through a list indexed by code point, twice as fast as the dictionary; text with any character
# beyond it goes through the dictionary. (Written as the characters below it, not above: the same
# set, which `re` compiles in 0.3 ms instead of 2.5 by marking every code point of a range.)
_BEYOND_FOLD_LIST = re.compile("[^\x00-\u21ff]")
_fold_list: list[str] = []


def _fold_by_table(text: str) -> str:
    """`fold` through `str.translate`: any character (about 300 instructions a character)."""
    if _BEYOND_FOLD_LIST.search(text):
        return text.translate(_FOLD)
    if not _fold_list:
        _fold_list.extend(_FOLD[codepoint] for codepoint in range(0x2200))
    return text.translate(_fold_list)


def _codec_characters() -> str:
    """The 256 characters `fold` folds through a codec, as a charmap codec's table ("\x00"
    first): printable ASCII with tab and line breaks, every letter of Vietnamese in both cases
    (each vowel bare and with each of TONE_MARKS, and "đ"), and the general punctuation press
    text uses (U+2010 to U+2026: dashes, curly quotes, bullet, ellipsis)."""
    ascii_ = [chr(c) for c in range(0x7F) if c >= 0x20 or chr(c) in "\x00\t\n\r"]
    vowels = [unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in ("", *TONE_MARKS)]
    letters = [c for v in (*vowels, "đ") for c in (v, v.upper()) if c not in ascii_]
    return "".join(ascii_ + letters + [chr(c) for c in range(0x2010, 0x2027)])


# `fold` through a charmap codec (the mechanism of the standard library's one-byte codecs): each
# character above is encoded as its byte (a table lookup in C), and the bytes decoded as the
# characters they fold to: about 65 instructions a character where `str.translate` takes 300
# (it makes an integer of each character and looks it up as a Python object).
_FOLD_CHARACTERS = _codec_characters()
PLAIN_CHARACTERS = _FOLD_CHARACTERS  # what a `plain` text is made of
_FOLD_ENCODING = codecs.charmap_build(_FOLD_CHARACTERS)
_FOLD_DECODING = "".join(map(_fold_char, _FOLD_CHARACTERS))

# Any character but the codec's: a text without one is `plain`.
_NOT_PLAIN = re.compile("[^" + "".join(map(re.escape, _FOLD_CHARACTERS)) + "]")

# The texts `plain` answered for lately (a body is asked by its keys, then by its paragraph terms).
_PLAIN: dict[str, bool] = {}
PLAIN_KEPT = 2


def plain(text: str) -> bool:
    """Whether `text` is made of the codec's characters only (_FOLD_CHARACTERS: ASCII, the letters
    of Vietnamese in both cases as NFC writes them, U+2010 to U+2026), as most press text is. Such
    a text is NFC (no two of them compose: tests/test_text.py checks every pair), its letters are
    those of Vietnamese and ASCII, and its digits ASCII ones: the body-wide passes test them by
    ranges of code points instead of asking each character's Unicode category. One search of a
    class, in C, about 15 instructions a character; the last PLAIN_KEPT answers are kept."""
    found = _PLAIN.get(text)
    return _kept(_PLAIN, PLAIN_KEPT, text, not _NOT_PLAIN.search(text)) if found is None else found


def keep_plain(text: str) -> None:
    """Tell `plain` that `text` is plain: the cleaning folded the lines a body is made of, which
    finds it (`fold_plain`), so the ingest worker need not search the body again."""
    _kept(_PLAIN, PLAIN_KEPT, text, True)


# The texts `lower_kept` lower-cased lately, each with its lower case.
_LOWER: dict[str, str] = {}
LOWER_KEPT = 2


def lower_kept(text: str) -> str:
    """`text.lower()`, kept for the last LOWER_KEPT texts: a body is lower-cased for its keys
    (`paragraph_keys`, which hands its text over as is when no tone is placed the old way), then
    for its paragraph terms and the list and directive finders' quick tests (about 60
    instructions a character each time)."""
    found = _LOWER.get(text)
    return _kept(_LOWER, LOWER_KEPT, text, text.lower()) if found is None else found


def _kept(answers: dict[str, T], most: int, text: str, answer: T) -> T:
    """`answer` kept for `text` among the last `most` texts' `answers` (the oldest forgotten)."""
    answers[text] = answer
    while len(answers) > most:
        del answers[next(iter(answers))]  # the oldest
    return answer


# A text whose characters outside the codec's (a "»", an emoji) break it into more pieces than
# this is folded by the table from there on.
FOLD_CODEC_PIECES = 16


def _fold_by_codec(text: str) -> str:
    """`fold` of a text of _FOLD_CHARACTERS only; UnicodeEncodeError at the first run of others."""
    return codecs.charmap_decode(codecs.charmap_encode(text, "strict", _FOLD_ENCODING)[0], "strict", _FOLD_DECODING)[0]


def fold_plain(text: str) -> tuple[str, bool]:
    """(`fold(text)`, whether `text` is `plain`): the codec folds a plain text whole, at its first try."""
    done = ""
    for piece in range(FOLD_CODEC_PIECES):
        try:
            return done + _fold_by_codec(text), piece == 0
        except UnicodeEncodeError as outside:
            done += _fold_by_codec(text[: outside.start]) + _fold_by_table(text[outside.start : outside.end])
            text = text[outside.end :]
    return done + _fold_by_table(text), False


def fold(text: str) -> str:
    """Strip every mark, fold "đ" to "d", lower-case; same length as `text` when it is NFC.

    Each character is folded on its own (`_fold_char`): through the codec, and each run of
    characters it lacks (the encoder stops at it) by the table."""
    return fold_plain(text)[0]


# A sentence may end at . ! ? or … (then a closing quote), followed by white space; it does end
# there when the next word starts with a capital, a digit or an opening quote ("... tới. Thứ hai, ...").
_SENTENCE_BREAK = re.compile(r"[.!?…]([\"”’)]?\s+)")  # the break is group 1, after the stop

# What opens the text after a break: opening quotes and brackets, then its first character.
_OPENING_QUOTES = '"“‘('
_SENTENCE_HEAD = re.compile(f"[{_OPENING_QUOTES}]*([^{_OPENING_QUOTES}])")


def _starts_sentence(text: str, at: int = 0) -> bool:
    first = text[at : at + 1]
    if first and first not in _OPENING_QUOTES:  # most breaks: the first character is the head itself
        return first.isupper() or first.isdigit()
    head = _SENTENCE_HEAD.match(text, at)
    return head is not None and (head.group(1).isupper() or head.group(1).isdigit())


# Abbreviations a name follows, whose full stop ends no sentence: "TS. Nguyễn Văn An", "PGS.TS.
# Trần Bình", "PGS-TS. Đặng Quý", "TP. Hồ Chí Minh", "ThS. Lê Hoa".
_ABBREVIATION_BEFORE = re.compile(r"(?<![^\s(.-])(?:PGS|GS|TS|ThS|TP|Tp|BS|KS|NCS)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if not _starts_sentence(text, match.end()):
            continue
        if text[match.start()] == "." and _ABBREVIATION_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue
        end = match.start(1) + len(match.group(1).rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of one paragraph, stripped."""
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def is_capitalised(text: str) -> bool:
    """True when the first letter of `text` is upper case (quotes and brackets skipped)."""
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


# Stored bodies are paragraphs joined by one blank line.
PARAGRAPH_BREAK = "\n\n"


def paragraph_starts(paragraphs: list[str]) -> list[int]:
    """The offset in the stored body where each paragraph begins."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


# Acronyms the press writes interchangeably with the words they stand for ("tận dụng các FTA" /
# "khai thác các hiệp định thương mại tự do"): the linker's terms and the codebook's themes read
# the words too, so that the two wordings share them. Matched as written (upper case): "AI" is
# artificial intelligence, "ai" is "who".
ACRONYMS = {
    "FTA": "hiệp định thương mại tự do",
    "FDI": "đầu tư trực tiếp nước ngoài",
    "ODA": "hỗ trợ phát triển chính thức",
    "AI": "trí tuệ nhân tạo",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học và công nghệ",
    "ĐMST": "đổi mới sáng tạo",
    "CĐS": "chuyển đổi số",
    "NGKT": "ngoại giao kinh tế",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "DN": "doanh nghiệp",
    "XNK": "xuất nhập khẩu",
    "XTTM": "xúc tiến thương mại",
    "KT-XH": "kinh tế - xã hội",
}


def _after_no_letter(acronym: str) -> str:
    """`acronym` as a pattern that matches only where no letter or digit comes before it, the
    look-behind placed after its first letter ("F(?<![^\\W_]F)TA"): an alternation whose branches
    all open with a letter lets the regex engine skip ahead to those letters in C, where a
    look-behind in front had it try every position."""
    first = re.escape(acronym[0])
    return rf"{first}(?<![^\W_]{first}){re.escape(acronym[1:])}"


_ACRONYM = re.compile("(" + "|".join(map(_after_no_letter, sorted(ACRONYMS, key=len, reverse=True))) + r")(?![^\W_])")


def spell_out(text: str) -> str:
    """`text` with each acronym followed by its words ("các FTA" -> "các FTA hiệp định thương mại tự do")."""
    found = _ACRONYM.search(text)  # most texts: one scan for the acronyms' first letters, in C
    if not found:
        return text
    # the text before the first acronym is not scanned again: from there on, the same matches
    # (the first one's look-behind found no letter or digit before it, nor does it at the start)
    start = found.start()
    return text[:start] + _ACRONYM.sub(lambda match: f"{match.group(1)} {ACRONYMS[match.group(1)]}", text[start:])


# The same list worded twice (a summary and the list itself, or two reports of one speech):
# item by item, this share of the shorter item's words is in the other's.
SAME_ITEM_WORDS = 0.8

_WORD = re.compile(r"\w+")


# Item keys whose words `same_item` keeps: a report's statements are compared with those of every
# report of the days around it.
ITEM_WORDS_KEPT = 4096


@lru_cache(maxsize=ITEM_WORDS_KEPT)
def _item_words(key: str) -> frozenset[str]:
    return frozenset(_WORD.findall(key))


def same_item(mine: str, theirs: str, share: float = SAME_ITEM_WORDS) -> bool:
    """True when `share` of the shorter text's words are in the other (as keys: lower case, one
    tone placement)."""
    my_words, their_words = _item_words(mine), _item_words(theirs)
    return len(my_words & their_words) >= share * max(1, min(len(my_words), len(their_words)))


def same_items(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """True when two lists' items (as keys: lower case, one tone placement) say the same, one by one."""
    return len(mine) == len(theirs) and all(map(same_item, mine, theirs))


# The bodies `folded_body` holds, each with its folding: the article being read, and one more.
_FOLDED_BODIES: dict[str, str] = {}
FOLDED_BODIES_KEPT = 2


def folded_body(body: str) -> str:
    """`fold(body)`, worked out once per body (folding costs about 0.08 ms an article): the date
    of the opening paragraphs and the lead-ins of inline lists read slices of it (folding keeps
    one character per character, so a slice is the paragraph folded), and the ingest worker
    keeps it whole for the writer."""
    folded = _FOLDED_BODIES.get(body)
    if folded is None:
        folded = fold(body)
        keep_folded_body(body, folded)
    return folded


def keep_folded_body(body: str, folded: str) -> None:
    """Tell `folded_body` that `folded` is `fold(body)`: the boilerplate cleaner has folded each
    of a body's lines already, so the ingest worker joins those rather than folding again."""
    _kept(_FOLDED_BODIES, FOLDED_BODIES_KEPT, body, folded)
