"""Reusing the previous build's report work when nothing it depends on changed.

A build keeps ``.report-state.json`` in its folder (not published to ``OUT``): the report's stable
sections (everything but the comparison with the previous build and the run information), the two
counts the run information takes from the documents, and a key per chart.

* Sections are reused when the report key matches: the results' corpus fingerprint (every document
  key in order, every analyzer's name, version and configuration, newskit's version) and the source
  of the report code and of the installed analyzers' modules.  Same key, same sections.
* A chart's PNG is reused (hard link or copy) when its key (kind, title, data, chart code) matches
  the previous build's chart of the same name, even when other parts of the report changed.
"""
from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import logging
from collections import Counter
from pathlib import Path

from .facts import DocumentFacts
from .model import Chart, Quote, Section, Table

log = logging.getLogger("newskit.reports")

STATE = ".report-state.json"
STATE_FORMAT = "1"


def _code_fingerprint(registry, analyzers: list[str]) -> str:
    h = hashlib.sha256(STATE_FORMAT.encode())
    for f in sorted(Path(__file__).parent.glob("*.py")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    for name in analyzers:
        analyzer = (getattr(registry, "analyzers", None) or {}).get(name)
        h.update(f"\0{name}\0".encode())
        if analyzer is None:
            continue
        try:
            h.update(Path(inspect.getsourcefile(type(analyzer))).read_bytes())
        except (TypeError, OSError):  # no source to hash: never reuse its sections
            return ""
    return h.hexdigest()


def report_key(results: dict, registry) -> str | None:
    """What the stable sections depend on, or None when it cannot be told (no corpus fingerprint:
    built without the cache, or an analyzer failed on a document or a summary)."""
    run = results.get("run") or {}
    if not run.get("corpus") or run.get("summary_errors"):
        return None
    code = _code_fingerprint(registry, [a.get("name") for a in run.get("analyzers", [])])
    return hashlib.sha256(f"{run['corpus']}\0{code}".encode()).hexdigest() if code else None


def chart_key(chart: Chart) -> str:
    data = json.dumps([chart.kind, chart.title, chart.data], ensure_ascii=False, sort_keys=True, default=list)
    h = hashlib.sha256(data.encode())
    h.update((Path(__file__).parent / "charts.py").read_bytes())
    h.update((Path(__file__).parent / "typeface.py").read_bytes())
    return h.hexdigest()


# -- the state file ----------------------------------------------------------------------

_KINDS = {"table": Table, "chart": Chart, "quote": Quote}


def _block(b) -> dict | str:
    if isinstance(b, str):
        return b
    kind = next((k for k, cls in _KINDS.items() if isinstance(b, cls)), None)
    if kind is None:
        raise TypeError(f"report block {type(b).__name__} cannot be stored")
    return {"block": kind, **dataclasses.asdict(b)}


def _unblock(b):
    if isinstance(b, str):
        return b
    b = dict(b)
    return _KINDS[b.pop("block")](**b)


def save_state(folder: Path, key: str | None, stable: list[Section], facts: DocumentFacts, charts: dict[str, str]) -> None:
    from newskit.results import atomic_write

    try:
        sections = [{"title": s.title, "order": s.order, "analyzer": s.analyzer, "blocks": [_block(b) for b in s.blocks]}
                    for s in stable]
        state = {"format": STATE_FORMAT, "key": key, "charts": charts, "sections": sections,
                 "facts": {"count": facts.count, "failed": dict(facts.failed), "duplicates": facts.duplicates}}
        data = json.dumps(state, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as e:  # a third-party block that is not plain data: nothing to reuse
        log.info("report state not kept: %s", e)
        return
    atomic_write(Path(folder) / STATE, lambda f: f.write(data))


def find_state(build: Path | None) -> Path | None:
    """The most recent build folder with a report state: ``build`` itself, else an older sibling
    (a ``--format json`` build in between keeps no report)."""
    if build is None or not Path(build).is_dir():
        return None
    if (Path(build) / STATE).is_file():
        return Path(build)
    older = sorted((p for p in Path(build).parent.iterdir() if p.name < Path(build).name and not p.name.startswith(".")),
                   reverse=True)
    return next((p for p in older if (p / STATE).is_file()), None)


def load_state(folder: Path | None) -> dict | None:
    if folder is None or not (Path(folder) / STATE).is_file():
        return None
    try:
        state = json.loads((Path(folder) / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        log.info("previous report state unreadable (%s); the report is built afresh", e)
        return None
    return state if isinstance(state, dict) and state.get("format") == STATE_FORMAT else None


def stored_sections(state: dict) -> tuple[list[Section], DocumentFacts]:
    sections = [Section(s["title"], [_unblock(b) for b in s["blocks"]], s["order"], s["analyzer"]) for s in state["sections"]]
    f = state["facts"]
    return sections, DocumentFacts(count=f["count"], failed=Counter(f["failed"]), duplicates=f["duplicates"])
