"""Corrections keep identities: a document is who it is because of its source, a version because
of its text, so citations and thread ids printed before a correction keep their meaning."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from conftest import SEEDS, run_cli

SEED = "000_27309452084d270c.txt"  # document 71d55a37be2b: one list of six priorities for 2024
SEED_ID = "71d55a37be2b"
# Its id in tests/data/schema13_one_seed.db, built when the picture's credit ("Ảnh: Quochoi.vn")
# was still read as body text.
OLD_SEED_ID = "bc4dfcb9f9f2"

TWO_LISTS = """Bộ Ngoại giao tổng kết công tác ngoại giao kinh tế năm 2024

Chiều 20/12/2024, tại Hà Nội, Bộ trưởng Bùi Thanh Sơn chủ trì hội nghị tổng kết công tác ngoại giao kinh tế.

{results}

Về năm 2025, Bộ trưởng nêu 2 trọng tâm: thứ nhất, hỗ trợ doanh nghiệp tận dụng các hiệp định thương mại tự do; thứ hai, thúc đẩy hợp tác chuyển đổi số với các đối tác.
"""
RESULTS_AS_A_LIST = (
    "Bộ trưởng cho biết năm 2024 ngoại giao kinh tế đạt 3 kết quả nổi bật: một là, mở rộng thị trường xuất khẩu "
    "cho nông sản; hai là, thu hút nhiều dự án đầu tư công nghệ cao; ba là, ký kết thêm hai hiệp định thương mại tự do."
)
RESULTS_IN_A_SENTENCE = "Bộ trưởng cho biết năm 2024 ngoại giao kinh tế đạt nhiều kết quả nổi bật."


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def threads_by_statement(db: Path) -> dict[str, tuple[str, str]]:
    """statement id -> (text, thread id)."""
    return {r[0]: (r[1], r[2]) for r in rows(db, "SELECT id, text, thread_id FROM statements")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_correction_outside_the_lists_keeps_every_id(seeds_copy, db_path, cli):
    assert cli("ingest", str(seeds_copy)).exit_code == 0
    before = threads_by_statement(db_path)
    edit(seeds_copy / SEED, "trong thời gian tới, Bộ Ngoại giao đã đặt ra", "thời gian tới, Bộ Ngoại giao đặt ra")
    result = cli("ingest", str(seeds_copy))
    assert "0 new, 1 updated, 4 unchanged" in result.stderr
    assert threads_by_statement(db_path) == before  # the same statements, ids and threads
    assert rows(db_path, "SELECT id, version FROM documents WHERE path LIKE ?", [f"%{SEED}"]) == [(SEED_ID, 2)]
    shown = cli("show", f"{SEED_ID}/L1.3")
    assert shown.exit_code == 0 and "đẩy mạnh thu hút nguồn lực" in shown.stdout
    assert "version 2: the text changed on " in cli("show", SEED_ID).stdout


def test_a_reworded_item_keeps_its_id_and_thread_and_show_says_how_it_read(seeds_copy, db_path, cli):
    assert cli("ingest", str(seeds_copy)).exit_code == 0
    before = threads_by_statement(db_path)
    old_text, thread = before[f"{SEED_ID}/L1.3"]
    edit(seeds_copy / SEED, "đẩy mạnh thu hút nguồn lực", "tăng cường thu hút nguồn lực")
    assert "1 updated" in cli("ingest", str(seeds_copy)).stderr
    after = threads_by_statement(db_path)
    assert after[f"{SEED_ID}/L1.3"][0].startswith("tăng cường thu hút nguồn lực")
    assert after[f"{SEED_ID}/L1.3"][1] == thread
    assert {k: v for k, v in after.items() if k != f"{SEED_ID}/L1.3"} == {
        k: v for k, v in before.items() if k != f"{SEED_ID}/L1.3"
    }
    shown = cli("show", f"{SEED_ID}/L1.3")
    assert shown.exit_code == 0
    assert "tăng cường thu hút nguồn lực" in shown.stdout
    assert "reworded in version 2 of the article" in shown.stdout and old_text in shown.stdout
    item = json.loads(cli("show", f"{SEED_ID}/L1.3", "--format", "json").stdout)
    assert [(h["change"], h["version"], h["text"]) for h in item["history"]] == [("reworded", 2, old_text)]


def test_old_citations_of_renumbered_and_removed_items_resolve(tmp_path, db_path, cli):
    """The correction turns the first list (3 results) into a sentence: the priorities' list
    becomes list 1, and the results are gone."""
    article = tmp_path / "tong-ket.txt"
    article.write_text(TWO_LISTS.format(results=RESULTS_AS_A_LIST), encoding="utf-8")
    assert "1 new" in cli("ingest", str(article)).stderr
    [(doc,)] = rows(db_path, "SELECT id FROM documents")
    before = threads_by_statement(db_path)
    assert before[f"{doc}/L2.1"][0] == "hỗ trợ doanh nghiệp tận dụng các hiệp định thương mại tự do"
    article.write_text(TWO_LISTS.format(results=RESULTS_IN_A_SENTENCE), encoding="utf-8")
    assert "1 updated" in cli("ingest", str(article)).stderr
    assert sorted(threads_by_statement(db_path)) == [f"{doc}/L1.1", f"{doc}/L1.2"]
    # The priority moved from L2.1 to L1.1 and kept its thread.
    assert threads_by_statement(db_path)[f"{doc}/L1.1"] == before[f"{doc}/L2.1"]
    moved = cli("show", f"{doc}/L2.1")
    assert moved.exit_code == 0
    assert "hỗ trợ doanh nghiệp tận dụng" in moved.stdout and f"now {doc}/L1.1" in moved.stdout
    removed = cli("show", f"{doc}/L1.3")
    assert removed.exit_code == 0
    assert "removed in version 2 of the article" in removed.stdout and "ký kết thêm hai hiệp định" in removed.stdout
    # L1.1 names another item now: the current one is printed, and what it named before is said.
    reused = cli("show", f"{doc}/L1.1")
    assert reused.exit_code == 0
    assert (
        "hỗ trợ doanh nghiệp tận dụng" in reused.stdout and "mở rộng thị trường xuất khẩu cho nông sản" in reused.stdout
    )
    assert cli("show", f"{doc}/L3.1").exit_code == 1  # never an item: still not found


def test_the_same_text_at_two_paths_is_two_documents_one_a_duplicate(tmp_path, db_path, cli):
    first, second = tmp_path / "outlet_a" / SEED, tmp_path / "outlet_b" / SEED
    for path in (first, second):
        path.parent.mkdir()
        shutil.copy(SEEDS / SEED, path)
    assert "1 new, 0 updated, 0 unchanged, 1 duplicate" in cli("ingest", str(first), str(second)).stderr
    docs = {Path(p).parent.name: (i, d) for i, p, d in rows(db_path, "SELECT id, path, duplicate_of FROM documents")}
    assert docs["outlet_a"] == (SEED_ID, None)
    copy_id = docs["outlet_b"][0]
    assert copy_id != SEED_ID and docs["outlet_b"][1] == SEED_ID
    edit(second, "trong thời gian tới, Bộ Ngoại giao đã đặt ra", "thời gian tới, Bộ Ngoại giao đặt ra")
    assert "0 updated, 1 unchanged, 1 duplicate" in cli("ingest", str(first), str(second)).stderr
    assert rows(db_path, "SELECT id, duplicate_of, version FROM documents ORDER BY version") == [
        (SEED_ID, None, 1),
        (copy_id, SEED_ID, 2),
    ]


def test_the_same_file_named_two_ways_is_one_document(seeds_copy, db_path, cli, monkeypatch):
    monkeypatch.chdir(seeds_copy.parent)
    assert "1 new" in cli("ingest", f"seeds/{SEED}").stderr
    assert "1 unchanged" in cli("ingest", str(seeds_copy / SEED)).stderr
    edit(seeds_copy / SEED, "đẩy mạnh thu hút nguồn lực", "tăng cường thu hút nguồn lực")
    assert "1 updated" in cli("ingest", f"./seeds/{SEED}").stderr
    assert rows(db_path, "SELECT id FROM documents") == [(SEED_ID,)]


def test_a_moved_archive_keeps_its_documents(seeds_copy, db_path, cli):
    assert cli("ingest", str(seeds_copy)).exit_code == 0
    before = threads_by_statement(db_path)
    moved = seeds_copy.rename(seeds_copy.parent / "archive")
    assert "0 new, 0 updated, 5 unchanged, 0 duplicate" in cli("ingest", str(moved)).stderr
    edit(moved / SEED, "trong thời gian tới, Bộ Ngoại giao đã đặt ra", "thời gian tới, Bộ Ngoại giao đặt ra")
    assert "1 updated" in cli("ingest", str(moved)).stderr
    assert threads_by_statement(db_path) == before
    assert rows(db_path, "SELECT source FROM documents WHERE id = ?", [SEED_ID]) == [(str((moved / SEED).resolve()),)]


def test_a_database_built_before_versions_upgrades_and_its_citations_resolve(tmp_path, monkeypatch):
    """tests/data/schema13_one_seed.db: `ngkt ingest seeds/000_....txt` by ngkt at schema 13,
    when a correction gave the document a new id."""
    db = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema13_one_seed.db", db)
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEEDS / SEED, tmp_path / "seeds" / SEED)
    monkeypatch.chdir(tmp_path)
    old_text = "đẩy mạnh thu hút nguồn lực phục vụ cho thúc đẩy"
    assert old_text in run_cli(db, "show", f"{OLD_SEED_ID}/L1.3").stdout
    # The cleaner now leaves the picture's credit out of the body: a new version, the same id.
    assert "1 updated" in run_cli(db, "ingest", f"seeds/{SEED}").stderr
    assert "1 unchanged" in run_cli(db, "ingest", str(tmp_path / "seeds" / SEED)).stderr  # claimed by its path
    assert old_text in run_cli(db, "show", f"{OLD_SEED_ID}/L1.3").stdout
    before = threads_by_statement(db)
    edit(tmp_path / "seeds" / SEED, "đẩy mạnh thu hút nguồn lực", "tăng cường thu hút nguồn lực")
    assert "1 updated" in run_cli(db, "ingest", f"seeds/{SEED}").stderr
    shown = run_cli(db, "show", f"{OLD_SEED_ID}/L1.3")
    assert shown.exit_code == 0 and "tăng cường thu hút nguồn lực" in shown.stdout and old_text in shown.stdout
    after = threads_by_statement(db)
    assert {k: v[1] for k, v in after.items()} == {k: v[1] for k, v in before.items()}
    assert rows(db, "SELECT source FROM documents") == [(str((tmp_path / "seeds" / SEED).resolve()),)]


def test_old_citations_survive_a_reextraction_that_renumbers(seeds_copy, db_path, cli):
    """A newer extractor finds one more list before the others: every list id after it shifts."""
    from dataclasses import replace

    from ngkt_cli import db as store
    from ngkt_cli.extract import extract

    assert cli("ingest", str(seeds_copy)).exit_code == 0
    old_text = threads_by_statement(db_path)[f"{SEED_ID}/L1.5"][0]
    conn = store.open_db(db_path)
    found = extract(store.get_document(conn, SEED_ID))
    earlier = replace(found.lists[0], items=found.lists[0].items[:2], kind="achievement")
    with store.transaction(conn):
        store.write_extraction(conn, SEED_ID, replace(found, lists=(earlier,) + found.lists))
    conn.close()
    assert threads_by_statement(db_path)[f"{SEED_ID}/L2.5"][0] == old_text
    shown = cli("show", f"{SEED_ID}/L1.5")
    assert shown.exit_code == 0
    assert old_text in shown.stdout and "moved in the re-extraction of " in shown.stdout
    assert f"it is now {SEED_ID}/L2.5" in shown.stdout


def test_a_database_built_before_versions_claims_its_documents_by_their_text_from_elsewhere(tmp_path, monkeypatch):
    """Ingested then as seeds/... from one folder, now by an absolute path from another."""
    db = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema13_one_seed.db", db)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEEDS / SEED, tmp_path / "seeds" / SEED)
    # First read as the cleaner reads it today (it now leaves the picture's credit out), then moved.
    assert "1 updated" in run_cli(db, "ingest", f"seeds/{SEED}").stderr
    shutil.rmtree(tmp_path / "seeds")
    assert "0 new, 0 updated, 1 unchanged, 0 duplicate" in run_cli(db, "ingest", str(SEEDS / SEED)).stderr
    assert rows(db, "SELECT id, source FROM documents") == [(OLD_SEED_ID, str((SEEDS / SEED).resolve()))]


def older_reading(db: Path, document_id: str, **fields) -> None:
    """Store `fields` as an older version's reading of the document (the same text)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            f"UPDATE documents SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
            [*fields.values(), document_id],
        )
    conn.close()


def test_ingesting_an_unchanged_file_again_takes_a_newer_reading_of_its_date_and_title(seeds_copy, db_path, cli):
    """A stored reading as an older version of ngkt made it (another title and date for the same
    text): ingesting the file again reads it anew, under the same id, with the same statements."""
    assert cli("ingest", str(seeds_copy)).exit_code == 0
    title, date, year = rows(db_path, "SELECT title, date, statement_year FROM documents WHERE id = ?", [SEED_ID])[0]
    before = threads_by_statement(db_path)
    older_reading(db_path, SEED_ID, title="Tin tức", date="2023-05-02", statement_year=2023)
    outcomes = {Path(o["path"]).name: o for o in json.loads(cli("ingest", "--format", "json", str(seeds_copy)).stdout)}
    assert (outcomes[SEED]["status"], outcomes[SEED]["reason"]) == ("updated", "read anew: title, date, statement_year")
    assert [o["status"] for name, o in outcomes.items() if name != SEED] == ["unchanged"] * 4
    assert rows(db_path, "SELECT title, date, statement_year, version FROM documents WHERE id = ?", [SEED_ID]) == [
        (title, date, year, 2)
    ]
    assert threads_by_statement(db_path) == before
    assert "5 unchanged" in cli("ingest", str(seeds_copy)).stderr  # read as this version reads it: nothing to do


def test_reading_an_unchanged_file_anew_keeps_the_date_set_by_hand(seeds_copy, db_path, cli):
    assert cli("ingest", str(seeds_copy)).exit_code == 0
    assert cli("doc", "date", SEED_ID, "2024-03-01").exit_code == 0
    (title,) = rows(db_path, "SELECT title FROM documents WHERE id = ?", [SEED_ID])[0]
    older_reading(db_path, SEED_ID, title="Tin tức")
    said = " ".join(cli("ingest", str(seeds_copy)).stderr.split())
    assert "0 new, 1 updated, 4 unchanged, 0 duplicate, 0 rejected (1 of the updated read anew by this version" in said
    assert rows(db_path, "SELECT title, date, date_source FROM documents WHERE id = ?", [SEED_ID]) == [
        (title, "2024-03-01", "user")
    ]
