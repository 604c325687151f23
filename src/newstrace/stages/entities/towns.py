"""Small towns (knowledge/places.py TOWN): linked only where the text places something in them.

A town of a few thousand inhabitants shares its name with words, surnames and bigger places
far more often than the press names it. Written bare it is not the town; inside a place phrase
it is: after a place word of the language ("in", "near", "dans la ville de"), with a locative
ending ("Pahalgam'da"), or beside its own country ("Pahalgam, India", "Pahalgam (Inde)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newstrace.knowledge.inflection import PLACE, NameEndings
from newstrace.knowledge.matcher import KeyMatch
from newstrace.knowledge.places import TOWN

# Words a place phrase may put between its place word and the town ("in the town of", "in der Stadt").
_FILLER_WORDS = 3
# Before the town: the clause it stands in, no further back than this.
_REACH = 60
_CLAUSE_END = re.compile(r"[.,;:!?()«»\"“”؟،。]")
# Between a town and its country: a comma, "in", or an opening bracket ("Pahalgam (Inde)").
_COUNTRY_GAP = re.compile(r"^(?:\s*,\s*|\s*\(\s*|\s+[^\W\d_]{1,3}\s+)$")


@dataclass(frozen=True)
class PlacePhrases:
    """One language's words that open a place phrase, and its case endings."""

    before: re.Pattern[str] | None
    endings: NameEndings
    # Every noun has its capital ("in der Stadt Pahalgam"): a capitalised word before the town
    # may be a filler; elsewhere it is the start of a longer name ("in Medio Oriente").
    capitalised_nouns: bool = False


def place_phrases(lexicon) -> PlacePhrases:
    """The lexicon's `triggers.place_before` and `place_relative` words, as one pattern that must
    end the text before a town (a few filler words allowed), and its case endings."""
    if lexicon is None:
        return PlacePhrases(None, NameEndings())
    section = lexicon.section("triggers")
    words = sorted({str(w).casefold() for key in ("place_before", "place_relative") for w in section.get(key) or ()
                    if str(w).strip()}, key=len, reverse=True)
    endings = NameEndings.from_section(lexicon.section("inflection"))
    if not words:
        return PlacePhrases(None, endings, lexicon.capitalised_nouns)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    pattern = re.compile(r"(?<![\w'’])(?:" + body + r")(?P<fillers>(?:\s+[\w'’-]+){0,%d})\s*$" % _FILLER_WORDS,
                         re.IGNORECASE)
    return PlacePhrases(pattern, endings, lexicon.capitalised_nouns)


def is_town(kb, entity_id: str) -> bool:
    entity = kb.get(entity_id)
    return entity is not None and entity.subtype == TOWN


def placed_towns(text: str, matches: Sequence[KeyMatch], kb, phrases: PlacePhrases) -> list[KeyMatch]:
    """The matches with the towns that no place phrase introduces taken out of their readings
    (a match left with no reading is dropped): "in Pahalgam" is the town, "Pahalgam said" no link."""
    countries = [(m, kb.get(m.refs[0].entity_id)) for m in matches if m.refs]
    countries = [(m, e) for m, e in countries if e is not None and e.kind == "country"]
    kept = []
    for match in matches:
        if any(is_town(kb, ref.entity_id) for ref in match.refs) and not _in_place_phrase(text, match, phrases):
            beside = {e.country for m, e in countries if _beside(text, match, m)}
            refs = tuple(ref for ref in match.refs
                         if not is_town(kb, ref.entity_id) or kb.get(ref.entity_id).country in beside)
            if not refs:
                continue
            match = replace(match, refs=refs)
        kept.append(match)
    return kept


def _in_place_phrase(text: str, match: KeyMatch, phrases: PlacePhrases) -> bool:
    written = text[match.start:match.end]
    if phrases.endings.case_of(written, text[match.end:match.end + 12], match.inflected) == PLACE:
        return True
    if phrases.before is None:
        return False
    before = text[max(0, match.start - _REACH):match.start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    phrase = phrases.before.search(before, cut)
    if phrase is None:
        return False
    fillers = phrase.group("fillers").split()
    return phrases.capitalised_nouns or not fillers or not fillers[-1][:1].isupper()


def _beside(text: str, town: KeyMatch, country: KeyMatch) -> bool:
    """A country right after the town ("Pahalgam, India") or right before it ("India's Pahalgam")."""
    if country.start >= town.end:
        return bool(_COUNTRY_GAP.match(text[town.end:country.start]))
    if country.end <= town.start:
        return text[country.end:town.start].strip() in ("", "'s", "’s")
    return False
