"""The only code that speaks SQL: schema, migrations and the repository, on SQLite or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from newstrace.store.alerts import AlertStore
from newstrace.store.articles import ArticleRow, ArticleStore, EntityCount, Revision, SaveOutcome
from newstrace.store.database import (
    Database, database_exists, default_path, default_target, describe, is_url, open_database,
)
from newstrace.store.entities import EntityStore
from newstrace.store.events import EventStore
from newstrace.store.pending import PendingStore, ResolutionConflict, ResolutionToken
from newstrace.store.search import SearchHit
from newstrace.store.watch import WatchStore

__all__ = ["ArticleRow", "EntityCount", "ResolutionConflict", "ResolutionToken", "Revision", "SaveOutcome",
           "SearchHit", "Store", "database_exists", "default_path", "default_target", "describe", "is_url"]


class Store(ArticleStore, EventStore, EntityStore, PendingStore, WatchStore, AlertStore):
    """The repository over one database: a SQLite file, or a PostgreSQL server by postgresql:// URL."""

    def __init__(self, target: Path | str | None = None, *, readonly: bool = False) -> None:
        self.target = str(target) if target is not None else default_target()
        self.path = None if is_url(self.target) else Path(self.target)
        self.conn: Database = open_database(self.target, readonly=readonly)

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.conn.dialect.name

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
