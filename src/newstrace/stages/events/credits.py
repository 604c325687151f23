"""Names in an article that take part in no event: the agency crediting the report from its
dateline, and an unknown name whose ending says it is where something happened."""

from __future__ import annotations

import re

from newstrace import ids
from newstrace.knowledge.inflection import PLACE
from newstrace.model import Mention
from newstrace.stages.events.triggers import TriggerLexicon

# A dateline credit: an opening bracket at most this far before the agency, with only the
# place between ("(서울=연합뉴스)"), and its closing bracket right after it.
_CREDIT_REACH = 20
_CREDIT_OPEN = re.compile(r"[(（【\[][^()（）【】\[\]]*$")
_CREDIT_CLOSE = ")）】]"
# Agency, place, then the date's digits at once ("新华社北京5月18日电").
_CREDIT_DATE = re.compile(r"\w{0,8}?\d")


# Agencies credited in brackets: one to three names joined by a dash, slash, comma or space.
_AGENCY_BRACKET = re.compile(r"\((?:[^\W_][\w.]*)(?:\s?[-/,]\s?[^\W_][\w.]*|\s[^\W_][\w.]*){0,2}\)")


def agency_credit(mention: Mention, text: str, kb) -> bool:
    """A news agency credits the report from its dateline: in brackets, alone or beside another
    agency ("Riad, 3 feb (EFE).-", "Kiew (dpa) -", "PARIS (TT-AFP)", "(Tanjug/Reuters)"), in brackets
    after the place ("(서울=연합뉴스)", "【ワシントン共同】"), or opening the paragraph right before the
    place and date ("新华社北京5月18日电")."""
    entity = kb.get(mention.entity_id) if mention.entity_id else None
    agency = entity is not None and entity.subtype == "news_agency"
    if agency:
        before = text[max(0, mention.span.start - _CREDIT_REACH):mention.span.start].rsplit("\n", 1)[-1]
        after = text[mention.span.end:mention.span.end + 2]
        if _CREDIT_OPEN.search(before) and after[:1] in _CREDIT_CLOSE:
            return True
        opens_line = mention.span.start == 0 or text[mention.span.start - 1] == "\n"
        if opens_line and _CREDIT_DATE.match(text, mention.span.end):
            return True
        # Closing a dateline of place and date, unbracketed: "Пекин. 22 апреля. ИНТЕРФАКС -"; or of
        # a place alone, closed by a bar: "Washington dpa | ...".
        line = text[text.rfind("\n", 0, mention.span.start) + 1:mention.span.start]
        if len(line) <= 40 and any(c.isdigit() for c in line) and re.match(r"\s*[-–—]", text[mention.span.end:]):
            return True
        if len(line) <= 40 and re.match(r"\s*\|", text[mention.span.end:]):
            return True
    opening = text.rfind("(", max(0, mention.span.start - 16), mention.span.start + 1)
    closing = text.find(")", mention.span.end, mention.span.end + 16)
    if opening < 0 or closing < 0 or not _AGENCY_BRACKET.fullmatch(text, opening, closing + 1):
        return False
    if agency:
        return True
    # "DEN HAAG (ANP) -", "Madrid, 5 jun (Europa Press).-": between a dateline (upper-case, or
    # with its date) and its dash the brackets credit the report, whatever else the letters
    # stand for (ANP is also the Palestinian Authority).
    head = text[text.rfind("\n", 0, opening) + 1:opening].strip()
    tail = text[closing + 1:closing + 4].lstrip(" .")
    dated = head.isupper() or any(c.isdigit() for c in head)
    return 0 < len(head) <= 40 and dated and tail[:1] in ("-", "–", "—")


def located_name(mention: Mention, lex: TriggerLexicon) -> bool:
    """An unknown name written with a locative ending after an apostrophe ("Saraçhane Parkı'nda",
    "in Saraçhane Park") says where something happened, never who took part."""
    if not ids.is_provisional(mention.entity_id):
        return False
    surface = mention.text.casefold().replace("’", "'")
    if "'" not in surface:
        return False
    suffix = surface.rsplit("'", 1)[1]
    # A buffer consonant may open the ending ("Parkı'nda").
    tails = ["'" + suffix] + (["'" + suffix[1:]] if suffix.startswith("n") and len(suffix) > 2 else [])
    return any(lex.endings.case_of("", tail) == PLACE for tail in tails)
