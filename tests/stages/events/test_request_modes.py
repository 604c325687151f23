"""A request's mode: urging, calling on and asking are appeals; demanding and insisting are demands
(the line CAMEO draws between its appeal and demand roots), in every language alike."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import main_event

REQUESTS = [
    ("en", "Aid plea\n\nPublished: 4 March 2026\n\n"
     "The Norwegian foreign minister on Tuesday urged Israel to open two more crossings for aid convoys.", "appeal"),
    ("en", "Aid plea\n\nPublished: 4 March 2026\n\n"
     "The Norwegian foreign minister on Tuesday called on Israel to open two more crossings for aid convoys.", "appeal"),
    ("en", "Aid demand\n\nPublished: 4 March 2026\n\n"
     "The Norwegian foreign minister on Tuesday demanded that Israel open two more crossings for aid convoys.", "demand"),
    ("es", "Ayuda\n\nPublicado: 4 de marzo de 2026\n\n"
     "El ministro noruego de Exteriores pidió el martes a Israel que abra dos pasos más para los convoyes de ayuda.",
     "appeal"),
    ("es", "Ayuda\n\nPublicado: 4 de marzo de 2026\n\n"
     "El ministro noruego de Exteriores exigió el martes a Israel que abra dos pasos más para los convoyes de ayuda.",
     "demand"),
    ("fr", "Aide\n\nPublié le 4 mars 2026\n\n"
     "Le ministre norvégien des Affaires étrangères a demandé mardi à Israël d'ouvrir deux autres points de passage.",
     "appeal"),
    ("it", "Aiuti\n\nPubblicato il 4 marzo 2026\n\n"
     "Il ministro degli Esteri norvegese ha esortato martedì Israele ad aprire altri due valichi per gli aiuti.",
     "appeal"),
    ("pt", "Ajuda\n\nPublicado em 4 de março de 2026\n\n"
     "O chanceler norueguês pediu nesta terça-feira a Israel que abra mais duas passagens para a ajuda.", "appeal"),
    ("tr", "Yardım\n\nYayınlanma: 4 Mart 2026\n\n"
     "Norveç Dışişleri Bakanı salı günü İsrail'den yardım konvoyları için iki sınır kapısını daha açmasını istedi.",
     "appeal"),
    ("pl", "Pomoc\n\nOpublikowano: 4 marca 2026\n\n"
     "Norweski minister spraw zagranicznych wezwał we wtorek Izrael do otwarcia dwóch kolejnych przejść.", "appeal"),
    ("zh", "援助\n\n发布时间：2026年3月4日\n\n挪威外交大臣3日敦促以色列再开放两个口岸，让援助车队通行。", "appeal"),
]


@pytest.mark.parametrize(("language", "text", "mode"), REQUESTS, ids=[f"{r[0]}-{r[2]}-{i}" for i, r in enumerate(REQUESTS)])
def test_a_request_is_an_appeal_unless_it_demands(language, text, mode):
    event = main_event(text)
    assert event is not None and event.type == "REQUEST", event
    assert event.mode == mode
