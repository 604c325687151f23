"""Event mentions, canonical events, duplicates and stories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newstrace.model import DuplicateReport, Event, EventMention, Story
from newstrace.store import codec
from newstrace.store.database import Database, in_list, transaction
from newstrace.store.pending import ResolutionToken, settle


class EventStore:
    """Event persistence; the merge result is replaced atomically."""

    conn: Database

    def event_mentions(
        self, *, article_id: str | None = None, type: str | None = None,
        entity_ids: Iterable[str] | None = None,
    ) -> list[EventMention]:
        where, params = [], []
        if article_id:
            where.append("e.article_id = ?")
            params.append(article_id)
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if entity_ids is not None:
            condition, values = in_list(self.conn, "entity_id", list(entity_ids))
            where.append(f"e.id IN (SELECT mention_id FROM event_mention_actors WHERE {condition})")
            params.extend(values)
        sql = "SELECT e.data FROM event_mentions e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start IS NULL, e.date_start, e.article_id, e.id"
        return [codec.loads(EventMention, r["data"]) for r in self.conn.execute(sql, params)]

    def iter_event_mentions(self) -> Iterator[EventMention]:
        for r in self.conn.execute("SELECT data FROM event_mentions ORDER BY id"):
            yield codec.loads(EventMention, r["data"])

    def replace_resolution(
        self, events: Iterable[Event], duplicates: Iterable[DuplicateReport], stories: Iterable[Story],
        token: ResolutionToken | None = None,
    ) -> None:
        """Swap in a new merge result in one transaction, clearing the pending marks `token` read.

        Raises pending.ResolutionConflict when another resolution committed since `token`.
        """
        with transaction(self.conn) as conn:
            settle(conn, token)
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM event_members")
            conn.execute("DELETE FROM event_actors")
            conn.execute("DELETE FROM duplicates")
            conn.execute("DELETE FROM stories")
            for event in events:
                conn.execute(
                    "INSERT INTO events(id, type, date_start, data) VALUES (?, ?, ?, ?)",
                    (event.id, event.type, event.date.start.isoformat() if event.date.start else None,
                     codec.dumps(event)),
                )
                conn.executemany(
                    "INSERT INTO event_members(event_id, mention_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(event.id, m) for m in event.mention_ids],
                )
                conn.executemany(
                    "INSERT INTO event_actors(event_id, entity_id) VALUES (?, ?)",
                    [(event.id, p.entity_id) for p in event.participants],
                )
            conn.executemany(
                "INSERT INTO duplicates(article_id, data) VALUES (?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET data = excluded.data",
                [(d.article_id, codec.dumps(d)) for d in duplicates],
            )
            conn.executemany(
                "INSERT INTO stories(id, data) VALUES (?, ?)",
                [(s.id, codec.dumps(s)) for s in stories],
            )

    def events(
        self, *, entity_ids: Iterable[str] | None = None, type: str | None = None,
        date_from: str | None = None, date_to: str | None = None, ids: Iterable[str] | None = None,
    ) -> list[Event]:
        """Canonical events in date order (undated last)."""
        where, params = [], []
        if entity_ids is not None:
            condition, values = in_list(self.conn, "entity_id", list(entity_ids))
            where.append(f"id IN (SELECT event_id FROM event_actors WHERE {condition})")
            params.extend(values)
        if ids is not None:
            condition, values = in_list(self.conn, "id", list(ids))
            where.append(condition)
            params.extend(values)
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if date_from:
            where.append("date_start >= ?")
            params.append(date_from)
        if date_to:
            where.append("date_start <= ?")
            params.append(date_to)
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start IS NULL, date_start, id"
        return [codec.loads(Event, r["data"]) for r in self.conn.execute(sql, params)]

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return codec.loads(Event, row["data"]) if row else None

    def events_for_mentions(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """The event each of these event mentions was resolved into (mention id -> event id)."""
        wanted = list(mention_ids)
        if not wanted:
            return {}
        condition, values = in_list(self.conn, "mention_id", wanted)
        rows = self.conn.execute(f"SELECT mention_id, event_id FROM event_members WHERE {condition}", values)
        return {r["mention_id"]: r["event_id"] for r in rows}

    def duplicates(self) -> list[DuplicateReport]:
        rows = self.conn.execute("SELECT data FROM duplicates ORDER BY article_id")
        return [codec.loads(DuplicateReport, r["data"]) for r in rows]

    def stories(self) -> list[Story]:
        return [codec.loads(Story, r["data"]) for r in self.conn.execute("SELECT data FROM stories ORDER BY id")]

    def story(self, story_id: str) -> Story | None:
        row = self.conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return codec.loads(Story, row["data"]) if row else None
