"""The place of an event told by an ending on the place's name, in sentences written for these tests:
each names a second place in another case, so the ending decides."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.model import DateValue
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from factories import article

CTX = Context(use_spacy=False)
SUN = DateValue.of_day(date(2025, 5, 18), "header")


@pytest.mark.parametrize(("language", "text", "place"), [
    # Ankara'da (in), not Moskova'dan (from).
    ("tr", "Dışişleri Bakanı Hakan Fidan cumartesi günü Moskova'dan dönüşünde Ankara'da İranlı mevkidaşı "
           "Abbas Arakçi ile görüştü.", "gn:323786"),
    # Budapesten (in), not Moszkvából (from): both read as a stem and its ending.
    ("hu", "Szijjártó Péter külügyminiszter szombaton Moszkvából hazatérve Budapesten tárgyalt Hakan Fidan "
           "török külügyminiszterrel.", "gn:3054643"),
    # w Warszawie: the locative ending lets the name be read, the preposition makes it the place.
    ("pl", "Minister Radosław Sikorski po powrocie z Kijowa spotkał się w sobotę w Warszawie z szefem "
           "dyplomacji Turcji Hakanem Fidanem.", "gn:756135"),
    # दिल्ली में (in Delhi), not मुंबई से (from Mumbai).
    ("hi", "विदेश मंत्री एस जयशंकर ने शनिवार को मुंबई से लौटकर दिल्ली में ईरान के विदेश मंत्री अब्बास अराघची से "
           "मुलाकात की।", "gn:1273294"),
    # ঢাকায় (in Dhaka), not দিল্লির (of Delhi).
    ("bn", "পররাষ্ট্রমন্ত্রী শনিবার দিল্লির সফর শেষে ঢাকায় ভারতের পররাষ্ট্রমন্ত্রী এস জয়শঙ্করের সঙ্গে বৈঠক করেন।",
     "gn:1185241"),
    # 東京で (in Tokyo), not ガザでの (the ceasefire in Gaza, an attribute).
    ("ja", "岸田文雄前首相は土曜日、ガザでの停戦について東京でトルコのフィダン外相と会談した。", "gn:1850147"),
    # 서울에서 (in Seoul), not 도쿄에서의 (of the meeting in Tokyo).
    ("ko", "왕이 중국 외교부장은 토요일 도쿄에서의 회의를 마치고 서울에서 하칸 피단 튀르키예 외무장관과 회담했다.",
     "gn:1835848"),
])
def test_the_ending_on_a_name_tells_where_the_meeting_was(language, text, place) -> None:
    a = article(text, language=language, published=SUN)
    events = [e for e in extract_events(a, link_article(a, CTX), CTX) if e.status == "asserted"]
    assert events, text
    assert events[0].type == "CONSULT"
    assert events[0].place_id == place
    assert events[0].date.start == date(2025, 5, 17)
