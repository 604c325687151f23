"""RawDocument + ExtractedDocument → Article: cleaning, title, byline, dateline, language and id."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newstrace import ids
from newstrace.knowledge.lexicon import Lexicons
from newstrace.model import Article, DateValue, ExtractedDocument, RawDocument
from newstrace.stages.clean import BoilerplateRules, clean_lines, compile_rules, line_reason
from newstrace.stages.language import detect_language
from newstrace.stages.meta import (
    Calendar,
    Dateline,
    choose_published,
    clean_title,
    compile_calendar,
    head_title,
    read_byline,
    read_dateline,
    read_lede_dateline,
)
from newstrace.text.lines import fold, key_of_folded, line_key

HEAD_LINES = 10
# The crawler's own first-line header: " date 2025-06" or " date 2025-06-14".
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|\Z)[ \t]*")
_OPEN_END = re.compile(r"[.!?:;…\"”»)\]]$")


@dataclass(frozen=True)
class ArticleResources:
    """What make_article compiles from the lexicons once."""

    rules: BoilerplateRules
    calendar: Calendar


def compile_resources(lexicons: Lexicons) -> ArticleResources:
    return ArticleResources(compile_rules(lexicons), compile_calendar(lexicons))


# Compiled matchers per live Lexicons object: derived read-only data, so reuse changes no result.
_COMPILED: dict[int, tuple[weakref.ref, ArticleResources]] = {}


def resources_for(lexicons: Lexicons) -> ArticleResources:
    """The compiled resources of `lexicons`, built on first use."""
    entry = _COMPILED.get(id(lexicons))
    if entry is not None and entry[0]() is lexicons:
        return entry[1]
    resources = compile_resources(lexicons)
    key = id(lexicons)
    _COMPILED[key] = (weakref.ref(lexicons), resources)
    weakref.finalize(lexicons, _COMPILED.pop, key, None)
    return resources


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no utm_* parameters, no default port."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and not (scheme, port) in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query, doseq=True), ""))


def _host(url: str | None) -> str | None:
    canonical = canonical_url(url)
    if not canonical:
        return None
    host = urlsplit(canonical).hostname or ""
    return host.removeprefix("www.") or None


def _header_date(text: str) -> tuple[DateValue, str]:
    """A crawler header date at the very start of the text, and the text without it."""
    match = _HEADER.match(text)
    if not match:
        return DateValue.unknown(), text
    year, month, day = int(match[1]), int(match[2]), match[3]
    evidence = match.group(0).strip()
    rest = text[match.end():]
    try:
        if day:
            from datetime import date

            return DateValue.of_day(date(year, month, int(day)), "header", evidence, "crawler-header"), rest
        if 1 <= month <= 12:
            return DateValue.of_month(year, month, "header", evidence, "crawler-header"), rest
    except ValueError:
        pass
    return DateValue.unknown(), rest


def _paragraphs(lines: list[str], kept: tuple[int, ...]) -> list[str]:
    """One paragraph per kept line, re-joining lines a hard wrap split mid-sentence."""
    paragraphs: list[str] = []
    previous = -2
    for index in kept:
        line = lines[index]
        if (
            paragraphs
            and index == previous + 1
            and not _OPEN_END.search(paragraphs[-1])
            and line[:1].islower()
        ):
            paragraphs[-1] = paragraphs[-1] + " " + line
        else:
            paragraphs.append(line)
        previous = index
    return paragraphs


def make_article(
    raw: RawDocument,
    doc: ExtractedDocument,
    lexicons: Lexicons,
    outlet_lines: frozenset[str] = frozenset(),
) -> Article:
    """Clean a parsed document and read its title, byline, publication date and language.

    `outlet_lines` holds line keys (newstrace.text.lines.line_key) that recur across
    many articles of the same outlet; they are removed as boilerplate.
    """
    resources = resources_for(lexicons)
    header, text = _header_date(doc.text or "")
    declared = doc.published if doc.published.known else header
    lines = [line.strip() for line in text.splitlines()]
    folded = [fold(line) for line in lines]
    keys = [key_of_folded(f) for f in folded]
    reasons = [line_reason(line, resources.rules, outlet_lines, f) for line, f in zip(lines, folded)]
    live = [i for i, reason in enumerate(reasons) if reason is None]
    head = live[:HEAD_LINES]
    meta: set[int] = set()

    dateline: tuple[int, Dateline] | None = None
    for index in head:
        found = read_dateline(lines[index], resources.calendar)
        if found is None:
            continue
        dateline = dateline or (index, found)
        if found.whole_line:
            meta.add(index)
    lede = dateline is None
    for index in head if lede else ():
        found = read_lede_dateline(lines[index], resources.calendar)
        if found is not None:
            dateline = (index, found)
            break

    byline = None
    if doc.byline:
        byline = read_byline(doc.byline, resources.rules.byline_markers) or doc.byline.strip() or None
    for index in head:
        if index in meta:
            continue
        name = read_byline(lines[index], resources.rules.byline_markers, resources.calendar)
        if name and (byline is None or line_key(name) == line_key(byline)):
            byline = name
            meta.add(index)
            break

    outlet = doc.outlet or raw.origin.outlet or _host(doc.url or raw.origin.url)
    title_index: int | None = None
    title = clean_title(doc.title, outlet) if doc.title else None
    if title:
        wanted = line_key(title)
        for index in head:
            if index not in meta and line_key(clean_title(lines[index], outlet) or "") == wanted:
                title_index = index
                break
    elif doc.title_in_text:
        head_lines = [lines[i] for i in live]
        skip = {n for n, i in enumerate(live) if i in meta}
        hit = head_title(head_lines, skip)
        if hit is not None:
            title_index, title = live[hit[0]], hit[1]
    if title_index is not None:
        meta.add(title_index)

    cleaned = clean_lines(lines, resources.rules, outlet_lines, reserved=frozenset(meta), reasons=reasons, keys=keys)
    paragraphs = _paragraphs(lines, cleaned.kept)
    body = "\n\n".join(paragraphs)
    language = detect_language(body, doc.declared_language, title or "")

    published = declared
    if dateline is not None:
        reader = read_lede_dateline if lede else read_dateline
        reread = reader(lines[dateline[0]], resources.calendar, language.code) or dateline[1]
        published = choose_published(declared, reread.value)

    removed = sorted((set(cleaned.removed) | meta) - {title_index})
    removed_lines = tuple(lines[i] for i in removed if reasons[i] != "blank" and lines[i])

    url = doc.url or raw.origin.url
    canonical = canonical_url(url)
    if canonical:
        key = canonical
    elif raw.origin.file:
        key = "file:" + PurePath(raw.origin.file).name + (f"#{raw.origin.locator}" if raw.origin.locator else "")
    else:
        key = "text:" + ids.digest(body or raw.uri)
    return Article(
        id=ids.article_id(key),
        uri=raw.uri,
        text=body,
        paragraphs=tuple(paragraphs),
        language=language.code,
        published=published,
        content_hash=ids.content_hash(raw.content),
        title=title,
        byline=byline,
        outlet=outlet,
        file=raw.origin.file,
        url=url,
        language_confidence=language.confidence,
        removed_lines=removed_lines,
    )
