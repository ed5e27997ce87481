"""List shapes of real press and government pages that the realistic set lacks: what kind each
list is (results, tasks, purposes, grounds, shortcomings), document sections, bullets under
labels, comma lists. Every text is written for the test, in the shape of pages read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document
from ngkt_cli.models import Document

UNSEEN = Path(__file__).parent / "data" / "unseen"


def lists_in(text: str, date: str = "2025-01-15") -> list:
    body = "\n\n".join(p.strip() for p in text.strip().split("\n\n"))
    doc = Document(id="t", path="t.txt", title=None, body=body, date=date, date_source="user",
                   published=None, statement_year=int(date[:4]), byline=None)
    return list(extract(doc).lists)


def kinds_and_items(text: str) -> list[tuple[str, list[str]]]:
    return [(found.kind, [item.text for item in found.items]) for found in lists_in(text)]


# --- what kind of list: the lead-in's words, then the items' own -------------------------------

KINDS = [
    pytest.param(  # work reported done, whatever the lead-in's "nhiệm vụ" says
        "Thực hiện nhiệm vụ năm 2024, Sở Ngoại vụ đã hoàn thành các công việc sau:\n\n"
        "- Tham mưu tổ chức 12 đoàn công tác của lãnh đạo tỉnh.\n\n- Phối hợp đón 45 đoàn khách quốc tế.",
        "achievement", id="work-done"),
    pytest.param(
        "Các nhiệm vụ đã hoàn thành trong năm gồm: tổ chức Hội nghị gặp gỡ nhà đầu tư Hàn Quốc; "
        "đón đoàn Đại sứ các nước châu Âu; ra mắt cổng thông tin đối ngoại.",
        "achievement", id="tasks-completed"),
    pytest.param(  # figures that are targets, not results
        "Năm 2025, tỉnh phấn đấu đạt các chỉ tiêu chủ yếu sau:\n\n- Kim ngạch xuất khẩu đạt 3 tỷ USD, tăng 12%.\n\n"
        "- Thu hút 40 dự án FDI với tổng vốn 600 triệu USD.\n\n- Đón 250 nghìn lượt khách quốc tế, tăng 20%.",
        "priority", id="targets-with-figures"),
    pytest.param(
        "Trong 9 tháng, tỉnh ghi nhận:\n\n- Kim ngạch xuất khẩu ước đạt 2,1 tỷ USD, tăng 11% so với cùng kỳ.\n\n"
        "- Lượng khách quốc tế đạt 320 nghìn lượt, tăng 30%.",
        "achievement", id="figures-reported"),
    pytest.param(  # what a meeting is held for
        "Hội nghị nhằm:\n\n- Đánh giá kết quả hai năm thực hiện Chỉ thị 15-CT/TW.\n\n"
        "- Chia sẻ kinh nghiệm thu hút đầu tư của các địa phương.\n\n- Thống nhất giải pháp cho giai đoạn tới.",
        "agenda", id="meeting-purposes"),
    pytest.param(
        "Kế hoạch nhằm mục đích: nâng cao nhận thức của cán bộ về ngoại giao kinh tế; phát huy vai trò "
        "của doanh nghiệp; tăng cường phối hợp giữa các sở, ngành.",
        "other", id="plan-purposes"),
    pytest.param(  # a concession names what the list is not
        "Bên cạnh những kết quả đạt được, công tác ngoại giao kinh tế của tỉnh vẫn còn hạn chế: thu hút "
        "đầu tư chưa tương xứng tiềm năng; phối hợp giữa các sở có lúc chưa chặt chẽ; nhân lực còn thiếu.",
        "other", id="shortcomings-after-results"),
    pytest.param(
        "Theo dự báo của các tổ chức quốc tế, năm 2025 kinh tế thế giới sẽ: tăng trưởng chậm lại ở mức 2,7%; "
        "chịu tác động của thuế quan; đối mặt rủi ro lạm phát.",
        "other", id="forecast"),
    pytest.param(  # grounds for a hope, in the future tense
        "Năm nay khó khăn còn lớn, song có cơ sở để ngành xuất khẩu kỳ vọng về đích. Đó là nhu cầu cuối năm "
        "sẽ tăng mạnh; kinh tế thế giới đang dần hồi phục; hàng Việt ngày càng được tin dùng.",
        "other", id="grounds"),
    # negatives: the phrase nearest the list decides
    pytest.param(
        "Để phát huy kết quả đạt được, thời gian tới ngành cần: mở rộng thị trường xuất khẩu; thu hút "
        "đầu tư công nghệ cao; hỗ trợ doanh nghiệp nhỏ.",
        "priority", id="results-to-build-on-then-tasks"),
    pytest.param(
        "Tuy còn nhiều khó khăn, ngành đã đạt được kết quả: ký 20 thỏa thuận hợp tác; mở 3 thị trường mới; "
        "đón 50 đoàn nhà đầu tư.",
        "achievement", id="difficulties-conceded-then-results"),
    pytest.param(
        "Để khắc phục những hạn chế trên, thời gian tới cần: kiện toàn bộ máy; bồi dưỡng cán bộ; tăng kinh phí.",
        "priority", id="shortcomings-to-fix-then-tasks"),
    pytest.param(
        "Sau khi đã hoàn thành kế hoạch năm 2024, Bộ đề ra 3 nhiệm vụ cho năm 2025: mở rộng thị trường; "
        "thu hút đầu tư; hỗ trợ doanh nghiệp.",
        "priority", id="done-before-the-noun-then-tasks"),
]


@pytest.mark.parametrize("text, kind", KINDS)
def test_the_kind_of_a_list_comes_from_what_its_lead_in_says_nearest_the_items(text, kind):
    [found] = lists_in(text)
    assert found.kind == kind
    assert len(found.items) >= 2
