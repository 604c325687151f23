"""Figures given for events, in several languages and scripts, and disagreements between sources."""

from __future__ import annotations

import pytest

from newstrace.knowledge.lexicon import load_lexicons
from newstrace.stages.resolution.canonical import build_event
from newstrace.stages.events.figures import compile_figures, find_figures
from newstrace.model import Figure, Span
from dataclasses import replace
from tests.factories import day, mention

WORDS = compile_figures(load_lexicons())


@pytest.mark.parametrize("language, text, expected", [
    ("en", "The strikes killed three people and wounded 14 others near the border.", {"killed": 3, "wounded": 14}),
    ("fr", "On recense désormais plus de 64 300 morts et 158 000 blessés.", {"killed": 64300, "wounded": 158000}),
    ("ar", "أسفرت الغارات عن مقتل ٣ أشخاص وإصابة 12 آخرين.", {"killed": 3, "wounded": 12}),
    ("fa", "در این حمله ۵ نفر کشته و ۱۲ نفر زخمی شدند.", {"killed": 5, "wounded": 12}),
    ("ru", "В результате удара погибли 12 человек, ещё 30 ранены.", {"killed": 12, "wounded": 30}),
    ("tr", "Saldırıda 4 kişi hayatını kaybetti, 9 kişi yaralandı.", {"killed": 4, "wounded": 9}),
    ("es", "El ataque dejó 7 muertos y 20 heridos, según la ONU.", {"killed": 7, "wounded": 20}),
    ("de", "Bei dem Angriff wurden zwei Menschen getötet und 15 verletzt.", {"killed": 2, "wounded": 15}),
    ("en", "The ministers met for 3 hours on 12 May in 2026.", {}),
])
def test_figures_in_many_languages(language, text, expected):
    found = {f.kind: f.value for f in find_figures(text, 0, WORDS[language])}
    assert found == expected


def test_sources_disagreeing_on_a_toll_are_a_discrepancy():
    a = replace(mention("m1", "a1", ["israel"], day("2026-02-08"), type="ASSAULT", mode="airstrike"),
                figures=(Figure("killed", 3, Span(0, 1), "3 killed"),))
    b = replace(mention("m2", "a2", ["israel"], day("2026-02-08"), type="ASSAULT", mode="airstrike"),
                figures=(Figure("killed", 4, Span(0, 1), "4 morts"),))
    c = replace(mention("m3", "a3", ["israel"], day("2026-02-08"), type="ASSAULT", mode="airstrike"),
                figures=(Figure("killed", 3, Span(0, 1), "ثلاثة"),))
    event = build_event([a, b, c])
    conflict = {d.field: d for d in event.discrepancies}["figures.killed"]
    assert [(v.value, v.article_ids) for v in conflict.values] == [("3", ("a1", "a3")), ("4", ("a2",))]
    assert dict(event.provenance)["figures.killed"].value == "3"
