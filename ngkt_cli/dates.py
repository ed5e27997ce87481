"""Stage 1 helper: when an article's statements were made (date, where it came from, statement year).

The date that matters is when the statements were made. A page stamp ("Chủ nhật 29/12/2024") can
be months after the speech the body reports ("chiều 18/3"), so an event day in the body wins and
the stamp only lends its year. A day without a year and without a stamp is placed by the years the
text speaks from (`YEAR_CLUES`), or by the numbered events and office-holders it names (the dated
table `data/dated_facts.toml`); when nothing places it, the article stays undated.

Dates are found with our own patterns and only the matched span is parsed (by dateutil, taught the
Vietnamese words): its fuzzy mode on whole sentences reads "6 trọng tâm ngày 18/3" as 2003-06-18.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from dateutil import parser as dateutil_parser

from .text import PARAGRAPH_BREAK, fold, folded_body, required_one_of, sentence_spans, sentences

# ---------------------------------------------------------------------------------------------
# Days and full dates

# Full dates: "29/12/2024", "18-12-2023", "ngày 15 tháng 1 năm 2025" (matched on folded text).
FULL_DATE = re.compile(
    r"(?<![\d.])\d{1,2}([/.-])\d{1,2}\1\d{4}(?![\d.])"  # 15/01/2025, 15-1-2025, 15.01.2025
    r"|(?:ngay |(?<!\d))\d{1,2} thang \d{1,2} nam \d{4}"  # ngày 15 tháng 1 năm 2025, 15 tháng 01 năm 2025
    r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"  # 2025-01-15
    r"|(?<!\d)\d{1,2} thang \d{1,2},? \d{4}(?!\d)"  # 06 Tháng 6 2021
)


# A date written year first ("2023-11-07 14:30", as a page's clock or a feed writes it).
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _VietnameseDates(dateutil_parser.parserinfo):
    """dateutil's parser, told that "ngày", "tháng", "năm" (folded) only join a date's numbers."""

    JUMP = [*dateutil_parser.parserinfo.JUMP, "ngay", "thang", "nam", "luc"]


_DATES = _VietnameseDates(dayfirst=True)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A page's stamps are read several times (which is first, whether each is an update, its posting
# date, its date): each is folded once. (Folding is a function of the text alone.)
_fold_stamp = functools.lru_cache(maxsize=256)(fold)


def parse_full_date(text: str) -> dt.date | None:
    """The first complete day/month/year date in `text`, or None."""
    for match in FULL_DATE.finditer(_fold_stamp(text)):
        if (date := _parsed(match.group(0))) is not None:
            return date
    return None


_NUMBERS = re.compile(r"\d+")


@functools.lru_cache(maxsize=1024)  # a page's stamps are read several times
def _parsed(written: str) -> dt.date | None:
    """A FULL_DATE match as a date. A day-first date ("15/01/2025", "ngày 15 tháng 1 năm 2025")
    is read directly when its numbers make a valid date with a month of 1-12, which is what
    dateutil reads it as (a test compares the two over every day, month and shape); anything
    else (a "month" of 13 or more that dateutil swaps, a day out of range) goes to dateutil,
    twenty times slower. The year-first "2025-02-01" is read year first (dateutil, asked for
    day-first dates, would read 2023-11-07 as 11 July)."""
    if iso := ISO_DATE.fullmatch(written):  # year first: dayfirst would read 2023-11-07 as 11 July
        return _valid(*(int(part) for part in iso.groups()))
    numbers = [int(n) for n in _NUMBERS.findall(written)]
    if len(numbers) == 3 and numbers[0] <= 31 and written.isascii():
        day, month, year = numbers
        if 1 <= month <= 12 and (date := _valid(year, month, day)):
            return date
    try:
        return dateutil_parser.parse(written, parserinfo=_DATES).date()
    except (ValueError, OverflowError):
        return None


# Event days in the body, often without a year. Strong: a time of day or "hôm nay" names when
# something happened ("chiều 18/3", "Sáng nay (14/10)", "tối qua 5/6", "Chiều muộn 6/1", "Hôm 15/1",
# "Chiều thứ Sáu (10/1)", "Tối ngày 16/11"), or the lede opens with it ("Ngày 22-2, tại Hà Nội"). Weak: any
# other "ngày 18/12" ("tổ chức ngày 18/12 tại Hà Nội"). A day is "18/3", "18-3-2024", "29.12" and
# "14.1" (as Thanh Niên writes it), "18 tháng 3 năm 2024", or the first day of a span "9-10/1".
_DAY_MONTH = (
    r"\(?(?:(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?(?![\d/-]|\.\d)|(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?"
    r"|(\d{1,2})\s*[-–]\s*\d{1,2}[/-](\d{1,2})(?:[/-](\d{4}))?(?![\d/-])"
    # the first day of a span written out: "hai ngày 17 và 18/6", "từ ngày 16 đến 18/6"
    r"|(\d{1,2}) (?:va|den|toi) (?:ngay )?\d{1,2}(?:[/-]|\s+thang\s+)(\d{1,2})(?:(?:[/-]|\s+nam\s+)(\d{4}))?(?![\d/-]))"
)
STRONG_EVENT_DATE = re.compile(
    # a lede may open with the weekday alone: "Thứ Năm (22/2), Bộ trưởng ...", "Chủ nhật, 5/1, ..."
    r"(?:\b(?:sang|trua|chieu|toi|dem)(?: som| muon| nay| qua| hom nay| hom qua)?|\bhom(?: nay| qua)?|^ngay"
    r"|^(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat))"
    r"(?:\s+(?:thu \w+|chu nhat))?\s*(?:\(|,)?\s*(?:ngay\s+)?" + _DAY_MONTH
)
EVENT_DATE = re.compile(r"\bngay\s*" + _DAY_MONTH)

# What may stand just before a day that is not the event's: a document's date ("Chỉ thị số
# 41-CT/TW, ngày 15/4/2010"), a deadline ("trước ngày 30/6/2026"), a data cut-off ("tính đến
# ngày 31/01/2024"), the start of a validity ("có hiệu lực từ ngày 14/1/2019") or an event
# still to come ("sẽ diễn ra vào ngày 19-5-2017") or one recalled ("Trước đó, ngày 19/12, ...").
NOT_EVENT_BEFORE = re.compile(
    r"(?:\b(?:chi thi|nghi quyet|quyet dinh|ket luan|nghi dinh|thong tu|cong van|luat)(?: so)? \d[^.;:]{0,30}"
    # a notice's or a report's date: "Theo thông cáo ngày 21/6 của Sở Ngoại vụ, ..."
    r"|\b(?:thong cao|thong bao|cong dien|bao cao|van ban)(?: bao chi)?\s*"
    r"|\b(?:truoc|den|tinh den|cho den|tu|ke tu|sau|hieu luc)\s*"
    # an earlier event the article recalls: "Trước đó, ngày 19/12, Thủ tướng đã dự ..."
    r"|\btruoc do\s*,?\s*(?:vao\s*)?"
    # an event still to come: "Hội nghị sẽ chính thức diễn ra vào ngày 19-5-2017", "dự kiến tổ chức ngày 20/6"
    r"|\b(?:se|du kien|sap)\b[^.;:]{0,40})$"
)

# A day named without a time of day this close after the page stamp is still to come ("... sẽ phối
# hợp tổ chức hội nghị ... vào ngày 26/6" on a page posted on 24/6), not an event of the year before.
UPCOMING_DAYS = 31

# How many paragraphs from the top an event day may sit (the lede and the next few).
EVENT_DATE_PARAGRAPHS = 6

# A dated day this long before the page stamp is recalled ("Ngày 10/8/2022, Ban Bí thư ban hành
# ..." in a report stamped in December), not the event's.
RECALLED_AFTER_DAYS = 31


def _day_month_year(match: re.Match[str]) -> tuple[int, int, int | None] | None:
    groups = match.groups()
    groups = groups[:1] + groups[2:]  # without the separator "18/3", "18-3", "29.12"
    day, month, year = next(groups[i : i + 3] for i in (0, 3, 6, 9) if groups[i])
    if not _valid(2000, int(month), int(day)):
        return None
    return int(day), int(month), int(year) if year else None


def _recalled(found: tuple[int, int, int | None], stamp: dt.date | None) -> bool:
    day, month, year = found
    dated = _valid(year, month, day) if year else None
    return bool(dated and stamp and (stamp - dated).days > RECALLED_AFTER_DAYS)


def _upcoming(found: tuple[int, int, int | None], stamp: dt.date | None) -> bool:
    """A day within UPCOMING_DAYS after the page stamp (in the stamp's year when it names none)."""
    day, month, year = found
    dated = _valid(year or stamp.year, month, day) if stamp else None
    return bool(dated and stamp and 0 < (dated - stamp).days <= UPCOMING_DAYS)


# A lede whose first sentence holds this share of the headline's words reports the headline's
# event: its dated day is the event's, however long before the page stamp ("Sở Ngoại vụ tổ chức
# Hội nghị sơ kết ..." over "Ngày 7/7/2011, Sở Ngoại vụ đã tổ chức Hội nghị sơ kết ...", posted
# in September).
HEADLINE_RESTATED = 0.8


def _restates_headline(paragraph: str, headline: str | None, folded: str | None = None) -> bool:
    """(`folded`: `fold(paragraph)`, when the caller has it: the first sentence's words are read
    from its slice, folding mapping each character to one character.)"""
    if not headline:
        return False
    words = set(re.findall(r"\w+", fold(headline)))
    folded = fold(paragraph) if folded is None else folded
    spans = sentence_spans(paragraph)  # the paragraph cut once, not twice
    first = set(re.findall(r"\w+", folded[spans[0][0] : spans[0][1]] if spans else folded))
    return bool(words) and len(words & first) >= HEADLINE_RESTATED * len(words)


def _folded_slices(folded: str, paragraphs: list[str], separator: str = PARAGRAPH_BREAK) -> list[str]:
    """`paragraphs` (the first of a text) folded, as slices of `folded`, the text they open
    (joined by `separator`) folded: folding maps each character to one character."""
    slices, offset = [], 0
    for paragraph in paragraphs:
        slices.append(folded[offset : offset + len(paragraph)])
        offset += len(paragraph) + len(separator)
    return slices


def find_event_date(
    paragraphs: list[str], stamp: dt.date | None = None, headline: str | None = None, weak: bool = True
) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of when the reported event happened, from the opening paragraphs.

    The first strong day wins; failing that, the first weak one (unless `weak` is False: the lede
    already said when, "Sáng nay, ..."). Documents' dates, deadlines, cut-offs and days recalled
    long before the page stamp are not the event's (unless the lede that opens with the day
    restates the headline: the page was posted late).
    """
    # slices of the body folded once (shared)
    opening = _folded_slices(folded_body(PARAGRAPH_BREAK.join(paragraphs)), paragraphs[:EVENT_DATE_PARAGRAPHS])
    restated = bool(paragraphs) and _restates_headline(paragraphs[0], headline, opening[0] if opening else None)
    for pattern in (STRONG_EVENT_DATE, EVENT_DATE) if weak else (STRONG_EVENT_DATE,):
        for index, paragraph in enumerate(opening):
            for match in pattern.finditer(paragraph):
                before = paragraph[max(0, match.start() - 60) : match.start()]
                # "Từ ngày 16 đến 18/6, tại Hà Nội": a span the sentence opens with, not a validity's start
                opens_a_span = match.group(match.re.groups - 2) and re.search(
                    r"(?:^|[,.;:]\s*)tu\s*$", paragraph[: match.start()]
                )
                if NOT_EVENT_BEFORE.search(before) and not opens_a_span:
                    continue
                lede_restates_headline = restated and index == 0
                if (
                    (found := _day_month_year(match))
                    and not _recalled(found, None if lede_restates_headline else stamp)
                    and not (pattern is EVENT_DATE and _upcoming(found, stamp))
                ):
                    return found
    return None


# A lede that says the event was yesterday or today, without its day ("Chiều qua, tại Hà Nội, ...",
# "Hôm qua, Bộ Ngoại giao ...", "Sáng nay, tại hội nghị ..."): the day before the page's stamp, or
# its day; a day the article names further down without a time of day ("Trước đó, ngày 19/12, Thủ
# tướng đã dự ...") is not the event's.
YESTERDAY = re.compile(r"\b(?:ngay hom qua|hom qua|(?:sang|trua|chieu|toi|dem) qua)\b(?!\s*\(?\s*\d)")
# (today: only as the paragraph opens, after an outlet's tag: "“Hôm nay, chúng ta ...”" quoted is a speech's day)
TODAY = re.compile(
    r"^(?:\([^()]{1,20}\)\s*[-–]\s*)?(?:ngay hom nay|hom nay|(?:sang|trua|chieu|toi) nay)\b(?!\s*\(?\s*\d)"
)
YESTERDAY_PARAGRAPHS = 2
# Texts one of which each of their matches holds (" qua", " nay"): an opening paragraph holding
# none is not searched (most hold neither).
_YESTERDAY_NEEDS, _TODAY_NEEDS = required_one_of(YESTERDAY) or ("",), required_one_of(TODAY) or ("",)


def _days_before_stamp(paragraphs: list[str], folded_lines: str | None = None) -> int | None:
    """1 when the lede says the event was yesterday, 0 when today, else None (`folded_lines`:
    `fold("\n".join(paragraphs))`, when the caller has it: the opening is read from its slices)."""
    opening = _folded_opening(paragraphs, folded_lines)
    if any(YESTERDAY.search(p) for p in opening if any(map(p.__contains__, _YESTERDAY_NEEDS))):
        return 1
    return 0 if any(TODAY.search(p) for p in opening if any(map(p.__contains__, _TODAY_NEEDS))) else None


def _folded_opening(paragraphs: list[str], folded_lines: str | None) -> list[str]:
    """The first YESTERDAY_PARAGRAPHS paragraphs folded: slices of `folded_lines` when given
    (folding maps each character to one character, so a slice is the paragraph folded)."""
    if folded_lines is None:
        return [fold(p) for p in paragraphs[:YESTERDAY_PARAGRAPHS]]
    return _folded_slices(folded_lines, paragraphs[:YESTERDAY_PARAGRAPHS], "\n")


# ---------------------------------------------------------------------------------------------
# Year clues: which year a text speaks from


@dataclass(frozen=True)
class YearClue:
    """A way a text names a year, and what that year is to the text.

    meaning: "not" (never the statement year: a horizon, a term, a deadline), "now" (the year the
    text speaks in), "previous" / "next" (the year before / after it), "reviewed" / "planned"
    (the year a review looks back on / a plan looks ahead to: a year-end conference held in
    December speaks in the reviewed year, one held in January in the planned year), "after" (a
    day or month recalled: the text is no earlier). Every year inside the matched span takes the
    row's meaning.
    """

    name: str
    meaning: str
    pattern: re.Pattern[str]
    example: str


_Y = r"(?:19|20)\d{2}"

# Rows in precedence order: a year a row has read is not read again by a later one.
YEAR_CLUES: tuple[YearClue, ...] = (
    YearClue(
        "span of years",
        "not",
        re.compile(rf"(?<![\d/]){_Y}\s*[-–—]\s*(?:{_Y}|\d{{2}})(?![\d/])"),
        "Ủy viên không thường trực nhiệm kỳ 2020 - 2021; nhiệm kỳ 2020 – 2025",
    ),
    YearClue(
        "horizon",
        "not",
        re.compile(
            rf"\b(?:den|toi|tam nhin|sau|truoc|muc tieu(?: phat trien)?|chien luoc)(?: nam)? {_Y}(?:(?:,| va) (?:nam"
            rf" )?{_Y})*"
        ),
        "Chiến lược phát triển đến năm 2030, các mục tiêu phát triển 2030, 2045; Tầm nhìn APEC sau 2020",
    ),
    YearClue(
        "deadline",
        "not",
        re.compile(
            rf"\b(?:truoc|den|cuoi) (?:ngay \d{{1,2}}/)?(?:thang |quy [ivx\d]+/)?\d{{1,2}}/{_Y}|\bquy [ivx\d]+/{_Y}"
        ),
        "hoàn thành trước ngày 30/6/2026; trong quý I/2020",
    ),
    YearClue(
        "entering the year",
        "now",
        re.compile(rf"\b(?:buoc sang|buoc vao|dau xuan|don xuan|nam nay,?)(?: moi)?(?: nam)?(?: apec)? {_Y}"),
        "bước sang năm 2019, tình hình thế giới ...; phỏng vấn đầu Xuân 2025; nhân dịp đầu Xuân mới 2025",
    ),
    YearClue(
        "the new year, this year so far",
        "now",
        re.compile(rf"\bnam moi,? {_Y}|\btu dau nam {_Y} (?:den|toi) nay"),
        "Nhân dịp năm mới 2025, Bộ trưởng trả lời phỏng vấn; từ đầu năm 2024 đến nay, ...",
    ),
    YearClue(
        "data cut-off",
        "now",
        re.compile(rf"\btinh (?:den|toi|tu dau nam den) (?:ngay \d{{1,2}}/)?(?:thang )?\d{{1,2}}/{_Y}"),
        "tính đến tháng 9/2024, số xã đạt chuẩn ...",
    ),
    YearClue(
        "part of the year",
        "now",
        re.compile(rf"\b(?:\d{{1,2}}|sau|chin|ba) thang (?:dau |cuoi )?nam {_Y}|\bnua (?:dau|cuoi) nam {_Y}"),
        "6 tháng đầu năm 2024; mục tiêu tăng trưởng 6 tháng cuối năm 2025",
    ),
    YearClue(
        "same period last year", "previous", re.compile(rf"\bcung ky(?: nam)? {_Y}"), "bằng 143,2% cùng kỳ năm 2023"
    ),
    YearClue(
        "looking back on a past year",
        "previous",
        re.compile(
            rf"\bnhin lai(?: ca)?(?: nam)? {_Y}|\bnam {_Y} (?:vua qua|da qua|(?:da|vua) (?:khep lai|ket thuc|di qua))"
        ),
        "khi nhìn lại năm 2025, bà đánh giá thế nào ...; Năm 2025 đã khép lại với nhiều dấu ấn",
    ),
    YearClue(
        "the year ahead",
        "next",
        re.compile(rf"\b(?:nam toi|nam sau|sang nam)\b[^\d.;]{{0,20}}?(?:\(|nam )?{_Y}"),
        "những mục tiêu lớn của năm tới (2026)",
    ),
    YearClue(
        "reviewed year",
        "reviewed",
        re.compile(rf"\b(?:tong ket|so ket|danh gia|ket qua|thanh tuu)\b[^\d.;]{{0,45}}?(?:nam )?{_Y}"),
        "Hội nghị tổng kết công tác ngoại giao kinh tế năm 2024",
    ),
    YearClue(
        "planned year",
        "planned",
        re.compile(
            rf"\b(?:trien khai|ke hoach|phuong huong|nhiem vu|muc tieu|dinh huong|cho nam|xu"
            rf" huong|trong tam|uu tien)\b[^\d.;]{{0,45}}?(?:nam )?{_Y}"
        ),
        "triển khai nhiệm vụ năm 2025; những xu hướng, định hướng của năm 2020; những trọng tâm của năm 2024",
    ),
    YearClue(
        "recalled day",
        "after",
        re.compile(rf"(?<![\d/.])\d{{1,2}}([/.-])\d{{1,2}}\1{_Y}(?![\d/])"),
        "cuộc làm việc được tổ chức cách đây đúng 1 tháng, ngày 19/8/2022",
    ),
    YearClue(
        "recalled month",
        "after",
        re.compile(rf"(?<![\d/])(?:thang )?\d{{1,2}}/{_Y}(?![\d/])"),
        "Hội nghị Trung ương giữa nhiệm kỳ (5/2023); Tháng 10/2022, Tổng Bí thư thăm Trung Quốc",
    ),
)

# Each clue's texts one of which every match of it holds (a sentence with none is not tried).
_CLUE_NEEDS = tuple(required_one_of(clue.pattern) for clue in YEAR_CLUES)

# Any year at all, for a quick look before the clues are tried.
ANY_YEAR = re.compile(rf"(?<!\d){_Y}(?!\d)")

# A year the rows leave, alone: "năm 2023", "2024"; not part of a date "18/12/2023".
YEAR = re.compile(rf"(?<![\d/.,-])({_Y})(?![\d/-])")

# The Tết of a year named in the sixty-year cycle: "đầu Xuân Giáp Thìn" is early 2024, and so
# are "Tết Nguyên đán Giáp Thìn" and "năm mới Giáp Thìn".
LUNAR_YEAR = re.compile(
    r"\b(?:xuan|tet|nam)(?: nguyen dan| moi| am lich)? (giap|at|binh|dinh|mau|ky|canh|tan|nham|quy) (ty|suu|dan|mao"
    r"|meo|thin|ti|ngo|mui|than|dau|tuat|hoi)\b"
)
# The occasion of a new year, named without its year: "Nhân dịp đầu năm mới, Thứ trưởng trả lời
# phỏng vấn ...", "nhân dịp Xuân mới", "dịp Tết", "Đầu năm mới, Đại sứ ... chia sẻ ...". A text that
# reviews year R and plans R + 1 on such an occasion speaks at the start of R + 1, as a January
# conference does.
NEW_YEAR_OCCASION = re.compile(
    r"\bdip (?:dau )?(?:nam moi|xuan|tet)\b"  # "Nhân dịp đầu năm mới", "dịp Xuân", "dịp Tết"
    r"|\b(?:dau|don|chao) (?:nam moi|xuan moi)\b"  # "Đầu năm mới, ...", "đón Xuân mới"
)
NEW_YEAR_MONTH = 1
STEMS = "giap at binh dinh mau ky canh tan nham quy".split()
BRANCHES = "ty suu dan mao thin ty ngo mui than dau tuat hoi".split()  # Tý and Tỵ fold alike
# The cycle read: 1984 (Giáp Tý) to 2043 (Quý Hợi).
LUNAR_CYCLE_START = 1984

# Sentences that look back ("đã", "đạt", "vừa qua") or forward ("cần", "sẽ", "trọng tâm").
PAST_MARKERS = re.compile(r"\b(?:da|dat duoc|dat|vua qua|tang|giam)\b")
FUTURE_MARKERS = re.compile(r"\b(?:can|se|phai|trong tam|nhiem vu|ke hoach|phan dau|muc tieu|trien khai|du kien)\b")

# A year-end conference (from this month on) sets the coming year's course.
YEAR_END_MONTH = 9
# A plan alone said in this month is for the coming year: a December day that only plans year P
# (no review, no year it says it is in) is in P - 1.
PLAN_AHEAD_MONTH = 12


def lunar_year(stem: str, branch: str) -> int | None:
    """The Gregorian year whose Tết opens the lunar year `stem branch` ("giap", "thin": 2024)."""
    branch = {"ti": "ty", "meo": "mao"}.get(branch, branch)  # Tị is Tỵ, Mẹo is Mão
    for offset in range(60):
        year = LUNAR_CYCLE_START + offset
        if STEMS[year % 10 - 4] == stem and BRANCHES[(year - 4) % 12] == branch:
            return year
    return None


@dataclass
class YearEvidence:
    """The years a text names, by what they are to it (and whether it says it opens a year)."""

    by_meaning: dict[str, Counter[int]]
    plain: Counter[int]
    new_year: bool = False

    def years(self, meaning: str) -> Counter[int]:
        return self.by_meaning.setdefault(meaning, Counter())


def _read_sentence(folded: str, evidence: YearEvidence) -> None:
    for match in LUNAR_YEAR.finditer(folded):
        if year := lunar_year(*match.groups()):
            evidence.years("now")[year] += 1
    if ("dip " in folded or "nam moi" in folded or "xuan moi" in folded) and NEW_YEAR_OCCASION.search(folded):
        evidence.new_year = True
    if not ANY_YEAR.search(folded):
        return  # most sentences name no year: no clue to try
    looks_back, looks_ahead = bool(PAST_MARKERS.search(folded)), bool(FUTURE_MARKERS.search(folded))
    taken: list[tuple[int, int]] = []
    for clue, needs in zip(YEAR_CLUES, _CLUE_NEEDS):
        # a sentence holding none of the texts one of which each of the row's matches holds
        # (`required_one_of`) is not matched: tested first
        if needs and not any(map(folded.__contains__, needs)):
            continue
        # A date in a sentence that only looks ahead is to come ("sẽ diễn ra vào tháng 6/2026").
        meaning = "not" if clue.meaning == "after" and looks_ahead and not looks_back else clue.meaning
        for match in clue.pattern.finditer(folded):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append(match.span())
            for digits in ANY_YEAR.findall(match.group(0)):
                evidence.years(meaning)[int(digits)] += 1
    for match in YEAR.finditer(folded):
        if any(start <= match.start() < end for start, end in taken):
            continue
        year = int(match.group(1))
        evidence.plain[year] += 1
        if looks_back != looks_ahead:
            evidence.years("past" if looks_back else "future")[year] += 1


def year_evidence(paragraphs: list[str]) -> YearEvidence:
    """Every year the text names, read through `YEAR_CLUES` sentence by sentence."""
    evidence = YearEvidence({}, Counter())
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            _read_sentence(fold(sentence), evidence)
    return evidence


def _most(counts: Counter[int]) -> int | None:
    """The most named year, the latest on a tie."""
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def _review_and_plan(evidence: YearEvidence, month: int | None) -> int | None:
    """The year of a text that reviews year R and/or plans year P: a review and a plan of R + 1
    is a year-end conference, held in R from September on and in R + 1 before."""
    reviewed = evidence.years("reviewed") + evidence.years("past")
    planned = evidence.years("planned") + evidence.years("future")
    review = max(reviewed) if reviewed else None
    plans = sorted(year for year in planned if review is None or year > review)
    if review and plans and plans[0] == review + 1 and month is not None and month < YEAR_END_MONTH:
        return plans[0]
    if review is None and plans and month is not None and month >= PLAN_AHEAD_MONTH:
        return plans[0] - 1  # "Tối 20/12, ... triển khai nhiệm vụ năm 2025": December sets next year's course
    return review or (plans[0] if plans else None)


def infer_year(paragraphs: list[str], month: int | None = None) -> int | None:
    """The year an undated text speaks from, by precedence: the year it says it is in ("bước sang
    năm 2019", "đầu Xuân Giáp Thìn", a data cut-off), the year after the one it looks back on
    ("nhìn lại năm 2025", "cùng kỳ năm 2023"), the year before the one it calls the next ("năm
    tới (2026)"), its review and plan years, the year it names most; and never earlier than a
    month it recalls ("(5/2023)")."""
    return year_from(year_evidence(paragraphs), month)


def year_from(evidence: YearEvidence, month: int | None = None) -> int | None:
    """`infer_year` for years already read (a text of unknown month that names the new year's
    occasion is read as said in January)."""
    if month is None and evidence.new_year:
        month = NEW_YEAR_MONTH
    previous, ahead = evidence.years("previous"), evidence.years("next")
    year = (
        _most(evidence.years("now"))
        or (max(previous) + 1 if previous else None)
        or (min(ahead) - 1 if ahead else None)
        or _review_and_plan(evidence, month)
        or _most(evidence.plain)
    )
    recalled = evidence.years("after")
    if recalled and (year is None or max(recalled) > year):
        return max(recalled)
    return year


# ---------------------------------------------------------------------------------------------
# Dated facts: numbered events and office-holders


@dataclass(frozen=True)
class Span:
    """Days from `start` to `end` (None: still going), with the note saying how it is known."""

    label: str
    start: dt.date
    end: dt.date | None
    source: str

    def years_holding(self, day: int, month: int) -> set[int]:
        last = (self.end or dt.date.today()).year
        return {
            y
            for y in range(self.start.year, last + 1)
            if (d := _valid(y, month, day)) and self.start <= d <= (self.end or d)
        }


@dataclass(frozen=True)
class DatedFacts:
    events: tuple[tuple[re.Pattern[str], dict[int, Span]], ...]
    offices: tuple[tuple[re.Pattern[str], tuple[tuple[str, Span], ...]], ...]
    # recurring events with no number, each edition's days: they place only a day written near one
    recurring: tuple[tuple[re.Pattern[str], tuple[Span, ...]], ...] = ()


@functools.cache
def dated_facts() -> DatedFacts:
    """The table of numbered events and office-holders shipped in `data/dated_facts.toml`."""
    text = resources.files("ngkt_cli").joinpath("data/dated_facts.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    events = tuple(
        (
            re.compile(event["pattern"]),
            {
                row["number"]: Span(f"{event['name']} {row['number']}", row["from"], row["to"], row["source"])
                for row in event["held"]
            },
        )
        for event in table.get("event", [])
    )
    offices = tuple(
        (
            re.compile(office["pattern"]),
            tuple(
                (fold(row["name"]), Span(f"{office['name']}: {row['name']}", row["from"], row.get("to"), row["source"]))
                for row in office["holder"]
            ),
        )
        for office in table.get("office", [])
    )
    recurring = tuple(
        (
            re.compile(event["pattern"]),
            tuple(Span(event["name"], row["from"], row["to"], row["source"]) for row in event["held"]),
        )
        for event in table.get("recurring", [])
    )
    return DatedFacts(events, offices, recurring)


# How many days around a numbered event a day it places may fall (a delegation leaves the day
# before a summit; a report follows the closing).
EVENT_WINDOW_DAYS = 7

# How far before a holder's name the office's title may stand: "Thủ tướng Chính phủ Phạm Minh
# Chính", "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh".
OFFICE_BEFORE_NAME = 40


def events_named(folded: str) -> list[Span]:
    """The editions of numbered events the text names ("Hội nghị Ngoại giao lần thứ 32")."""
    found = []
    for pattern, held in dated_facts().events:
        for match in pattern.finditer(folded):
            if (span := held.get(int(match.group(1)))) and span not in found:
                found.append(span)
    return found


# How many days from an edition of a recurring event (no number to tell its editions apart) a day
# it places may fall: the evening's report is dated the next morning.
RECURRING_WINDOW_DAYS = 1


def recurring_named(folded: str) -> list[Span]:
    """The editions of the recurring, unnumbered events the text names (the Prime Minister's
    conference with the heads of Vietnam's missions on economic diplomacy): every edition, for a
    day written without its year to be matched against."""
    return [span for pattern, held in dated_facts().recurring if pattern.search(folded) for span in held]


def offices_named(folded: str) -> list[Span]:
    """The terms of the office-holders the text names with their title ("Chủ tịch nước Võ Văn
    Thưởng"); a former holder ("nguyên Thủ tướng") places nothing."""
    found = []
    for pattern, holders in dated_facts().offices:
        for name, span in holders:
            for at in (m.start() for m in re.finditer(re.escape(name), folded)):
                before = folded[max(0, at - OFFICE_BEFORE_NAME) : at]
                title = list(pattern.finditer(before))
                if title and not re.search(r"\b(?:nguyen|co)\s*$", before[: title[-1].start()]) and span not in found:
                    found.append(span)
    return found


# A term a text names ("các Đại sứ ... nhiệm kỳ 2013-2016", "Đại hội ... nhiệm kỳ 2020-2025"): where
# the office-holders it names leave a day's year open, the year the term opens settles it.
TERM_OPENS = re.compile(rf"\bnhiem ky ({_Y})\s*[-–]\s*(?:{_Y}|\d{{2}})\b")

# A holder called new ("tân Bộ trưởng Ngoại giao Bùi Thanh Sơn", "tân Chủ tịch nước Lương Cường")
# has just taken office: a day without its year is within this many days of the term's start.
NEW_HOLDER_DAYS = 60


def new_holders(folded: str) -> list[Span]:
    """The terms of the office-holders the text calls new ("tân") with their title."""
    found = []
    for pattern, holders in dated_facts().offices:
        for name, span in holders:
            for at in (m.start() for m in re.finditer(re.escape(name), folded)):
                before = folded[max(0, at - OFFICE_BEFORE_NAME) : at]
                title = list(pattern.finditer(before))
                if title and re.search(r"\btan\s*$", before[: title[-1].start()]) and span not in found:
                    found.append(span)
    return found


def _year_of_new_holder(day: int, month: int, folded: str) -> int | None:
    years = {
        y
        for span in new_holders(folded)
        for y in span.years_holding(day, month)
        if (d := _valid(y, month, day)) and (d - span.start).days <= NEW_HOLDER_DAYS
    }
    return years.pop() if len(years) == 1 else None


def place_day(day: int, month: int, folded: str, text_year: int | None) -> tuple[int | None, str | None]:
    """(year, date_source) for a day written without its year and without a page stamp.

    A numbered event the text names places it ("event"); else the year the text speaks from
    ("inferred": its own words outrank our table); else the one year in which the office-holders
    it names all held office on that day ("office"); else nothing.
    """
    near = []  # (days outside the edition, year) of each edition the day may belong to
    for span in events_named(folded):
        end = span.end or span.start
        for year in range(span.start.year, end.year + 1):
            if d := _valid(year, month, day):
                off = max((span.start - d).days, (d - end).days, 0)
                if off <= EVENT_WINDOW_DAYS:
                    near.append((off, year))
    if near:
        return min(near)[1], "event"
    if text_year:
        return text_year, "inferred"
    window = dt.timedelta(days=RECURRING_WINDOW_DAYS)
    for span in recurring_named(folded):
        if (d := _valid(span.start.year, month, day)) and span.start - window <= d <= (span.end or span.start) + window:
            return span.start.year, "event"
    if new_holder_year := _year_of_new_holder(day, month, folded):
        return new_holder_year, "office"
    holders = offices_named(folded)
    years = functools.reduce(set.intersection, (s.years_holding(day, month) for s in holders)) if holders else set()
    if len(years) > 1:  # "... các Đại sứ ... nhiệm kỳ 2013-2016": the term the text names opens that year
        years &= {int(match.group(1)) for match in TERM_OPENS.finditer(folded)} or years
    return (years.pop(), "office") if len(years) == 1 else (None, None)


# ---------------------------------------------------------------------------------------------
# The date of one article


@dataclass(frozen=True)
class DatedText:
    date: str | None
    date_source: str | None
    published: str | None
    statement_year: int | None


def _year_before_stamp(day: int, month: int, stamp: dt.date) -> int:
    """The stamp's year, or the one before when the event would otherwise follow the stamp."""
    candidate = _valid(stamp.year, month, day)
    return stamp.year - 1 if candidate and candidate > stamp else stamp.year


def _text_year(evidence: YearEvidence, title: str | None, month: int | None = None) -> int | None:
    """The year the body speaks from, else the title's: a short item whose body never names its
    year ("Ngày 22-2, ... 2 nhiệm vụ trọng tâm năm nay") often has it in its headline."""
    return year_from(evidence, month) or (infer_year([title], month) if title else None)


def _undated_year(evidence: YearEvidence, folded_body: str, title: str | None) -> int | None:
    """The statement year of a text with no day at all: the year it says it speaks in, else the
    year of a numbered event it names (an interview about the 31st Diplomatic Conference), else
    what its other years say."""
    if evidence.years("now"):
        return year_from(evidence)
    events = events_named(folded_body)
    return (events[-1].end or events[-1].start).year if events else _text_year(evidence, title)


def headline_years(title: str | None) -> set[int]:
    """The years a headline names as its own (not horizons, spans or deadlines)."""
    if not title:
        return set()
    evidence = year_evidence([title])
    return set(evidence.plain) | {
        y for meaning, years in evidence.by_meaning.items() if meaning != "not" for y in years
    }


# A stamp above the headline this many years away from every year the headline names is the
# site's (a crawl date, the site's clock), not the article's.
HEADER_STAMP_YEARS_OFF = 2


# When a page was last updated, not when it was posted: "Cập nhật: 20/03/2025 10:15", "Updated
# 20/03/2025", "Sửa lúc 20/03/2025". Months may separate the two, so an update is read only when
# the page gives no other stamp, and on a line with both, the part before it is the posting.
UPDATE_MARK = re.compile(r"\b(?:cap nhat|cap nhap|updated?|sua luc|chinh sua|sua doi)\b")


def _posted_date(stamp: str) -> dt.date | None:
    """The posting date of a stamp line: "Đăng: 15/01/2025 | Cập nhật: 20/03/2025" is 15/01."""
    folded = _fold_stamp(stamp)
    update = UPDATE_MARK.search(folded)
    if update and (before := parse_full_date(folded[: update.start()])):
        return before
    return parse_full_date(stamp)


def _update_only(stamp: str) -> bool:
    """A stamp that says when the page was updated and not when it was posted."""
    folded = _fold_stamp(stamp)
    update = UPDATE_MARK.search(folded)
    return update is not None and not parse_full_date(folded[: update.start()])


# When the page was saved, not when it was written: "Ngày truy cập: 12/03/2026", "Lưu trữ ngày
# ...", "Retrieved 12/03/2026". Such a line dates nothing.
CRAWL_MARK = re.compile(r"\b(?:truy cap|ngay tai|thu thap|luu tru|accessed|retrieved|archived)\b")


def _posted_first(stamps: Sequence[str]) -> list[str]:
    """Stamps that say when the page was posted, then those that only say when it was updated
    (never one of when the page was saved)."""
    return sorted((stamp for stamp in stamps if not CRAWL_MARK.search(_fold_stamp(stamp))), key=_update_only)


def _office_years(paragraphs: Sequence[str]) -> set[int]:
    """The years in which the office-holders the text names with their title held office ("Chủ
    tịch nước Trương Tấn Sang": 2011 to 2016): what a stamp above the headline is checked against
    when neither the headline nor the body names a year."""
    return {
        year
        for span in offices_named(fold("\n".join(paragraphs)))
        for year in range(span.start.year, (span.end or dt.date.today()).year + 1)
    }


def _text_years(paragraphs: Sequence[str]) -> set[int]:
    """The year the body speaks from and the years of the numbered events it names: what a stamp
    above the headline is checked against when the headline names no year."""
    year = infer_year(list(paragraphs))
    events = events_named(fold("\n".join(paragraphs)))
    return {y for y in (year, *((span.end or span.start).year for span in events)) if y}


def page_stamp(
    stamps: list[str],
    header_stamps: Sequence[str] = (),
    html_date: str | None = None,
    title: str | None = None,
    paragraphs: Sequence[str] = (),
) -> dt.date | None:
    """The article's own stamp: the first below its headline, else the last above it (a crawl
    stamp or the site's clock sits above the site's name, the article's just under the headline)
    unless the headline's own year says otherwise (or, naming none, the body's: a crawl stamp of
    2026 over a report of the 32nd Diplomatic Conference), else the page's published-date
    metadata. A stamp of when the page was posted is read before one of when it was updated."""
    for stamp in _posted_first(stamps):
        if found := _posted_date(stamp):
            return found
    years: set[int] | None = None  # the headline's (else the text's), read when a stamp above it is found
    for stamp in _posted_first(list(reversed(header_stamps))):
        found = _posted_date(stamp)
        if found and years is None:
            years = headline_years(title) or _text_years(paragraphs) or _office_years(paragraphs)
        if found and not (years and all(abs(found.year - y) >= HEADER_STAMP_YEARS_OFF for y in years)):
            return found
    if html_date:
        return _valid(*(int(x) for x in html_date[:10].split("-")))
    return None


def date_document(
    paragraphs: list[str],
    stamps: list[str],
    html_date: str | None = None,
    user_date: str | None = None,
    title: str | None = None,
    header_stamps: Sequence[str] = (),
    folded_lines: str | None = None,
) -> DatedText:
    """Settle date, date_source, published and statement_year for one article. `folded_lines`,
    when given, is `fold("\n".join(paragraphs))` already made (the cleaning folded each line)."""
    published = page_stamp(stamps, header_stamps, html_date, title, paragraphs)
    published_iso = published.isoformat() if published else None
    if user_date:
        return DatedText(user_date, "user", published_iso, int(user_date[:4]))
    dated_stamps = [stamp for stamp in _posted_first([*stamps, *header_stamps]) if parse_full_date(stamp)]
    updated_only = bool(dated_stamps) and all(map(_update_only, dated_stamps))
    # A day recalled long before the posting is not the event's; long before an update, it may be.
    said = _days_before_stamp(paragraphs, folded_lines) if published else None
    event = find_event_date(paragraphs, None if updated_only else published, title, weak=said is None)
    if event and event[2] is not None:
        date, source = _valid(event[2], event[1], event[0]), "body"
    elif event and published:
        date = _valid(_year_before_stamp(event[0], event[1], published), event[1], event[0])
        source = "stamp" if date == published else "inferred"
    elif published and said:
        date, source = published - dt.timedelta(days=said), "inferred"
    elif published:
        date, source = published, "stamp"
    else:
        date, source = None, None
    if date is not None:
        return DatedText(date.isoformat(), source, published_iso, date.year)
    evidence = year_evidence(paragraphs)
    folded_body = fold("\n".join(paragraphs)) if folded_lines is None else folded_lines
    if event:
        day, month, _ = event
        year, source = place_day(day, month, folded_body, _text_year(evidence, title, month))
        if year and (date := _valid(year, month, day)):
            return DatedText(date.isoformat(), source, published_iso, year)
    return DatedText(None, None, published_iso, _undated_year(evidence, folded_body, title))


# ---------------------------------------------------------------------------------------------
# Doubts: why a date may be wrong (for `ngkt docs --suspect`)

# Distinct years a text may name, the most named not outnumbering the next twice over, before
# its year is in doubt.
COMPETING_YEARS = 3


def date_doubts(doc) -> list[str]:
    """Why `doc`'s date or statement year may be wrong, in words an analyst reads; [] when sure.

    A headline year that is neither the statement year nor next to it, a date placed by the
    text's years or by office-holders rather than stated, a day written without its year, no
    date at all, many years competing in the text. A date set by hand is never in doubt.
    """
    if doc.date_source == "user":
        return []
    doubts = []
    year = doc.statement_year
    named = headline_years(doc.title)
    if named and year and all(abs(y - year) > 1 for y in named):
        doubts.append(f"the headline names {', '.join(map(str, sorted(named)))}, the statement year is {year}")
    if doc.date is None:
        doubts.append("undated" if year else "undated, no statement year")
    elif doc.date_source in ("inferred", "event", "office") and not doc.published:
        doubts.append(
            f"a day without its year, the year placed by"
            f" {'the text' if doc.date_source == 'inferred' else 'an ' + doc.date_source}"
        )
    evidence = year_evidence(doc.paragraphs)
    counts = evidence.plain + evidence.years("reviewed") + evidence.years("planned")
    top = counts.most_common(2)
    if len(counts) >= COMPETING_YEARS and top[0][1] < 2 * top[1][1]:
        doubts.append(
            f"{len(counts)} years compete in the text ({', '.join(str(y) for y, _ in counts.most_common(4))})"
        )
    return doubts
