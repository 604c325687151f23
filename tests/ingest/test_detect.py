"""Format detection: content first, the name only as a tie-breaker."""

from __future__ import annotations

import gzip

import pytest

from newstrace.ingest.detect import Kind, detect

from .helpers import DATA


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("news_page.html", Kind.HTML),
        ("broken.html", Kind.HTML),
        ("page_saved_as.txt", Kind.HTML),
        ("feed_saved_as.html", Kind.FEED),
        ("rss20.xml", Kind.FEED),
        ("rss10.rdf", Kind.FEED),
        ("atom.xml", Kind.FEED),
        ("newsplease.jsonl", Kind.JSON),
        ("plain.json", Kind.JSON),
        ("latin1.txt", Kind.TEXT),
        ("cp1256.txt", Kind.TEXT),
        ("utf16_bom.txt", Kind.TEXT),
        ("not_a_feed.xml", Kind.FEED),
        ("binary.bin", Kind.BINARY),
        ("report.pdf", Kind.BINARY),
        ("image.png", Kind.BINARY),
    ],
)
def test_fixture_kinds(name: str, kind: Kind) -> None:
    assert detect((DATA / name).read_bytes(), name)[0] is kind


def test_binary_reasons() -> None:
    assert detect(b"%PDF-1.7\n...", "a.txt") == (Kind.BINARY, "PDF document")
    assert detect(b"PK\x03\x04rest", "a.html") == (Kind.BINARY, "zip archive")
    assert detect(b"text with a \x00 NUL", "a.txt") == (Kind.BINARY, "NUL bytes")
    assert detect(gzip.compress(b"hello"), "a.gz") == (Kind.BINARY, "gzip archive")


def test_warc_by_content() -> None:
    assert detect(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.bin")[0] is Kind.WARC
    assert detect(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), "x")[0] is Kind.WARC


def test_prose_is_not_json_or_html() -> None:
    assert detect(b"[Update] The council met on Monday.", "a.txt")[0] is Kind.TEXT
    assert detect(b"Prices rose 3% < 5% expected.", "a.txt")[0] is Kind.TEXT
    assert detect(b'{"url": "x"}', "a.txt")[0] is Kind.JSON
    assert detect(b"not json at all", "a.json")[0] is Kind.JSON


def test_utf16_without_mark_is_text() -> None:
    assert detect("Plain words in UTF-16.".encode("utf-16-le"), "a.txt")[0] is Kind.TEXT


def test_feed_with_doctype_and_stylesheet() -> None:
    head = b'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="s.xsl"?>\n<!DOCTYPE rss PUBLIC "-//x//EN" "x.dtd">\n<rss version="0.91"><channel></channel></rss>'
    assert detect(head, "feed")[0] is Kind.FEED


def test_xhtml_with_prolog_is_html() -> None:
    head = b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="alternate" type="application/rss+xml" href="/feed"/></head><body><p>x</p></body></html>'
    assert detect(head, "page.xml")[0] is Kind.HTML


def test_tab_separated_rows_are_a_table_not_an_article() -> None:
    manifest = "file\tlang\turl\n001.txt\tde\thttps://example.org/a\n002.txt\tfr\thttps://example.org/b\n"
    assert detect(manifest.encode(), "sources.tsv") == (Kind.TABLE, "rows of tab-separated columns, not an article")
    assert detect(manifest.encode(), "notes.txt")[0] is Kind.TABLE


def test_prose_with_some_tabs_is_text() -> None:
    article = "Berlin\tThe minister met her counterpart on Monday.\nShe said talks would go on.\nNo date was set.\n"
    assert detect(article.encode(), "a.txt")[0] is Kind.TEXT
    assert detect(b"one\ttwo\nthree\tfour\n", "a.txt")[0] is Kind.TEXT  # two rows tell nothing yet
