"""The five seed articles end to end through the CLI, checked against EXPECTED.md."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

runner = CliRunner()

EXPECTED = {  # file prefix: (language, published, precision, title, byline)
    "000": ("fr", "2025-06-01", "month", None, None),
    "001": ("fr", "2025-12-20", "day",
            "Le chef du renseignement turc rencontre un dirigeant du Hamas pour discuter de la seconde phase "
            "du cessez-le-feu à Gaza", "Johanna Afriat"),
    "002": ("fr", "2026-01-24", "day",
            "Le chef des services de renseignement de Türkiye rencontre une délégation du Hamas à Istanbul", None),
    "003": ("fr", None, "unknown",
            "La Turquie était active pour un cessez-le-feu !  Mené une diplomatie de haut niveau pour Gaza", None),
    "004": ("en", None, "unknown", "Turkish Intelligence Chief Meets Hamas Leaders", None),
}


def cli(db, *args):
    result = runner.invoke(app, ["--db", str(db), *args])
    return result


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = cli(db, "ingest", str(seeds_dir))
    assert result.exit_code == 0, result.output
    return db


def by_prefix(items):
    return {item["file"][:3]: item for item in items}


def test_seed_metadata_matches_expected(seeds_db):
    articles = by_prefix(json.loads(cli(seeds_db, "articles", "--json").stdout))
    assert sorted(articles) == sorted(EXPECTED)
    for prefix, (language, start, precision, title, byline) in EXPECTED.items():
        got = articles[prefix]
        assert got["language"] == language, prefix
        assert (got["published"]["start"], got["published"]["precision"]) == (start, precision), prefix
        assert got["title"] == title, prefix
        assert got["byline"] == byline, prefix


def test_boilerplate_is_gone_from_the_stored_text(seeds_db):
    texts = {}
    for item in json.loads(cli(seeds_db, "articles", "--json").stdout):
        texts[item["file"][:3]] = json.loads(cli(seeds_db, "show", item["id"], "--json").stdout)["text"]
    for prefix, phrase in [("001", "Désolé, votre navigateur"), ("001", "POUR VOUS INSCRIRE"),
                           ("001", "2 minutes"), ("002", "Nombre de lectures"), ("002", "Connectez-vous"),
                           ("002", "Inscription à la newsletter"), ("004", "Related posts"),
                           ("004", "Testimonies of survivors"), ("003", "Actualités vidéo")]:
        assert phrase not in texts[prefix], (prefix, phrase)
    assert texts["002"].count("Ibrahim Kalin, chef du Renseignement turc") <= 1
    assert "a rencontré samedi à Istanbul Khalil al-Hayya" in texts["002"]
    assert "Il s'est également entretenu avec le secrétaire d'État Marco Rubio." in texts["001"]


def test_reingesting_the_seeds_changes_nothing(seeds_db, seeds_dir):
    before = cli(seeds_db, "export", "--format", "json").stdout
    result = cli(seeds_db, "ingest", str(seeds_dir), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["unchanged"] == 5
    assert cli(seeds_db, "export", "--format", "json").stdout == before


def test_seed_clustering_scores_perfectly(seeds_db, data_dir):
    result = cli(seeds_db, "eval", str(data_dir / "seeds" / "gold.json"), "--json")
    report = json.loads(result.stdout)
    assert report["articles"] == 5
    assert report["bcubed_f1"] == 1.0


def test_translation_is_marked_as_one_report(seeds_db):
    doc = json.loads(cli(seeds_db, "export", "--format", "json").stdout)
    articles = by_prefix(doc["articles"])
    pair = {articles["000"]["id"], articles["004"]["id"]}
    marked = [a for a in doc["articles"] if a["duplicate_of"]]
    assert [(a["id"], a["duplicate_of"]) for a in marked] and {marked[0]["id"], marked[0]["duplicate_of"]} == pair
    assert articles["000"]["main_event"] == articles["004"]["main_event"] is not None
    mains = {articles[p]["main_event"] for p in ("001", "002", "004")}
    assert len(mains) == 3


def test_export_matches_its_published_schema(seeds_db):
    import jsonschema

    from newstrace.export.document import export_schema

    doc = json.loads(cli(seeds_db, "export", "--format", "json").stdout)
    jsonschema.validate(doc, export_schema())
    assert doc["schema_version"] == 1 and doc["events"]


def test_events_json_has_the_documented_fields(seeds_db):
    events = json.loads(cli(seeds_db, "events", "--json").stdout)
    assert events
    for e in events:
        assert {"id", "article", "type", "mode", "date", "place", "participants", "topics", "main"} <= set(e)
        assert set(e["date"]) >= {"start", "end", "precision"}
        for p in e["participants"]:
            assert {"id", "name", "role"} <= set(p)
