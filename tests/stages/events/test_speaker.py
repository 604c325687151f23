"""Who speaks: an actor set off from the verb by a gloss in brackets or by an apposition between
commas is still the speaker; a clause that is only a place and an unlinked source is not."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from tests.factories import raw

CTX = Context(use_spacy=False)


def statements(text: str):
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    return [e for e in extract_events(article, link_article(article, CTX), CTX) if e.type == "STATEMENT"]


SPOKEN = [
    # A gloss in brackets right before the verb.
    ("Declaración en Sudán\n\nPublicado: 3 de marzo de 2026\n\n"
     "La milicia Fuerzas de Apoyo Rápido (FAR) anunció el martes una nueva ofensiva en Darfur.",
     "Q16984133"),
    ("Statement from Sudan\n\nPublished: 3 March 2026\n\n"
     "The paramilitary Rapid Support Forces (RSF) announced on Tuesday a new offensive in Darfur.",
     "Q16984133"),
    # An apposition between commas.
    ("Annonce au Soudan\n\nPublié le 3 mars 2026\n\n"
     "Les Forces de soutien rapide (FSR), une milice qui combat l'armée régulière, ont annoncé mardi une offensive.",
     "Q16984133"),
    ("Erklärung der Hamas\n\nVeröffentlicht: 3. März 2026\n\n"
     "Die Hamas, die im Gazastreifen herrscht, erklärte am Dienstag ihre Bereitschaft zu neuen Gesprächen.",
     "Q38799"),
    ("Dichiarazione di Hamas\n\nPubblicato: 3 marzo 2026\n\n"
     "Hamas, il movimento islamista palestinese, ha dichiarato martedì di essere pronto a nuovi colloqui.",
     "Q38799"),
    # A quotation before the verb: who is quoted follows it, however long the rest of the clause.
    ("Comunicado de las FAR\n\nPublicado: 26 de octubre de 2025\n\n"
     '"Hoy hemos tomado la ciudad", indicaron las FAR en un comunicado difundido el domingo por la noche.',
     "Q16984133"),
    ("Déclaration des FSR\n\nPublié le 26 octobre 2025\n\n"
     "« Nous avons pris la ville », ont affirmé dimanche soir les Forces de soutien rapide dans un long communiqué.",
     "Q16984133"),
    ("Erklärung der RSF\n\nVeröffentlicht: 26. Oktober 2025\n\n"
     "„Wir haben die Stadt eingenommen“, erklärte die Hamas am Sonntagabend in einer langen Mitteilung an ihre Anhänger.",
     "Q38799"),
    ("Statement by the RSF\n\nPublished: 26 October 2025\n\n"
     '"We have taken the city," the Rapid Support Forces said in a statement posted on Sunday night on its channels.',
     "Q16984133"),
]


@pytest.mark.parametrize(("text", "speaker"), SPOKEN)
def test_the_actor_before_a_gloss_or_an_apposition_speaks(text, speaker):
    found = statements(text)
    assert found, "no statement"
    assert [p.entity_id for p in found[0].participants] == [speaker]


UNLINKED = [
    "Statement\n\nPublished: 3 March 2026\n\nIn Israel, officials, citing hospital records, said the toll had risen.",
    "Déclaration\n\nPublié le 3 mars 2026\n\nEn Israël, des responsables, citant des sources médicales, ont déclaré que le bilan s'alourdissait.",
]


@pytest.mark.parametrize("text", UNLINKED)
def test_a_place_before_an_unlinked_source_does_not_speak(text):
    assert all(not e.participants for e in statements(text))
