"""RSS 2.0, RSS 1.0 and Atom feeds: each entry an article record."""

from __future__ import annotations

from newstrace.errors import Code
from newstrace.ingest.parse import parse

from .helpers import DATA, collect, read_all


def test_rss20_prefers_content_encoded() -> None:
    docs, errors = collect(str(DATA / "rss20.xml"))
    assert not errors
    assert [d.origin.locator for d in docs] == ["item 1", "item 2"]
    assert all(d.media_type == "application/x-article+json" for d in docs)
    first = parse(docs[0])
    assert first.title == "Council opens new library wing"
    assert first.url == "https://lakeside.example/2026/01/library"
    assert first.text.startswith("The town council opened a new wing")
    assert "teaser" not in first.text
    assert len(first.text.split("\n\n")) == 2
    assert first.byline == "Jon Abara"
    assert first.declared_language == "en"
    # The feed's own offset keeps the outlet's day (it is the 25th in UTC).
    assert first.published.label() == "2026-01-24" and first.published.source == "meta"
    second = parse(docs[1])
    assert second.text.startswith("Repairs to the old river bridge")
    assert second.published.label() == "2026-01-23"


def test_rss10() -> None:
    docs, errors = collect(str(DATA / "rss10.rdf"))
    assert not errors and len(docs) == 1
    doc = parse(docs[0])
    assert doc.title == "Le marché couvert rouvre ses portes"
    assert doc.published.label() == "2025-12-20"
    assert doc.byline == "Lucie Marand"
    assert doc.declared_language == "fr"
    assert doc.text.startswith("Après huit mois de travaux")


def test_atom_uses_content_over_summary() -> None:
    docs, errors = collect(str(DATA / "atom.xml"))
    assert not errors and len(docs) == 1
    doc = parse(docs[0])
    assert doc.text.startswith("La autoridad portuaria aprobó")
    assert "Resumen" not in doc.text
    assert doc.published.label() == "2025-11-05"
    assert doc.byline == "Irene Sotelo"
    assert doc.outlet == "puerto.example"


def test_feed_saved_as_html_is_a_feed() -> None:
    docs, errors = collect(str(DATA / "feed_saved_as.html"))
    assert not errors and len(docs) == 2


def test_not_a_feed() -> None:
    docs, errors = collect(str(DATA / "not_a_feed.xml"))
    assert docs == [] and [e.code for e in errors] == [Code.E007]


def test_feed_without_items() -> None:
    [error] = read_all(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "f.xml")
    assert error.code is Code.E011


def test_truncated_feed_keeps_complete_items() -> None:
    data = (DATA / "rss20.xml").read_bytes()
    cut = data[: data.index(b"<title>Bridge")]
    results = read_all(cut, "f.xml")
    assert results and results[0].title == "Council opens new library wing"


def test_rss092_inline() -> None:
    feed = b"""<?xml version="1.0"?><rss version="0.92"><channel><title>Old Wire</title><link>https://old.example/</link>
    <item><title>Night train returns</title><link>https://old.example/train</link>
    <description>The night train between the two capitals runs again from Sunday after a three-year pause.</description></item>
    </channel></rss>"""
    [doc] = read_all(feed, "old.rss")
    assert doc.title == "Night train returns" and doc.url == "https://old.example/train"
    assert doc.text.startswith("The night train") and not doc.published.known
