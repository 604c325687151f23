"""Arabic-script letter variants that writers use interchangeably in names."""

from __future__ import annotations

# Hamza-carrying alefs and waw/ya decompose under NFD (see diacritics); the
# letters below have no decomposition and are mapped by hand. Persian and Arabic
# keyboards give different code points for the same ya and kaf.
LETTER_VARIANTS: dict[str, str] = {
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u06c0": "\u0647",  # heh with yeh above -> ha
    "\u06d5": "\u0647",  # ae -> ha
    "\u0649": "\u064a",  # alif maqsura -> ya
    "\u06cc": "\u064a",  # Persian ya -> Arabic ya
    "\u06d2": "\u064a",  # yeh barree -> ya
    "\u06a9": "\u0643",  # Persian kaf -> Arabic kaf
    "\u06aa": "\u0643",
}

TATWEEL = "\u0640"
# Zero-width joiners and the Persian half-space carry no letter.
INVISIBLE = frozenset({TATWEEL, "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u200b"})

_TABLE = str.maketrans({**LETTER_VARIANTS, **{char: None for char in INVISIBLE}})


def normalize_arabic_letters(text: str) -> str:
    """Map alef/ta marbuta/ya/kaf variants to one letter and drop tatweel and joiners."""
    return text.translate(_TABLE)


def arabic_letter(char: str) -> str:
    """One character's Arabic-variant normal form ("" for tatweel and joiners)."""
    if char in INVISIBLE:
        return ""
    return LETTER_VARIANTS.get(char, char)
