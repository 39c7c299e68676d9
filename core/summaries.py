"""Corpus summaries: each analyzer's ``summarize`` over the document records of a build.

Serially after the documents (:func:`summarize`), or, when documents are analyzed in other
processes, alongside them (:class:`Alongside`): one thread per analyzer reads the record lines as
the build writes them, so the summaries are done when the last document is, instead of adding a
pass over the corpus per analyzer after it while the workers sit idle.  Either way each analyzer
gets its own freshly decoded records, in input order, so the summaries are the same.
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from typing import Callable, Iterable, Iterator

log = logging.getLogger("newskit.build")
_END = None


def _run(analyzer, records: Iterable[dict], values: dict, errors: dict) -> None:
    try:
        value = analyzer.summarize(records)
    except Exception as e:
        errors[analyzer.name] = f"{type(e).__name__}: {e}"
        log.warning("analyzer %s failed to summarize: %s", analyzer.name, e)
        return
    if value is not None:
        values[analyzer.name] = value


def _ordered(analyzers, values: dict, errors: dict) -> tuple[dict, dict]:
    names = [a.name for a in analyzers]
    return ({n: values[n] for n in names if n in values}, {n: errors[n] for n in names if n in errors})


def summarize(analyzers, records: Callable[[], Iterator[dict]]) -> tuple[dict, dict]:
    """``(summaries, errors)`` by analyzer name; ``records()`` starts a new pass over the records."""
    values: dict = {}
    errors: dict = {}
    for a in analyzers:
        _run(a, records(), values, errors)
    return _ordered(analyzers, values, errors)


THREAD_PREFIX = "summary-"  # the process pool will not fork while such threads run


class Alongside:
    """Summaries computed in threads while record lines arrive (:meth:`add`); :meth:`finish` waits
    for them.  Each thread decodes the lines itself; a full queue makes the build wait."""

    def __init__(self, analyzers, depth: int = 256):
        self.analyzers = list(analyzers)
        self.depth = depth
        self.values: dict = {}
        self.errors: dict = {}
        self._queues: list[queue.Queue] | None = None
        self._threads: list[threading.Thread] = []

    def _start(self) -> None:
        """Threads start with the first record.  A process pool that has not forked its workers by then
        spawns them instead (``executors._other_threads``): no fork while these threads run."""
        self._queues = [queue.Queue(self.depth) for _ in self.analyzers]
        self._threads = [threading.Thread(target=self._consume, args=(a, q), daemon=True, name=f"{THREAD_PREFIX}{a.name}")
                         for a, q in zip(self.analyzers, self._queues)]
        for t in self._threads:
            t.start()

    def _consume(self, analyzer, q: queue.Queue) -> None:
        ended = False

        def records() -> Iterator[dict]:
            nonlocal ended
            while (line := q.get()) is not _END:
                yield json.loads(line)
            ended = True

        _run(analyzer, records(), self.values, self.errors)
        while not ended:  # it stopped reading early: keep taking lines so the build never waits on it
            ended = q.get() is _END

    def add(self, line: str) -> None:
        if self._queues is None:
            self._start()
        for q in self._queues:
            q.put(line)

    def finish(self) -> tuple[dict, dict]:
        """``(summaries, errors)``, in analyzer order, once every thread is done."""
        if self._queues is None:  # no record came: nothing to overlap
            return summarize(self.analyzers, lambda: iter(()))
        self.close()
        return _ordered(self.analyzers, self.values, self.errors)

    def close(self) -> None:
        """End the input (also when the build failed) and wait for the threads."""
        if self._queues is None:
            return
        for q in self._queues:
            q.put(_END)
        for t in self._threads:
            t.join()
        self._queues, self._threads = [], []
