"""Stage 5: `ngkt report` for cron: files, golden Markdown, escaping, lock, atomicity, reruns."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ngkt_command, run_cli

from ngkt_cli import charts
from ngkt_cli import report as report_module

GOLDEN = Path(__file__).parent / "data" / "golden" / "diff-2023-2024.md"


@pytest.fixture(scope="module")
def seed_report(seeded_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run_cli(seeded_db, "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == ""  # quiet on success
    return out


def test_report_set_files(seed_report):
    names = sorted(p.name for p in seed_report.iterdir())
    assert names == [
        ".ngkt-report.json",
        "diff-2023-2024.html",
        "diff-2023-2024.json",
        "diff-2023-2024.md",
        "index.html",
        "index.json",
        "index.md",
    ]
    index = json.loads((seed_report / "index.json").read_text(encoding="utf-8"))
    assert index["as_of"] == "2024-03-18" and index["years"] == [2023, 2024]
    diff = json.loads((seed_report / "diff-2023-2024.json").read_text(encoding="utf-8"))
    counts = {section: len(diff[section]) for section in ("new", "dropped", "persisting")}
    assert index["diffs"] == [{"from": 2023, "to": 2024, "stem": "diff-2023-2024", **counts, "thin": [2023]}]


def test_the_index_says_how_to_read_a_citation_and_the_timeline(seed_report):
    markdown = (seed_report / "index.md").read_text(encoding="utf-8")
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    for page in (markdown, html):
        assert "DOC is the article's 12-character id" in page and "ngkt show" in page
    assert "#N: the thread's best rank that year" in markdown and "●: stated that year, unranked" in markdown
    assert "A blue dot: the thread has priority statements that year" in html


def test_markdown_report_matches_the_golden_file(seed_report):
    produced = (seed_report / "diff-2023-2024.md").read_text(encoding="utf-8")
    if os.environ.get("NGKT_UPDATE_GOLDEN"):
        GOLDEN.write_text(produced, encoding="utf-8")
    assert produced == GOLDEN.read_text(encoding="utf-8")


# How each layout of a diff marks a section heading, a thread and a cited statement's id.
MARKDOWN_MARKS = (r"## (.+) \((\d+)\)", r"### (T\d+): ", r"- \d{4} .+ \[([^\]]+)\]\*$")
HTML_MARKS = (
    r"<h2>(.+) \((\d+)\)</h2>",
    r'<h3><span class="id">(T\d+)</span>',
    r'<li>\d{4} .*<span class="id">([^<]+)</span></span></li>$',
)


def _sections(page: str, marks: tuple[str, str, str]) -> dict[str, list[tuple[str, list[str]]]]:
    """Section title -> [(thread id, the ids of the statements cited under it)] of a diff page."""
    heading_mark, thread_mark, cited_mark = marks
    sections: dict[str, list[tuple[str, list[str]]]] = {}
    for line in page.splitlines():
        if heading := re.fullmatch(heading_mark, line):
            current = sections.setdefault(heading.group(1), [])
        elif thread := re.match(thread_mark, line):
            current.append((thread.group(1), []))
        elif cited := re.match(cited_mark, line):
            current[-1][1].append(cited.group(1))
    return sections


def test_html_and_markdown_diffs_cite_the_same_threads_and_statements(seed_report, many_years_report):
    """Both pages are layouts of one diff model: the same sections, threads and cited statements,
    for the seeds (nothing dropped there) and for sixteen years of articles (something everywhere)."""
    seen = set()
    for folder in (seed_report, many_years_report):
        for stem in sorted(p.stem for p in folder.glob("diff-*.md")):
            markdown = _sections((folder / f"{stem}.md").read_text(encoding="utf-8"), MARKDOWN_MARKS)
            html = _sections((folder / f"{stem}.html").read_text(encoding="utf-8"), HTML_MARKS)
            assert len(markdown) == 3 and all(cited for changes in markdown.values() for _, cited in changes)
            assert markdown == html, stem
            seen |= {title.split()[0] for title, changes in markdown.items() if changes}
    assert seen == {"New", "Dropped", "Persisting"}  # every section was compared with something in it


def test_html_is_self_contained_with_inline_svg(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert "<script" not in html
    assert "<svg" in (seed_report / "diff-2023-2024.html").read_text(encoding="utf-8")


def test_article_text_is_escaped_in_html(tmp_path):
    db = tmp_path / "x.db"
    for year, day in ((2023, "5/1"), (2024, "6/1")):
        article = (
            f"Hội nghị năm {year}\n\nSáng {day}, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn cho biết năm {year} có 2 trọng "
            f"tâm. "
            "Thứ nhất, mở rộng thị trường <script>alert('x')</script> xuất khẩu. Thứ hai, thu hút đầu tư & công nghệ."
        )
        (tmp_path / f"{year}.txt").write_text(article, encoding="utf-8")
        run_cli(db, "ingest", str(tmp_path / f"{year}.txt"), "--date", f"{year}-01-0{day[0]}")
    out = tmp_path / "out"
    assert run_cli(db, "report", "--out", str(out)).exit_code == 0
    html = (out / "diff-2023-2024.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "đầu tư &amp; công nghệ" in html


def test_rerun_over_unchanged_data_rewrites_nothing(seeded_db, tmp_path):
    out = tmp_path / "out"
    run_cli(seeded_db, "report", "--out", str(out))
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    result = run_cli(seeded_db, "report", "--out", str(out), "--verbose")
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert result.stderr.count("unchanged ") == 7 and "wrote " not in result.stderr


def test_a_held_lock_makes_a_second_run_wait_then_exit_75(seeded_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    handle = os.open(out, os.O_RDONLY)  # another run: it holds the folder itself
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = run_cli(seeded_db, "report", "--out", str(out), "--wait", "0.3")
    finally:
        os.close(handle)
    assert result.exit_code == 75
    assert "another `ngkt report` still holds the lock after 0.3s" in result.stderr
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "index.md"
    target.write_text("old", encoding="utf-8")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(report_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        report_module.write_if_changed(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["index.md"]


def test_report_runs_from_cron_with_an_empty_environment(seeded_db, tmp_path):
    db = tmp_path / "cron.db"
    import sqlite3

    sqlite3.connect(seeded_db).backup(sqlite3.connect(db))
    result = subprocess.run(
        [*ngkt_command(), "--db", str(db), "report", "--out", str(tmp_path / "out")],
        env={},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "out" / "index.html").exists()


def test_years_option_adds_a_pair_and_checks_it(seeded_db, tmp_path):
    result = run_cli(seeded_db, "report", "--out", str(tmp_path / "o"), "--years", "2021", "2024")
    assert result.exit_code == 2
    assert "--years: no priority statements for 2021" in result.stderr
    backwards = run_cli(seeded_db, "report", "--out", str(tmp_path / "b"), "--years", "2024", "2023")
    assert (backwards.exit_code, backwards.stderr) == (
        2,
        "ngkt: error: the first year must be earlier than the second (got 2024 and 2023)\n",
    )
    assert not (tmp_path / "b").exists()


def test_a_report_folder_that_cannot_be_made_is_one_line(seeded_db, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = run_cli(seeded_db, "report", "--out", str(tmp_path / "file" / "reports"))
    assert result.exit_code == 1
    assert result.stderr == f"ngkt: error: {tmp_path / 'file' / 'reports'}: Not a directory\n"


# --- many years: the charts fit the page -----------------------------------------------------

SIXTEEN_YEARS = range(2009, 2025)
AIMS = [  # one year's list takes three of these in turn, so threads come and go over the years
    "mở rộng thị trường xuất khẩu nông sản sang châu Phi và Trung Đông",
    "thu hút dòng vốn đầu tư vào công nghệ bán dẫn và trí tuệ nhân tạo",
    "thúc đẩy chuyển đổi xanh và năng lượng tái tạo",
    "đưa thương mại điện tử vào xúc tiến thương mại ở các địa phương",
    "giữ chuỗi cung ứng ổn định cho các ngành sản xuất chủ lực",
]


def write_yearly_articles(folder: Path, years) -> Path:
    """One short conference article per year, each listing three of AIMS."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, year in enumerate(years):
        aims = [AIMS[(i + k) % len(AIMS)] for k in range(3)]
        text = (
            f"Hội nghị ngoại giao kinh tế năm {year}\n\nNgày 6/1/{year}, Thứ trưởng cho biết năm {year} ngành có 3 "
            f"trọng tâm. "
            + " ".join(f"{marker}, {aim}." for marker, aim in zip(["Thứ nhất", "Thứ hai", "Thứ ba"], aims))
        )
        (folder / f"hoi-nghi-{year}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def many_years_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("many")
    db = root / "many.db"
    result = run_cli(db, "ingest", str(write_yearly_articles(root / "articles", SIXTEEN_YEARS)))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def many_years_report(many_years_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("many-report") / "reports"
    assert run_cli(many_years_db, "report", "--out", str(out)).exit_code == 0
    return out


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def visible_text(element: ET.Element) -> str:
    return (element.text or "") + "".join(child.tail or "" for child in element)


def extent(element: ET.Element) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of an SVG shape; text by the charts' own width estimate."""
    tag = element.tag.split("}")[-1]
    number = lambda name, default=0.0: float(element.get(name, default))
    if tag == "rect":
        return number("x"), number("y"), number("x") + number("width"), number("y") + number("height")
    if tag == "circle":
        r = number("r")
        return number("cx") - r, number("cy") - r, number("cx") + r, number("cy") + r
    size = number("font-size", charts.FONT_SIZE)
    width = charts.text_width(
        visible_text(element),
        size,
        bold=element.get("font-weight") == "bold",
        mono=element.get("font-family") == "monospace",
    )
    start = {"start": 0.0, "middle": -width / 2, "end": -width}[element.get("text-anchor", "start")]
    x, y = number("x"), number("y")
    corners = [(start, -0.8 * size), (start + width, -0.8 * size), (start, 0.25 * size), (start + width, 0.25 * size)]
    if "rotate(-90" in element.get("transform", ""):
        corners = [(dy, -dx) for dx, dy in corners]  # a quarter turn anticlockwise about (x, y)
    xs, ys = [x + dx for dx, _ in corners], [y + dy for _, dy in corners]
    return min(xs), min(ys), max(xs), max(ys)


def assert_every_shape_inside(svg: ET.Element) -> None:
    _, _, width, height = map(float, svg.get("viewBox").split())
    shapes = [e for e in svg.iter() if e.tag.split("}")[-1] in ("rect", "circle", "text")]
    assert shapes
    for shape in shapes:
        left, top, right, bottom = extent(shape)
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, (
            ET.tostring(shape, encoding="unicode"),
            svg.get("viewBox"),
        )


def test_charts_of_sixteen_years_scale_to_the_page_with_every_label_inside(many_years_report):
    index = svgs((many_years_report / "index.html").read_text(encoding="utf-8"))
    diff = svgs((many_years_report / "diff-2023-2024.html").read_text(encoding="utf-8"))
    assert len(index) == 2 and len(diff) == 1
    for svg in index + diff:
        assert svg.get("width") == "100%" and "height" not in svg.attrib
        assert float(svg.get("viewBox").split()[2]) <= charts.PAGE_WIDTH  # drawn 1:1 on a 1200 px page
        assert_every_shape_inside(svg)
    timeline, heat_map = index
    years_drawn = lambda svg: [
        visible_text(t)
        for t in svg.iter("{http://www.w3.org/2000/svg}text")
        if visible_text(t) in map(str, SIXTEEN_YEARS)
    ]
    assert years_drawn(timeline) == years_drawn(heat_map) == [str(y) for y in SIXTEEN_YEARS]
    assert len(list(heat_map.iter("{http://www.w3.org/2000/svg}rect"))) == 16 * len(
        json.loads((many_years_report / "index.json").read_text())["themes"]
    )


def test_forty_years_and_long_labels_stand_years_upright_and_cut_labels(tmp_path):
    years = list(range(1985, 2025))
    long_label = "Tăng cường hợp tác kinh tế quốc tế " * 6
    index = {
        "as_of": "2024-12-31",
        "years": years,
        "diffs": [],
        "timeline": {
            "years": years,
            "threads": [{"thread_id": "T0001", "label": long_label, "years": {y: 1 for y in years}, "statements": 40}],
        },
        "themes": [
            {
                "label": long_label,
                "shares": {y: 1.0 for y in years},
                "counts": {y: 1 for y in years},
                "statements": {y: 1 for y in years},
            }
        ],
    }
    timeline, heat_map = svgs(report_module.index_html(report_module._environment(), index))
    for svg in (timeline, heat_map):
        assert_every_shape_inside(svg)
        assert any("rotate(-90" in t.get("transform", "") for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    labels = [t for t in timeline.iter("{http://www.w3.org/2000/svg}text") if visible_text(t).startswith("Tăng")]
    assert (
        visible_text(labels[0]).endswith("…") and labels[0].find("{http://www.w3.org/2000/svg}title").text == long_label
    )


def test_a_label_too_long_for_its_room_is_cut_at_a_word():
    room = charts.text_width("Đẩy mạnh thu hút") + charts.text_width("…")
    assert charts.fit("Đẩy mạnh thu hút nguồn lực bên ngoài", room) == "Đẩy mạnh thu hút…"
    assert charts.fit("Đẩy mạnh", room) == "Đẩy mạnh"
    assert charts.fit("Chuyểnđổisốtoàndiện", charts.text_width("Chuyển…")) == "Chuyển…"  # no word fits: cut at a letter


def test_chart_tooltips_give_counts_as_well_as_shares(many_years_report):
    """Each year lists three aims, so every tooltip reads "N of 3 statements" (33% is 1 of 3, not 1 of 300)."""
    titles = lambda page: [
        t.text
        for t in svgs((many_years_report / page).read_text(encoding="utf-8"))[-1].iter(
            "{http://www.w3.org/2000/svg}title"
        )
    ]
    heat_map = [t for t in titles("index.html") if re.search(r" \d{4}: ", t)]
    bars = titles("diff-2023-2024.html")
    assert len(heat_map) == 16 * len(json.loads((many_years_report / "index.json").read_text())["themes"]) and bars
    for title in heat_map + bars:
        count, share = map(int, re.search(r": (\d) of 3 statements, (\d+)%$", title).groups())
        assert share == round(100 * count / 3)
    assert "Green transition 2011: 1 of 3 statements, 33%" in heat_map
    assert "2023: 0 of 3 statements, 0%" in bars and "2024: 1 of 3 statements, 33%" in bars


def test_index_json_holds_each_themes_counts(many_years_report):
    green = next(
        t
        for t in json.loads((many_years_report / "index.json").read_text())["themes"]
        if t["label"] == "Green transition"
    )
    assert (green["counts"]["2011"], green["statements"]["2011"], green["shares"]["2011"]) == (1, 3, 0.333)


# --- the published folder holds the current report set, and nothing ngkt did not write is touched --


def report_set(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_files_of_pairs_no_longer_reported_leave_the_published_folder(many_years_db, tmp_path):
    out = tmp_path / "reports"
    assert run_cli(many_years_db, "report", "--out", str(out), "--years", "2009", "2024").exit_code == 0
    assert (out / "diff-2009-2024.html").exists()
    result = run_cli(many_years_db, "report", "--out", str(out), "--verbose")
    assert result.exit_code == 0
    stems = [f"diff-{y}-{y + 1}" for y in range(2009, 2024)]
    expected = sorted(
        [f"{s}.{ext}" for s in stems for ext in ("html", "json", "md")]
        + ["index.html", "index.json", "index.md", report_module.MANIFEST_NAME]
    )
    assert report_set(out) == expected
    assert [line for line in result.stderr.splitlines() if line.startswith("removed")] == [
        f"removed {out / f'diff-2009-2024.{ext}'}" for ext in ("html", "json", "md")
    ]
    assert report_set(tmp_path) == ["reports"]  # no lock file in the folder or beside it


def test_a_folder_holding_files_ngkt_did_not_write_is_refused_and_left_alone(seeded_db, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "about.html").write_text("<p>our team</p>", encoding="utf-8")
    result = run_cli(seeded_db, "report", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"ngkt: error: {out}: holds files ngkt did not write (about.html); "
        "give `report --out` an empty or new folder, or one it wrote before\n"
    )
    assert report_set(out) == ["about.html"]


def test_a_file_given_as_the_report_folder_is_refused_and_left_alone(seeded_db, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("<p>last week's</p>", encoding="utf-8")
    result = run_cli(seeded_db, "report", "--out", str(out))
    assert (result.exit_code, result.stderr) == (
        1,
        f"ngkt: error: {out}: a file, not a folder; --out names the folder the report set is written in\n",
    )
    assert out.read_text(encoding="utf-8") == "<p>last week's</p>"


def test_files_added_to_a_report_folder_later_are_kept(seeded_db, tmp_path):
    out = tmp_path / "reports"
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0
    (out / "README.txt").write_text("published nightly", encoding="utf-8")
    (out / "diff-2023-2024.md").unlink()
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0
    assert "README.txt" in report_set(out) and "diff-2023-2024.md" in report_set(out)
    assert "README.txt" not in (out / report_module.MANIFEST_NAME).read_text(encoding="utf-8")


def test_a_folder_written_by_an_earlier_ngkt_is_taken_over(seeded_db, tmp_path):
    """Before the manifest, the lock file sat in the folder with the report files."""
    out = tmp_path / "reports"
    out.mkdir()
    for name in (
        "index.html",
        "index.json",
        "index.md",
        "diff-2009-2010.md",
        "diff-2009-2010.html",
        ".ngkt-report.lock",
        ".index.html.x1y2.tmp",
        "..ngkt-report.json.x1y2.tmp",
    ):
        (out / name).write_text("old", encoding="utf-8")
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0
    assert report_set(out) == sorted(
        [
            "diff-2023-2024.html",
            "diff-2023-2024.json",
            "diff-2023-2024.md",
            "index.html",
            "index.json",
            "index.md",
            report_module.MANIFEST_NAME,
        ]
    )


def test_a_manifest_names_only_report_files_in_the_folder(seeded_db, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "notes.md").write_text("mine too", encoding="utf-8")
    (out / report_module.MANIFEST_NAME).write_text(
        json.dumps({"files": ["../notes.txt", "notes.md", "diff-2001-2002.md"]}), encoding="utf-8"
    )
    (out / "diff-2001-2002.md").write_text("stale", encoding="utf-8")
    assert run_cli(seeded_db, "report", "--out", str(out)).exit_code == 0
    assert (
        (tmp_path / "notes.txt").exists() and (out / "notes.md").exists() and not (out / "diff-2001-2002.md").exists()
    )


# --- Markdown tables are well-formed, whatever the data ------------------------------------------


def markdown_tables(markdown: str) -> list[list[str]]:
    tables, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def assert_tables_well_formed(markdown: str) -> None:
    for table in markdown_tables(markdown):
        assert len(table) >= 2 and re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", table[1]), table
        assert {cells(line) for line in table} == {cells(table[0])}, table


def test_an_empty_database_gives_sentences_not_broken_tables(tmp_path):
    from ngkt_cli.db import open_db

    open_db(tmp_path / "empty.db").close()
    out = tmp_path / "out"
    assert run_cli(tmp_path / "empty.db", "report", "--out", str(out)).exit_code == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    assert_tables_well_formed(index)
    assert markdown_tables(index) == []
    assert (
        "## Threads over the years\n\nNo threads yet.\n" in index
        and "## Theme shares\n\nNo theme coded yet.\n" in index
    )


def test_labels_with_pipes_and_line_breaks_keep_index_tables_whole():
    years = [2023, 2024]
    index = {
        "as_of": "2024-03-18",
        "years": years,
        "diffs": [],
        "timeline": {
            "years": years,
            "threads": [
                {"thread_id": "T0001", "label": "Xuất khẩu | nhập khẩu\nbền vững", "years": {2024: 1}, "statements": 1}
            ],
        },
        "themes": [
            {
                "label": "Trade | FTAs",
                "shares": {2023: 0.5, 2024: 0.0},
                "counts": {2023: 1, 2024: 0},
                "statements": {2023: 2, 2024: 1},
            }
        ],
    }
    markdown = report_module.index_markdown(report_module._environment(), index)
    assert_tables_well_formed(markdown)
    assert "| T0001 | · | #1 | Xuất khẩu \\| nhập khẩu bền vững |" in markdown
    assert "| Trade \\| FTAs | 50% | 0% |" in markdown


def test_a_diff_whose_years_state_no_theme_says_so_instead_of_an_empty_table(tmp_path):
    for year in (2023, 2024):
        (tmp_path / f"{year}.txt").write_text(
            f"Hội nghị năm {year}\n\nNgày 5/1/{year}, Bộ trưởng cho biết năm {year} có 2 trọng tâm. "
            "Thứ nhất, sắp xếp lại bộ máy các cơ quan đại diện. Thứ hai, bồi dưỡng cán bộ trẻ của ngành.",
            encoding="utf-8",
        )
    db = tmp_path / "x.db"
    assert run_cli(db, "ingest", str(tmp_path / "2023.txt"), str(tmp_path / "2024.txt")).exit_code == 0
    out = tmp_path / "out"
    assert run_cli(db, "report", "--out", str(out)).exit_code == 0
    diff = (out / "diff-2023-2024.md").read_text(encoding="utf-8")
    assert "## Themes\n\nNo theme coded in 2023 or 2024.\n" in diff
    for page in ("diff-2023-2024.md", "index.md"):
        assert_tables_well_formed((out / page).read_text(encoding="utf-8"))


# --- a real browser: a desktop and a phone width ---------------------------------------------------

BROWSER_CHECK = Path(__file__).resolve().parent.parent / "benchmarks" / "browser_check.py"


def test_pages_declare_a_phone_viewport(seed_report):
    """Without it a phone lays the page out 980 px wide and shrinks everything to fit."""
    for page in ("index.html", "diff-2023-2024.html"):
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in (seed_report / page).read_text(
            encoding="utf-8"
        )


@pytest.mark.skipif(
    not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")), reason="no chromium installed"
)
@pytest.mark.parametrize("report_folder", ["seed_report", "many_years_report"])
def test_pages_read_well_in_chromium_at_1200_and_390_px(report_folder, request):
    folder = request.getfixturevalue(report_folder)
    result = subprocess.run(
        [os.sys.executable, str(BROWSER_CHECK), str(folder)], capture_output=True, text=True, timeout=240
    )
    pages = sorted(p.name for p in folder.glob("*.html"))
    assert result.stdout.splitlines() == [f"{page} at {width} px: ok" for page in pages for width in (1200, 390)], (
        result.stdout + result.stderr
    )
    assert result.returncode == 0


def test_a_diff_page_links_each_statement_to_where_it_can_be_read(seeded_db, tmp_path):
    import sqlite3

    db = tmp_path / "a.db"
    shutil.copy(seeded_db, db)
    with sqlite3.connect(db) as conn:  # one article as fetched from the web, the others files
        doc = conn.execute("SELECT id, path FROM documents WHERE date = '2023-12-18'").fetchone()
        conn.execute("UPDATE documents SET path = 'https://baoquocte.vn/bai-1.html' WHERE id = ?", [doc[0]])
    assert run_cli(db, "report", "--out", str(tmp_path / "r")).exit_code == 0
    page = (tmp_path / "r" / "diff-2023-2024.html").read_text(encoding="utf-8")
    assert '<a href="https://baoquocte.vn/bai-1.html">' in page
    others = dict(sqlite3.connect(db).execute("SELECT id, path FROM documents WHERE id != ?", [doc[0]]).fetchall())
    assert any(f'<span title="{path}">' in page for path in others.values())


def test_a_report_on_articles_read_with_earlier_rules_says_so(seeded_db, tmp_path):
    import sqlite3

    db = tmp_path / "a.db"
    shutil.copy(seeded_db, db)
    assert run_cli(db, "report", "--out", str(tmp_path / "now")).exit_code == 0
    assert "earlier version" not in (tmp_path / "now" / "index.md").read_text(encoding="utf-8")
    with sqlite3.connect(db) as conn:  # as an earlier version left it
        conn.execute("UPDATE meta SET value = 'earlier' WHERE key = 'read_by'")
    assert run_cli(db, "report", "--out", str(tmp_path / "r")).exit_code == 0
    for name in ("index.md", "index.html"):
        page = (tmp_path / "r" / name).read_text(encoding="utf-8")
        assert "The stored articles were read with an earlier version of ngkt's rules" in page
    assert json.loads((tmp_path / "r" / "index.json").read_text(encoding="utf-8"))["read_with_earlier_rules"] is True
