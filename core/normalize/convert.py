"""Traditional -> Simplified (mainland usage), applied only to text written in Traditional.

OpenCC ``t2s`` converts phrase by phrase without Taiwan-to-mainland vocabulary swaps
(so 互聯網 -> 互联网, 核心 stays 核心).  It leaves 著 alone; in mainland usage 著 survives only in
zhù words (著名, 显著 ...), listed in ``data/normalize/zhu_words.txt``; elsewhere it becomes 着.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import data_lines

# Share of Han characters that t2s changes above which a text counts as Traditional.
TRADITIONAL_THRESHOLD = 0.05


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def t2s(text: str) -> str:
    """Plain OpenCC t2s (used to score candidates, whatever the script of the text)."""
    return _converter().convert(text)


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def traditional_ratio(text: str, sample_size: int = 800) -> float:
    """Share of Han characters (among the first ``sample_size``) that t2s would change."""
    sample = "".join(_HAN_RUN.findall(text, 0, sample_size * 2))[:sample_size]
    if not sample:
        return 0.0
    return sum(map(str.__ne__, sample, t2s(sample))) / len(sample)


def is_traditional(text: str) -> bool:
    return traditional_ratio(text) >= TRADITIONAL_THRESHOLD


@lru_cache(maxsize=1)
def _zhu_words() -> re.Pattern:
    words = sorted(data_lines("zhu_words.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


_ZHU = re.compile("著")


def _particle_zhe(text: str) -> str:
    if "著" not in text:
        return text
    keep = {i for m in _zhu_words().finditer(text) for i in range(m.start(), m.end())}
    return _ZHU.sub(lambda m: "著" if m.start() in keep else "着", text)


def to_simplified(text: str) -> str:
    """Convert to Simplified only when the text is written in Traditional; Simplified text is never touched."""
    if not is_traditional(text):
        return text
    return _particle_zhe(t2s(text))
