"""Framing across outlets: which loaded terms each source of an event or story used, counted at read time.

Counted from the stored article text when a page, the API or an export asks, not
stored by the pipeline: the vocabulary (knowledge/data/framing.yaml) is edited far
more often than articles are re-read, and a count computed on reading always
follows the current file with no `reprocess` and no schema change. An event has a
handful of sources, so the cost is a few regular-expression passes.

The whole text of each source article is read, not only the event's sentence:
outlets name an actor ("the militant group", "the resistance") in other sentences
than the one that reports the act.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from newstrace.knowledge.framing import FramingLexicon, default_framing
from newstrace.model import Article, Framing, SourceFraming, TermCount
from newstrace.text.normalize import match_key, normalize
from newstrace.text.scripts import rule_for

EXAMPLES = 2
CONTEXT = 60


@dataclass(frozen=True)
class TermKey:
    """What a matched alternative stands for (`group` None: an ignored look-alike phrase)."""

    group: str | None
    facet: str
    term: str


@dataclass(frozen=True)
class LanguageMatcher:
    pattern: re.Pattern[str]
    keys: tuple[TermKey, ...]


@dataclass(frozen=True)
class FramingMatcher:
    """The framing lexicon compiled into one pattern per language."""

    lexicon: FramingLexicon
    by_language: Mapping[str, LanguageMatcher]


def _unspaced(char: str) -> bool:
    """Scripts written without spaces between words: a term may stand inside running text."""
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA"))


def term_pattern(term: str) -> str:
    """A term as a regular expression over normalised text (see framing.yaml for the notation)."""
    parts = []
    for word in term.split():
        star = word.endswith("*")
        folded = match_key(word.rstrip("*"))
        if not folded:
            continue
        prefixes = rule_for(folded).prefixes
        pattern = " +".join(re.escape(piece) for piece in folded.split(" "))
        parts.append((f"(?:{prefixes})" if prefixes else "") + pattern + (r"\w*" if star else ""))
        last_star = star
    if not parts:
        raise ValueError(f"empty framing term {term!r}")
    key = match_key(term.replace("*", ""))
    left = "" if _unspaced(key[0]) else r"(?<!\w)"
    right = "" if last_star or _unspaced(key[-1]) else r"(?!\w)"
    return left + " +".join(parts) + right


def compile_framing(lexicon: FramingLexicon) -> FramingMatcher:
    """One alternation per language, longest terms first so that the longest term wins at a place."""
    entries: dict[str, list[tuple[str, TermKey]]] = defaultdict(list)
    for group in lexicon.groups.values():
        for language, terms in group.terms.items():
            entries[language].extend((t, TermKey(group.id, group.facet, t)) for t in terms)
    for language, phrases in lexicon.ignore.items():
        entries[language].extend((p, TermKey(None, "", p)) for p in phrases)
    by_language = {}
    for language, items in entries.items():
        items.sort(key=lambda item: (-len(match_key(item[0].replace("*", ""))), item[0]))
        pattern = "|".join(f"({term_pattern(term)})" for term, _ in items)
        by_language[language] = LanguageMatcher(re.compile(pattern), tuple(key for _, key in items))
    return FramingMatcher(lexicon, by_language)


@cache  # compiling the package's own file is a pure function of it: a memo for speed only
def default_matcher() -> FramingMatcher:
    """The package's framing lexicon, compiled once."""
    return compile_framing(default_framing())


def outlet_of(article: Article) -> str:
    """The outlet an article is counted under: its name, else its web host, else its file."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article.file or article.id


def _context(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo else "") + snippet + ("…" if hi < len(text) else "")


def article_terms(article: Article, matcher: FramingMatcher) -> tuple[TermCount, ...]:
    """The loaded terms of the article's language in its title and text, with counts and passages."""
    compiled = matcher.by_language.get(article.language)
    if compiled is None:
        return ()
    texts = [article.text]
    if article.title and article.title.strip() not in article.text[: len(article.title) + 200]:
        texts.append(article.title)
    counts: dict[TermKey, int] = defaultdict(int)
    examples: dict[TermKey, list[str]] = defaultdict(list)
    for text in texts:
        normal = normalize(text)
        for match in compiled.pattern.finditer(normal.text):
            key = compiled.keys[(match.lastindex or 1) - 1]
            if key.group is None:
                continue
            counts[key] += 1
            if len(examples[key]) < EXAMPLES:
                start, end = normal.original_span(match.start(), match.end())
                examples[key].append(_context(text, start, end))
    return tuple(TermCount(k.facet, k.group, k.term, article.language, n, tuple(examples[k]))
                 for k, n in counts.items() if k.group)


def _merge(source: str, articles: list[Article], terms: Iterable[TermCount], order: Mapping[str, int]) -> SourceFraming:
    counts: dict[tuple[str, str, str, str], int] = defaultdict(int)
    examples: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for t in terms:
        key = (t.facet, t.group, t.term, t.language)
        counts[key] += t.count
        examples[key].extend(e for e in t.examples if len(examples[key]) < EXAMPLES)
    merged = sorted((TermCount(*key, n, tuple(examples[key])) for key, n in counts.items()),
                    key=lambda t: (order.get(t.group, len(order)), -t.count, t.language, t.term))
    return SourceFraming(source, tuple(sorted({a.language for a in articles})),
                         tuple(sorted(a.id for a in articles)), tuple(merged))


def framing_of(articles: Iterable[Article], matcher: FramingMatcher,
               terms_of: Mapping[str, tuple[TermCount, ...]] | None = None) -> Framing:
    """Framing of a set of source articles, per outlet and per language.

    `terms_of` may hold already counted articles (an export counts each article once).
    """
    chosen = {a.id: a for a in articles}
    counted = {aid: (terms_of[aid] if terms_of and aid in terms_of else article_terms(a, matcher))
               for aid, a in chosen.items()}
    order = {g: i for i, g in enumerate(g for f in matcher.lexicon.facets for g in f.groups)}
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    by_language: dict[str, list[Article]] = defaultdict(list)
    for article in chosen.values():
        by_outlet[outlet_of(article)].append(article)
        by_language[article.language].append(article)
    outlets = tuple(_merge(name, arts, (t for a in arts for t in counted[a.id]), order)
                    for name, arts in sorted(by_outlet.items(), key=lambda kv: kv[0].casefold()))
    languages = tuple(_merge(lang, arts, (t for a in arts for t in counted[a.id]), order)
                      for lang, arts in sorted(by_language.items()))
    return Framing(outlets, languages, _differs(outlets, order), _divided(outlets, matcher.lexicon))


def _differs(outlets: tuple[SourceFraming, ...], order: Mapping[str, int]) -> tuple[str, ...]:
    if len(outlets) < 2:
        return ()
    used = [o.groups() for o in outlets]
    every = frozenset().union(*used)
    return tuple(sorted((g for g in every if any(g not in u for u in used)), key=lambda g: order.get(g, 0)))


def _divided(outlets: tuple[SourceFraming, ...], lexicon: FramingLexicon) -> tuple[str, ...]:
    found = []
    for facet in lexicon.facets:
        members = set(facet.groups)
        choices = {frozenset(o.groups() & members) for o in outlets} - {frozenset()}
        if len(choices) > 1:
            found.append(facet.id)
    return tuple(found)
