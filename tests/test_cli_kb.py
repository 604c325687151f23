"""The knowledge-base commands: search across scripts, curation kept in the database, Wikidata import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

runner = CliRunner()
WIKIDATA = Path(__file__).resolve().parent / "data" / "kb" / "wikidata_sample.json"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("kb") / "kb.db"


def run(db, *args):
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("name", ["Ибрагим Калын", "إبراهيم قالن"])
def test_search_finds_one_person_in_every_script(db, name):
    hits = json.loads(run(db, "kb", "search", name, "--json").stdout)
    assert hits[0]["name"] == "Ibrahim Kalin" and hits[0]["kind"] == "person"
    assert set(hits[0]) == {"id", "name", "kind", "score"}


def test_curated_entity_and_alias_survive_in_the_database(db):
    run(db, "kb", "add", "--kind", "person", "--name", "Leyla Hartmann Test", "--alias", "tr:Leyla Hartman Testi")
    hits = json.loads(run(db, "kb", "search", "Leyla Hartman Testi", "--json").stdout)
    entity_id = hits[0]["id"]
    assert hits[0]["name"] == "Leyla Hartmann Test"
    run(db, "kb", "alias", entity_id, "Лейла Хартман Тест", "--lang", "ru")
    shown = json.loads(run(db, "kb", "show", entity_id, "--json").stdout)
    assert "Лейла Хартман Тест" in json.dumps(shown, ensure_ascii=False)


def test_import_wikidata_dump(db):
    result = run(db, "kb", "import-wikidata", str(WIKIDATA))
    assert "imported" in result.stderr
    assert int(result.stderr.split("imported ")[1].split()[0]) > 0
