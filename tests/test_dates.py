"""When an article's statements were made: date, date_source and statement year, as real pages
give them (stamps, days without years, reviews and plans, horizons, recalled dates), and titles."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ngkt_cli import dates as dates_module
from ngkt_cli.dates import (
    _CLUE_NEEDS,
    TODAY,
    YEAR_CLUES,
    YESTERDAY,
    YESTERDAY_PARAGRAPHS,
    YearEvidence,
    _days_before_stamp,
    _fold_stamp,
    _folded_opening,
    _read_sentence,
    _restates_headline,
    dated_facts,
    infer_year,
    lunar_year,
    parse_full_date,
)
from ngkt_cli.ingest import build_document
from ngkt_cli.text import fold, required_one_of, sentences


def dated(text: str, name: str = "bai.txt"):
    doc = build_document(text.encode(), name)
    return doc.date, doc.date_source, doc.statement_year


# --- reviews and plans -------------------------------------------------------------------------


def test_a_year_end_review_held_in_january_is_said_in_the_planned_year():
    text = (
        "Sáng 9/1, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.\n\n"
        "Năm 2024, ngoại giao kinh tế đã đạt nhiều kết quả. Năm 2025 cần tập trung vào ba trọng tâm."
    )
    assert dated(text) == ("2025-01-09", "inferred", 2025)


def test_the_same_review_held_in_december_is_said_in_the_reviewed_year():
    text = "Chiều 27/12, Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025 đã diễn ra tại Hà Nội."
    assert dated(text) == ("2024-12-27", "inferred", 2024)


def test_a_mid_year_review_in_july_is_said_that_year():
    text = (
        "Chiều 15/7, Bộ Công Thương sơ kết 6 tháng đầu năm 2024 và bàn nhiệm vụ 6 tháng cuối năm.\n\n"
        "Kim ngạch xuất khẩu 6 tháng đầu năm 2024 đã tăng so với cùng kỳ."
    )
    assert dated(text) == ("2024-07-15", "inferred", 2024)


def test_a_text_reviewing_the_previous_year_is_said_in_the_current_one():
    text = (
        "Phóng viên trao đổi với Thứ trưởng về chặng đường vừa qua.\n\n"
        "Thưa Thứ trưởng, khi nhìn lại năm 2025, bà đánh giá thế nào về ngoại giao kinh tế?\n\n"
        "Trong năm 2025, ngoại giao kinh tế đã góp phần giữ vững thị trường xuất khẩu."
    )
    assert dated(text) == (None, None, 2026)


def test_a_text_about_next_years_goals_is_said_this_year():
    text = "Các đại sứ bàn về những mục tiêu lớn của năm tới (2026), khi tăng trưởng phải đạt hai con số."
    assert dated(text)[2] == 2025


def test_a_stamped_text_about_next_years_goals_keeps_its_own_year():
    text = (
        "Thứ Hai, 22/12/2025 09:10\n\nNgoại giao kinh tế năm 2026 sẽ tập trung vào thị trường mới và chuyển đổi xanh."
    )
    assert dated(text) == ("2025-12-22", "stamp", 2025)


def test_same_period_last_year_and_a_data_cutoff_place_a_statistics_release():
    text = (
        "- Thu ngân sách ước đạt 16.000 tỷ đồng, bằng 140% cùng kỳ năm 2023.\n\n"
        "- Tính đến tháng 9/2024, toàn tỉnh có 320 xã đạt chuẩn nông thôn mới."
    )
    assert dated(text) == (None, None, 2024)


def test_a_lunar_new_year_interview_is_said_in_the_year_of_that_spring():
    text = (
        "Nhân dịp đầu Xuân Giáp Thìn, Bí thư Tỉnh ủy trò chuyện với phóng viên.\n\n"
        "Năm 2023, tỉnh đã tăng tốc để bù lại hai năm đầu nhiệm kỳ 2020 – 2025."
    )
    assert dated(text) == (None, None, 2024)


@pytest.mark.parametrize(
    "opening, year",
    [
        ("Nhân dịp Tết Nguyên đán Ất Tỵ", 2025),
        ("Nhân dịp năm mới Giáp Thìn", 2024),
        ("Đón Xuân Bính Ngọ", 2026),
    ],
)
def test_the_lunar_new_year_as_interviews_name_it(opening, year):
    assert dated(f"Ngoại giao kinh tế đầu xuân\n\n{opening}, Bộ trưởng trả lời phỏng vấn về ngoại giao kinh tế.") == (
        None,
        None,
        year,
    )


@pytest.mark.parametrize(
    "stem, branch, year",
    [("giap", "thin", 2024), ("at", "ty", 2025), ("at", "ti", 2025), ("canh", "ty", 2020), ("quy", "meo", 2023)],
)
def test_lunar_years_of_the_sixty_year_cycle(stem, branch, year):
    assert lunar_year(stem, branch) == year


# --- years that are not the statement year ----------------------------------------------------


def test_a_horizon_is_never_the_statement_year():
    text = (
        "Hội nghị bàn cách thực hiện Chiến lược phát triển đến năm 2030, tầm nhìn 2045 và các mục tiêu phát triển 2030, 2045.\n\n"
        "Năm 2022, ngành ngoại giao đã chuyển trọng tâm sang ngoại giao kinh tế."
    )
    assert dated(text)[2] == 2022
    assert (
        infer_year(["Cần triển khai Chiến lược đến năm 2030, tầm nhìn 2045 và các mục tiêu phát triển 2030, 2045."])
        is None
    )


def test_years_in_passing_do_not_outvote_the_year_the_text_is_in():
    text = (
        "Sáng 14.1, Phó Thủ tướng chủ trì phiên họp thường kỳ của Ban Chỉ đạo.\n\n"
        "Phó Thủ tướng khẳng định, bước sang năm 2019, tình hình thế giới sẽ còn biến chuyển nhanh.\n\n"
        "Các bộ cần chuẩn bị cho vai trò Chủ tịch ASEAN năm 2020 và Ủy viên không thường trực nhiệm kỳ 2020 - 2021, "
        "tiếp nối Năm APEC 2017 và những cam kết năm 2020."
    )
    assert dated(text) == ("2019-01-14", "inferred", 2019)


def test_a_month_the_text_recalls_is_a_floor_for_its_year():
    text = (
        "Nửa nhiệm kỳ nhìn lại.\n\n"
        "Năm 2022, nhiều hoạt động đối ngoại cấp cao đã diễn ra. Tại Hội nghị Trung ương giữa nhiệm kỳ (5/2023), "
        "Tổng Bí thư đánh giá đối ngoại đã thu về nhiều kết quả."
    )
    assert dated(text)[2] == 2023


def test_a_month_to_come_is_not_a_recalled_month():
    assert (
        infer_year(
            ["Năm 2025, ngoại giao kinh tế đạt nhiều kết quả.", "Hội nghị tiếp theo sẽ diễn ra vào tháng 6/2026."]
        )
        == 2025
    )


def test_a_deadline_is_not_a_recalled_month():
    assert (
        infer_year(
            ["Năm 2019, ngoại giao kinh tế đạt nhiều kết quả; các đơn vị cần hoàn thành báo cáo trong quý I/2020."]
        )
        == 2019
    )


def test_a_recalled_date_in_a_later_text_is_not_the_event_date():
    text = (
        "Thứ Tư, 28/12/2022 06:45\n\nKết quả ngoại giao kinh tế năm 2022\n\n"
        "Ngày 10/8/2022, Ban Bí thư ban hành Chỉ thị về ngoại giao kinh tế, đã tạo xung lực mới cho toàn ngành."
    )
    assert dated(text) == ("2022-12-28", "stamp", 2022)


def test_a_documents_date_and_a_data_cutoff_are_not_the_event_date():
    text = (
        "Chỉ thị số 41-CT/TW, ngày 15/4/2010 của Ban Bí thư được tổng kết sau 12 năm.\n\n"
        "Tính đến ngày 31/01/2024, cả nước có 15 FTA đã ký kết."
    )
    assert dated(text)[:2] == (None, None)


# --- stamps, titles and the page around the article ----------------------------------------------


def test_a_crawl_stamp_above_the_site_name_loses_to_the_articles_stamp_line():
    text = (
        "Thứ bảy, 28/02/2026\nTạp Chí Doanh Nghiệp\n\nTạp Chí Doanh Nghiệp\n\n  • Click để sao chép\n\n"
        "Ban Bí thư ban hành Chỉ thị mới về ngoại giao kinh tế\n\nT.H\n- 21:40, 23/08/2022\n\n"
        "(TCDN) - Thường trực Ban Bí thư đã ký ban hành Chỉ thị về công tác ngoại giao kinh tế."
    )
    doc = build_document(text.encode(), "bai.txt")
    assert (doc.title, doc.date, doc.date_source, doc.statement_year) == (
        "Ban Bí thư ban hành Chỉ thị mới về ngoại giao kinh tế",
        "2022-08-23",
        "stamp",
        2022,
    )


def test_the_site_name_above_the_menu_is_never_the_title():
    text = (
        "KINH TẾ 365 - Chuyên trang kinh tế đối ngoại\nThời sự | Kinh tế | Ngoại giao kinh tế | Doanh nghiệp\n\n"
        "Chủ nhật, 28/12/2025 08:05\n\nNgoại giao kinh tế đồng hành cùng tăng trưởng năm 2026\n\n"
        "(KT365) - Chiều 26/12, Bộ Ngoại giao tổ chức hội nghị tổng kết năm 2025."
    )
    doc = build_document(text.encode(), "bai.txt")
    assert (doc.title, doc.date, doc.published) == (
        "Ngoại giao kinh tế đồng hành cùng tăng trưởng năm 2026",
        "2025-12-26",
        "2025-12-28",
    )


BODY = "\n\nChiều 26/12, Bộ Ngoại giao tổ chức hội nghị tổng kết năm 2025."


@pytest.mark.parametrize(
    "top, title",
    [
        ("(TTV) Ngoại giao kinh tế đồng hành cùng tăng trưởng", "Ngoại giao kinh tế đồng hành cùng tăng trưởng"),
        (
            "Ngoại giao kinh tế đồng hành cùng tăng trưởng - Báo Điện tử Chính phủ",
            "Ngoại giao kinh tế đồng hành cùng tăng trưởng",
        ),
        ("Ngoại giao kinh tế đồng hành cùng tăng trưởng | VOV.VN", "Ngoại giao kinh tế đồng hành cùng tăng trưởng"),
        (
            "Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nNgoại giao kinh tế đồng hành cùng tăng trưởng",
            "Ngoại giao kinh tế đồng hành cùng tăng trưởng",
        ),
        (
            "Chi tiết tin - Tin tức sự kiện - Sở Ngoại vụ\n- TRANG CHỦ\n- GIỚI THIỆU ▼\n- TIN TỨC - SỰ KIỆN\n"
            "Ngoại giao kinh tế đồng hành cùng tăng trưởng",
            "Ngoại giao kinh tế đồng hành cùng tăng trưởng",
        ),
        (
            "Phó Thủ tướng Vương Đình Huệ:\n\nHội nhập kinh tế quốc tế là trọng tâm",
            "Phó Thủ tướng Vương Đình Huệ: Hội nhập kinh tế quốc tế là trọng tâm",
        ),
        # what only looks like furniture stays
        ("Việt Nam - Đài Loan thúc đẩy hợp tác thương mại", "Việt Nam - Đài Loan thúc đẩy hợp tác thương mại"),
        ("Ngoại giao kinh tế - động lực tăng trưởng", "Ngoại giao kinh tế - động lực tăng trưởng"),
    ],
)
def test_the_headline_without_the_sites_furniture_around_it(top, title):
    assert build_document((top + BODY).encode(), "bai.txt").title == title


def test_an_html_pages_title_without_the_agency_before_it():
    html = (
        "<html><head><title>(TTV) Công tác đối ngoại góp phần phát triển tỉnh</title></head><body><article>"
        "<p>Năm 2023, công tác đối ngoại của tỉnh tiếp tục đạt được kết quả tích cực, góp phần phát triển kinh tế.</p>"
        "<p>Sở Ngoại vụ cần tiếp tục tham mưu cho tỉnh mở rộng quan hệ hợp tác với các địa phương nước ngoài.</p>"
        "</article></body></html>"
    )
    assert build_document(html.encode(), "trang.html").title == "Công tác đối ngoại góp phần phát triển tỉnh"


def test_a_line_in_capitals_under_the_headline_is_no_menu():
    doc = build_document(("Ngoại giao kinh tế năm 2025\n\nNHỮNG KẾT QUẢ NỔI BẬT" + BODY).encode(), "bai.txt")
    assert doc.body.startswith("NHỮNG KẾT QUẢ NỔI BẬT")


def test_a_photo_caption_and_a_section_heading_are_never_the_title():
    text = (
        "Vụ trưởng Vụ Tổng hợp kinh tế trả lời phỏng vấn báo chí. (Ảnh: T.Anh) |\nNhiệm vụ trung tâm\n"
        "Hội nghị Ngoại giao lần thứ 31 mang ý nghĩa đặc biệt, triển khai Chiến lược đến năm 2030 và các mục tiêu 2030, 2045."
    )
    doc = build_document(text.encode(), "bai.txt")
    assert (doc.title, doc.date, doc.date_source, doc.statement_year) == (None, None, None, 2021)
    assert doc.body.startswith("Nhiệm vụ trung tâm")


def test_a_report_that_opens_with_its_first_numbered_section_has_no_title():
    doc = build_document(
        "1. Những kết quả chủ yếu\n\n1.1. Về kinh tế:\n\n- Thu ngân sách tăng 12%.".encode(), "bai.txt"
    )
    assert doc.title is None and doc.body.startswith("1. Những kết quả chủ yếu")


# --- a day without its year --------------------------------------------------------------------


def test_a_day_without_year_takes_the_year_of_the_page_stamp():
    text = "Thứ Sáu, 20/12/2024 10:00\n\nChiều 19/12, Thủ tướng phát biểu chỉ đạo hội nghị."
    assert dated(text) == ("2024-12-19", "inferred", 2024)


STAMPED_PAGE = (
    "Bộ trưởng nêu 2 trọng tâm\n\n{stamps}\n\n{lede} Bộ trưởng Bùi Thanh Sơn cho biết năm nay có 2 trọng tâm.\n"
)


@pytest.mark.parametrize(
    "stamps",
    [
        "Cập nhật: 20/03/2025 10:15\n\nNgày đăng: 15/01/2025 08:00",  # the update above the posting
        "Đăng: 15/01/2025 08:00 | Cập nhật: 20/03/2025 10:15",  # both on one line
        "15/01/2025 08:00\n\nUpdated 20/03/2025",
    ],
)
def test_a_late_update_stamp_is_not_when_the_page_was_posted(stamps):
    doc = build_document(STAMPED_PAGE.format(stamps=stamps, lede="").encode(), "x.txt")
    assert (doc.date, doc.date_source, doc.published) == ("2025-01-15", "stamp", "2025-01-15")


@pytest.mark.parametrize("lede, source", [("Ngày 15/1/2025,", "body"), ("Sáng 15/1,", "inferred")])
def test_a_dated_lede_months_before_the_only_update_stamp_is_the_event(lede, source):
    doc = build_document(STAMPED_PAGE.format(stamps="Cập nhật: 20/03/2025 10:15", lede=lede).encode(), "x.txt")
    assert (doc.date, doc.date_source, doc.published) == ("2025-01-15", source, "2025-03-20")


@pytest.mark.parametrize(
    "lede, date",
    [
        ("Trong hai ngày 17 và 18/6, tại Hà Nội,", "2025-06-17"),  # a span written out: its first day
        ("Từ ngày 16 đến 18/6, tại Hà Nội,", "2025-06-16"),
        ("Sáng sớm 18/6,", "2025-06-18"),
        ("Hôm qua (18/6),", "2025-06-18"),
    ],
)
def test_event_days_as_ledes_write_them(lede, date):
    doc = build_document(STAMPED_PAGE.format(stamps="Thứ Bảy, 20/06/2025 09:00", lede=lede).encode(), "x.txt")
    assert (doc.date, doc.date_source) == (date, "inferred")


BELOW_A_LEDE = (
    "Thủ tướng chủ trì hội nghị với các địa phương\n\nThứ Sáu, 09/01/2026\n\n{lede} tại hội nghị của Chính phủ "
    "với các địa phương, Thủ tướng chỉ đạo các bộ, ngành năm nay tập trung khơi thông nguồn lực đầu tư.\n\n{below}\n"
)


@pytest.mark.parametrize("lede", ["Sáng nay,", "Hôm nay,", "(TTXVN) - Chiều nay,", "Chiều nay (9/1),"])
def test_a_lede_of_today_is_the_stamps_day_whatever_day_is_named_below(lede):
    below = "Thủ tướng nhắc lại kết luận của Hội nghị Ngoại giao tổ chức ngày 19/12/2025."
    doc = build_document(BELOW_A_LEDE.format(lede=lede, below=below).encode(), "x.txt")
    assert (doc.date, doc.statement_year) == ("2026-01-09", 2026)


def test_a_day_recalled_with_truoc_do_is_not_the_events():
    below = "Trước đó, ngày 19/12/2025, Thủ tướng đã dự Hội nghị Ngoại giao lần thứ 33."
    doc = build_document(BELOW_A_LEDE.format(lede="Cũng", below=below).encode(), "x.txt")
    assert (doc.date, doc.date_source, doc.statement_year) == ("2026-01-09", "stamp", 2026)


def test_today_in_a_quote_is_the_speechs_not_the_reports():
    page = (
        "Hội nghị Chính phủ\n\nThứ Bảy, 17/01/2026\n\nPhát biểu tại hội nghị tổ chức ngày 15/1 tại Hà Nội, Thủ tướng "
        "nói: “Hôm nay, chúng ta bàn về những việc lớn của năm 2026”.\n"
    )
    assert build_document(page.encode(), "x.txt").date == "2026-01-15"


@pytest.mark.parametrize(
    "lede", ["Từ ngày 1/7/2025, nghị định mới có hiệu lực.", "Nghị định có hiệu lực từ ngày 16 đến 18/6."]
)
def test_the_start_of_a_validity_is_no_event_day(lede):
    doc = build_document(STAMPED_PAGE.format(stamps="Thứ Bảy, 20/06/2025 09:00", lede=lede).encode(), "x.txt")
    assert (doc.date, doc.date_source) == ("2025-06-20", "stamp")


def test_a_numbered_diplomatic_conference_places_a_day_without_year():
    text = (
        "Sáng 23-12, sau 5 ngày làm việc, Hội nghị Ngoại giao lần thứ 32 đã bế mạc.\n\n"
        "Hội nghị xác định nhiệm vụ bao trùm của ngành trong thời gian tới."
    )
    assert dated(text) == ("2023-12-23", "event", 2023)


def test_an_august_diplomatic_conference_is_placed_in_its_own_month():
    text = (
        "Sáng 22/8, Hội nghị Ngoại giao lần thứ 29 khai mạc tại Hà Nội với sự tham dự của các Trưởng Cơ quan đại diện."
    )
    assert dated(text) == ("2016-08-22", "event", 2016)
    assert dated(text.replace("22/8", "22/12"))[:2] == (None, None)  # not near the 29th: nothing places it


def test_a_numbered_apec_summit_places_the_delegations_departure():
    text = (
        "Tối ngày 16/11, Thủ tướng lên đường dự Hội nghị Cấp cao Diễn đàn Hợp tác kinh tế châu Á-Thái Bình Dương (APEC) lần thứ 26.\n\n"
        "Việt Nam sẽ tiếp tục thúc đẩy Tầm nhìn APEC sau 2020."
    )
    assert dated(text) == ("2018-11-16", "event", 2018)


def test_an_office_holder_places_a_day_when_only_one_year_fits():
    text = "Sáng 20/12, Chủ tịch nước Võ Văn Thưởng tiếp các Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài."
    assert dated(text) == ("2023-12-20", "office", 2023)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # Chủ tịch nước Nguyễn Xuân Phúc, 5/4/2021 to 18/1/2023: only February 2022 fits
        ("Sáng 15/2, Chủ tịch nước Nguyễn Xuân Phúc tiếp các Đại sứ, Trưởng Cơ quan đại diện.", "2022-02-15"),
        # Tổng Bí thư Nguyễn Phú Trọng (to 19/7/2024) with Chủ tịch nước Võ Văn Thưởng: June 2023
        ("Chiều 20/6, Tổng Bí thư Nguyễn Phú Trọng và Chủ tịch nước Võ Văn Thưởng gặp mặt các Đại sứ.", "2023-06-20"),
        # Tổng Bí thư Tô Lâm (from 3/8/2024) with Thủ tướng Chính phủ Phạm Minh Chính and
        # Chủ tịch nước Võ Văn Thưởng (to 21/3/2024): no day fits all three
        ("Sáng 10/8, Tổng Bí thư Tô Lâm, Chủ tịch nước Võ Văn Thưởng dự hội nghị.", None),
        # Chủ tịch nước Lương Cường, from 21/10/2024 and still in office: several years fit
        ("Chiều 30/10, Chủ tịch nước Lương Cường tiếp các Trưởng Cơ quan đại diện.", None),
    ],
)
def test_presidents_and_general_secretaries_place_a_day_when_one_year_fits(text, day):
    assert dated(text)[0] == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "tân": the minister approved on 8/4/2021 speaks on a day within weeks of it
        (
            "Đó là khẳng định của tân Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn bên hành lang Quốc hội, chiều 8/4.",
            "2021-04-08",
        ),
        ("Chiều 23/10, tân Chủ tịch nước Lương Cường tiếp các Đại sứ.", "2024-10-23"),
        # not called new: every year of the term fits
        ("Đó là khẳng định của Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn bên hành lang Quốc hội, chiều 8/4.", None),
        # called new, but the day is months after the term began
        ("Chiều 15/3, tân Chủ tịch nước Lương Cường tiếp các Đại sứ.", None),
    ],
)
def test_a_holder_called_new_places_a_day_near_the_start_of_the_term(text, day):
    assert dated(text)[0] == day


def test_a_former_holder_places_nothing():
    assert dated("Sáng 20/12, nguyên Chủ tịch nước Võ Văn Thưởng dự lễ kỷ niệm.")[:2] == (None, None)


def test_a_day_nothing_places_stays_undated():
    text = (
        "Tối 22/7, Thủ tướng Phạm Minh Chính chủ trì hội nghị với các Trưởng Cơ quan đại diện, "
        "góp phần hoàn thành mục tiêu tăng trưởng 6 tháng cuối năm nay."
    )
    assert dated(text) == (None, None, None)


def test_an_interview_about_a_numbered_conference_is_said_in_its_year():
    assert dated("Nhìn lại Hội nghị Ngoại giao lần thứ 31, các đại biểu đã thống nhất nhiều định hướng.")[2] == 2021


def test_every_dated_fact_has_a_source_and_a_term_that_runs_forward():
    facts = dated_facts()
    spans = [span for _, held in facts.events for span in held.values()]
    spans += [span for _, holders in facts.offices for _, span in holders]
    assert spans and all(span.source and (span.end is None or span.start <= span.end) for span in spans)


# --- parsing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ("Thứ Năm, ngày 16 tháng 1 năm 2025", dt.date(2025, 1, 16)),
        ("Chủ nhật, 06 Tháng 6 2021 15:44", dt.date(2021, 6, 6)),
        ("15.01.2025 | 08:30", dt.date(2025, 1, 15)),
        ("Đăng lúc: 2025-01-15 08:30", dt.date(2025, 1, 15)),
        ("- 21:40, 23/08/2022", dt.date(2022, 8, 23)),
        ("31/02/2024", None),
    ],
)
def test_full_dates_as_pages_write_them(text, day):
    assert parse_full_date(text) == day


def test_every_year_clue_reads_its_own_example():
    from ngkt_cli.text import fold

    for clue in YEAR_CLUES:
        assert clue.pattern.search(fold(clue.example)), clue.name


# --- HTML pages: only the dates a page states ------------------------------------------------------

PAGE = """<html><head><title>Ngoại giao kinh tế năm 2023: ba trọng tâm</title>{head}</head><body><article>
<h1>Ngoại giao kinh tế năm 2023: ba trọng tâm</h1>
<p>Bộ trưởng cho biết ngoại giao kinh tế sẽ tập trung vào ba trọng tâm trong thời gian tới, gồm thị trường,
đầu tư và công nghệ, với nhiều giải pháp cụ thể cho các địa phương và doanh nghiệp.</p></article></body></html>"""


def test_an_html_page_that_states_no_date_gets_none_made_up_from_its_title():
    doc = build_document(PAGE.format(head="").encode(), "trang.html")
    assert (doc.date, doc.date_source, doc.published) == (None, None, None)


def test_an_html_pages_published_time_is_its_stamp():
    head = '<meta property="article:published_time" content="2022-12-28T06:45:00+07:00">'
    doc = build_document(PAGE.format(head=head).encode(), "trang.html")
    assert (doc.date, doc.date_source, doc.published) == ("2022-12-28", "stamp", "2022-12-28")


# --- dates set by hand -----------------------------------------------------------------------------

UNDATED = """Bộ trưởng nêu 3 trọng tâm hợp tác trong thời gian tới

Bộ trưởng Bùi Thanh Sơn cho biết, thời gian tới có 3 trọng tâm. Thứ nhất, đa dạng hoá thị trường xuất khẩu. Thứ hai, thu hút đầu tư chất lượng cao. Thứ ba, thúc đẩy chuyển đổi xanh.
"""


def _export(db) -> dict:
    import json

    from conftest import run_cli

    return json.loads(run_cli(db, "export", "--format", "json").stdout)


def test_ingest_date_on_a_stored_undated_article_applies_the_date(tmp_path, db_path):
    from conftest import run_cli

    article = tmp_path / "bai.txt"
    article.write_text(UNDATED, encoding="utf-8")
    assert run_cli(db_path, "ingest", str(article)).exit_code == 0
    before = _export(db_path)
    assert [d["date"] for d in before["documents"]] == [None] and {s["target_year"] for s in before["statements"]} == {
        None
    }
    result = run_cli(db_path, "ingest", "--date", "2022-12-28", str(article))
    assert result.exit_code == 0 and "0 new, 1 updated, 0 unchanged" in result.stderr
    export = _export(db_path)
    [doc] = export["documents"]
    assert (doc["date"], doc["date_source"], doc["statement_year"]) == ("2022-12-28", "user", 2022)
    assert {s["target_year"] for s in export["statements"]} == {2023}  # "thời gian tới", said in late December
    assert "0 new, 0 updated, 1 unchanged" in run_cli(db_path, "ingest", "--date", "2022-12-28", str(article)).stderr


def test_a_date_set_by_hand_survives_re_ingest_and_a_corrected_file(tmp_path, db_path):
    from conftest import run_cli

    article = tmp_path / "bai.txt"
    article.write_text(UNDATED, encoding="utf-8")
    run_cli(db_path, "ingest", str(article))
    [doc] = _export(db_path)["documents"]
    result = run_cli(db_path, "doc", "date", doc["id"][:6], "2022-12-28")
    assert result.exit_code == 0 and f"{doc['id']}: dated 2022-12-28 by hand" in result.stderr
    assert "1 unchanged" in run_cli(db_path, "ingest", str(article)).stderr
    article.write_text(UNDATED.replace("chuyển đổi xanh", "chuyển đổi xanh và số"), encoding="utf-8")
    assert "1 updated" in run_cli(db_path, "ingest", str(article)).stderr
    [doc] = _export(db_path)["documents"]
    assert (doc["date"], doc["date_source"], doc["statement_year"]) == ("2022-12-28", "user", 2022)


def test_a_date_set_by_hand_is_handed_back_to_the_rules_also_after_a_corrected_file(tmp_path, db_path):
    from conftest import run_cli

    article = tmp_path / "bai.txt"
    article.write_text(UNDATED, encoding="utf-8")
    run_cli(db_path, "ingest", str(article))
    [doc] = _export(db_path)["documents"]
    ruled = (doc["date"], doc["date_source"], doc["statement_year"])
    targets = {s["target_year"] for s in _export(db_path)["statements"]}
    assert run_cli(db_path, "doc", "date", doc["id"], "2022-12-28").exit_code == 0
    article.write_text(UNDATED.replace("chuyển đổi xanh", "chuyển đổi xanh và số"), encoding="utf-8")
    assert "1 updated" in run_cli(db_path, "ingest", str(article)).stderr  # the hand's date kept
    back = run_cli(db_path, "doc", "date", doc["id"][:6], "rule")
    assert back.exit_code == 0 and back.stderr == f"{doc['id']}: undated by the rules\n"
    [doc] = _export(db_path)["documents"]
    assert (doc["date"], doc["date_source"], doc["statement_year"]) == ruled
    assert {s["target_year"] for s in _export(db_path)["statements"]} == targets
    again = run_cli(db_path, "doc", "date", doc["id"], "rule")
    assert again.exit_code == 0 and again.stderr == f"{doc['id']}: already undated by the rules\n"
    assert run_cli(db_path, "doc", "date", doc["id"], "2022-12-28").exit_code == 0
    with sqlite3.connect(db_path) as conn:  # dated by hand with an earlier ngkt, which kept no rule date
        conn.execute("DELETE FROM rule_dates")
    lost = run_cli(db_path, "doc", "date", doc["id"], "rule")
    assert lost.exit_code == 1 and "the rules' date was not kept" in lost.stderr
    assert _export(db_path)["documents"][0]["date"] == "2022-12-28"


def test_doc_date_refuses_a_bad_date_and_an_unknown_document(db_path, tmp_path):
    from conftest import run_cli

    article = tmp_path / "bai.txt"
    article.write_text(UNDATED, encoding="utf-8")
    run_cli(db_path, "ingest", str(article))
    [doc] = _export(db_path)["documents"]
    bad = run_cli(db_path, "doc", "date", doc["id"], "28-12-2022")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    unknown = run_cli(db_path, "doc", "date", "ffffffff", "2022-12-28")
    assert unknown.exit_code == 1 and "no document with id 'ffffffff'" in unknown.stderr
    assert _export(db_path)["documents"][0]["date"] is None


# --- syndicated copies that drop the year -----------------------------------------------------------

SPEECH = (
    "Phát biểu bế mạc hội nghị, Bộ trưởng yêu cầu toàn ngành tiếp tục phát huy vai trò tiên phong của đối ngoại, "
    "kiến tạo môi trường hòa bình, ổn định và thu hút nguồn lực bên ngoài cho phát triển. Các cơ quan đại diện cần "
    "bám sát nhu cầu của địa phương, doanh nghiệp, kịp thời thông tin về thị trường và đối tác, đồng thời nâng cao "
    "chất lượng công tác nghiên cứu, dự báo, tham mưu chiến lược cho lãnh đạo về những vấn đề mới nổi lên."
)


@pytest.mark.parametrize(
    "copy_opening",
    [
        "Sáng 23-12, hội nghị của ngành ngoại giao đã bế mạc tại Hà Nội.",  # a day without its year
        "Hội nghị tổng kết năm 2023 của ngành ngoại giao đã bế mạc tại Hà Nội.",  # a year without a day
    ],
)
def test_a_syndicated_copy_without_a_year_of_its_own_is_a_copy_of_the_dated_original(tmp_path, db_path, copy_opening):
    from conftest import run_cli

    original = tmp_path / "a" / "goc.txt"
    original.parent.mkdir()
    original.write_text(
        f"Thứ Bảy, 23/12/2023 11:30\n\nSáng 23/12/2023, hội nghị của ngành ngoại giao đã bế mạc tại Hà Nội.\n\n{SPEECH}\n",
        encoding="utf-8",
    )
    copy = tmp_path / "b" / "ban_sao.txt"
    copy.parent.mkdir()
    copy.write_text(f"{copy_opening}\n\n{SPEECH}\n", encoding="utf-8")
    assert "1 new" in run_cli(db_path, "ingest", str(original)).stderr
    assert "1 duplicate" in run_cli(db_path, "ingest", str(copy)).stderr
    docs = {d["path"].split("/")[-1]: d for d in _export(db_path)["documents"]}
    assert docs["ban_sao.txt"]["date"] is None and docs["ban_sao.txt"]["duplicate_of"] == docs["goc.txt"]["id"]


@pytest.mark.parametrize(
    "copy_opening",
    [
        "Sáng 23-12, hội nghị của ngành ngoại giao đã bế mạc tại Hà Nội.",
        "Hội nghị tổng kết năm 2023 của ngành ngoại giao đã bế mạc tại Hà Nội.",
    ],
)
def test_an_undated_copy_stored_before_its_dated_original_becomes_its_copy(tmp_path, db_path, copy_opening):
    from conftest import run_cli

    copy = tmp_path / "b" / "ban_sao.txt"
    copy.parent.mkdir()
    copy.write_text(f"{copy_opening}\n\n{SPEECH}\n", encoding="utf-8")
    original = tmp_path / "a" / "goc.txt"
    original.parent.mkdir()
    original.write_text(
        f"Thứ Bảy, 23/12/2023 11:30\n\nSáng 23/12/2023, hội nghị của ngành ngoại giao đã bế mạc tại Hà Nội.\n\n{SPEECH}\n",
        encoding="utf-8",
    )
    assert "1 new" in run_cli(db_path, "ingest", str(copy)).stderr
    assert "1 new" in run_cli(db_path, "ingest", str(original)).stderr
    docs = {d["path"].split("/")[-1]: d for d in _export(db_path)["documents"]}
    assert docs["goc.txt"]["duplicate_of"] is None and docs["goc.txt"]["date"] == "2023-12-23"
    assert docs["ban_sao.txt"]["duplicate_of"] == docs["goc.txt"]["id"]
    listed = run_cli(db_path, "priorities", "--format", "json")
    assert {p["document_id"] for p in json.loads(listed.stdout)} == {docs["goc.txt"]["id"]}


def test_a_dated_report_of_another_text_adopts_no_undated_page(tmp_path, db_path):
    from conftest import run_cli

    other = tmp_path / "khac.txt"
    other.write_text(
        "Hội nghị tổng kết năm 2023 của ngành công thương đã bế mạc.\n\nCác doanh nghiệp xuất khẩu cần "
        "đa dạng hóa thị trường, nâng cao chất lượng sản phẩm và xây dựng thương hiệu trên thị trường quốc tế.\n",
        encoding="utf-8",
    )
    original = tmp_path / "goc.txt"
    original.write_text(
        f"Thứ Bảy, 23/12/2023 11:30\n\nSáng 23/12/2023, hội nghị đã bế mạc.\n\n{SPEECH}\n", encoding="utf-8"
    )
    run_cli(db_path, "ingest", str(other))
    run_cli(db_path, "ingest", str(original))
    assert {d["path"].split("/")[-1]: d["duplicate_of"] for d in _export(db_path)["documents"]} == {
        "khac.txt": None,
        "goc.txt": None,
    }


def test_a_headline_naming_a_year_far_from_the_only_stamp_above_it_is_a_signal_not_noise():
    text = (
        "Thứ bảy, 28/02/2026\n\nNgoại giao kinh tế năm 2022: mở rộng thị trường\n\n"
        "Trong năm 2022, ngành ngoại giao đã hỗ trợ doanh nghiệp mở rộng thị trường xuất khẩu."
    )
    assert dated(text) == (None, None, 2022)
    near = text.replace("28/02/2026", "29/12/2022")
    assert dated(near) == ("2022-12-29", "stamp", 2022)


def test_date_doubts_say_why_a_date_may_be_wrong():
    from ngkt_cli.dates import date_doubts

    def doubts(text):
        return date_doubts(build_document(text.encode(), "bai.txt"))

    assert doubts("Thứ Hai, 22/12/2025 09:10\n\nChiều 19/12, Bộ trưởng nêu trọng tâm năm 2026.") == []
    assert doubts("Sáng 20/12, Chủ tịch nước Võ Văn Thưởng tiếp các Đại sứ.") == [
        "a day without its year, the year placed by an office"
    ]
    assert doubts("Tối 22/7, Thủ tướng chủ trì hội nghị trực tuyến.") == ["undated, no statement year"]
    assert doubts(
        "Ngoại giao kinh tế năm 2020: nhìn lại\n\nThứ Hai, 22/12/2025 09:10\n\nChiều 19/12, Bộ trưởng đánh giá kết quả."
    ) == ["the headline names 2020, the statement year is 2025"]
    assert doubts(
        "Năm 2019 đạt kết quả tốt. Năm 2021 có nhiều đổi thay. Năm 2023 có thêm đối tác. Năm 2019 và 2021 là mốc quan trọng."
    ) == ["undated", "3 years compete in the text (2019, 2021, 2023)"]


def test_a_headline_said_twice_is_still_the_title():
    text = "Bộ trưởng nêu ba trọng tâm ngoại giao kinh tế năm 2025\nBộ trưởng nêu ba trọng tâm ngoại giao kinh tế năm 2025\n\nSáng 15/1, Bộ trưởng chủ trì hội nghị."
    assert build_document(text.encode(), "bai.txt").title == "Bộ trưởng nêu ba trọng tâm ngoại giao kinh tế năm 2025"


def test_a_dated_line_in_a_dash_list_stays_in_the_body():
    text = "Những mốc đáng nhớ\n\nSáng 15/1, Bộ trưởng điểm lại các mốc:\n\n- 30/6/2019: ký EVFTA\n\n- 14/1/2019: CPTPP có hiệu lực"
    doc = build_document(text.encode(), "bai.txt")
    assert "- 30/6/2019: ký EVFTA" in doc.body and doc.published is None


def test_a_dated_day_the_text_recalls_places_a_later_day_without_year():
    text = (
        "Chiều tối 19/9, Thủ tướng chủ trì hội nghị trực tuyến với các trưởng cơ quan đại diện.\n\n"
        "Hội nghị tiếp nối buổi làm việc với các tham tán thương mại ngày 19/8/2022, ngay sau Chỉ thị số 15-CT/TW ngày 10/8/2022."
    )
    assert dated(text) == ("2022-09-19", "inferred", 2022)


def test_the_second_half_of_a_named_year_is_the_year_the_text_is_in():
    text = "Chiều tối 22/7, Thủ tướng chủ trì hội nghị góp phần thực hiện mục tiêu tăng trưởng 6 tháng cuối năm 2025 và giai đoạn 2026-2030."
    assert dated(text) == ("2025-07-22", "inferred", 2025)


def test_of_two_conferences_named_the_day_belongs_to_the_one_it_falls_in():
    text = (
        "Sáng 21/12, Thủ tướng dự phiên toàn thể về ngoại giao kinh tế của Hội nghị Ngoại giao 32.\n\n"
        "Từ Hội nghị Ngoại giao lần thứ 31 đến nay, tình hình thế giới đã biến động lớn."
    )
    assert dated(text) == ("2023-12-21", "event", 2023)
    swapped = "Sáng 21/12, Thủ tướng dự Hội nghị. Từ Hội nghị Ngoại giao lần thứ 31 đến Hội nghị Ngoại giao 32, nhiều việc đã làm."
    assert dated(swapped) == ("2023-12-21", "event", 2023)


@pytest.mark.parametrize(
    "head",
    [
        "<title>VOV.VN</title>",
        '<meta property="og:site_name" content="Báo Quốc tế"><title>Báo Quốc tế</title>',
    ],
)
def test_an_html_pages_site_name_is_never_its_title(head):
    page = PAGE.replace("<title>Ngoại giao kinh tế năm 2023: ba trọng tâm</title>{head}", head).replace(
        "<h1>Ngoại giao kinh tế năm 2023: ba trọng tâm</h1>", ""
    )
    assert build_document(page.encode(), "trang.html").title is None


def test_a_full_date_read_directly_is_the_date_dateutil_reads():
    """The direct reading of day-first dates (the parser is twenty times slower) gives what
    dateutil gives, over every day and month 0-35 in every shape FULL_DATE matches, invalid
    ones included; the year-first shape is read year first (dateutil, asked for day-first dates,
    would read 2023-11-07 as 11 July)."""
    from dateutil import parser as dateutil_parser

    from ngkt_cli.dates import _DATES, FULL_DATE, _parsed

    def dateutil_reading(written: str) -> dt.date | None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
            try:
                return dt.date.fromisoformat(written)
            except ValueError:
                return None
        try:
            return dateutil_parser.parse(written, parserinfo=_DATES).date()
        except (ValueError, OverflowError):
            return None

    shapes = []
    for day in range(36):
        for month in range(16):
            for year in (2000, 2025):
                shapes += [f"{day}/{month}/{year}", f"{day:02d}.{month:02d}.{year}", f"{day}-{month:02d}-{year}"]
                shapes += [f"ngay {day} thang {month} nam {year}", f"{day:02d} thang {month}, {year}"]
                shapes.append(f"{year}-{month:02d}-{day:02d}")
    written = [shape for shape in shapes if FULL_DATE.fullmatch(shape)]
    assert len(written) > 6000
    assert [(w, _parsed(w)) for w in written] == [(w, dateutil_reading(w)) for w in written]
    assert parse_full_date("Cập nhật: 2025-02-01") == dt.date(2025, 2, 1)


# ---------------------------------------------------------------------------------------------
# The year clues' quick test: a sentence holding none of the texts one of which each of a row's
# matches holds (`required_one_of`, read from the row's own pattern) is not tried on that row.


def test_texts_one_of_which_every_match_holds_are_read_from_the_pattern():
    assert required_one_of(re.compile(r"\b(?:den|toi|tam nhin)(?: nam)? (?:19|20)\d\d")) == ("den", "toi", "tam nhin")
    assert required_one_of(
        re.compile(r"\b(?:\d{1,2}|sau) thang nam (?:19|20)\d\d|\bnua (?:dau|cuoi) nam (?:19|20)\d\d")
    ) == (
        " thang nam ",
        " nam ",
    )
    assert required_one_of(re.compile(r"(?:a|\d)x")) == ("x",)  # an alternative without plain text: not read
    assert required_one_of(re.compile(r"\d+|ab")) is None
    assert required_one_of(re.compile(r"(?i)tong ket 20\d\d")) is None  # either case
    assert dict(zip((clue.name for clue in YEAR_CLUES), _CLUE_NEEDS))["reviewed year"] == (
        "tong ket",
        "so ket",
        "danh gia",
        "ket qua",
        "thanh tuu",
    )


@settings(max_examples=400, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_every_match_of_a_year_clue_holds_one_of_its_texts(data):
    clue = data.draw(st.sampled_from([clue for clue in YEAR_CLUES if required_one_of(clue.pattern)]))
    text = data.draw(st.from_regex(clue.pattern))
    for match in clue.pattern.finditer(text):
        assert any(needed in match.group(0) for needed in required_one_of(clue.pattern)), clue.name


# Pieces the clues' examples are made of, drawn into sentences.
CLUE_PIECES = sorted(
    {word for clue in YEAR_CLUES for word in fold(clue.example).split()}
    | {"2024", "2025", "12/2024", "30/6/2025", "2020-2025", "nam", "da", "se", "(2026)", ","}
)


@settings(max_examples=400, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(CLUE_PIECES), min_size=1, max_size=14))
def test_the_quick_test_reads_the_same_years_as_every_row_tried(words):
    sentence = " ".join(words)
    guarded, plain = YearEvidence({}, Counter()), YearEvidence({}, Counter())
    _read_sentence(sentence, guarded)
    with patch("ngkt_cli.dates._CLUE_NEEDS", (None,) * len(YEAR_CLUES)):
        _read_sentence(sentence, plain)
    assert guarded == plain


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(alphabet="Hôm qua, Sáng nay ngày 5/3 Đ đ\u1ebf\u0301\t\u00a0x", min_size=1), max_size=4))
def test_the_opening_read_from_the_folded_lines_is_the_opening_folded(paragraphs):
    paragraphs = [p.replace("\n", " ") for p in paragraphs]
    folded_lines = fold("\n".join(paragraphs))
    assert _folded_opening(paragraphs, folded_lines) == [fold(p) for p in paragraphs[:YESTERDAY_PARAGRAPHS]]
    assert _days_before_stamp(paragraphs, folded_lines) == _days_before_stamp(paragraphs)


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="Đăng 15/01/2025 Cập nhật: 20.3.2025 ngày tháng năm|", max_size=40), max_size=4))
def test_a_stamp_folded_once_reads_as_a_stamp_folded_each_time(stamps):
    for stamp in [*stamps, *stamps]:  # each a second time: from the kept folding
        assert _fold_stamp(stamp) == fold(stamp)
        assert parse_full_date(stamp) == _first_full_date(fold(stamp))


def _first_full_date(folded: str):
    return next(filter(None, (dates_module._parsed(m.group(0)) for m in dates_module.FULL_DATE.finditer(folded))), None)


LEDE_WORDS = [
    "Ngày",
    "7/7,",
    "Sở",
    "Ngoại",
    "vụ",
    "tổ",
    "chức",
    "Hội",
    "nghị",
    "sơ",
    "kết.",
    "TS.",
    "“Đà",
    "Nẵng”",
    " ",
]


@settings(max_examples=400, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(LEDE_WORDS), min_size=1, max_size=12), st.data())
def test_the_lede_read_from_its_folded_slice_restates_the_headline_as_folded_afresh(words, data):
    paragraph = " ".join(words)
    headline = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=6)))
    # the plain definition: the first sentence cut out, then folded
    first_sentence = (sentences(paragraph) or [paragraph])[0]
    words, first = set(re.findall(r"\w+", fold(headline))), set(re.findall(r"\w+", fold(first_sentence)))
    restated = bool(words) and len(words & first) >= 0.8 * len(words)
    assert _restates_headline(paragraph, headline, fold(paragraph)) == restated
    assert _restates_headline(paragraph, headline) == restated


# Pieces of ledes that say the event was yesterday or today, and of others.
DAY_PIECES = [
    "Hôm qua,",
    "Chiều qua",
    "sáng nay",
    "Ngày hôm nay",
    "(VOV) -",
    "qua",
    "nay",
    "đi qua",
    "Tối",
    "12",
    "(",
    "x",
]


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(DAY_PIECES), max_size=6).map(" ".join), max_size=3))
def test_the_lede_says_yesterday_or_today_as_its_patterns_searched_everywhere_do(paragraphs):
    """A paragraph without the text each match holds (`required_one_of`: " qua", " nay") is not searched."""
    opening = [fold(p) for p in paragraphs[:YESTERDAY_PARAGRAPHS]]
    plainly = 1 if any(map(YESTERDAY.search, opening)) else 0 if any(map(TODAY.search, opening)) else None
    assert _days_before_stamp(paragraphs) == plainly
