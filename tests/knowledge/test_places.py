"""Cities: curated names (places.yaml), aliases that are never a city, Cyrillic case endings."""

from __future__ import annotations

from newstrace.knowledge.base import KnowledgeBase
from newstrace.knowledge.matcher import NameMatcher, NameRef
from newstrace.knowledge.places import _city_names, load_city_names
from newstrace.text.normalize import match_key


def test_curated_city_names_load_by_geonames_id(tmp_path):
    (tmp_path / "places.yaml").write_text(
        "349340:\n  name: Sharm el-Sheikh\n  names:\n    fr: [Charm el-Cheikh]\n"
        "oops:\n  names: {fr: [X]}\n"
        "71137:\n  names: {fa: صنعا}\n", encoding="utf-8")
    names, problems = load_city_names(tmp_path)
    assert names == {349340: {"fr": ("Charm el-Cheikh",)}}
    assert {str(p).split(":")[0] for p in problems} == {"places.yaml"}
    assert len(problems) == 2


def test_no_curated_file_is_no_problem(tmp_path):
    assert load_city_names(tmp_path) == ({}, ())


def test_a_name_particle_is_never_a_city_alias():
    city = {"name": "Bern", "population": 120_000, "alternatenames": ["Ben", "Berne", "Bèn", "El"]}
    assert _city_names(city) == ("Bern", "Berne")
    # The city's own name stays, particle or not (Van, Türkiye).
    assert _city_names({"name": "Van", "population": 500_000, "alternatenames": ["Van"]}) == ("Van",)


def test_cyrillic_names_take_case_endings_only():
    ref = NameRef("gn:1", "Самоа", "name", 3, True, False, 0, "cyrillic")
    matcher = NameMatcher({match_key("Самоа"): (ref,)})
    assert not matcher.find("Самолет приземлился.")
    text = "Острова Самоа и жители Самоой."
    assert {text[m.start:m.end] for m in matcher.find(text)} == {"Самоа", "Самоой"}


def test_calendar_words_of_a_language():
    from newstrace.knowledge.lexicon import load_lexicons

    base = KnowledgeBase([])
    base.lexicons = load_lexicons()
    assert match_key("دوشنبه") in base.calendar_words("fa")
    assert base.calendar_words("xx") == frozenset()
