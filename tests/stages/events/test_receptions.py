"""A visitor welcomed on arrival: the host named in the passive ("X tarafından karşılandı") is the
visit's other side. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

FIDAN, SHAIBANI, FAISAL = "Q1574006", "Q131444250", "Q5427985"


@pytest.mark.parametrize(("text", "host"), [
    # The Turkish press drops the article of "eş-Şeybani" as often as it writes it.
    ("12.03.2026 10:00\n\nDışişleri Bakanı Hakan Fidan, çalışma ziyareti için Çarşamba günü Halep'e geldi. "
     "Fidan, kentte Suriye Dışişleri Bakanı Esad Hasan Şeybani tarafından karşılandı.", SHAIBANI),
    ("12.03.2026 10:00\n\nDışişleri Bakanı Hakan Fidan, resmi bir ziyaret için Salı günü Riyad'a gitti. "
     "Fidan, havalimanında Suudi Arabistan Dışişleri Bakanı Faysal bin Ferhan tarafından karşılandı.", FAISAL),
])
def test_the_host_who_welcomed_the_visitor_takes_part_in_the_visit(text, host):
    event = main_event(text)
    assert event is not None and event.mode == "visit"
    assert {p.entity_id for p in event.participants} == {FIDAN, host}
