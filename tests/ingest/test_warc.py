"""WARC and WARC.gz built here with warcio's writer: HTML responses only, streamed."""

from __future__ import annotations

import io
import itertools
from datetime import datetime, timezone
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import Code
from newstrace.ingest.parse import parse

from .helpers import DATA, collect, read_all


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK", when: str = "2026-02-10T10:15:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": when},
    )


def build_warc(path: Path, gzip: bool) -> list[int]:
    """A small capture: warcinfo, request, an article, an image, a 404 page and a second article.
    Returns the offset each record starts at (with gzip, its own member's)."""
    page = (DATA / "news_page.html").read_bytes()
    other = b"<html><body><article><p>" + b"Second captured article text, long enough to be kept. " * 6 + b"</p></article></body></html>"
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        # Fixed record ids and dates: the same capture, byte for byte, on every run (warcio draws
        # ids at random, and a damaged member's garbage then differs from run to run).
        numbers = itertools.count(1)
        writer._make_warc_id = lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(numbers):012d}>"
        writer._make_warc_date = lambda use_micros=False: "2026-02-10T10:00:00Z"
        request = StatusAndHeaders("GET /news/ferry-link HTTP/1.1", [("Host", "coastalledger.example")], is_http_request=True)
        records = [
            writer.create_warcinfo_record(path.name, {"software": "test"}),
            writer.create_warc_record("https://coastalledger.example/news/ferry-link", "request", payload=io.BytesIO(b""), http_headers=request),
            _response(writer, "https://coastalledger.example/news/ferry-link", page, "text/html; charset=utf-8"),
            _response(writer, "https://coastalledger.example/logo.png", b"\x89PNG....", "image/png"),
            _response(writer, "https://coastalledger.example/gone", b"<html><p>Not found</p></html>", "text/html", "404 Not Found"),
            _response(writer, "https://coastalledger.example/news/second", other, "text/html", when="2026-02-11T08:00:00Z"),
        ]
        for record in records:
            offsets.append(handle.tell())
            writer.write_record(record)
    return offsets


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("capture.warc.gz" if gzip else "capture.warc")
    build_warc(path, gzip)
    docs, errors = collect(str(path))
    assert not errors
    assert [d.uri for d in docs] == ["https://coastalledger.example/news/ferry-link", "https://coastalledger.example/news/second"]
    assert [d.origin.locator for d in docs] == ["record 3", "record 6"]
    assert all(d.media_type == "text/html" and d.origin.file == path.name for d in docs)
    assert docs[0].origin.captured_at == datetime(2026, 2, 10, 10, 15, tzinfo=timezone.utc)
    first = parse(docs[0])
    assert first.title == "Harbour authority approves new ferry link"
    assert first.url == "https://coastalledger.example/news/ferry-link"
    assert first.published.label() == "2026-02-10"
    assert parse(docs[1]).text.startswith("Second captured article text")


def test_truncated_warc_keeps_what_was_captured(tmp_path: Path) -> None:
    path = tmp_path / "capture.warc"
    build_warc(path, gzip=False)
    data = path.read_bytes()
    cut = data[: data.index(b"Second captured") + 10]
    results = read_all(cut, "cut.warc")
    # The last record lost its end: what was captured of it is still read, nothing raises.
    assert results[0].title == "Harbour authority approves new ferry link"
    assert results[1].text.startswith("Second cap")


def test_garbage_after_warc_magic_is_e012() -> None:
    [error] = read_all(b"WARC/1.0\r\nthis is not a header block\r\n\r\n\x00\x01", "bad.warc")
    assert error.code is Code.E012
    assert "record 1" in error.detail


def test_warc_without_html_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(_response(writer, "https://x.example/a.png", b"\x89PNG", "image/png"))
    docs, errors = collect(str(path))
    assert docs == [] and [e.code for e in errors] == [Code.E011]


def test_truncated_gzip_warc(tmp_path: Path) -> None:
    path = tmp_path / "capture.warc.gz"
    build_warc(path, gzip=True)
    data = path.read_bytes()
    results = read_all(data[: len(data) - 40], "cut.warc.gz")
    assert any(hasattr(r, "text") for r in results)
    assert all(hasattr(r, "text") or r.code in (Code.E012, Code.E011) for r in results)


def test_record_shorter_than_declared_is_e012_quietly(tmp_path: Path, capsys) -> None:
    path = tmp_path / "capture.warc"
    build_warc(path, gzip=False)
    data = path.read_bytes()
    at = data.index(b"The regional harbour authority")
    results = read_all(data[:at] + data[at + 20:], "short.warc")
    errors = [r for r in results if not hasattr(r, "text")]
    assert errors and errors[-1].code is Code.E012 and "record" in errors[-1].detail
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("gzip", [False, True])
def test_a_corrupt_record_is_skipped_with_its_offset_and_the_records_after_it_are_read(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("capture.warc.gz" if gzip else "capture.warc")
    offsets = build_warc(path, gzip)
    data = bytearray(path.read_bytes())
    if gzip:
        # Damage the deflate stream of the first article's gzip member (CC-NEWS: one member per record).
        # Its first block gets the reserved block type, which no inflater accepts: random bytes would
        # sometimes still inflate to garbage, and the record ids warcio draws make them differ per run.
        # The member is found by where it was written: the gzip magic may also occur inside a member.
        member = offsets[2]
        assert data[member:member + 3] == b"\x1f\x8b\x08" and data[member + 3] == 0  # a 10-byte header
        data[member + 10] = 0b111
        damaged = member
    else:
        # Break the first article's header block: its WARC version line becomes garbage.
        damaged = data.rindex(b"WARC/1", 0, data.index(b"WARC-Type: response"))
        data[damaged:damaged + 8] = b"XXXX/9.9"
    broken = tmp_path / ("broken.warc.gz" if gzip else "broken.warc")
    broken.write_bytes(bytes(data))
    docs, errors = collect(str(broken))
    assert [d.uri for d in docs] == ["https://coastalledger.example/news/second"]
    [error] = errors
    assert error.code is Code.E012 and str(broken) in str(error)
    assert f"offset {damaged}" in error.detail and "skipped to the next record at offset" in error.detail
