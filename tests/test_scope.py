"""Scope: off-topic pages are stored and searchable but kept out of every year view; what each
year of a diff rests on; which dates to doubt."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import database_at_version, run_cli
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli import scope
from ngkt_cli.errors import UsageError

# ---------------------------------------------------------------------------------------------
# The rule, on small articles written for the test (title, paragraphs)

OUT_OF_SCOPE = {
    "provincial statistics": (
        None,
        [
            "1. Kết quả 9 tháng",
            "Theo Cục Thống kê tỉnh, GRDP 9 tháng ước tăng 7,1% so với cùng kỳ; chỉ số sản xuất công nghiệp tăng 9%.",
            "Toàn tỉnh gieo cấy vụ Hè Thu đạt 98% kế hoạch; tổng mức bán lẻ hàng hóa cao hơn cùng kỳ 15%.",
        ],
    ),
    "a city's tasks worded like economic diplomacy": (
        "Thành phố đặt mục tiêu tăng trưởng cao",
        [
            "UBND thành phố yêu cầu các sở, ban, ngành và UBND các xã, phường thúc đẩy các động lực tăng trưởng, "
            "đẩy mạnh thu hút đầu tư và mở rộng thị trường cho sản phẩm địa phương.",
            "Sở Tài chính chủ trì, phối hợp với cơ quan Thống kê thành phố bảo đảm GRDP tăng trên 8%.",
            "Sở Công Thương tổ chức xúc tiến thương mại, kết nối cung cầu, kích cầu tiêu dùng trên địa bàn.",
        ],
    ),
    "football, with an ASEAN cup": (
        "Đội tuyển Việt Nam thắng ngược ở ASEAN Cup",
        [
            "Tối qua, đội tuyển Việt Nam giành chiến thắng 2-1 nhờ bàn thắng ở phút cuối của trận đấu.",
            "Huấn luyện viên cho biết các cầu thủ đã chơi đúng chiến thuật trước đối thủ khó chịu.",
        ],
    ),
    "a CEO forum": (
        "Lãnh đạo trẻ cần nghĩ lớn, làm chuẩn",
        [
            "Tại Diễn đàn CEO năm nay, Chủ tịch Tập đoàn chia sẻ với các doanh nhân trẻ bài học khởi nghiệp.",
            "Theo ông, lãnh đạo doanh nghiệp phải giữ kỷ luật quản trị khi mở rộng quy mô ra thị trường khu vực.",
        ],
    ),
    "a highway programme": (
        "Tăng tốc thi công tuyến cao tốc",
        [
            "Các nhà thầu tăng ca để kịp thông xe tuyến cao tốc trước Tết; công tác giải phóng mặt bằng cơ bản hoàn "
            "tất.",
            "Bộ Giao thông vận tải yêu cầu đẩy nhanh giải ngân vốn đầu tư công cho các dự án giao thông trọng điểm.",
        ],
    ),
    "another country's diplomacy": (
        "Hai cường quốc nối lại đàm phán thương mại",
        [
            "Ngày 10/5, Ngoại trưởng Mỹ gặp Phó Thủ tướng Trung Quốc tại Geneva trong bối cảnh quan hệ song phương "
            "căng thẳng.",
            "Nhà Trắng cho biết hai bên bàn về thuế quan và cuộc gặp mang tính xây dựng.",
        ],
    ),
    "a brand's ambassador and a company deal": (
        "Ra mắt đại sứ thương hiệu mới",
        [
            "Công ty công bố đại sứ thương hiệu cho dòng sản phẩm mới và hoàn tất thương vụ M&A với một đối thủ.",
            "Cổ phiếu của công ty tăng mạnh sau thông tin này; đại hội cổ đông sẽ họp vào tháng tới.",
        ],
    ),
    "the government's monthly meeting, with a line on foreign affairs": (
        "Chính phủ họp phiên thường kỳ tháng 10",
        [
            "Sáng 5/11, Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 10, bàn tình hình kinh tế - xã hội 10 "
            "tháng.",
            "Kinh tế vĩ mô ổn định, lạm phát được kiểm soát; giải ngân vốn đầu tư công đạt 60% kế hoạch; an sinh xã "
            "hội được bảo đảm.",
            "Thủ tướng yêu cầu đẩy mạnh cải cách hành chính, gỡ khó cho thị trường bất động sản, giữ trật tự an toàn "
            "xã hội.",
            "Công tác đối ngoại và hội nhập quốc tế được triển khai đồng bộ.",
            "Các bộ, ngành tập trung phòng, chống thiên tai, khắc phục hậu quả bão lũ, chăm lo đời sống nhân dân.",
        ],
    ),
    "investment figures": (
        "Vốn FDI 10 tháng đạt 25 tỷ USD",
        [
            "Tổng vốn đầu tư trực tiếp nước ngoài đăng ký 10 tháng ước đạt 25 tỷ USD, tăng 15% so với cùng kỳ.",
            "Các nhà đầu tư nước ngoài rót vốn nhiều nhất vào công nghiệp chế biến, chế tạo.",
        ],
    ),
}

IN_SCOPE = {
    "a Foreign Ministry conference": (
        "Bộ Ngoại giao triển khai nhiệm vụ năm mới",
        [
            "Sáng 5/1, Bộ Ngoại giao họp trực tuyến với các Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài.",
            "Thứ trưởng cho biết công tác ngoại giao kinh tế năm nay tập trung hỗ trợ doanh nghiệp mở rộng thị trường.",
        ],
    ),
    "a province receiving ambassadors": (
        "Tỉnh làm việc với đoàn Đại sứ",
        [
            "Chiều 12/8, UBND tỉnh tiếp đoàn Đại sứ, Tổng Lãnh sự Việt Nam ở nước ngoài nhiệm kỳ mới.",
            "Chủ tịch UBND tỉnh đề nghị các Đại sứ giới thiệu tỉnh với nhà đầu tư nước ngoài; Sở Ngoại vụ làm đầu mối.",
            "Các Đại sứ hứa kết nối doanh nghiệp của tỉnh với đối tác tại sở tại.",
        ],
    ),
    "APEC priorities, untitled": (
        None,
        [
            "Chủ đề mà Việt Nam chọn cho Năm APEC được các nền kinh tế thành viên đánh giá cao.",
            "Việt Nam nêu bốn ưu tiên hợp tác, thuận theo xu thế hội nhập quốc tế.",
        ],
    ),
    "a province's foreign-affairs review": (
        "Sở Ngoại vụ tổng kết công tác đối ngoại năm 2023",
        [
            "Chiều 28/12, Sở Ngoại vụ tỉnh tổng kết công tác đối ngoại năm 2023 và triển khai nhiệm vụ năm 2024.",
            "Năm qua, UBND tỉnh đón 40 đoàn khách quốc tế; Tỉnh ủy chỉ đạo sát sao công tác đối ngoại trên địa bàn.",
            "Ngoại giao kinh tế góp phần thu hút 12 dự án FDI; toàn tỉnh tổ chức 3 hội nghị xúc tiến đầu tư ở nước "
            "ngoài.",
            "Năm 2024, Sở Ngoại vụ phối hợp với Bộ Ngoại giao và các cơ quan đại diện Việt Nam ở nước ngoài.",
        ],
    ),
    "a short note naming the Foreign Minister": (
        "Hai trọng tâm năm tới",
        [
            "Sáng 20/12, Bộ trưởng Bùi Thanh Sơn cho biết năm tới có hai trọng tâm: thúc đẩy hợp tác kinh tế và hỗ "
            "trợ doanh nghiệp."
        ],
    ),
}


@pytest.mark.parametrize("name", OUT_OF_SCOPE)
def test_off_topic_articles_are_out_of_scope(name):
    found = scope.decide(*OUT_OF_SCOPE[name])
    assert found.scope == "out", found.reason
    assert found.reason.startswith("out: ")


@pytest.mark.parametrize("name", IN_SCOPE)
def test_foreign_affairs_articles_are_in_scope(name):
    found = scope.decide(*IN_SCOPE[name])
    assert found.scope == "in", found.reason


def test_the_reason_names_what_decided():
    statistics = scope.decide(*OUT_OF_SCOPE["provincial statistics"])
    assert (
        statistics.reason.startswith("out: provincial statistics — ")
        and "'Cục Thống kê tỉnh', 'GRDP'" in statistics.reason
    )
    assert statistics.reason.endswith("; no foreign-affairs actor or object")
    city = scope.decide(*OUT_OF_SCOPE["a city's tasks worded like economic diplomacy"])
    assert city.reason.startswith("out: local government — ")
    assert "too little on foreign affairs ('xúc tiến thương mại')" in city.reason
    ministry = scope.decide(*IN_SCOPE["a Foreign Ministry conference"])
    assert ministry.reason.startswith("in: ") and "'Bộ Ngoại giao'" in ministry.reason


def test_a_term_in_the_lede_weighs_more_than_one_further_down():
    filler = ["Đây là một đoạn văn không nói về chủ đề nào cụ thể."] * 3
    lede_mention = ["Hội nghị của Bộ Ngoại giao bàn về công tác năm nay.", *filler]
    late_mention = [*filler, "Hội nghị của Bộ Ngoại giao bàn về công tác năm nay."]
    assert scope.decide(None, lede_mention).scope == "in"
    assert scope.decide(None, late_mention).scope == "out"


def test_the_longer_of_two_overlapping_terms_counts():
    # "ASEAN Cup" is sport; "ASEAN" inside it is not also Vietnam's role in ASEAN.
    rules = scope.load_rules()
    weights = scope.weigh("Chung kết ASEAN Cup", [], rules)
    assert list(weights) == ["asean cup"]


def test_every_row_of_the_data_file_has_an_example_holding_one_of_its_terms():
    rules = scope.load_rules()
    for group in rules.groups:
        found = scope.weigh(None, [group.example], scope.ScopeRules((group,)))
        assert found, f"[[{group.side}]] {group.what}: its example holds none of its terms"


def test_a_broken_rule_file_is_named_with_its_fault():
    with pytest.raises(UsageError, match=r"^my.toml: \[\[in\]\] row 1 lacks example$"):
        scope.parse_rules('[[in]]\nwhat = "x"\nweight = 1\nterms = ["a"]\n', "my.toml")
    with pytest.raises(UsageError, match=r"^my.toml: not valid TOML"):
        scope.parse_rules("[[in]\n", "my.toml")


# ---------------------------------------------------------------------------------------------
# Stored, searchable, and kept out of every year view

MINISTER_2023 = """Ngoại giao kinh tế năm 2023: ba trọng tâm

Ngày 20/12/2022, Bộ trưởng Ngoại giao cho biết năm 2023 ngành ngoại giao tập trung vào 3 trọng tâm:

1. Mở rộng thị trường xuất khẩu cho doanh nghiệp Việt Nam.

2. Thu hút đầu tư chất lượng cao vào công nghệ bán dẫn.

3. Nâng cấp quan hệ đối tác với các nền kinh tế lớn.
"""

MINISTER_2024 = """Ngoại giao kinh tế năm 2024: ba trọng tâm mới

Ngày 22/12/2023, Bộ trưởng Ngoại giao cho biết năm 2024 ngành ngoại giao tập trung vào 3 trọng tâm:

1. Mở rộng và đa dạng hóa thị trường xuất khẩu cho doanh nghiệp Việt Nam.

2. Thu hút đầu tư chất lượng cao vào công nghệ bán dẫn và chuyển đổi xanh.

3. Hỗ trợ các địa phương kết nối với đối tác nước ngoài.
"""

PROVINCE_2024 = """Tỉnh giao nhiệm vụ phát triển năm 2024

Ngày 3/1/2024, UBND tỉnh yêu cầu các sở, ban, ngành thực hiện 3 nhiệm vụ trọng tâm năm 2024:

1. Đẩy nhanh giải ngân vốn đầu tư công cho tuyến cao tốc qua tỉnh.

2. Thúc đẩy các động lực tăng trưởng, bảo đảm GRDP tăng trên 8%.

3. Thu hút đầu tư vào các khu công nghiệp trên địa bàn.
"""

OFF_TOPIC_ITEM = "Thúc đẩy các động lực tăng trưởng, bảo đảm GRDP tăng trên 8%"


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path]:
    """(database, folder): two years of a minister's priorities and a province's tasks for 2024."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (
        ("minister_2023.txt", MINISTER_2023),
        ("minister_2024.txt", MINISTER_2024),
        ("province_2024.txt", PROVINCE_2024),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(folder)).exit_code == 0
    return db, folder


def _document(db: Path, name: str) -> dict:
    documents = json.loads(run_cli(db, "docs", "--format", "json").stdout)
    return next(d for d in documents if d["path"].endswith(name))


def _texts(rows) -> set[str]:
    return {row["text"] for row in rows}


def test_docs_and_export_give_each_document_its_scope_and_reason(corpus):
    db, _ = corpus
    province = _document(db, "province_2024.txt")
    assert (province["scope"], province["scope_source"]) == ("out", "rule")
    assert province["scope_reason"].startswith("out: local government — 'sở, ban, ngành'")
    assert _document(db, "minister_2024.txt")["scope"] == "in"
    exported = json.loads(run_cli(db, "export").stdout)["documents"]
    assert sorted(d["scope"] for d in exported) == ["in", "in", "out"]
    table = run_cli(db, "docs").stdout.splitlines()
    assert [line.split()[5] for line in table[1:]] == ["in", "in", "out"]
    shown = run_cli(db, "show", province["id"]).stdout
    assert f"scope out (rule): {province['scope_reason']}" in shown


def test_an_off_topic_page_is_stored_and_searchable(corpus):
    db, _ = corpus
    result = run_cli(db, "search", "GRDP", "--format", "json")
    assert [hit["text"] if "text" in hit else hit["snippet"] for hit in json.loads(result.stdout)]


def test_off_topic_statements_stay_out_of_priorities_unless_asked_for(corpus):
    db, _ = corpus
    shown = json.loads(run_cli(db, "priorities", "--year", "2024", "--format", "json").stdout)
    assert OFF_TOPIC_ITEM not in _texts(shown) and len(shown) == 3
    everything = json.loads(
        run_cli(db, "priorities", "--year", "2024", "--include-out-of-scope", "--format", "json").stdout
    )
    assert OFF_TOPIC_ITEM in _texts(everything) and len(everything) == 6
    conn = sqlite3.connect(db)
    assert OFF_TOPIC_ITEM not in {r[0] for r in conn.execute("SELECT text FROM priorities")}


def test_off_topic_statements_are_never_linked_into_threads(corpus):
    db, _ = corpus
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT thread_id FROM statements WHERE text = ?", [OFF_TOPIC_ITEM]).fetchone() == (None,)
    threads = json.loads(run_cli(db, "threads", "--format", "json").stdout)
    assert all(not t["id"].startswith("out:") for t in threads)
    listed = json.loads(run_cli(db, "threads", "--include-out-of-scope", "--format", "json").stdout)
    alone = [t for t in listed if t["id"].startswith("out:")]
    assert len(alone) == 3 and all(len(t["statement_ids"]) == 1 and t["years"] == [2024] for t in alone)


def test_the_diff_leaves_off_topic_statements_out_and_says_so(corpus):
    db, _ = corpus
    data = json.loads(run_cli(db, "diff", "2023", "2024", "--format", "json").stdout)
    cited = {
        s["text"]
        for section in ("new", "dropped", "persisting")
        for c in data[section]
        for s in c["before"] + c["after"]
    }
    assert OFF_TOPIC_ITEM not in cited
    assert data["statements"] == {"from": 3, "to": 3} and data["documents"] == {"from": 1, "to": 1}
    assert data["left_out"] == {
        "out_of_scope": {"from": 0, "to": 1},
        "undated": 0,
        "other_actors": {"from": 0, "to": 0},
    }
    text = run_cli(db, "diff", "2023", "2024").stdout
    assert "3 in 2023 (1 article), 3 in 2024 (1 article); left out: 1 off-topic article of 2024" in text
    asked = json.loads(run_cli(db, "diff", "2023", "2024", "--include-out-of-scope", "--format", "json").stdout)
    new = [c for c in asked["new"] if c["thread_id"].startswith("out:")]
    assert len(new) == 3 and asked["statements"]["to"] == 6 and asked["left_out"]["out_of_scope"]["to"] == 0
    assert new[0]["label"].startswith("(out of scope, not linked) ")


def test_timeline_and_report_leave_off_topic_statements_out(corpus, tmp_path):
    db, _ = corpus
    grid = json.loads(run_cli(db, "timeline", "--format", "json").stdout)
    assert not [t for t in grid["threads"] if t["thread_id"].startswith("out:")]
    asked = json.loads(run_cli(db, "timeline", "--include-out-of-scope", "--format", "json").stdout)
    assert len([t for t in asked["threads"] if t["thread_id"].startswith("out:")]) == 3
    assert run_cli(db, "report", "--out", str(tmp_path / "r")).exit_code == 0
    assert "GRDP" not in (tmp_path / "r" / "diff-2023-2024.md").read_text(encoding="utf-8")
    index = (tmp_path / "r" / "index.json").read_text(encoding="utf-8")
    assert "GRDP" not in index and json.loads(index)["as_of"] == "2023-12-22"  # not the province's later date
    assert run_cli(db, "report", "--out", str(tmp_path / "all"), "--include-out-of-scope").exit_code == 0
    assert "GRDP" in (tmp_path / "all" / "diff-2023-2024.md").read_text(encoding="utf-8")


def test_the_analyst_overrides_the_scope_and_the_override_survives_reingest(corpus):
    db, folder = corpus
    province = _document(db, "province_2024.txt")
    result = run_cli(db, "doc", "scope", province["id"][:8], "in")
    assert (
        result.exit_code == 0
        and f"{province['id']} is now in scope (was out of scope); set by the analyst" in result.stderr
    )
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT thread_id FROM statements WHERE text = ?", [OFF_TOPIC_ITEM]).fetchone()[0] is not None
    # A corrected version of the file: new content, same source. The analyst's choice stays.
    (folder / "province_2024.txt").write_text(PROVINCE_2024.replace("trên 8%", "trên 8,5%"), encoding="utf-8")
    assert run_cli(db, "ingest", str(folder)).exit_code == 0
    again = _document(db, "province_2024.txt")
    assert again["id"] == province["id"]  # a new version of the same document
    assert (again["scope"], again["scope_source"]) == ("in", "user")
    assert again["scope_reason"].startswith("set by the analyst; the rule says out: ")
    assert run_cli(db, "reextract").exit_code == 0
    assert _document(db, "province_2024.txt")["scope"] == "in"
    shown = json.loads(run_cli(db, "priorities", "--year", "2024", "--format", "json").stdout)
    assert len(shown) == 6


def test_setting_a_document_out_of_scope_takes_its_statements_out_of_threads(corpus):
    db, _ = corpus
    minister = _document(db, "minister_2024.txt")
    assert run_cli(db, "doc", "scope", minister["id"], "out").exit_code == 0
    conn = sqlite3.connect(db)
    threaded = conn.execute(
        "SELECT count(*) FROM statements WHERE document_id = ? AND thread_id IS NOT NULL", [minister["id"]]
    )
    assert threaded.fetchone()[0] == 0
    assert json.loads(run_cli(db, "priorities", "--year", "2024", "--format", "json").stdout) == []
    assert run_cli(db, "relink").exit_code == 0  # a full relink keeps it out too
    threaded = conn.execute(
        "SELECT count(*) FROM statements WHERE document_id = ? AND thread_id IS NOT NULL", [minister["id"]]
    )
    assert threaded.fetchone()[0] == 0


def test_a_document_set_by_hand_is_handed_back_to_the_rule(corpus):
    db, _ = corpus
    province = _document(db, "province_2024.txt")
    assert run_cli(db, "doc", "scope", province["id"], "in").exit_code == 0
    back = run_cli(db, "doc", "scope", province["id"], "rule")
    assert back.exit_code == 0 and f"{province['id']} is now out of scope (was in scope)" in back.stderr
    again = _document(db, "province_2024.txt")
    assert (again["scope"], again["scope_source"]) == ("out", "rule")
    assert not again["scope_reason"].startswith("set by the analyst")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT thread_id FROM statements WHERE text = ?", [OFF_TOPIC_ITEM]).fetchone()[0] is None


def test_doc_scope_refuses_an_unknown_document_in_one_line(corpus):
    db, _ = corpus
    result = run_cli(db, "doc", "scope", "ffffffff", "out")
    assert result.exit_code == 1 and result.stderr.strip().splitlines() == [
        "ngkt: error: no document with id 'ffffffff' (see `ngkt docs`)"
    ]


def test_a_database_from_before_scopes_is_upgraded_and_its_off_topic_statements_leave_their_threads(tmp_path):
    from ngkt_cli import migrations
    from ngkt_cli.db import open_db

    before = migrations.MIGRATIONS.index(migrations._015_scope)
    path = database_at_version(
        tmp_path / "old.db",
        before,
        (
            "INSERT INTO documents (id, path, title, body, ingested_at) VALUES (?, ?, ?, ?, 'x')",
            [
                ("d1", "a.txt", None, "\n\n".join(OUT_OF_SCOPE["provincial statistics"][1])),
                (
                    "d2",
                    "b.txt",
                    "Bộ Ngoại giao triển khai nhiệm vụ",
                    "\n\n".join(IN_SCOPE["a Foreign Ministry conference"][1]),
                ),
            ],
        ),
        ("INSERT INTO threads (id, kind) VALUES (?, 'priority')", [("T0001",), ("T0002",)]),
        (
            "INSERT INTO statements (id, document_id, kind, text, text_key, paragraph, char_start, char_end, thread_id)"
            " VALUES (?, ?, 'priority', 'x', 'x', 0, 0, 1, ?)",
            [("d1/L1.1", "d1", "T0001"), ("d2/L1.1", "d2", "T0002")],
        ),
    )
    conn = open_db(path)
    assert [tuple(r) for r in conn.execute("SELECT id, scope, scope_source FROM documents ORDER BY id")] == [
        ("d1", "out", "rule"),
        ("d2", "in", "rule"),
    ]
    assert [tuple(r) for r in conn.execute("SELECT id, thread_id FROM statements ORDER BY id")] == [
        ("d1/L1.1", None),
        ("d2/L1.1", "T0002"),
    ]
    assert [r[0] for r in conn.execute("SELECT id FROM threads")] == ["T0002"]
    assert "document_scope" in [r[1] for r in conn.execute("PRAGMA table_info(statements_with_source)")]


# ---------------------------------------------------------------------------------------------
# What each year rests on


def _statements(year: int, documents: int, statements: int) -> list:
    from ngkt_cli.diff import DiffStatement

    return [
        DiffStatement(
            f"d{year}-{n % documents}/L1.{n}",
            f"T{n:04d}",
            year,
            n + 1,
            f"Ưu tiên số {n} của năm {year}",
            None,
            f"d{year}-{n % documents}",
            None,
            f"{year}-01-0{1 + n % 9}",
        )
        for n in range(statements)
    ]


def _compare(before: list, after: list):
    from collections import Counter

    from ngkt_cli.diff import compare_years

    return compare_years(
        before,
        after,
        year_before=2023,
        year_after=2024,
        by="target",
        kind="priority",
        labels={},
        theme_labels={},
        theme_corpus=Counter(),
        frequencies={},
        paragraphs=1,
    )


@pytest.mark.parametrize(
    ("documents", "statements", "thin"), [(2, 9, True), (3, 4, True), (3, 5, False), (6, 20, False)]
)
def test_a_year_resting_on_few_articles_or_statements_is_flagged_thin(documents, statements, thin):
    from ngkt_cli.diff import THIN_ARTICLES, THIN_STATEMENTS

    assert (THIN_ARTICLES, THIN_STATEMENTS) == (3, 5)
    diff = _compare(_statements(2023, 4, 12), _statements(2024, documents, statements))
    assert diff.documents_after == documents and diff.statements_after == statements
    assert (diff.thin_before, diff.thin_after) == (False, thin)


def test_the_thin_flag_is_in_every_diff_output():
    from ngkt_cli import render

    diff = _compare(_statements(2023, 1, 4), _statements(2024, 3, 6))
    caution = "Thin evidence for 2023: 1 article, 4 statements (fewer than 3 articles and 5 statements); read New and Dropped with care."
    assert render.cautions(diff) == [caution]
    assert f"> **{caution}**" in render.diff_markdown(diff)
    data = render.diff_to_dict(diff)
    assert data["thin_evidence"] == {"from": True, "to": False} and data["cautions"] == [caution]


def test_the_report_flags_a_thin_year_in_html_and_the_index(corpus, tmp_path):
    db, _ = corpus
    assert run_cli(db, "report", "--out", str(tmp_path / "r")).exit_code == 0
    html = (tmp_path / "r" / "diff-2023-2024.html").read_text(encoding="utf-8")
    assert '<p class="caution"><strong>Thin evidence for 2024: 1 article, 3 statements' in html
    assert "(thin evidence for 2023, 2024: read with care)" in (tmp_path / "r" / "index.md").read_text(encoding="utf-8")
    assert "; left out: 1 off-topic article of 2024" in html


# ---------------------------------------------------------------------------------------------
# Doubtful dates


def _doubts(**row) -> list[str]:
    from ngkt_cli.doubts import doubts

    return doubts(
        {"title": None, "body": "", "date": None, "date_source": None, "published": None, "statement_year": None, **row}
    )


def test_a_day_without_year_is_doubtful_unless_the_page_stamp_gives_the_year():
    body = "Sáng 23/12, Hội nghị bế mạc sau năm ngày làm việc."
    assert _doubts(body=body) == ["a day without year ('Sáng 23/12') that nothing places"]
    guessed = _doubts(body=body, date="2023-12-23", date_source="inferred", statement_year=2023)
    assert guessed == [
        "day without year ('Sáng 23/12'), its year guessed from the years the text names (no page stamp)"
    ]
    assert (
        _doubts(body=body, date="2023-12-23", date_source="inferred", published="2023-12-24", statement_year=2023) == []
    )


def test_a_headline_year_other_than_the_statement_year_is_doubtful_except_at_the_turn_of_a_year():
    assert _doubts(title="Ngoại giao kinh tế năm 2019", date="2023-06-02", date_source="body", statement_year=2023) == [
        "headline names 2019, statement year 2023"
    ]
    # A plan for next year said in December, a review of last year held in January.
    assert (
        _doubts(title="Ngoại giao kinh tế năm 2024", date="2023-12-20", date_source="body", statement_year=2023) == []
    )
    assert _doubts(title="Tổng kết năm 2023", date="2024-01-10", date_source="body", statement_year=2024) == []
    # A horizon is not the year of the text.
    assert _doubts(title="Chiến lược đến năm 2030", date="2023-06-02", date_source="body", statement_year=2023) == []


def test_a_date_whose_year_the_text_never_names_is_doubtful():
    body = "Ngày 15/4/2010, Ban Bí thư ban hành Chỉ thị. Năm 2022, Bộ Chính trị có kết luận mới."
    assert _doubts(body=body, date="2026-02-28", date_source="stamp", statement_year=2026) == [
        "dated 2026 but the text names 2010, 2022"
    ]


def test_many_competing_years_are_doubtful_but_targets_beyond_the_year_are_not():
    body = "Năm 2016 và năm 2018 ... năm 2019 ... năm 2020. Mục tiêu 2030, 2045."
    assert _doubts(body=body, date="2020-03-02", date_source="body", statement_year=2020) == [
        "4 years named (2016, 2018, 2019, 2020)"
    ]
    assert (
        _doubts(
            body="Năm 2019 và 2020; mục tiêu 2025, 2030, 2045.",
            date="2020-03-02",
            date_source="body",
            statement_year=2020,
        )
        == []
    )


def test_docs_suspect_lists_only_the_doubtful_articles_with_their_reasons(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "sure.txt").write_text(
        "Bộ Ngoại giao họp\n\nNgày 5/1/2024, Bộ Ngoại giao họp với các Đại sứ về năm 2024.", encoding="utf-8"
    )
    (folder / "unplaced.txt").write_text(
        "Hội nghị bế mạc\n\nSáng 23-12, Hội nghị Ngoại giao bế mạc sau năm ngày.", encoding="utf-8"
    )
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(folder)).exit_code == 0
    rows = json.loads(run_cli(db, "docs", "--suspect", "--format", "json").stdout)
    assert [(Path(r["path"]).name, r["doubts"]) for r in rows] == [
        ("unplaced.txt", "a day without year ('Sáng 23-12') that nothing places")
    ]
    table = run_cli(db, "docs", "--suspect").stdout.splitlines()
    assert table[0].split()[:5] == ["id", "date", "date_source", "statement_year", "doubts"] and len(table) == 2


UNDATED = """Ngành ngoại giao bàn nhiệm vụ

Bộ trưởng Ngoại giao nêu 3 nhiệm vụ trọng tâm của ngành ngoại giao:

1. Đẩy mạnh ngoại giao kinh tế phục vụ phát triển.

2. Mở rộng quan hệ với các đối tác.

3. Bảo vệ công dân ở nước ngoài.
"""


def test_the_diff_counts_undated_articles_that_no_year_can_hold(corpus):
    db, folder = corpus
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    assert run_cli(db, "ingest", str(folder)).exit_code == 0
    data = json.loads(run_cli(db, "diff", "2023", "2024", "--format", "json").stdout)
    assert data["left_out"] == {
        "out_of_scope": {"from": 0, "to": 1},
        "undated": 1,
        "other_actors": {"from": 0, "to": 0},
    }
    assert (
        "left out: 1 off-topic article of 2024, 1 undated article"
        in run_cli(db, "diff", "2023", "2024", "--format", "markdown").stdout
    )


def test_reextract_decides_the_rule_made_scopes_again(corpus):
    """After the rule file changes, `ngkt reextract` decides again (what an older rule let in goes out)."""
    db, _ = corpus
    conn = sqlite3.connect(db)
    with conn:  # as an older, looser rule would have left it
        conn.execute(
            "UPDATE documents SET scope = 'in', scope_reason = 'in: older rule' WHERE path LIKE '%province_2024.txt'"
        )
    assert run_cli(db, "relink").exit_code == 0
    assert conn.execute("SELECT thread_id FROM statements WHERE text = ?", [OFF_TOPIC_ITEM]).fetchone()[0] is not None
    assert run_cli(db, "reextract").exit_code == 0
    assert _document(db, "province_2024.txt")["scope_reason"].startswith("out: local government")
    assert conn.execute("SELECT thread_id FROM statements WHERE text = ?", [OFF_TOPIC_ITEM]).fetchone()[0] is None


# Terms that overlap ("ab", "ab c", "b c"), nest, open or end with punctuation or "_" (which
# makes the pattern look behind instead), and texts with every kind of character between words.
TERMS = st.lists(st.sampled_from(["ab", "ab c", "b c", "b", "c.a", "a-b", "(ab", "ab)", "_a", "ba", "c"]), min_size=1)


@settings(max_examples=400, deadline=None)
@given(
    TERMS,
    st.text(alphabet="ab c.-()_xá", max_size=40) | st.lists(st.sampled_from(["ab", "c", " ", ")", "_"])).map("".join),
)
@example(["ab)", "(ab"], "ab)(ab")  # a term right after one that ends with punctuation
@example(["ab", "c"], "ab c_ab")
def test_terms_are_counted_where_the_plain_pattern_finds_them(terms, text):
    """The definition: every term, longest first, where no letter or digit stands before or after it."""
    rules = scope.ScopeRules((scope.TermGroup("in", "t", 1.0, tuple(terms), "e"),))
    keys = sorted({scope.key(term) for term in terms}, key=lambda t: (-len(t), t))
    plain = re.compile(r"(?<![^\W_])(" + "|".join(map(re.escape, keys)) + r")(?![^\W_])")
    assert scope._hits(text, rules) == Counter(plain.findall(text))


def _strongest_plainly(weights, rules, side):
    """The definition: the side's terms summed by group (equal groups are one), each group
    capped, the heaviest group (then by name) with its heaviest terms."""
    index = rules.by_term
    found = sorted(((w, t) for t, w in weights.items() if index[t][1].side == side), key=lambda x: (-x[0], x[1]))
    if not found:
        return None, [], 0.0
    by_group: dict = {}
    for weight, term in found:
        by_group[index[term][1]] = by_group.get(index[term][1], 0.0) + weight
    totals = {g: min(total, g.cap) if g.cap is not None else total for g, total in by_group.items()}
    group = max(totals, key=lambda g: (totals[g], g.what))
    quoted = [index[term][0] for _, term in found if index[term][1] is group][: scope.REASON_TERMS]
    return group.what, quoted, sum(totals.values())


# Rows of either side, some equal to one another (two rows written alike are one group), some capped.
GROUPS = st.lists(
    st.builds(
        scope.TermGroup,
        st.sampled_from(scope.SIDES),
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from([1.0, 2.0, 0.5]),
        st.lists(st.sampled_from(["ab", "cd", "ef", "gh", "ij ab"]), min_size=1, max_size=3).map(tuple),
        st.just("e"),
        st.sampled_from([None, 1.0, 3.0]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(GROUPS, st.lists(st.sampled_from(["ab", "cd", "ef", "gh", "ij", "x"]), max_size=12).map(" ".join))
@example([scope.TermGroup("in", "a", 1.0, ("ab",), "e"), scope.TermGroup("in", "a", 1.0, ("ab",), "e")], "ab ab")
def test_the_strongest_group_is_the_plain_definitions(groups, text):
    rules = scope.ScopeRules(tuple(groups))
    weights = scope.weigh("", [text, text, text], rules)
    for side in scope.SIDES:
        assert scope._strongest(weights, rules, side) == _strongest_plainly(weights, rules, side)
