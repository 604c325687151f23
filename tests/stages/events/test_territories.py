"""Territories are places: the Gaza Strip and the West Bank are neither a city nor a country.

A city named right before its territory ("Khan Younis in the southern Gaza Strip") is where the
event is; the territory alone is its place when no city is named; a territory of one country
named after another country's genitive leaves that country an actor ("이스라엘의 가자지구 공격":
Israel's attack on the strip); and a place a subject-matter phrase introduces before a verb-final
verb ("gegen den Krieg im Gazastreifen demonstriert") is what the crowd protests, not where."""

from __future__ import annotations

import pytest

from newstrace.resolve import place_relation
from tests.stages.events.analysed import CTX, events_of

GAZA_STRIP, WEST_BANK, GAZA_CITY = "Q39760", "Q36678", "gn:281133"
KHAN_YOUNIS, NABLUS, VIENNA, SEOUL = "gn:281124", "gn:282615", "gn:2761369", "gn:1835848"


def event_of(text: str, event_type: str):
    found = [e for e in events_of(text) if e.type == event_type]
    assert found, (text, [(e.type, e.place_id) for e in events_of(text)])
    return found[0]


@pytest.mark.parametrize("text, event_type, place", [
    ("Israeli warplanes bombed Khan Younis in the southern Gaza Strip on Tuesday.", "ASSAULT", KHAN_YOUNIS),
    ("قصفت الطائرات الإسرائيلية خان يونس جنوب قطاع غزة يوم الثلاثاء.", "ASSAULT", KHAN_YOUNIS),
    ("Israeli troops raided Nablus in the occupied West Bank on Monday.", "ASSAULT", NABLUS),
    ("Israeli jets struck the Gaza Strip overnight.", "ASSAULT", GAZA_STRIP),
    ("İsrail ordusu salı günü Gazze Şeridi'ne hava saldırısı düzenledi.", "ASSAULT", GAZA_STRIP),
    ("Zehntausende haben am Samstag in Wien gegen Israels Krieg im Gazastreifen protestiert.", "PROTEST", VIENNA),
    ("수천 명이 일요일 서울에서 이스라엘의 가자지구 공격에 항의하는 시위를 벌였다.", "PROTEST", SEOUL),
])
def test_the_place_of_an_event_around_a_territory(text, event_type, place):
    assert event_of(text, event_type).place_id == place


def test_a_country_before_a_territory_of_another_stays_an_actor():
    protest = event_of("수천 명이 일요일 서울에서 이스라엘의 가자지구 공격에 항의하는 시위를 벌였다.", "PROTEST")
    assert "iso:IL" in {p.entity_id for p in protest.participants}


@pytest.mark.parametrize("name, entity_id", [
    ("bande de Gaza", GAZA_STRIP), ("Gazastreifen", GAZA_STRIP), ("قطاع غزة", GAZA_STRIP), ("сектор Газа", GAZA_STRIP),
    ("Cisjordanie", WEST_BANK), ("Westjordanland", WEST_BANK), ("الضفة الغربية", WEST_BANK), ("Batı Şeria", WEST_BANK),
])
def test_territory_names_in_many_languages(name, entity_id):
    assert entity_id in {ref.entity_id for ref in CTX.kb.lookup(name)}


def test_a_city_and_its_territory_can_be_one_place_for_merging():
    same = place_relation(CTX.kb)
    assert same(GAZA_CITY, GAZA_STRIP) and same(KHAN_YOUNIS, GAZA_STRIP)
    assert not same(GAZA_STRIP, WEST_BANK)
