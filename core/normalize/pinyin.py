"""Strip pinyin glosses that some sites put after rare characters: 創(chuàng) -> 創.

A parenthesis is a gloss only when it holds nothing but a pinyin syllable that pypinyin lists as a
reading of the character just before it, so (化名), (AWS), (17 級), NLP(自然語言處理) stay.
"""
from __future__ import annotations

import re
from functools import lru_cache

PINYIN_LETTERS = "a-zü\u00e0-\u01dc"
GLOSS = re.compile(rf"([\u3400-\u9fff])[(（]([{PINYIN_LETTERS}]{{1,7}})[)）]")


@lru_cache(maxsize=16384)
def readings(ch: str) -> frozenset[str]:
    """Tone-marked readings of a character (and the toneless form of each)."""
    from pypinyin import Style, pinyin

    marked = pinyin(ch, style=Style.TONE, heteronym=True)[0]
    plain = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    return frozenset(marked) | frozenset(p for p in plain if p.isascii())


def is_reading(ch: str, syllable: str) -> bool:
    return syllable in readings(ch)


def strip_glosses(text: str) -> tuple[str, int]:
    """Text without pinyin glosses, and how many were removed."""
    if "(" not in text and "（" not in text:
        return text, 0
    count = 0

    def drop(m: re.Match) -> str:
        nonlocal count
        if is_reading(m.group(1), m.group(2)):
            count += 1
            return m.group(1)
        return m.group(0)

    return GLOSS.sub(drop, text), count
