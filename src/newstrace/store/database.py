"""Opening the SQLite database: location, pragmas, migrations."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from newstrace.store.migrations import migrate

DEFAULT_DB = "newstrace.db"


def default_path() -> Path:
    """The database named by NEWSTRACE_DB, else ./newstrace.db."""
    return Path(os.environ.get("NEWSTRACE_DB") or DEFAULT_DB)


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and migrate, unless read-only) a database in WAL mode."""
    if readonly:
        uri = f"file:{Path(path).resolve()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.row_factory = sqlite3.Row
    if not readonly:
        migrate(conn)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: a killed process leaves no half-written article."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
