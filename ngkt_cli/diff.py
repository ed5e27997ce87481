"""Stage 4: the priorities of year A against year B -> YearDiff (a pure function).

Threads present only in B are new, only in A dropped, in both persisting (with their ranks and
the closest pair of wordings, word by word). Themes and distinctive words are compared with
statistics that keep noise from being reported as a shift: the log-likelihood G² with its
p-value, and the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008), whose z-score behaves better than G² for rare items.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from dataclasses import dataclass, field

from .actors import NATIONAL
from .similarity import Idf, cosine, features, vector
from .text import key, sentences
from .words import is_generic, shown

# Pseudo-counts of the informative prior, spread over items in proportion to their frequency in
# the whole corpus: enough to calm a theme seen once, too few to hide a real shift.
PRIOR_STRENGTH = 10.0

# Significance level for the "*" next to a shift.
SIGNIFICANCE = 0.05

# How many statements of each year a persisting thread's wordings are compared across (a thread
# restated by many outlets would otherwise cost the square of its size).
MAX_WORDINGS = 8

# How many distinctive words each year shows.
DISTINCTIVE_TERMS = 8

# A year resting on fewer articles or statements than these is flagged as thin evidence: what
# is "new" or "dropped" there may only be what one article happened to report.
THIN_ARTICLES = 3
THIN_STATEMENTS = 5


@dataclass(slots=True)
class DiffStatement:
    """A statement as the diff cites it: text, rank (ordinal in its list) and source.

    Not frozen: a diff of 10,000 articles builds 15,000 of them, and a frozen dataclass's
    __init__ (object.__setattr__ per field) took five times as long; nothing changes one."""

    id: str
    thread_id: str
    year: int
    rank: int | None
    text: str
    speaker: str | None
    document_id: str
    document_title: str | None
    document_date: str | None
    themes: tuple[str, ...] = ()
    document_path: str | None = None
    form: str = "list"  # "directive": stated without a number, so without a rank
    actor_level: str = NATIONAL  # whose priority: actors.py (the diff cites a province's as such)


@dataclass(frozen=True)
class ThreadChange:
    thread_id: str
    label: str
    status: str  # new, dropped, persisting
    before: tuple[DiffStatement, ...]
    after: tuple[DiffStatement, ...]
    rank_before: int | None = None
    rank_after: int | None = None
    movement: str = ""  # "up", "down", "same" or "" when a rank is unknown
    wording: tuple[tuple[str, str], ...] = ()  # (op, words): op is "=", "-" or "+"


@dataclass(frozen=True)
class Keyness:
    """One theme or word in both years: counts, shares and the two statistics."""

    item: str
    label: str
    count_before: int
    count_after: int
    share_before: float
    share_after: float
    g2: float
    p_value: float
    log_odds: float
    z: float

    @property
    def change(self) -> float:
        return self.share_after - self.share_before

    @property
    def trend(self) -> str:
        return "rising" if self.change > 0 else "falling" if self.change < 0 else "steady"

    @property
    def significant(self) -> bool:
        return self.p_value < SIGNIFICANCE


# How a title or a message names the statements of one form (`--form`).
FORM_NAMES = {"list": "list items", "directive": "directives"}


@dataclass(frozen=True)
class YearDiff:
    year_before: int
    year_after: int
    by: str
    kind: str
    statements_before: int
    statements_after: int
    new: tuple[ThreadChange, ...] = ()
    dropped: tuple[ThreadChange, ...] = ()
    persisting: tuple[ThreadChange, ...] = ()
    themes: tuple[Keyness, ...] = ()
    distinctive_before: tuple[Keyness, ...] = ()
    distinctive_after: tuple[Keyness, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    # How many articles state each year's statements: a priority "dropped" from a year covered by
    # one article may only be unreported.
    documents_before: int = 0
    documents_after: int = 0
    # Articles the diff leaves out: off-topic ones whose items fall in each year, and undated
    # ones that no year can hold (the same number on both sides).
    out_of_scope_before: int = 0
    out_of_scope_after: int = 0
    undated: int = 0
    form: str | None = None  # "list" or "directive" when only statements of that form are compared
    # Statements of other actors than the one compared (a province's, another country's: actors.py)
    # that each year leaves out, and the actor level compared (None: every level).
    other_actors_before: int = 0
    other_actors_after: int = 0
    level: str | None = None

    @property
    def thin_before(self) -> bool:
        return is_thin(self.documents_before, self.statements_before)

    @property
    def thin_after(self) -> bool:
        return is_thin(self.documents_after, self.statements_after)


def is_thin(documents: int, statements: int) -> bool:
    """Whether a year rests on too little to read its "new" and "dropped" as a change of policy."""
    return documents < THIN_ARTICLES or statements < THIN_STATEMENTS


# ---------------------------------------------------------------------------------------------
# Statistics


def g2_test(a: int, n_a: int, b: int, n_b: int) -> tuple[float, float]:
    """Log-likelihood G² of a 2x2 table (item present in a of n_a and b of n_b) and its p-value (1 df)."""
    cells = [(a, n_a), (n_a - a, n_a), (b, n_b), (n_b - b, n_b)]
    total = n_a + n_b
    present, absent = a + b, total - a - b
    expected = [present * n_a / total, absent * n_a / total, present * n_b / total, absent * n_b / total]
    g2 = 2 * sum(o * math.log(o / e) for (o, _), e in zip(cells, expected) if o > 0 and e > 0)
    return g2, math.erfc(math.sqrt(max(g2, 0.0) / 2))


def log_odds_dirichlet(a: int, n_a: int, b: int, n_b: int, prior: float, prior_total: float) -> tuple[float, float]:
    """(log-odds ratio of b against a, its z-score) with an informative Dirichlet prior."""
    # Half a count at least on the other side: a word every statement of a tiny corpus uses would
    # otherwise leave nothing there (infinite odds).
    odds_b = (b + prior) / max(n_b + prior_total - b - prior, 0.5)
    odds_a = (a + prior) / max(n_a + prior_total - a - prior, 0.5)
    delta = math.log(odds_b) - math.log(odds_a)
    variance = 1 / (b + prior) + 1 / (a + prior)
    return delta, delta / math.sqrt(variance)


def keyness(
    counts_before: Counter[str],
    n_before: int,
    counts_after: Counter[str],
    n_after: int,
    corpus: Counter[str],
    labels: dict[str, str],
) -> list[Keyness]:
    """Compare every item of either year; items sorted by the evidence of a shift (|z|)."""
    corpus_total = sum(corpus.values()) or 1
    rows = []
    for item in sorted(set(counts_before) | set(counts_after)):
        a, b = counts_before[item], counts_after[item]
        prior = PRIOR_STRENGTH * max(corpus[item], a + b) / corpus_total
        g2, p_value = g2_test(a, n_before, b, n_after)
        delta, z = log_odds_dirichlet(a, n_before, b, n_after, prior, PRIOR_STRENGTH)
        rows.append(Keyness(item, labels.get(item, item), a, b, a / n_before, b / n_after, g2, p_value, delta, z))
    return sorted(rows, key=lambda k: (-abs(k.z), k.item))


# ---------------------------------------------------------------------------------------------
# Threads


def _comparable(word: str) -> str:
    return key(word).strip('.,;:!?"“”()')


def _merge_runs(runs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Fold a lone kept word between changes into them, then join neighbouring runs of one kind.

    A common word that happens to recur ("quốc" in "hội nhập quốc tế" and "toàn quốc") is not a
    real point of agreement, and showing it splits one rewording into confetti.
    """
    unfolded: list[tuple[str, str]] = []
    for index, (op, words) in enumerate(runs):
        lone = op == "=" and " " not in words and 0 < index < len(runs) - 1
        if lone and runs[index - 1][0] != "=" and runs[index + 1][0] != "=":
            unfolded += [("-", words), ("+", words)]
        else:
            unfolded.append((op, words))
    merged: list[tuple[str, str]] = []
    pending: dict[str, list[str]] = {"-": [], "+": []}
    for op, words in unfolded + [("=", "")]:
        if op in pending:
            pending[op].append(words)
            continue
        for change in ("-", "+"):
            if pending[change]:
                merged.append((change, " ".join(pending[change])))
                pending[change] = []
        if words:
            merged.append((op, words))
    return tuple(merged)


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """Word-level difference: runs of kept ("="), removed ("-") and added ("+") words.

    Words are compared on their key without punctuation, so "hoá" and "hóa", "ứng." and "ứng"
    are the same word; kept runs show the newer wording.
    """
    old, new = before.split(), after.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[_comparable(w) for w in old], b=[_comparable(w) for w in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(new[j1:j2])))
    return _merge_runs(runs)


def _sentences(text: str) -> list[str]:
    return [sentence for paragraph in text.split("\n\n") for sentence in sentences(paragraph)] or [text]


def closest_wordings(before: tuple[DiffStatement, ...], after: tuple[DiffStatement, ...], idf: Idf) -> tuple[str, str]:
    """The closest pair of sentences across the two years' statements of a thread.

    Sentences, not whole items: an item that runs over three paragraphs is compared by the one
    sentence that was reworded, which is what the analyst wants to see.
    """
    # Each distinct sentence once: outlets restate a priority word for word.
    old = list(dict.fromkeys(t for s in before[:MAX_WORDINGS] for t in _sentences(s.text)))
    new = list(dict.fromkeys(t for s in after[:MAX_WORDINGS] for t in _sentences(s.text)))
    vectors = {t: vector(features(t), idf) for t in old + new}
    return max(((x, y) for x in old for y in new), key=lambda p: (cosine(vectors[p[0]], vectors[p[1]]), p))


def _best_rank(statements: tuple[DiffStatement, ...]) -> int | None:
    ranks = [s.rank for s in statements if s.rank is not None]
    return min(ranks) if ranks else None


def _movement(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    return "up" if after < before else "down" if after > before else "same"


def _by_thread(statements: list[DiffStatement]) -> dict[str, tuple[DiffStatement, ...]]:
    grouped: dict[str, list[DiffStatement]] = {}
    for statement in statements:
        grouped.setdefault(statement.thread_id, []).append(statement)
    return {t: tuple(sorted(s, key=lambda x: (x.document_date or "", x.id))) for t, s in grouped.items()}


def thread_changes(before: list[DiffStatement], after: list[DiffStatement], labels: dict[str, str], idf: Idf):
    """(new, dropped, persisting) thread changes, each list in the order of its best rank."""
    old, new = _by_thread(before), _by_thread(after)

    def change(thread: str, status: str) -> ThreadChange:
        was, now = old.get(thread, ()), new.get(thread, ())
        wording = word_diff(*closest_wordings(was, now, idf)) if was and now else ()
        rank_before, rank_after = _best_rank(was), _best_rank(now)
        return ThreadChange(
            thread,
            labels.get(thread, thread),
            status,
            was,
            now,
            rank_before,
            rank_after,
            _movement(rank_before, rank_after),
            wording,
        )

    def order(changes: list[ThreadChange]) -> tuple[ThreadChange, ...]:
        return tuple(sorted(changes, key=lambda c: (c.rank_after or c.rank_before or 99, c.thread_id)))

    return (
        order([change(t, "new") for t in new if t not in old]),
        order([change(t, "dropped") for t in old if t not in new]),
        order([change(t, "persisting") for t in new if t in old]),
    )


# ---------------------------------------------------------------------------------------------
# Distinctive words


def key_words(text: str) -> set[str]:
    """The words of a text that can say what it is about: words of the word list of more than
    one syllable ("chuỗi_cung_ứng", "thị_trường"), never a generic word of the genre ("tiếp_tục")
    nor two syllables that merely stand side by side ("hóa thị", "phương doanh")."""
    return {t for t in features(text) if "_" in t and not t.startswith("~") and not is_generic(t)}


def words_needed(statements: list[DiffStatement]) -> set[str]:
    """Every term whose corpus frequency `compare_years` asks for: the caller reads them at once."""
    texts = {s.text for s in statements}
    return {t for text in texts for piece in (text, *_sentences(text)) for t in features(piece)}


def word_counts(statements: list[DiffStatement]) -> Counter[str]:
    """Statements using each word (`key_words`)."""
    counts: Counter[str] = Counter()
    # Each distinct text once, times the statements stating it: outlets restate priorities word for word.
    for text, stated in Counter(statement.text for statement in statements).items():
        for word in key_words(text):
            counts[word] += stated
    return counts


def compare_years(
    before: list[DiffStatement],
    after: list[DiffStatement],
    *,
    year_before: int,
    year_after: int,
    by: str,
    kind: str,
    labels: dict[str, str],
    theme_labels: dict[str, str],
    theme_corpus: Counter[str],
    frequencies: dict[str, int],
    paragraphs: int,
    left_out: dict | None = None,
    form: str | None = None,
    level: str | None = None,
) -> YearDiff:
    """The whole comparison of two years' statements (pure: everything it needs is passed in).

    `frequencies` holds, for each term of `words_needed(before + after)`, how many paragraphs of
    the whole corpus use it (of `paragraphs`): the weights of the closest wordings and the prior
    of the distinctive words. A term it lacks counts as never seen.
    `left_out` ({"out_of_scope": {year: n}, "undated": n, "other_actors": {year: n}}, from
    queries.year_diff) is reported as is; `level` is the actor level compared (None: all).
    """
    idf = Idf(frequencies, paragraphs)
    left_out = left_out or {}
    out_of_scope = left_out.get("out_of_scope", {})
    other_actors = left_out.get("other_actors", {})
    new, dropped, persisting = thread_changes(before, after, labels, idf)
    themes_before = Counter(t for s in before for t in set(s.themes))
    themes_after = Counter(t for s in after for t in set(s.themes))
    themes = keyness(themes_before, len(before), themes_after, len(after), theme_corpus, theme_labels)
    words_before, words_after = word_counts(before), word_counts(after)
    word_corpus = Counter({word: idf.frequency(word) for word in words_before | words_after})
    words = keyness(words_before, len(before), words_after, len(after), word_corpus, {w: shown(w) for w in word_corpus})
    return YearDiff(
        year_before,
        year_after,
        by,
        kind,
        len(before),
        len(after),
        new,
        dropped,
        persisting,
        tuple(sorted(themes, key=lambda k: (-k.change, k.item))),
        tuple(k for k in words if k.z < 0)[:DISTINCTIVE_TERMS],
        tuple(k for k in words if k.z > 0)[:DISTINCTIVE_TERMS],
        labels,
        documents_before=len({s.document_id for s in before}),
        documents_after=len({s.document_id for s in after}),
        out_of_scope_before=out_of_scope.get(year_before, 0),
        out_of_scope_after=out_of_scope.get(year_after, 0),
        undated=left_out.get("undated", 0),
        form=form,
        other_actors_before=other_actors.get(year_before, 0),
        other_actors_after=other_actors.get(year_after, 0),
        level=level,
    )
