"""The read-only queries behind both the HTML pages and the JSON API."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newstrace.framing import default_matcher, framing_of, outlet_of
from newstrace.model import Article, DuplicateReport, Entity, Event, EventMention, Framing, Mention, Story
from newstrace.network import Network, actor_network
from newstrace.store import ArticleRow, SearchHit, Store

# A name given in a filter must match a knowledge-base name this well to stand for it.
NAME_MATCH = 0.85


@dataclass(frozen=True)
class EventFilter:
    """Timeline filters, as the user typed them; names are resolved through the knowledge base."""

    actor: str | None = None
    type: str | None = None
    place: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None


@dataclass(frozen=True)
class EventRow:
    """An event with the languages of its sources and how many of them are independent."""

    event: Event
    languages: tuple[str, ...]
    sources: int
    independent: int


@dataclass(frozen=True)
class Timeline:
    rows: tuple[EventRow, ...]
    total: int
    actor_ids: tuple[str, ...] | None
    place_ids: tuple[str, ...] | None
    types: tuple[str, ...]
    languages: tuple[str, ...]
    matched: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Source:
    """One article's report of an event, with its duplicate mark if it repeats another article."""

    article: Article
    mentions: tuple[EventMention, ...]
    duplicate: DuplicateReport | None


@dataclass(frozen=True)
class Claim:
    """One source's word on a disputed field: the outlet, its language, and its own words when kept."""

    article_id: str
    outlet: str
    language: str
    evidence: str


@dataclass(frozen=True)
class DisputedValue:
    value: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Dispute:
    """A field (date, place, figures.killed ...) the sources disagree on, value by value."""

    field: str
    values: tuple[DisputedValue, ...]


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    sources: tuple[Source, ...]
    stories: tuple[Story, ...]
    framing: Framing
    disputes: tuple[Dispute, ...]


@dataclass(frozen=True)
class ActorDetail:
    id: str
    entity: Entity | None
    rows: tuple[EventRow, ...]
    network: Network
    articles: int


@dataclass(frozen=True)
class ArticleDetail:
    row: ArticleRow
    mentions: tuple[Mention, ...]
    event_mentions: tuple[EventMention, ...]
    event_of: tuple[tuple[str, str], ...]
    duplicate: DuplicateReport | None
    repeated_by: tuple[DuplicateReport, ...]


@dataclass(frozen=True)
class StoryDetail:
    story: Story
    rows: tuple[EventRow, ...]
    framing: Framing


def resolve_names(kb, text: str | None) -> tuple[str, ...] | None:
    """Entity ids a filter names: an id as is, else the best knowledge-base name match (None: no filter)."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if kb.get(text) is not None:
        return (text,)
    hits = [h for h in kb.search(text, limit=5) if h.score >= NAME_MATCH]
    return (hits[0].entity_id,) if hits else ()


def _rows(store: Store, events: Sequence[Event]) -> list[EventRow]:
    languages = store.article_languages()
    repeats = {d.article_id: d.duplicate_of for d in store.duplicates()}
    rows = []
    for event in events:
        articles = set(event.article_ids)
        independent = sum(1 for a in articles if repeats.get(a) not in articles)
        langs = tuple(sorted({languages.get(a, "?") for a in articles}))
        rows.append(EventRow(event, langs, len(articles), independent))
    return rows


def timeline(store: Store, kb, filters: EventFilter, *, limit: int, offset: int) -> Timeline:
    """Events by date (undated last) that pass the filters, one page of them."""
    actor_ids = resolve_names(kb, filters.actor)
    place_ids = resolve_names(kb, filters.place)
    events = store.events(
        entity_ids=actor_ids, type=filters.type or None,
        date_from=filters.date_from or None, date_to=filters.date_to or None,
    )
    if place_ids is not None:
        events = [e for e in events if e.place_id in place_ids]
    rows = _rows(store, events)
    if filters.language:
        rows = [r for r in rows if filters.language in r.languages]
    all_events = store.events()
    types = tuple(sorted({e.type for e in all_events}))
    languages = tuple(sorted(set(store.article_languages().values())))
    return Timeline(tuple(rows[offset:offset + limit]), len(rows), actor_ids, place_ids, types, languages,
                    tuple(r.event for r in rows))


def _sources(store: Store, event: Event, repeats: dict[str, DuplicateReport]) -> tuple[Source, ...]:
    """Every source article of an event with its mentions of it; independent reports first, then by date."""
    wanted = set(event.mention_ids)
    articles = {a.id: a for a in store.articles(ids=event.article_ids)}
    sources = []
    for article_id in event.article_ids:
        article = articles.get(article_id)
        if article is None:
            continue
        mentions = tuple(m for m in store.event_mentions(article_id=article_id) if m.id in wanted)
        sources.append(Source(article, mentions, repeats.get(article_id)))
    sources.sort(key=lambda s: (s.duplicate is not None, s.article.published.start or date.max, s.article.id))
    return tuple(sources)


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """An event with every source article, its mentions of the event, duplicate marks, framing and disputes."""
    event = store.event(event_id)
    if event is None:
        return None
    sources = _sources(store, event, {d.article_id: d for d in store.duplicates()})
    stories = tuple(s for s in store.stories() if event.id in s.event_ids)
    framing = framing_of([s.article for s in sources], default_matcher())
    return EventDetail(_rows(store, [event])[0], sources, stories, framing, disputes(event, sources))


def _evidence(field: str, value: str, source: Source) -> str:
    """The source's own words for the value it gave: date phrase, place phrase, figure."""
    for m in source.mentions:
        if field == "date" and m.date.label() == value:
            return m.date.evidence or m.sentence
        if field == "place" and m.place_id == value:
            span = m.place_evidence
            return source.article.text[span.start:span.end] if span else m.sentence
        if field.startswith("figures."):
            kind = field.removeprefix("figures.")
            found = next((f.text for f in m.figures if f.kind == kind and str(f.value) == value), None)
            if found:
                return found
        if field == "participants" and any(p.entity_id == value for p in m.participants):
            return m.sentence
    return ""


def disputes(event: Event, sources: Sequence[Source]) -> tuple[Dispute, ...]:
    """Each discrepancy of the event with, per value, the outlets that gave it and their words."""
    by_article = {s.article.id: s for s in sources}
    found = []
    for d in event.discrepancies:
        values = []
        for vote in d.values:
            claims = tuple(Claim(aid, outlet_of(by_article[aid].article), by_article[aid].article.language,
                                 _evidence(d.field, vote.value, by_article[aid]))
                           for aid in vote.article_ids if aid in by_article)
            values.append(DisputedValue(vote.value, claims))
        found.append(Dispute(d.field, tuple(values)))
    return tuple(found)


def disputed_events(store: Store) -> list[tuple[EventRow, tuple[Dispute, ...]]]:
    """Every event whose sources disagree on a field, with who said what."""
    events = [e for e in store.events() if e.discrepancies]
    repeats = {d.article_id: d for d in store.duplicates()}
    return [(row, disputes(row.event, _sources(store, row.event, repeats))) for row in _rows(store, events)]


def actor_detail(store: Store, kb, entity_id: str) -> ActorDetail | None:
    """An actor's knowledge-base record, events and co-actor network (None when unknown everywhere)."""
    entity = kb.get(entity_id)
    events = store.events(entity_ids=[entity_id])
    if entity is None and not events:
        return None
    articles = len({a for e in events for a in e.article_ids})
    return ActorDetail(entity_id, entity, tuple(_rows(store, events)), actor_network(events), articles)


def article_detail(store: Store, ref: str) -> ArticleDetail | None:
    """An article with its entity mentions, event mentions, their events and duplicate marks."""
    row = store.article(ref)
    if row is None:
        return None
    article_id = row.article.id
    mentions = tuple(store.mentions(article_id))
    events = tuple(store.event_mentions(article_id=article_id))
    event_of = store.events_for_mentions([m.id for m in events])
    duplicates = store.duplicates()
    duplicate = next((d for d in duplicates if d.article_id == article_id), None)
    repeated_by = tuple(d for d in duplicates if d.duplicate_of == article_id)
    return ArticleDetail(row, mentions, events, tuple(sorted(event_of.items())), duplicate, repeated_by)


def stories(store: Store) -> list[Story]:
    """Every story thread."""
    return store.stories()


def story_detail(store: Store, story_id: str) -> StoryDetail | None:
    """A story with its events' rows, in date order."""
    story = store.story(story_id)
    if story is None:
        return None
    events = store.events(ids=story.event_ids)
    articles = store.articles(ids=sorted({a for e in events for a in e.article_ids}))
    return StoryDetail(story, tuple(_rows(store, events)), framing_of(articles, default_matcher()))


def search(store: Store, query: str, *, limit: int, offset: int) -> list[SearchHit]:
    """Full-text hits over every script, one page of them (control characters are not searchable)."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in query)
    return store.search(cleaned, limit=offset + limit)[offset:]


def actor_counts(store: Store) -> list[tuple[str, int]]:
    """Actors taking part in events, with how many events each (most first)."""
    counts: Counter[str] = Counter()
    for event in store.events():
        counts.update({p.entity_id for p in event.participants})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
