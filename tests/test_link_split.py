"""A thread whose wordings open on two themes is two priorities: `similarity.split_mixed` gives
the members of the second theme a thread of their own (docs/linking.md, 9c.)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from ngkt_cli.similarity import MIN_SIDE, Idf, Item, ThreadIndex, split_mixed

UNSEEN = Path(__file__).parent / "data" / "unseen"
MIXED_FORMS = Path(__file__).parent / "data" / "mixed_forms"

COORDINATION = [
    "phối hợp chặt chẽ giữa các bộ và địa phương",
    "phối hợp nhịp nhàng giữa các cơ quan trong nước",
    "hoàn thiện quy chế phối hợp của Ban Chỉ đạo",
    "phối hợp với các cơ quan đại diện ở nước ngoài",
]
SUPPORT = [
    "hỗ trợ doanh nghiệp tìm kiếm đối tác",
    "đồng hành cùng doanh nghiệp nhỏ và vừa",
    "hỗ trợ doanh nghiệp tháo gỡ vướng mắc",
]


def _thread(support: int, support_speaks_of_coordination: int = 0) -> tuple[list[Item], ThreadIndex]:
    """One thread: the coordination wordings and `support` wordings that open on support, the
    first `support_speaks_of_coordination` of which speak of coordination too."""
    items = [
        Item(f"c{n}/L1.1", "priority", f"c{n}/L1", text, text, "coordination", ("coordination",))
        for n, text in enumerate(COORDINATION)
    ]
    for n, text in enumerate(SUPPORT[:support]):
        both = n < support_speaks_of_coordination
        themes = ("localities_business", "coordination") if both else ("localities_business",)
        items.append(Item(f"s{n}/L1.1", "priority", f"s{n}/L1", text, text, "localities_business", themes))
    index = ThreadIndex(Idf({}, 100))
    for item in items:
        index.add(item, "T1")
    return items, index


@pytest.mark.parametrize(
    "support, split",
    [(MIN_SIDE, True), (MIN_SIDE - 1, False)],
    ids=["three wordings open on the second theme", "two"],
)
def test_a_thread_opening_on_two_themes_splits_when_each_has_three_wordings(support, split):
    items, index = _thread(support)
    threads = split_mixed(items, index, lambda: "T2")
    moved = {item.id for item in items if threads[item.id] == "T2"}
    assert moved == ({f"s{n}/L1.1" for n in range(support)} if split else set())
    assert {threads[item.id] for item in items if item.id.startswith("c")} == {"T1"}


def test_a_member_speaking_of_both_themes_stays_and_may_leave_too_few_to_split():
    items, index = _thread(MIN_SIDE, support_speaks_of_coordination=1)
    threads = split_mixed(items, index, lambda: "T2")
    assert set(threads.values()) == {"T1"}  # two would leave: too few to be a priority of their own


def _thread_of(conn: sqlite3.Connection, start: str) -> str:
    [(thread,)] = conn.execute(
        "SELECT DISTINCT s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id"
        " WHERE d.duplicate_of IS NULL AND s.text LIKE ?",
        [start + "%"],
    ).fetchall()
    return thread


def test_coordination_and_support_to_businesses_are_two_threads_after_ingest_and_relink(tmp_path):
    """The seeds with pages of 2019-2027: a thread opened by coordination that took the support
    wordings one by one is two threads, and a relink gives the same threads as the ingest."""
    db = tmp_path / "s.db"
    pages = sorted(UNSEEN.glob("gl_20*.txt"))
    assert run_cli(db, "ingest", str(SEEDS), *map(str, pages), str(MIXED_FORMS)).exit_code == 0
    conn = sqlite3.connect(db)
    coordination = _thread_of(conn, "cần phối hợp chặt chẽ với các cơ quan đại diện trong triển khai")
    assert _thread_of(conn, "Phối hợp chặt chẽ, hiệu quả giữa các ngành") == coordination
    support = _thread_of(conn, "đồng hành cùng địa phương, doanh nghiệp, giúp doanh nghiệp kết nối")
    assert _thread_of(conn, "Hỗ trợ doanh nghiệp, địa phương thúc đẩy quan hệ") == support != coordination
    before = dict(conn.execute("SELECT id, thread_id FROM statements").fetchall())
    conn.close()
    assert run_cli(db, "relink").exit_code == 0
    assert dict(sqlite3.connect(db).execute("SELECT id, thread_id FROM statements").fetchall()) == before
