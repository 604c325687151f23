"""Events from articles in Czech, Hungarian, Romanian, Serbo-Croatian (both scripts), Swedish and
Indonesian/Malay: each reads only its lexicon's data (served codes included)."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.stages.article.record import make_article
from newstrace.stages.events.extract import extract_events
from newstrace.stages.entities.linking import link_article
from tests.factories import raw

CTX = Context(use_spacy=False)


def main_event(text: str):
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    found = [e for e in extract_events(article, link_article(article, CTX), CTX) if e.status == "asserted"]
    assert found, f"no event in {article.language} text"
    return article, next((e for e in found if e.main), found[0])


CASES = [
    # lexicon, text, (type, mode), event day, place id, participant ids
    ("hu", "Lavrov Budapestre érkezett\n\nKözzétéve: 2026. február 5., csütörtök 12:00\n\n"
           "BUDAPEST – Szergej Lavrov orosz külügyminiszter csütörtökön Budapesten tárgyalt Szijjártó Péterrel.",
     ("CONSULT", "meeting"), "2026-02-05", "gn:3054643", {"Q40012", "Q1052797"}),
    ("hu", "Telefonbeszélgetés\n\nFrissítve: 2026. július 15., szerda 08:30\n\n"
           "Volodimir Zelenszkij kedden telefonon beszélt Emmanuel Macronnal a fegyverszállításokról.",
     ("CONSULT", "phone_call"), "2026-07-14", None, {"Q3874799", "Q3052772"}),
    ("cs", "Fico odmítl sankce\n\nPublikováno: pátek 20. března 2026, 14:10\n\n"
           "BRATISLAVA – Slovenský premiér Robert Fico v pátek v Bratislavě odmítl návrh Evropské komise.",
     ("REJECT", "rejection"), "2026-03-20", "gn:3060972", {"Q312967", "Q8880"}),
    ("cs", "Schůzka v Moskvě\n\nPublikováno: úterý 3. března 2026, 18:00\n\n"
           "Ruský prezident Vladimir Putin se v úterý v Moskvě setkal s Alexandrem Lukašenkem.",
     ("CONSULT", "meeting"), "2026-03-03", "gn:524901", {"Q7747", "Q34901", "iso:RU", "iso:BY"}),
    ("sr", "Састанак у Београду\n\nОбјављено: понедељак, 2. март 2026. у 10:15\n\n"
           "Председник Србије Александар Вучић састао се у понедељак у Београду са Виктором Орбаном.",
     ("CONSULT", "meeting"), "2026-03-02", "gn:792680", {"Q57384", "Q57641", "iso:RS", "iso:HU"}),
    ("sr", "Napad na Harkov\n\nObjavljeno: nedelja, 10. maj 2026. u 09:00\n\n"
           "Rusija je u subotu napala Harkov dronovima, saopštile su ukrajinske vlasti.",
     ("ASSAULT", "airstrike"), "2026-05-09", "gn:706483", {"iso:RU"}),
    ("sr", "Plenković i Meloni\n\nObjavljeno: srijeda, 4. ožujka 2026. u 16:40\n\n"
           "ZAGREB, 4. ožujka (Hina) – Talijanska premijerka Giorgia Meloni u srijedu je u Zagrebu potpisala sporazum "
           "o suradnji u energetici s hrvatskom vladom.",
     ("AGREE", "agreement"), "2026-03-04", "gn:3186886", {"Q3290028"}),
    ("ro", "Sandu l-a primit pe Zelenski\n\nPublicat: luni, 9 martie 2026, 12:45\n\n"
           "CHIȘINĂU, 9 mar (Agerpres) - Președintele Maia Sandu l-a primit luni la Chișinău pe Volodimir Zelenski.",
     ("CONSULT", "meeting"), "2026-03-09", "gn:618426", {"Q21067493", "Q3874799", "iso:MD", "iso:UA"}),
    ("sv", "Protest i Göteborg\n\nPublicerad 14 mars 2026 kl. 19.00\n\n"
           "GÖTEBORG (TT) Hundratals personer demonstrerade på lördagen i Göteborg mot Ryssland.",
     ("PROTEST", "demonstration"), "2026-03-14", "gn:2711537", {"iso:RU"}),
    # A Swedish TT dateline: the place in capitals, the agencies in brackets, no dash; AFP is no actor.
    ("sv", "Möte i Paris\n\nUppdaterad 2 mars 2026 kl. 21.10\n\n"
           "PARIS (TT-AFP) Frankrikes president Emmanuel Macron träffade på måndagen statsminister Ulf Kristersson i Paris.",
     ("CONSULT", "meeting"), "2026-03-02", "gn:2988507", {"Q3052772", "Q1340985", "iso:FR", "iso:SE"}),
    ("id", "Prabowo kecam serangan\n\nRabu, 11 Maret 2026 10:00 WIB\n\n"
           "Jakarta (ANTARA) - Presiden Prabowo Subianto mengecam serangan Israel terhadap Lebanon pada Selasa (10/3/2026).",
     ("ACCUSE", "condemnation"), "2026-03-10", "gn:1642911", {"Q1150474", "iso:IL", "iso:LB"}),
    ("id", "Anwar terima kunjungan Erdogan\n\nIsnin, 16 Mac 2026 15:20\n\n"
           "PUTRAJAYA: Perdana Menteri Anwar Ibrahim bertemu dengan Presiden Turkiye Recep Tayyip Erdogan di Putrajaya "
           "pada Isnin untuk membincangkan kerjasama perdagangan dan pertahanan kedua-dua negara.",
     ("CONSULT", "meeting"), "2026-03-16", "gn:6697380", {"Q312931", "Q39723", "iso:MY", "iso:TR"}),
]


@pytest.mark.parametrize("lexicon, text, kind, day, place, participants", CASES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)])
def test_main_event_of_an_article(lexicon, text, kind, day, place, participants) -> None:
    article, event = main_event(text)
    # Identification may say hr, bs or ms: the lexicon that serves the code is the one read.
    assert CTX.lexicons.get(article.language).language == lexicon
    assert (event.type, event.mode) == kind
    assert event.date.day == date.fromisoformat(day)
    assert event.place_id == place
    assert {p.entity_id for p in event.participants} == participants


def test_served_codes_read_their_lexicon() -> None:
    # Croatian and Bosnian read the Serbian lexicon; Malay reads the Indonesian one.
    for code, lexicon in (("hr", "sr"), ("bs", "sr"), ("ms", "id")):
        assert CTX.lexicons.get(code).language == lexicon


def test_cyrillic_and_latin_serbian_give_the_same_event() -> None:
    latin = ("Objavljeno: utorak, 7. april 2026. u 11:00\n\n"
             "Ruski predsednik Vladimir Putin razgovarao je telefonom u ponedeljak sa Si Đinpingom.")
    cyrillic = ("Објављено: уторак, 7. април 2026. у 11:00\n\n"
                "Руски председник Владимир Путин разговарао је телефоном у понедељак са Си Ђинпингом.")
    found = [main_event(text)[1] for text in (latin, cyrillic)]
    for event in found:
        assert (event.type, event.mode) == ("CONSULT", "phone_call")
        assert event.date.day == date(2026, 4, 6)
        assert {p.entity_id for p in event.participants} == {"Q7747", "Q15031"}


@pytest.mark.parametrize("text, kind, place, participants", [
    ("Selasa, 7 April 2026 10:00 WIB\n\nJakarta (ANTARA) - Presiden Prabowo Subianto diterima oleh Presiden China "
     "Xi Jinping di Beijing pada Senin (6/4/2026).", ("CONSULT", "meeting"), "gn:1816670", {"Q1150474", "Q15031", "iso:ID", "iso:CN"}),
    ("Publicerad 7 april 2026 kl. 10.00\n\nStatsminister Ulf Kristersson togs emot av Frankrikes president "
     "Emmanuel Macron i Paris på måndagen.", ("CONSULT", "meeting"), "gn:2988507", {"Q1340985", "Q3052772", "iso:SE", "iso:FR"}),
    # The given name takes the case ending too: "Vladimira" is Putin's, not the city of Vladimir.
    ("Objavljeno: utorak, 7. april 2026. u 10:00\n\nPredsednik Srbije Aleksandar Vučić primljen je u ponedeljak "
     "u Moskvi od strane Vladimira Putina.", ("CONSULT", "meeting"), "gn:524901", {"Q57384", "Q7747", "iso:RS", "iso:RU"}),
], ids=["id", "sv", "sr"])
def test_passive_reports(text, kind, place, participants) -> None:
    _, event = main_event(text)
    assert (event.type, event.mode) == kind
    assert event.date.day == date(2026, 4, 6)
    assert event.place_id == place
    assert {p.entity_id for p in event.participants} == participants


def test_an_acronym_with_a_hungarian_ending_is_linked_but_a_german_compound_is_not() -> None:
    hungarian = ("Közzétéve: 2026. április 8., szerda 10:00\n\n"
                 "Szijjártó Péter kedden az ENSZ-nek címzett levelében elítélte a támadást.")
    german = "Der Nato-Generalsekretär sprach am Dienstag in Brüssel."
    linked = {m.entity_id for m in link_article(main_event(hungarian)[0], CTX)}
    assert "Q1065" in linked
    document = raw(german, name="b.txt")
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    assert "Q7184" not in {m.entity_id for m in link_article(article, CTX)}


def test_hebrew_plural_demonyms_stand_for_their_state():
    from tests.stages.events.analysed import main_event

    event = main_event("תקיפה\n\n2 ביוני 2025\n\nכוחות רוסיים תקפו הלילה את העיר חרקוב ברחפנים.")
    assert event is not None and event.type == "ASSAULT"
    assert [p.entity_id for p in event.participants if p.role == "source"] == ["iso:RU"]
