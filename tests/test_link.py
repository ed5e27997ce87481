"""Stage 3: threads across years, the analyst's corrections, and themes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import database_at_version, GOLD, SEEDS, run_cli
from collections import Counter

from ngkt_cli.link import features, paragraph_terms

SEED_FILES = sorted(SEEDS.iterdir())


def statement_id(db: Path, ref: str) -> str:
    """The statement id of a gold reference such as "001/priority#3"."""
    prefix, rest = ref.split("/")
    kind, ordinal = rest.split("#")
    [(found,)] = sqlite3.connect(db).execute(
        """SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE d.path LIKE ? AND s.kind = ? AND s.ordinal = ? AND s.list_id IS NOT NULL""",
        [f"%/{prefix}%", kind, int(ordinal)],
    ).fetchall()
    return found


def thread_of(db: Path) -> dict[str, str]:
    return dict(sqlite3.connect(db).execute("SELECT id, thread_id FROM statements"))


def assert_gold_threads(db: Path) -> None:
    threads = thread_of(db)
    for group in GOLD["threads"]["must_link"]:
        together = {threads[statement_id(db, ref)] for ref in group["items"]}
        assert len(together) == 1, group["name"]
        if "with_any_of" in group:
            assert any(threads[statement_id(db, ref)] in together for ref in group["with_any_of"]), group["name"]
    for first, second in GOLD["threads"]["must_not_link"]:
        assert threads[statement_id(db, first)] != threads[statement_id(db, second)], (first, second)


def copy_db(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    sqlite3.connect(source).backup(sqlite3.connect(target))
    return target


# --- the gold links ----------------------------------------------------------------------------


def test_gold_threads_after_ingest(seeded_db):
    assert_gold_threads(seeded_db)


def test_gold_threads_after_relink(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    before = thread_of(db)
    result = run_cli(db, "relink")
    assert result.exit_code == 0
    assert_gold_threads(db)
    assert thread_of(db) == before  # nothing changed, so every thread keeps its id


@pytest.mark.parametrize("order", [SEED_FILES[::-1], [SEED_FILES[i] for i in (2, 4, 0, 3, 1)]], ids=["reverse", "shuffled"])
def test_gold_threads_whatever_the_ingest_order(tmp_path, order):
    db = tmp_path / "order.db"
    assert run_cli(db, "ingest", *map(str, order)).exit_code == 0
    assert_gold_threads(db)


@pytest.mark.parametrize("order", [SEED_FILES[::-1], [SEED_FILES[i] for i in (1, 0, 3, 4, 2)]], ids=["reverse", "shuffled"])
def test_gold_threads_when_files_arrive_one_run_at_a_time(tmp_path, order):
    db = tmp_path / "runs.db"
    for path in order:
        assert run_cli(db, "ingest", str(path)).exit_code == 0
    assert_gold_threads(db)


def test_two_items_of_one_list_never_share_a_thread(seeded_db):
    rows = sqlite3.connect(seeded_db).execute(
        "SELECT list_id, thread_id, count(*) FROM statements WHERE list_id IS NOT NULL GROUP BY list_id, thread_id HAVING count(*) > 1"
    ).fetchall()
    assert rows == []


def test_tone_placement_does_not_change_terms():
    assert features("Đa dạng hoá thị trường xuất khẩu") == features("đa dạng hóa thị trường xuất khẩu")


def test_duplicate_statements_join_the_original_threads_and_are_not_counted(tmp_path):
    db = tmp_path / "dup.db"
    original = (SEEDS / "000_27309452084d270c.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    copy = original.replace("Phó Chủ tịch Quốc hội Nguyễn Khắc Định điều hành nội dung phiên họp.", "")
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    run_cli(db, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    rows = sqlite3.connect(db).execute(
        "SELECT d.path, s.ordinal, s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id ORDER BY s.ordinal"
    ).fetchall()
    by_path = {}
    for path, ordinal, thread in rows:
        by_path.setdefault(Path(path).name, []).append(thread)
    assert by_path["a.txt"] == by_path["b.txt"]
    listed = json.loads(run_cli(db, "threads", "--format", "json").stdout)
    assert sum(len(t["statement_ids"]) for t in listed) == 6


# --- incremental linking -----------------------------------------------------------------------


def test_a_new_article_joins_existing_threads_without_renumbering(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    before = thread_of(db)
    article = (
        "Bộ trưởng nêu 2 trọng tâm năm 2025\n\nSáng 10/1, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết, "
        "năm 2025 ngoại giao kinh tế có 2 trọng tâm. Thứ nhất, chú trọng công tác nghiên cứu, tham mưu, "
        "dự báo chiến lược phục vụ điều hành kinh tế - xã hội. Thứ hai, phát triển du lịch biển đảo."
    )
    (tmp_path / "new.txt").write_text(article, encoding="utf-8")
    assert run_cli(db, "ingest", str(tmp_path / "new.txt")).exit_code == 0
    after = thread_of(db)
    assert {k: v for k, v in after.items() if k in before} == before
    research = after[statement_id(db, "001/priority#3")]
    new_ids = sorted(set(after) - set(before))
    assert after[new_ids[0]] == research
    assert after[new_ids[1]] not in before.values()


# --- commands and curation ---------------------------------------------------------------------


def test_threads_lists_years_and_labels(seeded_db):
    rows = json.loads(run_cli(seeded_db, "threads", "--min-years", "2", "--format", "json").stdout)
    assert len(rows) >= 4
    assert all(len(row["years"]) >= 2 for row in rows)
    table = run_cli(seeded_db, "threads", "--year", "2023").stdout
    assert table.splitlines()[0].split() == ["id", "years", "statements", "label"]


def test_thread_show_explains_members(seeded_db):
    research = thread_of(seeded_db)[statement_id(seeded_db, "001/priority#3")]
    result = run_cli(seeded_db, "thread", research)
    assert result.exit_code == 0
    assert "shared key terms:" in result.stdout and "nghiên cứu" in result.stdout
    assert "2023  e152e20950b5/L2.3  similarity" in result.stdout
    view = json.loads(run_cli(seeded_db, "thread", "show", research, "--format", "json").stdout)
    assert view["years"] == [2023, 2024]
    assert all(0 < s["similarity"] <= 1.5 for s in view["statements"])
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run_cli(seeded_db, "thread", "show", research, "--format", "csv").stdout)))
    assert [(r["thread_id"], r["id"], r["similarity"]) for r in rows] == [(research, s["id"], str(s["similarity"])) for s in view["statements"]]
    assert run_cli(seeded_db, "timeline", "--thread", research, "-f", "csv").stdout == run_cli(seeded_db, "thread", research, "-f", "csv").stdout
    assert run_cli(seeded_db, "thread", research, "-f", "markdown").stdout.startswith("| thread_id | target_year |")


def test_a_members_similarity_is_its_score_with_the_rest_of_the_thread(seeded_db):
    from ngkt_cli.link import Item, ThreadIndex, load_idf, similarity_to_rest

    index = ThreadIndex(load_idf(sqlite3.connect(seeded_db)))
    a = Item("a", "priority", "L1", "đa dạng hóa thị trường xuất khẩu", "k1", "markets")
    b = Item("b", "priority", "L2", "đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng", "k2", "markets")
    c = Item("c", "priority", "L3", "nâng cao năng lực nghiên cứu, tham mưu", "k3", "research")
    pair = similarity_to_rest([a, b], index)
    assert pair["a"] == pytest.approx(pair["b"]) == pytest.approx(index.pair_score(a, b))
    three = similarity_to_rest([a, b, c], index)
    assert three["c"] < index.settings.threshold < three["a"]  # the odd one out shows


def test_unknown_thread_is_one_line_exit_1(seeded_db):
    result = run_cli(seeded_db, "thread", "T9999")
    assert result.exit_code == 1
    assert result.stderr == "ngkt: error: no thread 'T9999' (see `ngkt threads`)\n"


def test_merge_survives_relink_reingest_and_reextract(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    a, b = statement_id(db, "002/priority#5"), statement_id(db, "004/priority#2")
    threads = thread_of(db)
    keep, other = threads[a], threads[b]
    assert keep != other
    assert run_cli(db, "thread", "merge", keep, other).exit_code == 0
    assert thread_of(db)[b] == keep
    for command in (["relink"], ["ingest", str(SEEDS)], ["reextract"]):
        assert run_cli(db, *command).exit_code == 0
        assert thread_of(db)[a] == thread_of(db)[b] == keep, command
    history = run_cli(db, "thread", "history", keep).stdout
    assert f"merged {other} into {keep}" in history


def _members_elsewhere(db: Path, thread: str, statement: str) -> set[str]:
    """The other members of `thread` from other documents than `statement`'s."""
    document = statement.split("/")[0]
    return {s for s, t in thread_of(db).items() if t == thread and not s.startswith(document)}


def test_a_split_lasts_when_its_article_file_changes(seeds_copy, tmp_path):
    """The outlet corrects its lede: a new version of the same document, whose statements keep their ids."""
    db = tmp_path / "n.db"
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    left_behind = _members_elsewhere(db, old_thread, research)
    assert left_behind
    assert run_cli(db, "thread", "split", research).exit_code == 0
    page = next(seeds_copy.glob("000_*"))
    page.write_text(page.read_text(encoding="utf-8").replace("trong thời gian tới, Bộ Ngoại giao đã đặt ra", "thời gian tới, Bộ Ngoại giao đặt ra"), encoding="utf-8")
    assert "1 updated" in run_cli(db, "ingest", str(seeds_copy)).stderr
    successor = statement_id(db, "000/priority#5")
    assert successor == research
    for command in ([], ["relink"]):
        assert not command or run_cli(db, *command).exit_code == 0
        threads = thread_of(db)
        assert not {threads[s] for s in left_behind} & {threads[successor]}, command
    rules = sqlite3.connect(db).execute("SELECT DISTINCT statement_id FROM decisions WHERE action = 'unlink'").fetchall()
    assert rules == [(successor,)]


def test_decisions_follow_their_statement_when_reextraction_renumbers(seeded_db, tmp_path):
    """A newer extractor finds one more list before the others: every list id shifts by one."""
    from ngkt_cli import db as store
    from ngkt_cli.extract import extract

    db = copy_db(seeded_db, tmp_path)
    research = statement_id(db, "000/priority#5")
    left_behind = _members_elsewhere(db, thread_of(db)[research], research)
    assert run_cli(db, "thread", "split", research).exit_code == 0
    conn = store.open_db(db)
    found = extract(store.get_document(conn, research.split("/")[0]))
    earlier = extract(store.get_document(conn, statement_id(db, "001/achievement#1").split("/")[0])).lists[0]
    with store.transaction(conn):
        store.write_extraction(conn, research.split("/")[0], replace(found, lists=(earlier,) + found.lists))
    conn.close()
    renumbered = statement_id(db, "000/priority#5")  # now in L2
    assert renumbered == research.replace("/L1.", "/L2.")
    assert run_cli(db, "relink").exit_code == 0
    threads = thread_of(db)
    assert not {threads[s] for s in left_behind} & {threads[renumbered]}


def test_decisions_about_a_statement_that_is_gone_are_dropped_and_say_so(seeds_copy, tmp_path):
    db = tmp_path / "n.db"
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    assert run_cli(db, "thread", "split", research).exit_code == 0
    alone = thread_of(db)[research]
    page = next(seeds_copy.glob("000_*"))
    page.write_text(page.read_text(encoding="utf-8").replace("Thứ năm là phát huy lợi thế, nâng cao hơn nữa vai trò ngoại giao", "Thứ năm là nâng cao vai trò ngoại giao"), encoding="utf-8")
    assert run_cli(db, "ingest", str(seeds_copy)).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM decisions WHERE action IN ('link', 'unlink')").fetchone() == (0,)
    assert f"split {research} from {old_thread}" in run_cli(db, "thread", "history", old_thread).stdout
    [dropped] = json.loads(run_cli(db, "thread", "history", alone, "-f", "json").stdout)[-1:]
    assert (dropped["action"], dropped["statement_id"]) == ("forget", research)
    assert dropped["note"] == f"dropped the decisions about {research}: its article changed and no statement in it reads the same now"


def test_an_acronym_and_its_words_are_one_priority(tmp_path):
    """2024 writes "các FTA", 2025 "các hiệp định thương mại tự do": the same priority."""
    texts = {
        "2024.txt": "Ngoại giao kinh tế 2024\n\nNgày 5/1/2024, Bộ trưởng Bùi Thanh Sơn nêu 2 trọng tâm. "
                    "Thứ nhất, tận dụng hiệu quả các FTA. Thứ hai, nâng cao năng lực nghiên cứu, dự báo.",
        "2025.txt": "Ngoại giao kinh tế 2025\n\nNgày 6/1/2025, Bộ trưởng Bùi Thanh Sơn nêu 2 trọng tâm. "
                    "Thứ nhất, thu hút đầu tư vào bán dẫn. Thứ hai, khai thác tốt các hiệp định thương mại tự do.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "a.db"
    assert run_cli(db, "ingest", str(tmp_path)).exit_code == 0
    threads = {text: thread for text, thread in sqlite3.connect(db).execute("SELECT text, thread_id FROM statements")}
    assert threads["tận dụng hiệu quả các FTA"] == threads["khai thác tốt các hiệp định thương mại tự do"]
    assert len(set(threads.values())) == 3


def test_upgraded_databases_count_their_terms_again(tmp_path):
    from ngkt_cli.db import open_db

    path = database_at_version(
        tmp_path / "v11.db", 11,
        ("INSERT INTO documents (id, path, body, ingested_at, terms_counted) VALUES ('d1', 'a', 'Tận dụng các FTA.\n\nMở rộng thị trường.', 'x', 1)", []),
        ("INSERT INTO term_df (term, df) VALUES ('fta', 1), ('stale', 5)", []),
        ("INSERT INTO meta (key, value) VALUES ('paragraphs', '7')", []),
        ("INSERT INTO statements (id, document_id, kind, ordinal, text, text_key, paragraph, char_start, char_end, thread_id) "
         "VALUES ('d1/L1.1', 'd1', 'priority', 1, 'hợp tác về AI', 'hợp tác về ai', 0, 0, 13, NULL)", []),
    )
    open_db(path).close()
    (tmp_path / "empty").mkdir()
    assert run_cli(path, "ingest", str(tmp_path / "empty")).exit_code == 0  # the linking that counts them
    conn = sqlite3.connect(path)
    df = dict(conn.execute("SELECT term, df FROM term_df"))
    assert "stale" not in df and df["fta"] == df["hiệp_định"] == df["thị_trường"] == 1
    assert conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone() == ("2",)
    assert conn.execute("SELECT theme FROM statement_themes WHERE statement_id = 'd1/L1.1'").fetchall() == [("digital",)]


def test_merge_refuses_two_items_of_one_list(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    threads = thread_of(db)
    first, second = threads[statement_id(db, "000/priority#1")], threads[statement_id(db, "000/priority#6")]
    result = run_cli(db, "thread", "merge", first, second)
    assert result.exit_code == 2
    assert "two items of one list are never one priority" in result.stderr


@pytest.mark.parametrize("command", ["merge", "move"])
def test_merge_and_move_refuse_to_mix_kinds(seeded_db, tmp_path, command):
    """Threads never mix kinds: an achievement never joins a priority's thread."""
    db = copy_db(seeded_db, tmp_path)
    achievement, priority = statement_id(db, "001/achievement#1"), statement_id(db, "000/priority#5")
    threads = thread_of(db)
    args = (threads[priority], threads[achievement]) if command == "merge" else (achievement, threads[priority])
    result = run_cli(db, "thread", command, *args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "threads never mix kinds" in result.stderr
    assert "achievement" in result.stderr and "priority" in result.stderr
    assert thread_of(db) == threads


def test_split_and_move_last_through_relink(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    research = statement_id(db, "000/priority#5")
    old_thread = thread_of(db)[research]
    result = run_cli(db, "thread", "split", research)
    assert result.exit_code == 0
    alone = thread_of(db)[research]
    assert alone != old_thread
    run_cli(db, "relink")
    assert thread_of(db)[research] not in {thread_of(db)[statement_id(db, "001/priority#3")]}
    target = thread_of(db)[statement_id(db, "001/priority#3")]
    assert run_cli(db, "thread", "move", research, target).exit_code == 0
    run_cli(db, "relink")
    assert thread_of(db)[research] == thread_of(db)[statement_id(db, "001/priority#3")]
    assert "split" in run_cli(db, "thread", "history", old_thread).stdout


def test_label_stays_through_relink(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    thread = thread_of(db)[statement_id(db, "001/priority#3")]
    run_cli(db, "thread", "label", thread, "Nghiên cứu, tham mưu, dự báo")
    run_cli(db, "relink")
    rows = {r["id"]: r for r in json.loads(run_cli(db, "threads", "-f", "json").stdout)}
    assert rows[thread]["label"] == "Nghiên cứu, tham mưu, dự báo" and rows[thread]["labelled"]


# --- themes ------------------------------------------------------------------------------------


def test_themes_are_shares_per_year(seeded_db):
    rows = json.loads(run_cli(seeded_db, "themes", "--format", "json").stdout)
    growth = {r["year"]: r for r in rows if r["theme"] == "growth_drivers"}
    assert 2023 not in growth and growth[2024]["count"] == 3
    assert growth[2024]["share"] == round(3 / growth[2024]["statements"], 3)
    table = run_cli(seeded_db, "themes").stdout
    assert "Growth drivers" in table and "2024" in table.splitlines()[0]


def test_themes_read_acronyms_as_their_words():
    from ngkt_cli.themes import code, load_codebook

    codebook = load_codebook()
    assert code("thúc đẩy hợp tác về AI", codebook) == ["digital"]
    assert code("ai cũng biết điều đó", codebook) == []


def test_themes_by_document(seeded_db):
    rows = json.loads(run_cli(seeded_db, "themes", "--by", "document", "-f", "json").stdout)
    assert len(rows) == 5 and all("themes" in r for r in rows)


def test_own_codebook_replaces_the_default(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    codebook = tmp_path / "mine.toml"
    codebook.write_text('[[theme]]\nid = "tourism"\nlabel = "Tourism"\npatterns = ["du lich"]\n'
                        '[[theme]]\nid = "markets"\nlabel = "Markets"\npatterns = ["thi truong"]\n', encoding="utf-8")
    assert run_cli(db, "--codebook", str(codebook), "relink").exit_code == 0
    rows = json.loads(run_cli(db, "--codebook", str(codebook), "themes", "-f", "json").stdout)
    assert {r["theme"] for r in rows} == {"markets"}


def test_broken_codebook_is_a_clear_error(seeded_db, tmp_path):
    codebook = tmp_path / "broken.toml"
    codebook.write_text('[[theme]]\nid = "x"\npatterns = ["(unclosed"]\n', encoding="utf-8")
    result = run_cli(seeded_db, "--codebook", str(codebook), "themes")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ngkt: error: {codebook}: theme 'x' is not valid")


def test_a_later_article_in_other_words_joins_the_seed_threads(seeded_db, tmp_path):
    """A December 2024 conference restating four seed priorities in new words, and one new one."""
    db = copy_db(seeded_db, tmp_path)
    article = Path(__file__).parent / "data" / "unseen" / "2025_hoi_nghi_ngoai_giao_33.txt"
    assert run_cli(db, "ingest", str(article)).exit_code == 0
    threads = thread_of(db)
    [(doc_id,)] = sqlite3.connect(db).execute("SELECT id FROM documents WHERE path LIKE '%hoi_nghi%'").fetchall()
    new = {n: threads[f"{doc_id}/L1.{n}"] for n in range(1, 6)}
    assert new[1] == threads[statement_id(db, "002/priority#1")]  # the foreign-policy line
    assert new[2] == threads[statement_id(db, "002/priority#4")]  # diversify markets and supply chains
    assert new[3] == threads[statement_id(db, "001/priority#3")]  # research, advice, forecasting
    assert new[4] in {threads[statement_id(db, "004/priority#1")], threads[statement_id(db, "000/priority#3")]}  # growth drivers
    assert new[5] not in set(thread_of(seeded_db).values())  # tourism: a new thread
    diff = json.loads(run_cli(db, "diff", "2024", "2025", "-f", "json").stdout)
    assert {c["thread_id"] for c in diff["new"]} == {new[5]}


def _thread_of_text(db: Path, start: str) -> str:
    """The thread of the statement worded exactly `start`, else of the one that starts so."""
    conn = sqlite3.connect(db)
    for condition, value in (("text = ?", start), ("text LIKE ?", start + "%")):
        found = conn.execute(f"SELECT DISTINCT thread_id FROM statements WHERE list_id IS NOT NULL AND {condition}", [value]).fetchall()
        if found:
            [(thread,)] = found
            return thread
    raise AssertionError(f"no statement starts with {start!r}")


def test_an_item_on_two_topics_does_not_chain_them(tmp_path):
    """Seeds and every unseen article. 001's second priority speaks of partners and of export
    markets: a statement compared with the closest member of a thread let it pull both topics,
    and what each resembles, into one thread; compared with a thread's centroid, it does not."""
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(SEEDS), str(Path(__file__).parent / "data" / "unseen")).exit_code == 0
    same = [
        ("Đa dạng hoá thị trường xuất khẩu, khai thác hiệu quả", "đa dạng hóa thị trường xuất khẩu, sản phẩm và chuỗi cung ứng"),
        ("thúc đẩy hợp tác khoa học công nghệ", "đẩy mạnh hợp tác khoa học công nghệ và đổi mới sáng tạo"),
        ("thúc đẩy hợp tác kinh tế", "thúc đẩy hợp tác kinh tế với các đối tác lớn"),
        ("phục vụ tăng trưởng hai con số", "đẩy mạnh ngoại giao kinh tế phục vụ tăng trưởng hai con số"),
    ]
    for first, second in same:
        assert _thread_of_text(db, first) == _thread_of_text(db, second), (first, second)
    apart = [
        ("thúc đẩy hợp tác khoa học công nghệ", "Đa dạng hoá thị trường xuất khẩu, khai thác hiệu quả"),
        ("triển khai hiệu quả các thỏa thuận đã ký kết", "Đa dạng hóa thị trường, đa dạng sản phẩm"),
    ]
    for first, second in apart:
        assert _thread_of_text(db, first) != _thread_of_text(db, second), (first, second)
    assert_gold_threads(db)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_document_frequencies_count_each_statement_term_once_per_paragraph(path):
    body = path.read_text(encoding="utf-8").replace("\r\n", "\n") + "\n\nThoả thuận HOÁ   đơn"
    expected = Counter(term for paragraph in body.split("\n\n") for term in set(features(paragraph)))
    assert Counter(paragraph_terms(body)) == expected


def test_theme_openings_skip_only_themes_that_cannot_match(tmp_path):
    from ngkt_cli.text import fold
    from ngkt_cli.themes import _load, code_positions

    codebook = tmp_path / "codebook.toml"
    codebook.write_text(
        """[[theme]]
id = "optional_letter"
patterns = ["vac ?xin", "khoa hoc,? cong nghe"]
[[theme]]
id = "gap"
patterns = ["ho tro (?:\\\\w+,? ){0,3}?doanh nghiep"]
[[theme]]
id = "alternation"
patterns = ["chip|ban dan"]
[[theme]]
id = "lookahead"
patterns = ["the che(?! hoa)"]
""",
        encoding="utf-8",
    )
    themes = _load(str(codebook))
    texts = ["Sản xuất vắc-xin và vacxin", "khoa học công nghệ", "Khoa học, công nghệ", "hỗ trợ các doanh nghiệp",
             "hỗ trợ doanh nghiệp", "bán dẫn", "thể chế hóa", "hoàn thiện thể chế", "không gì cả"]
    for text in texts:
        plain = sorted((t.id, m.start()) for t in themes if (m := t.pattern.search(fold(text))))
        assert code_positions(text, themes) == sorted(plain, key=lambda p: (p[1], p[0]))
    assert [t.openings for t in themes] == [("vac", "khoa hoc"), ("ho tro ",), None, ("the che",)]
    assert [code_positions(t, themes) for t in texts[:2]] == [[("optional_letter", 20)], [("optional_letter", 0)]]  # "vắc-xin" has a hyphen


def test_link_order_of_statements_stored_before_it_existed_is_the_same(tmp_path):
    from ngkt_cli.db import open_db
    from ngkt_cli.link import link_order

    rows = [("d1/L1.1", "d1", 2025), ("d1/L1.10", "d1", None), ("d2/L1.2", "d2", 2024), ("d2/L1.3", "d2", None)]
    path = database_at_version(
        tmp_path / "v10.db", 10,
        ("INSERT INTO documents (id, path, body, date, ingested_at) VALUES ('d1', 'a', 'x', '2024-12-20', 'x')", []),
        ("INSERT INTO documents (id, path, body, ingested_at) VALUES ('d2', 'b', 'y', 'x')", []),
        ("INSERT INTO statements (id, document_id, kind, ordinal, text, text_key, paragraph, char_start, char_end, target_year) "
         "VALUES (?, ?, 'priority', 1, 't', 't', 0, 0, 1, ?)", rows),
    )
    stored = dict(open_db(path).execute("SELECT id, link_order FROM statements").fetchall())
    dates = {"d1": "2024-12-20", "d2": None}
    assert stored == {s: link_order(year, dates[d], d, s) for s, d, year in rows}
    assert sorted(stored, key=stored.get) == ["d2/L1.2", "d1/L1.1", "d1/L1.10", "d2/L1.3"]
