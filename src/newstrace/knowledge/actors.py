"""Curated actors files (knowledge/data/actors*.yaml): parsed entry by entry, problems collected."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newstrace.errors import KnowledgeError
from newstrace.model import Entity, Role

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENTRY_START = re.compile(r"^- ", re.MULTILINE)
# Kinds of curated entries: actors, and the few places GeoNames' cities do not hold (seas, territories).
ACTOR_KINDS = ("person", "org", "place")
ROLE_TITLES = (
    "head_of_state", "head_of_government", "deputy_head_of_government", "foreign_minister",
    "defence_minister", "interior_minister", "finance_minister", "other_minister",
    "intelligence_chief", "military_chief", "army_commander", "police_chief", "spokesperson",
    "party_leader", "movement_leader", "political_bureau_chief", "military_wing_leader",
    "secretary_general", "body_head", "special_envoy", "ambassador", "mediator",
    "legislature_speaker", "opposition_leader", "royal", "religious_leader", "ceo",
)


@dataclass(frozen=True)
class LoadedActors:
    """Entities read from actors files and the problems found on the way."""

    entities: tuple[Entity, ...]
    problems: tuple[KnowledgeError, ...]
    lines: Mapping[str, int] = field(default_factory=dict)  # entity id -> first line of its entry


def data_dir() -> Path:
    return Path(str(resources.files("newstrace.knowledge") / "data"))


def actor_files(directory: Path | None = None) -> tuple[Path, ...]:
    """Every actors*.yaml of the data directory, in name order."""
    return tuple(sorted((directory or data_dir()).glob("actors*.yaml")))


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split a YAML list file into its top-level entries, with their first line number (1-based)."""
    starts = [match.start() for match in _ENTRY_START.finditer(text)]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        yield text.count("\n", 0, start) + 1, text[start:end]


def parse_date(value: Any, end: bool = False) -> date | None:
    """A role date: YYYY, YYYY-MM or YYYY-MM-DD; a coarse end date means its last day."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise ValueError(f"bad date {text!r}")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
    if len(parts) == 3:
        return date(year, month, int(parts[2]))
    if not end:
        return date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, (str, int)) for item in value):
        raise ValueError(f"{what} must be a list of strings")
    return tuple(str(item).strip() for item in value if str(item).strip())


def _role(data: Any) -> Role:
    if not isinstance(data, Mapping) or "title" not in data:
        raise ValueError("a role is a mapping with a title")
    title = str(data["title"])
    if title not in ROLE_TITLES:
        raise ValueError(f"unknown role title {title!r}")
    return Role(
        title=title,
        org_id=str(data["org"]) if data.get("org") else None,
        country=str(data["country"]).upper() if data.get("country") else None,
        start=parse_date(data.get("start")),
        end=parse_date(data.get("end"), end=True),
        uncertain=bool(data.get("uncertain", False)),
    )


def entity_from_entry(data: Any) -> Entity:
    """Build an actor Entity from one parsed entry; raises ValueError naming what is wrong."""
    if not isinstance(data, Mapping):
        raise ValueError("an entry is a mapping")
    for key in ("id", "kind", "name"):
        if not data.get(key):
            raise ValueError(f"missing {key!r}")
    kind = str(data["kind"])
    if kind not in ACTOR_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    names_data = data.get("names") or {}
    if not isinstance(names_data, Mapping):
        raise ValueError("names must map a language to a list")
    names = {str(lang): _strings(aliases, f"names.{lang}") for lang, aliases in names_data.items()}
    roles_data = data.get("roles") or []
    if not isinstance(roles_data, list):
        raise ValueError("roles must be a list")
    entity_id = str(data["id"]).strip()
    return Entity(
        id=entity_id,
        kind=kind,
        canonical_name=str(data["name"]).strip(),
        names=names,
        roles=tuple(_role(role) for role in roles_data),
        acronyms=_strings(data.get("acronyms"), "acronyms"),
        country=str(data["country"]).upper() if data.get("country") else None,
        wikidata=entity_id if re.fullmatch(r"Q\d+", entity_id) else None,
        subtype=str(data["type"]) if data.get("type") else None,
        seat=str(data["seat"]) if data.get("seat") else None,
        latitude=_coordinate(data, "latitude", 90),
        longitude=_coordinate(data, "longitude", 180),
    )


def _coordinate(data: Mapping, key: str, bound: float) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
        raise ValueError(f"{key} must be a number between -{bound} and {bound}")
    return float(value)


def load_actor_file(path: Path) -> LoadedActors:
    """Read one actors file; a broken entry becomes a problem naming file and line, the rest loads."""
    entities: list[Entity] = []
    problems: list[KnowledgeError] = []
    lines: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedActors((), (KnowledgeError(str(path), f"cannot read: {exc}"),))
    for line, chunk in _chunks(text):
        where = f"{path.name}:{line}"
        try:
            parsed = yaml.load(chunk, Loader=_LOADER)
        except yaml.YAMLError as exc:
            problems.append(KnowledgeError(where, f"invalid YAML: {str(exc).splitlines()[0]}"))
            continue
        if not isinstance(parsed, list) or len(parsed) != 1:
            problems.append(KnowledgeError(where, "expected one list entry"))
            continue
        try:
            entity = entity_from_entry(parsed[0])
            entities.append(entity)
            lines.setdefault(entity.id, line)
        except (ValueError, TypeError) as exc:
            label = parsed[0].get("id", "?") if isinstance(parsed[0], Mapping) else "?"
            problems.append(KnowledgeError(where, f"entry {label}: {exc}"))
    return LoadedActors(tuple(entities), tuple(problems), lines)


def name_files(directory: Path | None = None) -> tuple[Path, ...]:
    """Every names/<lang>.yaml of the data directory: one language's names for curated actors."""
    return tuple(sorted(((directory or data_dir()) / "names").glob("*.yaml")))


def load_name_file(path: Path, known: Mapping[str, Entity],
                   own: Callable[[str], bool] = lambda entity_id: True) -> tuple[dict[str, tuple[str, ...]], list[KnowledgeError]]:
    """Read one names file (`language: xx`, `names: {entity id: [names]}`); unknown ids are problems.

    Only the ids `own` accepts are read: countries (iso:XX) are named by the same files and
    read where countries are loaded."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [KnowledgeError(str(path), f"cannot read: {str(exc).splitlines()[0]}")]
    if not isinstance(data, Mapping) or not isinstance(data.get("names"), Mapping) or not data.get("language"):
        return {}, [KnowledgeError(str(path), "a names file is a mapping with 'language' and 'names'")]
    found: dict[str, tuple[str, ...]] = {}
    problems: list[KnowledgeError] = []
    for entity_id, aliases in data["names"].items():
        if not own(str(entity_id)):
            continue
        if str(entity_id) not in known:
            problems.append(KnowledgeError(path.name, f"names for unknown id {entity_id}"))
            continue
        try:
            found[str(entity_id)] = _strings(aliases, f"names of {entity_id}")
        except ValueError as exc:
            problems.append(KnowledgeError(path.name, str(exc)))
    return found, problems


def _with_names(entity: Entity, language: str, aliases: tuple[str, ...]) -> Entity:
    names = dict(entity.names)
    names[language] = tuple(dict.fromkeys(names.get(language, ()) + aliases))
    return replace(entity, names=names)


def load_actors(directory: Path | None = None) -> LoadedActors:
    """Read every actors file, then the per-language names files; duplicate ids are problems
    (the first entry is kept)."""
    entities: dict[str, Entity] = {}
    problems: list[KnowledgeError] = []
    for path in actor_files(directory):
        loaded = load_actor_file(path)
        problems.extend(loaded.problems)
        for entity in loaded.entities:
            if entity.id in entities:
                where = f"{path.name}:{loaded.lines.get(entity.id, '?')}"
                problems.append(KnowledgeError(where, f"duplicate id {entity.id} ({entity.canonical_name})"))
                continue
            entities[entity.id] = entity
    for path in name_files(directory):
        found, found_problems = load_name_file(path, entities, lambda entity_id: not entity_id.startswith("iso:"))
        problems.extend(found_problems)
        language = path.stem
        for entity_id, aliases in found.items():
            entities[entity_id] = _with_names(entities[entity_id], language, aliases)
    return LoadedActors(tuple(entities.values()), tuple(problems))
