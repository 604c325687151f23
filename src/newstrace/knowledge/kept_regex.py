"""Compiled regular expressions kept in the cache folder, so a process need not compile them again.

Python's `re` parses and compiles a pattern in pure Python. The lexicons' phrase
patterns (one alternation of every trigger phrase, each word boundary a class of
every combining mark) and spaCy's French tokenizer (a 1.4-million-character
alternation built when spacy.lang.fr is imported) take seconds to compile, on every
command that reads such a text; handing the compiled program to `_sre` takes
milliseconds. Within a `kept_regexes` block, patterns the cache file holds are
built from their stored programs; the others are compiled as usual and the file is
rewritten with the patterns the block used.

An entry is found by the exact pattern text and flags, so an edited lexicon only
misses (its new patterns are compiled and kept); nothing can be stale. The file is
a knowledge-base artifact (compiled.py) keyed by the Python build and the regular
expression engine's version, with the same checks: a file from another Python, or
truncated or corrupt, is ignored and rewritten, and a stored program the engine
refuses is compiled again from its text. Outside CPython 3.11-3.13, whose compiler
this module knows, blocks compile as usual.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
import threading
import zlib
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newstrace.knowledge.compiled import Artifact, ArtifactError, write_artifact

try:  # the engine's own modules: present in the CPython versions this module knows
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover  (another implementation of Python)
    _sre = _compiler = _parser = None

_LOCK = threading.RLock()
Entry = tuple[int, bytes, int, dict, tuple]


def supported() -> bool:
    """Whether this Python's regular expression compiler is the one this module knows."""
    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and _compiler is not None and hasattr(_compiler, "_code") and hasattr(_parser, "parse"))


def _key(name: str) -> str:
    return f"regex {name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"


def path_of(directory: Path, name: str) -> Path:
    return directory / f"regex-{hashlib.sha256(_key(name).encode()).hexdigest()[:32]}.bin"


def _program(pattern: str | bytes, flags: int) -> Entry:
    """What CPython's `re._compiler.compile` hands to `_sre.compile`, the program packed as bytes."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    packed = array("I", [int(op) for op in code]) if _sre.CODESIZE == 4 else array("L", [int(op) for op in code])
    return (int(flags | parsed.state.flags), packed.tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _build(pattern: str | bytes, entry: Entry) -> re.Pattern:
    flags, packed, groups, groupindex, indexgroup = entry
    code = array("I" if _sre.CODESIZE == 4 else "L")
    code.frombytes(packed)
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)


class _Store:
    """The patterns of one cache file: read on the first compile of the block, rewritten at its end."""

    def __init__(self, directory: Path, name: str, original: Any) -> None:
        self.path, self.key, self.original = path_of(directory, name), _key(name), original
        self.entries: dict[tuple[type, str | bytes, int], Entry] | None = None
        self.used: dict[tuple[type, str | bytes, int], Entry] = {}
        self.missed = self.reading = False

    def _read(self) -> dict:
        try:
            artifact = Artifact(self.path, self.key)
            try:
                packed = artifact.load("patterns")
            finally:
                artifact.close()
            entries = pickle.loads(zlib.decompress(packed))
        except (ArtifactError, zlib.error, pickle.UnpicklingError, TypeError, ValueError, EOFError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        flags = int(flags)
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG or self.reading:
            return self.original(pattern, flags)
        if self.entries is None:
            # Patterns that reading the file itself compiles are compiled as usual, not kept.
            self.reading = True
            try:
                self.entries = self._read()
            finally:
                self.reading = False
        key = (type(pattern), pattern, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, entry)
            except Exception:  # noqa: BLE001  (a program the engine refuses is compiled again from its text)
                entry = None
            else:
                self.used[key] = entry
                return compiled
        entry = _program(pattern, flags)
        self.used[key], self.missed = entry, True
        return _build(pattern, entry)

    def save(self) -> None:
        if not self.missed:
            return
        try:
            # The programs repeat the same classes over and over: compressed, a tenth of a
            # megabyte instead of ten, and as quick to read.
            packed = zlib.compress(pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL), 1)
            write_artifact(self.path, self.key, {"patterns": packed})
        except OSError:
            pass  # a folder that cannot be written only costs the next process the compiling


@contextmanager
def kept_regexes(directory: Path | None, name: str) -> Iterator[None]:
    """Within the block, patterns compiled by `re` come from (and go to) the cache file `name` in
    `directory`; with no directory, or on a Python whose compiler this module does not know,
    the block compiles as usual. One block runs at a time in a process."""
    if directory is None or not supported():
        yield
        return
    with _LOCK:
        store = _Store(directory, name, _compiler.compile)
        _compiler.compile = store.compile
        try:
            yield
        finally:
            _compiler.compile = store.original
            store.save()
