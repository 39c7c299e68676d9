"""The sentiment engine: target-dependent, clause-scoped, driven by data-file lexicons."""
import pytest

from newskit.document import split_paragraphs, split_sentences
from newskit.sentiment import Lexicon, LexiconError, SentimentEngine, find_mentions, less_specific, load_lexicon


@pytest.fixture(scope="module")
def engine():
    return SentimentEngine(load_lexicon())


def labels(engine, text, targets):
    sents = split_sentences(text, split_paragraphs(text))
    return {k: v.label for k, v in engine.score(text, sents, find_mentions(text, targets)).items()}


def test_each_target_gets_its_own_label(engine):
    got = labels(engine, "甲公司进展神速,乙公司却接连亏损。", ["甲公司", "乙公司"])
    assert got == {"甲公司": "positive", "乙公司": "negative"}


def test_comparison_gives_opposite_signs(engine):
    assert labels(engine, "甲公司遥遥领先乙公司。", ["甲公司", "乙公司"]) == {"甲公司": "positive", "乙公司": "negative"}
    assert labels(engine, "乙公司落后于甲公司。", ["甲公司", "乙公司"]) == {"甲公司": "positive", "乙公司": "negative"}
    # the unnamed side lags: the named party is ahead
    assert labels(engine, "甲公司起步早,国内同行在核心能力上存在较大差距。", ["甲公司"])["甲公司"] == "positive"
    assert labels(engine, "国内厂商与甲公司存在较大差距。", ["甲公司"])["甲公司"] == "positive"


def test_negation_flips_and_launch_news_is_neutral(engine):
    assert labels(engine, "甲公司的新业务并不成功。", ["甲公司"])["甲公司"] == "negative"
    assert labels(engine, "甲公司发布了新一代手机。", ["甲公司"])["甲公司"] == "neutral"


def test_rhetorical_question_flips(engine):
    got = labels(engine, "甲公司怎么可能超越乙公司?", ["甲公司", "乙公司"])
    assert got["甲公司"] == "negative"


def test_contrast_weighs_the_second_clause(engine):
    assert labels(engine, "甲公司营收增长,但是利润大幅下滑,亏损扩大。", ["甲公司"])["甲公司"] == "negative"


def test_anaphor_and_coordination(engine):
    assert labels(engine, "甲公司上月发布了新模型。这家公司进展神速。", ["甲公司"])["甲公司"] == "positive"
    assert labels(engine, "甲公司、乙公司姗姗来迟。", ["甲公司", "乙公司"]) == {"甲公司": "negative", "乙公司": "negative"}


@pytest.mark.parametrize("text", ["“甲公司”和“乙公司”业绩大幅下滑。", "《甲公司》、《乙公司》业绩大幅下滑。"])
def test_coordination_through_quotation_marks(engine, text):
    assert labels(engine, text, ["甲公司", "乙公司"]) == {"甲公司": "negative", "乙公司": "negative"}


def test_speaker_does_not_inherit_the_opinion(engine):
    got = labels(engine, "甲公司总裁指出,行业模型被淘汰的风险很大。", ["甲公司"])
    assert got["甲公司"] == "neutral"


def test_longest_target_wins_and_less_specific(engine):
    text = "警方对众车在线涉嫌非法吸收公众存款立案侦查。"
    ms = find_mentions(text, ["众车", "众车在线"])
    got = labels(engine, text, ["众车", "众车在线"])
    assert got["众车在线"] == "negative" and "众车" not in got or got.get("众车") == "neutral"
    assert less_specific(["众车", "众车在线"], ms) == {"众车"}


def test_user_lexicon_extends_and_errors_name_the_file(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[positive]\n"稳如泰山" = 1.0\n', encoding="utf-8")
    eng = SentimentEngine(load_lexicon([extra]))
    assert labels(eng, "甲公司稳如泰山。", ["甲公司"])["甲公司"] == "positive"
    bad = tmp_path / "bad.toml"
    bad.write_text('[postive]\n"好" = 1\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml.*postive"):
        Lexicon().add_file(bad)
    bad.write_text('[positive]\n"好" = "yes"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml.*number"):
        Lexicon().add_file(bad)


def test_bundled_lexicon_is_large_and_grouped():
    lex = load_lexicon()
    assert len(lex.tables["positive"]) > 200 and len(lex.tables["negative"]) > 200
    for kind in ("negators", "intensifiers", "diminishers", "contrast", "hedges"):
        assert lex.tables[kind]


def test_one_span_naming_several_parties_scores_them_all(engine):
    from newskit.sentiment import Mention

    text = "BAT稳居行业第一梯队,实力雄厚。"
    sents = split_sentences(text, split_paragraphs(text))
    ms = [Mention(0, 3, name) for name in ("百度", "阿里巴巴", "腾讯")]
    got = engine.score(text, sents, list(reversed(ms)))
    assert {k: v.label for k, v in got.items()} == {"百度": "positive", "阿里巴巴": "positive", "腾讯": "positive"}
