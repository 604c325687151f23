"""Winning a prize is told as its announcement, and the winner, the subject of "won the prize",
"remporte le prix", "ganha o Nobel", is its other side, as in the passive "was awarded"."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

MACHADO = "Q6017727"


@pytest.mark.parametrize("text", [
    "Venezuelan opposition leader María Corina Machado won the Nobel Peace Prize on Friday, the committee said in Oslo.",
    "L'opposante vénézuélienne María Corina Machado remporte le prix Nobel de la paix, a annoncé vendredi le comité à Oslo.",
    "Opositora venezuelana María Corina Machado ganha Nobel da Paz nesta sexta-feira em Oslo.",
    "La líder opositora María Corina Machado ganó el premio Nobel de la Paz, anunció el viernes el comité en Oslo.",
    "Die venezolanische Oppositionsführerin María Corina Machado erhält den Friedensnobelpreis, gab das Komitee in Oslo bekannt.",
    "La leader dell'opposizione venezuelana María Corina Machado ha vinto il premio Nobel per la pace.",
])
def test_the_winner_of_a_prize_is_the_other_side_of_its_announcement(text):
    told = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert told and {p.entity_id: p.role for p in told[0].participants}.get(MACHADO) == "target", told


def test_a_race_won_is_no_prize_announced():
    # "Grand Prix" is a race: a capitalised name, not the prize word of "remporte le prix".
    events = events_of("Max Verstappen remporte le Grand Prix de Monaco devant Charles Leclerc.")
    assert not [e for e in events if e.type == "STATEMENT"], events
