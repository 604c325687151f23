"""Officials act for their states: a summit of two leaders, or a strike of one state's army on
another state, is one between the two states, and both states are its sides."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from newstrace.knowledge.places import country_id
from newstrace.model import Entity, Participant, Role

# A state stands beside its officials a little less surely than they stand in the text.
_STATE_CONFIDENCE = 0.9


def state_of(entity: Entity | None, roles: Iterable[Role], titles: frozenset[str],
             organs: frozenset[str]) -> str | None:
    """The state an actor acts for: a state itself, the state of an organ of it (an army, a
    ministry: actor types `organs`), or the state of a head of it (`roles` held on the day
    whose title is one of `titles`). A group based in a state does not act for it."""
    if entity is None:
        return None
    if entity.kind == "country":
        return entity.id
    if entity.kind == "org":
        return country_id(entity.country) if entity.subtype in organs and entity.country else None
    if entity.kind == "person":
        return next((country_id(r.country) for r in roles if r.title in titles and r.country), None)
    return None


def roles_held(kb, entity_id: str, day: date | None) -> tuple[Role, ...]:
    """The roles an actor holds on `day`; on no known day, those it holds still: a report with
    no date is most often of the present."""
    if day is not None:
        return kb.roles_of(entity_id, day)
    return tuple(r for r in kb.roles_of(entity_id) if r.end is None)


def standing_for(kb, day: date | None, titles: frozenset[str],
                 organs: frozenset[str]) -> Callable[[str], str | None]:
    """The state each actor of the knowledge base acts for on `day` (roles_held)."""
    return lambda entity_id: state_of(kb.get(entity_id), roles_held(kb, entity_id, day), titles, organs)


def with_states(participants: Sequence[Participant], act: bool,
                standing_for: Callable[[str], str | None]) -> list[Participant]:
    """The participants, with the states their officials act for beside them, on their side,
    where the act is one of states (`act`) and every participant acts for one of exactly two
    states: "Trump met Xi in Busan" is also a meeting of the United States and China, "the
    Indian army struck Pakistan" an attack of India on Pakistan. With more states, or a body of
    no state's beside them (a coalition, the European Commission), each official is more than
    one of two sides; with one state, no state meets or strikes another."""
    if not act:
        return list(participants)
    sides: dict[str, Participant] = {}
    for p in participants:
        state = standing_for(p.entity_id)
        if state is None:
            return list(participants)  # a body or a person of no state's takes part: not two states alone
        sides.setdefault(state, p)
    if len(sides) != 2:
        return list(participants)
    present = {p.entity_id for p in participants}
    added = [Participant(state, official.role, round(official.confidence * _STATE_CONFIDENCE, 3), official.evidence)
             for state, official in sides.items() if state not in present]
    return [*participants, *added]


def without_added_states(participants: Sequence[Participant], reports: Iterable[Sequence[Participant]],
                         standing_for: Callable[[str], str | None]) -> list[Participant]:
    """The participants less the states that only stood beside their officials, where the
    officials of the whole event stand for three states or more: reports that each saw two
    leaders meet ("Trump met al-Sharaa") gave them their states, and the meeting all the
    reports tell (with the crown prince beside them) is not one of two states."""
    officials = {standing_for(p.entity_id) for p in participants
                 if standing_for(p.entity_id) not in (None, p.entity_id)}
    if len(officials) < 3:
        return list(participants)
    named, beside = set(), set()
    for parts in reports:
        for p in parts:
            if standing_for(p.entity_id) != p.entity_id:
                continue  # not a state
            if any(q is not p and q.evidence == p.evidence and standing_for(q.entity_id) == p.entity_id
                   for q in parts):
                beside.add(p.entity_id)
            else:
                named.add(p.entity_id)
    added = beside - named
    return [p for p in participants if p.entity_id not in added]
