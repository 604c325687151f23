"""Writing systems of a character and the word-boundary rules matching uses per script."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class ScriptRule:
    """How a name may be glued to neighbouring letters in one script.

    prefixes: letters that may be attached before a name (clitics, as one
    regular-expression alternation), suffix_letters: how many letters of
    inflection may follow a name stem, stem_vowels: final letters dropped to
    form a stem, endings: inflection endings tried on non-final words of a name,
    case_endings: when given, the only letters that may follow a name's stem, so a
    longer word that merely starts like a name ("Самолет", not "Самоа") is no match.
    """

    name: str
    prefixes: str = ""
    suffix_letters: int = 0
    stem_vowels: str = ""
    endings: tuple[str, ...] = ()
    cased: bool = True
    suffixes: tuple[str, ...] = ()
    case_endings: frozenset[str] = frozenset()
    segmented: bool = False  # words are found by a segmenter (no spaces, or glued particles)


# Script knowledge, not language knowledge: every language written in the
# script shares these rules (Arabic and Persian clitics, Slavic case endings).
RULES: dict[str, ScriptRule] = {
    "latin": ScriptRule("latin", suffixes=("s",)),
    # Greek names drop their final sigma in the genitive and accusative ("Μητσοτάκη") and -ος
    # turns to -ου ("Κυριάκου", "Καΐρου"): the stem without the sigma, then at most one letter.
    "greek": ScriptRule("greek", suffix_letters=1, stem_vowels="σ", endings=("υ", ""),
                        case_endings=frozenset(("σ", "υ", "ν"))),
    "cyrillic": ScriptRule(
        "cyrillic", suffix_letters=3, stem_vowels="аяоеиыуюйь",
        endings=("а", "у", "ом", "ым", "е", "ем", "ой", "ы", "и"),
        # Noun and adjective case endings in matching form (й and ё fold to и and е); shorter
        # ones follow the stems of adjectives and "-ий" names ("Зеленски-м", "турецко-го").
        case_endings=frozenset((
            "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "м", "х", "ми", "го", "му",
            "ом", "ем", "ам", "ям", "ах", "ях", "ои", "еи", "ою", "ею", "ую", "юю", "ая", "яя", "ое", "ее",
            "ые", "ие", "ых", "их", "ым", "им", "ов", "ев", "ии", "ия", "ию", "ье", "ья", "ью",
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "иям", "иях", "ием", "иеи",
        )),
    ),
    "arabic": ScriptRule("arabic", prefixes="(?:[وفبلك]{0,2}(?:ال)?|لل)", cased=False),
    "hebrew": ScriptRule("hebrew", prefixes="[והבלמש]{0,2}", cased=False),
    # Written without spaces (Han, kana, Thai) or with particles glued to nouns (Hangul):
    # a name's edges must fall on the word boundaries the article's segmenter finds.
    "han": ScriptRule("han", cased=False, segmented=True),
    "kana": ScriptRule("kana", cased=False, segmented=True),
    "thai": ScriptRule("thai", cased=False, segmented=True),
    # Korean particles (은, 에서, 과의) follow a title as case endings do: at most two syllables.
    "hangul": ScriptRule("hangul", cased=False, segmented=True, suffix_letters=2),
    "devanagari": ScriptRule("devanagari", cased=False),
    # Bengali writes case endings onto the name ("ভারতের", "ঢাকায়", "দিল্লিতে"): only these may
    # follow it (matching form: nukta dropped, vowel signs kept).
    "bengali": ScriptRule(
        "bengali", suffix_letters=3, cased=False,
        case_endings=frozenset(("ে", "র", "ের", "এর", "য", "যে", "তে", "কে", "েকে", "দের", "ও", "ই", "েই", "রা")),
    ),
    "other": ScriptRule("other", cased=False),
}

# Letters of the scripts written without spaces between words: Thai, kana, Han (with the
# iteration mark 々 and the prolonged-sound mark ー), halfwidth katakana. A letter of these
# scripts is no word boundary obstacle for a pattern: the segmenter decides instead.
UNSPACED = "\u0e00-\u0e7f\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A word character of a spaced script: the letters a word boundary looks at.
SPACED_WORD = f"[^\\W{UNSPACED}]"

_PREFIXES = (
    ("LATIN", "latin"), ("GREEK", "greek"), ("CYRILLIC", "cyrillic"),
    ("ARABIC", "arabic"), ("HEBREW", "hebrew"), ("DEVANAGARI", "devanagari"), ("BENGALI", "bengali"),
    ("CJK", "han"), ("HIRAGANA", "kana"), ("KATAKANA", "kana"), ("HALFWIDTH KATAKANA", "kana"),
    ("IDEOGRAPHIC ITERATION", "han"), ("THAI", "thai"), ("HANGUL", "hangul"),
)


def unspaced(char: str) -> bool:
    """Whether `char` is a letter of a script written without spaces between words."""
    return bool(_UNSPACED.match(char))


_UNSPACED = re.compile(f"[{UNSPACED}]")


@lru_cache(maxsize=65536)  # a pure function of one character: memoised for speed only
def script_of(char: str) -> str:
    """The script of one letter or vowel sign: latin, greek, cyrillic, arabic, hebrew, devanagari,
    bengali, han, kana, thai, hangul or other."""
    if char.isascii():
        return "latin" if char.isalpha() else "other"
    name = unicodedata.name(char, "")
    for prefix, script in _PREFIXES:
        if name.startswith(prefix):
            return script
    return "other"


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane as a regex character-class body."""
    codes = [code for code in range(0x0300, 0x10000) if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")]
    ranges, start, last = [], codes[0], codes[0]
    for code in codes[1:] + [-1]:
        if code != last + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{last:04x}" if last > start else ""))
            start = code
        last = code
    return "".join(ranges)


# Vowel signs, accents and points written after a letter belong to its word: word boundaries
# of lexicon phrases and dates look past them (Hindi "कहा" is no match inside "कहानी").
MARKS = _mark_ranges()


def is_word_char(char: str) -> bool:
    """A letter, a digit or a spacing vowel sign (Devanagari "ा", Bengali "ে"): part of a word."""
    return char.isalnum() or unicodedata.category(char) == "Mc"


def script_of_text(text: str) -> str:
    """The script of the first letter of `text` ("other" when it has none)."""
    for char in text:
        if char.isalpha():
            return script_of(char)
    return "other"


def rule_for(text: str) -> ScriptRule:
    """The boundary rule for a name, by the script of its last letter."""
    for char in reversed(text):
        if char.isalpha():
            return RULES[script_of(char)]
    return RULES["other"]
