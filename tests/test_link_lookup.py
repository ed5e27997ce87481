"""The linking's lookups through indexes (link_store) find what a plain read of every row finds."""

from __future__ import annotations

import sqlite3

from conftest import copy_db

from ngkt_cli.db import open_db
from ngkt_cli.link_store import threads_worded


def _every_row(conn: sqlite3.Connection, wordings: list[str]) -> list[tuple[str, str]]:
    marks = ",".join("?" * len(wordings))
    return [
        (row[0], row[1])
        for row in conn.execute(
            f"""SELECT DISTINCT thread_id, text_key FROM statements
                WHERE text_key IN ({marks}) AND thread_id IS NOT NULL ORDER BY thread_id, text_key""",
            wordings,
        )
    ]


def test_the_threads_of_a_wording_in_several_threads_are_all_found(seeded_db, tmp_path):
    conn = open_db(copy_db(seeded_db, tmp_path))
    threads = [row[0] for row in conn.execute("SELECT id FROM threads ORDER BY id")]
    wording, first = conn.execute(
        "SELECT text_key, thread_id FROM statements WHERE thread_id IS NOT NULL ORDER BY id LIMIT 1"
    ).fetchone()
    spread = [thread for thread in threads if thread != first][:3]
    with conn:  # the same wording stated in three more threads (as the analyst's moves leave it)
        conn.execute("BEGIN")
        for thread in spread:
            conn.execute(
                """INSERT INTO statements (id, document_id, kind, text, text_key, paragraph, char_start, char_end,
                   thread_id) SELECT id || '-again-' || ?, document_id, kind, text, text_key, paragraph, char_start,
                   char_end, ? FROM statements WHERE text_key = ? AND thread_id = ?""",
                [thread, thread, wording, first],
            )
    wordings = sorted({row[0] for row in conn.execute("SELECT text_key FROM statements")} | {"never stated"})
    found = threads_worded(conn, wordings)
    assert found == _every_row(conn, wordings)
    assert sorted(thread for thread, key in found if key == wording) == sorted([first, *spread])
    assert threads_worded(conn, []) == []
