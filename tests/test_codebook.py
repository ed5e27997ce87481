"""The theme codebook is remembered: the database records which codebook coded it, a command
without --codebook uses that one, and another is refused until `ngkt relink` recodes with it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

SEED_FILES = sorted(SEEDS.iterdir())

MINE = """[[theme]]
id = "tourism"
label = "Tourism"
patterns = ["du lich"]

[[theme]]
id = "markets"
label = "Markets and trade agreements"
patterns = ["thi truong", "hiep dinh thuong mai"]
"""


@pytest.fixture
def mine(tmp_path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(MINE, encoding="utf-8")
    return path


def themes_of(db: Path, document_path_part: str) -> set[str]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        """SELECT DISTINCT t.theme FROM statement_themes t JOIN statements s ON s.id = t.statement_id
           JOIN documents d ON d.id = s.document_id WHERE d.path LIKE ?""",
        [f"%{document_path_part}%"],
    ).fetchall()
    conn.close()
    return {theme for (theme,) in rows}


def test_an_ingest_without_codebook_codes_with_the_databases_own(db_path, mine):
    """The cron line forgot --codebook once: the new statements are still coded with the analyst's."""
    assert run_cli(db_path, "--codebook", str(mine), "ingest", *map(str, SEED_FILES[:2])).exit_code == 0
    assert run_cli(db_path, "ingest", *map(str, SEED_FILES[2:])).exit_code == 0
    assert themes_of(db_path, SEED_FILES[2].name) == {"markets"}
    rows = json.loads(run_cli(db_path, "themes", "-f", "json").stdout)
    assert {r["label"] for r in rows} == {"Markets and trade agreements"}


def test_another_codebook_is_refused_in_one_line(db_path, mine, tmp_path):
    assert run_cli(db_path, "ingest", *map(str, SEED_FILES[:2])).exit_code == 0
    before = sqlite3.connect(db_path).execute("SELECT * FROM statement_themes ORDER BY 1, 2").fetchall()
    for command in (["ingest", str(SEED_FILES[2])], ["themes"], ["diff", "2023", "2024"]):
        result = run_cli(db_path, "--codebook", str(mine), *command)
        assert result.exit_code == 1, command
        assert result.stderr.count("\n") == 1
        assert "coded with the default codebook" in result.stderr and f"ngkt --codebook {mine} relink" in result.stderr
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM documents").fetchone() == (2,)
    assert sqlite3.connect(db_path).execute("SELECT * FROM statement_themes ORDER BY 1, 2").fetchall() == before


def test_relink_with_another_codebook_recodes_everything_and_says_so(db_path, mine):
    assert run_cli(db_path, "ingest", str(SEEDS)).exit_code == 0
    result = run_cli(db_path, "--codebook", str(mine), "relink")
    assert result.exit_code == 0
    assert f"recoded every statement with codebook {mine.name}" in result.stderr
    assert "the database was coded with the default codebook" in result.stderr
    assert run_cli(db_path, "--codebook", str(mine), "themes").exit_code == 0
    assert run_cli(db_path, "ingest", str(SEED_FILES[0])).exit_code == 0
    assert "Markets and trade agreements" in run_cli(db_path, "themes").stdout
    refused = run_cli(db_path, "themes", "--by", "document")
    assert refused.exit_code == 0  # the database's own codebook, recorded with its text
    mine.write_text(MINE.replace("du lich", "du lich|lu hanh"), encoding="utf-8")  # edited since: another codebook
    assert run_cli(db_path, "--codebook", str(mine), "themes").exit_code == 1


def test_themes_by_document_shows_labels_not_ids(seeded_db):
    table = run_cli(seeded_db, "themes", "--by", "document").stdout
    assert "Green transition" in table and "markets_fta" not in table
    rows = json.loads(run_cli(seeded_db, "themes", "--by", "document", "-f", "json").stdout)
    assert "Green transition" in rows[0]["themes"] and "green" in rows[0]["theme_ids"].split()


def test_a_database_from_before_codebooks_were_recorded_is_coded_again_with_its_next_one(db_path, mine):
    assert run_cli(db_path, "ingest", *map(str, SEED_FILES[:3])).exit_code == 0
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM meta WHERE key LIKE 'codebook_%'")  # as ngkt left it until now
    conn.close()
    assert run_cli(db_path, "--codebook", str(mine), "ingest", str(SEED_FILES[3])).exit_code == 0
    assert themes_of(db_path, SEED_FILES[2].name) == {"markets"}  # stored before, coded again


def test_a_newer_default_codebook_recodes_a_database_coded_with_the_default(db_path):
    assert run_cli(db_path, "ingest", *map(str, SEED_FILES[:3])).exit_code == 0
    coded = themes_of(db_path, SEED_FILES[2].name)
    conn = sqlite3.connect(db_path)
    with conn:  # as an older ngkt's default codebook left it: other content, other codes
        conn.execute("UPDATE meta SET value = '000000000000' WHERE key = 'codebook_sha'")
        conn.execute("DELETE FROM statement_themes")
    conn.close()
    result = run_cli(db_path, "ingest", str(SEED_FILES[3]))
    assert result.exit_code == 0 and "the default codebook changed with this version of ngkt" in result.stderr
    assert themes_of(db_path, SEED_FILES[2].name) == coded


def test_the_ingest_workers_code_with_the_codebook_of_the_run(db_path, tmp_path, monkeypatch):
    """Enough files for the worker pool: each worker codes its chunk with the run's codebook,
    passed to it with the chunk, not with the codebook shipped with ngkt."""
    from conftest import ARTICLE

    from ngkt_cli.ingest import PARALLEL_MIN_FILES

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(PARALLEL_MIN_FILES + 8):
        day = f"{n % 14 * 2 + 1}/{n // 14 + 1}/2025"
        text = ARTICLE.replace("Sáng 15/1", f"Sáng {day}").replace("tổng kết năm 2024", f"tổng kết số {n}")
        (inbox / f"article_{n:02}.txt").write_text(text, encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text('[[theme]]\nid = "investment"\nlabel = "Investment"\npatterns = ["dau tu"]\n', encoding="utf-8")
    monkeypatch.setenv("NGKT_WORKERS", "2")
    assert run_cli(db_path, "--codebook", str(own), "ingest", str(inbox)).exit_code == 0
    conn = sqlite3.connect(db_path)
    coded = conn.execute(
        "SELECT s.text, t.theme FROM statements s LEFT JOIN statement_themes t ON t.statement_id = s.id"
    ).fetchall()
    conn.close()
    assert len(coded) == 3 * (PARALLEL_MIN_FILES + 8)
    assert {(text, theme) for text, theme in coded} == {
        ("đa dạng hoá thị trường xuất khẩu", None),
        ("thu hút đầu tư chất lượng cao", "investment"),
        ("thúc đẩy chuyển đổi xanh", None),
    }


def test_corrections_by_hand_code_with_the_databases_own_codebook(db_path, mine):
    """`doc date` extracts a document again and `doc scope` links (recoding when the database asks
    for it): both code with the analyst's codebook the database records, not the shipped one."""
    assert run_cli(db_path, "--codebook", str(mine), "ingest", *map(str, SEED_FILES[:3])).exit_code == 0
    rows = json.loads(run_cli(db_path, "docs", "-f", "json").stdout)
    doc_id = next(row["id"] for row in rows if row["path"].endswith(SEED_FILES[2].name))
    assert run_cli(db_path, "doc", "date", doc_id, "2024-01-10").exit_code == 0
    assert themes_of(db_path, SEED_FILES[2].name) == {"markets"}
    conn = sqlite3.connect(db_path)
    with conn:  # as a migration leaves a database whose coding changed
        conn.execute("DELETE FROM statement_themes")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('themes_stale', '1')")
    conn.close()
    assert run_cli(db_path, "doc", "scope", doc_id, "in").exit_code == 0
    assert themes_of(db_path, SEED_FILES[2].name) == {"markets"}


def test_themes_with_nothing_coded_is_a_sentence_not_an_empty_table(db_path, tmp_path):
    codebook = tmp_path / "rare.toml"
    codebook.write_text('[[theme]]\nid = "space"\nlabel = "Space"\npatterns = ["vu tru"]\n', encoding="utf-8")
    assert run_cli(db_path, "--codebook", str(codebook), "ingest", *map(str, SEED_FILES[:2])).exit_code == 0
    assert run_cli(db_path, "themes").stdout == "No statement is coded with a theme of this codebook.\n"
    assert json.loads(run_cli(db_path, "themes", "-f", "json").stdout) == []


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        # a newcomer's page: ODA and foreign investment attracted together, for infrastructure
        ("Thu hút nguồn vốn ODA và đầu tư nước ngoài vào hạ tầng giao thông.", {"investment", "oda", "infrastructure"}),
        ("Thu hút có chọn lọc dòng vốn đầu tư chất lượng cao vào bán dẫn.", {"investment", "high_tech"}),
        ("Góp phần bảo đảm an ninh năng lượng, an ninh lương thực.", {"security"}),
        ("Thu hút khách du lịch quốc tế.", {"culture_people"}),  # attracting, but not investment
        ("Bảo đảm an ninh trật tự tại địa phương.", set()),  # public order is no economic security
    ],
)
def test_the_default_codebook_reads_investment_and_security_in_their_usual_wordings(text, themes):
    from ngkt_cli.themes import code, load_codebook

    assert set(code(text, load_codebook())) == themes
