"""Sentence and clause splitting: offsets stay true to the text, in every script."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.text.sentences import sentence_at, split_clauses, split_sentences


def test_latin_sentences_and_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones on Jan. 5 in Ankara. They talked for an hour! Was it useful? Yes."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Smith met Dr. Jones on Jan. 5 in Ankara.", "They talked for an hour!", "Was it useful?", "Yes.",
    ]


def test_paragraphs_a_page_glued_together_are_still_cut() -> None:
    # Pages that drop the paragraph break leave "...the capital.The next day...": still two sentences.
    assert [s.text for s in split_sentences("Die Gespräche endeten in Kairo.Am nächsten Tag reiste er ab.")] == [
        "Die Gespräche endeten in Kairo.", "Am nächsten Tag reiste er ab."]
    assert [s.text for s in split_sentences("Переговоры завершились в Каире.Наутро он улетел.")] == [
        "Переговоры завершились в Каире.", "Наутро он улетел."]
    # Web addresses, initialisms and short words keep their stops.
    for text in ("Read more at www.example.Com today.", "The U.S.Army said so.", "Sie sagte es.Dann nicht."):
        assert len(split_sentences(text)) == 1, text


def test_arabic_question_mark_and_comma() -> None:
    text = "هل التقى الوزير نظيره؟ نعم، التقى به في إسطنبول."
    parts = [s.text for s in split_sentences(text)]
    assert parts == ["هل التقى الوزير نظيره؟", "نعم، التقى به في إسطنبول."]


def test_quotes_keep_their_sentences_together() -> None:
    text = "Il a déclaré : « Il faut agir. Maintenant. » Puis il est parti. “Enough. Now.” She left."
    parts = [s.text for s in split_sentences(text)]
    assert parts[0] == "Il a déclaré : « Il faut agir. Maintenant. » Puis il est parti."
    assert parts[1] == "“Enough. Now.” She left."


def test_paragraphs_are_numbered_and_lines_cut() -> None:
    text = "Title line\nSecond line of it\n\nBody sentence one. Body two."
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert sentence_at(sentences, text.index("Body two")) == sentences[-1]


def test_clauses() -> None:
    sentence = split_sentences("Kalin, the intelligence chief, met Hamas leaders; they discussed a truce.")[0]
    clauses = [c.text for c in split_clauses(sentence)]
    assert clauses == ["Kalin", "the intelligence chief", "met Hamas leaders", "they discussed a truce."]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n«»“”؟،,;:É")), max_size=200))
def test_offsets_always_match_the_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
        for clause in split_clauses(sentence):
            assert text[clause.start:clause.end] == clause.text


def test_danda_and_urdu_full_stop_end_sentences() -> None:
    hindi = split_sentences("मोदी ने कहा। बैठक खत्म हुई।")
    assert [s.text for s in hindi] == ["मोदी ने कहा।", "बैठक खत्म हुई।"]
    urdu = split_sentences("وزیراعظم نے کہا۔ اجلاس ختم ہوا۔")
    assert len(urdu) == 2
