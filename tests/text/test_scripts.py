"""Scripts of letters and the boundary letters patterns look at."""

from __future__ import annotations

import re

from newstrace.text.normalize import match_key
from newstrace.text.scripts import RULES, SPACED_WORD, script_of, unspaced


def test_scripts_of_east_asian_and_thai_letters() -> None:
    assert [script_of(c) for c in "王かカ한ไ"] == ["han", "kana", "kana", "hangul", "thai"]
    assert all(RULES[name].segmented for name in ("han", "kana", "thai", "hangul"))
    assert not RULES["latin"].segmented


def test_unspaced_letters_are_no_word_boundary_obstacle() -> None:
    assert unspaced("会") and unspaced("ー") and unspaced("ก")
    assert not unspaced("a") and not unspaced("한") and not unspaced("1")
    before = re.compile(f"(?<!{SPACED_WORD})会见")
    assert before.search("王毅会见") and not before.search("xx会见")


def test_hangul_syllables_keep_their_identity_when_normalised() -> None:
    # Decomposing "서울" would leave only its first consonants, and "수원" would match it.
    assert match_key("서울") == "서울" and match_key("서울") != match_key("수원")
