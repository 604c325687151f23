"""Officials act for their states: two heads of state or government who meet in person meet for
their states ("Starmer met Macron" is a meeting of the United Kingdom and France too), and a
state's army or ministry struck by another state brings its state in, each state on its official's
side. A phone call, a summit of many, a minister, an armed group, or a leader not yet in office on
the day adds no state."""

from __future__ import annotations

import pytest

from newstrace.model import Entity, Participant, Role
from newstrace.stages.events.states import state_of, with_states
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


def test_a_report_with_no_date_reads_the_roles_held_now():
    roles = _meeting("US President Donald Trump met Chinese President Xi Jinping in Busan, South Korea, "
                     "to discuss trade and tariffs.")
    assert (roles.get("iso:US"), roles.get("iso:CN")) == ("source", "target"), roles


@pytest.mark.parametrize("text", [
    # A call is the leaders' own.
    " date 2026-03-04 Call\n\nPresident Emmanuel Macron and Chancellor Friedrich Merz spoke by phone on Wednesday "
    "about Ukraine.",
    # A minister meets for his government, not as its head.
    " date 2026-03-04 Visit\n\nTurkish Foreign Minister Hakan Fidan met President Vladimir Putin in Moscow on Wednesday.",
    # At a summit of many, each leader is more than one side of two.
    " date 2026-03-04 Summit\n\nEmmanuel Macron, Friedrich Merz and Keir Starmer met Volodymyr Zelensky in Kyiv "
    "on Wednesday.",
    # The President of the European Commission takes part for no state.
    " date 2026-03-04 Summit\n\nEmmanuel Macron met Volodymyr Zelensky and Ursula von der Leyen in Paris on Wednesday.",
    # Merz was not yet chancellor on the day.
    " date 2025-02-26 Dinner\n\nFriedrich Merz met President Emmanuel Macron in Paris on Wednesday.",
])
def test_no_state_where_two_heads_do_not_meet_in_person(text):
    assert not [entity for entity in _meeting(text) if entity.startswith("iso:")]


@pytest.mark.parametrize(("text", "states"), [
    (" date 2026-05-07 Strikes\n\nIsraeli drones struck the Syrian defence ministry in Damascus on Wednesday.",
     {"iso:IL": "source", "iso:SY": "target"}),
    (" date 2026-05-07 Frappes\n\nL'armée israélienne a frappé mercredi le ministère syrien de la Défense à Damas.",
     {"iso:SY": "target"}),
    (" date 2026-05-07 Angriff\n\nDie israelische Armee griff am Mittwoch das syrische Verteidigungsministerium in "
     "Damaskus an.", {"iso:IL": "source", "iso:SY": "target"}),
])
def test_an_organ_of_a_state_struck_by_another_state_brings_its_state(text, states):
    attack = next(e for e in events_of(text) if e.type == "ASSAULT")
    roles = {p.entity_id: p.role for p in attack.participants}
    assert {state: roles.get(state) for state in states} == states, roles


@pytest.mark.parametrize("text", [
    " date 2026-05-07 Strikes\n\nHezbollah fired rockets at Israeli army positions on Wednesday.",
    " date 2026-05-07 Strikes\n\nThe Rapid Support Forces attacked the Sudanese army in El Fasher on Wednesday.",
])
def test_an_armed_group_acts_for_no_state(text):
    attack = next(e for e in events_of(text) if e.type == "ASSAULT")
    assert [p.entity_id for p in attack.participants if p.entity_id.startswith("iso:")] in ([], ["iso:IL"]), attack


STATES = {"A": "iso:FR", "B": "iso:DE", "C": "iso:UA", "iso:FR": "iso:FR"}
MET = [Participant("A", "source", 0.9), Participant("B", "target", 0.8)]


def test_a_state_takes_its_official_side_and_a_little_less_confidence():
    added = with_states(MET, True, STATES.get)[2:]
    assert [(p.entity_id, p.role) for p in added] == [("iso:FR", "source"), ("iso:DE", "target")]
    assert [p.confidence < official.confidence for p, official in zip(added, MET)] == [True, True]


@pytest.mark.parametrize(("participants", "act"), [
    (MET, False),  # not an act of states
    (MET[:1], True),  # one state meets none
    ([*MET, Participant("C", "target")], True),  # three states
    ([Participant("A", "source"), Participant("X", "target")], True),  # X acts for no state
    ([*MET, Participant("X", "target")], True),  # two states, and a body of no state's
])
def test_no_state_is_added(participants, act):
    assert with_states(participants, act, STATES.get) == participants


def test_a_state_already_named_is_not_added_twice():
    named = [*MET, Participant("iso:FR", "target", 0.7)]
    assert [p.entity_id for p in with_states(named, True, STATES.get)] == ["A", "B", "iso:FR", "iso:DE"]


@pytest.mark.parametrize(("entity", "roles", "state"), [
    (Entity("iso:FR", "country", "France", country="FR"), (), "iso:FR"),
    (Entity("Q1", "org", "Indian Army", subtype="military", country="IN"), (), "iso:IN"),
    (Entity("Q2", "org", "Hezbollah", subtype="armed_group", country="LB"), (), None),
    (Entity("Q3", "person", "A president"), (Role("head_of_state", country="BR"),), "iso:BR"),
    (Entity("Q4", "person", "A minister"), (Role("foreign_minister", country="BR"),), None),
    (None, (), None),
])
def test_whom_an_actor_acts_for(entity, roles, state):
    assert state_of(entity, roles, TITLES, frozenset({"military", "government_agency"})) == state
