"""The main event of an article (what its title and lede report), the place its title or dateline
gives it, and the background events the article recalls."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newstrace.knowledge.inflection import PLACE
from newstrace.model import Article, DateValue, Mention, Span
from newstrace.stages.events.places import PLACE_KINDS, at_dateline
from newstrace.stages.events.triggers import TriggerLexicon, find_triggers

# The lede: events this far into the article may still be the one the title reports.
_LEDE_PARAGRAPHS = 3
_UNTITLED_LEDE = 1
# Weights of the main-event score: the lede's first event, a type the title names,
# each actor the title names (up to the cap), and the penalty of a noun with no verb.
_FIRST = 2.0
_TITLE_TYPE = 2.5  # above the first event's weight: the title breaks a tie between two acts it both names
_NAMED_CAP = 2
_BARE_NOUN = 1.0
# Below this a lede event is neither the first one nor one the title speaks of.
_ENOUGH = 1.0
# How far before a place name in the title its place word may start ("in the capital").
_TITLE_CUE_REACH = 30

# How far into the text the title may be repeated (after section labels and a standfirst).
_TITLE_REACH = 800


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
    nominal: bool = False  # a noun reporting no act of its own ("the sanctions")
    sentence: int = -1  # where its sentence starts


def choose_main(candidates: tuple[Candidate, ...], title: str | None, lex: TriggerLexicon,
                names_of: Callable[[str], tuple[str, ...]], verbal: frozenset[str] = frozenset(),
                headline: bool = True) -> int | None:
    """Index of the event the title and lede report, or None (an analysis piece, a non-event).

    News is written as an inverted pyramid: the first event the lede reports is
    the main one unless the title points elsewhere. Each lede event scores for
    being that first event, for a type the title's trigger names, and for each
    of its actors or its place the title names (two at most); a bare noun ("the
    sanctions") with no verb of its own scores less than a reported act. A speech act
    (`verbal` types) whose sentence goes on to report an act of another kind, not dated
    before it, only carries the news ("the army said drones struck the airport"): the act it
    reports leads. A title that is no `headline` of the story (the site's name a page kept as
    its title) says nothing of which event leads.
    """
    asserted = [i for i, c in enumerate(candidates) if c.status == "asserted" and not c.borrowed]
    lede = [i for i in asserted if candidates[i].paragraph <= _LEDE_PARAGRAPHS]
    if not lede:
        return None
    carriers = {i for i in lede if candidates[i].type in verbal and any(
        j > i and candidates[j].sentence == candidates[i].sentence and candidates[j].type not in verbal
        and not candidates[j].nominal and not _earlier(candidates[j].date, candidates[i].date) for j in lede)}
    opening = next((i for i in lede if i not in carriers), lede[0])
    heading = (title or "").strip()
    types = {h.type for h in find_triggers(heading, 0, lex)} if heading else set()
    folded = heading.casefold()

    def named(c: Candidate) -> int:
        return sum(1 for eid in c.entity_ids if any(len(n) > 2 and n.casefold() in folded for n in names_of(eid)))

    def from_title(c: Candidate) -> float:
        return (_TITLE_TYPE if c.type in types else 0.0) + min(named(c), _NAMED_CAP)

    def score(i: int) -> float:
        c = candidates[i]
        # Without a title, only an event opening the article is known to lead it.
        first = i == opening and (bool(heading) or c.paragraph <= _UNTITLED_LEDE)
        return (_FIRST if first else 0.0) + from_title(c) - (_BARE_NOUN if c.nominal else 0.0)

    best = max(lede, key=lambda i: (score(i), -i))
    # Under a title that speaks of none of them, a bare noun opening an analysis piece
    # ("the assassination of X disrupted the talks") is no report of its own.
    if heading and headline and candidates[best].nominal and not from_title(candidates[best]):
        return None
    return best if score(best) >= _ENOUGH else None


def _earlier(date: DateValue, than: DateValue) -> bool:
    """Whether a date ends before another starts: an act the speech recalls ("which it received
    last year"), not one it reports."""
    return date.end is not None and than.start is not None and date.end < than.start


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


def relocated(sentence: Span, place_id: str | None, place_evidence: Span | None, mentions: tuple[Mention, ...],
              text: str, title: str | None, lex: TriggerLexicon,
              names_of: Callable[[str], tuple[str, ...]], by_dateline: bool = True) -> Mention | None:
    """The place mention the main event should take instead of its own, or None to keep it.

    The title's place ("... meet in Istanbul") wins when the event's own sentence names
    it too or names none; failing that, the dateline's ("DOHA -") wins over a place only
    a later sentence gave it, unless the event is not placed by datelines (`by_dateline`).
    """
    own = place_evidence is not None and sentence.start <= place_evidence.start < sentence.end
    titled = title_place(title or "", mentions, lex, names_of)
    if titled is not None and titled.entity_id != place_id and (not own or any(
            m.entity_id == titled.entity_id and sentence.start <= m.span.start < sentence.end for m in mentions)):
        return titled
    return None if own or not by_dateline else dateline_place(mentions, text, sentence.end)


def title_place(title: str, mentions: tuple[Mention, ...], lex: TriggerLexicon,
                names_of: Callable[[str], tuple[str, ...]]) -> Mention | None:
    """A place of the text the title locates something in: a place word right before its name
    ("in Abu Dhabi", "في الدوحة") or a locative ending right after it ("İstanbul'da").
    Returns the place's first mention in the text, the evidence."""
    folded = title.casefold()
    if not folded:
        return None
    seen: set[str] = set()
    for m in mentions:
        if m.kind not in PLACE_KINDS or not m.entity_id or m.entity_id in seen or m.rule.endswith("demonym"):
            continue
        seen.add(m.entity_id)
        for name in sorted({n.casefold() for n in names_of(m.entity_id)} | {m.text.casefold()}, key=len, reverse=True):
            at = folded.find(name) if len(name) > 2 else -1
            if at < 0:
                continue
            before = folded[max(0, at - _TITLE_CUE_REACH):at]
            cue = list(lex.place_before.finditer(before))
            after = folded[at + len(name):at + len(name) + 12]
            if (cue and not before[cue[-1].end():].strip()) or lex.endings.case_of(name, after) == PLACE or any(
                    before.endswith(glued) for glued in lex.place_glued + lex.place_prefixes):
                return m
    return None


def dateline_place(mentions: tuple[Mention, ...], text: str, before: int) -> Mention | None:
    """The first place of the text, before `before`, that stands at a dateline ("ABU DHABI, Nov 18 —")."""
    for m in mentions:
        if m.span.start >= before:
            break
        if m.kind in PLACE_KINDS and m.entity_id and not m.rule.endswith("demonym") and at_dateline(m, text):
            return m
    return None


# A title's words of four letters or more, compared by their first five.
_TITLE_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,}(?!\w)")
_STEM = 5


def title_ends_at(article: Article) -> int:
    """Where the title ends in the text, when the text opens with it (after a standfirst, say); else 0."""
    title = (article.title or "").strip()
    if not title:
        return 0
    at = article.text.find(title, 0, len(title) + _TITLE_REACH)
    return at + len(title) if at >= 0 else 0


def headline(title: str | None, body: str) -> bool:
    """Whether a title speaks of the text below it: a word of it (its first letters, for
    inflected forms) recurs there. A site's name kept as the title does not; a title with
    no spaced words (Chinese, Japanese) is taken at its word."""
    stems = {word[:_STEM] for word in _TITLE_WORD.findall((title or "").casefold())}
    if len(stems) < 2:
        return True
    folded = body.casefold()
    return any(stem in folded for stem in stems)
