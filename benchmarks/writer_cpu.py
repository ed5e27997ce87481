"""The single writer's CPU time for one ingest: the ingesting process's own CPU (its pool's
workers are other processes), and how much of it the linking took.

    NGKT_WORKERS=2 python benchmarks/writer_cpu.py CORPUS DB [--count]

DB is removed first. `time.process_time()` counts every thread of the process, so the pool's
result thread, which unpickles what the workers send, is counted too. With --count, the
duplicate check's containment estimates and first tests are counted (which slows it a little:
time without it). Measure before and after a change alternately, with PYTHONPATH pointing at
a `git archive` of each version, since the machine's load moves CPU times too.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

from ngkt_cli import db, ingest


def main(corpus: str, path: str, count: bool) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    calls: Counter[str] = Counter()
    if count:
        for name in ("containment", "may_reach"):
            if hasattr(ingest, name):
                setattr(ingest, name, _counted(getattr(ingest, name), name, calls))
    linking = []
    link_pending = ingest.link_pending

    def timed_link(*args, **kwargs):
        started = time.process_time()
        try:
            return link_pending(*args, **kwargs)
        finally:
            linking.append(time.process_time() - started)

    ingest.link_pending = timed_link
    conn = db.open_db(path)
    started, wall = time.process_time(), time.perf_counter()
    outcomes = ingest.ingest_paths(conn, [corpus])
    cpu = time.process_time() - started
    statuses = dict(Counter(o.status for o in outcomes))
    counted = f" containment estimates {calls['containment']}, first tests {calls['may_reach']}" if count else ""
    print(
        f"{os.path.basename(corpus.rstrip('/'))}: writer CPU {cpu:.2f} s (linking {sum(linking):.2f} s),"
        f" wall {time.perf_counter() - wall:.1f} s, {statuses}{counted}"
    )


def _counted(function, name: str, calls: Counter):
    def counted(*args):
        calls[name] += 1
        return function(*args)

    return counted


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--count"]
    if len(arguments) != 2:
        raise SystemExit(__doc__)
    main(arguments[0], arguments[1], "--count" in sys.argv)
