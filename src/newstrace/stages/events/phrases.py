"""Lexicon phrases compiled into regular expressions: word boundaries, stems ("rencontr*"), any spacing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from newstrace.text.scripts import MARKS, unspaced

_NEVER = re.compile(r"(?!x)x")
# What continues a word: letters, digits, the zero-width non-joiner that binds Persian word
# parts ("گفت‌وگو") and combining marks (Devanagari and Bengali vowel signs).
_WORD_CHAR = r"[\w\u200c" + MARKS + "]"
# The one word a phrase lets in between its words ("a également rencontré") is no name: in
# "a reçu Zelensky à", "ist Merz nach Paris gereist" the name stays outside the trigger, where
# it takes part. Capitals are checked case-sensitively inside the case-insensitive pattern.
_CAPITALS = "A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐЎΑ-ΩĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽİŞĞŐŰĂȘȚĐ"
_GAP = r"\s+(?:(?-i:(?![" + _CAPITALS + r"]))[\w'’-]+\s+)?"


# Arabic-script vowel marks, shadda and tatweel: a voweled "شنّ" is still "شن".
_ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]*"


def _letter(ch: str) -> str:
    if ch in "'’":
        return "['’]"
    return re.escape(ch) + (_ARABIC_MARKS if "\u0621" <= ch <= "\u06ff" else "")


def _in_word(ch: str) -> bool:
    return ch.isalnum() or (bool(ch) and unicodedata.category(ch).startswith("M"))


# "a remis … otages": what follows the ellipsis must stand later in the clause, this many
# characters on at most, for the words before it to be the trigger ("a remis à Israël, lundi,
# par la Croix-Rouge les vingt otages": handing over captives, not a report or a resignation).
OBJECT_MARK = "…"
_OBJECT_REACH = 120


def phrase_regex(phrase: str, gap: bool = False, proclitics: tuple[str, ...] = ()) -> str:
    """One lexicon phrase as a regex (see _plain_regex); "verb … object" matches the verb where
    the object follows it within the clause, the object outside the match (a lookahead), so
    the actors between them stay the event's own."""
    if OBJECT_MARK not in phrase:
        return _plain_regex(phrase, gap, proclitics)
    verb, _, obj = (part.strip() for part in phrase.partition(OBJECT_MARK))
    if not verb or not obj:
        return _plain_regex(phrase.replace(OBJECT_MARK, " ").strip(), gap, proclitics)
    reach = r"[^.;!?؟。；！？\n]{0,%d}?" % _OBJECT_REACH
    return _plain_regex(verb, gap, proclitics) + f"(?={reach}{_plain_regex(obj)})"


def _plain_regex(phrase: str, gap: bool = False, proclitics: tuple[str, ...] = ()) -> str:
    """One lexicon phrase as a regex: words joined by any whitespace, `word*` matching any ending.

    The boundary checks apply only where the phrase starts or ends with a letter,
    so "n'" or "'da" still match where they touch a word. With `gap`, one extra
    word may stand between the words of the phrase ("a également rencontré").
    `proclitics` may be written onto the first word (Arabic "و" in "وقال").
    """
    words = phrase.split()
    parts = []
    for word in words:
        stem = word.endswith("*") and len(word) > 1
        core = word.rstrip("*") if stem else word
        parts.append("".join(_letter(ch) for ch in core) + (_WORD_CHAR + "*" if stem else ""))
    body = (_GAP if gap else r"\s+").join(parts)
    first, last = words[0], words[-1]
    # A phrase written in a script without spaces has no boundary to check here: the
    # segmenter's cuts filter its matches (triggers.find_triggers).
    head = f"(?<!{_WORD_CHAR})" if _in_word(first[:1]) and not unspaced(first[0]) else ""
    if proclitics and head:
        head += "(?:" + "|".join(re.escape(p) for p in proclitics) + ")?"
    tail = f"(?!{_WORD_CHAR})" if (_in_word(last[-1:]) or last.endswith("*")) and not unspaced(core[-1:] or " ") else ""
    return head + body + tail


def _bucketed(alternatives: list[tuple[str, str]], proclitics: tuple[str, ...] = ()) -> str:
    """Alternatives grouped by first letter behind a one-letter lookahead.

    Python's regex engine tries alternatives one by one at every position; with
    the lookahead only the phrases starting with the letter under the cursor are
    tried, which makes matching hundreds of phrases several times faster. Order
    within a group (longest first) is kept. A proclitic may come before the first
    letter ("وقال"), so the lookahead also lets the proclitics' first letters in.
    """
    groups: dict[str, list[str]] = {}
    for phrase, regex in alternatives:
        first = phrase[:1]
        groups.setdefault(first.lower() if len(first.lower()) == 1 else first, []).append(regex)
    parts = []
    for first, regexes in groups.items():
        # Case variants of one letter; letters whose case maps to two characters ("İ") stand alone.
        letters = {c for c in (first, first.upper(), first.lower()) if len(c) == 1}
        letters |= {p[0] for p in proclitics if p}
        klass = "".join(re.escape(c) for c in sorted(letters))
        if first in ("'", "’"):
            klass = "'’"
        parts.append(f"(?=[{klass}])(?:{'|'.join(regexes)})")
    return "|".join(parts)


def with_auxiliaries(phrases: Iterable[str], auxiliaries: dict[str, Iterable[str]]) -> list[str]:
    """Each phrase, and the same phrase with its opening auxiliary in the lexicon's other forms:
    "a rencontré" also as "avait rencontré", "hat getroffen" as "hatte getroffen"."""
    out: list[str] = []
    # Longest auxiliary first: "se sont rencontrés" opens on "se sont", not on "se".
    keys = sorted(auxiliaries, key=lambda key: -len(key.split()))
    for phrase in phrases:
        out.append(phrase)
        words = phrase.split()
        for key in keys:
            size = len(key.split())
            if len(words) > size and " ".join(words[:size]).casefold() == key:
                rest = " ".join(words[size:])
                out.extend(f"{form} {rest}" for form in auxiliaries[key])
                break
    return out


def with_rewrites(phrases: Iterable[str], rewrites: Mapping[str, Iterable[str]]) -> list[str]:
    """Each phrase, and each single-word one (or the verb of a "verb … object" phrase) whose ending
    the lexicon rewrites, in its other forms: the past tense of Slavic languages agrees with the
    subject's gender, so Czech "napadla" (she attacked) is also "napadlo" (a state written as a
    neuter noun, "Rusko") and "napadly" (they). The longest listed ending is the one rewritten."""
    keys = sorted((str(k) for k in rewrites), key=len, reverse=True)
    out: list[str] = []
    for phrase in phrases:
        out.append(phrase)
        verb, mark, obj = (part.strip() for part in phrase.partition(OBJECT_MARK))
        if " " in verb or verb.endswith("*"):
            continue
        ending = next((key for key in keys if verb.casefold().endswith(key.casefold()) and len(verb) > len(key) + 1), None)
        if ending is None:
            continue
        for other in rewrites[ending]:
            form = verb[:len(verb) - len(ending)] + str(other)
            out.append(f"{form} {mark} {obj}" if mark else form)
    return list(dict.fromkeys(out))


def with_endings(phrases: Iterable[str], endings: Iterable[str]) -> list[str]:
    """Each phrase, and each single-word one with the lexicon's person and number endings:
    Arabic "وقع" (he signed) also as "وقعت", "وقعا", "وقعتا", "وقعوا"; so too the one-word verb
    of a "verb … object" phrase ("أفرجت … عن"). For languages whose word list (simplemma) has
    no paradigms, the endings stand in for one."""
    suffixes = [e.strip() for e in endings if e and e.strip()]
    out: list[str] = []
    for phrase in phrases:
        out.append(phrase)
        verb, mark, obj = (part.strip() for part in phrase.partition(OBJECT_MARK))
        if suffixes and " " not in verb and not verb.endswith("*"):
            out.extend(f"{verb}{suffix} {mark} {obj}" if mark else verb + suffix for suffix in suffixes)
    return list(dict.fromkeys(out))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """All phrases as one case-insensitive alternation, longest first; never matches when empty."""
    # Phrases of one length keep the lexicon's order: a set's order would change with each
    # process's string hashing, and with it the pattern's text (and the kept_regex cache's key).
    unique = sorted(dict.fromkeys(p.strip() for p in phrases if p and p.strip()), key=len, reverse=True)
    if not unique:
        return _NEVER
    return re.compile(_bucketed([(p, f"(?:{phrase_regex(p)})") for p in unique]), re.IGNORECASE)


def compile_groups(groups: dict[str, Iterable[str]], gap: bool = False,
                   proclitics: tuple[str, ...] = ()) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Phrases of several labelled groups in one pattern, longest phrase first.

    Returns the pattern and the label of each phrase: `label_of(match, labels)`
    gives the label of the phrase that matched.
    """
    entries: dict[str, str] = {}
    for label, phrases in groups.items():
        for phrase in phrases or ():
            if phrase and phrase.strip():
                entries.setdefault(phrase.strip(), label)
    if not entries:
        return _NEVER, ()
    ordered = sorted(entries, key=len, reverse=True)
    body = _bucketed([(p, f"(?P<p{i}>{phrase_regex(p, gap, proclitics)})") for i, p in enumerate(ordered)], proclitics)
    return re.compile(body, re.IGNORECASE), tuple(entries[p] for p in ordered)


def label_of(match: re.Match[str], labels: tuple[str, ...]) -> str:
    """The label of the phrase a `compile_groups` pattern matched."""
    name = match.lastgroup
    if name is None:
        raise ValueError("match without a labelled phrase")
    return labels[int(name[1:])]
