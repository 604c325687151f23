"""Heads speak for their organisations: a statement the head of the speaking organisation makes in
the lede is the organisation's statement, and the head a side of it (stages/events/heads.py)."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

RSF, DAGALO, GUTERRES = "Q16984133", "Q64013425", "Q311440"

LEDES = [
    ("Truce\n\nPublished: 25 November 2025\n\nThe Rapid Support Forces announced on Monday a three-month "
     "humanitarian truce.\n\nRSF commander Mohamed Hamdan Dagalo said in a written statement that his forces "
     "would stop all hostilities."),
    ("Trêve\n\nPublié le 25 novembre 2025\n\nLes Forces de soutien rapide ont annoncé lundi une trêve humanitaire "
     "de trois mois.\n\nLeur chef, Mohamed Hamdan Daglo, a déclaré dans un communiqué que ses troupes cesseraient "
     "les combats."),
    ("Ateşkes\n\nYayınlanma: 25 Kasım 2025\n\nHızlı Destek Kuvvetleri pazartesi günü üç ay sürecek bir ateşkes "
     "ilan etti.\n\nKomutan Muhammed Hamdan Dagalo, yazılı bir açıklamada güçlerinin çatışmayı durduracağını söyledi."),
]


@pytest.mark.parametrize("text", LEDES)
def test_the_head_who_speaks_in_the_lede_is_a_side_of_the_statement(text):
    event = main_event(text)
    assert event is not None and event.type == "STATEMENT"
    assert {p.entity_id for p in event.participants} >= {RSF, DAGALO}


def test_one_who_heads_another_body_speaks_for_it_alone():
    text = ("Truce\n\nPublished: 25 November 2025\n\nThe Rapid Support Forces announced on Monday a three-month "
            "humanitarian truce.\n\nUN Secretary-General Antonio Guterres said in a statement that the truce "
            "must hold.")
    event = main_event(text)
    assert event is not None and GUTERRES not in {p.entity_id for p in event.participants}


def test_a_head_speaking_far_from_the_lede_tells_something_else():
    text = ("Truce\n\nPublished: 25 November 2025\n\nThe Rapid Support Forces announced on Monday a three-month "
            "humanitarian truce.\n\nFighting went on in Darfur.\n\nAid groups asked for access.\n\n"
            "The war began in April 2023.\n\nRSF commander Mohamed Hamdan Dagalo said in a speech that his "
            "forces would win the war.")
    event = main_event(text)
    assert event is not None and DAGALO not in {p.entity_id for p in event.participants}
