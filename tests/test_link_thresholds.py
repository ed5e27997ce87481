"""Linking's thresholds, each from both sides (link.py as it stands before its split: the lead
adapts these to the new names on merge; RELINK_GROWTH's test goes when the relink on growth does)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli, write

from ngkt_cli.link import _match_old_ids

# --- a relinked thread keeps its id while the new group holds more than half of its members ----


OLD = {"a": "T0001", "b": "T0001", "c": "T0001", "d": "T0001"}


@pytest.mark.parametrize(
    "members, kept",
    [
        (["a", "b", "c", "x"], True),  # 3 of its 4 members
        (["a", "b", "x", "y"], False),  # 2 of 4: exactly half is not most
        (["a", "x", "y", "z"], False),
    ],
    ids=["three of four", "half", "one of four"],
)
def test_a_relinked_thread_keeps_its_id_only_while_it_keeps_most_of_its_members(members, kept):
    assert _match_old_ids({"group": members}, OLD) == ({"group": "T0001"} if kept else {})


def test_of_two_groups_sharing_a_thread_the_one_with_most_of_it_keeps_the_id():
    old = {**OLD, "e": "T0001"}
    assert _match_old_ids({"small": ["a", "b"], "large": ["c", "d", "e"]}, old) == {"large": "T0001"}


# --- ingest advises a full relink once the corpus has more than doubled (RELINK_GROWTH) ---------


# Dated weeks apart, with lists of their own: no article is another's duplicate.
LISTS = {
    1: "Thứ nhất, mở rộng thị trường xuất khẩu. Thứ hai, thu hút đầu tư công nghệ cao.",
    10: "Thứ nhất, phát triển du lịch biển. Thứ hai, bảo hộ công dân ở nước ngoài.",
    20: "Thứ nhất, cải cách thủ tục lãnh sự. Thứ hai, đào tạo cán bộ đối ngoại trẻ.",
}
ADVICE = "run `ngkt relink`"


def _article(folder: Path, day: int, paragraphs: int) -> str:
    """An article of `paragraphs` paragraphs, the first stating two priorities."""
    body = [f"Ngày {day}/3/2024, Bộ trưởng Bùi Thanh Sơn nêu 2 trọng tâm. {LISTS[day]}"]
    body += [f"Đoạn {n} nói thêm về hợp tác kinh tế với đối tác thứ {n} trong năm." for n in range(2, paragraphs + 1)]
    text = f"Tin ngày {day}/3\n\n" + "\n\n".join(body)
    return str(write(folder / f"{day:02}.txt", text.encode()))


def _paragraphs_at_relink(db: Path) -> int:
    row = sqlite3.connect(db).execute("SELECT value FROM meta WHERE key = 'paragraphs_at_relink'").fetchone()
    return int(row[0])


def test_ingest_advises_a_relink_once_the_corpus_has_more_than_doubled_and_never_relinks_by_itself(tmp_path):
    db = tmp_path / "g.db"
    assert ADVICE not in run_cli(db, "ingest", _article(tmp_path, 1, 10)).output
    assert _paragraphs_at_relink(db) == 10  # the first ingest links everything
    assert ADVICE not in run_cli(db, "ingest", _article(tmp_path, 10, 10)).output  # 20: exactly twice, not more
    grown = run_cli(db, "ingest", _article(tmp_path, 20, 1))
    assert ADVICE in grown.output  # 21 paragraphs: more than twice
    assert "grown from 10 to 21 paragraphs since threads were last rebuilt" in grown.output
    assert _paragraphs_at_relink(db) == 10  # advised, not done behind the user's back
