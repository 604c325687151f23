"""Curated actors: per-language names files add names to the entries they name."""

from __future__ import annotations

from newstrace.knowledge.actors import load_actors

ENTRY = """\
- id: Q1
  kind: person
  name: Ana Example
  names:
    en: [Ana Example]
"""


def test_names_file_adds_a_language_to_a_curated_actor(tmp_path):
    (tmp_path / "actors_test.yaml").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "hi.yaml").write_text(
        "language: hi\nnames:\n  Q1: [आना एग्ज़ाम्पल, एग्ज़ाम्पल]\n  Q999: [कोई]\n", encoding="utf-8")
    loaded = load_actors(tmp_path)
    (entity,) = loaded.entities
    assert entity.names["hi"] == ("आना एग्ज़ाम्पल", "एग्ज़ाम्पल")
    assert entity.names["en"] == ("Ana Example",)
    assert [p.detail for p in loaded.problems] == ["names for unknown id Q999"]


def test_shipped_names_files_name_only_known_actors():
    assert not [p for p in load_actors().problems if "names" in str(p)]
