"""Scoring the database against gold annotations: BCubed clustering and field accuracy.

1. Gold articles are matched to stored ones by file name (or path) or URL.
2. Clustering: each article's predicted label is the event holding its main
   event mention; BCubed precision/recall/F1 compare these with the gold keys
   (an article with no main event is a cluster of its own on either side).
3. Each gold event is matched to the predicted event, among those reported by
   its articles, that agrees best on type and participants. Where none agrees,
   the system's answer is the event its articles' main mentions joined, as an
   analyst would read it. Fields are scored on type, mode, date (exact: a gold
   day needs that day; a gold month needs that month and no made-up day; a null
   date is right only if no day is claimed), place and participants (F1), two
   ways: over every gold event, a missed one counting as wrong (what the analyst
   gets), and over the matched events only (how good the found events are).
4. `misses` lists every article whose main event differs from its gold event in
   cluster or in a field, for `newstrace eval --explain`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from anyascii import anyascii

from newstrace.errors import Code, NewstraceError
from newstrace.model import Article, Entity, Event, EventMention
from newstrace.stages.resolution.merge import order_key


@dataclass(frozen=True)
class GoldArticle:
    file: str | None
    url: str | None
    main_event: str | None
    events: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    key: str
    type: str
    mode: str | None = None
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gold:
    articles: tuple[GoldArticle, ...]
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class FieldAccuracy:
    type: float = 0.0
    mode: float = 0.0
    date: float = 0.0
    place: float = 0.0
    participants_f1: float = 0.0


@dataclass(frozen=True)
class FieldScores:
    """Field accuracy over every gold event (`all`: a missed event is wrong) and over the matched ones."""

    gold_events: int = 0
    matched: int = 0
    all: FieldAccuracy = FieldAccuracy()
    found: FieldAccuracy = FieldAccuracy()


@dataclass(frozen=True)
class Miss:
    """One article the system got wrong: its gold event, the event it gave, and what differs."""

    article: str
    language: str | None
    gold_event: str | None
    gold: str
    system_event: str | None
    system: str
    differs: tuple[str, ...]


@dataclass(frozen=True)
class EvalReport:
    articles: int
    articles_missing: tuple[str, ...]
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    overall: FieldScores
    by_language: Mapping[str, FieldScores] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()
    event_misses: tuple[Miss, ...] = ()  # gold events whose answer is missing or differs (article: "")


def gold_schema() -> dict:
    return json.loads((resources.files("newstrace.export") / "schemas" / "gold.schema.json").read_text("utf-8"))


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file; a broken one raises a NewstraceError naming it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NewstraceError(f"{path}: {Code.E014.name} {Code.E014.value.format(detail=exc)}") from exc
    try:
        import jsonschema

        jsonschema.validate(data, gold_schema())
    except ImportError:  # validation is a courtesy; the fields below are read defensively
        pass
    except Exception as exc:
        detail = getattr(exc, "message", str(exc))
        raise NewstraceError(f"{path}: {Code.E014.name} {Code.E014.value.format(detail=detail)}") from exc
    articles = tuple(
        GoldArticle(a.get("file"), a.get("url"), a.get("main_event"),
                    tuple(a.get("events") or ([a["main_event"]] if a.get("main_event") else [])), a.get("language"))
        for a in data["articles"]
    )
    events = tuple(
        GoldEvent(e["key"], e["type"], e.get("mode"), e.get("date"), e.get("place"), tuple(e.get("participants") or ()))
        for e in data["events"]
    )
    return Gold(articles, events)


def name_key(name: str) -> str:
    """Spelling-insensitive key: transliterated, casefolded, letters and digits only."""
    return "".join(ch for ch in anyascii(name).casefold() if ch.isalnum())


def _names_of(entity: Entity | None) -> set[str]:
    return {name_key(n) for n in entity.all_names()} if entity else set()


def _match_article(gold: GoldArticle, articles: Sequence[Article]) -> Article | None:
    for article in articles:
        if gold.url and article.url == gold.url:
            return article
    if gold.file:
        exact = [a for a in articles if a.file == gold.file]
        if len(exact) == 1:
            return exact[0]
        suffix = "/" + gold.file.lstrip("/")
        by_path = [a for a in articles if a.uri.split("#", 1)[0].endswith(suffix)
                   or (a.file or "").endswith(suffix)]
        if len(by_path) == 1:
            return by_path[0]
        base = gold.file.rsplit("/", 1)[-1]
        loose = [a for a in articles if a.file == base]
        if len(loose) == 1:
            return loose[0]
    return None


def bcubed(gold_labels: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    items = sorted(gold_labels)
    if not items:
        return 0.0, 0.0, 0.0
    gold_groups, pred_groups = defaultdict(set), defaultdict(set)
    for item in items:
        gold_groups[gold_labels[item]].add(item)
        pred_groups[predicted[item]].add(item)
    precision = recall = 0.0
    for item in items:
        g, p = gold_groups[gold_labels[item]], pred_groups[predicted[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def date_correct(gold: str | None, event: Event) -> bool:
    value = event.date
    if gold is None:
        return value.precision != "day"
    if len(gold) == 10:
        return value.precision == "day" and value.start is not None and value.start.isoformat() == gold
    if len(gold) == 7:
        return value.precision == "month" and value.start is not None and value.start.isoformat()[:7] == gold
    return value.precision == "year" and value.start is not None and str(value.start.year) == gold


def _f1(gold: set[str], predicted: set[str]) -> float:
    if not gold and not predicted:
        return 1.0
    both = len(gold & predicted)
    return 2 * both / (len(gold) + len(predicted)) if gold or predicted else 0.0


class _Scorer:
    def __init__(self, kb) -> None:
        self.kb = kb
        self.cache: dict[str, frozenset[str]] = {}

    def ids_for(self, name: str) -> frozenset[str]:
        """KB ids any of whose names matches the gold name."""
        if name not in self.cache:
            key = name_key(name)
            hits = self.kb.search(name, limit=10)
            ids = {h.entity_id for h in hits if key in _names_of(self.kb.get(h.entity_id))}
            self.cache[name] = frozenset(ids)
        return self.cache[name]

    def participant_f1(self, gold: GoldEvent, event: Event) -> float:
        predicted = {p.entity_id for p in event.participants}
        matched_gold = 0
        for name in gold.participants:
            if self.ids_for(name) & predicted or any(name_key(name) in _names_of(self.kb.get(p)) for p in predicted):
                matched_gold += 1
        if not gold.participants and not predicted:
            return 1.0
        precision = min(matched_gold, len(predicted)) / len(predicted) if predicted else 0.0
        recall = matched_gold / len(gold.participants) if gold.participants else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def place_correct(self, gold: GoldEvent, event: Event) -> bool:
        if gold.place is None:
            return event.place_id is None
        if event.place_id is None:
            return False
        return name_key(gold.place) in _names_of(self.kb.get(event.place_id)) or event.place_id in self.ids_for(gold.place)

    def affinity(self, gold: GoldEvent, event: Event) -> float:
        return (2.0 if event.type == gold.type else 0.0) + self.participant_f1(gold, event) + (
            0.5 if date_correct(gold.date, event) else 0.0)


def evaluate(gold: Gold, articles: Sequence[Article], mentions: Sequence[EventMention],
             events: Sequence[Event], kb) -> EvalReport:
    """Score stored articles, mentions and events against the gold annotations."""
    scorer = _Scorer(kb)
    event_of_mention = {mid: e for e in events for mid in e.mention_ids}
    main_mention = {}
    for m in sorted(mentions, key=lambda m: (-m.confidence, order_key(m))):
        if m.main and m.article_id not in main_mention:
            main_mention[m.article_id] = m.id
    matched: dict[str, Article] = {}
    missing = []
    for g in gold.articles:
        article = _match_article(g, articles)
        if article is None:
            missing.append(g.file or g.url or "?")
        else:
            matched[g.file or g.url or article.id] = article
    gold_labels, predicted = {}, {}
    for g in gold.articles:
        ref = g.file or g.url or ""
        if ref not in matched:
            continue
        article = matched[ref]
        gold_labels[ref] = g.main_event or f"none:{ref}"
        event = event_of_mention.get(main_mention.get(article.id, ""))
        predicted[ref] = event.id if event else f"none:{article.id}"
    precision, recall, f1 = bcubed(gold_labels, predicted)

    events_by_article: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for aid in e.article_ids:
            events_by_article[aid].add(e.id)
    event_by_id = {e.id: e for e in events}
    mention_by_id = {m.id: m for m in mentions}
    # Ties go by content, never by ids (which follow where the files sit).
    content = {e.id: min((order_key(mention_by_id[mid]) for mid in e.mention_ids if mid in mention_by_id),
                         default=(e.id,)) for e in events}
    main_event_of = {aid: event_of_mention[mid] for aid, mid in main_mention.items() if mid in event_of_mention}
    rows: list[tuple[set[str], GoldEvent, Event | None, Event | None]] = []
    for gold_event in gold.events:
        reporting = [g for g in gold.articles if gold_event.key in g.events and (g.file or g.url) in matched]
        languages = {matched[g.file or g.url or ""].language for g in reporting}
        candidates = {eid for g in reporting for eid in events_by_article[matched[g.file or g.url or ""].id]}
        ranked = sorted(candidates, key=lambda eid: (-scorer.affinity(gold_event, event_by_id[eid]), content[eid]))
        best = event_by_id[ranked[0]] if ranked and scorer.affinity(gold_event, event_by_id[ranked[0]]) >= 2.0 else None
        answer = best or _majority_main_event(
            [matched[g.file or g.url or ""].id for g in reporting if g.main_event == gold_event.key], main_event_of,
            content)
        rows.append((languages, gold_event, best, answer))
    overall = _field_scores([(g, b, a) for _, g, b, a in rows], scorer)
    by_language = {
        lang: _field_scores([(g, b, a) for langs, g, b, a in rows if lang in langs], scorer)
        for lang in sorted({lang for langs, _, _, _ in rows for lang in langs})
    }
    gold_by_key = {g.key: g for g in gold.events}
    misses = tuple(
        miss for ref, article in sorted(matched.items())
        if (miss := _miss(ref, article, gold_labels, predicted, gold_by_key, main_event_of.get(article.id), scorer))
    )
    event_misses = tuple(miss for _, g, _, answer in rows if (miss := _event_miss(g, answer, scorer)))
    return EvalReport(len(matched), tuple(missing), precision, recall, f1, overall, by_language, misses, event_misses)


def _event_miss(gold_event: GoldEvent, answer: Event | None, scorer: _Scorer) -> Miss | None:
    differs = ["event"] if answer is None else [name for name, ok in _checks(gold_event, answer, scorer) if not ok]
    if not differs:
        return None
    return Miss("", None, gold_event.key, _describe_gold(gold_event), answer.id if answer else None,
                _describe(answer, scorer.kb), tuple(differs))


def _checks(gold_event: GoldEvent, system: Event, scorer: _Scorer) -> tuple[tuple[str, bool], ...]:
    return (("type", system.type == gold_event.type),
            ("mode", (system.mode or None) == (gold_event.mode or None)),
            ("date", date_correct(gold_event.date, system)),
            ("place", scorer.place_correct(gold_event, system)),
            ("participants", scorer.participant_f1(gold_event, system) >= 0.999))


def _majority_main_event(article_ids: Sequence[str], main_event_of: Mapping[str, Event],
                         content: Mapping[str, tuple]) -> Event | None:
    votes: dict[str, int] = defaultdict(int)
    for aid in article_ids:
        if aid in main_event_of:
            votes[main_event_of[aid].id] += 1
    if not votes:
        return None
    best = min(votes, key=lambda eid: (-votes[eid], content[eid]))
    return next(main_event_of[aid] for aid in article_ids if aid in main_event_of and main_event_of[aid].id == best)


def _accuracy(pairs: Sequence[tuple[GoldEvent, Event | None]], scorer: _Scorer) -> FieldAccuracy:
    if not pairs:
        return FieldAccuracy()
    n = len(pairs)
    return FieldAccuracy(
        type=sum(e is not None and e.type == g.type for g, e in pairs) / n,
        mode=sum(e is not None and (e.mode or None) == (g.mode or None) for g, e in pairs) / n,
        date=sum(e is not None and date_correct(g.date, e) for g, e in pairs) / n,
        place=sum(e is not None and scorer.place_correct(g, e) for g, e in pairs) / n,
        participants_f1=sum(scorer.participant_f1(g, e) for g, e in pairs if e is not None) / n,
    )


def _field_scores(rows: Sequence[tuple[GoldEvent, Event | None, Event | None]], scorer: _Scorer) -> FieldScores:
    found = [(g, best) for g, best, _ in rows if best is not None]
    return FieldScores(
        gold_events=len(rows),
        matched=len(found),
        all=_accuracy([(g, answer) for g, _, answer in rows], scorer),
        found=_accuracy(found, scorer),
    )


def _describe_gold(event: GoldEvent | None) -> str:
    if event is None:
        return "no event"
    return " ".join((f"{event.type}/{event.mode or '-'}", event.date or "no day", event.place or "no place",
                     "[" + ", ".join(event.participants) + "]"))


def _describe(event: Event | None, kb) -> str:
    if event is None:
        return "no event"
    names = [_display(kb, p.entity_id) for p in event.participants]
    day = event.date.start.isoformat() if event.date.precision == "day" and event.date.start else (
        f"{event.date.precision} {event.date.start.isoformat()[:7]}" if event.date.start else "no day")
    return " ".join((f"{event.type}/{event.mode or '-'}", day, _display(kb, event.place_id) if event.place_id
                     else "no place", "[" + ", ".join(names) + "]"))


def _display(kb, entity_id: str | None) -> str:
    entity = kb.get(entity_id) if entity_id else None
    return entity.canonical_name if entity else str(entity_id)


def _miss(ref: str, article: Article, gold_labels: Mapping[str, str], predicted: Mapping[str, str],
          gold_by_key: Mapping[str, GoldEvent], system: Event | None, scorer: _Scorer) -> Miss | None:
    gold_event = gold_by_key.get(gold_labels.get(ref, ""))
    differs: list[str] = []
    if gold_event is None:
        if system is not None:
            differs.append("event")
    elif system is None:
        differs.append("event")
    else:
        peers = {r for r, label in gold_labels.items() if label == gold_labels[ref]}
        together = {r for r, label in predicted.items() if label == predicted[ref]}
        if peers != together:
            differs.append("cluster")
        differs.extend(name for name, ok in _checks(gold_event, system, scorer) if not ok)
    if not differs:
        return None
    return Miss(ref, article.language, gold_event.key if gold_event else None, _describe_gold(gold_event),
                system.id if system else None, _describe(system, scorer.kb), tuple(differs))
