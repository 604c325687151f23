"""A speech act in the passive turns round as other acts do: in "X was awarded the prize" or
"X wurde ausgezeichnet" X is whom it was said of, the other side, and the agent, if any, is the
speaker. A name that only qualifies the subject ("Trump's plan was announced") keeps speaking."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

MACHADO, TRUMP = "Q6017727", "Q22686"


def _roles(text: str) -> dict[str, str]:
    said = next((e for e in events_of(text) if e.type == "STATEMENT"), None)
    assert said is not None, [(e.type, e.trigger) for e in events_of(text)]
    return {p.entity_id: p.role for p in said.participants}


@pytest.mark.parametrize("text", [
    "Venezuelan opposition leader María Corina Machado was awarded the Nobel Peace Prize on Friday, the committee in Oslo said.",
    "Machado, the Venezuelan opposition leader, was awarded the Nobel Peace Prize on Friday in Oslo.",
    "Die Oppositionsführerin María Corina Machado wurde ausgezeichnet, teilte das Komitee am Freitag in Oslo mit.",
    "Die Oppositionsführerin Machado ist ausgezeichnet worden, sagte der Vorsitzende des Komitees in Oslo.",
    "Die Oppositionsführerin María Corina Machado ist mit dem Friedensnobelpreis ausgezeichnet worden.",
    "María Corina Machado, la líder opositora venezolana, ha sido galardonada con el Nobel de la Paz este viernes en Oslo.",
])
def test_the_subject_of_a_passive_speech_act_is_its_other_side(text):
    assert _roles(text).get(MACHADO) == "target"


@pytest.mark.parametrize("text", [
    "Trump's peace plan was announced on Monday at the White House.",
    "Le plan de paix a été annoncé lundi par Donald Trump à la Maison Blanche.",
])
def test_a_name_qualifying_the_subject_or_the_agent_speaks(text):
    assert _roles(text) == {TRUMP: "source"}
