"""Stage 5: YearDiffs and timelines -> a report set (Markdown, self-contained HTML, JSON) for cron.

Cron-safe by construction: no terminal needed; each file written atomically (temporary file,
then rename) and only when its content changed, so a rerun over unchanged data rewrites nothing;
no timestamps other than the data's own as-of date; a lock so that two runs never interleave.
The published folder holds the current report set: files an earlier run wrote and this one did
not (a pair of years no longer reported) are removed, and only those, as the folder's manifest
lists them; a folder holding files ngkt did not write is refused, never cleaned.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import charts, queries, render
from .errors import LockTimeout, NgktError, Refused, UsageError
from .reading import read_by_older_rules
from .themes import Theme

MANIFEST_NAME = ".ngkt-report.json"  # the files ngkt wrote in the folder: the only ones it ever removes
LEGACY_LOCK_NAME = ".ngkt-report.lock"  # where ngkt kept its lock before, inside the folder
# A folder without a manifest that holds only these was written by an earlier ngkt: it is taken over.
REPORT_FILE = re.compile(r"(index|diff-\d{4}-\d{4})\.(md|html|json)")  # index.html, diff-2023-2024.md
# A write cut short by kill -9: ".index.html.k2x9q1.tmp", "..ngkt-report.json.k2x9q1.tmp".
TEMPORARY_FILE = re.compile(r"\.((index|diff-\d{4}-\d{4})\.(md|html|json)|\.ngkt-report\.json)\..+\.tmp")


class ForeignFolder(NgktError):
    """`--out` names a folder holding files ngkt did not write: refused, so that nothing of theirs is removed."""


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool
    removed: bool = False

    @property
    def action(self) -> str:
        return "removed" if self.removed else "wrote" if self.changed else "unchanged"


@contextmanager
def report_lock(folder: Path, wait_seconds: float):
    """Hold an exclusive lock on the report folder; wait for another run up to `wait_seconds`.

    The lock is flock(2) on the folder itself, so no lock file sits in (or beside) what is published.
    """
    if folder.exists() and not folder.is_dir():
        raise Refused(f"{folder}: a file, not a folder; --out names the folder the report set is written in")
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{folder}: another `ngkt report` still holds the lock after {wait_seconds:g}s; try again "
                        f"later or raise --wait"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_if_changed(path: Path, content: str) -> Written:
    """Write `content` atomically (temporary file in the same folder, then rename), only if it differs."""
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return Written(path, False)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is for reading
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Written(path, True)


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("ngkt_cli", "data/templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def year_pairs(years: list[int], extra: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Each pair of consecutive years with data, plus the pair asked for."""
    pairs = list(zip(years, years[1:]))
    if extra and extra not in pairs:
        missing = [y for y in extra if y not in years]
        if missing:
            raise UsageError(
                f"--years: no priority statements for {missing[0]};"
                f" years with some: {', '.join(map(str, years)) or 'none'}"
            )
        pairs.append(extra)
    return pairs


def _as_of(conn: sqlite3.Connection, counting: queries.Counting) -> str | None:
    return conn.execute(
        f"SELECT max(date) FROM documents d WHERE duplicate_of IS NULL{counting.scope_sql()}"
    ).fetchone()[0]


def _theme_matrix(
    conn: sqlite3.Connection, years: list[int], codebook: tuple[Theme, ...], counting: queries.Counting
) -> list[dict]:
    """Each theme's count and share per year, out of the year's statements, for the heat map."""
    base = queries.theme_base(conn, counting=counting)
    matrix: dict[str, dict] = {}
    for row in queries.theme_shares(conn, codebook, counting=counting, totals=base):
        entry = matrix.setdefault(
            row["theme"],
            {
                "label": row["label"],
                "shares": {y: 0.0 for y in years},
                "counts": {y: 0 for y in years},
                "statements": {y: base.get(y, 0) for y in years},
            },
        )
        if row["year"] in entry["shares"]:
            entry["shares"][row["year"]] = row["share"]
            entry["counts"][row["year"]] = row["count"]
    return list(matrix.values())


def index_html(env, index: dict) -> str:
    """The index page: the diffs, then the timeline and the heat map drawn to fit the page."""
    timeline = charts.timeline_chart(index["timeline"]["years"], index["timeline"]["threads"])
    heat_map = charts.heat_map(index["years"], index["themes"])
    return env.get_template("index.html.j2").render(**index, timeline_chart=timeline, heat_map=heat_map)


def index_markdown(env, index: dict) -> str:
    """The index as Markdown; each table well-formed (escaped cells), or a sentence when it would be empty."""
    years, threads = index["timeline"]["years"], index["timeline"]["threads"]
    thread_rows = [
        {"thread": t["thread_id"], **{str(y): render.timeline_mark(t["years"], y) for y in years}, "label": t["label"]}
        for t in threads
    ]
    theme_rows = [
        {"theme": t["label"], **{str(y): f"{t['shares'][y]:.0%}" for y in index["years"]}} for t in index["themes"]
    ]
    return env.get_template("index.md.j2").render(
        **index,
        thread_table=render.markdown_table(thread_rows, ["thread", *map(str, years), "label"]) if thread_rows else None,
        theme_table=render.markdown_table(theme_rows, ["theme", *map(str, index["years"])])
        if theme_rows and index["years"]
        else None,
    )


def diff_html(env, diff) -> str:
    """The diff page: the template of `render.diff_model`, the model the terminal and Markdown
    layouts read, with the theme chart drawn to fit."""
    return env.get_template("diff.html.j2").render(diff=render.diff_model(diff), theme_bars=charts.theme_bars(diff))


def report_pages(
    conn: sqlite3.Connection,
    codebook: tuple[Theme, ...],
    extra: tuple[int, int] | None = None,
    counting: queries.Counting = queries.IN_SCOPE,
) -> dict[str, str]:
    """Every file of the report set by name: the index and each diff page, in three formats.
    Off-topic articles and other actors' statements are left out (and counted as such) unless
    `counting` counts them."""
    years = queries.years_with(conn, counting=counting)
    pairs = year_pairs(years, extra)
    env = _environment()
    timeline_years, timeline_rows = queries.timeline(conn, counting=counting)
    files: dict[str, str] = {}
    pages = []
    for before, after in pairs:
        diff = queries.year_diff(conn, before, after, counting=counting, codebook=codebook)
        stem = f"diff-{before}-{after}"
        files[f"{stem}.md"] = render.diff_markdown(diff)
        files[f"{stem}.json"] = json.dumps(render.diff_to_dict(diff), ensure_ascii=False, indent=2) + "\n"
        files[f"{stem}.html"] = diff_html(env, diff)
        pages.append(
            {
                "from": before,
                "to": after,
                "stem": stem,
                "new": len(diff.new),
                "dropped": len(diff.dropped),
                "persisting": len(diff.persisting),
                "thin": [y for y, thin in ((before, diff.thin_before), (after, diff.thin_after)) if thin],
            }
        )
    index = {
        "as_of": _as_of(conn, counting),
        "years": years,
        "diffs": pages,
        "timeline": {"years": timeline_years, "threads": timeline_rows},
        "themes": _theme_matrix(conn, years, codebook, counting),
        # the articles were read with an earlier version's rules (reading.py): say so on the page
        "read_with_earlier_rules": read_by_older_rules(conn),
    }
    files["index.json"] = json.dumps(index, ensure_ascii=False, indent=2, default=str) + "\n"
    files["index.md"] = index_markdown(env, index)
    files["index.html"] = index_html(env, index)
    return files


def earlier_files(folder: Path) -> set[str]:
    """The files of `folder` an earlier run wrote (its manifest, or for a folder without one, every
    file when all are report files); refuses a folder holding anything else."""
    present = {p.name for p in folder.iterdir()}
    leftovers = {name for name in present if TEMPORARY_FILE.fullmatch(name)}
    if MANIFEST_NAME in present:
        try:
            listed = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
            return {name for name in listed if REPORT_FILE.fullmatch(name)} | leftovers  # never "../notes.txt"
        except (ValueError, KeyError, TypeError):
            raise ForeignFolder(
                f"{folder / MANIFEST_NAME}: not a manifest ngkt can read; remove it to let `report` take the folder "
                f"over"
            ) from None
    foreign = sorted(name for name in present - leftovers - {LEGACY_LOCK_NAME} if not REPORT_FILE.fullmatch(name))
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise ForeignFolder(
            f"{folder}: holds files ngkt did not write ({shown}); give `report --out` an empty or new folder, or one "
            f"it wrote before"
        )
    return present


def _manifest(names) -> str:
    return json.dumps({"written_by": "ngkt report", "files": sorted(names)}, indent=2) + "\n"


def publish(folder: Path, files: dict[str, str]) -> list[Written]:
    """Make `folder` hold exactly `files` (plus what others put there): write, then remove the stale.

    The manifest lists old and new files while the run writes, so that a run cut short leaves
    nothing the next run would not know to remove.
    """
    earlier = earlier_files(folder)
    write_if_changed(folder / MANIFEST_NAME, _manifest(earlier - {MANIFEST_NAME, LEGACY_LOCK_NAME} | set(files)))
    written = [write_if_changed(folder / name, content) for name, content in files.items()]
    for name in sorted(earlier - set(files) - {MANIFEST_NAME}):
        (folder / name).unlink(missing_ok=True)
        if not name.startswith("."):
            written.append(Written(folder / name, True, removed=True))
    written.append(write_if_changed(folder / MANIFEST_NAME, _manifest(files)))
    return written


def build_report(
    conn: sqlite3.Connection,
    folder: Path,
    codebook: tuple[Theme, ...],
    extra: tuple[int, int] | None = None,
    counting: queries.Counting = queries.IN_SCOPE,
) -> list[Written]:
    """Write the index and every diff page, remove what no longer belongs; returns what was done."""
    return publish(folder, report_pages(conn, codebook, extra, counting))
