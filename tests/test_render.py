"""Output (render.py): rich at a terminal, plain when piped or NO_COLOR, Markdown and CSV that keep their shape."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

from conftest import ROOT, copy_db, documents, ngkt_command, run_cli, statement_id, thread_of


def test_docs_table_is_plain_text_when_not_a_terminal(seeded_db):
    result = run_cli(seeded_db, "docs")
    assert "\x1b[" not in result.stdout
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "date", "statement_year", "lists", "directives", "scope", "flags", "title"]
    assert len(rows) == 5
    assert any("undated" in row for row in rows)
    counted = {row.split()[0]: row.split()[3:5] for row in rows}  # lists, directives
    assert counted["f5128174c07f"] == ["0", "4"] and counted["ab6b2076e56a"] == ["3", "0"]


def test_show_marks_lists_and_items(seeded_db):
    doc_id = "d4ac4190215c"
    result = run_cli(seeded_db, "show", doc_id[:6])
    assert result.exit_code == 0
    assert "── L2 priority · 3 announced, 3 found · for 2024 · Bùi Thanh Sơn" in result.stdout
    assert "Thứ hai, [L2.2] tăng cường hiệu quả" in result.stdout


def test_show_item_quotes_it_in_its_paragraph(seeded_db):
    result = run_cli(seeded_db, "show", "d4ac4190215c", "--item", "L2.3")
    assert (
        "»nâng cao hiệu quả công tác ngoại giao kinh tế và vai trò điều phối của Ban Chỉ đạo Ngoại giao kinh tế«"
        in result.stdout
    )
    assert "cue: Do đó, Bộ trưởng Bùi Thanh Sơn xác định" in result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c", "--item", "6").stdout == result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c/L2.3").stdout == result.stdout  # as a diff cites it


def _on_a_terminal(*args: str) -> str:
    """What `ngkt ARGS` shows a person at a terminal (stdout and stderr on one pseudo-terminal)."""
    import pty

    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [*ngkt_command(), *args],
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(main)
    return shown.decode("utf-8", "replace")


def test_long_work_shows_progress_at_a_terminal_only(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import write_corpus

    write_corpus(tmp_path / "corpus", 30, seed=3)
    db = str(tmp_path / "p.db")
    assert "ingesting" in _on_a_terminal("--db", db, "ingest", str(tmp_path / "corpus"))
    assert "re-extracting" in _on_a_terminal("--db", db, "reextract")
    assert "relinking every statement" in _on_a_terminal("--db", db, "relink")
    piped = subprocess.run([*ngkt_command(), "--db", db, "reextract"], capture_output=True, text=True)
    assert piped.stderr == "re-extracted 30 document(s)\n"


def test_show_prints_removed_lines_on_request(seeded_db):
    doc_id = next(d["id"] for d in documents(seeded_db) if d["path"].endswith("002_7f21be67278d383d.txt"))
    result = run_cli(seeded_db, "show", doc_id, "--removed")
    assert "Removed as boilerplate:" in result.stdout
    assert "comment form  Mã kiểm tra no image" in result.stdout


def test_a_terminal_gets_rich_tables_and_no_color_plain_text(seeded_db, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    styled = _on_a_terminal("--db", str(seeded_db), "docs")
    assert "\x1b[" in styled and "┃" in styled  # colour and a box around the table
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _on_a_terminal("--db", str(seeded_db), "docs")
    assert "\x1b[" not in plain and "┃" not in plain
    assert plain.splitlines()[0].split() == [
        "id",
        "date",
        "statement_year",
        "lists",
        "directives",
        "scope",
        "flags",
        "title",
    ]


# A thread label with every character the formats must escape.
AWKWARD_LABEL = 'Nghiên cứu | "dự báo", tham mưu'


def test_csv_and_markdown_keep_a_label_with_quotes_commas_and_pipes_in_its_cell(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    thread = thread_of(db)[statement_id(db, "001/priority#3")]
    assert run_cli(db, "thread", "label", thread, AWKWARD_LABEL).exit_code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(run_cli(db, "threads", "--format", "csv").stdout))}
    assert rows[thread]["label"] == AWKWARD_LABEL
    header, rule, *lines = run_cli(db, "threads", "--format", "markdown").stdout.splitlines()
    assert {len(markdown_cells(line)) for line in lines} == {len(markdown_cells(header))} == {rule.count("---")}
    labelled = [line for line in lines if markdown_cells(line)[0] == thread]
    assert AWKWARD_LABEL.replace("|", "\\|") in markdown_cells(labelled[0])


def markdown_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, split at the pipes that are not escaped."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_a_line_break_inside_a_value_stays_inside_its_row():
    from ngkt_cli.render import csv_text, markdown_table

    rows = [{"id": "a", "text": 'dòng một\ndòng hai, có "ngoặc"', "flag": True, "empty": None}]
    columns = ["id", "text", "flag", "empty"]
    assert list(csv.DictReader(io.StringIO(csv_text(rows, columns)))) == [
        {"id": "a", "text": 'dòng một\ndòng hai, có "ngoặc"', "flag": "true", "empty": ""}
    ]
    assert markdown_table(rows, columns).splitlines()[2] == '| a | dòng một dòng hai, có "ngoặc" | true |  |'


def test_plain_tables_align_every_column_but_the_last(seeded_db):
    header, *rows = run_cli(seeded_db, "docs").stdout.splitlines()
    title_at = header.index("title")
    assert all(row[title_at - 2 : title_at] == "  " and row[title_at] != " " for row in rows)


def test_a_terminal_shows_an_items_square_brackets_as_written(tmp_path, monkeypatch):
    """rich would read "[xem thêm]" or "[video]" as a style and drop it from the line."""
    from conftest import ARTICLE, run_cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    db = tmp_path / "a.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.replace("thu hút đầu tư chất lượng cao", "thu hút đầu tư [video] chất lượng cao"))
    assert run_cli(db, "ingest", str(article)).exit_code == 0
    shown = _on_a_terminal("--db", str(db), "priorities", "--year", "2025")
    assert "\x1b[" in shown and "[video]" in shown


def test_a_report_tells_a_person_at_a_terminal_where_it_went_and_cron_nothing(seeded_db, tmp_path):
    from conftest import run_cli

    shown = _on_a_terminal("--db", str(seeded_db), "report", "--out", str(tmp_path / "r"))
    assert (
        f"report in {tmp_path / 'r'}: 6 written, 0 unchanged, 0 removed; " in shown
        and f"open {tmp_path / 'r' / 'index.html'}" in shown
    )
    again = run_cli(seeded_db, "report", "--out", str(tmp_path / "r"))
    assert again.exit_code == 0 and again.stderr == "" and again.stdout == ""
