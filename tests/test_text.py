"""Vietnamese normalisation: one key for every spelling of a word, folding that keeps offsets."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ngkt_cli.text import fold, joined_key, key, paragraph_keys, sentences


def test_key_unifies_tone_placement_and_case():
    assert key("Đa dạng hoá  thị trường") == key("đa dạng hóa thị trường") == "đa dạng hóa thị trường"
    assert key("THOẢ thuận") == "thỏa thuận"
    assert key("tuỳ") == "tùy"
    assert key("khoẻ") == "khỏe"


def test_key_leaves_closed_syllables_and_qu_alone():
    assert key("hoàn thành") == "hoàn thành"
    assert key("thuyết") == "thuyết"
    assert key("quý") == "quý"


def test_key_accepts_nfd_input():
    assert key(unicodedata.normalize("NFD", "Chuyển đổi xanh")) == "chuyển đổi xanh"


def test_fold_removes_marks_and_folds_d_keeping_length():
    text = "Đầu tư chuyển đổi xanh"
    assert fold(text) == "dau tu chuyen doi xanh"
    assert len(fold(text)) == len(text)


def test_sentences_split_before_capitals_only():
    assert sentences("Thứ nhất, củng cố. Thứ hai, tăng cường... dự báo. Thứ ba, nâng cao.") == [
        "Thứ nhất, củng cố.",
        "Thứ hai, tăng cường... dự báo.",
        "Thứ ba, nâng cao.",
    ]


# Letters the key's steps treat specially: old-style tone pairs, "q" before them, a final sigma,
# a capital whose lower case is longer, combining marks (NFD input), spaces of every kind.
KEY_PIECES = st.sampled_from(
    [
        "hoá",
        "Hoá",
        "quý",
        "qu",
        "oá",
        "uỳ",
        "ΟΔΟΣ",
        "Σ",
        "İ",
        "\u0301",
        "o\u0301",
        "a",
        " ",
        "\u00a0",
        "\t",
        "\n",
        ".",
        "Đ",
    ]
)


@settings(max_examples=400)
@given(st.lists(st.lists(st.one_of(KEY_PIECES, st.text(max_size=3)), max_size=8).map("".join), max_size=6))
def test_paragraph_keys_are_each_paragraphs_key_and_join_to_the_bodys(paragraphs):
    keys = paragraph_keys(paragraphs)
    assert keys == [key(paragraph) for paragraph in paragraphs]
    assert joined_key(keys) == key("\n".join(paragraphs)) == key("\n\n".join(paragraphs))
