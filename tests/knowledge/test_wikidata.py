"""Reading Wikidata's JSON dump format: plain, gzip and bzip2, streamed, with filters."""

from __future__ import annotations

import bz2
import gzip
import shutil
from pathlib import Path

import pytest

from newstrace.knowledge.wikidata import iter_wikidata_entities

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "kb" / "wikidata_sample.json"


@pytest.fixture(params=["plain", "gz", "bz2"])
def dump(request, tmp_path) -> Path:
    if request.param == "plain":
        return SAMPLE
    target = tmp_path / f"sample.json.{request.param}"
    opener = gzip.open if request.param == "gz" else bz2.open
    with SAMPLE.open("rb") as source, opener(target, "wb") as sink:
        shutil.copyfileobj(source, sink)
    return target


def test_reads_every_entity_and_reports_bad_lines(dump):
    errors = []
    entities = list(iter_wikidata_entities(dump, on_error=lambda line, reason: errors.append(line)))
    assert [e.id for e in entities] == ["Q900001", "Q900002", "Q900003", "Q900004"]
    assert errors == [5]
    person, org, city, _ = entities
    assert person.kind == "person" and person.canonical_name == "Aria Testperson"
    assert person.names["en"] == ("Aria Testperson", "A. Testperson") and "ar" in person.names
    assert org.kind == "org" and city.kind == "place"
    assert city.latitude == 41.5 and city.population == 52000


def test_filters(dump):
    assert [e.id for e in iter_wikidata_entities(dump, types={"person"})] == ["Q900001"]
    assert [e.id for e in iter_wikidata_entities(dump, types={"Q515"})] == ["Q900003"]
    only_en = list(iter_wikidata_entities(dump, languages={"en"}))
    assert "Q900004" not in [e.id for e in only_en] and all(set(e.names) == {"en"} for e in only_en)
    assert [e.id for e in iter_wikidata_entities(dump, ids={"Q900002"})] == ["Q900002"]


def test_country_codes_map_citizenship():
    person = next(iter_wikidata_entities(SAMPLE, ids={"Q900001"}, country_codes={"Q43": "TR"}))
    assert person.country == "TR" and person.wikidata == "Q900001"
