"""The chart of events over time: bins by day, month or year, stacked by type, every block a link."""

from __future__ import annotations

from datetime import date

from newstrace.model import DateValue, Event
from newstrace.web.charts import chart_svg, event_chart
from tests.factories import day


def event(eid: str, type_: str, when: DateValue) -> Event:
    return Event(id=eid, type=type_, mode=None, date=when, participants=(), mention_ids=(eid,), article_ids=(eid,))


def test_days_in_a_short_span_with_empty_days_between():
    chart = event_chart([event("a", "ASSAULT", day("2026-02-01")), event("b", "CONSULT", day("2026-02-04")),
                         event("c", "ASSAULT", day("2026-02-04")), event("d", "AGREE", DateValue.unknown())])
    assert chart.granularity == "day"
    assert [b.label for b in chart.bins] == ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04"]
    assert chart.bins[3].counts == (("ASSAULT", 1), ("CONSULT", 1)) and chart.bins[1].total == 0
    assert chart.left_out == 1 and chart.types == ("ASSAULT", "CONSULT")


def test_months_over_a_longer_span_and_coarse_dates_left_out():
    chart = event_chart([event("a", "ASSAULT", day("2025-01-15")), event("b", "ASSAULT", day("2025-06-02")),
                         event("c", "AGREE", DateValue.of_year(2025, "text"))])
    assert chart.granularity == "month" and len(chart.bins) == 6
    assert chart.bins[0].start == date(2025, 1, 1) and chart.bins[-1].end == date(2025, 6, 30)
    assert chart.left_out == 1


def test_bins_coarsen_when_most_events_are_known_only_to_the_month():
    chart = event_chart([event("a", "AGREE", DateValue.of_month(2026, 1, "text")),
                         event("b", "AGREE", DateValue.of_month(2026, 2, "text")), event("c", "CONSULT", day("2026-02-09"))])
    assert chart.granularity == "month" and chart.left_out == 0
    assert [b.total for b in chart.bins] == [1, 2]


def test_the_drawing_links_each_block_to_its_events_and_draws_nothing_without_dates():
    chart = event_chart([event("a", "ASSAULT", day("2026-02-01")), event("b", "ASSAULT", day("2026-02-01"))])
    svg = str(chart_svg(chart, lambda t, b: f"/?type={t}&from={b.start}", "Events"))
    assert svg.count("<rect") == 1 and "2026-02-01: ASSAULT ×2" in svg
    assert 'href="/?type=ASSAULT&amp;from=2026-02-01"' in svg and 'class="bar b-assault"' in svg
    assert chart_svg(event_chart([event("c", "AGREE", DateValue.unknown())]), lambda t, b: "", "x") is None
