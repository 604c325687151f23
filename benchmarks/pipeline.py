"""Throughput of the whole per-article pipeline (ingest -> events) beside spaCy NER alone; prints a table.

Usage: python benchmarks/pipeline.py [--sizes 1000 10000] [--workers 2]
       python benchmarks/pipeline.py --languages [--repeat 4] [--rounds 15] [--workers 2]

Corpus: benchmarks/synthetic.py's articles (eight languages, ~600 words each) as
one news-please JSON Lines file. The pipeline reads it with iter_raw, then
parse -> make_article -> link_article -> extract_events per article, on
`--workers` processes (each loads its context once). The floor beside it is
spaCy's NER alone over the same article texts on as many processes: each
language's pipeline where the lexicon names one, the English one elsewhere (no
spaCy pipeline exists for ar, tr, fa, ru, de, el, so this is the cost an
NER-first design would pay).

With --languages the corpus is our own per-language gold articles instead
(tests/data/gold/lang/<lang>/*.txt, the language known from the folder, the
whole set repeated --repeat times), and two tables come out: articles/s of the
same pipeline for the languages newstrace first had lexicons for (FIRST_NINE)
and for those added since, on --workers processes; then the first nine's
articles alone under a context holding every lexicon and under one whose
lexicons are only those nine, each context in its own single process, run in
turn for --rounds rounds, so the ratio is what adding the other languages costs
the first ones (issue 11: at most 10%).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from synthetic import write_corpus

from newstrace.context import Context
from newstrace.errors import InputError
from newstrace.ingest.parse import parse
from newstrace.ingest.sources import iter_raw
from newstrace.knowledge.lexicon import Lexicons, lexicon_dir, load_lexicons
from newstrace.model import RawDocument
from newstrace.stages.article.record import make_article
from newstrace.stages.events.extract import extract_events
from newstrace.stages.entities.linking import link_article
from newstrace.text import segment

_CTX: Context | None = None
_BATCH = 32
GOLD_LANG = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold" / "lang"
# The languages newstrace had lexicons for before the others were added.
FIRST_NINE = ("ar", "de", "el", "en", "es", "fa", "fr", "ru", "tr")


def _init(lexicons: str = "shipped", warm: Sequence[RawDocument] = (), ready=None) -> None:
    global _CTX
    _CTX = _context(lexicons)
    _ = _CTX.kb, _CTX.lexicons  # load once per worker, outside the timed work of the first batch
    if warm:
        _run_batch(list(warm))  # what each language's first article compiles, compiled before timing
    if ready is not None:
        ready.wait()  # the clock starts when every worker is here


def _context(lexicons: str) -> Context:
    """The context a benchmark process runs with: "shipped" is the product's own (every lexicon,
    from the compiled knowledge base); "all" and "nine" build their knowledge base from the
    lexicons they load, every one or only FIRST_NINE's, the same way, so the two differ only in
    which languages they hold."""
    if lexicons == "shipped":
        return Context()
    folder = lexicon_dir()
    languages = None if lexicons == "all" else FIRST_NINE
    return Context(lexicon_loader=partial(_lexicons_of, folder, languages))


def _lexicons_of(folder: Path, languages: Iterable[str] | None) -> Lexicons:
    """The lexicons of `folder`, or of only those `languages`: their files linked into a folder of
    their own and read by the product's loader, as if the others had never been written."""
    if languages is None:
        return load_lexicons(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for language in languages:
            (Path(tmp) / f"{language}.yaml").symlink_to(folder / f"{language}.yaml")
        return load_lexicons(Path(tmp))


def _run_batch(raws: list[RawDocument]) -> tuple[int, int, list[tuple[str, str]]]:
    assert _CTX is not None
    articles = events = 0
    texts = []
    for raw in raws:
        # The segmenter keeps the cuts of its last texts for the stages of one article; an article
        # the corpus repeats would find its own there, which no stream of new articles does.
        segment._cuts.cache_clear()
        article = make_article(raw, parse(raw), _CTX.lexicons, outlet_lines=frozenset())
        found = extract_events(article, link_article(article, _CTX), _CTX)
        articles += 1
        events += len(found)
        texts.append((article.language, article.text))
    return articles, events, texts


def _batches(path: Path):
    yield from _batched(item for item in iter_raw(str(path)) if not isinstance(item, InputError))


def _batched(raws: Iterable[RawDocument]) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for item in raws:
        batch.append(item)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def run_pipeline(path: Path, workers: int) -> tuple[float, int, int, list[tuple[str, str]]]:
    """Seconds for the whole pipeline over the corpus, articles, events, and the article texts."""
    return _run_pool(_batches(path), workers)


def _run_pool(batches: Iterable[list[RawDocument]], workers: int,
              warm: Sequence[RawDocument] = ()) -> tuple[float, int, int, list[tuple[str, str]]]:
    fork = mp.get_context("fork")
    ready = fork.Barrier(workers + 1)
    with fork.Pool(workers, initializer=_init, initargs=("shipped", warm, ready)) as pool:
        ready.wait()  # until every worker has loaded its context
        start = time.perf_counter()
        articles = events = 0
        texts: list[tuple[str, str]] = []
        for done, found, batch_texts in pool.imap_unordered(_run_batch, batches):
            articles += done
            events += found
            texts += batch_texts
        return time.perf_counter() - start, articles, events, texts


def gold_corpus(languages: Iterable[str], repeat: int) -> list[tuple[str, RawDocument]]:
    """(folder language, document) for every gold article of those languages, the whole set
    `repeat` times over."""
    once = [(language, item) for language in languages for item in iter_raw(str(GOLD_LANG / language / "*.txt"))
            if not isinstance(item, InputError)]
    return once * repeat


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # what the work itself took, whatever else the machine runs meanwhile
    articles: int
    events: int
    peak_rss_kb: int


def _timed_run(raws: list[RawDocument]) -> Run:
    start, cpu = time.perf_counter(), time.process_time()
    articles, events, _ = _run_batch(raws)
    return Run(time.perf_counter() - start, time.process_time() - cpu, articles, events,
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _read_as_folder(corpus: list[tuple[str, RawDocument]]) -> int:
    """How many articles the pipeline reads in the language of their folder."""
    assert _CTX is not None
    return sum(make_article(raw, parse(raw), _CTX.lexicons).language == language for language, raw in corpus)


def language_groups(groups: dict[str, tuple[str, ...]], repeat: int, workers: int) -> list[tuple]:
    """(group, languages, articles, events, seconds) per group, on `workers` processes, each
    warmed up on one untimed pass over the group's articles (the first article of a language
    compiles that language's patterns)."""
    rows = []
    for group, languages in groups.items():
        once = [raw for _, raw in gold_corpus(languages, 1)]
        seconds, articles, events, _ = _run_pool(_batched(once * repeat), workers, warm=once)
        rows.append((group, len(languages), articles, events, seconds))
    return rows


CONTEXTS = {"shipped": "all 30, compiled (as shipped)", "all": "all 30, built from the lexicons",
            "nine": "first nine only, built"}


def first_nine_contexts(repeat: int, rounds: int) -> tuple[dict[str, int], dict[str, list[Run]]]:
    """The first nine's gold articles under each context of CONTEXTS: how many each reads in their
    folder's language, and its timed runs. Each context lives in a single-process pool of its own,
    warmed up on one untimed pass, and the pools run one at a time, in an order that turns each
    round, so drift in the machine's load falls on all alike. Own processes rather than one: a
    context's knowledge base is part of the heap the garbage collector walks and of the peak RSS."""
    once = gold_corpus(FIRST_NINE, 1)
    raws = [raw for _, raw in once] * repeat
    pools = {name: mp.get_context("fork").Pool(1, initializer=_init, initargs=(name, [raw for _, raw in once]))
             for name in CONTEXTS}
    try:
        read = {name: pool.apply(_read_as_folder, (once,)) for name, pool in pools.items()}
        runs: dict[str, list[Run]] = {name: [] for name in CONTEXTS}
        names = list(CONTEXTS)
        for turn in range(rounds):
            for name in names[turn % len(names):] + names[:turn % len(names)]:
                runs[name].append(pools[name].apply(_timed_run, (raws,)))
        return read, runs
    finally:
        for pool in pools.values():
            pool.terminate()


def print_languages(repeat: int, rounds: int, workers: int) -> None:
    added = tuple(sorted(path.name for path in GOLD_LANG.iterdir() if path.is_dir() and path.name not in FIRST_NINE))
    rows = language_groups({"first nine": FIRST_NINE, "added": added}, repeat, workers)
    print(f"per-article pipeline on each language group's gold articles, x{repeat}, {workers} processes")
    print(f"{'group':<11} {'languages':>9} {'articles':>9} {'events':>7} {'seconds':>8} {'art/s':>7}")
    for group, count, articles, events, seconds in rows:
        print(f"{group:<11} {count:>9} {articles:>9} {events:>7} {seconds:>8.1f} {articles / seconds:>7.1f}")

    read, runs = first_nine_contexts(repeat, rounds)
    count = len(gold_corpus(FIRST_NINE, 1))
    print()
    print(f"the first nine's {count} articles x{repeat} by the lexicons the context holds; one process each, "
          f"{rounds} rounds in turn")
    print(f"{'context':<32} {'read as folder':>14} {'events':>7} {'art/s by round (wall)':>34} "
          f"{'median':>7} {'cpu median':>10} {'cpu best':>8} {'peak RSS MB':>12}")
    rates: dict[str, dict[str, float]] = {}
    for name, timed in runs.items():
        by_round = [run.articles / run.wall for run in timed]
        by_cpu = [run.articles / run.cpu for run in timed]
        rates[name] = {"wall": statistics.median(by_round), "cpu": statistics.median(by_cpu), "cpu best": max(by_cpu)}
        events = "/".join(str(e) for e in sorted({run.events for run in timed}))
        print(f"{CONTEXTS[name]:<32} {f'{read[name]}/{count}':>14} {events:>7} "
              f"{' '.join(f'{r:.1f}' for r in by_round):>34} {rates[name]['wall']:>7.1f} {rates[name]['cpu']:>10.1f} "
              f"{rates[name]['cpu best']:>8.1f} {max(run.peak_rss_kb for run in timed) / 1024:>12.0f}")
    # Each round's runs stand next to each other in time: the median of their ratios cancels
    # most of what the machine's other work does to a round.
    for name in ("all", "shipped"):
        paired = statistics.median(mine.cpu / base.cpu for mine, base in zip(runs[name], runs["nine"]))
        slower = ", ".join(f"{100 * (1 - rate / rates['nine'][kind]):+.1f}% {kind}" for kind, rate in rates[name].items())
        print(f"slowdown of the first nine under {CONTEXTS[name]} vs {CONTEXTS['nine']}: "
              f"{100 * (1 - 1 / paired):+.1f}% (median of the rounds' cpu ratios); {slower}")


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
    parser.add_argument("--languages", action="store_true",
                        help="the language-group tables on the gold articles instead of the synthetic corpus")
    parser.add_argument("--repeat", type=int, default=4, help="times the gold articles are read (--languages)")
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds of each context (--languages)")
    args = parser.parse_args()
    if args.languages:
        print_languages(args.repeat, args.rounds, args.workers)
        return
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
