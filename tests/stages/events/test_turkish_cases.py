"""Turkish writes cases onto names: the genitive before an organisation says whose it is
("Sudan'ın paramiliter HDK": Sudan's paramilitaries, Sudan no side of their act), and a name
ending on a common noun takes its case glued on ("Sudan ordusuyla": with the Sudanese army)."""

from __future__ import annotations

from tests.stages.events.analysed import CTX, events_of
from tests.factories import raw
from newstrace.ingest.parse import parse
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article

RSF, SAF, SUDAN = "Q16984133", "Q1331467", "iso:SD"


def _linked(text: str) -> dict[str, str | None]:
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    return {m.text: m.entity_id for m in link_article(article, CTX)}


def test_a_name_ending_on_a_common_noun_takes_its_case_glued_on():
    assert _linked("Milisler Sudan ordusuyla çatıştı.").get("Sudan ordusuyla") == SAF
    assert _linked("Sudan ordusuna bağlı birlikler çekildi.").get("Sudan ordusuna") == SAF


def test_a_country_in_the_genitive_before_an_organisation_only_describes_it():
    text = "Sudan'ın paramiliter Hızlı Destek Kuvvetleri, salı günü Sudan ordusuyla ateşkeste anlaştı."
    truce = next(e for e in events_of(text) if e.type == "AGREE")
    assert {p.entity_id for p in truce.participants} == {RSF, SAF}


def test_a_genitive_before_an_act_is_its_doer():
    attack = next(e for e in events_of("İsrail'in Gazze'ye saldırısı sürüyor.") if e.type == "ASSAULT")
    assert {p.entity_id: p.role for p in attack.participants} == {"iso:IL": "source"}
