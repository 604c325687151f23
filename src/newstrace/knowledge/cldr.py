"""Calendar words of a language that has no lexicon, from CLDR through Babel: month and weekday names."""

from __future__ import annotations

from functools import cache

from newstrace.knowledge.lexicon import Lexicon


@cache  # a pure function of the code over Babel's read-only data: memoised for speed only
def cldr_lexicon(language: str) -> Lexicon | None:
    """A lexicon holding only the `calendar` section of `language` (None where CLDR has no such locale).

    Dates in an article of a language with no lexicon of its own are still read: CLDR gives the
    months and weekdays in every form and width a text writes them.
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    months: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in (locale.months.get(context, {}).get("wide") or {}).items():
            months.setdefault(_clean(name), int(number))
        for number, name in (locale.months.get(context, {}).get("abbreviated") or {}).items():
            if len(_clean(name)) >= 3:  # shorter ones ("m.") are common words of the text
                abbreviations.setdefault(_clean(name), int(number))
        for number, name in (locale.days.get(context, {}).get("wide") or {}).items():
            weekdays.setdefault(_clean(name), int(number))  # Babel counts from Monday, as lexicons do
    months = {k: v for k, v in months.items() if k}
    if not months:
        return None
    calendar = {"months": months, "month_abbreviations": {k: v for k, v in abbreviations.items() if k not in months},
                "weekdays": {k: v for k, v in weekdays.items() if k}}
    return Lexicon(language, locale.english_name or language, "", {"calendar": calendar})


def _clean(name: str) -> str:
    return str(name).strip().rstrip(".").casefold()
