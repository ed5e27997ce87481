"""A thread whose wordings open on two themes is two priorities: `similarity.split_mixed` gives
the members of the second theme a thread of their own; and one priority in two threads is one
thread: `similarity.merge_restated` (docs/linking.md, 9c. and 9d.)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from ngkt_cli.similarity import MAX_MERGED_WORDINGS, MIN_SIDE, Idf, Item, ThreadIndex, merge_restated, split_mixed

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
assert len(SUPPORT) == MIN_SIDE + 1


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
    ids=["two wordings open on the second theme", "one"],
)
def test_a_thread_opening_on_two_themes_splits_when_each_has_two_wordings(support, split):
    items, index = _thread(support)
    threads = split_mixed(items, index, lambda: "T2")
    moved = {item.id for item in items if threads[item.id] == "T2"}
    assert moved == ({f"s{n}/L1.1" for n in range(support)} if split else set())
    assert {threads[item.id] for item in items if item.id.startswith("c")} == {"T1"}


def test_a_member_speaking_of_both_themes_stays_and_may_leave_too_few_to_split():
    items, index = _thread(MIN_SIDE, support_speaks_of_coordination=1)
    threads = split_mixed(items, index, lambda: "T2")
    assert set(threads.values()) == {"T1"}  # one would leave: too few to be a priority of their own


@pytest.mark.parametrize("leaving, split", [(2, True), (1, False)], ids=["a third of the wordings", "a sixth"])
def test_the_wordings_that_leave_are_a_quarter_of_the_thread_or_more(leaving, split):
    """Four coordination wordings, two support wordings of which `leaving` speak only of support."""
    items, index = _thread(MIN_SIDE, support_speaks_of_coordination=MIN_SIDE - leaving)
    for n in range(2):  # two more coordination wordings: six in all
        text = f"phối hợp liên ngành lần thứ {n + 5}"
        extra = Item(f"x{n}/L1.1", "priority", f"x{n}/L1", text, text, "coordination", ("coordination",))
        items.append(extra)
        index.add(extra, "T1")
    threads = split_mixed(items, index, lambda: "T2")
    assert ("T2" in threads.values()) == split


# --- one priority in two threads ---------------------------------------------------------------


def _two_threads(first: list[str], second: list[str]) -> tuple[list[Item], ThreadIndex]:
    items, index = [], ThreadIndex(Idf({}, 100))
    for thread, texts in (("A", first), ("B", second)):
        for text in texts:
            n = len(items)
            item = Item(f"d{n}/L1.1", "priority", f"d{n}/L1", text, text, "markets_fta", ("markets_fta",))
            items.append(item)
            index.add(item, thread)
    return items, index


MARKETS = [
    "mở rộng và đa dạng hóa thị trường xuất khẩu sang Trung Đông",
    "đa dạng hóa thị trường xuất khẩu, khai thác các hiệp định thương mại tự do",
    "mở rộng thị trường xuất khẩu sang châu Phi",
    "mở rộng thị trường xuất khẩu sang Mỹ Latinh",
]
MARKETS_AGAIN = [
    "đa dạng hóa thị trường xuất khẩu và sản phẩm",
    "đa dạng hóa thị trường xuất khẩu, giảm phụ thuộc vào một thị trường",
    "đa dạng hóa thị trường xuất khẩu nông sản",
    "đa dạng hóa thị trường xuất khẩu thủy sản",
]


@pytest.mark.parametrize(
    "wordings, merged",
    [(MAX_MERGED_WORDINGS, True), (MAX_MERGED_WORDINGS + 1, False)],
    ids=["three wordings", "four"],
)
def test_a_small_thread_that_restates_another_joins_it(wordings, merged):
    items, index = _two_threads(MARKETS, MARKETS_AGAIN[:wordings])
    merge_restated(items, index)
    assert ({index.thread_of[item.id] for item in items} == {"A"}) == merged


def test_a_thread_with_a_wording_that_does_not_restate_the_other_stays_apart():
    items, index = _two_threads(MARKETS, [MARKETS_AGAIN[0], "hoàn thiện quy chế phối hợp của Ban Chỉ đạo"])
    merge_restated(items, index)
    assert {index.thread_of[item.id] for item in items} == {"A", "B"}


def test_diversifying_markets_is_one_thread_from_2020_to_2027_and_persists_in_the_diff(tmp_path):
    db = tmp_path / "m.db"
    pages = sorted(UNSEEN.glob("gl_20*.txt"))
    assert run_cli(db, "ingest", str(SEEDS), *map(str, pages), str(MIXED_FORMS)).exit_code == 0
    conn = sqlite3.connect(db)
    markets = _thread_of(conn, "mở rộng, đa dạng hóa thị trường xuất khẩu, nhất là Trung Đông")
    assert _thread_of(conn, "đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng") == markets
    assert _thread_of(conn, "Đa dạng hóa thị trường, đa dạng sản phẩm") == markets
    diff = json.loads(run_cli(db, "diff", "2025", "2027", "-f", "json").stdout)
    assert markets in {row["thread_id"] for row in diff["persisting"]}
    assert markets not in {row["thread_id"] for side in ("new", "dropped") for row in diff[side]}


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


def test_support_to_find_partners_settles_in_the_support_thread_once_it_splits_off(tmp_path):
    """ "hỗ trợ thực chất doanh nghiệp và địa phương tìm kiếm đối tác" (2027) settled among the
    partners wordings (it shares "đối tác", "thực chất") while the support wordings were still
    in the coordination thread; split off after settling, they were a thread it never saw. The
    statements that open on the theme that split off settle once more."""
    db = tmp_path / "p.db"
    pages = sorted(UNSEEN.glob("gl_20*.txt"))
    assert run_cli(db, "ingest", str(SEEDS), *map(str, pages), str(MIXED_FORMS)).exit_code == 0
    conn = sqlite3.connect(db)
    support = _thread_of(conn, "đồng hành cùng địa phương, doanh nghiệp, giúp doanh nghiệp kết nối")
    partners = _thread_of(conn, "đưa quan hệ kinh tế với các đối tác đi vào chiều sâu")
    assert _thread_of(conn, "hỗ trợ thực chất doanh nghiệp và địa phương tìm kiếm đối tác") == support != partners
