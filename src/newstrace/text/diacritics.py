"""Removal of combining marks: accents, Arabic harakat, Hebrew points."""

from __future__ import annotations

import unicodedata

_MARKS = ("Mn", "Me")


def is_mark(char: str) -> bool:
    """Whether `char` is a combining mark (accent, vowel sign, harakat)."""
    return unicodedata.category(char) in _MARKS


def strip_diacritics(text: str) -> str:
    """Decompose and drop every combining mark: "Erdoğan" -> "Erdogan", "مُحَمَّد" -> "محمد"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not is_mark(char))
