"""The `batch` command: shards analysed on an engine (local or Ray), into a database or Parquet."""

from __future__ import annotations

import typer
from rich.markup import escape

from newstrace.cli.app import State, app, err, fail, print_json


@app.command()
def batch(
    shards: list[str] = typer.Argument(..., help="WARC / WARC.gz shards, news-please JSONL, folders or globs."),
    engine: str = typer.Option("local", "--engine", help="local (this process) or ray (a Ray cluster)."),
    address: str = typer.Option(None, "--address", help="Ray cluster to join (default: start a local one)."),
    workers: int = typer.Option(None, "--workers", min=1, max=4096, help="Workers (default: the cluster's CPUs)."),
    out: str = typer.Option(None, "--out", help="postgresql://… (or a SQLite file), or DIR.parquet (default: --db)."),
    outlet: str = typer.Option(None, "--outlet", help="Name the outlet of these inputs."),
    resolve: bool = typer.Option(True, "--resolve/--no-resolve", help="Merge events and build stories afterwards."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Analyse shards in parallel workers, then resolve events partitioned by blocking key."""
    from newstrace.batch.engines import LocalEngine
    from newstrace.batch.run import BatchFailed, run_batch

    if engine not in ("local", "ray"):
        fail(f"--engine {engine}: choose local or ray")
    if engine == "local" and address:
        fail("--address names a Ray cluster: use it with --engine ray")

    def show(kind: str, text: str) -> None:
        if kind == "failed":
            err.print(f"[red]failed[/red] {escape(text)}", highlight=False)
        elif kind == "warning":
            err.print(f"[yellow]warning[/yellow] {escape(text)}", highlight=False)
        else:
            err.print(f"{kind}: {escape(text)}", highlight=False)

    if engine == "ray":
        from newstrace.batch.engines import RayEngine

        try:
            runner = RayEngine(address, workers)
        except ImportError:
            fail("--engine ray needs Ray Data: pip install 'newstrace[batch]'")
        except Exception as exc:  # no cluster at that address, or Ray cannot start here
            fail(f"ray cluster {address or '(local)'}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    else:
        runner = LocalEngine()
    try:
        report = run_batch(shards, out or State.db, runner, outlet=outlet, use_spacy=State.use_spacy,
                           resolve=resolve, on_line=show)
    except BatchFailed as exc:
        fail(str(exc))
    finally:
        runner.close()
    if as_json:
        print_json({"new": report.new, "revised": report.revised, "unchanged": report.unchanged,
                    "failed": report.failed, "failures": report.failures, "articles": report.articles,
                    "events": report.summary.events if report.summary else None, "engine": engine})
    else:
        err.print(report.line(), highlight=False)
    if report.failed:
        raise typer.Exit(1)
