"""``newskit kb``: look up and validate knowledge-base entries."""
from __future__ import annotations

import json

import click


@click.group("kb")
def kb() -> None:
    """Look up the knowledge base and validate knowledge-base files."""


@kb.command("show")
@click.argument("name")
@click.option("--kb", "knowledge", multiple=True, type=click.Path(dir_okay=False), help="Extra knowledge-base file (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
def show(name: str, knowledge: tuple, as_json: bool) -> None:
    """Print the entry NAME links to (a company, alias, unit, product or person)."""
    from newskit.kb import KnowledgeError, load_kb

    try:
        base = load_kb(knowledge)
    except KnowledgeError as e:
        _fail(str(e))
    found = base.lookup(name)
    if found is None:
        _fail(f"{name!r} is not in the knowledge base")
    ent, how = found
    root = base.root(ent.name)
    data = ent.to_dict() | {"matched": name, "matched_as": how, "rolls_up_to": root}
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"{name} -> {ent.name} ({how}; type {ent.type}; rolls up to {root})")
    for key in ("aliases", "units", "products", "ambiguous"):
        if data[key]:
            click.echo(f"  {key}: {', '.join(data[key])}")
    if ent.parent:
        kept = " (reported under its own name)" if root == ent.name else ""
        click.echo(f"  parent: {ent.parent}{kept}")
    for p in ent.people:
        dates = f" ({p.since or '?'}–{p.until})" if p.until else (f" (since {p.since})" if p.since else "")
        click.echo(f"  person: {p.name}, {p.role}{dates}")
    click.echo(f"  source: {ent.source}")


@kb.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
def validate(files: tuple) -> None:
    """Check knowledge-base FILES (with the bundled KB): format, fields, parents, name clashes.
    Without FILES, check the bundled knowledge base itself."""
    from newskit.kb import KnowledgeError, bundled_files, load_kb

    try:
        base = load_kb(files)
    except KnowledgeError as e:
        _fail(str(e))
    own = set(map(str, files or bundled_files()))
    problems = [p for p in base.problems() if any(f in p for f in own) or p.startswith("group ")]
    for p in problems:
        click.echo(p, err=True)
    if problems:
        raise SystemExit(2)
    added = [e for e in base.entities.values() if e.source in own]
    click.echo(f"ok: {len(own)} file(s), {len(added)} entities defined or extended")


def _fail(message: str) -> None:
    click.echo(f"newskit: error: {message}", err=True)
    raise SystemExit(2)
