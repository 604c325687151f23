"""Incremental rule evaluation fires exactly what reading every event and story on every cycle fires."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newstrace.desk.fire import fire
from newstrace.desk.rules import make_rule
from newstrace.ids import digest
from newstrace.model import DateValue, DuplicateReport, Event, Participant, Story
from newstrace.store import Store
from tests.factories import article, mention, raw

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
# Four events, each a fixed cast at a fixed place; the first two make one story.
CASTS = [("Q1", "Q2", "gn:1"), ("Q1", "Q3", "gn:1"), ("Q4", "Q5", "gn:2"), ("Q2", "Q6", "gn:3")]
NAMES = {"Q1": "Hakan Fidan", "Q2": "Sergey Lavrov", "Q3": "Abbas Araghchi", "Q4": "Marco Rubio",
         "Q5": "Pedro Sanchez", "Q6": "Friedrich Merz", "gn:1": "Moscow", "gn:2": "Madrid", "gn:3": "Berlin"}
RULES = [{"name": "any"}, {"name": "two", "on": "sources", "sources": 2}, {"name": "fidan", "actor": "Hakan Fidan"},
         {"name": "pair", "pair": ["Q2", "Q6"], "on": "sources", "sources": 3}, {"name": "talks", "story": "talks"},
         {"name": "french", "language": "fr"}, {"name": "madrid", "place": "Madrid", "on": "sources", "sources": 2},
         {"name": "burst", "on": "breaking", "window": "1h", "baseline": "24h", "min_reports": 2, "ratio": 2}]


class Desk:
    """One store fed a scripted stream of reports, resolved by a plain rule: one event per cast."""

    def __init__(self, path, full: bool) -> None:
        self.store, self.full = Store(path), full
        self.reports: list[tuple[str, int, str]] = []  # (article id, cast, mention id)
        self.copies: list[DuplicateReport] = []

    def add(self, n: int, cast: int, language: str, arrived: datetime, published: DateValue, copy_of: str | None):
        a = article(f"Report {n} of talks {cast}.", name=f"r{n}.txt", language=language, published=published)
        who, _, place = CASTS[cast][0], CASTS[cast][1], CASTS[cast][2]
        m = mention(f"m{n}", a.id, [who, CASTS[cast][1]], place=place)
        self.store.save_article(raw(a.text, f"r{n}.txt"), a, [], [m])
        # Arrival at the scripted time (the store stamps the wall clock).
        self.store.conn.execute("UPDATE articles SET ingested_at = ? WHERE id = ?", (arrived.isoformat(), a.id))
        self.reports.append((a.id, cast, m.id))
        if copy_of is not None:
            self.copies.append(DuplicateReport(a.id, copy_of, "copy", 0.99))
        return a.id

    def revise(self, n: int, arrived: datetime) -> None:
        """A corrected text of report n, arriving again; its event's content stays the same."""
        aid, cast, mid = next(r for r in self.reports if r[2] == f"m{n}")
        a = article(f"Report {n} of talks {cast}, corrected.", name=f"r{n}.txt")
        self.store.save_article(raw(a.text, f"r{n}.txt"), a, [], [mention(mid, aid, list(CASTS[cast][:2]),
                                                                          place=CASTS[cast][2])])
        self.store.conn.execute("UPDATE articles SET ingested_at = ? WHERE id = ?", (arrived.isoformat(), aid))

    def withdraw_copy(self, n: int) -> None:
        """A later resolution no longer takes report n for a copy: it becomes an independent source."""
        aid = next(r[0] for r in self.reports if r[2] == f"m{n}")
        self.copies = [c for c in self.copies if c.article_id != aid]

    def resolve(self, story_title: str) -> None:
        events, story = [], []
        for cast, (x, y, place) in enumerate(CASTS):
            mine = [(a, m) for a, c, m in self.reports if c == cast]
            if not mine:
                continue
            mentions = tuple(sorted(m for _, m in mine))
            events.append(Event(id="e" + digest("|".join(mentions), 10), type="CONSULT", mode="meeting",
                                date=DateValue.unknown(), participants=(Participant(x, "source"), Participant(y, "target")),
                                mention_ids=mentions, article_ids=tuple(sorted(a for a, _ in mine)), place_id=place))
            if cast < 2:
                story.append(events[-1].id)
        stories = [Story("s1", story_title, tuple(story), ("Q1",))] if len(story) == 2 else []
        self.store.replace_resolution(events, self.copies, stories)

    def fire(self, now: datetime) -> set[str]:
        return {a.id for a in fire(self.store, self.store.rules(), now, lambda i: NAMES.get(i, ""),
                                   lambda i: None, full=self.full)}


def test_incremental_and_full_evaluation_fire_the_same_alerts_cycle_by_cycle(tmp_path):
    rnd = random.Random(13)
    full, inc = Desk(tmp_path / "full.db", True), Desk(tmp_path / "inc.db", False)
    for desk in (full, inc):
        for values in RULES[:-2]:
            desk.store.add_rule(make_rule(values, START.isoformat()))
    fired_full, fired_inc, n = [], [], 0
    for cycle in range(12):
        now = START + timedelta(minutes=40 * cycle)
        if cycle == 3:  # rules added (and one replaced) mid-stream read every event once
            for desk in (full, inc):
                for values in RULES[-2:]:
                    desk.store.add_rule(make_rule(values, now.isoformat()))
                desk.store.add_rule(make_rule({"name": "any", "type": "CONSULT"}, now.isoformat()))
        # Scripted first (each case where only a digest of what rules read tells an event changed),
        # then a random stream with a burst on the third cast.
        script = {0: [(3, "en", None), (3, "fr", None)],  # before the rules: they must not fire on these
                  1: [(0, "en", None), (2, "en", None)], 2: [(2, "en", "first")], 4: [(1, "tr", None)]}
        if cycle in script:
            planned = script[cycle]
        elif cycle == 8:
            planned = [(2, "en", None)] * 5
        elif cycle < 7:
            planned = []
        else:
            planned = [(rnd.randrange(len(CASTS)), rnd.choice(["en", "fr", "tr"]), "maybe")
                       for _ in range(rnd.randint(0, 2))]
        for cast, language, copy in planned:
            old = cycle > 8 and rnd.random() < 0.3
            published = DateValue.of_day((now - timedelta(days=3)).date(), "meta") if old else DateValue.unknown()
            earlier = [a for a, c, _ in full.reports if c == cast]
            copy_of = earlier[0] if earlier and (copy == "first" or (copy and rnd.random() < 0.3)) else None
            arrived = now - timedelta(minutes=5 if cycle == 0 else rnd.randint(1, 30))
            for desk in (full, inc):
                desk.add(n, cast, language, arrived, published, copy_of)
            n += 1
        for desk in (full, inc):
            if cycle == 5:  # report 4 (a copy of report 3) is found independent: its event has two sources
                desk.withdraw_copy(4)
            if cycle == 6:  # report 0, stored before the rules, is corrected and arrives again
                desk.revise(0, now)
        title = "talks on grain" if cycle < 6 else "grain corridor"  # the story is renamed: "talks" no longer names it
        for desk in (full, inc):
            desk.resolve(title)
        fired_full.append(full.fire(now))
        fired_inc.append(inc.fire(now))
        # A cycle with nothing new fires nothing, in either way of reading.
        assert full.fire(now) == set() and inc.fire(now) == set()
    assert fired_inc == fired_full
    with full.store as store:
        kinds = {a.rule for a in store.alerts()}
        rule_of = {a.id: a.rule for a in store.alerts()}
        # Report 4 repeats report 3: two reports, one source. Found independent in cycle 5, the event has two.
        assert "two" not in {rule_of[i] for i in fired_full[2]} and "two" in {rule_of[i] for i in fired_full[5]}
    assert {"any", "two", "fidan", "talks", "burst", "madrid"} <= kinds, kinds
    with inc.store as store:
        assert all(store.rule_revision(r) == store.resolution_generation() for r in store.rules() if r.on != "breaking")
