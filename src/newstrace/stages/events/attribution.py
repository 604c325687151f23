"""Attribution ("according to Reuters", "selon des sources") and direct quotes with their speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.knowledge.lexicon import Lexicon
from newstrace.model import Mention, Quote, Span
from newstrace.stages.events.phrases import compile_phrases, phrase_regex
from newstrace.text.scripts import unspaced

# A source phrase: a few words up to the next punctuation or quote mark.
# Full-width marks ("。", "、", "【") end a source phrase as their ASCII kin do.
_SOURCE = r"(?P<source>[^,.;:!?«»\"“”„()\[\]\n؟،。、，；：！？「」（）【】]{2,80}?)"
_SOURCE_TAIL = r"(?=[,.;:!?«»\"“”()\n؟،。、，；：！？「」（）【】]|$)"
_MAX_SOURCE_WORDS = 6
_QUOTES = re.compile(r"«\s*(?P<a>[^«»]{8,}?)\s*»|“(?P<b>[^“”]{8,}?)”|„(?P<c>[^„“”]{8,}?)[“”]|\"(?P<d>[^\"\n]{8,}?)\"")
_SPEAKER_KINDS = ("person", "role", "org", "country")


@dataclass(frozen=True)
class AttributionLexicon:
    """One language's attribution section, compiled."""

    patterns: tuple[re.Pattern[str], ...]
    anonymous: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> AttributionLexicon:
        compiled = []
        templates = lexicon.section("attribution").get("patterns") or ()
        # Longest template first: "{source} edinilen bilgiye göre" before "{source} göre".
        for template in sorted(templates, key=len, reverse=True):
            before, _, after = template.partition("{source}")
            # Where words are not spaced ("据新华社报道"), the source follows its cue at once.
            gap = r"\s*" if unspaced(before.strip()[-1:]) else r"\s+"
            head = phrase_regex(before.strip()) + gap if before.strip() else r"(?:^|(?<=[,.;:]\s)|(?<=\s)|(?<=[。、，；：！？」）】]))"
            tail = r"\s*" + phrase_regex(after.strip()) if after.strip() else _SOURCE_TAIL
            compiled.append(re.compile(head + _SOURCE + tail, re.IGNORECASE))
        return cls(tuple(compiled), compile_phrases(lexicon.section("attribution").get("anonymous") or ()))


@dataclass(frozen=True)
class Attribution:
    """A source an article credits, where it does so, and whether the source goes unnamed ("sources")."""

    source: str
    span: Span
    anonymous: bool = False


def find_attributions(text: str, offset: int, lex: AttributionLexicon) -> tuple[Attribution, ...]:
    """Every attribution phrase of `text`, its source trimmed to a few words."""
    found: list[Attribution] = []
    for pattern in lex.patterns:
        for match in pattern.finditer(text):
            words = match.group("source").split()
            if not words:
                continue
            # A source before its verb ("Anadolu reported") is the last few words, not the clause.
            leading = pattern.pattern.startswith("(?:^")
            source = " ".join(words[-_MAX_SOURCE_WORDS:] if leading else words[:_MAX_SOURCE_WORDS])
            span = Span(offset + match.start(), offset + match.end())
            overlapping = [a for a in found if a.span.start < span.end and span.start < a.span.end]
            if not overlapping:
                cleaned = source.strip(" '\"’")
                found.append(Attribution(cleaned, span, bool(lex.anonymous.search(cleaned))))
                continue
            # Two patterns over one phrase ("selon des sources ... citées par Anadolu"): one wider span.
            first = overlapping[0]
            wider = Span(min(first.span.start, span.start), max(first.span.end, span.end))
            found[found.index(first)] = Attribution(first.source, wider, first.anonymous)
    return tuple(sorted(found, key=lambda a: a.span.start))


def find_quotes(text: str, offset: int, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Direct quotes of `text` with the nearest actor named outside them in the same text as speaker.

    The speaker is the closest actor mention before the quote, else the first one
    after it; None when the text names nobody.
    """
    quotes = []
    for match in _QUOTES.finditer(text):
        body = next(g for g in match.groups() if g is not None)
        span = Span(offset + match.start(), offset + match.end())
        outside = [
            m for m in mentions
            if m.kind in _SPEAKER_KINDS and m.entity_id and offset <= m.span.start < offset + len(text)
            and not (span.start <= m.span.start < span.end)
        ]
        before = [m for m in outside if m.span.end <= span.start]
        after = [m for m in outside if m.span.start >= span.end]
        speaker = before[-1] if before else (after[0] if after else None)
        quotes.append(Quote(body.strip(), speaker.entity_id if speaker else None, span))
    return tuple(quotes)
