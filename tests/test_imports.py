"""The dependency graph is read off the top of each module: ngkt's own modules are imported there,
never inside a function. An import inside a function is kept only for what would slow every
start (`ngkt --help` included) and is needed by a few commands: the heavy third-party modules
named here, and the two stages the CLI loads for the commands that run them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ngkt_cli"

# Imported where they are used: each costs start-up time that most commands never need.
LAZY_THIRD_PARTY = {
    "trafilatura",  # HTML pages only (ingest)
    "lxml",  # HTML ledes and sitemaps
    "feedparser",  # fetch --feed
    "urllib3",  # fetch
    "charset_normalizer",  # files that are not UTF-8
    "wordfreq",  # the word-frequency list, read once for linking
    "rich",  # a terminal's output only
    "jinja2",  # `ngkt report` only
    "multiprocessing",  # the ingest worker pool (standard library, with the next two)
    "concurrent",
    "ctypes",
}

# The ingest and fetch stages hold the extraction rule tables (their regexes compile on import)
# and the HTTP modules: about 110 ms of CPU that only `ingest`, `reextract`, `fetch`, `doc date`
# and `import` (restore.py applies dates set by hand through ingest) use, and `ngkt --help` must
# stay within 1.2x of `sqlite-utils --help`.
# The command's launcher imports the command line once the compiled patterns kept between runs are in
# force, so that the command line's own modules compile theirs through them.
LAZY_OWN = {("cli.py", "ingest"), ("cli.py", "fetch"), ("cli.py", "restore"), ("__main__.py", "cli")}


def _function_imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, module, is ours) of every import below the module's top level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if id(node) in top:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, alias.name.split(".")[0] == "ngkt_cli") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            ours = node.level > 0 or (node.module or "").split(".")[0] == "ngkt_cli"
            found.append((node.lineno, node.module or "", ours))
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_our_modules_are_imported_at_the_top(path):
    inside = [
        f"{path.name}:{line} imports {module or '.'} inside a function"
        for line, module, ours in _function_imports(path)
        if ours and (path.name, module.split(".")[-1]) not in LAZY_OWN
    ]
    assert inside == []


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_only_heavy_third_party_modules_are_imported_late(path):
    late = [
        f"{path.name}:{line} imports {module} inside a function"
        for line, module, ours in _function_imports(path)
        if not ours and module.split(".")[0] not in LAZY_THIRD_PARTY
    ]
    assert late == []


def test_the_walk_finds_an_import_inside_a_function(tmp_path):
    """The check itself: a function-level import of one of our modules is reported."""
    module = tmp_path / "stage.py"
    module.write_text(
        "import re\n\n\ndef f():\n    from .extract import announced\n    import rich\n", encoding="utf-8"
    )
    assert _function_imports(module) == [(5, "extract", True), (6, "rich", False)]
