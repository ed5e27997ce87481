"""Vietnamese normalisation: one key for every spelling of a word, folding that keeps offsets."""

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.text import (
    _FOLD_CHARACTERS,
    FOLD_CODEC_PIECES,
    LAST_SPACE,
    PLAIN_CHARACTERS,
    _fold_char,
    _other_space,
    fold,
    fold_plain,
    joined_key,
    key,
    lower_kept,
    paragraph_keys,
    paragraph_starts,
    plain,
    sentence_spans,
    sentences,
    single_spaced_lines,
)


def test_key_unifies_tone_placement_and_case():
    assert key("Đa dạng hoá  thị trường") == key("đa dạng hóa thị trường") == "đa dạng hóa thị trường"
    assert key("THOẢ thuận") == "thỏa thuận"
    assert key("tuỳ") == "tùy"
    assert key("khoẻ") == "khỏe"


def test_key_leaves_closed_syllables_and_qu_alone():
    assert key("hoàn thành") == "hoàn thành"
    assert key("thuyết") == "thuyết"
    assert key("quý") == "quý"


def test_key_accepts_nfd_input():
    assert key(unicodedata.normalize("NFD", "Chuyển đổi xanh")) == "chuyển đổi xanh"


def test_fold_removes_marks_and_folds_d_keeping_length():
    text = "Đầu tư chuyển đổi xanh"
    assert fold(text) == "dau tu chuyen doi xanh"
    assert len(fold(text)) == len(text)


# Runs of the characters `fold` folds through its codec, and of any others ("Ä", "»", an emoji,
# a combining mark: each breaks the codec's run).
FOLD_PIECES = st.text(alphabet=st.sampled_from(_FOLD_CHARACTERS), max_size=12) | st.text(max_size=3)


@settings(max_examples=400)
@given(st.lists(FOLD_PIECES, max_size=40).map("".join))
@example(_FOLD_CHARACTERS)
@example("Ärger » Đà Nẵng\u0301 ✅ tiếp")
@example("Ä" + "a»" * FOLD_CODEC_PIECES + "Ế»Ê")
def test_fold_is_each_character_folded_on_its_own(text):
    """The codec's path and the table's, and the switch between them, fold as `_fold_char` does."""
    assert fold(text) == "".join(map(_fold_char, text))


def test_no_sentence_ends_at_an_abbreviation_a_name_follows():
    assert sentences("Theo PGS-TS. Trần Bình, cần mở thị trường. TP. Hồ Chí Minh đi đầu. Năm nay tăng 8%.") == [
        "Theo PGS-TS. Trần Bình, cần mở thị trường.",
        "TP. Hồ Chí Minh đi đầu.",
        "Năm nay tăng 8%.",
    ]


def test_sentences_split_before_capitals_only():
    assert sentences("Thứ nhất, củng cố. Thứ hai, tăng cường... dự báo. Thứ ba, nâng cao.") == [
        "Thứ nhất, củng cố.",
        "Thứ hai, tăng cường... dự báo.",
        "Thứ ba, nâng cao.",
    ]


# Letters the key's steps treat specially: old-style tone pairs, "q" before them, a final sigma,
# a capital whose lower case is longer, combining marks (NFD input), spaces of every kind.
KEY_PIECES = st.sampled_from(
    [
        "hoá",
        "Hoá",
        "quý",
        "qu",
        "oá",
        "uỳ",
        "ΟΔΟΣ",
        "Σ",
        "İ",
        "\u0301",
        "o\u0301",
        "a",
        " ",
        "\u00a0",
        "\t",
        "\n",
        ".",
        "Đ",
    ]
)


@settings(max_examples=150)
@given(st.lists(st.lists(st.one_of(KEY_PIECES, st.text(max_size=3)), max_size=8).map("".join), max_size=6))
def test_paragraph_keys_are_each_paragraphs_key_and_join_to_the_bodys(paragraphs):
    keys = paragraph_keys(paragraphs)
    assert keys == [key(paragraph) for paragraph in paragraphs]
    assert joined_key(keys) == key("\n".join(paragraphs)) == key("\n\n".join(paragraphs))


# Paragraphs as the cleaner hands them over (no line break in any), most with single spaces
# only: the shape `paragraph_keys` reads in one pass without splitting each paragraph's words.
ONE_LINE_PIECES = st.one_of(KEY_PIECES.filter(lambda piece: piece != "\n"), st.sampled_from(["hoá", " ", "  ", "x"]))


@settings(max_examples=300)
@given(st.lists(st.lists(ONE_LINE_PIECES, max_size=8).map("".join), min_size=2, max_size=5))
def test_paragraph_keys_of_one_line_paragraphs_are_each_paragraphs_key(paragraphs):
    assert paragraph_keys(paragraphs) == [key(paragraph) for paragraph in paragraphs]


def _sentence_spans_plainly(text: str) -> list[tuple[int, int]]:
    """The definition: a break is white space after a stop (and perhaps a closing quote) before
    a capital or a digit, opening quotes and brackets skipped; not after an abbreviation a name
    follows ("TS. Nguyễn ...", "TP. Hồ Chí Minh")."""
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?…])[\"”’)]?\s+", text):
        head = text[match.end() :].lstrip('"“‘(')
        if not (head and (head[0].isupper() or head[0].isdigit())):
            continue
        word = re.split(r"[\s(.-]", text[: match.start() - 1])[-1] if text[match.start() - 1] == "." else ""
        if word in ("PGS", "GS", "TS", "ThS", "TP", "Tp", "BS", "KS", "NCS"):
            continue
        end = match.start() + len(match.group(0).rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


SENTENCE_PIECES = st.sampled_from(
    [
        ".",
        "!",
        "?",
        "…",
        '"',
        "”",
        "’",
        ")",
        "(",
        "“",
        "‘",
        " ",
        "\n",
        "A",
        "a",
        "Đ",
        "1",
        "x.",
        "TS",
        "TP",
        "PGS.",
        "-",
    ]
)


@settings(max_examples=120)
@given(st.lists(st.one_of(SENTENCE_PIECES, st.text(max_size=3)), max_size=20).map("".join))
def test_sentence_spans_break_where_the_plain_definition_does(text):
    assert sentence_spans(text) == _sentence_spans_plainly(text)


# The breaks str.splitlines() splits at.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def test_folding_keeps_every_space_line_break_bar_and_backslash_and_makes_none():
    """What lets a line of the folded text be the folded line (boilerplate cleans both at once)."""
    for codepoint in range(0x110000):
        if 0xD800 <= codepoint <= 0xDFFF:
            continue
        char = chr(codepoint)
        folded = _fold_char(char)
        assert char.isspace() == folded.isspace(), hex(codepoint)
        if char in LINE_BREAKS or folded in LINE_BREAKS or folded in "|\\":
            assert folded == char, hex(codepoint)


def test_other_space_is_every_white_space_but_space_and_line_feed():
    """The class `single_spaced_lines` searches for, held to str.isspace() over every character."""
    for codepoint in range(0x110000):
        char = chr(codepoint)
        assert bool(_other_space().fullmatch(char)) == (char.isspace() and char not in " \n"), hex(codepoint)
        assert codepoint <= LAST_SPACE or not char.isspace(), hex(codepoint)


def test_white_space_but_space_and_line_feed_is_never_printable():
    """What lets `single_spaced_lines` search for other white space only in a text (its line
    breaks read as spaces) that str.isprintable() rejects."""
    for codepoint in range(LAST_SPACE + 1):
        char = chr(codepoint)
        if char.isspace() and char not in " \n":
            assert not char.isprintable(), hex(codepoint)


# Lines of words and single or double spaces, now and then another white space, or a character
# str.isprintable() rejects that is no white space (a zero-width space, a control character).
LINE_PIECES = st.sampled_from([" ", "  ", "a", "hoá", "x y", " ", "a", "b"]) | st.sampled_from(
    ["\t", "\u00a0", "\r", "\u200b", "\x00"]
)
SPACED_LINES = st.lists(st.lists(LINE_PIECES, max_size=6).map("".join), max_size=4)


@settings(max_examples=400)
@given(SPACED_LINES.map("\n".join))
@example("a  b\nc")
@example("a\n b")
@example("a \nb")
@example(" a\nb")
@example("a\nb ")
@example("a\u3000b")
def test_single_spaced_lines_is_each_line_as_its_words_single_spaced(text):
    assert single_spaced_lines(text) == all(" ".join(line.split()) == line for line in text.split("\n"))


@given(st.lists(st.text(max_size=6), max_size=8))
def test_each_paragraph_starts_where_the_joined_body_holds_it(paragraphs):
    body = "\n\n".join(paragraphs)
    starts = paragraph_starts(paragraphs)
    assert len(starts) == len(paragraphs)
    for start, paragraph, before in zip(starts, paragraphs, range(len(paragraphs))):
        assert start == len("\n\n".join(paragraphs[:before])) + (2 if before else 0)
        assert body[start : start + len(paragraph)] == paragraph


def test_a_plain_text_is_in_nfc_whatever_its_characters():
    """`plain` lets the body-wide passes skip the NFC check: each plain character is NFC, none
    is a combining one (canonical class 0), and no two of them compose, so no text of them
    changes in NFC."""
    for char in PLAIN_CHARACTERS:
        assert unicodedata.is_normalized("NFC", char) and unicodedata.combining(char) == 0, repr(char)
    for first in PLAIN_CHARACTERS:
        for second in PLAIN_CHARACTERS:
            assert unicodedata.is_normalized("NFC", first + second), repr(first + second)


PLAIN_PIECES = st.sampled_from([*PLAIN_CHARACTERS, "Bộ trưởng ", "“Thứ hai”", "\n\n", "«", "é", "a\u0301", "٣", "😀"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PLAIN_PIECES | st.text(max_size=2), max_size=12).map("".join))
def test_a_text_is_plain_when_each_of_its_characters_is_a_plain_one(text):
    expected = all(char in PLAIN_CHARACTERS for char in text)
    assert plain(text) == expected
    assert plain(text) == expected  # the kept answer
    assert plain(text + "«") is False and plain(text + "«") is False


def test_a_plain_text_is_lower_cased_one_plain_character_for_each_on_its_own():
    """What `words.paragraph_tokens` builds on: the lower case of a plain text with some places
    replaced is its lower case with the same places replaced, lower-cased."""
    for char in PLAIN_CHARACTERS:
        assert len(char.lower()) == 1 and plain(char.lower()), repr(char)


@settings(deadline=None)
@given(st.lists(PLAIN_PIECES | st.text(max_size=2), max_size=8).map("".join))
def test_a_kept_lower_case_is_the_text_s(text):
    assert lower_kept(text) == text.lower()
    assert lower_kept(text) == text.lower()  # the kept one
    assert lower_kept(text + "Ä") == (text + "Ä").lower()


def test_the_only_white_space_a_plain_text_holds_but_spaces_and_line_breaks_is_tabs_and_returns():
    assert {char for char in PLAIN_CHARACTERS if char.isspace()} == {" ", "\n", "\t", "\r"}


SPACED_PIECES = st.sampled_from([" ", "  ", "\n", " \n", "\n ", "\t", "\r", "\x00", "\u00a0", "\u2009", "a", "Đ", "…"])


@settings(max_examples=200, deadline=None)
@given(st.lists(SPACED_PIECES | PLAIN_PIECES, max_size=10).map("".join))
def test_a_plain_text_s_spacing_is_read_as_any_text_s_and_its_folding_comes_with_its_plainness(text):
    assert fold_plain(text) == (fold(text), plain(text))
    if plain(text):
        assert single_spaced_lines(text, is_plain=True) == single_spaced_lines(text)
