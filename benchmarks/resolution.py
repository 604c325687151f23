"""Event resolution of up to 1M synthetic mentions: time, peak RSS, and the cost of each 10× of data.

Runs what `newstrace resolve --full` runs once the mentions are read from the store
(resolve.py): the closure of the mentions to cluster, blocking, scoring and joining
(merge.py, blocking.py), the canonical events (canonical.py) and the stories
(stories.py), on the synthetic mentions of benchmarks/merge.py (skewed actor
popularity, 1-6 noisy reports per event). Each size runs in a fresh process, so its
peak RSS is its own (the mentions themselves included). CPU seconds are the
measure of scaling (the machine is shared; wall seconds are shown beside them).
Targets: peak RSS under 2 GB at 1M mentions, and each 10× of mentions within 12× of CPU time.

    .venv/bin/python benchmarks/resolution.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

RSS_LIMIT_MB = 2048
SCALING_LIMIT = 12.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(n: int) -> dict:
    """Resolve n synthetic mentions in this process; the phases' CPU and wall seconds."""
    from merge import synthetic

    from newstrace.resolve import affected_closure, resolve_mentions
    from newstrace.stages.resolution.merge import mergeable
    from newstrace.stages.resolution.stories import build_stories

    mentions = [m for m in synthetic(n) if mergeable(m)]
    before = peak_rss_mb()
    phases: dict[str, tuple[float, float]] = {}

    def timed(name, work):
        cpu, wall = time.process_time(), time.perf_counter()
        result = work()
        phases[name] = (time.process_time() - cpu, time.perf_counter() - wall)
        return result

    redo = timed("closure", lambda: affected_closure(mentions, mentions, []))
    work = [m for m in mentions if m.id in redo]
    resolution = timed("events", lambda: resolve_mentions(work, [], None))
    stories = timed("stories", lambda: build_stories(resolution.events, kind_of=lambda e: None, name_of=str))
    return {"n": n, "events": len(resolution.events), "stories": len(stories), "phases": phases,
            "input_mb": before, "peak_mb": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    rows = []
    for n in args.sizes:
        run = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"{n} mentions failed: {run.stderr.strip()[-600:]}")
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
        print(f"  {n:,} mentions done", file=sys.stderr)
    header = (f"{'mentions':>10} {'events':>9} {'stories':>8} {'closure s':>9} {'events s':>9} {'stories s':>9} "
              f"{'cpu s':>8} {'wall s':>8} {'mentions/s':>10} {'input MB':>8} {'peak RSS MB':>11} {'< 2 GB':>6}")
    print(header)
    print("-" * len(header))
    for r in rows:
        cpu = sum(c for c, _ in r["phases"].values())
        wall = sum(w for _, w in r["phases"].values())
        p = r["phases"]
        print(f"{r['n']:>10,} {r['events']:>9,} {r['stories']:>8,} {p['closure'][0]:>9.2f} {p['events'][0]:>9.2f} "
              f"{p['stories'][0]:>9.2f} {cpu:>8.2f} {wall:>8.2f} {r['n'] / cpu:>10,.0f} {r['input_mb']:>8.0f} "
              f"{r['peak_mb']:>11.0f} {'pass' if r['peak_mb'] < RSS_LIMIT_MB else 'FAIL':>6}")
    print()
    for a, b in zip(rows, rows[1:]):
        ca = sum(c for c, _ in a["phases"].values())
        cb = sum(c for c, _ in b["phases"].values())
        wa = sum(w for _, w in a["phases"].values())
        wb = sum(w for _, w in b["phases"].values())
        factor = b["n"] / a["n"]
        verdict = "pass" if cb / ca <= SCALING_LIMIT * factor / 10 else "FAIL"
        print(f"{a['n']:>9,} -> {b['n']:>9,} ({factor:.0f}x data): {cb / ca:5.1f}x cpu, {wb / wa:5.1f}x wall"
              f"  (target ≤ {SCALING_LIMIT * factor / 10:.0f}x cpu: {verdict})")


if __name__ == "__main__":
    main()
