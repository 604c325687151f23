"""A trigger phrase lets one word in between its words ("a également rencontré"), but never a
name: in "ist Merz nach Paris gereist" or "a reçu Zelensky à l'Élysée" the name is a
participant, outside the trigger."""

from __future__ import annotations

import pytest

from newstrace.stages.events.eventlex import event_lexicon
from newstrace.stages.events.triggers import find_triggers
from tests.stages.events.analysed import CTX, events_of


def _trigger_texts(text: str, language: str) -> list[str]:
    return [h.text for h in find_triggers(text, 0, event_lexicon(CTX.lexicons.get(language)).triggers)]


@pytest.mark.parametrize("text, language, name", [
    ("Am Montag ist Merz nach Paris gereist.", "de", "Merz"),
    ("Am Montag reiste Merz nach Warschau.", "de", "Merz"),
])
def test_no_trigger_swallows_a_name(text, language, name):
    texts = _trigger_texts(text, language)
    assert texts and not any(name in t for t in texts), texts


def test_a_lowercase_word_may_still_stand_between():
    assert "a également rencontré" in _trigger_texts("Erdoğan a également rencontré Poutine.", "fr")


def test_the_guest_a_host_received_takes_part():
    text = ("Le président français Emmanuel Macron a reçu Zelensky à l'Élysée mardi soir. "
            "Les deux dirigeants ont parlé de la défense aérienne de l'Ukraine.")
    meeting = next(e for e in events_of(text) if e.type == "CONSULT")
    assert {"Q3052772", "Q3874799"} <= {p.entity_id for p in meeting.participants}
