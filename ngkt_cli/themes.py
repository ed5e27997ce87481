"""Stage 3 (coding): statements and documents -> themes from a codebook of policy topics.

The codebook is a TOML file of themes, each with patterns matched on folded text (accents and
"đ" ignored). The default ships in the package (`ngkt_cli/data/codebook.toml`); `--codebook FILE`
or NGKT_CODEBOOK swaps in the analyst's own.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

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

    def may_match(self, present: AbstractSet[str]) -> bool:
        """Whether the theme can match a text holding the `present` openings (`_present`)."""
        return self.openings is None or not present.isdisjoint(self.openings)


class _Openings(NamedTuple):
    """A codebook's openings, and how to find all those a text holds in one regex scan."""

    codebook: tuple[Theme, ...]
    openings: tuple[str, ...]
    # At each position, the longest opening that starts there (a look-ahead, so that openings
    # that overlap are all seen; within each first letter, the longer first).
    longest_at: re.Pattern[str]
    # opening -> the openings it starts with (itself included): every opening found at a position
    # starts the longest one found there.
    starting: dict[str, frozenset[str]]
    always: frozenset[str]  # an empty opening: in every text


# codebook id -> its _Openings. By identity: hashing 17 themes for an lru_cache key cost more
# than the tests it spares.
_openings: dict[int, _Openings] = {}


def _openings_of(codebook: tuple[Theme, ...]) -> _Openings:
    cached = _openings.get(id(codebook))
    if cached is None or cached.codebook is not codebook:
        openings = tuple(sorted({o for theme in codebook for o in theme.openings or ()}))
        by_letter: dict[str, list[str]] = {}
        for opening in sorted(filter(None, openings), key=lambda o: (-len(o), o)):
            by_letter.setdefault(opening[0], []).append(re.escape(opening[1:]))
        alternation = "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_letter.items())
        cached = _openings[id(codebook)] = _Openings(
            codebook,
            openings,
            re.compile(f"(?=({alternation}))" if alternation else "(?!)"),
            {o: frozenset(p for p in openings if p and o.startswith(p)) for o in openings},
            frozenset(o for o in openings if not o),
        )
    return cached


def _all_openings(codebook: tuple[Theme, ...]) -> tuple[str, ...]:
    return _openings_of(codebook).openings


def _present(folded: str, codebook: tuple[Theme, ...]) -> frozenset[str]:
    """The codebook's openings found in a folded text (as substrings), for all the themes at
    once: one scan of the text, where testing each of the ~90 openings cost twice as much."""
    found = _openings_of(codebook)
    longest = found.longest_at.findall(folded)
    return found.always.union(*map(found.starting.__getitem__, longest)) if longest else found.always


def _alternatives_at_top(pattern: str) -> bool:
    """Whether `pattern` is an alternation ("chip|ban dan"), not one with alternatives inside a
    group ("ho tro (?:dia phuong|doanh nghiep)"). Errs towards True (a "|" in a class it misreads)."""
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth <= 0:
            return True
    return False


def _opening(pattern: str) -> str:
    """The plain text every match of `pattern` begins with ('' when it cannot tell)."""
    if _alternatives_at_top(pattern):
        return ""
    plain = re.match(r"[a-z0-9 ]*", pattern).group()  # type: ignore[union-attr]  # matches any string
    if pattern[len(plain) : len(plain) + 1] in ("?", "*", "{"):
        plain = plain[:-1]  # the last letter is optional
    return plain


def _compile(theme: dict, source: str) -> Theme:
    try:
        alternatives = "|".join(f"(?:{p})" for p in theme["patterns"])
        openings = tuple(_opening(p) for p in theme["patterns"])
        return Theme(
            theme["id"],
            theme.get("label", theme["id"]),
            theme.get("label_vi", ""),
            re.compile(rf"\b(?:{alternatives})\b"),
            None if "" in openings else openings,
        )
    except (KeyError, TypeError, re.error) as error:
        raise UsageError(f"{source}: theme {theme.get('id', '?')!r} is not valid ({error})") from None


# The name `--codebook default` gives the codebook shipped with ngkt.
DEFAULT = "default"

# A parsed codebook: its themes in order. What the library's coding functions take (`codebook`,
# None: the shipped one).
Codebook = tuple[Theme, ...]


def load_codebook(path: str | None = None) -> tuple[Theme, ...]:
    """The themes of a codebook file, or of the shipped one (None or "default"): the default of
    every library function that codes statements. The CLI passes the codebook its run is bound
    to (`bind_codebook`: the database's own, or --codebook / NGKT_CODEBOOK)."""
    return _load(path)


def read_codebook(path: str | None) -> tuple[str, str]:
    """(name, text) of a codebook file, or of the default (None or "default")."""
    if path and path != DEFAULT:
        try:
            return Path(path).name, Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{path}: cannot read the codebook ({error.strerror})") from None
    return DEFAULT, resources.files("ngkt_cli").joinpath("data/codebook.toml").read_text(encoding="utf-8")


def _load(path: str | None) -> tuple[Theme, ...]:
    name, text = read_codebook(path)
    return _parse(text, path if name != DEFAULT else "default codebook")


@lru_cache(maxsize=8)
def _parse(text: str, source: str) -> tuple[Theme, ...]:
    try:
        themes = tomllib.loads(text).get("theme", [])
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{source}: not valid TOML ({error})") from None
    return tuple(_compile(theme, source) for theme in themes)


# ---------------------------------------------------------------------------------------------
# The database's own codebook (`db.bind_codebook` reads it, `db.record_codebook` writes it)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def describe(name: str, sha: str) -> str:
    return "the default codebook" if name == DEFAULT else f"codebook {name} (content {sha})"


@dataclass(frozen=True)
class Binding:
    """The codebook a command codes and labels with, and the one the database recorded (None: none yet)."""

    name: str
    sha: str
    text: str
    recorded: tuple[str, str] | None  # (name, sha)

    @property
    def switched(self) -> bool:
        return self.recorded is not None and self.recorded[1] != self.sha

    @property
    def themes(self) -> tuple[Theme, ...]:
        """The parsed codebook, passed to whatever codes or labels statements."""
        return _parse(self.text, self.name if self.name != DEFAULT else "default codebook")

    @property
    def newer_default(self) -> bool:
        """The default codebook changed under a database coded with it: an upgrade of ngkt, not another codebook."""
        return self.switched and self.name == DEFAULT and self.recorded is not None and self.recorded[0] == DEFAULT


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
        (theme.id, match.start())
        for theme in codebook
        if theme.may_match(present) and (match := theme.pattern.search(folded))
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0]))
