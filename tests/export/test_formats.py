"""Every export format opens in its tool's terms: schema-valid JSON, JSONL, CSV, GraphML, TimelineJS."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import networkx as nx
import pytest
from typer.testing import CliRunner

from newstrace.export import formats
from newstrace.export.csv import EVENT_COLUMNS, SOURCE_COLUMNS, _cell
from newstrace.export.document import build_document, export_schema, select_events
from newstrace.export.timelinejs import build_timeline
from tests.web.corpus import DOHA, KALIN, PAYLOADS, THANI


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_documented_format_is_registered():
    assert set(formats.WRITERS) == {"json", "jsonl", "csv", "csv-sources", "graphml", "timelinejs"}


@pytest.mark.parametrize("selection", ["all", "story", "actor"])
def test_json_document_is_valid_against_its_published_schema(store, kb, export_corpus, selection):
    events = {"all": None, "story": select_events(store, story=export_corpus.story),
              "actor": select_events(store, actor_ids=[THANI])}[selection]
    document = json.loads(formats.WRITERS["json"](store, kb, events))
    jsonschema.Draft202012Validator(export_schema(), format_checker=jsonschema.FormatChecker()).validate(document)
    ids = {e["id"] for e in document["events"]}
    if selection == "story":
        assert ids == {export_corpus.truce, export_corpus.meeting}
    if selection == "actor":
        assert ids == {export_corpus.meeting} and len(document["articles"]) == 3
    meeting = next((e for e in document["events"] if e["id"] == export_corpus.meeting), None)
    if meeting:
        assert {item["language"] for item in meeting["evidence"]} == {"ar", "en", "fr"}


def test_jsonl_is_one_document_event_per_line(store, kb):
    lines = formats.WRITERS["jsonl"](store, kb, None).splitlines()
    assert [json.loads(line) for line in lines] == build_document(store, kb)["events"]
    assert all("\n" not in line for line in lines) and len(lines) == 3


def test_csv_has_one_row_per_event_with_sources_and_languages(store, kb, export_corpus):
    table = rows(formats.WRITERS["csv"](store, kb, None))
    assert tuple(table[0]) == EVENT_COLUMNS and len(table) == 3
    meeting = next(r for r in table if r["event_id"] == export_corpus.meeting)
    assert meeting["sources"] == "3" and meeting["independent_sources"] == "2"
    assert meeting["languages"] == "ar; en; fr" and meeting["place_id"] == DOHA and meeting["discrepancies"] == "date"
    assert meeting["participants"] == "Ibrahim Kalin; Mohammed bin Abdulrahman Al Thani"
    truce = next(r for r in table if r["event_id"] == export_corpus.truce)
    assert (truce["date_start"], truce["date_precision"]) == ("2026-01-01", "month")


def test_csv_sources_has_one_row_per_event_and_source(store, kb, export_corpus):
    table = rows(formats.WRITERS["csv-sources"](store, kb, None))
    assert tuple(table[0]) == SOURCE_COLUMNS and len(table) == 5
    by_article = {r["source_article"]: r for r in table if r["event_id"] == export_corpus.meeting}
    assert by_article[export_corpus.ar]["sentence"].startswith("التقى إبراهيم قالن")
    assert by_article[export_corpus.fr]["duplicate_of"] == export_corpus.en
    assert by_article[export_corpus.fr]["duplicate_kind"] == "translation"
    hostile = next(r for r in table if r["event_id"] == export_corpus.hostile)
    assert PAYLOADS[0] in hostile["title"]  # data, not markup: CSV keeps the text as written


def test_csv_cells_that_spreadsheets_would_run_are_defused():
    assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and _cell("@SUM(1)") == "'@SUM(1)"
    assert _cell("+1") == "'+1" and _cell("plain") == "plain" and _cell(3) == 3 and _cell(None) == ""


def test_graphml_loads_in_networkx_with_labels_kinds_weights_and_types(store, kb):
    graph = nx.read_graphml(io.BytesIO(formats.WRITERS["graphml"](store, kb, None).encode("utf-8")))
    assert graph.nodes[KALIN]["label"] == "Ibrahim Kalin" and graph.nodes[KALIN]["kind"] == "person"
    assert graph.nodes[KALIN]["events"] == 2
    edge = graph.edges[KALIN, THANI]
    assert edge["weight"] == 1.0 and edge["type"] == "CONSULT" and edge["types"] == "CONSULT:1"
    assert graph.number_of_edges() == 3


def test_timelinejs_shape_precision_and_undated_events(store, kb, export_corpus):
    value = json.loads(formats.WRITERS["timelinejs"](store, kb, None))
    assert set(value) == {"title", "events"} and isinstance(value["title"]["text"]["headline"], str)
    slides = {s["unique_id"]: s for s in value["events"]}
    assert set(slides) == {export_corpus.meeting, export_corpus.truce}  # the undated one is left out
    for slide in slides.values():
        assert set(slide) >= {"start_date", "text", "group"}
        assert set(slide["text"]) == {"headline", "text"}
        assert slide["start_date"]["year"].isdigit()
    assert slides[export_corpus.meeting]["start_date"] == {"year": "2026", "month": "2", "day": "9"}
    assert slides[export_corpus.truce]["start_date"] == {"year": "2026", "month": "1"}
    assert slides[export_corpus.meeting]["group"] == "Türkiye–Qatar contacts on the Gaza truce"
    assert "التقى إبراهيم قالن" in slides[export_corpus.meeting]["text"]["text"]


def test_timelinejs_escapes_article_text_it_renders_as_html(store, kb, export_corpus):
    document = build_document(store, kb)
    for event in document["events"]:
        if event["id"] == export_corpus.hostile:
            event["date"] = {"start": "2026-02-11", "end": "2026-02-11", "precision": "day"}
    text = json.dumps(build_timeline(document), ensure_ascii=False)
    assert "<script" not in text and "<img" not in text and "\u202e" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize("fmt", sorted(formats.WRITERS))
def test_export_command_writes_each_format(fmt, export_corpus, kb, tmp_path, monkeypatch):
    from newstrace.cli import app
    from newstrace.cli import timeline as timeline_cli

    monkeypatch.setattr(timeline_cli, "display_names", lambda store, ctx=None: kb)
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["--db", str(export_corpus.path), "export", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 100


def test_json_export_carries_each_event_and_story_framing(store, kb, export_corpus):
    document = json.loads(formats.WRITERS["json"](store, kb, None))
    meeting = next(e for e in document["events"] if e["id"] == export_corpus.meeting)
    by_outlet = {o["outlet"]: {t["group"]: t["count"] for t in o["terms"]} for o in meeting["framing"]["outlets"]}
    assert by_outlet["Gulf Wire"]["armed_group_as_terrorist"] == 1
    assert by_outlet["doha_ar.txt"]["armed_group_as_resistance"] == 1 and by_outlet["doha_fr.txt"] == {}
    assert "armed_group" in meeting["framing"]["divided"]
    story = next(s for s in document["stories"] if s["id"] == export_corpus.story)
    assert {o["outlet"] for o in story["framing"]["outlets"]} == set(by_outlet)
