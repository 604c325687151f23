"""The only code that speaks SQL: schema, migrations and the repository."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newstrace.store.articles import ArticleRow, ArticleStore, EntityCount, Revision, SaveOutcome, SearchHit
from newstrace.store.database import connect, default_path
from newstrace.store.entities import EntityStore
from newstrace.store.events import EventStore

__all__ = ["ArticleRow", "EntityCount", "Revision", "SaveOutcome", "SearchHit", "Store", "default_path"]


class Store(ArticleStore, EventStore, EntityStore):
    """The repository over one SQLite database."""

    def __init__(self, path: Path | str | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.conn: sqlite3.Connection = connect(self.path, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
