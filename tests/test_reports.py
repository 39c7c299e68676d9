"""Reports from a synthetic results file: Markdown content and determinism, charts, CSV, comparisons, CLI."""
from __future__ import annotations

import csv
import io
import json
import types
import warnings

import pytest

from newskit.reports import Chart, Quote, Section, Table, build_reports, collect_sections
from newskit.reports.compare import changes
from newskit.reports.markdown import render_markdown
from reports_fixture import later_build, synthetic_results

NO_PLUGINS = types.SimpleNamespace(analyzers={})  # sections come from the built-in fallbacks


def markdown(results, registry=NO_PLUGINS, previous=None) -> str:
    return render_markdown(results, collect_sections(results, registry, previous))


def test_markdown_has_summary_findings_and_evidence():
    md = markdown(synthetic_results())
    for title in ("## 摘要 Summary", "## 公司一览 Companies", "## 公司情感 Sentiment toward companies",
                  "## 公司对立与竞争 Rivalries", "## 附录:文档 Appendix: documents", "## 运行信息 Run information"):
        assert title in md
    summary = md.split("## 公司一览")[0]
    assert "2024-05-12 – 2024-07-08" in summary
    assert "**最正面 Most positive**: 百川智能 (+0.45)" in summary
    assert "**最负面 Most negative**: 字节跳动 (-0.55)" in summary
    assert "字节跳动 – 腾讯" in summary and "百度 – 阿里巴巴" not in summary  # conflicts only, not competition
    # evidence quotes name the document they come from
    assert "> 字节跳动指控腾讯滥用市场支配地位,双方矛盾激化。 —— c.txt · 字节跳动与腾讯的诉讼再起波澜" in md
    assert "broken.txt" in md.split("## 运行信息")[1]


def test_company_table_merges_mentions_and_sentiment_with_trend():
    md = markdown(synthetic_results())
    row = next(line for line in md.splitlines() if line.startswith("| 百度 |"))
    # 百度: 6+1+1 mentions in 3 documents, mean score (0.62-0.3+0.2)/3, trend 2024-05 -> 2024-07 falls
    assert row.startswith("| 百度 | 8 | 3 | +0.17 | 正面 positive | ↓ -0.42 (2024-05→2024-07) |")


def test_markdown_is_deterministic_and_one_line_per_paragraph():
    a, b = markdown(synthetic_results()), markdown(synthetic_results())
    assert a == b
    for line in a.splitlines():  # no paragraph wrapped mid-sentence: every non-empty line is a block of its own kind
        assert not line.startswith(("，", "。", ",")), line


def test_missing_analyzers_degrade_gracefully():
    r = synthetic_results()
    r["run"]["analyzers"] = [a for a in r["run"]["analyzers"] if a["name"] == "entities"]
    for name in ("sentiment", "stance", "rivalry"):
        del r["summaries"][name]
        for d in r["documents"]:
            del d["results"][name]
    md = markdown(r)
    assert "**情感 Sentiment**: 未运行 not run" in md and "**冲突 Conflicts**: 未运行 not run" in md
    assert "## 公司情感" not in md and "| 百度 | 8 | 3 | — | — | — |" in md


def test_third_party_section_and_failing_section():
    class Extra:
        name, version = "wordcount", "1"

        def report_sections(self, results):
            return [Section("篇幅 Length", ["平均 1200 字。", Table(["a"], [["x"]]), Quote("引语", "a.txt"),
                                           Chart("bar", "字数", {"labels": ["甲"], "values": [3]}, name="words")], order=70)]

    class Broken:
        name, version = "broken", "1"

        def report_sections(self, results):
            raise RuntimeError("boom")

    r = synthetic_results()
    r["run"]["analyzers"] += [{"name": "wordcount", "version": "1"}, {"name": "broken", "version": "1"}]
    md = markdown(r, types.SimpleNamespace(analyzers={"wordcount": Extra(), "broken": Broken()}))
    assert "## 篇幅 Length" in md and "平均 1200 字。" in md and "![字数](charts/words.png)" in md
    assert "RuntimeError: boom" in md


def test_analyzer_section_replaces_the_builtin_one_and_its_chart():
    class Stance:
        name = "stance"

        def report_sections(self, results):
            return [Section("立场 mine", [Chart("bar", "x", {"labels": ["a"], "values": [1]}, name="stance")], order=40)]

    md = markdown(synthetic_results(), types.SimpleNamespace(analyzers={"stance": Stance()}))
    assert "## 立场 mine" in md and "通用与垂直大模型之争" not in md
    assert md.count("charts/stance.png") == 1


def test_chart_names_are_unique():
    sections = [Section("a", [Chart("bar", "1", {}, name="x"), Chart("bar", "2", {}, name="x"), Chart("bar", "3", {})])]
    from newskit.reports.sections import name_charts

    name_charts(sections)
    names = [b.name for b in sections[0].blocks]
    assert len(set(names)) == 3 and names[:2] == ["x", "x-2"]


def test_charts_render_chinese_reproducibly(tmp_path):
    from newskit.reports.charts import render_chart

    chart = next(b for s in collect_sections(synthetic_results(), NO_PLUGINS) for b in s.blocks
                 if isinstance(b, Chart) and b.kind == "network")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph ("Glyph … missing from font") fails here
        first = render_chart(chart)
        assert first[:8] == b"\x89PNG\r\n\x1a\n"
        assert render_chart(chart) == first
    assert b"tEXt" not in first or b"Software" not in first and b"Date" not in first


def test_missing_glyph_is_an_error_under_the_test_settings():
    from newskit.reports.charts import render_chart

    with pytest.raises(UserWarning, match="Glyph"):
        render_chart(Chart("bar", "한국", {"labels": ["a"], "values": [1]}))


def test_compare_finds_real_differences():
    before, after = synthetic_results(), later_build(synthetic_results())
    c = changes(after, before)
    assert c["new_companies"] == ["零一万物"] and c["dropped_companies"] == []
    assert [(s["name"], round(s["delta"], 2)) for s in c["sentiment_shifts"]] == [("腾讯", 0.75)]
    assert [(p["a"], p["b"]) for p in c["new_rivalries"]] == [("百川智能", "零一万物")]
    assert [(p["a"], p["b"]) for p in c["ended_rivalries"]] == [("Meta", "OpenAI")]
    assert c["stance_labels"]["vertical"] == [1, 3]
    assert c["stance_moves"] == [{"speaker": "李彦宏", "organization": "百度", "before": "general", "after": "balanced"}]
    assert changes(before, before)["sentiment_shifts"] == [] and changes(before, before)["new_rivalries"] == []
    md = markdown(after, previous=before)
    section = md.split("## 变化 What changed")[1].split("\n## ")[0]
    assert "零一万物" in section and "百川智能 – 零一万物" in section and "Meta – OpenAI" in section
    assert "| 腾讯 | -0.40 负面 negative | +0.35 正面 positive | +0.75 |" in section
    assert "垂直 vertical 1→3" in section


def test_csv_tables_have_bom_and_one_row_per_item(tmp_path):
    r = synthetic_results()
    folder = build_reports(r, tmp_path, ["csv"], NO_PLUGINS)[0]
    raw = (folder / "sentiment.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == sum(len(d["results"]["sentiment"]["companies"]) for d in r["documents"])
    assert {"doc": "c.txt", "company": "腾讯", "label": "negative", "score": "-0.4"}.items() <= rows[5].items()
    rivalry = list(csv.DictReader(io.StringIO((folder / "rivalry.csv").read_text(encoding="utf-8-sig"))))
    assert [(x["a"], x["b"], x["kind"]) for x in rivalry] == [("百度", "阿里巴巴", "competition"), ("字节跳动", "腾讯", "conflict"), ("Meta", "OpenAI", "conflict")]
    assert {p.name for p in folder.iterdir()} == {"documents.csv", "companies.csv", "sentiment.csv", "stance.csv", "rivalry.csv"}


def test_report_command_rebuilds_markdown_with_compare(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newskit.cli import cli

    monkeypatch.setenv("NEWSKIT_LOAD_PLUGINS", "")
    before, after = tmp_path / "before.json", tmp_path / "results.json"
    before.write_text(json.dumps(synthetic_results(), ensure_ascii=False), encoding="utf-8")
    after.write_text(json.dumps(later_build(synthetic_results()), ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(cli, ["report", str(after), "--format", "md", "--compare", str(before)])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## 变化 What changed" in md and "百川智能 – 零一万物" in md
    assert {p.name for p in (tmp_path / "charts").iterdir()} >= {"sentiment.png", "stance.png", "rivalry.png", "timeline.png"}
    first = (tmp_path / "report.md").read_bytes()
    assert CliRunner().invoke(cli, ["report", str(after), "--format", "md", "--compare", str(before)]).exit_code == 0
    assert (tmp_path / "report.md").read_bytes() == first
    bad = CliRunner().invoke(cli, ["report", str(after), "--format", "docx"])
    assert bad.exit_code == 2 and "docx" in bad.output
    missing = CliRunner().invoke(cli, ["report", str(after), "--compare", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "nope.json" in missing.output


def test_html_keeps_each_quote_in_its_own_blockquote_and_has_a_toc():
    from newskit.reports.html import html_document

    page = html_document(markdown(synthetic_results()))
    assert page.count("<blockquote>") == page.count("</blockquote>") >= 10
    assert '<nav class="toc">' in page and 'href="#摘要-summary"' in page
    import re

    quotes = re.findall("<blockquote>(.*?)</blockquote>", page, re.S)
    assert quotes and all(q.count("<p>") == 1 for q in quotes)


def test_appendix_lists_a_bounded_number_of_documents(monkeypatch):
    from newskit.reports import sections

    results = synthetic_results()
    monkeypatch.setattr(sections, "APPENDIX_DOCUMENTS", 2)
    appendix = sections.documents_appendix(results)
    headings = [b for b in appendix.blocks if isinstance(b, str) and b.startswith("### ")]
    assert len(headings) == 2
    more = len(results["documents"]) - 2
    assert f"and {more} more documents" in appendix.blocks[-1]
