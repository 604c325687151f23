"""Firing alert rules on the store's events and stories: new events, events reaching N sources, breaking stories.

The breaking-story test follows EMM's idea of judging a story against its own history
rather than against a global threshold: a story is breaking when, counting each
independent report once (copies and translations found by stages/resolution/duplicates.py fold
into the report they repeat),

    recent   = its reports in the last `window_s` (default one hour),
    expected = its reports in the `baseline_s` before that (default a day) × window / baseline,
    breaking ⇔ recent ≥ min_reports (default 3)  and  recent ≥ ratio × max(expected, 1)  (ratio 3).

Why this rule: a ratio against the story's own rate lets a story that is always busy (a
war covered every hour) stay quiet while a quiet one that jumps is flagged; the floor of
one expected report keeps a brand-new story from firing on its first couple of reports;
the minimum count keeps a jump from one report to two from counting as news. A report's
time is its arrival in the store, as EMM counts arrivals (a feed's publication time is kept
at day precision, too coarse for an hour's window), except that a report whose publication
ended before the window began is put at that end: a backlog of old items fetched at once
on a first poll is then no burst. An alert covers the reports of the burst, so the same
burst fires once, and a later burst of fresh reports fires again. An event in no story is
judged as a story of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from newstrace.desk.rules import Matcher
from newstrace.ids import digest
from newstrace.model import Alert, AlertRule, Event, Story
from newstrace.stages.resolution.duplicates import source_roots
from newstrace.store import Store


def _when(published_end: str | None, ingested: str, window_s: int) -> datetime:
    arrived = datetime.fromisoformat(ingested)
    if not published_end:
        return arrived
    try:
        ended = datetime.fromisoformat(published_end)
    except ValueError:
        return arrived
    if ended.tzinfo is None:
        ended = ended.replace(tzinfo=arrived.tzinfo)
    if len(published_end) == 10:  # a day: it ends at the next midnight
        ended += timedelta(days=1)
    return ended if ended < arrived - timedelta(seconds=window_s) else arrived


def _alert(rule: AlertRule, kind: str, subject: str, title: str, members: list[str], now: datetime,
           detail: tuple[tuple[str, str], ...]) -> Alert:
    ident = "al" + digest(f"{rule.name}|{kind}|{'|'.join(sorted(members))}", 14)
    return Alert(ident, rule.name, kind, subject, title, now.isoformat(), rule.deliver, detail)


def event_title(event: Event, name_of: Callable[[str], str]) -> str:
    who = ", ".join(dict.fromkeys(name_of(p.entity_id) or p.entity_id for p in event.participants[:3]))
    when = event.date.label() if event.date.known else "undated"
    return f"{event.type.lower()}: {who or 'no named actor'} ({when})"


def fire(store: Store, rules: list[AlertRule], now: datetime, name_of: Callable[[str], str],
         country_of: Callable[[str], str | None], *, full: bool = False) -> list[Alert]:
    """Record every alert the rules fire now; returns the ones not recorded before.

    Only what can have changed is read. An event or sources rule reads the events whose
    revision passed the one it saw last: the store gives an event a new revision whenever
    anything such a rule looks at changes (its content, its story, the independent source
    and arrival of each report), and an unchanged event gives the answer it gave before.
    A breaking rule reads the stories holding a report that arrived within its window: a
    story without one has no recent report and cannot be breaking. `full` reads every event
    and story instead, as the desk did before it kept revisions (the benchmark compares them).
    """
    if not rules:
        return []
    upto = store.resolution_generation()
    event_rules = [r for r in rules if r.on != "breaking"]
    breaking = [r for r in rules if r.on == "breaking"]
    # Rules that saw the same revision (as a rule added since has not) share one read.
    by_revision: dict[int, list[AlertRule]] = {}
    for rule in event_rules:
        by_revision.setdefault(-1 if full else store.rule_revision(rule), []).append(rule)
    batches = [(group, store.events_changed(revision, upto)) for revision, group in sorted(by_revision.items())]
    candidates: list[Event] = []
    watched: list[Story] = []  # the stories a breaking rule judges
    if breaking and full:
        candidates, watched = store.events(), store.stories()
    elif breaking:
        since = now - timedelta(seconds=max(r.window_s for r in breaking))
        recent = store.events_reported_since(since.isoformat())
        watched = store.stories_of(recent)
        members = {e for s in watched for e in s.event_ids}
        candidates = list(store.events_of(set(recent) | members).values())
    events = {e.id: e for _, batch in batches for e in batch} | {e.id: e for e in candidates}
    stories = store.stories() if full else store.stories_of(events)
    articles = {a for e in events.values() for a in e.article_ids}
    roots = source_roots(store.duplicates()) if full else store.duplicate_roots(articles)
    languages = store.article_languages() if full else store.article_languages(articles)
    matcher = Matcher(name_of, country_of, languages, stories)
    times = store.report_times(articles)
    fired: list[Alert] = []
    for group, batch in batches:
        for rule in group:
            for event in batch:
                if matcher.event(rule, event):
                    alert = _event_alert(rule, event, roots, times, now, name_of)
                    if alert and store.record_alert(alert, event.mention_ids):
                        fired.append(alert)
            if not full:
                store.advance_rule(rule, upto)
    if breaking:
        # An event in no story (stories join two or more events) is a story of its own here.
        in_story = {e for s in stories for e in s.event_ids}
        lone = [Story(e.id, event_title(e, name_of), (e.id,), ()) for e in candidates if e.id not in in_story]
        for rule in breaking:
            for story in [*watched, *lone]:
                if matcher.story(rule, story, events):
                    fired.extend(_breaking(store, rule, story, events, roots, times, now))
    return fired


def _event_alert(rule, event: Event, roots, times, now, name_of) -> Alert | None:
    arrivals = sorted(times[a][1] for a in event.article_ids if a in times)
    if not arrivals or arrivals[-1] < rule.created_at:
        return None  # nothing about it came after the rule was made: the rule looks forward
    independent = sorted({roots.get(a, a) for a in event.article_ids})
    if rule.on == "event" and arrivals[0] < rule.created_at:
        return None
    if rule.on == "sources" and len(independent) < rule.sources:
        return None
    detail = (("event", event.id), ("sources", str(len(independent))), ("type", event.type))
    title = event_title(event, name_of)
    if rule.on == "sources":
        title = f"{len(independent)} independent sources · {title}"
    return _alert(rule, rule.on, event.id, title, list(event.mention_ids), now, detail)


def _breaking(store, rule: AlertRule, story: Story, events, roots, times, now: datetime) -> list[Alert]:
    # Each independent report once, at the time of its earliest copy.
    first: dict[str, datetime] = {}
    arrived: dict[str, str] = {}
    for event_id in story.event_ids:
        for article in events[event_id].article_ids if event_id in events else ():
            if article in times:
                root = roots.get(article, article)
                when = _when(*times[article], rule.window_s)
                first[root] = min(first.get(root, when), when)
                arrived[root] = max(arrived.get(root, ""), times[article][1])
    window_start = now - timedelta(seconds=rule.window_s)
    baseline_start = window_start - timedelta(seconds=rule.baseline_s)
    recent = sorted(a for a, t in first.items() if window_start < t <= now)
    before = sum(1 for t in first.values() if baseline_start < t <= window_start)
    expected = before * rule.window_s / rule.baseline_s
    if len(recent) < rule.min_reports or len(recent) < rule.ratio * max(expected, 1.0):
        return []
    if max(arrived[a] for a in recent) < rule.created_at:
        return []
    detail = (("story", story.id), ("recent", str(len(recent))), ("expected", f"{expected:.2f}"))
    title = f"breaking: {story.title} ({len(recent)} reports in {rule.window_s // 60} min, {expected:.1f} expected)"
    alert = _alert(rule, "breaking", story.id, title, recent, now, detail)
    return [alert] if store.record_alert(alert, recent) else []
