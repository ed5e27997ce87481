"""Directives in running text, on whole pages in the shapes of real press pages read this session
(the `pages` corpus, 2011-2026): tasks a leader asks for, hands out or names as the priority ahead
without enumerating them, and what is no directive beside them (results, a partner's wishes, a
business's proposals, what was discussed, thanks, experts' views). Every page is written for these
tests in our own words (tests/data/unseen/gd10_*); each directive is checked whole: its speaker, its
target year and its exact text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document

UNSEEN = Path(__file__).parent / "data" / "unseen"

EXPECTED = {
    # who asked it named after the demand ("..., Thủ tướng chỉ đạo.", "..., Thủ tướng căn dặn."), with nobody who
    # spoke named above: theirs, and left out of the demand
    "gd10_asker_named_after.txt": [
        ("Phạm Minh Chính", 2025, "phải khẩn trương tháo gỡ vướng mắc cho doanh nghiệp xuất khẩu"),
        ("Phạm Minh Chính", 2025, "cần thường xuyên cập nhật thông tin thị trường cho doanh nghiệp"),
    ],
    # "Bộ trưởng đề nghị các đơn vị trong năm 2024:" and paragraphs that open with their verbs and no bullet or number
    # ("Tiếp tục bám sát ...", "Đẩy mạnh ...", "Nâng cao ..."): each is asked
    "gd10_colon_then_verb_paragraphs.txt": [
        (
            "Bùi Thanh Sơn",
            2024,
            "Tiếp tục bám sát nhu cầu của địa phương và doanh nghiệp, kịp thời tham mưu các giải pháp tháo gỡ khó khăn",
        ),
        (
            "Bùi Thanh Sơn",
            2024,
            "Đẩy mạnh kết nối các địa phương với đối tác nước ngoài trong các lĩnh vực mới như bán dẫn, năng lượng sạch",
        ),
        ("Bùi Thanh Sơn", 2024, "Nâng cao chất lượng công tác thông tin kinh tế đối ngoại"),
    ],
    # "Phó Thủ tướng kết luận như sau:" with no list after it: the tasks handed to bodies in the paragraphs after it
    # are his; the meeting's end is none
    "gd10_conclusions_as_follows.txt": [
        (
            "Trần Hồng Hà",
            2024,
            "Các bộ, ngành, địa phương khẩn trương rà soát danh mục dự án kêu gọi đầu tư nước ngoài",
        ),
        (
            "Trần Hồng Hà",
            2024,
            "Bộ Ngoại giao chủ trì, phối hợp với các cơ quan đại diện giới thiệu các dự án trọng điểm tới nhà đầu tư",
        ),
    ],
    # a priority named with an action after it and no time ahead ("Nhiệm vụ trọng tâm ... năm 2019 là triển khai ..."),
    # not last year's ("Năm qua, trọng tâm là ..."), nor what experts say ("Theo các chuyên gia ..., ... cần ...")
    "gd10_conference_2019_tasks.txt": [
        ("Bùi Thanh Sơn", 2019, "cần chủ động hơn trong việc tìm hiểu thị trường và đối tác nước ngoài"),
        (
            "Bùi Thanh Sơn",
            2019,
            "các doanh nghiệp cần nghiên cứu kỹ các cam kết trong CPTPP để tận dụng ưu đãi thuế quan",
        ),
        ("Bùi Thanh Sơn", 2019, "triển khai hiệu quả CPTPP và thúc đẩy ký kết EVFTA"),
        ("Bùi Thanh Sơn", 2019, "cần thường xuyên chia sẻ thông tin về thị trường"),
        ("Bùi Thanh Sơn", 2019, "các Thương vụ phối hợp với cơ quan đại diện xử lý các vụ kiện phòng vệ thương mại"),
    ],
    # what a task is like ("nhiệm vụ đặt ra ... là rất nặng nề"), what a meeting is for ("trọng tâm của hội nghị lần
    # này là đánh giá ..."), what always holds ("Ưu tiên của Việt Nam luôn là ..."), what was discussed, thanks, a slogan,
    # what something must be ("... phải là sự nghiệp của toàn dân") and facts are none; "ưu tiên hàng đầu là không để
    # bị động ..." is a task
    "gd10_conference_what_is_no_task.txt": [
        ("Bùi Thanh Sơn", 2025, "cần tập trung tổ chức thành công các hoạt động đối ngoại cấp cao"),
        ("Bùi Thanh Sơn", 2025, "không để bị động, bất ngờ trước những biến động của kinh tế thế giới"),
    ],
    # a demand in the paragraph after the one saying who chairs the meeting is the chair's ("Thủ tướng ... chủ trì
    # hội nghị ... ¶ Các cơ quan đại diện cần ..."); one a person named only by a given name says is theirs ("ông
    # Tuấn cho biết ..."), not the last asker's
    "gd10_demand_after_chair_lede.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "cần thường xuyên cập nhật thông tin thị trường, chính sách mới của nước sở tại cho doanh nghiệp",
        ),
        ("Tuấn", 2025, "cần chuẩn bị kỹ hơn hồ sơ dự án"),
    ],
    # "giao Bộ Ngoại giao chỉ đạo các cơ quan đại diện ...; giao Bộ Công Thương ...": the tasks handed out, read from
    # "giao", each without its repeated "giao"
    "gd10_deputy_pm_assigns_two.txt": [
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Ngoại giao chỉ đạo các cơ quan đại diện Việt Nam ở nước ngoài theo dõi sát chính sách nhập khẩu của nước sở tại",
        ),
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Công Thương chủ trì xây dựng chương trình xúc tiến thương mại tại thị trường Trung Đông",
        ),
        (
            "Trần Lưu Quang",
            2024,
            "Bộ Nông nghiệp và Phát triển nông thôn hoàn thiện hồ sơ mở cửa thị trường cho sầu riêng và bưởi",
        ),
        (
            "Trần Lưu Quang",
            2024,
            "cần tập trung hỗ trợ doanh nghiệp đáp ứng tiêu chuẩn chất lượng của thị trường nhập khẩu",
        ),
    ],
    # "Lãnh đạo Chính phủ ... nhấn mạnh chương trình cần được ...": the leader the article named; a passive demand
    # reads with its subject ("Những quy định lạc hậu, chồng chéo cần được sửa đổi ...")
    "gd10_deputy_pm_leader_unnamed.txt": [
        ("Nguyễn Chí Dũng", 2026, "chương trình cần được thiết kế lại"),
        ("Nguyễn Chí Dũng", 2026, "cần khoanh vùng rõ đối tượng được hỗ trợ"),
        ("Nguyễn Chí Dũng", 2026, "Cần làm rõ doanh nghiệp thực sự cần gì"),
        ("Nguyễn Chí Dũng", 2026, "rà soát toàn bộ chính sách hỗ trợ xuất khẩu hiện hành"),
        (
            "Nguyễn Chí Dũng",
            2026,
            "Những quy định lạc hậu, chồng chéo cần được sửa đổi ngay trong chương trình lần này",
        ),
        ("Nguyễn Chí Dũng", 2026, "không xây dựng lộ trình quá dài"),
        (
            "Nguyễn Chí Dũng",
            2026,
            "cần chia lộ trình thành từng giai đoạn, trước mắt tập trung xây dựng kế hoạch 5 năm với mục tiêu rõ ràng",
        ),
        ("Nguyễn Chí Dũng", 2026, "phải xây dựng quy trình lựa chọn doanh nghiệp minh bạch, công khai"),
    ],
    # an envoy's advice to businesses ("khuyến nghị các doanh nghiệp ...", "khuyên doanh nghiệp nên ...") asks as a
    # request does; the noun ("Các khuyến nghị của Đại sứ ...") and a business's request to the embassy are none
    "gd10_envoy_advises_businesses.txt": [
        ("Vũ Hồng Nam", 2024, "các doanh nghiệp nghiên cứu kỹ quy định về nhãn mác và an toàn thực phẩm của Hàn Quốc"),
        ("Vũ Hồng Nam", 2024, "doanh nghiệp nên tham gia các hội chợ chuyên ngành để tìm kiếm đối tác lâu dài"),
    ],
    # a speech's exhortation ("Các đồng chí hãy là những người đi đầu trong việc kết nối ...", "mỗi Đại sứ hãy coi
    # ...") and "Thủ tướng nhắn nhủ các Đại sứ ..." ask; "hãy còn" (still) does not
    "gd10_exhortation_hay.txt": [
        (
            "Phạm Minh Chính",
            2021,
            "hãy là những người đi đầu trong việc kết nối doanh nghiệp Việt Nam với thị trường sở tại",
        ),
        (
            "Phạm Minh Chính",
            2021,
            "các Đại sứ chủ động tìm kiếm cơ hội hợp tác mới cho đất nước, nhất là trong các lĩnh vực công nghệ cao",
        ),
        ("Phạm Minh Chính", 2021, "hãy coi thành công của doanh nghiệp là thước đo hiệu quả công tác của mình"),
    ],
    # the person the headline names and the body only by title ("Thủ tướng Phạm Minh Chính: ..." over "Thủ tướng
    # yêu cầu ...", "Người đứng đầu Chính phủ nhấn mạnh, ...") is who asks
    "gd10_headline_names_speaker.txt": [
        (
            "Phạm Minh Chính",
            2025,
            "các cơ quan đại diện tận dụng tối đa thời cơ, mở rộng thị trường xuất khẩu sang các khu vực mới",
        ),
        ("Phạm Minh Chính", 2025, "cần tháo gỡ ngay vướng mắc cho doanh nghiệp ở thị trường nước ngoài"),
    ],
    # tasks in an interview answer, and the minister's "Chúng ta cần ..."; the question and a role ("sẽ giữ vai trò mở
    # đường") are none
    "gd10_interview_answer_tasks.txt": [
        (
            "Bùi Thanh Sơn",
            2025,
            "cần góp phần đưa đất nước bắt kịp các xu thế mới về kinh tế số, kinh tế xanh và kinh tế tuần hoàn",
        ),
        ("Bùi Thanh Sơn", 2025, "phát huy sức mạnh mềm của dân tộc, nâng cao hình ảnh Việt Nam trên trường quốc tế"),
        (
            "Bùi Thanh Sơn",
            2025,
            "cần tiếp tục đổi mới tư duy, phương thức triển khai ngoại giao kinh tế để phục vụ thiết thực hơn nữa người dân, địa phương và doanh nghiệp",
        ),
    ],
    # an interview whose answers name who answers ("Thứ trưởng Nguyễn Minh Hằng: ..."), over more than four paragraphs;
    # "Chính vì vậy, việc đa dạng hóa ... phải được coi là ưu tiên hàng đầu" is the task named before
    "gd10_interview_labelled_answers.txt": [
        ("Nguyễn Minh Hằng", 2024, "cần bám sát các mục tiêu phát triển kinh tế - xã hội của đất nước"),
        (
            "Nguyễn Minh Hằng",
            2024,
            "phải đẩy nhanh việc triển khai các thỏa thuận đã ký kết trong các chuyến thăm cấp cao",
        ),
        (
            "Nguyễn Minh Hằng",
            2024,
            "cần kịp thời thông tin về chính sách mới của nước sở tại để doanh nghiệp chủ động thích ứng",
        ),
        ("Nguyễn Minh Hằng", 2024, "đa dạng hóa thị trường, đối tác và chuỗi cung ứng"),
    ],
    # answers with nobody named are said by whom the interview is with (named before the first question);
    # "Đại sứ quán sẽ tập trung ..." is a commitment of Vietnam's embassy
    "gd10_interview_unlabelled_answers.txt": [
        ("Phạm Quang Hiệu", 2024, "tập trung thúc đẩy triển khai các thỏa thuận đạt được trong chuyến thăm cấp cao"),
        (
            "Phạm Quang Hiệu",
            2024,
            "cần chủ động chuẩn bị kỹ các dự án kêu gọi đầu tư, nhất là trong lĩnh vực bán dẫn và năng lượng tái tạo",
        ),
        (
            "Phạm Quang Hiệu",
            2024,
            "cần nghiên cứu kỹ tiêu chuẩn của thị trường Nhật Bản để đưa hàng hóa vào hệ thống phân phối",
        ),
    ],
    # "khẳng định ... và yêu cầu ...": the request of a second verb, its ';' tasks one by one; the envoys' proposals are none
    "gd10_minister_affirms_and_asks.txt": [
        ("Bùi Thanh Sơn", 2022, "các cơ quan đại diện tăng cường nghiên cứu, dự báo chiến lược về kinh tế thế giới"),
        ("Bùi Thanh Sơn", 2022, "tiếp tục hỗ trợ địa phương, doanh nghiệp kết nối với đối tác nước ngoài"),
        ("Bùi Thanh Sơn", 2022, "tìm kiếm thị trường và lĩnh vực hợp tác mới"),
        (
            "Bùi Thanh Sơn",
            2022,
            "các đơn vị trong Bộ dành nguồn lực cho công tác dự báo, đánh giá tác động tới Việt Nam",
        ),
        (
            "Bùi Thanh Sơn",
            2022,
            "Các hoạt động ngoại giao kinh tế cần được triển khai nhanh nhạy, bám sát nhu cầu của đất nước",
        ),
    ],
    # the minister's tasks for a province, then the provincial party secretary's commitment and the task he hands
    # out; the province's request to the ministry is none (no asker of its own)
    "gd10_minister_asks_province.txt": [
        ("Bùi Thanh Sơn", 2023, "cần quán triệt sâu sắc đường lối đối ngoại của Đảng"),
        (
            "Bùi Thanh Sơn",
            2023,
            "chủ động tham gia xây dựng nền ngoại giao kinh tế phục vụ phát triển, thích ứng linh hoạt với tình hình mới",
        ),
        ("Đỗ Trọng Hưng", 2023, "tập trung thu hút các dự án đầu tư có công nghệ cao, thân thiện với môi trường"),
        (
            "Đỗ Trọng Hưng",
            2023,
            "Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành xây dựng kế hoạch quảng bá hình ảnh tỉnh tại Nhật Bản",
        ),
    ],
    # "Bộ trưởng ... cho rằng, các cơ quan đại diện cần ...; tập trung ..."; the envoys' proposals are none
    "gd10_minister_online_agencies.txt": [
        (
            "Bùi Thanh Sơn",
            2021,
            "cần đẩy mạnh ngoại giao vắc-xin dưới nhiều hình thức như viện trợ, mua bán và chuyển giao công nghệ",
        ),
        (
            "Bùi Thanh Sơn",
            2021,
            "tập trung theo dõi các xu hướng kinh tế mới sau đại dịch để kịp thời tham mưu cho Chính phủ",
        ),
        (
            "Bùi Thanh Sơn",
            2021,
            "các cơ quan đại diện làm sâu sắc hơn hợp tác kinh tế với các đối tác quan trọng, tận dụng tốt các hiệp định thương mại tự do đã có hiệu lực",
        ),
    ],
    # a leader says what Vietnam's bodies are to do with no verb of asking ("Bộ trưởng nêu rõ, thời gian tới, các cơ
    # quan đại diện tiếp tục bám sát ...", "... nhấn mạnh, các bộ, ngành, địa phương tập trung tháo gỡ ...") or the
    # action they stress ("nhấn mạnh việc tận dụng ..."), not what was done or is, nor a foreign minister's words
    "gd10_minister_says_what_bodies_do.txt": [
        ("Bùi Thanh Sơn", 2024, "các cơ quan đại diện tiếp tục bám sát nhu cầu của địa phương và doanh nghiệp"),
        ("Bùi Thanh Sơn", 2024, "các bộ, ngành, địa phương tập trung tháo gỡ vướng mắc cho các dự án đầu tư lớn"),
        ("Bùi Thanh Sơn", 2024, "tận dụng hiệu quả các hiệp định thương mại tự do đã ký kết"),
    ],
    # "Năm 2025, ngành ngoại giao sẽ tập trung ...", "nhiệm vụ đặt ra ... là", "Trọng tâm là", "Ưu tiên hàng đầu là",
    # a quoted "Chúng ta cần ...", "Bộ trưởng nhấn mạnh cần ..."
    "gd10_new_year_priorities_named.txt": [
        (
            "Bùi Thanh Sơn",
            2025,
            "tập trung triển khai hiệu quả các thỏa thuận đã đạt được trong các chuyến thăm cấp cao",
        ),
        ("Bùi Thanh Sơn", 2025, "mở ra không gian phát triển mới cho đất nước"),
        ("Bùi Thanh Sơn", 2025, "thu hút đầu tư chất lượng cao vào bán dẫn, trí tuệ nhân tạo và năng lượng sạch"),
        (
            "Bùi Thanh Sơn",
            2025,
            "đẩy nhanh việc ký kết các hiệp định thương mại tự do với các thị trường mới như Trung Đông, Mỹ Latinh",
        ),
        (
            "Bùi Thanh Sơn",
            2025,
            "cần chủ động hơn nữa trong việc nắm bắt cơ hội từ các xu hướng dịch chuyển chuỗi cung ứng",
        ),
        ("Bùi Thanh Sơn", 2025, "cần đổi mới mạnh mẽ phương thức xúc tiến thương mại, đầu tư"),
        (
            "Bùi Thanh Sơn",
            2025,
            "các Đại sứ, Trưởng cơ quan đại diện tăng cường kết nối địa phương với đối tác nước ngoài",
        ),
    ],
    # a conclusion in its own words ("Yêu cầu các bộ, ngành ...", "Đề nghị Bộ Ngoại giao ..."), not the nouns
    # ("Yêu cầu đặt ra ... là", "Đề nghị của các hiệp hội ...")
    "gd10_notice_opening_verbs.txt": [
        (
            "Trần Hồng Hà",
            2024,
            "các bộ, ngành, địa phương quán triệt tinh thần chủ động, tích cực trong thu hút đầu tư nước ngoài có chọn lọc",
        ),
        (
            "Trần Hồng Hà",
            2024,
            "Bộ Ngoại giao chỉ đạo các cơ quan đại diện ở nước ngoài giới thiệu các dự án trọng điểm tới nhà đầu tư tiềm năng",
        ),
        ("Trần Hồng Hà", 2024, "phải đổi mới mạnh mẽ về phương thức"),
    ],
    # a partner's wishes and requests, a business's proposal, what was discussed, last year's results, a resolution's
    # wording, a slogan and experts' views are none; only what the Prime Minister asks
    "gd10_partner_reception_experts.txt": [
        ("Phạm Minh Chính", 2024, "Hàn Quốc mở cửa thị trường hơn nữa cho nông sản Việt Nam"),
        ("Phạm Minh Chính", 2024, "hai bên phối hợp tổ chức thành công các hoạt động kỷ niệm quan hệ ngoại giao"),
    ],
    # "các Đại sứ cũng cần ...", "Bên cạnh đó, các Đại sứ cần ...", and a sentence going on verb first ("Làm tốt hơn nữa ...")
    "gd10_pm_envoys_also_need.txt": [
        (
            "Nguyễn Tấn Dũng",
            2011,
            "các Đại sứ, với tư cách là những sứ giả của đất nước, cần luôn đặt lợi ích quốc gia lên trên hết trong mọi hoạt động",
        ),
        ("Nguyễn Tấn Dũng", 2011, "cần lan tỏa hình ảnh một Việt Nam hòa bình, năng động tới bạn bè quốc tế"),
        ("Nguyễn Tấn Dũng", 2011, "cần chú trọng củng cố lòng tin chính trị giữa Việt Nam với các nước sở tại"),
        (
            "Nguyễn Tấn Dũng",
            2011,
            "cần dành nhiều tâm sức hơn cho ngoại giao kinh tế, nhất là mở rộng thị trường cho hàng Việt Nam, thu hút đầu tư và khách du lịch",
        ),
        ("Nguyễn Tấn Dũng", 2011, "mở rộng hợp tác trong các lĩnh vực giáo dục; y tế; văn hóa"),
        (
            "Nguyễn Tấn Dũng",
            2011,
            "Làm tốt hơn nữa công tác bảo hộ công dân và vận động kiều bào; xây dựng cơ quan đại diện đoàn kết, vững mạnh",
        ),
    ],
    # "mong muốn và tin tưởng trong nhiệm kỳ này, các Đại sứ sẽ ...", "cần đi đầu thúc đẩy ..." (an action, not a role),
    # "việc thu hút ... phải được coi là nhiệm vụ trọng tâm" (the task named before), "giao nhiệm vụ cho Bộ ...";
    # agreeing to a proposal is none
    "gd10_pm_envoys_wishes_and_deems.txt": [
        (
            "Nguyễn Xuân Phúc",
            2017,
            "trong nhiệm kỳ này, các Đại sứ, Trưởng Cơ quan đại diện sẽ phát huy tinh thần trách nhiệm, thúc đẩy quan hệ hợp tác với nước sở tại",
        ),
        ("Nguyễn Xuân Phúc", 2017, "cần bám sát các chủ trương của Đảng, lấy hiệu quả thực chất làm tiêu chí hàng đầu"),
        ("Nguyễn Xuân Phúc", 2017, "phải tranh thủ tối đa thế và lực mới của đất nước để mở rộng thị trường"),
        ("Nguyễn Xuân Phúc", 2017, "cần đi đầu thúc đẩy xuất khẩu hàng Việt, nhất là nông sản"),
        ("Nguyễn Xuân Phúc", 2017, "thu hút đầu tư chất lượng cao"),
        (
            "Nguyễn Xuân Phúc",
            2017,
            "Bộ Ngoại giao chủ trì tổng hợp kiến nghị của các Đại sứ, báo cáo Chính phủ trước ngày 30/9",
        ),
    ],
    # "..., do đó, các đồng chí Đại sứ ... cần ...", "..., vì vậy các đồng chí Đại sứ phải ..."; the envoys' pledge is none
    "gd10_pm_new_envoys_therefore.txt": [
        ("Nguyễn Xuân Phúc", 2019, "cần linh hoạt, khéo léo và sáng tạo trong cách làm ngoại giao"),
        ("Nguyễn Xuân Phúc", 2019, "phải xây dựng kế hoạch công tác cụ thể ngay từ ngày đầu nhận nhiệm vụ"),
    ],
    # "..., những người đứng đầu ... phải ..., ông nói.", "Ông đề nghị ...", "lưu ý sự cần thiết phải ..."; the envoys'
    # pledge and what the Prime Minister says they are are none
    "gd10_pm_reception_he_said.txt": [
        ("Nguyễn Xuân Phúc", 2020, "phải đặc biệt coi trọng việc mở rộng hợp tác kinh tế, thương mại và đầu tư"),
        (
            "Nguyễn Xuân Phúc",
            2020,
            "các nhà ngoại giao thường xuyên gửi kiến nghị về nước về các biện pháp thúc đẩy sản xuất và xuất khẩu",
        ),
        (
            "Nguyễn Xuân Phúc",
            2020,
            "phải hỗ trợ cộng đồng người Việt ở nước ngoài gìn giữ tiếng Việt và văn hóa dân tộc",
        ),
    ],
    # ';' tasks of one request, each its own directive, one of them sharing words with a later demand on the same
    # markets ("mở rộng thị trường mới ở Trung Đông, châu Phi" / "tạo đột phá ở các thị trường mới, nhất là Trung Đông,
    # châu Phi, ..."): two demands, not a repeat; dashed items after a lead-in are the lists', a counted set is none
    "gd10_pm_semicolon_tasks_and_lists.txt": [
        ("Phạm Minh Chính", 2026, "các cơ quan đại diện tập trung thúc đẩy xuất khẩu"),
        ("Phạm Minh Chính", 2026, "thu hút đầu tư công nghệ cao"),
        ("Phạm Minh Chính", 2026, "mở rộng thị trường mới ở Trung Đông, châu Phi"),
        ("Phạm Minh Chính", 2026, "hỗ trợ doanh nghiệp xử lý tranh chấp thương mại"),
        (
            "Phạm Minh Chính",
            2026,
            "Bộ Ngoại giao chủ trì, phối hợp với Bộ Công Thương, Bộ Tài chính, Bộ Khoa học và Công nghệ và các địa phương xây dựng chương trình hỗ trợ doanh nghiệp vươn ra thế giới",
        ),
        (
            "Phạm Minh Chính",
            2026,
            "phải tạo đột phá ở các thị trường mới, nhất là Trung Đông, châu Phi, Mỹ Latinh, Trung Á",
        ),
    ],
    # a request after its setting, which names a partner ("Tại buổi làm việc với Hiệp hội doanh nghiệp Nhật Bản tại
    # Việt Nam, Thủ tướng yêu cầu ...", "Với quan điểm ..., Thủ tướng đề nghị ..."), and after the asker's confidence
    # ("bày tỏ tin tưởng và yêu cầu ..."); the association's own proposal is none
    "gd10_pm_setting_names_partner.txt": [
        ("Phạm Minh Chính", 2024, "các bộ, ngành khẩn trương tháo gỡ vướng mắc về thủ tục đầu tư"),
        ("Phạm Minh Chính", 2024, "các cơ quan đại diện chủ động kết nối doanh nghiệp hai nước"),
        ("Phạm Minh Chính", 2024, "các bộ, ngành phối hợp chặt chẽ để hiện thực hóa các dự án lớn"),
        (
            "Phạm Minh Chính",
            2024,
            "các cơ quan liên quan hỗ trợ 100 doanh nghiệp Việt Nam tham gia chuỗi cung ứng của Nhật Bản trong năm 2024",
        ),
    ],
    # a leader who thanks the envoys for their views and then asks, in one long sentence ("..., cảm ơn các ý
    # kiến ... của các Đại sứ ..., đồng thời yêu cầu ..."), asking on in the next ("Đồng thời, yêu cầu ...")
    "gd10_pm_thanks_then_asks.txt": [
        ("Phạm Minh Chính", 2022, "các Đại sứ tập trung thúc đẩy xuất khẩu và thu hút đầu tư chất lượng cao"),
        (
            "Phạm Minh Chính",
            2022,
            "các cơ quan đại diện bám sát nhu cầu trong nước, kịp thời thông tin về thị trường cho doanh nghiệp",
        ),
        (
            "Phạm Minh Chính",
            2022,
            "các bộ, ngành, địa phương phối hợp chặt chẽ với các cơ quan đại diện trong xúc tiến thương mại",
        ),
        ("Phạm Minh Chính", 2022, "cần chú trọng hơn đến chất lượng và thương hiệu"),
        ("Phạm Minh Chính", 2022, "phải là cánh tay nối dài của doanh nghiệp ở nước ngoài"),
        ("Phạm Minh Chính", 2022, "Bộ Ngoại giao sớm kiện toàn đội ngũ cán bộ làm ngoại giao kinh tế"),
    ],
    # requests, a task handed out, "chỉ đạo, ... phải ...", a quoted demand (without its closing quote), a wish for the
    # ministry
    "gd10_pm_works_ministry_2017.txt": [
        (
            "Nguyễn Xuân Phúc",
            2017,
            "Bộ Ngoại giao tập trung làm tốt công tác chuẩn bị Năm APEC 2017, bảo đảm thành công toàn diện",
        ),
        (
            "Nguyễn Xuân Phúc",
            2017,
            "Bộ Ngoại giao phối hợp với Bộ Công Thương nghiên cứu, đề xuất các giải pháp tận dụng các FTA đã ký",
        ),
        ("Nguyễn Xuân Phúc", 2017, "ngoại giao kinh tế phải lấy doanh nghiệp làm trung tâm phục vụ"),
        (
            "Nguyễn Xuân Phúc",
            2017,
            "phải tích cực, chủ động hơn nữa trong việc hỗ trợ doanh nghiệp tìm kiếm thị trường",
        ),
        ("Nguyễn Xuân Phúc", 2017, "cần quan tâm công tác cán bộ, nhất là đào tạo đội ngũ cán bộ ngoại giao kinh tế"),
        ("Nguyễn Xuân Phúc", 2017, "phải là những người bán hàng giỏi, đưa hàng Việt Nam tới mọi thị trường"),
        ("Nguyễn Xuân Phúc", 2017, "cần phối hợp chặt chẽ với các địa phương tổ chức các hội nghị xúc tiến đầu tư"),
        (
            "Nguyễn Xuân Phúc",
            2017,
            "ngành ngoại giao phát huy truyền thống vẻ vang, đóng góp nhiều hơn nữa cho sự phát triển của đất nước",
        ),
    ],
    # a provincial department head's interview: "Năm 2024, Sở Ngoại vụ sẽ tham mưu ...", the province's named
    # priority, what the departments must do and "Sở Ngoại vụ cũng sẽ đẩy mạnh ..."; last year's results are none
    "gd10_province_department_interview.txt": [
        (
            "Vũ Thị Minh Hạnh",
            2024,
            "tham mưu cho Tỉnh ủy, UBND tỉnh tổ chức hiệu quả các hoạt động đối ngoại của lãnh đạo tỉnh",
        ),
        ("Vũ Thị Minh Hạnh", 2024, "thu hút đầu tư từ Hàn Quốc và Nhật Bản"),
        ("Vũ Thị Minh Hạnh", 2024, "cần phối hợp chặt chẽ với Sở Ngoại vụ trong quản lý đoàn ra, đoàn vào"),
        ("Vũ Thị Minh Hạnh", 2024, "đẩy mạnh thông tin đối ngoại, quảng bá hình ảnh Tuyên Quang tới bạn bè quốc tế"),
    ],
    # a provincial party secretary named before ("Đồng chí yêu cầu ..."), the province's commitment, two ';' demands
    # with their own subjects; a business's proposal, what was discussed and thanks are none
    "gd10_province_party_secretary.txt": [
        ("Vũ Đại Thắng", 2024, "các sở, ngành, địa phương tiếp tục đổi mới nội dung, phương thức hoạt động đối ngoại"),
        ("Vũ Đại Thắng", 2024, "tập trung thu hút các dự án FDI quy mô lớn, công nghệ hiện đại vào các khu kinh tế"),
        ("Vũ Đại Thắng", 2024, "phải phục vụ trực tiếp mục tiêu tăng trưởng kinh tế của tỉnh"),
        ("Vũ Đại Thắng", 2024, "phải chủ động tham mưu các hoạt động xúc tiến đầu tư tại Nhật Bản, Hàn Quốc"),
        (
            "Nguyễn Minh Hằng",
            2024,
            "tỉnh phát huy vai trò cửa ngõ trong hợp tác với Trung Quốc, tận dụng tốt các cơ chế hợp tác địa phương",
        ),
    ],
    # a quotation opening the article, whose speaker the next sentence names ("“...”. Đó là yêu cầu của Thủ tướng
    # Phạm Minh Chính ...")
    "gd10_quote_lede_named_after.txt": [
        ("Phạm Minh Chính", 2025, "phải chủ động đồng hành cùng doanh nghiệp ở thị trường nước ngoài"),
    ],
    # a demand with its own source after the chair's lede ("Theo báo cáo tại hội nghị, các địa phương cần ...") is
    # the source's, not the chair's
    "gd10_report_after_chair_lede.txt": [
        ("Hội nghị", 2025, "cần chuẩn bị kỹ hơn danh mục dự án kêu gọi đầu tư nước ngoài"),
        (
            "Phạm Minh Chính",
            2025,
            "các cơ quan đại diện tận dụng tối đa các hiệp định thương mại tự do để mở rộng thị trường",
        ),
    ],
    # a request that ends its paragraph with a colon and no list after it ("Kết luận hội nghị, Thủ tướng yêu cầu: ¶
    # Các cơ quan đại diện tiếp tục ... ¶ Các bộ, ngành, địa phương phối hợp ... ¶ Bộ Ngoại giao chủ trì ..."): each
    # paragraph after it is one of its demands
    "gd10_request_colon_then_paragraphs.txt": [
        (
            "Phạm Minh Chính",
            2024,
            "Các cơ quan đại diện tiếp tục bám sát tình hình, kịp thời tham mưu cho Chính phủ các đối sách phù hợp",
        ),
        (
            "Phạm Minh Chính",
            2024,
            "Các bộ, ngành, địa phương phối hợp chặt chẽ với các cơ quan đại diện trong xúc tiến đầu tư, thương mại",
        ),
        (
            "Phạm Minh Chính",
            2024,
            "Bộ Ngoại giao chủ trì tổng hợp các kiến nghị của các Đại sứ, báo cáo Thủ tướng trước ngày 15/8",
        ),
    ],
    # a request going on sentence by sentence, each opening with its verb ("Kịp thời tham mưu ...", "Tích cực hỗ
    # trợ ..."); the same word opening a report of what was done is none
    "gd10_request_goes_on_verb_first.txt": [
        ("Phạm Minh Chính", 2025, "các cơ quan đại diện nắm chắc tình hình kinh tế của nước sở tại"),
        ("Phạm Minh Chính", 2025, "Kịp thời tham mưu cho Chính phủ các biện pháp ứng phó với chính sách thuế quan mới"),
        ("Phạm Minh Chính", 2025, "Tích cực hỗ trợ doanh nghiệp tìm kiếm thị trường thay thế"),
    ],
    # a ';' piece that opens with the verb of asking is asked by the person who opens the sentence ("Tổng Bí thư
    # ... đánh giá cao ...; đề nghị Đảng ủy Bộ Ngoại giao ..."), not by a province reporting nor a foreign president
    "gd10_semicolon_asks_on.txt": [
        (
            "Tô Lâm",
            2025,
            "Đảng ủy Bộ Ngoại giao tiếp tục phối hợp chặt chẽ với các ban, bộ, ngành, địa phương trong triển khai các nhiệm vụ đối ngoại",
        ),
        ("Lê Hoài Trung", 2025, "các đơn vị nâng cao chất lượng công tác nghiên cứu, dự báo chiến lược"),
    ],
    # what is to be done first ("việc cần làm ngay là rà soát ...", "Điều cần làm trước mắt là tháo gỡ ...") and
    # "điều quan trọng là phải ..." are tasks; a question of what to do and last year's focus are none
    "gd10_what_to_do_first.txt": [
        ("Bùi Thanh Sơn", 2024, "rà soát toàn bộ các thỏa thuận đã ký trong các chuyến thăm cấp cao"),
        ("Bùi Thanh Sơn", 2024, "phải biến các cam kết thành dự án cụ thể"),
        ("Bùi Thanh Sơn", 2024, "tháo gỡ vướng mắc cho các dự án lớn"),
    ],
    # officials named before their titles ("Ông A, Vụ trưởng ..., cho rằng ...", "Theo ông B, Giám đốc Sở ..., ...",
    # "Bà C - Cục trưởng ... nhấn mạnh, ...") state directives; a scholar's view ("PGS.TS ..., Học viện Ngoại giao, cho
    # rằng ...") is none
    "gd10_workshop_officials_and_scholar.txt": [
        ("Nguyễn Văn Thành", 2024, "cần xây dựng danh mục dự án kêu gọi đầu tư cụ thể, sát thực tế"),
        ("Trần Quốc Hùng", 2024, "cần tập trung thu hút đầu tư vào công nghiệp chế biến"),
        ("Lê Thị Hoa", 2024, "phải chủ động nghiên cứu thị trường trước khi tham gia hội chợ ở nước ngoài"),
        ("Trần Lưu Quang", 2024, "cần tháo gỡ ngay các điểm nghẽn về thể chế để thu hút nguồn lực bên ngoài"),
    ],
    # a year-end conference: "toàn ngành phải ...", "không chỉ làm chính trị mà còn phải làm kinh tế", "ngành ngoại
    # giao còn phải ...", and the ministry named before committing ("Trong năm tới, Bộ sẽ tiếp tục ..."); the year
    # reviewed and the awards are none
    "gd10_year_end_2018_not_only_but_also.txt": [
        ("Phạm Bình Minh", 2019, "phải nỗ lực hơn nữa, phát huy vai trò tiên phong trong hội nhập quốc tế"),
        (
            "Phạm Bình Minh",
            2019,
            "các đơn vị cần chuẩn bị chu đáo cho năm Việt Nam đảm nhận vai trò Chủ tịch ASEAN 2020",
        ),
        (
            "Phạm Bình Minh",
            2019,
            "các cơ quan đại diện không chỉ làm chính trị mà còn phải làm kinh tế, quảng bá hàng hóa Việt Nam",
        ),
        ("Phạm Bình Minh", 2019, "phải huy động hiệu quả các nguồn lực bên ngoài cho phát triển"),
        ("Phạm Bình Minh", 2019, "tiếp tục đổi mới tư duy và phương thức triển khai công tác ngoại giao kinh tế"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_directive_of_the_page_with_its_speaker_year_and_text(name):
    page = UNSEEN / name
    found = extract(build_document(page.read_bytes(), page.name)).directives
    assert [(d.speaker, d.target_year, d.text) for d in found] == EXPECTED[name]
