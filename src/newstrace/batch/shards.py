"""Shards of a batch (files: WARC, WARC.gz, news-please JSONL, any file a folder holds) and their rows.

A shard is read whole by one task. Files inside a folder or a glob are named relative
to it, exactly as `newstrace ingest` names them, so article ids do not depend on the
engine that read them.
"""

from __future__ import annotations

import glob
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import Code, InputError
from newstrace.ingest.sources import _GLOB_CHARS, _glob_root, _relative_name, _walk, iter_file
from newstrace.model import RawDocument


@dataclass(frozen=True)
class Shard:
    """One file of the batch and the name it is known by (relative to the folder or glob given)."""

    path: str
    name: str


def expand(targets: list[str]) -> tuple[list[Shard], list[InputError]]:
    """The shards the targets name, in the order given (a folder's files sorted), and what cannot be read."""
    shards: list[Shard] = []
    errors: list[InputError] = []
    for target in targets:
        if target.lower().startswith(("http://", "https://")):
            errors.append(InputError(target, Code.E001, "a batch reads local shards; fetch URLs with `newstrace ingest`"))
            continue
        path = Path(target).expanduser()
        if path.is_dir():
            shards += [Shard(str(child), child.relative_to(path).as_posix()) for child in _walk(path)]
        elif path.exists() or not _GLOB_CHARS & set(target):
            if not path.exists():
                errors.append(InputError(target, Code.E001))
            else:
                shards.append(Shard(str(path), path.name))
        else:
            files = [Path(m) for m in sorted(glob.glob(str(path), recursive=True)) if Path(m).is_file()]
            if not files:
                errors.append(InputError(target, Code.E001, "no file matches"))
            base = _glob_root(target)
            shards += [Shard(str(f), _relative_name(f, base)) for f in files]
    return shards, errors


def read(shard: Shard, outlet: str | None = None) -> Iterator[RawDocument | InputError]:
    """The documents of one shard, or an error line for each part that cannot be read."""
    yield from iter_file(Path(shard.path), outlet=outlet, name=shard.name)


CHUNK = 8


def shard_batches(batch: dict, outlet: str | None = None) -> Iterator[dict]:
    """Shard rows ({"path", "name"} columns) as batches of document rows, streamed: the pickled
    RawDocument, or the error line of what cannot be read."""
    for path, name in zip(batch["path"], batch["name"], strict=True):
        raws: list[bytes] = []
        errors: list[str] = []
        for item in read(Shard(str(path), str(name)), outlet):
            if isinstance(item, InputError):
                raws.append(b"")
                errors.append(str(item))
            else:
                raws.append(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
                errors.append("")
            if len(raws) == CHUNK:
                yield {"raw": raws, "error": errors}
                raws, errors = [], []
        if raws:
            yield {"raw": raws, "error": errors}
