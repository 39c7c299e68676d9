"""Propose organizations the knowledge base does not know, from name suffixes (科技, 资本, 实验室 ...).

A candidate is the run of name characters before a suffix, cut at boundary characters (的, 由, 与,
punctuation ...), at a known name, after leading verbs/determiners (``org_stop_prefixes``) and after
the last role noun inside it (``descriptor_words``: 产业基金澄川资本 -> 澄川资本).
Generic phrases (这家公司, 创业公司, 大公司, 互联网公司) are dropped by ``generic_org_words``.
All word lists come from the ``[linking]`` table of the knowledge base.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CORE = 10
MAX_DESCRIPTOR = 5


@dataclass
class Unknown:
    name: str
    spans: list[list[int]] = field(default_factory=list)


def taken_mask(text: str, known) -> bytearray:
    """1 where a known name sits (``known``: mentions with ``start``/``end``)."""
    taken = bytearray(len(text) + 1)
    for m in known:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return taken


DATE_CHARS = frozenset("年月日号")
# Before a date character these make it a date (3月, 今年, 次日, 每月); anything else lets it start a name (月壤科技).
DATE_BEFORE = frozenset("0123456789今去明本上下每当次前后同该近整全半一二三四五六七八九十百〇零两几多数隔翌逐某")


def _name_date_char(text: str, i: int) -> bool:
    """年/月/日/号 at ``i`` starts a name rather than ends a date: nothing that makes a date comes before it."""
    return text[i] in DATE_CHARS and (i == 0 or not (_is_name_char(text[i - 1]) or text[i - 1] in DATE_BEFORE))


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _two_char_name(word: str) -> bool:
    """问岐 yes; 请贵, 也有, 年度 no: two characters that are no dictionary word and start with no
    function word or verb (rare, so the slow tagger is affordable)."""
    from newskit.text import pos_tags

    tags = pos_tags(word)
    return len(tags) == 2 and not tags[0][1].startswith(("v", "d", "p", "c", "u", "r", "m", "q", "f", "t"))


# A measure-word boundary character (``glued_boundary_chars``) and the run's first character forming a
# word at least this frequent in jieba's dictionary (批量, 个人, 项目) mean the run was cut inside a word.
GLUED_WORD_FREQ = 300


def _cut_inside_word(text: str, i: int) -> bool:
    """The character before ``i`` (a boundary character) and the one at ``i`` make a common word."""
    if i == 0 or i >= len(text) or not _is_name_char(text[i - 1]):
        return False
    from newskit.text import word_frequency

    return word_frequency(text[i - 1:i + 1]) >= GLUED_WORD_FREQ


def _yielding(suffix: str, suffixes: list[str]) -> str:
    """The suffix as a pattern that gives way to another suffix starting at its last character
    (数科 before 技: 星数科技 ends in 科技, not 数科)."""
    tails = sorted({t[1:] for t in suffixes if len(t) > 1 and t[0] == suffix[-1]}, key=len, reverse=True)
    return re.escape(suffix) + ("(?!" + "|".join(map(re.escape, tails)) + ")" if tails else "")


class Discoverer:
    def __init__(self, linking: dict[str, list[str]]):
        suffixes = sorted(set(linking["org_suffixes"]), key=len, reverse=True)
        self.suffix_re = re.compile("(?:" + "|".join(map(_yielding, suffixes, [suffixes] * len(suffixes))) + ")+") \
            if suffixes else None
        self.boundary = frozenset("".join(linking["boundary_chars"]))
        self.glue_boundary = frozenset("".join(linking["glued_boundary_chars"]))
        self.stop_prefixes = sorted(set(linking["org_stop_prefixes"]), key=len, reverse=True)
        self.generic = set(linking["generic_org_words"])
        self.generic_tails = tuple(self.generic)
        self.stop_tuple = tuple(self.stop_prefixes)
        self.indefinite = tuple(linking["indefinite_prefixes"])
        self.descriptive = frozenset(linking["descriptive_suffixes"])
        self.associations = tuple(linking["association_suffixes"])
        self.not_followed = tuple(linking["suffix_not_followed"])
        descriptors = sorted(set(linking["descriptor_words"]), key=len, reverse=True)
        # Greedy: the match ends after the LAST role noun that leaves at least two characters.
        self.descriptor_re = re.compile("^.*(?:" + "|".join(map(re.escape, descriptors)) + ")(?=..)") \
            if descriptors else None

    def discover(self, text: str, known, taken: bytearray | None = None) -> list[Unknown]:
        if self.suffix_re is None:
            return []
        if taken is None:
            taken = taken_mask(text, known)
        found: dict[str, Unknown] = {}
        for m in self.suffix_re.finditer(text):
            s, e = m.span()
            if taken[s] or taken[e - 1] or text.startswith(self.not_followed, e):
                continue
            core = self._core(text, s, taken, m.group().endswith(self.associations), "有限" in m.group())
            if core is None or self._indefinite(text, s - len(core), m.group()):
                continue
            name = core + m.group()
            found.setdefault(name, Unknown(name)).spans.append([s - len(core), e])
        return sorted(found.values(), key=lambda u: (-len(u.spans), u.spans[0][0]))

    def _core(self, text: str, s: int, taken: bytearray, association: bool = False, legal: bool = False) -> str | None:
        """``legal``: the suffix is a registered legal form (有限公司), so a generic word before it
        (数字 in 深圳X数字科技有限公司) is part of the registered name, not the whole of a phrase."""
        i = s
        while i > 0 and s - i < MAX_CORE and _is_name_char(text[i - 1]) and not taken[i - 1] \
                and (text[i - 1] not in self.boundary or _name_date_char(text, i - 1)):
            i -= 1
        core = text[i:s]
        if len(core) == 1 and i > 0 and text[i - 1] in self.boundary and not taken[i - 1] \
                and (i == 1 or text[i - 2] in self.boundary or not _is_name_char(text[i - 2])) \
                and _two_char_name(text[i - 1:s]):
            core = text[i - 1:s]      # 与问岐智能: a name may start with a boundary character (问, 答, 令)
        elif i > 0 and text[i - 1] in self.boundary and self.descriptor_re:
            # A role noun may hold a boundary character (竞争对手X, 供应商X): look a little further back.
            wide = text[max(0, i - MAX_DESCRIPTOR):s]
            m = self.descriptor_re.match(wide)
            if m and m.end() > len(wide) - len(core):
                core = wide[m.end():]
        core = self.trim(core)
        if len(core) < 2 or core in self.generic:
            return None
        if text.startswith(core, i) and i > 0 and text[i - 1] in self.glue_boundary and _cut_inside_word(text, i):
            return None               # 批量拷贝公司: the run starts inside a word (批|量拷贝), a clause, no name
        if not association and core.endswith(self.generic_tails) \
                and not (legal and len(core) - max(len(g) for g in self.generic_tails if core.endswith(g)) >= 2):
            return None
        return core

    def _indefinite(self, text: str, start: int, suffix: str) -> bool:
        """一家远洋渔业公司, 某芯片企业: a quantifier before "X + bare company noun" describes a kind of
        company; a name is introduced differently (一家名为X的公司, X是一家…)."""
        return suffix in self.descriptive and text.endswith(self.indefinite, 0, start)

    def run_before(self, text: str, end: int, taken: bytearray, reach: int) -> str:
        """The Han characters right before ``end`` (at most ``reach``; none known or a boundary),
        trimmed: the candidate name before a title, a stock code or 是一家…."""
        i = end
        while i > 0 and end - i < reach and "\u4e00" <= text[i - 1] <= "\u9fff" and not taken[i - 1] \
                and text[i - 1] not in self.boundary:
            i -= 1
        return self.trim(text[i:end])

    def trim(self, core: str) -> str:
        """投资方包括启澜 -> 包括启澜 -> 启澜; 包括合作伙伴X -> 合作伙伴X -> X: role nouns and leading words off."""
        for _ in range(3):
            trimmed = self._strip_stop_prefixes(self._after_descriptor(core))
            if trimmed == core:
                break
            core = trimmed
        return core

    def _strip_stop_prefixes(self, core: str) -> str:
        while core.startswith(self.stop_tuple):       # one C-level test before looking for which one
            p = next(p for p in self.stop_prefixes if core.startswith(p))
            if len(core) <= len(p):
                break
            core = core[len(p):]
        return core

    def _after_descriptor(self, core: str) -> str:
        """产业基金澄川 -> 澄川: the name starts after the last role noun inside the run, if 2+ characters remain."""
        m = self.descriptor_re.match(core) if self.descriptor_re else None
        return core[m.end():] if m else core
