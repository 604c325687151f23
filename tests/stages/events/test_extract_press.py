"""Wire-service wording in the original lexicon languages: datelines with dates and agencies,
passive talks, verbs that open the text after a dateline, Greek case endings, Turkish locatives."""

from __future__ import annotations

import pytest

from newstrace.context import Context
from newstrace.ingest.parse import parse
from newstrace.stages.article.record import make_article
from newstrace.stages.entities.linking import link_article
from newstrace.stages.events.extract import extract_events
from tests.factories import raw

CTX = Context(use_spacy=False)


def main_event(text: str):
    document = raw(text)
    article = make_article(document, parse(document), CTX.lexicons, outlet_lines=frozenset())
    found = [e for e in extract_events(article, link_article(article, CTX), CTX) if e.status == "asserted"]
    assert found, f"no event in {article.language} text"
    return next((e for e in found if e.main), found[0])


CASES = [
    # text, (type, mode), event day, place id, participant ids that must be there, ids that must not
    # The dateline's date is the filing day: "on Monday" dates the meeting.
    ("Starmer hosts Rutte\n\nPublished 10 February 2026, 09:00 GMT\n\n"
     "LONDON, Feb 10 (Reuters) - British Prime Minister Keir Starmer hosted NATO Secretary General Mark Rutte "
     "at Downing Street on Monday to discuss air defence.",
     ("CONSULT", "meeting"), "2026-02-09", "gn:2643743", {"Q6383667", "Q57792"}, set()),
    # A passive with "between": the talks are the event, and "U.S." ends no sentence.
    ("Talks in Doha\n\nUpdated February 12, 2026 08:00 AM EST\n\n"
     "DOHA (AP) — Talks were held in Doha on Wednesday between U.S. Secretary of State Marco Rubio and "
     "Egyptian Foreign Minister Badr Abdelatty.",
     ("CONSULT", "talks"), "2026-02-11", "gn:290030", {"Q324546", "Q125944385"}, set()),
    # Arabic: the verb opens the text after the dateline and its agency; the speaker follows it,
    # and a statement is placed by its dateline.
    ("الصفدي: الحل في الدولة الفلسطينية\n\nالأربعاء 11 فبراير 2026 - 10:00\n\n"
     "القاهرة - (بترا): أكد وزير الخارجية أيمن الصفدي، الثلاثاء، أن الحل يمر عبر الدولة الفلسطينية.",
     ("STATEMENT", "statement"), "2026-02-10", "gn:360630", {"Q4831063"}, set()),
    # Greek: genitive names ("του Κυριάκου Μητσοτάκη") and a passive "Πραγματοποιήθηκαν ... συνομιλίες".
    ("Συνομιλίες στην Αθήνα\n\nΤετάρτη, 11 Φεβρουαρίου 2026 09:00\n\n"
     "Πραγματοποιήθηκαν την Τρίτη στην Αθήνα συνομιλίες μεταξύ του Κυριάκου Μητσοτάκη και του Μαρκ Ρούτε.",
     ("CONSULT", "talks"), "2026-02-10", "gn:264371", {"Q1507428"}, set()),
    # A Russian dateline closed by an agency without brackets: Interfax reports, it takes no part.
    ("Переговоры в Анкаре\n\n11 февраля 2026, 08:40\n\n"
     "Анкара. 11 февраля. ИНТЕРФАКС - Сергей Лавров и Хакан Фидан провели во вторник в Анкаре переговоры.",
     ("CONSULT", "talks"), "2026-02-10", "gn:323786", {"Q40012", "Q1574006"}, {"Q1665389"}),
    # Spanish: an agency credit after a dateline with its date is no actor, whatever it is called.
    ("Conversación telefónica\n\nPublicado: 12/02/2026 10:00 h\n\n"
     "Madrid, 12 feb (Agencia Ibérica).- Pedro Sánchez mantuvo este miércoles una conversación telefónica "
     "con Emmanuel Macron.",
     ("CONSULT", "phone_call"), "2026-02-11", None, {"Q6212", "Q3052772"}, set()),
]


@pytest.mark.parametrize(("text", "kind", "day", "place", "must", "must_not"), CASES)
def test_press_wording(text, kind, day, place, must, must_not) -> None:
    event = main_event(text)
    ids = {p.entity_id for p in event.participants}
    assert (event.type, event.mode) == kind
    assert event.date.start is not None and event.date.start.isoformat() == day
    assert event.place_id == place
    assert must <= ids, ids
    assert not ids & must_not, ids
    # Agencies credited on the dateline, known or not, take no part.
    assert not any(i.startswith("nt:") for i in ids), ids


def test_unknown_name_with_a_locative_ending_is_no_participant() -> None:
    event = main_event("İstanbul'da protesto\n\n31.05.2026 09:00\n\n"
                       "İSTANBUL (DHA) - Binlerce kişi Cumartesi günü Kadıköy Meydanı'nda toplanarak "
                       "İsrail Başbakanı Binyamin Netanyahu'yu protesto etti.")
    assert event.type == "PROTEST"
    assert all(not p.entity_id.startswith("nt:") for p in event.participants), event.participants
