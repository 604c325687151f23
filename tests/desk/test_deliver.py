"""Delivery: a webhook that is down or slow is retried with backoff; every alert goes out once, restarts too."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

from newstrace.desk.deliver import deliver_due
from newstrace.model import Alert
from newstrace.store import Store
from tests.desk.localserver import answer, slow


def _alert(n: int, deliver: str) -> Alert:
    return Alert(f"al{n:04d}", "desk", "event", f"e{n}", f"event {n} <script>alert(1)</script>",
                 datetime.now(UTC).isoformat(), deliver, (("event", f"e{n}"),))


def test_a_down_then_slow_then_healthy_webhook_gets_each_alert_once(store, server):
    url = f"{server.base}/hook"
    for n in range(2):
        store.record_alert(_alert(n, url), [f"m{n}"])
    now = datetime.now(UTC)
    logs: list[str] = []
    # Down: nothing listens on that path's server yet (404), then too slow to answer.
    server.routes["/hook"] = answer(503, b"", "text/plain")
    assert deliver_due(store, now, io.StringIO(), logs.append, timeout=0.5) == (0, 2)
    assert len(logs) == 2 and all("503" in line and "retry in 30 s" in line for line in logs)
    # Not due yet: nothing is sent.
    assert deliver_due(store, now + timedelta(seconds=10), io.StringIO(), logs.append, 0.5) == (0, 0)
    server.routes["/hook"] = slow(server, b"", pause_s=2)
    assert deliver_due(store, now + timedelta(seconds=31), io.StringIO(), logs.append, 0.5) == (0, 2)
    assert "no answer within 0.5 s" in logs[-1] and "retry in 60 s" in logs[-1]
    server.routes["/hook"] = answer(200, b"{}", "application/json")
    before = len(server.requests)
    assert deliver_due(store, now + timedelta(seconds=92), io.StringIO(), logs.append, 0.5) == (2, 0)
    posted = server.requests[before:]
    assert sorted(h["Idempotency-Key"] for _, h, _ in posted) == ["al0000", "al0001"]
    assert json.loads(posted[0][2])["rule"] == "desk"
    # Delivered: never again.
    assert deliver_due(store, now + timedelta(days=1), io.StringIO(), logs.append, 0.5) == (0, 0)


def test_a_jsonl_file_gets_each_alert_once_across_restarts(db_target, tmp_path):
    path = tmp_path / "alerts.jsonl"
    now = datetime.now(UTC)
    with Store(db_target) as store:
        assert store.record_alert(_alert(1, str(path)), ["m1", "m2"])
        # The same members fire this rule and kind no second time, even under another id.
        assert not store.record_alert(_alert(2, str(path)), ["m2", "m3"])
        # A crash after the line was written but before the store knew: the id is in the file.
        path.write_text(json.dumps({"id": "al0001"}) + "\n", encoding="utf-8")
    with Store(db_target) as store:  # restarted
        assert deliver_due(store, now, io.StringIO(), lambda line: None) == (1, 0)
        assert deliver_due(store, now, io.StringIO(), lambda line: None) == (0, 0)
        assert [a.id for a in store.alerts()] == ["al0001"]
        assert store.alerts()[0].delivered_at
        # m3 joined the alert of m2: a later event holding only m3 is the same event grown.
        assert not store.record_alert(_alert(3, str(path)), ["m3"])
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1


def test_stdout_delivery_is_one_json_line(store):
    store.record_alert(_alert(7, "stdout"), ["m7"])
    out = io.StringIO()
    deliver_due(store, datetime.now(UTC), out, lambda line: None)
    line = json.loads(out.getvalue())
    assert line["id"] == "al0007" and line["title"].endswith("</script>")


def test_a_webhook_whose_server_is_down_is_retried_until_it_listens(store):
    import socket

    from tests.desk.localserver import LocalServer

    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook"
    store.record_alert(_alert(5, url), ["m5"])
    now, logs = datetime.now(UTC), []
    assert deliver_due(store, now, io.StringIO(), logs.append, timeout=0.5) == (0, 1)
    assert len(logs) == 1 and "E008" in logs[0] and url in logs[0] and "retry in 30 s" in logs[0]
    assert store.alerts()[0].attempts == 1 and "E008" in store.alerts()[0].last_error
    with LocalServer(port) as server:
        server.routes["/hook"] = answer(200, b"{}", "application/json")
        assert deliver_due(store, now + timedelta(seconds=31), io.StringIO(), logs.append, 0.5) == (1, 0)
        assert deliver_due(store, now + timedelta(seconds=600), io.StringIO(), logs.append, 0.5) == (0, 0)
        assert [h["Idempotency-Key"] for _, h, _ in server.requests] == ["al0005"]
