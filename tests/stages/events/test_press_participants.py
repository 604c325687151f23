"""Places of main events in the wording of real press, linked and extracted end to end."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.model import DateValue
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from tests.factories import article

MOSCOW, PARIS, NEW_DELHI, WASHINGTON, BUSAN = "gn:524901", "gn:2988507", "gn:1261481", "gn:4140963", "gn:1838524"
ON = DateValue.of_day(date(2025, 6, 3), "meta")


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(use_spacy=False)


def main_event(ctx, text: str, language: str):
    item = article(text, language=language, published=ON)
    events = extract_events(item, link_article(item, ctx), ctx)
    return next(e for e in events if e.main)


def place_name(ctx, event) -> str | None:
    entity = ctx.kb.get(event.place_id) if event.place_id else None
    return entity.canonical_name if entity else None


@pytest.mark.parametrize(("text", "language"), [
    # The lede places the talks in the country; the article says further on which city.
    ("In Russland ist Präsident Putin am Dienstag mit Xi Jinping zusammengekommen.\n\n"
     "Xi war am Montag nach Moskau gereist und bleibt bis Freitag.", "de"),
    ("En Rusia, el presidente Putin se reunió el martes con Xi Jinping.\n\n"
     "Xi se encuentra desde el lunes en Moscú para una visita de tres días.", "es"),
    ("En Russie, le président Poutine a rencontré mardi Xi Jinping.\n\n"
     "Xi est arrivé lundi à Moscou pour une visite de trois jours.", "fr"),
])
def test_a_country_gives_way_to_the_one_city_the_article_locates_in_it(ctx, text, language):
    assert main_event(ctx, text, language).place_id == MOSCOW


def test_two_cities_of_the_country_leave_the_country(ctx):
    text = ("In Russland ist Präsident Putin am Dienstag mit Xi Jinping zusammengekommen.\n\n"
            "Xi war zuvor in Sankt Petersburg und reist danach nach Moskau.")
    assert main_event(ctx, text, "de").place_id == "iso:RU"


@pytest.mark.parametrize(("text", "language", "place"), [
    # A place opening the text, then a colon: a dateline, in capitals or not.
    ("New Delhi: Prime Minister Narendra Modi met Emmanuel Macron on Tuesday.", "en", NEW_DELHI),
    ("PARIS: Emmanuel Macron a rencontré mardi Narendra Modi.", "fr", PARIS),
    ("Moskau: Präsident Putin hat am Dienstag Xi Jinping getroffen.", "de", MOSCOW),
])
def test_a_place_and_a_colon_opening_the_text_are_a_dateline(ctx, text, language, place):
    assert main_event(ctx, text, language).place_id == place


@pytest.mark.parametrize(("text", "language"), [
    ("WASHINGTON: The United States military struck a vessel off Venezuela on Tuesday, killing 11.", "en"),
    ("WASHINGTON: El ejército de Estados Unidos atacó el martes una embarcación de Venezuela.", "es"),
])
def test_an_attack_is_not_where_its_colon_dateline_is(ctx, text, language):
    assert main_event(ctx, text, language).place_id != WASHINGTON


@pytest.mark.parametrize(("text", "language", "doer"), [
    # A dateline closed by a bar after the agency's short name: the country after it acts.
    ("Washington afp | US-Streitkräfte haben am Dienstag ein Boot vor Venezuela beschossen.", "de", "iso:US"),
    ("Washington dpa | Die USA haben am Dienstag ein Boot vor Venezuela angegriffen.", "de", "iso:US"),
    ("Washington efe | Estados Unidos atacó el martes una embarcación de Venezuela.", "es", "iso:US"),
])
def test_a_dateline_closed_by_a_bar_is_no_place_and_hides_no_doer(ctx, text, language, doer):
    event = main_event(ctx, text, language)
    assert event.type == "ASSAULT" and event.place_id != WASHINGTON
    assert doer in {p.entity_id for p in event.participants}


@pytest.mark.parametrize(("text", "language"), [
    # A country in brackets after the city glosses it, as datelines do: it takes no part.
    ("BUSAN (South Korea) — Donald Trump met Xi Jinping on Thursday in Busan.", "en"),
    ("BUSAN (Corea del Sur) — Donald Trump se reunió el jueves con Xi Jinping en Busan.", "es"),
    ("【釜山（韓国南部）＝共同】トランプ大統領と習近平国家主席は３０日、釜山で会談した。", "ja"),
])
def test_a_country_in_brackets_after_a_city_is_no_participant(ctx, text, language):
    event = main_event(ctx, text, language)
    assert "iso:KR" not in {p.entity_id for p in event.participants}
    assert event.place_id == BUSAN
