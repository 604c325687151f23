"""The database schema as named, ordered migrations, each applied once in a transaction.

One list serves both backends: `sql` is written once in the SQL both engines take
({id} and {bytes} are the dialect's type words); `sqlite` and `postgresql` hold the
few statements only one engine has (its full-text index). A new table goes in `sql`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from newstrace.errors import Code, StoreError


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str
    sqlite: str = ""
    postgresql: str = ""

    def statements(self, dialect) -> list[str]:
        """The statements of this step for one engine, in order."""
        extra = self.sqlite if dialect.name == "sqlite" else self.postgresql
        return _statements(dialect.ddl(self.sql)) + _statements(dialect.ddl(extra))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_articles",
        """
        CREATE TABLE raw_documents (
            sha256 TEXT PRIMARY KEY,
            uri TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content {bytes} NOT NULL,
            fetched_at TEXT NOT NULL,
            origin TEXT NOT NULL
        );
        CREATE TABLE articles (
            rowid {id},
            id TEXT NOT NULL UNIQUE,
            uri TEXT NOT NULL,
            file TEXT,
            url TEXT,
            outlet TEXT,
            title TEXT,
            byline TEXT,
            text TEXT NOT NULL,
            language TEXT NOT NULL,
            published_start TEXT,
            published_end TEXT,
            published_precision TEXT NOT NULL,
            content_hash TEXT NOT NULL REFERENCES raw_documents(sha256),
            revision INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published_start);
        CREATE INDEX articles_content ON articles(content_hash);
        CREATE TABLE article_revisions (
            article_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            content_hash TEXT NOT NULL REFERENCES raw_documents(sha256),
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (article_id, revision)
        );
        CREATE TABLE outlet_lines (
            outlet TEXT NOT NULL,
            line TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (outlet, line)
        );
        """,
        sqlite="""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
        postgresql="""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE TABLE article_search (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            body TEXT NOT NULL
        );
        CREATE INDEX article_search_trigrams ON article_search USING gin (body gin_trgm_ops);
        """,
    ),
    Migration(
        "0002_mentions_and_events",
        """
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            entity_id TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            date_start TEXT,
            main INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX event_mentions_article ON event_mentions(article_id);
        CREATE TABLE event_mention_actors (
            mention_id TEXT NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL
        );
        CREATE INDEX event_mention_actors_entity ON event_mention_actors(entity_id);
        """,
    ),
    Migration(
        "0003_events_stories",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            date_start TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date_start);
        CREATE TABLE event_members (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            mention_id TEXT NOT NULL,
            PRIMARY KEY (event_id, mention_id)
        );
        CREATE INDEX event_members_mention ON event_members(mention_id);
        CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL
        );
        CREATE INDEX event_actors_entity ON event_actors(entity_id);
        CREATE TABLE duplicates (
            article_id TEXT PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL
        );
        """,
    ),
    Migration(
        "0004_curated_entities",
        """
        CREATE TABLE curated_entities (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        "0005_pending_resolution",
        # Articles whose mentions are stored but not yet resolved into events: written in the
        # article's transaction, cleared in the one that writes the events (see store/pending.py).
        # A database from before this step is marked pending where mentions lack an event.
        """
        CREATE TABLE pending_resolution (
            article_id TEXT PRIMARY KEY,
            mark INTEGER NOT NULL
        );
        CREATE TABLE resolution_state (
            id INTEGER PRIMARY KEY,
            generation INTEGER NOT NULL
        );
        INSERT INTO resolution_state(id, generation) VALUES (1, 0);
        INSERT INTO pending_resolution(article_id, mark)
            SELECT DISTINCT article_id, 1 FROM event_mentions
            WHERE id NOT IN (SELECT mention_id FROM event_members);
        """,
    ),
    Migration(
        "0006_watch_and_alerts",
        # Watched sources and the items seen in them (store/watch.py); alert rules, alerts with
        # their delivery state, and the members (mention or article ids) each alert covered, so
        # an event that grows or a story that is rebuilt under a new id fires no second time
        # (store/alerts.py).
        """
        CREATE TABLE watch_sources (
            source TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_poll TEXT,
            outcome TEXT,
            message TEXT NOT NULL,
            failures INTEGER NOT NULL,
            next_attempt TEXT
        );
        CREATE TABLE watch_items (
            source TEXT NOT NULL,
            item TEXT NOT NULL,
            size INTEGER,
            mtime TEXT,
            state TEXT NOT NULL,
            PRIMARY KEY (source, item)
        );
        CREATE TABLE alert_rules (
            name TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            data TEXT NOT NULL,
            delivered_at TEXT,
            attempts INTEGER NOT NULL,
            next_attempt TEXT,
            last_error TEXT
        );
        CREATE INDEX alerts_created ON alerts(created_at);
        CREATE TABLE alert_marks (
            rule TEXT NOT NULL,
            kind TEXT NOT NULL,
            member TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            PRIMARY KEY (rule, kind, member)
        );
        """,
    ),
    Migration(
        "0007_desk_cursors",
        # Incremental alert rules (desk/fire.py): each event carries the resolution generation
        # in which its content last changed (a digest tells), each rule the generation it was
        # last evaluated at; events are found by story and by the arrival of their reports
        # without reading every story or article.
        """
        ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN digest TEXT;
        CREATE INDEX events_revision ON events(revision);
        CREATE TABLE story_events (
            story_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (event_id, story_id)
        );
        CREATE TABLE alert_cursors (
            rule TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            revision INTEGER NOT NULL
        );
        CREATE INDEX articles_ingested ON articles(ingested_at);
        """,
        sqlite="""
        INSERT INTO story_events(story_id, event_id)
            SELECT s.id, j.value FROM stories s, json_each(s.data, '$.event_ids') j WHERE true
            ON CONFLICT DO NOTHING;
        """,
        postgresql="""
        INSERT INTO story_events(story_id, event_id)
            SELECT id, jsonb_array_elements_text(data::jsonb -> 'event_ids') FROM stories
            ON CONFLICT DO NOTHING;
        """,
    ),
    Migration(
        "0008_search_unspaced_scripts",
        # SQLite's full-text index holds folded, segmented text (store/search.py): each letter of an
        # unspaced script (Chinese, Japanese, Thai) a token, so a word inside a sentence is
        # found as the phrase of its letters; marks count as letters, so no vowel sign splits
        # a word. The index keeps no copy of the text (content=''); its triggers segment each
        # article through the connection's newstrace_segment function. PostgreSQL's trigram
        # search already finds such words.
        "",
        sqlite="""
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='',
            tokenize='unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
        );
        INSERT INTO articles_fts(rowid, title, text)
            SELECT rowid, newstrace_segment(title), newstrace_segment(text) FROM articles;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text)
            VALUES (new.rowid, newstrace_segment(new.title), newstrace_segment(new.text));
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, newstrace_segment(old.title), newstrace_segment(old.text));
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, newstrace_segment(old.title), newstrace_segment(old.text));
            INSERT INTO articles_fts(rowid, title, text)
            VALUES (new.rowid, newstrace_segment(new.title), newstrace_segment(new.text));
        END;
        """,
    ),
)


LEDGER = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def applied_migrations(db) -> list[str] | None:
    """Names of the migrations the database records, or None when it has no schema yet."""
    if not db.execute(db.dialect.table_exists, ("schema_migrations",)).fetchone()[0]:
        return None
    return [row[0] for row in db.execute("SELECT name FROM schema_migrations ORDER BY name")]


def _unknown(done: list[str]) -> list[str]:
    known = {m.name for m in MIGRATIONS}
    return [name for name in done if name not in known]


def check_schema(db) -> None:
    """Refuse to read a database whose schema this version does not know exactly."""
    done = applied_migrations(db)
    if done is None:
        raise StoreError(db.where, Code.E019, "no newstrace schema here; run `newstrace ingest` first")
    if unknown := _unknown(done):
        raise StoreError(db.where, Code.E019, f"written by a newer newstrace (migration {unknown[0]})")
    missing = [m.name for m in MIGRATIONS if m.name not in done]
    if missing:
        raise StoreError(db.where, Code.E019, f"older schema, lacks {', '.join(missing)}; any writing command"
                                              " (e.g. `newstrace resolve`) brings it up to date")


def migrate(db) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return the names applied now.

    Several processes may open one database at once: each step takes the migration
    lock and looks again, so a step is applied by exactly one of them.
    """
    done = applied_migrations(db)
    if done is not None and _unknown(done):
        raise StoreError(db.where, Code.E019, f"written by a newer newstrace (migration {_unknown(done)[0]})")
    if done is not None and len(done) == len(MIGRATIONS):
        return []
    applied = []
    for migration in MIGRATIONS:
        with db.transaction():
            db.lock("newstrace:migrations")
            db.execute(LEDGER)
            if db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (migration.name,)).fetchone():
                continue
            try:
                for statement in migration.statements(db.dialect):
                    db.execute(statement)
            except StoreError as exc:
                raise StoreError(db.where, Code.E019, f"migration {migration.name} failed: {exc.detail}") from exc
            db.execute("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                       (migration.name, datetime.now(UTC).isoformat()))
        applied.append(migration.name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements
