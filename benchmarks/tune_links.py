"""Measure the linking thresholds on the seeds' gold links (docs/linking.md shows the result).

    .venv/bin/python benchmarks/tune_links.py

Ingests seeds/ into a temporary database, then relinks it with every combination of threshold
and head-theme bonus and counts how many of the gold constraints (must_link groups and
must_not_link pairs of tests/data/gold_seeds.json) hold.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ngkt_cli.db import open_db, transaction  # noqa: E402
from ngkt_cli.ingest import ingest_paths  # noqa: E402
from ngkt_cli.link import LinkSettings, relink  # noqa: E402

GOLD = json.loads((ROOT / "tests" / "data" / "gold_seeds.json").read_text(encoding="utf-8"))
THRESHOLDS = [0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.28, 0.32]
BONUSES = [0.0, 0.05, 0.10, 0.15, 0.20]


def statement_id(conn, ref: str) -> str:
    prefix, rest = ref.split("/")
    kind, ordinal = rest.split("#")
    return conn.execute(
        """SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
           WHERE d.path LIKE ? AND s.kind = ? AND s.ordinal = ? AND s.list_id IS NOT NULL""",
        [f"%/{prefix}%", kind, int(ordinal)],
    ).fetchone()[0]


def constraints_held(conn) -> int:
    thread = dict(conn.execute("SELECT id, thread_id FROM statements"))
    held = 0
    for group in GOLD["threads"]["must_link"]:
        together = {thread[statement_id(conn, r)] for r in group["items"]}
        extra = group.get("with_any_of")
        held += len(together) == 1 and (not extra or any(thread[statement_id(conn, r)] in together for r in extra))
    for first, second in GOLD["threads"]["must_not_link"]:
        held += thread[statement_id(conn, first)] != thread[statement_id(conn, second)]
    return held


def main() -> None:
    conn = open_db(Path(tempfile.mkdtemp()) / "tune.db")
    ingest_paths(conn, [str(ROOT / "seeds")])
    total = len(GOLD["threads"]["must_link"]) + len(GOLD["threads"]["must_not_link"])
    print("gold constraints held (of %d) by threshold (columns) and head-theme bonus (rows)" % total)
    print("bonus  " + " ".join(f"{t:>5.2f}" for t in THRESHOLDS))
    for bonus in BONUSES:
        cells = []
        for threshold in THRESHOLDS:
            with transaction(conn):
                relink(conn, LinkSettings(threshold=threshold, head_theme_bonus=bonus))
            cells.append(f"{constraints_held(conn):>5}")
        print(f"{bonus:<6.2f} " + " ".join(cells))


if __name__ == "__main__":
    main()
