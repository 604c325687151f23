"""Source and target from the dependency parse, where the language has a spaCy pipeline."""

from __future__ import annotations

from dataclasses import replace

from newstrace.model import Participant, Span

# Dependency labels of the doer and of the other side (English and Universal Dependencies).
_DOER = frozenset({"nsubj", "agent", "obl:agent", "csubj"})
_UNDERGOER = frozenset({"nsubjpass", "nsubj:pass", "dobj", "obj", "iobj", "dative", "pobj", "obl", "obl:arg", "nmod"})


def _subtree_span(token, offset: int) -> Span:
    tokens = list(token.subtree)
    return Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))


def parse_roles(nlp, sentence_text: str, sentence_start: int, trigger: Span,
                participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """Participants with source/target set from the verb's subject, agent and objects.

    Participants the parse does not place keep the role the clause rules gave;
    any failure of the parser leaves them all as they were.
    """
    try:
        doc = nlp(sentence_text)
    except (ValueError, RuntimeError):
        return participants
    inside = [t for t in doc if trigger.start <= sentence_start + t.idx < trigger.end]
    verbs = [t for t in inside if t.pos_ in ("VERB", "AUX")] or inside
    if not verbs:
        return participants
    verb = next((t for t in verbs if t.pos_ == "VERB"), verbs[-1])
    zones: list[tuple[Span, str]] = []
    for child in verb.children:
        label = child.dep_.lower()
        if label in _DOER or label.startswith("nsubj") and "pass" not in label:
            zones.append((_subtree_span(child, sentence_start), "source"))
        elif label in _UNDERGOER or "pass" in label:
            zones.append((_subtree_span(child, sentence_start), "target"))
        elif label == "prep" and child.text.casefold() == "by":
            zones.append((_subtree_span(child, sentence_start), "source"))
    if not zones:
        return participants
    refined = []
    for p in participants:
        role = p.role
        if p.evidence is not None:
            for zone, zone_role in zones:
                if zone.start <= p.evidence.start and p.evidence.end <= zone.end:
                    role = zone_role
                    break
        refined.append(replace(p, role=role) if role != p.role else p)
    return tuple(refined)
