"""The database schema as named, ordered migrations, each applied once in a transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_articles",
        """
        CREATE TABLE raw_documents (
            sha256 TEXT PRIMARY KEY,
            uri TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content BLOB NOT NULL,
            fetched_at TEXT NOT NULL,
            origin TEXT NOT NULL
        );
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
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
        CREATE TABLE outlet_lines (
            outlet TEXT NOT NULL,
            line TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (outlet, line)
        );
        """,
    ),
    Migration(
        "0002_mentions_and_events",
        """
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
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
)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        with conn:
            conn.execute("BEGIN")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(UTC).isoformat()),
            )
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
