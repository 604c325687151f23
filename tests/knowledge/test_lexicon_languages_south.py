"""The Hindi, Urdu, Bengali, Hebrew, Vietnamese and Swahili lexicons on sentences written for them:
triggers, status, dates, boilerplate, and the names and places of their scripts."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.context import Context
from newstrace.knowledge.lexicon import load_lexicons
from newstrace.model import DateValue
from newstrace.stages.article.clean import clean_text, compile_rules
from newstrace.stages.events.dates import find_dates
from newstrace.stages.events.triggers import TriggerLexicon, find_triggers, refine_mode, status_of

LEXICONS = load_lexicons()
# A Wednesday.
PUBLISHED = DateValue.of_day(date(2025, 3, 12), "header")


def triggers(language: str, text: str) -> list[tuple[str, str | None, str]]:
    """(type, mode, status) of every trigger, the mode refined by the sentence's cues."""
    lex = TriggerLexicon.from_lexicon(LEXICONS.get(language))
    return [(hit.type, refine_mode(hit, text, lex), status_of(text[:hit.span.start], lex, text[hit.span.end:]))
            for hit in find_triggers(text, 0, lex)]


TRIGGERS = [
    # Hindi: light-verb compounds after the object, a passive ("बातचीत हुई"), hosting, a phone call
    ("hi", "राष्ट्रपति ने मंगलवार को फ्रांस के राष्ट्रपति की मेजबानी की।", ("CONSULT", "meeting")),
    ("hi", "दोनों देशों के बीच दिल्ली में लंबी बातचीत हुई।", ("CONSULT", "talks")),
    ("hi", "विदेश मंत्री ने अपने समकक्ष से फोन पर बात की।", ("CONSULT", "phone_call")),
    ("hi", "सेना ने सीमा पर ड्रोन हमला किया।", ("ASSAULT", "airstrike")),
    ("hi", "दोनों पक्षों ने व्यापार समझौते पर हस्ताक्षर किए।", ("AGREE", "agreement")),
    ("hi", "किसानों ने संसद के बाहर प्रदर्शन किया।", ("PROTEST", "demonstration")),
    # Urdu
    ("ur", "وزیراعظم نے سعودی ولی عہد کا استقبال کیا۔", ("CONSULT", "meeting")),
    ("ur", "دونوں وزرائے خارجہ نے ٹیلی فون پر بات کی۔", ("CONSULT", "phone_call")),
    ("ur", "دونوں ملکوں کے درمیان مذاکرات ہوئے۔", ("CONSULT", "talks")),
    ("ur", "حکومت نے واقعے کی شدید مذمت کی۔", ("ACCUSE", "condemnation")),
    ("ur", "فوج نے سرحد پر میزائل داغے۔", ("ASSAULT", "airstrike")),
    # Bengali: honorific and plain past forms
    ("bn", "দুই নেতা শুক্রবার বৈঠক করেন।", ("CONSULT", "meeting")),
    ("bn", "দুই দেশের মন্ত্রীরা টেলিফোনে কথা বলেন।", ("CONSULT", "phone_call")),
    ("bn", "বাহিনী শহরে বিমান হামলা চালায়।", ("ASSAULT", "airstrike")),
    ("bn", "দুই দেশ একটি চুক্তিতে সই করেন।", ("AGREE", "agreement")),
    ("bn", "সরকার প্রস্তাবটি প্রত্যাখ্যান করেছে।", ("REJECT", "rejection")),
    # Hebrew: the conjunction written onto the verb ("ואמר"), a passive meeting, hosting
    ("he", "השר אירח את עמיתו בלשכתו.", ("CONSULT", "meeting")),
    ("he", "בסוף השבוע התקיימה פגישה בין השניים.", ("CONSULT", "meeting")),
    ("he", "הוא שוחח בטלפון עם נשיא צרפת.", ("CONSULT", "phone_call")),
    ("he", "הצבא תקף מהאוויר מטרות בדרום.", ("ASSAULT", "airstrike")),
    ("he", "ואמר השר כי המצב קשה.", ("STATEMENT", "statement")),
    ("he", "המדינה הטילה סנקציות על החברה.", ("SANCTION", "sanctions")),
    # Vietnamese: syllables written apart, the classifier makes a noun
    ("vi", "Thủ tướng đã tiếp đón Tổng thống Pháp tại Hà Nội.", ("CONSULT", "meeting")),
    ("vi", "Hai nhà lãnh đạo đã điện đàm vào tối qua.", ("CONSULT", "phone_call")),
    ("vi", "Quân đội đã không kích một sân bay.", ("ASSAULT", "airstrike")),
    ("vi", "Hai bên đã ký kết hiệp định thương mại.", ("AGREE", "agreement")),
    ("vi", "Hàng nghìn người biểu tình trước tòa nhà quốc hội.", ("PROTEST", "demonstration")),
    # Swahili: subject and tense prefixes on the verb
    ("sw", "Rais alimpokea waziri huyo Ikulu.", ("CONSULT", "meeting")),
    ("sw", "Viongozi hao walizungumza kwa simu jana.", ("CONSULT", "phone_call")),
    ("sw", "Wanamgambo walishambulia kituo cha polisi.", ("ASSAULT", "attack")),
    ("sw", "Nchi hizo zilitia saini mkataba wa biashara.", ("AGREE", "agreement")),
    ("sw", "Serikali ililaani shambulio hilo.", ("ACCUSE", "condemnation")),
]


@pytest.mark.parametrize(("language", "text", "expected"), TRIGGERS, ids=[f"{t[0]}-{i}" for i, t in enumerate(TRIGGERS)])
def test_trigger_type_and_mode(language: str, text: str, expected: tuple[str, str]) -> None:
    found = triggers(language, text)
    assert expected in [(kind, mode) for kind, mode, _ in found], found


@pytest.mark.parametrize(("language", "text", "status"), [
    ("hi", "दोनों नेताओं की अगले सप्ताह मुलाकात होगी।", "future"),
    ("ur", "دونوں رہنماؤں کی آئندہ ہفتے ملاقات ہوگی۔", "future"),
    ("he", "השר לא נפגש עם השגריר.", "negated"),
    ("he", "ייתכן שהשניים נפגשו בחשאי בוושינגטון.", "hypothetical"),
    ("vi", "Hai bên sẽ hội đàm vào tuần tới.", "future"),
    ("vi", "Bộ trưởng không gặp đại sứ.", "negated"),
    ("bn", "দুই নেতার আগামী সপ্তাহে বৈঠক হবে।", "future"),
])
def test_status_cues(language: str, text: str, status: str) -> None:
    found = triggers(language, text)
    assert found and found[0][2] == status, found


def test_future_and_negative_swahili_verbs_are_other_words() -> None:
    # "atakutana" (will meet) and "hakukutana" (did not meet) are not the past "alikutana".
    assert triggers("sw", "Rais atakutana na waziri kesho.") == []
    assert triggers("sw", "Rais hakukutana na waziri.") == []


def test_a_trigger_is_no_match_inside_a_longer_word() -> None:
    # Hindi "कहा" (said) ends with a vowel sign: "कहानी" (story) is another word.
    assert triggers("hi", "यह एक पुरानी कहानी है।") == []
    assert [t[0] for t in triggers("hi", "उन्होंने कहा कि वे तैयार हैं।")] == ["STATEMENT"]


def dates(language: str, text: str) -> list[tuple[date | None, str]]:
    return [(x.value.start if x.value.precision == "day" else None, x.kind)
            for x in find_dates(text, language, PUBLISHED, LEXICONS)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("hi", "सोमवार को बैठक हुई।", date(2025, 3, 10)),
    ("hi", "8 मार्च 2025 को समझौता हुआ।", date(2025, 3, 8)),
    ("ur", "پیر کو ملاقات ہوئی۔", date(2025, 3, 10)),
    ("ur", "8 مارچ 2025 کو معاہدہ ہوا۔", date(2025, 3, 8)),
    ("bn", "শনিবার (৮ মার্চ) বৈঠক হয়।", date(2025, 3, 8)),
    ("bn", "গতকাল আলোচনা হয়।", date(2025, 3, 11)),
    ("he", "ביום שני נפגשו השניים.", date(2025, 3, 10)),
    ("he", "ההסכם נחתם ב-8 במרץ 2025.", date(2025, 3, 8)),
    ("he", "היום (שלישי) נחתם ההסכם.", date(2025, 3, 11)),
    ("vi", "Hai bên đã gặp nhau vào thứ Hai.", date(2025, 3, 10)),
    ("vi", "Ngày 8-3, hai bên đã ký hiệp định.", date(2025, 3, 8)),
    ("vi", "Hội nghị diễn ra ngày 8 tháng 3 năm 2025.", date(2025, 3, 8)),
    ("sw", "Walikutana Jumatatu jijini Nairobi.", date(2025, 3, 10)),
    ("sw", "Mkataba ulisainiwa Machi 8, 2025.", date(2025, 3, 8)),
])
def test_dates(language: str, text: str, expected: date) -> None:
    assert expected in [day for day, _ in dates(language, text)], dates(language, text)


def test_vietnamese_ordinal_is_no_weekday() -> None:
    # "thứ hai" alone is "second": only "vào thứ Hai", "hôm thứ Hai" ... name the weekday.
    assert dates("vi", "Hai ngoại trưởng vừa có cuộc điện đàm thứ hai kể từ đầu năm.") == []


@pytest.mark.parametrize(("line", "body"), [
    ("यह भी पढ़ें", "प्रधानमंत्री ने मंगलवार को संसद में कहा कि सरकार किसानों के साथ खड़ी है और उनकी हर मांग पर विचार करेगी।"),
    ("یہ بھی پڑھیں", "وزیراعظم نے منگل کو قومی اسمبلی میں کہا کہ حکومت کسانوں کے ساتھ کھڑی ہے اور ان کے ہر مطالبے پر غور کرے گی۔"),
    ("আরও পড়ুন", "প্রধানমন্ত্রী মঙ্গলবার সংসদে বলেন, সরকার কৃষকদের পাশে আছে এবং তাদের প্রতিটি দাবি বিবেচনা করবে।"),
    ("כתבות נוספות", "ראש הממשלה אמר ביום שלישי בכנסת כי הממשלה תעמוד לצד החקלאים ותבחן כל אחת מדרישותיהם בקפידה רבה."),
    ("Tin liên quan", "Thủ tướng hôm thứ Ba phát biểu tại Quốc hội rằng chính phủ luôn đứng về phía nông dân và xem xét mọi kiến nghị."),
    ("Habari zinazohusiana", "Waziri Mkuu alisema Jumanne bungeni kwamba serikali itasimama pamoja na wakulima na kuzingatia kila ombi lao."),
])
def test_boilerplate_line_goes_and_the_body_stays(line: str, body: str) -> None:
    kept = clean_text(f"{body}\n{line}\n{body} ", compile_rules(LEXICONS), frozenset()).splitlines()
    assert line not in [k.strip() for k in kept]
    assert any(body in k for k in kept)


@pytest.fixture(scope="module")
def kb():
    return Context(use_spacy=False).kb


@pytest.mark.parametrize(("name", "entity"), [
    ("नरेंद्र मोदी", "Q1058"), ("नेतन्याहू", "Q43723"), ("شہباز شریف", "Q7492880"), ("عاصم منیر", "Q60852913"),
    ("নরেন্দ্র মোদী", "Q1058"), ("ডোনাল্ড ট্রাম্প", "Q22686"), ("בנימין נתניהו", "Q43723"), ("חמאס", "Q38799"),
    ("Tập Cận Bình", "Q15031"), ("Liên hợp quốc", "Q1065"), ("Umoja wa Mataifa", "Q1065"),
    ("अमेरिका", "iso:US"), ("روس", "iso:RU"), ("যুক্তরাষ্ট্র", "iso:US"), ("Hoa Kỳ", "iso:US"), ("Marekani", "iso:US"),
])
def test_names_in_the_new_scripts(kb, name: str, entity: str) -> None:
    assert entity in [ref.entity_id for ref in kb.lookup(name)]


@pytest.mark.parametrize(("name", "city"), [
    ("दिल्ली", "Delhi"), ("गाजा", "Gaza"), ("इस्लामाबाद", "Islamabad"), ("اسلام آباد", "Islamabad"),
    ("واشنگٹن", "Washington"), ("ঢাকা", "Dhaka"), ("নয়াদিল্লি", "New Delhi"), ("ירושלים", "Jerusalem"),
    ("תל אביב", "Tel Aviv"), ("Hà Nội", "Hanoi"), ("Nairobi", "Nairobi"),
])
def test_cities_in_the_new_scripts(kb, name: str, city: str) -> None:
    places = [kb.get(ref.entity_id) for ref in kb.lookup(name) if ref.entity_id.startswith("gn:")]
    assert places and places[0].canonical_name == city


def test_a_bengali_name_takes_its_case_ending(kb) -> None:
    text = "তারা শনিবার ঢাকায় বৈঠক করেন।"
    (found,) = [m for m in kb.matcher.find(text) if m.refs[0].entity_id.startswith("gn:")]
    # The name with its locative ending, nukta and all.
    assert text[found.start:found.end] == "ঢাকায়"
