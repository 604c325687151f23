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
