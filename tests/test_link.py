"""Stage 3: threads across years, the analyst's corrections, and themes."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import GOLD, SEEDS, copy_db, run_cli, statement_id, thread_of

from ngkt_cli.link import features, paragraph_terms

SEED_FILES = sorted(SEEDS.iterdir())


def assert_gold_threads(db: Path) -> None:
    threads = thread_of(db)
    for group in GOLD["threads"]["must_link"]:
        together = {threads[statement_id(db, ref)] for ref in group["items"]}
        assert len(together) == 1, group["name"]
        if "with_any_of" in group:
            assert any(threads[statement_id(db, ref)] in together for ref in group["with_any_of"]), group["name"]
    for first, second in GOLD["threads"]["must_not_link"]:
        assert threads[statement_id(db, first)] != threads[statement_id(db, second)], (first, second)


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


@pytest.mark.parametrize(
    "order", [SEED_FILES[::-1], [SEED_FILES[i] for i in (2, 4, 0, 3, 1)]], ids=["reverse", "shuffled"]
)
def test_gold_threads_whatever_the_ingest_order(tmp_path, order):
    db = tmp_path / "order.db"
    assert run_cli(db, "ingest", *map(str, order)).exit_code == 0
    assert_gold_threads(db)


@pytest.mark.parametrize(
    "order", [SEED_FILES[::-1], [SEED_FILES[i] for i in (1, 0, 3, 4, 2)]], ids=["reverse", "shuffled"]
)
def test_gold_threads_when_files_arrive_one_run_at_a_time(tmp_path, order):
    """An analyst who relinks when ingest advises it (the archive has doubled since the last
    full linking) ends with the gold threads, whatever order the files came in."""
    db = tmp_path / "runs.db"
    for path in order:
        result = run_cli(db, "ingest", str(path))
        assert result.exit_code == 0
        if "run `ngkt relink`" in result.output:
            assert run_cli(db, "relink").exit_code == 0
    assert_gold_threads(db)


def test_two_items_of_one_list_never_share_a_thread(seeded_db):
    rows = (
        sqlite3.connect(seeded_db)
        .execute(
            "SELECT list_id, thread_id, count(*) FROM statements WHERE list_id IS NOT NULL GROUP BY list_id, thread_id HAVING count(*) > 1"
        )
        .fetchall()
    )
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
    rows = (
        sqlite3.connect(db)
        .execute(
            "SELECT d.path, s.ordinal, s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id ORDER BY s.ordinal"
        )
        .fetchall()
    )
    by_path = {}
    for path, _ordinal, thread in rows:
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
    assert [(r["thread_id"], r["id"], r["similarity"]) for r in rows] == [
        (research, s["id"], str(s["similarity"])) for s in view["statements"]
    ]
    assert (
        run_cli(seeded_db, "timeline", "--thread", research, "-f", "csv").stdout
        == run_cli(seeded_db, "thread", research, "-f", "csv").stdout
    )
    assert run_cli(seeded_db, "thread", research, "-f", "markdown").stdout.startswith("| thread_id | target_year |")


def test_each_link_is_explained_in_words_an_analyst_reads(seeded_db):
    research = thread_of(seeded_db)[statement_id(seeded_db, "001/priority#3")]
    view = json.loads(run_cli(seeded_db, "thread", "show", research, "--format", "json").stdout)
    first = view["statements"][0]
    assert first["linked_because"].startswith("linked because: about research, advice and forecasting, like the rest")
    assert first["shared_themes"][0] == "research, advice and forecasting"
    assert {s["actor_level"] for s in view["statements"]} == {"national"}
    assert {"nghiên cứu", "tham mưu"} <= set(first["shared_words"])
    assert "linked because: " in run_cli(seeded_db, "thread", research).stdout
    # Real words only: never two syllables side by side across a word boundary, never the genre's stock words.
    words = [w for s in view["statements"] for w in s["shared_words"]] + view["shared_terms"]
    assert not {"cứu tham", "công tác", "nâng cao", "tiếp tục"} & set(words)


def test_distinctive_words_are_words(seeded_db):
    diff = json.loads(run_cli(seeded_db, "diff", "2023", "2024", "--format", "json").stdout)
    shown = [w["label"] for side in diff["distinctive_words"].values() for w in side]
    assert "tăng trưởng" in shown and "động lực" in shown
    assert not {"tiếp tục", "nâng cao", "phát triển", "phương doanh", "tâm trọng"} & set(shown)


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
    codebook.write_text(
        '[[theme]]\nid = "tourism"\nlabel = "Tourism"\npatterns = ["du lich"]\n'
        '[[theme]]\nid = "markets"\nlabel = "Markets"\npatterns = ["thi truong"]\n',
        encoding="utf-8",
    )
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
    assert new[4] in {
        threads[statement_id(db, "004/priority#1")],
        threads[statement_id(db, "000/priority#3")],
    }  # growth drivers
    assert new[5] not in set(thread_of(seeded_db).values())  # tourism: a new thread
    diff = json.loads(run_cli(db, "diff", "2024", "2025", "-f", "json").stdout)
    assert {c["thread_id"] for c in diff["new"]} == {new[5]}


def _thread_of_text(db: Path, start: str) -> str:
    """The thread of the statement worded exactly `start`, else of the one that starts so."""
    conn = sqlite3.connect(db)
    for condition, value in (("text = ?", start), ("text LIKE ?", start + "%")):
        found = conn.execute(
            f"SELECT DISTINCT thread_id FROM statements WHERE list_id IS NOT NULL AND {condition}", [value]
        ).fetchall()
        if found:
            [(thread,)] = found
            return thread
    raise AssertionError(f"no statement starts with {start!r}")


# The unseen articles written before session 5's list fixtures (lists_*.txt, lists_nested.html).
# A page about something else (a ministry's school-year tasks, out of scope).
UNRELATED_PAGE = Path(__file__).parent / "data" / "unseen" / "gl_unrelated_school_year.txt"

FIRST_UNSEEN = [
    p
    for p in (Path(__file__).parent / "data" / "unseen").iterdir()
    if not p.name.startswith(
        (
            "lists_",
            "dir_",
            "links_",
            "gs_",
            "gp_",
            "gp10_",
            "gd10_",
            "gl_",
            "gk11_",
            "gd11_",
            "gm11_",
            "gd12_",
            "gk12_",
            "gm12_",
        )
    )
]


# Known to fail since session 9 (strict: the mark must go when it passes). Seed 001's second
# priority speaks of partners and of export markets in three paragraphs; it joins the partners'
# thread, seed 002's markets item follows it there (its closest member), and the 2025 conference's
# markets item then scores 0.42 with another markets thread against 0.39 with that one. Which
# way it falls turns on the other market pages in the corpus (the session's second-outlet
# fixtures in `same_directions`, the gp_* and gl_* pages): two threads that grew apart on one
# priority are never merged, and a two-topic item is not split. With every unseen page in the
# corpus (about 110), one of the seeds' own gold links fails too: "effectiveness and
# coordination" now, "diversify markets" before session 9's linking change; with the first
# unseen pages every gold link holds (and the other link tests hold them on their corpora).
# Session 10: with `settle` (each statement moved to the thread it fits best once every thread
# is built) the first corpus passes; with every page, the markets pair, "coordination" and "the
# foreign-policy line" still fail (docs/linking.md, "Threads that do not hang on the order").
# Session 11: the line holds once the statements of a thread another statement left while settling
# are scored again (`settle`); the markets pair and "coordination" still fail.
TWO_TOPICS_CHAIN = pytest.mark.xfail(
    strict=True,
    reason="with every unseen page the markets pair and coordination still fail (session 10 note; the line holds since session 11)",
)


@pytest.mark.parametrize(
    "corpus",
    [
        pytest.param("first", id="seeds and the first unseen articles"),
        pytest.param("all", id="seeds and every unseen article", marks=TWO_TOPICS_CHAIN),
    ],
)
def test_an_item_on_two_topics_does_not_chain_them(tmp_path, corpus):
    """001's second priority speaks of partners and of export markets: a statement compared with
    the closest member of a thread let it pull both topics, and what each resembles, into one
    thread; compared with a thread's centroid, it does not."""
    db = tmp_path / "x.db"
    unseen = Path(__file__).parent / "data" / "unseen"
    inputs = FIRST_UNSEEN if corpus == "first" else sorted(unseen.iterdir())
    assert run_cli(db, "ingest", str(SEEDS), *map(str, inputs)).exit_code == 0
    same = [
        (
            "Đa dạng hoá thị trường xuất khẩu, khai thác hiệu quả",
            "đa dạng hóa thị trường xuất khẩu, sản phẩm và chuỗi cung ứng",
        ),
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
    texts = [
        "Sản xuất vắc-xin và vacxin",
        "khoa học công nghệ",
        "Khoa học, công nghệ",
        "hỗ trợ các doanh nghiệp",
        "hỗ trợ doanh nghiệp",
        "bán dẫn",
        "thể chế hóa",
        "hoàn thiện thể chế",
        "không gì cả",
    ]
    for text in texts:
        plain = sorted((t.id, m.start()) for t in themes if (m := t.pattern.search(fold(text))))
        assert code_positions(text, themes) == sorted(plain, key=lambda p: (p[1], p[0]))
    assert [t.openings for t in themes] == [("vac", "khoa hoc"), ("ho tro ",), None, ("the che",)]
    assert [code_positions(t, themes) for t in texts[:2]] == [
        [("optional_letter", 20)],
        [("optional_letter", 0)],
    ]  # "vắc-xin" has a hyphen


# --- words, genre, actor levels, explicit relinking (#15) ------------------------------------


def _link_plainly(statements: list[tuple[str, str, str | None, str]]) -> dict[str, str]:
    """Link (id, text, list id, level) statements with the pure similarity module, in order, over
    a corpus of the statements' own texts."""
    from ngkt_cli import similarity as sim
    from ngkt_cli.text import key
    from ngkt_cli.themes import code_positions, load_codebook

    df: Counter[str] = Counter()
    for _, text, _, _ in statements:
        df.update(sim.paragraph_terms(text))
    items = []
    for sid, text, list_id, level in statements:
        themes = tuple(t for t, _ in code_positions(text, load_codebook()))
        items.append(sim.Item(sid, "priority", list_id, text, key(text), themes[0] if themes else None, themes, level))
    counter = iter(range(1, 100))
    return sim.assign(items, sim.ThreadIndex(sim.Idf(dict(df), len(statements) * 4)), lambda: f"T{next(counter)}")


def test_a_priority_returns_in_other_words_years_later():
    thread = _link_plainly(
        [
            ("2020", "Đa dạng hóa thị trường xuất khẩu, sản phẩm và chuỗi cung ứng", "a/L1", "national"),
            ("2020b", "Nâng cao chất lượng nghiên cứu, dự báo chiến lược", "a/L1", "national"),
            ("2026", "Tận dụng tối đa mạng lưới FTA, mở rộng sang Trung Đông, châu Phi", None, "national"),
        ]
    )
    assert thread["2020"] == thread["2026"] != thread["2020b"]  # one concept (export markets, FTAs), few words alike


def test_a_theme_one_member_mentions_in_passing_does_not_draw_that_theme_into_the_thread():
    """Issue #15's drift: a markets thread with one member adding "nhất là hợp tác về bán dẫn"
    took, on that theme and one common word ("hợp tác"), every science-cooperation statement
    that came later, and the next statement of that kind then found a thread of its kind."""
    thread = _link_plainly(
        [
            ("m1", "Đa dạng hóa thị trường xuất khẩu, tận dụng hiệu quả các FTA", "a/L1", "national"),
            (
                "m2",
                "Mở rộng thị trường xuất khẩu, thúc đẩy hợp tác kinh tế với các đối tác, nhất là hợp tác về bán dẫn",
                "b/L1",
                "national",
            ),
            ("m3", "Khai thác hiệu quả các FTA, mở rộng thị trường Trung Đông", "c/L1", "national"),
            ("s1", "Thúc đẩy hợp tác khoa học công nghệ", "d/L1", "national"),
            ("s2", "Đẩy mạnh hợp tác khoa học công nghệ và đổi mới sáng tạo", "e/L1", "national"),
        ]
    )
    assert thread["m1"] == thread["m2"] == thread["m3"]
    assert thread["s1"] == thread["s2"] != thread["m1"]


def test_a_thread_that_names_a_theme_among_others_is_not_that_themes_thread():
    """An investment thread whose members name AI among the sectors to attract does not take
    "Đẩy mạnh chuyển đổi số" on the digital theme and the one word "chuyển đổi số"."""
    thread = _link_plainly(
        [
            ("i1", "Thu hút đầu tư chất lượng cao vào bán dẫn, trí tuệ nhân tạo", "a/L1", "national"),
            ("i2", "Thu hút đầu tư có chọn lọc, gắn với chuyển đổi số", "b/L1", "national"),
            ("i3", "Tập trung thu hút đầu tư chất lượng cao", "c/L1", "national"),
            ("i4", "Thu hút đầu tư công nghệ cao", "d/L1", "national"),
            ("d1", "Đẩy mạnh chuyển đổi số", "e/L1", "national"),
        ]
    )
    assert thread["i1"] == thread["i2"] == thread["i3"] == thread["i4"] != thread["d1"]


def test_a_provinces_plan_is_local_in_every_task():
    from ngkt_cli.actors import actor_level

    lead = (
        "Thực hiện Chỉ thị của Ban Bí thư, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai công tác năm 2025 như sau:"
    )
    assert actor_level(None, "Tổ chức đoàn xúc tiến đầu tư của tỉnh tại Nhật Bản", None, lead) == "local"
    assert (
        actor_level(None, "Tổ chức đoàn xúc tiến đầu tư tại Nhật Bản", None, "Bộ Ngoại giao ban hành Kế hoạch năm 2025")
        == "national"
    )


def test_generic_words_of_the_genre_link_nothing():
    thread = _link_plainly(
        [
            (
                "apec",
                "Tiếp tục đẩy mạnh, nâng cao hiệu quả thúc đẩy tăng trưởng bền vững, sáng tạo và bao trùm",
                "a/L1",
                "national",
            ),
            (
                "line",
                "Tiếp tục đẩy mạnh, nâng cao hiệu quả ngoại giao kinh tế, động lực thúc đẩy đất nước phát triển nhanh và bền vững",
                "b/L1",
                "national",
            ),
            (
                "ask",
                "Thứ nhất, yêu cầu các cơ quan đại diện cần tiếp tục đẩy mạnh, nâng cao hiệu quả công tác, phát triển nhanh và bền vững",
                None,
                "national",
            ),
        ]
    )
    assert len(set(thread.values())) == 3


def test_a_citys_task_never_joins_the_national_priority_of_the_same_words():
    from ngkt_cli.actors import actor_level

    city = "Sở Công Thương và Sở Du lịch tập trung làm mới các động lực tăng trưởng truyền thống, kích cầu tiêu dùng"
    assert actor_level(None, city) == "local"
    assert (
        actor_level("Nguyễn Minh Hằng", "Làm mới các động lực tăng trưởng truyền thống là xuất khẩu, đầu tư")
        == "national"
    )
    thread = _link_plainly(
        [
            (
                "nation",
                "Làm mới các động lực tăng trưởng truyền thống là xuất khẩu, đầu tư và tiêu dùng",
                "a/L1",
                "national",
            ),
            ("city", city, None, actor_level(None, city)),
            ("nation2", "Phải đẩy mạnh làm mới các động lực tăng trưởng truyền thống", None, "national"),
        ]
    )
    assert thread["nation"] == thread["nation2"] != thread["city"]


@pytest.mark.parametrize(
    ("speaker", "text", "lead_in", "level"),
    [
        (None, "Peru, nước chủ nhà APEC 2016, ưu tiên phát triển nguồn nhân lực", None, "foreign"),
        ("Tổng thống Peru Pedro Pablo Kuczynski", "thúc đẩy hội nhập kinh tế khu vực", None, "foreign"),
        (None, "thúc đẩy hội nhập kinh tế khu vực", "Thủ tướng Nhật Bản nêu ba ưu tiên:", "foreign"),
        ("Bùi Thanh Sơn", "thúc đẩy quan hệ kinh tế với Nhật Bản", None, "national"),
        (None, "Việt Nam, nước chủ nhà APEC 2017, đề xuất bốn ưu tiên", None, "national"),
        (None, "tỉnh Nghệ An tiếp tục mở rộng quan hệ hợp tác với các đối tác", None, "local"),
        (None, "UBND thành phố yêu cầu các sở, ngành phấn đấu giải ngân toàn bộ vốn đầu tư công", None, "local"),
        (None, "các cơ quan đại diện cần hỗ trợ các địa phương, doanh nghiệp mở rộng thị trường", None, "national"),
    ],
)
def test_whose_priority_a_statement_is(speaker, text, lead_in, level):
    from ngkt_cli.actors import actor_level

    assert actor_level(speaker, text, lead_in) == level


def test_no_thread_mixes_actor_levels(seeded_db, tmp_path):
    db = copy_db(seeded_db, tmp_path)
    (tmp_path / "city").mkdir()
    (tmp_path / "city" / "hn.txt").write_text(
        "Hà Nội thúc đẩy các động lực tăng trưởng\n\nNgày 5/3/2024, UBND thành phố yêu cầu các sở, ngành thực hiện "
        "các nhiệm vụ sau. Thứ nhất, làm mới các động lực tăng trưởng truyền thống, kích cầu tiêu dùng. Thứ hai, "
        "nâng cao hiệu quả công tác nghiên cứu, tham mưu.\n",
        encoding="utf-8",
    )
    assert run_cli(db, "ingest", str(tmp_path / "city")).exit_code == 0
    assert run_cli(db, "relink").exit_code == 0
    conn = sqlite3.connect(db)
    mixed = conn.execute(
        "SELECT thread_id FROM statements WHERE thread_id IS NOT NULL GROUP BY thread_id HAVING count(DISTINCT actor_level) > 1"
    ).fetchall()
    assert mixed == []
    assert conn.execute("SELECT count(*) FROM statements WHERE actor_level = 'local'").fetchone()[0] >= 1


def test_a_growing_archive_is_relinked_only_when_asked(tmp_path):
    db = tmp_path / "grow.db"
    assert run_cli(db, "ingest", str(SEED_FILES[1])).exit_code == 0
    before = thread_of(db)
    grown = run_cli(db, "ingest", *map(str, SEED_FILES))
    assert grown.exit_code == 0
    assert "run `ngkt relink` to weigh words by the whole archive" in grown.output
    assert {
        s: t for s, t in thread_of(db).items() if s in before
    } == before  # nothing renumbered behind the user's back
    relinked = run_cli(db, "relink")
    assert "relinked" in relinked.output and "kept their id" in relinked.output
    assert "ngkt relink" not in run_cli(db, "ingest", str(SEED_FILES[0])).output  # advice given until followed
    assert_gold_threads(db)


def test_the_upgrade_to_words_rebuilds_threads_once_and_says_so(tmp_path):
    from ngkt_cli import migrations

    db = tmp_path / "old.db"
    assert run_cli(db, "ingest", str(SEED_FILES[0]), str(SEED_FILES[1])).exit_code == 0
    before = thread_of(db)
    conn = sqlite3.connect(db, isolation_level=None)
    migrations._019_words_and_actor_levels(conn)  # what an older database gets at its upgrade
    conn.execute("UPDATE statements SET actor_level = NULL")
    conn.close()
    # the next ingest brings a page about something else: the rebuild alone may not move a thread
    # (a related page, as the third seed, may: it weighs and joins threads of its own)
    upgraded = run_cli(db, "ingest", str(UNRELATED_PAGE))
    assert "rebuilt every thread once for this version's linking" in upgraded.output
    assert "kept their id" in upgraded.output
    assert {s: t for s, t in thread_of(db).items() if s in before} == before  # same members, same ids
    assert sqlite3.connect(db).execute("SELECT count(*) FROM statements WHERE actor_level IS NULL").fetchone() == (0,)
    assert "rebuilt every thread" not in run_cli(db, "ingest", str(SEED_FILES[3])).output  # said once


def test_a_relink_keeps_the_ids_of_threads_only_copies_state(tmp_path):
    """A second outlet's copy may state what its original does not (a headline's directive): its
    own threads keep their ids through a relink that changes nothing, as every other thread does."""
    db = tmp_path / "copies.db"
    articles = Path(__file__).parent / "data" / "realistic" / "articles"
    assert run_cli(db, "ingest", str(SEEDS), str(articles)).exit_code == 0
    conn = sqlite3.connect(db)
    copies_only = conn.execute(
        """SELECT DISTINCT s.thread_id FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE d.duplicate_of IS NOT NULL AND s.thread_id NOT IN (
               SELECT s2.thread_id FROM statements s2 JOIN documents d2 ON d2.id = s2.document_id
               WHERE d2.duplicate_of IS NULL AND s2.thread_id IS NOT NULL)"""
    ).fetchall()
    conn.close()
    assert copies_only  # the set holds such threads, or this test would prove nothing
    before = thread_of(db)
    assert run_cli(db, "relink").exit_code == 0
    assert run_cli(db, "relink").exit_code == 0
    assert thread_of(db) == before


def test_verbs_of_procedure_alone_never_join_two_priorities():
    """Two priorities that share the verbs and qualifiers every directive uses ("tiếp tục đẩy
    mạnh, triển khai quyết liệt, hiệu quả", "tăng cường, thúc đẩy, triển khai đồng bộ") and
    nothing else are two threads."""
    thread = _link_plainly(
        [
            (
                "a",
                "tiếp tục đẩy mạnh, triển khai quyết liệt, hiệu quả công tác bảo hộ công dân ở nước ngoài",
                None,
                "national",
            ),
            (
                "b",
                "tiếp tục đẩy mạnh, triển khai quyết liệt, hiệu quả việc đàm phán hiệp định thương mại tự do",
                None,
                "national",
            ),
            ("c", "tăng cường, thúc đẩy, triển khai đồng bộ các giải pháp thu hút đầu tư nước ngoài", None, "national"),
            ("d", "tăng cường, thúc đẩy, triển khai đồng bộ các giải pháp phát triển du lịch biển", None, "national"),
        ]
    )
    assert len(set(thread.values())) == 4, thread


@pytest.mark.parametrize("rank_bonus, together", [(0.5, True), (1.0, False)], ids=["half the bonus", "all of it"])
def test_threads_the_words_reach_outrank_those_the_theme_bonus_lifts(tmp_path, rank_bonus, together):
    """Seed 002's "Đa dạng hóa thị trường, đa dạng sản phẩm, đa dạng hóa chuỗi cung ứng" reaches
    the thread of seed 001's paragraph that says it (cosine 0.26, no shared opening theme) and one
    that opens on export markets and shares one word (cosine 0.14, lifted by the bonus to 0.29).
    Ranked by the words and half the bonus it joins the first; with all of the bonus, the second.
    (As `assign` places it: `settle`, which links run after it, brings it back either way.)"""
    threads = _assigned_without_settling(tmp_path, sorted(UNSEEN.iterdir()), rank_bonus=rank_bonus)
    markets, paragraph = _statement_of(tmp_path, "002/priority#4"), _statement_of(tmp_path, "001/priority#2")
    assert (threads[markets] == threads[paragraph]) is together


UNSEEN = Path(__file__).parent / "data" / "unseen"


def _assigned_without_settling(tmp_path: Path, pages: list[Path], **settings: float) -> dict[str, str]:
    """Statement -> thread as `assign` leaves them (no `settle`), over the seeds and `pages`."""
    from dataclasses import replace

    from ngkt_cli import link
    from ngkt_cli.db import open_db
    from ngkt_cli.scope import SQL_IN_SCOPE

    db = tmp_path / "assigned.db"
    assert run_cli(db, "ingest", str(SEEDS), *map(str, pages)).exit_code == 0
    conn = open_db(db)
    items = link.load_items(conn, f"d.duplicate_of IS NULL AND {SQL_IN_SCOPE}")
    index = link.ThreadIndex(link.load_idf(conn, eager=True), replace(link.SETTINGS, **settings))
    counter = iter(range(1, 10**6))
    assigned = link.assign(items, index, lambda: f"new{next(counter)}", link.load_decisions(conn))
    conn.close()
    return assigned


def _statement_of(tmp_path: Path, ref: str) -> str:
    return statement_id(tmp_path / "assigned.db", ref)


def _id_of_text(tmp_path: Path, start: str) -> str:
    [(found,)] = (
        sqlite3.connect(tmp_path / "assigned.db")
        .execute("SELECT id FROM statements WHERE list_id IS NOT NULL AND text LIKE ?", [start + "%"])
        .fetchall()
    )
    return found


def test_a_statement_settles_in_the_thread_it_fits_once_every_thread_is_built(tmp_path):
    """Linked in order of years, the 2025 "Đa dạng hoá thị trường xuất khẩu, khai thác hiệu quả
    các thị trường mới" met the thread of "hỗ trợ doanh nghiệp mở rộng thị trường" (0.41) before
    the thread of "đa dạng hóa thị trường xuất khẩu, sản phẩm và chuỗi cung ứng" had taken the
    2025 and 2026 wordings that make it the closer one (0.46). `assign` leaves it in the first;
    once every thread is built, `settle` moves it to the second, and an ingest ends there."""
    assigned = _assigned_without_settling(tmp_path, FIRST_UNSEEN)
    first = _id_of_text(tmp_path, "Đa dạng hoá thị trường xuất khẩu, khai thác hiệu quả")
    second = _id_of_text(tmp_path, "đa dạng hóa thị trường xuất khẩu, sản phẩm và chuỗi cung ứng")
    assert assigned[first] != assigned[second]
    threads = thread_of(tmp_path / "assigned.db")  # the ingest: assigned, then settled
    assert threads[first] == threads[second]


@pytest.mark.parametrize(
    "cosine, bonus",
    [(0.029, 0.0), (0.031, 0.005), (0.045, 0.075), (0.059, 0.145), (0.061, 0.15), (0.5, 0.15)],
)
def test_the_head_theme_bonus_grows_from_min_cosine_over_its_ramp(cosine, bonus):
    """None under a cosine of 0.03, all of it from 0.06, in proportion between: a page that moves
    a cosine by a few thousandths moves the score by a few hundredths at most, never by 0.15."""
    from ngkt_cli.similarity import SETTINGS

    assert SETTINGS.bonus(cosine) == pytest.approx(bonus)


@pytest.mark.parametrize("df, looked_up", [(50, True), (51, True), (100, True), (101, False)])
def test_a_statement_with_few_rare_words_looks_threads_up_by_words_just_past_the_cut(df, looked_up):
    """Rare means found in 50 paragraphs or fewer (in a small corpus); a statement with fewer than
    three rare words ("khai thác" and "mới" here) also looks threads up by its rarest words found
    in up to twice as many, so that one unrelated page taking "hỗ trợ" from 50 paragraphs to 51
    does not hide every thread that says it."""
    from ngkt_cli import similarity as sim

    text = "tăng cường hỗ trợ doanh nghiệp khai thác thị trường mới"
    frequencies = {"hỗ_trợ": df, "doanh_nghiệp": 300, "thị_trường": 300, "khai_thác": 7, "mới": 41}
    idf = sim.Idf(frequencies, 500)
    item = sim.Item("x", "priority", None, text, text)
    assert ("hỗ_trợ" in sim.rare_terms(item, idf)) is looked_up


@pytest.mark.parametrize("df, looked_up", [(50, True), (54, True), (100, True), (101, False)])
def test_a_statement_with_rare_words_also_looks_threads_up_by_words_just_past_the_cut(df, looked_up):
    """A statement with three rare words ("phương thức", "năng lực", "đổi mới") still looks
    threads up by "phối hợp" found in up to twice the paragraphs of a rare word: a hundred pages
    more took "phối hợp" from 49 paragraphs to 54, and two seeds' coordination priorities, each
    with three rarer words, no longer found each other."""
    from ngkt_cli import similarity as sim

    text = "đổi mới phương thức, tăng cường năng lực triển khai và nâng cao hiệu quả phối hợp"
    frequencies = {"phối_hợp": df, "phương_thức": 3, "năng_lực": 16, "đổi_mới": 19}
    item = sim.Item("x", "priority", None, text, text)
    assert ("phối_hợp" in sim.rare_terms(item, sim.Idf(frequencies, 775))) is looked_up
