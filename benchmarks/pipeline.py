"""Throughput of the whole per-article pipeline (ingest -> events) beside spaCy NER alone; prints a table.

Usage: python benchmarks/pipeline.py [--sizes 1000 10000] [--workers 2]

Corpus: benchmarks/synthetic.py's articles (eight languages, ~600 words each) as
one news-please JSON Lines file. The pipeline reads it with iter_raw, then
parse -> make_article -> link_article -> extract_events per article, on
`--workers` processes (each loads its context once). The floor beside it is
spaCy's NER alone over the same article texts on as many processes: each
language's pipeline where the lexicon names one, the English one elsewhere (no
spaCy pipeline exists for ar, tr, fa, ru, de, el, so this is the cost an
NER-first design would pay).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import tempfile
import time
from pathlib import Path

from synthetic import write_corpus

from newstrace.context import Context
from newstrace.errors import InputError
from newstrace.ingest.parse import parse
from newstrace.ingest.sources import iter_raw
from newstrace.model import RawDocument
from newstrace.stages.article.record import make_article
from newstrace.stages.events.extract import extract_events
from newstrace.stages.entities.linking import link_article

_CTX: Context | None = None
_BATCH = 32


def _init() -> None:
    global _CTX
    _CTX = Context()
    _ = _CTX.kb, _CTX.lexicons  # load once per worker, outside the timed work of the first batch


def _run_batch(raws: list[RawDocument]) -> tuple[int, int, list[tuple[str, str]]]:
    assert _CTX is not None
    articles = events = 0
    texts = []
    for raw in raws:
        article = make_article(raw, parse(raw), _CTX.lexicons, outlet_lines=frozenset())
        found = extract_events(article, link_article(article, _CTX), _CTX)
        articles += 1
        events += len(found)
        texts.append((article.language, article.text))
    return articles, events, texts


def _batches(path: Path):
    batch: list[RawDocument] = []
    for item in iter_raw(str(path)):
        if isinstance(item, InputError):
            continue
        batch.append(item)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def run_pipeline(path: Path, workers: int) -> tuple[float, int, int, list[tuple[str, str]]]:
    """Seconds for the whole pipeline over the corpus, articles, events, and the article texts."""
    with mp.get_context("fork").Pool(workers, initializer=_init) as pool:
        pool.map(_noop, range(workers))  # wait until every worker has loaded its context
        start = time.perf_counter()
        articles = events = 0
        texts: list[tuple[str, str]] = []
        for done, found, batch_texts in pool.imap_unordered(_run_batch, _batches(path)):
            articles += done
            events += found
            texts += batch_texts
        return time.perf_counter() - start, articles, events, texts


def _noop(_: int) -> None:
    return None


def _ner_batch(texts: list[tuple[str, str]]) -> int:
    assert _CTX is not None
    fallback = _CTX.nlp("en")
    for language, text in texts:
        nlp = _CTX.nlp(language) or fallback
        with nlp.select_pipes(enable=[n for n in ("tok2vec", "ner") if n in nlp.pipe_names]):
            nlp(text)
    return len(texts)


def run_spacy(texts: list[tuple[str, str]], workers: int) -> float:
    """Seconds spaCy's NER alone takes over the same texts, on as many warmed-up processes."""
    with mp.get_context("fork").Pool(workers, initializer=_init_spacy) as pool:
        pool.map(_noop, range(workers))
        start = time.perf_counter()
        batches = [texts[i:i + _BATCH] for i in range(0, len(texts), _BATCH)]
        done = sum(pool.imap_unordered(_ner_batch, batches))
        assert done == len(texts)
        return time.perf_counter() - start


def _init_spacy() -> None:
    global _CTX
    _CTX = Context()
    for language in ("en", *_CTX.lexicons.languages()):
        _CTX.nlp(language)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = write_corpus(Path(tmp) / str(size), size, "jsonl")
            seconds, articles, events, texts = run_pipeline(path, args.workers)
            ner = run_spacy(texts, args.workers)
            rows.append((size, articles, events, seconds, ner))
    print(f"pipeline (ingest -> events) vs spaCy NER alone, {args.workers} processes")
    print(f"{'articles':>9} {'events':>7} {'pipeline s':>11} {'art/s':>7} {'spaCy NER s':>12} {'art/s':>7} {'ratio':>6}")
    for size, articles, events, seconds, ner in rows:
        print(f"{articles:>9} {events:>7} {seconds:>11.1f} {articles / seconds:>7.1f} {ner:>12.1f} "
              f"{articles / ner:>7.1f} {seconds / ner:>6.2f}")


if __name__ == "__main__":
    main()
