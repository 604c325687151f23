"""Where an event happened: the place phrase of the trigger's clause, the city a country or
territory phrase locates, a dateline, or the seat of an institution taking part."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from newstrace.ids import is_provisional
from newstrace.knowledge.inflection import ATTRIBUTE, PLACE
from newstrace.model import Mention, Span
from newstrace.stages.events.eventlex import ontology
from newstrace.stages.events.participants import ACTOR_KINDS, PHRASE_BREAK, PUNCT, agent_marked, text_between, word_list
from newstrace.stages.events.triggers import TriggerHit, TriggerLexicon

PLACE_KINDS = frozenset({"place", "country"})

# "visited Moscow", "viajó el lunes a Kiev", "a frappé Kiev": a city this close after the verb.
_OBJECT_WORDS = 4
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
# How far after a place only the text knows the known city it lies in may be named.
_CITY_AROUND_WORDS = 6
# Words a verb of speech may put between it and the capital that says or hears ("Kyiv has said",
# "responsabiliza a Islamabad").
_METONYM_WORDS = 2
# Words between a place and the place that locates it ("Bucha, 25 km northwest of the capital Kyiv").
_RELATIVE_WORDS = 6


@dataclass(frozen=True)
class Gazetteer:
    """What choosing a place asks of the knowledge base about the entities the text names."""

    same_country: Callable[[str, str], bool] = lambda place, country: False  # a place lies in a country
    seat_of: Callable[[str], str | None] = lambda entity_id: None  # the city an institution sits in
    is_area: Callable[[str], bool] = lambda entity_id: False  # a country or a territory
    government_of: Callable[[str], str | None] = lambda entity_id: None  # whom a capital's name stands for


@dataclass(frozen=True)
class PlaceChoice:
    """The place of an event and the mention that names it."""

    place_id: str
    mention: Mention


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
        fillers = word_list(before[match.end():])
        if fillers and fillers[0].casefold() in lex.calendar_words:
            continue  # "атаковала во вторник Украину": the preposition heads the date, the name is the object
        if len(fillers) <= limit:
            return True, window_start + match.start()
    gap = text_between(text, hit.span.end, m.span.start)
    if (hit.mode == "visit" or (hit.type == "ASSAULT" and m.kind == "place")) and 0 <= m.span.start - hit.span.end \
            and len(word_list(gap)) <= _OBJECT_WORDS and not PUNCT.search(gap):
        return True, m.span.start
    return False, m.span.start


def sited(mentions: tuple[Mention, ...], hit: TriggerHit, start: int, end: int, text: str, lex: TriggerLexicon,
          places: Gazetteer, audience: Callable[[str], bool]) -> tuple[Mention, ...]:
    """Institutions a place phrase names as where an act happened, not who took part: "talks at the
    Kremlin", "reçu à l'Élysée", "в Кремле состоялись переговоры". One with no place phrase takes
    part ("the Kremlin said"), as does an assembly a speech is given in (`audience`)."""
    return tuple(m for m in mentions if m.kind == "org" and m.entity_id and start <= m.span.start
                 and m.span.end <= end and places.seat_of(m.entity_id) and not audience(m.entity_id)
                 and _locative(m, text, lex, hit, toward=False)[0])


def addressed(m: Mention, text: str, lex: TriggerLexicon, hit: TriggerHit) -> bool:
    """Whether a speech is given in or to a body: a place phrase ("in the Bundestag", "to the
    Knesset") or an audience word ("vor der Knesset", "devant l'Assemblée") introduces it."""
    if _locative(replace(m, kind="place"), text, lex, hit, toward=True)[0]:
        return True
    before = text[max(0, m.span.start - 60):m.span.start]
    return any(len(word_list(before[cue.end():])) <= _FILLERS_CITY and not PUNCT.search(before[cue.end():])
               for cue in lex.audience_before.finditer(before))


def _beside(country: Span, place: Span, text: str, its_own: bool, words: int = 2,
            place_words: re.Pattern[str] | None = None) -> bool:
    """A country named right before a city of it ("Qatar's capital Doha"), or after it ("Tyre,
    south Lebanon"). A place word between them ("Israel's crimes in Gaza") makes the country an
    actor, not the city's qualifier, and so does a city of another country ("이스라엘의 가자지구
    군사 작전": Israel's operation in the Gaza Strip)."""
    if country.end <= place.start:
        gap = text_between(text, country.end, place.start)
        return (its_own and len(word_list(gap)) <= words and not PUNCT.search(gap)
                and not (place_words is not None and place_words.search(gap)))
    if not its_own:
        return False
    gap = text_between(text, place.end, country.start)
    if gap.strip() in ("(", "（"):
        return True  # "Busan (South Korea)", "釜山（韓国南部）": a dateline's gloss of the city
    return len(word_list(gap)) <= 2 and not PHRASE_BREAK.search(gap)


def choose_place(hit: TriggerHit, mentions: tuple[Mention, ...], clause_start: int, clause_end: int,
                 text: str, lex: TriggerLexicon, places: Gazetteer = Gazetteer(),
                 sentence_end: int | None = None, dates: tuple[Span, ...] = (), speech: tuple[Span, ...] = (),
                 ) -> tuple[PlaceChoice | None, frozenset[Span]]:
    """Where the event happened: the located place nearest after the trigger, else before it.

    Places named after a subject-matter word ("to discuss Gaza") are what the event
    is about, not where it happened. Also returns the spans of mentions inside the
    chosen place phrase ("the Egyptian port of El Arish"), which are no participants.
    An attack no place phrase locates is in the city of its sentence (up to
    `sentence_end`) nearest the trigger. An institution written as a place ("at the Kremlin",
    "im Weißen Haus") puts the event in the city it sits in (`places.seat_of`). A date between a country
    and a city (`dates`: the spans of the text's date phrases) parts them: "Rusland heeft zaterdag
    Odessa aangevallen" names a doer. A capital that speaks or is spoken to (`speech`: the verbs of
    speech and accusation of the sentence) is its government: "Kyiv said", "blames Islamabad".
    """
    mentions = tuple(m for m in mentions if not _metonym(m, speech, text, lex, hit, places))
    found: list[tuple[Mention, int]] = []
    seats: dict[Span, str] = {}
    for m in mentions:
        seat = places.seat_of(m.entity_id) if m.kind == "org" and m.entity_id else None
        if (m.kind not in PLACE_KINDS and seat is None) or not m.entity_id or not clause_start <= m.span.start < clause_end:
            continue
        if m.rule.endswith("demonym"):
            continue  # "an Israeli strike": a demonym names who, never where
        if agent_marked(m, text, lex):
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
        pick = _city_in_area(pick, mentions, text, places) or pick
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
        and _beside(m.span, city.span, text, places.same_country(city.entity_id or "", m.entity_id),
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
                      and (m.entity_id == place.entity_id or places.same_country(place.entity_id, m.entity_id))
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
                  places: Gazetteer) -> tuple[Mention, int] | None:
    """"raided Nablus in the occupied West Bank", "struck Tyre, in southern Lebanon": a country or
    territory phrase right after a city of it tells where the city is, and the event is in the city."""
    area, phrase_start = pick
    if not area.entity_id or not places.is_area(area.entity_id):
        return None
    for m in mentions:
        if (m.kind == "place" and m.entity_id and m.span.end <= phrase_start and not places.is_area(m.entity_id)
                and not text[m.span.end:phrase_start].strip(" ,\u060c\u3001")
                and places.same_country(m.entity_id, area.entity_id)):
            return m, m.span.start
    return None


def _locates_previous(m: Mention, found: list[tuple[Mention, int]], text: str, lex: TriggerLexicon) -> bool:
    for other, _ in found:
        if other.span.end > m.span.start:
            continue
        gap = text_between(text, other.span.end, m.span.start)
        if len(word_list(gap)) <= _RELATIVE_WORDS and not PHRASE_BREAK.search(gap) and lex.place_relative.search(gap):
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
              and not m.rule.endswith("demonym") and not at_dateline(m, text) and not agent_marked(m, text, lex)]
    if not cities:
        return None
    nearest = min(cities, key=lambda m: min(abs(m.span.start - hit.span.end), abs(hit.span.start - m.span.end)))
    return nearest, nearest.span.start


def governments(mentions: tuple[Mention, ...], speech: tuple[Span, ...], text: str, lex: TriggerLexicon,
                hit: TriggerHit, places: Gazetteer) -> tuple[Mention, ...]:
    """The mentions with each capital that speaks or is spoken to by one of the verbs of `speech`
    ("Kyiv said", "blames Islamabad") read as its government, which takes part as an actor."""
    return tuple(_as_government(m, places) if _metonym(m, speech, text, lex, hit, places) else m for m in mentions)


def _as_government(m: Mention, places: Gazetteer) -> Mention:
    body = places.government_of(m.entity_id or "") or ""
    return replace(m, kind="country" if body.startswith("iso:") else "org", entity_id=body, rule=f"{m.rule}+metonym")


def _metonym(m: Mention, speech: tuple[Span, ...], text: str, lex: TriggerLexicon, hit: TriggerHit,
             places: Gazetteer) -> bool:
    """A capital right before or after a verb of speech or accusation, with no clause break
    between them and no place phrase or ending of its own ("Ankara'da açıklama yaptı" is where):
    the subject or object of that verb, so its government and no place."""
    if m.kind != "place" or not m.entity_id or places.government_of(m.entity_id) is None:
        return False
    if _locative(m, text, lex, hit, toward=False)[0]:
        return False
    for verb in speech:
        left, right = sorted((verb, m.span), key=lambda sp: sp.start)
        gap = text_between(text, left.end, right.start)
        if left.end <= right.start and len(word_list(gap)) <= _METONYM_WORDS and not PUNCT.search(gap):
            return True
    return False


def _city_around(pick: tuple[Mention, int], mentions: tuple[Mention, ...], text: str,
                 lex: TriggerLexicon) -> tuple[Mention, int] | None:
    """A known city right after a place only the text names ("au palais de Dolmabahçe, sur la
    rive européenne d'Istanbul"): the event is there as far as merging and maps can tell."""
    local = pick[0]
    for m in mentions:
        if m.span.start < local.span.end or m.kind != "place" or not m.entity_id or is_provisional(m.entity_id):
            continue
        gap = text_between(text, local.span.end, m.span.start)
        if len(word_list(gap)) <= _CITY_AROUND_WORDS and not PHRASE_BREAK.search(gap) and not agent_marked(m, text, lex):
            return m, pick[1]
        break
    return None


def _joined(span: Span, mentions: tuple[Mention, ...], text: str, lex: TriggerLexicon) -> bool:
    """"Bangladesh and Japan on Friday in Tokyo": a country joined to another actor by a
    conjunction is a side of the event, not the qualifier of the city after it."""
    for other in mentions:
        if other.kind in ACTOR_KINDS and other.entity_id and other.span.end <= span.start:
            gap = text[other.span.end:span.start].strip()
            if gap and len(word_list(gap)) == 1 and lex.conjunctions.fullmatch(gap):
                return True
    return False


def _between(trigger: Span, one: Span, other: Span) -> bool:
    left, right = sorted((one, other), key=lambda sp: sp.start)
    return left.end <= trigger.start < right.start


def city_of_country(hit: TriggerHit, country_id: str, mentions: tuple[Mention, ...], text: str, lex: TriggerLexicon,
                    places: Gazetteer) -> Mention | None:
    """The one city of a country the article locates something in ("nach Moskau gereist", "in
    Moskau"), or the seat of an institution of it it names ("the Knesset"): where an event the
    text only places in the country took place. None when the article names none or several."""
    found: dict[str, Mention] = {}
    for m in mentions:
        if not m.entity_id or m.rule.endswith("demonym"):
            continue
        if m.kind == "place" and places.same_country(m.entity_id, country_id) and _locative(m, text, lex, hit, toward=True)[0]:
            found.setdefault(m.entity_id, m)
        elif m.kind == "org" and (seat := places.seat_of(m.entity_id)) and places.same_country(seat, country_id):
            found.setdefault(seat, replace(m, entity_id=seat, kind="place"))
    return next(iter(found.values())) if len(found) == 1 else None
