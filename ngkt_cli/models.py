"""Frozen dataclasses passed between the stages; rows and JSON exist only at the edges."""

from __future__ import annotations

from dataclasses import dataclass, field

# "other": an enumerated list that states none of the four (shortcomings, causes, challenges).
KINDS = ("priority", "achievement", "lesson", "agenda", "other")


@dataclass(frozen=True)
class RemovedLine:
    """A line of the source kept out of the body, with why: shown dimmed by `ngkt show`."""

    line_no: int
    reason: str
    text: str


@dataclass(frozen=True)
class Person:
    """A person the article names, with the title written next to the name."""

    name: str
    title: str | None


@dataclass(frozen=True)
class Document:
    """One ingested article: clean body (paragraphs separated by blank lines) and metadata."""

    id: str
    path: str
    title: str | None
    body: str
    date: str | None
    date_source: str | None
    published: str | None
    statement_year: int | None
    byline: str | None
    people: tuple[Person, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    encoding: str = "utf-8"
    source_format: str = "text"
    source_sha: str = ""
    duplicate_of: str | None = None
    sketch: bytes | None = None  # smallest shingle hashes, for recognising a second outlet's copy
    shingle_count: int = 0
    # About Vietnam's foreign affairs ("in") or not ("out"), why, and who decided: the rule of
    # scope.py or the analyst ("user", kept through re-ingest).
    scope: str = "in"
    scope_reason: str | None = None
    scope_source: str = "rule"
    # Who the document is: the file's absolute path (None for stdin: its text is its identity).
    source: str | None = None
    content_sha: str = ""  # which version: the hash of the normalised body

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []


@dataclass(frozen=True)
class Statement:
    """One stated item, with its place in the document body (character span and paragraph)."""

    kind: str
    ordinal: int | None
    text: str
    paragraph: int
    start: int
    end: int
    target_year: int | None
    speaker: str | None
    # "list": an item of an enumerated list; "directive": a sentence that asks for a course of
    # action without numbering it, with its cue ("yêu cầu", "cần") and the cue's span.
    form: str = "list"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


FORMS = ("list", "directive")

# The reason of an ingest's "updated" for a file whose text is unchanged and which this version
# reads differently ("read anew: title, date"; db.READ_FIELDS).
READ_ANEW = "read anew"


@dataclass(frozen=True)
class StatementList:
    """An enumerated list as the speaker stated it: lead-in, kind, announced count and items."""

    kind: str
    items: tuple[Statement, ...]
    announced_count: int | None
    target_year: int | None
    speaker: str | None
    speaker_title: str | None
    cue: str
    marker: str
    truncated: bool = False  # the text ends inside the last item: the page was cut off

    @property
    def count_mismatch(self) -> bool:
        return self.announced_count is not None and self.announced_count != len(self.items)


# (speaker, item keys) of one list: what a second report of the same speech restates.
ListWording = tuple[str | None, tuple[str, ...]]

# (speaker, key) of one directive.
DirectiveWording = tuple[str | None, str]


@dataclass(frozen=True)
class Wordings:
    """What a second report of the same speech restates: its lists and its directives."""

    lists: tuple[ListWording, ...] = ()
    directives: tuple[DirectiveWording, ...] = ()

    def statements(self) -> tuple[DirectiveWording, ...]:
        """(speaker, key) of every statement: the lists' items, each with its list's speaker, then
        the directives. A report without lists restates another's items as often as its directives."""
        return (*((speaker, item) for speaker, items in self.lists for item in items), *self.directives)


@dataclass(frozen=True)
class Extraction:
    """What extract() finds in one document: numbered lists and unnumbered directives."""

    lists: tuple[StatementList, ...] = ()
    directives: tuple[Statement, ...] = field(default_factory=tuple)
