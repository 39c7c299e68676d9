"""Entity linking on invented sentences: name forms, roll-ups, products, groups, ambiguity,
credits and media, people attribution, unknown organizations, user knowledge files."""
import pytest

from newskit.document import Document
from newskit.kb import load_kb
from newskit.kb.linker import Linker
from newskit.pipeline import Context
from newskit.plugins.entities import EntitiesAnalyzer


@pytest.fixture(scope="module")
def linker():
    return Linker(load_kb())


def companies(linker, text):
    return {c["name"]: c for c in linker.analyze(text)["companies"]}


def people(linker, text):
    return {p["name"]: p for p in linker.analyze(text)["people"]}


@pytest.mark.parametrize("text, name", [
    ("百度发布了新产品。", "百度"), ("Baidu unveiled a model.", "百度"),
    ("阿里巴巴今天宣布。", "阿里巴巴"), ("阿里表示。", "阿里巴巴"), ("Alibaba said.", "阿里巴巴"),
    ("字节跳动回应。", "字节跳动"), ("字节内部人士透露。", "字节跳动"), ("ByteDance declined.", "字节跳动"),
    ("商汤科技股价上涨。", "商汤科技"), ("商汤发布了新模型。", "商汤科技"), ("OpenAI表示。", "OpenAI"),
])
def test_name_forms_link_to_the_canonical_name(linker, text, name):
    assert list(companies(linker, text)) == [name]


@pytest.mark.parametrize("unit, parent", [
    ("阿里云", "阿里巴巴"), ("达摩院", "阿里巴巴"), ("腾讯云", "腾讯"), ("火山引擎", "字节跳动"),
    ("亚马逊云科技", "亚马逊"), ("AWS", "亚马逊"), ("华为云", "华为"),
])
def test_units_roll_up_and_stay_visible(linker, unit, parent):
    c = companies(linker, f"{unit}今天发布了新服务,{unit}表示将持续投入。")
    assert list(c) == [parent] and c[parent]["aliases"] == [unit] and c[parent]["mentions"] == 2
    assert c[parent]["units"] == [unit]


@pytest.mark.parametrize("product, owner", [
    ("文心一言", "百度"), ("ERNIE", "百度"), ("通义千问", "阿里巴巴"), ("通义听悟", "阿里巴巴"), ("Qwen", "阿里巴巴"),
    ("混元大模型", "腾讯"), ("微信", "腾讯"), ("盘古大模型", "华为"), ("豆包大模型", "字节跳动"), ("抖音", "字节跳动"),
    ("Yi-34B", "零一万物"), ("GLM-4", "智谱"), ("智谱清言", "智谱"), ("LLaMA", "Meta"), ("ChatGPT", "OpenAI"),
    ("GPT-4", "OpenAI"), ("Colossal-AI", "潞晨科技"), ("孟子大模型", "澜舟科技"), ("Baichuan-53B", "百川智能"),
])
def test_products_link_to_their_company(linker, product, owner):
    c = companies(linker, f"{product}上线以来,用户增长很快。业内认为{product}的表现不错。")
    assert list(c) == [owner]


def test_one_passing_product_mention_is_not_a_company_discussed(linker):
    out = linker.analyze("他用 ChatGPT 写了一首诗。")
    assert out["companies"] == [] and [c["name"] for c in out["passing"]] == ["OpenAI"]


@pytest.mark.parametrize("text, members", [
    ("BAT都在布局大模型。", {"百度", "阿里巴巴", "腾讯"}),
    ("以BATH为代表的科技公司。", {"百度", "阿里巴巴", "腾讯", "华为"}),
    ("TMD的崛起改变了格局。", {"字节跳动", "美团", "滴滴"}),
])
def test_acronyms_stand_for_several_companies(linker, text, members):
    c = companies(linker, text)
    assert set(c) == members and all(x["groups"] for x in c.values())


@pytest.mark.parametrize("text, absent", [
    ("盘古开天辟地的神话家喻户晓。", "华为"),
    ("海纳百川,有容乃大。", "百川智能"),
    ("早上喝了一碗小米粥。", "小米"),
    ("她的英文名叫Grace,今年二十岁。", "字节跳动"),
    ("The Yield curve moved; Yin and Yi-ling met.", "零一万物"),
    ("他去台湾阿里山旅游。", "阿里巴巴"),
    ("每个字符占用2字节。", "字节跳动"),
    ("镜头可以360度旋转。", "360"),
    ("他深夜发微博回应。", "新浪"),
])
def test_ambiguous_names_need_context(linker, text, absent):
    assert absent not in companies(linker, text)


@pytest.mark.parametrize("text, present", [
    ("华为发布盘古大模型3.0。", "华为"),
    ("百川发布了新一代大模型。", "百川智能"),
    ("华为、阿里、腾讯、小米、知乎等公司陆续发布大模型。", "小米"),
    ("字节打造的AI对话产品Grace开始内测。", "字节跳动"),
    ("零一万物开源了Yi系列模型,Yi的定位是通用底座。", "零一万物"),
    ("中国电信、京东、360等企业位列第二梯队。", "360"),
])
def test_ambiguous_names_count_with_support(linker, text, present):
    assert present in companies(linker, text)


def test_credits_and_media_are_not_companies_discussed(linker):
    text = ("时间:2023-08-13 来源:腾讯网\n图片来源:视觉中国\n图来自Canva可画\n"
            "据36氪报道,美团正在招聘大模型团队。\n"
            "免责声明:本文观点与蓝色光标无关,投诉邮箱editor@fromgeek.com。")
    out = linker.analyze(text)
    assert [c["name"] for c in out["companies"]] == ["美团"]
    media = {m["name"]: m for m in out["media"]}
    assert media["36氪"]["mentions"] == 1 and media["腾讯网"]["mentions"] == 0 and media["腾讯网"]["credits"] == 1
    assert "视觉中国" in media and "腾讯" not in {c["name"] for c in out["companies"]}


def test_an_organization_named_only_as_a_venue_is_reported_apart(linker):
    out = linker.analyze("不久前B站上有一段视频走红。京东上显卡售价上涨。京东表示货源充足。")
    assert [c["name"] for c in out["companies"]] == ["京东"]
    assert [c["name"] for c in out["venues"]] == ["哔哩哔哩"]


def test_people_from_the_knowledge_base(linker):
    p = people(linker, "李彦宏认为差距只有两个月。周鸿祎随后发表了看法。")
    assert p["李彦宏"]["organization"] == "百度" and p["周鸿祎"]["organization"] == "360"
    assert p["李彦宏"]["source"] == "kb"


def test_the_articles_attribution_wins_over_the_knowledge_base(linker):
    p = people(linker, "搜狗创始人王小川发布微博,回应百度副总裁肖阳开怼一事。")
    assert p["王小川"]["organization"] == "搜狗" and p["王小川"]["role"] == "创始人"
    assert p["王小川"]["source"] == "text"
    assert p["肖阳"]["organization"] == "百度"
    assert "百川智能" in {a["organization"] for a in p["王小川"]["affiliations"]}


def test_a_former_role_in_the_text_yields_to_the_current_one(linker):
    p = people(linker, "前搜狗CEO王小川也入局了。")
    assert p["王小川"]["organization"] == "百川智能"
    assert any(a["organization"] == "搜狗" and a["former"] for a in p["王小川"]["affiliations"])


def test_founder_pattern_links_a_known_person(linker):
    p = people(linker, "李开复创立的零一万物已完成新一轮融资。")
    assert p["李开复"]["organization"] == "零一万物"


def test_people_not_in_the_kb_are_found_after_titles(linker):
    text = "星澜智能科技创始人、CEO林默然说,公司将继续投入。林默然表示资金充足。云图科技CTO张远航表示认同。"
    p = people(linker, text)
    assert p["林默然"]["organization"] == "星澜智能科技" and p["林默然"]["role"] == "创始人、CEO"
    assert p["林默然"]["mentions"] == 2
    assert p["张远航"]["organization"] == "云图科技"


def test_two_character_name_before_a_verb(linker):
    p = people(linker, "腾讯副总裁刘晓东开怼,刘晓东认为……随后星海资本合伙人杨扬告诉记者。")
    assert "刘晓东" in p and "杨扬" in p and "杨扬告" not in p


def test_unknown_organizations_are_proposed_with_counts_and_junk_is_not(linker):
    text = ("成立于2019年的星图智联科技宣布完成融资,由青禾资本领投。星图智联科技表示将扩充团队。"
            "这家公司和很多创业公司一样,面对大公司和互联网公司的竞争。正如上海市人工智能行业协会所说。")
    unknown = {u["name"]: u["mentions"] for u in linker.analyze(text)["unknown_organizations"]}
    assert unknown.get("星图智联科技") == 2 and unknown.get("青禾资本") == 1
    assert "上海市人工智能行业协会" in unknown
    for junk in ("这家公司", "创业公司", "大公司", "互联网公司", "很多创业公司"):
        assert junk not in unknown


def test_analyzer_uses_user_knowledge_files_and_registers_words(tmp_path):
    kb_file = tmp_path / "ours.toml"
    kb_file.write_text('[[entity]]\nname = "青禾数智"\nproducts = ["青禾大模型"]\n', encoding="utf-8")
    analyzer = EntitiesAnalyzer()
    analyzer.configure({}, Context(knowledge_files=[str(kb_file)]))
    before = analyzer.fingerprint()
    analyzer.ensure_setup()
    doc = Document(id="x", text="青禾大模型发布。青禾数智表示,百川智能也在关注。")
    out = analyzer.analyze(doc)
    assert {c["name"] for c in out["companies"]} == {"青禾数智", "百川智能"}
    assert "百川智能" in [t.text for t in doc.tokens] and "青禾数智" in [t.text for t in doc.tokens]
    analyzer.configure({"discover": False}, Context(knowledge_files=[str(kb_file)]))
    assert analyzer.fingerprint() != before


def test_summary_counts_documents_per_company():
    analyzer = EntitiesAnalyzer()
    records = [{"results": {"entities": {"companies": [{"name": "百度", "mentions": 3}], "people": [],
                                         "unknown_organizations": [{"name": "星图科技", "mentions": 1}], "media": []}}},
               {"results": {"entities": {"companies": [{"name": "百度", "mentions": 1}, {"name": "腾讯", "mentions": 2}],
                                         "people": [], "unknown_organizations": [], "media": []}}}]
    s = analyzer.summarize(iter(records))
    assert s["companies"][0] == {"name": "百度", "mentions": 4, "documents": 2}
    assert s["unknown_organizations"] == [{"name": "星图科技", "mentions": 1, "documents": 1}]


def test_full_width_punctuation_bounds_credits_and_titles(linker):
    """A credit zone ends at a full-width comma; an organization across one does not own a title."""
    out = linker.analyze("图片来源\uff1a视觉中国\uff0c美团正在招聘大模型团队。")
    assert [c["name"] for c in out["companies"]] == ["美团"]
    p = people(linker, "记者走访了小米\uff0c副总裁张三表示差距不大。")
    assert p["张三"]["role"] == "副总裁" and p["张三"]["organization"] is None


def test_jingdong_fangmian_is_not_boe(linker):
    """"京东方面表示" is 京东 + 方面: not 京东方 (BOE), which keeps "京东方面板"."""
    assert "京东方" not in companies(linker, "京东方面表示，将继续补贴骑手。京东今年投入百亿。")
    assert "京东" in companies(linker, "京东方面表示，将继续补贴骑手。京东今年投入百亿。")
    assert "京东方" in companies(linker, "京东方面板出货量第一。")


def test_a_platform_where_words_were_posted_is_a_venue(linker):
    """"在微博发文称": 微博 is where the words were posted, not a company the article discusses;
    a company as the subject of the same verbs ("在阿里巴巴发布财报后", "微博发布了财报") stays one."""
    out = linker.analyze("小米总裁卢伟冰在微博发文称，友商的续航数据有水分。他在朋友圈和微博同时发布回应。")
    assert [c["name"] for c in out["companies"]] == ["小米"]
    assert "微博" in {v["name"] for v in out["venues"]}
    assert "阿里巴巴" in companies(linker, "在阿里巴巴发布财报后，股价上涨。")
    assert "微博" in companies(linker, "微博发布了第三季度财报，营收增长。")
