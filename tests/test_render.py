"""Output (render.py): rich at a terminal, plain when piped or NO_COLOR, Markdown and CSV that keep their shape."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, documents, ngkt_command, run_cli


def test_docs_table_is_plain_text_when_not_a_terminal(seeded_db):
    result = run_cli(seeded_db, "docs")
    assert "\x1b[" not in result.stdout
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "date", "statement_year", "lists", "scope", "flags", "title"]
    assert len(rows) == 5
    assert any("undated" in row for row in rows)


def test_show_marks_lists_and_items(seeded_db):
    doc_id = "d4ac4190215c"
    result = run_cli(seeded_db, "show", doc_id[:6])
    assert result.exit_code == 0
    assert "── L2 priority · 3 announced, 3 found · for 2024 · Bùi Thanh Sơn" in result.stdout
    assert "Thứ hai, [L2.2] tăng cường hiệu quả" in result.stdout


def test_show_item_quotes_it_in_its_paragraph(seeded_db):
    result = run_cli(seeded_db, "show", "d4ac4190215c", "--item", "L2.3")
    assert "»nâng cao hiệu quả công tác ngoại giao kinh tế và vai trò điều phối của Ban Chỉ đạo Ngoại giao kinh tế«" in result.stdout
    assert "cue: Do đó, Bộ trưởng Bùi Thanh Sơn xác định" in result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c", "--item", "6").stdout == result.stdout
    assert run_cli(seeded_db, "show", "d4ac4190215c/L2.3").stdout == result.stdout  # as a diff cites it


def _on_a_terminal(*args: str) -> str:
    """What `ngkt ARGS` shows a person at a terminal (stdout and stderr on one pseudo-terminal)."""
    import pty

    main, secondary = pty.openpty()
    process = subprocess.Popen([*ngkt_command(), *args], stdout=secondary, stderr=secondary, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
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
