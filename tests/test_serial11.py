"""The serial end of an ingest, what the user waits for once the workers are done: the last
inputs are written with the WAL checkpointed at each commit, so that the run's final checkpoint
copies and syncs only their pages and the linking's (docs/benchmarks.md, eleventh round)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngkt_cli import db, ingest
from ngkt_cli.db import open_db
from ngkt_cli.ingest import ingest_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(("stretch", "switched_at"), [(2, 3), (10, 1)])
def test_the_last_inputs_of_a_run_are_written_with_the_wal_checkpointed_at_each_commit(
    tmp_path, monkeypatch, stretch, switched_at
):
    """Five articles, one to a transaction: with the last two in the final stretch, the WAL is
    checkpointed at each commit from the third on (a run shorter than the stretch: from the
    first); the linking runs with SQLite's usual threshold, and the rows are the same."""
    monkeypatch.setattr(ingest, "DOCUMENTS_PER_TRANSACTION", 1)
    monkeypatch.setattr(ingest, "FINAL_STRETCH", stretch)
    written_when_switched = []
    checkpoint_often = db.checkpoint_often

    def switched(conn):
        written_when_switched.append(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        checkpoint_often(conn)

    monkeypatch.setattr(db, "checkpoint_often", switched)
    threshold_when_linked = []
    link_pending = ingest.link_pending

    def linked(conn, *args):
        threshold_when_linked.append(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        return link_pending(conn, *args)

    monkeypatch.setattr(ingest, "link_pending", linked)
    conn = open_db(tmp_path / "a.db")
    outcomes = ingest_paths(conn, [str(SEEDS)])
    assert [o.status for o in outcomes] == ["new"] * 5
    assert written_when_switched == [switched_at]
    assert threshold_when_linked == [db.CHECKPOINT_PAGES]
    assert conn.execute("SELECT count(*) FROM statements WHERE thread_id IS NULL").fetchone()[0] == 0
