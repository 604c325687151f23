"""Polling watched sources (feeds, folders, files listing URLs) into the store, one log line per source.

Everything a poll learns is written to the store as it goes (store/watch.py): a feed's
validators, failures and next attempt; each folder file's size and mtime; each listed
URL once stored. A process killed at any point loses nothing: the next poll sends the
same conditional GET, skips what is stored, and finishes a pending resolution.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstrace import pipeline
from newstrace.context import Context
from newstrace.errors import Code, InputError
from newstrace.ingest import web
from newstrace.ingest.detect import HEAD_SIZE, Kind, detect
from newstrace.ingest.sources import iter_bytes, iter_file, iter_raw
from newstrace.model import WatchSource
from newstrace.store import Store

BACKOFF_BASE_S = 60
BACKOFF_MAX_S = 6 * 3600


@dataclass(frozen=True)
class PollLine:
    """What one poll did with one source: new, unchanged, waiting (backing off or files settling) or failed."""

    source: str
    outcome: str
    new: int = 0
    message: str = ""

    def __str__(self) -> str:
        head = f"new {self.new}" if self.outcome == "new" else self.outcome
        return f"{self.source}: {head}" + (f" ({self.message})" if self.message else "")


def kind_of(source: str) -> str:
    """"feed" for an http(s) URL, "folder" for a directory, else "list" (a file of URLs, one a line)."""
    if source.lower().startswith(("http://", "https://")):
        return "feed"
    return "folder" if Path(source).expanduser().is_dir() else "list"


def backoff(failures: int, base_s: int = BACKOFF_BASE_S) -> int:
    """Seconds to wait after `failures` failures in a row: base, 2×, 4× … at most six hours."""
    return min(base_s * 2 ** max(failures - 1, 0), BACKOFF_MAX_S)


class Watcher:
    """Polls its sources into the store through the ingest pipeline."""

    def __init__(self, store: Store, ctx: Context, sources: list[str], *,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), timeout: float = web.TIMEOUT_S,
                 max_bytes: int = web.MAX_BYTES, settle_s: float = 5.0, backoff_s: int = BACKOFF_BASE_S,
                 on_item: Callable[[pipeline.Progress], None] = lambda p: None) -> None:
        self.store, self.ctx, self.sources = store, ctx, sources
        self.clock, self.timeout, self.max_bytes = clock, timeout, max_bytes
        self.settle_s, self.backoff_s, self.on_item = settle_s, backoff_s, on_item
        self.client = web.new_client(trust_env=False, timeout=timeout)

    def close(self) -> None:
        self.client.close()

    def poll(self) -> list[PollLine]:
        """One pass over every source; a source that fails never stops the others."""
        return [self.poll_source(source) for source in self.sources]

    def poll_source(self, source: str) -> PollLine:
        now = self.clock()
        kind = kind_of(source)
        state = self.store.watch_source(source) or WatchSource(source, kind)
        if state.next_attempt and now.isoformat() < state.next_attempt:
            return PollLine(source, "waiting", message=f"{state.failures} failure(s) in a row; next try at "
                                                       f"{state.next_attempt[:19]}Z")
        try:
            if kind == "feed":
                line, state = self._feed(source, state)
            elif kind == "folder":
                line = self._folder(source, now)
            else:
                line = self._list(source)
        except InputError as exc:
            failures = state.failures + 1
            delay = backoff(failures, self.backoff_s)
            self.store.record_poll(replace(state, kind=kind, last_poll=now.isoformat(), outcome="failed",
                                           message=str(exc), failures=failures,
                                           next_attempt=(now + timedelta(seconds=delay)).isoformat()))
            return PollLine(source, "failed", message=f"{exc}; retry in {delay} s")
        self.store.record_poll(replace(state, kind=kind, last_poll=now.isoformat(), outcome=line.outcome,
                                       message=f"{line.new} new" + (f"; {line.message}" if line.message else "")
                                       if line.outcome == "new" else line.message,
                                       failures=0, next_attempt=None))
        return line

    def _ingest(self, items: Iterator) -> pipeline.IngestReport:
        return pipeline.ingest_raw(items, self.store, self.ctx, on_progress=self.on_item)

    def _feed(self, url: str, state: WatchSource) -> tuple[PollLine, WatchSource]:
        page = web.fetch(url, self.client, self.max_bytes, etag=state.etag, last_modified=state.last_modified,
                         deadline_s=self.timeout * 2)
        state = replace(state, etag=page.etag, last_modified=page.last_modified)
        if page.not_modified:
            return PollLine(url, "unchanged", message="304 not modified"), state
        name = page.final_url.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "feed.xml"
        kind, reason = detect(page.content[:HEAD_SIZE], name) if page.content.strip() else (None, "empty body")
        if kind is not Kind.FEED:
            raise InputError(url, Code.E007, f"answered {page.content_type or 'no type'}, {reason or 'no RSS or Atom'}")
        items = list(iter_bytes(page.content, name, source=url, url=page.final_url, max_bytes=self.max_bytes))
        bad = [i for i in items if isinstance(i, InputError)]
        if bad and len(bad) == len(items):
            raise bad[0]
        report = self._ingest(iter(items))
        for item in items:
            if not isinstance(item, InputError):
                self.store.mark_item(url, item.uri, "done")
        return self._line(url, report), state

    def _folder(self, folder: str, now: datetime) -> PollLine:
        root = Path(folder).expanduser()
        seen = self.store.watch_items(folder)
        ready: list[tuple[Path, str, int, str]] = []
        settling = 0
        for path in _files(root):
            rel = path.relative_to(root).as_posix()
            try:
                st = path.stat()
            except OSError:
                continue  # gone between listing and looking: the next poll sees what is there
            size, mtime = st.st_size, str(st.st_mtime_ns)
            known = seen.get(rel)
            if known and (known[0], known[1]) == (size, mtime):
                if known[2] == "settling":  # unchanged since the last look: the writer is done
                    ready.append((path, rel, size, mtime))
                continue
            age = now.timestamp() - st.st_mtime
            if age >= self.settle_s and not (known and known[2] == "settling"):
                ready.append((path, rel, size, mtime))
            else:  # new or changed since the last look: maybe still being written
                self.store.mark_item(folder, rel, "settling", size, mtime)
                settling += 1
        reports = pipeline.IngestReport()
        for path, rel, size, mtime in ready:
            report = self._ingest(iter_file(path, name=rel, max_bytes=self.max_bytes))
            reports = _merge(reports, report)
            self.store.mark_item(folder, rel, "done", size, mtime)
        line = self._line(folder, reports)
        if settling:
            note = f"{settling} file(s) still being written, left for the next poll"
            line = replace(line, outcome=line.outcome if line.new else "waiting",
                           message="; ".join(m for m in (line.message, note) if m))
        return line

    def _list(self, listing: str) -> PollLine:
        path = Path(listing).expanduser()
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(listing, Code.E001, exc.strerror or type(exc).__name__) from None
        urls = [u.strip() for u in text.splitlines() if u.strip() and not u.strip().startswith("#")]
        seen = self.store.watch_items(listing)
        reports = pipeline.IngestReport()
        for url in dict.fromkeys(urls):
            if seen.get(url, (None, None, ""))[2] == "done":
                continue  # stored already: never fetched again
            if self.store.article(url) is not None:
                # Stored by a run killed before it could note the URL (or by `ingest`): note it now.
                self.store.mark_item(listing, url, "done")
                continue
            if not url.lower().startswith(("http://", "https://")):
                reports = reports.add(pipeline.Progress(url, "failed", message=f"{listing}: {url}: not a URL"))
                self.store.mark_item(listing, url, "done")
                continue
            report = self._ingest(iter_raw(url, client=self.client, max_bytes=self.max_bytes))
            reports = _merge(reports, report)
            if not report.failed:
                self.store.mark_item(listing, url, "done")
        return self._line(listing, reports)

    @staticmethod
    def _line(source: str, report: pipeline.IngestReport) -> PollLine:
        added = report.new + report.revised
        failed = "; ".join(p.message for p in report.failures[:3])
        message = f"{report.failed} item(s) failed: {failed}" if report.failed else ""
        if added:
            return PollLine(source, "new", added, message)
        return PollLine(source, "failed" if report.failed else "unchanged", 0, message)


def _merge(a: pipeline.IngestReport, b: pipeline.IngestReport) -> pipeline.IngestReport:
    return pipeline.IngestReport(a.new + b.new, a.revised + b.revised, a.unchanged + b.unchanged,
                                 a.failed + b.failed, a.failures + b.failures)


def _files(root: Path) -> Iterator[Path]:
    """Files under a folder, sorted, hidden ones skipped (editors and downloaders write there first)."""
    if not root.is_dir():
        raise InputError(str(root), Code.E001, "folder not found")
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name
