"""Stance: how far an evaluation reaches (its sentence, clear words only) and clauses of contrast; invented sentences."""
import pytest

from test_stance import run
from test_stance_speakers import speakers


def stance(text):
    return run(text)[1]


def test_a_side_contrasted_with_the_present_no_longer_holds():
    r = stance("与前几年一窝蜂押注专用模型不同,今年的投资人把票投给了通用大模型。")
    assert r["label"] == "general", r


@pytest.mark.parametrize("text", [
    "通用模型一发布,团队的压力测试就顺利通过了。",  # 压力 here is a noun, not a verdict
    "很多团队用上了通用模型。投资人不想再为重复造轮子的项目买单。",  # the verdict is about its own sentence
])
def test_a_weak_or_distant_evaluation_does_not_turn_a_side(text):
    assert stance(text)["label"] != "vertical"


def test_a_verdict_in_a_longer_sentence_stays_there():
    got = speakers("投资人吴澄说:“很多团队用上了通用模型。投资人不想再为重复造轮子的项目买单。”")
    assert got.get("吴澄", {}).get("label") != "vertical", got


def test_a_shrinking_moat_is_judged_against():
    r = stance("垂直模型的护城河正在快速变浅。")
    assert r["label"] == "general", r


@pytest.mark.parametrize("text, speaker, label", [
    # a verdict standing alone judges the sentence before
    ("农机厂商负责人周野说:“让每台农机都去云端调用千亿参数的通用大模型?不现实。”", "周野", "vertical"),
    # a stated attitude is the speaker's side
    ("星云医疗创始人沈岚的态度则更偏向专科模型。她提醒,审批看的是确定的适应症。", "沈岚", "vertical"),
    # understanding a side before a turn only concedes it
    ("投资人周野表示,他理解专用模型的价值,但更愿意投能在通用模型上快速适配的团队。", "周野", "general"),
    # coexistence of both kinds is balanced
    ("分析师沈岚认为,企业市场会是通用模型和行业模型共存的格局。", "沈岚", "balanced"),
    # persisting with a side argues for it
    ("星河医疗技术负责人沈岚表示,公司坚持在自有病历数据上训练专用模型。", "沈岚", "vertical"),
])
def test_a_speakers_side(text, speaker, label):
    got = speakers(text)
    assert got[speaker]["label"] == label, got
