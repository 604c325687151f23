"""A speech given in or to an assembly has that assembly as its other side: "a speech in the
Knesset", "eine Rede vor dem US-Kongress", "выступил с обращением в Государственной думе". An
assembly named in what was said is no audience ("said the Knesset should approve the deal")."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

KNESSET, US_CONGRESS, STATE_DUMA = "Q12356", "Q11268", "Q183256"


def _speech(text: str):
    statements = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert statements, [(e.type, e.trigger) for e in events_of(text)]
    return statements[0]


@pytest.mark.parametrize("text, body", [
    ("The prime minister delivered a speech in the Knesset on Monday.", KNESSET),
    ("Der Premier hielt am Montag eine Rede vor der Knesset.", KNESSET),
    ("El primer ministro pronunció un discurso ante la Knéset el lunes.", KNESSET),
    ("Le Premier ministre a prononcé un discours devant la Knesset lundi.", KNESSET),
    ("Zelensky gave a speech before the US Congress on Wednesday.", US_CONGRESS),
    ("Selenskyj hielt am Mittwoch eine Rede vor dem US-Kongress.", US_CONGRESS),
    ("Президент выступил с обращением в Государственной думе.", STATE_DUMA),
])
def test_the_assembly_a_speech_is_given_to_takes_part(text, body):
    roles = {p.entity_id: p.role for p in _speech(text).participants}
    assert roles.get(body) == "target", roles


def test_a_speech_in_the_knesset_is_in_jerusalem():
    assert _speech("The prime minister delivered a speech in the Knesset on Monday.").place_id == "gn:281184"


@pytest.mark.parametrize("text", [
    "Netanyahu said the Knesset should approve the deal.",
    "Netanjahu sagte, die Knesset solle dem Abkommen zustimmen.",
])
def test_an_assembly_named_in_what_was_said_is_no_audience(text):
    assert KNESSET not in {p.entity_id for p in _speech(text).participants}
