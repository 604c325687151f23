"""Kept regular expressions: the same compiled program as `re` gives, read back in a later block, never trusted blindly."""

from __future__ import annotations

import pickle
import re
import zlib

import pytest

from newstrace.knowledge import kept_regex
from newstrace.knowledge.compiled import write_artifact
from newstrace.knowledge.kept_regex import kept_regexes, path_of, supported
from newstrace.knowledge.lexicon import load_lexicons
from newstrace.stages.events.triggers import TriggerLexicon

pytestmark = pytest.mark.skipif(not supported(), reason="this Python's regular expression compiler is not CPython 3.11-3.13's")

# Named groups, a lookbehind, a class with marks, case folding and a bytes pattern.
PATTERNS = [
    (r"(?P<verb>(?<![\w\u0300-\u036f])rencontr[\w\u0300-\u036f]*)\s+(?P<who>[A-ZÉ]\w+)", re.IGNORECASE),
    (r"(?:a|avait|aura)\s+(?:[\w'’-]+\s+)?signé(?!\w)", 0),
    (rb"\d{1,2} (?:mars|avril)", 0),
]
TEXT = "Le ministre a également signé l'accord, puis il rencontrait Émile à Doha le 3 mars."


def compile_all(directory) -> list[re.Pattern]:
    re.purge()  # re's own in-process cache would answer before the block is asked
    with kept_regexes(directory, "test"):
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def plain() -> list[re.Pattern]:
    re.purge()
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def matches(patterns: list[re.Pattern]) -> list:
    found = []
    for pattern in patterns:
        subject = TEXT.encode() if isinstance(pattern.pattern, bytes) else TEXT
        found.append([(m.span(), m.groupdict(), m.lastgroup) for m in pattern.finditer(subject)])
    return found


def test_a_kept_pattern_is_the_program_re_compiles(tmp_path):
    first = compile_all(tmp_path)
    path = path_of(tmp_path, "test")
    assert path.exists()
    written = path.stat().st_mtime_ns
    second = compile_all(tmp_path)
    # Patterns compare by flags, text and compiled program.
    assert first == second == plain()
    assert [p.groupindex for p in second] == [p.groupindex for p in plain()]
    assert matches(second) == matches(plain()) and any(matches(second))
    assert path.stat().st_mtime_ns == written, "a block that compiled nothing new rewrote the file"


def test_a_new_pattern_is_added_and_the_unused_ones_dropped(tmp_path):
    compile_all(tmp_path)
    re.purge()
    with kept_regexes(tmp_path, "test"):
        new = re.compile(r"(?<!\w)Doha(?!\w)")
    assert new == re.compile(r"(?<!\w)Doha(?!\w)")
    store = kept_regex._Store(tmp_path, "test", None)
    assert set(store._read()) == {(str, r"(?<!\w)Doha(?!\w)", 0)}


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_damaged_file_is_ignored_and_rewritten(tmp_path, damage):
    compile_all(tmp_path)
    path = path_of(tmp_path, "test")
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:])
    else:
        path.write_bytes(b"not a kept regex file at all")
    assert compile_all(tmp_path) == plain()
    assert path.read_bytes() != b"not a kept regex file at all"
    assert kept_regex._Store(tmp_path, "test", None)._read(), "the damaged file was not rewritten"


def test_a_program_the_engine_refuses_is_compiled_again_from_its_text(tmp_path):
    pattern, flags = PATTERNS[0]
    good = kept_regex._program(pattern, flags)
    refused = (good[0], b"\xff\xff\xff\xff" * 8, *good[2:])
    packed = zlib.compress(pickle.dumps({(str, pattern, flags): refused}))
    write_artifact(path_of(tmp_path, "test"), kept_regex._key("test"), {"patterns": packed})
    re.purge()
    with kept_regexes(tmp_path, "test"):
        compiled = re.compile(pattern, flags)
    assert compiled == re.compile(pattern, flags) and matches([compiled])[0]


def test_without_a_folder_nothing_is_kept(tmp_path):
    re.purge()
    with kept_regexes(None, "test"):
        assert re.compile(PATTERNS[0][0], PATTERNS[0][1]) == plain()[0]
    assert not list(tmp_path.iterdir())


def test_the_french_trigger_lexicon_is_the_same_read_back(tmp_path):
    lexicon = load_lexicons().get("fr")
    fresh = TriggerLexicon.from_lexicon(lexicon)
    re.purge()
    with kept_regexes(tmp_path, "events-fr"):
        TriggerLexicon.from_lexicon(lexicon)
    re.purge()
    with kept_regexes(tmp_path, "events-fr"):
        kept = TriggerLexicon.from_lexicon(lexicon)
    assert kept.verbs == fresh.verbs and kept.nouns == fresh.nouns and kept.modes == fresh.modes
    assert kept.verb_labels == fresh.verb_labels
    sentence = "Le ministre turc a rencontré son homologue qatari à Doha et a signé un accord."
    assert [(m.span(), m.lastgroup) for m in kept.verbs.finditer(sentence)] == \
        [(m.span(), m.lastgroup) for m in fresh.verbs.finditer(sentence)] != []
