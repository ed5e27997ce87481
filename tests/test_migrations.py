"""Migrations (migrations.py): every older database upgrades to the current schema and keeps its data."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import ARTICLE, database_at_version, run_cli, write

from ngkt_cli.migrations import MIGRATIONS
from ngkt_cli.text import fold


def test_upgraded_databases_count_their_terms_again(tmp_path):
    from ngkt_cli.db import open_db

    path = database_at_version(
        tmp_path / "v11.db",
        11,
        (
            "INSERT INTO documents (id, path, body, ingested_at, terms_counted) VALUES ('d1', 'a', 'Tận dụng các FTA.\n\nMở rộng thị trường.', 'x', 1)",
            [],
        ),
        ("INSERT INTO term_df (term, df) VALUES ('fta', 1), ('stale', 5)", []),
        ("INSERT INTO meta (key, value) VALUES ('paragraphs', '7')", []),
        (
            "INSERT INTO statements (id, document_id, kind, ordinal, text, text_key, paragraph, char_start, char_end, thread_id) "
            "VALUES ('d1/L1.1', 'd1', 'priority', 1, 'hợp tác về AI', 'hợp tác về ai', 0, 0, 13, NULL)",
            [],
        ),
    )
    open_db(path).close()
    (tmp_path / "empty").mkdir()
    assert run_cli(path, "ingest", str(tmp_path / "empty")).exit_code == 0  # the linking that counts them
    conn = sqlite3.connect(path)
    df = dict(conn.execute("SELECT term, df FROM term_df"))
    assert "stale" not in df and df["fta"] == df["hiệp_định_thương_mại_tự_do"] == df["thị_trường"] == 1
    assert conn.execute("SELECT actor_level FROM statements WHERE id = 'd1/L1.1'").fetchone() == ("national",)
    assert conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone() == ("2",)
    assert conn.execute("SELECT theme FROM statement_themes WHERE statement_id = 'd1/L1.1'").fetchall() == [
        ("digital",)
    ]


def test_link_order_of_statements_stored_before_it_existed_is_the_same(tmp_path):
    from ngkt_cli.db import open_db
    from ngkt_cli.link import link_order

    rows = [("d1/L1.1", "d1", 2025), ("d1/L1.10", "d1", None), ("d2/L1.2", "d2", 2024), ("d2/L1.3", "d2", None)]
    path = database_at_version(
        tmp_path / "v10.db",
        10,
        ("INSERT INTO documents (id, path, body, date, ingested_at) VALUES ('d1', 'a', 'x', '2024-12-20', 'x')", []),
        ("INSERT INTO documents (id, path, body, ingested_at) VALUES ('d2', 'b', 'y', 'x')", []),
        (
            "INSERT INTO statements (id, document_id, kind, ordinal, text, text_key, paragraph, char_start, char_end, target_year) "
            "VALUES (?, ?, 'priority', 1, 't', 't', 0, 0, 1, ?)",
            rows,
        ),
    )
    stored = dict(open_db(path).execute("SELECT id, link_order FROM statements").fetchall())
    dates = {"d1": "2024-12-20", "d2": None}
    assert stored == {s: link_order(year, dates[d], d, s) for s, d, year in rows}
    assert sorted(stored, key=stored.get) == ["d2/L1.2", "d1/L1.1", "d1/L1.10", "d2/L1.3"]


def test_old_database_is_upgraded(tmp_path):
    from ngkt_cli import migrations
    from ngkt_cli.db import open_db

    upgraded = open_db(database_at_version(tmp_path / "old.db", 1))
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)
    assert upgraded.execute("SELECT count(*) FROM statements").fetchone()[0] == 0


def test_database_of_the_previous_search_index_is_upgraded_and_searchable(tmp_path):
    from ngkt_cli.db import open_db
    from ngkt_cli.queries import search

    path = database_at_version(
        tmp_path / "v9.db",
        9,
        (
            "INSERT INTO documents (id, path, body, ingested_at) VALUES ('d1', 'a.txt', 'Thúc đẩy chuyển đổi xanh.', 'x')",
            [],
        ),
        (
            "INSERT INTO search_index (document_id, text, folded) VALUES ('d1', 'Thúc đẩy chuyển đổi xanh.', 'thuc day chuyen doi xanh.')",
            [],
        ),
    )
    hits = search(open_db(path), "chuyen doi xanh")
    assert [(h.document_id, h.snippet) for h in hits] == [("d1", "Thúc đẩy chuyển đổi xanh.")]


def test_lists_of_a_version_13_database_gain_the_truncated_flag(tmp_path):
    """Migration 14: lists stored before keep their rows, not flagged until reextracted."""
    from ngkt_cli.db import open_db

    path = database_at_version(
        tmp_path / "v13.db",
        13,
        ("INSERT INTO documents (id, path, body, ingested_at) VALUES ('d1', 'a.txt', 'x', 'x')", []),
        (
            "INSERT INTO lists (id, document_id, position, kind, item_count, cue, marker) "
            "VALUES ('d1/L1', 'd1', 1, 'priority', 2, 'cue', 'bullet')",
            [],
        ),
    )
    conn = open_db(path)
    assert conn.execute("SELECT truncated FROM lists WHERE id = 'd1/L1'").fetchone()[0] == 0


def test_search_rows_of_a_version_12_database_are_never_reused_after_upgrade(tmp_path):
    """Migration 13: an index entry left by a document deleted outside ngkt (rowid 2, its mapping
    row gone) must not come back as a hit for the next document written."""
    from ngkt_cli.db import open_db
    from ngkt_cli.ingest import ingest_paths
    from ngkt_cli.queries import search

    path = database_at_version(
        tmp_path / "v12.db",
        12,
        (
            "INSERT INTO documents (id, path, body, ingested_at) VALUES ('d1', 'a.txt', 'Thúc đẩy chuyển đổi xanh.', 'x')",
            [],
        ),
        ("INSERT INTO search_rows (search_rowid, document_id) VALUES (1, 'd1')", []),
        (
            "INSERT INTO search_index (rowid, folded) VALUES (?, ?)",
            [(1, "thuc day chuyen doi xanh."), (2, "mo rong thi truong halal")],
        ),
    )
    conn = open_db(path)
    ingest_paths(conn, [str(write(tmp_path / "new.txt", ARTICLE.encode()))])
    assert search(conn, "thi truong halal") == []
    assert "d1" in [h.document_id for h in search(conn, "chuyen doi xanh")]
    with conn:
        conn.execute("DELETE FROM documents WHERE id = 'd1'")
    assert conn.execute("SELECT count(*) FROM search_rows WHERE document_id = 'd1'").fetchone()[0] == 0


# One article as every schema version can hold it: its document row, and (from the version
# that has them) its list and first item.
OLD_BODY = (
    "Bộ trưởng nêu 2 trọng tâm năm 2025\n\nSáng 15/1/2025, Bộ trưởng Bùi Thanh Sơn nêu 2 trọng tâm. "
    "Thứ nhất, mở rộng thị trường xuất khẩu. Thứ hai, thu hút đầu tư công nghệ cao."
)
OLD_ROWS = {
    "documents": {
        "id": "d1",
        "path": "/archive/a.txt",
        "title": "Bộ trưởng nêu 2 trọng tâm năm 2025",
        "date": "2025-01-15",
        "statement_year": 2025,
        "body": OLD_BODY,
        "ingested_at": "2025-01-16T00:00:00+00:00",
    },
    "lists": {
        "id": "d1/L1",
        "document_id": "d1",
        "position": 1,
        "kind": "priority",
        "announced_count": 2,
        "item_count": 2,
    },
    "statements": {
        "id": "d1/L1.1",
        "document_id": "d1",
        "list_id": "d1/L1",
        "kind": "priority",
        "ordinal": 1,
        "text": "mở rộng thị trường xuất khẩu",
        "text_key": "mở rộng thị trường xuất khẩu",
        "paragraph": 1,
        "char_start": 111,
        "char_end": 139,
        "target_year": 2025,
    },
}


def _insert_as_of_its_version(conn: sqlite3.Connection, table: str, values: dict) -> None:
    """The values the table has columns for, and a filler for any other column that needs one."""
    columns = conn.execute(f"PRAGMA table_info({table})").fetchall()  # cid, name, type, notnull, default, pk
    if not columns:
        return  # not in this version yet
    row = {name: values[name] for _, name, _, _, _, _ in columns if name in values}
    for _, name, kind, notnull, default, _ in columns:
        if name not in row and notnull and default is None:
            row[name] = 0 if "INT" in kind.upper() else ""
    conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))


def _index_as_of_its_version(conn: sqlite3.Connection, version: int) -> None:
    """The article's search entry as ngkt wrote it at `version`: none before the index (3), its
    text and folded text with a row id mapping from 7, its folded text alone from 10."""
    folded = fold(OLD_BODY)
    if 3 <= version < 10:
        rowid = conn.execute(
            "INSERT INTO search_index (document_id, statement_id, text, folded) VALUES ('d1', NULL, ?, ?)",
            [OLD_BODY, folded],
        ).lastrowid
        if version >= 7:
            conn.execute(
                "INSERT INTO search_rows (search_rowid, document_id, statement_id) VALUES (?, 'd1', NULL)", [rowid]
            )
    elif version >= 10:
        rowid = conn.execute("INSERT INTO search_rows (document_id) VALUES ('d1')").lastrowid
        conn.execute("INSERT INTO search_index (rowid, folded) VALUES (?, ?)", [rowid, folded])


@pytest.mark.parametrize("version", range(1, len(MIGRATIONS)))
def test_a_database_of_every_older_version_upgrades_and_keeps_its_article_and_items(tmp_path, version):
    path = database_at_version(tmp_path / f"v{version}.db", version)
    conn = sqlite3.connect(path)
    for table, values in OLD_ROWS.items():
        _insert_as_of_its_version(conn, table, values)
    _index_as_of_its_version(conn, version)
    conn.commit()
    items = [("d1/L1.1", "mở rộng thị trường xuất khẩu")] if version >= 2 else []  # statements came with version 2
    conn.close()
    export = json.loads(run_cli(path, "export", "--format", "json").stdout)
    [doc] = export["documents"]
    assert (doc["id"], doc["title"], doc["date"], doc["body"]) == (
        "d1",
        OLD_ROWS["documents"]["title"],
        "2025-01-15",
        OLD_BODY,
    )
    assert [(s["id"], s["text"]) for s in export["statements"]] == items
    hits = json.loads(run_cli(path, "search", "thu hut dau tu", "--format", "json").stdout)
    assert [hit["document_id"] for hit in hits] == ["d1"]  # found in the upgraded index
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_upgrade_that_reads_words_anew_keeps_the_old_counts_until_the_next_linking_counts_again(tmp_path):
    from ngkt_cli.db import open_db

    path = database_at_version(
        tmp_path / "v21.db",
        21,
        (
            "INSERT INTO documents (id, path, body, ingested_at, terms_counted) VALUES ('d1', 'a', 'Thu hút FDI.\n\nMở rộng thị trường.', 'x', 1)",
            [],
        ),
        ("INSERT INTO term_df (term, df) VALUES ('fdi', 1), ('stale', 5)", []),
        ("INSERT INTO meta (key, value) VALUES ('paragraphs', '2')", []),
        (
            "INSERT INTO statements (id, document_id, kind, ordinal, text, text_key, paragraph, char_start, char_end, thread_id) "
            "VALUES ('d1/L1.1', 'd1', 'priority', 1, 'Thu hút FDI', 'thu hút fdi', 0, 0, 12, NULL)",
            [],
        ),
    )
    open_db(path).close()
    conn = sqlite3.connect(path)
    # a diff or a report run before the next linking weighs words by the old counts, not by none
    assert dict(conn.execute("SELECT term, df FROM term_df")) == {"fdi": 1, "stale": 5}
    conn.close()
    assert run_cli(path, "relink").exit_code == 0  # a relink by hand counts them as an ingest would
    conn = sqlite3.connect(path)
    df = dict(conn.execute("SELECT term, df FROM term_df"))
    assert "stale" not in df and df["thị_trường"] == 1
    assert conn.execute("SELECT value FROM meta WHERE key = 'terms_stale'").fetchone() == ("0",)
    assert conn.execute("SELECT value FROM meta WHERE key = 'paragraphs'").fetchone() == ("2",)
