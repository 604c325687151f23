"""An article that opens on an act without its parties ("The ceasefire agreement was hailed ...")
and names them later ("Israel and Hamas signed it") reports that act, with those parties."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import CTX, main_event


def _names(event) -> set[str]:
    return {CTX.kb.get(p.entity_id).canonical_name for p in event.participants}


@pytest.mark.parametrize("text", [
    "The ceasefire agreement was hailed across the region on Thursday. Officials later said Israel and Hamas signed it.",
    "L'accord de cessez-le-feu a été salué jeudi dans toute la région. Selon des responsables, Israël et le Hamas ont signé l'accord.",
    "El acuerdo de alto el fuego fue celebrado el jueves en toda la región. Según funcionarios, Israel y Hamás firmaron el acuerdo.",
    "نص الاتفاق على وقف العمليات العسكرية اليوم الخميس. وأعلن مسؤولون أن إسرائيل وحماس وقعتا على الاتفاق.",
])
def test_the_opening_act_takes_the_parties_told_later(text):
    event = main_event(text)
    assert event is not None and event.type == "AGREE"
    assert {"Israel", "Hamas"} <= _names(event)


_FILLER = "\n\nCrowds gathered in the streets.\n\nShops stayed closed.\n\nThe weather was mild.\n\n"


def test_parties_named_paragraphs_later_still_count():
    text = "The ceasefire agreement was hailed across the region on 9 October 2025." + _FILLER + \
        "Officials said Israel and Hamas signed the agreement on 9 October 2025."
    event = main_event(text)
    assert event is not None and {"Israel", "Hamas"} <= _names(event) and event.date.label() == "2025-10-09"


def test_an_act_dated_elsewhere_is_another_one():
    # The signing told later is dated months before the opening act: not its parties.
    text = "The ceasefire agreement was hailed across the region on 9 October 2025." + _FILLER + \
        "Israel and Hamas had signed an agreement on 15 January 2025."
    assert main_event(text) is None


def test_an_opening_act_with_its_own_parties_keeps_them():
    event = main_event("Egypt and Qatar signed an agreement on Monday. Later Israel and Hamas signed a truce.")
    assert event is not None and _names(event) == {"Egypt", "Qatar"}
