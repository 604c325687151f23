"""Where the verb ends the clause, what a speech verb reports stands before it: the content's "next
week" or "will" is what was said, not the speech act's tense or day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.events.analysed import main_event

SAID = [
    "Iran\n\nYayınlanma: 3 Haziran 2025\n\nİran Dışişleri Bakanı Abbas Arakçi pazartesi günü Washington ile "
    "görüşmelerin gelecek hafta yeniden başlayacağını söyledi.",
    "イラン\n\n2025年6月3日\n\nイランのアラグチ外相は月曜日、米国との協議が来週再開されると述べた。",
    "이란\n\n2025년 6월 3일\n\n이란의 아락치 외무장관은 월요일 미국과의 협상이 다음 주에 재개될 것이라고 말했다.",
    "ईरान\n\n3 जून 2025\n\nईरान के विदेश मंत्री अब्बास अराघची ने सोमवार को कहा कि वाशिंगटन के साथ बातचीत "
    "अगले सप्ताह फिर शुरू होगी।",
]


@pytest.mark.parametrize("text", SAID)
def test_a_speech_verb_after_future_content_is_said_and_dated_by_its_own_day(text):
    event = main_event(text)
    assert event is not None and event.type == "STATEMENT"
    assert event.date.start == date(2025, 6, 2)  # the Monday before the Tuesday it was published
