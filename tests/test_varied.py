"""Variants of the realistic articles (tests/data/varied): each is one realistic article written in
another shape that keeps its meaning, the way another outlet or another year would print it - the
list's markers ("(1)", "Thứ nhất,", "Một là,", "a)", bullets, items inline after ';'), the count as a
word or a digit, the lead-in's verb and the speaker named before, after or by title only, the page
stamp and the lede's day written another way ("Thứ Năm (22/2),", "31-12", "Cập nhật: ..."), site
menu and "Xem thêm" blocks with other years, CRLF line ends, NFD text, "hoá"/"uỷ" tone placement,
and an older site's page laid out in a <table> whose one cell holds the article in <br>-parted lines
under the site's clock ("Thứ bảy, 28/02/2026"), the headline in <title>; text copied from a PDF, its
lines wrapped at a width mid-sentence ("... Thứ trưởng\nThường trực ...", "... năm\n2020:").

A file is named vN_<original>_<what varies>.txt (or .html), and must read exactly as the original's gold
reading in tests/data/realistic/gold.json says: the same items of each list with their kind, year,
speaker and announced count, the same directives, date, statement year, title and scope. The reading
is scored by the realistic set's evaluate.py, so a variant that reads differently names what changed.
What the original itself reads apart from its gold (r09's ';' piece after a demand, read as another
directive) is what its variants read too: a variant is held to its original's reading, not beyond it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

DATA = Path(__file__).parent / "data"
VARIED = DATA / "varied"
REALISTIC = DATA / "realistic"
VARIANT = re.compile(r"^(?P<prefix>v\d+(?:[a-z]\d+)?)_(?P<original>r\d+_[a-z0-9]+)_(?P<shape>\w+)\.(?:txt|html)$")
VARIANTS = sorted(path.name for path in VARIED.glob("v*_*.*"))


def _original_of(name: str) -> str:
    found = VARIANT.match(name)
    assert found, f"{name}: not named vN_<original>_<what varies>.txt"
    return found["original"]


def _scored(folder: Path, articles: Path, documents: list[dict]) -> list[str]:
    """The findings of evaluate.py on `articles` ingested into one database against `documents`."""
    (folder / "gold.json").write_text(json.dumps({"documents": documents, "threads": {}}, ensure_ascii=False))
    db = folder / "v.db"
    assert run_cli(db, "ingest", str(articles)).exit_code == 0
    export = run_cli(db, "export", "--format", "json")
    assert export.exit_code == 0, export.output
    (folder / "export.json").write_text(export.stdout, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(REALISTIC / "evaluate.py"),
            str(folder / "gold.json"),
            str(folder / "export.json"),
            "--min-f1",
            "0",
            "--min-other",
            "0",
            "--min-links",
            "0",
            "--min-meta",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return [line[3:] for line in result.stdout.splitlines() if line.startswith(" - ")]


def _as_original(finding: str, name: str, original: str) -> str:
    """A variant's finding as its original's would read (its file and its prefix renamed)."""
    prefix = VARIANT.match(name)["prefix"]  # type: ignore[index]
    return finding.replace(name, original).replace(f"{prefix}/", f"{original.split('_', 1)[0]}/")


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> dict[str, list[str]]:
    """Every variant ingested into one database, scored against its original's gold reading:
    the findings of each variant, by file name, less those its original has too (none when it
    reads as its original does)."""
    golds = json.loads((REALISTIC / "gold.json").read_text())["documents"]
    originals = {gold["file"].rsplit(".", 1)[0]: gold for gold in golds}
    documents = [dict(originals[_original_of(name)], file=name) for name in VARIANTS]
    lines = _scored(tmp_path_factory.mktemp("varied"), VARIED, documents)
    own = set(_scored(tmp_path_factory.mktemp("originals"), REALISTIC / "articles", golds))
    by_name: dict[str, list[str]] = {name: [] for name in VARIANTS}
    for name in VARIANTS:
        prefix = VARIANT.match(name)["prefix"]  # type: ignore[index]
        original = _original_of(name)
        by_name[name] = [
            line
            for line in lines
            if re.match(rf"(?:missed )?{prefix}[/_]", line)
            and _as_original(line, name, originals[original]["file"]) not in own
        ]
    return by_name


def test_every_variant_names_a_realistic_original():
    originals = {path.stem for path in (REALISTIC / "articles").iterdir()}
    assert len(VARIANTS) >= 50
    assert {_original_of(name) for name in VARIANTS} <= originals


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_reads_as_its_original(findings, name):
    assert findings[name] == [], f"{name} reads differently from {_original_of(name)}:\n" + "\n".join(findings[name])


LAYOUT_PAGE = (
    "<html><head><title>Ngoại giao kinh tế năm 2020</title></head><body><table><tr><td>Trang chủ | Tin tức</td></tr>"
    "<tr><td>" + "Chiều 31/12, Ban Chỉ đạo họp tổng kết công tác ngoại giao kinh tế năm 2019. " * 6 + "<br><br>"
    "Thứ trưởng nêu 2 nhiệm vụ trọng tâm:<br><br>1. Tận dụng Năm Chủ tịch ASEAN 2020.<br><br>"
    "2. Nâng cao chất lượng nghiên cứu, dự báo.</td></tr></table></body></html>"
)


def test_a_page_laid_out_in_a_table_keeps_its_lines():
    from ngkt_cli.ingest import _html_parts

    text = _html_parts(LAYOUT_PAGE)[0]
    assert "\n1. Tận dụng Năm Chủ tịch ASEAN 2020." in text
    assert "\n2. Nâng cao chất lượng nghiên cứu, dự báo." in text


def test_a_data_table_with_short_cells_stays_a_table():
    from ngkt_cli.ingest import _layout_tables_as_blocks

    page = "<html><body><table><tr><td>Hà Nội<br>2024<br>Quý I</td><td>12,5%</td></tr></table></body></html>"
    assert _layout_tables_as_blocks(page) == page


def test_a_credit_inside_a_wrapped_line_keeps_the_line_in_its_paragraph():
    from ngkt_cli.boilerplate import clean_lines

    # r09 glues a photo's credit into its paragraph ("... Ảnh: TTXVNQuan hệ ..."); wrapped at 72
    # characters the credit falls inside a line, which is no caption of its own
    clean = clean_lines((VARIED / "v123_r09_vietnamnet_pdf_wrapped.txt").read_text(encoding="utf-8"))
    assert [removed.reason for removed in clean.removed] == ["title"]
    assert any(
        "đối với quan hệ hai nước. Ảnh: TTXVNQuan hệ với các đối tác tiếp tục được mở rộng, đi vào" in p
        for p in clean.paragraphs
    )
    assert any("Cục GGHB Việt NamTheo Bộ trưởng Bùi Thanh Sơn, đối ngoại cũng góp phần" in p for p in clean.paragraphs)
