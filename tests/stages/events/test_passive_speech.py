"""A speech act in the passive turns round as other acts do: in "X was awarded the prize" or
"X wurde ausgezeichnet" X is whom it was said of, the other side, and the agent, if any, is the
speaker. A name that only qualifies the subject ("Trump's plan was announced") keeps speaking."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

ABIY, TRUMP = "Q51963614", "Q22686"


def _roles(text: str) -> dict[str, str]:
    said = next((e for e in events_of(text) if e.type == "STATEMENT"), None)
    assert said is not None, [(e.type, e.trigger) for e in events_of(text)]
    return {p.entity_id: p.role for p in said.participants}


@pytest.mark.parametrize("text", [
    "Ethiopian Prime Minister Abiy Ahmed Ali was awarded the Nobel Peace Prize for the peace deal with Eritrea, the committee said.",
    "Abiy, the Ethiopian prime minister, was awarded the Nobel Peace Prize for making peace with Eritrea.",
    "Der äthiopische Regierungschef Abiy Ahmed Ali wurde ausgezeichnet, teilte das norwegische Komitee mit.",
    "Der Regierungschef Abiy ist ausgezeichnet worden, sagte die Vorsitzende des Komitees.",
    "Der äthiopische Regierungschef Abiy Ahmed Ali ist für den Frieden mit Eritrea mit dem Nobelpreis ausgezeichnet worden.",
    "Abiy Ahmed Ali, el primer ministro etíope, ha sido galardonado con el Nobel de la Paz por la paz con Eritrea.",
])
def test_the_subject_of_a_passive_speech_act_is_its_other_side(text):
    assert _roles(text).get(ABIY) == "target"


@pytest.mark.parametrize("text", [
    "Trump's peace plan was announced on Monday at the White House.",
    "Le plan de paix a été annoncé lundi par Donald Trump à la Maison Blanche.",
])
def test_a_name_qualifying_the_subject_or_the_agent_speaks(text):
    assert _roles(text) == {TRUMP: "source"}
