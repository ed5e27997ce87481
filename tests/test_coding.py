"""Theme coding: the openings tested before a theme's regex skip only themes that cannot match."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.text import fold, spell_out
from ngkt_cli.themes import Theme, _compile, _opening, code_positions, load_codebook


@pytest.mark.parametrize(
    ("pattern", "opening"),
    [
        ("ho tro (?:\\w+,? ){0,6}?(?:dia phuong|doanh nghiep)", "ho tro "),  # alternatives inside a group
        ("quan he (?:(?:cac|nhung) )?doi tac", "quan he "),
        ("chip|ban dan", ""),  # an alternation: no one opening
        ("(?:ban|chip) dan", ""),
        ("a[|(]b", "a"),  # a "|" or "(" in a class opens nothing
        ("ab\\|cd", "ab"),  # an escaped "|" is a letter
        ("vac ?xin", "vac"),
    ],
)
def test_a_patterns_opening_is_the_text_every_match_begins_with(pattern, opening):
    assert _opening(pattern) == opening


def test_every_default_theme_has_openings():
    assert all(theme.openings for theme in load_codebook())


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_coding_a_seeds_sentences_finds_what_every_themes_regex_finds(path):
    codebook = load_codebook()
    for line in path.read_text(encoding="utf-8").splitlines():
        folded = fold(spell_out(line))
        plain = sorted(
            ((t.id, m.start()) for t in codebook if (m := t.pattern.search(folded))), key=lambda p: (p[1], p[0])
        )
        assert code_positions(line, codebook) == plain


# Patterns whose openings overlap ("ab", "ab c", "a"), nest, are optional at their end ("c?a"),
# are empty (an alternation, a class first) or open with a space, as a codebook may write them.
PATTERN_PIECES = st.sampled_from(
    [
        "ab",
        "ab c",
        "a",
        "b",
        "c?a",
        "a(?:b|c)",
        "ab|ba",
        "(?:x|a)b",
        "a b(?! c)",
        "_a",
        " a",
        "a_b",
        "b\\.",
        "a.c",
        "ba c",
    ]
)


# Texts of those words, with spaces, punctuation and "_" between them, or any text.
TEXT_PIECES = st.sampled_from(["ab", "a", "b", "c", "ba", "ab c", " ", " ", ".", "_", "-", "(", "x"])
TEXTS = st.lists(TEXT_PIECES, max_size=12).map("".join) | st.text(alphabet="ab c._-(x", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(PATTERN_PIECES, min_size=1, max_size=3), max_size=5), TEXTS)
@example([["ab"]], "x ab ab")  # the first of two places
@example([["ab", " a"]], "b a")  # an opening that opens with a space: after a word, not at one
@example([["a"], ["ab c", "b"]], "(ab c_a b")
@example([["ab cd", "c"]], "ab cd")  # one opening inside another that starts first: the first start
def test_coding_finds_what_every_themes_regex_finds_from_the_start(themes, text):
    """The scan of the openings (at word starts, or anywhere when some opening opens with a
    space) skips only themes that cannot match, and starts no theme's search past its first match."""
    codebook = tuple(_compile({"id": f"t{n}", "patterns": patterns}, "test") for n, patterns in enumerate(themes))
    folded = fold(spell_out(text))
    plain = sorted(((t.id, m.start()) for t in codebook if (m := t.pattern.search(folded))), key=lambda p: (p[1], p[0]))
    assert code_positions(text, codebook) == plain


def test_a_theme_with_an_empty_opening_is_searched_in_every_text():
    codebook = (Theme("t", "t", "t", re.compile(r"\bb"), ("",)), Theme("u", "u", "u", re.compile(r"\bb"), ()))
    assert code_positions("a b", codebook) == [("t", 2)]  # "u" has no opening a match could begin with
