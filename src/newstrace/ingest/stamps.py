"""Strict parsing of machine-written date stamps (ISO 8601, RFC 2822, epoch) into DateValues."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_tz

from newstrace.model import DateValue

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.I,
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T\d{4,6}(?:Z|[+-]\d{2,4})?)?$")
_YEARS = range(1900, 2101)


def _plausible(year: int) -> bool:
    return year in _YEARS


def parse_stamp(value: object, rule: str = "meta") -> DateValue:
    """A DateValue (source "meta") from a date stamp, or an unknown one.

    Accepts ISO dates with optional time and offset ("2026-02-10",
    "2026-02-10T09:30:00+03:00", "2026-02-10 09:30:00"), year-month and year
    alone, RFC 2822 ("Tue, 10 Feb 2026 09:30:00 GMT") and epoch seconds or
    milliseconds. The day is the one written, never shifted to UTC: it is the
    outlet's own calendar day. Anything else is unknown: no guessing.
    """
    if isinstance(value, bool) or value is None:
        return DateValue.unknown()
    if isinstance(value, (int, float)):
        return _epoch(float(value), rule)
    if not isinstance(value, str):
        return DateValue.unknown()
    text = value.strip()
    if not text or len(text) > 64:
        return DateValue.unknown()
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        return _from_parts(match.group("y"), match.group("m"), match.group("d"), text, rule)
    parts = parsedate_tz(text)
    if parts and parts[0] and _plausible(parts[0]):
        try:
            return DateValue.of_day(date(parts[0], parts[1], parts[2]), "meta", text, rule)
        except ValueError:
            return DateValue.unknown()
    return DateValue.unknown()


def _from_parts(year_s: str, month_s: str | None, day_s: str | None, text: str, rule: str) -> DateValue:
    year = int(year_s)
    if not _plausible(year):
        return DateValue.unknown()
    try:
        if day_s:
            return DateValue.of_day(date(year, int(month_s or 0), int(day_s)), "meta", text, rule)
        if month_s:
            month = int(month_s)
            return DateValue.of_month(year, month, "meta", text, rule) if 1 <= month <= 12 else DateValue.unknown()
    except ValueError:
        return DateValue.unknown()
    return DateValue.of_year(year, "meta", text, rule)


def _epoch(number: float, rule: str) -> DateValue:
    if number > 1e11:
        number /= 1000.0
    if not 1e8 <= number <= 4.2e9:
        return DateValue.unknown()
    day = datetime.fromtimestamp(number, tz=timezone.utc).date()
    return DateValue.of_day(day, "meta", f"{number:.0f}", rule)
