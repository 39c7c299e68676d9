"""The normalization pipeline: repair -> strip pinyin glosses -> Simplified -> widths -> boilerplate -> metadata.

Order matters: GBK repair needs the text as it was damaged (Traditional, glosses and all), gloss
stripping needs the character each gloss belongs to, and the boilerplate rules are written in
Simplified.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from .boilerplate import strip_boilerplate
from .convert import is_traditional, to_simplified
from .gbk_repair import repair_gbk
from .metadata import build_meta
from .pinyin import strip_glosses

# Full-width ASCII letters and digits, and the ideographic space, become half-width; punctuation
# stays as written (the documented width normalization).
_FULLWIDTH_ALNUM = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c).isalnum()}
_FULLWIDTH_ALNUM[0x3000] = " "
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_HAS_FULLWIDTH = re.compile("[\u3000\uff10-\uff5a]")


@dataclass
class NormalizedText:
    text: str
    meta: dict = field(default_factory=dict)
    removed: list = field(default_factory=list)
    repairs: list = field(default_factory=list)   # gbk_repair.Repair records


def normalize_text(text: str, reference_date: str | None = None) -> NormalizedText:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = html.unescape(text)
    text, repairs = repair_gbk(text)
    removed = [{"kind": "gbk_repair", "text": r.damaged, "repaired": r.repaired} for r in repairs]
    text, glosses = strip_glosses(text)
    if glosses:
        removed.append({"kind": "pinyin_gloss", "text": f"{glosses} glosses"})
    if is_traditional(text):
        text = to_simplified(text)
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH_ALNUM)
    stripped = strip_boilerplate(text)
    meta = build_meta(stripped.fields, stripped.header, reference_date)
    out = _TRAILING_SPACE.sub("\n", stripped.text) if " \n" in stripped.text or "\t\n" in stripped.text else stripped.text
    return NormalizedText(out, meta, removed + stripped.removed, repairs)
