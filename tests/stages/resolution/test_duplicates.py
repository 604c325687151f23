"""The same report twice: same-language copies and cross-language renderings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.context import Context
from newstrace.model import DuplicateReport
from newstrace.stages.resolution.duplicates import best_translations, find_copies, find_translations, source_roots
from tests.factories import article, day

EN = ("The foreign ministers of Egypt and Jordan met in Cairo on Tuesday to discuss the reopening of the border "
      "crossing. They agreed to send a joint convoy of medical supplies next week. Both ministers called for an "
      "immediate halt to the fighting. The talks lasted three hours, officials said.")
FR = ("Les ministres des Affaires étrangères d'Égypte et de Jordanie se sont réunis mardi au Caire pour discuter de "
      "la réouverture du point de passage. Ils sont convenus d'envoyer la semaine prochaine un convoi commun de "
      "fournitures médicales. Les deux ministres ont appelé à un arrêt immédiat des combats. Les discussions ont "
      "duré trois heures, selon des responsables.")
ES = ("Los ministros de Asuntos Exteriores de Egipto y Jordania se reunieron el martes en El Cairo para hablar de "
      "la reapertura del paso fronterizo. Acordaron enviar la semana próxima un convoy conjunto de suministros "
      "médicos. Ambos ministros pidieron el cese inmediato de los combates. Las conversaciones duraron tres horas, "
      "según fuentes oficiales.")
OTHER_FR = ("Le match de football s'est terminé sur un score nul au stade de la ville. Les supporters ont chanté "
            "jusqu'à la fin. L'entraîneur a salué l'engagement de ses joueurs. La prochaine rencontre aura lieu "
            "dimanche prochain à domicile.")


def test_a_lightly_edited_copy_in_the_same_language_is_found():
    a = article(EN, name="a.txt", published=day("2026-03-03"))
    b = article(EN.replace("officials said", "officials told reporters"), name="b.txt", published=day("2026-03-04"))
    reports = find_copies([a, b, article(OTHER_FR, name="c.txt", language="fr")])
    assert [(r.article_id, r.duplicate_of, r.kind) for r in reports] == [(b.id, a.id, "copy")]


def _wire_copies(count: int, rnd=None):
    # One wire story that many outlets carry, each with its own closing line, published over several days.
    copies = [article(EN + f" Reported for outlet number {i}.", name=f"w{i:03}.txt",
                      published=day(f"2026-03-{3 + i % 5:02}")) for i in range(count)]
    return rnd.sample(copies, len(copies)) if rnd is not None else copies


def test_every_copy_of_a_widely_carried_story_points_at_the_first_published():
    copies = _wire_copies(40)
    reports = find_copies(copies + [article(OTHER_FR, name="c.txt", language="fr")])
    firsts = [a for a in copies if a.published.start.day == 3]
    original = max(firsts, key=lambda a: (len(a.text), a.content_hash, a.id))
    assert len(reports) == 39 and {r.duplicate_of for r in reports} == {original.id}
    assert all(r.kind == "copy" and r.score >= 0.6 for r in reports)


@given(st.randoms(use_true_random=False))
def test_copies_found_do_not_depend_on_the_order_or_the_names_of_the_articles(rnd):
    copies = _wire_copies(12)
    renamed = [replace(a, id=f"x{rnd.randrange(10**6):06}-{i}") for i, a in enumerate(copies)]
    back = {r.id: a.id for r, a in zip(renamed, copies, strict=True)}
    shuffled = find_copies(rnd.sample(renamed, len(renamed)))
    assert sorted((back[r.article_id], back[r.duplicate_of]) for r in shuffled) == \
        sorted((r.article_id, r.duplicate_of) for r in find_copies(copies))


@pytest.fixture(scope="module")
def encoder():
    return Context(use_spacy=False).encoder


def test_a_translation_is_found_and_a_different_story_is_not(encoder):
    en = article(EN, name="en.txt")
    fr = article(FR, name="fr.txt", language="fr")
    other = article(OTHER_FR, name="o.txt", language="fr")
    found = find_translations([en, fr, other], [(en.id, fr.id), (en.id, other.id)], encoder)
    assert len(found) == 1 and found[0].kind == "translation"
    assert {found[0].article_id, found[0].duplicate_of} == {en.id, fr.id}


def test_translations_found_pair_by_pair_merge_to_those_found_together(encoder):
    # The French text is the latest, so both comparisons report it, with two candidate originals:
    # the batch compares pairs in separate partitions and merges what they found.
    en = article(EN, name="en.txt", published=day("2026-03-03"))
    es = article(ES, name="es.txt", language="es", published=day("2026-03-03"))
    fr = article(FR, name="fr.txt", language="fr", published=day("2026-03-04"))
    pairs = [tuple(sorted((en.id, fr.id))), tuple(sorted((es.id, fr.id)))]
    together = find_translations([en, es, fr], pairs, encoder)
    apart = [r for pair in pairs for r in find_translations([en, es, fr], [pair], encoder)]
    assert len(apart) == 2 and {r.article_id for r in apart} == {fr.id}
    assert best_translations(apart) == together == best_translations(reversed(apart))
    assert len(together) == 1 and together[0].duplicate_of in {en.id, es.id}


_reports = st.lists(st.builds(DuplicateReport, st.sampled_from("abcd"), st.sampled_from("wxyz"), st.just("translation"),
                              st.sampled_from((0.8, 0.9, 1.0))), max_size=12)


@given(_reports, st.randoms(use_true_random=False))
def test_the_best_report_per_article_does_not_depend_on_order_or_on_how_reports_are_split(reports, rnd):
    shuffled = rnd.sample(reports, len(reports))
    cut = rnd.randint(0, len(reports))
    merged = best_translations(best_translations(shuffled[:cut]) + best_translations(shuffled[cut:]))
    assert best_translations(reports) == best_translations(shuffled) == merged
    assert len({r.article_id for r in merged}) == len(merged)


def test_chains_of_repeats_lead_to_the_independent_source():
    roots = source_roots([DuplicateReport("c", "b", "copy", 1.0), DuplicateReport("b", "a", "translation", 0.8)])
    assert roots == {"c": "a", "b": "a"}
