"""Linking on whole pages: threads that do not move when unrelated pages join the archive, and
priorities restated across years on pages written in the shapes of real ones (tests/data/unseen/gl_*,
their gold threads in gl_gold.json)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

UNSEEN = Path(__file__).parent / "data" / "unseen"
REALISTIC = Path(__file__).parent / "data" / "realistic" / "articles"

# Pages about something else: a match report (out of scope), a consular warning, a ministry's
# school-year tasks (a national list of priorities on another subject), a province's festival
# plan (local tasks), and a minister's letter to the missions about their staff's safety.
UNRELATED = [
    UNSEEN / "gl_unrelated_football.txt",
    UNSEEN / "gl_unrelated_citizen_storm.txt",
    UNSEEN / "gl_unrelated_school_year.txt",
    UNSEEN / "gl_unrelated_lantern_festival.txt",
    UNSEEN / "gs_dir_minister_letter.txt",
]


def _threads_of(db: Path, folders: tuple[str, ...]) -> set[frozenset[str]]:
    """The threads of the statements of documents under `folders`, as sets of statement ids."""
    rows = (
        sqlite3.connect(db)
        .execute(
            "SELECT s.id, s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id "
            "WHERE s.thread_id IS NOT NULL" + " AND (" + " OR ".join("d.path LIKE ?" for _ in folders) + ")",
            [f"%{folder}%" for folder in folders],
        )
        .fetchall()
    )
    groups: dict[str, set[str]] = {}
    for statement, thread in rows:
        groups.setdefault(thread, set()).add(statement)
    return {frozenset(group) for group in groups.values()}


@pytest.mark.parametrize(
    "extra", [UNRELATED, UNRELATED[-1:]], ids=["five unrelated pages", "the minister's letter alone"]
)
def test_unrelated_pages_do_not_move_the_seed_and_realistic_threads(tmp_path, extra):
    """A page about something else changes the corpus's word counts a little (a word used in 50
    paragraphs is now in 51): no thread of the seeds or the realistic set may move for it."""
    alone, grown = tmp_path / "alone.db", tmp_path / "grown.db"
    assert run_cli(alone, "ingest", str(SEEDS), str(REALISTIC)).exit_code == 0
    assert run_cli(grown, "ingest", str(SEEDS), str(REALISTIC), *map(str, extra)).exit_code == 0
    folders = (f"/{SEEDS.name}/", f"/{REALISTIC.parent.name}/")
    before = _threads_of(alone, folders)
    assert len(before) > 40
    assert _threads_of(grown, folders) == before
