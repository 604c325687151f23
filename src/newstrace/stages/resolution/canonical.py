"""A canonical event from its mentions: a precision- and support-weighted vote per field.

Support counts independent sources: articles that repeat another (copies,
translations) share one vote through `source_of`. Every chosen value keeps the
articles that said it; disagreements are kept as discrepancies.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date as Day

from newstrace.ids import event_id, is_provisional, is_unnamed
from newstrace.knowledge.places import is_country_id
from newstrace.model import DateValue, Discrepancy, Event, EventMention, FieldVote, Participant
from newstrace.stages.events.dates import PUBLICATION_DAY
from newstrace.stages.events.states import with_states, without_added_states

PRECISION_WEIGHT = {"day": 3.0, "month": 2.0, "year": 1.0, "unknown": 0.0}
# A day that is only a report's publication day votes weakly: any date a text gives wins.
PUBLICATION_WEIGHT = 0.2


def _votes(values: Sequence[tuple[str, str, float]], source_of: Callable[[str], str],
           shared: dict[tuple[str, ...], tuple[str, ...]] | None = None) -> list[tuple[str, float, tuple[str, ...]]]:
    """(value, weight, articles) per distinct value; each independent source votes once per value.

    `shared` makes equal tuples of articles one object (most fields are said by every article:
    an event held for a million mentions keeps one tuple, not one per field)."""
    shared = {} if shared is None else shared
    weight: dict[str, dict[str, float]] = defaultdict(dict)
    articles: dict[str, set[str]] = defaultdict(set)
    for value, article_id, w in values:
        source = source_of(article_id)
        weight[value][source] = max(weight[value].get(source, 0.0), w)
        articles[value].add(article_id)
    ranked = []
    for value, per in weight.items():
        ids = tuple(sorted(articles[value]))
        ranked.append((value, sum(per.values()), shared.setdefault(ids, ids)))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked


def _discrepancy(name: str, ranked: list[tuple[str, float, tuple[str, ...]]]) -> Discrepancy | None:
    if len(ranked) < 2:
        return None
    return Discrepancy(name, tuple(FieldVote(value, arts) for value, _, arts in ranked))


def _best_date(mentions: Sequence[EventMention], source_of: Callable[[str], str],
               shared: dict[tuple[str, ...], tuple[str, ...]]) -> tuple[DateValue, FieldVote | None, Discrepancy | None]:
    known = [m for m in mentions if m.date.known]
    if not known:
        return DateValue.unknown(), None, None
    by_label = {m.date.label(): m.date for m in known}
    ranked = _votes([(m.date.label(), m.article_id, (PRECISION_WEIGHT[m.date.precision] * m.confidence + 1)
                      * (PUBLICATION_WEIGHT if m.date.rule == PUBLICATION_DAY else 1.0)) for m in known], source_of, shared)
    chosen = by_label[ranked[0][0]]
    days = [r for r in ranked if by_label[r[0]].precision == "day"]
    return chosen, FieldVote(ranked[0][0], ranked[0][2]), _discrepancy("date", days)


def build_event(group: Sequence[EventMention], source_of: Callable[[str], str] = lambda a: a,
                person: Callable[[str], bool] = lambda entity_id: False,
                within: Callable[[str, str], bool] = lambda place_id, area_id: False,
                force: Callable[[str], bool] = lambda entity_id: False,
                states: Callable[[str, str | None, Day | None], Callable[[str], str | None] | None]
                = lambda event_type, mode, day: None) -> Event:
    """The canonical event of a group of mentions judged to report it (`person`: whether an
    entity id is a known person; `within`: whether a place lies in an area, a city in its country;
    `force`: whether it is a known armed force, an army or an armed group; `states`: for an act
    of states, of this type and mode on this day, the state each actor acts for, else None)."""
    mention_ids = tuple(sorted(m.id for m in group))
    article_ids = tuple(sorted({m.article_id for m in group}))
    shared = {article_ids: article_ids}
    provenance: list[tuple[str, FieldVote]] = []
    discrepancies: list[Discrepancy] = []

    types = _votes([(m.type, m.article_id, m.confidence) for m in group], source_of, shared)
    provenance.append(("type", FieldVote(types[0][0], types[0][2])))
    modes = _votes([(m.mode, m.article_id, m.confidence) for m in group if m.mode], source_of, shared)
    mode = modes[0][0] if modes else None
    if modes:
        provenance.append(("mode", FieldVote(modes[0][0], modes[0][2])))

    date, date_vote, date_conflict = _best_date(group, source_of, shared)
    if date_vote:
        provenance.append(("date", date_vote))
    if date_conflict:
        discrepancies.append(date_conflict)

    places = _votes([(m.place_id, m.article_id, m.confidence) for m in group if m.place_id], source_of, shared)
    # "In France" and "in Paris" agree: the city another report names inside the country is the answer.
    finer = [p for p in places[1:] if within(p[0], places[0][0])]
    chosen = finer[0] if finer else (places[0] if places else None)
    place_id = chosen[0] if chosen else None
    if chosen:
        provenance.append(("place", FieldVote(chosen[0], chosen[2])))
        if conflict := _discrepancy("place", places):
            discrepancies.append(conflict)

    participants, participant_conflict = _participants(group, source_of, person, force, types[0][0] == "ASSAULT")
    # The sides a minority of reports gave may have gone with the state only one of them named:
    # the officials left still stand for their two states (stages/events/states.py); officials
    # of three states or more leave no two states' act.
    if standing_for := states(types[0][0], mode, date.start if date.known else None):
        participants = tuple(with_states(participants, True, standing_for))
        participants = tuple(without_added_states(participants, [m.participants for m in group], standing_for))
    if participant_conflict:
        discrepancies.append(participant_conflict)

    discrepancies.extend(_figure_conflicts(group, source_of, provenance, shared))

    topic_support = Counter(t for m in group for t in dict.fromkeys(m.topics))
    topics = tuple(t for t, _ in sorted(topic_support.items(), key=lambda kv: (-kv[1], kv[0])))

    return Event(
        id=event_id(mention_ids),
        type=types[0][0],
        mode=mode,
        date=date,
        participants=participants,
        mention_ids=mention_ids,
        article_ids=article_ids,
        place_id=place_id,
        topics=topics,
        discrepancies=tuple(discrepancies),
        provenance=tuple(provenance),
    )


def _figure_conflicts(group, source_of, provenance, shared) -> list[Discrepancy]:
    """Per kind of figure (killed, wounded ...): the best-supported value, and disagreements."""
    kinds = sorted({f.kind for m in group for f in m.figures})
    conflicts = []
    for kind in kinds:
        ranked = _votes([(str(f.value), m.article_id, 1.0) for m in group for f in m.figures if f.kind == kind],
                        source_of, shared)
        provenance.append((f"figures.{kind}", FieldVote(ranked[0][0], ranked[0][2])))
        if conflict := _discrepancy(f"figures.{kind}", ranked):
            conflicts.append(conflict)
    return conflicts


def _participants(group: Sequence[EventMention], source_of: Callable[[str], str],
                  person: Callable[[str], bool],
                  force: Callable[[str], bool],
                  attack: bool = False) -> tuple[tuple[Participant, ...], Discrepancy | None]:
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    confidence: dict[str, float] = defaultdict(float)
    for m in group:
        for p in m.participants:
            roles[p.entity_id][p.role] += 1
            sources[p.entity_id].add(source_of(m.article_id))
            confidence[p.entity_id] = max(confidence[p.entity_id], p.confidence)
    all_sources = {source_of(m.article_id) for m in group}
    _name_unnamed_doers(roles, sources)
    ordered = sorted(roles, key=lambda pid: (-len(sources[pid]), _role_rank(roles[pid]), pid))
    # Short reports name fewer people: a known person or a known armed force that a report's
    # main event names as its doer or target (the army that struck, the army a drone strike
    # hit), or a state it names as the target of an attack ("a boat from Venezuela"), is a side
    # of the event however few of the sources name it. Any other state, or a body beside the
    # others, only one report adds is most often the person's own ("Armenia" beside its president).
    stated = {p.entity_id for m in group if m.main for p in m.participants
              if p.role in ("source", "target") and not is_provisional(p.entity_id) and (
                  person(p.entity_id) or force(p.entity_id)
                  or (attack and p.role == "target" and is_country_id(p.entity_id)))}
    minority = [pid for pid in ordered if len(all_sources) >= 3 and len(sources[pid]) * 2 < len(all_sources)
                and pid not in stated]
    # With three sources or more, any other participant only a minority name is a claim, kept as
    # a discrepancy, not a fact of the event; the best-supported stay whatever their share.
    most = len(sources[ordered[0]]) if ordered else 0
    kept = [pid for pid in ordered if pid not in minority or len(sources[pid]) == most]
    participants = tuple(
        Participant(pid, roles[pid].most_common(1)[0][0] if len(roles[pid]) == 1 else _best_role(roles[pid]),
                    round(confidence[pid], 3))
        for pid in kept
    )
    if not minority:
        return participants, None
    articles_of: Mapping[str, tuple[str, ...]] = {
        pid: tuple(sorted({m.article_id for m in group if pid in {p.entity_id for p in m.participants}}))
        for pid in minority
    }
    return participants, Discrepancy("participants", tuple(FieldVote(pid, articles_of[pid]) for pid in minority))


def _name_unnamed_doers(roles: dict[str, Counter[str]], sources: dict[str, set[str]]) -> None:
    """"Gunmen" in some reports, the group that claimed the attack in others: the group did it,
    and the reports of unnamed doers support it as its doer."""
    unnamed = [pid for pid in roles if is_unnamed(pid)]
    named = [pid for pid in roles if not is_unnamed(pid) and "source" in roles[pid]]
    if not unnamed or not named:
        return
    for pid in unnamed:
        for doer in named:
            sources[doer] |= sources[pid]
        del roles[pid], sources[pid]


def _role_rank(roles: Counter[str]) -> int:
    return {"source": 0, "target": 1, "other": 2}.get(_best_role(roles), 3)


def _best_role(roles: Counter[str]) -> str:
    return sorted(roles.items(), key=lambda kv: (-kv[1], {"source": 0, "target": 1, "other": 2}.get(kv[0], 3)))[0][0]
