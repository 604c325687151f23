"""Recognition outside the knowledge base: spaCy NER per paragraph, capitalised sequences."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.stages.entities.recognise import capitalised_mentions, ner_mentions, paragraph_spans
from tests.factories import article


def test_paragraph_spans_locate_each_paragraph():
    item = article("First one.\n\nSecond one here.")
    spans = list(paragraph_spans(item))
    assert [item.text[s.start:s.end] for s in spans] == ["First one.", "Second one here."]


def test_capitalised_sequences():
    found = capitalised_mentions("Yesterday the envoy Arvid Lindqvist met Marta Oyelaran-Brooks in town.")
    assert [f.text for f in found] == ["Arvid Lindqvist", "Marta Oyelaran-Brooks"]
    assert all(f.rule == "caps" for f in found)


def test_capitalised_sequences_skip_sentence_openers_and_lone_words():
    found = capitalised_mentions("The Council met. Yesterday nothing happened. Nobody came.")
    assert [f.text for f in found] == []
    assert [f.text for f in capitalised_mentions("Встреча прошла. Глава делегации Арвид Линдквист прибыл.")] \
        == ["Арвид Линдквист"]


@pytest.fixture(scope="module")
def english():
    nlp = Context().nlp("en")
    if nlp is None:
        pytest.skip("no English spaCy pipeline installed")
    return nlp


def test_ner_never_crosses_a_blank_line(english):
    text = "Talks were held with Arvid Lindqvist\n\nMarta Oyelaran said the Northwind Council would meet."
    item = article(text)
    found = ner_mentions(item, english)
    assert found
    for mention in found:
        assert "\n\n" not in item.text[mention.span.start:mention.span.end]
        assert item.text[mention.span.start:mention.span.end] == mention.text
