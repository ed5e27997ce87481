"""Measure a Vietnamese word segmenter against syllable n-grams as linking terms (docs/linking.md).

Needs underthesea, which ngkt does not depend on:

    .venv/bin/pip install underthesea==9.5.0
    .venv/bin/python benchmarks/tune_links_segmenter.py words             # underthesea words
    .venv/bin/python benchmarks/tune_links_segmenter.py words+syllables   # words and syllables
    .venv/bin/python benchmarks/tune_links_segmenter.py syllables+pairs   # the default, for comparison

Prints the grid of benchmarks/tune_links.py with the chosen terms.
"""

from __future__ import annotations

import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tune_links  # noqa: E402

import ngkt_cli.link as link  # noqa: E402
from ngkt_cli.text import key  # noqa: E402

MODES = ("syllables+pairs", "words", "words+syllables")
_default_features = link._features.__wrapped__


@lru_cache(maxsize=None)
def _words(text: str) -> tuple[str, ...]:
    from underthesea import word_tokenize

    tokens = [t.lower() for t in word_tokenize(key(text), format="text").split() if any(c.isalpha() for c in t)]
    return tuple(t for t in tokens if t not in link.STOP_SYLLABLES)


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "words"
    if mode not in MODES:
        raise SystemExit(f"mode must be one of {', '.join(MODES)}")
    if mode != "syllables+pairs":
        def segmented(text: str, ngrams: tuple[int, ...]) -> Counter[str]:
            terms = Counter(_words(text))
            if mode == "words+syllables":
                terms.update(_default_features(text, (1,)))
            return terms

        link._features = lru_cache(maxsize=None)(segmented)
    tune_links.main()


if __name__ == "__main__":
    main()
