"""Event extraction on hand-built articles and mentions: type, mode, participants, place, date, status."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.context import Context
from newstrace.model import Article, DateValue, Mention, Span
from newstrace.stages.events.extract import extract_events

CTX = Context(use_spacy=False)
SAT = DateValue.of_day(date(2025, 12, 20), "header")


def build(text: str, language: str, names: list[tuple[str, str, str]], published: DateValue = SAT,
          title: str | None = None) -> tuple[Article, tuple[Mention, ...]]:
    """An article and its mentions: each (surface, kind, id) is found at its first free place in the text."""
    article = Article(id="a1", uri="test:a1", text=text, paragraphs=tuple(text.split("\n\n")), language=language,
                      published=published, content_hash="h", title=title)
    mentions, used = [], set()
    for surface, kind, entity_id in names:
        start = text.find(surface)
        while start in used:
            start = text.find(surface, start + 1)
        assert start >= 0, surface
        used.add(start)
        mentions.append(Mention("a1", Span(start, start + len(surface)), surface, kind, entity_id, 0.95, "test"))
    return article, tuple(mentions)


def events_of(text, language, names, **kw):
    article, mentions = build(text, language, names, **kw)
    return extract_events(article, mentions, CTX)


def asserted(events):
    return [e for e in events if e.status == "asserted"]


def test_french_meeting_with_weekday_place_and_role() -> None:
    text = ("Patron du renseignement (MIT), Ibrahim Kalin a reçu ce samedi à Istanbul "
            "le négociateur Khalil al-Hayya, un cadre du Hamas, pour parler de la trêve à Gaza.")
    found = events_of(text, "fr", [
        ("Patron du renseignement", "role", "Q6100994"), ("MIT", "org", "Q1320806"),
        ("Ibrahim Kalin", "person", "Q6100994"), ("Istanbul", "place", "gn:745044"),
        ("Khalil al-Hayya", "person", "Q6401596"), ("Hamas", "org", "Q38799"), ("Gaza", "place", "gn:281133"),
    ])
    (event,) = found
    assert (event.type, event.mode, event.status) == ("CONSULT", "meeting", "asserted")
    assert event.date.day == date(2025, 12, 20) and event.date.evidence == "ce samedi"
    assert event.mode == "meeting" and event.trigger == "a reçu"
    assert event.place_id == "gn:745044"
    assert {p.entity_id for p in event.participants} == {"Q6100994", "Q6401596"}
    assert "ceasefire" in event.topics
    assert event.main and event.sentence in text and event.evidence
    assert text[event.place_evidence.start:event.place_evidence.end] == "Istanbul"


def test_delegation_led_by_a_person() -> None:
    text = "A Hamas delegation led by Khalil al-Hayya met Egyptian intelligence chief Hassan Rashad in Cairo on Thursday."
    (event,) = events_of(text, "en", [
        ("Hamas", "org", "Q38799"), ("Khalil al-Hayya", "person", "Q6401596"), ("Egyptian", "country", "iso:EG"),
        ("Hassan Rashad", "person", "Q1"), ("Cairo", "place", "gn:360630"),
    ])
    assert {p.entity_id for p in event.participants} == {"Q38799", "Q6401596", "Q1"}
    assert event.place_id == "gn:360630" and event.date.day == date(2025, 12, 18)


def test_phone_call_is_not_a_meeting() -> None:
    text = "Emmanuel Macron s'est entretenu mardi par téléphone avec Vladimir Poutine."
    (event,) = events_of(text, "fr", [("Emmanuel Macron", "person", "Q3052772"), ("Vladimir Poutine", "person", "Q7747")])
    assert (event.type, event.mode) == ("CONSULT", "phone_call") and event.place_id is None


def test_negated_and_hypothetical_triggers_are_no_past_events() -> None:
    names = [("Vladimir Putin", "person", "Q7747"), ("Volodymyr Zelensky", "person", "Q3874799")]
    refused = events_of("Vladimir Putin refused to meet Volodymyr Zelensky in Istanbul.", "en", names)
    assert not asserted(refused)
    could = events_of("Vladimir Putin could meet Volodymyr Zelensky next week.", "en", names)
    assert not asserted(could) and all(e.status in ("hypothetical", "future") for e in could)


def test_sentence_without_participant_gives_no_event() -> None:
    assert events_of("The meeting was held behind closed doors on Saturday.", "en", []) == ()


def test_subject_matter_place_is_not_the_event_place() -> None:
    text = "Hakan Fidan met Antony Blinken in Ankara on Friday to discuss Gaza."
    (event,) = events_of(text, "en", [
        ("Hakan Fidan", "person", "Q1574006"), ("Antony Blinken", "person", "Q2"),
        ("Ankara", "place", "gn:323786"), ("Gaza", "place", "gn:281133"),
    ])
    assert event.place_id == "gn:323786"


def test_turkish_locative_place_and_symmetric_meeting() -> None:
    text = "Dışişleri Bakanı Hakan Fidan, cumartesi günü İstanbul'da Katar Başbakanı Al Sani ile bir araya geldi."
    (event,) = events_of(text, "tr", [
        ("Hakan Fidan", "person", "Q1574006"), ("İstanbul", "place", "gn:745044"),
        ("Katar", "country", "iso:QA"), ("Al Sani", "person", "Q24050446"),
    ])
    assert event.place_id == "gn:745044" and event.date.day == date(2025, 12, 20)
    assert {p.entity_id for p in event.participants} == {"Q1574006", "Q24050446"}


def test_background_event_and_attribution() -> None:
    text = ("Ibrahim Kalin s'est réuni samedi avec Khalil al-Hayya à Ankara, selon des diplomates turcs.\n\n"
            "Entre Israël et le Hamas, la trêve est entrée en vigueur le 10 octobre dernier dans la bande de Gaza.")
    found = events_of(text, "fr", [
        ("Ibrahim Kalin", "person", "Q6100994"), ("Khalil al-Hayya", "person", "Q6401596"),
        ("Ankara", "place", "gn:323786"), ("Gaza", "place", "gn:281133"), ("Israël", "country", "iso:IL"),
        ("Hamas", "org", "Q38799"),
    ])
    main = next(e for e in found if e.main)
    assert main.attribution == "des diplomates turcs"
    truce = next(e for e in found if e.type == "AGREE")
    assert truce.background and truce.date.day == date(2025, 10, 10) and truce.place_id == "gn:281133"


def test_statement_with_quote_and_speaker() -> None:
    text = "Hakan Fidan a déclaré samedi : « Le plan doit avancer maintenant, sinon ce sera un échec. »"
    (event,) = events_of(text, "fr", [("Hakan Fidan", "person", "Q1574006")])
    assert event.type == "STATEMENT" and [p.entity_id for p in event.participants] == ["Q1574006"]
    assert event.quotes and event.quotes[0].speaker_id == "Q1574006"


def test_condemnation_targets_the_doer_of_the_attack_reported_before() -> None:
    text = ("An Israeli airstrike hit a building in Beirut on Wednesday.\n\n"
            "Lebanese President Joseph Aoun condemned the strike on Thursday.")
    found = events_of(text, "en", [("Israeli", "country", "iso:IL"), ("Beirut", "place", "gn:276781"),
                                   ("Lebanese", "country", "iso:LB"), ("Joseph Aoun", "person", "Q3")])
    accuse = next(e for e in found if e.type == "ACCUSE")
    assert [(p.entity_id, p.role) for p in accuse.participants] == [("Q3", "source"), ("iso:IL", "target")]


def test_ids_are_deterministic() -> None:
    text = "Hakan Fidan met Antony Blinken in Ankara on Friday."
    names = [("Hakan Fidan", "person", "Q1574006"), ("Antony Blinken", "person", "Q2"), ("Ankara", "place", "gn:323786")]
    assert [e.id for e in events_of(text, "en", names)] == [e.id for e in events_of(text, "en", names)]


WORDS = ["met", "a rencontré", "not", "Saturday", "in", "Ankara", ",", ".", "X", "Y", "the meeting", "«", "»",
         "said", "that", "attack", "by", "görüştü", "'da", "التقى", "في", "встретился", "в", "\n\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["en", "fr", "tr", "ar", "ru", "de"]))
def test_never_crashes_on_arbitrary_text(words: list[str], language: str) -> None:
    text = " ".join(words)
    names = [(w, kind, eid) for w, kind, eid in (("X", "person", "Q1"), ("Y", "org", "Q2"), ("Ankara", "place", "gn:1"))
             if w in words]
    article, mentions = build(text, language, names)
    for event in extract_events(article, mentions, CTX):
        assert event.participants and event.status in ("asserted", "negated", "hypothetical", "future")
        assert all(0 <= s.start <= s.end <= len(text) for s in event.evidence)


# ---------------------------------------------------------------- the seed articles (EXPECTED.md, E1–E9)

def _seed_events(seeds_dir, ctx: Context):
    from newstrace.ingest.parse import parse
    from newstrace.ingest.sources import iter_raw
    from newstrace.stages.article.record import make_article
    from newstrace.stages.entities.linking import link_article

    found = {}
    for raw in iter_raw(str(seeds_dir)):
        article = make_article(raw, parse(raw), ctx.lexicons, outlet_lines=frozenset())
        found[raw.uri.rsplit("/", 1)[-1][:3]] = extract_events(article, link_article(article, ctx), ctx)
    return found


def _named(ctx: Context, entity_id: str | None) -> set[str]:
    entity = ctx.kb.get(entity_id) if entity_id else None
    return set(entity.all_names()) if entity else set()


def _find(events, ctx, kind, mode, *actors):
    for event in events:
        names = set().union(*(_named(ctx, p.entity_id) for p in event.participants)) if event.participants else set()
        if event.type == kind and event.mode == mode and all(a in names for a in actors):
            return event
    raise AssertionError(f"no {kind}/{mode} with {actors}: {[(e.type, e.mode, e.participants) for e in events]}")


def test_seed_events_e1_to_e9(seeds_dir) -> None:
    ctx = Context()
    seeds = _seed_events(seeds_dir, ctx)
    for key in ("000", "004"):  # E1, reported by both
        e1 = _find(seeds[key], ctx, "CONSULT", "meeting", "Ibrahim Kalin", "Hamas")
        assert e1.main and "Ankara" in _named(ctx, e1.place_id)
        assert e1.date.weekday == 4 and e1.date.precision != "day"
    assert _find(seeds["000"], ctx, "CONSULT", "meeting", "Ibrahim Kalin").date.label() == "2025-06 (Fri)"
    assert not _find(seeds["004"], ctx, "CONSULT", "meeting", "Ibrahim Kalin").date.known
    e2 = _find(seeds["001"], ctx, "CONSULT", "meeting", "Ibrahim Kalin", "Khalil al-Hayya")
    assert e2.main and e2.date.day == date(2025, 12, 20) and "Istanbul" in _named(ctx, e2.place_id)
    e3 = _find(seeds["002"], ctx, "CONSULT", "meeting", "Ibrahim Kalin", "Khalil al-Hayya")
    assert e3.main and e3.date.day == date(2026, 1, 24) and "Istanbul" in _named(ctx, e3.place_id)
    e4 = _find(seeds["001"], ctx, "STATEMENT", "statement", "Hakan Fidan")
    assert e4.date.day == date(2025, 12, 20) and e4.place_id is None
    e5 = _find(seeds["001"], ctx, "CONSULT", "visit", "Mohammed bin Abdulrahman Al Thani")
    assert e5.date.precision == "month" and e5.date.label() == "2025-12" and e5.background
    assert "Washington" in _named(ctx, e5.place_id)
    e6 = _find(seeds["002"], ctx, "STATEMENT", "announcement", "Donald Trump")
    assert e6.date.day == date(2026, 1, 15) and e6.place_id is None
    e7 = _find(seeds["003"], ctx, "ASSAULT", "assassination", "Ismail Haniyeh")
    assert not e7.date.known and e7.place_id is None
    e8 = _find(seeds["003"], ctx, "CONSULT", "meeting", "Ibrahim Kalin", "Ismail Haniyeh")
    assert not e8.date.known and e8.place_id is None
    assert not any(e.main for e in seeds["003"])  # an analysis piece
    e9 = _find(seeds["002"], ctx, "AGREE", "ceasefire", "Israel")
    assert e9.date.day == date(2025, 10, 10) and "Gaza" in _named(ctx, e9.place_id) and e9.background


# ---------------------------------------------------------------- trigger lexicons, every language

def _trigger_cases():
    import yaml

    from newstrace.stages.events.eventlex import event_lexicon
    from tests.conftest import DATA

    cases = yaml.safe_load((DATA / "events" / "triggers.yaml").read_text(encoding="utf-8"))
    for language, items in cases.items():
        for sentence, expected in items:
            yield language, sentence, expected, event_lexicon


def test_trigger_lexicons_in_every_language() -> None:
    from newstrace.stages.events.triggers import find_triggers

    wrong = []
    for language, sentence, expected, event_lexicon in _trigger_cases():
        hits = find_triggers(sentence, 0, event_lexicon(CTX.lexicons.get(language)).triggers)
        got = {f"{h.type}/{h.mode}" for h in hits} or {"none"}
        if expected not in got or (expected == "none") != (got == {"none"}):
            wrong.append((language, sentence, got, expected))
    assert not wrong


def test_attribution_sources_in_several_languages() -> None:
    from newstrace.stages.events.attribution import AttributionLexicon, find_attributions

    cases = [
        ("fr", "Selon des sources sécuritaires, les deux hommes ont parlé.", "des sources sécuritaires", True),
        ("en", "The talks went well, according to Reuters.", "Reuters", False),
        ("en", "Anadolu Agency reported that the delegation had left.", "Anadolu Agency", False),
        ("tr", "Güvenlik kaynaklarından edinilen bilgiye göre, heyet ayrıldı.", "Güvenlik kaynaklarından", True),
        ("es", "Según fuentes diplomáticas, la reunión fue larga.", "fuentes diplomáticas", True),
    ]
    for language, text, source, anonymous in cases:
        (found,) = find_attributions(text, 0, AttributionLexicon.from_lexicon(CTX.lexicons.get(language)))
        assert (found.source, found.anonymous) == (source, anonymous)


def _main(events):
    (main,) = [e for e in events if e.main]
    return main


def test_the_main_event_takes_the_place_its_title_puts_it_in():
    text = ("Turkey's intelligence chief Ibrahim Kalin met Hamas leaders on Saturday, a security source said.\n\n"
            "The talks in Istanbul lasted three hours and also touched on Gaza.")
    found = events_of(text, "en", [("Ibrahim Kalin", "person", "Q6100994"), ("Hamas", "org", "Q38799"),
                                   ("Istanbul", "place", "gn:745044"), ("Gaza", "place", "gn:281133")],
                      title="Kalin meets Hamas leaders in Istanbul")
    main = _main(found)
    assert main.place_id == "gn:745044"
    assert text[main.place_evidence.start:main.place_evidence.end] == "Istanbul"


def test_a_title_place_wins_over_a_role_qualifier_in_the_arabic_lede():
    text = ("التقى وفد من حماس برئاسة رئيس الحركة في غزة خليل الحية، أمس السبت في مدينة إسطنبول، "
            "رئيس المخابرات التركية إبراهيم قالن.")
    found = events_of(text, "ar", [("حماس", "org", "Q38799"), ("غزة", "place", "gn:281133"),
                                   ("خليل الحية", "person", "Q6401596"), ("إسطنبول", "place", "gn:745044"),
                                   ("إبراهيم قالن", "person", "Q6100994")],
                      title="وفد من حماس يلتقي رئيس المخابرات التركية في إسطنبول")
    assert _main(found).place_id == "gn:745044"


def test_a_dateline_places_a_main_event_its_sentence_does_not():
    text = "ANKARA, Dec 20 — Ibrahim Kalin met Khalil al-Hayya on Saturday to discuss the truce."
    found = events_of(text, "en", [("ANKARA", "place", "gn:323786"), ("Ibrahim Kalin", "person", "Q6100994"),
                                   ("Khalil al-Hayya", "person", "Q6401596")])
    assert _main(found).place_id == "gn:323786"


def test_an_arabic_pluperfect_is_an_asserted_past_event():
    text = "وكان فيدان وآل ثاني قد التقيا في الدوحة منتصف الشهر الماضي."
    found = events_of(text, "ar", [("فيدان", "person", "Q5390960"), ("آل ثاني", "person", "Q5958779"),
                                   ("الدوحة", "place", "gn:290030")])
    (event,) = found
    assert event.status == "asserted" and event.place_id == "gn:290030"
    # The particle still marks a possibility before a present-tense verb.
    maybe = events_of("قد يلتقي فيدان وآل ثاني في الدوحة.", "ar", [
        ("فيدان", "person", "Q5390960"), ("آل ثاني", "person", "Q5958779"), ("الدوحة", "place", "gn:290030")])
    assert [e.status for e in maybe] == ["hypothetical"]


def test_an_attack_happens_in_the_city_it_hits_whatever_the_preposition():
    text = "Russland hat die Großstadt Charkiw in der Nacht mit Raketen und Drohnen angegriffen."
    found = events_of(text, "de", [("Russland", "country", "iso:RU"), ("Charkiw", "place", "gn:706483")])
    (event,) = found
    assert (event.type, event.place_id) == ("ASSAULT", "gn:706483")


def test_a_place_inside_what_was_asked_is_not_where_it_was_asked():
    english = events_of("Antonio Guterres on Friday called on Israel to let aid groups back into Gaza.", "en", [
        ("Antonio Guterres", "person", "Q311440"), ("Israel", "country", "iso:IL"), ("Gaza", "place", "gn:281133")])
    persian = events_of("آنتونیو گوترش روز جمعه از اسرائیل خواست محدودیت‌های امدادی در غزه را لغو کند.", "fa", [
        ("آنتونیو گوترش", "person", "Q311440"), ("اسرائیل", "country", "iso:IL"), ("غزه", "place", "gn:281133")])
    for found in (english, persian):
        (event,) = found
        assert event.type == "REQUEST" and event.place_id is None
    # Where the speaker spoke still counts.
    (spoken,) = events_of("In New York, Antonio Guterres called on Israel to lift the ban.", "en", [
        ("New York", "place", "gn:5128581"), ("Antonio Guterres", "person", "Q311440"), ("Israel", "country", "iso:IL")])
    assert spoken.place_id == "gn:5128581"


def test_an_agency_in_brackets_credits_the_report_and_takes_no_part():
    text = "Riad, 3 feb (EFE).- Emmanuel Macron se reunió este martes en Riad con Mohamed bin Salmán."
    (event,) = events_of(text, "es", [("Riad", "place", "gn:108410"), ("EFE", "org", "Q1037468"),
                                      ("Emmanuel Macron", "person", "Q3052772"),
                                      ("Riad", "place", "gn:108410"), ("Mohamed bin Salmán", "person", "Q6889917")])
    assert {p.entity_id for p in event.participants} == {"Q3052772", "Q6889917"}


def test_a_country_before_a_place_word_is_an_actor_not_the_citys_qualifier():
    text = "هزاران نفر روز جمعه در تهران در اعتراض به جنایات اسرائیل در غزه راهپیمایی کردند."
    names = [("تهران", "place", "gn:112931"), ("اسرائیل", "country", "iso:IL"), ("غزه", "place", "gn:281133")]
    (event,) = asserted(events_of(text, "fa", names))
    assert event.type == "PROTEST" and "iso:IL" in {p.entity_id for p in event.participants}


def test_a_demonym_after_a_city_describes_the_next_noun():
    text = ("Une délégation du Hamas a rencontré mardi à Charm el-Cheikh les négociateurs égyptiens "
            "pour parler des otages.")
    article, mentions = build(text, "fr", [("Hamas", "org", "Q38799"), ("Charm el-Cheikh", "place", "gn:349340"),
                                           ("égyptiens", "country", "iso:EG")])
    mentions = tuple(replace(m, rule="lexicon-demonym") if m.text == "égyptiens" else m for m in mentions)
    (event,) = extract_events(article, mentions, CTX)
    assert event.place_id == "gn:349340"
    assert {p.entity_id for p in event.participants} == {"Q38799", "iso:EG"}


def test_a_place_only_the_text_knows_gives_way_to_the_known_city_around_it():
    text = ("Recep Tayyip Erdogan a rencontré samedi Volodymyr Zelensky au palais de Dolmabahçe, "
            "sur la rive européenne d'Istanbul.")
    (event,) = events_of(text, "fr", [("Recep Tayyip Erdogan", "person", "Q39259"),
                                      ("Volodymyr Zelensky", "person", "Q3874799"),
                                      ("Dolmabahçe", "place", "nt:dolmabahce"), ("Istanbul", "place", "gn:745044")])
    assert event.place_id == "gn:745044"


def test_voweled_arabic_triggers_match_their_bare_spelling():
    text = "اِلتَقى فيدان يوم الأحد آل ثاني في الدوحة."
    (event,) = events_of(text, "ar", [("فيدان", "person", "Q5390960"), ("آل ثاني", "person", "Q5958779"),
                                      ("الدوحة", "place", "gn:290030")])
    assert (event.type, event.mode, event.place_id) == ("CONSULT", "meeting", "gn:290030")


def test_a_phone_call_happens_in_no_one_place():
    text = "In Istanbul, Recep Tayyip Erdogan spoke by phone with Vladimir Putin on Saturday."
    (event,) = events_of(text, "en", [("Istanbul", "place", "gn:745044"), ("Recep Tayyip Erdogan", "person", "Q39259"),
                                      ("Vladimir Putin", "person", "Q7747")])
    assert event.mode == "phone_call" and event.place_id is None
    # The same sentence about a meeting keeps its place.
    (met,) = events_of(text.replace("spoke by phone with", "met"), "en", [
        ("Istanbul", "place", "gn:745044"), ("Recep Tayyip Erdogan", "person", "Q39259"),
        ("Vladimir Putin", "person", "Q7747")])
    assert met.place_id == "gn:745044"


def test_an_attack_is_where_it_hits_not_where_the_dateline_is():
    text = ("BEIRUT — Israeli warplanes carried out strikes on the outskirts of the southern city of "
            "Nabatieh on Sunday.")
    (event,) = events_of(text, "en", [("BEIRUT", "place", "gn:276781"), ("Israeli", "country", "iso:IL"),
                                      ("Nabatieh", "place", "gn:278913")])
    assert event.type == "ASSAULT" and event.place_id == "gn:278913"


def test_a_protest_by_unnamed_crowds_targets_whom_it_is_against():
    german = events_of("In Belgrad sind am Samstag Tausende gegen die Regierung von Präsident Aleksandar Vučić "
                       "auf die Straße gegangen.", "de",
                       [("Belgrad", "place", "gn:792680"), ("Aleksandar Vučić", "person", "Q57259")])
    spanish = events_of("Miles de personas se manifestaron el sábado en Belgrado contra el presidente "
                        "Aleksandar Vučić.", "es",
                        [("Belgrado", "place", "gn:792680"), ("Aleksandar Vučić", "person", "Q57259")])
    turkish = events_of("Binlerce kişi cumartesi günü Belgrad'da Aleksandar Vuçiç'e karşı gösteri düzenledi.", "tr",
                        [("Belgrad", "place", "gn:792680"), ("Aleksandar Vuçiç", "person", "Q57259")])
    for found in (german, spanish, turkish):
        (event,) = found
        assert event.type == "PROTEST" and event.place_id == "gn:792680"
        assert [(p.entity_id, p.role) for p in event.participants] == [("Q57259", "target")]


def test_a_light_verb_after_its_noun_must_be_one_that_may_follow_it():
    said = events_of("Lavrov told reporters the new sanctions on Iran had no legal force at all.", "en", [
        ("Lavrov", "person", "Q80093"), ("Iran", "country", "iso:IR")])
    assert "SANCTION" not in {e.type for e in said}
    (talks,) = events_of("Lavrov had talks with Abbas Araghchi in Moscow on Thursday.", "en", [
        ("Lavrov", "person", "Q80093"), ("Abbas Araghchi", "person", "Q4663783"), ("Moscow", "place", "gn:524901")])
    assert (talks.type, talks.place_id) == ("CONSULT", "gn:524901")


def test_a_verb_first_light_verb_reaches_its_noun_across_the_subject():
    text = ("ترأس الرئيس التركي رجب طيب أردوغان ورئيس الوزراء الإسباني بيدرو سانشيز، يوم الأربعاء في العاصمة "
            "الإسبانية مدريد، أعمال القمة الحكومية المشتركة بين البلدين.")
    found = events_of(text, "ar", [("رجب طيب أردوغان", "person", "Q39259"), ("بيدرو سانشيز", "person", "Q263725"),
                                   ("مدريد", "place", "gn:3117735")])
    assert [(e.type, e.place_id) for e in found] == [("CONSULT", "gn:3117735")]


def test_a_bracketed_credit_after_an_upper_case_dateline_takes_no_part() -> None:
    # "ANP" is also an acronym of the Palestinian Authority; here it is the agency of a Dutch report.
    text = "DEN HAAG (ANP) - Rusland heeft Odessa aangevallen met drones."
    (event,) = asserted(events_of(text, "nl", [
        ("ANP", "org", "Q42620"), ("Rusland", "country", "iso:RU"), ("Odessa", "place", "gn:698740")]))
    assert {p.entity_id for p in event.participants} == {"iso:RU"}


def test_a_date_between_a_country_and_a_city_parts_them() -> None:
    text = "Rusland heeft zaterdag Odessa aangevallen met tientallen drones."
    (event,) = asserted(events_of(text, "nl", [("Rusland", "country", "iso:RU"), ("Odessa", "place", "gn:698740")]))
    assert {p.entity_id for p in event.participants} == {"iso:RU"} and event.place_id == "gn:698740"
    assert event.date.day == date(2025, 12, 20)


def test_the_act_a_spokesman_announces_is_the_main_event_in_several_languages() -> None:
    cases = [
        ("en", "The Lebanese army said on Sunday that Israel struck a village in southern Lebanon.",
         [("Lebanese army", "org", "lb-army"), ("Israel", "country", "iso:IL")]),
        ("fr", "L'armée libanaise a annoncé dimanche qu'Israël a frappé un village du sud du Liban.",
         [("armée libanaise", "org", "lb-army"), ("Israël", "country", "iso:IL")]),
        ("es", "El ejército libanés anunció el domingo que Israel atacó una aldea del sur del Líbano.",
         [("ejército libanés", "org", "lb-army"), ("Israel", "country", "iso:IL")]),
    ]
    for language, text, names in cases:
        main = [e for e in events_of(text, language, names) if e.main]
        assert [e.type for e in main] == ["ASSAULT"], (language, [(e.type, e.main) for e in events_of(text, language, names)])


def test_a_main_event_takes_the_date_its_lede_gives_else_the_publication_day() -> None:
    published = DateValue.of_day(date(2025, 10, 28), "header")
    names = [("Burhan", "person", "burhan")]
    cases = [
        ("en", "In a speech on Monday, 27 October 2025, to the nation. Burhan said the army had withdrawn."),
        ("fr", "Dans un discours prononcé lundi 27 octobre 2025 devant la nation. Burhan a déclaré que l'armée s'était retirée."),
        ("es", "En un discurso pronunciado el lunes 27 de octubre de 2025 ante la nación. Burhan dijo que el ejército se había retirado."),
    ]
    for language, text in cases:
        (main,) = [e for e in events_of(text, language, names, published=published) if e.main]
        assert main.date.day == date(2025, 10, 27), (language, main.date)
    # A background date is not the news; with no other, the report's own day is a weak guess.
    text = "The 2022 accord of February 2022 was recalled. Burhan said the army had withdrawn."
    (main,) = [e for e in events_of(text, "en", names, published=published) if e.main]
    assert main.date.day == date(2025, 10, 28) and main.date.rule == "publication-day"
    assert main.reported_by == date(2025, 10, 28)


def test_an_institution_puts_the_event_in_the_city_it_sits_in() -> None:
    seats = [("Kremlin", "org", "Q83188"), ("Putin", "person", "Q7747"), ("Xi", "person", "Q15031")]
    cases = [("en", "Putin met Xi at the Kremlin on Thursday.", seats),
             ("de", "Putin traf Xi am Donnerstag im Kreml.", [("Kreml", "org", "Q83188")] + seats[1:]),
             ("ru", "Путин встретился с Си в четверг в Кремле.", [("Кремле", "org", "Q83188"), ("Путин", "person", "Q7747"),
                                                               ("Си", "person", "Q15031")])]
    for language, text, names in cases:
        (meeting,) = [e for e in events_of(text, language, names) if e.type == "CONSULT"]
        assert meeting.place_id == "gn:524901", (language, meeting.place_id)
        assert "Q83188" not in {p.entity_id for p in meeting.participants}, language
    # An institution addressed takes part, and still gives the place.
    (speech,) = events_of("Trump said in the Knesset that the war was over.", "en",
                          [("Trump", "person", "Q22686"), ("Knesset", "org", "Q12356")])
    assert speech.place_id == "gn:281184"


def test_who_claims_an_attack_carried_it_out() -> None:
    cases = [
        ("en", "Gunmen opened fire on tourists near Pahalgam on Tuesday. The Resistance Front claimed responsibility for the attack.",
         [("Pahalgam", "place", "pahalgam"), ("The Resistance Front", "org", "trf")]),
        ("fr", "Des hommes armés ont ouvert le feu sur des touristes près de Pahalgam mardi. The Resistance Front a revendiqué l'attaque.",
         [("Pahalgam", "place", "pahalgam"), ("The Resistance Front", "org", "trf")]),
        ("es", "Hombres armados abrieron fuego contra turistas cerca de Pahalgam el martes. The Resistance Front reivindicó el ataque.",
         [("Pahalgam", "place", "pahalgam"), ("The Resistance Front", "org", "trf")]),
    ]
    for language, text, names in cases:
        attacks = [e for e in events_of(text, language, names) if e.type == "ASSAULT"]
        assert attacks and attacks[0].participants[0].entity_id == "trf", (language, attacks)
        assert attacks[0].participants[0].role == "source"


def test_an_attack_is_not_placed_at_its_upper_case_dateline_with_a_colon():
    text = "WASHINGTON: The United States military killed six people on Tuesday in a strike on a boat that had left Venezuela."
    found = events_of(text, "en", [("WASHINGTON", "place", "gn:4140963"), ("United States", "country", "iso:US"),
                                   ("Venezuela", "country", "iso:VE")])
    main = _main(found)
    assert main.type == "ASSAULT" and main.place_id != "gn:4140963"


def test_a_capital_after_an_agent_word_is_its_government_not_the_place():
    cases = [
        ("fr", "Les forces américaines ont frappé un bateau mardi dans les Caraïbes, une opération dénoncée par Caracas.",
         [("Caracas", "place", "gn:3646738")]),
        ("en", "American forces struck a boat in the Caribbean on Tuesday, in an operation condemned by Caracas.",
         [("Caracas", "place", "gn:3646738")]),
        ("es", "Las fuerzas estadounidenses atacaron el martes una lancha en el Caribe, en una operación condenada por Caracas.",
         [("Caracas", "place", "gn:3646738")]),
    ]
    actors = {"fr": ("américaines", "country", "iso:US"), "en": ("American", "country", "iso:US"),
              "es": ("estadounidenses", "country", "iso:US")}
    for language, text, names in cases:
        found = [e for e in events_of(text, language, [actors[language], *names]) if e.type == "ASSAULT"]
        assert found and all(e.place_id != "gn:3646738" for e in found), language


def test_an_italian_participle_agrees_with_its_plural_or_feminine_subject():
    for text in ("Gli accordi sono stati sottoscritti ieri a Roma da Giorgia Meloni e Donald Tusk.",
                 "La dichiarazione è stata sottoscritta ieri a Roma da Giorgia Meloni e Donald Tusk."):
        found = events_of(text, "it", [("Giorgia Meloni", "person", "Q3290028"), ("Donald Tusk", "person", "Q946"),
                                       ("Roma", "place", "gn:3169070")])
        assert [e.type for e in found] == ["AGREE"], text
