"""The Typer application, its global options and the shared output helpers."""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

import typer
from rich.console import Console

from newstrace.context import Context
from newstrace.errors import StoreError
from newstrace.store import Store, database_exists, default_target, describe


class App(typer.Typer):
    """A Typer app whose commands turn a database failure into one `error:` line (exit 2)."""

    def command(self, *args: Any, **kwargs: Any):
        register = super().command(*args, **kwargs)

        def decorator(fn):
            @functools.wraps(fn)
            def guarded(*a: Any, **k: Any):
                try:
                    return fn(*a, **k)
                except StoreError as exc:
                    fail(str(exc))

            register(guarded)
            return fn

        return decorator


app = App(
    name="newstrace",
    help="Follow world events through the press of many countries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class State:
    """Options given before the command name."""

    db: str = default_target()
    use_spacy: bool = True


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"newstrace {version('newstrace')}\n")
        raise typer.Exit()


@app.callback()
def main(
    db: str = typer.Option(None, "--db", envvar="NEWSTRACE_DB",
                           help="SQLite file (default: ./newstrace.db) or postgresql://user:password@host:port/db."),
    no_spacy: bool = typer.Option(False, "--no-spacy", help="Skip spaCy NER (faster; knowledge base and lexicons only)."),
    _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, expose_value=False,
                                  help="Print the version and exit."),
) -> None:
    """newstrace: multilingual news in; sourced events, stories and an actor network out."""
    State.db = db or default_target()
    State.use_spacy = not no_spacy


def open_store(*, must_exist: bool = True) -> Store:
    if must_exist and not database_exists(State.db):
        fail(f"{describe(State.db)}: no database here yet; run `newstrace ingest PATH` first or pass --db")
    return Store(State.db)


def finish_resolution(store: Store) -> Context | None:
    """Resolve what an interrupted run left pending, before a command reads events; the context it loaded."""
    pending = store.pending_resolution()
    if not pending:
        return None
    from newstrace.resolve import resolve_store

    err.print(f"resolving events of {pending} article(s) an earlier run left pending…", highlight=False)
    ctx = make_context(store)
    summary = resolve_store(store, ctx)
    err.print(f"resolved: {summary}", highlight=False)
    return ctx


def note_pending(store: Store) -> None:
    """Say that events are not resolved yet, for commands that only read extracted mentions."""
    if pending := store.pending_resolution():
        err.print(f"note: events of {pending} article(s) are not resolved yet; `newstrace resolve` (or timeline, "
                  "graph, export, eval) finishes them", highlight=False)


def make_context(store: Store | None = None) -> Context:
    curated = tuple(store.curated_entities()) if store is not None else ()
    return Context(curated=curated, use_spacy=State.use_spacy)


def display_names(store: Store, ctx: Context | None = None):
    """The knowledge base plus the provisional entities articles named, for showing ids as names."""
    from newstrace.naming import DisplayNames

    return DisplayNames((ctx or make_context(store)).kb, store.provisional_entities())


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)
