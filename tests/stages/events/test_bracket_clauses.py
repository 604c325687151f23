"""German and Dutch put a perfect's participle at the end of the clause and its finite auxiliary
second: "Russland hat in der Nacht die Ukraine angegriffen". The subject stands before the
auxiliary, or right after it when another phrase opens the clause; what stands between the
auxiliary and the participle is the object, the other side. In a clause the verb ends ("nachdem
Russland die Ukraine angegriffen hatte") the first actor is the subject."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of


def _roles(text: str, event_type: str) -> dict[str, str]:
    event = next((e for e in events_of(text) if e.type == event_type), None)
    assert event is not None, [(e.type, e.trigger) for e in events_of(text)]
    return {p.entity_id: p.role for p in event.participants}


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    ("Russland hat in der Nacht die Ukraine mit Drohnen angegriffen.", "ASSAULT", "iso:RU", "iso:UA"),
    ("In der Nacht hat Russland die Ukraine mit Drohnen angegriffen.", "ASSAULT", "iso:RU", "iso:UA"),
    ("Israel hat am Montag Ziele der Hisbollah im Süden des Libanon angegriffen.", "ASSAULT", "iso:IL", "Q41053"),
    ("Bundeskanzler Merz hat Präsident Macron am Mittwoch in Paris getroffen.", "CONSULT", "Q90795", "Q3052772"),
    ("Rusland heeft Oekraïne in de nacht met drones aangevallen.", "ASSAULT", "iso:RU", "iso:UA"),
    # A clause the verb ends: its first actor is the subject.
    ("Die Lage eskalierte, nachdem Russland die Ukraine in der Nacht angegriffen hatte.", "ASSAULT", "iso:RU", "iso:UA"),
    ("Es heißt, dass Merz Macron am Mittwoch in Paris getroffen hat.", "CONSULT", "Q90795", "Q3052772"),
    ("Het conflict escaleerde nadat Rusland Oekraïne had aangevallen.", "ASSAULT", "iso:RU", "iso:UA"),
])
def test_the_object_inside_the_bracket_is_the_other_side(text, event_type, source, target):
    roles = _roles(text, event_type)
    assert (roles.get(source), roles.get(target)) == ("source", "target"), roles


@pytest.mark.parametrize("text", [
    "Merz und Macron haben sich am Mittwoch in Paris getroffen.",
    "Bundeskanzler Merz und Präsident Macron haben am Mittwoch in Paris beraten und sich getroffen.",
])
def test_subjects_before_the_auxiliary_all_act(text):
    roles = _roles(text, "CONSULT")
    assert (roles.get("Q90795"), roles.get("Q3052772")) == ("source", "source"), roles


def test_subjects_joined_by_a_conjunction_all_act_in_a_clause_the_verb_ends():
    roles = _roles("Berlin reagierte, nachdem Russland und Belarus die Ukraine angegriffen hatten.", "ASSAULT")
    assert (roles.get("iso:RU"), roles.get("iso:BY"), roles.get("iso:UA")) == ("source", "source", "target"), roles


def test_a_passive_bracket_still_turns_round():
    roles = _roles("Die Ukraine ist in der Nacht von Russland angegriffen worden.", "ASSAULT")
    assert (roles.get("iso:RU"), roles.get("iso:UA")) == ("source", "target"), roles
