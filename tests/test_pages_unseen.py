"""Shapes read on real press pages (the `pages` corpus), each written for these tests in our own
words (tests/data/unseen/gp_*): a page's headline, date and statement year among more of the site's
furniture (the stamp on the headline's own line, a series' label over the headline, a site's tools
and menu in a copy with no blank lines, a portal's sections in its page title, an official
notice's header, a site's clock over a page from another term, a New Year interview with no date);
lists led in without a colon, glued to the sentence before, or opened by "trước hết là"; a comma
list closed without its final "và"; speakers whose title and name stand apart, abbreviated, or of
another country; the other kinds a conference lists besides its tasks; and tasks handed out in
running text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str):
    page = UNSEEN / name
    return build_document(page.read_bytes(), page.name)


def directives_of(page: str) -> list[tuple[str | None, int | None, str]]:
    return [(d.speaker, d.target_year, " ".join(d.text.split()[:6])) for d in extract(read(page)).directives]


@pytest.mark.parametrize(
    ("page", "title", "date", "year"),
    [
        # "... thực hiện "5 đi đầu" trong năm tới 19/12/2025 19:27": the stamp on the headline's line
        (
            "gp_meta_headline_with_stamp.txt",
            'Thủ tướng giao ngành Công Thương thực hiện "5 đi đầu" trong năm tới',
            "2025-12-19",
            2025,
        ),
        # "Nhân dịp đầu năm mới, ... kết quả ... năm 2023 và những trọng tâm của năm 2024", no date:
        # a New Year interview speaks at the start of the year it plans
        (
            "gp_meta_new_year_undated.txt",
            "Thứ trưởng Ngoại giao: Ngoại giao kinh tế phải đồng hành sát hơn với doanh nghiệp",
            None,
            2024,
        ),
        # "Đầu năm mới, Đại sứ ... chia sẻ về kết quả ... năm 2024 và các ưu tiên ... trong năm 2025"
        (
            "gp_meta_new_year_no_occasion_word.txt",
            "Đại sứ Việt Nam tại Pháp: Nhiều dư địa cho hợp tác kinh tế hai nước",
            None,
            2025,
        ),
        # a series' label ("65 năm Ủy ban ...") over the headline, the stamp under the headline
        (
            "gp_meta_emoji_kicker_over_headline.txt",
            "Nơi kiều bào tìm về mỗi dịp trở lại quê hương",
            "2024-11-18",
            2024,
        ),
        # "Thứ sáu, 02/03/2018 - 10:23 AM (GMT+7)" ¶ "Font Size | Print" ¶ "Ngày 28-2, ..."
        ("gp_meta_am_stamp_print_furniture.txt", "Triển khai công tác đối ngoại năm 2018", "2018-02-28", 2018),
        # no stamp: "Ngày 14/1, ... kết quả đối ngoại năm 2019 và định hướng công tác trong năm 2020"
        (
            "gp_meta_january_talk_dated.txt",
            "Phó Thủ tướng Phạm Bình Minh: Đối ngoại năm 2020 phải chủ động hơn nữa",
            "2020-01-14",
            2020,
        ),
        # "01/02/2023 18:18" ¶ "Chiều ngày 31/1, ..."
        (
            "gp_dir_deputy_pm_works_ministry.txt",
            "Phó Thủ tướng Trần Lưu Quang làm việc với Bộ Ngoại giao",
            "2023-01-31",
            2023,
        ),
        # "Analytic" (a script's residue) over the site's clock of 2019 over the headline, then
        # "PV - 21:59, 04/02/2021" under it: the article's own stamp
        (
            "gp_meta_site_clock_over_headline_byline_stamp.txt",
            "Thủ tướng Nguyễn Xuân Phúc chúc Tết đồng bào ta ở nước ngoài",
            "2021-02-04",
            2021,
        ),
        # "Minh Thu - Quốc Khánh (Ban Thời sự)-Thứ ba, ngày 07/08/2018 21:04 GMT+7"
        ("gp_meta_reporters_desk_glued_stamp.txt", "Chủ tịch nước tiếp các Đại sứ trình Quốc thư", "2018-08-07", 2018),
        # "SỞ NGOẠI VỤ TỈNH ..." ¶ "NỔI BẬT:" ¶ headline ¶ "Hoạt động Sở Ngoại vụ - Đăng ngày: 28/12/2023"
        (
            "gp_meta_label_colon_over_headline.txt",
            "Sở Ngoại vụ tổng kết công tác thi đua của Cụm thi đua số 5",
            "2023-12-27",
            2023,
        ),
        # "13/02/2026 06:00" over an interview that looks back on 2025 and ahead to 2026
        (
            "gp_lists_interview_dash_questions.txt",
            "Ngoại giao kinh tế xoay chuyển tình thế, khơi thông nguồn lực",
            "2026-02-13",
            2026,
        ),
        # "SỔ TAY ĐỐI NGOẠI" ¶ "Thứ Tư , 22/11/2017" ¶ headline: the label in capitals over the stamp is no headline
        (
            "gp_meta_weekday_space_comma.txt",
            "Ngoại giao kinh tế trong hoạt động đối ngoại của tỉnh",
            "2017-11-20",
            2017,
        ),
        # "Thứ 4, Ngày 24/01/2024, 11:00" over the headline, "Cỡ chữ: ..." under it, "Chiều 23/1, ..."
        (
            "gp_meta_numeric_weekday_font_size.txt",
            "Tọa đàm giữa các Trưởng Cơ quan đại diện với các địa phương vùng Đông Nam Bộ",
            "2024-01-23",
            2024,
        ),
        # an official notice: "Số: 31/TB-VPCP | Hà Nội, ngày 25 tháng 01 năm 2019" ¶ "THÔNG BÁO" ¶ its title in
        # capitals ¶ "Ngày 14 và 15 tháng 01 năm 2019 tại Hà Nội, ...": the meeting's first day
        (
            "gp_meta_notice_two_day_meeting.txt",
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI HỘI NGHỊ VỀ CÔNG TÁC NGOẠI GIAO KINH TẾ NĂM 2019",
            "2019-01-14",
            2019,
        ),
        # "KỶ NIỆM 80 NĂM ...:" over the headline, the author and his former title under it; no date
        ("gp_meta_caps_kicker_colon_author_titles.txt", "Ngoại giao kinh tế, một chặng đường đổi mới", None, None),
        # "Chủ nhật, 11/01/2026 - 01:47" ¶ "Tối 10/1, ..."
        (
            "gp_dir_pm_directs_then_trong_do.txt",
            "Thủ tướng: Sớm hoàn thiện chương trình đưa doanh nghiệp Việt vươn ra thế giới",
            "2026-01-10",
            2026,
        ),
        # "21/12/2025 18:31" ¶ "... năm 2025 và triển khai nhiệm vụ năm 2026 ngày 19/12, Bộ trưởng ..."
        (
            "gp_dir_minister_year_end_semicolons.txt",
            "Bộ trưởng Nguyễn Hồng Diên: Ngành Công Thương phải bứt phá trong năm 2026",
            "2025-12-19",
            2025,
        ),
        # "PV•28/01/2025 08:22": the reporter, a bullet and the stamp glued together
        (
            "gp_meta_byline_bullet_stamp.txt",
            "Dấu ấn đối ngoại của lãnh đạo tỉnh trong năm 2024",
            "2025-01-28",
            2025,
        ),
        # "10:15 - Thứ Hai, 12/09/2022": the time, then the weekday and the date
        (
            "gp_meta_time_weekday_stamp.txt",
            "Đồng Nai mời các Đại sứ giới thiệu nhà đầu tư công nghệ cao",
            "2022-09-12",
            2022,
        ),
        # "Nguyễn Hà | 16:40 20/10/2023" ¶ "Chiều 19/10, ..."
        (
            "gp_meta_name_pipe_time_stamp.txt",
            "Thứ trưởng Ngoại giao làm việc với tỉnh Bình Định về xúc tiến đầu tư",
            "2023-10-19",
            2023,
        ),
        # the site's clock of 2021 over a reception by President Trương Tấn Sang (2011-2016), whose
        # kicker names the occasion and him: the clock is not the page's; "Ngày 12-6" is in the year
        # the envoys' term opens ("nhiệm kỳ 2013-2016"), one of the years he held office on 12 June
        (
            "gp_meta_site_clock_over_old_reception.txt",
            "Trao quyết định bổ nhiệm Đại sứ, Tổng lãnh sự Việt Nam, Chủ tịch nước Trương Tấn Sang: "
            "Các cơ quan đại diện cần làm sâu sắc thêm quan hệ với các nước",
            "2013-06-12",
            2013,
        ),
        # a copy with no blank lines: the site's languages, "Đăng nhập | Đăng ký", "Tìm kiếm", "Mới nhất"
        # and its sections over the headline, the page's tools ("Nghe đọc bài", "A+ A-") and stamp under it
        (
            "gp_meta_menu_tools_no_blank_lines.txt",
            "Ngoại giao kinh tế góp phần đưa thương hiệu Việt ra thế giới",
            "2024-03-13",
            2024,
        ),
        # a portal's <title>: the headline, its sections, then the portal ("... - Tin tức - Sự kiện - Cổng ...")
        (
            "gp_meta_portal_title_sections.html",
            "Tỉnh làm việc với đoàn Đại sứ về thu hút đầu tư",
            "2024-05-10",
            2024,
        ),
        # no stamp, no year: "Ngày 12-8, ... tại Hội nghị Ngoại vụ toàn quốc lần thứ 19" (a dated_facts row)
        (
            "gp_meta_local_affairs_conference_numbered.txt",
            "Công tác đối ngoại địa phương góp phần tạo điều kiện phát triển đất nước",
            "2018-08-12",
            2018,
        ),
        # "04/10/2019 23:16 GMT+7" ¶ "Ngày 4.9, ..."
        (
            "gp_kinds_business_difficulties.txt",
            "Nhà ngoại giao làm cầu nối cho doanh nghiệp thành phố ra thế giới",
            "2019-09-04",
            2019,
        ),
    ],
)
def test_headline_date_and_year_on_more_pages(page: str, title: str, date: str | None, year: int | None) -> None:
    doc = read(page)
    assert (doc.title, doc.date, doc.statement_year) == (title, date, year)


def test_highlights_after_trong_do_noi_bat_la_are_the_deputys_results():
    results, plan = extract(read("gp_meta_am_stamp_print_furniture.txt")).lists
    # "Thứ trưởng Ngoại giao Bùi Thanh Sơn cho rằng năm 2017 ... đạt nhiều thành tựu, trong đó nổi bật
    # là A; B; C": his, though "trưởng Ngoại giao" is also how the minister is called
    assert (results.kind, results.speaker, results.items[0].target_year, len(results.items)) == (
        "achievement",
        "Bùi Thanh Sơn",
        2017,
        3,
    )
    assert results.items[0].text == "tổ chức thành công Năm APEC 2017"
    assert (plan.kind, plan.announced_count, plan.speaker, plan.items[0].target_year) == (
        "priority",
        3,
        "Phạm Bình Minh",
        2018,
    )


def test_a_list_glued_to_the_sentence_that_counts_it():
    # "... đạt được 3 thành tựu nổi bật.Đó là, A; B; C."
    [results] = extract(read("gp_kinds_three_results_glued.txt")).lists
    assert (results.kind, results.announced_count, results.speaker, len(results.items)) == (
        "achievement",
        3,
        "Lê Hoài Trung",
        3,
    )
    assert results.items[2].text == "uy tín và vị thế của đất nước trên trường quốc tế được nâng lên rõ rệt"


def test_a_closed_comma_list_keeps_its_and_inside_an_item():
    # "một số khó khăn như: A, B về thị trường và chính sách nước sở tại, C." (no final "và")
    [difficulties] = extract(read("gp_kinds_business_difficulties.txt")).lists
    assert difficulties.kind == "other"
    assert [item.text for item in difficulties.items] == [
        "thiếu vốn đổi mới công nghệ",
        "thiếu thông tin về thị trường và chính sách nước sở tại",
        "chi phí đưa đoàn đi xúc tiến ở nước ngoài còn cao",
    ]


def test_what_a_partners_envoy_asks_is_no_task_of_ours():
    # "Phía Hoa Kỳ mong muốn ...; đồng thời đề nghị Chính phủ Việt Nam sớm hoàn thiện ..."
    assert directives_of("gp_kinds_partner_ambassador_asks.txt") == []


def test_envoys_handed_tasks_on_an_undated_page():
    # "Chiều 21-7" and no year anywhere: undated, the tasks still his; the last one has no subject
    assert directives_of("gp_dir_pm_envoys_old.txt") == [
        ("Nguyễn Tấn Dũng", None, "các Đại sứ, với tư cách"),
        ("Nguyễn Tấn Dũng", None, "cần giới thiệu rộng rãi chính"),
        ("Nguyễn Tấn Dũng", None, "cần dành nhiều thời gian hơn"),
        ("Nguyễn Tấn Dũng", None, "Làm tốt hơn nữa công tác"),
    ]


def test_a_general_secretarys_demands_in_capitalised_semicolon_pieces():
    # "Tổng Bí thư nhấn mạnh, cần A; Tiếp tục B; Ưu tiên C", at the 30th Diplomatic Conference
    assert directives_of("gp_lists_secretary_semicolon_caps.txt") == [
        ("Nguyễn Phú Trọng", 2018, "cần nâng cao hiệu quả các"),
        ("Nguyễn Phú Trọng", 2018, "Tiếp tục đưa quan hệ với"),
        ("Nguyễn Phú Trọng", 2018, "Ưu tiên giữ đà quan hệ"),
    ]


def test_a_deputy_prime_minister_concluding_a_working_session():
    assert directives_of("gp_dir_deputy_pm_works_ministry.txt") == [
        ("Trần Lưu Quang", 2023, "Bộ Ngoại giao tiếp tục tham"),
        ("Trần Lưu Quang", 2023, "cần phối hợp chặt chẽ hơn"),
    ]


@pytest.mark.parametrize(
    ("page", "published", "written"),
    [
        ("gp_meta_reporters_desk_glued_stamp.txt", "2018-08-07", "Ban Thời sự"),
        ("gp_meta_name_pipe_time_stamp.txt", "2023-10-20", "Nguyễn Hà |"),
        ("gp_meta_time_weekday_stamp.txt", "2022-09-12", "10:15 - Thứ Hai"),
    ],
)
def test_a_stamp_is_the_pages_and_no_paragraph(page: str, published: str, written: str) -> None:
    doc = read(page)
    assert doc.published == published
    assert not any(written in paragraph for paragraph in doc.paragraphs)


def test_a_new_year_greeting_to_the_diaspora_is_foreign_affairs():
    # "chúc Tết đồng bào ta ở nước ngoài", "Xuân Quê hương": the overseas Vietnamese
    assert read("gp_meta_site_clock_over_headline_byline_stamp.txt").scope == "in"


def test_results_after_theo_do_da_stand_for_the_body_just_named():
    # "... ngoại giao kinh tế ... đạt nhiều kết quả. Theo đó, đã triển khai A; nâng cấp B; ký kết C."
    [results] = extract(read("gp_kinds_half_year_results_no_subject.txt")).lists
    assert (results.kind, results.items[0].target_year) == ("achievement", 2025)
    assert [item.text.split(",")[0] for item in results.items] == [
        "triển khai 48 hoạt động đối ngoại của lãnh đạo chủ chốt",
        "nâng cấp quan hệ với 9 nước",
        "ký kết hơn 240 thỏa thuận hợp tác",
    ]


def test_a_counted_plan_in_an_interviews_answer():
    [plan] = extract(read("gp_lists_interview_dash_questions.txt")).lists
    assert (plan.kind, plan.announced_count, plan.speaker, plan.items[0].target_year) == (
        "priority",
        3,
        "Nguyễn Minh Hằng",
        2026,
    )


def test_the_results_a_provincial_office_lists_after_a_label():
    # "Một số kết quả đạt được: A; B; C"
    [results] = extract(read("gp_meta_label_colon_over_headline.txt")).lists
    assert (results.kind, len(results.items)) == ("achievement", 3)


def test_the_assembly_chair_abbreviated_is_still_named():
    # "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân tiếp ..." then "Chủ tịch QH nhấn mạnh, ... các đại sứ cần ..."
    assert directives_of("gp_dir_assembly_chair_abbreviated.txt") == [
        ("Nguyễn Thị Kim Ngân", 2016, "cần chú trọng nâng cao chất"),
    ]


def test_more_ways_leaders_hand_out_tasks():
    # "Thủ tướng kêu gọi đồng bào ta ở nước ngoài tiếp tục ..." (in a letter)
    assert directives_of("gp_dir_letter_calls_on_diaspora.txt") == [
        ("Nguyễn Xuân Phúc", 2020, "đồng bào ta ở nước ngoài"),
    ]
    # "Chủ tịch nước giao nhiệm vụ các đại sứ ... tập trung ..." (no "cho"), on an undated page
    assert directives_of("gp_dir_president_assigns_without_cho.txt") == [
        ("Trần Đại Quang", None, "các đại sứ, trưởng cơ quan"),
    ]


def test_the_priorities_of_the_g7_chair_country_are_not_ours():
    # "Nhật Bản, nước Chủ tịch G7 năm 2023, đề nghị ... ba ưu tiên: A; B; C": a country's role, nobody's title
    [chair] = extract(read("gp_kinds_g7_chair_country.txt")).lists
    assert (chair.kind, chair.announced_count, chair.speaker) == ("other", 3, None)
    assert directives_of("gp_kinds_g7_chair_country.txt") == [
        ("Phạm Minh Chính", 2023, "các nước G7 hỗ trợ các"),
    ]


def test_an_ambassadors_quoted_ordinals_with_a_third_issue():
    # 'Đại sứ Vũ Hồng Nam nói: “Thứ nhất, ... ¶ Thứ hai, ... ¶ Vấn đề thứ ba là ...”'
    tasks = [found for found in extract(read("gp_lists_ambassador_quoted_ordinals.txt")).lists]
    assert [(found.kind, found.speaker, len(found.items)) for found in tasks] == [("priority", "Vũ Hồng Nam", 3)]
    assert tasks[0].items[2].text.startswith("chủ động phối hợp với các bộ, ngành và doanh nghiệp")


def test_tasks_in_running_text_after_a_count_and_in_an_interview():
    # "Thủ tướng chỉ rõ 5 nhóm nhiệm vụ, giải pháp, trong đó nhấn mạnh, ngành phải ... Đồng thời phải ..."
    assert directives_of("gp_dir_pm_counted_groups_no_items.txt") == [
        ("Phạm Minh Chính", 2025, "phải phục vụ đắc lực mục"),
        ("Phạm Minh Chính", 2025, "phải củng cố môi trường hòa"),
    ]
    # "* Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao BÙI THANH SƠN: ... Công tác đối ngoại cần ..."
    assert directives_of("gp_dir_caps_name_interview.txt") == [
        ("Bùi Thanh Sơn", 2025, "cần góp phần đưa đất nước"),
    ]
    # "Thủ tướng chỉ đạo ... quyết liệt ... ¶ Trong đó, tập trung ưu tiên ... ¶ Các cơ quan đại diện ... phải ..."
    assert directives_of("gp_dir_pm_directs_then_trong_do.txt") == [
        ("Phạm Minh Chính", 2026, "các bộ, ngành, địa phương và"),
        ("Phạm Minh Chính", 2026, "tập trung ưu tiên tạo đột"),
        ("Phạm Minh Chính", 2026, "phải làm mới các động lực"),
    ]
    # "Bộ trưởng đề nghị toàn ngành A; tiếp tục B; đẩy mạnh C" at a December conference: for 2026
    assert [speaker_year for *speaker_year, _ in directives_of("gp_dir_minister_year_end_semicolons.txt")] == [
        ["Nguyễn Hồng Diên", 2026]
    ] * 3


def lists_of(page: str) -> list[tuple[str, int | None, str | None, int | None, int]]:
    return [
        (found.kind, found.announced_count, found.speaker, found.items[0].target_year, len(found.items))
        for found in extract(read(page)).lists
    ]


def test_speakers_whose_title_and_name_stand_apart():
    assert lists_of("gp_lists_speakers_titles_apart.txt") == [
        # "Thứ trưởng Ngoại giao, bà Lê Thị Thu Hằng cho biết, ...": not the other Thứ trưởng named below
        ("priority", 3, "Lê Thị Thu Hằng", 2024, 3),
        # "Ủy viên Trung ương Đảng, Thứ trưởng Thường trực Bộ Ngoại giao Nguyễn Minh Vũ đề nghị ..."
        ("priority", 2, "Nguyễn Minh Vũ", 2024, 2),
        # "Tổng Lãnh sự Việt Nam tại Osaka Ngô Trịnh Hà nêu 3 kiến nghị: ..." (Vietnam's own envoy)
        ("priority", 3, "Ngô Trịnh Hà", 2024, 3),
        # "Bà Nguyễn Thị Thanh Bình - Vụ trưởng Vụ Tổng hợp kinh tế, Bộ Ngoại giao nhấn mạnh ..."
        ("priority", 3, "Nguyễn Thị Thanh Bình", 2024, 3),
    ]


def test_a_la_run_opened_by_truoc_het_la():
    # "ngành cần làm tốt hai việc, trước hết là A; hai là B" (no comma after "hai là"), after a
    # December conference's "năm nhóm giải pháp cho năm tới. Thứ nhất, ... Thứ năm, ..."
    assert lists_of("gp_lists_truoc_het_la_run.txt") == [
        ("priority", 5, "Bùi Thanh Sơn", 2025, 5),
        ("priority", 2, "Nguyễn Minh Hằng", 2025, 2),
    ]


def test_what_a_conference_lists_besides_its_tasks():
    assert [kind for kind, *_ in lists_of("gp_kinds_conference_other_lists.txt")] == [
        "agenda",  # "Các đại biểu tập trung thảo luận các nội dung: ..."
        "other",  # "Hội nghị cũng chỉ ra những hạn chế: ..."
        "other",  # "Nguyên nhân chủ yếu là: ..."
        "lesson",  # "hội nghị rút ra ba bài học: ..."
        "other",  # "Đại diện Hiệp hội Doanh nghiệp Đà Nẵng kiến nghị: ..."
        "other",  # "Phía Nhật Bản mong muốn các tỉnh miền Trung: ..."
        "achievement",  # "Năm 2023, Sở Ngoại vụ Đà Nẵng đã triển khai các biện pháp: ..."
    ]


def test_directions_are_counted():
    # "... sẽ tiếp tục tập trung vào hai hướng: A; B"
    assert lists_of("gp_lists_directions_counted.txt") == [
        ("priority", 3, "Nguyễn Quốc Dũng", 2025, 3),
        ("priority", 2, "Nguyễn Quốc Dũng", 2026, 2),
    ]


def test_an_old_receptions_tasks_are_for_its_own_year():
    assert directives_of("gp_meta_site_clock_over_old_reception.txt") == [
        ("Trương Tấn Sang", 2013, "các Đại sứ, Tổng lãnh sự"),
    ]


def test_another_countrys_minister_unnamed_is_not_ours():
    # "Bộ trưởng Ngoại giao Nhật Bản cho biết Nhật Bản sẽ tập trung vào ba lĩnh vực: ..." on a page that
    # names Bộ trưởng Ngoại giao Bùi Thanh Sơn: the bare title is Japan's minister, not ours
    lists = lists_of("gp_kinds_partner_minister_unnamed.txt")
    assert lists[1] == ("other", 3, "Bộ trưởng Ngoại giao Nhật Bản", 2025, 3)
    assert directives_of("gp_kinds_partner_minister_unnamed.txt") == [
        ("Bùi Thanh Sơn", 2025, "phía Nhật Bản tạo thuận lợi"),
    ]


def test_a_roundtables_topics_wishes_and_tasks_reported_done():
    assert [(kind, count) for kind, count, *_ in lists_of("gp_kinds_roundtable_more_kinds.txt")] == [
        ("agenda", 3),  # "Tọa đàm tập trung vào ba chủ đề chính: ..."
        ("other", None),  # "Những khó khăn, vướng mắc mà doanh nghiệp gặp phải gồm: ..."
        ("lesson", None),  # "Các bài học kinh nghiệm được rút ra là: ..."
        ("other", None),  # "Các doanh nghiệp mong muốn: được ...; được ...": their wishes, not results in the passive
        ("achievement", 3),  # "Năm 2024, ngành ngoại giao đã tập trung vào ba nhiệm vụ: ...": reported done
        ("other", None),  # "Một số tồn tại, hạn chế cần khắc phục: ..."
    ]
