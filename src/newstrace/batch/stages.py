"""The work each batch worker does, as callable classes: built once per worker (the knowledge base,
lexicons and models load in the constructor), then called on batch after batch.

ArticleStage takes document rows through every per-article stage and, when the output
is a database, saves each article in its own transaction from the worker itself (the
store's upserts by deterministic id let several workers write at once). ResolveStage
clusters the mentions of one partition into events and compares the articles they share.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Sequence

from newstrace.context import Context
from newstrace.errors import InputError, StoreError
from newstrace.ids import content_hash
from newstrace.model import Article, Entity, EventMention
from newstrace.store import codec

# What a document row became; "fatal" stops the batch (the database failed).
COLUMNS = ("outcome", "source", "article_id", "message", "article", "mentions", "events", "lines")


def make_context(curated: Sequence[str], use_spacy: bool) -> Context:
    """A worker's context, its lexicons and knowledge base loaded now rather than on the first article."""
    ctx = Context(curated=tuple(codec.loads(Entity, e) for e in curated), use_spacy=use_spacy)
    ctx.lexicons  # noqa: B018  (loaded here, once per worker)
    ctx.kb  # noqa: B018
    return ctx


class ArticleStage:
    """Per-article stages in a worker; saves to the database `out`, or returns the rows when `out` is None."""

    def __init__(self, out: str | None, curated: Sequence[str], use_spacy: bool,
                 repeated: dict[str, list[str]]) -> None:
        self.ctx = make_context(curated, use_spacy)
        self.repeated = {outlet: frozenset(lines) for outlet, lines in repeated.items()}
        self.out = out
        self.store = None

    def _store(self):
        if self.store is None:
            from newstrace.store import Store

            self.store = Store(self.out)
        return self.store

    def __call__(self, batch: dict) -> dict:
        rows = {name: [] for name in COLUMNS}
        for raw_bytes, error in zip(batch["raw"], batch["error"], strict=True):
            row = self._one(bytes(raw_bytes), str(error))
            for name in COLUMNS:
                rows[name].append(row.get(name, ""))
            if row["outcome"] == "fatal":
                break  # the database is gone: the driver stops the batch at this row
        return rows

    def _one(self, raw_bytes: bytes, error: str) -> dict:
        from newstrace.pipeline import describe, process

        if error:
            return {"outcome": "failed", "message": error}
        raw = pickle.loads(raw_bytes)
        source = describe(raw)
        try:
            if self.out is not None and (known := self._store().article_for_content(content_hash(raw.content))):
                return {"outcome": "unchanged", "source": source, "article_id": known}
            done = process(raw, self.ctx, self.repeated)
            message = "; ".join(done.article.errors)
            if self.out is None:
                return {"outcome": "new", "source": source, "article_id": done.article.id, "message": message,
                        "article": codec.dumps(done.article), "mentions": codec.dumps(done.mentions),
                        "events": codec.dumps(done.events), "lines": json.dumps(done.lines)}
            saved = self._store().save_article(done.raw, done.article, done.mentions, done.events, done.lines)
            return {"outcome": saved.outcome, "source": source, "article_id": saved.article_id, "message": message}
        except InputError as exc:
            return {"outcome": "failed", "source": source, "message": str(exc)}
        except StoreError as exc:
            self._drop_store()
            return {"outcome": "fatal", "source": source, "message": str(exc)}

    def _drop_store(self) -> None:
        if self.store is not None:
            try:
                self.store.close()
            except Exception:  # the connection is already broken; closing it is all that is left
                pass
            self.store = None


class ResolveStage:
    """Clusters each partition's mentions into events and finds the translations among their articles.

    A task is JSON: {"mentions": [...], "articles": [...]}, the articles those mentions come from (their
    text, for the translation check). A result is JSON: {"groups": [[mention id, ...], ...],
    "translations": [report, ...]}."""

    def __init__(self, curated: Sequence[str], use_similarity: bool = True) -> None:
        self.ctx = make_context(curated, use_spacy=False)
        self.use_similarity = use_similarity

    def __call__(self, batch: dict) -> dict:
        from newstrace.resolve import group_mentions, translations_within

        out = []
        for text in batch["task"]:
            task = json.loads(str(text))
            mentions = [codec.from_plain(EventMention, m) for m in task["mentions"]]
            groups = group_mentions(mentions, self.ctx, use_similarity=self.use_similarity)
            found = []
            if self.use_similarity:
                articles = [codec.from_plain(Article, a) for a in task["articles"]]
                found = translations_within(groups, articles, self.ctx)
            out.append(json.dumps({"groups": [[m.id for m in group] for group in groups],
                                   "translations": [codec.to_plain(r) for r in found]}, ensure_ascii=False))
        return {"result": out}
