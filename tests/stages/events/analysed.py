"""One text taken through the per-article stages, for tests that read the events it gives."""

from __future__ import annotations

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.model import EventMention
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from tests.factories import raw

CTX = Context(use_spacy=False)


def events_of(text: str) -> tuple[EventMention, ...]:
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    return extract_events(article, link_article(article, CTX), CTX)


def main_event(text: str) -> EventMention | None:
    return next((e for e in events_of(text) if e.main), None)


def main_place(text: str, event_type: str) -> tuple[str, ...]:
    """The names of the main event's place, () where it has none; the main event must be of `event_type`."""
    event = main_event(text)
    assert event is not None and event.type == event_type, event
    place = CTX.kb.get(event.place_id) if event.place_id else None
    return place.all_names() if place is not None else ()
