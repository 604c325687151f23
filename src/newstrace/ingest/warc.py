"""WARC and WARC.gz (CC-NEWS): each HTML response record, streamed one at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newstrace.errors import Code, InputError
from newstrace.ingest.item import HTML, Item

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its stderr notice on misplaced record boundaries: newstrace reports them as E012."""

    INC_RECORD = ""


def _captured(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = b"\nWARC/1."
_SCAN = 1 << 20


def _next_start(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """Offset of the first record boundary after `after`: the next gzip member, or a WARC version
    line; None when there is none. CC-NEWS compresses each record on its own, so a damaged record
    costs that record only."""
    marker = _GZIP_MEMBER if gzipped else _WARC_START
    position = after + 1
    handle.seek(position)
    carry = b""
    while chunk := handle.read(_SCAN):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return position - len(carry) + found + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        position += len(chunk)
    return None


def iter_warc(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Item | InputError]:
    """Every 2xx HTML response record as an HTML item with its target URI and capture date.

    Other records (requests, metadata, redirects, images) are skipped silently.
    A broken record is reported with E012 naming its number and byte offset, and
    reading resumes at the next record boundary after it (the next gzip member in a
    WARC.gz, the next `WARC/1.` line in a plain WARC).
    """
    handle.seek(0)
    gzipped = handle.read(3) == _GZIP_MEMBER
    state = {"number": 0, "found": 0, "broken": 0}
    start: int | None = 0
    while start is not None:
        handle.seek(start)
        records = _QuietArchiveIterator(handle, arc2warc=True)
        at = start
        try:
            for item in _records(records, source, max_bytes, state):
                if item is None:  # a record without a WARC-Type: the stream is lost from here
                    raise ValueError("no WARC-Type header")
                yield item
                at = records.offset
            break
        except Exception as exc:  # warcio raises many types on corrupt input; all mean "broken record"
            at = max(at, records.offset)
            state["broken"] += 1
            start = _next_start(handle, at, gzipped)
            reason = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}" if str(exc) else type(exc).__name__
            after = f"skipped to the next record at offset {start}" if start is not None else "nothing readable after it"
            yield InputError(source, Code.E012, f"record {state['number'] + 1} at offset {at}: {reason}; {after}")
            state["number"] += 1
    if state["number"] == 0:
        yield InputError(source, Code.E012, "no records")
    elif state["found"] == 0 and state["number"] > state["broken"]:
        yield InputError(source, Code.E011, f"no HTML response among {state['number']} records")


def _records(records: ArchiveIterator, source: str, max_bytes: int, state: dict) -> Iterator[Item | InputError | None]:
    misplaced = 0
    for record in records:
        state["number"] += 1
        number = state["number"]
        if records.err_count > misplaced:
            misplaced = records.err_count
            yield InputError(source, Code.E012, f"record {number - 1}: length does not match its Content-Length")
        if not record.rec_type:
            state["number"] -= 1
            yield None
            return
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        status = record.http_headers.get_statuscode() or ""
        if not content_type.startswith(_HTML_TYPES) or not status.startswith("2"):
            continue
        where = f"{source}: record {number}"
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            yield InputError(where, Code.E005, f"record over {max_bytes:,} bytes")
            continue
        if not body.strip():
            yield InputError(where, Code.E002, "empty response body")
            continue
        headers = record.rec_headers
        state["found"] += 1
        yield Item(
            body, HTML, f"record {number}",
            url=headers.get_header("WARC-Target-URI"),
            captured_at=_captured(headers.get_header("WARC-Date")),
        )
