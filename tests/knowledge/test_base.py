"""The knowledge base: loading (and its problems), lookup, search across scripts, role holders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newstrace.knowledge.actors import load_actor_file, parse_date
from newstrace.knowledge.base import KnowledgeBase, partial_forms
from newstrace.knowledge.lexicon import load_lexicons

GOOD = """\
- id: Q900010
  kind: person
  name: Aria Testperson
  country: TR
  names:
    en: [Aria Testperson]
    ar: [آريا تستبرسون]
  roles:
    - {title: intelligence_chief, org: Q900011, country: TR, start: 2020-01, end: 2022-06}
- id: Q900012
  kind: person
  name: Bora Testperson
  names:
    en: [Bora Testperson, Aria Testperson]
  roles:
    - {title: intelligence_chief, org: Q900011, country: TR, start: 2022-07-01, end: null}
- id: Q900011
  kind: org
  name: Testland Intelligence
  acronyms: [TLI]
"""
BROKEN = """\
- id: Q900020
  kind: person
  name: "Broken entry
- id: Q900010
  kind: person
  name: Duplicate Of Aria
- id: Q900021
  kind: spaceship
  name: Wrong Kind
- id: Q900022
  kind: person
  name: Still Loads
"""


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons()


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory, lexicons) -> KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("kb")
    (folder / "actors_a.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "actors_b.yaml").write_text(BROKEN, encoding="utf-8")
    return KnowledgeBase.load(lexicons, data_dir=folder, cities=False)


def test_problems_name_file_and_line_and_the_rest_loads(small_kb):
    problems = "\n".join(small_kb.problems)
    assert "actors_b.yaml:1" in problems and "invalid YAML" in problems
    assert "actors_b.yaml:4" in problems and "duplicate id Q900010" in problems
    assert "actors_b.yaml:7" in problems and "spaceship" in problems
    assert "'Aria Testperson'" in problems and "collides" in problems
    assert small_kb.get("Q900022") is not None
    assert small_kb.get("Q900010").canonical_name == "Aria Testperson"
    assert {ref.entity_id for ref in small_kb.lookup("Aria Testperson")} == {"Q900010"}


def test_curated_additions_win(tmp_path, lexicons):
    (tmp_path / "actors.yaml").write_text(GOOD, encoding="utf-8")
    from newstrace.model import Entity

    added = Entity("Q900010", "person", "Aria Renamed", names={"en": ("Aria Renamed",)})
    kb = KnowledgeBase.load(lexicons, curated=[added], data_dir=tmp_path, cities=False)
    assert kb.get("Q900010").canonical_name == "Aria Renamed"


def test_holders_by_date(small_kb):
    assert [e.id for e in small_kb.holders("intelligence_chief", country="TR", on=date(2021, 3, 1))] == ["Q900010"]
    assert [e.id for e in small_kb.holders("intelligence_chief", org_id="Q900011", on=date(2025, 1, 1))] == ["Q900012"]
    assert len(small_kb.holders("intelligence_chief", country="TR")) == 2
    assert small_kb.holders("intelligence_chief", country="FR", on=date(2021, 3, 1)) == ()


def test_dates_of_roles():
    assert parse_date("2014-12") == date(2014, 12, 1)
    assert parse_date("2014-12", end=True) == date(2014, 12, 31)
    assert parse_date(2024, end=True) == date(2024, 12, 31)
    with pytest.raises(ValueError):
        parse_date("next year")


def test_unreadable_file_is_a_problem(tmp_path):
    path = tmp_path / "actors_x.yaml"
    path.write_bytes(b"\xff\xfe\x00broken")
    loaded = load_actor_file(path)
    assert loaded.entities == () and "cannot read" in str(loaded.problems[0])


def test_partial_forms():
    assert partial_forms("Hakan Fidan") == ("Fidan",)
    assert partial_forms("Tamim bin Hamad Al Thani") == ("Al Thani", "Thani")
    assert partial_forms("Erdogan") == ()


@pytest.fixture(scope="module")
def kb(lexicons) -> KnowledgeBase:
    return KnowledgeBase.load(lexicons)


def test_full_kb_loads_cleanly(kb):
    assert len([e for e in kb.entities() if e.kind in ("person", "org")]) >= 150
    assert kb.get("iso:TR").kind == "country"
    assert kb.get("gn:745044").canonical_name == "Istanbul"
    assert not [p for p in kb.problems if "invalid YAML" in p]


@pytest.mark.parametrize("spelling", [
    "İbrahim Kalın", "Ibrahim Kalin", "إبراهيم قالن", "إبراهيم كالين", "ابراهیم کالین", "Ибрагим Калын",
    "Ibrahim Kalım", "Ibraheem Kaleen",
])
def test_search_across_scripts(kb, spelling):
    hits = kb.search(spelling, limit=5)
    assert hits and hits[0].entity_id == "Q6100994", hits
    assert hits[0].kind == "person" and 0 < hits[0].score <= 1


def test_search_places_and_countries(kb):
    assert kb.search("Stamboul")[0].entity_id == "gn:745044"
    assert kb.search("Turquie")[0].entity_id == "iso:TR"
    assert kb.search("zzzzqqqq") == ()


def test_demonyms_point_to_countries(kb):
    for word in ("turc", "turque", "Turkish", "Türk", "турецкий", "التركية"):
        refs = [ref for ref in kb.lookup(word) if ref.tag == "demonym"] or kb.lookup(word.removeprefix("ال"))
        assert refs and refs[0].entity_id == "iso:TR", word


def test_kalin_holds_mit_on_2026(kb):
    holders = kb.holders("intelligence_chief", country="TR", on=date(2026, 1, 24))
    assert holders[0].canonical_name == "Ibrahim Kalin"


def test_a_name_takes_the_case_endings_of_the_article_language(lexicons):
    kb = KnowledgeBase.load(lexicons)
    def found(text, language):
        return {ref.entity_id for match in kb.matcher.find(text, kb.name_endings(language)) for ref in match.refs}
    # Hungarian glues its endings on, changing a final vowel: Moszkva -> Moszkvában, Putyin -> Putyinnal.
    assert "gn:524901" in found("A tárgyalás Moszkvában volt.", "hu")
    assert "Q7747" in found("Orbán Viktor Putyinnal tárgyalt.", "hu")
    assert "gn:3054643" in found("A csúcs Budapesten lesz.", "hu")
    # Other languages glue none of them on.
    assert "gn:524901" not in found("A tárgyalás Moszkvában volt.", "en")
    assert "Q7747" not in found("Orbán Viktor Putyinnal tárgyalt.", "fr")
    # An acronym takes its ending after a hyphen: "az ENSZ-nek" is the UN.
    assert "Q1065" in found("Az ENSZ-nek írt levelében", "hu")
    # A stem never hides a name written out: Lebanon is "Liban" in French whatever stems exist.
    assert "iso:LB" in found("Israël a frappé le Liban.", "fr")


def test_a_given_name_written_last_is_no_surname(lexicons):
    kb = KnowledgeBase.load(lexicons, cities=False)
    # "Orbán Viktor" (Hungarian order) beside "Viktor Orbán": Viktor alone is nobody's surname.
    partial = {ref.entity_id for ref in kb.lookup("Viktor") if ref.tag == "partial"}
    assert "Q57641" not in partial
    assert "Q57641" in {ref.entity_id for ref in kb.lookup("Orbán") if ref.tag == "partial"}


def test_country_names_from_cldr_in_each_script(lexicons):
    kb = KnowledgeBase.load(lexicons, cities=False)
    russia = kb.get("iso:RU")
    assert "Oroszország" in russia.names["hu"] and "Rusko" in russia.names["cs"]
    assert {"Русија", "Rusija"} <= set(russia.names["sr"])
    assert "Ryssland" in russia.names["sv"]
