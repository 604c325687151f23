"""Export writers by format name; each returns the whole output as text."""

from __future__ import annotations

import json
from collections.abc import Callable

from newstrace.export.document import build_document
from newstrace.model import Event
from newstrace.store import Store


def write_json(store: Store, kb, events: list[Event] | None) -> str:
    return json.dumps(build_document(store, kb, events), ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Store, object, list[Event] | None], str]] = {"json": write_json}
