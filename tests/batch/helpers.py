"""What the batch tests compare: a database's articles, events, stories and duplicates, and a reference run."""

from __future__ import annotations

import sys
from pathlib import Path

from newstrace import pipeline
from newstrace.context import Context
from newstrace.resolve import resolve_store
from newstrace.store import Store

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from warc_corpus import write_shards  # noqa: E402


def outcome(db: str) -> dict:
    """Everything resolution decides, by id, and the bookkeeping that would show a duplicate."""
    with Store(db) as store:
        return {
            "articles": sorted(a.id for a in store.articles()),
            "events": sorted((e.id, e.mention_ids, e.article_ids) for e in store.events()),
            "stories": sorted((s.id, s.event_ids) for s in store.stories()),
            "duplicates": sorted((d.article_id, d.duplicate_of, d.kind) for d in store.duplicates()),
            "pending": store.pending_resolution(),
        }


def counts(db: str) -> tuple[int, int, int]:
    """Articles, their revisions and raw documents: equal when nothing was stored twice."""
    with Store(db) as store:
        rows = [store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "article_revisions", "raw_documents")]
    return rows[0], rows[1], rows[2]


def single_machine(targets: list[str], db: str) -> dict:
    """What `newstrace --no-spacy ingest TARGETS` stores: the reference of every batch test."""
    with Store(db) as store:
        ctx = Context(use_spacy=False)
        pipeline.ingest(targets, store, ctx)
        resolve_store(store, ctx)
    return outcome(db)


def corpus(folder: Path, articles: int, shards: int) -> Path:
    write_shards(folder, articles, shards)
    return folder
