"""Per-language lexicons: knowledge/lexicon/<lang>.yaml, loaded and checked once.

Each file holds one top-level section per concern (boilerplate, calendar,
temporal, roles, demonyms, places, triggers, topics, attribution, figures, inflection). Stages read
their own section and turn it into their own frozen values; code never branches on a
language code, so adding a language is adding a file. A lexicon may also serve other codes
(`serves: [sr, bs]`): language identification tells close standard languages apart that
one lexicon covers, and an article in a served code reads that lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newstrace.errors import KnowledgeError
from newstrace.knowledge.inflection import NameEndings
from newstrace.knowledge.locale_data import with_library_words
from newstrace.text.segment import segmenter_spec

SECTIONS = ("boilerplate", "calendar", "temporal", "roles", "demonyms", "places", "triggers", "topics", "attribution",
            "figures", "inflection")


@dataclass(frozen=True)
class Lexicon:
    """One language's lexicon: its code, script and raw sections."""

    language: str
    name: str
    script: str
    sections: Mapping[str, Any] = field(default_factory=dict)
    spacy_pipeline: str | None = None
    segmenter: Any = None  # the word segmenter of a language written without spaces (text/segment.py)
    identified_as: tuple[str, ...] = ()  # other codes the language identifier gives its text ("wuu")
    serves: tuple[str, ...] = ()
    # Every noun is written with a capital (German): a capital then marks no name, and a
    # capitalised sequence's edge words that the language's word list knows are no part of one.
    capitalised_nouns: bool = False

    def section(self, name: str) -> Mapping[str, Any]:
        if name not in SECTIONS:
            raise KeyError(f"unknown lexicon section {name!r}")
        return self.sections.get(name) or {}


@dataclass(frozen=True)
class Lexicons:
    """All languages' lexicons, by language code."""

    by_language: Mapping[str, Lexicon]
    served: Mapping[str, str] = field(default_factory=dict)  # served code -> the lexicon's own code

    def get(self, language: str | None) -> Lexicon | None:
        """The lexicon of a language code, its own or one it serves."""
        code = language or ""
        return self.by_language.get(code) or self.by_language.get(self.served.get(code, ""))

    def language_of(self, code: str) -> str:
        """The lexicon language a language identifier's code stands for (itself when none claims it)."""
        if code in self.by_language:
            return code
        return next((lexicon.language for lexicon in self.by_language.values() if code in lexicon.identified_as), code)

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.by_language))

    def codes(self) -> tuple[str, ...]:
        """Every language code some lexicon reads: its own ones and the served ones."""
        return tuple(sorted({*self.by_language, *self.served}))

    def sections(self, name: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """Yield (language, section) for every language that has the section."""
        for code in self.languages():
            data = self.by_language[code].section(name)
            if data:
                yield code, data


def lexicon_dir() -> Path:
    return Path(str(resources.files("newstrace.knowledge") / "lexicon"))


def load_lexicon(path: Path) -> Lexicon:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(str(path), f"invalid YAML: {exc}") from exc
    if not isinstance(data, dict) or "language" not in data:
        raise KnowledgeError(str(path), "a lexicon is a mapping with a 'language' key")
    unknown = set(data) - set(SECTIONS) - {"language", "name", "script", "spacy_pipeline", "segmenter", "identified_as",
                                           "serves", "capitalised_nouns"}
    if unknown:
        raise KnowledgeError(str(path), f"unknown sections {sorted(unknown)}")
    try:
        segmenter_spec(data.get("segmenter"))
    except ValueError as exc:
        raise KnowledgeError(str(path), str(exc)) from exc
    serves = data.get("serves") or []
    if not isinstance(serves, list) or not all(isinstance(code, str) and code for code in serves):
        raise KnowledgeError(str(path), "'serves' is a list of language codes")
    try:
        NameEndings.from_section(data.get("inflection") or {})
    except ValueError as exc:
        raise KnowledgeError(str(path), str(exc)) from exc
    for key in ("locales", "library_exceptions"):
        words = (data.get("calendar") or {}).get(key) or []
        if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
            raise KnowledgeError(str(path), f"'calendar.{key}' is a list of strings")
    # Month and weekday names, date formats and relative days from CLDR and dateparser.
    try:
        data["calendar"], data["temporal"] = with_library_words(
            str(data["language"]), [str(code) for code in serves], data.get("calendar"), data.get("temporal"))
    except ValueError as exc:
        raise KnowledgeError(str(path), str(exc)) from exc
    if not isinstance(data.get("capitalised_nouns", False), bool):
        raise KnowledgeError(str(path), "'capitalised_nouns' is true or false")
    return Lexicon(
        language=str(data["language"]),
        name=str(data.get("name", data["language"])),
        script=str(data.get("script", "latin")),
        sections={key: data[key] for key in SECTIONS if data.get(key)},
        spacy_pipeline=data.get("spacy_pipeline"),
        segmenter=data.get("segmenter"),
        identified_as=tuple(str(code) for code in data.get("identified_as") or ()),
        serves=tuple(code for code in serves if code != data["language"]),
        capitalised_nouns=bool(data.get("capitalised_nouns", False)),
    )


def load_lexicons(directory: Path | None = None) -> Lexicons:
    """Load every <lang>.yaml of the lexicon directory; a code two lexicons claim is an error."""
    folder = directory or lexicon_dir()
    found: dict[str, Lexicon] = {}
    served: dict[str, str] = {}
    where: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        lexicon = load_lexicon(path)
        found[lexicon.language] = lexicon
        where[lexicon.language] = path
        for code in lexicon.serves:
            if served.setdefault(code, lexicon.language) != lexicon.language:
                raise KnowledgeError(str(path), f"{code!r} is already served by the {served[code]!r} lexicon")
    for code, owner in served.items():
        if code in found:
            raise KnowledgeError(str(where[owner]), f"serves {code!r}, which has a lexicon of its own")
    return Lexicons(found, served)
