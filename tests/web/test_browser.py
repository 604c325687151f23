"""A real browser on the real server: timeline → event → sources in two languages; hostile text stays inert."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.web.corpus import KALIN

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@contextmanager
def serve(app) -> Iterator[str]:
    """Uvicorn serving `app` on a free port of 127.0.0.1, in a thread; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def server(app):
    with serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
                                     headless=True, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    # What the Content-Security-Policy refused, if a page ever asked for an inline style or an outside load.
    tab.refused = []
    tab.on("console", lambda message: tab.refused.append(message.text) if "Content Security Policy" in message.text
           else None)
    yield tab
    context.close()


def test_timeline_to_event_with_sources_in_two_languages(server, page, corpus, output_dir):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Timeline"
    page.screenshot(path=str(output_dir / "web-timeline.png"), full_page=True)
    page.click(f"a[href='/events/{corpus.meeting}']")
    page.wait_for_url(f"**/events/{corpus.meeting}")
    arabic = page.locator("article.report[lang=ar]")
    english = page.locator("article.report[lang=en]")
    assert arabic.count() == 1 and english.count() == 1
    assert "التقى إبراهيم قالن" in arabic.locator("blockquote").inner_text()
    assert "Ibrahim Kalin" in english.locator("blockquote").inner_text()
    assert arabic.locator("blockquote").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert english.locator("blockquote").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator(".discrepancies").is_visible() and page.locator(".report.repeat .dup-mark").count() == 1
    page.screenshot(path=str(output_dir / "web-event.png"), full_page=True)
    assert page.dialogs == []


def test_hostile_article_is_inert_in_the_browser(server, page, corpus, output_dir):
    for url in (f"/articles/{corpus.xss}", f"/events/{corpus.hostile}", "/stories", "/search?q=alert"):
        page.goto(server + url)
        assert page.locator("script").count() == 0
        assert page.locator("main img").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
    page.goto(server + f"/articles/{corpus.xss}")
    assert "<script>alert(1)</script>" in page.locator(".article-text").inner_text()
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.screenshot(path=str(output_dir / "web-hostile-article.png"), full_page=True)
    assert page.dialogs == []


def test_actor_page_draws_the_network(server, page, output_dir):
    page.goto(server + f"/actors/{KALIN}")
    assert page.locator("svg.network circle").count() >= 3
    page.screenshot(path=str(output_dir / "web-actor.png"), full_page=True)


def test_event_page_shows_framing_and_who_disagrees(server, page, corpus, output_dir):
    page.goto(server + f"/events/{corpus.meeting}")
    panel = page.locator("section.framing")
    assert panel.is_visible()
    heads = panel.locator("table[data-by=outlet] th.source-head").all_inner_texts()
    assert any("Gulf Wire" in h for h in heads) and len(heads) == 3
    terrorist = panel.locator("table[data-by=outlet] tr[data-group=armed_group_as_terrorist]")
    assert "differs" in terrorist.get_attribute("class")
    resistance = panel.locator("table[data-by=outlet] tr[data-group=armed_group_as_resistance] .term bdi")
    assert resistance.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "المقاوم" in resistance.first.inner_text()
    term = terrorist.locator("details.term").first
    term.locator("summary").click()
    assert "Israel calls Hamas" in term.locator(".passage").first.inner_text()
    assert page.locator(".discrepancies td.words").count() == 3
    panel.screenshot(path=str(output_dir / "web-event-framing.png"))
    page.locator(".discrepancies").screenshot(path=str(output_dir / "web-event-disputes.png"))
    assert page.dialogs == [] and page.refused == []


def test_story_and_timeline_pages_draw_the_chart_and_the_map(server, page, corpus, output_dir):
    page.goto(server + f"/stories/{corpus.story}")
    assert page.locator("svg.chart rect.bar").count() == 2
    assert page.locator("svg.map circle").count() == 1 and page.locator("svg.map path.land").count() > 10
    box = page.locator("svg.map").bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    page.screenshot(path=str(output_dir / "web-story.png"), full_page=True)
    page.locator("svg.chart rect.bar").first.click()
    page.wait_for_url("**/?type=*")
    assert page.locator("h1").inner_text() == "Timeline" and page.locator("svg.chart").count() == 1
    page.goto(server + "/")
    page.locator(".pictures").screenshot(path=str(output_dir / "web-timeline-pictures.png"))
    page.goto(server + f"/actors/{KALIN}")
    assert page.locator("svg.map circle").count() == 1
    assert page.dialogs == [] and page.refused == []


def test_discrepancies_page_and_hostile_framing_are_inert(server, page, corpus, output_dir):
    page.goto(server + "/discrepancies")
    assert page.locator(".disputed-event").count() == 1
    page.screenshot(path=str(output_dir / "web-discrepancies.png"), full_page=True)
    page.goto(server + f"/events/{corpus.hostile}")
    panel = page.locator("section.framing")
    assert "<b>Evil</b> Outlet" in panel.locator("th.source-head").first.inner_text()
    panel.locator("details.term summary").first.click()
    assert "<script>alert(1)</script>" in panel.locator(".passage").first.inner_text()
    assert page.locator("script").count() == 0 and page.locator("main img").count() == 0
    assert page.dialogs == [] and page.refused == []


def test_desk_page_lists_alerts_and_sources_and_hostile_text_is_inert(server, page, corpus, output_dir):
    page.goto(server + "/desk")
    assert page.locator("h1").inner_text() == "Desk"
    assert page.locator("nav a.here").inner_text() == "Desk"
    rows = page.locator("table.alerts tr.alert")
    assert rows.count() == 2
    assert "<script>alert(1)</script> alert text" in rows.first.locator(".alert-title").inner_text()
    assert rows.nth(1).locator("a").get_attribute("href") == f"/events/{corpus.meeting}"
    assert page.locator("table.watch tr.source").count() == 2
    assert "<img src=x onerror=alert(1)>" in page.locator("table.watch").inner_text()
    assert page.locator("script").count() == 0 and page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(output_dir / "web-desk.png"), full_page=True)
    assert page.dialogs == [] and page.refused == []


def test_every_page_keeps_hostile_text_inert_in_the_browser(server, page, corpus):
    from newstrace.web import pages
    from tests.web.corpus import PAYLOADS, UNKNOWN

    urls = {"/": "/?actor=%3Cscript%3E", "/events/{event_id}": f"/events/{corpus.hostile}", "/actors": "/actors",
            "/actors/{entity_id}": f"/actors/{UNKNOWN}", "/articles/{article_ref}": f"/articles/{corpus.xss}",
            "/stories": "/stories", "/stories/{story_id}": f"/stories/{corpus.story}",
            "/discrepancies": "/discrepancies", "/desk": "/desk", "/search": "/search?q=Kalin"}
    assert {r.path for r in pages.router.routes if "GET" in getattr(r, "methods", ())} == set(urls)
    shown = ""
    for url in urls.values():
        page.goto(server + url)
        assert page.locator("script").count() == 0 and page.locator("main img").count() == 0, url
        assert page.locator("[onerror], [onclick], a[href^='javascript']").count() == 0, url
        shown += page.locator("body").inner_text()
    assert PAYLOADS[0] in shown and PAYLOADS[1] in shown  # shown as text, not run
    assert page.dialogs == [] and page.refused == []
