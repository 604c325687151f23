"""An earlier event named in the lede ("held since the attack on 7 October 2023") neither leads
nor dates the news; hostages handed over, prizes awarded and speeches given are events of their
own; plural speakers in Spanish and Portuguese speak; Italian reports arrivals in the present."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event


CASES = [
    # text, type, mode, day, a participant that must be there
    # The attack is when the hostages were taken: "since" makes it no object of "held", and its
    # own date ("the attack on ...") is not the release's.
    ("Gaza: the last living hostages go home\n\nPublished: 13 October 2025\n\n"
     "Twenty hostages, the last still alive, held since the attack on 7 October 2023, were freed by Hamas on Monday.",
     "CONCEDE", None, "2025-10-13", "Q38799"),
    ("Ninety prisoners back in the West Bank\n\nPublished: 20 January 2025\n\n"
     "Ninety prisoners, held since the offensive of March 2024, were handed over by Israel to the Red Cross on Sunday.",
     "CONCEDE", None, "2025-01-19", "iso:IL"),
    # A prize awarded is announced by those who award it, and told of its winner.
    ("Charlemagne Prize for the Ukrainian president\n\nPublished: 10 October 2025\n\n"
     "Ukrainian President Volodymyr Zelensky was awarded the Charlemagne Prize on Friday in Aachen.",
     "STATEMENT", "announcement", "2025-10-10", "Q3874799"),
    ("Karlspreis für den ukrainischen Präsidenten\n\nVeröffentlicht: 10. Oktober 2025\n\n"
     "Der ukrainische Präsident Wolodymyr Selenskyj ist am Freitag mit dem Karlspreis ausgezeichnet worden.",
     "STATEMENT", "announcement", "2025-10-10", "Q3874799"),
    ("Premio Carlomagno para el presidente ucraniano\n\nPublicado: 10 de octubre de 2025\n\n"
     "El presidente ucraniano Volodímir Zelenski ha sido galardonado este viernes con el premio Carlomagno.",
     "STATEMENT", "announcement", "2025-10-10", "Q3874799"),
    # "recibió el galardón" receives a prize, not a visitor.
    ("Premio Carlomagno para el presidente ucraniano\n\nPublicado: 10 de octubre de 2025\n\n"
     "El presidente ucraniano Volodímir Zelenski ha sido galardonado este viernes con el premio Carlomagno, "
     "que recibió el año pasado la Comisión Europea.",
     "STATEMENT", "announcement", "2025-10-10", "Q3874799"),
    # A speech delivered is a statement.
    ("Zelensky speaks to the Bundestag\n\nPublished: 11 June 2025\n\n"
     "Volodymyr Zelensky delivered a speech to the Bundestag on Wednesday.",
     "STATEMENT", "statement", "2025-06-11", "Q3874799"),
    # The present of Italian reporting: arriving and being received.
    ("Merz a Parigi da Macron\n\nPubblicato il 7 maggio 2025\n\n"
     "Nella sua prima visita all'estero il cancelliere tedesco Friedrich Merz arriva a Parigi, dove è accolto "
     "all'Eliseo da Emmanuel Macron, capo dello Stato francese, mentre proseguono i negoziati sui dazi.",
     "CONSULT", "visit", "2025-05-07", "Q3052772"),
    # German compounds of a visit, and the light verb of staying ("hält sich ... auf").
    ("Merz in Paris\n\nVeröffentlicht: 7. Mai 2025\n\n"
     "Einen Tag nach seiner Wahl hält sich Bundeskanzler Friedrich Merz zum Antrittsbesuch in Paris auf.",
     "CONSULT", "visit", "2025-05-07", "Q90795"),
    # Plural speakers.
    ("Declaración de las Fuerzas de Apoyo Rápido\n\nPublicado: 6 de noviembre de 2025\n\n"
     "Las Fuerzas de Apoyo Rápido anunciaron el jueves que aceptan una tregua humanitaria.",
     "STATEMENT", "announcement", "2025-11-06", "Q16984133"),
    ("Declaração das Forças de Apoio Rápido\n\nPublicado em 6 de novembro de 2025\n\n"
     "As Forças de Apoio Rápido afirmaram na quinta-feira que aceitam uma trégua humanitária.",
     "STATEMENT", "statement", "2025-11-06", "Q16984133"),
]


@pytest.mark.parametrize(("text", "kind", "mode", "day", "actor"), CASES)
def test_the_news_leads_and_is_dated_by_its_own_day(text, kind, mode, day, actor):
    event = main_event(text)
    assert event is not None, "no main event"
    assert (event.type, event.mode) == (kind, mode)
    assert event.date.start is not None and event.date.start.isoformat() == day
    assert actor in {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text", [
    # No date line: "this morning" says no day, the weekday in brackets after it does.
    "الإفراج عن الرهائن في غزة اليوم\n\nأفرجت حركة حماس صباح اليوم (الاثنين) عن 20 رهينة في قطاع غزة.",
    "Hostages freed in Gaza this morning\n\nHamas freed twenty hostages this morning (Monday) in Gaza.",
    "Geiseln im Gazastreifen freigelassen\n\nDie Hamas hat heute Morgen (Montag) zwanzig Geiseln freigelassen.",
])
def test_a_weekday_in_brackets_says_which_day_today_was(text):
    event = main_event(text)
    assert event is not None and event.type == "CONCEDE"
    assert event.date.weekday == 0


def test_the_arabic_doer_between_the_verb_and_its_preposition_releases():
    # Verb, doer, then "عن" (the released): the doer is not lost inside a longer trigger.
    event = main_event("الإفراج عن الرهائن في غزة\n\n13 أكتوبر 2025\n\nأفرجت حماس يوم الاثنين عن 20 رهينة في قطاع غزة.")
    assert event is not None and event.type == "CONCEDE"
    assert "Q38799" in {p.entity_id for p in event.participants}
