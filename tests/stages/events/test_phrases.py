"""Lexicon phrases: auxiliaries of compound tenses, one or several words long."""

from newstrace.stages.events.phrases import with_auxiliaries


def test_an_auxiliary_of_one_or_several_words_gives_its_other_forms():
    auxiliaries = {"a": ("avait",), "se sont": ("s'étaient",), "hat": ("hatte",)}
    got = with_auxiliaries(["a rencontré", "se sont réunis", "hat getroffen", "rencontre"], auxiliaries)
    assert got == ["a rencontré", "avait rencontré", "se sont réunis", "s'étaient réunis",
                   "hat getroffen", "hatte getroffen", "rencontre"]
