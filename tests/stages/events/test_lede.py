"""The lede is the story's first paragraphs of prose, however much page furniture a crawler
saved above it (menus, captions, credits, tags)."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from tests.factories import raw
from tests.stages.events.analysed import main_event

CTX = Context(use_spacy=False)
FURNITURE = "Foto 2/5\n\nAP/LaPresse\n\nEuropa 2025\n\nMerz, Tusk\n\nTV\n\nUE NATO G7\n\n"

PAGES = [
    ("it", "Mercoledì a Varsavia Friedrich Merz, cancelliere della Germania, ha incontrato Donald Tusk, capo del governo polacco. I due leader hanno discusso di migrazione, sicurezza e difesa europea.",
     {"Q90795", "Q946"}),
    ("en", "German Chancellor Friedrich Merz met Polish Prime Minister Donald Tusk in Warsaw on Wednesday. The two leaders discussed migration, security and the defence of the European Union.",
     {"Q90795", "Q946"}),
    ("es", "El canciller alemán Friedrich Merz se reunió el miércoles en Varsovia con Donald Tusk, jefe del Gobierno de Polonia. Los dos dirigentes hablaron de migración, seguridad y defensa europea.",
     {"Q90795", "Q946"}),
]


@pytest.mark.parametrize(("language", "story", "actors"), PAGES)
def test_the_main_event_is_found_below_page_furniture(language, story, actors):
    document = raw("Merz – Tusk\n\n2025-05-07\n\n" + FURNITURE + story)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    assert article.language == language
    main = [e for e in extract_events(article, link_article(article, CTX), CTX) if e.main]
    assert main and main[0].type == "CONSULT"
    assert actors <= {p.entity_id for p in main[0].participants}


SITE_TITLED = [
    "Diario de Ejemplo - Noticias de Última Hora\n\n2025-09-04\n\n"
    "Volodímir Zelenski y Emmanuel Macron, en la reunión de la OTAN en Bruselas, ante treinta jefes de Gobierno.",
    "Giornale Esempio | Ultime notizie, cronaca e sport\n\n2025-09-04\n\n"
    "Volodymyr Zelensky ed Emmanuel Macron alla riunione della NATO a Bruxelles, davanti a trenta capi di governo.",
    "Example Daily | Breaking news and headlines\n\n2025-09-04\n\n"
    "Volodymyr Zelensky and Emmanuel Macron at the meeting of NATO in Brussels, before thirty heads of government.",
]


@pytest.mark.parametrize("page", SITE_TITLED)
def test_a_site_name_kept_as_title_does_not_make_the_lede_an_analysis_piece(page):
    document = raw(page)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    main = [e for e in extract_events(article, link_article(article, CTX), CTX) if e.main]
    assert main and main[0].type == "CONSULT"
    assert {"Q3874799", "Q3052772"} <= {p.entity_id for p in main[0].participants}


@pytest.mark.parametrize("text", [
    "Truce agreed\n\nAfter days of heavy fighting, Armenia and Azerbaijan have agreed to an immediate ceasefire. "
    "Their foreign ministers announced it jointly on Saturday.",
    "Waffenruhe\n\nNach tagelangen Gefechten einigten sich Indien und Pakistan auf eine Waffenruhe, die sofort gilt. "
    "Das teilten beide Außenminister am Samstag mit.",
    "Trêve\n\nAprès des jours de combats, l'Inde et le Pakistan ont conclu une trêve immédiate. "
    "Les deux ministres des Affaires étrangères l'ont annoncé samedi.",
])
def test_the_speech_act_reporting_undated_news_gives_it_its_weekday(text: str) -> None:
    """A page with no date: the announcement right after the news dates it ('on Saturday')."""
    event = main_event(text)
    assert event is not None and event.type == "AGREE" and event.date.weekday == 5, event


@pytest.mark.parametrize("text", [
    "Merz meets Tusk in Warsaw on migration\n\nThe new German chancellor is expected in the Polish capital on "
    "Wednesday, 7 May, after a stop in Paris.\n\nOn Wednesday Merz also spoke with Tusk about defence.",
    "Merz rencontre Tusk à Varsovie\n\nLe nouveau chancelier allemand est attendu dans la capitale polonaise le "
    "mercredi 7 mai, après une étape à Paris.\n\nMercredi, Merz a rencontré Tusk pour parler de défense.",
])
def test_a_bare_weekday_told_later_yields_to_the_ledes_date_of_that_weekday(text: str) -> None:
    """Undated page: 'Wednesday, 7 May' in the lede, a bare 'Wednesday' with the meeting later on."""
    from datetime import date

    from newstrace.stages.events.calendars import year_of_weekday

    event = main_event(text)
    assert event is not None and event.type == "CONSULT"
    assert event.date.day == date(year_of_weekday(5, 7, 2, date.today()), 5, 7), event.date


@pytest.mark.parametrize("text", [
    " date 2025-09-17 Israel has struck a convoy in southern Lebanon.\n\nIsraeli jets struck three trucks near Tyre. "
    "Four people died, the Lebanese health ministry said on Monday.",
    " date 2025-09-17 Die USA haben erneut ein Boot vor Venezuela angegriffen.\n\nUS-Streitkräfte griffen zum zweiten "
    "Mal ein Boot mit Drogen aus Venezuela an. Drei Menschen seien getötet worden, schrieb Präsident Donald Trump am Montag.",
    " date 2025-09-17 Estados Unidos atacó de nuevo una lancha frente a Venezuela.\n\nLas fuerzas estadounidenses "
    "atacaron una embarcación procedente de Venezuela. Tres personas murieron, afirmó el lunes el presidente Donald Trump.",
])
def test_the_speech_act_after_a_retelling_of_the_news_dates_it(text):
    # The headline tells the news undated; the lede tells it again, and the statement right
    # after that sentence, reporting it, gives its day.
    event = main_event(text)
    assert event is not None and event.type == "ASSAULT" and event.date.label() == "2025-09-15"
