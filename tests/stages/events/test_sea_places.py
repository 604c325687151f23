"""A sea whose name holds a country's adjective or name ("Indian Ocean", "Оманский залив", "Hint
Okyanusu") is the place of what happens there, not that country as a side of it."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

AT_SEA = [
    ("en", "Attack\n\nPublished: 4 March 2026\n\nThe Houthis attacked a cargo ship in the Indian Ocean on Tuesday.",
     "iso:IN", "Q1239"),
    ("ru", "Удар\n\nОпубликовано: 4 марта 2026\n\nХуситы во вторник атаковали сухогруз в Оманском заливе.",
     "iso:OM", "local:gulf_of_oman"),
    ("ar", "هجوم\n\nنشر في 4 مارس 2026\n\nهاجم الحوثيون الثلاثاء سفينة شحن في المحيط الهندي.", "iso:IN", "Q1239"),
    ("tr", "Saldırı\n\nYayınlanma: 4 Mart 2026\n\nHusiler salı günü Hint Okyanusu'nda bir kargo gemisine saldırdı.",
     "iso:IN", "Q1239"),
]


@pytest.mark.parametrize(("language", "text", "country", "sea"), AT_SEA, ids=[a[0] for a in AT_SEA])
def test_a_sea_named_after_a_country_is_the_place_not_a_side(language, text, country, sea):
    event = main_event(text)
    assert event is not None and event.type == "ASSAULT", text
    assert country not in [p.entity_id for p in event.participants]
    assert event.place_id == sea
