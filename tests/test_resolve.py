"""Incremental resolution over the store: any ingest order and batching gives the full result."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace import pipeline
from newstrace.context import Context
from newstrace.ingest.sources import iter_raw
from newstrace.resolve import resolve_store
from newstrace.store import Store

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


@pytest.fixture(scope="module")
def ctx():
    return Context(use_spacy=False)


@pytest.fixture(scope="module")
def processed(ctx):
    """A slice of the corpus: several events with reports in several languages, processed once."""
    raws = [r for r in iter_raw(str(CORPUS / "*.txt")) if not isinstance(r, Exception)]
    return [pipeline.process(raw, ctx) for raw in sorted(raws, key=lambda r: r.origin.file)[:24]]


def outcome(store: Store):
    events = sorted((e.id, e.type, e.date.label(), e.place_id, e.article_ids) for e in store.events())
    duplicates = sorted((d.article_id, d.duplicate_of, d.kind) for d in store.duplicates())
    stories = sorted((s.id, s.event_ids) for s in store.stories())
    return events, duplicates, stories


@pytest.fixture(scope="module")
def reference(processed, ctx, tmp_path_factory):
    with Store(tmp_path_factory.mktemp("ref") / "ref.db") as store:
        for done in processed:
            store.save_article(done.raw, done.article, done.mentions, done.events, done.lines)
        resolve_store(store, ctx, full=True)
        result = outcome(store)
    assert result[0], "the slice must yield events"
    assert any(len(e[4]) > 1 for e in result[0]), "the slice must hold events with several reports"
    return result


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_and_batching_gives_the_full_result(data, processed, ctx, reference, tmp_path_factory):
    order = data.draw(st.permutations(range(len(processed))))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(processed) - 1), max_size=3)))
    with Store(tmp_path_factory.mktemp("inc") / "inc.db") as store:
        start = 0
        for end in [*cuts, len(processed)]:
            for i in order[start:end]:
                done = processed[i]
                store.save_article(done.raw, done.article, done.mentions, done.events, done.lines)
            resolve_store(store, ctx)
            start = end
        assert outcome(store) == reference


def test_resolving_again_changes_nothing(processed, ctx, reference, tmp_path):
    with Store(tmp_path / "again.db") as store:
        for done in processed:
            store.save_article(done.raw, done.article, done.mentions, done.events, done.lines)
        resolve_store(store, ctx)
        summary = resolve_store(store, ctx)
        assert summary.reclustered == 0
        assert outcome(store) == reference


def test_a_city_and_its_district_or_its_country_can_be_one_place(ctx):
    from newstrace.resolve import place_relation

    kb = ctx.kb
    same = place_relation(kb)
    madrid = kb.search("Madrid", limit=5)[0].entity_id
    district = kb.search("Moncloa-Aravaca", limit=5)[0].entity_id
    spain = kb.search("Spain", limit=5)[0].entity_id
    barcelona = kb.search("Barcelona", limit=5)[0].entity_id
    assert same(madrid, district) and same(madrid, spain)
    assert not same(madrid, barcelona)
