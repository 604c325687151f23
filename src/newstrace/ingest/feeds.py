"""RSS 0.9x/1.0/2.0 and Atom feeds: each entry becomes an article record."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import feedparser

from newstrace.errors import Code, InputError
from newstrace.ingest.item import ARTICLE_JSON, Item

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _str(value: Any) -> str | None:
    """A non-empty string, or None (feedparser leaves None or odd types on broken feeds)."""
    return value.strip() or None if isinstance(value, str) else None


def _body(entry: Any) -> tuple[str, str]:
    """The entry's fullest body and whether it is HTML: content:encoded / content, else summary."""
    best, best_type = "", "text/html"
    for part in entry.get("content") or ():
        value = _str(part.get("value")) if isinstance(part, dict) else None
        if value and len(value) > len(best):
            best, best_type = value, _str(part.get("type")) or "text/html"
    if not best:
        best = _str(entry.get("summary")) or ""
        detail = entry.get("summary_detail")
        best_type = (_str(detail.get("type")) if isinstance(detail, dict) else None) or "text/html"
    return best, best_type


def _authors(entry: Any) -> list[str]:
    names = [_str(a.get("name")) for a in entry.get("authors") or () if isinstance(a, dict)]
    found = [name for name in names if name]
    author = _str(entry.get("author"))
    return found or ([author] if author else [])


def _permalink(value: Any) -> str | None:
    """An entry id that is a web address (Atom ids and RSS guids are often URNs)."""
    if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        return value
    return None


def entry_record(entry: Any, language: str | None) -> dict[str, Any]:
    """An entry as the article-record form records.py reads."""
    body, body_type = _body(entry)
    record: dict[str, Any] = {
        "url": _str(entry.get("link")) or _permalink(entry.get("id")),
        "title": _str(entry.get("title")),
        # The string as the feed wrote it: its own offset keeps the outlet's local day.
        "published": _str(entry.get("published")) or _str(entry.get("updated")) or _str(entry.get("dc_date")),
        "authors": _authors(entry),
        "language": language,
    }
    record["html" if body_type.lower() in _HTML_TYPES else "text"] = body
    return {key: value for key, value in record.items() if value}


def iter_feed(data: bytes, source: str) -> Iterator[Item | InputError]:
    """Each entry of a feed as an article record; E007 when the bytes are not a feed."""
    try:
        # A stream, never bytes or str: feedparser treats those as a path or URL to open.
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser wraps several parsers; any failure means "not a feed"
        raise InputError(source, Code.E007, type(exc).__name__) from None
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        lines = str(reason).strip().splitlines() if reason else []
        detail = lines[0][:120] if lines else "no RSS or Atom root"
        raise InputError(source, Code.E007, detail)
    if not parsed.entries:
        yield InputError(source, Code.E011, "feed has no items")
        return
    channel = parsed.get("feed")
    language = _str(channel.get("language")) if isinstance(channel, dict) else None
    for index, entry in enumerate(parsed.entries, 1):
        if not isinstance(entry, dict):
            continue
        record = entry_record(entry, language)
        content = json.dumps(record, ensure_ascii=False).encode("utf-8")
        url = record.get("url") if isinstance(record.get("url"), str) else None
        yield Item(content, ARTICLE_JSON, f"item {index}", url)
