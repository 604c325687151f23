"""Temporal expressions: found from lexicon data, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue
from newstrace.stages.events.dates import find_dates

LEXICONS = load_lexicons()
SAT_20_DEC = DateValue.of_day(date(2025, 12, 20), "header")  # a Saturday
JUNE_2025 = DateValue.of_month(2025, 6, "header")
UNKNOWN = DateValue()


def only(text: str, language: str, published: DateValue):
    found = find_dates(text, language, published, LEXICONS)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "a rencontré samedi à Istanbul"),
    ("fr", "a rencontré ce samedi à Istanbul"),
    ("en", "met on Saturday in Istanbul"),
    ("tr", "Cumartesi günü İstanbul'da görüştü"),
    ("ar", "التقى يوم السبت في إسطنبول"),
    ("fa", "روز شنبه در استانبول دیدار کرد"),
    ("ru", "встретился в субботу в Стамбуле"),
    ("es", "se reunió el sábado en Estambul"),
    ("de", "traf sich am Samstag in Istanbul"),
    ("el", "συναντήθηκε το Σάββατο στην Κωνσταντινούπολη"),
])
def test_weekday_on_publication_day_is_that_day(language: str, text: str) -> None:
    found = only(text, language, SAT_20_DEC)
    assert found.value.day == date(2025, 12, 20)
    assert found.value.rule.startswith("weekday:") and found.value.evidence in text


@pytest.mark.parametrize(("text", "day"), [
    ("η επίθεση έγινε το βράδυ της Παρασκευής στο Χάρκοβο", date(2025, 12, 19)),
    ("οι δύο υπουργοί συναντήθηκαν το πρωί της Τρίτης", date(2025, 12, 16)),
    ("οι διαδηλωτές συγκεντρώθηκαν το απόγευμα του Σαββάτου", date(2025, 12, 20)),
])
def test_greek_weekday_in_the_genitive_after_a_time_of_day(text: str, day: date) -> None:
    assert only(text, "el", SAT_20_DEC).value.day == day


def test_weekday_is_the_last_such_day_before_publication() -> None:
    found = only("Kalin met Hamas leaders on Friday", "en", SAT_20_DEC)
    assert found.value.day == date(2025, 12, 19)
    assert found.value.source == "relative"


def test_weekday_in_month_precise_article_keeps_month_precision() -> None:
    found = only("Les deux hommes se sont vus vendredi à Rome", "fr", JUNE_2025)
    assert found.value == DateValue.of_month(2025, 6, "relative", "vendredi", found.value.rule, weekday=4)
    assert found.value.label() == "2025-06 (Fri)"


def test_weekday_without_publication_is_unknown_but_remembered() -> None:
    found = only("met on Friday", "en", UNKNOWN)
    assert not found.value.known and found.value.weekday == 4


def test_date_without_year_takes_nearest_past_year() -> None:
    jan = DateValue.of_day(date(2026, 1, 24), "header")
    assert only("Trump s'est exprimé le 15 janvier", "fr", jan).value.day == date(2026, 1, 15)
    found = only("Les combats ont cessé le 10 octobre dernier.", "fr", jan)
    assert found.value.day == date(2025, 10, 10) and found.direction == "past"
    assert found.value.rule == "date-without-year:nearest-past"


def test_date_without_year_and_without_publication_is_unknown() -> None:
    assert not only("le 15 janvier", "fr", UNKNOWN).value.known


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "le 15 janvier"), ("en", "on January 15"), ("es", "el 15 de enero"), ("de", "am 15. Januar"),
    ("ru", "15 января"), ("zh", "1月15日"), ("ar", "في 15 يناير"),
])
def test_a_yearless_date_on_an_undated_page_keeps_its_month_and_day(language: str, text: str) -> None:
    value = only(text, language, UNKNOWN).value
    assert not value.known and value.yearless == "01-15"


def test_absolute_dates_in_several_languages() -> None:
    assert only("on June 12, 2025", "en", UNKNOWN).value.day == date(2025, 6, 12)
    assert only("le 8 octobre 2023", "fr", UNKNOWN).value.day == date(2023, 10, 8)
    assert only("el 29 de septiembre de 2025", "es", UNKNOWN).value.day == date(2025, 9, 29)
    assert only("am 8. August 2025", "de", UNKNOWN).value.day == date(2025, 8, 8)
    assert only("15 марта 2025 года", "ru", UNKNOWN).value.day == date(2025, 3, 15)
    assert only("24.01.2026", "de", UNKNOWN).value.day == date(2026, 1, 24)
    assert only("في ١٠ أكتوبر ٢٠٢٥", "ar", UNKNOWN).value.day == date(2025, 10, 10)


def test_month_and_year_is_month_precise() -> None:
    found = only("depuis septembre 2022", "fr", UNKNOWN)
    assert found.value.precision == "month" and found.value.start == date(2022, 9, 1)


@pytest.mark.parametrize(("language", "text", "day"), [
    ("en", "yesterday", date(2025, 12, 19)),
    ("en", "last night", date(2025, 12, 19)),
    ("en", "this morning", date(2025, 12, 20)),
    ("en", "two days ago", date(2025, 12, 18)),
    ("fr", "hier", date(2025, 12, 19)),
    ("fr", "il y a trois jours", date(2025, 12, 17)),
    ("de", "gestern", date(2025, 12, 19)),
    ("tr", "dün", date(2025, 12, 19)),
    ("ru", "вчера", date(2025, 12, 19)),
])
def test_relative_days(language: str, text: str, day: date) -> None:
    assert only(text, language, SAT_20_DEC).value.day == day


def test_the_eve_of_is_no_day_but_the_evening_before_is() -> None:
    # "накануне праздника": on the eve of a holiday the text does not date.
    assert not [x for x in find_dates("Накануне праздника лидеры провели переговоры.", "ru", SAT_20_DEC, LEXICONS)
                if x.value.precision == "day"]
    assert only("накануне вечером", "ru", SAT_20_DEC).value.day == date(2025, 12, 19)


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Il y a quelques jours, la ministre"),
    ("en", "Earlier this month, the minister"),
    ("en", "A few days ago, the minister"),
])
def test_vague_past_is_month_precise_not_an_invented_day(language: str, text: str) -> None:
    found = only(text, language, SAT_20_DEC)
    assert found.value.precision == "month" and found.value.start == date(2025, 12, 1)
    assert found.kind == "vague" and found.direction == "past"


def test_last_month_and_future_words() -> None:
    assert only("last month", "en", SAT_20_DEC).value.start == date(2025, 11, 1)
    nxt = only("samedi prochain", "fr", SAT_20_DEC)
    assert nxt.future and nxt.value.day == date(2025, 12, 27)


def test_relative_day_in_month_precise_article_stays_in_month() -> None:
    found = only("yesterday", "en", JUNE_2025)
    assert found.value.precision == "month" and found.value.start == date(2025, 6, 1)


def test_unknown_language_finds_nothing() -> None:
    assert find_dates("Saturday", "xx", SAT_20_DEC, LEXICONS) == ()


@given(st.text(max_size=120), st.sampled_from(["en", "fr", "tr", "ar", "fa", "ru", "es", "de", "el"]),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_never_crashes_and_spans_match(text: str, language: str, day: date) -> None:
    for found in find_dates(text, language, DateValue.of_day(day, "header"), LEXICONS):
        assert text[found.span.start:found.span.end] == found.text
        assert found.value.evidence == found.text and found.value.rule


def test_a_date_pattern_does_not_depend_on_the_process_string_hashing():
    # Words of one length in a set would come out in another order in each process, and the
    # pattern's text keys the kept compiled patterns.
    import os
    import subprocess
    import sys

    probe = ("from newstrace.stages.events.dates import _compile;"
             "from newstrace.knowledge.lexicon import load_lexicons;"
             "p = _compile(load_lexicons().get('fr'));"
             "print([x.pattern for x in p.absolute], p.weekday.pattern)")
    patterns = {
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed),
                            "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}).stdout
        for seed in (1, 2, 3)
    }
    assert len(patterns) == 1 and "mars" in patterns.pop()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "agreed to a ceasefire on Saturday, 10 May, after talks"),
    ("en", "agreed on 10 May (Saturday) to a ceasefire"),
    ("de", "haben sich am Samstag, den 10. Mai, auf eine Waffenruhe geeinigt"),
    ("es", "acordaron un alto el fuego el sábado 10 de mayo"),
    ("fr", "ont conclu une trêve le samedi 10 mai"),
    ("bn", "শনিবার (১০ মে) যুদ্ধবিরতিতে সম্মত হয়েছে"),
])
def test_weekday_beside_a_date_without_year_names_its_year(language: str, text: str) -> None:
    """On a page with no date, 'Saturday, 10 May' is the latest 10 May that was a Saturday; the
    weekday is part of that one expression, not read again on its own."""
    found = only(text, language, UNKNOWN)
    day = found.value.day
    assert day is not None and (day.month, day.day, day.weekday()) == (5, 10, 5), found
    assert day <= date.today() and not any(
        date(year, 5, 10).weekday() == 5 and date(year, 5, 10) <= date.today() for year in range(day.year + 1, date.today().year + 1))


def test_date_without_year_and_no_weekday_stays_unknown_on_an_undated_page() -> None:
    found = only("agreed to a ceasefire on 10 May after talks", "en", UNKNOWN)
    assert not found.value.known


def test_weekday_that_no_recent_year_fits_gives_no_year() -> None:
    """29 February falls on one weekday again only after 28 years: no recent year fits a wrong one."""
    from newstrace.stages.events.calendars import year_of_weekday

    assert year_of_weekday(2, 29, 3, date(2026, 12, 1)) == 2024  # a Thursday
    assert year_of_weekday(5, 10, 5, date(2026, 12, 1)) == 2025
    assert year_of_weekday(2, 30, 0, date(2026, 12, 1)) is None


def test_a_year_is_not_read_as_the_day_after_a_month() -> None:
    """'March 20' is no day inside 'March 2026', nor does a weekday before it make one."""
    found = only("stormed the market on Tuesday, 3 March 2026, killing", "en", UNKNOWN)
    assert found.value.day == date(2026, 3, 3)


def _latest(month: int, day: int, weekday: int) -> date:
    from newstrace.stages.events.calendars import year_of_weekday

    return date(year_of_weekday(month, day, weekday, date.today()), month, day)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On Wednesday the army struck nine sites. The strikes came before dawn on 7 May, two weeks "
           "after the attack of 22 April, which was carried out on a Tuesday."),
    ("es", "Este miércoles el ejército atacó nueve objetivos. La ofensiva comenzó antes del amanecer "
           "del 7 de mayo, dos semanas después del atentado del martes 22 de abril."),
    ("fr", "Mercredi, l'armée a frappé neuf sites. Les frappes ont eu lieu à l'aube du 7 mai, deux "
           "semaines après l'attentat du 22 avril, survenu un mardi."),
    ("de", "Am Mittwoch griff die Armee neun Ziele an. Die Angriffe begannen in der Nacht zum 7. Mai, "
           "zwei Wochen nach dem Anschlag vom 22. April, der an einem Dienstag verübt wurde."),
    ("ar", "شن الجيش يوم الأربعاء ضربات على تسعة مواقع. وقعت الضربات فجر السابع من مايو، بعد أسبوعين "
           "من هجوم الثاني والعشرين من أبريل الذي نفذ يوم الثلاثاء."),
])
def test_an_undated_pages_dates_and_weekdays_that_agree_on_a_year_date_it(language: str, text: str) -> None:
    """No date line, no year: 'Wednesday' and '7 May', 'Tuesday' and '22 April' agree on the latest
    year in which both pairs fell so, and the page's dates are read from that 7 May."""
    wednesday = _latest(5, 7, 2)
    found = find_dates(text, language, UNKNOWN, LEXICONS)
    days = {x.value.day for x in found if x.value.known}
    assert {wednesday, wednesday.replace(month=4, day=22)} <= days, found
    assert wednesday in {x.value.day for x in found if x.kind == "weekday"}, found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On Tuesday the army said it had struck the camps on 16 July."),
    ("fr", "Mardi, l'armée a dit avoir frappé les camps le 16 juillet."),
])
def test_one_weekday_and_one_yearless_date_alone_give_no_year(language: str, text: str) -> None:
    """The weekday may be another day of the story than the date: one pair is no evidence of a year."""
    assert not any(x.value.known for x in find_dates(text, language, UNKNOWN, LEXICONS))


@pytest.mark.parametrize(("text", "day"), [
    ("وقعت الضربات فجر السابع من مايو", date(2025, 5, 7)),
    ("وقع الاتفاق في الحادي والثلاثين من يوليو", date(2025, 7, 31)),
    ("بدأت المحادثات في العشرين من نوفمبر 2024", date(2024, 11, 20)),
])
def test_arabic_days_of_the_month_written_as_ordinal_words(text: str, day: date) -> None:
    assert only(text, "ar", SAT_20_DEC).value.day == day
