"""Stage 5's charts as geometry: the report's figures -> shapes inside an SVG viewBox.

Pure functions; the templates only draw the shapes these return. Each chart is laid out for the
report's text column (PAGE_WIDTH): year columns narrow as years are added, year labels stand
upright when they no longer fit side by side, and a label too long for its room is cut with "…"
(the whole label is in its tooltip). The SVG carries a viewBox and width 100%, so a browser scales
it to the page; below SMALLEST_SCALE (a phone) the chart scrolls sideways instead of shrinking
its text out of sight.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

PAGE_WIDTH = 960  # px: the text column of a report page (max-width 60rem), where a chart is drawn 1:1
SMALLEST_SCALE = 0.8  # 12 px text drawn no smaller than ~10 px; narrower screens scroll the chart
FONT_SIZE = 12
YEAR_PAD = 4  # px of air a year label keeps within its column

# Advance widths in em, rounded up from DejaVu Sans (the sans-serif of most Linux systems and
# wider than Arial, Helvetica or Segoe UI), so that an estimate errs towards room to spare.
# Letters with diacritics ("ệ", "Ứ") are measured by their base letter.
NARROW_EM = {c: 0.30 for c in "iljI.,:;'!|"} | {c: 0.43 for c in "ftr ()[]-/"}
WIDE_EM = {c: 1.0 for c in "mwMW%…@"} | {c: 0.84 for c in "+=<>→↑↓*"}
LOWER_EM = 0.64  # "a", "ư", "7"
UPPER_EM = 0.80  # "Đ", "T"
MONO_EM = 0.61  # DejaVu Sans Mono, every character
BOLD_FACTOR = 1.1


def text_width(text: str, size: float = FONT_SIZE, *, bold: bool = False, mono: bool = False) -> float:
    """How wide `text` draws in px, estimated generously (no font is read)."""
    if mono:
        return len(text) * MONO_EM * size
    total = 0.0
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        total += NARROW_EM.get(base) or WIDE_EM.get(base) or (UPPER_EM if base.isupper() else LOWER_EM)
    return total * size * (BOLD_FACTOR if bold else 1.0)


def fit(text: str, room: float, size: float = FONT_SIZE) -> str:
    """`text` as it fits in `room` px: whole, or cut at a word with "…" (at a letter if it must)."""
    if text_width(text, size) <= room:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        cut = " ".join(words).rstrip(",;:") + "…"
        if text_width(cut, size) <= room:
            return cut
    letters = text
    while letters and text_width(letters + "…", size) > room:
        letters = letters[:-1]
    return letters + "…" if letters else ""


@dataclass(frozen=True)
class Shape:
    """One SVG element: its tag, attributes, visible text and tooltip."""

    tag: str
    attrs: dict = field(default_factory=dict)
    text: str = ""
    title: str = ""


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    label: str  # what a screen reader says
    shapes: list[Shape]

    @property
    def view_box(self) -> str:
        return f"0 0 {math.ceil(self.width)} {math.ceil(self.height)}"

    @property
    def max_width(self) -> int:
        """Never drawn wider than 1:1 (a two-year chart does not blow up to the page's width)."""
        return math.ceil(self.width)

    @property
    def smallest_width(self) -> int:
        return round(self.width * SMALLEST_SCALE)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(
    x: float, y: float, content: str, *, title: str = "", anchor: str = "start", upright: bool = False, **svg: str
) -> Shape:
    """An SVG text; keyword attributes are written with hyphens (font_size= gives font-size)."""
    attrs = {"x": _num(x), "y": _num(y), **({"text-anchor": anchor} if anchor != "start" else {})}
    attrs.update({name.replace("_", "-"): value for name, value in svg.items()})
    if upright:
        attrs["transform"] = f"rotate(-90 {_num(x)} {_num(y)})"
    return Shape("text", attrs, content, title)


def _label(x: float, y: float, label: str, room: float, **options) -> Shape:
    """A label cut to `room` px; the tooltip keeps the whole label when it was cut."""
    shown = fit(label, room)
    return _text(x, y, shown, title=label if shown != label else "", **options)


def counted(count: int, statements: int, share: float) -> str:
    """ "2 of 4 statements, 50%": a share says little without what it is a share of."""
    return f"{count} of {statements} statement{'' if statements == 1 else 's'}, {share:.0%}"


def _column_width(count: int, room: float, smallest: float, largest: float) -> float:
    return max(smallest, min(largest, room / max(count, 1)))


def _years_across(years: list[int], left: float, column: float) -> tuple[list[Shape], float]:
    """Year labels over the columns: side by side when they fit, upright when they do not.

    Returns the shapes and the height they take.
    """
    year_width = max((text_width(str(y), bold=True) for y in years), default=0)
    if year_width + YEAR_PAD <= column:
        shapes = [
            _text(left + column * (i + 0.5), 16, str(y), anchor="middle", font_weight="bold")
            for i, y in enumerate(years)
        ]
        return shapes, 24
    height = year_width + 10
    shapes = [
        _text(left + column * (i + 0.5) + FONT_SIZE * 0.35, height - 4, str(y), upright=True, font_weight="bold")
        for i, y in enumerate(years)
    ]
    return shapes, height


# --- the index: threads over the years -----------------------------------------------------

TIMELINE_ROW = 22
TIMELINE_LABEL_ROOM = 300  # px kept for thread labels before the year columns are narrowed


def timeline_chart(years: list[int], threads: list[dict]) -> Chart | None:
    """Threads x years: a dot where the thread has statements (its best rank in it), a grey point where not."""
    if not threads or not years:
        return None
    id_width = max(text_width(t["thread_id"], mono=True) for t in threads) + 12
    column = _column_width(len(years), PAGE_WIDTH - id_width - TIMELINE_LABEL_ROOM, smallest=22, largest=60)
    shapes, top = _years_across(years, id_width, column)
    label_x = id_width + column * len(years) + 8
    label_room = max(PAGE_WIDTH - label_x, 200)
    radius = min(8.0, column / 2 - 2)
    widest = 0.0
    for row, thread in enumerate(threads):
        y = top + TIMELINE_ROW * row + TIMELINE_ROW / 2
        shapes.append(_text(0, y + 4, thread["thread_id"], font_family="monospace"))
        for i, year in enumerate(years):
            x = id_width + column * (i + 0.5)
            shapes += _timeline_cell(thread, year, x, y, radius)
        label = _label(label_x, y + 4, thread["label"], label_room)
        widest = max(widest, text_width(label.text))
        shapes.append(label)
    height = top + TIMELINE_ROW * len(threads) + 4
    return Chart(label_x + widest + 2, height, "Thread timeline", shapes)


def _timeline_cell(thread: dict, year: int, x: float, y: float, radius: float) -> list[Shape]:
    if year not in thread["years"]:
        return [Shape("circle", {"cx": _num(x), "cy": _num(y), "r": "3", "fill": "#d0d7de"})]
    rank = thread["years"][year]
    title = f"{thread['thread_id']} {year}" + (f": rank {rank}" if rank else "")
    dot = Shape("circle", {"cx": _num(x), "cy": _num(y), "r": _num(radius), "fill": "#0969da"}, title=title)
    if not rank:
        return [dot]
    return [dot, _text(x, y + 3.5, str(rank), anchor="middle", fill="white", font_size="10")]


# --- the index: theme shares as a theme x year heat map -------------------------------------

HEAT_ROW = 22
HEAT_LABEL_ROOM = 260  # px at most for a theme's label
HEAT_CELL_FONT = 11


def heat_map(years: list[int], themes: list[dict]) -> Chart | None:
    """Theme x year: each cell's shade is the theme's share of the year's statements."""
    if not themes or not years:
        return None
    labels = [fit(theme["label"], HEAT_LABEL_ROOM) for theme in themes]
    left = math.ceil(max(text_width(label) for label in labels)) + 10
    column = _column_width(len(years), PAGE_WIDTH - left, smallest=24, largest=64)
    shapes, top = _years_across(years, left, column)
    for row, theme in enumerate(themes):
        y = top + HEAT_ROW * row
        shapes.append(_label(left - 10, y + 13, theme["label"], HEAT_LABEL_ROOM, anchor="end"))
        for i, year in enumerate(years):
            shapes += _heat_cell(theme, year, left + column * i, y, column)
    return Chart(left + column * len(years), top + HEAT_ROW * len(themes) + 4, "Theme shares by year", shapes)


def _heat_cell(theme: dict, year: int, x: float, y: float, column: float) -> list[Shape]:
    share = theme["shares"][year]
    title = f"{theme['label']} {year}: {counted(theme['counts'][year], theme['statements'][year], share)}"
    cell = Shape(
        "rect",
        {
            "x": _num(x + 2),
            "y": _num(y),
            "width": _num(column - 4),
            "height": "18",
            "fill": "#0969da",
            "fill-opacity": f"{0.08 + 0.92 * share:.2f}",
        },
        title=title,
    )
    figure = f"{share:.0%}"
    if text_width(figure, HEAT_CELL_FONT) > column - 8:
        return [cell]  # too narrow for the figure: the tooltip carries it
    colour = "white" if share > 0.45 else "#1d232a"
    return [cell, _text(x + column / 2, y + 13, figure, anchor="middle", fill=colour, font_size=str(HEAT_CELL_FONT))]


# --- a diff page: each theme's share in the two years as paired bars -----------------------

BAR_ROW = 24
BAR_LENGTH = 300
BAR_LABEL_ROOM = 250


def theme_bars(diff) -> Chart | None:
    """Paired bars per theme: the earlier year grey, the later blue, then the change in points."""
    if not diff.themes:
        return None
    labels = [fit(k.label, BAR_LABEL_ROOM) for k in diff.themes]
    left = math.ceil(max(text_width(label) for label in labels)) + 10
    shapes: list[Shape] = []
    widest = 0.0
    for row, k in enumerate(diff.themes):
        y = BAR_ROW * row + 4
        shapes.append(_label(left - 10, y + 14, k.label, BAR_LABEL_ROOM, anchor="end"))
        bars = (
            (0, diff.year_before, k.count_before, diff.statements_before, k.share_before, "#8c959f"),
            (10, diff.year_after, k.count_after, diff.statements_after, k.share_after, "#0969da"),
        )
        for offset, year, count, statements, share, colour in bars:
            shapes.append(
                Shape(
                    "rect",
                    {
                        "x": _num(left),
                        "y": _num(y + offset),
                        "width": _num(BAR_LENGTH * share),
                        "height": "9",
                        "fill": colour,
                    },
                    title=f"{year}: {counted(count, statements, share)}",
                )
            )
        change = f"{100 * k.change:+.0f} pp" + ("*" if k.significant else "")
        x = left + BAR_LENGTH * max(k.share_before, k.share_after) + 6
        widest = max(widest, x + text_width(change))
        shapes.append(_text(x, y + 14, change, fill="#57606a"))
    return Chart(
        max(widest, left + BAR_LENGTH) + 2,
        BAR_ROW * len(diff.themes) + 10,
        f"Theme shares {diff.year_before} and {diff.year_after}",
        shapes,
    )
