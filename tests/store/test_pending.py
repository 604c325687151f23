"""Pending resolution on both backends: marked with the articles, cleared only by what a resolution read."""

from __future__ import annotations

import pytest

from newstrace.model import DateValue, Event, Participant
from newstrace.store import ResolutionConflict, Store
from tests.factories import article, mention, raw


@pytest.fixture
def store(db_target):
    with Store(db_target) as s:
        yield s


def _event(mention_id: str) -> Event:
    return Event(id="e" + mention_id, type="CONSULT", mode="meeting", date=DateValue.unknown(),
                 participants=(Participant("Q1", "source"),), mention_ids=(mention_id,), article_ids=("a1",))


def test_saving_marks_pending_and_the_resolution_that_read_it_clears_it(store):
    a = article("Ministers met in the capital on Monday.", name="p1.txt")
    store.save_article(raw(a.text, "p1.txt"), a, [], [mention("m1", a.id, ["Q1", "Q2"])])
    assert store.pending_resolution() == 1
    assert store.save_article(raw(a.text, "p1.txt"), a).outcome == "unchanged"
    assert store.pending_resolution() == 1, "an unchanged save neither adds nor clears work"
    token = store.begin_resolution()
    store.replace_resolution([_event("m1")], [], [], token)
    assert store.pending_resolution() == 0
    assert [e.id for e in store.events()] == ["em1"]


def test_an_article_saved_or_revised_while_resolving_stays_pending(store):
    a = article("First report of the meeting.", name="p1.txt")
    store.save_article(raw(a.text, "p1.txt"), a)
    token = store.begin_resolution()
    revised = article("First report of the meeting, corrected.", name="p1.txt")
    store.save_article(raw(revised.text, "p1.txt"), revised)
    other = article("Another article arrives meanwhile.", name="p2.txt")
    store.save_article(raw(other.text, "p2.txt"), other)
    store.replace_resolution([], [], [], token)
    assert store.pending_resolution() == 2, "neither the revision nor the new article was read"


def test_two_resolutions_from_one_generation_cannot_both_commit(db_target):
    with Store(db_target) as first, Store(db_target) as second:
        a = article("Talks were held in the capital.", name="p1.txt")
        first.save_article(raw(a.text, "p1.txt"), a, [], [mention("m1", a.id, ["Q1", "Q2"])])
        early, late = first.begin_resolution(), second.begin_resolution()
        second.replace_resolution([_event("m1")], [], [], late)
        with pytest.raises(ResolutionConflict):
            first.replace_resolution([], [], [], early)
        assert [e.id for e in first.events()] == ["em1"], "the losing write left nothing behind"
        assert first.pending_resolution() == 0


def test_reprocessing_an_article_marks_it_pending_again(store):
    a = article("Officials met on Tuesday.", name="p1.txt")
    store.save_article(raw(a.text, "p1.txt"), a)
    store.replace_resolution([], [], [], store.begin_resolution())
    store.replace_analysis(a, [], [mention("m2", a.id, ["Q1", "Q3"])])
    assert store.pending_resolution() == 1
