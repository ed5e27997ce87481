"""Similarity of statements and their assignment to threads (pure: plain data in, threads out).

A statement is a bag of terms: its words (`words.segment`: longest match against a word list,
acronyms spelt out), each weighed by how rare it is among the corpus's paragraphs and, for the
generic words of the genre ("tiếp tục", "đẩy mạnh", "yêu cầu ... cần", list markers), by almost
nothing; and the codebook's themes it speaks of, as concept terms ("theme:research"), so that a
priority said in other words ("nghiên cứu, dự báo" / "tham mưu chiến lược") still shares them.

A statement is compared with the threads that share one of its rarest terms (an inverted index:
the cost of a new document does not grow with the square of the corpus) and joins the most
similar one above the threshold, or starts a thread of its own. A thread never mixes kinds,
actor levels (national, local, foreign) or two items of one list.

Nothing here reads the database: `link` gives it the statements, the frequencies and the
analyst's decisions, and stores what comes out.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, repeat
from operator import mul

from .words import (
    FUNCTION_WORDS,
    canonical,
    contrasts,
    is_generic,
    paragraph_tokens,
    segment,
    shown,
    token_words,
)


@dataclass(frozen=True)
class LinkSettings:
    """Linking thresholds; defaults chosen by measurement on the seeds' gold links (docs/linking.md)."""

    # Score from which a statement joins a thread: on the seeds' own extraction every gold link
    # and separation holds from 0.08 to 0.22 (benchmarks/tune_links.py); on the gold spans of the
    # seeds and the realistic set both hold from 0.18 to 0.21 (benchmarks/link_eval.py --grid).
    threshold: float = 0.18
    # Added to the cosine when two statements open on the same codebook theme: the first words of
    # a priority name it ("triển khai ... đường lối đối ngoại" ~ "thể chế hóa đường lối đối ngoại"),
    # the rest elaborates. Without it one gold link (the foreign-policy line) is always missed.
    head_theme_bonus: float = 0.15
    # The bonus tips a weak lexical match over the threshold, it never makes one from nothing:
    # below this cosine two statements do not link whatever their themes. On the seeds, the
    # weakest same-theme pair the analyst links scores 0.06-0.10; unrelated same-theme pairs
    # ("hoàn thiện thể chế" / "vai trò điều phối của Ban Chỉ đạo") score under 0.04.
    min_cosine: float = 0.03
    # Above min_cosine the bonus grows over this width of cosine to its full value, rather than
    # all at once: a pair near min_cosine, whose cosine a page about something else moves by a
    # few thousandths (its words' counts change), then moves its score by as little. 0: a step.
    bonus_ramp: float = 0.03
    # A term looks up candidate threads unless it is common: found in more paragraphs than this
    # share of the corpus (and than blocking_min_df). Common terms alone never make a link, and
    # skipping them keeps each lookup small however large the corpus grows.
    blocking_df_share: float = 0.01
    blocking_min_df: int = 50
    # Weight of a codebook theme the statement speaks of, as a concept term ("theme:research"),
    # against a word's idf (about 3 for a word in one paragraph of twenty): themes carry a
    # priority across rewordings, words tell two priorities of one theme apart.
    theme_weight: float = 2.0
    # Share of its weight a generic word of the genre keeps ("tiếp tục", "yêu cầu", "thứ nhất").
    genre_weight: float = 0.05
    # A statement joins a thread only when it shares a theme or this many words with it (0: any):
    # with one common word ("tăng trưởng", "đổi mới") short statements chained unrelated threads.
    min_evidence: int = 2
    # How far a statement's score with a thread moves from its cosine with the centroid towards
    # its cosine with the closest member (0: centroid only, 1: closest member only). The centroid
    # alone let a third member pull a thread away from a reworded return; the closest member
    # alone lets an item on two topics chain both.
    closest_share: float = 0.5
    # Which share of the head-theme bonus counts when the threads a statement reaches are ranked
    # (1: all of it; 0: the words alone choose among them). With all of it, a thread the bonus
    # alone lifts over the threshold (one shared word, cosine 0.14) outranked one the words reach
    # (cosine 0.26: seed 002's "đa dạng hóa thị trường, ... chuỗi cung ứng" and seed 001's
    # paragraph that says it), and which won turned on one unrelated page's word counts.
    rank_bonus: float = 0.5
    # Whether words frequent in Vietnamese at large (wordfreq's frequencies) weigh less. Measured
    # on the gold spans (benchmarks/link_eval.py): no check of the seeds or the realistic set
    # changes, so wordfreq (56 MB) is not a dependency (on the held-out set, measured after this
    # choice, it gains 2 of 19 checks: docs/linking.md).
    background: bool = False

    def bonus(self, similarity: float) -> float:
        """The head-theme bonus at this cosine: none below min_cosine, growing over bonus_ramp."""
        if similarity < self.min_cosine:
            return 0.0
        if not self.bonus_ramp:
            return self.head_theme_bonus
        return self.head_theme_bonus * min(1.0, (similarity - self.min_cosine) / self.bonus_ramp)


SETTINGS = LinkSettings()

# Terms that are concepts of the codebook, not words, begin with this.
THEME_TERM = "theme:"


def features(text: str) -> Counter[str]:
    """Word counts of a text (`words.segment`: function words left out, acronyms spelt out).

    Cached: linking, labelling and explaining ask for the same statements' terms many times.
    The returned Counter is shared; do not change it.
    """
    return _features(text)


# Terms for the syllables inside a word begin with this ("~xanh" of "chuyển_đổi_xanh"): a
# compound shares its head with its kin ("tăng_trưởng_xanh", "kinh_tế_xanh") without the
# syllable pairs across word boundaries that made "words" of "hóa thị".
PART_TERM = "~"

# Which share of its words' weight a word's syllables get (0: none).
PART_WEIGHT = 0.3


def word_parts(words: Iterable[str]) -> list[str]:
    """The content syllables of the multi-syllable content words, as PART_TERM terms."""
    return [
        PART_TERM + s for w in words if "_" in w and not is_generic(w) for s in w.split("_") if s not in FUNCTION_WORDS
    ]


@lru_cache(maxsize=8192)
def _features(text: str) -> Counter[str]:
    words = canonical(segment(text))
    return Counter(words + word_parts(words)) if PART_WEIGHT else Counter(words)


def paragraph_terms(body: str) -> list[str]:
    """Document frequency contributions of a body: each word of `features` once per paragraph.

    A list, not a Counter: the writer adds thousands of documents' lists to one Counter, which
    counts a list in C but a mapping in Python. Each paragraph's terms are the union of its
    tokens' terms (`words.paragraph_tokens`), each distinct token's worked out once
    (`_TOKEN_TERMS`): the union of a paragraph's ~30 sets of terms, in C, costs less than
    putting its tokens in a set first.
    """
    terms: list[str] = []
    of_token = _TOKEN_TERMS.__getitem__
    for tokens in paragraph_tokens(body):
        terms += set().union(*map(of_token, tokens))
    return terms


class _TokenTerms(dict[str, frozenset[str]]):
    """A token of `words.paragraph_tokens` -> the terms it gives its paragraph: its words read
    as their canonical words, and their parts (`word_parts`). Worked out on a token's first
    sight; a corpus has a few thousand distinct tokens (emptied past MAX_TOKENS all the same)."""

    MAX_TOKENS = 50_000

    def __missing__(self, token: str) -> frozenset[str]:
        if len(self) >= self.MAX_TOKENS:
            self.clear()
        words = canonical(token_words(token))
        parts = word_parts(words) if PART_WEIGHT else []
        found = self[token] = frozenset(words + parts)
        return found


_TOKEN_TERMS = _TokenTerms()


@lru_cache(maxsize=65536)
def background_weight(word: str) -> float:
    """How much of its weight a word keeps for being frequent in Vietnamese at large: 1.0 for a
    word rarer than about once in a hundred thousand words (Zipf 5), down to 0.3 for the most
    common ones ("hai", "con số", Zipf 6 and above). From wordfreq's Vietnamese list, which
    ships inside the package (no download); imported when first needed."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(shown(word), "vi")
    return max(0.3, min(1.0, 1.0 - 0.7 * (zipf - 5.0)))


class Idf:
    """Inverse document frequency over the corpus's paragraphs.

    Frequencies come from a mapping, or are asked of `lookup` term by term and remembered (the
    database's term_df table, in `link`): an incremental link asks for a few thousand terms,
    not the whole vocabulary.
    """

    def __init__(self, df: dict[str, int] | None, paragraphs: int, lookup: Callable[[str], int] | None = None) -> None:
        self.df = dict(df or {})
        self.paragraphs = paragraphs
        self._lookup = lookup
        self._weights: dict[str, float] = {}
        self._term_weights: dict[LinkSettings, dict[str, float]] = {}

    def term_weights(self, settings: LinkSettings) -> dict[str, float]:
        """Term -> `term_weight` under these settings, as `vector` works them out (each once)."""
        found = self._term_weights.get(settings)
        if found is None:
            found = self._term_weights[settings] = {}
        return found

    def frequency(self, term: str) -> int:
        try:
            return self.df[term]
        except KeyError:
            found = self.df[term] = self._lookup(term) if self._lookup else 0
            return found

    def __call__(self, term: str) -> float:
        weight = self._weights.get(term)
        if weight is None:
            weight = self._weights[term] = math.log(1 + (self.paragraphs + 1) / (self.frequency(term) + 1))
        return weight


def term_weight(term: str, idf: Idf, settings: LinkSettings = SETTINGS) -> float:
    """A term's weight before tf: a theme's fixed weight, a word's idf, next to nothing for a
    generic word of the genre, less for a word common in the language."""
    if term.startswith(THEME_TERM):
        return settings.theme_weight
    weight = idf(term)
    if term.startswith(PART_TERM):
        return weight * PART_WEIGHT
    if is_generic(term):
        return weight * settings.genre_weight
    return weight * background_weight(term) if settings.background else weight


def vector(terms: Counter[str], idf: Idf, settings: LinkSettings = SETTINGS) -> dict[str, float]:
    """Unit-length tf-idf vector (sub-linear tf, `term_weight`: each term's worked out once for `idf`)."""
    known = idf.term_weights(settings)
    weights = {}
    for t, c in terms.items():
        weight = known.get(t)
        if weight is None:
            weight = known[t] = term_weight(t, idf, settings)
        weights[t] = (1 + math.log(c)) * weight
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors, summed in the smaller one's term order (deterministic).

    Measured against a set intersection with an exactly rounded sum: restatements share most
    of their terms, and the intersection was slower on the reworded benchmark corpus. The
    products are formed and summed by map and sum, without a Python frame per term.
    """
    if len(a) > len(b):
        a, b = b, a
    # sum(w * b.get(t, 0.0) for t, w in a.items()), the same terms in the same order, in C.
    return sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


# ---------------------------------------------------------------------------------------------
# Assigning statements to threads (pure, in memory)


@dataclass(frozen=True)
class Item:
    """What linking needs of one statement. Its terms are computed when asked (and cached
    briefly), so that a relink of a large corpus does not hold every statement's terms at once."""

    id: str
    kind: str
    list_id: str | None
    text: str
    key: str  # the stored text_key: statements worded alike share it
    head_theme: str | None = None
    themes: tuple[str, ...] = ()  # the codebook themes it speaks of, first named first
    level: str = "national"  # whose priority: national, local or foreign (`actors.actor_level`)

    @property
    def terms(self) -> Counter[str]:
        return _item_terms(self.text, self.themes)


@lru_cache(maxsize=8192)
def _item_terms(text: str, themes: tuple[str, ...]) -> Counter[str]:
    terms = Counter(features(text))
    terms.update(THEME_TERM + theme for theme in themes)
    return terms


@cache
def lookup_worthy(term: str) -> bool:
    """Whether a term may find candidate threads: words that name something, not themes (which
    half the corpus shares) nor the genre's generic words."""
    return not term.startswith(THEME_TERM) and not is_generic(term)


# A statement looks candidate threads up by at least this many terms: its rarest ones when too
# few are rare. A priority restated in the words every article uses ("đa dạng hóa thị trường")
# had no rare term but an inserted pair ("mới_thị") that no thread has, and started a thread of
# its own however close it was to one.
MIN_LOOKUP_TERMS = 3

# A statement also looks threads up by its (up to MIN_LOOKUP_TERMS) rarest words found in up to
# this many times the paragraphs of a rare one: a word just past the cut still finds threads.
# Without them, "phối hợp" found in 54 paragraphs instead of 49 once a hundred pages more came
# in, and seed 001's "đổi mới phương thức ... nâng cao hiệu quả phối hợp" and seed 002's "Phối
# hợp chặt chẽ, hiệu quả giữa các ngành" (each with three rarer words) no longer found each other.
NEAR_RARE = 2


def rare_terms(item: Item, idf: Idf, settings: LinkSettings = SETTINGS) -> list[str]:
    """The item's terms to look up candidate threads by: those rare enough and its rarest words
    just past the cut (NEAR_RARE); when fewer than MIN_LOOKUP_TERMS of the rare ones are words,
    the MIN_LOOKUP_TERMS rarest terms and rarest words.
    Counting a word's syllables as rare terms let "tăng cường hỗ trợ doanh nghiệp khai thác thị
    trường mới" (rare: "khai thác" and its two syllables) skip "hỗ trợ" once an unrelated page
    took it from 50 paragraphs to 51, and miss "hỗ trợ doanh nghiệp mở rộng thị trường"."""
    limit = max(settings.blocking_min_df, settings.blocking_df_share * idf.paragraphs)
    frequencies = {term: idf.frequency(term) for term in item.terms if lookup_worthy(term)}
    rare = sorted(t for t, df in frequencies.items() if df <= limit)
    if sum(1 for t in rare if not t.startswith(PART_TERM)) >= MIN_LOOKUP_TERMS:
        # and its rarest words just past the cut, which a growing corpus pushes over it
        near = [t for t, df in frequencies.items() if limit < df <= NEAR_RARE * limit and not t.startswith(PART_TERM)]
        return sorted(rare + sorted(near, key=lambda t: (frequencies[t], t))[:MIN_LOOKUP_TERMS])
    # too few rare words (a word's syllables are not words): the rarest terms, and the rarest
    # words found in up to NEAR_RARE times as many paragraphs as a rare one
    by_rarity = sorted(frequencies, key=lambda t: (frequencies[t], t))
    words = [t for t in by_rarity if not t.startswith(PART_TERM) and frequencies[t] <= NEAR_RARE * limit]
    return sorted(set(rare).union(by_rarity[:MIN_LOOKUP_TERMS], words[:MIN_LOOKUP_TERMS]))


# How many candidate threads a statement is scored against: those sharing the most rare terms
# with it. A rewording shares many; this bounds the cost of a statement however large the corpus.
MAX_CANDIDATES = 30

# How many of a thread's latest members a statement is compared with.
MAX_COMPARED = 12

# How many wordings' vectors linking keeps at once (about 3 KB each).
MAX_VECTORS = 20_000

# How many threads' centroids linking keeps at once (up to MAX_COMPARED vectors' terms each).
MAX_CENTROIDS = 2_000

# How many members the automatic label's centrality looks at (the first ones, in linking order).
MAX_CENTRALITY = 12


# Share of a thread's recent wordings that must speak of a theme for it to be the thread's theme
# (evidence for a statement of that theme), not one a member mentions in passing.
THREAD_THEME_SHARE = 0.5


def enough_evidence(
    mine: Iterable[str], theirs: Counter[str], words: int, wordings: int = 1, heads: Iterable[str | None] = ()
) -> bool:
    """Whether a statement shares a theme of the thread, or at least `words` words (not generic,
    not syllables inside words), with its recent wordings: one common word ("tăng trưởng") is
    never a reason to link.

    `theirs` counts, for each term, the recent wordings (of `wordings`) that have it, and `heads`
    are the themes they open on. A theme is the thread's when the thread opens on it and at least
    THREAD_THEME_SHARE of its wordings speak of it. A markets thread whose one member adds "nhất
    là các hợp tác về bán dẫn" is not a high-technology thread: that member's theme, with one
    common word ("hợp tác"), drew "thúc đẩy hợp tác khoa học công nghệ" into it, then the next
    technology statement, until the thread drifted (issue #15). Nor is an investment thread whose
    members name AI among the sectors a digital-transformation thread."""
    # `mine`: the statement's `evidence_terms` (no syllables inside words, no generic words), so
    # the terms both have are found in C, then the words and themes among them
    shared = [t for t in theirs.keys() & mine if theirs[t]]
    opened_on = {THEME_TERM + head for head in heads if head}
    themes = [t for t in shared if t in opened_on and theirs[t] >= THREAD_THEME_SHARE * wordings]
    return bool(themes) or len([t for t in shared if not t.startswith(THEME_TERM)]) >= words


def evidence_terms(terms: Iterable[str]) -> frozenset[str]:
    """The terms that may be evidence (`enough_evidence`): themes and words, not syllables inside
    words nor generic words."""
    return frozenset(t for t in terms if not t.startswith(PART_TERM) and not is_generic(t))


def contrasting(mine: dict[str, float], theirs: Counter[str]) -> bool:
    """Whether a statement says one of a pair of contrasting words (`words.contrasts`: "động lực
    tăng trưởng mới" / "... truyền thống") and the thread's recent wordings the other, each
    without the first: two priorities of one theme that share every other word."""
    for a, b in contrasts():
        for one, other in ((a, b), (b, a)):
            if one in mine and other not in mine and theirs.get(other) and not theirs.get(one):
                return True
    return False


class Centroid:
    """The sum of the vectors of a thread's recent wordings (the latest MAX_COMPARED members,
    each wording once) and the themes they open on, kept up to date as members enter and leave
    that window: a thread that gains a member costs two vectors' worth of updates, not a new sum
    of twelve."""

    __slots__ = ("texts", "terms", "total", "heads", "_norm", "vectors")

    def __init__(self) -> None:
        self.texts: Counter[str] = Counter()  # wording -> members in the window
        self.terms: Counter[str] = Counter()  # term -> wordings in the window that have it
        self.total: dict[str, float] = {}
        self.heads: Counter[str | None] = Counter()
        self._norm: float | None = None
        self.vectors: dict[str, dict[str, float]] = {}  # wording -> its vector, each wording of the window once

    def enter(self, item: Item, weights: dict[str, float]) -> None:
        self.texts[item.text] += 1
        if self.texts[item.text] > 1:
            return
        self.vectors[item.text] = weights
        for term, weight in weights.items():
            self.total[term] = self.total.get(term, 0.0) + weight
        self.terms.update(weights.keys())
        self.heads[item.head_theme] += 1
        self._norm = None

    def leave(self, item: Item, weights: dict[str, float]) -> None:
        self.texts[item.text] -= 1
        if self.texts[item.text]:
            return
        del self.texts[item.text], self.vectors[item.text]
        for term, weight in weights.items():
            self.terms[term] -= 1
            if self.terms[term]:
                self.total[term] -= weight
            else:  # no wording left with it: dropped, not left as a rounding residue
                del self.terms[term], self.total[term]
        head = item.head_theme
        self.heads[head] -= 1
        if not self.heads[head]:
            del self.heads[head]
        self._norm = None

    def cosine(self, weights: dict[str, float]) -> float:
        """Cosine of a unit vector with the centroid."""
        if self._norm is None:
            self._norm = math.sqrt(sum(map(mul, self.total.values(), self.total.values()))) or 1.0
        return cosine(weights, self.total) / self._norm

    def closest(self, weights: dict[str, float]) -> float:
        """Cosine of a unit vector with the closest wording of the window."""
        return max(map(cosine, repeat(weights), self.vectors.values()))


@dataclass
class ThreadIndex:
    """Threads being built: members, their vectors, and an inverted index from term to thread."""

    idf: Idf
    settings: LinkSettings = SETTINGS
    members: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    lists: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    vectors: dict[str, dict[str, float]] = field(default_factory=dict)  # by text
    by_term: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_key: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lookup: dict[str, list[str]] = field(default_factory=dict)  # text -> rare terms
    evidence: dict[str, frozenset[str]] = field(default_factory=dict)  # text -> `evidence_terms`
    thread_of: dict[str, str] = field(default_factory=dict)
    centroids: dict[str, Centroid] = field(default_factory=dict)  # built when first compared

    def vector_of(self, item: Item) -> dict[str, float]:
        """The item's tf-idf vector, computed once per wording (the oldest forgotten past
        MAX_VECTORS, to bound the memory of a relink)."""
        found = self.vectors.get(item.text)
        if found is None:
            if len(self.vectors) >= MAX_VECTORS:
                del self.vectors[next(iter(self.vectors))]
            found = self.vectors[item.text] = vector(item.terms, self.idf, self.settings)
        return found

    def evidence_of(self, item: Item) -> frozenset[str]:
        """The item's `evidence_terms`, worked out once per wording (forgotten as vectors are)."""
        found = self.evidence.get(item.text)
        if found is None:
            if len(self.evidence) >= MAX_VECTORS:
                del self.evidence[next(iter(self.evidence))]
            found = self.evidence[item.text] = evidence_terms(item.terms)
        return found

    def add(self, item: Item, thread: str) -> None:
        """Add a member; only rare terms are indexed, and only once per wording in a thread."""
        members = self.members[thread]
        members.append(item)
        if centroid := self.centroids.get(thread):
            centroid.enter(item, self.vector_of(item))
            if len(members) > MAX_COMPARED:
                leaving = members[-MAX_COMPARED - 1]
                centroid.leave(leaving, self.vector_of(leaving))
        if item.list_id:
            self.lists[thread].add(item.list_id)
        self.thread_of[item.id] = thread
        if thread in self.by_key[item.key]:
            return  # the thread has these words already: their terms are indexed
        self.by_key[item.key].append(thread)
        for term in self.rare_terms(item):
            self.by_term[term].add(thread)

    def resettle(self, item: Item, order: dict[str, int], decisions: Decisions) -> str:
        """Score an item against every thread as they stand, its own without it, and move it to the
        one it ranks best if that is not its own; returns its thread. The caller makes sure it is
        not alone in its thread, nor worded like another member (which it would join again)."""
        thread = self.thread_of.pop(item.id)
        members = self.members[thread]
        # only a member among the latest MAX_COMPARED is in the centroid: the others are taken
        # out (and put back) without touching it
        at = next(
            (n for n in range(len(members) - 1, max(-1, len(members) - MAX_COMPARED - 1), -1) if members[n] is item),
            None,
        )
        if at is not None:
            del members[at]
            self.centroids.pop(thread, None)
        if item.list_id:
            self.lists[thread].discard(item.list_id)  # the one item of its list in the thread
        wording = self.by_key[item.key]
        place = wording.index(thread)
        del wording[place]
        forbidden = decisions.forbidden_threads(item, self)
        ranked = {t: score for score, t in self.scores(item, forbidden)}
        best = max(ranked, key=lambda t: (ranked[t], t), default=thread)
        if ranked.get(best, 0.0) <= ranked.get(thread, 0.0):
            best = thread
        if best != thread:
            if at is None:
                del members[next(n for n, m in enumerate(members) if m is item)]
            self.join_in_order(item, best, order)  # the old thread's terms stay: a stale term only adds a candidate
            return best
        if at is not None:  # back where it was
            members.insert(at, item)
            self.centroids.pop(thread, None)
        wording.insert(place, thread)
        if item.list_id:
            self.lists[thread].add(item.list_id)
        self.thread_of[item.id] = thread
        return thread

    def join_in_order(self, item: Item, thread: str, order: dict[str, int]) -> None:
        """Place `item` among `thread`'s members where its linking order (`order`) puts it, as
        settling and merging move statements between threads formed already."""
        members = self.members[thread]
        members.insert(bisect_right(members, order[item.id], key=lambda m: order.get(m.id, -1)), item)
        self.centroids.pop(thread, None)
        self.thread_of[item.id] = thread
        if item.list_id:
            self.lists[thread].add(item.list_id)
        if thread not in self.by_key[item.key]:
            self.by_key[item.key].append(thread)
        for term in self.rare_terms(item):
            self.by_term[term].add(thread)

    def rare_terms(self, item: Item) -> list[str]:
        """The item's lookup terms, worked out once per wording."""
        found = self.lookup.get(item.text)
        if found is None:
            found = self.lookup[item.text] = rare_terms(item, self.idf, self.settings)
        return found

    def pair_score(self, a: Item, b: Item) -> float:
        """Cosine of the tf-idf vectors, plus the bonus when both open on the same theme."""
        similarity = cosine(self.vector_of(a), self.vector_of(b))
        same_head = a.head_theme is not None and a.head_theme == b.head_theme
        return similarity + (self.settings.bonus(similarity) if same_head else 0.0)

    def centroid(self, thread: str) -> Centroid:
        """The thread's centroid, built from its latest members when first asked for (the
        oldest forgotten past MAX_CENTROIDS, and built again if asked for again)."""
        found = self.centroids.get(thread)
        if found is None:
            if len(self.centroids) >= MAX_CENTROIDS:
                del self.centroids[next(iter(self.centroids))]
            found = self.centroids[thread] = Centroid()
            for member in self.members[thread][-MAX_COMPARED:]:
                found.enter(member, self.vector_of(member))
        return found

    def similarity(self, item: Item, thread: str) -> float:
        """Similarity to a thread: its words' (`words_similarity`), plus the bonus when the item
        opens on a theme one of the thread's recent wordings opens on."""
        return sum(self.words_and_bonus(item, thread))

    def words_and_bonus(self, item: Item, thread: str) -> tuple[float, float]:
        """(`words_similarity`, the head-theme bonus it earns when the item opens alike)."""
        words = self.words_similarity(item, thread)
        return words, self.settings.bonus(words) if self.opens_alike(item, thread) else 0.0

    def opens_alike(self, item: Item, thread: str) -> bool:
        """Whether one of the thread's recent wordings opens on the theme the item opens on."""
        return item.head_theme is not None and item.head_theme in self.centroid(thread).heads

    def words_similarity(self, item: Item, thread: str) -> float:
        """Similarity of the words to a thread: 0 without evidence (`enough_evidence`); else the
        cosine with the thread's centroid moved `closest_share` of the way to its cosine with the
        closest member.

        Mostly the centroid: an item that covers two topics (markets and partners in one
        paragraph) would otherwise bridge every rewording of either into one thread. Only the
        latest MAX_COMPARED members count, so a comparison costs the same however long a thread
        grows.
        """
        centroid = self.centroid(thread)
        mine = self.vector_of(item)
        if contrasting(mine, centroid.terms):
            return 0.0
        if self.settings.min_evidence and not enough_evidence(
            self.evidence_of(item), centroid.terms, self.settings.min_evidence, len(centroid.texts), centroid.heads
        ):
            return 0.0
        similarity = centroid.cosine(mine)
        if self.settings.closest_share:  # each wording of the window once (reprints repeat them)
            similarity += self.settings.closest_share * (centroid.closest(mine) - similarity)
        return similarity

    def may_join(self, item: Item, thread: str, forbidden: set[str]) -> bool:
        """Same kind and actor level, not forbidden by the analyst, and no item of the same list in
        it already."""
        if not self.members.get(thread):
            return False  # merged into another (`merge_restated`)
        first = self.members[thread][0]
        if thread in forbidden or first.kind != item.kind or first.level != item.level:
            return False  # a province's tasks never join a national thread, nor a host country's
        return item.list_id is None or item.list_id not in self.lists[thread]  # one list, distinct priorities

    def same_words(self, item: Item, forbidden: set[str]) -> tuple[float, str] | None:
        """(score, thread) of the latest thread the item may join that has a member worded exactly
        like it (same key): no other thread can score higher, so no other need be scored.
        Syndicated reprints and standing formulas recur word for word."""
        for thread in reversed(self.by_key.get(item.key, ())):
            if self.may_join(item, thread, forbidden):
                return 1.0 + (self.settings.head_theme_bonus if item.head_theme else 0.0), thread
        return None

    def scores(self, item: Item, forbidden: set[str]) -> list[tuple[float, str]]:
        """(score, thread) for every candidate thread the item may join, above the threshold."""
        if exact := self.same_words(item, forbidden):
            return [exact]
        shared = Counter(chain.from_iterable(map(self.by_term.get, self.rare_terms(item), repeat(()))))
        # the MAX_CANDIDATES threads sharing most terms: all of them when there are no more
        candidates = (
            shared if len(shared) <= MAX_CANDIDATES else sorted(shared, key=lambda t: (-shared[t], t))[:MAX_CANDIDATES]
        )
        found = []
        for thread in sorted(candidates):
            if not self.may_join(item, thread, forbidden):
                continue
            words, bonus = self.words_and_bonus(item, thread)
            if words + bonus >= self.settings.threshold:  # ranked by the words, and a share of the bonus
                found.append((words + self.settings.rank_bonus * bonus, thread))
        return found

    def best_thread(self, item: Item, forbidden: set[str]) -> tuple[str | None, float]:
        return max(self.scores(item, forbidden), default=(0.0, None))[::-1]


@dataclass(frozen=True)
class Decisions:
    """The analyst's standing decisions: pairs that must, and pairs that must not, share a thread."""

    linked: dict[str, set[str]]
    unlinked: dict[str, set[str]]

    def forced_thread(self, item: Item, index: ThreadIndex) -> str | None:
        partners = sorted(self.linked.get(item.id, ()))
        return next((index.thread_of[p] for p in partners if p in index.thread_of), None)

    def forbidden_threads(self, item: Item, index: ThreadIndex) -> set[str]:
        return {index.thread_of[p] for p in self.unlinked.get(item.id, ()) if p in index.thread_of}


NO_DECISIONS = Decisions({}, {})


def _groups(items: Iterable[Item]) -> list[list[Item]]:
    """Consecutive items of one list form a group; an item outside a list is a group of its own."""
    groups: list[list[Item]] = []
    for item in items:
        if groups and item.list_id and groups[-1][0].list_id == item.list_id:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _assign_group(group: list[Item], index: ThreadIndex, decisions: Decisions) -> dict[str, str | None]:
    """Best pairs first: the item that fits a thread best gets it, whatever its place in the list."""
    chosen: dict[str, str | None] = {}
    for item in group if decisions.linked else ():  # most archives hold no decision
        if forced := decisions.forced_thread(item, index):
            chosen[item.id] = forced
    no_thread: set[str] = set()
    pairs = sorted(
        (
            (score, item.id, thread)
            for item in group
            if item.id not in chosen
            for score, thread in index.scores(
                item, decisions.forbidden_threads(item, index) if decisions.unlinked else no_thread
            )
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    taken = set(chosen.values())
    for _, item_id, thread in pairs:
        if item_id not in chosen and thread not in taken:
            chosen[item_id] = thread
            taken.add(thread)
    return chosen


def assign(
    items: Iterable[Item], index: ThreadIndex, new_thread, decisions: Decisions = NO_DECISIONS
) -> dict[str, str]:
    """Give each item a thread (an existing one or `new_thread()`), list by list; returns item -> thread."""
    assigned = {}
    for group in _groups(items):
        chosen = _assign_group(group, index, decisions)
        for item in group:
            thread = chosen.get(item.id) or new_thread()
            index.add(item, thread)
            assigned[item.id] = thread
    return assigned


def settle(items: list[Item], index: ThreadIndex, decisions: Decisions = NO_DECISIONS) -> dict[str, str]:
    """Once every item has a thread (`assign`), move each, in linking order, to the thread it
    ranks best among the threads as they now stand (its own without it), when that is not its
    own; returns item -> thread.

    `assign` sees only the threads formed before an item: a 2025 restatement of the markets
    priority joined the thread of "hỗ trợ doanh nghiệp mở rộng thị trường" (0.41) because the
    thread of "đa dạng hóa thị trường xuất khẩu ... chuỗi cung ứng" (0.46 once complete) had
    not yet taken the later wordings that make it the closer one. An item alone in its thread,
    one the analyst linked, and one worded exactly like another member of its thread stay.
    """
    order, wordings = _standing(items, index)
    left = _settle_each(items, index, decisions, order, wordings)
    if left:  # a statement settled before another left its thread is scored once more
        _settle_each([i for i in items if index.thread_of[i.id] in left], index, decisions, order, wordings)
    return {item.id: index.thread_of[item.id] for item in items}


def _standing(items: list[Item], index: ThreadIndex) -> tuple[dict[str, int], Counter]:
    """(each item's linking order, how many members of each thread have each wording): what a
    settling pass (`_settle_each`) reads, and keeps up to date as items move."""
    order = {item.id: n for n, item in enumerate(items)}
    return order, Counter((thread, m.key) for thread, members in index.members.items() for m in members)


def _settle_each(
    items: list[Item], index: ThreadIndex, decisions: Decisions, order: dict[str, int], wordings: Counter
) -> set[str]:
    """`settle`'s pass over `items`; returns the threads a statement left."""
    left = set()
    for item in items:
        thread = index.thread_of[item.id]
        if wordings[thread, item.key] > 1 or len(index.members[thread]) < 2 or decisions.linked.get(item.id):
            continue
        moved = index.resettle(item, order, decisions)
        if moved != thread:
            wordings[thread, item.key] -= 1
            wordings[moved, item.key] += 1
            left.add(thread)
    return left


# A thread whose wordings open on two themes, at least this many on each, holds two priorities
# (`split_mixed`)...
MIN_SIDE = 2

# ... when the wordings that would leave are also at least this share of the thread's wordings.
# A long thread gains rewordings that drop the word its theme is read from and open on the next
# theme they name: on the reworded benchmark corpus (`make_corpus.py --reword 0.8`, every thread
# one priority restated 200 times) three on a side alone split 10 of its 68 threads.
MIN_SIDE_SHARE = 0.25


def split_mixed(
    items: list[Item], index: ThreadIndex, new_thread: Callable[[], str], decisions: Decisions = NO_DECISIONS
) -> dict[str, str]:
    """Once every item has settled, a thread whose wordings open on two codebook themes, at least
    MIN_SIDE on each, is two priorities: the members that open on the less frequent theme and
    never speak of the other leave for a thread of their own (`new_thread()`), when they are
    MIN_SIDE_SHARE of its wordings or more; returns item -> thread.

    A thread opened by "phối hợp chặt chẽ với các bộ, ngành và địa phương, lấy địa phương và
    doanh nghiệp làm trung tâm phục vụ" (coordination, and serving businesses) took, wording by
    wording, "hỗ trợ doanh nghiệp, địa phương ...", "đồng hành cùng địa phương, doanh
    nghiệp ...": a thread of coordination and support at once, which `ngkt diff` showed as one
    priority. A member that speaks of both themes (the item on two topics that joined them)
    stays, and so does one the analyst linked: seed 001's partners-and-markets paragraph, which
    opens on partners, stays with the markets wordings the seeds' gold puts it with. The
    statements (of other threads) that open on a theme that split off settle once more: the new
    thread is one they never saw. Then `merge_restated`.
    """
    split_off: dict[str, str] = {}  # a thread split off -> the theme it opens on
    for thread in sorted(index.members):
        members = index.members[thread]
        wordings = {m.text: m for m in members}
        heads = Counter(m.head_theme for m in wordings.values() if m.head_theme)
        top = sorted(heads.items(), key=lambda head: (-head[1], head[0]))[:2]
        if len(top) < 2 or top[1][1] < MIN_SIDE:
            continue
        (first, _), (second, _) = top
        movers = [
            m for m in members if m.head_theme == second and first not in m.themes and not decisions.linked.get(m.id)
        ]
        leaving = len({m.text for m in movers})
        if leaving < MIN_SIDE or leaving < MIN_SIDE_SHARE * len(wordings):
            continue
        moving = {m.id for m in movers}
        staying = index.members[thread] = [m for m in members if m.id not in moving]
        index.centroids.pop(thread, None)
        index.lists[thread] = {m.list_id for m in staying if m.list_id}
        kept_keys = {m.key for m in staying}
        new = new_thread()
        for member in movers:
            if member.key not in kept_keys and thread in index.by_key[member.key]:
                index.by_key[member.key].remove(thread)
            index.add(member, new)
        split_off[new] = second
    if split_off:  # a statement of the theme that split off may fit its new thread best
        settle_again = [
            i for i in items if i.head_theme in split_off.values() and index.thread_of[i.id] not in split_off
        ]
        _settle_each(settle_again, index, decisions, *_standing(items, index))
    merge_restated(items, index, decisions)
    return {item.id: index.thread_of[item.id] for item in items}


# A thread of at most this many wordings joins another one that restates it (`merge_restated`).
MAX_MERGED_WORDINGS = 3


def _reaches(index: ThreadIndex, members: list[Item], target: str) -> bool:
    """Whether each of the recent wordings of `members` may join `target` and scores with it at
    the threshold or more."""
    for member in {m.text: m for m in members[-MAX_COMPARED:]}.values():
        if (
            not index.may_join(member, target, set())
            or sum(index.words_and_bonus(member, target)) < index.settings.threshold
        ):
            return False
    return True


def merge_restated(items: list[Item], index: ThreadIndex, decisions: Decisions = NO_DECISIONS) -> None:
    """A thread of up to MAX_MERGED_WORDINGS wordings joins another thread when each of its wordings
    reaches that thread (scores at the threshold or more and may join it) and each of that
    thread's recent wordings reaches it back: one priority in two threads that grew apart.

    Settling moves one statement at a time, and a statement does not leave a thread whose other
    wordings say it best: "Đa dạng hóa thị trường, đa dạng sản phẩm, đa dạng hóa chuỗi cung
    ứng" (2024) and "đa dạng hóa thị trường, sản phẩm và chuỗi cung ứng" (2025) held each other
    apart from "mở rộng, đa dạng hóa thị trường xuất khẩu ..." (2020-2027), and `ngkt diff 2025
    2027` showed diversifying markets as both new and dropped. Both ways, every wording: a
    centroid's cosine ranked the markets and FTA threads (0.33) under pairs that are two
    priorities (0.61). A thread with one of the analyst's decisions stays as it is.
    """
    order = {item.id: n for n, item in enumerate(items)}
    for small in sorted(index.members, key=lambda t: (len(index.members[t]), t)):
        members = index.members.get(small)
        if not members:
            continue
        wordings = {m.text: m for m in members}
        if len(wordings) > MAX_MERGED_WORDINGS:
            continue
        if any(decisions.linked.get(m.id) or decisions.unlinked.get(m.id) for m in members):
            continue
        # each wording scored once: a standing formula's reprints score alike
        reached = Counter(t for m in wordings.values() for _, t in index.scores(m, set()) if t != small)
        for target, count in sorted(reached.items(), key=lambda found: (-found[1], found[0])):
            if count < len(wordings) or not _reaches(index, members, target):
                continue
            if not _reaches(index, index.members[target], small):
                continue
            del index.members[small]
            index.centroids.pop(small, None)
            for member in members:
                index.join_in_order(member, target, order)
            break


# ---------------------------------------------------------------------------------------------
# Labels and explanations


def short_label(text: str) -> str:
    """A readable phrase: the opening clauses of a statement, at least 5 words. Stored whole, so
    that JSON and CSV carry it uncut; a table shortens it for reading (render.cut_label)."""
    return _phrase(_clauses(text))


def _clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_BREAK.split(text.strip()) if c]


def _phrase(clauses: list[str]) -> str:
    """The first clauses, up to at least LABEL_WORDS words, capitalised."""
    words: list[str] = []
    for clause in clauses:
        words += clause.split()
        if len(words) >= LABEL_WORDS:
            break
    phrase = " ".join(words).rstrip(",;:.")
    return phrase[:1].upper() + phrase[1:]


# A label holds at least this many words (whole clauses).
LABEL_WORDS = 5

# Where a statement's clauses part: after a comma, semicolon, colon or full stop, and between
# paragraphs of a long item (stored as " ¶ ").
CLAUSE_BREAK = re.compile(r"(?<=[,;:.])\s+|\s*¶\s*")

# Openings that are not the priority, which a label skips: a clause naming only the addressee,
# up to four syllables after "các" ("các Đại sứ, ...", "các Đại sứ Việt Nam, ..."), and a
# concession ("bên cạnh hợp tác chính trị, ngoại giao, phải ...", "ngoài các thị trường truyền
# thống, ...", "tuy ..., "). A clause of the genre's generic words only ("cần tập trung vào
# nhiều nhiệm vụ") is skipped too (`_says_something`), as is an opening "trọng tâm là" before
# the priority (SAYS_WHAT_FOLLOWS).
SKIPPED_OPENING = re.compile(r"^(?:(?:các|những|mỗi|từng)(?:\s+\S+){1,4}$|(?:bên cạnh|ngoài|tuy|mặc dù)\s)", re.I)

# "X là ..." whose X is only generic words ("trọng tâm là", "nhiệm vụ hàng đầu là"): the
# priority is what follows.
SAYS_WHAT_FOLLOWS = re.compile(r"^(.{1,40}?)\s+là\s+(?=\S)", re.I)


def _says_something(clause: str) -> bool:
    """Whether a clause holds a word of the word list that names something: not one of the
    genre's generic words, nor a lone syllable ("một cách toàn diện" says nothing)."""
    return any("_" in w and is_word(w) for w in canonical(segment(clause)))


def _past_qualifiers(clause: str) -> str:
    """A later clause from its first word that names something, when function words lead up to
    it ("thực chất theo các trọng tâm ưu tiên trong Chương trình hành động ..." -> "Chương trình
    hành động ..."): the clause goes on from an opening that was skipped."""
    tokens = clause.split()
    cut = 0
    for n, token in enumerate(tokens):
        if _says_something(" ".join(tokens[: n + 1])):
            break
        if token.lower() in FUNCTION_WORDS:
            cut = n + 1
    return " ".join(tokens[cut:])


@lru_cache(maxsize=8192)
def main_clause(text: str) -> str:
    """The statement's priority as a label reads it: from its first clause that says something
    and is neither an addressee nor a concession (`SKIPPED_OPENING`), past an opening of generic
    words before "là" ("cần tập trung vào nhiều nhiệm vụ, trọng tâm là đẩy mạnh ...") and, in a
    later clause, past the qualifiers before its first word that names something
    (`_past_qualifiers`), at least LABEL_WORDS words. A statement of nothing but such openings
    keeps its opening."""
    clauses = _clauses(text)
    start = next(
        (n for n, c in enumerate(clauses) if _says_something(c) and not SKIPPED_OPENING.match(c)),
        0,
    )
    rest = clauses[start:]
    if (lead := SAYS_WHAT_FOLLOWS.match(rest[0])) and not _says_something(lead.group(1)):
        rest = [rest[0][lead.end() :], *rest[1:]]
    elif start:
        rest = [_past_qualifiers(rest[0]), *rest[1:]]
    return _phrase(rest)


def centrality(members: list[Item], idf: Idf, vectors: dict[str, dict[str, float]] | None = None) -> dict[str, float]:
    """Each member's mean similarity to the others (1.0 for a thread of one); `vectors`: the
    members' vectors by text, when the caller has them."""
    members = members[:MAX_CENTRALITY]
    if vectors is None:
        vectors = {m.text: vector(m.terms, idf) for m in members}
    if len(members) == 1:
        return {members[0].id: 1.0}
    # the sum of a member's cosines with the others is its cosine with the sum of every member's
    # vector, less its own (1: unit vectors): one dot product a member, not one an other member
    total = _summed(vectors[member.text] for member in members)
    return {m.id: (cosine(vectors[m.text], total) - 1.0) / (len(members) - 1) for m in members}


def _summed(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """The sum of term vectors, in the order given."""
    total: dict[str, float] = {}
    for weights in vectors:
        for term, weight in weights.items():
            total[term] = total.get(term, 0.0) + weight
    return total


def central_label(members: list[Item], idf: Idf) -> str:
    """The automatic label: the main clause (`main_clause`) of the (first) members that says
    most of what the thread's other wordings say: its cosine with their sum, ties to the most
    central member. The whole most central member named what its first clause said, and a
    thread of investment whose most central member opened on "thúc đẩy các thỏa thuận với đối
    tác ..." before "thu hút dòng vốn đầu tư chất lượng cao" was labelled by the agreements."""
    members = members[:MAX_CENTRALITY]
    vectors = {m.text: vector(m.terms, idf) for m in members}
    scores = centrality(members, idf, vectors)
    labels = {m.id: main_clause(m.text) for m in members}
    total = _summed(vectors.values())  # each wording once
    total_square = sum(w * w for w in total.values())

    def says_the_thread(member: Item) -> float:
        """The cosine of the member's main clause with the sum of the other wordings."""
        if len(vectors) < 2:
            return 0.0
        own = vectors[member.text]
        clause = vector(features(labels[member.id]), idf)
        # |total - own|, own a unit vector
        rest_norm = math.sqrt(max(0.0, total_square - 2 * cosine(own, total) + 1.0)) or 1.0
        return sum(w * (total.get(t, 0.0) - own.get(t, 0.0)) for t, w in clause.items()) / rest_norm

    best = max(members, key=lambda m: (round(says_the_thread(m), 6), scores[m.id], m.id))
    return labels[best.id]


def similarity_to_rest(members: list[Item], index: ThreadIndex) -> dict[str, float]:
    """Each member's score with the centroid of the thread's other wordings (the score linking
    gives a statement with a thread, over the whole thread): why it belongs, or does not."""
    whole = Centroid()
    for member in {m.text: m for m in members}.values():
        whole.enter(member, index.vector_of(member))
    if len(whole.texts) < 2:
        return {m.id: 1.0 for m in members}
    scores = {}
    for member in members:
        mine = index.vector_of(member)
        rest = {t: w - mine.get(t, 0.0) for t, w in whole.total.items()}
        norm = math.sqrt(sum(map(mul, rest.values(), rest.values()))) or 1.0
        similarity = cosine(mine, rest) / norm
        head = member.head_theme
        others_open_alike = whole.heads[head] > 1  # one wording of it is the member's own
        same_head = head is not None and others_open_alike
        scores[member.id] = similarity + (index.settings.bonus(similarity) if same_head else 0.0)
    return scores


def is_word(term: str) -> bool:
    """A term an analyst reads as a word: not a theme, not a syllable inside a word, not a
    generic word of the genre."""
    return not term.startswith((THEME_TERM, PART_TERM)) and not is_generic(term)


def shared_terms(members: list[Item], idf: Idf, limit: int = 6) -> list[str]:
    """The rarest words that more than one member uses: why these statements are one thread.

    Words of the word list ("chuỗi cung ứng", "thị trường"), never two syllables that merely
    stand side by side ("phương doanh", "tâm trọng"), nor the genre's generic words; words of
    several syllables come first, single syllables only when no chosen word holds them.
    """
    counts = Counter(t for m in members for t in set(m.terms) if is_word(t))
    shared = [t for t, c in counts.items() if c > 1 or len(members) == 1]
    ranked = sorted(shared, key=lambda t: (-(idf(t) * counts[t] * (1.5 if "_" in t else 1.0)), t))
    chosen: list[str] = []
    for term in ranked:
        if "_" not in term and any(term in c.split("_") for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == limit:
            break
    return [shown(t) for t in chosen]


def _lower_first(label: str) -> str:
    """ "Supply chains" -> "supply chains" inside a sentence; "ODA and ..." stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


# How many shared words an explanation names.
EXPLAINED_WORDS = 4


def explain(member: Item, others: list[Item], index: ThreadIndex, theme_labels: dict[str, str]) -> dict:
    """Why a member is in its thread, in words an analyst reads: the themes it shares with the
    other members and the words that weigh most in its similarity to them.

    {"themes": [labels], "words": [words], "text": "linked because: both about export markets
    and FTAs (theme); shared words: đa dạng, thị trường"}.
    """
    if not others:
        return {"themes": [], "words": [], "text": "a thread of its own: no other statement was close enough"}
    mine = index.vector_of(member)
    rest: dict[str, float] = {}
    for other in {o.text: o for o in others}.values():
        for term, weight in index.vector_of(other).items():
            rest[term] = rest.get(term, 0.0) + weight
    common = sorted(((mine[t] * rest[t], t) for t in mine if t in rest), reverse=True)
    themes = [
        _lower_first(theme_labels.get(t[len(THEME_TERM) :], t[len(THEME_TERM) :]))
        for _, t in common
        if t.startswith(THEME_TERM)
    ]
    words = [shown(t) for _, t in common if is_word(t)][:EXPLAINED_WORDS]
    parts = []
    if themes:
        like = "both about" if len(others) == 1 else "about"
        tail = "" if len(others) == 1 else ", like the rest of the thread"
        parts.append(f"{like} {', '.join(themes)}{tail} (theme)")
    if words:
        parts.append(f"shared words: {', '.join(words)}")
    if not parts:
        linked = "linked by the analyst" if not common else "linked on weak evidence"
        return {"themes": [], "words": [], "text": linked}
    return {"themes": themes, "words": words, "text": "linked because: " + "; ".join(parts)}
