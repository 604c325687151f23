"""Sentence and clause splitting with character offsets, for any script."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final marks of the scripts newstrace reads (Latin, Greek ";", Arabic/Persian "؟", CJK,
# the Devanagari and Bengali danda "।", the Urdu full stop "۔").
_FINAL = ".!?;؟。！？…।॥۔"
_OPENING_QUOTES = "«“„‹\"'"
_CLOSING_QUOTES = "»”‹›\"'’)」』）"
_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", "「": "」", "『": "』"}
# Full-width marks of scripts written without spaces end a sentence with no space after them.
_WIDE_FINAL = "。！？"
# A token ending in one of these before a period is an abbreviation, not a sentence end;
# so is an initialism with periods ("U.S.", "U.N.").
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:(?:[A-ZÀ-ÖØ-Þ]\.)*[A-ZÀ-ÖØ-Þ]|Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Mme|Mlle|MM|Me|Pr|"
    r"Sr|Sra|Dra|Hr|Fr|Nr|No|vs|etc|cf|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"janv|févr|avr|juil|sept|oct|nov|déc|Av|av|bzw|ca|z\.B|u\.a|т\.е|г|гг|им|ул)\.$"
)
# "am 8. August": a one- or two-digit number with a period is an ordinal, not a sentence end.
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
# The full-width comma, colon and semicolon of Chinese cut clauses as ", " does; the
# Japanese "、" does not (it follows the topic of the one clause).
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:،؛；：，]|,\s|\s[–—-]\s)\s*")
_MAX_QUOTE = 600
# Paragraphs a page glued together lose the space after the stop ("…a Islamabad.Según fuentes"):
# a word of three lowercase letters or more, a stop, then a capitalised word is still a sentence
# end; a web address or an abbreviation is not ("U.S.Army" has no lowercase word before it).
_GLUED_BEFORE = re.compile(r"(?:^|[^\w./@:-])[^\W\d_]*[^\W\d_A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]{3}[.!?]$")
_GLUED_AFTER = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω][^\W\d_A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and its [start, end) offsets in the text it was cut from."""

    start: int
    end: int
    text: str
    paragraph: int = 0


def _is_boundary(text: str, end: int) -> bool:
    """Whether the final mark just before `end` closes a sentence."""
    if end >= len(text):
        return True
    if any(mark in _WIDE_FINAL for mark in text[max(0, end - 3):end]):
        return True
    if not text[end].isspace():
        return bool(_GLUED_AFTER.match(text, end) and _GLUED_BEFORE.search(text[max(0, end - 40):end]))
    mark = text[end - 1]
    if mark == ".":
        if _ABBREVIATION.search(text[max(0, end - 12):end]) or _ORDINAL.search(text[max(0, end - 4):end]):
            return False
    # Next visible character: a lowercase Latin/Cyrillic/Greek letter continues the sentence.
    probe = end
    while probe < len(text) and text[probe].isspace():
        probe += 1
    if probe >= len(text):
        return True
    nxt = text[probe]
    if nxt.isalpha() and nxt.islower():
        return False
    return not (nxt.isdigit() and mark == ".")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Cut `text` into sentences; paragraph breaks (blank lines) and line breaks always cut.

    Sentence marks inside a quotation (« … », “ … ”) do not cut, so a quoted
    passage stays in the sentence that introduces it.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for block in re.finditer(r"[^\n]+|\n\s*\n", text):
        if not block.group().strip():
            paragraph += 1
            continue
        start = block.start()
        pos = start
        line = block.group()
        i = 0
        closing: list[str] = []
        quote_open_at = 0
        while i < len(line):
            ch = line[i]
            if ch in _PAIRS:
                closing.append(_PAIRS[ch])
                quote_open_at = i
            elif closing and ch == closing[-1]:
                closing.pop()
            elif closing and i - quote_open_at > _MAX_QUOTE:
                closing.clear()  # an unclosed quote must not swallow the paragraph
            if ch in _FINAL and not closing:
                end = i + 1
                while end < len(line) and (line[end] in _FINAL or line[end] in _CLOSING_QUOTES):
                    end += 1
                if _is_boundary(line, end):
                    _add(sentences, text, pos, start + end, paragraph)
                    pos = start + end
                    i = end
                    continue
            i += 1
        _add(sentences, text, pos, block.end(), paragraph)
    return tuple(sentences)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))


def split_clauses(sentence: Sentence) -> tuple[Sentence, ...]:
    """Cut a sentence at clause punctuation (; : ، , and dashes), keeping offsets in the text."""
    parts: list[Sentence] = []
    pos = 0
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        if match.start() > pos:
            parts.append(_piece(sentence, pos, match.start()))
        pos = match.end()
    if pos < len(sentence.text):
        parts.append(_piece(sentence, pos, len(sentence.text)))
    return tuple(part for part in parts if part.text.strip())


def _piece(sentence: Sentence, start: int, end: int) -> Sentence:
    return Sentence(sentence.start + start, sentence.start + end, sentence.text[start:end], sentence.paragraph)


def sentence_at(sentences: tuple[Sentence, ...], offset: int) -> Sentence | None:
    """The sentence that holds character `offset`, if any."""
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


# A paragraph of the story itself ends a sentence and is longer than a caption credit or a byline.
_PROSE_CHARS = 30


def prose_ranks(sentences: list[Sentence]) -> dict[int, int]:
    """Each paragraph's place among the paragraphs of running prose: what a saved page keeps
    before its story (menus, captions, bylines, tags) does not push the lede down the page."""
    last: dict[int, Sentence] = {}
    size: dict[int, int] = {}
    for sentence in sentences:
        last[sentence.paragraph] = sentence
        size[sentence.paragraph] = size.get(sentence.paragraph, 0) + len(sentence.text)
    ranks: dict[int, int] = {}
    rank = 0
    for paragraph in sorted(last):
        ranks[paragraph] = rank
        ending = last[paragraph].text.rstrip().rstrip(_CLOSING_QUOTES)
        if size[paragraph] >= _PROSE_CHARS and ending[-1:] in _FINAL:
            rank += 1
    return ranks
