"""HTML pages: main text, title without site suffix, byline, date, outlet, language."""

from __future__ import annotations

import pytest

from newstrace.errors import Code, InputError
from newstrace.ingest.html import extract_html, strip_site_suffix

from .helpers import DATA, only_doc, read_all


def test_news_page_metadata_and_text() -> None:
    doc = only_doc(str(DATA / "news_page.html"))
    assert doc.title == "Harbour authority approves new ferry link"
    assert doc.byline == "Mara Ellison"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.declared_language == "en"
    assert doc.url == "https://www.coastalledger.example/news/ferry-link"
    assert (doc.published.label(), doc.published.source, doc.published.precision) == ("2026-02-10", "meta", "day")
    assert doc.published.evidence == "2026-02-10T09:30:00+01:00"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("The regional harbour authority on Tuesday approved")
    assert paragraphs[-1].startswith("Opponents on the board argued")
    assert len(paragraphs) == 4
    assert "Subscribe" not in doc.text and "Home" not in doc.text
    assert doc.title_in_text is False


def test_broken_html_gives_what_it_can() -> None:
    doc = only_doc(str(DATA / "broken.html"))
    assert doc.title == "Storm closes mountain pass"
    assert doc.outlet == "Valley Post"
    assert "Heavy snow closed the mountain pass above Dorn" in doc.text
    assert "Police said nobody was hurt" in doc.text


def test_html_saved_as_txt_is_read_as_html() -> None:
    doc = only_doc(str(DATA / "page_saved_as.txt"))
    assert doc.title == "Museum extends opening hours"
    assert "<p>" not in doc.text and doc.text.startswith("The city museum will stay open")


def test_jsonld_only_page() -> None:
    page = b"""<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"},
     {"@type": "NewsArticle", "headline": "Dam inspection finds cracks", "datePublished": "2025-06-13",
      "author": [{"@type": "Person", "name": "Ola Berg"}, {"@type": "Person", "name": "Kai Moe"}], "inLanguage": "nb-NO"}]}
    </script><script type="application/ld+json">{broken</script></head>
    <body><time datetime="2020-01-01">old</time><p>Inspectors found cracks in the old dam on Friday and ordered repairs before the spring floods.</p></body></html>"""
    [doc] = read_all(page, "page.html", url="https://news.example/dam")
    assert doc.title == "Dam inspection finds cracks"
    assert doc.byline == "Ola Berg, Kai Moe"
    assert doc.published.label() == "2025-06-13" and doc.published.rule == "jsonld:datePublished"
    assert doc.declared_language == "nb"
    assert doc.outlet == "news.example"


def test_time_element_and_html_lang() -> None:
    page = "<html lang='fr-FR'><head><title>Grève des bus</title></head><body><article><time datetime='2026-01-24T22:04'>samedi</time><p>Les chauffeurs de bus ont cessé le travail samedi soir pour réclamer de meilleures conditions.</p></article></body></html>"
    doc = extract_html(page.encode(), url="https://www.journal.example/greve")
    assert doc.published.label() == "2026-01-24" and doc.published.rule == "html:time"
    assert doc.declared_language == "fr"
    assert doc.outlet == "journal.example"
    assert doc.title == "Grève des bus"


def test_windows_1256_page_with_meta_charset() -> None:
    page = "<html><head><meta charset='windows-1256'><title>افتتاح جسر جديد</title></head><body><p>افتتحت البلدية جسرا جديدا فوق النهر يوم الخميس بحضور السكان.</p></body></html>"
    doc = extract_html(page.encode("cp1256"))
    assert doc.title == "افتتاح جسر جديد"
    assert "افتتحت البلدية جسرا جديدا" in doc.text


@pytest.mark.parametrize("page", [b"<html><head><title>Only a title</title></head><body></body></html>", b"<html><script>var x = 1;</script></html>", b"   "])
def test_page_without_text_is_e011(page: bytes) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(page, source="p.html")
    assert caught.value.code is Code.E011


@pytest.mark.parametrize(
    ("title", "site", "domain", "expected"),
    [
        ("Harbour link approved | The Coastal Ledger", "The Coastal Ledger", None, "Harbour link approved"),
        ("Spy Agency Head Sees Hamas Envoys In Ankara | News", None, None, "Spy Agency Head Sees Hamas Envoys In Ankara"),
        ("Ferry link approved after long debate - Le Journal du Port", None, "lejournalduport.example", "Ferry link approved after long debate"),
        ("Ferry link approved - Coastal Ledger", None, "coastalledger.example", "Ferry link approved"),
        ("Biden - Putin summit", None, None, "Biden - Putin summit"),
        ("Coastal Ledger | Ferry link approved", "Coastal Ledger", None, "Ferry link approved"),
        ("Gaza: the talks resume", None, None, "Gaza: the talks resume"),
        ("A headline with no suffix", "Site", None, "A headline with no suffix"),
    ],
)
def test_site_suffix(title: str, site: str | None, domain: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site, domain) == expected
