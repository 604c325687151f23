"""Article records (news-please, the plain form, feed items) mapped to an ExtractedDocument."""

from __future__ import annotations

import json
import re
from typing import Any

from newstrace.errors import Code, InputError
from newstrace.ingest.html import domain_of, extract_html, strip_site_suffix
from newstrace.ingest.jsonl import describe
from newstrace.ingest.stamps import parse_stamp
from newstrace.model import DateValue, ExtractedDocument

# Field names by meaning, in order of preference across the record forms newstrace reads.
_TEXT = ("maintext", "text", "content", "body", "articleBody", "article_text")
_TITLE = ("title", "headline", "title_page", "title_rss")
_URL = ("url", "link")
_OUTLET = ("outlet", "source_domain", "site_name", "source", "domain")
_LANGUAGE = ("language", "lang", "inLanguage")
_PUBLISHED = ("date_publish", "published", "date_published", "datePublished", "publish_date", "pubDate", "date")
_AUTHORS = ("authors", "author", "byline")
_MARKUP = re.compile(r"<(?:p|div|br|span|a|h[1-6]|li|article|section)[\s>/]", re.I)
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")


def _first_str(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _authors(record: dict[str, Any]) -> str | None:
    for key in _AUTHORS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list):
            names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
            names += [v["name"].strip() for v in value if isinstance(v, dict) and isinstance(v.get("name"), str)]
            if names:
                return ", ".join(dict.fromkeys(names))
        if isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip():
            return value["name"].strip()
    return None


def _published(record: dict[str, Any]) -> DateValue:
    for key in _PUBLISHED:
        if key in record:
            value = parse_stamp(record[key], f"record:{key}")
            if value.known:
                return value
    return DateValue.unknown()


def _language(record: dict[str, Any]) -> str | None:
    value = _first_str(record, _LANGUAGE)
    match = _LANG.match(value) if value else None
    return match.group(1).lower() if match else None


def _body(record: dict[str, Any], url: str | None, source: str) -> str:
    """The record's text; an HTML body (feed items, some exports) goes through the HTML extractor."""
    html = record.get("html")
    text = _first_str(record, _TEXT)
    if isinstance(html, str) and html.strip() and not text:
        return _from_markup(html, url, source)
    if text and _MARKUP.search(text[:2000]):
        return _from_markup(text, url, source)
    if not text:
        text = _first_str(record, ("description", "summary"))
    if not text:
        raise InputError(source, Code.E011, "record has no text field")
    # news-please separates paragraphs with single newlines: each line is one.
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _from_markup(markup: str, url: str | None, source: str) -> str:
    return extract_html(f"<html><body>{markup}</body></html>", url=url, source=source).text


def parse_record(content: bytes, source: str) -> ExtractedDocument:
    """An ExtractedDocument from one article record's JSON bytes (E006 unreadable, E011 no text)."""
    try:
        record = json.loads(content)
    except (ValueError, RecursionError) as exc:
        raise InputError(source, Code.E006, describe(exc)) from None
    if not isinstance(record, dict):
        raise InputError(source, Code.E006, "expected an object")
    url = _first_str(record, _URL)
    outlet = _first_str(record, _OUTLET)
    title = _first_str(record, _TITLE)
    return ExtractedDocument(
        text=_body(record, url, source),
        title=strip_site_suffix(title, outlet, domain_of(url)) if title else None,
        byline=_authors(record),
        url=url,
        outlet=outlet or domain_of(url),
        declared_language=_language(record),
        published=_published(record),
        title_in_text=False,
    )
