"""Stage 5: YearDiffs and timelines -> a report set (Markdown, self-contained HTML, JSON) for cron.

Cron-safe by construction: no terminal needed; each file written atomically (temporary file,
then rename) and only when its content changed, so a rerun over unchanged data rewrites nothing;
no timestamps other than the data's own as-of date; a lock so that two runs never interleave.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import queries, render
from .errors import LockTimeout, UsageError
from .scope import SQL_IN_SCOPE

LOCK_NAME = ".ngkt-report.lock"


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


@contextmanager
def report_lock(folder: Path, wait_seconds: float):
    """Hold an exclusive lock on the report folder; wait for another run up to `wait_seconds`."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a") as handle:  # "a": taking the lock never touches the file
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{folder}: another `ngkt report` still holds the lock after {wait_seconds:g}s; try again later or raise --wait"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
            raise UsageError(f"--years: no priority statements for {missing[0]}; years with some: {', '.join(map(str, years))}")
        pairs.append(extra)
    return pairs


def _as_of(conn: sqlite3.Connection, include_out_of_scope: bool = False) -> str | None:
    scope = "" if include_out_of_scope else f" AND {SQL_IN_SCOPE}"
    return conn.execute(f"SELECT max(date) FROM documents d WHERE duplicate_of IS NULL{scope}").fetchone()[0]


def _theme_matrix(conn: sqlite3.Connection, years: list[int]) -> list[dict]:
    """Each theme's share per year, for the chart of theme shares over the years."""
    shares: dict[str, dict] = {}
    for row in queries.theme_shares(conn):
        entry = shares.setdefault(row["theme"], {"label": row["label"], "shares": {y: 0.0 for y in years}})
        if row["year"] in entry["shares"]:
            entry["shares"][row["year"]] = row["share"]
    return list(shares.values())


def build_report(
    conn: sqlite3.Connection, folder: Path, extra: tuple[int, int] | None = None, include_out_of_scope: bool = False
) -> list[Written]:
    """Write the index and every diff page; returns what was written (changed or not).
    Off-topic articles are left out (and counted as such) unless `include_out_of_scope`."""
    years = queries.years_with(conn, include_out_of_scope=include_out_of_scope)
    pairs = year_pairs(years, extra)
    env = _environment()
    timeline_years, timeline_rows = queries.timeline(conn, include_out_of_scope=include_out_of_scope)
    written = []
    pages = []
    for before, after in pairs:
        diff = queries.year_diff(conn, before, after, include_out_of_scope=include_out_of_scope)
        stem = f"diff-{before}-{after}"
        data = render.diff_to_dict(diff)
        written.append(write_if_changed(folder / f"{stem}.md", render.diff_markdown(diff)))
        written.append(write_if_changed(folder / f"{stem}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
        html = env.get_template("diff.html.j2").render(diff=diff, data=data, theme_rows=render.theme_rows(diff), arrows=render.ARROWS, one_line=render.one_line, document_name=render.document_name, coverage=render.coverage(diff), cautions=render.cautions(diff))
        written.append(write_if_changed(folder / f"{stem}.html", html))
        pages.append({"from": before, "to": after, "stem": stem, "new": len(diff.new), "dropped": len(diff.dropped), "persisting": len(diff.persisting),
                      "thin": [y for y, thin in ((before, diff.thin_before), (after, diff.thin_after)) if thin]})
    index = {
        "as_of": _as_of(conn, include_out_of_scope), "years": years, "diffs": pages,
        "timeline": {"years": timeline_years, "threads": timeline_rows},
        "themes": _theme_matrix(conn, years),
    }
    written.append(write_if_changed(folder / "index.json", json.dumps(index, ensure_ascii=False, indent=2, default=str) + "\n"))
    written.append(write_if_changed(folder / "index.md", env.get_template("index.md.j2").render(**index)))
    written.append(write_if_changed(folder / "index.html", env.get_template("index.html.j2").render(**index)))
    return written
