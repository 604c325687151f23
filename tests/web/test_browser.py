"""A real browser on the real server: timeline → event → sources in two languages; hostile text stays inert."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.web.corpus import KALIN

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(app):
    """Uvicorn serving the test app on a free port of 127.0.0.1, in a thread."""
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
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
    sock.close()


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
