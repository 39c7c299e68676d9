"""Normalization of the samples: glosses, conversion, boilerplate, metadata, untouched Simplified text."""
import re

import pytest

from conftest import SEEDS
from newskit.normalize import normalize_text
from newskit.normalize.boilerplate import parse_field_line, split_byline
from newskit.normalize.clean import _FULLWIDTH_ALNUM
from newskit.normalize.convert import to_simplified
from newskit.normalize.metadata import looks_like_headline, parse_date
from newskit.normalize.pinyin import strip_glosses

GLOSS_LEFT = re.compile(r"[\u4e00-\u9fff][(（][a-zü\u00e0-\u01dc]{1,7}[)）]")


def _sample(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned():
    return {p: normalize_text(_sample(p)) for p in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_no_pinyin_gloss_left_and_real_parentheses_kept(cleaned, prefix):
    text = cleaned[prefix].text
    assert not GLOSS_LEFT.search(text)
    original = to_simplified(_sample(prefix))
    real = [p for p in re.findall(r"[(（][^()（）\n]{1,30}[)）]", original)
            if not re.fullmatch(r"[(（][a-zü\u00e0-\u01dc]{1,7}[)）]", p) and "资料图" not in p]
    assert real
    for p in real:
        assert p in text


def test_gloss_stripping_checks_the_reading():
    assert strip_glosses("創(chuàng)業") == ("創業", 1)
    assert strip_glosses("朱青(化名)說") == ("朱青(化名)說", 0)
    assert strip_glosses("亞馬遜(AWS)")[0] == "亞馬遜(AWS)"
    assert strip_glosses("最高級(17 級)")[0] == "最高級(17 級)"
    assert strip_glosses("大(ma)")[0] == "大(ma)"          # not a reading of 大


def test_traditional_converted_with_mainland_usage(cleaned):
    text = cleaned["001"].text
    assert "互联网" in text and "因特网" not in text
    assert "核心" in cleaned["003"].text and "内核" not in cleaned["003"].text
    assert "等着大公司" in cleaned["003"].text and "牵着走" in cleaned["003"].text
    assert to_simplified("顯著的著名學者穿著西裝,意味著什麼") == "显著的著名学者穿着西装,意味着什么"


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_simplified_samples_only_lose_boilerplate(cleaned, prefix):
    """Every kept line is an original line (widths normalized), in order; every dropped line is recorded."""
    original = [l.strip() for l in _sample(prefix).translate(_FULLWIDTH_ALNUM).split("\n") if l.strip()]
    kept = [l for l in cleaned[prefix].text.split("\n") if l.strip()]
    it = iter(original)
    assert all(any(line == o for o in it) for line in kept)
    dropped = [o for o in original if o not in kept]
    recorded = {r["text"] for r in cleaned[prefix].removed}
    assert all(d in recorded for d in dropped)


def test_boilerplate_names_do_not_reach_the_text(cleaned):
    assert "视觉中国" not in cleaned["003"].text
    assert "Canva" not in cleaned["004"].text and "fromgeek" not in cleaned["004"].text
    assert "免责声明" not in cleaned["004"].text
    assert "首页" not in cleaned["000"].text and "Pixabay" not in cleaned["000"].text
    assert "责任编辑" not in cleaned["001"].text
    assert "strong>" not in cleaned["003"].text
    assert "来源:受访者" not in cleaned["003"].text
    assert "中科深智创始人、CEO成维忠。" in cleaned["003"].text   # the caption itself stays


def test_metadata(cleaned):
    m = {p: r.meta for p, r in cleaned.items()}
    assert m["000"]["title"] == "大模型激战半年:王小川进击、王慧文退场,腾讯字节姗姗来迟"
    assert m["000"]["date"] == "2023-08-13"
    assert (m["000"]["source"], m["000"]["original_source"], m["000"]["author"]) == ("腾讯网", "时代财经", "谢斯临")
    assert m["002"]["title"] == "AI发展何去何从?李开复:中美大模型只能存活五六家"
    assert m["002"]["date"] is None and m["002"]["date_flag"] == "relative"
    assert m["002"]["date_relative"] == "330 天前"
    assert (m["002"]["author"], m["002"]["editor"], m["002"]["original_source"]) == ("小岩", "小迪", "新火种")
    assert m["003"]["title"] == "租2000张芯片做大模型:一家创业公司的生死抉择"
    assert (m["003"]["author"], m["003"]["editor"], m["003"]["source"]) == ("闫俊文", "李薇", "中国企业家")
    assert m["001"]["title"] is None and m["004"]["title"] is None
    assert m["001"]["editor"] == "Rex_17"
    for meta in m.values():
        assert {"title", "date", "source", "author", "url"} <= set(meta)


def test_relative_date_resolved_against_reference():
    meta = normalize_text(_sample("002"), reference_date="2024-11-01").meta
    assert meta["date"] == "2023-12-07" and meta["date_flag"] == "resolved"


def test_helpers():
    assert parse_field_line("时间:2023-08-13 21:28:01   来源:腾讯网") == {
        "date": "2023-08-13 21:28:01", "source": "腾讯网", "_labels": ["时间", "来源"]}
    assert parse_field_line("他说:这是一个非常长的句子,显然不是元数据,而是正文里的一段引语,长度远远超过了限制。") is None
    assert split_byline("《财经》特约记者 张三") == ("财经", "张三")
    assert parse_date("2023年8月1日") == "2023-08-01"
    assert parse_date("3 天前") is None
    assert looks_like_headline("某公司发布新一代大模型:性能提升三成")
    assert not looks_like_headline("“ 这是一句引语。”他说。")


def test_full_width_letters_and_digits_narrowed_punctuation_kept():
    out = normalize_text("ＡＩ大模型在２０２３年爆发，成本下降。").text
    assert out == "AI大模型在2023年爆发，成本下降。"
