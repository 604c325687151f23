"""Event extraction in scripts with their own punctuation and word order: Hebrew acronyms, Bengali lists."""

from __future__ import annotations

from datetime import date

from newstrace.context import Context
from newstrace.model import Article, DateValue, Mention, Span
from newstrace.stages.events.extract import extract_events

CTX = Context(use_spacy=False)
SAT = DateValue.of_day(date(2025, 12, 20), "header")


def asserted_events(text: str, language: str, names: list[tuple[str, ...]]):
    """Asserted events of an article whose mentions are (surface, kind, id[, linking rule]), each at its
    first place ("kb-stem": the linker read the name's stem and an ending written onto it)."""
    article = Article(id="a1", uri="test:a1", text=text, paragraphs=(text,), language=language,
                      published=SAT, content_hash="h")
    mentions = []
    for surface, kind, entity_id, *rule in names:
        start = text.index(surface)
        mentions.append(Mention("a1", Span(start, start + len(surface)), surface, kind, entity_id, 0.95,
                                rule[0] if rule else "test"))
    return [e for e in extract_events(article, tuple(mentions), CTX) if e.status == "asserted"]


def test_hebrew_acronym_quotes_are_no_quotation() -> None:
    # 'כ"ץ' and 'צה"ל' are written with a straight quote: the speaker is still found.
    text = 'שר הביטחון ישראל כ"ץ אמר ביום שני בתל אביב כי צה"ל ימשיך לפעול.'
    found = asserted_events(text, "he", [
        ('ישראל כ"ץ', "person", "Q949396"), ("בתל אביב", "place", "gn:293397"), ('צה"ל', "org", "Q624254"),
    ])
    assert [(e.type, [p.entity_id for p in e.participants]) for e in found] == [("STATEMENT", ["Q949396"])]


def test_a_country_joined_by_a_conjunction_is_a_side_not_the_city_qualifier() -> None:
    # "Bangladesh and Japan on Friday in Tokyo signed": Japan signs; it does not qualify Tokyo.
    text = "বাংলাদেশ ও জাপান শুক্রবার টোকিওতে একটি চুক্তি সই করে।"
    (event,) = asserted_events(text, "bn", [
        ("বাংলাদেশ", "country", "iso:BD"), ("জাপান", "country", "iso:JP"), ("টোকিওতে", "place", "gn:1850147", "kb-stem"),
    ])
    assert event.type == "AGREE" and event.place_id == "gn:1850147"
    assert {p.entity_id for p in event.participants} == {"iso:BD", "iso:JP"}
