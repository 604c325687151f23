"""Figures an article gives for an event (killed, wounded, displaced, detained ...).

A figure is a number (digits in any script, or a number word) within a few
words of a kind word from the lexicon's `figures` section, before or after it
("477 Palestiniens tués", "مقتل 3 أشخاص", "погибли 12 человек"). Kind words
are stems: they match any word they begin. Sources that disagree on a figure
show up as a discrepancy of the canonical event.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newstrace.knowledge.lexicon import Lexicons
from newstrace.model import Article, EventMention, Figure, Span
from newstrace.text.affixes import strip_affixes

WINDOW = 4
_TOKEN = re.compile(r"\d[\d\u00a0\u202f ,.]*\d|\d|\w+", re.UNICODE)


@dataclass(frozen=True)
class FigureWords:
    """One language's figure vocabulary: kind stems and number words."""

    kinds: tuple[tuple[str, str], ...]
    numbers: Mapping[str, int]


def compile_figures(lexicons: Lexicons) -> Mapping[str, FigureWords]:
    found = {}
    for language, section in lexicons.sections("figures"):
        kinds = tuple(sorted(((stem.casefold(), kind) for kind, stems in (section.get("kinds") or {}).items()
                              for stem in stems), key=lambda item: -len(item[0])))
        numbers = {str(word).casefold(): int(value) for word, value in (section.get("numbers") or {}).items()}
        found[language] = FigureWords(kinds, numbers)
    return found


def _number(token: str, words: FigureWords) -> int | None:
    if token[0].isdigit():
        digits = "".join(str(unicodedata.digit(ch)) for ch in token if ch.isdigit())
        # "71 000" and "71,000" are one number; "3.5" is not a count.
        if re.fullmatch(r"\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+|\d+", token):
            return int(digits)
        return None
    return words.numbers.get(token.casefold())


def _kind(token: str, words: FigureWords) -> str | None:
    # Clitics glued to the word (Arabic و ب ل ال, French l') do not hide its stem.
    forms = {token.casefold(), strip_affixes(token).casefold()}
    for stem, kind in words.kinds:
        if any(form.startswith(stem) for form in forms):
            return kind
    return None


def find_figures(text: str, offset: int, words: FigureWords) -> tuple[Figure, ...]:
    """Figures in one sentence; spans are shifted by `offset` into the article."""
    tokens = list(_TOKEN.finditer(text))
    kinds = [_kind(t.group(), words) for t in tokens]
    figures: dict[str, Figure] = {}
    for i, token in enumerate(tokens):
        value = _number(token.group(), words)
        if value is None or value == 0:
            continue
        near = [j for j in range(max(0, i - WINDOW), min(len(tokens), i + WINDOW + 1)) if j != i and kinds[j]]
        if not near:
            continue
        j = min(near, key=lambda k: (abs(k - i), k < i))
        kind = kinds[j]
        assert kind is not None
        start, end = min(token.start(), tokens[j].start()), max(token.end(), tokens[j].end())
        if kind not in figures:
            figures[kind] = Figure(kind, value, Span(offset + start, offset + end), text[start:end])
    return tuple(figures.values())


def attach_figures(
    article: Article, events: Sequence[EventMention], vocabulary: Mapping[str, FigureWords]
) -> tuple[EventMention, ...]:
    """Each event mention with the figures its evidence sentence gives."""
    words = vocabulary.get(article.language)
    if words is None:
        return tuple(events)
    out = []
    for event in events:
        start = event.evidence[0].start if event.evidence else 0
        offset = start if article.text[start:start + len(event.sentence)] == event.sentence else 0
        figures = find_figures(event.sentence, offset, words)
        out.append(replace(event, figures=figures) if figures else event)
    return tuple(out)
