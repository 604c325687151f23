"""Linking in scripts without spaces and with glued particles: names end on the segmenter's cuts."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.model import DateValue
from newstrace.stages.entities.linking import link_article
from factories import article

CTX = Context(use_spacy=False)
DAY = DateValue.of_day(date(2025, 5, 18), "meta")


def linked(text: str, language: str) -> dict[str, str | None]:
    return {m.text: m.entity_id for m in link_article(article(text, language=language, published=DAY), CTX)}


@pytest.mark.parametrize(("text", "language", "surface", "expected"), [
    ("王毅周六在北京会见伊朗外长阿拉格齐。", "zh", "王毅", "Q708868"),
    ("王毅周六在北京会见伊朗外长阿拉格齐。", "zh", "阿拉格齐", "Q4663736"),
    ("王毅周六在北京会见伊朗外长阿拉格齐。", "zh", "北京", "gn:1816670"),
    ("岸田首相は東京でフィダン外相と会談した。", "ja", "フィダン", "Q1574006"),
    ("岸田首相は東京でフィダン外相と会談した。", "ja", "東京", "gn:1850147"),
    ("푸틴은 서울에서 라브로프와 만났다.", "ko", "푸틴", "Q7747"),
    ("푸틴은 서울에서 라브로프와 만났다.", "ko", "서울", "gn:1835848"),
    ("러시아군이 키이우를 공격했다.", "ko", "러시아", "iso:RU"),
    ("นายหวัง อี้ พบกับนายฮาคาน ฟิดาน ที่กรุงเทพฯ", "th", "กรุงเทพฯ", "gn:1609350"),
    ("นายหวัง อี้ พบกับนายฮาคาน ฟิดาน ที่กรุงเทพฯ", "th", "ฮาคาน ฟิดาน", "Q1574006"),
])
def test_names_inside_unspaced_text(text, language, surface, expected):
    assert linked(text, language).get(surface) == expected


def test_a_name_inside_a_longer_word_is_no_match():
    # 贝鲁 (Bayrou) is the head of 贝鲁特 (Beirut): jieba keeps 贝鲁特 one word.
    found = linked("以军周六空袭贝鲁特南郊。", "zh")
    assert found.get("贝鲁特") == "gn:276781" and "贝鲁" not in found


def test_a_role_glued_to_its_country_and_holder():
    # "伊朗外长阿拉格齐": the title and its country only describe the name that follows.
    mentions = link_article(article("伊朗外长阿拉格齐周六抵达北京。", language="zh", published=DAY), CTX)
    assert [(m.text, m.entity_id) for m in mentions if m.kind != "place"] == [("阿拉格齐", "Q4663736")]
