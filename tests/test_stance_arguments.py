"""Stance: an argument for one side that mentions the other is not balanced; invented sentences."""
import pytest

from test_stance import run
from test_stance_speakers import speakers


def stance(text):
    return run(text)[1]


@pytest.mark.parametrize("text", [
    "通用大模型固然强大,但企业真正需要的是行业模型。",
    "虽然通用大模型能力很强,也有不少拥趸,企业真正需要的却是行业模型。",
    "通用大模型的确有声势,不过对企业来说,小而美的场景模型才是出路。",
    "通才不如专才,行业客户更看好专用模型。",
])
def test_conceding_the_general_side_argues_for_vertical(text):
    r = stance(text)
    assert r["label"] == "vertical", r
    assert r["score"] > 0


@pytest.mark.parametrize("text", [
    "垂直模型只是通用能力的一个应用,真正的壁垒在基础模型。",
    "行业模型固然能解决一时的问题,但真正的壁垒在基座模型。",
    "规模定律依然有效,参数规模还会继续增长,大一统的模型终将胜出。",
    "在他们看来,通用智能才是终点,AGI是唯一的方向。",
])
def test_arguments_for_general_that_mention_vertical_are_general(text):
    r = stance(text)
    assert r["label"] == "general", r
    assert r["score"] < 0


def test_endorsing_both_sides_is_balanced():
    r = stance("通用大模型是必须的底座,行业模型也有更好的前景,两者应该并重。")
    assert r["label"] == "balanced"


def test_vertical_on_general_as_the_way_forward_is_balanced():
    r = stance("未来的主流是基于通用大模型打造行业应用。")
    assert r["label"] == "balanced"


def test_reporting_launches_of_both_kinds_is_none():
    text = ("甲公司本周发布了通用大模型。乙公司推出了医疗行业大模型。丙公司上线了基础模型。"
            "丁公司发布了金融垂直模型。戊公司也推出了通用大模型和行业模型。")
    r = stance(text)
    assert r["label"] == "none" and r["score"] == 0.0


def test_subordinate_needs_two_sides():
    # "只是少数" has no other side after it: the sentence stays a plain argument about one side.
    r = stance("能做成通用大模型的公司只是少数,通用大模型才是真正的平台级机会。")
    assert r["label"] == "general"


def test_sentences_of_one_quote_are_separate_clauses():
    # An evaluation in the next sentence of the same quote does not turn the cue before it.
    s = speakers("星海科技创始人刘志远说\uff1a“通用模型什么都能做。专用方案只是过渡。”")
    assert s["刘志远"]["label"] == "general"


def test_performance_and_permanence_judgements_count_against_the_side():
    s = speakers("星海科技创始人刘志远表示\uff0c通用大模型直接生成的结果偏低\uff0c专科模型远比通用助手更容易通过审查。")
    assert s["刘志远"]["label"] == "vertical"


def test_a_both_sides_pattern_judged_temporary_is_no_balance():
    _, r = run("任何建立在通用模型之上的垂直护城河都是暂时的。")
    assert r["label"] != "balanced"
