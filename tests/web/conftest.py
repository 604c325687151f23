"""Fixtures of the web tests: the test database, its knowledge base and the app over them."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # Starlette's test client warns about its httpx backend on import; nothing to act on here.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newstrace.web.app import create_app
from tests.web.corpus import build_corpus, fake_kb


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def kb():
    return fake_kb()


@pytest.fixture(scope="session")
def app(corpus, kb):
    return create_app(corpus.path, kb=kb)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
