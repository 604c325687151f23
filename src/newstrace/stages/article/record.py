"""RawDocument + ExtractedDocument → Article: cleaning, title, byline, dateline, language and id."""

from __future__ import annotations

import re
import weakref
from collections import Counter
from functools import cache
from dataclasses import dataclass, replace
from pathlib import PurePath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newstrace import ids
from newstrace.knowledge.cldr import cldr_lexicon
from newstrace.knowledge.lexicon import Lexicons
from newstrace.model import Article, DateValue, ExtractedDocument, RawDocument
from newstrace.stages.article.clean import BoilerplateRules, clean_lines, compile_rules, line_reason
from newstrace.stages.article.language import detect_language
from newstrace.stages.article.meta import (
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
from newstrace.text.lines import fold, key_of_folded, line_key, undoubled

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


def _find_dateline(
    lines: list[str], head: list[int], datelines: dict[int, Dateline], calendar: Calendar
) -> tuple[int, Dateline, bool] | None:
    """The first dateline of the head (index, dateline, whether it opens a paragraph)."""
    if datelines:
        index = min(datelines)
        return index, datelines[index], False
    for index in head:
        found = read_lede_dateline(lines[index], calendar)
        if found is not None:
            return index, found, True
    return None


def _find_byline(
    lines: list[str], head: list[int], meta: set[int], declared: str | None, resources: ArticleResources
) -> tuple[str | None, int | None]:
    """The author (declared one first) and the head line that names them, if any."""
    markers, particles = resources.rules.byline_markers, resources.rules.name_particles
    byline = (read_byline(declared, markers, None, particles) or declared.strip() or None) if declared else None
    for index in head:
        if index in meta:
            continue
        name = read_byline(lines[index], markers, resources.calendar, particles)
        if name and (byline is None or line_key(name) == line_key(byline)):
            return name, index
    return byline, None


def _find_title(
    lines: list[str], live: list[int], meta: set[int], doc: ExtractedDocument, outlet: str | None
) -> tuple[str | None, int | None]:
    """The title (declared one first) and the head line that holds it, if any."""
    if doc.title:
        title = clean_title(doc.title, outlet)
        wanted = line_key(title or "")
        for index in live[:HEAD_LINES]:
            if wanted and index not in meta and line_key(clean_title(lines[index], outlet) or "") == wanted:
                return title, index
        return title, None
    if doc.title_in_text:
        skip = {n for n, i in enumerate(live) if i in meta}
        hit = head_title([lines[i] for i in live], skip)
        if hit is not None:
            return hit[1], live[hit[0]]
    return None, None


def _identity_key(raw: RawDocument, url: str | None, body: str) -> str:
    """Canonical URL, else the file's absolute URI (with the record within it), else "file:" +
    file name, else a digest of the text.

    A file is known by where it lies, not by its name alone: en/01.txt and fr/01.txt, or
    the same name in two folders, are two articles, and an edited file is a new revision.
    """
    canonical = canonical_url(url)
    if canonical:
        return canonical
    if raw.uri.startswith("file:"):
        return raw.uri
    if raw.origin.file:
        return "file:" + PurePath(raw.origin.file).name + (f"#{raw.origin.locator}" if raw.origin.locator else "")
    return "text:" + ids.digest(body or raw.uri)


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
    written = [line.strip() for line in text.splitlines()]
    lines = [undoubled(line) for line in written]
    folded = [fold(line) for line in lines]
    keys = [key_of_folded(f) for f in folded]
    reasons = [line_reason(line, resources.rules, outlet_lines, f) for line, f in zip(lines, folded)]
    # A line glued to itself beside a copy of it is the page's artefact; alone, it is its text once.
    copies = Counter(keys)
    reasons = ["doubled" if lines[i] != written[i] and copies[keys[i]] > 1 else reason
               for i, reason in enumerate(reasons)]
    live = [i for i, reason in enumerate(reasons) if reason is None]
    head = live[:HEAD_LINES]

    datelines = {i: found for i in head if (found := read_dateline(lines[i], resources.calendar))}
    dateline = _find_dateline(lines, head, datelines, resources.calendar)
    # Every line of the head that is only a date is metadata, not body.
    meta = {i for i, found in datelines.items() if found.whole_line}
    byline, byline_index = _find_byline(lines, head, meta, doc.byline, resources)
    outlet = doc.outlet or raw.origin.outlet or _host(doc.url or raw.origin.url)
    title, title_index = _find_title(lines, live, meta | {byline_index}, doc, outlet)
    meta.update(i for i in (byline_index, title_index) if i is not None)

    cleaned = clean_lines(lines, resources.rules, outlet_lines, reserved=frozenset(meta), reasons=reasons, keys=keys)
    paragraphs = _paragraphs(lines, cleaned.kept)
    body = "\n\n".join(paragraphs)
    language = detect_language(body, doc.declared_language, title or "", lexicons.codes())
    # A dialect code ("wuu" for Mandarin text) stands for the lexicon language that claims it.
    language = replace(language, code=lexicons.language_of(language.code))

    calendar = resources.calendar
    own = cldr_lexicon(language.code) if lexicons.get(language.code) is None else None
    if dateline is None and own is not None:
        # No lexicon's calendar reads the dateline: the language's own CLDR names may.
        calendar = _own_calendar(language.code)
        datelines = {i: found for i in head if (found := read_dateline(lines[i], calendar))}
        dateline = _find_dateline(lines, head, datelines, calendar)
    published = declared
    if dateline is not None:
        index, found, lede = dateline
        reader = read_lede_dateline if lede else read_dateline
        # Re-read knowing the language: it decides how 03/04/2026 is ordered.
        published = choose_published(declared, (reader(lines[index], calendar, language.code) or found).value)

    removed = sorted((set(cleaned.removed) | meta) - {title_index})
    url = doc.url or raw.origin.url
    return Article(
        id=ids.article_id(_identity_key(raw, url, body)),
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
        removed_lines=tuple(lines[i] for i in removed if reasons[i] != "blank" and lines[i]),
    )


@cache  # compiling CLDR's names is pure: memoised for speed only
def _own_calendar(code: str) -> Calendar:
    lexicon = cldr_lexicon(code)
    assert lexicon is not None
    return compile_calendar(Lexicons({code: lexicon}))
