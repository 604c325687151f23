"""The main event: the lede's first act unless the title points elsewhere; analysis pieces have none."""

from __future__ import annotations

from newstrace.context import Context
from newstrace.model import DateValue
from newstrace.stages.events.eventlex import event_lexicon
from newstrace.stages.events.mainevent import Candidate, choose_main

CTX = Context(use_spacy=False)
NAMES = {"lavrov": ("Lavrov", "Sergueï Lavrov"), "araghchi": ("Araghchi",), "iran": ("Iran", "Téhéran"),
         "un": ("ONU", "UN"), "moscow": ("Moscou", "Moscow")}


def lex(language: str):
    return event_lexicon(CTX.lexicons.get(language)).triggers


def candidate(type_: str, paragraph: int, *ids: str, nominal: bool = False, status: str = "asserted") -> Candidate:
    return Candidate(type_, status, False, paragraph, frozenset(ids), DateValue.unknown(), nominal=nominal)


def names_of(entity_id: str) -> tuple[str, ...]:
    return NAMES.get(entity_id, ())


def test_a_noun_the_title_names_does_not_outweigh_the_act_the_lede_reports():
    meeting = candidate("CONSULT", 1, "lavrov", "araghchi", "moscow")
    sanctions = candidate("SANCTION", 2, "un", "iran", nominal=True)
    title = "Lavrov and Araghchi close ranks as the UN restores sanctions on Iran"
    assert choose_main((meeting, sanctions), title, lex("en"), names_of) == 0


def test_the_title_breaks_a_tie_between_two_acts_of_the_lede():
    met = candidate("CONSULT", 1, "lavrov", "araghchi")
    signed = candidate("AGREE", 1, "lavrov", "araghchi")
    title = "Lavrov et Araghchi signent un accord à Moscou"
    assert choose_main((met, signed), title, lex("fr"), names_of) == 1


def test_the_first_act_of_the_lede_leads_when_the_title_speaks_of_none():
    statement = candidate("STATEMENT", 1, "lavrov")
    meeting = candidate("CONSULT", 2, "lavrov", "araghchi")
    assert choose_main((statement, meeting), "Winter in the Caucasus", lex("en"), names_of) == 0


def test_an_analysis_piece_opening_on_a_bare_noun_has_no_main_event():
    recalled = candidate("ASSAULT", 0, "iran", nominal=True)
    said = candidate("STATEMENT", 4, "lavrov")
    assert choose_main((recalled, said), "La diplomatie turque à l'épreuve de la trêve", lex("fr"), names_of) is None
    # Under a site's name kept as the title, the lede's opening noun still leads.
    assert choose_main((recalled, said), "Noticias de Ejemplo - Última Hora", lex("es"), names_of,
                       headline=False) == 0


def test_without_a_title_only_an_event_opening_the_article_leads():
    opening = candidate("CONSULT", 0, "lavrov", "araghchi", nominal=True)
    assert choose_main((opening,), None, lex("fa"), names_of) == 0
    later = candidate("CONSULT", 3, "lavrov", "araghchi")
    assert choose_main((later,), None, lex("fa"), names_of) is None


def test_negated_and_hypothetical_events_never_lead():
    refused = candidate("CONSULT", 0, "lavrov", "araghchi", status="negated")
    assert choose_main((refused,), "Lavrov refuse de rencontrer Araghchi", lex("fr"), names_of) is None


def sentence_candidate(type_: str, sentence: int, *ids: str) -> Candidate:
    return Candidate(type_, "asserted", False, 0, frozenset(ids), DateValue.unknown(), sentence=sentence)


def test_a_speech_act_carrying_an_act_of_another_kind_does_not_lead_it():
    # "The army said on Sunday that drones of the RSF struck the airport": the strike is the news.
    said = sentence_candidate("STATEMENT", 0, "army")
    struck = sentence_candidate("ASSAULT", 0, "rsf", "army")
    verbal = frozenset({"STATEMENT"})
    assert choose_main((said, struck), None, lex("en"), names_of, verbal) == 1
    # A statement alone in its sentence still leads an article that opens on it.
    later = sentence_candidate("ASSAULT", 120, "rsf", "army")
    assert choose_main((said, later), None, lex("en"), names_of, verbal) == 0
