"""Words of a Vietnamese statement, as linking weighs them (pure: text in, words out).

Vietnamese writes syllables apart ("đa dạng hóa thị trường"), so a word is found by longest
match against a word list shipped as data (`data/words_vi.txt`): at each syllable the longest
listed word that starts there is taken, else the syllable alone. Longest match costs a few set
lookups a syllable, needs no model, and never makes a "word" across a word boundary ("hóa thị",
"phương doanh"), which adjacent syllable pairs did.

Each word is then one of three sorts:

- a function word ("các", "của", "và"): dropped;
- a generic word of the genre (`data/genre_vi.txt`: "tiếp tục", "đẩy mạnh", "nâng cao hiệu quả",
  the speech framing "yêu cầu các cơ quan đại diện cần", list markers "thứ nhất"): kept with a
  weight near zero, so that two statements never link on them;
- a content word: weighed by rarity (see `similarity`).

Acronyms are spelt out first (FTA: hiệp định thương mại tự do) and small numbers written as
words ("2 con số" is "hai con số"), so both spellings of one thing are the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

from .text import _ACRONYM, ACRONYMS, PLAIN_CHARACTERS, key, lower_kept, nfc, plain, spell_out, unify_tone_placement

# Function syllables that carry no topic: never a term.
FUNCTION_WORDS = frozenset(
    "các của và với cho trong để là những có được đã sẽ này đó như thì mà cũng nhằm bằng qua việc "
    "một số nhiều từ tại về ở trên dưới vào ra đến khi nên hoặc hay rằng nay vẫn đang rất hơn nhất "
    "còn lại đây nào ta họ chúng mọi mỗi từng cùng gắn sự năm tháng ngày kể".split()
)

# A derivational "hóa" after a word makes a verb of it ("đa dạng hóa", "cụ thể hóa"): the word
# is the same priority's word either way.
VERB_SUFFIX = "hóa"

# Digits a statement may write in words elsewhere ("tăng trưởng 2 con số" / "hai con số").
NUMBER_WORDS = dict(zip("0123456789", "không một hai ba bốn năm sáu bảy tám chín".split()))
# A digit standing alone: no letter, digit, "." "," or "/" before it, none of those or "%" after.
# The digit comes first and the look-behind after it, so that the regex engine skips ahead to
# the next digit in C instead of trying the look-behind at every position (four times faster).
_SMALL_NUMBER = re.compile(r"(\d)(?<![\w.,/]\d)(?![\w.,/%])")
# The same in a plain text (`text.plain`), whose only digits are ASCII ones: a range, not a
# Unicode category lookup at each character.
_SMALL_PLAIN_NUMBER = re.compile(r"([0-9])(?<![\w.,/][0-9])(?![\w.,/%])")

_SYLLABLE = re.compile(r"[^\W\d_]+")

# The syllables of a whole body, and a token for each paragraph break between them.
PARAGRAPH_TOKEN = "\n\n"
_SYLLABLE_OR_BREAK = re.compile(r"[^\W\d_]+|\n\n")

# Marks the end of a listed word in the trie of `_Lexicon.trie` (no syllable is empty).
_WORD_END = ""

# A list marker opening the statement ("(4)", "4.", "a)", "-"): not content.
_LEADING_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-–•*+])\s*")
# The same at the start of each line of a body, written after the line break (matched in the
# body with a line break put before it): the regex engine then skips ahead to line breaks in C
# instead of trying a line start at every position (a third of the time).
_LEADING_MARKER_OF_LINE = re.compile(r"\n[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-–•*+])[ \t]*")


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]  # the word list, syllables joined by "_"
    generic: frozenset[str]  # the genre's generic words
    # The listed words of two syllables or more as a trie: first syllable -> next syllable -> ...,
    # with _WORD_END in the node where a listed word ends. PARAGRAPH_TOKEN maps to itself.
    trie: dict
    synonyms: dict[str, tuple[str, ...]]  # a variant -> its canonical words (data/synonyms_vi.txt)
    contrasts: tuple[tuple[str, str], ...]  # words of two priorities that share the rest of their words


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    def lines(name: str) -> list[str]:
        text = resources.files("ngkt_cli").joinpath(f"data/{name}").read_text(encoding="utf-8")
        return [key(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]

    genre_phrases = lines("genre_vi.txt")
    groups = [line.split(":", 1) for line in lines("synonyms_vi.txt") if "!=" not in line]
    contrasts = [tuple(p.strip() for p in line.split("!=")) for line in lines("synonyms_vi.txt") if "!=" in line]
    variants = [(_SYLLABLE.findall(v), canonical) for canonical, found in groups for v in found.split(";")]
    listed = [_SYLLABLE.findall(line) for line in lines("words_vi.txt") + [p for p in genre_phrases if "," not in p]]
    base_trie = _trie(listed)  # what a canonical phrase is cut into
    listed += [syllables for syllables, _ in variants]
    trie = _trie(listed)
    words = frozenset("_".join(s) for s in listed)
    generic = frozenset(w for p in genre_phrases for w in _segment(_SYLLABLE.findall(p), trie, frozenset())[0])
    variant_words = {"_".join(syllables) for syllables, _ in variants}
    synonyms = {}
    for syllables, canonical in variants:
        found = _segment(_SYLLABLE.findall(canonical), base_trie)[0]
        whole = "_".join(_SYLLABLE.findall(canonical))
        if whole in variant_words and whole not in found:  # a phrase listed as its own variant: a word too
            found.append(whole)
        synonyms["_".join(syllables)] = tuple(found)
    pairs = [tuple("_".join(_SYLLABLE.findall(p)) for p in pair) for pair in contrasts]
    return _Lexicon(words, generic, trie, synonyms, tuple((a, b) for a, b in pairs))


def _trie(listed: list[list[str]]) -> dict:
    """The listed words of two syllables or more as a trie: first syllable -> next syllable -> ...,
    with _WORD_END in the node where a listed word ends. PARAGRAPH_TOKEN maps to itself."""
    trie: dict = {PARAGRAPH_TOKEN: PARAGRAPH_TOKEN}
    for syllables in listed:
        if len(syllables) > 1:
            node = trie
            for syllable in syllables:
                node = node.setdefault(syllable, {})
            node[_WORD_END] = True
    return trie


def _segment(syllables: list[str], trie: dict, dropped: frozenset[str] = FUNCTION_WORDS) -> list[list[str]]:
    """Longest match: at each syllable the longest listed word it starts, else the syllable; the
    words of each paragraph (a PARAGRAPH_TOKEN among the syllables starts the next), `dropped`
    syllables left out.

    Most syllables start no listed word of two or more (one dict lookup each); the others walk
    the trie of listed words as far as the syllables that follow allow."""
    found: list[str] = []
    paragraphs = [found]
    append = found.append
    at = 0
    count = len(syllables)
    while at < count:
        word = syllables[at]
        node = trie.get(word)
        if node is None:
            if word not in dropped:
                append(word)
            at += 1
            continue
        if node is PARAGRAPH_TOKEN:
            found = []
            paragraphs.append(found)
            append = found.append
            at += 1
            continue
        end = at + 1
        after = at + 1
        while after < count:
            node = node.get(syllables[after])
            if node is None:
                break
            after += 1
            if _WORD_END in node:
                end = after
        if end == at + 1:
            if word not in dropped:
                append(word)
            at += 1
            continue
        append("_".join(syllables[at:end]))
        at = end
        if at < count and syllables[at] == VERB_SUFFIX:
            at += 1  # "đa dạng hóa" is the word "đa dạng"
    return paragraphs


# Anything but a letter (`[\W\d_]`), and a letter, as the token pattern tests them: the ASCII
# characters that are not letters (each of them in `\W`, `\d` or "_") are written first as
# ranges, so that the engine settles a space, a comma or a digit with one bitmap test instead of
# up to five Unicode category lookups (a fifth of the token scan); the classes hold the same
# characters (tests/test_words.py checks every ASCII one).
_ASCII_NON_LETTERS = r"\x00-/:-@\[-`{-\x7f"
_NON_LETTER = rf"[{_ASCII_NON_LETTERS}\W\d_]"
_LETTER = rf"[^{_ASCII_NON_LETTERS}\W\d_]"


def _ranges(characters: Iterable[str]) -> str:
    """Characters as the inside of a regex class, each run of consecutive code points a range."""
    points = sorted(map(ord, characters))
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return "".join(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "") for first, last in runs)


# A run of anything but letters: what stands between two syllables of one word (in a body cut
# at its paragraph breaks first), and what a syllable ends before.
_NON_LETTERS = _NON_LETTER + "++"
_SYLLABLE_ENDS = rf"(?!{_LETTER})"


def _listed_word_pattern(trie: dict) -> str:
    """The trie's words as one pattern: at a syllable's start it matches the longest listed word
    of two syllables or more that starts there, as `_segment`'s walk takes it (the syllables
    and whatever non-letters stand between them). Written as a trie of characters, so that the
    regex engine tests a syllable's letters once, not once per listed word."""
    return _characters_pattern(_syllables_by_character(trie))


def _syllables_by_character(node: dict) -> dict:
    """The syllables that may follow at a trie node as a trie of their characters, each in
    every spelling (`_spellings`), where a syllable ends holding (under None) the trie node it
    leads to."""
    characters: dict = {}
    for syllable, child in node.items():
        if syllable == _WORD_END or syllable == PARAGRAPH_TOKEN:
            continue
        for spelling in _spellings(syllable):
            at = characters
            for character in spelling:
                at = at.setdefault(character, {})
            at[None] = child
    return characters


def _spellings(syllable: str) -> list[str]:
    """A syllable (new-style tone placement, lower case) and how an article may write it in
    lower case before `unify_tone_placement`: with the tone on the last letter instead of the
    one before ("hóa" and "hoá"), when that is what `unify_tone_placement` reads as it."""
    base_and_marks = unicodedata.normalize("NFD", syllable[-2:-1])
    if len(syllable) < 2 or len(base_and_marks) != 2:
        return [syllable]
    old = syllable[:-2] + base_and_marks[0] + unicodedata.normalize("NFC", syllable[-1] + base_and_marks[1])
    return [syllable, old] if old != syllable and unify_tone_placement(old) == syllable else [syllable]


def _characters_pattern(characters: dict) -> str:
    # The engine tries an alternation's branches in turn: the letters that open the most listed
    # words first (they open the most tokens too: "t", "c", "n", "đ"). Each branch opens with
    # its own letter, so at most one of them can match, whatever their order.
    letters = sorted((c for c in characters if c is not None), key=lambda c: (-_listed_under(characters[c]), c))
    branches = [re.escape(c) + _characters_pattern(characters[c]) for c in letters]
    if None in characters:  # a syllable ends here: the next one, else the word ends (if one does)
        node = characters[None]
        ends = [_NON_LETTERS + _listed_word_pattern(node)] if node.keys() - {_WORD_END} else []
        branches.append(_alternatives(ends + [""] if _WORD_END in node else ends))
    return _alternatives(branches)


def _listed_under(characters: dict) -> int:
    """How many syllables of listed words end in this trie of characters or below it."""
    return sum(1 if character is None else _listed_under(below) for character, below in characters.items())


def _alternatives(branches: list[str]) -> str:
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# The plain characters (`text.plain`) that are not letters, as a class of ranges: in a plain text
# the same characters as _NON_LETTER, tested without a Unicode category lookup (tests/test_words.py
# checks every plain character against both classes).
_PLAIN_NON_LETTER = "[" + _ranges(c for c in PLAIN_CHARACTERS if re.fullmatch(_NON_LETTER, c)) + "]"
_PLAIN_LETTER = "[^" + _PLAIN_NON_LETTER[1:]


@lru_cache(maxsize=2)
def _token_pattern(plain: bool = False) -> re.Pattern[str]:
    """A paragraph's tokens, each with the non-letters before it: a listed word (the longest at
    its first syllable, with a "hóa" after it) or else one syllable. `_segment` of a token's
    syllables is the token's words, and of all the tokens, the paragraph's. `plain`: the same
    pattern for plain texts only, its letter classes written as ranges."""
    listed = _listed_word_pattern(_lexicon().trie) + _SYLLABLE_ENDS  # one test where the word ends
    suffix = _NON_LETTERS + _alternatives(_spellings(VERB_SUFFIX)) + _SYLLABLE_ENDS
    pattern = rf"{_NON_LETTER}*+((?:{listed})(?:{suffix})?|{_LETTER}++)"
    if plain:
        pattern = pattern.replace(_LETTER, _PLAIN_LETTER).replace(_NON_LETTER, _PLAIN_NON_LETTER)
    return re.compile(pattern)


def without_line_markers(body: str) -> str:
    """`body` without the list marker at the start of each line ("1. ", "- ", "a) ")."""
    return _LEADING_MARKER_OF_LINE.sub("\n", "\n" + body)[1:]


def normalise(text: str) -> str:
    """The key of `text` with acronyms spelt out and single digits written as words."""
    text = _LEADING_MARKER.sub("", text)
    return key(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(text)))


def segment_paragraphs(body: str) -> list[list[str]]:
    """`segment` of each paragraph of a body (paragraphs apart by a blank line), normalised in
    one pass over the whole body rather than paragraph by paragraph. The plain definition of
    what `paragraph_tokens` and `token_words` find (tests/test_words.py holds them to it)."""
    text = without_line_markers(body)
    text = unify_tone_placement(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(text))).lower()
    return _segment(_SYLLABLE_OR_BREAK.findall(text), _lexicon().trie)


def paragraph_tokens(body: str) -> list[list[str]]:
    """The tokens of each paragraph of a body, as `_token_pattern` finds them: the words of a
    paragraph (`segment_paragraphs`) are `token_words` of its tokens. A paragraph's tokens are
    found in one regex scan, and a token's words are worked out once, not at each syllable of
    each paragraph; so is its tone placement (`token_words`), not in a scan of the whole body.
    A `plain` body (most) stays plain with its acronyms spelt out and its digits written as words
    (those words are plain: tests/test_words.py): it is NFC, its digits are ASCII ones and its
    tokens are found by the plain pattern."""
    if plain(body):
        findall = _token_pattern(True).findall
        return [findall(paragraph) for paragraph in _plain_lowered(body).split(PARAGRAPH_TOKEN)]
    text = nfc(_SMALL_NUMBER.sub(_number_word, spell_out(without_line_markers(body))))
    findall = _token_pattern().findall
    return [findall(paragraph) for paragraph in text.lower().split(PARAGRAPH_TOKEN)]


def _number_word(match: re.Match[str]) -> str:
    return NUMBER_WORDS[match.group(1)]


def _spelt_out(match: re.Match[str]) -> str:
    return f"{match.group(1)} {ACRONYMS[match.group(1)]}"


def _plain_lowered(body: str) -> str:
    """`_SMALL_NUMBER.sub(..., spell_out(without_line_markers(body))).lower()` of a plain body,
    made in the body's lower case (`lower_kept`, made for its keys): a plain text is lower-cased
    one character for one character, each on its own, so the lower case of the text with its
    markers, acronyms and digits replaced is the body's with the same places replaced by what
    replaced them, lower-cased."""
    text, low = _sub_both(_LEADING_MARKER_OF_LINE, "\n", "\n" + body, "\n" + lower_kept(body))
    text, low = _sub_both(_ACRONYM, _spelt_out, text[1:], low[1:])
    return _sub_both(_SMALL_PLAIN_NUMBER, _number_word, text, low)[1]


def _sub_both(
    pattern: re.Pattern[str], replace: str | Callable[[re.Match[str]], str], text: str, low: str
) -> tuple[str, str]:
    """(`pattern.sub(replace, text)`, the same places of `low` replaced by the replacements in
    lower case): `low` is `text.lower()`, one character for each."""
    at = 0
    pieces: list[str] = []
    low_pieces: list[str] = []
    for match in pattern.finditer(text):
        new = replace if isinstance(replace, str) else replace(match)
        pieces += (text[at : match.start()], new)
        low_pieces += (low[at : match.start()], new.lower())
        at = match.end()
    if not pieces:
        return text, low
    return "".join(pieces) + text[at:], "".join(low_pieces) + low[at:]


def token_words(token: str) -> list[str]:
    """The words of a token of `paragraph_tokens`: a listed word, none (a function word), or
    the syllable. Each syllable's tone placement is unified here, as `unify_tone_placement`
    would have in the whole body before its lower case: a syllable's own letters decide it,
    and a syllable of a body in NFC is in NFC in lower case too (tests/test_words.py checks
    the letters for which that has to hold)."""
    syllables = [unify_tone_placement(s) for s in _SYLLABLE.findall(token)]
    return _segment(syllables, _lexicon().trie)[0]


# Texts a process segments the plain way before it compiles `_token_pattern` (24 ms): `ngkt diff`
# segments about a hundred statements, which the plain way does in less than the compiling;
# linking an ingest's thousands pays it back.
PLAIN_SEGMENTS = 400
_plain_segments = [0]


def segment(text: str) -> list[str]:
    """The words of `text` in order, function words left out ("đa_dạng", "thị_trường", ...):
    `_segment` of the syllables of `normalise(text)`, found as `paragraph_tokens` finds a
    paragraph's (each distinct token's words worked out once)."""
    if _plain_segments[0] < PLAIN_SEGMENTS and not _token_pattern.cache_info().currsize:
        _plain_segments[0] += 1
        return _segment(_SYLLABLE.findall(normalise(text)), _lexicon().trie)[0]
    text = _SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(_LEADING_MARKER.sub("", text)))
    return list(chain.from_iterable(map(_TOKEN_WORDS.__getitem__, _token_pattern().findall(nfc(text).lower()))))


class _TokenWords(dict[str, tuple[str, ...]]):
    """A token of `_token_pattern` -> its words (`token_words`), worked out on first sight
    (emptied past MAX_TOKENS)."""

    MAX_TOKENS = 50_000

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= self.MAX_TOKENS:
            self.clear()
        found = self[token] = tuple(token_words(token))
        return found


_TOKEN_WORDS = _TokenWords()


def canonical(words: list[str]) -> list[str]:
    """`words` with each variant of a synonym group (data/synonyms_vi.txt) read as its canonical
    words: "đtnn" and "đầu_tư_trực_tiếp_nước_ngoài" are "đầu_tư", "nước_ngoài"; "tỉnh" is "địa_phương"."""
    synonyms = _lexicon().synonyms
    if synonyms.keys().isdisjoint(words):  # most paragraphs: one set operation in C
        return words
    return [c for w in words for c in synonyms.get(w, (w,))]


def contrasts() -> tuple[tuple[str, str], ...]:
    """Pairs of words that name two priorities sharing the rest of their words ("động lực tăng
    trưởng mới" != "động lực tăng trưởng truyền thống"): data/synonyms_vi.txt's "A != B" lines."""
    return _lexicon().contrasts


@cache
def is_generic(word: str) -> bool:
    """True for a word of the genre that names no priority ("tiếp_tục", "yêu_cầu", "thứ_nhất")."""
    return word in _lexicon().generic


def shown(word: str) -> str:
    """A term as an analyst reads it: "đa_dạng" -> "đa dạng"."""
    return word.replace("_", " ")
