"""Doers a report does not name ("gunmen") as one knowledge-base entity, and small towns linked
only inside a place phrase."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.ids import UNNAMED_DOERS
from newstrace.stages.entities.linking import link_article
from tests.factories import article

PAHALGAM, QUETTA = "gn:1260880", "gn:1167528"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(use_spacy=False)


def linked(ctx, text: str, language: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.entity_id) for m in link_article(article(text, language=language), ctx)]


@pytest.mark.parametrize(("language", "text", "words"), [
    ("en", "Unidentified gunmen stormed a market near the border on Sunday.", "gunmen"),
    ("de", "Bewaffnete überfielen am Sonntag einen Markt nahe der Grenze.", "Bewaffnete"),
    ("fr", "Dimanche, des hommes armés ont attaqué un marché près de la frontière.", "hommes armés"),
    ("es", "El domingo, hombres armados asaltaron un mercado cerca de la frontera.", "hombres armados"),
    ("it", "Domenica uomini armati hanno assaltato un mercato vicino al confine.", "uomini armati"),
    ("ru", "В воскресенье боевиков заметили у рынка возле границы.", "боевиков"),
    ("tr", "Pazar günü militanlar sınır yakınındaki bir pazara saldırdı.", "militanlar"),
    ("ar", "هاجم مسلحون سوقا قرب الحدود يوم الأحد.", "مسلحون"),
])
def test_words_for_unnamed_doers_link_to_one_entity(ctx, language, text, words):
    found = [(surface, kind) for surface, kind, entity_id in linked(ctx, text, language) if entity_id == UNNAMED_DOERS]
    assert found == [(words, "org")]


def test_the_unnamed_doers_have_a_readable_name(ctx):
    entity = ctx.kb.get(UNNAMED_DOERS)
    assert entity is not None and entity.kind == "org" and entity.canonical_name == "unidentified attackers"


def test_a_named_group_beside_the_word_stays_the_group(ctx):
    found = linked(ctx, "Hamas militants fired rockets on Sunday.", "en")
    assert ("Hamas", "org", "Q38799") in found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Soldiers patrolled the streets in Pahalgam on Monday."),
    ("en", "The convoy was stopped near Pahalgam on Monday."),
    ("de", "Soldaten patrouillierten am Montag in der Stadt Pahalgam."),
    ("fr", "Des soldats patrouillaient lundi à Pahalgam."),
    ("en", "Soldiers patrolled the valley around Pahalgam, India, on Monday."),
])
def test_a_small_town_links_inside_a_place_phrase(ctx, language, text):
    assert ("Pahalgam", "place", PAHALGAM) in linked(ctx, text, language)


def test_a_small_town_written_bare_is_no_link(ctx):
    found = linked(ctx, "Officials told Pahalgam hoteliers to close for a week.", "en")
    assert not any(entity_id == PAHALGAM for _, _, entity_id in found)


def test_a_town_whose_name_is_a_common_word_is_the_word(ctx):
    # Post, Texas has some 5,000 inhabitants; "post" is an English word.
    found = linked(ctx, "Militants attacked the army in Post on Monday.", "en")
    assert not any(ctx.kb.get(entity_id) is not None and ctx.kb.get(entity_id).subtype == "town"
                   for _, _, entity_id in found if entity_id)


def test_a_city_keeps_linking_bare(ctx):
    assert ("Quetta", "place", QUETTA) in linked(ctx, "Officials told Quetta hoteliers to close for a week.", "en")


def test_a_town_that_ends_a_longer_name_is_no_town(ctx):
    # Oriente (Brazil) is a town; "Medio Oriente" is the Middle East.
    found = linked(ctx, "Il ministro ha parlato della pace in Medio Oriente lunedì.", "it")
    assert not any(ctx.kb.get(entity_id) is not None and ctx.kb.get(entity_id).subtype == "town"
                   for _, _, entity_id in found if entity_id)
