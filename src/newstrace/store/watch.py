"""What `watch` remembers between polls: per source its HTTP validators, failures and next attempt; per item, seen."""

from __future__ import annotations

from newstrace.model import WatchSource
from newstrace.store.database import Database

_SOURCE_COLUMNS = "source, kind, etag, last_modified, last_poll, outcome, message, failures, next_attempt"


def _source(row) -> WatchSource:
    return WatchSource(row[0], row[1], row[2], row[3], row[4], row[5], row[6] or "", row[7], row[8])


class WatchStore:
    conn: Database

    def watch_source(self, source: str) -> WatchSource | None:
        row = self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_sources WHERE source = ?", (source,)).fetchone()
        return _source(row) if row else None

    def watch_sources(self) -> list[WatchSource]:
        rows = self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM watch_sources ORDER BY source").fetchall()
        return [_source(r) for r in rows]

    def record_poll(self, state: WatchSource) -> None:
        """Write a source's state after one poll (validators, outcome, failures, next attempt)."""
        self.conn.execute(
            f"INSERT INTO watch_sources({_SOURCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, etag = excluded.etag,"
            " last_modified = excluded.last_modified, last_poll = excluded.last_poll,"
            " outcome = excluded.outcome, message = excluded.message, failures = excluded.failures,"
            " next_attempt = excluded.next_attempt",
            (state.source, state.kind, state.etag, state.last_modified, state.last_poll, state.outcome,
             state.message, state.failures, state.next_attempt),
        )

    def watch_items(self, source: str) -> dict[str, tuple[int | None, str | None, str]]:
        """Item → (size, mtime, state) as last seen in this source."""
        rows = self.conn.execute("SELECT item, size, mtime, state FROM watch_items WHERE source = ?", (source,))
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def mark_item(self, source: str, item: str, state: str, size: int | None = None, mtime: str | None = None) -> None:
        """Remember an item: "done" once stored (or failed for good), "settling" while it may still change."""
        self.conn.execute(
            "INSERT INTO watch_items(source, item, size, mtime, state) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (source, item) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,"
            " state = excluded.state",
            (source, item, size, mtime, state),
        )
