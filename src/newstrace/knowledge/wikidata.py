"""Streaming reader of Wikidata's JSON dump format (one entity per line inside a JSON array)."""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from newstrace.model import Entity

HUMAN = "Q5"
# Instance-of classes that make an item a country or a place; anything else typed is an organisation.
COUNTRY_CLASSES = frozenset({"Q6256", "Q3624078", "Q3024240", "Q1763527"})
PLACE_CLASSES = frozenset({"Q515", "Q1549591", "Q486972", "Q5119", "Q1637706", "Q200250", "Q7930989", "Q15284"})


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def _claim_ids(claims: Mapping[str, Any], prop: str) -> tuple[str, ...]:
    found = []
    for claim in claims.get(prop) or ():
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, Mapping) and isinstance(value.get("id"), str):
            found.append(value["id"])
    return tuple(found)


def _claim_value(claims: Mapping[str, Any], prop: str) -> Any:
    for claim in claims.get(prop) or ():
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if value is not None:
            return value
    return None


def kind_of(classes: Collection[str]) -> str:
    """Our entity kind for an item's instance-of classes."""
    if HUMAN in classes:
        return "person"
    if COUNTRY_CLASSES & set(classes):
        return "country"
    if PLACE_CLASSES & set(classes):
        return "place"
    return "org"


def entity_from_item(item: Mapping[str, Any], languages: Collection[str] | None = None,
                     country_codes: Mapping[str, str] | None = None) -> Entity | None:
    """Our Entity for one Wikidata item, or None when it has no name in the wanted languages."""
    labels = item.get("labels") or {}
    aliases = item.get("aliases") or {}
    names: dict[str, tuple[str, ...]] = {}
    for language in sorted(set(labels) | set(aliases)):
        if languages is not None and language not in languages:
            continue
        forms = [labels[language]["value"]] if language in labels else []
        forms += [alias["value"] for alias in aliases.get(language) or ()]
        if forms:
            names[language] = tuple(dict.fromkeys(forms))
    if not names:
        return None
    canonical = names["en"][0] if "en" in names else names[sorted(names)[0]][0]
    claims = item.get("claims") or {}
    classes = _claim_ids(claims, "P31")
    kind = kind_of(classes)
    codes = country_codes or {}
    iso2 = _claim_value(claims, "P297") if kind == "country" else None
    country_items = _claim_ids(claims, "P27") + _claim_ids(claims, "P17")
    country = iso2 if isinstance(iso2, str) else next((codes[q] for q in country_items if q in codes), None)
    coordinates = _claim_value(claims, "P625")
    population = _claim_value(claims, "P1082")
    return Entity(
        id=str(item["id"]),
        kind=kind,
        canonical_name=canonical,
        names=names,
        country=country,
        wikidata=str(item["id"]),
        latitude=float(coordinates["latitude"]) if isinstance(coordinates, Mapping) else None,
        longitude=float(coordinates["longitude"]) if isinstance(coordinates, Mapping) else None,
        population=int(float(population["amount"])) if isinstance(population, Mapping) else None,
        subtype=classes[0] if classes else None,
    )


def iter_wikidata_entities(
    path: Path | str,
    types: Collection[str] | None = None,
    languages: Collection[str] | None = None,
    ids: Collection[str] | None = None,
    country_codes: Mapping[str, str] | None = None,
    on_error: Callable[[int, str], None] | None = None,
) -> Iterator[Entity]:
    """Stream entities out of a Wikidata JSON dump (plain, .gz or .bz2), never holding it whole.

    types: kinds (person, org, place, country) or instance-of QIDs to keep;
    languages: language codes whose labels and aliases to keep (items with none
    are skipped); ids: QIDs to keep. A line that is not an entity is reported to
    `on_error(line_number, reason)` and skipped.
    """
    wanted_ids = set(ids) if ids is not None else None
    wanted_types = set(types) if types is not None else None
    with _open(Path(path)) as stream:
        for number, line in enumerate(stream, start=1):
            text = line.strip().rstrip(",")
            if text in ("", "[", "]"):
                continue
            if wanted_ids is not None and not any(f'"{qid}"' in text for qid in wanted_ids):
                continue  # cheap pre-filter: most lines of a dump are not wanted
            try:
                item = json.loads(text)
            except json.JSONDecodeError as exc:
                if on_error:
                    on_error(number, f"not JSON: {exc.msg}")
                continue
            if not isinstance(item, Mapping) or "id" not in item:
                if on_error:
                    on_error(number, "not an entity")
                continue
            if wanted_ids is not None and item["id"] not in wanted_ids:
                continue
            entity = entity_from_item(item, languages, country_codes)
            if entity is None:
                continue
            if wanted_types is not None:
                classes = set(_claim_ids(item.get("claims") or {}, "P31"))
                if entity.kind not in wanted_types and not classes & wanted_types:
                    continue
            yield entity
