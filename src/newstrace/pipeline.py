"""Runs the per-article stages over a batch: order, progress, workers, error policy.

The steps for one input:
1. read: a source yields raw documents (or an input error naming the input);
2. skip: bytes already stored as an article's current revision are "unchanged";
3. process: parse → clean/meta/language → entities and links → event mentions,
   in a worker process when --workers > 1 (the context loaded once per worker);
4. save: one transaction per article in the main process (single writer), so a
   killed run leaves whole articles only and a re-run finishes the rest; the same
   transaction marks the article pending resolution;
5. resolve (resolve.py, called by the CLI): event mentions are merged into events,
   duplicates and stories, and the marks it read are cleared with them.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace

from newstrace.context import Context
from newstrace.errors import Code, InputError
from newstrace.ids import content_hash
from newstrace.model import Article, EventMention, Mention, RawDocument
from newstrace.store import Store


@dataclass(frozen=True)
class Processed:
    """One raw document taken through every per-article stage."""

    raw: RawDocument
    article: Article
    mentions: tuple[Mention, ...]
    events: tuple[EventMention, ...]
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """What happened to one input: new, revised, unchanged or failed."""

    source: str
    outcome: str
    article_id: str | None = None
    message: str = ""


@dataclass(frozen=True)
class IngestReport:
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: tuple[Progress, ...] = ()

    def add(self, progress: Progress) -> IngestReport:
        counts = {name: getattr(self, name) for name in ("new", "revised", "unchanged", "failed")}
        counts[progress.outcome] += 1
        failures = self.failures + ((progress,) if progress.outcome == "failed" else ())
        return IngestReport(**counts, failures=failures)


def describe(raw: RawDocument) -> str:
    """The input as a user would name it: file or URL, with the record within it."""
    origin = raw.origin
    name = origin.source if origin.source else raw.uri
    return f"{name} ({origin.locator})" if origin.locator else name


def short_lines(text: str, limit: int = 120) -> tuple[str, ...]:
    """Short lines of an input, counted per outlet to spot its recurring boilerplate."""
    return tuple(sorted({line.strip() for line in text.splitlines() if 0 < len(line.strip()) <= limit}))


def process(
    raw: RawDocument, ctx: Context, repeated: Mapping[str, frozenset[str]] | None = None, analyse: bool = True
) -> Processed:
    """Take one raw document through every per-article stage (only up to the article when not `analyse`).

    `repeated` maps an outlet to the lines recurring across its articles (its boilerplate).

    Raises InputError when the input itself cannot be read; a failure of a
    later stage is recorded on the article, which is still stored.
    """
    from newstrace.ingest.parse import parse
    from newstrace.stages.article.record import make_article

    try:
        doc = parse(raw)
        outlet = doc.outlet or raw.origin.outlet
        outlet_lines = (repeated or {}).get(outlet, frozenset()) if outlet else frozenset()
        # The boilerplate and calendar patterns of every lexicon compile on first use.
        with ctx.kept_regexes("article"):
            article = make_article(raw, doc, ctx.lexicons, outlet_lines=outlet_lines)
    except InputError:
        raise
    except Exception as exc:  # a bug must not stop the batch: name the input and go on
        raise InputError(describe(raw), Code.E016, _one_line(exc)) from exc
    mentions: tuple[Mention, ...] = ()
    events: tuple[EventMention, ...] = ()
    if not analyse:
        return Processed(raw, article, mentions, events, short_lines(doc.text))
    try:
        from newstrace.stages.events.extract import extract_events
        from newstrace.stages.entities.linking import link_article

        from newstrace.stages.events.figures import attach_figures

        mentions = tuple(link_article(article, ctx))
        events = attach_figures(article, extract_events(article, mentions, ctx), ctx.figure_words)
    except Exception as exc:
        article = replace(article, errors=article.errors + (f"{Code.E016.name} {_one_line(exc)}",))
    return Processed(raw, article, mentions, events, short_lines(doc.text))


def _one_line(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}".replace("\n", " ")


# One context per worker process, built by the pool initializer: workers are
# separate processes, so this holds read-only resources, never results.
_WORKER_CONTEXT: Context | None = None
_WORKER_REPEATED: Mapping[str, frozenset[str]] = {}


def _init_worker(use_spacy: bool, curated: tuple, repeated: Mapping[str, frozenset[str]]) -> None:
    global _WORKER_CONTEXT, _WORKER_REPEATED
    _WORKER_CONTEXT = Context(curated=curated, use_spacy=use_spacy)
    _WORKER_REPEATED = repeated


def _process_in_worker(raw: RawDocument, analyse: bool) -> Processed | InputError:
    assert _WORKER_CONTEXT is not None
    try:
        return process(raw, _WORKER_CONTEXT, _WORKER_REPEATED, analyse)
    except InputError as exc:
        return exc


def ingest(
    targets: Iterable[str],
    store: Store,
    ctx: Context,
    *,
    outlet: str | None = None,
    workers: int = 1,
    analyse: bool = True,
    on_progress: Callable[[Progress], None] = lambda p: None,
) -> IngestReport:
    """Read, process and store every input of every target; the batch never stops on one input."""
    from newstrace.ingest.sources import iter_raw

    def items() -> Iterator[RawDocument | InputError]:
        for target in targets:
            yield from iter_raw(target, outlet=outlet)

    return ingest_raw(items(), store, ctx, workers=workers, analyse=analyse, on_progress=on_progress)


def ingest_raw(
    items: Iterable[RawDocument | InputError],
    store: Store,
    ctx: Context,
    *,
    workers: int = 1,
    analyse: bool = True,
    on_progress: Callable[[Progress], None] = lambda p: None,
) -> IngestReport:
    """Process and store documents already read (as `watch` reads them); bytes already stored are unchanged."""
    repeated = store.repeated_lines()
    report = IngestReport()

    def pending() -> Iterator[RawDocument | Progress]:
        for item in items:
            if isinstance(item, InputError):
                yield Progress(item.source, "failed", message=str(item))
            elif (known := store.article_for_content(content_hash(item.content))) is not None:
                yield Progress(describe(item), "unchanged", known)
            else:
                yield item

    for result in _run(pending(), ctx, workers, repeated, analyse):
        progress = result if isinstance(result, Progress) else _save(store, result)
        report = report.add(progress)
        on_progress(progress)
    return report


def _run(
    work: Iterator[RawDocument | Progress], ctx: Context, workers: int,
    repeated: Mapping[str, frozenset[str]], analyse: bool,
) -> Iterator[Processed | Progress]:
    """Process in order, in this process or in a bounded window of worker tasks."""

    def settle(item: RawDocument, outcome: Processed | InputError) -> Processed | Progress:
        if isinstance(outcome, InputError):
            return Progress(describe(item), "failed", message=str(outcome))
        return outcome

    if workers <= 1:
        for item in work:
            if isinstance(item, Progress):
                yield item
                continue
            try:
                yield process(item, ctx, repeated, analyse)
            except InputError as exc:
                yield settle(item, exc)
        return
    window: deque[tuple[RawDocument | Progress, Future | None]] = deque()
    init = (ctx.use_spacy, tuple(ctx.curated), repeated)
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=init) as pool:
        for item in work:
            future = None if isinstance(item, Progress) else pool.submit(_process_in_worker, item, analyse)
            window.append((item, future))
            while len(window) > workers * 16:
                yield _settled(window.popleft(), settle)
        while window:
            yield _settled(window.popleft(), settle)


def _settled(entry, settle) -> Processed | Progress:
    item, future = entry
    return item if future is None else settle(item, future.result())


def _save(store: Store, done: Processed) -> Progress:
    outcome = store.save_article(done.raw, done.article, done.mentions, done.events, done.lines)
    message = "; ".join(done.article.errors)
    return Progress(describe(done.raw), outcome.outcome, outcome.article_id, message)


def reprocess(
    store: Store, ctx: Context, on_progress: Callable[[Progress], None] = lambda p: None
) -> IngestReport:
    """Re-run every per-article stage on the stored raw bytes of every article."""
    repeated = store.repeated_lines()
    report = IngestReport()
    for raw in list(store.raw_documents()):
        try:
            done = process(raw, ctx, repeated)
        except InputError as exc:
            progress = Progress(describe(raw), "failed", message=str(exc))
        else:
            store.replace_analysis(done.article, done.mentions, done.events)
            progress = Progress(describe(raw), "revised", done.article.id)
        report = report.add(progress)
        on_progress(progress)
    return report
