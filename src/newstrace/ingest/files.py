"""Reading local files with a size cap, and decoding their bytes into text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from newstrace.errors import Code, InputError
from newstrace.ingest.detect import bom_encoding, bomless_utf16

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


# Short texts fit many single-byte code pages equally well; break ties towards the common ones.
_PREFERRED = ("cp1252", "cp1256", "cp1251", "cp1254", "cp1253", "cp1255", "cp1250", "latin_1")


def _preference(encoding: str) -> int:
    return _PREFERRED.index(encoding) if encoding in _PREFERRED else len(_PREFERRED)


def open_checked(path: Path, source: str) -> BinaryIO:
    """Open a file for binary reading, or raise E001 (missing) / E002 (empty)."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError(source, Code.E001, "not a regular file")
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(source, Code.E001) from None
    except OSError as exc:
        raise InputError(source, Code.E001, exc.strerror or type(exc).__name__) from None
    if size == 0:
        handle.close()
        raise InputError(source, Code.E002)
    return handle


def read_capped(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Everything left in `handle`, or E005 when it exceeds `max_bytes`."""
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, Code.E005, f"over {max_bytes:,} bytes")
    if not data.strip():
        raise InputError(source, Code.E002)
    return data


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML prolog declares in the first bytes."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, strict UTF-8, declared charset, then detection.

    Raises E004 when no encoding fits. A declared charset that fails is
    ignored (mislabelled pages are common).
    """
    encoding, skip = bom_encoding(data)
    if encoding:
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError:
            # A truncated UTF-16 file ends in half a unit; keep the whole units.
            text = data[skip:].decode(encoding, errors="ignore")
            if text.strip():
                return text
            raise InputError(source, Code.E004, f"invalid {encoding}") from None
    # Strict UTF-8 first: pages labelled latin-1 are often UTF-8, never the reverse by accident.
    for candidate in ("utf-8", declared):
        if not candidate or candidate.replace("-", "").startswith(("utf16", "utf32")):
            continue  # a wide encoding without a byte-order mark is a mislabel
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    utf16 = bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="ignore")
    matches = [match for match in from_bytes(data[:200_000]) if match.encoding]
    if not matches:
        raise InputError(source, Code.E004, "no encoding fits")
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _preference(m.encoding)))
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        # Detection looked at a prefix; the rest may hold stray bytes.
        return data.decode(best.encoding, errors="replace")
