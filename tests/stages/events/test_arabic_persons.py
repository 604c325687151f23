"""Arabic verbs agree with their subject in person, number and gender: the lexicon lists one
form and its `verb_endings` give the others ("وقعتا": the two of them (f.) signed)."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event


@pytest.mark.parametrize(("text", "event_type"), [
    ("وقعتا مصر وقطر على الاتفاق يوم الأحد في القاهرة.", "AGREE"),
    ("أعلن المتحدث أن مصر وقطر وقعتا اتفاقا يوم الأحد.", "AGREE"),
    ("التقيا وزير الخارجية المصري ونظيره القطري في الدوحة يوم الاثنين.", "CONSULT"),
])
def test_other_persons_of_a_listed_verb_report_the_act(text, event_type):
    event = main_event(text)
    assert event is not None and event.type == event_type


def test_a_form_another_label_lists_stays_with_it():
    from newstrace.stages.events.triggers import TriggerLexicon
    from tests.stages.events.analysed import CTX

    lexicon = TriggerLexicon.from_lexicon(CTX.lexicons.get("ar"))
    # "أعلنت" is listed as an announcement; "أعلن" + "ت" under statements must not take it.
    hit = next(h for h in __import__("newstrace.stages.events.triggers", fromlist=["find_triggers"]).find_triggers(
        "أعلنت الحكومة خطة جديدة.", 0, lexicon))
    assert (hit.type, hit.mode) == ("STATEMENT", "announcement")


@pytest.mark.parametrize(("text", "event_type"), [
    # "وصلت" is listed as a light verb: a relief plane arriving is aid, not a visit of "وصل".
    ("وصلت، الأحد، إلى مطار بيروت طائرة إغاثية قطرية محملة بالأدوية.", "AID"),
    # A minister arriving is still a visit.
    ("وصلت وزيرة الخارجية الألمانية أنالينا بيربوك، الجمعة، إلى دمشق في زيارة رسمية.", "CONSULT"),
])
def test_a_form_listed_as_a_light_verb_stays_with_the_noun_it_carries(text, event_type):
    event = main_event(text)
    assert event is not None and event.type == event_type
