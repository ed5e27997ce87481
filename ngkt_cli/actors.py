"""Whose priority a statement is: the nation's, a province's or city's, or another country's.

A thread follows one priority of one actor across years: a city's "làm mới các động lực tăng
trưởng truyền thống" (its shops and tourism) is not the national economic-diplomacy priority of
the same words, and an APEC host's priorities are not Vietnam's. The level is read, in this
order, from the statement's speaker, the words that open the statement (up to its verb of
asking: "UBND thành phố yêu cầu ...", "Sở Du lịch tập trung ..."), the lead-in of its list, and
the document's first paragraph when a local body is the one asking there. Whatever names no
local or foreign actor is national: the genre's default speaker is a ministry or the government.
Pure: text in, level out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NATIONAL = "national"
LOCAL = "local"
FOREIGN = "foreign"
LEVELS = (NATIONAL, LOCAL, FOREIGN)


def other_levels(level: str | None) -> str:
    """The levels but `level`, as a view that leaves them out names them: "local or foreign"."""
    return " or ".join(other for other in LEVELS if other != level)


# A province's or city's bodies and offices, written as the press writes them.
LOCAL_ACTOR = re.compile(
    r"\b(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)\b"
    r"|\bSở (?:[A-ZĐ]\w*)"
    r"|\b(?:[Tt]ỉnh|[Tt]hành phố|TP\.?) ?(?:[A-ZĐ]\w*)(?: [A-ZĐ]\w*)*(?=\s+(?:tiếp tục|đã|sẽ|cần|phải|yêu cầu|đề "
    r"nghị|chỉ đạo|tập trung|phấn đấu|đặt mục tiêu|đặt ra|đề ra|xác định|ưu tiên|đẩy mạnh|chủ động))"
    r"|\b(?:Hà Nội|Đà Nẵng|Hải Phòng|Cần Thơ|Huế)"
    r"(?=\s+(?:tiếp tục|sẽ|cần|phải|tập trung|phấn đấu|đặt mục tiêu|ưu tiên))"
    r"|\b(?:UBND|Ủy ban nhân dân) (?:tỉnh|thành phố|TP)\b"
    r"|\b(?:[Cc]hủ tịch|[Bb]í thư|[Gg]iám đốc) (?:UBND|HĐND|Tỉnh ủy|Thành ủy|Sở)\b"
)

# Countries other than Vietnam, as the actor of a priority ("Peru, nước chủ nhà APEC 2016, ...").
COUNTRIES = (
    "Mỹ|Hoa Kỳ|Trung Quốc|Nhật Bản|Hàn Quốc|Ấn Độ|Nga|Pháp|Đức|Anh|Úc|Australia|Canada|Singapore|Thái Lan|"
    "Malaysia|Indonesia|Philippines|Lào|Campuchia|Myanmar|Brunei|Peru|Chile|Papua New Guinea|New Zealand|Mexico|"
    "Brazil|Argentina|Italy|Tây Ban Nha|Hà Lan|Thụy Sĩ|Israel|Ả Rập Xê Út|UAE|Ai Cập|Nam Phi|Nigeria"
)
FOREIGN_ACTOR = re.compile(
    rf"\b(?:Tổng thống|Thủ tướng|Bộ trưởng|Ngoại trưởng|Chủ tịch|Quốc vương|Thủ hiến|Đại sứ)(?: [a-zđà-ỹ]+)* "
    rf"(?:{COUNTRIES})\b"
    rf"|\b(?:{COUNTRIES}),? (?:nước chủ nhà|chủ nhà|với tư cách chủ nhà|nước đăng cai)"
)

# Any country of COUNTRIES: every form of FOREIGN_ACTOR names one, so a text with none is not
# searched for a foreign actor (country names open with capitals, which the regex engine skips
# ahead to in C; FOREIGN_ACTOR's look-around is tried at every position).
_ANY_COUNTRY = re.compile(COUNTRIES)


def _foreign(text: str) -> bool:
    return _ANY_COUNTRY.search(text) is not None and FOREIGN_ACTOR.search(text) is not None


# The verbs that end the opening of a directive: who asks comes before them.
ASKING_WORDS = (
    "yêu cầu|đề nghị|chỉ đạo|giao|lưu ý|nhấn mạnh|cho rằng|cho biết|nêu rõ|tập trung|phấn đấu|tiếp "
    "tục|cần|phải|có trách nhiệm|ưu tiên|đặt mục tiêu"
).split("|")


def _at_word_starts(words: list[str]) -> str:
    """ "\\b(?:" + "|".join(words) + ")" for words that open with a letter, written so that the
    regex engine skips ahead in C to their first letters: grouped by first letter (in their
    order), the word boundary a look-behind after that letter ("y(?<!\\wy)(?:êu cầu)|...")."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(rests)})" for first, rests in groups.items()
    )


_ASKING = re.compile(rf"(?:{_at_word_starts(ASKING_WORDS)})\b")

# How much of a statement's opening may name its actor, in characters.
OPENING = 160


def _named(text: str | None) -> str | None:
    if not text:
        return None
    if _foreign(text):
        return FOREIGN
    if LOCAL_ACTOR.search(text):
        return LOCAL
    return None


def opening(text: str) -> str:
    """A statement's words up to its verb of asking, the verb included (who asks: "tỉnh Nghệ An
    tiếp tục"), within OPENING characters; "" when no verb of asking opens it."""
    head = text[:OPENING]
    found = _ASKING.search(head)
    return head[: found.end()] if found else ""


def actor_level(speaker: str | None, text: str, lead_in: str | None = None, document_lead: str | None = None) -> str:
    """national, local or foreign (see the module's description)."""
    return _level(speaker, text, lead_in, _named, lambda: bool(document_lead) and local_body_asks(document_lead or ""))


def _level(
    speaker: str | None,
    text: str,
    lead_in: str | None,
    named: Callable[[str | None], str | None],
    lead_asks: Callable[[], bool],
) -> str:
    for source in (speaker, opening(text), lead_in):
        if level := named(source):
            return level
    if _foreign(text[:OPENING]):  # "Peru, nước chủ nhà APEC 2016, ưu tiên ..."
        return FOREIGN
    if speaker:  # a named national speaker: the document's setting does not make it local
        return NATIONAL
    if lead_asks():
        return LOCAL
    return NATIONAL


def actor_levels(
    statements: Iterable[tuple[str | None, str, str | None]], document_lead: str | None
) -> dict[tuple[str | None, str, str | None], str]:
    """`actor_level` of each (speaker, text, lead-in) of one document: a speaker or list lead-in
    shared by several statements, and the document's lead, are read once."""
    named: dict[str | None, str | None] = {}
    asks: list[bool] = []

    def named_once(source: str | None) -> str | None:
        if source not in named:
            named[source] = _named(source)
        return named[source]

    def lead_asks() -> bool:
        if not asks:
            asks.append(bool(document_lead) and local_body_asks(document_lead or ""))
        return asks[0]

    return {found: _level(*found, named_once, lead_asks) for found in statements}


# What may stand between a local body and its verb in a document's lead: the place it governs
# ("Ủy ban nhân dân tỉnh ban hành ...", "UBND thành phố Đà Nẵng yêu cầu ...").
_ITS_PLACE = re.compile(r"\s*(?:(?:tỉnh|thành phố|TP\.?)(?: ?[A-ZĐ]\w*)?(?: [A-ZĐ]\w*)*\s+)?")

# A local body issuing the document's plan ("Ủy ban nhân dân tỉnh ban hành Kế hoạch ...") is the
# one asking in each of its tasks, as much as one that "yêu cầu".
_ISSUING = re.compile(r"ban hành\b")


# What a local body does in a lead when the tasks that follow are its own: asks, issues the plan
# or sets its tasks out ("Kế hoạch của UBND tỉnh Kon Tum nêu 7 nhiệm vụ", "Sở Ngoại vụ tỉnh Bình
# Dương cho biết"), after a few words of its name or place within one clause.
_LOCAL_VERB = re.compile(
    rf"(?P<gap>[^.;:\n]{{0,60}}?)(?:{_ASKING.pattern}|\b(?:ban hành|nêu|đề ra|đặt ra|đặt mục tiêu)\b)"
)

# A national leader or body named in the clause of a local body, before the verb, is the one
# asking ("đại diện UBND các tỉnh, thành phố, Thủ tướng nhấn mạnh ...", "Bộ trưởng làm việc với
# UBND tỉnh, đề nghị ...").
_NATIONAL_ASKER = re.compile(
    r"\b(?:Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Chính phủ|Bộ [A-ZĐ]|Tổng Bí thư|Chủ tịch nước)"
)


def local_body_asks(text: str) -> bool:
    """Whether a local body is the one asking in `text` ("UBND thành phố yêu cầu ...", "Ủy ban
    nhân dân tỉnh ban hành Kế hoạch ...", "UBND TP.HCM ban hành ...")."""
    text = text[:600]
    for found in LOCAL_ACTOR.finditer(text):
        place = _ITS_PLACE.match(text, found.end())  # "tỉnh", "thành phố": may match nothing
        verb = place.end() if place else found.end()
        if _ASKING.match(text, verb, verb + 40) or _ISSUING.match(text, verb):
            return True
        later = _LOCAL_VERB.match(text, verb)
        clause = text[max(text.rfind(c, 0, found.start()) for c in ".;:\n") + 1 : found.start()]
        if later and not _NATIONAL_ASKER.search(clause + " " + later.group("gap")):
            return True
    return False
