"""kill -9 of a real `newstrace watch` mid-poll and mid-delivery: the re-run loses nothing, fetches nothing stored
and delivers no alert twice.

The watch runs as a subprocess of the CLI against a local server; the server itself holds
the request at which the process is to die (a page of a URL list, then the first webhook
POST), tells the test it arrived, and the test sends SIGKILL while the request is open.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newstrace.store import Store
from tests.desk.localserver import LocalServer, answer, conditional, rss
from tests.desk.reports import MOSCOW, item

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=f"{REPO / 'src'}{os.pathsep}{REPO}")

pytestmark = pytest.mark.slow


def _page(n: int) -> bytes:
    return (f"<html><head><title>Talks in Moscow, part {n}</title></head><body><article><p>{MOSCOW[n]}</p>"
            "</article></body></html>").encode()


def held(server: LocalServer, reached: threading.Event, then) -> callable:
    """Holds the first request open (the client is killed meanwhile); answers later ones with `then`."""
    def route(h) -> None:
        if not reached.is_set():
            reached.set()
            server.stop_event.wait(120)
            return
        then(h)
    return route


def _watch(db: str, *sources: str) -> list[str]:
    return [sys.executable, "-m", "newstrace.cli", "--db", db, "--no-spacy", "watch", *sources, "--once",
            "--timeout", "60", "--webhook-timeout", "60", "--settle", "0s"]


def _killed_when(reached: threading.Event, cmd: list[str]) -> str:
    proc = subprocess.Popen(cmd, env=ENV, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if not reached.wait(300):
            pytest.fail("the watch never reached the held request:\n" + proc.communicate(timeout=5)[1])
        os.kill(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    return stderr


def _answered_hooks(server: LocalServer) -> list[str]:
    return [h["Idempotency-Key"] for path, h, _ in server.requests if path == "/hook"]


def test_watch_killed_mid_poll_and_mid_delivery_loses_nothing_and_repeats_nothing(tmp_path):
    db = str(tmp_path / "desk.db")
    listing, jsonl = tmp_path / "urls.txt", tmp_path / "alerts.jsonl"
    with LocalServer() as server:
        page_reached, hook_reached = threading.Event(), threading.Event()
        feed = f"{server.base}/wire.xml"
        server.routes.update({
            "/wire.xml": conditional(rss([item(0, MOSCOW[0], 0.5), item(1, MOSCOW[1], 0.4)]), '"v1"',
                                     "Tue, 01 Dec 2026 00:00:00 GMT"),
            "/p2": answer(200, _page(2), "text/html"),
            "/p3": held(server, page_reached, answer(200, _page(3), "text/html")),
            "/p4": answer(200, _page(4), "text/html"),
            "/hook": held(server, hook_reached, answer(200, b"{}", "application/json")),
        })
        listing.write_text("".join(f"{server.base}/p{n}\n" for n in (2, 3, 4)), encoding="utf-8")
        rules = tmp_path / "rules.yaml"
        rules.write_text(f"- name: every-event\n  deliver: {jsonl}\n"
                         f"- name: three-sources\n  on: sources\n  sources: 3\n  deliver: {server.base}/hook\n",
                         encoding="utf-8")
        setup = subprocess.run([sys.executable, "-m", "newstrace.cli", "--db", db, "alerts", "import", str(rules)],
                               env=ENV, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert setup.returncode == 0, setup.stderr

        # 1. Killed while the second page of the list is being read: the feed and the first page are stored.
        first = _killed_when(page_reached, _watch(db, feed, str(listing)))
        assert f"{feed}: new 2" in first
        with Store(db) as store:
            assert store.count_articles() == 3 and store.pending_resolution() == 3 and not store.alerts()

        # 2. The re-run asks the feed with its validators (304), skips the stored page, reads the rest,
        # resolves, fires both rules, and is killed while the webhook holds the first POST.
        second = _killed_when(hook_reached, _watch(db, feed, str(listing)))
        assert f"{feed}: unchanged (304 not modified)" in second and f"{listing}: new 2" in second
        assert [server.hits[f"/p{n}"] for n in (2, 3, 4)] == [1, 2, 1]
        with Store(db) as store:
            assert store.count_articles() == 5 and store.pending_resolution() == 0
            events = store.events()
            assert len(events) == 1 and len(events[0].article_ids) == 5
            fired = {a.rule: a for a in store.alerts()}
            assert sorted(fired) == ["every-event", "three-sources"]
            assert not fired["three-sources"].delivered_at

        # 3. A third run fetches nothing new and delivers only what the kill left undelivered, once.
        before = len(_answered_hooks(server))
        third = subprocess.run(_watch(db, feed, str(listing)), env=ENV, cwd=REPO, capture_output=True, text=True,
                               timeout=300)
        assert third.returncode == 0, third.stderr
        assert f"{feed}: unchanged (304 not modified)" in third.stderr and f"{listing}: unchanged" in third.stderr
        assert [server.hits[f"/p{n}"] for n in (2, 3, 4)] == [1, 2, 1]
        assert sum(1 for path, *_ in server.requests if path == "/wire.xml") == 3
        assert "alert " not in third.stderr  # nothing fired again
        # The held POST never got an answer; the one that did carries the same key, once.
        assert _answered_hooks(server)[before:] == [fired["three-sources"].id]
        with Store(db) as store:
            alerts = store.alerts()
            assert {a.id for a in alerts} == {a.id for a in fired.values()}
            assert all(a.delivered_at for a in alerts)
        written = [json.loads(line)["id"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
        assert written == [fired["every-event"].id]
