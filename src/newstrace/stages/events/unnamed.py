"""Doers a report does not name ("gunmen opened fire"): the source of an act of violence, or nobody."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newstrace.ids import is_unnamed
from newstrace.model import Participant


def with_unnamed_doers(participants: Sequence[Participant], event_type: str,
                       types: Iterable[str]) -> list[Participant]:
    """The participants, with unnamed doers kept only as the source of a type they may do
    (`types`) that no other participant is the source of: "Hamas gunmen attacked" is Hamas's
    attack, "militants were condemned" no event of theirs. Words like "gunmen" name doers
    whatever the grammar says ("قتل مسلحون": the verb first), so they are the source."""
    unnamed = [p for p in participants if is_unnamed(p.entity_id)]
    if not unnamed:
        return list(participants)
    others = [p for p in participants if not is_unnamed(p.entity_id)]
    if event_type not in types or any(p.role == "source" for p in others):
        return others
    return [replace(unnamed[0], role="source"), *others]


def only_unnamed(participants: Sequence[Participant]) -> bool:
    """Whether every participant is a doer the text does not name."""
    return bool(participants) and all(is_unnamed(p.entity_id) for p in participants)
