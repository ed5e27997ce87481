"""Stage 4: `ngkt diff` and `ngkt timeline` on the seeds, in every format."""

from __future__ import annotations

import json
import re

import pytest
from conftest import GOLD, SEEDS, run_cli, statement_id

from ngkt_cli.diff import g2_test, log_odds_dirichlet, word_diff


@pytest.fixture(scope="module")
def seed_diff(seeded_db) -> dict:
    result = run_cli(seeded_db, "diff", "2023", "2024", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _thread_of(seeded_db, ref: str) -> str:
    import sqlite3

    return (
        sqlite3.connect(seeded_db)
        .execute("SELECT thread_id FROM statements WHERE id = ?", [statement_id(seeded_db, ref)])
        .fetchone()[0]
    )


def test_seed_expectations_persisting_threads(seeded_db, seed_diff):
    persisting = {c["thread_id"] for c in seed_diff["persisting"]}
    groups = {g["name"]: g for g in GOLD["threads"]["must_link"]}
    for name in GOLD["diff_2023_2024"]["persisting_threads_include"]:
        assert _thread_of(seeded_db, groups[name]["items"][0]) in persisting, name


def test_seed_expectations_new_items(seeded_db, seed_diff):
    new_statements = {s["id"] for c in seed_diff["new"] for s in c["after"]}
    for ref in GOLD["diff_2023_2024"]["new_in_2024_include_items"]:
        assert statement_id(seeded_db, ref) in new_statements, ref


def test_json_says_how_many_statements_and_articles_each_year_has(seed_diff):
    # 2024: 15 list items of three articles and the four directives of a fourth (003, stated in
    # December for the year ahead).
    assert (seed_diff["statements"], seed_diff["documents"]) == ({"from": 4, "to": 19}, {"from": 1, "to": 4})


def test_a_diff_of_list_items_alone_leaves_the_directives_out(seeded_db):
    only_lists = json.loads(run_cli(seeded_db, "diff", "2023", "2024", "--form", "list", "-f", "json").stdout)
    assert (only_lists["statements"], only_lists["documents"]) == ({"from": 4, "to": 15}, {"from": 1, "to": 3})
    only_directives = run_cli(seeded_db, "diff", "2023", "2024", "--form", "directive")
    assert only_directives.exit_code == 1 and "no priority directives for 2023" in only_directives.stderr


def test_directives_show_in_the_diff_marked_and_without_rank(seeded_db):
    shown = run_cli(seeded_db, "diff", "2023", "2024").stdout.splitlines()
    rows = json.loads(run_cli(seeded_db, "diff", "2023", "2024", "-f", "json").stdout)
    directives = [s for c in rows["new"] + rows["persisting"] for s in c["after"] if s["form"] == "directive"]
    assert len(directives) == 4 and {s["rank"] for s in directives} == {None}
    for directive in directives:
        assert f"    {directive['year']} ◆: {directive['text']}" in shown


def test_seed_expectations_rising_theme(seed_diff):
    growth = next(t for t in seed_diff["themes"] if t["theme"] == "growth_drivers")
    assert growth["label"] == "Growth drivers" and growth["trend"] == "rising"
    assert (growth["count_before"], growth["count_after"]) == (0, 3)
    assert 0 < growth["p_value"] < 1 and growth["z"] > 0


def test_persisting_rows_have_ranks_arrows_and_wording(seed_diff):
    research = next(c for c in seed_diff["persisting"] if c["label"].startswith("Chú trọng công tác nghiên cứu"))
    assert (research["rank_before"], research["rank_after"], research["movement"]) == (3, 2, "up")
    assert {"op": "=", "text": "nghiên cứu, tham mưu"} in research["wording"]
    coordination = next(c for c in seed_diff["persisting"] if c["label"].startswith("Phối hợp chặt chẽ"))
    # the 2023 item read against the same minister's 2024 item on effectiveness and the Steering
    # Committee's coordinating role ("điều phối" is "phối hợp": docs/linking.md)
    assert {"op": "=", "text": "nâng cao hiệu quả"} in coordination["wording"]
    assert {"op": "+", "text": "và vai trò điều phối của Ban Chỉ đạo Ngoại giao kinh tế"} in coordination["wording"]


def test_a_text_without_a_title_is_cited_by_its_file_name(tmp_path):
    for name, year, month in (("lede_2023.txt", 2023, 3), ("lede_2024.txt", 2024, 3)):
        text = f"Ngày 5/{month}/{year}, Bộ trưởng Bùi Thanh Sơn cho biết năm {year} có 2 trọng tâm. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư năm {year}."
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(tmp_path)).exit_code == 0
    for output in ("table", "markdown"):
        shown = run_cli(db, "diff", "2023", "2024", "--format", output).stdout
        assert "(untitled) lede_2023.txt, 2023-03-05, Bùi Thanh Sơn" in shown and "None," not in shown
    report = tmp_path / "reports"
    assert run_cli(db, "report", "--out", str(report)).exit_code == 0
    assert "(untitled) lede_2024.txt, 2024-03-05" in (report / "diff-2023-2024.html").read_text(encoding="utf-8")
    assert "(untitled) lede_2023.txt · 2023-03-05" in run_cli(db, "search", "mo rong thi truong").stdout
    assert "(untitled) lede_2023.txt" in run_cli(db, "docs").stdout
    assert [d["title"] for d in json.loads(run_cli(db, "docs", "--format", "json").stdout)] == [None, None]


def test_every_row_cites_its_sources(seed_diff):
    for section in ("new", "dropped", "persisting"):
        for change in seed_diff[section]:
            for statement in change["before"] + change["after"]:
                assert statement["document_title"] and statement["document_id"] and statement["id"]


# The seeds' diff as text is pinned once, in tests/data/golden/diff-2023-2024.md (`make golden`
# rewrites it); the tests below check that each view says what the JSON model says.

ARROWS = {"up": "↑", "down": "↓", "same": "="}


def _headline_counts(line: str, diff: dict) -> bool:
    s, d = diff["statements"], diff["documents"]
    return bool(
        re.search(
            rf"\b{s['from']} in {diff['from']} \({d['from']} articles?\), {s['to']} in {diff['to']} \({d['to']} "
            rf"articles?\)",
            line,
        )
    )


def _cited(diff: dict) -> list[dict]:
    return [s for section in ("new", "dropped", "persisting") for c in diff[section] for s in c["before"] + c["after"]]


def test_terminal_view_is_plain_when_piped_and_says_what_the_json_says(seeded_db, seed_diff):
    shown = run_cli(seeded_db, "diff", "2023", "2024").stdout
    assert "\x1b[" not in shown
    assert shown.startswith("Priority statements 2023 → 2024 (by target year): ")
    assert _headline_counts(shown.splitlines()[0], seed_diff)
    for heading in (
        f"New in 2024 ({len(seed_diff['new'])})",
        f"Dropped since 2023 ({len(seed_diff['dropped'])})",
        f"Persisting ({len(seed_diff['persisting'])})",
        "Themes (share of each year's statements; * p < 0.05)",
        "Distinctive words",
    ):
        assert heading in shown
    assert all(f"[{s['id']}]" in shown for s in _cited(seed_diff))
    for change in seed_diff["persisting"]:
        assert f"rank {change['rank_before']} → {change['rank_after']} {ARROWS[change['movement']]}" in shown
        for piece in change["wording"]:
            assert {"-": f"[-{piece['text']}-]", "+": f"{{+{piece['text']}+}}", "=": piece["text"]}[
                piece["op"]
            ] in shown
    assert all(t["label"] in shown for t in seed_diff["themes"])


def test_markdown_format_says_what_the_json_says(seeded_db, seed_diff):
    shown = run_cli(seeded_db, "diff", "2023", "2024", "--format", "markdown").stdout
    assert shown.startswith("# Priority statements 2023 → 2024\n")
    assert _headline_counts(shown, seed_diff)
    assert all(f"[{s['id']}]" in shown for s in _cited(seed_diff))
    for change in seed_diff["persisting"]:
        for piece in change["wording"]:
            assert {"-": f"~~{piece['text']}~~", "+": f"**{piece['text']}**", "=": piece["text"]}[piece["op"]] in shown


def test_csv_format_is_one_row_per_cited_statement(seeded_db, seed_diff):
    import csv
    import io

    result = run_cli(seeded_db, "diff", "2023", "2024", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cited = [
        (section, c["thread_id"], s["id"])
        for section in ("new", "dropped", "persisting")
        for c in seed_diff[section]
        for s in c["before"] + c["after"]
    ]
    assert [(r["section"], r["thread_id"], r["statement_id"]) for r in rows] == cited
    research = [r for r in rows if r["label"].startswith("Chú trọng công tác nghiên cứu")]
    assert [(r["year"], r["rank"]) for r in research] == [("2023", "3"), ("2024", "2"), ("2024", "5")]
    assert (research[0]["rank_before"], research[0]["rank_after"], research[0]["movement"]) == ("3", "2", "up")
    assert research[0]["text"].startswith("chú trọng công tác nghiên cứu, tham mưu")
    assert research[0]["speaker"] == "Bùi Thanh Sơn" and research[0]["document_path"].endswith(".txt")
    assert "research" in research[0]["themes"].split()  # space-separated in CSV, as every list


def test_by_stated_year_and_other_kinds(seeded_db):
    stated = json.loads(run_cli(seeded_db, "diff", "2023", "2024", "--by", "stated", "-f", "json").stdout)
    assert stated["statements"] == {"from": 6 + 4, "to": 9}  # 003's four directives were stated in 2023
    lessons = run_cli(seeded_db, "diff", "2022", "2023", "--kind", "lesson")
    assert lessons.exit_code == 1 and "years with some: 2023" in lessons.stderr


def test_year_without_priorities_lists_the_years_that_have_some(seeded_db):
    result = run_cli(seeded_db, "diff", "2019", "2024")
    assert result.exit_code == 1
    assert (
        result.stderr == "ngkt: error: no priority statements for 2019 (by target year); years with some: 2023, 2024\n"
    )


SPORT_TASKS = """Sở Văn hóa, Thể thao tỉnh Hà Nam triển khai nhiệm vụ năm {year}

Ngày 10/01/{year}, Sở Văn hóa, Thể thao tỉnh Hà Nam tổ chức hội nghị triển khai nhiệm vụ năm {year}.

Giám đốc Sở Trần Văn Bình nêu ba nhiệm vụ trọng tâm của năm {year}:

1. Tổ chức thành công Đại hội Thể dục thể thao cấp tỉnh.
2. Nâng cao chất lượng đào tạo vận động viên năng khiếu.
3. Phát triển phong trào thể dục thể thao quần chúng ở cơ sở.
"""


def test_years_stated_only_off_topic_are_named_with_the_option_that_counts_them(tmp_path):
    """A database of a province's sport tasks alone used to answer "run `ngkt ingest`"."""
    sport = tmp_path / "sport.txt"
    sport.write_text(SPORT_TASKS.format(year=2022), encoding="utf-8")
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(sport)).exit_code == 0
    alone = run_cli(db, "diff", "2022", "2023")
    assert alone.exit_code == 1
    assert alone.stderr.endswith(
        "years with some: none in scope (2022 only out of scope; --include-out-of-scope counts them)\n"
    )
    assert run_cli(db, "priorities").stderr == (
        "no priority statements match; years with some: none in scope (2022 only out of scope;"
        " --include-out-of-scope counts them)\n"
    )
    assert "no priority statements for 2023 (by target year); years with some: 2022\n" in (
        run_cli(db, "diff", "2022", "2023", "--include-out-of-scope").stderr
    )
    assert run_cli(db, "ingest", str(SEEDS)).exit_code == 0
    beside = run_cli(db, "diff", "2019", "2024")
    assert beside.stderr.endswith(
        "years with some: 2023, 2024 (2022 only out of scope; --include-out-of-scope counts them)\n"
    )


def test_a_kind_no_document_states_says_none(tmp_path):
    db = tmp_path / "x.db"
    sport = tmp_path / "sport.txt"
    sport.write_text(SPORT_TASKS.format(year=2022), encoding="utf-8")
    assert run_cli(db, "ingest", str(sport)).exit_code == 0
    result = run_cli(db, "diff", "2021", "2022", "--kind", "lesson", "--include-out-of-scope")
    assert result.exit_code == 1
    assert result.stderr.endswith("years with some: none\n")


def test_non_year_is_a_usage_error(seeded_db):
    result = run_cli(seeded_db, "diff", "last", "2024")
    assert result.exit_code == 2
    assert "'last' is not a year" in result.stderr


@pytest.mark.parametrize("years", [("2023", "2023"), ("2024", "2023")])
def test_the_first_year_must_come_first(seeded_db, years):
    result = run_cli(seeded_db, "diff", *years)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == f"ngkt: error: the first year must be earlier than the second (got {years[0]} and {years[1]})\n"
    )


def test_timeline_grid(seeded_db):
    result = run_cli(seeded_db, "timeline", "--min-years", "2")
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["thread", "2023", "2024"]
    assert len(rows) == 4
    data = json.loads(run_cli(seeded_db, "timeline", "-f", "json").stdout)
    assert data["years"] == [2023, 2024] and len(data["threads"]) == 13
    only_lists = json.loads(run_cli(seeded_db, "timeline", "--form", "list", "-f", "json").stdout)
    assert len(only_lists["threads"]) == 10


def test_timeline_of_one_thread_quotes_it(seeded_db):
    thread = _thread_of(seeded_db, "001/priority#3")
    result = run_cli(seeded_db, "timeline", "--thread", thread)
    assert "chú trọng công tác nghiên cứu, tham mưu" in result.stdout


# --- the statistics, on their own ----------------------------------------------------------------


def test_g2_is_zero_for_equal_shares_and_grows_with_the_gap():
    assert g2_test(5, 50, 10, 100)[0] == pytest.approx(0.0)
    assert g2_test(5, 50, 10, 100)[1] == pytest.approx(1.0)
    assert g2_test(0, 50, 30, 50)[1] < 0.001


def test_log_odds_prior_calms_rare_items():
    weak = log_odds_dirichlet(0, 4, 1, 15, prior=1.0, prior_total=10.0)[1]
    strong = log_odds_dirichlet(0, 40, 30, 40, prior=1.0, prior_total=10.0)[1]
    assert 0 < weak < 1 < strong


def test_word_diff_ignores_tone_placement_and_punctuation():
    assert word_diff("đa dạng hoá thị trường.", "Đa dạng hóa thị trường") == (("=", "Đa dạng hóa thị trường"),)


def test_a_thin_year_names_only_what_it_has_too_few_of():
    from ngkt_cli.diff import YearDiff
    from ngkt_cli.render import cautions

    diff = YearDiff(2023, 2024, "target", "priority", 13, 4, documents_before=2, documents_after=4)
    assert cautions(diff) == [
        "Thin evidence for 2023: 2 articles, 13 statements (fewer than 3 articles); read New and Dropped with care.",
        "Thin evidence for 2024: 4 articles, 4 statements (fewer than 5 statements); read New and Dropped with care.",
    ]


def test_a_diff_of_one_form_says_so_and_counts_only_that_form(seeded_db):
    lists = run_cli(seeded_db, "diff", "2023", "2024", "--form", "list")
    assert lists.stdout.startswith("Priority list items 2023 → 2024 (by target year): 4 in 2023 (1 article), 15 in")
    assert (
        json.loads(run_cli(seeded_db, "diff", "2023", "2024", "--form", "list", "-f", "json").stdout)["form"] == "list"
    )
    directives = run_cli(seeded_db, "diff", "2023", "2024", "--form", "directive")
    assert directives.exit_code == 1  # 003's four directives were stated in 2023 for 2024
    assert directives.stderr == (
        "ngkt: error: no priority directives for 2023 (by target year); years with some: 2024\n"
    )


def test_a_year_stated_only_in_directives_is_marked_unranked_as_in_the_timeline():
    from ngkt_cli.diff import ThreadChange, YearDiff
    from ngkt_cli.render import diff_markdown, diff_model

    change = ThreadChange("T0001", "Đa dạng hóa thị trường", "persisting", (), (), rank_before=4, rank_after=None)
    diff = YearDiff(2023, 2024, "target", "priority", 6, 6, persisting=(change,), documents_before=3, documents_after=3)
    [persisting] = [s for s in diff_model(diff)["sections"] if s["status"] == "persisting"]
    assert persisting["changes"][0]["ranks"] == "rank 4 → ●"
    assert "### T0001: Đa dạng hóa thị trường — rank 4 → ●" in diff_markdown(diff)
