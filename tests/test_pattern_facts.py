"""The facts the stages read off their parsed patterns (quick tests' literals, openings, hints),
kept between runs beside the compiled patterns (pattern_facts): read back equal to the facts
derived afresh, and derived afresh when the pattern or the code that derives them changes."""

from __future__ import annotations

import marshal
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ngkt_cli import pattern_facts, regex_cache, text

ROOT = Path(__file__).resolve().parent.parent

# Imports the command line's modules with the kept programs and facts in force, counting the
# patterns a walker parsed (not `re` compiling one); then compares every fact the file holds
# with the same function's fact derived afresh, the file out of force.
_EVERY_FACT = r"""
import re, sys, importlib
from pathlib import Path
from re import _parser
from ngkt_cli import pattern_facts, regex_cache

parse_itself = _parser.parse
walked = []
def counting(source, flags=0, *rest):
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller.startswith("ngkt_cli.") and caller != "ngkt_cli.regex_cache":
        walked.append(source)
    return parse_itself(source, flags, *rest)
_parser.parse = counting

cache = Path(sys.argv[1])
with regex_cache.kept(cache):
    import ngkt_cli.cli, ngkt_cli.ingest
_parser.parse = parse_itself

entries = regex_cache._load(cache)
facts = {key: stored for key, stored in entries.items() if key[0] == "fact"}
differ = []
for (_, name, fingerprint, source, flags), stored in facts.items():
    module, function = name.split(".")
    derive = getattr(importlib.import_module(f"ngkt_cli.{module}"), function).__wrapped__
    if fingerprint == pattern_facts.walkers_fingerprint() and pattern_facts.decode(stored) != derive(re.compile(source, flags)):
        differ.append((name, source[:60]))
print(len(facts), len(differ), len(walked))
print(differ[:3], walked[:3])
"""


def _every_fact(cache: Path) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", _EVERY_FACT, str(cache)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    facts, differ, walked = map(int, done.stdout.splitlines()[0].split())
    assert differ == 0, done.stdout
    return facts, walked


def test_every_fact_read_back_is_the_fact_derived_and_a_second_run_parses_nothing(tmp_path):
    cache = tmp_path / "regex.marshal"
    facts_first, walked_first = _every_fact(cache)
    assert facts_first > 80 and walked_first > 80
    facts_again, walked_again = _every_fact(cache)
    assert facts_again == facts_first
    assert walked_again == 0


def test_a_fact_is_read_back_only_for_its_pattern_and_the_walkers_code(tmp_path, monkeypatch):
    image_row = re.compile(r"^.{10,200}\s?-\s?anh \d{1,2}\.?$")
    with regex_cache.kept(tmp_path / "regex.marshal"):
        assert text.required_literals(image_row) == ("-", "anh ")
        key = (
            "fact",
            "text.required_literals",
            pattern_facts.walkers_fingerprint(),
            image_row.pattern,
            image_row.flags,
        )
        regex_cache.keep_fact(key, ("value", ("planted",)), 0.0)
        assert text.required_literals(image_row) == ("planted",)  # the kept fact is what is read
        other_row = re.compile(image_row.pattern.replace("anh", "ảnh"))
        assert text.required_literals(other_row) == ("-", "ảnh ")  # another pattern: its own fact
        monkeypatch.setattr(pattern_facts, "_fingerprint", "the walkers' code changed")
        assert text.required_literals(image_row) == ("-", "anh ")  # derived afresh
    assert text.required_literals(image_row) == ("-", "anh ")  # out of force: always derived


def test_facts_of_compiled_patterns_are_kept_as_their_text_and_flags(tmp_path, monkeypatch):
    from ngkt_cli import cues

    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)
    year = re.compile(r"(?<!den )(?<![\d/-])((?:19|20)\d{2})(?![\d/-])")
    with regex_cache.kept(tmp_path / "regex.marshal"):
        moved = cues.lookbehinds_after(year)
    assert moved.pattern.startswith("((?:19|20)")
    _, entries = marshal.loads((tmp_path / "regex.marshal").read_bytes())
    [stored] = [fact for key, fact in entries.items() if key[0] == "fact" and key[3] == year.pattern]
    assert stored == ("pattern", moved.pattern, 0)
    with regex_cache.kept(tmp_path / "regex.marshal"):
        assert cues.lookbehinds_after(year) == moved
    assert pattern_facts.encode((moved, year)) == ("patterns", ((moved.pattern, 0), (year.pattern, 0)))
    assert pattern_facts.decode(pattern_facts.encode((moved, year))) == (moved, year)
    assert pattern_facts.encode(object()) is None  # not kept: derived every run
    assert pattern_facts.encode(["a list", "a caller could change"]) is None
    assert pattern_facts.encode(frozenset({("x", 1), None})) == ("value", frozenset({("x", 1), None}))


def test_the_walkers_fingerprint_changes_with_their_source(tmp_path):
    package = tmp_path / "ngkt_cli"
    shutil.copytree(ROOT / "ngkt_cli", package, ignore=shutil.ignore_patterns("__pycache__"))

    def fingerprint() -> str:
        return subprocess.run(
            [sys.executable, "-c", "from ngkt_cli import pattern_facts; print(pattern_facts.walkers_fingerprint())"],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(tmp_path)},
        ).stdout

    before = fingerprint()
    assert before == fingerprint()
    with (package / "extract.py").open("a", encoding="utf-8") as source:
        source.write("\n# a rule row added\n")
    assert fingerprint() != before


def test_only_the_walker_modules_keep_facts():
    def derive(pattern: re.Pattern[str]) -> int:
        return 0

    with pytest.raises(ValueError, match="facts are kept only from"):
        pattern_facts.kept(derive)


def test_facts_of_another_version_of_the_walkers_leave_the_file_when_new_ones_are_written(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)
    monkeypatch.setattr(regex_cache, "MIN_RUN_TIME_SECONDS", 0)
    re.purge()
    cache = tmp_path / "regex.marshal"
    image_row = re.compile(r"^.{10,200}\s?-\s?anh \d{1,2}\.?$")
    monkeypatch.setattr(pattern_facts, "_fingerprint", "yesterday's walkers")
    with regex_cache.kept(cache):
        text.required_literals(image_row)
        re.compile(r"a program (\d+) kept whatever the walkers")
    monkeypatch.setattr(pattern_facts, "_fingerprint", "today's walkers")
    with regex_cache.kept(cache):
        text.required_literals(image_row)
    kept = marshal.loads(cache.read_bytes())[1]
    assert {key[2] for key in kept if key[0] == "fact"} == {"today's walkers"}
    assert (r"a program (\d+) kept whatever the walkers", 0) in kept
    re.purge()


def test_without_the_walkers_source_nothing_is_kept_and_every_fact_is_derived(tmp_path, monkeypatch):
    """An install that ships no source of a walker module cannot tell one version of its code
    from another: it derives every fact, as without the file."""
    monkeypatch.setattr(regex_cache, "WORTH_WRITING", 0)
    monkeypatch.setattr(pattern_facts, "WALKERS", (*pattern_facts.WALKERS, "a_module_shipped_without_source"))
    monkeypatch.setattr(pattern_facts, "_fingerprint", None)
    image_row = re.compile(r"^.{10,200}\s?-\s?anh \d{1,2}\.?$")
    with regex_cache.kept(tmp_path / "regex.marshal"):
        assert text.required_literals(image_row) == ("-", "anh ")
        re.compile(r"^(?P<first>\d+) programs are kept still$")
    assert pattern_facts.walkers_fingerprint() == ""
    kept = marshal.loads((tmp_path / "regex.marshal").read_bytes())[1] if (tmp_path / "regex.marshal").exists() else {}
    assert not [key for key in kept if key[0] == "fact"]
    re.purge()
