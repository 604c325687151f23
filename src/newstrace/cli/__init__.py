"""The `newstrace` command: thin commands that parse, call the library and print."""

from __future__ import annotations

from newstrace.cli.app import app
from newstrace.cli import articles, batch, desk, events, kb, serve, timeline  # noqa: F401  (registers the commands)

__all__ = ["app"]
