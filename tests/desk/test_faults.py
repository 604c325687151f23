"""Sources in every kind of failure: each gets one line and a retry with backoff, and the watch goes on."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from newstrace.desk.watch import Watcher
from tests.desk.localserver import answer, conditional, endless, redirect_loop, rss, slow, trickle
from tests.desk.reports import MOSCOW, item


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_each_broken_feed_gets_one_line_backs_off_and_recovers(store, desk_ctx, server):
    clock = Clock()
    good = rss([item(0, MOSCOW[0], 50)])
    server.routes.update({
        "/500": answer(500, b"oops", "text/plain"),
        "/loop": redirect_loop("/loop"),
        "/slow": slow(server, b'<?xml version="1.0"?><rss version="2.0">', pause_s=3),
        "/html": answer(200, b"<html><body><p>Not a feed at all</p></body></html>", "text/html"),
        "/endless": endless(server),
        "/good": answer(200, good),
    })
    names = ["/500", "/loop", "/slow", "/html", "/endless", "/good"]
    sources = [server.base + n for n in names]
    watcher = Watcher(store, desk_ctx, sources, clock=clock, timeout=0.5, max_bytes=200_000, backoff_s=60)
    lines = {line.source: line for line in watcher.poll()}
    reasons = {n: str(lines[server.base + n]) for n in names}
    assert "E009" in reasons["/500"] and "500" in reasons["/500"]
    assert "E009" in reasons["/loop"] and "redirects" in reasons["/loop"]
    assert "E008" in reasons["/slow"]
    assert "E007" in reasons["/html"] and "text/html" in reasons["/html"]
    assert "E005" in reasons["/endless"]
    assert lines[server.base + "/good"].outcome == "new"  # the watch went on past five failures
    for n in names[:-1]:
        assert lines[server.base + n].outcome == "failed" and "retry in 60 s" in reasons[n]
        assert "\n" not in reasons[n]

    # Within the backoff nothing is asked of the failing servers.
    hits = dict(server.hits)
    clock.advance(30)
    waiting = watcher.poll()
    assert [line.outcome for line in waiting[:-1]] == ["waiting"] * 5
    assert all(server.hits[n] == hits[n] for n in names[:-1])

    # Past it they are tried again; a second failure doubles the wait.
    clock.advance(31)
    server.routes["/500"] = answer(200, rss([item(1, MOSCOW[1], 49)]))
    again = {line.source: line for line in watcher.poll()}
    assert again[server.base + "/500"].outcome == "new"
    assert "retry in 120 s" in str(again[server.base + "/loop"])
    state = store.watch_source(server.base + "/loop")
    assert state.failures == 2 and state.next_attempt == (clock.now + timedelta(seconds=120)).isoformat()
    assert store.watch_source(server.base + "/500").failures == 0
    watcher.close()


FAULTS = {
    "500": (lambda server: answer(500, b"oops", "text/plain"), ("E009", "500")),
    "redirect-loop": (lambda server: redirect_loop("/feed"), ("E009", "redirects")),
    "stalled": (lambda server: slow(server, b'<?xml version="1.0"?><rss version="2.0">', pause_s=3),
                ("E008", "no answer within 0.5 s")),
    "trickle": (lambda server: trickle(server, pause_s=0.2), ("E008", "body not read within 1 s")),
    "not-xml": (lambda server: answer(200, b"<html><body><p>Moved.</p></body></html>", "text/html"),
                ("E007", "text/html")),
    "not-a-feed": (lambda server: answer(200, b'{"items": []}', "application/json"), ("E007", "application/json")),
    "ever-growing": (lambda server: endless(server), ("E005", "over 200,000 bytes")),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_feed_that_breaks_between_polls_gets_one_line_a_doubling_wait_and_comes_back(fault, store, desk_ctx, server):
    """Healthy, then unchanged (304), then broken twice, then healthy with a new item; a steady feed beside it."""
    broken, expected = FAULTS[fault]
    clock = Clock()
    feed, steady = f"{server.base}/feed", f"{server.base}/steady"
    server.routes["/steady"] = conditional(rss([item(4, MOSCOW[4], 40)]), '"s1"', "Mon, 30 Nov 2026 00:00:00 GMT")
    first = item(0, MOSCOW[0], 50)
    server.routes["/feed"] = conditional(rss([first]), '"v1"', "Mon, 30 Nov 2026 01:00:00 GMT")
    watcher = Watcher(store, desk_ctx, [feed, steady], clock=clock, timeout=0.5, max_bytes=200_000, backoff_s=60)

    def poll() -> tuple[str, str]:
        lines = watcher.poll()
        assert lines[1].outcome in ("new", "unchanged")  # the steady feed is polled whatever the other does
        return lines[0].outcome, str(lines[0])

    assert poll() == ("new", f"{feed}: new 1")
    assert poll() == ("unchanged", f"{feed}: unchanged (304 not modified)")
    server.routes["/feed"] = broken(server)
    outcome, line = poll()
    assert outcome == "failed" and all(part in line for part in expected) and "retry in 60 s" in line
    assert "\n" not in line and line.startswith(f"{feed}: failed (")
    state = store.watch_source(feed)
    assert state.failures == 1 and state.etag == '"v1"'  # the validators outlive the failure
    hits = server.hits["/feed"]
    clock.advance(30)
    assert poll()[0] == "waiting" and server.hits["/feed"] == hits  # within the wait nothing is asked
    clock.advance(31)
    outcome, line = poll()
    assert outcome == "failed" and all(part in line for part in expected) and "retry in 120 s" in line
    assert store.watch_source(feed).failures == 2
    server.routes["/feed"] = conditional(rss([first, item(1, MOSCOW[1], 0.1)]), '"v2"',
                                         "Mon, 30 Nov 2026 02:00:00 GMT")
    clock.advance(121)
    assert poll() == ("new", f"{feed}: new 1")
    last = [h for path, h, _ in server.requests if path == "/feed"][-1]
    assert last.get("If-None-Match") == '"v1"'
    state = store.watch_source(feed)
    assert (state.failures, state.next_attempt, state.etag) == (0, None, '"v2"')
    assert store.count_articles() == 3
    watcher.close()


def test_a_feed_with_only_last_modified_is_asked_if_modified_since(store, desk_ctx, server):
    stamp = "Mon, 30 Nov 2026 05:00:00 GMT"
    body = rss([item(0, MOSCOW[0], 50)])

    def route(h) -> None:
        if h.headers.get("If-Modified-Since") == stamp:
            answer(304, b"")(h)
        else:
            answer(200, body, headers={"Last-Modified": stamp})(h)

    server.routes["/lm.xml"] = route
    watcher = Watcher(store, desk_ctx, [f"{server.base}/lm.xml"], timeout=2)
    assert watcher.poll()[0].new == 1
    assert str(watcher.poll()[0]).endswith("unchanged (304 not modified)")
    asked = [h for path, h, _ in server.requests if path == "/lm.xml"]
    assert "If-Modified-Since" not in asked[0] and asked[1]["If-Modified-Since"] == stamp
    assert "If-None-Match" not in asked[1] and store.watch_source(f"{server.base}/lm.xml").last_modified == stamp
    watcher.close()


def test_a_half_written_file_waits_until_it_stops_changing(store, desk_ctx, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "done.txt").write_text(MOSCOW[0] + "\n", encoding="utf-8")
    old = time.time() - 600
    os.utime(folder / "done.txt", (old, old))
    partial = folder / "writing.txt"
    partial.write_text(MOSCOW[1][:40], encoding="utf-8")
    watcher = Watcher(store, desk_ctx, [str(folder)], settle_s=60)

    first = watcher.poll()[0]
    assert first.outcome == "new" and first.new == 1
    assert "1 file(s) still being written" in first.message
    # The writer goes on: the file changed since the last look, so it waits again.
    partial.write_text(MOSCOW[1] + "\n", encoding="utf-8")
    second = watcher.poll()[0]
    assert second.outcome == "waiting" and store.count_articles() == 1
    # Unchanged since the last look: now it is read, whole.
    third = watcher.poll()[0]
    assert third.outcome == "new" and third.new == 1
    texts = sorted(row.article.text for row in map(store.article, [a.id for a in store.articles()]))
    assert any(text.startswith(MOSCOW[1][:60]) for text in texts)
    assert watcher.poll()[0].outcome == "unchanged"
    # A changed file is read again, as a new revision.
    (folder / "done.txt").write_text(MOSCOW[2] + "\n", encoding="utf-8")
    os.utime(folder / "done.txt", (old + 1, old + 1))
    assert watcher.poll()[0].new == 1


def test_a_url_list_fetches_each_url_once(store, desk_ctx, server, tmp_path):
    page = ("<html><head><title>Talks in Moscow</title></head><body><article><p>" + MOSCOW[3]
            + "</p></article></body></html>").encode()
    server.routes["/a"] = answer(200, page, "text/html")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# the desk's pages\n{server.base}/a\n{server.base}/missing\nnot-a-url\n", encoding="utf-8")
    watcher = Watcher(store, desk_ctx, [str(listing)], timeout=1)
    first = watcher.poll()[0]
    assert first.new == 1 and "2 item(s) failed" in first.message and "not a URL" in first.message
    watcher.poll()
    assert server.hits["/a"] == 1  # stored: never fetched again
    assert server.hits["/missing"] == 2  # not stored: asked again on the next poll
    watcher.close()


def test_a_run_killed_mid_poll_loses_nothing_and_fetches_nothing_twice(store, desk_ctx, server, tmp_path):
    from newstrace.desk.cycle import run_cycle

    for n in range(3):
        page = (f"<html><head><title>Talks {n}</title></head><body><article><p>{MOSCOW[n]}</p></article>"
                "</body></html>").encode()
        server.routes[f"/p{n}"] = answer(200, page, "text/html")
    listing = tmp_path / "urls.txt"
    listing.write_text("".join(f"{server.base}/p{n}\n" for n in range(3)), encoding="utf-8")

    def killed(progress):
        raise KeyboardInterrupt  # the process dies right after the first article is committed

    crashed = Watcher(store, desk_ctx, [str(listing)], timeout=1, on_item=killed)
    try:
        crashed.poll()
    except KeyboardInterrupt:
        pass
    crashed.close()
    assert store.count_articles() == 1 and store.pending_resolution() == 1
    logs: list[str] = []
    restarted = Watcher(store, desk_ctx, [str(listing)], timeout=1)
    report = run_cycle(restarted, logs.append)
    restarted.close()
    assert report.lines[0].new == 2
    assert [server.hits[f"/p{n}"] for n in range(3)] == [1, 1, 1]
    assert store.pending_resolution() == 0 and len(store.events()) == 1
    assert any(line.startswith("resolved:") for line in logs)
