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
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .text import key, spell_out, unify_tone_placement

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
_SMALL_NUMBER = re.compile(r"(?<![\d.,/])\b(\d)\b(?![\d.,/%])")

_SYLLABLE = re.compile(r"[^\W\d_]+")

# A list marker opening the statement ("(4)", "4.", "a)", "-"): not content.
_LEADING_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-–•*+])\s*")
_LEADING_MARKER_OF_LINE = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-–•*+])[ \t]*", re.M)


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]  # the word list, syllables joined by "_"
    generic: frozenset[str]  # the genre's generic words
    longest: dict[str, int]  # first syllable -> syllables in the longest listed word it starts
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
    base_words, base_longest = _index(listed)  # what a canonical phrase is cut into
    words, longest = _index(listed + [syllables for syllables, _ in variants])
    generic = frozenset(w for p in genre_phrases for w in _segment(_SYLLABLE.findall(p), words, longest))
    variant_words = {"_".join(syllables) for syllables, _ in variants}
    synonyms = {}
    for syllables, canonical in variants:
        found = [w for w in _segment(_SYLLABLE.findall(canonical), base_words, base_longest) if w not in FUNCTION_WORDS]
        whole = "_".join(_SYLLABLE.findall(canonical))
        if whole in variant_words and whole not in found:  # a phrase listed as its own variant: a word too
            found.append(whole)
        synonyms["_".join(syllables)] = tuple(found)
    pairs = [tuple("_".join(_SYLLABLE.findall(p)) for p in pair) for pair in contrasts]
    return _Lexicon(words, generic, longest, synonyms, tuple((a, b) for a, b in pairs))


def _index(listed: list[list[str]]) -> tuple[frozenset[str], dict[str, int]]:
    """The listed words (syllables joined by "_") and, for each first syllable, the syllables of
    the longest listed word it starts."""
    longest: dict[str, int] = {}
    for syllables in listed:
        if len(syllables) > 1:
            longest[syllables[0]] = max(longest.get(syllables[0], 1), len(syllables))
    return frozenset("_".join(s) for s in listed), longest


def _segment(syllables: list[str], words: frozenset[str], longest: dict[str, int]) -> list[str]:
    """Longest match: at each syllable the longest listed word it starts, else the syllable.

    Most syllables start no listed word of two or more (one dict lookup each); the others try
    only as many sizes as the longest listed word starting with them has syllables."""
    found: list[str] = []
    append = found.append
    starts = longest.get
    at = 0
    count = len(syllables)
    while at < count:
        word = syllables[at]
        size = starts(word, 1)
        if size == 1:
            append(word)
            at += 1
            continue
        size = min(size, count - at)
        while size > 1:
            candidate = "_".join(syllables[at : at + size])
            if candidate in words:
                word = candidate
                break
            size -= 1
        append(word)
        at += size
        if size > 1 and at < count and syllables[at] == VERB_SUFFIX:
            at += 1  # "đa dạng hóa" is the word "đa dạng"
    return found


def normalise(text: str) -> str:
    """The key of `text` with acronyms spelt out and single digits written as words."""
    text = _LEADING_MARKER.sub("", text)
    return key(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(text)))


def segment_paragraphs(body: str) -> list[list[str]]:
    """`segment` of each paragraph of a body (paragraphs apart by a blank line), normalised in
    one pass over the whole body rather than paragraph by paragraph."""
    lexicon = _lexicon()
    text = _LEADING_MARKER_OF_LINE.sub("", body)
    text = unify_tone_placement(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(text))).lower()
    return [
        [w for w in _segment(_SYLLABLE.findall(paragraph), lexicon.words, lexicon.longest) if w not in FUNCTION_WORDS]
        for paragraph in text.split("\n\n")
    ]


def segment(text: str) -> list[str]:
    """The words of `text` in order, function words left out ("đa_dạng", "thị_trường", ...)."""
    lexicon = _lexicon()
    return [
        w
        for w in _segment(_SYLLABLE.findall(normalise(text)), lexicon.words, lexicon.longest)
        if w not in FUNCTION_WORDS
    ]


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
