"""Candidate pairs of event resolution, enumerated as integer codes: which mentions are compared at all.

merge.py says what a block is (the rules and their constants); this module only
enumerates the pairs those rules allow, for millions of mentions, in little memory.
Mention i and mention j (positions in a list sorted by id, i < j) are the code
i * n + j, kept in numpy arrays and made unique at the end: a pair costs 8 bytes
instead of a tuple of two strings in a set (about 100), and the pairs come out
sorted, so the scoring loop reads the mentions in order.

The pairs are exactly those of the rules as first written (tests/stages/resolution
compares them with a direct transcription):

- a block of at most `cap` mentions: every pair;
- a larger block (a much-reported actor): mentions sharing a second participant
  (a "partner"), every pair again when that group is small, else a date sweep;
  and each mention naming the actor alone meets every dated mention of the block
  whose interval overlaps its own, give or take `tolerance` days (intervals that
  start more than `max_span` days earlier are not looked at);
- the date sweep: in (start, end, id) order a dated mention meets the next
  `neighbours` mentions starting by its end (give or take `tolerance`); undated
  mentions meet everyone in the group;
- a place block (`placed`: the type and place of a mention that may be told with doers
  unnamed): only the mentions whose doers are unnamed (`unnamed`) take part, every pair
  with one of them when the block is small; in a larger one they sweep among themselves
  and each dated one meets every dated mention of the block whose interval overlaps its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from newstrace.model import EventMention

Related = Callable[[EventMention], frozenset[str]]
Placed = Callable[[EventMention], str | None]
# Codes gathered before duplicates are dropped: bounds the memory of the raw pairs.
COMPACT_AT = 1 << 23


@dataclass(frozen=True)
class Limits:
    """The constants of blocking, owned by merge.py: block size, sweep width, day tolerance, longest span."""

    cap: int
    neighbours: int
    tolerance: int
    max_span: int


def candidate_codes(mentions: Sequence[EventMention], related: Related, limits: Limits,
                    placed: Placed = lambda mention: None,
                    unnamed: Callable[[EventMention], bool] = lambda mention: False) -> np.ndarray:
    """Sorted unique codes i * n + j (i < j) of the pairs sharing a block; `mentions` sorted by id."""
    n = len(mentions)
    dates = _Dates(mentions)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    places: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        for actor in related(mention):
            blocks[(mention.type, actor)].append(i)
        if (place := placed(mention)) is not None:
            places[(mention.type, place)].append(i)
    codes = _Codes(n)
    for (_, actor), members in blocks.items():
        if len(members) <= limits.cap:
            codes.all_pairs(np.asarray(members, dtype=np.int64))
        else:
            _split(actor, members, mentions, dates, related, limits, codes)
    for members in places.values():
        _place_block(np.asarray(members, dtype=np.int64), [unnamed(mentions[i]) for i in members], dates, limits, codes)
    return codes.unique()


def _place_block(members: np.ndarray, unnamed: list[bool], dates: _Dates, limits: Limits, codes: _Codes) -> None:
    """Pairs of a place block: each with a mention whose doers are unnamed (see the module's rules)."""
    mask = np.asarray(unnamed, dtype=bool)
    led = members[mask]
    if not len(led):
        return
    if len(members) <= limits.cap:
        codes.all_pairs(led)
        codes.cross(led, members[~mask])
        return
    _sweep(led, dates, limits, codes)
    led_dated = led[dates.dated[led]]
    if len(led_dated):
        _overlapping(led_dated, members[dates.dated[members]], dates, limits, codes)


def decoded(codes: np.ndarray, n: int, chunk: int = 1 << 16) -> Iterator[tuple[int, int]]:
    """The pairs (i, j) of sorted codes, as Python ints, a chunk at a time (few objects alive at once)."""
    for begin in range(0, len(codes), chunk):
        part = codes[begin:begin + chunk]
        yield from zip((part // n).tolist(), (part % n).tolist())


class _Dates:
    """Each mention's date interval as day numbers (numpy arrays; `dated` false where it has none)."""

    def __init__(self, mentions: Sequence[EventMention]) -> None:
        self.start = np.zeros(len(mentions), dtype=np.int64)
        self.end = np.zeros(len(mentions), dtype=np.int64)
        self.dated = np.zeros(len(mentions), dtype=bool)
        for i, mention in enumerate(mentions):
            date = mention.date
            if date.known and date.start is not None and date.end is not None:
                self.start[i], self.end[i], self.dated[i] = date.start.toordinal(), date.end.toordinal(), True


class _Codes:
    """Pair codes gathered in numpy arrays, compacted (sorted, duplicates dropped) as they grow."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.parts: list[np.ndarray] = []
        self.pending = 0

    def add(self, first: np.ndarray, second: np.ndarray) -> None:
        if len(first):
            self.parts.append(np.minimum(first, second) * self.n + np.maximum(first, second))
            self.pending += len(first)
            if self.pending >= COMPACT_AT:
                self.parts = [self.unique()]
                self.pending = 0

    def all_pairs(self, members: np.ndarray) -> None:
        if len(members) >= 2:
            rows, cols = _triangle(len(members))
            self.add(members[rows], members[cols])

    def cross(self, first: np.ndarray, second: np.ndarray) -> None:
        """Every pair of one member of `first` and one of `second`."""
        if len(first) and len(second):
            self.add(np.repeat(first, len(second)), np.tile(second, len(first)))

    def unique(self) -> np.ndarray:
        """The codes gathered so far, sorted and unique; the parts are let go of as they are copied,
        so the raw codes are held once, not twice."""
        gathered = np.empty(sum(len(part) for part in self.parts), dtype=np.int64)
        filled = 0
        while self.parts:
            part = self.parts.pop()
            gathered[filled:filled + len(part)] = part
            filled += len(part)
            del part
        return sorted_unique(gathered)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting in place: numpy 2's hash-based unique costs far more than linear on
    millions of codes, and the pairs must come out sorted anyway."""
    values.sort()
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


@lru_cache(maxsize=256)  # a pure function of the block size: memoised for speed only
def _triangle(k: int) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.triu_indices(k, 1)
    return rows.astype(np.int64), cols.astype(np.int64)


def _split(actor: str, members: list[int], mentions: Sequence[EventMention], dates: _Dates,
           related: Related, limits: Limits, codes: _Codes) -> None:
    """A large block: by partner, and the mentions naming the actor alone against the dated ones."""
    by_partner: dict[str, list[int]] = defaultdict(list)
    alone = []
    for i in members:
        partners = related(mentions[i]) - {actor}
        if not partners:
            alone.append(i)
        for partner in partners:
            by_partner[partner].append(i)
    for group in by_partner.values():
        index = np.asarray(group, dtype=np.int64)
        if len(index) <= limits.cap:
            codes.all_pairs(index)
        else:
            _sweep(index, dates, limits, codes)
    alone_index = np.asarray(alone, dtype=np.int64)
    alone_index = alone_index[dates.dated[alone_index]]
    if len(alone_index):
        block = np.asarray(members, dtype=np.int64)
        _overlapping(alone_index, block[dates.dated[block]], dates, limits, codes)


def _overlapping(alone: np.ndarray, dated: np.ndarray, dates: _Dates, limits: Limits, codes: _Codes) -> None:
    """Each mention of `alone` with every one of `dated` whose interval meets its own.

    The dated mentions are filed by the length of their interval: within one length,
    the ones that meet an interval are a run of consecutive starts, found by bisection."""
    start, end = dates.start[alone], dates.end[alone]
    lengths = dates.end[dated] - dates.start[dated]
    for length in sorted_unique(lengths.copy()):
        chosen = dated[lengths == length]
        chosen = chosen[np.argsort(dates.start[chosen], kind="stable")]
        starts = dates.start[chosen]
        lowest = np.maximum(start - limits.max_span, start - limits.tolerance - length)
        first = np.searchsorted(starts, lowest, "left")
        last = np.searchsorted(starts, end + limits.tolerance, "right")
        counts = np.maximum(last - first, 0)
        total = int(counts.sum())
        if not total:
            continue
        # Positions first[k] .. last[k] - 1 for every alone mention k, laid end to end.
        offsets = np.repeat(first - (np.cumsum(counts) - counts), counts)
        others = chosen[np.arange(total, dtype=np.int64) + offsets]
        mine = np.repeat(alone, counts)
        keep = mine != others
        codes.add(mine[keep], others[keep])


def _sweep(group: np.ndarray, dates: _Dates, limits: Limits, codes: _Codes) -> None:
    """Sorted neighbourhood over one partner's mentions (see merge.py for why it suffices)."""
    dated = group[dates.dated[group]]
    # (start, end, id) order; positions follow ids, the mentions being sorted by id.
    dated = dated[np.lexsort((dated, dates.end[dated], dates.start[dated]))]
    starts, ends = dates.start[dated], dates.end[dated]
    # Starts only grow along the order: the first neighbour starting too late ends the run.
    for k in range(1, min(limits.neighbours, len(dated) - 1) + 1):
        near = starts[k:] <= ends[:-k] + limits.tolerance
        codes.add(dated[:-k][near], dated[k:][near])
    undated = group[~dates.dated[group]]
    codes.all_pairs(undated)
    codes.cross(undated, dated)
