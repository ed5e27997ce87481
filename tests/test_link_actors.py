"""Whose priority a statement is, read from the shapes provinces' and cities' pages take: a city
written "TP.HCM", a Party committee or a department issuing the plan, a lead that sets out the
province's tasks. And the national shapes next to them that name a local body without its asking."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.actors import actor_level

TASK = "Thu hút đầu tư nước ngoài có chọn lọc"


@pytest.mark.parametrize(
    "lead",
    [
        "Ngày 5/3, UBND TP.HCM ban hành kế hoạch đối ngoại năm 2025",
        "Ban Thường vụ Tỉnh ủy Quảng Ninh ban hành Kế hoạch thực hiện Chỉ thị 15",
        "Sở Ngoại vụ tỉnh Bình Dương cho biết, năm 2025 tỉnh tập trung các nhiệm vụ sau",
        "Kế hoạch của UBND tỉnh Kon Tum nêu 7 nhiệm vụ cụ thể",
        "Tỉnh Bình Dương đặt mục tiêu năm 2025 tập trung vào ba nhóm nhiệm vụ",
    ],
    ids=["city as TP.HCM", "provincial Party committee", "department reports", "plan sets out", "aims"],
)
def test_a_lead_in_which_a_local_body_sets_the_tasks_makes_them_local(lead):
    assert actor_level(None, TASK, None, lead) == "local"


@pytest.mark.parametrize(
    "lead",
    [
        "Hội nghị có sự tham dự của đại diện UBND các tỉnh, thành phố, Thủ tướng nhấn mạnh các nhiệm vụ",
        "Bộ trưởng Bùi Thanh Sơn làm việc với lãnh đạo UBND tỉnh Quảng Ninh, đề nghị tỉnh phát huy lợi thế",
        "Thủ tướng chủ trì hội nghị trực tuyến với UBND các tỉnh, thành phố. Thủ tướng yêu cầu các bộ",
        "Thủ tướng chủ trì hội nghị; Chủ tịch UBND tỉnh dự tại điểm cầu",
    ],
    ids=["leader asks after the provinces", "minister visits a province", "next sentence", "attends"],
)
def test_a_national_lead_that_names_local_bodies_stays_national(lead):
    assert actor_level(None, TASK, None, lead) == "national"


@pytest.mark.parametrize(
    "text, level",
    [
        ("TP.HCM tiếp tục thu hút đầu tư nước ngoài có chọn lọc", "local"),
        ("Hà Nội sẽ tập trung thu hút đầu tư công nghệ cao", "local"),
        ("Đà Nẵng ưu tiên thu hút các dự án công nghệ cao", "local"),
        ("Hội nghị tại Hà Nội, Thủ tướng yêu cầu thu hút đầu tư công nghệ cao", "national"),
    ],
)
def test_a_city_that_opens_its_own_task_is_local(text, level):
    assert actor_level(None, text) == level


def test_a_province_that_sets_out_its_tasks_in_the_lead_in_is_local():
    assert actor_level(None, TASK, "Năm 2025, tỉnh Nghệ An đặt ra 5 nhiệm vụ trọng tâm:") == "local"
    assert actor_level(None, TASK, "Năm 2025, Bộ Ngoại giao đặt ra 5 nhiệm vụ trọng tâm:") == "national"


def test_an_older_database_upgrades_to_this_linking_once_and_says_so(tmp_path):
    """A database made before the synonyms and these actor rules (user_version one step
    behind): its next ingest counts the words again, works every actor level out again with the
    rules of this version and rebuilds the threads once, keeping their ids; the next one does not."""
    import sqlite3

    from conftest import SEEDS, run_cli

    from ngkt_cli import migrations

    seeds = sorted(SEEDS.glob("*.txt"))
    db = tmp_path / "old.db"
    assert run_cli(db, "ingest", str(seeds[0]), str(seeds[1])).exit_code == 0
    conn = sqlite3.connect(db, isolation_level=None)
    before = dict(conn.execute("SELECT id, thread_id FROM statements WHERE thread_id IS NOT NULL"))
    conn.execute("UPDATE statements SET actor_level = 'foreign'")  # as an older rule might have read them
    # as ngkt left it before migration 22 (and 23, whose index it had not yet)
    conn.execute("DROP INDEX statements_wording_thread")
    conn.execute("CREATE INDEX statements_wording ON statements(text_key)")
    conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._022_synonyms_and_local_pages)}")
    conn.close()
    # a page about something else: the rebuild alone may not move a thread (a related page may)
    upgraded = run_cli(db, "ingest", str(Path(__file__).parent / "data" / "unseen" / "gl_unrelated_school_year.txt"))
    assert upgraded.exit_code == 0 and "rebuilt every thread once for this version's linking" in upgraded.output
    conn = sqlite3.connect(db)
    after = dict(conn.execute("SELECT id, thread_id FROM statements WHERE thread_id IS NOT NULL"))
    assert {s: t for s, t in after.items() if s in before} == before  # same members, same ids
    assert conn.execute("SELECT count(*) FROM statements WHERE actor_level = 'foreign'").fetchone() == (0,)
    assert "rebuilt every thread" not in run_cli(db, "ingest", str(seeds[3])).output  # said once
