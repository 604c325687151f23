"""Reports of attacks whose doers go unnamed ("gunmen"): no evidence of one event by themselves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.ids import UNNAMED_DOERS
from newstrace.model import DateValue
from newstrace.stages.resolution.canonical import build_event
from newstrace.stages.resolution.merge import block_keys, candidate_pairs, cluster
from tests.factories import day, mention

ATTACK = dict(type="ASSAULT", mode="attack")
SMALL_TOWNS = {"town1", "town2"}.__contains__


def groups_of(mentions, **kw):
    return sorted(tuple(m.id for m in g) for g in cluster(mentions, **kw))


def test_two_attacks_by_gunmen_in_two_towns_on_one_day_are_two_events():
    a = mention("m1", "a1", [UNNAMED_DOERS], day("2025-04-22"), place="town1", sentence="s", **ATTACK)
    b = mention("m2", "a2", [UNNAMED_DOERS], day("2025-04-22"), place="town2", sentence="s", **ATTACK)
    assert groups_of([a, b], similarity=lambda x, y: 1.0, local=SMALL_TOWNS) == [("m1",), ("m2",)]


def test_two_attacks_by_gunmen_in_one_town_on_two_days_are_two_events():
    a = mention("m1", "a1", [UNNAMED_DOERS], day("2025-04-22"), place="town1", **ATTACK)
    b = mention("m2", "a2", [UNNAMED_DOERS], day("2025-04-29"), place="town1", **ATTACK)
    assert groups_of([a, b], similarity=lambda x, y: 1.0, local=SMALL_TOWNS) == [("m1",), ("m2",)]


def test_gunmen_with_no_place_share_nothing():
    a = mention("m1", "a1", [UNNAMED_DOERS], day("2025-04-22"), **ATTACK)
    b = mention("m2", "a2", [UNNAMED_DOERS], day("2025-04-22"), **ATTACK)
    assert candidate_pairs([a, b]) == set()
    assert groups_of([a, b], similarity=lambda x, y: 1.0) == [("m1",), ("m2",)]


def test_the_unnamed_doers_are_no_block_of_their_own():
    a = mention("m1", "a1", [UNNAMED_DOERS, "india"], day("2025-04-22"), place="town1", **ATTACK)
    assert block_keys(a) == [("ASSAULT", "india"), ("ASSAULT", "@town1")]
    talk = mention("m2", "a2", ["india"], day("2025-04-22"), place="town1")
    assert block_keys(talk) == [("CONSULT", "india")]


def test_gunmen_and_the_named_group_on_one_day_in_one_small_town_are_one_attack():
    a = mention("m1", "a1", [UNNAMED_DOERS], DateValue.of_month(2025, 4, "text", weekday=1), place="town1", **ATTACK)
    b = mention("m2", "a2", ["trf"], day("2025-04-22"), place="town1", **ATTACK)
    assert groups_of([a, b], local=SMALL_TOWNS) == [("m1", "m2")]
    # On another weekday it cannot be that day's attack.
    c = mention("m3", "a3", [UNNAMED_DOERS], DateValue.of_month(2025, 4, "text", weekday=3), place="town1", **ATTACK)
    assert groups_of([b, c], local=SMALL_TOWNS) == [("m2",), ("m3",)]


def test_in_a_city_gunmen_and_a_named_doer_need_reports_that_say_the_same():
    a = mention("m1", "a1", [UNNAMED_DOERS], day("2025-04-22"), place="city", sentence="s1", **ATTACK)
    b = mention("m2", "a2", ["army"], day("2025-04-22"), place="city", sentence="s2", **ATTACK)
    assert groups_of([a, b], local=SMALL_TOWNS) == [("m1",), ("m2",)]
    alike = lambda x, y: 0.8 if {x.sentence, y.sentence} == {"s1", "s2"} else 0.1
    assert groups_of([a, b], similarity=alike, local=SMALL_TOWNS) == [("m1", "m2")]
    assert groups_of([a, b], similarity=lambda x, y: 0.2, local=SMALL_TOWNS) == [("m1",), ("m2",)]


def test_the_canonical_event_keeps_the_named_doer_and_drops_the_unnamed_ones():
    a = mention("m1", "a1", [UNNAMED_DOERS], day("2025-04-22"), place="town1", **ATTACK)
    b = mention("m2", "a2", [UNNAMED_DOERS, "india"], day("2025-04-22"), place="town1", **ATTACK)
    c = mention("m3", "a3", ["trf", "india"], day("2025-04-22"), place="town1", **ATTACK)
    assert [p.entity_id for p in build_event([a, b, c]).participants] == ["trf", "india"]
    assert [p.entity_id for p in build_event([a, b]).participants] == [UNNAMED_DOERS, "india"]


@st.composite
def attacks(draw):
    n = draw(st.integers(1, 12))
    out = []
    for i in range(n):
        who = draw(st.lists(st.sampled_from([UNNAMED_DOERS, "a", "b", "country"]), min_size=1, max_size=2, unique=True))
        when = draw(st.sampled_from([None, "2025-04-22", "2025-04-23", "2025-04-29"]))
        value = DateValue.unknown() if when is None else day(when)
        out.append(mention(f"m{i:02}", f"a{i % 4}", who, value, place=draw(st.sampled_from([None, "town1", "city"])),
                           sentence=draw(st.sampled_from(["s1", "s2"])), main=i % 4 == i, **ATTACK))
    return out


@settings(max_examples=150, deadline=None)
@given(attacks(), st.randoms(use_true_random=False))
def test_merging_unnamed_doers_is_independent_of_order(mentions, rnd):
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    alike = lambda x, y: 0.9 if x.sentence == y.sentence else 0.1
    kw = dict(similarity=alike, local=SMALL_TOWNS)
    assert groups_of(mentions, **kw) == groups_of(shuffled, **kw)
