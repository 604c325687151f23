"""Handing captives over is releasing them: "verb … object" lexicon phrases ("a remis … otages")
make the verb the trigger where the object follows it later in the clause."""

from __future__ import annotations

import re

import pytest

from newstrace.stages.events.phrases import phrase_regex
from tests.stages.events.analysed import CTX, main_event


def test_the_object_is_looked_for_but_not_matched():
    pattern = re.compile(phrase_regex("a remis … otages"), re.IGNORECASE)
    match = pattern.search("Le groupe a remis jeudi, par un intermédiaire, les trois otages.")
    assert match is not None and match.group() == "a remis"
    assert pattern.search("Le ministre a remis sa démission. Les otages restent captifs.") is None


@pytest.mark.parametrize("text", [
    "Hamas handed over seven hostages to the Red Cross in Gaza on Monday.",
    "Le Hamas a remis lundi, par le biais de la Croix-Rouge, sept otages.",
    "Hamas entregó el lunes a la Cruz Roja a los siete rehenes.",
    "Die Hamas übergab am Montag dem Roten Kreuz sieben Geiseln.",
    "Hamas ha consegnato lunedì sette ostaggi alla Croce Rossa.",
])
def test_a_handover_of_captives_is_a_release_by_the_one_holding_them(text):
    event = main_event(text)
    assert event is not None and event.type == "CONCEDE"
    sources = {CTX.kb.get(p.entity_id).canonical_name for p in event.participants if p.role == "source"}
    assert sources == {"Hamas"}


@pytest.mark.parametrize("text", [
    "Le ministre a remis sa démission au président lundi.",
    "Hamas handed over a list of names to the mediators on Monday.",
])
def test_other_handovers_are_no_release(text):
    event = main_event(text)
    assert event is None or event.type != "CONCEDE"
