"""Directives in running text, round 11: pages in the shapes of real press pages read this session
(the `pages` corpus, 2010-2025), each written for these tests in our own words
(tests/data/unseen/gd11_*). What they try: the verb of asking with a comma after it, an asker
with a title in apposition ("Phó Thủ tướng ..., Trưởng Ban Chỉ đạo ..., yêu cầu ..."), the head of
a ministry named by office, a source "Theo chỉ đạo của ...", a paragraph that goes on verb first
after a connective ("Cùng với đó, khẩn trương ...", "Đồng thời kết nối ..."), a body handed its task
after a request, and the false friends beside them: the delegates' proposals going on ("Nhiều ý
kiến đề xuất ... . Đồng thời, cần ..."), what the situation demands, what was done, thanks and
pledges, a business chairman's and a foreign guest's requests. Each directive is checked whole: its speaker, its target year and its exact text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"

EXPECTED = {
    # "yêu cầu, mỗi Trưởng Cơ quan đại diện cần ...": the verb of asking with a comma after it; "nhấn mạnh, các
    # Trưởng Cơ quan đại diện phải “...”; giữ ...": the quoted demand and the one after its ';'
    "gd11_asks_comma_each_head.txt": [
        (
            "Phạm Minh Chính",
            2023,
            "mỗi Trưởng Cơ quan đại diện cần coi ngoại giao kinh tế phục vụ phát triển là một ưu tiên cao trong suốt"
            " nhiệm kỳ công tác",
        ),
        ("Phạm Minh Chính", 2023, "phải “biết mình, biết người”"),
        (
            "Phạm Minh Chính",
            2023,
            "giữ mối liên hệ thường xuyên với các bộ, ngành, địa phương để cùng làm tốt công tác xúc tiến đầu tư",
        ),
    ],
    # what a business's chairman asks ("Ông Long kiến nghị Chính phủ ...", "Ông cũng kiến nghị ...") is his proposal;
    # the Prime Minister's request, and "Một trong số đó, là ..." after what he says could be done better, are his
    "gd11_business_asks_then_pm.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "các bộ, ngành khẩn trương xử lý dứt điểm các kiến nghị của doanh nghiệp trong tháng 10",
        ),
        ("Phạm Minh Chính", 2025, "tham gia tích cực hơn vào xây dựng chính sách"),
    ],
    # a request, and the next paragraph going on with it verb first after "Cùng với đó,"
    "gd11_carried_cung_voi_do.txt": [
        (
            "Nguyễn Hồng Diên",
            2023,
            "các bộ, ngành, địa phương tiếp tục quán triệt chủ trương của lãnh đạo hai nước về hợp tác kinh tế toàn"
            " diện",
        ),
        (
            "Nguyễn Hồng Diên",
            2023,
            "khẩn trương đánh giá việc thực hiện các giải pháp tăng cường hợp tác thương mại ở khu vực biên giới",
        ),
    ],
    # the Deputy Prime Minister, named by title with an apposition before the verb, asks; a source after him
    # ("Theo chỉ đạo của Phó Thủ tướng, ...") is his too, not the official who reported before
    "gd11_chair_apposition_asks.txt": [
        ("Trần Hồng Hà", 2024, "các bộ, ngành rà soát ngay các cam kết chưa được thực thi đầy đủ"),
        ("Trần Hồng Hà", 2024, "phải công bố danh mục dự án kêu gọi đầu tư trước ngày 30/6/2024"),
    ],
    # what the delegates propose, and the demand that goes on with it ("Đồng thời, cần ..."), are theirs: none
    "gd11_delegates_then_also.txt": [],
    # a wish and a request of an envoy's: "Đồng chí mong muốn các Đại sứ ...", "ông Tô Anh Dũng đề nghị tỉnh ...";
    # the departments' requests to the envoys, already made ("đã kiến nghị"), are none
    "gd11_province_wish_envoy_asks.txt": [
        ("Đặng Trọng Thăng", 2017, "các Đại sứ quan tâm giới thiệu nhà đầu tư nước ngoài đến với Thái Bình"),
        ("Tô Anh Dũng", 2017, "tỉnh sớm thành lập Sở Ngoại vụ để kết nối thường xuyên với các cơ quan đại diện"),
    ],
    # "Các Đại sứ cũng cần ...", "Bên cạnh đó, các Đại sứ cần ..." after the Prime Minister's request, and a sentence
    # going on verb first ("Làm tốt hơn nữa ...")
    "gd11_envoys_in_role_and_more.txt": [
        (
            "Nguyễn Tấn Dũng",
            2010,
            "các Đại sứ, trong vai trò sứ giả của đất nước, cần nhất quán phương châm việc gì có lợi cho đất nước thì"
            " hết sức làm",
        ),
        ("Nguyễn Tấn Dũng", 2010, "cần lan tỏa thông điệp hòa bình, hữu nghị của Việt Nam tới bạn bè quốc tế"),
        (
            "Nguyễn Tấn Dũng",
            2010,
            "cần dành nhiều công sức hơn cho ngoại giao kinh tế, nhất là mở rộng thị trường cho hàng hóa Việt Nam",
        ),
        ("Nguyễn Tấn Dũng", 2010, "Làm tốt hơn nữa công tác cộng đồng người Việt ở nước ngoài"),
    ],
    # "..., ông nói." after the demand, "Ông yêu cầu ..."; what the envoys do and pledge is none
    "gd11_he_said_after.txt": [
        ("Nguyễn Xuân Phúc", 2017, "phải đặc biệt chú trọng thúc đẩy hợp tác kinh tế, thương mại"),
        (
            "Nguyễn Xuân Phúc",
            2017,
            "các nhà ngoại giao kịp thời kiến nghị với Đảng, Nhà nước các giải pháp thúc đẩy sản xuất và xuất khẩu",
        ),
    ],
    # "Đồng thời, cần ..." goes on with the sentence before: the Prime Minister's words when he said it ("Các doanh
    # nghiệp là lực lượng nòng cốt ..., Thủ tướng nhấn mạnh."), the delegates' when they proposed it ("Nhiều ý kiến
    # đề xuất ...")
    "gd11_leader_then_delegates_also.txt": [
        ("Phạm Minh Chính", 2025, "cần tạo mọi điều kiện để doanh nghiệp vươn ra thị trường thế giới"),
    ],
    # what foreign guests ask of a province ("Đại sứ Keijo Norvanto đề nghị tỉnh ...", "ông Mikazuki Taizo mong tỉnh
    # ...") is theirs, whose names are no Vietnamese names; the province chairman's request is one
    "gd11_foreign_guests_ask_province.txt": [
        ("Trương Quốc Huy", 2023, "Sở Ngoại vụ phối hợp chặt chẽ với hai đoàn để chuẩn bị các dự án cụ thể"),
    ],
    # the head of the ministry named by office asks; a director's results are none
    "gd11_head_of_ministry_asks.txt": [
        (
            "Bùi Thanh Sơn",
            2024,
            "các Sở Ngoại vụ phối hợp chặt chẽ hơn với các cơ quan đại diện trong xúc tiến đầu tư",
        ),
    ],
    # answers put with "Theo tôi, ..." and "Chúng ta phải ..." are the interviewee's; the questions are none
    "gd11_interview_theo_toi.txt": [
        (
            "Nguyễn Minh Hằng",
            2025,
            "cần tập trung khai thông các thị trường mới như Trung Đông, châu Phi, Mỹ Latinh",
        ),
        ("Nguyễn Minh Hằng", 2025, "phải hỗ trợ doanh nghiệp nhanh hơn khi có tranh chấp thương mại ở nước ngoài"),
    ],
    # "Bộ trưởng cho biết, các địa phương cần ..." in December: for the next year; "Từ đó, ..." draws what follows
    # from it and is none of its own
    "gd11_minister_says_then_from_that.txt": [
        ("Bùi Thanh Sơn", 2024, "cần tranh thủ tối đa các xu hướng mới về chuyển đổi số, chuyển đổi xanh"),
    ],
    # a quotation over two paragraphs after "Bộ trưởng nhấn mạnh:" is his; a department committing ("ông Nam cho biết
    # Cục sẽ tập trung ...") is one of Vietnam's bodies; what the department did in 2024 is none
    "gd11_quote_then_department_commits.txt": [
        ("Bùi Thanh Sơn", 2025, "cần bám sát các chỉ tiêu phát triển kinh tế - xã hội của đất nước"),
        (
            "Bùi Thanh Sơn",
            2025,
            "phải biến các thỏa thuận đã ký thành dự án cụ thể, mang lại lợi ích thiết thực cho người dân",
        ),
        ("Trần Văn Nam", 2025, "tập trung hỗ trợ các địa phương tổ chức hoạt động xúc tiến ở nước ngoài"),
    ],
    # a resolution's request, and the bodies it hands tasks to in the paragraphs after it ("Theo đó, Bộ Ngoại giao
    # chỉ đạo ...", "Bộ Công Thương nắm chắc ..."); what the localities did is none
    "gd11_resolution_then_bodies.txt": [
        (
            "Chính phủ",
            2016,
            "các bộ, cơ quan, địa phương chủ động xây dựng chương trình hành động năm 2017 với tinh thần đổi mới",
        ),
        (
            "Chính phủ",
            2016,
            "Bộ Ngoại giao chỉ đạo các cơ quan đại diện đẩy mạnh vận động các đối tác công nhận quy chế kinh tế thị"
            " trường của Việt Nam",
        ),
        (
            "Chính phủ",
            2016,
            "Bộ Công Thương nắm chắc diễn biến thị trường thế giới, kịp thời cảnh báo các biện pháp phòng vệ thương"
            " mại",
        ),
    ],
    # what the situation demands ("đòi hỏi chúng ta phải ...") is none; "nêu rõ, để ..., các Đại sứ phải ..." and
    # "..., do đó các Đại sứ phải ..., Thủ tướng lưu ý." are his
    "gd11_states_so_then_must.txt": [
        ("Nguyễn Xuân Phúc", 2019, "phải nắm vững chủ trương, chính sách của Đảng và Nhà nước trên các lĩnh vực"),
        ("Nguyễn Xuân Phúc", 2019, "phải có kế hoạch công tác cụ thể cho từng năm"),
    ],
    # "Theo Bộ trưởng, ... hãy ...", and the next sentence going on verb first after "Đồng thời" with no comma
    "gd11_theo_minister_hay_and_then.txt": [
        ("Lê Minh Hoan", 2022, "hãy cởi mở tư duy, không bó mình trong cách làm cũ"),
        (
            "Lê Minh Hoan",
            2022,
            "kết nối, hợp tác chặt chẽ với các hiệp hội ngành hàng để mở rộng thị trường xuất khẩu",
        ),
    ],
    # a task handed to one department and a request to another after ';' in the Vice Chairman's conclusion
    "gd11_vice_chair_concludes.txt": [
        ("Lê Tuấn Quốc", 2018, "Sở Ngoại vụ chủ trì xây dựng kế hoạch hợp tác cụ thể với thành phố Padang"),
        ("Lê Tuấn Quốc", 2018, "Sở Công Thương chuẩn bị các sản phẩm tiêu biểu để trưng bày tại Padang"),
    ],
    # after the minister's request, a paragraph of figures the writer cites ("Theo số liệu của Tổng cục Hải quan, ...")
    # hands over to the writer's own analysis: "các doanh nghiệp Việt Nam cần ...", "người trồng phải ..." are none
    "gd11_writer_analysis_after_figures.txt": [
        (
            "Nguyễn Hồng Diên",
            2024,
            "các Thương vụ tăng cường thông tin về quy định nhập khẩu mới của Trung Quốc",
        ),
    ],
    # a year between the verb of asking and the demand, or opening it ("đề nghị, trong năm 2025, các Sở Ngoại vụ ...",
    # "yêu cầu trong năm tới các cơ quan đại diện phải ..."), is the year the demand is for; what was done is none
    "gd11_year_between_verb_and_demand.txt": [
        (
            "Lê Thị Thu Hằng",
            2025,
            "trong năm 2025, các Sở Ngoại vụ chủ động tham mưu cho lãnh đạo địa phương các chương trình xúc tiến đầu"
            " tư trọng điểm",
        ),
        (
            "Lê Thị Thu Hằng",
            2025,
            "phải kết nối nhiều hơn các địa phương với các tập đoàn công nghệ",
        ),
        ("Lê Thị Thu Hằng", 2024, "các địa phương khẩn trương hoàn thiện danh mục dự án kêu gọi đầu tư"),
    ],
    # a year opening a clause after who said it ("Theo Thủ tướng, năm 2026, các bộ, ngành phải ...") is the year the
    # demand is for; "Trong 6 tháng cuối năm" is this year's; what was done in 2024 is none
    "gd11_year_after_attribution.txt": [
        ("Phạm Minh Chính", 2025, "phải tập trung hỗ trợ doanh nghiệp giữ vững các thị trường xuất khẩu chủ lực"),
        (
            "Nguyễn Hồng Diên",
            2025,
            "các Thương vụ tăng cường cảnh báo sớm các vụ điều tra phòng vệ thương mại",
        ),
        ("Phạm Minh Chính", 2026, "phải chuẩn bị ngay từ bây giờ cho mục tiêu tăng trưởng hai con số"),
    ],
}


def test_every_gd11_page_has_its_reading():
    assert {page.name for page in UNSEEN.glob("gd11_*")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_directive_of_the_page_with_its_speaker_year_and_text(name):
    page = UNSEEN / name
    found = extract(build_document(page.read_bytes(), page.name)).directives
    assert [(d.speaker, d.target_year, d.text) for d in found] == EXPECTED[name]
