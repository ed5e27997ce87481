"""Stage 3: statements -> threads, one priority followed across documents and years.

A statement is compared with the threads that share one of its rarest terms (an inverted index:
the cost of a new document does not grow with the square of the corpus) and joins the most
similar one above the threshold, or starts a thread of its own. Terms are syllables and syllable
pairs of the normalised text ("đa_dạng", "chuỗi_cung", "cung_ứng"), weighted by how rare they are
among the corpus's paragraphs, so that "ngoại giao kinh tế", "công tác" and "tiếp tục", which every
article uses, link nothing on their own.

The analyst's decisions (link, unlink, label) are stored apart and win over the automatic
linking every time it runs: at ingest, at re-extraction and at `ngkt relink`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import mul

from .text import key, spell_out, unify_tone_placement
from .scope import SQL_IN_SCOPE


@dataclass(frozen=True)
class LinkSettings:
    """Linking thresholds; defaults chosen by measurement on the seeds' gold links (docs/linking.md)."""

    # Score from which a statement joins a thread: every gold link and separation holds for any
    # threshold from 0.08 to 0.22 (with the bonus below); 0.18 sits inside that plateau, away
    # from its low end, where unrelated priorities begin to chain.
    threshold: float = 0.18
    # Added to the cosine when two statements open on the same codebook theme: the first words of
    # a priority name it ("triển khai ... đường lối đối ngoại" ~ "thể chế hóa đường lối đối ngoại"),
    # the rest elaborates. Without it one gold link (the foreign-policy line) is always missed.
    head_theme_bonus: float = 0.15
    # The bonus tips a weak lexical match over the threshold, it never makes one from nothing:
    # below this cosine two statements do not link whatever their themes. On the seeds, the
    # weakest same-theme pair the analyst links scores 0.06-0.10; unrelated same-theme pairs
    # ("hoàn thiện thể chế" / "vai trò điều phối của Ban Chỉ đạo") score under 0.04.
    min_cosine: float = 0.05
    # A term looks up candidate threads unless it is common: found in more paragraphs than this
    # share of the corpus (and than blocking_min_df). Common terms alone never make a link, and
    # skipping them keeps each lookup small however large the corpus grows.
    blocking_df_share: float = 0.01
    blocking_min_df: int = 50
    # Syllable n-gram sizes used as terms (measured on the gold links: unigrams alone over-link,
    # adding triples dilutes; syllables with pairs separate best).
    ngrams: tuple[int, ...] = (1, 2)


SETTINGS = LinkSettings()

# Function syllables that carry no topic ("các", "của", "và"): never a term on their own.
STOP_SYLLABLES = frozenset(
    "các của và với cho trong để là những có được đã sẽ cần phải này đó theo một như thì mà cũng nhằm bằng "
    "qua việc".split()
)

_SYLLABLE = re.compile(r"[^\W\d_]+")


def features(text: str, settings: LinkSettings = SETTINGS) -> Counter[str]:
    """Term counts of a text: content syllables and adjacent syllable pairs of its key, acronyms
    spelt out.

    Cached: linking, labelling and explaining ask for the same statements' terms many times.
    The returned Counter is shared; do not change it.
    """
    return _features(text, settings.ngrams)


@lru_cache(maxsize=8192)
def _features(text: str, ngrams: tuple[int, ...]) -> Counter[str]:
    settings = LinkSettings(ngrams=ngrams)
    syllables = _SYLLABLE.findall(key(spell_out(text)))
    terms: Counter[str] = Counter()
    if 1 in settings.ngrams:
        terms.update(s for s in syllables if s not in STOP_SYLLABLES)
    for size in (n for n in settings.ngrams if n > 1):
        for start in range(len(syllables) - size + 1):
            gram = syllables[start : start + size]
            if gram[0] not in STOP_SYLLABLES and gram[-1] not in STOP_SYLLABLES:
                terms["_".join(gram)] += 1
    return terms


def paragraph_terms(body: str) -> list[str]:
    """Document frequency contributions of a body: each term of `features` once per paragraph.

    A list, not a Counter: the writer adds thousands of documents' lists to one Counter, which
    counts a list in C but a mapping in Python. Written out rather than through `features`,
    whose cache is kept for statements (a paragraph rarely recurs).
    """
    terms: list[str] = []
    for paragraph in unify_tone_placement(spell_out(body)).lower().split("\n\n"):
        syllables = _SYLLABLE.findall(paragraph)
        content = set(syllables) - STOP_SYLLABLES
        terms += content
        terms += {a + "_" + b for a, b in zip(syllables, syllables[1:]) if a in content and b in content}
    return terms


class Idf:
    """Inverse document frequency over the corpus's paragraphs.

    Frequencies come from a mapping, or are looked up in the database term by term and
    remembered: an incremental link asks for a few thousand terms, not the whole vocabulary.
    """

    def __init__(self, df: dict[str, int] | None, paragraphs: int, conn: sqlite3.Connection | None = None) -> None:
        self.df = dict(df or {})
        self.paragraphs = paragraphs
        self._conn = conn
        self._weights: dict[str, float] = {}

    def frequency(self, term: str) -> int:
        try:
            return self.df[term]
        except KeyError:
            row = self._conn.execute("SELECT df FROM term_df WHERE term = ?", [term]).fetchone() if self._conn else None
            found = self.df[term] = row[0] if row else 0
            return found

    def __call__(self, term: str) -> float:
        weight = self._weights.get(term)
        if weight is None:
            weight = self._weights[term] = math.log(1 + (self.paragraphs + 1) / (self.frequency(term) + 1))
        return weight


def vector(terms: Counter[str], idf: Idf) -> dict[str, float]:
    """Unit-length tf-idf vector (sub-linear tf)."""
    weights = {t: (1 + math.log(c)) * idf(t) for t, c in terms.items()}
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

    @property
    def terms(self) -> Counter[str]:
        return features(self.text)


# A statement looks candidate threads up by at least this many terms: its rarest ones when too
# few are rare. A priority restated in the words every article uses ("đa dạng hóa thị trường")
# had no rare term but an inserted pair ("mới_thị") that no thread has, and started a thread of
# its own however close it was to one.
MIN_LOOKUP_TERMS = 3


def rare_terms(item: Item, idf: Idf, settings: LinkSettings = SETTINGS) -> list[str]:
    """The item's terms to look up candidate threads by: those rare enough, or if there are
    fewer than MIN_LOOKUP_TERMS of them, the MIN_LOOKUP_TERMS rarest."""
    limit = max(settings.blocking_min_df, settings.blocking_df_share * idf.paragraphs)
    frequencies = {term: idf.frequency(term) for term in item.terms}
    rare = sorted(t for t, df in frequencies.items() if df <= limit)
    if len(rare) >= MIN_LOOKUP_TERMS:
        return rare
    rarest = sorted(frequencies, key=lambda t: (frequencies[t], t))[:MIN_LOOKUP_TERMS]
    return sorted(set(rare) | set(rarest))


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


class Centroid:
    """The sum of the vectors of a thread's recent wordings (the latest MAX_COMPARED members,
    each wording once) and the themes they open on, kept up to date as members enter and leave
    that window: a thread that gains a member costs two vectors' worth of updates, not a new sum
    of twelve."""

    __slots__ = ("texts", "terms", "total", "heads", "_norm")

    def __init__(self) -> None:
        self.texts: Counter[str] = Counter()  # wording -> members in the window
        self.terms: Counter[str] = Counter()  # term -> wordings in the window that have it
        self.total: dict[str, float] = {}
        self.heads: Counter[str | None] = Counter()
        self._norm: float | None = None

    def enter(self, item: Item, weights: dict[str, float]) -> None:
        self.texts[item.text] += 1
        if self.texts[item.text] > 1:
            return
        for term, weight in weights.items():
            self.total[term] = self.total.get(term, 0.0) + weight
        self.terms.update(weights.keys())
        self.heads[item.head_theme] += 1
        self._norm = None

    def leave(self, item: Item, weights: dict[str, float]) -> None:
        self.texts[item.text] -= 1
        if self.texts[item.text]:
            return
        del self.texts[item.text]
        for term, weight in weights.items():
            self.terms[term] -= 1
            if self.terms[term]:
                self.total[term] -= weight
            else:  # no wording left with it: dropped, not left as a rounding residue
                del self.terms[term], self.total[term]
        self.heads[item.head_theme] -= 1
        if not self.heads[item.head_theme]:
            del self.heads[item.head_theme]
        self._norm = None

    def cosine(self, weights: dict[str, float]) -> float:
        """Cosine of a unit vector with the centroid."""
        if self._norm is None:
            self._norm = math.sqrt(sum(map(mul, self.total.values(), self.total.values()))) or 1.0
        return cosine(weights, self.total) / self._norm


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
    thread_of: dict[str, str] = field(default_factory=dict)
    centroids: dict[str, Centroid] = field(default_factory=dict)  # built when first compared

    def vector_of(self, item: Item) -> dict[str, float]:
        """The item's tf-idf vector, computed once per wording (the oldest forgotten past
        MAX_VECTORS, to bound the memory of a relink)."""
        found = self.vectors.get(item.text)
        if found is None:
            if len(self.vectors) >= MAX_VECTORS:
                del self.vectors[next(iter(self.vectors))]
            found = self.vectors[item.text] = vector(item.terms, self.idf)
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

    def rare_terms(self, item: Item) -> list[str]:
        """The item's lookup terms, worked out once per wording."""
        found = self.lookup.get(item.text)
        if found is None:
            found = self.lookup[item.text] = rare_terms(item, self.idf, self.settings)
        return found

    def pair_score(self, a: Item, b: Item) -> float:
        """Cosine of the tf-idf vectors, plus the bonus when both open on the same theme."""
        similarity = cosine(self.vector_of(a), self.vector_of(b))
        if similarity < self.settings.min_cosine:
            return similarity
        same_head = a.head_theme is not None and a.head_theme == b.head_theme
        return similarity + (self.settings.head_theme_bonus if same_head else 0.0)

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
        """Similarity to a thread: the cosine with its centroid, plus the bonus when the item
        opens on a theme one of its recent wordings opens on.

        The centroid, not the closest member: an item that covers two topics (markets and
        partners in one paragraph) would otherwise bridge every rewording of either into one
        thread. Only the latest MAX_COMPARED members count, so a comparison costs the same
        however long a thread grows.
        """
        centroid = self.centroid(thread)
        similarity = centroid.cosine(self.vector_of(item))
        if similarity < self.settings.min_cosine:
            return similarity
        same_head = item.head_theme is not None and item.head_theme in centroid.heads
        if item.list_id is None:
            same_head = False  # a directive's first theme is often whom it asks or about, not what
        return similarity + (self.settings.head_theme_bonus if same_head else 0.0)

    def may_join(self, item: Item, thread: str, forbidden: set[str]) -> bool:
        """Same kind, not forbidden by the analyst, and no item of the same list in it already."""
        if thread in forbidden or self.members[thread][0].kind != item.kind:
            return False
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
        shared = Counter(t for term in self.rare_terms(item) for t in self.by_term.get(term, ()))
        candidates = sorted(shared, key=lambda t: (-shared[t], t))[:MAX_CANDIDATES]
        found = []
        for thread in sorted(candidates):
            if not self.may_join(item, thread, forbidden):
                continue
            score = self.similarity(item, thread)
            if score >= self.settings.threshold:
                found.append((score, thread))
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
    for item in group:
        if forced := decisions.forced_thread(item, index):
            chosen[item.id] = forced
    pairs = sorted(
        ((score, item.id, thread) for item in group if item.id not in chosen
         for score, thread in index.scores(item, decisions.forbidden_threads(item, index))),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    taken = set(chosen.values())
    for _, item_id, thread in pairs:
        if item_id not in chosen and thread not in taken:
            chosen[item_id] = thread
            taken.add(thread)
    return chosen


def assign(items: Iterable[Item], index: ThreadIndex, new_thread, decisions: Decisions = NO_DECISIONS) -> dict[str, str]:
    """Give each item a thread (an existing one or `new_thread()`), list by list; returns item -> thread."""
    assigned = {}
    for group in _groups(items):
        chosen = _assign_group(group, index, decisions)
        for item in group:
            thread = chosen.get(item.id) or new_thread()
            index.add(item, thread)
            assigned[item.id] = thread
    return assigned


# ---------------------------------------------------------------------------------------------
# The database side


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def load_idf(conn: sqlite3.Connection, eager: bool = False) -> Idf:
    """The corpus's frequencies: all of them at once (`eager`, for a full relink) or on demand."""
    paragraphs = _meta_int(conn, "paragraphs")
    if eager:
        return Idf(dict(conn.execute("SELECT term, df FROM term_df").fetchall()), paragraphs)
    return Idf(None, paragraphs, conn)


def add_term_counts(conn: sqlite3.Connection, counts: Counter[str], paragraphs: int, document_ids: list[str], sign: int = 1) -> None:
    """Add (or with sign=-1 remove) paragraph term counts to the document frequencies, in one write."""
    if not paragraphs:
        return
    conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(term, sign * count) for term, count in counts.items()],
    )
    if sign < 0:
        conn.execute("DELETE FROM term_df WHERE df <= 0")
    _set_meta(conn, "paragraphs", max(0, _meta_int(conn, "paragraphs") + sign * paragraphs))
    conn.executemany("UPDATE documents SET terms_counted = ? WHERE id = ?", [(int(sign > 0), d) for d in document_ids])


def count_document_terms(conn: sqlite3.Connection, rows: list[tuple[str, str]], sign: int) -> None:
    """Add or remove stored documents, given as (id, body), from the document frequencies."""
    counts: Counter[str] = Counter()
    for _, body in rows:
        counts.update(paragraph_terms(body))  # a list: counted in C
    add_term_counts(conn, counts, sum(len(body.split("\n\n")) for _, body in rows), [i for i, _ in rows], sign)


def count_new_documents(conn: sqlite3.Connection) -> None:
    """Count the originals that no ingest counted: a duplicate whose original was deleted (it is
    an original now), or anything written outside `ingest_paths`."""
    rows = conn.execute("SELECT id, body FROM documents WHERE terms_counted = 0 AND duplicate_of IS NULL").fetchall()
    count_document_terms(conn, [(r["id"], r["body"]) for r in rows], 1)


def statement_theme_rows(statements: list[tuple[str, str]], themes: dict | None = None) -> list[dict]:
    """statement_themes rows for (statement id, text)s, in order of appearance (the first names it).

    `themes` maps a text to its coding already done elsewhere (by an ingest worker); a text it
    lacks is coded here.
    """
    from .themes import code_positions, load_codebook

    codebook = load_codebook()
    return [
        {"statement_id": statement_id, "theme": theme, "position": position}
        for statement_id, text in statements
        for theme, position in (themes[text] if themes and text in themes else code_positions(text, codebook))
    ]


def index_thread_terms(conn: sqlite3.Connection, items: Iterable[Item], thread_of: dict[str, str], idf: Idf | None = None) -> None:
    """The inverted index from term to thread, for finding candidate threads without scanning.

    Only terms rare enough to look threads up by are indexed (common ones never are); a
    word-for-word repeat finds its thread through the statements' `text_key` instead.
    """
    idf = idf or load_idf(conn)
    # Statements worded alike have the same terms: one of them per thread is enough.
    one_per_wording = {(item.key, thread_of[item.id]): item for item in items if item.id in thread_of}
    conn.executemany(
        "INSERT OR IGNORE INTO thread_terms (term, thread_id) VALUES (?, ?)",
        sorted({(term, thread) for (_, thread), item in one_per_wording.items() for term in rare_terms(item, idf)}),
    )


def link_order(target_year: int | None, date: str | None, document_id: str, statement_id: str) -> str:
    """The order linking visits statements in, as one sortable string stored with each statement
    (indexed with its thread): by target year, then date (unknown ones last), then place.

    A thread's latest or first few members are then read off the index, however long the
    thread; migration 11 computes the same string in SQL for statements stored before it.
    """
    year = "1" if target_year is None else f"0{target_year:04d}"
    day = "1" if date is None else f"0{date}"
    return f"{year}|{day}|{document_id}|{statement_id}"


def load_items(
    conn: sqlite3.Connection, where: str, params: Iterable = (), limit: int | None = None, newest_first: bool = False
) -> list[Item]:
    """Statements as linking items, in the order linking visits them (or the reverse, newest first)."""
    rows = conn.execute(
        f"""SELECT s.id, s.kind, s.list_id, s.text, s.text_key, (SELECT theme FROM statement_themes t
                   WHERE t.statement_id = s.id ORDER BY t.position LIMIT 1) AS head_theme
            FROM statements s JOIN documents d ON d.id = s.document_id
            WHERE {where}
            ORDER BY s.link_order {"DESC" if newest_first else ""}
            {"LIMIT " + str(int(limit)) if limit else ""}""",
        list(params),
    ).fetchall()
    return [Item(r["id"], r["kind"], r["list_id"], r["text"], r["text_key"], r["head_theme"]) for r in rows]


def load_decisions(conn: sqlite3.Connection) -> Decisions:
    linked: dict[str, set[str]] = defaultdict(set)
    unlinked: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute("SELECT action, statement_id, other_statement_id FROM decisions WHERE action IN ('link', 'unlink')"):
        target = linked if row["action"] == "link" else unlinked
        target[row["statement_id"]].add(row["other_statement_id"])
        target[row["other_statement_id"]].add(row["statement_id"])
    return Decisions(linked, unlinked)


class ThreadIds:
    """New thread ids, handed out in memory and recorded once (`save`); ids are never reused,
    so a saved report's "T0007" keeps its meaning."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.last = _meta_int(conn, "last_thread")

    def __call__(self) -> str:
        self.last += 1
        return f"T{self.last:04d}"

    def save(self) -> None:
        _set_meta(self.conn, "last_thread", self.last)


def next_thread_id(conn: sqlite3.Connection) -> str:
    """One new thread id, recorded at once."""
    ids = ThreadIds(conn)
    thread = ids()
    ids.save()
    return thread


def _index_for(conn: sqlite3.Connection, items: list[Item], idf: Idf) -> ThreadIndex:
    """An index of the stored threads that `items` may join: for each wording, the
    MAX_CANDIDATES threads sharing most of its rare terms (as `ThreadIndex.scores` picks them),
    and every thread with a member worded exactly like one of them, however old that member."""
    index = ThreadIndex(idf)
    by_wording = {item.key: item for item in items}
    threads: set[str] = set()
    for item in by_wording.values():
        terms = rare_terms(item, idf)
        marks = ",".join("?" * len(terms))
        threads |= {
            r[0]
            for r in conn.execute(
                f"""SELECT thread_id FROM thread_terms WHERE term IN ({marks})
                    GROUP BY thread_id ORDER BY count(*) DESC, thread_id LIMIT ?""",
                [*terms, MAX_CANDIDATES],
            )
        }
    same_words = _threads_worded(conn, sorted(by_wording))
    threads |= {thread for thread, _ in same_words}
    same_list = _threaded_members_of_lists(conn, sorted({item.list_id for item in items if item.list_id}))
    for thread in sorted(threads):
        for member in _candidate_members(conn, thread, same_list.get(thread, [])):
            index.add(member, thread)
    for thread, wording in same_words:
        if thread not in index.by_key[wording]:
            index.by_key[wording].append(thread)
    return index


def _threads_worded(conn: sqlite3.Connection, wordings: list[str]) -> list[tuple[str, str]]:
    """(thread, wording) for each stored thread with a member of one of these wordings (keys)."""
    found: list[tuple[str, str]] = []
    for start in range(0, len(wordings), 500):
        chunk = wordings[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found += conn.execute(
            f"""SELECT DISTINCT thread_id, text_key FROM statements
                WHERE text_key IN ({marks}) AND thread_id IS NOT NULL ORDER BY thread_id, text_key""",
            chunk,
        ).fetchall()
    return [tuple(row) for row in found]


def _threaded_members_of_lists(conn: sqlite3.Connection, lists: list[str]) -> dict[str, list[Item]]:
    """thread -> its members from these lists (found through their documents' index).

    They matter for the rule that two items of one list never share a thread: re-extraction
    keeps some items' threads.
    """
    found: dict[str, list[Item]] = defaultdict(list)
    for start in range(0, len(lists), 500):
        chunk = lists[start : start + 500]
        documents = sorted({list_id.rsplit("/L", 1)[0] for list_id in chunk})
        where = f"s.document_id IN ({','.join('?' * len(documents))}) AND s.list_id IN ({','.join('?' * len(chunk))})"
        for member, thread in _threaded(conn, where, [*documents, *chunk]):
            found[thread].append(member)
    return found


def _candidate_members(conn: sqlite3.Connection, thread: str, same_list: list[Item]) -> list[Item]:
    """The members a new statement is compared with (the latest few, read off the thread's
    index), after those of the statement's own lists; older members are never compared."""
    latest = load_items(conn, "s.thread_id = ?", [thread], limit=MAX_COMPARED, newest_first=True)[::-1]
    seen = {m.id for m in latest}
    return [m for m in same_list if m.id not in seen] + latest


def _store_assignments(conn: sqlite3.Connection, assigned: dict[str, str], kinds: dict[str, str]) -> None:
    created = now()
    threads = {thread: kinds[statement_id] for statement_id, thread in assigned.items()}
    conn.executemany(
        "INSERT OR IGNORE INTO threads (id, kind, created_at) VALUES (?, ?, ?)",
        [(thread, kind, created) for thread, kind in threads.items()],
    )
    conn.executemany("UPDATE statements SET thread_id = ? WHERE id = ?", [(t, s) for s, t in assigned.items()])


def _duplicate_threads(conn: sqlite3.Connection, idf: Idf) -> dict[str, str]:
    """Each unthreaded statement of a duplicate joins the thread of its counterpart in the original."""
    assigned: dict[str, str] = {}
    duplicates = conn.execute(
        """SELECT DISTINCT d.id, d.duplicate_of FROM documents d JOIN statements s ON s.document_id = d.id
           WHERE d.duplicate_of IS NOT NULL AND s.thread_id IS NULL ORDER BY d.id"""
    ).fetchall()
    for doc_id, original in duplicates:
        index = ThreadIndex(idf, LinkSettings(threshold=DUPLICATE_MATCH))
        for member, thread in _threaded(conn, "s.document_id = ?", [original]):
            index.add(member, thread)
        for item in load_items(conn, "s.document_id = ? AND s.thread_id IS NULL", [doc_id]):
            thread, _ = index.best_thread(item, set())
            if thread:
                assigned[item.id] = thread
    return assigned


# A duplicate's statement joins its original's thread only when they are nearly the same words.
DUPLICATE_MATCH = 0.5


def _threaded(conn: sqlite3.Connection, where: str, params: list) -> list[tuple[Item, str]]:
    items = load_items(conn, f"{where} AND s.thread_id IS NOT NULL", params)
    threads = dict(conn.execute(f"SELECT s.id, s.thread_id FROM statements s WHERE {where}", params).fetchall())
    return [(item, threads[item.id]) for item in items]


# Weights learnt from a small corpus are unreliable: when the corpus has grown this many times
# over since the last full linking, the next ingest relinks everything (ids and decisions kept).
# Growth by doubling keeps the total cost of these relinks within twice the cost of the last one.
RELINK_GROWTH = 2


def _meta_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone()
    return int(row[0]) if row else 0


def _set_meta(conn: sqlite3.Connection, name: str, value: object) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [name, str(value)]
    )


def recode_themes(conn: sqlite3.Connection) -> None:
    """Code every statement again with the current codebook (after --codebook changes)."""
    conn.execute("DELETE FROM statement_themes")
    conn.executemany(
        "INSERT INTO statement_themes (statement_id, theme, position) VALUES (:statement_id, :theme, :position)",
        statement_theme_rows(conn.execute("SELECT id, text FROM statements").fetchall()),
    )


def link_pending(conn: sqlite3.Connection) -> int:
    """Link every statement without a thread against the stored threads (in the caller's transaction).

    Runs at the end of each ingest and re-extraction, over all new statements at once, in the
    order of their years, so that the result does not depend on the order files were given in.
    Returns how many statements were linked.
    """
    count_new_documents(conn)
    if _meta_int(conn, "themes_stale"):  # set by a migration that changed how texts are coded
        recode_themes(conn)
        _set_meta(conn, "themes_stale", 0)
    idf = load_idf(conn)
    if idf.paragraphs > RELINK_GROWTH * _meta_int(conn, "paragraphs_at_relink"):
        return relink(conn)["statements"]
    items = load_items(conn, f"s.thread_id IS NULL AND d.duplicate_of IS NULL AND {SQL_IN_SCOPE}")
    new_ids = ThreadIds(conn)
    assigned = assign(items, _index_for(conn, items, idf), new_ids, load_decisions(conn))
    new_ids.save()
    _write_links(conn, items, assigned, idf)
    refresh_labels(conn, set(assigned.values()), joined=set(assigned))
    drop_empty_threads(conn)
    return len(assigned)


def _write_links(conn: sqlite3.Connection, items: list[Item], assigned: dict[str, str], idf: Idf) -> None:
    """Record the originals' threads, index their terms, and let duplicates follow their originals."""
    _store_assignments(conn, assigned, {i.id: i.kind for i in items})
    index_thread_terms(conn, items, assigned, idf)
    conn.executemany(
        "UPDATE statements SET thread_id = ? WHERE id = ?", [(t, s) for s, t in _duplicate_threads(conn, idf).items()]
    )


def drop_empty_threads(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM threads WHERE id NOT IN (SELECT DISTINCT thread_id FROM statements WHERE thread_id IS NOT NULL)")


def _match_old_ids(groups: dict[str, list[str]], old: dict[str, str]) -> dict[str, str]:
    """Map new groups to old thread ids: a thread keeps its id while it keeps most of its members."""
    old_sizes = Counter(old.values())
    overlaps = sorted(
        ((count, group, thread) for group, members in groups.items()
         for thread, count in Counter(old[m] for m in members if m in old).items()),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for count, group, thread in overlaps:
        if group in mapping or thread in taken or count * 2 <= old_sizes[thread]:
            continue
        mapping[group] = thread
        taken.add(thread)
    return mapping


def relink(conn: sqlite3.Connection, settings: LinkSettings = SETTINGS) -> dict[str, int]:
    """Rebuild every thread from scratch, deterministically, keeping ids and labels where the members stay."""
    old = dict(conn.execute("SELECT id, thread_id FROM statements WHERE thread_id IS NOT NULL").fetchall())
    originals = load_items(conn, f"d.duplicate_of IS NULL AND {SQL_IN_SCOPE}")
    index = ThreadIndex(load_idf(conn, eager=True), settings)
    counter = iter(range(1, 10**9))
    assigned = assign(originals, index, lambda: f"new{next(counter)}", load_decisions(conn))
    groups: dict[str, list[str]] = defaultdict(list)
    for statement_id, group in assigned.items():
        groups[group].append(statement_id)
    mapping = _match_old_ids(groups, old)
    final = {}
    new_ids = ThreadIds(conn)
    for group in sorted(groups, key=lambda g: min(groups[g])):
        thread = mapping.get(group) or new_ids()
        final.update({m: thread for m in groups[group]})
    new_ids.save()
    conn.execute("UPDATE statements SET thread_id = NULL WHERE thread_id IS NOT NULL")
    # thread_terms is not emptied: kept threads keep valid terms, dropped threads lose theirs by
    # cascade, and a stale term only adds a candidate that scoring then rejects. (Emptying it
    # row by row, as SQLite must for a table with foreign keys, took 7 s of a 15 s relink.)
    _write_links(conn, originals, final, index.idf)
    drop_empty_threads(conn)
    by_thread: dict[str, list[Item]] = defaultdict(list)
    for item in originals:
        by_thread[final[item.id]].append(item)
    refresh_labels(conn, set(by_thread), by_thread)
    _set_meta(conn, "paragraphs_at_relink", index.idf.paragraphs)
    return {"statements": len(final), "threads": len(set(final.values())), "kept": len(mapping)}


# ---------------------------------------------------------------------------------------------
# Labels and explanations

def short_label(text: str) -> str:
    """A readable phrase: the opening clauses of a statement, at least 5 words. Stored whole, so
    that JSON and CSV carry it uncut; a table shortens it for reading (render.cut_label)."""
    words: list[str] = []
    for clause in re.split(r"(?<=[,;:.])\s+", text.strip()):
        words += clause.split()
        if len(words) >= 5:
            break
    phrase = " ".join(words).rstrip(",;:.")
    return phrase[:1].upper() + phrase[1:]


def thread_members(conn: sqlite3.Connection, thread: str, limit: int | None = None) -> list[Item]:
    """A thread's members in linking order (the first `limit` of them)."""
    return load_items(conn, "s.thread_id = ?", [thread], limit=limit)


def centrality(members: list[Item], idf: Idf) -> dict[str, float]:
    """Each member's mean similarity to the others (1.0 for a thread of one)."""
    members = members[:MAX_CENTRALITY]
    vectors = {m.id: vector(m.terms, idf) for m in members}
    if len(members) == 1:
        return {members[0].id: 1.0}
    return {
        m.id: sum(cosine(vectors[m.id], vectors[o.id]) for o in members if o.id != m.id) / (len(members) - 1)
        for m in members
    }


def central_label(members: list[Item], idf: Idf) -> str:
    """The automatic label: a phrase from the most central of the (first) members."""
    members = members[:MAX_CENTRALITY]
    scores = centrality(members, idf)
    return short_label(max(members, key=lambda m: (scores[m.id], m.id)).text)


def refresh_labels(
    conn: sqlite3.Connection, threads: set[str], members: dict[str, list[Item]] | None = None, joined: set[str] | None = None
) -> None:
    """Recompute the automatic label of each thread; `members` (in linking order) spares the lookups.

    With `joined` (statements just linked), a thread whose label-giving first members include
    none of them keeps its label: it would come out the same.
    """
    idf = load_idf(conn)
    labels = []
    for thread in sorted(threads):
        found = members[thread] if members is not None else thread_members(conn, thread, MAX_CENTRALITY)
        if found and (joined is None or any(m.id in joined for m in found[:MAX_CENTRALITY])):
            labels.append((central_label(found, idf), thread))
    conn.executemany("UPDATE threads SET auto_label = ? WHERE id = ?", labels)


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
        others_open_alike = whole.heads[member.head_theme] > 1  # one wording of it is the member's own
        same_head = similarity >= index.settings.min_cosine and member.head_theme is not None and others_open_alike
        scores[member.id] = similarity + (index.settings.head_theme_bonus if same_head else 0.0)
    return scores


def shared_terms(members: list[Item], idf: Idf, limit: int = 6) -> list[str]:
    """The rarest words that more than one member uses: why these statements are one thread.

    Syllable pairs ("nghiên cứu") come before single syllables, which are shown only when no
    pair already holds them.
    """
    counts = Counter(t for m in members for t in set(m.terms))
    # A pair seen in only a paragraph or two is two words side by side ("hóa thị"), not a word.
    shared = [t for t, c in counts.items() if (c > 1 or len(members) == 1) and ("_" not in t or idf.frequency(t) >= 3)]
    ranked = sorted(shared, key=lambda t: (-(idf(t) * counts[t] * (1.5 if "_" in t else 1.0)), t))
    chosen: list[str] = []
    for term in ranked:
        if "_" not in term and any(term in c.split("_") for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == limit:
            break
    return [t.replace("_", " ") for t in chosen]
