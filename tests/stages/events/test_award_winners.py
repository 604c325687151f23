"""Winning a prize is told as its announcement, and the winner, the subject of "won the prize",
"remporte le prix", "ganha o Nobel", is its other side, as in the passive "was awarded"."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

ABIY = "Q51963614"


@pytest.mark.parametrize("text", [
    "Ethiopian Prime Minister Abiy Ahmed Ali won the Nobel Peace Prize for ending the border war with Eritrea.",
    "Le Premier ministre éthiopien Abiy Ahmed Ali a remporté le prix Nobel de la paix 2019 pour la réconciliation avec l'Érythrée.",
    "O primeiro-ministro etíope Abiy Ahmed Ali ganha o Nobel da Paz pela reconciliação com a Eritreia.",
    "El primer ministro etíope Abiy Ahmed Ali ganó el premio Nobel de la Paz por la paz con Eritrea, informó el comité noruego.",
    "Der äthiopische Regierungschef Abiy Ahmed Ali erhält den Friedensnobelpreis für die Aussöhnung mit Eritrea.",
    "Il primo ministro etiope Abiy Ahmed Ali ha vinto il premio Nobel per la pace per l'accordo con l'Eritrea.",
])
def test_the_winner_of_a_prize_is_the_other_side_of_its_announcement(text):
    told = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert told and {p.entity_id: p.role for p in told[0].participants}.get(ABIY) == "target", told


def test_a_race_won_is_no_prize_announced():
    # "Grand Prix" is a race: a capitalised name, not the prize word of "remporte le prix".
    events = events_of("Max Verstappen remporte le Grand Prix de Monaco devant Charles Leclerc.")
    assert not [e for e in events if e.type == "STATEMENT"], events
