"""Decoding's machinery held to its plain definition."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.decode import _CONTROL_BYTES, CONTROL, MAX_CONTROL_SHARE, decode_bytes
from ngkt_cli.errors import RejectedInput


def test_every_control_character_is_one_byte_in_utf8():
    """What counting them as bytes rests on: CONTROL matches no character beyond ASCII."""
    assert [code for code in range(0x110000) if CONTROL.match(chr(code))] == list(_CONTROL_BYTES)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["a", "ệ", "Ơ", "“", "\x01", "\x7f", "\x1f", "\t", "\n", "\x85", " "]), max_size=300))
@example(["a"] * 99 + ["\x01"])
@example(["a"] * 98 + ["\x01", "\x7f"])
def test_a_utf8_file_is_binary_when_its_control_characters_are_too_many(pieces):
    text = "".join(pieces)
    plainly_binary = len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)
    try:
        decode_bytes(text.encode())
    except RejectedInput as error:
        assert ("control characters" in str(error)) == plainly_binary or not text.strip()
    else:
        assert not plainly_binary
