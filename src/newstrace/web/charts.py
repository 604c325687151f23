"""A chart of events over time by type, as inline SVG drawn on the server (stacked bars, one per period)."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from newstrace.model import Event

WIDTH, HEIGHT = 600, 300
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 14, 30
MAX_DAYS = 62
MAX_MONTHS = 48
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Bin:
    """One period of the chart and its events by type."""

    label: str
    start: date
    end: date
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class Chart:
    granularity: str
    bins: tuple[Bin, ...]
    types: tuple[str, ...]
    left_out: int


def _period(day: date, granularity: str) -> tuple[date, date, str]:
    if granularity == "day":
        return day, day, day.isoformat()
    if granularity == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), day.strftime("%Y-%m")
    return date(day.year, 1, 1), date(day.year, 12, 31), str(day.year)


def _next(start: date, granularity: str) -> date:
    if granularity == "day":
        return start + timedelta(days=1)
    if granularity == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return date(start.year + 1, 1, 1)


def event_chart(events: Iterable[Event]) -> Chart:
    """Events binned by day, month or year (the finest that keeps the chart legible).

    Bins get coarser while most events are dated less precisely than they are. An
    event dated more coarsely than the bins (a month, in a chart of days) is not
    drawn and is counted in `left_out`, with the undated ones.
    """
    events = list(events)
    dated = [e for e in events if e.date.known and e.date.start and e.date.precision in GRANULARITY_RANK]
    if not dated:
        return Chart("day", (), (), len(events))
    first, last = min(e.date.start for e in dated), max(e.date.start for e in dated)  # type: ignore[type-var]
    months = (last.year - first.year) * 12 + last.month - first.month
    granularity = "day" if (last - first).days < MAX_DAYS else "month" if months < MAX_MONTHS else "year"
    # Coarser bins while fewer events are dated finely enough for these bins than not (most known to the month only).
    for granularity in [g for g in GRANULARITY_RANK if GRANULARITY_RANK[g] >= GRANULARITY_RANK[granularity]]:
        shown = [e for e in dated if GRANULARITY_RANK[e.date.precision] <= GRANULARITY_RANK[granularity]]
        if len(shown) > len(dated) - len(shown):
            break
    counts: dict[date, Counter[str]] = {}
    for e in shown:
        start, _, _ = _period(e.date.start, granularity)  # type: ignore[arg-type]
        counts.setdefault(start, Counter())[e.type] += 1
    bins = []
    cursor = _period(min(counts), granularity)[0]
    while cursor <= max(counts):
        start, end, label = _period(cursor, granularity)
        bins.append(Bin(label, start, end, tuple(sorted(counts.get(start, Counter()).items()))))
        cursor = _next(cursor, granularity)
    types = tuple(sorted({e.type for e in shown}))
    return Chart(granularity, tuple(bins), types, len(events) - len(shown))


def chart_svg(chart: Chart, href_of: Callable[[str, Bin], str], label: str) -> Markup | None:
    """Stacked bars, one colour per type; each block links to its events. None when nothing is dated."""
    if not chart.bins:
        return None
    top = max(b.total for b in chart.bins)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(chart.bins)
    bar = max(min(slot * 0.72, 48), 1.5)
    every = max(1, round(len(chart.bins) / 6))
    parts = [Markup('<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>').format(
        LEFT, TOP + plot_h, WIDTH - RIGHT, TOP + plot_h)]
    for tick in sorted({0, top, top // 2} if top > 1 else {0, top}):
        y = TOP + plot_h - plot_h * tick / top
        parts.append(Markup('<line class="grid" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>'
                            '<text class="tick" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
            LEFT, y, WIDTH - RIGHT, y, LEFT - 5, y + 4, tick))
    for i, b in enumerate(chart.bins):
        x = LEFT + slot * i + (slot - bar) / 2
        y = TOP + plot_h
        for type_, n in b.counts:
            h = plot_h * n / top
            y -= h
            parts.append(Markup('<a href="{}"><rect class="bar b-{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" '
                                'height="{:.1f}"><title>{}: {} ×{}</title></rect></a>').format(
                href_of(type_, b), type_.lower(), x, y, bar, h, b.label, type_, n))
        if i % every == 0:
            parts.append(Markup('<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                LEFT + slot * i + slot / 2, TOP + plot_h + 16, b.label))
    return Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>').format(
        WIDTH, HEIGHT, escape(label), Markup("").join(parts))
