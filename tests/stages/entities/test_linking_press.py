"""Linking on the wording of real press: common nouns around unknown names, places that share a name."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.ids import is_provisional
from newstrace.stages.entities.linking import link_article
from tests.factories import article

ISLAMABAD = "gn:1176615"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(use_spacy=False)


def guesses(ctx, text: str, language: str) -> list[str]:
    """The names only the text knows (provisional actors), as written."""
    return [m.text for m in link_article(article(text, language=language), ctx) if is_provisional(m.entity_id)]


@pytest.mark.parametrize(("text", "expected"), [
    # Every German noun has a capital: a common noun after a determiner opens no name.
    ("Der Angriff traf am Dienstag die Stadt Kalvarpur im Bergland.", []),
    ("Bei dem Anschlag wurde eine Gruppe von Touristen verletzt.", []),
    ("Beobachter sprachen von der Zerstörung des Hauptquartiers der Armee.", []),
    ("Verhandelt wurde über die Übergabe der Nordland-Geiseln.", []),
    # Nor does a plural or inflected noun close one, with no determiner before it: names
    # seldom inflect ("Soldaten" is "Soldat", "Zivilisten" is "Zivilist").
    ("Seither wurden dabei Zehntausende Zivilisten und Kämpfer getötet.", []),
    ("Im Grenzgebiet stehen inzwischen eine halbe Million Soldaten bereit.", []),
    ("Am Morgen erreichten Hunderte Flüchtlinge die Grenze.", []),
    # The name after such a noun stays; one with no determiner before it stays whole.
    ("Das bestätigte der Armeesprecher Torvald Enqvist am Abend.", ["Torvald Enqvist"]),
    ("Gestern traf Arvid Lindqvist die Delegation.", ["Arvid Lindqvist"]),
])
def test_german_common_nouns_are_no_part_of_an_unknown_name(ctx, text, expected):
    assert guesses(ctx, text, "de") == expected


@pytest.mark.parametrize("text", [
    "Beide Länder beanspruchen das Gebiet für sich.",
    "Die Länder der Region trafen sich am Montag.",
])
def test_a_german_noun_is_no_small_town_of_that_name_without_its_umlaut(ctx, text):
    """'Länder' (countries) is the word, not a hamlet called Lander."""
    assert not [m for m in link_article(article(text, language="de"), ctx) if m.text == "Länder"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # A weekday or month is never the end of a name, in any language.
    ("Ankara'da Yüksek Danışma Kurulu Pazartesi günü toplandı.", "tr", ["Yüksek Danışma Kurulu"]),
    ("Ayer el Consejo Nacional Lunes", "es", ["Consejo Nacional"]),
    # Where capitals mark names, a name of common words stays whole.
    ("Ayer la Comisión Nacional de Aguas Profundas se reunió en secreto.", "es",
     ["Comisión Nacional de Aguas Profundas"]),
    ("Ieri la Commissione Nazionale per le Acque si è riunita.", "it", ["Commissione Nazionale"]),
])
def test_calendar_words_close_no_name_and_capitals_still_mark_names(ctx, text, language, expected):
    assert guesses(ctx, text, language) == expected


@pytest.mark.parametrize(("text", "language", "surface"), [
    # Chattogram, a bigger city, once bore the name: a capital's own name is the capital.
    ("The delegation flew to Islamabad on Monday.", "en", "Islamabad"),
    ("Die Delegation reiste am Montag nach Islamabad.", "de", "Islamabad"),
    ("La delegación viajó el lunes a Islamabad.", "es", "Islamabad"),
])
def test_a_capitals_own_name_is_the_capital(ctx, text, language, surface):
    found = {m.text: m.entity_id for m in link_article(article(text, language=language), ctx)}
    assert found[surface] == ISLAMABAD


def linked(ctx, text: str, language: str) -> dict[str, str | None]:
    return {m.text: m.entity_id for m in link_article(article(text, language=language), ctx)}


@pytest.mark.parametrize(("text", "language", "words"), [
    # A town whose name is words of the language, lowercase in its word list, is those words.
    ("Kämpfe gab es am Montag im Norden des Landes.", "de", "Norden"),
    ("Le ministère de la Défense a annoncé la frappe mardi.", "fr", "la Défense"),
    ("Câteva mii de oameni au protestat în Piața Victoriei din capitală.", "ro", "Victoriei"),
    # A big city's other name opening a sentence that goes on is the word ("Dabei": Dubai).
    ("Dabei wurden drei Menschen verletzt, sagte der Sprecher.", "de", "Dabei"),
])
def test_a_town_named_by_common_words_is_no_place(ctx, text, language, words):
    start = text.index(words)
    found = [m for m in link_article(article(text, language=language), ctx)
             if m.span.start < start + len(words) and start < m.span.end]
    assert not found  # neither the town nor a guess at a name over the words


@pytest.mark.parametrize(("text", "language", "surface", "entity_id"), [
    # Datelines in capitals stay the city, whatever the word list says of its name.
    ("КИЇВ, 4 червня /Укрінформ/. Міністр оборони заявив, що ...", "uk", "КИЇВ", "gn:703448"),
    ("WARSZAWA (PAP) – Prezydent oświadczył w środę, że ...", "pl", "WARSZAWA", "gn:756135"),
    ("Les combats ont repris à Damas dans la nuit.", "fr", "Damas", "gn:170654"),
])
def test_cities_whose_names_are_also_words_stay_cities(ctx, text, language, surface, entity_id):
    assert linked(ctx, text, language)[surface] == entity_id


@pytest.mark.parametrize(("text", "language", "surface"), [
    # Seas are no GeoNames city: the curated places name them in many languages.
    ("A US strike hit a boat in the Caribbean on Tuesday.", "en", "the Caribbean"),
    ("Estados Unidos atacó una lancha en el mar Caribe el martes.", "es", "mar Caribe"),
    ("Die Marine griff ein Schnellboot in der Karibik an.", "de", "Karibik"),
])
def test_seas_are_places(ctx, text, language, surface):
    assert linked(ctx, text, language)[surface] == "Q1247"


@pytest.mark.parametrize(("text", "language", "surface", "entity_id"), [
    # "العربية" is the adjective "Arab" in every Arabic text; the channel is named in full.
    ("وصل وفد من جامعة الدول العربية إلى الخرطوم، وقالت المصادر العربية إن المحادثات بدأت.", "ar",
     "العربية إن", None),
    ("وقالت قناة العربية إن المحادثات بدأت.", "ar", "قناة العربية", "Q1135589"),
    ("The talks began, Al Arabiya reported.", "en", "Al Arabiya", "Q1135589"),
])
def test_a_channel_named_by_a_common_adjective_needs_its_full_name(ctx, text, language, surface, entity_id):
    start = text.index(surface)
    found = {m.entity_id for m in link_article(article(text, language=language), ctx)
             if m.span.start <= start < m.span.end}
    assert found == ({entity_id} if entity_id else set()) or (entity_id is None and "Q1135589" not in found)


def test_a_town_named_in_capitals_word_by_word_is_a_place_though_each_word_is_a_word(ctx):
    # "han" (inn) and "yunus" (dolphin) are Turkish words; written "Han Yunus", mid-sentence, they
    # are the town.
    found = link_article(article("İsrail ordusu dün akşam Han Yunus kentine hava saldırısı düzenledi.",
                                 language="tr"), ctx)
    assert [(m.text, m.entity_id) for m in found if m.kind == "place"] == [("Han Yunus", "gn:281124")]


@pytest.mark.parametrize(("text", "language", "entity_id"), [
    # The state or group before a hyphen acts through what the compound names.
    ("US-Streitkräfte haben am Dienstag ein Boot beschossen.", "de", "iso:US"),
    ("Hamas-Kämpfer griffen am Morgen einen Posten an.", "de", "Q38799"),
    ("Hamas-strijders vielen dinsdag een post aan.", "nl", "Q38799"),
    ("USA-styrkor angrep en båt på tisdagen.", "sv", "iso:US"),
])
def test_an_actor_acting_through_a_compound_is_a_mention(ctx, text, language, entity_id):
    assert entity_id in [m.entity_id for m in link_article(article(text, language=language), ctx)]


@pytest.mark.parametrize(("text", "language", "entity_id"), [
    # Any other compound is a word of its own: a title, or a thing named after the actor.
    ("Ein Nato-Generalsekretärsbüro wurde eröffnet.", "de", "Q7184"),
    ("Die Hamas-Charta wurde 2017 geändert.", "de", "Q38799"),
])
def test_other_compounds_name_no_actor(ctx, text, language, entity_id):
    assert entity_id not in [m.entity_id for m in link_article(article(text, language=language), ctx)]


@pytest.mark.parametrize(("text", "language", "person", "wrong"), [
    # A name between a title and a nationality parts them: "PM Modi, Chinese president Xi" names
    # no Chinese prime minister. A vowel sign belongs to its word, so "मोदी" is one long word.
    ("बीजिंग में रविवार को पीएम मोदी चीनी नेता शी जिनपिंग से द्विपक्षीय वार्ता के लिए मिले.", "hi", "Q1058", "Q1151386"),
    ("রবিবার প্রধানমন্ত্রী মোদী চীনা প্রেসিডেন্ট শি জিনপিংয়ের সঙ্গে বৈঠক করেন।", "bn", "Q1058", "Q1151386"),
])
def test_a_name_between_title_and_nationality_parts_them(ctx, text, language, person, wrong):
    found = set(linked(ctx, text, language).values())
    assert person in found and wrong not in found


def test_a_hangul_word_between_a_title_and_an_organisation_parts_them(ctx):
    # "수요일" (Wednesday) is a word of three syllables, not a short function word: the president
    # is no head of the National Assembly named after it.
    found = linked(ctx, "대통령은 수요일 대한민국 국회에서 연설했다.", "ko")
    assert found.get("대한민국 국회") == "Q486916"
    assert not any("대통령" in text for text, entity_id in found.items() if entity_id == "Q486916")
