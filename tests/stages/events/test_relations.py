"""An actor a relation names ("a critic of Putin", "opositor de Maduro") only describes the person
it ties them to, and takes no part in what that person does (lexicon key `relations`)."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

PUTIN, MADURO, ERDOGAN, MACRON, MELONI = "Q7747", "Q57413", "Q39723", "Q3052772", "Q3290028"
IMAMOGLU, GONZALEZ = "Q1291553", "Q117425566"

DESCRIBED = [
    ("Visit\n\nPublished: 3 June 2025\n\nEkrem Imamoglu, a leading rival of President Recep Tayyip Erdogan, "
     "met Emmanuel Macron in Paris on Tuesday.", {IMAMOGLU, MACRON}, ERDOGAN),
    ("Visita\n\nPublicado em 3 de junho de 2025\n\nCrítico do governo do presidente turco, Recep Tayyip Erdogan, "
     "o prefeito Ekrem Imamoglu encontrou-se com Emmanuel Macron em Paris nesta terça-feira.", {IMAMOGLU, MACRON}, ERDOGAN),
    ("Visita\n\nPublicado: 3 de junio de 2025\n\nEl opositor de Nicolás Maduro, Edmundo González Urrutia, se reunió "
     "el martes en Roma con Giorgia Meloni.", {GONZALEZ, MELONI}, MADURO),
    ("Visite\n\nPublié le 3 juin 2025\n\nEkrem Imamoglu, principal rival du président Recep Tayyip Erdogan, "
     "a rencontré Emmanuel Macron mardi à Paris.", {IMAMOGLU, MACRON}, ERDOGAN),
    ("Besuch\n\nVeröffentlicht: 3. Juni 2025\n\nDer Kritiker von Präsident Recep Tayyip Erdogan, Ekrem Imamoglu, "
     "traf am Dienstag in Paris Emmanuel Macron.", {IMAMOGLU, MACRON}, ERDOGAN),
]


@pytest.mark.parametrize(("text", "sides", "described"), DESCRIBED)
def test_whom_a_relation_names_takes_no_part(text, sides, described):
    event = main_event(text)
    assert event is not None and event.type == "CONSULT"
    ids = {p.entity_id for p in event.participants}
    assert described not in ids
    assert sides <= ids


def test_a_name_after_the_relations_own_comma_is_the_next_clauses_actor():
    text = ("Prize\n\nPublished: 10 October 2025\n\nAsked about a critic of the government, "
            "Vladimir Putin said on Friday that the prize was political.")
    event = main_event(text)
    assert event is not None and [p.entity_id for p in event.participants if p.role == "source"] == [PUTIN]
