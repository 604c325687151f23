"""TimelineJS 3 JSON: the timeline tool newsrooms embed; dated events only, with their sources.

TimelineJS renders `headline` and `text` as HTML, so every string from an
article or the knowledge base is escaped here.
"""

from __future__ import annotations

import html
import json
from typing import Any

from newstrace.export.document import build_document
from newstrace.model import Event
from newstrace.store import Store

# Direction overrides from article text could reorder the embedding page's text.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
MAX_NAMES = 3


def _text(value: str | None) -> str:
    return html.escape((value or "").translate(BIDI_CONTROLS))


def _date(value: dict[str, Any]) -> dict[str, str] | None:
    """TimelineJS date parts at the event's precision: a month-precise date has no day."""
    start, precision = value.get("start"), value.get("precision")
    if not start or precision not in ("day", "month", "year"):
        return None
    year, month, day = start.split("-")
    parts = {"year": year}
    if precision in ("day", "month"):
        parts["month"] = str(int(month))
    if precision == "day":
        parts["day"] = str(int(day))
    return parts


def _headline(event: dict[str, Any]) -> str:
    names = [p["name"] for p in event["participants"]]
    who = ", ".join(names[:MAX_NAMES]) + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else "")
    what = f"{event['type']} ({event['mode'].replace('_', ' ')})" if event["mode"] else event["type"]
    where = f" in {event['place']['name']}" if event["place"] else ""
    return _text(f"{who or 'Unknown actors'}: {what}{where}")


def _body(event: dict[str, Any], articles: dict[str, dict[str, Any]]) -> str:
    lines = []
    sentences = {}
    for item in event.get("evidence", []):
        sentences.setdefault(item["article"], item)
    for article_id in event["articles"]:
        article = articles.get(article_id, {})
        title = article.get("title") or article.get("file") or article_id
        mark = f" ({_text(article.get('duplicate_kind') or 'copy')} of another source)" if article.get("duplicate_of") else ""
        quote = sentences.get(article_id, {}).get("sentence")
        lines.append(
            f"<p><b>[{_text(article.get('language'))}]</b> {_text(title)}"
            + (f" — {_text(article.get('outlet'))}" if article.get("outlet") else "") + mark
            + (f'<br><q dir="auto">{_text(quote)}</q>' if quote else "") + "</p>"
        )
    if event["discrepancies"]:
        fields = ", ".join(_text(d["field"]) for d in event["discrepancies"])
        lines.insert(0, f"<p><i>Sources disagree on: {fields}.</i></p>")
    return "".join(lines)


def build_timeline(document: dict[str, Any]) -> dict[str, Any]:
    """The TimelineJS value of an export document; undated events are left out."""
    articles = {a["id"]: a for a in document["articles"]}
    group_of: dict[str, str] = {}
    for story in document["stories"]:
        for event_id in story["events"]:
            group_of.setdefault(event_id, story["title"])
    slides = []
    for event in document["events"]:
        start = _date(event["date"])
        if start is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": event["id"],
            "start_date": start,
            "text": {"headline": _headline(event), "text": _body(event, articles)},
            "group": _text(group_of.get(event["id"], event["type"])),
        }
        if event["date"]["precision"] == "day" and event["date"]["end"] != event["date"]["start"]:
            slide["end_date"] = _date({"start": event["date"]["end"], "precision": "day"})
        slides.append(slide)
    languages = sorted({a["language"] for a in document["articles"]})
    return {
        "title": {"text": {
            "headline": "newstrace timeline",
            "text": _text(f"{len(slides)} dated events from {len(document['articles'])} articles "
                          f"in {len(languages)} languages ({', '.join(languages)})."),
        }},
        "events": slides,
    }


def write_timelinejs(store: Store, kb, events: list[Event] | None) -> str:
    """The selected events as a TimelineJS 3 document."""
    return json.dumps(build_timeline(build_document(store, kb, events)), ensure_ascii=False, indent=2) + "\n"
