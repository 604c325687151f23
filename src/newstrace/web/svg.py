"""The co-actor network of one actor as an inline SVG drawing, laid out on the server."""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup, escape

from newstrace.network import Network

WIDTH, HEIGHT = 760, 520
MAX_NEIGHBOURS = 24
KIND_CLASS = {"person": "n-person", "org": "n-org", "country": "n-country", "place": "n-place"}


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def network_svg(
    network: Network, focus: str, name_of: Callable[[str], str], kind_of: Callable[[str], str | None],
    href_of: Callable[[str], str],
) -> Markup:
    """The focus actor in the middle, its co-actors on a ring; line width grows with shared events.

    Ties between two co-actors are drawn too (lighter), so clusters show. Only
    the `MAX_NEIGHBOURS` most frequent co-actors are drawn.
    """
    weight: dict[str, int] = {}
    for tie in network.ties:
        if focus in (tie.first, tie.second):
            other = tie.second if tie.first == focus else tie.first
            weight[other] = weight.get(other, 0) + tie.events
    neighbours = sorted(weight, key=lambda a: (-weight[a], name_of(a)))[:MAX_NEIGHBOURS]
    cx, cy = WIDTH / 2, HEIGHT / 2
    radius = min(WIDTH, HEIGHT) / 2 - 70
    places = {focus: (cx, cy)}
    for i, actor in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(neighbours), 1)
        places[actor] = (cx + radius * math.cos(angle) * 1.25, cy + radius * math.sin(angle))
    strongest = max(weight.values(), default=1)
    lines: list[Markup] = []
    for tie in network.ties:
        if tie.first not in places or tie.second not in places:
            continue
        (x1, y1), (x2, y2) = places[tie.first], places[tie.second]
        width = 1.5 + 4.5 * tie.events / strongest
        css = "tie" if focus in (tie.first, tie.second) else "tie tie-other"
        types = ", ".join(f"{t} ×{n}" for t, n in tie.types)
        label = f"{name_of(tie.first)} – {name_of(tie.second)}: {tie.events} event(s) ({types})"
        lines.append(Markup(
            '<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke-width="{:.1f}">'
            "<title>{}</title></line>"
        ).format(css, x1, y1, x2, y2, width, label))
    nodes: list[Markup] = []
    for actor, (x, y) in places.items():
        css = KIND_CLASS.get(kind_of(actor) or "", "n-other") + (" focus" if actor == focus else "")
        r = 16 if actor == focus else 9 + min(weight.get(actor, 1), 6)
        anchor = "middle"
        dy = r + 15
        nodes.append(Markup(
            '<a href="{}"><g class="node {}"><circle cx="{:.1f}" cy="{:.1f}" r="{}"><title>{}</title></circle>'
            '<text x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text></g></a>'
        ).format(href_of(actor), css, x, y, r, name_of(actor), x, y + dy, anchor, _short(name_of(actor))))
    summary = escape(f"Co-actor network of {name_of(focus)}: {len(neighbours)} co-actors")
    return Markup(
        '<svg class="network" viewBox="0 0 {} {}" role="img" aria-label="{}">'
        "{}{}</svg>"
    ).format(WIDTH, HEIGHT, summary, Markup("").join(lines), Markup("").join(nodes))
