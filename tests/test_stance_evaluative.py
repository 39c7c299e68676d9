"""Per-speaker stance from evaluative language, concessions and continuations; invented sentences."""
import pytest

from newskit.quotes import Attributor
from test_stance_arguments import stance
from test_stance_speakers import speakers


def analyze(text):
    """(document result, {speaker: result}); quotes are checked to point into the text by ``speakers``."""
    return stance(text), speakers(text)


def test_dismissive_paraphrase_over_several_sentences_is_general():
    text = ("远望资本合伙人许文博在论坛上表示,今年他们看了几十个垂直模型项目,真正投出去的寥寥无几。"
            "在他看来,多数垂直模型公司的家底不过是一套标注数据,一旦基座模型迭代,这些公司的领先就会归零。"
            "他认为,值得长期押注的是通用大模型。")
    r, s = analyze(text)
    assert s["许文博"]["label"] == "general" and s["许文博"]["score"] < 0
    assert s["许文博"]["organization"] == "远望资本"
    assert len(s["许文博"]["quotes"]) == 3
    assert r["label"] == "general"


@pytest.mark.parametrize("claim,label", [
    ("行业模型是伪需求", "general"),
    ("垂直模型没有未来", "general"),
    ("专用模型只会昙花一现", "general"),
    ("垂直模型的护城河变薄了", "general"),
    ("通用大模型才是正道", "general"),
    ("场景模型的长期价值被低估了", "vertical"),
    ("我们更愿意押注行业大模型", "vertical"),
    ("真正的机会在细分领域", "vertical"),
    ("垂直模型的优势会越来越小", "general"),
    ("通用大模型进步很快,很多垂直场景会被直接覆盖", "general"),
    ("行业模型公司将沦为外包商", "general"),
    ("垂直大模型这个提法本身就有问题", "general"),
    ("通用大模型错误率太高,医生不敢用", "vertical"),
    ("只有专用模型才能进入临床", "vertical"),
])
def test_evaluative_words_give_a_speaker_a_side(claim, label):
    _, s = analyze(f"北辰数据董事长钱立民直言,{claim}。")
    assert s["钱立民"]["label"] == label


def test_conceding_general_while_arguing_for_vertical_is_vertical():
    text = "星河创投合伙人赵明远在论坛上表示,通用大模型当然重要,但行业know-how才是壁垒。"
    _, s = analyze(text)
    assert s["赵明远"]["label"] == "vertical"


def test_a_concession_word_without_a_turn_concedes_nothing():
    _, s = analyze("远望资本合伙人许文博表示,通用大模型当然才是真正的机会。")
    assert s["许文博"]["label"] == "general"


def test_endorsing_both_is_balanced():
    _, s = analyze("北辰数据董事长钱立民认为,通用大模型是底座,行业模型也有更好的前景,两者应该并重。")
    assert s["钱立民"]["label"] == "balanced"


def test_a_speaker_who_only_announces_a_launch_is_omitted():
    r, s = analyze("云帆科技CEO李婷表示,公司本周发布了新一代通用大模型,并上线了医疗行业模型。")
    assert "李婷" not in s
    assert r["label"] == "none"


def test_two_speakers_with_opposite_sides_in_one_article():
    text = ("北辰数据董事长钱立民表示,行业模型更适合中小企业。\n"
            "远望资本合伙人许文博也出席了论坛。他认为,垂直模型没有未来,值得下注的是基础模型。")
    _, s = analyze(text)
    assert s["钱立民"]["label"] == "vertical"
    assert s["许文博"]["label"] == "general"


def test_pronoun_goes_to_the_person_named_after_the_last_speaker():
    a = Attributor().attribute("甲公司总裁钱立民表示,行业模型更好。乙资本合伙人许文博也出席了论坛。他认为,通用模型更好。")
    assert [u.speaker for u in a.utterances] == ["钱立民", "许文博"]


def test_a_person_named_in_the_pronouns_own_sentence_is_not_the_speaker():
    a = Attributor().attribute("甲公司总裁钱立民表示,行业模型更好。对于许文博的观点,他认为并不成立。")
    assert [u.speaker for u in a.utterances] == ["钱立民", "钱立民"]


def test_quote_ending_its_sentence_before_a_pronoun_continues_the_speaker():
    text = "蓝海科技CTO林若琪在圆桌上分享了看法。「一旦底座模型升级,垂直模型的优势就归零。」她直言,值得押注的是基础模型。"
    a = Attributor().attribute(text)
    spoken = [(u.speaker, a.view.text[u.start:u.end]) for u in a.utterances]
    assert ("林若琪", "「一旦底座模型升级,垂直模型的优势就归零。」") in spoken
    _, s = analyze(text)
    assert s["林若琪"]["label"] == "general" and len(s["林若琪"]["quotes"]) == 2


def test_condition_clause_is_not_the_target_of_the_evaluation_after_it():
    r, _ = analyze("行业模型公司的积累不少,一旦通用大模型升级,这些积累就会归零。")
    assert r["label"] == "general"


@pytest.mark.parametrize("after", ["“垂直模型没有未来”,他说。", "“垂直模型没有未来。”他补充道。"])
def test_quote_before_a_pronoun_speaker_phrase_is_the_introduced_persons(after):
    text = "某基金创始合伙人陈立参加了论坛。" + after
    a = Attributor().attribute(text)
    assert [u.speaker for u in a.utterances if u.kind == "continuation"] == ["陈立"]
    _, s = analyze(text)
    assert s["陈立"]["label"] == "general"


def test_a_name_does_not_swallow_the_verb_after_it():
    a = Attributor().attribute("某基金合伙人陈立出席了论坛。他认为,垂直模型没有未来。")
    assert "陈立" in a.people and "陈立出" not in a.people


def test_an_invented_quote_with_words_after_it_is_not_attributed():
    a = Attributor().attribute("某基金合伙人陈立出席了论坛。「垂直模型没有未来」是一句流传甚广的说法。")
    assert a.utterances == []


def test_a_launch_that_covers_several_fields_is_no_evaluation():
    r, s = analyze("某云厂商副总裁周强介绍,公司推出了三款通用大模型,覆盖文本、图像和语音。")
    assert r["label"] == "none" and "周强" not in s
