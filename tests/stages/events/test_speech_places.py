"""Where a speech act happened: a city or a hall, never the country it is about or its speaker's."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_place


@pytest.mark.parametrize("text", [
    "The Rapid Support Forces, at war with the army in Sudan, announced on Thursday that they accept the truce.",
    "Les Forces de soutien rapide, qui se battent au Soudan contre l'armée régulière, ont annoncé jeudi qu'elles acceptaient la trêve.",
    "أعلنت قوات الدعم السريع يوم الخميس موافقتها على هدنة إنسانية في السودان.",
    "Die RSF-Miliz, die im Sudan gegen die Armee kämpft, erklärte am Donnerstag, sie nehme die Waffenruhe an.",
])
def test_a_country_beside_a_speech_act_is_not_where_it_was_made(text: str) -> None:
    assert main_place(text, "STATEMENT") == ()


@pytest.mark.parametrize("text", [
    "Sudan's army chief Abdel Fattah al-Burhan said on Thursday in Port Sudan that the army would fight on.",
    "Le chef de l'armée soudanaise, Abdel Fattah al-Burhan, a déclaré jeudi à Port-Soudan que l'armée continuerait le combat.",
    "Abdel Fattah al-Burhan said on Thursday, speaking in Sudan at a rally in Port Sudan, that the army would fight on.",
])
def test_a_city_keeps_placing_a_speech_act(text: str) -> None:
    assert "Port Sudan" in main_place(text, "STATEMENT")


@pytest.mark.parametrize("text", [
    "KHARTOUM, March 3 (Reuters) - The Rapid Support Forces said on Monday they would observe a week-long truce.",
    "Jartum, 3 mar (EFE).- Las Fuerzas de Apoyo Rápido (FAR) anunciaron este lunes una tregua de una semana.",
    "KHARTOUM (AFP) - Les Forces de soutien rapide ont annoncé lundi une trêve d'une semaine.",
])
def test_a_dateline_does_not_place_an_armed_groups_statement(text: str) -> None:
    # Such groups speak in statements put out online; the dateline is where the reporter files.
    assert main_place(text, "STATEMENT") == ()


@pytest.mark.parametrize("text", [
    "KHARTOUM, March 3 (Reuters) - Sudan's army chief Abdel Fattah al-Burhan said on Monday the army would fight on.",
    "NEW DELHI, March 3 (Reuters) - India said on Monday it would expel two Pakistani diplomats.",
])
def test_a_dateline_still_places_a_states_statement(text: str) -> None:
    assert main_place(text, "STATEMENT") != ()
