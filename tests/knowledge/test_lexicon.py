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
