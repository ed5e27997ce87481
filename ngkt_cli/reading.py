"""Which rules read the stored articles: a fingerprint of the modules and data files that
`ngkt reextract` applies again to a stored article (its lists, directives, speakers, years and
scope). A database records the fingerprint its articles were read with, so that after an upgrade
that reads articles differently ngkt says that the stored statements are the older rules' until
`ngkt reextract` reads them again (docs/ingest.md). Cleaning and dating are not among them: they
read the page as it came, which a stored article no longer is (dates.py is, for the dated facts a
list's year reads)."""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from importlib import resources

# What `ngkt reextract` reads a stored article with, relative to the package: a change to any of
# them may read it differently. (Linking has its own upgrade path: migrations ask the next linking
# to rebuild the threads.)
READING_FILES = (
    "cues.py",
    # (a list's year, in an undated article, is read in the month of the numbered event it names)
    "dates.py",
    "data/dated_facts.toml",
    "directives.py",
    "extract.py",
    "metadata.py",
    "scope.py",
    "text.py",
    "data/scope.toml",
)

READ_BY = "read_by"  # the meta key


@lru_cache(maxsize=1)
def reading_version() -> str:
    """The fingerprint of this version's reading rules (12 hex digits)."""
    digest = hashlib.sha256()
    package = resources.files("ngkt_cli")
    for name in READING_FILES:
        digest.update(name.encode())
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def read_by(conn: sqlite3.Connection) -> str | None:
    """The fingerprint the database's articles were read with (None: recorded by no version yet)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [READ_BY]).fetchone()
    return row[0] if row else None


def record_reading(conn: sqlite3.Connection) -> None:
    """Record that every stored article is read by this version's rules (in the caller's transaction)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [READ_BY, reading_version()],
    )


def read_by_older_rules(conn: sqlite3.Connection) -> bool:
    """Whether the database holds articles that an earlier version's rules read."""
    if read_by(conn) == reading_version():
        return False
    return conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None


REEXTRACT_ADVICE = (
    "articles stored before this version of ngkt were read with its earlier rules: run `ngkt reextract` to read "
    "them again with this version's (statement ids, threads and your decisions are kept)"
)
