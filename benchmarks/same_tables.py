"""Check that a change to the writer leaves every stored row exactly as it was.

    python benchmarks/same_tables.py dump DB OUT.tsv INPUT...   # ingest INPUTs into a new DB, dump it
    python benchmarks/same_tables.py compare BEFORE.tsv AFTER.tsv

`dump` ingests the inputs (files or folders, as `ngkt ingest` takes them) into a new database
with the code on PYTHONPATH, then writes every table, the search index's own tables included,
one row a line in rowid order (or in column order for a table without rowids). Times of day
(`ingested_at`, `created_at`, `replaced_at`, the last ingest's) are masked and binary values
(sketches, the index's segments) hashed. Run it with the code before a change (PYTHONPATH
holding a `git archive` of the old commit) and after, then `compare`: exit status 1 and the
first lines that differ when any does.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections import Counter

TIMES = {"ingested_at", "created_at", "replaced_at"}


def dump(path: str, out: str, inputs: list[str]) -> None:
    from ngkt_cli import db, ingest

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    conn = db.open_db(path)
    outcomes = ingest.ingest_paths(conn, inputs)
    conn.close()
    print(dict(Counter(o.status for o in outcomes)))
    stored = sqlite3.connect(path)
    with open(out, "w", encoding="utf-8") as lines:
        for (table,) in stored.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            columns = [row[1] for row in stored.execute(f"PRAGMA table_info('{table}')")]
            try:
                rows = stored.execute(f"SELECT * FROM '{table}' ORDER BY rowid").fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID
                order = ", ".join(str(i + 1) for i in range(len(columns)))
                rows = stored.execute(f"SELECT * FROM '{table}' ORDER BY {order}").fetchall()
            for row in rows:
                values = [_value(table, column, value, row) for column, value in zip(columns, row, strict=True)]
                lines.write(f"{table}\t{json.dumps(values, ensure_ascii=False)}\n")


def _value(table: str, column: str, value, row):
    if column in TIMES or (table == "meta" and column == "value" and row[0] == "last_ingest"):
        return "<time>"
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()[:16]
    return value


def compare(before: str, after: str) -> int:
    old, new = open(before, encoding="utf-8").readlines(), open(after, encoding="utf-8").readlines()
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    print(f"{len(old)} rows before, {len(new)} after, {len(differ)} differ")
    for a, b in differ[:5]:
        print(f"- {a.rstrip()}\n+ {b.rstrip()}")
    return 1 if differ or len(old) != len(new) else 0


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "dump":
        dump(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        raise SystemExit(__doc__)
