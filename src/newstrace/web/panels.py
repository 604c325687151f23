"""What the framing panel, the chart and the map of a page need, prepared from query results."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup

from newstrace.knowledge.framing import FramingFacet, FramingGroup, FramingLexicon
from newstrace.model import Entity, Event, Framing, SourceFraming, TermCount
from newstrace.web.charts import Bin, Chart, chart_svg, event_chart
from newstrace.web.maps import map_places, places_svg


@dataclass(frozen=True)
class GroupRow:
    """One group of the panel: its terms in every language, and per column the terms a source used."""

    group: FramingGroup
    differs: bool
    cells: tuple[tuple[TermCount, ...], ...]

    def equivalents(self) -> tuple[tuple[str, str], ...]:
        return tuple((lang, " · ".join(t.replace("*", "…") for t in terms))
                     for lang, terms in sorted(self.group.terms.items()))


@dataclass(frozen=True)
class FacetRows:
    facet: FramingFacet
    divided: bool
    rows: tuple[GroupRow, ...]


@dataclass(frozen=True)
class FramingTable:
    """Columns (outlets or languages) and, per facet, the groups any column used."""

    columns: tuple[SourceFraming, ...]
    facets: tuple[FacetRows, ...]


def framing_table(framing: Framing, lexicon: FramingLexicon, by: str = "outlet") -> FramingTable:
    """The panel's table with one column per outlet (`by="outlet"`) or per language."""
    columns = framing.outlets if by == "outlet" else framing.languages
    used = {t.group for c in columns for t in c.terms}
    facets = []
    for facet in lexicon.facets:
        rows = tuple(GroupRow(lexicon.groups[g], g in framing.differs,
                              tuple(tuple(t for t in c.terms if t.group == g) for c in columns))
                     for g in facet.groups if g in used)
        if rows:
            facets.append(FacetRows(facet, facet.id in framing.divided, rows))
    return FramingTable(columns, tuple(facets))


def _timeline_href(type_: str, period: Bin) -> str:
    return "/?" + urlencode({"type": type_, "from": period.start.isoformat(), "to": period.end.isoformat()})


def chart_of(events: Iterable[Event], label: str) -> tuple[Markup | None, Chart]:
    """The chart's drawing (None when nothing is dated) and the chart, for its key and what it leaves out."""
    chart = event_chart(events)
    return chart_svg(chart, _timeline_href, label), chart


def map_of(events: Iterable[Event], lookup: Callable[[str], Entity | None], label: str) -> Markup | None:
    """The map of the events' places (None when none can be placed)."""
    return places_svg(map_places(events, lookup), lambda i: "/actors/" + quote(i, safe=":"), label)
