"""Run analyzers over documents: dependency resolution, per-document isolation, executors.

Workers receive raw records and plain settings (:class:`RunSettings`), never plugin managers;
each worker process rebuilds the registry once and reuses loaded resources for every document.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .analyzer import Analyzer
from .document import Document
from .readers import RawDoc

log = logging.getLogger("newskit.pipeline")


class SelectionError(ValueError):
    """Unknown analyzer names or a dependency cycle."""


@dataclass
class RunSettings:
    """Everything a (worker) process needs to rebuild the analysis pipeline. Plain data; pickles."""

    analyzers: list[str] = field(default_factory=list)  # resolved order
    plugin_settings: dict = field(default_factory=dict)  # {analyzer name: {...}}
    knowledge_files: list[str] = field(default_factory=list)  # user files (config/CLI)
    strict: bool = False
    reference_date: str | None = None


@dataclass
class Context:
    """Shared, read-only information handed to every analyzer's ``configure``."""

    knowledge_files: list[str] = field(default_factory=list)
    lexicon_files: list[tuple[str, str]] = field(default_factory=list)


def resolve(available: dict[str, Analyzer], selected: Iterable[str] | None) -> list[str]:
    """Selected analyzer names plus everything they require, in dependency order."""
    selected = list(selected) if selected else sorted(available)
    unknown = [n for n in selected if n not in available]
    if unknown:
        raise SelectionError(
            f"unknown analyzer{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"available: {', '.join(sorted(available)) or '(none)'}"
        )
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = path[path.index(name):] + [name]
            raise SelectionError(f"analyzer dependency cycle: {' -> '.join(cycle)}")
        if name not in available:
            raise SelectionError(f"analyzer {path[-1]} requires {name}, which is not installed or failed to load")
        state[name] = "visiting"
        for dep in available[name].requires:
            visit(dep, path + [name])
        state[name] = "done"
        order.append(name)

    for n in selected:
        visit(n, [])
    return order


def analyze_document(doc: Document, analyzers: list[Analyzer], strict: bool = False, timings: dict | None = None) -> Document:
    """Run analyzers in order; a failure is recorded on the document and skips its dependants."""
    for a in analyzers:
        missing = [r for r in a.requires if r not in doc.results]
        if missing:
            doc.errors[a.name] = f"skipped: requires {', '.join(missing)}, which did not run"
            continue
        t0 = time.perf_counter()
        try:
            a.ensure_setup()
            doc.set_result(a.name, a.analyze(doc))
        except Exception as e:
            if strict:
                raise
            doc.errors[a.name] = f"{type(e).__name__}: {e}"
            log.warning("%s: analyzer %s failed: %s: %s", doc.id, a.name, type(e).__name__, e)
        if timings is not None:
            timings[a.name] = timings.get(a.name, 0.0) + time.perf_counter() - t0
    return doc


class Engine:
    """A configured pipeline in one process: registry, analyzers in order, normalization."""

    def __init__(self, settings: RunSettings, registry=None):
        from . import plugin_manager as plugins

        self.settings = settings
        self.registry = registry or plugins.load(strict=settings.strict)
        context = Context(
            knowledge_files=list(self.registry.knowledge_files) + list(settings.knowledge_files),
            lexicon_files=list(self.registry.lexicon_files),
        )
        self.analyzers = [self.registry.analyzers[n] for n in settings.analyzers]
        for a in self.analyzers:
            a.configure(settings.plugin_settings.get(a.name, {}), context)
        self.timings: dict[str, float] = {}

    def process(self, raw: RawDoc, skip: Iterable[str] = ()) -> dict:
        from .normalize import to_document

        doc = to_document(raw, reference_date=self.settings.reference_date)
        analyze_document(doc, self.analyzers, self.settings.strict, self.timings)
        rec = doc.to_record()
        rec["duplicates"] = []
        return rec


# -- executors -----------------------------------------------------------------
_worker_engine: Engine | None = None


def _worker_init(settings: RunSettings) -> None:
    global _worker_engine
    logging.getLogger("newskit").setLevel(logging.ERROR)
    _worker_engine = Engine(settings)


def _worker_process(raw: RawDoc) -> tuple[dict, dict]:
    assert _worker_engine is not None
    before = dict(_worker_engine.timings)
    rec = _worker_engine.process(raw)
    delta = {k: v - before.get(k, 0.0) for k, v in _worker_engine.timings.items()}
    return rec, delta


def execute(engine: Engine, raws: Iterable[RawDoc], jobs: int = 1) -> Iterator[dict]:
    """Yield one result record per raw document, in input order."""
    if jobs <= 1:
        for raw in raws:
            yield engine.process(raw)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("spawn")  # fresh interpreters: no inherited locks or half-loaded models
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init, initargs=(engine.settings,)) as pool:
        for rec, delta in pool.map(_worker_process, raws, chunksize=4):
            for k, v in delta.items():
                engine.timings[k] = engine.timings.get(k, 0.0) + v
            yield rec
