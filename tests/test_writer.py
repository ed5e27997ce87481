"""What the ingest workers hand the single writer is what the writer (or the linking) would
have worked out itself: moving per-document work off the writer changes no stored row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ngkt_cli.db import open_db
from ngkt_cli.ingest import ingest_paths
from ngkt_cli.link_store import store_actor_levels

REALISTIC = Path("/work/shared/realistic/articles")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _inputs() -> list[str]:
    return [str(SEEDS)] + ([str(REALISTIC)] if REALISTIC.is_dir() else [])


def test_actor_levels_from_the_workers_are_those_the_linking_works_out_from_the_rows(tmp_path):
    conn = open_db(tmp_path / "a.db")
    ingest_paths(conn, _inputs())
    from_workers = dict(conn.execute("SELECT id, actor_level FROM statements"))
    assert from_workers and None not in from_workers.values()
    conn.execute("UPDATE statements SET actor_level = NULL")
    store_actor_levels(conn)
    assert dict(conn.execute("SELECT id, actor_level FROM statements")) == from_workers


def test_a_new_database_has_no_themes_to_code_again(tmp_path):
    """Migrations 12 and 19 ask for every statement to be coded again; a new database has none."""
    conn = open_db(tmp_path / "new.db")
    assert conn.execute("SELECT value FROM meta WHERE key = 'themes_stale'").fetchone() is None
    ingest_paths(conn, [str(SEEDS)])
    themes = sorted(map(tuple, conn.execute("SELECT statement_id, theme, position FROM statement_themes")))
    conn.execute("INSERT INTO meta (key, value) VALUES ('themes_stale', '1')")
    from ngkt_cli.link import link_pending

    link_pending(conn)  # codes every statement again, in the writer
    assert sorted(map(tuple, conn.execute("SELECT statement_id, theme, position FROM statement_themes"))) == themes


def test_term_counts_of_a_pooled_ingest_are_those_of_the_stored_bodies(kill_corpus, tmp_path):
    """The workers count each chunk's paragraph terms; the counts written are those of the
    documents stored, as counting every stored body again gives."""
    conn = open_db(tmp_path / "k.db")
    ingest_paths(conn, [str(kill_corpus), str(SEEDS), str(kill_corpus / "article_001.txt")])
    written = dict(conn.execute("SELECT term, df FROM term_df"))
    paragraphs = conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone()[0]
    conn.execute("DELETE FROM term_df")
    conn.execute("UPDATE documents SET terms_counted = 0")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'paragraphs'")
    from ngkt_cli.link_store import count_new_documents

    count_new_documents(conn)
    assert dict(conn.execute("SELECT term, df FROM term_df")) == written
    assert conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone()[0] == paragraphs


def test_ngkt_workers_sets_the_pool_size(monkeypatch):
    from ngkt_cli.ingest import DEFAULT_MAX_WORKERS, worker_count

    monkeypatch.setenv("NGKT_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("NGKT_WORKERS", "none")
    assert 1 <= worker_count() <= DEFAULT_MAX_WORKERS


def _threads_and_indexes(conn) -> tuple[dict, list]:
    threads = dict(conn.execute("SELECT id, thread_id FROM statements"))
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    return threads, [tuple(row) for row in indexes]


def test_threads_written_with_the_thread_indexes_built_again_are_those_written_row_by_row(tmp_path, monkeypatch):
    """A first ingest sets every statement's thread: the indexes that hold threads are dropped
    and built again around it. The threads and the indexes come out as row by row."""
    from ngkt_cli import link_store

    by_row = open_db(tmp_path / "by_row.db")
    ingest_paths(by_row, _inputs())
    monkeypatch.setattr(link_store, "BULK_THREAD_WRITES", 0)
    built = open_db(tmp_path / "built.db")
    dropped: list[str] = []
    built.set_trace_callback(lambda sql: dropped.append(sql) if sql.startswith("DROP INDEX") else None)
    ingest_paths(built, _inputs())
    assert set(dropped) == {'DROP INDEX "statements_thread_order"', 'DROP INDEX "statements_wording_thread"'}
    threads, indexes = _threads_and_indexes(built)
    assert len([t for t in threads.values() if t]) > 100
    assert (threads, indexes) == _threads_and_indexes(by_row)


def test_a_failure_while_the_thread_indexes_are_set_aside_leaves_threads_and_indexes_as_they_were(
    tmp_path, monkeypatch
):
    from ngkt_cli import db, link_store
    from ngkt_cli.link import relink

    conn = open_db(tmp_path / "a.db")
    ingest_paths(conn, [str(SEEDS)])
    before = _threads_and_indexes(conn)
    monkeypatch.setattr(link_store, "BULK_THREAD_WRITES", 0)
    last = max(before[0])  # the last statement written fails
    conn.execute(
        "CREATE TEMP TRIGGER fail BEFORE UPDATE OF thread_id ON statements"
        f" WHEN new.id = '{last}' AND new.thread_id IS NOT NULL BEGIN SELECT RAISE(ABORT, 'disk gone'); END"
    )
    try:
        with db.transaction(conn):
            relink(conn)
    except sqlite3.IntegrityError as error:
        assert "disk gone" in str(error)
    else:
        raise AssertionError("the relink did not fail")
    assert _threads_and_indexes(conn) == before


def test_a_relink_with_the_thread_indexes_built_again_sets_the_threads_row_by_row_writes_set(tmp_path, monkeypatch):
    """`ngkt relink` clears every statement's thread and sets it again: with the indexes set
    aside, the threads, ids and indexes come out as with the row-by-row writes."""
    from ngkt_cli import db, link_store
    from ngkt_cli.link import relink

    relinked = []
    for bulk in (False, True):
        conn = open_db(tmp_path / f"{bulk}.db")
        ingest_paths(conn, _inputs())  # row by row both times (fewer than 2,000 statements)
        if bulk:
            monkeypatch.setattr(link_store, "BULK_THREAD_WRITES", 0)
        with db.transaction(conn):
            relink(conn)
        relinked.append(_threads_and_indexes(conn))
    assert relinked[0] == relinked[1]
    assert len({t for t in relinked[0][0].values() if t}) > 20


def test_threads_set_in_one_pass_to_a_database_with_threads_leave_the_others_as_they_were(tmp_path, monkeypatch):
    """Many statements' threads are set in one pass over the table (`_set_threads_in_one_pass`):
    a later ingest's, linked against stored threads, touches no other statement's, and sets
    those the row-by-row writes set."""
    from ngkt_cli import link_store

    linked = []
    passes: list[str] = []
    for one_pass in (False, True):
        conn = open_db(tmp_path / f"{one_pass}.db")
        ingest_paths(conn, [str(SEEDS)])  # the seeds' threads, stored first
        seeds = {s: t for s, t in _threads_and_indexes(conn)[0].items() if t}
        if one_pass:
            monkeypatch.setattr(link_store, "BULK_THREAD_WRITES", 0)
        passes.clear()
        conn.set_trace_callback(lambda sql: passes.append(sql) if "temp.assigned_threads a" in sql else None)
        ingest_paths(conn, _inputs())
        assert bool(passes) == one_pass
        threads, indexes = _threads_and_indexes(conn)
        assert len(seeds) > 10 and {s: threads[s] for s in seeds} == seeds
        linked.append((threads, indexes))
        monkeypatch.undo()
    assert linked[0] == linked[1]


def test_an_ingest_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch):
    """The writer collects less often while it runs (`WRITER_GC_THRESHOLD`), and puts the
    thresholds back afterwards, when it fails too."""
    import gc

    from ngkt_cli import ingest

    before = gc.get_threshold()
    seen = []
    original = ingest.write_prepared

    def write_prepared(*args, **kwargs):
        seen.append(gc.get_threshold())
        return original(*args, **kwargs)

    monkeypatch.setattr(ingest, "write_prepared", write_prepared)
    conn = open_db(tmp_path / "a.db")
    ingest_paths(conn, [str(SEEDS)])
    assert seen == [(ingest.WRITER_GC_THRESHOLD, *before[1:])] and gc.get_threshold() == before
    monkeypatch.setattr(ingest, "link_pending", lambda *args: 1 / 0)
    try:
        ingest_paths(conn, [str(SEEDS)])
    except ZeroDivisionError:
        pass
    assert gc.get_threshold() == before
