"""On examples/ ingested into a fresh database, the framing panel shows outlets naming one event differently."""

from __future__ import annotations

import re
import warnings

import pytest

from newstrace.context import Context
from newstrace.web.app import create_app
from tests.gold_sets import GOLD_SETS, build
from tests.web.test_pages import assert_inert

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    examples = next(g for g in GOLD_SETS if g.name == "examples")
    path = tmp_path_factory.mktemp("examples") / "examples.db"
    build(examples, path, Context()).close()
    return path


@pytest.fixture(scope="module")
def examples_client(examples_db):
    with TestClient(create_app(examples_db), raise_server_exceptions=False) as client:
        yield client


def _strike(client) -> dict:
    """The strike near Nabatieh, reported in Arabic, English and French."""
    events = client.get("/api/v1/events", params={"type": "ASSAULT", "limit": 500}).json()["data"]
    reported = [e for e in events if set(e["languages"]) >= {"ar", "en", "fr"}]
    assert reported, "no assault reported in ar, en and fr"
    return max(reported, key=lambda e: e["sources"])


def test_outlets_of_one_event_name_it_differently(examples_client):
    event = examples_client.get(f"/api/v1/events/{_strike(examples_client)['id']}").json()["data"]
    framing = event["framing"]
    used = {o["outlet"]: {t["group"] for t in o["terms"]} for o in framing["outlets"]}
    assert len(used) >= 3
    occupied = {o for o, groups in used.items() if "territory_as_occupied" in groups}
    # The Arabic and French reports say the army occupies positions; the English one that troops remain there.
    assert occupied and occupied != set(used) and "territory_as_occupied" in framing["differs"]
    assert "violence_as_aggression" in framing["differs"]
    assert all("death_as_killing" in groups for groups in used.values())


def test_the_framing_panel_of_that_event_shows_the_difference(examples_client):
    event_id = _strike(examples_client)["id"]
    html = examples_client.get(f"/events/{event_id}").text
    panel = html[html.index('<section class="framing"'):html.index('<section class="reports-section">')]
    row = re.search(r'<tr class="group-row differs" data-group="territory_as_occupied">.*?</tr>', panel, re.DOTALL)
    assert row, "the occupied row is not marked as differing"
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.DOTALL)
    assert any('class="none"' in c for c in cells) and any('class="count"' in c for c in cells)
    assert_inert(html)


@pytest.mark.browser
def test_the_panel_in_chromium(examples_db, examples_client, output_dir):
    from tests.web.test_browser import ARGS, CHROMIUM, serve

    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    event_id = _strike(examples_client)["id"]
    with serve(create_app(examples_db)) as url, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(f"{url}/events/{event_id}")
        row = tab.locator("table[data-by=outlet] tr[data-group=territory_as_occupied]")
        assert row.is_visible() and "differs" in row.get_attribute("class")
        assert row.locator("td .none").count() >= 1 and row.locator("td .count").count() >= 1
        tab.locator("section.framing").screenshot(path=str(output_dir / "web-examples-framing.png"))
        tab.goto(f"{url}/")
        assert tab.locator("svg.map circle").count() >= 3
        tab.locator(".pictures").screenshot(path=str(output_dir / "web-examples-timeline-pictures.png"))
        browser.close()
