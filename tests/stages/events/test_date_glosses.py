"""A relative day glossed by the date after a comma ("aujourd'hui, jeudi 4 septembre") takes that
date: on a page with no date line the weekday written beside it names the year."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.events.analysed import main_event


@pytest.mark.parametrize("text", [
    "Le président Emmanuel Macron s’est entretenu aujourd’hui, jeudi 4 septembre, avec Volodymyr Zelensky "
    "dans la capitale.",
    "El presidente Emmanuel Macron recibió hoy, jueves 4 de septiembre, a Volodymyr Zelensky en París.",
])
def test_a_relative_day_takes_the_date_that_glosses_it(text):
    event = main_event(text)
    assert event is not None and event.date.day == date(2025, 9, 4), event
