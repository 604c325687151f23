"""Commands for the knowledge base: kb search/show/add/alias/import-wikidata, entities."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from newstrace.cli.app import App, app, err, fail, make_context, open_store, out, print_json

kb_app = App(help="Query and curate the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


def _kb(must_exist: bool = False):
    store = open_store(must_exist=must_exist)
    return store, make_context(store).kb


@kb_app.command("search")
def kb_search(
    name: str = typer.Argument(..., help="A name in any language or script."),
    limit: int = typer.Option(10, "--limit", min=1, max=100),
    as_json: bool = typer.Option(False, "--json", help="Print [{id, name, kind, score}]."),
) -> None:
    """Find entities by name, best match first."""
    store, kb = _kb()
    with store:
        hits = kb.search(name, limit=limit)
    if as_json:
        print_json([{"id": h.entity_id, "name": h.name, "kind": h.kind, "score": round(h.score, 3)} for h in hits])
        return
    table = Table("id", "name", "kind", "score")
    for h in hits:
        table.add_row(h.entity_id, escape(h.name), h.kind, f"{h.score:.2f}")
    out.print(table)


@kb_app.command("show")
def kb_show(entity_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    """Show an entity: names in every language, roles with dates, ids."""
    store, kb = _kb()
    with store:
        entity = kb.get(entity_id)
    if entity is None:
        fail(f"{entity_id}: no such entity")
    from newstrace.store.codec import to_plain

    if as_json:
        print_json(to_plain(entity))
        return
    out.print(f"[bold]{escape(entity.canonical_name)}[/bold] ({entity.kind}) {entity.id}"
              f" wikidata={entity.wikidata or '-'} geonames={entity.geonames or '-'} country={entity.country or '-'}")
    for lang, names in sorted(entity.names.items()):
        out.print(f"  {lang}: {escape(', '.join(names))}", highlight=False)
    for role in entity.roles:
        span = f"{role.start or '?'} – {role.end or 'now'}"
        out.print(f"  role {role.title} {role.country or ''} {role.org_id or ''} {span}{' (uncertain)' if role.uncertain else ''}")


@kb_app.command("add")
def kb_add(
    kind: str = typer.Option(..., "--kind", help="person | org | place | country"),
    name: str = typer.Option(..., "--name", help="Canonical (English) name."),
    wikidata: str = typer.Option(None, "--wikidata", help="Wikidata QID (becomes the id)."),
    alias: list[str] = typer.Option([], "--alias", help="LANG:NAME, repeatable."),
    acronym: list[str] = typer.Option([], "--acronym", help="Short form matched case-sensitively, repeatable."),
    country: str = typer.Option(None, "--country", help="ISO 3166-1 alpha-2."),
) -> None:
    """Add (or replace) a curated entity, kept in the database across KB upgrades."""
    from newstrace.knowledge.curation import new_entity

    names: dict[str, list[str]] = defaultdict(list)
    for item in alias:
        lang, sep, text = item.partition(":")
        if not sep or not text.strip():
            fail(f"--alias {item!r}: expected LANG:NAME")
        names[lang.strip()].append(text.strip())
    try:
        entity = new_entity(kind, name, names, wikidata=wikidata, country=country, acronyms=acronym)
    except ValueError as exc:
        fail(str(exc))
    with open_store(must_exist=False) as store:
        store.save_curated(entity)
    err.print(f"added {entity.id} ({entity.canonical_name}); `newstrace reprocess` links it in stored articles")


@kb_app.command("alias")
def kb_alias(
    entity_id: str = typer.Argument(...),
    name: str = typer.Argument(..., help="The new alias."),
    lang: str = typer.Option("und", "--lang", help="Language of the alias."),
    acronym: bool = typer.Option(False, "--acronym", help="A short form, matched case-sensitively."),
) -> None:
    """Add an alias to an entity (curated, kept across KB upgrades)."""
    from newstrace.knowledge.curation import with_alias

    store, kb = _kb()
    with store:
        entity = kb.get(entity_id)
        if entity is None:
            fail(f"{entity_id}: no such entity")
        try:
            store.save_curated(with_alias(entity, name, lang, acronym))
        except ValueError as exc:
            fail(str(exc))
    err.print(f"alias {name!r} [{lang}] added to {entity_id}")


@kb_app.command("import-wikidata")
def kb_import_wikidata(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Wikidata JSON dump (.json, .gz, .bz2)."),
    kind: list[str] = typer.Option([], "--type", help="person | org | place | country or a P31 QID (repeatable)."),
    lang: list[str] = typer.Option([], "--lang", help="Keep names in these languages (repeatable)."),
    ids_file: Path = typer.Option(None, "--ids", exists=True, help="File with one QID per line to keep."),
) -> None:
    """Import entities from a Wikidata JSON dump, streamed, into the curated store."""
    from newstrace.knowledge.curation import country_codes
    from newstrace.knowledge.wikidata import iter_wikidata_entities

    ids = frozenset(ids_file.read_text().split()) if ids_file is not None else None
    count = 0
    store, kb = _kb()
    with store:
        entities = iter_wikidata_entities(
            path, types=kind or None, languages=lang or None, ids=ids,
            country_codes=country_codes(list(kb.entities())),
            on_error=lambda line, reason: err.print(f"[yellow]skipped[/yellow] {path}: line {line}: {escape(reason)}"),
        )
        for entity in entities:
            store.save_curated(entity)
            count += 1
    err.print(f"imported {count} entities from {path}")


@app.command()
def entities(
    as_json: bool = typer.Option(False, "--json"),
    limit: int = typer.Option(50, "--limit", min=1),
) -> None:
    """List linked entities with their mention counts per language."""
    store, kb = _kb(must_exist=True)
    with store:
        counts = store.entity_mention_counts()
        from newstrace.naming import DisplayNames

        kb = DisplayNames(kb, store.provisional_entities())
    per_entity: dict[str, dict] = {}
    for c in counts:
        entry = per_entity.setdefault(c.entity_id, {"id": c.entity_id, "kind": c.kind, "mentions": 0, "languages": {}})
        entry["mentions"] += c.mentions
        entry["languages"][c.language] = entry["languages"].get(c.language, 0) + c.mentions
    rows = sorted(per_entity.values(), key=lambda e: (-e["mentions"], e["id"]))[:limit]
    for row in rows:
        entity = kb.get(row["id"])
        row["name"] = entity.canonical_name if entity else row["id"]
        row["provisional"] = entity is None or entity.provisional
    if as_json:
        print_json(rows)
        return
    table = Table("id", "name", "kind", "mentions", "by language")
    for row in rows:
        langs = " ".join(f"{k}:{v}" for k, v in sorted(row["languages"].items()))
        table.add_row(row["id"], escape(row["name"]), row["kind"], str(row["mentions"]), langs)
    out.print(table)
