"""Names to show for entity ids: the knowledge base first, then what articles called provisional entities."""

from __future__ import annotations

from collections.abc import Iterable

from newstrace.model import Entity


class DisplayNames:
    """A read-only lookup with the knowledge base's interface (get, search) for display.

    Provisional entities (names the knowledge base lacks) are shown by the surface
    form articles used most; they never enter the knowledge base itself, so linking
    does not depend on what was ingested before.
    """

    def __init__(self, kb, provisional: Iterable[Entity] = ()) -> None:
        self.kb = kb
        self.provisional = {e.id: e for e in provisional}

    def get(self, entity_id: str) -> Entity | None:
        return self.kb.get(entity_id) or self.provisional.get(entity_id)

    def search(self, name: str, limit: int = 10):
        return self.kb.search(name, limit=limit)

    def __getattr__(self, name: str):
        return getattr(self.kb, name)
