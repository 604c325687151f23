"""The HTML pages: each renders, links the next, and keeps every string from an article inert."""

from __future__ import annotations

import re

import pytest

from tests.web.corpus import KALIN, PAYLOADS, RLO, UNKNOWN


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def assert_inert(html: str) -> None:
    """No payload survives as markup: no script element, no event handler, no javascript: link, no override."""
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", html, re.IGNORECASE)
    assert RLO not in html


def test_timeline_lists_events_with_sources_and_languages(client, corpus):
    html = page(client, "/")
    assert f'href="/events/{corpus.meeting}"' in html
    assert "3 sources" in html and "(2 independent)" in html
    assert html.index("February 2026") < html.index("Undated")
    for lang in ("ar", "en", "fr"):
        assert f'<span class="lang">{lang}</span>' in html
    assert_inert(html)


def test_timeline_filters(client, corpus):
    assert corpus.meeting not in page(client, "/?language=fr&type=AGREE")
    html = page(client, "/?actor=Ibrahim+Kalin&place=Doha&from=2026-02-01&to=2026-02-28")
    assert corpus.meeting in html and corpus.truce not in html
    assert "No actor in the knowledge base matches" in page(client, "/?actor=Nobody")
    html = page(client, "/?from=not-a-date", status=422)
    assert "not a date" in html


def test_event_page_shows_sources_side_by_side_with_directions_and_marks(client, corpus):
    html = page(client, f"/events/{corpus.meeting}")
    assert 'lang="ar"' in html and 'dir="rtl"' in html and "التقى إبراهيم قالن" in html
    assert "Where the sources disagree" in html and "2026-02-10" in html
    assert "translation" in html and "not independent" in html
    assert f'href="/actors/{KALIN}"' in html and f'href="/articles/{corpus.ar}"' in html
    assert_inert(html)


def test_actor_page_names_roles_events_and_network(client, corpus):
    html = page(client, f"/actors/{KALIN}")
    assert "إبراهيم قالن" in html and "Ибрагим Калын" in html
    assert "intelligence chief" in html and "2023-06-05" in html
    assert '<svg class="network"' in html and f'href="/actors/{UNKNOWN}"' in html
    assert f'href="/events/{corpus.meeting}"' in html
    assert "not in the knowledge base" in page(client, f"/actors/{UNKNOWN}")
    assert "Actors" in page(client, "/actors")


def test_article_page_highlights_entities_and_evidence(client, corpus):
    html = page(client, f"/articles/{corpus.en}")
    assert re.search(r'<a class="[^"]*ent-person[^"]*" title="person: Ibrahim Kalin[^"]*" href="/actors/Q6100994">Ibrahim Kalin</a>', html)
    assert 'class="evidence"' in html and f'href="/events/{corpus.meeting}"' in html
    assert "repeated by" in html.lower()
    assert 'dir="rtl"' in page(client, f"/articles/{corpus.ar}")


def test_hostile_article_renders_inert_everywhere(client, corpus):
    for url in (f"/articles/{corpus.xss}", f"/events/{corpus.hostile}", "/", "/stories", f"/actors/{KALIN}",
                "/search?q=alert", "/search?q=" + PAYLOADS[0]):
        html = page(client, url)
        assert_inert(html)
    html = page(client, f"/articles/{corpus.xss}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "not a web address; not linked" in html
    assert 'title="direction control removed">U+202E</span>' in html


def test_stories_and_search_pages(client, corpus):
    html = page(client, "/stories")
    assert "Türkiye–Qatar contacts on the Gaza truce" in html and "&lt;script&gt;alert(1)&lt;/script&gt; story" in html
    html = page(client, f"/stories/{corpus.story}")
    assert html.index(corpus.truce) < html.index(corpus.meeting)
    html = page(client, "/search?q=الدوحة")
    assert f'href="/articles/{corpus.ar}"' in html and "<mark>" in html
    assert "match" not in page(client, "/search")


@pytest.mark.parametrize("url", ["/events/e000", "/articles/a000000000000000", "/actors/Q1", "/stories/s000", "/nowhere"])
def test_unknown_pages_are_html_404s(client, url):
    html = page(client, url, status=404)
    assert "404" in html and "Back to the timeline" in html


def test_pages_load_nothing_from_elsewhere(client, corpus):
    for url in ("/", f"/events/{corpus.meeting}", f"/actors/{KALIN}", f"/articles/{corpus.en}"):
        html = page(client, url)
        assert not re.search(r'(src|href)="(https?:)?//', html)
