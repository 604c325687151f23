"""Language identification of cleaned bodies, with the declared language only for short texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.stages.article.language import detect_language

SAMPLES = {
    "en": "The foreign ministers met in Geneva on Monday and agreed to open a humanitarian corridor next week.",
    "fr": "Les ministres des Affaires étrangères se sont réunis lundi à Genève et ont convenu "
          "d'ouvrir un couloir humanitaire.",
    "tr": "Dışişleri bakanları pazartesi günü Cenevre'de bir araya gelerek gelecek hafta insani "
          "koridor açılması konusunda anlaştı.",
    "ar": "اجتمع وزراء الخارجية يوم الاثنين في جنيف واتفقوا على فتح ممر إنساني الأسبوع المقبل.",
    "fa": "وزیران امور خارجه روز دوشنبه در ژنو دیدار کردند و بر سر گشایش یک کریدور انسانی در هفته آینده توافق کردند.",
    "ru": "Министры иностранных дел встретились в понедельник в Женеве и договорились открыть "
          "гуманитарный коридор.",
    "es": "Los ministros de Asuntos Exteriores se reunieron el lunes en Ginebra y acordaron abrir "
          "un corredor humanitario.",
    "de": "Die Außenminister trafen sich am Montag in Genf und vereinbarten, nächste Woche einen "
          "humanitären Korridor zu öffnen.",
    "el": "Οι υπουργοί Εξωτερικών συναντήθηκαν τη Δευτέρα στη Γενεύη και συμφώνησαν να ανοίξει ανθρωπιστικός διάδρομος.",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_bodies_in_nine_languages(code, text):
    guess = detect_language(text)
    assert guess.code == code
    assert 0.5 < guess.confidence <= 1.0


def test_body_wins_over_declared_language():
    assert detect_language(SAMPLES["fr"], declared="en").code == "fr"


def test_declared_language_for_short_text():
    guess = detect_language("Gaza", declared="fr-FR")
    assert guess.code == "fr" and guess.rule == "declared"


def test_empty_text_is_undetermined():
    guess = detect_language("   ")
    assert guess.code == "und" and guess.confidence == 0.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.sampled_from(["en", "fr", "ar"])))
def test_confidence_is_a_probability(text, declared):
    guess = detect_language(text, declared)
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.code


def test_the_cached_identifier_scores_as_the_shipped_model(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from newstrace.stages.article import language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        built = language._identifier()  # decompressed from the package and written to the cache
        language._identifier.cache_clear()
        cached = language._identifier()  # read back from the cache
    finally:
        language._identifier.cache_clear()
    assert list((tmp_path / "newstrace").glob("langid-*.bin"))
    fresh = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)
    for text in SAMPLES.values():
        assert cached.classify(text) == built.classify(text) == fresh.classify(text)


KNOWN = ("cs", "de", "en", "es", "fr", "hr", "it", "pt", "sr", "sv", "sw", "uk")


@pytest.mark.parametrize(("code", "text"), [
    ("sv", "Nya sanktioner mot Moskva"),
    ("es", "Nuevas sanciones contra Moscú"),
    ("uk", "Уряд ухвалив бюджет"),
    ("cs", "Vláda schválila rozpočet"),
    # A Spanish name's accent is no evidence the headline is Portuguese or Spanish.
    ("fr", "Macron reçoit Sánchez à Paris"),
])
def test_lingua_decides_short_headlines_where_py3langid_is_unsure(code, text):
    from newstrace.stages.article.language import UNSURE, identify

    alone = identify(text)
    assert alone.confidence < UNSURE  # py3langid alone is unsure of these
    guess = identify(text, KNOWN)
    assert guess.code == code
    if guess.rule == "lingua":
        assert guess.confidence > alone.confidence


def test_a_short_page_of_a_headline_and_navigation_words_gets_the_headline_language():
    guess = detect_language("Start | Inrikes | Utrikes", None, "Nya sanktioner mot Moskva", KNOWN)
    assert guess.code == "sv" and guess.rule == "short-text"


def test_a_sure_answer_of_py3langid_is_not_asked_again():
    guess = detect_language(SAMPLES["fr"], known=KNOWN)
    assert (guess.code, guess.rule) == ("fr", "py3langid")


def test_a_language_no_lexicon_reads_is_kept_where_py3langid_is_sure_of_it():
    from newstrace.stages.article.language import identify

    # lingua chooses among the lexicons' codes: it must not turn Catalan into Spanish.
    assert identify("Els pagesos tallen les carreteres", KNOWN).code == "ca"


def test_a_runner_up_both_identifiers_agree_on_beats_a_language_no_lexicon_reads():
    from newstrace.stages.article.language import identify

    # py3langid, unsure, reads this short wire sentence as Nigerian Pidgin; lingua and its
    # runner-up say English.
    text = "The Russian foreign minister Sergey Lavrov met Chinese foreign minister Wang Yi in Beijing on Monday."
    assert identify(text).code != "en"
    assert identify(text, KNOWN).code == "en"
