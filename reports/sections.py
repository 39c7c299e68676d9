"""Gathers report sections: newskit's own (summary, documents, run) plus each analyzer's."""
from __future__ import annotations

import logging

from .model import Section, Table

log = logging.getLogger("newskit.reports")


def collect_sections(results: dict, registry=None) -> list[Section]:
    sections = [overview(results)]
    if registry is None:
        from newskit import plugin_manager as plugins

        registry = plugins.load()
    for info in results.get("run", {}).get("analyzers", []):
        analyzer = registry.analyzers.get(info["name"])
        if analyzer is None:
            log.warning("analyzer %s is not installed; its report section is left out", info["name"])
            continue
        try:
            for s in analyzer.report_sections(results) or []:
                s.analyzer = s.analyzer or analyzer.name
                sections.append(s)
        except Exception as e:
            log.warning("analyzer %s failed to build its report section: %s", analyzer.name, e)
            sections.append(Section(f"{analyzer.name}", [f"*此部分生成失败: {type(e).__name__}: {e}*"], 60, analyzer.name))
    sections.append(documents_appendix(results))
    sections.append(run_information(results))
    return sorted(sections, key=lambda s: s.order)


def overview(results: dict) -> Section:
    docs = results.get("documents", [])
    dates = sorted(d["meta"]["date"] for d in docs if (d.get("meta") or {}).get("date"))
    run = results.get("run", {})
    lines = [
        f"- 文档数 (documents): {len(docs)}",
        f"- 时间范围 (period): {dates[0]} – {dates[-1]}" if dates else "- 时间范围 (period): 未知 (no dates found)",
        f"- 分析器 (analyzers): {', '.join(a['name'] + ' ' + a['version'] for a in run.get('analyzers', []))}",
    ]
    return Section("概览 Overview", ["\n".join(lines)], order=0)


def documents_appendix(results: dict) -> Section:
    rows = []
    for d in results.get("documents", []):
        m = d.get("meta") or {}
        rows.append([d["id"], m.get("title") or "", m.get("date") or "", m.get("source") or "",
                     "; ".join(f"{k}: {v}" for k, v in (d.get("errors") or {}).items())])
    return Section("附录:文档 Appendix: documents", [Table(["id", "标题 title", "日期 date", "来源 source", "错误 errors"], rows)], order=90)


def run_information(results: dict) -> Section:
    run = results.get("run", {})
    rows = [[a["name"], a["version"], a.get("distribution") or "", f"{run.get('timings', {}).get(a['name'], 0):.2f}"]
            for a in run.get("analyzers", [])]
    blocks: list = [Table(["analyzer", "version", "distribution", "seconds"], rows)]
    problems = [f"- 无法读取 {e['file']}: {e['error']}" for e in run.get("read_errors", [])]
    problems += [f"- 插件失败 {p['plugin']} ({p['distribution']}): {p['error']}" for p in run.get("plugin_failures", [])]
    problems += [f"- 汇总失败 {k}: {v}" for k, v in (run.get("summary_errors") or {}).items()]
    if problems:
        blocks.append("\n".join(problems))
    blocks.append(f"newskit {results.get('newskit', {}).get('version', '?')}, {run.get('documents', 0)} documents, {run.get('seconds', 0)} s.")
    return Section("运行信息 Run information", blocks, order=95)
