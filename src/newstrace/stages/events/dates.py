"""Temporal expressions: find date phrases from lexicon data and resolve them against publication."""

from __future__ import annotations

import calendar as _calendar
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from newstrace.knowledge.cldr import cldr_lexicon
from newstrace.knowledge.lexicon import Lexicon, Lexicons
from newstrace.model import DateValue, Span
from newstrace.stages.events.calendars import nearest_month_day, solar_date, year_of_weekday
from newstrace.text.scripts import MARKS, UNSPACED

# Every script's decimal digits (Arabic-Indic, Persian, Devanagari, Bengali ...) read as ASCII
# digits (same length, offsets kept).
_DIGITS = {code: str(unicodedata.decimal(chr(code))) for code in range(0x80, 0x10000)
           if unicodedata.category(chr(code)) == "Nd"}
# A word goes on through its vowel signs and marks; a letter of a script written without spaces
# is no boundary obstacle ("于2025年5月15日"): only letters (and marks) of spaced scripts are.
_WORD = rf"(?![{UNSPACED}])[\w{MARKS}]"
_B = f"(?<!{_WORD})"
_E = f"(?!{_WORD})"
_DAY = r"(?P<day>[0-3]?\d)(?!\d)"  # "March 20" is no day inside "March 2026"
# Gregorian years, and Solar Hijri ones (13xx, 14xx) for the Persian calendar.
_YEAR = r"(?P<year>(?:19|20|13|14)\d\d)"
# A month by its number where the script writes it so ("5月", "5월"), and a year of an era
# counted from another epoch (the Buddhist era: พ.ศ. 2568 is 2025; temporal.era_offset).
_MONTH_NUMBER = r"(?P<mnum>1[0-2]|0?[1-9])"
_ERA_YEAR = r"(?P<era>\d{4})"
_NUMERIC = (
    re.compile(_B + r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)" + _E),
    re.compile(_B + r"(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<year>(?:19|20)\d\d)" + _E),
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# What may stand between a date and the weekday written beside it: "Saturday, 10 May",
# "Samstag, den 10. Mai", "10 May (Saturday)", "শনিবার (১০ মে)".
_BESIDE = re.compile(r"[\s,،(（)）\-–—]*(?:\w{1,3}\.?\s+)?[\s,،(（]*")
# The rule of a date that is only the publication day of the report telling the event: a weak
# vote for the event's day, and for merging only the recent past of that day (stages/resolution/merge.py).
PUBLICATION_DAY = "publication-day"
# The rule of the month of a report dated only by its month: the event is of that month.
PUBLICATION_MONTH = "publication-month"


@dataclass(frozen=True)
class TemporalExpression:
    """A date phrase found in a text and what it denotes.

    `direction` is "past", "future" or "" (not said); `kind` is absolute,
    weekday, relative or vague.
    """

    span: Span
    text: str
    value: DateValue
    kind: str
    direction: str = ""

    @property
    def future(self) -> bool:
        return self.direction == "future"


@dataclass(frozen=True)
class _Patterns:
    """One language's compiled date patterns."""

    absolute: tuple[re.Pattern[str], ...]
    weekday: re.Pattern[str] | None
    days: re.Pattern[str] | None
    ago: tuple[re.Pattern[str], ...]
    vague: re.Pattern[str] | None
    anaphoric: re.Pattern[str] | None
    anaphoric_offsets: dict[str, int]
    months: dict[str, int]
    solar_months: dict[str, int]
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    vague_scopes: dict[str, str]
    past_words: frozenset[str]
    future_words: frozenset[str]
    numeric_order: str
    era_offset: int = 0
    # Days of the month written as words ("السابع من مايو"): word -> 1..31.
    day_words: dict[str, int] | None = None


def _alternation(words) -> str:
    # Words of one length keep the lexicon's order (a set's would change with each process's
    # string hashing, and with it the pattern's text, which keys the kept_regex cache).
    ordered = sorted(dict.fromkeys(w for w in words if w), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def _compile(lexicon: Lexicon) -> _Patterns:
    cal = lexicon.section("calendar")
    tmp = lexicon.section("temporal")
    months = {_fold(k): int(v) for k, v in {**(cal.get("months") or {}), **(tmp.get("months") or {})}.items()}
    # Abbreviations ("janv", "Oct") with or without their period.
    for k, v in (cal.get("month_abbreviations") or {}).items():
        months.setdefault(_fold(k) + ".", int(v))
        months.setdefault(_fold(k), int(v))
    weekdays = {_fold(k): int(v) for k, v in {**(cal.get("weekdays") or {}), **(tmp.get("weekdays") or {})}.items()}
    solar = {_fold(k): int(v) for k, v in (tmp.get("solar_months") or {}).items()}
    flags = re.IGNORECASE
    month_re = f"(?P<month>{_alternation([*months, *solar])})(?!{_WORD}|\u200c)" if months or solar else None
    suffix = _alternation([*(tmp.get("day_suffixes") or []), *(cal.get("day_suffixes") or [])])
    day_words = {_fold(k): int(v) for k, v in (tmp.get("day_words") or {}).items()}
    day = (rf"(?P<day>[0-3]?\d(?!\d)|{_alternation(day_words)}(?!{_WORD}))" if day_words else _DAY) \
        + (f"(?:{suffix})?" if suffix else "") + r"\.?"
    past = [_fold(w) for w in tmp.get("past_words") or []]
    future = [_fold(w) for w in tmp.get("future_words") or []]
    marks = _alternation(past + future)
    tail = rf"(?:\s+(?P<post>{marks}){_E})?" if marks else ""
    absolute: list[re.Pattern[str]] = []
    if month_re or tmp.get("date_patterns"):
        for template in tmp.get("date_patterns") or ["{day} {month} {year}", "{day} {month}", "{month} {year}"]:
            if "{month}" in template and not month_re:
                continue
            body = re.escape(template).replace(r"\ ", r"\s+")
            body = body.replace(r"\{day\}", day).replace(r"\{month\}", month_re or "").replace(r"\{year\}", _YEAR)
            # {mon}: the month's number ("5月"); {era}: a year of temporal.era_offset's era.
            body = body.replace(r"\{mon\}", _MONTH_NUMBER).replace(r"\{era\}", _ERA_YEAR)
            # {alt}: the same month under its other name ("أبريل/نيسان").
            body = body.replace(r"\{alt\}", f"(?:{_alternation(months)})")
            absolute.append(re.compile(_B + body + r"(?:['’]\w+)?" + tail, flags))
    weekday = None
    if weekdays:
        before = _alternation([_fold(w) for w in tmp.get("weekday_before") or []] + past + future)
        pre = rf"(?:(?P<pre>{before})\s+)?" if before else ""
        weekday = re.compile(_B + pre + f"(?P<wd>{_alternation(weekdays)})" + r"(?:['’]\w+)?" + _E + tail, flags)
    days = {_fold(k): int(v) for k, v in (tmp.get("days") or {}).items()}
    numbers = {_fold(str(k)): int(v) for k, v in (tmp.get("numbers") or {}).items()}
    units = {_fold(k): str(v) for k, v in (tmp.get("units") or {}).items()}
    ago = []
    if units:
        number_re = rf"(?P<n>\d+|{_alternation(numbers)})" if numbers else r"(?P<n>\d+)"
        for template in tmp.get("ago") or []:
            body = re.escape(template).replace(r"\ ", r"\s+")
            body = body.replace(r"\{n\}", number_re).replace(r"\{unit\}", f"(?P<unit>{_alternation(units)})")
            ago.append(re.compile(_B + body + _E, flags))
    vague = {_fold(k): str(v) for k, v in (tmp.get("vague") or {}).items()}
    anaphoric = {_fold(k): int(v) for k, v in (tmp.get("anaphoric") or {}).items()}
    return _Patterns(
        absolute=tuple(absolute),
        weekday=weekday,
        days=re.compile(_B + f"(?P<rel>{_alternation(days)})" + _E, flags) if days else None,
        ago=tuple(ago),
        vague=re.compile(_B + f"(?P<vague>{_alternation(vague)})" + _E, flags) if vague else None,
        anaphoric=re.compile(_B + f"(?P<ana>{_alternation(anaphoric)})" + _E, flags) if anaphoric else None,
        anaphoric_offsets=anaphoric,
        months=months,
        solar_months=solar,
        weekdays=weekdays,
        day_offsets=days,
        numbers=numbers,
        units=units,
        vague_scopes=vague,
        past_words=frozenset(past),
        future_words=frozenset(future),
        numeric_order=str(tmp.get("numeric_order", "dmy")),
        era_offset=int(tmp.get("era_offset") or cal.get("era_offset") or 0),
        day_words=day_words,
    )


_COMPILED: dict[int, tuple[Lexicon, _Patterns]] = {}


def _patterns(lexicon: Lexicon) -> _Patterns:
    # Memoised per lexicon object (kept alive here, so its id is never reused): compiling is pure.
    hit = _COMPILED.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        hit = (lexicon, _compile(lexicon))
        _COMPILED[id(lexicon)] = hit
    return hit[1]


def find_dates(
    text: str, language: str, published: DateValue, lexicons: Lexicons, offset: int = 0
) -> tuple[TemporalExpression, ...]:
    """Every temporal expression of `text`, resolved against `published`, in text order.

    Spans are shifted by `offset` (the position of `text` in the article).
    """
    # A language with no lexicon still has CLDR's month and weekday names.
    lexicon = lexicons.get(language) or cldr_lexicon(language)
    if lexicon is None:
        return ()
    pats = _patterns(lexicon)
    plain = text.translate(_DIGITS)
    found: list[TemporalExpression] = []
    for pattern in pats.absolute:
        found += [x for m in pattern.finditer(plain) if (x := _absolute(m, pats, published, text, offset))]
    for pattern in _NUMERIC:
        found += [x for m in pattern.finditer(plain) if (x := _numeric(m, pats, text, offset))]
    if pats.weekday:
        found += [x for m in pats.weekday.finditer(plain) if (x := _weekday(m, pats, published, text, offset))]
    if pats.days:
        found += [_relative_day(m, pats, published, text, offset) for m in pats.days.finditer(plain)]
    for pattern in pats.ago:
        found += [x for m in pattern.finditer(plain) if (x := _ago(m, pats, published, text, offset))]
    if pats.vague:
        found += [_vague(m, pats, published, text, offset) for m in pats.vague.finditer(plain)]
    if pats.anaphoric:
        for m in pats.anaphoric.finditer(plain):
            shift = pats.anaphoric_offsets.get(_fold(m.group("ana")), 0)
            # "the same day", "le lendemain": relative to an event told before, resolved by the caller.
            value = DateValue.unknown(text[m.start():m.end()], f"anaphoric:{shift}")
            found.append(_expr(m, text, offset, value, "anaphoric"))
    if not published.known and (page_day := _page_day(plain, pats)) is not None:
        # Read again against the day the page's own dates and weekdays agree on.
        return find_dates(text, language, page_day, lexicons, offset)
    return _non_overlapping(found)


def _page_day(plain: str, pats: _Patterns) -> DateValue | None:
    """The day an undated page speaks from, when its yearless dates and the weekdays it names agree
    on one year ("on Wednesday ... at dawn on 7 May"; "22 April" a Tuesday): the latest such date.

    Each yearless date and each weekday named vote for the latest year, up to today, in which that
    date fell on that weekday. Pairs of one report of one event share their year; pairs that do not
    spread over the years of the cycle. A year is taken when two pairs or more give it and no other
    year has as many: one pair alone is as often a weekday of another day of the story.
    """
    if pats.weekday is None:
        return None
    dates = {md for pattern in pats.absolute for m in pattern.finditer(plain) if (md := _month_day(m, pats))}
    weekdays = {wd for m in pats.weekday.finditer(plain) if (wd := pats.weekdays.get(_fold(m.group("wd")))) is not None}
    if not dates or not weekdays:
        return None
    today = date.today()
    votes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for month, day in dates:
        for weekday in weekdays:
            if (year := year_of_weekday(month, day, weekday, today)) is not None:
                votes[year].append((month, day))
    ranked = sorted(votes.items(), key=lambda kv: -len(kv[1]))
    if not ranked:
        return None
    year, agreeing = ranked[0]
    if len(agreeing) < 2 or (len(ranked) > 1 and len(ranked[1][1]) == len(agreeing)):
        return None
    month, day = max(agreeing)
    return DateValue.of_day(date(year, month, day), "relative", "", "page-day:weekday-agreement")


def _day_number(written: str, pats: _Patterns) -> int:
    return int(written) if written.isdigit() else (pats.day_words or {}).get(_fold(written), 0)


def _month_day(m: re.Match[str], pats: _Patterns) -> tuple[int, int] | None:
    """(month, day) of a day-month written with no year, in the Gregorian calendar."""
    groups = m.groupdict()
    if groups.get("year") or groups.get("era") or not groups.get("day"):
        return None
    if groups.get("month"):
        month = None if _fold(groups["month"]) in pats.solar_months else pats.months.get(_fold(groups["month"]))
    else:
        month = int(groups["mnum"]) if groups.get("mnum") else None
    day = _day_number(groups["day"], pats)
    if month is None or not 1 <= month <= 12 or not 1 <= day <= _calendar.monthrange(2000, month)[1]:
        return None
    return month, day


def anaphoric_shift(expression: TemporalExpression) -> int | None:
    """Days after the previously told event that an anaphoric expression ("the next day") means."""
    if expression.kind != "anaphoric":
        return None
    return int(expression.value.rule.split(":", 1)[1])


def _non_overlapping(found: list[TemporalExpression]) -> tuple[TemporalExpression, ...]:
    """Keep the longest of overlapping expressions (a full date beats its bare weekday)."""
    kept: list[TemporalExpression] = []
    for item in sorted(found, key=lambda x: (-(x.span.end - x.span.start), x.span.start)):
        if all(item.span.end <= k.span.start or item.span.start >= k.span.end for k in kept):
            kept.append(item)
    return tuple(sorted(kept, key=lambda x: x.span.start))


def _direction(match: re.Match[str], pats: _Patterns) -> str:
    for group in ("pre", "post"):
        word = match.groupdict().get(group)
        if word:
            word = _fold(word)
            if word in pats.future_words:
                return "future"
            if word in pats.past_words:
                return "past"
    return ""


def _expr(match: re.Match[str], text: str, offset: int, value: DateValue, kind: str, direction: str = "") -> TemporalExpression:
    return TemporalExpression(
        Span(offset + match.start(), offset + match.end()), text[match.start():match.end()], value, kind, direction
    )


def _absolute(m, pats: _Patterns, published: DateValue, text: str, offset: int) -> TemporalExpression | None:
    groups = m.groupdict()
    evidence = text[m.start():m.end()]
    direction = _direction(m, pats)
    day = _day_number(groups["day"], pats) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("era"):
        year = int(groups["era"]) - pats.era_offset if pats.era_offset else None
        if year is None or not 1900 <= year <= 2100:
            return None
    if groups.get("month"):
        solar = pats.solar_months.get(_fold(groups["month"]))
        if solar is not None:
            return _solar(m, solar, day, year, published, text, offset, direction)
        month = pats.months.get(_fold(groups["month"]))
    elif groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        return _day_only(m, day, published, text, offset, direction)
    if month is None or (year is not None and year < 1900):
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        year = _infer_year(month, day or 1, published, direction)
        if year is None:
            return _by_weekday(m, pats, month, day, text, offset, direction)
        rule = "date-without-year:" + ("next" if direction == "future" else "nearest-past")
    else:
        rule = "absolute-date"
    if day is None:
        return _expr(m, text, offset, DateValue.of_month(year, month, "text", evidence, rule), "absolute", direction)
    try:
        value = DateValue.of_day(date(year, month, day), "text" if "without" not in rule else "relative", evidence, rule)
    except ValueError:
        return None
    if not direction and published.known and published.end and value.start and value.start > published.end:
        direction = "future"
    return _expr(m, text, offset, value, "absolute", direction)


def _by_weekday(m, pats: _Patterns, month: int, day: int | None, text: str, offset: int,
                direction: str) -> TemporalExpression:
    """A day-month with no year on a page with no date: the weekday written beside it
    ("Saturday, 10 May") names the year, the latest in which that day fell on it; the
    expression then spans both, so the weekday is not read again on its own."""
    evidence = text[m.start():m.end()]
    beside = _weekday_beside(m, pats) if day is not None else None
    year = year_of_weekday(month, day, beside[0], date.today()) if beside and day else None
    if beside is None or year is None or day is None:
        value = DateValue(evidence=evidence, rule="date-without-year:no-publication",
                          yearless=f"{month:02d}-{day:02d}" if day is not None else None)
        return _expr(m, text, offset, value, "absolute", direction)
    _, start, end = beside
    value = DateValue.of_day(date(year, month, day), "relative", text[start:end], "date-without-year:weekday")
    return TemporalExpression(Span(offset + start, offset + end), text[start:end], value, "absolute", direction)


def _weekday_beside(m: re.Match[str], pats: _Patterns) -> tuple[int, int, int] | None:
    """The weekday written right before or after a date match: (weekday, start, end of both)."""
    if pats.weekday is None:
        return None
    plain = m.string
    for found in pats.weekday.finditer(plain, max(0, m.start() - 32), min(len(plain), m.end() + 32)):
        weekday = pats.weekdays.get(_fold(found.group("wd")))
        if weekday is None:
            continue
        if found.end() <= m.start():
            gap = plain[found.end():m.start()]
        elif found.start() >= m.end():
            gap = plain[m.end():found.start()]
        else:
            continue
        if _BESIDE.fullmatch(gap):
            return weekday, min(found.start(), m.start()), max(found.end(), m.end())
    return None


def _day_only(m, day: int | None, published: DateValue, text: str, offset: int,
              direction: str) -> TemporalExpression | None:
    """A day of the month alone ("15日", "17일"), in the month around publication."""
    evidence = text[m.start():m.end()]
    if published.precision != "day" or published.start is None:
        return _expr(m, text, offset, DateValue.unknown(evidence, "day-without-month:no-publication"), "absolute", direction)
    found = nearest_month_day(day, published.start, direction == "future")
    if found is None:
        return None
    return _expr(m, text, offset, DateValue.of_day(found, "relative", evidence, "day-without-month:nearest-past"),
                 "absolute", direction)


def _solar(m, month: int, day: int | None, year: int | None, published: DateValue, text: str, offset: int,
           direction: str) -> TemporalExpression | None:
    """A Solar Hijri date ("۱۰ آذر", "۷ مهر ۱۴۰۴") as its Gregorian day or interval."""
    evidence = text[m.start():m.end()]
    latest = published.end if published.known else None
    interval = solar_date(month, day, year, latest)
    rule = "solar-date" if year is not None else "solar-date-without-year:nearest-past"
    if interval is None:
        return _expr(m, text, offset, DateValue.unknown(evidence, rule + ":no-publication"), "absolute", direction)
    start, end = interval
    source = "text" if year is not None else "relative"
    value = DateValue.of_day(start, source, evidence, rule) if day is not None else DateValue(
        start, end, "month", source, evidence, rule)
    return _expr(m, text, offset, value, "absolute", direction)


def _infer_year(month: int, day: int, published: DateValue, direction: str) -> int | None:
    """The year of a day-month: the nearest past one (next one for "next"), from publication."""
    if not published.known or published.end is None or published.start is None:
        return None
    ref = published.end
    year = ref.year
    try:
        candidate = date(year, month, min(day, _calendar.monthrange(year, month)[1]))
    except ValueError:
        return None
    if direction == "future":
        return year if candidate >= published.start else year + 1
    return year if candidate <= ref else year - 1


def _numeric(m, pats: _Patterns, text: str, offset: int) -> TemporalExpression | None:
    groups = m.groupdict()
    if "m" in groups:
        month, day = int(groups["m"]), int(groups["d"])
    elif pats.numeric_order == "mdy":
        month, day = int(groups["a"]), int(groups["b"])
    else:
        day, month = int(groups["a"]), int(groups["b"])
    try:
        value = date(int(groups["year"]), month, day)
    except ValueError:
        return None
    evidence = text[m.start():m.end()]
    return _expr(m, text, offset, DateValue.of_day(value, "text", evidence, "numeric-date"), "absolute")


def _weekday(m, pats: _Patterns, published: DateValue, text: str, offset: int) -> TemporalExpression | None:
    wd = pats.weekdays.get(_fold(m.group("wd")))
    if wd is None:
        return None
    evidence = text[m.start():m.end()]
    direction = _direction(m, pats)
    if published.precision == "day" and published.start:
        pub = published.start
        if direction == "future":
            delta = (wd - pub.weekday()) % 7 or 7
            value = DateValue.of_day(pub + timedelta(days=delta), "relative", evidence, "weekday:next-after-publication")
        else:
            delta = (pub.weekday() - wd) % 7
            value = DateValue.of_day(pub - timedelta(days=delta), "relative", evidence, "weekday:last-on-or-before-publication")
    elif published.precision == "month" and published.start:
        value = DateValue.of_month(
            published.start.year, published.start.month, "relative", evidence, "weekday:in-publication-month", weekday=wd
        )
    elif published.precision == "year" and published.start and published.end:
        value = DateValue(published.start, published.end, "year", "relative", evidence, "weekday:in-publication-year", wd)
    else:
        value = DateValue(evidence=evidence, rule="weekday:no-publication", weekday=wd)
    return _expr(m, text, offset, value, "weekday", direction)


def _relative_day(m, pats: _Patterns, published: DateValue, text: str, offset: int) -> TemporalExpression:
    shift = pats.day_offsets.get(_fold(m.group("rel")), 0)
    direction = "future" if shift > 0 else "past" if shift < 0 else ""
    return _expr(m, text, offset, _shift(published, timedelta(days=shift), "day", text[m.start():m.end()], "relative-day"), "relative", direction)


def _ago(m, pats: _Patterns, published: DateValue, text: str, offset: int) -> TemporalExpression | None:
    raw = _fold(m.group("n"))
    n = int(raw) if raw.isdigit() else pats.numbers.get(raw)
    unit = pats.units.get(_fold(m.group("unit")))
    if n is None or unit not in _UNIT_DAYS:
        return None
    precision = "day" if unit == "day" else "month" if unit in ("week", "month") else "year"
    delta = timedelta(days=n * _UNIT_DAYS[unit])
    return _expr(m, text, offset, _shift(published, -delta, precision, text[m.start():m.end()], f"ago:{unit}"), "relative", "past")


def _shift(published: DateValue, delta: timedelta, precision: str, evidence: str, rule: str) -> DateValue:
    """Publication moved by `delta`, no more precise than publication or `precision` allow."""
    if not published.known or published.start is None:
        return DateValue.unknown(evidence, rule + ":no-publication")
    order = ("day", "month", "year")
    coarsest = max(order.index(published.precision), order.index(precision))
    moved = published.start + delta
    if coarsest == 0:
        return DateValue.of_day(moved, "relative", evidence, rule)
    if coarsest == 1:
        if published.precision == "month" and delta.days > -28:
            moved = published.start  # "yesterday" in a month-dated article stays in that month
        return DateValue.of_month(moved.year, moved.month, "relative", evidence, rule)
    return DateValue.of_year(moved.year, "relative", evidence, rule)


def _vague(m, pats: _Patterns, published: DateValue, text: str, offset: int) -> TemporalExpression:
    scope = pats.vague_scopes.get(_fold(m.group("vague")), "month")
    evidence = text[m.start():m.end()]
    direction = "future" if scope.startswith("next") else "past"
    if not published.known or published.start is None:
        return _expr(m, text, offset, DateValue.unknown(evidence, f"vague:{scope}:no-publication"), "vague", direction)
    start = published.start
    rule = f"vague:{scope}"
    if scope == "month" and published.precision in ("day", "month"):
        value = DateValue.of_month(start.year, start.month, "relative", evidence, rule)
    elif scope == "previous_month" and published.precision in ("day", "month"):
        prev = start.replace(day=1) - timedelta(days=1)
        value = DateValue.of_month(prev.year, prev.month, "relative", evidence, rule)
    elif scope == "previous_week" and published.precision == "day":
        prev = start - timedelta(days=7)
        value = DateValue.of_month(prev.year, prev.month, "relative", evidence, rule)
    elif scope == "year":
        value = DateValue.of_year(start.year, "relative", evidence, rule)
    elif scope == "previous_year":
        value = DateValue.of_year(start.year - 1, "relative", evidence, rule)
    else:
        value = DateValue.unknown(evidence, rule)
    return _expr(m, text, offset, value, "vague", direction)
