"""List shapes of real press and government pages that the realistic set lacks: what kind each
list is (results, tasks, purposes, grounds, shortcomings), document sections, bullets under
labels, comma lists. Every text is written for the test, in the shape of pages read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import doc_from

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def lists_in(text: str, date: str = "2025-01-15") -> list:
    return list(extract(doc_from(text, date)).lists)


def kinds_and_items(text: str) -> list[tuple[str, list[str]]]:
    return [(found.kind, [item.text for item in found.items]) for found in lists_in(text)]


# --- what kind of list: the lead-in's words, then the items' own -------------------------------

KINDS = [
    pytest.param(  # work reported done, whatever the lead-in's "nhiệm vụ" says
        "Thực hiện nhiệm vụ năm 2024, Sở Ngoại vụ đã hoàn thành các công việc sau:\n\n"
        "- Tham mưu tổ chức 12 đoàn công tác của lãnh đạo tỉnh.\n\n- Phối hợp đón 45 đoàn khách quốc tế.",
        "achievement",
        id="work-done",
    ),
    pytest.param(
        "Các nhiệm vụ đã hoàn thành trong năm gồm: tổ chức Hội nghị gặp gỡ nhà đầu tư Hàn Quốc; "
        "đón đoàn Đại sứ các nước châu Âu; ra mắt cổng thông tin đối ngoại.",
        "achievement",
        id="tasks-completed",
    ),
    pytest.param(  # figures that are targets, not results
        "Năm 2025, tỉnh phấn đấu đạt các chỉ tiêu chủ yếu sau:\n\n- Kim ngạch xuất khẩu đạt 3 tỷ USD, tăng 12%.\n\n"
        "- Thu hút 40 dự án FDI với tổng vốn 600 triệu USD.\n\n- Đón 250 nghìn lượt khách quốc tế, tăng 20%.",
        "priority",
        id="targets-with-figures",
    ),
    pytest.param(
        "Trong 9 tháng, tỉnh ghi nhận:\n\n- Kim ngạch xuất khẩu ước đạt 2,1 tỷ USD, tăng 11% so với cùng kỳ.\n\n"
        "- Lượng khách quốc tế đạt 320 nghìn lượt, tăng 30%.",
        "achievement",
        id="figures-reported",
    ),
    pytest.param(  # what a meeting is held for
        "Hội nghị nhằm:\n\n- Đánh giá kết quả hai năm thực hiện Chỉ thị 15-CT/TW.\n\n"
        "- Chia sẻ kinh nghiệm thu hút đầu tư của các địa phương.\n\n- Thống nhất giải pháp cho giai đoạn tới.",
        "agenda",
        id="meeting-purposes",
    ),
    pytest.param(
        "Kế hoạch nhằm mục đích: nâng cao nhận thức của cán bộ về ngoại giao kinh tế; phát huy vai trò "
        "của doanh nghiệp; tăng cường phối hợp giữa các sở, ngành.",
        "other",
        id="plan-purposes",
    ),
    pytest.param(  # a concession names what the list is not
        "Bên cạnh những kết quả đạt được, công tác ngoại giao kinh tế của tỉnh vẫn còn hạn chế: thu hút "
        "đầu tư chưa tương xứng tiềm năng; phối hợp giữa các sở có lúc chưa chặt chẽ; nhân lực còn thiếu.",
        "other",
        id="shortcomings-after-results",
    ),
    pytest.param(
        "Theo dự báo của các tổ chức quốc tế, năm 2025 kinh tế thế giới sẽ: tăng trưởng chậm lại ở mức 2,7%; "
        "chịu tác động của thuế quan; đối mặt rủi ro lạm phát.",
        "other",
        id="forecast",
    ),
    pytest.param(  # grounds for a hope, in the future tense
        "Năm nay khó khăn còn lớn, song có cơ sở để ngành xuất khẩu kỳ vọng về đích. Đó là nhu cầu cuối năm "
        "sẽ tăng mạnh; kinh tế thế giới đang dần hồi phục; hàng Việt ngày càng được tin dùng.",
        "other",
        id="grounds",
    ),
    pytest.param(
        "Tình hình 9 tháng năm 2024:\n\n- Kim ngạch xuất khẩu: 2,1 tỷ USD.\n\n- Vốn FDI thu hút mới: 400 triệu USD.\n\n"
        "- Khách quốc tế: 320 nghìn lượt.",
        "achievement",
        id="labelled-figures",
    ),
    pytest.param(
        "Trong năm, Sở Ngoại vụ đã:\n\n- Tham mưu tổ chức 12 đoàn ra.\n\n- Đón 45 đoàn khách quốc tế.\n\n"
        "- Ký kết 6 văn bản thỏa thuận quốc tế.",
        "achievement",
        id="what-was-done-after-da",
    ),
    pytest.param(
        "Năm 2025, tỉnh cần:\n\n- Thu hút 500 triệu USD vốn FDI, tăng 10% so với năm 2024.\n\n"
        "- Nâng kim ngạch xuất khẩu lên 3 tỷ USD.",
        "priority",
        id="figures-asked-for",
    ),
    pytest.param(
        "Chương trình hội nghị gồm: phiên khai mạc do Bộ trưởng chủ trì; phiên thảo luận về thị trường Halal; "
        "phiên kết nối doanh nghiệp.",
        "agenda",
        id="a-meetings-programme",
    ),
    pytest.param(  # "in the programme of" a conference is where, not what
        "Sáng 21/12, trong chương trình Hội nghị Ngoại giao lần thứ 32, Bộ Ngoại giao tổ chức phiên về ngoại giao kinh tế.\n\n"
        "Thứ nhất, củng cố các động lực tăng trưởng truyền thống.\n\nThứ hai, tăng cường nghiên cứu, tham mưu.",
        "priority",
        id="in-a-meetings-programme",
    ),
    pytest.param(
        "Trong chuyến thăm, Thủ tướng sẽ: hội kiến Tổng thống nước chủ nhà; dự diễn đàn doanh nghiệp hai nước; "
        "thăm cộng đồng người Việt.",
        "agenda",
        id="a-visits-schedule",
    ),
    pytest.param(
        "Hội nghị gồm 3 phiên: phiên toàn thể; phiên chuyên đề về đầu tư; phiên kết nối doanh nghiệp.",
        "agenda",
        id="a-meetings-sessions",
    ),
    pytest.param(
        "Trong chuyến thăm, hai bên đã ký: thỏa thuận về thương mại; bản ghi nhớ về đầu tư; hiệp định về lao động.",
        "achievement",
        id="what-a-visit-signed",
    ),
    pytest.param(
        "Năm 2024, ngoại giao kinh tế đã góp phần:\n\n- Mở rộng thị trường cho hàng Việt Nam.\n\n"
        "- Thu hút các dự án công nghệ cao.",
        "achievement",
        id="what-it-contributed",
    ),
    pytest.param(
        "Năm 2025, ngoại giao kinh tế cần góp phần:\n\n- Mở rộng thị trường cho hàng Việt Nam.\n\n"
        "- Thu hút các dự án công nghệ cao.",
        "priority",
        id="what-it-must-contribute",
    ),
    # negatives: the phrase nearest the list decides
    pytest.param(
        "Để phát huy kết quả đạt được, thời gian tới ngành cần: mở rộng thị trường xuất khẩu; thu hút "
        "đầu tư công nghệ cao; hỗ trợ doanh nghiệp nhỏ.",
        "priority",
        id="results-to-build-on-then-tasks",
    ),
    pytest.param(
        "Tuy còn nhiều khó khăn, ngành đã đạt được kết quả: ký 20 thỏa thuận hợp tác; mở 3 thị trường mới; "
        "đón 50 đoàn nhà đầu tư.",
        "achievement",
        id="difficulties-conceded-then-results",
    ),
    pytest.param(
        "Để khắc phục những hạn chế trên, thời gian tới cần: kiện toàn bộ máy; bồi dưỡng cán bộ; tăng kinh phí.",
        "priority",
        id="shortcomings-to-fix-then-tasks",
    ),
    pytest.param(
        "Sau khi đã hoàn thành kế hoạch năm 2024, Bộ đề ra 3 nhiệm vụ cho năm 2025: mở rộng thị trường; "
        "thu hút đầu tư; hỗ trợ doanh nghiệp.",
        "priority",
        id="done-before-the-noun-then-tasks",
    ),
    pytest.param(
        "Năm 2024, Sở đã thực hiện tốt các nhiệm vụ: tổ chức 12 đoàn ra; đón 45 đoàn vào; ký 6 thỏa thuận hợp tác.",
        "achievement",
        id="tasks-carried-out-well",
    ),
    pytest.param(
        "Năm 2024, Sở đã hoàn thành xuất sắc 3 nhiệm vụ: tổ chức hội nghị xúc tiến; đón đoàn Đại sứ; ra mắt cổng thông tin.",
        "achievement",
        id="tasks-completed-with-distinction",
    ),
    pytest.param(
        "Bộ đã triển khai 5 nhiệm vụ trọng tâm năm 2025: mở rộng quan hệ; xúc tiến đầu tư; đào tạo cán bộ; "
        "hỗ trợ doanh nghiệp; bảo hộ công dân.",
        "priority",
        id="tasks-launched-not-done",
    ),
    pytest.param(
        "Kết quả này có được là nhờ: sự chỉ đạo sát sao của Chính phủ; sự vào cuộc của các bộ, ngành; nỗ lực của doanh nghiệp.",
        "other",
        id="causes-of-a-result",
    ),
    pytest.param(
        "Nguyên nhân chủ yếu là do: cầu thế giới suy giảm; chi phí vận chuyển tăng cao; doanh nghiệp thiếu thông tin.",
        "other",
        id="causes",
    ),
    pytest.param(
        "Kế hoạch nhằm: nâng cao nhận thức về ngoại giao kinh tế; phát huy vai trò của doanh nghiệp; tăng cường phối hợp.",
        "other",
        id="what-a-plan-is-for",
    ),
    pytest.param(
        "Năm 2025, tỉnh đặt mục tiêu: thu hút 500 triệu USD vốn FDI; kim ngạch xuất khẩu đạt 3 tỷ USD, tăng 10%; "
        "đón 300 nghìn lượt khách quốc tế.",
        "priority",
        id="targets-set",
    ),
    pytest.param(  # what a year contributed looks back, whatever the heading above says
        "Năm 2026: năm định hướng lớn\n\nTheo Phó Thủ tướng, năm 2025 ngoại giao kinh tế đã có những đóng góp "
        "quan trọng: ký kết thêm nhiều thỏa thuận hợp tác; hỗ trợ doanh nghiệp xử lý vướng mắc; thu hút nhiều dự án.",
        "achievement",
        id="contributions-made",
    ),
    pytest.param(  # ... unless the lead-in asks for them
        "Thủ tướng đề nghị ngành ngoại giao có những đóng góp thiết thực hơn nữa: mở thêm thị trường cho nông sản; "
        "thu hút đầu tư công nghệ cao; hỗ trợ các địa phương kết nối đối tác.",
        "priority",
        id="contributions-asked",
    ),
    pytest.param(  # "tiếp cận" folds to "tiep can", but "cận" is no "cần" (need)
        "Trong năm 2024, Sở Ngoại vụ đã làm được nhiều việc nhờ cách tiếp cận mới: kết nối doanh nghiệp với "
        "đối tác Hàn Quốc; mở văn phòng xúc tiến tại Nhật Bản; tổ chức diễn đàn đầu tư của tỉnh.",
        "achievement",
        id="an-approach-is-no-need",
    ),
    pytest.param(  # nor is "cán" of "cán bộ"
        "Những điểm nổi bật trong công tác cán bộ năm 2024: bồi dưỡng kiến thức kinh tế đối ngoại; cử người học "
        "tập ở nước ngoài; mở lớp tập huấn về xúc tiến đầu tư.",
        "achievement",
        id="staff-is-no-need",
    ),
]


@pytest.mark.parametrize("text, kind", KINDS)
def test_the_kind_of_a_list_comes_from_what_its_lead_in_says_nearest_the_items(text, kind):
    [found] = lists_in(text)
    assert found.kind == kind
    assert len(found.items) >= 2


# --- a document's sections: labels over lists, the heading above for the kind --------------------


def _lists_of_page(name: str) -> list[tuple[str, list[str]]]:
    page = UNSEEN / name
    doc = build_document(page.read_bytes(), page.name, "2025-01-10")
    return [(found.kind, [item.text for item in found.items]) for found in extract(doc).lists]


def test_a_plans_purposes_and_requirements_are_not_its_tasks():
    assert _lists_of_page("lists_province_plan.txt") == [
        (
            "other",
            [
                "Quán triệt sâu rộng vai trò của ngoại giao kinh tế tới cán bộ, công chức các sở, ngành và địa phương",
                "Huy động nguồn lực bên ngoài phục vụ mục tiêu tăng trưởng của tỉnh",
            ],
        ),
        (
            "other",
            [
                "Các sở, ngành chủ động xây dựng kế hoạch của đơn vị, gắn với nhiệm vụ chuyên môn",
                "Bảo đảm phối hợp chặt chẽ, thường xuyên với Bộ Ngoại giao và các cơ quan đại diện",
                "Định kỳ báo cáo kết quả thực hiện về Sở Ngoại vụ",
            ],
        ),
        (
            "priority",
            [
                "Tổ chức đoàn xúc tiến đầu tư của tỉnh tại Nhật Bản và Hàn Quốc trong quý II",
                "Phối hợp với các cơ quan đại diện giới thiệu sản phẩm chủ lực của tỉnh ra thị trường nước ngoài",
                "Hỗ trợ doanh nghiệp tỉnh tháo gỡ vướng mắc về hàng rào kỹ thuật tại thị trường nhập khẩu",
            ],
        ),
    ]


def test_bullets_under_labels_take_their_kind_from_the_section_heading():
    assert _lists_of_page("lists_year_report.txt") == [
        (
            "achievement",
            [
                "Tổ chức 15 đoàn của lãnh đạo tỉnh đi công tác nước ngoài",
                "Đón tiếp 40 đoàn khách quốc tế đến thăm và làm việc",
            ],
        ),
        (
            "achievement",
            [
                "Thu hút 22 dự án có vốn đầu tư nước ngoài với tổng vốn 350 triệu USD",
                "Giới thiệu 12 doanh nghiệp của tỉnh tham gia hội chợ ở nước ngoài",
            ],
        ),
        (
            "priority",
            [
                "Tổ chức hội nghị xúc tiến đầu tư tại Singapore",
                "Kết nối doanh nghiệp với các thương vụ Việt Nam ở nước ngoài",
            ],
        ),
        (
            "priority",
            ["Làm tốt công tác bảo hộ công dân của tỉnh ở nước ngoài", "Rút ngắn thời gian xử lý hồ sơ đoàn vào"],
        ),
    ]


def test_a_plans_principles_numbered_under_their_heading_are_other():
    text = (
        "I. QUAN ĐIỂM, YÊU CẦU\n\n1. Bám sát chủ trương của Đảng về hội nhập quốc tế.\n\n"
        "2. Bảo đảm thiết thực, hiệu quả, tiết kiệm.\n\nII. NHIỆM VỤ TRỌNG TÂM\n\n"
        "1. Mở rộng hợp tác với các địa phương của Lào.\n\n2. Đẩy mạnh xúc tiến thương mại."
    )
    assert [kind for kind, _ in kinds_and_items(text)] == ["other", "priority"]


def test_a_dash_item_that_is_a_task_keeps_its_plus_details():
    """Not a label ("Về ...", "Mục đích"): the dash items are the list, each with its details."""
    text = (
        "Thời gian tới, Sở cần tập trung các nhiệm vụ sau:\n\n- Mở rộng thị trường xuất khẩu:\n\n"
        "+ Trung Đông và châu Phi.\n\n+ Mỹ Latinh.\n\n- Thu hút đầu tư công nghệ cao.\n\n- Hỗ trợ doanh nghiệp nhỏ và vừa."
    )
    [(kind, items)] = kinds_and_items(text)
    assert kind == "priority" and len(items) == 3
    assert items[0].startswith("Mở rộng thị trường xuất khẩu:") and "Mỹ Latinh" in items[0]
    assert items[1:] == ["Thu hút đầu tư công nghệ cao", "Hỗ trợ doanh nghiệp nhỏ và vừa"]


def test_a_last_label_holds_the_bullets_under_it():
    text = (
        "Sở đề ra các nhiệm vụ sau:\n\n- Mở rộng thị trường.\n\n- Thu hút đầu tư, cụ thể:\n\n"
        "+ Công nghệ bán dẫn.\n\n+ Năng lượng sạch.\n\nHội nghị kết thúc cùng ngày."
    )
    [(kind, items)] = kinds_and_items(text)
    assert items[0] == "Mở rộng thị trường"
    assert "Năng lượng sạch" in items[1] and "Hội nghị" not in items[1]


# --- a comma list after a counted noun and "là" --------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, items",
    [
        (
            "Bộ trưởng cho biết năm tới ngành cần tập trung vào ba trọng tâm là ngoại giao kinh tế, ngoại giao "
            "công nghệ và công tác người Việt Nam ở nước ngoài.",
            "priority",
            ["ngoại giao kinh tế", "ngoại giao công nghệ", "công tác người Việt Nam ở nước ngoài"],
        ),
        (
            "Theo ông Lâm, doanh nghiệp đang có ba cơ hội lớn là làn sóng dịch chuyển chuỗi cung ứng, các hiệp "
            "định thương mại tự do và nhu cầu chuyển đổi xanh.",
            "other",
            ["làn sóng dịch chuyển chuỗi cung ứng", "các hiệp định thương mại tự do", "nhu cầu chuyển đổi xanh"],
        ),
        (
            "Năm 2025, Sở xác định hai nhiệm vụ trọng tâm là xúc tiến đầu tư và hỗ trợ doanh nghiệp xuất khẩu.",
            "priority",
            ["xúc tiến đầu tư", "hỗ trợ doanh nghiệp xuất khẩu"],
        ),
        (  # a measure word between the count and its noun ("3 lĩnh vực ưu tiên"): gen-dir10's note
            "Thủ tướng đề nghị tập trung vào 3 lĩnh vực ưu tiên là thu hút đầu tư công nghệ cao, mở rộng thị trường"
            " xuất khẩu nông sản và đào tạo nhân lực bán dẫn.",
            "priority",
            ["thu hút đầu tư công nghệ cao", "mở rộng thị trường xuất khẩu nông sản", "đào tạo nhân lực bán dẫn"],
        ),
    ],
)
def test_a_counted_noun_then_la_leads_into_a_comma_list(text, kind, items):
    assert kinds_and_items(text) == [(kind, items)]


@pytest.mark.parametrize(
    "text",
    [
        "Hai nhiệm vụ này là rất quan trọng, cấp bách và lâu dài đối với ngành.",  # three qualities, two counted
        "Ba kết quả nổi bật là minh chứng cho nỗ lực của toàn ngành, trong đó có đóng góp của địa phương, doanh nghiệp và cơ quan đại diện.",
        "Các nhiệm vụ là rất nặng nề, phức tạp và lâu dài.",  # no count: no comma list after "là"
        "Hai nhiệm vụ này là cấp bách và lâu dài.",  # "these" points back
        "Hai nhiệm vụ là rất cấp bách và lâu dài.",  # a predicate
        "Ba trọng tâm nói trên là đúng đắn, kịp thời và sáng suốt.",
    ],
)
def test_a_sentence_about_counted_things_after_la_is_no_comma_list(text):
    assert lists_in(text) == []


# --- items parted by dashes after a counted lead-in ------------------------------------------------


@pytest.mark.parametrize(
    "text, items",
    [
        (  # the request after ';' is the sentence's next clause, not a fourth pillar
            "Bộ trưởng cho biết năm 2025 ngoại giao kinh tế sẽ tập trung vào ba trụ cột: thu hút đầu tư chất lượng cao"
            " - mở rộng thị trường xuất khẩu - thúc đẩy chuyển đổi xanh; đề nghị các cơ quan đại diện chủ động phối hợp.",
            ["thu hút đầu tư chất lượng cao", "mở rộng thị trường xuất khẩu", "thúc đẩy chuyển đổi xanh"],
        ),
        (
            "Thứ trưởng nêu hai ưu tiên: kết nối doanh nghiệp với đối tác – tháo gỡ rào cản thương mại. Hội nghị"
            " kết thúc cùng ngày.",
            ["kết nối doanh nghiệp với đối tác", "tháo gỡ rào cản thương mại"],
        ),
    ],
)
def test_a_counted_lead_in_then_dashes_gives_the_counted_items(text, items):
    assert kinds_and_items(text) == [("priority", items)]


@pytest.mark.parametrize(
    "text",
    [
        # as many dashes as counted, or none: a dash also sets off a place or a range
        "Bộ trưởng nêu ba nhiệm vụ: phát triển hành lang kinh tế Hà Nội - Hải Phòng - Quảng Ninh.",
        "Bộ trưởng nêu các nhiệm vụ: phát triển hành lang Hà Nội - Hải Phòng, thu hút đầu tư.",
    ],
)
def test_dashes_that_are_not_the_counted_items_part_nothing(text):
    assert all(len(items) != 3 for _, items in kinds_and_items(text))
    assert ["phát triển hành lang kinh tế Hà Nội", "Hải Phòng", "Quảng Ninh"] not in [
        i for _, i in kinds_and_items(text)
    ]


# --- a title above a lead-in that tells rather than leads in --------------------------------------


def test_a_title_above_a_telling_paragraph_gives_the_kind():
    text = (
        "Một số thành tựu của ngoại giao kinh tế năm 2024\n\n"
        "Năm 2024, ngoại giao kinh tế tiếp tục là trọng tâm của các hoạt động đối ngoại.\n\n"
        "Thứ nhất, 15/15 chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch.\n\n"
        "Thứ hai, hơn 170 thỏa thuận hợp tác được ký kết nhân các chuyến thăm cấp cao."
    )
    [(kind, items)] = kinds_and_items(text)
    assert kind == "achievement" and len(items) == 2


def test_a_lead_in_with_a_colon_speaks_over_the_title_above_it():
    text = (
        "Những kết quả nổi bật năm 2024\n\nĐể phát huy đà tăng trưởng, thời gian tới Sở cần:\n\n"
        "- Mở rộng thị trường xuất khẩu.\n\n- Thu hút đầu tư công nghệ cao."
    )
    assert [kind for kind, _ in kinds_and_items(text)] == ["priority"]


def test_an_item_opening_with_a_fraction_is_no_weekday_and_date():
    text = (
        "Năm 2024 đạt nhiều kết quả:\n\nThứ nhất, 15/15 chỉ tiêu đạt và vượt kế hoạch.\n\n"
        "Thứ hai, 12/20 thị trường lớn tăng trưởng hai con số."
    )
    [(kind, items)] = kinds_and_items(text)
    assert items == ["15/15 chỉ tiêu đạt và vượt kế hoạch", "12/20 thị trường lớn tăng trưởng hai con số"]
    assert lists_in("Thứ Hai, 10/03/2025\n\nThứ Ba, 11/03/2025") == []


# --- items that are a heading and a paragraph explaining it ---------------------------------------


def test_counted_items_each_a_heading_and_its_explanation_are_a_list():
    page = UNSEEN / "lists_headed_items.txt"
    [found] = extract(build_document(page.read_bytes(), page.name, "2024-12-19")).lists
    assert (found.kind, found.announced_count, len(found.items)) == ("priority", 3, 3)
    headings = [
        "Đổi mới mạnh mẽ tư duy đối ngoại",
        "Phát huy vai trò tiên phong của ngoại giao kinh tế",
        "Xây dựng ngành ngoại giao toàn diện, hiện đại",
    ]
    for item, heading in zip(found.items, headings):
        assert item.text.startswith(heading + "\n\n")
    assert found.items[2].text.endswith("đáp ứng yêu cầu của tình hình mới") and "Hội nghị" not in found.items[2].text


def test_an_essays_numbered_sections_without_a_counted_lead_in_stay_no_list():
    under = (
        "Trải qua tám thập kỷ, nền ngoại giao Việt Nam đã đồng hành cùng dân tộc trong đấu tranh giành độc lập, "
        "xây dựng và bảo vệ Tổ quốc, để lại nhiều bài học quý báu cho hôm nay và cho các thế hệ mai sau."
    )
    text = f"Ngoại giao Việt Nam qua 80 năm\n\n1. Những chặng đường lịch sử\n\n{under}\n\n2. Vị thế mới của đất nước\n\n{under}"
    assert lists_in(text) == []


@pytest.mark.parametrize(
    "lead, kind",
    [
        ("Người phát ngôn điểm lại những thành công lớn nhất của ngoại giao năm qua:", "achievement"),
        ("Công tác ngoại giao kinh tế có 3 chuyển biến rõ nét:", "achievement"),
        ("Các Đại sứ chia sẻ những kinh nghiệm khi thâm nhập thị trường mới:", "lesson"),
        ("Chuyên gia đưa ra 3 khuyến nghị cho doanh nghiệp:", "priority"),
        ("Doanh nghiệp đang gặp những rào cản lớn:", "other"),
        ("Hoạt động đối ngoại của tỉnh tuân thủ 3 nguyên tắc:", "other"),
        ("Kinh tế thế giới năm tới có 3 xu hướng đáng chú ý:", "other"),
    ],
)
def test_more_list_nouns_say_the_kind(lead, kind):
    text = f"{lead}\n\n- Mở rộng quan hệ với các đối tác.\n\n- Gia tăng hàng rào kỹ thuật.\n\n- Thúc đẩy chuyển đổi số."
    assert [found.kind for found in lists_in(text)] == [kind]


# --- bullets that are labels over a paragraph ------------------------------------------------------


def test_dash_labels_each_over_a_paragraph_are_one_list():
    text = (
        "Thủ tướng yêu cầu ngành ngoại giao tập trung 3 nhiệm vụ:\n\n- Về thể chế:\n\n"
        "Hoàn thiện khuôn khổ pháp lý cho ngoại giao kinh tế.\n\n- Về thị trường:\n\n"
        "Khai thác hiệu quả các hiệp định thương mại tự do.\n\n- Về đầu tư:\n\n"
        "Thu hút các dự án công nghệ cao.\n\nHội nghị kết thúc cùng ngày."
    )
    [found] = lists_in(text)
    assert (found.kind, found.announced_count) == ("priority", 3)
    assert [item.text for item in found.items] == [
        "Về thể chế:\n\nHoàn thiện khuôn khổ pháp lý cho ngoại giao kinh tế",
        "Về thị trường:\n\nKhai thác hiệu quả các hiệp định thương mại tự do",
        "Về đầu tư:\n\nThu hút các dự án công nghệ cao",
    ]


def test_bullets_a_paragraph_apart_without_labels_stay_apart():
    text = (
        "Sở đề ra các nhiệm vụ sau.\n\n- Mở rộng thị trường.\n\nĐây là nhiệm vụ khó.\n\n- Thu hút đầu tư.\n\n"
        "Năm nay cần nhiều cố gắng."
    )
    assert lists_in(text) == []


def test_decimal_sections_give_their_bullets_the_kind_of_the_part_above():
    text = (
        "1. Những kết quả chủ yếu\n\n1.1. Về kinh tế đối ngoại:\n\n"
        "- Xúc tiến đầu tư: Tổ chức 3 hội nghị xúc tiến tại Nhật Bản, Hàn Quốc và Singapore.\n\n"
        "- Xuất khẩu: Nhiều mặt hàng nông sản của tỉnh vào thị trường khó tính.\n\n"
        "2. Nhiệm vụ trọng tâm những tháng cuối năm\n\n2.1. Về kinh tế đối ngoại:\n\n"
        "- Tổ chức hội nghị xúc tiến đầu tư tại Úc.\n\n- Kết nối doanh nghiệp với các thương vụ."
    )
    assert [(kind, len(items)) for kind, items in kinds_and_items(text)] == [("achievement", 2), ("priority", 2)]


# --- HTML lists ---------------------------------------------------------------------------------


def test_a_nested_html_list_drops_its_group_labels_and_keeps_its_items():
    """<ul><li>Về ngoại giao kinh tế:<ul><li>...</li></ul></li>...</ul> comes out as one run of dashes."""
    assert _lists_of_page("lists_nested.html") == [
        (
            "priority",
            [
                "Tổ chức đoàn xúc tiến đầu tư tại Nhật Bản",
                "Hỗ trợ doanh nghiệp tham gia hội chợ quốc tế",
                "Làm tốt công tác bảo hộ công dân",
                "Rút ngắn thời gian xử lý hồ sơ",
            ],
        ),
        (
            "achievement",
            [
                "Đối ngoại cấp cao. Tỉnh đón 12 đoàn lãnh đạo cấp cao các nước",
                "Xúc tiến đầu tư. Thu hút 20 dự án FDI mới",
            ],
        ),
    ]


# --- a count stated a sentence before the lead-in --------------------------------------------------


def test_a_count_a_sentence_before_the_lead_in_counts_the_list():
    text = (
        "Thủ tướng nêu 3 nhiệm vụ trọng tâm năm 2025. Trong đó, ngành cần đặc biệt chú ý tới hiệu quả thực chất.\n\n"
        "Thứ nhất, hỗ trợ doanh nghiệp ứng phó với thuế quan.\n\nThứ hai, đa dạng hóa thị trường xuất khẩu.\n\n"
        "Thứ ba, thu hút đầu tư công nghệ cao."
    )
    [found] = lists_in(text)
    assert (found.kind, found.announced_count, found.target_year) == ("priority", 3, 2025)


def test_another_count_a_sentence_before_does_not():
    text = (
        "Năm qua ngành đạt 5 kết quả nổi bật. Năm nay, Bộ trưởng nhấn mạnh một số việc.\n\n"
        "Thứ nhất, hỗ trợ doanh nghiệp ứng phó với thuế quan.\n\nThứ hai, đa dạng hóa thị trường xuất khẩu."
    )
    [found] = lists_in(text)
    assert (found.kind, found.announced_count) == ("priority", None)


# --- an interview's answer: the question leads in -------------------------------------------------


def test_an_answer_opening_with_its_speakers_label_is_led_in_by_the_question():
    text = (
        "Phóng viên: Xin Thứ trưởng điểm lại những kết quả nổi bật của ngoại giao kinh tế năm qua?\n\n"
        "Thứ trưởng Nguyễn Minh Hằng: Thứ nhất, quan hệ với nhiều đối tác lớn lên tầm cao mới. Thứ hai, thị trường "
        "xuất khẩu mở rộng sang Trung Đông, châu Phi. Thứ ba, nhiều tập đoàn công nghệ lớn chọn Việt Nam."
    )
    [found] = lists_in(text)
    assert (found.kind, len(found.items)) == ("achievement", 3)
    assert found.items[0].text == "quan hệ với nhiều đối tác lớn lên tầm cao mới"


def test_the_question_before_an_answers_list_gives_its_year_and_kind():
    text = (
        "PV: Năm 2025, ngành sẽ tập trung vào những nhiệm vụ gì?\n\nThứ trưởng: Một là, hỗ trợ doanh nghiệp ứng phó "
        "với thuế quan. Hai là, thúc đẩy các FTA mới. Ba là, thu hút đầu tư vào bán dẫn."
    )
    [found] = lists_in(text, date="2024-12-28")
    assert (found.kind, found.target_year, len(found.items)) == ("priority", 2025, 3)


# --- the first item named by its noun ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Từ thực tiễn, Bộ trưởng rút ra ba bài học. Bài học đầu tiên là phải bám sát chỉ đạo của Trung ương. "
            "Bài học thứ hai là phải lấy doanh nghiệp làm trung tâm. Bài học thứ ba là phải phối hợp chặt chẽ.",
            "lesson",
        ),
        (
            "Năm 2025 có hai việc lớn.\n\nNhiệm vụ đầu tiên là hỗ trợ doanh nghiệp ứng phó thuế quan.\n\n"
            "Nhiệm vụ thứ hai là mở rộng thị trường xuất khẩu.",
            "priority",
        ),
    ],
)
def test_a_run_whose_first_item_is_named_by_its_noun_and_dau_tien(text, kind):
    [found] = lists_in(text)
    assert found.kind == kind and found.announced_count == len(found.items)
    assert found.items[0].text.startswith(("phải bám sát", "hỗ trợ doanh nghiệp"))


def test_a_first_time_is_no_first_item():
    assert lists_in("Đây là lần đầu tiên hội nghị được tổ chức. Lần thứ hai sẽ diễn ra năm sau.") == []


def test_dash_headings_each_over_a_paragraph_are_one_list_but_two_bullet_runs_apart_stay_two():
    text = (
        "Tổng Bí thư nêu các nhiệm vụ trọng tâm của ngành:\n\n- Đổi mới tư duy đối ngoại\n\n"
        "Ngành cần nắm chắc xu thế, dự báo sớm diễn biến.\n\n- Phát huy vai trò tiên phong của ngoại giao kinh tế\n\n"
        "Các cơ quan đại diện coi hỗ trợ doanh nghiệp là nhiệm vụ trung tâm.\n\nHội nghị kết thúc cùng ngày."
    )
    [found] = lists_in(text)
    assert [item.text for item in found.items] == [
        "Đổi mới tư duy đối ngoại\n\nNgành cần nắm chắc xu thế, dự báo sớm diễn biến",
        "Phát huy vai trò tiên phong của ngoại giao kinh tế\n\nCác cơ quan đại diện coi hỗ trợ doanh nghiệp là nhiệm vụ trung tâm",
    ]
    apart = (
        "Năm 2025, Sở cần 2 nhiệm vụ:\n\n- Mở rộng thị trường\n\n- Thu hút đầu tư\n\nĐây là hai việc lớn.\n\n"
        "- Hội chợ Halal\n\n- Diễn đàn doanh nghiệp"
    )
    assert [len(found.items) for found in lists_in(apart)] == [2, 2]


def test_a_run_opened_by_truoc_het_goes_on_with_tiep_do_and_ke_den():
    text = (
        "Kết luận hội nghị, Bộ trưởng Nguyễn Hồng Diên đề nghị các đơn vị tập trung làm tốt mấy việc. Trước hết là "
        "đổi mới phương thức xúc tiến, chuyển mạnh sang nền tảng số. Tiếp đó là hỗ trợ doanh nghiệp đáp ứng các "
        "tiêu chuẩn xanh. Kế đến là mở thêm văn phòng xúc tiến ở châu Phi."
    )
    assert kinds_and_items(text) == [
        (
            "priority",
            [
                "đổi mới phương thức xúc tiến, chuyển mạnh sang nền tảng số",
                "hỗ trợ doanh nghiệp đáp ứng các tiêu chuẩn xanh",
                "mở thêm văn phòng xúc tiến ở châu Phi",
            ],
        )
    ]


def test_ben_canh_do_is_a_runs_second_item_when_cuoi_cung_closes_it():
    text = (
        "Thứ trưởng Nguyễn Minh Vũ: Năm 2025, chúng tôi sẽ tập trung vào mấy hướng chính. Trước hết, gắn kết ngoại "
        "giao kinh tế với yêu cầu tăng trưởng của các địa phương. Bên cạnh đó, tận dụng tốt các hiệp định thương mại "
        "tự do, mở thêm thị trường cho nông sản chế biến. Cuối cùng, vận động các tập đoàn công nghệ cao đầu tư vào "
        "Việt Nam."
    )
    assert kinds_and_items(text) == [
        (
            "priority",
            [
                "gắn kết ngoại giao kinh tế với yêu cầu tăng trưởng của các địa phương",
                "tận dụng tốt các hiệp định thương mại tự do, mở thêm thị trường cho nông sản chế biến",
                "vận động các tập đoàn công nghệ cao đầu tư vào Việt Nam",
            ],
        )
    ]
    # without "Cuối cùng", "Bên cạnh đó" is any paragraph's link word, and no run goes on with it
    unclosed = text[: text.index(" Cuối cùng")]
    assert kinds_and_items(unclosed) == []
    # nor after a run's second item: "Thứ nhất, ... Thứ hai, ... Bên cạnh đó, ..."
    counted = (
        "Năm 2024 ngành có 2 kết quả nổi bật. Thứ nhất là mới về cách tiếp cận. Thứ hai là mới về phương thức.\n\n"
        "Bên cạnh đó, công tác ngoại giao kinh tế vẫn còn một số hạn chế. Cuối cùng, xin cảm ơn các đại biểu."
    )
    assert [len(items) for _, items in kinds_and_items(counted)] == [2]


def test_tiep_do_opens_no_run_of_its_own():
    text = (
        "Hội nghị nghe báo cáo tổng kết năm của Cục Xúc tiến thương mại. Tiếp đó là phần thảo luận của các "
        "Thương vụ. Kế đến là phần phát biểu của lãnh đạo Bộ."
    )
    assert kinds_and_items(text) == []


def test_a_counted_list_one_item_short_splits_its_last_piece_at_its_and():
    text = (
        "Bộ trưởng cho biết, năm 2025 ngành sẽ tập trung 4 nhóm giải pháp gồm: nâng cao năng lực cạnh tranh của hàng "
        "xuất khẩu; đẩy mạnh khai thác các FTA; tăng cường phòng vệ thương mại và hoàn thiện hạ tầng logistics."
    )
    assert kinds_and_items(text) == [
        (
            "priority",
            [
                "nâng cao năng lực cạnh tranh của hàng xuất khẩu",
                "đẩy mạnh khai thác các FTA",
                "tăng cường phòng vệ thương mại",
                "hoàn thiện hạ tầng logistics",
            ],
        )
    ]


@pytest.mark.parametrize(
    "last",
    [
        "mở rộng xuất khẩu nông sản và thủy sản",  # "và" joins two words of one item
        "tăng cường phòng vệ thương mại",  # no "và" to split at
    ],
)
def test_a_counted_list_one_item_short_keeps_a_last_piece_that_joins_no_two_items(last):
    text = (
        "Bộ trưởng cho biết, năm 2025 ngành sẽ tập trung 4 nhóm giải pháp gồm: nâng cao năng lực cạnh tranh của hàng "
        f"xuất khẩu; đẩy mạnh khai thác các FTA; {last}."
    )
    assert [items[-1] for _, items in kinds_and_items(text)] == [last]


def test_items_spoken_after_trong_do_in_one_sentence_are_a_list_not_a_directive():
    text = (
        "Cũng tại hội nghị, Bộ trưởng nhắc lại 3 bài học lớn, trong đó bài học đầu tiên là phải bám sát thị "
        "trường, bài học thứ hai là phải lấy doanh nghiệp làm trung tâm."
    )
    doc = extract(doc_from(text, "2025-01-03"))
    assert [(found.kind, [item.text for item in found.items]) for found in doc.lists] == [
        ("lesson", ["phải bám sát thị trường", "phải lấy doanh nghiệp làm trung tâm"])
    ]
    assert doc.directives == ()


# --- a request after a ';' list is the sentence's next clause ----------------------------------


def test_a_request_after_the_pieces_is_no_item_of_them():
    """gen-dir10's note: "... ba trụ cột: A - B - C; đề nghị Đảng ủy ..." stored the request as the
    list's second item, and lost it as a directive."""
    text = (
        "Sáng 10/3/2026, Tổng Bí thư Tô Lâm làm việc với Ban Thường vụ Đảng ủy Bộ Ngoại giao.\n\n"
        "Tổng Bí thư chỉ rõ tầm quan trọng của ngoại giao trong giai đoạn mới với ba trụ cột: ngoại giao chính"
        " trị - ngoại giao kinh tế - ngoại giao văn hóa; đề nghị Đảng ủy Bộ Ngoại giao tập trung nâng cao chất"
        " lượng công tác nghiên cứu, dự báo chiến lược."
    )
    found = extract(doc_from(text))
    assert [list(found.items) for found in found.lists] == []
    assert [d.text for d in found.directives] == [
        "Đảng ủy Bộ Ngoại giao tập trung nâng cao chất lượng công tác nghiên cứu, dự báo chiến lược"
    ]


def test_a_list_of_requests_stays_a_list():
    text = (
        "Bộ Công Thương nêu ba kiến nghị: đề nghị Chính phủ sớm ban hành cơ chế hỗ trợ xuất khẩu; đề nghị các"
        " bộ rút ngắn thủ tục cấp phép đầu tư; đề nghị các địa phương dành quỹ đất cho khu công nghiệp."
    )
    [(kind, items)] = kinds_and_items(text)
    assert len(items) == 3 and items[0].startswith("đề nghị Chính phủ")
