"""The `serve` command: the web UI and JSON API on a local port."""

from __future__ import annotations

import typer

from newstrace.cli.app import State, app, err, fail, finish_resolution, open_store


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the web UI and the JSON API (/api/v1, docs at /docs) over the database, read-only."""
    import uvicorn

    from newstrace.web.app import create_app
    from newstrace.web.deps import load_kb

    from newstrace.store import database_exists, describe

    if not database_exists(State.db):
        fail(f"{describe(State.db)}: no database here yet; run `newstrace ingest PATH` and `newstrace resolve` first")
    with open_store() as store:  # the web app only reads: finish pending resolution now
        finish_resolution(store)
    err.print("loading the knowledge base…")
    web = create_app(State.db, kb=load_kb(State.db))
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach it can read the database",
                  markup=True, highlight=False)
    err.print(f"newstrace: open http://{host}:{port}/  (API docs: http://{host}:{port}/docs; Ctrl-C stops)",
              markup=False, highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")
