"""One build: read -> cache look-up -> normalize + analyze the rest -> results.json -> reports.

Locked per output folder, written into a dated build folder and published when complete."""
from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .cache import Cache, analyzer_bases, doc_key, result_keys
from .cache import default_path as default_cache_path
from .executors import LazyExecutor, run_ordered
from .pipeline import Engine, RunSettings
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
    build_dir: Path | None = None
    cached: int = 0  # documents served entirely from the cache


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
    executor: str = "auto",
    scheduler: str | None = None,
    use_cache: bool = True,
    cache_path: Path | None = None,
    wait: bool = False,
    keep: int | None = 30,
) -> BuildOutcome:
    """Build into ``OUT/builds/<stamp>/`` under the output-folder lock, then publish to ``OUT``.

    Raises :class:`newskit.lock.BuildLocked` when another build holds ``out`` (unless ``wait``).
    """
    from .archive import finish_build, previous_results, start_build
    from .lock import build_lock

    out = Path(out)
    with build_lock(out, wait=wait):
        partial, stamp = start_build(out)
        previous = previous_results(out)
        try:
            outcome = _build_into(partial, inputs, settings, registry, jobs, formats, progress,
                                  executor, scheduler, use_cache, cache_path or default_cache_path(out),
                                  {"build": stamp, "previous": str(previous) if previous else None})
            _write_reports(outcome, partial, formats, registry, previous)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        final = finish_build(out, partial, stamp, keep)
    outcome.build_dir = final
    outcome.results_path = out / outcome.results_path.name
    outcome.reports = [out / p.relative_to(partial).parts[0] for p in outcome.reports]
    return outcome


def _write_reports(outcome: BuildOutcome, folder: Path, formats, registry, previous: Path | None) -> None:
    report_formats = [f for f in formats if f != "json"]
    if not report_formats:
        return
    from .results import load_results
    from newskit.reports import build_reports

    # ``previous``: the previous build's results.json, for the report's "what changed" section.
    outcome.reports = build_reports(load_results(outcome.results_path), folder, report_formats, registry,
                                    previous=previous)


def _dedupe(raws: Iterable[RawDoc], cache, reference_date, found: dict[str, list]) -> Iterator[RawDoc]:
    """Drop syndicated copies: each near-duplicate is recorded under the first copy seen
    (``found[original id]``) and never analyzed.  Signatures are cached per document, so an
    unchanged corpus is compared without re-shingling it."""
    from .dedupe import NearDuplicates

    nd = NearDuplicates()
    for raw in raws:
        dkey = doc_key(raw, reference_date) if cache is not None else None
        sig = cache.signature(dkey) if cache is not None else None
        if sig is None:
            sig = nd.signature(raw.text)
            if cache is not None:
                cache.store_signature(dkey, sig)
        original = nd.check_signature(raw.id, sig)
        if original is None:
            yield raw
            continue
        from .normalize import to_document

        meta = to_document(raw, reference_date).meta
        found.setdefault(original, []).append(
            {"id": raw.id, "source": meta.get("source"), "title": meta.get("title"), "date": meta.get("date")})
        log.info("%s: near-duplicate of %s, not analyzed again", raw.id, original)


def _with_duplicates(records: Iterable[dict], found: dict[str, list]) -> Iterator[dict]:
    for rec in records:
        if rec["id"] in found:
            rec["duplicates"] = found[rec["id"]]
        yield rec


def _cache_items(raws: Iterable[RawDoc], engine: Engine, cache) -> Iterator[tuple]:
    """Work items for the executors: full cache hits come back as ready records, never sent anywhere."""
    if cache is None:
        for raw in raws:
            yield raw, None, None, None
        return
    bases = analyzer_bases(engine.analyzers)
    for raw in raws:
        dkey = doc_key(raw, engine.settings.reference_date)
        keys = result_keys(dkey, engine.analyzers, bases)
        doc, found = cache.lookup(dkey, keys)
        if doc is not None and len(found) == len(keys):
            yield raw, None, _record_line(doc, keys, found), None
        else:
            yield raw, {n: json.loads(v) for n, v in found.items()}, None, (dkey, keys, set(found))


def _record_line(doc: dict, keys, found: dict[str, str]) -> str:
    """A results.json document line assembled from cached JSON text (no decode/encode round trip);
    the same bytes ``Spool.add`` writes for the equivalent record."""
    results = ", ".join(f"{json.dumps(n)}: {found[n]}" for n in keys)
    return (f'{{"id": {json.dumps(doc["id"], ensure_ascii=False)}, "hash": {json.dumps(doc["hash"])}, '
            f'"meta": {doc["meta"]}, "results": {{{results}}}, "duplicates": []}}')


class _Spool(Spool):
    def add_line(self, line: str) -> None:
        """Append a record already serialized as one JSON line."""
        self._f.write(line + "\n")
        self.count += 1


def _build_into(folder: Path, inputs, settings, registry, jobs, formats, progress, executor, scheduler,
                use_cache, cache_path, run_extra: dict) -> BuildOutcome:
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    engine = Engine(settings, registry)
    read_errors: list[ReadError] = []
    spool = _Spool(folder)
    analyzer_errors = cached = 0
    cache = Cache(cache_path) if use_cache else None
    kind = executor if executor != "auto" else ("processes" if jobs > 1 else "serial")
    versions = {a.name: str(a.version) for a in engine.analyzers}
    try:
        raws = _raws(inputs, read_errors, lambda e: log.warning("skipped %s", e))
        duplicates: dict[str, list] = {}
        raws = _dedupe(raws, cache, settings.reference_date, duplicates)
        with LazyExecutor(kind, engine, jobs, scheduler) as ex:
            for item, rec in progress(run_ordered(ex, _cache_items(raws, engine, cache), engine)):
                if isinstance(rec, str):  # a full cache hit, already serialized
                    cached += 1
                    spool.add_line(rec)
                    continue
                analyzer_errors += len(rec.get("errors", {}))
                if cache is not None and item[3] is not None:
                    dkey, keys, already = item[3]
                    cache.store(dkey, rec, keys, versions, skip=already)
                spool.add(rec)
        if cache is not None:
            cache.flush()
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
                "duplicates": sum(len(v) for v in duplicates.values()),
                "executor": kind,
                "cache": {"path": str(cache.path), "hits": cache.hits, "misses": cache.misses} if cache else None,
                **run_extra,
            },
        }
        results_path = folder / "results.json"
        write_results(results_path, header, _with_duplicates(iter(spool), duplicates), summaries)
    finally:
        spool.remove()
        if cache is not None:
            cache.close()
    return BuildOutcome(results_path, header["run"]["documents"], read_errors, analyzer_errors, cached=cached)
