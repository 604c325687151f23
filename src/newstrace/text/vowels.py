"""Vowel marks of the abjads (Arabic harakat, Hebrew points): seldom written, but when a writer
adds them they choose between readings the bare letters share ("عُمان" Oman, "عَمّان" Amman)."""

from __future__ import annotations

import unicodedata

# Arabic fathatan .. sukun with the dagger alef; Hebrew sheva .. dagesh, the shin and sin dots, qamats qatan.
VOWEL_MARKS = frozenset(
    [chr(code) for code in range(0x064B, 0x0653)] + ["\u0670"]
    + [chr(code) for code in range(0x05B0, 0x05BD)] + ["\u05C1", "\u05C2", "\u05C7"])
# Shadda and dagesh double a consonant: part of the word's sound, not a vowel a writer may leave out
# while marking others.
GEMINATION = frozenset({"\u0651", "\u05BC"})
_TATWEEL = "\u0640"


def has_vowel_marks(text: str) -> bool:
    return any(char in VOWEL_MARKS for char in text)


def vocalisation(text: str) -> tuple[frozenset[str], ...]:
    """The vowel marks written on each letter of `text`, letter by letter."""
    letters: list[set[str]] = []
    for char in unicodedata.normalize("NFD", text):
        if char in VOWEL_MARKS:
            if letters:
                letters[-1].add(char)
        elif char.isalpha() and char != _TATWEEL:
            letters.append(set())
    return tuple(frozenset(marks) for marks in letters)


def readings_agree(written: str, form: str) -> bool | None:
    """Whether a vocalised form of a name reads as the vocalised text does; None when either
    is unvocalised or their letters do not line up (nothing to tell them apart)."""
    one, other = vocalisation(written), vocalisation(form)
    if len(one) != len(other) or not any(one) or not any(other):
        return None
    for mine, theirs in zip(one, other):
        if mine and theirs and not (mine <= theirs or theirs <= mine):
            return False  # another vowel on the same letter
        if (mine & GEMINATION) != (theirs & GEMINATION):
            return False  # a doubled consonant in one reading only
    return True
