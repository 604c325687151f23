"""Highlighting and escaping of article text; the co-actor drawing."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from newstrace.model import Event, Participant
from newstrace.network import actor_network
from newstrace.web.markup import Mark, direction, highlight, safe_url, snippet, strip_controls
from newstrace.web.svg import network_svg
from tests.factories import day

TAG = re.compile(r"<[^>]*>")
CONTROL = re.compile(r'<span class="ctl" title="direction control removed">U\+[0-9A-F]{4}</span>')


def visible_text(markup: str) -> str:
    return html.unescape(TAG.sub("", CONTROL.sub("", markup)))


def test_overlapping_marks_are_cut_and_each_segment_escaped():
    text = "A <b>Kalin</b> met & left"
    out = str(highlight(text, [Mark(2, 14, "evidence", "CONSULT"), Mark(5, 10, "ent", "person", "/actors/Q1")]))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<a class="ent evidence" title="CONSULT · person" href="/actors/Q1">Kalin</a>' in out
    assert visible_text(out) == text


def test_marks_outside_the_text_are_clipped_or_dropped():
    assert visible_text(str(highlight("short", [Mark(3, 99, "x"), Mark(50, 60, "y"), Mark(4, 2, "z")]))) == "short"


@given(st.text(alphabet=st.sampled_from(list("ab <>&\"'\u202eال")), max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6))
def test_highlight_keeps_the_text_and_never_lets_markup_through(text, spans):
    out = str(highlight(text, [Mark(a, b, "m", "t<x>") for a, b in spans]))
    assert visible_text(out) == strip_controls(text)
    assert "\u202e" not in out
    assert "<x>" not in out
    assert not re.search(r"<(?!/?(span|a)\b)", out)


def test_direction_strip_snippet_and_urls():
    assert direction("التقى قالن") == "rtl" and direction("שלום") == "rtl" and direction("Kalin") == "auto"
    assert strip_controls("a\u202eb\u2066c") == "abc"
    assert str(snippet("x [<b>Doha</b>] y")) == "x <mark>&lt;b&gt;Doha&lt;/b&gt;</mark> y"
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "\u202ehttps://x", "/relative"):
        assert safe_url(bad) is None or not safe_url(bad).lower().startswith(("javascript", "data"))
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None


def test_network_svg_escapes_names_and_links_every_co_actor():
    events = [Event(f"e{i}", "CONSULT", "meeting", day("2026-02-09"),
                    (Participant("Q1", "source"), Participant(other, "target")), (f"m{i}",), (f"a{i}",))
              for i, other in enumerate(["Q2", "Q3", "Q3"])]
    names = {"Q1": "Focus", "Q2": "<script>alert(1)</script>", "Q3": "Third"}
    svg = str(network_svg(actor_network(events), "Q1", names.get, lambda i: "person", lambda i: f"/actors/{i}"))
    assert svg.startswith('<svg class="network"') and "<script" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<line ") == 2 and all(f'href="/actors/{i}"' in svg for i in names)
    assert "CONSULT ×2" in svg
