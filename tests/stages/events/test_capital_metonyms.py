"""A capital that speaks or is spoken to stands for its government and is no place: "Kyiv said
Russian missiles struck a plant" did not happen in Kyiv. A capital an attack hits, with no verb of
speech beside it, is still where the attack was."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

KYIV = "gn:703448"


def _attack(text: str):
    attack = next((e for e in events_of(text) if e.type == "ASSAULT"), None)
    assert attack is not None, [(e.type, e.trigger) for e in events_of(text)]
    return attack


@pytest.mark.parametrize(("text", "capital"), [
    ("Kyiv said Russian missiles struck a power plant overnight, cutting electricity to thousands of homes.", KYIV),
    ("Kyiv says Russian forces shelled a hospital in the east on Tuesday.", KYIV),
    ("Moscow says Ukrainian drones struck an oil refinery in the south overnight.", "gn:524901"),
])
def test_a_capital_speaking_is_no_place_of_the_attack(text, capital):
    assert _attack(text).place_id != capital


@pytest.mark.parametrize("text", [
    "El ejército indio lanzó ataques contra Pakistán tras un atentado reciente que dejó doce muertos, "
    "del cual el gobierno de la India responsabiliza a Islamabad.",
    "The Indian army struck Pakistan after a recent attack that killed twelve people, for which New Delhi blames Islamabad.",
    "L'armée indienne a frappé le Pakistan après un attentat qui a fait douze morts, dont l'Inde accuse Islamabad.",
])
def test_a_capital_blamed_or_blaming_is_no_place_of_the_attack(text):
    events = events_of(text)
    assert {e.place_id for e in events} <= {None, "iso:PK"}, [(e.type, e.place_id) for e in events]


@pytest.mark.parametrize("text", [
    "Russia launched a massive attack overnight, hitting Kyiv with drones and missiles, the Ukrainian air force said.",
    "Russia struck Kyiv overnight, the Ukrainian air force said.",
    "Una ofensiva con drones, lanzada anoche por Rusia, alcanzó Kiev y dejó tres muertos.",
])
def test_a_capital_struck_is_where_the_attack_was(text):
    assert _attack(text).place_id == KYIV


@pytest.mark.parametrize(("text", "side"), [
    ("Zakharova accused Kyiv on Saturday of shelling civilian areas.", "iso:UA"),
    ("Sacharowa warf Kiew am Samstag vor, Wohngebiete beschossen zu haben.", "iso:UA"),
    ("The Indian army struck Pakistan after a recent attack that killed twelve people, for which New Delhi blames Islamabad.",
     "iso:PK"),
    # The press's Brussels is the European Union's, not Belgium's (modes.yaml capital_metonyms).
    ("Medwedew drohte Brüssel am Freitag mit einer schmerzhaften Antwort.", "Q458"),
    ("Medvedev threatened Brussels on Friday with a painful response to the new sanctions.", "Q458"),
])
def test_a_capital_spoken_to_is_its_government_taking_part(text, side):
    spoken = [e for e in events_of(text) if e.type in ("ACCUSE", "THREATEN")]
    assert spoken and {p.entity_id: p.role for p in spoken[0].participants}.get(side) == "target", spoken


def test_a_capital_with_its_place_ending_stays_where_one_speaks():
    text = "Dışişleri Bakanı Hakan Fidan, Salı günü Ankara'da bir açıklama yaptı ve ateşkes çağrısını yineledi."
    said = next(e for e in events_of(text) if e.type == "STATEMENT")
    assert said.place_id == "gn:323786" and "iso:TR" not in {p.entity_id for p in said.participants}
