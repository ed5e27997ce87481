"""The phases of one `ngkt ingest` as its main process lives them: wall clock and the main
process's CPU when the first input is handed to the pool, when the first and last prepared
documents arrive, around the term counts and the linking, and at the end.

    NGKT_WORKERS=2 python benchmarks/phases.py DB CORPUS

DB is removed first. The workers' CPU is printed last (the children's). Run it before and after
a change alternately (PYTHONPATH holding a `git archive` of each version): the wall clock of the
parallel phase moves with the machine's load, the main process's CPU much less.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import resource
import sys
import time

START = time.perf_counter()

# As `ngkt` imports them: through the compiled patterns it keeps (since session 9), when the
# ngkt_cli imported (PYTHONPATH's) has them.
_PACKAGE = importlib.util.find_spec("ngkt_cli")
_KEEPS = bool(
    _PACKAGE and _PACKAGE.origin and os.path.exists(os.path.join(os.path.dirname(_PACKAGE.origin), "regex_cache.py"))
)


def kept() -> contextlib.AbstractContextManager:
    """`regex_cache.kept()` when the code measured has it, as the `ngkt` command runs in it."""
    if not _KEEPS:
        return contextlib.nullcontext()
    from ngkt_cli import regex_cache

    return regex_cache.kept()


with kept():
    from ngkt_cli import cli, ingest  # noqa: E402  (the imports are a phase)

marks: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    marks.append((name, time.perf_counter() - START, time.process_time()))


def _wrap_prepare_all(original):
    def prepare_all(*args, **kwargs):
        mark("pool started")
        first = True
        for prepared in original(*args, **kwargs):
            if first:
                mark("first prepared")
                first = False
            yield prepared
        mark("last prepared")

    return prepare_all


def _around(name: str, original):
    def timed(*args, **kwargs):
        mark(f"{name} start")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"{name} end")

    return timed


def main(db: str, corpus: str) -> None:
    mark("imported")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    ingest.prepare_all = _wrap_prepare_all(ingest.prepare_all)
    ingest.link_pending = _around("linking", ingest.link_pending)
    ingest.TermCounts.flush = _around("term counts", ingest.TermCounts.flush)
    sys.argv = ["ngkt", "--db", db, "ingest", "--quiet", corpus]
    try:
        with kept():  # the workers, forked inside it, keep what they compile on first use
            cli.main()
    except SystemExit:
        pass
    mark("end")
    for name, wall, cpu in marks:
        print(f"{name:20s} wall {wall:7.2f}  main CPU {cpu:6.2f}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"workers' CPU {children.ru_utime + children.ru_stime:.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
