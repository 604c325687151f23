"""Plain text as crawlers save it, the crawler date header, and the seeds."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newstrace.errors import Code, InputError
from newstrace.ingest.parse import header_date, parse
from newstrace.model import Origin, RawDocument

from .helpers import collect


def _raw(content: bytes, media_type: str = "text/plain", outlet: str | None = None) -> RawDocument:
    return RawDocument("file:///x.txt", content, media_type, datetime(2026, 1, 1, tzinfo=timezone.utc), Origin("x.txt", "x.txt", outlet=outlet))


def test_header_with_month() -> None:
    doc = parse(_raw(b" date 2025-06 Le chef a rencontr\xc3\xa9 vendredi des responsables.\n\nSecond paragraphe.\n"))
    assert doc.text == "Le chef a rencontré vendredi des responsables.\n\nSecond paragraphe."
    assert (doc.published.precision, doc.published.source, doc.published.label()) == ("month", "header", "2025-06")
    assert doc.published.evidence == "date 2025-06"
    assert doc.title_in_text is True


def test_header_with_day_and_crlf() -> None:
    doc = parse(_raw(b" date 2025-12-20 First sentence.\r\n\r\nSecond.\r\n"))
    assert doc.published.label() == "2025-12-20" and doc.published.precision == "day"
    assert doc.text == "First sentence.\n\nSecond."


def test_no_header_means_unknown_date() -> None:
    doc = parse(_raw(b"A title line\n\nThe dated 2025-06 report said nothing about the date header.\n"))
    assert not doc.published.known and doc.published.source == "none"
    assert doc.text.startswith("A title line")


@pytest.mark.parametrize("line", [" date 2025-13 Text.", " date 2025-02-30 Text."])
def test_invalid_header_date_is_unknown_and_removed(line: str) -> None:
    value, rest = header_date(line)
    assert not value.known and rest == "Text."


def test_header_word_must_be_followed_by_a_date() -> None:
    value, rest = header_date("date night plans were cancelled.")
    assert not value.known and rest == "date night plans were cancelled."


def test_outlet_override_applies_to_text() -> None:
    assert parse(_raw(b"Some text.", outlet="Wire")).outlet == "Wire"


def test_header_only_is_e011() -> None:
    with pytest.raises(InputError) as caught:
        parse(_raw(b" date 2025-06 "))
    assert caught.value.code is Code.E011


def test_unknown_media_type_is_e010() -> None:
    with pytest.raises(InputError) as caught:
        parse(_raw(b"x", media_type="application/pdf"))
    assert caught.value.code is Code.E010


@pytest.mark.seeds
def test_seeds_are_plain_text(seeds_dir: Path) -> None:
    docs, errors = collect(str(seeds_dir))
    assert not errors
    assert len(docs) == 5
    assert all(d.media_type == "text/plain" for d in docs)
    assert [d.origin.file[:3] for d in docs] == ["000", "001", "002", "003", "004"]
    parsed = [parse(d) for d in docs]
    assert all(p.title_in_text and p.text.strip() for p in parsed)
    first = parsed[0]
    assert (first.published.label(), first.published.precision, first.published.source) == ("2025-06", "month", "header")
    assert not first.text.startswith((" date", "date"))
    assert all(not p.published.known for p in parsed[1:])
