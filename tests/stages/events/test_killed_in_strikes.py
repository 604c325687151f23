"""The commonest casualty report: "N people were killed in Israeli strikes on X, officials said".

Whose strikes they were is who did the killing, and with the killing told by its own verb the
strikes are no object of the speech verb: the report is an attack by that side, in X. A noun a
verb of another type governs stays that verb's object ("condemned the Israeli strike")."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

KHAN_YOUNIS, KHARKIV = "gn:281124", "gn:706483"


@pytest.mark.parametrize("text, doer, place", [
    ("At least 30 people were killed in Israeli strikes on Khan Younis.", "iso:IL", KHAN_YOUNIS),
    ("At least 30 people were killed in Israeli strikes on Khan Younis, Gaza's civil defence agency said.",
     "iso:IL", KHAN_YOUNIS),
    ("Al menos treinta personas murieron en ataques israelíes contra Jan Yunis.", "iso:IL", KHAN_YOUNIS),
    ("Mindestens zwölf Menschen wurden bei russischen Angriffen auf Charkiw getötet, teilte der Bürgermeister mit.",
     "iso:RU", KHARKIV),
])
def test_killed_in_a_sides_strikes_is_that_sides_attack(text, doer, place):
    attacks = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert attacks, [(e.type, e.participants) for e in events_of(text)]
    assert doer in {p.entity_id for p in attacks[0].participants if p.role == "source"}
    assert attacks[0].place_id == place


@pytest.mark.parametrize("text", [
    "Turkey condemned the Israeli strike on Khan Younis.",
    "Die Türkei hat den israelischen Angriff auf Khan Younis scharf verurteilt.",
])
def test_a_strike_condemned_in_the_same_clause_is_the_condemnations_object(text):
    events = events_of(text)
    assert [e.type for e in events] == ["ACCUSE"]
    assert {p.entity_id for p in events[0].participants} == {"iso:TR", "iso:IL"}
