"""Theme coding: the openings tested before a theme's regex skip only themes that cannot match."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from ngkt_cli.text import fold, spell_out
from ngkt_cli.themes import Theme, _opening, _present, code_positions, load_codebook


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


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="ab c.(|", max_size=5), max_size=8),
    st.text(alphabet="ab c.(|x", max_size=40),
)
def test_the_openings_found_in_one_scan_are_those_the_text_holds(openings, folded):
    # openings that overlap ("ab", "abc", "b c") and openings inside others are all found
    codebook = (Theme("t", "t", "t", re.compile("x"), tuple(openings)),)
    assert _present(folded, codebook) == {opening for opening in openings if opening in folded}
