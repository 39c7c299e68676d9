"""Company misses and junk found on unseen text (issue #4), with invented sentences: type words before
公司 (X型公司), runs cut inside a word, short forms of registered names (X数科), organization names read
inside a person's name, phone brands run under a parent, Taiwan names of chip firms, architectures."""
import pytest

from newskit.kb import load_kb
from newskit.kb.linker import Linker


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def names(linker, text):
    return {c["name"]: c for c in linker.analyze(text)["companies"]}


@pytest.mark.parametrize("text", [
    "资金主要流向了具备研发能力的平台型公司。",
    "不少成长类公司今年选择了收缩。",
    "他们用U盘批量拷贝公司的源代码。",          # 批|量拷贝
    "三个人情况公司都知道。",                    # 个|人情况
])
def test_type_words_and_runs_cut_inside_a_word_are_no_company(linker, text):
    assert not [c for c in names(linker, text).values() if not c.get("known", True)]


def test_registered_name_read_back_to_its_abbreviated_short_form(linker):
    text = ("晚间，青岚数科发布公告称，其运营主体杭州青岚数字科技有限公司被处罚。"
            "青岚数科的股价随后下跌，青岚数科表示将积极整改。")
    found = names(linker, text)
    assert "青岚数科" in found and found["青岚数科"]["mentions"] == 4


def test_abbreviation_needs_the_article_to_use_it(linker):
    found = names(linker, "其运营主体杭州青岚数字科技有限公司被处罚。")
    assert "青岚数科" not in found


def test_organization_alias_inside_a_person_name_is_not_counted(linker):
    text = "小米集团合伙人孙启明在微博上回应称，测试条件都已公开。孙启明还表示欢迎复测。"
    found = names(linker, text)
    assert "启明创投" not in found and "小米" in found


def test_phone_brand_run_under_a_parent_reported_under_its_own_name(linker):
    found = names(linker, "一加手机与小米在微博上互相质疑续航测试，一加随后回应。")
    assert "一加" in found and "OPPO" not in found
    assert found["一加"]["parent"] == "OPPO"


def test_taiwan_name_of_amd_in_a_list_and_supermicro_kept_apart(linker):
    found = names(linker, "英特尔、超微与高通持续在AI PC市场角逐。美超微的服务器订单增长。")
    assert {"AMD", "英特尔", "高通", "超微电脑"} <= set(found)
    assert found["AMD"]["mentions"] == 1
    assert "AMD" not in names(linker, "该技术可以制造超微型传感器，英特尔也在研究。")


def test_arm_architecture_is_not_the_company(linker):
    assert "Arm" not in names(linker, "高通的Arm架构芯片已获多家品牌厂采用。")
    assert "Arm" in names(linker, "Arm与高通的授权纠纷仍在继续。")


def test_memory_interface_ip_vendor_known(linker):
    found = names(linker, "除澜起科技外，主要还有瑞萨电子和Rambus两家。")
    assert "Rambus" in found


def test_renamed_fintech_reported_under_its_current_name(linker):
    found = names(linker, "360数科更名后，奇富科技的助贷规模继续增长。")
    assert set(found) >= {"奇富科技"} and "三六零数科" not in found


def test_short_fintech_name_ending_in_shuke_discovered(linker):
    found = names(linker, "青岚数科发布公告称将整改，青岚数科的合作方也在评估。")
    assert "青岚数科" in found and found["青岚数科"]["mentions"] == 2


def test_suffix_gives_way_to_a_suffix_starting_at_its_last_character(linker):
    found = names(linker, "星数科技宣布完成融资，星数科技的客户主要在华东。")
    assert "星数科技" in found
    assert not [n for n in names(linker, "大多数科技公司都在压缩成本。") if "数" in n]


def test_taiwan_research_firm_and_component_makers_known(linker):
    found = names(linker, "研调机构集邦科技指出，臻鼎与智邦的订单都在增加。")
    assert {"TrendForce", "臻鼎", "智邦"} <= set(found)


def test_person_organization_given_under_the_reported_short_name(linker):
    out = linker.analyze("成都青岚互动科技有限公司创始人林望舒认为，小团队更灵活。青岚互动今年只做两款游戏。")
    assert "青岚互动" in {c["name"] for c in out["companies"]}
    people = {p["name"]: p for p in out["people"]}
    assert people["林望舒"]["organization"] == "青岚互动"
    assert people["林望舒"]["affiliations"][0]["organization"] == "青岚互动"
