"""One-pass dictionary matching of every knowledge-base name, with per-script word boundaries."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newstrace.text.diacritics import is_mark
from newstrace.text.normalize import fold_char, normalize
from newstrace.text.scripts import RULES, ScriptRule, is_word_char, script_of

CLOSED, OPEN_RIGHT, OPEN_LEFT, STEM, SEGMENTED = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class NameRef:
    """One written name of one entity, as indexed.

    tag: name | acronym | partial (a person's surname alone) | demonym;
    priority: lower wins between entities sharing a key; cased: the text must
    start the match with a capital; exact: the text must show the form itself,
    case and all (short names and acronyms).
    """

    entity_id: str
    form: str
    tag: str
    priority: int
    cased: bool
    exact: bool
    rank: int = 0  # tie-break inside a priority (e.g. minus population)
    script: str = "latin"


@dataclass(frozen=True)
class KeyMatch:
    """A place in the text where a key matched, as offsets into the original text."""

    start: int
    end: int
    key: str
    refs: tuple[NameRef, ...]
    inflected: bool = False


def _stem(word: str, rule: ScriptRule) -> str:
    if rule.stem_vowels and len(word) >= 4 and word[-1] in rule.stem_vowels:
        return word[:-1]
    return word


def key_variants(key: str, rule: ScriptRule, inflect_all_words: bool,
                 stem_letters: str = "") -> tuple[tuple[str, int], ...]:
    """The padded automaton keys for one name key, with their boundary mode.

    `stem_letters`: final letters some lexicon's language drops before a case ending
    ("Moszkva" -> "Moszkv-ában"); such a stem only matches with an ending of the article's
    language (see NameMatcher.find).
    """
    if rule.segmented:
        # No padding: the name may touch other letters; the segmenter's cuts decide.
        return ((key, SEGMENTED),)
    if rule.prefixes:
        return ((key + " ", OPEN_LEFT),)
    if rule.suffixes and len(key) >= 4:
        # Latin names take at most a listed suffix (German genitive "Putins"): one open key.
        variants = [(" " + key, OPEN_RIGHT)]
        if key[-1] in stem_letters and len(key.split()[-1]) >= 4:
            variants.append((" " + key[:-1], STEM))
        return tuple(variants)
    variants = [(" " + key + " ", CLOSED)]
    if rule.suffix_letters:
        words = key.split()
        last = _stem(words[-1], rule)
        if len(last) >= 3:
            head = words[:-1]
            variants.append((" " + " ".join(head + [last]), OPEN_RIGHT))
            if head and inflect_all_words:
                for ending in rule.endings:
                    inflected = [_stem(word, rule) + ending for word in head]
                    variants.append((" " + " ".join(inflected + [last]), OPEN_RIGHT))
    return tuple(variants)


class NameMatcher:
    """An Aho–Corasick automaton over normalised names, scanned once per text."""

    def __init__(self, keys: Mapping[str, tuple[NameRef, ...]], inflect_ids: frozenset[str] = frozenset(),
                 stem_letters: str = "") -> None:
        """Index `keys` (normalised name -> its entries, best first); `stem_letters` as in key_variants."""
        # A slot is (padded length, boundary mode, key, script); the entries of a key are
        # read from `keys` only when a match passes its boundaries, so a compiled matcher
        # decodes just the keys a text hits.
        import ahocorasick  # here, not at the top: a compiled matcher is unpickled, never built

        self._keys = keys
        self._slots: list[tuple[int, int, str, str]] = []
        automaton = ahocorasick.Automaton()
        stems = []
        for key, refs in keys.items():
            if not key or not refs:
                continue
            rule = RULES[refs[0].script]
            inflect = any(ref.tag == "name" and ref.entity_id in inflect_ids for ref in refs)
            for padded, mode in key_variants(key, rule, inflect, stem_letters):
                if mode == STEM:
                    stems.append((padded, key, rule.name))
                elif padded not in automaton:
                    automaton.add_word(padded, len(self._slots))
                    self._slots.append((len(padded), mode, key, rule.name))
        # A stem never hides a name written out: "Liban" stays Lebanon, not the stem of "Libano".
        for padded, key, script in stems:
            if padded not in automaton:
                automaton.add_word(padded, len(self._slots))
                self._slots.append((len(padded), STEM, key, script))
        if self._slots:
            automaton.make_automaton()
        self._automaton = automaton
        self._prefixes = {name: re.compile(rule.prefixes) for name, rule in RULES.items() if rule.prefixes}

    def state(self) -> tuple[object, list[tuple[int, int, str, str]]]:
        """What a compiled knowledge base stores: the automaton and its slots (the keys are stored apart)."""
        return self._automaton, self._slots

    @classmethod
    def from_state(cls, state: tuple[object, list[tuple[int, int, str, str]]],
                   keys: Mapping[str, tuple[NameRef, ...]]) -> NameMatcher:
        """The matcher `state()` described, over the same keys."""
        matcher = cls.__new__(cls)
        matcher._automaton, matcher._slots = state
        matcher._keys = keys
        matcher._prefixes = {name: re.compile(rule.prefixes) for name, rule in RULES.items() if rule.prefixes}
        return matcher

    def __len__(self) -> int:
        return len(self._slots)

    def find(self, text: str, endings: frozenset[str] = frozenset(),
             cuts: frozenset[int] | None = None) -> tuple[KeyMatch, ...]:
        """Every boundary-valid match in `text` (overlapping ones included), in text order.

        `endings`: case endings (in matching form) the text's language glues onto names
        ("Budapest-en", "Putyin-nal", "Tusk-iem"); a name's stem matches only with one of them.
        `cuts` are the word boundaries of the text's segmenter (original offsets): a name
        of a segmented script (Han, kana, Thai, Hangul) must start and end on one. Without
        cuts such a name must stand between non-letters.
        """
        if not self._slots or not text:
            return ()
        normal = normalize(text)
        padded = " " + normal.text + " "
        found: list[KeyMatch] = []
        for end, slot in self._automaton.iter(padded):
            length, mode, key, script = self._slots[slot]
            rule = RULES[script]
            start = end - length + 1
            core_start = start + 1 if padded[start] == " " else start
            core_end = end if padded[end] == " " else end + 1
            inflected = False
            if mode in (OPEN_RIGHT, STEM):
                tail = core_end
                while tail < len(padded) and is_word_char(padded[tail]):
                    tail += 1
                suffix = padded[core_end:tail]
                if mode == STEM and suffix not in endings:
                    continue
                if suffix and suffix not in rule.suffixes and suffix not in endings and (
                        len(suffix) > rule.suffix_letters or any(script_of(c) != rule.name for c in suffix)
                        or (rule.case_endings and suffix not in rule.case_endings)):
                    continue
                inflected = bool(suffix) or core_end != end + 1
                core_end = tail
            elif mode == OPEN_LEFT:
                head = core_start
                while head > 0 and is_word_char(padded[head - 1]):
                    head -= 1
                prefix = self._prefixes.get(script)
                if prefix is None or not prefix.fullmatch(padded[head:core_start]):
                    continue
                core_start = head  # the clitics belong to the written token
            if mode == SEGMENTED:
                core_start, core_end = start, end + 1
                if cuts is None and (padded[start - 1].isalnum() or padded[end + 1].isalnum()):
                    continue
            orig_start, orig_end = normal.original_span(core_start - 1, core_end - 1)
            if mode == SEGMENTED:
                # Marks dropped by normalisation (Thai vowel signs) still belong to the last letter.
                while orig_end < len(text) and orig_end not in (cuts or ()) and not fold_char(text[orig_end]):
                    orig_end += 1
                if cuts is not None and not (orig_start in cuts and orig_end in cuts):
                    continue
            else:
                while orig_end < len(text) and is_mark(text[orig_end]):
                    orig_end += 1  # the marks written on its last letter (Bengali "ঢাকায়") belong to the name
            surface = text[orig_start:orig_end]
            kept = tuple(ref for ref in self._keys[key] if _case_ok(ref, surface))
            if kept:
                found.append(KeyMatch(orig_start, orig_end, key, kept, inflected))
        found.sort(key=lambda match: (match.start, -match.end))
        return tuple(found)


def _case_ok(ref: NameRef, surface: str) -> bool:
    if ref.exact:
        return surface == ref.form or surface.replace("İ", "I") == ref.form.replace("İ", "I")
    if ref.cased:
        words = surface.split()
        if not words:
            return False
        if words[0][:1].isupper():
            return True
        # A lowercase particle may open a name ("аль-Тани", "al-Hayya") when a capital follows.
        return len(words[0].split("-")[0]) <= 3 and any(char.isupper() for char in surface)
    return True
