"""Shared fixtures: the seed articles beside the clone, and the project's own test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DATA = REPO / "tests" / "data"
OUTPUT = REPO / "test-output"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles in ../shared/seeds (they are never copied into the repo)."""
    if not (SEEDS / "EXPECTED.md").exists():
        pytest.skip(f"the seed articles are not at {SEEDS}: clone the repo beside shared/ to run this test")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def desk_ctx():
    """One context without spaCy for the desk and the pages it feeds (loaded once per session)."""
    from newstrace.context import Context

    return Context(use_spacy=False)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def _postgres_unavailable(reason: str) -> None:
    """CI must run the PostgreSQL variants: there a missing server fails; elsewhere it skips."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server for the session (tests/pgserver.py), stopped at the end."""
    from tests import pgserver

    reason = pgserver.missing_reason()
    if reason:
        _postgres_unavailable(reason)
    server = pgserver.PostgresServer().start()
    yield server
    server.remove()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path) -> str:
    """A fresh database of each backend: a SQLite file, then a postgresql:// URL."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return request.getfixturevalue("pg_url")
