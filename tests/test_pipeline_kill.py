"""kill -9 in each phase of `newstrace ingest`: the next command ends with the events of a clean run.

The ingest runs as a real subprocess of the CLI; tests/pause_at.py holds it at the
phase (reading, per-article stages, resolution, stories) until it is killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrace.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# Reports of two events in several languages, and one unrelated article.
FILES = ["en_kalin_doha.txt", "fr_kalin_doha.txt", "tr_kalin_doha.txt", "ru_putin_erdogan.txt",
         "tr_erdogan_putin.txt", "de_konjunktur.txt"]
ENV = dict(os.environ, PYTHONPATH=f"{REPO / 'src'}{os.pathsep}{REPO}")

pytestmark = pytest.mark.slow


def _cli(db: str, *args: str) -> list[str]:
    return ["--db", db, "--no-spacy", *args]


def _run(db: str, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "newstrace.cli", *_cli(db, *args)]
    done = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def _outcome(db: str) -> tuple:
    with Store(db) as store:
        events = tuple(sorted((e.id, e.mention_ids) for e in store.events()))
        stories = tuple(sorted(s.id for s in store.stories()))
        return events, stories, store.count_articles(), store.pending_resolution()


def _targets() -> list[str]:
    return [str(EXAMPLES / name) for name in FILES]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.fixture(scope="module")
def clean(backend, tmp_path_factory, request) -> tuple:
    """Events, stories and article count of an uninterrupted run on this backend."""
    db = (str(tmp_path_factory.mktemp("clean") / "clean.db") if backend == "sqlite"
          else request.getfixturevalue("pg_server").new_database())
    _run(db, "ingest", *_targets())
    outcome = _outcome(db)
    assert outcome[0] and outcome[2] == len(FILES) and outcome[3] == 0
    return outcome


def _fresh(backend: str, tmp_path: Path, request) -> str:
    return str(tmp_path / "k.db") if backend == "sqlite" else request.getfixturevalue("pg_server").new_database()


def _kill_at(db: str, phase: str, nth: int, tmp_path: Path) -> None:
    flag = tmp_path / f"{phase}.reached"
    cmd = [sys.executable, "-m", "tests.pause_at", phase, str(nth), str(flag), *_cli(db, "ingest", *_targets())]
    proc = subprocess.Popen(cmd, env=ENV, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while not flag.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not flag.exists():
        proc.kill()
        pytest.fail(f"the ingest never reached {phase}: {proc.communicate()[1].decode()[-2000:]}")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()


@pytest.mark.parametrize("phase, nth", [("reading", 3), ("per-article", 3)])
def test_killed_while_reading_or_analysing_the_rerun_finishes_the_rest(backend, clean, phase, nth, tmp_path, request):
    db = _fresh(backend, tmp_path, request)
    _kill_at(db, phase, nth, tmp_path)
    events, stories, articles, pending = _outcome(db)
    assert articles == nth - 1 and events == () and pending == nth - 1
    rerun = _run(db, "ingest", *_targets())
    assert f"{len(FILES) - articles} new" in rerun.stderr and f"{articles} unchanged" in rerun.stderr
    assert _outcome(db) == clean


@pytest.mark.parametrize("phase, next_command", [("resolution", ["timeline", "--json"]), ("stories", ["ingest"])])
def test_killed_while_resolving_the_next_command_finishes_the_events(backend, clean, phase, next_command, tmp_path,
                                                                     request):
    db = _fresh(backend, tmp_path, request)
    _kill_at(db, phase, 1, tmp_path)
    events, stories, articles, pending = _outcome(db)
    assert (events, stories, articles, pending) == ((), (), len(FILES), len(FILES)), "nothing half-written"
    args = [*next_command, *_targets()] if next_command == ["ingest"] else next_command
    done = _run(db, *args)
    assert "pending" in done.stderr
    if next_command == ["ingest"]:
        assert f"{len(FILES)} unchanged" in done.stderr
    assert _outcome(db) == clean
