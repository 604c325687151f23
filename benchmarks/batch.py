"""The distributed batch against one process: synthetic WARC.gz shards into PostgreSQL.

For each engine (`local`: one process; `ray`: a local Ray cluster with 2 workers) in
its own process, on the same shards (benchmarks/warc_corpus.py) and a fresh database
of a throwaway PostgreSQL server: articles per second through reading and the per-article
stages (from the start, workers' start-up included, to the last stored article), the whole run's wall time (start-up, stages and the
partitioned resolution), and the peak RSS of each worker. The corpus size is
--articles, or by default what fits in about --minutes (measured on a probe run),
at most 100,000; the table prints it.

    .venv/bin/python benchmarks/batch.py [--articles N | --minutes 15] [--shards 16] [--workers 2] [--engines local,ray]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


class WorkerMemory:
    """Peak RSS of each process of ours whose command line names the per-article stage."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _poll(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.done.wait(0.5):
            for proc in me.children(recursive=True):
                try:
                    if "ArticleStage" in " ".join(proc.cmdline()):
                        self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), proc.memory_info().rss)
                except psutil.Error:
                    continue

    def stop(self) -> list[int]:
        self.done.set()
        self.thread.join()
        return sorted(self.peaks.values())


def run_one(engine_name: str, shards: str, url: str, workers: int) -> dict:
    from newstrace.batch.engines import LocalEngine, RayEngine
    from newstrace.batch.run import run_batch

    start = time.perf_counter()
    memory = WorkerMemory() if engine_name == "ray" else None
    engine = RayEngine(workers=workers) if engine_name == "ray" else LocalEngine()
    stamps: list[float] = []

    class Timed:
        """The engine, noting when each article row comes back."""

        workers = engine.workers

        def articles(self, *a, **k):
            for row in engine.articles(*a, **k):
                stamps.append(time.perf_counter())
                yield row

        def resolve(self, *a, **k):
            return engine.resolve(*a, **k)

    try:
        report = run_batch([shards], url, Timed(), use_spacy=False)
    finally:
        peaks = memory.stop() if memory else []
        engine.close()
    wall = time.perf_counter() - start
    if not peaks:
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024]
    # From the start (the cluster and the workers' context loading included) to the last article
    # back: Ray hands results back in bursts, so the span between rows alone would flatter it.
    stages = stamps[-1] - start if stamps else float("nan")
    return {"engine": engine_name, "workers": engine.workers, "articles": report.new + report.unchanged,
            "events": report.summary.events if report.summary else 0, "rate": len(stamps) / stages,
            "stages": stages, "wall": wall, "peaks": peaks}


def _child(engine: str, shards: str, url: str, workers: int) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, __file__, "--one", engine, shards, url, str(workers)],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run {engine} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        engine, shards, url, workers = sys.argv[2:6]
        print(json.dumps(run_one(engine, shards, url, int(workers))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int)
    parser.add_argument("--minutes", type=float, default=15.0)
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,ray", help="which runs to make, in order (local, ray or both)")
    args = parser.parse_args()
    from tests.pgserver import PostgresServer
    from warc_corpus import write_shards

    server = PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory(prefix="newstrace-bench-") as tmp:
            n = args.articles
            if n is None:
                probe = Path(tmp) / "probe"
                write_shards(probe, 60, 2)
                rate = _child("local", str(probe), server.new_database(), 1)["rate"]
                # One process and the 2-worker run (about twice as fast) share the budget.
                n = max(100, min(100_000, int(rate * args.minutes * 60 / 1.6)))
            shards = Path(tmp) / "shards"
            write_shards(shards, n, args.shards)
            rows = []
            for engine in args.engines.split(","):
                rows.append(_child(engine, str(shards), server.new_database(), 1 if engine == "local" else args.workers))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # a long run's first half, kept if the second fails
    finally:
        server.remove()
    print(f"{n} synthetic articles in {args.shards} WARC.gz shards, into PostgreSQL, on {os.cpu_count()} cores")
    print(f"{'engine':<8}{'workers':>8}{'articles':>10}{'events':>8}{'stages s':>10}{'articles/s':>12}"
          f"{'per worker':>12}{'wall s':>9}{'peak RSS/worker MB':>20}")
    for r in rows:
        peaks = "/".join(f"{p / 2**20:.0f}" for p in r["peaks"])
        print(f"{r['engine']:<8}{r['workers']:>8}{r['articles']:>10}{r['events']:>8}{r['stages']:>10.1f}{r['rate']:>12.2f}"
              f"{r['rate'] / r['workers']:>12.2f}{r['wall']:>9.1f}{peaks:>20}")


if __name__ == "__main__":
    main()
