"""Metadata from a page's first lines: datelines in many languages, bylines and titles."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue
from newstrace.stages.article.clean import compile_rules
from newstrace.stages.article.meta import (
    choose_published,
    clean_title,
    compile_calendar,
    head_title,
    read_byline,
    read_dateline,
    read_lede_dateline,
    title_shaped,
)


@pytest.fixture(scope="module")
def calendar():
    return compile_calendar(load_lexicons())


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_lexicons())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Samedi 24 Janvier 2026", "2026-01-24"),
        ("20 décembre 2025", "2025-12-20"),
        ("Publié le 1er mars 2026 à 10h30", "2026-03-01"),
        ("24.01.2026 22:04", "2026-01-24"),
        ("الأربعاء 05 نوفمبر 2025", "2025-11-05"),
        ("الأربعاء ٠٥ نوفمبر ٢٠٢٥", "2025-11-05"),
        ("5 تشرين الثاني 2025", "2025-11-05"),
        ("5 تشرين الثاني/نوفمبر 2025", "2025-11-05"),
        ("12 أيار 2025", "2025-05-12"),
        ("12 Mart 2026 Perşembe", "2026-03-12"),
        ("14 марта 2026, 12:45", "2026-03-14"),
        ("2026-01-24", "2026-01-24"),
        ("January 24, 2026", "2026-01-24"),
        ("Published 24th of January 2026 at 10:15 GMT", "2026-01-24"),
        ("24 de enero de 2026", "2026-01-24"),
        ("24. Januar 2026", "2026-01-24"),
        ("۱۴ مارس ۲۰۲۶", "2026-03-14"),
        ("۲۴ ژانویه ۲۰۲۶", "2026-01-24"),
        ("Παρασκευή 23 Ιανουαρίου 2026", "2026-01-23"),
        ("شنبه ۴ بهمن ۱۴۰۴", "2026-01-24"),
        ("22 بهمن 1357", "1979-02-11"),
        ("السبت 5 شعبان 1447 هـ - 24 يناير 2026 م", "2026-01-24"),
        ("Last modified on Sat 24 Jan 2026 10.15 GMT", "2026-01-24"),
        ("Mis à jour le 21 décembre 2025 à 08:00", "2025-12-21"),
        ("Közzétéve: 2026. március 4., szerda 15:42", "2026-03-04"),
        ("2026. március 4-én", "2026-03-04"),
        ("Publikováno: úterý 17. února 2026, 16:45", "2026-02-17"),
        ("Објављено: четвртак, 22. јануар 2026. у 17:35", "2026-01-22"),
        ("Publicat: marți, 17 februarie 2026, 18:20", "2026-02-17"),
        ("Publicerad 17 februari 2026 kl. 16.05", "2026-02-17"),
        ("Selasa, 17 Februari 2026 16:20 WIB", "2026-02-17"),
        # a slash or hyphen between day, month name and year
        ("الخميس 12/مارس/2026 - 08:05 م", "2026-03-12"),
        ("Thursday 12-Mar-2026 20:05", "2026-03-12"),
        ("jueves 12/mar/2026 20:05", "2026-03-12"),
    ],
)
def test_datelines_in_many_languages(calendar, line, expected):
    found = read_dateline(line, calendar)
    assert found is not None and found.whole_line
    assert found.value.precision == "day"
    assert found.value.start == date.fromisoformat(expected)
    assert found.value.source == "text" and found.value.evidence == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bruxelles, le 24 février 2026 – L'Union européenne a adopté mardi un nouveau paquet de sanctions.",
         "2026-02-24"),
        ("RIYAD, 3 février 2026 – Le président a été reçu mardi par le prince héritier.", "2026-02-03"),
        ("ANKARA, Jan. 24, 2026 (AP) — Turkey's foreign minister met his Iranian counterpart on Saturday.",
         "2026-01-24"),
    ],
)
def test_lede_datelines(calendar, line, expected):
    found = read_lede_dateline(line, calendar)
    assert found is not None and not found.whole_line
    assert found.value.start == date.fromisoformat(expected)
    assert found.value.evidence and line.startswith(found.value.evidence)


@pytest.mark.parametrize(
    "line",
    [
        "Le 15 janvier 2026, le chef de l'État américain a dévoilé un nouveau conseil.",
        "Les négociations entamées depuis le début de la guerre, le 7 octobre 2023 – selon les médiateurs – piétinent.",
    ],
)
def test_not_lede_datelines(calendar, line):
    assert read_lede_dateline(line, calendar) is None


def test_month_only_dateline(calendar):
    found = read_dateline("Janvier 2026", calendar)
    assert found is not None and found.value.precision == "month"
    assert found.value.label() == "2026-01"


def test_slash_order_follows_the_language(calendar):
    assert read_dateline("03/04/2026", calendar, "fr").value.start == date(2026, 4, 3)
    assert read_dateline("03/04/2026", calendar, "en").value.start == date(2026, 3, 4)


@pytest.mark.parametrize(
    "line",
    [
        "La trêve s'applique depuis le 10 octobre 2025, d'après les médiateurs régionaux sur place.",
        "Gaza, en cours depuis le 7 octobre",
        "La réunion a eu lieu vendredi.",
        "31 février 2026",
        "",
    ],
)
def test_not_datelines(calendar, line):
    found = read_dateline(line, calendar)
    assert found is None or not found.whole_line


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Par Johanna Martin", "Johanna Martin"),
        ("ParJohanna Martin", "Johanna Martin"),
        ("By John Smith", "John Smith"),
        ("By JOHN SMITH", "JOHN SMITH"),
        ("Von Anna Schmidt", "Anna Schmidt"),
        ("Por Lucía Fernández", "Lucía Fernández"),
        ("Yazan: Mehmet Yılmaz", "Mehmet Yılmaz"),
        ("بقلم أحمد حسن", "أحمد حسن"),
        ("By Sarah Mitchell, Diplomatic correspondent", "Sarah Mitchell"),
        ("Par Jean de La Fontaine | 12 mars 2026", "Jean de La Fontaine"),
    ],
)
def test_bylines(rules, calendar, line, name):
    assert read_byline(line, rules.byline_markers, calendar, rules.name_particles) == name


@pytest.mark.parametrize(
    "line",
    ["Paris, le 12 mars", "By Friday, the talks had stalled.", "By Friday", "Parlement européen",
     "Por qué la tregua no avanza", "Pardon the delay"],
)
def test_not_bylines(rules, calendar, line):
    assert read_byline(line, rules.byline_markers, calendar, rules.name_particles) is None


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        ("Ankara Spy Chief Holds Talks With Hamas Officials | News", None,
         "Ankara Spy Chief Holds Talks With Hamas Officials"),
        ("Actualités vidéo |  La Turquie reçoit une délégation !  Une visite attendue", None,
         "La Turquie reçoit une délégation !  Une visite attendue"),
        ("Talks resume in Cairo - The Daily Planet", "dailyplanet.com", "Talks resume in Cairo"),
        ("Talks resume in Cairo - a long road ahead", "dailyplanet.com", "Talks resume in Cairo - a long road ahead"),
        ("   ", None, None),
    ],
)
def test_clean_title(title, outlet, expected):
    assert clean_title(title, outlet) == expected


def test_a_lede_is_not_a_title():
    lede = ("Le chef du renseignement a rencontré vendredi des responsables du mouvement dans la capitale "
            "pour discuter des derniers développements des négociations.")
    assert not title_shaped(lede)
    assert head_title([lede, "Deuxième paragraphe."], set()) is None


def test_head_title_skips_labels_and_reserved_lines():
    lines = ["Sécurité", "20 décembre 2025", "Un titre de plusieurs mots ici", "Le corps de l'article."]
    assert head_title(lines, {1}) == (2, "Un titre de plusieurs mots ici")


def test_header_or_meta_date_wins_only_when_as_precise():
    header = DateValue.of_month(2025, 6, "header")
    day = DateValue.of_day(date(2025, 6, 13), "text")
    assert choose_published(header, day) == day
    meta = DateValue.of_day(date(2025, 6, 12), "meta")
    assert choose_published(meta, day) == meta
    assert choose_published(DateValue.unknown(), None) == DateValue.unknown()


def test_a_month_name_two_languages_read_differently_is_read_by_the_article_language(calendar):
    # "listopada" is October in Croatian, November in Polish.
    line = "Objavljeno: utorak, 6. listopada 2026. u 09:40"
    assert read_dateline(line, calendar, "hr").value.start == date(2026, 10, 6)
    assert read_dateline("Opublikowano: 6 listopada 2026, 09:40", calendar, "pl").value.start == date(2026, 11, 6)
