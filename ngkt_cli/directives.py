"""Stage 2, second half: priorities stated without enumeration (a pure function).

A directive is a sentence in which a leader or a body asks for, sets or commits to a course of
action for the coming period without numbering it: "Thủ tướng yêu cầu các cơ quan đại diện ...",
"các địa phương cần ...", "nhiệm vụ bao trùm ... vẫn là tiếp tục ...". The steps:

1. cut each paragraph into sentences, and each sentence into its ';' pieces (coordinated
   demands are separate statements);
2. drop what is no directive (NOT_DIRECTIVES: questions, lead-ins of a list, principles, what
   another country or the delegates ask, what was done, headings) and every piece that touches
   a list item or the lead-in of a list;
3. find the cue in each piece with the rows of CUE_RULES, read in precedence order by one loop;
   a piece without a cue that follows a directive in the same sentence is another demand of
   that cue ("... cần A; B"), and one that draws a consequence ("; vì vậy, ...") or forbids
   ("; không được ...") belongs to it;
4. say who states it (the asker, the attribution in the sentence, or the last one above) and
   for which year, and keep one statement when a caption or a lede repeats the body.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from re import _constants as _sre  # type: ignore[attr-defined]  # the `re` module's own parser
from re import _parser  # type: ignore[attr-defined]
from typing import NamedTuple

from . import pattern_facts
from .cues import CUE_PERIOD, announced, target_year
from .metadata import (
    _NAME,
    _ORG,
    _TITLE_RE,
    BODY,
    SPEECH_VERBS,
    Mention,
    Person,
    attributions,
    body_attributions,
    find_bodies,
    find_mentions,
    find_people,
)
from .metadata import (
    UPPER as UPPER_CASE,
)
from .models import Document, Statement, StatementList
from .text import (
    _SENTENCE_BREAK,
    PARAGRAPH_BREAK,
    fold,
    key,
    lower_kept,
    opening_characters,
    paragraph_starts,
    sentence_spans,
)

# ---------------------------------------------------------------------------------------------
# What stands around a cue

# Words between an asker and the verb of asking: "Thủ tướng cũng đề nghị", "Bộ trưởng đặc biệt lưu ý".
ADVERBS = r"(?:cũng|đã|còn|tiếp tục|đặc biệt|đồng thời|một lần nữa|thẳng thắn|nhấn mạnh và|nhấn mạnh,?)"
# What may stand between an asker and the verb of asking: adverbs, and a wish ("mong muốn “đặt hàng”").
WISHED = r"(?:mong muốn\s*[“\"]?)?"
ADVERBS_ONLY = re.compile(rf"^[\s,]*(?:{ADVERBS}[\s,]*)*{WISHED}$", re.I)

# Words that open a piece and tie it to what came before: "Bên cạnh đó, ...", "Đặc biệt, ...".
CONNECTIVE = re.compile(
    r"^\s*(?:Bên cạnh đó|Cùng với đó|Đặc biệt|Đồng thời|Ngoài ra|Do đó|(?:Chính )?[Vv]ì vậy|(?:Chính )?[Vv]ì thế"
    r"|Bởi vậy|Cụ thể|Theo đó"
    r"|Mặt khác|Trong đó|Trên cơ sở đó|Trong bối cảnh đó|Qua đó|Từ đó|Thời gian tới|Trong thời gian tới),?\s+",
    re.I,
)

# A piece that draws a consequence of the demand before it: "...; vì vậy, mọi cấp cũng phải ...".
CONSEQUENCE = re.compile(r"^\s*(?:vì vậy|vì thế|do đó|do vậy|bởi vậy|qua đó|nhờ đó|từ đó|như vậy)\b", re.I)

# A piece that only forbids, after a demand: "...; không được chủ quan, lơ là".
PROHIBITION = re.compile(r"^\s*(?:không được|không để|tránh|chớ|đừng)\b", re.I)

# "Theo Bộ trưởng Bùi Thanh Sơn, ...", "Theo kết luận của hội nghị, ...": an attribution that
# opens a sentence, not part of the demand.
THEO_OPENING = re.compile(r"^\s*Theo\s+[^,;:]{1,90},\s*")

# "Thủ tướng nêu rõ, ...", "cho biết cần ...", "chỉ rõ trong Chỉ thị: ...": the verb of saying
# that hands over to the demand.
SAYING = re.compile(SPEECH_VERBS.pattern + r"(?:\s+rằng)?(?:\s+(?:trong|tại)\s+[^,:;]{1,40}?)?\s*[,:]?\s+")

# A year the demand is for, written before its cue: "bước sang năm 2019, ...", "trong năm 2024".
FORWARD_YEAR = re.compile(
    r"\b(?:bước sang|sang|trong|cho|của)\s+năm\s+((?:19|20)\d{2})\b(?![\d/-])"
    # opening the sentence or a clause: "Năm 2024, Bộ Ngoại giao sẽ ...", "Theo Thủ tướng, năm 2026, các bộ ..."
    r"|(?:^|,)\s*(?:Trong\s+)?[Nn]ăm\s+((?:19|20)\d{2}),"
    r"|\bnăm tới\s*\(\s*((?:19|20)\d{2})\s*\)",  # "năm tới (2024)"
    re.I,
)
# A year that opens a demand as its time: "(đề nghị,) trong năm 2025, các đơn vị ...".
DEMAND_TIME = re.compile(r"\s*(?:(?:trong|sang)\s+)?năm\s+(?:19|20)\d{2}\s*,", re.I)
# "năm tới", "sang năm", "năm sau" before the cue: the year after the statement year.
NEXT_YEAR_BEFORE = re.compile(r"\b(?:năm tới|sang năm|năm sau)\b(?!\s*\(?\s*(?:19|20)\d{2})", re.I)
REVIEWED_BEFORE = re.compile(r"\b(?:tổng kết|đánh giá|kết quả|nhìn lại)\b[^,;]{0,20}$", re.I)

# At least this many words of action after the cue: "Thủ tướng yêu cầu các" (cut off) is none.
MIN_ACTION_WORDS = 3

# How many paragraphs above a directive may hold the attribution of who states it.
SPEAKER_LOOKBACK_PARAGRAPHS = 4

# Nouns a modal verb may follow inside a noun phrase, which then names a task and asks nothing:
# "các nhiệm vụ cần triển khai", "động lực cần tập trung thúc đẩy", "vướng mắc cần khắc phục".
TASK_NOUNS = (
    "nhiệm vụ",
    "giải pháp",
    "biện pháp",
    "vấn đề",
    "việc",
    "công việc",
    "nội dung",
    "nội hàm",
    "động lực",
    "trọng tâm",
    "điều",
    "gì",
    "vướng mắc",
    "tồn tại",
    "hạn chế",
    "khó khăn",
    "thách thức",
    "yêu cầu",
    "lĩnh vực",
    "điều kiện",
    "chỉ tiêu",
    "mục tiêu",
    "dự án",
    "thủ tục",
    "cơ chế",
    "chính sách",
    "điểm nghẽn",
    "kiến nghị",
    "đề xuất",
    "bài học",
    "những gì",
    "cái",
)
TASK_NOUN_BEFORE = re.compile(r"\b(?:" + "|".join(TASK_NOUNS) + r")(?:\s+[^\s,;:.]+){0,2}\s*$", re.I)

# A modal verb that states what a situation demands or what must be said, not what someone must
# do: "tình hình ... đòi hỏi phải ...", "buộc chúng ta phải ...", "có lẽ phải nói rất dài".
CIRCUMSTANCE_BEFORE = re.compile(
    r"\b(?:đòi hỏi|buộc|khiến|bắt buộc|có lẽ|vấp|gặp|mắc|chịu|đang|đã|không|chưa|rất|lại|sẽ)(?:\s+\S+){0,2}\s*$", re.I
)
# "whatever ... also": "các đồng chí làm việc gì cũng phải nắm vững ...", "ở đâu cũng phải ...": the
# concession names no task, the demand follows it
# (so also a new clause after "nên": "đây là nhiệm vụ khó nên cần kiên trì ...")
WHATEVER_BEFORE = re.compile(r"\b(?:(?:gì|nào|đâu)\s+(?:cũng|đều)|nên)\s*$", re.I)
RELATIVE_BEFORE = re.compile(r"\b(?:những|các|một số|mọi)\s+[^,;:.]{1,40}?\s+mà\s+[^,;:.]{1,80}$", re.I)
NOT_AN_ACTION_AFTER = re.compile(r"^\s*(?:thiết|chăng|nói|kể|thừa nhận|đối mặt|chịu|gánh|để|gì)\b", re.I)

# Verbs of asking; the asker stands just before them.
# "căn dặn" (a leader to envoys leaving for their posts), "gợi ý" (a ministry to a province), "khuyến khích".
REQUEST_VERBS = (
    "yêu cầu",
    "đề nghị",
    "kiến nghị",
    "chỉ đạo",
    "lưu ý",
    "kêu gọi",
    "nhắc nhở",
    "chỉ thị",
    "đặt hàng",
    "căn dặn",
    "gợi ý",
    "khuyến khích",
    "khuyến nghị",  # "Đại sứ khuyến nghị các doanh nghiệp ...": advice asked of whom it addresses
    "khuyên",
    "nhắn nhủ",  # "Thủ tướng nhắn nhủ các Đại sứ ..."
)

# What an asker asks of a meeting, which is no course of action: "đề nghị các đại biểu thảo luận ...".
PROCEDURAL = re.compile(
    r"^\s*(?:các\s+)?(?:đại biểu|đồng chí|đơn vị|ý kiến)?[^,.;]{0,20}?\b(?:thảo luận|cho ý kiến|góp ý|đóng góp ý"
    r" kiến|tham luận|phát biểu)\b"
    # "đề nghị các đại biểu dự hội nghị quán triệt ...": the meeting's own work
    r"|^\s*(?:các\s+)?(?:vị\s+)?đại biểu\b",
    re.I,
)

# What "lưu ý" may point at without asking anything: "lưu ý tính kỷ luật", "lưu ý vai trò của ...".
QUALITY_AFTER = re.compile(r"^\s*(?:tính|sự|vai trò|tầm quan trọng|ý nghĩa|bối cảnh|tình hình)\b", re.I)

# Nouns of a meeting that "chỉ đạo" may direct ("chỉ đạo phiên họp", "phát biểu chỉ đạo hội nghị").
MEETING_AFTER = re.compile(r"^\s*(?:\d+|các|những|một|hai|ba)?\s*(?:hội nghị|phiên|cuộc họp|buổi|lễ|tại|và)\b", re.I)


@dataclass(frozen=True)
class Found:
    """A cue found in a piece: the rule's name, the cue's place in the piece and where the
    demand's text begins."""

    rule: str
    start: int
    end: int
    text_start: int
    text_end: int | None = None  # where the demand ends when it stands before its cue; else the piece's end


@dataclass(frozen=True)
class CueRule:
    """One shape of directive: a pattern for its cue, a check of what stands around it, what it
    means, its precedence (lower first when several cues are in one piece) and an example."""

    name: str
    pattern: re.Pattern[str]
    accepts: Callable[[str, re.Match[str]], int | None]  # -> where the demand's text begins, or None
    meaning: str
    precedence: int
    example: str
    demand_before: bool = False  # the demand is named before the cue ("A là nhiệm vụ hàng đầu")


def _after_saying(piece: str, cue_start: int) -> int:
    """Where the demand begins before a cue that is not a verb of asking: after the last verb of
    saying ("... nêu rõ, "), else after an opening "Theo ..., ", else at the piece's start, and
    after a connective ("Đặc biệt, ")."""
    start = 0
    for saying in SAYING.finditer(piece, 0, cue_start):
        start = saying.end()
    if (theo := THEO_OPENING.match(piece)) and start < theo.end() <= cue_start:
        start = theo.end()
    colon = piece.rfind(":", start, cue_start)
    if colon >= 0 and len(piece[start:colon].split()) <= QUOTED_LABEL_WORDS:
        start = colon + 1  # "Bộ trưởng Bùi Thanh Sơn: ngoại giao kinh tế phải ..."
    connective = CONNECTIVE.match(piece, start)
    start = connective.end() if connective and connective.end() <= cue_start else start
    if (
        FRAMING.match(piece, start)
        and (comma := piece.rfind(",", start, cue_start)) >= 0
        and piece[comma + 1 : cue_start].strip()
    ):
        start = comma + 1  # "với thế và lực mới, các địa phương cần ...": the demand starts at who must act
    return start


# A clause that frames a demand before whoever must act: "Với thế và lực mới, ...", "khi tình
# hình thay đổi, ...", "Thấm nhuần bản sắc ..., ...", "kể từ năm 2026 trở đi, ...".
FRAMING = re.compile(
    r"\s*(?:với|khi|trong|trước|thấm nhuần|để|nhằm|kể từ|bước sang|từ|nếu|muốn|dù|mặc dù|cùng với|quán triệt|trên cơ"
    r" sở|do|vì|bám sát)\b",
    re.I,
)


# The longest label before a colon that quotes its speaker ("Bộ trưởng Ngoại giao Bùi Thanh Sơn:").
QUOTED_LABEL_WORDS = 12


def _asker_before(piece: str, match: re.Match[str]) -> int | None:
    """A verb of asking counts when a person, a title or a body asks, just before it ("Thủ tướng
    yêu cầu", "Ban Bí thư chỉ đạo"), not a noun ("đặt ra yêu cầu", "các yêu cầu của ...")."""
    before = piece[: match.start()]
    if not (asker := ASKER_BEFORE.search(before) or ASKER_COORDINATED.search(before)):
        opening = OPENING_ASK.match(before)
        if not (opening and (before.strip() or match.group(0)[0].isupper())):
            return None
        addressee = (ADDRESSEE_AFTER_ASK if before.strip() else BODY_AFTER_ASK).match(piece, match.end())
        if not addressee:
            return None  # (a sentence that opens with the verb asks on for whoever asked before it)
    elif HANDED_TO.search(before, asker.start()):
        return None  # "giao Bộ Ngoại giao chỉ đạo ...": the task handed out (the assignment), not a request
    elif match.group(0)[0].isupper():
        return None  # "Thủ tướng: Yêu cầu ...": a verb opening a sentence has no asker before it
    rest = piece[match.end() :]
    if match.group(0).lower() == "chỉ đạo" and (
        MEETING_AFTER.match(rest) or re.search(r"(?:phát biểu|ý kiến|sự)\s*$", before, re.I)
    ):
        return None  # "phát biểu chỉ đạo hội nghị": a speech, no demand
    if PROCEDURAL.match(rest) or (match.group(0) == "lưu ý" and QUALITY_AFTER.match(rest)):
        return None
    # "yêu cầu các cơ quan đại diện cần chủ động ...": from the modal; "yêu cầu không để doanh nghiệp phải
    # chờ đợi ...": the prohibition is the demand
    if not PROHIBITION.match(rest) and (modal := MODAL_SOON_AFTER.match(rest)):
        return match.end() + modal.end(1) - len(modal.group(2))
    addressed = re.match(r"[”\"]?[\s,:]*(?:với\s+)?", rest)  # "đề nghị với Đại sứ ...": from whom is asked
    return match.end() + (addressed.end() if addressed else 0)


# A sentence that opens with the verb of asking, going on with the request of the sentence before
# ("... đồng thời yêu cầu các cơ quan đại diện ... . Đồng thời, yêu cầu các bộ, ngành ...") or in
# a conclusion's own words ("Yêu cầu các bộ, ngành ..."), and whom it asks.
OPENING_ASK = re.compile(r"^\s*(?:Đồng thời|Bên cạnh đó|Ngoài ra|Cùng với đó|Mặt khác),?\s+$|^\s*$")
# Vietnam's bodies as a request names them after its verb ("yêu cầu Bộ Ngoại giao", "... ngành, địa phương").
BODIES_ASKED = r"Bộ|UBND|Ủy ban|Sở|ngành|địa phương|cơ quan|Đại sứ|đại sứ|Trưởng|Thương vụ"
ADDRESSEE_AFTER_ASK = re.compile(r"\s+(?:các|những|mỗi|từng|toàn|" + BODIES_ASKED + r"|doanh nghiệp|hiệp hội)(?!\w)")


# A conclusion's own words ask Vietnam's bodies ("Yêu cầu các bộ, ngành ..."), not businesses: "Yêu cầu
# các doanh nghiệp phải có giấy phép ..." is a rule the writer explains.
BODY_AFTER_ASK = re.compile(r"\s+(?:các\s+)?(?:" + BODIES_ASKED + r"|bộ|sở|tỉnh|thành phố)(?!\w)")


# A modal verb a few words after a verb of asking, past the addressee: "yêu cầu các đơn vị cần ...".
MODAL_SOON_AFTER = re.compile(r"^((?:\s*[^\s,.;:]+){1,8}?\s+(cần phải|cần|phải)(?=\s))", re.I)


# A modal that calls what stands before it the task: "phải được coi là ...", "cần được xác định là ...".
DEEMED_AFTER = re.compile(r"^\s*được\s+(?:coi|xem|xác định)\s+là\b", re.I)


# What a body "có trách nhiệm" (is charged with) that is a task: "Sở Tài chính có trách nhiệm chủ
# trì rà soát ...", besides the actions a named task opens with (NAMED_ACTION).
RESPONSIBLE_FOR = re.compile(r"(?:chủ trì|phối hợp|tham mưu|theo dõi|hướng dẫn|tổ chức|rà soát|báo cáo)(?!\w)")


# A modal a few words after a prohibition belongs to it: "Không để doanh nghiệp phải tự mình xoay
# xở ..." forbids what "phải tự mình xoay xở ..." alone would ask.
PROHIBITION_BEFORE = re.compile(
    r"(?<!\w)(?:tuyệt đối\s+)?(?:không được để|không để|tránh để|đừng để|chớ để)(?:\s+[^\s,.;:]+){0,6}\s+$", re.I
)


def _obligation(piece: str, match: re.Match[str]) -> int | None:
    """A modal verb ("cần", "phải") counts after whoever must act or after nothing ("Đặc biệt, cần
    ..."), not inside a noun phrase ("các nhiệm vụ cần triển khai") nor after a circumstance; after
    a prohibition, the demand is the prohibition."""
    before, after = piece[: match.start()], piece[match.end() :]
    clause = re.split(r"[,:]", before)[-1]
    if forbidding := PROHIBITION_BEFORE.search(clause):
        return len(before) - len(clause) + forbidding.start()
    if NOT_AN_ACTION_AFTER.match(after) or (
        not WHATEVER_BEFORE.search(clause) and (TASK_NOUN_BEFORE.search(clause) or CIRCUMSTANCE_BEFORE.search(clause))
    ):
        return None
    if DEEMED_AFTER.match(after):  # "việc thu hút ... phải được coi là nhiệm vụ trọng tâm": a named task
        return None
    if RELATIVE_BEFORE.search(clause):  # "những mục tiêu cụ thể mà hội nghị cần thực hiện": a noun phrase
        return None
    if match.group(0).lower() == "có trách nhiệm" and not (
        NAMED_ACTION.match(after.lstrip()) or RESPONSIBLE_FOR.match(after.lstrip())
    ):
        return None  # "doanh nghiệp có trách nhiệm với xã hội": a quality, no task
    if PASSIVE_AFTER.match(after):  # "chương trình cần được thiết kế lại": what is to be done is named before it
        start = _after_saying(piece, match.start())
        start += len(piece[start:]) - len(piece[start:].lstrip(" ,"))
        if 0 < len(piece[start : match.start()].split()) <= PASSIVE_SUBJECT_WORDS:
            return start
    return match.start()  # the demand from its modal: "cần xác định tâm thế mới ...", as a list item reads


# A modal of the passive: the demand's subject is what is to be done ("Các hoạt động ngoại giao
# kinh tế cần được triển khai nhanh nhạy"), read with it when it is this short.
PASSIVE_AFTER = re.compile(r"^\s*được\s+(?!(?:coi|xem|xác định)\s+là\b)", re.I)
PASSIVE_SUBJECT_WORDS = 15


def _task(piece: str, match: re.Match[str]) -> int | None:
    """ "Nhiệm vụ bao trùm ... vẫn là tiếp tục ...": the task named, as an action, for the time ahead;
    also a priority the time ahead is not named for but an action follows ("Trọng tâm là thu hút
    ...", "Nhiệm vụ trọng tâm của ngoại giao kinh tế năm 2019 là triển khai ..."), unless the piece
    looks back ("đã", "năm qua")."""
    if not FORWARD_CONTEXT.search(piece) and not (
        PRIORITY_NAMED.match(match.group(0))
        and NAMED_ACTION.match(piece, match.end())
        and not LOOKED_BACK.search(piece, 0, match.end())  # (the action may name what was: "các thỏa thuận đã ký")
    ):
        return None
    return match.end()  # the action the task is: "tiếp tục phát huy vai trò tiên phong ..."


# A task cue that names a priority by itself ("Trọng tâm là", "Ưu tiên số một là", "Nhiệm vụ trọng
# tâm ... là"), not a task of any kind ("nhiệm vụ của Đại sứ là ...": what the post is).
PRIORITY_NAMED = re.compile(
    r"(?i:trọng tâm|ưu tiên|(?:việc|điều) cần làm|nhiệm vụ\s+(?:trọng tâm|hàng đầu|then chốt|cấp bách|ưu tiên"
    r"|trước mắt|quan trọng nhất))(?!\w)"
)
# What was done or the period behind, or what always holds: a task so named is a review or a
# habit ("Ưu tiên của Việt Nam luôn là giữ vững ..."), not the course ahead.
LOOKED_BACK = re.compile(r"(?i:\b(?:đã|vừa qua|năm qua|thời gian qua|trước đây|từng|luôn|xưa nay|vốn))(?!\w)")


# The action a named task opens with: "Thúc đẩy các thỏa thuận ... là giải pháp trọng tâm".
NAMED_ACTION = re.compile(
    r"(?i:ưu tiên|chú trọng|tập trung|đẩy mạnh|tăng cường|tiếp tục|nâng cao|khuyến khích|thúc đẩy|chủ động|mở rộng"
    r"|hoàn thiện|phát huy|đa dạng hóa|đa dạng hoá|đảm bảo|bảo đảm|giữ vững|tận dụng|thu hút|khai thác|đổi mới"
    r"|hoàn thành|triển khai|xây dựng|đàm phán|kết nối|hỗ trợ|rà soát|tháo gỡ|bám sát)(?!\w)"
)


# What follows a leader's "nhấn mạnh, ..." that instructs: (the time ahead,) Vietnam's bodies, and
# the action they are to take, with nothing of what was done or what is between ("các cơ quan đại
# diện đã chủ động ..." reports, "các bộ, ngành là ..." describes).
INSTRUCTED = re.compile(
    r"(?:(?:thời gian tới|trong thời gian tới|sắp tới|năm tới|trước mắt|(?:trong\s+)?năm (?:19|20)\d\d),\s*)?"
    r"(?P<addressee>(?:các|mỗi|từng|toàn)\s+(?:bộ|ngành|địa phương|cơ quan|đơn vị|Đại sứ|đại sứ|Trưởng|trưởng|Thương"
    r" vụ|cán bộ|sở)(?!\w)|Bộ\s+[" + UPPER_CASE + r"]|[Nn]gành ngoại giao|[Tt]oàn ngành)"
    r"(?:(?!(?<!\w)(?:đã|đang|được|vừa|là|có|sẽ|từng|cũng là)(?!\w))[^.;:!?]){0,80}?"
    r"\s(?:tiếp tục\s+)?(?:"
    + NAMED_ACTION.pattern
    + r"|bám sát|tháo gỡ|khẩn trương|quyết liệt|tích cực|làm tốt|rà soát"
    r"|nghiên cứu|phối hợp|nắm chắc|nắm bắt)(?!\w)"
)


SAID_TO = re.compile(r"(?:\s+rằng)?\s*[,:]?\s+")


def _instruction(piece: str, match: re.Match[str]) -> int | None:
    """ "Bộ trưởng nêu rõ, thời gian tới, các cơ quan đại diện tiếp tục bám sát ...": a leader right
    before the verb of saying, and what follows it names Vietnam's bodies and what they are to do."""
    said = SAID_TO.match(piece, match.end())
    if not said:
        return None
    if matter := MATTER_STRESSED.match(piece, said.end()):
        # "Thủ tướng nhấn mạnh việc tận dụng hiệu quả các FTA": the matter is the action, unless a
        # result is said of it ("việc thu hút FDI đã đạt ...")
        start = None if MATTER_RESULT.search(piece, matter.end()) else matter.end()
    else:
        instructed = INSTRUCTED.match(piece, said.end())
        start = instructed.start("addressee") if instructed else None
    # (who says it is looked for last: "nhấn mạnh" is common, and the asker's search the costliest)
    return start if start is not None and ASKER_BEFORE.search(piece, 0, match.start()) else None


# What is said of a matter that makes it a result or a fact: "việc thu hút FDI đã đạt ...", "việc đa
# dạng hóa thị trường là yêu cầu cấp bách" (not "các hiệp định đã ký kết", a participle).
MATTER_RESULT = re.compile(
    r"\s(?:là|đã\s+(?:đạt|mang lại|góp phần|có|giúp|tạo)|đang\s+(?:được|có)|được\s+(?:đánh giá|ghi nhận))(?!\w)"
)


# The matter a leader stresses, when it is an action: "nhấn mạnh việc tận dụng ...".
MATTER_STRESSED = re.compile(r"việc\s+(?=(?:tiếp tục\s+)?" + NAMED_ACTION.pattern + ")")


def _named_task(piece: str, match: re.Match[str]) -> int | None:
    """ "Trong đó, bảo đảm nguồn cung ... là nhiệm vụ quan trọng hàng đầu": the action the piece
    opens with (after a connective or who says it), named as the task for the time ahead."""
    start = _after_saying(piece, match.start())
    start += len(piece[start:]) - len(piece[start:].lstrip(" ,"))
    if matter := re.match(r"(?i:việc)\s+", piece[start:]):  # "việc thu hút đầu tư ... phải được coi là ..."
        start += matter.end()
    if not NAMED_ACTION.match(piece, start) or not FORWARD_CONTEXT.search(piece):
        return None
    return start


def _one_of(piece: str, match: re.Match[str]) -> int | None:
    """ "Một trong số đó là việc ...": one of the matters a leader has just raised; "một trong
    những việc thiết thực trước mắt là ...": one of the tasks for the time ahead."""
    if match.group("ahead") and not FORWARD_CONTEXT.search(match.group("ahead")):
        return None  # "một trong những hoạt động nổi bật năm qua là ...": a result
    return match.end()


INSTRUMENT_ASKS = (
    r"\b(?:Chỉ thị|Nghị quyết|Công điện|Thông báo|Kết luận|Kế hoạch|Chương trình hành động|Đề án|Công văn)"
    r"(?:\s+(?:số\s+)?\d[\w/.-]*)?(?:\s+kết luận)?"
    r"(?:\s+(?:này|của\s+(?:Thủ tướng|Chính phủ|Ban Bí thư|Bộ Chính trị|UBND tỉnh)))?"
)


def _asker_pattern() -> str:
    """Who may ask: a title, a name, "ông"/"bà", a body, "người đứng đầu ..."."""
    return (
        rf"(?:(?:{_TITLE_RE}){_ORG}|{_NAME.replace('?P<name>', '')}|\b[ôÔ]ng(?:\s+[{UPPER_CASE}]\w*)?|\b[bB]à"
        rf"(?:\s+[{UPPER_CASE}]\w*)?"
        # "Đồng chí mong muốn ...": the person just named
        rf"|(?<![Cc]ác )(?<!những )\b[Đđ]ồng chí(?:\s+[{UPPER_CASE}]\w*)?"
        rf"|{BODY.pattern.replace('?P<body>', '')}|[Nn]gười đứng đầu\s+[^\s,]+(?:\s+[{UPPER_CASE}]\w*)*"
        # "Người đứng đầu ngành Ngoại giao đề nghị ...": the office's name goes on in lower case
        rf"(?:(?<=[Nn]goại)\s+giao)?"
        # a leader's own words, quoted: "Tôi yêu cầu các đồng chí Thủ trưởng cơ quan đại diện ..."
        rf"|\bTôi"
        # an instrument, which asks in its issuer's name: "Nghị quyết yêu cầu các bộ, ngành ...", "Công điện
        # số 56/CĐ-TTg đề nghị ...", "Chỉ thị nêu rõ, các bộ, ngành, địa phương cần ..."
        rf"|{INSTRUMENT_ASKS})"
    )


ASKER_BEFORE = re.compile(_asker_pattern() + rf"[\s,]*(?:{ADVERBS}[\s,]*)*{WISHED}$")

# An asker whose request is a second verb of the clause: "Đại sứ Nguyễn Minh Tâm cảm ơn sự đón
# tiếp của tỉnh và đề nghị ...", also after a comma ("Thủ tướng Phạm Minh Chính đánh giá như vậy
# trong hội nghị ngày 18-7, yêu cầu ..."). What stands between holds no full stop, colon or ';'.
# ("..., sự lãnh đạo, chỉ đạo đúng đắn" lists nouns: a clause closed by a comma holds no other one).
COORDINATED_REQUEST = re.compile(
    r"^\s+(?:[^.;:!?]{3,400}?(?:\s+(?:và|đồng thời)|,\s*đồng thời)|[^.;:!?,]{3,220}?,)\s*$"
)
# The asker opens the clause ("Thay mặt đoàn, Đại sứ ... cảm ơn ... và đề nghị"), as a subject does.
ASKER_COORDINATED = re.compile(
    r"(?:^\s*|,\s*)" + _asker_pattern() + r"(?=" + COORDINATED_REQUEST.pattern.removeprefix("^") + ")"
)


def _named_without_title() -> str:
    return rf"\b(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+{_NAME}[\s,]*(?:{ADVERBS}[\s,]*)*$"


# "ông Trần Văn Bảo đề nghị ...": a person the article gives no title, asking.
NAMED_WITHOUT_TITLE_BEFORE = re.compile(_named_without_title())

# Who issues a directive, a resolution or a conclusion ("Ban Bí thư nêu rõ trong Chỉ thị: ...").
INSTRUMENT_ISSUER = re.compile(r"\b(?:Ban Bí thư|Bộ Chính trị|Chính phủ|Trung ương|Quốc hội)\b")


def _issued(piece: str, match: re.Match[str]) -> bool:
    """A body issues the instrument quoted after the colon, and, when the instrument speaks itself,
    what follows is a demand ("Xác định ...", "Tập trung ..."), not its review of the past ("Chỉ
    thị nêu rõ: Sau 12 năm thực hiện ...")."""
    if not INSTRUMENT_ISSUER.search(piece[: match.end()]):
        return False
    return not match.group("instrument") or bool(INSTRUMENT_DEMAND.match(piece, match.end()))


INSTRUMENT_DEMAND = re.compile(
    r"(?i:xác định|coi|tập trung|tiếp tục|đẩy mạnh|tăng cường|chủ động|nâng cao|đổi mới|phát huy|thúc đẩy|mở rộng"
    r"|hoàn thiện|bảo đảm|đảm bảo|các cấp|mọi cấp)(?!\w)"
)


# "thời gian tới", "năm 2024", "hàng đầu": a task named for the time ahead, not one looked back on.
FORWARD_CONTEXT = re.compile(
    r"\b(?:thời gian tới|sắp tới|năm tới|năm nay|giai đoạn tới|nhiệm kỳ tới|trước mắt|hàng đầu|bao trùm|đặt ra"
    r"|(?:trong|cho) năm "
    r"(?:19|20)\d\d)\b",
    re.I,
)

# Who a soft request ("mong muốn các Đại sứ ...") may ask: Vietnam's own missions, ministries,
# localities and businesses. A wish about an outcome ("mong muốn sẽ có thêm dự án") or about a
# partner ("mong muốn Hàn Quốc ...") names none of them and is no course of action.
DOMESTIC_ADDRESSEE = re.compile(
    # after the time it is wished for: "mong muốn trong nhiệm kỳ này, các Đại sứ sẽ ..."
    r"^\s*(?:(?:trong|thời gian|năm|nhiệm kỳ)\b[^,.;:]{0,30},\s*)?(?:với\s+)?(?:các|những|mỗi|từng|quý|toàn)?\s*"
    r"(?:vị\s+|tân\s+)?(?:[cC]án bộ(?: ngoại giao)?(?!\w)|"
    r"(?:[đĐ]ại sứ(?: quán)?|[tT]rưởng [cC]ơ quan đại diện|[cC]ơ quan đại diện|[tT]ổng [lL]ãnh sự quán|[pP]hái đoàn"
    r"|[bB]ộ|ngành|địa phương|tỉnh|thành phố|[sS]ở|doanh nghiệp|[hH]iệp hội|đơn vị|[nN]gành ngoại giao)(?!\w))"
)


def _soft_request(piece: str, match: re.Match[str]) -> int | None:
    """ "Chủ tịch UBND tỉnh mong muốn các Đại sứ tiếp tục hỗ trợ tỉnh ...": a wish that Vietnam's
    own missions, ministries or localities act, as a request is."""
    rest = piece[match.end() :]
    if not DOMESTIC_ADDRESSEE.match(rest) or FOREIGN_ADDRESSEE.match(rest) or FOREIGN_CORPS.match(rest):
        return None
    asked = _asker_before(piece, match)
    if asked is None and PROVINCE_WISHES.match(piece, 0, match.start()):
        return match.end() + len(rest) - len(rest.lstrip(" ,:"))
    return asked


# A province that wishes, as its leader speaks for it: "Tỉnh mong muốn các cơ quan đại diện ...", "Vì vậy,
# tỉnh mong các Đại sứ ..." (the leader named before is its speaker).
PROVINCE_WISHES = re.compile(
    r"\s*(?:(?:Vì vậy|Vì thế|Do đó|Do vậy|Bởi vậy|Đồng thời|Ngoài ra|Bên cạnh đó),?\s*)?"
    rf"(?:[Tt]ỉnh|[Tt]hành phố|TP)(?:\s+[{UPPER_CASE}]\w*){{0,3}}\s+(?:cũng\s+|rất\s+)?$"
)


# The foreign diplomatic corps, named in the addressee: "mong muốn các Đại sứ, phu nhân, đại diện các
# Đại sứ quán, tổ chức quốc tế tiếp tục quan tâm ...", "các Đại sứ nước ngoài tại Việt Nam".
FOREIGN_CORPS = re.compile(r"^[^.;:]{0,80}?\b(?:tổ chức quốc tế|tại Việt Nam|nước ngoài tại|phu nhân)\b")


# Who a leader assigns a task to: "giao Sở Ngoại vụ chủ trì ...", "giao cho các sở, ngành ...",
# "giao nhiệm vụ cho các Đại sứ quan tâm ...".
ASSIGNED_BODY = (
    r"(?:các\s+)?(?:Sở|Bộ|UBND|Ủy ban|Ban|Văn phòng|Cục|Vụ|sở|bộ|ngành|địa phương|đơn vị|[đĐ]ại sứ|[tT]rưởng [cC]ơ quan"
    # ("giao các cơ quan liên quan tiếp thu, xử lý ...", "giao các cơ quan chức năng ...")
    r" đại diện|[cC]ơ quan(?: đại diện)?|[tT]hương vụ|[tT]ổng [lL]ãnh sự)(?!\w)"
)
ASSIGNEE = re.compile(r"^\s*(?:nhiệm vụ\s+)?(?:cho\s+)?" + ASSIGNED_BODY)

# The body a task is handed to, before the verb that says what it is to do: "Phó Thủ tướng giao Bộ
# Ngoại giao chỉ đạo các cơ quan đại diện ...": the ministry is handed the task, not the one asking.
HANDED_TO = re.compile(r"(?<!\w)(?<![Nn]goại )giao(?:\s+nhiệm vụ)?(?:\s+cho)?\s+" + ASSIGNED_BODY + r"[^,;:.]{0,60}$")


# The body a task goes to, named before who hands it ("Đối với Bộ Ngoại giao, Thủ tướng giao nhiệm vụ
# chủ trì ..."), and the task after "giao nhiệm vụ".
BODY_NAMED_FIRST = re.compile(
    r"^\s*(?:Đối với|Với|Riêng)\s+(?:các\s+)?(?:Sở|Bộ|UBND|Ủy ban|cơ quan|bộ|sở|ngành|địa phương)\b"
)
TASK_AFTER_GIAO = re.compile(r"\s+nhiệm vụ\s+(?=(?:chủ trì|phối hợp|tham mưu|nghiên cứu|rà soát|xây dựng|tổng hợp)\b)")

# A task named as the one someone handed out: "nhiệm vụ (mà) Tổng Bí thư giao cho Bộ Ngoại giao".
TASK_GIVEN_BEFORE = re.compile(r"\b(?:nhiệm vụ|trọng trách|những việc|công việc)\s+(?:mà\s+)?$", re.I)

# A reception whose name is the handing over ("Thủ tướng tiếp và giao nhiệm vụ cho các Đại sứ ... nhiệm
# kỳ 2019 - 2022"): the ceremony, no task named.
CEREMONY_BEFORE = re.compile(r"\b(?:tiếp|gặp mặt|gặp gỡ|gặp|trao quyết định(?:\s+bổ nhiệm)?)\s+và\s*$")


def _assignment(piece: str, match: re.Match[str]) -> int | None:
    """ "Chủ tịch UBND tỉnh giao Sở Ngoại vụ chủ trì ...": a task handed to a department; also as a
    sentence of its own in a leader's conclusions ("Giao Bộ Ngoại giao chủ trì ...") and a plan's
    body in charge ("cơ quan chủ trì là Sở Tài chính, phối hợp ... bảo đảm ...")."""
    assignee = ASSIGNEE.match(piece[match.end() :]) or (
        # the body named first: "Đối với Bộ Ngoại giao, Thủ tướng giao nhiệm vụ chủ trì ..."
        TASK_AFTER_GIAO.match(piece, match.end()) and BODY_NAMED_FIRST.match(piece)
    )
    if not assignee or CEREMONY_BEFORE.search(piece, 0, match.start()):
        return None  # ("ngoại giao" holds "giao" too: most matches end here)
    asker = ASKER_BEFORE.search(piece, 0, match.start())
    if asker and TASK_GIVEN_BEFORE.search(piece, 0, asker.start()):
        return None  # "Đó là nhiệm vụ Tổng Bí thư giao cho Bộ Ngoại giao, ...": the task named, handed before
    rest = piece[match.end() :]
    in_charge = match.group(0).endswith(" là")  # a plan's "cơ quan chủ trì là ...", not what was done
    if in_charge and re.search(r"\b(?:đã|đang|vừa|được)\b", rest[:80]):
        return None
    imperative = (match.group(0) == "Giao" and not piece[: match.start()].strip(" ,")) or in_charge
    if not assignee or (_asker_before(piece, match) is None and not imperative):
        return None  # "Giao Bộ Ngoại giao chủ trì ...": a conclusion's own words, its speaker above
    return match.end() + len(rest) - len(re.sub(r"^\s*(?:nhiệm vụ\s+)?(?:cho\s+)?", "", rest))


# Who commits to a course for the time ahead: Vietnam's own bodies and "we" ("Bộ Ngoại giao sẽ
# tập trung ...", "ngành ngoại giao sẽ tiếp tục ...", "Thời gian tới, tỉnh chú trọng ..."), just
# before the cue; a forecast ("kim ngạch sẽ tiếp tục tăng") or a partner names none of them.
COMMITTING_ACTOR = re.compile(
    rf"(?:^|[,:;]\s*|\b(?:Theo\s+\S+(?:\s+\S+){{0,3}},\s*)"
    rf"|\b(?:khẳng định|cho biết|nhấn mạnh|nêu rõ)(?:\s+rằng)?\s+)"  # "Bộ trưởng khẳng định ngành ngoại giao sẽ ..."
    rf"(?:(?:trong\s+)?(?:thời gian tới|năm tới|năm nay|sắp tới),?\s+)?"
    # (also the service's staff: "... khẳng định trong thời gian tới các cán bộ ngoại giao sẽ tiếp tục ...")
    rf"(?:[Cc]húng tôi|(?:[Cc]ác|[Đđ]ội ngũ) cán bộ (?:ngoại giao|đối ngoại)"
    rf"|[Cc]húng ta|[Tt]ỉnh(?:\s+[{UPPER_CASE}]\w*)*|[Tt]hành phố(?:\s+[{UPPER_CASE}]\w*)*"
    # (also the ministry or the department named before: "Trong năm tới, Bộ sẽ tiếp tục ...")
    rf"|Bộ(?:\s+[{UPPER_CASE}]\w*(?:\s+\w+){{0,3}})?|[Nn]gành(?:\s+[Nn]goại giao)?|[Tt]oàn ngành|[Đđ]ịa phương|Sở"
    rf"(?:\s+(?:[{UPPER_CASE}]\w*|vụ|tỉnh|thành phố))*|Việt Nam|(?:[Hh]ệ thống (?:các )?|[Cc]ác )cơ quan đại diện"
    rf"|TP(?:\.?\s*[{UPPER_CASE}]\w*)*"
    # a ministry's department or steering board: "ông Nam cho biết Cục sẽ tập trung ...", "Ban Chỉ đạo sẽ tiếp tục ..."
    rf"|Cục(?:\s+[{UPPER_CASE}]\w*)*|Ban Chỉ đạo(?:\s+[{UPPER_CASE}]\w*)*"
    # Vietnam's embassy speaking through its envoy: "Trong năm 2024, Đại sứ quán sẽ tập trung ..."
    rf"|(?:[Đđ]ại sứ quán|[Tt]ổng [Ll]ãnh sự quán|[Tt]hương vụ)(?:\s+Việt Nam(?:\s+tại(?:\s+[{UPPER_CASE}]\w*)+)?)?"
    # the ministries together: "thời gian tới, Bộ Công Thương và các bộ, ngành sẽ tiếp tục ..."
    rf"|[Cc]ác bộ,\s*ngành(?:,\s*địa phương)?)(?:\s+(?:và|cùng)\s+các bộ,\s*ngành(?:,\s*địa phương)?)?"
    rf"\s+(?:cũng\s+|vẫn\s+)?$"
)
COMMITMENT_VERBS = ("tập trung", "chú trọng", "ưu tiên", "đẩy mạnh", "tăng cường")
# Verbs of a course that count only after "sẽ": "ngành ngoại giao sẽ phát huy “sức mạnh mềm” ...".
WILL_VERBS = (
    "phát huy",
    "thúc đẩy",
    "mở rộng",
    "nâng cao",
    "hoàn thiện",
    "triển khai",
    "đa dạng hóa",
    "đa dạng hoá",
    "tham mưu",  # "Năm 2024, Sở Ngoại vụ sẽ tham mưu cho UBND tỉnh tổ chức ..."
    # "Chúng tôi cũng sẽ chủ động phối hợp với các địa phương ..." (not a pledge to stand by, "sẽ hỗ trợ", "sẽ
    # đồng hành": tried as a row before and left out; nor "sẽ phối hợp ... tổ chức hội nghị ... vào ngày 26/6",
    # an event announced)
    "chủ động",
    "tích cực",
)
# What follows "sẽ tiếp tục" that is a state, not a course: "Việt Nam sẽ tiếp tục là điểm đến ...",
# "... được đánh giá cao", "chúng tôi sẽ tiếp tục gặp nhiều khó khăn".
NOT_A_COURSE_AFTER = re.compile(r"^\s*(?:là|được|bị|gặp|chịu|đối mặt|phải đối mặt|có|còn|đứng trước)\b")


def _commitment(piece: str, match: re.Match[str]) -> int | None:
    """ "Năm 2024, Bộ Ngoại giao sẽ tập trung thúc đẩy ...": a body commits to a course; without
    "sẽ", only when the piece names the time ahead ("Thời gian tới, tỉnh chú trọng ...")."""
    before = piece[: match.start()]
    if not COMMITTING_ACTOR.search(before) or FOREIGN_ADDRESSEE.search(before[-40:]):
        return None
    if not match.group(0).startswith("sẽ") and not FORWARD_CONTEXT.search(piece):
        return None
    if NOT_A_COURSE_AFTER.match(piece[match.end() :]):
        return None
    return match.start() + (len(match.group("will") or ""))


CUE_RULES: tuple[CueRule, ...] = (
    CueRule(
        "request",
        # not "Trưởng Ban chỉ đạo ..." (a body's name, which a title precedes)
        re.compile(
            r"(?<!\w)(?<![Bb]an )(?:"
            + "|".join(REQUEST_VERBS)
            + r"|Yêu cầu|Đề nghị)(?!\w)(?!\s+(?:đặt ra|của|này|đó|ấy|cao|rất|ngày càng)\b)"
            # "sự quan tâm, chỉ đạo trực tiếp của ...": a noun
            + r"(?!\s+(?:trực tiếp|sát sao|quyết liệt|kịp thời|đúng đắn|cụ thể|chặt chẽ|thường xuyên|sâu sát)\s+của\b)"
        ),
        _asker_before,
        "a leader or a body asks someone to act",
        1,
        "Thủ tướng yêu cầu các bộ, ngành vào cuộc quyết liệt để đưa chủ trương vào cuộc sống.",
    ),
    CueRule(
        "soft request",
        # also "mong muốn và tin tưởng trong nhiệm kỳ này, các Đại sứ sẽ ..."
        re.compile(r"(?<!\w)(?:bày tỏ\s+)?(?:mong muốn|mong|kỳ vọng)(?!\w)(?:\s+và\s+tin tưởng(?!\w))?(?:\s+rằng)?"),
        _soft_request,
        "a leader wishes that Vietnam's missions, ministries or localities act",
        2,
        "Chủ tịch UBND tỉnh mong muốn các Đại sứ tiếp tục quan tâm, hỗ trợ tỉnh kết nối với nhà đầu tư.",
    ),
    CueRule(
        "instrument",
        re.compile(
            r"(?<!\w)(?:chỉ rõ|nêu rõ|xác định)\s+(?:trong|tại)\s+(?:Chỉ thị|Nghị quyết|Kết luận|Chương trình hành"
            r" động)\b[^.:;]{0,40}:\s*"
            # the instrument speaking itself: "Chỉ thị của Ban Bí thư nêu rõ: Xác định ..."
            r"|(?<!\w)(?P<instrument>Chỉ thị|Nghị quyết|Kết luận|Chương trình hành động)\b[^.:;]{0,40}?\s(?:chỉ rõ|nêu"
            r" rõ|xác định|yêu cầu)\s*:\s*",
            re.I,
        ),
        lambda piece, match: match.end() if _issued(piece, match) else None,
        "a body's directive, resolution or conclusion quoted after a colon",
        2,
        "Ban Bí thư nêu rõ trong Chỉ thị: Coi ngoại giao kinh tế là nhiệm vụ trung tâm của ngành.",
    ),
    CueRule(
        "obligation",
        re.compile(r"(?<!\w)(?:nhất thiết phải|cần phải|cần|phải|có trách nhiệm)(?!\w)", re.I),
        _obligation,
        "what whoever is named must or should do, or is charged with",
        3,
        "Các địa phương cần chủ động kết nối với cơ quan đại diện ở nước ngoài.",
    ),
    CueRule(
        "exhortation",
        re.compile(r"(?<!\w)hãy(?!\w)(?!\s+còn\b)", re.I),  # (not "hãy còn", still)
        _obligation,
        "what a leader urges whoever is named to do",
        3,
        "Các đồng chí hãy là những người đi đầu trong việc kết nối doanh nghiệp với thị trường sở tại.",
    ),
    CueRule(
        "instruction",
        re.compile(r"(?<!\w)(?:nhấn mạnh|nêu rõ|chỉ rõ)(?!\w)"),
        _instruction,
        "a leader says what Vietnam's bodies are to do, with no verb of asking",
        3,
        "Bộ trưởng nêu rõ, thời gian tới, các cơ quan đại diện tiếp tục bám sát nhu cầu của địa phương.",
    ),
    CueRule(
        "task",
        re.compile(
            # also "việc cần làm ngay là ...", "điều cần làm trước mắt là ..."
            r"(?<!\w)(?:nhiệm vụ|trọng tâm|ưu tiên|(?:việc|điều) cần làm)(?!\w)[^,.;:!?]{0,60}?\s(?:vẫn\s+|sẽ\s+"
            r"|chính\s+|cũng\s+)?là\s+"
            r"(?!(?:một|nhiệm vụ|những|các|động lực|công việc|năm|thời điểm|giai đoạn)\b)"
            # what the task is like, not what it is: "nhiệm vụ đặt ra ... là rất nặng nề"
            r"(?!(?:rất|hết sức|vô cùng|cực kỳ|khá|nặng nề|to lớn|quan trọng|khó khăn|phức tạp|cấp bách)\b)",
            re.I,
        ),
        _task,
        "the task or priority for the time ahead, named as an action",
        4,
        "Thời gian tới, nhiệm vụ hàng đầu của ngành vẫn là giữ vững môi trường hòa bình.",
    ),
    CueRule(
        "assignment",
        # also a plan naming the body in charge: "cơ quan chủ trì là Sở Tài chính, phối hợp ... bảo đảm ..."
        re.compile(r"(?<!\w)(?<!được )[Gg]iao(?!\w)(?=\s)|(?<!\w)(?:cơ quan|đơn vị) chủ trì là(?=\s)"),
        _assignment,
        "a leader hands a task to a department",
        2,
        "Chủ tịch UBND tỉnh giao Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành hoàn thiện chương trình xúc tiến"
        " đầu tư.",
    ),
    CueRule(
        "commitment",
        re.compile(
            r"(?<!\w)(?P<will>sẽ\s+)?(?:(?:tiếp tục\s+)?(?:"
            + "|".join(COMMITMENT_VERBS)
            + r")|(?<=sẽ )tiếp tục|(?<=sẽ )(?:"
            + "|".join(WILL_VERBS)
            + r"))(?!\w)"
        ),
        _commitment,
        "one of Vietnam's bodies commits to a course for the time ahead",
        4,
        "Thời gian tới, Bộ Ngoại giao sẽ tập trung thúc đẩy đàm phán các hiệp định thương mại tự do mới.",
    ),
    CueRule(
        "named task",
        re.compile(
            r"\s(?:(?:đã\s+)?được\s+[^,.;:]{1,60}?\s+xác định\s+|(?:phải|cần)\s+được\s+(?:coi|xem|xác định)\s+|cũng\s+"
            r"|vẫn\s+|sẽ\s+|chính\s+)?là\s+(?:một\s+"
            r"(?:trong\s+(?:các|những)\s+)?)?(?:nhiệm vụ|giải pháp|ưu tiên|trọng tâm)"
            r"(?:\s+(?:trọng tâm|hàng đầu|quan trọng|then chốt|cấp bách|ưu tiên|xuyên suốt|trọng yếu|số một))+(?!\w)",
            re.I,
        ),
        _named_task,
        "an action named first, then said to be the task or priority ahead",
        4,
        "Trong năm 2024, thúc đẩy hợp tác về bán dẫn được Bộ Ngoại giao xác định là giải pháp trọng tâm.",
        demand_before=True,
    ),
    CueRule(
        "one_of",
        re.compile(
            r"(?:^\s*|(?<=, ))(?:Một trong (?:số )?(?:đó|những (?:giải pháp|nhiệm vụ|vấn đề|đề xuất|trọng tâm|ưu tiên"
            r"|định hướng)[^,.;]{0,20}?(?:đó|này))"
            r",? là (?:việc\s+)?|Trong (?:số )?đó,? có việc\s+"
            # "Theo ông Nam, một trong những việc thiết thực trước mắt là hỗ trợ ...": one of the tasks
            # ahead (the time ahead must be named: `_one_of`)
            r"|(?P<ahead>[Mm]ột trong những (?:việc|hoạt động|nhiệm vụ|giải pháp|ưu tiên)"
            r"(?:\s+[^,.;:]{1,40}?)? là (?:việc\s+)?))",
            re.I,
        ),
        _one_of,
        "one of the matters a leader has just raised",
        5,
        "Một trong số đó là việc tận dụng các hiệp định thương mại tự do đã ký.",
    ),
)

# ---------------------------------------------------------------------------------------------
# What is not a directive


@dataclass(frozen=True)
class NotRule:
    """A shape that holds a cue but no directive: its name, the pattern (on the sentence, or on
    the text before the cue), and an example."""

    name: str
    pattern: re.Pattern[str]
    where: str  # "sentence": the whole sentence; "before": the piece up to the cue; "after": the demand
    example: str
    rules: tuple[str, ...] = ()  # the cue rules it applies to; all when empty
    # cue rules for which it refuses only when a verb of saying follows what it found: "Các Đại sứ
    # cho rằng Việt Nam cần ..." is their view, "Bên cạnh đó, các Đại sứ cần tập trung ..." is asked of them
    spoken_for: tuple[str, ...] = ()


# Countries and organisations whose leaders' requests are theirs, not Vietnam's priorities.
PARTNERS = (
    "Nhật Bản",
    "Hàn Quốc",
    "Trung Quốc",
    "Hoa Kỳ",
    "Mỹ",
    "Nga",
    "Ấn Độ",
    "Australia",
    "Úc",
    "Pháp",
    "Đức",
    "Anh",
    "Singapore",
    "Lào",
    "Campuchia",
    "Thái Lan",
    "Indonesia",
    "Malaysia",
    "Philippines",
    "Brunei",
    "Myanmar",
    "Italy",
    "Hà Lan",
    "Israel",
    "Brazil",
    "Canada",
    "New Zealand",
    "EU",
    "ASEAN",
    "APEC",
    "Liên hợp quốc",
    "LHQ",
    "WTO",
    "IMF",
    "Ngân hàng Thế giới",
    "WB",
    "ADB",
)
FOREIGN_LEADER = re.compile(
    r"\b(?:Thủ tướng|Tổng thống|Bộ trưởng|Ngoại trưởng|Chủ tịch|Đại sứ|Tổng Thư ký|Tổng thư ký|Chính phủ|Quốc hội"
    r"|Lãnh đạo)"
    r"(?:\s+(?!tại\b)[^\s,.;:]+){0,2}?\s+(?:" + "|".join(PARTNERS) + r")\b"
    # (not the chair of a year's forum, which Vietnam hosts: "Chủ tịch SOM APEC 2017 Bùi Thanh Sơn")
    r"(?!\s+(?:19|20)\d{2}\b)"
)

# A soft request to a partner's envoy, not to Vietnam's own: "mong muốn Đại sứ Hàn Quốc ...".
FOREIGN_ADDRESSEE = re.compile(r"^(?:\s*[^\s,.;]+){1,4}?\s+(?:" + "|".join(PARTNERS) + r")\b")

NOT_DIRECTIVES: tuple[NotRule, ...] = (
    NotRule(
        "question",
        re.compile(r"\?\s*[”\"’)]*\s*$|^\s*[-–*•]?\s*(?:Thưa|PV|Phóng viên)\b|\b(?:làm gì|như thế nào|ra sao)\b"),
        "sentence",
        "Thưa Bộ trưởng, ngoại giao kinh tế cần làm gì trong năm tới?",
    ),
    NotRule(
        "lead-in of a list",
        re.compile(r":\s*[”\"]?\s*$"),
        "sentence",
        "Thứ trưởng đề nghị toàn ngành tập trung vào các nhiệm vụ sau:",
    ),
    NotRule(
        "a counted enumeration",
        re.compile(
            r"\b(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[“\"]?[^\s,.;:]+(?:\s+[^\s,.;:]+)?[”\"]?\s*:", re.I
        ),
        "after",
        "Lãnh đạo doanh nghiệp phải nhớ 3 điều: chọn người, chọn việc, chọn thời điểm.",
    ),
    NotRule(
        "principle or belief",
        re.compile(r"\b(?:nguyên tắc|niềm tin|tin tưởng|tin rằng|bao giờ cũng|hy vọng|quan điểm)\b", re.I),
        "before",
        "Chúng tôi tin rằng hợp tác phải dựa trên sự bình đẳng.",
        # (not who asks: "Thủ tướng bày tỏ tin tưởng và yêu cầu các bộ, ngành ...")
        ("obligation", "task", "commitment", "named task", "one_of"),
    ),
    NotRule(
        "another country's or the delegates' request",
        re.compile(
            # (not Vietnam's own side: "Về phía Bộ Ngoại giao, Thứ trưởng khẳng định Bộ sẽ ...")
            r"(?:\b[pP]hía\s+(?:bạn|(?!(?:Việt Nam|Bộ|Sở|UBND|Ủy ban|Chính phủ|Tỉnh|Thành phố|TP)\b"
            r"(?![^,.;:]{0,40}\b(?:"
            + "|".join(PARTNERS)
            + r")\b))["
            + UPPER_CASE
            + r"])|\bBạn\b|\b(?:Tổng thống|Ngoại trưởng|Quốc vương|Nhà vua|Ngài|nước chủ nhà)\b"
            # (not the envoys a leader receives: "Chiều 8-3, tiếp các đại sứ ..., Thủ tướng mong muốn ...")
            # (nor whom the asker thanks: "cảm ơn các ý kiến ... của các Đại sứ, đồng thời yêu cầu ...")
            # (nor the views the asker heard: "Lắng nghe các ý kiến ..., Thủ tướng giao ...")
            r"|\btại Việt Nam\b|(?<!tiếp )(?<!gặp )(?<!với )(?<!của )(?<!ơn )(?<!cho )(?<!nghe )(?<!thu )"
            r"\b(?:[cC]ác|[nN]hiều)\s+(?:đại"
            r" biểu|[đĐ]ại sứ|ý kiến|doanh"
            r" nghiệp|chuyên gia|nhà đầu"
            r" tư)\b"
            r"|^\s*(?:Đại biểu|Đại diện|Ý kiến)\b|\bđại biểu\s+[" + UPPER_CASE + r"])"
        ),
        "before",
        "Phía Nhật Bản đề nghị Việt Nam cần sớm hoàn tất thủ tục.",
        spoken_for=("obligation",),
    ),
    NotRule(
        "a business's or an association's proposal",
        # in the asker's own clause, or the one its title stands in ("Ông A, Tổng Giám đốc Tập đoàn X, đề nghị")
        re.compile(
            r"\b(?:[Hh]iệp hội|[Tt]ập đoàn|[Cc]ông ty|[Dd]oanh nghiệp|[Dd]oanh nhân|[Nn]hà đầu tư|[Tt]ổng [Gg]iám đốc"
            r"|[Gg]iám đốc điều hành|CEO)\b[^,;:]*(?:,\s*)?$"
        ),
        "before",
        "Chủ tịch Hiệp hội doanh nghiệp Nhật Bản đề nghị Việt Nam đơn giản hóa thủ tục cấp phép.",
        ("request", "soft request"),
    ),
    NotRule(
        "an expert's or an observer's view",
        re.compile(
            r"(?i:\b(?:theo|nhiều|các|một số|giới)\s+(?:các\s+|nhiều\s+)?(?:chuyên gia|nhà phân tích|nhà nghiên cứu"
            r"|nhà kinh tế|học giả|quan sát|phân tích))(?!\w)"
            # a scholar by degree: "PGS.TS Phạm Văn Đức, Học viện Ngoại giao, cho rằng ..."
            # (whose "PGS.TS" a glued-sentence cut may have split: "TS Phạm Văn Đức")
            r"|(?<!\w)(?:PGS|GS|TS|ThS)(?:\.|(?=\s+[" + UPPER_CASE + r"]))|\b(?:Tiến sĩ|Giáo sư|Phó Giáo sư)\b"
        ),
        "before",
        "Theo các chuyên gia, doanh nghiệp Việt Nam cần nâng cao năng lực cạnh tranh để tận dụng các FTA.",
    ),
    NotRule(
        "what another country needs",
        re.compile(r"\b(?:" + "|".join(PARTNERS) + r")\s*$"),
        "before",
        "Theo ông, Nhật Bản cần thêm nhiều lao động có tay nghề cao.",
        ("obligation",),
    ),
    NotRule(
        "another country's leader",
        FOREIGN_LEADER,
        "before",
        "Thủ tướng Nhật Bản đề nghị Việt Nam tạo điều kiện cho doanh nghiệp Nhật mở rộng đầu tư.",
    ),
    NotRule(
        "recalled from long before",
        re.compile(r"^\s*(?:Trước đây|Cách đây\s+[^,]{1,30}|Hồi\s+[^,]{1,30}|Nhiều năm trước),"),
        "sentence",
        "Cách đây một năm, Thủ tướng yêu cầu các bộ, ngành khẩn trương xây dựng chương trình hành động.",
    ),
    NotRule(
        "what was done",
        re.compile(r"^\s*(?:đã|vừa|từng)\b", re.I),
        "after",
        "Các nội dung Bộ trưởng yêu cầu đã được các đơn vị triển khai xong.",
    ),
    NotRule(
        "the list above, asked for again",
        re.compile(
            r"\b(?:trọng tâm|nhiệm vụ|giải pháp|nội dung|định hướng|ưu tiên|đề xuất)(?:\s+[^\s,.;]+)?\s+(?:trên|nêu"
            r" trên|kể trên|vừa nêu|này)\b",
            re.I,
        ),
        "after",
        "Bộ trưởng đề nghị các đơn vị thực hiện tốt các nhiệm vụ nêu trên.",
    ),
    NotRule(
        "a role, not an action",
        re.compile(
            r"\b(?:đi trước,?\s+mở đường|đi đầu|giữ vai trò|đóng vai trò|là cầu nối|là động lực|là trụ cột)\b"
            # ("cần đi đầu thúc đẩy xuất khẩu ...": taking the lead in an action is the action)
            r"(?!\s+(?:trong\s+)?(?:việc\s+)?" + NAMED_ACTION.pattern + ")"
            # what something must be, not do: "hội nhập quốc tế phải là sự nghiệp của toàn dân"
            r"|^\s*(?:nhất thiết phải|cần phải|cần|phải)\s+(?:luôn\s+)?là\s+"
            r"(?:sự nghiệp|trách nhiệm|nhiệm vụ|công việc)\b",
            re.I,
        ),
        "after",
        "Ngoại giao phải luôn đi trước, mở đường cho hợp tác.",
        ("obligation",),
    ),
)


# The rules on a whole sentence, and those on the text around its cue.
SENTENCE_REFUSALS = tuple(rule for rule in NOT_DIRECTIVES if rule.where == "sentence")
CUE_REFUSALS = tuple(rule for rule in NOT_DIRECTIVES if rule.where != "sentence")


def _refused(rule: NotRule, sentence: str, before: str, after: str, cue_rule: str = "") -> bool:
    if rule.rules and cue_rule not in rule.rules:
        return False
    text = {"sentence": sentence, "before": before, "after": after}[rule.where]
    if cue_rule in rule.spoken_for:
        return any(SAID_AFTER.search(text, match.end()) for match in rule.pattern.finditer(text))
    return bool(rule.pattern.search(text))


# A verb of saying or asking after who says it: "Các Đại sứ cho rằng ...", "nhiều doanh nghiệp kiến nghị ...".
SAID_AFTER = re.compile(SPEECH_VERBS.pattern + r"|\b(?:kiến nghị|mong muốn|bày tỏ|cho hay|đề xuất)\b")


# A heading: a short paragraph that no punctuation closes ("Năm 2020: Năm bản lề"), unless it
# quotes a person ("Bộ trưởng Bùi Thanh Sơn: ngoại giao kinh tế phải ...", a caption).
HEADING_WORDS = 15


def _heading(paragraph: str, people: list[Person]) -> bool:
    text = paragraph.strip()
    if text.endswith((".", "!", "?", "…", ";", "”", '"')) or len(text.split()) > HEADING_WORDS:
        return False
    label, colon, _ = text.partition(":")
    return not (colon and find_mentions(label, people))


# ---------------------------------------------------------------------------------------------
# Finding them


class Piece(NamedTuple):
    """A ';' piece of a sentence, with offsets in the body (a named tuple: built for every
    sentence of every article, three times faster than a frozen dataclass)."""

    start: int
    end: int
    sentence_start: int
    paragraph: int


# Sentences glued by a page that lost its line breaks: "... phức tạp hơn.Thấm nhuần ...".
# (The pattern opens with the stop, not with a look-behind, so that the regex engine skips to
# the next stop instead of trying the look-behind at every position; the cut is after the stop.)
GLUED_SENTENCE = re.compile(rf"[.!?](?<=[^\W\d_][.!?])(?=[{UPPER_CASE}])")


def _glued_cuts(paragraph: str) -> list[int]:
    """Where GLUED_SENTENCE cuts a paragraph (after each stop it matches), as its finditer finds
    them: tried only where one of its openings (the stops) is, found by `str.find`, which skips
    ahead faster than the regex engine's scan of the whole paragraph."""
    if _GLUED_OPENINGS is None:
        return [m.start() + 1 for m in GLUED_SENTENCE.finditer(paragraph)]
    places = []
    for opening in _GLUED_OPENINGS:
        at = paragraph.find(opening)
        while at >= 0:
            places.append(at)
            at = paragraph.find(opening, at + 1)
    cuts, end = [], 0
    for at in sorted(places):
        if at >= end and (glued := GLUED_SENTENCE.match(paragraph, at)):
            cuts.append(glued.start() + 1)
            end = glued.end()  # never empty: it holds an opening
    return cuts


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    end = len(paragraph.rstrip())
    if _INNER_STOP is not None and not _INNER_STOP.search(paragraph, 0, end - 1):
        # One sentence (most paragraphs): a break (a stop, white space, then a sentence's opening)
        # and a glued stop (a capital after it) both need a stop before the paragraph's last character.
        return [(0, end)] if end else []
    glued = _glued_cuts(paragraph)
    if not glued:  # no cut to add: `sentence_spans` holds no blank span
        return sentence_spans(paragraph)
    spans = []
    for start, end in sentence_spans(paragraph):
        cuts = [start, *(cut for cut in glued if start < cut < end), end] if glued else [start, end]
        spans += [(a, b) for a, b in zip(cuts, cuts[1:]) if paragraph[a:b].strip()]
    return spans


def _pieces(body: str, paragraphs: list[str], people: list[Person]) -> list[list[Piece]]:
    """The ';' pieces of every sentence, sentence by sentence (headings left out)."""
    sentences = []
    for index, (paragraph, offset) in enumerate(zip(paragraphs, paragraph_starts(paragraphs))):
        if _heading(paragraph, people):
            continue
        for start, end in _sentences(paragraph):
            framed = _framing_attribution(paragraph, start, end)
            if framed is None and paragraph.find(";", start, end) < 0:  # one piece: the sentence
                sentences.append([Piece(offset + start, offset + end, offset + start, index)])
                continue
            cuts = [start, end]
            if ";" in paragraph[start:end]:
                cuts = [start] + [start + m.end() for m in re.finditer(";", paragraph[start:end])] + [end]
            if framed is not None:
                cuts = sorted({*cuts, framed})
            sentences.append([Piece(offset + a, offset + b, offset + start, index) for a, b in zip(cuts, cuts[1:])])
    return sentences


# Characters the regex engine, ignoring case, takes for another letter whose lower case they are
# not ("ſ" for "s"): lower-cased text maps them to that letter, so a quick test never misses them.
_CASE_ALIKE = str.maketrans({"ſ": "s", "ı": "i"})


def lowered(text: str, low: str | None = None) -> str:
    """`text` in lower case, one character per character (offsets hold), for the quick tests
    (`low`: `text.lower()`, when the caller has it)."""
    low = text.lower() if low is None else low
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): one character each
        low = "".join(character.lower()[0] for character in text)
    return low.translate(_CASE_ALIKE) if "ſ" in low or "ı" in low else low


@lru_cache(maxsize=4)
def lowered_body(body: str) -> str:
    """`lowered(body)`, worked out once per body: the list finder's quick tests (its marker
    rules' hints) and the directive finder's cue openings both read the body lower-cased (its
    lower case kept from the body's keys, `text.lower_kept`)."""
    return lowered(body, lower_kept(body))


def _one_letter(op, arg) -> str | None:
    """A parsed item that matches one letter, in lower case ("[Bb]" is "b"), else None."""
    chars = [arg] if op is _sre.LITERAL else [a for o, a in arg if o is _sre.LITERAL] if op is _sre.IN else []
    if op is _sre.IN and len(chars) != len(arg):
        return None
    low = {lowered(chr(char)) for char in chars}
    return low.pop() if len(low) == 1 and len(next(iter(low))) == 1 else None


def _needed(items) -> frozenset[str] | None:
    """Words (in lower case) one of which every match of the parsed `items` holds, else None:
    a run of letters, or the words each branch of an alternation needs; the longest are kept."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if (letter := _one_letter(op, arg)) is not None:
            run += letter
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        inner: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            inner = _needed(arg[-1])
        elif op is _sre.ATOMIC_GROUP:
            inner = _needed(arg)
        elif op is _sre.BRANCH:
            branches = [_needed(branch) for branch in arg[1]]
            inner = None if None in branches else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _needed(arg[2])
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset([run]))
    return max(options, key=lambda words: min(map(len, words)), default=None)


@pattern_facts.kept
def cue_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The words one of which every match of a rule's pattern holds ("yêu cầu", "đề nghị", ...
    out of the request rule's pattern), lower case; None when the pattern needs no word."""
    words = _needed(list(_parser.parse(pattern.pattern, pattern.flags)))
    if not words:
        return None
    return frozenset(w for w in words if not any(o != w and o in w for o in words))  # "cần" covers "cần phải"


def cue_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A quick test derived from a rule's pattern: its `cue_words` ("yêu cầu|đề nghị|..."), to
    search in the lower-cased text. A piece it does not find has no match; None when the pattern
    needs no word."""
    words = cue_words(pattern)
    return None if words is None else re.compile("|".join(re.escape(word) for word in sorted(words)))


# A pattern that matches nowhere.
NEVER = "(?!)"


def any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds a text holding one of `words` (as a substring), the words grouped by
    their first letter ("c(?:hỉ thị|ần)|g(?:iao)|..."): the regex engine then tests one letter
    at a position where a flat alternation tried every word (two and a half times faster over the
    pieces of a sentence). Only whether it finds one is meant: not which, nor where."""
    by_letter: dict[str, list[str]] = {}
    words = sorted(set(words))
    if not words:
        return re.compile(NEVER)
    for word in words:
        by_letter.setdefault(word[:1], []).append(word[1:])
    return re.compile(
        "|".join(
            re.escape(first) if "" in rests else re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")"
            for first, rests in by_letter.items()
        )
    )


def spans_holding(test: re.Pattern[str], text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The numbers of the `spans` ((start, end) of `text`, in order, none overlapping the next)
    in which `test` finds a match, as `test.search(text[start:end])` would, with one scan of the
    whole text rather than a search of each span. `test` must be a quick test, a pattern with no
    anchor, look-around or word boundary (`cue_test`, `any_word`, extract's hints): a match it
    finds in `text` that lies within a span is then one in the span, and the reverse. A scan
    steps over a position only inside a match it reports, so a span that holds a match overlaps
    some reported one: a span no reported match overlaps holds none, and one that a reported
    match only straddles is searched on its own."""
    if test.fullmatch(""):  # a pattern that matches nothing matches in every span
        return set(range(len(spans)))
    ends = [end for _, end in spans]
    held: set[int] = set()
    asked: set[int] = set()
    for match in test.finditer(text):
        start, end = match.span()
        number = bisect.bisect_right(ends, start)  # the first span that ends after the match starts
        while number < len(spans) and spans[number][0] < end:
            span_start, span_end = spans[number]
            if span_start <= start and end <= span_end:
                held.add(number)
            elif number not in held and number not in asked:
                asked.add(number)
                if test.search(text, span_start, span_end):
                    held.add(number)
            number += 1
    return held


# Items that match no character: look-arounds and anchors ("(?<!\w)", "\b", "^").
_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
# At most this many openings are followed through a pattern; past it, the shorter ones are kept.
MAX_OPENINGS = 200


def _item_openings(op, arg, ignore_case: bool) -> list[tuple[str, bool]]:
    """The strings a parsed item's match may open with, each with whether the item's match is
    then that string exactly (so the next item's opening follows it); ("", False) when it may
    open with a character no literal names."""
    if op is _sre.LITERAL:
        return [(lowered(chr(arg)) if ignore_case else chr(arg), True)]
    if op is _sre.IN and all(o is _sre.LITERAL for o, _ in arg):
        return [(char, True) for char in {lowered(chr(a)) if ignore_case else chr(a) for _, a in arg}]
    if op is _sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group that changes no flag
        return _openings_of(arg[-1], ignore_case)
    if op is _sre.ATOMIC_GROUP:
        return _openings_of(arg, ignore_case)
    if op is _sre.BRANCH:
        return [opening for branch in arg[1] for opening in _openings_of(branch, ignore_case)]
    if op in _REPEATS:
        low, high, inner = arg
        once = [(text, exact and high == 1) for text, exact in _openings_of(inner, ignore_case)]
        return once + [("", True)] if low == 0 else once  # none of it, or its first time
    return [("", False)]


def _openings_of(items, ignore_case: bool) -> list[tuple[str, bool]]:
    """The strings every match of the parsed `items` opens with (as `_item_openings`)."""
    paths = [("", True)]
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if not any(exact for _, exact in paths):
            break
        item = _item_openings(op, arg, ignore_case)
        paths = [
            (text + more, then_exact) if exact else (text, False)
            for text, exact in paths
            for more, then_exact in (item if exact else [("", False)])
        ]
        paths = list(dict.fromkeys(paths))
        if len(paths) > MAX_OPENINGS:  # each is still an opening when cut where it is
            paths = list(dict.fromkeys((text, False) for text, _ in paths))
    return paths


@pattern_facts.kept
def cue_openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The strings one of which every match of `pattern` opens with, past its look-arounds and
    anchors ("giao", "Giao", "cơ quan", "đơn vị" out of the assignment rule's pattern); lower
    case when the pattern ignores case. None when a match may open with a character no literal
    of the pattern names ("\\s...")."""
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    openings = {text for text, _ in _openings_of(list(_parser.parse(pattern.pattern, pattern.flags)), ignore_case)}
    if not openings or "" in openings:
        return None
    return frozenset(o for o in openings if not any(other != o and o.startswith(other) for other in openings))


# What a glued stop opens with ("." "!" "?"), searched as written (None: its pattern is searched).
_GLUED_OPENINGS = None if GLUED_SENTENCE.flags & re.IGNORECASE else cue_openings(GLUED_SENTENCE)


def _stops_of(*patterns: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of the characters the patterns' matches may open with (`opening_characters`), or
    None when one of them may open with any."""
    characters: set[str] = set()
    for pattern in patterns:
        opens = opening_characters(pattern)
        if opens is None:
            return None
        characters |= opens
    return re.compile("[" + "".join(map(re.escape, sorted(characters))) + "]")


# The stops a sentence break (`text.sentence_spans`) or a glued stop (GLUED_SENTENCE) opens with:
# a paragraph without one before its last character is one sentence (`_sentences`).
_INNER_STOP = _stops_of(_SENTENCE_BREAK, GLUED_SENTENCE)

# Letters whose lower case depends on the letters around them ("Σ"): an opening holding one is
# not looked for in a lower-cased text, whose letters were lowered in their context.
_CONTEXT_CASED = frozenset("Σσς")


class CueScan:
    """The matches of several patterns in a text, each pattern's as its `finditer` finds them,
    pattern by pattern, with one search of the lower-cased text for all their openings
    (`cue_openings`; a pattern without any is stood for by its `cue_words`, and one without
    either is searched in every text). A pattern is tried with `match` only where one of its
    openings begins, from the end of its match before: one opening with a look-behind
    ("(?<!\\w)giao") is otherwise tried by the regex engine at every position. The search
    stops at every place one of the strings begins (not only where a scan of whole strings
    would); where several begin, it names one, and each of the others opens it or is opened by
    it: the patterns of all of them are tried there (a pattern tried where it does not match
    finds nothing)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self.opens: list[bool] = []  # whether pattern n is tried at its openings (else by finditer)
        self.everywhere: list[int] = []  # patterns searched in every text
        strings_of: list[tuple[int, frozenset[str]]] = []
        for number, pattern in enumerate(self.patterns):
            openings = cue_openings(pattern)
            self.opens.append(openings is not None and not any(_CONTEXT_CASED & set(o) for o in openings))
            if self.opens[-1]:
                strings = frozenset(lowered(o) for o in openings or ())
            else:  # a match holds a word with the spaces at its ends, or without them
                strings = frozenset(filter(None, (word.strip() for word in cue_words(pattern) or ())))
            if strings:
                strings_of.append((number, strings))
            else:
                self.everywhere.append(number)
        every = {string for _, strings in strings_of for string in strings}
        self.any = any_word(every)
        # the patterns one of whose strings begins where the search finds each string
        self.patterns_at: dict[str, tuple[int, ...]] = {
            found: tuple(
                n for n, strings in strings_of if any(found.startswith(s) or s.startswith(found) for s in strings)
            )
            for found in every
        }

    def hits(self, low: str) -> tuple[list[int], list[str]]:
        """Every place in the lower-cased text `low` where one of the strings begins (not only
        those a scan of whole strings stops at), and the string the search found there."""
        places: list[int] = []
        strings: list[str] = []
        search = self.any.search
        found = search(low)
        while found:
            places.append(found.start())
            strings.append(found.group())
            found = search(low, found.start() + 1)
        return places, strings

    def found(self, text: str, places: Sequence[int], strings: Sequence[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Each pattern's matches in `text` (pattern number, match), pattern by pattern; `places`
        and `strings`: the `hits` of `text` lower-cased."""
        tried: dict[int, list[int]] = {}
        for place, string in zip(places, strings):
            for number in self.patterns_at[string]:
                tried.setdefault(number, []).append(place)
        for number in sorted([*tried, *self.everywhere]) if self.everywhere else sorted(tried):
            pattern = self.patterns[number]
            if not self.opens[number]:  # its words are in the text: searched as a whole
                for match in pattern.finditer(text):
                    yield number, match
                continue
            match_at, end = pattern.match, 0
            for place in tried[number]:
                if place >= end and (there := match_at(text, place)):
                    yield number, there
                    end = there.end()  # never empty: it holds an opening


# The cue rules in the order `_cue` tries them (by precedence), their patterns searched together.
_RULES_IN_ORDER = tuple(sorted(CUE_RULES, key=lambda rule: rule.precedence))
_CUE_SCAN = CueScan([rule.pattern for rule in _RULES_IN_ORDER])


# A sentence that opens with the speaker's verb and names the speaker after it: "Nhấn mạnh công tác
# đối ngoại phải góp phần ..., Thủ tướng cho rằng ...", "Khẳng định phải luôn ..., Chủ tịch QH nhấn
# mạnh ngành ngoại giao cần ...": the framing clause and what the speaker then says are two pieces.
FRAMING_SPEECH = re.compile(r"\s*(?:Khẳng định|Nhấn mạnh|Cho rằng|Lưu ý|Chỉ rõ|Nêu rõ|Đánh giá)\b")
ATTRIBUTION_AFTER_FRAME = re.compile(
    r",\s*(?=" + _asker_pattern() + r"\s+(?:cũng\s+)?(?:" + SPEECH_VERBS.pattern.removeprefix(r"\b") + r"))"
)


def _framing_attribution(paragraph: str, start: int, end: int) -> int | None:
    """Where the speaker's own clause begins in a sentence a framing clause opens, else None."""
    if not FRAMING_SPEECH.match(paragraph, start):
        return None
    found = ATTRIBUTION_AFTER_FRAME.search(paragraph, start, end)
    return found.end() if found else None


def _cue(piece: str) -> Found | None:
    """The first cue of the highest-precedence rule that accepts it."""
    return next(_cues(piece), None)


def _cues(piece: str, hits: tuple[Sequence[int], Sequence[str]] | None = None) -> Iterator[Found]:
    """Every cue some rule accepts, highest precedence first: when the first is refused ("...
    thúc đẩy hợp tác phải vừa là động lực ..." is a role), a later one may still hold a demand
    ("Trọng tâm hàng đầu là tổ chức thành công ..."). `hits`: where the rules' openings begin
    in the piece (`_CUE_SCAN.hits`), when the body's were found at once."""
    places, strings = _CUE_SCAN.hits(lowered(piece)) if hits is None else hits
    for number, match in _CUE_SCAN.found(piece, places, strings):
        rule = _RULES_IN_ORDER[number]
        text_start = rule.accepts(piece, match)
        if text_start is not None:
            yield Found(
                rule.name, match.start(), match.end(), text_start, match.start() if rule.demand_before else None
            )


def _blocked_spans(body: str, lists: Sequence[StatementList]) -> list[tuple[int, int]]:
    """Where the lists stand: every item, and the lead-in before the first one."""
    spans = []
    for found in lists:
        spans += [(item.start, item.end) for item in found.items]
        first = found.items[0].start
        lead_in = body.rfind(found.cue, max(0, first - len(found.cue) - 400), first) if found.cue else -1
        if lead_in >= 0:
            spans.append((lead_in, lead_in + len(found.cue)))
    return spans


def _touches(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


class _Blocked:
    """Spans to test pieces against, as `_touches` does, by bisection: the spans sorted by start,
    and the furthest end among each prefix of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.furthest = list(itertools.accumulate((b for _, b in ordered), max))

    def touches(self, start: int, end: int) -> bool:
        before_end = bisect.bisect_left(self.starts, end)  # the spans starting before `end`
        return before_end > 0 and self.furthest[before_end - 1] > start


# "Thủ tướng chỉ rõ 5 nhóm nhiệm vụ, trong đó nhấn mạnh, ngành phải ...": what follows "trong
# đó" is one of them singled out, a directive of its own; the count before it leads in nothing here.
SINGLED_OUT = re.compile(r"\b(?:trong đó|đặc biệt là|nhất là)\b", re.I)


def _lead_in_part(sentence: str, cue: int) -> str:
    """The part of a sentence a count in it would lead in: all of it, or what follows the last
    "trong đó" before the cue (the count then leads in the set the cue's task is singled out of)."""
    singled = [m.end() for m in SINGLED_OUT.finditer(sentence, 0, cue)]
    return sentence[singled[-1] :] if singled else sentence


# A capitalised word is a name, never a count: "Hoàng Văn Nam yêu cầu" folds to "... nam yeu cau",
# which would read as "năm (5) yêu cầu".
CAPITALISED_WORD = re.compile(rf"(?<!\w)[{UPPER_CASE}]\w*")


def _announces_a_count(text: str) -> bool:
    """ "Bộ trưởng đề nghị tập trung vào 4 nhóm nhiệm vụ trọng tâm.": the lead-in of a list."""
    return announced(CAPITALISED_WORD.sub("X", text))[0] is not None


# Where a demand's own words end and the basis, manner or purpose it serves begins: "..., trên cơ
# sở bình đẳng, cùng có lợi", "..., qua đó góp phần ...", "nhằm ...". A directive, like a list
# item, is the action itself; its tail would make every directive resemble every other one.
# A verb of asking that ends its sentence, after whoever asked: "..., Thủ tướng đề nghị.".
ASKED_AT_END = r"(?:đề nghị|yêu cầu|lưu ý|chỉ đạo|căn dặn)\s*[.!]?\s*$"
DEMAND_TAIL = re.compile(
    # (not after "để": "phải nỗ lực hơn để góp phần xây dựng ..." would end on "để", its purpose cut off)
    r"(?<!\bđể),?\s+(?:trên cơ sở|theo hướng|với phương châm|thông qua đó|qua đó|nhờ đó|từ đó|góp phần|nhằm)\b"
    # and who said it, after it: "..., ông nói.", "...”, Thủ tướng nhấn mạnh."
    # (no quotation mark between: in "“... chức năng, nhiệm vụ của mình” - Tổng Bí thư nhấn mạnh." it is the dash)
    r"|[”\"]?\s*[,–-]\s*[^,;”\"]{0,60}?\b(?:nói|cho biết|nhấn mạnh|khẳng định|chia sẻ)\s*[.!]?\s*$"
    # or who asked it, named after it: "..., Thủ tướng đề nghị." (not "... đáp ứng yêu cầu.")
    rf"|[”\"]?\s*[,–-]\s*(?-i:[{UPPER_CASE}]|ông\b|bà\b)[^,;]{{0,60}}?\b{ASKED_AT_END}"
    # or after "theo": "..., theo ông.", "..., theo Bộ trưởng Bùi Thanh Sơn."
    r"|[”\"]?\s*,\s*theo\s+[^,;]{1,60}[.!]?\s*$",
    re.I,
)


# The words one of which every DEMAND_TAIL match holds (lower case; None: it needs none). It opens
# with no literal text and ignores case, so the engine tries it at every position; most demands
# hold none of these words and need no search.
DEMAND_TAIL_WORDS = cue_words(DEMAND_TAIL)


def _demand_end(body: str, start: int, end: int) -> int:
    if DEMAND_TAIL_WORDS is not None and not any(map(lowered_body(body)[start:end].__contains__, DEMAND_TAIL_WORDS)):
        return end
    tail = DEMAND_TAIL.search(body, start, end)
    return tail.start() if tail and len(body[start : tail.start()].split()) >= MIN_ACTION_WORDS else end


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    end = _demand_end(body, start, end)
    while start < end and (body[start].isspace() or body[start] in ",;:–-"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:.…"):
        end -= 1
    # a quotation that opened before the demand closes inside it: the words after the quote name who
    # said it ("“... nước ta phải tăng trưởng 2 con số”, Thủ tướng nêu rõ"), they are no part of it
    if (close := _quote_closed_in(body, start, end)) is not None:
        end = close + 1
    # a quotation that opened before the demand closes at its end: "... tới mọi thị trường”" is the demand
    closing = body[end - 1] if end > start else ""
    if (closing == "”" and "“" not in body[start:end]) or (closing == '"' and body.count('"', start, end) % 2):
        end -= 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:.…"):
            end -= 1
    return start, end


def _quote_closed_in(body: str, start: int, end: int) -> int | None:
    """Where a quotation opened before `start` (in its paragraph) closes before `end`, if it does."""
    if (close := body.find("”", start, end)) >= 0 and "“" not in body[start:close]:
        return close if body.rfind("“", body.rfind("\n", 0, start) + 1, start) >= 0 else None
    paragraph_start = body.rfind("\n", 0, start) + 1
    if (close := body.find('"', start, end)) >= 0 and body.count('"', paragraph_start, start) % 2:
        return close
    return None


@dataclass(frozen=True)
class Draft:
    """A directive before its speaker and year are read."""

    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    rule: str
    piece: Piece
    carried_from: Draft | None = None  # the request a paragraph carries on with no cue of its own
    lead_in: bool = False  # a request that leads in the paragraphs after it, no demand of its own


def _drafts(body: str, sentences: list[list[Piece]], blocked: list[tuple[int, int]]) -> list[Draft]:
    drafts: list[Draft] = []
    low = lowered_body(body)
    touches = _Blocked(blocked).touches
    for index, pieces in enumerate(sentences):
        sentence = body[pieces[0].sentence_start : pieces[-1].end]
        before_it = sentences[index - 1] if index else []
        prior = body[before_it[0].sentence_start : before_it[-1].end] if before_it else ""
        prior = prior if before_it and before_it[0].paragraph == pieces[0].paragraph else ""
        # the sentence before, when it drafted nothing: a view whose demand may go on here ("Nhiều ý kiến đề xuất ...")
        undrafted = (
            prior if prior and not (drafts and drafts[-1].piece.sentence_start == before_it[0].sentence_start) else ""
        )
        checked = False  # whether the sentence is one NOT_DIRECTIVES refuses whole: asked at its first cue
        previous: Draft | None = None
        for piece in pieces:
            if touches(piece.start, piece.end):
                previous = None
                continue
            text = body[piece.start : piece.end]
            if previous and (CONSEQUENCE.match(text) or PROHIBITION.match(text) or _a_noun_item(text)):
                drafts[-1] = previous = replace(previous, end=_trimmed(body, previous.start, piece.end)[1])
                continue
            hits = _CUE_SCAN.hits(low[piece.start : piece.end])
            # (a piece where no rule's opening begins has no cue: most pieces, asked nothing more)
            cues = _cues(text, hits) if hits[0] or _CUE_SCAN.everywhere else iter(())
            first = next(cues, None)
            if first is not None and not checked:
                if any(_refused(r, sentence, "", "") for r in SENTENCE_REFUSALS):
                    break
                checked = True
            if first is None:
                # "... cần A; B": B is asked too (not a clause that names its speaker: "Nhấn mạnh ... phải A,
                # Thủ tướng cho rằng đây là nhiệm vụ khó")
                if previous and len(text.split()) >= MIN_ACTION_WORDS and not SPEAKER_OPENS.match(text):
                    start, end = _trimmed(body, piece.start + _after_connective(text), piece.end)
                    drafts.append(previous := replace(previous, start=start, end=end, piece=piece))
                elif piece is not pieces[0] and (asked := _asked_on(body, sentence, pieces[0], piece, text)):
                    drafts.append(previous := asked)
                else:
                    previous = None
                continue
            if piece is pieces[0] and not prior and (handed := _handed_on(body, drafts, piece, text)):
                drafts.append(previous := handed)
                continue
            accepted = next(
                (
                    c
                    for c in itertools.chain([first], cues)
                    if _stands(body, sentence, pieces[0], piece, text, c)
                    and _member_of_set(text, c, prior)
                    and not _view_goes_on(undrafted, text, c)
                ),
                None,
            )
            if accepted is None:
                previous = None
                continue
            found = accepted
            if passed_on := _passed_on(body, drafts, previous, pieces, piece, text, found):
                drafts.append(previous := passed_on)
                continue
            start, end = _trimmed(body, piece.start + found.text_start, _demand_stop(piece, found))
            cue = Draft(
                start,
                end,
                text[found.start : found.end].strip(" :"),
                piece.start + found.start,
                piece.start + found.start + len(text[found.start : found.end].rstrip(" :")),
                found.rule,
                piece,
            )
            drafts.append(previous := cue)
    return drafts


# A paragraph that spells out the request ending the paragraph before, body by body: "Chính phủ yêu cầu
# các bộ, cơ quan, địa phương ... ¶ Theo đó, Bộ Ngoại giao chỉ đạo các cơ quan đại diện ...": the ministry
# is handed its part of the Government's request, and asks nothing of its own.
ACCORDINGLY = re.compile(r"\s*Theo đó,\s*")


def _handed_on(body: str, drafts: list[Draft], piece: Piece, text: str) -> Draft | None:
    """The request of the paragraph before carried on by a paragraph that opens "Theo đó," and a body
    handed a task, else None."""
    if not drafts or not ACCORDINGLY.match(text):
        return None
    request = drafts[-1].carried_from or drafts[-1]
    if request.rule not in ("request", "assignment") or drafts[-1].piece.paragraph != piece.paragraph - 1:
        return None
    opening = _after_connective(text)
    if not _body_tasked(text[opening:]):
        return None
    start, end = _trimmed(body, piece.start + opening, piece.end)
    return replace(request, start=start, end=end, piece=piece, carried_from=request)


# A body, named by its office alone, that directs those under it, right after a request or a task handed
# out, in the sentence's next ';' piece or opening the next paragraph: "Thủ tướng yêu cầu Bộ trưởng Bộ Công
# Thương chỉ đạo ...; Bộ trưởng Bộ Ngoại giao chỉ đạo các cơ quan đại diện ...", "Phó Thủ tướng giao Bộ Công
# Thương chủ trì ... ¶ Bộ Ngoại giao chỉ đạo các cơ quan đại diện ...": its part of that request, which
# asks it, not a direction of its own (a minister named, "Bộ trưởng Nguyễn Hồng Diên chỉ đạo ...", gives his own).
DIRECTS = re.compile(r"chỉ đạo", re.I)
SOMEONE_BY_NAME = re.compile(_NAME.replace("?P<name>", ""))  # a name, as metadata reads one (no group)


def _passed_on(
    body: str,
    drafts: list[Draft],
    previous: Draft | None,
    pieces: list[Piece],
    piece: Piece,
    text: str,
    found: Found,
) -> Draft | None:
    """The request before carried on by a body that directs those under it, else None."""
    if found.rule != "request" or not DIRECTS.fullmatch(text[found.start : found.end].strip(" :")):
        return None
    if previous is None and piece is pieces[0] and drafts and drafts[-1].piece.paragraph == piece.paragraph - 1:
        previous = drafts[-1]  # (the paragraph before ends with it)
    elif piece is pieces[0]:
        return None
    request = previous and (previous.carried_from or previous)
    if request is None or request.rule not in ("request", "assignment"):
        return None
    opening = _after_connective(text)
    opening += len(text[opening:]) - len(text[opening:].lstrip())
    if not _body_tasked(text[opening:]) or SOMEONE_BY_NAME.search(text, opening, found.start):
        return None
    start, end = _trimmed(body, piece.start + opening, piece.end)
    return replace(request, start=start, end=end, piece=piece, carried_from=request)


# A clause that opens with who speaks and their verb of saying: "Thủ tướng cho rằng ...".
SPEAKER_OPENS = re.compile(r"\s*(?:" + _asker_pattern() + r")(?:\s+[^\s,;:]+){0,4}?\s+(?:" + SPEECH_VERBS.pattern + ")")


# A ';' piece that asks with no asker of its own, in a sentence a person opens: "Tổng Bí thư ... chỉ
# rõ tầm quan trọng của phối hợp 3 trụ cột: A - B - C; đề nghị Đảng ủy Bộ Ngoại giao tiếp tục ...",
# "Bộ trưởng ghi nhận ...; đề nghị các đơn vị ...". (Not a body's own report going on: "Tỉnh Thanh
# Hóa đã báo cáo ...; đề nghị Bộ Ngoại giao hỗ trợ ...".)
ASKED_ON = re.compile(
    r"^\s*(?:(?:đồng thời|và)\s+)?(?:cũng\s+)?(?P<verb>" + "|".join(REQUEST_VERBS) + r")\s+(?:với\s+)?(?=\S)"
)
# (after the lede's date and place, too: "Ngày 10/1, tại Hà Nội, Bộ trưởng ... chỉ rõ ...: A - B; đề nghị ...")
PERSON_OPENS = re.compile(
    r"^\s*(?:[^,;:]{0,200},\s*){0,3}(?:(?:" + _TITLE_RE + ")" + _ORG + "|" + SOMEONE_BY_NAME.pattern + r")(?=\s)"
)


def _asked_on(body: str, sentence: str, first: Piece, piece: Piece, text: str) -> Draft | None:
    """The request of a ';' piece that opens with the verb of asking, asked by the person who opens
    the sentence, when no row of NOT_DIRECTIVES refuses it."""
    if not (asked := ASKED_ON.match(text)):
        return None
    person = PERSON_OPENS.match(body[first.start : first.end])
    if not person or PROCEDURAL.match(text, asked.end()):
        return None
    after, asker = text[asked.end() :], person.group(0)  # (what the asker did in between asks nothing)
    if any(_refused(r, sentence, "", "") for r in SENTENCE_REFUSALS) or any(
        _refused(r, sentence, asker, after, "request") for r in CUE_REFUSALS
    ):
        return None
    start, end = _trimmed(body, piece.start + asked.end(), piece.end)
    if _word_count(body[start:end]) < MIN_ACTION_WORDS:
        return None
    return Draft(
        start,
        end,
        asked.group("verb"),
        piece.start + asked.start("verb"),
        piece.start + asked.end("verb"),
        "request",
        piece,
    )


# "Trong đó có việc tiếp tục đổi mới tư duy ...": one of the set of tasks the sentence before named
# ("Tổng Bí thư nhấn mạnh tám nhóm biện pháp mà ngành cần tập trung thúc đẩy trong thời gian tới.");
# after anything else ("Năm qua đạt nhiều kết quả. Trong đó có việc ký kết ...") it is no task.
SET_MEMBER = re.compile(r"^\s*Trong (?:số )?đó,? có việc\s+", re.I)
SET_OF_TASKS = re.compile(
    r"\b(?:nhiệm vụ|giải pháp|biện pháp|trọng tâm|ưu tiên|định hướng)\b[^.]*"
    r"\b(?:cần|phải|thời gian tới|sắp tới|năm tới)\b",
    re.I,
)


# ", trong đó có việc ..." within a sentence: one of the set the sentence has just named, a task
# when it named tasks or asked ("Thủ tướng yêu cầu làm tốt các việc sau, trong đó có việc ..."),
# a result when it named what was done ("Thủ tướng ghi nhận Bộ đã có nhiều đóng góp, trong đó có
# việc nâng cấp quan hệ ...").
SET_MEMBER_WITHIN = re.compile(r"Trong (?:số )?đó,? có việc\s+", re.I)


def _member_of_set(text: str, found: Found, prior: str) -> bool:
    if found.rule != "one_of":
        return True
    if SET_MEMBER.match(text):
        return bool(SET_OF_TASKS.search(prior))
    if SET_MEMBER_WITHIN.match(text, found.start):
        before = text[: found.start]
        return bool(SET_OF_TASKS.search(before)) or _cue(before) is not None
    return True


# A demand with no subject of its own that goes on with the sentence before: "Nhiều ý kiến đề xuất tập trung
# ... . Đồng thời, cần thúc đẩy ...": the delegates' view goes on, and is theirs as the sentence before is.
GOES_ON = re.compile(r"\s*(?:(?:Đồng thời|Bên cạnh đó|Ngoài ra|Cùng với đó|Mặt khác|Theo đó),?\s*)?$")
VIEW_REFUSALS = tuple(rule for rule in CUE_REFUSALS if rule.where == "before")


def _view_goes_on(prior: str, text: str, found: Found) -> bool:
    """Whether a demand no one asks, opening the sentence after a view that no row lets stand (another
    side's, the delegates', an expert's), goes on with that view."""
    if not prior or found.rule in ASKED or not GOES_ON.match(text[: found.start]):
        return False
    if SOMEONE_NAMED.search(prior) and not FOREIGN_LEADER.search(prior):
        return False  # "Các doanh nghiệp là lực lượng nòng cốt, Thủ tướng nhấn mạnh.": a leader's words go on
    return any(_refused(rule, prior, prior, "", found.rule) for rule in VIEW_REFUSALS)


# A ';' piece this short after a demand names one more field of it, not another demand: "... tăng
# cường hợp tác trong các lĩnh vực văn hóa; giáo dục - đào tạo; khoa học, kỹ thuật".
NOUN_ITEM_WORDS = 4


def _a_noun_item(text: str) -> bool:
    return len(re.findall(r"[^\W\d_]+", text)) <= NOUN_ITEM_WORDS and _cue(text) is None


# The setting of a request, before whoever asks: "Tại buổi làm việc với Hiệp hội doanh nghiệp Nhật Bản
# tại Việt Nam, Thủ tướng yêu cầu ...", "Với quan điểm ..., Thủ tướng đề nghị ...": the partner it
# names is not the one asking (unless a side is named: "Về phía Nhật Bản, ...").
SETTING_CLAUSE = re.compile(
    r"^\s*(?:Tại|Trong|Với|Phát biểu|Nhân|Thay mặt)\b(?![^,;:]*\b(?:[pP]hía|[Bb]ạn)\b)[^,;:]{0,200},\s*(?="
    + _asker_pattern()
    + ")"
)


def _stands(body: str, sentence: str, first: Piece, piece: Piece, text: str, found: Found) -> bool:
    """Whether a cue found in a piece makes a directive: it leads in no counted list, no row of
    NOT_DIRECTIVES refuses it, and at least MIN_ACTION_WORDS words of action follow it."""
    before, after = text[: found.start], text[found.text_start :]
    if _announces_a_count(_lead_in_part(sentence, piece.start + found.start - first.sentence_start)):
        return False
    if found.rule in ASKED and (setting := SETTING_CLAUSE.match(before)):
        before = before[setting.end() :]  # who asks is after the setting, which names whom they met
    if any(_refused(r, sentence, before, after, found.rule) for r in CUE_REFUSALS):
        return False
    start, end = _trimmed(body, piece.start + found.text_start, _demand_stop(piece, found))
    if found.text_end is not None:
        return _word_count(body[start:end]) >= MIN_ACTION_WORDS
    return _word_count(body[piece.start + found.end : end]) >= MIN_ACTION_WORDS


_WORD = re.compile(r"\w+")


def _word_count(text: str) -> int:
    """Words, not what white space separates: "- - ," after a cue is no action of three words."""
    return len(_WORD.findall(text))


def _demand_stop(piece: Piece, found: Found) -> int:
    return piece.end if found.text_end is None else piece.start + found.text_end


# A paragraph that carries on a request of the paragraph before, naming the same addressee and
# asking with no cue of its own: "Thủ tướng yêu cầu các cơ quan đại diện nắm chắc tình hình. ¶
# Các cơ quan đại diện theo dõi sát chính sách thương mại của nước sở tại, ...". The addressee
# must be named again (at least this many words, the first a plural or "mỗi"), and what follows
# it must be an action, not a report of what was done ("Các cơ quan đại diện đã tổ chức ...").
CARRIED_ADDRESSEE_WORDS = 3
ADDRESSEE_OPENING = re.compile(r"^(?:các|những|mỗi|từng)\s", re.I)
NOT_CARRIED_AFTER = re.compile(r"^\s*(?:là|có|cũng là)\b|^[^,;.]*?\b(?:đã|đang|được|vừa|từng|chưa|không|bị)\b", re.I)


def _addressee_named_again(request: str, text: str) -> int | None:
    """Where the action begins in `text` when it opens with `request`'s addressee, else None."""
    if not ADDRESSEE_OPENING.match(request):
        return None
    mine, theirs = re.findall(r"\S+", text), re.findall(r"\S+", request)
    same = 0
    while same < min(len(mine), len(theirs)) and key(mine[same]) == key(theirs[same]):
        same += 1
    if same < CARRIED_ADDRESSEE_WORDS:
        return None
    end = [m.end() for m in re.finditer(r"\S+", text)][same - 1]
    return None if NOT_CARRIED_AFTER.match(text[end:]) else 0


def _carried(
    body: str, sentences: list[list[Piece]], drafts: list[Draft], blocked: list[tuple[int, int]]
) -> list[Draft]:
    """The first sentence of each paragraph that carries on the request (or the task handed out)
    ending the paragraph before."""
    last_of_paragraph = {d.piece.paragraph: d for d in drafts if d.rule in ("request", "assignment")}
    drafted = {d.piece.sentence_start for d in drafts}
    carried, seen = [], set()
    for pieces in sentences:
        paragraph, first = pieces[0].paragraph, pieces[0]
        request = last_of_paragraph.get(paragraph - 1)
        if paragraph in seen or request is None or first.sentence_start in drafted:
            seen.add(paragraph)
            continue
        seen.add(paragraph)
        sentence = body[first.sentence_start : pieces[-1].end]
        if any(_refused(r, sentence, "", "") for r in SENTENCE_REFUSALS):
            continue
        for piece in pieces:
            text = body[piece.start : piece.end]
            opening = _after_connective(text)
            if _touches(piece.start, piece.end, blocked) or len(text.split()) < MIN_ACTION_WORDS:
                break
            if (
                piece is first
                and _addressee_named_again(body[request.start : request.end], text[opening:]) is None
                and not _body_tasked(text[opening:])
            ):
                break
            start, end = _trimmed(body, piece.start + opening, piece.end)
            carried.append(replace(request, start=start, end=end, piece=piece, carried_from=request))
            last_of_paragraph.setdefault(paragraph, request)  # the next paragraph may go on with it
    return carried


# A paragraph after a request that hands the next task to a body of its own: "Thủ tướng yêu cầu
# Thường trực Ban chỉ đạo phối hợp ... ¶ Bên cạnh đó, Văn phòng Ban chỉ đạo phối hợp với ... tập
# hợp ... ¶ Bộ Công Thương chủ trì ...": a ministry, office or committee, then a verb of a task,
# with nothing done ("đã", "được") in between.
BODY_TASKED = re.compile(
    r"^(?:Bộ|Văn phòng|Ngân hàng Nhà nước|UBND|Ủy ban|Ban|Cục|Sở|Thường trực|[Cc]ác bộ|[Cc]ác cơ quan đại diện"
    r"|[Cc]ác (?:địa phương|tỉnh|sở|ngành|đơn vị)|[Cc]ác Đại sứ quán)\b"
    r"(?:[^,.;:]|,\s*(?:thành phố|ngành|địa phương)\b){0,60}?\s"
    r"(?:chủ trì|phối hợp|khẩn trương|tiếp tục|tăng cường|đẩy mạnh|nghiên cứu|rà soát|hướng dẫn|hoàn thiện|chủ động"
    r"|theo dõi|tập hợp|triển khai|đề xuất|thúc đẩy|tập trung|đôn đốc|nắm chắc|kịp thời|chỉ đạo)\b"
)


def _body_tasked(text: str) -> bool:
    found = BODY_TASKED.match(text)
    return found is not None and not re.search(r"\b(?:đã|đang|được|vừa|từng)\b", found.group(0))


# A sentence that goes on with the course the sentence before set, with no subject and no cue of
# its own: "Tỉnh sẽ tập trung quảng bá hình ảnh ... . Ưu tiên thu hút các dự án công nghệ cao.
# Chú trọng thu hút vốn ...", also as the next paragraph after a request or a commitment ("Thủ
# tướng chỉ đạo các bộ, ngành ... ¶ Trong đó, tập trung tạo đột phá ..."). It opens with a verb
# of action; one that names what something is ("Thúc đẩy hợp tác là nhiệm vụ ...") or what was
# done ("đã") goes on with nothing.
BARE_ACTION = re.compile(
    # (also "Cùng với đó, khẩn trương ...", and "Đồng thời kết nối ..." with no comma)
    r"^\s*(?:(?:Đồng thời|Bên cạnh đó|Ngoài ra|Trong đó|Cụ thể|Cùng với đó),?\s*)?(?i:ưu tiên|chú trọng|tập trung|đẩy"
    r" mạnh|tăng cường|tiếp tục|nâng cao|kết nối|rà soát"
    r"|khuyến khích|thúc đẩy|chủ động|mở rộng|hoàn thiện|phát huy|đa dạng hóa|đa dạng hoá|làm tốt"
    # ("... nắm chắc tình hình sở tại. Kịp thời tham mưu ... . Tích cực hỗ trợ doanh nghiệp ...")
    r"|tích cực|khẩn trương|kịp thời|quyết liệt|bám sát|tháo gỡ|nắm chắc|tận dụng|khai thác|giữ vững"
    # ("... cần kiên định ... . Đổi mới, linh hoạt hơn nữa ... ¶ Cùng với đó, khắc phục ...")
    r"|đổi mới|khắc phục|cải thiện|củng cố|đẩy nhanh)(?!\w)"
)
# A paragraph that opens by adding one more to the demand before it: "Cùng với đó, đẩy mạnh ...".
ADDED_ON = re.compile(r"\s*(?:Cùng với đó|Bên cạnh đó|Đồng thời|Ngoài ra),?\s")
NOT_BARE_ACTION = re.compile(
    r"\b(?:là|đã|đang|được|vừa)\b"
    # the report going on, not the course: "Tiếp tục chương trình làm việc, chiều 12/3, ..."
    r"|^\s*Tiếp tục (?:chương trình|chuyến thăm|chuyến công tác|phiên|kỳ họp|hội nghị|buổi|các hoạt động)"
)


def _continued(
    body: str, sentences: list[list[Piece]], drafts: list[Draft], blocked: list[tuple[int, int]]
) -> list[Draft]:
    """Sentences that go on, verb first, with the directive of the sentence before in their paragraph."""
    by_sentence = {d.piece.sentence_start: d for d in drafts}
    found: list[Draft] = []
    for index, (before, pieces) in enumerate(zip(sentences, sentences[1:])):
        previous = by_sentence.get(before[0].sentence_start)
        if previous is None and index and CONSEQUENCE.match(body[before[0].start : before[-1].end]):
            # "Đặc biệt, cần A. Qua đó, kéo ... ¶ Cùng với đó, đẩy mạnh B": what A brings is no demand between them
            previous = by_sentence.get(sentences[index - 1][0].sentence_start)
        if previous is None or pieces[0].sentence_start in by_sentence:
            continue
        if (
            pieces[0].paragraph != before[0].paragraph
            and (previous.carried_from or previous).rule not in ASKED + ("commitment",)
            and not ADDED_ON.match(body, pieces[0].start)
        ):
            continue  # into the next paragraph only after a request or a commitment, or as one more ("Cùng với đó,")
        piece = pieces[0]
        text = body[piece.start : pieces[-1].end]
        # or, after a request or a task handed out, a body handed the next task: "Phó Thủ tướng chỉ
        # đạo: Bộ Ngoại giao chủ trì ... . Các địa phương chủ động xây dựng ..."
        tasked = (previous.carried_from or previous).rule in ("request", "assignment") and _body_tasked(
            text[_after_connective(text) :]
        )
        if not (tasked or (BARE_ACTION.match(text) and not NOT_BARE_ACTION.search(text))) or _touches(
            piece.start, pieces[-1].end, blocked
        ):
            continue
        start, end = _trimmed(body, piece.start + _after_connective(text), pieces[-1].end)
        origin = previous.carried_from or previous
        by_sentence[piece.sentence_start] = draft = replace(
            origin, start=start, end=end, piece=piece, carried_from=origin
        )
        found.append(draft)
    return found


# The verb of asking a piece repeats after the request it goes on with: "... đề nghị tỉnh tiếp tục
# cải cách ...; đồng thời đề nghị các Đại sứ làm cầu nối ...": the second demand is what follows it.
# "...; giao Bộ Công Thương chủ trì ...": a task handed out after the one before is what follows the body's name.
REPEATED_ASK = re.compile(
    r"(?:cũng\s+)?(?:(?:" + "|".join(REQUEST_VERBS) + r")(?:\s+với)?\s+"
    r"|giao(?:\s+nhiệm vụ)?(?:\s+cho)?\s+(?=(?-i:" + ASSIGNED_BODY + r")))",
    re.I,
)


def _after_connective(text: str) -> int:
    """Where a piece's own words begin, past a connective ("Đồng thời, ...") and the verb of
    asking it repeats."""
    connective = CONNECTIVE.match(text)
    start = connective.end() if connective else len(text) - len(text.lstrip())
    repeated = REPEATED_ASK.match(text, start)
    return repeated.end() if repeated else (connective.end() if connective else 0)


# ---------------------------------------------------------------------------------------------
# Speaker, year, repeats

INSTRUMENT_ASKER = re.compile(INSTRUMENT_ASKS + rf"[\s,]*(?:{ADVERBS}[\s,]*)*$")
_INSTRUMENT = INSTRUMENT_ASKS.removeprefix(r"\b")  # (after a word of its own)
INSTRUMENT_SAYS = re.compile(
    r"\s*(?:Theo\s+" + _INSTRUMENT + r"\s*,|" + _INSTRUMENT + r"\s+(?:cũng\s+)?(?:nêu rõ|chỉ rõ|nhấn mạnh|xác định)\b)"
)
# Who issues or signs an instrument: "Chính phủ ban hành Nghị quyết ...", "Thủ tướng vừa ký Công điện ...".
ISSUES = re.compile(r"\b(?:ban hành|ký|phê duyệt|có)\s+(?:ban hành\s+)?(?:" + _INSTRUMENT + ")")


def _issuer(body: str, draft: Draft, people: list[Person]) -> str | None:
    """Who issued the instrument that asks: named in its own sentence, else the last to issue or sign
    one in the paragraphs above ("Ngày 5/3, Chính phủ ban hành Nghị quyết ... ¶ Nghị quyết yêu cầu ...")."""
    first = max(0, draft.piece.paragraph - SPEAKER_LOOKBACK_PARAGRAPHS)
    window = body[_paragraph_start(body, first) : draft.cue_start]
    issued = list(ISSUES.finditer(window))
    if not issued:
        return None
    last = issued[-1]
    opens = max(window.rfind(".", 0, last.start()) + 1, window.rfind("\n", 0, last.start()) + 1)
    closes = min(at for at in (window.find(".", last.end()), window.find("\n", last.end()), len(window)) if at >= 0)
    # a leader whose conclusions it carries: "Văn phòng Chính phủ ban hành Thông báo ... kết luận của Phó Thủ
    # tướng Trần Lưu Quang ..." is his
    if concluded := CONCLUSIONS_OF.search(window, last.start(), closes):
        led = [m for m in find_mentions(window[concluded.end() : closes], people) if m.name]
        if led:
            return led[0].name
    # (a body as the clause names it: "Chính phủ", not the "Chính phủ ban" its words run on to)
    clause = window[opens : last.start()]
    named = sorted([*find_mentions(clause, people), *find_bodies(clause)], key=lambda m: m.end)
    return (named[-1].name or named[-1].title) if named else None


CONCLUSIONS_OF = re.compile(r"\bkết luận\s+của\s+")


def _speaker(
    body: str, draft: Draft, people: list[Person], previous: Draft | None = None, previous_speaker: str | None = None
) -> str | None:
    """The asker of a request; else the person or body the sentence attributes it to before
    the cue ("Theo Bộ trưởng ...", "... cho rằng", "Name: ..."); else the last attribution in
    the paragraphs above. "Theo ông, ..." is the person named last before it."""
    before = body[draft.piece.sentence_start : draft.cue_start]
    if draft.rule in ASKED:
        asker = _last_mention(before, people, body)
        if asker:
            return asker
        if INSTRUMENT_ASKER.search(before) and (issuer := _issuer(body, draft, people)):
            return issuer  # "Nghị quyết yêu cầu ...": who issued it, named before
    if INSTRUMENT_SAYS.match(before) and (issuer := _issuer(body, draft, people)):
        return issuer  # "Chỉ thị nêu rõ, các bộ, ngành cần ...", "Theo Nghị quyết, ..."
    if (
        draft.rule == "instrument"
        and (  # "Chỉ thị của Ban Bí thư nêu rõ: ...": the issuer named in the cue
            issuers := find_bodies(body[draft.piece.sentence_start : draft.cue_end], body)
        )
    ):
        return issuers[-1].name or issuers[-1].title
    if (source := THEO_ASKED.match(before)) and (
        asked_by := _people_and_bodies(source[0], people, body, attributed=False)
    ):
        return asked_by[-1].name or asked_by[-1].title
    named = _people_and_bodies(before, people, body, attributed=True)
    if named and FORMER.search(before, 0, named[-1].start):
        return None  # "..., nguyên Thứ trưởng Bộ Ngoại giao, cho rằng, ... phải ...": an opinion, no office's demand
    if named:
        return named[-1].name or named[-1].title
    if FRAMING_SPEECH.match(body, draft.piece.sentence_start) and (
        framed := _people_and_bodies(body[draft.piece.end : draft.piece.end + 120], people, body, attributed=True)
    ):  # "Khẳng định phải ..., Chủ tịch Quốc hội nhấn mạnh ...": who speaks comes after the framing clause
        return framed[0].name or framed[0].title
    after = body[draft.end : draft.piece.end]  # "..., Thủ tướng nhấn mạnh."
    if said_after := _people_and_bodies(after, people, body, attributed=True):
        return said_after[0].name or said_after[0].title
    if ASKED_AFTER.search(after) and (asked_after := _people_and_bodies(after, people, body, attributed=False)):
        return asked_after[0].name or asked_after[0].title  # "..., Thủ tướng chỉ đạo."
    if quoted_by := _quote_attribution(body, draft, people):
        return quoted_by
    if said_last := _said_at_sentence_end(body, draft, people):
        return said_last
    if re.search(r"\b(?:ông|bà)\s+(?:nói|cho biết|nhấn mạnh|khẳng định)|\btheo\s+(?:ông|bà)\b", after):
        return _last_person(body[: draft.piece.sentence_start], people)
    if re.match(r"^\s*(?:Theo\s+)?(?:ông|bà|đồng chí)\b", before, re.I):
        return _last_person(body[: draft.piece.sentence_start], people)
    if unknown := SAID_BY_UNKNOWN.search(before):
        # "..., ông Tuấn cho biết ...": a person named before in full ("bà Hằng" is Nguyễn Minh Hằng), or
        # someone the article names no more fully
        who = unknown.group("who")
        known = [p.name for p in people if p.name and (p.name == who or p.name.endswith(" " + who))]
        return known[-1] if known else who
    if LEADER_UNNAMED.search(before) and SAYING.search(before):
        # "Lãnh đạo Chính phủ ... nhấn mạnh chương trình cần ...": the leader the article has named
        return _last_person(body[: draft.piece.sentence_start], people)
    if previous is not None and previous.piece.paragraph == draft.piece.paragraph:
        # "Thủ tướng yêu cầu, mỗi Trưởng Cơ quan đại diện cần ... . Trọng tâm hàng đầu là ...": the
        # asker goes on; the addressee named in between is no speaker.
        return previous_speaker
    first = max(0, draft.piece.paragraph - SPEAKER_LOOKBACK_PARAGRAPHS)
    paragraph_start = _paragraph_start(body, first)
    window = body[paragraph_start : draft.piece.sentence_start]
    named = _people_and_bodies(window, people, body, attributed=True)
    said = max(paragraph_start + named[-1].end if named else 0, previous.end if previous and previous_speaker else 0)
    if STATISTICS_SINCE.search(body, max(said, paragraph_start), draft.piece.sentence_start):
        return None  # "... ¶ Theo số liệu của Tổng cục Hải quan, ... ¶ ... doanh nghiệp cần ...": the writer's
    if (
        previous is not None
        and previous.piece.paragraph >= first
        and (not named or paragraph_start + named[-1].start < previous.end)
        and previous_speaker
    ):  # "Thủ tướng chỉ đạo ... . [¶] Các bộ, ngành ... phải ...": the last to ask goes on asking
        # (whom it asks is no speaker), unless a source named since ("Theo báo cáo tại hội nghị, ...")
        return previous_speaker
    if named:
        return named[-1].name or named[-1].title
    if interviewee := _interviewee(body, draft.piece.paragraph, people):
        return interviewee
    # (not when the sentence names someone the article does not, "..., ông Sơn cho biết cần ...", or
    # another source: "Theo báo cáo, các cơ quan đại diện cần ...")
    if SOMEONE_NAMED.search(before) or THEO_OPENING.match(before):
        return None
    if (chair := _chair(body, draft, people)) or draft.rule != "commitment":
        return chair
    # a ministry that commits, with nobody else said to speak: "Vụ Phát triển thị trường nước ngoài (Bộ
    # Công Thương) cho biết, thời gian tới, Bộ Công Thương sẽ tiếp tục ..." is the ministry's word
    committed = find_bodies(before, body)
    return (committed[-1].name or committed[-1].title) if committed else None


# A paragraph of figures the writer cites, after whoever spoke: what follows is the writer's analysis.
STATISTICS_SINCE = re.compile(r"\n\s*Theo (?:số liệu|thống kê|dữ liệu)\b")


# Who chairs the meeting a demand follows, in the paragraph before it: "Tối 22/7, Thủ tướng Phạm Minh
# Chính chủ trì hội nghị ... ¶ Các cơ quan đại diện cần ..." is his demand.
CHAIRS = re.compile(r"\b(?:chủ trì|phát biểu chỉ đạo|phát biểu kết luận|kết luận)\b")
CHAIR_LOOKBACK_PARAGRAPHS = 1
SOMEONE_NAMED = re.compile(rf"\b(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+[{UPPER_CASE}]|{_TITLE_RE}")


def _chair(body: str, draft: Draft, people: list[Person]) -> str | None:
    first = max(0, draft.piece.paragraph - CHAIR_LOOKBACK_PARAGRAPHS)
    window = body[_paragraph_start(body, first) : draft.piece.sentence_start]
    chairs = [m for m in find_mentions(window, people) if m.name and CHAIRS.match(window, m.end + 1)]
    return chairs[-1].name if chairs else None


# A question put to whom an interview is with: "PV: ...", "Xin Đại sứ cho biết ...?", "..., thưa Thứ trưởng?".
INTERVIEW_QUESTION = re.compile(
    r"^\s*(?:[-–*•]\s*)?(?:PV|Phóng viên)\b|^\s*(?:[-–*•]\s*)?Xin\s.*\?\s*$|\b[Tt]hưa\s.*\?\s*$|\bcho biết\b.*\?\s*$"
)


@lru_cache(maxsize=4)
def _questions(body: str) -> tuple[int, ...]:
    """The paragraphs that put a question to whom an interview is with, in order."""
    return tuple(i for i, text in enumerate(body.split(PARAGRAPH_BREAK)) if INTERVIEW_QUESTION.search(text))


def _interviewee(body: str, paragraph: int, people: list[Person]) -> str | None:
    """Who answers an interview's questions: the person named last before the first question
    ("Nhân dịp năm mới, Đại sứ ... Phạm Quang Hiệu dành cho phóng viên cuộc trao đổi ... ¶ Xin
    Đại sứ ...?"), for an answer with nobody named in the paragraphs above it."""
    questions = _questions(body)
    if not questions or questions[0] >= paragraph:
        return None
    return _last_person(body[: _paragraph_start(body, questions[0])], people)


def _people_and_bodies(text: str, people: list[Person], body: str, *, attributed: bool) -> list[Mention]:
    """Mentions of people and bodies in `text`, in order; a body that holds a person's name
    ("Bộ Ngoại giao Bùi Thanh Sơn") is that person, and "lãnh đạo Bộ Ngoại giao" is not the body."""
    persons = attributions(text, people) if attributed else find_mentions(text, people)
    bodies = body_attributions(text, body) if attributed else find_bodies(text, body)
    if not bodies:  # nothing to tell apart from the people named
        return sorted(persons, key=lambda m: (m.end, m.start))
    named = [p for p in (find_mentions(text, people) if attributed else persons) if p.name]
    bodies = [
        b
        for b in bodies
        if not any(p.start < b.end and b.start < p.end for p in named)
        and not re.search(
            r"\b(?:lãnh đạo|đại diện|thủ trưởng|cán bộ|người đứng đầu)\s*$", text[max(0, b.start - 20) : b.start], re.I
        )
    ]
    persons = [
        p for p in persons if p.name or not any(b.start <= p.start and p.end <= b.end for b in bodies)
    ]  # "Ban Bí thư"
    # "Thủ tướng Chính phủ kết luận": the body is part of the title, the speaker the title's holder
    bodies = [
        b
        for b in bodies
        if not any(p.start <= b.start and b.end <= p.end and p.end - p.start > b.end - b.start for p in persons)
    ]
    return sorted([*persons, *bodies], key=lambda m: (m.end, m.start))


def _last_mention(before: str, people: list[Person], body: str) -> str | None:
    mentions = _people_and_bodies(before, people, body, attributed=False)
    if mentions and ADVERBS_ONLY.match(before[mentions[-1].end :]):
        return mentions[-1].name or mentions[-1].title
    if named := NAMED_WITHOUT_TITLE_BEFORE.search(before):  # "ông Trần Văn Bảo đề nghị"
        return named.group("name")
    for mention in reversed(mentions):  # "Đại sứ Nguyễn Minh Tâm cảm ơn ... và đề nghị"
        if COORDINATED_REQUEST.match(before[mention.end :]) and re.search(r"(?:^|,)\s*$", before[: mention.start]):
            return mention.name or mention.title
        if mention.name and APPOSED_TITLE.match(before, mention.end):  # "Phó Thủ tướng A, Trưởng Ban ..., yêu cầu"
            return mention.name
    if re.search(r"\b(?:ông|bà|đồng chí)\s*$", before, re.I):
        return _last_person(before, people)
    return None


# A title in apposition between the asker and the verb of asking: "Phó Thủ tướng Trần Hồng Hà, Trưởng Ban
# Chỉ đạo liên ngành, yêu cầu ...".
APPOSED_TITLE = re.compile(rf",\s*[{UPPER_CASE}][^,.;:!?]{{2,100}},[\s,]*(?:{ADVERBS}[\s,]*)*{WISHED}$")


# A source that names whose request or direction the demand follows: "Theo chỉ đạo của Phó Thủ tướng, các
# địa phương phải ...", "Theo yêu cầu của Thủ tướng, ...".
THEO_ASKED = re.compile(r"^\s*Theo\s+(?:yêu cầu|đề nghị|chỉ đạo|kết luận|ý kiến chỉ đạo)\s+của\s+[^,;:]{1,80},")


# A person named only by a given name, who says the demand: "..., ông Tuấn cho biết các địa phương cần ...".
SAID_BY_UNKNOWN = re.compile(
    rf"(?<!\w)(?:[ôÔ]ng|[bB]à)\s+(?P<who>[{UPPER_CASE}]\w*(?:\s+[{UPPER_CASE}]\w*){{0,3}})\s+(?:cũng\s+)?"
    r"(?:cho biết|cho rằng|nhấn mạnh|khẳng định|nói|nêu rõ|đề nghị|kiến nghị)\b"
)


# Who asked it, named after the demand: "..., Thủ tướng chỉ đạo.", "..., Bộ trưởng đề nghị.".
ASKED_AFTER = re.compile(r"\b" + ASKED_AT_END)


# A leader the article has named, spoken of by the office led: "Lãnh đạo Chính phủ nhấn mạnh ...".
LEADER_UNNAMED = re.compile(r"\b[Ll]ãnh đạo (?:Chính phủ|Nhà nước|Bộ|ngành|tỉnh|thành phố|Thành phố)(?!\w)")


# A title held before ("nguyên Thứ trưởng ..."): who holds it no longer speaks for the office.
FORMER = re.compile(r"\bnguyên\s*$")

# How far a quotation may run (over paragraphs) to the words naming who said it.
QUOTE_REACH = 1500


def _quote_attribution(body: str, draft: Draft, people: list[Person]) -> str | None:
    """Who said a demand quoted before the quote names them: "“Tham tán thương mại ... cần ... ¶
    ...” - Phó Thủ tướng ... phát biểu như trên tại ...", "“...”, Bộ trưởng nhấn mạnh."."""
    opened = body.rfind("“", max(0, draft.start - QUOTE_REACH), draft.start)
    if opened < 0 or body.find("”", opened, draft.start) >= 0:
        paragraph_start = body.rfind("\n", 0, draft.start) + 1  # or one in straight quotes, in its paragraph
        if not body.count('"', paragraph_start, draft.start) % 2:
            return None  # not inside a quotation
        closed = body.find('"', draft.end, body.find("\n", draft.end) % (len(body) + 1))
    else:
        closed = body.find("”", draft.end, draft.end + QUOTE_REACH)
    if closed < 0:
        return None
    tail = body[closed + 1 : closed + 120]
    if named_as := QUOTE_NAMED_AS.match(tail):  # "“...”. Đó là yêu cầu của Thủ tướng Phạm Minh Chính ..."
        named = [m for m in find_mentions(tail[named_as.end() :], people) if m.name]
        return named[0].name if named else None
    if not re.match(r"\s*[-–,]", tail):
        return None
    named = _people_and_bodies(tail, people, body, attributed=True)
    return (named[0].name or named[0].title) if named else None


# A quotation the next sentence says whose words it was: "“...”. Đó là yêu cầu của Thủ tướng ...".
QUOTE_NAMED_AS = re.compile(
    r"\s*\.?\s*(?:Đó|Đây) là (?:yêu cầu|chỉ đạo|đề nghị|lời nhắn nhủ|thông điệp|nhấn mạnh|khẳng định)"
    r"(?:\s+[^\s,.;:]+){0,3}?\s+của\s+"
)


# Who said a sentence of ';' pieces, named at its end ("..., nước ta phải tăng trưởng 2 con số; vì
# vậy, mọi ngành ... cũng phải ..., Thủ tướng nêu rõ."): a demand in any of its pieces is theirs.
SAID_AT_END = re.compile(r",\s*(?P<who>[^,;:.]{2,60}?)\s+(?:" + SPEECH_VERBS.pattern + r")\s*$")
SENTENCE_STOP = re.compile(r"[.!?…](?=\s|$)")


def _said_at_sentence_end(body: str, draft: Draft, people: list[Person]) -> str | None:
    end = body.find("\n", draft.piece.end)
    end = len(body) if end < 0 else end
    stop = SENTENCE_STOP.search(body, draft.piece.end, end)
    said = SAID_AT_END.search(body[draft.piece.end : stop.start() if stop else end])
    named = _people_and_bodies(said["who"], people, body, attributed=False) if said else []
    return (named[0].name or named[0].title) if named else None


def _last_person(text: str, people: list[Person]) -> str | None:
    """The person named last in `text`, with a title or as "ông Tô Anh Dũng"."""
    tail = text[-3000:]
    named = [(m.end, m.name) for m in find_mentions(tail, people) if m.name]
    named += [(m.end(), m.group("name")) for m in NAMED_PERSON.finditer(tail)]
    return max(named)[1] if named else None


# "ông Tô Anh Dũng", "bà Vũ Thị Bích Ngọc", "đồng chí Lê Thành Đô": a person the article gives no title.
NAMED_PERSON = re.compile(rf"\b(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+{_NAME}")


@lru_cache(maxsize=4)
def _paragraph_starts_of(body: str) -> list[int]:
    return paragraph_starts(body.split(PARAGRAPH_BREAK))


def _paragraph_start(body: str, paragraph: int) -> int:
    return _paragraph_starts_of(body)[paragraph]


def _target_year(body: str, draft: Draft, doc: Document) -> int | None:
    """A year written before the cue for the time ahead ("bước sang năm 2019, ... cần"), else
    the first year of a period not yet begun ("nhiệm kỳ 2026 – 2030"), else the statement year,
    the next one at a year-end conference (as for lists)."""
    before = body[draft.piece.sentence_start : draft.cue_start]
    if draft.piece.start <= draft.cue_start and draft.cue_end <= draft.start:  # (the demand of the cue's own piece)
        # also between the verb and the demand, or opening it: "yêu cầu trong năm 2024 toàn ngành phải ...",
        # "đề nghị, trong năm 2025, các đơn vị ..."
        opening = DEMAND_TIME.match(body, draft.start)
        before += ", " + body[draft.cue_end : opening.end() if opening else draft.start]
    for match in FORWARD_YEAR.finditer(before):
        year = int(next(group for group in match.groups() if group))
        if not REVIEWED_BEFORE.search(before[: match.start()]) and not (
            doc.statement_year and year < doc.statement_year
        ):
            return year
    if doc.statement_year and NEXT_YEAR_BEFORE.search(before):
        return doc.statement_year + 1
    # "trong nhiệm kỳ 2026 – 2030, tỉnh cần ..." stated before the term begins
    if "-" in before or "–" in before:  # a period is written with a dash
        upcoming = [
            int(m.group(1)) for m in CUE_PERIOD.finditer(before) if int(m.group(1)) > (doc.statement_year or 9999)
        ]
        if upcoming:
            return upcoming[0]
    return target_year("priority", "", doc)


# The same demand worded twice (a lede or a caption repeating the body): this share of the
# shorter one's words is in the other's.
SAME_WORDS = 0.8
# and this share of its word pairs, in the same order: two demands on one matter share words but
# not their wording ("mở rộng thị trường mới ở Trung Đông, châu Phi" and "tạo đột phá ở các thị
# trường mới, nhất là Trung Đông, châu Phi, Mỹ Latinh" are two).
SAME_PAIRS = 0.6


def _same(mine: str, theirs: str) -> bool:
    my_list, their_list = re.findall(r"\w+", key(mine)), re.findall(r"\w+", key(theirs))
    my_words, their_words = set(my_list), set(their_list)
    if len(my_words & their_words) < SAME_WORDS * max(1, min(len(my_words), len(their_words))):
        return False
    my_pairs, their_pairs = set(zip(my_list, my_list[1:])), set(zip(their_list, their_list[1:]))
    return len(my_pairs & their_pairs) >= SAME_PAIRS * min(len(my_pairs), len(their_pairs))


def _without_repeats(statements: list[Statement]) -> list[Statement]:
    """One statement per demand, in its fuller wording; worded alike, the later one (the body's,
    not the lede's that sums it up)."""
    kept: list[Statement] = []
    for statement in statements:
        twin = next((i for i, k in enumerate(kept) if _same(k.text, statement.text)), None)
        if twin is None:
            kept.append(statement)
        elif len(statement.text) >= len(kept[twin].text):
            kept[twin] = statement
    return sorted(kept, key=lambda s: s.start)


# A headline that may name a person: a title in it ("Thủ tướng", "Bộ trưởng", ...).
_TITLE_WORDS_SEEN = re.compile(_TITLE_RE)


def find_directives(doc: Document, lists: Sequence[StatementList] = ()) -> tuple[Statement, ...]:
    """Every unnumbered directive stated in `doc`, in reading order, none touching a list."""
    body = doc.body
    if not body:
        return ()
    people = list(doc.people) or find_people(body)
    # a person the headline names and the body only by title ("Thủ tướng Phạm Minh Chính: ..." over
    # "Thủ tướng yêu cầu ..."): the body's "Thủ tướng" is them
    if doc.title and _TITLE_WORDS_SEEN.search(doc.title):
        people += [p for p in find_people(doc.title) if p.name not in {q.name for q in people}]
    sentences = _pieces(body, doc.paragraphs, people)
    drafts = _all_drafts(body, sentences, _blocked_spans(body, lists))
    speakers: list[str | None] = []
    # A draft's speaker, for the drafts that carry it on: these come after it in reading order
    # (a later sentence), so it is settled first; a directive carried on is said by its origin's speaker.
    said_by: dict[int, str | None] = {}
    for d, previous in zip(drafts, [None, *drafts]):  # in reading order: a speaker goes on speaking
        if d.carried_from is not None:
            speaker = said_by[id(d.carried_from)]
        else:
            speaker = _speaker(body, d, people, previous, speakers[-1] if speakers else None)
        said_by[id(d)] = speaker
        speakers.append(speaker)
    # a business's or an association's head, and a partner's leader whose name reads as a Vietnamese one
    # ("Thủ tướng Trung Quốc Lý Cường ... ¶ Ông Lý Cường đề nghị ..."): the titles the article gave them
    # (asked only of a page with drafts)
    not_ours = (
        {
            p.name
            for p in people
            if p.name and p.title and (BUSINESS_TITLE.search(p.title) or FOREIGN_LEADER.search(p.title))
        }
        if drafts
        else set()
    )
    statements = [
        Statement(
            "priority",
            None,
            body[d.start : d.end],
            d.piece.paragraph,
            d.start,
            d.end,
            _target_year(body, d, doc),
            speaker,
            form="directive",
            cue=d.cue,
            cue_start=d.cue_start,
            cue_end=d.cue_end,
        )
        for d, speaker in zip(drafts, speakers)
        if (speaker or (d.rule in ASKED and d.rule != "soft request"))  # (a wish nobody is named making: the writer's)
        and not (d.lead_in and d.carried_from is None)
        # (what they ask, and what they say must be done: "Theo ông Cẩm, doanh nghiệp cần ...")
        and speaker not in not_ours
        and not _foreign(speaker)
        and not (d.rule in PROPOSED and ENVOY_ALONE.match(body, d.start) and _foreign_envoy_named(body))
    ]
    return tuple(_without_repeats(statements))


def _all_drafts(body: str, sentences: list[list[Piece]], blocked: list[tuple[int, int]]) -> list[Draft]:
    drafts = _drafts(body, sentences, blocked) + _lead_ins(body, sentences, blocked)
    drafts += _carried(body, sentences, drafts, blocked)
    return sorted(drafts + _continued(body, sentences, drafts, blocked), key=lambda d: d.start)


# A paragraph that ends by asking with a colon, when no list follows it ("Kết luận hội nghị, Thủ tướng
# yêu cầu: ¶ Các cơ quan đại diện tiếp tục bám sát ... ¶ Các bộ, ngành phối hợp ..."): the
# paragraphs after it carry the request on as they would after a request of their own.
# A leader's conclusions led in with no verb of asking: "Thủ tướng Chính phủ kết luận như sau:".
CONCLUDES = re.compile(r"(?P<verb>kết luận|chỉ rõ|nêu rõ|nhấn mạnh)(?:\s+như sau)?\s*:\s*$")


def _lead_ins(body: str, sentences: list[list[Piece]], blocked: list[tuple[int, int]]) -> list[Draft]:
    found = []
    for pieces, after in zip(sentences, sentences[1:]):
        last = pieces[-1]
        if after[0].paragraph != last.paragraph + 1 or not body[last.start : last.end].rstrip().endswith(":"):
            continue
        if _touches(pieces[0].sentence_start, last.end, blocked):
            continue  # the lead-in of a list the list finder read
        text = body[last.start : last.end]
        cue = next((c for c in _cues(text) if c.rule in ("request", "assignment")), None)
        if cue is None and (concluded := CONCLUDES.search(text)) and ASKER_BEFORE.search(text, 0, concluded.start()):
            cue = Found("request", concluded.start(), concluded.end("verb"), concluded.end())
        if cue is None or any(_refused(r, text, text[: cue.start], "", cue.rule) for r in CUE_REFUSALS):
            continue
        at = last.start + cue.end
        found.append(
            Draft(
                at, at, text[cue.start : cue.end].strip(" :"), last.start + cue.start, at, cue.rule, last, lead_in=True
            )
        )
    return found


# A person whose title names a business or an association: what they ask ("Chủ tịch Tập đoàn ... Long ...
# ¶ Ông Long kiến nghị Chính phủ ...", "Ông cũng kiến nghị ...") is their proposal, as the row "a business's or
# an association's proposal" reads it in the asker's own clause.
BUSINESS_TITLE = re.compile(
    # (not "doanh nghiệp" alone: "Chủ tịch Ủy ban Quản lý vốn Nhà nước tại doanh nghiệp" is an official)
    r"\b(?:[Hh]iệp hội|[Tt]ập đoàn|[Cc]ông ty|[Tt]ổng [Gg]iám đốc|[Gg]iám đốc điều hành|CEO|HĐQT)\b"
)
PROPOSED = ("request", "soft request")


# A syllable of a Vietnamese name, folded ("Nguyễn" -> "nguyen"): an onset, its vowels and a final consonant.
# A name with a word that is none ("Đại sứ Keijo Norvanto", "ông Mikazuki Taizo") is a foreign guest's, whose
# requests to a province or a ministry are no priority of Vietnam's.
VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]+(?:ch|ng|nh|[cmnpt])?"
)


def _foreign(speaker: str | None) -> bool:
    """Whether a word of the speaker's name, capitalised and in letters only, is no Vietnamese syllable."""
    return speaker is not None and any(
        word.isalpha() and word[0].isupper() and word[1:].islower() and not VIETNAMESE_SYLLABLE.fullmatch(fold(word))
        for word in speaker.split()
    )


# An envoy asked by office alone ("đề nghị Đại sứ thúc đẩy ...", "mong muốn Đại sứ quan tâm ..."): in an
# article that names a foreign ambassador ("Đại sứ Phần Lan tại Việt Nam Keijo Norvanto", "Đại sứ Nhật
# Bản ..."), the guest, whose part is no priority of Vietnam's.
ENVOY_ALONE = re.compile(r"[Đđ]ại sứ\s+(?![Qq]uán\b)(?=[^\W\d_" + UPPER_CASE + r"])")
FOREIGN_ENVOY = re.compile(
    r"\b[Đđ]ại sứ\s+(?:(?:" + "|".join(PARTNERS) + r")\b|[^,.;:]{1,30}?\btại Việt Nam\b"
    r"|(?P<name>[" + UPPER_CASE + r"]\w*(?:\s+[" + UPPER_CASE + r"]\w*){1,3}))"
)


def _foreign_envoy_named(body: str) -> bool:
    return any(not m["name"] or _foreign(m["name"]) for m in FOREIGN_ENVOY.finditer(body))


# Rules whose cue names who asks. A demand under any other rule that no person or body in the
# article states ("Doanh nghiệp cần ..." in a reporter's analysis) is the writer's, not a directive.
ASKED = ("request", "soft request", "assignment", "instrument", "instruction")
