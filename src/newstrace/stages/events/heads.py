"""Heads speak for their organisations: "The RSF announced a truce. Its commander, Dagalo, said in
a written statement that ..." tells one statement of the RSF, and its commander is a side of it."""

from __future__ import annotations

from collections.abc import Callable

from newstrace.stages.events.drafts import Draft

# How many paragraphs after the main event's own a head's words still tell it: the lede's (a
# teaser paragraph often stands before the body's own first).
_LEDE_PARAGRAPHS = 2


def with_heads_words(main: Draft, drafts: list[Draft], organisations_of: Callable[[str], set[str]]) -> None:
    """Add to a main statement of an organisation the head of it who speaks in the lede
    (`organisations_of`: the organisations a person holds a role in on the day)."""
    if main.hit.type != "STATEMENT":
        return
    speakers = {p.entity_id for p in main.participants if p.role == "source"}
    for d in drafts:
        if d is main or d.hit.type != "STATEMENT" or d.background \
                or not 0 <= d.sentence.paragraph - main.sentence.paragraph <= _LEDE_PARAGRAPHS:
            continue
        for p in d.participants:
            if p.role == "source" and p.entity_id not in main.entity_ids() and organisations_of(p.entity_id) & speakers:
                main.participants.append(p)
