"""The same report twice: same-language copies and cross-language renderings."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.stages.resolution.duplicates import find_copies, find_translations, source_roots
from tests.factories import article, day

EN = ("The foreign ministers of Egypt and Jordan met in Cairo on Tuesday to discuss the reopening of the border "
      "crossing. They agreed to send a joint convoy of medical supplies next week. Both ministers called for an "
      "immediate halt to the fighting. The talks lasted three hours, officials said.")
FR = ("Les ministres des Affaires étrangères d'Égypte et de Jordanie se sont réunis mardi au Caire pour discuter de "
      "la réouverture du point de passage. Ils sont convenus d'envoyer la semaine prochaine un convoi commun de "
      "fournitures médicales. Les deux ministres ont appelé à un arrêt immédiat des combats. Les discussions ont "
      "duré trois heures, selon des responsables.")
OTHER_FR = ("Le match de football s'est terminé sur un score nul au stade de la ville. Les supporters ont chanté "
            "jusqu'à la fin. L'entraîneur a salué l'engagement de ses joueurs. La prochaine rencontre aura lieu "
            "dimanche prochain à domicile.")


def test_a_lightly_edited_copy_in_the_same_language_is_found():
    a = article(EN, name="a.txt", published=day("2026-03-03"))
    b = article(EN.replace("officials said", "officials told reporters"), name="b.txt", published=day("2026-03-04"))
    reports = find_copies([a, b, article(OTHER_FR, name="c.txt", language="fr")])
    assert [(r.article_id, r.duplicate_of, r.kind) for r in reports] == [(b.id, a.id, "copy")]


@pytest.fixture(scope="module")
def encoder():
    return Context(use_spacy=False).encoder


def test_a_translation_is_found_and_a_different_story_is_not(encoder):
    en = article(EN, name="en.txt")
    fr = article(FR, name="fr.txt", language="fr")
    other = article(OTHER_FR, name="o.txt", language="fr")
    found = find_translations([en, fr, other], [(en.id, fr.id), (en.id, other.id)], encoder)
    assert len(found) == 1 and found[0].kind == "translation"
    assert {found[0].article_id, found[0].duplicate_of} == {en.id, fr.id}


def test_chains_of_repeats_lead_to_the_independent_source():
    from newstrace.model import DuplicateReport
    roots = source_roots([DuplicateReport("c", "b", "copy", 1.0), DuplicateReport("b", "a", "translation", 0.8)])
    assert roots == {"c": "a", "b": "a"}
