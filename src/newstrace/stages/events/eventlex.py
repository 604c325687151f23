"""The per-language data event extraction reads, compiled once: triggers, topics, attribution, types."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newstrace.knowledge.lexicon import Lexicon
from newstrace.stages.events.attribution import AttributionLexicon
from newstrace.stages.events.topics import TopicLexicon
from newstrace.stages.events.triggers import Ontology, TriggerLexicon, load_ontology


@dataclass(frozen=True)
class EventLexicon:
    """What event extraction needs of one language, compiled once."""

    triggers: TriggerLexicon
    topics: TopicLexicon
    attribution: AttributionLexicon


_COMPILED: dict[int, tuple[Lexicon, EventLexicon]] = {}


def event_lexicon(lexicon: Lexicon) -> EventLexicon:
    """The compiled event lexicon of a language (memoised per lexicon object: compiling is pure)."""
    hit = _COMPILED.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        compiled = EventLexicon(
            TriggerLexicon.from_lexicon(lexicon), TopicLexicon.from_lexicon(lexicon),
            AttributionLexicon.from_lexicon(lexicon),
        )
        hit = (lexicon, compiled)
        _COMPILED[id(lexicon)] = hit
    return hit[1]


@cache
def ontology() -> Ontology:
    """The PLOVER types and modes of knowledge/data/modes.yaml (read once; it is package data)."""
    return load_ontology()
