"""The whole database as one JSON document: the contract other tools and formats build on."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from newstrace.framing import article_terms, default_matcher, framing_of
from newstrace.model import Article, Event
from newstrace.store import Store
from newstrace.views import article_json, event_json, framing_json, story_json

SCHEMA_VERSION = 1


def export_schema() -> dict:
    return json.loads((resources.files("newstrace.export") / "schemas" / "export.schema.json").read_text("utf-8"))


def select_events(store: Store, *, story: str | None = None, actor_ids: list[str] | None = None) -> list[Event]:
    """Events of one story and/or involving given actors (all when neither is given)."""
    ids = None
    if story is not None:
        found = store.story(story)
        ids = list(found.event_ids) if found else []
    return store.events(entity_ids=actor_ids, ids=ids)


def build_document(store: Store, kb, events: list[Event] | None = None) -> dict[str, Any]:
    """Articles, events (with evidence), duplicate marks and stories, as one JSON-ready value."""
    chosen = store.events() if events is None else events
    mentions = {m.id: m for m in store.event_mentions()}
    duplicates = {d.article_id: d for d in store.duplicates()}
    main_event = {}
    for event in chosen:
        for mid in event.mention_ids:
            m = mentions.get(mid)
            if m and m.main:
                main_event.setdefault(m.article_id, event.id)
    wanted_articles = {aid for e in chosen for aid in e.article_ids} if events is not None else None
    stored = [a for a in store.articles() if wanted_articles is None or a.id in wanted_articles]
    articles = [
        article_json(a, main_event=main_event.get(a.id),
                     duplicate_of=duplicates[a.id].duplicate_of if a.id in duplicates else None,
                     duplicate_kind=duplicates[a.id].kind if a.id in duplicates else None)
        for a in stored
    ]
    event_ids = {e.id for e in chosen}
    stories = [s for s in store.stories() if set(s.event_ids) & event_ids or events is None]
    framing = _Framing({a.id: a for a in stored})
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": articles,
        "events": [event_json(kb, e, evidence=_evidence(e, mentions), framing=framing.of(e.article_ids))
                   for e in chosen],
        "stories": [story_json(s) | {"framing": framing.of(a for e in chosen if e.id in s.event_ids
                                                           for a in e.article_ids)} for s in stories],
    }


class _Framing:
    """Framing of article sets, each article's terms counted once however many events it reports."""

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self.matcher = default_matcher()
        self.terms: dict[str, tuple] = {}

    def of(self, article_ids) -> dict[str, Any]:
        chosen = [self.articles[a] for a in dict.fromkeys(article_ids) if a in self.articles]
        for article in chosen:
            if article.id not in self.terms:
                self.terms[article.id] = article_terms(article, self.matcher)
        return framing_json(framing_of(chosen, self.matcher, self.terms), self.matcher.lexicon)


def _evidence(event: Event, mentions: dict) -> list[dict[str, Any]]:
    found = []
    for mid in event.mention_ids:
        m = mentions.get(mid)
        if m is None:
            continue
        found.append({
            "mention": m.id, "article": m.article_id, "language": m.language, "sentence": m.sentence,
            "spans": [{"start": s.start, "end": s.end} for s in m.evidence],
            "date_evidence": m.date.evidence or None, "attribution": m.attribution,
        })
    return found
