"""Local files: encodings, empty, binary and oversized inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.errors import Code, InputError
from newstrace.ingest.files import decode
from newstrace.ingest.parse import parse

from .helpers import DATA, collect, only_doc


def test_latin1_text_decodes() -> None:
    doc = only_doc(str(DATA / "latin1.txt"))
    assert "rénovation complète de la piscine du quartier de l'Étang" in doc.text
    assert "\ufffd" not in doc.text


def test_windows_1256_arabic_decodes() -> None:
    doc = only_doc(str(DATA / "cp1256.txt"))
    assert "افتتحت البلدية يوم الأحد حديقة عامة جديدة" in doc.text


def test_utf16_with_bom_decodes_and_keeps_header_date() -> None:
    doc = only_doc(str(DATA / "utf16_bom.txt"))
    assert doc.text.startswith("Die Stadtverwaltung hat am Samstag")
    assert doc.published.label() == "2026-01-24"
    assert doc.published.source == "header"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2025-12-20 Le port a rouvert samedi.\n")
    doc = only_doc(str(path))
    assert doc.text == "Le port a rouvert samedi."
    assert doc.published.label() == "2025-12-20"


def test_declared_charset_that_lies_is_ignored() -> None:
    data = "<meta charset='utf-8'><p>Café déjà fermé.</p>".encode("latin-1")
    assert "Café déjà fermé" in decode(data, "x", "utf-8")


def test_undecodable_bytes_raise_e004_or_decode() -> None:
    # Detection may find some encoding for any bytes; it must never raise anything else.
    try:
        decode(bytes(range(128, 256)) * 4, "x")
    except InputError as exc:
        assert exc.code is Code.E004


@pytest.mark.parametrize(
    ("name", "code", "reason"),
    [
        ("empty.txt", Code.E002, ""),
        ("binary.bin", Code.E003, "NUL bytes"),
        ("report.pdf", Code.E003, "PDF document"),
        ("image.png", Code.E003, "PNG image"),
    ],
)
def test_bad_files_give_one_error(name: str, code: Code, reason: str) -> None:
    docs, errors = collect(str(DATA / name))
    assert docs == []
    assert len(errors) == 1
    assert errors[0].code is code
    assert errors[0].detail == reason
    assert name in str(errors[0])


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n  \n\t\n")
    assert [e.code for e in collect(str(path))[1]] == [Code.E002]


def test_missing_file_is_e001(tmp_path: Path) -> None:
    docs, errors = collect(str(tmp_path / "nope.txt"))
    assert docs == [] and [e.code for e in errors] == [Code.E001]


def test_large_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("The committee met again on Tuesday to discuss the budget. " * 20 + "\n").encode()
    with path.open("wb") as handle:
        for _ in range(60_000_000 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 60_000_000
    docs, errors = collect(str(path))
    assert docs == [] and [e.code for e in errors] == [Code.E005]
    assert "50,000,000" in str(errors[0])
    small = tmp_path / "small.txt"
    small.write_bytes(line * 100)
    docs, errors = collect(str(small), max_bytes=10_000)
    assert docs == [] and [e.code for e in errors] == [Code.E005]
    assert len(collect(str(small), max_bytes=1_000_000)[0]) == 1


def test_large_jsonl_streams_under_a_small_cap(tmp_path: Path) -> None:
    """A JSON Lines file far over the cap is still read, record by record: it is never loaded whole."""
    path = tmp_path / "big.jsonl"
    body = "The port reopened after the storm, officials said. " * 60
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 60_000_000:
            count += 1
            handle.write(json.dumps({"url": f"https://x.example/{count}", "title": "T", "text": body}) + "\n")
    seen = 0
    for item in __import__("newstrace.ingest.sources", fromlist=["iter_raw"]).iter_raw(str(path), max_bytes=1_000_000):
        assert not isinstance(item, InputError)
        seen += 1
        if seen in (1, count):
            assert parse(item).url == f"https://x.example/{seen}"
    assert seen == count


def test_jsonl_line_over_cap_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    good = json.dumps({"url": "https://x.example/1", "text": "Short text here."})
    huge = json.dumps({"url": "https://x.example/2", "text": "word " * 5000})
    path.write_text(f"{good}\n{huge}\n{good}\n")
    docs, errors = collect(str(path), max_bytes=2_000)
    assert len(docs) == 2
    assert [str(e).split(": E")[0].rsplit(": ", 1)[1] for e in errors] == ["line 2"]
    assert errors[0].code is Code.E005


def test_utf8_page_labelled_latin1_is_read_as_utf8() -> None:
    data = "<meta charset='iso-8859-1'><p>Déjà vu à Gaziantep.</p>".encode()
    assert "Déjà vu à Gaziantep" in decode(data, "x", "iso-8859-1")


def test_declared_utf16_without_mark_is_ignored() -> None:
    data = "<meta charset='utf-16'><p>Café fermé.</p>".encode("latin-1")
    assert "Café fermé" in decode(data, "x", "utf-16")
