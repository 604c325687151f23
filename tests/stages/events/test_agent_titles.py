"""The agent of a passive: "by X" names the doer with titles between ("by French President X",
"par le président français X", "dal presidente francese X"), and only of its own verb: in
"rejected a plan announced by X", X announced the plan; the rejection is not X's."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

MACRON, KREMLIN, HAMAS, TRUMP = "Q3052772", "Q83188", "Q38799", "Q22686"


def _roles(event) -> dict[str, str]:
    return {p.entity_id: p.role for p in event.participants}


@pytest.mark.parametrize("text", [
    "The proposal was announced on Friday by French President Emmanuel Macron.",
    "La proposta è stata annunciata venerdì dal presidente francese Emmanuel Macron.",
])
def test_the_agent_after_a_title_is_the_speaker(text):
    statements = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert statements and _roles(statements[0]) == {MACRON: "source"}, events_of(text)


@pytest.mark.parametrize("text, doer, other", [
    ("The Kremlin dismissed a plan announced on Friday by French President Emmanuel Macron.", KREMLIN, MACRON),
    ("Il Cremlino ha respinto il piano annunciato venerdì dal presidente francese Emmanuel Macron.", KREMLIN, MACRON),
    ("El Kremlin rechazó el plan anunciado el viernes por el presidente francés Emmanuel Macron.", KREMLIN, MACRON),
    ("Die Hamas lehnte einen Plan ab, der im September von US-Präsident Donald Trump vorgestellt worden war.",
     HAMAS, TRUMP),
])
def test_the_agent_of_a_participle_is_not_the_main_verbs_doer(text, doer, other):
    rejection = next(e for e in events_of(text) if e.type == "REJECT")
    roles = _roles(rejection)
    assert roles.get(doer) == "source" and roles.get(other) != "source", roles


@pytest.mark.parametrize("text", [
    "The hospital was attacked early on Monday by Israeli forces.",
    "Das Krankenhaus wurde am Montag von israelischen Truppen angegriffen.",
])
def test_a_passive_attack_keeps_its_agent(text):
    attack = next(e for e in events_of(text) if e.type == "ASSAULT")
    assert "source" in _roles(attack).values(), attack.participants
