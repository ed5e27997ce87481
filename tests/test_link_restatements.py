"""A priority the press restates in other words the next year joins its thread; two priorities
that share words stay apart. Measured on tests/data/restatements/links_restatements.json: statements
written for these tests in the shapes of real pages (2020-2026), with the links an analyst makes
(`benchmarks/link_eval.py --restatements` prints the same figure and each miss)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import linkable

from ngkt_cli import similarity as sim
from ngkt_cli.words import canonical, segment

FIXTURE = Path(__file__).parent / "data" / "restatements" / "links_restatements.json"


def _link(statements: list[dict]) -> dict[str, str]:
    """Link the statements in order (year, then as given) over a corpus of their own texts."""
    items, index = linkable(statements)
    counter = iter(range(1, 1000))
    return sim.assign(items, index, lambda: f"T{next(counter)}")


def _checks(path: Path = FIXTURE) -> list[tuple[str, bool]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    thread = _link(data["statements"])
    held = [(g["name"], len({thread[i] for i in g["items"]}) == 1) for g in data["must_link"]]
    return held + [(f"{a} apart from {b}", thread[a] != thread[b]) for a, b in data["must_not_link"]]


@pytest.mark.parametrize(
    "name, total, floor",
    [
        ("links_restatements.json", 19, 19),
        ("links_restatements_2.json", 21, 19),
        ("links_restatements_3.json", 13, 11),
    ],
    ids=["first set", "second set", "third set"],
)
def test_restated_priorities_link_and_different_ones_do_not(name, total, floor):
    """The checks that hold on each set (docs/linking.md has each change's figures; 13, 17 and 10
    before this work, 18, 18 and 11 before threads were ranked by their words and half the
    theme bonus). Still missed on the second and third, items that name exports or new markets joined by the markets theme's bonus,
    a health item without "vaccine", advice said as "đề xuất, kiến nghị chính sách"."""
    held = _checks(FIXTURE.with_name(name))
    missed = [check for check, good in held if not good]
    assert len(held) == total and len(held) - len(missed) >= floor, missed


def test_foreign_investment_is_the_same_words_however_spelt():
    spelt = [canonical(segment(t)) for t in ("thu hút dòng vốn ĐTNN", "thu hút FDI", "thu hút các nhà đầu tư")]
    assert all({"thu_hút", "đầu_tư"} <= set(words) for words in spelt)
    assert {"nước_ngoài"} <= set(spelt[0]) & set(spelt[1])


def test_a_vaccine_is_the_same_word_however_spelt_and_a_matter_of_health():
    spelt = [set(canonical(segment(t))) for t in ("ngoại giao vaccine", "Ngoại giao vắc-xin", "tiếp cận vắc xin")]
    assert all({"vắc_xin", "y_tế"} <= words for words in spelt)


def test_provinces_and_cities_are_localities():
    assert canonical(segment("đồng hành với các tỉnh, thành phố")) == ["hỗ_trợ", "địa_phương"]


@pytest.mark.parametrize(
    "traditional",
    [
        "Làm mới các động lực tăng trưởng truyền thống là đầu tư, xuất khẩu và tiêu dùng",
        "Làm mới các động lực truyền thống",
    ],
)
def test_renewing_the_traditional_growth_drivers_is_not_the_new_drivers(traditional):
    """Both are growth drivers (one theme) and share "động lực", "tăng trưởng": without the
    contrast (data/synonyms_vi.txt) the traditional drivers joined the new drivers' thread."""
    statements = [
        {"id": "new", "year": 2023, "text": "Thúc đẩy các động lực tăng trưởng mới như kinh tế số, kinh tế xanh"},
        {"id": "again", "year": 2025, "text": "Khai mở các động lực mới: chuyển đổi số, chuyển đổi xanh"},
        {"id": "old", "year": 2024, "text": traditional},
    ]
    thread = _link(statements)
    assert thread["new"] == thread["again"] != thread["old"]


def test_a_statement_naming_both_kinds_of_driver_may_join_either():
    statements = [
        {"id": "old", "year": 2023, "text": "Làm mới các động lực tăng trưởng truyền thống"},
        {
            "id": "both",
            "year": 2024,
            "text": "Củng cố các động lực tăng trưởng truyền thống, khai thác các động lực mới",
        },
    ]
    thread = _link(statements)
    assert thread["old"] == thread["both"]


def test_consolidating_is_a_generic_verb():
    """ "củng cố" (consolidate) opens priorities of every topic: a growth-drivers item joined the
    food-security thread on it when it was two rare syllables."""
    statements = [
        {"id": "food", "year": 2017, "text": "Củng cố an ninh lương thực"},
        {"id": "drivers", "year": 2024, "text": "Củng cố các động lực tăng trưởng"},
    ]
    thread = _link(statements)
    assert thread["food"] != thread["drivers"]
