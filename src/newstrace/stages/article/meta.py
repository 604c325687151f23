"""Article metadata from the page's first lines: title, byline and publication dateline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from newstrace.knowledge.lexicon import Lexicons
from newstrace.model import DateValue
from newstrace.text.lines import ends_sentence, fold, is_label, line_key, word_count

PRECISION_RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_YEAR_HINT = re.compile(r"(?:19|20|13|14|25)\d\d")
# A year of the Buddhist era (2568 = 2025), read where a lexicon gives calendar.era_offset.
_ERA_YEAR = r"(?P<y>(?:19|20)\d{2}|2[45]\d{2})(?!\d)"
_TIME = re.compile(r"\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[:.]\s*\d{2})?(?:\s*(?:am|pm))?", re.IGNORECASE)
_NEVER = re.compile(r"(?!)")
# Words commonly attached to a name in a byline that are not part of it.
_NAME_CUT = re.compile(r"\s*(?:[,|•·/(\[]|\s[-–—]\s|\d).*$")


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names of every language, compiled into dateline matchers."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    ignorable: frozenset[str]
    slash_order: Mapping[str, str]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    month_year: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    weekday: re.Pattern[str]
    solar_months: Mapping[str, int] = field(default_factory=dict)
    solar: re.Pattern[str] = _NEVER
    # Year first, its month name after it ("2026. március 4.").
    year_month_day: re.Pattern[str] = _NEVER
    # Year first with its unit word, then the month ("2025年5月17日", "2025년 5월 17일").
    year_unit_month_day: re.Pattern[str] = _NEVER
    era_offsets: Mapping[str, int] = field(default_factory=dict)
    # A month name two languages read differently ("listopada": Polish November, Croatian
    # October) is read by the article's language first.
    months_by_language: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def month(self, name: str, language: str | None = None) -> int | None:
        own = self.months_by_language.get(language or "")
        return (own.get(name) if own else None) or self.months.get(name)


@dataclass(frozen=True)
class Dateline:
    """A date read from one line, and whether the line is nothing but that dateline."""

    value: DateValue
    whole_line: bool


def _alternation(names: Iterable[str]) -> str:
    unique = sorted({n for n in names if n}, key=lambda s: (-len(s), s))
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in unique)


def _name_map(section: Mapping, name: str, limit: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for key, value in (section.get(name) or {}).items():
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if 0 <= number <= limit:
            found[fold(str(key)).strip().rstrip(".")] = number
    return found


def compile_calendar(lexicons: Lexicons) -> Calendar:
    """Merge the `calendar` sections of all lexicons (month names are unambiguous enough across them)."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    connectors: set[str] = set()
    suffixes: set[str] = set()
    ignorable: set[str] = set()
    slash_order: dict[str, str] = {}
    solar_months: dict[str, int] = {}
    year_suffixes: set[str] = set()
    era_offsets: dict[str, int] = {}
    by_language: dict[str, dict[str, int]] = {}
    for language, section in lexicons.sections("calendar"):
        year_suffixes.update(fold(str(w)).strip() for w in section.get("year_suffixes") or [])
        if section.get("era_offset"):
            era_offsets[language] = int(section["era_offset"])
        solar_months.update((k, v) for k, v in _name_map(section, "solar_hijri_months", 12).items() if v >= 1)
        for key in ("months", "month_abbreviations"):
            for name, number in _name_map(section, key, 12).items():
                if number >= 1:
                    months.setdefault(name, number)
                    by_language.setdefault(language, {})[name] = number
        for key in ("weekdays", "weekday_abbreviations"):
            for name, number in _name_map(section, key, 6).items():
                weekdays.setdefault(name, number)
        connectors.update(fold(str(c)).strip() for c in section.get("connectors") or [])
        suffixes.update(fold(str(s)).strip() for s in section.get("day_suffixes") or [])
        ignorable.update(fold(str(w)).strip() for w in section.get("dateline_words") or [])
        if section.get("slash_order") in ("dmy", "mdy"):
            slash_order[language] = str(section["slash_order"])
    month = r"(?<!\w)(?P<m>" + (_alternation(months) or "(?!)") + r")(?!\w)"
    other_month = r"(?:" + (_alternation(months) or "(?!)") + r")"
    conn = r"(?:(?:" + _alternation(connectors) + r")\s+)?" if connectors else ""
    suffix = r"(?:" + _alternation(suffixes) + r")?" if suffixes else ""
    day = r"(?<![\w.])(?P<d>[0-3]?\d)" + suffix + r"\.?"
    year = _ERA_YEAR if era_offsets else _YEAR
    ambiguous = {language: names for language, names in by_language.items()
                 if any(months[name] != number for name, number in names.items())}
    for code in lexicons.codes():  # the codes a lexicon serves read it too ("hr" reads "sr")
        served = lexicons.get(code)
        if served is not None and served.language in ambiguous:
            ambiguous.setdefault(code, ambiguous[served.language])
    return Calendar(
        months_by_language=ambiguous,
        months=months,
        weekdays=weekdays,
        ignorable=frozenset(ignorable - {""}),
        slash_order=slash_order,
        # "06/فبراير/2026", "06-Feb-2026": a slash or hyphen may part the three, the same on both sides.
        day_month_year=re.compile(
            day + r"\s*(?:(?P<sep>[/-])\s*)?" + conn + month + r"(?:\s*/\s*" + other_month + r")?\.?,?\s*"
            + r"(?(sep)(?P=sep)\s*)" + conn + year
        ),
        month_day_year=re.compile(month + r"\.?\s+(?P<d>[0-3]?\d)" + suffix + r",?\s+" + year),
        month_year=re.compile(month + r"\.?,?\s+" + conn + year),
        # Year first ("2026. március 4."): a month name between year and day.
        year_month_day=re.compile(r"(?<![\d.])" + _YEAR + r"\.?\s+" + month + r"\.?\s+(?P<d>[0-3]?\d)(?!\d)" + suffix + r"\.?"),
        numeric=re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)" + _YEAR),
        iso=re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)"),
        weekday=re.compile(r"(?<!\w)(?:" + (_alternation(weekdays) or "(?!)") + r")(?!\w)") if weekdays else _NEVER,
        solar_months=solar_months,
        solar=re.compile(
            r"(?<![\w.])(?P<d>[0-3]?\d)\s+(?P<m>" + _alternation(solar_months) + r")(?!\w),?\s*(?P<y>1[34]\d\d)(?!\d)"
        ) if solar_months else _NEVER,
        # Year first, its unit word after it, then the month's name ("5月") and the day.
        year_unit_month_day=re.compile(
            r"(?<!\d)" + _YEAR + r"\s*(?:" + _alternation(year_suffixes) + r")\s*(?P<m>" + (_alternation(months) or "(?!)")
            + r")\s*(?P<d>[0-3]?\d)(?!\d)" + suffix
        ) if year_suffixes else _NEVER,
        era_offsets=era_offsets,
    )


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(
    text: str, calendar: Calendar, language: str | None = None, source: str = "text", evidence: str = ""
) -> tuple[DateValue, tuple[int, int]] | None:
    """The earliest complete date written in `text` (folded internally), with its span in the folded text."""
    folded = fold(text)
    if not _YEAR_HINT.search(folded):
        return None
    found: list[tuple[int, int, DateValue]] = []
    evidence = evidence or text.strip()

    def add(match: re.Match[str], year: int, month: int, day: int | None) -> None:
        if year > 2100:
            offsets = calendar.era_offsets
            offset = offsets.get(language or "") or (next(iter(offsets.values())) if len(offsets) == 1 else 0)
            year -= offset
            if not 1900 <= year <= 2100:
                return
        if day is None:
            if 1 <= month <= 12:
                value = DateValue.of_month(year, month, source, evidence, "dateline")
                found.append((match.start(), match.end(), value))
            return
        value = _safe_day(year, month, day)
        if value:
            found.append((match.start(), match.end(), DateValue.of_day(value, source, evidence, "dateline")))

    attempted = False
    for pattern in (calendar.day_month_year, calendar.month_day_year, calendar.year_month_day,
                    calendar.year_unit_month_day):
        for match in pattern.finditer(folded):
            month = calendar.month(re.sub(r"\s+", " ", match["m"]), language)
            if month:
                attempted = True
                add(match, int(match["y"]), month, int(match["d"]))
    for match in calendar.numeric.finditer(folded):
        first, second = int(match["d"]), int(match["m"])
        if match["sep"] == "/" and calendar.slash_order.get(language or "") == "mdy" and first <= 12:
            first, second = second, first
        add(match, int(match["y"]), second, first)
    for match in calendar.iso.finditer(folded):
        add(match, int(match["y"]), int(match["m"]), int(match["d"]))
    for match in calendar.solar.finditer(folded):
        month = calendar.solar_months.get(match["m"])
        if month and 1 <= int(match["d"]) <= (31 if month <= 6 else 30):
            add(match, *solar_hijri_to_gregorian(int(match["y"]), month, int(match["d"])))
    if not found and not attempted:
        for match in calendar.month_year.finditer(folded):
            month = calendar.month(re.sub(r"\s+", " ", match["m"]), language)
            if month:
                add(match, int(match["y"]), month, None)
    if not found:
        return None
    start, end, value = min(found, key=lambda item: (item[0], -item[1]))
    return value, (start, end)


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """Convert a Solar Hijri (Iranian calendar) date to the Gregorian (year, month, day)."""
    days = (
        -355668 + 365 * (year + 1595) + ((year + 1595) // 33) * 8 + (((year + 1595) % 33) + 3) // 4
        + day + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
    )
    # `days` counts from 1 January of year 0 (a leap year); ordinal 1 is 1 January of year 1.
    result = date.fromordinal(days - 365)
    return result.year, result.month, result.day


def read_dateline(line: str, calendar: Calendar, language: str | None = None) -> Dateline | None:
    """A publication date on a short line; `whole_line` when the rest is only labels, weekday and time."""
    stripped = line.strip()
    if not stripped or len(stripped) > 160:
        return None
    hit = find_date(stripped, calendar, language)
    if hit is None:
        return None
    value, (start, end) = hit
    folded = fold(stripped)
    rest = folded[:start] + " " + folded[end:]
    rest = calendar.weekday.sub(" ", _TIME.sub(" ", rest))
    leftover = [w for w in re.findall(r"\w+", rest) if w not in calendar.ignorable and not w.isdigit()]
    if len(leftover) <= 2:
        return Dateline(value, True)
    if len(leftover) <= 6 and not ends_sentence(stripped):
        return Dateline(value, False)
    return None


_AFTER_LEDE_DATE = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|\.-|:\s)")


def read_lede_dateline(line: str, calendar: Calendar, language: str | None = None) -> Dateline | None:
    """A dateline opening a paragraph: "Bruxelles, le 24 février 2026 – ...", "ANKARA, Jan 24, 2026 (AP) — ...".

    The date must follow at most five words (a place, "le") and be followed by a dash.
    """
    stripped = line.strip()
    head = stripped[:120]
    hit = find_date(head, calendar, language)
    if hit is None:
        return None
    value, (start, end) = hit
    folded = fold(head)
    if len(folded[:start].split()) > 5 or not _AFTER_LEDE_DATE.match(folded[end:]):
        return None
    evidence = " ".join(stripped.split()[: len(folded[:end].split())])
    return Dateline(replace(value, evidence=evidence, rule="lede-dateline"), False)


def choose_published(declared: DateValue, dateline: DateValue | None) -> DateValue:
    """A header or meta date wins over the text's dateline only when at least as precise."""
    if dateline is None or not dateline.known:
        return declared
    if declared.known and PRECISION_RANK[declared.precision] >= PRECISION_RANK[dateline.precision]:
        return declared
    return dateline


def clean_title(title: str | None, outlet: str | None = None) -> str | None:
    """A title without its " | Outlet" or "Section |" parts (and " - Outlet" when it names the outlet)."""
    if not title:
        return None
    parts = [p.strip() for p in title.strip().split("|")]
    parts = [p for p in parts if p]
    while len(parts) > 1 and len(parts[-1].split()) <= 4:
        parts.pop()
    while len(parts) > 1 and len(parts[0].split()) <= 3:
        parts.pop(0)
    text = " | ".join(parts)
    if outlet:
        host = line_key(outlet.removeprefix("www."))
        # "dailyplanet.com" -> "dailyplanet"; an outlet given by name keeps its words.
        core = host.rsplit(".", 1)[0] if "." in host and " " not in host else host
        outlet_key = re.sub(r"[\W_]+", "", core)
        for dash in (" - ", " – ", " — "):
            head, sep, tail = text.rpartition(dash)
            tail_key = re.sub(r"[\W_]+", "", line_key(tail))
            if sep and head and tail_key and outlet_key and (tail_key in outlet_key or outlet_key in tail_key):
                text = head.strip()
                break
    return text.strip() or None


# Full stops of the scripts ("。", the Devanagari danda, the Urdu full stop): a line ending in one
# is a sentence, where a headline may end in "?", "!" or an ellipsis.
_FULL_STOPS = (".", "。", "．", "।", "۔", "።")


def title_shaped(line: str) -> bool:
    """Whether a line can be a headline: a few words, not a long sentence ending in a full stop."""
    stripped = line.strip()
    count = word_count(stripped)
    if count < 3 or count > 35 or len(stripped) > 250:
        return False
    return not stripped.endswith(_FULL_STOPS) or stripped.endswith("..")


def read_byline(
    line: str, markers: Sequence[str], calendar: Calendar | None = None, particles: frozenset[str] = frozenset()
) -> str | None:
    """The author named on a byline line ("Par X", "By X", glued "ParX"), or None.

    `particles` are the lower-case words a name may hold ("de", "von").
    """
    stripped = line.strip()
    if not stripped or len(stripped.split()) > 12:
        return None
    if ends_sentence(stripped) and not re.search(r"\b\w\.$", stripped):
        return None
    lowered = stripped.casefold()
    for marker in markers:
        if not lowered.startswith(marker.casefold()):
            continue
        rest = stripped[len(marker):]
        if rest[:1].isspace() or rest[:1] in ":：":
            name = rest.strip(" \t:：")
        elif rest[:1].isupper() and marker[-1:].isalpha():
            name = rest
        else:
            continue
        name = _NAME_CUT.sub("", name).strip(" .:-–—")
        name_words = name.split()
        while name_words and name_words[-1][:1].islower():
            name_words.pop()
        if not 1 <= len(name_words) <= 6 or not name_words[0][:1].isalpha() or name_words[0][:1].islower():
            continue
        lower = [w for w in name_words if w[:1].islower() and w.casefold() not in particles]
        if lower:
            continue
        name = " ".join(name_words)
        if calendar is not None and (fold(name) in calendar.weekdays or fold(name) in calendar.months):
            continue
        return name
    return None


def head_title(lines: Sequence[str], skip: set[int], limit: int = 8) -> tuple[int, str] | None:
    """The first substantial line of a crawler page, when it is shaped like a headline."""
    seen = 0
    for index, line in enumerate(lines):
        if index in skip:
            continue
        seen += 1
        if seen > limit:
            return None
        if is_label(line):
            continue
        title = clean_title(line)
        if title and title_shaped(title):
            return index, title
        return None
    return None
