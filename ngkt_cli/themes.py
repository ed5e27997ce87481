"""Stage 3 (coding): statements and documents -> themes from a codebook of policy topics.

The codebook is a TOML file of themes, each with patterns matched on folded text (accents and
"đ" ignored). The default ships in the package (`ngkt_cli/data/codebook.toml`); `--codebook FILE`
or NGKT_CODEBOOK swaps in the analyst's own.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick

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


class _Openings(NamedTuple):
    """A codebook's openings, and how to find in one scan where each theme may match first."""

    codebook: tuple[Theme, ...]
    # Every opening, to find each place one occurs (overlapping ones too) in one pass over a
    # text, in C (Aho-Corasick): opening -> (its length less one, the indexes of the themes that
    # have it). None when no theme has an opening.
    automaton: ahocorasick.Automaton | None
    # Only the openings at word starts count (no letter, digit or "_" before them) when every
    # opening opens with a letter or digit and every theme's pattern opens with "\b", as
    # `_compile` writes them.
    word_starts: bool
    anywhere: tuple[int, ...]  # the themes with no opening (or an empty one): searched from the start


# codebook id -> its _Openings. By identity: hashing 17 themes for an lru_cache key cost more
# than the tests it spares.
_openings: dict[int, _Openings] = {}

# The character before a word: what "\b" before a letter or digit needs (or the text's start).
_WORD_CHAR = re.compile(r"\w")


def _openings_of(codebook: tuple[Theme, ...]) -> _Openings:
    cached = _openings.get(id(codebook))
    if cached is None or cached.codebook is not codebook:
        openings = sorted({o for theme in codebook for o in theme.openings or () if o})
        word_starts = all(_WORD_CHAR.match(o) for o in openings) and all(
            theme.pattern.pattern.startswith("\\b") for theme in codebook if theme.openings
        )
        automaton = ahocorasick.Automaton()
        for opening in openings:
            themes = tuple(index for index, theme in enumerate(codebook) if opening in (theme.openings or ()))
            automaton.add_word(opening, (len(opening) - 1, themes))
        automaton.make_automaton()
        cached = _openings[id(codebook)] = _Openings(
            codebook,
            automaton if openings else None,
            word_starts,
            tuple(index for index, theme in enumerate(codebook) if theme.openings is None or "" in theme.openings),
        )
    return cached


def _first_starts(folded: str, codebook: tuple[Theme, ...]) -> dict[int, int]:
    """index of a theme -> the first position where one of its openings is in `folded` (at a word
    start, when the themes' patterns need one there): none of its matches starts before it. A
    theme whose openings are not there cannot match and is left out; one with no openings is
    there from position 0. One scan of the text for all the themes."""
    found = _openings_of(codebook)
    starts = dict.fromkeys(found.anywhere, 0)
    if found.automaton is None:
        return starts
    firsts: dict[int, int] = {}
    for end, (back, themes) in found.automaton.iter(folded):  # by where each opening ends
        start = end - back
        if found.word_starts and start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            continue  # inside a word ("\w" before it)
        for index in themes:
            if firsts.get(index, start + 1) > start:
                firsts[index] = start
    for index, start in sorted(firsts.items(), key=lambda pair: pair[1]):
        starts.setdefault(index, start)
    return starts


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
    found = [
        (codebook[index].id, match.start())
        for index, start in _first_starts(folded, codebook).items()
        if (match := codebook[index].pattern.search(folded, start))  # no match starts before `start`
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0]))
