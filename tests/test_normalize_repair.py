"""Misaligned-GBK repair: the eight damaged runs of sample 003, and properties on generated text."""
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from newskit.normalize import normalize_text
from newskit.normalize.gbk_repair import misalign, repair_gbk

# Written for these tests (not taken from the samples): ordinary news sentences, ASCII commas as
# in scraped text.
SENTENCES = [
    "这家公司去年的营收增长了三成,利润却下降了。",
    "记者在发布会上看到,新产品的价格比上一代便宜不少。",
    "他表示,人工智能技术正在改变整个行业的竞争格局。",
    "投资人认为,创业公司必须找到自己的细分市场才能活下去。",
    "大模型的训练成本高昂,只有少数企业能够承担。",
    "业内人士指出,算力短缺仍然是制约行业发展的主要因素。",
    "面对激烈的市场竞争,公司决定加大研发投入。",
    "专家建议,监管部门应当尽快出台相关的管理办法。",
    "随着技术的不断进步,智能手机的功能越来越强大。",
    "我们希望通过开放合作,与更多伙伴共同推动产业升级。",
    "他在接受采访时说,团队已经连续工作了两个月。",
    "消费者对于数据安全和个人隐私的担忧日益增加。",
]

# The eight damaged runs of sample 003, as they read after repair and conversion.
REPAIRED_RUNS = [
    "公司年营收数千万元",
    "这让他们如履薄冰",
    "因为算力限制以及需求的庞大,ChatGPT",
    "突破。”阿里云CTO周靖人说",
    "跟自己没有关系了。”",
    "不用去关心作文或者摘要写的怎么样。”成维忠说",
    "改造了钉钉等产品",
    "非常错误的决定。”成维忠反思",
]


@pytest.fixture(scope="module")
def sample_003():
    raw = (SEEDS / "003_88202dccce035f44.txt").read_text(encoding="utf-8")
    return raw, normalize_text(raw)


def test_sample_003_has_eight_repairs(sample_003):
    raw, result = sample_003
    assert len(result.repairs) == 8
    fixed, repairs = repair_gbk(raw)
    assert [r.start for r in repairs] == sorted(r.start for r in repairs)
    assert fixed.count("?") == raw.count("?") - sum(r.damaged.count("?") for r in repairs)


@pytest.mark.parametrize("expected", REPAIRED_RUNS)
def test_sample_003_run_is_repaired(sample_003, expected):
    assert expected in sample_003[1].text


def test_sample_003_keeps_genuine_question_marks(sample_003):
    raw, result = sample_003
    assert "还是自己投真金白银做?" in result.text
    assert "应该不应该做这件事吗?我觉得" in result.text
    assert not re.search(r"[?][\u4e00-\u9fff]{0,3}[a-zà-ǜ]+\)", result.text)


@pytest.mark.parametrize("name", ["000_7dee3276a3d82b38.txt", "001_784493e92397e9fb.txt",
                                  "002_874226fd2e63c14b.txt", "004_e8bb53d92b102473.txt"])
def test_intact_samples_get_no_repair(seeds_dir, name):
    raw = (seeds_dir / name).read_text(encoding="utf-8")
    assert repair_gbk(raw) == (raw, [])


def _damageable(text: str) -> list[int]:
    return [k for k in range(1, len(text) - 1) if "\u4e00" <= text[k] <= "\u9fff" and "\u4e00" <= text[k - 1] <= "\u9fff"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([None, "bare", "open"]))
def test_misaligned_text_is_restored(data, gloss):
    """A repair brings back every character of the shifted run; at most the two guessed characters
    (the one whose lead byte was lost, the one whose trail byte dangles) can differ."""
    text = "".join(data.draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
    k = data.draw(st.sampled_from(_damageable(text)))
    damaged = misalign(text, k, gloss)
    # both bytes of a character lost: nothing to recover from
    assume(not re.search(r"\?(?:\(?[a-zà-ǜ]+\))?\?", damaged))
    repaired, repairs = repair_gbk(damaged)
    assume(repairs)                       # a declined repair leaves the text as it was
    assert len(repaired) == len(text)
    wrong = [i for i, (a, b) in enumerate(zip(repaired, text)) if a != b]
    assert len(wrong) <= 2
    assert all(i == k or i == wrong[-1] for i in wrong)


def test_misaligned_sentences_mostly_restored_exactly():
    exact = repaired = total = 0
    for text in SENTENCES:
        for k in _damageable(text):
            damaged = misalign(text, k)
            if "??" in damaged:
                continue
            total += 1
            out, repairs = repair_gbk(damaged)
            exact += out == text
            repaired += bool(repairs)
    assert repaired / total >= 0.85
    assert exact / total >= 0.6


_ALPHABET = sorted(set("".join(SENTENCES)) | set("?!,:;()?！，。“”《》abcXYZ019 \n") | set("的了是在吗呢嗎們說"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_intact_text_is_never_changed(text):
    assert repair_gbk(text) == (text, [])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.lists(st.integers(0, 200), max_size=3))
def test_questions_in_real_sentences_are_never_changed(sentences, picks):
    """Genuine question marks: some commas and full stops become "?"."""
    text = "".join(sentences)
    stops = [i for i, c in enumerate(text) if c in ",。"]
    for p in picks:
        i = stops[p % len(stops)]
        text = text[:i] + "?" + text[i + 1:]
    assert repair_gbk(text)[0] == text
