"""Commands for articles: ingest, articles, show, reprocess, search."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from typing import TYPE_CHECKING

from newstrace.cli.app import app, err, fail, finish_resolution, make_context, open_store, out, print_json
from newstrace.views import article_json

if TYPE_CHECKING:
    from newstrace import pipeline


def _progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} inputs"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )


def _report_line(report: pipeline.IngestReport) -> str:
    return (f"{report.new} new, {report.revised} revised, {report.unchanged} unchanged, "
            f"{report.failed} failed")


@app.command()
def ingest(
    targets: list[str] = typer.Argument(..., help="Files, directories, globs or http(s) URLs."),
    outlet: str = typer.Option(None, "--outlet", help="Name the outlet of these inputs."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Processes for per-article work."),
    resolve: bool = typer.Option(True, "--resolve/--no-resolve", help="Merge events and build stories afterwards."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Read news from files, HTML, JSONL, feeds, WARC or URLs into the database."""
    from newstrace import pipeline  # the stages load here, not for commands that only read the store

    with open_store(must_exist=False) as store:
        ctx = make_context(store)
        with _progress_bar() as bar:
            task = bar.add_task("ingesting", total=None)

            def show(progress: pipeline.Progress) -> None:
                bar.advance(task)
                if progress.outcome == "failed":
                    err.print(f"[red]failed[/red] {escape(progress.message)}", highlight=False)
                elif progress.message:
                    err.print(f"[yellow]warning[/yellow] {escape(progress.source)}: {escape(progress.message)}",
                              highlight=False)

            report = pipeline.ingest(targets, store, ctx, outlet=outlet, workers=workers, on_progress=show)
        # New or revised articles are resolved now; with only unchanged input, whatever an
        # interrupted run left pending (its marks are in the store) is finished instead.
        if resolve and (report.new or report.revised):
            from newstrace.resolve import resolve_store

            summary = resolve_store(store, ctx)
            err.print(f"resolved: {summary}", highlight=False)
        elif resolve:
            finish_resolution(store)
    if as_json:
        print_json({"new": report.new, "revised": report.revised, "unchanged": report.unchanged,
                    "failed": report.failed, "failures": [p.message for p in report.failures]})
    else:
        err.print(_report_line(report), highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def articles(
    language: str = typer.Option(None, "--language", help="Only this language (ISO 639-1)."),
    limit: int = typer.Option(None, "--limit", min=1),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List stored articles: id, language, published, outlet, title."""
    with open_store() as store:
        found = store.articles(language=language, limit=limit)
    if as_json:
        print_json([article_json(a) for a in found])
        return
    table = Table("id", "lang", "published", "outlet", "title", title=f"{len(found)} articles")
    for a in found:
        table.add_row(a.id, a.language, a.published.label(), escape(a.outlet or ""), escape(a.title or ""))
    out.print(table)


@app.command()
def show(
    ref: str = typer.Argument(..., help="Article id (or unique prefix), file name or URL."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one article: metadata and cleaned text."""
    with open_store() as store:
        row = store.article(ref)
        if row is None:
            fail(f"{ref}: no such article")
        revisions = store.revisions(row.article.id)
    a = row.article
    if as_json:
        print_json(article_json(a, text=True, revision=row.revision, revisions=len(revisions)))
        return
    out.print(f"[bold]{escape(a.title or '(no title)')}[/bold]")
    out.print(f"id {a.id} · {a.language} ({a.language_confidence:.2f}) · published {a.published.label()}"
              f" [{a.published.source}] · outlet {escape(a.outlet or '?')} · byline {escape(a.byline or '-')}"
              f" · revision {row.revision}", highlight=False)
    out.print(f"source {escape(a.file or a.url or a.uri)}", highlight=False)
    out.print()
    out.print(escape(a.text), highlight=False)
    if a.removed_lines:
        out.print(f"\n[dim]removed as boilerplate ({len(a.removed_lines)} lines):[/dim]")
        for line in a.removed_lines:
            out.print(f"[dim]  - {escape(line)}[/dim]", highlight=False)
    if a.errors:
        err.print("errors: " + escape("; ".join(a.errors)))


@app.command()
def reprocess() -> None:
    """Re-run the pipeline on the stored raw input of every article."""
    from newstrace import pipeline

    with open_store() as store:
        ctx = make_context(store)
        with _progress_bar() as bar:
            task = bar.add_task("reprocessing", total=store.count_articles())
            report = pipeline.reprocess(store, ctx, on_progress=lambda p: bar.advance(task))
        from newstrace.resolve import resolve_store

        summary = resolve_store(store, ctx, full=True)
    err.print(f"{report.revised} reprocessed, {report.failed} failed; resolved: {summary}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to find in titles and texts (any script)."),
    limit: int = typer.Option(20, "--limit", min=1, max=500),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Full-text search over articles."""
    with open_store() as store:
        hits = store.search(query, limit=limit)
    if as_json:
        print_json([{"id": h.article_id, "title": h.title, "language": h.language, "snippet": h.snippet} for h in hits])
        return
    for h in hits:
        out.print(f"{h.article_id} [{h.language}] {escape(h.title or '')}\n    {escape(h.snippet)}", highlight=False)
