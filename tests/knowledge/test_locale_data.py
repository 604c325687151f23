"""Calendar words from CLDR (through Babel) and dateparser, merged into the shipped lexicons."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.errors import KnowledgeError
from newstrace.knowledge.lexicon import load_lexicon, load_lexicons
from newstrace.knowledge.locale_data import _template, cldr_calendar, dateparser_days
from newstrace.model import DateValue
from newstrace.stages.events.dates import find_dates

LEXICONS = load_lexicons()
SAT = DateValue.of_day(date(2026, 3, 14), "header")


@pytest.mark.parametrize(("pattern", "template"), [
    ("d 'de' MMMM 'de' y", "{day} de {month} de {year}"),
    ("d MMMM y\u202f'г'.", "{day} {month} {year}"),  # the year's word after a space is no part of the date
    ("y. MMMM d.", "{year}. {month} {day}"),  # the day's period is optional in dates.py
    ("y年M月d日", "{year}年{mon}月{day}日"),
    ("MMMM d, y", "{month} {day}, {year}"),
    ("d/M/y", None),  # numbers only: dates.py's numeric patterns
    ("E, d MMM", None),  # a weekday field
])
def test_cldr_date_patterns_become_templates(pattern, template) -> None:
    assert _template(pattern) == template


def test_cldr_gives_every_form_of_the_month_names() -> None:
    russian = cldr_calendar(("ru",))
    assert russian["months"]["января"] == 1 and russian["months"]["январь"] == 1  # genitive and nominative
    assert russian["month_abbreviations"]["янв"] == 1
    assert russian["weekdays"]["пятница"] == 4
    levantine = cldr_calendar(("ar_SY",))
    assert levantine["months"]["شباط"] == 2


def test_dateparser_gives_the_relative_days() -> None:
    german = dateparser_days(("de",))
    assert german["gestern"] == -1 and german["vorgestern"] == -2 and german["übermorgen"] == 2


def test_the_lexicons_hold_the_library_words_their_own_and_not_the_exceptions() -> None:
    russian = LEXICONS.get("ru").section("calendar")
    assert russian["months"]["января"] == 1  # from CLDR
    assert russian["months"]["январе"] == 1  # the lexicon's own locative, which CLDR lacks
    german = LEXICONS.get("de").section("temporal")["days"]
    assert german["gestern"] == -1 and "morgen" not in german  # "morgen" is also "morning"
    assert LEXICONS.get("hi").section("temporal")["days"]["कल"] == -1  # the lexicon's reading beats dateparser's
    assert "{day} de {month} de {year}" in LEXICONS.get("es").section("temporal")["date_patterns"]


@pytest.mark.parametrize(("language", "text", "day"), [
    ("de", "Die Minister trafen sich vorgestern in Wien.", date(2026, 3, 12)),  # dateparser
    ("cs", "Ministři se sešli předevčírem.", date(2026, 3, 12)),
    ("el", "Οι υπουργοί συναντήθηκαν σήμερα στην Αθήνα.", date(2026, 3, 14)),
    ("ru", "Встреча прошла 12 января 2026 года.", date(2026, 1, 12)),  # CLDR genitive
    ("ar", "عقد الاجتماع في 10 شباط 2026.", date(2026, 2, 10)),  # CLDR ar_SY
    ("sw", "Mkutano ulifanyika tarehe 10 Februari 2026.", date(2026, 2, 10)),
])
def test_dates_written_with_library_words(language, text, day) -> None:
    found = [x for x in find_dates(text, language, SAT, LEXICONS) if x.value.precision == "day"]
    assert found and found[0].value.start == day, found


def test_an_unknown_cldr_locale_is_refused_naming_the_file(tmp_path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\ncalendar:\n  locales: [xx_Nowhere]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_lexicon(path)
    assert "xx.yaml" in str(error.value) and "xx_Nowhere" in str(error.value)
