"""The HTML pages: timeline, event, actor, article, stories and search, rendered on the server."""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from newstrace.framing import default_matcher
from newstrace.model import Event
from newstrace.store import Store
from newstrace.web import markup, queries
from newstrace.web.panels import chart_of, framing_table, map_of
from newstrace.web.deps import ID_PATTERN, get_kb, get_store
from newstrace.web.svg import network_svg

PAGE_SIZE = 100
Id = Annotated[str, Path(pattern=ID_PATTERN, max_length=100)]
Text = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]

router = APIRouter(include_in_schema=False)


def _url(prefix: str, ident: str | None) -> str:
    return f"/{prefix}/{quote(ident or '', safe=':')}"


def make_environment() -> jinja2.Environment:
    """Templates from the package; autoescaping on for everything."""
    folder = resources.files("newstrace.web") / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["clean"] = markup.strip_controls
    env.filters["dir"] = markup.direction
    env.filters["human"] = lambda value: (value or "").replace("_", " ")
    env.globals.update(
        event_url=lambda i: _url("events", i), actor_url=lambda i: _url("actors", i),
        article_url=lambda i: _url("articles", i), story_url=lambda i: _url("stories", i),
        safe_url=markup.safe_url,
    )
    return env


ENV = make_environment()


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """Render a template with the name/kind helpers; autoescaped."""
    kb = request.app.state.knowledge.get() if values.pop("with_kb", True) else None
    helpers = {"name": (lambda i: _name(kb, i)) if kb is not None else (lambda i: i or ""),
               "kind": (lambda i: _kind(kb, i)) if kb is not None else (lambda i: None),
               "path": request.url.path}
    html = ENV.get_template(template).render(**helpers, **values)
    return HTMLResponse(html, status_code=status)


def _name(kb, entity_id: str | None) -> str:
    if not entity_id:
        return ""
    entity = kb.get(entity_id)
    return entity.canonical_name if entity else entity_id


def _kind(kb, entity_id: str | None) -> str | None:
    entity = kb.get(entity_id) if entity_id else None
    return entity.kind if entity else None


def headline(kb, event: Event) -> str:
    """A one-line description: participants, what happened, where."""
    names = [_name(kb, p.entity_id) for p in event.participants]
    who = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "") or "Unknown actors"
    what = (event.mode or event.type.lower()).replace("_", " ")  # the type is shown beside it as a badge
    where = f" in {_name(kb, event.place_id)}" if event.place_id else ""
    return markup.strip_controls(f"{who}: {what}{where}")


def _period(event: Event) -> str:
    """The timeline section an event falls in: its month, its year, or undated."""
    when = event.date
    if when.start is None:
        return "Undated"
    if when.precision == "year":
        return str(when.start.year)
    return when.start.strftime("%B %Y")


def _date_param(value: str | None) -> str | None:
    """A YYYY-MM-DD form field, or a 422 when it is something else."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(status_code=422, detail=f"not a date (YYYY-MM-DD): {value[:40]!r}") from None


@router.get("/", response_class=HTMLResponse)
def timeline_page(
    request: Request, actor: Text = None, type: Text = None, place: Text = None, language: Text = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    offset: Offset = 0, store: Store = Depends(get_store), kb=Depends(get_kb),
) -> HTMLResponse:
    """Events by date with the filter form."""
    filters = queries.EventFilter(actor or None, type or None, place or None, language or None,
                                  _date_param(date_from), _date_param(date_to))
    found = queries.timeline(store, kb, filters, limit=PAGE_SIZE, offset=offset)
    groups: list[tuple[str, list]] = []
    for row in found.rows:
        label = _period(row.event)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append((row, headline(kb, row.event)))
    query = {k: v for k, v in [("actor", actor), ("type", type), ("place", place), ("language", language),
                                ("from", date_from), ("to", date_to)] if v}
    more = urlencode(query | {"offset": offset + PAGE_SIZE}) if offset + PAGE_SIZE < found.total else None
    less = urlencode(query | {"offset": max(offset - PAGE_SIZE, 0)}) if offset > 0 else None
    chart, chart_data = chart_of(found.matched, f"Events over time by type: {found.total} events")
    drawing = map_of(found.matched, kb.get, "Map of event places")
    return render(request, "timeline.html", found=found, groups=groups, filters=filters, offset=offset,
                  more=more, less=less, stories=store.stories(), article_count=store.count_articles(),
                  chart=chart, chart_data=chart_data, map=drawing, title="Timeline")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> HTMLResponse:
    """One event: canonical facts with provenance, disagreements, and every report side by side."""
    detail = queries.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    titles = {s.article.id: s.article.title or s.article.file or s.article.id for s in detail.sources}
    lexicon = default_matcher().lexicon
    return render(request, "event.html", detail=detail, event=detail.row.event, row=detail.row,
                  headline=headline(kb, detail.row.event), titles=titles, provenance=dict(detail.row.event.provenance),
                  by_outlet=framing_table(detail.framing, lexicon), by_language=framing_table(detail.framing, lexicon, "language"),
                  framing=detail.framing, title=headline(kb, detail.row.event))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    """Actors of resolved events, most active first."""
    return render(request, "actors.html", counts=queries.actor_counts(store), title="Actors")


@router.get("/actors/{entity_id}", response_class=HTMLResponse)
def actor_page(request: Request, entity_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> HTMLResponse:
    """One actor: names in every script, roles, co-actor network, events."""
    detail = queries.actor_detail(store, kb, entity_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no actor with id {entity_id!r}")
    drawing = network_svg(detail.network, entity_id, lambda i: markup.strip_controls(_name(kb, i)),
                          lambda i: _kind(kb, i), lambda i: _url("actors", i)) if detail.network.ties else None
    co_actors = []
    for tie in detail.network.ties:
        if entity_id in (tie.first, tie.second):
            co_actors.append((tie.second if tie.first == entity_id else tie.first, tie))
    rows = [(r, headline(kb, r.event)) for r in detail.rows]
    places = map_of((r.event for r in detail.rows), kb.get, f"Map of the places of {_name(kb, entity_id)}'s events")
    return render(request, "actor.html", detail=detail, entity=detail.entity, drawing=drawing,
                  co_actors=co_actors, rows=rows, map=places, title=_name(kb, entity_id))


@router.get("/articles/{article_ref}", response_class=HTMLResponse)
def article_page(request: Request, article_ref: Id, store: Store = Depends(get_store),
                 kb=Depends(get_kb)) -> HTMLResponse:
    """One article: metadata and its text with entity mentions and event evidence highlighted."""
    detail = queries.article_detail(store, article_ref)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no article {article_ref!r}")
    article = detail.row.article
    marks = []
    for m in detail.mentions:
        label = f"{m.kind}: {_name(kb, m.entity_id)}" if m.entity_id else f"{m.kind} (not linked)"
        marks.append(markup.Mark(m.span.start, m.span.end, f"ent ent-{m.kind}", label,
                                 _url("actors", m.entity_id) if m.entity_id else None))
    event_of = dict(detail.event_of)
    for em in detail.event_mentions:
        for span in em.evidence:
            marks.append(markup.Mark(span.start, span.end, "evidence",
                                     f"{em.type}{' (' + em.mode + ')' if em.mode else ''}"))
    body = markup.highlight(article.text, marks)
    links = {m.entity_id for m in detail.mentions if m.entity_id}
    return render(request, "article.html", detail=detail, article=article, body=body, event_of=event_of,
                  linked=sorted(links, key=lambda i: _name(kb, i)), title=markup.strip_controls(article.title) or article.id)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    """Every story thread."""
    return render(request, "stories.html", stories=queries.stories(store), title="Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: Id, store: Store = Depends(get_store), kb=Depends(get_kb)) -> HTMLResponse:
    """One story's events in date order."""
    detail = queries.story_detail(store, story_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
    rows = [(r, headline(kb, r.event)) for r in detail.rows]
    events = [r.event for r in detail.rows]
    chart, chart_data = chart_of(events, f"Events of the story over time by type: {len(events)} events")
    lexicon = default_matcher().lexicon
    return render(request, "story.html", story=detail.story, rows=rows, chart=chart, chart_data=chart_data,
                  map=map_of(events, kb.get, "Map of the story's event places"), framing=detail.framing,
                  by_outlet=framing_table(detail.framing, lexicon),
                  by_language=framing_table(detail.framing, lexicon, "language"),
                  title=markup.strip_controls(detail.story.title))


@router.get("/discrepancies", response_class=HTMLResponse)
def discrepancies_page(request: Request, store: Store = Depends(get_store), kb=Depends(get_kb)) -> HTMLResponse:
    """Every event whose sources disagree: per field, each value and the outlets that gave it."""
    found = [(row, headline(kb, row.event), disputes) for row, disputes in queries.disputed_events(store)]
    return render(request, "discrepancies.html", found=found, title="Where sources disagree")


@router.get("/desk", response_class=HTMLResponse)
def desk_page(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    """The monitoring desk: recent alerts with their delivery state, and each watched source's last poll."""
    return render(request, "desk.html", alerts=store.alerts(200), sources=store.watch_sources(),
                  rules=store.rules(), title="Desk")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None, offset: Offset = 0,
                store: Store = Depends(get_store)) -> HTMLResponse:
    """Full-text search over every script."""
    hits = queries.search(store, q, limit=PAGE_SIZE, offset=offset) if q and q.strip() else []
    return render(request, "search.html", q=q or "", hits=[(h, markup.snippet(h.snippet)) for h in hits],
                  title="Search")
