"""Directives in running text, round 12: pages in the shapes of real press pages read this session (the
`pages` corpus, 2016-2026: the government's and the Party's news sites, provincial portals, magazines,
interviews), each written for these tests in our own words (tests/data/unseen/gd12_*). What they try: a
request after a dash list in one dated lede sentence, the chair of a forum Vietnam hosts ("Chủ tịch SOM APEC
2017 ..."), a leader named after a place that ends in a family name's word, a demand said by "ông" and then
asked by "Ông", a quotation attributed after a dash, an interviewee printed in capitals, a chain of tasks
after one "phải", a body asked and then named again, a sentence going on verb first after "cần", what a
communiqué's request hands each minister, a deputy prime minister's assignments, and the false friends: what
an association's head says through "Theo ông ...", a scholar's view, thanks and results, a request or a wish
of a foreign envoy. Each directive is checked whole: its speaker, its target year and its exact
text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"

EXPECTED = {
    # "chỉ rõ ba trọng tâm ...: A - B - C; đề nghị các cơ quan đại diện ...": the request after the dash list of
    # a dated lede sentence is the minister's
    "gd12_dated_lede_list_then_asks.txt": [
        (
            "Bùi Thanh Sơn",
            2025,
            "các cơ quan đại diện chủ động phối hợp với các địa phương trong xúc tiến thương mại",
        ),
    ],
    # the chair of the year's APEC senior officials is Vietnam's deputy minister, no foreign leader
    "gd12_som_chair_asks.txt": [
        (
            "Bùi Thanh Sơn",
            2017,
            "các bộ, ngành khẩn trương hoàn thiện các sáng kiến của Việt Nam trước kỳ họp thứ hai",
        ),
    ],
    # "Chủ tịch UBND tỉnh Hòa Bình Bùi Văn Khánh" is Bùi Văn Khánh (not "Văn Khánh"); the steel firm's
    # director's proposal is none
    "gd12_steel_chair_then_governor.txt": [
        (
            "Bùi Văn Khánh",
            2024,
            "các sở, ngành rà soát toàn bộ kiến nghị của doanh nghiệp và trả lời trước ngày 30/7/2024",
        ),
    ],
    # "..., ông nói.", "Ông yêu cầu ...", "Thủ tướng cũng lưu ý sự cần thiết phải ..."; the envoys' pledge is none
    "gd12_he_said_then_he_asked.txt": [
        ("Nguyễn Xuân Phúc", 2020, "phải đặc biệt quan tâm thúc đẩy hợp tác kinh tế, thương mại"),
        (
            "Nguyễn Xuân Phúc",
            2020,
            "các Đại sứ thường xuyên kiến nghị với Đảng, Nhà nước các giải pháp thúc đẩy sản xuất và xuất khẩu",
        ),
        ("Nguyễn Xuân Phúc", 2020, "phải hỗ trợ cộng đồng người Việt ở nước ngoài giữ gìn tiếng Việt"),
    ],
    # a quotation attributed after a dash: "“...” - Tổng Bí thư nhấn mạnh."
    "gd12_dash_attributed_quote.txt": [
        ("Nguyễn Phú Trọng", 2017, "phải nắm vững chức năng, nhiệm vụ của mình"),
    ],
    # the interviewee printed in capitals after the question; what the situation demands is no directive
    "gd12_interview_caps_answer.txt": [
        ("Bùi Thanh Sơn", 2025, "cần góp phần đưa đất nước bắt kịp các xu thế mới về kinh tế số, kinh tế xanh"),
        ("Bùi Thanh Sơn", 2025, "phát huy sức mạnh mềm của dân tộc để nâng cao hình ảnh Việt Nam"),
    ],
    # "PV: ...? ¶ Thứ trưởng ...: ... Chúng ta cần ... . Đồng thời, chúng ta phải ..."
    "gd12_pv_answer_we_must.txt": [
        ("Nguyễn Quốc Dũng", 2018, "cần mở rộng thị trường xuất khẩu sang châu Phi và Mỹ Latinh"),
        ("Nguyễn Quốc Dũng", 2018, "phải tận dụng tốt hơn các hiệp định thương mại tự do đã ký"),
    ],
    # "khẳng định ngoại giao kinh tế phải A; B; C": one "phải", three tasks
    "gd12_affirms_chain_of_tasks.txt": [
        ("Bùi Thanh Sơn", 2018, "phải bám sát nhu cầu của từng ngành, từng vùng"),
        ("Bùi Thanh Sơn", 2018, "tận dụng các chuyến thăm cấp cao để thúc đẩy các thỏa thuận kinh tế lớn"),
        ("Bùi Thanh Sơn", 2018, "tranh thủ quan hệ chính trị tốt để tháo gỡ vướng mắc trong hợp tác"),
    ],
    # the body asked, named again at the start of the next paragraph with "phải"
    "gd12_party_committee_carried.txt": [
        (
            "Tô Lâm",
            2025,
            "Đảng ủy Bộ Ngoại giao tiếp tục phối hợp chặt chẽ với các ban, bộ, ngành, địa phương trong triển khai"
            " các nhiệm vụ đối ngoại",
        ),
        (
            "Tô Lâm",
            2025,
            "phải nắm chắc tình hình, nâng cao chất lượng công tác nghiên cứu, tham mưu chiến lược cho lãnh đạo Đảng"
            " và Nhà nước",
        ),
    ],
    # what the President asks or wishes of a foreign envoy ("Đại sứ" alone, the guest named before) is none
    "gd12_president_asks_foreign_envoys.txt": [],
    # "Các bộ, ngành ... cần A. Đổi mới, linh hoạt ... ¶ Cùng với đó, khắc phục ...; đẩy mạnh ... . Tăng cường ...":
    # each sentence going on verb first is one more demand (its ';' pieces one, as gd10_pm_envoys_also_need reads)
    "gd12_leader_stresses_then_bodies_need.txt": [
        ("Phạm Minh Chính", 2024, "cần kiên định triển khai đường lối đối ngoại của Đảng"),
        ("Phạm Minh Chính", 2024, "Đổi mới, linh hoạt hơn nữa công tác ngoại giao kinh tế"),
        ("Phạm Minh Chính", 2024, "khắc phục sự đứt gãy chuỗi cung ứng; đẩy mạnh phát triển xanh, phát triển số"),
        ("Phạm Minh Chính", 2024, "Tăng cường phối hợp giữa các bộ, ngành với doanh nghiệp"),
    ],
    # "tuyệt đối không được ...; do đó chúng ta phải ...": the prohibition belongs to the demand
    "gd12_noted_never_complacent.txt": [
        ("Phạm Minh Chính", 2022, "phải sẵn sàng ứng phó với mọi tình huống"),
    ],
    # a quotation closed by ", Thứ trưởng ... nói."
    "gd12_deputy_minister_said_quote.txt": [
        (
            "Bùi Thanh Sơn",
            2018,
            "cần thu hút thêm vốn đầu tư nước ngoài vào khoa học công nghệ và công nghiệp thông minh",
        ),
    ],
    # "Theo Phó Chủ tịch UBND tỉnh ..., các sở, ngành và doanh nghiệp cần ..."
    "gd12_theo_vice_chair_need.txt": [
        (
            "Trần Văn Vĩnh",
            2021,
            "cần chuẩn bị nội dung ngắn gọn, rõ ràng để buổi xúc tiến đạt hiệu quả cao",
        ),
    ],
    # the province's wish of Finland's ambassador ("mong muốn Đại sứ ...") and his pledge: none
    "gd12_province_hopes_foreign_envoy.txt": [],
    # "Vì vậy, tỉnh mong các Đại sứ ...": the province's wish of Vietnam's envoys, said by its leader
    "gd12_province_hopes_envoys.txt": [
        (
            "Lê Ngọc Hoa",
            2021,
            "các Đại sứ giới thiệu Nghệ An với các nhà đầu tư nước ngoài, nhất là trong công nghiệp chế biến",
        ),
    ],
    # an association's vice-chairman proposes, and "Theo ông Cẩm, doanh nghiệp cần ..." is his view too: none
    "gd12_association_asks_none.txt": [],
    # a scholar's view and proposal: none
    "gd12_scholar_view_none.txt": [],
    # what was done, thanks and wishes of good health: none
    "gd12_results_thanks_none.txt": [],
    # a deputy minister's request of the province, and his wish that the province's businesses act
    "gd12_mong_muon_businesses_after_envoy.txt": [
        ("Tô Anh Dũng", 2017, "tỉnh sớm thành lập Sở Ngoại vụ để thường xuyên kết nối thông tin với các đại sứ quán"),
        ("Tô Anh Dũng", 2017, "các doanh nghiệp của tỉnh tích cực đào tạo nguồn nhân lực biết ngoại ngữ"),
    ],
    # a communiqué: "yêu cầu Bộ trưởng A chỉ đạo ...; Bộ trưởng B chỉ đạo ...": both ministers' tasks are the
    # Prime Minister's request
    "gd12_requested_with_colon_tasks.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "Bộ trưởng Bộ Công Thương chỉ đạo các thương vụ tăng cường cung cấp thông tin thị trường cho doanh nghiệp",
        ),
        (
            "Phạm Minh Chính",
            2025,
            "Bộ trưởng Bộ Ngoại giao chỉ đạo các cơ quan đại diện hỗ trợ xử lý các vụ việc phòng vệ thương mại",
        ),
    ],
    "gd12_general_secretary_points_out_more.txt": [
        ("Nguyễn Phú Trọng", 2017, "cần có bản lĩnh vững vàng và tự tin"),
        ("Nguyễn Phú Trọng", 2017, "phải xây dựng cơ quan đại diện thực sự là hình ảnh thu nhỏ của đất nước"),
    ],
    # a deputy prime minister's conclusions: "giao Bộ Công Thương chủ trì ... ¶ Bộ Ngoại giao chỉ đạo ..."
    "gd12_notice_deputy_pm_assigns.txt": [
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Công Thương chủ trì, phối hợp với Bộ Ngoại giao xây dựng đề án phát triển thị trường châu Phi, trình"
            " Thủ tướng trong quý III/2024",
        ),
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Ngoại giao chỉ đạo các cơ quan đại diện tại châu Phi cung cấp thông tin về nhu cầu nhập khẩu của"
            " nước sở tại",
        ),
    ],
    # "cần A; tiếp tục B, xác định rõ C", then "Thủ tướng giao các cơ quan liên quan ..."
    "gd12_pm_stresses_need_chain.txt": [
        ("Phạm Minh Chính", 2023, "cần bám sát các chủ trương của Đảng"),
        ("Phạm Minh Chính", 2023, "tiếp tục phát huy bản sắc ngoại giao cây tre, xác định rõ trọng tâm, trọng điểm"),
        (
            "Phạm Minh Chính",
            2023,
            "các cơ quan liên quan tiếp thu, xử lý các kiến nghị của doanh nghiệp theo thẩm quyền",
        ),
    ],
    # a request with no addressee in the summary above the dateline
    "gd12_sapo_asks_without_addressee.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "tiếp tục thích ứng chủ động, linh hoạt với tình hình mới về thương mại, đầu tư quốc tế",
        ),
    ],
    # an instrument asks in its issuer's name: "Nghị quyết yêu cầu ...", "Theo Nghị quyết, ... phải ..." are the
    # Government's, which issued it; what was done under the one before is none
    "gd12_resolution_asks_bodies.txt": [
        (
            "Chính phủ",
            2024,
            "các bộ, ngành, địa phương tập trung khai thác hiệu quả các hiệp định thương mại tự do đã ký",
        ),
        ("Chính phủ", 2024, "phải chủ động tìm kiếm thị trường mới cho hàng Việt Nam"),
    ],
    # "Công điện đề nghị Bộ trưởng Bộ Ngoại giao chỉ đạo ...": the Prime Minister signed it; the directive of the
    # Secretariat recalled after it ("đã xác định") is none
    "gd12_dispatch_signed_asks.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "Bộ trưởng Bộ Ngoại giao chỉ đạo các cơ quan đại diện theo dõi sát diễn biến chính sách thương mại của"
            " nước sở tại",
        ),
    ],
    # "Nhấn mạnh ... phải A, Thủ tướng cho rằng đây là nhiệm vụ rất khó nên cần B": B from its modal, the clause
    # naming the speaker no part of it
    "gd12_framed_then_thinks_so_needs.txt": [
        ("Nguyễn Xuân Phúc", 2016, "phải góp phần giữ vững môi trường hòa bình"),
        ("Nguyễn Xuân Phúc", 2016, "cần kiên trì phương châm dĩ bất biến, ứng vạn biến"),
    ],
    # a ministry's department says what the ministry and the others will do: the ministry's commitment
    "gd12_department_says_ministry_will.txt": [
        (
            "Bộ Công Thương",
            2026,
            "tiếp tục đồng bộ các giải pháp hỗ trợ doanh nghiệp xuất khẩu, xử lý kịp thời các vướng mắc phát sinh",
        ),
    ],
    # "Về phía Bộ Ngoại giao, ...": Vietnam's own side, no partner's; the ministry's commitment
    "gd12_ministry_side_will_support.txt": [
        ("Tô Anh Dũng", 2022, "tiếp tục hỗ trợ tỉnh kết nối với các đối tác nước ngoài trong năm 2022"),
    ],
    # an envoy's answer: the embassy's commitment, and "Chúng tôi cũng sẽ chủ động phối hợp ..."
    "gd12_envoy_interview_we_will.txt": [
        ("Phạm Quang Hiệu", 2024, "tập trung thúc đẩy các dự án ODA thế hệ mới"),
        ("Phạm Quang Hiệu", 2024, "chủ động phối hợp với các địa phương tổ chức xúc tiến đầu tư tại Nhật Bản"),
    ],
    # "Người đứng đầu Bộ Ngoại giao" is the Foreign Minister, and the service's staff commit ("các cán bộ ngoại
    # giao sẽ tiếp tục ..."); "trong đó nhấn mạnh, ngành phải A. Đồng thời phải B"
    "gd12_head_of_ministry_staff_will.txt": [
        (
            "Phạm Bình Minh",
            2015,
            "tiếp tục chủ động, sáng tạo để phát huy sức mạnh dân tộc, mang lại lợi thế phát triển cho đất nước",
        ),
        ("Nguyễn Tấn Dũng", 2015, "phải phục vụ đắc lực mục tiêu tăng trưởng"),
        ("Nguyễn Tấn Dũng", 2015, "phải củng cố môi trường hòa bình với các nước láng giềng"),
    ],
    # a partner's premier with a name that reads as Vietnamese, named again as "Ông Lý Cường": his proposal is
    # none; the Prime Minister's request stays
    "gd12_partner_premier_named_again.txt": [
        (
            "Phạm Minh Chính",
            2024,
            "các bộ, ngành hai nước sớm hoàn tất thủ tục mở cửa cho sầu riêng đông lạnh",
        ),
    ],
    # the same lede with what was done before the ';' in place of the list
    "gd12_dated_lede_results_then_asks.txt": [
        (
            "Bùi Thanh Sơn",
            2025,
            "các cơ quan đại diện chủ động phối hợp với các địa phương trong xúc tiến đầu tư",
        ),
    ],
    # a notice that carries a leader's conclusions speaks for him: "Văn phòng Chính phủ ban hành Thông báo ... kết
    # luận của Phó Thủ tướng ... ¶ Thông báo nêu rõ, ... cần ... ¶ Thông báo yêu cầu ..."
    "gd12_notice_carries_conclusions.txt": [
        (
            "Trần Lưu Quang",
            2024,
            "cần khẩn trương hoàn thiện cơ chế phối hợp trong hỗ trợ doanh nghiệp xuất khẩu",
        ),
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Ngoại giao chỉ đạo các cơ quan đại diện hỗ trợ doanh nghiệp xử lý các vụ kiện phòng vệ thương mại",
        ),
    ],
}


def test_every_gd12_page_has_its_reading():
    assert {page.name for page in UNSEEN.glob("gd12_*")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_directive_of_the_page_with_its_speaker_year_and_text(name):
    page = UNSEEN / name
    found = extract(build_document(page.read_bytes(), page.name)).directives
    assert [(d.speaker, d.target_year, d.text) for d in found] == EXPECTED[name]
