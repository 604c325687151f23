"""Pages in languages and scripts newstrace has no data for (Georgian, Amharic, Tamil): each still
gets its language, its publication date (CLDR's names), the places and actors the knowledge base
knows, and an error-free record; the sentence encoder, which cannot read these scripts, adds no
event of its own."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.pipeline import process
from newstrace.stages.events.dates import find_dates
from tests.factories import raw

CTX = Context(use_spacy=False)

PAGES = {
    # language: (text, city id, KB actor ids)
    "ka": ("NATO-ს დელეგაცია თბილისში\n\nხუთშაბათი, 12 მარტი, 2026\n\n"
           "თბილისი — ჩრდილოატლანტიკური ალიანსის დელეგაცია ოთხშაბათს საქართველოს დედაქალაქში ჩავიდა. "
           "NATO და საქართველოს მთავრობა თავდაცვის საკითხებზე შეხვედრას გამართავენ.\n\n"
           "მთავრობის განცხადებით, შეხვედრა ორ დღეს გაგრძელდება.",
           "gn:611717", {"Q7184"}),
    "am": ("የአፍሪካ ሕብረት ስብሰባ በአዲስ አበባ\n\nሐሙስ 12 ማርች 2026\n\n"
           "አዲስ አበባ — የአፍሪካ ሕብረት መሪዎች ረቡዕ 11 ማርች 2026 ስለ ሰላም እና ደህንነት ተወያዩ። "
           "UNICEF እና WHO ተወካዮችም በስብሰባው ላይ ተገኝተዋል።\n\nስብሰባው ለሁለት ቀናት ይቀጥላል።",
           "gn:344979", {"Q740308", "Q7817"}),
    "ta": ("சென்னையில் வெள்ள நிவாரண கூட்டம்\n\nவியாழன், 12 மார்ச், 2026\n\n"
           "சென்னை — தமிழ்நாடு அரசு அதிகாரிகள் புதன்கிழமை வெள்ள நிவாரணம் குறித்து ஆலோசனை நடத்தினர். "
           "UNICEF பிரதிநிதிகளும் இதில் கலந்து கொண்டனர்.\n\nஅடுத்த கூட்டம் 20 மார்ச் அன்று நடைபெறும்.",
           "gn:1264527", {"Q740308"}),
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_page_in_a_language_without_a_lexicon_gets_language_date_places_actors_and_no_error(language):
    text, city, actors = PAGES[language]
    done = process(raw(text, f"{language}.txt"), CTX)
    article = done.article
    assert CTX.lexicons.get(article.language) is None  # no lexicon reads it
    assert article.language == language
    assert article.errors == ()
    assert article.published.start == date(2026, 3, 12) and article.published.precision == "day"
    linked = {m.entity_id for m in done.mentions}
    assert city in linked
    assert actors <= linked
    # The encoder knows too few of these word pieces to type any sentence: no guessed event.
    assert all(e.extractor == "lexicon" for e in done.events)


def test_dates_in_the_text_of_a_language_without_a_lexicon_are_read_with_cldr_names():
    text, _, _ = PAGES["am"]
    published = process(raw(text, "am.txt"), CTX).article.published
    found = find_dates("ረቡዕ 11 ማርች 2026 ተወያዩ።", "am", published, CTX.lexicons)
    # The weekday and the date name the same day.
    assert {(e.value.start, e.value.precision) for e in found if e.value.known} == {(date(2026, 3, 11), "day")}
    assert any(e.text.startswith("11 ማርች 2026") for e in found)


def test_the_encoder_reads_its_own_languages_and_not_these_scripts():
    assert CTX.unread_share("The foreign ministers met in Geneva on Monday.") == 0.0
    assert CTX.unread_share("Министры встретились в Женеве в понедельник.") == 0.0
    for text, _, _ in PAGES.values():
        assert CTX.unread_share(text.split("\n\n")[2]) > 0.25
