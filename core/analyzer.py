"""The analyzer interface that built-in and third-party analyzers implement."""
from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Iterator, Mapping


class Analyzer:
    """One analysis step over documents.

    Subclasses set ``name``, ``version`` and ``requires`` (names of analyzers whose
    results they read from ``doc.results``), implement :meth:`analyze`, and may implement
    :meth:`summarize` (corpus level) and :meth:`report_sections` (their part of the report).

    The pipeline stores whatever :meth:`analyze` returns under ``doc.results[name]``;
    an analyzer never writes into another analyzer's namespace.  Results must be
    JSON-serializable and should carry their evidence (sentences with offsets).
    """

    name: str = ""
    version: str = "0"
    requires: tuple[str, ...] = ()
    description: str = ""

    def __init__(self) -> None:
        self.settings: dict[str, Any] = {}
        self.context: Any = None
        self._ready = False

    # -- lifecycle ---------------------------------------------------------
    def configure(self, settings: Mapping[str, Any] | None, context: Any = None) -> None:
        """Receive this analyzer's settings (the ``[plugins.NAME]`` table of newskit.toml) and the
        run context (``knowledge_files``, ``lexicon_files`` registered by plugins and the user)."""
        self.settings = dict(settings or {})
        self.context = context
        self._ready = False

    def ensure_setup(self) -> None:
        if not self._ready:
            self.setup()
            self._ready = True

    def setup(self) -> None:
        """Load heavy resources (models, lexicons).  Called once per process, lazily."""

    def fingerprint(self) -> str:
        """Identifies configuration that changes results; part of the cache key with ``version``."""
        blob = json.dumps(self.settings, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    # -- analysis ------------------------------------------------------------
    def analyze(self, doc) -> dict:  # pragma: no cover - interface
        raise NotImplementedError

    def summarize(self, documents: Iterable[Mapping[str, Any]]) -> dict | None:
        """Reduce over the corpus.  ``documents`` streams result records
        (``{"id", "meta", "results"}`` as in results.json); iterate it once."""
        return None

    def report_sections(self, results: Mapping[str, Any]) -> list | Iterator:
        """Return :class:`newskit.report_model.Section` objects built from results.json data only."""
        return []

    def __repr__(self) -> str:
        return f"<Analyzer {self.name} {self.version}>"
