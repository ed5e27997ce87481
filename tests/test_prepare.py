"""What a worker prepares for the writer is what the writer would work out from the document."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from ngkt_cli.ingest import prepare
from ngkt_cli.text import fold

UNSEEN = Path(__file__).parent / "data" / "unseen"
FILES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in UNSEEN.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_search_text_is_the_body_folded(path):
    prepared = prepare(path.name, path, 5_000_000, None)
    assert prepared.doc is not None and prepared.coded is not None
    assert prepared.coded.folded_body == fold(prepared.doc.body)


def test_the_search_text_of_wrapped_lines_table_cells_and_odd_spaces_is_the_body_folded(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Hội nghị Ngoại giao kinh tế lần thứ ĐẦU\r\n\r\n"
        "| Ngày 10/1/2012, Bộ trưởng nhấn mạnh\u00a0ba ưu tiên \\| của ngành |\r\n\r\n"
        "Thứ nhất, đẩy mạnh xuất khẩu sang các thị trường\r\nmới. Thứ hai, thu hút FDI chất lượng cao.\r\n\r\n"
        "Hoàng Giang\r\n",
        encoding="utf-8",
    )
    prepared = prepare(page.name, page, 5_000_000, None)
    assert prepared.doc is not None and prepared.coded is not None
    assert "| của ngành" in prepared.doc.body and "thị trường mới" in prepared.doc.body
    assert prepared.coded.folded_body == fold(prepared.doc.body)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=6))
def test_folding_lines_one_by_one_then_joining_them_is_folding_the_joined_lines(lines):
    # the worker dates an article from its cleaned lines folded one by one and joined
    # (dates.date_document's folded_lines), not from the joined lines folded again
    assert "\n".join(map(fold, lines)) == fold("\n".join(lines))
