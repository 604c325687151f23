"""Which events and stories a rule names: actors (by id or name), a pair, type, mode, place, language, story."""

from __future__ import annotations

import pytest

from newstrace.desk.rules import Matcher, RuleError, load_rules, make_rule, seconds
from newstrace.model import DateValue, Event, Participant, Story

NAMES = {"Q1": "Hakan Fidan", "Q2": "Sergey Lavrov", "Q3": "Abbas Araghchi", "gn:1": "Moscow", "iso:RU": "Russia"}
EVENT = Event(id="e1", type="CONSULT", mode="meeting", date=DateValue.unknown(),
              participants=(Participant("Q1", "actor"), Participant("Q2", "recipient")),
              mention_ids=("m1",), article_ids=("a1", "a2"), place_id="gn:1")
STORY = Story("s1", "Türkiye–Russia talks on grain", ("e1", "e2"), ("Q1", "Q2"))


def matcher() -> Matcher:
    return Matcher(lambda i: NAMES.get(i, ""), lambda i: "iso:RU" if i == "gn:1" else None,
                   {"a1": "en", "a2": "tr"}, [STORY])


@pytest.mark.parametrize(("values", "fires"), [
    ({}, True),
    ({"actor": "Q1"}, True),
    ({"actor": "hakan fidan"}, True),
    ({"pair": ["Sergey Lavrov", "Q1"]}, True),
    ({"pair": ["Q1", "Q3"]}, False),
    ({"type": "consult", "mode": "meeting"}, True),
    ({"type": "ASSAULT"}, False),
    ({"place": "Moscow"}, True),
    ({"place": "Russia"}, True),
    ({"place": "iso:TR"}, False),
    ({"language": "tr"}, True),
    ({"language": "fr"}, False),
    ({"story": "grain"}, True),
    ({"story": "s9"}, False),
])
def test_a_rule_names_what_it_watches(values, fires):
    rule = make_rule({"name": "r", **values}, "2026-01-01T00:00:00+00:00")
    assert matcher().event(rule, EVENT) is fires
    assert matcher().story(rule, STORY, {"e1": EVENT}) is fires


def test_bad_rules_are_refused_with_the_reason():
    with pytest.raises(RuleError, match="needs a name"):
        make_rule({"name": "no spaces"}, "")
    with pytest.raises(RuleError, match="unknown field 'actors'"):
        make_rule({"name": "r", "actors": ["Q1"]}, "")
    with pytest.raises(RuleError, match="pair names two actors"):
        make_rule({"name": "r", "pair": ["Q1"]}, "")
    with pytest.raises(RuleError, match="not YAML"):
        load_rules("- name: [", "rules.yaml", "")
    with pytest.raises(RuleError, match="expected a list"):
        load_rules("name: r", "rules.yaml", "")
    assert (seconds("90"), seconds("10m"), seconds("1.5h"), seconds("2d")) == (90, 600, 5400, 172800)
    with pytest.raises(RuleError, match="not a duration"):
        seconds("soon")
