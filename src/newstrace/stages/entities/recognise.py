"""Recognition: where the text names something (KB matches, spaCy NER, capitalised sequences)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
_NAME_PARTICLE = re.compile(rf"^{_PARTICLE}$")
_TOKEN = re.compile(r"\S+")


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


@dataclass(frozen=True)
class EdgeWords:
    """What may not open or close a capitalised name in one language.

    `calendar`: weekdays and months ("Egemenlik Konseyi Cumartesi"). `noun`, where every noun
    is written with a capital: a word the language's list knows, which opens no name when a
    determiner (`determiners`) stands before it or a particle after it ("die Stadt Pahalgam",
    "Gruppe von Touristen", "Hauptquartiers der Armee"). `inflected`, there too: a word the list
    knows as a form of another word (a plural, a case ending), which closes no name: names seldom
    inflect, common nouns do ("Zehntausende Zivilisten", "eine halbe Million Soldaten").
    """

    calendar: Callable[[str], bool] = lambda word: False
    noun: Callable[[str], bool] | None = None
    determiners: frozenset[str] = frozenset()
    inflected: Callable[[str], bool] = lambda word: False


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 30):start].split()
    return before[-1].casefold() if before else ""


def _trimmed(text: str, start: int, end: int, edges: EdgeWords) -> tuple[int, int]:
    """The stretch left when words that cannot open or close a name are cut off both ends."""
    tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(text, start, end)]
    word = lambda i: text[tokens[i][0]:tokens[i][1]]
    while tokens:
        first = word(0)
        if _NAME_PARTICLE.match(first) or edges.calendar(first) or (
                edges.noun is not None and edges.noun(first) and (
                    _word_before(text, tokens[0][0]) in edges.determiners
                    or (len(tokens) > 1 and _NAME_PARTICLE.match(word(1))))):
            tokens.pop(0)
        elif _NAME_PARTICLE.match(word(-1)) or edges.calendar(word(-1)) or edges.inflected(word(-1)):
            tokens.pop()
        else:
            break
    return (tokens[0][0], tokens[-1][1]) if tokens else (end, end)


def capitalised_mentions(text: str, edges: EdgeWords | None = None) -> tuple[Recognised, ...]:
    """Sequences of capitalised words that may be names, for texts no NER model covers.

    A single word, or a sequence whose first word opens the sentence, is only a
    guess at a name: the sentence-initial word is dropped and a lone word kept
    only when it is not at a sentence start. Words `edges` says no name opens or
    closes with are cut off the ends first.
    """
    found = []
    for match in _CAPS.finditer(text):
        start, surface = match.start(), match.group(0)
        words = surface.split()
        if _sentence_initial(text, start) and len(words) > 1:
            start += len(words[0]) + 1
            surface = surface[len(words[0]) + 1:]
            words = words[1:]
        if edges is not None and len(words) > 1:
            start, end = _trimmed(text, start, start + len(surface), edges)
            surface = text[start:end]
            words = surface.split()
        if len(words) < 2 or _sentence_initial(text, start):
            continue
        if surface.isupper():
            continue
        kind = "person" if len(words) <= 3 else "org"
        found.append(Recognised(Span(start, start + len(surface)), surface, kind, "caps"))
    return tuple(found)
