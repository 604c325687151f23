"""The other forms of a lexicon's trigger words, from the language's word list (simplemma).

A lexicon lists the forms its authors met ("telefonierte", "reunieron"); the press also
writes the rest of the paradigm ("telefonieren", "se reunirán", "Angriffe"). simplemma's
dictionary maps each form it knows to its lemma: read backwards, it gives every form of a
listed word's lemma. Reading a dictionary backwards costs about a second, so the forms are
kept in the cache folder, keyed by the words, the language and simplemma's version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from newstrace.knowledge.compiled import cached_value


def _simplemma_version() -> str:
    try:
        return version("simplemma")
    except PackageNotFoundError:
        return ""


@dataclass(frozen=True)
class Paradigm:
    """A word's lemma in the word list, and the other forms of that lemma."""

    lemma: str
    forms: tuple[str, ...]


def word_forms(language: str, words: Iterable[str], with_lemma: bool = True) -> Mapping[str, Paradigm]:
    """For each single word of `words` that the language's word list knows, its lemma and the
    other forms of it (nothing where simplemma has no list for the language). Without
    `with_lemma`, the lemma itself is left out of the forms: a verb's lemma is its infinitive,
    which the press writes mostly under another verb ("para exigir", "um zu treffen"), not as
    the act reported."""
    wanted = sorted({w.strip() for w in words if w and w.strip() and " " not in w.strip()})
    release = _simplemma_version()
    if not wanted or not release:
        return {}
    key = "\n".join(["paradigms", language, release, str(with_lemma), *wanted])
    digest = hashlib.sha256(key.encode()).hexdigest()
    return cached_value(f"forms-{language}", digest, lambda: _build(language, wanted, with_lemma))


def _build(language: str, words: list[str], with_lemma: bool) -> dict[str, Paradigm]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    try:
        dictionary = DefaultDictionaryFactory().get_dictionary(language)
    except ValueError:
        return {}
    lemmas = set(dictionary.values())
    lemma_of = {}
    for word in words:
        lemma = dictionary.get(word) or dictionary.get(word.lower())
        if lemma is None and (word in lemmas or word.lower() in lemmas):
            lemma = word if word in lemmas else word.lower()
        if lemma is not None:
            lemma_of[word] = lemma
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in lemma_of.values()}
    for form, lemma in dictionary.items():
        if lemma in forms:
            forms[lemma].add(form)
    return {word: Paradigm(lemma, tuple(sorted(f for f in forms[lemma] if f.casefold() != word.casefold()
                                               and (with_lemma or f != lemma))))
            for word, lemma in lemma_of.items()}
