"""Where the verb opens its clause (Arabic VSO; German and Dutch after a fronted phrase), the actor
right after it is its subject: the doer, not a second target."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

CLAUSES = [
    ("ar", "قصف\n\nنشر في 4 مارس 2026\n\nقصفت إسرائيل مواقع لحزب الله في جنوب لبنان.", "iso:IL", "Q41053"),
    ("ar", "إدانة\n\nنشر في 4 مارس 2026\n\nأدانت مصر الثلاثاء الهجوم على السفارة الأردنية.", "iso:EG", None),
    ("ar", "هجوم\n\nنشر في 4 مارس 2026\n\nهاجم الحوثيون الثلاثاء سفينة تجارية قرب عدن.", "Q1133305", None),
    ("de", "Angriff\n\nVeröffentlicht: 4. März 2026\n\nAm Dienstag griff Russland die Ukraine mit Drohnen an.",
     "iso:RU", "iso:UA"),
    ("de", "Kritik\n\nVeröffentlicht: 4. März 2026\n\nAm Dienstag verurteilte Deutschland den Angriff auf die Ukraine.",
     "iso:DE", None),
]


@pytest.mark.parametrize(("language", "text", "doer", "target"), CLAUSES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CLAUSES)])
def test_the_actor_after_a_clause_opening_verb_is_its_doer(language, text, doer, target):
    event = main_event(text)
    assert event is not None, text
    roles = {p.entity_id: p.role for p in event.participants}
    assert roles.get(doer) == "source", roles
    if target is not None:
        assert roles.get(target) == "target", roles


def test_a_subject_before_the_verb_keeps_the_object_after_it_a_target():
    event = main_event("هجوم\n\nنشر في 4 مارس 2026\n\nإسرائيل قصفت مواقع لحزب الله في جنوب لبنان.")
    roles = {p.entity_id: p.role for p in event.participants}
    assert roles.get("iso:IL") == "source" and roles.get("Q41053") == "target"
