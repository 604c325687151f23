"""A name in quotation marks is written as a name: it takes part; a quotation's names do not."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

COALITION = "local:coalition_of_the_willing"


@pytest.mark.parametrize("text", [
    "C'est le résultat de la réunion de la « Coalition des volontaires » à Paris.",
    "That is the outcome of the meeting of the 'Coalition of the Willing' in Paris.",
    "Das ist das Ergebnis des Treffens der „Koalition der Willigen“ in Paris.",
    "Het overleg van de ‘Coalition of the Willing’ eindigde donderdag in Parijs.",
    "Eso es lo que salió del encuentro de la «Coalición de Voluntarios» celebrado en París.",
])
def test_a_name_in_quotation_marks_takes_part(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.type == "CONSULT", event
    assert COALITION in {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text", [
    "Ministers praised the meeting of the so-called Coalition of the Willing held in Paris on Thursday.",
    "Het overleg binnen de zogenaamde ‘Coalition of the Willing’ eindigde donderdag in Parijs.",
    "Das Treffen der sogenannten Koalition der Willigen endete am Donnerstag in Paris.",
    "La reunión de la llamada «Coalición de Voluntarios» terminó el jueves en París.",
])
def test_a_word_introducing_a_name_does_not_part_it_from_the_noun(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.type == "CONSULT", event
    assert COALITION in {p.entity_id for p in event.participants}


@pytest.mark.parametrize("text", [
    "Macron a déclaré : « La Coalition des volontaires est prête ».",
    "Macron declaró el lunes: «La Coalición de Voluntarios está lista».",
])
def test_a_name_inside_what_was_said_does_not(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.type == "STATEMENT"
    assert COALITION not in {p.entity_id for p in event.participants}


def test_an_agency_in_quotation_marks_credits_the_report() -> None:
    event = main_event("Председатель КНР Си Цзиньпин провел телефонный разговор с Дональдом Трампом, "
                       "сообщает агентство «Синьхуа».")
    assert event is not None and event.mode == "phone_call"
    assert "Q204839" not in {p.entity_id for p in event.participants}
