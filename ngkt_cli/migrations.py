"""Numbered schema steps. Never edit a shipped step: add the next one.

The database records how many steps it has (PRAGMA user_version) and that it is ngkt's
(PRAGMA application_id), so an older database is upgraded and a newer or foreign one refused.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

from .scope import decide
from .text import fold, key

# "ngkt" in ASCII: marks a database as ours for `sqlite3`, `file` and ourselves.
APPLICATION_ID = 0x6E676B74


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _001_documents(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT,
            date TEXT,
            date_source TEXT,
            published TEXT,
            statement_year INTEGER,
            byline TEXT,
            duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
            body TEXT NOT NULL,
            encoding TEXT,
            source_format TEXT,
            source_sha TEXT,
            ingested_at TEXT
        );
        CREATE INDEX documents_path ON documents(path);
        CREATE INDEX documents_date ON documents(date);
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TABLE removed_lines (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            line_no INTEGER NOT NULL,
            reason TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (document_id, line_no)
        );
        CREATE TABLE people (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            title TEXT,
            PRIMARY KEY (document_id, name)
        );
        """,
    )


def _002_statements(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE lists (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            announced_count INTEGER,
            item_count INTEGER NOT NULL,
            count_mismatch INTEGER NOT NULL DEFAULT 0,
            target_year INTEGER,
            speaker TEXT,
            speaker_title TEXT,
            cue TEXT,
            marker TEXT
        );
        CREATE INDEX lists_document ON lists(document_id);
        CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            list_id TEXT REFERENCES lists(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ordinal INTEGER,
            target_year INTEGER,
            speaker TEXT,
            text TEXT NOT NULL,
            text_key TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL
        );
        CREATE INDEX statements_document ON statements(document_id);
        CREATE INDEX statements_target_year ON statements(target_year, kind);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """,
    )


def _003_search(conn: sqlite3.Connection) -> None:
    """Full-text search over a second, folded column: unicode61 does not fold "đ" to "d"."""
    _run_script(
        conn,
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            document_id UNINDEXED, statement_id UNINDEXED, text UNINDEXED, folded,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
    )


def _004_views(conn: sqlite3.Connection) -> None:
    """Joins an analyst would otherwise retype in Datasette or `sqlite-utils query`."""
    _run_script(
        conn,
        """
        CREATE VIEW statements_with_source AS
            SELECT s.id, s.kind, s.ordinal, s.target_year, s.speaker, s.text,
                   s.list_id, l.announced_count, l.cue,
                   d.id AS document_id, d.title AS document_title, d.date AS document_date,
                   d.path AS document_path, d.duplicate_of
            FROM statements s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN lists l ON l.id = s.list_id;
        CREATE VIEW priorities AS
            SELECT * FROM statements_with_source
            WHERE kind = 'priority' AND list_id IS NOT NULL AND duplicate_of IS NULL;
        """,
    )


def _005_threads(conn: sqlite3.Connection) -> None:
    """Threads (one priority followed over the years), the analyst's decisions, the term index."""
    _run_script(
        conn,
        """
        CREATE TABLE threads (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            label TEXT,
            auto_label TEXT,
            created_at TEXT
        );
        ALTER TABLE statements ADD COLUMN thread_id TEXT REFERENCES threads(id) ON DELETE SET NULL;
        CREATE INDEX statements_thread ON statements(thread_id);
        CREATE TABLE statement_terms (
            statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            term TEXT NOT NULL,
            weight REAL NOT NULL,
            PRIMARY KEY (statement_id, term)
        );
        CREATE INDEX statement_terms_term ON statement_terms(term);
        CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE statement_themes (
            statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            theme TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (statement_id, theme)
        );
        CREATE INDEX statement_themes_theme ON statement_themes(theme);
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            statement_id TEXT,
            other_statement_id TEXT,
            thread_id TEXT,
            other_thread_id TEXT,
            label TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX decisions_statement ON decisions(statement_id);
        DROP VIEW priorities;
        DROP VIEW statements_with_source;
        CREATE VIEW statements_with_source AS
            SELECT s.id, s.kind, s.ordinal, s.target_year, s.speaker, s.text, s.thread_id,
                   s.list_id, l.announced_count, l.cue,
                   d.id AS document_id, d.title AS document_title, d.date AS document_date,
                   d.path AS document_path, d.duplicate_of
            FROM statements s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN lists l ON l.id = s.list_id;
        CREATE VIEW priorities AS
            SELECT * FROM statements_with_source
            WHERE kind = 'priority' AND list_id IS NOT NULL AND duplicate_of IS NULL;
        """,
    )


def _006_deferred_term_counts(conn: sqlite3.Connection) -> None:
    """Document frequencies are counted once per ingest run; remember which documents are in."""
    _run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN terms_counted INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET terms_counted = 1 WHERE duplicate_of IS NULL;
        CREATE INDEX documents_terms_counted ON documents(terms_counted) WHERE terms_counted = 0;
        """,
    )


def _007_search_rows(conn: sqlite3.Connection) -> None:
    """Which search rows belong to which document: deleting by an FTS5 UNINDEXED column scans the table."""
    _run_script(
        conn,
        """
        CREATE TABLE search_rows (
            search_rowid INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL,
            statement_id TEXT
        );
        CREATE INDEX search_rows_document ON search_rows(document_id);
        INSERT INTO search_rows (search_rowid, document_id, statement_id)
            SELECT rowid, document_id, statement_id FROM search_index;
        """,
    )


def _008_thread_terms(conn: sqlite3.Connection) -> None:
    """Index terms by thread, not by statement: far fewer rows, the same candidates.

    The next ingest or `ngkt relink` fills it (the stored relink mark is cleared).
    """
    _run_script(
        conn,
        """
        DROP TABLE statement_terms;
        CREATE TABLE thread_terms (
            term TEXT NOT NULL,
            thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
            PRIMARY KEY (term, thread_id)
        ) WITHOUT ROWID;
        CREATE INDEX thread_terms_thread ON thread_terms(thread_id);
        DELETE FROM meta WHERE key = 'paragraphs_at_relink';
        """,
    )


def _009_sketches(conn: sqlite3.Connection) -> None:
    """A bottom-k sketch of each body's shingles: syndicated copies found without rereading bodies."""
    _run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN sketch BLOB;
        ALTER TABLE documents ADD COLUMN shingle_count INTEGER;
        """,
    )


def _010_contentless_search(conn: sqlite3.Connection) -> None:
    """Search indexes each body once, folded, without storing it again (`content=''`): the index
    held every body twice (as written and folded) and every statement a third time. Statement
    hits are found inside the matching bodies by their spans (queries.search)."""
    _run_script(
        conn,
        """
        DROP TABLE search_index;
        DROP TABLE search_rows;
        CREATE VIRTUAL TABLE search_index USING fts5(
            folded, content = '', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE search_rows (
            search_rowid INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL UNIQUE
        );
        """,
    )
    rows = conn.execute("SELECT id, body FROM documents ORDER BY rowid").fetchall()
    conn.executemany(
        "INSERT INTO search_rows (search_rowid, document_id) VALUES (?, ?)", [(n, r[0]) for n, r in enumerate(rows, 1)]
    )
    conn.executemany(
        "INSERT INTO search_index (rowid, folded) VALUES (?, ?)", [(n, fold(r[1])) for n, r in enumerate(rows, 1)]
    )


def _011_link_order(conn: sqlite3.Connection) -> None:
    """Each statement's place in the linking order (link.link_order), indexed with its thread:
    a thread's latest members were found by sorting all of them, thousands in a large archive.
    The new index serves every lookup by thread, so the old one goes (one fewer to update).
    And statements by wording: an incremental link finds the threads of a word-for-word repeat."""
    _run_script(
        conn,
        """
        ALTER TABLE statements ADD COLUMN link_order TEXT;
        UPDATE statements SET link_order =
            (CASE WHEN target_year IS NULL THEN '1' ELSE '0' || printf('%04d', target_year) END) || '|' ||
            (SELECT CASE WHEN d.date IS NULL THEN '1' ELSE '0' || d.date END FROM documents d WHERE d.id = statements.document_id)
            || '|' || document_id || '|' || id;
        CREATE INDEX statements_thread_order ON statements(thread_id, link_order);
        DROP INDEX statements_thread;
        CREATE INDEX statements_wording ON statements(text_key);
        """,
    )


def _012_recount_terms(conn: sqlite3.Connection) -> None:
    """Terms and themes now spell out acronyms ("FTA" counts as "hiệp định thương mại tự do" too):
    the document frequencies are counted again, by the next linking, from the stored bodies (the
    way a crash between writing and counting is made good), and the statements coded again."""
    _run_script(
        conn,
        """
        DELETE FROM term_df;
        UPDATE documents SET terms_counted = 0;
        UPDATE meta SET value = '0' WHERE key = 'paragraphs';
        INSERT INTO meta (key, value) VALUES ('themes_stale', '1')
            ON CONFLICT(key) DO UPDATE SET value = excluded.value;
        """,
    )


def _013_search_rows_never_reused(conn: sqlite3.Connection) -> None:
    """Search row ids are never reused (AUTOINCREMENT, counting from the highest id the index
    has held) and a document's mapping row goes with it: an index entry left by a document
    deleted outside ngkt can then never match a later document. (Migration 10 made the table
    without either; ngkt itself deletes both rows of a document it replaces.)"""
    _run_script(
        conn,
        """
        ALTER TABLE search_rows RENAME TO search_rows_before_013;
        CREATE TABLE search_rows (
            search_rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
        );
        INSERT INTO search_rows (search_rowid, document_id)
            SELECT search_rowid, document_id FROM search_rows_before_013
            WHERE document_id IN (SELECT id FROM documents) ORDER BY search_rowid;
        DROP TABLE search_rows_before_013;
        DELETE FROM sqlite_sequence WHERE name = 'search_rows';
        INSERT INTO sqlite_sequence (name, seq) VALUES ('search_rows', max(
            coalesce((SELECT max(search_rowid) FROM search_rows), 0),
            coalesce((SELECT max(rowid) FROM search_index), 0)
        ));
        """,
    )


def _014_web_resources(conn: sqlite3.Connection) -> None:
    """What `ngkt fetch` fetched: pages (raw HTML kept, compressed) and feeds or sitemaps
    (validators only, for conditional requests). A page's document has the page's canonical URL
    as its path."""
    _run_script(
        conn,
        """
        CREATE TABLE web_resources (
            url TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('page', 'listing')),
            canonical_url TEXT,
            etag TEXT,
            last_modified TEXT,
            http_date TEXT,
            fetched_at TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            content_sha TEXT,
            html BLOB
        );
        CREATE INDEX web_resources_canonical ON web_resources(canonical_url);
        """,
    )


def _015_scope(conn: sqlite3.Connection) -> None:
    """Each document's scope (about Vietnam's foreign affairs or not), why, and who decided
    (scope.py's rule, or the analyst). Stored documents are decided by the rule now; the views
    show the scope, and `priorities` keeps to in-scope documents. Statements of documents found
    out of scope leave their threads (linking keeps to in-scope documents)."""
    _run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN scope TEXT;
        ALTER TABLE documents ADD COLUMN scope_reason TEXT;
        ALTER TABLE documents ADD COLUMN scope_source TEXT;
        """,
    )
    rows = conn.execute("SELECT id, title, body FROM documents").fetchall()
    decided = [(found.scope, found.reason, "rule", r[0]) for r in rows for found in [decide(r[1], r[2].split("\n\n"))]]
    conn.executemany("UPDATE documents SET scope = ?, scope_reason = ?, scope_source = ? WHERE id = ?", decided)
    _run_script(
        conn,
        """
        UPDATE statements SET thread_id = NULL
            WHERE document_id IN (SELECT id FROM documents WHERE scope = 'out');
        DELETE FROM threads WHERE id NOT IN (SELECT thread_id FROM statements WHERE thread_id IS NOT NULL);
        DROP VIEW priorities;
        DROP VIEW statements_with_source;
        CREATE VIEW statements_with_source AS
            SELECT s.id, s.kind, s.ordinal, s.target_year, s.speaker, s.text, s.thread_id,
                   s.list_id, l.announced_count, l.cue,
                   d.id AS document_id, d.title AS document_title, d.date AS document_date,
                   d.path AS document_path, d.duplicate_of, d.scope AS document_scope
            FROM statements s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN lists l ON l.id = s.list_id;
        CREATE VIEW priorities AS
            SELECT * FROM statements_with_source
            WHERE kind = 'priority' AND list_id IS NOT NULL AND duplicate_of IS NULL
              AND coalesce(document_scope, 'in') != 'out';
        """,
    )


def _016_document_sources_and_versions(conn: sqlite3.Connection) -> None:
    """A document is identified by its source (the file's absolute path), a version by its text.

    Ids stay as they were (they are printed in memos). `source` stays empty for the documents
    stored before: the next ingest of the same path claims it, as ngkt matched paths until now.
    `content_sha` is the hash of the normalised body (what the id was made of), `version` counts
    corrections; `document_versions` keeps each replaced version, and `statement_history` says
    what became of each statement id a correction (or a re-extraction) changed, so an old
    citation still resolves.
    """
    _run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN source TEXT;
        ALTER TABLE documents ADD COLUMN content_sha TEXT;
        ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        CREATE UNIQUE INDEX documents_source ON documents(source) WHERE source IS NOT NULL;
        CREATE INDEX documents_content_sha ON documents(content_sha);
        CREATE TABLE document_versions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            content_sha TEXT NOT NULL,
            source_sha TEXT,
            path TEXT,
            title TEXT,
            date TEXT,
            body TEXT NOT NULL,
            ingested_at TEXT,
            replaced_at TEXT NOT NULL,
            PRIMARY KEY (document_id, version)
        );
        CREATE TABLE statement_history (
            id INTEGER PRIMARY KEY,
            statement_id TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            cause TEXT NOT NULL,
            change TEXT NOT NULL,
            text TEXT NOT NULL,
            successor_id TEXT,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX statement_history_statement ON statement_history(statement_id, id);
        CREATE INDEX statement_history_document ON statement_history(document_id);
        """,
    )
    rows = conn.execute("SELECT id, body FROM documents").fetchall()
    conn.executemany(
        "UPDATE documents SET content_sha = ? WHERE id = ?",
        [(hashlib.sha256(key(body).encode()).hexdigest()[:12], doc_id) for doc_id, body in rows],
    )


def _017_statement_form(conn: sqlite3.Connection) -> None:
    """Statements say their form: "list" (an item of an enumerated list) or "directive" (a
    sentence asking for a course of action without numbering it), with the cue a directive rests
    on ("yêu cầu", "cần") and the cue's span. The `priorities` view shows directives too (of
    documents in scope, as before)."""
    _run_script(
        conn,
        """
        ALTER TABLE statements ADD COLUMN form TEXT NOT NULL DEFAULT 'list';
        ALTER TABLE statements ADD COLUMN cue TEXT;
        ALTER TABLE statements ADD COLUMN cue_start INTEGER;
        ALTER TABLE statements ADD COLUMN cue_end INTEGER;
        UPDATE statements SET form = 'directive' WHERE list_id IS NULL;
        DROP VIEW priorities;
        DROP VIEW statements_with_source;
        CREATE VIEW statements_with_source AS
            SELECT s.id, s.kind, s.form, s.ordinal, s.target_year, s.speaker, s.text, s.thread_id,
                   s.list_id, l.announced_count, coalesce(l.cue, s.cue) AS cue,
                   d.id AS document_id, d.title AS document_title, d.date AS document_date,
                   d.path AS document_path, d.duplicate_of, d.scope AS document_scope
            FROM statements s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN lists l ON l.id = s.list_id;
        CREATE VIEW priorities AS
            SELECT * FROM statements_with_source
            WHERE kind = 'priority' AND duplicate_of IS NULL AND coalesce(document_scope, 'in') != 'out';
        """,
    )


def _018_list_truncated(conn: sqlite3.Connection) -> None:
    """A list whose last item the text's end cuts off ("... ước thực hi") is flagged `truncated`.
    Lists stored before are not flagged until `ngkt reextract` reads them again."""
    _run_script(conn, "ALTER TABLE lists ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;")


def _019_words_and_actor_levels(conn: sqlite3.Connection) -> None:
    """Linking weighs words, not syllables and syllable pairs (ngkt_cli/words.py): the document
    frequencies are counted again by the next linking, the statements coded again (the codebook
    gained patterns), and each statement gets an actor level (national, local, foreign), worked
    out by the next linking for every statement that has none; that linking rebuilds the threads
    once (ids, labels and decisions kept, as `ngkt relink` does). The column is added only when
    missing: a database made by a development build numbered this migration differently."""
    if "actor_level" not in {row[1] for row in conn.execute("PRAGMA table_info(statements)")}:
        conn.execute("ALTER TABLE statements ADD COLUMN actor_level TEXT")
    _run_script(
        conn,
        """
        DELETE FROM term_df;
        UPDATE documents SET terms_counted = 0;
        UPDATE meta SET value = '0' WHERE key = 'paragraphs';
        UPDATE meta SET value = '0' WHERE key = 'paragraphs_at_relink';
        INSERT INTO meta (key, value) VALUES ('themes_stale', '1')
            ON CONFLICT(key) DO UPDATE SET value = excluded.value;
        """,
    )


def _020_nothing_stale_when_empty(conn: sqlite3.Connection) -> None:
    """Migrations 12 and 19 ask the next linking to code every statement again; on a database
    with no statement yet (a new one, made by running every migration) there is nothing to code
    again, and a first ingest would otherwise throw away the themes its workers found and code
    every statement again on one core (a third of the linking of 2,000 articles)."""
    if conn.execute("SELECT 1 FROM statements LIMIT 1").fetchone() is None:
        conn.execute("DELETE FROM meta WHERE key = 'themes_stale'")


def _021_theme_priors_and_scope_index(conn: sqlite3.Connection) -> None:
    """The theme prior of `ngkt diff` (how many counted statements of all years state each theme,
    queries.theme_prior) is kept once worked out, one row per way of counting, and cleared by
    triggers whenever anything it counts may have changed: a statement's themes, its kind, thread,
    target year or document, or its document's year, scope or duplicate mark (a statement or
    document deleted takes its theme rows with it, which clears it too). The triggers act only when
    something is kept, so a bulk ingest pays a test per row, never a delete. Documents are indexed
    by scope: a diff counts the off-topic ones it leaves out from there."""
    clear = "WHEN EXISTS (SELECT 1 FROM theme_priors) BEGIN DELETE FROM theme_priors; END;"
    _run_script(
        conn,
        f"""
        CREATE INDEX documents_scope ON documents(scope);
        CREATE TABLE theme_priors (
            counting TEXT PRIMARY KEY,
            counts TEXT NOT NULL
        );
        CREATE TRIGGER theme_priors_theme_added AFTER INSERT ON statement_themes {clear}
        CREATE TRIGGER theme_priors_theme_removed AFTER DELETE ON statement_themes {clear}
        CREATE TRIGGER theme_priors_theme_changed AFTER UPDATE ON statement_themes {clear}
        CREATE TRIGGER theme_priors_statement_changed
            AFTER UPDATE OF kind, thread_id, target_year, document_id ON statements {clear}
        CREATE TRIGGER theme_priors_document_changed
            AFTER UPDATE OF duplicate_of, scope, statement_year ON documents {clear}
        """,
    )


def _022_synonyms_and_local_pages(conn: sqlite3.Connection) -> None:
    """Linking reads synonyms (data/synonyms_vi.txt), a larger word list and more shapes of
    provinces' pages (ngkt_cli/actors.py): the next linking (an ingest, or `ngkt relink`) counts
    the document frequencies again (`terms_stale`: until then the old counts serve the diffs,
    not none), works out every actor level again and rebuilds the threads once (ids, labels and
    decisions kept), as migration 19 did. On a database with no statement it changes nothing."""
    if conn.execute("SELECT 1 FROM statements LIMIT 1").fetchone() is None:
        return
    _run_script(
        conn,
        """
        UPDATE statements SET actor_level = NULL;
        UPDATE meta SET value = '0' WHERE key = 'paragraphs_at_relink';
        INSERT INTO meta (key, value) VALUES ('terms_stale', '1')
            ON CONFLICT(key) DO UPDATE SET value = excluded.value;
        """,
    )


def _023_wording_thread_index(conn: sqlite3.Connection) -> None:
    """Statements in a thread are indexed by wording and thread, replacing the index of every
    statement by wording: the linking finds the threads of a wording restated a thousand times by
    hopping along it (link_store.threads_worded) instead of reading every statement of it. Partial
    (threaded statements only), it costs a first ingest about what the index it replaces did: an
    entry when the linking gives a statement its thread instead of one when the statement is stored.
    Nothing else looks statements up by wording alone."""
    _run_script(
        conn,
        """
        DROP INDEX statements_wording;
        CREATE INDEX statements_wording_thread ON statements(text_key, thread_id) WHERE thread_id IS NOT NULL;
        """,
    )


def _024_rule_dates(conn: sqlite3.Connection) -> None:
    """The date the rules gave a document that the analyst dated by hand (`ngkt doc date`), so that
    `ngkt doc date DOC rule` can hand it back: one row per document dated by hand from now on."""
    _run_script(
        conn,
        """
        CREATE TABLE IF NOT EXISTS rule_dates (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            date TEXT,
            date_source TEXT,
            statement_year INTEGER
        );
        """,
    )


def _025_actor_level_in_views(conn: sqlite3.Connection) -> None:
    """`statements_with_source` (and `priorities`, which selects from it) show each statement's
    actor level, national when not yet worked out, so a query can keep to the nation's priorities."""
    _run_script(
        conn,
        """
        DROP VIEW priorities;
        DROP VIEW statements_with_source;
        CREATE VIEW statements_with_source AS
            SELECT s.id, s.kind, s.form, s.ordinal, s.target_year, s.speaker, s.text, s.thread_id,
                   s.list_id, l.announced_count, coalesce(l.cue, s.cue) AS cue,
                   d.id AS document_id, d.title AS document_title, d.date AS document_date,
                   d.path AS document_path, d.duplicate_of, d.scope AS document_scope,
                   coalesce(s.actor_level, 'national') AS actor_level
            FROM statements s
            JOIN documents d ON d.id = s.document_id
            LEFT JOIN lists l ON l.id = s.list_id;
        CREATE VIEW priorities AS
            SELECT * FROM statements_with_source
            WHERE kind = 'priority' AND duplicate_of IS NULL AND coalesce(document_scope, 'in') != 'out';
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _001_documents,
    _002_statements,
    _003_search,
    _004_views,
    _005_threads,
    _006_deferred_term_counts,
    _007_search_rows,
    _008_thread_terms,
    _009_sketches,
    _010_contentless_search,
    _011_link_order,
    _012_recount_terms,
    _013_search_rows_never_reused,
    _014_web_resources,
    _015_scope,
    _016_document_sources_and_versions,
    _017_statement_form,
    _018_list_truncated,
    _019_words_and_actor_levels,
    _020_nothing_stale_when_empty,
    _021_theme_priors_and_scope_index,
    _022_synonyms_and_local_pages,
    _023_wording_thread_index,
    _024_rule_dates,
    _025_actor_level_in_views,
]
