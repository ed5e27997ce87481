"""Which rules read the stored articles (reading.py): a database says when an upgrade reads
articles differently, until `ngkt reextract` reads them again."""

from __future__ import annotations

import ast
import json
import sqlite3
from pathlib import Path

from conftest import SEEDS, run_cli

from ngkt_cli import reading

PACKAGE = Path(reading.__file__).parent
ADVICE = "run `ngkt reextract`"


def _info(db: Path) -> dict:
    result = run_cli(db, "info", "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_a_new_database_is_read_with_this_versions_rules_and_says_nothing(tmp_path):
    db = tmp_path / "a.db"
    seeds = sorted(SEEDS.glob("*.txt"))
    first = run_cli(db, "ingest", str(seeds[0]))
    assert first.exit_code == 0 and ADVICE not in first.output
    assert _info(db)["read_with"] == "this version's rules"
    assert ADVICE not in run_cli(db, "ingest", str(seeds[1])).output


def test_articles_read_by_an_earlier_version_are_named_until_reextract_reads_them_again(tmp_path):
    db = tmp_path / "a.db"
    seeds = sorted(SEEDS.glob("*.txt"))
    assert run_cli(db, "ingest", str(seeds[0]), str(seeds[1])).exit_code == 0
    with sqlite3.connect(db) as conn:  # as an earlier version left it
        conn.execute("UPDATE meta SET value = 'earlier' WHERE key = 'read_by'")
    later = run_cli(db, "ingest", str(seeds[2]))
    assert later.exit_code == 0 and ADVICE in later.output
    assert _info(db)["read_with"] == "an earlier version's rules: run `ngkt reextract`"
    assert run_cli(db, "reextract").exit_code == 0
    assert _info(db)["read_with"] == "this version's rules"
    assert ADVICE not in run_cli(db, "ingest", str(seeds[3])).output


def test_a_database_from_before_versions_were_recorded_counts_as_read_by_earlier_rules(tmp_path):
    db = tmp_path / "a.db"
    assert run_cli(db, "ingest", str(sorted(SEEDS.glob("*.txt"))[0])).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'read_by'")
    assert _info(db)["read_with"].startswith("an earlier version's rules")


def _package_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names = [node.module] if node.module else [alias.name for alias in node.names]
            found |= {f"{name.split('.')[0]}.py" for name in names}
    return found


def test_the_fingerprint_covers_every_module_reextract_reads_with():
    """Every package module that extraction and the scope rule import, but those that hold no
    rules, is in READING_FILES, so that changing its rules marks stored articles as read by
    earlier rules."""
    seen: set[str] = set()
    todo = ["extract.py", "scope.py"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _package_imports(module)
    # (pattern_facts and regex_cache keep what the rules derive between runs: no rule of their own)
    assert seen - {"models.py", "errors.py", "pattern_facts.py", "regex_cache.py"} <= set(reading.READING_FILES)
    assert all((PACKAGE / name).is_file() for name in reading.READING_FILES)
    assert len(reading.reading_version()) == 12
