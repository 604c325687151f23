"""The same report twice: copies within a language and translations across languages.

A copy or a translation is not independent confirmation, so the vote of a
canonical event counts it once. Same-language copies are found with MinHash
over word shingles (LSH keeps it near linear); translations are found only
among articles that report a common event, by aligning their sentences with a
multilingual sentence encoder: most sentences of the shorter article must have
a close counterpart in the other. Whole-document vectors do not separate two
articles on the same story from one article and its translation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from newstrace.model import Article, DuplicateReport
from newstrace.stages.resolution.unionfind import UnionFind
from newstrace.text.sentences import split_sentences

COPY_THRESHOLD = 0.6
# Measured on renderings vs distinct articles on the same story: a loose translation has every
# sentence matched at cosine >= 0.5 with a mean best match near 0.63; distinct same-story articles
# stay at or below 0.6 coverage and 0.5 mean.
ALIGN_COSINE = 0.5
ALIGN_SHARE = 0.8
ALIGN_MEAN = 0.55
MAX_SENTENCES = 30
_WORD = re.compile(r"\w+", re.UNICODE)

Encoder = Callable[[list[str]], np.ndarray]

if TYPE_CHECKING:
    from datasketch import MinHash


def _minhash(text: str, shingle: int = 3) -> MinHash:
    from datasketch import MinHash

    words = [w.casefold() for w in _WORD.findall(text)]
    sketch = MinHash(num_perm=64, seed=7)
    for i in range(max(1, len(words) - shingle + 1)):
        sketch.update(" ".join(words[i:i + shingle]).encode("utf-8"))
    return sketch


def _original(a: Article, b: Article) -> tuple[Article, Article]:
    """(copy, original): the earlier known publication is the original, else the longer text."""
    if a.published.start and b.published.start and a.published.start != b.published.start:
        return (b, a) if a.published.start < b.published.start else (a, b)
    # Content, not ids, breaks the tie: ids follow where a file sits, and results must not.
    key_a, key_b = (len(a.text), a.content_hash, a.id), (len(b.text), b.content_hash, b.id)
    return (b, a) if key_a > key_b else (a, b)


def _first_of(members: Sequence[Article]) -> Article:
    """The original among near-duplicates, as `_original` picks it from two: the earliest when
    every one is dated, the longest text on a tie or where one is not."""
    longest = lambda a: (len(a.text), a.content_hash, a.id)  # noqa: E731
    if all(a.published.start for a in members):
        earliest = min(a.published.start for a in members)
        return max((a for a in members if a.published.start == earliest), key=longest)
    return max(members, key=longest)


def find_copies(articles: Sequence[Article]) -> list[DuplicateReport]:
    """Same-language near-duplicates by MinHash: each copy points at the original of its group.

    Articles that share a band of their sketches (LSH) are compared, and those at least
    COPY_THRESHOLD alike are joined into a group. Within a band's bucket an article is compared
    with one member of each group met there, not with every member: a wire story that a
    thousand outlets carry costs a thousand comparisons per band, not a million."""
    long_enough = sorted((a for a in articles if len(a.text) >= 200), key=lambda a: (a.content_hash, a.id))
    if max(Counter(article.language for article in long_enough).values(), default=0) < 2:
        return []  # no two articles could be copies; datasketch (and scipy under it) need not load
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=64)  # its split of the sketch into bands
    values = np.array([_minhash(a.text).hashvalues for a in long_enough])
    groups = UnionFind(len(long_enough))
    root = groups.find

    def alike(i: int, j: int) -> float:
        return float(np.mean(values[i] == values[j]))

    for band in range(lsh.b):
        buckets: dict[tuple[str, bytes], list[int]] = defaultdict(list)
        for i, article in enumerate(long_enough):
            buckets[(article.language, values[i, band * lsh.r:(band + 1) * lsh.r].tobytes())].append(i)
        for members in buckets.values():
            heads: list[int] = []
            for i in members:
                for head in heads:
                    if root(head) == root(i):
                        break
                    if alike(i, head) >= COPY_THRESHOLD:
                        groups.join(i, head)
                        break
                else:
                    heads.append(i)
    members_of: dict[int, list[int]] = defaultdict(list)
    for i in range(len(long_enough)):
        members_of[root(i)].append(i)
    reports = []
    for members in members_of.values():
        if len(members) < 2:
            continue
        original = _first_of([long_enough[i] for i in members])
        at = next(i for i in members if long_enough[i] is original)
        reports += [DuplicateReport(long_enough[i].id, original.id, "copy", round(alike(i, at), 3))
                    for i in members if i != at]
    return sorted(reports, key=lambda r: r.article_id)


def sentence_vectors(article: Article, encode: Encoder) -> np.ndarray:
    """The vectors of the article's first sentences, encoded on their own: the same whatever else
    is compared, so a pair gets one verdict in one process or spread over many."""
    sentences = [s.text for s in split_sentences(article.text)][:MAX_SENTENCES]
    return encode(sentences) if len(sentences) >= 2 else np.zeros((0, 0), dtype=np.float32)


def alignment_share(first: np.ndarray, second: np.ndarray) -> float:
    """Share of the shorter article's sentences (rows of vectors) with a close counterpart in the other."""
    if len(first) < 2 or len(second) < 2:
        return 0.0
    if len(first) > len(second):
        first, second = second, first
    best = (first @ second.T).max(axis=1)
    if float(best.mean()) < ALIGN_MEAN:
        return 0.0
    return float((best >= ALIGN_COSINE).mean())


def shared_event_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """The pairs of articles (sorted ids) that report a common event: each group holds an event's article ids."""
    return {pair for group in groups for pair in combinations(sorted(set(group)), 2)}


def find_translations(
    articles: Sequence[Article], candidate_pairs: Iterable[tuple[str, str]], encode: Encoder
) -> list[DuplicateReport]:
    """Cross-language renderings among articles that report a common event."""
    by_id = {a.id: a for a in articles}
    vectors: dict[str, np.ndarray] = {}

    def of(article: Article) -> np.ndarray:
        if article.id not in vectors:
            vectors[article.id] = sentence_vectors(article, encode)
        return vectors[article.id]

    reports = []
    for first, second in sorted(set(candidate_pairs)):
        a, b = by_id.get(first), by_id.get(second)
        if a is None or b is None or a.language == b.language:
            continue
        ratio = min(len(a.text), len(b.text)) / max(1, max(len(a.text), len(b.text)))
        if ratio < 0.5:
            continue
        share = alignment_share(of(a), of(b))
        if share >= ALIGN_SHARE:
            copy, original = _original(a, b)
            reports.append(DuplicateReport(copy.id, original.id, "translation", round(share, 3)))
    return best_translations(reports)


def best_translations(reports: Iterable[DuplicateReport]) -> list[DuplicateReport]:
    """One report per translated article: its closest original, the first pair by ids on a tie.

    A function of the set of reports, so reports found in separate partitions merge to the same."""
    best: dict[str, DuplicateReport] = {}
    for report in sorted(set(reports), key=lambda r: (-r.score, tuple(sorted((r.article_id, r.duplicate_of))))):
        best.setdefault(report.article_id, report)
    return sorted(best.values(), key=lambda r: r.article_id)


def source_roots(reports: Iterable[DuplicateReport]) -> dict[str, str]:
    """Article id → the id of the independent source it repeats (following chains)."""
    parent = {r.article_id: r.duplicate_of for r in reports}

    def root(aid: str) -> str:
        seen = set()
        while aid in parent and aid not in seen:
            seen.add(aid)
            aid = parent[aid]
        return aid

    return {aid: root(aid) for aid in parent}
