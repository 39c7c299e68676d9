"""First-pass cleaning: HTML residue, width forms, Traditional -> Simplified."""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_FULLWIDTH_ALNUM = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_FULLWIDTH_ALNUM[0x3000] = " "


@dataclass
class NormalizedText:
    text: str
    meta: dict = field(default_factory=dict)
    removed: list = field(default_factory=list)


def normalize_text(text: str, reference_date: str | None = None) -> NormalizedText:
    removed: list[dict] = []
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.translate(_FULLWIDTH_ALNUM)
    text = to_simplified(text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return NormalizedText(text, {}, removed)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def traditional_ratio(text: str) -> float:
    """Share of Han characters that Traditional->Simplified conversion would change."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    sample = "".join(han[:4000])
    converted = _converter().convert(sample)
    return sum(a != b for a, b in zip(sample, converted)) / len(sample)


def to_simplified(text: str) -> str:
    """Convert to Simplified only when the text is written in Traditional, so Simplified text is never touched."""
    if traditional_ratio(text) < 0.05:
        return text
    return _converter().convert(text)
