"""Heads who meet in person meet for their states: a summit of two leaders is one of their two states."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from newstrace.knowledge.places import country_id
from newstrace.model import Participant, Role

# A state stands beside its leader a little less surely than the leader stands in the text.
_STATE_CONFIDENCE = 0.9


def with_states(participants: Sequence[Participant], act: bool, day: date | None,
                roles_of: Callable[[str, date], Iterable[Role]], titles: frozenset[str]) -> list[Participant]:
    """The participants, with the states of two heads (`titles`, held on `day`) of two states who
    meet in person (`act`) beside them, on their side: "Trump met Xi in Busan" is also a meeting of
    the United States and China. Only two states: at a summit of many each leader speaks for more
    than a state (a coalition, a host), and a leader alone meets no state of his own."""
    if not act or day is None:
        return list(participants)
    heads: dict[str, Participant] = {}
    for p in participants:
        for role in roles_of(p.entity_id, day):
            if role.title in titles and role.country:
                heads.setdefault(country_id(role.country), p)
                break
    present = {p.entity_id for p in participants}
    states = [pid for pid in present if pid.startswith("iso:")]
    if len(heads) != 2 or any(state not in heads for state in states):
        return list(participants)
    added = [Participant(state, head.role, round(head.confidence * _STATE_CONFIDENCE, 3), head.evidence)
             for state, head in heads.items() if state not in present]
    return [*participants, *added]
