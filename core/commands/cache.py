"""``newskit cache info|prune``: inspect and trim the incremental-build cache."""
from __future__ import annotations

import json
from pathlib import Path

import click


def _open(out: str | None, cache_file: str | None):
    from ..cache import Cache, default_path
    from ..cli import EXIT_USAGE, _fail
    from ..config import ConfigError, load_config

    if cache_file:
        path = Path(cache_file)
    else:
        try:
            cfg = load_config(None)
        except ConfigError as e:
            _fail(str(e), EXIT_USAGE)
        path = default_path(out or cfg.out)
    if not path.is_file():
        _fail(f"{path}: no cache here (it is created by the first `newskit run`)", EXIT_USAGE)
    return Cache(path)


_out = click.option("--out", type=click.Path(file_okay=False), help="Output folder whose cache to use (default ./newskit-out).")
_file = click.option("--cache", "cache_file", type=click.Path(dir_okay=False), help="Cache file, instead of --out.")


@click.group("cache")
def cache_cmd() -> None:
    """Inspect or trim the result cache that makes builds incremental.

    \b
    Examples:
      newskit cache info --out report/
      newskit cache prune --older-than 30
    """


@cache_cmd.command("info")
@_out
@_file
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def info(out, cache_file, as_json) -> None:
    """Where the cache is, its size, and its entries per analyzer version."""
    from datetime import datetime

    with _open(out, cache_file) as cache:
        data = cache.info()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data['path']}: {data['bytes'] / 1e6:.1f} MB, {data['documents']} documents")
    for a in data["analyzers"]:
        used = datetime.fromtimestamp(a["last_used"]).isoformat(timespec="minutes")
        click.echo(f"    {a['analyzer']} {a['version']}: {a['entries']} entries, last used {used}")


@cache_cmd.command("prune")
@_out
@_file
@click.option("--older-than", type=click.FloatRange(0), metavar="DAYS", default=30, show_default=True,
              help="Drop entries no build has used for this many days.")
@click.option("--all", "everything", is_flag=True, help="Empty the cache.")
def prune(out, cache_file, older_than, everything) -> None:
    """Drop entries no recent build used (old analyzer versions, deleted articles)."""
    with _open(out, cache_file) as cache:
        docs, results = cache.prune(None if everything else older_than)
    click.echo(f"newskit: removed {docs} documents and {results} results from the cache", err=True)
