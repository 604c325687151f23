"""The map of event places: Natural Earth outlines from the package, points and countries, names inert."""

from __future__ import annotations

from newstrace.model import DateValue, Entity, Event
from newstrace.web.maps import countries, map_places, places_svg
from tests.web.corpus import PAYLOADS

PLACES = {
    "gn:1": Entity("gn:1", "place", "Doha", country="QA", latitude=25.29, longitude=51.53),
    "gn:2": Entity("gn:2", "place", PAYLOADS[0], country="LB", latitude=33.38, longitude=35.48),
    "iso:IL": Entity("iso:IL", "country", "Israel", country="IL"),
    "gn:3": Entity("gn:3", "place", "Somewhere", country=None),
}


def event(eid: str, place: str | None) -> Event:
    return Event(id=eid, type="ASSAULT", mode=None, date=DateValue(), participants=(), mention_ids=(eid,),
                 article_ids=(eid,), place_id=place)


def test_the_world_data_ships_in_the_package():
    found = {c.iso_a3: c for c in countries()}
    assert len(found) > 170 and {"ISR", "LBN", "QAT", "TUR", "BRA", "CHN"} <= set(found)
    x0, y0, x1, y1 = found["QAT"].box
    assert 50 < x0 < x1 < 52 and 24 < y0 < y1 < 27


def test_points_where_coordinates_are_known_and_countries_otherwise():
    events = [event("a", "gn:1"), event("b", "gn:1"), event("c", "iso:IL"), event("d", "gn:3"), event("e", None),
              event("f", "gn:9")]
    places = map_places(events, PLACES.get)
    assert [(p.entity_id, p.events, p.iso_a3) for p in places] == [("gn:1", 2, None), ("iso:IL", 1, "ISR")]
    svg = str(places_svg(places, lambda i: "/actors/" + i, "Map"))
    assert svg.count("<circle") == 1 and "Doha: 2 event(s)" in svg
    assert svg.count('class="land hit"') == 1 and "Israel: 1 event(s)" in svg
    assert 'href="/actors/iso:IL"' in svg


def test_place_names_stay_inert_and_nothing_is_loaded_from_elsewhere():
    svg = str(places_svg(map_places([event("a", "gn:2")], PLACES.get), lambda i: "/actors/" + i, PAYLOADS[1]))
    assert "<script" not in svg and "&lt;script&gt;" in svg and "<img" not in svg
    assert "http" not in svg and "xlink" not in svg


def test_no_map_when_no_place_can_be_placed():
    assert places_svg(map_places([event("a", "gn:3")], PLACES.get), str, "Map") is None
