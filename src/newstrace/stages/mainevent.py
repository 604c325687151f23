"""The main event of an article (what its title and lede report) and the background events it recalls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newstrace.model import DateValue
from newstrace.stages.triggers import TriggerLexicon, find_triggers

# The lede: events this far into the article may still be the one the title reports.
_LEDE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Candidate:
    """What the choice of main and background events needs to know of one event, in text order."""

    type: str
    status: str
    borrowed: bool
    paragraph: int
    entity_ids: frozenset[str]  # participants and the place: what a title may name
    date: DateValue
    date_kind: str = ""  # the temporal expression's kind: absolute, weekday, relative, vague, anaphoric
    date_direction: str = ""


def choose_main(candidates: tuple[Candidate, ...], title: str | None, lex: TriggerLexicon,
                names_of: Callable[[str], tuple[str, ...]]) -> int | None:
    """Index of the event the title and lede report, or None (an analysis piece, a non-event).

    With a title: the first lede event of a type the title's trigger names, or,
    when the title names no trigger, the first lede event one of whose actors the
    title names. Without a title: the first event, if it opens the article.
    """
    asserted = [i for i, c in enumerate(candidates) if c.status == "asserted" and not c.borrowed]
    lede = [i for i in asserted if candidates[i].paragraph <= _LEDE_PARAGRAPHS]
    heading = (title or "").strip()
    if heading:
        types = {h.type for h in find_triggers(heading, 0, lex)}
        if types:
            return next((i for i in lede if candidates[i].type in types), None)
        folded = heading.casefold()
        return next((i for i in lede if any(
            len(name) > 2 and name.casefold() in folded for eid in candidates[i].entity_ids for name in names_of(eid))), None)
    if asserted and candidates[asserted[0]].paragraph <= 1:
        return asserted[0]
    return None


def background_flags(candidates: tuple[Candidate, ...], main: int | None) -> tuple[bool, ...]:
    """Background: events dated clearly before the main event, or recalled ("a few days ago")."""
    flags = []
    head = candidates[main] if main is not None else None
    for index, c in enumerate(candidates):
        if index == main:
            flags.append(False)
            continue
        recalled = c.date_kind in ("vague", "relative") and c.date_direction == "past" and (
            head is None or c.date != head.date)
        earlier = (
            head is not None and head.date.known and c.date.known and c.date.end is not None
            and head.date.start is not None and c.date.end < head.date.start
        )
        flags.append(bool(recalled or earlier))
    return tuple(flags)
