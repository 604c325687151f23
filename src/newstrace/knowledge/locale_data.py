"""Calendar words from the libraries that carry them: CLDR through Babel, relative days from dateparser.

A lexicon's `calendar` and `temporal` sections hold only what no library has (case forms
such as Russian "в пятницу", spellings the press uses beside CLDR's, the Solar Hijri
months); the month and weekday names in every CLDR form (wide and abbreviated, format
(genitive) and stand-alone), the CLDR date formats and dateparser's relative day words
("yesterday", "hier", "вчера", "dün", "昨日") are merged in here when the lexicon is
loaded. The compiled knowledge base keys on both packages' versions, so an upgrade
rebuilds it. A lexicon's own entries win over the libraries', and its
`calendar.library_exceptions` drop library words that mean something else in its news.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

# The CLDR skeletons of dates that name the month (and of the numeric ones written with unit
# words, "2025年5月17日"); numeric dates with separators are read by dates.py's own patterns.
_SKELETONS = ("yMMMMd", "yMMMd", "MMMMd", "MMMd", "yMMMM", "yMMM", "yMd", "Md")
_FIELD = re.compile(r"'(?:[^']|'')*'|([a-zA-Z])\1*")
_SEPARATORS = set(" ./-,\u00a0\u202f")
# dateparser's relative-type keys that name a day: "0 day ago", "1 day ago", "in 2 day".
_RELATIVE_DAY = re.compile(r"(in )?(\d+) day( ago)?")


def _fold(word: str) -> str:
    return " ".join(str(word).casefold().split())


@lru_cache(maxsize=None)
def _locale(identifier: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        return None


def _template(pattern: str) -> str | None:
    """A CLDR date pattern as a dates.py template ("d 'de' MMMM 'de' y" -> "{day} de {month} de {year}");
    None for one with fields dates.py does not read (era, weekday, hour) or with numbers only."""
    parts: list[tuple[str, str]] = []  # (kind, text): kind is a field name or "" for literal text
    position = 0
    for match in _FIELD.finditer(pattern):
        if match.start() > position:
            parts.append(("", pattern[position:match.start()]))
        token = match.group(0)
        if token.startswith("'"):
            parts.append(("", token[1:-1].replace("''", "'") if token != "''" else "'"))
        else:
            letter, width = token[0], len(token)
            if letter == "d":
                parts.append(("day", "{day}"))
            elif letter == "y":
                parts.append(("year", "{year}"))
            elif letter in "ML":
                parts.append(("month", "{month}") if width >= 3 else ("mon", "{mon}"))
            else:
                return None
        position = match.end()
    if position < len(pattern):
        parts.append(("", pattern[position:]))
    merged: list[tuple[str, str]] = []
    for kind, text in parts:
        if not kind and merged and not merged[-1][0]:
            merged[-1] = ("", merged[-1][1] + text)
        else:
            merged.append((kind, text))
    parts = merged
    kinds = [kind for kind, _ in parts if kind]
    literal = "".join(text for kind, text in parts if not kind)
    if "month" not in kinds and ("mon" not in kinds or set(literal) <= _SEPARATORS):
        return None  # "d/M/y": dates.py's numeric patterns read these
    # Text outside the fields set off by a space ("d MMMM y 'г'.") is no part of the date.
    while parts and not parts[-1][0] and parts[-1][1][:1].isspace():
        parts.pop()
    while parts and not parts[0][0] and parts[0][1][-1:].isspace():
        parts.pop(0)
    out = []
    for index, (kind, text) in enumerate(parts):
        if not kind and index and parts[index - 1][0] in ("day", "month") and text.startswith("."):
            text = text[1:]  # the day's and an abbreviation's period are optional in dates.py
        out.append(text)
    return re.sub(r"\s+", " ", "".join(out).replace("\u202f", " ").replace("\u00a0", " ")).strip() or None


@lru_cache(maxsize=None)  # a pure function of the installed data, asked once per lexicon load
def cldr_calendar(locales: tuple[str, ...]) -> Mapping[str, Any]:
    """Month and weekday names (name -> number, months 1..12, weekdays 0..6 from Monday) and
    date templates of the CLDR locales, in the layout of a lexicon's calendar section."""
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    weekday_abbreviations: dict[str, int] = {}
    templates: list[str] = []
    for identifier in locales:
        locale = _locale(identifier)
        if locale is None:
            raise ValueError(f"no CLDR locale {identifier!r} (calendar.locales)")
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context]["wide"].items():
                months.setdefault(_fold(name), int(number))
            for number, name in locale.months[context]["abbreviated"].items():
                abbreviations.setdefault(_fold(name).rstrip("."), int(number))
            for number, name in locale.days[context]["wide"].items():
                weekdays.setdefault(_fold(name), int(number))
            for number, name in locale.days[context]["abbreviated"].items():
                weekday_abbreviations.setdefault(_fold(name).rstrip("."), int(number))
        skeletons = locale.datetime_skeletons
        for skeleton in _SKELETONS:
            if skeleton in skeletons:
                template = _template(skeletons[skeleton].pattern)
                if template and template not in templates:
                    templates.append(template)
    return {
        "months": months,
        "month_abbreviations": {k: v for k, v in abbreviations.items() if k and k not in months},
        "weekdays": weekdays,
        "weekday_abbreviations": {k: v for k, v in weekday_abbreviations.items() if k and k not in weekdays},
        "date_patterns": tuple(templates),
    }


@lru_cache(maxsize=None)
def dateparser_days(codes: tuple[str, ...]) -> Mapping[str, int]:
    """dateparser's words for a day counted from today ("yesterday": -1), by language code."""
    found: dict[str, int] = {}
    for code in codes:
        try:
            info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
        except ImportError:
            continue
        for key, words in (info.get("relative-type") or {}).items():
            match = _RELATIVE_DAY.fullmatch(key)
            if match is None or (match.group(1) and match.group(3)):
                continue
            shift = int(match.group(2)) * (-1 if match.group(3) else 1)
            for word in words:
                found.setdefault(_fold(word), shift)
    return found


def _merged(library: Mapping[str, int], own: Mapping | None, exceptions: frozenset[str]) -> dict:
    merged = {word: number for word, number in library.items() if word not in exceptions}
    for word, number in (own or {}).items():
        merged.pop(_fold(word), None)  # the lexicon's own spelling and value win
        merged[word] = number
    return merged


def with_library_words(language: str, serves: Iterable[str], calendar: Mapping | None,
                       temporal: Mapping | None) -> tuple[dict, dict]:
    """A lexicon's calendar and temporal sections with the libraries' words merged in.

    `calendar.locales` names the CLDR locales whose names the language's press writes
    (regional ones such as ar_SY for the Levantine month names); by default the
    language's own code and the codes it serves."""
    calendar = dict(calendar or {})
    temporal = dict(temporal or {})
    codes = (language, *serves)
    # A language without CLDR data of its own (by default) simply gets none.
    locales = tuple(str(code) for code in calendar.get("locales") or ()) or tuple(
        code for code in codes if _locale(code) is not None)
    exceptions = frozenset(_fold(word) for word in calendar.get("library_exceptions") or ())
    library = cldr_calendar(locales)
    for key in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations"):
        calendar[key] = _merged(library[key], calendar.get(key), exceptions)
    own_patterns = list(temporal.get("date_patterns") or ())
    temporal["date_patterns"] = list(dict.fromkeys([*library["date_patterns"], *own_patterns]))
    temporal["days"] = _merged(dateparser_days(codes), temporal.get("days"), exceptions)
    return calendar, temporal
