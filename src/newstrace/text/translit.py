"""Transliteration keys for matching one name written in different scripts."""

from __future__ import annotations

import re

from anyascii import anyascii
from rapidfuzz import fuzz

from newstrace.text.affixes import strip_affixes
from newstrace.text.normalize import match_key
from newstrace.text.scripts import script_of

_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
_VOWELS = re.compile(r"[aeiouy]")
# Arabic script writes few vowels, and Latin renderings of one Arabic name
# differ mostly in vowels and in q/k, h/kh, j/g: compare consonant skeletons.
_SKELETON_MERGE = str.maketrans({"q": "k", "g": "k", "c": "k", "j": "k", "w": "v", "z": "s", "x": "k"})
_DOUBLES = re.compile(r"(.)\1+")


def translit_key(name: str) -> str:
    """ASCII key of a name: affixes stripped, transliterated, lowercased, single-spaced."""
    ascii_form = anyascii(match_key(strip_affixes(name))).lower()
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", ascii_form)).strip()


# Spelling differences that transliteration between scripts introduces.
_PHONETIC = (("kh", "h"), ("ph", "f"), ("dh", "d"), ("ou", "u"), ("ck", "k"), ("q", "k"), ("c", "k"),
             ("w", "v"), ("y", "i"), ("j", "i"), ("x", "ks"))


def phonetic_key(name: str) -> str:
    """A transliteration key with script-introduced spelling differences folded: Lindqvist = Линдквист."""
    key = translit_key(name)
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    key = _DOUBLES.sub(r"\1", key)
    return " ".join(word.rstrip("h") or word for word in key.split())


def consonant_skeleton(name: str) -> str:
    """A vowel-free, letter-merged key comparable across Latin, Arabic and Persian spellings."""
    key = translit_key(name)
    words = []
    for word in key.split():
        skeleton = _VOWELS.sub("", word).replace("h", "").replace("g", "").translate(_SKELETON_MERGE)
        skeleton = _DOUBLES.sub(r"\1", skeleton)
        if skeleton:
            words.append(skeleton)
    return " ".join(words)


def has_script(text: str, script: str) -> bool:
    """Whether any letter of `text` is written in `script`."""
    return any(char.isalpha() and script_of(char) == script for char in text)


def name_similarity(left: str, right: str) -> float:
    """Similarity in [0, 1] of two names in any scripts (transliteration and skeleton keys)."""
    left_key, right_key = translit_key(left), translit_key(right)
    if not left_key or not right_key:
        return 0.0
    plain = fuzz.ratio(left_key, right_key) / 100
    skeleton = fuzz.ratio(consonant_skeleton(left), consonant_skeleton(right)) / 100
    # Skeletons of short names collide easily; weigh them less than the full key.
    return max(plain, 0.9 * skeleton)
