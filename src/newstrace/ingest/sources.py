"""What a user names (file, directory, glob, URL) turned lazily into RawDocuments."""

from __future__ import annotations

import glob
import io
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newstrace.errors import Code, InputError
from newstrace.ingest.detect import HEAD_SIZE, Kind, detect
from newstrace.ingest.files import open_checked, read_capped
from newstrace.ingest.item import HTML, TEXT, Item
from newstrace.ingest.jsonl import iter_json
from newstrace.model import Origin, RawDocument

# The readers of URLs (httpx), feeds (feedparser) and WARC files (warcio) load when an input
# needs them: ingesting a text file does without.
if TYPE_CHECKING:
    import httpx

# Notes that live beside corpora (e.g. the seeds' gold analysis) are not articles.
SKIPPED_NAMES = frozenset({"EXPECTED.md", "README.md"})
_GLOB_CHARS = frozenset("*?[")


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _walk(root: Path) -> Iterator[Path]:
    """Files under a directory, sorted, skipping hidden ones and corpus notes."""
    try:
        paths = sorted(root.rglob("*"))
    except OSError:
        paths = []
    for path in paths:
        parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in parts) or path.name in SKIPPED_NAMES:
            continue
        if path.is_file():
            yield path


def iter_raw(
    target: str,
    *,
    outlet: str | None = None,
    max_bytes: int = 50_000_000,
    client: httpx.Client | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every document `target` holds, lazily, or an InputError for each part that fails.

    `target` is a file, a directory (recursive, sorted, hidden files and
    EXPECTED.md/README.md skipped), a glob, or an http(s) URL. `outlet`
    overrides the outlet of everything read. `max_bytes` caps a file read
    whole (text, HTML, JSON, feed) and each record of a streamed JSON Lines or
    WARC file; `client` is an httpx.Client for URLs (default: web.new_client()).
    Nothing raises: failures are yielded and the iteration goes on.
    """
    if not target.strip():
        yield InputError(repr(target), Code.E001, "empty path")
        return
    if _is_url(target):
        from newstrace.ingest import web

        yield from _iter_url(target, outlet, client, min(max_bytes, web.MAX_BYTES))
        return
    path = Path(target).expanduser()
    if path.is_dir():
        for child in _walk(path):
            # Named relative to the directory given, so fr/03.txt and en/03.txt stay two articles.
            name = child.relative_to(path).as_posix()
            yield from iter_file(child, outlet=outlet, max_bytes=max_bytes, name=name)
        return
    if path.exists() or not _GLOB_CHARS & set(target):
        yield from iter_file(path, outlet=outlet, max_bytes=max_bytes)
        return
    matches = sorted(glob.glob(str(path), recursive=True))
    files = [Path(match) for match in matches if Path(match).is_file()]
    if not files:
        yield InputError(target, Code.E001, "no file matches")
    base = _glob_root(target)
    for match in files:
        yield from iter_file(match, outlet=outlet, max_bytes=max_bytes, name=_relative_name(match, base))


def _glob_root(pattern: str) -> Path:
    """The directory a glob starts from: its parts before the first wildcard."""
    fixed = []
    for part in Path(pattern).expanduser().parts[:-1]:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _relative_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def iter_file(
    path: Path, *, outlet: str | None = None, max_bytes: int = 50_000_000, name: str | None = None
) -> Iterator[RawDocument | InputError]:
    """The documents of one local file (see iter_raw); `name` is how the file is known (default: its base name)."""
    source = str(path)
    try:
        handle = open_checked(path, source)
    except InputError as exc:
        yield exc
        return
    with handle:
        origin = Origin(source=source, file=name or path.name, outlet=outlet)
        try:
            yield from _iter_stream(handle, source, path.name, origin, max_bytes, path.resolve().as_uri())
        except OSError as exc:
            # The file vanished or the disk failed mid-read: report it, the batch goes on.
            yield InputError(source, Code.E001, f"read failed: {exc.strerror or type(exc).__name__}")


def iter_bytes(
    data: bytes, name: str, *, source: str | None = None, outlet: str | None = None,
    max_bytes: int = 50_000_000, url: str | None = None,
) -> Iterator[RawDocument | InputError]:
    """The documents held by bytes already in memory, `name` standing for a file name."""
    source = source or name
    if not data:
        yield InputError(source, Code.E002)
        return
    origin = Origin(source=source, file=None if url else name, url=url, outlet=outlet)
    yield from _iter_stream(io.BytesIO(data), source, name, origin, max_bytes, url or name)


def _iter_url(url: str, outlet: str | None, client: httpx.Client | None, max_bytes: int) -> Iterator[RawDocument | InputError]:
    from newstrace.ingest import web

    try:
        page = web.fetch(url, client, max_bytes)
    except InputError as exc:
        yield exc
        return
    name = page.final_url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    yield from iter_bytes(page.content, name, source=url, outlet=outlet, max_bytes=max_bytes, url=page.final_url)


def _iter_stream(
    handle: BinaryIO, source: str, name: str, origin: Origin, max_bytes: int, uri: str,
) -> Iterator[RawDocument | InputError]:
    """Detect the format of an open input and run its reader."""
    head = handle.read(HEAD_SIZE)
    handle.seek(0)
    if not head.strip():
        yield InputError(source, Code.E002)
        return
    kind, reason = detect(head, name)
    fetched_at = datetime.now(timezone.utc)
    if kind is Kind.BINARY:
        code = Code.E010 if origin.url else Code.E003
        yield InputError(source, code, reason)
        return
    if kind is Kind.TABLE:
        yield InputError(source, Code.E011, reason)
        return
    if kind in (Kind.WARC, Kind.JSON):
        reader = iter_json
        if kind is Kind.WARC:
            from newstrace.ingest.warc import iter_warc as reader
        for item in reader(handle, source, max_bytes):
            yield item if isinstance(item, InputError) else _raw(item, origin, uri, fetched_at)
        return
    try:
        data = read_capped(handle, source, max_bytes)
    except InputError as exc:
        yield exc
        return
    if kind is Kind.FEED:
        from newstrace.ingest.feeds import iter_feed

        try:
            for item in iter_feed(data, source):
                yield item if isinstance(item, InputError) else _raw(item, origin, uri, fetched_at)
        except InputError as exc:
            yield exc
        return
    media_type = HTML if kind is Kind.HTML else TEXT
    yield _raw(Item(data, media_type), origin, uri, fetched_at)


def _raw(item: Item, origin: Origin, uri: str, fetched_at: datetime) -> RawDocument:
    """A RawDocument for an item; its uri is the article URL when known, else the input plus locator."""
    if item.url:
        doc_uri = item.url
    elif item.locator:
        doc_uri = f"{uri}#{item.locator.replace(', ', '/').replace(' ', '-')}"
    else:
        doc_uri = uri
    item_origin = Origin(
        source=origin.source, file=origin.file, url=item.url or origin.url,
        locator=item.locator, outlet=origin.outlet, captured_at=item.captured_at,
    )
    return RawDocument(doc_uri, item.content, item.media_type, fetched_at, item_origin)
