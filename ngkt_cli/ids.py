"""Statement identity: how the ids that diffs and reports cite are built and read back.

An id says where a statement comes from, so that a citation can be checked by hand:
"bc4dfcb9f9f2/L2.3" is item 3 of the document's second numbered list, "bc4dfcb9f9f2/D1" its
first unnumbered directive, and "bc4dfcb9f9f2/L2" the list itself. Only this module builds or
splits them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "L2.3" (list 2, item 3), "L2" (list 2), "D1" (directive 1): what follows the document's id.
LOCAL_PATTERN = re.compile(r"^(?:L(?P<position>\d+)(?:\.(?P<ordinal>\d+))?|D(?P<number>\d+))$")


@dataclass(frozen=True)
class ListId:
    """A document's numbered list, by its position in the document (from 1)."""

    document: str
    position: int

    def __str__(self) -> str:
        return f"{self.document}/{self.local}"

    @property
    def local(self) -> str:
        return f"L{self.position}"


@dataclass(frozen=True)
class ItemId:
    """An item of a numbered list: its list and its ordinal in the list."""

    document: str
    position: int
    ordinal: int

    def __str__(self) -> str:
        return f"{self.document}/{self.local}"

    @property
    def local(self) -> str:
        return f"L{self.position}.{self.ordinal}"

    @property
    def list_id(self) -> ListId:
        return ListId(self.document, self.position)


@dataclass(frozen=True)
class DirectiveId:
    """An unnumbered directive, by its order in the document (from 1)."""

    document: str
    number: int

    def __str__(self) -> str:
        return f"{self.document}/{self.local}"

    @property
    def local(self) -> str:
        return f"D{self.number}"


AnyId = ListId | ItemId | DirectiveId


def list_id(document: str, position: int) -> str:
    """ "doc/L2" """
    return str(ListId(document, position))


def item_id(document: str, position: int, ordinal: int) -> str:
    """ "doc/L2.3" """
    return str(ItemId(document, position, ordinal))


def directive_id(document: str, number: int) -> str:
    """ "doc/D1" """
    return str(DirectiveId(document, number))


def parse_local(document: str, local: str) -> AnyId:
    """The part after the document's id ("L2.3", "L2", "D1") as an id; ValueError when it is none."""
    match = LOCAL_PATTERN.match(local.strip().upper())
    if not match:
        raise ValueError(f"'{local}' is not a list, item or directive (L2, L2.3, D1)")
    if match["number"]:
        return DirectiveId(document, int(match["number"]))
    if match["ordinal"]:
        return ItemId(document, int(match["position"]), int(match["ordinal"]))
    return ListId(document, int(match["position"]))


def parse(value: str) -> AnyId:
    """ "doc/L2.3" -> ItemId, "doc/L2" -> ListId, "doc/D1" -> DirectiveId; ValueError otherwise."""
    document, slash, local = value.rpartition("/")
    if not slash or not document:
        raise ValueError(f"'{value}' is not a statement id such as bc4dfcb9f9f2/L1.3")
    return parse_local(document, local)


def split_reference(value: str) -> tuple[str, str | None]:
    """A citation as `ngkt show` takes it: "doc/L2.3" -> ("doc", "L2.3"); "doc" -> ("doc", None)."""
    document, slash, local = value.partition("/")
    return (document, local) if slash else (value, None)


def document_of(value: str) -> str:
    """The document an id belongs to ("doc/L2.3" -> "doc")."""
    return split_reference(value)[0]


def local_part(value: str) -> str:
    """What an id names inside its document ("doc/L2.3" -> "L2.3"), as labels show it."""
    return split_reference(value)[1] or ""
