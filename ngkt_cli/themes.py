"""Stage 3 (coding): statements and documents -> themes from a codebook of policy topics.

The codebook is a TOML file of themes, each with patterns matched on folded text (accents and
"đ" ignored). The default ships in the package (`ngkt_cli/data/codebook.toml`); `--codebook FILE`
or NGKT_CODEBOOK swaps in the analyst's own.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import UsageError
from .text import fold, spell_out


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    label_vi: str
    pattern: re.Pattern[str]
    # Text every match of some pattern begins with ("khoa hoc" for "khoa hoc,? cong nghe"), or
    # None when a pattern has no such text: when none is in a statement, the theme cannot match
    # and its regex is not run (a substring test is many times cheaper than a regex scan).
    openings: tuple[str, ...] | None = None

    def may_match(self, present: set[str]) -> bool:
        """Whether the theme can match a text holding the `present` openings (`_present`)."""
        return self.openings is None or not present.isdisjoint(self.openings)


# codebook id -> (the codebook, its openings). By identity: hashing 17 themes for an lru_cache
# key cost more than the tests it spares.
_openings: dict[int, tuple[tuple[Theme, ...], tuple[str, ...]]] = {}


def _all_openings(codebook: tuple[Theme, ...]) -> tuple[str, ...]:
    cached = _openings.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        cached = _openings[id(codebook)] = (codebook, tuple(sorted({o for theme in codebook for o in theme.openings or ()})))
    return cached[1]


def _present(folded: str, codebook: tuple[Theme, ...]) -> set[str]:
    """The codebook's openings found in a folded text, each tested once for all the themes."""
    return {opening for opening in _all_openings(codebook) if opening in folded}


def _opening(pattern: str) -> str:
    """The plain text every match of `pattern` begins with ('' when it cannot tell)."""
    if "|" in pattern:
        return ""
    plain = re.match(r"[a-z0-9 ]*", pattern).group()
    if pattern[len(plain) : len(plain) + 1] in ("?", "*", "{"):
        plain = plain[:-1]  # the last letter is optional
    return plain


def _compile(theme: dict, source: str) -> Theme:
    try:
        alternatives = "|".join(f"(?:{p})" for p in theme["patterns"])
        openings = tuple(_opening(p) for p in theme["patterns"])
        return Theme(
            theme["id"], theme.get("label", theme["id"]), theme.get("label_vi", ""),
            re.compile(rf"\b(?:{alternatives})\b"), None if "" in openings else openings,
        )
    except (KeyError, TypeError, re.error) as error:
        raise UsageError(f"{source}: theme {theme.get('id', '?')!r} is not valid ({error})") from None


_selected: dict[str, str | None] = {"path": None}


def select_codebook(path: str | None) -> None:
    """Use this codebook file for the rest of the process (None: NGKT_CODEBOOK or the default)."""
    _selected["path"] = path


def codebook_source() -> str:
    """Which codebook is in use: its file, or "default"."""
    return _selected["path"] or os.environ.get("NGKT_CODEBOOK") or "default"


def load_codebook() -> tuple[Theme, ...]:
    """The themes of the selected codebook: --codebook, else NGKT_CODEBOOK, else the default."""
    return _load(_selected["path"] or os.environ.get("NGKT_CODEBOOK") or None)


@lru_cache(maxsize=8)
def _load(path: str | None) -> tuple[Theme, ...]:
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{path}: cannot read the codebook ({error.strerror})") from None
        source = path
    else:
        text = resources.files("ngkt_cli").joinpath("data/codebook.toml").read_text(encoding="utf-8")
        source = "default codebook"
    try:
        themes = tomllib.loads(text).get("theme", [])
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{source}: not valid TOML ({error})") from None
    return tuple(_compile(theme, source) for theme in themes)


def code(text: str, codebook: tuple[Theme, ...]) -> list[str]:
    """The ids of the themes whose patterns occur in `text` (acronyms spelt out), in codebook order."""
    found = {theme_id for theme_id, _ in code_positions(text, codebook)}
    return [theme.id for theme in codebook if theme.id in found]


def code_positions(text: str, codebook: tuple[Theme, ...]) -> list[tuple[str, int]]:
    """(theme id, offset of its first match) for each theme in `text` (acronyms spelt out: "AI" is
    "trí tuệ nhân tạo"), earliest first."""
    folded = fold(spell_out(text))
    present = _present(folded, codebook)
    found = [
        (theme.id, match.start()) for theme in codebook if theme.may_match(present) and (match := theme.pattern.search(folded))
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0]))
