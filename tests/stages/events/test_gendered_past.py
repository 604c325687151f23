"""Slavic past tenses agree with their subject: a state or a ministry written as a neuter noun
("Rusko", "министерство") does what a listed masculine or feminine form does, and a preposition
that heads a date ("во вторник", "we wtorek") leaves the name after the date the verb's object."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

NEUTER_SUBJECTS = [
    ("cs", "Útok\n\nPublikováno: 4. března 2026\n\nRusko v úterý napadlo Ukrajinu.", "ASSAULT", "iso:RU"),
    ("cs", "Prohlášení\n\nPublikováno: 4. března 2026\n\nNěmecko v úterý oznámilo nové sankce proti Íránu.",
     "SANCTION", "iso:DE"),
    ("sr", "Napad\n\nObjavljeno: 4. marta 2026.\n\nSrbija je u utorak saopštila da je Rusko napalo Ukrajinu.",
     "ASSAULT", "iso:RU"),
    ("ru", "Заявление\n\nОпубликовано: 4 марта 2026\n\nМинистерство обороны Украины во вторник объявило о начале учений.",
     "STATEMENT", None),
    ("uk", "Заява\n\nОпубліковано: 4 березня 2026\n\nМіністерство закордонних справ Польщі у вівторок оголосило про "
     "висилку російського дипломата.", None, None),
]


@pytest.mark.parametrize(("language", "text", "kind", "doer"), NEUTER_SUBJECTS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NEUTER_SUBJECTS)])
def test_a_neuter_subject_takes_the_verb_of_its_act(language, text, kind, doer):
    event = main_event(text)
    assert event is not None, text
    if kind is not None:
        assert event.type == kind
    if doer is not None:
        assert doer in [p.entity_id for p in event.participants if p.role == "source"]


DATE_PREPOSITIONS = [
    ("ru", "Удар\n\nОпубликовано: 4 марта 2026\n\nРоссия атаковала во вторник Украину.", "iso:RU", "iso:UA"),
    ("pl", "Atak\n\nOpublikowano: 4 marca 2026\n\nRosja zaatakowała we wtorek Ukrainę.", "iso:RU", "iso:UA"),
    ("pl", "Apel\n\nOpublikowano: 4 marca 2026\n\nPolska wezwała we wtorek Izrael do otwarcia przejść granicznych.",
     "iso:PL", "iso:IL"),
    ("cs", "Útok\n\nPublikováno: 4. března 2026\n\nRusko napadlo v úterý Ukrajinu.", "iso:RU", "iso:UA"),
]


@pytest.mark.parametrize(("language", "text", "doer", "target"), DATE_PREPOSITIONS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(DATE_PREPOSITIONS)])
def test_the_name_after_a_dated_preposition_is_the_object_not_the_place(language, text, doer, target):
    event = main_event(text)
    assert event is not None, text
    assert event.place_id != target
    roles = {p.entity_id: p.role for p in event.participants}
    assert roles.get(doer) == "source" and roles.get(target) == "target"


def test_a_place_after_the_date_is_still_the_place():
    event = main_event("Spotkanie\n\nOpublikowano: 4 marca 2026\n\n"
                       "Premier Polski spotkał się we wtorek w Kijowie z prezydentem Ukrainy.")
    assert event is not None and event.type == "CONSULT"
    assert event.place_id is not None and event.place_id.startswith("gn:")
