"""`python -m newstrace.cli`."""

from newstrace.cli import app

app()
