"""Stance on vertical vs general models, on invented sentences."""
import pytest

from newskit.cues import LexiconError
from newskit.document import Document
from newskit.pipeline import Context
from newskit.plugins.stance import StanceAnalyzer


def run(text, settings=None, context=None, people=(), companies=()):
    doc = Document("t.txt", text)
    doc.set_result("entities", {"companies": list(companies), "people": list(people), "unknown_organizations": []})
    a = StanceAnalyzer()
    a.configure(settings or {}, context)
    a.ensure_setup()
    return doc, a.analyze(doc)


def test_argued_vertical():
    _, r = run("未来的机会在行业大模型。创业公司应该深耕细分领域。")
    assert r["label"] == "vertical" and r["score"] > 0.3


def test_argued_general():
    _, r = run("通用大模型才是真正的平台级机会。专用模型终将被替代。")
    assert r["label"] == "general" and r["score"] < -0.3


def test_negation_flips_the_cue():
    _, r = run("真正的出路不是通用大模型,而是行业大模型。我们不需要考虑通用性。")
    assert r["label"] == "vertical"


def test_evaluation_in_a_following_clause_turns_the_cue_against_itself():
    _, r = run("客户接入通用大模型后,发现响应速度慢,回答还不专业。")
    assert r["label"] == "vertical"


def test_vertical_built_on_general_is_balanced():
    _, r = run("基于通用大模型做行业应用,会成为未来主流的方向。通用和行业齐头并进才是正路。")
    assert r["label"] == "balanced"


def test_mere_launch_reports_do_not_take_a_side():
    _, r = run("某公司发布了通用大模型。另一家公司也推出了基础模型。")
    assert r["label"] == "none" and r["score"] == 0.0


def test_refuted_sentence_turns_over():
    _, r = run("市场曾认为,行业大模型才是突围的出路。但事实并非如此。")
    assert r["label"] == "general"


def test_evidence_points_into_the_text():
    doc, r = run("今天天气很好。未来的机会在行业大模型。")
    assert r["evidence"]
    for ev in r["evidence"]:
        assert doc.text[ev["start"]:ev["end"]] == ev["text"]
    assert "行业大模型" in r["evidence"][0]["text"]


def test_speakers_get_their_own_stance_with_quotes():
    text = ("北辰数据总裁钱立民表示,通用大模型才是真正的大机会。\n"
            "“专用模型终将退场。”远望资本合伙人许文博则说。\n"
            "星云智算CEO郑怀远认为,创业公司应该做垂直大模型。\n"
            "郑怀远还说,今天天气不错。")
    doc, r = run(text)
    speakers = {s["speaker"]: s for s in r["speakers"]}
    assert speakers["钱立民"]["label"] == "general"
    assert speakers["钱立民"]["organization"] == "北辰数据"
    assert speakers["郑怀远"]["label"] == "vertical"
    assert speakers["许文博"]["label"] == "general"
    for s in speakers.values():
        assert s["quotes"] and all(doc.text[q["start"]:q["end"]] == q["text"] for q in s["quotes"])


def test_user_lexicon_extends_the_bundled_one(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[vertical]\n"端侧模型" = 1.0\n', encoding="utf-8")
    _, before = run("端侧模型才是出路。")
    _, after = run("端侧模型才是出路。", settings={"lexicons": [str(extra)]})
    assert before["label"] == "none" and after["label"] == "vertical"


def test_plugin_lexicons_arrive_through_the_context(tmp_path):
    extra = tmp_path / "plugin.toml"
    extra.write_text('[general]\n"世界模型" = 1.0\n', encoding="utf-8")
    _, r = run("世界模型才是出路。", context=Context(lexicon_files=[("stance", str(extra)), ("sentiment", "x")]))
    assert r["label"] == "general"


def test_bad_lexicon_names_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[vertical]\n"端侧" = "high"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml"):
        run("端侧。", settings={"lexicons": [str(bad)]})


def test_summary_counts_labels_and_speakers():
    a = StanceAnalyzer()
    recs = [{"results": {"stance": {"label": "vertical", "speakers": [
        {"speaker": "甲", "organization": "A", "label": "vertical", "score": 0.5, "quotes": [{"text": "q"}]}]}}},
            {"results": {"stance": {"label": "none", "speakers": []}}}]
    s = a.summarize(iter(recs))
    assert s["labels"] == {"general": 0, "vertical": 1, "balanced": 0, "none": 1}
    assert s["speakers"][0]["speaker"] == "甲" and s["speakers"][0]["documents"] == 1
