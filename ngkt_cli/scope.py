"""Is an article about Vietnam's foreign affairs? The scope rule (a pure function of the text).

An article is "in" scope when it is about Vietnam's foreign affairs, economic diplomacy or
international economic integration. Economic wording alone does not make it so: a city's
tasks ("thu hút đầu tư", "động lực tăng trưởng") read like economic diplomacy. What decides is
who and what the article is about: foreign-affairs actors and objects (the Foreign Ministry, the
missions abroad, partners, FTAs, APEC) weigh for "in"; a local or domestic subject (a province's
statistics, its government's tasks, a highway), sport and a company's own event weigh for "out".
The terms and their weights are rows of data/scope.toml, each with an example; a term in the
title or the lede weighs more than one further down.

Out-of-scope documents are stored and searchable; their statements are kept out of threads,
priorities, diffs, timelines and reports unless asked for.
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import ahocorasick

from .errors import UsageError
from .text import joined_key, key, paragraph_keys

SIDES = ("in", "out")

# The documents whose statements the year views count, as an SQL condition on documents `d`
# (a NULL scope, from before scopes were decided, counts as in).
SQL_IN_SCOPE = "coalesce(d.scope, 'in') != 'out'"

# Where a document's scope came from: the rule, or the analyst (`ngkt doc scope`), whose
# choice survives re-ingest and `ngkt reextract`.
SOURCE_RULE, SOURCE_USER = "rule", "user"

# How many of the deciding terms a reason quotes.
REASON_TERMS = 3

# A feed item's title and summary say too little to decide "in"; they are enough to skip, before
# fetching, an item whose local, domestic or sporting subject weighs this much in the lede and
# which names not one foreign-affairs term: "Đội tuyển thắng trận giao hữu, hai bàn thắng" (sport
# 4 x 2 x 2 terms = 16).
CLEARLY_OFF_TOPIC = 6


@dataclass(frozen=True)
class TermGroup:
    """One row of the data file: terms that mark one thing, with a weight and an example."""

    side: str
    what: str
    weight: float
    terms: tuple[str, ...]
    example: str
    cap: float | None = None  # the most the row adds up to in one document (None: no limit)


@dataclass(frozen=True)
class ScopeRules:
    groups: tuple[TermGroup, ...]
    lead_paragraphs: int = 2
    lead_factor: float = 2
    body_hits: int = 3
    in_minimum: float = 6

    # Kept on the rules once worked out: the lru_caches behind them hash every group and term of
    # the rules at each look-up, five times a document.
    @cached_property
    def by_term(self) -> dict[str, tuple[str, TermGroup]]:
        """key(term) -> (the term as written, its group)."""
        return _term_index(self)

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        return _automaton(self)

    @cached_property
    def group_numbers(self) -> dict[str, int]:
        """key(term) -> a number of its group, the same for equal groups: a document's weights
        are summed by number, where hashing a group (all its terms) for each term cost more."""
        numbers: dict[TermGroup, int] = {}
        return {term: numbers.setdefault(group, len(numbers)) for term, (_, group) in self.by_term.items()}


@dataclass(frozen=True)
class Scope:
    """The decision about one document, with the reason an analyst reads."""

    scope: str
    reason: str
    in_weight: float = 0.0
    out_weight: float = 0.0


@lru_cache(maxsize=4)
def _term_index(rules: ScopeRules) -> dict[str, tuple[str, TermGroup]]:
    return {key(term): (term, group) for group in rules.groups for term in group.terms}


def _automaton(rules: ScopeRules) -> ahocorasick.Automaton:
    """Every term (its key), to find each place a term occurs in one pass over a text, in C
    (Aho-Corasick), where a regex alternation of the terms had the engine try them at each
    word (and test at each character whether a word opens there)."""
    automaton = ahocorasick.Automaton()
    for term in _term_index(rules):
        if term:
            automaton.add_word(term, len(term))
    automaton.make_automaton()
    return automaton


def parse_rules(text: str, source: str = "scope.toml") -> ScopeRules:
    """Rules from the TOML text of a scope file; UsageError naming the file and the fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{source}: not valid TOML ({error})") from None
    groups = []
    for side in SIDES:
        for number, row in enumerate(data.get(side, []), start=1):
            missing = [field for field in ("what", "weight", "terms", "example") if field not in row]
            if missing:
                raise UsageError(f"{source}: [[{side}]] row {number} lacks {', '.join(missing)}")
            cap = float(row["cap"]) if "cap" in row else None
            groups.append(TermGroup(side, row["what"], float(row["weight"]), tuple(row["terms"]), row["example"], cap))
    settings = data.get("settings", {})
    return ScopeRules(
        tuple(groups),
        **{
            name: settings[name]
            for name in ("lead_paragraphs", "lead_factor", "body_hits", "in_minimum")
            if name in settings
        },
    )


@lru_cache(maxsize=1)
def load_rules() -> ScopeRules:
    """The rules of the package's data/scope.toml."""
    return parse_rules(resources.files("ngkt_cli").joinpath("data/scope.toml").read_text(encoding="utf-8"))


def _hits(text_key: str, rules: ScopeRules) -> dict[str, int]:
    """How often each term occurs in `text_key` where no letter or digit stands before or after
    it, as a regex alternation of the terms, longest first, finds them from the start: at each
    place the longest such term, then on from its end."""
    longest: dict[int, int] = {}  # where a term starts -> the length of the longest there
    if rules.by_term:
        for end, length in rules.automaton.iter(text_key):
            end += 1
            start = end - length
            if (
                longest.get(start, 0) < length
                and (end == len(text_key) or not text_key[end].isalnum())
                and (start == 0 or not text_key[start - 1].isalnum())
            ):
                longest[start] = length
    found: list[str] = []
    after = 0
    for start in sorted(longest):
        if start >= after:
            after = start + longest[start]
            found.append(text_key[start:after])
    return Counter(found)


def weigh(
    title: str | None, paragraphs: list[str], rules: ScopeRules, keys: list[str] | None = None
) -> dict[str, float]:
    """Each term found -> its weight in this document: lede hits count `lead_factor` times, hits
    in the rest of the body up to `body_hits` times. `keys`: the paragraphs' keys, when the
    caller has them (`text.paragraph_keys`)."""
    keys = paragraph_keys(paragraphs) if keys is None else keys
    lede = joined_key([key(title or ""), *keys[: rules.lead_paragraphs]])
    lead, body = _hits(lede, rules), _hits(joined_key(keys[rules.lead_paragraphs :]), rules)
    index = rules.by_term
    return {
        term: index[term][1].weight * (lead.get(term, 0) * rules.lead_factor + min(body.get(term, 0), rules.body_hits))
        for term in sorted(set(lead) | set(body))
    }


def _strongest(weights: dict[str, float], rules: ScopeRules, side: str) -> tuple[str | None, list[str], float]:
    """(what the side's heaviest group marks, that group's heaviest terms as written, the side's total)."""
    index = rules.by_term
    found = sorted(
        ((w, term) for term, w in weights.items() if index[term][1].side == side), key=lambda x: (-x[0], x[1])
    )
    if not found:
        return None, [], 0.0
    # by group, each group as the first of its terms holds it (equal groups are one)
    numbers = rules.group_numbers
    by_number: dict[int, float] = defaultdict(float)
    groups: dict[int, TermGroup] = {}
    for weight, term in found:
        by_number[numbers[term]] += weight
        groups.setdefault(numbers[term], index[term][1])
    totals = {n: min(total, cap) if (cap := groups[n].cap) is not None else total for n, total in by_number.items()}
    group = groups[max(totals, key=lambda n: (totals[n], groups[n].what))]
    quoted = [index[term][0] for _, term in found if index[term][1] is group][:REASON_TERMS]
    return group.what, quoted, sum(totals.values())


def _quoted(terms: list[str]) -> str:
    return ", ".join(f"'{term}'" for term in terms)


def decide(
    title: str | None, paragraphs: list[str], rules: ScopeRules | None = None, keys: list[str] | None = None
) -> Scope:
    """In or out, and why: "out: provincial statistics — 'Cục Thống kê', 'GRDP'; no foreign-affairs actor".
    `keys`: the paragraphs' keys, when the caller has them."""
    rules = rules or load_rules()
    weights = weigh(title, paragraphs, rules, keys)
    in_what, in_terms, in_weight = _strongest(weights, rules, "in")
    out_what, out_terms, out_weight = _strongest(weights, rules, "out")
    if in_weight >= rules.in_minimum and in_weight >= out_weight:
        reason = f"in: {in_what} — {_quoted(in_terms)}"
        if out_weight:
            reason += f"; outweighs {out_what} ({_quoted(out_terms[:1])})"
        return Scope("in", reason, in_weight, out_weight)
    if not in_terms:
        foreign = "no foreign-affairs actor or object"
    elif in_weight < rules.in_minimum:
        foreign = f"too little on foreign affairs ({_quoted(in_terms)})"
    else:
        foreign = f"foreign-affairs terms outweighed ({_quoted(in_terms)})"
    reason = f"out: {out_what} — {_quoted(out_terms)}; {foreign}" if out_what else f"out: {foreign}"
    return Scope("out", reason, in_weight, out_weight)


def off_topic_listing(title: str, summary: str, rules: ScopeRules | None = None) -> str | None:
    """Why a feed item is clearly off-topic from its title and summary alone, or None (fetch it):
    only a listing with no foreign-affairs term and a heavy local, domestic or sporting subject."""
    decided = decide(title, [summary], rules)
    if decided.in_weight == 0 and decided.out_weight >= CLEARLY_OFF_TOPIC:
        return decided.reason
    return None
