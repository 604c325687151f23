"""A speech verb joined by "and" to a verb before it shares that verb's subject: in "X received
Y and said", X speaks, not Y, the object nearest the verb (lexicon key `verb_coordinators`)."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

MACRON, ZELENSKY, LULA, SANCHEZ = "Q3052772", "Q3874799", "Q37181", "Q6212"
PUTIN, XI, STARMER, TRUMP, NETANYAHU = "Q7747", "Q15031", "Q6383667", "Q22686", "Q43723"

SPOKEN = [
    ("Meeting\n\nPublished: 13 October 2025\n\nPrime Minister Keir Starmer hosted Volodymyr Zelensky "
     "in London and said Britain would keep its support.", STARMER),
    ("Ties\n\nPublished: 23 April 2025\n\nIndia on Wednesday downgraded its diplomatic ties with Pakistan "
     "and announced the expulsion of military attachés.", "iso:IN"),
    ("Visite\n\nPublié le 13 octobre 2025\n\nLe président Emmanuel Macron a reçu Volodymyr Zelensky mardi "
     "et a déclaré que la France restait aux côtés de l'Ukraine.", MACRON),
    ("Reunión\n\nPublicado: 13 de octubre de 2025\n\nEl presidente Lula recibió a Pedro Sánchez en Brasilia "
     "y dijo que ambos países firmarán un acuerdo.", LULA),
    ("Встреча\n\n13 октября 2025\n\nВладимир Путин принял в Кремле Си Цзиньпина и заявил, что отношения "
     "двух стран крепнут.", PUTIN),
    ("נאום\n\n13 באוקטובר 2025\n\nבכנס בירושלים הודה הנשיא טראמפ לנתניהו על השותפות ואמר כי המלחמה הסתיימה.", TRUMP),
    ("خطاب\n\n13 أكتوبر 2025\n\nوشكر ترامب نتنياهو في خطابه وقال إن الحرب انتهت.", TRUMP),
]


@pytest.mark.parametrize(("text", "speaker"), SPOKEN)
def test_the_second_verb_speaks_for_the_first_ones_subject(text, speaker):
    said = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert said, "no statement"
    assert [p.entity_id for p in said[-1].participants if p.role == "source"] == [speaker]


def test_two_subjects_each_with_their_own_verb_keep_their_own_speech():
    text = ("Talks\n\nPublished: 13 October 2025\n\nKeir Starmer hosted Volodymyr Zelensky in London, "
            "and Emmanuel Macron said France would join them.")
    said = [e for e in events_of(text) if e.type == "STATEMENT"]
    assert [p.entity_id for p in said[-1].participants if p.role == "source"] == [MACRON]
