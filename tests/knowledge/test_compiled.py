"""The compiled knowledge base: the same knowledge as a fresh build, rebuilt whenever its file cannot be trusted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newstrace.knowledge import compiled
from newstrace.knowledge.base import KnowledgeBase
from newstrace.knowledge.compiled import MAGIC, Artifact, ArtifactError, CompiledKnowledge, source_digest
from newstrace.knowledge.curation import new_entity
from newstrace.knowledge.lexicon import lexicon_dir, load_lexicons

ACTORS = """\
- id: Q900110
  kind: person
  name: Aria Compiledtest
  country: TR
  names:
    en: [Aria Compiledtest]
    ru: [Ария Компайлдтест]
    ar: [آريا كومبايلدتست]
  roles:
    - {title: foreign_minister, country: TR, start: 2021-03}
- id: Q900111
  kind: org
  name: Compiledtest Council
  acronyms: [CTC]
"""
# Names in several scripts: shipped actors, countries, cities, demonyms and a surname alone.
NAMES = ["Ibrahim Kalin", "Ибрагим Калын", "إبراهيم قالن", "Hakan Fidan", "Fidan", "Türkiye", "Turkey",
         "Germany", "Allemagne", "Doha", "الدوحة", "Москва", "Ankara", "turc", "Turkish", "MIT", "UN"]
TEXTS = [
    "Hakan Fidan met the prime minister of Qatar in Doha on Monday, Turkish officials said.",
    "Глава МИД Турции Хакан Фидан прибыл в Москву, где встретился с Сергеем Лавровым.",
    "التقى وزير الخارجية التركي هاكان فيدان بنظيره القطري في الدوحة يوم الاثنين.",
    "Le ministre turc des Affaires étrangères s'est rendu à Berlin puis à Paris.",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One artifact of the shipped sources, and the knowledge base the build made in memory."""
    folder = tmp_path_factory.mktemp("kb-cache")
    first = CompiledKnowledge(directory=folder)
    fresh = first.kb()
    assert first.rebuilt and first.path.exists()
    return folder, first.lexicons(), fresh


@pytest.fixture(scope="module")
def reread(built):
    folder, _, _ = built
    second = CompiledKnowledge(directory=folder)
    kb = second.kb()
    return second, kb


def test_the_artifact_holds_the_same_entities_as_a_fresh_build(built, reread):
    _, _, fresh = built
    second, kb = reread
    assert len(kb) == len(fresh) > 30_000
    assert [entity.id for entity in kb.entities()] == [entity.id for entity in fresh.entities()]
    assert kb.entities() == fresh.entities()
    assert not second.rebuilt


def test_the_artifact_answers_lookups_search_and_matching_as_a_fresh_build(built, reread):
    _, lexicons, fresh = built
    second, kb = reread
    found = 0
    for name in NAMES:
        assert kb.lookup(name) == fresh.lookup(name), name
        assert kb.search(name) == fresh.search(name), name
        assert kb.entities_named(name.casefold()) == fresh.entities_named(name.casefold()), name
        found += bool(kb.lookup(name))
    assert found >= len(NAMES) - 2  # the sample really names things the knowledge base holds
    for text in TEXTS:
        matches = kb.matcher.find(text)
        assert matches and matches == fresh.matcher.find(text), text
    assert kb.holders("foreign_minister", country="TR") == fresh.holders("foreign_minister", country="TR")
    assert kb.given_name_holders("ibrahim") == fresh.given_name_holders("ibrahim")
    assert kb.demonyms == fresh.demonyms and kb.problems == fresh.problems
    assert kb.calendar_words("fa") == fresh.calendar_words("fa")
    assert second.lexicons() == lexicons == load_lexicons()
    assert not second.rebuilt


def test_an_artifact_with_all_its_checks_passing_is_read_not_rebuilt(built):
    folder, _, _ = built
    before = (folder / CompiledKnowledge(directory=folder).path.name).stat().st_mtime_ns
    again = CompiledKnowledge(directory=folder)
    again.kb().get("Q6100994")
    assert again.problem is None and not again.rebuilt
    assert again.path.stat().st_mtime_ns == before


# Small real builds (copied lexicons, a few actors, no GeoNames) for the damage tests.

@pytest.fixture
def sources(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "actors_test.yaml").write_text(ACTORS, encoding="utf-8")
    lexicons = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), lexicons)
    return {"data": data, "lexicons": lexicons, "cities": False}


def small(folder: Path, sources, **extra) -> CompiledKnowledge:
    return CompiledKnowledge(directory=folder, **sources, **extra)


def written(folder: Path, sources) -> Path:
    first = small(folder, sources)
    assert first.kb().get("Q900110") is not None and first.rebuilt
    return first.path


def assert_rebuilt(folder: Path, sources, reason: str) -> None:
    again = small(folder, sources)
    kb = again.kb()
    kb.matcher.find("Aria Compiledtest met the CTC.")
    assert again.rebuilt and reason in again.problem, again.problem
    fresh = KnowledgeBase.load(load_lexicons(sources["lexicons"]), data_dir=sources["data"], cities=False)
    assert kb.entities() == fresh.entities()
    text = "Aria Compiledtest met the CTC."
    assert kb.matcher.find(text) == fresh.matcher.find(text)
    assert {"aria compiledtest", "ctc"} <= {m.key for m in kb.matcher.find(text)}
    third = small(folder, sources)  # the rebuilt file is sound again
    third.kb().matcher.find("CTC")
    assert third.problem is None and not third.rebuilt


def test_a_truncated_artifact_is_rebuilt(tmp_path, sources):
    path = written(tmp_path / "cache", sources)
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    assert_rebuilt(tmp_path / "cache", sources, "truncated")


def test_a_corrupt_section_is_rebuilt_when_first_read(tmp_path, sources):
    path = written(tmp_path / "cache", sources)
    artifact = Artifact(path, small(tmp_path / "cache", sources).key)
    offset, length, _ = artifact.header["sections"]["matcher"]
    artifact.close()
    head_length = int.from_bytes(path.read_bytes()[len(MAGIC):len(MAGIC) + 8], "big")
    position = len(MAGIC) + 8 + head_length + offset + length // 2
    content = bytearray(path.read_bytes())
    content[position] ^= 0xFF
    path.write_bytes(bytes(content))
    assert_rebuilt(tmp_path / "cache", sources, "corrupt")


@pytest.mark.parametrize("field, value, reason", [
    ("format", compiled.FORMAT + 1, "format"),
    ("versions", {"python": "2.7", "newstrace": "0.0.1"}, "other versions"),
    ("key", "0" * 64, "other sources"),
])
def test_an_artifact_of_another_format_version_or_sources_is_rebuilt(tmp_path, sources, field, value, reason):
    path = written(tmp_path / "cache", sources)
    content = path.read_bytes()
    head_length = int.from_bytes(content[len(MAGIC):len(MAGIC) + 8], "big")
    header = json.loads(content[len(MAGIC) + 8:len(MAGIC) + 8 + head_length])
    header[field] = value
    head = json.dumps(header, sort_keys=True).encode().ljust(head_length)
    assert len(head) == head_length
    path.write_bytes(content[:len(MAGIC) + 8] + head + content[len(MAGIC) + 8 + head_length:])
    assert_rebuilt(tmp_path / "cache", sources, reason)


def test_a_file_that_is_no_artifact_is_rebuilt(tmp_path, sources):
    path = written(tmp_path / "cache", sources)
    path.write_bytes(b"not a knowledge base at all")
    assert_rebuilt(tmp_path / "cache", sources, "not a compiled knowledge base")


def test_changed_sources_give_another_key_and_a_new_build(tmp_path, sources):
    key = source_digest(data=sources["data"], lexicons=sources["lexicons"], cities=False)
    first_path = written(tmp_path / "cache", sources)
    (sources["data"] / "names").mkdir()
    (sources["data"] / "names" / "tr.yaml").write_text(
        "language: tr\nnames:\n  Q900110: [Arya Derlenmişdeneme]\n", encoding="utf-8")
    changed = source_digest(data=sources["data"], lexicons=sources["lexicons"], cities=False)
    assert changed != key
    again = small(tmp_path / "cache", sources)
    assert again.path != first_path
    assert again.kb().lookup("Arya Derlenmişdeneme")[0].entity_id == "Q900110" and again.rebuilt
    with open(sources["lexicons"] / "en.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n# a comment changes the file, so the key\n")
    assert source_digest(data=sources["data"], lexicons=sources["lexicons"], cities=False) != changed


def test_curated_entities_are_part_of_the_key(tmp_path, sources):
    entity = new_entity("person", "Leyla Compiledtest", {"tr": ["Leyla Derlenmiş"]})
    plain = small(tmp_path / "cache", sources)
    curated = small(tmp_path / "cache", sources, curated=(entity,))
    assert plain.key != curated.key
    assert curated.kb().lookup("Leyla Derlenmiş")[0].entity_id == entity.id
    assert not plain.kb().lookup("Leyla Derlenmiş")


def test_a_cache_folder_that_cannot_be_written_still_gives_the_knowledge_base(tmp_path, sources):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    knowledge = small(tmp_path / "a-file" / "cache", sources)  # no folder can be made under a file
    assert knowledge.kb().get("Q900110") is not None and "cannot write" in knowledge.problem


BUILD = """
import sys
from pathlib import Path
from newstrace.knowledge.compiled import CompiledKnowledge
folder, data, lexicons = map(Path, sys.argv[1:4])
kb = CompiledKnowledge(directory=folder, data=data, lexicons=lexicons, cities=False).kb()
assert kb.get("Q900110").canonical_name == "Aria Compiledtest"
"""


def test_two_processes_building_at_once_leave_one_sound_artifact(tmp_path, sources):
    folder = tmp_path / "cache"
    args = [sys.executable, "-c", BUILD, str(folder), str(sources["data"]), str(sources["lexicons"])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    runs = [subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    assert [p.name for p in folder.iterdir()] == [small(folder, sources).path.name]  # no temporary file left
    reader = small(folder, sources)
    assert reader.kb().get("Q900110") is not None and reader.problem is None and not reader.rebuilt


def test_the_artifact_checks_each_section_it_reads(tmp_path):
    path = tmp_path / "kb-test.bin"
    compiled.write_artifact(path, "k", {"one": {"a": 1}, "two": [1, 2, 3]})
    artifact = Artifact(path, "k")
    assert artifact.load("one") == {"a": 1} and artifact.load("two") == [1, 2, 3]
    with pytest.raises(ArtifactError, match="no section"):
        artifact.load("three")
    artifact.close()
    with pytest.raises(ArtifactError, match="other sources"):
        Artifact(path, "another key")
    with pytest.raises(ArtifactError, match="cannot open"):
        Artifact(tmp_path / "missing.bin", "k")


def test_a_cached_value_is_built_once_and_rebuilt_when_its_file_fails(tmp_path):
    builds = []

    def build():
        builds.append(1)
        return {"table": list(range(1000))}

    assert compiled.cached_value("thing", "key 1", build, tmp_path) == {"table": list(range(1000))}
    assert compiled.cached_value("thing", "key 1", build, tmp_path) == {"table": list(range(1000))}
    assert len(builds) == 1
    (path,) = tmp_path.glob("thing-*.bin")
    path.write_bytes(path.read_bytes()[:-10])
    assert compiled.cached_value("thing", "key 1", build, tmp_path) == {"table": list(range(1000))}
    assert len(builds) == 2
    compiled.cached_value("thing", "key 2", build, tmp_path)
    assert len(builds) == 3 and len(list(tmp_path.glob("thing-*.bin"))) == 2


def test_the_stages_and_the_knowledge_base_share_one_lexicons_object(built):
    folder, _, _ = built
    knowledge = CompiledKnowledge(directory=folder)
    assert knowledge.kb().lexicons is knowledge.lexicons()
