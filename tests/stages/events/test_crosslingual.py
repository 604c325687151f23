"""The cross-lingual fallback: example data, the nearest-example classifier under the real
sentence encoder, and events from articles no trigger lexicon reads."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.model import Mention, Span
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.crosslingual import (
    NONE, Example, SentenceClass, build_index, fallback_hits, load_examples,
)
from newstrace.stages.events.eventlex import ontology
from newstrace.stages.events.extract import extract_events
from newstrace.text.sentences import Sentence
from tests.factories import raw

CTX = Context(use_spacy=False)


def test_every_example_file_labels_known_types_and_modes_in_many_languages():
    examples = load_examples(known_types=ontology().types)
    languages = {e.language for e in examples}
    assert len(languages) >= 15 and len(examples) >= 500
    for e in examples:
        if e.type != NONE:
            info = ontology().types[e.type]
            assert (e.mode in info.modes) if info.modes else e.mode is None, e
    for language in languages:
        covered = {e.type for e in examples if e.language == language}
        assert covered == set(ontology().types) | {NONE}, language


def test_a_file_naming_an_unknown_type_is_refused(tmp_path):
    (tmp_path / "xx.yaml").write_text("language: xx\nexamples:\n  PARTY/dance: [They danced.]\n", "utf-8")
    from newstrace.errors import KnowledgeError

    with pytest.raises(KnowledgeError, match="PARTY"):
        load_examples(tmp_path, known_types=ontology().types)


def test_sentences_of_a_language_left_out_are_typed_by_the_others():
    index = CTX.example_index.without("en")
    sentences = [
        "The Kenyan president held talks with the Ethiopian prime minister in Addis Ababa.",
        "Fighter jets bombed an ammunition depot near the port overnight.",
        "Riot police detained forty students after the rally.",
        "Stir the onions gently until they turn golden, then add the garlic.",
    ]
    found = index.classify(CTX.encoder(sentences))
    assert found[0] is not None and found[0].type == "CONSULT"
    assert found[1] is not None and (found[1].type, found[1].mode) == ("ASSAULT", "airstrike")
    assert found[2] is not None and found[2].type == "COERCE"
    assert found[3] is None  # no example of any event is close: no event


def test_the_threshold_and_the_none_examples_make_the_classifier_abstain():
    vectors = np.eye(4, dtype=np.float32)
    examples = (Example("CONSULT", "meeting", "en", "a"), Example("CONSULT", "meeting", "fr", "b"),
                Example(NONE, None, "en", "c"), Example("ASSAULT", "attack", "en", "d"))
    index = build_index(examples, lambda texts: vectors[[ord(t) - ord("a") for t in texts]])
    near_meeting = np.array([[0.9, 0.8, 0.1, 0.0]])
    near_none = np.array([[0.1, 0.0, 0.95, 0.2]])
    between = np.array([[1.0, 0.0, 0.0, 1.0]])  # as near a meeting as an attack: cosine 0.71 to each
    assert index.classify(near_meeting, k=3)[0].type == "CONSULT"
    assert index.classify(near_none, k=3) == [None]
    assert index.classify(between, k=3, threshold=0.8) == [None]
    assert index.classify(between, k=2, threshold=0.5, margin=0.6) == [None]  # a split vote says nothing
    assert index.classify(between, k=2, threshold=0.5, margin=0.4)[0] is not None


def test_a_hit_stands_after_the_doer_or_after_the_last_actor_of_a_verb_final_sentence():
    text = "Alpha met Beta in Gamma."
    sentence = Sentence(0, len(text), text, 1)
    actors = [Mention("a", Span(0, 5), "Alpha", "person", "Q1", 0.9, "kb"),
              Mention("a", Span(10, 14), "Beta", "person", "Q2", 0.9, "kb")]
    meeting = lambda texts: [SentenceClass("CONSULT", "meeting", 0.8, 1.0)] * len(texts)  # noqa: E731
    hit = fallback_hits([sentence], actors, meeting)[0]
    assert (hit.type, hit.mode, hit.span, hit.similarity) == ("CONSULT", "meeting", Span(5, 5), 0.8)
    assert fallback_hits([sentence], actors, meeting, verb_final=True)[0].span == Span(14, 14)
    # A title kept apart from the text gives its class to the first lede sentence that has none.
    only_title = lambda texts: [None] * (len(texts) - 1) + [SentenceClass("AGREE", "agreement", 0.7, 1.0)]  # noqa: E731
    assert fallback_hits([sentence], actors, only_title, title="Alpha and Beta sign a deal")[0].type == "AGREE"
    assert fallback_hits([sentence], [], meeting) == {}  # no actor: no event to hang on the sentence


def _events(text: str):
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    return article, extract_events(article, link_article(article, CTX), CTX)


def test_an_article_in_a_language_without_a_lexicon_gets_a_typed_dated_event_with_linked_participants():
    article, events = _events(
        "Sánchez i Macron es reuneixen a París\n\nPublicat el 12 de març de 2026\n\n"
        "PARÍS, 12 de març. El president del Govern espanyol, Pedro Sánchez, s'ha reunit aquest dijous a París "
        "amb el president francès, Emmanuel Macron, per parlar de la interconnexió elèctrica.\n\n"
        "Les dues delegacions tornaran a veure's a l'estiu.")
    assert CTX.lexicons.get(article.language) is None  # Catalan has no lexicon
    main = next(e for e in events if e.main)
    assert (main.type, main.extractor) == ("CONSULT", "encoder")
    # The two heads who meet, and their states beside them (stages/events/states.py).
    assert {p.entity_id for p in main.participants} == {"Q6212", "Q3052772", "iso:ES", "iso:FR"}
    assert main.date.start == date(2026, 3, 12)
    assert main.place_id == "gn:2988507"
    assert main.confidence <= 0.7 and main.trigger == ""  # weaker than a verb trigger's 0.95


def test_a_lexicon_language_whose_lede_has_no_trigger_falls_back_and_one_with_triggers_does_not():
    _, events = _events(
        "Libano, una notte di tensione al confine\n\nPubblicato il 10/03/2026\n\n"
        "BEIRUT, 10 marzo – Caccia israeliani hanno bersagliato lunedì le postazioni di Hezbollah nel sud del Libano.")
    assert events and all(e.extractor == "encoder" for e in events)
    main = next(e for e in events if e.main)
    assert (main.type, main.mode, main.date.start) == ("ASSAULT", "airstrike", date(2026, 3, 9))
    assert "Q41053" in {p.entity_id for p in main.participants}
    _, events = _events(
        "Meloni incontra Macron\n\nPubblicato il 10/03/2026\n\n"
        "ROMA, 10 marzo – Giorgia Meloni ha incontrato lunedì a Roma Emmanuel Macron.")
    assert events and all(e.extractor == "lexicon" for e in events)
