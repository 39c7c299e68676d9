"""Gathers report sections: newskit's own (summary, companies, charts, changes, appendix, run
information) plus each analyzer's ``report_sections``.  Everything comes from results.json."""
from __future__ import annotations

import logging
from . import findings
from .facts import DocumentFacts
from .model import Chart, Section, Table
from .text import TREND_ARROWS, label_zh, signed, summary

log = logging.getLogger("newskit.reports")

# Built-in fallbacks for analyzers of the results contract that contribute no section of their own
# (not installed where the report is rebuilt, or an analyzer without report_sections).
DEFAULT_SECTIONS = {"sentiment": findings.sentiment_section, "stance": findings.stance_section,
                    "rivalry": findings.rivalry_section}
COMPANY_ROWS = 25  # the company table lists the most mentioned; the CSV has them all
APPENDIX_DOCUMENTS = 200  # a nightly corpus of thousands would make a PDF of thousands of pages
STANDARD_CHARTS = {"sentiment": findings.sentiment_chart, "timeline": findings.timeline_chart,
                   "stance": findings.stance_chart, "rivalry": findings.rivalry_chart}


def collect_sections(results: dict, registry=None, previous: dict | None = None) -> list[Section]:
    facts = gather_facts(results)
    return assemble(stable_sections(results, registry, facts), results, facts, previous)


def gather_facts(results: dict) -> DocumentFacts:
    """One pass over the documents for everything newskit's own sections show."""
    pos, neg = findings.extremes(results)
    return DocumentFacts.gather(results.get("documents", []), APPENDIX_DOCUMENTS, appendix_entry,
                                evidence_for=[c["name"] for c in pos + neg])


def stable_sections(results: dict, registry, facts: DocumentFacts) -> list[Section]:
    """The sections that depend on the documents and summaries only (not on the previous build or
    on this run's timings): the same results give the same sections, so a build may reuse them."""
    sections = [overview(results, facts), companies_table(results)]
    sections += analyzer_sections(results, registry, facts)
    charts = standard_charts(results, sections, facts)
    if charts.blocks:
        sections.append(charts)
    sections.append(documents_appendix(results, facts))
    return sections


def assemble(stable: list[Section], results: dict, facts: DocumentFacts, previous: dict | None = None) -> list[Section]:
    """The report's sections in order: the stable ones plus the comparison and the run information."""
    sections = list(stable)
    if previous is not None:
        from .compare import changes_section

        sections.append(changes_section(results, previous))
    sections.append(run_information(results, facts))
    sections = sorted(sections, key=lambda s: s.order)
    name_charts(sections)
    return sections


def analyzer_sections(results: dict, registry=None, facts: DocumentFacts | None = None) -> list[Section]:
    if registry is None:
        from newskit import plugin_manager as plugins

        registry = plugins.load()
    out: list[Section] = []
    for info in results.get("run", {}).get("analyzers", []):
        name = info["name"]
        analyzer = registry.analyzers.get(name)
        contributed: list[Section] = []
        if analyzer is None:
            log.info("analyzer %s is not installed; using the built-in section if there is one", name)
        else:
            try:
                contributed = list(analyzer.report_sections(results) or [])
            except Exception as e:
                log.warning("analyzer %s failed to build its report section: %s", name, e)
                contributed = [Section(name, [f"*此部分生成失败 (section failed): {type(e).__name__}: {e}*"], 60, name)]
        if not contributed and name in DEFAULT_SECTIONS and name in (results.get("summaries") or {}):
            contributed = DEFAULT_SECTIONS[name](results, facts)
        for s in contributed:
            s.analyzer = s.analyzer or name
        out += contributed
    return out


def standard_charts(results: dict, sections: list[Section], facts: DocumentFacts | None = None) -> Section:
    """The four standard charts, for those no section already draws (matched by chart name)."""
    present = {b.name for s in sections for b in s.blocks if isinstance(b, Chart)}
    blocks = []
    for name, make in STANDARD_CHARTS.items():
        if name not in present:
            chart = make(results, facts) if make is findings.timeline_chart else make(results)
            if chart is not None:
                blocks.append(chart)
    return Section("图表 Charts", blocks, order=15)


def name_charts(sections: list[Section]) -> None:
    """Give every chart a unique file name (charts/NAME.png), in report order."""
    seen: set[str] = set()
    for i, s in enumerate(sections):
        for j, b in enumerate(s.blocks):
            if isinstance(b, Chart):
                base = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in (b.name or f"chart-{i}-{j}"))
                name, n = base, 1
                while name in seen:
                    n += 1
                    name = f"{base}-{n}"
                b.name = name
                seen.add(name)


# -- newskit's own sections ----------------------------------------------------------

def overview(results: dict, facts: DocumentFacts | None = None) -> Section:
    f = facts or gather_facts(results)
    sums = results.get("summaries") or {}
    corpus = f"{f.count} 篇文档 documents"
    if f.sources:
        corpus += "; 来源 sources: " + ", ".join(f"{s} ({n})" for s, n in sorted(f.sources.items(), key=lambda x: (-x[1], x[0]))[:6])
    if f.duplicates:
        corpus += f"; 跳过重复 duplicates skipped: {f.duplicates}"
    lines = [
        f"- **语料 Corpus**: {corpus}",
        f"- **时间范围 Period**: {f.first_date} – {f.last_date} ({f.dated}/{f.count} 篇有日期 dated)" if f.dated
        else "- **时间范围 Period**: 未知 unknown (no dates found)",
    ]
    companies = company_rows(results)
    if companies:
        top = ", ".join(f"{c['name']} ({c['mentions']} 次 mentions, {c['documents']} 篇 docs)" for c in companies[:5])
        lines.append(f"- **报道最多 Most covered**: {top}")
    else:
        lines.append("- **报道最多 Most covered**: " + ("未识别到公司 no companies found" if "entities" in sums else "未运行 entities not run"))
    lines += findings.sentiment_extremes(results)
    lines.append(findings.stance_split(results))
    lines.append(findings.conflicts_line(results))
    return Section("摘要 Summary", ["\n".join(line for line in lines if line)], order=0)


def company_rows(results: dict) -> list[dict]:
    """Companies with mentions, documents and (when available) sentiment, most mentioned first."""
    sums = results.get("summaries") or {}
    rows: dict[str, dict] = {}
    for c in (sums.get("entities") or {}).get("companies", []):
        rows[c["name"]] = {"name": c["name"], "mentions": c.get("mentions", 0), "documents": c.get("documents", 0)}
    for c in (sums.get("sentiment") or {}).get("companies", []):
        row = rows.setdefault(c["name"], {"name": c["name"], "mentions": c.get("mentions", 0), "documents": c.get("documents", 0)})
        row["sentiment"] = c
    return sorted(rows.values(), key=lambda r: (-r["mentions"], -r["documents"], r["name"]))


def trend_text(trend: list[dict]) -> str:
    points = [t for t in trend or [] if t.get("score") is not None]
    if len(points) < 2:
        return "—"
    delta = points[-1]["score"] - points[0]["score"]
    arrow = TREND_ARROWS["up"] if delta > 0.05 else TREND_ARROWS["down"] if delta < -0.05 else TREND_ARROWS["flat"]
    return f"{arrow} {signed(delta)} ({points[0]['date']}→{points[-1]['date']})"


def companies_table(results: dict) -> Section:
    has_sentiment = "sentiment" in (results.get("summaries") or {})
    rows, companies = [], company_rows(results)
    for c in companies[:COMPANY_ROWS]:
        s = c.get("sentiment")
        rows.append([c["name"], c["mentions"], c["documents"],
                     signed(s["score"]) if s else "—", label_zh(s["label"]) if s else "—",
                     trend_text(s.get("trend")) if s else "—"])
    blocks: list = [Table(["公司 company", "提及 mentions", "文档 documents", "情感分 score", "情感 label", "趋势 trend"], rows)]
    if len(companies) > COMPANY_ROWS:
        blocks.append(f"*另有 {len(companies) - COMPANY_ROWS} 家公司 and {len(companies) - COMPANY_ROWS} more companies "
                      f"(full list: `--format csv`, companies.csv and sentiment.csv).*")
    if not has_sentiment:
        blocks.append("*情感分析未运行 (sentiment not run): score, label and trend are empty.*")
    return Section("公司一览 Companies", blocks, order=5)


def documents_appendix(results: dict, facts: DocumentFacts | None = None) -> Section:
    f = facts or gather_facts(results)
    blocks: list = list(f.appendix)
    if f.count > APPENDIX_DOCUMENTS:
        blocks.append(f"另有 {f.count - APPENDIX_DOCUMENTS} 篇文档未列出 and {f.count - APPENDIX_DOCUMENTS} more documents "
                      "(all of them: `--format csv`, documents.csv, or results.json).")
    return Section("附录:文档 Appendix: documents", blocks or ["*(无文档 no documents)*"], order=90)


def appendix_entry(d: dict) -> list[str]:
    """A document's appendix blocks: its heading and a few lines of metadata and findings."""
    m = d.get("meta") or {}
    r = d.get("results") or {}
    meta = [f"id `{d['id']}`"] + [f"{k}: {m[k]}" for k in ("date", "source", "author", "url") if m.get(k)]
    lines = ["- " + " · ".join(meta)]
    companies = (r.get("entities") or {}).get("companies") or []
    sentiment = {c["name"]: c for c in (r.get("sentiment") or {}).get("companies", [])}
    if companies or sentiment:
        names = [c["name"] for c in companies] or sorted(sentiment)
        counts = {c["name"]: c.get("mentions", 0) for c in companies}
        parts = []
        for n in names:
            extra = [f"×{counts[n]}"] if n in counts else []
            if n in sentiment:
                extra.append(f"{label_zh(sentiment[n]['label'])} {signed(sentiment[n]['score'])}")
            parts.append(f"{n} ({', '.join(extra)})" if extra else n)
        lines.append("- 公司 companies: " + ", ".join(parts))
    if r.get("stance"):
        st = r["stance"]
        lines.append(f"- 立场 stance: {label_zh(st.get('label'))} ({signed(st.get('score') or 0)})")
    pairs = (r.get("rivalry") or {}).get("pairs") or []
    if pairs:
        lines.append("- 对立 rivalries: " + ", ".join(f"{p['a']} – {p['b']} ({label_zh(p.get('kind'))})" for p in pairs))
    if d.get("duplicates"):
        lines.append("- 重复 duplicates skipped: " + ", ".join(_dup_name(x) for x in d["duplicates"]))
    if d.get("errors"):
        lines.append("- 错误 errors: " + "; ".join(f"{k}: {v}" for k, v in sorted(d["errors"].items())))
    return [f"### {summary(m.get('title') or d['id'], 80)}", "\n".join(lines)]


def _dup_name(x) -> str:
    if isinstance(x, dict):
        return str(x.get("id") or x.get("doc") or x.get("file") or x)
    return str(x)


def run_information(results: dict, facts: DocumentFacts | None = None) -> Section:
    f = facts or gather_facts(results)
    run = results.get("run", {})
    rows = [[a["name"], a["version"], a.get("distribution") or "", f"{run.get('timings', {}).get(a['name'], 0):.2f}"]
            for a in run.get("analyzers", [])]
    blocks: list = [Table(["分析器 analyzer", "版本 version", "发行包 distribution", "秒 seconds"], rows)]
    problems = [f"- 无法读取 unreadable {e['file']}: {e['error']}" for e in run.get("read_errors", [])]
    problems += [f"- 插件失败 plugin failed {p['plugin']} ({p['distribution']}): {p['error']}" for p in run.get("plugin_failures", [])]
    problems += [f"- 汇总失败 summary failed {k}: {v}" for k, v in sorted((run.get("summary_errors") or {}).items())]
    problems += [f"- 分析失败 analyzer failed on {n} document(s): {k}" for k, n in sorted(f.failed.items())]
    problems += [f"- 跳过重复文档 duplicates skipped: {f.duplicates}"] if f.duplicates else []
    blocks.append("\n".join(problems) if problems else "- 无失败 no failures")
    build = f", build {run['build']}" if run.get("build") else ""
    blocks.append(f"newskit {results.get('newskit', {}).get('version', '?')}{build}: {run.get('documents', 0)} documents "
                  f"in {run.get('seconds', 0)} s, started {run.get('started', '?')}.")
    return Section("运行信息 Run information", blocks, order=95)
