"""The place of an event written as a capital descriptor ("in the French capital") is the capital city."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event, main_place


def test_a_meeting_in_the_french_capital_is_in_paris():
    assert "Paris" in main_place("Merz met Macron on Wednesday in the French capital.", "CONSULT")


def test_a_meeting_in_the_capital_of_a_country_named_in_german_is_there():
    assert "Warsaw" in main_place("Merz traf Tusk am Mittwoch in der polnischen Hauptstadt.", "CONSULT")


@pytest.mark.parametrize("text", [
    "Israel struck the Syrian capital on Wednesday.",
    "Israël a frappé la capitale syrienne mercredi.",
    "Israel griff am Mittwoch die syrische Hauptstadt an.",
])
def test_an_attack_on_a_capital_has_its_state_as_target(text: str) -> None:
    """The descriptor names the city; the state whose capital it is was struck."""
    assert "Damascus" in main_place(text, "ASSAULT")
    event = main_event(text)
    assert ("iso:SY", "target") in {(p.entity_id, p.role) for p in event.participants}


def test_a_meeting_in_a_capital_does_not_make_its_state_a_side():
    event = main_event("Merz met Macron on Wednesday in the French capital.")
    assert "iso:FR" not in {p.entity_id for p in event.participants}
