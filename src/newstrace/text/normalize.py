"""Matching normal form of a text, with a map from every normalised character back to the original."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newstrace.text.arabic import arabic_letter
from newstrace.text.casefold import casefold_char
from newstrace.text.diacritics import is_mark


def fold_char(char: str) -> str:
    """One character's matching form: "" (dropped), " " (separator) or one letter/digit.

    Arabic variants unified, marks dropped, Turkish-aware casefold; anything
    that is neither letter nor digit separates words. Never longer than one
    character, so offsets stay simple.
    """
    char = arabic_letter(char)
    if not char:
        return ""
    kept = [part for part in unicodedata.normalize("NFD", char) if not is_mark(part)]
    if not kept:
        return ""
    folded = casefold_char(kept[0])
    if not folded or not folded.isalnum():
        return " "
    return folded


class _FoldTable(dict):
    """A str.translate table filled on demand; pure memo of fold_char, never changes a result."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NormalText:
    """Normalised text and, for each of its characters, the offset of the original character."""

    text: str
    offsets: tuple[int, ...] | None  # None: identity (no character was dropped)
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) of the original text that normalised [start, end) came from."""
        if self.offsets is None:
            return start, end
        if start >= end:
            at = self.offsets[start] if start < len(self.offsets) else self.original_length
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormalText:
    """Normalise `text` for matching, keeping offsets back into it."""
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return NormalText(folded, None, len(text))
    offsets: list[int] = []
    for index, char in enumerate(text):
        if _TABLE[ord(char)]:
            offsets.append(index)
    return NormalText(folded, tuple(offsets), len(text))


def match_key(name: str) -> str:
    """The key a name is indexed and compared under: normalised, single-spaced, trimmed."""
    return _SPACES.sub(" ", name.translate(_TABLE)).strip()
