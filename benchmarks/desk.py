"""Alert rules per desk cycle: reading every event and story (before) against reading what changed (after).

A store holds N events, each reported by two articles that arrived two days ago; every cycle a few new reports
arrive (one new event, one event growing), the resolution is written (not timed), and
the same rules fire twice under two names: once reading everything, once incrementally.
Prints, per store size, the median time of the rule evaluation of a cycle both ways and
checks that both fired the same number of alerts.

    .venv/bin/python benchmarks/desk.py [--sizes 1000 5000 20000] [--cycles 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newstrace.desk.fire import fire  # noqa: E402
from newstrace.desk.rules import make_rule  # noqa: E402
from newstrace.ids import article_id, content_hash  # noqa: E402
from newstrace.model import (  # noqa: E402
    Article, DateValue, Event, EventMention, Origin, Participant, RawDocument, Span, Story,
)
from newstrace.store import Store  # noqa: E402
from newstrace.store import articles as stored_articles  # noqa: E402


class TwoDaysAgo(datetime):
    """The clock the store stamps arrivals with while the backlog loads: it came in two days ago."""

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) - timedelta(days=2)

RULES = [{"name": "any"}, {"name": "three", "on": "sources", "sources": 3}, {"name": "q7", "actor": "Q7"},
         {"name": "burst", "on": "breaking", "window": "1h", "baseline": "24h"}]
NAMES = {f"Q{i}": f"Actor {i}" for i in range(100)}


def _report(store: Store, n: int, event: int) -> tuple[str, str]:
    text = f"Report {n} about event {event}."
    a = Article(id=article_id(f"file:r{n}.txt"), uri=f"file:r{n}.txt", text=text, paragraphs=(text,), language="en",
                published=DateValue.unknown(), content_hash=content_hash(text.encode()), file=f"r{n}.txt")
    raw = RawDocument(uri=a.uri, content=text.encode(), media_type="text/plain",
                      fetched_at=datetime.now(UTC), origin=Origin(source=a.uri, file=a.file))
    m = EventMention(id=f"m{n}", article_id=a.id, type="CONSULT", mode="meeting",
                     participants=(Participant(f"Q{event % 100}", "source"), Participant(f"Q{(event * 7) % 100}", "target")),
                     date=DateValue.unknown(), evidence=(Span(0, 1),), sentence=text, language="en")
    store.save_article(raw, a, [], [m])
    return a.id, m.id


class Stream:
    def __init__(self, store: Store) -> None:
        self.store, self.members, self.n = store, {}, 0

    def add(self, event: int) -> None:
        self.members.setdefault(event, []).append(_report(self.store, self.n, event))
        self.n += 1

    def resolve(self) -> None:
        events = [Event(id=f"e{k}-{len(v)}", type="CONSULT", mode="meeting", date=DateValue.unknown(),
                        participants=(Participant(f"Q{k % 100}", "source"), Participant(f"Q{(k * 7) % 100}", "target")),
                        mention_ids=tuple(m for _, m in v), article_ids=tuple(a for a, _ in v))
                  for k, v in self.members.items()]
        ids = [e.id for e in events]
        stories = [Story(f"s{i}", f"story {i}", tuple(ids[i:i + 2]), ()) for i in range(0, len(ids) - 1, 10)]
        self.store.replace_resolution(events, [], stories)


def measure(size: int, cycles: int) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "desk.db") as store:
        stream = Stream(store)
        stored_articles.datetime = TwoDaysAgo
        try:
            for event in range(size):
                stream.add(event)
                stream.add(event)
        finally:
            stored_articles.datetime = datetime
        stream.resolve()
        created = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        full = [make_rule({**r, "name": "full-" + r["name"]}, created) for r in RULES]
        inc = [make_rule({**r, "name": "inc-" + r["name"]}, created) for r in RULES]
        for rule in full + inc:
            store.add_rule(rule)
        args = (lambda i: NAMES.get(i, ""), lambda i: None)
        # The first cycle of each rule reads everything either way; time the cycles after it.
        fire(store, full, datetime.now(UTC), *args, full=True)
        fire(store, inc, datetime.now(UTC), *args)
        before, after, alerts = [], [], 0
        for cycle in range(cycles):
            stream.add(size + cycle)       # a new event
            stream.add(cycle)              # an old event grows
            stream.add(cycle)
            stream.resolve()
            now = datetime.now(UTC)
            started = time.perf_counter()
            a = fire(store, full, now, *args, full=True)
            before.append(time.perf_counter() - started)
            started = time.perf_counter()
            b = fire(store, inc, now, *args)
            after.append(time.perf_counter() - started)
            if len(a) != len(b):
                raise SystemExit(f"{size} events, cycle {cycle}: {len(a)} alerts reading all, {len(b)} incrementally")
            alerts += len(b)
        return statistics.median(before), statistics.median(after), alerts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--cycles", type=int, default=3)
    args = parser.parse_args()
    print(f"{'events in store':>16} {'cycle before (s)':>17} {'cycle after (s)':>16} {'speed-up':>9} {'alerts':>7}")
    for size in args.sizes:
        before, after, alerts = measure(size, args.cycles)
        print(f"{size:>16,} {before:>17.3f} {after:>16.4f} {before / after:>8.0f}× {alerts:>7}")


if __name__ == "__main__":
    main()
