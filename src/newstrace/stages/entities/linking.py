"""Linking: turn recognised names and role descriptors into Mentions of knowledge-base entities."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from newstrace.ids import UNNAMED_DOERS, is_provisional, provisional_entity_id
from newstrace.knowledge.matcher import KeyMatch, NameRef
from newstrace.model import Article, Mention, Span
from newstrace.stages.entities.capitals import CapitalDescriptor, find_capitals, lexicon_templates
from newstrace.stages.entities.recognise import EdgeWords, Recognised, capitalised_mentions, ner_mentions
from newstrace.stages.entities.roles import Cue, RoleDescriptor, find_role_descriptors, find_unnamed_doers
from newstrace.stages.entities.towns import placed_towns
from newstrace.text.normalize import match_key
from newstrace.text.translit import phonetic_key
from newstrace.text.vowels import has_vowel_marks, readings_agree

# A title and the name it qualifies: only spaces, punctuation or quotes between them.
_TIGHT = re.compile(r"^[\s,،'’\"«»“”()-]{0,3}$")
CONFIDENCE = {"actor": 0.95, "country": 0.95, "place": 0.85, "demonym": 0.7, "capital": 0.8, "unnamed": 0.6}
# Below this population a place whose name is a common word is the word ("Selon", "Norden").
SMALL_PLACE = 200_000
# A surname that opens the names of this many other known persons is a common given name
# ("إبراهيم", "Hassan"): written alone, it need not mean the person who bears it as a surname.
COMMON_GIVEN_NAME = 2


@dataclass(frozen=True)
class _Item:
    """A candidate mention before overlaps are resolved."""

    span: Span
    rank: int  # lower wins between candidates of equal length
    match: KeyMatch | None = None
    role: RoleDescriptor | None = None
    capital: CapitalDescriptor | None = None
    unnamed: bool = False  # "gunmen": doers the text does not name (newstrace.ids.UNNAMED_DOERS)


def _best(match: KeyMatch) -> tuple[NameRef, ...]:
    top = match.refs[0].priority
    return tuple(ref for ref in match.refs if ref.priority == top)


def _cues(matches: Sequence[KeyMatch], kb) -> tuple[Cue, ...]:
    cues = []
    for match in matches:
        ref = _best(match)[0]
        if ref.tag == "partial":
            continue
        entity = kb.get(ref.entity_id)
        if entity is None or entity.kind not in ("country", "org"):
            continue
        cues.append(Cue(Span(match.start, match.end), entity.id, entity.country, entity.kind == "org"))
    return tuple(cues)


def _tight(text: str, left: int, right: int) -> bool:
    return left <= right and bool(_TIGHT.match(text[left:right]))


def _adjacent(text: str, first: Span, second: Span) -> bool:
    return _tight(text, first.end, second.start) or _tight(text, second.end, first.start)


def _is_person(match: KeyMatch, kb) -> bool:
    entity = kb.get(_best(match)[0].entity_id)
    return entity is not None and entity.kind == "person"


def _resolve_partial(match: KeyMatch, kb, day: date | None, present: set[str],
                     hint: RoleDescriptor | None, surface: str = "") -> tuple[str | None, float, str]:
    """Which of the persons sharing a surname is meant: co-reference, adjacent title, uniqueness."""
    candidates = [ref.entity_id for ref in _best(match)]
    candidates = list(dict.fromkeys(candidates))
    in_text = [entity_id for entity_id in candidates if entity_id in present]
    if len(in_text) == 1:
        return in_text[0], 0.9, "kb-partial-coref"
    if hint is not None and hint.title:
        country = hint.cue.country if hint.cue else None
        fitting = [entity_id for entity_id in candidates
                   if any(role.title == hint.title and (country is None or role.country == country)
                          for role in kb.roles_of(entity_id, day))]
        if len(fitting) == 1:
            return fitting[0], 0.85, f"kb-partial-title:{hint.title}"
    if len(kb.given_name_holders(match.key) - set(candidates)) >= COMMON_GIVEN_NAME:
        return None, 0.0, "kb-partial-given-name"
    written = match_key(surface) if surface else match.key
    if " " not in match.key and (written.startswith("ال") or len(written) > len(match.key)):
        return None, 0.0, "kb-partial-article"  # "السلام": as often a common noun as a surname
    if not any(ch.lower() != ch.upper() for ch in surface):
        # A script without capitals cannot show a lone surname is a name ("کامل": complete):
        # only the full name earlier or a title beside it (both above) tell.
        return None, 0.0, "kb-partial-uncased"
    if len(candidates) == 1:
        return candidates[0], 0.7, "kb-partial"
    active = [entity_id for entity_id in candidates if day is not None and kb.roles_of(entity_id, day)]
    if len(active) == 1:
        return active[0], 0.5, "kb-partial-active"
    return candidates[0], 0.3, "kb-partial-ambiguous"


def _kb_mention(article: Article, match: KeyMatch, kb, day, present, hint) -> Mention | None:
    refs = _best(match)
    ref = refs[0]
    entity = kb.get(ref.entity_id)
    if entity is None:
        return None
    surface = article.text[match.start:match.end]
    if ref.tag == "partial":
        entity_id, confidence, rule = _resolve_partial(match, kb, day, present, hint, surface)
        if entity_id is None:
            return None
        kind = "person"
    elif ref.tag == "demonym":
        entity_id, confidence, rule, kind = entity.id, CONFIDENCE["demonym"], "kb-demonym", "country"
    else:
        kind = entity.kind
        group = "actor" if kind in ("person", "org") else kind
        confidence = CONFIDENCE[group]
        if kind in ("place", "country") and len({r.entity_id for r in refs}) > 1:
            confidence -= 0.15
        rule = "kb-exact" if surface in {r.form for r in refs} else "kb-normalised"
        if match.inflected:
            rule = "kb-stem"
        elif surface and not any(surface.endswith(r.form) for r in refs) and entity.kind != "place" \
                and len(surface) > len(match.key):
            rule = "kb-clitic"
        entity_id = entity.id
    return Mention(article.id, Span(match.start, match.end), surface, kind, entity_id, round(confidence, 3), rule)


def _partial_target(text: str, item: _Item, kb, day, present, hints) -> str | None:
    if item.match is None or _best(item.match)[0].tag != "partial":
        return None
    surface = text[item.match.start:item.match.end]
    return _resolve_partial(item.match, kb, day, present, hints.get(item.span), surface)[0]


def _provisional(article: Article, found: Recognised) -> Mention:
    key = phonetic_key(found.text) or found.text
    return Mention(article.id, found.span, found.text, found.kind,
                   provisional_entity_id(found.kind, key), 0.5 if found.rule == "ner" else 0.35,
                   found.rule)


def _counterpart(article: Article, role: RoleDescriptor, mentions: Sequence[Mention],
                 titles: dict[Span, str], kb, day: date | None) -> Mention | None:
    """ "seinen iranischen Amtskollegen": the holder, in the cue's country, of the title of the person met."""
    text = article.text
    earlier = [m for m in mentions if m.span.end <= role.span.start and m.entity_id
               and m.kind in ("person", "role") and not re.search(r"[.!?\n]", text[m.span.end:role.span.start])]
    if not earlier or role.cue is None or day is None:
        return None
    reference = max(earlier, key=lambda m: m.span.start)
    if reference.kind == "role":
        wanted = [titles.get(reference.span)] if titles.get(reference.span) else []
    else:
        wanted = [r.title for r in kb.roles_of(reference.entity_id, day) if r.country != role.cue.country]
    for title in wanted:
        holders = kb.holders(title, country=role.cue.country, on=day)
        if holders:
            return Mention(article.id, role.span, text[role.span.start:role.span.end], "role", holders[0].id, 0.7,
                           f"role:counterpart:{title}@{role.cue.country}")
    return None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'«“")
    return not before or before[-1] in ".!?\n:;"


_HYPHEN_TAIL = re.compile(r"-([^\W\d_]+)")


def compound_heads(lexicon) -> tuple[str, ...]:
    """Match keys of the nouns that, after a hyphen, leave the name before it acting ("US-Militär")."""
    if lexicon is None:
        return ()
    words = lexicon.section("inflection").get("compound_heads") or ()
    return tuple(sorted({match_key(str(word).rstrip("*")) for word in words} - {""}))


def place_words(lexicon) -> frozenset[str]:
    """Match keys of the language's words that introduce a place ("مدينة": city of): never a place's name."""
    if lexicon is None:
        return frozenset()
    return frozenset(match_key(str(word)) for word in lexicon.section("triggers").get("place_before") or ()) - {""}


def _vowelled(text: str, match: KeyMatch, kb) -> KeyMatch:
    """A name written with vowel marks means the entities whose own vocalised names read as it does:
    "عَمّان" is Amman, "عُمان" Oman, though both are "عمان" unvocalised (and then the country comes first)."""
    written = text[match.start:match.end]
    if not has_vowel_marks(written) or len({ref.entity_id for ref in match.refs}) < 2:
        return match

    def fit(entity_id: str) -> int:
        entity = kb.get(entity_id)
        forms = [name for name in entity.all_names() if match_key(name) == match.key] if entity else []
        verdicts = {readings_agree(written, form) for form in forms}
        return 2 if True in verdicts else 0 if False in verdicts else 1

    fits = {entity_id: fit(entity_id) for entity_id in {ref.entity_id for ref in match.refs}}
    best = max(fits.values())
    return replace(match, refs=tuple(ref for ref in match.refs if fits[ref.entity_id] == best))


def _acting_compound(tail: str, ref: NameRef, kb, heads: Sequence[str]) -> bool:
    """"US-Streitkräfte", "Hamas-Kämpfer": the state or group acts through what the compound names."""
    entity = kb.get(ref.entity_id)
    if entity is None or entity.kind not in ("country", "org"):
        return False
    key = match_key(tail)
    return any(key.startswith(head) for head in heads)


def _plausible(text: str, match: KeyMatch, ref: NameRef, kb, person_spans: Sequence[Span],
               calendar: frozenset[str] = frozenset(), endings: frozenset[str] = frozenset(),
               inflected_persons: Sequence[Span] = (), heads: Sequence[str] = ()) -> bool:
    """Reject matches that are most likely not this name here."""
    tail = _HYPHEN_TAIL.match(text, match.end)
    if tail and ref.script == "latin" and match_key(tail.group(1)) not in endings \
            and not _acting_compound(tail.group(1), ref, kb, heads):
        return False  # first part of a compound ("Nato-Generalsekretär"), not a case ending ("ENSZ-nek")
    if ref.tag == "demonym":
        # "libanais Nawaf Salam": the demonym qualifies the name that follows.
        return not any(_tight(text, match.end, other.start) for other in person_spans)
    if ref.tag == "partial":
        # A surname-like word followed by another capitalised word is part of a longer name.
        rest = text[match.end:match.end + 2]
        return not (len(rest) == 2 and rest[0] == " " and rest[1].isupper())
    entity = kb.get(ref.entity_id)
    if entity is not None and entity.kind in ("place", "country") and (
            match.key in calendar or (match.inflected and match_key(text[match.start:match.end]) in calendar)):
        return False  # a weekday or month, written whole or as an inflected place ("Khamis", not "Khami"+s)
    if entity is not None and entity.kind == "place" and any(
            other.start == match.end + 1 and text[match.end] == " " for other in inflected_persons):
        # A given name before its surname, both with a case ending ("od Vladimira Putina"), not
        # the city; an uninflected name may well follow a place ("à Istanbul Khalil al-Hayya").
        return False
    town = entity is not None and entity.kind == "place" and entity.geonames is not None  # not a curated sea
    if town and (entity.population or 0) < SMALL_PLACE \
            and " " not in match.key and _sentence_start(text, match.start):
        return False  # a small town's name opening a sentence is most often a common word ("Selon")
    return True


def _common_word_place(text: str, match: KeyMatch, ref: NameRef, kb, common: Callable[[str], bool] | None) -> bool:
    """A town's name written as words of the language, lowercase in its word list: "im Norden"
    (Norden), "ministère de la Défense" (La Défense); a big city's other name only where it opens
    a sentence that goes on ("Dabei wurden ...": not Dubai), never at a dateline ("WARSZAWA (PAP)")."""
    entity = kb.get(ref.entity_id)
    if common is None or ref.tag == "demonym" or entity is None or entity.kind != "place" or entity.geonames is None:
        return False
    words = text[match.start:match.end].split()
    if not words or not all(common(word.lower()) for word in words):
        return False
    if len(words) > 1 and all(word[:1].isupper() for word in words):
        return False  # "Han Yunus", every word capitalised: one name, though each word is a word
    if (entity.population or 0) < SMALL_PLACE:
        return True
    return (_sentence_start(text, match.start) and match.key != match_key(entity.canonical_name)
            and bool(_GOES_ON.match(text, match.end)))


def _place_word(match: KeyMatch, ref: NameRef, kb, introducers: frozenset[str]) -> bool:
    """"في مدينة خان يونس": the word that introduces a city is no city (Medina), "koło Warszawy" no town."""
    entity = kb.get(ref.entity_id)
    return match.key in introducers and entity is not None and entity.kind in ("place", "country")


# After a sentence's first word: the sentence goes on with a lowercase word.
_GOES_ON = re.compile(r" [^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω]")


def _edge_words(ctx, language: str | None, calendar: frozenset[str]) -> EdgeWords:
    """Words that neither open nor close a name in this language (see EdgeWords)."""
    lexicon = ctx.lexicons.get(language)
    in_calendar = lambda word: match_key(word) in calendar
    if lexicon is None or not lexicon.capitalised_nouns:
        return EdgeWords(in_calendar)
    import simplemma

    code = lexicon.language
    determiners = frozenset(str(w).casefold() for w in lexicon.section("triggers").get("determiners") or ()
                            if " " not in str(w))
    known = lambda word: simplemma.is_known(word, lang=code)
    inflected = lambda word: known(word) and simplemma.lemmatize(word, lang=code) not in (word, word.casefold())
    return EdgeWords(in_calendar, known, determiners, inflected)


def _within(span: Span, outer: Sequence[Span]) -> bool:
    return any(other.start <= span.start and span.end <= other.end for other in outer)


def _overlaps(span: Span, taken: Sequence[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


def link_article(article: Article, ctx) -> tuple[Mention, ...]:
    """Every mention of a person, organisation, place, country or role in the article, linked."""
    text = article.text
    if not text:
        return ()
    kb = ctx.kb
    day = article.published.start if article.published.known else None
    endings = kb.name_endings(article.language)
    matches = [_vowelled(text, match, kb) for match in kb.matcher.find(text, endings, ctx.cuts(article.language, text))]
    matches = placed_towns(text, matches, kb, kb.place_phrases(article.language))
    nlp = ctx.nlp(article.language)
    calendar = kb.calendar_words(article.language) if article.language else frozenset()
    common = ctx.word_list(article.language)
    if common is not None and (lexicon := ctx.lexicons.get(article.language)) is not None and lexicon.capitalised_nouns:
        listed = common
        # Where every noun has its capital, the list writes nouns so ("Länder": no town Lander).
        common = lambda word: listed(word) or listed(word[:1].upper() + word[1:])
    heads = compound_heads(ctx.lexicons.get(article.language))
    introducers = place_words(ctx.lexicons.get(article.language))
    recognised = ner_mentions(article, nlp) if nlp is not None else capitalised_mentions(
        text, _edge_words(ctx, article.language, calendar))
    cues = _cues(matches, kb)
    roles = find_role_descriptors(text, kb.role_patterns(article.language), cues, kb, day)

    person_spans = [Span(m.start, m.end) for m in matches if _is_person(m, kb)]
    inflected_persons = [Span(m.start, m.end) for m in matches if m.inflected and _is_person(m, kb)]
    person_spans += [found.span for found in recognised if found.kind == "person" and found.rule == "ner"]
    hints: dict[Span, RoleDescriptor] = {}
    silenced: list[Span] = []  # titles next to a name: the name is the mention
    quiet: list[Span] = []  # town names that are words of the language here
    kept_cues: set[Span] = set()  # an organisation named in such a title still is a mention
    items: list[_Item] = []
    for role in roles:
        neighbours = [span for span in person_spans
                      if not _overlaps(span, [role.span]) and _adjacent(text, role.span, span)]
        if neighbours:
            for span in neighbours:
                hints[span] = role
            silenced.append(role.span)
            if role.cue is not None and role.cue.org:
                kept_cues.add(role.cue.span)
        elif role.entity_id is not None or role.counterpart:
            # A title beats any name of its length but a curated actor's full name: "أمير" (emir)
            # also opens the name "أمير خان متقي".
            items.append(_Item(role.span, 1, role=role))
        else:
            silenced.append(role.title_span)
    for match in matches:
        span = Span(match.start, match.end)
        ref = _best(match)[0]
        if span not in kept_cues and _within(span, silenced):
            continue
        if not _plausible(text, match, ref, kb, person_spans, calendar, endings, inflected_persons, heads):
            continue
        if _common_word_place(text, match, ref, kb, common) or _place_word(match, ref, kb, introducers):
            quiet.append(span)  # the words, and no guess at a name either ("Piața Victoriei")
            continue
        items.append(_Item(span, 2 * ref.priority, match=match))
    # "the French capital": the city, and the country inside it no mention of its own.
    countries = [(cue.span, cue.country) for cue in cues
                 if not cue.org and cue.country and not _within(cue.span, silenced)]
    for capital in find_capitals(text, lexicon_templates(ctx.lexicons.get(article.language)), countries, kb):
        items.append(_Item(capital.span, 1, capital=capital))

    if kb.get(UNNAMED_DOERS) is not None:
        # A name of its length wins ("Terroristen" is no group of that name, but a group may be).
        items += [_Item(span, 3, unnamed=True)
                  for span in find_unnamed_doers(text, kb.role_patterns(article.language))]

    items.sort(key=lambda item: (item.span.start - item.span.end, item.rank, item.span.start))
    chosen: list[_Item] = []
    taken: list[Span] = []
    for item in items:
        if not _overlaps(item.span, taken):
            chosen.append(item)
            taken.append(item.span)
    present = {ref.entity_id for item in chosen if item.match for ref in _best(item.match)[:1]
               if ref.tag in ("name", "acronym")}

    named = present | {entity_id for entity_id in (_partial_target(text, item, kb, day, present, hints)
                                                   for item in chosen) if entity_id}
    mentions: list[Mention] = []
    counterparts = []
    for item in chosen:
        if item.role is not None and item.role.counterpart:
            counterparts.append(item.role)
        elif item.role is not None:
            role = item.role
            entity_id, confidence, rule = role.entity_id, role.confidence, role.rule
            in_text = [candidate for candidate in role.candidates if candidate in named]
            if len(in_text) == 1:
                # Date unknown, several holders over time: the one the article names is meant.
                entity_id, confidence, rule = in_text[0], 0.7, rule.replace(":unresolved", ":named")
            mentions.append(Mention(article.id, role.span, text[role.span.start:role.span.end], "role",
                                    entity_id, confidence, rule))
        elif item.unnamed:
            mentions.append(Mention(article.id, item.span, text[item.span.start:item.span.end], "org", UNNAMED_DOERS,
                                    CONFIDENCE["unnamed"], "unnamed-doer"))
        elif item.capital is not None:
            span = item.capital.span
            mentions.append(Mention(article.id, span, text[span.start:span.end], "place", item.capital.city_id,
                                    CONFIDENCE["capital"], f"capital:{item.capital.country}"))
        elif item.match is not None:
            mention = _kb_mention(article, item.match, kb, day, present, hints.get(item.span))
            if mention is not None:
                mentions.append(mention)
    titles = {Span(role.span.start, role.span.end): role.title for role in roles if role.title}
    for role in counterparts:
        mention = _counterpart(article, role, mentions, titles, kb, day)
        if mention is not None:
            mentions.append(mention)
    blocked = taken + silenced + quiet
    for found in recognised:
        if not _overlaps(found.span, blocked):
            mentions.append(_provisional(article, found))
            blocked.append(found.span)
    mentions.sort(key=lambda mention: (mention.span.start, mention.span.end))
    return _glossed(mentions, text)


# A name and, in brackets right after it, what it is known as: "Forces paramilitaires de
# soutien rapide (FSR)", "Hayat Tahrir al-Sham (HTS)".
_GLOSS_OPEN = re.compile(r"\s*[(（]\s*")
_GLOSS_CLOSE = re.compile(r"\s*[)）]")


def _glossed(mentions: list[Mention], text: str) -> tuple[Mention, ...]:
    """A name the knowledge base lacks, glossed in brackets by an acronym or name it knows, is
    that entity: the bracket says which one the longer, unmatched wording means."""
    out = list(mentions)
    for i, (name, gloss) in enumerate(zip(mentions, mentions[1:])):
        if (is_provisional(name.entity_id) and gloss.entity_id and not is_provisional(gloss.entity_id)
                and name.kind == gloss.kind == "org"
                and _GLOSS_OPEN.fullmatch(text, name.span.end, gloss.span.start)
                and _GLOSS_CLOSE.match(text, gloss.span.end)):
            out[i] = replace(name, entity_id=gloss.entity_id, confidence=gloss.confidence, rule=name.rule + ":glossed")
    return tuple(out)
