"""The single writer's CPU by phase, with the workers' output replayed, so that the workers'
share of two busy cores does not blur it:

    python benchmarks/replay_writer.py prepare CORPUS CHUNKS.pickle   # once, with the code to test
    python benchmarks/replay_writer.py run CHUNKS.pickle DB           # as often as needed

`prepare` prepares every chunk as a pool worker does (`ingest._prepare_chunk`, two processes)
and keeps each chunk pickled as the pool sends it. `run` removes DB, then unpickles, writes,
links and closes it all with `ingest._write_and_link` in one process and prints the CPU of
each phase: the writer (unpickling included), the term counts, the linking and the close.
Compare versions alternately on the same chunks (PYTHONPATH holding a `git archive` of each).
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from multiprocessing import get_context


def prepare(corpus: str, out: str) -> None:
    from ngkt_cli import ingest, themes

    codebook = themes.load_codebook()
    inputs, _ = ingest.collect_inputs([corpus])
    jobs = [(display, path, ingest.DEFAULT_MAX_BYTES, None) for display, path in inputs]
    chunks = [jobs[start : start + ingest.PREPARE_CHUNK] for start in range(0, len(jobs), ingest.PREPARE_CHUNK)]
    with get_context("fork").Pool(2) as pool:
        pickled = pool.starmap(_prepare_one, [(chunk, codebook) for chunk in chunks])
    with open(out, "wb") as file:
        pickle.dump(pickled, file)


def _prepare_one(chunk, codebook) -> bytes:
    from multiprocessing.reduction import ForkingPickler

    from ngkt_cli import ingest

    return bytes(ForkingPickler.dumps(ingest._prepare_chunk(chunk, codebook)))


def run(chunks_file: str, db_path: str) -> None:
    from ngkt_cli import db, ingest, themes

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    with open(chunks_file, "rb") as file:
        pickled = pickle.load(file)
    codebook = themes.load_codebook()
    marks: list[tuple[str, float]] = []

    def mark(name: str) -> None:
        marks.append((name, time.process_time()))

    def replayed():
        for chunk in pickled:
            yield from pickle.loads(chunk)
        mark("writer")

    link_pending, flush = ingest.link_pending, ingest.TermCounts.flush

    def timed_link(*args, **kwargs):
        mark("-")
        result = link_pending(*args, **kwargs)
        mark("linking")
        return result

    def timed_flush(self, conn):
        mark("-")
        flush(self, conn)
        mark("term counts")

    ingest.link_pending, ingest.TermCounts.flush = timed_link, timed_flush
    conn = db.open_db(db_path)
    mark("start")
    ingest._write_and_link(conn, replayed(), codebook)
    conn.close()
    mark("close")
    phases = [(name, now - before) for (_, before), (name, now) in zip(marks, marks[1:]) if name != "-"]
    print(f"CPU {marks[-1][1] - marks[0][1]:.3f} s: " + ", ".join(f"{name} {cpu:.3f}" for name, cpu in phases))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
