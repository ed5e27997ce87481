"""The year views keep to one kind of actor when asked (`--level`): a city's economic-diplomacy
plan is in scope, but an analyst of the nation's priorities reads the nation's alone, and every
view says what it left out and the option that counts it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

# A city's plan for 2024, in scope (its own economic diplomacy), whose tasks are the city's.
CITY_PLAN = """Đà Nẵng đẩy mạnh ngoại giao kinh tế năm 2024

Ngày 15/1/2024, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị triển khai công tác ngoại giao kinh tế năm 2024. Chủ tịch UBND thành phố yêu cầu các sở, ngành tập trung vào ba nhiệm vụ trọng tâm:

1. Tổ chức đoàn xúc tiến đầu tư của thành phố tại Hàn Quốc và Nhật Bản.

2. Kết nối doanh nghiệp địa phương với các cơ quan đại diện Việt Nam ở nước ngoài.

3. Quảng bá sản phẩm du lịch của thành phố tới các đối tác quốc tế.
"""
# The same city's plan for the next year.
CITY_PLAN_NEXT = """Đà Nẵng: ngoại giao kinh tế phục vụ phát triển thành phố năm 2025

Ngày 20/1/2025, Chủ tịch UBND thành phố Đà Nẵng yêu cầu các sở, ngành trong năm 2025 tập trung hai nhiệm vụ:

1. Thu hút các dự án công nghệ cao vào khu công nghệ cao của thành phố.

2. Mở đường bay thẳng tới các thị trường du lịch trọng điểm.
"""
CITY_TASKS = {
    "Tổ chức đoàn xúc tiến đầu tư của thành phố tại Hàn Quốc và Nhật Bản",
    "Kết nối doanh nghiệp địa phương với các cơ quan đại diện Việt Nam ở nước ngoài",
    "Quảng bá sản phẩm du lịch của thành phố tới các đối tác quốc tế",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("levels")
    (folder / "city.txt").write_text(CITY_PLAN, encoding="utf-8")
    (folder / "city_next.txt").write_text(CITY_PLAN_NEXT, encoding="utf-8")
    db = folder / "x.db"
    assert run_cli(db, "ingest", str(SEEDS), str(folder / "city.txt"), str(folder / "city_next.txt")).exit_code == 0
    return db


def _texts(db, *args: str) -> set[str]:
    return {row["text"] for row in json.loads(run_cli(db, "priorities", *args, "--format", "json").stdout)}


def test_every_actor_counts_unless_one_is_asked_for(db):
    everyone = _texts(db, "--year", "2024")
    assert CITY_TASKS < everyone
    assert _texts(db, "--year", "2024", "--level", "local") == CITY_TASKS
    assert _texts(db, "--year", "2024", "--level", "national") == everyone - CITY_TASKS
    rows = json.loads(run_cli(db, "priorities", "--year", "2024", "--format", "json").stdout)
    assert {row["actor_level"] for row in rows if row["text"] in CITY_TASKS} == {"local"}


def test_the_national_diff_leaves_the_city_out_and_says_how_many_and_how_to_count_them(db):
    result = run_cli(db, "diff", "2023", "2024", "--level", "national", "--format", "json")
    data = json.loads(result.stdout)
    cited = {s["text"] for c in data["new"] + data["persisting"] for s in c["before"] + c["after"]}
    assert not cited & CITY_TASKS
    assert data["left_out"]["other_actors"] == {"from": 0, "to": 3}
    assert data["level"] == "national"
    plain = run_cli(db, "diff", "2023", "2024", "--level", "national").stdout
    assert "left out: 3 local or foreign statements of 2024 (--level all counts them)" in plain.splitlines()[0]
    everyone = json.loads(run_cli(db, "diff", "2023", "2024", "--format", "json").stdout)
    assert CITY_TASKS <= {s["text"] for c in everyone["new"] for s in c["after"]}
    assert everyone["left_out"]["other_actors"] == {"from": 0, "to": 0} and everyone["level"] is None
    # every level counted: the city's tasks are cited as the city's
    levels = {s["text"]: s["actor_level"] for c in everyone["new"] for s in c["after"]}
    assert {levels[text] for text in CITY_TASKS} == {"local"} and set(levels.values()) == {"local", "national"}
    cited = [line for line in run_cli(db, "diff", "2023", "2024").stdout.splitlines() if "d37fbcdd7abc/" in line]
    assert len(cited) == 3 and all("Chủ tịch UBND thành phố (local) [" in line for line in cited)


def test_a_year_only_other_actors_state_is_named_with_the_option_that_counts_it(db):
    result = run_cli(db, "diff", "2023", "2024", "--level", "local")
    assert result.exit_code == 1
    assert result.stderr == (
        "ngkt: error: no priority statements for 2023 (by target year); years with some: 2024, 2025 "
        "(2023 only national or foreign statements; --level all counts them)\n"
    )
    titled = run_cli(db, "diff", "2024", "2025", "--level", "local").stdout.splitlines()[0]
    assert titled.startswith("Priority statements 2024 → 2025 (local actors) (by target year): 3 in 2024 (1 article)")


def test_threads_timeline_and_themes_keep_to_the_level(db):
    local = json.loads(run_cli(db, "threads", "--level", "local", "--format", "json").stdout)
    assert sum(len(t["statement_ids"]) for t in local) == 5
    assert {year for t in local for year in t["years"]} == {2024, 2025}
    national = json.loads(run_cli(db, "threads", "--level", "national", "--format", "json").stdout)
    assert not {t["id"] for t in local} & {t["id"] for t in national}
    timeline = json.loads(run_cli(db, "timeline", "--level", "local", "--format", "json").stdout)
    assert {row["thread_id"] for row in timeline["threads"]} == {t["id"] for t in local}
    shares = json.loads(run_cli(db, "themes", "--level", "local", "--format", "json").stdout)
    assert {(row["year"], row["statements"]) for row in shares} == {(2024, 3), (2025, 2)}


def test_the_report_keeps_to_the_level_it_is_given(db, tmp_path):
    assert run_cli(db, "report", "--out", str(tmp_path / "r"), "--level", "national").exit_code == 0
    diff = json.loads((tmp_path / "r" / "diff-2023-2024.json").read_text(encoding="utf-8"))
    assert diff["left_out"]["other_actors"] == {"from": 0, "to": 3}
    assert "3 local or foreign statements of 2024" in (tmp_path / "r" / "diff-2023-2024.md").read_text(encoding="utf-8")


def test_an_unknown_level_is_a_usage_error(db):
    result = run_cli(db, "priorities", "--level", "provincial")
    assert result.exit_code == 2 and "provincial" in result.stderr


def test_a_database_from_before_the_levels_in_the_views_upgrades_and_filters(tmp_path):
    """tests/data/schema13_one_seed.db was built before `statements_with_source` had the level:
    its statements, never given one, count as the nation's."""
    db = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema13_one_seed.db", db)
    national = json.loads(run_cli(db, "priorities", "--level", "national", "--format", "json").stdout)
    assert len(national) == 6 and {row["actor_level"] for row in national} == {"national"}
    assert run_cli(db, "priorities", "--level", "local", "--format", "json").stdout.strip() == "[]"
    with sqlite3.connect(db) as conn:
        assert "actor_level" in {row[1] for row in conn.execute("PRAGMA table_info(statements_with_source)")}
