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
from functools import lru_cache
from importlib import resources

from .text import key, spell_out

# The longest word of the list, in syllables.
MAX_WORD = 6

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


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(the word list, the generic words of the genre), each word with its syllables joined by '_'."""
    def lines(name: str) -> list[str]:
        text = resources.files("ngkt_cli").joinpath(f"data/{name}").read_text(encoding="utf-8")
        return [key(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]

    listed = {"_".join(_SYLLABLE.findall(line)) for line in lines("words_vi.txt")}
    genre_phrases = lines("genre_vi.txt")
    listed |= {"_".join(_SYLLABLE.findall(p)) for p in genre_phrases if "," not in p}
    words = frozenset(listed)
    longest = _longest_from(words)
    generic = frozenset(w for p in genre_phrases for w in _segment(_SYLLABLE.findall(p), words, longest))
    return words, generic


def _longest_from(words: frozenset[str]) -> dict[str, int]:
    """First syllable -> the most syllables a listed word opening with it has (2 or more)."""
    longest: dict[str, int] = {}
    for word in words:
        first, _, rest = word.partition("_")
        if rest:
            longest[first] = max(longest.get(first, 0), min(MAX_WORD, rest.count("_") + 2))
    return longest


@lru_cache(maxsize=1)
def _longest() -> dict[str, int]:
    return _longest_from(_lexicon()[0])


def _segment(syllables: list[str], words: frozenset[str], longest: dict[str, int] | None = None) -> list[str]:
    """Longest match, left to right. Only the sizes a listed word opening with the syllable can
    have are tried (`longest`): most syllables open no word, and the joins of six sizes at every
    syllable took two thirds of a body's term counting."""
    longest = _longest_from(words) if longest is None else longest
    found: list[str] = []
    at = 0
    count = len(syllables)
    while at < count:
        syllable = syllables[at]
        for size in range(min(longest.get(syllable, 1), count - at), 0, -1):
            candidate = "_".join(syllables[at : at + size]) if size > 1 else syllable
            if size == 1 or candidate in words:
                found.append(candidate)
                at += size
                break
        if found[-1] != VERB_SUFFIX and at < len(syllables) and syllables[at] == VERB_SUFFIX and "_" in found[-1]:
            at += 1  # "đa dạng hóa" is the word "đa dạng"
    return found


def normalise(text: str) -> str:
    """The key of `text` with acronyms spelt out and single digits written as words."""
    text = _LEADING_MARKER.sub("", text)
    return key(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(text)))


def segment(text: str) -> list[str]:
    """The words of `text` in order, function words left out ("đa_dạng", "thị_trường", ...)."""
    words, _ = _lexicon()
    return [w for w in _segment(_SYLLABLE.findall(normalise(text)), words, _longest()) if w not in FUNCTION_WORDS]


def is_generic(word: str) -> bool:
    """True for a word of the genre that names no priority ("tiếp_tục", "yêu_cầu", "thứ_nhất")."""
    return word in _lexicon()[1]


def shown(word: str) -> str:
    """A term as an analyst reads it: "đa_dạng" -> "đa dạng"."""
    return word.replace("_", " ")
