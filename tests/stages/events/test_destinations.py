"""Where an act happened is not where something was sent or handed: "to Israel", "à Israël"
tell to whom; a visit and aid do happen where they go (modes.yaml destination_acts). A country
placed around the city a meeting is in is no party to it."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event, main_place


@pytest.mark.parametrize(("text", "event_type"), [
    ("Hamas handed over seven hostages to Israel on Monday.", "CONCEDE"),
    ("Le Hamas a remis lundi à Israël, par la Croix-Rouge, sept otages.", "CONCEDE"),
    ("Die Hamas übergab am Montag sieben Geiseln nach Israel.", "CONCEDE"),
])
def test_a_destination_does_not_place_a_handover(text: str, event_type: str) -> None:
    assert main_place(text, event_type) == ()


@pytest.mark.parametrize(("text", "event_type", "place"), [
    ("Hakan Fidan travelled to Moscow on Monday.", "CONSULT", "Moscow"),
    ("Erdogan sent aid to Gaza on Monday.", "AID", "Gaza"),
    ("Le ministre a rencontré lundi à Paris son homologue, Hakan Fidan.", "CONSULT", "Paris"),
    ("Il ministro ha incontrato lunedì a Roma il collega Hakan Fidan.", "CONSULT", "Rome"),
])
def test_a_visit_aid_and_a_city_after_a_are_placed(text: str, event_type: str, place: str) -> None:
    assert place in main_place(text, event_type)


def test_a_release_with_its_preposition_keeps_its_actors_in_arabic() -> None:
    # "أُفرج ... عن" (released ...): the verb's own "عن" is no "about" closing the clause.
    event = main_event("أُفرج صباح الاثنين عن سبع رهائن بعد عام قضوه محتجزين لدى حركة حماس في غزة.")
    assert event is not None and event.type == "CONCEDE" and "Q38799" in {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text", [
    "Penny Wong met Sugiono in Jakarta on Monday during her first trip to Indonesia as minister.",
    "Penny Wong traf am Montag in Jakarta Sugiono, auf ihrer ersten Reise nach Indonesien.",
    "Penny Wong a rencontré lundi à Jakarta Sugiono, lors de sa première visite en Indonésie.",
    "Penny Wong se reunió el lunes en Yakarta con Sugiono, en su primer viaje a Indonesia.",
])
def test_the_country_around_the_meeting_s_city_is_no_party(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.type == "CONSULT"
    parties = {p.entity_id for p in event.participants}
    assert "iso:ID" not in parties and "local:sugiono" in parties


def test_the_country_an_attack_strikes_stays_its_target() -> None:
    event = main_event("Un bombardement israélien a touché jeudi une maison à Saïda, dans le sud du Liban, faisant deux blessés.")
    assert event is not None and event.type == "ASSAULT"
    assert {"iso:IL", "iso:LB"} <= {p.entity_id for p in event.participants}


def test_about_still_closes_the_clause_of_a_verb_that_does_not_govern_it_in_arabic() -> None:
    event = main_event("تحدث وزير الخارجية المصري بدر عبد العاطي يوم الاثنين في القاهرة عن الوضع في السودان.")
    assert event is not None and "iso:SD" not in {p.entity_id for p in event.participants}
