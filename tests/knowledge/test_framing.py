"""The framing vocabulary: the package's file loads, covers the required languages, and bad files are refused."""

from __future__ import annotations

import pytest

from newstrace.errors import KnowledgeError
from newstrace.knowledge.framing import default_framing, load_framing, parse_framing

REQUIRED = ("en", "fr", "es", "de", "ar", "fa", "tr", "ru", "el", "it", "pt", "he", "zh")


def test_every_group_names_its_terms_in_every_required_language():
    lexicon = default_framing()
    assert {"armed_group_as_terrorist", "armed_group_as_resistance", "death_as_martyrdom"} <= set(lexicon.groups)
    for group in lexicon.groups.values():
        missing = [lang for lang in REQUIRED if not group.terms.get(lang)]
        assert not missing, f"{group.id} has no terms in {missing}"


def test_groups_belong_to_the_facet_that_lists_them():
    lexicon = default_framing()
    listed = [g for f in lexicon.facets for g in f.groups]
    assert sorted(listed) == sorted(lexicon.groups) and len(listed) == len(set(listed))
    for facet in lexicon.facets:
        assert all(lexicon.groups[g].facet == facet.id for g in facet.groups)
    assert lexicon.facet("death").about == "act"


def _file(**group) -> dict:
    return {"facets": {"death": {"label": "the deaths", "about": "act", "groups": {"death_as_x": group}}}}


@pytest.mark.parametrize("data, reason", [
    ([], "mapping with a 'facets'"),
    ({"facets": {"death": {"about": "act", "groups": {}}}}, "'groups' mapping"),
    ({"facets": {"death": {"about": "mood", "groups": {"g": {"terms": {"en": ["x"]}}}}}}, "'about' is one of"),
    (_file(label="x"), "'terms' mapping"),
    (_file(terms={"en": []}), "non-empty list"),
    (_file(terms={"en": ["kill*ed"]}), "'*' may only end a word"),
    (_file(terms={"en": [3]}), "non-empty string"),
    ({**_file(terms={"en": ["x"]}), "ignore": ["x"]}, "mapping of language"),
])
def test_malformed_framing_is_refused_with_the_reason(data, reason):
    with pytest.raises(KnowledgeError, match=reason):
        parse_framing(data)


def test_a_group_id_used_in_two_facets_is_refused():
    group = {"terms": {"en": ["x"]}}
    data = {"facets": {"a": {"about": "act", "groups": {"g": group}}, "b": {"about": "act", "groups": {"g": group}}}}
    with pytest.raises(KnowledgeError, match="used twice"):
        parse_framing(data)


def test_an_unreadable_file_names_itself(tmp_path):
    path = tmp_path / "framing.yaml"
    path.write_text("facets: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="framing.yaml"):
        load_framing(path)
