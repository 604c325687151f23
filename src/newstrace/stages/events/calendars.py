"""Calendar arithmetic: Solar Hijri dates (the Persian press) as Gregorian ones, days of a month left unsaid."""

from __future__ import annotations

from datetime import date

_GREGORIAN_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def solar_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of Solar Hijri year/month/day (arithmetic form of the calendar)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"not a Solar Hijri date: {year}/{month}/{day}")
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    lengths = list(_GREGORIAN_MONTH_DAYS)
    if gy % 4 == 0 and (gy % 100 != 0 or gy % 400 == 0):
        lengths[1] = 29
    gm = 0
    while gm < 12 and gd > lengths[gm]:
        gd -= lengths[gm]
        gm += 1
    return date(gy, gm + 1, gd)


def solar_year_of(day: date) -> int:
    """The Solar Hijri year a Gregorian day falls in."""
    year = day.year - 621
    return year if solar_to_gregorian(year, 1, 1) <= day else year - 1


def solar_date(month: int, day: int | None, year: int | None, latest: date | None) -> tuple[date, date] | None:
    """The Gregorian interval of a Solar Hijri day (or month, when `day` is None).

    Without a year, the nearest such date on or before `latest` (the publication);
    None when neither a year nor a publication date is known.
    """
    if year is None:
        if latest is None:
            return None
        year = solar_year_of(latest)
        if solar_to_gregorian(year, month, day or 1) > latest:
            year -= 1
    try:
        if day is not None:
            first = solar_to_gregorian(year, month, day)
            return first, first
        start = solar_to_gregorian(year, month, 1)
        end = solar_to_gregorian(year + (month == 12), month % 12 + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    except ValueError:
        return None


def nearest_month_day(day: int | None, reference: date, future: bool = False) -> date | None:
    """Day `day` of the reference month, or of the month before when that day is still to come
    (of the month after when it is past and `future`): "15日" written on 18 May is 15 May."""
    if day is None or not 1 <= day <= 31:
        return None
    year, month = reference.year, reference.month
    if future and day < reference.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif not future and day > reference.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A day and month fall on one weekday again within 11 years (28 for 29 February).
_WEEKDAY_CYCLE = 28


def year_of_weekday(month: int, day: int, weekday: int, latest: date) -> int | None:
    """The latest year, up to `latest`, in which day/month fell on `weekday` (0 = Monday): the year
    of "Saturday, 10 May" on a page that gives none. None when no year of the cycle fits."""
    for year in range(latest.year, latest.year - _WEEKDAY_CYCLE, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= latest and candidate.weekday() == weekday:
            return year
    return None
