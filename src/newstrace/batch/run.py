"""`newstrace batch`: the steps of a distributed run, the same for every engine.

1. expand: targets → shards (files), named as `newstrace ingest` names them;
2. articles: shards are read in read tasks and every document goes through the
   per-article stages in a worker that loaded the context once; with a database as
   output the worker saves each article in its own transaction (and marks it pending
   resolution), so a killed worker or a lost server leaves whole articles only, and a
   re-run skips what is stored (same bytes: "unchanged");
3. partition: the driver reads the mergeable event mentions (only their block keys
   matter here) and joins the blocks that share a mention into partitions;
4. cluster: workers cluster each partition's mentions into groups, and compare the articles
   that share one of those events for translations (each task carries their text);
5. finish: the driver finds same-language copies over the articles, builds one event per
   group and the stories, and writes them in one transaction that clears the marks
   read in step 3 (or into the Parquet folder, committed by one rename).
Steps 3–5 give exactly the events a single-machine `resolve` gives (see partition.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newstrace.batch.parquet import ParquetOutput, is_parquet
from newstrace.batch.partition import packed, partitions
from newstrace.batch.shards import expand
from newstrace.context import Context
from newstrace.errors import NewstraceError
from newstrace.model import Article, DuplicateReport, Entity, EventMention
from newstrace.resolve import ResolutionSummary, finish_resolution, state_of, stories_of
from newstrace.stages.resolution.duplicates import best_translations
from newstrace.stages.resolution.merge import mergeable
from newstrace.store import ResolutionConflict, codec, describe, is_url

# Mentions per resolution task, at least: partitions smaller than this are packed together.
TASK_MENTIONS = 200


class BatchFailed(NewstraceError):
    """The batch cannot go on (the database failed in a worker): one line naming it and the reason."""


@dataclass
class BatchReport:
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    summary: ResolutionSummary | None = None
    articles: int = 0
    partitions: int = 0

    def line(self) -> str:
        return f"{self.new} new, {self.revised} revised, {self.unchanged} unchanged, {self.failed} failed"


def run_batch(
    targets: list[str], out: str, engine: Any, *, outlet: str | None = None, use_spacy: bool = True,
    resolve: bool = True, on_line: Callable[[str, str], None] = lambda kind, text: None,
) -> BatchReport:
    """Run the batch on `engine` (engines.LocalEngine or RayEngine) into a database or DIR.parquet.

    `on_line(kind, text)` hears each failed input ("failed"), warning ("warning") and the
    resolution summary ("resolved"). Raises StoreError or BatchFailed when the output fails.
    """
    report = BatchReport()
    if not is_url(out):
        out = str(Path(out).resolve())  # workers need not share the driver's working directory
    shards, errors = expand(targets)
    for error in errors:
        _failed(report, str(error), on_line)
    try:
        parquet = ParquetOutput(out) if is_parquet(out) else None
    except ImportError:
        raise BatchFailed(f"{out}: Parquet output needs pyarrow: pip install 'newstrace[batch]'") from None
    store = None
    try:
        if parquet is None:
            from newstrace.store import Store

            store = Store(out)  # migrates an older schema; an unusable database stops here, before any work
        curated = tuple(store.curated_entities()) if store else ()
        repeated = store.repeated_lines() if store else {}
        stage = {"out": None if parquet else out, "curated": [codec.dumps(e) for e in curated],
                 "use_spacy": use_spacy, "repeated": {k: sorted(v) for k, v in repeated.items()}}
        kept: dict[str, tuple[Article, list[EventMention]]] = {}
        for row in engine.articles(shards, outlet, stage):
            _article_row(row, report, parquet, kept, on_line)
        if resolve and (store is None or report.new or report.revised or store.pending_resolution()):
            _resolve(engine, store, parquet, kept, curated, report, on_line)
        if parquet is not None:
            parquet.commit()
            parquet = None
        report.articles = store.count_articles() if store else len(kept)
        return report
    finally:
        if parquet is not None:
            parquet.abandon()
        if store is not None:
            store.close()


def _failed(report: BatchReport, message: str, on_line) -> None:
    report.failed += 1
    report.failures.append(message)
    on_line("failed", message)


def _article_row(row: dict, report: BatchReport, parquet: ParquetOutput | None, kept: dict, on_line) -> None:
    outcome = str(row["outcome"])
    if outcome == "fatal":
        raise BatchFailed(str(row["message"]))
    if outcome == "failed":
        _failed(report, str(row["message"]), on_line)
        return
    if row["message"]:
        on_line("warning", f"{row['source']}: {row['message']}")
    if parquet is not None:
        if str(row["article_id"]) in kept:  # the same article twice in one run: stored once
            outcome = "unchanged"
        else:
            _keep(row, parquet, kept)
    setattr(report, outcome, getattr(report, outcome) + 1)


def _keep(row: dict, parquet: ParquetOutput, kept: dict) -> None:
    from newstrace.model import Mention

    article = codec.loads(Article, str(row["article"]))
    mentions = [codec.from_plain(Mention, m) for m in json.loads(str(row["mentions"]))]
    events = [codec.from_plain(EventMention, m) for m in json.loads(str(row["events"]))]
    parquet.add("articles", (article.id, article.uri, article.language, article.outlet, article.title,
                             article.published.start.isoformat() if article.published.start else None,
                             str(row["article"])))
    for m in mentions:
        parquet.add("mentions", (article.id, m.entity_id, codec.dumps(m)))
    for e in events:
        parquet.add("event_mentions", (e.id, article.id, e.type, codec.dumps(e)))
    kept[article.id] = (article, events)


def _task(mentions: list[EventMention], articles: dict[str, Article]) -> str:
    """A resolution task: the mentions, and the text of the articles they come from (nothing else of them)."""
    ids = sorted({m.article_id for m in mentions})
    texts = [Article(a.id, a.uri, a.text, (), a.language, a.published, a.content_hash)
             for a in (articles.get(aid) for aid in ids) if a is not None]
    return json.dumps({"mentions": [codec.to_plain(m) for m in mentions],
                       "articles": [codec.to_plain(a) for a in texts]}, ensure_ascii=False)


def _resolve(engine, store, parquet, kept, curated: Iterable[Entity], report: BatchReport, on_line) -> None:
    ctx = Context(curated=tuple(curated), use_spacy=False)
    if store is not None:
        token = store.begin_resolution()  # before reading mentions: what is saved later stays pending
        mentions = [m for m in store.iter_event_mentions() if mergeable(m)]
        articles = store.articles()
    else:
        token = None
        mentions = sorted((m for _, events in kept.values() for m in events if mergeable(m)), key=lambda m: m.id)
        articles = [article for article, _ in kept.values()]
    by_id = {m.id: m for m in mentions}
    parts = partitions(mentions, state_of(ctx.kb))
    report.partitions = len(parts)
    target = max(TASK_MENTIONS, len(mentions) // max(1, engine.workers * 8))
    texts = {a.id: a for a in articles}
    tasks = [_task([m for part in task for m in part], texts) for task in packed(parts, target)]
    stage = {"curated": [codec.dumps(e) for e in ctx.curated]}
    groups, translations = [], []
    for result in engine.resolve(tasks, stage):
        done = json.loads(result)
        groups += [tuple(by_id[mid] for mid in ids) for ids in done["groups"]]
        translations += [codec.from_plain(DuplicateReport, r) for r in done["translations"]]
    groups.sort(key=lambda g: g[0].id)
    resolution = finish_resolution(groups, articles, ctx, translations=best_translations(translations))
    events = sorted(resolution.events, key=lambda e: e.id)
    stories = stories_of(events, ctx)
    if store is not None:
        try:
            store.replace_resolution(events, resolution.duplicates, stories, token)
        except ResolutionConflict:
            raise BatchFailed(f"{describe(store.target)}: another process resolved events meanwhile; the articles "
                              "are stored and marked pending: run `newstrace resolve`") from None
    else:
        for e in events:
            parquet.add("events", (e.id, e.type, e.date.start.isoformat() if e.date.start else None, codec.dumps(e)))
        for d in resolution.duplicates:
            parquet.add("duplicates", (d.article_id, codec.dumps(d)))
        for s in stories:
            parquet.add("stories", (s.id, s.title, codec.dumps(s)))
    report.summary = ResolutionSummary(
        events=len(events), multi_source=sum(1 for e in events if len(e.article_ids) > 1),
        duplicates=len(resolution.duplicates), stories=len(stories), reclustered=len(mentions))
    on_line("resolved", str(report.summary))
