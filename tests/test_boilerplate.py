"""The cleaner's machinery held to its plain definitions: what it skips must change nothing."""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ngkt_cli.boilerplate import (
    CAPTION_CREDIT,
    CAPTION_MAX_CHARS,
    HEADLINE_LAST_WORDS,
    ITEM_OPENING,
    LEDE_OPENING,
    LINE_END_PUNCTUATION,
    LINE_RULES,
    NEEDLED_ROWS,
    NUMBERED_IMAGE,
    NUMBERED_IMAGE_CHARS,
    PAGE_NUMBER,
    SENTENCE_END_MARKS,
    SLUG_OPENING,
    STAMP_LINE,
    WRAP_FULL_SHARE,
    WRAP_MIN_LINES,
    WRAP_WIDTH_MAX,
    WRAPPED_LINE_END,
    _unwrapped_lines,
    classify_line,
    clean_lines,
    opening_characters,
)
from ngkt_cli.text import fold, needle, plain, required_literals


def _alone(line: str, width: int | None) -> bool:
    """Boilerplate on its own: any row of the cleaner's, but a caption inside text wrapped at a width."""
    reason = classify_line(line, None)
    return bool(reason) and not (width and reason == "caption")


def _unwrapped_lines_plainly(text: str) -> list[tuple[int, str, str]]:
    """The definition: the text's lines, a line opening in lower case joined to the one before
    when that one ends without punctuation (neither being boilerplate on its own), a page number
    inside a paragraph passed over, each line's white space folded last. In a text wrapped at a
    width (most lines near the longest, a short one), a line that runs to the width goes on in the
    next unless it ends a sentence (or a lead-in's colon) the next word would have fitted after, ends
    with a photo's credit and a bar, or the next opens an item, or opens a lede under a headline alone above the
    first sentence; there a photo's credit inside a line ("... Ảnh: TTXVN") keeps the line in its
    paragraph."""
    found, pending = [], []
    lines = text.splitlines()
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    width = max(lengths) if len(lengths) >= WRAP_MIN_LINES and max(lengths) <= WRAP_WIDTH_MAX else None
    if width and sum(length >= WRAP_FULL_SHARE * width for length in lengths) * 2 < len(lengths):
        width = None
    for line_no, raw in enumerate(lines, start=1):
        folded, stripped = fold(raw), raw.strip()
        if pending and len(stripped) <= 16 and PAGE_NUMBER.match(" ".join(folded.split())):
            found.append((line_no, raw, folded))
            continue
        previous = len(lines[line_no - 2].rstrip()) if line_no > 1 else 0
        end = pending[1].rstrip()[-1:] if pending else ""
        word = (stripped.split() or [""])[0]
        last = (pending[1].split() or [""])[-1] if pending else ""
        headline_ends = (
            # above the first sentence, a line alone ends where the lede opens with its agency or
            # day, or with a capital the line had room for after a word in lower case that may end it
            not any(paragraph[1].rstrip()[-1:] in SENTENCE_END_MARKS for paragraph in found)
            and bool(pending)
            and pending[0] == line_no - 1
            and (
                bool(LEDE_OPENING.match(" ".join(stripped.split())))
                or (
                    word[:1].isupper()
                    and (
                        previous + 1 + len(word) <= (width or 0)
                        # a headline wider than every other line was not wrapped at the width
                        or (
                            previous == width
                            and end not in SENTENCE_END_MARKS
                            and previous
                            > max((len(other.rstrip()) for n, other in enumerate(lines) if n != line_no - 2), default=0)
                        )
                    )
                    and not last[:1].isupper()
                    and last.lower() not in HEADLINE_LAST_WORDS
                )
            )
        )
        wrapped = bool(
            width
            and stripped
            and previous >= WRAP_FULL_SHARE * width
            and (end not in WRAPPED_LINE_END or (end in SENTENCE_END_MARKS + ":" and previous + 1 + len(word) > width))
            and not ITEM_OPENING.match(" ".join(stripped.split()))
            and not headline_ends
            and not (end == "|" and CAPTION_CREDIT.search(" ".join(pending[2].split())))
        )
        if (
            pending
            and (
                (
                    stripped[:1].islower()
                    and end not in LINE_END_PUNCTUATION
                    and not SLUG_OPENING.match(" ".join(stripped.split()))
                )
                or wrapped
            )
            and not _alone(stripped, width)
            and not _alone(" ".join(pending[1].split()), width)
        ):
            pending[1] += " " + raw
            pending[2] += " " + folded
            continue
        if pending:
            found.append(tuple(pending))
        pending = [line_no, raw, folded] if stripped else []
    if pending:
        found.append(tuple(pending))
    return [(n, " ".join(raw.split()), " ".join(folded.split())) for n, raw, folded in found]


# Pieces of lines: words opening in either case, endings with and without punctuation, page
# numbers, boilerplate rows, table cells, and white space and line breaks of every kind.
LINE_PIECES = st.sampled_from(
    [
        "Bộ trưởng cho",
        "biết",
        "thứ",
        "hai, tăng cường.",
        "- 3 -",
        "Trang 3",
        "12/40",
        "no image",
        "Họ tên",
        "họ",
        "tên",
        "Ảnh: TTXVN",
        "| ô |",
        "a",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u3000",
    ]
)
BREAKS = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\u2028", "\x0c"])
TEXTS = st.lists(st.tuples(st.lists(LINE_PIECES, max_size=4).map(" ".join), BREAKS), max_size=8).map(
    lambda lines: "".join(line + br for line, br in lines)
)


@settings(max_examples=300)
@given(TEXTS)
@example(  # wrapped at a width, a credit at a line's end (hypothesis found the rule missing here)
    "Bộ trưởng cho\nBộ trưởng cho\nBộ trưởng cho\nBộ trưởng cho\nBộ trưởng cho Bộ trưởng cho\nBộ trưởng cho Bộ trưởng"
    " cho\nBộ trưởng cho Bộ trưởng cho\nBộ trưởng cho Ảnh: TTXVN\n"
)
@example("Bộ trưởng cho\nbiết thêm.\n\nHà Nội")
@example("Bộ trưởng  cho\n  biết\n- 3 -\nthêm.")
@example("Một  dòng \n\t\u00a0\nno image\nảnh")
@example("Bộ trưởng cho\nTrang            3\nbiết")  # a page number only once its spaces are folded
@example("Bộ trưởng cho\nhọ  tên\nbiết")  # a comment form's label only once its spaces are folded
# wrapped at a width: a capital, an empty line, a sentence ended at the width, an item
@example(
    "Bộ trưởng cho\nBộ trưởng cho biết\nBộ trưởng cho biết\nBộ trưởng cho biết\nBộ trưởng cho biết\n\nbiết\nBộ trưởng cho\nBộ trưởng cho\n"
)
@example(
    "Bộ trưởng cho biết a.\nBộ trưởng cho biết\nhai, tăng cường.\nBộ trưởng cho biết\n- 3 -\nBộ trưởng cho\nthứ\nBộ trưởng cho biết\n"
)
# a headline wider than the text wrapped under it ends over a capital (and a first line ending a sentence goes on)
@example(
    "Bộ trưởng cho biết hai\nBộ trưởng cho biết\nBộ trưởng cho biết\nBộ trưởng cho biết\nBộ trưởng cho\nBộ trưởng cho biết\nBộ trưởng cho biết\nBộ trưởng cho biết\n"
)
def test_unwrapped_lines_are_the_lines_joined_as_the_plain_definition_says(text):
    assert list(_unwrapped_lines(text)) == _unwrapped_lines_plainly(text)


def _classify_plainly(line: str, folded: str) -> str | None:
    """The definition: the first row of LINE_RULES whose length the line is within and whose
    pattern matches the folded line."""
    for reason, longest, pattern in LINE_RULES:
        if len(line) <= longest and pattern.match(folded):
            return reason
    return None


def test_a_numbered_image_row_is_bounded_by_its_patterns_longest_match():
    """The row's bound lets it skip longer lines: no line longer than it can match."""
    assert re._parser.parse(NUMBERED_IMAGE.pattern).getwidth()[1] <= NUMBERED_IMAGE_CHARS  # type: ignore[attr-defined]
    assert ("image", NUMBERED_IMAGE_CHARS, NUMBERED_IMAGE) in LINE_RULES


# Lines of every length around the rows' bounds, in the shapes the rows match.
ROW_PIECES = st.sampled_from(
    [
        "ảnh 1",
        "- Ảnh 2.",
        "Cập nhật: 12/3/2024",
        "Chia sẻ",
        "Facebook",
        "| --- |",
        "***",
        "Trang 2",
        "x" * 60,
        "ô " * 30,
        # lines opening as one row or another does
        "image",
        "banner",
        "tin liên quan",
        "» Xem thêm",
        "©",
        "(c) 2024",
        "Tags: a",
        "Video: b",
        "Nguồn: c",
        "Họ tên",
        "|",
        " ",
    ]
)


@settings(max_examples=300)
@given(st.lists(st.one_of(ROW_PIECES, st.text(max_size=5)), max_size=6).map(" ".join))
@example("Thủ tướng làm việc với đoàn - ảnh 1")
@example("x" * 195 + " - ảnh 12.")
@example("x" * 196 + " - ảnh 12.")
def test_classify_line_tries_the_rows_the_plain_definition_does(line):
    line = " ".join(line.split())
    folded = fold(line)
    assert classify_line(line, None, folded) == (
        _classify_plainly(line, folded)
        or ("caption" if len(line) <= CAPTION_MAX_CHARS and ":" in folded and CAPTION_CREDIT.search(folded) else None)
    )


# The rows whose lines open with one of a few characters (the others may open with any).
ROWS_WITH_AN_OPENING = [(reason, pattern) for reason, _, pattern in LINE_RULES if opening_characters(pattern)]


def test_rows_that_open_with_words_or_marks_have_their_openings():
    openings = {reason: opening_characters(pattern) for reason, pattern in ROWS_WITH_AN_OPENING}
    assert openings["table rule"] == {"|"}
    assert {"t", "x", ">", "»", "-", "•", "*", " ", "\t", "\u3000"} <= openings["related"]  # "» Xem thêm", "tin ..."
    assert "c" not in openings["table rule"] and "a" not in openings["footer"]
    assert opening_characters(re.compile(r"^a?")) is None  # may match nothing
    assert opening_characters(re.compile(r"^[^\d]x")) is None  # a negated class opens anything
    assert opening_characters(re.compile(r"^(?:x|y)?\s*(?i:tin)")) is None  # a letter of either case
    assert opening_characters(re.compile(r"^(?=a)(?:b|c+)d")) == {"b", "c"}


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_a_line_a_row_matches_opens_with_one_of_its_openings(data):
    reason, pattern = data.draw(st.sampled_from(ROWS_WITH_AN_OPENING))
    line = data.draw(st.from_regex(pattern))
    if pattern.match(line):
        assert line[:1] in opening_characters(pattern), reason


# The rows whose every match holds some plain text ("anh " and "-" in the numbered image's alt text).
ROWS_WITH_LITERALS = [(reason, pattern) for reason, _, pattern in LINE_RULES if required_literals(pattern)]


def test_rows_name_the_plain_texts_every_match_holds():
    assert dict(ROWS_WITH_LITERALS)["image"] is NUMBERED_IMAGE and required_literals(NUMBERED_IMAGE) == ("-", "anh ")
    assert required_literals(re.compile(r"^ab(?:c|d)e+f?gh$")) == ("ab", "gh")  # a group or a repeat parts the runs
    assert required_literals(re.compile(r"ab|cd")) == ()  # an alternative: neither is required
    assert required_literals(re.compile(r"(?i)ab")) == ()  # either case


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_a_line_a_row_matches_holds_its_plain_texts(data):
    reason, pattern = data.draw(st.sampled_from(ROWS_WITH_LITERALS))
    line = data.draw(st.from_regex(pattern))
    if pattern.match(line):
        assert all(literal in line for literal in required_literals(pattern)), reason


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example("Bộ trưởng cho biết\u00a0thêm.\n\nHà Nội")
@example("Bộ trưởng cho biết thêm.\u2028Hà Nội")
def test_a_cleaning_says_its_paragraphs_are_plain_when_the_lines_it_read_are(text):
    """The ingest worker takes the body's plainness from the cleaning (`CleanText.plain`), which
    its folding of the lines found: it holds only when every line, and so every paragraph, is plain."""
    clean = clean_lines(text)
    assert clean.plain == plain("\n".join(text.splitlines()))
    if clean.plain:
        assert all(map(plain, clean.paragraphs))


# The needle a costly row is tried after (`text.needle`, `NEEDLED_ROWS`): every match holds it.
ROWS_WITH_A_NEEDLE = [(reason, pattern) for reason, _, pattern in LINE_RULES if needle(pattern)]


def test_a_page_stamps_row_is_tried_where_its_needle_is():
    assert STAMP_LINE in NEEDLED_ROWS and ("stamp", STAMP_LINE) in ROWS_WITH_A_NEEDLE
    stamp_needle = needle(STAMP_LINE)
    for stamp in ("Cập nhật:", "Thứ Tư, 05/06/2024 14:20 (GMT+7)", "Ngày 16 tháng 1 năm 2025", "(13:35 | 03/05/2018)"):
        assert STAMP_LINE.match(fold(stamp)) and stamp_needle.search(fold(stamp)), stamp
    for line in ("Thủ tướng dự hội nghị tổng kết năm 2023 số 853", "Tin liên quan", "Đảng ủy Bộ Ngoại giao"):
        assert not stamp_needle.search(fold(line)), line
    # a date's digits and signs side by side, a label's words; nothing optional, nothing wide
    assert needle(
        re.compile(r"^(?:[^\d]{0,40}(?:ngay dang|cap nhat)\s*:?|\d{1,2}([/.-])\d{1,2}\1\d{4}.{0,9})$")
    ).pattern == (r"ngay\ dang|cap\ nhat|[\d][/\.\-][\d]")
    assert needle(re.compile(r"^(?:ab|\d{4})$")) is None  # an alternative's needle too common: none
    assert needle(re.compile(r"(?i)cap nhat")) is None  # either case


# Patterns made of the items `text.needle` reads (and others it passes over), in sequences and
# alternatives, and lines made of their pieces.
NEEDLE_ITEMS = st.sampled_from(
    [
        "ab", "cd", " ", ":", r"\d", r"\d{1,2}", r"\d{4}", "[/.-]", "([/.-])", r"\s*", r"\s", ",?", r"[^\d]{0,5}",
        r"\w+", ".{0,3}", "(?:xy|z)", "(?:ab )?", "[a-c]", "[a-z]{2,3}", r"\(", "x+?", r"\b",
    ]
)  # fmt: skip
NEEDLE_PATTERNS = st.lists(st.lists(NEEDLE_ITEMS, min_size=1, max_size=7).map("".join), min_size=1, max_size=4).map(
    lambda branches: "^(?:" + "|".join(branches) + ")"
)
NEEDLE_PIECES = st.sampled_from(["ab", "cd", "xy", "z", " ", ":", "1", "12", "2024", "/", ".", "-", ",", "(", "é"])


@settings(max_examples=400, deadline=None)
@given(NEEDLE_PATTERNS, st.lists(NEEDLE_PIECES, max_size=14).map("".join), st.data())
def test_every_match_of_a_pattern_holds_its_needle(source, text, data):
    pattern = re.compile(source)
    found = needle(pattern)
    if found is None:
        return
    for line in (text, data.draw(st.from_regex(pattern))):
        if pattern.search(line):
            assert found.search(line), (source, found.pattern, line)


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_a_line_a_row_matches_holds_its_needle(data):
    reason, pattern = data.draw(st.sampled_from(ROWS_WITH_A_NEEDLE))
    line = data.draw(st.from_regex(pattern))
    if pattern.match(line):
        assert needle(pattern).search(line), reason


# Pieces of page stamps and of the lines beside them.
STAMP_PIECES = st.sampled_from(
    [
        "Cập nhật:", "Ngày đăng", "12/3/2024", "05/06/2024", "2024-06-05", "14:20", "22h15", "(GMT+7)", "Thứ Tư,",
        "Chủ nhật", "ngày", "16 tháng 1 năm 2025", "tháng", "|", "-", "(VOV)", "VOV.VN", "Thời sự", "Đăng:", "năm 2023",
        "số 853", "Thủ tướng", "Hà Nội,", "Truy cập", "Monday,", "T2,", "(", ")", ",",
    ]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(STAMP_PIECES, min_size=1, max_size=6).map(" ".join))
@example("Thứ Tư, 05/06/2024 14:20 (GMT+7)")
@example("Thủ tướng dự hội nghị tổng kết năm 2023 số 853")
def test_classify_line_reads_stamps_as_the_plain_definition_does(line):
    folded = fold(line)
    assert classify_line(line, None, folded) == (
        _classify_plainly(line, folded)
        or ("caption" if len(line) <= CAPTION_MAX_CHARS and ":" in folded and CAPTION_CREDIT.search(folded) else None)
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AĐÊÔaàđê ǅ,.1ⓐⒶ中"), max_size=12))
def test_a_line_in_capitals_is_read_up_to_its_first_small_letter_only(line):
    # `_all_capitals` stops at the first letter that is not a capital; it must say what reading
    # every letter says
    from ngkt_cli.boilerplate import _all_capitals

    letters = [c for c in line if c.isalpha()]
    assert _all_capitals(line) == (len(letters) >= 4 and all(c.isupper() for c in letters))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Bứt phá", " ", "(", ")", "VOV", "x"]), max_size=6),
    st.sampled_from(["", " (VOV)", " (Chinhphu.vn)", " (x)", " (VOV"]),
    st.sampled_from(["", "\n", " ", "x", ")"]),
)
def test_a_headline_not_closed_by_a_bracket_holds_no_bracketed_outlet(parts, outlet, tail):
    # `_title_text` removes a bracketed outlet only from a line with ")" among its last two
    # characters: no other line holds one
    from ngkt_cli.boilerplate import TITLE_OUTLET_BRACKETED

    line = "".join(parts) + outlet + tail
    if ")" not in line[-2:]:
        assert TITLE_OUTLET_BRACKETED.sub("", line) == line
