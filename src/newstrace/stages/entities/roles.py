"""Role descriptors ("le chef du renseignement turc") and their holder on the article's date."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newstrace.knowledge.lexicon import Lexicon
from newstrace.model import Span
from newstrace.text.normalize import match_key, normalize
from newstrace.text.scripts import RULES, SPACED_WORD, script_of, script_of_text

# Between a title and its country or organisation cue: at most two short words
# ("du", "de la", "of the", "'s") and punctuation, nothing else.
_GAP = re.compile(r"^[\W_]*(?:[^\W\d_]{1,3}[\W_]+){0,2}$")
# Before a title, a cue is tight: "Turkish intelligence chief", "Qatar's prime minister", "MİT Başkanı".
_BEFORE_GAP = re.compile(r"^[\s'’]*(?:s\s+)?$")


@dataclass(frozen=True)
class RolePatterns:
    """One language's compiled role patterns: titles (longest first) and organisation-head words."""

    titles: re.Pattern[str] | None
    title_names: tuple[str, ...]
    heads: re.Pattern[str] | None
    implied: tuple[str | None, ...] = ()  # per title alternative: the country it names by itself
    counterparts: re.Pattern[str] | None = None
    unnamed_doers: re.Pattern[str] | None = None  # "gunmen", "Bewaffnete": doers a report does not name


@dataclass(frozen=True)
class Cue:
    """A country or organisation written near a title."""

    span: Span
    entity_id: str
    country: str | None
    org: bool


@dataclass(frozen=True)
class RoleDescriptor:
    """A title found in the text, with its cue and the holder it resolved to (or None)."""

    span: Span
    title: str | None
    cue: Cue | None
    entity_id: str | None
    confidence: float
    rule: str
    title_span: Span
    candidates: tuple[str, ...] = ()  # every holder ever, when the date did not decide
    counterpart: bool = False  # "his Iranian counterpart": the title is that of the person met


def _word_regex(word: str, first: bool) -> str:
    if word == "*":
        return ""
    rule = RULES[script_of_text(word)]
    body = re.escape(word)
    if rule.suffix_letters:
        stem = word[:-1] if len(word) > 4 and word[-1] in rule.stem_vowels else word
        body = re.escape(stem) + r"[^\W\d_]{0,%d}" % rule.suffix_letters
    if first and rule.prefixes:
        body = rule.prefixes + body
    return body


def _pattern_regex(pattern: str) -> str:
    words = " * ".join(match_key(part) for part in pattern.split("*")).split()
    parts: list[str] = []
    for index, word in enumerate(words):
        if word == "*":
            parts.append(r"(?: +[^\W\d_]+)?")
        else:
            parts.append((" +" if parts else "") + _word_regex(word, index == 0))
    return "".join(parts)


def _alternation(patterns: Sequence[tuple[str, str]]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    ordered = sorted(patterns, key=lambda item: -len(item[1]))
    if not ordered:
        return None, ()
    body = "|".join(f"(?P<g{index}>{_pattern_regex(text)})" for index, (_, text) in enumerate(ordered))
    # Letters of scripts written without spaces are no boundary ("伊朗外长阿拉格齐").
    edge = SPACED_WORD[:-1] + "_]"
    return re.compile(f"(?<!{edge})(?:" + body + f")(?!{edge})"), tuple(title for title, _ in ordered)


def compile_role_patterns(lexicon: Lexicon | None) -> RolePatterns:
    """Compile a lexicon's `roles` section (titles -> patterns, heads -> words)."""
    section: Mapping = lexicon.section("roles") if lexicon else {}
    pairs = []
    for title, texts in (section.get("titles") or {}).items():
        for text in texts or ():
            pattern, _, country = str(text).partition("@")
            pairs.append((f"{title}@{country.strip().upper()}" if country else str(title), pattern.strip()))
    titles, names = _alternation(pairs)
    heads, _ = _alternation([("head", str(word)) for word in section.get("heads") or ()])
    implied = tuple(name.partition("@")[2] or None for name in names)
    counterparts, _ = _alternation([("counterpart", str(word)) for word in section.get("counterparts") or ()])
    unnamed, _ = _alternation([("unnamed", str(word)) for word in section.get("unnamed_doers") or ()])
    return RolePatterns(titles, tuple(name.partition("@")[0] for name in names), heads, implied, counterparts,
                        unnamed)


def find_unnamed_doers(text: str, patterns: RolePatterns) -> tuple[Span, ...]:
    """Where the text names doers only by what they did or bore ("gunmen", "des hommes armés")."""
    if patterns.unnamed_doers is None:
        return ()
    normal = normalize(text)
    found = []
    for match in patterns.unnamed_doers.finditer(normal.text):
        start, end = normal.original_span(match.start(), match.end())
        while end < len(text) and unicodedata.category(text[end]).startswith("M"):
            end += 1  # the vowel signs matching drops ("आतंकियों", not "आतंकियो")
        found.append(Span(start, end))
    return tuple(found)


def _adjacent(text: str, left: int, right: int, before: bool = False) -> bool:
    if left > right:
        return False
    # A vowel sign is part of its word ("मोदी" is one word of four letters, not two short ones),
    # and a Hangul syllable is a few letters ("수요일", Wednesday, is no short function word).
    gap = "".join("a" if unicodedata.category(c).startswith("M") else "aa" if script_of(c) == "hangul" else c
                  for c in text[left:right])
    return bool((_BEFORE_GAP if before else _GAP).match(gap))


def _nearest_cue(text: str, span: Span, cues: Sequence[Cue], want_org: bool | None) -> Cue | None:
    best: tuple[int, Cue] | None = None
    for cue in cues:
        if want_org is not None and cue.org != want_org:
            continue
        if span.start <= cue.span.start and cue.span.end <= span.end:
            distance = 0
        elif cue.span.start >= span.end and _adjacent(text, span.end, cue.span.start):
            distance = cue.span.start - span.end
        elif cue.span.end <= span.start and _adjacent(text, cue.span.end, span.start, before=True):
            distance = span.start - cue.span.end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


# Which position "the head of" an organisation most likely means, when it has several.
HEAD_PREFERENCE = (
    "body_head", "secretary_general", "intelligence_chief", "political_bureau_chief", "movement_leader",
    "party_leader", "military_chief", "military_wing_leader", "ceo", "police_chief", "army_commander",
)


def _resolve(kb, title: str | None, cue: Cue, day: date | None) -> tuple[str | None, float, str, tuple[str, ...]]:
    """The holder of `title` for the cue's country or organisation on `day`."""
    where = cue.entity_id if cue.org else cue.country
    label = f"role:{title or 'head'}@{where}"
    if title:
        titles = [title]
    else:
        held = kb.titles_for_org(cue.entity_id)
        titles = [name for name in HEAD_PREFERENCE if name in held] + sorted(set(held) - set(HEAD_PREFERENCE))
    scopes = [{"org_id": cue.entity_id}] if cue.org else [{"country": cue.country}]
    if cue.org and title and cue.country:
        scopes.append({"country": cue.country})
    candidates: list[str] = []
    for scope in scopes:
        for name in titles:
            if day is not None:
                found = kb.holders(name, on=day, **scope)
                if found:
                    return found[0].id, 0.85, label, ()
            else:
                ever = kb.holders(name, **scope)
                if len(ever) == 1:
                    return ever[0].id, 0.6, label, ()
                candidates += [entity.id for entity in ever]
    return cue.entity_id, 0.3, label + ":unresolved", tuple(dict.fromkeys(candidates))


def find_role_descriptors(text: str, patterns: RolePatterns, cues: Sequence[Cue], kb,
                          day: date | None) -> tuple[RoleDescriptor, ...]:
    """Titles in `text` combined with a nearby country or organisation cue, resolved on `day`."""
    normal = normalize(text)
    found: list[RoleDescriptor] = []
    taken: list[Span] = []
    for regex, is_head in ((patterns.counterparts, None), (patterns.titles, False), (patterns.heads, True)):
        if regex is None:
            continue
        for match in regex.finditer(normal.text):
            start, end = normal.original_span(match.start(), match.end())
            title_span = Span(start, end)
            if any(start < other.end and other.start < end for other in taken):
                continue
            if is_head is None:
                cue = _nearest_cue(text, title_span, cues, False)
                if cue is not None:
                    taken.append(title_span)
                    span = Span(min(start, cue.span.start), max(end, cue.span.end))
                    found.append(RoleDescriptor(span, None, cue, None, 0.0, f"role:counterpart@{cue.country}",
                                                title_span, counterpart=True))
                continue
            group = int(match.lastgroup[1:]) if match.lastgroup else 0
            title = None if is_head else patterns.title_names[group]
            implied = None if is_head else patterns.implied[group]
            cue = _nearest_cue(text, title_span, cues, True if is_head else None)
            if cue is None and implied:
                cue = Cue(title_span, "iso:" + implied, implied, False)
            if cue is None and is_head:
                continue
            taken.append(title_span)
            if cue is None:
                found.append(RoleDescriptor(title_span, title, None, None, 0.0, f"role:{title}", title_span))
                continue
            entity_id, confidence, rule, candidates = _resolve(kb, title, cue, day)
            span = Span(min(start, cue.span.start), max(end, cue.span.end))
            found.append(RoleDescriptor(span, title, cue, entity_id, confidence, rule, title_span, candidates))
    found.sort(key=lambda item: item.span.start)
    return tuple(found)
