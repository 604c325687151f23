"""Precision and recall of entity linking against gold sentences (tests/data/gold/linking/<lang>.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from newstrace.errors import Code, InputError
from newstrace.ids import article_id, content_hash, is_provisional
from newstrace.model import Article, DateValue, Mention, Span
from newstrace.text.normalize import match_key


@dataclass(frozen=True)
class GoldMention:
    span: Span
    surface: str
    entity: str
    entity_id: str | None
    kind: str


@dataclass(frozen=True)
class LanguageScore:
    """Counts and rates for one language; `misses` and `extras` say what went wrong."""

    language: str
    true_positives: int
    false_positives: int
    false_negatives: int
    misses: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


@dataclass(frozen=True)
class LinkingScores:
    by_language: Mapping[str, LanguageScore] = field(default_factory=dict)

    def table(self) -> str:
        """A plain-text table: language, gold mentions, precision, recall."""
        lines = ["lang  gold  P      R"]
        for language, score in sorted(self.by_language.items()):
            gold = score.true_positives + score.false_negatives
            lines.append(f"{language:4}  {gold:4}  {score.precision:.3f}  {score.recall:.3f}")
        return "\n".join(lines)


def resolve_gold_entity(kb, name: str) -> str | None:
    """The KB id a gold file's canonical name denotes (None for an entity the KB lacks)."""
    key = match_key(name)
    named = [entity for entity in kb.entities_named(key)]
    if named:
        return named[0].id
    refs = [ref for ref in kb.lookup(name) if ref.tag in ("name", "acronym")]
    if refs:
        return refs[0].entity_id
    hits = kb.search(name, limit=1)
    return hits[0].entity_id if hits and hits[0].score >= 0.95 else None


def _gold_article(language: str, index: int, item: Mapping) -> Article:
    text = str(item["text"])
    day = item.get("date")
    if isinstance(day, str):
        day = date.fromisoformat(day)
    published = DateValue.of_day(day, "meta") if isinstance(day, date) else DateValue()
    return Article(id=article_id(f"gold:{language}:{index}"), uri=f"gold:{language}:{index}", text=text,
                   paragraphs=tuple(part for part in text.split("\n\n") if part), language=language,
                   published=published, content_hash=content_hash(text.encode()))


def _gold_mentions(kb, article: Article, item: Mapping, where: str) -> list[GoldMention]:
    found, used = [], set()
    for entry in item.get("mentions") or ():
        surface = str(entry["surface"])
        start = article.text.find(surface)
        while start >= 0 and start in used:
            start = article.text.find(surface, start + 1)
        if start < 0:
            raise InputError(where, Code.E014, f"surface {surface!r} not in text")
        used.add(start)
        entity = str(entry["entity"])
        found.append(GoldMention(Span(start, start + len(surface)), surface, entity,
                                 resolve_gold_entity(kb, entity), str(entry.get("kind", ""))))
    return found


def _overlap(left: Span, right: Span) -> bool:
    return left.start < right.end and right.start < left.end


def score_article(gold: list[GoldMention], predicted: tuple[Mention, ...]) -> tuple[int, int, int, list[str], list[str]]:
    """True positives, false positives, false negatives, and descriptions of misses and extras."""
    used: set[int] = set()
    misses, tp = [], 0
    for mention in gold:
        hit = None
        for index, guess in enumerate(predicted):
            if index in used or not _overlap(mention.span, guess.span):
                continue
            if guess.entity_id == mention.entity_id or (mention.entity_id is None and guess.entity_id
                                                         and is_provisional(guess.entity_id)):
                hit = index
                break
        if hit is None:
            wrong = [g.entity_id for g in predicted if _overlap(mention.span, g.span)]
            misses.append(f"{mention.surface} -> {mention.entity} ({mention.entity_id}); got {wrong}")
        else:
            used.add(hit)
            tp += 1
    matched = [gold_mention.span for gold_mention in gold]
    extras = []
    for index, guess in enumerate(predicted):
        if index in used:
            continue
        if any(_overlap(guess.span, predicted[other].span) for other in used):
            continue  # a nested part of a matched mention
        extras.append(f"{guess.text} -> {guess.entity_id} [{guess.rule}]"
                      + (" (overlaps gold)" if any(_overlap(guess.span, span) for span in matched) else ""))
    return tp, len(extras), len(gold) - tp, misses, extras


def score_linking(gold_dir: Path, ctx) -> LinkingScores:
    """Link every gold sentence with newstrace.stages.entities.linking and score it, per language."""
    from newstrace.stages.entities.linking import link_article

    scores = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        language = path.stem
        try:
            items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise InputError(str(path), Code.E014, str(exc).splitlines()[0]) from exc
        tp = fp = fn = 0
        misses: list[str] = []
        extras: list[str] = []
        for index, item in enumerate(items):
            article = _gold_article(language, index, item)
            gold = _gold_mentions(ctx.kb, article, item, f"{path.name}[{index}]")
            counts = score_article(gold, link_article(article, ctx))
            tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
            misses += [f"[{index}] {miss}" for miss in counts[3]]
            extras += [f"[{index}] {extra}" for extra in counts[4]]
        scores[language] = LanguageScore(language, tp, fp, fn, tuple(misses), tuple(extras))
    return LinkingScores(scores)
