"""Who took part in an event and where it happened, from the linked mentions of the trigger's clause."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newstrace.ids import is_provisional
from newstrace.knowledge.inflection import ATTRIBUTE, PLACE
from newstrace.model import Mention, Participant, Span
from newstrace.stages.events.eventlex import ontology
from newstrace.stages.events.triggers import TriggerHit, TriggerLexicon
from newstrace.text.scripts import MARKS

ACTOR_KINDS = frozenset({"person", "org", "country", "role"})
PLACE_KINDS = frozenset({"place", "country"})
# Types whose other side may sit after "that" ("demanded that Israel lift ...").
CONTENT_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SANCTION", "PROTEST"})
# A word goes on through its vowel signs (Devanagari "की" is one word, not two).
_WORD = re.compile(r"[^\W\d_][\w'’\-" + MARKS + r"]*|\d+")
# A straight quote between two letters is part of a Hebrew acronym ("צה"ל", "כ"ץ"), no punctuation.
_STRAIGHT_QUOTE = r'(?<![^\W\d_])"|"(?![^\W\d_])'
# Full-width punctuation of Chinese and Japanese ("，", "、", "「") counts as its ASCII kin.
_PUNCT = re.compile(r"[,.;:!?()«»“”؟،，。；：！？（）「」『』、]|" + _STRAIGHT_QUOTE)
# Punctuation a place phrase does not run across; a comma it may ("Tyre, south Lebanon").
_PHRASE_BREAK = re.compile(r"[.;:!?()«»“”؟。；：！？（）「」|]|" + _STRAIGHT_QUOTE)
_APPOSITION = re.compile(r"^\s*,\s*(?:[^\W\d_A-ZÀ-ÖØ-ÞА-ЯΑ-Ω][\w'’-]*\s+){1,7}$")
# An opening quotation mark; a straight quote between two letters is a Hebrew acronym ("צה"ל").
_QUOTE_OPEN = re.compile(r'[«“„]|(?<![^\W\d_])"|"(?![^\W\d_])')
# A clause break between two actors, unless it only separates the items of a list ("X, Y and Z").
_CLAUSE_CUT = re.compile(r"[,;:()«»“”؛،，；：（）「」]|" + _STRAIGHT_QUOTE)
_PIECE = re.compile(r"(?:(?!" + _CLAUSE_CUT.pattern + r").)+", re.S)
_LIST_GAP = re.compile(r"^\s*[,،]\s*(?:\w{1,4}\s+)?$")
# How close a delegation word must be to an organisation for it to take part ("a Hamas delegation").
_GROUP_REACH = 25
# A short parenthesised gloss ("(MİT)") between an organisation and its head's name.
_GLOSS = re.compile(r"\s*\([^()]{1,24}\)")
# "visited Moscow", "viajó el lunes a Kiev", "a frappé Kiev": a city this close after the verb.
_OBJECT_WORDS = 4
# A postposition of subject matter this close after a noun governs it ("ウクライナ問題について").
_SUBJECT_REACH = 8
# A place this close after a trigger is its object ("访问北京", "空袭加沙城").
_DIRECT_OBJECT = 2
_FILLERS_CITY = 4
_FILLERS_COUNTRY = 1
# After a dateline's place: a comma, a dash or slash, an agency in brackets, or a colon opening
# the sentence ("New Delhi: India on Wednesday ...", "WASHINGTON: The ...").
# A dateline may close on a bar, with the agency's short name before it ("Washington afp | ...").
_DATELINE_MARK = re.compile(r"\s*(?:[,/–—|-]|\([^()\n]{1,20}\)\s*[–—|-]|:\s+(?=\w)|[^\W\d_]{2,8}\s*\|)")
# An agency in parentheses with no dash after it ("STOCKHOLM (TT) Flera tusen ..."): a dateline
# only where the place is written in capitals, as datelines are.
_AGENCY_MARK = re.compile(r"\s*\([^()\n]{1,20}\)\s+(?=\w)")
# How many words may stand between "against" and the actor it names ("against the government of President X").
_AGAINST_WORDS = 6
_AGAINST_CONFIDENCE = 0.6
# How far after a place only the text knows the known city it lies in may be named.
_CITY_AROUND_WORDS = 6
# Words between a place and the place that locates it ("Bucha, 25 km northwest of the capital Kyiv").
_RELATIVE_WORDS = 6


@dataclass(frozen=True)
class Scope:
    """The stretch of a sentence whose actors take part in one trigger's event."""

    start: int
    end: int
    content_start: int | None = None
    sentence_end: int | None = None


@dataclass(frozen=True)
class PlaceChoice:
    """The place of an event and the mention that names it."""

    place_id: str
    mention: Mention


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def scope_of(hit: TriggerHit, sentence_start: int, sentence_end: int, text: str, lex: TriggerLexicon,
             others: tuple[Span, ...] = (), stops: tuple[Span, ...] = (),
             quotations: Sequence[Span] | None = None) -> Scope:
    """From the last "that" before the trigger to the first "that", subject-matter word or quote after it.

    A "that" before the trigger cuts only after another trigger ("X said that Y met Z");
    otherwise it is a relative pronoun ("a missile that hit ...") inside the clause. Where the
    text's `quotations` are given, only their opening marks cut: a name in quotation marks
    ("the meeting of the « Coalition »") is no quotation.
    """
    start = sentence_start
    for match in lex.complementizers.finditer(text, sentence_start, hit.span.start):
        if any(o.end <= match.start() for o in others):
            start = match.end()
    end = sentence_end
    content_start = None
    after = hit.span.end
    comp = lex.complementizers.search(text, after, sentence_end)
    if comp:
        end, content_start = comp.start(), comp.end()
    subject = lex.subject_before.search(text, after, end)
    verb = text[hit.span.start:hit.span.end].casefold()
    # Hebrew "על ידי" (by) is no "על" (about); "أُفرج صباح الاثنين عن" is the verb's own "عن".
    while subject and (lex.agent_before.match(text, subject.start())
                       or (verb, subject.group().casefold()) in lex.governed):
        subject = lex.subject_before.search(text, subject.end(), end)
    if subject:
        end = subject.start()
    if quotations is None:
        quote = _QUOTE_OPEN.search(text, after, end)
        end = quote.start() if quote else end
    else:
        end = min([end, *(q.start for q in quotations if after <= q.start < end)])
    # "..., said the Elysee": a later speech verb opens a clause of its own.
    end = min([end, *(s.start for s in stops if after <= s.start < end)])
    return Scope(start, max(end, after), content_start if content_start is not None else max(end, after), sentence_end)


def _gap(text: str, left: int, right: int) -> str:
    return text[left:right] if left <= right else ""


def _is_attribute(m: Mention, actors: list[Mention], text: str, lex: TriggerLexicon, trigger: Span | None = None) -> bool:
    """Whether an org/country mention only describes a person ("Turkish President X", "X, head of Hamas")."""
    if m.kind not in ("org", "country"):
        return False
    if m.rule.endswith("demonym") and any(
            o.kind == "org" and 0 <= o.span.start - m.span.end and len(_words(_gap(text, m.span.end, o.span.start))) <= 2
            and not _PUNCT.search(_gap(text, m.span.end, o.span.start)) for o in actors):
        return True  # "the Palestinian movement Hamas": the demonym describes the organisation
    near = text[max(0, m.span.start - _GROUP_REACH):m.span.end + _GROUP_REACH]
    if lex.groups.search(near):
        return False  # "a Hamas delegation led by X": Hamas takes part
    for other in actors:
        if other is m or other.kind not in ("person", "role"):
            continue
        if trigger is not None and min(other.span.end, m.span.end) <= trigger.start < max(other.span.start, m.span.start):
            continue  # the trigger stands between them: two sides, not a name and its title
        if other.span.start <= m.span.start and m.span.end <= other.span.end:
            return True
        if other.span.start >= m.span.end:
            gap = _GLOSS.sub("", _gap(text, m.span.end, other.span.start))
            if not _PUNCT.search(gap) and len(_words(gap)) <= 3:
                return True
            if gap.strip() in (",", "،") and other.kind == "person":
                return True  # "the head of the agency, X": the agency describes X
        elif other.span.end <= m.span.start:
            gap = _gap(text, other.span.end, m.span.start)
            if other.kind == "role" and not _PUNCT.search(gap) and len(_words(gap)) <= 2:
                return True
            if other.kind == "person" and _APPOSITION.match(gap):
                return True
            if gap.strip() and gap.strip().casefold() in lex.possessives:
                return True  # "ประธานาธิบดีสี จิ้นผิง ของจีน": China is whose president
    return False


def _qualifies_org(m: Mention, actors: list[Mention], text: str, lex: TriggerLexicon) -> bool:
    """"los hutíes de Yemen", "Hamas in Gaza": a country right after an organisation locates it."""
    if m.kind != "country":
        return False
    for o in actors:
        if o.kind == "org" and o.span.end <= m.span.start:
            gap = _gap(text, o.span.end, m.span.start)
            if len(_words(gap)) == 1 and not _PUNCT.search(gap) and not lex.conjunctions.search(gap):
                return True
    return False


def _agent_marked(m: Mention, text: str, lex: TriggerLexicon) -> bool:
    """"par Israël du président ...": an actor right after an agent word is the doer, not a descriptor."""
    before = text[max(0, m.span.start - 20):m.span.start]
    return any(not before[match.end():].strip() for match in lex.agent_before.finditer(before))


def _in_parentheses_gloss(m: Mention, actors: list[Mention], text: str) -> bool:
    """"(MIT)" right after a named actor glosses it; it is not another participant."""
    before = text[max(0, m.span.start - 3):m.span.start].rstrip()
    if not before.endswith("("):
        return False
    paren = text.rfind("(", 0, m.span.start)
    return any(0 <= paren - o.span.end <= 2 for o in actors if o is not m)


def actors_in(mentions: tuple[Mention, ...], scope: Scope, text: str, lex: TriggerLexicon,
              excluded: frozenset[Span] = frozenset(), trigger: Span | None = None) -> list[Mention]:
    """Actor mentions of the scope that stand for themselves (not descriptors of another actor)."""
    inside = [
        m for m in mentions
        if m.kind in ACTOR_KINDS and m.entity_id and scope.start <= m.span.start and m.span.end <= scope.end
        and m.span not in excluded
    ]
    # "中東情勢やウクライナ問題について会談": a noun before a postposition of subject matter is
    # what the event is about.
    inside = [m for m in inside if not _subject_matter(m, text, lex)]
    kept = [m for m in inside if _agent_marked(m, text, lex)
            or (not _is_attribute(m, inside, text, lex, trigger) and not _in_parentheses_gloss(m, inside, text)
                and not _qualifies_org(m, inside, text, lex))]
    return kept


def _subject_matter(m: Mention, text: str, lex: TriggerLexicon) -> bool:
    cue = lex.subject_after.search(text, m.span.end, m.span.end + _SUBJECT_REACH)
    return cue is not None and not _PUNCT.search(text, m.span.end, cue.start())


def choose_participants(hit: TriggerHit, mentions: tuple[Mention, ...], scope: Scope, text: str,
                        lex: TriggerLexicon, symmetric: bool, excluded: frozenset[Span] = frozenset()) -> tuple[Participant, ...]:
    """Source and target participants of a trigger, as knowledge-base ids with their evidence spans."""
    actors = actors_in(mentions, scope, text, lex, excluded, hit.span)
    before = [m for m in actors if m.span.end <= hit.span.start]
    after = [m for m in actors if m.span.start >= hit.span.end]
    if lex.verb_final and before and not symmetric:
        # "X, ... Y'yi kınadı": the doer opens the clause, the other side stands before the verb too
        if hit.type != "STATEMENT":
            after = before[1:] + after
        before = before[:1]
    elif not symmetric:  # "..., while Hamas demands": the doer is in the trigger's own clause
        before = _nearest_clause(before, hit, text)
    if hit.type == "STATEMENT":
        agent = next((m for m in after if _after_agent_word(m, hit, text, lex)), None)
        speaker = agent or (before[0] if lex.verb_final and before else _speaker(hit, before, after, scope, text, lex))
        return _dedupe([(speaker, "source")]) if speaker else ()
    if not after and scope.content_start is not None and hit.type in CONTENT_TARGET_TYPES:
        content = Scope(scope.content_start, scope.sentence_end or scope.content_start + 200)
        following = [m for m in actors_in(mentions, content, text, lex, excluded)
                     if m.span.start >= scope.content_start]
        after = following[:1]
    agents = [m for m in after if _after_agent_word(m, hit, text, lex) or _doer_demonym(m, hit, text)]
    after = [m for m in after if m not in agents]
    before = before + agents
    if symmetric and not before:
        return _dedupe([(m, "other") for m in after])
    return _dedupe([(m, "source") for m in before] + [(m, "target") for m in after])


def _doer_demonym(m: Mention, hit: TriggerHit, text: str) -> bool:
    """"غارة إسرائيلية", "frappe israélienne": a demonym right after a noun trigger names the doer."""
    return hit.noun and m.rule.endswith("demonym") and len(_words(_gap(text, hit.span.end, m.span.start))) <= 1


def _after_agent_word(m: Mention, hit: TriggerHit, text: str, lex: TriggerLexicon) -> bool:
    """"by Israel" after a passive or nominal trigger names the doer."""
    before = text[max(hit.span.end, m.span.start - 25):m.span.start]
    match = None
    for match in lex.agent_before.finditer(before):
        pass
    return match is not None and len(_words(before[match.end():])) <= 1


def _speaker(hit: TriggerHit, before: list[Mention], after: list[Mention], scope: Scope, text: str,
             lex: TriggerLexicon) -> Mention | None:
    """Who speaks: the actor of the nearest clause before the verb, or after it in an inverted
    ", said X." / ", a indiqué l'Élysée."; nobody when that clause names only an unlinked source
    ("diplomatic sources said")."""
    # A short gloss in brackets ("the Rapid Support Forces (RSF) said") is no clause of its own.
    lead = _GLOSS.sub(lambda g: " " * len(g.group()), text[scope.start:hit.span.start])
    tail_end = scope.sentence_end or scope.end
    tail = text[hit.span.end:tail_end]
    pieces = [(p.start(), p.group()) for p in _PIECE.finditer(lead) if p.group().strip()]
    if after and _QUOTED_LEAD.search(lead):
        return after[0]  # '"...", indicaron las FAR en un comunicado el domingo': who is quoted follows
    if lead.rstrip().endswith((",", "،")) and not _CLAUSE_CUT.search(tail.rstrip(" .!?؟")) and len(_words(tail)) <= 5:
        return after[0] if after else _apposed(before, pieces, lead, scope.start, lex)
    if _DATELINE_END.search(lead) and after:
        return after[0]  # "عمّان - (بترا): أكد الوزير ...": the verb opens the text after its dateline
    if not pieces:
        return after[0] if after and not before else None
    closest_start = scope.start + pieces[-1][0]
    own = [m for m in before if m.span.start >= closest_start]
    if own:
        return own[-1]
    if _words(pieces[-1][1]):
        return _apposed(before, pieces, lead, scope.start, lex)
    return before[-1] if before else (after[0] if after else None)


def _apposed(before: list[Mention], pieces: list[tuple[int, str]], lead: str, offset: int,
             lex: TriggerLexicon) -> Mention | None:
    """"X, a group at war with the army, said": a phrase set off by commas right before the verb
    describes the actor standing alone in the clause before it."""
    if pieces and len(_words(pieces[-1][1])) <= 1 and len(pieces) > 2:
        pieces = pieces[:-1]  # "Hamas, the movement, has said": an auxiliary after the comma
        lead = lead[:pieces[-1][0] + len(pieces[-1][1]) + 1]
    if len(pieces) < 2 or not lead.rstrip().endswith((",", "،")):
        return None
    start, piece = pieces[-2]
    own = [m for m in before if offset + start <= m.span.start and m.span.end <= offset + start + len(piece)]
    if len(own) != 1:
        return None
    rest = lead[start:own[0].span.start - offset] + lead[own[0].span.end - offset:start + len(piece)]
    if len(_words(rest)) > 1 or lex.place_before.search(rest):
        return None  # "In Israel, officials, citing records, said": a place word, not the speaker
    return own[0]


# A quotation right before the verb: '"...", said', '«...», a déclaré', '„...“, sagte', '"...," dijo'.
_QUOTED_LEAD = re.compile(r"""(?:["»”“]\s*[,،]|[,،]\s*["»”“])\s*[-–—]?\s*$""")
# The end of a dateline before the first verb: a dash or colon, after an agency credit or not.
_DATELINE_END = re.compile(r"^[^\n]{0,40}?(?:\s[-–—]|\))\s*(?:\([^()\n]{1,20}\)\s*)?[:\-–—]?\s*$")


def _nearest_clause(before: list[Mention], hit: TriggerHit, text: str) -> list[Mention]:
    """Actors before the trigger in the nearest clause that names one, with a list it ends ("X, Y and Z met")."""
    if not before:
        return before
    kept = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m.span.end:kept[0].span.start]
        if _CLAUSE_CUT.search(gap) and not _LIST_GAP.match(gap):
            # "İsrail ordusu, salı günü ...": a clause that is only an actor is the sentence's subject
            opening = text[max(0, m.span.start - 40):m.span.start]
            alone = not _words(_CLAUSE_CUT.split(opening)[-1]) or m.span.start - 40 <= 0
            if alone and re.match(r"^\s*[,،]", gap) and not any(o.span.end <= m.span.start for o in before):
                kept.insert(0, m)
            break
        kept.insert(0, m)
    return kept


def _dedupe(pairs: list[tuple[Mention, str]]) -> tuple[Participant, ...]:
    seen: dict[str, Participant] = {}
    for mention, role in pairs:
        assert mention.entity_id
        if mention.entity_id not in seen:
            seen[mention.entity_id] = Participant(mention.entity_id, role, round(mention.confidence, 3), mention.span)
    return tuple(seen.values())


def _locative(m: Mention, text: str, lex: TriggerLexicon, hit: TriggerHit,
              toward: bool | None = None) -> tuple[bool, int]:
    """Whether a place mention is introduced as a location; also the start of its place phrase.

    Located: a place preposition shortly before it ("in the capital Ankara": a few
    filler words allowed for a city, one for a country), a locative ending after
    it ("İstanbul'da") or written onto it ("Budapesten", "ঢাকায়"), a one-letter preposition
    written onto it, or the object of a visit ("visited Moscow"). A destination ("to Moscow")
    locates only acts that happen where they go, unless `toward` says otherwise.
    """
    # An inflected match carries its ending ("Moszkvában"); others follow it ("İstanbul'da", "東京で").
    case = lex.endings.case_of(m.text, text[m.span.end:m.span.end + 12], m.rule == "kb-stem")
    if case == ATTRIBUTE:
        return False, m.span.start
    if case == PLACE:
        return True, m.span.start
    if any(m.text.startswith(glued) and len(m.text) > len(glued) + 2 for glued in lex.place_glued):
        return True, m.span.start
    if m.span.start >= 1 and text[m.span.start - 1] in lex.place_prefixes and (
            m.span.start < 2 or not text[m.span.start - 2].isalnum()):
        return True, m.span.start - 1
    window_start = max(0, m.span.start - 60)
    before = text[window_start:m.span.start]
    cut = max((before.rfind(p) for p in ",.;:!?()«»\"“”"), default=-1)
    limit = _FILLERS_CITY if m.kind == "place" else _FILLERS_COUNTRY
    if toward is None:
        toward = ontology().at_destination(hit.type, hit.mode)
    for match in reversed(list(lex.place_before.finditer(before, cut + 1))):
        if window_start + match.start() < hit.span.start < m.span.start:
            break  # "в пятницу пригрозил Брюсселю": the trigger stands between, no place phrase
        if not toward and match.group().casefold() in lex.place_toward:
            continue  # "handed over to Israel": where to, not where
        if m.kind == "country" and match.group().casefold() in lex.place_before_cities:
            continue  # "a remis à Israël": to whom, not where
        if len(_words(before[match.end():])) <= limit:
            return True, window_start + match.start()
    gap = _gap(text, hit.span.end, m.span.start)
    if (hit.mode == "visit" or (hit.type == "ASSAULT" and m.kind == "place")) and 0 <= m.span.start - hit.span.end \
            and len(_words(gap)) <= _OBJECT_WORDS and not _PUNCT.search(gap):
        return True, m.span.start
    return False, m.span.start


def _beside(country: Span, place: Span, text: str, its_own: bool, words: int = 2,
            place_words: re.Pattern[str] | None = None) -> bool:
    """A country named right before a city of it ("Qatar's capital Doha"), or after it ("Tyre,
    south Lebanon"). A place word between them ("Israel's crimes in Gaza") makes the country an
    actor, not the city's qualifier, and so does a city of another country ("이스라엘의 가자지구
    군사 작전": Israel's operation in the Gaza Strip)."""
    if country.end <= place.start:
        gap = _gap(text, country.end, place.start)
        return (its_own and len(_words(gap)) <= words and not _PUNCT.search(gap)
                and not (place_words is not None and place_words.search(gap)))
    if not its_own:
        return False
    gap = _gap(text, place.end, country.start)
    if gap.strip() in ("(", "（"):
        return True  # "Busan (South Korea)", "釜山（韓国南部）": a dateline's gloss of the city
    return len(_words(gap)) <= 2 and not _PHRASE_BREAK.search(gap)


def choose_place(hit: TriggerHit, mentions: tuple[Mention, ...], clause_start: int, clause_end: int,
                 text: str, lex: TriggerLexicon,
                 same_country: Callable[[str, str], bool] = lambda place, country: False,
                 sentence_end: int | None = None,
                 seat_of: Callable[[str], str | None] = lambda entity_id: None,
                 dates: tuple[Span, ...] = (),
                 is_area: Callable[[str], bool] = lambda entity_id: False,
                 ) -> tuple[PlaceChoice | None, frozenset[Span]]:
    """Where the event happened: the located place nearest after the trigger, else before it.

    Places named after a subject-matter word ("to discuss Gaza") are what the event
    is about, not where it happened. Also returns the spans of mentions inside the
    chosen place phrase ("the Egyptian port of El Arish"), which are no participants.
    An attack no place phrase locates is in the city of its sentence (up to
    `sentence_end`) nearest the trigger. An institution written as a place ("at the Kremlin",
    "im Weißen Haus") puts the event in the city it sits in (`seat_of`). A date between a country
    and a city (`dates`: the spans of the text's date phrases) parts them: "Rusland heeft zaterdag
    Odessa aangevallen" names a doer.
    """
    found: list[tuple[Mention, int]] = []
    seats: dict[Span, str] = {}
    for m in mentions:
        seat = seat_of(m.entity_id) if m.kind == "org" and m.entity_id else None
        if (m.kind not in PLACE_KINDS and seat is None) or not m.entity_id or not clause_start <= m.span.start < clause_end:
            continue
        if m.rule.endswith("demonym"):
            continue  # "an Israeli strike": a demonym names who, never where
        if _agent_marked(m, text, lex):
            continue  # "denounced by Caracas": a capital after "by" is its government acting
        located, phrase_start = _locative(replace(m, kind="place") if seat else m, text, lex, hit)
        if seat is not None and located:
            seats[m.span] = seat
        if not located:
            continue
        if m.span.start >= hit.span.end and lex.subject_before.search(text, hit.span.end, m.span.start):
            continue
        if (m.span.end <= hit.span.start and phrase_start < m.span.start and not (hit.nominal or hit.noun)
                and _subject_right_before(m, phrase_start, text, clause_start, lex)):
            continue  # "in Berlin gegen den Krieg im Gazastreifen demonstriert": what, not where
        found.append((m, phrase_start))
    # A place the knowledge base knows beats one only named in this text ("le palais de
    # Dolmabahçe à Istanbul" is in Istanbul as far as merging and maps can tell).
    if any(not is_provisional(f[0].entity_id) for f in found):
        found = [f for f in found if not is_provisional(f[0].entity_id)]
    # "في خان يونس جنوب قطاع غزة", "in Bucha northwest of Kyiv": a place after a word that places
    # the one before relative to it only tells where that one is.
    found = [f for f in found if not _locates_previous(f[0], found, text, lex)]
    # "dans la capitale turque Ankara": the country only qualifies the city.
    found = [f for f in found if not any(o is not f and o[1] <= f[0].span.start and f[0].span.end <= o[0].span.start
                                         for o in found)]
    # A place inside a discontinuous trigger ("وارد تهران شد") counts as after it.
    after = [f for f in found if f[0].span.start >= hit.span.start]
    before = [f for f in found if f[0].span.end <= hit.span.start]
    pick = after[0] if after else (before[-1] if before else None)
    if lex.places_before_verb and before and after and after[0][0].span.start - hit.span.end > _DIRECT_OBJECT:
        # "在巴黎举行集会，抗议以色列在加沙的军事行动": where the place phrase precedes the verb,
        # one after it is what the event is about, unless it is the verb's own object ("访问北京").
        pick = before[-1]
    if pick is not None:
        pick = _city_in_area(pick, mentions, text, same_country, is_area) or pick
    if pick is None and hit.type == "ASSAULT":
        # "strikes on the outskirts of Nabatieh": what an attack is on is where it is, though a
        # subject-matter word ("on") closes the clause for its participants.
        pick = _struck_city(hit, mentions, clause_start, max(clause_end, sentence_end or 0), text, lex)
    if pick is not None and is_provisional(pick[0].entity_id):
        pick = _city_around(pick, mentions, text, lex) or pick
    # "Mısır'ın El-Ariş Limanı": a country naming a city's country is no participant, place or not.
    cities = [m for m in mentions if m.kind == "place" and m.entity_id and clause_start <= m.span.start < clause_end]
    qualifying = frozenset(
        m.span for m in mentions for city in cities
        if m.kind == "country" and m.entity_id is not None and not _between(hit.span, m.span, city.span)
        and not any(_between(date, m.span, city.span) for date in dates)
        # "Charm el-Cheikh, les médiateurs égyptiens": a demonym after a city describes the next noun.
        and not (m.rule.endswith("demonym") and m.span.start >= city.span.end)
        and not _joined(m.span, mentions, text, lex)
        and _beside(m.span, city.span, text, same_country(city.entity_id or "", m.entity_id),
                    2 if pick is not None and city is pick[0] else 1, lex.place_before))
    if pick is None:
        return None, qualifying
    place, phrase_start = pick
    inside = frozenset(m.span for m in mentions if phrase_start <= m.span.start and m.span.end <= place.span.end)
    assert place.entity_id
    # "met him in Cairo, on his first visit to Egypt": a country placed in the same clause around
    # the city the event is in, or travelled to, is the same where told coarser, and no party. An
    # attack is the exception: the country it strikes is its target ("struck Tyre in Lebanon").
    hosts = frozenset(m.span for m in mentions if hit.type not in ontology().remote_types
                      and m is not place and m.kind == "country" and m.entity_id
                      and clause_start <= m.span.start < clause_end
                      and (m.entity_id == place.entity_id or same_country(place.entity_id, m.entity_id))
                      and _locative(m, text, lex, hit, toward=True)[0])
    return PlaceChoice(seats.get(place.span, place.entity_id), place), inside | qualifying | hosts


def _subject_right_before(m: Mention, phrase_start: int, text: str, clause_start: int, lex: TriggerLexicon) -> bool:
    """A subject-matter phrase ends at the preposition that places the mention, or takes it in
    ("gegen den Krieg im"). Only a place phrase opened by a preposition counts: a postposition
    (について, hakkında) follows its own noun, and an ending ("東京で") places the name for sure."""
    window_start = max(clause_start, m.span.start - 40)
    for match in lex.subject_before.finditer(text[window_start:m.span.start]):
        end = window_start + match.end()
        if not text[end:phrase_start].strip() or (end >= phrase_start and not text[end:m.span.start].strip()):
            return True
    return False


def _city_in_area(pick: tuple[Mention, int], mentions: tuple[Mention, ...], text: str,
                  same_country: Callable[[str, str], bool],
                  is_area: Callable[[str], bool]) -> tuple[Mention, int] | None:
    """"raided Nablus in the occupied West Bank", "struck Tyre, in southern Lebanon": a country or
    territory phrase right after a city of it tells where the city is, and the event is in the city."""
    area, phrase_start = pick
    if not area.entity_id or not is_area(area.entity_id):
        return None
    for m in mentions:
        if (m.kind == "place" and m.entity_id and m.span.end <= phrase_start and not is_area(m.entity_id)
                and not text[m.span.end:phrase_start].strip(" ,\u060c\u3001") and same_country(m.entity_id, area.entity_id)):
            return m, m.span.start
    return None


def _locates_previous(m: Mention, found: list[tuple[Mention, int]], text: str, lex: TriggerLexicon) -> bool:
    for other, _ in found:
        if other.span.end > m.span.start:
            continue
        gap = _gap(text, other.span.end, m.span.start)
        if len(_words(gap)) <= _RELATIVE_WORDS and not _PHRASE_BREAK.search(gap) and lex.place_relative.search(gap):
            return True
    return False


def at_dateline(mention: Mention, text: str) -> bool:
    """A place opening a line and followed by a dateline mark ("ABU DHABI, Nov 18 —", "الدوحة - وكالات",
    "WASHINGTON: ...")."""
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    if text[line_start:mention.span.start].strip():
        return False
    return bool(_DATELINE_MARK.match(text, mention.span.end)) or (
        mention.text.isupper() and bool(_AGENCY_MARK.match(text, mention.span.end)
                                        or text.startswith(":", mention.span.end)))


def _struck_city(hit: TriggerHit, mentions: tuple[Mention, ...], start: int, end: int,
                 text: str, lex: TriggerLexicon) -> tuple[Mention, int] | None:
    """An attack happens where it hits: the city of its clause nearest the trigger, whatever the
    preposition ("Russland hat die Großstadt Charkiw ... angegriffen")."""
    cities = [m for m in mentions if m.kind == "place" and m.entity_id and start <= m.span.start < end
              and not m.rule.endswith("demonym") and not at_dateline(m, text) and not _agent_marked(m, text, lex)]
    if not cities:
        return None
    nearest = min(cities, key=lambda m: min(abs(m.span.start - hit.span.end), abs(hit.span.start - m.span.end)))
    return nearest, nearest.span.start


def _city_around(pick: tuple[Mention, int], mentions: tuple[Mention, ...], text: str,
                 lex: TriggerLexicon) -> tuple[Mention, int] | None:
    """A known city right after a place only the text names ("au palais de Dolmabahçe, sur la
    rive européenne d'Istanbul"): the event is there as far as merging and maps can tell."""
    local = pick[0]
    for m in mentions:
        if m.span.start < local.span.end or m.kind != "place" or not m.entity_id or is_provisional(m.entity_id):
            continue
        gap = _gap(text, local.span.end, m.span.start)
        if len(_words(gap)) <= _CITY_AROUND_WORDS and not _PHRASE_BREAK.search(gap) and not _agent_marked(m, text, lex):
            return m, pick[1]
        break
    return None


def _joined(span: Span, mentions: tuple[Mention, ...], text: str, lex: TriggerLexicon) -> bool:
    """"Bangladesh and Japan on Friday in Tokyo": a country joined to another actor by a
    conjunction is a side of the event, not the qualifier of the city after it."""
    for other in mentions:
        if other.kind in ACTOR_KINDS and other.entity_id and other.span.end <= span.start:
            gap = text[other.span.end:span.start].strip()
            if gap and len(_words(gap)) == 1 and lex.conjunctions.fullmatch(gap):
                return True
    return False


def _between(trigger: Span, one: Span, other: Span) -> bool:
    left, right = sorted((one, other), key=lambda sp: sp.start)
    return left.end <= trigger.start < right.start


def protest_targets(start: int, end: int, mentions: tuple[Mention, ...], text: str,
                    lex: TriggerLexicon) -> list[Participant]:
    """Whom a crowd protests against, its doers mostly unnamed: the actor of the sentence right
    after an "against" word ("gegen die Regierung von Präsident Vučić"), or right before one
    that is a postposition ("hükümete karşı")."""
    actors = [m for m in mentions if m.kind in ACTOR_KINDS and m.entity_id and start <= m.span.start < end]
    for cue in lex.against.finditer(text, start, end):
        after = [m for m in actors if m.span.start >= cue.end()
                 and len(text[cue.end():m.span.start].split()) <= _AGAINST_WORDS]
        before = [m for m in actors if m.span.end <= cue.start() and len(text[m.span.end:cue.start()].split()) <= 1]
        target = after[0] if after else (before[-1] if before else None)
        if target is not None and target.entity_id:
            return [Participant(target.entity_id, "target", _AGAINST_CONFIDENCE, target.span)]
    return []



def city_of_country(hit: TriggerHit, country_id: str, mentions: tuple[Mention, ...], text: str, lex: TriggerLexicon,
                    in_country: Callable[[str, str], bool],
                    seat_of: Callable[[str], str | None] = lambda entity_id: None) -> Mention | None:
    """The one city of a country the article locates something in ("nach Moskau gereist", "in
    Moskau"), or the seat of an institution of it it names ("the Knesset"): where an event the
    text only places in the country took place. None when the article names none or several."""
    found: dict[str, Mention] = {}
    for m in mentions:
        if not m.entity_id or m.rule.endswith("demonym"):
            continue
        if m.kind == "place" and in_country(m.entity_id, country_id) and _locative(m, text, lex, hit, toward=True)[0]:
            found.setdefault(m.entity_id, m)
        elif m.kind == "org" and (seat := seat_of(m.entity_id)) and in_country(seat, country_id):
            found.setdefault(seat, replace(m, entity_id=seat, kind="place"))
    return next(iter(found.values())) if len(found) == 1 else None
