"""The compiled regular expressions `ngkt` keeps between runs (regex_cache): the same patterns as
`re` compiles, from a file that only a run compiling something new writes, and no harm from a
file that is missing, foreign or damaged."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

from ngkt_cli import regex_cache

ROOT = Path(__file__).resolve().parent.parent

# Imports the rule modules with the kept programs in force, then compares every pattern any
# ngkt_cli module holds (at the top level, in a tuple, list or dict of rows) with what `re`
# compiles from the same text, and prints how many patterns `re` had to compile itself.
_EVERY_PATTERN = r"""
import dataclasses, re, sys
from pathlib import Path
from re import _compiler
from ngkt_cli import regex_cache

compile_itself = _compiler.compile
compiled_by_re = []
def counting(pattern, flags=0):
    if isinstance(pattern, str):  # (a library's bytes patterns are compiled by re each time)
        compiled_by_re.append(pattern)
    return compile_itself(pattern, flags)
_compiler.compile = counting

with regex_cache.kept(Path(sys.argv[1])):
    import ngkt_cli.cli, ngkt_cli.ingest
    modules = [m for name, m in sys.modules.items() if name.startswith("ngkt_cli.")]

def patterns(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from patterns(item, depth + 1)
    elif depth < 3 and dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from patterns(getattr(value, field.name), depth + 1)

found = {id(p): p for m in modules for v in vars(m).values() for p in patterns(v)}
differ = [p.pattern[:60] for p in found.values() if p != compile_itself(p.pattern, p.flags)]
print(len(found), len(differ), len(compiled_by_re))
print(differ[:3], compiled_by_re[:3])
"""


def _every_pattern(cache: Path) -> tuple[int, int, int]:
    done = subprocess.run(
        [sys.executable, "-c", _EVERY_PATTERN, str(cache)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT.parent,  # not the checkout: the installed package, as a user runs it
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    found, differ, compiled = map(int, done.stdout.splitlines()[0].split())
    assert differ == 0, done.stdout
    return found, differ, compiled


def test_every_rule_pattern_is_the_same_compiled_or_kept(tmp_path):
    cache = tmp_path / "regex.marshal"
    found, _, compiled_first = _every_pattern(cache)
    assert cache.exists() and found > 300 and compiled_first > 300
    kept_bytes = cache.read_bytes()
    found_again, _, compiled_again = _every_pattern(cache)
    assert found_again == found
    # all but a few from the file (the rule modules build the same text each run): a few cheap
    # ones a function compiles as it is first called are not worth keeping (MIN_RUN_TIME_SECONDS)
    assert compiled_again < compiled_first / 10
    assert cache.read_bytes() == kept_bytes  # nothing new: not written again


def _damaged(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_a_missing_foreign_or_damaged_file_changes_no_match(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)  # these patterns compile in no time
    monkeypatch.setattr(regex_cache, "MIN_RUN_TIME_SECONDS", 0)
    word, other = r"\bkinh tế\b", r"\bngoại giao\b"
    with regex_cache.kept(tmp_path / "first.marshal"):
        re.purge()
        re.compile(other)
    _, entries = marshal.loads((tmp_path / "first.marshal").read_bytes())
    program_of_other = entries[(other, 0)]
    refused = (program_of_other[0], b"\xff" * 40, *program_of_other[2:])
    for cache in (
        tmp_path / "missing" / "regex.marshal",
        _damaged(tmp_path / "garbage.marshal", b"not marshal at all"),
        _damaged(tmp_path / "empty.marshal", b""),
        # another interpreter's file, which would give `word` the program of `other`
        _damaged(tmp_path / "foreign.marshal", marshal.dumps(("3.99 other", {(word, 0): program_of_other}))),
        # this interpreter's, holding a program the engine refuses
        _damaged(tmp_path / "refused.marshal", marshal.dumps((regex_cache._FOR, {(word, 0): refused}))),
    ):
        with regex_cache.kept(cache):
            re.purge()
            pattern = re.compile(word)
        assert pattern.search("hội nhập kinh tế quốc tế") and not pattern.search("ngoại giao"), cache.name
        assert pattern == re._compiler.compile(word, 0)
        # the file now holds the pattern's own program
        assert marshal.loads(cache.read_bytes())[1][(word, 0)][1] != b"\xff" * 40
    re.purge()


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NGKT_REGEX_CACHE", "off")
    assert regex_cache.cache_file() is None
    monkeypatch.setenv("NGKT_REGEX_CACHE", str(tmp_path / "here.marshal"))
    assert regex_cache.cache_file() == tmp_path / "here.marshal"
    monkeypatch.delenv("NGKT_REGEX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regex_cache.cache_file().parent == tmp_path / "xdg" / "ngkt"


def test_ingest_writes_the_file_once_and_reads_the_same_database_from_it(tmp_path):
    cache = tmp_path / "regex.marshal"
    env = {**os.environ, "NGKT_REGEX_CACHE": str(cache), "NGKT_WORKERS": "1"}
    exports = []
    for run in ("first", "second"):
        db = tmp_path / f"{run}.db"
        for args in (["ingest", "--quiet", str(ROOT / "seeds")], ["export", "--format", "json"]):
            done = subprocess.run(
                [sys.executable, "-m", "ngkt_cli", "--db", str(db), *args],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp_path,
            )
            assert done.returncode == 0, done.stderr
        exports.append(done.stdout.replace(str(tmp_path / "first.db"), "").replace(str(tmp_path / "second.db"), ""))
        if run == "first":
            written = cache.stat().st_mtime_ns
    assert cache.stat().st_mtime_ns == written
    assert exports[0] == exports[1] and '"statements"' in exports[0]


def test_an_ingest_worker_writes_the_patterns_it_compiled_on_first_use(tmp_path, monkeypatch):
    """A pool worker is forked inside `kept` and never leaves it: after each chunk it writes
    what it compiled itself (the stages' patterns built on first use), which the parent never sees."""
    from ngkt_cli import ingest

    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)
    monkeypatch.setattr(regex_cache, "MIN_RUN_TIME_SECONDS", 0)

    cache = tmp_path / "regex.marshal"
    only_in_the_worker = r"(?P<worker>a pattern compiled only in a worker) \d+"
    with regex_cache.kept(cache):
        re.compile(r"compiled in the parent \d+")
        child = os.fork()
        if child == 0:  # the worker: compile, then finish a chunk as the pool has it do
            try:
                re.compile(only_in_the_worker)
                ingest._prepare_chunk([], ())
            finally:
                os._exit(0)
        os.waitpid(child, 0)
        written = marshal.loads(cache.read_bytes())[1]
        assert (only_in_the_worker, 0) in written
    # the parent then adds its own to what the worker wrote
    assert {(only_in_the_worker, 0), (r"compiled in the parent \d+", 0)} <= set(marshal.loads(cache.read_bytes())[1])
    re.purge()


def test_the_file_is_written_again_only_for_what_it_would_spare_the_next_run(tmp_path):
    """A pattern whose text changes every run (a library's, built from a set) compiles in no
    time: it is not worth writing the whole file again; a costly new one is."""
    cache = tmp_path / "regex.marshal"
    with regex_cache.kept(cache):
        re.compile(r"cheap (\d+) one")
    assert not cache.exists()
    capitals = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
    costly = "|".join(f"[{capitals}]{n}" for n in range(30))  # 30 classes of every capital: 20 ms or so
    with regex_cache.kept(cache):
        re.compile(costly)
    assert (costly, 0) in marshal.loads(cache.read_bytes())[1]
    re.purge()


def test_a_pattern_made_for_one_article_is_not_kept_one_a_module_makes_as_it_is_imported_is(tmp_path, monkeypatch):
    """A name's pattern (`metadata._written_name`) is compiled as each article names someone new:
    cheap, and new in every run, it is not kept; a module's own cheap patterns are."""
    from ngkt_cli import metadata

    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)
    monkeypatch.setattr(regex_cache, "MIN_RUN_TIME_SECONDS", 1.0)  # (a cheap one seldom takes 0.1 ms, but may)
    cache = tmp_path / "regex.marshal"
    module_level = r"(?<!\w)a module's own (\d+)"
    with regex_cache.kept(cache):
        metadata._written_name("Lê Thị Kiều Oanh")
        exec(compile(f"import re\nre.compile({module_level!r})", "<a module>", "exec"), {"__name__": "a_module"})
    kept = marshal.loads(cache.read_bytes())[1]
    assert (module_level, 0) in kept
    assert not [pattern for pattern, _ in kept if "Oanh" in pattern]
    re.purge()
