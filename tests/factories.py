"""Builders of model values for tests: short, explicit, no I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime

from newstrace.ids import article_id, content_hash
from newstrace.model import Article, DateValue, EventMention, Origin, Participant, RawDocument, Span


def raw(text: str, name: str = "a.txt") -> RawDocument:
    return RawDocument(uri=f"file:{name}", content=text.encode(), media_type="text/plain",
                       fetched_at=datetime(2026, 1, 1, tzinfo=UTC), origin=Origin(source=name, file=name))


def article(text: str, *, name: str = "a.txt", language: str = "en", published: DateValue | None = None,
            title: str | None = None, outlet: str | None = None) -> Article:
    return Article(id=article_id("file:" + name), uri=f"file:{name}", text=text, paragraphs=tuple(text.split("\n\n")),
                   language=language, published=published or DateValue.unknown(),
                   content_hash=content_hash(text.encode()), title=title, outlet=outlet, file=name)


def day(iso: str) -> DateValue:
    return DateValue.of_day(date.fromisoformat(iso), "text")


def mention(mid: str, article: str, participants: list[str], when: DateValue | None = None, *,
            type: str = "CONSULT", mode: str | None = "meeting", place: str | None = None,
            main: bool = True, background: bool = False, topics: tuple[str, ...] = (),
            sentence: str = "") -> EventMention:
    return EventMention(
        id=mid, article_id=article, type=type, mode=mode,
        participants=tuple(Participant(p, "source" if i == 0 else "target") for i, p in enumerate(participants)),
        date=when or DateValue.unknown(), evidence=(Span(0, 1),), sentence=sentence, language="en",
        place_id=place, topics=topics, main=main, background=background,
    )
