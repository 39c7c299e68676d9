"""Organizations the article introduces in ways no suffix shows:

* a stock code right after the name: 思格新能(06656.HK), 华恒股份（688XXX.SH）, 某公司(NASDAQ: ABCD);
* a clause that opens with the name and says what it is: 星环未来是一家成立于2021年的AI公司;
* an English name right after a company noun, named again or followed by a company cue:
  硅谷初创公司Nexora宣布…, 风投机构Benchmark领投.

The name before a stock code is cut like a discovered name (boundary characters, leading verbs, role
nouns: 港股上市公司X -> X).  Vocabulary comes from ``[linking]`` (english_intro_before, intro_after).
"""
from __future__ import annotations

import re

from .discovery import Discoverer
from newskit.text import word_frequency

from .promote import Promoted, _common_phrase, _standalone_occurrences

STOCK_CODE = re.compile(r"[(（]\s*(?:(?:股票|证券)?代码\s*[:：]?\s*)?(?:\d{6}(?:\.(?:SH|SZ|BJ|ss|sz))?|\d{4,5}\.HK"
                        r"|(?:NASDAQ|Nasdaq|NYSE|纳斯达克|纽交所|港交所|上交所|深交所)\s*[:：]\s*[A-Z0-9]{1,6})\s*[)）]")
MAX_NAME = 10
# 星环未来是一家成立于2021年的AI公司: a clause opening with a name, then 是一家 … company noun.
IS_A = re.compile(r"(?:^|(?<=[，。,；;：:！？!?\n\s]))([\u4e00-\u9fff]{2,8})是(?:一家|国内一家|全球一家)"
                  r"[^，。,；;！？!?\n]{0,24}?(?:公司|企业|创企|独角兽|车企|厂商|机构|初创)")

# 第三家是杭州的X，获得… / 另一家获投企业是X。: the next item of an enumeration of companies.
NTH_ITEM = re.compile(r"(?:另一家|第[二三四五六七八九十]家|最后一家)[\u4e00-\u9fff]{0,6}?是([^，。,；;！？!?\n]{2,14}?)(?=[，。,；;])")


class IntroducedOrganizations:
    def __init__(self, linking: dict[str, list[str]], discoverer: Discoverer):
        self.discoverer = discoverer
        self.reject = set(linking["promote_reject_cores"]) | discoverer.generic
        nouns = sorted(set(linking["english_intro_before"]) | set(linking["intro_nouns"]), key=len, reverse=True)
        self.english_re = re.compile("(?:" + "|".join(map(re.escape, nouns)) + r")\s*"
                                     r"([A-Z][a-z][A-Za-z0-9]*(?:\s[A-Z][A-Za-z0-9]+){0,2})(?![A-Za-z0-9])") if nouns else None
        self.cues = tuple(linking["intro_after"]) + tuple(linking["intro_after_weak"])
        self.investor_nouns = tuple(linking["investor_nouns"]) + ("基金", "资本")
        self.titles = tuple(linking["titles"])

    def find(self, text: str, taken: bytearray, known_names=frozenset()) -> list[Promoted]:
        found: dict[str, Promoted] = {}

        def add(end: int, item: bool = False) -> None:
            """The name ending at ``end``; an enumeration ``item`` must be named again on its own."""
            name = self._name_before(text, end, taken, phrase_ok=item)
            if not name or name in known_names or name in found or (item and name.endswith(tuple("的了着过"))):
                return
            s = end - len(name)
            spans = _standalone_occurrences(text, name, taken, [[s, end]], self.titles)
            if spans or not item:
                found[name] = Promoted(name, "company", sorted([[s, end], *spans]), [name])

        for m in STOCK_CODE.finditer(text):
            add(m.start())
        for m in IS_A.finditer(text):
            add(m.end(1))
        for m in NTH_ITEM.finditer(text):
            add(m.end(1), item=True)
        for m in self.english_re.finditer(text) if self.english_re else ():
            name, (s, e) = m.group(1), m.span(1)
            if name in known_names or name in found or any(taken[s:e]):
                continue
            others = [[o.start(), o.end()] for o in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text)
                      if o.start() != s and not any(taken[o.start():o.end()])]
            if others or text.startswith(self.cues, e):
                kind = "investor" if text[m.start():s].strip().endswith(self.investor_nouns) else "company"
                found[name] = Promoted(name, kind, sorted([[s, e], *others]), [name])
        return list(found.values())

    def _name_before(self, text: str, end: int, taken: bytearray, phrase_ok: bool = False) -> str | None:
        """``phrase_ok``: the context already says it is a company (an enumeration item named again),
        so a name made of common words (拣 + 立方) is kept unless it is one dictionary word."""
        core = self.discoverer.run_before(text, end, taken, MAX_NAME + 6)
        if not 2 <= len(core) <= MAX_NAME or core in self.reject:
            return None
        if _common_phrase(core) and not (phrase_ok and len(core) >= 3 and word_frequency(core) == 0):
            return None
        return core
