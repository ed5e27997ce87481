"""Words of a statement and of a body: the fast paths find what the plain definitions find."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ngkt_cli import similarity
from ngkt_cli import words as words_module
from ngkt_cli.similarity import paragraph_terms, word_parts
from ngkt_cli.text import _NEW_PLACEMENT, ACRONYMS, PLAIN_CHARACTERS, nfc, plain, spell_out
from ngkt_cli.words import (
    _SMALL_NUMBER,
    _SMALL_PLAIN_NUMBER,
    _SYLLABLE,
    FUNCTION_WORDS,
    NUMBER_WORDS,
    VERB_SUFFIX,
    _lexicon,
    _segment,
    canonical,
    normalise,
    paragraph_tokens,
    segment,
    segment_paragraphs,
    without_line_markers,
)

LEXICON = _lexicon()
LISTED = sorted(w for w in LEXICON.words if "_" in w)
SYLLABLES = sorted({s for w in LISTED for s in w.split("_")} | {VERB_SUFFIX, "các", "và", "mới"})


@pytest.fixture(autouse=True)
def _segments_by_tokens():
    """`segment` reads by the token pattern once it is compiled (before, the plain way): these
    tests hold the token pattern's reading to the plain definition, so it is compiled first."""
    words_module._token_pattern()


def test_a_process_segments_its_first_texts_the_plain_way_to_the_same_words(monkeypatch):
    texts = ["Đẩy mạnh đa dạng hóa thị trường xuất khẩu", "Thu hút FDI vào 3 lĩnh vực; chuyển đổi xanh"]
    by_tokens = [segment(text) for text in texts]
    monkeypatch.setattr(words_module, "_plain_segments", [0])
    words_module._token_pattern.cache_clear()
    try:
        assert [segment(text) for text in texts] == by_tokens
        assert words_module._plain_segments == [2] and not words_module._token_pattern.cache_info().currsize
    finally:
        words_module._token_pattern()


def longest_match(syllables: list[str]) -> list[str]:
    """The definition: at each syllable the longest listed word starting there (two syllables
    or more), else the syllable; "hóa" after a word of several syllables is part of it."""
    found, at = [], 0
    while at < len(syllables):
        size = next(
            (n for n in range(len(syllables) - at, 1, -1) if "_".join(syllables[at : at + n]) in LEXICON.words), 1
        )
        found.append("_".join(syllables[at : at + size]))
        at += size
        if size > 1 and at < len(syllables) and syllables[at] == VERB_SUFFIX:
            at += 1
    return found


# Listed words whole or cut short, and single syllables: runs in which listed words overlap,
# nest and stop one syllable early.
PIECES_OF_WORDS = st.one_of(
    st.sampled_from(SYLLABLES).map(lambda s: [s]),
    st.tuples(st.sampled_from(LISTED), st.integers(1, 6)).map(lambda p: p[0].split("_")[: p[1]]),
)


@settings(max_examples=150)
@given(st.lists(PIECES_OF_WORDS, max_size=12).map(lambda pieces: [s for piece in pieces for s in piece]))
def test_the_trie_finds_the_longest_listed_word_at_each_syllable(syllables):
    assert _segment(syllables, LEXICON.trie, frozenset())[0] == longest_match(syllables)
    assert _segment(syllables, LEXICON.trie)[0] == [w for w in longest_match(syllables) if w not in FUNCTION_WORDS]


def plain_paragraph_terms(body: str) -> Counter[str]:
    """The definition: each paragraph's words (`segment_paragraphs`, the trie walked syllable by
    syllable), read as their canonical words, once each, and their parts once each."""
    expected: Counter[str] = Counter()
    for words in (set(canonical(paragraph)) for paragraph in segment_paragraphs(body)):
        expected.update(words)
        expected.update(set(word_parts(words)))
    return expected


@settings(max_examples=120, deadline=None)  # the first example builds the word list's pattern
@given(st.lists(st.lists(st.sampled_from(SYLLABLES), max_size=12), max_size=6))
def test_a_body_is_segmented_paragraph_by_paragraph(paragraphs):
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    assert segment_paragraphs(body) == [segment(p) for p in body.split("\n\n")]
    assert Counter(paragraph_terms(body)) == plain_paragraph_terms(body)


# What may stand between two syllables of a body: spaces, punctuation, digits (a small number
# becomes a word), line and paragraph breaks, list markers at a line's start, letters the
# lower case or the normal form treat oddly, a combining mark.
BETWEEN = st.sampled_from(
    [
        " ",
        " ",
        " ",
        "  ",
        ", ",
        ". ",
        "-",
        "_",
        "\n",
        "\n\n",
        "\n\n\n",
        " 2 ",
        "2",
        "1.",
        "\n(3) ",
        "\na) ",
        "\n- ",
        "%",
    ]
    + ["İ", "K", "Ά", "T\u0308", "\u0308", "ﬁ", "ß", "Ω", "\u00a0", "\t", "FTA", "ĐTNN", "Hoá", "quý", "HÓA"]
)


# New-style tone placement -> old style, in lower case ("óa" -> "oá"), from text.py's table.
OLD_PLACEMENT = {new: old for old, new in _NEW_PLACEMENT.items() if old.islower()}


def written(syllable: str, style: int) -> str:
    """A syllable as an article may write it: lower case, capitalised, upper case, each with
    the tone placed the old way ("hoá", "thuỷ") when the syllable has one (not after "q")."""
    if style > 2 and syllable[-2:] in OLD_PLACEMENT and syllable[-3:-2] != "q":
        syllable = syllable[:-2] + OLD_PLACEMENT[syllable[-2:]]
    return (syllable, syllable.capitalize(), syllable.upper())[style % 3]


# Listed words with a syllable whose tone has an old-style placement ("văn hóa", "thủy sản").
TONED = sorted(w for w in LISTED if any(s[-2:] in OLD_PLACEMENT for s in w.split("_")))

# Listed words whole or cut short (often one of TONED), and single syllables, each maybe
# followed by "hóa".
SUFFIXED_PIECES = st.tuples(PIECES_OF_WORDS | st.sampled_from(TONED).map(lambda w: w.split("_")), st.booleans()).map(
    lambda p: p[0] + [VERB_SUFFIX] * p[1]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(SUFFIXED_PIECES, max_size=8).map(lambda pieces: [s for piece in pieces for s in piece]),
    st.lists(st.tuples(st.integers(0, 5), BETWEEN | st.text(max_size=2)), min_size=1, max_size=10),
)
def test_a_body_s_terms_are_the_plain_definition_s_whatever_stands_between_its_syllables(syllables, ways):
    """Each syllable written one of the `ways` (taken in turn), and followed by what it gives."""
    body = "".join(
        written(syllable, ways[n % len(ways)][0]) + ways[n % len(ways)][1] for n, syllable in enumerate(syllables)
    )
    assert Counter(paragraph_terms(body)) == plain_paragraph_terms(body)
    assert segment(body) == _segment(_SYLLABLE.findall(normalise(body)), LEXICON.trie)[0]


LETTER = re.compile(r"[^\W\d_]")


def test_a_body_s_syllables_are_in_nfc_in_lower_case_as_token_words_needs():
    """`words.token_words` unifies each syllable's tone placement after the body's lower case,
    where `unify_tone_placement` (which puts its text in NFC first) did it before: the same,
    because lower case keeps a letter a letter in NFC and a non-letter a non-letter (but for
    "İ", whose lower case is "i" and a combining dot), and because no letter is composed with
    the letter before it (so the syllables of a text in NFC are in NFC)."""
    for char in map(chr, range(sys.maxunicode + 1)):
        lower = char.lower()
        if lower != char and unicodedata.is_normalized("NFC", char):
            if LETTER.match(char):
                assert unicodedata.is_normalized("NFC", lower)
                assert all(map(LETTER.match, lower)) or (char, lower) == ("İ", "i\u0307")
            else:
                assert not any(map(LETTER.match, lower))
        canonical = unicodedata.decomposition(char)
        if canonical and not canonical.startswith("<") and len(canonical.split()) == 2:
            assert not LETTER.match(chr(int(canonical.split()[1], 16)))


def test_the_token_pattern_s_letter_classes_hold_every_character_the_plain_classes_hold():
    """The token pattern writes the ASCII non-letters ahead of `[\\W\\d_]` (a bitmap test before
    the category lookups): the same class, letter for letter and non-letter for non-letter,
    over every ASCII character and a sample of the rest (the rest is the categories' alone)."""
    fast_letter = re.compile(words_module._LETTER)
    fast_non_letter = re.compile(words_module._NON_LETTER)
    plain_non_letter = re.compile(r"[\W\d_]")
    for char in [*map(chr, range(0x300)), "đ", "ư", "ỹ", "“", "”", "–", "…", "\u00a0", "٣", "²", "\U0001d400"]:
        assert bool(fast_letter.match(char)) == bool(LETTER.match(char)), repr(char)
        assert bool(fast_non_letter.match(char)) == bool(plain_non_letter.match(char)), repr(char)


# The plain forms of the patterns words.py and text.py write for speed.
PLAIN_SMALL_NUMBER = re.compile(r"(?<![\d.,/])\b(\d)\b(?![\d.,/%])")
PLAIN_ACRONYM = re.compile(
    r"(?<![^\W_])(" + "|".join(map(re.escape, sorted(ACRONYMS, key=len, reverse=True))) + r")(?![^\W_])"
)
PIECES = st.sampled_from([*ACRONYMS, "1", "7", "12", "3.5", "4/5", "9%", "_", "x", "é", ".", ",", "/", " ", "\n", "٣"])


@settings(max_examples=120)
@given(st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=12))
def test_acronyms_and_small_numbers_are_found_where_the_plain_patterns_find_them(parts):
    text = "".join(parts)
    assert spell_out(text) == PLAIN_ACRONYM.sub(lambda m: f"{m.group(1)} {ACRONYMS[m.group(1)]}", text)
    assert [m.span() for m in _SMALL_NUMBER.finditer(text)] == [m.span() for m in PLAIN_SMALL_NUMBER.finditer(text)]


PLAIN_LEADING_MARKER_OF_LINE = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-–•*+])[ \t]*", re.M)
MARKER_PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", "1.", "12)", "(3)", "123.", "a)", "(đ)", "A)", "-", "–", "•", "x", "é"]
)


@settings(max_examples=200)
@given(st.lists(MARKER_PIECES | st.text(max_size=2), max_size=14))
def test_list_markers_are_taken_off_each_line_where_the_plain_pattern_finds_them(parts):
    body = "".join(parts)
    assert without_line_markers(body) == PLAIN_LEADING_MARKER_OF_LINE.sub("", body)


def test_the_token_tables_are_emptied_when_full_and_still_give_each_token_its_words(monkeypatch):
    body = "Đa dạng hoá thị trường xuất khẩu, các FTA.\n\n2 con số; thu hút FDI và chuyển đổi xanh"
    monkeypatch.setattr(similarity._TokenTerms, "MAX_TOKENS", 3)
    monkeypatch.setattr(words_module._TokenWords, "MAX_TOKENS", 3)
    monkeypatch.setattr(similarity, "_TOKEN_TERMS", similarity._TokenTerms())
    monkeypatch.setattr(words_module, "_TOKEN_WORDS", words_module._TokenWords())
    for _ in range(2):
        assert Counter(paragraph_terms(body)) == plain_paragraph_terms(body)
        assert segment(body) == _segment(_SYLLABLE.findall(normalise(body)), LEXICON.trie)[0]
        assert len(similarity._TOKEN_TERMS) <= 3 and len(words_module._TOKEN_WORDS) <= 3


def test_the_plain_letter_classes_hold_what_the_token_pattern_s_classes_hold_of_every_plain_character():
    """A plain body (`text.plain`) is read by the token pattern with its letter classes written as
    ranges: the same class over every character a plain text may hold."""
    for name, plain_name in (("_LETTER", "_PLAIN_LETTER"), ("_NON_LETTER", "_PLAIN_NON_LETTER")):
        general, ranges = re.compile(getattr(words_module, name)), re.compile(getattr(words_module, plain_name))
        for char in PLAIN_CHARACTERS:
            assert bool(general.fullmatch(char)) == bool(ranges.fullmatch(char)), (name, repr(char))


def test_what_a_body_s_terms_write_into_it_is_plain():
    """Acronyms spelt out and small numbers written as words keep a plain body plain."""
    assert plain(" ".join([*ACRONYMS.values(), *NUMBER_WORDS.values()]))


def _tokens_read_in_general(body: str) -> list[list[str]]:
    """`paragraph_tokens` as any body is read: NFC, the digit and letter classes by category."""
    text = nfc(_SMALL_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1)], spell_out(without_line_markers(body))))
    findall = words_module._token_pattern().findall
    return [findall(paragraph) for paragraph in text.lower().split("\n\n")]


PLAIN_BODY_PIECES = st.sampled_from(
    [*PLAIN_CHARACTERS, " 2 ", "3.5", "\n\n", "\n(3) ", "\na) ", "FTA ", "Đa dạng hoá ", "HÓA", "“Thứ hai”", "…"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SYLLABLES), max_size=10),
    st.lists(PLAIN_BODY_PIECES | st.sampled_from(["«", "٣", "a\u0301", "İ"]), min_size=1, max_size=10),
)
def test_a_plain_body_s_tokens_are_those_any_body_s_reading_finds(syllables, between):
    body = "".join(syllable + between[n % len(between)] for n, syllable in enumerate(syllables))
    assert paragraph_tokens(body) == _tokens_read_in_general(body)
    if plain(body):
        found = [m.span() for m in _SMALL_PLAIN_NUMBER.finditer(body)]
        assert found == [m.span() for m in _SMALL_NUMBER.finditer(body)]
