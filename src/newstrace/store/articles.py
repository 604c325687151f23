"""Articles, their raw bytes and revisions, full-text search and outlet line counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from newstrace.model import Article, Entity, EventMention, Mention, Origin, RawDocument
from newstrace.store import codec, search
from newstrace.store.database import Database, chunks, in_list, transaction
from newstrace.store.pending import mark_pending
from newstrace.store.search import SearchHit

OUTCOMES = ("new", "revised", "unchanged")


@dataclass(frozen=True)
class SaveOutcome:
    article_id: str
    outcome: str
    revision: int


@dataclass(frozen=True)
class ArticleRow:
    """An article with its storage bookkeeping."""

    article: Article
    revision: int
    ingested_at: str


@dataclass(frozen=True)
class Revision:
    revision: int
    content_hash: str
    ingested_at: str


@dataclass(frozen=True)
class EntityCount:
    """How often an entity is mentioned in articles of one language."""

    entity_id: str
    kind: str
    language: str
    mentions: int


class ArticleStore:
    """Article persistence; every write is one transaction."""

    conn: Database

    def article_for_content(self, content_hash: str) -> str | None:
        """Id of the article whose current revision has these exact bytes."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row["id"] if row else None

    def save_article(
        self,
        raw: RawDocument,
        article: Article,
        mentions: Iterable[Mention] = (),
        events: Iterable[EventMention] = (),
        lines: Iterable[str] = (),
    ) -> SaveOutcome:
        """Store an article with its mentions and event mentions, or report it unchanged.

        Safe with several writers at once: the article's id is locked for the transaction,
        every row is an upsert by its deterministic key, and each new content becomes the
        next revision (none lost, none counted twice).
        """
        now = datetime.now(UTC).isoformat()
        with transaction(self.conn) as conn:
            conn.lock(article.id)
            row = conn.execute(
                "SELECT content_hash, revision FROM articles WHERE id = ?", (article.id,)
            ).fetchone()
            if row and row["content_hash"] == article.content_hash:
                return SaveOutcome(article.id, "unchanged", row["revision"])
            revision = row["revision"] + 1 if row else 1
            conn.execute(
                "INSERT INTO raw_documents(sha256, uri, media_type, content, fetched_at, origin)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                (article.content_hash, raw.uri, raw.media_type, raw.content,
                 raw.fetched_at.isoformat(), codec.dumps(raw.origin)),
            )
            conn.execute(
                "INSERT INTO articles(id, uri, file, url, outlet, title, byline, text, language,"
                " published_start, published_end, published_precision, content_hash, revision,"
                " ingested_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _UPDATED),
                (*_article_values(article), revision, now, codec.dumps(article)),
            )
            conn.execute(
                "INSERT INTO article_revisions(article_id, revision, content_hash, ingested_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, revision) DO NOTHING",
                (article.id, revision, article.content_hash, now),
            )
            self._replace_mentions(conn, article, mentions, events)
            if article.outlet and not row:
                # Sorted, so that two writers take the line rows in one order and never deadlock.
                conn.executemany(
                    "INSERT INTO outlet_lines(outlet, line, articles) VALUES (?, ?, 1)"
                    " ON CONFLICT (outlet, line) DO UPDATE SET articles = outlet_lines.articles + 1",
                    [(article.outlet, line) for line in sorted(set(lines))],
                )
        return SaveOutcome(article.id, "revised" if row else "new", revision)

    def replace_analysis(
        self, article: Article, mentions: Iterable[Mention], events: Iterable[EventMention]
    ) -> None:
        """Replace an article's derived data after the pipeline improved (reprocess)."""
        with transaction(self.conn) as conn:
            conn.lock(article.id)
            values = _article_values(article)
            conn.execute(
                "UPDATE articles SET uri=?, file=?, url=?, outlet=?, title=?, byline=?, text=?,"
                " language=?, published_start=?, published_end=?, published_precision=?,"
                " content_hash=?, data=? WHERE id=?",
                (*values[1:], codec.dumps(article), article.id),
            )
            self._replace_mentions(conn, article, mentions, events)

    @staticmethod
    def _replace_mentions(conn, article: Article, mentions, events) -> None:
        """The article's mentions, event mentions and search body, and its pending-resolution mark."""
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
        conn.execute("DELETE FROM event_mentions WHERE article_id = ?", (article.id,))
        conn.executemany(
            'INSERT INTO mentions(article_id, start, "end", kind, entity_id, data) VALUES (?,?,?,?,?,?)',
            [(article.id, m.span.start, m.span.end, m.kind, m.entity_id, codec.dumps(m)) for m in mentions],
        )
        for event in events:
            conn.execute(
                "INSERT INTO event_mentions(id, article_id, type, date_start, main, data)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,"
                " type = excluded.type, date_start = excluded.date_start, main = excluded.main,"
                " data = excluded.data",
                (event.id, article.id, event.type,
                 event.date.start.isoformat() if event.date.start else None,
                 int(event.main), codec.dumps(event)),
            )
            conn.execute("DELETE FROM event_mention_actors WHERE mention_id = ?", (event.id,))
            conn.executemany(
                "INSERT INTO event_mention_actors(mention_id, entity_id) VALUES (?, ?)",
                [(event.id, p.entity_id) for p in event.participants],
            )
        search.index_article(conn, article.id, article.title, article.text)
        mark_pending(conn, article.id)

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_languages(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """The language of every article (or of these) by id, without reading texts (filters, source badges)."""
        if ids is None:
            return {r["id"]: r["language"] for r in self.conn.execute("SELECT id, language FROM articles")}
        found = {}
        for chunk in chunks(sorted(set(ids))):
            condition, values = in_list(self.conn, "id", list(chunk))
            rows = self.conn.execute(f"SELECT id, language FROM articles WHERE {condition}", values)
            found.update((r["id"], r["language"]) for r in rows)
        return found

    def articles(
        self, *, limit: int | None = None, offset: int = 0, language: str | None = None,
        outlet: str | None = None, ids: Iterable[str] | None = None,
    ) -> list[Article]:
        """Articles by publication date, then id."""
        where, params = [], []
        if language:
            where.append("language = ?")
            params.append(language)
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        if ids is not None:
            condition, values = in_list(self.conn, "id", list(ids))
            where.append(condition)
            params.extend(values)
        sql = "SELECT data FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published_start IS NULL, published_start, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [codec.loads(Article, r["data"]) for r in self.conn.execute(sql, params)]

    def article(self, ref: str) -> ArticleRow | None:
        """An article by id, unique id prefix, file name or URL."""
        row = self.conn.execute(
            "SELECT data, revision, ingested_at FROM articles WHERE id = ? OR file = ? OR url = ?",
            (ref, ref, ref),
        ).fetchone()
        if row is None and len(ref) >= 4:
            rows = self.conn.execute(
                "SELECT data, revision, ingested_at FROM articles WHERE id LIKE ? LIMIT 2",
                (ref.replace("%", "").replace("_", "") + "%",),
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        return ArticleRow(codec.loads(Article, row["data"]), row["revision"], row["ingested_at"])

    def revisions(self, article_id: str) -> list[Revision]:
        rows = self.conn.execute(
            "SELECT revision, content_hash, ingested_at FROM article_revisions"
            " WHERE article_id = ? ORDER BY revision",
            (article_id,),
        )
        return [Revision(r["revision"], r["content_hash"], r["ingested_at"]) for r in rows]

    def raw_documents(self) -> Iterator[RawDocument]:
        """The raw input of every article's current revision (for reprocessing)."""
        rows = self.conn.execute(
            "SELECT r.uri, r.content, r.media_type, r.fetched_at, r.origin FROM articles a"
            " JOIN raw_documents r ON r.sha256 = a.content_hash ORDER BY a.rowid"
        )
        for r in rows:
            yield RawDocument(
                uri=r["uri"], content=bytes(r["content"]), media_type=r["media_type"],
                fetched_at=datetime.fromisoformat(r["fetched_at"]),
                origin=codec.loads(Origin, r["origin"]),
            )

    def repeated_lines(self, min_articles: int = 3, min_share: float = 0.2) -> dict[str, frozenset[str]]:
        """Per outlet, the lines seen in at least `min_articles` of its articles and `min_share` of them."""
        found: dict[str, set[str]] = defaultdict(set)
        rows = self.conn.execute(
            "SELECT o.outlet, o.line FROM outlet_lines o"
            " JOIN (SELECT outlet, count(*) AS n FROM articles GROUP BY outlet) c ON c.outlet = o.outlet"
            " WHERE o.articles >= ? AND o.articles >= ? * c.n",
            (min_articles, min_share),
        )
        for r in rows:
            found[r["outlet"]].add(r["line"])
        return {outlet: frozenset(lines) for outlet, lines in found.items()}

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, every script; the query is taken literally."""
        return search.search(self.conn, query, limit)

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self.conn.execute(
            "SELECT data FROM mentions WHERE article_id = ? ORDER BY start", (article_id,)
        )
        return [codec.loads(Mention, r["data"]) for r in rows]

    def provisional_entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        """Entities the knowledge base lacks (all, or these), named by the surface form articles used most."""
        wanted = None if ids is None else sorted({i for i in ids if i.startswith("nt:")})
        where, values = ("entity_id LIKE 'nt:%'", []) if wanted is None else in_list(self.conn, "entity_id", wanted)
        rows = self.conn.execute(
            f"SELECT entity_id, kind, {self.conn.dialect.json_text('data', 'text')} AS text, count(*) AS n"
            f" FROM mentions WHERE {where} GROUP BY entity_id, kind, text"
            " ORDER BY entity_id, n DESC, text", values
        )
        found: dict[str, Entity] = {}
        for r in rows:
            if r["entity_id"] not in found:
                found[r["entity_id"]] = Entity(id=r["entity_id"], kind=r["kind"], canonical_name=r["text"],
                                               provisional=True)
        return list(found.values())

    def entity_mention_counts(self) -> list[EntityCount]:
        """Mention counts per linked entity and article language."""
        rows = self.conn.execute(
            "SELECT m.entity_id, m.kind, a.language, count(*) AS n FROM mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id IS NOT NULL"
            " GROUP BY m.entity_id, m.kind, a.language ORDER BY n DESC"
        )
        return [EntityCount(r["entity_id"], r["kind"], r["language"], r["n"]) for r in rows]


# Columns an upsert of a new revision overwrites (all but the id).
_UPDATED = ("uri", "file", "url", "outlet", "title", "byline", "text", "language", "published_start",
            "published_end", "published_precision", "content_hash", "revision", "ingested_at", "data")


def _article_values(article: Article) -> tuple:
    published = article.published
    return (
        article.id, article.uri, article.file, article.url, article.outlet, article.title,
        article.byline, article.text, article.language,
        published.start.isoformat() if published.start else None,
        published.end.isoformat() if published.end else None,
        published.precision, article.content_hash,
    )

