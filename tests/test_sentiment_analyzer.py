"""The sentiment analyzer and the target-sentiment command, on small made-up articles."""
import json

from click.testing import CliRunner

from newskit.cli import cli
from newskit.document import Document
from newskit.plugins.sentiment import SentimentAnalyzer

TEXT = "甲公司进展神速,估值翻倍。\n乙公司裁员,陷入困境。\n丙公司也在场。"


def _doc(text=TEXT, date="2024-03-05"):
    doc = Document("a.txt", text, meta={"date": date})
    companies = []
    for name in ("甲公司", "乙公司", "丙公司"):
        i = text.find(name)
        companies.append({"name": name, "mentions": 1, "spans": [[i, i + len(name)]]})
    doc.set_result("entities", {"companies": companies, "people": []})
    return doc


def _analyzer(settings=None):
    a = SentimentAnalyzer()
    a.configure(settings or {})
    a.ensure_setup()
    return a


def test_labels_scores_and_checkable_evidence():
    a = _analyzer()
    doc = _doc()
    res = a.analyze(doc)
    by = {c["name"]: c for c in res["companies"]}
    assert by["甲公司"]["label"] == "positive" and by["乙公司"]["label"] == "negative" and by["丙公司"]["label"] == "neutral"
    for c in res["companies"]:
        assert -1 <= c["score"] <= 1
        for ev in c["evidence"]:
            assert doc.text[ev["start"]:ev["end"]] == ev["text"]
    assert by["乙公司"]["evidence"][0]["score"] < 0 and "裁员" in by["乙公司"]["evidence"][0]["text"]
    json.dumps(res, ensure_ascii=False)


def test_summary_has_counts_and_monthly_trend():
    a = _analyzer()
    recs = []
    for date in ("2024-03-05", "2024-04-01", None):
        d = _doc(date=date)
        d.set_result("sentiment", a.analyze(d))
        recs.append(d.to_record())
    s = a.summarize(iter(recs))
    jia = next(c for c in s["companies"] if c["name"] == "甲公司")
    assert jia["documents"] == 3 and jia["positive"] == 3 and jia["label"] == "positive"
    assert [t["date"] for t in jia["trend"]] == ["2024-03", "2024-04"]


def test_unknown_engine_is_an_error():
    import pytest

    a = SentimentAnalyzer()
    a.configure({"engine": "magic"})
    with pytest.raises(ValueError, match="engine"):
        a.ensure_setup()


def test_target_sentiment_streams_and_reports_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "1", "text": "甲公司遥遥领先乙公司。", "targets": ["甲公司", "乙公司", "丁"]}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "3", "text": "x"}),
        json.dumps({"id": "4", "text": "丙公司破产了。", "targets": ["丙公司"]}, ensure_ascii=False),
    ]), encoding="utf-8")
    r = CliRunner().invoke(cli, ["target-sentiment", str(src), "--no-kb"])
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["1", "4"]
    got = {t["name"]: t["label"] for t in lines[0]["targets"]}
    assert got == {"甲公司": "positive", "乙公司": "negative", "丁": "neutral"}
    assert lines[1]["targets"][0]["label"] == "negative"
    assert "in.jsonl:2" in r.stderr and "in.jsonl:3" in r.stderr and "targets" in r.stderr
