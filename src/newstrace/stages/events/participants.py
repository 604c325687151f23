"""Who took part in an event, from the linked mentions of the trigger's clause (where it happened: places.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.knowledge.inflection import ATTRIBUTE
from newstrace.model import Mention, Participant, Span
from newstrace.stages.events.triggers import TriggerHit, TriggerLexicon
from newstrace.text.scripts import MARKS

ACTOR_KINDS = frozenset({"person", "org", "country", "role"})
# Types whose other side may sit after "that" ("demanded that Israel lift ...").
CONTENT_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SANCTION", "PROTEST"})
# A word goes on through its vowel signs (Devanagari "की" is one word, not two).
_WORD = re.compile(r"[^\W\d_][\w'’\-" + MARKS + r"]*|\d+")
# A straight quote between two letters is part of a Hebrew acronym ("צה"ל", "כ"ץ"), no punctuation.
_STRAIGHT_QUOTE = r'(?<![^\W\d_])"|"(?![^\W\d_])'
# Full-width punctuation of Chinese and Japanese ("，", "、", "「") counts as its ASCII kin.
PUNCT = re.compile(r"[,.;:!?()«»“”؟،，。；：！？（）「」『』、]|" + _STRAIGHT_QUOTE)
# Punctuation a place phrase does not run across; a comma it may ("Tyre, south Lebanon").
PHRASE_BREAK = re.compile(r"[.;:!?()«»“”؟。；：！？（）「」|]|" + _STRAIGHT_QUOTE)
_APPOSITION_AFTER = re.compile(r"^\s*,[^.;:!?()«»“”]{1,80},")
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
# A postposition of subject matter this close after a noun governs it ("ウクライナ問題について").
_SUBJECT_REACH = 8
# How many words may stand between "against" and the actor it names ("against the government of President X").
_AGAINST_WORDS = 6
_AGAINST_CONFIDENCE = 0.6
# How far before an actor an agent word may stand with titles between ("par le président américain X").
_AGENT_REACH = 45
# At most this many words between a trigger and its own agent word ("attacked early on Monday by").
_AGENT_AFTER_TRIGGER = 4


@dataclass(frozen=True)
class Scope:
    """The stretch of a sentence whose actors take part in one trigger's event."""

    start: int
    end: int
    content_start: int | None = None
    sentence_end: int | None = None
    triggers: tuple[Span, ...] = ()  # the sentence's other triggers


def word_list(text: str) -> list[str]:
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
    return Scope(start, max(end, after), content_start if content_start is not None else max(end, after), sentence_end,
                 others)


def text_between(text: str, left: int, right: int) -> str:
    return text[left:right] if left <= right else ""


def _is_attribute(m: Mention, actors: list[Mention], text: str, lex: TriggerLexicon, trigger: Span | None = None) -> bool:
    """Whether an org/country mention only describes a person ("Turkish President X", "X, head of Hamas")."""
    if m.kind not in ("org", "country"):
        return False
    # "Sudan'ın paramiliter HDK": a country in the genitive right before an organisation is whose it is
    genitive = lex.endings.case_of(m.text, text[m.span.end:m.span.end + 12], m.rule == "kb-stem") == ATTRIBUTE
    if (m.rule.endswith("demonym") or genitive) and any(
            o.kind == "org" and 0 <= o.span.start - m.span.end and len(word_list(text_between(text, m.span.end, o.span.start))) <= 2
            and not PUNCT.search(text_between(text, m.span.end, o.span.start)) for o in actors):
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
            gap = _GLOSS.sub("", text_between(text, m.span.end, other.span.start))
            if not PUNCT.search(gap) and len(word_list(gap)) <= 3:
                return True
            if gap.strip() in (",", "،") and other.kind == "person":
                return True  # "the head of the agency, X": the agency describes X
        elif other.span.end <= m.span.start:
            gap = text_between(text, other.span.end, m.span.start)
            if other.kind == "role" and not PUNCT.search(gap) and len(word_list(gap)) <= 2:
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
            gap = text_between(text, o.span.end, m.span.start)
            if len(word_list(gap)) == 1 and not PUNCT.search(gap) and not lex.conjunctions.search(gap):
                return True
    return False


def agent_marked(m: Mention, text: str, lex: TriggerLexicon) -> bool:
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
    inside = [m for m in inside if not _subject_matter(m, text, lex) and not _related(m, inside, text, lex)]
    kept = [m for m in inside if agent_marked(m, text, lex)
            or (not _is_attribute(m, inside, text, lex, trigger) and not _in_parentheses_gloss(m, inside, text)
                and not _qualifies_org(m, inside, text, lex))]
    return kept


# How many words (a title, a first name, "the government of") may stand between a relation and
# the actor it names.
_RELATION_GAP = 5
_APPOSED_NAME = re.compile(r"\s*,\s*$")


def _related(m: Mention, actors: list[Mention], text: str, lex: TriggerLexicon) -> bool:
    """"opositor de X, Y ...", "X, a critic of Putin, ...", "a critic of the government of the
    Turkish president, Recep Tayyip Erdogan, ...": the actor a relation names describes the person
    it ties to them and takes no part. A comma may only set off the name in apposition to the
    title before it, closed by another; after a name ("the critic of Erdogan, Imamoglu, ...") the
    apposed name is the critic's own."""
    start = max(0, m.span.start - 80)
    before = text[start:m.span.start]
    apposed = text[m.span.end:m.span.end + 2].lstrip().startswith(",")
    for cue in lex.relations.finditer(before):
        gap = before[cue.end():]
        if len(word_list(gap)) > _RELATION_GAP:
            continue
        if not PUNCT.search(gap):
            return True
        named_between = any(start + cue.end() <= o.span.start and o.span.end <= m.span.start for o in actors)
        if apposed and _APPOSED_NAME.search(gap) and not PUNCT.search(gap.rstrip(" ,")) and not named_between:
            return True
    return False


def _subject_matter(m: Mention, text: str, lex: TriggerLexicon) -> bool:
    cue = lex.subject_after.search(text, m.span.end, m.span.end + _SUBJECT_REACH)
    return cue is not None and not PUNCT.search(text, m.span.end, cue.start())


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
        agent = next((m for m in after if _after_agent_word(m, hit, text, lex, scope.triggers)), None)
        received = bool(lex.received.search(hit.text))
        told = [m for m in before if (received or _next_to_auxiliary(m, hit, text, lex))
                and not _agent_phrase(m, text, lex)]
        if told and (received or _passive(hit, before, text, lex)):
            # "Machado wurde (vom Komitee) ausgezeichnet", "Machado remporte le prix": the subject
            # is whom it was said to or of.
            agent = agent or next((m for m in before if _agent_phrase(m, text, lex)), None)
            return _dedupe(([(agent, "source")] if agent else []) + [(m, "target") for m in told])
        first = lex.verb_final or _coordinated(hit, text, lex, scope.start)
        speaker = agent or (before[0] if first and before else _speaker(hit, before, after, scope, text, lex))
        return _dedupe([(speaker, "source")]) if speaker else ()
    if lex.verb_first and not symmetric and not before and after and not hit.noun \
            and _opens_on_subject(hit, after[0], text, lex) and not _passive(hit, before, text, lex):
        # "قصفت إسرائيل مواقع لحزب الله", "Am Dienstag griff Russland die Ukraine an": with nothing
        # before the verb in its clause, the actor right after it is its subject
        before, after = _subject_first(after, text, lex)
    if not after and scope.content_start is not None and hit.type in CONTENT_TARGET_TYPES:
        content = Scope(scope.content_start, scope.sentence_end or scope.content_start + 200)
        following = [m for m in actors_in(mentions, content, text, lex, excluded)
                     if m.span.start >= scope.content_start]
        after = following[:1]
    agents = [m for m in after if _after_agent_word(m, hit, text, lex, scope.triggers) or _doer_demonym(m, hit, text)]
    after = [m for m in after if m not in agents]
    if not symmetric and _passive(hit, before, text, lex):
        # "Three Israeli soldiers were killed (by Hamas)": the subject is whom it was done to.
        doers = [m for m in before if _agent_phrase(m, text, lex)] + agents
        return _dedupe([(m, "source") for m in doers] + [(m, "target") for m in before + after if m not in doers])
    before, objects = _bracketed(before, hit, text, lex)
    before = before + agents
    if symmetric and not before:
        return _dedupe([(m, "other") for m in after])
    return _dedupe([(m, "source") for m in before] + [(m, "target") for m in objects + after])


# Words (titles aside) that may stand between a clause-opening verb and its subject: a noun a
# demonym qualifies ("قصفت الطائرات الإسرائيلية", "griff die russische Armee").
_SUBJECT_GAP = 1


def _opens_on_subject(hit: TriggerHit, m: Mention, text: str, lex: TriggerLexicon) -> bool:
    gap = text_between(text, hit.span.end, m.span.start)
    return not PUNCT.search(gap) and len(word_list(lex.titles.sub(" ", gap))) <= _SUBJECT_GAP


def _coordinated(hit: TriggerHit, text: str, lex: TriggerLexicon, start: int) -> bool:
    """Whether a verb is joined to one before it ("India downgraded ties with Pakistan and
    announced", "הודה טראמפ לנתניהו ואמר"): it shares that verb's subject, the clause's first
    actor, not the object nearest to it."""
    for proclitic in lex.coordinating_proclitics:
        rest = hit.text[len(proclitic):]
        if hit.text.startswith(proclitic) and len(rest) > 1 and lex.verbs.fullmatch(rest):
            return True
    return lex.verb_coordinators.search(text, max(start, hit.span.start - 16), hit.span.start) is not None


# How far before the first actor a fronted bracket's auxiliary may stand ("Am Montag hat Israel ...").
_BRACKET_FRONT = 12


def _bracketed(before: list[Mention], hit: TriggerHit, text: str, lex: TriggerLexicon) -> tuple[list[Mention], list[Mention]]:
    """The subjects and the objects among the actors before a participle that closes a bracket a
    finite auxiliary opens ("Russland hat in der Nacht die Ukraine angegriffen", "In der Nacht hat
    Russland die Ukraine angegriffen", "Rusland heeft Oekraïne aangevallen"): the subject stands
    before the auxiliary or, after a fronted phrase, right after it; the others are its objects.
    Where the verb ends its clause with the auxiliary beside it ("nachdem Russland die Ukraine
    angegriffen hatte", "nadat Rusland Oekraïne had aangevallen"), the first actors are the subject."""
    if hit.nominal or len(before) < 2:
        return before, []
    closing = word_list(text[hit.span.end:hit.span.end + _BRACKET_FRONT])
    if closing and lex.bracket_auxiliaries.fullmatch(closing[0]) and \
            not PUNCT.search(text_between(text, hit.span.end, hit.span.end + len(closing[0]) + 1)):
        return _subject_first(before, text, lex)
    front = max(0, before[0].span.start - _BRACKET_FRONT)
    opened = [a for a in lex.bracket_auxiliaries.finditer(text, front, hit.span.start)
              if not PUNCT.search(text_between(text, a.end(), hit.span.start))]
    if not opened:
        return before, []
    aux = opened[0]
    ahead = [m for m in before if m.span.end <= aux.start()]
    inside = [m for m in before if m.span.start >= aux.end()]
    if not inside:
        return _subject_first(ahead, text, lex)
    subjects = ahead or inside[:1]
    return subjects, [m for m in inside if m not in subjects]


def _subject_first(actors: list[Mention], text: str, lex: TriggerLexicon) -> tuple[list[Mention], list[Mention]]:
    """The clause's first actor with those a conjunction or a comma joins to it ("Russland und
    Belarus", "Kanzler Merz und Präsident Macron": titles aside), and the others, its objects."""
    subjects = actors[:1]
    for m in actors[1:]:
        gap = lex.titles.sub(" ", text_between(text, subjects[-1].span.end, m.span.start)).strip()
        if not gap or not (gap == "," or lex.conjunctions.fullmatch(gap.strip(" ,"))):
            break
        subjects.append(m)
    return subjects, [m for m in actors if m not in subjects]


def _agent_word_at(m: Mention, text: str, lex: TriggerLexicon, start: int) -> int | None:
    """Where the agent word introducing `m` stands ("von der Hamas", "par le président X": at
    most an article and titles between), searched from `start`; None without one."""
    before_start = max(start, m.span.start - _AGENT_REACH)
    before = text[before_start:m.span.start]
    match = None
    for match in lex.agent_before.finditer(before):
        pass
    if match is None:
        return None
    gap = before[match.end():]
    if PUNCT.search(gap) or len(word_list(lex.titles.sub(" ", gap))) > 1:
        return None
    return before_start + match.start()


def _agent_phrase(m: Mention, text: str, lex: TriggerLexicon) -> bool:
    return _agent_word_at(m, text, lex, 0) is not None


def _passive(hit: TriggerHit, before: list[Mention], text: str, lex: TriggerLexicon) -> bool:
    """A verb trigger in the passive: an auxiliary of the passive in it ("ont été tués") or among
    the lexicon's reach of words before it in its subject's clause ("were killed", "wurden am
    Montag in Gaza von der Hamas getötet")."""
    if hit.nominal or not before:
        return False
    if lex.passive_auxiliaries.search(hit.text):
        return True
    lead = PUNCT.split(text_between(text, before[0].span.end, hit.span.start))[-1]
    words = word_list(lead)[-lex.passive_reach:] if lex.passive_reach else []
    return any(lex.passive_auxiliaries.fullmatch(w) for w in words)


def _next_to_auxiliary(m: Mention, hit: TriggerHit, text: str, lex: TriggerLexicon) -> bool:
    """The passive's own subject stands against its auxiliary ("Machado wurde ausgezeichnet", "am
    Freitag wurde Machado ausgezeichnet"); a name further off is a descriptor ("the plan of X was
    announced")."""
    gap = text_between(text, m.span.end, hit.span.start)
    if _APPOSITION_AFTER.match(gap):
        gap = gap[gap.rindex(",") + 1:]  # "Machado, opposition leader, was awarded"
    after = word_list(gap)
    if PUNCT.search(gap):
        return False
    if lex.passive_auxiliaries.search(hit.text):
        return True  # "Machado ist mit dem Preis ausgezeichnet worden": the passive is the trigger's own
    if after and lex.passive_auxiliaries.fullmatch(after[0]):
        return True
    ahead = word_list(text[max(0, m.span.start - 30):m.span.start])
    return bool(ahead) and bool(lex.passive_auxiliaries.fullmatch(ahead[-1]))


def _doer_demonym(m: Mention, hit: TriggerHit, text: str) -> bool:
    """"غارة إسرائيلية", "frappe israélienne": a demonym right after a noun trigger names the doer."""
    return hit.noun and m.rule.endswith("demonym") and len(word_list(text_between(text, hit.span.end, m.span.start))) <= 1


def _after_agent_word(m: Mention, hit: TriggerHit, text: str, lex: TriggerLexicon,
                      triggers: tuple[Span, ...] = ()) -> bool:
    """"by Israel" after a passive or nominal trigger names the doer, and so does "by US President
    Donald Trump": the title words between do not count. Another trigger between has the agent
    ("rejected a plan announced on Friday by X": X announced it)."""
    agent_at = _agent_word_at(m, text, lex, hit.span.end)
    if agent_at is None or any(hit.span.end <= t.start and t.end <= agent_at for t in triggers):
        return False
    between = text_between(text, hit.span.end, agent_at)
    # ", der im September von X vorgestellt wurde": a clause of its own
    return len(word_list(between)) <= _AGENT_AFTER_TRIGGER and not PUNCT.search(between)


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
    if lead.rstrip().endswith((",", "،")) and not _CLAUSE_CUT.search(tail.rstrip(" .!?؟")) and len(word_list(tail)) <= 5:
        return after[0] if after else _apposed(before, pieces, lead, scope.start, lex)
    if _DATELINE_END.search(lead) and after:
        return after[0]  # "عمّان - (بترا): أكد الوزير ...": the verb opens the text after its dateline
    if not pieces:
        return after[0] if after and not before else None
    closest_start = scope.start + pieces[-1][0]
    own = [m for m in before if m.span.start >= closest_start]
    if own:
        return own[-1]
    if word_list(pieces[-1][1]):
        return _apposed(before, pieces, lead, scope.start, lex)
    return before[-1] if before else (after[0] if after else None)


def _apposed(before: list[Mention], pieces: list[tuple[int, str]], lead: str, offset: int,
             lex: TriggerLexicon) -> Mention | None:
    """"X, a group at war with the army, said": a phrase set off by commas right before the verb
    describes the actor standing alone in the clause before it."""
    if pieces and len(word_list(pieces[-1][1])) <= 1 and len(pieces) > 2:
        pieces = pieces[:-1]  # "Hamas, the movement, has said": an auxiliary after the comma
        lead = lead[:pieces[-1][0] + len(pieces[-1][1]) + 1]
    if len(pieces) < 2 or not lead.rstrip().endswith((",", "،")):
        return None
    start, piece = pieces[-2]
    own = [m for m in before if offset + start <= m.span.start and m.span.end <= offset + start + len(piece)]
    if len(own) != 1:
        return None
    rest = lead[start:own[0].span.start - offset] + lead[own[0].span.end - offset:start + len(piece)]
    if len(word_list(rest)) > 1 or lex.place_before.search(rest):
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
            alone = not word_list(_CLAUSE_CUT.split(opening)[-1]) or m.span.start - 40 <= 0
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
