"""Fuzzy name search across scripts: exact keys, transliteration keys, then edit distance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newstrace.model import Entity
from newstrace.text.normalize import match_key
from newstrace.text.translit import consonant_skeleton, translit_key

KIND_ORDER = {"person": 0, "org": 0, "country": 1, "place": 2}


@dataclass(frozen=True)
class SearchHit:
    """One knowledge-base entity a query may mean, with a score in [0, 1]."""

    entity_id: str
    name: str
    kind: str
    score: float


class NameIndex:
    """Keys of every name of every entity, for search by any spelling in any script."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        by_id: dict[str, Entity] = {}
        exact: dict[str, set[str]] = {}
        translit: dict[str, set[str]] = {}
        skeletons: dict[str, set[str]] = {}
        for entity in entities:
            by_id[entity.id] = entity
            for name in entity.all_names():
                exact.setdefault(match_key(name), set()).add(entity.id)
                key = translit_key(name)
                if key:
                    translit.setdefault(key, set()).add(entity.id)
                skeleton = consonant_skeleton(name)
                if len(skeleton) >= 4:
                    skeletons.setdefault(skeleton, set()).add(entity.id)
        # Sorted tuples: a compiled knowledge base stores them as they are, and they load
        # faster than sets; every use takes the best score per id, so order is moot.
        self._entities: Mapping[str, Entity] = by_id
        self._exact = {key: tuple(sorted(ids)) for key, ids in exact.items()}
        self._translit = {key: tuple(sorted(ids)) for key, ids in translit.items()}
        self._skeleton = {key: tuple(sorted(ids)) for key, ids in skeletons.items()}
        self._choices = list(self._translit)

    def state(self) -> tuple[dict[str, tuple[str, ...]], ...]:
        """The keys a compiled knowledge base stores (the entities are stored apart)."""
        return self._exact, self._translit, self._skeleton

    @classmethod
    def from_state(cls, state: tuple[dict[str, tuple[str, ...]], ...], entities: Mapping[str, Entity]) -> NameIndex:
        """The index `state()` described, over the same entities."""
        index = cls.__new__(cls)
        index._exact, index._translit, index._skeleton = state
        index._entities = entities
        index._choices = list(index._translit)
        return index

    def _order(self, entity_id: str) -> tuple[int, int]:
        entity = self._entities[entity_id]
        return KIND_ORDER.get(entity.kind, 3), -(entity.population or 0)

    def search(self, query: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Entities whose names best match `query`, best first."""
        from rapidfuzz import fuzz, process  # only a search needs it, not every user of the knowledge base

        scores: dict[str, float] = {}

        def offer(ids: Iterable[str], score: float) -> None:
            for entity_id in ids:
                scores[entity_id] = max(scores.get(entity_id, 0.0), score)

        offer(self._exact.get(match_key(query), ()), 1.0)
        key = translit_key(query)
        if key:
            offer(self._translit.get(key, ()), 0.95)
            offer(self._skeleton.get(consonant_skeleton(query), ()), 0.85)
            for choice, score, _ in process.extract(key, self._choices, scorer=fuzz.ratio,
                                                    limit=limit * 5, score_cutoff=70):
                offer(self._translit[choice], round(0.9 * score / 100, 4))
        ranked = sorted(scores.items(), key=lambda item: (-item[1], *self._order(item[0]), item[0]))
        return tuple(
            SearchHit(entity_id, self._entities[entity_id].canonical_name, self._entities[entity_id].kind, score)
            for entity_id, score in ranked[:limit]
        )
