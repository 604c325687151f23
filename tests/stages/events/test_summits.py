"""Two heads of state or government who meet in person meet for their states: "Starmer met Macron"
is a meeting of the United Kingdom and France too, each state on its leader's side. A phone call,
a summit of many, a minister, or a leader not yet in office on the day adds no state."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.model import Participant, Role
from newstrace.stages.events.summits import with_states
from tests.stages.events.analysed import events_of

TITLES = frozenset({"head_of_state", "head_of_government"})


def _meeting(text: str) -> dict[str, str]:
    meeting = next((e for e in events_of(text) if e.type == "CONSULT"), None)
    assert meeting is not None, [(e.type, e.trigger) for e in events_of(text)]
    return {p.entity_id: p.role for p in meeting.participants}


@pytest.mark.parametrize(("text", "states"), [
    (" date 2026-03-04 Visit\n\nPrime Minister Keir Starmer met President Emmanuel Macron in London on Wednesday "
     "to discuss support for Ukraine.", {"iso:GB": "source", "iso:FR": "target"}),
    (" date 2026-03-04 Visite\n\nLe président Emmanuel Macron a reçu mercredi à l'Élysée le chancelier Friedrich Merz "
     "pour parler de défense européenne.", {"iso:FR": "source", "iso:DE": "target"}),
    (" date 2026-03-03 Visita\n\nEl presidente del Gobierno, Pedro Sánchez, se reunió el martes en Madrid con el "
     "presidente brasileño Lula para hablar de comercio.", {"iso:ES": "source", "iso:BR": "target"}),
    (" date 2026-03-02 Besuch\n\nBundeskanzler Friedrich Merz empfing am Montag in Berlin den polnischen "
     "Ministerpräsidenten Donald Tusk zu Gesprächen über die Grenze.", {"iso:DE": "source", "iso:PL": "target"}),
    (" date 2026-03-02 Переговоры\n\nВладимир Путин провёл в понедельник в Кремле переговоры с президентом "
     "Белоруссии Александром Лукашенко.", {"iso:RU": "source", "iso:BY": "target"}),
    (" date 2026-03-02 Görüşme\n\nCumhurbaşkanı Recep Tayyip Erdoğan, pazartesi günü Ankara'da Azerbaycan "
     "Cumhurbaşkanı İlham Aliyev ile bir araya geldi.", {"iso:TR": "source", "iso:AZ": "source"}),
])
def test_two_heads_who_meet_bring_their_states_on_their_sides(text, states):
    roles = _meeting(text)
    assert {state: roles.get(state) for state in states} == states, roles


@pytest.mark.parametrize("text", [
    # A call is the leaders' own.
    " date 2026-03-04 Call\n\nPresident Emmanuel Macron and Chancellor Friedrich Merz spoke by phone on Wednesday "
    "about Ukraine.",
    # A minister meets for his government, not as its head.
    " date 2026-03-04 Visit\n\nTurkish Foreign Minister Hakan Fidan met President Vladimir Putin in Moscow on Wednesday.",
    # At a summit of many, each leader is more than one side of two.
    " date 2026-03-04 Summit\n\nEmmanuel Macron, Friedrich Merz and Keir Starmer met Volodymyr Zelensky in Kyiv "
    "on Wednesday.",
    # Merz was not yet chancellor on the day.
    " date 2025-02-26 Dinner\n\nFriedrich Merz met President Emmanuel Macron in Paris on Wednesday.",
])
def test_no_state_where_two_heads_do_not_meet_in_person(text):
    assert not [entity for entity in _meeting(text) if entity.startswith("iso:")]


def _roles_of(held: dict[str, Role]):
    return lambda entity_id, day: [held[entity_id]] if entity_id in held and held[entity_id].held_on(day) else []


HEADS = {"A": Role("head_of_state", country="FR"), "B": Role("head_of_government", country="DE", start=date(2026, 1, 1))}
MET = [Participant("A", "source", 0.9), Participant("B", "target", 0.8)]


def test_a_state_takes_its_head_side_and_a_little_less_confidence():
    added = with_states(MET, True, date(2026, 3, 1), _roles_of(HEADS), TITLES)[2:]
    assert [(p.entity_id, p.role) for p in added] == [("iso:FR", "source"), ("iso:DE", "target")]
    assert all(p.confidence < 0.9 for p in added)


@pytest.mark.parametrize(("participants", "act", "day"), [
    (MET, False, date(2026, 3, 1)),  # not an act of states
    (MET, True, None),  # no day to read the roles on
    (MET, True, date(2025, 12, 1)),  # B not yet in office
    ([*MET, Participant("iso:UA", "target")], True, date(2026, 3, 1)),  # a third state is there already
])
def test_no_state_is_added(participants, act, day):
    assert with_states(participants, act, day, _roles_of(HEADS), TITLES) == participants


def test_a_state_already_named_is_not_added_twice():
    named = [*MET, Participant("iso:FR", "target", 0.7)]
    assert [p.entity_id for p in with_states(named, True, date(2026, 3, 1), _roles_of(HEADS), TITLES)] == [
        "A", "B", "iso:FR", "iso:DE"]
