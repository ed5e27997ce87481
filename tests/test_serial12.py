"""What the user waits for once an ingest's workers are done, and the diff: a first ingest links
the statements' rows its writer kept instead of reading them back, with the same threads; the
diff loads and prints without the cyclic collector walking what it holds (docs/benchmarks.md,
twelfth round)."""

from __future__ import annotations

import gc
from pathlib import Path

from conftest import SEEDS, run_cli

from ngkt_cli import cli, link
from ngkt_cli.db import ROW_COLUMNS, open_db
from ngkt_cli.ingest import ingest_paths
from ngkt_cli.link_store import WrittenStatements, load_items, written_items
from ngkt_cli.scope import SQL_IN_SCOPE

REALISTIC = Path(__file__).resolve().parent / "data" / "realistic" / "articles"
ORIGINALS_IN_SCOPE = f"d.duplicate_of IS NULL AND {SQL_IN_SCOPE}"


def _links(conn) -> tuple[list, list]:
    return (
        conn.execute("SELECT id, thread_id, link_order FROM statements ORDER BY id").fetchall(),
        conn.execute("SELECT id, kind, label, auto_label FROM threads ORDER BY id").fetchall(),
    )


def test_a_first_ingest_links_the_rows_it_wrote_as_it_links_the_rows_read_back(tmp_path, monkeypatch):
    """The seeds and the realistic set (copies among them) into an empty database: the linking
    takes the items made of the rows written, which are those `load_items` reads back, in the same
    order; the threads are those of a run that reads them back."""
    taken = []

    def checked(conn, written):
        items = written_items(conn, written)
        taken.append((items, load_items(conn, ORIGINALS_IN_SCOPE)))
        return items

    monkeypatch.setattr(link, "written_items", checked)
    kept = open_db(tmp_path / "kept.db")
    ingest_paths(kept, [str(SEEDS), str(REALISTIC)])
    [(items, read_back)] = taken
    assert items is not None and len(items) > 100
    assert items == read_back
    assert kept.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0] > 0

    monkeypatch.setattr(link, "written_items", lambda conn, written: None)  # every item read back
    read = open_db(tmp_path / "read.db")
    ingest_paths(read, [str(SEEDS), str(REALISTIC)])
    assert _links(kept) == _links(read)


def test_rows_kept_are_taken_only_when_they_are_every_statement_stored(tmp_path, monkeypatch):
    """A first ingest that meets a document already stored (the same file given twice) falls
    back to reading back; a later ingest keeps no rows (the database held statements before it);
    rows that are not every statement (one missing) are not taken."""
    given = []
    link_pending = link.link_pending

    def spied(conn, codebook=None, written=None):
        given.append(written)
        return link_pending(conn, codebook, written)

    monkeypatch.setattr("ngkt_cli.ingest.link_pending", spied)
    first = str(sorted(SEEDS.iterdir())[0])
    conn = open_db(tmp_path / "a.db")
    assert [o.status for o in ingest_paths(conn, [first, first])] == ["new", "unchanged"]
    assert given[0] is not None and not given[0].complete
    assert written_items(conn, given[0]) is None
    assert conn.execute("SELECT count(*) FROM statements WHERE thread_id IS NULL").fetchone()[0] == 0

    ingest_paths(conn, [str(SEEDS)])
    assert given[1] is None

    fresh = open_db(tmp_path / "b.db")
    ingest_paths(fresh, [str(SEEDS)])
    assert given[2].complete and written_items(fresh, given[2]) is not None
    short = WrittenStatements(ROW_COLUMNS["statements"], given[2].statements[1:], given[2].themes)
    assert written_items(fresh, short) is None


def test_the_diff_runs_with_the_collector_paused_and_puts_it_back(seeded_db, monkeypatch):
    """`ngkt diff` loads and prints with the cyclic collector off, and leaves it as it was."""
    during = []
    year_diff = cli.year_diff

    def spied(*args, **kwargs):
        during.append(gc.isenabled())
        return year_diff(*args, **kwargs)

    monkeypatch.setattr(cli, "year_diff", spied)
    assert gc.isenabled()
    result = run_cli(seeded_db, "diff", "2023", "2024")
    assert result.exit_code == 0, result.output
    assert during == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        run_cli(seeded_db, "diff", "2023", "2024")
        assert not gc.isenabled()  # paused by a caller: left paused
    finally:
        gc.enable()
