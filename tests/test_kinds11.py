"""Which enumerated lists are priorities, on pages in the shapes of real press pages
(tests/data/unseen/gk11_*, written for these tests): another forum's chair's priorities, a partner's
commitments or strategy, a firm's plans, a study's or an institute's proposals, shortcomings and
their causes, a year's tasks told after it (or at its December review), agreements handed over and
figures reported are not priorities; tasks whose lead-in names no kind take it from the question an
interview put, a short title above, the headline's count or a leader's "lưu ý"; a meeting's or
talks' topics are their agenda; lists with no marker ("rút ra ba bài học:" over plain paragraphs,
"Đó là A, B và C", "như A; B; C") are found when their lead-in says a kind. Each page lists every
list it holds with its kind, count, year and exact items."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lists_read

UNSEEN = Path(__file__).parent / "data" / "unseen"

# page: [(kind, announced count, target year, items), ...] in reading order
PAGES = {
    # "Với tư cách Chủ tịch ASEAN năm 2025, Malaysia theo đuổi ba ưu tiên: ..." is the chair's; what
    # Vietnam will focus on stays a priority
    "gk11_asean_chair_pursues_priorities.txt": [
        (
            "other",
            3,
            2025,
            [
                "tăng cường tính bao trùm của Cộng đồng ASEAN",
                "thúc đẩy tăng trưởng bền vững và kinh tế xanh",
                "mở rộng kết nối số giữa các nước thành viên",
            ],
        ),
        (
            "priority",
            3,
            2025,
            [
                "phối hợp chặt chẽ với Malaysia triển khai Tầm nhìn Cộng đồng ASEAN 2045",
                "chủ động đề xuất sáng kiến về chuyển đổi số và an ninh lương thực",
                "thúc đẩy nâng cấp Hiệp định thương mại hàng hóa ASEAN",
            ],
        ),
    ],
    # who attended is no list, a motto quoted whole neither; the congress's tasks are priorities
    "gk11_attendees_and_slogan.txt": [
        (
            "priority",
            3,
            2025,
            [
                "mở rộng quan hệ hữu nghị với các tỉnh của Lào",
                "thu hút các dự án ODA và phi chính phủ vào vùng miền Tây",
                "nâng cao năng lực tham mưu đối ngoại cho cán bộ trẻ",
            ],
        ),
    ],
    # "Năm 2025, Tổng công ty Thép Phương Nam đặt ra ba định hướng: ...": a firm's own plan
    "gk11_firm_sets_directions.txt": [
        (
            "other",
            3,
            2025,
            [
                "mở rộng hệ thống phân phối tại Đức và Ba Lan",
                "đầu tư dây chuyền luyện thép phát thải thấp",
                "đào tạo đội ngũ am hiểu quy định chống bán phá giá",
            ],
        ),
    ],
    # the answers' lead-ins ("Tôi muốn nhắc tới ba điểm", "Theo tôi có mấy hướng chính") name no
    # kind: the questions do ("đâu là những dấu ấn", "cần tập trung vào những việc gì")
    "gk11_interview_question_holds_the_cue.txt": [
        (
            "achievement",
            3,
            2025,
            [
                "quan hệ với 17 đối tác được nâng cấp, mở ra không gian hợp tác mới",
                "gần 350 thỏa thuận hợp tác được ký kết, phần lớn về kinh tế, khoa học công nghệ",
                "nhiều thị trường được mở cửa cho nông sản, góp phần đưa kim ngạch xuất nhập khẩu lập kỷ lục",
            ],
        ),
        (
            "priority",
            None,
            2026,
            [
                "cụ thể hóa các khuôn khổ quan hệ vừa nâng cấp bằng những dự án có sức lan tỏa",
                "tìm kiếm thị trường mới ở Trung Đông, châu Phi và Mỹ Latinh",
                "hỗ trợ địa phương và doanh nghiệp tận dụng các hiệp định thương mại tự do đã ký kết",
            ],
        ),
    ],
    # "Năm 2024, Sở tập trung triển khai bốn nhiệm vụ trọng tâm" told in January 2025: a review
    "gk11_january_review_of_last_years_tasks.txt": [
        (
            "achievement",
            4,
            2024,
            [
                "tham mưu tổ chức chuyến thăm của đoàn lãnh đạo tỉnh sang Vân Nam",
                "phối hợp tổ chức Hội chợ thương mại biên giới",
                "vận động hơn 2 triệu USD viện trợ phi chính phủ nước ngoài",
                "hoàn thành phân giới, cắm mốc bổ sung trên tuyến biên giới",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "mở rộng quan hệ với các địa phương của Lào và Thái Lan",
                "hỗ trợ doanh nghiệp tỉnh xúc tiến xuất khẩu chè và dược liệu",
                "nâng cao chất lượng thông tin đối ngoại",
            ],
        ),
    ],
    # "Hai nhà lãnh đạo ... cùng cho rằng cần tập trung vào các lĩnh vực: ...": both sides' view;
    # what our leader asks of the partner is ours
    "gk11_joint_outcome_leaders_agreed.txt": [
        (
            "other",
            None,
            2025,
            [
                "kinh tế số",
                "năng lượng sạch và lưới điện kết nối khu vực",
                "phát triển thế hệ mới các khu công nghiệp Việt Nam - Singapore",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "tạo điều kiện cho hàng nông sản Việt Nam vào thị trường",
                "hỗ trợ đào tạo nhân lực chất lượng cao",
                "khuyến khích quỹ đầu tư Singapore rót vốn vào hạ tầng",
            ],
        ),
    ],
    # experience drawn from five years, a forecast of the world, then the tasks for 2024
    "gk11_lessons_and_world_reading.txt": [
        (
            "lesson",
            None,
            2023,
            [
                "chỉ đạo phải sát sao, thống nhất từ trung ương tới địa phương",
                "ngoại giao kinh tế phải lấy hiệu quả thực chất làm thước đo",
                "sự phối hợp giữa các lực lượng đối ngoại là yếu tố quyết định",
            ],
        ),
        (
            "other",
            None,
            2023,
            [
                "tăng trưởng chậm lại",
                "chịu nhiều rủi ro từ cạnh tranh chiến lược",
                "chứng kiến sự dịch chuyển mạnh của chuỗi cung ứng",
            ],
        ),
        (
            "priority",
            None,
            2024,
            [
                "đổi mới phương thức xúc tiến",
                "theo dõi sát chính sách thương mại của các nước lớn",
                "hỗ trợ địa phương kết nối với các đối tác mới",
            ],
        ),
    ],
    # "các ưu tiên của Hàn Quốc ... là: ..." told by Korea's envoy; our ministry's two tasks
    "gk11_partner_priorities_named.txt": [
        (
            "other",
            3,
            2025,
            [
                "tăng đầu tư vào công nghiệp bán dẫn",
                "mở rộng hợp tác đào tạo nhân lực kỹ thuật",
                "thúc đẩy dự án điện gió ngoài khơi",
            ],
        ),
        (
            "priority",
            2,
            2025,
            [
                "hoàn thiện thủ tục cho các dự án đầu tư lớn",
                "hỗ trợ doanh nghiệp Việt tham gia chuỗi cung ứng của các tập đoàn Hàn Quốc",
            ],
        ),
    ],
    # "điểm lại 4 kết quả nổi bật. Đó là, ...", "ba hạn chế cần sớm khắc phục: ...", then "bốn việc"
    "gk11_pm_results_then_limits_then_tasks.txt": [
        (
            "achievement",
            4,
            2023,
            [
                "tư duy về ngoại giao kinh tế được đổi mới rõ nét",
                "nguồn lực bên trong và bên ngoài được kết hợp nhuần nhuyễn",
                "ngành góp phần xử lý các vấn đề toàn cầu như dịch bệnh, an ninh lương thực",
                "quan hệ kinh tế giữa doanh nghiệp, người dân và địa phương với đối tác được mở rộng",
            ],
        ),
        (
            "other",
            3,
            2023,
            [
                "công tác nghiên cứu, dự báo có lúc còn chậm",
                "sự phối hợp giữa các bộ, ngành với cơ quan đại diện chưa thật nhịp nhàng",
                "việc theo dõi, đôn đốc triển khai các thỏa thuận sau chuyến thăm còn chưa sát sao",
            ],
        ),
        (
            "priority",
            4,
            2024,
            [
                "bám sát diễn biến kinh tế thế giới để kịp thời tham mưu chính sách",
                "khai thác hiệu quả các hiệp định thương mại tự do đã ký kết, nhất là với các thị trường mới",
                "đẩy mạnh thu hút đầu tư vào bán dẫn, năng lượng sạch và chuyển đổi số",
                "nâng cao năng lực cán bộ làm ngoại giao kinh tế",
            ],
        ),
    ],
    # "Tính chung 11 tháng, toàn tỉnh:" ¶ "- Thu hút 28 dự án ...": figures of a period run
    "gk11_province_statistics_counts.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Thu hút 28 dự án FDI mới với tổng vốn đăng ký hơn 2,1 tỷ USD",
                "Đón hơn 3,5 triệu lượt khách quốc tế, tăng 40% so với cùng kỳ",
                "Ký kết 12 thỏa thuận hợp tác với các địa phương nước ngoài",
            ],
        ),
    ],
    # "Phiên họp đã tập trung thảo luận 2 vấn đề: thứ nhất, ...", "các đại biểu trao đổi sâu về các nội dung: ..."
    "gk11_session_discussed_two_issues.txt": [
        (
            "agenda",
            2,
            2024,
            [
                "đánh giá, dự báo tình hình kinh tế quốc tế và các xu hướng lớn của kinh tế khu vực",
                "đánh giá khách quan kết quả ngoại giao kinh tế từ đầu nhiệm kỳ đến nay, làm rõ nguyên nhân"
                " và các bài học kinh nghiệm",
            ],
        ),
        (
            "agenda",
            None,
            2024,
            [
                "triển vọng kinh tế thế giới năm tới",
                "xu thế đầu tư của các tập đoàn lớn vào khu vực",
                "các biện pháp cụ thể hóa nội hàm kinh tế trong những khuôn khổ quan hệ vừa được nâng cấp",
            ],
        ),
    ],
    # a study's "a. Những hạn chế", "b. Nguyên nhân", "c. Một số giải pháp": none is a priority
    "gk11_study_limits_causes_solutions.txt": [
        (
            "other",
            None,
            2024,
            [
                "Khung pháp lý về phân cấp, phối hợp giữa Sở Ngoại vụ với các sở, ngành còn thiếu cụ thể",
                "Nhận thức của một bộ phận cán bộ về vai trò của ngoại giao kinh tế chưa đầy đủ",
                "Nguồn kinh phí và nhân lực dành cho xúc tiến đối ngoại còn mỏng",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "Cơ chế chia sẻ thông tin giữa trung ương và địa phương chưa thông suốt",
                "Nhiều địa phương chưa xây dựng chiến lược đối ngoại dài hạn",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "Ban hành quy chế phối hợp mẫu giữa Sở Ngoại vụ và các sở, ngành",
                "Bồi dưỡng kiến thức kinh tế quốc tế cho cán bộ đối ngoại cấp tỉnh",
                "Lập quỹ xúc tiến đối ngoại dùng chung cho các tỉnh trong vùng",
            ],
        ),
    ],
    # "Bộ trưởng lưu ý các đơn vị:" over tasks that name agreements already signed
    "gk11_tasks_cue_in_sapo_items_name_past.txt": [
        (
            "priority",
            None,
            2026,
            [
                "Khai thác hiệu quả 17 hiệp định thương mại tự do đã ký kết và đã có hiệu lực",
                "Đôn đốc thực hiện các thỏa thuận đã đạt được trong các chuyến thăm cấp cao",
                "Hướng dẫn doanh nghiệp đáp ứng những tiêu chuẩn xanh mà các thị trường đã ban hành",
            ],
        ),
    ],
    # talks: "hai bên đã trao đổi về: ..." is what was discussed; agreements handed over are done;
    # "Phía Nhật Bản cam kết: ..." is the partner's word
    "gk11_visit_topics_documents_commitments.txt": [
        (
            "agenda",
            None,
            2024,
            [
                "thúc đẩy các dự án vốn vay ODA thế hệ mới",
                "hợp tác đào tạo kỹ sư bán dẫn",
                "kết nối chuỗi cung ứng công nghiệp hỗ trợ",
            ],
        ),
        (
            "achievement",
            3,
            2024,
            [
                "Bản ghi nhớ giữa Bộ Kế hoạch và Đầu tư Việt Nam và Cơ quan Hợp tác Quốc tế Nhật Bản về chương trình đào tạo nhân lực số",
                "Hiệp định giữa hai Chính phủ về hợp tác khoa học và công nghệ",
                "Thỏa thuận hợp tác giữa Bộ Công Thương và Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản về năng lượng sạch",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "duy trì quy mô vốn ODA cho Việt Nam trong những năm tới",
                "khuyến khích doanh nghiệp Nhật mở rộng đầu tư vào công nghệ cao",
                "hỗ trợ Việt Nam xây dựng hệ sinh thái khởi nghiệp",
            ],
        ),
    ],
    # a December review: "Năm qua, Sở Ngoại vụ đã triển khai các nhiệm vụ:", "Nổi bật trong năm là:",
    # "vẫn còn một số điểm cần khắc phục:", "Thực tiễn năm qua cho thấy:", then the tasks for 2025
    "gk11_province_year_review_shapes.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Tham mưu tổ chức đoàn lãnh đạo tỉnh thăm và làm việc tại các tỉnh Trung Lào",
                "Phối hợp đón 85 đoàn khách quốc tế đến tìm hiểu cơ hội đầu tư",
                "Hỗ trợ doanh nghiệp tỉnh tham gia hội chợ thương mại tại Savannakhet",
            ],
        ),
        (
            "achievement",
            None,
            2024,
            [
                "Hành lang kinh tế Đông - Tây được khai thác hiệu quả hơn",
                "viện trợ phi chính phủ nước ngoài vượt kế hoạch",
                "quan hệ với các địa phương Thái Lan được mở rộng",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "thông tin đối ngoại chưa đa dạng",
                "cán bộ làm công tác đối ngoại ở cấp huyện còn thiếu",
                "việc theo dõi các thỏa thuận quốc tế còn chậm",
            ],
        ),
        (
            "lesson",
            None,
            2024,
            [
                "công tác đối ngoại phải đi trước một bước",
                "sự phối hợp giữa các sở, ngành phải chặt chẽ",
                "doanh nghiệp phải được đặt ở vị trí trung tâm",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "chuẩn bị chu đáo các hoạt động kỷ niệm quan hệ Việt - Lào",
                "đẩy mạnh xúc tiến đầu tư vào khu kinh tế Đông Nam",
                "nâng cao chất lượng thông tin đối ngoại",
            ],
        ),
    ],
    # short titles over lead-ins that say only the year: "Những kết quả nổi bật" ¶ "Trong năm 2024, theo
    # báo cáo:" ¶ "- ...", "Nhiệm vụ trọng tâm năm 2025" ¶ "Trong năm 2025, theo kế hoạch:" ¶ "- ..."
    "gk11_titles_over_silent_leadins.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Tỉnh tổ chức thành công Hội chợ thương mại quốc tế Việt - Trung lần thứ 23",
                "Kim ngạch xuất nhập khẩu qua các cửa khẩu của tỉnh vượt 4 tỷ USD",
                "Tỉnh ký kết biên bản hội đàm với Ủy ban nhân dân tỉnh Vân Nam",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Mở rộng quan hệ với các địa phương của Hàn Quốc và Nhật Bản",
                "Đưa cửa khẩu thông minh Kim Thành vào vận hành",
                "Tổ chức diễn đàn xúc tiến đầu tư vào khu kinh tế cửa khẩu",
            ],
        ),
    ],
    # "Malaysia đảm nhiệm vai trò Chủ tịch ASEAN với chủ đề ... cùng các ưu tiên: ...";
    # "Qua đó, ngoại giao kinh tế góp phần: ..." (what the year's work brought)
    "gk11_chair_theme_priorities_and_qua_do.txt": [
        (
            "other",
            None,
            2025,
            [
                "hoàn tất nâng cấp Hiệp định thương mại hàng hóa ASEAN",
                "thúc đẩy kinh tế số",
                "tăng cường an ninh năng lượng khu vực",
            ],
        ),
        (
            "achievement",
            None,
            2025,
            [
                "giữ ổn định các thị trường xuất khẩu chủ lực",
                "thu hút thêm các dự án đầu tư vào công nghệ cao",
                "nâng cao vị thế của Việt Nam trong các liên kết kinh tế khu vực",
            ],
        ),
    ],
    # lists with no marker: "nhiều kết quả như A, B, C", "ba hạn chế. Đó là A, B và C", "những tồn tại,
    # hạn chế như A; B; C", "rút ra ba bài học:" over three plain paragraphs, "3 nhiệm vụ trọng tâm của
    # ngành trong năm 2025 là A; B; và C"
    "gk11_unmarked_and_comma_lists.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "đón hơn 100 đoàn doanh nghiệp nước ngoài",
                "tổ chức 40 hội nghị xúc tiến thương mại",
                "ký 25 thỏa thuận hợp tác với các đối tác",
            ],
        ),
        (
            "other",
            3,
            2024,
            [
                "công tác dự báo thị trường có lúc còn chậm",
                "sự phối hợp với các hiệp hội chưa thật nhịp nhàng",
                "nguồn lực dành cho xúc tiến còn mỏng",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "thủ tục cấp phép đầu tư còn rườm rà",
                "hạ tầng logistics chưa đồng bộ",
                "nhân lực am hiểu luật thương mại quốc tế còn thiếu",
            ],
        ),
        (
            "lesson",
            3,
            2024,
            [
                "Bám sát diễn biến chính sách thương mại của các đối tác lớn",
                "Lắng nghe kiến nghị của doanh nghiệp ngay từ khi xây dựng kế hoạch",
                "Phối hợp chặt chẽ với cơ quan đại diện ở nước ngoài trong mọi hoạt động xúc tiến",
            ],
        ),
        (
            "priority",
            3,
            2025,
            [
                "mở rộng thị trường xuất khẩu sang Trung Đông và châu Phi",
                "tận dụng tối đa các hiệp định thương mại tự do",
                "hỗ trợ doanh nghiệp đáp ứng các tiêu chuẩn xanh",
            ],
        ),
    ],
    # who attended is no list; a partner government's strategy ("Chính phủ Australia công bố ... với bốn
    # trụ cột: ...") and a research institute's advice ("Viện Nghiên cứu Chiến lược ... khuyến nghị ba
    # giải pháp: ...") are theirs; the Deputy Minister's two tasks are ours
    "gk11_institute_partner_strategy_delegation.txt": [
        (
            "other",
            4,
            2024,
            ["thương mại hàng hóa", "đầu tư hai chiều", "phát triển kỹ năng", "chuyển đổi năng lượng sạch"],
        ),
        (
            "other",
            3,
            2024,
            [
                "đẩy mạnh xuất khẩu trái cây tươi sang Australia",
                "thu hút quỹ hưu trí Australia vào hạ tầng",
                "mở rộng đào tạo nghề theo chuẩn Australia",
            ],
        ),
        (
            "priority",
            2,
            2024,
            [
                "sớm xây dựng kế hoạch hành động thực hiện Đối tác Chiến lược toàn diện",
                "hỗ trợ doanh nghiệp tiếp cận thông tin thị trường Australia",
            ],
        ),
    ],
    # the headline counts the tasks ("Thủ tướng nêu 3 nhiệm vụ trọng tâm ..."), the lead-in only says
    # "Thủ tướng nêu rõ:", and the items name what was signed or upgraded ("đã được ký kết", "vừa được nâng cấp")
    "gk11_headline_counts_tasks_items_name_past.txt": [
        (
            "priority",
            None,
            2024,
            [
                "Khai thác hiệu quả các hiệp định đã được ký kết trong năm qua",
                "Đưa các khuôn khổ quan hệ vừa được nâng cấp đi vào thực chất",
                "Hỗ trợ doanh nghiệp đã có mặt ở nước ngoài mở rộng thị trường",
            ],
        ),
    ],
    # "Năm 2024, Sở tập trung thực hiện ba nhiệm vụ trọng tâm: ..." told at the December review of 2024
    # reports; "Năm 2025, Sở sẽ tập trung vào hai việc: ..." plans
    "gk11_december_review_of_this_years_tasks.txt": [
        (
            "achievement",
            3,
            2024,
            [
                "tham mưu đón đoàn lãnh đạo tỉnh Khammuon",
                "phối hợp tổ chức hội nghị xúc tiến đầu tư tại Seoul",
                "vận động viện trợ phi chính phủ cho các huyện miền núi",
            ],
        ),
        (
            "priority",
            2,
            2025,
            ["mở rộng hợp tác với các địa phương Nhật Bản", "nâng cao chất lượng thông tin đối ngoại"],
        ),
    ],
}


def test_every_gk11_page_is_read_here():
    assert sorted(PAGES) == sorted(path.name for path in UNSEEN.glob("gk11_*.txt"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_list_reads_with_its_kind_count_year_and_items(name):
    assert lists_read(UNSEEN / name) == PAGES[name]
