"""One build: read -> cache look-up -> normalize + analyze the rest -> results.json -> reports.

Locked per output folder, written into a dated build folder and published when complete."""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .cache import Cache, _sha, analyzer_bases, doc_key, result_keys
from .cache import default_path as default_cache_path
from .executors import LazyExecutor, run_ordered
from .manifest import HOLD_BYTES, KnownDoc, Manifest, scan
from .pipeline import Engine, RunSettings
from .readers import RawDoc, ReadError, read_inputs
from .results import Spool, documents_span, dumps, read_header, read_summaries, record_line, write_results
from .summaries import Alongside, summarize

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
    rehash: bool = False,
) -> BuildOutcome:
    """Build into ``OUT/builds/<stamp>/`` under the output-folder lock, then publish to ``OUT``.

    Raises :class:`newskit.lock.BuildLocked` when another build holds ``out`` (unless ``wait``).
    ``rehash``: read every input even when the stat manifest (``newskit.manifest``) says it is unchanged.
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
                                  {"build": stamp, "previous": str(previous) if previous else None}, rehash)
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
    # Documents are read from the file on each pass, so memory does not grow with the corpus.
    # The previous build's report state: sections and charts reused where their inputs are unchanged.
    outcome.reports = build_reports(load_results(outcome.results_path, stream=True), folder, report_formats,
                                    registry, previous=previous, reuse_from=previous.parent if previous else None,
                                    keep_state=True)


class _Dedupe:
    """Drop syndicated copies: each near-duplicate is recorded under the first copy seen
    (``found[original id]``) and never analyzed.

    With a cache, each decision is stored under ``prefix``, a running hash of the document keys read
    so far (decisions depend on those documents and nothing else): an unchanged corpus is
    de-duplicated with one look-up per document, without loading datasketch or any signature.  On
    the first decision not in the cache, an index is built from the cached signatures of the
    documents kept so far, and from there on each document is checked against it.

    Signatures a decision will need are computed ahead by ``executor`` (in the workers, alongside
    analysis); only the index and the decisions, in input order, stay in this process."""

    def __init__(self, cache, reference_date, executor=None):
        from .dedupe import NearDuplicates

        self.cache, self.reference_date, self.executor = cache, reference_date, executor
        self.found: dict[str, list] = {}
        self.prefix = NearDuplicates.params()
        self._index = None
        self._kept: list[tuple[str, str]] = []  # (id, doc key) kept while decisions came from the cache

    def __call__(self, raws: Iterable[RawDoc]) -> Iterator[tuple[RawDoc, str | None]]:
        """``(raw, doc key)`` for each document kept (the key is None without a cache)."""
        cache = self.cache
        for raw, dkey, prefix, decision, pending in self._ahead(raws):
            if decision is not None and not decision:
                if self._index is None:
                    self._kept.append((raw.id, dkey))
                else:
                    self._index.remember(raw.id, self._signature(raw, dkey))
            if decision is None:
                decision = self._decide(raw, dkey, pending)
                if cache is not None:
                    cache.store_decision(prefix, json.dumps(decision, ensure_ascii=False))
            if not decision:
                yield raw, dkey
                continue
            self.found.setdefault(decision["original"], []).append(decision["entry"])
            log.info("%s: near-duplicate of %s, not analyzed again", raw.id, decision["original"])

    def _ahead(self, raws: Iterable[RawDoc]) -> Iterator[tuple]:
        """``(raw, doc key, decision prefix, stored decision, pending signature)``, a window ahead of
        the decisions: a document without a stored decision or signature has its signature
        submitted to the executor as soon as it is read."""
        cache, window = self.cache, deque()
        for raw in raws:
            dkey = stored = pending = None
            if cache is not None:
                dkey = getattr(raw, "key", None) or doc_key(raw, self.reference_date)
                self.prefix = _sha(self.prefix, dkey)
                found = cache.decision(self.prefix)
                stored = json.loads(found) if found is not None else None
            if stored is None and self.executor is not None and (cache is None or cache.signature(dkey) is None):
                pending = self.executor.submit_signature(raw.text)
            window.append((raw, dkey, self.prefix, stored, pending))
            if len(window) > (self.executor.window if self.executor is not None else 0):
                yield window.popleft()
        while window:
            yield window.popleft()

    def _signature(self, raw: RawDoc, dkey: str | None, pending=None) -> bytes:
        sig = self.cache.signature(dkey) if self.cache is not None and pending is None else None
        if sig is None:
            if pending is not None:
                sig = self.executor.result(pending)
            else:
                from .dedupe import signature

                sig = signature(raw.text)
            if self.cache is not None:
                self.cache.store_signature(dkey, sig)
        return sig

    def _decide(self, raw: RawDoc, dkey: str | None, pending=None) -> dict:
        if self._index is None:
            from .dedupe import NearDuplicates

            self._index = NearDuplicates()
            for doc_id, key in self._kept:  # stored decisions imply stored signatures (prune drops both)
                sig = self.cache.signature(key)
                if sig is None:
                    log.warning("%s: near-duplicate signature missing from the cache; not compared", doc_id)
                self._index.remember(doc_id, sig or b"")
            self._kept.clear()
        original = self._index.check_signature(raw.id, self._signature(raw, dkey, pending))
        if original is None:
            return {}
        from .normalize import to_document

        meta = to_document(raw, self.reference_date).meta
        return {"original": original,
                "entry": {"id": raw.id, "source": meta.get("source"), "title": meta.get("title"), "date": meta.get("date")}}


def _with_duplicates(lines: Iterable[str], found: dict[str, list]) -> Iterator[dict | str]:
    """Spooled record lines, written through except those of documents that have copies."""
    if not found:
        yield from lines
        return
    decoder = json.JSONDecoder()
    for line in lines:
        doc_id = decoder.raw_decode(line, line.index(":") + 1 + (line[line.index(":") + 1] == " "))[0]
        if doc_id in found:
            rec = json.loads(line)
            rec["duplicates"] = found[doc_id]
            yield rec
        else:
            yield line


def _corpus_fingerprint(dedupe_prefix: str, engine: Engine) -> str:
    """Identifies everything the summaries depend on: every document key in order (the de-duplication
    prefix), and each analyzer's name, version and configuration."""
    bases = analyzer_bases(engine.analyzers)
    return _sha(__version__, dedupe_prefix, *(f"{n}={b}" for n, b in bases.items()))[:32]


def _unchanged_since(previous: str | None, docs: list, engine: Engine, cache) -> dict | None:
    """The previous build's run header when the corpus and analyzers are exactly as they were then.

    ``docs``: the scanned inputs with their keys (most known from the stat manifest, unread);
    compares the corpus fingerprint and looks nothing else up."""
    if not previous or cache is None:
        return None
    try:
        run = (read_header(previous) or {}).get("run") or {}
    except (OSError, ValueError):
        return None
    if not run.get("corpus") or run.get("summary_errors"):
        return None
    from .dedupe import NearDuplicates

    prefix = NearDuplicates.params()
    for doc in docs:
        prefix = _sha(prefix, doc.key)
    if _corpus_fingerprint(prefix, engine) != run["corpus"] or documents_span(previous) is None:
        return None
    bases = analyzer_bases(engine.analyzers)
    cache.touch([d.key for d in docs], lambda dkey: result_keys(dkey, engine.analyzers, bases).values())
    return run


def _copy_documents(previous: str, f) -> None:
    """Copy the document lines of a results file written by ``write_results``, byte for byte."""
    start, stop = documents_span(previous)
    with open(previous, "rb") as src:
        left = stop - start
        f.flush()
        try:  # in the kernel (a reflink on filesystems that share blocks), not through Python buffers
            while left > 0:
                done = os.copy_file_range(src.fileno(), f.fileno(), left, start + (stop - start - left))
                if done <= 0:
                    break
                left -= done
        except (AttributeError, OSError):  # not Linux, or not between these files: copy below
            pass
        f.seek(0, os.SEEK_END)
        src.seek(stop - left)
        while left > 0:
            chunk = src.read(min(left, 1 << 20))
            if not chunk:
                break
            f.write(chunk)
            left -= len(chunk)


def _previous_summaries(previous: str | None, corpus: str | None) -> dict | None:
    """The previous build's summaries when it covered the same corpus with the same analyzers."""
    if not previous or not corpus:
        return None
    try:
        run = (read_header(previous) or {}).get("run") or {}
    except (OSError, ValueError):
        return None
    if run.get("corpus") != corpus or run.get("summary_errors"):
        return None
    return read_summaries(previous)


def _cache_items(raws: Iterable[tuple[RawDoc, str | None]], engine: Engine, cache) -> Iterator[tuple]:
    """Work items for the executors: full cache hits come back as ready records, never sent anywhere."""
    if cache is None:
        for raw, _ in raws:
            yield raw, None, None, None
        return
    bases = analyzer_bases(engine.analyzers)
    for raw, dkey in raws:
        keys = result_keys(dkey, engine.analyzers, bases)
        doc, found = cache.lookup(dkey, keys)
        if doc is not None and len(found) == len(keys):
            yield raw, None, _record_line(doc, keys, found), None
        else:
            if isinstance(raw, KnownDoc):  # unchanged on disk but not cached (pruned, analyzer updated): read it
                raw = raw.load()
                if raw.key != dkey:  # edited since the scan: what is analyzed is what was read
                    dkey, keys, found = raw.key, result_keys(raw.key, engine.analyzers, bases), {}
            yield raw, {n: json.loads(v) for n, v in found.items()}, None, (dkey, keys, set(found))


def _record_line(doc: dict, keys, found: dict[str, str]) -> str:
    """A results.json document line assembled from cached JSON text (no decode/encode round trip);
    the same bytes ``Spool.add`` writes for the equivalent record."""
    fields = [("id", dumps(doc["id"])), ("hash", dumps(doc["hash"])), ("meta", doc["meta"]),
              ("results", None), ("duplicates", "[]")]
    return record_line(fields, {n: found[n] for n in keys})


def _build_into(folder: Path, inputs, settings, registry, jobs, formats, progress, executor, scheduler,
                use_cache, cache_path, run_extra: dict, rehash: bool = False) -> BuildOutcome:
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    engine = Engine(settings, registry)
    read_errors: list[ReadError] = []
    spool = Spool(folder)
    analyzer_errors = cached = 0
    cache = Cache(cache_path) if use_cache else None
    kind = executor if executor != "auto" else ("processes" if jobs > 1 else "serial")
    versions = {a.name: str(a.version) for a in engine.analyzers}
    try:
        previous = run_extra.get("previous")
        # Inputs are read (or vouched for by the stat manifest) and hashed once, here.
        manifest = Manifest(cache.db, settings.reference_date, rehash) if cache is not None else None
        docs = scan(inputs, manifest, settings.reference_date, read_errors, HOLD_BYTES if previous and cache else None)
        if previous and cache is not None:
            docs = list(docs)
        unchanged = _unchanged_since(previous, docs, engine, cache)
        if unchanged is not None:  # same documents, same analyzers: the previous build's records and summaries
            log.info("nothing changed since %s: its records and summaries are reused", previous)
            count, cached, duplicates_count = unchanged["documents"], unchanged["documents"], unchanged["duplicates"]
            cache.hits += unchanged["cache"]["hits"] + unchanged["cache"]["misses"]
            summaries, summary_errors, corpus = read_summaries(previous), {}, unchanged["corpus"]
            documents = lambda f: _copy_documents(previous, f)  # noqa: E731
        else:
            raws = docs
            # Other processes analyze: summarize alongside, in this process's spare time.
            alongside = Alongside(engine.analyzers) if kind != "serial" else None
            try:
                with LazyExecutor(kind, engine, jobs, scheduler) as ex:
                    dedupe = _Dedupe(cache, settings.reference_date, ex)
                    duplicates = dedupe.found
                    raws = dedupe(raws)
                    for item, rec in progress(run_ordered(ex, _cache_items(raws, engine, cache), engine)):
                        if isinstance(rec, str):  # a full cache hit, already serialized
                            cached += 1
                            line = rec
                        else:
                            analyzer_errors += rec.errors
                            if cache is not None and item[3] is not None:
                                dkey, keys, already = item[3]
                                cache.store(dkey, rec, keys, versions, skip=already)
                            line = rec.line()
                        spool.add_line(line)
                        if alongside is not None:
                            alongside.add(line)
            finally:
                if alongside is not None:
                    alongside.close()
            if cache is not None:
                cache.flush()
            spool.close()
            corpus = _corpus_fingerprint(dedupe.prefix, engine) if cache is not None and not analyzer_errors else None
            reused = _previous_summaries(run_extra.get("previous"), corpus)
            if reused is not None:  # unchanged corpus: the previous build's
                summaries, summary_errors = dict(reused), {}
            elif alongside is not None:
                summaries, summary_errors = alongside.finish()
            else:
                summaries, summary_errors = summarize(engine.analyzers, lambda: iter(spool))
            count, duplicates_count = spool.count, sum(len(v) for v in duplicates.values())
            documents = _with_duplicates(spool.lines(), duplicates)
        header = {
            "newskit": {"version": __version__},
            "run": {
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - t0, 3),
                "inputs": [str(i) for i in inputs],
                "documents": count,
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
                "duplicates": duplicates_count,
                "executor": kind,
                "corpus": corpus,
                "cache": {"path": str(cache.path), "hits": cache.hits, "misses": cache.misses} if cache else None,
                **run_extra,
            },
        }
        results_path = folder / "results.json"
        write_results(results_path, header, documents, summaries)
    finally:
        spool.remove()
        if cache is not None:
            cache.close()
    return BuildOutcome(results_path, header["run"]["documents"], read_errors, analyzer_errors, cached=cached)
