"""Compiled regular expressions kept between runs of the command line.

ngkt's rule modules compile about 350 patterns when they are imported, some of them 15,000
characters long (every title, family name and capital letter a name may hold): 0.13 s of CPU
at every start of `ngkt ingest`, before its workers can start. Python's `re` keeps compiled
patterns only for the life of a process. While `kept` is in force, each pattern compiled for
the first time is also written down as the program Python's regex engine runs (what
`re._compiler` hands to `_sre.compile`), and a later run hands that program to the engine
directly, which checks it before accepting it.

The programs are the interpreter's private format, so the file is named for the interpreter
and its regex engine (`sys.version`, `_sre.MAGIC`, `_sre.CODESIZE`): another Python ignores
it. Anything unexpected (no such file, another interpreter's, unreadable, a program the engine
refuses, a Python whose `re` is laid out differently) falls back to compiling the pattern as
`re` does, so the patterns are the same with or without the file (a test compares them all).
It lives in the user's cache folder (`$XDG_CACHE_HOME/ngkt`, else `~/.cache/ngkt`), or where
NGKT_REGEX_CACHE says; NGKT_REGEX_CACHE=off keeps nothing. It is written (whole, then renamed
into place) only by a run that compiled patterns it did not hold, worth `WORTH_WRITING` of
compiling, and never read as code: it holds numbers, strings and flags (`marshal`). It also
keeps the facts `pattern_facts` reads off parsed patterns (`kept_fact`, `keep_fact`).
"""

from __future__ import annotations

import importlib
import marshal
import os
import sys
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

try:  # the regex engine's private parts (no stubs): without them, nothing is kept
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _USABLE = array("I").itemsize == _sre.CODESIZE
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _USABLE = False

# What the stored programs were made for: another interpreter or engine reads none of them.
_FOR = repr((sys.version, _sre.MAGIC, _sre.CODESIZE)) if _USABLE else ""
# Patterns compiled by other versions of ngkt accumulate; past this many the file starts afresh.
MAX_KEPT = 3000

# A pattern compiled by a function as the program runs may be new in every article (a person's
# name, `metadata._written_name`, 0.03 ms): it is kept only when compiling it costs at least this
# (CPU seconds). One compiled by a module's own code as it is imported is kept whatever its cost.
MIN_RUN_TIME_SECONDS = 0.0001
_RE_MODULES = frozenset({"re", "re._compiler", "re._parser"})

# The file is written again only when what it would spare the next run is at least this much
# compiling (CPU seconds): a library pattern whose text changes every run (one built from a set)
# would otherwise have each run write the whole file for a tenth of a millisecond.
WORTH_WRITING = 0.005

# A program as `_sre.compile` takes it but for its code, kept as the bytes of an array of the
# engine's code words (a list of 500,000 numbers loads ten times slower).
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def cache_file() -> Path | None:
    """Where the programs are kept, or None when NGKT_REGEX_CACHE=off."""
    setting = os.environ.get("NGKT_REGEX_CACHE", "")
    if setting.lower() in ("off", "0", "no"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ngkt" / f"regex-{sys.implementation.cache_tag}.marshal"


def _load(path: Path) -> dict[tuple, Any]:
    try:
        made_for, entries = marshal.loads(path.read_bytes())
    except Exception:  # no file, or not one this module wrote: nothing kept
        return {}
    return entries if made_for == _FOR and isinstance(entries, dict) else {}


def _save(path: Path, new: dict[tuple, Any]) -> None:
    """Add `new` to the file (as another process may have left it): written whole under another
    name, then renamed into place; a failure keeps nothing."""
    kept_now = _load(path)
    versions = {key[2] for key in new if len(key) > 2}  # of the code that derived new facts
    if versions:  # facts another version derived are not read again: dropped
        kept_now = {key: entry for key, entry in kept_now.items() if len(key) <= 2 or key[2] in versions}
    entries = {**(kept_now if len(kept_now) + len(new) <= MAX_KEPT else {}), **new}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_FOR, entries)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        temporary.unlink(missing_ok=True)


def _program(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for `pattern`, as it works it out."""
    parsed = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _engine(pattern: str, entry: _Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


@contextmanager
def kept(path: Path | None = None) -> Iterator[None]:
    """Compile regular expressions through the kept programs while the block runs (the whole
    process's `re`), then write down the new ones. `path`: `cache_file()`'s by default."""
    path = path if path is not None else cache_file()
    original = getattr(_compiler, "compile", None) if _USABLE else None
    if path is None or original is None:
        yield
        return
    global _unwritten, _entries
    entries = _entries = _load(path)
    new = _unwritten = _Unwritten(path)

    def compile(pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or flags & _compiler.SRE_FLAG_DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags) & ~_compiler.SRE_FLAG_UNICODE)  # a str pattern is Unicode either way
        entry = entries.get(key)
        if entry is not None:
            try:
                return _engine(pattern, entry)
            except Exception:  # a program the engine refuses: compile it as re does
                pass
        started = time.process_time()
        compiled = original(pattern, flags)
        seconds = time.process_time() - started
        try:
            entry = _program(pattern, int(flags))
            worth_keeping = seconds >= MIN_RUN_TIME_SECONDS or _compiled_on_import()
            if worth_keeping and _engine(pattern, entry) == compiled:  # the same flags, groups and program
                new.add(key, entry, seconds)
        except Exception:  # a Python whose re is laid out otherwise: keep nothing
            pass
        return compiled

    _compiler.compile = compile
    try:
        yield
    finally:
        if _compiler.compile is compile:
            _compiler.compile = original
        _unwritten = _entries = None
        new.write()


def _compiled_on_import() -> bool:
    """Whether the pattern being compiled is asked for by a module's top-level code (past `re`'s own frames)."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") in _RE_MODULES:
        frame = frame.f_back
    return frame is not None and frame.f_code.co_name == "<module>"


class _Unwritten:
    """The programs compiled since the file was last written, and how long compiling them took."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[tuple, Any] = {}
        self.seconds = 0.0

    def add(self, key: tuple, entry: Any, seconds: float) -> None:
        self.entries[key] = entry
        self.seconds += seconds

    def write(self) -> None:
        if self.entries and self.seconds >= WORTH_WRITING:
            _save(self.path, self.entries)
            self.entries.clear()
            self.seconds = 0.0


# The programs not yet written while `kept` is in force.
_unwritten: _Unwritten | None = None
# What the file held when `kept` came into force (None when it is not in force): the programs,
# keyed by (pattern, flags), and the facts of `pattern_facts`, keyed by longer tuples.
_entries: dict[tuple, Any] | None = None


def keeping() -> bool:
    """Whether `kept` is in force (facts derived now are kept with the programs)."""
    return _entries is not None


def kept_fact(key: tuple) -> Any:
    """A fact `pattern_facts` kept under `key` (a tuple of more than two items), or None."""
    return None if _entries is None or len(key) <= 2 else _entries.get(key)


def keep_fact(key: tuple, fact: Any, seconds: float) -> None:
    """Keep a fact (numbers, strings, tuples, frozensets) that took `seconds` to derive. `key`'s
    third item is the version of the code that derived it: when the file is written with new
    facts, those of other versions are dropped (no run reads them again)."""
    if _unwritten is not None and _entries is not None and len(key) > 2:
        _entries[key] = fact
        _unwritten.add(key, fact, seconds)


def write_new() -> None:
    """Write down the programs compiled since `kept` began or this was last called. For a
    process forked inside `kept` (an ingest's worker), which never leaves the block: the
    patterns the stages compile on first use are then kept for the next run's workers too."""
    if _unwritten is not None:
        _unwritten.write()
