"""A state named by its adjective ("the Norwegian foreign minister", "la ministra peruana"): every
sovereign state has one in the lexicons the press of the world is most read in, in each of its forms."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

DEMONYMS = [
    ("en", "Talks\n\nPublished: 4 March 2026\n\nThe Norwegian foreign minister met Ukrainian officials in Oslo on Tuesday.",
     "iso:NO"),
    ("en", "Protest\n\nPublished: 4 March 2026\n\nThe Kenyan government on Tuesday condemned the attack on its embassy.",
     "iso:KE"),
    ("fr", "Rencontre\n\nPublié le 4 mars 2026\n\nLa ministre péruvienne des Affaires étrangères a rencontré mardi à Lima "
     "des responsables ukrainiens.", "iso:PE"),
    ("es", "Reunión\n\nPublicado: 4 de marzo de 2026\n\nLa canciller noruega se reunió el martes en Oslo con funcionarios "
     "ucranianos.", "iso:NO"),
    ("de", "Treffen\n\nVeröffentlicht: 4. März 2026\n\nDie kenianische Regierung hat am Dienstag den Angriff auf ihre "
     "Botschaft verurteilt.", "iso:KE"),
    ("it", "Incontro\n\nPubblicato il 4 marzo 2026\n\nIl ministro degli Esteri norvegese ha incontrato martedì a Oslo "
     "funzionari ucraini.", "iso:NO"),
    ("pt", "Encontro\n\nPublicado em 4 de março de 2026\n\nO chanceler peruano se reuniu nesta terça-feira em Lima com "
     "autoridades ucranianas.", "iso:PE"),
    ("ru", "Встреча\n\nОпубликовано: 4 марта 2026\n\nНорвежский министр иностранных дел во вторник встретился в Осло "
     "с украинскими чиновниками.", "iso:NO"),
    ("tr", "Görüşme\n\nYayınlanma: 4 Mart 2026\n\nKenyalı bakan salı günü Nairobi'de Ukraynalı yetkililerle görüştü.",
     "iso:KE"),
]


@pytest.mark.parametrize(("language", "text", "state"), DEMONYMS, ids=[f"{d[0]}-{i}" for i, d in enumerate(DEMONYMS)])
def test_a_state_named_by_its_adjective_takes_part(language, text, state):
    event = main_event(text)
    assert event is not None, text
    assert state in [p.entity_id for p in event.participants]
