"""Actor levels worked out for a whole document are each statement's own level."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.actors import _ASKING, ASKING_WORDS, COUNTRIES, FOREIGN_ACTOR, _foreign, actor_level, actor_levels

# Words the actor rules read: titles, countries, host phrases, local bodies, verbs of asking.
WORDS = st.sampled_from(
    [
        *COUNTRIES.split("|"),
        "Tổng thống",
        "Thủ tướng",
        "Bộ trưởng",
        "Ngoại trưởng",
        "Đại sứ",
        "nước chủ nhà",
        "chủ nhà",
        "nước đăng cai",
        "UBND",
        "Ủy ban nhân dân",
        "tỉnh",
        "thành phố",
        "Nghệ An",
        "Sở Công Thương",
        "yêu cầu",
        "tiếp tục",
        "ban hành",
        "cần",
        "mở rộng thị trường",
        "Việt Nam",
        "bà",
        ",",
        ".",
    ]
)
TEXTS = st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=10).map(" ".join)


@settings(max_examples=150)
@given(TEXTS)
def test_the_country_test_never_hides_a_foreign_actor(text):
    assert _foreign(text) == bool(FOREIGN_ACTOR.search(text))


@settings(max_examples=80)
@given(
    st.lists(st.tuples(st.one_of(st.none(), TEXTS), TEXTS, st.one_of(st.none(), TEXTS)), max_size=6),
    st.one_of(st.none(), TEXTS),
)
def test_a_documents_levels_are_its_statements_own(statements, lead):
    assert actor_levels(statements, lead) == {found: actor_level(*found, lead) for found in statements}


def test_a_local_body_asking_in_the_lead_makes_the_unattributed_statements_local():
    lead = "Ngày 5/3/2024, UBND thành phố yêu cầu các sở, ngành thực hiện các nhiệm vụ sau"
    statements = [(None, "làm mới các động lực tăng trưởng", None), ("Bộ trưởng", "mở rộng thị trường", None)]
    assert actor_levels(statements, lead) == {statements[0]: "local", statements[1]: "national"}


# The plain definition of the verbs of asking: a word boundary in front.
PLAIN_ASKING = re.compile(r"\b(?:" + "|".join(ASKING_WORDS) + r")\b")
ASKING_TEXTS = st.lists(
    st.sampled_from([*ASKING_WORDS, "x", "_", "1", " ", ",", "cầnthiết", "tiếp tục"]), max_size=12
).map("".join)


@settings(max_examples=300)
@given(ASKING_TEXTS | TEXTS, st.integers(0, 5))
@example("xyêu cầu _cần 1phải giao", 0)
@example("cho biết cho rằng", 4)
def test_verbs_of_asking_are_found_where_the_plain_pattern_finds_them(text, at):
    assert [m.span() for m in _ASKING.finditer(text)] == [m.span() for m in PLAIN_ASKING.finditer(text)]
    assert bool(_ASKING.match(text, at, at + 40)) == bool(PLAIN_ASKING.match(text, at, at + 40))
