"""The desk commands: alerts add/import/list/remove/recent and `watch --once`, as a user runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newstrace.cli import app
from newstrace.cli import desk as desk_cli
from tests.desk.localserver import conditional, rss
from tests.desk.reports import MOSCOW, item

runner = CliRunner()


def test_alert_rules_are_managed_and_imported(tmp_path):
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["--db", db, "alerts", "add", "fidan", "--actor", "Hakan Fidan", "--actor", "Q555",
                                 "--on", "sources", "--sources", "2"])
    assert result.exit_code == 0, result.output
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: strikes\n    type: ASSAULT\n    place: Syria\n    deliver: out.jsonl\n"
                     "  - name: hot\n    on: breaking\n    window: 30m\n    language: fr\n", encoding="utf-8")
    assert runner.invoke(app, ["--db", db, "alerts", "import", str(rules)]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["--db", db, "alerts", "list", "--json"]).stdout)
    assert [(r["name"], r["on"]) for r in listed] == [("fidan", "sources"), ("hot", "breaking"), ("strikes", "event")]
    assert listed[1]["window_s"] == 1800 and listed[0]["actor2"] == "Q555"
    assert runner.invoke(app, ["--db", db, "alerts", "remove", "hot"]).exit_code == 0
    gone = runner.invoke(app, ["--db", db, "alerts", "remove", "hot"])
    assert gone.exit_code == 2 and "hot: no such rule" in gone.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: x\n  on: sometimes\n", encoding="utf-8")
    refused = runner.invoke(app, ["--db", db, "alerts", "import", str(bad)])
    assert refused.exit_code == 2 and "on must be one of" in refused.output
    typo = runner.invoke(app, ["--db", db, "alerts", "add", "y", "--deliver", "ftp://x"])
    assert typo.exit_code == 2 and "deliver to stdout" in typo.output


def test_watch_once_ingests_fires_and_then_sees_304(tmp_path, server, desk_ctx, monkeypatch):
    monkeypatch.setattr(desk_cli, "make_context", lambda store: desk_ctx)  # the context loaded once per session
    db = str(tmp_path / "t.db")
    server.routes["/wire.xml"] = conditional(rss([item(0, MOSCOW[0], 50)]), '"v1"', "Mon, 30 Nov 2026 00:00:00 GMT")
    url = f"{server.base}/wire.xml"
    assert runner.invoke(app, ["--db", db, "alerts", "add", "desk"]).exit_code == 0
    first = runner.invoke(app, ["--db", db, "watch", url, "--once", "--timeout", "2"])
    assert first.exit_code == 0, first.output
    assert f"{url}: new 1" in first.stderr
    fired = [json.loads(line) for line in first.stdout.splitlines()]
    assert [a["rule"] for a in fired] == ["desk"] and fired[0]["title"].startswith("consult:")
    second = runner.invoke(app, ["--db", db, "watch", url, "--once"])
    assert f"{url}: unchanged (304 not modified)" in second.stderr and second.stdout == ""
    recent = json.loads(runner.invoke(app, ["--db", db, "alerts", "recent", "--json"]).stdout)
    assert len(recent) == 1 and recent[0]["delivered_at"]
    down = runner.invoke(app, ["--db", db, "watch", "http://127.0.0.1:9/feed", "--once", "--timeout", "0.5"])
    assert down.exit_code == 1 and "E008" in down.stderr


def test_watch_without_once_polls_every_period_until_stopped(tmp_path, server, desk_ctx, monkeypatch):
    monkeypatch.setattr(desk_cli, "make_context", lambda store: desk_ctx)
    pauses: list[float] = []

    def sleep(seconds: float) -> None:  # stands for the wait between polls; Ctrl-C after the second
        pauses.append(seconds)
        if len(pauses) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(desk_cli.time, "sleep", sleep)
    server.routes["/wire.xml"] = conditional(rss([item(0, MOSCOW[0], 50)]), '"v1"', "Mon, 30 Nov 2026 00:00:00 GMT")
    url = f"{server.base}/wire.xml"
    result = runner.invoke(app, ["--db", str(tmp_path / "t.db"), "watch", url, "--every", "2m"])
    assert result.exit_code == 0, result.output
    assert pauses == [120, 120]
    assert result.stderr.count(f"{url}: ") == 2 and "stopped" in result.stderr
    assert server.hits["/wire.xml"] == 2
