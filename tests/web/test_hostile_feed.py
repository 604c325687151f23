"""A hostile feed, watched, with hostile alert rules and sources: every page of the web UI keeps it inert.

The feed's channel title, item titles, texts and links, a watched source's address, a
rule's fields and a webhook's error carry script payloads; after one desk cycle every
HTML page of the app is asked, with each stored event, actor, article and story, and
with the payloads as query parameters. No page may turn any of it into markup.
"""

from __future__ import annotations

import io
import warnings
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from urllib.parse import quote

import pytest

from newstrace.desk.cycle import run_cycle
from newstrace.desk.rules import make_rule
from newstrace.desk.watch import Watcher
from newstrace.store import Store
from newstrace.web import pages
from newstrace.web.app import create_app
from tests.desk.localserver import LocalServer, answer
from tests.web.corpus import PAYLOADS
from tests.web.test_pages import assert_inert

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCRIPT, IMG, LINK = PAYLOADS
TEXTS = [
    f"Hakan Fidan met Sergey Lavrov in Moscow on 28 November {SCRIPT} to discuss grain exports. {IMG} Both sides "
    "called the talks useful.",
    f"Sergey Lavrov received Hakan Fidan in Moscow on 28 November; {LINK} the talks covered the grain corridor.",
]


def _feed() -> bytes:
    """Raw RSS whose markup-bearing fields are CDATA, as hostile feeds send them."""
    published = format_datetime(datetime.now(UTC) - timedelta(minutes=10))
    items = "".join(
        f"<item><title><![CDATA[{SCRIPT} Talks {n} {IMG}]]></title><link>{link}</link>"
        f"<guid>https://wire.example/{n}</guid><pubDate>{published}</pubDate>"
        f"<description><![CDATA[<p>{text}</p><script>alert(2)</script>]]></description></item>"
        for n, (text, link) in enumerate(zip(TEXTS, ["javascript:alert(1)", "https://wire.example/1"])))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title><![CDATA[{SCRIPT} Wire]]></title>'
            f"<language>en</language><link>https://wire.example/</link>{items}</channel></rss>").encode()


@pytest.fixture(scope="module")
def watched(tmp_path_factory, desk_ctx):
    """A store after one desk cycle over the hostile feed, and the app over it."""
    path = tmp_path_factory.mktemp("hostile") / "desk.db"
    ctx = desk_ctx
    with LocalServer() as server, Store(path) as store:
        server.routes["/wire.xml"] = answer(200, _feed())
        store.add_rule(make_rule({"name": "evil", "place": SCRIPT, "story": IMG}, "2000-01-01T00:00:00+00:00"))
        store.add_rule(make_rule({"name": "all", "deliver": f"http://127.0.0.1:9/{quote(IMG)}"},
                                 "2000-01-01T00:00:00+00:00"))
        sources = [f"{server.base}/wire.xml", f"{server.base}/missing?{SCRIPT}"]
        watcher = Watcher(store, ctx, sources, timeout=2)
        run_cycle(watcher, lambda line: None, io.StringIO(), webhook_timeout=0.5)
        watcher.close()
        assert store.count_articles() == 2 and store.events() and store.alerts()
    app = create_app(path, kb=ctx.kb)
    with TestClient(app, raise_server_exceptions=False) as client, Store(path) as store:
        yield client, store


def _urls(store: Store) -> dict[str, list[str]]:
    """For each page route, the URLs that show what the store holds (and the payloads as queries)."""
    events = store.events()
    actors = sorted({p.entity_id for e in events for p in e.participants})
    payload = quote(SCRIPT)
    return {
        "/": ["/", f"/?actor={payload}&type={quote(IMG)}&place={quote(LINK)}&language={payload}"],
        "/events/{event_id}": [f"/events/{e.id}" for e in events] + [f"/events/{payload}"],
        "/actors": ["/actors"],
        "/actors/{entity_id}": [f"/actors/{a}" for a in actors] + [f"/actors/{payload}"],
        "/articles/{article_ref}": [f"/articles/{a.id}" for a in store.articles()] + [f"/articles/{payload}"],
        "/stories": ["/stories"],
        "/stories/{story_id}": [f"/stories/{s.id}" for s in store.stories()] + [f"/stories/{payload}"],
        "/discrepancies": ["/discrepancies"],
        "/desk": ["/desk"],
        "/search": [f"/search?q={payload}", "/search?q=Fidan"],
    }


def test_every_page_keeps_the_hostile_feed_inert(watched):
    client, store = watched
    urls = _urls(store)
    routes = {r.path for r in pages.router.routes if "GET" in getattr(r, "methods", ())}
    assert routes == set(urls), "a page without hostile samples here: add it"
    shown = ""
    for template, wanted in urls.items():
        for url in wanted:
            response = client.get(url)
            assert response.status_code in (200, 404, 422), (url, response.status_code)
            assert response.headers["content-type"].startswith("text/html")
            assert "Content-Security-Policy" in response.headers
            assert_inert(response.text)
            shown += response.text
    # The payloads were shown, as text: the test looked at them.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Talks 0" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    desk = client.get("/desk").text
    assert "missing?&lt;script&gt;" in desk and "127.0.0.1:9" in desk
