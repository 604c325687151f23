"""Fuzzy name search across scripts: exact keys, transliteration keys, then edit distance."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

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
        self._entities: dict[str, Entity] = {}
        self._exact: dict[str, set[str]] = {}
        self._translit: dict[str, set[str]] = {}
        self._skeleton: dict[str, set[str]] = {}
        for entity in entities:
            self._entities[entity.id] = entity
            for name in entity.all_names():
                self._exact.setdefault(match_key(name), set()).add(entity.id)
                key = translit_key(name)
                if key:
                    self._translit.setdefault(key, set()).add(entity.id)
                skeleton = consonant_skeleton(name)
                if len(skeleton) >= 4:
                    self._skeleton.setdefault(skeleton, set()).add(entity.id)
        self._choices = list(self._translit)

    def _order(self, entity_id: str) -> tuple[int, int]:
        entity = self._entities[entity_id]
        return KIND_ORDER.get(entity.kind, 3), -(entity.population or 0)

    def search(self, query: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Entities whose names best match `query`, best first."""
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
