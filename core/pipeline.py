"""Run analyzers over documents: dependency resolution, per-document isolation, executors.

Workers receive raw records and plain settings (:class:`RunSettings`), never plugin managers;
each worker process rebuilds the registry once and reuses loaded resources for every document.
"""
from __future__ import annotations

import json
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

    def warm(self) -> None:
        """Load what analyzing usually needs, now: every analyzer's resources, then jieba's dictionary
        and tagger (when an analyzer registered words) and the GBK repair model.  Called before
        forking workers, which then share it; a resource that fails to load is left to the first
        document that needs it, where its error is reported."""
        from . import text

        for a in self.analyzers:
            try:
                a.ensure_setup()
            except Exception:
                pass
        try:
            from .normalize.charlm import default_model

            text.warm()
            default_model()
        except Exception:
            pass

    def process(self, raw: RawDoc, cached: dict | None = None) -> dict:
        """Normalize and analyze one raw document; ``cached`` results (by analyzer) are reused, not rerun."""
        from .normalize import to_document

        doc = to_document(raw, reference_date=self.settings.reference_date)
        cached = cached or {}
        if cached:
            # Set up the skipped analyzers too: setup may extend shared state (jieba's dictionary)
            # that the analyzers that do run depend on, and results must not depend on cache state.
            for a in self.analyzers:
                if a.name in cached:
                    doc.set_result(a.name, cached[a.name])
                    try:
                        a.ensure_setup()
                    except Exception:
                        pass  # it does not run here; its failure is reported where it runs
        todo = [a for a in self.analyzers if a.name not in cached]
        analyze_document(doc, todo, self.settings.strict, self.timings)
        rec = doc.to_record()
        rec["results"] = {a.name: rec["results"][a.name] for a in self.analyzers if a.name in rec["results"]}
        rec["duplicates"] = []
        return rec


# -- executors -----------------------------------------------------------------
def execute(engine: Engine, raws: Iterable[RawDoc], jobs: int = 1) -> Iterator[dict]:
    """Yield one result record per raw document, in input order (no cache; see newskit.executors)."""
    from .executors import make_executor, run_ordered

    with make_executor("processes" if jobs > 1 else "serial", engine, jobs) as ex:
        for _, rec in run_ordered(ex, ((raw, None, None, None) for raw in raws), engine):
            yield json.loads(rec.line())
