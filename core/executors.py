"""Executors: where documents are analyzed.  Serial, local processes (``--jobs N``) or Dask.

Every executor gets the same work item: a raw record plus the analyzer results already cached for
it, and returns the same record, so results are identical whichever runs them.  Workers build their
own :class:`~newskit.pipeline.Engine` from plain :class:`~newskit.pipeline.RunSettings` once and
reuse it (heavy resources load once per worker); long-lived Dask workers keep one engine per
settings fingerprint, so a later run with another knowledge base never reuses stale state.
At most ``window`` documents are in flight, so memory stays flat however large the corpus.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections import deque
from dataclasses import asdict
from typing import Any, Iterable, Iterator

from .results import Encoded

log = logging.getLogger("newskit.executors")
EXECUTORS = ("serial", "processes", "dask")


def settings_fingerprint(settings, extra: str = "") -> str:
    """Identifies a configured engine: the settings plus the analyzers' fingerprints (``extra``)."""
    blob = json.dumps(asdict(settings), sort_keys=True, ensure_ascii=False, default=str) + extra
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


# -- worker side -----------------------------------------------------------------
_engines: dict[str, Any] = {}


def _engine_for(settings, key: str):
    engine = _engines.get(key)
    if engine is None:
        from .pipeline import Engine

        logging.getLogger("newskit").setLevel(logging.ERROR)
        _engines.clear()  # one configuration per worker at a time; drop the stale one
        engine = _engines[key] = Engine(settings)
    return engine


def _process_init(settings, key: str) -> None:
    """Build the worker's engine and load every analyzer's resources (knowledge base, lexicons,
    jieba's dictionary) once, at start-up, while the main process reads the first documents."""
    engine = _engine_for(settings, key)
    for a in engine.analyzers:
        try:
            a.ensure_setup()
        except Exception:
            pass  # reported on the first document it fails on, as in a serial run


def signature_of(text: str) -> bytes:
    """A document's near-duplicate signature, computed in a worker (see :mod:`newskit.dedupe`)."""
    from .dedupe import signature

    return signature(text)


def process_one(settings, key: str, raw, cached) -> tuple[Encoded, dict]:
    """Analyze one document in a worker; returns the encoded record and this document's timings."""
    engine = _engine_for(settings, key)
    before = dict(engine.timings)
    rec = Encoded(engine.process(raw, cached))
    return rec, {k: v - before.get(k, 0.0) for k, v in engine.timings.items()}


# -- executors -------------------------------------------------------------------
class SerialExecutor:
    """In this process, with the caller's engine."""

    window = 1

    def __init__(self, engine):
        self.engine = engine

    def submit(self, raw, cached):
        return Encoded(self.engine.process(raw, cached)), {}

    def submit_signature(self, text: str):
        """Start computing a document's near-duplicate signature; ``result`` returns the bytes."""
        return signature_of(text)

    def result(self, handle):
        return handle

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def start_method() -> str:
    """``fork`` on Linux (workers inherit the loaded engine), else ``spawn``; ``NEWSKIT_START_METHOD``
    overrides it."""
    import multiprocessing as mp
    import os
    import sys

    wanted = os.environ.get("NEWSKIT_START_METHOD") or ("fork" if sys.platform.startswith("linux") else "spawn")
    if wanted not in mp.get_all_start_methods():
        raise ValueError(f"NEWSKIT_START_METHOD={wanted!r}: not available here; "
                         f"choose from {', '.join(mp.get_all_start_methods())}")
    return wanted


def _other_threads() -> bool:
    """Summary threads already running (a build's cached records are summarized as they come)."""
    import threading

    from .summaries import THREAD_PREFIX

    return any(t.name.startswith(THREAD_PREFIX) for t in threading.enumerate())


def _forked_init() -> None:
    logging.getLogger("newskit").setLevel(logging.ERROR)  # as in a spawned worker


class _Done:
    """A finished handle, for work done in this process."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class ProcessExecutor(SerialExecutor):
    """A pool of local worker processes.

    With ``fork`` (Linux) this process analyzes the first document itself and loads what analyzing
    usually needs (:meth:`~newskit.pipeline.Engine.warm`: knowledge base, lexicons, jieba's dictionary
    and tagger, the GBK model), then forks the workers: they inherit all of it copy-on-write instead of each loading it again
    (~2-3 CPU-seconds per worker).  Signatures asked for before that are computed here.
    With ``spawn`` (elsewhere) each fresh interpreter builds its engine once, at start-up."""

    def __init__(self, engine, jobs: int, key: str, method: str | None = None):
        self.engine, self.key, self.jobs = engine, key, jobs
        self.method = method or start_method()
        self.window = jobs * 4
        self.pool = None
        if self.method != "fork":
            self._start_pool(_process_init, (engine.settings, key))

    def _start_pool(self, initializer, initargs=()) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(self.jobs, mp_context=mp.get_context(self.method),
                                        initializer=initializer, initargs=initargs)

    def _fork_pool(self) -> None:
        """Fork the workers now, from this warmed-up process."""
        import gc

        self.engine.warm()
        _engines.clear()
        _engines[self.key] = self.engine
        gc.collect()
        gc.freeze()  # workers leave the inherited objects alone: fewer pages copied on write
        try:
            self._start_pool(_forked_init)
            self.pool.submit(int).result()  # fork every worker now (ProcessPoolExecutor forks them all at once)
        finally:
            gc.unfreeze()

    def submit(self, raw, cached):
        if self.pool is None and _other_threads():
            # Forking while other threads work could copy a lock one of them holds into every
            # worker: spawn fresh interpreters instead.
            self.method = "spawn"
            self._start_pool(_process_init, (self.engine.settings, self.key))
        if self.pool is None:
            handle = _Done((Encoded(self.engine.process(raw, cached)), {}))
            self._fork_pool()
            return handle
        return self.pool.submit(process_one, self.engine.settings, self.key, raw, cached)

    def submit_signature(self, text: str):
        if self.pool is None:
            return _Done(signature_of(text))
        return self.pool.submit(signature_of, text)

    def result(self, handle):
        return handle.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(SerialExecutor):
    """A Dask cluster: ``scheduler`` address, or a LocalCluster of ``jobs`` worker processes."""

    def __init__(self, engine, jobs: int, key: str, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the Dask executor needs the optional extra: pip install 'newskit[dask]'") from None
        self.engine, self.key = engine, key
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="20s")
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)
        self.window = workers * 4

    def submit(self, raw, cached):
        return self.client.submit(process_one, self.engine.settings, self.key, raw, cached, pure=False)

    def submit_signature(self, text: str):
        return self.client.submit(signature_of, text, pure=False)

    def result(self, handle):
        return handle.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(kind: str, engine, jobs: int = 1, scheduler: str | None = None, key: str | None = None):
    key = key or settings_fingerprint(engine.settings)
    if kind == "serial" or (kind == "processes" and jobs <= 1):
        return SerialExecutor(engine)
    if kind == "processes":
        return ProcessExecutor(engine, jobs, key)
    if kind == "dask":
        return DaskExecutor(engine, jobs, key, scheduler)
    raise ValueError(f"unknown executor {kind!r}; choose from {', '.join(EXECUTORS)}")


class LazyExecutor(SerialExecutor):
    """Starts the real executor on the first document that needs analysis: a run where every
    document hits the cache never spawns a pool or contacts a cluster."""

    def __init__(self, kind: str, engine, jobs: int = 1, scheduler: str | None = None):
        self.kind, self.engine, self.jobs, self.scheduler = kind, engine, jobs, scheduler
        self._real = None
        self._key = None
        self.window = max(1, jobs) * 4

    def _start(self):
        if self._real is None:
            # Key worker engines by settings *and* analyzer fingerprints (a KB file edited in place).
            from .cache import analyzer_bases

            key = settings_fingerprint(self.engine.settings, json.dumps(analyzer_bases(self.engine.analyzers)))
            self._real = make_executor(self.kind, self.engine, self.jobs, self.scheduler, key)
            self.window = self._real.window
        return self._real

    def submit(self, raw, cached):
        return self._start().submit(raw, cached)

    def submit_signature(self, text: str):
        return self._start().submit_signature(text)

    def result(self, handle):
        return self._real.result(handle)

    def close(self) -> None:
        if self._real is not None:
            self._real.close()


def run_ordered(executor, items: Iterable[tuple], engine) -> Iterator[tuple]:
    """Yield ``(item, record)`` in input order; a record is :class:`~newskit.results.Encoded`.

    ``items`` are ``(raw, cached, ready, tag)``: ``ready`` is a finished record (a full cache hit,
    never sent anywhere) or None; ``tag`` is carried through for the caller.  At most
    ``executor.window`` documents wait in flight.
    """
    pending: deque = deque()
    in_flight = 0

    def pop():
        nonlocal in_flight
        item, handle = pending.popleft()
        if handle is None:
            return item, item[2]
        in_flight -= 1
        rec, delta = executor.result(handle)
        for k, v in delta.items():
            engine.timings[k] = engine.timings.get(k, 0.0) + v
        return item, rec

    for item in items:
        raw, cached, ready = item[0], item[1], item[2]
        if ready is not None:
            pending.append((item, None))
        else:
            pending.append((item, executor.submit(raw, cached)))
            in_flight += 1
        while in_flight > executor.window or len(pending) > executor.window * 64:
            yield pop()
        while pending and pending[0][1] is None:
            yield pop()
    while pending:
        yield pop()
