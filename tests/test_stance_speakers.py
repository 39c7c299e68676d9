"""Speakers whose view runs over several sentences, quotes in 「」/『』, and less common cue words."""
from newskit.quotes import Attributor
from test_stance import run


def speakers(text):
    doc, r = run(text)
    for s in r["speakers"]:
        assert all(doc.text[q["start"]:q["end"]] == q["text"] for q in s["quotes"])
    return {s["speaker"]: s for s in r["speakers"]}


def test_paraphrase_continuations_carry_the_introduced_speaker():
    text = ("北辰数据董事长钱立民近日接受了本报专访。\n"
            "在他看来,大一统的通用智能终将胜出。他在接受采访时进一步表示,规模定律依然有效。\n"
            "他坦言,行业模型固然能解决一时的问题,但真正的壁垒在基座模型。")
    s = speakers(text)
    assert s["钱立民"]["label"] == "general"
    assert s["钱立民"]["organization"] == "北辰数据"
    assert len(s["钱立民"]["quotes"]) >= 2


def test_corner_bracket_quotes_are_attributed():
    text = ("星云智算创始人郑怀远谈起创业方向时很直接。「小而美的场景模型才是出路。」\n"
            "『企业真正需要的是专用模型,不是通才。』")
    s = speakers(text)
    assert s["郑怀远"]["label"] == "vertical"
    assert any("场景模型" in q["text"] for q in s["郑怀远"]["quotes"])


def test_colon_then_quote_without_a_speech_verb():
    s = speakers("远望资本合伙人许文博用一句话概括:「参数规模决定上限,AGI才是唯一的方向。」")
    assert s["许文博"]["label"] == "general"


def test_a_quote_after_another_speakers_words_is_not_reassigned_across_paragraphs():
    a = Attributor().attribute("北辰数据董事长钱立民表示,行业模型更好。\n市场风云变幻。\n\n另一段。\n「无主的引语。」")
    assert [u.speaker for u in a.utterances] == ["钱立民"]


def test_quote_followed_by_its_own_speaker_phrase_is_not_a_continuation():
    a = Attributor().attribute("北辰数据董事长钱立民表示,行业模型更好。「通用模型终将胜出。」远望资本合伙人许文博反驳道。")
    spoken = {a.view.text[u.start:u.end]: u.speaker for u in a.utterances}
    assert spoken.get("「通用模型终将胜出。」") == "许文博"
