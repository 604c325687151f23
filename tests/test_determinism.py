"""Results do not depend on where the input files sit or what they are called."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newstrace import pipeline
from newstrace.context import Context
from newstrace.resolve import resolve_store
from newstrace.store import Store
from tests.conftest import DATA


def _copy(target: Path, rename) -> Path:
    target.mkdir(parents=True)
    for path in sorted((DATA / "corpus").glob("*.txt")):
        shutil.copy(path, target / rename(path.name))
    return target


def _outcome(folder: Path, db: Path, ctx: Context) -> set[tuple]:
    """Every event as its type, mode, date, place, participants and the texts of its reports."""
    with Store(db) as store:
        pipeline.ingest([str(folder / "*.txt")], store, ctx)
        resolve_store(store, ctx, full=True)
        text_of = {a.id: a.content_hash for a in store.articles()}
        mentions = {m.id: m for m in store.event_mentions()}
        return {
            (e.type, e.mode, e.date.label(), e.place_id, tuple(sorted(p.entity_id for p in e.participants)),
             tuple(sorted((text_of[mentions[mid].article_id], mentions[mid].trigger) for mid in e.mention_ids)))
            for e in store.events()
        }


@pytest.mark.slow
def test_same_files_elsewhere_and_renamed_give_the_same_events(tmp_path):
    ctx = Context()
    here = _copy(tmp_path / "a", lambda name: name)
    # Reversed names reverse the order of ids and of the files in a listing.
    there = _copy(tmp_path / "deeper" / "other" / "b", lambda name: "z-" + name[:-4][::-1] + ".txt")
    first = _outcome(here, tmp_path / "a.db", ctx)
    second = _outcome(there, tmp_path / "b.db", ctx)
    assert first and first == second
