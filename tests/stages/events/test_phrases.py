"""Lexicon phrases: auxiliaries of compound tenses, one or several words long."""

from newstrace.stages.events.phrases import with_auxiliaries


def test_an_auxiliary_of_one_or_several_words_gives_its_other_forms():
    auxiliaries = {"a": ("avait",), "se sont": ("s'étaient",), "hat": ("hatte",)}
    got = with_auxiliaries(["a rencontré", "se sont réunis", "hat getroffen", "rencontre"], auxiliaries)
    assert got == ["a rencontré", "avait rencontré", "se sont réunis", "s'étaient réunis",
                   "hat getroffen", "hatte getroffen", "rencontre"]


def test_a_pattern_does_not_depend_on_the_process_string_hashing():
    # Phrases of one length in a set would come out in another order in each process.
    import os
    import subprocess
    import sys

    probe = ("from newstrace.stages.events.phrases import compile_phrases;"
             "print(compile_phrases(['dit', 'lui', 'ont', 'sur', 'par', 'a dit', 'ont dit', 'les']).pattern)")
    patterns = {
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed),
                            "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(patterns) == 1 and "dit" in patterns.pop()


def test_phrases_of_one_length_keep_the_order_they_were_given():
    from newstrace.stages.events.phrases import compile_phrases

    pattern = compile_phrases(["sur", "dit", "a dit", "par"]).pattern
    # Longest first, then the given order: each first letter's group opens on its lookahead.
    starts = [pattern.index(f"(?=[{letter.upper()}{letter}])") for letter in "asdp"]
    assert starts == sorted(starts)


def test_endings_give_the_other_persons_of_one_word_verbs():
    from newstrace.stages.events.phrases import with_endings

    forms = with_endings(["وقع", "أطلق سراح"], ["ت", "ا", "تا", "وا"])
    assert forms[:5] == ["وقع", "وقعت", "وقعا", "وقعتا", "وقعوا"]
    assert "أطلق سراح" in forms and not any(f.startswith("أطلق سراح") and f != "أطلق سراح" for f in forms)
    assert with_endings(["signed"], []) == ["signed"]


def test_endings_reach_the_verb_of_a_verb_object_phrase():
    from newstrace.stages.events.phrases import with_endings

    assert with_endings(["أفرج … عن"], ["ت", "وا"]) == ["أفرج … عن", "أفرجت … عن", "أفرجوا … عن"]
    assert with_endings(["a remis … otages"], ["s"]) == ["a remis … otages"]


def test_rewrites_give_the_other_genders_of_a_past_tense_by_its_longest_ending():
    from newstrace.stages.events.phrases import with_rewrites

    rewrites = {"l": ["la", "lo", "li"], "la": ["lo"]}
    assert with_rewrites(["napadl"], rewrites) == ["napadl", "napadla", "napadlo", "napadli"]
    assert with_rewrites(["uvedla"], rewrites) == ["uvedla", "uvedlo"]  # "la" is rewritten, not "a" after "l"
    assert with_rewrites(["podnikl útok", "tvrdí", "zaútoč*"], rewrites) == ["podnikl útok", "tvrdí", "zaútoč*"]
    assert with_rewrites(["napadl … cíl"], rewrites)[:2] == ["napadl … cíl", "napadla … cíl"]
