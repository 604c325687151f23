"""Capital descriptors: "the French capital", "столица Франции" name the capital city of that country."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newstrace.model import Span
from newstrace.stages.events.phrases import phrase_regex

# The country's place in a lexicon template: a "*" standing alone, or against an apostrophe
# ("*'s capital", "capitale de l'*"); a "*" ending a word is a stem ("столиц*").
_SLOT = re.compile(r"(?<![^\s'’])\*(?![^\s'’])")
# Words the template needs before it that are no part of the mention: "[nella] capitale *"
# ("il capitale" is money), and "nella" still the place word before the city.
_CONTEXT = re.compile(r"^\[([^\]]+)\]\s*(.*)$")
# How far before a country a template's words may start.
_REACH = 80


@dataclass(frozen=True)
class CapitalTemplate:
    """One way a language writes a capital: the words before and after the country, either may be empty."""

    before: re.Pattern[str] | None  # ends where the country starts
    after: re.Pattern[str] | None  # starts where the country ends


@dataclass(frozen=True)
class CapitalDescriptor:
    """A capital written as a descriptor: its whole span, the country named in it and the capital city."""

    span: Span
    country_span: Span
    country: str
    city_id: str


def _template(text: str) -> CapitalTemplate:
    slots = list(_SLOT.finditer(text))
    if len(slots) != 1:
        raise ValueError(f"a capital template holds one '*' for the country: {text!r}")
    before, after = text[:slots[0].start()].strip(), text[slots[0].end():].strip()
    needed = _CONTEXT.match(before)
    context, own = needed.groups() if needed else ("", before)
    if not own and not after:
        raise ValueError(f"a capital template has words of its own besides the country: {text!r}")
    # An apostrophe against the country joins it ("l'Ukraine"); else words stand apart.
    before_gap = "" if own.endswith(("'", "’")) else r"\s+"
    after_gap = "" if after.startswith(("'", "’")) else r"(?:['’][^\W\d_]{1,4})?\s+"  # "Fransa'nın başkenti"
    lead = f"(?:{phrase_regex(context)})\\s+" if context else ""
    words = f"(?:{phrase_regex(own)}){before_gap}" if own else ""
    return CapitalTemplate(
        re.compile(f"{lead}(?P<own>{words})\\Z", re.IGNORECASE) if before else None,
        re.compile(f"{after_gap}(?:{phrase_regex(after)})", re.IGNORECASE) if after else None,
    )


@cache
def capital_templates(phrases: tuple[str, ...]) -> tuple[CapitalTemplate, ...]:
    """A lexicon's `places.capital` templates, compiled (once per list)."""
    return tuple(_template(str(phrase)) for phrase in phrases if str(phrase).strip())


def lexicon_templates(lexicon) -> tuple[CapitalTemplate, ...]:
    """The capital templates of a language's lexicon (none without one)."""
    if lexicon is None:
        return ()
    return capital_templates(tuple(str(phrase) for phrase in lexicon.section("places").get("capital") or ()))


def find_capitals(text: str, templates: Sequence[CapitalTemplate], countries: Sequence[tuple[Span, str]],
                  kb) -> tuple[CapitalDescriptor, ...]:
    """Each country or demonym (span, ISO2) that a template's words enclose, as its capital city:
    none where the knowledge base knows no capital of that country."""
    found = []
    for span, country in countries:
        city = kb.capital(country) if templates else None
        written = [words for words in (_enclosing(text, template, span) for template in templates) if words]
        if city is not None and written:
            widest = max(written, key=lambda words: words.end - words.start)
            found.append(CapitalDescriptor(widest, span, country, city.id))
    return tuple(found)


def _enclosing(text: str, template: CapitalTemplate, country: Span) -> Span | None:
    start, end = country.start, country.end
    if template.before is not None:
        words = template.before.search(text, max(0, country.start - _REACH), country.start)
        if words is None:
            return None
        start = words.start("own")
    if template.after is not None:
        words = template.after.match(text, country.end)
        if words is None:
            return None
        end = words.end()
    return Span(start, end)
