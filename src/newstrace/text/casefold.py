"""Casefolding that treats the Turkish dotted and dotless i as one letter for matching."""

from __future__ import annotations

# Turkish writes İ/i and I/ı as two pairs; other languages write I/i. A name
# must match whichever convention an outlet used ("Kalın", "Kalin", "KALIN"),
# so every one of the four collapses to plain "i" before the usual casefold.
_DOTLESS = str.maketrans({"İ": "i", "I": "i", "ı": "i"})


def casefold(text: str) -> str:
    """Casefold `text`, mapping İ, I, ı and i to the same key."""
    return text.translate(_DOTLESS).casefold()


def casefold_char(char: str) -> str:
    """Casefold one character; the result is a single character whenever possible."""
    folded = casefold(char)
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    # "İ".lower() is "i" plus a combining dot, "ß".casefold() is "ss": keep one letter.
    return lowered[0] if lowered else folded[:1]
