"""The values that flow between newstrace's stages: frozen dataclasses, no I/O.

Every stage takes one of these and returns a new one; nothing here is mutated
after construction. Dates are intervals with a precision and a provenance,
never bare strings.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

PRECISIONS = ("day", "month", "year", "unknown")
DATE_SOURCES = ("header", "meta", "text", "relative", "none")
ENTITY_KINDS = ("person", "org", "place", "country")
MENTION_KINDS = ("person", "org", "place", "country", "role")
PARTICIPANT_ROLES = ("source", "target", "other")
EVENT_STATUSES = ("asserted", "negated", "hypothetical", "future")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as an interval [start, end] with how precisely it is known.

    `weekday` (0 = Monday) constrains a coarse interval: "a Friday in 2025-06"
    is precision "month", start 2025-06-01, end 2025-06-30, weekday 4. `yearless`
    ("MM-DD") is a day of the month an undated page gives without its year ("on 7 May"):
    no interval, but only a day of that month and number can be it.
    """

    start: date | None = None
    end: date | None = None
    precision: str = "unknown"
    source: str = "none"
    evidence: str = ""
    rule: str = ""
    weekday: int | None = None
    yearless: str | None = None

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")
        if self.source not in DATE_SOURCES:
            raise ValueError(f"unknown date source {self.source!r}")
        if (self.start is None) != (self.end is None):
            raise ValueError("a date interval needs both ends or neither")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"date interval reversed: {self.start} > {self.end}")
        if self.precision == "unknown" and self.start is not None:
            raise ValueError("an unknown date has no interval")

    @classmethod
    def unknown(cls, evidence: str = "", rule: str = "") -> DateValue:
        return cls(evidence=evidence, rule=rule)

    @classmethod
    def of_day(cls, day: date, source: str, evidence: str = "", rule: str = "") -> DateValue:
        return cls(day, day, "day", source, evidence, rule)

    @classmethod
    def of_month(
        cls, year: int, month: int, source: str, evidence: str = "", rule: str = "",
        weekday: int | None = None,
    ) -> DateValue:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month", source, evidence, rule, weekday)

    @classmethod
    def of_year(cls, year: int, source: str, evidence: str = "", rule: str = "") -> DateValue:
        return cls(date(year, 1, 1), date(year, 12, 31), "year", source, evidence, rule)

    @property
    def known(self) -> bool:
        return self.precision != "unknown"

    @property
    def day(self) -> date | None:
        """The day, when the date is day-precise."""
        return self.start if self.precision == "day" else None

    def admits(self, day: date) -> bool:
        """Whether `day` could be this date (interval and weekday constraint)."""
        if not self.known or self.start is None or self.end is None:
            return True
        if not self.start <= day <= self.end:
            return False
        return self.weekday is None or day.weekday() == self.weekday

    def compatible(self, other: DateValue) -> bool:
        """Whether both values could denote the same day (a weekday alone constrains a known date)."""
        if not self.known or not other.known:
            dated, vague = (self, other) if self.known else (other, self)
            if vague.yearless is not None and not _yearless_admits(vague.yearless, dated):
                return False  # "on 7 May" rules out 8 May of any year, and any other month
            # "On Saturday" with no date known still rules out a known Sunday.
            if vague.weekday is None:
                return True
            if dated.precision == "day" and dated.start is not None:
                return dated.start.weekday() == vague.weekday
            return dated.weekday is None or dated.weekday == vague.weekday
        assert self.start and self.end and other.start and other.end
        lo, hi = max(self.start, other.start), min(self.end, other.end)
        if lo > hi:
            return False
        if self.weekday is None and other.weekday is None:
            return True
        # Small intervals: check each day; coarse ones with a weekday always hold one.
        if (hi - lo).days > 14:
            return self.weekday is None or other.weekday is None or self.weekday == other.weekday
        day = lo
        while day <= hi:
            if self.admits(day) and other.admits(day):
                return True
            day += timedelta(days=1)
        return False

    def to_json(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
        }

    def label(self) -> str:
        """Human form: 2025-12-20, 2025-06, 2025, or '?' ('Fri' appended for a weekday constraint)."""
        if not self.known or self.start is None:
            text = "--" + self.yearless if self.yearless else "?"
        elif self.precision == "day":
            text = self.start.isoformat()
        elif self.precision == "month":
            text = self.start.strftime("%Y-%m")
        else:
            text = str(self.start.year)
        if self.weekday is not None and self.precision != "day":
            text += " (" + calendar.day_abbr[self.weekday] + ")"
        return text


def _yearless_admits(month_day: str, dated: DateValue) -> bool:
    """Whether a day of the month with no year ("05-07") can be the other date."""
    if dated.yearless is not None:
        return dated.yearless == month_day
    if not dated.known or dated.start is None or dated.end is None:
        return True
    month, day = (int(part) for part in month_day.split("-"))
    return any(day <= calendar.monthrange(year, month)[1] and dated.admits(date(year, month, day))
               for year in range(dated.start.year, dated.end.year + 1))


@dataclass(frozen=True)
class Origin:
    """Where a raw document came from, as the user named it."""

    source: str
    file: str | None = None
    url: str | None = None
    locator: str | None = None
    outlet: str | None = None
    captured_at: datetime | None = None


@dataclass(frozen=True)
class RawDocument:
    """Input bytes exactly as read, before any interpretation.

    media_type is one of: text/plain, text/html, application/x-article+json
    (one article record: news-please's format, the plain {url,title,text,...}
    form, or a feed item normalised to it).
    """

    uri: str
    content: bytes
    media_type: str
    fetched_at: datetime
    origin: Origin


@dataclass(frozen=True)
class ExtractedDocument:
    """What a parser read out of a raw document, before cleaning and metadata stages."""

    text: str
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    declared_language: str | None = None
    published: DateValue = field(default_factory=DateValue)
    title_in_text: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")


@dataclass(frozen=True)
class Article:
    """A cleaned, dated, language-tagged article. `text` is its paragraphs joined by blank lines."""

    id: str
    uri: str
    text: str
    paragraphs: tuple[str, ...]
    language: str
    published: DateValue
    content_hash: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    file: str | None = None
    url: str | None = None
    language_confidence: float = 0.0
    removed_lines: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A stretch of an article's text that names (or describes) an entity."""

    article_id: str
    span: Span
    text: str
    kind: str
    entity_id: str | None
    confidence: float
    rule: str


@dataclass(frozen=True)
class Role:
    """A position an actor held: a title from the role vocabulary, for an organisation or state, over a span."""

    title: str
    org_id: str | None = None
    country: str | None = None
    start: date | None = None
    end: date | None = None
    uncertain: bool = False

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    """An actor, place or country of the knowledge base. `names` maps a language code to its aliases."""

    id: str
    kind: str
    canonical_name: str
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    acronyms: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    subtype: str | None = None
    provisional: bool = False
    seat: str | None = None  # the place id of where an institution sits ("the Knesset": Jerusalem)

    def all_names(self) -> tuple[str, ...]:
        seen: dict[str, None] = {self.canonical_name: None}
        for aliases in self.names.values():
            seen.update(dict.fromkeys(aliases))
        seen.update(dict.fromkeys(self.acronyms))
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Participant:
    entity_id: str
    role: str
    confidence: float = 1.0
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker_id: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    """A number an article gives for an event: killed 477, wounded 171000 ..."""

    kind: str
    value: int
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of an event in one article, every field with its evidence."""

    id: str
    article_id: str
    type: str
    mode: str | None
    participants: tuple[Participant, ...]
    date: DateValue
    evidence: tuple[Span, ...]
    sentence: str
    language: str
    trigger: str = ""
    place_id: str | None = None
    place_evidence: Span | None = None
    topics: tuple[str, ...] = ()
    attribution: str | None = None
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    status: str = "asserted"
    main: bool = False
    background: bool = False
    confidence: float = 0.5
    # The last day the event can have happened: the publication of the report telling it as past.
    reported_by: date | None = None
    # What found the event: "lexicon" (a trigger word) or "encoder" (the sentence's nearest
    # labelled examples, for languages or ledes the lexicons do not cover; weaker evidence).
    extractor: str = "lexicon"


@dataclass(frozen=True, slots=True)
class FieldVote:
    """One value a field took across an event's mentions, and the articles that said it."""

    value: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    field: str
    values: tuple[FieldVote, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A canonical event: what its mentions agree on, with provenance and disagreements."""

    id: str
    type: str
    mode: str | None
    date: DateValue
    participants: tuple[Participant, ...]
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    place_id: str | None = None
    topics: tuple[str, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    provenance: tuple[tuple[str, FieldVote], ...] = ()


@dataclass(frozen=True)
class DuplicateReport:
    """An article that repeats another (copy or translation): not independent confirmation."""

    article_id: str
    duplicate_of: str
    kind: str
    score: float


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    event_ids: tuple[str, ...]
    actor_ids: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermCount:
    """How often one outlet (or language) used one loaded term, with a passage or two where it did."""

    facet: str
    group: str
    term: str
    language: str
    count: int
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceFraming:
    """The loaded terms of one outlet's (or one language's) reports: `source` is the outlet or language."""

    source: str
    languages: tuple[str, ...]
    article_ids: tuple[str, ...]
    terms: tuple[TermCount, ...]

    def groups(self) -> frozenset[str]:
        return frozenset(t.group for t in self.terms)


@dataclass(frozen=True)
class Framing:
    """Which terms each outlet and language used for one event or story, and where they part ways.

    `differs`: groups some outlets used and others did not; `divided`: facets on which
    two outlets chose different groups (one says "militants", another "martyrs").
    """

    outlets: tuple[SourceFraming, ...]
    languages: tuple[SourceFraming, ...]
    differs: tuple[str, ...] = ()
    divided: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(o.terms for o in self.outlets)


@dataclass(frozen=True)
class AlertRule:
    """A standing question of the desk: what to watch for, when to fire, where to deliver.

    Every field set must match (an empty rule matches everything). `on` is "event" (a new
    event), "sources" (an event reaching `sources` independent sources) or "breaking" (a
    story whose reports jump against its own baseline). `deliver` is "stdout", a path
    ending in .jsonl, or an http(s) URL to POST to.
    """

    name: str
    on: str = "event"
    actor: str | None = None
    actor2: str | None = None
    type: str | None = None
    mode: str | None = None
    place: str | None = None
    language: str | None = None
    story: str | None = None
    sources: int = 3
    # The breaking-story test (desk/fire.py): reports in the last `window_s` against the
    # story's own rate over the `baseline_s` before it.
    window_s: int = 3600
    baseline_s: int = 86400
    min_reports: int = 3
    ratio: float = 3.0
    deliver: str = "stdout"
    created_at: str = ""


@dataclass(frozen=True)
class Alert:
    """One firing of one rule on one event or story, delivered exactly once."""

    id: str
    rule: str
    kind: str
    subject: str
    title: str
    created_at: str
    deliver: str
    detail: tuple[tuple[str, str], ...] = ()
    delivered_at: str | None = None
    attempts: int = 0
    next_attempt: str | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class WatchSource:
    """What the store remembers of one watched source between polls."""

    source: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    outcome: str | None = None
    message: str = ""
    failures: int = 0
    next_attempt: str | None = None
