"""Directives on whole pages in the shapes of real press pages read this session: a Prime
Minister's conference whose asker goes on asking paragraph after paragraph, a ministry's
recommendations to another, a province receiving envoys, a conclusion notice handing out tasks
sentence by sentence, a quotation attributed after it closes, headlines under the byline, envoys
meeting businesses. Every page is written for these tests (tests/data/unseen/dir_*), in the shapes
read; each directive is checked by its speaker, its year and its first six words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"

EXPECTED = {
    "dir_pm_conference_carried_speaker.txt": [
        ("Phạm Minh Chính", 2024, "tiếp tục bám sát diễn biến"),
        ("Phạm Minh Chính", 2024, "các bộ, ngành, địa phương và"),
        ("Phạm Minh Chính", 2024, "tập trung ưu tiên thu hút"),
        ("Phạm Minh Chính", 2024, "phải tích cực tìm kiếm thị"),
        ("Phạm Minh Chính", 2024, "hỗ trợ doanh nghiệp xử lý"),
        ("Phạm Minh Chính", 2024, "phải coi hợp tác kinh tế"),
        ("Phạm Minh Chính", 2024, "phải chăm lo cộng đồng người"),
        ("Phạm Minh Chính", 2024, "các Đại sứ thường xuyên đưa"),
        ("Phạm Minh Chính", 2024, "mỗi Trưởng Cơ quan đại diện"),
    ],
    "dir_ministry_recommends.txt": [
        ("Lê Văn Hòa", 2023, "các Đại sứ, Tổng lãnh sự"),
        ("Bộ Công Thương", 2023, "các tỉnh biên giới nâng cao"),
        ("Bộ Công Thương", 2023, "thường xuyên trao đổi thông tin"),
        ("Bộ Công Thương", 2023, "Bộ Nông nghiệp và Phát triển"),
        ("Trần Quốc Minh", 2023, "cần phối hợp chặt chẽ trong"),
        ("Trần Quốc Minh", 2023, "bảo đảm truy xuất nguồn gốc"),
        ("Nguyễn Thị Thu", 2023, "tiếp tục đồng hành với doanh"),
    ],
    "dir_province_receives_envoys.txt": [
        ("Trần Minh Quang", 2022, "tỉnh sớm hoàn thiện bộ tài"),
        ("Nguyễn Văn Tâm", 2022, "cần chuẩn bị kỹ danh mục"),
    ],
    "dir_conclusion_notice.txt": [
        ("Thủ tướng Chính phủ", 2026, "cần quán triệt sâu sắc chủ"),
        ("Thủ tướng Chính phủ", 2026, "Bộ Ngoại giao chủ trì, phối"),
        ("Thủ tướng Chính phủ", 2026, "Bộ Tài chính nghiên cứu, đề"),
        ("Thủ tướng Chính phủ", 2026, "Các cơ quan đại diện Việt"),
        ("Thủ tướng Chính phủ", 2026, "Ủy ban nhân dân các tỉnh,"),
    ],
    "dir_quote_attributed_after.txt": [
        ("Trần Văn Khải", 2019, "cần chủ động học hỏi kinh"),
        ("Trần Văn Khải", 2019, "cần làm việc với tinh thần"),
        ("Trần Văn Khải", 2019, "phải kịp thời cung cấp thông"),
    ],
    "dir_headlines_under_byline.txt": [
        ("Bùi Thanh Sơn", 2024, "các đơn vị tập trung tháo"),
    ],
    "dir_envoys_meet_business.txt": [
        ("Lê Hoài Nam", 2023, "cần kịp thời thông tin tới"),
        ("Lê Hoài Nam", 2023, "hỗ trợ doanh nghiệp kiểm tra"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_directive_of_the_page_with_its_speaker_and_year(name):
    page = UNSEEN / name
    found = extract(build_document(page.read_bytes(), page.name)).directives
    assert [(d.speaker, d.target_year, " ".join(d.text.split()[:6])) for d in found] == EXPECTED[name]
