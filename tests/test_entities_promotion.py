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


# -- span boundaries, legal names and short names (invented sentences) -----------------------------

@pytest.mark.parametrize("text, name, forms", [
    # registry place and legal form stripped; the article's own 简称 is the name
    ("杭州青穹智能科技有限公司(以下简称“青穹”)发布新品。青穹表示订单充足。", "青穹",
     {"杭州青穹智能科技有限公司", "青穹"}),
    # no 简称: the shorter form the article uses elsewhere joins the legal name
    ("深圳市栖云微电子有限公司今天挂牌。栖云微电子称产能翻倍。", "栖云微电子",
     {"深圳市栖云微电子有限公司", "栖云微电子"}),
    # the legal name and another short form with the same bare name: one organization, the short form
    ("苏州松岚智能科技有限公司上线了新品。松岚科技表示,订单已排到明年。", "松岚科技",
     {"苏州松岚智能科技有限公司", "松岚科技"}),
    # only the legal name: 智能科技 reads as 智能
    ("苏州澜舸智能科技有限公司完成了工商变更。", "澜舸智能", {"苏州澜舸智能科技有限公司"}),
    # a short form without any suffix, after a title (X副总裁)
    ("南京驰远出行科技有限公司的无人车已上路。驰远出行副总裁李然说,车队还会扩大。", "驰远出行",
     {"南京驰远出行科技有限公司", "驰远出行"}),
])
def test_a_registered_name_is_reported_under_its_short_name(linker, text, name, forms):
    found = promoted(linker, text)
    assert list(found) == [name], found
    c = found[name]
    assert set(c["aliases"]) == forms and c["mentions"] == len(c["spans"])
    assert {text[s:e] for s, e in c["spans"]} == forms


def test_a_bank_keeps_its_place_when_nothing_but_the_suffix_would_remain(linker):
    assert "银行" not in promoted(linker, "南陵银行股份有限公司发布公告称,将增资扩股。")


@pytest.mark.parametrize("text, name", [
    ("本轮由产业基金望川资本领投。", "望川资本"),                       # fund descriptor glued to the name
    ("竞争对手岚曜智能上月发布了同类产品。", "岚曜智能"),               # role noun holding a boundary char (对)
    ("投资方包括沐阳资本和百度。", "沐阳资本"),                         # role noun, then a stop word (包括)
    ("公司与合作伙伴清屿科技共同推出了眼镜。", "清屿科技"),             # introduced by the role noun alone
    ("参会企业包括商汤科技、远岫科技、青檀智能等。", "远岫科技"),         # listed with a known company
    ("参会企业包括商汤科技、远岫科技、青檀智能等。", "青檀智能"),
    ("记者走访了与问渠智能合作的工厂,问渠智能CEO说明了原因。", "问渠智能"),  # name starting with 问
])
def test_descriptors_and_lists_bound_and_introduce_a_name(linker, text, name):
    found = promoted(linker, text)
    assert name in found, found
    assert not any(n != name and n.endswith(name) for n in found), found     # no descriptor glued on


@pytest.mark.parametrize("text", [
    "在港股上市后公司股价翻倍,上市后集团宣布回购。",
    "成立之初公司只有十个人,复牌后公司宣布涨价。",
    "去年同期公司营收下降,停牌期间公司完成了重组。",
    "苹果带动立讯精密等果链公司业绩大增。果链公司宣布扩产。",   # a category (等X公司), even named again
    "这是一家优秀公司。外国公司宣布撤资,自己开公司的人不少。",   # common phrases before 公司
])
def test_time_fragments_categories_and_phrases_are_not_companies(linker, text):
    assert promoted(linker, text) == {}


def test_a_known_name_inside_an_unknown_one_is_not_linked(linker):
    out = linker.analyze("明思科技宣布完成融资,明思科技创始人表示将扩招。")
    names = {c["name"] for c in out["companies"]}
    assert "思科" not in names and "明思科技" in names


def test_a_named_company_glued_to_its_context_still_counts(linker):
    out = linker.analyze("一家名为星汉的公司发布了新品。")
    assert {c["name"]: c["mentions"] for c in out["companies"]} == {"星汉": 1}


def test_invented_development_articles_keep_their_scores():
    """tests/data/entities_dev, scored as bench/eval_entities_dev.py does (guards against regressions)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "eval_entities_dev.py"
    spec = importlib.util.spec_from_file_location("eval_entities_dev", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m = module.score("entities_dev")
    assert m["precision"] >= 0.95 and m["recall"] >= 0.9 and m["spurious"] == 0, m["wrong"]


def test_an_introduced_english_name_is_promoted_and_a_mere_term_is_not(linker):
    found = promoted(linker, "总部位于旧金山的初创公司Nexa Robotics宣布完成融资,Nexa Robotics的机械手已量产。")
    assert found["Nexa Robotics"]["mentions"] == 2
    assert promoted(linker, "Generative AI正在改变行业,Generative AI的成本还在下降。") == {}
