"""Topics of an event: which entries of the topic vocabulary its sentences speak of."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.knowledge.lexicon import Lexicon
from newstrace.stages.events.phrases import compile_groups, label_of


@dataclass(frozen=True)
class TopicLexicon:
    """One language's topic section, compiled."""

    pattern: re.Pattern[str]
    labels: tuple[str, ...]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> TopicLexicon:
        pattern, labels = compile_groups(dict(lexicon.section("topics")))
        return cls(pattern, labels)


def find_topics(texts: tuple[str, ...], lex: TopicLexicon) -> tuple[str, ...]:
    """Topic ids named in `texts`, in order of first appearance, each once."""
    if not lex.labels:
        return ()
    seen: dict[str, None] = {}
    for text in texts:
        for match in lex.pattern.finditer(text):
            seen.setdefault(label_of(match, lex.labels), None)
    return tuple(seen)
