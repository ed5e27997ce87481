"""Facts read off parsed patterns, kept between runs with the compiled patterns.

The stages derive their quick tests from their own patterns as they are imported: the
characters a match may open with (`text.opening_characters`), the texts every match holds
(`text.required_literals`, `text.required_one_of`, `directives.cue_words`), a rule's hint, start
test and literal lead (extract.py), a pattern with its look-behinds moved (`cues.lookbehinds_after`).
Each parses its pattern with `re`'s parser and walks the tree: about 120 patterns, 0.02-0.03 s of
every start of `ngkt`, before an ingest's workers can start, paid again for the same patterns.

A function marked `@kept` (one pattern in, a fact out) has its result written down beside the
compiled programs (`regex_cache`, while `regex_cache.kept` is in force, as it is for the `ngkt`
command) and read back by the next run instead of parsing. A fact is keyed by the function, the
pattern and its flags, and by the source of the modules that derive facts (`WALKERS`): a changed
pattern, or a changed walker, is derived afresh. Outside `regex_cache.kept` (a library caller,
most tests) every fact is derived as it always was. A fact is a plain value (strings, numbers,
None, and tuples and frozensets of them) or a compiled pattern, or a tuple of compiled patterns;
a pattern is kept as its text and flags and compiled again (through the kept programs).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from . import regex_cache

# The modules whose code derives the kept facts, in the ngkt_cli package: their source is part of
# every fact's key, so editing any of them derives every fact afresh. A `@kept` function of another
# module is refused when it is defined.
WALKERS = ("text", "extract", "directives", "cues", "pattern_facts")

_Fact = TypeVar("_Fact")
_fingerprint: str | None = None


def walkers_fingerprint() -> str:
    """A digest of the walker modules' source (worked out once a process: about 0.7 ms); "" when
    a source cannot be read (an install without them): no fact is then kept."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.blake2b(digest_size=16)
        package = Path(__file__).parent
        try:
            for name in WALKERS:
                digest.update(name.encode() + b"\0" + (package / f"{name}.py").read_bytes() + b"\0")
            _fingerprint = digest.hexdigest()
        except OSError:
            _fingerprint = ""
    return _fingerprint


def _pattern_of(value: Any) -> tuple[str, int] | None:
    """(text, flags) of a compiled pattern of a str, without the re.UNICODE every such pattern
    has: the flags it was compiled with, as the compiled programs are kept under."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        return value.pattern, int(value.flags & ~re.UNICODE)
    return None


def encode(fact: Any) -> tuple | None:
    """`fact` as `marshal` stores it: ("value", fact), ("pattern", text, flags) or ("patterns",
    ((text, flags), ...)); None when it is none of these (it is then not kept)."""
    if (pattern := _pattern_of(fact)) is not None:
        return ("pattern", *pattern)
    if isinstance(fact, tuple) and fact and all(isinstance(item, re.Pattern) for item in fact):
        patterns = tuple(_pattern_of(item) for item in fact)
        return None if None in patterns else ("patterns", patterns)
    return ("value", fact) if _plain(fact) else None


def _plain(value: Any) -> bool:
    """Whether `value` is made of what `marshal` writes and no caller can change: a fact read back
    is handed to every caller, as the one derived is."""
    if isinstance(value, (tuple, frozenset)):
        return all(map(_plain, value))
    return value is None or type(value) in (bool, int, float, str, bytes)


def decode(stored: tuple) -> Any:
    """The fact `encode` stored."""
    if stored[0] == "pattern":
        return re.compile(stored[1], stored[2])
    if stored[0] == "patterns":
        return tuple(re.compile(text, flags) for text, flags in stored[1])
    return stored[1]


def kept(derive: Callable[[re.Pattern[str]], _Fact]) -> Callable[[re.Pattern[str]], _Fact]:
    """`derive` (a pattern in, a fact about it out), its facts kept between runs (the module's
    docstring). It must be a pure function of the pattern and of the walker modules' code."""
    package, _, module = derive.__module__.rpartition(".")
    if package != __package__ or module not in WALKERS:
        raise ValueError(f"{derive.__module__}.{derive.__qualname__}: facts are kept only from {WALKERS}")
    name = f"{module}.{derive.__qualname__}"

    @wraps(derive)
    def derived(pattern: re.Pattern[str]) -> _Fact:
        if not regex_cache.keeping() or not walkers_fingerprint():
            return derive(pattern)
        key = ("fact", name, walkers_fingerprint(), pattern.pattern, pattern.flags)
        stored = regex_cache.kept_fact(key)
        if stored is not None:
            try:
                return decode(stored)
            except Exception:  # not what `encode` writes: derive it again
                pass
        started = time.process_time()
        fact = derive(pattern)
        if isinstance(pattern.pattern, str) and (encoded := encode(fact)) is not None:
            regex_cache.keep_fact(key, encoded, time.process_time() - started)
        return fact

    return derived
