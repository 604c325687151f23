"""Format detection of an input from its first bytes and its name, content first."""

from __future__ import annotations

import re
import zlib
from enum import Enum

HEAD_SIZE = 65_536

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Leading bytes of formats that are never article text.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "rar archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "executable"),
    (b"OggS", "audio"),
    (b"ID3", "audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "office document"),
    (b"{\\rtf", "RTF document"),
)

# Control characters that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_FEED_NAMES = (".rss", ".atom", ".xml", ".rdf")
_JSON_NAMES = (".json", ".jsonl", ".ndjson", ".jsonlines")
_WARC_NAMES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|rdf:RDF|RDF)[\s>/]", re.I)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|span|a|br|meta|title|article|section|h[1-6]|script|link|li|ul|img|table)[\s>/]", re.I)
_XML_PROLOG = re.compile(r"^\s*<\?xml\b", re.I)
# "[Update] ..." is prose; '[{' or '{"' opens JSON.
_JSON_START = re.compile(r'(?:\{\s*(?:"|\}|$)|\[\s*(?:[\[{"\]]|$))')
_LEADING_NOISE = re.compile(r"^(?:\s|<!--.*?-->|<\?xml[^>]*\?>|<\?xml-stylesheet[^>]*>|<!doctype\s+(?!html)[^>]*>)*", re.S | re.I)


class Kind(str, Enum):
    """What an input is, as far as choosing a reader goes."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"
    FEED = "feed"
    WARC = "warc"
    TABLE = "table"
    BINARY = "binary"


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark declares, and the mark's length."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name, len(mark)
    return None, 0


def bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a mark: ASCII text puts a NUL in every other byte."""
    sample = head[:400]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def binary_reason(head: bytes) -> str | None:
    """Why these leading bytes are not text, or None when they may be text."""
    if bom_encoding(head)[0] or bomless_utf16(head):
        return None
    for magic, label in _MAGIC:
        if head.startswith(magic):
            return label
    if head.startswith(b"\x1f\x8b"):
        return "gzip archive"
    if b"\x00" in head:
        return "NUL bytes"
    sample = head[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls > 0.05 * len(sample):
        return "control bytes"
    return None


def gunzip_head(head: bytes) -> bytes:
    """The start of a gzip stream, decompressed as far as the head allows."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def sniff_text(head: bytes) -> str:
    """The head decoded well enough to look for markers (never fails)."""
    encoding, skip = bom_encoding(head)
    encoding = encoding or bomless_utf16(head)
    if encoding:
        # An odd byte count cuts a UTF-16 unit in half; ignore the remainder.
        return head[skip:].decode(encoding, errors="ignore")
    return head.decode("latin-1")


def looks_like_html(text: str) -> bool:
    """Whether a decoded text is markup rather than prose."""
    start = _LEADING_NOISE.sub("", text[:4096], count=1)
    if _HTML_ROOT.match(start) or _HTML_ROOT.search(text[:4096]):
        return True
    return bool(_HTML_TAG.match(start)) or (start.startswith("<") and len(_HTML_TAG.findall(text[:8192])) >= 2)


def looks_like_table(text: str) -> bool:
    """Whether a decoded text is rows of tab-separated columns (a crawl's manifest, a
    spreadsheet export): every line of its head holds the same number of tabs, one or more."""
    lines = [line for line in text[:8192].splitlines() if line.strip()]
    if len(text) > 8192 and len(lines) > 1:
        lines = lines[:-1]  # the head may cut the last row short
    if len(lines) < 3:
        return False
    columns = {line.count("\t") for line in lines}
    return len(columns) == 1 and columns.pop() > 0


def detect(head: bytes, name: str = "") -> tuple[Kind, str]:
    """Kind of an input from its first bytes (up to HEAD_SIZE) and its name.

    Content decides; the name only breaks ties (a `.xml` file that is neither
    feed nor HTML is reported as a failed feed, a `.json` one as failed JSON).
    Returns the kind and, for BINARY and TABLE, the reason.
    """
    lower = name.lower()
    if head.startswith(b"\x1f\x8b"):
        if gunzip_head(head).startswith((b"WARC/", b"filedesc://")):
            return Kind.WARC, ""
        return Kind.BINARY, "gzip archive"
    if head.startswith(b"WARC/"):
        return Kind.WARC, ""
    reason = binary_reason(head)
    if reason:
        return Kind.BINARY, reason
    text = sniff_text(head)
    start = _LEADING_NOISE.sub("", text[:4096], count=1).lstrip("\ufeff \t\r\n")
    if _JSON_START.match(start):
        return Kind.JSON, ""
    if _FEED_ROOT.match(start):
        return Kind.FEED, ""
    if not _HTML_ROOT.match(start) and _XML_PROLOG.match(text) and _FEED_ROOT.search(text[:4096]):
        return Kind.FEED, ""
    if looks_like_html(text):
        return Kind.HTML, ""
    if lower.endswith(_WARC_NAMES):
        return Kind.WARC, ""
    if lower.endswith(_JSON_NAMES):
        return Kind.JSON, ""
    if lower.endswith(_FEED_NAMES) or _XML_PROLOG.match(text):
        return Kind.FEED, ""
    if looks_like_table(text):
        return Kind.TABLE, "rows of tab-separated columns, not an article"
    return Kind.TEXT, ""
