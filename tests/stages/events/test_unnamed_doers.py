"""Attacks whose doers the report does not name ("gunmen opened fire") are events of their own."""

from __future__ import annotations

import pytest

from newstrace.ids import UNNAMED_DOERS
from tests.stages.events.analysed import events_of, main_event

PAHALGAM, QUETTA, SRINAGAR = "gn:1260880", "gn:1167528", "gn:1255634"


def _sides(event) -> list[tuple[str, str]]:
    return [(p.entity_id, p.role) for p in event.participants]


@pytest.mark.parametrize(("text", "place"), [
    ("Attack on a bus\n\nGunmen opened fire on a bus of pilgrims in Quetta on Thursday, killing nine people.", QUETTA),
    ("Anschlag auf Bus\n\nBewaffnete haben am Donnerstag in Srinagar einen Bus mit Pilgern angegriffen.", SRINAGAR),
    ("Anschlag auf Bus\n\nBei einem Angriff bewaffneter Kämpfer auf einen Bus in der Stadt Pahalgam wurden am "
     "Donnerstag neun Menschen getötet.", PAHALGAM),
    ("Attaque contre un bus\n\nJeudi, des hommes armés ont ouvert le feu sur un bus de pèlerins à Quetta.", QUETTA),
    ("Ataque contra un autobús\n\nEl jueves, hombres armados atacaron un autobús de peregrinos en Quetta.", QUETTA),
    ("Attacco a un autobus\n\nGiovedì uomini armati hanno attaccato un autobus di pellegrini a Quetta.", QUETTA),
])
def test_an_attack_by_unnamed_doers_is_an_event(text, place):
    event = main_event(text)
    assert event is not None and event.type == "ASSAULT"
    assert _sides(event)[0] == (UNNAMED_DOERS, "source")
    assert event.place_id == place


def test_hindi_unnamed_doers_open_the_clause():
    text = ("बस पर हमला\n\nप्रकाशित: शुक्रवार, 9 मई 2025\n\n"
            "गुरुवार को श्रीनगर में आतंकियों ने तीर्थयात्रियों की बस पर गोलीबारी कर दी, जिसमें नौ लोगों की मौत हो गई।")
    event = main_event(text)
    assert event is not None and event.type == "ASSAULT"
    assert _sides(event)[0] == (UNNAMED_DOERS, "source")


def test_a_named_group_is_the_doer_and_the_word_no_participant():
    event = main_event("Attack\n\nHamas militants fired on an Israeli army post near Gaza City on Monday.")
    assert event is not None and UNNAMED_DOERS not in {p.entity_id for p in event.participants}


def test_a_group_claiming_the_attack_replaces_the_unnamed_doers():
    event = main_event("Attack on tourists\n\nGunmen opened fire on tourists in Quetta on Thursday, killing nine. "
                       "The Resistance Front claimed responsibility for the attack.")
    assert event is not None
    ids = [p.entity_id for p in event.participants]
    assert "local:the_resistance_front" in ids and UNNAMED_DOERS not in ids


def test_unnamed_doers_of_a_speech_act_are_no_participant():
    events = events_of("Statement\n\nMilitants said on Monday that they would keep up their campaign.")
    assert not any(UNNAMED_DOERS in {p.entity_id for p in e.participants} for e in events)


def test_a_later_sentence_about_the_attackers_tells_the_same_attack():
    events = events_of("Attack on tourists\n\nGunmen opened fire on tourists in Quetta on Thursday. "
                       "The attackers killed nine people before they fled.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
