"""Markdown renderer.  Deterministic: the same results give byte-identical output.

Each paragraph stays on one line: in Chinese a line break inside a paragraph becomes a visible space."""
from __future__ import annotations

from .model import Chart, Quote, Section, Table


def _cell(v) -> str:
    return " ".join(str(v if v is not None else "").split()).replace("|", "\\|")


def table_md(t: Table) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in t.headers) + " |", "|" + "---|" * len(t.headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows]
    if t.caption:
        lines.append(f"\n*{t.caption}*")
    return "\n".join(lines)


def block_md(block, chart_dir: str = "charts") -> str:
    if isinstance(block, Table):
        return table_md(block) if block.rows else "*(无数据 no data)*"
    if isinstance(block, Quote):
        src = f" —— {_cell(block.source)}" if block.source else ""
        return "> " + " ".join(block.text.split()) + src
    if isinstance(block, Chart):
        return f"![{block.title}]({chart_dir}/{block.name}.png)" if block.name else ""
    return str(block)


def render_markdown(results: dict, sections: list[Section], chart_dir: str = "charts") -> str:
    run = results.get("run", {})
    stamp = run.get("build") or run.get("started") or ""
    parts = ["# newskit 报告 Report", ""]
    if stamp:
        parts += [f"*{len(results.get('documents', []))} 篇文档 documents · build {stamp} · newskit {results.get('newskit', {}).get('version', '?')}*", ""]
    for s in sections:
        parts += [f"## {s.title}", ""]
        for b in s.blocks:
            text = block_md(b, chart_dir)
            if text:
                parts += [text, ""]
    return "\n".join(parts).rstrip() + "\n"
