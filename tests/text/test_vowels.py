"""Vowel marks of the abjads: when written, they tell apart names the bare letters share."""

from __future__ import annotations

import pytest

from newstrace.text.vowels import has_vowel_marks, readings_agree, vocalisation


@pytest.mark.parametrize(("written", "form", "expected"), [
    ("عمّان", "عَمّان", True),    # Amman: the doubled mim written alone still reads as Amman
    ("عمّان", "عُمان", False),    # Oman has no doubled mim
    ("عُمان", "عَمّان", False),   # damma against fatha on the first letter
    ("عُمان", "عُمان", True),
    ("عمان", "عُمان", None),      # unvocalised: nothing to tell
    ("عمّان", "عمان", None),
    ("מִצְרַיִם", "מצרים", None),
    ("בַּת", "בַּת", True),
    ("בַּת", "בַת", False),        # the dagesh of one reading only
])
def test_readings_agree(written, form, expected):
    assert readings_agree(written, form) is expected


def test_hamza_is_a_letter_not_a_vowel():
    # "أسعد": the hamza on the alef is spelling, not vocalisation.
    assert not has_vowel_marks("أسعد")
    assert vocalisation("أسعد") == (frozenset(),) * 4
