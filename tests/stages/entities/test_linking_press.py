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
    # The name after such a noun stays; one with no determiner before it stays whole.
    ("Das bestätigte der Armeesprecher Torvald Enqvist am Abend.", ["Torvald Enqvist"]),
    ("Gestern traf Arvid Lindqvist die Delegation.", ["Arvid Lindqvist"]),
])
def test_german_common_nouns_are_no_part_of_an_unknown_name(ctx, text, expected):
    assert guesses(ctx, text, "de") == expected


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
