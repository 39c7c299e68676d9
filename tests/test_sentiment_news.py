"""General-news behaviour of the sentiment engine: contests, the article's tone toward its main subject,
the optional SnowNLP feature (never imported unless asked for)."""
import sys

import pytest

from newskit.commands.target_sentiment import Scorer
from newskit.document import split_paragraphs, split_sentences
from newskit.sentiment import SentimentEngine, find_mentions, load_lexicon


@pytest.fixture(scope="module")
def engine():
    return SentimentEngine(load_lexicon())


def labels(engine, text, targets, document_share=0.0):
    engine.cfg["document_share"] = document_share
    try:
        sents = split_sentences(text, split_paragraphs(text))
        mentions = find_mentions(text, targets)
        hits = engine.lex.find(text)
        prior = engine.document_prior(sents, hits, mentions)
        return {k: v.label for k, v in engine.score(text, sents, mentions, hits=hits, target_prior=prior).items()}
    finally:
        engine.cfg["document_share"] = 0.0


@pytest.mark.parametrize("text, winner, loser", [
    ("红星队客场力克蓝海队。", "红星队", "蓝海队"),
    ("蓝海队主场负于红星队。", "红星队", "蓝海队"),
    ("红星队3比0横扫蓝海队,晋级决赛。", "红星队", "蓝海队"),
    ("蓝海队惜败红星队。", "红星队", "蓝海队"),
])
def test_contest_results_give_winner_and_loser_opposite_signs(engine, text, winner, loser):
    assert labels(engine, text, [winner, loser]) == {winner: "positive", loser: "negative"}


def test_main_subject_takes_the_articles_tone(engine):
    text = ("远航电子宣布裁员三成。远航电子的股价应声暴跌。公司门口聚集了讨薪的员工,"
            "供应商担心货款无法收回,订单大幅下滑,经营陷入困境。")
    # without the document component only the sentences that name it count; with it the whole
    # article's bad news reaches its main subject, and a side party named once is untouched
    base = labels(engine, text + "本地媒体青禾日报报道了此事。", ["远航电子", "青禾日报"])
    blended = labels(engine, text + "本地媒体青禾日报报道了此事。", ["远航电子", "青禾日报"], document_share=1.0)
    assert blended["远航电子"] == "negative"
    assert blended["青禾日报"] == base["青禾日报"] == "neutral"


def test_document_prior_needs_a_main_subject(engine):
    engine.cfg["document_share"] = 1.0
    try:
        text = "甲公司发布新品。乙公司表现出色,广受好评。"
        sents = split_sentences(text, split_paragraphs(text))
        mentions = find_mentions(text, ["甲公司", "乙公司"])
        # each is named once: no main subject, nothing blended
        assert engine.document_prior(sents, engine.lex.find(text), mentions) == {}
        mentions2 = find_mentions(text + "乙公司再获大奖。", ["甲公司", "乙公司"])
        prior = engine.document_prior(sents, engine.lex.find(text + "乙公司再获大奖。"), mentions2)
        assert set(prior) == {"乙公司"} and prior["乙公司"] > 0
    finally:
        engine.cfg["document_share"] = 0.0


def test_snownlp_is_not_imported_by_default():
    was_loaded = "snownlp" in sys.modules
    Scorer(evidence=False, use_kb=False).score({"id": "1", "text": "甲公司业绩大增。", "targets": ["甲公司"]})
    assert ("snownlp" in sys.modules) == was_loaded


def test_verb_and_adjective_targets_are_events_not_parties():
    scorer = Scorer(evidence=False, use_kb=False)
    text = "星河科技股价上涨,业绩优秀,广受好评,表现出色。"
    out = {t["name"]: t["label"] for t in scorer.score({"id": "1", "text": text, "targets": ["星河科技", "上涨", "优秀"]})["targets"]}
    assert out == {"星河科技": "positive", "上涨": "neutral", "优秀": "neutral"}


@pytest.mark.parametrize("text", ["蓝海队40-64红星队。", "红星队以3比1击败蓝海队。", "全场比赛结束,红星队3-0蓝海队。"])
def test_match_score_puts_the_higher_side_ahead(engine, text):
    assert labels(engine, text, ["红星队", "蓝海队"]) == {"红星队": "positive", "蓝海队": "negative"}


def test_a_score_with_no_side_in_its_clause_names_no_winner(engine):
    # neither side of 65-63 is named: the team of the other clause is neither ahead nor behind
    sents = split_sentences(text := "第三节蓝海队连续进攻,比分来到65-63。", split_paragraphs(text))
    assert engine.score(text, sents, find_mentions(text, ["蓝海队"]))["蓝海队"].score == 0


@pytest.mark.parametrize("text", ["2022-01-03红星队发布公告。", "1-3月红星队营收持平。", "红星队19:30开会。",
                                  "双方2比2战平。", "红星队3-5人一组训练。"])
def test_dates_times_ranges_and_draws_are_not_scores(engine, text):
    assert not [h for h in engine.lex.find(text) if h.kind in ("ahead", "behind")]


def test_news_vocabulary_awards_and_misconduct(engine):
    got = labels(engine, "李青、王岚等演员入围最佳女主角提名。张强在比赛中大打出手,被罚下。", ["李青", "王岚", "张强"])
    assert got == {"李青": "positive", "王岚": "positive", "张强": "negative"}


@pytest.mark.parametrize("text, subject, obj", [
    ("红星队以3比1力克蓝海队夺得冠军。", "红星队", "蓝海队"),
    ("红星队击败蓝海队,收获三连胜。", "红星队", "蓝海队"),
])
def test_praise_after_a_contest_verb_goes_to_its_subject_not_its_object(engine, text, subject, obj):
    assert labels(engine, text, [subject, obj]) == {subject: "positive", obj: "negative"}


def test_free_throws_are_not_sanctions(engine):
    kinds = {h.kind for h in engine.lex.find("他站上罚球线,罚中两球,又一次罚篮")}
    assert "sanctions" not in kinds


@pytest.mark.parametrize("text, target, label", [
    ("该局长收受巨额好处费,搞权钱交易。", "该局长", "negative"),
    ("这名球员状态不佳,表现平平。", "这名球员", "negative"),
    ("这位歌手唱功了得,镇得住场子。", "这位歌手", "positive"),
    ("这位老将多年来热心公益,多次捐款。", "这位老将", "positive"),
    ("这位官员飞扬跋扈,滥用职权。", "这位官员", "negative"),
    ("这位演员的表演十分出彩,让人眼前一亮。", "这位演员", "positive"),
    ("这名中锋是球队的中流砥柱,不可或缺。", "这名中锋", "positive"),
    ("这位艺人被指失德,随后发文致歉。", "这位艺人", "negative"),
])
def test_general_news_words(engine, text, target, label):
    assert labels(engine, text, [target])[target] == label


@pytest.mark.parametrize("comma", [",", "\uff0c"])
def test_full_width_punctuation_breaks_clauses_like_half_width(engine, comma):
    # normalization keeps punctuation as written: most Chinese news uses the full-width forms
    text = f"星河科技发布了年报{comma}大获成功的是月光公司。"
    assert labels(engine, text, ["星河科技", "月光公司"]) == {"星河科技": "neutral", "月光公司": "positive"}


def test_full_width_question_mark_is_a_question(engine):
    half = labels(engine, "星河科技怎么可能领先?", ["星河科技"])
    full = labels(engine, "星河科技怎么可能领先\uff1f", ["星河科技"])
    assert half == full
