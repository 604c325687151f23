"""The five seed articles end to end through the CLI, checked against EXPECTED.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli import app

runner = CliRunner()

def expected_articles(seeds_dir: Path) -> dict[str, tuple]:
    """EXPECTED.md's articles table: file prefix -> (language, published start, precision, title, byline)."""
    section = (seeds_dir / "EXPECTED.md").read_text(encoding="utf-8").split("## Articles")[1].split("\n## ")[0]
    rows = {}
    for line in section.splitlines():
        if not re.match(r"\|\s*\d{3}\s*\|", line):
            continue
        prefix, language, published, title, byline = [c.strip() for c in line.strip().strip("|").split(" | ")][:5]
        day = re.match(r"(\d{4}-\d{2})(-\d{2})?", published)
        start = None if not day else day.group(1) + (day.group(2) or "-01")
        precision = "unknown" if not day else ("day" if day.group(2) else "month")
        quoted = re.match(r'"(.+?)"', title)
        rows[prefix] = (language, start, precision, quoted.group(1) if quoted else None,
                        None if byline == "none" else byline.split(" (")[0])
    return rows


def expected_boilerplate(seeds_dir: Path) -> list[str]:
    """The quoted lines EXPECTED.md says must not reach the article text."""
    text = (seeds_dir / "EXPECTED.md").read_text(encoding="utf-8")
    paragraph = text.split("Boilerplate that must not reach the article text:")[1].split("\n\n")[0]
    phrases = (" ".join(p.replace("...", "").split()) for p in re.findall(r'"([^"]+)"', paragraph))
    return [p for p in phrases if p]


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


def test_seed_metadata_matches_expected(seeds_db, seeds_dir):
    expected = expected_articles(seeds_dir)
    assert len(expected) == 5
    articles = by_prefix(json.loads(cli(seeds_db, "articles", "--json").stdout))
    assert sorted(articles) == sorted(expected)
    for prefix, (language, start, precision, title, byline) in expected.items():
        got = articles[prefix]
        assert got["language"] == language, prefix
        assert (got["published"]["start"], got["published"]["precision"]) == (start, precision), prefix
        assert got["title"] == title, prefix
        assert got["byline"] == byline, prefix


def test_boilerplate_is_gone_from_the_stored_text(seeds_db, seeds_dir):
    texts = {}
    for item in json.loads(cli(seeds_db, "articles", "--json").stdout):
        texts[item["file"][:3]] = json.loads(cli(seeds_db, "show", item["id"], "--json").stdout)["text"]
    boilerplate = expected_boilerplate(seeds_dir)
    assert len(boilerplate) >= 10
    for prefix, text in texts.items():
        flat = " ".join(text.split())
        for phrase in boilerplate:
            assert phrase not in flat, (prefix, phrase)
        lines = [line.strip() for line in text.splitlines() if len(line.split()) > 3]
        assert len(lines) == len(set(lines)), prefix  # a photo caption repeated as its own line goes
    # the report itself stays: the actors EXPECTED.md names for 001 and 002 are in their text
    assert "Khalil al-Hayya" in texts["002"] and "Marco Rubio" in texts["001"]
    assert len(texts["001"].split()) > 300 and len(texts["002"].split()) > 300


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
