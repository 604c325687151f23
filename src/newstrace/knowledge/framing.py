"""The framing vocabulary (knowledge/data/framing.yaml): loaded terms in cross-language groups, checked once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newstrace.errors import KnowledgeError

ABOUT = ("actors", "act", "place")


@dataclass(frozen=True)
class FramingGroup:
    """One way of naming a thing, with its terms in every language: `death_as_martyrdom` ..."""

    id: str
    facet: str
    label: str
    terms: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class FramingFacet:
    """One thing that gets named (an armed group, the deaths ...) and its rival groups, in file order."""

    id: str
    label: str
    about: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class FramingLexicon:
    """Every facet and group, and per language the phrases that look like a term and are not."""

    facets: tuple[FramingFacet, ...]
    groups: Mapping[str, FramingGroup]
    ignore: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({lang for g in self.groups.values() for lang in g.terms}))

    def facet(self, facet_id: str) -> FramingFacet | None:
        return next((f for f in self.facets if f.id == facet_id), None)


def framing_path() -> Path:
    return Path(str(resources.files("newstrace.knowledge") / "data" / "framing.yaml"))


def _terms(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise KnowledgeError(where, "terms are a non-empty list")
    terms = []
    for term in value:
        if not isinstance(term, str) or not term.strip():
            raise KnowledgeError(where, f"a term is a non-empty string, not {term!r}")
        if any("*" in word[:-1] for word in term.split()) or term.strip() == "*":
            raise KnowledgeError(where, f"'*' may only end a word: {term!r}")
        terms.append(term.strip())
    return tuple(dict.fromkeys(terms))


def parse_framing(data: Any, where: str = "framing.yaml") -> FramingLexicon:
    """The lexicon from the file's parsed YAML; any malformed part raises KnowledgeError naming it."""
    if not isinstance(data, dict) or not isinstance(data.get("facets"), dict):
        raise KnowledgeError(where, "the file is a mapping with a 'facets' mapping")
    facets, groups = [], {}
    for facet_id, facet in data["facets"].items():
        at = f"{where}: facets.{facet_id}"
        if not isinstance(facet, dict) or not isinstance(facet.get("groups"), dict) or not facet["groups"]:
            raise KnowledgeError(at, "a facet has a label, an 'about' and a 'groups' mapping")
        if facet.get("about") not in ABOUT:
            raise KnowledgeError(at, f"'about' is one of {', '.join(ABOUT)}")
        for group_id, group in facet["groups"].items():
            gat = f"{at}.groups.{group_id}"
            if group_id in groups:
                raise KnowledgeError(gat, "group id used twice")
            if not isinstance(group, dict) or not isinstance(group.get("terms"), dict) or not group["terms"]:
                raise KnowledgeError(gat, "a group has a label and a 'terms' mapping of language to terms")
            terms = {str(lang): _terms(f"{gat}.terms.{lang}", value) for lang, value in group["terms"].items()}
            groups[str(group_id)] = FramingGroup(str(group_id), str(facet_id), str(group.get("label", group_id)), terms)
        facets.append(FramingFacet(str(facet_id), str(facet.get("label", facet_id)), facet["about"],
                                   tuple(str(g) for g in facet["groups"])))
    ignore_data = data.get("ignore") or {}
    if not isinstance(ignore_data, dict):
        raise KnowledgeError(f"{where}: ignore", "a mapping of language to phrases")
    ignore = {str(lang): _terms(f"{where}: ignore.{lang}", value) for lang, value in ignore_data.items()}
    return FramingLexicon(tuple(facets), groups, ignore)


def load_framing(path: Path | None = None) -> FramingLexicon:
    """Read and check a framing file (the package's own when no path is given)."""
    source = path or framing_path()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(str(source), f"cannot read framing terms: {exc}") from exc
    return parse_framing(data, str(source))


@cache  # the package's file never changes while running: a memo of a pure read
def default_framing() -> FramingLexicon:
    """The package's framing lexicon, read once."""
    return load_framing()
