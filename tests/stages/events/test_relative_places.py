"""A place named relative to another ("in Bucha northwest of Kyiv") is where the event was;
the other only says where that place lies. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

KHAN_YOUNIS, BUCHA, KRAMATORSK = "gn:281124", "gn:711350", "gn:704508"


@pytest.mark.parametrize(("text", "place"), [
    ("Published 14 March 2026\n\nIsraeli aircraft struck a house in Khan Younis south of Gaza City on Friday, "
     "killing four people.", KHAN_YOUNIS),
    ("Published 14 March 2026\n\nRussian drones hit a school in Bucha northwest of Kyiv on Friday.", BUCHA),
    ("نشر في 14 مارس 2026\n\nقصفت طائرات إسرائيلية الجمعة منزلا في خان يونس جنوب مدينة غزة.", KHAN_YOUNIS),
    ("نشر في 14 مارس 2026\n\nقتل ثلاثة أشخاص الجمعة في غارة إسرائيلية على مخيم في مدينة خان يونس جنوب قطاع غزة.", KHAN_YOUNIS),
    ("Опубликовано 14 марта 2026\n\nВ пятницу российские ракеты ударили по школе в Краматорске к югу от Славянска.",
     KRAMATORSK),
])
def test_the_place_named_relative_to_another_is_the_place(text, place):
    event = main_event(text)
    assert event is not None and event.place_id == place


def test_a_place_with_no_relative_word_before_it_still_qualifies_the_next():
    # "in Qatar's capital Doha": the country before the city only qualifies it.
    event = main_event("Published 14 March 2026\n\nTurkish Foreign Minister Hakan Fidan met his Iranian counterpart "
                       "Abbas Araghchi in Qatar's capital Doha on Friday.")
    assert event is not None and event.place_id == "gn:290030"
