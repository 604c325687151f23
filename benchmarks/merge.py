"""Event resolution at scale: cluster 10k and 100k synthetic event mentions.

Each synthetic event is reported 1-6 times by different articles with noisy
fields (missing places, coarser dates, a participant dropped); actors follow a
skewed popularity so some blocks are large, as with real news. Prints time,
peak RSS and the 10×-data time ratio. The sentence-similarity signal is left
out here (it costs one encoder pass per mention, which runs in the per-article
workers); this measures blocking, scoring and clustering.

    .venv/bin/python benchmarks/merge.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newstrace.model import DateValue, EventMention, Participant, Span  # noqa: E402
from newstrace.stages.resolution.canonical import build_event  # noqa: E402
from newstrace.stages.resolution.merge import cluster  # noqa: E402

TYPES = [("CONSULT", "meeting"), ("CONSULT", "phone_call"), ("STATEMENT", "statement"), ("ASSAULT", "airstrike")]


def synthetic(n: int, seed: int = 7) -> list[EventMention]:
    rnd = random.Random(seed)
    actors = [f"Q{i}" for i in range(max(50, n // 20))]
    # Accumulated once: choices() would add up the weights of every actor on each call.
    cumulative = list(accumulate(1 / (i + 1) ** 0.8 for i in range(len(actors))))
    places = [f"gn:{i}" for i in range(500)]
    out: list[EventMention] = []
    event = 0
    while len(out) < n:
        event += 1
        kind, mode = rnd.choice(TYPES)
        who = list(dict.fromkeys(rnd.choices(actors, cum_weights=cumulative, k=rnd.randint(2, 3))))
        when = date(2024, 1, 1) + timedelta(days=rnd.randrange(900))
        where = rnd.choice(places)
        for r in range(rnd.randint(1, 6)):
            if len(out) >= n:
                break
            ps = who if rnd.random() > 0.2 or len(who) < 3 else who[:-1]
            d = (DateValue.of_day(when, "text") if rnd.random() > 0.25
                 else DateValue.of_month(when.year, when.month, "text"))
            out.append(EventMention(
                id=f"m{event:07}-{r}", article_id=f"a{event}-{r}", type=kind, mode=mode,
                participants=tuple(Participant(p, "source") for p in ps), date=d, evidence=(Span(0, 1),),
                sentence="", language="en", place_id=where if rnd.random() > 0.3 else None, main=True))
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        mentions = synthetic(n)
        start = time.perf_counter()
        groups = cluster(mentions)
        events = [build_event(g) for g in groups]
        elapsed = time.perf_counter() - start
        rows.append((n, len(events), elapsed, peak_rss_mb()))
    print(f"{'mentions':>10} {'events':>9} {'seconds':>9} {'mentions/s':>11} {'peak RSS MB':>12}")
    for n, events, elapsed, rss in rows:
        print(f"{n:>10,} {events:>9,} {elapsed:>9.2f} {n / elapsed:>11,.0f} {rss:>12.0f}")
    if len(rows) >= 2:
        (n0, _, t0, _), (n1, _, t1, _) = rows[0], rows[-1]
        print(f"\n{n1 / n0:.0f}x data -> {t1 / t0:.1f}x time")


if __name__ == "__main__":
    main()
