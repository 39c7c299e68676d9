"""Report builders: results.json -> Markdown (and PDF, CSV).  Reports never re-analyse."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from .model import Chart, Quote, Section, Table
from .sections import collect_sections

log = logging.getLogger("newskit.reports")

__all__ = ["Chart", "Quote", "Section", "Table", "build_reports", "collect_sections"]


def build_reports(results: dict, out: Path, formats: Iterable[str], registry=None) -> list[Path]:
    """Write each requested format into ``out`` atomically; return the paths written."""
    from newskit.results import atomic_write

    from .markdown import render_markdown

    out = Path(out)
    sections = collect_sections(results, registry)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "md":
            text = render_markdown(results, sections)
            path = out / "report.md"
            atomic_write(path, lambda f: f.write(text.encode("utf-8")))
            written.append(path)
        elif fmt in ("pdf", "csv"):
            try:
                from importlib import import_module

                builder = import_module(f".{fmt}", __name__)
            except ImportError:
                log.warning("%s reports are not available in this build", fmt.upper())
                continue
            written.extend(builder.build(results, sections, out))
        else:
            raise ValueError(f"unknown report format {fmt!r}")
    return written
