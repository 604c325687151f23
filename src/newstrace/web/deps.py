"""Per-request resources of the web app: a read-only store and the shared knowledge base."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from newstrace.store import Store

# Identifiers in URL paths: letters, digits and a few separators; never a slash or "..".
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$"


class KnowledgeHolder:
    """Loads the knowledge base once, on first use, unless one was given (tests, `serve`)."""

    def __init__(self, db_path: Path | str, kb=None) -> None:
        self._db_path = db_path
        self._kb = kb
        self._lock = threading.Lock()

    def get(self):
        """The knowledge base, loading it on first call."""
        if self._kb is None:
            with self._lock:
                if self._kb is None:
                    self._kb = load_kb(self._db_path)
        return self._kb


def load_kb(db_path: Path | str):
    """The knowledge base with the database's curated entities (spaCy is never needed to read)."""
    from newstrace.context import Context

    from newstrace.naming import DisplayNames

    with Store(db_path, readonly=True) as store:
        curated = tuple(store.curated_entities())
        provisional = store.provisional_entities()
    return DisplayNames(Context(curated=curated, use_spacy=False).kb, provisional)


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request: the web app never writes."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def get_kb(request: Request):
    """The app's knowledge base."""
    return request.app.state.knowledge.get()
