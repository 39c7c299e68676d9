"""Rivalry: public spats on social media, replies, lawsuits; negative controls. Invented sentences."""
import pytest

from newskit.document import Document
from newskit.plugins.rivalry import RivalryAnalyzer

COMPANIES = [{"name": n, "aliases": [n]} for n in ("云帆", "星河", "蓝鲸科技", "华为")]


def analyze(text, companies=COMPANIES):
    doc = Document("p.txt", text)
    doc.set_result("entities", {"companies": companies, "people": [], "unknown_organizations": []})
    a = RivalryAnalyzer()
    a.configure({}, None)
    a.ensure_setup()
    return a.analyze(doc)["pairs"]


def pairs(text, companies=COMPANIES):
    return [(p["a"], p["b"], p["kind"]) for p in analyze(text, companies)]


@pytest.mark.parametrize("text", [
    "云帆在微博上嘲讽星河CEO张三只会讲故事。",
    "云帆官方微博发文,暗讽星河CEO张三的大模型是套壳。",
    "星河CEO张三隔空喊话云帆创始人李四。",
    "云帆创始人李四在朋友圈调侃星河的新品。",
    "云帆将星河诉至法院,索赔1000万元。",
    "云帆指控星河不正当竞争。",
])
def test_barbs_and_lawsuits_between_two_parties_are_conflict(text):
    assert pairs(text) == [("云帆", "星河", "conflict")]


def test_a_reply_answers_the_author_of_an_earlier_barb():
    text = "云帆创始人李四在朋友圈暗讽某些公司只会套壳。当晚,星河副总裁张三随即发文反驳。"
    assert pairs(text) == [("云帆", "星河", "conflict")]


def test_a_reply_with_no_barb_before_is_nothing():
    assert pairs("云帆发布了新一代大模型。星河副总裁张三随即发文回应,称将加快研发。") == []


@pytest.mark.parametrize("text", [
    "讽刺的是云帆和星河都还没有盈利。",          # "ironically": no barb
    "云帆与星河同台发布新品。",                  # co-mention
    "云帆、星河、华为都发布了大模型,竞争激烈。",  # a list of companies
    "云帆宣布降价,星河随后也下调了价格。",        # price cuts, no jab
    "云帆的模型在多项评测中超越星河。",            # benchmark comparison
    "云帆与星河在大模型市场展开价格战。",
])
def test_negative_controls_are_never_conflict(text):
    assert all(kind != "conflict" for _, _, kind in pairs(text))


@pytest.mark.parametrize("text", [
    "星河CEO张三在微博隔空回应云帆。",              # the platform is where, not who
    "星河CEO张三在个人微博上发文,点名云帆抄袭。",
    "云帆CEO李四点名星河抄袭。星河副总裁张三转发了该微博并回应称,请拿出证据。",
    "星河高管微博阴阳怪气云帆。",
])
def test_a_platform_named_as_the_venue_is_no_party(text):
    got = pairs(text, [*COMPANIES, {"name": "新浪", "aliases": ["微博"]}])
    assert ("云帆", "星河", "conflict") in got and all("新浪" not in (x, y) for x, y, _ in got)


def test_a_directed_barb_needs_its_target_right_after_it():
    assert pairs("星河创始人张三在发布会上点名云帆,称其数据造假。") == [("云帆", "星河", "conflict")]
    # "没有点名" with no target after the cue, and 点名 followed by something else, link nobody.
    assert pairs("星河创始人张三在发布会上没有点名,但提到了云帆的产品。") == []
    assert pairs("云帆的发布会上点名表扬了星河的工程师。") == []


def test_a_barb_on_earlier_words_is_thrown_by_their_speaker():
    text = ("云帆副总裁李四表示:“有的平台只会买流量。”\n"
            "业内人士认为,这番话明显是在暗讽星河。")
    assert pairs(text) == [("云帆", "星河", "conflict")]
    # Without an anaphor the commentator's sentence is no one's barb.
    assert pairs("云帆副总裁李四表示:“有的平台只会买流量。”\n有网友暗讽星河。") == []


def test_joined_parties_before_a_mutual_cue_with_a_third_mention():
    assert pairs("云帆与星河高管在华为的发布会后隔空交锋。") == [("云帆", "星河", "conflict")]


def test_a_reply_whose_clause_names_the_barbs_author():
    text = "云帆CEO李四发文,直指星河数据造假。当晚,星河副总裁张三转发了李四的文章并回应称数据真实。"
    got = analyze(text)
    assert [(p["a"], p["b"], p["kind"]) for p in got] == [("云帆", "星河", "conflict")]
    assert got[0]["people"] == ["张三", "李四"]


def test_countersuit_between_plaintiff_and_defendant_only():
    text = "云帆起诉星河侵犯其专利,索赔1亿元;星河表示将提起反诉。蓝鲸科技、华为也在这一市场。"
    assert pairs(text) == [("云帆", "星河", "conflict")]


def test_bloggers_with_no_organization_are_parties_by_name():
    text = "科技博主赵一鸣在视频中嘲讽云帆。另一位博主孙晓东随即发文反驳,称赵一鸣“收钱带节奏”。"
    got = {(p["a"], p["b"]) for p in analyze(text) if p["kind"] == "conflict"}
    assert ("孙晓东", "赵一鸣") in got


@pytest.mark.parametrize("text", [
    "暑期补贴战火药味渐浓,云帆与星河针锋相对地降价。",
    "第三方评测显示,云帆的加速卡在能效上超越星河,但落后于华为。",
    "云帆与星河宣布深化合作,共同提升产品竞争力。",
])
def test_price_wars_benchmarks_and_partnerships_are_not_conflict(text):
    assert all(kind != "conflict" for _, _, kind in pairs(text))


def test_a_pronoun_pointing_at_a_named_target_goes_to_the_person_last_named():
    text = "云帆CEO李四在微博发文,怒怼某友商抄袭还倒打一耙。网友普遍认为,他所指的是星河。"
    got = analyze(text)
    assert [(p["a"], p["b"], p["kind"]) for p in got] == [("云帆", "星河", "conflict")]
    assert got[0]["people"] == ["李四"]


@pytest.mark.parametrize("text", [
    "云帆与星河在中低端酒店市场正面交锋。星河随即回应称,补贴将持续到年底。",
    "云帆与星河之间的火药味越来越浓。",
])
def test_mood_words_alone_make_competition_not_conflict(text):
    assert pairs(text) == [("云帆", "星河", "competition")]


def test_a_barb_whose_clause_names_another_agent_is_not_the_subjects():
    assert pairs("评测发布后,云帆股价上涨,有业内人士质疑星河的测试方法。") == []
    assert pairs("评测发布后,云帆发文,质疑星河的测试方法。") == [("云帆", "星河", "conflict")]
