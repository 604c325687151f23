"""JSON Lines export: one event per line, the same object as in the JSON document."""

from __future__ import annotations

import json

from newstrace.export.document import build_document
from newstrace.model import Event
from newstrace.store import Store


def write_jsonl(store: Store, kb, events: list[Event] | None) -> str:
    """Each selected event (with its evidence) as one compact JSON object per line."""
    document = build_document(store, kb, events)
    return "".join(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for event in document["events"])
