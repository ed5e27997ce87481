"""Document metadata (title, date, statement year) of pages in the shapes of real ones.

The pages are tests/data/unseen/meta_*, written for these tests in the shapes found on real
press pages: a site's name, section labels and an all-capitals kicker above the headline, a
label in brackets before it, a topic kicker ending in a colon, a crawl stamp above the
headline, a stamp written year first, and a December day that only plans the coming year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.dates import parse_full_date
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def meta(name: str) -> tuple[str | None, str | None, int | None]:
    page = UNSEEN / name
    doc = build_document(page.read_bytes(), page.name)
    return doc.title, doc.date, doc.statement_year


@pytest.mark.parametrize(
    ("page", "title", "date", "year"),
    [
        # "2023-11-07 14:30" is 7 November (read day first it was 11 July, and the event day
        # "Ngày 6/11" then fell in 2022)
        ("meta_iso_stamp.txt", "Bộ Công Thương mở rộng xúc tiến thương mại sang vùng Vịnh", "2023-11-06", 2023),
        # an event's name in capitals over the headline is its kicker; the crawl stamp of 2026 above
        # a report of the 32nd Diplomatic Conference is the site's clock: the event places the day
        (
            "meta_caps_kicker.txt",
            "Ngoại giao kinh tế phải tiếp tục đi trước mở đường",
            "2023-12-21",
            2023,
        ),
        # the portal's name, then its section and sub-section labels, then the headline
        (
            "meta_portal_name.txt",
            "Tỉnh tham dự hội nghị trực tuyến về ngoại giao kinh tế với các Cơ quan đại diện",
            "2024-04-03",
            2024,
        ),
        # a topic kicker ending in a colon is joined to the headline under it
        (
            "meta_topic_kicker.txt",
            "Ngoại giao kinh tế năm 2019: Giữ đà xuất khẩu, đón dòng vốn chuyển dịch",
            None,
            2019,
        ),
        # a related-news block above the headline ends at it: the headline has the stamp under it
        (
            "meta_related_above_headline.txt",
            "Ngoại giao kinh tế năm 2021 bám sát nhu cầu của doanh nghiệp",
            "2021-01-22",
            2021,
        ),
        # "Chiều qua" in a lede stamped on the morning of 9/10: the day before the stamp
        ("meta_yesterday.txt", "Doanh nghiệp Việt tìm cơ hội ở thị trường Mỹ Latinh", "2024-10-08", 2024),
        # the day a forum "sẽ chính thức diễn ra" is still to come: the briefing is the stamp's
        (
            "meta_future_event.txt",
            "Họp báo giới thiệu Diễn đàn hợp tác kinh tế Việt Nam - châu Phi",
            "2019-06-10",
            2019,
        ),
        # "Truy cập ngày 02/03/2026" says when the page was saved: it dates nothing (read as text,
        # its year made the lede's "Chiều 18/4" a day of 2026)
        (
            "meta_saved_page.txt",
            "Ngoại giao kinh tế đồng hành cùng doanh nghiệp tại thị trường Halal",
            "2024-04-18",
            2024,
        ),
        # an HTML page whose og:title is the newspaper's tagline has its headline in its <h1>
        (
            "meta_site_og_title.html",
            "Thứ trưởng Ngoại giao: Ngoại giao kinh tế phải bám sát nhu cầu doanh nghiệp",
            "2024-09-25",
            2024,
        ),
        # "[Infographic]" labels the page's form, not its subject
        ("meta_bracket_label.txt", "Năm dấu ấn của ngoại giao kinh tế năm 2022", "2022-12-28", 2022),
        # a lede that restates the headline dates the headline's event, though the page was
        # posted two months later
        (
            "meta_late_post.txt",
            "Sở Ngoại vụ tổ chức hội nghị sơ kết công tác đối ngoại 6 tháng đầu năm 2012",
            "2012-07-05",
            2012,
        ),
        # an undated interview "on the new year 2025" about how 2024 went speaks from 2025
        (
            "meta_new_year_interview.txt",
            "Đại sứ Việt Nam tại Hàn Quốc: Hợp tác kinh tế còn nhiều dư địa",
            None,
            2025,
        ),
        # a December conference that only sets the next year's tasks is held the year before
        (
            "meta_december_plan_only.txt",
            "Thủ tướng giao nhiệm vụ ngoại giao kinh tế cho các Đại sứ",
            "2025-12-19",
            2025,
        ),
    ],
)
def test_page_metadata(page, title, date, year):
    assert meta(page) == (title, date, year)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # a headline in capitals, with its lede under it, stays the headline
        ("meta_caps_headline.txt", "NGOẠI GIAO KINH TẾ ĐỒNG HÀNH CÙNG DOANH NGHIỆP VƯƠN RA BIỂN LỚN"),
        # "Báo cáo ..." opens a headline; it is not a newspaper's name ("Báo Quốc tế")
        ("meta_report_headline.txt", "Báo cáo kết quả ngoại giao kinh tế của tỉnh trình hội nghị ngoại vụ"),
    ],
)
def test_headlines_that_look_like_furniture_stay_headlines(page, title):
    assert meta(page)[0] == title


def test_a_date_written_year_first_is_read_year_month_day():
    assert parse_full_date("2024-03-05 08:30").isoformat() == "2024-03-05"
    assert parse_full_date("Đăng lúc: 2023-11-07 14:30").isoformat() == "2023-11-07"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("14 tháng 06 năm 2018 09:15", "2018-06-14"),
        ("Thứ Năm, 14 tháng 6 năm 2018 | 09:15", "2018-06-14"),
        ("Thứ 5 ngày 14/06/2018", "2018-06-14"),
        ("(ĐCSVN) - Ngày 14/6/2018", "2018-06-14"),
        ("Hà Nội, ngày 14 tháng 6 năm 2018", "2018-06-14"),
        ("2018-06-14 09:15", "2018-06-14"),
        ("Thời sự 14-06-2018", "2018-06-14"),
    ],
)
def test_page_stamps_written_out_are_stamps(line, day):
    """Each stamp, under a headline, dates the page and leaves the body."""
    from ngkt_cli.boilerplate import clean_lines

    clean = clean_lines(f"Ngoại giao kinh tế mở đường cho doanh nghiệp\n{line}\nBộ Ngoại giao tổ chức hội nghị.\n")
    assert clean.stamps == [line] and clean.paragraphs == ["Bộ Ngoại giao tổ chức hội nghị."]
    assert parse_full_date(line).isoformat() == day


@pytest.mark.parametrize(
    "headline",
    [
        "Ngoại giao kinh tế mở đường cho doanh nghiệp - VnExpress",
        "Ngoại giao kinh tế mở đường cho doanh nghiệp | Vietnam+ (VietnamPlus)",
        "Ngoại giao kinh tế mở đường cho doanh nghiệp - Tuổi Trẻ Online",
        "Ngoại giao kinh tế mở đường cho doanh nghiệp - Thời báo Tài chính Việt Nam",
    ],
)
def test_a_headline_copied_from_the_browser_tab_loses_the_outlets_name(headline):
    from ngkt_cli.boilerplate import clean_lines

    clean = clean_lines(f"{headline}\n\nChiều 14/6, Bộ Ngoại giao tổ chức hội nghị.\n")
    assert clean.title == "Ngoại giao kinh tế mở đường cho doanh nghiệp"


def test_a_headline_naming_two_countries_keeps_them():
    from ngkt_cli.boilerplate import clean_lines

    clean = clean_lines("Hợp tác kinh tế Việt Nam - Lào\n\nChiều 14/6, Bộ Ngoại giao tổ chức hội nghị.\n")
    assert clean.title == "Hợp tác kinh tế Việt Nam - Lào"


def test_a_heading_over_short_list_items_is_no_kicker():
    """A text that opens with a heading and its items has no headline to join it to."""
    from ngkt_cli.boilerplate import clean_lines

    clean = clean_lines("Kết quả nổi bật:\nXuất khẩu tăng 14%\nFDI tăng 10%\n")
    assert clean.title is None and clean.paragraphs == ["Kết quả nổi bật:", "Xuất khẩu tăng 14%", "FDI tăng 10%"]


@pytest.mark.parametrize("label", ["Tin mới hơn", "Các tin khác", "Tin đã đưa", "Bài viết khác"])
def test_dated_headlines_under_a_related_label_do_not_stamp_the_page(label):
    from ngkt_cli.boilerplate import clean_lines

    clean = clean_lines(
        "Ngoại giao kinh tế đồng hành cùng doanh nghiệp\n\nChiều 18/4, Bộ Ngoại giao tổ chức hội thảo.\n\n"
        f"{label}\nQuốc hội họp phiên bế mạc kỳ họp\n22:07 | 29/06/2025 Tin tức\n"
    )
    assert clean.stamps == [] and clean.paragraphs == ["Chiều 18/4, Bộ Ngoại giao tổ chức hội thảo."]


def test_a_lede_restating_the_headline_frees_only_its_own_day():
    """The lede restates the headline but names no day: a day two months before the stamp, further
    down, is still recalled, and the stamp dates the page."""
    from ngkt_cli.dates import date_document

    dated = date_document(
        [
            "(DNTO) - Thường trực Ban Bí thư đã ký ban hành Chỉ thị mới về ngoại giao kinh tế.",
            "Trước đó, ngày 10/6/2022, Ban Bí thư họp và thống nhất nội dung Chỉ thị.",
        ],
        ["- 21:40, 23/08/2022"],
        title="Ban Bí thư ban hành Chỉ thị mới về ngoại giao kinh tế",
    )
    assert (dated.date, dated.date_source) == ("2022-08-23", "stamp")
