"""Commands for events: events (mentions as extracted), resolve."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from newstrace.cli.app import app, display_names, err, fail, make_context, note_pending, open_store, out, print_json
from newstrace.views import event_mention_json


def actor_ids(kb, name: str | None) -> list[str] | None:
    """Entity ids an --actor option names (by id or by name search)."""
    if not name:
        return None
    if kb.get(name) is not None:
        return [name]
    hits = [h for h in kb.search(name, limit=5) if h.score >= 0.85]
    if not hits:
        fail(f"--actor {name!r}: no entity of that name in the knowledge base")
    return [hits[0].entity_id]


@app.command()
def events(
    article: str = typer.Option(None, "--article", help="Only this article (id, prefix, file or URL)."),
    type_: str = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    actor: str = typer.Option(None, "--actor", help="Only events with this participant (name or id)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List event mentions as extracted from articles."""
    with open_store() as store:
        kb = display_names(store)
        article_id = None
        if article:
            row = store.article(article)
            if row is None:
                fail(f"{article}: no such article")
            article_id = row.article.id
        found = store.event_mentions(article_id=article_id, type=type_, entity_ids=actor_ids(kb, actor))
        note_pending(store)
    if as_json:
        print_json([event_mention_json(kb, m) for m in found])
        return
    table = Table("date", "type", "mode", "participants", "place", "article", "main", title=f"{len(found)} event mentions")
    for m in found:
        names = ", ".join(escape(kb.get(p.entity_id).canonical_name if kb.get(p.entity_id) else p.entity_id)
                          for p in m.participants)
        place = kb.get(m.place_id).canonical_name if m.place_id and kb.get(m.place_id) else (m.place_id or "")
        status = "" if m.status == "asserted" else f" ({m.status})"
        table.add_row(m.date.label(), m.type + status, m.mode or "", names, escape(place), m.article_id,
                      "main" if m.main else ("background" if m.background else ""))
    out.print(table)


@app.command()
def resolve(
    full: bool = typer.Option(False, "--full", help="Re-resolve the whole corpus, not only what new mentions reach."),
) -> None:
    """Merge event mentions into events, mark duplicate reports and build stories."""
    from newstrace.resolve import resolve_store

    with open_store() as store:
        summary = resolve_store(store, make_context(store), full=full)
    err.print(f"resolved: {summary}")
