"""Cutting relations is a sanction (PLOVER SANCTION): downgrading or breaking off diplomatic ties,
expelling diplomats, recalling an ambassador, suspending a treaty, closing an airspace; the state
that does it is the source, the state it is done to the target."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of


@pytest.mark.parametrize(("text", "source", "target"), [
    (" date 2026-06-03 Ties\n\nAlgeria on Tuesday downgraded diplomatic ties with Morocco and recalled its "
     "ambassador from Rabat.", "iso:DZ", "iso:MA"),
    (" date 2026-06-03 Liens\n\nL'Algérie a rompu ses relations diplomatiques avec le Maroc mardi, a annoncé le "
     "ministère des Affaires étrangères.", "iso:DZ", "iso:MA"),
    (" date 2026-06-03 Relaciones\n\nArgentina rompió relaciones diplomáticas con Venezuela el martes tras la "
     "crisis electoral.", "iso:AR", "iso:VE"),
    (" date 2026-06-03 Relazioni\n\nL'Algeria ha rotto le relazioni diplomatiche con il Marocco martedì.",
     "iso:DZ", "iso:MA"),
    (" date 2026-06-03 Relações\n\nO Brasil expulsou o embaixador da Nicarágua na terça-feira, informou o "
     "Itamaraty.", "iso:BR", "iso:NI"),
    (" date 2026-06-03 Diplomaten\n\nLitauen hat am Dienstag vier russische Diplomaten ausgewiesen.",
     "iso:LT", "iso:RU"),
])
def test_cutting_relations_is_a_sanction_of_one_state_on_another(text, source, target):
    sanction = next((e for e in events_of(text) if e.type == "SANCTION"), None)
    assert sanction is not None, [(e.type, e.trigger) for e in events_of(text)]
    roles = {p.entity_id: p.role for p in sanction.participants}
    assert (roles.get(source), roles.get(target)) == ("source", "target"), roles
