"""Watching a local feed over three polls: items appear, a rule fires once per event, a burst is breaking."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from newstrace.desk.cycle import run_cycle
from newstrace.desk.rules import make_rule
from newstrace.desk.watch import Watcher
from tests.desk.localserver import LocalServer, answer, conditional, rss
from tests.desk.reports import MOSCOW, item

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=f"{REPO / 'src'}{os.pathsep}{REPO}")
RULES = [{"name": "any-event"}, {"name": "two-sources", "on": "sources", "sources": 2},
         {"name": "burst", "on": "breaking", "window": "1h", "baseline": "24h", "min_reports": 3},
         {"name": "elsewhere", "place": "Tokyo"}]


def test_three_polls_bring_items_fire_once_per_event_and_flag_the_burst(store, desk_ctx, server):
    for values in RULES:
        store.add_rule(make_rule(values, "2000-01-01T00:00:00+00:00"))
    url = f"{server.base}/wire.xml"
    # Two reports of Monday's meeting published two days ago, then three fresh ones at once.
    old = [item(0, MOSCOW[0], 50), item(1, MOSCOW[1], 49)]
    fresh = [item(n, MOSCOW[n], 0.2) for n in (2, 3, 4)]
    feeds = [rss(old[:1]), rss(old), rss(old + fresh)]
    watcher = Watcher(store, desk_ctx, [url], timeout=2)
    out, logs, polls = io.StringIO(), [], []
    for n, body in enumerate(feeds):
        server.routes["/wire.xml"] = conditional(body, f'"v{n}"', f"Mon, 30 Nov 2026 0{n}:00:00 GMT")
        polls.append(run_cycle(watcher, logs.append, out))
        # The same answer again is a 304: unchanged, nothing fetched twice.
        again = run_cycle(watcher, logs.append, out)
        assert [line.outcome for line in again.lines] == ["unchanged"] and not again.fired
    watcher.close()

    assert [p.lines[0].new for p in polls] == [1, 1, 3]
    assert f"{url}: new 1" in logs and f"{url}: unchanged (304 not modified)" in logs
    assert store.count_articles() == 5
    # The server saw the validators of its last answer on every repeated poll.
    conditional_gets = [h for path, h, _ in server.requests if path == "/wire.xml" and h.get("If-None-Match")]
    assert len(conditional_gets) >= 5

    events = store.events()
    assert len(events) == 1 and len(events[0].article_ids) == 5
    fired = [a for p in polls for a in p.fired]
    by_rule = {}
    for alert in fired:
        by_rule.setdefault(alert.rule, []).append(alert)
    # One event, grown from one report to five under changing ids: one alert of each kind.
    assert [a.kind for a in by_rule["any-event"]] == ["event"]
    assert [a.kind for a in by_rule["two-sources"]] == ["sources"]
    assert "elsewhere" not in by_rule
    assert polls[0].fired and polls[0].fired[0].rule == "any-event"
    assert polls[1].fired and {a.rule for a in polls[1].fired} == {"two-sources"}
    # The burst: nothing breaking while the reports were old, flagged when three arrived at once.
    assert [a.rule for a in polls[2].fired] == ["burst"]
    burst = polls[2].fired[0]
    assert dict(burst.detail)["recent"] == "3" and burst.title.startswith("breaking:")
    # Every alert went to stdout once, as JSON lines.
    delivered = [line for line in out.getvalue().splitlines() if line]
    assert len(delivered) == len(fired) == 3
    assert all(a.delivered_at for a in store.alerts())


@pytest.mark.slow
def test_a_running_watch_process_brings_three_polls_and_flags_the_burst(tmp_path):
    """The same, through a real `newstrace watch --every` process, stopped with Ctrl-C after its third poll."""
    db = str(tmp_path / "desk.db")
    old = [item(0, MOSCOW[0], 50), item(1, MOSCOW[1], 49)]
    fresh = [item(n, MOSCOW[n], 0.2) for n in (2, 3, 4)]
    feeds = [rss(old[:1]), rss(old), rss(old + fresh)]
    third = threading.Event()
    with LocalServer() as server:
        def wire(h) -> None:
            n = server.hits["/wire.xml"]  # this request's number: the feed grows on each of the first three polls
            if n <= 3:
                answer(200, feeds[n - 1], headers={"ETag": f'"v{n}"'})(h)
            else:
                third.set()  # the fourth poll: the third cycle has fired and delivered
                conditional(feeds[2], '"v3"', "Mon, 30 Nov 2026 03:00:00 GMT")(h)
        server.routes["/wire.xml"] = wire
        rules = tmp_path / "rules.yaml"
        rules.write_text(yaml.safe_dump(RULES), encoding="utf-8")
        cli = [sys.executable, "-m", "newstrace.cli", "--db", db, "--no-spacy"]
        done = subprocess.run([*cli, "alerts", "import", str(rules)], env=ENV, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        url = f"{server.base}/wire.xml"
        proc = subprocess.Popen([*cli, "watch", url, "--every", "1s", "--timeout", "30"], env=ENV,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            reached = third.wait(300)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert reached, err
    assert proc.returncode == 0, err
    polls = [line.split(": ", 1)[1] for line in err.splitlines() if f"{url}: " in line]
    # A fourth poll may or may not have logged before the Ctrl-C; it found nothing new.
    assert polls[:3] == ["new 1", "new 1", "new 3"] and polls[3:] in ([], ["unchanged (304 not modified)"])
    alerts = [json.loads(line) for line in out.splitlines()]
    assert sorted((a["rule"], a["kind"]) for a in alerts) == [("any-event", "event"), ("burst", "breaking"),
                                                               ("two-sources", "sources")]
    # The burst is flagged in the cycle of the third poll, not before.
    assert err.index("(burst,") > err.index(f"{url}: new 3") and err.rstrip().endswith("stopped")
