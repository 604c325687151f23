"""Commands over resolved events: timeline, graph, eval, export."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from newstrace.cli.app import app, display_names, err, fail, finish_resolution, open_store, out, print_json
from newstrace.cli.events import actor_ids
from newstrace.views import event_json


@app.command()
def timeline(
    story: str = typer.Option(None, "--story", help="Only this story's events."),
    actor: str = typer.Option(None, "--actor", help="Only events with this participant (name or id)."),
    date_from: str = typer.Option(None, "--from", help="From this date (YYYY-MM-DD)."),
    date_to: str = typer.Option(None, "--to", help="Up to this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """A dated timeline of events, each with its sources and their languages."""
    with open_store() as store:
        kb = display_names(store, finish_resolution(store))
        ids = None
        if story:
            found = store.story(story)
            if found is None:
                fail(f"--story {story}: no such story")
            ids = list(found.event_ids)
        events = store.events(entity_ids=actor_ids(kb, actor), ids=ids, date_from=date_from, date_to=date_to)
        languages = {a.id: a.language for a in store.articles()}
        stories = store.stories()
    if as_json:
        print_json([event_json(kb, e, languages=sorted({languages.get(a, "?") for a in e.article_ids}))
                    for e in events])
        return
    if not story and stories:
        for s in stories:
            out.print(f"story {s.id}: [bold]{escape(s.title)}[/bold] ({len(s.event_ids)} events)")
    table = Table("date", "event", "participants", "place", "sources", title=f"{len(events)} events")
    for e in events:
        names = ", ".join(escape(kb.get(p.entity_id).canonical_name if kb.get(p.entity_id) else p.entity_id)
                          for p in e.participants)
        place = kb.get(e.place_id).canonical_name if e.place_id and kb.get(e.place_id) else ""
        langs = ",".join(sorted({languages.get(a, "?") for a in e.article_ids}))
        flag = " ⚠" if e.discrepancies else ""
        table.add_row(e.date.label(), f"{e.type}[{e.mode or '-'}]{flag}", names, escape(place),
                      f"{len(e.article_ids)} ({langs})")
    out.print(table)


@app.command()
def graph(
    actor: str = typer.Option(None, "--actor", help="Only ties of this actor (name or id)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The actor network: who interacted with whom, how often, in which event types."""
    from newstrace.network import actor_network

    with open_store() as store:
        kb = display_names(store, finish_resolution(store))
        focus = actor_ids(kb, actor)
        network = actor_network(store.events(), frozenset(focus) if focus else None)

    def name(eid: str) -> str:
        entity = kb.get(eid)
        return entity.canonical_name if entity else eid

    if as_json:
        print_json({"actors": [{"id": a, "name": name(a)} for a in network.actors],
                    "ties": [{"source": t.first, "target": t.second, "events": t.events,
                              "types": dict(t.types)} for t in network.ties]})
        return
    table = Table("actor", "actor", "events", "types", title=f"{len(network.ties)} ties")
    for t in network.ties:
        table.add_row(escape(name(t.first)), escape(name(t.second)), str(t.events),
                      ", ".join(f"{k}×{v}" for k, v in t.types))
    out.print(table)


@app.command("eval")
def evaluate(
    gold_path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold annotations (JSON)."),
    as_json: bool = typer.Option(False, "--json"),
    explain: bool = typer.Option(False, "--explain", help="List every miss: article, gold event, system event, fields."),
) -> None:
    """Score the database against gold annotations: BCubed clustering and field accuracy.

    Fields are scored over every gold event (a missed event counts as wrong), then, in
    brackets, over the matched events only."""
    from newstrace.errors import NewstraceError
    from newstrace.eval import evaluate as run_eval, load_gold
    from newstrace.store.codec import to_plain

    try:
        gold = load_gold(gold_path)
    except NewstraceError as exc:
        fail(str(exc))
    with open_store() as store:
        kb = display_names(store, finish_resolution(store))
        report = run_eval(gold, store.articles(), store.event_mentions(), store.events(), kb)
    if as_json:
        print_json(to_plain(report))
        return
    out.print(f"articles matched: {report.articles}" + (f" (missing: {', '.join(report.articles_missing)})"
                                                       if report.articles_missing else ""))
    out.print(f"BCubed  P {report.bcubed_precision:.3f}  R {report.bcubed_recall:.3f}  F1 {report.bcubed_f1:.3f}")
    fields = ("type", "mode", "date", "place", "participants_f1")
    for title, view in (("every gold event (a missed one counts as wrong)", "all"), ("matched events only", "found")):
        table = Table("scope", "gold events", "matched", "type", "mode", "date", "place", "participants F1",
                      title=title)
        for scope, s in [("overall", report.overall), *report.by_language.items()]:
            scores = getattr(s, view)
            table.add_row(scope, str(s.gold_events), str(s.matched), *(f"{getattr(scores, f):.2f}" for f in fields))
        out.print(table)
    if explain:
        out.print(f"{len(report.misses)} articles differ from their gold:")
        for miss in report.misses:
            out.print(f"{miss.article} [{miss.language}] differs in {', '.join(miss.differs)}", markup=False)
            out.print(f"    gold   {miss.gold_event or '-'}: {miss.gold}", markup=False)
            out.print(f"    system {miss.system_event or '-'}: {miss.system}", markup=False)
        out.print(f"{len(report.event_misses)} gold events differ from the system's answer:")
        for miss in report.event_misses:
            out.print(f"{miss.gold_event} differs in {', '.join(miss.differs)}", markup=False)
            out.print(f"    gold   {miss.gold}", markup=False)
            out.print(f"    system {miss.system_event or '-'}: {miss.system}", markup=False)


@app.command()
def export(
    format_: str = typer.Option("json", "--format", help="json | jsonl | csv | csv-sources | graphml | timelinejs"),
    story: str = typer.Option(None, "--story"),
    actor: str = typer.Option(None, "--actor"),
    output: Path = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
) -> None:
    """Export events (and their articles and stories) in a standard format."""
    from newstrace.export import formats

    if format_ not in formats.WRITERS:
        fail(f"--format must be one of {', '.join(formats.WRITERS)}")
    with open_store() as store:
        kb = display_names(store, finish_resolution(store))
        from newstrace.export.document import select_events

        selected = None if story is None and actor is None else select_events(
            store, story=story, actor_ids=actor_ids(kb, actor))
        text = formats.WRITERS[format_](store, kb, selected)
    if output is None:
        out.file.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
