"""A small database for the web and export tests: one event in three languages, a translation, a hostile article."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from newstrace.ids import event_id, story_id
from newstrace.model import (
    DateValue, Discrepancy, DuplicateReport, Entity, Event, EventMention, FieldVote, Mention, Participant, Role,
    Span, Story,
)
from newstrace.store import Store
from tests.factories import article, day, raw

KALIN, THANI, MIT, HAMAS, ISRAEL, DOHA = "Q6100994", "Q7500001", "Q1320806", "Q7500002", "iso:IL", "gn:290030"
UNKNOWN = "nt:0a1b2c3d4e5f"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">click</a>')
RLO = "\u202e"

EN_TEXT = ("DOHA, Feb 9 — Ibrahim Kalin, head of the Turkish intelligence service, met the Qatari prime minister "
           "Mohammed bin Abdulrahman Al Thani in Doha on Monday.\n\n"
           "The two men went over the Gaza truce that Hamas and Israel agreed in January, officials said.\n\n"
           "Israel calls Hamas a terrorist organisation; the talks also covered the hostages.")
AR_TEXT = ("التقى إبراهيم قالن رئيس جهاز الاستخبارات التركي برئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني "
           "في الدوحة يوم الاثنين.\n\nوتناول اللقاء الهدنة في غزة.\n\nوأشادت حركة المقاومة بالوساطة القطرية في ملف الأسرى.")
FR_TEXT = ("Ibrahim Kalin, chef du renseignement turc, a rencontré mardi à Doha le Premier ministre qatari "
           "Mohammed bin Abdulrahman Al Thani.\n\nLes deux hommes ont parlé de la trêve à Gaza.")
XSS_TITLE = f"{PAYLOADS[0]} Breaking {PAYLOADS[1]} {RLO}txt.exe"
XSS_TEXT = (f"Ibrahim Kalin said {PAYLOADS[0]} and {PAYLOADS[1]} then {PAYLOADS[2]} {RLO}reversed\u202c end.\n\n"
            "A second paragraph names Ibrahim Kalin again.\n\n"
            f"The militants {PAYLOADS[0]} were {PAYLOADS[1]} killed.")


@dataclass(frozen=True)
class Hit:
    entity_id: str
    name: str
    kind: str
    score: float


@dataclass
class FakeKB:
    """The two methods the web app and exporters use, over a handful of entities."""

    entities: dict[str, Entity] = field(default_factory=dict)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def search(self, name: str, limit: int = 10) -> tuple[Hit, ...]:
        wanted = name.casefold().strip()
        hits = [Hit(e.id, e.canonical_name, e.kind, 1.0) for e in self.entities.values()
                if any(n.casefold() == wanted for n in e.all_names())]
        return tuple(hits[:limit])


def fake_kb() -> FakeKB:
    return FakeKB({e.id: e for e in (
        Entity(KALIN, "person", "Ibrahim Kalin",
               names={"en": ("Ibrahim Kalin",), "tr": ("İbrahim Kalın",), "ar": ("إبراهيم قالن",),
                      "ru": ("Ибрагим Калын",), "fa": ("ابراهیم کالین",)},
               roles=(Role("intelligence_chief", MIT, "TR", date(2023, 6, 5)),
                      Role("spokesperson", None, "TR", date(2014, 12, 1), date(2023, 6, 30))),
               country="TR", wikidata=KALIN),
        Entity(THANI, "person", "Mohammed bin Abdulrahman Al Thani",
               names={"en": ("Mohammed bin Abdulrahman Al Thani",), "ar": ("محمد بن عبد الرحمن آل ثاني",)},
               country="QA"),
        Entity(MIT, "org", "National Intelligence Organization", names={"tr": ("Millî İstihbarat Teşkilatı",)},
               acronyms=("MIT",), country="TR", wikidata=MIT),
        Entity(HAMAS, "org", "Hamas", names={"ar": ("حماس",)}),
        Entity(ISRAEL, "country", "Israel", names={"he": ("ישראל",), "ar": ("إسرائيل",)}, country="IL"),
        Entity(DOHA, "place", "Doha", names={"ar": ("الدوحة",)}, country="QA", geonames=290030,
               latitude=25.285, longitude=51.531),
    )})


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def _mention(art, needle: str, kind: str, entity: str | None, nth: int = 0) -> Mention:
    span = _span(art.text, needle, nth)
    return Mention(art.id, span, needle, kind, entity, 0.9, "test")


def _event_mention(mid: str, art, sentence: str, type_: str, mode: str | None, when: DateValue,
                   participants: list[str], *, place: str | None = None, main: bool = True,
                   background: bool = False) -> EventMention:
    return EventMention(
        id=mid, article_id=art.id, type=type_, mode=mode,
        participants=tuple(Participant(p, "source" if i == 0 else "target") for i, p in enumerate(participants)),
        date=when, evidence=(_span(art.text, sentence),), sentence=sentence, language=art.language,
        place_id=place, main=main, background=background, topics=("ceasefire",),
    )


@dataclass(frozen=True)
class Corpus:
    path: Path
    meeting: str
    truce: str
    hostile: str
    story: str
    en: str
    ar: str
    fr: str
    xss: str


def build_corpus(path: Path) -> Corpus:
    """Write the test database at `path` through the store, as the pipeline would."""
    en = article(EN_TEXT, name="doha_en.txt", language="en", published=day("2026-02-09"),
                 title="Turkish intelligence chief meets Qatari premier in Doha", outlet="Gulf Wire")
    ar = article(AR_TEXT, name="doha_ar.txt", language="ar", published=day("2026-02-09"),
                 title="قالن يلتقي رئيس الوزراء القطري في الدوحة")
    fr = article(FR_TEXT, name="doha_fr.txt", language="fr", published=day("2026-02-10"),
                 title="Le chef du renseignement turc reçu à Doha")
    xss = article(XSS_TEXT, name="hostile.html", language="en", title=XSS_TITLE, outlet="<b>Evil</b> Outlet")
    xss = replace(xss, url="javascript:alert(1)", byline=PAYLOADS[1])
    en_sentence = EN_TEXT.split("\n\n")[0]
    en_meet = _event_mention("m_en_meet", en, en_sentence, "CONSULT", "meeting", day("2026-02-09"),
                             [KALIN, THANI], place=DOHA)
    en_truce = _event_mention("m_en_truce", en, EN_TEXT.split("\n\n")[1], "AGREE", "ceasefire",
                              DateValue.of_month(2026, 1, "text"), [HAMAS, ISRAEL], main=False, background=True)
    ar_meet = _event_mention("m_ar_meet", ar, AR_TEXT.split("\n\n")[0], "CONSULT", "meeting", day("2026-02-09"),
                             [KALIN, THANI], place=DOHA)
    fr_meet = _event_mention("m_fr_meet", fr, FR_TEXT.split("\n\n")[0], "CONSULT", "meeting", day("2026-02-10"),
                             [KALIN, THANI], place=DOHA)
    xss_said = _event_mention("m_xss", xss, XSS_TEXT.split("\n\n")[0], "STATEMENT", None, DateValue.unknown(),
                              [KALIN, UNKNOWN])
    meeting_ids = (ar_meet.id, en_meet.id, fr_meet.id)
    meeting = Event(
        id=event_id(meeting_ids), type="CONSULT", mode="meeting", date=day("2026-02-09"),
        participants=(Participant(KALIN, "source"), Participant(THANI, "target")),
        mention_ids=tuple(sorted(meeting_ids)), article_ids=tuple(sorted((en.id, ar.id, fr.id))),
        place_id=DOHA, topics=("ceasefire",),
        discrepancies=(Discrepancy("date", (FieldVote("2026-02-09", tuple(sorted((en.id, ar.id)))),
                                            FieldVote("2026-02-10", (fr.id,)))),),
        provenance=(("type", FieldVote("CONSULT", tuple(sorted((en.id, ar.id, fr.id))))),
                    ("date", FieldVote("2026-02-09", tuple(sorted((en.id, ar.id))))),
                    ("place", FieldVote(DOHA, tuple(sorted((en.id, ar.id, fr.id)))))),
    )
    truce = Event(id=event_id([en_truce.id]), type="AGREE", mode="ceasefire", date=en_truce.date,
                  participants=en_truce.participants, mention_ids=(en_truce.id,), article_ids=(en.id,),
                  topics=("ceasefire",))
    hostile = Event(id=event_id([xss_said.id]), type="STATEMENT", mode=None, date=DateValue.unknown(),
                    participants=xss_said.participants, mention_ids=(xss_said.id,), article_ids=(xss.id,))
    story = Story(story_id([truce.id, meeting.id]), "Türkiye–Qatar contacts on the Gaza truce",
                  (truce.id, meeting.id), (KALIN, THANI, HAMAS, ISRAEL), ("ceasefire",))
    hostile_story = Story(story_id([hostile.id]), f"{PAYLOADS[0]} story", (hostile.id,), (KALIN,))
    with Store(path) as store:
        store.save_article(raw(EN_TEXT, "doha_en.txt"), en, [
            _mention(en, "Ibrahim Kalin", "person", KALIN), _mention(en, "Mohammed bin Abdulrahman Al Thani", "person", THANI),
            _mention(en, "Doha", "place", DOHA), _mention(en, "Hamas", "org", HAMAS), _mention(en, "Israel", "country", ISRAEL),
            _mention(en, "prime minister", "role", None)], [en_meet, en_truce])
        store.save_article(raw(AR_TEXT, "doha_ar.txt"), ar, [
            _mention(ar, "إبراهيم قالن", "person", KALIN), _mention(ar, "الدوحة", "place", DOHA)], [ar_meet])
        store.save_article(raw(FR_TEXT, "doha_fr.txt"), fr, [_mention(fr, "Ibrahim Kalin", "person", KALIN)], [fr_meet])
        store.save_article(raw(XSS_TEXT, "hostile.html"), xss, [
            _mention(xss, "Ibrahim Kalin", "person", KALIN), _mention(xss, PAYLOADS[0], "org", None),
            _mention(xss, "Ibrahim Kalin", "person", KALIN, 1)], [xss_said])
        store.replace_resolution([meeting, truce, hostile], [DuplicateReport(fr.id, en.id, "translation", 0.82)],
                                 [story, hostile_story])
        _desk(store, meeting, hostile)
    return Corpus(path, meeting.id, truce.id, hostile.id, story.id, en.id, ar.id, fr.id, xss.id)


def _desk(store: Store, meeting: Event, hostile: Event) -> None:
    """Alerts and watch state as `watch` leaves them, hostile text in a feed title and an alert included."""
    from newstrace.desk.rules import make_rule
    from newstrace.model import Alert, WatchSource

    at = "2026-02-09T10:00:00+00:00"
    store.add_rule(make_rule({"name": "kalin", "actor": KALIN}, at))
    store.record_alert(Alert("al0000000000001", "kalin", "event", meeting.id, "consult: Ibrahim Kalin, Al Thani",
                             at, "stdout", delivered_at=None), meeting.mention_ids)
    store.mark_delivered("al0000000000001", at)
    store.record_alert(Alert("al0000000000002", "kalin", "sources", hostile.id, f"{PAYLOADS[0]} alert text",
                             "2026-02-09T11:00:00+00:00", "http://127.0.0.1:9/hook"), hostile.mention_ids)
    store.mark_attempt_failed("al0000000000002", f"E008 unreachable URL ({PAYLOADS[1]})", "2026-02-09T11:01:00+00:00")
    store.record_poll(WatchSource("http://127.0.0.1:9/wire.xml", "feed", '"v1"', None, at, "new", "3 new", 0, None))
    store.record_poll(WatchSource(f"http://127.0.0.1:9/{PAYLOADS[1]}", "feed", None, None, at, "failed",
                                  f"E007 not a feed ({PAYLOADS[0]})", 2, "2026-02-09T10:02:00+00:00"))
