"""The read side (queries.py): docs, priorities, search and info, as scripts read them."""

from __future__ import annotations

import csv
import json
import sqlite3

from conftest import ARTICLE, run_cli, write


def test_search_ignores_accents_and_d(tmp_path):
    db = tmp_path / "s.db"
    run_cli(db, "ingest", str(write(tmp_path / "a.txt", ARTICLE.encode())))
    result = run_cli(db, "search", "dau tu chat luong")
    assert result.exit_code == 0
    assert "[đầu tư chất lượng]" in result.stdout
    assert "[chuyển đổi xanh]" in run_cli(db, "search", "chuyen doi xanh").stdout
    assert run_cli(db, "search", "khong co tu nay").exit_code == 1


def test_search_names_the_statement_else_the_document(tmp_path):
    db = tmp_path / "s.db"
    run_cli(db, "ingest", str(write(tmp_path / "a.txt", ARTICLE.encode())))
    statement_hits = json.loads(run_cli(db, "search", "thu hut dau tu", "--format", "json").stdout)
    assert [h["statement_id"][-5:] for h in statement_hits] == ["/L1.2"]
    assert statement_hits[0]["marks"]
    document_hits = json.loads(run_cli(db, "search", "ha noi", "--format", "json").stdout)
    assert [(h["statement_id"], "[Hà Nội]" in h["snippet"] or bool(h["marks"])) for h in document_hits] == [
        (None, True)
    ]
    both_words = json.loads(run_cli(db, "search", "xanh da dang", "--format", "json").stdout)
    assert both_words and all(h["statement_id"] is None for h in both_words)  # no one item holds both words
    rows = run_cli(db, "search", "thu hut dau tu", "--format", "csv").stdout.splitlines()
    assert rows[0] == "document_id,statement_id,title,date,path,snippet"
    assert [row.split(",")[1] for row in rows[1:]] == [statement_hits[0]["statement_id"]]


def test_docs_json_for_scripts(seeded_db):
    rows = json.loads(run_cli(seeded_db, "docs", "--format", "json").stdout)
    assert {row["title"]: row["lists"] for row in rows}[
        "Ngoại giao kinh tế hướng trọng tâm đến công nghệ cao và chuyển đổi xanh"
    ] == 2


def test_priorities_filters_and_formats(seeded_db):
    rows = json.loads(run_cli(seeded_db, "priorities", "--year", "2023", "--format", "json").stdout)
    assert [r["ordinal"] for r in rows] == [1, 2, 3, 4]
    assert {r["speaker"] for r in rows} == {"Bùi Thanh Sơn"}
    lessons = json.loads(run_cli(seeded_db, "priorities", "--kind", "lesson", "-f", "json").stdout)
    assert len(lessons) == 4
    by_speaker = json.loads(run_cli(seeded_db, "priorities", "--speaker", "pham minh chinh", "-f", "json").stdout)
    assert len(by_speaker) == 6
    table = run_cli(seeded_db, "priorities", "--year", "2023", "--format", "csv").stdout
    assert len(list(csv.DictReader(table.splitlines()))) == 4
    markdown = run_cli(seeded_db, "priorities", "--year", "2023", "--format", "markdown").stdout
    assert markdown.startswith("| id |")


def test_priorities_that_match_nothing_say_which_years_have_some(seeded_db):
    empty = run_cli(seeded_db, "priorities", "--year", "2100")
    assert empty.exit_code == 0
    assert "no priority statements match; years with some: 2023, 2024" in empty.stderr
    assert "no priority" not in empty.stdout  # the table stays data
    as_json = run_cli(seeded_db, "priorities", "--year", "2100", "--format", "json")
    assert (json.loads(as_json.stdout), as_json.stderr) == ([], "")


def test_a_speaker_that_matches_nothing_is_named_with_the_speakers_there_are(seeded_db):
    by_title = run_cli(seeded_db, "priorities", "--speaker", "Thủ tướng", "--year", "2024")
    assert by_title.exit_code == 0
    assert by_title.stderr == (
        "no priority statements by a speaker matching 'Thủ tướng' (speakers are stored by name); speakers of the"
        " others: Bùi Thanh Sơn, Phạm Minh Chính, Nguyễn Như Hiếu\n"
    )
    assert (
        "no priority statements match; years with some"
        in run_cli(seeded_db, "priorities", "-s", "x", "-y", "2100").stderr
    )


def test_a_year_that_is_no_year_is_a_usage_error(seeded_db):
    for command in (["priorities", "--year", "24"], ["threads", "-y", "24"]):
        result = run_cli(seeded_db, *command)
        assert (result.exit_code, result.stderr) == (2, "ngkt: error: '24' is not a year such as 2024\n")


def test_info_says_what_the_database_holds(seeded_db):
    info = json.loads(run_cli(seeded_db, "info", "--format", "json").stdout)
    from ngkt_cli.migrations import MIGRATIONS

    assert info["path"] == str(seeded_db.resolve())
    assert info["schema_version"] == len(MIGRATIONS)
    conn = sqlite3.connect(seeded_db)
    for table in ("documents", "lists", "statements", "threads"):
        assert info[table] == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert info["documents"] == 5
    assert info["codebook"] == "default"
    assert info["last_ingest"][:4] >= "2024"
    table = run_cli(seeded_db, "info").stdout
    assert f"path            {seeded_db.resolve()}" in table.splitlines()
    assert "documents       5" in table.splitlines()
