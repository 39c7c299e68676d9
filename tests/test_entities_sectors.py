"""Knowledge-base coverage by sector, Traditional-Chinese names (after t2s), independent subsidiaries,
and ambiguous names supporting each other (invented sentences)."""
import pytest

from newskit.kb import load_kb
from newskit.kb.linker import Linker
from newskit.normalize.convert import t2s


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def linker(kb):
    return Linker(kb)


def companies(linker, text):
    return {c["name"] for c in linker.analyze(text)["companies"] if c["known"]}


@pytest.mark.parametrize("surface, canonical, parent", [
    # AI start-ups
    ("月之暗面", "月之暗面", None), ("秘塔科技", "秘塔科技", None), ("DeepSeek", "深度求索", "幻方量化"),
    ("联影智能", "联影智能", "联影医疗"), ("稀宇科技", "MiniMax", None),
    # EV and auto
    ("极氪", "极氪", "吉利"), ("岚图汽车", "岚图汽车", "东风汽车"), ("广汽埃安", "埃安", "广汽集团"),
    ("威马汽车", "威马汽车", None), ("高合汽车", "高合汽车", None), ("极越", "极越", "百度"),
    ("长安汽车", "长安汽车", None), ("禾赛科技", "禾赛科技", None), ("国轩高科", "国轩高科", None),
    # electronics / ODM
    ("富士康", "鸿海", None), ("工业富联", "工业富联", "鸿海"), ("广达", "广达", None), ("纬创", "纬创", None),
    ("英业达", "英业达", None), ("和硕", "和硕", None), ("闻泰科技", "闻泰科技", None),
    # industrial users of AI
    ("三一重工", "三一重工", None), ("徐工机械", "徐工", None), ("中联重科", "中联重科", None), ("潍柴动力", "潍柴动力", None),
    # chips and equipment
    ("紫光展锐", "紫光集团", "紫光集团"), ("芯驰科技", "芯驰科技", None), ("长电科技", "长电科技", None),
    ("应用材料", "应用材料", None), ("Synopsys", "新思科技", None), ("英飞凌", "英飞凌", None),
    # internet, gaming, fintech, retail
    ("货拉拉", "货拉拉", None), ("陆金所", "陆金所", "平安集团"), ("度小满", "度小满", "百度"),
    ("游戏科学", "游戏科学", None), ("BOSS直聘", "BOSS直聘", None), ("瑞幸咖啡", "瑞幸咖啡", None),
    # global software and AI
    ("Together AI", "Together AI", None), ("PingCAP", "PingCAP", None), ("动视暴雪", "微软", "微软"),
])
def test_sector_entries_link_and_roll_up(kb, linker, surface, canonical, parent):
    text = f"{surface}今天发布了新产品,{surface}表示市场反应很好。"
    assert companies(linker, text) == {canonical}
    ent, _ = kb.lookup(surface)
    assert ent.parent == parent or kb.root(ent.name) == canonical


def test_independent_subsidiaries_keep_their_own_name(kb):
    assert kb.root("极氪") == "极氪" and kb.entities["极氪"].parent == "吉利"
    assert kb.root("深度求索") == "深度求索" and kb.root(kb.lookup("领克")[0].name) == "吉利"


@pytest.mark.parametrize("traditional, canonical", [
    ("輝達", "英伟达"), ("微軟", "微软"), ("台積電", "台积电"), ("鴻海", "鸿海"), ("聯發科", "联发科"),
    ("廣達", "广达"), ("緯創", "纬创"), ("華碩", "华硕"), ("騰訊", "腾讯"), ("字節跳動", "字节跳动"),
    ("艾司摩爾", "阿斯麦"), ("超微半導體", "AMD"), ("寧德時代", "宁德时代"), ("零一萬物", "零一万物"),
])
def test_traditional_names_link_after_conversion(linker, traditional, canonical):
    text = t2s(f"{traditional}今日發布新產品,{traditional}表示需求強勁。")
    assert canonical in companies(linker, text)


def test_taiwan_titles_attribute_people(linker):
    out = linker.analyze(t2s("輝達執行長黃仁勳與廣達董事長林百里同台。"))
    people = {p["name"]: p for p in out["people"]}
    assert people["黄仁勋"]["organization"] == "英伟达" and people["林百里"]["organization"] == "广达"


def test_two_ambiguous_names_of_one_company_support_each_other(linker):
    assert "月之暗面" in companies(linker, "很多人在用Kimi,Moonshot的团队不大。")
    assert "月之暗面" not in companies(linker, "Kimi 是个好名字。")


@pytest.mark.parametrize("text", [
    "博士和硕士都来了。", "上海信息化建设加快。", "中美的竞争还在继续。", "覆盖面广达到全国。",
    "当日立即生效。", "中国美术馆开展。", "我们在开源模型上微调。", "延长电池寿命。", "好友达到上限。",
])
def test_new_names_do_not_fire_inside_common_words(linker, text):
    assert companies(linker, text) == set()


def test_product_named_after_its_company_counts_once(linker):
    out = linker.analyze("榜单上,智谱GLM-4、腾讯混元和商汤日日新的得分接近。")
    names = {c["name"] for c in out["companies"]}
    assert {"腾讯", "商汤科技", "智谱"} <= names


def test_single_product_counts_in_a_list_but_not_alone(linker):
    listed = linker.analyze("新品面对的是豆包、Kimi和文心一言的竞争。")
    assert {"字节跳动", "月之暗面", "百度"} <= {c["name"] for c in listed["companies"]}
    alone = linker.analyze("推理需要8到16块A100,成本不低。")
    assert "英伟达" not in {c["name"] for c in alone["companies"]}
    assert "英伟达" in {c["name"] for c in alone["passing"]}


def test_investor_arm_and_listed_subsidiary_keep_their_name(kb, linker):
    assert kb.root("联想创投集团") == "联想创投集团" and kb.root("腾讯网") == "腾讯网"
    assert kb.root("阅文集团") == "阅文集团" and kb.entities["阅文集团"].parent == "腾讯"
    assert kb.root("阿里云") == "阿里巴巴" and kb.root("达摩院") == "阿里巴巴"
    names = {c["name"] for c in linker.analyze("极光智造获得了联想创投的投资,联想创投表示看好。")["companies"]}
    assert "联想创投集团" in names and "联想" not in names


def test_product_name_inside_a_common_phrase_is_rejected(linker):
    out = linker.analyze("截至发稿,公司尚未作出正式说明。")
    assert not out["companies"] and not out["passing"]
