"""Lists on whole pages in the shapes of real press pages that the realistic set lacks: a year's
highlights, numbers with a dash, "Đó là," after a count, "như:" after a noun that names the kind,
items as sentences after a colon, and who states a list when the lead-in names a pronoun or a
body. Every page is written for these tests (tests/data/unseen/lists_*), in the shapes read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def lists_on(name: str, date: str | None = None) -> list:
    page = UNSEEN / name
    return list(extract(build_document(page.read_bytes(), page.name, date)).lists)


def items(found) -> list[str]:
    return [item.text for item in found.items]


def test_a_years_highlights_each_a_closed_heading_over_a_paragraph_keep_the_last_paragraph():
    [found] = lists_on("lists_year_highlights.txt")
    assert (found.kind, found.announced_count, found.target_year) == ("achievement", 3, 2023)
    assert [text.split("\n\n") for text in items(found)] == [
        [
            "Hoạt động đối ngoại cấp cao diễn ra dồn dập, nâng tầm quan hệ với nhiều đối tác lớn.",
            "Trong năm, lãnh đạo chủ chốt đã thực hiện hơn 50 chuyến thăm và tiếp đón, ký kết hàng trăm văn kiện"
            " hợp tác với các đối tác quan trọng",
        ],
        [
            "Ngoại giao kinh tế đóng góp thiết thực vào tăng trưởng.",
            "Nhiều thỏa thuận về thương mại, đầu tư, chuyển đổi năng lượng được ký kết, góp phần đưa kim ngạch"
            " xuất nhập khẩu vượt 680 tỷ USD",
        ],
        [
            "Việt Nam đảm nhận tốt các trọng trách tại các diễn đàn đa phương.",
            "Các đoàn Việt Nam đã đưa ra nhiều sáng kiến được bạn bè quốc tế đánh giá cao tại Liên hợp quốc và ASEAN",
        ],
    ]


def test_numbers_with_a_dash_mark_items():
    [found] = lists_on("lists_dash_numbered.txt")
    assert (found.kind, found.announced_count, found.target_year, found.marker) == ("achievement", 3, 2018, "number")
    assert [text.split(".")[0] for text in items(found)] == [
        "Tổ chức thành công Diễn đàn Kinh tế thế giới về ASEAN",
        "Nhiều chuyến thăm song phương quan trọng",
        "Phê chuẩn Hiệp định CPTPP",
    ]
    assert items(found)[2].endswith("tiếp cận các thị trường châu Mỹ")


def test_a_dash_after_a_number_inside_a_sentence_or_between_numbers_marks_nothing():
    from conftest import doc_from

    text = "Kim ngạch tăng 2 - 3% mỗi năm.\n\n2 - 3 tỷ USD là mức dự kiến.\n\n10 - 12 doanh nghiệp sẽ tham gia."
    assert extract(doc_from(text)).lists == ()


def test_do_la_with_a_comma_after_a_counted_sentence_leads_in_each_list():
    results, shortcomings = lists_on("lists_do_la_comma.txt")
    assert (results.kind, results.announced_count, results.speaker) == ("achievement", 4, "Phạm Minh Chính")
    assert items(results) == [
        "đã tiếp tục đổi mới tư duy về hội nhập",
        "kết hợp nội lực với ngoại lực",
        "góp phần giải quyết các vấn đề toàn cầu như an ninh năng lượng",
        "thúc đẩy quan hệ kinh tế giữa doanh nghiệp và địa phương",
    ]
    assert (shortcomings.kind, shortcomings.announced_count) == ("other", 3)
    assert items(shortcomings) == [
        "công tác dự báo có lúc chưa kịp thời",
        "phối hợp giữa các bộ chưa nhịp nhàng",
        "nguồn lực cho ngoại giao kinh tế còn hạn hẹp",
    ]


def test_nhu_after_a_noun_that_names_the_kind_leads_in_and_the_conference_states_it():
    [found] = lists_on("lists_conference_nhu.txt")  # "các thị trường như: Nhật Bản; ..." is no list
    assert (found.kind, found.speaker) == ("priority", "Hội nghị Ngoại giao lần thứ 30")
    assert items(found) == [
        "làm tốt công tác bảo hộ công dân ở nước ngoài",
        "nâng cao chất lượng tham mưu, dự báo chiến lược",
        "triển khai mạnh mẽ ngoại giao kinh tế phục vụ phát triển",
    ]


def test_items_written_as_sentences_after_a_colon_need_no_semicolon():
    [found] = lists_on("lists_sentences_after_colon.txt")
    assert (found.kind, found.target_year, found.speaker) == ("priority", 2011, "Trần Văn Hải")
    assert items(found) == [
        "Tiếp tục tham mưu tăng cường quản lý nhà nước về đối ngoại trên địa bàn",
        "Làm tốt công tác đón tiếp các đoàn khách nước ngoài",
        "Đẩy mạnh thu hút đầu tư từ Hàn Quốc và Nhật Bản",
    ]


def test_a_pronoun_that_states_a_list_is_the_person_named_last():
    tasks, challenges = lists_on("lists_pronoun_speakers.txt")
    assert (tasks.kind, tasks.announced_count, tasks.speaker) == ("priority", 3, "Nguyễn Văn Khánh")
    assert (challenges.kind, challenges.speaker) == ("other", "Trần Quang Minh")  # "Theo ông, ..."


def test_a_pronoun_with_nobody_named_before_it_names_no_speaker():
    from conftest import doc_from

    [found] = extract(doc_from("Ông nhấn mạnh 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư.")).lists
    assert found.speaker is None


def test_a_body_named_in_passing_in_the_lead_in_does_not_state_the_list():
    from conftest import doc_from

    [found] = extract(
        doc_from("Tại hội nghị do Bộ Ngoại giao tổ chức, doanh nghiệp nêu 2 kiến nghị: giảm thủ tục; mở rộng tín dụng.")
    ).lists
    assert found.speaker is None


def test_years_named_relative_to_the_statement_and_who_reports_or_praises_results():
    results, praised, targets, breakthroughs = lists_on("lists_review_relative_years.txt")  # stated March 2025
    assert (results.kind, results.target_year, results.speaker) == ("achievement", 2024, "Trần Khánh Minh")
    assert items(results) == [
        "thu hút 25 dự án FDI mới",
        "tổ chức 12 đoàn xúc tiến đầu tư",
        "đón 40 đoàn khách quốc tế",
    ]
    assert (praised.kind, praised.speaker, praised.announced_count) == ("achievement", "Lê Văn Bình", 2)
    assert (targets.kind, targets.target_year) == ("priority", 2026)  # "năm tới"
    assert (breakthroughs.kind, breakthroughs.target_year) == ("priority", 2025)  # a period "2021 – 2025" is no target


def test_an_interview_answer_that_focuses_on_tasks_is_a_priority_list_and_one_on_work_done_is_results():
    ahead, done = lists_on("lists_interview_focus.txt")  # stated 2 January 2025
    assert (ahead.kind, ahead.target_year, ahead.speaker, ahead.announced_count) == (
        "priority",
        2025,
        "Nguyễn Minh Hằng",
        3,
    )
    assert items(ahead)[0] == "đưa các thỏa thuận đã ký vào cuộc sống"
    assert (done.kind, done.target_year) == ("achievement", 2024)


def test_nam_nay_in_december_is_the_year_stated():
    from conftest import doc_from

    [found] = extract(
        doc_from("Trong năm nay, Bộ tập trung 2 nhiệm vụ: hoàn tất đàm phán FTA; mở thêm thị trường.", "2024-12-05")
    ).lists
    assert found.target_year == 2024


def test_what_was_done_told_in_the_lead_in_and_documents_signed_are_results():
    from conftest import doc_from

    signed, broken_down = extract(
        doc_from(
            "Hai Thủ tướng chứng kiến lễ ký 3 văn kiện hợp tác, gồm: bản ghi nhớ về kinh tế số; thỏa thuận về"
            " năng lượng sạch; kế hoạch hợp tác giáo dục.\n\n"
            "Năm 2024, các cơ quan đại diện đã hỗ trợ tổ chức 300 hoạt động xúc tiến, trong đó:\n\n"
            "- 120 hoạt động xúc tiến thương mại;\n\n- 100 hoạt động xúc tiến đầu tư;\n\n- 80 hoạt động quảng bá du lịch.",
            "2024-10-10",
        )
    ).lists
    assert (signed.kind, signed.announced_count, len(signed.items)) == ("achievement", 3, 3)
    assert (broken_down.kind, items(broken_down)[0]) == ("achievement", "120 hoạt động xúc tiến thương mại")


def test_a_years_review_gives_results_shortcomings_and_opportunities_each_its_kind():
    reported, highlights, shortcomings, opportunities = lists_on("lists_review_other_kinds.txt")
    assert (reported.kind, reported.target_year, reported.speaker) == ("achievement", 2024, "Bộ Ngoại giao")
    assert (highlights.kind, highlights.target_year) == ("achievement", 2024)  # "Nổi bật là: ..." in December
    assert items(highlights) == [
        "ký kết 150 văn bản hợp tác",
        "nâng tầm quan hệ với 4 đối tác",
        "mở cửa thị trường cho 8 loại trái cây",
    ]
    assert (shortcomings.kind, len(shortcomings.items)) == ("other", 3)  # "một số hạn chế như: ..."
    assert (opportunities.kind, opportunities.speaker) == ("other", "Hội nghị")


SPEAKERS = [
    ("Ông Lê Hữu Hoàng - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh nhấn mạnh", "Lê Hữu Hoàng"),
    ("Đồng chí Quách Tất Liêm - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh đề nghị", "Quách Tất Liêm"),
    ("Tổng Lãnh sự Việt Nam tại Osaka Ngô Trịnh Hà cho biết", "Ngô Trịnh Hà"),
    ("Tham tán Công sứ Thương mại Việt Nam tại Hoa Kỳ Đỗ Ngọc Hưng nêu", "Đỗ Ngọc Hưng"),
    ("Tổng cục trưởng Tổng cục Du lịch Nguyễn Trùng Khánh nêu", "Nguyễn Trùng Khánh"),
    ("Chủ tịch Phòng Thương mại và Công nghiệp Việt Nam (VCCI) Phạm Tấn Công đề xuất", "Phạm Tấn Công"),
    ("Vụ trưởng Vụ Tổng hợp kinh tế (Bộ Ngoại giao) Nguyễn Văn Thảo nêu", "Nguyễn Văn Thảo"),
]


@pytest.mark.parametrize(("lead", "speaker"), SPEAKERS, ids=[s for _, s in SPEAKERS])
def test_the_speaker_under_a_chain_of_titles_a_post_abroad_or_a_bracketed_aside(lead, speaker):
    from conftest import doc_from

    [found] = extract(doc_from(f"{lead} 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư.")).lists
    assert found.speaker == speaker


YEARS = [
    ("Bước sang năm mới, ngành cần 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư.", "2025-01-20", 2025),
    ("Bước sang năm mới, ngành cần 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư.", "2024-12-28", 2025),
    ("Trong năm 2023, ngành đạt 2 kết quả: mở rộng thị trường; thu hút đầu tư.", "2024-02-08", 2023),
    ("Hội nghị chỉ ra 2 cơ hội cho năm 2025: chuỗi cung ứng dịch chuyển; FTA mới.", "2024-12-18", 2025),
]


@pytest.mark.parametrize(("text", "date", "year"), YEARS)
def test_a_new_year_is_the_one_beginning_and_a_year_named_in_the_lead_in_wins(text, date, year):
    from conftest import doc_from

    [found] = extract(doc_from(text, date)).lists
    assert found.target_year == year


def test_emoji_bullets_and_sentences_after_a_colon_that_counts_nothing():
    in_sentences, results, ahead, now = lists_on("lists_emoji_bullets.txt")
    assert (in_sentences.kind, items(in_sentences)) == (
        "achievement",
        [
            "Quan hệ với các đối tác lớn được nâng cấp",
            "Xuất khẩu tăng 14% so với năm trước",
            "Vốn FDI thực hiện đạt 25 tỷ USD",
        ],
    )
    assert (results.kind, items(results)) == (
        "achievement",
        ["Ký kết 160 văn bản hợp tác", "Mở cửa thị trường cho 9 loại nông sản", "Đón 50 đoàn doanh nghiệp nước ngoài"],
    )
    assert (ahead.kind, ahead.target_year, items(ahead)) == (
        "priority",
        2025,
        ["Đàm phán FTA với các thị trường mới", "Thu hút đầu tư công nghệ cao"],
    )
    assert items(now) == ["Rà soát thủ tục đầu tư", "Lập danh mục dự án kêu gọi đầu tư"]  # "▪️": with its emoji selector


def test_paragraphs_that_open_on_their_field_under_a_count_are_one_list_and_two_sides_are_none():
    [found] = lists_on("lists_field_paragraphs.txt")  # "Về phía tỉnh, ..." ¶ "Về phía đoàn ..." counts nothing
    assert (found.kind, found.announced_count, found.target_year) == ("achievement", 3, 2024)
    assert items(found) == [
        "Về ngoại giao kinh tế, tỉnh thu hút 28 dự án FDI với tổng vốn 1,1 tỷ USD",
        "Về đối ngoại nhân dân, tỉnh vận động 4 triệu USD viện trợ phi chính phủ",
        "Về công tác lãnh sự, tỉnh giải quyết kịp thời 110 vụ việc bảo hộ công dân",
    ]


def test_a_title_alone_in_the_body_is_the_person_the_headline_names():
    [found] = lists_on("lists_headline_speaker.txt")
    assert (found.speaker, found.target_year, found.announced_count) == ("Phạm Minh Chính", 2025, 3)


def test_an_interview_with_bulleted_turns_is_no_list_and_its_answers_are_the_interviewees():
    results, tasks = lists_on("lists_interview_bullets.txt")  # "* question?" ¶ "- answer" ¶ ...
    assert (results.kind, results.target_year, results.speaker) == ("achievement", 2024, "Hoàng Văn Chiến")
    assert items(results)[0] == "tổ chức 35 hội chợ ở nước ngoài"
    assert (tasks.kind, tasks.target_year, tasks.speaker, tasks.announced_count) == (
        "priority",
        2025,
        "Hoàng Văn Chiến",
        3,
    )


def test_nhung_nam_qua_is_a_span_of_years_not_last_year():
    from conftest import doc_from

    [found] = extract(
        doc_from("Trong những năm qua, ngành đạt 2 kết quả: mở rộng thị trường; thu hút đầu tư.", "2025-03-10")
    ).lists
    assert found.target_year == 2025


def test_a_counted_run_opened_by_truoc_het_and_carried_on_by_link_words():
    from conftest import doc_from

    [found] = extract(
        doc_from(
            "Bộ trưởng Bùi Thanh Sơn đề nghị Vụ tập trung vào ba nhiệm vụ.\n\n"
            "Trước hết, tham mưu triển khai Chỉ thị 15 hiệu quả.\n\n"
            "Bên cạnh đó, theo dõi sát xu hướng kinh tế thế giới.\n\n"
            "Ngoài ra, hỗ trợ các địa phương xúc tiến đầu tư."
        )
    ).lists
    assert (found.announced_count, found.speaker) == (3, "Bùi Thanh Sơn")
    assert items(found) == [
        "tham mưu triển khai Chỉ thị 15 hiệu quả",
        "theo dõi sát xu hướng kinh tế thế giới",
        "hỗ trợ các địa phương xúc tiến đầu tư",
    ]


def test_link_words_after_an_uncounted_truoc_het_open_no_list():
    from conftest import doc_from

    text = (
        "Bộ trưởng Bùi Thanh Sơn làm việc với Vụ.\n\nTrước hết, ông nghe báo cáo về tình hình.\n\n"
        "Bên cạnh đó, các đơn vị trình bày kế hoạch.\n\nNgoài ra, hai bên trao đổi về nhân sự."
    )
    assert extract(doc_from(text)).lists == ()
