"""The actor network: who interacted with whom, how often, in which kinds of event."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from newstrace.model import Event


@dataclass(frozen=True)
class Tie:
    """Two actors who took part in the same events."""

    first: str
    second: str
    events: int
    types: tuple[tuple[str, int], ...]
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    actors: tuple[str, ...]
    ties: tuple[Tie, ...]
    event_counts: tuple[tuple[str, int], ...]


def actor_network(events: Sequence[Event], focus: frozenset[str] | None = None) -> Network:
    """Ties between every two participants of each event; `focus` keeps ties touching those actors."""
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    ids: dict[tuple[str, str], list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    for event in events:
        actors = sorted({p.entity_id for p in event.participants})
        counts.update(actors)
        for a, b in combinations(actors, 2):
            types[(a, b)][event.type] += 1
            ids[(a, b)].append(event.id)
    ties = [
        Tie(a, b, len(ids[(a, b)]), tuple(sorted(types[(a, b)].items())), tuple(sorted(ids[(a, b)])))
        for (a, b) in sorted(types)
        if focus is None or a in focus or b in focus
    ]
    ties.sort(key=lambda t: (-t.events, t.first, t.second))
    actors = sorted({x for t in ties for x in (t.first, t.second)} | (set(focus) & set(counts) if focus else set(counts)))
    return Network(tuple(actors), tuple(ties), tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
