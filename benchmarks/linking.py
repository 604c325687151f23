"""Throughput of recognition and linking with the full knowledge base; prints a table.

Usage: python benchmarks/linking.py [--spacy]

Text: the project's own linking gold sentences (tests/data/gold/linking), grouped
into articles of ten sentences per language, and repeated to about 2 MB for the
matcher alone.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import yaml

from newstrace.context import Context
from newstrace.ids import article_id, content_hash
from newstrace.model import Article, DateValue
from newstrace.stages.entities.linking import link_article

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold" / "linking"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _articles() -> list[Article]:
    found = []
    for path in sorted(GOLD.glob("*.yaml")):
        sentences = [str(item["text"]) for item in yaml.safe_load(path.read_text(encoding="utf-8")) or ()]
        for index in range(0, len(sentences), 10):
            paragraphs = tuple(sentences[index:index + 10])
            text = "\n\n".join(paragraphs)
            found.append(Article(id=article_id(f"bench:{path.stem}:{index}"), uri=f"bench:{path.stem}:{index}",
                                 text=text, paragraphs=paragraphs, language=path.stem,
                                 published=DateValue.of_day(__import__("datetime").date(2025, 6, 1), "meta"),
                                 content_hash=content_hash(text.encode())))
    return found


def main() -> None:
    ctx = Context(use_spacy="--spacy" in sys.argv)
    rss_before = _rss_mb()
    started = time.perf_counter()
    kb = ctx.kb
    load = time.perf_counter() - started
    articles = _articles()
    corpus = "\n\n".join(article.text for article in articles)
    big = corpus * max(1, (2_000_000 // max(1, len(corpus.encode()))))
    started = time.perf_counter()
    matches = kb.matcher.find(big)
    matcher = time.perf_counter() - started
    megabytes = len(big.encode()) / 1e6
    for language in {article.language for article in articles}:
        ctx.nlp(language)  # pipelines load outside the timed loop
    started = time.perf_counter()
    rounds, count = 0, 0
    while time.perf_counter() - started < 5 or rounds == 0:
        for article in articles:
            count += len(link_article(article, ctx))
        rounds += 1
    linking = time.perf_counter() - started
    linked_mb = rounds * len(corpus.encode()) / 1e6
    rows = [
        ("KB entities", f"{len(kb):,}"),
        ("KB automaton keys", f"{len(kb.matcher):,}"),
        ("KB load time", f"{load:.2f} s"),
        ("RSS after KB load", f"{_rss_mb():.0f} MB (+{_rss_mb() - rss_before:.0f} MB)"),
        ("matcher alone", f"{megabytes / matcher:.2f} MB/s ({megabytes:.1f} MB, {len(matches):,} matches)"),
        ("link_article", f"{rounds * len(articles) / linking:.1f} articles/s, {linked_mb / linking:.3f} MB/s"),
        ("spaCy NER", "on" if ctx.use_spacy else "off"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
