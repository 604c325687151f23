"""Acts an actor announces ("announced a strike on ...", "a annoncé des sanctions"): the act is
the news, and the one who announces it is its doer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newstrace.stages.events.triggers import TriggerHit

# The mode of a speech act that makes an act known, as opposed to one that comments on it: a
# victim says an attack happened; the side that carried it out announces it.
ANNOUNCING = "announcement"
# How many words may stand between the verb and the act it announces ("announced on Tuesday the
# death of 11 people in a strike").
_OBJECT_WORDS = 12
_CLAUSE_MARK = re.compile(r"[,;:.!?،؛。，；：！？]")
_WORD = re.compile(r"\w+")
# A doer taken from the announcement is less sure than one the act's own clause names.
_CREDIT = 0.8


def announced_acts(hits: Sequence[TriggerHit], reporting: frozenset[str], symmetric: frozenset[str],
                   text: str) -> list[TriggerHit]:
    """Nouns of one side's acts after an announcing verb of the same sentence. An act of two sides
    (a truce, a treaty) that one of them announces stays its statement: the other side's word is
    not in it."""
    verbs = [h for h in hits if h.type in reporting and not h.nominal and h.mode == ANNOUNCING]
    return [h for h in hits if h.nominal and h.type not in reporting and h.type not in symmetric
            and any(v.span.end <= h.span.start and _object_of(text[v.span.end:h.span.start]) for v in verbs)]


def _object_of(between: str) -> bool:
    """The noun is what the verb announces: no clause mark between them and few words ("announced
    a raft of measures, ..., in view of the attack" announces measures, not the attack)."""
    return not _CLAUSE_MARK.search(between) and len(_WORD.findall(between)) <= _OBJECT_WORDS


def credit_announcer(hit: TriggerHit, drafts: list) -> None:
    """Mark the draft just made of an announced act as an act of its own, and give it the
    announcer as its doer if its clause names none."""
    if not drafts or drafts[-1].hit is not hit:
        return
    act = drafts[-1]
    if act.participants:
        act.announced = True
        return
    announcement = next((d for d in reversed(drafts[:-1]) if d.sentence == act.sentence
                         and d.hit.mode == ANNOUNCING and d.hit.span.end <= hit.span.start and d.participants), None)
    if announcement is None:
        return
    act.participants = [replace(p, role="source", confidence=round(p.confidence * _CREDIT, 3))
                        for p in announcement.participants if p.role == "source"]
    act.announced = bool(act.participants)
