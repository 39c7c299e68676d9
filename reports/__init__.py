"""Report builders: results.json -> Markdown, PDF (from the Markdown), CSV.  Reports never re-analyse."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from .model import Chart, Quote, Section, Table
from .sections import collect_sections

log = logging.getLogger("newskit.reports")

__all__ = ["Chart", "FORMATS", "Quote", "Section", "Table", "build_reports", "collect_sections", "load_previous"]
FORMATS = ("md", "pdf", "csv", "html")
CHARTS = "charts"


def load_previous(results: dict, previous=None) -> dict | None:
    """The results to compare with: ``previous`` (a path or a dict), else the build this one followed
    (``run.previous``, recorded by ``newskit run``) when that file still exists; never the same build."""
    from newskit.results import ResultsError, load_results

    if isinstance(previous, dict):
        return previous
    path = previous or (results.get("run") or {}).get("previous")
    if not path:
        return None
    path = Path(path)
    if not path.is_file():
        if previous:  # asked for explicitly
            raise ResultsError(f"{path}: no such results file to compare with")
        return None
    before = load_results(path, stream=True)  # only its summaries and counts are compared
    same = (before.get("run") or {}).get("started") == (results.get("run") or {}).get("started") and \
        (before.get("run") or {}).get("build") == (results.get("run") or {}).get("build")
    return None if same else before


def build_reports(results: dict, out: Path, formats: Iterable[str], registry=None, previous=None,
                  reuse_from: Path | None = None, keep_state: bool = False) -> list[Path]:
    """Write each requested format into ``out`` (each file atomically); return the paths written.

    ``previous``: a results.json path (or loaded dict) for the "what changed" section.
    ``reuse_from``: a folder holding an earlier report's state (see :mod:`newskit.reports.reuse`):
    its sections and charts are reused where nothing they depend on changed.  ``keep_state``:
    write this report's state into ``out`` for the next build.
    """
    from newskit.results import atomic_write

    from .markdown import render_markdown

    formats = list(dict.fromkeys(formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown report format {bad[0]!r}; choose from {', '.join(FORMATS)}")
    out = Path(out)
    written: list[Path] = []
    if "csv" in formats:
        from .csv import build as build_csv

        written.append(build_csv(results, out))
    if not {"md", "pdf", "html"} & set(formats):
        return written
    from . import reuse
    from .charts import write_charts
    from .sections import assemble, gather_facts, stable_sections

    if registry is None:
        from newskit import plugin_manager

        registry = plugin_manager.load()
    reuse_from = reuse.find_state(reuse_from)
    state = reuse.load_state(reuse_from)
    key = reuse.report_key(results, registry)
    if state is not None and key is not None and state.get("key") == key:
        log.info("results unchanged since the previous build: its report sections are reused")
        stable, facts = reuse.stored_sections(state)
    else:
        facts = gather_facts(results)
        stable = stable_sections(results, registry, facts)
    sections = assemble(stable, results, facts, load_previous(results, previous))
    charts = [b for s in sections for b in s.blocks if isinstance(b, Chart)]
    keys = {c.name: reuse.chart_key(c) for c in charts}
    earlier = {name: Path(reuse_from) / CHARTS / f"{name}.png" for name, k in (state or {}).get("charts", {}).items()
               if keys.get(name) == k}
    drawn = {p.stem for p in write_charts(charts, out / CHARTS, earlier)}
    for s in sections:  # a chart that could not be drawn is left out rather than shown broken
        s.blocks = [b for b in s.blocks if not isinstance(b, Chart) or b.name in drawn]
    if keep_state:
        reuse.save_state(out, key, stable, facts, {n: k for n, k in keys.items() if n in drawn})
    text = render_markdown(results, sections, CHARTS)
    if drawn:
        written.append(out / CHARTS)
    if "md" in formats:
        atomic_write(out / "report.md", lambda f: f.write(text.encode("utf-8")))
        written.append(out / "report.md")
    if "html" in formats:
        from .html import html_document, stylesheet

        page = html_document(text, css=stylesheet())
        atomic_write(out / "report.html", lambda f: f.write(page.encode("utf-8")))
        written.append(out / "report.html")
    if "pdf" in formats:
        from .pdf import render_pdf

        data = render_pdf(text, out)
        atomic_write(out / "report.pdf", lambda f: f.write(data))
        written.append(out / "report.pdf")
    return written
