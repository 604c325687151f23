"""Fuzzing every reader and parser: nothing but InputError ever escapes."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import InputError
from newstrace.ingest.detect import detect
from newstrace.ingest.parse import parse
from newstrace.ingest.stamps import parse_stamp
from newstrace.model import DateValue, ExtractedDocument, Origin, RawDocument

from .helpers import DATA, read_all

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("a.txt", "a.html", "a.json", "a.jsonl", "a.xml", "a.rss", "a.warc", "a.warc.gz", "a.bin", "a")
MEDIA = ("text/plain", "text/html", "application/x-article+json")


def _warc_bytes(gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://x.example/a", "response", payload=io.BytesIO((DATA / "news_page.html").read_bytes()),
        http_headers=headers, warc_headers_dict={"WARC-Date": "2026-02-10T10:15:00Z"},
    ))
    return out.getvalue()


REAL = {
    name: (DATA / name).read_bytes()
    for name in ("news_page.html", "broken.html", "rss20.xml", "rss10.rdf", "atom.xml", "newsplease.jsonl",
                 "plain.json", "latin1.txt", "cp1256.txt", "utf16_bom.txt", "page_saved_as.txt")
}
REAL["capture.warc"] = _warc_bytes(False)
REAL["capture.warc.gz"] = _warc_bytes(True)


def _check(results: list) -> None:
    for result in results:
        assert isinstance(result, (ExtractedDocument, InputError))
        if isinstance(result, ExtractedDocument):
            assert result.text.strip()


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES))
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _check(read_all(data, name, max_bytes=100_000))


@FUZZ
@given(text=st.text(max_size=2000), name=st.sampled_from(NAMES))
def test_arbitrary_unicode(text: str, name: str) -> None:
    _check(read_all(text.encode("utf-8", errors="surrogatepass"), name))


@FUZZ
@given(name=st.sampled_from(sorted(REAL)), cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncations_of_real_inputs(name: str, cut: float) -> None:
    data = REAL[name]
    _check(read_all(data[: int(len(data) * cut)], name))


@FUZZ
@given(name=st.sampled_from(sorted(REAL)), position=st.floats(min_value=0.0, max_value=1.0), junk=st.binary(min_size=1, max_size=40))
def test_corruptions_of_real_inputs(name: str, position: float, junk: bytes) -> None:
    data = REAL[name]
    at = int(len(data) * position)
    _check(read_all(data[:at] + junk + data[at + len(junk):], name))


@FUZZ
@given(content=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       media_type=st.sampled_from(MEDIA))
def test_parse_any_raw_document(content: bytes, media_type: str) -> None:
    raw = RawDocument("u", content, media_type, datetime(2026, 1, 1, tzinfo=timezone.utc), Origin("s"))
    try:
        doc = parse(raw)
    except InputError:
        return
    assert isinstance(doc, ExtractedDocument)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)
KEYS = st.sampled_from(("url", "link", "title", "text", "maintext", "html", "description", "published",
                        "date_publish", "language", "authors", "author", "outlet", "source_domain"))


@FUZZ
@given(record=st.dictionaries(KEYS, JSON_VALUES, max_size=8))
def test_records_with_any_field_values(record: dict) -> None:
    data = json.dumps(record).encode()
    _check(read_all(data, "r.json"))
    _check(read_all(data + b"\n" + data + b"\n", "r.jsonl"))


@FUZZ
@given(value=st.one_of(st.text(max_size=80), st.integers(), st.floats(), JSON_VALUES))
def test_stamps_never_raise(value) -> None:
    assert isinstance(parse_stamp(value), DateValue)


@FUZZ
@given(head=st.binary(max_size=500), name=st.text(max_size=20))
def test_detect_never_raises(head: bytes, name: str) -> None:
    detect(head, name)
