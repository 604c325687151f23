"""The PostgreSQL connection (psycopg 3) behind the store's `Database` interface."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newstrace.errors import Code, StoreError
from newstrace.store.database import Database
from newstrace.store.dialect import POSTGRESQL

# psycopg logs a second line for a failure the store already reports as one StoreError ("error
# ignored terminating <Pipeline>" when the server goes away inside executemany). A handler of
# its own keeps that from Python's last-resort stderr handler; a configured logging still gets it.
logging.getLogger("psycopg").addHandler(logging.NullHandler())

# Phrases of libpq's connection failures that mean "the server refused who you are".
_CREDENTIAL_FAILURES = ("password authentication failed", "no password supplied", "authentication failed",
                        "role \"", "no pg_hba.conf entry")


class Row:
    """A result row readable by column name or position, like sqlite3.Row."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _rows(cursor):
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


def _text_safe(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; the JSON `data` column keeps the exact value
    # (JSON escapes it), so only the searchable copies lose it.
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class PostgresDatabase(Database):
    dialect = POSTGRESQL

    def __init__(self, url: str, where: str, *, readonly: bool = False) -> None:
        import psycopg

        self.where = where
        self._psycopg = psycopg
        options = "-c default_transaction_read_only=on" if readonly else ""
        try:
            self.raw = psycopg.connect(url, autocommit=True, row_factory=_rows, connect_timeout=10,
                                       application_name="newstrace", options=options)
        except psycopg.Error as exc:
            refused = any(phrase in str(exc) for phrase in _CREDENTIAL_FAILURES)
            raise StoreError(where, Code.E018 if refused else Code.E017, _first_line(exc)) from exc

    def _error(self, exc: Exception) -> StoreError:
        if self.raw.broken or self.raw.closed:
            return StoreError(self.where, Code.E020, _first_line(exc))
        return StoreError(self.where, Code.E021, _first_line(exc))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.raw.execute(self.dialect.query(sql), [_text_safe(p) for p in params])
        except self._psycopg.Error as exc:
            raise self._error(exc) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [[_text_safe(p) for p in row] for row in rows]
        if not batch:
            return
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(self.dialect.query(sql), batch)
        except self._psycopg.Error as exc:
            raise self._error(exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[PostgresDatabase]:
        try:
            with self.raw.transaction():
                yield self
        except self._psycopg.Error as exc:  # the rollback itself failed: the server is gone
            raise self._error(exc) from exc

    def close(self) -> None:
        self.raw.close()


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
