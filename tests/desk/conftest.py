"""Fixtures of the desk tests: one loaded context, a store per test, a local HTTP server."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.store import Store
from tests.desk.localserver import LocalServer


@pytest.fixture(scope="session")
def desk_ctx() -> Context:
    return Context(use_spacy=False)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "desk.db") as opened:
        yield opened


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running
