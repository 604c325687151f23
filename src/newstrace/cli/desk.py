"""Commands for the desk: watch sources, and alert rules (alerts add/list/remove/import/recent)."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from newstrace.cli.app import App, app, err, fail, make_context, open_store, out, print_json
from newstrace.desk.rules import RuleError, load_rules, make_rule, seconds

alerts_app = App(help="Alert rules: what to watch for and where to send it.", no_args_is_help=True)
app.add_typer(alerts_app, name="alerts")


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _log(line: str) -> None:
    err.print(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S}Z {escape(line)}", highlight=False)


@app.command()
def watch(
    sources: list[str] = typer.Argument(..., help="Feed URLs, folders, or files listing URLs (one a line)."),
    every: str = typer.Option("10m", "--every", help="Time between polls (30s, 10m, 1h)."),
    once: bool = typer.Option(False, "--once", help="Poll once and stop (for cron)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds a server may take to answer."),
    settle: str = typer.Option("5s", "--settle", help="A file changed more recently than this waits a poll."),
    webhook_timeout: float = typer.Option(5.0, "--webhook-timeout", min=0.1, help="Seconds a webhook may take."),
) -> None:
    """Poll feeds, folders and URL lists; ingest what is new, fire alert rules, deliver alerts."""
    from newstrace.desk.cycle import run_cycle
    from newstrace.desk.watch import Watcher

    try:
        pause, settle_s = seconds(every), seconds(settle)
    except RuleError as exc:
        fail(str(exc))
    with open_store(must_exist=False) as store:
        ctx = make_context(store)
        watcher = Watcher(store, ctx, sources, timeout=timeout, settle_s=settle_s)
        try:
            while True:
                report = run_cycle(watcher, _log, sys.stdout, webhook_timeout)
                if once:
                    break
                time.sleep(max(pause, 1))
        except KeyboardInterrupt:
            _log("stopped")
            return
        finally:
            watcher.close()
    if any(line.outcome == "failed" for line in report.lines):
        raise typer.Exit(1)


@alerts_app.command("add")
def alerts_add(
    name: str = typer.Argument(..., help="The rule's name (letters, digits, - _ .)."),
    on: str = typer.Option("event", "--on", help="event (a new event), sources (N independent sources), breaking."),
    actor: list[str] = typer.Option(None, "--actor", help="An actor's id or name; twice for a pair."),
    type_: str = typer.Option(None, "--type", help="A PLOVER event type (CONSULT, ASSAULT …)."),
    mode: str = typer.Option(None, "--mode", help="An event mode (e.g. air-strike)."),
    place: str = typer.Option(None, "--place", help="A place or country, by id or name."),
    language: str = typer.Option(None, "--language", help="A language of the reports (ISO 639-1)."),
    story: str = typer.Option(None, "--story", help="A story id, or words of its title."),
    sources: int = typer.Option(3, "--sources", min=1, help="For --on sources: how many independent sources."),
    window: str = typer.Option("1h", "--window", help="For --on breaking: the recent window."),
    baseline: str = typer.Option("24h", "--baseline", help="For --on breaking: the baseline before it."),
    min_reports: int = typer.Option(3, "--min-reports", min=1, help="For --on breaking: reports needed at least."),
    ratio: float = typer.Option(3.0, "--ratio", min=1.0, help="For --on breaking: times the baseline rate."),
    deliver: str = typer.Option("stdout", "--deliver", help="stdout, a FILE.jsonl, or an http(s) webhook URL."),
) -> None:
    """Add (or replace) an alert rule."""
    actors = list(actor or [])
    if len(actors) > 2:
        fail("a rule names one actor or a pair")
    values = {"name": name, "on": on, "actor": actors[0] if actors else None,
              "actor2": actors[1] if len(actors) > 1 else None, "type": type_, "mode": mode, "place": place,
              "language": language, "story": story, "sources": sources, "window": window, "baseline": baseline,
              "min_reports": min_reports, "ratio": ratio, "deliver": deliver}
    try:
        rule = make_rule(values, _now())
    except RuleError as exc:
        fail(str(exc))
    with open_store(must_exist=False) as store:
        store.add_rule(rule)
    err.print(f"rule {rule.name} kept", highlight=False)


@alerts_app.command("import")
def alerts_import(path: Path = typer.Argument(..., help="A YAML file: a list of rules (or `rules:` holding one).")) -> None:
    """Add (or replace) the alert rules of a YAML file."""
    try:
        rules = load_rules(path.read_text(encoding="utf-8"), str(path), _now())
    except OSError as exc:
        fail(f"{path}: {exc.strerror or type(exc).__name__}")
    except RuleError as exc:
        fail(str(exc))
    with open_store(must_exist=False) as store:
        for rule in rules:
            store.add_rule(rule)
    err.print(f"{len(rules)} rule(s) kept from {path}", highlight=False)


@alerts_app.command("list")
def alerts_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """List the alert rules."""
    from newstrace.store import codec

    with open_store() as store:
        rules = store.rules()
    if as_json:
        print_json([codec.to_plain(r) for r in rules])
        return
    table = Table("name", "on", "matches", "deliver", title=f"{len(rules)} rules")
    for r in rules:
        parts = [f"{k}={getattr(r, k)}" for k in ("actor", "actor2", "type", "mode", "place", "language", "story")
                 if getattr(r, k)]
        if r.on == "sources":
            parts.append(f"sources>={r.sources}")
        table.add_row(escape(r.name), r.on, escape(", ".join(parts) or "everything"), escape(r.deliver))
    out.print(table)


@alerts_app.command("remove")
def alerts_remove(name: str = typer.Argument(..., help="The rule's name.")) -> None:
    """Remove an alert rule (the alerts it fired stay)."""
    with open_store() as store:
        if not store.remove_rule(name):
            fail(f"{name}: no such rule")
    err.print(f"rule {name} removed", highlight=False)


@alerts_app.command("recent")
def alerts_recent(limit: int = typer.Option(50, "--limit", min=1, max=1000),
                  as_json: bool = typer.Option(False, "--json")) -> None:
    """The alerts fired most recently, with their delivery state."""
    from newstrace.desk.deliver import alert_json

    with open_store() as store:
        found = store.alerts(limit)
    if as_json:
        print_json([alert_json(a) for a in found])
        return
    for a in found:
        state = "delivered" if a.delivered_at else f"pending ({a.attempts} failed tries)"
        out.print(f"{a.created_at[:19]}Z {escape(a.rule)} {a.kind}: {escape(a.title)} [{state}]", highlight=False)
