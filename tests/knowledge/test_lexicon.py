"""The knowledge YAML files: a key written twice silently drops the first block, so none may be."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)

_FILES = sorted(
    [p for p in (resources.files("newstrace.knowledge") / "lexicon").iterdir() if p.name.endswith(".yaml")]
    + [p for p in (resources.files("newstrace.knowledge") / "data").iterdir() if p.name.endswith(".yaml")],
    key=lambda p: p.name,
)


@pytest.mark.parametrize("path", _FILES, ids=[p.name for p in _FILES])
def test_no_key_is_written_twice(path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def test_the_strict_loader_catches_a_repeated_section():
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'triggers'"):
        yaml.load("triggers:\ntriggers:\n  verbs: {}\n", Loader=_StrictLoader)


def _non_strings(value, path: str):
    """Entries of a word list that YAML read as something else ("no" is False, "on" is True)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _non_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                yield f"{path}: {item!r}"


_LEXICONS = [p for p in _FILES if p.parent.name == "lexicon"]


@pytest.mark.parametrize("path", _LEXICONS, ids=[p.name for p in _LEXICONS])
def test_every_listed_word_is_a_string(path):
    assert list(_non_strings(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)) == []


def test_an_unquoted_no_is_caught():
    assert list(_non_strings(yaml.safe_load("triggers:\n  determiners: [o, a, no]\n"), "x")) == ["x.triggers.determiners: False"]


def _lexicon_dir(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_lexicon_serves_the_codes_it_declares(tmp_path):
    from newstrace.knowledge.lexicon import load_lexicons

    folder = _lexicon_dir(tmp_path, {"sr.yaml": "language: sr\nserves: [hr, bs]\n", "en.yaml": "language: en\n"})
    lexicons = load_lexicons(folder)
    assert lexicons.get("hr").language == "sr" and lexicons.get("bs").language == "sr"
    assert lexicons.get("sr").language == "sr" and lexicons.get("en").language == "en"
    assert lexicons.get("xx") is None and lexicons.get(None) is None
    assert lexicons.languages() == ("en", "sr")
    assert lexicons.codes() == ("bs", "en", "hr", "sr")


@pytest.mark.parametrize("files, reason", [
    ({"sr.yaml": "language: sr\nserves: [hr]\n", "hr.yaml": "language: hr\n"}, "has a lexicon of its own"),
    ({"sr.yaml": "language: sr\nserves: [bs]\n", "hr.yaml": "language: hr\nserves: [bs]\n"}, "already served"),
    ({"sr.yaml": "language: sr\nserves: hr\n"}, "list of language codes"),
])
def test_a_served_code_belongs_to_one_lexicon(tmp_path, files, reason):
    from newstrace.errors import KnowledgeError
    from newstrace.knowledge.lexicon import load_lexicons

    with pytest.raises(KnowledgeError, match=reason):
        load_lexicons(_lexicon_dir(tmp_path, files))


def test_the_shipped_lexicons_serve_croatian_bosnian_and_malay():
    from newstrace.knowledge.lexicon import load_lexicons

    lexicons = load_lexicons()
    assert {code: lexicons.get(code).language for code in ("hr", "bs", "ms")} == {"hr": "sr", "bs": "sr", "ms": "id"}
