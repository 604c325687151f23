"""Fixtures of the export tests: the web tests' database and knowledge base."""

from __future__ import annotations

import pytest

from tests.web.corpus import build_corpus, fake_kb


@pytest.fixture(scope="session")
def export_corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("export") / "export.db")


@pytest.fixture(scope="session")
def kb():
    return fake_kb()


@pytest.fixture
def store(export_corpus):
    from newstrace.store import Store

    with Store(export_corpus.path, readonly=True) as s:
        yield s
