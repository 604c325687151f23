"""HTML pages: main text with trafilatura, metadata from meta tags and JSON-LD."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from newstrace.errors import Code, InputError
from newstrace.ingest.files import declared_charset, decode
from newstrace.ingest.stamps import parse_stamp
from newstrace.model import DateValue, ExtractedDocument

_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "webpage",
})
# Meta keys for the publication date, most specific first.
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "sailthru.date",
    "parsely-pub-date", "date",
)
_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::)\s+")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_SPACES = re.compile(r"[ \t\u00a0]+")

# trafilatura logs every page it finds thin at ERROR; newstrace reports such pages as E011
# itself, so the log must not reach a terminal unless the application configures logging.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


def _meta(tree: Any) -> dict[str, str]:
    """Meta tags by lower-cased property/name/itemprop; the first of each wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def _walk_jsonld(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for element in value:
            yield from _walk_jsonld(element)
    elif isinstance(value, dict):
        yield value
        yield from _walk_jsonld(value.get("@graph"))


def _jsonld(tree: Any) -> dict[str, Any]:
    """The page's JSON-LD article object (NewsArticle and kin), or {}."""
    fallback: dict[str, Any] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and harmless: the page still has meta tags
        for node in _walk_jsonld(data):
            types = node.get("@type")
            names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
            if names & _ARTICLE_TYPES and "headline" in node:
                return node
            if not fallback and "headline" in node:
                fallback = node
    return fallback


def _name_of(value: Any) -> str | None:
    """A person's or organisation's name from a JSON-LD value (string, object or list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_name_of(v) for v in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _squash(text: str | None) -> str | None:
    if not isinstance(text, str):
        return None
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    return text or None


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def strip_site_suffix(title: str, site: str | None, domain: str | None = None) -> str:
    """Remove a trailing " | Outlet" / " - Outlet" (or leading "Outlet | ") site label.

    The label goes when it matches the site name or domain, or when it is a
    short label (at most 3 words) after a title of at least 3 words.
    """
    sites = {k for k in (_key(site or ""), _key((domain or "").rsplit(".", 1)[0]), _key(domain or "")) if k}
    for _ in range(2):
        separators = list(_TITLE_SEPARATOR.finditer(title))
        if not separators:
            break
        first, last = separators[0], separators[-1]
        head, tail = title[: last.start()].strip(), title[last.end():].strip()
        if head and (_key(tail) in sites or (len(tail.split()) <= 3 and len(tail) <= 30 and len(head.split()) >= 3)):
            title = head
            continue
        lead, rest = title[: first.start()].strip(), title[first.end():].strip()
        if rest and _key(lead) in sites:
            title = rest
            continue
        break
    return title


def _language(tree: Any, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  meta.get("og:locale"), ld.get("inLanguage"), meta.get("content-language"), meta.get("language")]
    for value in candidates:
        match = _LANG.match(value.strip()) if isinstance(value, str) else None
        if match:
            return match.group(1).lower()
    return None


def _published(tree: Any, meta: dict[str, str], ld: dict[str, Any]) -> DateValue:
    for key in _DATE_KEYS:
        if key in meta:
            value = parse_stamp(meta[key], f"meta:{key}")
            if value.known:
                return value
    value = parse_stamp(ld.get("datePublished"), "jsonld:datePublished")
    if value.known:
        return value
    for element in tree.iter("time"):
        stamp = element.get("datetime")
        if stamp:
            value = parse_stamp(stamp, "html:time")
            if value.known:
                return value
    return DateValue.unknown()


def _byline(meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    for key in _AUTHOR_KEYS:
        value = _squash(meta.get(key))
        if value and not value.lower().startswith(("http://", "https://")):
            return value
    return _squash(_name_of(ld.get("author")))


def _title(tree: Any, meta: dict[str, str], ld: dict[str, Any], site: str | None, domain: str | None) -> str | None:
    title_element = tree.find(".//title")
    candidates = (meta.get("og:title"), title_element.text_content() if title_element is not None else None,
                  ld.get("headline"), meta.get("twitter:title"))
    for candidate in candidates:
        title = _squash(candidate)
        if title:
            return strip_site_suffix(title, site, domain) or title
    return None


def _paragraphs(text: str | None) -> str:
    """Lines of extracted text as paragraphs separated by blank lines."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _fallback_text(tree: Any, ld: dict[str, Any]) -> str:
    """Text when trafilatura finds no main content: JSON-LD body, then every paragraph."""
    body = ld.get("articleBody")
    if isinstance(body, str) and body.strip():
        return _paragraphs(body)
    paragraphs = [_squash(p.text_content()) for p in tree.iter("p")]
    text = "\n\n".join(p for p in paragraphs if p)
    if text:
        return text
    body = tree.find(".//body")
    if body is None:
        return ""
    for tag in ("script", "style", "noscript", "template"):
        for element in list(body.iter(tag)):
            element.drop_tree()
    return _paragraphs(body.text_content())


def extract_html(data: bytes | str, *, url: str | None = None, source: str = "") -> ExtractedDocument:
    """Main text and metadata of an HTML page; raises InputError E004/E011 when there is none.

    Broken or truncated markup gives what it can: lxml recovers, and when
    trafilatura finds nothing the JSON-LD body or the page's paragraphs stand in.
    """
    text = decode(data, source, declared_charset(data)) if isinstance(data, bytes) else data
    if not text.strip():
        raise InputError(source, Code.E011, "empty page")
    tree = _load(text.replace("\x00", ""))
    if tree is None:
        raise InputError(source, Code.E011, "unreadable HTML")
    meta = _meta(tree)
    ld = _jsonld(tree)
    page_url = url or meta.get("og:url") or _canonical(tree)
    domain = domain_of(page_url)
    site = _squash(meta.get("og:site_name"))
    title = _title(tree, meta, ld, site, domain)
    byline = _byline(meta, ld)
    published = _published(tree, meta, ld)
    language = _language(tree, meta, ld)
    try:
        # Runs last: trafilatura prunes the tree it is given.
        body = trafilatura.extract(
            tree, url=page_url, favor_recall=True, fast=True, include_comments=False,
            include_tables=False, with_metadata=False, deduplicate=False,
        )
    except Exception:  # trafilatura's internals fail on some malformed trees; fall back below
        body = None
    main = _drop_title(_paragraphs(body), title) or _fallback_text(tree, ld)
    if not main.strip():
        raise InputError(source, Code.E011, "no text in page")
    return ExtractedDocument(
        text=main, title=title, byline=byline, url=page_url, outlet=site or domain,
        declared_language=language, published=published, title_in_text=False,
    )


def _load(text: str) -> Any:
    """An lxml tree of the page; fragments trafilatura's loader refuses are parsed as documents."""
    try:
        tree = load_html(text)
        if tree is None:
            tree = lxml.html.document_fromstring(text)
    except (ValueError, etree.LxmlError):
        return None
    return tree


def _drop_title(text: str, title: str | None) -> str:
    """The text without a first paragraph that repeats the title (the page's h1)."""
    first, _, rest = text.partition("\n\n")
    if title and rest and _key(first) == _key(title):
        return rest
    return text


def _canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None
