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



@pytest.mark.parametrize("text, label", [
    # Sentences of one quote are separate clauses: the evaluation in the second judges only its own.
    ("星海科技创始人刘志远说\uff1a“通用模型什么都能做。专用方案只是过渡。”", "general"),
    # Performance judgements (偏低) and comparisons (远比…更容易) count against / for a side.
    ("星海科技创始人刘志远表示\uff0c通用大模型直接生成的结果偏低\uff0c专科模型远比通用助手更容易通过审查。", "vertical"),
    # In the passive the agent after 被 wins.
    ("星海科技创始人刘志远表示,你在行业里积累的优势,明年可能被一个更强的基座模型直接抹平。", "general"),
    # A clause opening with 不如 recommends what follows.
    ("星海科技创始人刘志远表示,算力有限,与其硬塞进去,不如为每个场景做一个够用的模型。", "vertical"),
])
def test_speaker_arguments_by_semantic_class(text, label):
    assert speakers(text)["刘志远"]["label"] == label


@pytest.mark.parametrize("text, label", [
    # A both-sides pattern judged against is no balance: the judged vertical moat counts for general.
    ("任何建立在通用模型之上的垂直护城河都是暂时的。创业公司应该押注通用模型。", "general"),
    ("医院并不关心模型是“通用”还是“垂直”,只关心准不准。", "none"),  # the question itself dismissed
    ("研究人员指出,基于开源模型做微调本身并无不妥,问题在于是否如实披露。", "none"),  # no side named
])
def test_document_label_of_judged_or_dismissed_patterns(text, label):
    assert run(text)[1]["label"] == label
