"""Event resolution: every report of one event, from any outlet and language, into one event.

1. Blocking: a mention is filed under (type, participant) for each participant
   and for the state each official participant stands for, and large blocks are
   cut into date windows, so cost grows with the corpus, not with its square.
   Doers a report does not name ("gunmen") are no participant to block or score
   on: an attack of a type they may do is also filed under (type, place), where
   only a report of unnamed doers meets the others.
2. Hard constraints decide what can never be one event: different types or
   modes, day-precise dates more than a day apart, incompatible coarse dates
   (precision and weekday respected), two different known places, and an
   article's main event against its own background events.
3. Pairwise evidence (participants, date, place, topics, and the cross-lingual
   similarity of the evidence sentences when a similarity function is given)
   gives a score; pairs above the threshold are joined strongest first, a join
   only when every cross pair of the two groups satisfies the constraints.
   Sorting the candidate pairs makes the result independent of input order.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import timedelta

import numpy as np

from newstrace.ids import is_unnamed
from newstrace.model import DateValue, EventMention
from newstrace.stages.resolution.blocking import Limits, candidate_codes, decoded
from newstrace.stages.events.dates import PUBLICATION_DAY
from newstrace.stages.events.eventlex import ontology

THRESHOLD = 0.5
# Cosine of evidence sentences above which two speech acts say the same thing.
CONTENT_SIMILARITY = 0.6
# Modes whose reports are never one event with a report of another mode (see modes.yaml).
DISTINCT_MODES = frozenset({"phone_call"})
BLOCK_CAP = 48
NEIGHBOURS = 32
DAY_TOLERANCE = timedelta(days=1)
# The longest interval a dated mention can have (a year), for searching sorted starts.
MAX_SPAN = timedelta(days=366)
# How long before its publication an undated report's event may have happened: news is
# about the last days; an older event is told with its date.
RECENT = timedelta(days=3)
RECALLED = timedelta(days=3660)

Similarity = Callable[[EventMention, EventMention], float]
PlaceRelation = Callable[[str, str], bool]


def order_key(mention: EventMention) -> tuple:
    """What ties between mentions are broken by: their content, never their ids, which follow
    where an input file sits or what it is called (the id comes last, for identical copies)."""
    return (mention.sentence, mention.trigger, mention.type, tuple((s.start, s.end) for s in mention.evidence),
            mention.language or "", mention.id)


def mergeable(mention: EventMention) -> bool:
    """Only asserted events with at least one participant take part in merging."""
    return mention.status == "asserted" and bool(mention.participants)


def participant_ids(mention: EventMention) -> frozenset[str]:
    """The participants that tell who took part: doers a report does not name tell nobody."""
    return frozenset(p.entity_id for p in mention.participants if not is_unnamed(p.entity_id))


def unnamed_doers(mention: EventMention) -> bool:
    """Whether the report does not name the doers ("gunmen opened fire")."""
    return any(is_unnamed(p.entity_id) for p in mention.participants)


def place_key(mention: EventMention) -> str | None:
    """The place block of an act whose doers may go unnamed: where a report of unnamed doers
    meets the reports of that act in that place, named or not."""
    if mention.place_id is None or mention.type not in ontology().unnamed_doer_types:
        return None
    return "@" + mention.place_id


Affiliation = Callable[[str], str | None]


def _no_affiliation(entity_id: str) -> str | None:
    return None


def related_ids(mention: EventMention, affiliation: Affiliation = _no_affiliation) -> frozenset[str]:
    """Participants and the states their officials stand for: "Aliyev and Pashinyan signed" and
    "Azerbaijan and Armenia signed" tell one act."""
    ids = participant_ids(mention)
    return ids | {state for state in map(affiliation, ids) if state is not None}


def anchored(mention: EventMention) -> DateValue:
    """The mention's date, or, for a report that gives none, the past of its publication: the
    recent past for the article's news, any time before for what it recalls (an internal
    window for the constraints only: it claims no day)."""
    if mention.reported_by is None or (mention.date.known and mention.date.rule != PUBLICATION_DAY):
        return mention.date
    reach = RECENT if mention.main else RECALLED
    return DateValue(mention.reported_by - reach, mention.reported_by, "month", "relative", rule="anchor:past",
                     weekday=mention.date.weekday)


def told_day(mention: EventMention):
    """The day a mention's text gives, None where it gives none or only its publication day."""
    return mention.date.day if mention.date.rule != PUBLICATION_DAY else None


def floating(mention: EventMention) -> bool:
    """A mention with no date of its own in an article with none: nothing anchors it in time."""
    return not mention.date.known and mention.reported_by is None


def dates_compatible(a: EventMention, b: EventMention) -> bool:
    """Dates that can be one day (a day of tolerance between two days), and no event dated after
    the publication of a report that tells it as past."""
    da, db = anchored(a), anchored(b)
    for dated, report in ((da, b), (db, a)):
        if report.reported_by is not None and dated.known and dated.start is not None \
                and dated.start > report.reported_by + DAY_TOLERANCE:
            return False
    if da.precision == "day" and db.precision == "day":
        assert da.start and db.start
        return abs(da.start - db.start) <= DAY_TOLERANCE
    return da.compatible(db)


def places_compatible(a: EventMention, b: EventMention, same_place: PlaceRelation) -> bool:
    if a.place_id is None or b.place_id is None or a.place_id == b.place_id:
        return True
    return same_place(a.place_id, b.place_id)


def modes_compatible(a: str | None, b: str | None, distinct: frozenset[str]) -> bool:
    """Different words for one event (talks, meeting) agree; a distinct mode (a phone call) never
    agrees with another mode."""
    return not a or not b or a == b or (a not in distinct and b not in distinct)


def compatible(
    a: EventMention, b: EventMention, same_place: PlaceRelation, distinct_modes: frozenset[str] = DISTINCT_MODES
) -> bool:
    """Whether two mentions could report one event (the hard constraints)."""
    if a.type != b.type or not modes_compatible(a.mode, b.mode, distinct_modes):
        return False
    if a.article_id == b.article_id and any(
            main.main and (other.background or (other.date.known and not main.date.known))
            for main, other in ((a, b), (b, a))):
        # The article's own news and what it recalls; an event it dates beside news it does not
        # date ("in February 2019 ...") is one it tells apart.
        return False
    return dates_compatible(a, b) and places_compatible(a, b, same_place)


def _jaccard(x: Iterable[str], y: Iterable[str]) -> float:
    sx, sy = set(x), set(y)
    return len(sx & sy) / len(sx | sy) if sx | sy else 0.0


def _same_day_and_place(a: EventMention, b: EventMention) -> bool:
    """The same day told, and one place (or a place only one report names); or a weekday one
    report gives that the other's day is, and one place both name, or no place either names
    with every actor of one report in the other ("India and Pakistan agreed on Saturday")."""
    if told_day(a) is not None and told_day(a) == told_day(b):
        return (a.place_id is not None or b.place_id is not None) and (
            a.place_id is None or b.place_id is None or a.place_id == b.place_id)
    if not weekday_agrees(a, b):
        return False
    if a.place_id is None and b.place_id is None:
        return _all_shared(a, b)
    return a.place_id is not None and a.place_id == b.place_id


def weekday_agrees(a: EventMention, b: EventMention) -> bool:
    """A weekday one report gives ("on Thursday") that the other's day, or weekday, is: time
    evidence for a report that gives no day of its own; so is a day of the month an undated
    page gives without its year ("on 5 June"), where the other report's day is that one."""
    if a.date.yearless is not None or b.date.yearless is not None:
        return _yearless_agrees(a, b) or _yearless_agrees(b, a)
    wa, wb = a.date.weekday, b.date.weekday
    day_a, day_b = told_day(a), told_day(b)
    if wa is not None and day_a is None:
        return (day_b is not None and day_b.weekday() == wa) or (day_b is None and wb == wa)
    if wb is not None and day_b is None:
        return day_a is not None and day_a.weekday() == wb
    return False


def _yearless_agrees(a: EventMention, b: EventMention) -> bool:
    day_b = told_day(b)
    return a.date.yearless is not None and (
        a.date.yearless == b.date.yearless or (day_b is not None and day_b.strftime("%m-%d") == a.date.yearless))


def _same_time(a: EventMention, b: EventMention) -> bool:
    return (told_day(a) is not None and told_day(a) == told_day(b)) or weekday_agrees(a, b)


def _needs_similar_evidence(
    a: EventMention, b: EventMention, shared: frozenset[str], direct: frozenset[str], verbal_types: frozenset[str],
    broad: Callable[[str], bool],
) -> bool:
    """Whether participants, date and place alone cannot tell that two reports are one event.

    A speech act is defined by what was said: one shared speaker is not enough, a speaker
    and an addressee on the same day are. Sharing only countries (named, or standing behind
    their officials) is not enough either, unless the day and the place agree too (a place
    only one report names agrees).
    """
    if all(broad(e) for e in shared):
        return not _same_day_and_place(a, b)
    if floating(a) != floating(b) and a.article_id != b.article_id and (
            a.place_id is None or a.place_id != b.place_id) and not (weekday_agrees(a, b) and _all_shared(a, b)):
        # An undated report joins a dated event on more than shared actors: the same place, or
        # all its actors on the weekday it gives.
        return True
    if a.type in verbal_types:
        # One speaker on one topic at one time ("on Thursday the RSF announced a truce"), or on
        # one day in one place both reports name (a speech, a press conference), is one
        # statement; a speaker and an addressee on one day are one exchange.
        one_statement = _speaker_of(a) is not None and _speaker_of(a) == _speaker_of(b) and _same_time(a, b) and (
            bool(set(a.topics) & set(b.topics)) or (a.place_id is not None and a.place_id == b.place_id))
        return not one_statement and (len(direct) < 2 or told_day(a) is None or told_day(a) != told_day(b))
    return False


def _all_shared(a: EventMention, b: EventMention) -> bool:
    ids_a, ids_b = participant_ids(a), participant_ids(b)
    return ids_a <= ids_b or ids_b <= ids_a


def _speaker_of(mention: EventMention) -> str | None:
    sources = [p.entity_id for p in mention.participants if p.role == "source"]
    return sources[0] if len(sources) == 1 else None


def pair_score(
    a: EventMention, b: EventMention, similarity: Similarity | None,
    verbal_types: frozenset[str] = frozenset(), broad: Callable[[str], bool] = lambda e: False,
    affiliation: Affiliation = _no_affiliation, local: Callable[[str], bool] = lambda place_id: False,
) -> float:
    """Evidence that two compatible mentions report the same event, in [0, 1].

    Sharing only broad participants (countries) or being speech acts (what was
    said defines them) is not enough: such pairs also need similar evidence sentences.
    """
    ids_a, ids_b = participant_ids(a), participant_ids(b)
    direct = ids_a & ids_b
    bridged = _bridged(ids_a, ids_b, affiliation) | _bridged(ids_b, ids_a, affiliation)
    shared = direct | bridged
    if not shared:
        # Unnamed doers: one act only on the day and in the place both tell, said alike or in a
        # place so small (`local`) that two such acts there on one day are not to be expected.
        if not _unnamed_alike(a, b):
            return 0.0
        if not local(a.place_id or "") and (similarity is None or similarity(a, b) < CONTENT_SIMILARITY):
            return 0.0
        overlap = 1.0
    else:
        if _needs_similar_evidence(a, b, shared, direct, verbal_types, broad):
            if similarity is None or similarity(a, b) < CONTENT_SIMILARITY:
                return 0.0
        smaller, larger = sorted((ids_a, ids_b), key=len)
        matched = sum(1 for x in smaller if x in larger or x in bridged or affiliation(x) in bridged)
        overlap = matched / len(smaller)
    if a.date.precision == "day" and b.date.precision == "day":
        date_score = 1.0 if a.date.start == b.date.start else 0.6
    elif (a.date.known and b.date.known) or weekday_agrees(a, b):
        date_score = 0.7
    else:
        date_score = 0.5
    place_score = 1.0 if a.place_id and a.place_id == b.place_id else 0.5
    topic_score = _jaccard(a.topics, b.topics) if a.topics and b.topics else 0.5
    score = 0.5 * overlap + 0.2 * date_score + 0.15 * place_score + 0.15 * topic_score
    if similarity is not None:
        score = 0.75 * score + 0.25 * max(0.0, similarity(a, b))
    return score


def _unnamed_alike(a: EventMention, b: EventMention) -> bool:
    """A report of unnamed doers and another report of the act (doers named or not): the same
    day or weekday told, and the same place named by both."""
    return (unnamed_doers(a) or unnamed_doers(b)) and _same_time(a, b) and a.place_id is not None \
        and a.place_id == b.place_id


def _bridged(ids: frozenset[str], others: frozenset[str], affiliation: Affiliation) -> frozenset[str]:
    """Countries one side names whose officials the other side names ("Azerbaijan" ~ "Aliyev").
    Two officials of one state are not bridged: they may be at different meetings."""
    states = {affiliation(x) for x in others}
    return frozenset(x for x in ids if x in states and x not in others)


def block_keys(mention: EventMention, affiliation: Affiliation = _no_affiliation) -> list[tuple[str, str]]:
    """Every block a mention is filed under: what partitions and incremental resolution follow."""
    keys = [(mention.type, pid) for pid in sorted(related_ids(mention, affiliation))]
    place = place_key(mention)
    return keys + [(mention.type, place)] if place is not None else keys


# The blocking rules above and the constants at the top; blocking.py enumerates the pairs they allow.
LIMITS = Limits(BLOCK_CAP, NEIGHBOURS, DAY_TOLERANCE.days, MAX_SPAN.days)


def candidate_pairs(mentions: Sequence[EventMention], affiliation: Affiliation = _no_affiliation) -> set[tuple[str, str]]:
    """Pairs of mention ids sharing a block; large blocks are cut by a second participant and date."""
    ordered = sorted(mentions, key=lambda m: m.id)
    codes = candidate_codes(ordered, lambda m: related_ids(m, affiliation), LIMITS, place_key, unnamed_doers)
    return {(ordered[i].id, ordered[j].id) for i, j in decoded(codes, len(ordered)) if ordered[i].id != ordered[j].id}


def cluster(
    mentions: Sequence[EventMention],
    *,
    similarity: Similarity | None = None,
    same_place: PlaceRelation = lambda a, b: False,
    threshold: float = THRESHOLD,
    distinct_modes: frozenset[str] = DISTINCT_MODES,
    verbal_types: frozenset[str] = frozenset(),
    broad: Callable[[str], bool] = lambda entity_id: False,
    affiliation: Affiliation = _no_affiliation,
    local: Callable[[str], bool] = lambda place_id: False,
) -> list[tuple[EventMention, ...]]:
    """Group mentions into events; each group sorted by id, groups sorted by their first id.

    `affiliation` gives the state an official stands for, or None; `local` whether a place is
    a town small enough that one day's attack there is one event."""
    # Mentions are numbered in id order: a pair is two numbers, and number order is id order.
    usable = sorted({m.id: m for m in mentions if mergeable(m)}.values(), key=lambda m: m.id)
    codes = candidate_codes(usable, lambda m: related_ids(m, affiliation), LIMITS, place_key, unnamed_doers)
    # The pairs above the threshold in flat arrays (8 bytes a field, no object per pair).
    scores, firsts, seconds = array("d"), array("q"), array("q")
    for first, second in decoded(codes, len(usable)):
        a, b = usable[first], usable[second]
        if compatible(a, b, same_place, distinct_modes):
            score = pair_score(a, b, similarity, verbal_types, broad, affiliation, local)
            if score >= threshold:
                scores.append(round(score, 6))
                firsts.append(first)
                seconds.append(second)
    del codes
    scored = _strongest_first(usable, np.frombuffer(scores), np.frombuffer(firsts, dtype=np.int64),
                              np.frombuffer(seconds, dtype=np.int64))
    # Each mention's group, numbered by its first mention; members are listed only for groups
    # of two or more (a list per mention would cost more than the mentions' numbers).
    group_of = array("q", range(len(usable)))
    members: dict[int, list[int]] = {}
    # Groups found incompatible stay so: each only ever grows, under the number it keeps.
    apart: set[tuple[int, int]] = set()
    for _, first, second in scored:
        ga, gb = group_of[first], group_of[second]
        if ga == gb or (min(ga, gb), max(ga, gb)) in apart:
            continue
        # Two single mentions were checked when their pair was scored.
        single = ga not in members and gb not in members
        if single or all(
            compatible(usable[x], usable[y], same_place, distinct_modes)
            for x in members.get(ga, (ga,)) for y in members.get(gb, (gb,))
        ):
            keep, gone = (ga, gb) if ga < gb else (gb, ga)
            moved = members.pop(gone, [gone])
            for i in moved:
                group_of[i] = keep
            members.setdefault(keep, [keep]).extend(moved)
        else:
            apart.add((min(ga, gb), max(ga, gb)))
    groups = [tuple(usable[i] for i in sorted(members.get(g, (g,)))) for g in range(len(usable)) if group_of[g] == g]
    return sorted(groups, key=lambda g: g[0].id)


def _strongest_first(usable: Sequence[EventMention], scores: np.ndarray, firsts: np.ndarray,
                     seconds: np.ndarray) -> Iterator[tuple[float, int, int]]:
    """The scored pairs, strongest first, ties broken by the order keys of the two mentions
    (the lesser key first): each mention's rank in key order stands for its key, keys being
    unique (the id comes last), so one sort of the mentions replaces comparing keys per pair."""
    by_key = sorted(range(len(usable)), key=lambda i: order_key(usable[i]))
    rank = np.empty(len(usable), dtype=np.int64)
    rank[by_key] = np.arange(len(usable), dtype=np.int64)
    del by_key
    ra, rb = rank[firsts], rank[seconds]
    order = np.lexsort((np.maximum(ra, rb), np.minimum(ra, rb), -scores))
    del ra, rb, rank
    for begin in range(0, len(order), 1 << 16):
        part = order[begin:begin + (1 << 16)]
        yield from zip(scores[part].tolist(), firsts[part].tolist(), seconds[part].tolist())
