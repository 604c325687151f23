"""Recognition: where the text names something (KB matches, spaCy NER, capitalised sequences)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newstrace.model import Article, Span

# spaCy labels of the French and English pipelines, to our entity kinds.
NER_KINDS = {"PER": "person", "PERSON": "person", "ORG": "org", "LOC": "place", "GPE": "place",
             "NORP": None, "FAC": "place"}
# Capital letters of the cased scripts (Latin, Greek, Cyrillic blocks).
_UPPER = "".join(char for char in map(chr, range(0x41, 0x530)) if char.isupper())
# A capitalised word of a cased script, optionally joined by hyphens or apostrophes.
_CAP_WORD = "[" + _UPPER.replace("-", "") + r"][\w'’-]*"
# Lowercase particles allowed inside a name: al-Hayya, bin Salman, de Gaulle, von der Leyen.
_PARTICLE = r"(?:al|el|bin|ben|ibn|abu|de|del|da|di|du|van|von|der|la|le|ould)"
_CAPS = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:[ -](?:{_PARTICLE}[ -])?{_CAP_WORD})*")
_SENTENCE_END = re.compile(r"[.!?…:;\"«»“”]\s*$|^\s*$")


@dataclass(frozen=True)
class Recognised:
    """A stretch of text a model or a rule took for a name, with the kind it guessed."""

    span: Span
    text: str
    kind: str
    rule: str


def paragraph_spans(article: Article) -> Iterator[Span]:
    """Where each paragraph lies in article.text (paragraphs are joined by blank lines)."""
    position = 0
    for paragraph in article.paragraphs:
        found = article.text.find(paragraph, position)
        if found < 0:
            continue
        yield Span(found, found + len(paragraph))
        position = found + len(paragraph)
    if not article.paragraphs and article.text:
        yield Span(0, len(article.text))


def ner_mentions(article: Article, nlp) -> tuple[Recognised, ...]:
    """Persons, organisations and places spaCy finds, one paragraph at a time."""
    found = []
    spans = list(paragraph_spans(article))
    texts = [article.text[span.start:span.end] for span in spans]
    for span, doc in zip(spans, nlp.pipe(texts, batch_size=32)):
        for entity in doc.ents:
            kind = NER_KINDS.get(entity.label_)
            surface = entity.text.strip()
            if not kind or len(surface) < 2:
                continue
            start = span.start + entity.start_char + (len(entity.text) - len(entity.text.lstrip()))
            found.append(Recognised(Span(start, start + len(surface)), surface, kind, "ner"))
    return tuple(found)


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start])) or start == 0


def capitalised_mentions(text: str) -> tuple[Recognised, ...]:
    """Sequences of capitalised words that may be names, for texts no NER model covers.

    A single word, or a sequence whose first word opens the sentence, is only a
    guess at a name: the sentence-initial word is dropped and a lone word kept
    only when it is not at a sentence start.
    """
    found = []
    for match in _CAPS.finditer(text):
        start, surface = match.start(), match.group(0)
        words = surface.split()
        if _sentence_initial(text, start) and len(words) > 1:
            start += len(words[0]) + 1
            surface = surface[len(words[0]) + 1:]
            words = words[1:]
        if len(words) < 2 or _sentence_initial(text, start):
            continue
        if surface.isupper():
            continue
        kind = "person" if len(words) <= 3 else "org"
        found.append(Recognised(Span(start, start + len(surface)), surface, kind, "caps"))
    return tuple(found)
