"""World coverage of the curated actors: clean loading, names in the core languages, role holders by date."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.knowledge.actors import actor_files, data_dir, load_actor_file, load_actors
from newstrace.knowledge.base import KnowledgeBase
from newstrace.knowledge.lexicon import load_lexicons

REGION_FILES = ("actors_africa.yaml", "actors_americas.yaml", "actors_asia.yaml", "actors_europe.yaml",
                "actors_international.yaml", "actors_middle_east.yaml")
CORE_LANGUAGES = ("en", "fr", "es", "de", "ru", "ar", "tr", "fa")
# Turkish and Persian write the Council of Europe and the European Council alike (Avrupa Konseyi,
# شورای اروپا), and Persian the Council of the EU too: the older entry keeps the shared name.
SHARED_ELSEWHERE = {("Q8908", "tr"), ("Q8908", "fa"), ("Q8896", "fa")}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(load_lexicons())


def test_every_actor_file_loads_without_problems():
    loaded = load_actors()
    assert loaded.problems == ()
    names = {path.name for path in actor_files()}
    assert set(REGION_FILES) <= names
    for name in REGION_FILES:
        assert len(load_actor_file(data_dir() / name).entities) >= 20, name


def test_no_alias_of_the_full_knowledge_base_collides(kb):
    assert kb.problems == ()


@pytest.mark.parametrize("name", REGION_FILES)
def test_region_actors_are_named_in_the_core_languages(name):
    for entity in load_actor_file(data_dir() / name).entities:
        missing = [language for language in CORE_LANGUAGES
                   if not entity.names.get(language) and (entity.id, language) not in SHARED_ELSEWHERE]
        assert not missing, (entity.id, entity.canonical_name, missing)


def test_actor_files_stay_under_five_thousand_lines():
    for path in actor_files():
        assert path.read_text(encoding="utf-8").count("\n") < 5100, path.name


@pytest.mark.parametrize(("title", "country", "org", "day", "expected"), [
    ("head_of_state", "RW", None, "2025-03-18", "Paul Kagame"),
    ("head_of_government", "RW", None, "2020-01-01", "Édouard Ngirente"),
    ("head_of_government", "RW", None, "2025-09-01", "Justin Nsengiyumva"),
    ("head_of_government", "CD", None, "2022-05-01", "Jean-Michel Sama Lukonde"),
    ("head_of_government", "CD", None, "2025-03-01", "Judith Suminwa"),
    ("foreign_minister", "CD", None, "2023-01-10", "Christophe Lutundula"),
    ("head_of_state", "CD", None, "2015-06-01", "Joseph Kabila"),
    ("interior_minister", "UA", None, "2022-06-01", "Denys Monastyrsky"),
    ("interior_minister", "UA", None, "2024-06-01", "Ihor Klymenko"),
    ("defence_minister", "UA", None, "2022-06-01", "Oleksii Reznikov"),
    ("interior_minister", "RU", None, "2025-06-01", "Vladimir Kolokoltsev"),
    ("intelligence_chief", "RU", "Q157519", "2025-06-01", "Alexander Bortnikov"),
    ("intelligence_chief", "RU", "Q157519", "2005-06-01", "Nikolai Patrushev"),
    ("secretary_general", "RU", None, "2023-06-01", "Nikolai Patrushev"),
    ("head_of_government", "RS", None, "2020-01-01", "Ana Brnabić"),
    ("head_of_government", "RS", None, "2024-12-01", "Miloš Vučević"),
    ("head_of_government", "RS", None, "2025-06-01", "Đuro Macut"),
    ("foreign_minister", "RS", None, "2025-06-01", "Marko Đurić"),
    ("head_of_state", "IN", None, "2025-05-08", "Droupadi Murmu"),
    ("head_of_state", "IN", None, "2020-05-08", "Ram Nath Kovind"),
    ("defence_minister", "IN", None, "2025-05-08", "Rajnath Singh"),
    ("interior_minister", "IN", None, "2025-05-08", "Amit Shah"),
    ("interior_minister", "IN", None, "2016-05-08", "Rajnath Singh"),
    ("head_of_state", "PK", None, "2023-01-01", "Arif Alvi"),
    ("head_of_state", "PK", None, "2025-05-08", "Asif Ali Zardari"),
    ("head_of_government", "PK", None, "2020-01-01", "Imran Khan"),
    ("interior_minister", "PK", None, "2025-05-08", "Mohsin Naqvi"),
    ("defence_minister", "PK", None, "2025-05-08", "Khawaja Asif"),
    ("intelligence_chief", "PK", None, "2025-05-08", "Muhammad Asim Malik"),
    ("foreign_minister", "AF", None, "2024-01-01", "Amir Khan Muttaqi"),
    ("head_of_state", "AF", None, "2020-01-01", "Ashraf Ghani"),
    ("head_of_state", "MM", None, "2023-01-01", "Min Aung Hlaing"),
    ("head_of_government", "MM", None, "2019-01-01", "Aung San Suu Kyi"),
    ("head_of_state", "XK", None, "2024-01-01", "Vjosa Osmani"),
    ("foreign_minister", "AM", None, "2024-01-01", "Ararat Mirzoyan"),
    ("foreign_minister", "AZ", None, "2024-01-01", "Jeyhun Bayramov"),
    ("interior_minister", "VE", None, "2025-06-01", "Diosdado Cabello"),
    ("head_of_government", "HT", None, "2023-01-01", "Ariel Henry"),
    ("head_of_state", "ET", None, "2025-01-01", "Taye Atske Selassie"),
    ("head_of_state", "NE", None, "2022-01-01", "Mohamed Bazoum"),
    ("defence_minister", "GB", None, "2025-01-01", "John Healey"),
    ("interior_minister", "DE", None, "2025-09-01", "Alexander Dobrindt"),
    ("interior_minister", "FR", None, "2025-01-01", "Bruno Retailleau"),
    ("head_of_state", "IT", None, "2025-01-01", "Sergio Mattarella"),
    ("defence_minister", "CN", None, "2025-01-01", "Dong Jun"),
    ("interior_minister", "IR", None, "2025-01-01", "Eskandar Momeni"),
    ("secretary_general", None, "Q7768", "2025-01-01", "Kao Kim Hourn"),
    ("body_head", None, "Q7801", "2024-06-01", "Nawaf Salam"),
])
def test_role_holders_on_a_day(kb, title, country, org, day, expected):
    holders = kb.holders(title, country=country, org_id=org, on=date.fromisoformat(day))
    assert holders and holders[0].canonical_name == expected, [h.canonical_name for h in holders]


def test_a_role_that_ended_has_no_holder_after_it(kb):
    holders = kb.holders("head_of_state", country="NE", on=date(2024, 1, 1))
    assert "Mohamed Bazoum" not in {entity.canonical_name for entity in holders}
    assert kb.holders("head_of_government", country="RS", on=date(2025, 6, 1))[0].canonical_name != "Ana Brnabić"
