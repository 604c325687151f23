"""Shared helpers of the ingest tests: fixture paths and reading everything an input holds."""

from __future__ import annotations

from pathlib import Path

from newstrace.errors import InputError
from newstrace.ingest.parse import parse
from newstrace.ingest.sources import iter_bytes, iter_raw
from newstrace.model import ExtractedDocument, RawDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def collect(target: str, **options) -> tuple[list[RawDocument], list[InputError]]:
    """Every raw document and error iter_raw yields for a target."""
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_raw(target, **options):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def read_all(data: bytes, name: str, **options) -> list[ExtractedDocument | InputError]:
    """Detect, read and parse bytes as iter_bytes + parse would; InputErrors become values."""
    results: list[ExtractedDocument | InputError] = []
    for item in iter_bytes(data, name, **options):
        if isinstance(item, InputError):
            results.append(item)
            continue
        try:
            results.append(parse(item))
        except InputError as exc:
            results.append(exc)
    return results


def only_doc(target: str, **options) -> ExtractedDocument:
    """The single document a target holds, parsed."""
    docs, errors = collect(target, **options)
    assert not errors, errors
    assert len(docs) == 1, docs
    return parse(docs[0])
