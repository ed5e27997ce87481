"""A newcomer's bad input: each mistake gets one line naming the file and the reason, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_db, ngkt_command, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from ngkt_cli import db as db_module
from ngkt_cli.decode import decode_bytes
from ngkt_cli.text import nfc


def test_a_database_another_process_keeps_locked_is_named_with_a_temporary_failure(seeded_db, tmp_path, monkeypatch):
    database = copy_db(seeded_db, tmp_path)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, as a long ingest or a sqlite3 shell does
    try:
        result = run_cli(database, "doc", "date", "71d55a37be2b", "2024-03-18")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 75
    assert result.stderr == (
        f"ngkt: error: {database}: the database is locked by another process (waited 0.2 s);"
        " run again when it has finished\n"
    )
    assert run_cli(database, "doc", "date", "71d55a37be2b", "2024-03-18").exit_code == 0  # nothing was lost


def test_a_folder_given_as_the_database_is_named_as_a_folder(tmp_path, seeds_copy):
    for args in (["docs"], ["ingest", str(seeds_copy)]):
        result = run_cli(tmp_path, *args)
        assert (result.exit_code, result.stderr) == (
            1,
            f"ngkt: error: {tmp_path}: is a folder, not a database file; give --db a file such as"
            f" {tmp_path / 'ngkt.db'}\n",
        )


def _without_root_powers() -> list[str]:
    """A process that file permissions bind: as root, `setpriv` drops the powers that override them."""
    if os.geteuid() != 0:
        return []
    drop = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]


def _run_bound(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_without_root_powers(), *ngkt_command(), *args], capture_output=True, text=True)


@pytest.fixture
def read_only_folder(seeded_db, tmp_path) -> Iterator[Path]:
    """A shared archive: a folder and database the user may read but not write."""
    folder = tmp_path / "shared"
    folder.mkdir()
    copy_db(seeded_db, tmp_path).rename(folder / "ngkt.db")
    (folder / "ngkt.db").chmod(0o444)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_a_read_only_database_is_named_with_what_to_do(read_only_folder):
    database = read_only_folder / "ngkt.db"
    result = _run_bound("--db", str(database), "docs")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"ngkt: error: {database}: cannot write to the database or its folder (attempt to write a readonly"
        " database); ngkt writes there even to read: copy the database to a folder you can write to\n"
    )


def test_a_new_database_in_a_folder_one_cannot_write_names_the_folder(read_only_folder, seeds_copy):
    database = read_only_folder / "new.db"
    result = _run_bound("--db", str(database), "ingest", str(seeds_copy))
    assert result.returncode == 1
    assert result.stderr == (
        f"ngkt: error: {database}: cannot create the database: its folder cannot be written to"
        " (unable to open database file)\n"
    )
    assert not database.exists()


def _mojibake(text: str, codec: str) -> bytes:
    """A UTF-8 file opened as Western European and saved as UTF-8 again: 'đ' becomes 'Ä‘'. As
    editors and browsers do, a byte Windows-1252 leaves undefined (0x81, 0x8D, ...) keeps its value."""
    garbled = "".join(bytes([byte]).decode(codec, errors="ignore") or chr(byte) for byte in text.encode("utf-8"))
    return garbled.encode("utf-8")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_file_whose_utf8_was_read_as_western_and_saved_again_is_read_as_written(seeds_copy, tmp_path, codec):
    original = next(seeds_copy.glob("000_*.txt"))
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(_mojibake(original.read_text(encoding="utf-8"), codec))
    assert "Ä‘" in garbled.read_text(encoding="utf-8") or "Ä\x91" in garbled.read_text(encoding="utf-8")
    as_written = run_cli(tmp_path / "a.db", "ingest", "--format", "json", str(original))
    repaired = run_cli(tmp_path / "b.db", "ingest", "--format", "json", str(garbled))
    assert repaired.exit_code == 0
    assert run_cli(tmp_path / "b.db", "priorities", "--format", "csv").stdout == run_cli(
        tmp_path / "a.db", "priorities", "--format", "csv"
    ).stdout.replace(str(original), str(garbled))
    assert as_written.exit_code == 0


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF, not text: convert it first (pdftotext -layout FILE)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive (a .docx or .odt?), not text: save it as text first"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) file, not text: save it as text first"),
    ],
)
def test_a_document_saved_under_a_text_name_is_named_for_what_it_is(tmp_path, start, reason):
    misnamed = tmp_path / "speech.txt"
    misnamed.write_bytes(start + b"1 0 obj << /Length 5 >> stream\n\x00\x01binary\nendstream" * 20)
    result = run_cli(tmp_path / "test.db", "ingest", str(misnamed))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"ngkt: error: rejected {misnamed}: {reason}"


def test_report_years_on_a_database_without_priorities_says_there_are_none(tmp_path):
    database = tmp_path / "empty.db"
    (tmp_path / "inbox").mkdir()
    assert run_cli(database, "ingest", str(tmp_path / "inbox")).exit_code == 0
    result = run_cli(database, "report", "--out", str(tmp_path / "reports"), "--years", "2023", "2024")
    assert (result.exit_code, result.stderr) == (
        2,
        "ngkt: error: --years: no priority statements for 2023; years with some: none\n",
    )


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠ"


@settings(max_examples=200)
@given(
    words=st.lists(st.text(alphabet=VIETNAMESE + ".,;:–“”…0123456789", min_size=1, max_size=12), min_size=1),
    codec=st.sampled_from(["cp1252", "latin-1"]),
)
def test_any_vietnamese_text_garbled_by_a_western_code_page_decodes_as_written(words, codec):
    text = "Ngoại giao kinh tế " + " ".join(words)  # an article names its subject
    assert decode_bytes(_mojibake(text, codec)) == (nfc(text), "utf-8, double-encoded (repaired)")
    assert decode_bytes(text.encode("utf-8")) == (nfc(text), "utf-8")  # text as written is left alone


@pytest.mark.parametrize(
    "text",
    [
        "Café – à bientôt… “Déjà vu” © 2024",  # Western text, no mojibake
        "Ngoại giao kinh tế: quá…, Ã “Ä” Æ",  # Vietnamese with letters a garbled file shows, and no garbling
        "Ã© for é is mojibake only when every letter of the file reads back",
    ],
)
def test_text_that_is_not_garbled_is_left_as_written(text):
    assert decode_bytes(text.encode("utf-8")) == (nfc(text), "utf-8")
