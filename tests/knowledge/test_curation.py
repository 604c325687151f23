"""Curated additions: new entities, aliases, JSON round trip, and their effect on linking."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.knowledge.curation import entity_from_json, entity_to_json, new_entity, with_alias
from newstrace.model import Role
from newstrace.stages.entities.linking import link_article
from tests.factories import article


def test_new_entity_and_aliases_round_trip():
    entity = new_entity("person", "Arvid Lindqvist", {"en": ["Arvid Lindqvist"]}, country="se",
                        roles=[Role("special_envoy", country="SE", start=date(2025, 1, 1))])
    assert entity.id.startswith("cu:") and entity.country == "SE"
    entity = with_alias(with_alias(entity, "Арвид Линдквист", "ru"), "AL", acronym=True)
    assert entity.names["ru"] == ("Арвид Линдквист",) and entity.acronyms == ("AL",)
    assert entity_from_json(entity_to_json(entity)) == entity
    with pytest.raises(ValueError):
        new_entity("planet", "Mars")


def test_curated_addition_is_linked():
    entity = new_entity("person", "Arvid Lindqvist", {"ru": ["Арвид Линдквист"]}, wikidata="Q999999901")
    ctx = Context(curated=(entity,), use_spacy=False)
    found = link_article(article("Вчера Арвид Линдквиста встретили в Москве.", language="ru"), ctx)
    assert "Q999999901" in {m.entity_id for m in found}
