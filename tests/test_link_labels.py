"""A thread's automatic label names the priority: the main clause of the member that says most
of what the others say, past openings that say nothing of it (docs/linking.md, "Labels")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from ngkt_cli.similarity import Idf, Item, central_label, centrality, main_clause, short_label

UNSEEN = Path(__file__).parent / "data" / "unseen"
MIXED_FORMS = Path(__file__).parent / "data" / "mixed_forms"


# --- the main clause of one statement -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        # an opening of the genre's words only, then "trọng tâm là" before the priority
        (
            "cần tập trung vào nhiều nhiệm vụ, trọng tâm là mở rộng thị trường xuất khẩu nông sản sang châu Phi",
            "Mở rộng thị trường xuất khẩu nông sản sang châu Phi",
        ),
        # the addressee alone, then a concession
        (
            "các Đại sứ, bên cạnh công tác lãnh sự, phải chủ động tìm đối tác cho hàng dệt may",
            "Phải chủ động tìm đối tác cho hàng dệt may",
        ),
        # a statement that opens on its priority keeps its opening
        ("đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng", "Đa dạng hóa thị trường"),
        # "X là" whose X names something is the priority itself
        (
            "mục tiêu xuất khẩu là tăng trưởng 8% mỗi năm",
            "Mục tiêu xuất khẩu là tăng trưởng 8% mỗi năm",
        ),
        # nothing but openings: the opening stays rather than nothing
        ("cần tập trung vào nhiều nhiệm vụ", "Cần tập trung vào nhiều nhiệm vụ"),
        # a lone syllable ("cách") says nothing; a later clause starts past the words before its
        # first word that names something, up to the last function word ("vào")
        (
            "thực hiện công tác này một cách đồng bộ, hiệu quả, góp phần vào quá trình phục hồi kinh tế",
            "Quá trình phục hồi kinh tế",
        ),
        # the addressee, then titles before the verb
        (
            "các Đại sứ, Tổng Lãnh sự giới thiệu doanh nghiệp tới các tập đoàn lớn",
            "Giới thiệu doanh nghiệp tới các tập đoàn lớn",
        ),
    ],
    ids=[
        "generic opening and là",
        "addressee and concession",
        "plain",
        "là after a named subject",
        "all generic",
        "lone syllable and qualifiers",
        "addressee and titles",
    ],
)
def test_a_label_starts_where_the_statement_names_its_priority(text, label):
    assert main_clause(text) == label


@pytest.mark.parametrize(
    "addressee, skipped",
    [("các Đại sứ", True), ("các Đại sứ Việt Nam", True), ("các Đại sứ Việt Nam ở", False)],
    ids=["two syllables", "four syllables", "five syllables: a clause of its own"],
)
def test_an_opening_clause_is_an_addressee_only_while_it_is_a_few_words(addressee, skipped):
    text = f"{addressee}, thúc đẩy xuất khẩu gạo sang Trung Đông"
    assert main_clause(text).startswith("Thúc đẩy") == skipped


@pytest.mark.parametrize(
    "opening, skipped",
    [("trọng tâm là", True), ("nhiệm vụ trọng tâm là", True), ("năng lực sản xuất của vùng là", False)],
    ids=["generic words", "more generic words", "words that name something"],
)
def test_an_opening_before_la_is_skipped_only_when_it_says_nothing(opening, skipped):
    text = f"{opening} thu hút đầu tư vào bán dẫn"
    assert main_clause(text).startswith("Thu hút") == skipped


# --- the thread's label ---------------------------------------------------------------------------


def _item(n: int, text: str) -> Item:
    return Item(id=f"d{n}/L1.1", kind="priority", list_id=f"d{n}/L1", text=text, key=text.lower())


def test_the_label_is_the_main_clause_the_other_members_say_too():
    """The most central member opens on agreements with partners before investment; the thread
    is about investment, and so is its label."""
    members = [
        _item(1, "thu hút dòng vốn đầu tư chất lượng cao"),
        _item(
            2, "ký kết các thỏa thuận với đối tác về bán dẫn, năng lượng sạch; thu hút dòng vốn đầu tư chất lượng cao"
        ),
        _item(3, "thu hút đầu tư vào bán dẫn, năng lượng sạch"),
    ]
    idf = Idf({}, 100)
    assert centrality(members, idf)["d2/L1.1"] == max(centrality(members, idf).values())
    assert short_label(members[1].text) == "Ký kết các thỏa thuận với đối tác về bán dẫn"
    assert central_label(members, idf) == "Thu hút dòng vốn đầu tư chất lượng cao"
    assert central_label(members[1:2], idf) == "Ký kết các thỏa thuận với đối tác về bán dẫn"


def test_labels_on_pages_of_several_years_name_their_priorities(tmp_path):
    """The seeds with pages of 2019-2027: no label is a directive's empty opening or an addressee."""
    db = tmp_path / "l.db"
    pages = sorted(UNSEEN.glob("gl_20*.txt"))
    assert run_cli(db, "ingest", str(SEEDS), *map(str, pages), str(MIXED_FORMS)).exit_code == 0
    conn = sqlite3.connect(db)
    labels = [label for (label,) in conn.execute("SELECT auto_label FROM threads")]
    assert not [label for label in labels if label.startswith(("Cần tập trung vào nhiều nhiệm vụ", "Các Đại sứ,"))]
    [(investment,)] = conn.execute(
        "SELECT t.auto_label FROM threads t JOIN statements s ON s.thread_id = t.id"
        " WHERE s.text LIKE 'thu hút có chọn lọc vốn đầu tư chất lượng cao%'"
    ).fetchall()
    assert investment.lower().startswith("thu hút"), investment


def test_a_copy_in_other_words_never_names_a_thread(tmp_path):
    """One speech in three outlets' forms (tests/data/mixed_forms: two are copies of the first),
    ingested after the threads exist: the labels are chosen among the originals, as `ngkt relink`
    chooses them, so a relink changes none. A copy's wording ("Cần bám sát diễn biến kinh tế thế
    giới ...") named the research thread until the next relink."""
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(SEEDS), *map(str, sorted(UNSEEN.glob("gl_20*.txt")))).exit_code == 0
    assert run_cli(db, "ingest", str(MIXED_FORMS)).exit_code == 0

    def labels() -> list[tuple[str, str]]:
        return sqlite3.connect(db).execute("SELECT id, auto_label FROM threads ORDER BY id").fetchall()

    after_ingest = labels()
    assert run_cli(db, "relink").exit_code == 0
    assert labels() == after_ingest
