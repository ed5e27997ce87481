"""Dates, titles, speakers, target years, counts and scope of pages in shapes read on real press
pages (the `pages` corpus: national outlets, a ministry's magazine, provincial papers and portals,
2019-2026), each written for these tests in our own words (tests/data/unseen/gm12_*): an
official's signed article (the author's name with the offices under it, under the headline or at
the end), a speech's heading in capitals wrapped over two lines above its salutation, a headline
wider than the wrapped text under it, office-holders addressed together ("đề nghị các Đại sứ ..."),
an acting director ("Quyền Cục trưởng"), a province's talks with a foreign province (in scope),
and shapes that already read right and must stay so: a stamp under the lede and the byline, the
same stamp over and under a magazine's headline, "Rạng sáng 31/8", "Chiều tối 3/7", "Sáng nay",
the 32nd Diplomatic Conference placing "Sáng 18/12", an anniversary's span in the lede, "năm ngoái",
a horizon "đến năm 2030", a sport event, a province's statistics and a city's tourism plan (out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.boilerplate import clean_lines
from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document
from ngkt_cli.metadata import Person, signed_author

UNSEEN = Path(__file__).parent / "data" / "unseen"


def reading(name: str):
    """(title, date, statement year, scope, [(kind, announced count, speaker, target year, items)])."""
    page = UNSEEN / name
    doc = build_document(page.read_bytes(), page.name)
    lists = [
        (found.kind, found.announced_count, found.speaker, found.items[0].target_year, len(found.items))
        for found in extract(doc).lists
    ]
    return doc.title, doc.date, doc.statement_year, doc.scope, lists


PAGES = [
    # the author's name under the headline and the offices under the name: the article's lists are his
    (
        "gm12_signed_article_author_lines.txt",
        "Ngoại giao kinh tế trong chặng đường phát triển mới",
        "2025-08-27",
        2025,
        "in",
        [("priority", 3, "Bùi Thanh Sơn", 2025, 3)],
    ),
    # the name in capitals and the offices at the end; undated (no day), speaking from 2026
    (
        "gm12_signed_article_name_at_end.txt",
        "Ngoại giao kinh tế phải đi trước mở đường cho tăng trưởng hai con số",
        None,
        2026,
        "in",
        [("priority", 4, "Phạm Minh Chính", 2026, 4)],
    ),
    # "PHÁT BIỂU CỦA ..." ¶ "TẠI HỘI NGHỊ ..." ¶ place and date ¶ "Kính thưa các đồng chí,"
    (
        "gm12_speech_text_caps_heading.txt",
        "PHÁT BIỂU CỦA PHÓ THỦ TƯỚNG THƯỜNG TRỰC CHÍNH PHỦ TẠI HỘI NGHỊ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ "
        "NGOẠI GIAO KINH TẾ",
        "2023-02-17",
        2023,
        "in",
        [("priority", 3, "Phạm Bình Minh", 2023, 3)],
    ),
    # wrapped at 70 characters under a headline of 73: the headline was not wrapped, it ends there
    (
        "gm12_wrapped_headline_widest.txt",
        "Ngoại giao kinh tế cần bám sát nhu cầu của doanh nghiệp và các địa phương",
        "2024-01-08",
        2024,
        "in",
        [("priority", 3, "Phạm Minh Chính", 2024, 3)],
    ),
    # "chúc mừng các Đại sứ được tin tưởng giao trọng trách và đề nghị các Đại sứ ...": whom the
    # Chairman asks, not who speaks
    (
        "gm12_this_morning_stamp.txt",
        "Chủ tịch Quốc hội gặp mặt các Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài",
        "2023-08-14",
        2023,
        "in",
        [("priority", 3, "Vương Đình Huệ", 2023, 3)],
    ),
    # "..., Bộ trưởng Ngoại giao Bùi Thanh Sơn có bài viết “...”. Báo ... trân trọng giới thiệu ...":
    # the page presents the minister's article, whose lists are his
    (
        "gm12_sapo_minister_wrote_article.txt",
        "Ngoại giao Việt Nam năm 2023: Điểm sáng trong thành tựu chung của đất nước",
        "2024-01-01",
        2024,
        "in",
        [("priority", None, "Bùi Thanh Sơn", 2024, 3)],
    ),
    # "Theo nhandan.vn" under the headline is the source, no paragraph; no day: undated, in 2021
    (
        "gm12_theo_outlet_under_headline.txt",
        "Đẩy mạnh ngoại giao kinh tế",
        None,
        2021,
        "in",
        [("priority", 3, "Bùi Thanh Sơn", 2021, 3)],
    ),
    # a word processor's "Description: C:\\Users\\...\\DSC_0067.JPG" where the picture was
    (
        "gm12_word_export_description_line.txt",
        "Hội nghị trực tuyến triển khai công tác ngoại giao kinh tế năm 2022",
        "2022-01-21",
        2022,
        "in",
        [("priority", 3, "Bùi Thanh Sơn", 2022, 3)],
    ),
    # "Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung": a province ending in "An" (as "An Giang" opens) is
    # followed by a name; a December meeting on next year's programme plans 2026
    (
        "gm12_province_name_ends_an.txt",
        "Nghệ An mở rộng hợp tác với các địa phương của Lào và Thái Lan",
        "2025-11-13",
        2025,
        "in",
        [("priority", 3, "Nguyễn Đức Trung", 2026, 3)],
    ),
    # "Tổng Lãnh sự Việt Nam tại Thượng Hải Ninh Thành Công" (not "Hải Dương"'s tail), and "Ông Lê
    # Minh Tuấn (Giám đốc Sở Công Thương) cho biết": a title in brackets after the name
    (
        "gm12_consul_general_bracket_title.txt",
        "Tổng Lãnh sự quán đồng hành cùng doanh nghiệp tỉnh tại Thượng Hải",
        "2024-04-09",
        2024,
        "in",
        [("priority", 3, "Ninh Thành Công", 2024, 3), ("priority", 2, "Lê Minh Tuấn", 2024, 2)],
    ),
    # "đồng chí Nguyễn Minh Vũ, Ủy viên dự khuyết TW Đảng, Thứ trưởng Bộ Ngoại giao nêu ...", and
    # "Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn" (the province's "Giang" is no family name)
    (
        "gm12_party_member_titles_chain.txt",
        "Bộ Ngoại giao triển khai công tác ngoại giao kinh tế năm 2022",
        "2022-01-21",
        2022,
        "in",
        [("priority", 3, "Nguyễn Minh Vũ", 2022, 3), ("priority", 2, "Nguyễn Văn Sơn", 2022, 2)],
    ),
    # "Đại sứ đặc mệnh toàn quyền Việt Nam tại Hàn Quốc Vũ Hồ", "UBND tỉnh Bà Rịa - Vũng Tàu Nguyễn Văn Thọ"
    (
        "gm12_ambassador_plenipotentiary_province.txt",
        "Tỉnh Bà Rịa - Vũng Tàu tăng cường kết nối với thị trường Hàn Quốc",
        "2023-09-11",
        2023,
        "in",
        [("priority", 3, "Vũ Hồ", 2023, 3)],
    ),
    # a quote opens the sapo, "Đó là chia sẻ của ông ..., Quyền Cục trưởng ...": the interviewee
    (
        "gm12_acting_director_quote_sapo.txt",
        "Ngoại vụ địa phương: Một năm nhiều dấu ấn",
        "2023-01-05",
        2023,
        "in",
        [("priority", 3, "Nguyễn Như Hiếu", 2023, 3)],
    ),
    # a province prepares talks with a Lao province: its own foreign affairs, in scope
    (
        "gm12_dong_chi_apposition_conclusion.txt",
        "Chuẩn bị chu đáo cho hội đàm cấp cao giữa hai tỉnh",
        "2023-06-16",
        2023,
        "in",
        [("priority", 3, "Nguyễn Văn Thi", 2023, 3)],
    ),
    # the page's stamp under the lede and the reporters' names
    (
        "gm12_stamp_after_lede_byline.txt",
        "Ngoại giao địa phương tạo đà bứt phá trong năm 2025",
        "2025-01-06",
        2025,
        "in",
        [("priority", 3, "Thủ tướng Chính phủ", 2025, 3)],
    ),
    # the same stamp over and under the headline; the forum's day, 23/4, is the statement's
    (
        "gm12_double_stamp_magazine.txt",
        "Diễn đàn khu vực: khởi đầu cho những kế hoạch hợp tác mới",
        "2024-04-23",
        2024,
        "in",
        [("priority", 3, "Bùi Thanh Sơn", 2024, 3)],
    ),
    # "Sáng 18/12", no stamp: the 32nd Diplomatic Conference places it; a December plan is for 2024
    (
        "gm12_domain_sapo_event_number.txt",
        "Ba trăm đại biểu dự Hội nghị Ngoại vụ toàn quốc lần thứ 21",
        "2023-12-18",
        2023,
        "in",
        [("priority", 4, "Bùi Thanh Sơn", 2024, 4)],
    ),
    (
        "gm12_dusk_july_half_year.txt",
        "Đẩy mạnh ngoại giao kinh tế phục vụ phát triển đất nước",
        "2023-07-03",
        2023,
        "in",
        [("priority", 5, "Phạm Minh Chính", 2023, 5)],
    ),
    (
        "gm12_dawn_agency_prefix.txt",
        "Thủ tướng bắt đầu chuyến công tác dự hội nghị thượng đỉnh khu vực",
        "2025-08-31",
        2025,
        "in",
        [("priority", 3, "Nguyễn Minh Hằng", 2025, 3)],
    ),
    (
        "gm12_provincial_vice_chair_conference.txt",
        "Tổng kết công tác đối ngoại năm 2024, triển khai nhiệm vụ năm 2025",
        "2025-01-20",
        2025,
        "in",
        [("priority", 4, "Nguyễn Tự Công Hoàng", 2025, 4)],
    ),
    # "(28/8/1945 - 28/8/2025)" in the lede is an anniversary's span, no event day
    (
        "gm12_interview_anniversary_span.txt",
        "Phó Thủ tướng Bùi Thanh Sơn: Không ngừng tạo lập môi trường thuận lợi, kiến tạo động lực mới cho đất nước",
        "2025-08-22",
        2025,
        "in",
        [("priority", 3, "Bùi Thanh Sơn", 2025, 3)],
    ),
    (
        "gm12_kicker_deputy_interview_congress.txt",
        "Thứ trưởng Ngoại giao Lê Hoài Trung: Phát huy vai trò tiên phong của đối ngoại trong nhiệm kỳ mới",
        "2021-01-30",
        2021,
        "in",
        [("priority", 4, "Lê Hoài Trung", 2021, 4)],
    ),
    (
        "gm12_ambassador_tet_interview.txt",
        "Đại sứ Phạm Quang Hiệu: Năm Giáp Thìn mở ra nhiều cơ hội hợp tác mới với Nhật Bản",
        "2024-02-10",
        2024,
        "in",
        [("priority", 3, "Phạm Quang Hiệu", 2024, 3)],
    ),
    # "Năm ngoái, ..." reviews 2024; "năm nay" plans the stamp's year
    (
        "gm12_review_last_year_plan_this_year.txt",
        "Bộ Công Thương đặt 4 trọng tâm hội nhập kinh tế quốc tế năm nay",
        "2025-01-09",
        2025,
        "in",
        [("priority", 4, "Nguyễn Hồng Diên", 2025, 4)],
    ),
    # "giai đoạn 2021 - 2025", "đến năm 2030": a span and a horizon, never the statement's year
    (
        "gm12_horizon_2030_resolution.txt",
        "Triển khai nghị quyết về hội nhập quốc tế trong tình hình mới",
        "2025-03-23",
        2025,
        "in",
        [("priority", 3, "Nguyễn Minh Vũ", 2025, 3)],
    ),
    (
        "gm12_theo_ong_director.txt",
        "Xúc tiến thương mại phải đi vào chiều sâu",
        "2023-10-20",
        2023,
        "in",
        [("priority", 3, "Vũ Bá Phú", 2023, 3)],
    ),
    # a weekly round-up stamped on Sunday: the briefing's "chiều 3/10" is when it was said
    (
        "gm12_week_review_spokesperson.txt",
        "Đối ngoại tuần qua: Thúc đẩy hợp tác kinh tế với các đối tác chủ chốt",
        "2024-10-03",
        2024,
        "in",
        [("priority", 2, "Phạm Thu Hằng", 2024, 2)],
    ),
    # a print page with no stamp, an image's slug twice: "Chiều 4/8" takes the year the text speaks of
    (
        "gm12_print_page_slug_alt.txt",
        "Tỉnh luôn chú trọng hoạt động ngoại giao, hợp tác quốc tế",
        "2019-08-04",
        2019,
        "in",
        [("priority", 3, "Nguyễn Mạnh Cường", 2019, 3)],
    ),
    (
        "gm12_out_marathon_province.txt",
        "Giải marathon quốc tế di sản thu hút hơn 10.000 vận động viên",
        "2024-03-12",
        2024,
        "out",
        [("priority", 3, "Trần Văn Nam", 2024, 3)],
    ),
    (
        "gm12_out_province_statistics.txt",
        "Kinh tế tỉnh quý I/2025 tăng trưởng khá",
        "2025-04-02",
        2025,
        "out",
        [("priority", 4, "UBND tỉnh", 2025, 4)],
    ),
    (
        "gm12_out_city_tourism_tasks.txt",
        "Thành phố đặt mục tiêu đón 5 triệu lượt khách du lịch trong năm 2025",
        "2025-01-15",
        2025,
        "out",
        [("priority", 4, "Lê Thị Mai", 2025, 4)],
    ),
    # an international food festival: a city's culture and tourism, out of scope
    (
        "gm12_culture_festival_worded_like_diplomacy.txt",
        "Lễ hội văn hóa quốc tế quảng bá hình ảnh thành phố",
        "2024-10-18",
        2024,
        "out",
        [("priority", 3, "Hoàng Minh Đức", 2024, 3)],
    ),
]


@pytest.mark.parametrize(("page", "title", "date", "year", "scope", "lists"), PAGES, ids=[p[0] for p in PAGES])
def test_page_reads_as_written(page, title, date, year, scope, lists):
    assert reading(page) == (title, date, year, scope, lists)


def test_a_signed_articles_author_is_stored_with_the_offices_under_the_name():
    clean = clean_lines((UNSEEN / "gm12_signed_article_author_lines.txt").read_text(encoding="utf-8"))
    assert clean.byline == "Bùi Thanh Sơn, Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao"
    assert not any("Ủy viên" in paragraph for paragraph in clean.paragraphs)
    ending = clean_lines((UNSEEN / "gm12_signed_article_name_at_end.txt").read_text(encoding="utf-8"))
    assert ending.byline == "PHẠM MINH CHÍNH, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ"


@pytest.mark.parametrize(
    ("byline", "people", "author"),
    [
        ("Bùi Thanh Sơn, Bộ trưởng Bộ Ngoại giao", [], Person("Bùi Thanh Sơn", "Bộ trưởng Bộ Ngoại giao")),
        (
            "PHẠM MINH CHÍNH",
            [Person("Phạm Minh Chính", "Thủ tướng Chính phủ")],
            Person("Phạm Minh Chính", "Thủ tướng Chính phủ"),
        ),
        # reporters sign most pages: a name the article gives no title is nobody's speech
        ("Hồng Nhung - Quang Minh", [Person("Phạm Minh Chính", "Thủ tướng")], None),
        ("Minh Anh", [], None),
        (None, [], None),
    ],
)
def test_signed_author(byline, people, author):
    assert signed_author(byline, people) == author


def test_reporters_under_a_headline_sign_no_list():
    text = (
        "Bộ Ngoại giao triển khai nhiệm vụ năm 2025\nHồng Nhung\n06/01/2025 19:52\n"
        "Năm 2025, ngành Ngoại giao đặt ra 3 nhiệm vụ trọng tâm: thứ nhất, nắm chắc tình hình; "
        "thứ hai, triển khai đồng bộ các trụ cột đối ngoại; thứ ba, tinh gọn tổ chức bộ máy.\n"
    )
    doc = build_document(text.encode(), "reporter.txt")
    assert doc.byline == "Hồng Nhung"
    assert [found.speaker for found in extract(doc).lists] == [None]


def test_a_salutation_is_never_a_headline():
    clean = clean_lines("Kính thưa Quý vị đại biểu,\nHôm nay chúng ta họp bàn về ngoại giao kinh tế năm 2025.\n")
    assert clean.title is None


def test_furniture_of_a_copied_page_is_removed():
    theo = clean_lines((UNSEEN / "gm12_theo_outlet_under_headline.txt").read_text(encoding="utf-8"))
    assert theo.byline == "Theo nhandan.vn"
    assert not any(paragraph.startswith("Theo nhandan") for paragraph in theo.paragraphs)
    word = clean_lines((UNSEEN / "gm12_word_export_description_line.txt").read_text(encoding="utf-8"))
    assert [(line.reason, line.text[:12]) for line in word.removed if line.reason == "image"] == [
        ("image", "Description:")
    ]


@pytest.mark.parametrize(
    ("sapo", "writer"),
    [
        ("Nhân dịp Năm mới, Bộ trưởng Ngoại giao Bùi Thanh Sơn có bài viết “Ngoại giao năm qua”.", "Bùi Thanh Sơn"),
        ("Báo trân trọng giới thiệu bài viết của Thủ tướng Chính phủ Phạm Minh Chính.", "Phạm Minh Chính"),
        # a speech reported, or an article about one: nobody presented as writing it
        ("Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu tại hội nghị.", None),
        ("Phóng viên có bài viết về chuyến thăm của Thủ tướng Phạm Minh Chính.", None),
    ],
)
def test_article_writer(sapo, writer):
    from ngkt_cli.metadata import article_writer, find_people

    found = article_writer([sapo], find_people(sapo))
    assert (found.name if found else None) == writer


def test_a_former_office_after_the_name_is_read():
    """ "TS. Nguyễn Đình Cung, nguyên Viện trưởng Viện ... đề xuất 3 giải pháp": the scholar, not a
    bare title ("Viện trưởng Viện Nghiên") cut from his former office."""
    page = UNSEEN / "gm12_former_official_scholar.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert [found.speaker for found in extract(doc).lists] == ["Nguyễn Đình Cung"]


def test_the_province_of_ba_ria_vung_tau_is_part_of_the_title():
    from ngkt_cli.metadata import find_people

    assert find_people("Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Nguyễn Văn Thọ phát biểu") == [
        Person("Nguyễn Văn Thọ", "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu")
    ]


def test_the_outlet_in_brackets_after_a_headline_is_no_part_of_it():
    text = (
        "Ngoại giao kinh tế năm 2025: Bứt phá để tăng trưởng (VTC News)\n07/01/2025 08:00\nNghe bài viết\n"
        "Lưu bài viết\nSáng 6/1, Bộ Ngoại giao tổ chức hội nghị triển khai công tác ngoại giao kinh tế năm 2025.\n"
    )
    clean = clean_lines(text)
    assert clean.title == "Ngoại giao kinh tế năm 2025: Bứt phá để tăng trưởng"
    assert clean.paragraphs[0].startswith("Sáng 6/1")
    assert [line.reason for line in clean.removed if line.text.endswith("bài viết")] == ["share", "share"]


def test_a_late_afternoon_names_the_event_day():
    text = (
        "Hội nghị ngoại giao kinh tế\n07/01/2025 08:00\n"
        "Chiều muộn 6/1, Bộ Ngoại giao tổ chức hội nghị triển khai công tác ngoại giao kinh tế năm 2025.\n"
    )
    doc = build_document(text.encode(), "late.txt")
    assert (doc.date, doc.date_source) == ("2025-01-06", "inferred")
