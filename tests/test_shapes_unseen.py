"""Shapes read on real press pages this session (the `pages` corpus), each written for these
tests in our own words (tests/data/unseen/gs_*): a page's headline and date among the site's
furniture (the reporters' names before the time and the date, a related-news heading right over
the headline, the site's address under it, a stamp followed by when it was last updated, an
author's label before the date, a month written as a word, an hour written "15h30"), a year's
review whose lists are results and shortcomings in commas, and envoys sent off to their posts
with tasks asked in verbs ngkt did not read ("căn dặn", "khuyến khích", "gợi ý", "yêu cầu không
để ...")."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str):
    page = UNSEEN / name
    return build_document(page.read_bytes(), page.name)


@pytest.mark.parametrize(
    ("page", "title", "date", "year"),
    [
        # "Lê Minh Khoa - Đỗ Thu Trang 09:40 | 28/08/2023": the reporters, the time, the date
        ("gs_meta_names_time_date.txt", "Những bài học lớn của ngoại giao kinh tế qua các thời kỳ", "2023-08-28", 2023),
        # "Tin liên quan" right over the headline, its stamp under it, then the lede: no related
        # block swallows the page's own headline and stamp
        (
            "gs_meta_related_heading_over_headline.txt",
            "Đắk Lắk kết nối doanh nghiệp với các cơ quan đại diện ở châu Âu",
            "2024-05-13",
            2024,
        ),
        # "baochinhphu.vn" alone under the headline is the site, not the headline's last words
        (
            "gs_meta_site_address_under_headline.txt",
            "Phó Thủ tướng: Cơ quan đại diện phải là cầu nối cho doanh nghiệp Việt",
            "2024-10-17",
            2024,
        ),
        # "Thứ tư, 06/03/2024 15:10 (GMT+7) Lần cập nhật cuối 21/05/2024": posted on 6/3
        (
            "gs_meta_stamp_then_update.txt",
            "Ngoại giao kinh tế đồng hành cùng doanh nghiệp xuất khẩu nông sản",
            "2024-03-06",
            2024,
        ),
        # "Tác giả: Thanh Hương | Ngày: 12/06/2023"
        ("gs_meta_author_label_date.txt", "Quảng Ninh đẩy mạnh xúc tiến đầu tư tại Hàn Quốc", "2023-06-12", 2023),
        # "3 tháng 11, 2022 10:45"
        (
            "gs_meta_month_word_stamp.txt",
            "Thái Nguyên quảng bá chè đặc sản tới thị trường Trung Đông",
            "2022-11-03",
            2022,
        ),
        # "15h30, 22/08/2025"
        (
            "gs_meta_hour_letter_stamp.txt",
            "Cần Thơ tìm đối tác cho gạo chất lượng cao tại châu Phi",
            "2025-08-22",
            2025,
        ),
        # the newsroom's hotline above the headline is no headline; the stamp stands under the sapo
        (
            "gs_meta_hotline_above_headline.txt",
            "Đoàn công tác của Bộ Ngoại giao làm việc với tỉnh Thanh Hóa",
            "2023-03-02",
            2023,
        ),
        # a breadcrumb glued together ("Trang chủThời sựĐối ngoại...") is no headline
        (
            "gs_meta_glued_breadcrumb.txt",
            "Ngoại giao đồng hành cùng các địa phương thu hút đầu tư",
            "2024-03-12",
            2024,
        ),
        # "Cập nhật: 17-04-2024 | 07:45:12" over "Hôm qua (16-4), ...": the day before the stamp
        (
            "gs_meta_update_stamp_yesterday.txt",
            "Các Đại sứ, Tổng Lãnh sự bàn cách hỗ trợ Đồng Nai thu hút đầu tư",
            "2024-04-16",
            2024,
        ),
        # the site's heading in capitals over its section's, in capitals too, then the headline
        (
            "gs_meta_caps_site_and_section.txt",
            "Tỉnh ban hành kế hoạch hành động về ngoại giao kinh tế phục vụ phát triển",
            "2023-06-21",
            2023,
        ),
        # "Ngày đăng" on one line and the date on the next; "Sáng nay 6/1" is the stamp's day
        (
            "gs_meta_published_label.txt",
            "Khai mạc Hội nghị tổng kết công tác ngành Ngoại giao năm 2024 và phương hướng nhiệm vụ năm 2025",
            "2025-01-06",
            2025,
        ),
        # no stamp: a January review of 2018 that plans 2019 is held in 2019
        (
            "gs_meta_january_review_undated.txt",
            "Công tác đối ngoại năm 2019 cần bứt phá, vượt lên chính mình",
            "2019-01-21",
            2019,
        ),
    ],
)
def test_headline_date_and_year_among_the_sites_furniture(page: str, title: str, date: str, year: int) -> None:
    doc = read(page)
    assert (doc.title, doc.date, doc.statement_year) == (title, date, year)


def test_a_years_new_marks_are_results_and_shortcomings_in_commas_are_found():
    marks, shortcomings, proposals, tasks = extract(read("gs_kinds_review_commas.txt")).lists
    # "năm 2024 ngoại giao kinh tế đã có 3 nét mới" (reported by "Ban Chỉ đạo", a body that asks nothing)
    assert (marks.kind, marks.announced_count, marks.items[0].target_year) == ("achievement", 3, 2024)
    # "vẫn còn một số hạn chế như: A, B, C"
    assert shortcomings.kind == "other"
    assert [item.text for item in shortcomings.items] == [
        "thông tin thị trường có lúc chưa kịp thời",
        "phối hợp giữa các bộ ngành chưa thật nhịp nhàng",
        "kinh phí xúc tiến còn eo hẹp",
    ]
    assert proposals.kind == "other"  # what the businesses ask for
    assert (tasks.kind, tasks.announced_count, tasks.items[0].target_year, tasks.items[0].speaker) == (
        "priority",
        3,
        2025,
        "Nguyễn Minh Hằng",
    )


def test_envoys_sent_off_with_tasks_asked_in_more_verbs():
    found = [
        (d.speaker, d.target_year, " ".join(d.text.split()[:6]))
        for d in extract(read("gs_dir_envoys_farewell.txt")).directives
    ]
    assert found == [
        ("Lương Văn Hòa", 2024, "các Đại sứ luôn đặt lợi"),  # "căn dặn"
        ("Lương Văn Hòa", 2024, "các Đại sứ chủ động đề"),  # "khuyến khích"
        ("Phạm Quang Hiệu", 2024, "các cơ quan đại diện xây"),  # "gợi ý"
        # "yêu cầu không để doanh nghiệp phải ...": the prohibition is the demand, not what follows "phải"
        ("Phạm Quang Hiệu", 2024, "không để doanh nghiệp phải tự"),
    ]


def test_a_prime_minister_hands_envoys_their_tasks():
    found = [
        (d.speaker, d.target_year, " ".join(d.text.split()[:6]))
        for d in extract(read("gs_dir_pm_receives_envoys.txt")).directives
    ]
    assert found == [
        # "tiếp và giao nhiệm vụ cho các Đại sứ ... nhiệm kỳ 2019 - 2022" names the ceremony, no task;
        # the envoys' pledge is theirs
        ("Nguyễn Xuân Phúc", 2020, "cần linh hoạt, khôn khéo trong"),  # "..., do đó, các đồng chí Đại sứ cần ..."
        ("Nguyễn Xuân Phúc", 2020, "các Đại sứ quan tâm vận"),  # "giao nhiệm vụ cho các Đại sứ ..."
        ("Nguyễn Xuân Phúc", 2020, "trong nhiệm kỳ này, các Đại"),  # "mong muốn trong nhiệm kỳ này, các Đại sứ sẽ ..."
        ("Nguyễn Xuân Phúc", 2020, "cần đẩy mạnh hợp tác kinh"),  # carried on from the asker above
    ]


def test_the_priorities_another_country_sets_as_chair_are_not_ours():
    [chair] = extract(read("gs_kinds_foreign_chair_priorities.txt")).lists
    # ", Brunei muốn nhấn mạnh ba lĩnh vực ưu tiên ..., đó là: (i) ...; (ii) ...; (iii) ..."
    assert (chair.kind, chair.announced_count, len(chair.items)) == ("other", 3, 3)
    assert chair.items[0].text == "chăm lo cho con người và phúc lợi của nhau"


def directives_of(page: str) -> list[tuple[str | None, int | None, str]]:
    return [(d.speaker, d.target_year, " ".join(d.text.split()[:6])) for d in extract(read(page)).directives]


def test_wishes_for_the_envoys_a_leader_receives_are_asked_of_them():
    # "tiếp các đại sứ ..., Thủ tướng ... mong muốn mỗi cán bộ ngoại giao cần ...": the envoys received
    # are not the ones asking; "các tân đại sứ" are Vietnam's own
    assert directives_of("gs_dir_new_envoys_wishes.txt") == [
        ("Nguyễn Tấn Dũng", 2012, "cần chủ động, nhạy bén, đưa"),
        ("Nguyễn Tấn Dũng", 2012, "các tân đại sứ luôn giữ"),
    ]


def test_a_ministers_letter_asks_in_the_first_person():
    # 'Tôi yêu cầu các đồng chí Thủ trưởng ...' inside the letter the minister is said to write
    assert directives_of("gs_dir_minister_letter.txt") == [("Phạm Bình Minh", 2021, "các đồng chí Thủ trưởng cơ")]


def test_a_task_named_as_handed_out_before_is_no_new_task():
    # "Đó là nhiệm vụ Tổng Bí thư giao cho Bộ Ngoại giao, được Bộ trưởng ... nhắc lại ..."
    doc = read("gs_meta_initials_byline.txt")
    assert (doc.title, doc.date) == ("Cán bộ ngoại giao phải đi đầu trong thu hút nguồn lực phát triển", "2015-08-12")
    assert extract(doc).directives == ()


def test_the_reports_a_meeting_heard_are_its_agenda_and_their_results_are_results():
    agenda, results = extract(read("gs_kinds_meeting_heard_reports.txt")).lists
    # "Hội nghị đã nghe các báo cáo về: tình hình quốc tế ...; kết quả ...; dự kiến chương trình ..."
    assert (agenda.kind, len(agenda.items)) == ("agenda", 3)
    # "... nghe báo cáo kết quả công tác 6 tháng đầu năm: đón 18 đoàn ...": the results nearest the list
    assert (results.kind, results.items[0].text) == ("achievement", "đón 18 đoàn khách quốc tế")


def test_a_task_handed_to_a_body_named_before_who_hands_it():
    # "Đối với Bộ Ngoại giao, Thủ tướng giao nhiệm vụ chủ trì ...": the body first, then the task
    assert directives_of("gs_dir_body_named_first.txt") == [
        ("Phạm Minh Chính", 2025, "chủ trì tổng hợp các kiến"),
        ("Phạm Minh Chính", 2025, "xây dựng kế hoạch xúc tiến"),
    ]
