"""The desk page and its API: recent alerts with delivery state, watched sources with their last poll."""

from __future__ import annotations

from tests.web.corpus import PAYLOADS


def test_api_lists_alerts_newest_first_and_the_watch(client, corpus):
    alerts = client.get("/api/v1/alerts").json()
    assert [a["id"] for a in alerts["data"]] == ["al0000000000002", "al0000000000001"]
    failed, done = alerts["data"]
    assert failed["delivered_at"] is None and failed["attempts"] == 1 and PAYLOADS[1] in failed["last_error"]
    assert done["delivered_at"] and done["detail"] == {} and done["subject"] == corpus.meeting
    watch = client.get("/api/v1/watch").json()
    assert watch["meta"]["rules"] == ["kalin"]
    by_source = {s["source"]: s for s in watch["data"]}
    assert by_source["http://127.0.0.1:9/wire.xml"]["outcome"] == "new"
    assert by_source[f"http://127.0.0.1:9/{PAYLOADS[1]}"]["failures"] == 2


def test_desk_page_escapes_alert_and_feed_text(client):
    page = client.get("/desk")
    assert page.status_code == 200
    html = page.text
    assert '<a href="/desk" class="here">Desk</a>' in html
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; alert text" in html
    assert "pending, 1 failed try" in html and "delivered" in html
    assert '<tr class="rule">' in html and "actor <bdi>Q6100994</bdi>" in html and "a new event" in html
    assert "3 new" in html and "new 3 new" not in html
    assert "Content-Security-Policy" in page.headers
