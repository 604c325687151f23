"""An act one side announces is the news, and the announcer its doer; an act of two sides (a
truce) stays the announcer's statement, and an act named far from the verb is not announced."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event


ANNOUNCED = [
    ("Strike at sea\n\nPublished: 2 September 2025\n\n"
     "President Donald Trump announced on Tuesday a strike on a boat in the Caribbean that killed eleven people.",
     "ASSAULT", "Q22686"),
    ("Ataque no mar\n\nPublicado em 2 de setembro de 2025\n\n"
     "Nesta terça-feira, o presidente Donald Trump anunciou a morte de onze tripulantes num ataque contra um barco no Caribe.",
     "ASSAULT", "Q22686"),
    ("Frappe en mer\n\nPublié le 2 septembre 2025\n\n"
     "Le président Donald Trump a annoncé mardi une frappe contre un bateau dans la mer des Caraïbes.",
     "ASSAULT", "Q22686"),
    ("Sanctions\n\nPublished: 2 September 2025\n\nThe European Union announced on Tuesday new sanctions against Iran.",
     "SANCTION", "Q458"),
    ("Sanktionen\n\nVeröffentlicht: 2. September 2025\n\nDie Europäische Union kündigte am Dienstag neue Sanktionen gegen Iran an.",
     "SANCTION", "Q458"),
]


@pytest.mark.parametrize(("text", "kind", "doer"), ANNOUNCED)
def test_the_announced_act_leads_with_its_announcer(text, kind, doer):
    event = main_event(text)
    assert event is not None and event.type == kind
    assert doer in [p.entity_id for p in event.participants if p.role in ("source", "other")]


STATEMENTS = [
    # One side of a truce announces it: the other side's word is not in the report.
    ("Truce\n\nPublished: 6 November 2025\n\n"
     "The Rapid Support Forces announced on Thursday their acceptance of a humanitarian ceasefire.", "Q16984133"),
    ("Tregua\n\nPublicado: 6 de noviembre de 2025\n\n"
     "Las Fuerzas de Apoyo Rápido anunciaron el jueves que aceptan una tregua humanitaria.", "Q16984133"),
    # A truce one side declares alone is its announcement, not an agreement: the perfect
    # participle in German, "ilan etti" in Turkish, as "announced" elsewhere.
    ("Waffenruhe\n\nVeröffentlicht: 25. November 2025\n\n"
     "Die RSF-Miliz hat am Montag eine einseitige Waffenruhe von drei Monaten verkündet.", "Q16984133"),
    ("Ateşkes\n\nYayınlanma: 25 Kasım 2025\n\n"
     "Hızlı Destek Kuvvetleri pazartesi günü üç ay sürecek tek taraflı bir ateşkes ilan etti.", "Q16984133"),
    ("Trêve\n\nPublié le 25 novembre 2025\n\n"
     "Les Forces de soutien rapide ont annoncé lundi une trêve unilatérale de trois mois.", "Q16984133"),
    # The attack is only the measures' cause, named after a list of them.
    ("Measures\n\nPublished: 23 April 2025\n\n"
     "India announced on Wednesday a set of measures, including the closure of a border post, after the attack.",
     "iso:IN"),
    # A victim says an attack happened: that is no announcement of its own act.
    ("Attack\n\nPublished: 2 September 2025\n\n"
     "Ukraine's air force said on Tuesday that the attack involved a hundred drones.", "iso:UA"),
]


@pytest.mark.parametrize(("text", "speaker"), STATEMENTS)
def test_what_is_not_announced_as_ones_own_act_stays_a_statement(text, speaker):
    event = main_event(text)
    assert event is not None and event.type == "STATEMENT"
    assert [p.entity_id for p in event.participants] == [speaker]
