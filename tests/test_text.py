"""Vietnamese normalisation: one key for every spelling of a word, folding that keeps offsets."""

import unicodedata

from ngkt_cli.text import fold, key, sentences


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
