"""Dates, titles, speakers, target years and counts of pages in shapes read on real press pages
(the `pages` corpus), each written for these tests in our own words (tests/data/unseen/gm11_*):
a posting time with AM and a reader count under the headline ("Thời gian đăng: ... AM - Lượt đọc:
..."), a "Published Date" label over its date, an update in brackets under a headline and its
picture's caption, a reader count glued to the headline ("... (Lượt xem: 512)"), a lede opening
with the site's address ("BDK.VN - Sáng 6-1-2025, ..."), a page stamped months after a December
day it names without its year, a January interview that names the new year only as "năm nay",
the reporters' names and the stamp over a lede with no headline; a leader who speaks while
another chairs (a province's deputy chair at its bridge point, a deputy minister chairing for the
minister), a leader named only in the headline ("Kết luận hội nghị, Thủ tướng giao ..."), the
minister by his title only, a new minister, "đồng chí" and "bà" before a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.boilerplate import clean_lines
from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str):
    page = UNSEEN / name
    return build_document(page.read_bytes(), page.name)


def reading(
    name: str,
) -> tuple[str | None, str | None, int | None, list[tuple[str, int | None, str | None, int | None, int]]]:
    """(title, date, statement year, [(kind, announced count, speaker, target year, items) of each list])."""
    doc = read(name)
    lists = [
        (found.kind, found.announced_count, found.speaker, found.items[0].target_year, len(found.items))
        for found in extract(doc).lists
    ]
    return doc.title, doc.date, doc.statement_year, lists


PAGES = [
    (
        "gm11_posted_time_am_views.txt",
        "Tổng kết ngoại giao kinh tế năm 2025: Các cơ quan đại diện phải là cánh tay nối dài của doanh nghiệp",
        "2026-01-10",
        2026,
        [("priority", 4, "Phạm Minh Chính", 2026, 4)],
    ),
    (
        "gm11_published_label_own_line.txt",
        "Bộ Ngoại giao triển khai nhiệm vụ năm 2025: Đối ngoại đi trước, mở đường cho tăng trưởng",
        "2025-01-06",
        2025,
        [("priority", 3, "Bùi Thanh Sơn", 2025, 3)],
    ),
    # the headline, its picture's caption, then "(Cập nhật: 08/01/2025)": the headline is no
    # series' label over a headline (it is longer than twice the caption)
    (
        "gm11_update_in_brackets.txt",
        "Hội nghị tổng kết ngành Ngoại giao năm 2024 và phương hướng nhiệm vụ năm 2025",
        "2025-01-06",
        2025,
        [("priority", 3, "Phạm Minh Chính", 2025, 3)],
    ),
    # "... bắt kịp xu thế mới (Lượt xem: 512)": the portal's count of readers is no part of the headline
    (
        "gm11_headline_view_count.txt",
        "Ngành Ngoại giao chủ động đi trước, bắt kịp xu thế mới",
        "2025-01-06",
        2025,
        [("priority", 3, "Phạm Minh Chính", 2025, 3)],
    ),
    (
        "gm11_domain_agency_lede.txt",
        "Tổng kết công tác ngành Ngoại giao năm 2024",
        "2025-01-06",
        2025,
        [("priority", 4, "Bùi Thanh Sơn", 2025, 4)],
    ),
    # the province's deputy chair chairs at its bridge point; the Prime Minister states the tasks
    (
        "gm11_chair_at_bridge_pm_speaks.txt",
        "Thủ tướng: Đổi mới, linh hoạt công tác ngoại giao kinh tế phục vụ tăng trưởng",
        "2024-04-02",
        2024,
        [("priority", 3, "Phạm Minh Chính", 2024, 3)],
    ),
    # "Chiều 26/12" on a page updated on 03/03/2025 is the December before; "Năm tới" plans 2025
    (
        "gm11_stamp_months_after_day.txt",
        "Sở Ngoại vụ triển khai nhiệm vụ ngoại giao kinh tế năm 2025",
        "2024-12-26",
        2024,
        [("priority", 3, "Hoàng Minh Tuấn", 2025, 3)],
    ),
    (
        "gm11_title_only_minister_later.txt",
        "Ngoại giao kinh tế năm 2023: Bám sát nhu cầu của địa phương và doanh nghiệp",
        "2022-12-29",
        2022,
        [("priority", 4, "Bùi Thanh Sơn", 2023, 4)],
    ),
    (
        "gm11_deputy_reports_minister_chairs.txt",
        "Bộ Ngoại giao bàn giải pháp ngoại giao kinh tế 6 tháng cuối năm",
        "2024-07-22",
        2024,
        [("priority", 3, "Nguyễn Minh Hằng", 2024, 3)],
    ),
    # no day; "Nhân dịp đầu năm mới, ... về kết quả ... năm 2023 và những trọng tâm của năm 2024",
    # the interviewer asking about "năm nay": a plan's "trọng tâm" names the year planned
    (
        "gm11_interview_new_year_no_day.txt",
        "Thứ trưởng Ngoại giao: Năm 2024, ngoại giao kinh tế hướng mạnh vào công nghệ và chuyển đổi xanh",
        None,
        2024,
        [("priority", 3, "Nguyễn Minh Hằng", 2024, 3)],
    ),
    # "Hồng Nhung - Quang Minh" ¶ "15:10 | 19/12/2025" ¶ lede: signed, with no headline
    (
        "gm11_byline_stamp_over_lede.txt",
        None,
        "2025-12-19",
        2025,
        [("priority", 2, "Nguyễn Minh Vũ", 2026, 2)],
    ),
    # "Kết luận hội nghị, Thủ tướng giao các cơ quan đại diện 5 nhiệm vụ:", the Prime Minister named
    # only in the headline ("giao" assigns: it is no part of a title, as in "Bộ Ngoại giao")
    (
        "gm11_speaker_in_headline_only.txt",
        "Thủ tướng Phạm Minh Chính: Ngoại giao kinh tế phải góp phần đưa tăng trưởng đạt hai con số",
        "2025-07-22",
        2025,
        [("priority", 5, "Phạm Minh Chính", 2025, 5)],
    ),
    # the deputy minister chairs, the minister states the tasks
    (
        "gm11_chair_deputy_minister_speaks.txt",
        "Triển khai ngoại giao kinh tế năm 2024: Lấy địa phương và doanh nghiệp làm trung tâm",
        "2024-01-12",
        2024,
        [("priority", 5, "Bùi Thanh Sơn", 2024, 5)],
    ),
    (
        "gm11_ba_director_theo_doanh_nghiep.txt",
        "Sở Công Thương đồng hành cùng doanh nghiệp mở rộng thị trường xuất khẩu",
        "2024-03-19",
        2024,
        [("priority", 3, "Trần Thị Mai Hương", 2024, 3)],
    ),
    # stamped 8 January 2024 over a headline naming 2023: "Nhìn lại năm 2023" speaks from 2024
    (
        "gm11_january_review_then_plan.txt",
        "Ngoại giao kinh tế năm 2023: Những dấu ấn nổi bật và kỳ vọng mới",
        "2024-01-08",
        2024,
        [("priority", 3, "Nguyễn Minh Hằng", 2024, 3)],
    ),
    (
        "gm11_new_minister_2025.txt",
        "Bộ trưởng Lê Hoài Trung làm việc với Ban Chỉ đạo Ngoại giao kinh tế",
        "2025-09-18",
        2025,
        [("priority", 3, "Lê Hoài Trung", 2025, 3)],
    ),
    # "author24/06/2020 07:16" (the label glued to the stamp), then "... sẽ phối hợp ... tổ chức hội nghị
    # ... vào ngày 26/6": a day two days after the stamp is still to come (read as the event's, the
    # year before the stamp placed it on 26/6/2019), and "thông cáo ngày 21/6" dates a notice
    (
        "gm11_glued_author_stamp_future.txt",
        "Sắp diễn ra hội nghị xúc tiến đầu tư trực tuyến với các cơ quan đại diện",
        "2020-06-24",
        2020,
        [("agenda", 3, "Bùi Thanh Sơn", 2020, 3)],
    ),
    # no stamp; "Lượt xem: 6520" under the headline; "sáng ngày 21/12" at the 32nd Diplomatic Conference
    (
        "gm11_views_line_event_day.txt",
        "Phiên toàn thể về ngoại giao kinh tế phục vụ phát triển đất nước",
        "2023-12-21",
        2023,
        [("priority", 3, "Phạm Minh Chính", 2024, 3)],
    ),
    # "Trước đó, ngày 19/12/2025, ..." opens the lede: recalled; "Chiều 14/1" is the event
    (
        "gm11_recalled_day_first.txt",
        "Bộ Ngoại giao và tỉnh Quảng Ninh bàn giải pháp thu hút đầu tư năm 2026",
        "2026-01-14",
        2026,
        [("priority", 2, "Nguyễn Minh Hằng", 2026, 2)],
    ),
    # a department's contacts copied over the headline, each label over its value ("• EMAIL:" ¶ the
    # address ¶ "• ĐIỆN THOẠI:" ¶ the numbers): the address was read as the title
    (
        "gm11_contacts_over_headline.txt",
        "Tỉnh tham dự hội nghị trực tuyến tổng kết ngành Ngoại giao năm 2025",
        "2026-01-08",
        2026,
        [("priority", 3, "Lê Hoài Trung", 2026, 3)],
    ),
    # "TIN LIÊN QUAN" over other stories' headlines, each after the page's slug as an image's alt text
    # ("ngoai giao kinh te phai ... Ngoại giao kinh tế năm 2019: ..."): joined as one paragraph in lower
    # case they stayed in the body, and their 2018 and 2019 made the interview's year 2018
    (
        "gm11_related_slug_items.txt",
        "Ngoại giao kinh tế phải bám sát nhu cầu của doanh nghiệp",
        None,
        2023,
        [("priority", 3, "Nguyễn Minh Vũ", 2023, 3)],
    ),
    # no day: "Năm 2025 đã khép lại với nhiều dấu ấn ..." looks back on a finished year: the text speaks
    # from 2026, and "sẽ tập trung vào ba việc" is for 2026; "Năm 2024 sắp khép lại" is still in 2024
    (
        "gm11_year_closed_no_day.txt",
        "Ngoại giao kinh tế: Từ kết quả năm cũ đến kỳ vọng năm mới",
        None,
        2026,
        [("priority", 3, "Nguyễn Minh Hằng", 2026, 3)],
    ),
    (
        "gm11_year_closing_no_day.txt",
        "Ngoại giao kinh tế trước thềm năm mới",
        None,
        2024,
        [("priority", 3, "Nguyễn Minh Hằng", 2025, 3)],
    ),
    # the text opens with its sapo, whose last sentence closes inside a quote ('... nhấn mạnh: “...
    # doanh nghiệp.”'): no headline (it was taken for the title)
    (
        "gm11_sapo_quote_no_headline.txt",
        None,
        "2023-12-28",
        2023,
        [("priority", 3, "Bùi Thanh Sơn", 2024, 3)],
    ),
    (
        "gm11_dong_chi_province_chair.txt",
        "UBND tỉnh Lào Cai triển khai công tác đối ngoại năm 2025",
        "2025-01-14",
        2025,
        [("priority", 4, "Trịnh Xuân Trường", 2025, 4)],
    ),
]


@pytest.mark.parametrize(("page", "title", "date", "year", "lists"), PAGES, ids=[page[0] for page in PAGES])
def test_page_reads_as_written(page, title, date, year, lists):
    assert reading(page) == (title, date, year, lists)


def test_reporters_over_a_lede_sign_it():
    clean = clean_lines((UNSEEN / "gm11_byline_stamp_over_lede.txt").read_text(encoding="utf-8"))
    assert clean.title is None
    assert clean.byline == "Hồng Nhung - Quang Minh"


def test_a_two_word_headline_over_a_short_line_stays_a_headline():
    clean = clean_lines("Hoàng Sa\nThông tin thêm sẽ được cập nhật\n\nBài viết tiếp theo ở đây.")
    assert clean.title == "Hoàng Sa"


# A page copied from a PDF with no blank lines, wrapped at 40 characters: the headline runs to the
# width by chance, and the lede under it opens with its agency and day, or with a word that would
# have fitted on the headline's line.
WRAPPED_HEAD = (
    "Bộ Ngoại giao triển khai nhiệm vụ mới\n"
    "(TTXVN) - Chiều 5/1, Bộ Ngoại giao tổ\n"
    "chức hội nghị triển khai nhiệm vụ năm\n"
    "2025 với sự tham dự của các đơn vị\n"
    "thuộc Bộ và đại diện các bộ, ngành,\n"
    "địa phương trên cả nước, cùng các\n"
    "Trưởng cơ quan đại diện Việt Nam tại\n"
    "nước ngoài theo hình thức trực tuyến.\n"
    "Hội nghị diễn ra trong một buổi chiều.\n"
)


def test_a_wrapped_headline_at_the_width_ends_over_the_ledes_agency():
    clean = clean_lines(WRAPPED_HEAD)
    assert clean.title == "Bộ Ngoại giao triển khai nhiệm vụ mới"
    assert clean.paragraphs[0].startswith("(TTXVN) - Chiều 5/1, Bộ Ngoại giao tổ chức hội nghị")


def test_a_wrapped_headline_goes_on_after_a_name():
    text = WRAPPED_HEAD.replace(
        "Bộ Ngoại giao triển khai nhiệm vụ mới\n", "Thủ tướng làm việc với Đại sứ Việt\nNam tại Nhật Bản\n"
    )
    assert clean_lines(text).title == "Thủ tướng làm việc với Đại sứ Việt Nam tại Nhật Bản"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("songoaivu@tinh.gov.vn", "footer"),
        ("0233.3855 120 - 3855 121", "footer"),
        ("(0236) 3822 365", "footer"),
        ("ĐƠN VỊ TRỰC THUỘC:", "footer"),
        # numbers in a sentence, and a year alone, are no contacts
        ("Kim ngạch đạt 12.500 tỷ USD", None),
        ("2025", None),
    ],
)
def test_a_sites_contacts_are_its_footer(line, reason):
    from ngkt_cli.boilerplate import classify_line

    assert classify_line(line, None) == reason


def test_related_headlines_after_a_slug_are_removed_up_to_the_caption():
    clean = clean_lines((UNSEEN / "gm11_related_slug_items.txt").read_text(encoding="utf-8"))
    reasons = [(removed.reason, removed.text[:24]) for removed in clean.removed]
    assert reasons[-5:] == [
        ("related", "TIN LIÊN QUAN"),
        ("related", "ngoai giao kinh te phai "),
        ("related", "ngoai giao kinh te phai "),
        ("related", "ngoai giao kinh te phai "),
        ("caption", "Thứ trưởng Ngoại giao Ng"),
    ]
    assert clean.paragraphs[1].startswith("Thưa Thứ trưởng, năm 2023")


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Ngoại giao kinh tế: Những con số ấn tượng…", "Ngoại giao kinh tế: Những con số ấn tượng…"),
        (
            "Thủ tướng: “Ngoại giao kinh tế phải đi trước mở đường”",
            "Thủ tướng: “Ngoại giao kinh tế phải đi trước mở đường”",
        ),
        # a sapo trailing off past a headline's length
        (
            "Năm 2024 khép lại với nhiều dấu ấn của ngoại giao kinh tế, từ việc nâng cấp quan hệ với nhiều"
            " đối tác đến các thỏa thuận thương mại, đầu tư…",
            None,
        ),
    ],
)
def test_a_headline_may_end_in_a_quote_or_trail_off_a_sapo_does_not(first, title):
    body = "\n\nNgày 14/1, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị triển khai công tác năm 2025 với nhiều đại biểu."
    assert clean_lines(first + body).title == title


@pytest.mark.parametrize(
    "byline", ["Thu Hằng/VOV.VN", "Hải Minh/Báo Tin tức", "Q.Anh", "T.H", "Minh Anh - Quốc Khánh (TTXVN)"]
)
def test_a_byline_over_a_lede_with_the_outlet_or_initials_is_no_title(byline):
    lede = (
        "Ngày 14/1, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị triển khai công tác ngoại giao kinh tế năm 2025"
        " với sự tham dự của nhiều đại biểu trong nước và quốc tế."
    )
    clean = clean_lines(f"{byline}\n\n{lede}\n\nĐoạn hai của bài viết.")
    assert (clean.title, clean.byline) == (None, byline)


def test_a_sections_label_between_the_headline_and_the_stamp_is_no_paragraph():
    clean = clean_lines((UNSEEN / "gm11_glued_author_stamp_future.txt").read_text(encoding="utf-8"))
    assert [(removed.reason, removed.text) for removed in clean.removed[1:3]] == [
        ("section", "Tin trong nước"),
        ("stamp", "author24/06/2020 07:16"),
    ]
    assert clean.paragraphs[0].startswith("Bộ Ngoại giao sẽ phối hợp")


def test_initials_under_the_headline_are_its_byline():
    clean = clean_lines(
        "Ban Bí thư ban hành Chỉ thị mới về ngoại giao kinh tế\n\nT.H\n- 21:40, 23/08/2022\n\n"
        "Ngày 10/8/2022, Ban Bí thư đã ban hành Chỉ thị số 15-CT/TW về công tác ngoại giao kinh tế."
    )
    assert (clean.title, clean.byline) == ("Ban Bí thư ban hành Chỉ thị mới về ngoại giao kinh tế", "T.H")


@pytest.mark.parametrize(
    "line",
    [
        "12 Tháng 01, 2026 | 08:05 AM",
        "Thời gian đăng: 11/01/2026 11:44:29 AM - Lượt đọc: 653",
        "Ngày đăng: 15/01/2025 | Lượt xem: 1.204",
        "author24/06/2020 07:16",
    ],
)
def test_page_stamps_read_on_real_pages_are_stamps(line):
    from ngkt_cli.boilerplate import classify_line

    assert classify_line(line, None) == "stamp"
