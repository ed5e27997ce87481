"""Sketches of bodies: how much two bodies share, estimated without reading either again, and the
cheap first test that lets the duplicate check pass over most candidates."""

from __future__ import annotations

import struct

from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ngkt_cli.ingest import DUPLICATE_CONTAINMENT
from ngkt_cli.sketches import (
    SKETCH_SIZE,
    UnpackedSketch,
    _kth_of_union,
    _smallest,
    containment,
    may_reach,
    sketch,
)

ORIGINAL = (SEEDS / "000_27309452084d270c.txt").read_text(encoding="utf-8")
OTHER = (SEEDS / "002_7f21be67278d383d.txt").read_text(encoding="utf-8")


def test_sketches_estimate_how_much_two_bodies_share():
    copy = ORIGINAL.replace("Phó Chủ tịch Quốc hội Nguyễn Khắc Định điều hành nội dung phiên họp.", "")
    assert containment(sketch(ORIGINAL), sketch(copy)) > 0.9
    assert containment(sketch(ORIGINAL), sketch(OTHER)) < 0.1
    assert containment(sketch("một hai ba bốn năm"), sketch("một hai ba bốn năm")) == 1.0


def test_the_first_test_passes_a_copy_and_turns_another_article_away():
    copy = ORIGINAL.replace("Phó Chủ tịch Quốc hội Nguyễn Khắc Định điều hành nội dung phiên họp.", "")
    mine = UnpackedSketch.of(sketch(ORIGINAL))
    assert may_reach(mine, sketch(copy), DUPLICATE_CONTAINMENT)
    assert not may_reach(mine, sketch(OTHER), DUPLICATE_CONTAINMENT)
    # half of the article is not a copy of it, though every sentence of it is there
    half = "\n\n".join(ORIGINAL.split("\n\n")[: len(ORIGINAL.split("\n\n")) // 2])
    assert not may_reach(UnpackedSketch.of(sketch(half + "\n\n" + OTHER)), sketch(ORIGINAL), DUPLICATE_CONTAINMENT)


def _stored(shingles: set[int], extra_count: int) -> tuple[int, bytes]:
    """A sketch as stored: its body's distinct shingle count and its smallest hashes packed."""
    smallest = sorted(shingles)[:SKETCH_SIZE]
    return len(shingles) + extra_count, struct.pack(f">{len(smallest)}q", *smallest)


@st.composite
def sketch_pairs(draw):
    """Two bodies' sketches that share a good part of their shingles, so that estimates land on
    both sides of any threshold: the second body is part of the first plus shingles of its own.
    Shingle hashes from a narrow range make the union's smallest hashes fall in both sketches,
    in one or in neither; counts may exceed the shingles drawn (a long body's sketch)."""
    low = draw(st.sampled_from([-(2**63), -5000, 0]))
    hashes = st.integers(low, min(2**63 - 1, low + draw(st.sampled_from([300, 3000, 2**64]))))
    first = draw(st.sets(hashes, min_size=1, max_size=400))
    kept = draw(st.sets(st.sampled_from(sorted(first)), max_size=len(first)))
    second = kept | draw(st.sets(hashes, max_size=draw(st.sampled_from([0, 5, 50, 400]))))
    if not second:
        second = {min(first)}
    counts = st.integers(0, 0) | st.integers(0, 3000)
    return _stored(first, draw(counts)), _stored(second, draw(counts))


@given(sketch_pairs(), st.floats(0.0, 1.5))
@example((_stored(set(range(200)), 0), _stored(set(range(200)), 0)), 1.0)  # the same body: exactly 1.0
@settings(max_examples=2000, deadline=None)
def test_the_first_test_never_turns_away_a_pair_the_estimate_accepts(pair, threshold):
    """The stored duplicates cannot change: whatever `containment` accepts, `may_reach` passes,
    at the estimate itself (the closest call there is) and at any threshold."""
    mine, theirs = pair
    estimate = containment(mine, theirs)
    for limit in (estimate, threshold, DUPLICATE_CONTAINMENT):
        if estimate >= limit:
            assert may_reach(UnpackedSketch.of(mine), theirs, limit)
            assert may_reach(UnpackedSketch.of(mine), UnpackedSketch.of(theirs), limit)


@given(sketch_pairs())
@settings(max_examples=300, deadline=None)
def test_the_first_test_reads_a_pair_the_same_either_way_round(pair):
    mine, theirs = pair
    assert containment(mine, theirs) == containment(theirs, mine)
    assert may_reach(UnpackedSketch.of(mine), theirs, 0.8) == may_reach(UnpackedSketch.of(theirs), mine, 0.8)


@given(
    st.sets(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=300),
    st.sets(st.integers(-(2**63), 2**63 - 1), max_size=300),
    st.data(),
)
@settings(max_examples=300, deadline=None)
def test_the_kth_hash_of_two_sketches_is_their_unions(first, second, data):
    """The merge behind `containment` against the plain definition, shared hashes included."""
    second |= set(data.draw(st.lists(st.sampled_from(sorted(first)), max_size=20)))
    union = sorted(first | second)
    k = data.draw(st.integers(1, len(union)))
    assert _kth_of_union(sorted(sorted(first) + sorted(second)), sorted(first & second), k) == union[k - 1]


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.integers(-(2**63), 2**63 - 1), max_size=700)
    | st.sets(st.integers(-(2**63), -(2**63) + 10_000), max_size=700)  # all below any bound
    | st.sets(st.integers(2**62, 2**63 - 1), max_size=700),  # all above it
    st.integers(1, 200),
)
def test_a_sketchs_smallest_hashes_are_the_smallest_whatever_their_spread(hashes, k):
    assert _smallest(hashes, k) == sorted(hashes)[:k]
