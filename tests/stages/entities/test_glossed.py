"""A name the knowledge base lacks, glossed in brackets by one it knows, is that entity."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.stages.entities.linking import link_article
from tests.factories import article

RSF, HTS = "Q16984133", "Q28962185"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()  # the recognisers that find names the knowledge base lacks


@pytest.mark.parametrize(("text", "language", "name", "entity"), [
    ("KHARTOUM – L'aéroport de Port-Soudan a été visé dimanche par des drones des Forces paramilitaires "
     "de soutien rapide (FSR), d'après l'armée.", "fr", "Forces paramilitaires de soutien rapide", RSF),
    ("KHARTUM – Las Fuerzas Paramilitares de Apoyo Rápido (FAR) lanzaron el domingo drones "
     "contra el aeropuerto de Puerto Sudán.", "es", "Fuerzas Paramilitares de Apoyo Rápido", RSF),
    ("DAMASCUS – The Levant Liberation Committee (HTS) said on Sunday that its fighters had entered the city.",
     "en", "Levant Liberation Committee", HTS),
])
def test_a_bracketed_acronym_names_the_entity_of_the_longer_wording(ctx, text, language, name, entity) -> None:
    mentions = link_article(article(text, language=language), ctx)
    found = [m for m in mentions if name in m.text or m.text in name and len(m.text) > 5]
    assert found and all(m.entity_id == entity for m in found), mentions


def test_a_bracket_that_names_no_known_entity_changes_nothing(ctx) -> None:
    text = "PARIS – Le Comité national de vigilance citoyenne (CNVC) a appelé à manifester samedi."
    mentions = link_article(article(text, language="fr"), ctx)
    assert not any(m.rule.endswith(":glossed") for m in mentions)
