"""A page dated only by its month: its undated news is of that month, any day of it."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.stages.events.dates import PUBLICATION_MONTH
from newstrace.stages.resolution.merge import dates_compatible
from tests.factories import day, mention
from tests.stages.events.analysed import main_event


@pytest.mark.parametrize("text", [
    " date 2025-05\nMerz in Paris\n\nBundeskanzler Friedrich Merz ist zu seinem Antrittsbesuch nach Paris gereist "
    "und hat dort Präsident Emmanuel Macron getroffen.",
    " date 2025-05\nMerz à Paris\n\nLe chancelier Friedrich Merz a rencontré le président Emmanuel Macron à Paris "
    "pour sa première visite à l'étranger.",
])
def test_undated_news_of_a_month_dated_page_is_of_that_month(text: str) -> None:
    event = main_event(text)
    assert event is not None and event.date.precision == "month" and event.date.rule == PUBLICATION_MONTH
    assert (event.date.start, event.date.end) == (date(2025, 5, 1), date(2025, 5, 31))
    # Any day of the month can be it; a day of another month cannot.
    told = mention("m2", "a2", ["Q90795", "Q3052772"], day("2025-05-07"))
    other = mention("m3", "a3", ["Q90795", "Q3052772"], day("2025-02-26"))
    assert dates_compatible(event, told) and not dates_compatible(event, other)
