"""Event mentions, canonical events, duplicates and stories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newstrace.model import DuplicateReport, Event, EventMention, Story
from newstrace.store import codec
from newstrace.ids import digest
from newstrace.store.database import Database, chunks, in_list, transaction
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

        Each event keeps the revision (resolution generation) at which what the alert rules
        read of it last changed: its content, its story, the independent source of each of
        its reports and when each arrived. A new or changed event gets this generation.

        Raises pending.ResolutionConflict when another resolution committed since `token`.
        """
        events, duplicates, stories = list(events), list(duplicates), list(stories)
        with transaction(self.conn) as conn:
            settle(conn, token)
            generation = conn.execute("SELECT generation FROM resolution_state WHERE id = 1").fetchone()[0]
            before = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, digest, revision FROM events")}
            arrived = {r[0]: r[1] for r in conn.execute("SELECT id, ingested_at FROM articles")}
            parent = {d.article_id: d.duplicate_of for d in duplicates}
            story_of: dict[str, list[str]] = {}
            for s in sorted(stories, key=lambda s: s.id):
                for e in s.event_ids:
                    story_of.setdefault(e, []).append(f"{s.id}:{s.title}")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM event_members")
            conn.execute("DELETE FROM event_actors")
            conn.execute("DELETE FROM duplicates")
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM story_events")
            for event in events:
                data = codec.dumps(event)
                seen = digest("|".join([data, *story_of.get(event.id, ()),
                                        *(f"{_root(parent, a)}@{arrived.get(a, '')}" for a in event.article_ids)]))
                old_digest, old_revision = before.get(event.id, (None, None))
                revision = old_revision if old_digest == seen else generation
                conn.execute(
                    "INSERT INTO events(id, type, date_start, data, revision, digest) VALUES (?, ?, ?, ?, ?, ?)",
                    (event.id, event.type, event.date.start.isoformat() if event.date.start else None,
                     data, revision, seen),
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
            conn.executemany(
                "INSERT INTO story_events(story_id, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(s.id, e) for s in stories for e in s.event_ids],
            )

    def events_changed(self, after: int, upto: int) -> list[Event]:
        """Events whose revision is in (after, upto], in date order (undated last)."""
        rows = self.conn.execute(
            "SELECT data FROM events WHERE revision > ? AND revision <= ?"
            " ORDER BY date_start IS NULL, date_start, id", (after, upto))
        return [codec.loads(Event, r["data"]) for r in rows]

    def events_of(self, ids: Iterable[str]) -> dict[str, Event]:
        """These events by id (any number of them; unknown ids are left out)."""
        found: dict[str, Event] = {}
        for chunk in chunks(sorted(set(ids))):
            condition, values = in_list(self.conn, "id", list(chunk))
            rows = self.conn.execute(f"SELECT id, data FROM events WHERE {condition}", values)
            found.update((r[0], codec.loads(Event, r[1])) for r in rows)
        return found

    def events_reported_since(self, since: str) -> list[str]:
        """Ids of the events holding a report that arrived (was stored) after `since`, an ISO time."""
        # Nested from the arrivals inward, so that both engines start from the index on arrival
        # time (a join ordered by event id has SQLite scan every event member instead).
        rows = self.conn.execute(
            "SELECT DISTINCT event_id FROM event_members WHERE mention_id IN (SELECT id FROM event_mentions"
            " WHERE article_id IN (SELECT id FROM articles WHERE ingested_at > ?))", (since,))
        return sorted(r[0] for r in rows)

    def stories_of(self, event_ids: Iterable[str]) -> list[Story]:
        """The stories holding any of these events, by id."""
        found: dict[str, Story] = {}
        for chunk in chunks(sorted(set(event_ids))):
            condition, values = in_list(self.conn, "se.event_id", list(chunk))
            rows = self.conn.execute(
                "SELECT DISTINCT s.id, s.data FROM story_events se JOIN stories s ON s.id = se.story_id"
                f" WHERE {condition}", values)
            found.update((r[0], codec.loads(Story, r[1])) for r in rows)
        return [found[k] for k in sorted(found)]

    def duplicate_roots(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Article id → the independent source it repeats, for these articles (chains followed); others are their own."""
        parent: dict[str, str] = {}
        wanted = sorted(set(article_ids))
        asked: set[str] = set()
        while wanted:
            asked.update(wanted)
            for chunk in chunks(wanted):
                condition, values = in_list(self.conn, "article_id", list(chunk))
                rows = self.conn.execute(f"SELECT data FROM duplicates WHERE {condition}", values)
                for r in rows:
                    report = codec.loads(DuplicateReport, r["data"])
                    parent[report.article_id] = report.duplicate_of
            wanted = sorted({p for p in parent.values() if p not in asked})
        return {a: _root(parent, a) for a in parent}

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


def _root(parent: dict[str, str], article_id: str) -> str:
    """The article a chain of copies leads back to (a loop stops where it closes)."""
    seen = set()
    while article_id in parent and article_id not in seen:
        seen.add(article_id)
        article_id = parent[article_id]
    return article_id
