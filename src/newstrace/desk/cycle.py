"""One desk cycle: poll every source, resolve what came in, fire the alert rules, deliver what is due."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TextIO

from newstrace.desk.deliver import deliver_due
from newstrace.desk.fire import fire
from newstrace.desk.watch import PollLine, Watcher
from newstrace.knowledge.places import country_id
from newstrace.model import Alert, Entity


@dataclass(frozen=True)
class CycleReport:
    lines: tuple[PollLine, ...]
    fired: tuple[Alert, ...]
    delivered: int
    undelivered: int


def names(store, ctx) -> tuple[Callable[[str], str], Callable[[str], str | None]]:
    """An entity's display name and its country's id, from the knowledge base and provisional entities.

    A provisional entity's name is asked of the store when first needed: reading them all
    would cost a pass over every mention on every cycle.
    """
    provisional: dict[str, Entity | None] = {}

    def get(entity_id: str) -> Entity | None:
        if not entity_id:
            return None
        entity = ctx.kb.get(entity_id)
        if entity is None and entity_id.startswith("nt:"):
            if entity_id not in provisional:
                found = store.provisional_entities([entity_id])
                provisional[entity_id] = found[0] if found else None
            entity = provisional[entity_id]
        return entity

    def name_of(entity_id: str) -> str:
        entity = get(entity_id)
        return entity.canonical_name if entity else ""

    def country_of(entity_id: str) -> str | None:
        entity = get(entity_id)
        if entity is None or not entity.country:
            return None
        return country_id(entity.country) if len(entity.country) == 2 else entity.country

    return name_of, country_of


def run_cycle(watcher: Watcher, log: Callable[[str], None], stdout: TextIO = sys.stdout,
              webhook_timeout: float = 5.0) -> CycleReport:
    """Poll, resolve, fire, deliver; every source and every alert gets its line, and nothing stops the cycle."""
    from newstrace.resolve import resolve_store

    store, ctx = watcher.store, watcher.ctx
    lines = []
    for source in watcher.sources:
        line = watcher.poll_source(source)
        log(str(line))
        lines.append(line)
    # New reports are resolved now; a resolution an earlier, killed run left pending is finished too.
    if store.pending_resolution():
        summary = resolve_store(store, ctx)
        log(f"resolved: {summary}")
    now: datetime = watcher.clock()
    name_of, country_of = names(store, ctx)
    fired = fire(store, store.rules(), now, name_of, country_of)
    for alert in fired:
        log(f"alert {alert.id} ({alert.rule}, {alert.kind}): {alert.title}")
    delivered, failed = deliver_due(store, now, stdout, log, webhook_timeout)
    return CycleReport(tuple(lines), tuple(fired), delivered, failed)
