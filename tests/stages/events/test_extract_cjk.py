"""Events from Chinese, Japanese, Korean and Thai sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.model import DateValue
from newstrace.stages.events.extract import extract_events
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.triggers import find_triggers
from newstrace.stages.events.eventlex import event_lexicon
from factories import article

CTX = Context(use_spacy=False)
SUN = DateValue.of_day(date(2025, 5, 18), "header")


def main_event(text: str, language: str):
    a = article(text, language=language, published=SUN)
    events = [e for e in extract_events(a, link_article(a, CTX), CTX) if e.status == "asserted"]
    assert events, text
    return events[0]


@pytest.mark.parametrize(("language", "text", "kind", "mode", "place", "who"), [
    ("zh", "中国外交部长王毅星期六在北京会见伊朗外交部长阿拉格齐。", "CONSULT", "meeting", "gn:1816670",
     {"Q708868", "Q4663736"}),
    ("zh", "国家主席习近平周六同俄罗斯总统普京通电话。", "CONSULT", "phone_call", None, {"Q15031", "Q7747"}),
    ("ja", "岸田文雄前首相は土曜日、東京でトルコのフィダン外相と会談した。", "CONSULT", "meeting", "gn:1850147",
     {"Q1070464", "Q1574006"}),
    ("ko", "왕이 중국 외교부장은 토요일 서울에서 하칸 피단 튀르키예 외무장관과 회담했다.", "CONSULT", "meeting", "gn:1835848",
     {"Q708868", "Q1574006"}),
    ("th", "นายหวัง อี้ พบหารือกับนายฮาคาน ฟิดาน ที่กรุงเทพฯ เมื่อวันเสาร์", "CONSULT", "meeting", "gn:1609350",
     {"Q708868", "Q1574006"}),
])
def test_meetings_and_calls(language, text, kind, mode, place, who):
    event = main_event(text, language)
    assert (event.type, event.mode, event.place_id) == (kind, mode, place)
    assert {p.entity_id for p in event.participants} == who
    assert event.date.start == date(2025, 5, 17)


def test_chinese_place_before_the_verb_beats_the_subject_matter_after_it():
    event = main_event("数千名民众周六在巴黎举行集会，抗议以色列在加沙地带的军事行动。", "zh")
    assert event.type == "PROTEST" and event.place_id == "gn:2988507"
    assert {p.entity_id for p in event.participants} == {"iso:IL"}


def test_japanese_subject_matter_before_a_postposition_takes_no_part():
    event = main_event("岸田氏は土曜日、東京でフィダン外相と会談し、ウクライナ問題について意見を交わした。", "ja")
    assert "iso:UA" not in {p.entity_id for p in event.participants}


def test_japanese_attribution_does_not_swallow_the_sentence_before_it():
    event = main_event("ロシア軍は日曜日、ウクライナの首都キーウを攻撃した。市当局によると、5人が死亡した。", "ja")
    assert event.type == "ASSAULT" and "iso:RU" in {p.entity_id for p in event.participants}


def test_a_chinese_trigger_must_be_a_whole_word():
    lex = event_lexicon(CTX.lexicons.get("zh")).triggers
    text = "他在会上说明了情况"  # 说明 (explain) holds 说 (say) but is another word
    assert [h.text for h in find_triggers(text, 0, lex)] == ["说"]
    assert find_triggers(text, 0, lex, CTX.cuts("zh", text)) == ()
