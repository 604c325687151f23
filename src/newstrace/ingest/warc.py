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


def iter_warc(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Item | InputError]:
    """Every 2xx HTML response record as an HTML item with its target URI and capture date.

    Other records (requests, metadata, redirects, images) are skipped silently.
    A broken record ends the file with E012 naming it: the stream cannot be
    resynchronised after it.
    """
    number = found = misplaced = 0
    try:
        records = _QuietArchiveIterator(handle, arc2warc=True)
        for record in records:
            number += 1
            if records.err_count > misplaced:
                misplaced = records.err_count
                yield InputError(source, Code.E012, f"record {number - 1}: length does not match its Content-Length")
            if not record.rec_type:
                yield InputError(source, Code.E012, f"record {number}: no WARC-Type header")
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
            found += 1
            yield Item(
                body, HTML, f"record {number}",
                url=headers.get_header("WARC-Target-URI"),
                captured_at=_captured(headers.get_header("WARC-Date")),
            )
    except InputError:
        raise
    except Exception as exc:  # warcio raises many types on corrupt input; all mean "broken record"
        detail = f"record {number + 1}: {type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
        yield InputError(source, Code.E012, detail.rstrip(": "))
        return
    if number == 0:
        yield InputError(source, Code.E012, "no records")
    elif found == 0:
        yield InputError(source, Code.E011, f"no HTML response among {number} records")
