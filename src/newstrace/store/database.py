"""Opening the database named by a path (SQLite, WAL) or a postgresql:// URL, behind one interface.

The repository mixins speak to a `Database`: `execute`, `executemany`, `transaction`
and `lock`, with `?` placeholders and the SQL both engines accept. Driver errors
never leave this package: each becomes a `StoreError` naming the database and the
reason (errors.py E017–E021), after the transaction was rolled back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from newstrace.errors import Code, StoreError
from newstrace.store.dialect import SQLITE, Dialect
from newstrace.store.search import indexed

DEFAULT_DB = "newstrace.db"
URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    """Whether the database is a PostgreSQL server rather than a SQLite file."""
    return str(target).startswith(URL_SCHEMES)


def default_target() -> str:
    """The database named by NEWSTRACE_DB (a path or a postgresql:// URL), else ./newstrace.db."""
    return os.environ.get("NEWSTRACE_DB") or DEFAULT_DB


def default_path() -> Path:
    """The default SQLite file (kept for callers that only ever use SQLite)."""
    return Path(default_target())


def describe(target: str | Path) -> str:
    """The database as shown to a user: the URL without its password."""
    text = str(target)
    if not is_url(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def database_exists(target: str | Path) -> bool:
    """Whether there is a database to read: a file for SQLite; a server is asked when opened."""
    return is_url(target) or Path(target).exists()


def in_list(db: Database, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """The condition "`column` is one of `values`" and its parameters: one parameter for any number
    of values (a JSON array on SQLite, an array on PostgreSQL), false for none."""
    return db.dialect.one_of(column, values)


def chunks(values: Sequence[Any], size: int = 2000) -> Iterator[Sequence[Any]]:
    """Slices of at most `size` values, for IN lists under the engines' limits on parameters."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


class Database:
    """One connection, in autocommit outside `transaction()`; `?` placeholders everywhere."""

    dialect: Dialect
    where: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self):
        """All or nothing: a killed process or a lost server leaves nothing half-written."""
        raise NotImplementedError

    def lock(self, key: str) -> None:
        """Inside a transaction: wait until no other writer holds `key`, then hold it until commit."""
        if self.dialect.key_lock is not None:
            self.execute(self.dialect.key_lock, (key,))

    def close(self) -> None:
        raise NotImplementedError


class SqliteDatabase(Database):
    dialect = SQLITE

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.where = str(path)
        try:
            if readonly:
                uri = f"file:{Path(path).resolve()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(self.where, Code.E017, str(exc)) from exc
        conn.row_factory = sqlite3.Row
        # The full-text index's triggers segment what they index (migration 0007).
        conn.create_function("newstrace_segment", 1, indexed, deterministic=True)
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.raw.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(self.where, Code.E021, str(exc)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.raw.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(self.where, Code.E021, str(exc)) from exc

    @contextmanager
    def transaction(self) -> Iterator[SqliteDatabase]:
        # IMMEDIATE takes the write lock at once, so two writers queue instead of deadlocking.
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


def open_database(target: str | Path, *, readonly: bool = False) -> Database:
    """Connect to the database and bring its schema up to date (only check it when read-only)."""
    from newstrace.store.migrations import check_schema, migrate

    if is_url(target):
        from newstrace.store.postgres import PostgresDatabase

        db: Database = PostgresDatabase(str(target), describe(target), readonly=readonly)
    else:
        db = SqliteDatabase(target, readonly=readonly)
    try:
        check_schema(db) if readonly else migrate(db)
    except BaseException:
        db.close()
        raise
    return db


def transaction(db: Database):
    """`db.transaction()`, as the mixins spell it."""
    return db.transaction()
