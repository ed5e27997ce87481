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

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

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
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self)

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


@lru_cache(maxsize=4)
def _pattern(rules: ScopeRules) -> re.Pattern[str]:
    """One alternation of every term, longest first, so overlapping terms count once, as the longer.

    Written as a tree of the terms' letters ("b(?:ộ (?:ngoại giao|...)|...)|đ(?:...)"): the regex
    engine tries the alternatives one by one, and rejects a word after a letter test or two at
    each letter instead of one per term that shares its first letters. At each letter the longer
    terms come before the one that ends there, so the terms a position holds (each a start of
    the next) are tried longest first, as in a flat alternation sorted by length.
    """
    alternation = _letter_tree(_term_index(rules))
    if any(NOT_LETTER.match(term[-1]) for term in _term_index(rules)):
        return re.compile(r"(?<![^\W_])(" + alternation + r")(?![^\W_])")
    # A term opens where no letter or digit stands before it. Consuming that character (the text
    # is searched with a space in front, for a term at its start) lets the regex engine skip in C
    # to the places a term may start, where a look-behind first was tried at every position. The
    # same matches while no term ends with such a character (the next term could then open right
    # after a match, the character before it taken): otherwise the look-behind, above.
    return re.compile(r"[\W_](" + alternation + r")(?![^\W_])")


# What must stand before and after a term: not a letter or digit (so "_" and any punctuation).
NOT_LETTER = re.compile(r"[\W_]")


def _letter_tree(terms: Iterable[str]) -> str:
    """The terms as one pattern, a group per shared start: "ab", "abc", "ad" -> "a(?:b(?:c|)|d)"."""
    tree: dict = {}
    for term in terms:
        node = tree
        for letter in term:
            node = node.setdefault(letter, {})
        node[""] = {}  # a term ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(letter) + pattern(after) for letter, after in sorted(node.items()) if letter]
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if ends else "") + ")" if branches else ""

    return pattern(tree)


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
    # the pattern's one group: the term (counted in C); a space in front, for a term at the start
    return Counter(rules.pattern.findall(" " + text_key))


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
