"""Start-up cost of the CLI: each command's wall time as a ratio to `newstrace --version`.

Every command runs in a fresh process, as a user would run it. The first run of
each command starts from an empty knowledge-base cache (it builds the compiled
artifact); the warm runs that follow read it. The store commands read a demo
database built from examples/ (as `make demo` does); "ingest one article" starts
from an empty database each time. Prints one table of wall and CPU seconds (medians of the warm runs); targets are those of the
compiled-knowledge-base work (kb search, articles, events, timeline within 1 s,
ingesting one article within 4 s, warm), each with a pass/fail column by wall and by CPU time.

    .venv/bin/python benchmarks/cli.py [--runs 5] [--article examples/en_kalin_doha.txt ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"kb search": 1.0, "articles": 1.0, "events": 1.0, "timeline": 1.0, "ingest": 4.0}


def command() -> list[str]:
    script = Path(sys.executable).with_name("newstrace")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newstrace.cli"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (CPU time says more than wall time on a shared machine)."""
    cpu, start = _children_cpu(), time.perf_counter()
    run = subprocess.run([*command(), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"newstrace {' '.join(args)} failed ({run.returncode}): {run.stderr.strip()[-400:]}")
    return elapsed, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs per command (median reported)")
    parser.add_argument("--article", action="append", default=None, help="article to ingest (repeatable)")
    options = parser.parse_args()
    articles = options.article or ["examples/en_kalin_doha.txt", "examples/ar_guterres_sudan.txt",
                                   "examples/fr_kalin_doha.txt"]
    work = Path(tempfile.mkdtemp(prefix="newstrace-bench-cli-"))
    cache = work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache),
           "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    env.pop("NEWSTRACE_DB", None)
    # A user's runs reuse compiled bytecode; with this set, every run would compile newstrace again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    demo = work / "demo.db"
    print(f"building the demo database from examples/ ({work}) ...", file=sys.stderr)
    demo_build, _ = timed(["--db", str(demo), "ingest", str(REPO / "examples")], env)

    counter = iter(range(10**6))

    def fresh_db() -> str:
        return str(work / f"one-{next(counter)}.db")

    cases: list[tuple[str, Callable[[], list[str]]]] = [
        ("--version", lambda: ["--version"]),
        ("--help", lambda: ["--help"]),
        ("kb search", lambda: ["--db", str(demo), "kb", "search", "Ибрагим Калын"]),
        ("articles", lambda: ["--db", str(demo), "articles"]),
        ("events", lambda: ["--db", str(demo), "events"]),
        ("timeline", lambda: ["--db", str(demo), "timeline"]),
        *((f"ingest {Path(a).name}", lambda a=a: ["--db", fresh_db(), "ingest", str(REPO / a)]) for a in articles),
    ]
    rows = []
    for name, args in cases:
        shutil.rmtree(cache, ignore_errors=True)
        cold = timed(args(), env)
        warm = [timed(args(), env) for _ in range(options.runs)]
        rows.append((name, cold, statistics.median(w for w, _ in warm), statistics.median(c for _, c in warm)))
        print(f"  {name}: cold {cold[0]:.2f} s, warm median {rows[-1][2]:.2f} s", file=sys.stderr)
    base_wall, base_cpu = rows[0][2], rows[0][3]
    print(f"\nnewstrace CLI start-up, {options.runs} warm runs each (demo database built in {demo_build:.1f} s); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    # On a loaded machine wall time measures the other processes too: a target is judged on
    # the warm wall time, and on the warm CPU time as well, shown beside it.
    header = (f"{'command':<28} {'cold wall':>9} {'cold cpu':>9} {'warm wall':>9} {'warm cpu':>9} "
              f"{'× --version wall':>16} {'× cpu':>6} {'target':>7} {'wall':>5} {'cpu':>5}")
    print(header)
    print("-" * len(header))
    for name, (cold_wall, cold_cpu), wall, cpu in rows:
        target = next((limit for prefix, limit in TARGETS.items() if name.startswith(prefix)), None)
        limit = "" if target is None else f"≤{target:.0f} s"
        by_wall = "" if target is None else ("pass" if wall <= target else "FAIL")
        by_cpu = "" if target is None else ("pass" if cpu <= target else "FAIL")
        print(f"{name:<28} {cold_wall:>9.2f} {cold_cpu:>9.2f} {wall:>9.2f} {cpu:>9.2f} "
              f"{wall / base_wall:>16.1f} {cpu / base_cpu:>6.1f} {limit:>7} {by_wall:>5} {by_cpu:>5}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
