"""An institution known by its building, named in a place phrase, says where an act happened, not
who took part: "talks at the Kremlin" were held in Moscow, between the two leaders. Named as a
speaker it takes part ("the Kremlin said")."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

KREMLIN, ELYSEE, WHITE_HOUSE = "Q83188", "Q193584", "Q35525"


@pytest.mark.parametrize(("text", "seat", "city"), [
    (" date 2026-03-02 Abkommen\n\nAm Montag haben Präsident Erdoğan und Präsident Alijew im Weißen Haus in "
     "Washington ein Abkommen unterzeichnet.", WHITE_HOUSE, "gn:4140963"),
    (" date 2026-03-02 Talks\n\nPutin held talks with Lukashenko at the Kremlin on Monday.", KREMLIN, "gn:524901"),
    (" date 2026-03-02 Переговоры\n\nВ Кремле в понедельник состоялись переговоры Владимира Путина и Александра "
     "Лукашенко.", KREMLIN, "gn:524901"),
    (" date 2026-03-04 Visite\n\nEmmanuel Macron a reçu mercredi à l'Élysée le chancelier Friedrich Merz.",
     ELYSEE, "gn:2988507"),
])
def test_an_institution_in_a_place_phrase_is_where_not_who(text, seat, city):
    act = next(e for e in events_of(text) if e.type in ("CONSULT", "AGREE"))
    assert seat not in {p.entity_id for p in act.participants}, act
    assert act.place_id == city


def test_an_institution_that_speaks_takes_part():
    said = next(e for e in events_of(" date 2026-03-02 Talks\n\nThe Kremlin said on Monday that Putin would "
                                     "meet Lukashenko.") if e.type == "STATEMENT")
    assert {p.entity_id: p.role for p in said.participants} == {KREMLIN: "source"}
