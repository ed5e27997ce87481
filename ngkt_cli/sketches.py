"""Sketches of article bodies, and how much two bodies share by them (pure arithmetic).

The duplicate check (`ingest.find_original`) compares each new article with every stored one of
its day and the days beside it. A body is kept as a bottom-k sketch: the SKETCH_SIZE smallest
hashes of its word 4-grams (shingles) and how many distinct shingles it has. `containment`
estimates from two sketches the share of the smaller body's shingles the other has too;
`may_reach` is a cheaper first test that rejects a candidate only when its estimate cannot reach
the threshold.
"""

from __future__ import annotations

import bisect
import struct
import zlib

from .text import key

SHINGLE_WORDS = 4

# Shingles kept per document: the smallest hashes of its word 4-grams (a bottom-k sketch). Two
# sketches estimate how much two bodies share without reading either body again.
SKETCH_SIZE = 128

# A stored sketch: (number of distinct shingles, its hashes packed as big-endian 64-bit integers).
Stored = tuple[int, bytes]


class _WordHashes(dict):
    """word -> CRC-32 (the same in every process and run, unlike Python's salted str hash()),
    computed on first sight: an archive's vocabulary is small, its words many."""

    def __missing__(self, word: str) -> int:
        found = self[word] = zlib.crc32(word.encode())
        return found


_WORD_HASHES = _WordHashes()


def sketch(body: str, body_key: str | None = None) -> Stored:
    """(number of distinct shingles, the SKETCH_SIZE smallest shingle hashes packed as bytes).

    A shingle's hash is Python's hash of the tuple of its four word hashes: integers and tuples
    of integers hash the same in every process and run (only str and bytes are salted), and it
    is computed in C. `SKETCH_SCHEME` records it with the sketches, in case a Python release
    ever changes it.
    """
    hashes = list(map(_WORD_HASHES.__getitem__, (body_key or key(body)).split()))
    hashes += [0] * (SHINGLE_WORDS - len(hashes))
    shingles = set(map(hash, zip(*(hashes[start:] for start in range(SHINGLE_WORDS)))))
    return len(shingles), struct.pack(f">{min(len(shingles), SKETCH_SIZE)}q", *_smallest(shingles, SKETCH_SIZE))


# Shingle hashes spread evenly over the 64-bit range: of n of them, about k * 3/2 lie below
# HASH_LOW + HASH_SPAN * (k * 3/2) / n; fewer than k (five standard deviations off) almost never.
HASH_LOW, HASH_SPAN = -(2**63), 2**64


def _smallest(hashes: set[int], k: int) -> list[int]:
    """The k smallest of `hashes`, ascending: those below a bound that about k * 3/2 of them lie
    under are sorted (sorting all of an article's ~650 took twice as long), and all of them
    when fewer than k lie under it."""
    if len(hashes) > 2 * k:
        bound = HASH_LOW + HASH_SPAN * (3 * k // 2) // len(hashes)
        few = [h for h in hashes if h < bound]
        if len(few) >= k:  # every hash left out is above all of these
            few.sort()
            return few[:k]
    return sorted(hashes)[:k]


# Changes when the shingle hash does: sketches stored under another scheme are dropped (and
# computed again from their bodies when the duplicate check meets them).
SKETCH_SCHEME = f"crc32-words-{SHINGLE_WORDS}:{hash(tuple(range(SHINGLE_WORDS)))}"

_FULL_SKETCH = struct.Struct(f">{SKETCH_SIZE}q")


def unpack(packed: bytes) -> tuple[int, ...]:
    """A stored sketch's hashes, ascending (as stored)."""
    if len(packed) == _FULL_SKETCH.size:  # most: an article has more than SKETCH_SIZE shingles
        return _FULL_SKETCH.unpack(packed)
    return struct.unpack(f">{len(packed) // 8}q", packed)


class UnpackedSketch:
    """A stored sketch unpacked once for many comparisons: its hashes in ascending order (as
    stored), and as a set when it is the one compared with many others."""

    __slots__ = ("count", "ascending", "_hashes")

    def __init__(self, count: int, ascending: tuple[int, ...]) -> None:
        self.count = count
        self.ascending = ascending
        self._hashes: frozenset[int] | None = None

    @property
    def hashes(self) -> frozenset[int]:
        if self._hashes is None:
            self._hashes = frozenset(self.ascending)
        return self._hashes

    @classmethod
    def of(cls, stored: Stored | UnpackedSketch) -> UnpackedSketch:
        if isinstance(stored, UnpackedSketch):
            return stored
        return cls(stored[0], unpack(stored[1]))


def _estimate(in_both: int, size: int, my_count: int, their_count: int) -> float:
    """The containment estimated when `in_both` of the `size` smallest hashes of the two
    sketches' union are in both: the Jaccard index J = in_both / size, then the shingles in
    both |A ∩ B| = J (|A| + |B|) / (1 + J), as a share of the smaller body's."""
    jaccard = in_both / size
    shared = jaccard * (my_count + their_count) / (1 + jaccard)
    return shared / max(1, min(my_count, their_count))


def containment(mine: Stored | UnpackedSketch, theirs: Stored | UnpackedSketch) -> float:
    """Estimated share of the smaller body's shingles that the other has too.

    The Jaccard index J is estimated from the bottom-k of the union of the two sketches (the
    share of it in both); then |A ∩ B| = J (|A| + |B|) / (1 + J).
    """
    a, b = UnpackedSketch.of(mine), UnpackedSketch.of(theirs)
    in_both = sorted(a.hashes.intersection(b.ascending))
    if not in_both:  # no shingle in common: nothing to merge
        return 0.0
    size = min(SKETCH_SIZE, len(a.ascending) + len(b.ascending) - len(in_both))
    last = _kth_of_union(sorted(a.ascending + b.ascending), in_both, size)
    return _estimate(bisect.bisect_right(in_both, last), size, a.count, b.count)


def _kth_of_union(merged: list[int], in_both: list[int], k: int) -> int:
    """The k-th smallest distinct hash of two ascending sketches, given `merged` (both, sorted:
    the sort merges two runs in C) and the ascending hashes they share (which `merged` holds
    twice). The k-th distinct value's first copy sits at k - 1 plus the number of shared values
    below it; that number only grows, so this settles in a step or two. (Sorting the union as a
    set instead took a quarter of a 10,000-article ingest.)"""
    below = 0
    while True:
        position = k - 1 + below
        value = merged[position]
        shared_below = bisect.bisect_left(in_both, value)
        if shared_below != below:
            below = shared_below
        elif position and merged[position - 1] == value:  # the second copy of a shared value
            below += 1
        else:
            return value


# Relative slack for floating-point rounding in `may_reach` (see there): far above the 12 units
# in the last place (about 1.3e-15) two estimates computed alike can be out of order by, far
# below any difference between two estimates of different hash counts that matters.
ROUNDING_SLACK = 1e-9


def may_reach(mine: UnpackedSketch, theirs: Stored | UnpackedSketch, threshold: float) -> bool:
    """False only when `containment(mine, theirs)` is surely below `threshold`: the duplicate
    check's first test of a candidate, one set intersection in C where `containment` sorts
    and merges both sketches.

    Why it never rejects a pair that `containment` accepts. Let n be how many hashes the two
    sketches share and size = min(SKETCH_SIZE, |union of the sketches|), as `containment` counts
    them. `containment` is `_estimate(j, size, ...)` where j counts the shared hashes among the
    union's `size` smallest, so j <= n and j <= size: j <= m = min(n, size) (and it is 0.0 when
    n = 0, which `_estimate(0, ...)` is too). In exact arithmetic `_estimate` grows with its
    first argument (J = j / size grows with j, and J / (1 + J) with J; the counts are fixed), so
    the estimate with m bounds the estimate with j from above. In floating point each of
    `_estimate`'s five operations is off by at most a relative 2^-53, so a computed estimate is
    within a factor (1 ± 6 * 2^-53) of the exact one, and the estimate with j computed can exceed
    the one with m computed by at most a relative 12 * 2^-53 (about 1.3e-15). Rejecting only
    when the estimate with m is below `threshold` by more than ROUNDING_SLACK (1e-9, relative)
    therefore rejects only pairs whose computed containment is below `threshold`.
    """
    if isinstance(theirs, UnpackedSketch):
        count, ascending = theirs.count, theirs.ascending
    else:
        count, ascending = theirs[0], unpack(theirs[1])
    shared = len(mine.hashes.intersection(ascending))
    size = min(SKETCH_SIZE, len(mine.ascending) + len(ascending) - shared)
    if size <= 0:  # two empty sketches (stored by hand): let containment say
        return True
    return _estimate(min(shared, size), size, mine.count, count) >= threshold * (1 - ROUNDING_SLACK)
