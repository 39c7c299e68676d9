"""One build: read -> normalize -> analyze -> results.json -> reports, written atomically."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .pipeline import Engine, RunSettings, execute
from .readers import RawDoc, ReadError, read_inputs
from .results import Spool, write_results

log = logging.getLogger("newskit.build")


def default_inputs() -> list[str]:
    """The bundled sample corpus, used when no input is given."""
    from importlib.resources import files

    return [str(files("newskit.seeds"))]


@dataclass
class BuildOutcome:
    results_path: Path
    documents: int
    read_errors: list[ReadError] = field(default_factory=list)
    analyzer_errors: int = 0
    reports: list[Path] = field(default_factory=list)


def _raws(inputs: Iterable[str], errors: list[ReadError], on_error: Callable[[ReadError], None]) -> Iterator[RawDoc]:
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            errors.append(item)
            on_error(item)
        else:
            yield item


def build(
    inputs: list[str],
    out: Path,
    settings: RunSettings,
    registry,
    jobs: int = 1,
    formats: Iterable[str] = ("md", "json"),
    progress: Callable[[Iterable], Iterable] = lambda it: it,
) -> BuildOutcome:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    engine = Engine(settings, registry)
    read_errors: list[ReadError] = []
    spool = Spool(out)
    analyzer_errors = 0
    try:
        raws = _raws(inputs, read_errors, lambda e: log.warning("skipped %s", e))
        for rec in progress(execute(engine, raws, jobs)):
            analyzer_errors += len(rec.get("errors", {}))
            spool.add(rec)
        spool.close()
        summaries, summary_errors = {}, {}
        for a in engine.analyzers:
            try:
                value = a.summarize(iter(spool))
            except Exception as e:
                summary_errors[a.name] = f"{type(e).__name__}: {e}"
                log.warning("analyzer %s failed to summarize: %s", a.name, e)
                continue
            if value is not None:
                summaries[a.name] = value
        header = {
            "newskit": {"version": __version__},
            "run": {
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - t0, 3),
                "inputs": [str(i) for i in inputs],
                "documents": spool.count,
                "jobs": jobs,
                "analyzers": [
                    {"name": a.name, "version": a.version, "requires": list(a.requires),
                     "plugin": registry.analyzer_plugin.get(a.name),
                     "distribution": registry.plugins[registry.analyzer_plugin[a.name]].distribution
                     if registry.analyzer_plugin.get(a.name) in registry.plugins else None}
                    for a in engine.analyzers
                ],
                "timings": {k: round(v, 3) for k, v in engine.timings.items()},
                "read_errors": [{"file": e.path, "error": e.error} for e in read_errors],
                "plugin_failures": [{"plugin": p.name, "distribution": p.distribution, "error": p.error}
                                    for p in registry.failures()],
                "summary_errors": summary_errors,
            },
        }
        results_path = out / "results.json"
        write_results(results_path, header, iter(spool), summaries)
    finally:
        spool.remove()
    outcome = BuildOutcome(results_path, header["run"]["documents"], read_errors, analyzer_errors)
    report_formats = [f for f in formats if f != "json"]
    if report_formats:
        from .results import load_results
        from newskit.reports import build_reports

        outcome.reports = build_reports(load_results(results_path), out, report_formats, registry)
    return outcome
