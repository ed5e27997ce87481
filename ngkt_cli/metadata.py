"""Stage 1 helper: the people an article names, and who says what.

(When the statements were made is dates.py's part.)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from .models import Person
from .text import WordStarts, fold

# ---------------------------------------------------------------------------------------------
# People

# The family names that open almost every Vietnamese full name ("Bùi Thanh Sơn", "Phạm Minh Chính").
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lương Trịnh Mai "
    "Trương Đoàn Hà Lâm Tô Cao Châu Thái Tạ Quách Lưu Kiều Văn Vương Từ La Doãn Khổng Hứa Mạc Nông "
    "Triệu Âu Giang Tăng Lò Chu Thân Tống Lại Hầu Phùng Diệp Đàm Thạch Kim Vi Tôn Quan Ninh Lữ".split()
)

# Titles, longest first so that "Phó Thủ tướng" is not read as "Thủ tướng".
TITLES = (
    "Ủy viên Bộ Chính trị",
    "Tổng Bí thư",
    "Phó Chủ tịch Quốc hội",
    "Chủ tịch Quốc hội",
    "Chủ tịch nước",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Vụ trưởng",
    "Phó Vụ trưởng",
    "Đại sứ",
    "Đại biểu",
    "Phó Bí thư",
    "Bí thư",
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Người phát ngôn",
    "Tổng Giám đốc",
    "Tổng thư ký",
    "Chánh Văn phòng",
    "Trưởng đoàn",
    "Trưởng Cơ quan đại diện",
    "Chủ nhiệm",
    "Ủy viên Trung ương Đảng",
    # "Đồng chí Nguyễn Minh Vũ, Ủy viên dự khuyết TW Đảng, Thứ trưởng Bộ Ngoại giao"
    "Ủy viên dự khuyết Trung ương Đảng",
    "Ủy viên TW Đảng",
    "Ủy viên dự khuyết TW Đảng",
    "Trưởng Ban",
    "Phó Trưởng Ban",
    "Viện trưởng",
    "Phó Viện trưởng",
    # Scholars quoted for their proposals: "TS. Nguyễn Văn Bình", "PGS.TS Trần Đình Thiên".
    "GS.TS.",
    "GS.TS",
    "PGS.TS.",
    "PGS.TS",
    "GS.",
    "PGS.",
    "TS.",
    "ThS.",
    "Tiến sĩ",
    "Giáo sư",
    "Phó Giáo sư",
    # The minister's assistant is not the minister: "Trợ lý Bộ trưởng Nguyễn Minh Hằng".
    "Trợ lý Bộ trưởng",
    "Trợ lý Thủ tướng",
    # Provincial and party ranks that open a chain of titles ("ông Lê Hữu Hoàng - Ủy viên Ban
    # Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh"), posts abroad, general departments.
    "Ủy viên Ban Thường vụ",
    "Ủy viên Ban Chấp hành",
    "Tỉnh ủy viên",
    "Thành ủy viên",
    "Bí thư Trung ương Đảng",
    "Tổng Lãnh sự",
    "Tham tán Công sứ",
    "Tham tán",
    "Tổng cục trưởng",
    "Phó Tổng cục trưởng",
    # More offices the press names a speaker by: an inspectorate, the central bank, a trade office
    # abroad, a committee's chair, a company's deputy director.
    "Chánh thanh tra",
    "Phó Chánh thanh tra",
    "Phó Chánh Văn phòng",
    "Thống đốc",
    "Phó Thống đốc",
    "Trưởng Thương vụ",
    "Trưởng Đại diện",
    "Phó Chủ nhiệm",
    "Phó Tổng Giám đốc",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Trưởng Phái đoàn",
    "Người Phát ngôn",
    "Tổng Thư ký",
    # An acting head speaks for the office: "ông Nguyễn Như Hiếu, Quyền Cục trưởng Cục Ngoại vụ".
    "Quyền Bộ trưởng",
    "Quyền Cục trưởng",
    "Quyền Vụ trưởng",
    "Quyền Giám đốc",
    "Quyền Chủ tịch",
    # Abbreviated in headlines and after the first mention: "Chủ tịch QH nhấn mạnh ..."
    "Phó Chủ tịch QH",
    "Chủ tịch QH",
)
# Abbreviated titles, each read as the title it stands for.
ABBREVIATED_TITLES = {"phó chủ tịch qh": "Phó Chủ tịch Quốc hội", "chủ tịch qh": "Chủ tịch Quốc hội"}
# Titles as the press also writes them, in lower case after the first word ("Phó thủ tướng",
# "Tổng bí thư"), each read as the title it spells.
CANONICAL_TITLES: dict[str, str] = {}
for _title in TITLES:  # the first spelling is the canonical one ("Người phát ngôn", not "Người Phát ngôn")
    CANONICAL_TITLES.setdefault(_title.lower(), _title)
CANONICAL_TITLES.update(ABBREVIATED_TITLES)
# (Titles of one length in alphabetical order: the same matches in any order, and the same
# pattern in every process, which `regex_cache` can then keep.)
_WRITTEN_TITLES = sorted(
    {*TITLES, *(t.split(" ", 1)[0] + " " + t.split(" ", 1)[1].lower() for t in TITLES if " " in t)},
    key=lambda title: (-len(title), title),
)

# Places whose first word is also a family name: "Bí thư Thành ủy Hà Nội" names no person "Hà Nội".
PLACE_NAMES = (
    "Hà Nội",
    "Hà Tĩnh",
    "Hà Giang",
    "Hà Nam",
    "Hà Đông",
    "Cao Bằng",
    "Lâm Đồng",
    "Ninh Bình",
    "Ninh Thuận",
    "Thái Bình",
    "Thái Nguyên",
    "Lý Sơn",
    "Kim Bảng",
    "Hồ Chí Minh",
    "Vĩnh Phúc",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bình Dương",
    "Bình Định",
    "Bình Thuận",
    "Bình Phước",
    "Hoàng Sa",
    "Trường Sa",
    "Phú Thọ",
    "Phú Yên",
)
# Every capital letter Vietnamese writes ("Ả", "Ước", "Đ"), for names and organisations.
UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())


def _alternation(words: list[str], first_letter_either_case: bool) -> str:
    """A regex alternation of `words` (tried in the order given), grouped by first letter.

    The same matches as "a|b|c", but the regex engine, which tries alternatives one by one at
    every position, rejects a position after one letter test instead of one per word. A first
    letter of either case is written as two branches ("P(?:hó Thủ tướng|...)|p(?:hó Thủ tướng|...)"),
    not as a class ("[Pp]"): when every branch opens with a letter, the engine skips ahead to the
    next of those letters by itself, without trying the pattern at every position between.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = []
    for first, rests in groups.items():
        rest = "(?:" + "|".join(rests) + ")"
        cases = dict.fromkeys([first, first.lower()] if first_letter_either_case else [first])
        branches += [re.escape(case) + rest for case in cases]
    return "|".join(branches)


_TITLE_RE = _alternation(_WRITTEN_TITLES, first_letter_either_case=True)
_TITLE_WORDS = re.compile(_TITLE_RE)

# The organisation that may follow a title: "Bộ Ngoại giao", "Chính phủ", "UBND tỉnh Nghệ An",
# "Tỉnh ủy": capitalised words and the lower-case syllables of institution names.
# "Thường trực" (standing), "tại Nhật Bản" (an ambassador's post), "Văn phòng Chính phủ", and
# the second syllables of ministries' names ("Kế hoạch và Đầu tư", "Nông nghiệp và Phát triển
# nông thôn", "Tài chính", "Y tế").
_ORG_LOWER = (
    "giao phủ hội vụ tỉnh ủy nước trị trực phòng hoạch tư chính thương nghiệp triển thôn nông "
    "nguyên trường dục tạo tế lịch thao hóa hoá học nghệ thông sản dựng tải lợi binh ninh "
    # "Cục Xúc tiến thương mại", "Vụ Hợp tác kinh tế đa phương", "Tổng cục Du lịch"
    "xúc tiến mại hợp tác kinh phương ngoại ương cục "
    # a business's: "Chủ tịch Tập đoàn Sao Mai", "Tổng Giám đốc Công ty ...", "Chủ tịch Hội đồng quản trị"
    "đoàn ty quản "
    # "Ngân hàng Nhà nước", "Hiệp hội Dệt may", "Tập đoàn Điện lực", "Vụ Chính sách thương mại đa
    # biên", "Phái đoàn thường trực", "Ủy ban Đối ngoại của Quốc hội", "Liên hợp quốc"
    "hàng may lực sách biên thường của đa ban quốc toàn "
    # "Trưởng Ban Chỉ đạo" (the capital makes "Chỉ" a name's word, and "đạo" goes on)
    "đạo"
).split() + [
    *("thành phố", "trung ương", "đa phương", "song phương", "đối ngoại", "chỉ đạo"),  # "Trưởng Ban chỉ đạo ..."
    "đặc mệnh toàn quyền",  # "Đại sứ đặc mệnh toàn quyền Việt Nam tại Nhật Bản Phạm Quang Hiệu"
]
# "tại" and "và" join two named parts ("Đại sứ quán Việt Nam tại Nhật Bản", "Bộ Công Thương và
# Bộ Ngoại giao"): a capitalised word follows; "Chính phủ tại hội nghị" names "Chính phủ". (The
# lower-case words grouped by first letter: the same matches, one letter test per position.)
_ORG_WORD = (
    rf"(?:[{UPPER}][^\s,.;:()–-]*|{_alternation(_ORG_LOWER, first_letter_either_case=False)}"
    rf"|(?:tại|và)(?=\s+[{UPPER}])"
    # the year of a forum Vietnam hosts: "Chủ tịch SOM APEC 2017 Bùi Thanh Sơn"
    rf"|(?:19|20)\d\d(?=\s+[{UPPER}])"
    r"|[-–]\s+Vũng Tàu)"  # the province "Bà Rịa - Vũng Tàu"
)
_ORG = rf"(?:\s+{_ORG_WORD})*"
# Between a title and its holder's name, also a short aside in brackets: "Chủ tịch Phòng Thương
# mại và Công nghiệp Việt Nam (VCCI) Phạm Tấn Công", "Vụ trưởng Vụ Tổng hợp kinh tế (Bộ Ngoại giao) ...".
_ORG_LAZY = rf"(?:\s+(?:{_ORG_WORD}|\([{UPPER}][^()\n.;:]{{0,40}}\)))*?"

# Also in capitals, as interviews print the person answering: "Bộ trưởng Bộ Ngoại giao BÙI THANH SƠN:".
_SURNAMES_LONGEST_FIRST = sorted(SURNAMES | {s.upper() for s in SURNAMES}, key=lambda name: (-len(name), name))
_SURNAME_RE = _alternation(_SURNAMES_LONGEST_FIRST, first_letter_either_case=False)

# A look-ahead on the letters a name can open with: a pure filter that spares the regex engine
# trying dozens of alternatives at every position of the text (3-6x faster). A pattern that
# opens with a title needs none: `_alternation` lets the engine skip to the titles' letters.
_NAME_START = "(?=[" + "".join(sorted({s[0] for s in SURNAMES} | set("đĐôÔbB"))) + "])"
_LOWER = rf"[^\W\d_{UPPER}]"
# A word of a name: "Sơn", or in capitals "SƠN". Its words are on one line ("Nguyễn Minh Hằng" ¶
# "Chiều 25/9" is no four-word name) and a capital glued to it starts the next sentence
# ("Bùi Thanh SơnTheo Bộ trưởng", as pages lose their line breaks).
_NAME_WORD = rf"[{UPPER}](?:[{UPPER}]+(?!{_LOWER})|{_LOWER}*)"
_NOT_A_PLACE = "(?!(?:" + "|".join(PLACE_NAMES) + r")\b)"
# Places whose last word is a family name: in "Chủ tịch UBND tỉnh Bình Dương Võ Văn Minh" the name
# is "Võ Văn Minh", not "Dương Võ Văn Minh".
PLACE_TAILS = (
    "Bình Dương",
    "Hải Dương",
    "Bắc Giang",
    "Hậu Giang",
    "Hà Giang",
    "Tiền Giang",
    "Kiên Giang",
    "Bắc Ninh",
    "Tây Ninh",
    "Lai Châu",
    "Quảng Ninh",
    "Sơn La",
    "An Giang",
)
# (only the place's own last word: in "Chủ tịch UBND tỉnh Hòa Bình Bùi Văn Khánh" the name is "Bùi Văn Khánh")
_NOT_A_PLACE_TAIL = "".join(f"(?!(?<={place.split()[0]} ){place.split()[-1]}\\b)" for place in PLACE_TAILS)
_NAME = rf"(?P<name>{_NOT_A_PLACE}{_NOT_A_PLACE_TAIL}(?:{_SURNAME_RE})(?:[ \t]+{_NAME_WORD}){{1,3}})"
# A name is not followed by another capitalised word: in "Phó Chủ tịch UBND TP Hồ Chí Minh Võ Văn
# Hoan" the city, which opens with a family name, belongs to the organisation.
_NAME_END = rf"(?!{_LOWER})(?![ \t]+[{UPPER}])"

# "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn": the lazy organisation lets the name start at the
# first family name.
# ... also with the name set apart by "ông" or "bà": "Thứ trưởng Ngoại giao, bà Lê Thị Thu Hằng".
TITLED_NAME = re.compile(rf"(?P<title>(?:{_TITLE_RE}){_ORG_LAZY})(?:,?\s+(?:ông|bà))?\s+{_NAME}{_NAME_END}")
# "đồng chí Phạm Minh Chính – Ủy viên Bộ Chính trị, Thủ tướng Chính phủ", "Ông Vũ Bá Phú, Cục
# trưởng Cục Xúc tiến thương mại"; a former office ("TS. Nguyễn Đình Cung, nguyên Viện trưởng ...") and
# one in brackets ("Ông Nguyễn Văn Phú (Vụ trưởng Vụ Kinh tế đối ngoại) cho biết") too
_THEN_TITLE = rf"\s*[,–(-]\s*(?P<title>(?:[nN]guyên\s+)?(?:{_TITLE_RE}){_ORG}(?:,\s*(?:{_TITLE_RE}){_ORG})*)"
# A name, perhaps after "ông", then its titles, as one pattern: the definition (the tests compile
# it). It is matched as two patterns, below, that the regex engine skips ahead in; this one is
# not compiled (10 ms a process).
NAME_THEN_TITLE_DEFINITION = rf"{_NAME_START}(?:(?:[đĐ]ồng chí|[ôÔ]ng|[bB]à)\s+)?{_NAME}{_THEN_TITLE}"


def _name_at_its_first_letter() -> str:
    """`_NAME` with its look-arounds written after the first letter of each family name
    ("N(?<!Bình N)...(?:guyễn|GUYỄN)|T...", a place's look-ahead shortened by that letter): the
    same matches, and a pattern that opens with it lets the regex engine skip ahead in C to
    the family names' first letters, where a look-ahead first had it try every position."""
    groups: dict[str, list[str]] = {}
    for surname in _SURNAMES_LONGEST_FIRST:
        groups.setdefault(surname[0], []).append(re.escape(surname[1:]))
    branches = []
    for first, rests in groups.items():
        places = [place[1:] for place in PLACE_NAMES if place[0] == first]
        not_a_place = "(?!(?:" + "|".join(places) + r")\b)" if places else ""
        not_a_tail = "".join(sorted({f"(?<!{place.split()[0]} {first})" for place in PLACE_TAILS}))
        branches.append(f"{re.escape(first)}{not_a_place}{not_a_tail}(?:{'|'.join(rests)})")
    return rf"(?P<name>(?:{'|'.join(branches)})(?:[ \t]+{_NAME_WORD}){{1,3}})"


# NAME_THEN_TITLE_DEFINITION as two patterns, each opening with literal letters the regex engine skips
# ahead to: the name after "đồng chí", "ông" or "bà", and the name alone (`_names_then_titles`
# merges their matches as the one pattern's, which tries the first before the second at each place).
_ADDRESSING = [f"{first}{word[1:]}" for word in ("đồng chí", "ông", "bà") for first in (word[0], word[0].upper())]
_NAME_THEN_TITLE_ADDRESSED = re.compile("(?:" + "|".join(_ADDRESSING) + rf")\s+{_NAME}{_THEN_TITLE}")
_NAME_THEN_TITLE_BARE = re.compile(_name_at_its_first_letter() + _THEN_TITLE)


# A foreign name set apart by "ông" or "bà", then its title: "ông Nicolas Audier, Chủ tịch Phòng
# Thương mại châu Âu tại Việt Nam", "bà Carolyn Turk, Giám đốc Quốc gia Ngân hàng Thế giới" (two to
# four words written without Vietnamese letters; tried only where no Vietnamese name is read).
_FOREIGN_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_FOREIGN_THEN_TITLE = re.compile(
    "(?:" + "|".join(_ADDRESSING[2:]) + rf")\s+(?P<name>{_FOREIGN_NAME_WORD}(?:[ \t]+{_FOREIGN_NAME_WORD}){{1,3}})"
    rf"{_THEN_TITLE}"
)


def _foreign_then_titles(text: str, addressed_at: list[int], covered: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """_FOREIGN_THEN_TITLE's matches where "ông" or "bà" starts, but not over a name already read."""
    taken = [(match.start(), match.end()) for match in covered]
    return [
        match
        for match in _matches_from(_FOREIGN_THEN_TITLE, text, addressed_at)
        if not any(start < match.end() and match.start() < end for start, end in taken)
    ]


def _name_then_title_at(text: str) -> re.Match[str] | None:
    """NAME_THEN_TITLE_DEFINITION matched at the text's start: the name after "ông" first."""
    return _NAME_THEN_TITLE_ADDRESSED.match(text) or _NAME_THEN_TITLE_BARE.match(text)


# A country named by the role it holds, before a title: "nước Chủ tịch G7", "nước Chủ tịch ASEAN".
COUNTRY_BEFORE = re.compile(r"\b[nN]ước\s+$")
# "Thủ tướng Chính phủ nhấn mạnh": a title alone, resolved to a named holder in the same article.
TITLE_ALONE = re.compile(rf"(?P<title>(?:{_TITLE_RE}){_ORG})")
# What the press calls an office-holder in place of the title, to avoid repeating it: "Người
# đứng đầu Chính phủ" is the Prime Minister, "người đứng đầu ngành ngoại giao" the Foreign Minister.
ALIAS_TITLES = {
    "chính phủ": "Thủ tướng",
    "ngoại giao": "Bộ trưởng",
    "nhà nước": "Chủ tịch nước",
    "quốc hội": "Chủ tịch Quốc hội",
}


def _after_no_word_character(words: tuple[str, ...]) -> str:
    """An alternation of `words` (each in lower case, or with its first letter in upper case)
    that matches only where no word character stands before it, the look-behind written after
    the first letter ("n(?<!\\wn)gười đứng đầu|N(?<!\\wN)gười đứng đầu|..."): the same matches as
    "(?<!\\w)(?:[nN]gười đứng đầu|...)", and the regex engine skips ahead to the first letters in C,
    where a look-behind first had it try every position."""
    return "|".join(
        rf"{re.escape(first)}(?<!\w{re.escape(first)}){re.escape(word[1:])}"
        for word in words
        for first in dict.fromkeys([word[0], word[0].upper()])
    )


TITLE_ALIAS = re.compile(
    # (also "Người đứng đầu Bộ Ngoại giao")
    rf"(?:{_after_no_word_character(('người đứng đầu', 'trưởng'))})\s+(?:ngành\s+|(?<=đầu )Bộ\s+)?"
    r"(?P<of>Chính phủ|[nN]goại giao|Nhà nước|Quốc hội)(?!\w)"
)
# "ông Sơn", "bà Hằng" (the word boundary before "ông" is that no word character stands before it)
PRONOUN_NAME = re.compile(
    rf"(?:{_after_no_word_character(('ông', 'bà'))})\s+(?P<given>[{UPPER}][^\W\d_]*)(?!\s+[{UPPER}])"
)

# Verbs of saying that attribute what follows to the person just before them.
SPEECH_VERBS = re.compile(
    r"\b(?:cho biết|cho hay|cho rằng|nói|nhấn mạnh|khẳng định|đề nghị|yêu cầu|phát biểu|chỉ đạo|"
    r"xác định|đánh giá|thông tin|chia sẻ|nêu rõ|lưu ý|kết luận|trả lời|đề xuất|chỉ rõ|chỉ ra|rút ra|chỉ thị|"
    r"gợi mở|nhận định|phân tích|đặt ra|kêu gọi|nêu|trình bày|đưa ra|quán triệt|đúc kết|kiến nghị|khuyến nghị|"
    # a leader reviewing results ("ghi nhận", "biểu dương"), a director reporting them (not "nghe
    # báo cáo", "theo báo cáo", "trong báo cáo")
    r"ghi nhận|biểu dương|điểm lại|nhìn lại|nhắc lại|"
    r"(?<!nghe )(?<![tT]heo )(?<!trong )(?<!bản )(?<!các )báo cáo)\b"
)

# A person stating a list also sets it ("Trưởng Ban Chỉ đạo đề ra 5 nhiệm vụ") or assigns it:
# "Thủ tướng giao các cơ quan đại diện 5 nhiệm vụ", where the title reads "giao" as its ministry's
# word ("Bộ trưởng Ngoại giao"): a title ending in "giao" after no "Ngoại" ends before it. Only
# here: a directive's own cue ("giao Bộ Ngoại giao ...") is read by its rules.
ATTRIBUTING_VERBS = re.compile(SPEECH_VERBS.pattern[:-3] + r"|đề ra)\b")
ASSIGNING_TAIL = re.compile(r"(?<![nN]goại) giao$")
ASSIGNED = re.compile(r"\s+(?:cho|các|nhiệm vụ|Bộ|Sở|ngành|UBND)\b")

# In an interview the answer follows the name and a colon: "Bộ trưởng Bùi Thanh Sơn: Thứ nhất, ...".
INTERVIEW_ANSWER = re.compile(r"^\s*:\s+\S")

# How far (characters) a verb of saying may follow the person it attributes to.
ATTRIBUTION_WINDOW = 80


@dataclass(frozen=True)
class Mention:
    """A person mentioned at a place in a text: full name when known, title as written."""

    start: int
    end: int
    name: str | None
    title: str | None


@lru_cache(maxsize=1024)  # an article's few titles are asked for again and again
def _title_heads(title: str | None) -> tuple[str, ...]:
    """The bare titles ("Thủ tướng") in a written title ("Ủy viên Bộ Chính trị, Thủ tướng Chính phủ")."""
    heads = (head[0].upper() + head[1:] for head in _TITLE_WORDS.findall(title or ""))
    return tuple(CANONICAL_TITLES.get(head.lower(), head) for head in heads)


def _title_head(title: str | None) -> str | None:
    """The last bare title of a written title: the office that speaks."""
    heads = _title_heads(title)
    return heads[-1] if heads else None


def _names_then_titles(text: str, starts: list[list[int]] | None = None) -> Iterator[re.Match[str]]:
    """NAME_THEN_TITLE_DEFINITION's matches, but not "Nguyễn Minh Vũ, Bộ trưởng Bùi Thanh Sơn": a title that
    another name follows is that person's, and the comma only separates two people."""
    for match in _name_then_title_matches(text, starts):
        if not TITLED_NAME.search(match.group(0), match.start("title") - match.start()):
            yield match


def _name_then_title_matches(text: str, starts: list[list[int]] | None = None) -> Iterator[re.Match[str]]:
    """The matches of NAME_THEN_TITLE_DEFINITION in `text` (as `finditer` finds them), from its
    two halves: at each place the one pattern tries the name after "ông" (its optional word)
    first, then the name alone, so the match that starts first wins, the addressed one at a
    tie; after a match both go on from its end. Each half is tried only where its first words
    start (`_starts`, given when the caller has them): as `search` would find it."""
    _, names, addressed_at = starts or _starts(text)
    addressed = _search_from(_NAME_THEN_TITLE_ADDRESSED, text, addressed_at, 0)
    bare = _search_from(_NAME_THEN_TITLE_BARE, text, names, 0)
    while addressed or bare:
        match = addressed if addressed and (bare is None or addressed.start() <= bare.start()) else bare
        assert match is not None
        yield match
        if addressed and addressed.start() < match.end():
            addressed = _search_from(_NAME_THEN_TITLE_ADDRESSED, text, addressed_at, match.end())
        if bare and bare.start() < match.end():
            bare = _search_from(_NAME_THEN_TITLE_BARE, text, names, match.end())


def _search_from(pattern: re.Pattern[str], text: str, starts: list[int], at: int) -> re.Match[str] | None:
    """`pattern.search(text, at)` for a pattern that can only match at one of `starts` (in order)."""
    for index in range(bisect_left(starts, at), len(starts)):
        if match := pattern.match(text, starts[index]):
            return match
    return None


# How much may follow a named person in an entry of a list of people: ", trưởng đoàn".
PERSON_ENTRY_TAIL = 25


def names_a_person(text: str) -> bool:
    """True when `text` is an entry of a list of people: a named person with a title ("Phó Thủ
    tướng Bùi Thanh Sơn", "Lê Hoài Trung, Bí thư Trung ương Đảng") and little else, not a task
    that opens with its performer ("Bộ trưởng Bộ Công Thương chỉ đạo đẩy mạnh ...")."""
    text = re.sub(r"^(?:[đĐ]ồng chí|[ôÔ]ng|[bB]à)\s+", "", text.strip())
    match = TITLED_NAME.match(text) or _name_then_title_at(text)
    if not match:
        return False
    tail = text[match.end() :].strip()
    return len(tail) <= PERSON_ENTRY_TAIL or tail.startswith(",")


def _name(match: re.Match[str]) -> str:
    """The matched name as names are written in running text: "BÙI THANH SƠN" is "Bùi Thanh Sơn"."""
    name = match.group("name")
    return name.title() if name.isupper() else name


# The offices under a signed article's author, on a line of their own: "Ủy viên Trung ương Đảng, Phó
# Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao", "Nguyên Bí thư Trung ương Đảng, Nguyên Phó Thủ tướng".
OFFICES_LINE = re.compile(rf"^(?:(?:[nN]guyên\s+)?(?:{_TITLE_RE}){_ORG}\s*(?:[,–-]\s*|$))+$")


def signed_author(byline: str | None, people: Iterable[Person]) -> Person | None:
    """The official who signs an article, as its byline gives them: the name with the offices under
    it ("Bùi Thanh Sơn, Ủy viên Trung ương Đảng, ..., Bộ trưởng Bộ Ngoại giao"), or a name the
    article gives a title ("PHẠM MINH CHÍNH" under "... bài viết của Thủ tướng Chính phủ Phạm Minh
    Chính"). A reporter's name is no one the article names with a title: None."""
    if not byline:
        return None
    if match := _name_then_title_at(byline):
        return Person(_name(match), match.group("title").strip(" ,–-"))
    written = byline.strip().casefold()
    return next((person for person in people if person.title and person.name.casefold() == written), None)


# An outlet presenting an official's article in its sapo: "..., Bộ trưởng Ngoại giao Bùi Thanh Sơn
# có bài viết “...”", "... trân trọng giới thiệu bài viết của Thủ tướng Chính phủ Phạm Minh Chính".
WROTE_AFTER = re.compile(r"\s*(?:đã\s+)?(?:có\s+bài\s+viết|viết\s+bài)\b")
WROTE_BEFORE = re.compile(r"\bbài\s+viết\s+(?:của|do)\s+(?:đồng chí\s+)?$")
# How many opening paragraphs present the article.
SAPO_PARAGRAPHS = 2


def article_writer(paragraphs: list[str], people: list[Person]) -> Person | None:
    """The official whose article the page presents in its opening paragraphs, when it says so."""
    for paragraph in paragraphs[:SAPO_PARAGRAPHS]:
        for mention in find_mentions(paragraph, people):
            if mention.name and (
                WROTE_AFTER.match(paragraph, mention.end)
                or WROTE_BEFORE.search(paragraph, max(0, mention.start - 30), mention.start)
            ):
                return Person(mention.name, mention.title)
    return None


# Titles written one after another before a name, each followed by a comma or a dash: "Phó Thủ
# tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh", "Ủy viên Bộ Chính trị - Phó thủ tướng - ...".
TITLE_CHAIN_BEFORE = re.compile(rf"(?:(?:{_TITLE_RE}){_ORG}\s*[,–-]\s*)+$")

# How far back (characters) a chain of titles before a name is looked for.
TITLE_CHAIN_WINDOW = 120


def _full_title(text: str, match: re.Match[str], title_starts: list[int] | None = None) -> str:
    """The title of a TITLED_NAME match with the titles chained before it: the person is found
    again under either ("Theo Phó Thủ tướng, ..." and "Bộ trưởng ... cho biết" are one person).
    `title_starts`: where a title starts in `text` (`_starts`), when the caller has them: both
    patterns open with a title, so each is tried there alone (`_search_from`), not at every
    letter of the window."""
    title = match.group("title").strip(" ,–-")
    begin = max(0, match.start() - TITLE_CHAIN_WINDOW)
    window = text[begin : match.start()]
    if not window.rstrip().endswith((",", "-", "–")):
        return title
    if title_starts is None:
        chain = TITLE_CHAIN_BEFORE.search(window)
        other = chain and TITLED_NAME.search(chain.group(0))
    else:
        starts = [
            at - begin
            for at in title_starts[bisect_left(title_starts, begin) : bisect_left(title_starts, match.start())]
        ]
        chain = _search_from(TITLE_CHAIN_BEFORE, window, starts, 0)
        other = chain and _search_from(
            TITLED_NAME, chain.group(0), [at - chain.start() for at in starts if at >= chain.start()], 0
        )
    if other:  # another person named with a title before this one's
        return title  # ("... của đại biểu Lê Hữu Trí, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn")
    return f"{chain.group(0).strip()} {title}" if chain else title


def find_people(text: str) -> list[Person]:
    """Everyone named in `text` with a title: every title seen for a name, in reading order."""
    return list(_people_in(text))


@lru_cache(maxsize=4)  # asked again of a body that names nobody: by the lists, then the directives
def _people_in(text: str) -> tuple[Person, ...]:
    seen: dict[str, list[str]] = {}
    starts = _starts(text)
    titled = [(m, _full_title(text, m, starts[0])) for m in _matches_from(TITLED_NAME, text, starts[0])]
    then_titled = [(m, m.group("title").strip(" ,–-")) for m in _names_then_titles(text, starts)]
    read = [m for m, _ in (*titled, *then_titled)]
    foreign = [(m, m.group("title").strip(" ,–-")) for m in _foreign_then_titles(text, starts[2], read)]
    for match, title in (*titled, *then_titled, *foreign):
        titles = seen.setdefault(_name(match), [])
        if not any(set(_title_heads(title)) <= set(_title_heads(known)) for known in titles):
            titles.append(title)
    return tuple(Person(name, ", ".join(titles)) for name, titles in seen.items())


@lru_cache(maxsize=256)
def _written_name(name: str) -> re.Pattern[str]:
    """A person's name as a whole word: compiled once per name, not once per text searched."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


# The mentions found lately, by text, with the people they were resolved against: the lists'
# and the directives' speakers ask again of a text they asked of a moment before (a quarter of
# the asks; 16 kept catch all but one in a hundred of those). At most MENTIONS_KEPT are kept
# (then all are forgotten at once), so an article's asks are rarely answered from another's.
_MENTIONS: dict[str, tuple[list[Person], list[Mention]]] = {}
MENTIONS_KEPT = 16


def find_mentions(text: str, people: list[Person]) -> list[Mention]:
    """Person mentions in `text`, with titles alone and "ông Sơn" resolved against `people`."""
    kept = _MENTIONS.get(text)
    if kept is not None and kept[0] == people:  # the same people (a list compares its items by identity first)
        return list(kept[1])
    found = _mentions(text, people)
    if len(_MENTIONS) >= MENTIONS_KEPT:
        _MENTIONS.clear()
    _MENTIONS[text] = (list(people), found)
    return list(found)


@lru_cache(maxsize=1)
def _openings() -> WordStarts:
    """The words the people patterns open with: the titles as `_TITLE_RE` spells them (each
    also with its first letter in lower case), the family names as `_name_at_its_first_letter`
    does, and the words of address of _NAME_THEN_TITLE_ADDRESSED."""
    titles = [f"{case}{title[1:]}" for title in _WRITTEN_TITLES for case in (title[0], title[0].lower())]
    return WordStarts(titles, _SURNAMES_LONGEST_FIRST, _ADDRESSING)


def _starts(text: str) -> list[list[int]]:
    """[where a title starts, where a family name does, where "ông", "bà" or "đồng chí" does] in
    `text`, each in order, those inside another's too ("Thủ tướng" in "Phó Thủ tướng"): where a
    match of TITLED_NAME or TITLE_ALONE, of the bare or the addressed half of
    NAME_THEN_TITLE_DEFINITION, may start."""
    return _openings()(text)


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only match at one of `starts` (in order):
    tried there alone, one scan of the text for the titles serving two patterns."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def _mentions(text: str, people: list[Person]) -> list[Mention]:
    starts = _starts(text)
    titles = list(_matches_from(TITLE_ALONE, text, starts[0]))
    # A match of TITLED_NAME or NAME_THEN_TITLE_DEFINITION holds a title, where TITLE_ALONE would
    # match: a text without one (a third of those asked) holds neither.
    named: tuple[re.Match[str], ...] = (
        (*_matches_from(TITLED_NAME, text, starts[0]), *_names_then_titles(text, starts)) if titles else ()
    )
    if titles and starts[2]:
        named = (*named, *_foreign_then_titles(text, starts[2], named))
    mentions = [Mention(m.start(), m.end(), _name(m), m.group("title")) for m in named]
    covered = [(m.start, m.end) for m in mentions]
    for match in titles:
        if any(start <= match.start() < end for start, end in covered) or COUNTRY_BEFORE.search(
            text, max(0, match.start() - 10), match.start()
        ):
            continue  # "Nhật Bản, nước Chủ tịch G7": a country's role, nobody's title
        head = _title_head(match.group("title"))
        holder = next((p for p in people if head in _title_heads(p.title)), None)
        mentions.append(Mention(match.start(), match.end(), holder.name if holder else None, match.group("title")))
    for match in TITLE_ALIAS.finditer(text):  # "Người đứng đầu Chính phủ" is the Prime Minister
        if any(m.start <= match.start() < m.end for m in mentions):
            continue  # "trưởng Ngoại giao" inside "Thứ trưởng Ngoại giao (Bùi Thanh Sơn)": the deputy's title
        head = ALIAS_TITLES[match.group("of").lower()]
        holder = next((p for p in people if head in _title_heads(p.title)), None)
        if holder:
            mentions.append(Mention(match.start(), match.end(), holder.name, head))
    for match in PRONOUN_NAME.finditer(text):
        holder = next((p for p in people if p.name.split()[-1] == match.group("given")), None)
        if holder:
            mentions.append(Mention(match.start(), match.end(), holder.name, holder.title))
    covered = [(m.start, m.end) for m in mentions]
    for person in people:  # a known name written without its title: "Người đứng đầu Chính phủ Phạm Minh Chính"
        if person.name not in text:
            continue  # a quick test first: most windows name few of the article's people
        for match in _written_name(person.name).finditer(text):
            if not any(start <= match.start() < end for start, end in covered):
                mentions.append(Mention(match.start(), match.end(), person.name, person.title))
    return sorted(mentions, key=lambda m: m.start)


# Office-holders addressed together ("đề nghị các Đại sứ chú trọng ...", "những Bộ trưởng"): whom a
# speaker asks, never one person who speaks.
PLURAL_BEFORE = re.compile(r"(?:^|\s)(?:[cC]ác|[nN]hững)\s+$")


def attributions(text: str, people: list[Person]) -> list[Mention]:
    """Mentions that a verb of saying follows, or that "theo" introduces, in order."""
    mentions = [
        mention
        for mention in find_mentions(text, people)
        if text[mention.start : mention.end] != mention.title
        or not PLURAL_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    ]
    found: list[Mention] = []
    for mention in mentions:
        after = text[mention.end : mention.end + ATTRIBUTION_WINDOW]
        verb = ATTRIBUTING_VERBS.search(after)
        nxt = next((m for m in mentions if m.start > mention.start), None)
        verb_is_ours = verb and (nxt is None or mention.end + verb.start() < nxt.start)
        verb_is_ours = verb_is_ours and verb is not None and not re.search(r"[.!?]\s", after[: verb.start()])
        # "Theo Bộ trưởng ...", also glued to the sentence before ("... Bùi Thanh SơnTheo Bộ trưởng").
        introduced = re.search(r"(?:\b[tT]heo|Theo)\s*$", text[max(0, mention.start - 8) : mention.start])
        answers = INTERVIEW_ANSWER.match(after)  # "Bộ trưởng Bùi Thanh Sơn: Thứ nhất, ..."
        if verb_is_ours or introduced or answers:
            found.append(mention)
        elif mention.title and ASSIGNING_TAIL.search(mention.title) and ASSIGNED.match(after):
            found.append(replace(mention, end=mention.end - 5, title=mention.title[:-5]))
    return found


# A speaker named by a pronoun only, the person the article named last: "Ông nhấn mạnh ...",
# "Đồng chí đề nghị ...", "Theo bà, ...". (In "ông Sơn" the given name says who: PRONOUN_NAME.)
BARE_PRONOUN_SPEAKER = re.compile(
    r"(?:(?<![^\s,.;:“\"(])(?<!các )(?<!Các )(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+(?:cũng\s+|đã\s+|tiếp tục\s+|còn\s+)*"
    + SPEECH_VERBS.pattern
    + r"|\b[tT]heo\s+(?:ông|bà|đồng chí)\s*,)"
)

# How far back (characters) the person a pronoun stands for is looked for.
PRONOUN_LOOKBACK = 1500


def pronoun_speaker(text: str, start: int, end: int, people: list[Person]) -> Mention | None:
    """The person the last pronoun that speaks in text[start:end] stands for: the last person
    named before it, or None when no pronoun speaks there or nobody was named."""
    spoken = [m.start() for m in BARE_PRONOUN_SPEAKER.finditer(text, start, end)]
    if not spoken:
        return None
    named = [m for m in find_mentions(text[max(0, spoken[-1] - PRONOUN_LOOKBACK) : spoken[-1]], people) if m.name]
    return named[-1] if named else None


# ---------------------------------------------------------------------------------------------
# Bodies as speakers

# A body that sets a course, as a conclusion, a directive or a request states it: "Ban Bí thư",
# "Chính phủ", "Hội nghị Ngoại giao lần thứ 32", "UBND thành phố", "Bộ Ngoại giao".
BODY_HEADS = (
    "Ban Chấp hành Trung ương",
    "Ủy ban Thường vụ Quốc hội",
    "Thường trực Chính phủ",
    "Ban Bí thư",
    "Bộ Chính trị",
    "Chính phủ",
    "Quốc hội",
    "Hội nghị",
    "Ban Chỉ đạo",
    "Ủy ban nhân dân",
    "UBND",
    "Tỉnh ủy",
    "Thành ủy",
    # a trade office abroad, which advises businesses ("Thương vụ Việt Nam tại Nhật Bản khuyến nghị
    # ..."); not "Đại sứ quán": an embassy's plans are most often its ambassador's words
    "Thương vụ",
)
_BODY_HEAD_RE = _alternation(sorted(BODY_HEADS, key=len, reverse=True), first_letter_either_case=True)
# "Hội nghị Ngoại giao lần thứ 32" (or "Hội nghị Ngoại giao 32"), "Bộ Công Thương" (a ministry:
# "Bộ" and a capitalised name).
BODY = re.compile(
    rf"(?<![^\W\d_])(?P<body>(?:{_BODY_HEAD_RE}|Bộ(?=\s+[{UPPER}])){_ORG}(?:\s+(?:lần(?:\s+thứ)?\s+)?(?:\d+|[IVXLC]+)\b)?)"
)

# A province's department, which states its own plan ("Sở Ngoại vụ", "Sở Kế hoạch và Đầu tư"); a
# speaker of lists only (directives ask of departments far more often than departments speak).
DEPARTMENT = re.compile(rf"(?<![^\W\d_])(?P<body>Sở(?=\s+[{UPPER}]){_ORG})")

# Bodies named by their head alone, which an article names in full elsewhere: "Theo kết luận
# của hội nghị" is the "Hội nghị Ngoại giao lần thứ 32" of the lede.
BARE_BODY_HEADS = {fold(head) for head in ("Hội nghị", "Ban Chỉ đạo", "UBND", "Ủy ban nhân dân", "Chính phủ")}

# A province's body named without its province ("UBND tỉnh", "Ủy ban nhân dân thành phố"): the
# article names it in full elsewhere ("UBND tỉnh Kon Tum").
BARE_LOCAL_BODY = re.compile(r"^(?:ubnd|uy ban nhan dan|hdnd)\s+(?:tinh|thanh pho|tp)$")

# "Theo kết luận của hội nghị,", "Theo chỉ đạo của Chính phủ,": the body the statement is from.
BODY_SOURCE_BEFORE = re.compile(r"\btheo\s+(?:[^\W\d_]+\s+){0,3}(?:của\s+)?$", re.I)


@lru_cache(maxsize=4)
def _bodies_named_in(context: str) -> tuple[str, ...]:
    """Every naming of a body in an article, worked out once per article."""
    return tuple(m.group("body") for m in BODY.finditer(context))


def _fullest_body(written: str, context: str) -> str:
    """A body named by its head alone, as the article names it in full ("hội nghị" -> "Hội nghị
    Ngoại giao lần thứ 32"): the longest naming of that head in `context`; else as written. A
    naming in lower case ("chủ trì hội nghị trực tuyến") names no body in full."""
    if fold(written) not in BARE_BODY_HEADS and not BARE_LOCAL_BODY.match(fold(written)):
        return written
    head = fold(written)
    named = [body for body in _bodies_named_in(context) if body[0].isupper() and fold(body).startswith(head)]
    fullest = max(named, key=len, default=written)
    return fullest if len(fullest) > len(written) else written[0].upper() + written[1:]


def find_bodies(text: str, context: str = "") -> list[Mention]:
    """Bodies named in `text`, each with its fullest name in `context` (the whole article)."""
    return [
        Mention(m.start(), m.end(), _fullest_body(m.group("body"), context or text), None) for m in BODY.finditer(text)
    ]


def body_attributions(text: str, context: str = "") -> list[Mention]:
    """Bodies that a verb of saying follows ("Ban Bí thư chỉ rõ", "Hội nghị xác định") or that
    "theo" introduces ("Theo kết luận của hội nghị, ..."), in order."""
    found = []
    for mention in find_bodies(text, context):
        after = text[mention.end : mention.end + ATTRIBUTION_WINDOW // 2]
        verb = (
            SPEECH_VERBS.match(after.lstrip())
            or re.match(r"\s*(?:cũng|đã|tiếp tục)\s+", after)
            and SPEECH_VERBS.search(after[:20])
        )
        if verb or BODY_SOURCE_BEFORE.search(text[max(0, mention.start - 30) : mention.start]):
            found.append(mention)
    return found
