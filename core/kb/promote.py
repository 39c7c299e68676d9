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

from newskit.text import pos_tags, word_frequency

LEGAL_TAILS = ("股份有限公司", "有限责任公司", "有限公司", "公司")
INTRO_GAP = "的均也都亦还 \u3000"   # allowed between the name and an ``intro_after`` cue (X的创始人, X均参与)
CLAUSE_END = frozenset(",，。;；:：!！?？()（）\n")
LIST_JOIN = frozenset("、和与及")
LIST_ITEM_END = frozenset("、和与及等")
LIST_ITEM_START = frozenset("、和与及括如")


@dataclass
class _Group:
    """The discovered forms of one organization (苏州X科技有限公司, X科技) before promotion."""
    base: str
    kind: str
    forms: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)
    legal: bool = False       # seen as a registered legal name (有限公司)
    stripped: bool = False    # seen with a legal form (X公司): introduced by itself


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
        # 星图科技、云帆智能等企业: items of a list that ends in "等 + a company noun" are introduced by it.
        self.examples_re = re.compile(r"(?:[、和与及][^，。,;；！？!?\n、]{2,14}?)*[、]?等(?:"
                                      + "|".join(map(re.escape, nouns)) + ")") if nouns else None
        self.boundary = frozenset("".join(linking["boundary_chars"]))
        self.descriptors = tuple(linking["descriptor_words"])
        self.category = tuple(linking["category_markers"])
        self.fragment_tails = frozenset(linking["fragment_tails"])
        self.abbreviations = [tuple(a.split(">", 1)) for a in linking["suffix_abbreviations"] if ">" in a]
        self.time_chars = "".join(linking["time_chars"])
        en = sorted(set(linking["english_org_suffixes"]), key=len, reverse=True)
        # One to three capitalized words, then a suffix; not glued to other Latin letters or digits.
        self.english_re = re.compile(r"(?<![A-Za-z0-9.])(?:[A-Z][A-Za-z0-9&-]*\s){1,3}(?:"
                                     + "|".join(map(re.escape, en)) + r")(?![A-Za-z0-9])") if en else None
        self.en_before = tuple(linking["english_intro_before"])
        self.en_investor = ("Capital", "Ventures", "Partners")
        self.after_ok = tuple(linking["titles"])
        titles = "|".join(map(re.escape, sorted(set(self.after_ok), key=len, reverse=True)))
        surnames = re.escape("".join(linking["surnames"]))
        # X中国区研发负责人贺嘉言: a title (after a few unit words) and a person's name introduce X.
        self.person_title_re = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + titles + ")[" + surnames + r"][\u4e00-\u9fff]"
                                          ) if titles and surnames else None
        self.suffixes = sorted(set(linking["org_suffixes"]) | set(self.company) | set(self.investor), key=len, reverse=True)
        places = sorted(set(linking["place_prefixes"]), key=len, reverse=True) or ["北京"]
        self.place_re = re.compile("(?:" + "|".join(map(re.escape, places)) + ")[市省区]?")
        markers = "|".join(map(re.escape, sorted(set(linking["short_name_markers"]), key=len, reverse=True))) or "简称"
        self.short_re = re.compile(r"\s*[(（]\s*(?:" + markers + r")\s*[:：]?\s*[\"“”'‘’「『]?"
                                   r"([\u4e00-\u9fffA-Za-z0-9]{2,12})[\"“”'‘’」』]?\s*[)）]")

    def promote(self, text: str, unknown, taken: bytearray) -> list[Promoted]:
        """``unknown``: discovered organizations; ``taken``: 1 where a known name sits."""
        groups: dict[str, _Group] = {}
        for u in unknown:
            kind = self._kind(u.name)
            if kind is None:
                continue
            if any(text.endswith(self.category, 0, s) for s, _ in u.spans):
                continue                      # 立讯精密等果链公司: a category in this article, not a name
            base, legal = self._base(u.name)
            if base == u.name[:-2] and u.name.endswith("公司") and not legal and _common_phrase(base):
                continue                      # 外国公司, 自己开公司: a phrase, whatever follows it
            described = any(text.endswith(self.descriptors, 0, s) for s, _ in u.spans)
            if self._core(base, "described" if described else "legal" if legal else "") is None:
                continue
            g = groups.setdefault(base, _Group(base, kind))
            g.forms.append(u.name)
            g.spans.extend(u.spans)
            g.legal = g.legal or legal
            g.stripped = g.stripped or base != u.name
        out: dict[str, Promoted] = {}
        for g in self._merge_short_forms(groups):
            strong = g.base.endswith(self.strong)
            cues = self.after + self.after_weak if strong or len(g.spans) >= 2 else self.after
            introduced = g.stripped or any(self._introduced(text, s, e, cues, taken) for s, e in g.spans) \
                or self._core_introduced(text, g, taken)
            # X资本, X创投: a name-like core before an investor suffix is an investor even when named once.
            if not introduced and not (len(g.spans) >= 2 and strong) and not (g.kind == "investor" and strong
                                                                             and _plain_name(self._bare(g.base))):
                continue
            name, prefix = self._short_name(text, g) if g.legal else (g.base, None)
            p = out.setdefault(name, Promoted(name, g.kind))
            p.spans.extend(g.spans)
            p.aliases.extend(g.forms)
            if prefix:
                # Once the article has used it alone, every occurrence not glued to a word before it counts.
                p.spans.extend(_standalone_occurrences(text, prefix, taken, p.spans, self.after_ok, left_only=True))
                p.aliases.append(prefix)
        for m in self.named_re.finditer(text) if self.named_re else ():
            name, (s, e) = m.group(1), m.span(1)
            if name in out or name in self.reject or name[0] in self.boundary or any(taken[s:e]):
                continue
            p = out[name] = Promoted(name, "investor" if m.group(2).endswith(self.investor_nouns) else "company")
            p.spans.extend(_standalone_occurrences(text, name, taken, [[s, e]], self.after_ok))
            p.spans.append([s, e])    # the introduced mention counts even when glued to its context
            p.aliases.append(name)
        for name, spans in self._english(text, taken).items():
            p = out.setdefault(name, Promoted(name, "investor" if name.endswith(self.en_investor) else "company"))
            p.spans.extend(spans)
            p.aliases.append(name)
        for p in out.values():
            self._short_form(text, p, taken)
            p.spans.sort()
        return sorted(out.values(), key=lambda p: (-len(p.spans), p.spans[0][0]))

    def _base(self, name: str) -> tuple[str, bool]:
        """The name without its legal form and registry place (苏州X智能科技有限公司 -> X智能科技), and
        whether it was a registered legal name (有限公司 ...)."""
        base = _strip_legal(name)
        legal = base != name and name.endswith(LEGAL_TAILS[:-1])
        if legal:
            rest = base[self._place_length(base):]
            if rest != base and self._bare(rest) != rest and self._core(rest, "legal") is not None:
                base = rest          # 北京银行股份有限公司 keeps its place: nothing but a suffix is left
        return base, legal

    def _place_length(self, name: str) -> int:
        """Length of a registry place at the start (苏州, 深圳市, or any place word ending in 市/县: 昆山市)."""
        m = self.place_re.match(name)
        if m:
            return m.end()
        for k in (1, 2):      # 控北京X科技有限公司 (指控 cut at 指): a verb's tail glued before the place
            m = self.place_re.match(name, k)
            if m and len(name) - m.end() >= 4:
                return m.end()
        if "市" in name[2:4] or "县" in name[2:4]:
            word, flag = pos_tags(name)[0]
            if len(word) >= 3 and word[-1] in "市县" and flag == "ns":
                return len(word)
        return 0

    def _bare(self, name: str) -> str:
        """The name without every trailing suffix (星图智联科技 -> 星图智联)."""
        core = name
        while True:
            suf = next((s for s in self.suffixes if core.endswith(s) and len(core) > len(s)), None)
            if suf is None:
                return core
            core = core[: -len(suf)]

    def _merge_short_forms(self, groups: dict[str, "_Group"]) -> list["_Group"]:
        """云栖智能科技 joins 云栖智能 when the article uses both (one organization, the shorter name); a
        registered name also joins another form with the same bare name (云栖智能科技有限公司, 云栖科技)."""
        ordered = sorted(groups.values(), key=lambda g: len(g.base))
        kept: list[_Group] = []
        for g in ordered:
            home = next((k for k in kept if (g.base.startswith(k.base) and self._is_suffixes(g.base[len(k.base):]))
                         or ((g.legal or k.legal) and g.kind == k.kind and self._bare(g.base) == self._bare(k.base))),
                        None)
            if home is None:
                kept.append(g)
                continue
            home.forms.extend(g.forms)
            home.spans.extend(g.spans)
            home.legal, home.stripped = home.legal or g.legal, home.stripped or g.stripped
        return kept

    def _is_suffixes(self, tail: str) -> bool:
        while tail:
            suf = next((s for s in self.suffixes if tail.startswith(s)), None)
            if suf is None:
                return False
            tail = tail[len(suf):]
        return True

    def _short_name(self, text: str, g: "_Group") -> tuple[str, str | None]:
        """What people call a registered company: the article's own 简称, else the shortest form of it the
        article uses on its own, else the name with a generic 科技/技术 after another suffix dropped.
        Second: a shorter start of that name the article uses alone (栖云 for 苏州栖云数智科技有限公司)."""
        for s, e in g.spans:
            m = self.short_re.match(text, e)
            nothing = bytearray(len(text) + 1)
            if m and m.group(1) != g.base and m.group(1)[:2] in g.base \
                    and _standalone_occurrences(text, m.group(1), nothing, (), self.after_ok):
                return m.group(1), None
        for long, short in self.abbreviations:
            head = g.base[: -len(long)]
            if g.base.endswith(long) and len(head) >= 2 \
                    and _standalone_occurrences(text, head + short, bytearray(len(text) + 1), g.spans, self.after_ok):
                return head + short, None         # X数字科技有限公司 called X数科 in the article
        core = self._core(g.base, "legal")
        if core and core != g.base:
            if _standalone_occurrences(text, core, bytearray(len(text) + 1), g.spans, self.after_ok):
                return core, None
            prefix = next((core[:n] for n in range(len(core) - 1, 1, -1)
                           if _standalone_occurrences(text, core[:n], bytearray(len(text) + 1), g.spans, self.after_ok)),
                          None)
            if prefix:
                return core, prefix
        for tail in ("科技", "技术"):
            head = g.base[: -len(tail)]
            if g.base.endswith(tail) and head.endswith(tuple(self.company)) and self._core(head, "legal"):
                return head, None
        return g.base, None

    def _kind(self, name: str) -> str | None:
        base = _strip_legal(name)
        if base.endswith(tuple(self.investor)):
            return "investor"
        if base.endswith(tuple(self.company)) or base != name:
            return "company"
        return None

    def _core(self, name: str, lenient: str = "") -> str | None:
        """The name without its suffixes (星图智联科技 -> 星图智联); None when that is generic or a clause
        fragment.  ``lenient``: "legal" for a registered legal name, which may end in a verb-like word
        after a trade name (蓝鲸出行), "described" for one introduced by a role noun (合作伙伴澄明科技)."""
        core = name
        changed = True
        while changed:
            changed = False
            for suf in (*self.investor, *self.company):
                if core.endswith(suf) and len(core) > len(suf):
                    core = core[: -len(suf)]
                    changed = True
                    break
        if len(core) < 2 or core in self.reject or not _name_like(core, self.fragment_tails, lenient, self.time_chars):
            return None
        return core

    def _english(self, text: str, taken: bytearray) -> dict[str, list[list[int]]]:
        """Capitalized English names with an organization suffix, where one mention is introduced."""
        found: dict[str, list[list[int]]] = {}
        for m in self.english_re.finditer(text) if self.english_re else ():
            s, e = m.span()
            if not any(taken[s:e]):
                found.setdefault(m.group(), []).append([s, e])
        cues = self.after
        return {name: spans for name, spans in found.items()
                if any(text.endswith(self.en_before, 0, s) or self._introduced(text, s, e, cues, taken)
                       for s, e in spans)}

    def _introduced(self, text: str, start: int, end: int, cues: tuple, taken: bytearray) -> bool:
        if text.endswith(self.before, 0, start) or text.endswith(self.descriptors, 0, start):
            return True
        i = end
        while i < len(text) and i - end < 2 and text[i] in INTRO_GAP:
            i += 1
        return text.startswith(cues, i) or _listed_with_known(text, start, end, taken) \
            or bool(self.person_title_re and self.person_title_re.match(text, end)) \
            or bool(self.examples_re and self.examples_re.match(text, end))

    def _core_introduced(self, text: str, g: "_Group", taken: bytearray) -> bool:
        """星图科技 …… 星图联合创始人X表示: the bare core, standing alone, has a strong intro cue."""
        core = self._core(g.base)
        if core is None or core == g.base:
            return False
        return any(self._introduced(text, s, e, self.after, taken)
                   for s, e in _standalone_occurrences(text, core, taken, g.spans, self.after_ok))

    def _short_form(self, text: str, p: Promoted, taken: bytearray) -> None:
        """星图 for 星图科技: count the bare core where it stands alone (not inside a longer name); the same
        for a registered company's short name (蓝鲸出行 for 武汉蓝鲸出行科技有限公司)."""
        words = [] if p.name in p.aliases else [p.name]
        core = self._core(p.name)
        if core is not None and core != p.name:
            words.append(core)
        for word in words:
            extra = _standalone_occurrences(text, word, taken, p.spans, self.after_ok)
            if extra:
                p.spans.extend(extra)
                p.aliases.append(word)


# Parts of speech that never end a company name: verbs, time words, adverbs, prepositions,
# conjunctions, particles, pronouns, numerals, measure and direction words ("表示公司", "当天下午公司").
_NOT_NAME_END = ("v", "t", "d", "p", "c", "u", "r", "m", "q", "f")
_FUNCTION_FIRST = ("u", "uj", "ud", "ug", "uz", "ul", "uv", "p", "c")
# A legal name's first word tagged like this is no trade name (基金销售有限公司, 国际拍卖有限公司).
_COMMON_WORD = frozenset(("n", "v", "vn", "vd", "a", "ad", "an", "d"))


def _name_like(core: str, fragment_tails=frozenset(), lenient: str = "", time_chars: str = "") -> bool:
    """False when the part before the suffix reads as ordinary words rather than a name: a time word,
    a clause ending in a time/locality word (上市后, 成立之初), a function word first, a verb last."""
    if not _han(core[-1]):
        return True
    if core in fragment_tails:
        return False
    tags = pos_tags(core)
    # A registered legal name vouches for single characters jieba reads as time or function words (当贝).
    single_ok = lenient == "legal"
    if any(flag.startswith("t") and (len(word) > 1 or (word in time_chars and not single_ok)) for word, flag in tags):
        return False                                                        # 当天下午, 当季
    first, flag = tags[0]
    if len(tags) > 1 and ((len(first) == 1 and flag in _FUNCTION_FIRST and not single_ok)    # 之初
                          or (len(first) > 1 and flag == "v")):           # 冻结老赖银行
        return False
    ends = 0
    for word, _ in tags[:-1]:           # a tail that is its own word(s): 上市|后, 之|初
        ends += len(word)
        if core[ends:] in fragment_tails:
            return False
    word, flag = tags[-1]
    # Single characters are tagged out of context (星衍, 高合 are names): judge whole words only.
    if lenient == "described" or (lenient == "legal" and len(tags) > 1
                                  and (len(first) == 1 or tags[0][1] not in _COMMON_WORD)):
        return True
    return not (len(word) > 1 and flag.startswith(_NOT_NAME_END))


# Common words at least this frequent in jieba's dictionary make "X公司" a phrase (优秀公司, 石油公司,
# 自己开公司, 上市后公司), not a name; trade names are rare words or unknown (星图 65, 联动 192).
COMMON_WORD_FREQ = 300
_GLUE = ("v", "p", "r", "d", "f", "u", "c", "m", "q", "t")


def _common_phrase(core: str) -> bool:
    """Every word of ``core`` is a frequent dictionary word or a one-character function word or verb."""
    return all((len(w) > 1 and word_frequency(w) >= COMMON_WORD_FREQ) or (len(w) == 1 and f.startswith(_GLUE))
               for w, f in pos_tags(core))


def _plain_name(core: str) -> bool:
    """Two to four characters with no verb, preposition or pronoun in them (晨曦, 域秀; not 告诉红星, 投机)."""
    return 2 <= len(core) <= 4 and not any(f.startswith(("v", "p", "r", "d")) for _, f in pos_tags(core))


def _strip_legal(name: str) -> str:
    for tail in LEGAL_TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[: -len(tail)]
    return name


def _standalone_occurrences(text: str, word: str, taken: bytearray, spans, after_ok=(), left_only=False) -> list[list[int]]:
    """Where ``word`` stands on its own: not inside ``spans`` or a known name, not glued to a longer word
    (``after_ok``: words that may follow it directly, such as titles: X副总裁)."""
    out, i = [], text.find(word)
    while i >= 0:
        e = i + len(word)
        if not any(s <= i < fe for s, fe in spans) and not any(taken[i:e]) \
                and (_standalone(text, i, e, left_only) or (text.startswith(after_ok, e) and _standalone(text, i, e, True))):
            out.append([i, e])
        i = text.find(word, e)
    return out


def _standalone(text: str, start: int, end: int, after_ok: bool = False) -> bool:
    """The core is not glued to Han characters that would make it another word (星图谱)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) and not after_ok else ""
    return not (_han(after) and after not in "的在和与及是将已也都称表宣发推今昨此还再就回否指认透强计预正曾拟"
                ) and not (_han(before) and before not in "的在和与及是被对向把让给从据如像由为等")


def _han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _listed_with_known(text: str, start: int, end: int, taken: bytearray) -> bool:
    """Named as a whole item of an enumeration (、 和 与 及) in one clause with a known organization:
    商汤科技、X科技、Y智能等; A资本、高榕资本和B创投."""
    before, after = text[start - 1:start], text[end:end + 1]
    if not ((before in LIST_JOIN and (after in LIST_ITEM_END or after in CLAUSE_END or not after))
            or (after in LIST_JOIN and (before in LIST_ITEM_START or before in CLAUSE_END or not before))):
        return False                  # the name must be a whole item of the list
    a = start
    while a > 0 and text[a - 1] not in CLAUSE_END:
        a -= 1
    b = end
    while b < len(text) and text[b] not in CLAUSE_END:
        b += 1
    return any(taken[a:start]) or any(taken[end:b])
