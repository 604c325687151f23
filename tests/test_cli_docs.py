"""Every command the CLI offers is documented in the README and has help text."""

from __future__ import annotations

from pathlib import Path

import typer.main

from newstrace.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_paths(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from command_paths(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_every_command_is_in_the_readme_with_help():
    root = typer.main.get_command(app)
    paths = list(command_paths(root))
    assert len(paths) >= 15
    for path, command in paths:
        words = " ".join(path)
        assert f"newstrace {words}" in README or f"kb {path[-1]}" in README, f"README does not show `{words}`"
        assert command.help, f"`{words}` has no help text"


def test_readme_opens_with_the_two_setup_commands():
    lines = [line.strip() for line in README.splitlines() if line.strip().startswith("make ")]
    assert [line.split()[1] for line in lines[:2]] == ["demo", "test"]
