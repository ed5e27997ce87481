"""Stage 5: `ngkt report` for cron: files, golden Markdown, escaping, lock, atomicity, reruns."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ngkt_command, run_cli
from ngkt_cli import report as report_module

GOLDEN = Path(__file__).parent / "data" / "golden" / "diff-2023-2024.md"


@pytest.fixture(scope="module")
def seed_report(seeded_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run_cli(seeded_db, "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == ""  # quiet on success
    return out


def test_report_set_files(seed_report):
    names = sorted(p.name for p in seed_report.iterdir() if not p.name.startswith("."))
    assert names == ["diff-2023-2024.html", "diff-2023-2024.json", "diff-2023-2024.md", "index.html", "index.json", "index.md"]
    index = json.loads((seed_report / "index.json").read_text(encoding="utf-8"))
    assert index["as_of"] == "2024-03-18" and index["years"] == [2023, 2024]
    assert index["diffs"] == [{"from": 2023, "to": 2024, "stem": "diff-2023-2024", "new": 10, "dropped": 0, "persisting": 4}]


def test_markdown_report_matches_the_golden_file(seed_report):
    produced = (seed_report / "diff-2023-2024.md").read_text(encoding="utf-8")
    if os.environ.get("NGKT_UPDATE_GOLDEN"):
        GOLDEN.write_text(produced, encoding="utf-8")
    assert produced == GOLDEN.read_text(encoding="utf-8")


def test_html_is_self_contained_with_inline_svg(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert "<script" not in html
    assert "<svg" in (seed_report / "diff-2023-2024.html").read_text(encoding="utf-8")


def test_article_text_is_escaped_in_html(tmp_path):
    db = tmp_path / "x.db"
    for year, day in ((2023, "5/1"), (2024, "6/1")):
        article = (
            f"Hội nghị năm {year}\n\nSáng {day}, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết năm {year} có 2 trọng tâm. "
            "Thứ nhất, mở rộng thị trường <script>alert('x')</script> xuất khẩu. Thứ hai, thu hút đầu tư & công nghệ."
        )
        (tmp_path / f"{year}.txt").write_text(article, encoding="utf-8")
        run_cli(db, "ingest", str(tmp_path / f"{year}.txt"), "--date", f"{year}-01-0{day[0]}")
    out = tmp_path / "out"
    assert run_cli(db, "report", "--out", str(out)).exit_code == 0
    html = (out / "diff-2023-2024.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "đầu tư &amp; công nghệ" in html


def test_rerun_over_unchanged_data_rewrites_nothing(seeded_db, tmp_path):
    out = tmp_path / "out"
    run_cli(seeded_db, "report", "--out", str(out))
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = run_cli(seeded_db, "report", "--out", str(out), "--verbose")
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert result.stderr.count("unchanged ") == 6 and "wrote " not in result.stderr


def test_a_held_lock_makes_a_second_run_wait_then_exit_75(seeded_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".ngkt-report.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = run_cli(seeded_db, "report", "--out", str(out), "--wait", "0.3")
    assert result.exit_code == 75
    assert "another `ngkt report` still holds the lock after 0.3s" in result.stderr
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "index.md"
    target.write_text("old", encoding="utf-8")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(report_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        report_module.write_if_changed(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.md"]


def test_report_runs_from_cron_with_an_empty_environment(seeded_db, tmp_path):
    db = tmp_path / "cron.db"
    import sqlite3

    sqlite3.connect(seeded_db).backup(sqlite3.connect(db))
    result = subprocess.run(
        [*ngkt_command(), "--db", str(db), "report", "--out", str(tmp_path / "out")],
        env={}, capture_output=True, text=True, cwd=tmp_path, stdin=subprocess.DEVNULL,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "out" / "index.html").exists()


def test_years_option_adds_a_pair_and_checks_it(seeded_db, tmp_path):
    result = run_cli(seeded_db, "report", "--out", str(tmp_path / "o"), "--years", "2021", "2024")
    assert result.exit_code == 2
    assert "--years: no priority statements for 2021" in result.stderr
    backwards = run_cli(seeded_db, "report", "--out", str(tmp_path / "b"), "--years", "2024", "2023")
    assert (backwards.exit_code, backwards.stderr) == (2, "ngkt: error: the first year must be earlier than the second (got 2024 and 2023)\n")
    assert not (tmp_path / "b").exists()


def test_a_report_folder_that_cannot_be_made_is_one_line(seeded_db, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = run_cli(seeded_db, "report", "--out", str(tmp_path / "file" / "reports"))
    assert result.exit_code == 1
    assert result.stderr == f"ngkt: error: {tmp_path / 'file' / 'reports'}: Not a directory\n"
