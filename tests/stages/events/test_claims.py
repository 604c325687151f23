"""An attack whose doers the report does not name, claimed in a later sentence by a group."""

from __future__ import annotations

import pytest

from tests.stages.events.analysed import events_of

AL_SHABAAB = "Q216017"


@pytest.mark.parametrize("text", [
    "Market attack in Mogadishu\n\nGunmen stormed a crowded market in Mogadishu on Tuesday, 3 March 2026, "
    "killing at least 12 people, police said.\n\nAl-Shabaab claimed responsibility for the attack in a "
    "statement on its radio station.",
    "Attaque à Mogadiscio\n\nDes hommes armés ont perpétré une attaque contre un marché de Mogadiscio le "
    "mardi 3 mars 2026, tuant au moins douze personnes.\n\nLe groupe al-Shabaab a revendiqué cette attaque "
    "dans un communiqué.",
    "Ataque en Mogadiscio\n\nUnos hombres armados perpetraron un ataque contra un mercado de Mogadiscio el "
    "martes 3 de marzo de 2026 y mataron al menos a doce personas.\n\nEl grupo al-Shabaab reivindicó el "
    "ataque en un comunicado.",
])
def test_the_claim_names_the_doer_of_the_attack_told_before(text: str) -> None:
    """The claimed noun ("the attack", "cette attaque") is the attack already told: one event,
    with its day and the claimant as its doer, not a second attack of no day."""
    attacks = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert len(attacks) == 1, attacks
    attack = attacks[0]
    assert attack.main and attack.date.day is not None and attack.date.day.isoformat() == "2026-03-03"
    assert [p.entity_id for p in attack.participants if p.role == "source"] == [AL_SHABAAB]
