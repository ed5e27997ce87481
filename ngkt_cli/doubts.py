"""Which stored dates to doubt (`ngkt docs --suspect`): a pure function of a document's row.

Everything ngkt prints is organised by year, so an article dated to the wrong year moves its
priorities into the wrong diff. The signs of a doubtful date, each one row of DOUBTS: the
article is undated; its date comes from a weak source; its lede gives a day without a year; its
headline names a year other than its statement year; its text names many competing years.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Date sources that place a day the text gives without its year (metadata.date_document: the
# year of the page stamp or of the text; the recurring events and office-holders of the dates
# table), with what they mean for the reader.
WEAK_DATE_SOURCES = {
    "inferred": "the year is inferred, not written with the day",
    "event": "the year comes from a recurring event the text names",
    "office": "the year comes from who held an office",
}

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
    years = [int(m.group(1)) for m in YEAR.finditer(text) if not HORIZON_BEFORE.search(text[max(0, m.start() - 20) : m.start()])]
    return list(dict.fromkeys(years))


def _undated(row: dict) -> str | None:
    return "undated" if not row.get("date") else None


def _weak_source(row: dict) -> str | None:
    meaning = WEAK_DATE_SOURCES.get(row.get("date_source") or "")
    return f"date from a weak source ({row['date_source']}: {meaning})" if meaning else None


def _day_without_year(row: dict) -> str | None:
    if row.get("date_source") == "user":
        return None
    found = DAY_WITHOUT_YEAR.search((row.get("body") or "")[:LEDE_CHARS])
    return f"day without year ('{found.group(0)}')" if found else None


def _headline_year(row: dict) -> str | None:
    years = named_years(row.get("title") or "")
    year = row.get("statement_year")
    if not years or year in years:
        return None
    return f"headline names {', '.join(map(str, years))}, statement year {year or 'unknown'}"


def _competing_years(row: dict) -> str | None:
    years = named_years(row.get("body") or "")
    if len(years) < COMPETING_YEARS:
        return None
    return f"{len(years)} years named ({', '.join(map(str, sorted(years)))})"


# Each sign of a doubtful date: a function of the row returning what to tell the reader, or None.
DOUBTS: tuple[Callable[[dict], str | None], ...] = (_undated, _weak_source, _day_without_year, _headline_year, _competing_years)


def doubts(row: dict) -> list[str]:
    """Why this document's date is doubtful (empty: no sign of doubt). `row` has the documents
    table's title, body, date, date_source and statement_year."""
    return [found for check in DOUBTS if (found := check(row))]
