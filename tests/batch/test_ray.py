"""The batch on a local Ray cluster of 2 CPUs: exactly the articles, events and ids of a single-machine
ingest, also when a worker is killed mid-shard or PostgreSQL stops mid-batch (the re-run finishes
the rest, nothing stored twice)."""

from __future__ import annotations

import os
import signal
import threading
import time

import psutil
import pytest

from newstrace.batch.engines import RayEngine, stay_on_loopback
from newstrace.batch.run import run_batch
from newstrace.errors import StoreError
from tests.batch.helpers import corpus, counts, outcome, single_machine

stay_on_loopback()
ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow
ARTICLES, SHARDS = 24, 3


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("warc"), ARTICLES, SHARDS)


@pytest.fixture(scope="module")
def reference(shards, tmp_path_factory) -> dict:
    ref = single_machine([str(shards)], str(tmp_path_factory.mktemp("ref") / "ref.db"))
    assert len(ref["articles"]) == ARTICLES and ref["events"]
    return ref


def _batch(shards, db: str):
    return run_batch([str(shards)], db, RayEngine(), use_spacy=False)


def test_two_ray_workers_give_the_events_and_ids_of_one_process(cluster, shards, reference, pg_url):
    report = _batch(shards, pg_url)
    assert report.new == ARTICLES and report.failed == 0 and report.partitions > 1
    assert outcome(pg_url) == reference


class Running:
    """The batch in a thread of this (driver) process; its result or its error."""

    def __init__(self, shards, db: str) -> None:
        self.result = self.error = None
        self.thread = threading.Thread(target=self._run, args=(shards, db), daemon=True)
        self.thread.start()

    def _run(self, shards, db):
        try:
            self.result = _batch(shards, db)
        except Exception as exc:  # the test looks at it
            self.error = exc

    def wait_for_articles(self, db: str, at_least: int) -> int:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and self.thread.is_alive():
            try:
                stored = counts(db)[0]
            except StoreError:
                stored = 0  # not migrated yet
            if stored >= at_least:
                return stored
            time.sleep(0.2)
        pytest.fail("the batch ended before the fault could be injected")


def _article_workers() -> list[psutil.Process]:
    """This test's Ray workers running the per-article stages (children of the cluster it started)."""
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if "ArticleStage" in " ".join(proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def test_a_worker_killed_mid_shard_is_replaced_and_nothing_is_stored_twice(cluster, shards, reference, pg_url):
    run = Running(shards, pg_url)
    run.wait_for_articles(pg_url, 3)
    victims = _article_workers()
    assert victims
    os.kill(victims[0].pid, signal.SIGKILL)
    run.thread.join(900)
    if run.error is not None:  # the engine gave up on the shard: one line, and the re-run finishes it
        assert len(str(run.error).splitlines()) == 1, str(run.error)
        print(f"batch stopped: {run.error}")
        _batch(shards, pg_url)
    else:
        print(f"batch finished: {run.result.line()}")
    assert outcome(pg_url) == reference
    assert counts(pg_url) == (ARTICLES,) * 3


def test_postgresql_stopped_mid_batch_fails_in_one_line_and_a_rerun_finishes(cluster, shards, reference):
    from tests.pgserver import PostgresServer

    server = PostgresServer().start()  # its own server: this test stops it
    try:
        url = server.new_database()
        run = Running(shards, url)
        run.wait_for_articles(url, 3)
        server.stop("fast")
        run.thread.join(900)
        assert run.error is not None
        line = str(run.error)
        assert len(line.splitlines()) == 1 and ("E020" in line or "E017" in line), line
        assert server.password not in line
        server.start()
        partial = counts(url)
        assert partial[0] < ARTICLES and partial == (partial[0],) * 3
        rerun = _batch(shards, url)
        assert rerun.unchanged == partial[0] and rerun.new == ARTICLES - partial[0]
        assert outcome(url) == reference and counts(url) == (ARTICLES,) * 3
    finally:
        server.remove()
