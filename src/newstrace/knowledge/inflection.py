"""What a language writes onto a name, and what it makes of it: one lexicon key, read one way.

A lexicon's `inflection` section:

    endings:            # by what they make of the name
      place: [...]      # the place of the event: "Budapest|en", "Ankara|'da", "ঢাকা|য়", "東京|で";
                        # with a leading space, a word after the name: Hindi "दिल्ली| में"
      attribute: [...]  # a place that qualifies a noun, not where: "ガザ|での作戦"
      other: [...]      # any other case: "Putyin|nal" is still Putin
    stem_letters: [...] # final letters a name drops before an ending ("Moszkva" -> "Moszkv|ában")
    compound_heads: [...]  # nouns after a hyphen that leave the name the one acting: "US-|Streitkräfte",
                        # "Hamas-|Kämpfer" ("*" ends a prefix); any other compound is a word of
                        # its own ("Nato-Generalsekretär" is a title, read by the role stage)

An ending made of letters may be glued onto the name: the name matcher accepts it
(knowledge/matcher.py), so the mention covers it. One that opens with another sign
(Turkish apostrophe, Hungarian hyphen, a space) follows the mention. Either way
`case_of` tells what the ending makes of the name: the event stages ask it whether a
place mention is where the event happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from newstrace.text.normalize import match_key
from newstrace.text.scripts import is_word_char, unspaced

PLACE = "place"
ATTRIBUTE = "attribute"


def _closes_word(char: str) -> bool:
    """Whether the character after an ending lets the word end there (a letter of a script
    written without spaces does: "東京で会談")."""
    return not char or not is_word_char(char) or unspaced(char)


@dataclass(frozen=True)
class NameEndings:
    """One language's endings on names, by case, longest first."""

    cases: Mapping[str, str] = field(default_factory=dict)  # ending (casefolded) -> its case
    stem_letters: tuple[str, ...] = ()

    @classmethod
    def from_section(cls, section: Mapping) -> NameEndings:
        endings = section.get("endings") or {}
        if not isinstance(endings, Mapping):
            raise ValueError("'inflection.endings' maps a case (place, attribute, other) to its endings")
        cases: dict[str, str] = {}
        for case, words in endings.items():
            for word in words or ():
                cases.setdefault(str(word).casefold(), str(case))
        ordered = dict(sorted(cases.items(), key=lambda item: -len(item[0])))
        return cls(ordered, tuple(str(letter) for letter in section.get("stem_letters") or ()))

    @property
    def glued(self) -> frozenset[str]:
        """Match keys of the endings written onto the name's own letters ("Budapest-en" is read
        after the hyphen, "Ankara'da" after the apostrophe: neither is glued)."""
        return frozenset(match_key(ending) for ending in self.cases if is_word_char(ending[:1])) - {""}

    def case_of(self, written: str, after: str, inflected: bool = False) -> str | None:
        """PLACE or ATTRIBUTE when an ending of that case is on the name, else None (the other
        cases only let the matcher read the name).

        `written` is the mention as written and `after` the text right after it; an
        inflected mention (the matcher read a stem and an ending) carries its ending
        inside `written`, any other ending follows in `after` and must end its word. The
        longest ending wins ("ガザでの" is an attribute, not "ガザで")."""
        after = after.casefold()
        written = written.casefold() if inflected else ""
        for ending, case in self.cases.items():
            if case not in (PLACE, ATTRIBUTE):
                continue
            if after.startswith(ending) and _closes_word(after[len(ending):len(ending) + 1]):
                return case
        for ending, case in self.cases.items():
            if case in (PLACE, ATTRIBUTE) and written.endswith(ending) and len(written) > len(ending) + 2:
                return case
        return None
