"""Linking on whole pages: threads that do not move when unrelated pages join the archive, and
priorities restated across years on pages written in the shapes of real ones (tests/data/unseen/gl_*,
their gold threads in gl_gold.json)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from ngkt_cli.text import key

UNSEEN = Path(__file__).parent / "data" / "unseen"
REALISTIC = Path(__file__).parent / "data" / "realistic" / "articles"

# Pages about something else: a match report (out of scope), a consular warning, a ministry's
# school-year tasks (a national list of priorities on another subject), a province's festival
# plan (local tasks), a weather warning, a stock-market session, a concert, and a minister's
# letter to the missions about their staff's safety.
UNRELATED = [
    UNSEEN / "gl_unrelated_football.txt",
    UNSEEN / "gl_unrelated_citizen_storm.txt",
    UNSEEN / "gl_unrelated_school_year.txt",
    UNSEEN / "gl_unrelated_lantern_festival.txt",
    UNSEEN / "gl_unrelated_cold_spell.txt",
    UNSEEN / "gl_unrelated_stock_session.txt",
    UNSEEN / "gl_unrelated_concert.txt",
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


# Two pages about other matters in the words linking reads (tests/data/link_unrelated): a
# province's road-safety campaign ("phối hợp chặt chẽ", "đổi mới phương thức", "nâng cao năng
# lực") and a city's retail report ("đa dạng hóa sản phẩm", "mở rộng", "chuỗi cung ứng",
# "thị trường trong nước"): they move the counts of the very words the seeds' links hang on.
SAME_WORDS = sorted((Path(__file__).parent / "data" / "link_unrelated").glob("*.txt"))


@pytest.mark.parametrize(
    "extra, separately",
    [
        (UNRELATED, False),
        (UNRELATED[-1:], False),
        (UNRELATED[3:4], False),
        (UNRELATED + SAME_WORDS, False),
        (SAME_WORDS, True),
    ],
    ids=[
        "eight unrelated pages",
        "the minister's letter alone",
        "the festival plan alone",
        "ten unrelated pages, two in the words of linking",
        "the two in the words of linking, in a run before",
    ],
)
def test_unrelated_pages_do_not_move_the_seed_and_realistic_threads(tmp_path, extra, separately):
    """A page about something else changes the corpus's word counts a little (a word used in 50
    paragraphs is now in 51): no thread of the seeds or the realistic set may move for it,
    whether it comes in the same run or in a run before them."""
    alone, grown = tmp_path / "alone.db", tmp_path / "grown.db"
    assert run_cli(alone, "ingest", str(SEEDS), str(REALISTIC)).exit_code == 0
    if separately:
        assert run_cli(grown, "ingest", *map(str, extra)).exit_code == 0
        assert run_cli(grown, "ingest", str(SEEDS), str(REALISTIC)).exit_code == 0
    else:
        assert run_cli(grown, "ingest", str(SEEDS), str(REALISTIC), *map(str, extra)).exit_code == 0
    folders = (f"/{SEEDS.name}/", f"/{REALISTIC.parent.name}/")
    before = _threads_of(alone, folders)
    assert len(before) > 40
    assert _threads_of(grown, folders) == before


# --- priorities restated across years, on pages in the shapes of real ones ---------------------

GL_GOLD = json.loads((Path(__file__).parent / "data" / "gl_gold.json").read_text(encoding="utf-8"))
GL_PAGES = sorted(UNSEEN.glob("gl_20*.txt"))
# A second set, written after this linking's changes and measured once (tests/data/gl_set2): kept
# out of tests/data/unseen, whose every page the two-topics test ingests (with these four pages
# there the unseen markets wordings split over three threads: docs/linking.md).
GL_SET2 = Path(__file__).parent / "data" / "gl_set2"


def _statement_threads(db: Path) -> list[tuple[str, str, str | None]]:
    return (
        sqlite3.connect(db)
        .execute("SELECT d.path, s.text, s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id")
        .fetchall()
    )


def _thread_of(rows: list[tuple[str, str, str | None]], ref: list[str]) -> str:
    """The thread of the one statement of file ref[0] whose text holds the anchor ref[1]."""
    name, anchor = ref
    found = [t for path, text, t in rows if Path(path).name == name and key(anchor) in key(text)]
    assert len(found) == 1 and found[0], ref
    return found[0]


def _held(db: Path, gold: dict = GL_GOLD) -> tuple[list[str], list[str]]:
    """The gold checks that hold and those that fail, by name."""
    rows = _statement_threads(db)
    held, failed = [], []
    for group in gold["must_link"]:
        together = len({_thread_of(rows, ref) for ref in group["items"]}) == 1
        (held if together else failed).append(group["name"])
    for first, second in gold["must_not_link"]:
        apart = _thread_of(rows, first) != _thread_of(rows, second)
        (held if apart else failed).append(f"{first[1]} / {second[1]}")
    return held, failed


# Measured 2026-12-02 (gen-links2): 13 of 18 on the pages alone, 14 of 18 among the seeds and the
# realistic set; the misses are items on two topics (a task that coordinates and serves
# localities) and a restatement in other words ("đưa quan hệ ... đi vào chiều sâu" / "làm sâu sắc").
# Session 10 (link-drift): 14 and 15, once a thread opening on coordination and on support to
# businesses is two threads (`split_mixed`).
GL_FLOORS = {"alone": 14, "with the seeds and the realistic set": 15}


@pytest.mark.parametrize("corpus", sorted(GL_FLOORS))
def test_priorities_restated_across_years_share_threads(tmp_path, corpus):
    db = tmp_path / "gl.db"
    others = [] if corpus == "alone" else [str(SEEDS), str(REALISTIC)]
    assert run_cli(db, "ingest", *others, *map(str, GL_PAGES)).exit_code == 0
    held, failed = _held(db)
    assert len(held) >= GL_FLOORS[corpus], failed


def test_verbs_of_procedure_never_join_two_priorities(tmp_path):
    """Two priorities that share only the verb every directive opens with ("triển khai",
    "thúc đẩy") are two threads: "quyết liệt triển khai các cam kết" (turning agreements into
    projects) and "triển khai hiệu quả Chỉ thị 15" (the directive on economic diplomacy);
    "thúc đẩy việc dạy và học tiếng Việt" and "thúc đẩy hợp tác kinh tế"."""
    db = tmp_path / "gl.db"
    assert run_cli(db, "ingest", *map(str, GL_PAGES)).exit_code == 0
    rows = _statement_threads(db)
    teaching, cooperation = GL_GOLD["must_not_link"][0]
    projects, directive = GL_GOLD["must_not_link"][2]
    for first, second in ((teaching, cooperation), (projects, directive)):
        assert _thread_of(rows, first) != _thread_of(rows, second), (first, second)


# Measured once, 2026-12-02: 11 of 13 alone (11 before this branch's linking changes), 9 of 13 among
# the seeds and the realistic set (8 before).
GL_SET2_FLOORS = {"alone": 11, "with the seeds and the realistic set": 9}


@pytest.mark.parametrize("corpus", sorted(GL_SET2_FLOORS))
def test_a_second_set_of_pages_written_after_the_changes(tmp_path, corpus):
    db = tmp_path / "gl2.db"
    others = [] if corpus == "alone" else [str(SEEDS), str(REALISTIC)]
    assert run_cli(db, "ingest", *others, *map(str, sorted(GL_SET2.glob("gl_b20*.txt")))).exit_code == 0
    gold = json.loads((GL_SET2 / "gl_gold.json").read_text(encoding="utf-8"))
    held, failed = _held(db, gold)
    assert len(held) >= GL_SET2_FLOORS[corpus], failed
