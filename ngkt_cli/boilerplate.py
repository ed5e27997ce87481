"""Stage 1 helper: split an article's lines into body paragraphs and boilerplate.

News pages saved as text carry banners, image names and captions, related-headline blocks (with
other years in them), comment forms, breadcrumbs and page stamps. None of it may reach the body,
and none of it may feed the metadata, but all of it stays inspectable as `RemovedLine`s.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .metadata import OFFICES_LINE, TITLED_NAME, UPPER
from .models import RemovedLine
from .text import fold, fold_plain, needle, opening_characters, required_literals, single_spaced_lines

# "image banner", "image advertisement image advertisement", "no image", "Quảng cáo", and what an
# analytics or tracking script leaves on a copied page ("Analytic" over the site's clock)
BANNER = re.compile(r"^(?:(?:image|banner|advertisement|ads?|no|quang cao|photo|analytics?|tracking)\s*)+$")

# "z5183786703005-ad99d7a67d6af617d8ecd74c83955548-133.jpg", "Anh-tin-bai", "[Ảnh minh họa]".
# Also an image left as markup by a copy ("<image>data:...</image>", "![](...)", "![]() |").
IMAGE_LINE = re.compile(
    r"^(?:\S+\.(?:jpe?g|png|gif|webp|bmp|svg)|anh[-_ ]tin[-_ ]bai|\[?anh minh hoa\]?|image|photo"
    r"|<image>.*</image>|!\[[^\]]*\]\([^)]*\)\s*\|?"
    # a picture's file as a word processor's export describes it: "Description: C:\Users\...\DSC_0067.JPG"
    r"|description:\s*\S+\.(?:jpe?g|png|gif|webp|bmp))$"
)

# An image's alt text numbered as VOV writes it: "Thủ tướng làm việc với ... - ảnh 1", and glued
# to its dash ("... cơ chế- Ảnh 1."). Never longer than NUMBERED_IMAGE_CHARS (tests check it
# against the pattern), so its row skips the body's paragraphs, over which the pattern's first
# part backtracked two hundred times each.
NUMBERED_IMAGE = re.compile(r"^.{10,200}\s?-\s?anh \d{1,2}\.?$")
NUMBERED_IMAGE_CHARS = 210

# "... (Ảnh: Báo Thế giới và Việt Nam).", "... Ảnh: Quochoi.vn", "Ảnh: TTXVN", "... (Ảnh: N.Hồng) |"
# The full stop of a website's name is part of the credit, not its end: "Ảnh: Quochoi.vn", "(Ảnh:
# baochinhphu.vn)". (Initials, "Ảnh: T.L", are not read as a credit: such a line may be the only
# place a quoted directive stands.)
CAPTION_CREDIT = re.compile(
    r"(?:^|[\s(])(?:anh|nguon anh|photo)\s*:\s*(?:(?:[^.]|\.(?=(?:vn|com|net|org|gov)\b)){1,80}\)?\.?|[^|"
    r"()]{1,80}\)\s*\|)$"
)

# "Tin cùng chuyên mục", "Tin liên quan", "Bài viết cùng chủ đề: Bộ Ngoại giao", "Xem thêm"
RELATED_HEADING = re.compile(
    r"^(?:>>|»|[-•*])?\s*(?:tin cung chuyen muc|tin lien quan|bai viet cung chu de|bai viet lien quan|cung chuyen muc"
    r"|tin khac|tin moi|tin moi nhat|tin doc nhieu|doc nhieu|xem them|doc them|co the ban quan tam"
    r"|chu de lien quan|tin bai lien quan|bai lien quan|tin cung chu de|video lien quan|tin noi bat|tin xem nhieu"
    r"|ban dang doc bai viet|dung bo lo|video dang xem nhieu|xem nhieu|video xem nhieu|you may also like|related news"
    r"|related articles|read more|moi nhat|doc nhanh"
    r"|cac tin khac|tin da dua|cac tin da dua|tin cu hon|tin moi hon|tin tuc khac|bai viet khac|cac bai viet khac"
    r"|tin tiep theo|tin truoc|tin cung loai)\s*(?:(?::|>>|»|\.\.\.|…|!).{0,60})?$"
    r"|^moi (?:quy )?doc gia xem them\b.{0,60}$"
)

# Another story's headline, tagged with its form, as a page links it between its paragraphs:
# "[Ảnh] 80 năm tận tụy phụng sự của Ngoại giao Việt Nam", "[Video] Thủ tướng dự ..." (folded; no
# sentence closes it). Under the headline only: over it, "[Infographic] ..." is the page's own title.
RELATED_TAGGED = re.compile(
    r"^\[(?:anh|video|infographic|photo|emagazine|e-magazine|podcast|clip)\]\s.{5,180}[^.!?:;]$"
)

# "Họ tên no image", "Mã kiểm tra", "Gửi bình luận", "Ý kiến bạn đọc"
COMMENT_FORM = re.compile(
    r"^(?:ho ten|ho va ten|email|tieu de|noi dung|ma kiem tra|ma xac nhan|gui binh luan|binh luan"
    r"|y kien ban doc|gui y kien|dang nhap|so dien thoai|no data)\b(?:\s+no image)?\s*:?$"
)

# "Trang chủ > Thời sự > Chính trị", "Trang chủ / Ngoại giao"
# (also glued together as a copy leaves it: "Trang chủKinh tếĐầu tư - Tài chínhNgoại giao ...")
BREADCRUMB = re.compile(r"^(?:trang chu(?!yen).*|(?:[^>»/|]{1,30}\s[>»/|]\s){1,6}[^>»/|]{1,40})$")

# Sharing and tool buttons, one or several to a line: "Chia sẻ", "Facebook", "Zalo", "In bài",
# "• Click để sao chép".
SHARE_BUTTONS = re.compile(
    r"^[•·]?\s*(?:(?:chia se|share|facebook|zalo|twitter|tweet|linkedin|messenger|telegram|email|e-mail|google news"
    r"|in bai|in|print|luu|luu bai|luu tin|copy link|sao chep lien ket|click de sao chep|gui bai|gui email|theo doi"
    r"|bao loi|tim kiem|search|dang ky|dang nhap(?: \| dang ky)?"
    r"|nghe bai|nghe bai viet|nghe doc bai|luu bai viet"
    r"|co chu|a\+|a-|aa|ban in|len dau trang|ve dau trang|quay lai|tro ve|xem voi co chu\s*a*"
    r"|comments?\s*\(\d+\)|ban phai dang nhap de binh luan\.?"
    r"|theo doi(?: [^|]{1,30})? tren(?: google news)?|(?:quay lai|tro ve|ve) (?:trang chu|dau trang)"
    r"|\(?xem tiep trang \d+\)?|menu|tai app|tai ung dung|install\b.{0,30}\bapp|luot (?:xem|doc"
    r"|thich)\s*:?\s*[\d.,]+|[\d.,]+ luot (?:xem|doc|thich))\s*[|:·•,-]?\s*)+$"
)

# An embedded player and its title, which is another story's headline: "Video đang được xử lý",
# "Xem video", "Video: Hội nghị Ngoại giao 33 ...".
VIDEO_LINE = re.compile(
    r"^(?:video dang duoc xu ly|dang tai video|xem video|video\s*:.*|clip\s*:.*|your browser doesn.?t support\b.*)$"
)

# An audio or video player's clock: "0:00 / 0:00", "0:00".
PLAYER_CLOCK = re.compile(r"^\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}$|^0:00$")

# Where the article came from, on a line of its own: "Nguồn: Cổng thông tin điện tử Chính phủ".
# Also the site's address alone on a line: "baochinhphu.vn", "VnExpress.net".
SOURCE_LINE = re.compile(
    r"^(?:(?:nguon|nguon tin|theo nguon)\s*:\s*\S.{0,80}"
    r"|(?:www\.)?[a-z0-9-]{2,30}(?:\.[a-z0-9-]{2,20})*\.(?:vn|com|net|org))$"
)

# The site's footer: "© 2025 Báo ...", "Bản quyền thuộc ...", "Ghi rõ nguồn khi phát hành lại ...",
# and its contacts, above the headline too: "Đường dây nóng: 0237 3721150", "Hotline: 0912 ...".
FOOTER_LINE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|ban quyen\b|ghi ro nguon\b|giay phep (?:so|xuat ban)\b"
    r"|chiu trach nhiem (?:noi dung|xuat ban)\b|tong bien tap\s*:|toa soan\s*:"
    # "(*) Không sao chép dưới mọi hình thức khi chưa có sự đồng ý ...", "Bình luận (0)"
    r"|(?:\(\*\)\s*)?khong (?:duoc )?sao chep\b|binh luan\s*\(\d+\)\s*$"
    r"|(?:duong day nong|hotline|dien thoai|so dien thoai|tel|fax)\s*:\s*[\d+(]|e-?mail\s*:\s*\S+@)"
)
# ... and its contacts as a list, each label over its value: "• EMAIL:" ¶ "sct@bentre.gov.vn" ¶ "• ĐIỆN
# THOẠI:" ¶ "0275.3822 365- 3822 251" (two rows: an address alone holds "@", the others open with a
# label's letter or a number's).
CONTACT_LINE = re.compile(
    r"^(?:(?:[•*-]\s*)?(?:e-?mail|dien thoai|hotline|fax|dia chi|don vi truc thuoc)\s*:"
    r"|[0-9+(][0-9 ().]{6,}[0-9](?:\s*[-–/]\s*[0-9 ().]{4,}[0-9])*)$"
)
CONTACT_ADDRESS = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


# Page numbers of a document copied from a PDF: "- 3 -", "Trang 3", "Trang 3/10", "3/10".
PAGE_NUMBER = re.compile(r"^(?:[-–]\s*\d{1,3}\s*[-–]|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")

# A weather widget: "Hà Nội: 15°C", "TP Hồ Chí Minh: 25°C".
WEATHER = re.compile(r"^[^\d:]{2,30}:\s*-?\d{1,2}\s*°\s*c$")

# A row of stars or dashes between parts of a page: "*   *   *", "———".
SEPARATOR = re.compile(r"^[*•·\-–—_=~#\s]{3,}$")

# A table's rule under its header row, as HTML tables come out of extraction: "|---|---|".
TABLE_RULE = re.compile(r"^\|[\s:|-]*-[\s:|-]*\|?$")

# Tag lines under the article: "Từ khóa: ngoại giao kinh tế, năm 2023", "Tags: ...", "Thẻ: ...";
# also the label alone on its line, as a copy leaves it over the headline ("Tag" ¶ "Thủ tướng ...:").
TAG_LINE = re.compile(r"^(?:tu khoa|tags?|the)\s*:|^(?:tu khoa|tags?)$")

# What may stand before a page stamp: the agency in brackets "(VOV)", the site "VOV.VN -", the
# section "Thời sự |" (matched on folded text).
STAMP_PREFIX = r"(?:\([^()\d]{2,25}\)\s*[-–]?\s*|[a-z0-9.]{2,25}\.(?:vn|com|net|org)\s*[-–|]\s*|[^\d|]{2,30}\s[|–-]\s)"

# Page stamps: "Chủ nhật 29/12/2024 07:37", "Nhịp sống - Ngày đăng : 18:18, 18/12/2023",
# "Thứ Tư, 05/06/2024 14:20 (GMT+7)", "Cập nhật: 15/01/2025", "Ngày 9/1/2025", "15.01.2025 | 08:30",
# "- 21:40, 23/08/2022" (under the reporter's initials),
# "Đăng lúc: 2025-01-15 08:30", "Thứ Năm, ngày 16 tháng 1 năm 2025", "Chủ nhật, 06 Tháng 6 2021 15:44",
# "Ngày tạo: 15/05/2023 18:02:23".
STAMP_LINE = re.compile(
    # (the label alone on its line, over the date, or then the time, a weekday or "ngày": not a
    # list's "- Cập nhật thông tin về thị trường ...")
    r"^(?:[^\d]{0,40}(?:ngay dang|cap nhat|dang ngay|dang luc|thoi gian dang|xuat ban|ngay tao)\s*:?\s*"
    r"(?:$|(?:luc\s*:?\s*)?(?:\d|thu |chu nhat|ngay|hom).*)|dang\s*:\s*\d.*"
    # when the page was saved, not written (dates.CRAWL_MARK): "Ngày truy cập: 12/03/2026", "Retrieved 12/03/2026"
    r"|[^\d]{0,20}(?:truy cap|ngay tai|thu thap|luu tru|accessed|retrieved|archived)\b[^\d]{0,12}"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}).{0,20}"
    r"|(?:thu \w+|chu nhat)?,?\s*(?:ngay)?\s*(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{4}-\d{2}-\d{2}).{0,25}"
    # and when it was last updated: "Thứ bảy, 10/01/2026 22:15 (GMT+7) Lần cập nhật cuối 11/01/2026"
    r"(?:(?<=\s)(?:lan )?(?:cap nhat|updated?)\b.{0,30})?"
    r"|(?:(?:thu \w+|chu nhat),?\s*)?(?:ngay )?\d{1,2} thang \d{1,2} nam \d{4}.{0,25}"
    r"|(?:thu \w+|chu nhat),?\s*\d{1,2} thang \d{1,2},? \d{4}.{0,15}"
    # the time first, also as "22h15, 10/01/2026"
    r"|(?:[-–•|]\s*)?\d{1,2}(?::|h)\d{2}.{0,5}\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.{0,15}"
    # a stamp after the agency, the site or the section: "(VOV) Chủ nhật 21/12/2025 08:00",
    # "VOV.VN - Chủ nhật, 21/12/2025 08:00", "Thời sự | 10/01/2026 - 22:15", "Chính trị - Thứ bảy, 10/01/2026",
    # "Tác giả: Minh Anh | Ngày: 10/01/2026"
    rf"|{STAMP_PREFIX}(?:(?:thu \w+|chu nhat),?\s*)?(?:ngay\s*:?\s*)?\d{{1,2}}([/.-])\d{{1,2}}\2\d{{4}}.{{0,25}}"
    # in brackets: "(13:35 | 03/05/2018)"; after the reporter's name, with the time: "Quốc Trần 26/08/2025 20:47";
    # glued to the site's name: "Báo Quốc TếBáo Quốc Tế02/01/2024"
    r"|\(\s*\d{1,2}:\d{2}\s*[|,–-]?\s*\d{1,2}/\d{1,2}/\d{4}\s*\)"
    r"|(?:[^\W\d_]+ ){1,3}\d{1,2}/\d{1,2}/\d{4},? \d{1,2}:\d{2}"
    # the reporters' names, the time, then the date: "Trần Anh Đức - Trần Chí Trung 14:05 | 30/09/2022"
    r"|(?:[^\W\d_]+[ ,|–-]+){1,8}\d{1,2}:\d{2}\s*[|,–-]?\s*\d{1,2}/\d{1,2}/\d{4}"  # also "Nguyễn Hà | 12:00 12/09/2022"
    # the time, then the weekday and the date: "10:15 - Thứ Hai, 12/09/2022"
    r"|\d{1,2}(?::|h)\d{2}\s*[-–|,]\s*(?:thu \w+|chu nhat),?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.{0,15}"
    # ... or their desk in brackets, then the date: "Minh Thu - Quốc Khánh (Ban Thời sự)-Thứ ba, ngày 07/08/2018"
    r"|(?:[^\W\d_]+[ ,–-]+){1,8}\([^()\d]{2,30}\)\s*[-–]\s*"
    r"(?:(?:thu \w+|chu nhat),?\s*)?(?:ngay\s*)?\d{1,2}/\d{1,2}/\d{4}.{0,25}"
    r"|[^\d]{2,40}[^\s\d]\d{1,2}/\d{1,2}/\d{4}(?:[\s,|-]+\d{1,2}:\d{2})?"  # also "PV•28/01/2025 08:22"
    # a label and the date: "Ngày: 21/07/2025", "Thời gian: ...", "Ngày phát hành: ...", "Published: ..."
    r"|(?:ngay|thoi gian|ngay phat hanh|ngay xuat ban|published|posted|date)\s*:\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.{0,20}"
    # a place's dateline "Hà Nội, 21/7/2025"; "21 tháng 7, 2025"; "T2, 21/07/2025"; "Monday, 21/07/2025 10:00"
    # (also after a document's number, as an official notice heads it: "Số: 31/TB-VPCP | Hà Nội, ngày 22
    # tháng 02 năm 2019")
    r"|(?:so\s*:\s*\S{2,30}\s*[|,]?\s*)?[^\d,]{2,20},\s*(?:ngay\s*)?"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2} thang \d{1,2} nam \d{4})"
    r"|\d{1,2} thang \d{1,2},? \d{4}(?:[\s,|-]+\d{1,2}:\d{2}(?:\s*[ap]m)?)?"  # also "12 Tháng 01, 2026 | 08:05 AM"
    # the section and the date, nothing else: "Thời sự 22-05-2024", "Tin tức 14/06/2018 09:15"
    r"|[^\d:]{2,25}\s\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:[\s,|-]+\d{1,2}:\d{2})?"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|t[2-7]|cn),?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.{0,25})$"
)

# A byline: two to four capitalised words and nothing else ("Hoàng Giang", "Kim Oanh", "Hà Mỹ").
BYLINE = re.compile(r"^(?:[^\W\d_]+\s){1,3}[^\W\d_]+$")

# Agency and reporter bylines: "PV", "Nhóm PV", "TTXVN", "TTXVN/Vietnam+", "Theo TTXVN", "Minh Anh (TTXVN)".
BYLINE_AGENCY = re.compile(
    r"^(?:PV|Nhóm PV|[A-ZĐ]{2,6}(?:/[\w+]{2,20})?|Theo [^\s.]{2,20}(?: [^\s.]{1,20}){0,3}"
    r"|Theo [\w-]{2,30}(?:\.[\w-]{2,20})*\.(?:vn|com|net|org)|[^().]{2,40} \([A-ZĐ][\w+/"
    r" ]{1,20}\))$"
)

# What may follow the reporters' names: "(t/h)", "(tổng hợp)", "(theo VnExpress)", "- Ảnh: Quang Hòa".
BYLINE_TAIL = re.compile(r"\s*(?:\((?:t/h|th|tổng hợp|theo [^()]{2,30})\)|[-–]\s*Ảnh\s*:\s*[^()]{2,40})$", re.I)

# Captions under an image are short; body paragraphs rarely are.
CAPTION_MAX_CHARS = 250


@dataclass
class CleanText:
    """The result of cleaning: title, body paragraphs, byline, stamp lines and removed lines."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    # Each paragraph folded (`text.fold`), as the cleaning read it: the body's search text.
    folded_paragraphs: list[str] = field(default_factory=list)
    byline: str | None = None
    stamps: list[str] = field(default_factory=list)
    # Stamps above the headline: a crawl stamp or the site's clock, or the article's own when
    # none follows the headline.
    header_stamps: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    # Whether every line of the text, and so every paragraph, is `text.plain` (as their folding found).
    plain: bool = False


# The page's stamp on the headline's own line, after it: "Thủ tướng yêu cầu ngành Công Thương thực
# hiện '6 tiên phong' 19/12/2025 19:27" (the headline is the words before it).
HEADLINE_STAMP = re.compile(r"(?<=\S)\s+[-–|]?\s*(\d{1,2}/\d{1,2}/\d{4}(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*$")


def _headline_like(line: str) -> bool:
    """A related-news headline: short and not ending as a sentence does."""
    return len(line) <= 200 and not line.rstrip().endswith((".", ":", ";"))


TITLE_ECHO = re.compile(r"^(.{10,}?)\s+-\s+\d{1,2}$")


def _is_title_echo(line: str, title: str | None) -> bool:
    """An image alt text that repeats the title: "Bộ trưởng Ngoại giao: ... - 1"."""
    if not (title and line[-1:].isdigit()):
        return False
    match = TITLE_ECHO.match(line)
    return bool(match and fold(match.group(1)) == fold(title))


# (reason, longest line it may be, pattern on the folded line), tried in this order. Length
# first: most lines are body paragraphs, too long for most of the patterns.
ANY_LENGTH = 10_000
LINE_RULES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("banner", ANY_LENGTH, BANNER),
    ("share", 80, SHARE_BUTTONS),
    ("tags", 300, TAG_LINE),
    ("table rule", ANY_LENGTH, TABLE_RULE),
    ("separator", 80, SEPARATOR),
    ("weather", 40, WEATHER),
    ("page number", 16, PAGE_NUMBER),
    ("footer", 300, FOOTER_LINE),
    ("footer", 60, CONTACT_LINE),
    ("footer", 60, CONTACT_ADDRESS),
    ("video", 120, VIDEO_LINE),
    ("player", 20, PLAYER_CLOCK),
    ("source", 100, SOURCE_LINE),
    ("image", ANY_LENGTH, IMAGE_LINE),
    ("image", NUMBERED_IMAGE_CHARS, NUMBERED_IMAGE),
    ("stamp", 80, STAMP_LINE),
    ("related", 80, RELATED_HEADING),
    ("comment form", ANY_LENGTH, COMMENT_FORM),
    ("breadcrumb", 120, BREADCRUMB),
)


# The rows whose pattern is tried only on a line holding its needle (`text.needle`): each of its
# alternatives backs off a bounded repeat at the line's start, character by character, on every
# short line (STAMP_LINE: a sixth of the cleaning), where one search of the needle costs a fourth.
NEEDLED_ROWS = frozenset({STAMP_LINE})

# A row as classify_line reads it: (reason, pattern, the texts every match holds
# (`required_literals`), the needle it is tried after or None).
_Row = tuple[str, re.Pattern[str], tuple[str, ...], re.Pattern[str] | None]


def _row(reason: str, pattern: re.Pattern[str]) -> _Row:
    return reason, pattern, required_literals(pattern), needle(pattern) if pattern in NEEDLED_ROWS else None


# The rows a line may match by its length, in LINE_RULES' order: _ROWS_FROM[i] holds the rows
# whose longest is at least _ROW_LENGTHS[i]; a line longer than every row's longest, none.
_ROW_LENGTHS = sorted({longest for _, longest, _ in LINE_RULES})
_ROWS_FROM: tuple[tuple[_Row, ...], ...] = tuple(
    tuple(_row(reason, pattern) for reason, longest, pattern in LINE_RULES if longest >= bound)
    for bound in _ROW_LENGTHS
) + ((),)


# Each row's pattern -> the characters its matches open with (None: any).
_ROW_OPENINGS = {pattern: opening_characters(pattern) for _, _, pattern in LINE_RULES}


def _rows_by_opening(rows: tuple[_Row, ...]) -> dict[str, tuple[_Row, ...]]:
    """For each character some row's pattern may open with, the rows a line opening with it may
    match, in their order; under "" the rows that may match a line opening with any other."""
    openings = [_ROW_OPENINGS[pattern] for _, pattern, _, _ in rows]
    characters = set().union(*(found for found in openings if found is not None))
    return {
        char: tuple(row for row, found in zip(rows, openings) if found is None or char in found)
        for char in (*sorted(characters), "")
    }


# _ROWS_FROM, each length's rows also keyed by the first character of the folded line.
_ROWS_BY_OPENING = tuple(map(_rows_by_opening, _ROWS_FROM))


def classify_line(line: str, title: str | None, folded: str | None = None) -> str | None:
    """The boilerplate reason for one line on its own, or None for article text (`folded`: the
    line folded, when the caller has it)."""
    folded = fold(line).strip() if folded is None else folded
    length = bisect_left(_ROW_LENGTHS, len(line))
    rows = _ROWS_BY_OPENING[length]
    for reason, pattern, needs, row_needle in rows.get(folded[:1], rows[""]) if folded else _ROWS_FROM[length]:
        # a line without all the row's plain texts (`required_literals`), or without its needle, is
        # not matched: tested first
        if (
            (not needs or all(map(folded.__contains__, needs)))
            and (row_needle is None or row_needle.search(folded))
            and pattern.match(folded)
        ):
            return reason
    if _is_title_echo(line, title):
        return "image"
    if len(line) <= CAPTION_MAX_CHARS and ":" in folded and CAPTION_CREDIT.search(folded):
        return "caption"
    return None


# A caption is a sentence, perhaps with its credit: "Thủ tướng phát biểu tại hội nghị. (Ảnh: VGP)".
SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")


def _caption_like(line: str) -> bool:
    """Short, one sentence, not closed as article sentences are ("Hội nghị được tổ chức theo cả
    hai hình thức"): the paragraph after a picture may be the article going on. A line that
    quotes a named person ("Bộ trưởng Bùi Thanh Sơn: ngoại giao kinh tế phải ...") is what that
    person said, often said nowhere else in the article: it stays."""
    return (
        len(line) <= CAPTION_MAX_CHARS
        and len(SENTENCE_BREAK.findall(line)) <= 1
        and not line.rstrip().endswith((".", "!", "?", "…", ":", ";"))
        and not _quotes_a_person(line)
    )


def _quotes_a_person(line: str) -> bool:
    label, colon, said = line.partition(":")
    return bool(colon and said.strip() and TITLED_NAME.fullmatch(label.strip()) and "ảnh" not in fold(said)[:40])


def _reason_in_context(line: str, folded: str, previous: str | None, title: str | None) -> str | None:
    """The reason for a line given the reason of the line before it (blocks, captions)."""
    if previous == "related" and _headline_like(line):
        # the block ends at the picture's caption under it ("... (Ảnh: Tuấn Anh/TGVN)"): the article's
        return "caption" if classify_line(line, title, folded) == "caption" else "related"
    if previous == "comment form" and len(line) <= 80:
        return "comment form"
    reason = classify_line(line, title, folded)
    if reason is None and previous == "image" and _caption_like(line):
        return "caption"
    if reason is None and previous == "video" and _headline_like(line):
        return "video"
    return reason


def _is_name(text: str) -> bool:
    return len(text) <= 40 and bool(BYLINE.match(text)) and all(word[0].isupper() for word in text.split())


# What else a byline may hold: its label ("Bài và ảnh: Minh Anh"), the outlet after a slash ("Thu
# Hằng/VOV.VN", "Hải Minh/Báo Tin tức"), a reporter's initials ("Q.Anh", "N.Hồng").
BYLINE_LABEL = re.compile(r"^(?:Bài(?: và ảnh| và video|, ảnh)?|Nhóm phóng viên)\s*:\s*")
BYLINE_OUTLET = re.compile(r"(?<=\w)\s*/\s*(?:[^\W\d_][\w.+]*)(?: [^\W\d_][\w.+]*){0,3}$")
INITIALS = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ])*\.\s?[A-ZĐ][^\W\d_]{0,8}$")


# The outlet a page copies, under its headline: "Theo nhandan.vn", "Theo TTXVN", "Theo Báo Quốc tế".
SOURCE_UNDER_HEADLINE = re.compile(
    r"^Theo (?:[\w-]{2,30}(?:\.[\w-]{2,20})*\.(?:vn|com|net|org)|[A-ZĐ][^\s.,;:]{1,20}(?: [A-ZĐ][^\s.,;:]{0,20}){0,3})$"
)


def _is_byline(line: str) -> bool:
    """Reporters' names ("Hoàng Giang", "Hoàng Anh - Thu Hà", "Hồng Nhung (t/h)") or an agency."""
    if len(line) > 60:
        return False
    if BYLINE_AGENCY.match(line) and len(line) <= 40:
        return True
    names = BYLINE_OUTLET.sub("", BYLINE_TAIL.sub("", BYLINE_LABEL.sub("", line)))
    return all(_is_name(name) or bool(INITIALS.match(name)) for name in re.split(r"\s*[-–,]\s*", names))


# At most this many headlines under a byline are read as a related-news block without a label.
UNLABELLED_RELATED = 6


def _take_byline(clean: CleanText, line_numbers: list[int]) -> None:
    """Move a trailing line of reporters' names (or an agency) from the body to the byline; the
    headlines a page lists under it with no label ("Minh Anh ¶ Thủ tướng yêu cầu ... ¶ Năm 2023:
    ...") are related news, not the article's last paragraphs."""
    if not clean.paragraphs:
        return
    if len(clean.paragraphs) > 2 and _is_name(clean.paragraphs[-2]) and OFFICES_LINE.match(clean.paragraphs[-1]):
        # a signed article ends with its author and the offices under the name: one byline
        offices, name = clean.paragraphs.pop(), clean.paragraphs.pop()
        del clean.folded_paragraphs[-2:]
        clean.removed.append(RemovedLine(line_numbers.pop(), "byline", offices))
        clean.removed.append(RemovedLine(line_numbers.pop(), "byline", name))
        clean.byline = f"{name}, {offices}"
        return
    under = 0
    while (
        under < min(UNLABELLED_RELATED, len(clean.paragraphs) - 2)
        and _headline_like(line := clean.paragraphs[-1 - under])
        and not _is_byline(line)
    ):
        under += 1
    if under and _is_byline(clean.paragraphs[-1 - under]):
        for _ in range(under):
            clean.folded_paragraphs.pop()
            clean.removed.append(RemovedLine(line_numbers.pop(), "related", clean.paragraphs.pop()))
    last = clean.paragraphs[-1]
    if _is_byline(last):
        clean.byline = last
        clean.paragraphs.pop()
        clean.folded_paragraphs.pop()
        clean.removed.append(RemovedLine(line_numbers.pop(), "byline", last))


# A line that ends without one of these and is followed by one that opens in lower case was
# wrapped: text copied from a PDF or an e-mail breaks sentences ("... Bộ trưởng cho\nbiết ...",
# "... Thứ\nhai, ...") that a line-per-paragraph reading would cut, markers and all.
LINE_END_PUNCTUATION = '.!?:;"”)…]'


# Text copied from a PDF is wrapped at a width: most of its lines run nearly to the longest, which
# is short (a page's line, not a paragraph). There a line that runs to the width and ends without
# closing a sentence goes on in the next one, whatever that opens with ("... Thứ trưởng\nThường
# trực Bộ Ngoại giao ...", "... năm\n2020:"), unless the next opens an item ("2. ...", "- ...").
WRAP_WIDTH_MAX = 110
WRAP_MIN_LINES = 8
WRAP_FULL_SHARE = 0.75  # a line this close to the width runs to it
WRAPPED_LINE_END = '.!?:"”)…]'  # a ';' or ',' at the width goes on
SENTENCE_END_MARKS = ".!?…"
ITEM_OPENING = re.compile(r"^(?:\(?\d{1,2}[.)]|[-–•+*]|[a-zđ]\))\s")
# Above the text's first sentence a headline may run to the width by chance; it ends there when the
# next line opens a lede with its day or its agency ("(HN24H) - Chiều 26/12, ...", "Sáng 14.1, ..."),
# or, opening in capitals, with a word that would have fitted on the headline's line (a headline
# wrapped goes on after a name, "... Việt" ¶ "Nam ...", or a word that cannot end it, "... của").
HEADLINE_LAST_WORDS = frozenset(
    "của với và cho tại về các những trong để từ đến cùng là ở theo vào trên giữa mà".split()
)
# An image's alt text left as the page's address slug, before a related story's headline or alone
# ("tang cuong hieu qua cong tac doi ngoai dia phuong Nâng cao hiệu quả ...", "tin nhap 20160813085511
# Bế giảng ..."): words with no tone mark, which Vietnamese text does not run three of; such a line
# opens its own paragraph, not the one above in lower case.
SLUG_OPENING = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+){2,}(?= [\"“]?[A-ZĐ]|$)")
LEDE_OPENING = re.compile(r"^(?:\S+\s){0,4}\d{1,2}[/.-]\d{1,2}\b|^\([A-ZĐ][\w.+/]{1,15}\)\s*[-–]")


def _wrap_width(lines: list[str]) -> int | None:
    """The width `lines` were wrapped at, when they read as wrapped (most run near the longest)."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < WRAP_MIN_LINES or (width := max(lengths)) > WRAP_WIDTH_MAX:
        return None
    full = sum(length >= WRAP_FULL_SHARE * width for length in lengths)
    return width if full * 2 >= len(lengths) else None


def _stands_alone(line: str, width: int | None) -> bool:
    """Whether `line` is boilerplate on its own, never part of a wrapped paragraph. In text wrapped
    at a width a photo's credit may fall inside a line of the paragraph it was glued into ("... đối
    với quan\nhệ hai nước. Ảnh: TTXVNQuan hệ với các đối tác ...,\nđi vào chiều sâu"): there it is
    no caption of its own, and the line's article text stays in its paragraph."""
    reason = classify_line(line, None)
    return bool(reason) and not (width and reason == "caption")


def _headline_ends(headline: str, length: int, line: str, width: int, others: Callable[[], int]) -> bool:
    """Whether `headline`, a line alone above the text's first sentence (`length` characters as
    printed), ends before `line` though it runs to the width (see LEDE_OPENING). A headline longer
    than every other line (`others()`: the longest of them) was not wrapped at the text's width."""
    if LEDE_OPENING.match(line):
        return True
    word = line.split(" ", 1)[0]
    last = headline.rsplit(" ", 1)[-1]
    return (
        word[:1].isupper()
        and (
            length + 1 + len(word) <= width
            or (length == width and headline[-1:] not in SENTENCE_END_MARKS and length > others())
        )
        and not last[:1].isupper()
        and last.lower() not in HEADLINE_LAST_WORDS
    )


def _longest_but(lines: list[str], skipped: int) -> int:
    """The length of the longest of `lines` but the one at `skipped`."""
    return max((len(line.rstrip()) for n, line in enumerate(lines) if n != skipped), default=0)


def _unwrapped_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, line, folded line) of each line of `text` that holds a word, its white space
    folded ("a  b" -> "a b"), a wrapped line joined to the one it continues."""
    return iter(_unwrapped(text)[0])


def _unwrapped(text: str) -> tuple[list[tuple[int, str, str]], bool]:
    """(`_unwrapped_lines` of `text`, whether its lines are `text.plain`, as their folding found)."""
    found: list[tuple[int, str, str]] = []
    raw_lines = text.splitlines()
    joined = "\n".join(raw_lines)
    # Folded once for the whole text (fold keeps every character's place, line breaks included,
    # and makes none): its lines are the lines folded. Whether it is plain comes with it.
    folded_text, is_plain = fold_plain(joined)
    # Most texts' lines are their words parted by single spaces already: one test of the whole
    # text spares splitting every line into its words.
    spaced = single_spaced_lines(joined, is_plain)
    if not spaced:
        joined = "\n".join(" ".join(raw.split()) for raw in raw_lines)
        folded_text = fold(joined)
    pending: list = []
    width = _wrap_width(raw_lines) if len(raw_lines) >= WRAP_MIN_LINES else None
    head = True  # no sentence ended yet: the page's furniture and headline
    for index, (line, folded) in enumerate(zip(joined.split("\n"), folded_text.split("\n"))):
        if not line:
            if pending:
                head = head and pending[1][-1:] not in SENTENCE_END_MARKS
                found.append(tuple(pending))
                pending = []
            continue
        # the line before its white space was folded, where that matters (the lengths and rows
        # below were read on it)
        stripped = line if spaced else raw_lines[index].strip()
        if pending and len(line) <= 16 and len(stripped) <= 16 and PAGE_NUMBER.match(folded):
            found.append((index + 1, line, folded))  # a page break inside a paragraph: the paragraph goes on
            continue
        continues = (
            pending
            and (
                (line[:1].islower() and pending[1][-1:] not in LINE_END_PUNCTUATION and not SLUG_OPENING.match(line))
                or bool(
                    width
                    and len(raw_lines[index - 1].rstrip()) >= WRAP_FULL_SHARE * width
                    and (
                        pending[1][-1:] not in WRAPPED_LINE_END
                        # a sentence ended at the width: the paragraph goes on when the next word
                        # would not have fitted on the line (else the line ended the paragraph)
                        or (
                            pending[1][-1:] in SENTENCE_END_MARKS + ":"  # or a lead-in's colon
                            and len(raw_lines[index - 1].rstrip()) + 1 + len(line.split(" ", 1)[0]) > width
                        )
                    )
                    and not ITEM_OPENING.match(line)
                    and not (
                        head
                        and pending[0] == index
                        and _headline_ends(
                            pending[1],
                            len(raw_lines[index - 1].rstrip()),
                            line,
                            width,
                            functools.partial(_longest_but, raw_lines, index - 1),
                        )
                    )
                    and not (pending[1][-1:] == "|" and CAPTION_CREDIT.search(pending[2]))  # "... (Ảnh: N.Hồng) |" ends
                )
            )
            and not _stands_alone(stripped, width)  # "Họ tên no image" / "no image": boilerplate, each
            and not _stands_alone(pending[1], width)
        )
        if continues:
            pending[1] += " " + line
            pending[2] += " " + folded
            continue
        if pending:
            head = head and pending[1][-1:] not in SENTENCE_END_MARKS
            found.append(tuple(pending))
        pending = [index + 1, line, folded]
    if pending:
        found.append(tuple(pending))
    return found, is_plain


# A row of one cell, as a layout table (the page laid out in a <table>, as older sites are) comes
# out of extraction: "| Ngày 10/1/2012, Bộ trưởng ... |". Its text is a paragraph like any other.
ONE_CELL_ROW = re.compile(r"^\|\s?((?:[^|\\]|\\\|)*?)\s?\|$")


def _one_cell_text(line: str) -> str:
    if not line.startswith("|"):  # where every ONE_CELL_ROW opens
        return line
    match = ONE_CELL_ROW.match(line)
    return match.group(1).replace("\\|", "|") if match else line


# A label of a few words above the headline names the site's section: "Video Tin trong nước",
# "Thời sự", "Đối ngoại".
SECTION_LABEL_WORDS = 4


def _short_heading(line: str) -> bool:
    """A headline-like line of SECTION_LABEL_WORDS words at most: a section's label (the cheap test first)."""
    return _headline_like(line) and len(re.findall(r"\w+", line)) <= SECTION_LABEL_WORDS


def _section_label(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A short headline-like line right above another, longer one, that is the headline."""
    if not following or not _short_heading(line):
        return False
    _, after, after_folded = following[0]
    return len(after) > len(line) and _headline_like(after) and classify_line(after, None, after_folded) is None


def _section_over_stamp(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A section's label of a few words under the headline, over the page's stamp."""
    if not following or not _short_heading(line):
        return False
    _, stamp, stamp_folded = following[0]
    return len(stamp) <= 80 and bool(STAMP_LINE.match(stamp_folded))


def _label_over_label(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A section label over the section's own label ("Tin tức - Sự kiện" over "Đối ngoại"), the
    headline under both."""
    return (
        len(following) >= 2 and _section_label(following[0][1], following[1:2]) and _section_label(line, [following[1]])
    )


# The site's name and tagline above the headline: "HỘI NHẬP 24H - Chuyên trang kinh tế đối ngoại",
# "Báo Điện tử ... - Cơ quan của ...", "Vietnam.vn - Nền tảng quảng bá Việt Nam", and the page's
# own label "Chi tiết tin - Tin tức sự kiện - Sở Ngoại vụ".
SITE_TAGLINE = re.compile(
    r"^.{2,40}\s[-–|]\s(?:chuyen trang|trang tin|bao dien tu|tap chi dien tu|cong thong tin|co quan (?:ngon luan"
    r"|cua)|nen tang)\b.{0,60}$"
    r"|^[a-z0-9.-]{2,30}\.(?:vn|com|net|org)\s[-–|]\s.{2,60}$|^chi tiet tin\b.{0,80}$"
)

# A menu item of the site, in capitals, alone on a line: "- TRANG CHỦ", "GIỚI THIỆU ▼", "TIN TỨC - SỰ KIỆN".
MENU_ITEM = re.compile(rf"^[-•*]?\s*[{UPPER}][{UPPER}\s&/–-]{{1,38}}(?:\s*[▼▾›»])?$")
MENU_ITEM_WORDS = 5

# What a headline carries that is not its words: the agency before it ("(TTV) Công tác đối ngoại
# ..."), the site after it ("... - Báo Điện tử Chính phủ", "... | VOV.VN").
TITLE_AGENCY = re.compile(r"^\((?:[A-ZĐ][\w.+/]{1,15})\)\s*[-–]?\s*")
TITLE_SITE = re.compile(
    r"\s+[-–|]\s+(?:(?:Báo|Tạp chí|Cổng thông tin|Trang tin)\b[^-–|]{0,50}|[\w.-]{2,30}\.(?:vn|com|net|org))\s*$",
    re.I,
)
# A kicker naming who speaks, on its own line above the headline: "Phó Thủ tướng Vương Đình Huệ:".
KICKER_WORDS = 8
# The fewest words of a headline a topic kicker stands over.
KICKER_HEADLINE_WORDS = 6


def _menu_item(line: str) -> bool:
    """A menu item above the headline (below it, a line in capitals may be a section heading)."""
    return (
        bool(MENU_ITEM.match(line))
        and len(re.findall(r"\w+", line)) <= MENU_ITEM_WORDS
        and sum(c.isalpha() for c in line) >= 4
    )


def _menu(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A menu item among others ("- TRANG CHỦ" over "- GIỚI THIỆU ▼"), or marked as one; a single
    line in capitals may be the article's own heading."""
    marked = line.lstrip()[:1] in "-•*" or line.rstrip()[-1:] in "▼▾›»"
    return _menu_item(line) and (marked or bool(following and _menu_item(following[0][1])))


# A site's own name alone on a line above the headline: "Cổng Thông tin điện tử tỉnh Lạng Sơn",
# "Báo Thế giới và Việt Nam", "Đài Phát thanh và Truyền hình Nghệ An" (a headline opening with
# "Báo cáo ..." or "Báo chí ..." is not one: the word after "Báo" is a name's).
SITE_NAME = re.compile(
    r"^(?:(?:Báo|Tạp chí)(?: điện tử)? [A-ZĐ]|(?:Cổng|Trang) [Tt]hông tin\b|Đài [Pp]hát thanh\b|Đài [Tt]ruyền hình\b"
    r"|Bộ [A-ZĐ][^\s,]* [^\s,]+ [-–] Cổng\b)[^.:;!?]{0,60}$"
)
SITE_NAME_MAX_WORDS = 12

# An all-capitals line over the headline is its kicker or the site's heading ("HỘI NGHỊ NGOẠI GIAO
# LẦN THỨ 32" over "Ngoại giao kinh tế tiếp tục mở đường ..."); a headline in capitals has the
# lede, a sentence, under it.
TITLE_LABEL = re.compile(r"^\[[^\]]{2,20}\]\s*|\s*\[[^\]]{2,20}\]$")
# A portal's count of readers after the headline: "... bắt kịp xu thế mới (Lượt xem: 512)".
TITLE_VIEWS = re.compile(r"\s*\((?:Lượt xem|Lượt đọc|Số lượt xem|Lượt truy cập)\s*:?\s*[\d.,]+\)$", re.I)
# The outlet in brackets after the headline: "... Bứt phá để tăng trưởng (VTC News)", "... (Chinhphu.vn)".
TITLE_OUTLET_BRACKETED = re.compile(
    r"\s+\((?:VTC News|Dân trí|Dân Trí|VOV|VTV|TTXVN|Vietnam\+|VietnamPlus|[\w-]{2,30}\.(?:vn|com|net|org))\)$"
)


# A page <title> that is a site's name ("Báo Quốc tế") is short; "Báo Nhật ca ngợi ..." is a headline.
SITE_TITLE_WORDS = 4


def is_site_title(title: str) -> bool:
    """A page's <title> or og:title that names the site, not the article: its tagline ("Báo Quốc
    tế - Cơ quan của Bộ Ngoại giao") or its short name ("Báo Quốc tế")."""
    return bool(SITE_TAGLINE.match(fold(title))) or (
        bool(SITE_NAME.match(title)) and len(title.split()) <= SITE_TITLE_WORDS
    )


def _site_name(line: str, following: list[tuple[int, str, str]]) -> bool:
    return (
        bool(SITE_NAME.match(line))
        and len(line.split()) <= SITE_NAME_MAX_WORDS
        and bool(following)
        and _headline_like(following[0][1])
    )


def _all_capitals(line: str) -> bool:
    """At least four letters, every one a capital (read up to the first that is not: most lines
    have one among their first few characters)."""
    letters = 0
    for character in line:
        if character.isalpha():
            if not character.isupper():
                return False
            letters += 1
    return letters >= 4


# A heading in capitals wrapped onto a second line in capitals that goes on with a linking word:
# "PHÁT BIỂU CỦA PHÓ THỦ TƯỚNG ..." ¶ "TẠI HỘI NGHỊ TRIỂN KHAI ...", a speech's or a report's heading.
CAPITALS_GO_ON = re.compile(r"^(?:TẠI|VỀ|CỦA|VÀ|VỚI|NHÂN DỊP|NHÂN|TRONG|CHO|ĐẾN|GIAI ĐOẠN)\s")


def _capitals_go_on(line: str, following: list[tuple[int, str, str]]) -> bool:
    if not (following and _all_capitals(line) and _headline_like(line)):
        return False
    after = following[0][1]
    return _all_capitals(after) and _headline_like(after) and bool(CAPITALS_GO_ON.match(after))


# How a speech opens, under its heading: "Kính thưa các đồng chí,", "Thưa Quý vị đại biểu,". Never a
# headline (it ends with a comma), so the heading in capitals over it is the title, not a section.
SALUTATION = re.compile(r"^(?:[kK]ính thưa|[tT]hưa|[kK]ính gửi)\b.{0,120},$")


def _capitals_over_headline(line: str, following: list[tuple[int, str, str]]) -> bool:
    if not (_all_capitals(line) and following):
        return False
    _, after, after_folded = following[0]
    if SALUTATION.match(after):
        return False
    if _all_capitals(after) and len(following) > 1:  # the site's heading over its section's, both in capitals
        return _capitals_over_headline(after, following[1:])
    if len(after) <= 80 and STAMP_LINE.match(after_folded) and len(following) > 1:
        return _capitals_over_headline(line, following[1:])  # "SỔ TAY ĐỐI NGOẠI" ¶ "Thứ Tư , 22/11/2017" ¶ ...
    return (
        _headline_like(after)
        and not _all_capitals(after)
        and len(after.split()) >= SECTION_LABEL_WORDS
        and classify_line(after, None, after_folded) is None
    )


# A national outlet's name after the headline, as a browser tab shows it ("... - VnExpress",
# "... | Vietnam+ (VietnamPlus)", "... - Tuổi Trẻ Online"); written as the outlet writes it.
TITLE_OUTLET = re.compile(
    r"\s+[-–|]\s+(?:VnExpress|Tuổi Trẻ Online|Tuổi Trẻ|Thanh Niên|VietNamNet|Vietnamnet|Vietnam\+(?: \(VietnamPlus\))?"
    r"|VietnamPlus|Dân trí|Dân Trí|Nhân Dân|Người Lao Động|Tiền Phong|Lao Động|Znews|Zing News|CafeF|VnEconomy|VOV|VTV"
    r"|Thông tấn xã Việt Nam|TTXVN|Đại biểu Nhân dân|Quân đội nhân dân|Thời báo [^-–|]{2,40})\s*$"
)


# The sections a portal's page title names after the headline: "... - Tin tức - Sự kiện - Cổng thông
# tin điện tử tỉnh ..." (the site goes first, then these).
TITLE_SECTIONS = re.compile(
    r"(?:\s+[-–|]\s+(?:Tin tức|Sự kiện|Thời sự|Chính trị|Đối ngoại|Tin hoạt động|Tin trong nước|Tin tổng hợp"
    r"|Hoạt động đối ngoại|Tin tức sự kiện))+\s*$"  # as the site capitalises them: "kinh tế - đối ngoại" is no section
)


def _title_text(line: str) -> str:
    line = TITLE_LABEL.sub("", line).strip() or line  # "[Infographic] ...", "... [Edited]"
    line = TITLE_VIEWS.sub("", line).strip() or line
    # (the bracketed outlet closes the line: one without ")" there is not searched)
    line = (TITLE_OUTLET_BRACKETED.sub("", line) if ")" in line[-2:] else line).strip() or line
    line = TITLE_OUTLET.sub("", line).strip() or line
    line = TITLE_SITE.sub("", TITLE_AGENCY.sub("", line)).strip() or line
    return TITLE_SECTIONS.sub("", line).strip() or line


# A heading numbered as a report's sections are ("1. Những kết quả chủ yếu", "II. Nhiệm vụ",
# "1.1. Về kinh tế"): the text opens with its first section, not with a headline.
NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[ivxlc]{1,5}\.|[a-z]\))\s")

# How many following lines are read for the site's name said again ("Doanh Nhân Trẻ" twice).
SITE_NAME_REPEAT_LINES = 3


# A site's name is a few words ("Doanh Nhân Trẻ", "Báo Quốc tế"); a headline said twice is longer.
SITE_NAME_WORDS = 6


def _site_furniture(folded: str, seen: set[str], following: list[tuple[int, str, str]]) -> bool:
    """A line above the headline that belongs to the site, not the article: its name said twice,
    a line the menu follows, or a tagline."""
    if SITE_TAGLINE.match(folded):
        return True
    if len(folded.split()) > SITE_NAME_WORDS or not following:
        return False
    after = [f for _, _, f in following]
    menu_next = classify_line(following[0][1], None, after[0]) == "breadcrumb" or _menu(following[0][1], following[1:])
    return folded in seen or folded in after or menu_next


def _heading_over_body(line: str, folded: str, following: list[tuple[int, str, str]], previous: str | None) -> bool:
    """A section heading the article opens with, never its title: numbered ("1. Những kết quả chủ
    yếu"), or a few words ("Nhiệm vụ trung tâm") under a picture and over a paragraph of sentences
    (a copy that starts at the article's first picture has lost its headline)."""
    if NUMBERED_HEADING.match(folded):
        return True
    short = len(line.split()) <= SECTION_LABEL_WORDS and previous in ("caption", "image")
    return short and bool(following) and not _headline_like(following[0][1])


def _kicker(line: str, following: list[tuple[int, str, str]]) -> bool:
    """ "Phó Thủ tướng Vương Đình Huệ:" over "Hội nhập kinh tế quốc tế là trọng tâm": who speaks,
    said above the headline (a named person and a colon, nothing after it)."""
    label = line.rstrip()
    if not label.endswith(":") or not following:
        return False
    if len(label.split()) > KICKER_WORDS:
        # the occasion, then who speaks: "Trao quyết định bổ nhiệm Đại sứ, ..., Chủ tịch nước Trương Tấn Sang:"
        return (
            len(label.split()) <= KICKER_OCCASION_WORDS
            and bool(SPEAKER_ENDS.search(label[:-1]))
            and (_headline_like(following[0][1]) and not NUMBERED_HEADING.match(following[0][2]))
        )
    after = following[0][1]
    if not _headline_like(after) or NUMBERED_HEADING.match(following[0][2]) or after[:1] in "-•*+":
        return False
    # or the topic the headline is filed under: "Ngoại giao kinh tế năm 2024:" over its headline
    topic = (
        len(label.split()) >= 2
        and label[:1].isupper()
        and not SAYS.search(fold(label))
        and len(after.split()) >= KICKER_HEADLINE_WORDS  # a headline, not a short item of a list
    )
    return bool(TITLED_NAME.fullmatch(label[:-1].strip())) or topic


# A longer kicker: the occasion, a comma, and who speaks at it, over the headline.
KICKER_OCCASION_WORDS = 20
SPEAKER_ENDS = re.compile(rf",\s*(?:{TITLED_NAME.pattern})\s*$")

# A line that introduces what someone said, not a kicker: "Bộ trưởng nhấn mạnh:", "Theo đó:".
SAYS = re.compile(
    r"\b(?:nhan manh|cho biet|neu ro|neu|khang dinh|phat bieu|yeu cau|de nghi|chi dao|cho rang|noi|theo do|nhu sau"
    r"|gom|bao gom|la)\s*:$"
)


def _headline_over_stamp(lines: list[tuple[int, str, str]], index: int, following: list[tuple[int, str, str]]) -> bool:
    """A headline set apart by a blank line, with the page's stamp under it (perhaps under the
    reporter's name): the article's own headline, not one more related headline. Right under the
    block's heading ("Tin liên quan" over it), the stamp must be under it, and the lede, not one
    more dated headline, under the stamp."""
    if _headline_like(lines[index][1]) and following and SHARE_BUTTONS.match(following[0][2]):
        # the page's own tools under it ("Nghe đọc bài", "A+ A-"), then its stamp: a copy with no blank lines
        tools = list(itertools.dropwhile(lambda entry: SHARE_BUTTONS.match(entry[2]), following))
        if tools and len(tools[0][1]) <= 80 and STAMP_LINE.match(tools[0][2]):
            return True
    apart = index > 0 and lines[index][0] - lines[index - 1][0] > 1  # a blank line above it
    if not apart and index > 0 and RELATED_HEADING.match(lines[index - 1][2]):
        return (
            _headline_like(lines[index][1])
            and bool(following)
            and len(following[0][1]) <= 80
            and bool(STAMP_LINE.match(following[0][2]))
            and (len(following) < 2 or not _headline_like(following[1][1]))
        )
    if not apart or not _headline_like(lines[index][1]):
        return False
    for _, after, after_folded in following[:2]:
        if len(after) <= 80 and STAMP_LINE.match(after_folded):
            return True
        if not _is_name(after):
            return False
    return False


def _label_over_stamped_headline(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A series' or topic's label over the headline that has the page's stamp right under it:
    "65 năm Ủy ban Nhà nước về người Việt Nam ở nước ngoài" over "Nơi kiều bào tìm về ..." over
    "NGỌC LAN 07:30 | 20/11/2024" (the headline is the line over the stamp, not a name)."""
    if len(following) < 2 or not _headline_like(line):
        return False
    (_, headline, headline_folded), (_, stamp, stamp_folded) = following[:2]
    return (
        _headline_like(headline)
        # a label is shorter than twice its headline: a headline over its picture's caption and the
        # stamp ("Hội nghị tổng kết ngành Ngoại giao năm 2024 ..." ¶ "Toàn cảnh hội nghị ...") is none
        and len(line) <= 2 * len(headline)
        and len(headline.split()) >= KICKER_HEADLINE_WORDS
        and not _is_name(headline)
        and not NUMBERED_HEADING.match(headline_folded)
        and headline[:1] not in "-•*+"
        and len(stamp) <= 80
        and bool(STAMP_LINE.match(stamp_folded))
    )


def _label_over_stamp(line: str, following: list[tuple[int, str, str]]) -> bool:
    """A section's label of a few words over the page's stamp over the headline ("Đối ngoại" ¶
    "Thứ bảy, 4/1/2025 - 09:00" ¶ "Bộ trưởng Ngoại giao: Năm 2025 ..."; "Thời sự - Chính trị" ¶ ...): the
    headline is the longer line under the stamp, the label the site's."""
    if len(following) < 2 or not _short_heading(line):
        return False
    (_, stamp, stamp_folded), (_, headline, headline_folded) = following[:2]
    return (
        len(stamp) <= 80
        and bool(STAMP_LINE.match(stamp_folded))
        and len(headline) > len(line)
        and _headline_like(headline)
        and not NUMBERED_HEADING.match(headline_folded)
        and headline[:1] not in "-•*+"
        and classify_line(headline, None, headline_folded) is None
    )


# How many lines down the site's links may run before the stamped headline under them.
LINKS_OVER_HEADLINE = 10


def _links_over_stamped_headline(line: str, lines: list[tuple[int, str, str]], index: int) -> bool:
    """One of the site's links, a few words to a line, over a headline that has the page's stamp
    right under it some lines below ("Liên kết website" ¶ "Chính phủ" ¶ "Các bộ, ngành ở TW" ¶ ...
    ¶ "Sở Ngoại vụ triển khai nhiệm vụ năm 2019" ¶ "Ngày cập nhật 22/01/2019"): the short lines
    above the headline are the site's, not its title."""
    if len(line.split()) > SITE_NAME_WORDS or not _headline_like(line):
        return False
    ahead = lines[index + 1 : index + 1 + LINKS_OVER_HEADLINE]
    for position, (_, text, folded) in enumerate(ahead[:-1]):
        _, stamp, stamp_folded = ahead[position + 1]
        if not _headline_like(text) or NUMBERED_HEADING.match(folded) or text[:1] in "-•*+":
            return False
        if len(stamp) <= 80 and STAMP_LINE.match(stamp_folded):
            return position > 0 and len(text.split()) >= KICKER_HEADLINE_WORDS
        if len(text.split()) > SITE_NAME_WORDS:
            return False
    return False


def _next_lines(lines: list[tuple[int, str, str]], index: int) -> list[tuple[int, str, str]]:
    """The SITE_NAME_REPEAT_LINES non-blank lines after `index`."""
    found = []
    for entry in lines[index + 1 :]:
        if entry[1]:
            found.append(entry)
            if len(found) == SITE_NAME_REPEAT_LINES:
                break
    return found


# A text that opens with its sapo, not a headline: the sapo's last sentence closes inside a quote
# ('... nhấn mạnh: “Ngoại giao kinh tế phải ... doanh nghiệp.”'), or it trails off ("... đầu tư…")
# past a headline's length.
SAPO_END = re.compile(r"[.!?…][\"”’»]+$|^.{100,}(?:…|\.\.\.)$")

# A lede is a long paragraph that ends a sentence.
LEDE_MIN_CHARS = 120


def _byline_over_lede(line: str, following: list[tuple[int, str, str]]) -> bool:
    """Reporters' names over the lede (a stamp may come between) in a text with no headline:
    "Hoàng Giang" ¶ "Sáng 14.1, Phó Thủ tướng ..." is signed, not titled."""
    if not _is_byline(line):
        return False
    for _, text, _ in following:
        if classify_line(text, None) != "stamp":
            return len(text) >= LEDE_MIN_CHARS and text.rstrip()[-1:] in SENTENCE_END_MARKS
    return False


def clean_lines(text: str, title: str | None = None) -> CleanText:
    """Split `text` into title, body paragraphs and removed lines.

    `title` comes from HTML metadata when there is one; otherwise the first line of article text
    is the title when it reads as a headline (a text that opens with its lede has no title: the
    lede's date and speaker belong to the body).
    """
    title = _title_text(title) if title else title  # a page's <title> carries the site too: "... | VOV.VN"
    clean = CleanText(title=title)
    looking_for_title = title is None
    kept_line_numbers: list[int] = []
    previous: str | None = None
    folded_title = fold(title) if title is not None else None
    stamps_above_title: int | None = None  # the page's title found in its text: how many stamps came before
    unwrapped, clean.plain = _unwrapped(text)
    lines = [(n, _one_cell_text(line), _one_cell_text(folded)) for n, line, folded in unwrapped]
    after_title = False
    kicker = ""
    title_goes_on: int | None = None  # the line a headline in capitals goes on in
    seen_above_title: set[str] = set()
    for index, (line_no, line, folded) in enumerate(lines):
        if not line:
            continue
        following = _next_lines(lines, index) if looking_for_title else []
        if looking_for_title and previous == "related" and _headline_over_stamp(lines, index, following):
            previous = None  # a related block above the page's headline ends at it
        reason = _reason_in_context(line, folded, previous, clean.title)
        if line_no == title_goes_on:
            reason = "title"
        elif reason is None and looking_for_title and _capitals_go_on(line, following):
            looking_for_title, reason, title_goes_on = False, "title", following[0][0]
            clean.title = _title_text(f"{kicker} {line} {following[0][1]}".strip())
        elif reason is None and looking_for_title and _menu(line, following):
            reason = "menu"
        elif reason is None and looking_for_title and _site_furniture(folded, seen_above_title, following):
            reason = "site"
        elif (
            reason is None
            and looking_for_title
            and (_section_label(line, following[:1]) or _label_over_label(line, following))
        ):
            reason = "section"
        elif reason is None and looking_for_title and _site_name(line, following):
            reason = "site"
        elif reason is None and looking_for_title and _capitals_over_headline(line, following):
            reason = "section"
        elif reason is None and looking_for_title and _label_over_stamped_headline(line, following):
            reason = "section"
        elif reason is None and looking_for_title and _links_over_stamped_headline(line, lines, index):
            reason = "menu"
        elif reason is None and looking_for_title and _label_over_stamp(line, following):
            reason = "section"
        elif reason is None and looking_for_title and clean.byline is None and _byline_over_lede(line, following):
            clean.byline, reason = line, "byline"
        elif reason is None and looking_for_title and _kicker(line, following):
            reason, kicker = "title", line  # joined to the headline under it
        elif reason is None and looking_for_title:
            looking_for_title = False
            if (
                _headline_like(line)
                and not SAPO_END.search(line)
                and not SALUTATION.match(line)
                and not _heading_over_body(line, folded, following, previous)
            ):
                headline = line
                if stamped := HEADLINE_STAMP.search(line):  # "... thực hiện '6 tiên phong' 19/12/2025 19:27"
                    headline = line[: stamped.start()]
                    clean.stamps.append(stamped.group(1))
                clean.title = _title_text(f"{kicker} {headline}" if kicker else headline)
                reason = "title"
        elif reason is None and folded == folded_title:
            reason = "title"
            if stamps_above_title is None:
                stamps_above_title = len(clean.stamps)
        elif reason is None and not looking_for_title and RELATED_TAGGED.match(folded):
            reason = "related"
        elif reason is None and after_title and clean.byline is None and (_is_name(line) or INITIALS.match(line)):
            clean.byline, reason = line, "byline"  # "Minh Nhật", "T.H" under the headline
        elif reason is None and after_title and clean.byline is None and SOURCE_UNDER_HEADLINE.match(line):
            clean.byline, reason = line, "byline"  # "Theo nhandan.vn", "Theo TTXVN" under the headline
        elif reason is None and previous == "byline" and clean.byline and OFFICES_LINE.match(line):
            clean.byline, reason = f"{clean.byline}, {line}", "byline"  # a signed article's author's offices
        elif reason is None and after_title and _section_over_stamp(line, _next_lines(lines, index)):
            reason = "section"  # "Tin trong nước" between the headline and the stamp
        if reason is None:
            clean.paragraphs.append(line)
            clean.folded_paragraphs.append(folded)  # fold(line): folding keeps spaces and line breaks
            kept_line_numbers.append(line_no)
        else:
            if reason == "stamp":
                (clean.header_stamps if looking_for_title else clean.stamps).append(line)
            clean.removed.append(RemovedLine(line_no, reason, line))
        after_title = reason == "title"
        previous = reason if reason != "title" else None
        if looking_for_title:
            seen_above_title.add(folded)
    if stamps_above_title:  # a site's clock over the headline of a page titled by its <title>
        clean.header_stamps[:0] = clean.stamps[:stamps_above_title]
        del clean.stamps[:stamps_above_title]
    _take_byline(clean, kept_line_numbers)
    clean.removed.sort(key=lambda removed: removed.line_no)
    _byline_after_related(clean)
    return clean


def _byline_after_related(clean: CleanText) -> None:
    """The reporter's name under a related-news block ends the page, not the block."""
    last = clean.removed[-1] if clean.removed else None
    if clean.byline is None and last and last.reason == "related" and _is_byline(last.text):
        clean.byline = last.text
        clean.removed[-1] = RemovedLine(last.line_no, "byline", last.text)
