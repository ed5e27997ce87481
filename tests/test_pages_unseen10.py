"""More shapes read on real press pages (the `pages` corpus), each written for these tests in our
own words (tests/data/unseen/gp10_*): lists that are not priorities (what two sides agreed in a
joint statement, the questions a leader puts to a meeting, a foreign chamber's proposals, another
country's priorities, a review's shortcomings and their causes) told apart from the Vietnamese
speakers' priorities beside them; who states a list (a chair introduced by "theo", a deputy
minister, a department that sets its own plan, a minister named in the paragraph before, a
foreign chamber's head set apart by "ông"); counts written in words; and a headline under the
site's links or a lone "Tag" label."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document
from ngkt_cli.themes import code, load_codebook

UNSEEN = Path(__file__).parent / "data" / "unseen"


def read(name: str):
    page = UNSEEN / name
    return build_document(page.read_bytes(), page.name)


def lists_of(page: str) -> list[tuple[str, int | None, str | None, int | None, int]]:
    """(kind, announced count, speaker, target year, items) of each list of a page."""
    return [
        (found.kind, found.announced_count, found.speaker, found.items[0].target_year, len(found.items))
        for found in extract(read(page)).lists
    ]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # "Về hợp tác kinh tế, hai bên nhất trí: A; B; C": a bargain of two voices, not Vietnam's priorities
        ("gp10_kinds_joint_statement_agreed.txt", [("other", None, None, 2025, 3)]),
        # "Thủ tướng nêu ra 4 câu hỏi lớn để các đại biểu thảo luận." ¶ "Thứ nhất, làm thế nào ...?" ¶ ...:
        # what the meeting is to discuss, read though every item asks
        ("gp10_kinds_pm_questions_export.txt", [("agenda", 4, "Nguyễn Xuân Phúc", 2017, 4)]),
        # "ông Nicolas Audier, Chủ tịch Phòng Thương mại châu Âu ..., kiến nghị ba vấn đề: (1) ...": the
        # chamber's, by the foreign name; then the Deputy Prime Minister's "3 việc: một là, ..."
        (
            "gp10_kinds_forum_business_recommends.txt",
            [("other", 3, "Nicolas Audier", 2019, 3), ("priority", 3, "Vương Đình Huệ", 2019, 3)],
        ),
        # "Bộ trưởng Don Farrell cho biết, chính phủ nước này đang tập trung vào ba ưu tiên ...: A; B; C"
        ("gp10_kinds_partner_minister_priorities.txt", [("other", 3, "Bộ trưởng Don Farrell", 2025, 3)]),
        # a December review: shortcomings, their causes, then the department's tasks for the next year
        (
            "gp10_kinds_review_shortcomings_causes.txt",
            [
                ("other", None, "Phan Cao Thắng", 2018, 3),
                ("other", None, None, 2018, 2),
                ("priority", None, "Sở Ngoại vụ", 2019, 3),
            ],
        ),
        # "Theo ông ..., Chủ tịch UBND tỉnh ..., năm nay tỉnh sẽ tập trung vào năm nhóm giải pháp. Một
        # là, ...; hai là, ...", stated in January 2026
        ("gp10_lists_provincial_chair_theo.txt", [("priority", 5, "Nguyễn Văn Thành", 2026, 5)]),
        # "Thứ trưởng cho biết, thời gian tới Bộ sẽ tập trung vào năm nhóm giải pháp chính." ¶ "Thứ nhất, ..."
        ("gp10_lists_deputy_minister_planning.txt", [("priority", 5, "Trần Quốc Phương", 2024, 5)]),
        # the minister named in the paragraph before "Năm 2024, toàn ngành cần ... 4 nhiệm vụ trọng tâm: ..."
        ("gp10_lists_speaker_paragraph_before.txt", [("priority", 4, "Bùi Thanh Sơn", 2024, 4)]),
        # "Năm 2019, Sở Ngoại vụ đề ra 3 nhiệm vụ trọng tâm: ...": the department's, not the attending leader's
        ("gp10_meta_nav_links_update_date.txt", [("priority", 3, "Sở Ngoại vụ", 2019, 3)]),
        ("gp10_meta_tag_kicker_colon_headline.txt", [("priority", 3, "Phạm Minh Chính", 2025, 3)]),
        # an envoy's quoted "ba kết quả nổi bật. Thứ nhất, ...”, Đại sứ chia sẻ." in January 2025, then
        # "Đại sứ quán sẽ ưu tiên hai việc: một là, ...; hai là, ..." for 2025
        (
            "gp10_lists_ambassador_quoted_results_plan.txt",
            [("achievement", 3, "Phạm Quang Hiệu", 2024, 3), ("priority", 2, "Phạm Quang Hiệu", 2025, 2)],
        ),
        # "Bộ Công Thương đã triển khai nhiều giải pháp ...:" ¶ "- Cập nhật thông tin ..." (no page stamp)
        # ¶ ...: measures taken; then the deputy minister's "bốn nhóm giải pháp: A; B; C; D"
        (
            "gp10_kinds_measures_taken_then_plan.txt",
            [("achievement", None, None, 2023, 3), ("priority", 4, "Phan Thị Thắng", 2023, 4)],
        ),
        # "các đại biểu tập trung trao đổi về các chủ đề: ..." and "Thứ trưởng ... rút ra 3 bài học ...: ..."
        (
            "gp10_kinds_lessons_and_topics.txt",
            [("agenda", None, None, 2019, 3), ("lesson", 3, "Bùi Thanh Sơn", 2019, 3)],
        ),
        # "... làm việc với NgàiKenji Sakamoto - Đại sứ Nhật Bản tại Việt Nam", then "Đại sứ Kenji Sakamoto đề
        # nghị tỉnh quan tâm 3 vấn đề: ...": Japan's envoy's requests; the chair's tasks for 2017 are ours
        (
            "gp10_kinds_envoy_asks_province.txt",
            [("other", 3, "Đại sứ Kenji Sakamoto", 2017, 3), ("priority", 2, "Nguyễn Văn Phi", 2017, 2)],
        ),
        # “Năm 2026, ngoại giao kinh tế cần làm tốt ba việc. Trước hết là ...; hai là ...; ba là ...”, Phó
        # Thủ tướng nói: the "hai là" run opened by "Trước hết là", his by the title the page gives him
        ("gp10_lists_quoted_hai_la_run.txt", [("priority", 3, "Bùi Thanh Sơn", 2026, 3)]),
        # no day on the page, "Nhân dịp xuân Mậu Tuất 2018, ...": "Năm qua, ... ba điểm nhấn. Thứ nhất, ..." looks
        # back on 2017; "Chúng tôi sẽ tập trung vào ba hướng: ..." is for 2018; ASEAN's "5 đặc trưng" are no task
        (
            "gp10_lists_tet_interview_assistant_minister.txt",
            [
                ("achievement", 3, "Nguyễn Văn Thảo", 2017, 3),
                ("priority", 3, "Nguyễn Văn Thảo", 2018, 3),
                ("other", 5, "Nguyễn Văn Thảo", 2018, 5),
            ],
        ),
        # "Trước đó, Giám đốc Sở Ngoại vụ ... báo cáo, năm 2023 tỉnh đã đón 120 đoàn ...; ký kết 8 thỏa thuận
        # ...; thu hút 1,2 tỷ USD ...": what the province did, told after a framing clause and a report's
        # attribution; the chair's "3 nhiệm vụ trọng tâm: ..." and the director's "một số hạn chế: ..."
        (
            "gp10_kinds_director_reports_done.txt",
            [
                ("priority", 3, "Lê Ánh Dương", 2024, 3),
                ("achievement", None, "Trần Văn Minh", 2023, 3),
                ("other", None, "Trần Văn Minh", 2023, 2),
            ],
        ),
        # "... nhấn mạnh 4 kết quả nổi bật .... Đó là, A; B; C; D" and "chỉ rõ 3 hạn chế cần khắc phục: ..."
        (
            "gp10_meta_reporters_glued_weekday_stamp.txt",
            [("achievement", 4, "Phạm Minh Chính", 2023, 4), ("other", 3, "Phạm Minh Chính", 2023, 3)],
        ),
        # "Thủ tướng Chính phủ chỉ thị ... các nhiệm vụ sau:" ¶ "1. Bộ Ngoại giao:" ¶ "a) ..." ¶ "b) ..." ¶ "2. Bộ
        # Công Thương:" ¶ ...: each body's lettered tasks are a list, not one item per body
        (
            "gp10_lists_directive_tasks_by_body.txt",
            [
                ("priority", None, "Thủ tướng Chính phủ", 2024, 2),
                ("priority", None, None, 2024, 2),
                ("priority", None, None, 2024, 2),
            ],
        ),
        # in December, "cho năm 2026 và giai đoạn 2026-2030" is 2026, "từ nay đến hết tháng 12" the year ending
        (
            "gp10_lists_december_rest_of_year.txt",
            [
                ("priority", 3, "Lê Hoài Trung", 2026, 3),
                ("priority", 2, "Nguyễn Minh Hằng", 2025, 2),
                ("priority", 2, "Lê Hoài Trung", 2026, 2),
            ],
        ),
        # an envoy's "3 cơ hội lớn", then "Các doanh nghiệp FDI tại hội thảo kiến nghị 3 vấn đề: ...", "Đại diện
        # Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam (KoCham) đề xuất: ..." and a resolution's "4 điểm mới":
        # none of them Vietnam's priorities (the businesses' speaker is who spoke last: the lead-in names no person)
        (
            "gp10_kinds_opportunities_business_requests.txt",
            [
                ("other", 3, "Nguyễn Mạnh Tuấn", 2024, 3),
                ("other", 3, "Nguyễn Mạnh Tuấn", 2024, 3),
                ("other", None, "Nguyễn Mạnh Tuấn", 2024, 2),
                ("other", 4, "Nguyễn Mạnh Tuấn", 2024, 4),
            ],
        ),
        # a January review with no "đã": "Năm qua, Sở Ngoại vụ tập trung vào các hoạt động: ...", "Một số hoạt
        # động nổi bật trong năm: ..." report 2024; "những yếu tố làm nên thành công gồm: ..." look back too
        (
            "gp10_kinds_year_review_without_da.txt",
            [
                ("achievement", None, "Sở Ngoại vụ", 2024, 3),
                ("achievement", None, None, 2024, 3),
                ("other", None, "Lê Văn Hòa", 2024, 3),
            ],
        ),
        # "Việt Nam và Nhật Bản nhất trí: ..." and "Hai bên khẳng định: ...": what the two sides say together
        (
            "gp10_kinds_vietnam_and_partner_agree.txt",
            [("other", None, None, 2024, 3), ("other", None, None, 2024, 3)],
        ),
        # "Thủ tướng nêu rõ bốn “đẩy mạnh”: một là, ..." (the count before the quoted slogan), stated in December;
        # "năm qua ngành đã triển khai mười hai giải pháp, trong đó nổi bật là: ..." (measures taken, counted in words)
        (
            "gp10_lists_counted_slogan_and_words.txt",
            [("priority", 4, "Phạm Minh Chính", 2025, 4), ("achievement", 12, "Nguyễn Hồng Diên", 2024, 3)],
        ),
        # no day, an interview just after the 32nd Diplomatic Conference (19-23/12/2023): it speaks in
        # December 2023, "năm qua ... hai dấu ấn" are 2023's and "ngành sẽ tập trung vào ba trọng tâm" 2024's
        (
            "gp10_lists_undated_interview_after_conference.txt",
            [("achievement", 2, "Nguyễn Minh Vũ", 2023, 2), ("priority", 3, "Nguyễn Minh Vũ", 2024, 3)],
        ),
        # "TTXVN trân trọng giới thiệu toàn văn Tuyên bố chung:" ¶ "1. Nhận lời mời ..." ¶ "2. Hai bên nhất trí ...":
        # a joint statement's text, of two voices
        ("gp10_kinds_joint_statement_full_text.txt", [("other", None, None, 2023, 4)]),
        # "Thủ tướng Lawrence Wong đề xuất ba hướng hợp tác: ..." (named first as "Thủ tướng Singapore
        # Lawrence Wong") is not our Prime Minister's; what ours asks of Singapore is
        (
            "gp10_kinds_foreign_pm_proposes.txt",
            [("other", 3, "Thủ tướng Lawrence Wong", 2026, 3), ("priority", 3, "Phạm Minh Chính", 2026, 3)],
        ),
    ],
)
def test_kinds_speakers_years_and_counts(page: str, expected: list) -> None:
    assert lists_of(page) == expected


def test_a_question_put_to_the_meeting_is_its_item_whole():
    [questions] = extract(read("gp10_kinds_pm_questions_export.txt")).lists
    assert [item.text.split(",")[0] for item in questions.items] == [
        "làm thế nào để doanh nghiệp Việt Nam tham gia sâu hơn vào chuỗi giá trị toàn cầu",
        "cần những sáng kiến gì để gỡ bỏ các rào cản lớn mà từng ngành hàng đang gặp phải ở thị trường nước ngoài?",
        "làm sao để doanh nghiệp nắm được thông tin về thị trường",
        "các cơ quan thương vụ và cơ quan đại diện ở nước ngoài cần làm gì để hỗ trợ doanh nghiệp hiệu quả hơn?",
    ]


@pytest.mark.parametrize(
    ("page", "title", "date", "year"),
    [
        # "Tag" ¶ "Thủ tướng Phạm Minh Chính:" ¶ headline ¶ "Tin tức 22/07/2025 23:00" ¶ "aa" ¶ "Tối 22/7, ..."
        (
            "gp10_meta_tag_kicker_colon_headline.txt",
            "Thủ tướng Phạm Minh Chính: Tăng tốc, bứt phá để ngoại giao kinh tế đóng góp cho tăng trưởng",
            "2025-07-22",
            2025,
        ),
        # "Liên kết website" ¶ "Chính phủ" ¶ "Các bộ, ngành ở TW" ¶ ... ¶ headline ¶ "Ngày cập nhật 22/01/2019"
        # ¶ "Sáng ngày 8/01, ...": the site's links are no headline
        (
            "gp10_meta_nav_links_update_date.txt",
            "Sở Ngoại vụ triển khai nhiệm vụ công tác năm 2019",
            "2019-01-08",
            2019,
        ),
        # "Thời sự - Chính trị" ¶ "Thứ Hai, 06/01/2025, 10:30 (GMT+7)" ¶ headline ¶ "TTO - Sáng 5/1, ...", no blank lines
        (
            "gp10_meta_two_sections_stamp_headline_no_blank_lines.txt",
            "Ngành Ngoại giao đặt mục tiêu đột phá trong năm 2025",
            "2025-01-05",
            2025,
        ),
        # "Đối ngoại" ¶ "Thứ bảy, 4/1/2025 - 09:00" ¶ headline ¶ "(PLVN) - Chiều 3/1, ..."
        (
            "gp10_meta_section_over_stamp_over_headline.txt",
            "Bộ trưởng Ngoại giao: Năm 2025 ngoại giao kinh tế cần bứt phá",
            "2025-01-03",
            2025,
        ),
        # "Việt Cường, Văn Khương, Trung Thành-Thứ năm, ngày 21/12/2023 19:26 GMT+7" under the headline
        (
            "gp10_meta_reporters_glued_weekday_stamp.txt",
            "Thúc đẩy ngoại giao kinh tế phục vụ phát triển đất nước",
            "2023-12-21",
            2023,
        ),
        # "BẮC NINH - Chiều tối 22/7, ... mục tiêu tăng trưởng 6 tháng cuối năm 2025": no stamp
        (
            "gp10_meta_dateline_caps_no_stamp.txt",
            "Đẩy mạnh ngoại giao kinh tế, tạo đà tăng trưởng hai con số",
            "2025-07-22",
            2025,
        ),
    ],
)
def test_headline_date_and_year(page: str, title: str, date: str, year: int) -> None:
    doc = read(page)
    assert (doc.title, doc.date, doc.statement_year) == (title, date, year)


def test_a_font_size_tool_under_the_stamp_is_no_paragraph():
    assert "aa" not in read("gp10_meta_tag_kicker_colon_headline.txt").paragraphs


@pytest.mark.parametrize(
    ("page", "kept", "removed"),
    [
        # "- Cập nhật thông tin về quy định nhập khẩu mới ...": an item, though it opens as an update stamp would
        ("gp10_kinds_measures_taken_then_plan.txt", "- Cập nhật thông tin về quy định nhập khẩu mới", None),
        # "Ngày đăng" alone over "06/01/2025": the stamp's label
        ("gs_meta_published_label.txt", None, "Ngày đăng"),
    ],
)
def test_a_stamps_label_and_an_item_that_opens_like_one(page: str, kept: str | None, removed: str | None) -> None:
    paragraphs = read(page).paragraphs
    assert kept is None or any(paragraph.startswith(kept) for paragraph in paragraphs)
    assert removed not in paragraphs


@pytest.mark.parametrize("written", ["vắc-xin", "vắc xin", "vaccine", "VẮC-XIN"])
def test_the_vaccine_theme_reads_every_spelling(written: str) -> None:
    # "tiếp nhận 10 triệu liều vắc-xin": the hyphenated spelling real pages use too
    assert "vaccine" in code(f"Ngoại giao đã vận động được 10 triệu liều {written} cho đất nước.", load_codebook())


def test_talks_between_two_prime_ministers_are_foreign_affairs():
    # "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore ...", no other foreign-affairs word
    assert read("gp10_kinds_foreign_pm_proposes.txt").scope == "in"


def test_an_evening_with_no_year_anywhere_is_placed_by_the_conference_it_reports():
    # "Tối 22/7, Thủ tướng Phạm Minh Chính chủ trì hội nghị ... với các Trưởng Cơ quan đại diện ... về
    # đẩy mạnh công tác ngoại giao kinh tế": no stamp and no year on the page; the conference was held
    # on 22/7 in 2025 only (a [[recurring]] row of data/dated_facts.toml), so the day is 2025's
    doc = read("gp10_meta_undated_evening_no_year.txt")
    assert (doc.date, doc.date_source, doc.statement_year) == ("2025-07-22", "event", 2025)
    assert [(d.speaker, d.target_year) for d in extract(doc).directives] == [("Phạm Minh Chính", 2025)]


@pytest.mark.parametrize(
    ("day", "date"),
    [("Tối 18/7", "2024-07-18"), ("Tối 10/1", "2026-01-10"), ("Sáng 23/7", "2025-07-23"), ("Tối 25/7", None)],
)
def test_a_recurring_conference_places_only_a_day_it_was_held_on(day: str, date: str | None) -> None:
    # the report of the next morning still belongs to the evening's edition; a day no edition was
    # held on is left undated (no guess from who held office)
    text = (
        f"Hội nghị ngoại giao kinh tế\n\n{day}, Thủ tướng Phạm Minh Chính chủ trì Hội nghị với các Trưởng Cơ quan"
        " đại diện Việt Nam ở nước ngoài về đẩy mạnh công tác ngoại giao kinh tế.\n"
    )
    assert build_document(text.encode(), "hoi-nghi.txt").date == date


def test_a_one_off_conference_places_its_day():
    # "Sáng 14/12, Hội nghị Đối ngoại toàn quốc ..." (held once, 14/12/2021); the General Secretary of
    # 2011-2024 alone would leave the year open
    text = (
        "Triển khai đường lối đối ngoại của Đại hội XIII\n\nSáng 14/12, Hội nghị Đối ngoại toàn quốc triển khai"
        " Nghị quyết Đại hội XIII của Đảng diễn ra tại Hà Nội. Tổng Bí thư Nguyễn Phú Trọng chủ trì hội nghị.\n"
    )
    assert build_document(text.encode(), "doi-ngoai.txt").date == "2021-12-14"


def test_every_recurring_edition_has_a_source():
    from ngkt_cli.dates import dated_facts

    editions = [span for _, held in dated_facts().recurring for span in held]
    assert editions and all(span.source and span.end is not None and span.start <= span.end for span in editions)


def test_a_directives_lettered_tasks_are_its_items():
    first, second, _ = extract(read("gp10_lists_directive_tasks_by_body.txt")).lists
    assert (first.cue, second.cue) == ("Bộ Ngoại giao:", "Bộ Công Thương:")
    assert [item.text for item in second.items] == [
        "Tận dụng hiệu quả các hiệp định thương mại tự do",
        "Đẩy mạnh xúc tiến thương mại tại các thị trường mới",
    ]


def test_a_related_headline_tagged_with_its_form_is_no_paragraph():
    # "[Ảnh] Những khoảnh khắc ... năm 2020" between the sapo and the lede: another story's link
    doc = read("gp10_meta_tagged_related_headline_in_body.txt")
    assert (doc.title, doc.date, doc.statement_year) == (
        "Bộ trưởng Ngoại giao làm việc với các hiệp hội doanh nghiệp",
        "2025-09-11",
        2025,
    )
    assert not any(paragraph.startswith("[Ảnh]") for paragraph in doc.paragraphs)
    assert "aa" not in doc.paragraphs


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Cập nhật lúc: 10:15, 20/03/2025", "stamp"),
        ("Cập nhật lúc 10:15", "stamp"),
        ("Ngày đăng", "stamp"),
        ("Nhịp sống - Ngày đăng : 18:18, 18/12/2023", "stamp"),
        ("Xuất bản ngày 15/01/2025", "stamp"),
        ("- Cập nhật thông tin về quy định nhập khẩu của thị trường", None),
        ("Nhà xuất bản Chính trị quốc gia Sự thật", None),
    ],
)
def test_a_posting_label_is_a_stamp_only_with_its_time(line: str, reason: str | None) -> None:
    from ngkt_cli.boilerplate import classify_line

    assert classify_line(line, None) == reason
