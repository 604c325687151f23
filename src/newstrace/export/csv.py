"""CSV exports for spreadsheets and pandas: `csv` has one row per event, `csv-sources` one per event and source.

Both are built from the JSON document, so ids and names match the other
formats. Text cells that a spreadsheet would read as a formula (starting with
=, +, -, @ or a control character) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from newstrace.export.document import build_document
from newstrace.model import Event
from newstrace.store import Store

EVENT_COLUMNS = (
    "event_id", "type", "mode", "date_start", "date_end", "date_precision", "place_id", "place_name",
    "place_wikidata", "place_geonames", "participants", "participant_ids", "sources", "independent_sources",
    "languages", "topics", "discrepancies", "stories", "articles",
)
SOURCE_COLUMNS = (
    "event_id", "type", "mode", "date_start", "date_precision", "place_name", "participants",
    "source_article", "title", "outlet", "language", "published", "url", "file", "duplicate_of",
    "duplicate_kind", "sentence", "evidence_start", "evidence_end", "date_evidence", "attribution",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buffer.getvalue()


def _event_cells(event: dict[str, Any]) -> dict[str, Any]:
    place = event["place"] or {}
    return {
        "event_id": event["id"], "type": event["type"], "mode": event["mode"],
        "date_start": event["date"]["start"], "date_end": event["date"]["end"],
        "date_precision": event["date"]["precision"],
        "place_id": place.get("id"), "place_name": place.get("name"),
        "place_wikidata": place.get("wikidata"), "place_geonames": place.get("geonames"),
        "participants": SEPARATOR.join(p["name"] for p in event["participants"]),
        "participant_ids": SEPARATOR.join(p["id"] for p in event["participants"]),
    }


def write_csv(store: Store, kb, events: list[Event] | None) -> str:
    """One row per event: canonical fields, source and language counts, discrepancies, stories."""
    document = build_document(store, kb, events)
    articles = {a["id"]: a for a in document["articles"]}
    story_of: dict[str, list[str]] = {}
    for story in document["stories"]:
        for event_id in story["events"]:
            story_of.setdefault(event_id, []).append(story["id"])
    rows = []
    for event in document["events"]:
        ids = set(event["articles"])
        independent = sum(1 for a in ids if (articles.get(a) or {}).get("duplicate_of") not in ids)
        rows.append(_event_cells(event) | {
            "sources": len(ids), "independent_sources": independent,
            "languages": SEPARATOR.join(sorted({articles[a]["language"] for a in ids if a in articles})),
            "topics": SEPARATOR.join(event["topics"]),
            "discrepancies": SEPARATOR.join(d["field"] for d in event["discrepancies"]),
            "stories": SEPARATOR.join(story_of.get(event["id"], [])),
            "articles": SEPARATOR.join(event["articles"]),
        })
    return _table(EVENT_COLUMNS, rows)


def write_csv_sources(store: Store, kb, events: list[Event] | None) -> str:
    """One row per event and source article, with the evidence sentence in its own language."""
    document = build_document(store, kb, events)
    articles = {a["id"]: a for a in document["articles"]}
    rows = []
    for event in document["events"]:
        base = _event_cells(event)
        evidence = {}
        for item in event.get("evidence", []):
            evidence.setdefault(item["article"], item)
        for article_id in event["articles"]:
            article = articles.get(article_id, {})
            item = evidence.get(article_id, {})
            spans = item.get("spans") or [{}]
            rows.append(base | {
                "source_article": article_id, "title": article.get("title"), "outlet": article.get("outlet"),
                "language": article.get("language"), "published": (article.get("published") or {}).get("start"),
                "url": article.get("url"), "file": article.get("file"),
                "duplicate_of": article.get("duplicate_of"), "duplicate_kind": article.get("duplicate_kind"),
                "sentence": item.get("sentence"), "evidence_start": spans[0].get("start"),
                "evidence_end": spans[-1].get("end"), "date_evidence": item.get("date_evidence"),
                "attribution": item.get("attribution"),
            })
    return _table(SOURCE_COLUMNS, rows)
