"""The place of an event written as a capital descriptor ("in the French capital") is the capital city."""

from __future__ import annotations

from tests.stages.events.analysed import main_place


def test_a_meeting_in_the_french_capital_is_in_paris():
    assert "Paris" in main_place("Merz met Macron on Wednesday in the French capital.", "CONSULT")


def test_a_meeting_in_the_capital_of_a_country_named_in_german_is_there():
    assert "Warsaw" in main_place("Merz traf Tusk am Mittwoch in der polnischen Hauptstadt.", "CONSULT")
