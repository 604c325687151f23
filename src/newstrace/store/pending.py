"""Resolution left to do: articles whose mentions are stored but not yet merged into events.

A mark is written in the same transaction as an article's mentions and cleared in the
one that writes the events built from them, so a process killed in between (during
resolution or story building) leaves the work recorded, and the next command that
reads events finishes it. Marks carry a counter: a resolution clears only the marks
it read, so an article saved (or revised) while it ran stays pending. A generation
number makes two resolutions that ran at once commit one after the other: the one
that read an older generation starts again.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.store.database import Database


class ResolutionConflict(Exception):
    """Another process wrote a resolution since this one read the store: resolve again."""


@dataclass(frozen=True)
class ResolutionToken:
    """What a resolution read before it started: the generation and the marks it covers."""

    generation: int
    marks: tuple[tuple[str, int], ...]


def mark_pending(db: Database, article_id: str) -> None:
    """Inside an article's transaction: its mentions await resolution."""
    db.execute(
        "INSERT INTO pending_resolution(article_id, mark) VALUES (?, 1)"
        " ON CONFLICT (article_id) DO UPDATE SET mark = pending_resolution.mark + 1",
        (article_id,),
    )


def settle(db: Database, token: ResolutionToken | None) -> None:
    """Inside the transaction writing events: claim the next generation and clear the marks read.

    Without a token the caller states that its result covers every stored article (a test
    corpus, a single writer), and every mark is cleared. Raises ResolutionConflict when
    another resolution committed after `token` was taken.
    """
    if token is None:
        db.execute("UPDATE resolution_state SET generation = generation + 1 WHERE id = 1")
        db.execute("DELETE FROM pending_resolution")
        return
    # The UPDATE takes the row lock first, so a concurrent writer waits here and then sees
    # the generation moved on.
    claimed = db.execute(
        "UPDATE resolution_state SET generation = generation + 1 WHERE id = 1 AND generation = ?",
        (token.generation,),
    ).rowcount
    if claimed != 1:
        raise ResolutionConflict
    db.executemany("DELETE FROM pending_resolution WHERE article_id = ? AND mark = ?", token.marks)


class PendingStore:
    conn: Database

    def pending_resolution(self) -> int:
        """How many articles have mentions not yet resolved into events."""
        return self.conn.execute("SELECT count(*) FROM pending_resolution").fetchone()[0]

    def resolution_generation(self) -> int:
        """How many resolutions have been written: the revision of the newest event (store/events.py)."""
        return self.conn.execute("SELECT generation FROM resolution_state WHERE id = 1").fetchone()[0]

    def begin_resolution(self) -> ResolutionToken:
        """Read the generation and the pending marks before reading any mention."""
        with self.conn.transaction() as db:
            generation = db.execute("SELECT generation FROM resolution_state WHERE id = 1").fetchone()[0]
            marks = tuple((r[0], r[1]) for r in db.execute("SELECT article_id, mark FROM pending_resolution"))
        return ResolutionToken(generation, marks)
