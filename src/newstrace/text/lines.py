"""Line-level text helpers for cleaning: folding keys, URLs, sentence and label shapes."""

from __future__ import annotations

import re
import unicodedata

from newstrace.text.scripts import UNSPACED

# Non-ASCII digits read as ASCII digits; Persian yeh/kaf as Arabic ones,
# alef maqsura as yeh, dotless i as i: spellings that differ between outlets.
_FOLD_TABLE = str.maketrans(
    {
        # every script's decimal digits (Arabic-Indic, Persian, Devanagari, Bengali ...)
        **{chr(code): str(unicodedata.decimal(chr(code))) for code in range(0x80, 0x10000)
           if unicodedata.category(chr(code)) == "Nd"},
        "\u06cc": "\u064a",
        "\u0649": "\u064a",
        "\u06a9": "\u0643",
        "\u0131": "i",
        "\u0640": None,
        "\u00a0": " ",
        "\u200c": " ",
        "\u200b": None,
        "\u200e": None,
        "\u200f": None,
        "\ufeff": None,
    }
)

_SPECIAL = re.compile("[" + "".join(re.escape(chr(code)) for code in _FOLD_TABLE) + "]")
_EDGE_PUNCT = " \t:;,.!?…-–—|•·*>«»\"'“”‘’()[]{}"

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|fr|cc|ly|me|tv|io|tr|de|es|ru|ir|gr|uk|co)/\S*",
    re.IGNORECASE,
)

# A line that ends a sentence: terminal punctuation, possibly inside closing quotes.
_SENTENCE_END = re.compile(r"[.!?…؟。।۔](?:[\s\"'”’»)\]]*)$")


def _combining_class() -> re.Pattern[str]:
    marks = [chr(code) for code in range(0x0300, 0x10000) if unicodedata.combining(chr(code))]
    return re.compile("[" + "".join(re.escape(mark) for mark in marks) + "]+")


_COMBINING = _combining_class()


def fold(text: str) -> str:
    """Case-, accent- and spelling-insensitive form of `text` (offsets are not preserved)."""
    if text.isascii():
        return text.lower()
    # Casefold first: "İ".casefold() adds a combining dot that the next step removes.
    text = text.casefold()
    if _SPECIAL.search(text):
        text = text.translate(_FOLD_TABLE)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def line_key(line: str) -> str:
    """Identity of a line for duplicate and phrase matching: folded, spaces collapsed, edge punctuation dropped."""
    return key_of_folded(fold(line))


def key_of_folded(folded: str) -> str:
    """line_key of a line already folded."""
    return " ".join(folded.split()).strip(_EDGE_PUNCT)


def has_url(line: str) -> bool:
    # Every URL form URL_RE knows has a slash or "www."; checking first skips the regex on most lines.
    return ("/" in line or "www." in line.lower()) and URL_RE.search(line) is not None


def without_urls(line: str) -> str:
    return URL_RE.sub(" ", line)


def ends_sentence(line: str) -> bool:
    """Whether the line ends with sentence punctuation."""
    return _SENTENCE_END.search(line.rstrip()[-16:]) is not None


def has_digit(line: str) -> bool:
    return any(ch.isdigit() for ch in line)


_UNSPACED_RUN = re.compile(f"[{UNSPACED}]+")


def word_count(text: str) -> int:
    """Words of a line; a run of a script written without spaces counts a word per two letters
    (the mean length of a Chinese or Japanese word), so "王毅会见阿拉格齐" is no one-word label."""
    spaced = sum(any(ch.isalnum() for ch in token) for token in _UNSPACED_RUN.sub(" ", text).split())
    return spaced + sum(max(1, len(run) // 2) for run in _UNSPACED_RUN.findall(text))


def is_label(line: str, max_words: int = 3, max_chars: int = 40) -> bool:
    """A short label line: few words, no digits, no sentence punctuation (e.g. a section name)."""
    stripped = line.strip()
    if not stripped or len(stripped) > max_chars or has_digit(stripped):
        return False
    # Count words, not separators: "World | Middle East" is a three-word label.
    if word_count(stripped) > max_words:
        return False
    return not ends_sentence(stripped) or stripped.endswith("…")


# A page's headline shown twice and glued ("Talks heldTalks held", a caption beside its title) is
# one line of text; shorter doubled lines may be words ("bonbon", "Walla Walla").
_DOUBLED_MIN = 12


def undoubled(line: str) -> str:
    """`line` once when it is one text written twice, glued or spaced; else `line`."""
    n = len(line)
    if n < 2 * _DOUBLED_MIN:
        return line
    half = n // 2
    if n % 2 == 0 and line[:half] == line[half:]:
        return line[:half]
    if n % 2 == 1 and line[half] == " " and line[:half] == line[half + 1:]:
        return line[:half]
    return line
