"""Events as they are assembled while an article is read: a draft per trigger, and how a later
sentence joins a draft already told (telling it again, referring back to it, answering it,
claiming it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from newstrace.model import DateValue, Mention, Participant, Span
from newstrace.stages.events.dates import TemporalExpression, anaphoric_shift
from newstrace.stages.events.eventlex import ontology
from newstrace.stages.events.participants import CONTENT_TARGET_TYPES, Scope, actors_in
from newstrace.stages.events.triggers import TriggerHit, TriggerLexicon
from newstrace.text.sentences import Sentence

# Types that answer an earlier act: their other side may be its doer.
_REACTIONS = frozenset({"ACCUSE", "THREATEN", "REJECT"})
# Acts someone claims ("claimed responsibility for the attack"), and how many paragraphs back
# the claim may reach.
_CLAIMED = frozenset({"ASSAULT"})
_CLAIM_REACH = 3
# What sets a phrase apart from the noun before it: a comma, a bracket, a dash between spaces.
_CLAUSE_MARK = re.compile(r"[,;:!?()،؛，；：（）、]|\s[-–—]\s")
# How many words a noun's own place phrase may put between them ("the attack took place in the region of the capital").
_NOUN_PLACE_REACH = 8


@dataclass
class Draft:
    """An event being assembled from one trigger and the mentions that refer back to it."""

    hit: TriggerHit
    mode: str | None
    sentence: Sentence
    participants: list[Participant]
    place_id: str | None
    place_evidence: Span | None
    when: TemporalExpression | None
    status: str
    evidence: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    borrowed: bool = False
    announced: bool = False  # an act named by a noun after the verb that announces it: an act of its own
    main: bool = False
    background: bool = False

    @property
    def date(self) -> DateValue:
        return self.when.value if self.when else DateValue.unknown()

    def entity_ids(self) -> set[str]:
        return {p.entity_id for p in self.participants}


def resolve_anaphoric(when: TemporalExpression | None, drafts: list[Draft]) -> TemporalExpression | None:
    """"The next day": counted from the day of the event told just before, when that day is known."""
    shift = anaphoric_shift(when) if when else None
    if when is None or shift is None:
        return when
    told = next((d for d in reversed(drafts) if d.participants and d.date.precision == "day"), None)
    if told is None or told.date.start is None:
        return when
    value = DateValue.of_day(told.date.start + timedelta(days=shift), "relative", when.text, when.value.rule)
    return replace(when, value=value)


def refer_back(hit: TriggerHit, objects: list[TriggerHit], drafts: list[Draft]) -> None:
    """"Aoun condemned the strike": the other side is whoever carried out the strike reported before."""
    if not drafts or drafts[-1].hit is not hit or len(drafts[-1].participants) > 1:
        return
    draft = drafts[-1]
    if not draft.participants or hit.type not in CONTENT_TARGET_TYPES:
        return
    for obj in objects:
        if obj.span.start < hit.span.end:
            continue
        earlier = [d for d in drafts[:-1] if d.hit.type == obj.type and d.participants]
        if earlier:
            known = draft.entity_ids()
            doers = [p for p in earlier[-1].participants if p.role in ("source", "other") and p.entity_id not in known]
            draft.participants += [Participant(p.entity_id, "target", round(p.confidence * 0.8, 3), obj.span)
                                   for p in doers[:1]]
            return


def read_claim(sentence: Sentence, mentions: tuple[Mention, ...], text: str, lex: TriggerLexicon,
                drafts: list[Draft]) -> None:
    """"TRF claimed responsibility for the attack": the claimant is the doer of the attack told
    just before, whose doers the report may not have named ("gunmen opened fire")."""
    claim = lex.claims.search(text, sentence.start, sentence.end)
    if claim is None:
        return
    claimed = [d for d in drafts if d.hit.type in _CLAIMED and d.status == "asserted"
               and d.sentence.start <= sentence.start and d.sentence.paragraph >= sentence.paragraph - _CLAIM_REACH]
    # "TRF claimed this attack": the noun the claim names refers back to the attack told before.
    named = [d for d in claimed if d.sentence == sentence and d.hit.nominal]
    told = next((d for d in reversed(claimed) if d not in named), None) if named else None
    if told is not None:
        for noun in named:
            merge(told, noun)
            drafts.remove(noun)
    else:
        told = claimed[-1] if claimed else None
    if told is None:
        return
    claimants = [m for m in actors_in(mentions, Scope(sentence.start, claim.start()), text, lex)
                 if m.kind in ("org", "person")]
    if not claimants or claimants[0].entity_id in told.entity_ids():
        return
    doer = claimants[0]
    assert doer.entity_id is not None
    told.participants.insert(0, Participant(doer.entity_id, "source", round(doer.confidence * 0.8, 3), doer.span))
    told.evidence.append(Span(claim.start(), claim.end()))
    if sentence not in told.sentences:
        told.sentences.append(sentence)


def react(hit: TriggerHit, drafts: list[Draft]) -> None:
    """"Zakharova warned that Moscow would retaliate": an accusation or threat with no other side
    answers the doer of the event told just before (weakly)."""
    if not drafts or drafts[-1].hit is not hit or hit.type not in _REACTIONS:
        return
    draft = drafts[-1]
    if len(draft.participants) != 1 or len(drafts) < 2:
        return
    told = next((d for d in reversed(drafts[:-1]) if d.participants and d.hit.type != hit.type), None)
    if told is None or told.sentence.paragraph < draft.sentence.paragraph - 1:
        return
    known = draft.entity_ids()
    doer = next((p for p in told.participants if p.role in ("source", "other") and p.entity_id not in known), None)
    if doer is not None:
        draft.participants.append(Participant(doer.entity_id, "target", round(doer.confidence * 0.6, 3), doer.evidence))


def named_later(drafts: list[Draft]) -> bool:
    """"The text of the Gaza agreement provides ... . Trump announced that Israel and Hamas
    signed it": an article opening on an act it names without its parties tells them later.
    Before any event with actors, an asserted draft with none takes the first later verb of its
    type that names some, when nothing (another place, another date) sets the two apart.
    Whether one did."""
    for index, draft in enumerate(drafts):
        if draft.participants:
            return False
        if draft.status != "asserted" or draft.borrowed:
            continue
        later = next((d for d in drafts[index + 1:] if d.participants and d.hit.type == draft.hit.type), None)
        if later is not None and later.status == "asserted" and not later.hit.nominal and fits(draft, later):
            merge(draft, later)
            drafts.remove(later)
            return True
    return False


def retold(title: Draft, lede: Draft) -> bool:
    return (title.hit.type == lede.hit.type and title.status == lede.status and lede.sentence.start > title.sentence.end
            and bool(title.entity_ids() & lede.entity_ids()))


def fits(old: Draft, new: Draft) -> bool:
    """Whether a trigger without actors can refer back to `old`: no other place, no other date."""
    if old.place_id and new.place_id and old.place_id != new.place_id:
        return False
    return new.when is None or old.when is None or old.date.compatible(new.date)


def same_event(old: Draft, new: Draft) -> bool:
    """A later report of an event already found: same type, shared actors, nothing contradicting."""
    if old.hit.type != new.hit.type or old.status != new.status or not old.participants:
        return False
    if not (old.entity_ids() <= new.entity_ids() or new.entity_ids() <= old.entity_ids()):
        return False
    if old.place_id and new.place_id and old.place_id != new.place_id:
        return False
    if new.when is not None and old.when is not None and not old.date.compatible(new.date):
        return False
    return new.hit.nominal or new.when is None or old.when is None


def merge(into: Draft, other: Draft) -> None:
    known = into.entity_ids()
    if not other.hit.nominal:  # a noun referring back adds no actors: its neighbours are other things
        into.participants += [p for p in other.participants if p.entity_id not in known]
    if into.place_id is None and other.place_id is not None and into.mode not in ontology().placeless_modes \
            and _placed_by_itself(other):
        into.place_id, into.place_evidence = other.place_id, other.place_evidence
    if into.when is None and other.when is not None:
        into.when = other.when
    into.evidence.append(other.hit.span)
    if other.sentence not in into.sentences:
        into.sentences.append(other.sentence)


def _placed_by_itself(draft: Draft) -> bool:
    """Whether a draft's place is its own to give the event it tells again. A noun's place stands
    in the noun's phrase: right before it ("the Doha talks") or shortly after it with no comma or
    clause between ("the agreement in Egypt"); not in another clause ("to celebrate the agreement,
    with the president expected to stop in Israel") or another noun's phrase ("celebrations in
    Israel and Gaza and messages hailing the deal")."""
    if not draft.hit.nominal or draft.place_evidence is None:
        return True
    place, noun, offset = draft.place_evidence, draft.hit.span, draft.sentence.start
    after = place.start >= noun.end
    gap = draft.sentence.text[max(0, (noun.end if after else place.end) - offset):
                              max(0, (place.start if after else noun.start) - offset)]
    return not _CLAUSE_MARK.search(gap) and len(gap.split()) <= (_NOUN_PLACE_REACH if after else 1)
