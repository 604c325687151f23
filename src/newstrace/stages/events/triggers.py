"""Event triggers: the words that report an event, with type, mode and status, from lexicon data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources

import yaml

from newstrace.knowledge.inflection import NameEndings
from newstrace.knowledge.lexicon import Lexicon
from newstrace.knowledge.wordforms import word_forms
from newstrace.model import Span
from newstrace.stages.events.phrases import (
    OBJECT_MARK, compile_groups, compile_phrases, label_of, with_auxiliaries, with_endings, with_rewrites,
)
from newstrace.text.scripts import unspaced

# How far before a trigger a negation, modal or future cue still governs it.
_CUE_WINDOW = 45
# How far from a noun trigger a light verb ("held", "mantuvieron") may stand.
_LIGHT_BEFORE = 60
_LIGHT_AFTER = 90
_LIGHT_BEFORE_VERB_FIRST = 160


@dataclass(frozen=True)
class EventTypeInfo:
    """One PLOVER type of modes.yaml."""

    name: str
    modes: tuple[str, ...]
    default_mode: str | None
    symmetric: bool


@dataclass(frozen=True)
class Ontology:
    """The PLOVER types, their modes, precedence and the topic ids (knowledge/data/modes.yaml)."""

    types: dict[str, EventTypeInfo]
    precedence: tuple[str, ...]
    topics: tuple[str, ...]
    distinct_modes: frozenset[str] = frozenset()  # never one event with another mode (a phone call)
    verbal_types: frozenset[str] = frozenset()  # speech acts: merged only on similar evidence
    placeless_modes: frozenset[str] = frozenset()  # no one place (a phone call)
    remote_types: frozenset[str] = frozenset()  # placed where they strike, never by a dateline
    reporting_types: frozenset[str] = frozenset()  # speech acts that carry another act's news
    unnamed_doer_types: frozenset[str] = frozenset()  # acts whose source may be doers no one names
    destination_acts: frozenset[str] = frozenset()  # placed where they go ("travelled to Moscow")
    audiences: frozenset[str] = frozenset()  # actor types a speech given to them has as its other side
    capital_metonyms: Mapping[str, str] = field(default_factory=dict)  # capital -> the body its name stands for
    state_acts: frozenset[str] = frozenset()  # TYPE or TYPE/mode: acts officials do for their states
    state_titles: frozenset[str] = frozenset()  # the role titles of heads who act for their state
    state_organs: frozenset[str] = frozenset()  # the actor types of a state's organs (an army)

    def at_destination(self, event_type: str, mode: str | None) -> bool:
        return event_type in self.destination_acts or f"{event_type}/{mode}" in self.destination_acts

    def state_act(self, event_type: str, mode: str | None) -> bool:
        return event_type in self.state_acts or f"{event_type}/{mode}" in self.state_acts

    @property
    def symmetric_types(self) -> frozenset[str]:
        return frozenset(name for name, info in self.types.items() if info.symmetric)

    def rank(self, event_type: str) -> int:
        return self.precedence.index(event_type) if event_type in self.precedence else len(self.precedence)


def load_ontology() -> Ontology:
    """Read modes.yaml from the knowledge package."""
    path = resources.files("newstrace.knowledge") / "data" / "modes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = {
        name: EventTypeInfo(name, tuple(spec.get("modes") or ()), spec.get("default_mode"), bool(spec.get("symmetric")))
        for name, spec in data["types"].items()
    }
    return Ontology(types, tuple(data.get("precedence") or ()), tuple(data.get("topics") or ()),
                    frozenset(data.get("distinct_modes") or ()), frozenset(data.get("verbal_types") or ()),
                    frozenset(data.get("placeless_modes") or ()), frozenset(data.get("remote_types") or ()),
                    frozenset(data.get("reporting_types") or ()), frozenset(data.get("unnamed_doer_types") or ()),
                    frozenset(data.get("destination_acts") or ()), frozenset(data.get("audiences") or ()),
                    {str(city): str(body) for city, body in (data.get("capital_metonyms") or {}).items()},
                    frozenset(data.get("state_acts") or ()), frozenset(data.get("state_titles") or ()),
                    frozenset(data.get("state_organs") or ()))


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in the text: type, mode, where, and whether it is a noun."""

    type: str
    mode: str | None
    span: Span
    text: str
    nominal: bool
    noun: bool = False  # written as a noun, even where a light verb makes it report its own event
    # Set on hits the sentence encoder gave (no trigger word): the nearest example's similarity.
    similarity: float | None = None
    listed: bool = True  # False for a form of a listed word that the lexicon does not list itself


@dataclass(frozen=True)
class TriggerLexicon:
    """One language's trigger section, compiled."""

    verbs: re.Pattern[str]
    verb_labels: tuple[str, ...]
    nouns: re.Pattern[str]
    noun_labels: tuple[str, ...]
    modes: dict[str, re.Pattern[str]]
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    future: re.Pattern[str]
    perfect_auxiliaries: re.Pattern[str]
    perfect_particles: re.Pattern[str]
    complementizers: re.Pattern[str]
    subject_before: re.Pattern[str]
    subject_after: re.Pattern[str]  # postpositions after a subject-matter noun ("ウクライナ問題について")
    place_before: re.Pattern[str]
    place_prefixes: tuple[str, ...]
    place_glued: tuple[str, ...]
    endings: NameEndings  # what endings on a name make of it ("Budapesten", "İstanbul'da", "ガザでの")
    groups: re.Pattern[str]
    agent_before: re.Pattern[str]
    against: re.Pattern[str]
    determiners: re.Pattern[str]
    light_verbs: re.Pattern[str]
    light_verbs_before: re.Pattern[str]
    verb_final: bool
    verb_first: bool
    places_before_verb: bool  # the place phrase comes before the verb ("在北京会见")
    conjunctions: re.Pattern[str]
    possessives: frozenset[str]  # words joining a person to their country ("ของ")
    not_date_after: re.Pattern[str]
    claims: re.Pattern[str] = re.compile(r"(?!x)x")  # "claimed responsibility": the claimant did the attack
    earlier_before: re.Pattern[str] = re.compile(r"(?!x)x")  # "since the attack": an earlier event
    # Forms of listed single-word triggers that the lexicon does not list (casefolded), with
    # their label and whether the listed word is a noun: read word by word, in a sentence where
    # none of the lexicon's own phrases stands.
    forms: Mapping[str, tuple[str, bool]] = field(default_factory=dict)
    # "south of", "near": the place after them locates the place before them ("Bucha, northwest of Kyiv")
    place_relative: re.Pattern[str] = re.compile(r"(?!x)x")
    # "so-called", "zogenaamde": words that introduce a name, parting it from no noun before it
    naming: re.Pattern[str] = re.compile(r"(?!x)x")
    # "travelled to Moscow" places the visit; "handed over to Israel" does not place the handover
    place_toward: frozenset[str] = frozenset()
    # "à Paris" but "en France": before a country, "à" tells to whom ("a remis à Israël")
    place_before_cities: frozenset[str] = frozenset()
    # "أفرج … عن": a particle a "verb … object" phrase names is that verb's own, no "about"
    governed: frozenset[tuple[str, str]] = frozenset()
    # Role titles, head words, honorifics and demonyms: what may stand between "by" and the
    # name of the doer ("by US President Donald Trump", "par le président américain X")
    titles: re.Pattern[str] = re.compile(r"(?!x)x")
    # "were killed", "wurden ... getötet": auxiliaries of a passive, and how many words before the verb
    passive_auxiliaries: re.Pattern[str] = re.compile(r"(?!x)x")
    passive_reach: int = 2
    received: re.Pattern[str] = re.compile(r"(?!x)x")  # triggers whose subject receives the act ("won the prize")
    # "Russland hat die Ukraine angegriffen": finite auxiliaries that open a bracket the participle
    # closes, with the subject just before or just after them and the objects inside
    bracket_auxiliaries: re.Pattern[str] = re.compile(r"(?!x)x")
    # "vor der Knesset", "ante el Congreso": words before the assembly a speech is given to
    audience_before: re.Pattern[str] = re.compile(r"(?!x)x")
    # "and" of "X thanked Y and said": a second verb of the first one's subject; those also
    # among the proclitics are written onto the verb (Hebrew "ואמר")
    verb_coordinators: re.Pattern[str] = re.compile(r"(?!x)x")
    # "a critic of", "opositora de": nouns that tie a person to another, who only describes them
    relations: re.Pattern[str] = re.compile(r"(?!x)x")
    # "talks between", "pourparlers entre": the word after a noun trigger that opens its sides
    between: re.Pattern[str] = re.compile(r"(?!x)x")
    coordinating_proclitics: tuple[str, ...] = ()
    # Weekday and month names (casefolded): a preposition before one heads a date ("во вторник"), not a place
    calendar_words: frozenset[str] = frozenset()

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> TriggerLexicon:
        data = lexicon.section("triggers")
        # Compound tenses: a phrase opening on an auxiliary stands for its other forms too.
        auxiliaries = {str(k).casefold(): tuple(v or ()) for k, v in (data.get("auxiliaries") or {}).items()}
        listed_verbs = {label: list(words or ()) for label, words in (data.get("verbs") or {}).items()}
        listed_verbs = _with_endings(listed_verbs, data.get("verb_endings") or (), data.get("light_verbs") or (),
                                     data.get("verb_rewrites") or {})
        listed_nouns = {label: list(words or ()) for label, words in (data.get("nouns") or {}).items()}
        verbs, verb_labels = compile_groups(
            {label: with_auxiliaries(words, auxiliaries) for label, words in listed_verbs.items()},
            gap=True, proclitics=tuple(data.get("proclitics") or ()))
        light = with_auxiliaries(data.get("light_verbs") or (), auxiliaries)
        nouns, noun_labels = compile_groups(listed_nouns)
        return cls(
            verbs=verbs,
            verb_labels=verb_labels,
            nouns=nouns,
            noun_labels=noun_labels,
            modes={label: compile_phrases(words) for label, words in (data.get("modes") or {}).items()},
            negation=compile_phrases(data.get("negation") or ()),
            hypothetical=compile_phrases(data.get("hypothetical") or ()),
            future=compile_phrases(data.get("future") or ()),
            # Arabic "وكان الوزيران قد التقيا" (had met): after the auxiliary, the particle the
            # hypothetical cues also list marks the past.
            perfect_auxiliaries=compile_phrases((data.get("perfect") or {}).get("auxiliaries") or ()),
            perfect_particles=compile_phrases((data.get("perfect") or {}).get("particles") or ()),
            complementizers=compile_phrases(data.get("complementizers") or ()),
            subject_before=compile_phrases(data.get("subject_before") or ()),
            # Read right after a name, to which a postposition may be glued: no boundary before it.
            subject_after=_glued(data.get("subject_after") or ()),
            place_before=compile_phrases(data.get("place_before") or ()),
            # One-letter prepositions written onto the name (Arabic "ب").
            place_prefixes=tuple(w for w in data.get("place_before") or () if len(w) == 1),
            place_glued=tuple(data.get("place_glued") or ()),
            endings=NameEndings.from_section(lexicon.section("inflection")),
            groups=compile_phrases(data.get("groups") or ()),
            agent_before=compile_phrases(data.get("agent_before") or ()),
            against=compile_phrases(data.get("against") or ()),
            light_verbs=compile_phrases(light),
            light_verbs_before=compile_phrases(light + with_auxiliaries(data.get("light_verbs_before") or (), auxiliaries)),
            verb_final=bool(data.get("verb_final")),
            verb_first=bool(data.get("verb_first")),
            places_before_verb=bool(data.get("places_before_verb")),
            conjunctions=compile_phrases(data.get("conjunctions") or ()),
            possessives=frozenset(str(w).casefold() for w in data.get("possessives") or ()),
            # "la rencontre" is the noun even where the verb is spelt the same.
            determiners=re.compile("(?:" + compile_phrases(data.get("determiners") or ()).pattern + r")\s*$", re.IGNORECASE),
            not_date_after=compile_phrases(data.get("not_date_after") or ()),
            claims=compile_phrases(data.get("claims") or ()),
            earlier_before=compile_phrases(data.get("earlier_before") or ()),
            forms=_inflected(lexicon.language, data, listed_verbs, listed_nouns),
            place_relative=compile_phrases(data.get("place_relative") or ()),
            naming=compile_phrases(data.get("naming") or ()),
            place_toward=frozenset(str(w).casefold() for w in data.get("place_toward") or ()),
            place_before_cities=frozenset(str(w).casefold() for w in data.get("place_before_cities") or ()),
            governed=_governed(listed_verbs, data.get("subject_before") or ()),
            titles=compile_phrases(_title_words(lexicon)),
            calendar_words=frozenset(str(word).casefold() for key in ("weekdays", "months")
                                     for word in lexicon.section("calendar").get(key) or ()),
            audience_before=compile_phrases(data.get("audience_before") or ()),
            passive_auxiliaries=compile_phrases(data.get("passive_auxiliaries") or ()),
            passive_reach=int(data.get("passive_reach") or 2),
            received=compile_phrases(data.get("received") or ()),
            bracket_auxiliaries=compile_phrases(data.get("bracket_auxiliaries") or ()),
            verb_coordinators=re.compile("(?:" + compile_phrases(data.get("verb_coordinators") or ()).pattern
                                         + r")\s*$", re.IGNORECASE),
            relations=compile_phrases(data.get("relations") or ()),
            between=compile_phrases(data.get("between") or ()),
            coordinating_proclitics=tuple(str(w) for w in data.get("verb_coordinators") or ()
                                          if w in (data.get("proclitics") or ())),
        )

    @cached_property
    def empty(self) -> bool:
        return not self.verb_labels and not self.noun_labels


def _title_words(lexicon: Lexicon) -> list[str]:
    """The words of the lexicon's role titles (a "*" of a pattern, an optional word, left out),
    head words, honorifics and demonyms."""
    roles = lexicon.section("roles")
    patterns = [p for titles in (roles.get("titles") or {}).values() for p in titles or ()]
    words = {w for p in patterns for w in str(p).split("@")[0].split() if w != "*"}
    words |= {str(w) for w in (roles.get("heads") or ()) if w}
    words |= {str(w) for w in (roles.get("honorifics") or ()) if w}
    words |= {str(w) for names in (lexicon.section("demonyms") or {}).values() for w in names or ()}
    # "of", "de", "the" of "minister of the interior" are no titles: "by the time X arrived".
    return sorted((w for w in words if len(w) > 3 or not w.islower()), key=lambda w: (-len(w), w))


def _inflected(language: str, data: Mapping, verbs: dict[str, list[str]], nouns: dict[str, list[str]]
               ) -> dict[str, tuple[str, bool]]:
    """The other forms of the trigger words of the kinds the lexicon's `inflect` names (verbs,
    nouns), less the paradigms of its `uninflected` lemmas: a word listed for one sense of a
    lemma that has others ("griff" of "griff an" is no attack as "greifen", "tomó la ciudad"
    no attack as "tomar un café")."""
    kinds = set(data.get("inflect") or ())
    if not kinds:
        return {}
    listed = frozenset(w.strip().casefold() for group in (verbs, nouns) for words in group.values() for w in words)
    return other_forms(language, verbs if "verbs" in kinds else {}, nouns if "nouns" in kinds else {},
                       listed, frozenset(str(w).casefold() for w in data.get("uninflected") or ()))


def other_forms(language: str, verbs: Mapping[str, list[str]], nouns: Mapping[str, list[str]],
                listed: frozenset[str], uninflected: frozenset[str] = frozenset()) -> dict[str, tuple[str, bool]]:
    """The forms of the given single-word triggers that the lexicon does not list (wordforms.py):
    casefolded form -> (label, noun). A form the lexicon lists itself (`listed`, as any trigger),
    or that belongs to the lemmas of two labels, is left out: the lexicon's own words decide those."""
    groups = {(label, False): words for label, words in verbs.items()}
    groups.update({(label, True): words for label, words in nouns.items()})
    # A verb's lemma is its infinitive, left out; a noun's is its singular, kept.
    found = {False: word_forms(language, (w for words in verbs.values() for w in words), with_lemma=False),
             True: word_forms(language, (w for words in nouns.values() for w in words))}
    owners: dict[str, set[tuple[str, bool]]] = {}
    for group, words in groups.items():
        for word in words:
            paradigm = found[group[1]].get(word.strip())
            if paradigm is None or paradigm.lemma.casefold() in uninflected or word.strip().casefold() in uninflected:
                continue
            if group[1] and paradigm.lemma.casefold() not in listed | {word.strip().casefold()}:
                # A noun the word list files under a verb ("telefonata" under "telefonare"): the
                # verb's forms are no forms of the noun.
                continue
            for form in paradigm.forms:
                owners.setdefault(form.casefold(), set()).add(group)
    # A form of a listed verb and of a listed noun ("Angriffen") is read as the noun, which
    # reports an act of its own only beside a light verb.
    return {form: max(groups_of) for form, groups_of in sorted(owners.items())
            if form not in listed and len({label for label, _ in groups_of}) == 1}


def _with_endings(verbs: dict[str, list[str]], endings, light_verbs=(), rewrites=None) -> dict[str, list[str]]:
    """The listed verbs with their endings added (phrases.with_endings) and their endings rewritten
    (phrases.with_rewrites); a form another label lists itself is left to that label ("أعلنت" listed
    as an announcement is no plain statement), and so is one listed as a light verb ("وصلت طائرة
    إغاثية": a relief plane arrived is aid)."""
    if not endings and not rewrites:
        return verbs
    owners: dict[str, set[str]] = {str(w).strip().casefold(): {"light"} for w in light_verbs}
    for label, words in verbs.items():
        for word in words:
            owners.setdefault(word.strip().casefold(), set()).add(label)
    return {label: [w for w in with_rewrites(with_endings(words, endings), rewrites or {})
                    if label in owners.get(w.strip().casefold(), {label})]
            for label, words in verbs.items()}


def _governed(verbs: dict[str, list[str]], subject_words) -> frozenset[tuple[str, str]]:
    """(verb, particle) pairs of "verb … object" phrases whose object is a subject-matter word:
    in "أفرج … عن" (released) "عن" (about) is the verb's own, bringing whom it set free."""
    particles = {str(w).strip().casefold() for w in subject_words}
    pairs = ((verb.strip(), obj.strip()) for words in verbs.values() for w in words
             for verb, mark, obj in [w.casefold().partition(OBJECT_MARK)] if mark)
    return frozenset(pair for pair in pairs if " " not in pair[0] and pair[1] in particles)


def _glued(words) -> re.Pattern[str]:
    # In the lexicon's order within one length: the pattern's text is the same in every process.
    ordered = sorted(dict.fromkeys(w.strip() for w in words if w and w.strip()), key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(r"\s*".join(map(re.escape, w.split())) for w in ordered), re.IGNORECASE)


def _split_label(label: str) -> tuple[str, str | None]:
    kind, _, mode = label.partition("/")
    return kind, (mode or None)


def find_triggers(text: str, offset: int, lex: TriggerLexicon,
                  cuts: frozenset[int] | None = None) -> tuple[TriggerHit, ...]:
    """Verb and noun triggers of `text` (spans shifted by `offset`); a verb beats a noun it overlaps.

    `cuts` are the word boundaries of the language's segmenter, in the same offsets as the
    spans: a trigger edge in a script without spaces must fall on one ("说" is no trigger
    inside "说明").

    A verb that is also a light verb, with a noun trigger of another type as its subject just
    before it, is that noun's verb and no event of its own ("ein Drohnenangriff, gestartet von
    der RSF, traf den Flughafen": the strike hit, nobody met).
    """
    hits: list[TriggerHit] = []
    for match, label, nominal, listed in _candidates(text, lex):
        kind, mode = _split_label(label)
        span = Span(offset + match.start(), offset + match.end())
        if cuts is not None and not _on_cuts(match, span, cuts):
            continue
        written_noun = nominal or bool(lex.determiners.search(text, max(0, match.start() - 12), match.start()))
        noun = written_noun
        if noun and _light_verb_near(text, match.start(), match.end(), lex):
            noun = False  # "held a new round of talks": the noun carries the event
        if any(h.span.start < span.end and span.start < h.span.end for h in hits):
            continue
        hits.append(TriggerHit(kind, mode, span, match.group(), noun, written_noun, listed=listed))
    hits.sort(key=lambda h: h.span.start)
    kept: list[TriggerHit] = []
    for hit in hits:
        subject = _noun_subject(hit, kept, text, offset, lex)
        if subject is None:
            kept.append(hit)
        else:
            kept[kept.index(subject)] = replace(subject, nominal=False)
    return tuple(kept)


_WORDS = re.compile(r"\w+")


def _candidates(text: str, lex: TriggerLexicon) -> Iterator[tuple[re.Match[str], str, bool, bool]]:
    """Trigger matches with their label, whether they are nouns and whether listed: the lexicon's verb phrases
    and noun phrases; in a sentence with none, single words that are other forms of a listed
    word (the lexicon's own words, where they stand, say what the sentence reports)."""
    listed = False
    for pattern, labels, nominal in ((lex.verbs, lex.verb_labels, False), (lex.nouns, lex.noun_labels, True)):
        if labels:
            for match in pattern.finditer(text):
                listed = True
                yield match, label_of(match, labels), nominal, True
    if lex.forms and not listed:
        for match in _WORDS.finditer(text):
            found = lex.forms.get(match.group().casefold())
            if found is not None:
                yield match, found[0], found[1], False


def _noun_subject(verb: TriggerHit, before: list[TriggerHit], text: str, offset: int,
                  lex: TriggerLexicon) -> TriggerHit | None:
    """The noun trigger of another type whose light verb `verb` is, standing just before it."""
    if verb.noun or not lex.light_verbs.fullmatch(verb.text):
        return None
    for hit in reversed(before):
        if not hit.noun:
            return None  # another verb stands between
        gap = text[hit.span.end - offset:verb.span.start - offset]
        if hit.type != verb.type and len(gap) <= _LIGHT_AFTER and not re.search(r"[.;:!?؟]", gap):
            return hit
        return None
    return None


def _on_cuts(match: re.Match[str], span: Span, cuts: frozenset[int]) -> bool:
    text = match.group()
    return (not unspaced(text[:1]) or span.start in cuts) and (not unspaced(text[-1:]) or span.end in cuts)


def _light_verb_near(text: str, start: int, end: int, lex: TriggerLexicon) -> bool:
    # Where the verb opens the clause, the whole subject stands between it and its noun.
    reach = _LIGHT_BEFORE_VERB_FIRST if lex.verb_first else _LIGHT_BEFORE
    before = text[max(0, start - reach):start]
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind("؛"))
    for light in lex.light_verbs_before.finditer(before, cut + 1):
        # "held captive since the attack": a word naming an earlier event ("since", "after")
        # makes the noun that event, not what the verb did.
        if not lex.earlier_before.search(before, light.end()):
            return True
    after = text[end:end + _LIGHT_AFTER]
    # "Ein Drohnenangriff, gestartet von ...": a participle set off by a comma still carries it.
    return bool(lex.light_verbs.match(after.lstrip(" ,"))) or bool(lex.light_verbs.search(after.split(",")[0]))


def refine_mode(hit: TriggerHit, clause: str, lex: TriggerLexicon) -> str | None:
    """The mode a cue of the clause sets ("by phone" makes a meeting a phone call), else the hit's own."""
    for label, pattern in lex.modes.items():
        kind, mode = _split_label(label)
        if kind == hit.type and mode and pattern.search(clause):
            return mode
    return hit.mode


def status_of(before: str, lex: TriggerLexicon, after: str = "") -> str:
    """Status from the text just before a trigger: negated, hypothetical, future or asserted.

    `before` is the clause text preceding the trigger, dates already blanked out
    (so the month "May" is not read as a modal). `after` is read too for a noun
    trigger, whose verb follows it ("a meeting could take place").
    """
    window = before[-_CUE_WINDOW:] + " … " + re.split(r"[,.;:!?؟،]", after, maxsplit=1)[0][:_CUE_WINDOW + 30]
    auxiliaries = list(lex.perfect_auxiliaries.finditer(window))
    if auxiliaries:
        cut = auxiliaries[-1].end()
        window = window[:cut] + lex.perfect_particles.sub(" ", window[cut:])
    if lex.negation.search(window):
        return "negated"
    if lex.hypothetical.search(window):
        return "hypothetical"
    if lex.future.search(window):
        return "future"
    return "asserted"
