"""Rivalry: conflict vs competition vs mere co-mention, on invented sentences."""
from newskit.document import Document
from newskit.plugins.rivalry import RivalryAnalyzer

COMPANIES = [{"name": n, "aliases": [n]} for n in ("云帆", "星河", "华为", "阿里巴巴", "腾讯", "美团")]


def run(text, companies=COMPANIES, people=(), date=None):
    doc = Document("r.txt", text, meta={"date": date})
    doc.set_result("entities", {"companies": list(companies), "people": list(people), "unknown_organizations": []})
    a = RivalryAnalyzer()
    a.configure({}, None)
    a.ensure_setup()
    return doc, a.analyze(doc)["pairs"]


def test_subject_cue_object_is_a_conflict_between_organizations():
    doc, pairs = run("4月1日,星河创始人张三发文回怼云帆副总裁李四。", date="2023-04-01")
    assert len(pairs) == 1
    p = pairs[0]
    assert (p["a"], p["b"], p["kind"]) == ("云帆", "星河", "conflict")
    assert p["people"] == ["张三", "李四"] and p["date"] == "2023-04-01"
    assert 0 < p["intensity"] <= 1
    ev = p["evidence"][0]
    assert doc.text[ev["start"]:ev["end"]] == ev["text"]


def test_joined_parties_of_a_mutual_cue():
    _, pairs = run("这场口水宇宙里,云帆与星河的隔空嘴战火药味十足。")
    assert [(p["a"], p["b"], p["kind"]) for p in pairs] == [("云帆", "星河", "conflict")]


def test_quoted_jab_links_speaker_and_named_target():
    people = [{"name": "李四", "organization": "云帆"}, {"name": "张三", "organization": "星河"}]
    _, pairs = run("这引得李四开怼,“张三脱离一线太久,结果显而易见。”", people=people)
    assert [(p["a"], p["b"], p["kind"]) for p in pairs] == [("云帆", "星河", "conflict")]


def test_lawsuit_is_a_conflict():
    _, pairs = run("云帆已正式起诉星河侵犯其专利。")
    assert pairs and pairs[0]["kind"] == "conflict"


def test_price_cuts_without_a_jab_are_competition():
    _, pairs = run("云帆与星河在大模型市场展开价格战。")
    assert [(p["a"], p["b"], p["kind"]) for p in pairs] == [("云帆", "星河", "competition")]


def test_companies_listed_together_are_not_rivals():
    _, pairs = run("之后华为、阿里巴巴、腾讯等十多家公司陆续发布自研大模型,竞争激烈。")
    assert pairs == []


def test_a_historical_battle_with_one_party_is_not_a_pair():
    _, pairs = run("当年喧嚣不已的百团大战最后也仅剩美团一家独大。")
    assert pairs == []


def test_cue_without_two_parties_is_nothing():
    _, pairs = run("“什么样的宇宙里,才能让一个人去怼另一个人。”")
    assert pairs == []


def test_people_without_organization_are_parties_by_name():
    _, pairs = run("知名博主赵大勇公开炮轰钱小明。", companies=[],
                   people=[{"name": "赵大勇", "organization": None}, {"name": "钱小明", "organization": None}])
    assert [(p["a"], p["b"]) for p in pairs] == [("赵大勇", "钱小明")]


def test_summary_builds_the_graph():
    a = RivalryAnalyzer()
    pair = {"a": "云帆", "b": "星河", "kind": "conflict", "people": ["李四"], "intensity": 0.8, "evidence": [{"text": "e"}]}
    recs = [{"results": {"rivalry": {"pairs": [pair]}}}, {"results": {"rivalry": {"pairs": [dict(pair, intensity=0.5)]}}}]
    s = a.summarize(iter(recs))
    assert s["pairs"][0]["documents"] == 2 and s["pairs"][0]["intensity"] == 0.8
    assert {n["id"] for n in s["graph"]["nodes"]} == {"云帆", "星河"}
    assert s["graph"]["edges"] == [{"a": "云帆", "b": "星河", "kind": "conflict", "weight": 2}]


def test_full_width_commas_end_the_clause_of_a_cue():
    text = "云帆日前发布了新模型\uff0c星河随后起诉了华为\uff0c索赔一千万元。"
    _, pairs = run(text)
    assert [(p["a"], p["b"]) for p in pairs if p["kind"] == "conflict"] == [("华为", "星河")]


def test_two_names_of_one_organization_are_no_rivals():
    companies = [{"name": "言川", "aliases": ["言川"]}, {"name": "北京言川科技", "aliases": ["北京言川科技"]}]
    _, pairs = run("北京言川科技起诉言川侵权。", companies=companies)
    assert pairs == []


LAW = [{"name": n, "aliases": [n]} for n in ("云帆科技", "星河智能", "华为", "北京市海淀区人民法院", "金杜律师事务所", "国家市场监督管理总局")]


def conflicts(text):
    _, pairs = run(text, companies=LAW)
    return sorted((p["a"], p["b"]) for p in pairs if p["kind"] == "conflict")


def test_plaintiff_before_jiang_and_defendant_after_it_even_with_long_names_between():
    assert conflicts("云帆科技日前以不正当竞争为由,将北京某某控股有限公司旗下的星河智能告上法庭,索赔500万元。") == [("云帆科技", "星河智能")]


def test_courts_regulators_and_law_firms_are_no_parties():
    assert conflicts("云帆科技向北京市海淀区人民法院提起诉讼,起诉星河智能侵犯其著作权。") == [("云帆科技", "星河智能")]
    assert conflicts("云帆科技委托金杜律师事务所向星河智能发出律师函。") == [("云帆科技", "星河智能")]
    assert conflicts("云帆科技向国家市场监督管理总局举报星河智能涉嫌垄断。") == [("云帆科技", "星河智能")]


def test_x_su_y_names_a_case():
    assert conflicts("北京市海淀区人民法院已受理云帆科技诉星河智能不正当竞争一案。") == [("云帆科技", "星河智能")]
    assert conflicts("云帆科技告诉记者,星河智能的新品不错。") == []


def test_a_rebuttal_pairs_the_speaker_with_the_party_its_words_name():
    assert conflicts("对此,星河智能回应称,云帆科技的说法与事实不符。") == [("云帆科技", "星河智能")]
    # No one speaks: the two are only named in one sentence.
    assert conflicts("星河智能发布了新品,云帆科技的说法与事实不符。") == []
