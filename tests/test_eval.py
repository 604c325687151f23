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


def _scored_corpus():
    from newstrace.eval import Gold, GoldArticle, GoldEvent, evaluate
    from newstrace.knowledge.base import KnowledgeBase
    from newstrace.model import Entity, Participant
    from tests.factories import article, mention

    kb = KnowledgeBase([Entity("p1", "person", "Ana Lopes", {"en": ("Ana Lopes",)}),
                        Entity("p2", "person", "Ben Okafor", {"en": ("Ben Okafor",)})])
    articles = [article("one", name="1.txt"), article("two", name="2.txt"), article("three", name="3.txt")]
    a1, a2, a3 = (a.id for a in articles)
    found = mention("m1", a1, ["p1", "p2"], day("2025-03-01"))
    wrong = mention("m2", a2, ["p1"], day("2025-03-04"), type="STATEMENT", mode="statement")
    events = [Event("e1", "CONSULT", "meeting", found.date, found.participants, ("m1",), (a1,)),
              Event("e2", "STATEMENT", "statement", wrong.date, (Participant("p1", "source"),), ("m2",), (a2,))]
    gold = Gold(
        articles=(GoldArticle("1.txt", None, "G1", ("G1",)), GoldArticle("2.txt", None, "G2", ("G2",)),
                  GoldArticle("3.txt", None, "G3", ("G3",))),
        events=(GoldEvent("G1", "CONSULT", "meeting", "2025-03-01", None, ("Ana Lopes", "Ben Okafor")),
                GoldEvent("G2", "CONSULT", "meeting", "2025-03-04", None, ("Ana Lopes", "Ben Okafor")),
                GoldEvent("G3", "ASSAULT", "attack", None, None, ())),
    )
    return evaluate(gold, articles, [found, wrong], events, kb)


def test_fields_are_scored_over_every_gold_event_and_over_the_matched_ones():
    report = _scored_corpus()
    assert report.overall.gold_events == 3 and report.overall.matched == 1
    # What the analyst gets: the missed event and the mistyped one count as wrong.
    assert report.overall.all.type == pytest.approx(1 / 3)
    assert report.overall.all.date == pytest.approx(2 / 3)
    # How good the found events are.
    assert report.overall.found.type == 1.0 and report.overall.found.participants_f1 == 1.0


def test_explain_lists_each_article_that_differs_and_how():
    misses = {m.article: m for m in _scored_corpus().misses}
    assert set(misses) == {"2.txt", "3.txt"}
    assert misses["2.txt"].differs == ("type", "mode", "participants")
    assert misses["2.txt"].system.startswith("STATEMENT/statement 2025-03-04")
    assert misses["3.txt"].differs == ("event",) and misses["3.txt"].system == "no event"
