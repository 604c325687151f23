"""URLs, served from a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newstrace.errors import Code
from newstrace.ingest import web
from newstrace.ingest.parse import parse

from .helpers import DATA, collect

PAGE = (DATA / "news_page.html").read_bytes()
FEED = (DATA / "rss20.xml").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/news/ferry-link": (200, PAGE, "text/html; charset=utf-8"),
            "/feed": (200, FEED, "application/rss+xml"),
            "/report.pdf": (200, b"%PDF-1.4\n...", "application/pdf"),
            "/fake.html": (200, b"%PDF-1.4\n...", "text/html"),
            "/missing": (404, b"<html><p>Not here</p></html>", "text/html"),
            "/broken": (500, b"oops", "text/plain"),
        }
        if self.path in routes:
            self._send(*routes[self.path])
        elif self.path == "/loop":
            self._send(302, b"", "text/html", {"Location": "/loop"})
        elif self.path == "/moved":
            self._send(301, b"", "text/html", {"Location": "/news/ferry-link"})
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"x" * 200_000 + b"</p>", "text/html")
        else:
            self._send(404, b"", "text/plain")

    def log_message(self, *args) -> None:
        """Quiet: tests read results, not the access log."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def client():
    with web.new_client(trust_env=False) as session:
        yield session


def test_page(server: str, client) -> None:
    docs, errors = collect(f"{server}/news/ferry-link", client=client)
    assert not errors and len(docs) == 1
    raw = docs[0]
    assert raw.media_type == "text/html"
    assert raw.uri == raw.origin.url == f"{server}/news/ferry-link"
    assert raw.origin.source == f"{server}/news/ferry-link"
    doc = parse(raw)
    assert doc.title == "Harbour authority approves new ferry link"
    assert doc.url == f"{server}/news/ferry-link"
    assert _Handler.seen_agents[-1] == "newstrace/0.1 (+news event analysis)"


def test_redirect_is_followed(server: str, client) -> None:
    docs, errors = collect(f"{server}/moved", client=client)
    assert not errors and docs[0].uri == f"{server}/news/ferry-link"


def test_feed_url(server: str, client) -> None:
    docs, errors = collect(f"{server}/feed", client=client)
    assert not errors and [d.origin.locator for d in docs] == ["item 1", "item 2"]


@pytest.mark.parametrize(
    ("path", "code", "detail"),
    [
        ("/missing", Code.E009, "404 Not Found"),
        ("/broken", Code.E009, "500 Internal Server Error"),
        ("/report.pdf", Code.E010, "application/pdf"),
        ("/fake.html", Code.E010, "PDF document"),
        ("/loop", Code.E009, "more than 5 redirects"),
    ],
)
def test_bad_urls(server: str, client, path: str, code: Code, detail: str) -> None:
    docs, errors = collect(f"{server}{path}", client=client)
    assert docs == [] and len(errors) == 1
    assert errors[0].code is code and errors[0].detail == detail
    assert str(errors[0]).startswith(f"{server}{path}: {code.name}")


def test_size_cap(server: str, client) -> None:
    with pytest.raises(Exception) as caught:
        web.fetch(f"{server}/huge", client, max_bytes=100_000)
    assert getattr(caught.value, "code", None) is Code.E005


def test_unreachable_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens there once the probe is closed.
    with web.new_client(trust_env=False) as session:
        docs, errors = collect(f"http://127.0.0.1:{port}/page", client=session)
    assert docs == [] and [e.code for e in errors] == [Code.E008]


def test_default_client_is_built_and_closed(server: str, monkeypatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    docs, errors = collect(f"{server}/news/ferry-link")
    assert not errors and len(docs) == 1


def test_bad_url_is_e008() -> None:
    docs, errors = collect("http://")
    assert docs == [] and [e.code for e in errors] == [Code.E008]
