"""The knowledge base: curated actors, countries, cities and demonyms, indexed for matching and search."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from newstrace.errors import KnowledgeError
from newstrace.knowledge.actors import load_actors
from newstrace.knowledge.inflection import NameEndings
from newstrace.knowledge.lexicon import Lexicons
from newstrace.knowledge.matcher import NameMatcher, NameRef
from newstrace.knowledge.packed import PackedValues, pack_values
from newstrace.knowledge.particles import PARTICLES
from newstrace.knowledge.places import (
    Demonym, country_id, load_cities, load_city_names, load_countries, load_demonyms,
)
from newstrace.knowledge.search import NameIndex, SearchHit
from newstrace.model import Entity, Role
from newstrace.text.normalize import match_key
from newstrace.text.scripts import RULES, script_of, script_of_text

# Priorities between entities sharing a key: a curated actor over a country,
# a country over a demonym reading, a city last, a bare surname after all.
PRIORITY = {"actor": 0, "country": 1, "demonym": 2, "place": 3, "partial": 5}
# The rank (tie-break inside a priority, otherwise minus the population) of a capital's own name.
CAPITAL_RANK = -(10 ** 12)


def _exact(form: str, key: str) -> bool:
    if len(key) <= 3:
        return True
    return len(key) <= 7 and form.isupper()


def name_ref(entity: Entity, form: str, tag: str, priority: int, key: str | None = None) -> tuple[str, NameRef]:
    """The index entry of one written name."""
    key = match_key(form) if key is None else key
    script = script_of(form[0]) if form[:1].isalpha() else script_of_text(form)
    cased = RULES[script].cased and form[:1].isupper()
    exact = tag == "acronym" or _exact(form, key)
    return key, NameRef(entity.id, form, tag, priority, cased, exact, -(entity.population or 0), script)


def partial_forms(name: str) -> tuple[str, ...]:
    """A person's surname forms used alone: "Hakan Fidan" -> Fidan; "Tamim bin Hamad Al Thani" -> Al Thani, Thani."""
    words = name.split()
    if len(words) < 2:
        return ()
    forms = []
    if len(words) >= 3 and words[-2].casefold() in PARTICLES:
        forms.append(" ".join(words[-2:]))
    if words[-1].casefold() not in PARTICLES and len(words[-1]) >= 4:
        forms.append(words[-1])
    return tuple(forms)


def _ref_fields(refs: tuple[NameRef, ...]) -> tuple[tuple, ...]:
    # Plain tuples pickle to a third of a dataclass's size (no class path, no field names).
    return tuple((ref.entity_id, ref.form, ref.tag, ref.priority, ref.cased, ref.exact, ref.rank, ref.script)
                 for ref in refs)


def _refs_of(fields: tuple[tuple, ...]) -> tuple[NameRef, ...]:
    return tuple(NameRef(*values) for values in fields)


class KnowledgeBase:
    """Entities by id, their names in one automaton, roles by title; read-only once loaded."""

    def __init__(self, entities: Iterable[Entity], demonyms: Sequence[Demonym] = (),
                 problems: Sequence[KnowledgeError] = (), honorifics: Iterable[str] = (),
                 stem_letters: str = "") -> None:
        self._section: Callable[[str], Any] | None = None  # set on a compiled base only
        self._entities: Mapping[str, Entity] = {entity.id: entity for entity in entities}
        self._honorifics = frozenset(match_key(word) for word in honorifics)
        self.demonyms: tuple[Demonym, ...] = tuple(demonyms)
        found = list(problems)
        grouped: dict[str, dict[tuple, NameRef]] = {}
        for key, ref in self._name_entries(found):
            # One entry per entity and reading of a key; exact forms stay apart (MIT, MİT).
            grouped.setdefault(key, {}).setdefault((ref.entity_id, ref.tag, ref.cased, ref.form if ref.exact else ""), ref)
        self._keys: Mapping[str, tuple[NameRef, ...]] = {
            key: tuple(refs.values()) if len(refs) == 1 else
            tuple(sorted(refs.values(), key=lambda ref: (ref.priority, ref.rank, ref.entity_id)))
            for key, refs in grouped.items()
        }
        inflect = frozenset(entity.id for entity in self._entities.values() if entity.kind in ("person", "org"))
        self.matcher = NameMatcher(self._keys, inflect_ids=inflect, stem_letters=stem_letters)
        self.problems: tuple[str, ...] = tuple(str(problem) for problem in found)
        self.lexicons: Lexicons | None = None
        self._role_patterns: dict[str, object] = {}  # per language, compiled on first use
        self._place_phrases: dict[str, object] = {}
        self._calendar_words: dict[str, frozenset[str]] = {}
        self._name_endings: dict[str | None, frozenset[str]] = {}
        self._roles: dict[str, list[tuple[str, Role]]] = {}
        self._capitals: dict[str, str] = {}
        for entity in self._entities.values():
            for role in entity.roles:
                self._roles.setdefault(role.title, []).append((entity.id, role))
            if entity.kind == "place" and entity.subtype == "capital" and entity.country:
                self._capitals[entity.country] = entity.id

    def sections(self) -> dict[str, Any]:
        """What a compiled knowledge base stores, by section (knowledge/compiled.py writes them).

        Entities and keys are stored one pickled value each, so that a reader decodes only
        the few it needs; the matcher, the search index and the rest load as a whole when
        first used."""
        return {
            "entities": pack_values(self._entities),
            "keys": pack_values(self._keys, _ref_fields),
            "matcher": self.matcher.state(),
            "index": self._index.state(),
            "core": {"honorifics": self._honorifics, "demonyms": self.demonyms, "problems": self.problems,
                     "roles": self._roles, "given_names": self._given_names, "capitals": self._capitals},
            "canonical": self._canonical,
        }

    @classmethod
    def from_sections(cls, section: Callable[[str], Any], lexicons: Lexicons | None) -> KnowledgeBase:
        """The knowledge base `sections()` stored, each section read by `section(name)` on first use."""
        base = cls.__new__(cls)
        base._section = section
        base._entities = PackedValues(section("entities"))
        core = section("core")
        base._honorifics = core["honorifics"]
        base.demonyms = core["demonyms"]
        base.problems = core["problems"]
        base._roles = core["roles"]
        base._given_names = core["given_names"]
        base._capitals = core["capitals"]
        base.lexicons = lexicons
        base._role_patterns = {}
        base._place_phrases = {}
        base._calendar_words = {}
        base._name_endings = {}
        return base

    @cached_property
    def _keys(self) -> Mapping[str, tuple[NameRef, ...]]:  # a compiled base's keys, read on first use
        return PackedValues(self._section("keys"), _refs_of)

    @cached_property
    def matcher(self) -> NameMatcher:  # a compiled base's automaton, read on first use
        return NameMatcher.from_state(self._section("matcher"), self._keys)

    @classmethod
    def load(cls, lexicons: Lexicons, curated: Sequence[Entity] = (), data_dir: Path | None = None,
             cities: bool = True) -> KnowledgeBase:
        """Load the shipped data, lexicon demonyms and curated additions (which win over shipped entries)."""
        actors = load_actors(data_dir)
        countries, country_problems = load_countries(lexicons.codes(), data_dir)
        demonyms, demonym_problems = load_demonyms(lexicons.sections("demonyms"))
        city_names, city_problems = load_city_names(data_dir) if cities else ({}, ())
        entities: dict[str, Entity] = {}
        for entity in (*(load_cities(city_names) if cities else ()), *countries, *actors.entities, *curated):
            entities[entity.id] = entity
        honorifics = [str(word) for _, section in lexicons.sections("roles")
                      for word in section.get("honorifics") or ()]
        stem_letters = "".join(sorted({match_key(str(letter)) for _, section in lexicons.sections("inflection")
                                       for letter in section.get("stem_letters") or ()} - {""}))
        base = cls(entities.values(), demonyms,
                   (*actors.problems, *country_problems, *city_problems, *demonym_problems),
                   honorifics, stem_letters)
        base.lexicons = lexicons
        return base

    def _name_entries(self, problems: list[KnowledgeError]) -> Iterable[tuple[str, NameRef]]:
        owner: dict[str, str] = {}
        for entity in self._entities.values():
            if entity.kind in ("person", "org"):
                for form in entity.all_names():
                    tag = "acronym" if form in entity.acronyms else "name"
                    key, ref = name_ref(entity, form, tag, PRIORITY["actor"])
                    if len(key) < 2:
                        continue
                    if owner.setdefault(key, entity.id) != entity.id:
                        problems.append(KnowledgeError(
                            entity.id, f"alias {form!r} of {entity.canonical_name} collides with {owner[key]}; ignored"))
                        continue
                    yield key, ref
                if entity.kind == "person":
                    # Where a name is also written family name first ("Orbán Viktor" beside
                    # "Viktor Orbán"), the last word of that form is the given name: never a surname alone.
                    canonical = match_key(entity.canonical_name).split()
                    given = {canonical[0]} if len(canonical) == 2 and any(
                        match_key(name) == f"{canonical[1]} {canonical[0]}" for name in entity.all_names()) else set()
                    for name in entity.all_names():
                        for form in partial_forms(name):
                            key, ref = name_ref(entity, form, "partial", PRIORITY["partial"])
                            if key not in self._honorifics and key.split()[-1] not in self._honorifics \
                                    and key not in given:
                                yield key, ref
            else:
                priority = PRIORITY["country" if entity.kind == "country" else "place"]
                shortest = 2 if entity.kind == "country" else 3
                seen: set[str] = set()
                for form in entity.all_names():
                    key = match_key(form)
                    # Two syllables make a city's whole name in Han or Hangul ("北京", "서울").
                    least = 2 if RULES[script_of_text(form)].segmented else shortest
                    if len(key) < least or (key in seen and len(key) > 3 and not form.isupper()):
                        continue  # same key, same entity: one entry (exact short forms stay apart)
                    seen.add(key)
                    key, ref = name_ref(entity, form, "name", priority, key)
                    if entity.subtype == "capital" and form == entity.canonical_name:
                        ref = replace(ref, rank=CAPITAL_RANK)  # before any other place of that name
                    yield key, ref
        for demonym in self.demonyms:
            entity = self._entities.get(country_id(demonym.country))
            if entity is not None:
                yield name_ref(entity, demonym.form, "demonym", PRIORITY["demonym"])

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._entities.get(entity_id)

    def entities(self) -> tuple[Entity, ...]:
        """Every entity, in load order."""
        return tuple(self._entities.values())

    def __len__(self) -> int:
        return len(self._entities)

    def entities_named(self, key: str) -> tuple[Entity, ...]:
        """Entities whose canonical name has this match key: actors and countries first, then cities by size."""
        found = [self._entities[entity_id] for entity_id in self._canonical.get(key, ())]
        return tuple(sorted(found, key=lambda entity: (entity.kind == "place", -(entity.population or 0))))

    @cached_property
    def _canonical(self) -> dict[str, tuple[str, ...]]:
        if self._section is not None:
            return self._section("canonical")
        index: dict[str, list[str]] = {}
        for entity in self._entities.values():
            index.setdefault(match_key(entity.canonical_name), []).append(entity.id)
        return {key: tuple(ids) for key, ids in index.items()}

    def lookup(self, name: str) -> tuple[NameRef, ...]:
        """Index entries whose key equals the name's key, best priority first."""
        return self._keys.get(match_key(name), ())

    @cached_property
    def _index(self) -> NameIndex:
        # Built (or read) on first search only: linking does not need it.
        if self._section is not None:
            return NameIndex.from_state(self._section("index"), self._entities)
        return NameIndex(self._entities.values())

    def search(self, name: str, limit: int = 10) -> tuple[SearchHit, ...]:
        """Entities a name may denote, best first, across scripts and spellings."""
        return self._index.search(name, limit)

    def holders(self, role_title: str, country: str | None = None, org_id: str | None = None,
                on: date | None = None) -> tuple[Entity, ...]:
        """Entities that held a role (on a day, or ever), for a country and/or an organisation."""
        found: dict[str, Role] = {}
        for entity_id, role in self._roles.get(role_title, ()):
            if country is not None and role.country != country:
                continue
            if org_id is not None and role.org_id != org_id:
                continue
            if on is not None and not role.held_on(on):
                continue
            found.setdefault(entity_id, role)
        ordered = sorted(found.items(), key=lambda item: (item[1].start or date.min), reverse=True)
        return tuple(self._entities[entity_id] for entity_id, _ in ordered)

    def role_patterns(self, language: str):
        """The compiled role descriptors of a language (newstrace.stages.entities.roles.RolePatterns)."""
        from newstrace.stages.entities.roles import compile_role_patterns

        if language not in self._role_patterns:
            lexicon = self.lexicons.get(language) if self.lexicons else None
            self._role_patterns[language] = compile_role_patterns(lexicon)
        return self._role_patterns[language]

    def place_phrases(self, language: str | None):
        """The words that open a place phrase in a language (newstrace.stages.entities.towns.PlacePhrases)."""
        from newstrace.stages.entities.towns import place_phrases

        if language not in self._place_phrases:
            self._place_phrases[language] = place_phrases(self.lexicons.get(language) if self.lexicons else None)
        return self._place_phrases[language]

    def capital(self, country: str) -> Entity | None:
        """The capital city of a country (ISO2), where GeoNames names one this base holds."""
        entity_id = self._capitals.get(country)
        return self._entities.get(entity_id) if entity_id else None

    def given_name_holders(self, key: str) -> frozenset[str]:
        """Persons whose name opens with this word ("Ibrahim" of Ibrahim Kalin, Ebrahim Raisi...)."""
        return self._given_names.get(key, frozenset())

    @cached_property
    def _given_names(self) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for entity in self._entities.values():
            if entity.kind != "person":
                continue
            for name in entity.all_names():
                words = name.split()
                first = match_key(words[0]) if len(words) >= 2 else ""
                if first and first not in PARTICLES and first not in self._honorifics:
                    found.setdefault(first, set()).add(entity.id)
        return {key: frozenset(ids) for key, ids in found.items()}

    def calendar_words(self, language: str) -> frozenset[str]:
        """Match keys of the language's weekday and month names: never a place's name there
        (Persian "دوشنبه" is Monday far more often than Dushanbe)."""
        if language not in self._calendar_words:
            lexicon = self.lexicons.get(language) if self.lexicons else None
            words: set[str] = set()
            for section in ("calendar", "temporal") if lexicon else ():
                data = lexicon.section(section)
                for group in ("weekdays", "months"):
                    words.update(match_key(str(word)) for word in data.get(group) or ())
            self._calendar_words[language] = frozenset(words - {""})
        return self._calendar_words[language]

    def name_endings(self, language: str | None) -> frozenset[str]:
        """Match keys of the case endings the language glues onto names (knowledge/inflection.py)."""
        if language not in self._name_endings:
            lexicon = self.lexicons.get(language) if self.lexicons else None
            endings = NameEndings.from_section(lexicon.section("inflection")) if lexicon else NameEndings()
            self._name_endings[language] = endings.glued
        return self._name_endings[language]

    def titles_for_org(self, org_id: str) -> tuple[str, ...]:
        """Role titles anyone held in an organisation."""
        return tuple(sorted({title for title, held in self._roles.items()
                             if any(role.org_id == org_id for _, role in held)}))

    def roles_of(self, entity_id: str, on: date | None = None) -> tuple[Role, ...]:
        """The roles an entity held (on a day, or ever)."""
        entity = self._entities.get(entity_id)
        if entity is None:
            return ()
        return tuple(role for role in entity.roles if on is None or role.held_on(on))
