"""Recall rules for articles nobody tuned on (invented sentences): organizations named only by their
people, registered names read back to the short name the article uses, venues, list context."""
import pytest

from newskit.kb import load_kb
from newskit.kb.linker import Linker


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def names(linker, text, known=None):
    return {c["name"]: c for c in linker.analyze(text)["companies"] if known is None or c["known"] == known}


def test_organization_without_suffix_named_by_its_ceo(linker):
    text = "青禾数字CEO王岚说,今年会扩招。青禾数字的客户主要在华东。"
    found = names(linker, text, known=False)
    assert "青禾数字" in found and found["青禾数字"]["mentions"] == 2
    people = {p["name"]: p for p in linker.analyze(text)["people"]}
    assert people["王岚"]["organization"] == "青禾数字"


@pytest.mark.parametrize("text", [
    "青禾数字CEO王岚说,今年会扩招。",                        # named once: not enough
    "公司CEO王岚说,今年会扩招。公司的客户主要在华东。",      # a generic word
    "前任CEO王岚说,今年会扩招。前任的客户主要在华东。",      # a frequent word
])
def test_titled_name_needs_a_second_mention_and_a_name_like_core(linker, text):
    assert not names(linker, text, known=False)


def test_title_and_person_after_unit_words_introduce_a_suffixed_name(linker):
    found = names(linker, "药企里,澜曜智能中国区研发负责人贺明远称,团队在扩张。", known=False)
    assert "澜曜智能" in found


def test_registered_name_reported_under_the_article_short_form(linker):
    text = "苏州栖禾数智科技有限公司原本做营销模型。今年,栖禾停止了自研,栖禾创始人付南说成本太高。"
    found = names(linker, text, known=False)
    assert "栖禾数智" in found and "栖禾" in found["栖禾数智"]["aliases"]
    assert found["栖禾数智"]["mentions"] == 3


def test_registered_trade_name_may_start_with_a_function_character(linker):
    text = "被告为杭州当禾网络科技有限公司。当禾回应称,将提起无效宣告。"
    assert "当禾" in names(linker, text, known=False)


def test_verb_tail_before_the_registry_place_is_not_part_of_the_name(linker):
    found = names(linker, "面壁智能指控北京言禾科技有限公司抄袭。言禾科技否认。", known=False)
    assert "言禾科技" in found and not any(n.startswith("控") for n in found)


def test_taiwan_registry_place_and_startup_word(linker):
    found = names(linker, "新竹的新创公司也看到了机会。新竹澄禾科技股份有限公司专做端侧模型,澄禾执行长李承恩表示有信心。",
                  known=False)
    assert len(found) == 1 and next(iter(found)).startswith("澄禾")      # 澄禾 is the article's own short form


def test_place_where_something_happens_is_a_venue(linker):
    out = linker.analyze("多位开发者在Hugging Face和GitHub的讨论区指出,权重高度相似。")
    assert "微软" not in {c["name"] for c in out["companies"]}
    assert "微软" in {c["name"] for c in out["venues"]}
    out = linker.analyze("GitHub的讨论区很热闹,微软表示会关注。")
    assert "微软" in {c["name"] for c in out["companies"]}


def test_ambiguous_name_supported_by_market_share_words(linker):
    assert "苹果" in names(linker, "苹果以14%的份额位居第四。")
    assert "苹果" not in names(linker, "今年的苹果很甜。")


def test_new_sector_entries_link(linker):
    found = names(linker, "在通达系中,圆通、申通和韵达均多次下调报价;云鲸和追觅也在降价。", known=True)
    assert {"圆通速递", "申通快递", "韵达", "云鲸"} <= set(found)


def test_registry_word_inside_common_phrases_is_no_company(linker):
    assert not names(linker, "中国巨头纷纷入场,美国巨型企业观望。")
    assert not names(linker, "头部公司抱团取暖,腰部公司断粮。")


@pytest.mark.parametrize("text, name", [
    ("港股上市公司思远新能(06656.HK)发布业绩预告。", "思远新能"),
    ("科创板公司华禾股份（688123.SH）股价大涨。", "华禾股份"),
    ("据36氪报道,月禾科技获得融资。月禾科技成立于2021年。", "月禾科技"),     # 月 starts a name, ends no date
])
def test_stock_codes_and_name_starting_with_a_date_character(linker, text, name):
    assert name in names(linker, text, known=False)


def test_date_character_after_a_number_still_ends_a_date(linker):
    assert not any(n.startswith("月") for n in names(linker, "今年3月星禾科技表示,3月星禾科技的营收增长。"))


def test_english_name_after_a_company_noun(linker):
    found = names(linker, "硅谷初创公司Nexoria宣布完成融资。Nexoria的客户是银行。知名风投机构Benchwood领投。", known=False)
    assert found["Nexoria"]["mentions"] == 2 and found["Benchwood"]["type"] == "investor"
    assert not names(linker, "这家公司Nexoria的名字很怪。", known=False)     # once, no company cue after it


def test_independent_subsidiary_shows_its_parent_and_a_conflict_keeps_both_sides(linker):
    out = linker.analyze("阅文集团起诉腾讯侵权,腾讯回应称将积极应诉。")
    by_name = {c["name"]: c for c in out["companies"]}
    assert by_name["阅文集团"]["parent"] == "腾讯" and "腾讯" in by_name
    units = linker.analyze("华为云指责阿里云抄袭,阿里云回应称是抹黑。")["companies"]
    assert {c["name"]: c.get("units") for c in units} == {"华为": ["华为云"], "阿里巴巴": ["阿里云"]}


@pytest.mark.parametrize("text, absent", [
    ("在当日产生的金牌中,中国队拿了三枚。", "日产汽车"),
    ("艺术家刘嘉楠拍摄了一组照片。", "嘉楠科技"),
    ("他仰望星空,心中满是理想。", "比亚迪"),
])
def test_new_brand_names_inside_common_phrases(linker, text, absent):
    assert absent not in names(linker, text)


def test_new_brand_and_unit_names_link(linker):
    found = names(linker, "小象超市扩张,日产宣布裁员,荣威与名爵都在降价。", known=True)
    assert {"美团", "日产汽车", "上汽集团"} <= set(found)


def test_taiwan_supply_chain_names_after_conversion(linker):
    from newskit.normalize.convert import t2s
    text = t2s("國巨、欣興電子、景碩科技、鴻準與京元電子今日公布營收。")
    assert {"国巨", "欣兴电子", "景硕", "鸿准", "京元电子"} <= set(names(linker, text))


def test_person_with_two_current_roles_takes_the_one_the_article_names(linker):
    people = {p["name"]: p for p in linker.analyze("小米汽车交付量突破10万台,雷军表示还会提速。")["people"]}
    assert people["雷军"]["organization"] == "小米"


def test_items_of_a_list_ending_in_a_company_noun_are_introduced(linker):
    found = names(linker, "今年以来,星禾科技、云禾智能等企业纷纷推出行业模型。", known=False)
    assert {"星禾科技", "云禾智能"} <= set(found)


def test_investor_named_once_and_clause_words_before_it(linker):
    found = names(linker, "参与本轮投资的还有晨禾资本。", known=False)
    assert set(found) == {"晨禾资本"} and found["晨禾资本"]["type"] == "investor"
    assert not names(linker, "记者告诉红星资本,投机资本正在退潮。", known=False).keys() - {"红星资本"}


def test_products_with_versions_in_a_list(linker):
    found = names(linker, "Kimi k1.5与DeepSeek-R1同日发布,豆包1.5 Pro、文心4.5紧随其后。")
    assert {"月之暗面", "深度求索", "字节跳动", "百度"} <= set(found)


def test_name_that_opens_a_clause_saying_what_it_is(linker):
    assert "澄禾" in names(linker, "据悉,澄禾是一家专注医疗影像的初创公司。", known=False)
    for text in ("这是一家很有意思的公司。", "今年是一家公司最难的一年。", "太古是怎么成为一家百年企业的?"):
        assert not names(linker, text, known=False), text


def test_courts_and_universities_are_reported_apart_from_companies(linker):
    out = linker.analyze("深圳市中级人民法院已受理此案。复旦大学教授表示,判决会有示范意义。")
    assert not out["companies"]
    assert {"深圳市中级人民法院", "复旦大学"} <= {u["name"] for u in out["unknown_organizations"]}
