"""Alert rules, the alerts they fired with their delivery state, and the members each alert covered."""

from __future__ import annotations

from collections.abc import Iterable

from newstrace.model import Alert, AlertRule
from newstrace.store import codec
from newstrace.store.database import Database, chunks, in_list

_ALERT_COLUMNS = "id, data, delivered_at, attempts, next_attempt, last_error"


def _alert(row) -> Alert:
    base = codec.loads(Alert, row[1])
    return Alert(base.id, base.rule, base.kind, base.subject, base.title, base.created_at, base.deliver,
                 base.detail, row[2], row[3], row[4], row[5])


class AlertStore:
    conn: Database

    def add_rule(self, rule: AlertRule) -> None:
        """Add or replace the rule of that name; a replaced rule reads every event again on its first cycle."""
        with self.conn.transaction() as db:
            db.execute(
                "INSERT INTO alert_rules(name, data, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET data = excluded.data, created_at = excluded.created_at",
                (rule.name, codec.dumps(rule), rule.created_at),
            )
            db.execute("DELETE FROM alert_cursors WHERE rule = ?", (rule.name,))

    def remove_rule(self, name: str) -> bool:
        with self.conn.transaction() as db:
            db.execute("DELETE FROM alert_cursors WHERE rule = ?", (name,))
            return db.execute("DELETE FROM alert_rules WHERE name = ?", (name,)).rowcount > 0

    def rule_revision(self, rule: AlertRule) -> int:
        """The event revision this version of the rule was last evaluated at; -1 before its first cycle."""
        row = self.conn.execute("SELECT revision FROM alert_cursors WHERE rule = ? AND created_at = ?",
                                (rule.name, rule.created_at)).fetchone()
        return row[0] if row else -1

    def advance_rule(self, rule: AlertRule, revision: int) -> None:
        """Note that this version of the rule has seen every event up to `revision`."""
        self.conn.execute(
            "INSERT INTO alert_cursors(rule, created_at, revision) VALUES (?, ?, ?)"
            " ON CONFLICT (rule) DO UPDATE SET created_at = excluded.created_at, revision = excluded.revision",
            (rule.name, rule.created_at, revision),
        )

    def rules(self) -> list[AlertRule]:
        rows = self.conn.execute("SELECT data FROM alert_rules ORDER BY name").fetchall()
        return [codec.loads(AlertRule, r[0]) for r in rows]

    def record_alert(self, alert: Alert, members: Iterable[str]) -> bool:
        """Store an alert unless one of its members already fired this rule and kind; True if stored.

        Either way the members are marked, in one transaction with the alert, so an event that
        gained a report (and with it a new id) or a rebuilt story is recognised next time.
        """
        members = sorted(set(members))
        with self.conn.transaction() as db:
            db.lock(f"newstrace:alert:{alert.rule}:{alert.kind}")
            condition, values = in_list(db, "member", members)
            found = db.execute(
                f"SELECT alert_id FROM alert_marks WHERE rule = ? AND kind = ? AND {condition}",
                (alert.rule, alert.kind, *values),
            ).fetchone()
            owner = found[0] if found else alert.id
            if not found:
                db.execute(
                    "INSERT INTO alerts(id, rule, kind, created_at, data, delivered_at, attempts, next_attempt,"
                    " last_error) VALUES (?, ?, ?, ?, ?, NULL, 0, NULL, NULL) ON CONFLICT (id) DO NOTHING",
                    (alert.id, alert.rule, alert.kind, alert.created_at, codec.dumps(alert)),
                )
            db.executemany(
                "INSERT INTO alert_marks(rule, kind, member, alert_id) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (rule, kind, member) DO NOTHING",
                [(alert.rule, alert.kind, m, owner) for m in members],
            )
        return not found

    def undelivered(self, now: str) -> list[Alert]:
        """Alerts not yet delivered whose next attempt is due, oldest first."""
        rows = self.conn.execute(
            f"SELECT {_ALERT_COLUMNS} FROM alerts WHERE delivered_at IS NULL"
            " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY created_at, id",
            (now,),
        ).fetchall()
        return [_alert(r) for r in rows]

    def mark_delivered(self, alert_id: str, when: str) -> None:
        self.conn.execute("UPDATE alerts SET delivered_at = ?, last_error = NULL WHERE id = ? AND delivered_at IS NULL",
                          (when, alert_id))

    def mark_attempt_failed(self, alert_id: str, error: str, next_attempt: str) -> None:
        self.conn.execute("UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt = ? WHERE id = ?",
                          (error, next_attempt, alert_id))

    def alerts(self, limit: int = 100) -> list[Alert]:
        """The most recent alerts first."""
        rows = self.conn.execute(
            f"SELECT {_ALERT_COLUMNS} FROM alerts ORDER BY created_at DESC, id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_alert(r) for r in rows]

    def report_times(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """Article id → (end of its publication interval, ingested at), for telling when each report came."""
        ids = sorted(set(article_ids))
        condition, values = in_list(self.conn, "id", ids)
        rows = self.conn.execute(f"SELECT id, published_end, ingested_at FROM articles WHERE {condition}",
                                 values).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}
