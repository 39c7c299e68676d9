"""Discovered organizations become companies ("known": false) only with strong evidence (invented text)."""
import pytest

from newskit.kb import load_kb
from newskit.kb.linker import Linker


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def promoted(linker, text):
    return {c["name"]: c for c in linker.analyze(text)["companies"] if not c["known"]}


@pytest.mark.parametrize("text, name, kind, mentions", [
    ("星图智联科技今年扩招。星图智联科技的产品覆盖三个省。", "星图智联科技", "company", 2),      # twice, strong suffix
    ("极光汽车宣布停产,极光汽车的员工很担心。", "极光汽车", "company", 2),                     # weak suffix + cue
    ("飞鱼机器人创始人张远航说,订单排到了明年。", "飞鱼机器人", "company", 1),                 # founder named
    ("本轮融资由青禾资本领投。", "青禾资本", "investor", 1),                                   # investor cue
    ("一家名为星尘的公司今天上线了新产品。星尘表示,用户增长很快。", "星尘", "company", 2),       # 一家名为X的公司
    ("云帆公司的新工厂投产了。", "云帆", "company", 1),                                        # X公司 -> X
    ("云帆科技表示将上市。分析师认为云帆的估值偏高。", "云帆科技", "company", 2),               # bare core counts too
])
def test_strong_evidence_promotes_an_unknown_organization(linker, text, name, kind, mentions):
    found = promoted(linker, text)
    assert name in found, found
    c = found[name]
    assert c["type"] == kind and c["mentions"] == mentions and len(c["spans"]) == mentions
    assert all(text[s:e] in c["aliases"] for s, e in c["spans"])


@pytest.mark.parametrize("text", [
    "这家公司和科技公司都在观望。",
    "头部汽车企业纷纷跟进降价。",
    "新加坡国立大学校长表示,合作还会继续。新加坡国立大学的学生也来了。",
    "国内大模型公司宣布降价。",
    "人形机器人宣布量产。新能源汽车宣布降价,新能源汽车表示压力很大。",
    "电动汽车完成交付。智能汽车表示欢迎。",
    "物业公司回应了投诉。上海公司表示不清楚。",
    "一家名为这个的公司。",
    "星河智能表示欢迎。",                                   # weak suffix, one weak cue: not enough
    "据悉,百度和腾讯都在招人。",                            # known companies only
    "他在会上表示公司不会裁员。",                            # a verb before 公司
    "当天下午公司宣布停牌,管理层宣布公司将重组。",          # time words and a clause before 公司
    "当季公司营收增长。对方要求公司道歉。",
])
def test_junk_and_weak_evidence_are_not_promoted(linker, text):
    assert promoted(linker, text) == {}


def test_a_sentence_opener_is_not_part_of_the_name(linker):
    assert list(promoted(linker, "据悉星图科技宣布完成融资。")) == ["星图科技"]


def test_promoted_companies_stay_in_unknown_organizations_and_known_ones_are_marked(linker):
    out = linker.analyze("百度投资的星图智联科技宣布完成融资。")
    assert {c["name"]: c["known"] for c in out["companies"]} == {"百度": True, "星图智联科技": False}
    assert "星图智联科技" in {u["name"] for u in out["unknown_organizations"]}
