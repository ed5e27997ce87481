"""Stage 1 helper: bytes -> Unicode NFC text, or a clear reason why not.

Order matters: strict UTF-8 (with or without BOM) first, since it almost never decodes anything
else by accident; UTF-16 by BOM or by its pattern of zero bytes; then charset-normalizer, whose
guess on a short legacy file can be wrong (25 bytes of Windows-1258 came back as big5hkscs), so a
Windows-1258 reading that looks like Vietnamese is preferred over a guess that does not.
"""

from __future__ import annotations

import re

from .errors import RejectedInput
from .text import nfc

# Letters only Vietnamese uses, precomposed or as Windows-1258 writes them (base + combining mark).
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")

# Control characters that never appear in text (tab, newline and carriage return are allowed).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# CONTROL's characters as bytes: all of them ASCII (tests/test_decode.py checks every code point),
# so UTF-8 holds each as that one byte and no byte of a longer character is one of them.
_CONTROL_BYTES = bytes(code for code in range(128) if CONTROL.match(chr(code)))

# At most this share of control characters before a "text" is treated as binary.
MAX_CONTROL_SHARE = 0.01

# Documents that are not text, by their first bytes, whatever the file is called: what each is and
# what to do (a PDF or a Word file saved as `speech.txt` is no "binary file" to its owner).
NOT_TEXT = (
    (b"%PDF-", "a PDF, not text: convert it first (pdftotext -layout FILE)"),
    (b"PK\x03\x04", "a zip archive (a .docx or .odt?), not text: save it as text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) file, not text: save it as text first"),
)

# UTF-8 read as Windows-1252 (or Latin-1) and saved as UTF-8 again ("mojibake": "đ" -> "Ä‘", "ư" ->
# "Æ°", "ạ" -> "áº¡"): the lead byte of a Vietnamese letter's UTF-8 (C2-C6, CC, E1 BA/BB) shown
# as its Western letters. A file holding none of them is not garbled (a substring test a lead,
# where a regex scanning every character cost half the time of decoding an article).
MOJIBAKE_LEADS = ("Ã", "Ä", "Å", "Æ", "Â", "Ì", "áº", "á»")


def _western_byte(char: str) -> int:
    """The byte a Western (Windows-1252, else Latin-1) code page shows as CHAR; ValueError if none."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 256:
            return ord(char)  # Latin-1, or a byte Windows-1252 leaves undefined (0x81, 0x8D, ...)
        raise ValueError(char) from None


def _western_bytes(text: str) -> bytes | None:
    """The bytes a Western code page shows as TEXT, or None when a character is beyond it."""
    try:
        return text.encode("cp1252")  # fails at the first letter beyond it: early in a real article
    except UnicodeEncodeError as error:
        if ord(text[error.start]) > 0xFF:
            return None
    try:
        return bytes(map(_western_byte, text))
    except ValueError:
        return None


def _undo_mojibake(text: str) -> str:
    """The text a double-encoded UTF-8 file was written as; TEXT itself when it is not one (a
    character no Western code page has, bytes that are not UTF-8, or a reading that needs no
    letter beyond Latin-1, as Vietnamese does: ạ, ư, đ)."""
    if not any(lead in text for lead in MOJIBAKE_LEADS):
        return text
    data = _western_bytes(text)
    try:
        repaired = data.decode("utf-8") if data is not None else text
    except UnicodeDecodeError:
        return text
    return repaired if any(ord(char) > 0xFF for char in repaired) else text


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is zero, as in mostly-ASCII UTF-16."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _vietnamese_share(text: str) -> float:
    letters = sum(1 for c in text if c.isalpha())
    return len(VIETNAMESE_LETTERS.findall(text)) / letters if letters else 0.0


def _legacy_decode(data: bytes) -> tuple[str, str]:
    """Windows-1258 when it reads as Vietnamese, otherwise charset-normalizer's best guess."""
    try:
        cp1258 = data.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    if cp1258 is not None and _vietnamese_share(cp1258) > 0.02:
        return cp1258, "cp1258"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise RejectedInput("cannot detect the text encoding")
    return str(best), best.encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(NFC text, encoding name) for the bytes of one article; raises RejectedInput."""
    if not data.strip():
        raise RejectedInput("empty file")
    for start, reason in NOT_TEXT:
        if data.startswith(start):
            raise RejectedInput(reason)
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _looks_utf16(data)
    utf8 = False
    if utf16:
        try:
            text, encoding = data.decode(utf16), utf16
        except UnicodeDecodeError:
            raise RejectedInput(f"not valid {utf16.upper()}") from None
    else:
        if b"\x00" in data:
            raise RejectedInput("binary file (contains NUL bytes)")
        try:
            text, encoding, utf8 = data.decode("utf-8-sig"), "utf-8", True
            if (repaired := _undo_mojibake(text)) is not text:
                text, encoding, utf8 = repaired, "utf-8, double-encoded (repaired)", False
        except UnicodeDecodeError:
            text, encoding = _legacy_decode(data)
    # in UTF-8 the control characters are counted as the bytes they are (`bytes.translate`, a
    # table lookup a byte, where the regex engine tested a class at each character)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES)) if utf8 else len(CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise RejectedInput("binary file (control characters)")
    text = nfc(text)
    if not text.strip():
        raise RejectedInput("empty file")
    return text, encoding
