"""Fixtures of the desk tests: a store per test, a local HTTP server (the loaded context is in tests/conftest.py)."""

from __future__ import annotations

import pytest

from newstrace.store import Store
from tests.desk.localserver import LocalServer


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "desk.db") as opened:
        yield opened


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running
