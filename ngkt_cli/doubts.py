"""Which stored dates to doubt (`ngkt docs --suspect`): a pure function of a document's row.

Everything ngkt prints is organised by year, so an article dated to the wrong year moves its
priorities into the wrong diff. The signs of a doubtful date, each one row of DOUBTS: the
article is undated; its date comes from a weak source; its lede gives a day without a year; its
headline names a year other than its statement year; its text never names the date's year; it
names many competing years.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Date sources that place a day the text gives without its year by something other than the
# page's own stamp, with where the year came from. "inferred" is weak only when the page has
# no stamp (`published`): its year then comes from the years the text names.
WEAK_DATE_SOURCES = {
    "inferred": "its year guessed from the years the text names (no page stamp)",
    "event": "its year placed by a recurring event the text names",
    "office": "its year placed by who held an office",
}

# A headline naming the next year on a date from this month on is a year-end plan ("Ngoại
# giao kinh tế năm 2024" said in December 2023); naming the previous year up to this month, a
# review held in January ("tổng kết năm 2023" said in January 2024). Neither is a doubt.
PLAN_FROM_MONTH = 9
REVIEW_UNTIL_MONTH = 3

# A year as texts write it: "2024", "năm 2019".
YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")

# The words before a year that make it a horizon, not the year the text speaks in:
# "đến năm 2030", "tầm nhìn 2045", "tới năm 2050", "trước năm 2035".
HORIZON_BEFORE = re.compile(r"(?:đến|tới|trước|tầm nhìn|tầm nhìn đến)\s+(?:năm\s+)?$", re.I)

# A period: "2021-2025", "2021 – 2025", "nhiệm kỳ 2020-2025": neither end is the text's year.
PERIOD = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d(?!\d)")

# A day with its month and no year, as ledes open: "Sáng 23-12", "Tối 22/7", "Ngày 10.8,".
DAY_WITHOUT_YEAR = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:nay\s+)?\(?\d{1,2}[/.-]\d{1,2}\b(?![/.-]\d)", re.I
)

# Where a lede ends, for the day without a year (characters from the start of the body).
LEDE_CHARS = 600

# Distinct years named (horizons and periods aside) from which a text's year is doubtful.
COMPETING_YEARS = 4


def named_years(text: str) -> list[int]:
    """The distinct years a text names, in order, leaving out horizons and periods."""
    text = PERIOD.sub(" ", text)
    years = [
        int(m.group(1))
        for m in YEAR.finditer(text)
        if not HORIZON_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    ]
    return list(dict.fromkeys(years))


def _undated(row: dict) -> str | None:
    return "undated" if not row.get("date") and _day_without_year(row) is None else None


def _day(row: dict) -> str:
    found = DAY_WITHOUT_YEAR.search((row.get("body") or "")[:LEDE_CHARS])
    return f" ('{found.group(0)}')" if found else ""


def _weak_source(row: dict) -> str | None:
    source = row.get("date_source") or ""
    if source not in WEAK_DATE_SOURCES or (source == "inferred" and row.get("published")):
        return None
    return f"day without year{_day(row)}, {WEAK_DATE_SOURCES[source]}"


def _day_without_year(row: dict) -> str | None:
    """An undated article whose lede gives a day: the dates table or the analyst may place it."""
    day = _day(row)
    return f"a day without year{day} that nothing places" if not row.get("date") and day else None


def _expected_years(row: dict) -> set[int]:
    year, date = row.get("statement_year"), row.get("date") or ""
    if year is None:
        return set()
    month = int(date[5:7]) if len(date) >= 7 else None
    expected = {year}
    if month and month >= PLAN_FROM_MONTH:
        expected.add(year + 1)
    if month and month <= REVIEW_UNTIL_MONTH:
        expected.add(year - 1)
    return expected


def _headline_year(row: dict) -> str | None:
    years = named_years(row.get("title") or "")
    if not years or set(years) & _expected_years(row):
        return None
    return f"headline names {', '.join(map(str, years))}, statement year {row.get('statement_year') or 'unknown'}"


def _date_year_unnamed(row: dict) -> str | None:
    """A dated text that never names its year (nor, at the turn of a year, the next or the
    previous one): the date may be a crawl stamp's ("Thứ bảy, 28/02/2026" over a 2022 article)."""
    years = named_years(row.get("body") or "")
    if not row.get("date") or not years or set(years) & _expected_years(row):
        return None
    return f"dated {row['date'][:4]} but the text names {', '.join(map(str, years))}"


def _competing_years(row: dict) -> str | None:
    """Many years named, horizons and targets beyond the statement year aside."""
    year = row.get("statement_year")
    years = [y for y in named_years(row.get("body") or "") if year is None or y <= year + 1]
    if len(years) < COMPETING_YEARS:
        return None
    return f"{len(years)} years named ({', '.join(map(str, sorted(years)))})"


# Each sign of a doubtful date: a function of the row returning what to tell the reader, or None.
DOUBTS: tuple[Callable[[dict], str | None], ...] = (
    _undated,
    _weak_source,
    _day_without_year,
    _headline_year,
    _date_year_unnamed,
    _competing_years,
)


def doubts(row: dict) -> list[str]:
    """Why this document's date is doubtful (empty: no sign of doubt). `row` has the documents
    table's title, body, date, date_source, published and statement_year."""
    return [found for check in DOUBTS if (found := check(row))]
