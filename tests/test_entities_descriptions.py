"""Sector entries added after set 6, indefinite descriptions (一家X公司) and a bare short name that
carries the introduction (invented sentences)."""
import pytest

from newskit.kb import load_kb
from newskit.kb.linker import Linker


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def analyze(linker, text):
    out = linker.analyze(text)
    return {c["name"]: c for c in out["companies"]}, {u["name"] for u in out["unknown_organizations"]}


@pytest.mark.parametrize("text", [
    "一家远洋养殖公司的负责人说，网络终于通了。",
    "记者走访了某家具制造企业，工人们正在装车。",
    "不少芯片设计公司开始招人。",
])
def test_a_quantified_kind_of_company_is_not_a_name(linker, text):
    companies, unknown = analyze(linker, text)
    assert not [c for c in companies.values() if not c["known"]], companies
    assert not unknown, unknown


def test_a_named_company_after_a_quantifier_still_counts(linker):
    companies, _ = analyze(linker, "一家名为星尘的公司今天上线了新产品。")
    assert "星尘" in companies


def test_the_bare_short_name_can_introduce_the_company(linker):
    text = "另一家获投企业是宁波的栈桥科技。栈桥专注于仓储软件。栈桥联合创始人周岚表示，资金将用于研发。"
    companies, _ = analyze(linker, text)
    assert "栈桥科技" in companies and not companies["栈桥科技"]["known"], companies
    assert companies["栈桥科技"]["mentions"] >= 2    # the introducing bare mention counts too


def test_a_bare_phrase_without_any_cue_is_not_promoted(linker):
    companies, _ = analyze(linker, "这里有一座栈桥科技馆。栈桥很长。")
    assert "栈桥科技" not in companies


@pytest.mark.parametrize("text, name", [
    ("跨境收款方面，Airwallex推出了新账户。", "空中云汇"),
    ("PingPong下调了费率。", "PingPong"),
    ("拉卡拉则依托线下收单网络拓展业务。", "拉卡拉"),
    ("中望软件发布了半年报。", "中望软件"),
    ("錼创科技公布了9月营收。", "錼创科技"),
    ("群创宣布与日本夏普合作开发显示模组。", "夏普"),
    ("中国航天科技集团今年发射了多颗卫星。", "中国航天科技集团"),
    ("航天科工集团发布了新型号。", "中国航天科工集团"),
])
def test_sector_names_link_to_their_canonical_entry(linker, text, name):
    companies, _ = analyze(linker, text)
    assert name in companies, companies


def test_an_independently_run_subsidiary_keeps_its_own_name(linker):
    companies, _ = analyze(linker, "菜鸟网络和京东物流都在自建仓储机器人。")
    assert "菜鸟" in companies and "阿里巴巴" not in companies, companies


@pytest.mark.parametrize("text", ["球队签下了戴隆-夏普。", "演员名单里有艾利克斯·夏普。"])
def test_a_transliterated_person_name_is_not_the_company(linker, text):
    companies, _ = analyze(linker, text)
    assert "夏普" not in companies


def test_a_product_opening_a_clause_and_acting_stands_for_its_company(linker):
    out = linker.analyze("美团在酒店业务上持续追赶，抖音也在通过直播带货切入酒店套餐。")
    assert "字节跳动" in {c["name"] for c in out["companies"]}


def test_a_product_named_once_as_a_channel_stays_passing(linker):
    out = linker.analyze("美团在官方公众号发布声明，称业务增长很快。")
    assert "腾讯" not in {c["name"] for c in out["companies"]}
    assert "腾讯" in {c["name"] for c in out["passing"] + out["venues"]}  # 在…公众号发布: where it was posted


@pytest.mark.parametrize("text, name", [
    ("第一家是源图科技。第三家是杭州的栈桥，获得数千万元融资。栈桥的特点是把大模型用于仓库。", "栈桥"),
    ("第三家是杭州的拣立方，获得数千万元融资。拣立方的特点是语音下单。", "拣立方"),
])
def test_the_next_item_of_an_enumeration_of_companies_named_again(linker, text, name):
    companies, _ = analyze(linker, text)
    assert name in companies and companies[name]["mentions"] == 2, companies


@pytest.mark.parametrize("text", ["另一家是老牌厂商，老牌厂商份额很高。", "第二家是做外卖的，做外卖的很多。",
                                  "第三家是杭州的栈桥，获得数千万元融资。"])
def test_an_enumeration_item_that_is_a_phrase_or_named_once_is_not_promoted(linker, text):
    companies, _ = analyze(linker, text)
    assert not [c for c in companies.values() if not c["known"]], companies
