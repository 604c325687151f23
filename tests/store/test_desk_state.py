"""Watch state and alert rules in the store, on both backends: kept across reopening."""

from __future__ import annotations

from newstrace.desk.rules import make_rule
from newstrace.model import WatchSource
from newstrace.store import Store


def test_watch_state_and_rules_survive_a_reopen(db_target):
    with Store(db_target) as store:
        store.record_poll(WatchSource("http://127.0.0.1:9/feed", "feed", '"v1"', "Mon, 30 Nov 2026 00:00:00 GMT",
                                      "2026-12-01T00:00:00+00:00", "failed", "E009 HTTP error (500)", 2,
                                      "2026-12-01T00:02:00+00:00"))
        store.mark_item("/in", "a.txt", "settling", 10, "123")
        store.mark_item("/in", "a.txt", "done", 12, "124")
        store.add_rule(make_rule({"name": "pair", "pair": ["Q1", "Q2"], "on": "sources", "sources": 2},
                                 "2026-12-01T00:00:00+00:00"))
        store.add_rule(make_rule({"name": "pair", "pair": ["Q1", "Q3"]}, "2026-12-01T00:00:00+00:00"))
    with Store(db_target) as store:
        state = store.watch_source("http://127.0.0.1:9/feed")
        assert (state.etag, state.failures, state.outcome) == ('"v1"', 2, "failed")
        assert store.watch_items("/in") == {"a.txt": (12, "124", "done")}
        rules = store.rules()
        assert [(r.name, r.actor, r.actor2, r.on) for r in rules] == [("pair", "Q1", "Q3", "event")]
        assert store.remove_rule("pair") and not store.remove_rule("pair")
        assert store.rules() == []
