"""Event revisions and story membership on both backends: kept for what did not change, backfilled on upgrade."""

from __future__ import annotations

from newstrace.model import DateValue, DuplicateReport, Event, Participant, Story
from newstrace.store import Store
from newstrace.store.migrations import MIGRATIONS
from tests.factories import article, raw


def _event(eid: str, *articles: str) -> Event:
    return Event(id=eid, type="CONSULT", mode="meeting", date=DateValue.unknown(),
                 participants=(Participant("Q1", "source"),), mention_ids=tuple(f"m{a}" for a in articles),
                 article_ids=articles)


def _revisions(store: Store) -> dict[str, int]:
    upto = store.resolution_generation()
    changed = {e.id for e in store.events_changed(-1, upto)}
    # The revision of each event: the first generation from which it no longer counts as changed.
    return {eid: min(g for g in range(upto + 1) if eid not in {e.id for e in store.events_changed(g, upto)})
            for eid in changed}


def test_an_unchanged_event_keeps_its_revision_and_a_changed_one_takes_the_new(db_target):
    with Store(db_target) as store:
        for name in ("a", "b", "c"):
            a = article(f"Report {name}.", name=f"{name}.txt")
            store.save_article(raw(a.text, f"{name}.txt"), a)
        ids = [r.id for r in store.articles()]
        store.replace_resolution([_event("e1", ids[0]), _event("e2", ids[1])], [], [])
        assert _revisions(store) == {"e1": 1, "e2": 1}
        store.replace_resolution([_event("e1", ids[0]), _event("e2", ids[1])], [], [])
        assert _revisions(store) == {"e1": 1, "e2": 1} and store.resolution_generation() == 2
        # e2 joins a story; e1 gains nothing: only e2 changes.
        store.replace_resolution([_event("e1", ids[0]), _event("e2", ids[1])], [],
                                 [Story("s1", "talks", ("e2", "e9"), ())])
        assert _revisions(store) == {"e1": 1, "e2": 3}
        assert [s.id for s in store.stories_of(["e2"])] == ["s1"] and store.stories_of(["e1"]) == []
        # A report of e1 is found to be a copy of another: e1's independent sources change.
        store.replace_resolution([_event("e1", ids[0]), _event("e2", ids[1])],
                                 [DuplicateReport(ids[0], ids[2], "copy", 0.9)], [Story("s1", "talks", ("e2",), ())])
        assert _revisions(store)["e1"] == 4
        assert store.duplicate_roots([ids[0]]) == {ids[0]: ids[2]}
        assert set(store.events_of(["e1", "e2", "nope"])) == {"e1", "e2"}
        assert store.events_reported_since("2000-01-01T00:00:00+00:00") == []  # no mentions stored


def test_the_upgrade_fills_story_membership_from_stored_stories(db_target):
    with Store(db_target) as store:
        store.replace_resolution([_event("e1", "a1"), _event("e2", "a2")], [],
                                 [Story("s1", "talks", ("e1", "e2"), ()), Story("s2", "more", ("e2",), ())])
        for statement in ("DROP TABLE story_events", "DROP TABLE alert_cursors", "DROP INDEX events_revision",
                          "DROP INDEX articles_ingested", "ALTER TABLE events DROP COLUMN revision",
                          "ALTER TABLE events DROP COLUMN digest"):
            store.conn.execute(statement)
        assert "0007_desk_cursors" in {m.name for m in MIGRATIONS}
        store.conn.execute("DELETE FROM schema_migrations WHERE name = ?", ("0007_desk_cursors",))
    with Store(db_target) as store:
        assert [s.id for s in store.stories_of(["e2"])] == ["s1", "s2"]
        assert [s.id for s in store.stories_of(["e1"])] == ["s1"]
        # Events from before the upgrade count as changed for every rule on its first cycle.
        assert {e.id for e in store.events_changed(-1, store.resolution_generation())} == {"e1", "e2"}
