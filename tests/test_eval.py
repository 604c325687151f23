"""Scoring: BCubed on known partitions, exact-date rules, gold validation."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import NewstraceError
from newstrace.eval import bcubed, date_correct, load_gold, name_key
from newstrace.model import DateValue, Event
from tests.factories import day


def event(date: DateValue) -> Event:
    return Event(id="e", type="CONSULT", mode=None, date=date, participants=(), mention_ids=(), article_ids=())


def test_bcubed_perfect_and_lumped():
    gold = {"a": "E1", "b": "E1", "c": "E2"}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert r == 1.0 and p == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)
    p, r, f = bcubed(gold, {"a": "x", "b": "y", "c": "z"})
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_exact_date_rules():
    assert date_correct("2025-12-20", event(day("2025-12-20")))
    assert not date_correct("2025-12-20", event(DateValue.of_month(2025, 12, "text")))
    assert date_correct("2025-12", event(DateValue.of_month(2025, 12, "text", weekday=4)))
    assert not date_correct("2025-12", event(day("2025-12-05"))), "claiming a day the text does not give is wrong"
    assert date_correct(None, event(DateValue.unknown()))
    assert date_correct(None, event(DateValue.of_month(2025, 6, "header")))
    assert not date_correct(None, event(day("2025-06-13")))


def test_names_match_across_spellings():
    assert name_key("İbrahim Kalın") == name_key("Ibrahim Kalin")
    assert name_key("Khalil al-Hayya") == name_key("Khalil Al Hayya")


def test_broken_gold_names_the_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": [{"file": "x.txt"}], "events": []}))
    with pytest.raises(NewstraceError, match="gold.json: E014"):
        load_gold(path)
    path.write_text("{not json")
    with pytest.raises(NewstraceError, match="E014"):
        load_gold(path)
