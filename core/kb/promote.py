"""Promote discovered organizations to companies when the article clearly treats them as one.

Discovery (:mod:`newskit.kb.discovery`) proposes every "name + 科技/资本/公司 ..." it sees; most are
right, some are phrases (人形机器人, 新能源汽车).  A candidate becomes a company (``"known": false``)
only with strong evidence, all from the ``[linking]`` data:

* its suffix is a company suffix (``company_suffixes``; ``investor_suffixes`` make it an investor);
* and either it is named at least twice with a *strong* suffix (科技, 集团, 股份 ...), or it is
  "X公司", or one of its mentions sits in an introducing context: ``intro_before`` (一家名为X) or
  ``intro_after`` (X创始人, X宣布, X领投; the weaker ``intro_after_weak`` -- X表示 -- only with a
  strong suffix or a second mention);
* and its core is not a generic or place word (``generic_org_words``, ``promote_reject_cores``).

The promoted name drops a trailing 公司/有限公司 (星尘公司 -> 星尘); its bare core (星图 for 星图科技)
also counts as a mention when it recurs outside known names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

LEGAL_TAILS = ("股份有限公司", "有限责任公司", "有限公司", "公司")
INTRO_GAP = "的 \u3000"   # characters allowed between the name and an ``intro_after`` cue (X的创始人)


@dataclass
class Promoted:
    name: str
    type: str
    spans: list[list[int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


class Promoter:
    def __init__(self, linking: dict[str, list[str]]):
        self.company = sorted(set(linking["company_suffixes"]), key=len, reverse=True)
        self.investor = sorted(set(linking["investor_suffixes"]), key=len, reverse=True)
        self.strong = tuple(linking["strong_suffixes"])
        self.before = tuple(linking["intro_before"])
        self.after = tuple(linking["intro_after"])
        self.after_weak = tuple(linking["intro_after_weak"])
        self.reject = set(linking["generic_org_words"]) | set(linking["promote_reject_cores"])
        nouns = sorted(set(linking["intro_nouns"]), key=len, reverse=True)
        self.named_re = re.compile("(?:" + "|".join(map(re.escape, sorted(self.before, key=len, reverse=True)))
                                   + r")([\u4e00-\u9fffA-Za-z0-9]{2,12}?)的(" + "|".join(map(re.escape, nouns)) + ")"
                                   ) if self.before and nouns else None
        self.investor_nouns = tuple(linking["investor_nouns"])
        self.boundary = frozenset("".join(linking["boundary_chars"]))

    def promote(self, text: str, unknown, taken: bytearray) -> list[Promoted]:
        """``unknown``: discovered organizations; ``taken``: 1 where a known name sits."""
        out: dict[str, Promoted] = {}
        for u in unknown:
            kind = self._kind(u.name)
            if kind is None:
                continue
            name = _strip_legal(u.name)
            core = self._core(name)
            if core is None:
                continue
            strong = name.endswith(self.strong)
            cues = self.after + self.after_weak if strong or len(u.spans) >= 2 else self.after
            introduced = name != u.name or any(self._introduced(text, s, e, cues) for s, e in u.spans)
            if not introduced and not (len(u.spans) >= 2 and strong):
                continue
            p = out.setdefault(name, Promoted(name, kind))
            p.spans.extend(u.spans)
            p.aliases.append(u.name)
        for m in self.named_re.finditer(text) if self.named_re else ():
            name, (s, e) = m.group(1), m.span(1)
            if name in out or name in self.reject or name[0] in self.boundary or any(taken[s:e]):
                continue
            p = out[name] = Promoted(name, "investor" if m.group(2).endswith(self.investor_nouns) else "company")
            p.spans.extend(_standalone_occurrences(text, name, taken, ()))
            p.aliases.append(name)
        for p in out.values():
            self._short_form(text, p, taken)
            p.spans.sort()
        return sorted(out.values(), key=lambda p: (-len(p.spans), p.spans[0][0]))

    def _kind(self, name: str) -> str | None:
        base = _strip_legal(name)
        if base.endswith(tuple(self.investor)):
            return "investor"
        if base.endswith(tuple(self.company)) or base != name:
            return "company"
        return None

    def _core(self, name: str) -> str | None:
        """The name without its suffixes (星图智联科技 -> 星图智联); None when that is generic."""
        core = name
        changed = True
        while changed:
            changed = False
            for suf in (*self.investor, *self.company):
                if core.endswith(suf) and len(core) > len(suf):
                    core = core[: -len(suf)]
                    changed = True
                    break
        if len(core) < 2 or core in self.reject or not _name_like(core):
            return None
        return core

    def _introduced(self, text: str, start: int, end: int, cues: tuple) -> bool:
        if any(text.endswith(b, 0, start) for b in self.before):
            return True
        i = end
        while i < len(text) and i - end < 2 and text[i] in INTRO_GAP:
            i += 1
        return text.startswith(cues, i)

    def _short_form(self, text: str, p: Promoted, taken: bytearray) -> None:
        """星图 for 星图科技: count the bare core where it stands alone (not inside a longer name)."""
        core = self._core(p.name)
        if core is None or core == p.name:
            return
        extra = _standalone_occurrences(text, core, taken, p.spans)
        if extra:
            p.spans.extend(extra)
            p.aliases.append(core)


# Parts of speech that never end a company name: verbs, time words, adverbs, prepositions,
# conjunctions, particles, pronouns, numerals, measure and direction words ("表示公司", "当天下午公司").
_NOT_NAME_END = ("v", "t", "d", "p", "c", "u", "r", "m", "q", "f")


def _name_like(core: str) -> bool:
    """False when the part before the suffix reads as ordinary words rather than a name."""
    if not _han(core[-1]):
        return True
    from newskit.text import pos_tags

    tags = pos_tags(core)
    if any(flag.startswith("t") for _, flag in tags):  # time words: 当天下午, 当季
        return False
    word, flag = tags[-1]
    # Single characters are tagged out of context (星衍, 高合 are names): judge whole words only.
    return not (len(word) > 1 and flag.startswith(_NOT_NAME_END))


def _strip_legal(name: str) -> str:
    for tail in LEGAL_TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[: -len(tail)]
    return name


def _standalone_occurrences(text: str, word: str, taken: bytearray, spans) -> list[list[int]]:
    """Where ``word`` stands on its own: not inside ``spans`` or a known name, not glued to a longer word."""
    out, i = [], text.find(word)
    while i >= 0:
        e = i + len(word)
        if not any(s <= i < fe for s, fe in spans) and not any(taken[i:e]) and _standalone(text, i, e):
            out.append([i, e])
        i = text.find(word, e)
    return out


def _standalone(text: str, start: int, end: int) -> bool:
    """The core is not glued to Han characters that would make it another word (星图谱)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (_han(after) and after not in "的在和与及是将已也都称表宣发推今昨此还再就"
                ) and not (_han(before) and before not in "的在和与及是被对向把让给从据如像由为等")


def _han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"
