"""A map of event places as inline SVG, drawn on the server over Natural Earth country outlines (web/data)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
from markupsafe import Markup, escape

from newstrace.model import Entity, Event

WIDTH, HEIGHT = 760, 380
PAD = 6.0
MIN_SPAN = 36.0
LABELLED = 12


@dataclass(frozen=True)
class Country:
    iso_a3: str
    name: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]
    box: tuple[float, float, float, float]
    # The largest polygon's box: where the country is framed and named (Alaska and the
    # Aleutians stretch the whole box of the United States across the map).
    main: tuple[float, float, float, float]


@dataclass(frozen=True)
class MapPlace:
    """A place drawn on the map: a point (a city, a region) or a whole country, and its events."""

    entity_id: str
    name: str
    events: int
    lon: float | None = None
    lat: float | None = None
    iso_a3: str | None = None


@cache  # the package's own file: read once, never changes
def countries() -> tuple[Country, ...]:
    """Country outlines from web/data/world-110m.geojson."""
    path = resources.files("newstrace.web") / "data" / "world-110m.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for feature in data["features"]:
        polygons = tuple(tuple(tuple((x, y) for x, y in ring) for ring in polygon)
                         for polygon in feature["geometry"]["coordinates"])
        boxes = [_box(polygon[0]) for polygon in polygons]
        whole = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        main = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        found.append(Country(feature["properties"]["iso_a3"], feature["properties"]["name"], polygons, whole, main))
    return tuple(found)


def _box(ring: tuple[tuple[float, float], ...]) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _alpha3(code: str | None) -> str | None:
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.alpha_3 if country else None


def map_places(events: Iterable[Event], lookup: Callable[[str], Entity | None]) -> list[MapPlace]:
    """The places of events, with how many events each: a point where coordinates are known, else its country."""
    counts = Counter(e.place_id for e in events if e.place_id)
    places = []
    for place_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        entity = lookup(place_id)
        if entity is None:
            continue
        if entity.latitude is not None and entity.longitude is not None and entity.kind != "country":
            places.append(MapPlace(place_id, entity.canonical_name, n, entity.longitude, entity.latitude))
        elif alpha3 := _alpha3(entity.country):
            places.append(MapPlace(place_id, entity.canonical_name, n, iso_a3=alpha3))
    return places


def _extent(places: Sequence[MapPlace], shapes: dict[str, Country]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for p in places:
        if p.lon is not None and p.lat is not None:
            xs.append(p.lon)
            ys.append(p.lat)
        elif p.iso_a3 in shapes:
            x0, y0, x1, y1 = shapes[p.iso_a3].main
            xs += [x0, x1]
            ys += [y0, y1]
    x0, x1, y0, y1 = min(xs) - PAD, max(xs) + PAD, min(ys) - PAD, max(ys) + PAD
    # Widen to the picture's shape (after the latitude's squeeze) and to a legible minimum.
    squeeze = math.cos(math.radians(max(min((y0 + y1) / 2, 70), -70)))
    span_x = max(x1 - x0, MIN_SPAN, (y1 - y0) * (WIDTH / HEIGHT) / squeeze)
    span_y = span_x * squeeze * HEIGHT / WIDTH
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2


def _label(name: str, x: float, y: float, r: float, taken: list[tuple[float, float, float, float]]) -> Markup:
    """A point's name to its right, or to its left near the edge or a neighbour's name; none when both collide."""
    width = 7.0 * len(name) + 4
    for left, anchor in ((x + r + 3, "start"), (x - r - 3 - width, "end")):
        box = (left, y - 9, left + width, y + 5)
        inside = box[0] >= 0 and box[2] <= WIDTH
        if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            at = left if anchor == "start" else left + width
            return Markup('<text x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>').format(at, y + 4, anchor, name)
    return Markup("")


def places_svg(places: Sequence[MapPlace], href_of: Callable[[str], str], label: str) -> Markup | None:
    """The map: countries with events shaded, points sized by their events; None when nothing can be placed."""
    shapes = {c.iso_a3: c for c in countries()}
    drawable = [p for p in places if p.lon is not None or p.iso_a3 in shapes]
    if not drawable:
        return None
    x0, y0, x1, y1 = _extent(drawable, shapes)
    sx, sy = WIDTH / (x1 - x0), HEIGHT / (y1 - y0)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - x0) * sx, (y1 - lat) * sy

    hit = {p.iso_a3: p for p in drawable if p.iso_a3}
    land = []
    for country in shapes.values():
        bx0, by0, bx1, by1 = country.box
        if bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
            continue
        path = " ".join("M" + " L".join("{:.1f} {:.1f}".format(*xy(x, y)) for x, y in ring) + "Z"
                        for polygon in country.polygons for ring in polygon)
        shaded = hit.get(country.iso_a3)
        title = f"{shaded.name}: {shaded.events} event(s)" if shaded else country.name
        land.append(Markup('<path class="{}" d="{}"><title>{}</title></path>').format(
            "land hit" if shaded else "land", path, title))
    dots = []
    taken: list[tuple[float, float, float, float]] = []
    points = [p for p in drawable if p.lon is not None and p.lat is not None]
    for rank, p in enumerate(points):
        x, y = xy(p.lon, p.lat)  # type: ignore[arg-type]
        r = 4 + 3 * math.sqrt(p.events)
        text = _label(p.name, x, y, r, taken) if rank < LABELLED else Markup("")
        dots.append(Markup('<a href="{}"><g class="spot"><circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}">'
                           '<title>{}: {} event(s)</title></circle>{}</g></a>').format(
            href_of(p.entity_id), x, y, r, p.name, p.events, text))
    for p in drawable:
        if p.lon is None and p.iso_a3 in shapes:
            bx0, by0, bx1, by1 = shapes[p.iso_a3].main
            x, y = xy((bx0 + bx1) / 2, (by0 + by1) / 2)
            dots.append(Markup('<a href="{}"><text class="country-name" x="{:.1f}" y="{:.1f}">{}</text></a>').format(
                href_of(p.entity_id), x, y, p.name))
    return Markup('<svg class="map" viewBox="0 0 {} {}" role="img" aria-label="{}"><rect class="sea" width="{}" '
                  'height="{}"/>{}{}</svg>').format(WIDTH, HEIGHT, escape(label), WIDTH, HEIGHT,
                                                    Markup("").join(land), Markup("").join(dots))
