"""The JSON API: every route, the envelope, pagination, filters, and the one error shape."""

from __future__ import annotations

import pytest

from tests.web.corpus import DOHA, KALIN, UNKNOWN


def data(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"data", "meta"}
    return body["data"], body["meta"]


def error(client, url: str, status: int, code: str) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    return body["error"]["message"]


def test_articles_list_and_pagination(client, corpus):
    items, meta = data(client, "/api/v1/articles")
    assert meta == {"total": 4, "limit": 100, "offset": 0, "count": 4}
    assert {a["id"] for a in items} == {corpus.en, corpus.ar, corpus.fr, corpus.xss}
    first, meta = data(client, "/api/v1/articles?limit=1&offset=1")
    assert len(first) == 1 and meta["count"] == 1 and first[0]["id"] == items[1]["id"]
    arabic, meta = data(client, "/api/v1/articles?language=ar")
    assert [a["id"] for a in arabic] == [corpus.ar] and meta["total"] == 1


def test_article_detail_has_text_mentions_events_and_duplicate_mark(client, corpus):
    item, _ = data(client, f"/api/v1/articles/{corpus.fr}")
    assert item["text"].startswith("Ibrahim Kalin")
    assert item["duplicate_of"] == corpus.en and item["duplicate_kind"] == "translation"
    assert item["mentions"][0]["entity"] == KALIN and item["mentions"][0]["name"] == "Ibrahim Kalin"
    assert item["event_mentions"][0]["event"] == corpus.meeting
    original, _ = data(client, f"/api/v1/articles/{corpus.en}")
    assert original["repeated_by"] == [{"article": corpus.fr, "kind": "translation"}]
    by_file, _ = data(client, "/api/v1/articles/doha_ar.txt")
    assert by_file["id"] == corpus.ar


def test_events_list_with_sources_languages_and_filters(client, corpus):
    items, meta = data(client, "/api/v1/events")
    assert meta["total"] == 3 and [e["id"] for e in items][-1] == corpus.hostile  # undated last
    meeting = next(e for e in items if e["id"] == corpus.meeting)
    assert meeting["languages"] == ["ar", "en", "fr"]
    assert meeting["sources"] == 3 and meeting["independent_sources"] == 2
    assert meeting["place"]["name"] == "Doha" and meeting["discrepancies"][0]["field"] == "date"
    by_name, meta = data(client, "/api/v1/events?actor=Ibrahim%20Kalin")
    assert {e["id"] for e in by_name} == {corpus.meeting, corpus.hostile} and meta["actor_ids"] == [KALIN]
    assert [e["id"] for e in data(client, "/api/v1/events?language=ar")[0]] == [corpus.meeting]
    assert [e["id"] for e in data(client, "/api/v1/events?type=agree")[0]] == [corpus.truce]
    assert [e["id"] for e in data(client, f"/api/v1/events?place={DOHA}")[0]] == [corpus.meeting]
    assert [e["id"] for e in data(client, "/api/v1/events?from=2026-02-01&to=2026-02-28")[0]] == [corpus.meeting]
    assert data(client, "/api/v1/events?actor=Nobody%20Known")[0] == []


def test_event_detail_has_every_source_with_its_evidence(client, corpus):
    item, _ = data(client, f"/api/v1/events/{corpus.meeting}")
    sources = {s["language"]: s for s in item["sources"]}
    assert set(sources) == {"ar", "en", "fr"}
    assert sources["ar"]["mentions"][0]["sentence"].startswith("التقى")
    assert sources["fr"]["duplicate_of"] == corpus.en
    assert item["stories"] == [corpus.story]
    assert item["provenance"]["date"]["value"] == "2026-02-09"


def test_actors_list_and_detail(client, corpus):
    items, meta = data(client, "/api/v1/actors")
    assert items[0] == {"id": KALIN, "name": "Ibrahim Kalin", "kind": "person", "events": 2}
    item, meta = data(client, f"/api/v1/actors/{KALIN}")
    assert item["names"]["ar"] == ["إبراهيم قالن"] and item["roles"][0]["org"]["name"] == "National Intelligence Organization"
    assert {e["id"] for e in item["events"]} == {corpus.meeting, corpus.hostile}
    assert {c["id"] for c in item["co_actors"]} == {"Q7500001", UNKNOWN}
    unknown, _ = data(client, f"/api/v1/actors/{UNKNOWN}")
    assert unknown["in_knowledge_base"] is False and unknown["name"] == UNKNOWN


def test_stories_and_search(client, corpus):
    items, meta = data(client, "/api/v1/stories")
    assert meta["total"] == 2
    story, _ = data(client, f"/api/v1/stories/{corpus.story}")
    assert [e["id"] for e in story["timeline"]] == [corpus.truce, corpus.meeting]
    hits, meta = data(client, "/api/v1/search?q=الدوحة")
    assert [h["article"] for h in hits] == [corpus.ar] and meta["query"] == "الدوحة"
    assert data(client, "/api/v1/search?q=%22%29%20OR%20*")[0] == []  # taken literally, no FTS syntax


@pytest.mark.parametrize("url", ["/api/v1/events/e0000000000000000", "/api/v1/articles/a000000000000000",
                                 "/api/v1/actors/Q1", "/api/v1/stories/s000", "/api/v1/nothing-here"])
def test_unknown_ids_and_routes_are_404_in_the_error_shape(client, url):
    error(client, url, 404, "not_found")


@pytest.mark.parametrize("url", [
    "/api/v1/events?limit=501", "/api/v1/events?limit=0", "/api/v1/events?limit=ten", "/api/v1/articles?offset=-1",
    "/api/v1/events?from=yesterday", "/api/v1/events?type=DROP%20TABLE", "/api/v1/search",
    "/api/v1/search?q=" + "x" * 201, "/api/v1/events?actor=" + "x" * 201, "/api/v1/articles?language=english",
    "/api/v1/actors/%2e%2e", "/api/v1/articles/" + "a" * 101, "/api/v1/events/e1%00",
])
def test_malformed_or_oversized_parameters_are_422_in_the_error_shape(client, url):
    assert error(client, url, 422, "invalid_parameter")


@pytest.mark.parametrize("url", ["/api/v1/events/..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/..%2f..%2fpyproject.toml",
                                 "/api/v1/stories/%2e%2e%2f%2e%2e"])
def test_path_traversal_never_reaches_a_file(client, url):
    response = client.get(url)
    assert response.status_code in (404, 422)
    assert set(response.json()) == {"error"}


def test_only_get_and_a_405_in_the_error_shape(client, app):
    methods = {m for path in app.openapi()["paths"].values() for m in path}
    assert methods == {"get"}
    response = client.post("/api/v1/events")
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response.headers["allow"]


def test_openapi_describes_the_envelope_and_error_shape(client):
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/events/{event_id}"]["get"]
    assert set(operation["responses"]) >= {"200", "404", "422"}
    assert operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert spec["paths"]["/api/v1/events"]["get"]["parameters"][0]["schema"]["maximum"] == 500


def test_docs_page_lists_routes_and_loads_nothing_from_elsewhere(client):
    response = client.get("/docs")
    assert response.status_code == 200 and "/api/v1/events/{event_id}" in response.text
    assert "http://" not in response.text and "https://" not in response.text and "<script" not in response.text


def test_security_headers_and_static_files_without_traversal(client):
    response = client.get("/api/v1/events")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").status_code == 200
    for url in ["/static/../app.py", "/static/..%2Fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml"]:
        assert client.get(url).status_code == 404


def test_search_with_control_characters_finds_nothing_instead_of_failing(client):
    assert data(client, "/api/v1/search?q=a%00b")[0] == []
    assert client.get("/search?q=%00").status_code == 200
