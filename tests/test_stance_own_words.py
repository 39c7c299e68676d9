"""Speakers arguing in their own words: what matters, who can afford it, thin layers, comparisons."""
import pytest

from test_stance_speakers import speakers
from test_stance import run

ARGUMENTS = [
    # what the customer values, not the parameter count
    ("天枢数据创始人顾云舟表示,客户根本不在乎模型参数有多大,只关心能不能接进自己的系统。", "vertical"),
    # only a few can afford a foundation model
    ("远川资本合伙人谭嘉诚认为,从头训练一个基础模型是少数巨头的游戏,中小公司没有胜算。", "vertical"),
    # what is scarce
    ("星河智能CEO韩立秋坦言,行业数据谁都能拿到,真正稀缺的是模型的智力水平。", "general"),
    # a thin layer over a general model
    ("青岚科技创始人陆子昂指出,很多产品只是在通用模型外面套一层行业知识库,撑不了多久。", "general"),
    # A比B更重要, winner in the clause before
    ("云帆医疗创始人严若水说,数据不出医院、结果可追溯,比模型有多聪明更重要。", "vertical"),
    # active take-over: A取代B
    ("北冥智算首席科学家邹长风判断,更强的通用模型终会取代各行各业的专用模型。", "general"),
    # disagreement with a claim carried back to it
    ("鼎新智能董事长卢振宇说,有人说行业数据是壁垒,我不同意。", "general"),
    # both are needed
    ("澄湖银行首席信息官秦思远表示,通用模型和行业数据两者缺一不可。", "balanced"),
    ("澄湖银行首席信息官秦思远表示,我们用开源基础模型加上自有数据做微调。", "balanced"),
]


@pytest.mark.parametrize("text,label", ARGUMENTS)
def test_a_speakers_argument_in_their_own_words(text, label):
    s = speakers(text)
    assert len(s) == 1
    assert next(iter(s.values()))["label"] == label


MENTIONS = [
    "岚峰科技CEO江一帆表示,新模型的参数量达到七百亿,推理速度提升了三成。",
    "启明创投合伙人柏青认为,这家公司的团队在芯片设计上积累深厚。",
    "方舟智能CTO孔令辉介绍,公司的行业版本已在三家医院试点,下个月向学校开放申请。",
    "这家公司表示,这本身没有问题,开源底座大家都在用。",
]


@pytest.mark.parametrize("text", MENTIONS)
def test_talking_about_models_without_arguing_gives_no_stance(text):
    assert speakers(text) == {}
    assert run(text)[1]["label"] == "none"


def test_only_cannot_replace_each_other_is_not_a_takeover():
    _, r = run("通用模型和行业模型谁也替代不了谁。")
    assert r["label"] == "balanced"


def test_full_width_commas_separate_clauses():
    # The evaluation 被替代 stays in its own clause and does not turn the argued cue before it.
    _, r = run("行业大模型才是出路，通用大模型终将被替代。")
    assert r["label"] == "vertical"


def test_reported_speech_goes_on_past_a_semicolon_to_the_end_of_its_sentence():
    s = speakers("云栖研究院院长钟离远解释说,大家今天做专用模型,是因为通用模型还不够强;"
                 "等通用模型足够强,这些专用模型终将被替代。")
    assert s["钟离远"]["label"] == "general"


def test_a_semicolon_does_not_carry_one_speakers_words_into_anothers():
    s = speakers("云栖研究院院长钟离远表示,今天的模型还在快速进步;"
                 "澄湖银行首席信息官秦思远则认为,行业模型才是出路。")
    assert "钟离远" not in s and s["秦思远"]["label"] == "vertical"


def test_models_built_on_a_shared_base_are_balanced():
    _, r = run("集团统一采购一个基础模型,各部门在此之上训练自己的专用模型。")
    assert r["label"] == "balanced"
