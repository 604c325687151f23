"""Where the batch runs: in this process (`local`), or on a Ray cluster (`ray`) with Ray Data.

Both take the same steps: shard rows → document rows (read tasks) → ArticleStage in a
pool of workers, each built once; partitions → ResolveStage likewise. The Ray engine
streams: shards are read while earlier documents are analysed, and results come back
to the driver as they are done.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

from newstrace.batch.shards import Shard, shard_batches
from newstrace.batch.stages import ArticleStage, ResolveStage

# Rows per call of a worker: small, so a killed worker loses little and progress streams.
ARTICLE_BATCH = 4
# Read tasks are I/O: they take a small share of a CPU so they run beside the workers.
READ_CPUS = 0.25


def stay_on_loopback() -> None:
    """Keep a cluster this process starts on 127.0.0.1: Ray otherwise listens on the address of the
    machine's outward interface. Ray reads this when it is imported, so call it before."""
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # the C++ core's notices are not ours to show


def _rows(batch: dict) -> Iterator[dict]:
    names = list(batch)
    for values in zip(*(batch[n] for n in names), strict=True):
        yield dict(zip(names, values, strict=True))


class LocalEngine:
    """Everything in this process, in order: the single-machine reference."""

    name = "local"
    workers = 1

    def articles(self, shards: list[Shard], outlet: str | None, stage: dict[str, Any]) -> Iterator[dict]:
        worker = ArticleStage(**stage)
        for shard in shards:
            for batch in shard_batches({"path": [shard.path], "name": [shard.name]}, outlet):
                yield from _rows(worker(batch))

    def resolve(self, tasks: list[str], stage: dict[str, Any]) -> Iterator[str]:
        worker = ResolveStage(**stage)
        for task in tasks:
            yield from worker({"task": [task]})["result"]

    def close(self) -> None:
        pass


class RayEngine:
    """Ray Data over a cluster: the one at `address`, the one this process already joined, or a new local one."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        if address is None:
            stay_on_loopback()
        import ray

        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            local = {} if address else {"num_cpus": workers}
            ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                     configure_logging=True, **local)
        from ray.data import DataContext

        for name in ("ray", "ray.data"):  # after ray.data configured its loggers on import
            logging.getLogger(name).setLevel(logging.ERROR)

        context = DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, workers or cpus)

    def _pool(self, inputs: int) -> dict[str, Any]:
        # Each worker takes most of a CPU, leaving room for the read tasks beside the pool;
        # the pool grows to `workers` as work queues, never past the number of inputs.
        size = max(1, min(self.workers, inputs))
        return {"compute": self.ray.data.ActorPoolStrategy(min_size=1, max_size=size), "num_cpus": 1 - READ_CPUS}

    def articles(self, shards: list[Shard], outlet: str | None, stage: dict[str, Any]) -> Iterator[dict]:
        data = self.ray.data
        ds = data.from_items([{"path": s.path, "name": s.name} for s in shards], override_num_blocks=max(1, len(shards)))
        ds = ds.map_batches(shard_batches, fn_kwargs={"outlet": outlet}, batch_size=1, num_cpus=READ_CPUS)
        ds = ds.map_batches(ArticleStage, fn_constructor_kwargs=stage, batch_size=ARTICLE_BATCH, **self._pool(len(shards) * 64))
        yield from self._stream(ds, "per-article stages", _rows)

    def resolve(self, tasks: list[str], stage: dict[str, Any]) -> Iterator[str]:
        if not tasks:
            return
        ds = self.ray.data.from_items([{"task": t} for t in tasks], override_num_blocks=len(tasks))
        ds = ds.map_batches(ResolveStage, fn_constructor_kwargs=stage, batch_size=1, **self._pool(len(tasks)))
        yield from self._stream(ds, "resolution", lambda batch: (str(r) for r in batch["result"]))

    def _stream(self, ds, step: str, unpack) -> Iterator[Any]:
        """The dataset's results as they finish; a failure Ray gave up on becomes one line."""
        from newstrace.batch.run import BatchFailed

        try:
            for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
                yield from unpack(batch)
        except BatchFailed:
            raise
        except Exception as exc:  # Ray's errors carry the remote traceback: keep the first line of the cause
            cause = getattr(exc, "cause", None) or exc
            text = next((line.strip() for line in str(cause).splitlines() if line.strip()), type(cause).__name__)
            raise BatchFailed(f"ray {step}: {type(cause).__name__}: {text[:300]}; what is stored stays, "
                              "re-run the batch to finish the rest") from exc

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
