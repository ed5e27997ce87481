"""Stage 1: files of every kind and condition become clean, dated, de-duplicated documents."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import (
    ARTICLE,
    GOLD,
    PAUSE_AT,
    SEEDS,
    document_rows,
    documents,
    ngkt_command,
    paused_ingest,
    run_cli,
    write,
)

from ngkt_cli.boilerplate import classify_line
from ngkt_cli.extract import extract
from ngkt_cli.ingest import DOCUMENTS_PER_TRANSACTION, build_document
from ngkt_cli.text import key


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as legacy files have it: letters precomposed ("ư", "ê"), tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


# --- the seeds, held to the gold reading -------------------------------------------------------


@pytest.mark.parametrize("gold", GOLD["documents"], ids=lambda g: g["file"][:3])
def test_seed_metadata_matches_gold(seed_export, gold):
    doc = next(d for d in seed_export["documents"] if d["path"].endswith(gold["file"]))
    assert doc["title"] == gold["title"]
    assert doc["date"] == gold["event_date"]
    assert doc["statement_year"] == gold["statement_year"]
    assert doc["byline"] == gold["byline"]
    assert doc["published"] == gold["page_date"]


def test_seed_dates_record_their_source(seed_export):
    sources = {Path(d["path"]).name[:3]: d["date_source"] for d in seed_export["documents"]}
    assert sources == {"000": "inferred", "001": None, "002": "event", "003": "stamp", "004": "inferred"}


def test_trailing_headline_blocks_are_not_in_bodies(seeded_db):
    conn = sqlite3.connect(seeded_db)
    bodies = dict(conn.execute("SELECT path, body FROM documents"))
    body_000 = next(b for p, b in bodies.items() if p.endswith("000_27309452084d270c.txt"))
    assert "Tin cùng chuyên mục" not in body_000
    assert "Ngành Nông nghiệp phải bứt phá trong năm 2025" not in body_000
    assert "Hoàng Giang" not in body_000
    body_002 = next(b for p, b in bodies.items() if p.endswith("002_7f21be67278d383d.txt"))
    for boilerplate in ("image banner", "Mã kiểm tra", "Anh-tin-bai", "Quang cảnh phiên họp"):
        assert boilerplate not in body_002
    body_004 = next(b for p, b in bodies.items() if p.endswith("004_0784ac82c0ffbfd9.txt"))
    assert ".jpg" not in body_004
    reasons = dict(conn.execute("SELECT text, reason FROM removed_lines"))
    assert reasons["Tin cùng chuyên mục"] == "related"
    assert reasons["Mã kiểm tra no image"] == "comment form"
    assert reasons["image banner"] == "banner"


def test_share_buttons_and_tag_lines_are_boilerplate():
    page = Path(__file__).parent / "data" / "unseen" / "copied_page_with_buttons.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert doc.title == "Bộ trưởng: Ngoại giao kinh tế năm 2025 có 3 trọng tâm"
    assert doc.body.startswith("Sáng 27/12, Bộ trưởng Bùi Thanh Sơn") and doc.body.endswith("vai trò của doanh nghiệp.")
    reasons = {line.text: line.reason for line in doc.removed}
    assert [reasons[t] for t in ("Chia sẻ", "Facebook", "Zalo", "In bài")] == ["share"] * 4
    assert reasons["Từ khóa: ngoại giao kinh tế, Bộ Ngoại giao, năm 2023"] == "tags"
    assert (doc.date, doc.published) == ("2024-12-27", "2024-12-28")


def test_players_source_lines_and_footers_are_boilerplate():
    """A government portal's page: a video player and its title between the article and the
    related block, a source line, print and back-to-top buttons, a copyright footer."""
    page = Path(__file__).parent / "data" / "unseen" / "probes" / "chinhphu_page_with_footer.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert doc.body.startswith("(Chinhphu.vn) - Chiều 21/12, Thủ tướng Phạm Minh Chính")
    assert doc.body.endswith("Bốn là, hỗ trợ địa phương, doanh nghiệp vươn ra thị trường quốc tế.")
    reasons = {line.text[:30]: line.reason for line in doc.removed}
    assert reasons == {
        "Trang chủ » Thời sự » Đối ngoạ": "breadcrumb",
        "Thủ tướng: Ngoại giao kinh tế ": "title",
        "15:30 | 22/12/2025": "stamp",
        "Theo dõi Báo trên Google News": "share",
        "Nghe đọc bài": "share",
        "Thủ tướng Phạm Minh Chính phát": "caption",
        "Video đang được xử lý": "video",
        "Hội nghị Ngoại giao 33: Nhìn l": "video",
        "Nguồn: Cổng thông tin điện tử ": "source",
        "Bản in": "share",
        "Lên đầu trang": "share",
        "Tin cùng chuyên mục": "related",
        "Năm 2024: Thứ nhất, xuất khẩu ": "related",
        "Phó Thủ tướng Bùi Thanh Sơn ti": "related",
        "Tin mới": "related",
        "6 trọng tâm ngoại giao kinh tế": "related",
        "© 2025 Cổng Thông tin điện tử ": "footer",
        "Bản quyền thuộc Cổng Thông tin": "footer",
    }
    assert (doc.date, doc.published) == ("2025-12-21", "2025-12-22")


@pytest.mark.parametrize(
    "stamp",
    [
        "15.01.2025 | 08:30",
        "Ngày đăng: 15.01.2025",
        "Đăng lúc: 2025-01-15 08:30",
        "2025-01-15T08:30:00+07:00",
        "08:30 | 15-01-2025",
        "Thứ Tư, 15/1/2025, 08:30 (GMT+7)",
        "Thứ Tư, ngày 15 tháng 1 năm 2025",
        "Thời gian đăng: 15/01/2025 11:44:29 AM - Lượt đọc: 653",
        "Thứ Tư, 15 Tháng 1 2025 15:44",
        # after the agency, the site or the section; in brackets; after the reporter; glued to the site's name
        "(VOV) Thứ Tư 15/01/2025 08:30",
        "VOV.VN - Thứ Tư, 15/01/2025 08:30",
        "Thời sự | 15/01/2025 - 08:30",
        "Chính trị - Thứ Tư, 15/01/2025 08:30",
        "(08:30 | 15/01/2025)",
        "Minh Anh 15/01/2025 08:30",
        "Báo Quốc TếBáo Quốc Tế15/01/2025",
        # a label, a place's dateline, the month written out, a short or English weekday
        "Ngày: 15/01/2025",
        "Thời gian: 15/01/2025 08:30",
        "Ngày phát hành: 15/01/2025",
        "Published: 15/01/2025",
        "Hà Nội, 15/1/2025",
        "15 tháng 1, 2025",
        "T4, 15/01/2025",
        "Wednesday, 15/01/2025 08:30 (GMT+7)",
    ],
)
def test_page_stamps_in_every_common_notation(stamp):
    text = f"Bộ trưởng nêu 2 trọng tâm\n\n{stamp}\n\nBộ trưởng Bùi Thanh Sơn cho biết năm nay có 2 trọng tâm.\n"
    doc = build_document(text.encode(), "x.txt")
    assert (doc.date, doc.published, doc.date_source) == ("2025-01-15", "2025-01-15", "stamp")
    assert [(line.reason, line.text) for line in doc.removed] == [
        ("title", "Bộ trưởng nêu 2 trọng tâm"),
        ("stamp", stamp),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Hội nghị diễn ra ngày 15/01/2025.",
        "Ngày 15/01/2025, Thủ tướng chủ trì hội nghị.",
        "Thủ tướng chủ trì hội nghị ngày 15/01/2025",
        "Hội nghị ngoại giao - tổng kết 15/01/2025",
        "Hội nghị, ngày 15/1/2025 bế mạc.",
        "Tại Hà Nội, 15/1/2025, Thủ tướng chủ trì hội nghị.",
    ],
)
def test_a_short_sentence_with_a_date_is_no_stamp(line):
    assert classify_line(line, None) is None


@pytest.mark.parametrize(
    "line", ["Hội nghị bàn về xuất khẩu - ảnh hưởng của thuế quan", "Ngoại giao kinh tế-ảnh hưởng lớn"]
)
def test_a_headline_about_influence_is_no_picture(line):
    assert classify_line(line, None) is None


@pytest.mark.parametrize(
    "caption",
    [
        "Thủ tướng phát biểu tại hội nghị. Ảnh: Quochoi.vn",
        "Toàn cảnh phiên họp. (Ảnh: baochinhphu.vn)",
        "Ảnh: Quochoi.vn",
    ],
)
def test_a_picture_credit_naming_a_website_is_a_caption(caption):
    text = f"Tiêu đề bài\n\nĐoạn một của bài viết.\n\n{caption}\n\nĐoạn cuối của bài viết.\n"
    doc = build_document(text.encode(), "x.txt")
    assert [(r.reason, r.text) for r in doc.removed] == [("title", "Tiêu đề bài"), ("caption", caption)]


@pytest.mark.parametrize(
    "lede, date",
    [
        ("Hôm 15/1, Bộ trưởng Bùi Thanh Sơn cho biết", "2025-01-15"),
        ("Chiều thứ Sáu (10/1), Bộ trưởng Bùi Thanh Sơn cho biết", "2025-01-10"),
        ("Trong hai ngày 9-10/1, tại Hà Nội, Bộ trưởng Bùi Thanh Sơn cho biết", "2025-01-09"),
        ("Sáng nay, 15/1, Bộ trưởng Bùi Thanh Sơn cho biết", "2025-01-15"),
        ("Ngày 22-2, Bộ trưởng Bùi Thanh Sơn cho biết", "2024-02-22"),  # after the stamp: the year before
        ("Chiều 14.1, Bộ trưởng Bùi Thanh Sơn cho biết", "2025-01-14"),  # as Thanh Niên writes a day
    ],
)
def test_the_event_day_in_the_lede_beats_the_stamp(lede, date):
    text = f"Bộ trưởng nêu 2 trọng tâm\n\nThứ Bảy, 18/01/2025 09:00\n\n{lede} năm nay có 2 trọng tâm.\n"
    doc = build_document(text.encode(), "x.txt")
    assert (doc.date, doc.date_source, doc.published) == (date, "inferred", "2025-01-18")


@pytest.mark.parametrize(
    "line, reason",
    [
        (">> Xem thêm: Ngoại giao kinh tế 2024 đạt nhiều kết quả", "related"),
        ("Đọc thêm >> 5 trọng tâm năm 2023", "related"),
        ("Bài liên quan:", "related"),
        ("Video liên quan", "related"),
        ("Mời quý độc giả xem thêm các tin bài liên quan", "related"),
        ("Bạn đang đọc bài viết: Ngoại giao kinh tế năm 2024", "related"),
        ("(Xem tiếp trang 3)", "share"),
        ("Quay lại trang chủ", "share"),
        ("Install 24HMoneyTải App", "share"),
        ("menu", "share"),
        ("Lượt xem: 38", "share"),
        ("MỚI NHẤT!", "related"),
        ("Đọc nhanh >>", "related"),
        ("* * *", "separator"),
        ("2498 Lượt xem", "share"),
        ("Hà Nội: 15°C", "weather"),
        ("0:00 / 0:00", "player"),
        # furniture of copied pages: images left as markup, a player's notice, comment counts, text size
        (
            '<image>data:image/s3,"s3://crabby-images/e2b5b/e2b5b8ae5d6ed0276823bd05c45f51fe64fa6cb8" alt="Hội nghị ngoại giao"</image>',
            "image",
        ),
        ("![]() |", "image"),
        ("Thủ tướng: Khẩn trương hoàn thiện cơ chế hội nhập- Ảnh 1.", "image"),
        ("Your browser doesn’t support HTML5", "video"),
        ("Comment (0)", "share"),
        ("Bạn phải đăng nhập để bình luận.", "share"),
        ("Xem với cỡ chữAA", "share"),
    ],
)
def test_pointers_to_other_pages_in_the_middle_of_an_article(line, reason):
    text = f"Tiêu đề bài\n\nĐoạn một của bài viết.\n\n{line}\n\nĐoạn cuối của bài viết.\n"
    doc = build_document(text.encode(), "x.txt")
    assert [(r.reason, r.text) for r in doc.removed] == [("title", "Tiêu đề bài"), (reason, line)]
    assert doc.body == "Đoạn một của bài viết.\n\nĐoạn cuối của bài viết."


def test_page_numbers_of_a_pdf_copy_are_removed_and_do_not_cut_a_paragraph():
    text = "Ngoại giao kinh tế 2025\n\nBộ trưởng Bùi Thanh Sơn cho\n- 3 -\nbiết năm 2025 có 2 trọng tâm.\n\nTrang 4/10\n\nĐoạn cuối.\n"
    doc = build_document(text.encode(), "x.txt")
    assert doc.body == "Bộ trưởng Bùi Thanh Sơn cho biết năm 2025 có 2 trọng tâm.\n\nĐoạn cuối."
    assert [(r.reason, r.text) for r in doc.removed] == [
        ("title", "Ngoại giao kinh tế 2025"),
        ("page number", "- 3 -"),
        ("page number", "Trang 4/10"),
    ]


@pytest.mark.parametrize(
    "last", ["Hoàng Anh - Thu Hà", "Hồng Nhung (t/h)", "Minh Châu (tổng hợp)", "TTXVN/Vietnam+", "Thu Hà, Minh Anh"]
)
def test_bylines_of_several_reporters_or_a_compilation(last):
    doc = build_document(f"Tiêu đề bài\n\nĐoạn một của bài viết.\n\n{last}\n".encode(), "x.txt")
    assert (doc.byline, doc.body) == (last, "Đoạn một của bài viết.")


def test_headlines_under_the_byline_with_no_label_are_related_news_not_the_article():
    text = (
        "Bộ Ngoại giao triển khai nhiệm vụ năm 2024\n\n"
        "Sáng 10/1/2024, Bộ trưởng Bùi Thanh Sơn chủ trì hội nghị.\n\n"
        "Bộ trưởng yêu cầu các đơn vị tập trung tháo gỡ điểm nghẽn.\n\n"
        "Minh Anh (TTXVN)\n\n"
        "Thủ tướng yêu cầu ngoại giao kinh tế phải đi trước mở đường\n\n"
        "Năm 2023: Phó Thủ tướng đề nghị các cơ quan đại diện cần tích cực hỗ trợ địa phương\n"
    )
    doc = build_document(text.encode(), "x.txt")
    assert doc.byline == "Minh Anh (TTXVN)"
    assert doc.body.endswith("tập trung tháo gỡ điểm nghẽn.")
    assert [r.reason for r in doc.removed if r.reason == "related"] == ["related", "related"]
    assert [d.text for d in extract(doc).directives] == ["các đơn vị tập trung tháo gỡ điểm nghẽn"]


def test_a_video_page_with_a_section_label_an_alt_text_and_a_byline_under_related_news():
    page = Path(__file__).parent / "data" / "unseen" / "probes" / "video_page_with_section_label.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert (doc.title, doc.byline, doc.date, doc.published) == (
        "Thủ tướng làm việc với các Trưởng Cơ quan đại diện",
        "PHAN THẢO",
        "2023-03-16",
        "2023-03-17",
    )
    assert [line.reason for line in doc.removed] == [
        "section",
        "title",
        "stamp",
        "image",
        "related",
        "related",
        "byline",
    ]
    assert doc.body.endswith("Thứ nhất, thúc đẩy hợp tác kinh tế. Thứ hai, bảo hộ công dân.")  # not a caption


def test_a_byline_under_the_headline_follow_buttons_numbered_alt_texts_and_dont_miss_blocks():
    text = (
        "Thủ tướng gặp Trưởng cơ quan đại diện: Ngoại giao kinh tế là ưu tiên cao\n\nMinh Nhật\nTheo dõi TGVN trên\n"
        "Chiều 16/3/2023, tại Văn phòng Chính phủ, Thủ tướng Phạm Minh Chính gặp các Trưởng cơ quan đại diện.\n\n"
        "Thủ tướng gặp Trưởng cơ quan đại diện: Ngoại giao kinh tế là ưu tiên cao - Ảnh 1.\n\n"
        "Thủ tướng đề nghị các Đại sứ coi ngoại giao kinh tế là ưu tiên cao.\n\nĐừng bỏ lỡ\n\nVideo đang xem nhiều\n"
    )
    doc = build_document(text.encode(), "x.txt")
    assert doc.byline == "Minh Nhật"
    assert [line.reason for line in doc.removed] == ["title", "byline", "share", "image", "related", "related"]
    assert doc.body.endswith("coi ngoại giao kinh tế là ưu tiên cao.")


def test_a_body_that_names_no_year_borrows_the_headlines():
    """A Windows-1258 note: "Ngày 22-2 ... năm nay" under "... năm 2023", and no page stamp."""
    page = Path(__file__).parent / "data" / "unseen" / "probes" / "legacy_1258_year_in_headline.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert (doc.encoding, doc.title) == ("cp1258", "Triển khai ngoại giao kinh tế năm 2023")
    assert (doc.date, doc.date_source, doc.statement_year) == ("2023-02-22", "inferred", 2023)


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        cp1258_bytes,
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "nfd", "cp1258"],
)
def test_every_encoding_gives_the_same_nfc_document(tmp_path, encode):
    path = write(tmp_path / "article.txt", encode(ARTICLE))
    db = tmp_path / "enc.db"
    result = run_cli(db, "ingest", str(path))
    assert result.exit_code == 0, result.output
    [doc] = documents(db)
    assert doc["title"] == "Bộ trưởng nêu 3 trọng tâm hợp tác năm 2025"
    assert doc["date"] == "2025-01-15"
    body = sqlite3.connect(db).execute("SELECT body FROM documents").fetchone()[0]
    assert body == unicodedata.normalize("NFC", body)
    assert "đa dạng hoá thị trường xuất khẩu" in body


def test_short_cp1258_file_is_read_as_vietnamese(tmp_path):
    text = "Thủ tướng: đổi mới"
    path = write(tmp_path / "short.txt", cp1258_bytes(text + "\nNội dung ngắn."))
    db = tmp_path / "short.db"
    assert run_cli(db, "ingest", str(path)).exit_code == 0
    assert documents(db)[0]["title"] == text


def indexed_words(db: Path) -> set[str]:
    """Every word the search index holds (the contentless index keeps no text, only its words)."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search_index, row)")
    return {row[0] for row in conn.execute("SELECT term FROM temp.words WHERE cnt > 0")}


# --- HTML and stdin ----------------------------------------------------------------------------

HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Bộ trưởng: 2 trọng tâm | Báo X</title>
<meta property="article:published_time" content="2024-03-19T08:00:00+07:00"><meta name="author" content="Hoàng Giang"></head>
<body><nav><a href="/">Trang chủ</a> &gt; <a href="/ct">Chính trị</a></nav>
<article><h1>Bộ trưởng: 2 trọng tâm</h1>
<p>Chiều 18/3, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết, Bộ Ngoại giao đặt ra 2 trọng tâm trong thời gian tới.</p>
<p>Thứ nhất là phát huy hiệu quả các khuôn khổ quan hệ đã thiết lập và nâng tầm quan hệ với các đối tác.</p>
<p>Thứ hai là tăng cường công tác nghiên cứu, phát hiện và kết nối các cơ hội hợp tác mới.</p>
<script>var tracking = "Tin quảng cáo";</script></article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/x">Thủ tướng dự hội nghị tổng kết năm 2025</a></li></ul></aside>
<footer>Bản quyền thuộc về Báo X</footer></body></html>"""


def test_html_page_gives_article_text_title_date_and_author(tmp_path):
    db = tmp_path / "h.db"
    result = run_cli(db, "ingest", str(write(tmp_path / "page.html", HTML.encode())))
    assert result.exit_code == 0, result.output
    [doc] = documents(db)
    assert doc["title"] == "Bộ trưởng: 2 trọng tâm"
    assert (doc["date"], doc["published"], doc["byline"]) == ("2024-03-18", "2024-03-19", "Hoàng Giang")
    body = sqlite3.connect(db).execute("SELECT body FROM documents").fetchone()[0]
    assert "Thứ nhất là phát huy" in body
    for noise in ("tracking", "Trang chủ", "Tin liên quan", "năm 2025", "Bản quyền"):
        assert noise not in body
    statements = json.loads(run_cli(db, "export").stdout)["statements"]
    assert [s["ordinal"] for s in statements] == [1, 2]


def test_html_list_items_outside_the_article_element_are_kept(tmp_path):
    page = """<html><head><meta charset="utf-8"><title>Phó Thủ tướng nêu 3 định hướng</title></head><body>
<h1>Phó Thủ tướng nêu 3 định hướng</h1><p class="date">Thứ Ba, 15/10/2024 - 09:00</p>
<p>Sáng nay (14/10), tại Hà Nội, Phó Thủ tướng Trần Lưu Quang có bài phát biểu tại diễn đàn kinh tế.</p>
<p>Phó Thủ tướng Trần Lưu Quang nhấn mạnh ba định hướng lớn trong thời gian tới:</p>
<ul><li>Một là, thúc đẩy kinh tế số.</li><li>Hai là, phát triển kinh tế xanh.</li><li>Ba là, tăng cường liên kết vùng.</li></ul>
<p>Thứ Tư, ngày 16/10, đoàn sẽ làm việc với tỉnh Bắc Ninh.</p></body></html>"""
    db = tmp_path / "ul.db"
    run_cli(db, "ingest", str(write(tmp_path / "ul.html", page.encode())))
    [doc] = documents(db)
    assert (doc["date"], doc["published"]) == ("2024-10-14", "2024-10-15")
    export = json.loads(run_cli(db, "export").stdout)
    assert [s["text"] for s in export["statements"]] == [
        "thúc đẩy kinh tế số",
        "phát triển kinh tế xanh",
        "tăng cường liên kết vùng",
    ]
    assert export["lists"][0]["announced_count"] == 3


@pytest.mark.parametrize(
    "last_line, byline",
    [("PV", "PV"), ("Theo TTXVN", "Theo TTXVN"), ("Minh Anh (TTXVN)", "Minh Anh (TTXVN)"), ("Kim Oanh", "Kim Oanh")],
)
def test_bylines_of_reporters_and_agencies(tmp_path, last_line, byline):
    db = tmp_path / "b.db"
    run_cli(db, "ingest", str(write(tmp_path / "a.txt", (ARTICLE + "\n" + last_line + "\n").encode())))
    assert documents(db)[0]["byline"] == byline


def test_html_is_recognised_by_content_not_name(tmp_path):
    db = tmp_path / "h.db"
    assert run_cli(db, "ingest", str(write(tmp_path / "saved.txt", HTML.encode()))).exit_code == 0
    assert documents(db)[0]["title"] == "Bộ trưởng: 2 trọng tâm"


def test_stdin_is_one_article(db_path, cli):
    result = cli("ingest", "-", input=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    [doc] = documents(db_path)
    assert doc["path"].startswith("stdin/") and doc["path"].endswith(".txt")


def test_date_option_sets_every_date(db_path, cli):
    assert cli("ingest", "--date", "2023-12-20", "-", input=ARTICLE.encode()).exit_code == 0
    [doc] = documents(db_path)
    assert (doc["date"], doc["date_source"], doc["statement_year"]) == ("2023-12-20", "user", 2023)


def test_bad_date_option_is_a_usage_error(cli):
    result = cli("ingest", "--date", "20-12-2023", "-", input=ARTICLE.encode())
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


# --- bad input ---------------------------------------------------------------------------------


def test_bad_inputs_are_reported_one_line_each_and_the_rest_ingested(tmp_path, db_path, cli):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "good.txt", ARTICLE.encode())
    write(folder / "empty.txt", b"")
    write(folder / "blank.md", b"  \n\n ")
    write(folder / "binary.txt", bytes(range(256)) * 4)
    write(folder / "big.txt", ARTICLE.encode() * 100)
    write(tmp_path / "picture.jpg", b"\xff\xd8\xff\xe0")
    write(tmp_path / "speech.pdf", b"%PDF-1.7 ...")
    write(folder / "broken16.txt", b"\xff\xfe" + "Thủ tướng".encode("utf-16-le") + b"\x00\xd8\x41\x00")
    result = cli(
        "ingest",
        "--max-bytes",
        "5000",
        str(folder),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "picture.jpg"),
        str(tmp_path / "speech.pdf"),
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ngkt: error:")]
    reasons = {line.split(": ")[2].split(" ", 1)[1]: line.split(": ", 3)[3] for line in errors}
    assert reasons == {
        str(folder / "binary.txt"): "binary file (contains NUL bytes)",
        str(folder / "broken16.txt"): "not valid UTF-16",
        str(folder / "big.txt"): "larger than the 5,000-byte limit (--max-bytes)",
        str(folder / "blank.md"): "empty file",
        str(folder / "empty.txt"): "empty file",
        str(tmp_path / "picture.jpg"): "unsupported file type '.jpg' (use .txt, .md, .html or .htm)",
        str(tmp_path / "speech.pdf"): "unsupported file type '.pdf' (convert it to text first: pdftotext -layout FILE)",
        str(tmp_path / "missing.txt"): "no such file or folder",
    }
    assert "Traceback" not in result.output
    assert [d["path"] for d in documents(db_path)] == [str(folder / "good.txt")]
    assert "1 new, 0 updated, 0 unchanged, 0 duplicate, 8 rejected" in result.stderr
    again = cli("ingest", "--max-bytes", "5000", "--format", "csv", str(folder))
    assert again.exit_code == 0  # rejected inside a folder: reported and counted (docs/cron.md)
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(again.stdout))}
    assert rows[str(folder / "good.txt")]["status"] == "unchanged"
    assert (
        rows[str(folder / "empty.txt")]["status"] == "rejected"
        and rows[str(folder / "empty.txt")]["reason"] == "empty file"
    )
    assert len(rows) == 6


def test_other_files_in_a_folder_are_skipped_not_rejected(tmp_path, db_path, cli):
    """An archive folder as a browser saves it: pages, their asset folders, pictures, a PDF."""
    archive = tmp_path / "archive"
    write(archive / "2024" / "trang.html", HTML.encode())
    write(
        archive / "2024" / "trang_files" / "quang-cao.htm",
        b"<html><body><p>Qu\xe1\xba\xa3ng c\xc3\xa1o</p></body></html>",
    )
    write(archive / "2024" / "trang_files" / "logo.png", b"\x89PNG")
    write(archive / "2024" / "bai.txt", ARTICLE.encode())
    write(archive / "bao-cao.pdf", b"%PDF-1.4")
    write(
        archive / "notes_files" / "keep.txt", (SEEDS / "001_f3b76767b57ea755.txt").read_bytes()
    )  # no notes.html: not assets
    result = cli("ingest", str(archive))
    assert result.exit_code == 0
    assert result.stderr == (
        f"ingested 3 input(s) into {db_path}: 3 new, 0 updated, 0 unchanged, 0 duplicate, 0 rejected; "
        "skipped 3 other file(s) in the folders (--format json lists them)\n"
    )
    listed = {Path(o["path"]).name: o for o in json.loads(cli("ingest", "--format", "json", str(archive)).stdout)}
    assert listed["quang-cao.htm"]["status"] == listed["logo.png"]["status"] == "skipped"
    assert listed["quang-cao.htm"]["reason"] == "part of the saved page trang.html"
    assert listed["bao-cao.pdf"]["reason"] == "not an article file (.pdf; ingest reads .txt, .md, .html and .htm)"
    assert {listed[name]["status"] for name in ("trang.html", "bai.txt", "keep.txt")} == {"unchanged"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_rejected(tmp_path, cli):
    path = write(tmp_path / "secret.txt", ARTICLE.encode())
    path.chmod(0)
    result = cli("ingest", str(path))
    assert result.exit_code == 1
    assert "cannot read it" in result.stderr


def test_rejected_file_costs_nothing_stored(tmp_path, db_path, cli):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    cli("ingest", str(path))
    write(path, b"\x00\x01\x02binary now")
    assert cli("ingest", str(path)).exit_code == 1
    assert len(documents(db_path)) == 1


# --- idempotence, updates, syndicated copies ---------------------------------------------------


def test_reingest_changes_nothing(db_path, cli, seeds_copy):
    cli("ingest", str(seeds_copy))
    before = sqlite3.connect(db_path).execute("SELECT id, ingested_at FROM documents ORDER BY id").fetchall()
    result = cli("ingest", str(seeds_copy))
    assert result.exit_code == 0
    assert "0 new, 0 updated, 5 unchanged" in result.stderr
    assert sqlite3.connect(db_path).execute("SELECT id, ingested_at FROM documents ORDER BY id").fetchall() == before


def test_changed_file_is_updated_in_place(tmp_path, db_path, cli):
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    cli("ingest", str(path))
    write(path, ARTICLE.replace("thúc đẩy chuyển đổi xanh", "phát triển kinh tế số").encode())
    result = cli("ingest", str(path))
    assert "1 updated" in result.stderr
    export = json.loads(cli("export").stdout)
    assert len(export["documents"]) == 1
    assert [s["text"] for s in export["statements"]][-1] == "phát triển kinh tế số"
    assert cli("search", "kinh te so").exit_code == 0
    assert "xanh" not in indexed_words(db_path)  # the old body left the index whole
    assert cli("search", "chuyen doi xanh").exit_code == 1


def test_second_outlets_copy_is_a_duplicate_and_not_counted(tmp_path, db_path, cli):
    original = (SEEDS / "000_27309452084d270c.txt").read_text(encoding="utf-8")
    copy = original.replace("Hoàng Giang", "Minh Anh").replace("Tin cùng chuyên mục", "Tin liên quan")
    copy = copy.replace("Phó Chủ tịch Quốc hội Nguyễn Khắc Định điều hành nội dung phiên họp.", "")
    write(tmp_path / "outlet_a.txt", original.encode())
    write(tmp_path / "outlet_b.txt", copy.encode())
    result = cli("ingest", str(tmp_path / "outlet_a.txt"), str(tmp_path / "outlet_b.txt"))
    assert "1 new, 0 updated, 0 unchanged, 1 duplicate" in result.stderr
    docs = {Path(d["path"]).name: d for d in documents(db_path)}
    assert docs["outlet_b.txt"]["duplicate_of"] == docs["outlet_a.txt"]["id"]
    priorities = json.loads(cli("priorities", "--format", "json").stdout)
    assert len(priorities) == 6
    assert "duplicate of" in cli("docs").stdout


SAME_SPEECH = Path(__file__).parent / "data" / "unseen" / "same_speech"


@pytest.mark.parametrize("one_run", [True, False], ids=["one run", "one file per run"])
def test_a_second_outlets_own_report_of_the_same_speech_counts_once(db_path, cli, one_run):
    files = sorted(str(p) for p in SAME_SPEECH.iterdir())
    if one_run:
        assert "1 new, 0 updated, 0 unchanged, 1 duplicate" in cli("ingest", *files).stderr
    else:
        assert "1 new" in cli("ingest", files[0]).stderr and "1 duplicate" in cli("ingest", files[1]).stderr
    docs = {Path(d["path"]).name: d for d in documents(db_path)}
    assert docs["vov_2025-12-21.txt"]["duplicate_of"] == docs["baoquocte_2025-12-20.txt"]["id"]
    threads = json.loads(cli("threads", "--format", "json").stdout)
    assert [t["statements"] for t in threads] == [1, 1, 1]


def test_a_report_dated_only_by_its_next_day_stamp_is_the_same_speech(tmp_path, db_path, cli):
    """The first outlet names the day (19/12); the second only has its page stamp (20/12)."""
    stamped = (
        "Ba trọng tâm ngoại giao kinh tế 2026\n\nThứ Bảy, 20/12/2025 07:30\n\nTại Hội nghị Ngoại giao lần thứ 33, "
        "Bộ trưởng Bùi Thanh Sơn nêu 3 trọng tâm của năm 2026. Thứ nhất, phục vụ tăng trưởng hai con số. "
        "Thứ hai, thu hút đầu tư công nghệ cao. Thứ ba, hỗ trợ doanh nghiệp vươn ra thị trường quốc tế."
    )
    files = [str(SAME_SPEECH / "baoquocte_2025-12-20.txt"), str(write(tmp_path / "stamped.txt", stamped.encode()))]
    assert "1 new, 0 updated, 0 unchanged, 1 duplicate" in cli("ingest", *files).stderr
    dates = {Path(d["path"]).name: (d["date"], d["duplicate_of"]) for d in documents(db_path)}
    original = next(d["id"] for d in documents(db_path) if d["path"].endswith("baoquocte_2025-12-20.txt"))
    assert dates == {"baoquocte_2025-12-20.txt": ("2025-12-19", None), "stamped.txt": ("2025-12-20", original)}


def test_the_same_list_two_days_apart_is_another_speech(tmp_path, db_path, cli):
    later = (SAME_SPEECH / "baoquocte_2025-12-20.txt").read_text(encoding="utf-8").replace("Sáng 19/12", "Sáng 21/12")
    cli("ingest", str(SAME_SPEECH / "baoquocte_2025-12-20.txt"), str(write(tmp_path / "later.txt", later.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


def test_the_same_day_with_other_lists_is_not_the_same_speech(tmp_path, db_path, cli):
    first = (SAME_SPEECH / "baoquocte_2025-12-20.txt").read_text(encoding="utf-8")
    other = (
        "Bộ trưởng nêu 3 nhiệm vụ về công tác lãnh sự\n\nChiều 19/12, Bộ trưởng Bùi Thanh Sơn cho biết năm 2026 "
        "ngành có 3 nhiệm vụ. Thứ nhất, phục vụ tăng trưởng hai con số. Thứ hai, bảo hộ công dân ở nước ngoài. "
        "Thứ ba, cải cách thủ tục lãnh sự."
    )
    cli("ingest", *(str(write(tmp_path / name, text.encode())) for name, text in (("a.txt", first), ("b.txt", other))))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


SAME_DIRECTIONS = Path(__file__).parent / "data" / "unseen" / "same_directions"


def test_a_second_outlets_report_of_a_speech_without_lists_counts_once(db_path, cli):
    """Two outlets report the same directions in their own words and order, one adding a
    sentence read as a direction: three of its four restate the first report's."""
    files = sorted(str(p) for p in SAME_DIRECTIONS.iterdir())
    assert "1 new, 0 updated, 0 unchanged, 1 duplicate" in cli("ingest", *files).stderr
    docs = {Path(d["path"]).name: d for d in documents(db_path)}
    assert docs["tintuc24_2024-03-15.txt"]["duplicate_of"] == docs["kinhtedoingoai_2024-03-14.txt"]["id"]
    priorities = json.loads(cli("priorities", "--format", "json").stdout)
    assert len(priorities) == 3  # the first report's directions, once


def _directions(lead: str, *directions: str) -> str:
    return "\n\n".join(["Thủ tướng làm việc với Bộ Ngoại giao", f"Chiều 14/3/2024, {lead}", *directions])


def test_other_directions_of_the_same_speaker_the_same_day_are_another_speech(tmp_path, db_path, cli):
    first = SAME_DIRECTIONS / "kinhtedoingoai_2024-03-14.txt"
    other = _directions(
        "Thủ tướng Phạm Minh Chính làm việc với tỉnh Quảng Ninh về du lịch.",
        "Thủ tướng yêu cầu tỉnh tập trung hoàn thiện hạ tầng giao thông kết nối các khu du lịch ven biển.",
        "Thủ tướng đề nghị các sở, ngành cần đẩy nhanh giải phóng mặt bằng cho dự án cảng hàng không.",
    )
    cli("ingest", str(first), str(write(tmp_path / "other.txt", other.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


def test_one_direction_in_common_is_not_the_same_speech(tmp_path, db_path, cli):
    first = SAME_DIRECTIONS / "kinhtedoingoai_2024-03-14.txt"
    other = _directions(
        "Thủ tướng Phạm Minh Chính gặp mặt cộng đồng doanh nghiệp.",
        "Thủ tướng yêu cầu Bộ Ngoại giao chủ trì, phối hợp với các bộ, ngành tập trung mở rộng thị trường xuất khẩu "
        "cho nông sản, thủy sản, nhất là các thị trường Halal và Mỹ Latinh.",
        "Thủ tướng đề nghị các hiệp hội cần chủ động đào tạo nguồn nhân lực chất lượng cao cho ngành bán dẫn.",
        "Thủ tướng yêu cầu các ngân hàng cần giảm lãi suất cho vay đối với doanh nghiệp nhỏ và vừa.",
    )
    cli("ingest", str(first), str(write(tmp_path / "other.txt", other.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


# One speech in three outlets' words: the government's portal numbers its five tasks, a provincial
# paper copies the list under its own furniture, an economic magazine retells four of the tasks
# in running text (directives, no list).
MIXED_FORMS = Path(__file__).parent / "data" / "mixed_forms"
NUMBERED, PROVINCIAL, RETOLD = "chinhphu_2027-01-12.txt", "baohatinh_2027-01-13.txt", "kinhte_2027-01-13.txt"


@pytest.mark.parametrize(
    "runs",
    [[NUMBERED, PROVINCIAL, RETOLD], [RETOLD, NUMBERED, PROVINCIAL], [PROVINCIAL, RETOLD, NUMBERED]],
    ids=["numbered first", "retold first", "copy first"],
)
def test_a_speech_numbered_by_one_outlet_and_retold_by_another_counts_once(db_path, cli, runs):
    for name in runs:  # one run each: a report stored before the one it retells
        cli("ingest", str(MIXED_FORMS / name))
    docs = {Path(d["path"]).name: d for d in documents(db_path)}
    counted = [name for name, d in docs.items() if d["duplicate_of"] is None]
    assert len(counted) == 1 and counted[0] != RETOLD  # the numbered list is the one counted
    assert docs[RETOLD]["duplicate_of"] == docs[counted[0]]["id"]
    priorities = json.loads(cli("priorities", "--year", "2027", "--format", "json").stdout)
    assert len([p for p in priorities if p["form"] == "list"]) == 5
    assert len(priorities) == 5 + (counted[0] == NUMBERED)  # the portal adds a direction to the Đại sứ


def test_a_report_retold_in_one_run_is_counted_as_the_duplicate_it_is(db_path, cli):
    """The retelling comes first in the run, and is only found to be a copy when the list comes."""
    result = cli("ingest", "--format", "json", str(MIXED_FORMS / RETOLD), str(MIXED_FORMS / NUMBERED))
    outcomes = {Path(o["path"]).name: o for o in json.loads(result.stdout)}
    assert outcomes[RETOLD]["status"] == "duplicate"
    assert outcomes[RETOLD]["duplicate_of"] == outcomes[NUMBERED]["document_id"]
    assert outcomes[NUMBERED]["adopted"] == [outcomes[RETOLD]["document_id"]]
    plain = cli("ingest", str(MIXED_FORMS / RETOLD), str(MIXED_FORMS / NUMBERED))
    assert "0 new, 0 updated, 2 unchanged" in plain.stderr
    conn = sqlite3.connect(db_path)
    counted = conn.execute("SELECT id FROM documents WHERE terms_counted = 1").fetchall()
    assert counted == [(outcomes[NUMBERED]["document_id"],)]  # the copy's words are not counted twice


def _items_left_out(text: str, *numbers: str) -> str:
    """The provincial copy with the items numbered `numbers` ("Bốn là") left out, the rest renumbered."""
    paragraphs = text.split("\n\n")
    kept = [p for p in paragraphs if not p.startswith(tuple(f"{n} là" for n in numbers))]
    ordinals = iter(["Một", "Hai", "Ba", "Bốn", "Năm"])
    return "\n\n".join(f"{next(ordinals)}{p[p.index(' là') :]}" if " là, " in p[:8] else p for p in kept)


@pytest.mark.parametrize("retold_first", [False, True], ids=["list first", "excerpt first"])
def test_an_outlet_that_numbers_some_of_the_tasks_reports_the_same_speech(tmp_path, db_path, cli, retold_first):
    excerpt = _items_left_out((MIXED_FORMS / PROVINCIAL).read_text(encoding="utf-8"), "Bốn")
    assert "Bốn là, đổi mới phương thức" in excerpt
    files = [str(MIXED_FORMS / NUMBERED), str(write(tmp_path / "excerpt.txt", excerpt.encode()))]
    for name in reversed(files) if retold_first else files:
        cli("ingest", name)
    docs = {Path(d["path"]).name: d for d in documents(db_path)}
    assert docs["excerpt.txt"]["duplicate_of"] == docs[NUMBERED]["id"]
    assert docs[NUMBERED]["duplicate_of"] is None


def test_an_excerpt_of_two_tasks_is_not_enough_to_be_the_same_speech(tmp_path, db_path, cli):
    excerpt = _items_left_out((MIXED_FORMS / PROVINCIAL).read_text(encoding="utf-8"), "Bốn", "Năm", "Ba")
    assert "Hai là, mở rộng" in excerpt and "Ba là" not in excerpt
    cli("ingest", str(MIXED_FORMS / NUMBERED), str(write(tmp_path / "excerpt.txt", excerpt.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


def test_tasks_out_of_the_speechs_order_are_not_an_excerpt(tmp_path, db_path, cli):
    text = (MIXED_FORMS / PROVINCIAL).read_text(encoding="utf-8")
    paragraphs = _items_left_out(text, "Bốn").split("\n\n")
    first, third = (next(i for i, p in enumerate(paragraphs) if p.startswith(f"{n} là")) for n in ("Một", "Ba"))
    paragraphs[first], paragraphs[third] = (
        "Một là" + paragraphs[third][2:],
        "Ba là" + paragraphs[first][3:],
    )
    cli("ingest", str(MIXED_FORMS / NUMBERED), str(write(tmp_path / "shuffled.txt", "\n\n".join(paragraphs).encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


def test_directions_another_outlet_numbered_on_another_day_are_another_speech(tmp_path, db_path, cli):
    retold = (MIXED_FORMS / RETOLD).read_text(encoding="utf-8").replace("tối 12/1", "tối 16/1")
    retold = retold.replace("13/1/2027", "17/1/2027")
    cli("ingest", str(MIXED_FORMS / NUMBERED), str(write(tmp_path / "later.txt", retold.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


def test_sketches_of_another_hash_scheme_are_recomputed(tmp_path, db_path, cli):
    original = (SEEDS / "000_27309452084d270c.txt").read_text(encoding="utf-8")
    write(tmp_path / "outlet_a.txt", original.encode())
    cli("ingest", str(tmp_path / "outlet_a.txt"))
    conn = sqlite3.connect(db_path)
    with conn:  # as if an older ngkt (or another Python) had hashed the shingles differently
        conn.execute("UPDATE documents SET sketch = zeroblob(1024)")
        conn.execute("UPDATE meta SET value = 'another' WHERE key = 'sketch_scheme'")
    copy = original.replace("Phó Chủ tịch Quốc hội Nguyễn Khắc Định điều hành nội dung phiên họp.", "")
    write(tmp_path / "outlet_b.txt", copy.encode())
    assert "1 duplicate" in cli("ingest", str(tmp_path / "outlet_b.txt")).stderr


def test_a_different_report_of_the_same_day_is_not_a_duplicate(tmp_path, db_path, cli):
    other = "Tin khác về hội nghị\n\nSáng 15/1, tại Hà Nội, Thủ tướng Phạm Minh Chính làm việc với tỉnh Nghệ An về đầu tư hạ tầng giao thông và phát triển công nghiệp chế biến."
    cli("ingest", str(write(tmp_path / "a.txt", ARTICLE.encode())), str(write(tmp_path / "b.txt", other.encode())))
    assert [d["duplicate_of"] for d in documents(db_path)] == [None, None]


# A report of a visit, with no list (so that only the bodies' overlap can make a copy a duplicate),
# and what another outlet wrote about the afternoon.
VISIT = (
    "Đoàn doanh nghiệp Việt Nam làm việc tại Osaka\n\nSáng 15/1/2025, tại Osaka, đoàn doanh nghiệp Việt Nam do Thứ "
    "trưởng Bộ Ngoại giao dẫn đầu đã làm việc với chính quyền tỉnh và hiệp hội thương mại địa phương.\n\nHai bên trao "
    "đổi về cơ hội mở rộng xuất khẩu nông sản chế biến, thu hút vốn vào khu công nghiệp phía bắc và đào tạo kỹ sư trẻ "
    "cho ngành bán dẫn.\n\nPhía Nhật Bản bày tỏ mong muốn tăng số chuyến bay thẳng giữa hai thành phố, đồng thời giới "
    "thiệu chương trình hỗ trợ lãi suất cho nhà đầu tư nhỏ.\n\nKết thúc buổi làm việc, đại diện hiệp hội trao tặng đoàn "
    "bộ tài liệu hướng dẫn thủ tục nhập khẩu gạo, cà phê và trái cây tươi vào thị trường này."
)
AFTERNOON = (
    "Buổi chiều cùng ngày, đoàn thăm một nhà máy sản xuất linh kiện ô tô của tập đoàn lớn và gặp gỡ cộng đồng người "
    "Việt đang sinh sống ở vùng Kansai. Các chuyên gia khuyến nghị doanh nghiệp trong nước chú ý tiêu chuẩn truy xuất "
    "nguồn gốc, bao bì thân thiện môi trường và cam kết giao hàng đúng hạn."
)


def shared_share(first: str, second: str) -> float:
    """The share of the smaller body's word 4-grams the other has, by the plain definition."""

    def grams(text: str) -> set[tuple[str, ...]]:
        words = key(build_document(text.encode(), "x.txt").body).split()
        return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}

    mine, theirs = grams(first), grams(second)
    return len(mine & theirs) / min(len(mine), len(theirs))


@pytest.mark.parametrize("rewritten, share, status", [(19, 0.85, "duplicate"), (37, 0.70, "new")])
def test_a_copy_sharing_85_percent_is_a_duplicate_and_one_sharing_70_is_not(
    tmp_path, db_path, cli, rewritten, share, status
):
    """DUPLICATE_CONTAINMENT (0.8) from both sides: a copy whose last words another outlet wrote."""
    words = VISIT.split(" ")
    copy = " ".join(words[:-rewritten] + AFTERNOON.split(" ")[:rewritten])
    assert shared_share(VISIT, copy) == pytest.approx(share, abs=0.01)
    cli("ingest", str(write(tmp_path / "a.txt", VISIT.encode())))
    assert f"1 {status}" in cli("ingest", str(write(tmp_path / "b.txt", copy.encode()))).stderr


# --- storage -----------------------------------------------------------------------------------


# --- processes: concurrency and interruption ---------------------------------------------------


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(tmp_path, kill_corpus, kill_reference):
    """kill -9 while the writer holds an open transaction: the group committed before it is kept,
    every stored document whole (its lists, statements, themes and search rows as an
    uninterrupted ingest writes them), the open group gone entirely; a rerun completes."""
    db = tmp_path / "killed.db"
    process = paused_ingest(db, kill_corpus, PAUSE_AT)
    process.kill()
    process.wait()
    survivors = document_rows(db)
    assert {doc: kill_reference[doc] for doc in survivors} == survivors
    assert len(survivors) == DOCUMENTS_PER_TRANSACTION < PAUSE_AT
    rerun = subprocess.run([*ngkt_command(), "--db", str(db), "ingest", "-q", str(kill_corpus)], timeout=120)
    assert rerun.returncode == 0
    assert document_rows(db) == kill_reference
    unlinked = "SELECT count(*) FROM statements WHERE thread_id IS NULL"
    assert sqlite3.connect(db).execute(unlinked).fetchone()[0] == 0  # the rerun linked what the killed run could not


def test_an_internal_failure_on_one_file_does_not_stop_the_run(tmp_path, db_path, cli, monkeypatch):
    from ngkt_cli import ingest

    real_extract = ingest.extract

    def failing_extract(doc):
        if "poison" in doc.body:
            raise ValueError("boom")
        return real_extract(doc)

    monkeypatch.setattr(ingest, "extract", failing_extract)
    write(tmp_path / "good.txt", ARTICLE.encode())
    write(tmp_path / "bad.txt", (ARTICLE + "\npoison\n").encode())
    result = cli("ingest", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"))
    assert result.exit_code == 1
    assert (
        f"rejected {tmp_path / 'bad.txt'}: could not be processed (ValueError: boom); please report it" in result.stderr
    )
    assert [Path(d["path"]).name for d in documents(db_path)] == ["good.txt"]


def test_reextract_rebuilds_the_same_lists(seeded_db, tmp_path):
    copy = tmp_path / "copy.db"
    sqlite3.connect(seeded_db).backup(sqlite3.connect(copy))
    before = json.loads(run_cli(copy, "export").stdout)
    result = run_cli(copy, "reextract")
    assert result.exit_code == 0 and "re-extracted 5 document(s)" in result.stderr
    assert json.loads(run_cli(copy, "export").stdout) == before


def test_a_vov_stamp_after_the_agency_dates_the_page():
    doc = build_document((SAME_SPEECH / "vov_2025-12-21.txt").read_bytes(), "vov_2025-12-21.txt")
    assert (doc.date, doc.date_source, doc.published) == ("2025-12-19", "inferred", "2025-12-21")
    assert ("stamp", "(VOV) Chủ nhật 21/12/2025 08:00") in [(r.reason, r.text) for r in doc.removed]


def _inputs_as_rglob_finds_them(root: Path) -> list[tuple[str, str | None]]:
    """The plain definition of what a folder holds: every file `Path.rglob` finds, not named
    with a leading dot, sorted as paths, skipped when a folder between it and the root holds a
    saved page's assets (the nearest names the page) or its extension is not an article's."""
    found = []
    for child in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        reason = None
        for folder in child.relative_to(root).parents:
            stem = (root / folder).name.removesuffix("_files")
            pages = (
                [(root / folder).with_name(stem + s) for s in (".html", ".htm")] if stem != (root / folder).name else []
            )
            if page := next((p for p in pages if p.is_file()), None):
                reason = f"part of the saved page {page.name}"
                break
        if reason is None and child.suffix.lower() not in (".txt", ".md", ".html", ".htm"):
            reason = "not an article file"
        found.append((str(child), reason))
    return found


@pytest.mark.parametrize("named", ["archive", "archive/", "."])
def test_a_folder_is_walked_as_rglob_walks_it(tmp_path, monkeypatch, named):
    """`collect_inputs` walks a folder with one `os.scandir` a folder: the same files, in the
    same order, skipped for the same reasons as the plain walk finds them."""
    from ngkt_cli.ingest import collect_inputs

    archive = tmp_path / "archive"
    for name in (
        "a/x.txt", "a-b/x.txt", "a.b/y.md", "A/z.TXT", "a/b/c/d.htm", "bai.txt", ".hidden.txt", ".git/config.txt",
        "2024/trang.html", "2024/trang_files/x.htm", "2024/trang_files/img/logo.png", "2024/trang_files/sub.html",
        "2024/trang_files/sub_files/a.txt",
        "notes_files/keep.txt", "deep/page.htm", "deep/page_files/inner/k.txt", "pic.png", "noext",
    ):  # fmt: skip
        write(archive / name, b"x")
    (archive / "linked.txt").symlink_to(archive / "bai.txt")
    (archive / "linked_folder").symlink_to(archive / "a", target_is_directory=True)
    (archive / "broken.txt").symlink_to(archive / "nowhere.txt")
    monkeypatch.chdir(tmp_path if named != "." else archive)
    inputs, skipped = collect_inputs([named])
    walked = sorted(
        [(display, None) for display, _ in inputs] + [(o.path, (o.reason or "").split(" (")[0]) for o in skipped],
        key=lambda row: Path(row[0]),
    )
    expected = _inputs_as_rglob_finds_them(Path(named))
    assert walked == expected
    assert [display for display, _ in inputs] == [d for d, reason in expected if reason is None]
    assert len(inputs) == 11 and len(skipped) == 7
    assert [o.reason for o in skipped if o.path.endswith("a.txt")] == ["part of the saved page sub.html"]
