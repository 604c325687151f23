"""Resolution over the store: event mentions → events, duplicate reports, stories.

Incremental: only the mentions that new ones can reach through shared blocks
(and the events those belong to) are clustered again; every other event is
kept as stored. Because candidate pairs never cross blocks, re-clustering that
closure gives exactly what a full recompute would, in any ingest order.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newstrace.context import Context
from newstrace.errors import Code, StoreError
from newstrace.knowledge.places import country_id
from newstrace.model import Article, DuplicateReport, Entity, Event, EventMention
from newstrace.stages.events.eventlex import ontology
from newstrace.stages.events.states import standing_for
from newstrace.stages.events.triggers import load_ontology
from newstrace.stages.resolution.blocking import sorted_unique
from newstrace.stages.resolution.canonical import build_event
from newstrace.stages.resolution.duplicates import find_copies, find_translations, shared_event_pairs, source_roots
from newstrace.stages.resolution.merge import block_keys, cluster, mergeable
from newstrace.stages.resolution.stories import build_stories
from newstrace.store import ResolutionConflict, Store, describe


@dataclass(frozen=True)
class Resolution:
    events: tuple[Event, ...]
    duplicates: tuple[DuplicateReport, ...]


@dataclass(frozen=True)
class ResolutionSummary:
    events: int
    multi_source: int
    duplicates: int
    stories: int
    reclustered: int

    def __str__(self) -> str:
        return (f"{self.events} events ({self.multi_source} with several sources), "
                f"{self.duplicates} repeated reports, {self.stories} stories")


def sentence_similarity(encode: Callable[[list[str]], np.ndarray], mentions: Sequence[EventMention]):
    """Cosine similarity of two mentions' evidence sentences, embedded once each.

    The sentences are embedded together on the first comparison, so a resolution that
    compares nothing never loads the encoder."""
    texts = sorted({m.sentence for m in mentions if m.sentence})
    vectors: dict[str, np.ndarray] = {}

    def similarity(a: EventMention, b: EventMention) -> float:
        if texts and not vectors:
            vectors.update(zip(texts, encode(texts), strict=True))
        va, vb = vectors.get(a.sentence), vectors.get(b.sentence)
        return float(va @ vb) if va is not None and vb is not None else 0.0

    return similarity


NEARBY_KM = 30.0


def distance_km(a: Entity, b: Entity) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_within(kb) -> Callable[[str, str], bool]:
    """Whether a place lies in an area: a city, region or sea point in the country it belongs to."""

    def within(place_id: str, area_id: str) -> bool:
        place, area = kb.get(place_id), kb.get(area_id)
        return (place is not None and area is not None and area.kind == "country" and place.kind != "country"
                and place.country is not None and place.country == area.country)

    return within


def place_relation(kb) -> Callable[[str, str], bool]:
    """Two place ids can be one place when one is the country the other lies in, or when
    they lie within NEARBY_KM of each other (a city and its district, a capital and its
    palace's suburb)."""
    within = place_within(kb)

    def same(a: str, b: str) -> bool:
        ea, eb = kb.get(a), kb.get(b)
        if ea is None or eb is None:
            return False
        if (ea.kind == "country") != (eb.kind == "country"):
            return within(a, b) or within(b, a)
        km = distance_km(ea, eb)
        return km is not None and km <= NEARBY_KM

    return same


# Below this population a town sees seldom two attacks on one day: reports of one there on one
# day, its doers named by one and not by the other, tell one attack (merge.pair_score).
LOCAL_POPULATION = 100_000


def local_place(kb) -> Callable[[str], bool]:
    """Whether a place id is a town of fewer than LOCAL_POPULATION inhabitants."""

    def local(place_id: str) -> bool:
        place = kb.get(place_id)
        return place is not None and place.kind == "place" and 0 < (place.population or 0) < LOCAL_POPULATION

    return local


# Organisations that fight: the side an attack is on is one of them.
ARMED_FORCES = frozenset({"military", "armed_group", "militia"})
# Organisations of a state (its army, ministries, agencies, parliament) stand for it as its officials do.
STATE_BODIES = frozenset({"military", "government_agency", "government", "legislature"})


def state_of(kb) -> Callable[[str], str | None]:
    """The country a person holds state office for (one country only), or whose state body an
    organisation is ("Russian Armed Forces": Russia), as an entity id."""

    def of(entity_id: str) -> str | None:
        entity = kb.get(entity_id)
        if entity is not None and entity.kind == "org" and entity.subtype in STATE_BODIES and entity.country:
            return country_id(entity.country)
        if entity is None or entity.kind != "person":
            return None
        countries = {role.country for role in entity.roles if role.country}
        return country_id(countries.pop()) if len(countries) == 1 else None

    return of


def resolve_mentions(
    mentions: Sequence[EventMention], articles: Sequence[Article], ctx: Context | None,
    *, use_similarity: bool = True,
) -> Resolution:
    """Cluster mentions into canonical events; pure apart from the context's models."""
    groups = group_mentions(mentions, ctx, use_similarity=use_similarity)
    return finish_resolution(groups, articles, ctx, use_similarity=use_similarity)


def group_mentions(
    mentions: Sequence[EventMention], ctx: Context | None, *, use_similarity: bool = True,
) -> list[tuple[EventMention, ...]]:
    """The mentions clustered into groups, one per event (merge.cluster with the context's relations).

    Candidate pairs never cross blocks, so mentions that share no block (directly or through
    other mentions) can be grouped apart: the distributed batch calls this per partition."""
    similarity = sentence_similarity(ctx.encoder, mentions) if ctx is not None and use_similarity else None
    same_place = place_relation(ctx.kb) if ctx is not None else (lambda a, b: False)
    kb = ctx.kb if ctx is not None else None
    broad = (lambda eid: (kb.get(eid).kind if kb.get(eid) else None) == "country") if kb else (lambda eid: False)
    ontology = load_ontology()
    return cluster(mentions, similarity=similarity, same_place=same_place, distinct_modes=ontology.distinct_modes,
                   verbal_types=ontology.verbal_types, broad=broad,
                   affiliation=state_of(kb) if kb else (lambda entity_id: None),
                   local=local_place(kb) if kb else (lambda place_id: False))


def finish_resolution(
    groups: Sequence[tuple[EventMention, ...]], articles: Sequence[Article], ctx: Context | None,
    *, use_similarity: bool = True, translations: Sequence[DuplicateReport] | None = None,
) -> Resolution:
    """Duplicate reports over the articles and one canonical event per group (groups sorted by first id).

    `translations`, when given, are the groups' translation reports found already (the batch's
    resolution workers find them beside the groups, see `translations_within`)."""
    duplicates = find_copies(articles)
    if ctx is not None and use_similarity:
        if translations is None:
            translations = translations_within(groups, articles, ctx)
        known = {d.article_id for d in duplicates}
        duplicates += [d for d in translations if d.article_id not in known]
    roots = source_roots(duplicates)
    kb = ctx.kb if ctx is not None else None
    person = (lambda eid: (kb.get(eid).kind if kb.get(eid) else None) == "person") if kb else (lambda eid: False)
    within = place_within(kb) if kb else (lambda place_id, area_id: False)
    force = (lambda eid: (kb.get(eid).subtype if kb.get(eid) else None) in ARMED_FORCES) if kb else (lambda eid: False)
    modes = ontology()  # read once per process, not per resolution

    def states(event_type: str, mode: str | None, day: date | None) -> Callable[[str], str | None] | None:
        if kb is None or not modes.state_act(event_type, mode):
            return None
        return standing_for(kb, day, modes.state_titles, modes.state_organs)

    events = tuple(build_event(group, lambda a: roots.get(a, a), person, within, force, states) for group in groups)
    return Resolution(events, tuple(sorted(duplicates, key=lambda d: d.article_id)))


def affected_closure(new: Iterable[EventMention], every: Sequence[EventMention], events: Sequence[Event],
                     affiliation: Callable[[str], str | None] = lambda entity_id: None) -> set[str]:
    """Mention ids reachable from the new ones through shared blocks and existing events.

    The mentions are numbered, and each block key and each event is a link joining the numbers
    it holds: a breadth-first walk over those numbers in numpy arrays, so a corpus costs a few
    numbers per mention, not a list of keys and a list per key in Python objects."""
    number: dict[str, int] = {}
    links: dict[tuple[str, str], int] = {}
    member, link = array("q"), array("q")  # one entry per (mention, link it is in)
    for m in every:
        i = number.setdefault(m.id, len(number))
        for key in block_keys(m, affiliation):
            member.append(i)
            link.append(links.setdefault(key, len(links)))
    count = len(links)
    del links
    for event in events:
        for mid in event.mention_ids:
            member.append(number.setdefault(mid, len(number)))
            link.append(count)
        count += 1
    start = np.fromiter((number.setdefault(m.id, len(number)) for m in new), dtype=np.int64)
    names = list(number)
    del number
    members, links_of = np.frombuffer(member, dtype=np.int64), np.frombuffer(link, dtype=np.int64)
    by_mention = _adjacency(members, links_of, len(names))
    by_link = _adjacency(links_of, members, count)
    seen, crossed = np.zeros(len(names), dtype=bool), np.zeros(count, dtype=bool)
    frontier = sorted_unique(start)
    seen[frontier] = True
    while len(frontier):
        through = _neighbours(by_mention, frontier)
        through = sorted_unique(through[~crossed[through]])
        crossed[through] = True
        frontier = _neighbours(by_link, through)
        frontier = sorted_unique(frontier[~seen[frontier]])
        seen[frontier] = True
    return {names[i] for i in np.flatnonzero(seen).tolist()}


def _adjacency(rows: np.ndarray, cols: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows' neighbours laid end to end (cols in row order), and where each row's run starts."""
    starts = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=starts[1:])
    return starts, cols[np.argsort(rows, kind="stable")]


def _neighbours(adjacency: tuple[np.ndarray, np.ndarray], rows: np.ndarray) -> np.ndarray:
    starts, flat = adjacency
    counts = starts[rows + 1] - starts[rows]
    total = int(counts.sum())
    # Positions starts[r] .. starts[r + 1] - 1 of every row r, laid end to end.
    offsets = np.repeat(starts[rows] - (np.cumsum(counts) - counts), counts)
    return flat[np.arange(total, dtype=np.int64) + offsets]


ATTEMPTS = 5


def translations_within(groups: Sequence[tuple[EventMention, ...]], articles: Sequence[Article],
                        ctx: Context) -> list[DuplicateReport]:
    """Translation reports among the articles that share one of the groups' events: only those
    pairs are compared, so the groups can be taken a partition at a time (best_translations merges)."""
    pairs = shared_event_pairs([m.article_id for m in group] for group in groups)
    return find_translations(articles, pairs, ctx.encoder)


def resolve_store(store: Store, ctx: Context, *, full: bool = False) -> ResolutionSummary:
    """Bring the stored events, duplicate reports and stories up to date with the mentions.

    Finishes whatever an earlier run left pending; when another process commits a
    resolution meanwhile, this one reads the store again and redoes its part.
    """
    for _ in range(ATTEMPTS):
        try:
            return _resolve_once(store, ctx, full)
        except ResolutionConflict:
            continue
    raise StoreError(describe(store.target), Code.E021,
                     f"other processes committed a resolution during each of {ATTEMPTS} attempts; resolve again")


def _resolve_once(store: Store, ctx: Context, full: bool) -> ResolutionSummary:
    token = store.begin_resolution()  # before reading mentions: what is saved later stays pending
    mentions = [m for m in store.iter_event_mentions() if mergeable(m)]
    current = {m.id for m in mentions}
    previous = store.events()
    kept = [] if full else [e for e in previous if set(e.mention_ids) <= current]
    clustered = {mid for e in kept for mid in e.mention_ids}
    new = [m for m in mentions if m.id not in clustered]
    redo = affected_closure(new, mentions, kept, state_of(ctx.kb))
    kept = [e for e in kept if not set(e.mention_ids) & redo]
    work = [m for m in mentions if m.id in redo]
    articles = store.articles()
    touched_articles = {m.article_id for m in work}
    resolution = resolve_mentions(work, articles, ctx)
    old_duplicates = [d for d in store.duplicates() if d.article_id not in touched_articles]
    merged_duplicates = {d.article_id: d for d in old_duplicates}
    merged_duplicates.update({d.article_id: d for d in resolution.duplicates})
    events = sorted(kept + list(resolution.events), key=lambda e: e.id)
    stories = stories_of(events, ctx)
    store.replace_resolution(events, merged_duplicates.values(), stories, token)
    return ResolutionSummary(
        events=len(events),
        multi_source=sum(1 for e in events if len(e.article_ids) > 1),
        duplicates=len(merged_duplicates),
        stories=len(stories),
        reclustered=len(work),
    )


def stories_of(events: Sequence[Event], ctx: Context):
    """The stories the events (sorted by id) form, actors named and typed by the knowledge base."""
    kb = ctx.kb
    return build_stories(
        events,
        kind_of=lambda eid: kb.get(eid).kind if kb.get(eid) else None,
        name_of=lambda eid: kb.get(eid).canonical_name if kb.get(eid) else eid,
    )
