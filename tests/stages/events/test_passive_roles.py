"""A passive turns the roles round: in "three Israeli soldiers were killed (by Hamas)" the
subject is whom the attack was done to, and the agent, where one is named, did it. An active
verb keeps its subject as the doer, and so does one only a modal or a perfect stands before
("Hamas was believed to have attacked Israel")."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

ISRAEL, HAMAS = "iso:IL", "Q38799"


def _attack_roles(text: str) -> dict[str, str]:
    attack = next((e for e in events_of(text) if e.type == "ASSAULT"), None)
    assert attack is not None, [(e.type, e.trigger) for e in events_of(text)]
    return {p.entity_id: p.role for p in attack.participants}


@pytest.mark.parametrize("text", [
    "Three Israeli soldiers were killed in Gaza on Monday.",
    "Tre soldati israeliani sono stati uccisi lunedì a Gaza.",
    "Tres soldados israelíes fueron abatidos el lunes en Gaza.",
    "Três soldados israelenses foram mortos na segunda-feira em Gaza.",
    "Drei israelische Soldaten wurden am Montag in Gaza getötet.",
    "Три израильских солдата были убиты в Газе.",
])
def test_the_subject_of_a_passive_is_the_target(text):
    assert _attack_roles(text) == {ISRAEL: "target"}


@pytest.mark.parametrize("text", [
    "Three Israeli soldiers were killed by Hamas fighters in Gaza.",
    "Trois soldats israéliens ont été tués lundi à Gaza par le Hamas.",
    "Drei israelische Soldaten wurden am Montag in Gaza von der Hamas getötet.",
    "Drie Israëlische soldaten werden maandag in Gaza door Hamas gedood.",
])
def test_the_agent_of_a_passive_is_the_doer(text):
    assert _attack_roles(text) == {HAMAS: "source", ISRAEL: "target"}


@pytest.mark.parametrize("text", [
    "Hamas was believed to have attacked Israel.",
    "Israel attacked Gaza on Monday.",
])
def test_an_active_verb_keeps_its_subject_as_the_doer(text):
    roles = _attack_roles(text)
    assert "source" in roles.values() and roles.get(ISRAEL if text.startswith("Israel") else HAMAS) == "source"
