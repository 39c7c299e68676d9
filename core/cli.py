"""The ``newskit`` command line.  Heavy libraries load only inside the commands that need them.

Exit codes: 0 success; 1 unexpected failure; 2 bad usage, configuration or input;
3 no readable documents; 4 a plugin failed under --strict; 5 another build holds the output folder.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__

EXIT_FAILURE, EXIT_USAGE, EXIT_NO_DOCUMENTS, EXIT_PLUGIN, EXIT_LOCKED = 1, 2, 3, 4, 5


def _fail(message: str, code: int) -> None:
    click.echo(f"newskit: error: {message}", err=True)
    sys.exit(code)


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskit")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def cli(verbose: int, quiet: bool) -> None:
    """Text analytics for Chinese tech news: companies, sentiment, stance, rivalries.

    \b
    Examples:
      newskit run                          # analyze the bundled samples
      newskit run ~/articles --plugins stance,sentiment --out report/
      newskit report report/results.json --format md,pdf
      newskit plugins
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="newskit: %(levelname)s: %(message)s", stream=sys.stderr)
    logging.getLogger("newskit").setLevel(level)


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--plugins", "plugins_opt", multiple=True, metavar="LIST",
              help="Analyzers to run, comma-separated (their requirements are added). Default: all.")
@click.option("--format", "formats", multiple=True, metavar="LIST", help="Outputs: md,pdf,json,csv (default md,pdf,json).")
@click.option("--out", "out", type=click.Path(file_okay=False), help="Output folder (default ./newskit-out).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help="Worker processes (default 1).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Project file (default ./newskit.toml).")
@click.option("--kb", "knowledge", multiple=True, type=click.Path(dir_okay=False), help="Extra knowledge-base file (repeatable).")
@click.option("--reference-date", help="Date (YYYY-MM-DD) to resolve relative dates such as '3 天前'.")
@click.option("--strict", is_flag=True, help="Plugin failures stop the run (for plugin developers).")
@click.option("--executor", type=click.Choice(["auto", "serial", "processes", "dask"]), default="auto", show_default=True,
              help="Where documents are analyzed (auto: processes when --jobs > 1).")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster).")
@click.option("--no-cache", is_flag=True, help="Analyze everything again; do not read or write the result cache.")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), help="Cache file (default OUT/.newskit-cache.sqlite or $NEWSKIT_CACHE_DIR).")
@click.option("--wait", is_flag=True, help="Wait for another build on the same output folder instead of exiting (code 5).")
@click.option("--keep", type=click.IntRange(1), default=30, show_default=True, help="Dated builds kept in OUT/builds/.")
@click.option("--rehash", is_flag=True, help="Read and hash every input, even files whose size, times and inode are unchanged.")
def run(inputs, plugins_opt, formats, out, jobs, config_path, knowledge, reference_date, strict,
        executor, scheduler, no_cache, cache_path, wait, keep, rehash) -> None:
    """Analyze articles and write results.json plus reports.

    INPUT is any number of files or folders (.txt .md .html .json .jsonl .csv);
    with none, the bundled sample corpus is analyzed.

    \b
    Examples:
      newskit run
      newskit run articles/ --plugins stance,sentiment
      newskit run feed.jsonl --format json --out out/ --jobs 2
      newskit run articles/ --executor dask --scheduler tcp://10.0.0.5:8786

    Incremental: only new or changed articles (or analyzers whose version or settings
    changed) are analyzed; each build lands in OUT/builds/<date>/ with OUT/latest
    pointing at it, and OUT/results.json, OUT/report.md are the latest build's.
    """
    from .build import build, default_inputs
    from .lock import BuildLocked
    from .config import ConfigError, load_config
    from .pipeline import RunSettings, SelectionError, resolve
    from .plugin_manager import PluginError, load

    try:
        cfg = load_config(config_path)
    except ConfigError as e:
        _fail(str(e), EXIT_USAGE)
    inputs = list(inputs) or cfg.inputs or default_inputs()
    missing = [i for i in inputs if not Path(i).exists()]
    if missing:
        _fail(f"{missing[0]}: no such file or folder", EXIT_USAGE)
    formats = _split(formats) or cfg.formats
    bad = [f for f in formats if f not in ("md", "pdf", "json", "csv")]
    if bad:
        _fail(f"unknown format {bad[0]!r}; choose from md, pdf, json, csv", EXIT_USAGE)
    try:
        registry = load(strict=strict)
        order = resolve(registry.analyzers, _split(plugins_opt) or cfg.analyzers or None)
    except PluginError as e:
        _fail(str(e), EXIT_PLUGIN)
    except SelectionError as e:
        _fail(str(e), EXIT_USAGE)
    settings = RunSettings(
        analyzers=order,
        plugin_settings=cfg.plugins,
        knowledge_files=cfg.knowledge + list(knowledge),
        strict=strict,
        reference_date=reference_date or cfg.reference_date,
    )
    out_dir = Path(out or cfg.out)
    try:
        outcome = build(inputs, out_dir, settings, registry, jobs=jobs or cfg.jobs, formats=formats, progress=_progress,
                        executor=executor, scheduler=scheduler, use_cache=cfg.cache and not no_cache,
                        cache_path=Path(cache_path) if cache_path else None, wait=wait, keep=keep, rehash=rehash)
    except BuildLocked as e:
        _fail(str(e), EXIT_LOCKED)
    except PluginError as e:
        _fail(str(e), EXIT_PLUGIN)
    except Exception as e:
        if strict:
            _fail(f"{type(e).__name__}: {e}", EXIT_PLUGIN)
        raise
    if outcome.documents == 0:
        _fail("no readable documents in " + ", ".join(map(str, inputs)), EXIT_NO_DOCUMENTS)
    written = [outcome.results_path, *outcome.reports]
    cached = f" ({outcome.cached} from the cache)" if outcome.cached else ""
    click.echo(f"newskit: {outcome.documents} documents analyzed with {', '.join(order)}{cached}; "
               f"wrote {', '.join(str(p) for p in written)} (build {outcome.build_dir.name if outcome.build_dir else '-'})", err=True)
    if outcome.read_errors:
        click.echo(f"newskit: {len(outcome.read_errors)} file(s) skipped (see the report's run information)", err=True)


def _progress(iterable):
    from tqdm import tqdm

    return tqdm(iterable, desc="analyzing", unit="doc", file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)


@cli.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins_cmd(as_json: bool) -> None:
    """List installed plugins and the analyzers they provide."""
    from .plugin_manager import load

    reg = load()
    rows = []
    for info in reg.plugins.values():
        analyzers = [reg.analyzers[a] for a in info.analyzers]
        rows.append({
            "plugin": info.name, "distribution": info.distribution, "version": info.version,
            "status": info.status, "error": info.error,
            "analyzers": [{"name": a.name, "version": a.version, "requires": list(a.requires),
                           "description": a.description} for a in analyzers],
        })
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        status = r["status"] if r["status"] != "failed" else f"FAILED: {r['error']}"
        click.echo(f"{r['plugin']:<16} {r['distribution']} {r['version']}  [{status}]")
        for a in r["analyzers"]:
            req = f" (requires {', '.join(a['requires'])})" if a["requires"] else ""
            click.echo(f"    {a['name']} {a['version']}{req}  {a['description']}")


@cli.command()
@click.argument("results_file", type=click.Path(dir_okay=False))
@click.option("--format", "formats", multiple=True, metavar="LIST", help="md,pdf,csv (default md,pdf).")
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: beside results.json).")
@click.option("--compare", "compare", type=click.Path(dir_okay=False),
              help="An earlier results.json: add a 'what changed' section (default: the build this one followed, if kept).")
def report(results_file, formats, out, compare) -> None:
    """Rebuild reports from a results.json without analysing again.

    \b
    Examples:
      newskit report newskit-out/results.json --format md,pdf
      newskit report newskit-out/results.json --compare newskit-out/builds/2026-11-01T0700/results.json
    """
    from .results import ResultsError, load_results
    from newskit.reports import FORMATS, build_reports

    formats = _split(formats) or ["md", "pdf"]
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        _fail(f"unknown format {bad[0]!r}; choose from {', '.join(FORMATS)}", EXIT_USAGE)
    try:
        results = load_results(results_file)
        previous = load_results(compare) if compare else None
    except ResultsError as e:
        _fail(str(e), EXIT_USAGE)
    written = build_reports(results, Path(out or Path(results_file).parent), formats, previous=previous)
    click.echo("newskit: wrote " + ", ".join(map(str, written)), err=True)


# Subcommands that live in their own modules (core/commands/).  Keep them import-light.
# (one line per command module)
from .commands.cache import cache_cmd; cli.add_command(cache_cmd)  # noqa: E402,E702
from .commands.target_sentiment import target_sentiment; cli.add_command(target_sentiment)  # noqa: E402,E702
from .commands.clean import clean_cmd; cli.add_command(clean_cmd)  # noqa: E402,E702
from .commands.kb import kb as kb_cmd; cli.add_command(kb_cmd)  # noqa: E402,E702


def main() -> None:
    cli(prog_name="newskit")

