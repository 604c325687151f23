"""Matching normal form of a text, with a map from every normalised character back to the original."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
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
    if len(kept) > 1:
        kept = [char]  # a Hangul syllable decomposes into letters, not a letter and marks: keep it whole
    folded = casefold_char(kept[0])
    # A spacing vowel sign (Devanagari "ा", Bengali "ে") is part of its word, not a separator.
    if not folded or not (folded.isalnum() or unicodedata.category(folded) == "Mc"):
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
    """Normalised text and where characters of the original were dropped.

    `drops[m]` is the normalised offset at which the m-th dropped character
    (a mark, a tatweel, a joiner) stood; an original offset is the normalised
    one plus the number of drops at or before it.
    """

    text: str
    drops: tuple[int, ...]
    original_length: int

    def original(self, index: int) -> int:
        """Original offset of the normalised character at `index`."""
        return index + bisect_right(self.drops, index) if self.drops else index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) of the original text that normalised [start, end) came from."""
        if not self.drops:
            return start, end
        if start >= end:
            at = self.original(start) if start < len(self.text) else self.original_length
            return at, at
        return self.original(start), self.original(end - 1) + 1


def normalize(text: str) -> NormalText:
    """Normalise `text` for matching, keeping offsets back into it."""
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return NormalText(folded, (), len(text))
    dropped = "".join(sorted(char for char in set(text) if not _TABLE[ord(char)]))
    positions = [match.start() for match in re.finditer("[" + re.escape(dropped) + "]", text)]
    return NormalText(folded, tuple(position - rank for rank, position in enumerate(positions)), len(text))


def match_key(name: str) -> str:
    """The key a name is indexed and compared under: normalised, single-spaced, trimmed."""
    folded = name.translate(_TABLE)
    if "  " in folded or folded[:1] == " " or folded[-1:] == " " or "\n" in folded or "\t" in folded:
        return _SPACES.sub(" ", folded).strip()
    return folded
