"""One RawDocument into an ExtractedDocument, by media type: plain text, HTML or article record."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newstrace.errors import Code, InputError
from newstrace.ingest.files import decode
from newstrace.ingest.item import ARTICLE_JSON, HTML, TEXT
from newstrace.model import DateValue, ExtractedDocument, RawDocument

# Crawler header on the first line: " date 2025-06 First sentence..." (day optional).
_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=[ \t]|$)[ \t]*")


def _where(raw: RawDocument) -> str:
    origin = raw.origin
    return f"{origin.source}: {origin.locator}" if origin.locator else origin.source


def header_date(text: str) -> tuple[DateValue, str]:
    """The crawler header's date and the text without the header (unchanged when there is none)."""
    match = _HEADER.match(text)
    if not match:
        return DateValue.unknown(), text
    evidence = match.group(0).strip()
    year, month = int(match.group(1)), int(match.group(2))
    try:
        if match.group(3):
            value = DateValue.of_day(date(year, month, int(match.group(3))), "header", evidence, "crawler-header")
        else:
            value = DateValue.of_month(year, month, "header", evidence, "crawler-header")
    except ValueError:
        value = DateValue.unknown(evidence, "crawler-header:invalid")
    return value, text[match.end():]


def parse_text(raw: RawDocument) -> ExtractedDocument:
    """Plain text as crawlers save it, with its optional ` date YYYY-MM[-DD]` header."""
    where = _where(raw)
    text = decode(raw.content, where).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    published, text = header_date(text)
    if not text.strip():
        raise InputError(where, Code.E011, "no text")
    return ExtractedDocument(
        text=text.strip("\n"), url=raw.origin.url, published=published, title_in_text=True,
    )


def parse(raw: RawDocument) -> ExtractedDocument:
    """Read a raw document; raises only InputError (E003/E004/E006/E010/E011).

    The user's outlet override (raw.origin.outlet) replaces the outlet found in the document.
    """
    where = _where(raw)
    try:
        if raw.media_type == TEXT:
            doc = parse_text(raw)
        # The HTML readers (trafilatura, lxml) load only for a page: a text file does without.
        elif raw.media_type == HTML:
            from newstrace.ingest.html import extract_html

            doc = extract_html(raw.content, url=raw.origin.url, source=where)
        elif raw.media_type == ARTICLE_JSON:
            from newstrace.ingest.records import parse_record

            doc = parse_record(raw.content, where)
        else:
            raise InputError(where, Code.E010, raw.media_type)
    except InputError:
        raise
    except RecursionError:
        raise InputError(where, Code.E011, "document nested too deeply") from None
    if raw.origin.outlet:
        doc = replace(doc, outlet=raw.origin.outlet)
    return doc
