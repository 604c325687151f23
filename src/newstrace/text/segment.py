"""Word boundaries for languages written without spaces, from the segmenter their lexicon names.

A lexicon's `segmenter` key names one of SEGMENTERS (`segmenter: jieba`), or is a mapping
with a `name` and that segmenter's own data (`{name: particles, particles: [...]}`). Each
segmenter's dictionary ships inside its package; it is imported only when an article of
its language is read, since loading one takes seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newstrace.errors import KnowledgeError

Spans = Callable[[str], Iterable[tuple[int, int]]]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, eq=False)  # known by identity: two particle lists may share a name
class Segmenter:
    """One language's word splitter: the offsets where words start and end in a text."""

    name: str
    words: Spans = field(repr=False, compare=False)

    def cuts(self, text: str) -> frozenset[int]:
        """Every offset of `text` at which a word starts or ends (0 and len(text) included)."""
        return _cuts(self, text)

    def split(self, text: str) -> tuple[str, ...]:
        """The words of `text`, spaces and punctuation left out."""
        return tuple(text[a:b] for a, b in self.words(text) if text[a:b].strip() and _WORD.search(text[a:b]))


@lru_cache(maxsize=64)  # pure: the same text always gives the same cuts; linking and events both ask
def _cuts(segmenter: Segmenter, text: str) -> frozenset[int]:
    found = {0, len(text)}
    for start, end in segmenter.words(text):
        found.update((start, end))
    return frozenset(found)


def _aligned(text: str, pieces: Iterable[str]) -> Iterable[tuple[int, int]]:
    """Offsets of `pieces` (the text cut in order, some spaces perhaps dropped) in `text`."""
    pos = 0
    for piece in pieces:
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:
            continue  # a piece the tokenizer rewrote: its neighbours still align
        yield at, at + len(piece)
        pos = at + len(piece)


def _jieba(_spec: Mapping[str, Any]) -> Spans:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()  # its own instance: the dictionary is jieba's bundled dict.txt
    simplified = _simplifier()

    def words(text: str) -> Iterable[tuple[int, int]]:
        # jieba's dictionary is written in simplified characters: traditional text ("習近平在天津會晤")
        # is cut on its simplified form, which keeps every offset where it keeps the length.
        plain = simplified(text)
        return ((start, end) for _word, start, end in tokenizer.tokenize(plain if len(plain) == len(text) else text))

    return words


def _simplifier() -> Callable[[str], str]:
    """Traditional to simplified Chinese, with OpenCC's dictionaries (shipped in its wheel)."""
    import opencc

    return opencc.OpenCC("t2s").convert


def _janome(_spec: Mapping[str, Any]) -> Spans:
    from janome.tokenizer import Tokenizer

    tokenizer = Tokenizer(wakati=True)  # the IPADIC system dictionary is compiled into the package
    return lambda text: _aligned(text, tokenizer.tokenize(text))


def _newmm(_spec: Mapping[str, Any]) -> Spans:
    from pythainlp.tokenize import word_tokenize

    # newmm's dictionary (words_th.txt) is package data of pythainlp.
    return lambda text: _aligned(text, word_tokenize(text, engine="newmm", keep_whitespace=True))


def _particles(spec: Mapping[str, Any]) -> Spans:
    """Spaced words, with a listed particle at a word's end cut off ("서울에서" -> 서울 | 에서)."""
    particles = sorted({str(p) for p in spec.get("particles") or () if p}, key=len, reverse=True)

    def words(text: str) -> Iterable[tuple[int, int]]:
        for match in _WORD.finditer(text):
            start, end = match.start(), match.end()
            # Particles stack ("러시아군이": 러시아 | 군 | 이): cut them off one by one from the end.
            tail: list[tuple[int, int]] = []
            while True:
                word = text[start:end]
                particle = next((p for p in particles if len(word) > len(p) and word.endswith(p)), None)
                if particle is None:
                    break
                tail.append((end - len(particle), end))
                end -= len(particle)
            yield start, end
            yield from reversed(tail)

    return words


SEGMENTERS: dict[str, Callable[[Mapping[str, Any]], Spans]] = {
    "jieba": _jieba, "janome": _janome, "newmm": _newmm, "particles": _particles,
}


def segmenter_spec(raw: Any) -> Mapping[str, Any] | None:
    """A lexicon's `segmenter` value as a mapping with a `name`, or None when it has none."""
    if not raw:
        return None
    spec = {"name": raw} if isinstance(raw, str) else dict(raw)
    if spec.get("name") not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {spec.get('name')!r} (known: {', '.join(sorted(SEGMENTERS))})")
    return spec


def load_segmenter(raw: Any, where: str = "lexicon") -> Segmenter | None:
    """The segmenter a lexicon's `segmenter` value names, loaded now (None when it names none)."""
    try:
        spec = segmenter_spec(raw)
    except ValueError as exc:
        raise KnowledgeError(where, str(exc)) from exc
    if spec is None:
        return None
    try:
        words = SEGMENTERS[spec["name"]](spec)
    except ImportError as exc:
        raise KnowledgeError(where, f"segmenter {spec['name']} is not installed: {exc}") from exc
    return Segmenter(str(spec["name"]), words)
