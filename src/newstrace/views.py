"""JSON shapes of articles, event mentions, events and stories: one definition for the CLI, API and exports."""

from __future__ import annotations

from typing import Any, Protocol

from newstrace.knowledge.framing import FramingLexicon
from newstrace.model import Article, Entity, Event, EventMention, Framing, Participant, SourceFraming, Span, Story, TermCount


class EntityLookup(Protocol):
    def get(self, entity_id: str) -> Entity | None: ...


def entity_name(kb: EntityLookup, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    entity = kb.get(entity_id)
    return entity.canonical_name if entity else entity_id


def article_json(article: Article, *, text: bool = False, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "file": article.file,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "language_confidence": round(article.language_confidence, 3),
        "published": article.published.to_json() | {"source": article.published.source},
        "title": article.title,
        "byline": article.byline,
    }
    if text:
        data["text"] = article.text
        data["removed_lines"] = list(article.removed_lines)
        data["errors"] = list(article.errors)
    data.update(extra)
    return data


def place_json(kb: EntityLookup, place_id: str | None) -> dict[str, Any] | None:
    if place_id is None:
        return None
    entity = kb.get(place_id)
    return {
        "id": place_id,
        "name": entity.canonical_name if entity else place_id,
        "wikidata": entity.wikidata if entity else None,
        "geonames": entity.geonames if entity else None,
    }


def participant_json(kb: EntityLookup, participant: Participant) -> dict[str, Any]:
    entity = kb.get(participant.entity_id)
    return {
        "id": participant.entity_id,
        "name": entity.canonical_name if entity else participant.entity_id,
        "kind": entity.kind if entity else None,
        "role": participant.role,
        "wikidata": entity.wikidata if entity else None,
    }


def span_json(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def event_mention_json(kb: EntityLookup, mention: EventMention) -> dict[str, Any]:
    return {
        "id": mention.id,
        "article": mention.article_id,
        "type": mention.type,
        "mode": mention.mode,
        "date": mention.date.to_json() | {"rule": mention.date.rule, "evidence": mention.date.evidence},
        "place": place_json(kb, mention.place_id),
        "participants": [participant_json(kb, p) for p in mention.participants],
        "topics": list(mention.topics),
        "main": mention.main,
        "background": mention.background,
        "status": mention.status,
        "attribution": mention.attribution,
        "quotes": [{"text": q.text, "speaker": entity_name(kb, q.speaker_id)} for q in mention.quotes],
        "figures": [{"kind": f.kind, "value": f.value, "text": f.text} for f in mention.figures],
        "trigger": mention.trigger,
        "extractor": mention.extractor,  # "encoder": typed by its nearest example sentences, no trigger word
        "language": mention.language,
        "sentence": mention.sentence,
        "evidence": [span_json(s) for s in mention.evidence],
        "confidence": round(mention.confidence, 3),
    }


def event_json(kb: EntityLookup, event: Event, **extra: Any) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "date": event.date.to_json(),
        "place": place_json(kb, event.place_id),
        "participants": [participant_json(kb, p) for p in event.participants],
        "topics": list(event.topics),
        "articles": list(event.article_ids),
        "mentions": list(event.mention_ids),
        "discrepancies": [
            {"field": d.field, "values": [{"value": v.value, "articles": list(v.article_ids)} for v in d.values]}
            for d in event.discrepancies
        ],
        "provenance": {name: {"value": vote.value, "articles": list(vote.article_ids)} for name, vote in event.provenance},
        **extra,
    }


def story_json(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "events": list(story.event_ids), "actors": list(story.actor_ids),
            "topics": list(story.topics)}


def term_json(term: TermCount) -> dict[str, Any]:
    return {"facet": term.facet, "group": term.group, "term": term.term, "language": term.language,
            "count": term.count, "examples": list(term.examples)}


def _source_framing_json(key: str, source: SourceFraming) -> dict[str, Any]:
    return {key: source.source, "languages": list(source.languages), "articles": list(source.article_ids),
            "terms": [term_json(t) for t in source.terms]}


def framing_json(framing: Framing, lexicon: FramingLexicon) -> dict[str, Any]:
    """Terms per outlet and per language, and every used group with its terms in all languages."""
    used = dict.fromkeys(t.group for o in framing.outlets for t in o.terms)
    groups = {}
    for group_id in used:
        group = lexicon.groups[group_id]
        groups[group_id] = {"facet": group.facet, "label": group.label,
                            "terms": {lang: list(terms) for lang, terms in sorted(group.terms.items())}}
    return {
        "outlets": [_source_framing_json("outlet", o) for o in framing.outlets],
        "languages": [_source_framing_json("language", lang) for lang in framing.languages],
        "groups": groups,
        "differs": list(framing.differs),
        "divided": list(framing.divided),
    }
