"""Property-based run of the API against its own OpenAPI description: no 5xx, documented responses only."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from newstrace.web.app import create_app
from tests.web.corpus import build_corpus, fake_kb

# Schemathesis parametrizes at collection time, so the app is built here rather than in a fixture;
# the directory is removed when the test process ends.
_FOLDER = tempfile.TemporaryDirectory(prefix="newstrace-api-")
APP = create_app(build_corpus(Path(_FOLDER.name) / "api.db").path, kb=fake_kb())
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi(case):
    response = case.call_and_validate()
    assert response.status_code < 500
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
