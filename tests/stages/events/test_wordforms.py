"""Trigger words in forms the lexicon does not list, found through the language's word list."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.stages.events.eventlex import event_lexicon
from newstrace.stages.events.triggers import find_triggers

CTX = Context(use_spacy=False)


def triggers(language: str, text: str) -> list[tuple[str, str | None, str]]:
    lex = event_lexicon(CTX.lexicons.get(language)).triggers
    return [(h.type, h.mode, h.text) for h in find_triggers(text, 0, lex)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("es", "Los dos presidentes conversan en privado en la residencia.", ("CONSULT", "talks", "conversan")),
    ("it", "I due leader si incontrarono a Roma.", ("CONSULT", "meeting", "incontrarono")),
    ("pt", "Os dois chanceleres negociam desde segunda-feira.", ("CONSULT", "talks", "negociam")),
    ("ru", "Президенты встречаются в Кремле.", ("CONSULT", "meeting", "встречаются")),
    ("uk", "Президенти зустрічаються у Києві.", ("CONSULT", "meeting", "зустрічаються")),
    ("tr", "Ateşkesin ilk günü sakin geçti.", ("AGREE", "ceasefire", "Ateşkesin")),
])
def test_other_forms_of_a_listed_word_are_triggers(language: str, text: str, expected: tuple) -> None:
    assert triggers(language, text) == [expected]


def test_an_infinitive_under_another_verb_is_no_act() -> None:
    """'para exigir': the lemma of a verb is its infinitive, which reports no act of its own."""
    assert triggers("es", "Miles de estudiantes volvieron a la plaza para exigir elecciones.") == []


def test_where_the_lexicon_finds_a_word_other_forms_are_not_read() -> None:
    """The listed 'afirmó' says what the sentence reports; 'conversan' adds nothing to it."""
    assert triggers("es", "El portavoz afirmó que los ministros conversan a diario.") == [
        ("STATEMENT", "statement", "afirmó")]


def test_lemmas_of_other_senses_are_not_inflected() -> None:
    """'griff' is listed for 'griff an'; 'greifen' (the measures take effect) is no attack."""
    assert triggers("de", "Die neuen Maßnahmen greifen erst im Sommer.") == []


def test_a_language_that_asks_for_no_forms_gets_none() -> None:
    lex = event_lexicon(CTX.lexicons.get("en")).triggers
    assert not lex.forms


def test_word_forms_read_the_paradigm_backwards() -> None:
    from newstrace.knowledge.wordforms import word_forms

    paradigm = word_forms("es", ["exigió"], with_lemma=False)["exigió"]
    assert paradigm.lemma == "exigir"
    assert "exigieron" in paradigm.forms and "exige" in paradigm.forms and "exigir" not in paradigm.forms
    assert "exigir" in word_forms("es", ["exigió"])["exigió"].forms
    assert word_forms("xx", ["exigió"]) == {}


def test_a_form_of_both_a_listed_verb_and_a_listed_noun_is_the_noun() -> None:
    """'Angriffen' is a plural of 'Angriff' and a form of 'angreifen': as the noun, after 'nach
    den', it is an earlier attack the clause refers to, not an act of the sentence."""
    lex = event_lexicon(CTX.lexicons.get("de")).triggers
    hits = find_triggers("Die Regierung hatte die Hilfe nach den Angriffen auf den Hafen eingestellt.", 0, lex)
    assert [(h.type, h.text, h.nominal, h.listed) for h in hits] == [("ASSAULT", "Angriffen", True, False)]


def test_a_verb_form_is_not_read_as_the_noun_the_word_list_files_under_that_verb() -> None:
    """'telefonata' is filed under 'telefonare': 'telefonano' is that verb, not a form of the noun."""
    lex = event_lexicon(CTX.lexicons.get("it")).triggers
    assert "telefonano" not in lex.forms  # no single-word verb of a call is listed: the noun gives no verb forms
    assert lex.forms.get("incontrarono") == ("CONSULT/meeting", False)


def test_word_list_forms_weigh_less_than_the_lexicon_s_words() -> None:
    from tests.stages.events.analysed import events_of

    def confidence(verb: str) -> float:
        text = f"Incontro\n\nGiorgia Meloni e Emmanuel Macron {verb} a Roma lunedì 4 maggio 2026."
        return next(e.confidence for e in events_of(text) if e.type == "CONSULT")

    assert confidence("si incontrarono") == pytest.approx(confidence("si incontrano") - 0.1)
