"""Blocking as integer codes gives exactly the pairs of the rules as first written, on crowded blocks."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections import defaultdict
from datetime import date, timedelta

from newstrace.model import DateValue
from newstrace.stages.resolution.blocking import Limits, candidate_codes, decoded
from newstrace.stages.resolution.merge import related_ids
from tests.factories import mention

# Small limits, so a few hundred mentions take every path: split blocks, partner sweeps, alone scans.
SMALL = Limits(cap=4, neighbours=3, tolerance=1, max_span=366)


def reference_pairs(mentions, limits: Limits) -> set[tuple[str, str]]:
    """The blocking rules transcribed directly, one pair at a time, as merge.py first had them."""
    tolerance, max_span = timedelta(days=limits.tolerance), timedelta(days=limits.max_span)
    pairs: set[tuple[str, str]] = set()

    def add(a, b):
        if a.id != b.id:
            pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))

    def all_pairs(members):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                add(a, b)

    def sweep(group):
        dated = sorted((m for m in group if m.date.known), key=lambda m: (m.date.start, m.date.end, m.id))
        for i, a in enumerate(dated):
            for b in dated[i + 1:i + 1 + limits.neighbours]:
                if b.date.start > a.date.end + tolerance:
                    break
                add(a, b)
        for a in (m for m in group if not m.date.known):
            for b in group:
                if b.date.known or b.id > a.id:
                    add(a, b)

    blocks = defaultdict(list)
    for m in mentions:
        for actor in sorted(related_ids(m)):
            blocks[(m.type, actor)].append(m)
    for (_, actor), members in blocks.items():
        if len(members) <= limits.cap:
            all_pairs(members)
            continue
        by_partner, alone = defaultdict(list), []
        for m in members:
            partners = related_ids(m) - {actor}
            if not partners:
                alone.append(m)
            for partner in partners:
                by_partner[partner].append(m)
        for group in by_partner.values():
            all_pairs(group) if len(group) <= limits.cap else sweep(group)
        dated = sorted((m for m in members if m.date.known), key=lambda m: (m.date.start, m.id))
        starts = [m.date.start for m in dated]
        for m in (m for m in alone if m.date.known):
            for other in dated[bisect_left(starts, m.date.start - max_span):]:
                if other.date.start > m.date.end + tolerance:
                    break
                if other.date.end + tolerance >= m.date.start:
                    add(m, other)
    return pairs


def crowded(n: int, seed: int):
    """Mentions of few actors, two types, and dates of every precision (some none)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2025, 1, 1) + timedelta(days=rnd.randrange(500))
        kind = rnd.random()
        when = (DateValue.of_day(day, "text") if kind < 0.55 else DateValue.of_month(day.year, day.month, "text")
                if kind < 0.8 else DateValue.of_year(day.year, "text") if kind < 0.9 else DateValue.unknown())
        actors = list(dict.fromkeys(rnd.choices(["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"], [8, 4, 2, 1, 1, 1],
                                                k=rnd.randint(1, 3))))
        out.append(mention(f"m{rnd.randrange(10**6):06}-{i}", f"a{i}", actors, when,
                           type=rnd.choice(["CONSULT", "ASSAULT"])))
    return out


def test_codes_are_the_pairs_of_the_rules_in_every_path():
    for seed in range(4):
        mentions = sorted(crowded(400, seed), key=lambda m: m.id)
        codes = candidate_codes(mentions, related_ids, SMALL)
        got = {(mentions[i].id, mentions[j].id) for i, j in decoded(codes, len(mentions), chunk=1000)}
        expected = reference_pairs(mentions, SMALL)
        assert got == expected, (seed, len(got ^ expected))
        assert len(codes) == len(set(codes.tolist())) and list(codes) == sorted(codes), "unique and sorted"


def test_no_mentions_no_pairs():
    assert len(candidate_codes([], related_ids, SMALL)) == 0


def reference_place_pairs(mentions, placed, unnamed, limits: Limits) -> set[tuple[str, str]]:
    """The place-block rule transcribed directly: a small block pairs every mention whose doers
    are unnamed with every other; a large one sweeps those among themselves (as a partner group
    is swept) and pairs each dated one with every dated mention whose interval meets its own."""
    tolerance = timedelta(days=limits.tolerance)
    pairs: set[tuple[str, str]] = set()

    def add(a, b):
        if a.id != b.id:
            pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))

    blocks = defaultdict(list)
    for m in mentions:
        if placed(m) is not None:
            blocks[(m.type, placed(m))].append(m)
    for members in blocks.values():
        led = [m for m in members if unnamed(m)]
        if len(members) <= limits.cap:
            for a in led:
                for b in members:
                    add(a, b)
            continue
        dated = sorted((m for m in led if m.date.known), key=lambda m: (m.date.start, m.date.end, m.id))
        for i, a in enumerate(dated):
            for b in dated[i + 1:i + 1 + limits.neighbours]:
                if b.date.start > a.date.end + tolerance:
                    break
                add(a, b)
        for a in (m for m in led if not m.date.known):
            for b in led:
                add(a, b)
        for a in (m for m in led if m.date.known):
            for b in (m for m in members if m.date.known):
                if b.date.start <= a.date.end + tolerance and b.date.end + tolerance >= a.date.start:
                    add(a, b)
    return pairs


def test_place_blocks_pair_only_reports_of_unnamed_doers_in_every_path():
    for seed in range(4):
        rnd = random.Random(seed)
        mentions = sorted(crowded(300, seed), key=lambda m: m.id)
        places = {m.id: rnd.choice(["p1", "p2", "p3", None]) for m in mentions}
        led = {m.id for m in mentions if rnd.random() < 0.3}
        placed, unnamed = (lambda m: places[m.id]), (lambda m: m.id in led)
        codes = candidate_codes(mentions, lambda m: frozenset(), SMALL, placed, unnamed)
        got = {(mentions[i].id, mentions[j].id) for i, j in decoded(codes, len(mentions))}
        assert got == reference_place_pairs(mentions, placed, unnamed, SMALL), seed
