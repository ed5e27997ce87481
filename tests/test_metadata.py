"""People and mentions: the faster ways of matching find what the plain patterns find."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.metadata import (
    ALIAS_TITLES,
    COUNTRY_BEFORE,
    NAME_THEN_TITLE_DEFINITION,
    PRONOUN_NAME,
    TITLE_ALIAS,
    TITLE_ALONE,
    TITLED_NAME,
    UPPER,
    Mention,
    _full_title,
    _matches_from,
    _name,
    _name_then_title_at,
    _name_then_title_matches,
    _starts,
    _title_head,
    _title_heads,
    _written_name,
    find_mentions,
    find_people,
)
from ngkt_cli.models import Person
from ngkt_cli.text import WordStarts

# Pieces of the texts people are named in: names (also in capitals and after a place that ends
# with a family name), titles in both cases, "ông", "bà", "đồng chí", the aliases of offices,
# and the commas, dashes and white space between them.
PERSON_PIECES = st.sampled_from(
    [
        "Nguyễn Văn An",
        "NGUYỄN VĂN AN",
        "Bùi Thanh Sơn",
        "Võ Văn Minh",
        "Lê Hoài Trung",
        "Tô Lâm",
        "Hà Nội",
        "Bình Dương ",
        "Hồ Chí Minh",
        "Bộ trưởng",
        "bộ trưởng",
        "Phó Thủ tướng",
        "Thủ tướng Chính phủ",
        "Tỉnh ủy",
        "Bộ Ngoại giao",
        "UBND tỉnh",
        "(VCCI)",
        "ông ",
        "Ông ",
        "bà ",
        "Bà ",
        "đồng chí ",
        "Đồng chí ",
        "xông ",
        "người đứng đầu Chính phủ",
        "Người đứng đầu ngành ngoại giao",
        "trưởng ngành Ngoại giao",
        "Sơn",
        "Hằng",
        ", ",
        ",",
        " - ",
        " – ",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "x",
        "_",
        "cho biết",
    ]
)
PERSON_TEXTS = st.lists(st.one_of(PERSON_PIECES, st.text(max_size=3)), max_size=24).map("".join)


# The plain definition, as one pattern.
NAME_THEN_TITLE = re.compile(NAME_THEN_TITLE_DEFINITION)


def _spans(matches) -> list:
    return [(m.span(), m.group(0), m.group("name"), m.group("title"), m.span("title")) for m in matches]


@settings(max_examples=400)
@given(PERSON_TEXTS)
@example("ông Nguyễn Văn An, Bộ trưởng Bộ Ngoại giao và Bùi Thanh Sơn - Phó Thủ tướng")
@example("Đồng chí Tô Lâm, Tổng Bí thư; bà Lê Hoài Trung – Bí thư Trung ương Đảng")
@example("Chủ tịch UBND tỉnh Bình Dương Võ Văn Minh, Bộ trưởng")
@example("NGUYỄN VĂN AN - Bộ trưởng Bộ Ngoại giao")
def test_names_then_titles_are_found_as_the_one_pattern_finds_them(text):
    assert _spans(_name_then_title_matches(text)) == _spans(NAME_THEN_TITLE.finditer(text))
    assert _spans(filter(None, [_name_then_title_at(text)])) == _spans(filter(None, [NAME_THEN_TITLE.match(text)]))


# The plain definitions: a look-behind (or a word boundary) in front of the words.
PLAIN_TITLE_ALIAS = re.compile(
    r"(?<!\w)(?:[nN]gười đứng đầu|[tT]rưởng)\s+(?:ngành\s+)?(?P<of>Chính phủ|[nN]goại giao|Nhà nước|Quốc hội)(?!\w)"
)
PLAIN_PRONOUN_NAME = re.compile(rf"\b(?:[ôÔ]ng|[bB]à)\s+(?P<given>[{UPPER}][^\W\d_]*)(?!\s+[{UPPER}])")


@settings(max_examples=400)
@given(PERSON_TEXTS)
@example("Người đứng đầu Chính phủ; xtrưởng ngành ngoại giao, trưởng ngành ngoại giao")
@example("ông Sơn, xông Sơn, Bà Hằng, _bà Hằng")
def test_aliases_and_pronouns_match_where_their_plain_patterns_do(text):
    assert [m.span() for m in TITLE_ALIAS.finditer(text)] == [m.span() for m in PLAIN_TITLE_ALIAS.finditer(text)]
    assert [(m.span(), m.group("given")) for m in PRONOUN_NAME.finditer(text)] == [
        (m.span(), m.group("given")) for m in PLAIN_PRONOUN_NAME.finditer(text)
    ]


def _plain_find_mentions(text: str, people: list[Person]) -> list[Mention]:
    """find_mentions as first written: every pattern over the whole text."""
    mentions = [Mention(m.start(), m.end(), _name(m), m.group("title")) for m in TITLED_NAME.finditer(text)]
    mentions += [
        Mention(m.start(), m.end(), _name(m), m.group("title"))
        for m in NAME_THEN_TITLE.finditer(text)
        if not TITLED_NAME.search(m.group(0), m.start("title") - m.start())
    ]
    covered = [(m.start, m.end) for m in mentions]
    for match in TITLE_ALONE.finditer(text):
        if any(start <= match.start() < end for start, end in covered):
            continue
        if COUNTRY_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # a country's role ("nước Chủ tịch G7"), nobody's title
        head = _title_head(match.group("title"))
        holder = next((p for p in people if head in _title_heads(p.title)), None)
        mentions.append(Mention(match.start(), match.end(), holder.name if holder else None, match.group("title")))
    for match in PLAIN_TITLE_ALIAS.finditer(text):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue  # an alias inside a title found already ("Thứ trưởng Ngoại giao")
        head = ALIAS_TITLES[match.group("of").lower()]
        holder = next((p for p in people if head in _title_heads(p.title)), None)
        if holder:
            mentions.append(Mention(match.start(), match.end(), holder.name, head))
    for match in PLAIN_PRONOUN_NAME.finditer(text):
        holder = next((p for p in people if p.name.split()[-1] == match.group("given")), None)
        if holder:
            mentions.append(Mention(match.start(), match.end(), holder.name, holder.title))
    covered = [(m.start, m.end) for m in mentions]
    for person in people:
        for match in _written_name(person.name).finditer(text):
            if not any(start <= match.start() < end for start, end in covered):
                mentions.append(Mention(match.start(), match.end(), person.name, person.title))
    return sorted(mentions, key=lambda m: m.start)


PEOPLE = [
    Person("Bùi Thanh Sơn", "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao"),
    Person("Lê Hoài Trung", "Bí thư Trung ương Đảng"),
    Person("Nguyễn Văn An", "Thủ tướng Chính phủ"),
]


@settings(max_examples=400)
@given(PERSON_TEXTS)
@example("Theo ông Sơn, Người đứng đầu Chính phủ đã nói; Bùi Thanh Sơn cho biết")
@example("ông Nguyễn Văn An, Bộ trưởng Bộ Ngoại giao cho biết")
@example("Bộ trưởng Người đứng đầu ngành ngoại giao")  # an alias inside a title found first
def test_mentions_are_what_every_pattern_over_the_whole_text_finds(text):
    assert find_mentions(text, PEOPLE) == _plain_find_mentions(text, PEOPLE)


def test_a_person_named_before_the_title_is_found():
    people = find_people("Ông Nguyễn Văn An, Bộ trưởng Bộ Công Thương, cho biết. Bà Lê Thị Hoa - Giám đốc Sở.")
    assert [(p.name, p.title) for p in people] == [
        ("Nguyễn Văn An", "Bộ trưởng Bộ Công Thương"),
        ("Lê Thị Hoa", "Giám đốc Sở"),
    ]


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ông Sơn cho biết", "Thủ tướng nói", "bà Hằng, Bộ trưởng", "Bà Hằng nói", "x"]),
            st.lists(st.sampled_from(PEOPLE), max_size=3),
        ),
        max_size=8,
    )
)
def test_mentions_asked_again_are_those_of_the_people_asked_with(asks):
    """The mentions kept for a text are given back only for the same people: not when the
    caller has changed its list since, nor after it changed the list it was given back."""
    for text, people in asks:
        found = find_mentions(text, people)
        assert found == _plain_find_mentions(text, people)
        found.append(Mention(0, 0, None, None))
        assert find_mentions(text, people) == _plain_find_mentions(text, people)
        people.append(Person("Lê Thị Hằng", "Bộ trưởng"))
        assert find_mentions(text, people) == _plain_find_mentions(text, people)


@settings(max_examples=400)
@given(PERSON_TEXTS)
@example("Đại biểu Thủ tướng Phạm Minh Chính; Phó Thủ tướng Bùi Thanh Sơn")  # a title inside another's match
@example("Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Phạm Minh Chính")
def test_titled_names_and_titles_are_found_from_the_titles_starts_as_finditer_finds_them(text):
    starts = _starts(text)[0]  # where a title starts, those inside another title too
    for pattern in (TITLED_NAME, TITLE_ALONE):
        assert _spans_of(_matches_from(pattern, text, starts)) == _spans_of(pattern.finditer(text))


def _spans_of(matches) -> list:
    return [(m.span(), m.group("title")) for m in matches]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["ab", "abc", "b", "bc", "c", "Ab", "x"]), max_size=4),
    PERSON_TEXTS | st.text("abcAx ", max_size=12),
)
@example(["Bộ trưởng", "Phó Thủ tướng", "Thủ tướng"], "Phó Thủ tướng, Bộ trưởng")
def test_word_starts_are_every_place_a_word_starts(words, text):
    """Overlapping words, one inside another, a word in two lists: every start, once, in order."""
    lists = [words, words[1:], ["bc", "Thủ tướng"]]
    found = WordStarts(*lists)(text)
    assert found == [sorted({i for i in range(len(text)) for w in ws if text.startswith(w, i)}) for ws in lists]


def test_a_title_chain_stops_at_another_person_named_before():
    """ "... chất vấn của đại biểu Lê Hữu Trí, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn": the deputy is
    not part of the minister's title; a chain of one person's titles still is (newcomer10)."""
    text = (
        "Trả lời câu hỏi chất vấn của đại biểu Lê Hữu Trí, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết, các đối"
        " tác lớn đều quan tâm. Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh phát biểu."
    )
    people = {p.name: p.title for p in find_people(text)}
    assert people == {
        "Lê Hữu Trí": "đại biểu",
        "Bùi Thanh Sơn": "Bộ trưởng Bộ Ngoại giao",
        "Phạm Bình Minh": "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao",
    }


@settings(max_examples=400, deadline=None)
@given(PERSON_TEXTS)
@example("ông Nguyễn Văn An, Bộ trưởng Bộ Ngoại giao, Phó Thủ tướng Bùi Thanh Sơn")
@example("đại biểu Lê Hoài Trung, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn")
@example("Phó Thủ tướng - Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn")
def test_a_chain_of_titles_before_a_name_is_found_from_the_title_starts_as_searching_finds_it(text):
    """`_full_title` tries the chain and another titled name only where a title starts: the same
    title as searching the window (and the chain) at every position."""
    starts = _starts(text)[0]
    for match in _matches_from(TITLED_NAME, text, starts):
        assert _full_title(text, match, starts) == _full_title(text, match)
