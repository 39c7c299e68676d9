"""Patterns tried only where their first characters are give exactly what finditer gives."""
import re

from newskit.cues import Patterns

PATTERNS = [
    r"(行业|垂直)[^。]{0,6}(依托|基于)[^。]{0,6}通用",    # a group of alternatives first
    r"两头都[得要]抓|两手抓",                            # a shared literal, then a branch
    r"(?:取代|替代)(?<![被不]..)(?![不了])(?P<lose>[^,。]{1,8})",  # a look-behind after the first characters
    r"[甲乙]方",                                           # a class of literals
    r"\d+比\d+",                                            # no literal first: plain finditer
    r"(?i)ai模型",                                          # a flag: plain finditer
    r"谁也替代不了谁|谁也离不开谁",
]
TEXTS = [
    "行业模型依托于通用底座。两头都要抓,两手抓。被取代者甲方,不取代了,终将取代专用模型。3比1,AI模型与ai模型。",
    "谁也替代不了谁;谁也离不开谁。垂直垂直基于基于通用通用。乙方乙方方。",
    "",
    "没有任何线索的文字。",
]


def test_matches_equal_finditer_pattern_by_pattern():
    ps = Patterns(PATTERNS)
    assert ps.firsts[0] == frozenset("行垂") and ps.firsts[4] is None and ps.firsts[5] is None
    for text in TEXTS:
        got = [(k, m.span(), m.groupdict()) for k, m in ps.finditer(text)]
        want = [(k, m.span(), m.groupdict()) for k, p in enumerate(PATTERNS) for m in re.finditer(p, text)]
        assert got == want
    assert any(k == 2 for k, _ in ps.finditer(TEXTS[0]))  # the look-behind still sees the text before

