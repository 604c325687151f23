"""Heads speak for their organisations: "The RSF announced a truce. Its commander, Dagalo, said in
a written statement that ..." tells one statement of the RSF, and its commander is a side of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from newstrace.stages.events.drafts import Draft
from newstrace.stages.events.states import roles_held

# How many paragraphs after the main event's own a head's words still tell it: the lede's (a
# teaser paragraph often stands before the body's own first).
_LEDE_PARAGRAPHS = 2


def with_heads_words(main: Draft, drafts: list[Draft], organisations: Callable[[str], set[str]]) -> None:
    """Add to a main statement of an organisation the head of it who speaks in the lede
    (`organisations`: the organisations a person holds a role in on the day)."""
    if main.hit.type != "STATEMENT":
        return
    speakers = {p.entity_id for p in main.participants if p.role == "source"}
    for d in drafts:
        if d is main or d.hit.type != "STATEMENT" or d.background \
                or not 0 <= d.sentence.paragraph - main.sentence.paragraph <= _LEDE_PARAGRAPHS:
            continue
        for p in d.participants:
            if p.role == "source" and p.entity_id not in main.entity_ids() and organisations(p.entity_id) & speakers:
                main.participants.append(p)


def organisations_of(kb, day: date | None) -> Callable[[str], set[str]]:
    """The organisations a person holds a role in on the day (states.roles_held)."""
    return lambda entity_id: {r.org_id for r in roles_held(kb, entity_id, day) if r.org_id}
