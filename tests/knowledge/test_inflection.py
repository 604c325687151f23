"""Endings written onto names, read from the shipped lexicons: what they make of the name."""

from __future__ import annotations

import pytest

from newstrace.errors import KnowledgeError
from newstrace.knowledge.inflection import ATTRIBUTE, PLACE, NameEndings
from newstrace.knowledge.lexicon import load_lexicon, load_lexicons

LEXICONS = load_lexicons()


def endings(language: str) -> NameEndings:
    return NameEndings.from_section(LEXICONS.get(language).section("inflection"))


@pytest.mark.parametrize(("language", "written", "after", "inflected", "case"), [
    # Turkish writes the case after an apostrophe: the mention stops before it.
    ("tr", "Ankara", "'da görüştü", False, PLACE),
    ("tr", "İstanbul", "’daki toplantıda", False, PLACE),
    ("tr", "Moskova", "'ya gitti", False, PLACE),
    ("tr", "Moskova", "'dan döndü", False, None),  # from Moscow
    # Hungarian glues it on: the matcher reads stem and ending as one mention.
    ("hu", "Budapesten", " tárgyalt", True, PLACE),
    ("hu", "Moszkvában", " járt", True, PLACE),
    ("hu", "Moszkvából", " hazatérve", True, None),  # from Moscow
    ("hu", "Putyinnal", " tárgyalt", True, None),  # with Putin
    ("hu", "NATO", "-ban dolgozik", False, PLACE),
    ("hu", "NATO", "-bankár", False, None),  # the ending must close its word
    # Hindi and Urdu: a postposition, the next word.
    ("hi", "दिल्ली", " में मुलाकात की", False, PLACE),
    ("hi", "मुंबई", " से लौटकर", False, None),
    ("ur", "اسلام آباد", " میں ملاقات", False, PLACE),
    # Bengali glues the locative onto the name; the genitive is no place.
    ("bn", "ঢাকায়", " বৈঠক করেন", True, PLACE),
    ("bn", "দিল্লিতে", " পৌঁছান", True, PLACE),
    ("bn", "দিল্লির", " সফর", True, None),
    # Japanese and Korean particles; the longer attributive one wins over the place one.
    ("ja", "東京", "でトルコの外相と会談", False, PLACE),
    ("ja", "ガザ", "での停戦について", False, ATTRIBUTE),
    ("ko", "서울", "에서 회담했다", False, PLACE),
    ("ko", "도쿄", "에서의 회의", False, ATTRIBUTE),
    # Polish case endings only let the name be read: "w Warszawie" is a place by its preposition.
    ("pl", "Warszawie", " z ministrem", True, None),
])
def test_the_case_an_ending_gives_a_name(language, written, after, inflected, case) -> None:
    assert endings(language).case_of(written, after, inflected) == case


def test_an_ending_inside_a_mention_counts_only_for_an_inflected_match() -> None:
    # A name that merely ends like an ending ("...ben") is no inflected form of a shorter one.
    assert endings("hu").case_of("Moszkvában", " járt", inflected=False) is None


def test_only_endings_of_letters_are_glued_onto_the_name() -> None:
    assert {"ban", "ben", "nal"} <= endings("hu").glued  # "Budapest-ben" is read after the hyphen
    # A Turkish proper name's ending follows an apostrophe ("Ankara'da"); only the case endings
    # a common noun closing a name takes are glued ("Sudan ordusuyla").
    assert "yla" in endings("tr").glued and not any(e.startswith(("'", "’")) for e in endings("tr").glued)
    assert not endings("hi").glued  # postpositions are words of their own
    assert {"ie", "iem"} <= endings("pl").glued
    assert endings("hu").stem_letters == ("a", "e")


def test_the_knowledge_base_gives_the_matcher_the_glued_endings() -> None:
    from newstrace.context import Context

    kb = Context(use_spacy=False).kb
    assert kb.name_endings("hu") == endings("hu").glued
    found = {ref.entity_id for match in kb.matcher.find("Szombaton Budapesten tárgyalt.", kb.name_endings("hu"))
             for ref in match.refs}
    assert "gn:3054643" in found
    found = {ref.entity_id for match in kb.matcher.find("Szombaton Budapesten tárgyalt.", frozenset())
             for ref in match.refs}
    assert "gn:3054643" not in found


def test_endings_as_a_bare_list_are_refused_naming_the_file(tmp_path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\ninflection:\n  endings: [a, e]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_lexicon(path)
    assert "xx.yaml" in str(error.value) and "inflection.endings" in str(error.value)
