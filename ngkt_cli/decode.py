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
