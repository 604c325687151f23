"""Article records from JSON: one object, an array of objects, or JSON Lines, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newstrace.errors import Code, InputError
from newstrace.ingest.detect import bom_encoding, bomless_utf16
from newstrace.ingest.files import decode, read_capped
from newstrace.ingest.item import ARTICLE_JSON, Item

_SKIP_CHUNK = 1 << 20


def record_url(record: dict[str, Any]) -> str | None:
    """The article URL a record names, if any."""
    for key in ("url", "link"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _item(value: Any, raw: bytes | None, locator: str | None, where: str) -> Item | InputError:
    if not isinstance(value, dict):
        return InputError(where, Code.E006, f"expected an object, found {type(value).__name__}")
    content = raw if raw is not None else json.dumps(value, ensure_ascii=False).encode("utf-8")
    return Item(content, ARTICLE_JSON, locator, record_url(value))


def _loads(data: bytes | str) -> Any:
    """json.loads, with every way it can fail turned into ValueError."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _values(value: Any, raw: bytes | None, locator: str | None, source: str) -> Iterator[Item | InputError]:
    """The records one parsed JSON value holds: itself, or each element of an array."""
    prefix = f"{locator}, " if locator else ""
    where = f"{source}: {locator}" if locator else source
    if isinstance(value, list):
        if not value:
            yield InputError(where, Code.E002, "empty JSON array")
        for index, element in enumerate(value, 1):
            loc = f"{prefix}item {index}"
            yield _item(element, None, loc, f"{source}: {loc}")
    else:
        yield _item(value, raw, locator, where)


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _iter_lines(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Item | InputError]:
    """JSON Lines: each line one record; a bad line is reported and skipped."""
    handle.seek(0)
    lineno = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        where = f"{source}: line {lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield InputError(where, Code.E005, f"line over {max_bytes:,} bytes")
            continue
        stripped = line.strip().lstrip(b"\xef\xbb\xbf").strip() if lineno == 1 else line.strip()
        if not stripped:
            continue
        try:
            text = stripped.decode("utf-8")
            raw: bytes | None = stripped
        except UnicodeDecodeError:
            try:
                text, raw = decode(stripped, where), None
            except InputError as exc:
                yield exc
                continue
        try:
            value = _loads(text)
        except ValueError as exc:
            yield InputError(where, Code.E006, describe(exc))
            continue
        yield from _values(value, raw, f"line {lineno}", source)


def _leading_lines(handle: BinaryIO, max_bytes: int, count: int = 2) -> list[bytes]:
    """The first `count` non-blank lines, stripped (each at most max_bytes + 1 long)."""
    handle.seek(0)
    lines: list[bytes] = []
    while len(lines) < count:
        line = handle.readline(max_bytes + 1)
        if not line:
            break
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
        line = line.strip().lstrip(b"\xef\xbb\xbf").strip()
        if line:
            lines.append(line)
    return lines


def _parses(line: bytes) -> bool:
    try:
        _loads(line)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


def iter_json(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[Item | InputError]:
    """Every record of a JSON or JSON Lines input, lazily.

    JSON Lines streams line by line whatever the file's size (either of the
    first two lines parsing alone marks it); a single JSON document (object
    or array, e.g. pretty-printed) is read whole, so it is held to `max_bytes`.
    """
    handle.seek(0)
    head = handle.read(400)
    # UTF-16 cannot be split on b"\n": such files are read whole.
    wide = (bom_encoding(head)[0] or "").startswith("utf-16") or bomless_utf16(head)
    if not wide and any(_parses(line) for line in _leading_lines(handle, max_bytes)):
        yield from _iter_lines(handle, source, max_bytes)
        return
    handle.seek(0)
    try:
        data = read_capped(handle, source, max_bytes)
        value = _loads(decode(data, source))
    except InputError as exc:
        yield exc
        return
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data":
            # JSON Lines in an encoding bytes cannot be split on (UTF-16): split the decoded text.
            yield from _iter_decoded_lines(decode(data, source), source)
        else:
            yield InputError(source, Code.E006, describe(exc))
        return
    yield from _values(value, None, None, source)


def _iter_decoded_lines(text: str, source: str) -> Iterator[Item | InputError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = _loads(line)
        except ValueError as exc:
            yield InputError(f"{source}: line {lineno}", Code.E006, describe(exc))
            continue
        yield from _values(value, None, f"line {lineno}", source)


def describe(exc: ValueError) -> str:
    """A JSON failure in a few words, with its position when known."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
