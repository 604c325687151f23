"""Boilerplate removal: signals that need no language, lexicon patterns, and the body's safety."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.stages.article.clean import (
    clean_lines,
    clean_text,
    compile_rules,
    duplicate_lines,
    line_reason,
    outlet_line_keys,
)
from newstrace.text.lines import line_key

BODY = "The two delegations met for three hours and agreed to resume the talks next week."
BODY2 = "Officials on both sides described the meeting as constructive but gave few details."


@pytest.fixture(scope="module")
def rules():
    return compile_rules(load_lexicons())


def kept(text: str, rules, outlet_lines: frozenset[str] = frozenset()) -> list[str]:
    return clean_text(text, rules, outlet_lines).splitlines()


@pytest.mark.parametrize(
    "line",
    [
        "https://example.org/some/page",
        "www.example.org",
        "POUR RECEVOIR NOS INFORMATIONS EN DIRECT CLIQUEZ ICI http://example.org/x",
        "Follow our live coverage here: https://example.org/live",
        "2 minutes",
        "5 min read",
        "Nombre de lectures : 66 fois",
        "Views: 1,234",
        "Okunma Sayısı: 1.254",
        "Lesezeit: 3 Min.",
        "Photo by Jane Roe/AGENCY",
        "Illustration - A convoy near the border Photo by Jane Roe/AGENCY",
        "Désolé : votre navigateur ne prend pas en charge la synthèse vocale.",
        "Votre navigateur ne supporte pas l'élément audio.",
        "Inscription à la newsletter",
        "Nouveau commentaire :",
        "Share on Twitter",
        "Abonnez-vous à notre lettre d'information",
        "Haberin devamı",
        "HABERİN DEVAMI",
        "اقرأ أيضاً: قمة عربية طارئة",
        "Suscríbete a nuestro boletín",
        "Mehr zum Thema: Neue Gespräche in Genf",
        "Читайте также: новые переговоры",
        "بیشتر بخوانید: سفر وزیر به مسقط",
        "Updated 3 hours ago",
        "il y a 2 heures",
        "vor 5 Minuten",
        "2 saat önce",
        "   ",
        "\u00a0",
        "• • •",
    ],
)
def test_single_boilerplate_lines_are_marked(rules, line):
    assert line_reason(line, rules) is not None


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "The full report, published on Tuesday, is available at https://example.org/report.",
        "By Friday, the negotiators had agreed on a draft text after long nights of talks.",
        "A photo by a local journalist showed the convoy crossing the border at dawn on Monday.",
        "Haberin devamında bakan, görüşmelerin olumlu geçtiğini ve yeni turun planlandığını söyledi.",
        "Le bilan : 12 morts et des dizaines de blessés selon les autorités locales du district.",
        "Related to the talks, officials said the delegation would return to Cairo on Monday.",
    ],
)
def test_body_sentences_are_not_marked(rules, line):
    assert line_reason(line, rules) is None


def test_duplicate_caption_goes_entirely_duplicate_sentence_keeps_first():
    lines = ["Caption of the photo", "Caption of the photo", BODY, BODY2, BODY]
    assert duplicate_lines(lines) == {0, 1, 4}


def test_short_caption_shown_twice_in_a_row_goes_entirely():
    caption = "The minister arrives at the palace in Riyadh."
    assert duplicate_lines([BODY, caption, caption, BODY2]) == {1, 2}


def test_related_headlines_may_end_with_a_question_mark(rules):
    text = "\n".join([BODY, BODY2, "İlgili Haberler", "Emlak piyasasında son durum", "Okullar tatil mi?"])
    assert kept(text, rules) == [BODY, BODY2]


def test_short_sentences_after_a_read_also_label_stay(rules):
    text = "\n".join([BODY, "Read also", "Talks stall in Geneva", "Both sides met again.", "No date was set."])
    assert kept(text, rules) == [BODY, "Both sides met again.", "No date was set."]


def test_share_bar_goes(rules):
    assert line_reason("WhatsApp | X | Facebook", rules) == "navigation"
    assert line_reason("Haberi paylaş: WhatsApp | X", rules) is not None


def test_leading_labels_and_trailing_related_block(rules):
    text = "\n".join(
        ["Sécurité", "Connectez-vous", BODY, "A short subheading", BODY2, "Related posts",
         "First related headline | news", "Second related headline | news"]
    )
    assert kept(text, rules) == [BODY, "A short subheading", BODY2]


def test_read_also_inside_the_text_takes_its_headline_with_it(rules):
    text = "\n".join([BODY, "Lire aussi", "Un autre titre sur le même sujet", BODY2])
    assert kept(text, rules) == [BODY, BODY2]


def test_trailing_short_labels_go(rules):
    text = "\n".join([BODY, BODY2, "Tags", "Diplomacy"])
    assert kept(text, rules) == [BODY, BODY2]


def test_outlet_lines_are_removed(rules):
    footer = "Our newsroom works for you every single day of the week."
    text = "\n".join([BODY, footer, BODY2])
    assert kept(text, rules, frozenset({line_key(footer)})) == [BODY, BODY2]


def test_outlet_line_keys_needs_many_articles():
    footer = "Support independent journalism"
    texts = [f"{BODY} {n}\n{footer}" for n in range(10)] + [BODY2]
    keys = outlet_line_keys(texts)
    assert keys == frozenset({line_key(footer)})
    assert outlet_line_keys(texts[:3]) == frozenset()


def test_removed_positions_are_reported(rules):
    lines = ["Connectez-vous", BODY, "https://example.org", BODY2]
    cleaned = clean_lines(lines, rules)
    assert cleaned.kept == (1, 3)
    assert cleaned.removed == (0, 2)


WORDS = ["the", "minister", "said", "talks", "would", "resume", "in", "Geneva", "after", "weeks", "of",
         "delay", "and", "officials", "expect", "progress", "on", "aid", "corridors", "border"]
sentences = st.lists(st.sampled_from(WORDS), min_size=16, max_size=30).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
noise = st.sampled_from(
    ["Related posts", "Sécurité", "2 minutes", "https://example.org/x", "Share on Facebook", "Lire aussi",
     "Headline without a period", "", "   ", "Inscription à la newsletter", "Photo: AFP", "Tags"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(sentences, noise, st.text(max_size=60)), max_size=25))
def test_cleaning_is_idempotent(rules, parts):
    once = clean_text("\n".join(parts), rules)
    assert clean_text(once, rules) == once


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(sentences, noise), max_size=25))
def test_no_body_sentence_is_lost(rules, parts):
    result = clean_text("\n".join(parts), rules).splitlines()
    for part in parts:
        if part in WORDS or not part.endswith("."):
            continue
        assert part in result
