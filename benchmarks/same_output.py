"""Check that a change to the per-article stages leaves their output exactly as it was.

    python benchmarks/same_output.py dump OUT.jsonl FOLDER_OR_FILE...   # one line per input
    python benchmarks/same_output.py compare BEFORE.jsonl AFTER.jsonl

`dump` runs the ingest worker's whole per-article step (`ingest.prepare`: cleaning, dates,
people, scope, lists, directives, keys, themes, actor levels, paragraph terms) on every input
and writes its result as canonical JSON, one input a line. Run it once with the code before a
change (e.g. `PYTHONPATH=/tmp/before` holding `git archive` of the old commit) and once after,
with the same PYTHONHASHSEED, then `compare`: it prints how many inputs differ and names them,
except those under a `heldout` folder, which are only counted (their texts are not to be read).
Exit status 1 when any input differs.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from ngkt_cli import ingest


def _canonical(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, bytes):
        return value.hex()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _inputs(names: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in names:
        path = Path(name)
        found += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return found


def dump(out: str, names: list[str]) -> None:
    with open(out, "w", encoding="utf-8") as lines:
        for path in _inputs(names):
            prepared = ingest.prepare(str(path), path, ingest.DEFAULT_MAX_BYTES, None)
            # each paragraph's terms come out in set order: compare them as a sorted list
            terms = "\n".join(sorted(prepared.paragraph_terms.split("\n")))
            prepared = dataclasses.replace(prepared, paragraph_terms=terms)
            lines.write(json.dumps([str(path), _canonical(prepared)], ensure_ascii=False, sort_keys=True) + "\n")


def compare(before: str, after: str) -> int:
    old = [json.loads(line) for line in open(before, encoding="utf-8")]
    new = [json.loads(line) for line in open(after, encoding="utf-8")]
    if [name for name, _ in old] != [name for name, _ in new]:
        print("the two dumps are of different inputs")
        return 1
    differ = [name for (name, a), (_, b) in zip(old, new) if a != b]
    held_out = [name for name in differ if "/heldout/" in name]
    print(f"{len(old)} inputs, {len(differ)} differ ({len(held_out)} of them held out)")
    for name in differ:
        if name not in held_out:
            print(f"  differs: {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "dump":
        dump(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
