"""The linking's own cost on the benchmark corpus, for two versions of the code side by side.

    .venv/bin/python benchmarks/link_time.py [--before DIR] [--rounds 3]

Writes the 2,000-article corpus of benchmarks/run.py (verbatim, and with 80% of the list items
reworded), ingests each once per version, then times in alternating rounds, in a fresh process
per measure: `relink` (a full linking: every statement scored, threads written, labels chosen)
and the paragraph term counting of all bodies (ingest's share of linking); the whole ingest is
timed once per version. --before names a
directory holding another version's ngkt_cli (for example `git archive COMMIT | tar -x -C DIR`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import write_corpus  # noqa: E402

MEASURE = """
import sys, time
import ngkt_cli
sys.stderr.write(ngkt_cli.__file__ + "\\n")
from ngkt_cli.db import open_db, transaction
from ngkt_cli.link import relink, paragraph_terms
conn = open_db(sys.argv[1])
bodies = [r[0] for r in conn.execute("SELECT body FROM documents")]
start = time.perf_counter()
for body in bodies:
    paragraph_terms(body)
counted = time.perf_counter() - start
start = time.perf_counter()
with transaction(conn):
    result = relink(conn)
print(time.perf_counter() - start, counted, result["threads"])
"""


def ingest(code: Path, db: Path, corpus: Path) -> float:
    """Ingest the corpus into a new database; returns the wall time."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    # From the database's folder: `python -m` and `-c` put the working directory first on the
    # path, and from this checkout that would import its ngkt_cli whatever PYTHONPATH says.
    done = subprocess.run([sys.executable, "-m", "ngkt_cli", "--db", str(db), "ingest", "--quiet", str(corpus)],
                          env=env, capture_output=True, text=True, cwd=db.parent)
    if done.returncode not in (0,):
        raise SystemExit(f"ingest with {code} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def measure(code: Path, db: Path) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", MEASURE, str(db)], env=env, check=True, capture_output=True, text=True, cwd=db.parent)
    relink_s, counted_s, threads = out.stdout.split()
    return float(relink_s), float(counted_s), int(threads)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="a directory holding the other version's ngkt_cli")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=2000)
    args = parser.parse_args()
    versions = {"this": ROOT, **({"before": args.before} if args.before else {})}
    work = Path(tempfile.mkdtemp(prefix="ngkt-link-"))
    for corpus_name, rewording in (("verbatim", 0.0), ("reworded", 0.8)):
        corpus = work / corpus_name
        write_corpus(corpus, args.size, rewording=rewording)
        times: dict[str, list[tuple[float, float, int]]] = {v: [] for v in versions}
        ingests = {name: ingest(code, work / f"{name}-{corpus_name}.db", corpus) for name, code in versions.items()}
        for _ in range(args.rounds):
            for name, code in versions.items():
                times[name].append(measure(code, work / f"{name}-{corpus_name}.db"))
        for name, found in times.items():
            relinks = [t[0] for t in found]
            counts = [t[1] for t in found]
            print(f"{corpus_name:<9} {name:<7} relink {statistics.median(relinks):6.2f} s  "
                  f"term counting {statistics.median(counts):5.2f} s  threads {found[0][2]}  (whole ingest {ingests[name]:5.1f} s)")


if __name__ == "__main__":
    main()
