"""Curating the knowledge base by hand: new entities, aliases, and their JSON form for the store."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from newstrace.ids import digest
from newstrace.knowledge.actors import ROLE_TITLES, parse_date
from newstrace.model import ENTITY_KINDS, Entity, Role


def curated_entity_id(kind: str, name: str) -> str:
    """Id of an entity added by hand without a Wikidata id: cu:<hash of kind and name>."""
    return "cu:" + digest(f"{kind}|{name}", 12)


def new_entity(kind: str, name: str, names: Mapping[str, Sequence[str]] | None = None,
               wikidata: str | None = None, country: str | None = None,
               acronyms: Sequence[str] = (), roles: Sequence[Role] = ()) -> Entity:
    """An entity to add to the knowledge base (its Wikidata QID is its id when known)."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(ENTITY_KINDS)}")
    if not name.strip():
        raise ValueError("an entity needs a name")
    for role in roles:
        if role.title not in ROLE_TITLES:
            raise ValueError(f"unknown role title {role.title!r}")
    return Entity(
        id=wikidata or curated_entity_id(kind, name.strip()),
        kind=kind,
        canonical_name=name.strip(),
        names={lang: tuple(aliases) for lang, aliases in (names or {}).items()},
        roles=tuple(roles),
        acronyms=tuple(acronyms),
        country=country.upper() if country else None,
        wikidata=wikidata,
    )


def with_alias(entity: Entity, alias: str, language: str = "und", acronym: bool = False) -> Entity:
    """The entity with one more alias (or acronym, matched case-sensitively)."""
    alias = alias.strip()
    if not alias:
        raise ValueError("empty alias")
    if acronym:
        return dataclasses.replace(entity, acronyms=tuple(dict.fromkeys((*entity.acronyms, alias))))
    names = dict(entity.names)
    names[language] = tuple(dict.fromkeys((*names.get(language, ()), alias)))
    return dataclasses.replace(entity, names=names)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def entity_to_json(entity: Entity) -> dict[str, Any]:
    """A JSON-ready dict of an entity (what `kb show --json` prints and the store keeps)."""
    data = dataclasses.asdict(entity)
    data["names"] = {lang: list(aliases) for lang, aliases in entity.names.items()}
    data["acronyms"] = list(entity.acronyms)
    data["roles"] = [{**dataclasses.asdict(role), "start": _iso(role.start), "end": _iso(role.end)}
                     for role in entity.roles]
    return data


def entity_from_json(data: Mapping[str, Any]) -> Entity:
    """The inverse of entity_to_json."""
    roles = tuple(
        Role(title=str(role["title"]), org_id=role.get("org_id"), country=role.get("country"),
             start=parse_date(role.get("start")), end=parse_date(role.get("end"), end=True),
             uncertain=bool(role.get("uncertain", False)))
        for role in data.get("roles") or ()
    )
    fields = {field.name for field in dataclasses.fields(Entity)}
    plain = {key: value for key, value in data.items() if key in fields and key not in ("names", "roles", "acronyms")}
    return Entity(**plain, names={lang: tuple(aliases) for lang, aliases in (data.get("names") or {}).items()},
                  acronyms=tuple(data.get("acronyms") or ()), roles=roles)


def country_codes(entities: Sequence[Entity]) -> dict[str, str]:
    """Wikidata QID -> ISO2 of the countries among `entities` (for import_wikidata's citizenship)."""
    return {entity.wikidata: entity.country for entity in entities
            if entity.kind == "country" and entity.wikidata and entity.country}
