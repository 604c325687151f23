"""Verb-second languages: a light verb before an inverted subject still carries its noun."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event


@pytest.mark.parametrize(("text", "mode"), [
    ("Telefonat im Handelsstreit\n\nBERLIN – Nach wochenlangem Streit über Zölle führten Bundeskanzler "
     "Friedrich Merz und der französische Präsident Emmanuel Macron am Dienstag, dem 3. März 2026, ein "
     "langes Telefongespräch.", "phone_call"),
    ("Gesprek over de handel\n\nDEN HAAG – Na weken van onenigheid over tarieven voerden de Franse president "
     "Emmanuel Macron en bondskanselier Friedrich Merz op dinsdag 3 maart 2026 een lang telefoongesprek.",
     "phone_call"),
])
def test_light_verb_before_an_inverted_subject_reports_the_noun(text: str, mode: str) -> None:
    event = main_event(text)
    assert event is not None and (event.type, event.mode) == ("CONSULT", mode), event
    assert {p.entity_id for p in event.participants} >= {"Q90795", "Q3052772"}
    assert event.date.day is not None and event.date.day.isoformat() == "2026-03-03"
    assert event.place_id is None  # a call has no one place, whatever the dateline says
