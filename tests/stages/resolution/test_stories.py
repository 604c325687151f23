"""Stories: threads by shared actors and topics over time, independent of order."""

from __future__ import annotations

import random
from dataclasses import replace

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


def _threads_pair_by_pair(events, kind_of):
    """The linking rule applied to every pair of events: the threads (sets of event ids) of two or more."""
    parent = {e.id: e.id for e in events}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    actors = {e.id: {p.entity_id for p in e.participants if kind_of(p.entity_id) != "country"} for e in events}
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            shared = actors[a.id] & actors[b.id]
            linked = len(shared) >= 2 or (shared and set(a.topics) & set(b.topics))
            close = a.date.start is None or b.date.start is None or abs(a.date.start - b.date.start).days <= 240
            if linked and close:
                parent[find(a.id)] = find(b.id)
    threads = {}
    for e in events:
        threads.setdefault(find(e.id), set()).add(e.id)
    return sorted(sorted(t) for t in threads.values() if len(t) > 1)


def test_threads_are_those_of_comparing_every_pair():
    rnd = random.Random(5)
    names = [f"Q{k}" for k in range(40)] + ["turkey", "israel"]
    for _ in range(3):
        events = []
        for i in range(300):
            when = f"{rnd.randint(2015, 2026)}-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}"
            e = ev(f"e{i:03}", dict.fromkeys(rnd.choices(names, k=rnd.randint(1, 4))), when,
                   rnd.sample(["ceasefire", "aid", "trade"], rnd.randint(0, 2)))
            if rnd.random() < 0.01:
                e = replace(e, date=e.date.unknown())
            events.append(e)
        stories = build_stories(events, KIND, str)
        assert sorted(sorted(s.event_ids) for s in stories) == _threads_pair_by_pair(events, KIND)
        assert len(stories) > 5
