"""Curated knowledge-base additions, kept in the database so a KB upgrade keeps them."""

from __future__ import annotations

from datetime import UTC, datetime

from newstrace.model import Entity
from newstrace.store import codec
from newstrace.store.database import Database, transaction


class EntityStore:
    conn: Database

    def curated_entities(self) -> list[Entity]:
        rows = self.conn.execute("SELECT data FROM curated_entities ORDER BY id")
        return [codec.loads(Entity, r["data"]) for r in rows]

    def save_curated(self, entity: Entity) -> None:
        with transaction(self.conn) as conn:
            conn.execute(
                "INSERT INTO curated_entities(id, data, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                (entity.id, codec.dumps(entity), datetime.now(UTC).isoformat()),
            )
