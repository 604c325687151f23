"""The main event of an article (what its title and lede report) and the background events it recalls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstrace.model import Article
from newstrace.stages.triggers import TriggerLexicon, find_triggers

if TYPE_CHECKING:
    from newstrace.context import Context
    from newstrace.stages.events import Draft

# The lede: events this far into the article may still be the one the title reports.
_LEDE_PARAGRAPHS = 3


def choose_main(drafts: list[Draft], article: Article, lex: TriggerLexicon, ctx: Context) -> Draft | None:
    """Mark and return the event the title and lede report, or None (an analysis piece, a non-event).

    With a title: the first lede event of a type the title's trigger names, or,
    when the title names no trigger, the first lede event one of whose actors the
    title names. Without a title: the first event of the first paragraph.
    """
    asserted = [d for d in drafts if d.status == "asserted" and not d.borrowed and not d.background]
    lede = [d for d in asserted if d.sentence.paragraph <= _LEDE_PARAGRAPHS]
    main = None
    title = (article.title or "").strip()
    if title:
        types = {h.type for h in find_triggers(title, 0, lex)}
        if types:
            main = next((d for d in lede if d.hit.type in types), None)
        else:
            folded = title.casefold()
            main = next((d for d in lede if any(_named(pid, folded, ctx) for pid in d.entity_ids())), None)
    elif asserted and asserted[0].sentence.paragraph <= 1:
        main = asserted[0]
    if main is not None:
        main.main = True
    return main


def _named(entity_id: str, folded_title: str, ctx: Context) -> bool:
    try:
        entity = ctx.kb.get(entity_id)
    except (KeyError, LookupError):
        return False
    if entity is None:
        return False
    return any(len(name) > 2 and name.casefold() in folded_title for name in entity.all_names())


def mark_background(drafts: list[Draft], main: Draft | None) -> None:
    """Background: events dated clearly before the main event, or recalled ("a few days ago")."""
    for d in drafts:
        if d is main:
            continue
        recalled = d.when is not None and d.when.kind in ("vague", "relative") and d.when.direction == "past" and (
            main is None or main.when is None or d.when.value != main.when.value)
        earlier = (
            main is not None and main.date.known and d.date.known and d.date.end is not None
            and main.date.start is not None and d.date.end < main.date.start
        )
        d.background = bool(recalled or earlier)
