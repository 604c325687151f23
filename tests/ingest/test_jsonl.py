"""JSON inputs: news-please records, the plain form, arrays and JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.errors import Code, InputError
from newstrace.ingest.parse import parse
from newstrace.ingest.records import parse_record

from .helpers import DATA, collect, read_all


def test_newsplease_jsonl_with_a_malformed_line() -> None:
    docs, errors = collect(str(DATA / "newsplease.jsonl"))
    assert [d.origin.locator for d in docs] == ["line 1", "line 3"]
    assert len(errors) == 1 and errors[0].code is Code.E006
    assert str(errors[0]).startswith(f"{DATA / 'newsplease.jsonl'}: line 2: E006 malformed JSON")
    first = parse(docs[0])
    assert first.title == "Water plant reopens after repairs"
    assert first.url == "https://ridge.example/news/1" == docs[0].uri == docs[0].origin.url
    assert first.byline == "Tom Keller, Ana Ruiz"
    assert first.outlet == "ridge.example"
    assert first.declared_language == "en"
    assert (first.published.label(), first.published.source, first.published.precision) == ("2026-02-10", "meta", "day")
    assert first.published.evidence == "2026-02-10 09:30:00"
    assert first.text.split("\n\n") == [
        "The city's main water plant reopened on Monday after two weeks of repairs.",
        "Engineers said supply would be back to normal across all districts by Wednesday.",
    ]
    third = parse(docs[1])
    assert third.declared_language == "tr" and third.published.label() == "2026-01-24"
    assert third.byline is None


def test_plain_json_array() -> None:
    docs, errors = collect(str(DATA / "plain.json"))
    assert not errors
    assert [d.origin.locator for d in docs] == ["item 1", "item 2"]
    first, second = (parse(d) for d in docs)
    assert first.outlet == "Meadow Times" and first.byline == "Pia Lund"
    assert first.published.label() == "2025-12-04"
    assert second.published.precision == "month" and second.published.label() == "2025-12"
    assert second.outlet == "meadow.example"


def test_single_pretty_printed_object() -> None:
    record = {"url": "https://x.example/a", "title": "T", "text": "One paragraph.\n\nTwo.", "published": "2026-01-02"}
    [doc] = read_all(json.dumps(record, indent=2).encode(), "one.json")
    assert doc.text == "One paragraph.\n\nTwo."


def test_outlet_override_wins() -> None:
    [doc] = read_all(b'{"url": "https://x.example/a", "text": "Body.", "source_domain": "x.example"}', "a.json", outlet="Wire")
    assert doc.outlet == "Wire"


def test_broken_pretty_json_is_one_error() -> None:
    results = read_all(b'{\n  "url": "https://x.example",\n  "text": "cut', "a.json")
    assert len(results) == 1 and isinstance(results[0], InputError) and results[0].code is Code.E006
    assert "line 3" in results[0].detail


def test_non_objects_and_text_less_records() -> None:
    results = read_all(b'[1, {"title": "no text"}, {"text": "fine"}]', "a.json")
    assert isinstance(results[0], InputError) and results[0].code is Code.E006
    assert isinstance(results[1], InputError) and results[1].code is Code.E011
    assert results[2].text == "fine"


def test_description_stands_in_for_missing_text() -> None:
    [doc] = read_all(b'{"url": "https://x.example/a", "maintext": null, "description": "Lead only."}', "a.jsonl")
    assert doc.text == "Lead only."


def test_html_body_in_a_record_is_extracted() -> None:
    record = {"url": "https://x.example/a", "text": "<div><p>First para.</p><p>Second <b>bold</b> para.</p></div>"}
    [doc] = read_all(json.dumps(record).encode(), "a.jsonl")
    assert doc.text == "First para.\n\nSecond bold para."


def test_record_dates_are_strict() -> None:
    def published(value):
        return parse_record(json.dumps({"text": "x", "published": value}).encode(), "s").published

    assert published("2026-02-10T09:30:00Z").label() == "2026-02-10"
    assert published("2026-02-10T23:30:00-05:00").label() == "2026-02-10"
    assert published("Tue, 10 Feb 2026 09:30:00 GMT").label() == "2026-02-10"
    assert published(1770715800).label() == "2026-02-10"
    assert not published("last Tuesday").known
    assert not published("2026-13-40").known
    assert not published("sa").known


def test_empty_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"text": "a"}\n\n\n{"text": "b"}\n')
    docs, errors = collect(str(path))
    assert not errors and [d.origin.locator for d in docs] == ["line 2", "line 5"]


def test_utf16_jsonl() -> None:
    text = '{"text": "Birinci haber."}\n{"text": "İkinci haber."}\n'
    results = read_all(b"\xff\xfe" + text.encode("utf-16-le"), "u.jsonl")
    assert [r.text for r in results] == ["Birinci haber.", "İkinci haber."]


def test_record_title_loses_site_suffix() -> None:
    [doc] = read_all(b'{"url": "https://www.ridge.example/a", "title": "Plant reopens after repairs | Ridge", "text": "x"}', "a.json")
    assert doc.title == "Plant reopens after repairs"
