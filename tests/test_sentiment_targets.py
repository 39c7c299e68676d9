"""Targets of `newskit target-sentiment`: what kind of word a target is changes how much opinion it takes."""
import pytest

from newskit.commands.target_sentiment import Scorer
from newskit.sentiment import target_kind


@pytest.fixture(scope="module")
def scorer():
    return Scorer(evidence=False)


def label(scorer, text, targets):
    return {t["name"]: t["label"] for t in scorer.score({"id": "t", "text": text, "targets": targets})["targets"]}


def test_dictionary_kinds():
    assert target_kind("上海") == "ns"
    assert target_kind("销量") == "n"
    assert target_kind("王大锤") is None  # not a dictionary word: a name


def test_known_company_is_a_party_even_when_the_dictionary_says_place(scorer):
    assert target_kind("京东") == "ns"
    assert target_kind("京东", scorer.kb) is None


def test_place_and_common_noun_stay_neutral_while_the_party_takes_the_opinion(scorer):
    text = "在上海举办的展会上,星河科技表现出色,销量大幅增长,赢得一片赞誉。"
    got = label(scorer, text, ["上海", "星河科技", "销量"])
    assert got == {"上海": "neutral", "星河科技": "positive", "销量": "neutral"}


def scores(scorer, text, targets):
    return {t["name"]: t["score"] for t in scorer.score({"id": "t", "text": text, "targets": targets})["targets"]}


@pytest.mark.parametrize("text", ["星河科技起诉月光公司侵犯其专利。", "月光公司遭星河科技起诉。",
                                  "原告星河科技诉被告月光公司侵权。", "星河科技指控月光公司窃取商业机密。",
                                  "星河科技公开批评月光公司。"])
def test_the_accused_gets_the_negative_not_the_plaintiff(scorer, text):
    got = label(scorer, text, ["星河科技", "月光公司"])
    assert got == {"星河科技": "neutral", "月光公司": "negative"}


def test_sanction_object_after_dui_and_in_the_passive(scorer):
    assert label(scorer, "监管部门对月光公司罚款200万元。", ["月光公司"])["月光公司"] == "negative"
    assert label(scorer, "月光公司因违规被处罚。", ["月光公司"])["月光公司"] == "negative"


def test_benchmark_ranking_and_factual_gain_are_not_praise(scorer):
    got = label(scorer, "在最新评测中,星河科技和月光公司总分均在70分以上,位列第一梯队。", ["星河科技", "月光公司"])
    assert got == {"星河科技": "neutral", "月光公司": "neutral"}
    assert label(scorer, "星河科技的新芯片大幅提升了算力。", ["星河科技"])["星河科技"] == "neutral"


def test_praise_in_a_launch_sentence_is_weaker_than_an_evaluation(scorer):
    launch = scores(scorer, "星河科技发布了广受好评的新手机。", ["星河科技"])["星河科技"]
    verdict = scores(scorer, "业内人士认为,星河科技的新手机广受好评。", ["星河科技"])["星河科技"]
    assert 0 < launch < verdict


def test_sentence_tone_spares_the_party_bringing_a_charge(scorer):
    # the whole sentence is bad news, but for the accused, not for the plaintiff
    got = label(scorer, "原告星河科技诉被告月光公司侵权,月光公司涉嫌抄袭,损失惨重。", ["星河科技", "月光公司"])
    assert got == {"星河科技": "neutral", "月光公司": "negative"}


def test_a_party_after_zai_is_the_setting_not_the_one_judged(scorer):
    # the setback is the company's; the market it happened in takes neither the cue nor the sentence's tone
    got = label(scorer, "星河科技在月光市场遭遇重挫,业绩大幅下滑。", ["星河科技", "月光市场"])
    assert got == {"星河科技": "negative", "月光市场": "neutral"}
    # 由于 X is a cause, not a place: X keeps the sentence's tone
    got = label(scorer, "由于月光公司违规操作,项目严重受损。", ["月光公司"])
    assert got == {"月光公司": "negative"}


def test_criticism_in_the_passive_after_a_quote_falls_on_the_speaker(scorer):
    got = label(scorer, "星河科技CEO张三说行业没有未来,被媒体和用户猛烈抨击。", ["张三"])
    assert got == {"张三": "negative"}


def test_tone_only_weight_scales_parties_that_no_cue_is_scoped_to(tmp_path):
    # 月光公司 is named in the clause of no cue: the sentence's tone is all it has
    text = "月光公司参与的项目中,星河科技业绩大幅下滑,亏损严重。"
    record = {"id": "t", "text": text, "targets": ["星河科技", "月光公司"]}
    got = {}
    for k in (1.0, 3.0):
        (tmp_path / f"{k}.toml").write_text(f"[settings]\ntone_only = {k}\n", encoding="utf-8")
        got[k] = {t["name"]: t["score"] for t in Scorer([tmp_path / f"{k}.toml"], evidence=False).score(record)["targets"]}
    assert got[3.0]["星河科技"] == got[1.0]["星河科技"] < 0
    assert got[3.0]["月光公司"] < got[1.0]["月光公司"] < 0


def test_a_party_with_its_own_cues_keeps_less_of_the_sentences_tone(tmp_path):
    record = {"id": "t", "text": "星河科技业绩大幅增长,而行业整体亏损严重,裁员频繁。", "targets": ["星河科技"]}
    got = {}
    for k in (0.0, 1.0):
        (tmp_path / f"{k}.toml").write_text(f"[settings]\nscoped_tone = {k}\n", encoding="utf-8")
        got[k] = Scorer([tmp_path / f"{k}.toml"], evidence=False).score(record)["targets"][0]["score"]
    assert got[0.0] > got[1.0]  # the sentence's bad news about the industry weighs less on it
