"""Stories: threads by shared actors and topics over time, independent of order."""

from __future__ import annotations

import random

from newstrace.model import Event, Participant
from newstrace.stages.resolution.stories import build_stories
from tests.factories import day


def ev(eid, actors, when, topics=()):
    return Event(id=eid, type="CONSULT", mode="meeting", date=day(when),
                 participants=tuple(Participant(a, "source") for a in actors), mention_ids=(eid,),
                 article_ids=(eid,), topics=tuple(topics))


KIND = {"turkey": "country", "israel": "country"}.get


def test_events_sharing_actors_form_a_titled_story_and_countries_alone_do_not():
    events = [ev("e1", ["kalin", "hamas"], "2025-12-20", ["ceasefire"]),
              ev("e2", ["kalin", "hamas", "hayya"], "2026-01-24", ["ceasefire"]),
              ev("e3", ["turkey", "greece_pm"], "2026-01-25"),
              ev("e4", ["turkey", "putin"], "2026-01-26")]
    stories = build_stories(events, KIND, str.title)
    assert len(stories) == 1
    assert stories[0].event_ids == ("e1", "e2")
    assert stories[0].title == "Hamas – Kalin contacts on ceasefire"


def test_stories_do_not_depend_on_order():
    events = [ev(f"e{i}", ["a", "b"] if i % 2 else ["c", "d"], f"2026-01-{i + 1:02}", ["t"]) for i in range(12)]
    shuffled = events[:]
    random.Random(4).shuffle(shuffled)
    assert build_stories(events, KIND, str) == build_stories(shuffled, KIND, str)
