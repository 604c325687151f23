"""The gold sets the quality gate measures: where the articles are, where their gold is."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from newstrace import pipeline
from newstrace.context import Context
from newstrace.eval import evaluate, load_gold
from newstrace.quality import measured
from newstrace.resolve import resolve_store
from newstrace.store import Store

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"


@dataclass(frozen=True)
class GoldSet:
    name: str
    inputs: tuple[str, ...]
    gold: Path


SHARED = REPO.parent / "shared"
REALDEV = SHARED / "realdev"


def _language_sets() -> tuple[GoldSet, ...]:
    """One gold set per language under tests/data/gold/lang/<lang>/ (articles we wrote in it)."""
    return tuple(
        GoldSet(f"lang-{folder.name}", (str(folder / "*.txt"),), folder / "gold.json")
        for folder in sorted((DATA / "gold" / "lang").glob("*")) if (folder / "gold.json").exists()
    )


GOLD_SETS = (
    GoldSet("seeds", (str(SHARED / "seeds"),), DATA / "seeds" / "gold.json"),
    # Real pages as crawlers saved them, read from ../shared/realdev (never copied here).
    GoldSet("realdev", (str(REALDEV / "*.txt"),), REALDEV / "gold.json"),
    GoldSet("corpus", (str(DATA / "corpus" / "*.txt"),), DATA / "corpus" / "gold.json"),
    GoldSet("examples", tuple(str(REPO / "examples" / p) for p in ("*.txt", "*.html", "*.xml", "*.jsonl")),
            DATA / "examples" / "gold.json"),
    GoldSet("events", (str(DATA / "gold" / "events" / "*" / "*.txt"),), DATA / "gold" / "events" / "gold.json"),
    # Written after the extraction rules above were tuned, and first measured untouched.
    GoldSet("heldout", (str(DATA / "heldout" / "*.txt"),), DATA / "heldout" / "gold.json"),
) + _language_sets()

# Gold sets read from beside the clone; the gate says so when they are absent.
SHARED_SETS = {"seeds": SHARED / "seeds" / "EXPECTED.md", "realdev": REALDEV / "gold.json"}


def build(gold_set: GoldSet, db: Path, ctx: Context) -> Store:
    store = Store(db)
    pipeline.ingest(gold_set.inputs, store, ctx)
    resolve_store(store, ctx, full=True)
    return store


def measure(gold_set: GoldSet, ctx: Context | None = None) -> dict[str, float]:
    ctx = ctx or Context()
    with tempfile.TemporaryDirectory() as tmp:
        with build(gold_set, Path(tmp) / "q.db", ctx) as store:
            report = evaluate(load_gold(gold_set.gold), store.articles(), store.event_mentions(), store.events(), ctx.kb)
    return measured(report)
