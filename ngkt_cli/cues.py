"""What a list's lead-in announces: the noun it counts and the kind that noun signals ("6 trọng
tâm" -> 6 priorities), and the year the statements are for. Read by the list extractor and by
the directive finder alike (a directive announcing a count leads into a list).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]  # (the `re` module's own parser)

from . import pattern_facts
from .dates import events_named
from .models import Document
from .text import fold

# Nouns a list announces ("6 trọng tâm", "4 bài học", "3 nội dung chính"), folded, with the kind
# each one signals.
LIST_NOUNS: dict[str, str | None] = {
    "trong tam": "priority",
    "nhiem vu": "priority",
    "uu tien": "priority",
    "dinh huong": "priority",
    "giai phap": "priority",
    "phuong huong": "priority",
    "muc tieu": "priority",
    "dot pha": "priority",
    "bien phap": "priority",
    "yeu cau": "priority",
    "de xuat": "priority",
    "kien nghi": "priority",
    "phuong cham": "priority",
    "tru cot": "priority",
    "ket qua": "achievement",
    "thanh tuu": "achievement",
    "thanh tich": "achievement",
    "diem sang": "achievement",
    # A year's "5 dấu ấn", "3 điểm nhấn" look back, unless the lead-in asks for them ("cần tạo").
    "dau an": "achievement",
    "diem nhan": "achievement",
    # and a year's "3 nét mới", "những nét nổi bật" ("nét" alone gives only a count)
    "net moi": "achievement",
    "net noi bat": "achievement",
    # and what a year contributed: "năm 2025 ngoại giao kinh tế đã có những đóng góp quan trọng: ..."
    "dong gop": "achievement",
    "bai hoc": "lesson",
    "noi dung": "agenda",
    "phien": "agenda",  # "Hội nghị gồm 3 phiên: ..."
    "chu de": "agenda",
    "van de": "agenda",
    # what a community or a plan is to be: "Cộng đồng Kinh tế ASEAN ... với 5 đặc trưng: ..."
    "dac trung": "other",
    # what made or makes things so: "Những yếu tố làm nên thành công: ...", "3 yếu tố tác động"
    "yeu to": "other",
    # what a new resolution or decree changes: "Nghị quyết mới có 4 điểm mới: ..." (a text's content, no task)
    "diem moi": "other",
    # the questions a leader puts to a meeting to answer: "Thủ tướng nêu ra 4 câu hỏi lớn" ¶ "Thứ
    # nhất, làm thế nào để ...?" (what the meeting is to discuss, never a priority however it asks)
    "cau hoi": "agenda",
    # Lists that are none of the four: shortcomings, causes, challenges ("3 hạn chế", "hai
    # nguyên nhân"). Calling them priorities would put them in every diff.
    "han che": "other",
    "ton tai": "other",
    "yeu kem": "other",
    "nguyen nhan": "other",
    "ly do": "other",
    "kho khan": "other",
    "thach thuc": "other",
    "rui ro": "other",
    "diem nghen": "other",
    "nut that": "other",
    "vuong mac": "other",
    "co hoi": "other",
    "thuan loi": "other",
    # What a meeting was like, not what it set: hai “tinh thần” xuyên suốt Hội nghị.
    "tinh than": "other",
    # More of each kind, as real pages name them: "những thành công lớn nhất", "3 chuyển biến",
    # "những kinh nghiệm", "4 khuyến nghị", "những rào cản", "5 nguyên tắc", "3 xu hướng", "10 sự kiện".
    "thanh cong": "achievement",
    "thanh qua": "achievement",
    "buoc tien": "achievement",
    "buoc chuyen": "achievement",  # "những bước chuyển mạnh mẽ"
    "dau moc": "achievement",  # "những dấu mốc"
    "chuyen bien": "achievement",
    "kinh nghiem": "lesson",
    "khuyen nghi": "priority",
    "rao can": "other",
    "bat cap": "other",
    "nguyen tac": "other",
    "quan diem": "other",
    "muc dich": "other",
    "xu huong": "other",
    "xu the": "other",
    "su kien": "other",
    # ... and what a situation holds, as real pages count it: "3 thời cơ", "những lợi thế", "5 thế mạnh",
    # "những trở ngại", "2 tác động", "ba ý nghĩa" (of a visit), "5 giá trị cốt lõi", "3 điều kiện"
    "thoi co": "other",
    "loi the": "other",
    "the manh": "other",
    "diem manh": "other",
    "diem yeu": "other",
    "tro ngai": "other",
    "tac dong": "other",
    "y nghia": "other",
    "gia tri": "other",
    "dieu kien": "other",
    "nhan to": "other",
    "dac diem": "other",
    "khau hieu": "other",
    # and what a meeting heard: "5 tham luận", "3 chuyên đề"
    "tham luan": "agenda",
    "chuyen de": "agenda",
    # and what a year won: "những thắng lợi"
    "thang loi": "achievement",
    # Nouns that announce a count but not a kind ("ba việc", "5 điểm"): the kind comes from the
    # rest of the lead-in or from the items.
    "viec": None,
    "cong viec": None,  # "ba nhóm công việc"
    "chinh sach": None,  # "5 nhóm chính sách cần ưu tiên"
    "diem": None,
    "linh vuc": None,
    # "chứng kiến lễ ký 5 văn kiện, gồm: ...", "nhắn nhủ 3 điều: ..."
    "van kien": None,
    "thoa thuan": None,
    "dieu": None,
    "net": None,  # "nhấn mạnh 3 nét: ..."
    # More, as real pages count them: "tập trung vào hai hướng: ...", "3 mũi nhọn", "5 trọng điểm",
    # "6 tiên phong", "5 hành động", "nêu 3 đề nghị", "gửi gắm 3 thông điệp", "4 sáng kiến".
    "huong": None,
    "huong di": None,
    "mui nhon": "priority",
    "trong diem": "priority",
    "tien phong": "priority",
    "hanh dong": "priority",
    "de nghi": "priority",
    "thong diep": None,
    "sang kien": None,
}
# The nouns as one regex alternation, longest first.
LIST_NOUN_ALTERNATION = "|".join(sorted(LIST_NOUNS, key=len, reverse=True))
# Those that say the kind of the list ("trọng tâm", "bài học"; not "việc"), the same way.
KIND_NOUN_ALTERNATION = "|".join(sorted((n for n, k in LIST_NOUNS.items() if k), key=len, reverse=True))

# Counts written as words, folded ("ba trọng tâm" -> "ba trong tam").
# (folded; "mười hai" first, as each alternation of them must try it before "mười": "mười hai giải pháp" is 12)
_UNITS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
NUMBER_WORDS = {
    **{f"muoi {word}": 10 + value for word, value in {**_UNITS, "mot": 1, "tu": 4, "lam": 5}.items() if word != "nam"},
    **_UNITS,
    "muoi": 10,
}

# "6 trọng tâm", "ba trọng tâm", "3 nhóm nhiệm vụ", "3 mũi đột phá", "3 hướng ưu tiên", "các trọng
# tâm", "những nhiệm vụ", a noun in quotes (hai “tinh thần”); the "Nam" of "Việt Nam", "miền Nam"
# counts nothing.
# (The count opens with a word character, so "(?<!\w)" is the "\b" before it; first, as it fails
# soonest: the same matches, a third faster.)
# The words that may stand between a count and its list noun: "ba nhóm giải pháp", "3 lĩnh vực ưu
# tiên", "hai mũi nhọn" (folded).
COUNTED_GROUP = r"(?:nhom\s+|loai\s+|linh vuc\s+|khau\s+|mui\s+|huong\s+|mang\s+)?"
ANNOUNCED = re.compile(
    r"(?<!\w)(?<!viet )(?<!mien )(?<!phia )(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r"|cac|nhung|mot so|khong it|nhieu)\s+[\"“]?"
    + COUNTED_GROUP
    + r"("
    + LIST_NOUN_ALTERNATION
    + r")\b"
)

# A counted slogan in quotes announces a count but no noun: Thủ tướng đề nghị thực hiện "3 đẩy mạnh".
# ... also with the count before the quotes: Thủ tướng nêu rõ bốn “đẩy mạnh”.
QUOTED_COUNT = re.compile(
    r'["“]\s*(\d{1,2}|' + "|".join(NUMBER_WORDS) + r')\s+[^"“”\d]{2,30}["”]'
    r"|(?<!\w)(?<!viet )(?<!mien )(?<!phia )(\d{1,2}|" + "|".join(NUMBER_WORDS) + r')\s+["“][^"“”\d]{2,30}["”]'
)

# ---------------------------------------------------------------------------------------------
# Patterns the regex engine can skip ahead in (machinery; the list extractor reads it too)

# A quantifier after an item of pattern source: "*", "+", "?", "{m,n}", each maybe lazy or possessive.
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")


def _class_end(source: str, at: int) -> int:
    """Where the class opening at `at` ("[...]") ends, after its "]" (a "]" first is one of its characters)."""
    at += 1
    at += source[at] == "^"
    at += source[at] == "]"
    while source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at + 1


def _source_items(source: str) -> list[str]:
    """Pattern source cut into its top-level items, each with its quantifier: an escape ("\\d"), a
    class ("[^\\W\\d]"), a group with all it holds ("(?<!den )", "((?:19|20)\\d{2})"), or one
    character ("|" too)."""
    items, at = [], 0
    while at < len(source):
        start = at
        if source[at] == "\\":
            at += 2
        elif source[at] == "[":
            at = _class_end(source, at)
        elif source[at] == "(":
            depth, at = 1, at + 1
            while depth:
                if source[at] == "\\":
                    at += 2
                elif source[at] == "[":
                    at = _class_end(source, at)
                else:
                    depth += {"(": 1, ")": -1}.get(source[at], 0)
                    at += 1
        else:
            at += 1
        if quantifier := _QUANTIFIER.match(source, at):
            at = quantifier.end()
        items.append(source[start:at])
    return items


@pattern_facts.kept
def lookbehinds_after(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with the same matches, its opening look-behinds asked after the item that follows
    them when that item takes a fixed number of characters: "(?<!den )((?:19|20)\\d{2})" as
    "((?:19|20)\\d{2})(?<!(?:den )(?s:.){4})", each look-behind widened by what the item took. The
    engine then skips ahead to what the item opens with, where it tried the look-behinds at
    every position. The pattern itself when it opens otherwise."""
    if pattern.flags & re.X:
        return pattern  # (white space and comments would be items)
    items = _source_items(pattern.pattern)
    behind = list(itertools.takewhile(lambda item: item.startswith(("(?<=", "(?<!")) and item.endswith(")"), items))
    if (
        not behind
        or len(behind) == len(items)
        or any("(" in item[4:].replace("\\(", "").replace("(?", "") for item in behind)
    ):
        return pattern  # (a group a look-behind held would be numbered after the item's)
    first = items[len(behind)]
    if (
        first in "|^$"
        or first.startswith(("\\b", "\\B", "\\A", "\\Z"))
        or first.startswith("(?")
        and not first.startswith(("(?:", "(?P<"))
    ):
        return pattern  # not an item that takes characters
    try:
        low, high = _parser.parse(first, pattern.flags).getwidth()
    except re.error:  # an item that means something only in its place (a back-reference)
        return pattern
    if low != high or low == 0:
        return pattern
    widened = "".join(item[:4] + "(?:" + item[4:-1] + ")(?s:.){" + str(low) + "})" for item in behind)
    return re.compile(first + widened + "".join(items[len(behind) + 1 :]), pattern.flags)


# A year in a lead-in, not a horizon ("đến năm 2030") nor a range ("2021-2025").
CUE_YEAR = re.compile(
    r"(?<!den )(?<!toi )(?<!den nam )(?<!toi nam )(?<![\d/-])(?<!- )(?<!– )((?:19|20)\d{2})(?![\d/-])"
    r"(?!\s[-–]\s(?:19|20)\d{2})"  # nor a period written with spaces: "giai đoạn 2021 – 2025"
)
# The same, the year first (`lookbehinds_after`): what `target_year` scans.
CUE_YEAR_SCAN = lookbehinds_after(CUE_YEAR)

# A year the lead-in compares with or builds on is not the one its list is for: "So với năm 2022,
# năm 2023 ngành đạt 3 kết quả", and for plans "Tiếp nối kết quả năm 2023, năm 2024 ngành tập trung
# 3 nhiệm vụ" (folded; the words just before the year).
COMPARED_YEAR = re.compile(r"\b(?:so voi|ke tu|hon|nhu|cung ky)\s+(?:nam\s+)?$")
BUILT_ON_YEAR = re.compile(
    r"\b(?:ket qua|thanh cong|thanh tuu|dat duoc|tiep noi|ke thua)(?:\s+[^\s,.;:]+){0,3}?\s+(?:nam\s+)?$"
)
YEAR_CONTEXT = 40


def _compared_with(before: str, kind: str) -> bool:
    """Whether the words `before` a year compare with it or, for a plan, build on it."""
    return bool(COMPARED_YEAR.search(before)) or (kind in ("priority", "agenda") and bool(BUILT_ON_YEAR.search(before)))


# A period in a lead-in ("nhiệm kỳ 2026 – 2030", "giai đoạn 2026-2030"): no target while it runs,
# but a plan stated before it begins is for its first year.
CUE_PERIOD = re.compile(r"(?<![\d/-])((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}(?![\d/-])")

# A year named relative to the statement in a lead-in with no year of its own (folded), and how
# to reach it from the statement's year and month: "năm ngoái" is the year before; "năm qua" is
# the year just ending when stated from November on, else the year before ("Trong năm qua, ..." in
# March 2025 is 2024); "năm tới", "sang năm" the year after (as for directives); "năm nay" the
# statement's own year, even in December.
RELATIVE_YEARS: tuple[tuple[re.Pattern[str], Callable[[int, int], int]], ...] = (
    # what is left of the year, even said in December: "từ nay đến hết tháng 12", "những tháng cuối năm"
    (
        re.compile(
            r"\btu nay den (?:het |cuoi )?(?:nam|thang 12)\b|\b(?:\d{1,2}|nhung|cac) thang cuoi nam\b|\bcuoi nam nay\b"
        ),
        lambda year, month: year,
    ),
    (re.compile(r"\bnam (?:ngoai|truoc)\b"), lambda year, month: year - 1),
    # (not "những năm qua", "5 năm qua": a span of years)
    (
        re.compile(r"(?<!nhung )(?<!cac )(?<!nhieu )(?<!\d )\bnam (?:vua )?qua\b"),
        lambda year, month: year if month >= 11 else year - 1,
    ),
    (re.compile(r"\b(?:nam toi|nam sau|sang nam(?! moi))\b"), lambda year, month: year + 1),
    # "Bước sang năm mới, ..." is the year about to begin in the last quarter, else the one begun
    (re.compile(r"\bnam moi\b"), lambda year, month: year + 1 if month >= 10 else year),
    (re.compile(r"\bnam nay\b"), lambda year, month: year),
)

# The month an undated statement is read as made in, for the years it names relative to its own.
UNDATED_MONTH = 1

# Priorities stated from this month on (year-end conferences) are for the next year.
NEXT_YEAR_FROM_MONTH = 12

# Reviews stated up to this month (New Year conferences) look at the year before.
REVIEW_PREVIOUS_YEAR_UNTIL_MONTH = 2

# Lists of kind "other" that look back as a review does (shortcomings and their causes: "vẫn còn
# một số hạn chế", "nguyên nhân của những hạn chế"); the rest of that kind (the spirit a
# conference sets, opportunities, another side's proposals) looks ahead as priorities do.
LOOKS_BACK = re.compile(
    r"\b(?:han che|ton tai|yeu kem|bat cap|nguyen nhan|khuyet diem|yeu to|van con|khac phuc|chua tuong xung"
    r"|thang than (?:chi ra|nhin nhan|thua nhan)|bat nguon tu|co duoc (?:la )?(?:nho|do)|la nho)\b"
)


def _quantity(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


# Every ANNOUNCED match holds one of the list nouns it is built from: a text holding none is not
# searched. The nouns are grouped by their first letter ("b(?:ai hoc|at cap|...)|c(?:...)|..."),
# which the engine skips ahead to, where it would try each noun of a flat alternation in turn.
ANNOUNCED_NOUNS = re.compile(
    "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(noun[1:]) for noun in nouns) + ")"
        for first, nouns in itertools.groupby(sorted(LIST_NOUNS), key=lambda noun: noun[0])
    )
)


@lru_cache(maxsize=128)  # a lead-in is read for its count by several rules
def announced(cue: str) -> tuple[int | None, str | None]:
    """(count, noun) of the list a lead-in announces: "6 trọng tâm" -> (6, "trong tam").

    A counted noun wins over one with "các"/"những": in "thực hiện các mục tiêu ..., xác định
    triển khai 4 trọng tâm" the list is the 4 priorities. Among several, the one nearest the list
    (the last) wins: "Trước những thách thức đó, Bộ đặt ra các nhiệm vụ:" announces tasks.
    A counted slogan in quotes ("3 đẩy mạnh") gives a count and leaves the noun to the rest.
    """
    folded = fold(cue)
    matches = (
        [(_quantity(m.group(1)), m.group(2)) for m in ANNOUNCED.finditer(folded)]
        if ANNOUNCED_NOUNS.search(folded)
        else []
    )
    counted = [match for match in matches if match[0] is not None]
    slogans = [(_quantity(m.group(1) or m.group(2)), None) for m in QUOTED_COUNT.finditer(folded)]
    return (counted or slogans or matches or [(None, None)])[-1]


@lru_cache(maxsize=4)
def _month_of_event(body: str, year: int | None) -> int | None:
    """For a text with no day, the month of the numbered event of its statement year it names (an
    interview about the 31st Diplomatic Conference, held 15-18/12/2021, speaks in December 2021:
    the "tinh thần" it draws for the year ahead are for 2022)."""
    ends = [span.end or span.start for span in events_named(fold(body))]
    months = [end.month for end in ends if end.year == year]
    return months[-1] if months else None


def target_year(kind: str, cue: str, doc: Document) -> int | None:
    """Explicit year in the lead-in, else the first year of a period it names that has not begun
    ("nhiệm kỳ 2026 – 2030" stated in 2025), else the statement year (shifted at the turn of the
    year)."""
    folded = fold(cue)
    years = [
        int(m.group(1))
        for m in CUE_YEAR_SCAN.finditer(folded)
        if not _compared_with(folded[max(0, m.start() - YEAR_CONTEXT) : m.start()], kind)
    ]
    if years:
        return years[0]
    year = doc.statement_year
    month = int(doc.date[5:7]) if doc.date else _month_of_event(doc.body, year)
    if year is not None and month is None:
        # no day on the page: a year named relative to the statement is read as from its first
        # months, as the interviews such pages hold speak ("Nhân dịp xuân Mậu Tuất 2018, ... Năm
        # qua, ngoại giao kinh tế có ba điểm nhấn" looks back on 2017)
        return next((reach(year, UNDATED_MONTH) for relative, reach in RELATIVE_YEARS if relative.search(folded)), year)
    if year is None or month is None:
        return year
    if "-" in cue or "–" in cue:  # a period is written with a dash
        upcoming = [int(m.group(1)) for m in CUE_PERIOD.finditer(cue) if int(m.group(1)) > year]
        if upcoming:
            return upcoming[0]
    for relative, reach in RELATIVE_YEARS:
        if relative.search(folded):
            return reach(year, month)
    looks_back = kind in ("achievement", "lesson") or (kind == "other" and LOOKS_BACK.search(folded) is not None)
    if not looks_back and kind in ("priority", "agenda", "other") and month >= NEXT_YEAR_FROM_MONTH:
        return year + 1
    if looks_back and month <= REVIEW_PREVIOUS_YEAR_UNTIL_MONTH:
        return year - 1
    return year
