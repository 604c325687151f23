"""Export writers by format name; each returns the whole output as text."""

from __future__ import annotations

import json
from collections.abc import Callable

from newstrace.export.csv import write_csv, write_csv_sources
from newstrace.export.document import build_document
from newstrace.export.graphml import write_graphml
from newstrace.export.jsonl import write_jsonl
from newstrace.export.timelinejs import write_timelinejs
from newstrace.model import Event
from newstrace.store import Store


def write_json(store: Store, kb, events: list[Event] | None) -> str:
    return json.dumps(build_document(store, kb, events), ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Store, object, list[Event] | None], str]] = {
    "json": write_json, "jsonl": write_jsonl, "csv": write_csv, "csv-sources": write_csv_sources,
    "graphml": write_graphml, "timelinejs": write_timelinejs,
}
