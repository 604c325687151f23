"""Ingest throughput: synthetic articles as text, HTML and JSONL into SQLite.

Runs the ingest stages alone (read, parse, clean, metadata, language, store; no
linking or events), for each size and number of workers, in a fresh database.
Each configuration runs in its own process so peak RSS is its own.

    .venv/bin/python benchmarks/ingest.py [--sizes 1000 10000] [--workers 1 2] [--kinds text jsonl html]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def run_one(kind: str, n: int, workers: int) -> dict:
    from synthetic import write_corpus

    from newstrace import pipeline
    from newstrace.context import Context
    from newstrace.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        target = write_corpus(Path(tmp) / "in", n, kind)
        with Store(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = pipeline.ingest([str(target)], store, Context(use_spacy=False), workers=workers, analyse=False)
            elapsed = time.perf_counter() - start
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"kind": kind, "n": n, "workers": workers, "seconds": elapsed, "stored": report.new,
            "failed": report.failed, "rss_mb": rss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kinds", nargs="+", default=["text", "jsonl", "html"])
    parser.add_argument("--one", nargs=3, metavar=("KIND", "N", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), int(args.one[2]))))
        return
    print(f"{'format':<7} {'articles':>9} {'workers':>8} {'seconds':>9} {'articles/s':>11} {'peak RSS MB':>12}")
    for kind in args.kinds:
        for n in args.sizes:
            for workers in args.workers:
                out = subprocess.run([sys.executable, __file__, "--one", kind, str(n), str(workers)],
                                     capture_output=True, text=True, check=True)
                row = json.loads(out.stdout.strip().splitlines()[-1])
                assert row["stored"] == n, row
                print(f"{kind:<7} {n:>9,} {workers:>8} {row['seconds']:>9.1f} {n / row['seconds']:>11.0f}"
                      f" {row['rss_mb']:>12.0f}", flush=True)


if __name__ == "__main__":
    main()
