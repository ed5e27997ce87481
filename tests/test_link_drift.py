"""A priority reworded across years stays one thread, and a near neighbour that shares its words
stays apart, on statements never used to tune the linker: tests/data/link_drift11/links_drift.json
restates each priority of the realistic set's and gl_gold's threads the way later years reword
it (a synonym, a purpose clause added, a directive's wording against a list item's, another
priority glued on by "gắn với" / "đồng thời") and sets near neighbours beside them (markets /
partners, attracting foreign investment / investing abroad, coordinating the bodies / supporting
firms). Linked as a relink links (assign, settle, split and merge) over a corpus of its own
statements; `benchmarks/link_eval.py --restatements` prints the same figure and each miss."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import link_checks, relinked

from ngkt_cli import similarity as sim
from ngkt_cli.text import key
from ngkt_cli.themes import code_positions, load_codebook

FIXTURE = Path(__file__).parent / "data" / "link_drift11" / "links_drift.json"


def test_a_priority_reworded_across_years_is_one_thread_and_its_neighbours_are_not():
    """15 groups and 15 pairs: 24 held before session 11's changes, 26 with "đầu tư ra nước
    ngoài" a word and the set phrases of procedure generic, 27 with "thị trường mới" the markets
    theme, 28 with "kêu gọi ... đầu tư" the investment theme (docs/linking.md has each change's
    figures). The floor is just under what holds now."""
    held = link_checks(FIXTURE)
    missed = [check for check, good in held if not good]
    assert len(held) == 30 and len(held) - len(missed) >= 27, missed


def test_a_second_set_of_variants_written_after_the_first_sets_changes():
    """links_drift_2.json: written after the first set's changes and measured by its count only,
    never by its misses (13 groups and 11 pairs: 17 held at the start of session 11 and after the
    first set's changes). The floor is just under what holds now."""
    held = link_checks(FIXTURE.with_name("links_drift_2.json"))
    missed = [check for check, good in held if not good]
    assert len(held) == 24 and len(held) - len(missed) >= 16, missed


def test_investing_abroad_is_not_attracting_foreign_investment():
    """Both say "đầu tư" and "nước ngoài": read as those two words, Vietnamese firms investing
    abroad joined the thread of foreign direct investment."""
    thread = relinked(
        [
            {"id": "fdi", "year": 2024, "text": "Thu hút đầu tư nước ngoài chất lượng cao, có chọn lọc"},
            {"id": "fdi again", "year": 2025, "text": "Thu hút có chọn lọc dòng vốn FDI vào công nghệ cao"},
            {"id": "abroad", "year": 2026, "text": "Hỗ trợ các tập đoàn Việt Nam mở rộng đầu tư ra nước ngoài"},
        ]
    )
    assert thread["fdi"] == thread["fdi again"] != thread["abroad"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Đạt được các chỉ tiêu đã đề ra", "Đạt được mục tiêu đề ra về thu hút đầu tư"),
        (
            "Như Đại hội lần thứ XIII đã chỉ ra, đạt được mục tiêu đề ra về xuất khẩu",
            "Như Hội nghị lần thứ tám đã chỉ ra, đạt được mục tiêu đề ra về thu hút đầu tư",
        ),
    ],
)
def test_set_phrases_of_procedure_name_no_priority(first, second):
    """ "mục tiêu đề ra", "như Đại hội đã chỉ ra", "lần thứ", "đạt được": each syllable, unlisted,
    was a rare word of its own, and two priorities that shared only them were one thread (seed
    002's "thể chế hóa đường lối đối ngoại ... đã chỉ ra để đạt được mục tiêu đề ra" weighed
    "đề" and "chỉ" above "đường lối")."""
    thread = relinked([{"id": "a", "year": 2023, "text": first}, {"id": "b", "year": 2024, "text": second}])
    assert thread["a"] != thread["b"]


def test_new_markets_are_the_export_markets_priority():
    """ "tìm kiếm, khai mở thị trường mới" names no export, no FTA, no diversifying: without the
    markets theme it shares one word ("thị trường") with the markets thread and started its own."""
    thread = relinked(
        [
            {"id": "markets", "year": 2021, "text": "Mở rộng, đa dạng hóa thị trường xuất khẩu, tận dụng các FTA"},
            {"id": "again", "year": 2022, "text": "Đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng"},
            {
                "id": "new markets",
                "year": 2023,
                "text": "Các cơ quan đại diện tích cực tìm kiếm, khai mở thị trường mới, giảm phụ thuộc vào một vài thị trường quen thuộc",
            },
        ]
    )
    assert thread["markets"] == thread["again"] == thread["new markets"]


def test_calling_for_investment_is_attracting_it():
    """ "kêu gọi các dự án đầu tư" is how a directive says "thu hút đầu tư": without the
    investment theme it shared one word with the investment thread and started its own."""
    thread = relinked(
        [
            {
                "id": "calls",
                "year": 2019,
                "text": "Nắm bắt xu hướng dịch chuyển dòng vốn, kêu gọi các dự án đầu tư vào Việt Nam",
            },
            {"id": "attract", "year": 2021, "text": "Thu hút có chọn lọc vốn đầu tư trực tiếp nước ngoài vào hạ tầng"},
            {"id": "again", "year": 2024, "text": "Đẩy mạnh thu hút FDI chất lượng cao, gắn với chuyển giao công nghệ"},
        ]
    )
    assert thread["calls"] == thread["attract"] == thread["again"]


def test_a_statement_settled_before_another_left_its_thread_follows_it():
    """Settling visits statements in order: the long item (the line, then peace) stayed in the
    thread that held "kiên định đường lối đối ngoại ..." when it was visited; that statement
    then left for the line's thread, and the long item was left with the peace wordings (seed
    001's first priority with every unseen page). The statements of a thread someone left are
    scored once more."""
    texts = {
        "long": "Triển khai nhất quán đường lối đối ngoại độc lập, tự chủ, đa dạng hóa; giữ vững môi trường hòa bình",
        "line": "Kiên định đường lối đối ngoại độc lập, tự chủ, đa dạng hóa",
        "peace": "Giữ vững môi trường hòa bình, ổn định để phát triển đất nước",
        "peace again": "Củng cố môi trường hòa bình, hợp tác với các nước láng giềng",
        "party line": "Thể chế hóa đường lối đối ngoại của Đảng",
        "party line again": "Quán triệt sâu sắc đường lối đối ngoại của Đảng, độc lập, tự chủ",
    }
    df: Counter[str] = Counter()
    for text in texts.values():
        df.update(sim.paragraph_terms(text))
    codebook = load_codebook()
    items = []
    for name, text in texts.items():
        themes = tuple(t for t, _ in code_positions(text, codebook))
        items.append(sim.Item(name, "priority", None, text, key(text), themes[0] if themes else None, themes))
    index = sim.ThreadIndex(sim.Idf(dict(df), len(texts)))
    for item in items:  # as `assign` left them: the line's first wordings with the peace ones
        index.add(item, "X" if item.id in ("long", "line", "peace", "peace again") else "Y")
    thread = sim.settle(items, index)
    assert thread["long"] == thread["line"] == thread["party line"] != thread["peace"]
