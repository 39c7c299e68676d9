"""Rivalry: public spats on social media, replies, lawsuits; negative controls. Invented sentences."""
import pytest

from newskit.document import Document
from newskit.plugins.rivalry import RivalryAnalyzer

COMPANIES = [{"name": n, "aliases": [n]} for n in ("云帆", "星河", "蓝鲸科技", "华为")]


def pairs(text):
    doc = Document("p.txt", text)
    doc.set_result("entities", {"companies": COMPANIES, "people": [], "unknown_organizations": []})
    a = RivalryAnalyzer()
    a.configure({}, None)
    a.ensure_setup()
    return [(p["a"], p["b"], p["kind"]) for p in a.analyze(doc)["pairs"]]


@pytest.mark.parametrize("text", [
    "云帆在微博上嘲讽星河CEO张三只会讲故事。",
    "云帆官方微博发文,暗讽星河CEO张三的大模型是套壳。",
    "星河CEO张三隔空喊话云帆创始人李四。",
    "云帆创始人李四在朋友圈调侃星河的新品。",
    "云帆将星河诉至法院,索赔1000万元。",
    "云帆指控星河不正当竞争。",
])
def test_barbs_and_lawsuits_between_two_parties_are_conflict(text):
    assert pairs(text) == [("云帆", "星河", "conflict")]


def test_a_reply_answers_the_author_of_an_earlier_barb():
    text = "云帆创始人李四在朋友圈暗讽某些公司只会套壳。当晚,星河副总裁张三随即发文反驳。"
    assert pairs(text) == [("云帆", "星河", "conflict")]


def test_a_reply_with_no_barb_before_is_nothing():
    assert pairs("云帆发布了新一代大模型。星河副总裁张三随即发文回应,称将加快研发。") == []


@pytest.mark.parametrize("text", [
    "讽刺的是云帆和星河都还没有盈利。",          # "ironically": no barb
    "云帆与星河同台发布新品。",                  # co-mention
    "云帆、星河、华为都发布了大模型,竞争激烈。",  # a list of companies
    "云帆宣布降价,星河随后也下调了价格。",        # price cuts, no jab
    "云帆的模型在多项评测中超越星河。",            # benchmark comparison
    "云帆与星河在大模型市场展开价格战。",
])
def test_negative_controls_are_never_conflict(text):
    assert all(kind != "conflict" for _, _, kind in pairs(text))
