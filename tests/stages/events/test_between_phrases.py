"""A noun trigger's own "between" phrase names its sides however long the titles in it are: "talks
between the foreign ministers of Iran and Saudi Arabia were held" (lexicon key `between`)."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

IRAN, SAUDI = "iso:IR", "iso:SA"

HELD = [
    "Talks\n\nPublished: 5 June 2025\n\nTalks between the foreign ministers of Iran and Saudi Arabia "
    "were held in Riyadh on Tuesday.",
    "Pourparlers\n\nPublié le 5 juin 2025\n\nDes pourparlers entre les ministres des Affaires étrangères "
    "de l'Iran et de l'Arabie saoudite se sont tenus mardi à Riyad.",
    "Gespräche\n\nVeröffentlicht: 5. Juni 2025\n\nGespräche zwischen den Außenministern Irans und "
    "Saudi-Arabiens fanden am Dienstag in Riad statt.",
    "Conversas\n\nPublicado em 5 de junho de 2025\n\nAs conversas entre os chanceleres do Irã e da "
    "Arábia Saudita foram realizadas na terça-feira em Riad.",
    "محادثات\n\n5 يونيو 2025\n\nعقدت محادثات بين وزيري خارجية إيران والسعودية يوم الثلاثاء في الرياض.",
]


@pytest.mark.parametrize("text", HELD)
def test_the_sides_of_talks_held_are_named_in_their_between_phrase(text):
    event = main_event(text)
    assert event is not None and (event.type, event.mode) == ("CONSULT", "talks")
    assert {IRAN, SAUDI} <= {p.entity_id for p in event.participants}
