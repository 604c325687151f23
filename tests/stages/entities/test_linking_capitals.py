"""Linking capitals written as descriptors ("the French capital", "столица Франции") to the capital city."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.stages.entities.capitals import capital_templates
from newstrace.stages.entities.linking import link_article
from tests.factories import article

PARIS, WARSAW, MOSCOW, KYIV, BERLIN = "gn:2988507", "gn:756135", "gn:524901", "gn:703448", "gn:2950159"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(use_spacy=False)


def mentions(ctx, text: str, language: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.entity_id) for m in link_article(article(text, language=language), ctx)]


@pytest.mark.parametrize(("language", "text", "descriptor", "city"), [
    ("en", "The ministers met on Tuesday in the French capital.", "French capital", PARIS),
    ("en", "Protesters marched through Poland's capital overnight.", "Poland's capital", WARSAW),
    ("fr", "Les négociateurs sont arrivés lundi dans la capitale ukrainienne.", "capitale ukrainienne", KYIV),
    ("fr", "Le sommet aura lieu dans la capitale de la France.", "capitale de la France", PARIS),
    ("es", "Los cancilleres se reunieron en la capital francesa.", "capital francesa", PARIS),
    ("de", "Die Gespräche fanden in der französischen Hauptstadt statt.", "französischen Hauptstadt", PARIS),
    ("de", "Die Delegation reiste am Montag in Polens Hauptstadt.", "Polens Hauptstadt", WARSAW),
    ("it", "Il vertice si è svolto nella capitale tedesca.", "capitale tedesca", BERLIN),
    ("pt", "O encontro decorreu na capital francesa.", "capital francesa", PARIS),
    ("nl", "De ministers kwamen woensdag bijeen in de Franse hoofdstad.", "Franse hoofdstad", PARIS),
    ("pl", "Rozmowy odbyły się w stolicy Polski.", "stolicy Polski", WARSAW),
    ("ru", "Переговоры прошли в столице Франции.", "столице Франции", PARIS),
    ("uk", "Делегація прибула до української столиці у вівторок.", "української столиці", KYIV),
    ("tr", "Bakanlar Fransa'nın başkentinde bir araya geldi.", "Fransa'nın başkentinde", PARIS),
    ("ar", "اجتمع الوزراء في العاصمة الفرنسية يوم الأربعاء.", "العاصمة الفرنسية", PARIS),
    ("fa", "وزیران در پایتخت فرانسه دیدار کردند.", "پایتخت فرانسه", PARIS),
    ("he", "השרים נפגשו בבירת צרפת.", "בבירת צרפת", PARIS),
    ("el", "Οι υπουργοί συναντήθηκαν στη ρωσική πρωτεύουσα.", "ρωσική πρωτεύουσα", MOSCOW),
    ("cs", "Jednání proběhlo v hlavním městě Francie.", "hlavním městě Francie", PARIS),
    ("ro", "Miniștrii s-au întâlnit în capitala Franței.", "capitala Franței", PARIS),
    ("sv", "Ministrarna möttes i Frankrikes huvudstad.", "Frankrikes huvudstad", PARIS),
    ("hu", "A miniszterek a francia fővárosban találkoztak.", "francia fővárosban", PARIS),
    ("id", "Para menteri bertemu di ibu kota Prancis.", "ibu kota Prancis", PARIS),
])
def test_a_capital_descriptor_is_the_capital_city(ctx, language, text, descriptor, city):
    found = mentions(ctx, text, language)
    assert (descriptor, "place", city) in found
    # The country or demonym inside it is no mention of its own.
    assert not [m for m in found if m[1] == "country"], found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The talks moved to the capital on Friday."),  # no country
    ("en", "The capital was quiet after the storm."),
    ("fr", "La capitale a été bouclée dimanche."),
    ("de", "In der Hauptstadt blieb es ruhig."),
])
def test_a_capital_word_alone_names_no_place(ctx, language, text):
    assert not [m for m in mentions(ctx, text, language) if m[1] == "place"]


def test_money_is_no_capital(ctx):
    # Without "the", "Chinese capital" is investment: the demonym stays the country.
    found = mentions(ctx, "Chinese capital poured into the port project last year.", "en")
    assert [m[1:] for m in found] == [("country", "iso:CN")]


def test_a_country_without_a_known_capital_gives_no_place(ctx):
    # GeoNames names Melekeok as Palau's capital, a town the knowledge base does not hold.
    assert ctx.kb.capital("PW") is None
    found = mentions(ctx, "The envoys flew on to Palau's capital.", "en")
    assert not [m for m in found if m[1] == "place"]


def test_every_lexicon_template_compiles(ctx):
    for language in ctx.lexicons.languages():
        phrases = ctx.lexicons.get(language).section("places").get("capital") or ()
        assert len(capital_templates(tuple(phrases))) == len(phrases), language


def test_a_capital_written_as_geonames_spells_it_otherwise_is_found(ctx):
    # GeoNames writes these capitals "Bogota" and "Nur-Sultan"; the cities are Bogotá and Astana.
    assert ctx.kb.capital("CO").canonical_name == "Bogotá"
    assert ctx.kb.capital("KZ").canonical_name == "Astana"
    assert ctx.kb.capital("US").id == "gn:4140963"  # Washington, D.C., not the smaller Washingtons
