"""Deterministic ids: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def digest(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def article_id(key: str) -> str:
    """Id of an article from its identity key (canonical URL, file name or text hash)."""
    return "a" + digest(key, 15)


def event_mention_id(article_id: str, sentence_start: int, event_type: str, trigger_start: int) -> str:
    return "m" + digest(f"{article_id}|{sentence_start}|{event_type}|{trigger_start}", 15)


def event_id(mention_ids: Iterable[str]) -> str:
    return "e" + digest("|".join(sorted(mention_ids)), 15)


def story_id(event_ids: Iterable[str]) -> str:
    return "s" + digest("|".join(sorted(event_ids)), 15)


def provisional_entity_id(kind: str, key: str) -> str:
    return "nt:" + digest(f"{kind}|{key}", 12)


def is_provisional(entity_id: str | None) -> bool:
    """Whether an id names an entity only the text knows, not the knowledge base."""
    return bool(entity_id) and entity_id.startswith("nt:")


# The one knowledge-base entity that stands for doers a report does not name ("gunmen opened
# fire", "Bewaffnete griffen an"): a participant of its event, never evidence that two reports
# tell one event (knowledge/data/actors_world.yaml holds it; lexicons list its words).
UNNAMED_DOERS = "local:unidentified_attackers"


def is_unnamed(entity_id: str | None) -> bool:
    """Whether an id stands for doers the text does not name."""
    return entity_id == UNNAMED_DOERS
