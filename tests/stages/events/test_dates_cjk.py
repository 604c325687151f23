"""Dates of Chinese, Japanese, Korean and Thai text: unit-word dates, Buddhist-era years, weekdays glued to words."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue
from newstrace.stages.events.dates import find_dates

LEXICONS = load_lexicons()
SUN_18_MAY = DateValue.of_day(date(2025, 5, 18), "header")  # a Sunday


def days(text: str, language: str, published: DateValue = SUN_18_MAY) -> list[tuple[str, date | None]]:
    return [(x.text, x.value.start) for x in find_dates(text, language, published, LEXICONS)]


@pytest.mark.parametrize(("language", "text", "evidence", "expected"), [
    ("zh", "外长于2025年5月15日在北京会见了来访的客人", "2025年5月15日", date(2025, 5, 15)),
    ("zh", "双方5月15日在北京签署协议", "5月15日", date(2025, 5, 15)),
    ("zh", "新华社北京5月17日电", "5月17日", date(2025, 5, 17)),
    ("ja", "首相は2025年5月15日、東京で会談した", "2025年5月15日", date(2025, 5, 15)),
    ("ja", "外相は15日、会談した", "15日", date(2025, 5, 15)),
    ("ko", "장관은 2025년 5월 15일 서울에서 회담했다", "2025년 5월 15일", date(2025, 5, 15)),
    ("ko", "대통령은 17일 서울에서 말했다", "17일", date(2025, 5, 17)),
    ("th", "ลงนามเมื่อวันที่ 15 พฤษภาคม 2568 ที่กรุงเทพฯ", "วันที่ 15 พฤษภาคม 2568", date(2025, 5, 15)),
    ("th", "ลงนามเมื่อ 15 พฤษภาคม พ.ศ. 2568", "15 พฤษภาคม พ.ศ. 2568", date(2025, 5, 15)),
    ("th", "ประชุมเมื่อ 15 พ.ค. 2568", "15 พ.ค. 2568", date(2025, 5, 15)),
])
def test_unit_word_and_era_dates(language, text, evidence, expected):
    assert (evidence, expected) in days(text, language)


def test_a_day_alone_after_publication_day_is_in_the_month_before():
    assert ("25日", date(2025, 4, 25)) in days("首相は25日、会談した", "ja")


@pytest.mark.parametrize(("language", "text", "evidence"), [
    ("zh", "王毅星期六在北京会见阿拉格齐", "星期六"),
    ("zh", "王毅周六在北京会见阿拉格齐", "周六"),
    ("ja", "岸田氏は土曜日、東京で会談した", "土曜日"),
    ("ko", "두 장관은 토요일 서울에서 만났다", "토요일"),
    ("ko", "두 장관은 토요일에 서울에서 만났다", "토요일에"),
    ("th", "ทั้งสองพบกันที่กรุงเทพฯ เมื่อวันเสาร์", "วันเสาร์"),
])
def test_weekdays_glued_to_their_neighbours(language, text, evidence):
    assert (evidence, date(2025, 5, 17)) in days(text, language)


def test_a_buddhist_era_year_without_the_era_offset_is_no_year():
    # An English text has no era: "2568" is no year there.
    assert not [d for d in days("signed on 15 May 2568", "en") if d[1] and d[1].year > 2100]
