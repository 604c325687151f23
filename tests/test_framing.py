"""Framing across outlets: loaded terms found in text we wrote, counted per outlet and language."""

from __future__ import annotations

from dataclasses import replace

from newstrace.framing import article_terms, compile_framing, default_matcher, framing_of, outlet_of
from newstrace.knowledge.framing import parse_framing
from tests.factories import article

LEXICON = parse_framing({
    "ignore": {"fr": ["s'occupe*"]},
    "facets": {
        "armed_group": {"label": "armed groups", "about": "actors", "groups": {
            "armed_group_as_terrorist": {"label": "terrorist", "terms": {
                "en": ["terrorist organisation*", "terrorist*"], "ar": ["منظمة إرهابية"], "zh": ["恐怖组织"]}},
            "armed_group_as_resistance": {"label": "resistance", "terms": {
                "en": ["resistance movement*"], "ar": ["حركة المقاومة", "المقاوم*"], "tr": ["direniş*"]}},
        }},
        "territory": {"label": "the territory", "about": "place", "groups": {
            "territory_as_occupied": {"label": "occupied", "terms": {"fr": ["occupation", "occupe"], "tr": ["işgal*"]}},
        }},
    },
})
MATCHER = compile_framing(LEXICON)


def counts(text: str, language: str) -> dict[str, int]:
    found = article_terms(article(text, language=language), MATCHER)
    return {t.term: t.count for t in found}


def test_inflected_words_match_a_starred_term_and_the_longest_term_wins():
    text = "The terrorist organisations met. Two terrorists were seen; a terror plot was not."
    assert counts(text, "en") == {"terrorist organisation*": 1, "terrorist*": 1}


def test_an_unstarred_word_must_end_there():
    assert counts("L'armée occupe la colline, les occupants restent et l'occupation dure.", "fr") == {
        "occupe": 1, "occupation": 1}


def test_case_and_accents_are_folded_before_matching():
    assert counts("Le village est OCCUPÉ.", "fr") == {"occupe": 1}


def test_an_ignored_look_alike_is_not_counted():
    assert counts("Elle s'occupe des blessés.", "fr") == {}


def test_arabic_clitics_and_the_article_do_not_hide_a_term():
    text = "وقالت الحكومة إن منظمة إرهابية تقف وراء الهجوم، فيما أشادت والمقاومة بالعملية ونددت بحركة المقاومة."
    assert counts(text, "ar") == {"منظمة إرهابية": 1, "المقاوم*": 1, "حركة المقاومة": 1}


def test_a_han_term_is_found_inside_running_text():
    assert counts("外交部称该恐怖组织对袭击负责。", "zh") == {"恐怖组织": 1}


def test_turkish_capitals_fold_like_their_small_letters():
    assert counts("İŞGAL altındaki bölgede DİRENİŞ sürüyor.", "tr") == {"işgal*": 1, "direniş*": 1}


def test_only_the_terms_of_the_article_language_count():
    assert counts("The resistance movement spoke.", "fr") == {}
    assert counts("The resistance movement spoke.", "en") == {"resistance movement*": 1}


def test_each_use_keeps_the_passage_it_stands_in():
    found = article_terms(article("First line.\n\nOfficials called them terrorists on Monday.", language="en"), MATCHER)
    assert found[0].examples == ("First line. Officials called them terrorists on Monday.",)


def test_outlets_that_name_one_group_differently_are_told_apart():
    en = article("Officials called the group a terrorist organisation.", name="en.txt", outlet="Wire One")
    en2 = article("A second report: terrorists again.", name="en2.txt", outlet="Wire One")
    tr = article("Bölgede direniş sürüyor; işgal devam ediyor.", name="tr.txt", language="tr", outlet="Haber İki")
    quiet = article("Nothing loaded here.", name="q.txt", outlet="Quiet Post")
    framing = framing_of([en, en2, tr, quiet], MATCHER)
    assert [o.source for o in framing.outlets] == ["Haber İki", "Quiet Post", "Wire One"]
    wire = framing.outlets[2]
    assert wire.article_ids == tuple(sorted((en.id, en2.id)))
    assert {(t.term, t.count) for t in wire.terms} == {("terrorist organisation*", 1), ("terrorist*", 1)}
    assert framing.outlets[1].terms == ()
    assert set(framing.differs) == {"armed_group_as_terrorist", "armed_group_as_resistance", "territory_as_occupied"}
    assert framing.divided == ("armed_group",)
    assert [lang.source for lang in framing.languages] == ["en", "tr"]


def test_outlets_that_agree_are_not_divided():
    one = article("terrorists", name="1.txt", outlet="A")
    two = article("terrorist organisation", name="2.txt", outlet="B")
    framing = framing_of([one, two], MATCHER)
    assert framing.divided == () and framing.differs == ()


def test_an_article_without_outlet_is_counted_under_its_host_or_file():
    base = article("x", name="a.txt")
    assert outlet_of(replace(base, url="https://www.example.org/a")) == "example.org"
    assert outlet_of(base) == "a.txt"
    assert outlet_of(replace(base, outlet=" Daily ")) == "Daily"


def test_the_package_vocabulary_finds_the_contrast_it_was_written_for():
    matcher = default_matcher()
    militants = article("Militants fired rockets; three militants were killed.", name="a.txt", outlet="A")
    martyrs = article("استشهد ثلاثة من المقاومين في الغارة.", name="b.txt", language="ar", outlet="B")
    framing = framing_of([militants, martyrs], matcher)
    groups = {o.source: o.groups() for o in framing.outlets}
    assert {"armed_group_as_militant", "death_as_killing"} <= groups["A"]
    assert {"armed_group_as_resistance", "death_as_martyrdom"} <= groups["B"]
    assert {"armed_group", "death"} <= set(framing.divided)
