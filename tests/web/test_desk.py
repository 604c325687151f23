"""The desk views: framing across outlets, who disagrees on what, the chart and the map, in pages and the API."""

from __future__ import annotations

import re
from datetime import date

from newstrace.framing import compile_framing, framing_of
from newstrace.knowledge.framing import parse_framing
from newstrace.web import pages
from newstrace.web.panels import framing_table
from tests.factories import article
from tests.web.corpus import PAYLOADS
from tests.web.test_api import data
from tests.web.test_pages import assert_inert, page


def _row(html: str, group: str) -> str:
    match = re.search(rf'<tr class="group-row[^"]*" data-group="{group}">.*?</tr>', html, re.DOTALL)
    assert match, f"no row for {group}"
    return match.group(0)


def test_event_page_shows_which_outlet_used_which_loaded_term(client, corpus):
    html = page(client, f"/events/{corpus.meeting}")
    panel = html[html.index('<section class="framing"'):html.index('<section class="reports-section">')]
    for outlet in ("Gulf Wire", "doha_ar.txt", "doha_fr.txt"):
        assert outlet in panel
    terrorist, resistance = _row(panel, "armed_group_as_terrorist"), _row(panel, "armed_group_as_resistance")
    assert 'class="group-row differs"' in terrorist and "terrorist organisation" in terrorist
    assert "حركة المقاومة" in resistance and "outlets chose different words" in panel
    # The group lists its equivalents in every language, not only the ones found.
    assert "organización terrorista" in terrorist and "恐怖组织" in terrorist
    assert "By language" in panel


def test_event_page_says_who_gave_which_date(client, corpus):
    html = page(client, f"/events/{corpus.meeting}")
    section = html[html.index('<section class="discrepancies">'):html.index('<section class="framing"')]
    assert 'data-field="date"' in section
    first, second = section.index("2026-02-09"), section.index("2026-02-10")
    assert section.index("Gulf Wire") < second < section.index("doha_fr.txt") and first < second


def test_discrepancies_page_lists_only_disputed_events(client, corpus):
    html = page(client, "/discrepancies")
    assert f'href="/events/{corpus.meeting}"' in html and f'href="/events/{corpus.truce}"' not in html
    assert "Gulf Wire" in html and "doha_fr.txt" in html
    assert_inert(html)


def test_story_page_has_chart_map_and_framing(client, corpus):
    html = page(client, f"/stories/{corpus.story}")
    assert '<svg class="chart"' in html and '<svg class="map"' in html and '<section class="framing"' in html
    chart = html[html.index('<svg class="chart"'):]
    # The meeting is day-precise and the truce only known to the month: bins are months, both drawn.
    assert "2026-01: AGREE ×1" in chart and "2026-02: CONSULT ×1" in chart
    assert 'href="/?type=CONSULT&amp;from=2026-02-01&amp;to=2026-02-28"' in chart
    assert "Doha: 1 event(s)" in html


def test_timeline_and_actor_pages_have_their_pictures(client, corpus):
    timeline = page(client, "/")
    assert '<svg class="chart"' in timeline and '<svg class="map"' in timeline
    assert "not drawn: undated" in timeline
    actor = page(client, "/actors/Q6100994")
    assert '<svg class="map"' in actor and 'href="/actors/gn:290030"' in actor


def test_hostile_outlet_and_passages_stay_inert_in_the_framing_panel(client, corpus):
    html = page(client, f"/events/{corpus.hostile}")
    panel = html[html.index('<section class="framing"'):]
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in panel and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert_inert(html)


def test_hostile_terms_in_a_framing_file_stay_inert():
    lexicon = parse_framing({"facets": {"x": {"label": PAYLOADS[1], "about": "act", "groups": {
        "g": {"label": PAYLOADS[0], "terms": {"en": ["<script>alert(1)</script>"], "ar": [PAYLOADS[2]]}}}}}})
    source = article(f"Said {PAYLOADS[0]} twice: {PAYLOADS[0]}.", outlet=PAYLOADS[1])
    framing = framing_of([source], compile_framing(lexicon))
    assert framing.outlets[0].terms[0].count == 2
    macros = pages.ENV.get_template("_panels.html").make_module({"name": str})
    html = str(macros.framing_panel(framing, framing_table(framing, lexicon), framing_table(framing, lexicon, "language"),
                                    "event"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x" in html
    assert_inert(html)


def test_api_event_has_framing_and_disputes_with_outlets(client, corpus):
    event, _ = data(client, f"/api/v1/events/{corpus.meeting}")
    framing = event["framing"]
    wire = next(o for o in framing["outlets"] if o["outlet"] == "Gulf Wire")
    assert wire["languages"] == ["en"] and wire["articles"] == [corpus.en]
    assert {t["group"] for t in wire["terms"]} >= {"armed_group_as_terrorist", "captive_as_hostage"}
    assert framing["groups"]["armed_group_as_resistance"]["terms"]["ar"]
    assert "armed_group" in framing["divided"]
    date_dispute = next(d for d in event["disputes"] if d["field"] == "date")
    said = {v["value"]: [c["outlet"] for c in v["said_by"]] for v in date_dispute["values"]}
    assert said == {"2026-02-09": ["Gulf Wire", "doha_ar.txt"], "2026-02-10": ["doha_fr.txt"]}


def test_api_lists_disputed_events_and_story_framing(client, corpus):
    response = client.get("/api/v1/discrepancies")
    body = response.json()
    assert [e["id"] for e in body["data"]] == [corpus.meeting] and body["meta"]["total"] == 1
    story, _ = data(client, f"/api/v1/stories/{corpus.story}")
    assert {o["outlet"] for o in story["framing"]["outlets"]} == {"Gulf Wire", "doha_ar.txt", "doha_fr.txt"}
    assert date.fromisoformat(story["timeline"][0]["date"]["start"])


def test_a_figure_dispute_quotes_each_outlet_figure():
    from newstrace.model import Discrepancy, Event, EventMention, FieldVote, Figure, Span
    from newstrace.web.queries import Source, disputes
    from tests.factories import day

    one = article("Strikes killed 12 people, medics said.", name="one.txt", outlet="Post One")
    two = article("At least 15 people were killed in the strikes.", name="two.txt", language="en")
    mentions = []
    for art, value, text in ((one, 12, "killed 12"), (two, 15, "15 people were killed")):
        start = art.text.index(text)
        mentions.append(EventMention(id=f"m{value}", article_id=art.id, type="ASSAULT", mode=None, participants=(),
                                     date=day("2026-02-08"), evidence=(Span(0, len(art.text)),), sentence=art.text,
                                     language="en", figures=(Figure("killed", value, Span(start, start + len(text)), text),)))
    event = Event(id="e1", type="ASSAULT", mode=None, date=day("2026-02-08"), participants=(),
                  mention_ids=("m12", "m15"), article_ids=(one.id, two.id),
                  discrepancies=(Discrepancy("figures.killed", (FieldVote("15", (two.id,)), FieldVote("12", (one.id,)))),))
    found = disputes(event, [Source(one, (mentions[0],), None), Source(two, (mentions[1],), None)])
    claims = {v.value: [(c.outlet, c.evidence) for c in v.claims] for v in found[0].values}
    assert found[0].field == "figures.killed"
    assert claims == {"15": [("two.txt", "15 people were killed")], "12": [("Post One", "killed 12")]}
