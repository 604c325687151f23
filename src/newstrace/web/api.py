"""The JSON API under /api/v1: one success envelope, one error shape, GET only."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator, ConfigDict

from newstrace.model import Role
from newstrace.store import Store
from newstrace.framing import default_matcher
from newstrace.views import article_json, event_json, event_mention_json, framing_json, story_json
from newstrace.web import queries
from newstrace.web.deps import ID_PATTERN, get_kb, get_store

MAX_LIMIT = 500


class Meta(BaseModel):
    """Paging facts of a list (total matches, page size, start), plus whatever the route adds."""

    model_config = ConfigDict(extra="allow")
    total: int | None = None
    limit: int | None = None
    offset: int | None = None
    count: int | None = None


class ListEnvelope(BaseModel):
    data: list[dict[str, Any]]
    meta: Meta


class ItemEnvelope(BaseModel):
    data: dict[str, Any]
    meta: Meta


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every route: {"error": {"code": ..., "message": ...}}."""

    error: ErrorDetail




def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: the validator alone would also read "0" as a Unix timestamp."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1–{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Id = Annotated[str, Path(pattern=ID_PATTERN, max_length=100)]
Language = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, e.g. ar.")]
Name = Annotated[str | None, Query(max_length=200)]

router = APIRouter(
    prefix="/api/v1",
    responses={404: {"model": ErrorBody, "description": "Unknown id"},
               422: {"model": ErrorBody, "description": "Malformed or oversized parameter"}},
)


def envelope(data: Any, **meta: Any) -> JSONResponse:
    """The success envelope: {"data": ..., "meta": {...}}."""
    return JSONResponse({"data": data, "meta": meta})


def not_found(kind: str, ref: str) -> HTTPException:
    """A 404 that the app turns into the error shape."""
    return HTTPException(status_code=404, detail=f"no {kind} with id {ref!r}")


def row_json(kb, row: queries.EventRow) -> dict[str, Any]:
    """An event's JSON with its source count, independent sources and languages."""
    return event_json(kb, row.event, languages=list(row.languages), sources=row.sources,
                      independent_sources=row.independent)


def role_json(kb, role: Role) -> dict[str, Any]:
    """A role with its organisation named."""
    org = kb.get(role.org_id) if role.org_id else None
    return {
        "title": role.title,
        "org": {"id": role.org_id, "name": org.canonical_name if org else role.org_id} if role.org_id else None,
        "country": role.country,
        "start": role.start.isoformat() if role.start else None,
        "end": role.end.isoformat() if role.end else None,
        "uncertain": role.uncertain,
    }


def name_of(kb, entity_id: str) -> str:
    """An entity's canonical name, or its id when the knowledge base lacks it."""
    entity = kb.get(entity_id)
    return entity.canonical_name if entity else entity_id


@router.get("/articles", response_model=ListEnvelope, summary="Articles by publication date")
def list_articles(limit: Limit = 100, offset: Offset = 0, language: Language = None,
                  outlet: Name = None, store: Store = Depends(get_store)) -> JSONResponse:
    if language or outlet:
        total = len(store.articles(language=language, outlet=outlet))
    else:
        total = store.count_articles()
    articles = store.articles(limit=limit, offset=offset, language=language, outlet=outlet)
    return envelope([article_json(a) for a in articles], total=total, limit=limit, offset=offset,
                    count=len(articles))


@router.get("/articles/{article_id}", response_model=ItemEnvelope,
            summary="One article: text, entity mentions, event mentions, duplicate marks")
def get_article(article_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> JSONResponse:
    detail = queries.article_detail(store, article_id)
    if detail is None:
        raise not_found("article", article_id)
    event_of = dict(detail.event_of)
    article = detail.row.article
    data = article_json(
        article, text=True, revision=detail.row.revision,
        duplicate_of=detail.duplicate.duplicate_of if detail.duplicate else None,
        duplicate_kind=detail.duplicate.kind if detail.duplicate else None,
        repeated_by=[{"article": d.article_id, "kind": d.kind} for d in detail.repeated_by],
        mentions=[{"start": m.span.start, "end": m.span.end, "text": m.text, "kind": m.kind,
                   "entity": m.entity_id, "name": name_of(kb, m.entity_id) if m.entity_id else None}
                  for m in detail.mentions],
        event_mentions=[event_mention_json(kb, m) | {"event": event_of.get(m.id)} for m in detail.event_mentions],
    )
    return envelope(data)


@router.get("/events", response_model=ListEnvelope, summary="Events by date, filtered")
def list_events(
    limit: Limit = 100, offset: Offset = 0,
    actor: Annotated[str | None, Query(max_length=200, description="Participant: KB id or name.")] = None,
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER type.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place: KB id or name.")] = None,
    language: Language = None,
    date_from: Annotated[IsoDate, Query(alias="from", description="Earliest start date (YYYY-MM-DD).")] = None,
    date_to: Annotated[IsoDate, Query(alias="to", description="Latest start date (YYYY-MM-DD).")] = None,
    store: Store = Depends(get_store), kb=Depends(get_kb),
) -> JSONResponse:
    filters = queries.EventFilter(actor, type, place, language,
                                  date_from.isoformat() if date_from else None,
                                  date_to.isoformat() if date_to else None)
    found = queries.timeline(store, kb, filters, limit=limit, offset=offset)
    return envelope([row_json(kb, r) for r in found.rows], total=found.total, limit=limit, offset=offset,
                    count=len(found.rows),
                    actor_ids=list(found.actor_ids) if found.actor_ids is not None else None,
                    place_ids=list(found.place_ids) if found.place_ids is not None else None)


@router.get("/events/{event_id}", response_model=ItemEnvelope,
            summary="One event: canonical facts, provenance, discrepancies and every source's evidence")
def get_event(event_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> JSONResponse:
    detail = queries.event_detail(store, event_id)
    if detail is None:
        raise not_found("event", event_id)
    data = row_json(kb, detail.row) | {
        "sources": [
            article_json(s.article, duplicate_of=s.duplicate.duplicate_of if s.duplicate else None,
                         duplicate_kind=s.duplicate.kind if s.duplicate else None,
                         mentions=[event_mention_json(kb, m) for m in s.mentions])
            for s in detail.sources
        ],
        "stories": [s.id for s in detail.stories],
        "framing": framing_json(detail.framing, default_matcher().lexicon),
        "disputes": [dispute_json(d) for d in detail.disputes],
    }
    return envelope(data)


def dispute_json(dispute: queries.Dispute) -> dict[str, Any]:
    """A disputed field with, per value, which outlet said it, in which language and in which words."""
    return {"field": dispute.field, "values": [
        {"value": v.value, "said_by": [{"article": c.article_id, "outlet": c.outlet, "language": c.language,
                                        "evidence": c.evidence} for c in v.claims]}
        for v in dispute.values]}


@router.get("/discrepancies", response_model=ListEnvelope,
            summary="Events whose sources disagree on the date, place, figures or participants, with who said what")
def list_discrepancies(limit: Limit = 100, offset: Offset = 0, store: Store = Depends(get_store),
                       kb=Depends(get_kb)) -> JSONResponse:
    found = queries.disputed_events(store)
    page = found[offset:offset + limit]
    data = [row_json(kb, row) | {"disputes": [dispute_json(d) for d in disputes]} for row, disputes in page]
    return envelope(data, total=len(found), limit=limit, offset=offset, count=len(data))


@router.get("/actors", response_model=ListEnvelope, summary="Actors taking part in events, most active first")
def list_actors(limit: Limit = 100, offset: Offset = 0, store: Store = Depends(get_store),
                kb=Depends(get_kb)) -> JSONResponse:
    counts = queries.actor_counts(store)
    page = counts[offset:offset + limit]
    data = []
    for entity_id, n in page:
        entity = kb.get(entity_id)
        data.append({"id": entity_id, "name": entity.canonical_name if entity else entity_id,
                     "kind": entity.kind if entity else None, "events": n})
    return envelope(data, total=len(counts), limit=limit, offset=offset, count=len(data))


@router.get("/actors/{entity_id}", response_model=ItemEnvelope,
            summary="One actor: names in every script, roles, events and co-actors")
def get_actor(entity_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> JSONResponse:
    detail = queries.actor_detail(store, kb, entity_id)
    if detail is None:
        raise not_found("actor", entity_id)
    entity = detail.entity
    co_actors = []
    for tie in detail.network.ties:
        if entity_id in (tie.first, tie.second):
            other = tie.second if tie.first == entity_id else tie.first
            co_actors.append({"id": other, "name": name_of(kb, other), "events": tie.events,
                              "types": dict(tie.types), "event_ids": list(tie.event_ids)})
    data = {
        "id": entity_id,
        "name": entity.canonical_name if entity else entity_id,
        "kind": entity.kind if entity else None,
        "in_knowledge_base": entity is not None,
        "wikidata": entity.wikidata if entity else None,
        "geonames": entity.geonames if entity else None,
        "country": entity.country if entity else None,
        "names": {lang: list(aliases) for lang, aliases in entity.names.items()} if entity else {},
        "roles": [role_json(kb, r) for r in entity.roles] if entity else [],
        "events": [row_json(kb, r) for r in detail.rows],
        "co_actors": co_actors,
    }
    return envelope(data, articles=detail.articles)


@router.get("/stories", response_model=ListEnvelope, summary="Story threads")
def list_stories(limit: Limit = 100, offset: Offset = 0, store: Store = Depends(get_store)) -> JSONResponse:
    found = queries.stories(store)
    page = found[offset:offset + limit]
    return envelope([story_json(s) for s in page], total=len(found), limit=limit, offset=offset, count=len(page))


@router.get("/stories/{story_id}", response_model=ItemEnvelope, summary="One story with its events in date order")
def get_story(story_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> JSONResponse:
    detail = queries.story_detail(store, story_id)
    if detail is None:
        raise not_found("story", story_id)
    return envelope(story_json(detail.story) | {"timeline": [row_json(kb, r) for r in detail.rows],
                                                 "framing": framing_json(detail.framing, default_matcher().lexicon)})


@router.get("/search", response_model=ListEnvelope, summary="Full-text search over titles and texts, every script")
def search(q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find (taken literally).")],
           limit: Limit = 20, offset: Offset = 0, store: Store = Depends(get_store)) -> JSONResponse:
    hits = queries.search(store, q, limit=limit, offset=offset)
    data = [{"article": h.article_id, "title": h.title, "language": h.language, "snippet": h.snippet} for h in hits]
    return envelope(data, limit=limit, offset=offset, count=len(data), query=q)


def watch_json(state) -> dict[str, Any]:
    return {"source": state.source, "kind": state.kind, "last_poll": state.last_poll, "outcome": state.outcome,
            "message": state.message, "failures": state.failures, "next_attempt": state.next_attempt,
            "etag": state.etag, "last_modified": state.last_modified}


@router.get("/alerts", response_model=ListEnvelope, summary="Alerts fired by the desk's rules, most recent first")
def list_alerts(limit: Limit = 100, store: Store = Depends(get_store)) -> JSONResponse:
    from newstrace.desk.deliver import alert_json

    data = [alert_json(a) for a in store.alerts(limit)]
    return envelope(data, limit=limit, count=len(data))


@router.get("/watch", response_model=ListEnvelope, summary="Watched sources: last poll, outcome, failures, next try")
def list_watch(store: Store = Depends(get_store)) -> JSONResponse:
    data = [watch_json(s) for s in store.watch_sources()]
    return envelope(data, count=len(data), rules=[r.name for r in store.rules()])
