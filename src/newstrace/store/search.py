"""Full-text search over titles and texts: SQLite's FTS5 index, PostgreSQL's trigram index.

Why trigrams (pg_trgm) rather than tsvector with the 'simple' configuration:

- newstrace reads every script, and many are written without spaces between words
  (Chinese, Japanese, Thai, Lao, Khmer, Burmese). PostgreSQL's text-search parser
  splits on spaces and punctuation only, so under 'simple' a whole unspaced clause
  becomes one lexeme and a search for a word inside it finds nothing. A substring
  match over trigrams finds a word in any script, segmented or not.
- 'simple' neither folds diacritics nor Turkish dotted/dotless i; tsvector would need
  the unaccent extension (not immutable, so not indexable without a wrapper). Here
  the store folds the text itself, in Python, once, into `article_search.body`, with
  the same folding for the query: "geneve" finds "Genève", "kalin" finds "Kalın".
- It matches what the SQLite side gives: FTS5's unicode61 tokenizer with
  remove_diacritics 2 takes words of any alphabetic script and folds accents (vowel
  signs and other marks count as letters, so a Hindi or Thai word stays whole). An
  unspaced CJK or Thai run would be one token there, so the index holds `segmented`
  text: each letter of those scripts (with its marks) a token of its own, and a query
  word the phrase of its letters, which finds it inside any sentence.
- The price: a larger index than tsvector's, no stemming (which 'simple' lacks too),
  and ranking by how densely the terms occur rather than by bm25. A query word of one
  or two characters (frequent in Chinese) has no trigram, so PostgreSQL scans the
  folded bodies instead of the index: still correct, only slower.

Both engines take the query literally: every whitespace-separated term must occur,
and no query syntax (FTS5's NEAR, quotes, column filters; LIKE's % and _) is exposed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from newstrace.text.casefold import casefold
from newstrace.text.scripts import unspaced


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    language: str
    snippet: str


def _is_diacritic(char: str) -> bool:
    # Combining accents, Arabic harakat and Hebrew points: marks a reader may or may not
    # write. Other scripts' combining vowel signs (Devanagari, Thai ...) spell the word.
    code = ord(char)
    return (0x0300 <= code <= 0x036F or 0x064B <= code <= 0x065F or code == 0x0670
            or 0x0591 <= code <= 0x05C7)


def fold_char(char: str) -> str:
    """One character folded for matching: casefolded, accents removed (may be empty)."""
    decomposed = unicodedata.normalize("NFD", casefold(char))
    return "".join(c for c in decomposed if not _is_diacritic(c))


def fold(text: str) -> str:
    """A text folded for matching, character by character."""
    return "".join(fold_char(c) for c in text)


def segmented(text: str | None) -> str | None:
    """`text` with every letter of a script written without spaces (Han, kana, Thai) standing
    alone, its combining marks kept with it: what SQLite's full-text index holds (deterministic,
    as the index's triggers need; registered on every SQLite connection)."""
    if text is None:
        return None
    out, after_unspaced = [], False
    for char in text:
        if unicodedata.category(char).startswith("M"):
            out.append(char)  # a vowel sign or tone mark stays with its letter
            continue
        here = unspaced(char)
        if here or after_unspaced:
            out.append(" ")
        out.append(char)
        after_unspaced = here
    return "".join(out)


def indexed(text: str | None) -> str | None:
    """What SQLite's full-text index holds for a title or text, and searches for a query word:
    folded as PostgreSQL's body is ("kalin" finds "Kalın"), then segmented."""
    return None if text is None else segmented(fold(text))


def query_terms(query: str) -> list[str]:
    """The literal terms of a query, without characters no database takes in a string."""
    cleaned = "".join(ch for ch in query if ch != "\x00" and not 0xD800 <= ord(ch) <= 0xDFFF)
    return [t for t in cleaned.replace('"', " ").split() if t]


def body_of(title: str | None, text: str) -> str:
    """What the trigram index holds for one article."""
    return fold(title or "") + "\n" + fold(text)


def snippet(text: str, terms: list[str], words: int = 12) -> str:
    """About `words` words of `text` around the first match of a term, the match in [brackets]."""
    folded, origin = [], []
    for i, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        origin.extend([i] * len(piece))
    haystack = "".join(folded)
    hits = [(haystack.find(fold(t)), len(fold(t))) for t in terms if fold(t)]
    hits = [h for h in hits if h[0] >= 0]
    if not hits:
        return " ".join(text.split()[:words])
    start, length = min(hits)
    begin, end = origin[start], origin[start + length - 1] + 1
    before = text[:begin].split()[-(words // 2):]
    after = text[end:].split()[: words // 2]
    lead = " … " if len(text[:begin].split()) > len(before) else ""
    tail = " … " if len(text[end:].split()) > len(after) else ""
    joiner_before = " " if text[:begin][-1:].isspace() else ""
    joiner_after = " " if text[end:end + 1].isspace() else ""
    return (lead + " ".join(before) + joiner_before + "[" + text[begin:end] + "]" + joiner_after
            + " ".join(after) + tail).strip()


def like_pattern(term: str) -> str:
    """A LIKE pattern matching `term` anywhere, with LIKE's own wildcards escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def index_article(db, article_id: str, title: str | None, text: str) -> None:
    """Keep an article's searchable body current (on SQLite, FTS5's triggers already do)."""
    if db.dialect.name == "postgresql":
        db.execute(
            "INSERT INTO article_search(article_id, body) VALUES (?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET body = excluded.body",
            (article_id, body_of(title, text)),
        )


def search(db, query: str, limit: int) -> list[SearchHit]:
    """Articles containing every term of `query`, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    return (_search_postgresql if db.dialect.name == "postgresql" else _search_sqlite)(db, terms, limit)


def _search_sqlite(db, terms: list[str], limit: int) -> list[SearchHit]:
    # Every word is a quoted FTS5 literal (the phrase of its letters where it is unspaced):
    # FTS5's query syntax is not exposed.
    match = " ".join('"' + (indexed(t) or "").strip() + '"' for t in terms)
    rows = db.execute(
        "SELECT a.id, a.title, a.language, a.text FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
        (match, limit),
    )
    # The index holds segmented text and no copy of it: the snippet is cut from the article's text.
    return [SearchHit(r["id"], r["title"], r["language"], snippet(r["text"], terms)) for r in rows]


def _search_postgresql(db, terms: list[str], limit: int) -> list[SearchHit]:
    folded = [f for f in (fold(t) for t in terms) if f]
    if not folded:
        return []
    where = " AND ".join("s.body LIKE ?" for _ in folded)
    # Rank by how densely the terms occur: occurrences per length, a crude tf.
    occurrences = " + ".join("(length(s.body) - length(replace(s.body, ?, ''))) / length(?)" for _ in folded)
    rows = db.execute(
        f"SELECT a.id, a.title, a.language, a.text, ({occurrences})::float8 / (length(s.body) + 100) AS score"
        f" FROM article_search s JOIN articles a ON a.id = s.article_id WHERE {where}"
        " ORDER BY score DESC, a.id LIMIT ?",
        (*[p for f in folded for p in (f, f)], *[like_pattern(f) for f in folded], limit),
    )
    return [SearchHit(r["id"], r["title"], r["language"], snippet(r["text"], terms)) for r in rows]
