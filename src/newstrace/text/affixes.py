"""Clitics and affixes glued to names: Arabic-script prefixes, elided articles, apostrophe suffixes."""

from __future__ import annotations

import re

from newstrace.text.scripts import RULES, script_of_text

# Elided articles and prepositions of Latin-script languages: d'Istanbul, l'ONU, qu'Erdogan.
_ELISION = re.compile(r"^(?:[dlcjmnst]|qu|jusqu|lorsqu|puisqu)['’ʼ](?=\w)", re.IGNORECASE)
# Turkish-style case suffix after an apostrophe: İstanbul'da, Kalın'ın, Erdoğan'ın.
_APOSTROPHE_SUFFIX = re.compile(r"['’ʼ]\w{1,6}$")
# English possessive: Erdogan's, Hamas'.
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
_ARABIC_PREFIX = re.compile("^" + RULES["arabic"].prefixes)


def strip_elision(word: str) -> str:
    """Remove a leading elided article: "d'Ibrahim" -> "Ibrahim"."""
    return _ELISION.sub("", word)


def strip_apostrophe_suffix(word: str) -> str:
    """Remove a case suffix or possessive written after an apostrophe: "Kalın'ın" -> "Kalın"."""
    stripped = _APOSTROPHE_SUFFIX.sub("", word)
    return _POSSESSIVE.sub("", stripped)


def strip_arabic_prefixes(word: str) -> str:
    """Remove attached clitics and the article from an Arabic-script word: "والحية" -> "حية".

    Strips only when a plausible word remains: three letters after an article,
    four otherwise, since a short word is more often a root than clitic + root.
    """
    match = _ARABIC_PREFIX.match(word)
    if not match or not match.end():
        return word
    remaining = len(word) - match.end()
    if remaining >= 4 or (remaining >= 3 and "ال" in match.group(0)):
        return word[match.end():]
    return word


def strip_affixes(name: str) -> str:
    """Strip clitics and affixes from each word of a name, whatever its script."""
    words = []
    for word in name.split():
        if script_of_text(word) == "arabic":
            words.append(strip_arabic_prefixes(word))
        else:
            words.append(strip_apostrophe_suffix(strip_elision(word)))
    return " ".join(word for word in words if word)
