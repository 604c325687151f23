"""The quality gate: every gold set scores at least its recorded floors."""

from __future__ import annotations

import pytest

from gold_sets import GOLD_SETS, SHARED_SETS, measure
from newstrace.context import Context
from newstrace.quality import gold_hash, load_floors, shortfalls
from tests.conftest import DATA

FLOORS = load_floors(DATA / "floors.json")


@pytest.fixture(scope="module")
def ctx():
    return Context()


@pytest.mark.slow
@pytest.mark.parametrize("gold_set", GOLD_SETS, ids=[g.name for g in GOLD_SETS])
def test_gold_set_meets_its_floors(gold_set, ctx):
    marker = SHARED_SETS.get(gold_set.name)
    if marker is not None and not marker.exists():
        pytest.skip(f"the {gold_set.name} articles are not at {marker.parent}: clone the repo beside shared/")
    floor = FLOORS.get(gold_set.name)
    assert floor is not None, f"no floors recorded for {gold_set.name}: run scripts/record-floors"
    assert floor.gold_sha256 == gold_hash(gold_set.gold), (
        f"{gold_set.gold} changed since its floors were recorded: run scripts/record-floors {gold_set.name}")
    problems = shortfalls(floor, measure(gold_set, ctx), tolerance=0.005)
    assert not problems, f"{gold_set.name} fell below its floors: {problems}"
