"""Resolution partitions: components of shared blocking keys, clustered apart exactly as together."""

from __future__ import annotations

import random

from newstrace.batch.partition import packed, partitions
from newstrace.stages.resolution.merge import cluster
from tests.factories import day, mention


def _ids(parts):
    return [[m.id for m in part] for part in parts]


def test_mentions_sharing_a_key_directly_or_through_others_are_one_partition():
    mentions = [
        mention("m1", "a1", ["Q1", "Q2"], day("2026-02-09")),
        mention("m2", "a2", ["Q2", "Q3"], day("2026-02-09")),   # shares (CONSULT, Q2) with m1
        mention("m3", "a3", ["Q3", "Q4"], day("2026-02-10")),   # joins through m2
        mention("m4", "a4", ["Q5", "Q6"], day("2026-02-09")),   # nothing in common
        mention("m5", "a5", ["Q1", "Q2"], day("2026-02-09"), type="ASSAULT"),  # same actors, other type
    ]
    assert _ids(partitions(mentions, lambda e: None)) == [["m1", "m2", "m3"], ["m4"], ["m5"]]


def test_the_state_an_official_stands_for_joins_partitions():
    mentions = [mention("m1", "a1", ["Q1", "Q9"]), mention("m2", "a2", ["Q100", "Q8"])]
    official_of_q100 = {"Q1": "Q100"}.get
    assert _ids(partitions(mentions, lambda e: None)) == [["m1"], ["m2"]]
    assert _ids(partitions(mentions, official_of_q100)) == [["m1", "m2"]]


def test_clustering_each_partition_gives_the_groups_of_the_whole_corpus():
    rnd = random.Random(5)
    actors = [f"Q{i}" for i in range(30)]
    mentions = []
    for i in range(300):
        pair = rnd.sample(actors[(i % 6) * 5:(i % 6) * 5 + 5], 2) if i % 7 else rnd.sample(actors, 2)
        mentions.append(mention(f"m{i:03}", f"a{i % 120:03}", pair, day(f"2026-02-{rnd.randint(1, 5):02}"),
                                type=rnd.choice(("CONSULT", "ASSAULT")), place=rnd.choice((None, "P1", "P2"))))
    whole = cluster(mentions)
    parts = partitions(mentions, lambda e: None)
    assert len(parts) > 1
    apart = sorted((g for part in parts for g in cluster(part)), key=lambda g: g[0].id)
    assert [tuple(m.id for m in g) for g in apart] == [tuple(m.id for m in g) for g in whole]
    assert any(len(g) > 1 for g in whole)


def test_small_partitions_are_packed_and_large_ones_stand_alone():
    parts = [["a"] * 5, ["b"] * 2, ["c"] * 2, ["d"], ["e"]]
    assert [[len(p) for p in task] for task in packed(parts, 4)] == [[5], [2, 2], [1, 1]]
