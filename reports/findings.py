"""Built-in views of the contract analyzers' results (sentiment, stance, rivalry): summary lines,
the standard charts, and fallback sections with evidence quotes for analyzers that contribute none."""
from __future__ import annotations

from .model import Chart, Quote, Section, Table
from .text import doc_label, label_zh, signed, summary

STANCE_LABELS = ("general", "vertical", "balanced", "none")
TOP = 3  # companies / pairs quoted in the findings
QUOTES = 2  # quotes per finding


def _summary(results: dict, name: str) -> dict | None:
    return (results.get("summaries") or {}).get(name)


# -- one-line findings for the summary page -------------------------------------------

def extremes(results: dict) -> tuple[list[dict], list[dict]]:
    companies = (_summary(results, "sentiment") or {}).get("companies", [])
    # the analyzer's label decides (a score of -0.05 labelled neutral is not a negative finding)
    pos = sorted((c for c in companies if c.get("score", 0) > 0 and c.get("label", "positive") == "positive"),
                 key=lambda c: (-c["score"], -c.get("documents", 0), c["name"]))[:TOP]
    neg = sorted((c for c in companies if c.get("score", 0) < 0 and c.get("label", "negative") == "negative"),
                 key=lambda c: (c["score"], -c.get("documents", 0), c["name"]))[:TOP]
    return pos, neg


def sentiment_extremes(results: dict) -> list[str]:
    if _summary(results, "sentiment") is None:
        return ["- **情感 Sentiment**: 未运行 not run"]
    pos, neg = extremes(results)
    fmt = lambda cs: ", ".join(f"{c['name']} ({signed(c['score'])})" for c in cs) or "无 none"  # noqa: E731
    return [f"- **最正面 Most positive**: {fmt(pos)}", f"- **最负面 Most negative**: {fmt(neg)}"]


def stance_split(results: dict) -> str:
    s = _summary(results, "stance")
    if s is None:
        return "- **立场分布 Stance split**: 未运行 not run"
    labels = s.get("labels") or {}
    return "- **立场分布 Stance split**: " + " · ".join(f"{label_zh(k)} {labels.get(k, 0)}" for k in STANCE_LABELS)


def conflicts_line(results: dict) -> str:
    s = _summary(results, "rivalry")
    if s is None:
        return "- **冲突 Conflicts**: 未运行 not run"
    pairs = [p for p in s.get("pairs", []) if p.get("kind") == "conflict"]
    pairs.sort(key=lambda p: (-p.get("documents", 0), -p.get("intensity", 0), p["a"], p["b"]))
    text = ", ".join(f"{p['a']} – {p['b']} ({p.get('documents', 0)} 篇 docs)" for p in pairs[:6]) or "未发现 none found"
    return f"- **冲突 Conflicts**: {text}"


# -- standard charts --------------------------------------------------------------------

def sentiment_chart(results: dict) -> Chart | None:
    companies = (_summary(results, "sentiment") or {}).get("companies", [])
    top = sorted(companies, key=lambda c: (-c.get("mentions", 0), c["name"]))[:15]
    if not top:
        return None
    top.sort(key=lambda c: (-c["score"], c["name"]))
    return Chart("barh", "公司情感得分 Sentiment by company", {
        "labels": [c["name"] for c in top], "values": [round(c["score"], 3) for c in top],
        "limits": [-1, 1], "integer": False, "xlabel": "得分 score (−1 负面 … +1 正面)"}, name="sentiment")


def _facts(results: dict, facts):
    if facts is not None:
        return facts
    from .sections import gather_facts

    return gather_facts(results)


def timeline_chart(results: dict, facts=None) -> Chart | None:
    """Documents per month, and for the most covered companies the documents mentioning them."""
    f = _facts(results, facts)
    months, per_company = f.months, f.company_months
    if len(months) < 2:  # one month is a point, not a trend
        return None
    x = sorted(months)
    series = {"全部文档 all documents": [months[m] for m in x]}
    top = sorted(per_company, key=lambda n: (-sum(per_company[n].values()), n))[:4]
    series.update({n: [per_company[n][m] for m in x] for n in top})
    return Chart("line", "报道趋势 Coverage over time", {"x": x, "series": series, "ylabel": "文档 documents"}, name="timeline")


def stance_chart(results: dict) -> Chart | None:
    labels = (_summary(results, "stance") or {}).get("labels")
    if not labels or not any(labels.values()):
        return None
    return Chart("bar", "文章立场分布 Stance distribution", {
        "labels": [label_zh(k) for k in STANCE_LABELS], "values": [labels.get(k, 0) for k in STANCE_LABELS],
        "ylabel": "文档 documents"}, name="stance")


def rivalry_chart(results: dict) -> Chart | None:
    s = _summary(results, "rivalry") or {}
    graph = s.get("graph") or {}
    edges = [(e["a"], e["b"], e.get("weight", 1), e.get("kind", "competition")) for e in graph.get("edges", [])]
    if not edges:
        edges = [(p["a"], p["b"], p.get("intensity", 0.5), p.get("kind", "competition")) for p in s.get("pairs", [])]
    if not edges:
        return None
    top = max(float(w) for _, _, w, _ in edges) or 1.0
    nodes = sorted({n for a, b, _, _ in edges for n in (a, b)})
    return Chart("network", "对立关系网络 Rivalry network", {
        "nodes": nodes, "edges": [[a, b, round(float(w) / top, 3), k] for a, b, w, k in edges],
        "size": (7.2, 5.0)}, name="rivalry")


# -- fallback sections with evidence --------------------------------------------------

def _quotes(evidence: list[dict], titles: dict, limit: int = QUOTES) -> list[Quote]:
    seen, out = set(), []
    for e in evidence:
        key = (e.get("doc"), e.get("text"))
        if key in seen or not e.get("text"):
            continue
        seen.add(key)
        out.append(Quote(summary(e["text"], 220), doc_label(titles, e.get("doc"))))
        if len(out) == limit:
            break
    return out


def _finding(heading: str, quotes: list[Quote]) -> list:
    """A finding's heading line followed by its evidence, or nothing when there is no evidence."""
    return [heading, *quotes] if quotes else []


def sentiment_section(results: dict, facts=None) -> list[Section]:
    s = _summary(results, "sentiment") or {}
    f = _facts(results, facts)
    titles = f.titles
    rows = [[c["name"], label_zh(c.get("label")), signed(c.get("score")), c.get("mentions", 0), c.get("documents", 0),
             c.get("positive", 0), c.get("negative", 0), c.get("neutral", 0)]
            for c in sorted(s.get("companies", []), key=lambda c: (-c.get("score", 0), c["name"]))]
    blocks: list = [Table(["公司 company", "情感 label", "得分 score", "提及 mentions", "文档 docs", "正 pos", "负 neg", "中 neu"], rows)]
    chart = sentiment_chart(results)
    if chart:
        blocks.append(chart)
    evidence = f.evidence  # gathered for the extremes' companies
    pos, neg = extremes(results)
    for c, sign in [(c, 1) for c in pos] + [(c, -1) for c in neg]:
        ev = sorted(evidence.get(c["name"], []), key=lambda e: (-sign * e.get("score", 0), e.get("doc", ""), e.get("start", 0)))
        quotes = _quotes([e for e in ev if sign * e.get("score", sign) > 0] or ev, titles)
        blocks += _finding(f"**{c['name']}** — {label_zh(c.get('label'))} {signed(c['score'])}", quotes)
    return [Section("公司情感 Sentiment toward companies", blocks, order=30, analyzer="sentiment")]


def stance_section(results: dict, facts=None) -> list[Section]:
    s = _summary(results, "stance") or {}
    titles = _facts(results, facts).titles
    labels = s.get("labels") or {}
    blocks: list = [Table(["立场 stance", "文档 documents"], [[label_zh(k), labels.get(k, 0)] for k in STANCE_LABELS])]
    chart = stance_chart(results)
    if chart:
        blocks.append(chart)
    speakers = s.get("speakers", [])
    if speakers:
        blocks.append(Table(["发言人 speaker", "机构 organization", "立场 stance", "文档 documents"],
                            [[p["speaker"], p.get("organization") or "", label_zh(p.get("label")), p.get("documents", 0)] for p in speakers]))
        for p in speakers[:8]:
            blocks += _finding(f"**{p['speaker']}** ({p.get('organization') or '—'}) — {label_zh(p.get('label'))}",
                               _quotes(p.get("quotes", []), titles, 1))
    return [Section("通用与垂直大模型之争 Stance: general vs vertical models", blocks, order=40, analyzer="stance")]


def rivalry_section(results: dict, facts=None) -> list[Section]:
    s = _summary(results, "rivalry") or {}
    titles = _facts(results, facts).titles
    pairs = sorted(s.get("pairs", []), key=lambda p: (p.get("kind") != "conflict", -p.get("documents", 0), p["a"], p["b"]))
    blocks: list = [Table(["公司 A", "公司 B", "类型 kind", "文档 documents", "强度 intensity", "人物 people"],
                          [[p["a"], p["b"], label_zh(p.get("kind")), p.get("documents", 0), f"{p.get('intensity', 0):.2f}",
                            ", ".join(p.get("people") or [])] for p in pairs])]
    chart = rivalry_chart(results)
    if chart:
        blocks.append(chart)
    for p in pairs[: TOP * 2]:
        blocks += _finding(f"**{p['a']} – {p['b']}** — {label_zh(p.get('kind'))}", _quotes(p.get("evidence", []), titles))
    return [Section("公司对立与竞争 Rivalries", blocks, order=50, analyzer="rivalry")]
