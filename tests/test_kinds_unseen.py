"""What a list is, and for whom and when, on pages in the shapes of real press pages: proposals of
another country, a business or a scholar are not Vietnam's priorities; measures taken, figures and
a year's review are results; a meeting's topics are its agenda; a plan for a term not yet begun is
for its first year; counts of "nhóm công việc", "mũi đột phá", "nhóm chính sách". Every page is
written for these tests (tests/data/unseen/lists_kinds_*), in the shapes read on real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str, date: str):
    page = UNSEEN / name
    return extract(build_document(page.read_bytes(), page.name, date))


def attributes(found) -> tuple:
    return (found.kind, found.announced_count, found.target_year, found.speaker)


def test_proposals_of_another_country_a_business_a_scholar_or_a_lender_are_not_our_priorities():
    envoy, business, scholar, lender, asked_of_korea, tasks = read("lists_kinds_other_voices.txt", "2024-06-12").lists
    # the envoy is named in full only where the article first names him: "Đại sứ Hàn Quốc tại Việt Nam Park Jin Woo"
    assert attributes(envoy) == ("other", 3, 2024, "Đại sứ Park Jin Woo")
    assert attributes(business) == ("other", 3, 2024, "Trần Minh Quang")  # "Chủ tịch Tập đoàn Hưng Long"
    assert (business.items[0].text, business.items[2].text) == (
        "sớm có cơ chế cho khu thương mại tự do",
        "ưu đãi cho doanh nghiệp đầu tư ra nước ngoài",
    )
    assert attributes(scholar)[:3] == ("other", None, 2024)  # "Theo TS. Đỗ Đức Hạnh, ..."
    assert scholar.speaker == "Đỗ Đức Hạnh"
    # "Ngân hàng Thế giới (WB) khuyến nghị Việt Nam ...": the lender states it, not the scholar above
    assert (lender.kind, lender.announced_count, lender.speaker) == ("other", 3, "Ngân hàng Thế giới")
    # what Vietnam's side asks of a partner, and of its own departments, stays a priority
    assert attributes(asked_of_korea) == ("priority", 3, 2024, "Nguyễn Văn Bình")
    assert attributes(tasks) == ("priority", 2, 2024, "Nguyễn Văn Bình")


def test_measures_taken_and_figures_are_results_and_a_sessions_topics_its_agenda():
    measures, figures, topics, tasks = read("lists_kinds_measures_and_figures.txt", "2024-12-20").lists
    assert (measures.kind, measures.target_year) == (
        "achievement",
        2024,
    )  # "đã triển khai nhiều biện pháp ..., cụ thể:"
    assert [item.text for item in measures.items] == [
        "tổ chức 45 đoàn giao thương ra nước ngoài",
        "cập nhật thông tin thị trường hằng tuần",
        "hướng dẫn doanh nghiệp ứng phó với các vụ kiện phòng vệ thương mại",
    ]
    assert (figures.kind, figures.target_year) == ("achievement", 2024)  # "những con số ấn tượng"
    assert (topics.kind, topics.announced_count) == ("agenda", 2)
    # tasks rolled out for the year ahead are no measures taken
    assert attributes(tasks) == ("priority", None, 2025, "Phan Thị Thắng")


def test_a_plan_for_a_term_not_yet_begun_is_for_its_first_year_and_more_nouns_give_a_count():
    term, review, tasks, breakthroughs, policies, directions = read(
        "lists_kinds_counts_and_terms.txt", "2025-11-25"
    ).lists
    assert attributes(term) == (
        "priority",
        3,
        2026,
        "Hoàng Thị Lan",
    )  # "trong nhiệm kỳ 2026 – 2030", said in November 2025
    assert attributes(review) == ("achievement", 3, 2025, "Hoàng Thị Lan")  # a period already run is no target
    assert attributes(tasks) == ("priority", 3, 2025, "Lê Quang Vinh")  # "ba nhóm công việc"
    assert attributes(breakthroughs) == ("priority", 3, 2025, "Lê Quang Vinh")  # "3 mũi đột phá"
    assert attributes(policies) == ("priority", 5, 2025, "Lê Quang Vinh")  # "5 nhóm chính sách cần ưu tiên"
    assert (directions.kind, directions.announced_count) == ("priority", 3)  # "3 hướng ưu tiên"


def test_a_directive_for_a_term_not_yet_begun_is_for_its_first_year():
    [directive] = read("lists_kinds_counts_and_terms.txt", "2025-11-25").directives
    assert directive.text.startswith("cần tham mưu tổ chức thành công")
    assert (directive.target_year, directive.speaker) == (2026, "Hoàng Thị Lan")


def test_a_years_review_tells_results_lessons_and_the_world_apart_from_the_tasks_ahead():
    points, shown, lessons, world, tasks = read("lists_kinds_review_shapes.txt", "2024-12-27").lists
    assert attributes(points) == ("achievement", 3, 2024, "Nguyễn Minh Vũ")  # "có thể thấy rõ ở 3 điểm"
    assert (shown.kind, shown.target_year) == ("achievement", 2024)  # "thể hiện qua các mặt sau:"
    assert (lessons.kind, lessons.target_year) == ("lesson", 2024)  # "rút ra một số kinh nghiệm"
    assert (world.kind, world.announced_count) == ("other", 3)  # "tình hình thế giới ... ba điểm đáng chú ý"
    assert attributes(tasks) == ("priority", 3, 2025, "Nguyễn Minh Vũ")


def test_a_plan_built_on_the_results_so_far_is_a_plan_and_an_inspectors_title_names_him():
    plan, asked = read("lists_kinds_half_year_plan.txt", "2017-07-07").lists
    # "Trên cơ sở những kết quả đã đạt được, ... với nhiệm vụ trọng tâm là: ..." builds on results
    assert (plan.kind, plan.target_year) == ("priority", 2017)
    assert [item.text for item in plan.items] == [
        "Tiếp tục tham mưu tăng cường quản lý nhà nước về đối ngoại",
        "Quản lý chặt chẽ các đoàn ra, đoàn vào",
        "Đẩy mạnh xúc tiến đầu tư tại Nhật Bản và Hàn Quốc",
    ]
    assert (asked.kind, asked.speaker, asked.speaker_title) == (
        "priority",
        "Lê Minh Tuấn",
        "Phó Chánh thanh tra Bộ Ngoại giao",
    )


def test_shortcomings_look_back_and_opportunities_look_ahead_at_the_turn_of_the_year():
    causes, chances = read("lists_kinds_turn_of_year.txt", "2025-01-10").lists
    assert (causes.kind, causes.target_year, causes.speaker) == ("other", 2024, "Vương Đình Khải")  # a January review
    assert (chances.kind, chances.target_year) == ("other", 2025)
    causes, chances = read("lists_kinds_turn_of_year.txt", "2024-12-20").lists
    assert (causes.kind, causes.target_year) == ("other", 2024)
    assert (chances.kind, chances.target_year) == ("other", 2025)  # stated in December, for the year ahead


def test_pieces_counted_after_them_in_their_own_sentence_are_a_list_of_that_count():
    [lessons] = read("lists_kinds_counted_after.txt", "2023-07-04").lists
    assert attributes(lessons) == ("lesson", 4, 2023, "Phạm Minh Chính")
    # the count that sums them up ("... là 4 bài học được Thủ tướng ... nêu ra") is no item's text
    assert [item.text for item in lessons.items] == [
        "Giữ vững thế chủ động, phản ứng kịp thời",
        "đặt lợi ích quốc gia lên trên hết",
        "nắm chắc tình hình để tham mưu trúng",
        "phối hợp nhịp nhàng, không đùn đẩy trách nhiệm",
    ]
    # two clauses before "là hai nhiệm vụ" are no list: the last paragraph gives none


# Offices whose names hold lower-case syllables ("Ngân hàng", "Dệt may", "Điện lực", "Chính
# sách", "đa biên", "Ủy ban", "Liên hợp quốc"), a spokesperson's title in capitals, a province
# whose last word is also a family name ("Quảng Ninh"), a business's leader.
SPEAKERS = [
    ("Người Phát ngôn Bộ Ngoại giao Phạm Thu Hà cho biết", "Phạm Thu Hà"),
    ("Phó Thống đốc Ngân hàng Nhà nước Đào Văn Tú cho biết", "Đào Văn Tú"),
    ("Chủ tịch Hiệp hội Dệt may Việt Nam Vũ Đức Khang đề xuất", "Vũ Đức Khang"),
    ("Tổng Giám đốc Tập đoàn Điện lực Việt Nam Đặng Hoàng Long cho biết", "Đặng Hoàng Long"),
    ("Giám đốc Sở Ngoại vụ tỉnh Quảng Ninh Nguyễn Văn Hưng cho biết", "Nguyễn Văn Hưng"),
    ("Chủ nhiệm Ủy ban Đối ngoại của Quốc hội Vũ Hải Nam nêu", "Vũ Hải Nam"),
    ("Vụ trưởng Vụ Chính sách thương mại đa biên (Bộ Công Thương) Ngô Chung Kiên cho biết", "Ngô Chung Kiên"),
    ("Đại sứ, Trưởng Phái đoàn thường trực Việt Nam tại Liên hợp quốc Đặng Hoàng Nam nêu", "Đặng Hoàng Nam"),
    ("Trưởng Thương vụ Việt Nam tại Nhật Bản Tạ Đức Minh cho biết", "Tạ Đức Minh"),
]


@pytest.mark.parametrize(("lead", "speaker"), SPEAKERS, ids=[s for _, s in SPEAKERS])
def test_the_speaker_named_by_an_office_with_lower_case_syllables(lead, speaker):
    from conftest import doc_from

    [found] = extract(doc_from(f"{lead} 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư.")).lists
    assert found.speaker == speaker


def test_an_associations_proposals_are_not_our_priorities():
    from conftest import doc_from

    [found] = extract(
        doc_from(
            "Chủ tịch Hiệp hội Dệt may Việt Nam Vũ Đức Khang đề xuất 2 giải pháp: mở rộng thị trường; giữ chân lao động."
        )
    ).lists
    assert (found.kind, found.speaker) == ("other", "Vũ Đức Khang")


# A lead-in and the kind it gives the three tasks after it (each stated in June 2024).
LEAD_INS = [
    ("Kết quả thực hiện các nhiệm vụ trọng tâm năm 2024 của Sở như sau:", "achievement"),
    ("Sở đề ra các nhiệm vụ trọng tâm năm 2024:", "priority"),
    ("Năm qua, Bộ đã triển khai đồng bộ nhiều giải pháp hỗ trợ doanh nghiệp, cụ thể:", "achievement"),
    ("Bộ đề nghị triển khai các giải pháp hỗ trợ doanh nghiệp:", "priority"),
    ("Hiệu quả của ngoại giao kinh tế thể hiện qua các mặt:", "achievement"),
    ("Về bối cảnh quốc tế, Thứ trưởng nhận định có ba điểm đáng chú ý:", "other"),
    ("Năm qua ghi nhận những con số ấn tượng:", "achievement"),
    ("Trên cơ sở những kết quả đã đạt được, Sở xác định nhiệm vụ trọng tâm là:", "priority"),
    ("Ông Lê Văn Hòa, Tổng Giám đốc Công ty Phú An, kiến nghị ba vấn đề:", "other"),
    ("Các doanh nghiệp đề xuất ba vấn đề:", "other"),
    ("Phía Nhật Bản đề nghị ba vấn đề:", "other"),
    ("Tuy nhiên, vẫn còn một số mặt chưa đạt yêu cầu:", "other"),  # not a "yêu cầu"
    ("Bộ trưởng chỉ ra những việc chưa làm được:", "other"),
    ("Năm 2024, ngoại giao kinh tế ghi dấu ấn với những điểm nổi bật sau:", "achievement"),
    ("Những thành quả đáng ghi nhận gồm:", "achievement"),
    ("Một số hoạt động tiêu biểu trong năm:", "achievement"),
    ("Từ thực tiễn đó, Bộ trưởng rút ra:", "lesson"),
    ("Điều đúc kết được từ thực tiễn là:", "lesson"),
    ("Tại phiên họp, các đại biểu cho ý kiến về:", "agenda"),
    ("Năm 2025, Sở sẽ:", "priority"),
    ("Ông cũng lưu ý doanh nghiệp một số điểm:", "priority"),
    ("Thủ tướng đề nghị phía Nhật Bản quan tâm ba vấn đề:", "priority"),
    ("Theo bà Mariam Sherman, Giám đốc Quốc gia Ngân hàng Thế giới tại Việt Nam, Việt Nam cần 3 giải pháp:", "other"),
    ("Ông Trần Văn Hải, Trưởng đại diện JICA tại Việt Nam, đề xuất 3 giải pháp:", "other"),
    ("Theo Đại sứ Nhật Bản tại Việt Nam Ito Naoki, Việt Nam cần 3 giải pháp:", "other"),
    ("Theo Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu, doanh nghiệp cần 3 giải pháp:", "priority"),
    ("Theo Bộ trưởng, để tận dụng cơ hội từ thị trường Nhật Bản, cần 3 giải pháp:", "priority"),
]


@pytest.mark.parametrize(("lead", "kind"), LEAD_INS, ids=[lead for lead, _ in LEAD_INS])
def test_the_lead_in_says_what_the_list_is(lead, kind):
    from conftest import doc_from

    [found] = extract(
        doc_from(f"{lead} tổ chức 12 đoàn xúc tiến; đón 30 đoàn khách quốc tế; ký 4 thỏa thuận hợp tác.", "2024-06-10")
    ).lists
    assert found.kind == kind


def test_a_plan_speaks_for_the_body_that_issued_it_and_a_conference_is_named_in_full():
    plan, conference = read("lists_kinds_bodies.txt", "2024-12-20").lists
    # "UBND tỉnh Gia Lai vừa ban hành Kế hoạch ..." ¶ "Kế hoạch nêu 4 nhiệm vụ cụ thể mà UBND tỉnh sẽ triển khai"
    assert attributes(plan) == ("priority", 4, 2025, "UBND tỉnh Gia Lai")
    # "Hội nghị Ngoại vụ toàn quốc lần thứ 23" ¶ "Hội nghị thống nhất ..."
    assert attributes(conference) == ("priority", 3, 2025, "Hội nghị Ngoại vụ toàn quốc lần thứ 23")


def test_what_a_body_did_told_in_pieces_after_da_is_a_list_of_results_but_an_argument_is_not():
    extraction = read("lists_kinds_done_without_colon.txt", "2024-07-08")
    [done] = extraction.lists  # the Director's clauses ("...; tuy nhiên ...; thời gian tới cần ...") are no list
    assert (done.kind, done.target_year, done.cue) == ("achievement", 2024, "Trong đó, Sở đã")
    assert [item.text for item in done.items] == [
        "tham mưu tổ chức 12 đoàn công tác nước ngoài",
        "đón 35 đoàn khách quốc tế đến làm việc với tỉnh",
        "vận động 4 dự án viện trợ phi chính phủ với tổng giá trị 1,2 triệu USD",
    ]
    # ... and its demand stays a directive of the Director
    assert [(d.text, d.speaker) for d in extraction.directives] == [
        ("cần đổi mới cách làm để thu hút đầu tư", "Hồ Văn Thành")
    ]


# A lead-in, and the year of its three items (stated in March 2024): a year compared with, or for
# a plan built on, is not the year the list is for.
COMPARED_YEARS = [
    ("Tiếp nối kết quả năm 2023, năm 2024 ngành tập trung 3 nhiệm vụ:", 2024),
    ("Phát huy kết quả năm 2023, ngành tập trung 3 nhiệm vụ:", 2024),
    ("So với năm 2022, năm 2023 ngành đạt 3 kết quả nổi bật:", 2023),
    ("Kết quả năm 2023 gồm 3 điểm:", 2023),
    ("Năm 2024, trên cơ sở kết quả năm 2023, ngành tập trung 3 nhiệm vụ:", 2024),
]


@pytest.mark.parametrize(("lead", "year"), COMPARED_YEARS, ids=[lead for lead, _ in COMPARED_YEARS])
def test_a_year_compared_with_or_built_on_is_not_the_lists_year(lead, year):
    from conftest import doc_from

    [found] = extract(doc_from(f"{lead} mở rộng thị trường; thu hút đầu tư; đào tạo cán bộ.", "2024-03-01")).lists
    assert found.target_year == year


def test_an_interviewee_named_with_a_capitalised_secretary_general_title_answers():
    from conftest import doc_from

    [found] = extract(
        doc_from(
            "Phóng viên trao đổi với ông Nguyễn Văn Hưng, Tổng Thư ký Hiệp hội Chế biến thủy sản.\n\n"
            "* Thưa ông, năm 2025 ngành cần làm gì?\n\n"
            "- Theo tôi, có ba việc cần làm ngay. Thứ nhất, minh bạch nguồn gốc. Thứ hai, đa dạng hóa thị trường."
            " Thứ ba, đầu tư chế biến sâu.",
            "2025-01-15",
        )
    ).lists
    # an association's leader: the list is his advice, not a priority of Vietnam's
    assert (found.kind, found.announced_count, found.speaker) == ("other", 3, "Nguyễn Văn Hưng")
