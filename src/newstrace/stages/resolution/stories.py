"""Stories: events strung into threads by shared actors and topics over time.

Two events belong to one thread when they share two participants, or one
participant and a topic, and lie within a time window of each other (undated
events are joined by actors and topics alone). Countries are too broad to join
threads by themselves. A thread needs two events; its title is generated from
its most frequent actors, its dominant kind of event and its main topic.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta

from newstrace.ids import story_id
from newstrace.model import Event, Story
from newstrace.stages.resolution.unionfind import UnionFind

WINDOW = timedelta(days=240)
TYPE_WORDS = {
    "CONSULT": "contacts", "STATEMENT": "statements", "ASSAULT": "violence", "AGREE": "agreements",
    "ACCUSE": "accusations", "REQUEST": "demands", "AID": "aid", "SANCTION": "sanctions",
    "THREATEN": "threats", "PROTEST": "protests", "REJECT": "rejections", "COOPERATE": "cooperation",
}


def _close_in_time(a: Event, b: Event) -> bool:
    if a.date.start is None or b.date.start is None:
        return True
    return abs(a.date.start - b.date.start) <= WINDOW


def build_stories(
    events: Sequence[Event],
    kind_of: Callable[[str], str | None],
    name_of: Callable[[str], str],
    topic_label: Callable[[str], str] = lambda t: t.replace("_", " "),
) -> list[Story]:
    """Group events into stories; deterministic for any input order."""
    ordered = sorted(events, key=lambda e: e.id)
    groups = UnionFind(len(ordered))  # events by their position in id order
    find, join = groups.find, groups.join

    # Two events are linked when they share two actors, or an actor and a topic, and are close
    # in time. So each pair of actors, and each actor with a topic, is a file of the events that
    # have both; within one file the links depend on time alone: an undated event is close to
    # every event, so it holds its whole file together; otherwise joining each event to the next
    # in date order gives the same threads as comparing every pair (an actor in the news every
    # day would cost the square of its events). One pass over the events in date order keeps
    # one number per file (its undated anchor, or its latest event), not the file's events.
    anchor: dict[tuple[str, str, str], int] = {}
    latest: dict[tuple[str, str, str], int] = {}
    for i, event in enumerate(ordered):
        if event.date.start is None:
            for key in _files(event, kind_of):
                if key in anchor:
                    join(anchor[key], i)
                else:
                    anchor[key] = i
    dated = sorted((i for i, e in enumerate(ordered) if e.date.start is not None),
                   key=lambda i: ordered[i].date.start)  # stable: id order within a day
    for i in dated:
        for key in _files(ordered[i], kind_of):
            if key in anchor:
                join(anchor[key], i)
                continue
            previous = latest.get(key)
            if previous is not None and _close_in_time(ordered[previous], ordered[i]):
                join(previous, i)
            latest[key] = i
    del anchor, latest, dated
    roots = [find(i) for i in range(len(ordered))]
    size = Counter(roots)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, root in enumerate(roots):
        if size[root] >= 2:
            groups[root].append(ordered[i])
    stories = []
    for members in groups.values():
        members.sort(key=lambda e: (e.date.start is None, e.date.start, e.id))
        actor_counts = Counter(p.entity_id for e in members for p in e.participants)
        topic_counts = Counter(t for e in members for t in e.topics)
        type_counts = Counter(e.type for e in members)
        top_actors = [a for a, _ in sorted(actor_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        title = _title(top_actors, type_counts, topic_counts, name_of, topic_label)
        event_ids = tuple(e.id for e in members)
        stories.append(Story(story_id(event_ids), title, event_ids, tuple(top_actors),
                             tuple(t for t, _ in topic_counts.most_common(5))))
    return sorted(stories, key=lambda s: s.id)


def _files(event: Event, kind_of: Callable[[str], str | None]) -> Iterator[tuple[str, str, str]]:
    """The files an event is in: each pair of its actors (countries aside), each actor with each topic."""
    own = sorted({p.entity_id for p in event.participants if kind_of(p.entity_id) != "country"})
    topics = sorted(set(event.topics))
    for i, x in enumerate(own):
        for y in own[i + 1:]:
            yield ("actors", x, y)
        for topic in topics:
            yield ("topic", x, topic)


def _title(actors: list[str], types: Counter, topics: Counter, name_of, topic_label) -> str:
    names = " – ".join(name_of(a) for a in actors[:2]) or "Unnamed actors"
    kind = TYPE_WORDS.get(types.most_common(1)[0][0], "events") if types else "events"
    topic = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if topics else None
    return f"{names} {kind}" + (f" on {topic_label(topic)}" if topic else "")
