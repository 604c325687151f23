"""The Italian, Portuguese, Dutch, Polish and Ukrainian lexicons on sentences written for these tests:
triggers in their inflected forms, weekday dates, publication lines and boilerplate."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue
from newstrace.stages.article.clean import clean_text, compile_rules
from newstrace.stages.events.dates import find_dates
from newstrace.stages.events.eventlex import event_lexicon
from newstrace.stages.article.meta import compile_calendar, read_dateline
from newstrace.stages.events.triggers import find_triggers, refine_mode, status_of

LEXICONS = load_lexicons()
LANGUAGES = ("it", "pt", "nl", "pl", "uk")
MON_16_MAR = DateValue.of_day(date(2026, 3, 16), "header")  # a Monday


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lexicon_has_every_section_and_a_trigger_for_every_mode(language) -> None:
    lexicon = LEXICONS.get(language)
    assert lexicon is not None
    for section in ("boilerplate", "calendar", "temporal", "roles", "demonyms", "triggers", "topics",
                    "attribution", "figures"):
        assert lexicon.section(section), section
    english = {label for label in LEXICONS.get("en").section("triggers")["verbs"]}
    assert english <= set(lexicon.section("triggers")["verbs"])


@pytest.mark.parametrize(("language", "sentence", "kind", "mode"), [
    ("it", "La premier ha ricevuto sabato il presidente ucraino a Palazzo Chigi.", "CONSULT", "meeting"),
    ("it", "Il ministro ha avuto martedì un colloquio telefonico con il suo omologo.", "CONSULT", "phone_call"),
    ("it", "Le forze russe hanno colpito nella notte un deposito di carburante.", "ASSAULT", "attack"),
    ("it", "Migliaia di studenti sono scesi in piazza contro la riforma.", "PROTEST", "demonstration"),
    ("it", "L'accordo è stato firmato giovedì dai due ministri.", "AGREE", "agreement"),
    ("pt", "O presidente reuniu-se com o primeiro-ministro no palácio.", "CONSULT", "meeting"),
    # The reflexive verb alone, its "com" phrase further on after a day and a place.
    ("pt", "A ministra se reuniu na terça-feira em Brasília com o embaixador.", "CONSULT", "meeting"),
    ("pt", "O chanceler encontrou-se ontem em Lisboa com a delegação.", "CONSULT", "meeting"),
    ("pt", "Os dois líderes falaram por telefone na segunda-feira.", "CONSULT", "phone_call"),
    ("pt", "A aviação bombardeou uma base militar no domingo.", "ASSAULT", "airstrike"),
    ("pt", "Os ministros assinaram um memorando de entendimento.", "AGREE", "agreement"),
    ("nl", "De minister heeft dinsdag telefonisch gesproken met zijn collega.", "CONSULT", "phone_call"),
    ("nl", "Beide landen hebben woensdag een verdrag ondertekend.", "AGREE", "agreement"),
    ("nl", "Honderden boeren hebben in Den Haag gedemonstreerd.", "PROTEST", "demonstration"),
    ("nl", "Het leger heeft een dorp aangevallen.", "ASSAULT", "attack"),
    ("pl", "Pani premier spotkała się w piątek z ministrem.", "CONSULT", "meeting"),
    ("pl", "Prezydenci rozmawiali telefonicznie o sytuacji na froncie.", "CONSULT", "phone_call"),
    ("pl", "Armia zaatakowała w nocy pozycje przeciwnika.", "ASSAULT", "attack"),
    ("pl", "Umowa została podpisana w czwartek w Wilnie.", "AGREE", "agreement"),
    ("pl", "Pielęgniarki protestowały przed gmachem ministerstwa.", "PROTEST", "demonstration"),
    ("pl", "Rada przyjęła nowy pakiet sankcji wobec reżimu.", "SANCTION", "sanctions"),
    ("uk", "Міністерка зустрілася з делегацією у Брюсселі.", "CONSULT", "meeting"),
    ("uk", "Президенти провели телефонну розмову у вівторок.", "CONSULT", "phone_call"),
    ("uk", "Ворог завдав удару по енергетичній інфраструктурі.", "ASSAULT", "attack"),
    ("uk", "Угоду було підписано в середу.", "AGREE", "agreement"),
    ("uk", "Мешканці вийшли на акцію протесту біля міськради.", "PROTEST", "demonstration"),
    # A Hungarian verb's prefix after it, a Serbian feminine plural, a Swahili class-8 subject.
    ("hu", "A katonák hajnalban támadták meg a falut.", "ASSAULT", "attack"),
    ("hu", "A két miniszter csütörtökön együttműködési megállapodást írt alá.", "AGREE", "agreement"),
    ("sr", "Jedinice su u zoru napale selo.", "ASSAULT", "attack"),
    ("sw", "Vikundi vilishambulia kijiji alfajiri.", "ASSAULT", "attack"),
])
def test_triggers_in_their_inflected_forms(language, sentence, kind, mode) -> None:
    lex = event_lexicon(LEXICONS.get(language)).triggers
    hits = [h for h in find_triggers(sentence, 0, lex) if not h.noun]
    assert hits, sentence
    hit = hits[0]
    assert (hit.type, refine_mode(hit, sentence, lex)) == (kind, mode)
    assert status_of(sentence[:hit.span.start], lex) == "asserted"


@pytest.mark.parametrize(("language", "sentence", "status"), [
    ("it", "Il premier non ha incontrato il ministro.", "negated"),
    ("pt", "O ministro não visitou a cidade.", "negated"),
    ("nl", "Mogelijk heeft de premier de president ontmoet.", "hypothetical"),
    ("pl", "Premier nie spotkał się z prezydentem.", "negated"),
    ("uk", "Президент не зустрівся з прем'єром.", "negated"),
])
def test_negated_and_hypothetical_triggers(language, sentence, status) -> None:
    lex = event_lexicon(LEXICONS.get(language)).triggers
    hit = [h for h in find_triggers(sentence, 0, lex) if not h.noun][-1]
    assert status_of(sentence[:hit.span.start], lex) == status


@pytest.mark.parametrize(("language", "text", "day"), [
    ("it", "si sono incontrati sabato a Roma", date(2026, 3, 14)),
    ("it", "la scorsa domenica", date(2026, 3, 15)),
    ("pt", "reuniram-se no sábado em Lisboa", date(2026, 3, 14)),
    ("pt", "na sexta-feira passada", date(2026, 3, 13)),
    ("pt", "falaram na quinta (12) por telefone", date(2026, 3, 12)),
    ("nl", "hebben zaterdag gedemonstreerd", date(2026, 3, 14)),
    ("nl", "afgelopen vrijdagavond", date(2026, 3, 13)),
    ("pl", "spotkali się w sobotę w Warszawie", date(2026, 3, 14)),
    ("pl", "w ubiegły piątek", date(2026, 3, 13)),
    ("uk", "у суботу в Києві", date(2026, 3, 14)),
    ("uk", "в ніч на неділю", date(2026, 3, 15)),
])
def test_weekdays_resolve_to_the_last_one_before_publication(language, text, day) -> None:
    found = [x for x in find_dates(text, language, MON_16_MAR, LEXICONS) if x.kind in ("weekday", "absolute")]
    assert found and found[0].value.day == day, found


@pytest.mark.parametrize(("language", "text", "day"), [
    ("it", "il 12 marzo 2026", date(2026, 3, 12)),
    ("pt", "em 12 de março de 2026", date(2026, 3, 12)),
    ("nl", "op 12 maart 2026", date(2026, 3, 12)),
    ("pl", "12 marca 2026 r.", date(2026, 3, 12)),
    ("uk", "12 березня 2026 року", date(2026, 3, 12)),
])
def test_written_dates(language, text, day) -> None:
    (found,) = [x for x in find_dates(text, language, MON_16_MAR, LEXICONS) if x.kind == "absolute"]
    assert found.value.day == day


def test_a_portuguese_ordinal_is_no_weekday() -> None:
    assert not [x for x in find_dates("a segunda fase do acordo", "pt", MON_16_MAR, LEXICONS) if x.kind == "weekday"]


@pytest.mark.parametrize(("language", "line", "day"), [
    ("it", "Pubblicato il 15/03/2026 alle 09:12", date(2026, 3, 15)),
    ("it", "Aggiornato il 18 marzo 2026 ore 11:05", date(2026, 3, 18)),
    ("pt", "Atualizado em 19/04/2026 às 14h20", date(2026, 4, 19)),
    ("pt", "Publicado em 8 de maio de 2026 às 09:30", date(2026, 5, 8)),
    ("nl", "Gepubliceerd op 15 maart 2026 om 09:12", date(2026, 3, 15)),
    ("nl", "Bijgewerkt: 18-03-2026, 11:05", date(2026, 3, 18)),
    ("pl", "Aktualizacja: 18 marca 2026 r., godz. 11:05", date(2026, 3, 18)),
    ("pl", "Opublikowano: 15.03.2026, 10:04", date(2026, 3, 15)),
    ("uk", "Опубліковано 18.03.2026 11:05", date(2026, 3, 18)),
    ("uk", "15 березня 2026 р., 10:04", date(2026, 3, 15)),
])
def test_publication_lines_are_whole_datelines(language, line, day) -> None:
    found = read_dateline(line, compile_calendar(LEXICONS), language)
    assert found is not None and found.whole_line and found.value.day == day


@pytest.mark.parametrize(("language", "lines"), [
    ("it", ["Leggi anche", "Mondiali, la nazionale vola ai quarti"]),
    ("pt", ["Leia também", "Inflação recua pelo terceiro mês"]),
    ("nl", ["Lees ook", "Files op de snelweg na ongeluk"]),
    ("pl", ["Czytaj także", "Pogoda na weekend: wraca zima"]),
    ("uk", ["Читайте також", "Погода на вихідні: повертаються морози"]),
])
def test_related_links_go(language, lines) -> None:
    body = {
        "it": "Il ministro ha incontrato ieri a Roma il suo omologo per discutere della crisi.",
        "pt": "O ministro reuniu-se ontem em Lisboa com o seu homólogo para discutir a crise.",
        "nl": "De minister heeft gisteren in Den Haag zijn ambtgenoot ontvangen voor overleg.",
        "pl": "Minister spotkał się wczoraj w Warszawie ze swoim odpowiednikiem w sprawie kryzysu.",
        "uk": "Міністр учора зустрівся у Києві зі своїм колегою, щоб обговорити кризу.",
    }[language]
    cleaned = clean_text("\n\n".join([body, *lines]), compile_rules(LEXICONS)).splitlines()
    assert body in cleaned and not set(lines) & set(cleaned)
