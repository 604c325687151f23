"""A local HTTP server on 127.0.0.1 whose answers a test changes between polls."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from email.utils import format_datetime
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

Route = Callable[[BaseHTTPRequestHandler], None]


class LocalServer:
    """Routes by path; `hits` counts requests, `requests` keeps (path, headers, body) of each."""

    def __init__(self, port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: defaultdict[str, int] = defaultdict(int)
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.stop_event = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.hits[self.path] += 1
                owner.requests.append((self.path, dict(self.headers), body))
                route = owner.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or a size cap): that is the point of the test

            do_GET = _serve
            do_POST = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop_event.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def answer(status: int, body: bytes = b"", content_type: str = "application/rss+xml",
           headers: dict[str, str] | None = None) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(body)
    return route


def conditional(body: bytes, etag: str, last_modified: str) -> Route:
    """A feed that answers 304 when asked with its current validators."""
    def route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag:
            answer(304, b"", headers={"ETag": etag})(h)
        else:
            answer(200, body, headers={"ETag": etag, "Last-Modified": last_modified})(h)
    return route


def redirect_loop(path: str) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", path)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return route


def slow(server: LocalServer, first: bytes, pause_s: float) -> Route:
    """Sends the headers and a first part, then waits longer than the client's timeout."""
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        h.wfile.write(first)
        h.wfile.flush()
        server.stop_event.wait(pause_s)
    return route


def trickle(server: LocalServer, pause_s: float, parts: int = 200) -> Route:
    """A body sent a few bytes at a time, each part within the client's read timeout, the whole far beyond it."""
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        h.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>')
        for _ in range(parts):
            if server.stop_event.wait(pause_s):
                return
            h.wfile.write(b" ")
            h.wfile.flush()
    return route


def endless(server: LocalServer, chunk: bytes = b"<item><title>more</title></item>" * 100) -> Route:
    """A body that never ends (no length), until the client stops reading or the server stops."""
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        h.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>')
        deadline = time.monotonic() + 30
        while not server.stop_event.is_set() and time.monotonic() < deadline:
            h.wfile.write(chunk)
    return route


def rss(items: list[dict], title: str = "Desk test wire") -> bytes:
    """An RSS 2.0 feed of items {title, link, text, published (datetime)}."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
             "<language>en</language><link>https://wire.example/</link>"]
    for item in items:
        published = item.get("published") or datetime.now(UTC) - timedelta(minutes=5)
        parts.append(f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
                     f"<guid>{escape(item['link'])}</guid><pubDate>{format_datetime(published)}</pubDate>"
                     f"<description>{escape(item['text'])}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")
