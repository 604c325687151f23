"""A noun that tells the news again gives the event a place only from its own phrase."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_place


@pytest.mark.parametrize("text", [
    "Hamas and Israel signed a truce on Thursday. Qatar is planning a ceremony to mark the agreement, "
    "with the US president expected to stop in Cairo.",
    "Le Hamas et Israël ont signé une trêve jeudi. Le Qatar prépare une cérémonie pour célébrer l'accord, "
    "le président américain devant faire escale au Caire.",
    "Hamas und Israel haben am Donnerstag eine Waffenruhe unterzeichnet. Katar plant eine Feier für das "
    "Abkommen, wobei der US-Präsident auch in Kairo Station machen soll.",
    "Hamás e Israel firmaron una tregua el jueves. Catar prepara una ceremonia para celebrar el acuerdo, "
    "con el presidente estadounidense de visita en El Cairo.",
    "Hamas and Israel signed a truce on Thursday. Despite celebrations in Cairo and a flood of messages "
    "hailing the agreement, issues remain.",
])
def test_a_place_in_another_clause_than_the_noun_is_not_the_events(text: str) -> None:
    assert main_place(text, "AGREE") == ()


@pytest.mark.parametrize("text", [
    "Hamas and Israel signed a truce on Thursday. The agreement was reached in Doha after three days of talks.",
    "Le Hamas et Israël ont signé une trêve jeudi. L'accord a été conclu à Doha après trois jours.",
    "Hamas und Israel haben am Donnerstag eine Waffenruhe unterzeichnet. Das Abkommen wurde in Doha nach "
    "dreitägigen Gesprächen erzielt.",
])
def test_a_place_in_the_nouns_own_phrase_places_the_event(text: str) -> None:
    assert "Doha" in main_place(text, "AGREE")
