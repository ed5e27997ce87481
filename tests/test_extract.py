"""Stage 2: every stated list, split exactly, of the right kind, count, target year and speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOLD, doc_from
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.extract import extract
from ngkt_cli.ingest import build_document
from ngkt_cli.text import key


def lists_of(text: str, **kwargs):
    return extract(doc_from(text, **kwargs)).lists


def items_of(found) -> list[str]:
    return [item.text for item in found.items]


# --- the seeds, held to the gold reading, item by item ----------------------------------------


def _gold_lists():
    for document in GOLD["documents"]:
        for number, gold_list in enumerate(document["lists"]):
            yield pytest.param(document["file"], number, gold_list, id=f"{document['file'][:3]}-{gold_list['kind']}")


def _lists_for(export: dict, file: str) -> list[dict]:
    doc = next(d for d in export["documents"] if d["path"].endswith(file))
    lists = [lst for lst in export["lists"] if lst["document_id"] == doc["id"]]
    for found in lists:
        found["items"] = [s for s in export["statements"] if s["list_id"] == found["id"]]
    return lists


@pytest.mark.parametrize("file, number, gold", list(_gold_lists()))
def test_seed_list_matches_gold(seed_export, file, number, gold):
    candidates = [lst for lst in _lists_for(seed_export, file) if lst["kind"] == gold["kind"]]
    found = next(
        lst
        for lst in candidates
        if all(any(key(g["anchor"]) in key(s["text"]) for s in lst["items"]) for g in gold["items"])
    )
    assert found["announced_count"] == gold["announced_count"]
    assert found["target_year"] == gold["target_year"]
    assert found["speaker"] == gold["speaker"]
    assert len(found["items"]) == len(gold["items"])
    anchors = [key(g["anchor"]) for g in gold["items"]]
    for gold_item, item in zip(gold["items"], found["items"]):
        text = key(item["text"])
        assert item["ordinal"] == gold_item["ordinal"]
        assert item["kind"] == gold["kind"] and item["target_year"] == gold["target_year"]
        assert key(gold_item["anchor"]) in text
        for other in anchors:
            if other != key(gold_item["anchor"]):
                assert other not in text, f"item {item['ordinal']} holds another item's text"
        for extra in gold_item.get("also_contains", []):
            assert key(extra) in text


def test_seeds_have_no_lists_beyond_gold(seed_export):
    for document in GOLD["documents"]:
        found = _lists_for(seed_export, document["file"])
        assert sorted(lst["kind"] for lst in found) == sorted(g["kind"] for g in document["lists"]), document["file"]


def test_seed_cues_hold_the_lead_in(seed_export):
    cues = [lst["cue"] for lst in seed_export["lists"]]
    for phrase in (
        "6 nhiệm vụ gồm",
        "4 bài học kinh nghiệm gồm",
        "6 kết quả gồm",
        "3 nội dung chính",
        "3 nhóm nhiệm vụ trọng tâm",
        "4 trọng tâm ngoại giao kinh tế",
        "đặt ra các trọng tâm trong ngoại giao kinh tế thời gian tới",
    ):
        assert any(phrase in cue for cue in cues), phrase


def test_statement_spans_point_into_the_stored_body(seeded_db):
    import sqlite3

    conn = sqlite3.connect(seeded_db)
    rows = conn.execute(
        "SELECT s.text, s.char_start, s.char_end, s.paragraph, d.body FROM statements s JOIN documents d ON d.id = s.document_id"
    ).fetchall()
    assert rows
    for text, start, end, paragraph, body in rows:
        assert body[start:end] == text
        assert body.count("\n\n", 0, start) == paragraph


# --- shapes ------------------------------------------------------------------------------------


def test_thu_nhat_paragraphs():
    [found] = lists_of("""
Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên cho biết, năm 2025 ngành tập trung vào 2 nhiệm vụ.

Thứ nhất, mở rộng thị trường xuất khẩu nông sản.

Thứ hai, phát triển thương mại điện tử.
""")
    assert items_of(found) == ["mở rộng thị trường xuất khẩu nông sản", "phát triển thương mại điện tử"]
    assert (found.kind, found.announced_count, found.target_year) == ("priority", 2, 2025)
    assert (found.speaker, found.speaker_title) == ("Nguyễn Hồng Diên", "Bộ trưởng Bộ Công Thương")


def test_thu_nhat_la_inline_in_one_paragraph():
    [found] = lists_of(
        "Thủ tướng Phạm Minh Chính nêu ba trọng tâm. Thứ nhất là ổn định kinh tế vĩ mô. Thứ hai là gỡ vướng thể chế. Thứ ba là đầu tư hạ tầng."
    )
    assert items_of(found) == ["ổn định kinh tế vĩ mô", "gỡ vướng thể chế", "đầu tư hạ tầng"]
    assert found.announced_count == 3


@pytest.mark.parametrize("noun", ["Nhóm giải pháp", "Mục tiêu", "Khâu đột phá", "Lĩnh vực", "Trụ cột", "Điểm"])
def test_ordinals_after_any_list_noun(noun):
    [found] = lists_of(
        f"Bộ trưởng cho biết năm 2025 có 2 {noun.lower()}.\n\n{noun} thứ nhất là mở rộng thị trường.\n\n{noun} thứ hai là thu hút đầu tư."
    )
    assert (items_of(found), found.announced_count) == (["mở rộng thị trường", "thu hút đầu tư"], 2)


@pytest.mark.parametrize(
    "text",
    [
        "Bộ trưởng nêu 3 nhiệm vụ. Trước hết, mở rộng thị trường. Thứ hai, thu hút đầu tư. Thứ ba, hỗ trợ doanh nghiệp.",
        "Bộ trưởng nêu 3 nhiệm vụ.\n\nĐầu tiên là mở rộng thị trường.\n\nThứ hai là thu hút đầu tư.\n\nCuối cùng là hỗ trợ doanh nghiệp.",
        "Bộ trưởng nêu 3 nhiệm vụ. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư. Cuối cùng, hỗ trợ doanh nghiệp.",
    ],
)
def test_runs_opened_by_truoc_het_or_closed_by_cuoi_cung(text):
    [found] = lists_of(text)
    assert (items_of(found), found.count_mismatch) == (
        ["mở rộng thị trường", "thu hút đầu tư", "hỗ trợ doanh nghiệp"],
        False,
    )


@pytest.mark.parametrize(
    "after",
    ["\n\nCuối cùng, Bộ trưởng cảm ơn các đại biểu.", "\n\nHội nghị kéo dài 2 ngày.\n\nCuối cùng, hội nghị bế mạc."],
)
def test_a_closing_cuoi_cung_beyond_the_announced_count_or_further_on_is_not_an_item(after):
    [found] = lists_of("Bộ trưởng nêu 2 nhiệm vụ. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư." + after)
    assert items_of(found) == ["mở rộng thị trường", "thu hút đầu tư"]


def test_spoken_ordinals_after_their_noun_and_a_comma():
    [found] = lists_of(
        "Bộ trưởng nêu 2 nhiệm vụ: nhiệm vụ thứ nhất là mở rộng thị trường, nhiệm vụ thứ hai là thu hút đầu tư."
    )
    assert items_of(found) == ["mở rộng thị trường", "thu hút đầu tư"]


def test_mot_la_spoken_without_a_comma():
    [found] = lists_of(
        "Đại sứ cho rằng có 2 lý do.\n\nMột là chúng ta đã vượt qua khó khăn.\n\nHai là chúng ta hội nhập sâu rộng."
    )
    assert (items_of(found), found.kind, found.announced_count) == (
        ["chúng ta đã vượt qua khó khăn", "chúng ta hội nhập sâu rộng"],
        "other",
        2,
    )


def test_thu_nhat_with_a_full_stop_before_a_capital():
    [found] = lists_of("""
Cụ thể, Thủ tướng yêu cầu năm 2026 tập trung 3 nhiệm vụ.

Thứ nhất. Tăng cường kết nối doanh nghiệp với thị trường quốc tế.

Thứ hai. Thu hút nguồn vốn chất lượng cao.

Thứ ba. Đẩy mạnh ngoại giao công nghệ.
""")
    assert items_of(found) == [
        "Tăng cường kết nối doanh nghiệp với thị trường quốc tế",
        "Thu hút nguồn vốn chất lượng cao",
        "Đẩy mạnh ngoại giao công nghệ",
    ]
    assert found.announced_count == 3


def test_a_marker_alone_on_its_line_has_its_text_in_the_next_paragraph():
    [found] = lists_of("""
Bộ trưởng Bùi Thanh Sơn cho biết năm 2025 ngoại giao kinh tế có 2 trọng tâm.

Thứ nhất:

Tạo đột phá trong hợp tác kinh tế với các đối tác chiến lược.

Thứ hai:

Nâng cao năng lực hỗ trợ doanh nghiệp.

Bộ trưởng cũng nhắc lại bài học năm 2024.
""")
    assert items_of(found) == [
        "Tạo đột phá trong hợp tác kinh tế với các đối tác chiến lược",
        "Nâng cao năng lực hỗ trợ doanh nghiệp",
    ]


def test_results_then_tasks_in_one_paragraph_are_two_lists():
    results, tasks = lists_of(
        "Bộ trưởng Bùi Thanh Sơn cho biết năm 2024 ngành đạt 2 kết quả: một là, xuất khẩu tăng 14%; hai là, FDI đạt kỷ lục. "
        "Năm 2025 cần tập trung 2 nhiệm vụ: một là, mở rộng thị trường; hai là, thu hút đầu tư chất lượng cao."
    )
    assert (results.kind, items_of(results)) == ("achievement", ["xuất khẩu tăng 14%", "FDI đạt kỷ lục"])
    assert (tasks.kind, tasks.cue, items_of(tasks)) == (
        "priority",
        "Năm 2025 cần tập trung 2 nhiệm vụ:",
        ["mở rộng thị trường", "thu hút đầu tư chất lượng cao"],
    )


def test_a_list_summed_up_in_the_lede_and_then_detailed_counts_once():
    [found] = lists_of(
        "Thủ tướng Phạm Minh Chính yêu cầu năm 2025 tập trung 3 nhiệm vụ gồm: đa dạng hóa thị trường; thu hút đầu tư chất lượng cao; "
        "hỗ trợ doanh nghiệp vươn ra quốc tế.\n\nThủ tướng nhấn mạnh 3 nhiệm vụ cụ thể.\n\n"
        "Thứ nhất, đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng.\n\nThứ hai, thu hút đầu tư chất lượng cao vào bán dẫn.\n\n"
        "Thứ ba, hỗ trợ doanh nghiệp vươn ra quốc tế, xây dựng thương hiệu quốc gia."
    )
    assert found.marker == "thu"  # the fuller wording
    assert items_of(found)[0] == "đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng"


def test_two_lists_of_other_items_in_one_article_are_both_kept():
    assert (
        len(
            lists_of(
                "Năm 2024 ngành đạt 2 kết quả gồm: xuất khẩu tăng mạnh; thu hút FDI kỷ lục. "
                "Năm 2025 cần 2 nhiệm vụ gồm: mở rộng thị trường mới; nâng cao năng lực dự báo."
            )
        )
        == 2
    )


# The lede sums a list up, the body details it: item by item, the words of the shorter wording
# that the other has (SAME_ITEM_WORDS, 0.8) say whether it is one list or two.
SUMMED_UP = "Bộ trưởng Bùi Thanh Sơn nêu năm 2025 có 3 nhiệm vụ gồm: mở rộng thị trường xuất khẩu; thu hút đầu tư công nghệ cao; phát triển kinh tế số bền vững."


@pytest.mark.parametrize(
    "details, lists",
    [
        # 5 of 6 words, 6 of 7, 7 of 7: the same items in fuller words
        (
            (
                "mở rộng thị trường xuất hàng sang châu Âu",
                "thu hút đầu tư công nghệ mới vào miền Trung",
                "phát triển kinh tế số bền vững hơn ở các đô thị",
            ),
            1,
        ),
        # 4 of 6 words, 4 of 7, 4 of 7: other items that start alike
        (("mở rộng thị trường cho nông sản", "thu hút đầu tư vào hạ tầng", "phát triển kinh tế biển và du lịch"), 2),
    ],
    ids=["83 percent alike", "67 percent alike"],
)
def test_a_lede_and_a_body_list_are_one_list_when_their_items_share_80_percent_of_their_words(details, lists):
    first, second, third = details
    found = lists_of(
        f"{SUMMED_UP}\n\nBộ trưởng nói rõ 3 nhiệm vụ.\n\nThứ nhất, {first}.\n\nThứ hai, {second}.\n\nThứ ba, {third}."
    )
    assert [items_of(f) for f in found][-1] == list(details)
    assert len(found) == lists


def test_a_wrap_up_after_the_list_is_its_lead_in_and_not_item_text():
    [found] = lists_of(
        "Hội nghị diễn ra tại Hà Nội với sự tham dự của nhiều đại biểu.\n\nThứ nhất, mở rộng thị trường xuất khẩu. "
        "Thứ hai, thu hút đầu tư chất lượng cao. Đó là 2 nhiệm vụ trọng tâm năm 2025 mà Bộ trưởng Bùi Thanh Sơn nêu tại hội nghị."
    )
    assert items_of(found) == ["mở rộng thị trường xuất khẩu", "thu hút đầu tư chất lượng cao"]
    assert (found.kind, found.announced_count, found.target_year, found.speaker) == (
        "priority",
        2,
        2025,
        "Bùi Thanh Sơn",
    )
    assert found.cue == "Đó là 2 nhiệm vụ trọng tâm năm 2025 mà Bộ trưởng Bùi Thanh Sơn nêu tại hội nghị."


def test_a_wrap_up_opening_the_next_paragraph_is_the_lead_in_too():
    [found] = lists_of(
        "Hội nghị diễn ra tại Hà Nội.\n\nThứ nhất, mở rộng thị trường xuất khẩu.\n\nThứ hai, thu hút đầu tư chất lượng cao.\n\n"
        "Đó là 2 nhiệm vụ trọng tâm năm 2025 mà Bộ trưởng Bùi Thanh Sơn nêu tại hội nghị. Hội nghị kết thúc lúc 17 giờ."
    )
    assert (found.announced_count, found.target_year, found.speaker) == (2, 2025, "Bùi Thanh Sơn")
    assert found.cue == "Đó là 2 nhiệm vụ trọng tâm năm 2025 mà Bộ trưởng Bùi Thanh Sơn nêu tại hội nghị."


def test_a_person_named_inside_the_last_item_is_not_its_speaker():
    [found] = lists_of(
        "Hội nghị nêu 2 nhiệm vụ. Thứ nhất, mở rộng thị trường. Thứ hai, hỗ trợ doanh nghiệp như Bộ trưởng Nguyễn Hồng Diên đề nghị."
    )
    assert found.speaker == "Hội nghị"  # the body that opens the lead-in, not the person in the item


def test_mot_la_with_an_item_over_several_paragraphs():
    [found] = lists_of("""
Bộ Ngoại giao xác định các nhiệm vụ trọng tâm.

Một là, nâng cao chất lượng tham mưu.

Hai là, thúc đẩy hợp tác kinh tế.

Tận dụng các hiệp định thương mại tự do.

Ba là, đổi mới phương thức triển khai.
""")
    assert items_of(found) == [
        "nâng cao chất lượng tham mưu",
        "thúc đẩy hợp tác kinh tế.\n\nTận dụng các hiệp định thương mại tự do",
        "đổi mới phương thức triển khai",
    ]


def test_lower_case_inline_mot_la():
    [found] = lists_of(
        "Thứ trưởng Bộ Ngoại giao cho biết cần làm hai việc: một là, rà soát cam kết; hai là, đôn đốc triển khai."
    )
    assert items_of(found) == ["rà soát cam kết", "đôn đốc triển khai"]
    assert found.speaker == "Thứ trưởng Bộ Ngoại giao"


def test_parenthesised_numbers_inline():
    [found] = lists_of(
        "Các nhiệm vụ gồm (1) hoàn thiện thể chế; (2) phát triển hạ tầng; (3) phát triển nguồn nhân lực."
    )
    assert items_of(found) == ["hoàn thiện thể chế", "phát triển hạ tầng", "phát triển nguồn nhân lực"]


def test_parenthesised_numbers_in_a_running_sentence():
    [found] = lists_of(
        "Năm 2025 có 3 nhiệm vụ gồm (1) mở rộng thị trường, (2) thu hút đầu tư và (3) hỗ trợ doanh nghiệp."
    )
    assert items_of(found) == ["mở rộng thị trường", "thu hút đầu tư", "hỗ trợ doanh nghiệp"]


def test_roman_numerals_inline_are_stripped_from_the_items():
    [found] = lists_of(
        "Hội nghị thảo luận 3 nội dung chính: (i) đánh giá tình hình kinh tế thế giới; (ii) kết quả năm 2023; (iii) định hướng năm 2024."
    )
    assert items_of(found) == ["đánh giá tình hình kinh tế thế giới", "kết quả năm 2023", "định hướng năm 2024"]
    assert (found.kind, found.announced_count) == ("agenda", 3)


def test_ordinals_named_by_their_noun():
    [found] = lists_of(
        "Thủ tướng Phạm Minh Chính nêu rõ hai nhiệm vụ. Nhiệm vụ thứ nhất là ổn định vĩ mô. Nhiệm vụ thứ hai là tháo gỡ điểm nghẽn."
    )
    assert items_of(found) == ["ổn định vĩ mô", "tháo gỡ điểm nghẽn"]
    assert found.announced_count == 2


def test_a_count_of_things_to_do():
    [found] = lists_of(
        "Phó Thủ tướng yêu cầu tập trung vào ba việc: thứ nhất, hoàn thiện thể chế; thứ hai, đẩy mạnh xúc tiến đầu tư; thứ ba, đào tạo nhân lực."
    )
    assert (found.kind, found.announced_count, len(found.items)) == ("priority", 3, 3)


def test_spoken_ordinals_after_commas():
    [found] = lists_of(
        "Bộ trưởng cho biết ba trọng tâm: thứ nhất là đổi mới tư duy, thứ hai là hoàn thiện thể chế, thứ ba là nâng cao năng lực."
    )
    assert items_of(found) == ["đổi mới tư duy", "hoàn thiện thể chế", "nâng cao năng lực"]


def test_numbered_with_slashes():
    [found] = lists_of("Các giải pháp trọng tâm:\n\n1/ Hoàn thiện thể chế.\n\n2/ Đẩy mạnh xúc tiến đầu tư.")
    assert items_of(found) == ["Hoàn thiện thể chế", "Đẩy mạnh xúc tiến đầu tư"]


def test_numbered_paragraphs():
    [found] = lists_of("""
Các nhiệm vụ trọng tâm năm 2026:

1. Đẩy mạnh ngoại giao kinh tế.

2. Thu hút đầu tư công nghệ cao.
""")
    assert items_of(found) == ["Đẩy mạnh ngoại giao kinh tế", "Thu hút đầu tư công nghệ cao"]
    assert found.target_year == 2026


def test_lettered_items():
    [found] = lists_of("""
Bộ đề ra các giải pháp:

a) Hoàn thiện thể chế.

b) Tăng cường phối hợp.
""")
    assert items_of(found) == ["Hoàn thiện thể chế", "Tăng cường phối hợp"]


def test_numbers_inline_after_a_colon_and_semicolons():
    for marks in ("1) 2) 3)", "1. 2. 3."):
        one, two, three = marks.split()
        [found] = lists_of(
            f"Bộ trưởng Bùi Thanh Sơn đề nghị 3 nhiệm vụ gồm: {one} hoàn thiện thể chế; {two} mở rộng thị trường; {three} nâng cao năng lực."
        )
        assert items_of(found) == ["hoàn thiện thể chế", "mở rộng thị trường", "nâng cao năng lực"], marks
        assert found.announced_count == 3


def test_bracketed_letters_inline():
    [found] = lists_of(
        "Bộ trưởng Bùi Thanh Sơn đề nghị tập trung 3 nhiệm vụ: (a) hoàn thiện thể chế; (b) mở rộng thị trường; (c) nâng cao năng lực cán bộ."
    )
    assert items_of(found) == ["hoàn thiện thể chế", "mở rộng thị trường", "nâng cao năng lực cán bộ"]
    assert (found.announced_count, found.speaker) == (3, "Bùi Thanh Sơn")


def test_letters_with_full_stops_at_paragraph_starts():
    [found] = lists_of("""
Bộ trưởng Nguyễn Hồng Diên yêu cầu thực hiện 3 nhiệm vụ:

a. Hoàn thiện thể chế về xuất nhập khẩu.

b. Phát triển thị trường trong nước.

c. Đẩy mạnh chuyển đổi số.
""")
    assert items_of(found) == [
        "Hoàn thiện thể chế về xuất nhập khẩu",
        "Phát triển thị trường trong nước",
        "Đẩy mạnh chuyển đổi số",
    ]
    assert (found.announced_count, found.speaker) == (3, "Nguyễn Hồng Diên")


@pytest.mark.parametrize("bullet", ["➢", "■", "✓", "❖"])
def test_bullets_of_other_shapes(bullet):
    [found] = lists_of(
        f"Bộ trưởng đề nghị tập trung 2 nhiệm vụ:\n\n{bullet} Hoàn thiện thể chế.\n\n{bullet} Mở rộng thị trường."
    )
    assert items_of(found) == ["Hoàn thiện thể chế", "Mở rộng thị trường"]


def test_bullets():
    [found] = lists_of("""
Hội nghị thống nhất các ưu tiên thời gian tới:

• Thúc đẩy chuyển đổi số.

• Phát triển kinh tế xanh.

• Hỗ trợ doanh nghiệp.
""")
    assert [i.ordinal for i in found.items] == [1, 2, 3]
    assert items_of(found)[2] == "Hỗ trợ doanh nghiệp"


def test_inline_semicolons_with_lower_case_continuation():
    [found] = lists_of(
        "Thủ tướng nêu 3 bài học gồm: Kiên định mục tiêu; Lắng nghe doanh nghiệp; bám sát thực tiễn; Đổi mới cách làm."
    )
    assert found.kind == "lesson"
    assert items_of(found) == ["Kiên định mục tiêu", "Lắng nghe doanh nghiệp; bám sát thực tiễn", "Đổi mới cách làm"]
    assert not found.count_mismatch


def test_a_lead_in_inside_a_quoted_slogan_leads_in_nothing_but_a_quoted_list_is_a_list():
    slogan = (
        "Các đơn vị phải tuân thủ phương châm “Kỷ cương đi trước - hành động đi cùng - kết quả là thước đo”; "
        "nâng cao trách nhiệm người đứng đầu, dám nghĩ, dám làm."
    )
    assert lists_of(slogan) == ()
    [quoted] = lists_of(
        "Bộ trưởng nói: “Năm nay ngành có ba trọng tâm là: mở rộng thị trường; thu hút đầu tư; phát triển du lịch”."
    )
    assert items_of(quoted) == ["mở rộng thị trường", "thu hút đầu tư", "phát triển du lịch"]


def test_inline_all_lower_case_pieces_are_each_an_item():
    [found] = lists_of("Hội nghị thảo luận 3 nội dung: thúc đẩy xuất khẩu; thu hút đầu tư; phát triển du lịch.")
    assert found.kind == "agenda"
    assert len(found.items) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Năm nay Bộ đặt ra ba ưu tiên gồm mở rộng thị trường xuất khẩu; thu hút đầu tư công nghệ cao; phát triển du lịch xanh.",
        "Việt Nam nêu ba ưu tiên lớn về mở rộng thị trường xuất khẩu; thu hút đầu tư công nghệ cao; và phát triển du lịch xanh.",
        "Ngành xác định 3 nhiệm vụ trọng tâm là mở rộng thị trường xuất khẩu; thu hút đầu tư công nghệ cao; phát triển du lịch xanh.",
    ],
)
def test_an_inline_list_after_a_counted_noun_needs_no_colon(text):
    [found] = lists_of(text)
    assert (found.kind, found.announced_count) == ("priority", 3)
    assert items_of(found) == [
        "mở rộng thị trường xuất khẩu",
        "thu hút đầu tư công nghệ cao",
        "phát triển du lịch xanh",
    ]


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Theo Bộ trưởng, kết quả nổi bật là thị trường được mở rộng; đầu tư được thu hút mạnh; du lịch được phục hồi.",
            "achievement",
        ),
        ("Nhiệm vụ trọng tâm năm tới là giữ vững thị trường truyền thống; mở thêm thị trường mới.", "priority"),
    ],
)
def test_an_inline_list_after_a_list_noun_and_la(text, kind):
    [found] = lists_of(text)
    assert found.kind == kind and len(found.items) == text.count(";") + 1


def test_a_list_noun_inside_the_first_item_does_not_take_the_list_over():
    [found] = lists_of(
        "Bộ trưởng cho biết có ba nhiệm vụ gồm: Giữ vững thị trường. Mở rộng hợp tác, trong đó ưu tiên "
        "hàng đầu là đầu tư xanh; Hỗ trợ doanh nghiệp; Phát triển du lịch."
    )
    assert found.announced_count == 3 and items_of(found)[-1] == "Phát triển du lịch"
    assert items_of(found)[0].startswith("Giữ vững thị trường")


@pytest.mark.parametrize(
    "text",
    [
        "Nhiều người làm việc được đưa về nước; hơn 300 ngư dân được hỗ trợ hồi hương.",
        "Công việc chung là việc của mọi người; ai cũng phải góp sức.",
        "Trước các vấn đề về biên giới; lãnh hải, ta kiên trì đối thoại.",
    ],
)
def test_a_list_noun_in_passing_leads_into_nothing(text):
    assert lists_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh gặp không ít khó khăn nhưng cũng có nhiều thuận lợi. Đó là sự quan tâm của Trung ương; cao tốc mới được thông xe; lượng khách du lịch tăng mạnh.",
        "Năm qua tỉnh có không ít thuận lợi. Đây là sự quan tâm của Trung ương; cao tốc mới được thông xe; lượng khách du lịch tăng mạnh.",
    ],
)
def test_do_la_leads_into_a_list_named_in_the_sentence_before(text):
    [found] = lists_of(text)
    assert found.kind == "other" and len(found.items) == 3
    assert "thuận lợi" in found.cue


@pytest.mark.parametrize(
    "predicate",
    [
        " đã nhận được sự ủng hộ của các thành viên.",
        " được các nền kinh tế thành viên nhiệt liệt ủng hộ.",
        " đều được các đối tác đánh giá cao.",
    ],
)
def test_a_list_that_is_its_sentences_subject_ends_before_the_predicate(predicate):
    [found] = lists_of(
        "Ba ưu tiên do Việt Nam đề xuất cho năm 2027: mở rộng thương mại; thúc đẩy đổi mới sáng tạo; "
        "bảo đảm an ninh năng lượng" + predicate
    )
    assert items_of(found)[-1] == "bảo đảm an ninh năng lượng"
    assert found.announced_count == 3


def test_an_achievement_item_that_received_something_keeps_it():
    [found] = lists_of(
        "Bộ trưởng cho biết 2 kết quả: đàm phán xong hiệp định; Việt Nam đã nhận được 10 triệu liều vắc xin."
    )
    assert items_of(found)[-1] == "Việt Nam đã nhận được 10 triệu liều vắc xin"


@pytest.mark.parametrize(
    "text",
    [
        "Theo Thứ trưởng, những việc cần làm ngay là: Rà soát các hiệp định đã ký; cập nhật cơ sở dữ liệu thị trường. "
        "Tăng cường xúc tiến thương mại tại châu Phi. Hỗ trợ doanh nghiệp xử lý tranh chấp.",
        # glued sentences, as some pages print them
        "Theo Thứ trưởng, những việc cần làm ngay là: Rà soát các hiệp định đã ký; cập nhật cơ sở dữ liệu thị trường."
        "Tăng cường xúc tiến thương mại tại châu Phi.Hỗ trợ doanh nghiệp xử lý tranh chấp.",
        # the end of the list quoted, with its attribution
        "Thứ trưởng nêu các nhiệm vụ trọng tâm: Rà soát các hiệp định đã ký; cập nhật cơ sở dữ liệu thị trường. "
        "Tăng cường xúc tiến thương mại tại châu Phi. “Hỗ trợ doanh nghiệp xử lý tranh chấp”, Thứ trưởng nói.",
        # a sentence that tells of the list ends it
        "Thứ trưởng nêu các nhiệm vụ trọng tâm: Rà soát các hiệp định đã ký; cập nhật cơ sở dữ liệu thị trường. "
        "Tăng cường xúc tiến thương mại tại châu Phi. Hỗ trợ doanh nghiệp xử lý tranh chấp. Hội nghị kết thúc lúc 17 giờ.",
    ],
)
def test_items_written_as_sentences_after_a_colon_lead_in(text):
    [found] = lists_of(text)
    assert found.kind == "priority"
    assert [key(item).strip('“”"') for item in items_of(found)] == [
        "rà soát các hiệp định đã ký",
        "cập nhật cơ sở dữ liệu thị trường",
        "tăng cường xúc tiến thương mại tại châu phi",
        "hỗ trợ doanh nghiệp xử lý tranh chấp",
    ]


def test_sentences_beyond_the_announced_count_are_no_items():
    [found] = lists_of(
        "Bộ nêu 2 nhiệm vụ: Mở rộng thị trường; thu hút đầu tư. Năm nay thời tiết thuận lợi. Giá dầu giảm."
    )
    assert items_of(found) == ["Mở rộng thị trường", "thu hút đầu tư"]


def test_topics_a_meeting_discussed_are_not_read_on_as_sentences():
    found = lists_of(
        "Các đại biểu thảo luận các nội dung gồm: Triển vọng kinh tế thế giới; xu thế đầu tư. "
        "Thu hút vốn từ các quỹ. Kinh nghiệm tận dụng các hiệp định."
    )
    assert all("Thu hút vốn" not in text for f in found for text in items_of(f))


@pytest.mark.parametrize(
    "text, items",
    [
        (
            "Năm qua ngành để lại các dấu ấn như: Ngoại giao vắc xin, hoạt động nghiên cứu, dự báo và tham mưu, "
            "tổ chức trực tuyến các hội nghị cấp cao…",
            [
                "Ngoại giao vắc xin",
                "hoạt động nghiên cứu, dự báo và tham mưu",
                "tổ chức trực tuyến các hội nghị cấp cao…",
            ],
        ),
        (
            "Hội nghị rút ra 3 bài học gồm: kiên trì mục tiêu, linh hoạt trong cách làm và chủ động phối hợp.",
            ["kiên trì mục tiêu", "linh hoạt trong cách làm", "chủ động phối hợp"],
        ),
        (
            "Bộ xác định các nhiệm vụ trọng tâm như mở rộng thị trường, thu hút đầu tư xanh, hỗ trợ doanh nghiệp và phát triển du lịch.",
            ["mở rộng thị trường", "thu hút đầu tư xanh", "hỗ trợ doanh nghiệp", "phát triển du lịch"],
        ),
    ],
)
def test_a_comma_list_after_a_list_noun(text, items):
    [found] = lists_of(text)
    assert items_of(found) == items


@pytest.mark.parametrize(
    "text",
    [
        "Tiếp đoàn có Thủ tướng Phạm Minh Chính, Phó Thủ tướng Bùi Thanh Sơn và Bộ trưởng Nguyễn Hồng Diên.",
        "Doanh nghiệp xuất khẩu sang các thị trường như: Nhật Bản, Hàn Quốc, Hoa Kỳ và EU.",
        "Cán bộ cần thấm nhuần phương châm: “Nghĩ lớn, làm chuẩn, đi xa”.",
        "Bộ đã hoàn thành 2 nhiệm vụ: ký hiệp định, mở văn phòng và đón đoàn.",
    ],
)
def test_commas_that_list_no_stated_items(text):
    assert lists_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Năm qua, ngành đạt 2 kết quả nổi bật. Cụ thể:\n\nMột là, ký thêm ba hiệp định.\n\nHai là, mở thêm hai thị trường.",
        "Năm qua, ngành đạt 2 kết quả nổi bật.\n\nCụ thể là:\n\nMột là, ký thêm ba hiệp định.\n\nHai là, mở thêm hai thị trường.",
        "Bộ trưởng nêu 2 nhiệm vụ năm 2027. Như sau: thứ nhất, ký thêm ba hiệp định; thứ hai, mở thêm hai thị trường.",
    ],
)
def test_a_bare_lead_in_takes_the_sentence_before(text):
    [found] = lists_of(text)
    assert found.announced_count == 2 and found.kind in ("achievement", "priority")
    assert "2 " in found.cue


@pytest.mark.parametrize(
    "text",
    [
        "Theo Bộ trưởng, ngành sẽ tập trung vào 3 ưu tiên trong năm 2027.\n\nMột là, củng cố quan hệ với các nước láng giềng.\n\n"
        "Mở rộng thị trường xuất khẩu sang châu Phi.\n\nNâng cao năng lực dự báo chính sách.\n\nHội nghị bế mạc cùng ngày.",
        "Thứ trưởng nêu ba nhiệm vụ:\n\nThứ nhất, củng cố quan hệ với các nước láng giềng.\n\n"
        "Mở rộng thị trường xuất khẩu sang châu Phi.\n\nNâng cao năng lực dự báo chính sách.",
    ],
)
def test_a_first_ordinal_then_as_many_plain_paragraphs_as_announced(text):
    [found] = lists_of(text)
    assert found.kind == "priority" and found.announced_count == 3
    assert items_of(found) == [
        "củng cố quan hệ với các nước láng giềng",
        "Mở rộng thị trường xuất khẩu sang châu Phi",
        "Nâng cao năng lực dự báo chính sách",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no count: nothing says where such a list would end
        "Ngành sẽ tập trung vào các ưu tiên.\n\nMột là, củng cố quan hệ láng giềng.\n\nMở rộng thị trường.\n\nNâng cao dự báo.",
        # fewer paragraphs than announced
        "Ngành có 3 ưu tiên.\n\nMột là, củng cố quan hệ láng giềng.\n\nMở rộng thị trường.",
        # a heading among them
        "Ngành có 3 ưu tiên.\n\nMột là, củng cố quan hệ láng giềng.\n\nKết quả đối ngoại\n\nMở rộng thị trường.",
        # a sentence about what came before, not an item
        "Ngành có 2 ưu tiên.\n\nThứ nhất, củng cố quan hệ láng giềng.\n\nĐây là nguồn động viên lớn cho toàn ngành.",
        # the counted items are already listed in the lead-in
        "Ngành có 2 ưu tiên gồm: mở rộng thị trường; thu hút đầu tư.\n\nThứ nhất, củng cố quan hệ láng giềng.\n\nKý thêm hiệp định.",
    ],
)
def test_a_lone_first_ordinal_opens_no_list_unless_the_count_completes_it(text):
    assert all("củng cố quan hệ láng giềng" not in item for found in lists_of(text) for item in items_of(found))


def test_count_mismatch_keeps_the_split_and_flags_it():
    [found] = lists_of(
        "Bộ trưởng nêu 4 trọng tâm. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư. Thứ ba, đổi mới sáng tạo."
    )
    assert len(found.items) == 3 and found.announced_count == 4 and found.count_mismatch


# --- traps -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cùng dự hội nghị có các đồng chí: Lê Hoài Trung, Bí thư Trung ương Đảng, Bộ trưởng Bộ Ngoại giao; Bùi Thanh Sơn, "
        "Ủy viên Trung ương Đảng, Phó Thủ tướng Chính phủ; lãnh đạo các bộ, ngành; 98 Đại sứ, Trưởng Cơ quan đại diện.",
        "Hội nghị có: Phó Thủ tướng Bùi Thanh Sơn; Bộ trưởng Nguyễn Hồng Diên; đại diện các hiệp hội doanh nghiệp.",
        "Đoàn công tác gồm:\n\n- Thứ trưởng Nguyễn Minh Hằng, trưởng đoàn;\n\n- Vụ trưởng Vụ Hợp tác kinh tế đa phương;\n\n- Đại diện Bộ Công Thương.",
    ],
)
def test_who_attended_is_never_a_list_of_priorities(text):
    assert lists_of(text) == ()


def test_a_chair_addressing_the_attendees_still_states_a_list():
    [found] = lists_of(
        "Kết luận hội nghị do Thủ tướng chủ trì, Thủ tướng đề nghị các đồng chí: một là, bám sát tình hình; hai là, tháo gỡ điểm nghẽn."
    )
    assert items_of(found) == ["bám sát tình hình", "tháo gỡ điểm nghẽn"]


def test_a_motto_quoted_after_a_colon_is_not_a_list():
    assert (
        lists_of(
            "Thủ tướng mong muốn cán bộ ngoại giao phát huy tinh thần 24 chữ: “Trung thành, tận tụy; tự tin, sáng tạo; "
            "bản lĩnh, linh hoạt; hiệu quả hàng đầu; Tổ quốc trên hết.”"
        )
        == ()
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tổng Bí thư khẳng định: “Quan hệ với các đối tác được mở rộng, đi vào chiều sâu; vị thế quốc tế của đất nước tiếp tục được nâng lên”.",
        'Chủ tịch nước nhận định: "Hợp tác kinh tế với các nước láng giềng được củng cố vững chắc; nguồn lực bên ngoài được huy động hiệu quả".',
    ],
)
def test_a_statement_of_results_quoted_after_a_colon_is_a_list(text):
    [found] = lists_of(text)
    assert found.kind == "achievement" and len(found.items) == 2


def test_what_must_be_done_in_the_passive_is_a_priority():
    [found] = lists_of(
        "Thủ tướng nhấn mạnh: “Thể chế cần được hoàn thiện sớm hơn nữa; thủ tục phải được cắt giảm mạnh mẽ”."
    )
    assert found.kind == "priority"


@pytest.mark.parametrize(
    "text",
    [
        "Phóng viên hỏi: Năm qua xuất khẩu tăng mạnh; năm tới doanh nghiệp cần chuẩn bị gì?",
        "* PV: Thị trường châu Phi còn xa lạ; Bộ sẽ hỗ trợ doanh nghiệp ra sao?\n\n* Thứ trưởng: Chúng tôi mở thêm văn phòng.",
        "Nhà báo đặt câu hỏi: thuế quan tăng; chuỗi cung ứng đứt gãy; Việt Nam ứng phó thế nào?",
    ],
)
def test_a_question_is_not_a_list(text):
    assert lists_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Quang cảnh hội nghị. Ảnh: TTXVNQuan hệ với các đối tác được mở rộng; nhiều hiệp định được ký kết.",
        "Ảnh minh họa: Cảng Hải Phòng ngày càng đông tàu; lượng hàng qua cảng tăng mạnh.",
        "Nguồn: Tổng cục Thống kê; số liệu sơ bộ.",
    ],
)
def test_a_pictures_credit_leads_into_no_list(text):
    assert lists_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Điện mừng được gửi tới: Tổng Bí thư Tô Lâm; Chủ tịch nước Lương Cường; Thủ tướng Phạm Minh Chính.",
        "Đón đoàn có: Phó Thủ tướng Bùi Thanh Sơn, Bộ trưởng Nguyễn Hồng Diên và Thứ trưởng Nguyễn Minh Hằng.",
        "Thư chúc mừng của Chủ tịch Quốc hội Trần Thanh Mẫn; Thủ tướng Phạm Minh Chính; Bộ trưởng Lê Hoài Trung được đọc tại lễ.",
    ],
)
def test_a_sentence_naming_leaders_is_not_a_list(text):
    assert lists_of(text) == ()


def test_a_list_quoted_with_its_own_lead_in_is_led_in_by_the_nearer_colon():
    [found] = lists_of("Bộ trưởng nhấn mạnh: “Năm 2025 cần tập trung: mở rộng thị trường; thu hút đầu tư”.")
    assert items_of(found) == ["mở rộng thị trường", "thu hút đầu tư"]


def test_the_numbered_sections_of_a_long_article_are_not_a_list_but_the_lists_inside_them_are():
    paragraph = (
        "Ngay sau khi giành được độc lập, Chủ tịch Hồ Chí Minh đã rất chú ý tới công tác ngoại giao phục vụ phát triển "
        "kinh tế. Quán triệt tư tưởng của Người, ngoại giao kinh tế được đẩy mạnh."
    )
    [found] = lists_of(
        f"Bài viết nêu những phương hướng, nhiệm vụ và giải pháp.\n\n1. Chủ trương, quan điểm\n\n{paragraph}\n\n"
        f"2. Kết quả đạt được\n\n{paragraph}\n\n3. Phương hướng, nhiệm vụ\n\nNăm tới cần 2 nhiệm vụ:\n\n"
        "- Mở rộng thị trường.\n\n- Thu hút đầu tư."
    )
    assert (found.marker, items_of(found)) == ("bullet", ["Mở rộng thị trường", "Thu hút đầu tư"])


def test_tasks_given_to_ministers_are_still_a_list():
    [found] = lists_of(
        "Thủ tướng giao nhiệm vụ: Bộ trưởng Bộ Ngoại giao chủ trì rà soát các thỏa thuận đã ký; Bộ trưởng Bộ Công Thương đẩy mạnh xúc tiến thương mại."
    )
    assert len(found.items) == 2


def test_tasks_of_places_are_still_a_list():
    [found] = lists_of(
        "Thủ tướng giao nhiệm vụ: Hà Nội tập trung thu hút đầu tư; Đà Nẵng phát triển du lịch; Cần Thơ mở rộng thị trường nông sản."
    )
    assert len(found.items) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Thứ Hai, 10/03/2025. Thứ Ba tới, đoàn sẽ làm việc với Bộ Công Thương.",
        "Thứ nhất hôm nay là ngày đẹp. Thứ Tư, ngày 5/6, đoàn làm việc tại Hà Nội.",
        "Hội nghị lần thứ nhất là dịp tốt, lần thứ hai là dịp khác.",
        "Ngày 1/1, đoàn đến. Ngày 2/1, đoàn về.",
        "Thứ trưởng Bộ Ngoại giao Nguyễn Minh Hằng tiếp Đại sứ. Thứ trưởng nhấn mạnh hợp tác.",
        "Đây là lần thứ nhất hội nghị được tổ chức. Việt Nam là đối tác thương mại lớn thứ ba của khu vực.",
        "Năm 2024 có 3 dự án được khởi công, 2 dự án hoàn thành và 5 dự án đang chuẩn bị.",
        "Thứ hai, chúng tôi sẽ làm việc với địa phương.",
        "Trước hết, tôi xin cảm ơn các đại biểu. Cuối cùng, chúc hội nghị thành công.",
        "Con số hai là rất nhỏ. Một là quá ít.",
        "Ngoại giao kinh tế góp phần thu hút đầu tư (1) và mở rộng thị trường (2) trong nhiều năm qua.",  # footnotes
        "Bài viết đề xuất các giải pháp.\n\n(1) Hồ Chí Minh: Toàn tập, Nxb. Chính trị quốc gia, Hà Nội, 2011, t. 4, tr. 470.\n\n"
        "(2) Văn kiện Đại hội XIII, Nxb. Chính trị quốc gia Sự thật, Hà Nội, 2021, tr. 164.\n\n(3) Sđd, tr. 165.",  # their notes
        "Đoàn làm việc hai buổi. Thứ nhất. rồi nghỉ. Thứ hai. sau đó đoàn về.",
        "Các lĩnh vực mới như: bán dẫn; công nghệ cao; đổi mới sáng tạo.",
    ],
)
def test_never_a_list(text):
    assert lists_of(text) == ()


def test_kind_from_lead_in():
    kinds = [
        lists_of(f"{lead} Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư.")[0].kind
        for lead in (
            "Năm qua ngành đạt 2 kết quả nổi bật.",
            "Hội nghị rút ra 2 bài học.",
            "Các đại biểu thảo luận 2 nội dung.",
            "Năm tới cần tập trung 2 định hướng.",
        )
    ]
    assert kinds == ["achievement", "lesson", "agenda", "priority"]


@pytest.mark.parametrize(
    "lead, kind",
    [
        ("Năm 2024 ngoại giao kinh tế để lại 2 dấu ấn.", "achievement"),
        ("Bộ trưởng điểm lại 2 điểm nhấn của năm 2024.", "achievement"),
        ("Năm 2025 cần tạo 2 điểm nhấn.", "priority"),
        ("Doanh nghiệp còn gặp 2 điểm nghẽn.", "other"),
        ("Bộ trưởng chỉ ra 2 vướng mắc.", "other"),
        ("Bối cảnh mới mở ra 2 cơ hội.", "other"),
        ("Năm 2025 tập trung 2 khâu đột phá.", "priority"),
        ("Ngành xác định 2 trụ cột.", "priority"),
        ("Tỉnh có 2 thuận lợi lớn.", "other"),
        ("Hội nghị toát lên hai “tinh thần” xuyên suốt.", "other"),
        ('Diễn đàn nêu bật hai "tinh thần" chủ đạo.', "other"),
        ("Bộ đề ra hai “nhiệm vụ” then chốt.", "priority"),
    ],
)
def test_kind_from_more_list_nouns(lead, kind):
    [found] = lists_of(f"{lead} Thứ nhất, mở rộng thị trường xuất khẩu. Thứ hai, thu hút đầu tư chất lượng cao.")
    assert (found.kind, found.announced_count) == (kind, 2)


@pytest.mark.parametrize(
    "lead",
    [
        "Hai ưu tiên do Việt Nam đề xuất cho năm tới:",
        "Hai nhiệm vụ mà miền Nam cần làm ngay:",
        "Theo Bộ trưởng, hai trọng tâm phía Nam đặt ra là:",
    ],
)
def test_the_nam_of_a_place_counts_nothing(lead):
    [found] = lists_of(f"{lead} Thứ nhất, mở rộng thị trường xuất khẩu. Thứ hai, thu hút đầu tư chất lượng cao.")
    assert found.announced_count == 2


def test_directive_nouns_of_agenda_words_are_priorities():
    [found] = lists_of(
        "Thủ tướng yêu cầu tập trung 2 nội dung trọng tâm: Một là, gỡ vướng thể chế. Hai là, đẩy nhanh giải ngân."
    )
    assert found.kind == "priority"


def test_dashed_ordinals_are_one_list_of_ordinals():
    [found] = lists_of("""
Bộ trưởng nêu các nhiệm vụ:

- Thứ nhất, mở rộng thị trường.

- Thứ hai, thu hút đầu tư.
""")
    assert found.marker == "thu"
    assert items_of(found) == ["mở rộng thị trường", "thu hút đầu tư"]
    assert found.cue == "Bộ trưởng nêu các nhiệm vụ:"


def test_a_far_later_ordinal_does_not_extend_a_finished_list():
    paragraphs = ["Thứ nhất, mở rộng thị trường.", "Thứ hai, thu hút đầu tư."]
    paragraphs += [f"Đoạn văn thứ {n} kể về hoạt động của ngành." for n in range(8)]
    paragraphs += ["Thứ ba, các bộ trưởng đã gặp nhau tại Hà Nội."]
    [found] = lists_of("\n\n".join(paragraphs))
    assert len(found.items) == 2


def test_shortcomings_and_causes_are_not_priorities():
    for lead in (
        "Thủ tướng chỉ ra 3 hạn chế.",
        "Bộ trưởng nêu hai nguyên nhân chính.",
        "Ngành đối mặt với 2 thách thức.",
    ):
        [found] = lists_of(f"{lead} Thứ nhất, công tác dự báo còn chậm. Thứ hai, phối hợp chưa chặt chẽ.")
        assert found.kind == "other", lead


def test_the_noun_nearest_the_list_names_it():
    [found] = lists_of(
        "Trước những thách thức đó, Bộ đặt ra các nhiệm vụ: Một là, giữ vững ổn định. Hai là, mở rộng thị trường."
    )
    assert found.kind == "priority"


def test_kind_from_item_tense_when_lead_in_is_silent():
    [found] = lists_of(
        "Ông cho biết như sau. Thứ nhất, ngành đã ký 40 thỏa thuận. Thứ hai, ngành đã tổ chức 70 hoạt động."
    )
    assert found.kind == "achievement"


@pytest.mark.parametrize(
    "text",
    [
        "Về kinh tế:\n\n- Về công nghiệp: chỉ số sản xuất 9 tháng ước tăng 8,1% so với cùng kỳ.\n\n"
        "- Về thương mại: tổng mức bán lẻ ước đạt 41.200 tỷ đồng, tăng 12,5%.\n\n"
        "- Thu ngân sách ước đạt 9.870 tỷ đồng, bằng 96% dự toán.",
        "Kết quả 6 tháng đầu năm như sau:\n\n1. Kim ngạch xuất khẩu đạt 1,2 tỷ USD, tăng 15%.\n\n"
        "2. Du lịch đón 3,4 triệu lượt khách, bằng 120% cùng kỳ.",
        "Về dịch vụ: tổng mức bán lẻ ước đạt 61.300 tỷ đồng, tăng 18,2%; doanh thu du lịch ước đạt 7.450 tỷ đồng, "
        "tăng 11% so với cùng kỳ.",
    ],
)
def test_figures_reported_under_headings_are_results_not_priorities(text):
    [found] = lists_of(text)
    assert found.kind == "achievement"


def test_targets_in_figures_stay_priorities():
    [found] = lists_of(
        "Năm tới tỉnh đặt ra:\n\n- Phấn đấu kim ngạch xuất khẩu tăng 10%.\n\n"
        "- Thu hút 500 triệu USD vốn đầu tư, tăng 20% so với năm nay."
    )
    assert found.kind == "priority"


@pytest.mark.parametrize(
    "lead",
    [
        "Với chủ đề “Hợp tác vì tương lai xanh”, Năm APEC 2031 đặt ra ba ưu tiên gồm",
        "Nhật Bản, nước chủ nhà G7 năm nay, đã xác định ba ưu tiên gồm",
        "Chủ tịch ASEAN 2029 Philippines lựa chọn ba ưu tiên gồm",
    ],
)
def test_another_hosts_priorities_are_other(lead):
    [found] = lists_of(f"{lead} kết nối chuỗi cung ứng; tài chính bền vững; kinh tế số bao trùm.")
    assert found.kind == "other"


@pytest.mark.parametrize(
    "lead",
    [
        "Năm APEC 2027 do Việt Nam đăng cai đặt ra ba ưu tiên gồm",
        "Việt Nam đề xuất cho Năm APEC 2027 ba ưu tiên gồm",
    ],
)
def test_priorities_vietnam_sets_as_host_stay_priorities(lead):
    [found] = lists_of(f"{lead} kết nối chuỗi cung ứng; tài chính bền vững; kinh tế số bao trùm.")
    assert found.kind == "priority"


def test_target_year_of_a_december_statement_is_next_year():
    [found] = lists_of(
        "Thủ tướng đề nghị thời gian tới cần thực hiện 2 nhiệm vụ gồm: Hoàn thiện thể chế; Phát triển hạ tầng.",
        date="2023-12-21",
    )
    assert found.target_year == 2024


def test_explicit_year_in_lead_in_wins():
    [found] = lists_of(
        "Trong năm 2023, cần thực hiện 2 nhiệm vụ gồm: Hoàn thiện thể chế; Phát triển hạ tầng.", date="2022-12-30"
    )
    assert found.target_year == 2023


def test_horizon_year_is_not_the_target():
    [found] = lists_of(
        "Để đạt mục tiêu đến năm 2030, cần thực hiện 2 nhiệm vụ gồm: Hoàn thiện thể chế; Phát triển hạ tầng.",
        date="2024-05-02",
    )
    assert found.target_year == 2024


def test_speaker_is_the_attributed_person_not_one_mentioned_in_passing():
    [found] = lists_of("""
Trả lời đại biểu Lê Hữu Trí, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết như sau.

Bộ đặt ra các trọng tâm thời gian tới. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư.
""")
    assert found.speaker == "Bùi Thanh Sơn"


def test_interview_answer_names_the_speaker():
    [found] = lists_of("""
PV: Xin Bộ trưởng cho biết trọng tâm năm tới?

Bộ trưởng Nguyễn Hồng Diên: Năm tới ngành có 2 nhiệm vụ. Thứ nhất, mở rộng thị trường. Thứ hai, phát triển thương mại điện tử.
""")
    assert found.speaker == "Nguyễn Hồng Diên"


def test_quoted_list_takes_the_speaker_after_the_quote_and_not_as_item_text():
    [found] = lists_of("""
Thủ tướng Phạm Minh Chính dự hội nghị.

“Năm tới cần tập trung 2 nhiệm vụ. Thứ nhất, giữ vững ổn định. Thứ hai, mở rộng thị trường”, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn nhấn mạnh.
""")
    assert items_of(found) == ["giữ vững ổn định", "mở rộng thị trường"]
    assert found.speaker == "Bùi Thanh Sơn"


def test_a_quotation_whose_every_paragraph_opens_with_a_quote_mark():
    [found] = lists_of(
        "Thủ tướng Phạm Minh Chính nói: “Tôi đề nghị các đồng chí tập trung làm tốt 3 việc.\n\n“Một là, bám sát tình hình.\n\n"
        "“Hai là, tháo gỡ điểm nghẽn cho các dự án lớn.\n\n“Ba là, hỗ trợ doanh nghiệp vươn ra thị trường quốc tế”."
    )
    assert items_of(found) == [
        "bám sát tình hình",
        "tháo gỡ điểm nghẽn cho các dự án lớn",
        "hỗ trợ doanh nghiệp vươn ra thị trường quốc tế",
    ]
    assert (found.announced_count, found.speaker) == (3, "Phạm Minh Chính")


def test_a_quote_around_the_whole_list_is_not_part_of_the_last_item():
    [found] = lists_of("""
Bộ trưởng Bùi Thanh Sơn: Năm 2025 có hai trọng tâm. “Thứ nhất, thúc đẩy đầu tư.

Thứ hai, nâng cao năng lực nghiên cứu, tham mưu”.
""")
    assert items_of(found) == ["thúc đẩy đầu tư", "nâng cao năng lực nghiên cứu, tham mưu"]
    assert found.speaker == "Bùi Thanh Sơn"


@pytest.mark.parametrize(
    "written, name, title",
    [
        ("Phó Thủ tướng Thường trực Nguyễn Hòa Bình", "Nguyễn Hòa Bình", "Phó Thủ tướng Thường trực"),
        ("Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu", "Phạm Quang Hiệu", "Đại sứ Việt Nam tại Nhật Bản"),
        ("Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng", "Nguyễn Chí Dũng", "Bộ trưởng Bộ Kế hoạch và Đầu tư"),
        ("Phó Chủ tịch UBND TP Hồ Chí Minh Võ Văn Hoan", "Võ Văn Hoan", "Phó Chủ tịch UBND TP Hồ Chí Minh"),
        ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn", "Trần Văn Sơn", "Chủ nhiệm Văn phòng Chính phủ"),
        # The name first, the title after a comma.
        (
            "Ông Vũ Bá Phú, Cục trưởng Cục Xúc tiến thương mại (Bộ Công Thương)",
            "Vũ Bá Phú",
            "Cục trưởng Cục Xúc tiến thương mại",
        ),
        (
            "Bà Nguyễn Thị Hằng, Vụ trưởng Vụ Hợp tác kinh tế đa phương,",
            "Nguyễn Thị Hằng",
            "Vụ trưởng Vụ Hợp tác kinh tế đa phương",
        ),
        (
            "Đồng chí Trần Lưu Quang, Ủy viên Trung ương Đảng, Trưởng Ban Kinh tế Trung ương",
            "Trần Lưu Quang",
            "Ủy viên Trung ương Đảng, Trưởng Ban Kinh tế Trung ương",
        ),
        # A scholar's proposals; two people separated by a comma are two people.
        ("TS. Nguyễn Văn Bình, chuyên gia kinh tế,", "Nguyễn Văn Bình", "TS."),
        ("Thứ trưởng Nguyễn Minh Vũ, Bộ trưởng Bùi Thanh Sơn", "Bùi Thanh Sơn", "Bộ trưởng"),
        # An interview prints the name in capitals; it is stored as running text writes it.
        ("Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao BÙI THANH SƠN:", "Bùi Thanh Sơn", "Bộ trưởng Bộ Ngoại giao"),
    ],
)
def test_speakers_with_long_titles(written, name, title):
    [found] = lists_of(
        f"{written} cho biết năm 2024 có 2 nhiệm vụ. Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư."
    )
    assert (found.speaker, found.speaker_title) == (name, title)


def test_title_alone_resolves_to_the_named_holder():
    [found] = lists_of("""
Đồng chí Phạm Minh Chính – Thủ tướng Chính phủ dự hội nghị.

Thủ tướng Chính phủ nhấn mạnh 2 nhiệm vụ gồm: Hoàn thiện thể chế; Phát triển hạ tầng.
""")
    assert (found.speaker, found.speaker_title) == ("Phạm Minh Chính", "Thủ tướng Chính phủ")


@pytest.mark.parametrize(
    "text",
    [
        "Bộ nêu 3 nhiệm vụ:\n\n- Mở rộng thị trường.\n\n- Thu hút đầu tư xanh.\n\n- Hỗ trợ doanh nghiệp nhỏ và v",
        "Thứ trưởng nêu 3 nhiệm vụ: Thứ nhất, mở rộng thị trường. Thứ hai, thu hút đầu tư. Thứ ba, hỗ trợ doanh ngh",
        "Hội nghị xác định ba nhiệm vụ gồm mở rộng thị trường; thu hút đầu tư xanh; hỗ trợ doanh",
        "Bộ nêu 4 nhiệm vụ:\n\n- Mở rộng thị trường\n\n- Thu hút đầu tư xanh\n\n- Hỗ trợ doanh nghiệp",
    ],
)
def test_a_list_cut_off_by_the_end_of_the_text_is_kept_and_flagged(text):
    [found] = lists_of(text)
    assert found.truncated and len(found.items) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Bộ nêu các nhiệm vụ:\n\n- Mở rộng thị trường\n\n- Thu hút đầu tư xanh\n\n- Hỗ trợ doanh nghiệp",
        "Bộ nêu 3 nhiệm vụ:\n\n- Mở rộng thị trường.\n\n- Thu hút đầu tư xanh.\n\n- Hỗ trợ doanh nghiệp.",
        "Bộ nêu 3 nhiệm vụ: mở rộng thị trường; thu hút đầu tư; hỗ trợ doanh nghiệp…",
        "Bộ nêu 2 nhiệm vụ: mở rộng thị trường; thu hút đầu tư. Hội nghị kết thúc lúc 17 giờ",
    ],
)
def test_a_list_the_text_does_not_cut_is_not_flagged(text):
    [found] = lists_of(text)
    assert not found.truncated


def test_a_cut_off_list_is_flagged_in_show_and_export(tmp_path):
    from conftest import run_cli

    path = tmp_path / "cut.txt"
    path.write_text(
        "Tỉnh nêu kết quả\n\nVề kinh tế, tỉnh đạt 3 kết quả:\n\n- Xuất khẩu tăng 12%.\n\n"
        "- Thu ngân sách vượt dự toán.\n\n- Du lịch đón 3 triệu lượt khách, doanh thu ước",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    assert run_cli(db, "ingest", str(path)).exit_code == 0
    [found] = json.loads(run_cli(db, "export", "--format", "json").stdout)["lists"]
    assert found["truncated"] is True
    assert "CUT OFF" in run_cli(db, "show", found["document_id"]).stdout


@pytest.mark.parametrize(
    "text",
    [
        "Bộ trưởng nêu 3 nhiệm vụ trọng tâm năm 2027:\nThứ nhất, mở rộng thị trường xuất khẩu sang châu\nPhi và Trung Đông. "
        "Thứ hai, thu hút đầu tư công ngh\nệ cao. Thứ ba, hỗ trợ doanh nghiệp nhỏ.\nHội nghị kết thúc cùng ngày.",
        "Bộ trưởng nêu 3 nhiệm vụ trọng tâm năm 2027: mở rộng thị trường xuất khẩu; thu hút đầu\ntư công nghệ cao; hỗ trợ "
        "doanh nghiệp nhỏ.Hội nghị kết thúc cùng ngày.",
    ],
)
def test_a_list_broken_across_lines_or_glued_to_the_next_sentence_keeps_its_items(text):
    [found] = extract(build_document(text.encode(), "x.txt")).lists
    assert found.announced_count == 3 and len(found.items) == 3 and found.target_year == 2027
    assert key(found.items[2].text) == "hỗ trợ doanh nghiệp nhỏ"


def test_extraction_of_a_whole_file_goes_through_ingest(tmp_path):
    text = "Hai trọng tâm hợp tác\n\nSáng 5/6, Bộ trưởng Bùi Thanh Sơn cho biết 2 trọng tâm: Mở rộng thị trường; Thu hút đầu tư."
    doc = build_document(text.encode(), "x.txt")
    [found] = extract(doc).lists
    assert found.speaker == "Bùi Thanh Sơn" and found.target_year == doc.statement_year


def test_a_text_that_opens_with_its_lede_keeps_its_date_and_speaker(tmp_path):
    text = (
        "Ngày 15 tháng 1 năm 2025, Thứ trưởng Bộ Ngoại giao Nguyễn Minh Hằng phát biểu tại phiên họp lần thứ hai.\n\n"
        "Thứ trưởng cho biết năm nay cần tập trung vào 2 trọng tâm gồm: thúc đẩy hợp tác với đối tác lớn; hỗ trợ địa phương."
    )
    doc = build_document(text.encode(), "x.txt")
    assert doc.title is None and doc.body.startswith("Ngày 15 tháng 1 năm 2025")
    assert (doc.date, doc.date_source) == ("2025-01-15", "body")
    [found] = extract(doc).lists
    assert (found.speaker, found.target_year) == ("Nguyễn Minh Hằng", 2025)


def test_a_bulleted_list_after_nêu_names_its_speaker():
    [found] = lists_of("""
Phó Thủ tướng Trần Hồng Hà nêu các nhiệm vụ trong năm 2024:

- Tập trung thu hút đầu tư chất lượng cao;

- Mở rộng thị trường cho nông sản.
""")
    assert found.speaker == "Trần Hồng Hà" and found.target_year == 2024
    assert items_of(found) == ["Tập trung thu hút đầu tư chất lượng cao", "Mở rộng thị trường cho nông sản"]


def test_a_january_review_and_plan_conference_is_dated_in_the_planned_year():
    text = (
        "(Chinhphu.vn) - Chiều 8/1, Thủ tướng Phạm Minh Chính dự Hội nghị tổng kết năm 2024 và triển khai nhiệm vụ năm 2025.\n\n"
        'Thủ tướng đề nghị thực hiện tốt "3 đẩy mạnh":\n\n'
        "Thứ nhất là đẩy mạnh ngoại giao kinh tế.\n\nThứ hai là đẩy mạnh ngoại giao công nghệ.\n\nThứ ba là đẩy mạnh hội nhập quốc tế."
    )
    doc = build_document(text.encode(), "x.txt")
    assert (doc.date, doc.date_source) == ("2025-01-08", "inferred")
    [found] = extract(doc).lists
    assert (found.kind, found.announced_count, found.target_year) == ("priority", 3, 2025)
    assert not found.count_mismatch


def test_a_date_line_at_the_foot_is_the_page_stamp():
    doc = build_document("Hai trọng tâm\n\nChiều 8/1, Bộ trưởng phát biểu.\n\nNgày 9/1/2025\n".encode(), "x.txt")
    assert (doc.date, doc.date_source, doc.published) == ("2025-01-08", "inferred", "2025-01-09")
    assert "Ngày 9/1/2025" not in doc.body


# --- properties --------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "Thứ nhất, ",
        "Thứ hai là ",
        "thứ ba: ",
        "Một là, ",
        "hai là, ",
        "(1) ",
        "(2) ",
        "1. ",
        "2) ",
        "a) ",
        "b) ",
        "• ",
        "- ",
        "gồm: ",
        "; ",
        ": ",
        ". ",
        "\n\n",
        "\n",
        "Thứ Tư, 05/06/2024 ",
        "Thứ trưởng ",
        "lần thứ hai ",
        "6 trọng tâm ",
        "Bộ trưởng Bùi Thanh Sơn cho biết ",
        "năm 2024 ",
        "đã ",
        "cần ",
        "hoá ",
        "Đ",
        "x",
        " ",
        "(i) ",
        "(ii) ",
        "(a) ",
        "(b) ",
        "a. ",
        "b. ",
        ": 1) ",
        "; 2) ",
        "; 2. ",
        "“",
        "”",
        '"3 đẩy mạnh" ',
        "Thứ nhất:\n\n",
        "Thứ hai.\n\n",
        "Thứ ba. ",
        "Một là ",
        "Hai là ",
        "xHai là ",
        "- ",
        "+ ",
        "1.\n\n",
        "1. Chủ trương\n\n",
        "2. Kết quả\n\n",
        "ba ưu tiên gồm ",
        "bốn ưu tiên lớn về ",
        "kết quả nổi bật là ",
        "Đó là ",
        "các dấu ấn như: ",
        ", ",
        " và ",
        "? ",
        "* PV: ",
        "những việc trọng tâm là: ",
        "Tăng cường hợp tác",
        "KTXH.Giải quyết ",
        "…",
        " đã nhận được ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30))
def test_a_marker_rules_quick_test_never_hides_a_marker(parts):
    from ngkt_cli.extract import MARKER_RULES

    text = "".join(parts)
    for rule in MARKER_RULES:
        if rule.pattern.search(text):
            assert rule.worth_searching(text, text.lower()), rule.name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=8), min_size=1, max_size=8))
def test_the_rules_worth_searching_in_each_paragraph_are_found_for_the_whole_body_at_once(paragraphs):
    # `_rules_by_paragraph` runs each quick test once over the body; it must name, for every
    # paragraph, exactly the rules that `worth_searching` passes in that paragraph alone
    from ngkt_cli.extract import MARKER_RULES, _rules_by_paragraph

    texts = ["".join(parts) for parts in paragraphs]
    whole = "\n\n".join(texts)
    lowered = whole.lower() if len(whole.lower()) == len(whole) else "".join(c.lower()[0] for c in whole)
    offset = 0
    for text, rules in zip(texts, _rules_by_paragraph(texts)):
        own = lowered[offset : offset + len(text)]
        assert list(rules) == [rule for rule in MARKER_RULES if rule.worth_searching(text, own)], text
        offset += len(text) + 2


def test_a_field_label_is_looked_for_only_in_paragraphs_opening_as_its_look_ahead_does():
    from ngkt_cli.extract import MARKER_RULES, _rules_by_paragraph

    field = next(rule for rule in MARKER_RULES if rule.name == "field label")
    assert field.start_test is not None and field.start_test.pattern == "V"
    found = _rules_by_paragraph(["Về thương mại, tăng 5%.", "Năm 2025, về đầu tư, ..."])
    assert field in found[0] and field not in found[1]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"\bla\s+(?=[^\W\d])", r"\bla,? (?=x)", r"\bnhu\s*:", r"\bla|ab", r"\blas?", r"\bl+a", r"\ba{2}"]),
    st.text(alphabet="lanhus :,x1\n", max_size=30),
    st.integers(min_value=0, max_value=30),
)
def test_a_pattern_opening_on_a_word_boundary_finds_the_same_matches_with_its_letters_first(source, text, end):
    import re

    from ngkt_cli.extract import _text_first

    pattern = re.compile(source)
    assert [m.span() for m in _text_first(pattern).finditer(text, 0, end)] == [
        m.span() for m in pattern.finditer(text, 0, end)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [r"\b(?P<n>Ha|Hai|a)\s+là", r"\b(?:ab|b)a", r"\ba+b", r"\b(?:x?a|b)(?=a)", r"\b[ab]{2}", r"\b(?:a a|a)"]
    ),
    st.text(alphabet="Haiab là_x1\n", max_size=30),
)
@example(r"\b(?:a a|a)", "xa a")  # "a a" is no match after "x"; the "a" inside it is one
def test_a_pattern_without_its_opening_boundary_gives_the_same_matches_when_each_is_asked_it(source, text):
    import re

    from ngkt_cli.extract import _boundary_after, _boundary_matches

    pattern = re.compile(source)
    scan = _boundary_after(pattern)
    assert scan is not None and scan.pattern == source[2:]
    found = [(m.span(), m.groupdict()) for m in _boundary_matches(scan, text)]
    assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30))
def test_each_marker_rule_finds_the_matches_of_its_pattern(parts):
    from ngkt_cli.extract import MARKER_RULES

    text = "".join(parts)
    for rule in MARKER_RULES:
        assert [m.span() for m in rule.matches(text)] == [m.span() for m in rule.pattern.finditer(text)], rule.name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30))
def test_each_inline_lead_in_row_is_scanned_with_the_same_matches_as_its_pattern(parts):
    from ngkt_cli.extract import INLINE_INTROS
    from ngkt_cli.text import fold

    folded = fold("".join(parts))
    for intro in INLINE_INTROS:
        assert [m.span() for m in intro.scan.finditer(folded)] == [m.span() for m in intro.pattern.finditer(folded)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40))
def test_extract_never_fails_and_spans_are_disjoint_and_inside(parts):
    text = "".join(parts)
    doc = doc_from(text) if text.strip() else doc_from("x")
    spans = []
    for found in extract(doc).lists:
        assert len(found.items) >= 2
        for item in found.items:
            assert 0 <= item.start < item.end <= len(doc.body)  # never an empty item
            assert doc.body[item.start : item.end] == item.text
            spans.append((item.start, item.end))
    spans.sort()
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start


def _ingest_unseen_page(tmp_path: Path, name: str) -> tuple[Path, dict]:
    """(database, its export) after ingesting one page of tests/data/unseen into a new database."""
    from conftest import run_cli

    db = tmp_path / "page.db"
    assert run_cli(db, "ingest", str(Path(__file__).parent / "data" / "unseen" / name)).exit_code == 0
    return db, json.loads(run_cli(db, "export").stdout)


def test_text_wrapped_at_80_columns_reads_as_its_paragraphs():
    """Copied from a PDF: sentences, and "Thứ / hai", broken across lines."""
    from ngkt_cli.ingest import build_document

    page = Path(__file__).parent / "data" / "unseen" / "probes" / "wrapped_at_80_columns.txt"
    doc = build_document(page.read_bytes(), page.name)
    assert len(doc.paragraphs) == 2 and doc.paragraphs[0].startswith(
        "Ngày 27/12/2024, phát biểu tại Hội nghị tổng kết, Bộ trưởng Bùi Thanh Sơn cho biết"
    )
    [found] = extract(doc).lists
    assert items_of(found) == [
        "phục vụ tăng trưởng hai con số, tháo gỡ điểm nghẽn trong quan hệ với các đối tác",
        "mở rộng thị trường xuất khẩu, đa dạng hóa chuỗi cung ứng",
        "thu hút đầu tư chất lượng cao vào bán dẫn, trí tuệ nhân tạo và năng lượng sạch, nâng cao vai trò của doanh nghiệp",
    ]
    assert (found.announced_count, found.target_year, found.speaker) == (3, 2025, "Bùi Thanh Sơn")


def test_priorities_in_a_table_numbered_in_its_first_column():
    from ngkt_cli.ingest import build_document

    page = Path(__file__).parent / "data" / "unseen" / "probes" / "priorities_in_a_table.html"
    doc = build_document(page.read_bytes(), page.name)
    assert [line.reason for line in doc.removed] == ["title", "table rule"]  # the <h1> repeats the page title
    [found] = extract(doc).lists
    assert items_of(found) == [
        "Phục vụ tăng trưởng hai con số",
        "Mở rộng thị trường xuất khẩu",
        "Thu hút đầu tư chất lượng cao",
    ]
    assert (found.announced_count, found.target_year, found.speaker) == (3, 2025, "Bùi Thanh Sơn")
    assert found.cue.startswith("Ngày 6/1/2025, Bộ trưởng Bùi Thanh Sơn nêu 3 trọng tâm")


def test_an_older_page_laid_out_in_a_table():
    """A 2012 ministry page: menu, article and footer are cells of a layout table, the list's lines
    joined by <br> into one cell: "...: - Một là, A; - Hai là, B; - Ba là, C. Hội nghị ..."."""
    from ngkt_cli.ingest import build_document

    page = Path(__file__).parent / "data" / "unseen" / "probes" / "layout_table_2012.html"
    doc = build_document(page.read_bytes(), page.name)
    assert [(line.reason, line.text) for line in doc.removed] == [
        ("breadcrumb", "Trang chủ | Tin tức"),
        ("footer", "Bản quyền thuộc Bộ Ngoại giao"),
    ]
    [found] = extract(doc).lists
    assert items_of(found) == [
        "triển khai Chiến lược ngoại giao kinh tế",
        "hỗ trợ doanh nghiệp mở rộng thị trường",
        "vận động công nhận quy chế kinh tế thị trường",
    ]
    assert (doc.date, found.announced_count, found.target_year, found.speaker) == (
        "2012-01-10",
        3,
        2012,
        "Phạm Bình Minh",
    )


def test_a_news_page_in_another_outlets_style(tmp_path):
    """A saved page with a menu, a figure caption, a weekday stamp, "Thứ Hai tới" and a related box."""
    _, export = _ingest_unseen_page(tmp_path, "vnexpress_style.html")
    [doc] = export["documents"]
    assert (doc["date"], doc["published"], doc["statement_year"], doc["byline"]) == (
        "2024-12-19",
        "2024-12-20",
        2024,
        "Vũ Anh",
    )
    [found] = export["lists"]
    assert (found["kind"], found["announced_count"], found["target_year"], found["speaker"]) == (
        "priority",
        5,
        2025,
        "Phạm Minh Chính",
    )
    texts = [s["text"] for s in export["statements"]]
    assert texts[0] == "thu hút đầu tư chất lượng cao, nhất là trong lĩnh vực bán dẫn, trí tuệ nhân tạo"
    assert texts[-1] == "phối hợp chặt chẽ giữa các bộ, ngành, địa phương"
    assert len(texts) == 5


def test_a_page_whose_lede_trafilatura_drops_keeps_the_ledes_date_and_speaker(tmp_path):
    """The lede ("sapo") sits in its own <div>: it names the day and the Prime Minister."""
    from conftest import run_cli

    db, export = _ingest_unseen_page(tmp_path, "chinhphu_style.html")
    [doc] = export["documents"]
    assert (doc["date"], doc["date_source"], doc["published"], doc["byline"]) == (
        "2025-12-21",
        "inferred",
        "2025-12-22",
        "Minh Khôi",
    )
    body = run_cli(db, "show", doc["id"]).stdout
    assert "(Chinhphu.vn) - Sáng 21/12" in body and "Năm 2023: 6 trọng tâm" not in body
    [found] = export["lists"]
    assert (found["kind"], found["announced_count"], found["target_year"], found["speaker"]) == (
        "priority",
        5,
        2026,
        "Phạm Minh Chính",
    )
    texts = [s["text"] for s in export["statements"]]
    assert texts[0] == "bám sát các mục tiêu tăng trưởng hai con số" and len(texts) == 5


def test_a_markdown_note_reads_like_the_page_it_was_copied_from():
    """Emphasis around the page stamp, an image and its credit, italics inside an item."""
    page = Path(__file__).parent / "data" / "unseen" / "markdown_note.md"
    doc = build_document(page.read_bytes(), page.name)
    assert (doc.date, doc.published, doc.title) == (
        "2025-12-21",
        "2025-12-22",
        "Thủ tướng: 3 trọng tâm ngoại giao kinh tế năm 2026",
    )
    assert "jpg" not in doc.body and "Ảnh: VGP" not in doc.body and "*" not in doc.body
    [found] = extract(doc).lists
    assert items_of(found) == [
        "Phục vụ tăng trưởng hai con số",
        "Thu hút đầu tư có chọn lọc",
        "Hỗ trợ doanh nghiệp vươn ra quốc tế",
    ]
    assert (found.target_year, found.speaker) == (2026, "Phạm Minh Chính")


def test_a_lede_is_a_short_box_named_so_and_not_a_picture_nor_a_teaser():
    from ngkt_cli.ingest import html_lede

    sapo = "Sáng 21/12, Thủ tướng Phạm Minh Chính dự Hội nghị Ngoại giao lần thứ 33."
    assert html_lede(f'<div class="detail__sapo"><b>(TGVN)</b> {sapo}</div>') == f"(TGVN) {sapo}"
    assert html_lede(f'<div class="lead-image">{sapo}</div>') is None
    assert html_lede(f'<ul><li><p class="sapo">{sapo}</p></li></ul>') is None
    assert html_lede(f'<div class="summary">{sapo * 20}</div>') is None  # a box that wraps the article


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            PIECES,
            st.sampled_from(
                ["Tin liên quan", "image banner", "Họ tên", "Chủ nhật 29/12/2024 07:37", "Sáng 18/3,", "Hoàng Giang"]
            ),
            st.text(max_size=8),
        ),
        max_size=40,
    )
)
def test_the_whole_pipeline_never_fails_on_arbitrary_text(parts):
    from ngkt_cli.errors import RejectedInput

    text = "".join(parts)
    try:
        doc = build_document(text.encode("utf-8", "surrogatepass"), "x.txt")
    except (RejectedInput, UnicodeEncodeError):
        return
    for found in extract(doc).lists:
        for item in found.items:
            assert doc.body[item.start : item.end] == item.text


def _word_pieces(words):
    """Texts made of the words, their halves and case changes, and other text."""
    halves = [w[: len(w) // 2] for w in words] + [w[len(w) // 2 :] for w in words]
    return st.lists(
        st.one_of(st.sampled_from(list(words)), st.sampled_from(halves), st.sampled_from([w.lower() for w in words])),
        max_size=12,
    ).flatmap(
        lambda parts: st.lists(st.text(max_size=3), min_size=len(parts) + 1, max_size=len(parts) + 1).map(
            lambda glue: "".join(g + p for g, p in zip(glue, parts + [""]))
        )
    )


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"ab|[Tt]heo|x(?:yz|y)", r"(?:a|b)(?:c|d)e", r"[ab]", r"Nhật Bản|Hàn Quốc|oanh nghiệp"]),
    st.text(alphabet="abcdeTthoxyzNhậtBảnHànQuốcg ", max_size=30),
)
def test_a_pattern_that_is_a_set_of_strings_finds_a_match_where_one_of_them_is(source, text):
    import re

    from ngkt_cli.extract import _literal_strings

    pattern = re.compile(source)
    strings = _literal_strings(pattern)
    assert strings is not None
    assert (pattern.search(text) is not None) == any(string in text for string in strings)


def test_only_a_set_of_plain_strings_is_spelled_out():
    import re

    from ngkt_cli.extract import _literal_strings

    assert _literal_strings(re.compile(r"[Tt]heo|ab")) == ("Theo", "theo", "ab")
    for source in (r"\btheo", r"a+", r"[^a]", r"\w", r"a?", r"(?i:a)"):
        assert _literal_strings(re.compile(source)) is None, source
    assert _literal_strings(re.compile("theo", re.I)) is None


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_other_voices_quick_test_answers_as_its_pattern_does(data):
    from ngkt_cli.extract import _OTHER_VOICE_WORDS, OTHER_VOICE_HINT, OTHER_VOICE_TEST

    assert _OTHER_VOICE_WORDS is not None and OTHER_VOICE_TEST is not OTHER_VOICE_HINT
    text = data.draw(_word_pieces(_OTHER_VOICE_WORDS))
    assert (OTHER_VOICE_TEST.search(text) is not None) == (OTHER_VOICE_HINT.search(text) is not None), text


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"[:;](?:[\s]){0,}(?:[\d]){1,2}[.)]", r"[ab]c", r"[ab](?:[\s]){1,}", r"[abc]"]),
    st.text(alphabet=":;ab c1.)\n", max_size=30),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
)
def test_a_hint_searched_once_per_opening_character_finds_a_match_where_the_hint_does(source, text, start, end):
    import re

    from ngkt_cli.extract import _by_opening_character

    hint = re.compile(source)
    scans = _by_opening_character(hint)
    assert len(scans) > 1 and all(scan.pattern[0] != "[" for scan in scans)
    found = any(scan.search(text, start, end) for scan in scans)
    assert found == (hint.search(text, start, end) is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(
                st.sampled_from(["3 ", "ba ", "các ", "những ", "một số ", "nhóm ", "“", "Việt ", "hai ", "12 "]),
                st.sampled_from(["", "nhóm ", "“"]),
                st.sampled_from(["trọng tâm", "nhiệm vụ", "việc", "công việc", "điểm", "bài học", "điều", "ĐIỂM"]),
            ).map("".join),
            st.text(alphabet="ab đ,.:\n", max_size=4),
        ),
        max_size=8,
    )
)
def test_a_lead_in_without_a_list_noun_announces_nothing_and_its_quick_test_never_hides_one(parts):
    from ngkt_cli.cues import ANNOUNCED, ANNOUNCED_NOUNS
    from ngkt_cli.text import fold

    folded = fold("".join(parts))
    if ANNOUNCED.search(folded):
        assert ANNOUNCED_NOUNS.search(folded), folded


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"(?:và|hoặc)\s+(?=\S)", r"a?b|[cd]", r"(?=x)[xy]z", r"\b(?:ab|c)", r"(?:a|c)b", r"a*b"]),
    st.text(alphabet="vàhoặc abcdxyz\n", max_size=12),
)
def test_a_match_opens_with_one_of_the_characters_its_pattern_may_open_with(source, text):
    import re
    from re import _parser  # type: ignore[attr-defined]

    from ngkt_cli.text import first_characters

    pattern = re.compile(source)
    opens = first_characters(list(_parser.parse(source)))
    assert opens is not None
    if found := pattern.match(text):
        assert found.end() > 0 and text[0] in opens


def test_a_leading_conjunction_is_looked_for_only_after_its_first_letters():
    from ngkt_cli.extract import _trim

    text = "và củng cố an ninh; hoặc mở rộng"
    first, second = _trim(text, 0, 18), _trim(text, 19, len(text))
    assert (text[first.start : first.end], text[second.start : second.end]) == ("củng cố an ninh", "mở rộng")


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(
        [
            r"(?<!den )(?<![\d/-])((?:19|20)\d{2})(?![\d/-])",
            r"(?<=[^\W\d] )da (?=[^\W\d])",
            r"(?<!a)(?<=b|c)(?P<x>[ab]c)d?",
            r"(?<!ab)(?:x|y)z|(?<=a)b",
            r"(?<=\()(\d)\)",
        ]
    ),
    st.text(alphabet="den 1920da bcxyz(/)-\n", max_size=30),
    st.integers(min_value=0, max_value=30),
)
@example(r"(?<!den )(?<![\d/-])((?:19|20)\d{2})(?![\d/-])", "den 2024, 1999 va -2020 2031", 0)
def test_a_pattern_with_its_look_behinds_after_its_first_item_finds_the_same_matches(source, text, start):
    import re

    from ngkt_cli.cues import lookbehinds_after

    pattern = re.compile(source)
    scan = lookbehinds_after(pattern)
    assert scan.pattern != source and not scan.pattern.startswith("(?<")
    assert [(m.span(), m.groups()) for m in scan.finditer(text, start)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text, start)
    ]


def test_only_look_behinds_before_an_item_of_fixed_width_are_moved():
    import re

    from ngkt_cli.cues import CUE_YEAR, CUE_YEAR_SCAN, _source_items, lookbehinds_after

    assert CUE_YEAR_SCAN.pattern.startswith("((?:19|20)\\d{2})(?<!(?:den )(?s:.){4})")
    for source in (r"(?<!a)\d+b", r"(?<!a)\bb", r"(?<!(a))b", r"a(?<!b)c", r"(?<!a)(?=b)b", r"(?<!a)|b", r"(?<!a)"):
        assert lookbehinds_after(re.compile(source)).pattern == source, source
    assert _source_items(r"(?<!x[)(])(a(b)c)*?\[[]a]|\d{2,}") == [
        r"(?<!x[)(])",
        r"(a(b)c)*?",
        r"\[",
        r"[]a]",
        "|",
        r"\d{2,}",
    ]
    assert CUE_YEAR_SCAN.findall("nam 2024, den 2030, giai doan 2021-2025") == CUE_YEAR.findall("nam 2024, den 2030")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab -–+•\n\u00a0;”"“', max_size=20), st.integers(0, 22), st.integers(0, 22))
def test_an_items_tail_is_read_as_its_stripped_copy_would_be(text, start, end):
    from ngkt_cli.extract import BULLET_CHARS, _before_next_bullet, _trim, _unbalanced_closing_quote

    stripped = text[start:end].rstrip()  # the plain definition: a bullet at the stripped item's end
    plain = (
        start + len(stripped) - 1
        if len(stripped) > 1 and stripped[-1] in BULLET_CHARS and stripped[-2].isspace()
        else end
    )
    assert _before_next_bullet(text, start, end) == plain
    if start <= end <= len(text):
        span = _trim(text, start, end)
        assert not _unbalanced_closing_quote(text[span.start : span.end])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([r"\bthứ\s+(?:nhất|hai)", r"ab", r"\bab|\bac", r"^ab\w", r"ab\w*"]),
    st.text(alphabet="tThHứỨ abcABſ\n", max_size=24),
)
@example(r"\bthứ\s+(?:nhất|hai)", "THỨ HAI, tHứ nhất, Thứ Hai")
@example(r"ab\w*", "xabAB ab")  # a match holding its opening text again: one match
def test_a_pattern_ignoring_case_tried_where_its_opening_text_is_finds_what_finditer_does(source, text):
    import re

    from ngkt_cli.extract import _literal_lead, _matches_at_lead

    pattern = re.compile(source, re.I)
    lead = _literal_lead(pattern)
    if source.startswith(r"\bab|"):
        assert lead is None  # an alternation opens on no one text
        return
    assert lead is not None
    assert [m.span() for m in _matches_at_lead(pattern, lead, text)] == [m.span() for m in pattern.finditer(text)]


def test_a_lead_with_a_letter_of_other_case_forms_is_not_used():
    import re

    from ngkt_cli.extract import MARKER_RULES, _literal_lead

    assert _literal_lead(re.compile(r"\bst", re.I)) is None  # "ſ" is an "s" when case is ignored
    assert _literal_lead(re.compile(r"\bth")) is None  # case kept: the engine skips ahead by itself
    assert next(rule for rule in MARKER_RULES if rule.name == "thứ ordinal").lead == "thứ"


# Pattern parts whose matches open alike or inside one another, and texts made of their letters.
OPENING_PARTS = st.sampled_from(
    ["(?:nh|g)", "(?:a|ab|ca)", "[ab]", "a", "b", r"\s*", r"\s+", ":", r"(?=[^\W\d])", r"(?<!\w)", r"\b", "b+", "."]
)
OPENING_TEXTS = st.lists(st.sampled_from(["a", "b", "ab", "ca", "nh", "g", " ", ":", "x", "1"]), max_size=14).map(
    "".join
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.lists(OPENING_PARTS, min_size=1, max_size=4).map("".join), min_size=1, max_size=3).map("|".join),
    OPENING_TEXTS,
    st.integers(0, 4),
    st.integers(0, 4),
)
@example("(?:nh|g)a|:", "nha: ga", 0, 0)  # a row's scan: each alternative opens on its own text
@example("(?:a|ab|ca)b", "cab", 0, 0)  # "ca" opens a match at 0 and "ab" one inside it, at 1
@example(r"(?:aa|x)\s*b", "aaa b", 0, 0)  # "aa" begins at 0, where no match opens, and again at 1
def test_a_scan_tried_where_its_openings_begin_finds_what_its_finditer_finds(source, text, cut_start, cut_end):
    import re

    from ngkt_cli.extract import _matches_at_openings, _scan_openings

    pattern = re.compile(source)
    openings = _scan_openings(pattern)
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    if openings is not None:
        found = [m.span() for m in _matches_at_openings(pattern, openings, text, pos, endpos)]
        assert found == [m.span() for m in pattern.finditer(text, pos, endpos)]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(["và", "hoặc", "cùng", " ", "\n", "x", "c", "g", "à", "ab|"]), max_size=8).map("".join),
    st.sampled_from([r"\s+(?:và|hoặc|cùng)$", r"(?:x|ab\|)$", r"\s*c$", r"(?:và|)$", r"và\s*$"]),
)
@example("hai và\n", r"\s+(?:và|hoặc|cùng)$")  # "$" matches before a final line break too
def test_a_text_not_ending_as_a_patterns_strings_do_holds_no_match_of_it_at_the_end(text, source):
    import re

    from ngkt_cli.extract import _closing_characters

    pattern = re.compile(source)
    closes = _closing_characters(pattern)
    if closes is not None and pattern.search(text):
        assert text[-1:] in closes


SALUTATION_PIECES = st.sampled_from(["Kính thưa", "kính ", "THƯA", "thưa", "Thưa", "Thư", "ưa", ":", ",", " ", "x"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(SALUTATION_PIECES, max_size=8),
    st.lists(st.lists(st.one_of(SALUTATION_PIECES, st.just("Tăng cường hợp tác")), max_size=4), min_size=1, max_size=3),
)
def test_a_lead_in_without_thua_is_no_salutation_cue_and_is_not_searched(cue_parts, item_parts):
    # `_salutations` searches a lead-in for SALUTATION_CUE only when it holds "thưa": the same
    # answer as searching every lead-in
    from ngkt_cli.extract import SALUTATION, SALUTATION_CUE, _salutations

    cue, texts = "".join(cue_parts), ["".join(parts) for parts in item_parts]
    plain = bool(SALUTATION_CUE.search(cue)) or sum(bool(SALUTATION.match(t)) for t in texts) * 2 >= len(texts)
    assert _salutations(cue, texts) == plain


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["toan van", "toan", " van ", "tuyen bo chung", "thong cao chung", " ", "."]), max_size=8)
)
def test_a_text_without_toan_van_gives_no_joint_statement_and_is_not_searched(parts):
    # `_joint_statement` searches a headline or lede (folded) for JOINT_TEXT only when it holds its
    # opening words: the same answer as searching it
    from ngkt_cli.extract import JOINT_TEXT, JOINT_TEXT_OPENING

    text = "".join(parts)
    assert bool(JOINT_TEXT.search(text)) == (JOINT_TEXT_OPENING in text and bool(JOINT_TEXT.search(text)))


AGREEMENT_PIECES = st.sampled_from(
    ["thu tuong ", "tong thong ", "pham minh chinh ", "anwar ", "va ", "da ", "nhat tri", "dong y", "cam ket", " ", ","]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            AGREEMENT_PIECES,
            st.sampled_from(["thu tuong a va tong thong b ", "chu tich c va bo truong d da "]),
        ),
        max_size=8,
    )
)
def test_two_leaders_agreeing_are_searched_only_where_a_verb_of_agreeing_stands(parts):
    # `_first_kind` searches a lead-in for LEADERS_AGREED only when it holds one of its verbs: the
    # same answer as AGREED with that shape among its alternatives
    import re

    from ngkt_cli.extract import _AGREE_VERBS, AGREED, LEADERS_AGREED

    folded = "".join(parts)
    whole = re.compile(AGREED.pattern + "|" + LEADERS_AGREED.pattern)
    guarded = AGREED.search(folded) or (any(v in folded for v in _AGREE_VERBS) and LEADERS_AGREED.search(folded))
    assert bool(guarded) == bool(whole.search(folded))
