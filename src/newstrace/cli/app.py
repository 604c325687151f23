"""The Typer application, its global options and the shared output helpers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from newstrace.context import Context
from newstrace.store import Store, default_path

app = typer.Typer(
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

    db: Path = default_path()
    use_spacy: bool = True


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"newstrace {version('newstrace')}\n")
        raise typer.Exit()


@app.callback()
def main(
    db: Path = typer.Option(None, "--db", envvar="NEWSTRACE_DB", help="SQLite database file (default: ./newstrace.db)."),
    no_spacy: bool = typer.Option(False, "--no-spacy", help="Skip spaCy NER (faster; knowledge base and lexicons only)."),
    _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, expose_value=False,
                                  help="Print the version and exit."),
) -> None:
    """newstrace: multilingual news in; sourced events, stories and an actor network out."""
    State.db = db or default_path()
    State.use_spacy = not no_spacy


def open_store(*, must_exist: bool = True) -> Store:
    if must_exist and not State.db.exists():
        fail(f"{State.db}: no database here yet; run `newstrace ingest PATH` first or pass --db")
    return Store(State.db)


def make_context(store: Store | None = None) -> Context:
    curated = tuple(store.curated_entities()) if store is not None else ()
    return Context(curated=curated, use_spacy=State.use_spacy)


def display_names(store: Store):
    """The knowledge base plus the provisional entities articles named, for showing ids as names."""
    from newstrace.naming import DisplayNames

    return DisplayNames(make_context(store).kb, store.provisional_entities())


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)
