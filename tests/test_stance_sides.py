"""Speakers with one clear side are not called balanced, and pronouns find the person just introduced."""
from newskit.quotes import Attributor
from test_stance import run


def labels(text):
    _, r = run(text)
    return r["label"], {s["speaker"]: s["label"] for s in r["speakers"]}


def test_pronoun_refers_to_the_person_introduced_in_its_own_sentence():
    text = ("北辰数据董事长钱立民表示,行业模型更懂业务。\n"
            "远望科技CEO许文博长期为银行提供软件,他坦言,专用模型的优势只是暂时的。许文博说,他会继续观察。")
    a = Attributor().attribute(text)
    spoken = {a.view.text[u.start:u.end]: u.speaker for u in a.utterances}
    assert spoken.get("专用模型的优势只是暂时的。") == "许文博"
    assert "许文博长" not in a.people


def test_a_model_tailored_to_a_field_is_vertical_even_if_called_a_foundation_model():
    label, _ = labels("真正的突破,一定来自为生命科学量身定制的基础模型。行业模型才是出路。")
    assert label == "vertical"


def test_building_applications_on_a_general_model_is_not_balance():
    label, _ = labels("通用大模型才是真正的平台级机会。我们出手的项目全部基于通用大模型做应用层开发。")
    assert label == "general"


def test_calling_a_moat_only_a_specialist_model_argues_against_it():
    label, _ = labels("通用大模型的能力边界扩张得太快了。如果一家公司的核心壁垒只是一个专业模型,两年后还剩下什么?")
    assert label == "general"


def test_article_reporting_an_opponent_takes_the_side_of_most_speakers():
    text = ("北辰数据董事长钱立民表示,通用大模型才是真正的平台级机会,专用模型终将被替代。\n"
            "远望资本合伙人许文博认为,通用大模型进步最快,维护几十个专用模型的成本根本算不过来。\n"
            "星云智算创始人郑怀远则认为,行业大模型才是出路,企业应该深耕细分领域,专用模型更有优势。")
    label, speakers = labels(text)
    assert speakers == {"钱立民": "general", "许文博": "general", "郑怀远": "vertical"}
    assert label == "general"


def test_two_speakers_one_each_side_stay_balanced():
    text = ("北辰数据董事长钱立民表示,通用大模型才是真正的平台级机会,专用模型终将被替代。\n"
            "星云智算创始人郑怀远则认为,行业大模型才是出路,企业应该深耕细分领域,专用模型更有优势。")
    label, _ = labels(text)
    assert label == "balanced"


def test_layers_built_on_a_general_model_referred_to_by_a_pronoun_are_balanced():
    _, speakers = labels("北辰数据董事长钱立民介绍,平台采用三层架构:底层是通用基础大模型,中间是在其上训练的行业大模型。")
    assert speakers["钱立民"] == "balanced"


def test_a_side_cue_is_dropped_only_after_a_modifier_of_the_other_side():
    from newskit.plugins.stance import StanceAnalyzer

    a = StanceAnalyzer()
    a.configure({}, None)
    a.ensure_setup()

    def tables(text):
        return {h.table for h in a.scorer.prepare(text).hits}

    assert "general" not in tables("为医疗量身定制的基础模型")
    assert "general" in tables("刚好够用通用模型的接口")  # a verb phrase, not "够用的…"


def test_results_surpassing_the_old_version_argue_for_the_side_just_named():
    label, _ = labels("我们做过几个行业专用模型,后来全部下线了。新一代基础模型一接进来,效果直接超过了我们调了一年的版本。")
    assert label == "general"
