"""Which enumerated lists are priorities, on pages written for these tests in the shapes of real
pages (tests/data/unseen/gk12_*): official reports' sections (results, shortcomings, tasks), a
provincial plan, a Q&A page, a conclusion notice, conference programmes and side events, two
ministries or two named leaders agreeing, shortcomings pointed out after the results are
acknowledged, a past year's work told once it is over, a reading of the world economy, a firm's
chair, a scholar, a foreign chamber and a partner's envoy or minister speaking, Markdown and HTML
pages. Each page lists every list it holds with its kind, count, year and exact items."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lists_read

UNSEEN = Path(__file__).parent / "data" / "unseen"

# page: [(kind, announced count, target year, items), ...] in reading order
PAGES = {
    # a partner's envoy answering an interview: what his side will focus on is his, not Vietnam's
    "gk12_ambassador_interview_partner_plans.txt": [
        (
            "other",
            3,
            2024,
            [
                "chuyển đổi năng lượng và khoáng sản chiến lược",
                "giáo dục và đào tạo kỹ năng số",
                "nông nghiệp thích ứng với biến đổi khí hậu",
            ],
        ),
    ],
    # a heading naming causes ("Nguyên nhân của những hạn chế trên") over "Một là ..." paragraphs
    "gk12_causes_la_ordinals.txt": [
        (
            "other",
            None,
            2023,
            [
                "nhận thức của một bộ phận cán bộ về vai trò của ngoại giao kinh tế chưa đầy đủ",
                "cơ chế phối hợp giữa cơ quan ngoại vụ với các sở kinh tế chưa rõ ràng",
                "nguồn lực dành cho hoạt động xúc tiến ở địa phương còn hạn hẹp",
            ],
        ),
    ],
    # a firm's chair ("Chủ tịch Hội đồng quản trị Công ty ...", which the people finder shortens to "Chủ
    # tịch Hội") advising in an interview: the whole title the article gives after the name says whose
    # voice it is
    "gk12_ceo_interview_advice.txt": [
        (
            "other",
            3,
            2024,
            [
                "hiểu thật kỹ luật chơi của thị trường đích",
                "đầu tư cho thương hiệu ngay từ đầu",
                "giữ chữ tín với đối tác trong mọi hoàn cảnh",
            ],
        ),
    ],
    # a conclusion notice: what the Prime Minister praised is results, the tasks he hands out (a) b) c))
    # priorities
    "gk12_conclusion_notice_assigns.txt": [
        (
            "achievement",
            None,
            2023,
            [
                "nâng cấp quan hệ với nhiều đối tác quan trọng",
                "thúc đẩy thu hút đầu tư vào các ngành công nghệ cao",
                "góp phần mở cửa thị trường cho nhiều mặt hàng nông sản",
            ],
        ),
        (
            "priority",
            None,
            2024,
            [
                "Bộ Ngoại giao chủ trì theo dõi, đôn đốc triển khai các thỏa thuận cấp cao đã ký kết",
                "Bộ Công Thương tận dụng hiệu quả các hiệp định thương mại tự do, mở rộng thị trường xuất khẩu",
                "Bộ Kế hoạch và Đầu tư thu hút các dự án đầu tư lớn vào bán dẫn và năng lượng tái tạo",
            ],
        ),
    ],
    # a scholar's "Việt Nam cần làm ngay mấy việc" is his advice
    "gk12_economist_recommends.txt": [
        (
            "other",
            None,
            2024,
            [
                "xây dựng bản đồ nhân lực bán dẫn đến năm 2030",
                "bảo đảm nguồn điện ổn định cho các khu công nghệ cao",
                "có cơ chế ưu đãi riêng cho các dự án quy mô lớn",
            ],
        ),
    ],
    # what a seminar analysed is its agenda; a deputy minister's recommendations are priorities
    "gk12_experts_discuss_topics.txt": [
        (
            "agenda",
            None,
            2025,
            [
                "vai trò của ngoại giao kinh tế trong huy động nguồn lực bên ngoài",
                "tác động của cạnh tranh chiến lược tới chuỗi cung ứng",
                "kinh nghiệm của một số nước trong xúc tiến đầu tư",
            ],
        ),
        (
            "priority",
            3,
            2025,
            [
                "xây dựng cơ sở dữ liệu về đối tác kinh tế",
                "tăng cường đào tạo cán bộ ngoại giao kinh tế",
                "thúc đẩy hợp tác nghiên cứu với các viện quốc tế",
            ],
        ),
    ],
    # a partner's minister proposes, ours asks: one list of each
    "gk12_foreign_minister_proposes.txt": [
        (
            "other",
            None,
            2024,
            [
                "tăng cường kết nối giao thông, nhất là tuyến đường cao tốc Viêng Chăn - Hà Nội",
                "phối hợp thúc đẩy các dự án năng lượng",
                "mở rộng hợp tác giáo dục và đào tạo",
            ],
        ),
        (
            "priority",
            None,
            2024,
            [
                "chuẩn bị tốt các chuyến thăm cấp cao năm 2024",
                "đôn đốc triển khai các thỏa thuận đã ký kết",
                "tháo gỡ khó khăn cho các dự án đầu tư của Việt Nam tại Lào",
            ],
        ),
    ],
    # a forum's sessions and the events held alongside it ("Bên lề Diễn đàn, ...") are its programme, not
    # results ("tiêu biểu" in an item says nothing)
    "gk12_forum_programme_sessions.txt": [
        (
            "agenda",
            3,
            2025,
            [
                "phiên toàn thể về triển vọng hợp tác Việt Nam - châu Phi",
                "phiên chuyên đề về nông nghiệp và an ninh lương thực",
                "phiên kết nối doanh nghiệp hai bên",
            ],
        ),
        (
            "agenda",
            None,
            2025,
            [
                "triển lãm sản phẩm xuất khẩu tiêu biểu của Việt Nam",
                "gặp gỡ song phương giữa doanh nghiệp hai bên",
                "khảo sát một số khu công nghiệp tại Bắc Ninh",
            ],
        ),
    ],
    # an HTML talks report: results the leader assesses, then what he asks of the partner
    "gk12_html_talks_report.html": [
        (
            "achievement",
            None,
            2024,
            [
                "Kim ngạch thương mại năm 2023 đạt 14 tỷ USD",
                "Indonesia trở thành thị trường nhập khẩu gạo lớn thứ hai của Việt Nam",
                "Nhiều doanh nghiệp Việt Nam mở rộng đầu tư tại Indonesia",
            ],
        ),
        (
            "priority",
            None,
            2024,
            [
                "Sớm hoàn tất thủ tục nội bộ để ký Bản ghi nhớ về thương mại gạo giai đoạn mới",
                "Tạo điều kiện cho doanh nghiệp Việt Nam tham gia các dự án năng lượng tái tạo",
                "Phối hợp thúc đẩy đàm phán phân định vùng đặc quyền kinh tế",
            ],
        ),
    ],
    # an association's leader in an interview: the difficulties the question asks about, then the
    # association's wishes
    "gk12_interview_difficulties_question.txt": [
        (
            "other",
            None,
            2025,
            [
                "chứng nhận Halal còn mất nhiều thời gian",
                "chi phí vận chuyển sang khu vực này còn cao",
                "doanh nghiệp thiếu thông tin về thói quen tiêu dùng ở từng nước",
            ],
        ),
        (
            "other",
            3,
            2025,
            [
                "cung cấp thông tin thị trường thường xuyên",
                "kết nối với các nhà nhập khẩu lớn",
                "hỗ trợ xử lý tranh chấp thương mại",
            ],
        ),
    ],
    # paragraphs each opening on a short label and a colon ("Xúc tiến đầu tư: ...") under a lead-in that counts
    # them ("có ba điểm sáng."), and "một là ..., hai là ..., ba là ..." spoken after commas in one sentence
    "gk12_labelled_points_spoken_ordinals.txt": [
        (
            "achievement",
            3,
            2024,
            [
                "Xúc tiến đầu tư: tỉnh đón 14 nhà đầu tư lớn từ Hàn Quốc và Singapore, trong đó 3 dự án đã được cấp phép",
                "Mở cửa thị trường: vải thiều và nhãn của tỉnh lần đầu được xuất khẩu chính ngạch sang Australia",
                "Hợp tác địa phương: tỉnh ký thỏa thuận hợp tác với hai địa phương của Nhật Bản",
            ],
        ),
        (
            "other",
            None,
            2025,
            [
                "kinh phí cho xúc tiến còn hạn hẹp",
                "cán bộ còn hạn chế về ngoại ngữ",
                "thủ tục phê duyệt thỏa thuận quốc tế còn kéo dài",
            ],
        ),
    ],
    # a closing speech: experience drawn from practice (lessons), then requests to the provinces
    "gk12_lessons_from_practice_closing.txt": [
        (
            "lesson",
            None,
            2023,
            [
                "phải bám sát nhu cầu phát triển của từng địa phương",
                "phát huy vai trò của các cơ quan đại diện ở nước ngoài",
                "lấy doanh nghiệp làm trung tâm phục vụ",
            ],
        ),
        (
            "priority",
            None,
            2023,
            [
                "chủ động xây dựng kế hoạch ngoại giao kinh tế hằng năm",
                "tăng cường kết nối với các cơ quan đại diện",
                "nâng cao năng lực đội ngũ cán bộ ngoại vụ",
            ],
        ),
    ],
    # a Markdown page: results, shortcomings and directions under "##" headings
    "gk12_markdown_report.md": [
        (
            "achievement",
            None,
            2024,
            [
                "Đón 38 đoàn doanh nghiệp nước ngoài đến tìm hiểu cơ hội đầu tư",
                "Ký kết 4 thỏa thuận hợp tác với các địa phương của Hàn Quốc và Lào",
                "Tổ chức thành công Diễn đàn xúc tiến đầu tư vùng biên giới",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "Hiệu quả của một số chuyến công tác nước ngoài chưa cao",
                "Công tác theo dõi sau ký kết còn lỏng lẻo",
                "Nguồn lực cho xúc tiến đầu tư còn dàn trải",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Tập trung thu hút đầu tư vào nông nghiệp công nghệ cao",
                "Mở rộng quan hệ với các địa phương của Nhật Bản",
                "Nâng cao năng lực ngoại ngữ cho cán bộ làm công tác đối ngoại",
            ],
        ),
    ],
    # two leaders named as one subject ("Thủ tướng A và Thủ tướng B nhất trí: ..."): a bargain of two
    # voices
    "gk12_named_leaders_agree.txt": [
        (
            "other",
            None,
            2024,
            [
                "đưa kim ngạch thương mại song phương sớm đạt 18 tỷ USD",
                "tăng cường hợp tác về kinh tế số và bán dẫn",
                "phối hợp chặt chẽ trong khuôn khổ ASEAN",
            ],
        ),
    ],
    # a department's year: numbered results, then numbered tasks
    "gk12_numbered_results_then_directions.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Kim ngạch xuất khẩu đạt 3,2 tỷ USD, tăng 14% so với năm trước",
                "Tổ chức 8 hội nghị kết nối giao thương với doanh nghiệp nước ngoài",
                "Hỗ trợ 150 doanh nghiệp ứng dụng thương mại điện tử trong xuất khẩu",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Phát triển thị trường xuất khẩu mới tại Trung Đông và châu Phi",
                "Hoàn thiện hạ tầng thương mại ở các khu kinh tế cửa khẩu",
                "Hỗ trợ doanh nghiệp đáp ứng các tiêu chuẩn xanh của thị trường nhập khẩu",
            ],
        ),
    ],
    # an agreement's opportunities and challenges are neither tasks nor results
    "gk12_opportunities_and_challenges.txt": [
        (
            "other",
            None,
            2025,
            [
                "Thuế nhập khẩu vào EU của phần lớn mặt hàng về 0%",
                "Thị trường 450 triệu dân với sức mua cao",
                "Dòng vốn đầu tư chất lượng cao từ châu Âu",
            ],
        ),
        (
            "other",
            None,
            2025,
            [
                "Quy tắc xuất xứ chặt chẽ",
                "Yêu cầu ngày càng cao về phát triển bền vững và truy xuất nguồn gốc",
                "Cơ chế điều chỉnh biên giới carbon sắp áp dụng",
            ],
        ),
    ],
    # foreign businesses' obstacles, then the ministry's own answer
    "gk12_partner_side_requests.txt": [
        (
            "other",
            None,
            2024,
            [
                "thủ tục cấp phép cho dự án mở rộng còn kéo dài",
                "quy định về thuế chưa thống nhất giữa các địa phương",
                "nguồn nhân lực kỹ thuật còn thiếu",
            ],
        ),
        (
            "priority",
            3,
            2024,
            [
                "rút ngắn thời gian xử lý hồ sơ đầu tư",
                "phối hợp với Bộ Tài chính hướng dẫn thống nhất về thuế",
                "kết nối doanh nghiệp với các cơ sở đào tạo nghề",
            ],
        ),
    ],
    # "Năm 2024, Sở Ngoại vụ tham mưu UBND tỉnh:" told in January 2025: the year's work, reported
    "gk12_past_year_provincial_work.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Tổ chức thành công Hội nghị gặp mặt các cơ quan đại diện nước ngoài tại Việt Nam",
                "Đón 45 đoàn khách quốc tế với gần 400 lượt người",
                "Ký kết 6 thỏa thuận hợp tác với các địa phương nước ngoài",
            ],
        ),
    ],
    # a provincial plan's "I. MỤC ĐÍCH, YÊU CẦU" then "II. NHIỆM VỤ CỤ THỂ"
    "gk12_plan_purpose_then_tasks.txt": [
        (
            "other",
            None,
            2025,
            [
                "Cụ thể hóa các chủ trương của Trung ương về ngoại giao kinh tế phù hợp với điều kiện của tỉnh",
                "Bảo đảm sự phối hợp thống nhất giữa các cơ quan, địa phương trong triển khai",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Tổ chức đoàn xúc tiến đầu tư tại Nhật Bản và Hàn Quốc trong quý III",
                "Xây dựng bộ tài liệu giới thiệu tiềm năng của tỉnh bằng ba thứ tiếng",
                "Tổ chức Hội nghị gặp gỡ các nhà đầu tư nước ngoài vào tháng 10",
            ],
        ),
    ],
    # a silent lead-in ("Bí thư Tỉnh ủy nói thẳng:") over items most of which fall short ("chưa được
    # theo dõi đến cùng", "còn sơ sài", "còn lúng túng"): shortcomings, not tasks
    "gk12_shortfalls_silent_lead.txt": [
        (
            "other",
            None,
            2024,
            [
                "Nhiều cam kết sau các chuyến công tác nước ngoài chưa được theo dõi đến cùng",
                "Thông tin về đối tác cung cấp cho nhà đầu tư còn sơ sài",
                "Một số địa phương trong tỉnh còn lúng túng khi đón đoàn khách quốc tế",
            ],
        ),
        (
            "priority",
            2,
            2024,
            [
                "lập sổ theo dõi từng cam kết đã ký",
                "tập huấn lễ tân đối ngoại cho cán bộ cấp huyện",
            ],
        ),
    ],
    # who travels with a delegation ("Tham gia đoàn có đại diện các doanh nghiệp: ...") and items that are only
    # names ("Daewoo E&C; Posco International; Hanwha Energy") are no lists; the chair's request is
    "gk12_delegation_members_named.txt": [
        (
            "priority",
            3,
            2024,
            [
                "khảo sát quỹ đất tại Khu kinh tế ven biển",
                "đầu tư nhà máy chế biến nông sản",
                "hợp tác đào tạo lao động kỹ thuật cho tỉnh",
            ],
        ),
    ],
    # a lead-in that names a kind and says its items follow ("... đạt những kết quả nổi bật sau:", "... như
    # sau:") over short single-sentence paragraphs with no marker: as many as follow, up to the first longer one
    "gk12_results_after_sau_unmarked.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Quan hệ hợp tác với các địa phương của Hàn Quốc được nâng lên tầm cao mới",
                "Tỉnh thu hút 12 dự án có vốn đầu tư nước ngoài với tổng vốn 850 triệu USD",
                "Nhiều sản phẩm nông nghiệp của tỉnh lần đầu có mặt tại thị trường châu Âu",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Tổ chức đoàn xúc tiến đầu tư tại Nhật Bản và Singapore",
                "Hoàn thiện cơ sở dữ liệu đối tác nước ngoài của tỉnh",
                "Nâng cao năng lực ngoại ngữ cho cán bộ làm công tác đối ngoại ở cấp huyện",
            ],
        ),
    ],
    # what a success grew from ("thành công này bắt nguồn từ: ...") is its causes, and the opinions a meeting heard
    # ("ghi nhận nhiều ý kiến ... của các doanh nghiệp: ...") its agenda, not results; "có được nhờ ba yếu tố"
    "gk12_success_roots_and_opinions_heard.txt": [
        (
            "other",
            None,
            2024,
            [
                "sự vào cuộc quyết liệt của cả hệ thống chính trị",
                "sự đồng hành của các cơ quan đại diện Việt Nam ở nước ngoài",
                "nỗ lực đổi mới của cộng đồng doanh nghiệp",
            ],
        ),
        (
            "agenda",
            None,
            2025,
            [
                "cần có thông tin thị trường sớm hơn",
                "nên tổ chức các đoàn xúc tiến theo ngành hàng",
                "mong được hỗ trợ chi phí tham gia hội chợ",
            ],
        ),
        (
            "other",
            3,
            2024,
            [
                "thị trường được mở rộng",
                "chất lượng sản phẩm được nâng lên",
                "thủ tục xuất khẩu được đơn giản hóa",
            ],
        ),
    ],
    # an interview: the setting told in ";" pieces with no lead-in is no list; "nổi lên mấy điều. Đó là A; B; C"
    # reports; the directions for the year ahead are priorities
    "gk12_interview_context_results_directions.txt": [
        (
            "achievement",
            None,
            2025,
            [
                "khuôn khổ quan hệ với nhiều đối tác được nâng cấp",
                "hàng trăm hoạt động xúc tiến được tổ chức ở nước ngoài",
                "nhiều thị trường mới được khai mở cho nông sản",
            ],
        ),
        (
            "priority",
            3,
            2026,
            [
                "tháo gỡ điểm nghẽn cho các dự án lớn",
                "khai thác các khuôn khổ quan hệ mới nâng cấp",
                "hỗ trợ doanh nghiệp ứng phó với các biện pháp phòng vệ thương mại",
            ],
        ),
    ],
    # a speech given whole: its salutations ("- Kính thưa ...," ¶ "- Thưa ...," ¶ "- Thưa ... !") are no list (three
    # priorities before); what the forum is the occasion for, plain paragraphs under no count, neither
    "gk12_speech_salutations.txt": [
        (
            "priority",
            3,
            2024,
            [
                "hoàn thiện hạ tầng giao thông kết nối",
                "đẩy mạnh cải cách thủ tục hành chính",
                "đào tạo nguồn nhân lực chất lượng cao",
            ],
        ),
    ],
    # a joint statement given whole ("... giới thiệu toàn văn Tuyên bố chung."): every list in it is two voices,
    # the results both countries won and what they will do alike
    "gk12_joint_statement_whole.txt": [
        (
            "other",
            None,
            2024,
            [
                "Nhận lời mời của Thủ tướng Australia, Thủ tướng Phạm Minh Chính thăm chính thức Australia từ ngày 6 đến 8/3/2024",
                "Hai Thủ tướng hoan nghênh những bước tiến trong quan hệ song phương thời gian qua",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "thương mại hai chiều tăng gấp đôi sau mười năm",
                "hơn 30.000 sinh viên Việt Nam đang học tập tại Australia",
                "Australia là một trong những nhà tài trợ viện trợ lớn của Việt Nam",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "nâng cao tin cậy chính trị",
                "tăng cường gắn kết kinh tế",
                "mở rộng hợp tác về khoa học, công nghệ và đổi mới sáng tạo",
            ],
        ),
    ],
    # "hai bên sẽ: ..." after talks is what both sides will do together; what our Prime Minister asks of the
    # partner stays a priority
    "gk12_talks_both_sides_will.txt": [
        (
            "other",
            None,
            2024,
            [
                "sớm nâng cấp quan hệ lên Đối tác chiến lược toàn diện",
                "mở cửa thị trường cho nông sản của nhau",
                "tăng cường hợp tác giáo dục và đào tạo nghề",
            ],
        ),
        (
            "priority",
            2,
            2024,
            [
                "tạo thuận lợi cho sinh viên Việt Nam sang học tập",
                "hỗ trợ Việt Nam phát triển nông nghiệp công nghệ cao",
            ],
        ),
    ],
    # "Đầu tiên, A." ¶ "Tiếp theo, B." ¶ "Cuối cùng, C." under "rút ra những bài học." is a list of lessons; a
    # visit told "Đầu tiên, đoàn nghe ..." ¶ "Tiếp theo, đoàn thăm ..." with no "Cuối cùng" is no list
    "gk12_first_next_finally_lessons.txt": [
        (
            "lesson",
            None,
            2024,
            [
                "phải bám sát nhu cầu thực tế của địa phương và doanh nghiệp",
                "phải phối hợp nhịp nhàng giữa các bộ, ngành và cơ quan đại diện",
                "phải kiên trì với những thị trường khó",
            ],
        ),
        (
            "priority",
            3,
            2025,
            [
                "tăng số thị trường được mở cửa cho nông sản",
                "thu hút thêm dự án công nghệ cao",
                "hỗ trợ doanh nghiệp ứng phó phòng vệ thương mại",
            ],
        ),
    ],
    # "gồm: 1. A. 2. B. 3. C." in one paragraph: the later numbers follow the full stop closing the item before
    # (none was found before); "giai đoạn 2. Tổng vốn ..." numbers nothing
    "gk12_inline_numbers_after_stops.txt": [
        (
            "other",
            None,
            2025,
            [
                "Công tác dự báo tình hình thị trường còn chậm",
                "Phối hợp giữa các sở, ngành có lúc chưa chặt chẽ",
                "Nguồn lực cho xúc tiến đầu tư còn hạn hẹp",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Chuẩn bị đoàn công tác của lãnh đạo tỉnh sang Hàn Quốc",
                "Tổ chức Hội nghị gặp gỡ các nhà đầu tư Nhật Bản",
                "Hoàn thiện đề án nâng cao năng lực đối ngoại cấp huyện",
            ],
        ),
    ],
    # a report's Roman sections: results, shortcomings, tasks
    "gk12_province_report_roman_sections.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Tham mưu tổ chức 6 đoàn xúc tiến đầu tư tại Nhật Bản, Hàn Quốc và Singapore",
                "Đón 52 đoàn khách quốc tế đến tìm hiểu môi trường đầu tư của tỉnh",
                "Vận động 9 dự án viện trợ phi chính phủ với tổng vốn 4,6 triệu USD",
            ],
        ),
        (
            "other",
            None,
            2024,
            [
                "Sự phối hợp giữa các sở, ngành trong công tác đối ngoại có lúc chưa chặt chẽ",
                "Thông tin về thị trường nước ngoài cung cấp cho doanh nghiệp còn chậm",
                "Đội ngũ cán bộ làm đối ngoại còn thiếu về số lượng, hạn chế về ngoại ngữ",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Đẩy mạnh xúc tiến đầu tư vào các thị trường trọng điểm châu Âu",
                "Nâng cao chất lượng công tác thông tin kinh tế đối ngoại cho doanh nghiệp",
                "Kiện toàn đội ngũ cán bộ làm công tác đối ngoại ở cấp huyện",
            ],
        ),
    ],
    # a Q&A page: the answer's kind is the question's (shortcomings, then tasks)
    "gk12_qa_directive_questions.txt": [
        (
            "other",
            None,
            2022,
            [
                "nhận thức của các cấp, các ngành về vai trò của ngoại giao kinh tế chưa đầy đủ",
                "ngoại giao kinh tế chưa theo kịp yêu cầu phát triển của đất nước",
                "nguồn lực bên ngoài chưa gắn kết chặt chẽ với nguồn lực trong nước",
            ],
        ),
        (
            "priority",
            None,
            2022,
            [
                "nâng cao nhận thức về ngoại giao kinh tế trong toàn hệ thống chính trị",
                "mở rộng, làm sâu sắc quan hệ kinh tế với các đối tác",
                "chủ động tham gia định hình các thể chế kinh tế khu vực và toàn cầu",
            ],
        ),
    ],
    # the milestones of a relationship, each a past year: history, not tasks
    "gk12_relations_milestones.txt": [
        (
            "achievement",
            None,
            2023,
            [
                "Năm 1973: hai nước thiết lập quan hệ ngoại giao",
                "Năm 1992: Nhật Bản nối lại viện trợ phát triển chính thức cho Việt Nam",
                "Năm 2009: hai nước ký Hiệp định Đối tác kinh tế song phương",
                "Năm 2014: quan hệ được nâng lên Đối tác chiến lược sâu rộng",
            ],
        ),
    ],
    # "Ghi nhận những kết quả đạt được, ... cũng thẳng thắn chỉ ra:" over shortcomings (acknowledging the
    # results concedes them)
    "gk12_shortcomings_pointed_out.txt": [
        (
            "other",
            None,
            2024,
            [
                "Nhiều sở, ngành chưa coi ngoại giao kinh tế là nhiệm vụ thường xuyên",
                "Các hoạt động xúc tiến còn dàn trải, chưa gắn với nhu cầu của doanh nghiệp",
                "Việc theo dõi, đôn đốc các thỏa thuận đã ký có lúc còn buông lỏng",
            ],
        ),
        (
            "priority",
            3,
            2025,
            [
                "rà soát toàn bộ các thỏa thuận quốc tế đã ký",
                "lập danh mục dự án kêu gọi đầu tư có trọng điểm",
                "tổ chức đối thoại định kỳ với doanh nghiệp xuất khẩu",
            ],
        ),
    ],
    # a province's paper: its difficulties, then what it proposes to the ministry
    "gk12_speech_paper_difficulties_solutions.txt": [
        (
            "other",
            None,
            2023,
            [
                "quy trình thẩm định các thỏa thuận quốc tế cấp địa phương còn kéo dài",
                "kinh phí cho hoạt động xúc tiến ở nước ngoài còn hạn chế",
                "thiếu cán bộ giỏi ngoại ngữ ở cấp huyện",
            ],
        ),
        (
            "priority",
            None,
            2023,
            [
                "hướng dẫn thống nhất quy trình ký kết thỏa thuận quốc tế",
                "hỗ trợ tỉnh kết nối với các cơ quan đại diện tại châu Âu",
                "mở các lớp bồi dưỡng nghiệp vụ đối ngoại cho cán bộ cấp huyện",
            ],
        ),
    ],
    # a foreign chamber's survey: barriers and its chair's advice
    "gk12_survey_barriers_chamber.txt": [
        (
            "other",
            None,
            2025,
            [
                "thủ tục hành chính phức tạp",
                "thời gian cấp thị thực và giấy phép lao động kéo dài",
                "thiếu lao động có tay nghề cao",
            ],
        ),
        (
            "other",
            None,
            2025,
            [
                "đơn giản hóa thủ tục cấp phép",
                "hoàn thiện cơ chế mua bán điện trực tiếp",
                "đẩy nhanh hoàn thuế giá trị gia tăng",
            ],
        ),
    ],
    # the trade promotion agency: "năm 2024, Cục đã:" then "Năm 2025, Cục đặt mục tiêu:"
    "gk12_trade_promotion_agency_year.txt": [
        (
            "achievement",
            None,
            2024,
            [
                "Chủ trì tổ chức 38 đoàn giao thương tại các thị trường trọng điểm",
                "Hỗ trợ hơn 2.400 doanh nghiệp tham gia hội chợ, triển lãm quốc tế",
                "Phối hợp với các Thương vụ tổ chức 120 hội nghị giao thương trực tuyến",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "Đổi mới phương thức xúc tiến theo hướng số hóa",
                "Mở rộng hoạt động xúc tiến sang thị trường Halal và Mỹ Latinh",
                "Nâng cao năng lực cho các tổ chức xúc tiến thương mại địa phương",
            ],
        ),
    ],
    # "hai Bộ nhất trí: ..." is what two ministries agreed; what our minister asks of the partner stays a
    # priority
    "gk12_two_ministries_agree.txt": [
        (
            "other",
            None,
            2024,
            [
                "sớm tổ chức phiên họp Ủy ban hỗn hợp về thương mại",
                "phối hợp nâng cấp Hiệp định thương mại tự do song phương",
                "hợp tác đào tạo nhân lực cho ngành công nghiệp bán dẫn",
            ],
        ),
        (
            "priority",
            2,
            2024,
            [
                "mở cửa thị trường cho trái cây tươi của Việt Nam",
                "khuyến khích doanh nghiệp Hàn Quốc chuyển giao công nghệ cho đối tác Việt Nam",
            ],
        ),
    ],
    # what the world economy showed ("kinh tế thế giới năm 2024 nổi lên mấy điểm đáng chú ý") is a reading
    # of the world
    "gk12_world_economy_features.txt": [
        (
            "other",
            None,
            2024,
            [
                "tăng trưởng toàn cầu phục hồi chậm và không đồng đều",
                "lạm phát hạ nhiệt ở hầu hết các nền kinh tế lớn",
                "cạnh tranh về công nghệ chiến lược ngày càng gay gắt",
            ],
        ),
        (
            "priority",
            None,
            2025,
            [
                "tháo gỡ vướng mắc cho các dự án lớn",
                "mở rộng thị trường xuất khẩu nông sản",
                "thu hút đầu tư vào bán dẫn và trí tuệ nhân tạo",
            ],
        ),
    ],
}


def test_every_gk12_page_is_read_here():
    assert sorted(PAGES) == sorted(path.name for path in UNSEEN.glob("gk12_*"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_list_reads_with_its_kind_count_year_and_items(name):
    assert lists_read(UNSEEN / name) == PAGES[name]
