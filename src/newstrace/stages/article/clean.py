"""Boilerplate removal: drop the lines of a saved page that are not the article's body."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newstrace.knowledge.lexicon import Lexicons
from newstrace.text.lines import (
    ends_sentence,
    fold,
    has_url,
    is_label,
    key_of_folded,
    line_key,
    without_urls,
)

# "Label : 66" or "Views: 1,234 times": a counter widget, whatever the language.
_COUNTER = re.compile(r"[^\d:]{2,40}:\s*\d[\d\s.,]*(?:\s*\w+)?")
# Lines made only of decoration ("|", "•••", "* * *").
_DECORATION = re.compile(r"[\W_]*")
_NEVER = re.compile(r"(?!)")
# A caption repeated twice in a row is at most this long; a longer repeated sentence keeps one copy.
CAPTION_WORDS = 15
# After a "Related posts" label, link lines are at most this long.
LINK_WORDS = 20
# A line this long that ends a sentence is body: only a whole-line lexicon match removes it.
LONG_SENTENCE_WORDS = 12


@dataclass(frozen=True)
class BoilerplateRules:
    """Every language's boilerplate entries, compiled once (all apply to every article)."""

    phrases: frozenset[str]
    related: frozenset[str]
    prefixes: re.Pattern[str]
    patterns: re.Pattern[str]
    reading_time: re.Pattern[str]
    photo_credit: re.Pattern[str]
    byline_markers: tuple[str, ...]
    name_particles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cleaned:
    """The lines kept (in order) and the lines removed, with their positions in the input."""

    kept: tuple[int, ...]
    removed: tuple[int, ...]


def _alternation(items: Iterable[str]) -> str:
    unique = sorted({item for item in items if item}, key=lambda s: (-len(s), s))
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in unique)


def _strings(section: dict, name: str) -> list[str]:
    value = section.get(name) or []
    return [str(item) for item in value if str(item).strip()]


def compile_rules(lexicons: Lexicons) -> BoilerplateRules:
    """Merge the `boilerplate` sections of all lexicons into compiled matchers."""
    phrases: set[str] = set()
    related: set[str] = set()
    prefixes: set[str] = set()
    patterns: list[str] = []
    units: set[str] = set()
    credits: set[str] = set()
    markers: set[str] = set()
    particles: set[str] = set()
    for _language, section in lexicons.sections("boilerplate"):
        section = dict(section)
        phrases.update(line_key(p) for p in _strings(section, "phrases"))
        related.update(line_key(p) for p in _strings(section, "related"))
        prefixes.update(line_key(p) for p in _strings(section, "prefixes"))
        prefixes.update(line_key(p) for p in _strings(section, "related"))
        patterns.extend(_strings(section, "patterns"))
        units.update(fold(u).strip() for u in _strings(section, "reading_time"))
        credits.update(fold(c).strip() for c in _strings(section, "photo_credit"))
        markers.update(m.strip() for m in _strings(section, "byline_markers"))
        particles.update(p.strip().casefold() for p in _strings(section, "name_particles"))
    prefix_re = re.compile(r"(?:" + _alternation(prefixes) + r")(?:$|(?<=\W)|(?!\w))") if prefixes else _NEVER
    pattern_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else _NEVER
    unit_re = (
        re.compile(r"\d{1,3}\s*(?:" + _alternation(units) + r")\.?(?:\s+\S+){0,2}") if units else _NEVER
    )
    credit_re = re.compile(r"(?<!\w)(?:" + _alternation(credits) + r")") if credits else _NEVER
    return BoilerplateRules(
        phrases=frozenset(phrases - {""}),
        related=frozenset(related - {""}),
        prefixes=prefix_re,
        patterns=pattern_re,
        reading_time=unit_re,
        photo_credit=credit_re,
        byline_markers=tuple(sorted(markers, key=lambda m: (-len(m), m))),
        name_particles=frozenset(particles),
    )


def _upper_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


def line_reason(
    line: str, rules: BoilerplateRules, outlet_lines: frozenset[str] = frozenset(), folded: str | None = None
) -> str | None:
    """Why a single line is boilerplate on its own, or None when nothing marks it.

    A long line ending a sentence survives every rule except an exact lexicon phrase,
    a full-line lexicon pattern and the outlet's own repeated lines.
    """
    stripped = line.strip()
    if not stripped:
        return "blank"
    if _DECORATION.fullmatch(stripped):
        return "decoration"
    folded = fold(stripped) if folded is None else folded.strip()
    key = key_of_folded(folded)
    if key in outlet_lines or stripped in outlet_lines:
        return "outlet"
    if key in rules.related:
        return None  # a "Related posts" label: edge_lines drops it with the links after it
    if key in rules.phrases:
        return "phrase"
    if rules.patterns.fullmatch(stripped):
        return "pattern"
    count = len(stripped.split())
    if has_url(stripped):
        rest = without_urls(stripped).strip()
        rest_words = len(rest.split())
        if not line_key(rest):
            return "url"
        sentence = ends_sentence(rest) or ends_sentence(stripped)
        if (rest_words <= 15 and (not sentence or rest_words <= 4)) or _upper_share(rest) > 0.6:
            return "call-to-action"
    long_sentence = count >= LONG_SENTENCE_WORDS and ends_sentence(stripped)
    if count <= 20 and not long_sentence and rules.prefixes.match(key):
        return "prefix"
    segments = stripped.split("|")
    if len(segments) >= 3 and all(len(part.split()) <= 3 for part in segments) and not ends_sentence(stripped):
        return "navigation"
    if count <= 5 and rules.reading_time.fullmatch(folded):
        return "reading-time"
    if count <= 7 and not ends_sentence(stripped) and _COUNTER.fullmatch(stripped):
        return "counter"
    if (count <= 6 or not ends_sentence(stripped)) and rules.photo_credit.search(folded):
        return "photo-credit"
    return None


def duplicate_lines(lines: Sequence[str], keys: Sequence[str] | None = None) -> set[int]:
    """Positions of repeated lines to drop.

    A repeated sentence keeps its first occurrence; a repeated line that is not a
    sentence (a repeated header), or a short one shown twice in a row (a photo
    caption), goes entirely.
    """
    if keys is None:
        keys = [line_key(line) for line in lines]
    counts = Counter(keys)
    twice_in_a_row = {a for a, b in zip(keys, keys[1:]) if a == b}
    drop: set[int] = set()
    seen: set[str] = set()
    for index, (line, key) in enumerate(zip(lines, keys)):
        if counts[key] < 2 or not key:
            continue
        caption = key in twice_in_a_row and len(line.split()) <= CAPTION_WORDS
        if caption or not ends_sentence(line) or key in seen:
            drop.add(index)
        seen.add(key)
    return drop


def _trailing_label(line: str, key: str, rules: BoilerplateRules) -> bool:
    if key in rules.related:
        return True
    return is_label(line, max_words=4) and not line.rstrip().endswith(":")


def _headline_like(line: str) -> bool:
    return not ends_sentence(line) and len(line.split()) <= 30


def _link_like(line: str) -> bool:
    # Headlines may end in "?" or "!", never in a full stop: a line ending in "." is body.
    stripped = line.rstrip(" \"'”’»)")
    return len(line.split()) <= LINK_WORDS and (not ends_sentence(line) or stripped.endswith(("?", "!", "؟")))


def edge_lines(lines: Sequence[str], rules: BoilerplateRules, keys: Sequence[str] | None = None) -> set[int]:
    """Positions of edge boilerplate: labels at the start, a trailing label with its links.

    A "Read also" label inside the text goes with the headline it announces.
    """
    if keys is None:
        keys = [line_key(line) for line in lines]
    drop: set[int] = set()
    start = 0
    while start < len(lines):
        if keys[start] in rules.related:
            drop.add(start)
            if start + 1 < len(lines) and _headline_like(lines[start + 1]):
                drop.add(start + 1)
                start += 1
        elif not is_label(lines[start]):
            break
        drop.add(start)
        start += 1
    first_run = len(lines)
    while first_run > 0 and (_headline_like(lines[first_run - 1]) or keys[first_run - 1] in rules.related):
        first_run -= 1
    first_run = max(first_run, start)
    for index in range(first_run, len(lines)):
        if _trailing_label(lines[index], keys[index], rules):
            drop.update(range(index, len(lines)))
            break
    # An explicit "Related posts" label: the links after it may end in "?" or "!".
    links_from = len(lines)
    while links_from > start and _link_like(lines[links_from - 1]):
        links_from -= 1
    for index in range(links_from, len(lines)):
        if keys[index] in rules.related:
            drop.update(range(index, len(lines)))
            break
    for index in range(start, min(first_run, len(lines))):
        if keys[index] in rules.related:
            drop.add(index)
            if index + 1 < len(lines) and _headline_like(lines[index + 1]):
                drop.add(index + 1)
    return drop


def clean_lines(
    lines: Sequence[str],
    rules: BoilerplateRules,
    outlet_lines: frozenset[str] = frozenset(),
    reserved: frozenset[int] = frozenset(),
    reasons: Sequence[str | None] | None = None,
    keys: Sequence[str] | None = None,
) -> Cleaned:
    """Clean a page's lines; `reserved` positions (title, dateline, byline) are taken out first.

    `reasons` and `keys` may carry line_reason's verdicts and line_key's keys already computed.
    """
    if keys is None:
        keys = [line_key(line) for line in lines]
    if reasons is None:
        reasons = [line_reason(line, rules, outlet_lines) for line in lines]
    candidates = [i for i in range(len(lines)) if i not in reserved and reasons[i] is None]
    removed = {i for i in range(len(lines)) if i not in reserved} - set(candidates)
    dup = duplicate_lines([lines[i] for i in candidates], [keys[i] for i in candidates])
    after_dup = [i for n, i in enumerate(candidates) if n not in dup]
    removed.update(i for n, i in enumerate(candidates) if n in dup)
    kept = after_dup
    while True:  # dropping an edge can expose another one: repeat until nothing changes
        edges = edge_lines([lines[i] for i in kept], rules, [keys[i] for i in kept])
        if not edges:
            break
        removed.update(i for n, i in enumerate(kept) if n in edges)
        kept = [i for n, i in enumerate(kept) if n not in edges]
    return Cleaned(tuple(kept), tuple(sorted(removed)))


def clean_text(text: str, rules: BoilerplateRules, outlet_lines: frozenset[str] = frozenset()) -> str:
    """The body lines of `text`, one per line, stripped."""
    lines = text.splitlines()
    cleaned = clean_lines(lines, rules, outlet_lines)
    return "\n".join(lines[i].strip() for i in cleaned.kept)


def outlet_line_keys(
    texts: Iterable[str], min_articles: int = 5, min_share: float = 0.2, max_words: int = 40
) -> frozenset[str]:
    """Line keys that recur in many articles of one outlet (pass one outlet's raw texts).

    A line counts once per article; it is outlet boilerplate when it appears in at
    least `min_articles` articles and in at least `min_share` of them.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        keys = {line_key(line) for line in text.splitlines() if 0 < len(line.split()) <= max_words}
        counts.update(key for key in keys if key)
    threshold = max(min_articles, min_share * total)
    return frozenset(key for key, count in counts.items() if count >= threshold)
