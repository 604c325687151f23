"""Event extraction: PLOVER event mentions of one article, from triggers, linked mentions and dates."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from newstrace import ids
from newstrace.context import Context
from newstrace.model import Article, DateValue, EventMention, Mention, Participant, Quote, Span
from newstrace.knowledge.lexicon import Lexicon
from newstrace.stages.events.announced import announced_acts, credit_announcer
from newstrace.stages.events.attribution import find_attributions, find_quotes
from newstrace.stages.events.crosslingual import fallback_hits, needs_fallback
from newstrace.stages.events.drafts import (Draft, fits, merge, named_later, react, read_claim, refer_back, resolve_anaphoric,
                                           retold, same_event)
from newstrace.stages.events.dates import PUBLICATION_DAY, PUBLICATION_MONTH, TemporalExpression, find_dates
from newstrace.stages.events.eventlex import EventLexicon, event_lexicon, ontology
from newstrace.stages.events.heads import organisations_of, with_heads_words
from newstrace.knowledge.places import country_id
from newstrace.stages.events.mainevent import Candidate, background_flags, choose_main, headline, relocated, title_ends_at
from newstrace.stages.events.participants import (
    ACTOR_KINDS, Scope, actors_in, choose_participants, protest_targets, scope_of,
)
from newstrace.stages.events.places import (Gazetteer, PlaceChoice, addressed, choose_place, city_of_country, governments,
                                            sited)
from newstrace.stages.events.credits import agency_credit, located_name
from newstrace.stages.events.states import standing_for, with_states
from newstrace.stages.events.syntax import parse_roles
from newstrace.stages.events.topics import find_topics
from newstrace.stages.events.unnamed import only_unnamed, with_unnamed_doers
from newstrace.stages.events.triggers import TriggerHit, TriggerLexicon, find_triggers, refine_mode, status_of
from newstrace.text.sentences import Sentence, prose_ranks, split_sentences

# A straight quote between two letters is no quotation mark: Hebrew writes acronyms with it
# ("צה"ל", "ארה"ב") when it lacks the gershayim.
_STRAIGHT = r'(?:(?<![^\W\d_])"|"(?![^\W\d_]))'
_QUOTE_SPANS = re.compile(r"«[^«»]*»|「[^「」]*」|“[^“”]*”|„[^„“”]*[“”]|" + _STRAIGHT + r'(?:[^"\n]|(?<=[^\W\d_])"(?=[^\W\d_]))*' + _STRAIGHT)
# A noun trigger reports an event of its own only with an actor this close ("Israeli airstrike").
_ATTACHED_WORDS = 2
# ... or this close after the "between" the noun opens ("talks between the foreign ministers of Iran").
_BETWEEN_WORDS = 8
# "refused to meet", "a refusé de rencontrer": at most this many characters between the two triggers.
_REFUSAL_GAP = 5
# Types whose doers often go unnamed ("tens of thousands marched") but whose target is named.
_DIRECTED = frozenset({"PROTEST"})
# A dateline: the place and date, at most this many characters from the paragraph's start, then
# within this many the agency and the dash or slash that ends it ("PARIS, 5 mai (AFP) -", "/ТАСС/.").
_DATELINE_HEAD = 40
_DATELINE_TAIL = 30
_DATELINE_END = re.compile(r"\s[-–—]\s|\)\.?\s?[-–—]|/\S+/\.?\s|\.-")
# A date this close after another trigger is that event's own ("the attack on October 7").
_OWN_DATE_GAP = 6
# The paragraphs whose date a main event without one of its own may take, and how old that
# date may be against the publication before it is background.
_LEDE_DATE_PARAGRAPHS = 1
_LEDE_RECENT = timedelta(days=10)
# The lexicon of a language that has none: no trigger words, no cues; the encoder finds events.
NEUTRAL = Lexicon("und", "no lexicon", "")


def extract_events(article: Article, mentions: tuple[Mention, ...], ctx: Context) -> tuple[EventMention, ...]:
    """Every event the article reports, with participants, place, date, topics, attribution and evidence.

    Triggers in negated, hypothetical or future clauses give events with that
    status, never asserted past events; a trigger with no participant of its own
    refers back to the latest event of its type or gives nothing.
    """
    if not article.text:
        return ()
    text = article.text
    # The language's trigger and date patterns compile on first use; the cache folder keeps them.
    with ctx.kept_regexes(f"events-{article.language}"):
        # A language without a lexicon still has its sentences read by the encoder fallback.
        lex = event_lexicon(ctx.lexicons.get(article.language) or NEUTRAL)
        dates = find_dates(text, article.language, article.published, ctx.lexicons)
    ordered = tuple(sorted(mentions, key=lambda m: (m.span.start, -m.span.end)))
    sentences = split_sentences(text)
    cuts = ctx.cuts(article.language, text)
    # A name in quotation marks (« Coalition des volontaires ») is written as a name, not said;
    # an agency's ("сообщает агентство «Синьхуа»") credits the report.
    names = {(m.span.start, m.span.end) for m in mentions if m.entity_id and not _agency(ctx, m.entity_id)}
    quoted = [Span(q.start(), q.end()) for q in _QUOTE_SPANS.finditer(text) if _unquoted(q, text) not in names]
    attributions = find_attributions(text, 0, lex.attribution)
    credited = [a.span for a in attributions]
    # Actors named as a report's source ("told Reuters", "according to Anadolu") take no part,
    # nor do those only named inside a quotation.
    actors = tuple(m for m in ordered if not _inside(m.span, credited) and not _inside(m.span, quoted)
                   and not agency_credit(m, text, ctx.kb) and not located_name(m, lex.triggers))
    title_end = title_ends_at(article)
    drafts: list[Draft] = []
    previous: Sentence | None = None
    found = [[h for h in find_triggers(sentence.text, sentence.start, lex.triggers, cuts)
              if not _inside(h.span, quoted) and not (h.type == "STATEMENT" and _inside(h.span, credited))]
             for sentence in sentences]
    if needs_fallback(found, sentences):
        for index, hit in fallback_hits(sentences, actors, ctx.classify_sentences, lex.triggers.verb_final,
                                         article.title).items():
            found[index] = [hit]
    places = gazetteer(ctx)
    for sentence, hits in zip(sentences, found):
        # A noun beside a verb of another type is what that verb acts on ("condemned the strike").
        # Not where a verb of the noun's own type tells it ("were killed in Israeli strikes, the agency said").
        objects = [h for h in hits if h.nominal and any(not v.nominal and v.type != h.type for v in hits)
                   and not any(not v.nominal and v.type == h.type and v.span.end <= h.span.start for v in hits)]
        # "refused to meet" negates the meeting; it is no rejection event of its own.
        objects += [h for h in hits if h.type == "REJECT" and any(
            0 <= o.span.start - h.span.end <= _REFUSAL_GAP for o in hits if o is not h)]
        announced = announced_acts(hits, ontology().reporting_types, ontology().symmetric_types, text)
        objects = [h for h in objects if h not in announced]
        for hit in hits:
            if hit not in objects:
                others = tuple(h.span for h in hits if h is not hit)
                stops = tuple(h.span for h in hits if h is not hit and h.type == "STATEMENT" and not h.nominal)
                nouns = tuple(h.span for h in hits if h is not hit and h.noun)
                speech = tuple(h.span for h in hits if h is not hit and not h.nominal
                               and h.type in ontology().verbal_types)
                _add_hit(hit, (others, stops, nouns), sentence, previous, actors, dates, quoted, text, lex.triggers, drafts, title_end,
                         places, speech, lambda e: _audience(ctx, e))
                refer_back(hit, objects, drafts)
                react(hit, drafts)
                if hit in announced:
                    credit_announcer(hit, drafts)
        read_claim(sentence, actors, text, lex.triggers, drafts)
        previous = sentence
    _unnamed_doers(drafts)
    assembled, drafts = drafts, [d for d in drafts if d.participants]
    _roles_from_parse(drafts, ctx.nlp(article.language))
    _unnamed_doers(drafts)  # a parser's roles aside, "gunmen" are doers
    ranks = prose_ranks(sentences)
    candidates, main = _choose_main(drafts, ranks, article, text[title_end:], lex, ctx)
    if main is None and named_later(assembled):
        # No lede event names its parties: the one that opens the article may name them later.
        drafts = [d for d in assembled if d.participants]
        candidates, main = _choose_main(drafts, ranks, article, text[title_end:], lex, ctx)
    for index, (d, background) in enumerate(zip(drafts, background_flags(candidates, main))):
        d.main, d.background = index == main, background
    if main is not None:
        _locate_main(drafts[main], ordered, text, article.title, lex.triggers, ctx)
        _date_main(drafts[main], drafts, sentences, dates, quoted, text, lex.triggers, article.published)
        with_heads_words(drafts[main], drafts, organisations_of(ctx.kb, _day_of(drafts[main], article)))
    for d in drafts:
        d.participants = with_states(d.participants, ontology().state_act(d.hit.type, d.mode),
                                     _standing_for(ctx, _day_of(d, article)))
    quotes = find_quotes(text, 0, ordered)
    return tuple(_finish(d, article, lex, attributions, quotes) for d in drafts)


def _date_main(main: Draft, drafts: list[Draft], sentences: list[Sentence], dates: tuple[TemporalExpression, ...],
               quoted: list[Span], text: str, lex: TriggerLexicon, published: DateValue) -> None:
    """A main event its own sentence gives no date takes the date its lede gives, else the day the
    report was published (a weak vote: any date a text gives outweighs it).

    Ledes date the news once ("In a speech on Monday 27 October ... . Al-Burhan said ..."): the
    nearest date of the lede's paragraphs that no other event of the lede holds is the one.
    """
    if main.status != "asserted" or (main.when is not None and (main.when.value.known or main.when.value.weekday is None)):
        return
    # A bare weekday a later sentence gave ("mercoledì") yields to the lede's date of that weekday.
    weekday = main.when.value.weekday if main.when is not None else None
    paragraph_of = {s.start: s.paragraph for s in sentences}
    starts = sorted(paragraph_of)
    # "X and Y agreed a truce. Trump announced it on Saturday": the speech act right after a
    # sentence telling the news, reporting it, dates it too; other events' dates are theirs.
    follows = {next((s.start for s in sentences if s.start >= told.end), None) for told in main.sentences}
    held = {id(d.when) for d in drafts if d is not main and d.when is not None and d.hit.type != main.hit.type
            and not (d.hit.type in ontology().reporting_types and d.sentence.start in follows)}
    best: tuple[tuple[bool, int], TemporalExpression] | None = None
    for expr in dates:
        at = bisect_right(starts, expr.span.start) - 1
        paragraph = paragraph_of[starts[at]] if at >= 0 else 0
        # A weekday alone, on a page with no date, still says which day of the week it was.
        said = expr.value.known or expr.value.weekday is not None
        if paragraph > max(main.sentence.paragraph + 1, _LEDE_DATE_PARAGRAPHS) or expr.future or not said \
                or id(expr) in held or _inside(expr.span, quoted):
            continue
        lead = text[max(0, expr.span.start - 14):expr.span.start]
        if any(m.end() >= len(lead.rstrip()) - 4 for m in lex.not_date_after.finditer(lead)):
            continue
        if published.known and published.start and expr.value.end and expr.value.end < published.start - _LEDE_RECENT:
            continue  # a background date ("in February 2022"), not the news
        if weekday is not None and (expr.value.day is None or expr.value.day.weekday() != weekday):
            continue
        # A date beats a bare weekday wherever it stands; among equals, the nearest.
        distance = (not expr.value.known, abs(expr.span.start - main.hit.span.start))
        if best is None or distance < best[0]:
            best = (distance, expr)
    if best is not None:
        main.when = best[1]
    elif main.when is not None:
        return
    elif published.precision == "day" and published.start is not None and published.source != "relative":
        value = DateValue.of_day(published.start, "relative", published.evidence, PUBLICATION_DAY)
        main.when = TemporalExpression(main.hit.span, "", value, "publication", "past")
    elif published.precision == "month" and published.start and published.end and published.source != "relative":
        # A page dated only by its month tells news of that month, any day of it: merging then
        # keeps it within the month, not within the days before the month's end.
        value = DateValue(published.start, published.end, "month", "relative", published.evidence, PUBLICATION_MONTH)
        main.when = TemporalExpression(main.hit.span, "", value, "publication", "past")


# Armed forces of no state (resolve.ARMED_FORCES less a state's military).
_STATELESS_FORCES = frozenset({"armed_group", "militia"})


def _choose_main(drafts: list[Draft], ranks: dict[int, int], article: Article, body: str, lex: EventLexicon,
                 ctx: Context) -> tuple[tuple[Candidate, ...], int | None]:
    candidates = tuple(
        Candidate(d.hit.type, d.status, d.borrowed, ranks.get(d.sentence.paragraph, d.sentence.paragraph),
                  frozenset(d.entity_ids()) | ({d.place_id} if d.place_id else set()), d.date,
                  d.when.kind if d.when else "", d.when.direction if d.when else "", d.hit.nominal and not d.announced,
                  d.sentence.start)
        for d in drafts)
    main = choose_main(candidates, article.title, lex.triggers, lambda entity_id: _names(ctx, entity_id),
                       ontology().reporting_types, headline(article.title, body))
    return candidates, main


def _unnamed_doers(drafts: list[Draft]) -> None:
    """Unnamed doers stay only where no named doer took their place (a claim, a later sentence)."""
    for d in drafts:
        d.participants = with_unnamed_doers(d.participants, d.hit.type, ontology().unnamed_doer_types)


def _roles_from_parse(drafts: list[Draft], nlp) -> None:
    """Where a dependency parser exists, it says who is the doer of a verb and who the other side."""
    if nlp is None:
        return
    for d in drafts:
        if not d.hit.nominal and len(d.participants) > 1 and not d.borrowed:
            d.participants = list(parse_roles(nlp, d.sentence.text, d.sentence.start, d.hit.span, tuple(d.participants)))


def _inside(span: Span, areas: list[Span]) -> bool:
    return any(a.start <= span.start and span.end <= a.end for a in areas)


def _add_hit(hit: TriggerHit, neighbours: tuple[tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]], sentence: Sentence,
             previous: Sentence | None,
             mentions: tuple[Mention, ...],
             dates: tuple[TemporalExpression, ...], quoted: list[Span], text: str, lex: TriggerLexicon,
             drafts: list[Draft], title_end: int, places: Gazetteer, speech: tuple[Span, ...] = (),
             audience: Callable[[str], bool] = lambda entity_id: False) -> None:
    info = ontology().types.get(hit.type)
    if info is None:
        return
    scope = scope_of(hit, sentence.start, sentence.end, text, lex, *neighbours[:2], quoted)
    spoken = (hit.span,) if hit.type in ontology().verbal_types and not hit.nominal else ()
    speech = (*speech, *spoken)
    place, in_place = choose_place(hit, mentions, scope.start, scope.end, text, lex, places,
                                   scope.sentence_end or sentence.end, tuple(d.span for d in dates), speech)
    sites = sited(mentions, hit, scope.start, scope.end, text, lex, places, audience)
    excluded = in_place | ({place.mention.span} if place else frozenset()) | {m.span for m in sites}
    actors = governments(mentions, spoken, text, lex, hit, places)  # "Kyiv said", "blames Islamabad": its government
    participants = with_unnamed_doers(choose_participants(hit, actors, scope, text, lex, info.symmetric, excluded),
                                      hit.type, ontology().unnamed_doer_types)
    addressees = participants  # whom a speech act is addressed to, its audience aside
    if hit.type in ontology().reporting_types:
        participants = _with_audience(participants, hit, mentions, scope, text, lex, audience)
    if place is None:
        # "talks at the Kremlin", "addressed the Knesset": where the institution sits.
        place = next((PlaceChoice(seat, m) for m in sites if (seat := places.seat_of(m.entity_id or ""))), None) or next(
            (PlaceChoice(seat, m) for p in participants if (seat := places.seat_of(p.entity_id))
             for m in mentions if m.span == p.evidence), None)
    if hit.type in _DIRECTED:
        targets = protest_targets(sentence.start, sentence.end, mentions, text, lex)
        targeted = {p.entity_id for p in targets}
        participants = [p for p in participants if p.entity_id not in targeted] + targets
    if place is not None and hit.type in ontology().verbal_types and _in_content(place.mention.span, hit, addressees):
        place = None  # "called on Israel to let aid into Gaza": what was asked for, not where
    when = resolve_anaphoric(_date_for(hit, sentence, dates, quoted, text, lex, neighbours[2]), drafts)
    # Where the verb ends the clause, what a speech verb reports stands before it ("협상이 다음 주에
    # 재개될 것이라고 말했다"): its "next week" or "will" is the content's, the verb's own tense follows it.
    before = "" if lex.verb_final and spoken else _blank(text, scope.start, hit.span.start, dates)
    after = _blank(text, hit.span.end, scope.sentence_end or sentence.end, dates) if hit.nominal else ""
    status = status_of(before, lex, after)
    if status == "asserted" and when is not None and when.future:
        status = "future"
    mode = refine_mode(hit, sentence.text, lex) or info.default_mode
    if mode in ontology().placeless_modes:
        place = None
    draft = Draft(hit, mode, sentence, participants, place.place_id if place else None,
                  place.mention.span if place else None, when, status, [hit.span], [sentence])
    same_sentence = [d for d in drafts if d.sentence == sentence and d.hit.type == hit.type]
    if same_sentence:
        told = same_sentence[-1]
        if hit.nominal and participants and not told.participants and _attached(hit, participants, text, lex):
            # "were killed in Israeli strikes": whose strikes they were is who did the killing.
            told.participants = list(participants)
        merge(told, draft)
        return
    earlier = [d for d in drafts if d.hit.type == hit.type and d.participants]
    if only_unnamed(participants) and earlier and fits(earlier[-1], draft):
        merge(earlier[-1], draft)  # "The attackers fled": the doers of the attack told before
        return
    recent = bool(earlier) and earlier[-1].sentence.paragraph >= sentence.paragraph - 1
    if hit.nominal and participants and (recent or not _attached(hit, participants, text, lex)):
        participants = draft.participants = []  # "the meeting ..., X said": X is no participant of it
    if not participants:
        if earlier and fits(earlier[-1], draft):
            merge(earlier[-1], draft)
            return
        # Only a symmetric event can be told without its parties ("the truce took effect").
        borrowed = _borrow(hit, previous, mentions, text, lex, info.symmetric) if info.symmetric and not hit.nominal else []
        if borrowed and (when is not None or place is not None):
            draft.participants, draft.borrowed = borrowed, True
    elif earlier and earlier[-1].sentence.paragraph >= sentence.paragraph - 1 and not any(
            p.role == "source" for p in participants) and when is None and not hit.nominal:
        merge(earlier[-1], draft)  # "He also met X": the same visit, told on
        return
    else:
        for index in range(len(drafts) - 1, -1, -1):
            other = drafts[index]
            if other.sentence.end <= title_end and retold(other, draft):
                # The lede retells the title in full: it leads, the title adds its evidence.
                drafts[index] = draft
                draft.evidence += other.evidence
                draft.sentences.insert(0, other.sentence)
                return
            if same_event(other, draft):
                merge(other, draft)
                return
    drafts.append(draft)


def _in_content(place: Span, hit: TriggerHit, participants: list[Participant]) -> bool:
    """Whether a place follows both the verb and the addressee of a speech act (in either order:
    "called on Israel to ...", "از اسرائیل خواست ..."): it is inside what was said or asked."""
    return place.start >= hit.span.end and any(
        p.role == "target" and p.evidence is not None and p.evidence.start < place.start for p in participants)


def _locate_main(draft: Draft, mentions: tuple[Mention, ...], text: str, title: str | None, lex: TriggerLexicon,
                 ctx: Context) -> None:
    """Where the title or the dateline puts the main event, when that overrides its own place.
    A phone call has no place; a speech act's title names what was said, seldom where."""
    if draft.mode in ontology().placeless_modes:
        return
    spoken = draft.hit.type in ontology().verbal_types
    by_dateline = draft.hit.type not in ontology().remote_types and not (spoken and _stateless_speaker(draft, ctx))
    better = relocated(Span(draft.sentence.start, draft.sentence.end), draft.place_id, draft.place_evidence,
                       mentions, text, None if spoken else title, lex, lambda entity_id: _own_names(ctx, entity_id),
                       by_dateline)
    if better is not None:
        draft.place_id, draft.place_evidence = better.entity_id, better.span
    place = ctx.kb.get(draft.place_id) if draft.place_id else None
    if place is not None and place.kind == "country":
        # "In Russland ist Präsident Putin mit Xi zusammengekommen" and, further on, "nach Moskau
        # gereist": the country is only the coarse answer.
        city = city_of_country(draft.hit, place.id, mentions, text, lex, gazetteer(ctx))
        if city is not None and city.entity_id:
            draft.place_id, draft.place_evidence = city.entity_id, city.span
        elif spoken:
            # Where one speaks is a city or a hall: a country beside a speech act is what it is
            # about or who spoke ("the paramilitaries at war in Sudan announced ...").
            draft.place_id, draft.place_evidence = None, None


def _stateless_speaker(draft: Draft, ctx: Context) -> bool:
    """Whether a speech act is an armed group's or a militia's: they speak in statements put out
    online, not from the city a wire reporter files from ("KHARTOUM (Reuters) - The RSF said")."""
    speakers = [ctx.kb.get(p.entity_id) for p in draft.participants if p.role == "source"]
    return bool(speakers) and all(e is not None and e.subtype in _STATELESS_FORCES for e in speakers)


def _agency(ctx: Context, entity_id: str) -> bool:
    entity = ctx.kb.get(entity_id)
    return entity is not None and entity.subtype == "news_agency"


def _own_names(ctx: Context, entity_id: str) -> tuple[str, ...]:
    entity = ctx.kb.get(entity_id)
    return entity.all_names() if entity is not None else ()


def _names(ctx: Context, entity_id: str) -> tuple[str, ...]:
    """Names a title may use for an event's actor or place: its own, and its country's
    ("la Turquie et le Qatar veulent..." over a meeting of their ministers)."""
    entity = ctx.kb.get(entity_id)
    if entity is None:
        return ()
    country = ctx.kb.get(country_id(entity.country)) if entity.country and entity.kind != "country" else None
    return entity.all_names() + (country.all_names() if country is not None else ())


def _day_of(d: Draft, article: Article) -> date | None:
    """The day an event's actors held their roles: its own, or the day it was reported."""
    if d.date.precision == "day":
        return d.date.start
    return article.published.start if article.published.known else None


def _standing_for(ctx: Context, day: date | None) -> Callable[[str], str | None]:
    return standing_for(ctx.kb, day, ontology().state_titles, ontology().state_organs)


def _seat(ctx: Context, entity_id: str) -> str | None:
    entity = ctx.kb.get(entity_id)
    return entity.seat if entity is not None and ctx.kb.get(entity.seat or "") is not None else None


def _audience(ctx: Context, entity_id: str) -> bool:
    entity = ctx.kb.get(entity_id)
    return entity is not None and entity.subtype in ontology().audiences


def _with_audience(participants: Sequence[Participant], hit: TriggerHit, mentions: tuple[Mention, ...],
                   scope: Scope, text: str, lex: TriggerLexicon, audience: Callable[[str], bool]) -> list[Participant]:
    """"spoke in the Bundestag", "a speech to the Knesset": the assembly a speech is given in or
    to, in the speech's own clause, is its other side; one it names is no participant ("said the
    Knesset should approve")."""
    known = {p.entity_id for p in participants}
    heard = [m for m in mentions if m.kind == "org" and m.entity_id and m.entity_id not in known
             and scope.start <= m.span.start and m.span.end <= scope.end and audience(m.entity_id)
             and addressed(m, text, lex, hit)]
    return list(participants) + [Participant(m.entity_id, "target", round(m.confidence, 3), m.span)
                                 for m in heard[:1] if m.entity_id]


def gazetteer(ctx: Context) -> Gazetteer:
    """The knowledge base's answers about places, as choosing a place asks them."""
    return Gazetteer(lambda place, country: _same_country(ctx, place, country), lambda e: _seat(ctx, e),
                     lambda e: _area(ctx, e), lambda e: _government_of(ctx, e))


def _government_of(ctx: Context, entity_id: str) -> str | None:
    entity = ctx.kb.get(entity_id)
    if entity is None or entity.kind != "place" or entity.subtype != "capital" or not entity.country:
        return None
    if entity_id in ontology().capital_metonyms:
        return ontology().capital_metonyms[entity_id]
    return country_id(entity.country) if ctx.kb.get(country_id(entity.country)) is not None else None


def _area(ctx: Context, entity_id: str) -> bool:
    """A country or a territory: a place phrase that can hold a city."""
    entity = ctx.kb.get(entity_id)
    return entity is not None and (entity.kind == "country" or entity.subtype == "territory")


def _same_country(ctx: Context, place_id: str, country_id: str) -> bool:
    place, country = ctx.kb.get(place_id), ctx.kb.get(country_id)
    return place is not None and country is not None and place.country is not None and (
        place.country == country.country or place.country == country.id)


def _unquoted(quote: re.Match[str], text: str) -> tuple[int, int]:
    """Where the words inside a quotation start and end."""
    inner = text[quote.start() + 1:quote.end() - 1]
    start = quote.start() + 1 + len(inner) - len(inner.lstrip())
    return start, start + len(inner.strip())


def _attached(hit: TriggerHit, participants: list[Participant], text: str, lex: TriggerLexicon) -> bool:
    """Whether an actor stands right beside a noun trigger, with no punctuation between (the
    quotation marks of a name aside, and a word introducing it: "the meeting of the so-called
    « Coalition »"), or in the noun's own "between" phrase ("talks between the foreign ministers
    of Iran and Saudi Arabia")."""
    for p in participants:
        if p.evidence is None:
            continue
        left, right = sorted((hit.span, p.evidence), key=lambda sp: sp.start)
        gap = lex.naming.sub(" ", text[left.end:right.start]).strip().strip("«»\"“”‘’„'").strip()
        if re.search(r"[,.;:!?()«»\"“”؟،]", gap):
            continue
        words = len(gap.split())
        if words <= _ATTACHED_WORDS or (left is hit.span and words <= _BETWEEN_WORDS and lex.between.match(gap)):
            return True
    return False


def _borrow(hit: TriggerHit, previous: Sentence | None, mentions: tuple[Mention, ...], text: str,
            lex: TriggerLexicon, symmetric: bool) -> list[Participant]:
    """Actors of the previous sentence, weakly, for a dated or placed trigger that names none ("the truce took effect")."""
    if previous is None:
        return []
    actors = actors_in(mentions, Scope(previous.start, previous.end), text, lex)
    seen: dict[str, Participant] = {}
    for m in actors:
        if m.kind in ACTOR_KINDS and m.entity_id and m.entity_id not in seen:
            seen[m.entity_id] = Participant(m.entity_id, "other" if symmetric else "source", 0.3, m.span)
    return list(seen.values())


def _blank(text: str, start: int, end: int, dates: tuple[TemporalExpression, ...]) -> str:
    """text[start:end] with date phrases blanked, so "May" is not taken for a modal verb."""
    chunk = list(text[start:end])
    for expr in dates:
        for i in range(max(expr.span.start, start), min(expr.span.end, end)):
            chunk[i - start] = " "
    return "".join(chunk)


def _date_for(hit: TriggerHit, sentence: Sentence, dates: tuple[TemporalExpression, ...], quoted: list[Span],
              text: str, lex: TriggerLexicon, others: tuple[Span, ...] = ()) -> TemporalExpression | None:
    """The temporal expression of the sentence nearest the trigger, skipping "since ..." dates, quotes
    and other triggers' own calendar dates ("the attack on October 7, 2023": that attack's day).

    A dateline's date ("LONDON, March 3 (Reuters) -") is when the report was filed: it dates the
    event only when the sentence gives no other date ("hosted ... on Monday").
    """
    best: tuple[int, TemporalExpression] | None = None
    inside = [e for e in dates if sentence.start <= e.span.start and e.span.end <= sentence.end
              and not _inside(e.span, quoted)]
    if hit.type in ontology().verbal_types and not hit.nominal and any(not e.future for e in inside):
        # "...が来週再開されると月曜日に述べた", "gelecek hafta ... başlayacağını söyledi": where the
        # reported content stands before the verb, its "next week" is what was said, not when.
        inside = [e for e in inside if not e.future]
    filed = [e for e in inside if _dateline_date(e, text, hit)]
    dated = any(e not in filed and e.value.precision == "day" for e in inside)
    for expr in inside:
        if expr in filed and dated:
            continue
        lead = text[max(sentence.start, expr.span.start - 14):expr.span.start]
        if any(m.end() >= len(lead.rstrip()) - 4 for m in lex.not_date_after.finditer(lead)):
            continue
        if expr.kind == "absolute" and any(0 <= expr.span.start - other.end <= _OWN_DATE_GAP for other in others):
            continue  # a calendar date right after a noun dates that event; "on Thursday" may be the verb's
        if not expr.value.known and any(o is not expr and _glossed_by(expr, o, text) for o in inside):
            continue  # "صباح اليوم (الاثنين)": the weekday in brackets says which day "this morning" was
        distance = expr.span.start - hit.span.end if expr.span.start >= hit.span.end else hit.span.start - expr.span.end
        if best is None or distance < best[0]:
            best = (distance, expr)
    return best[1] if best else None


def _glossed_by(expr: TemporalExpression, gloss: TemporalExpression, text: str) -> bool:
    """Whether a date expression stands right after another, alone, in brackets or after a comma
    ("aujourd'hui, jeudi 4 septembre"): its gloss."""
    return 0 <= gloss.span.start - expr.span.end <= 3 and text[expr.span.end:gloss.span.start].strip() in (
        "", "(", "（", ",", "،", "，")


def _dateline_date(expr: TemporalExpression, text: str, hit: TriggerHit) -> bool:
    """Whether a date stands in the dateline opening the paragraph, before the dash that ends it."""
    line_start = text.rfind("\n", 0, expr.span.start) + 1
    if expr.span.start - line_start > _DATELINE_HEAD or hit.span.start <= expr.span.end:
        return False
    return bool(_DATELINE_END.search(text, expr.span.end, min(hit.span.start, expr.span.end + _DATELINE_TAIL)))


def _finish(d: Draft, article: Article, lex: EventLexicon, attributions, quotes: tuple[Quote, ...]) -> EventMention:
    span = Span(d.sentence.start, d.sentence.end)
    near = [a for a in attributions if any(s.start <= a.span.start < s.end for s in d.sentences)]
    source_ids = {p.entity_id for p in d.participants}
    own_quotes = tuple(
        q for q in quotes
        if span.start <= q.span.start < span.end or (q.speaker_id in source_ids and d.hit.type == "STATEMENT"
                                                     and abs(q.span.start - span.end) < 300)
    )
    confidence = 0.45 + (0.0 if d.hit.nominal else 0.2) + min(0.2, 0.1 * len(d.participants)) + (0.1 if d.when else 0.0)
    if d.borrowed:
        confidence -= 0.25
    if d.status != "asserted":
        confidence -= 0.1
    if d.hit.similarity is not None:
        confidence -= 0.25  # no trigger word: the sentence only resembles examples of the type
    elif not d.hit.listed:
        confidence -= 0.1  # a form the word list gives, not one the lexicon's authors wrote
    return EventMention(
        id=ids.event_mention_id(article.id, d.sentence.start, d.hit.type, d.hit.span.start),
        article_id=article.id,
        type=d.hit.type,
        mode=d.mode,
        participants=tuple(d.participants),
        date=d.date,
        evidence=tuple([span] + [e for e in d.evidence if e.end > e.start]),
        sentence=d.sentence.text,
        language=article.language,
        trigger=d.hit.text,
        place_id=d.place_id,
        place_evidence=d.place_evidence,
        topics=find_topics(tuple(s.text for s in d.sentences), lex.topics),
        attribution=near[0].source if near else None,
        quotes=own_quotes,
        status=d.status,
        main=d.main,
        background=d.background,
        confidence=round(max(0.05, min(0.98, confidence)), 2),
        # What a report tells as done had happened by the time it was published.
        reported_by=article.published.end if d.status == "asserted" and article.published.known else None,
        extractor="encoder" if d.hit.similarity is not None else "lexicon",
    )
