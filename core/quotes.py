"""Speaker attribution: who said which part of an article, with their organization.

Handles the forms Chinese news uses to report speech:

* ``X表示/认为/指出/坦言…,…`` and ``X曾向某媒体指出,…`` (indirect speech, with a short gap);
* ``X说:“…”`` and ``“…”,X说。`` (a quote before or after its speaker);
* ``ORG + 职务 + 姓名`` introductions ("科大讯飞总裁吴晓如"), which also give the organization;
* ``他认为`` / ``她表示`` / ``其指出`` / ``在他看来`` continuing the previous speaker, and a paragraph
  that is only a quote continuing the speaker of the paragraph before it;
* headline style ``李开复:中美大模型只能存活五六家``.

Speaker names come from the entities results and from these patterns (title + 2–3 character
name, validated against a surname list).  All matching runs on a :class:`TextView` of the text
with reading glosses such as ``创(chuàng)`` removed; offsets map back to ``doc.text``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .cues import bundled, read_toml

_HAN = "\u4e00-\u9fff"
# Starts with the literal "(" so the regex engine can skip ahead; the lookbehind then checks the han before it.
_GLOSS = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"
# Punctuation in both widths, written as escapes: normalization keeps full-width ，；：！？ as the article has them.
_CLAUSE_END = ",\uff0c;\uff1b。!?\uff01\uff1f:\uff1a\n"
_SENT_END = "。!?\uff01\uff1f;\uff1b\n"
_COMMAS = ",\uff0c"
_TERM_MAX = 8  # longest quoted term ("“垂直模型”") a sentence can go on after
_FULL_STOPS = "。!?\uff01\uff1f"
_NAME_CHARS = re.compile(rf"[{_HAN}]{{2,3}}")
_ORG_CUT = re.compile(r"[的由是在被让对向与和及]")
_LINE = re.compile(r"[^\n]+")
_COLON = re.compile("[:\uff1a]")
_OPEN_QUOTE = re.compile(f"[{_OPEN_QUOTES}]")
_NOT_PUNCT = r"[^,。!?;:\uff0c\uff01\uff1f\uff1b\uff1a“”「」『』\s]"
_COLON_QUOTE = re.compile(_NOT_PUNCT + r"{0,14}?[:\uff1a]\s*[“「『]")
# "X举了一个例子:…" / "X分享了自己的经历:…": a colon closing a short predicate introduces their words.
_COLON_WORDS = re.compile(_NOT_PUNCT + r"{0,14}?[:\uff1a](?=[^\s“「『])")
_APPOSITIVE_LINKS = ("是", "系", "现任", "担任")
_NAME_IN_PARENS = re.compile(r"[(\uff08](?P<body>[^()\uff08\uff09\n]{2,24})[)\uff09]")
_HEADLINE_BEFORE = "?\uff1f!\uff01,\uff0c \t\u3000"
_TITLE_JOINERS = "、兼及和"


class TextView:
    """``text`` without reading glosses; :meth:`source` maps a view offset back to the original."""

    def __init__(self, text: str):
        self.original = text
        self._breaks: list[int] = []  # view offsets where the shift grows
        self._shifts: list[int] = []
        parts, pos, removed = [], 0, 0
        for m in (_GLOSS.finditer(text) if "(" in text else ()):
            parts.append(text[pos:m.start()])
            self._breaks.append(m.start() - removed)
            removed += m.end() - m.start()
            self._shifts.append(removed)
            pos = m.end()
        parts.append(text[pos:])
        self.text = "".join(parts) if self._breaks else text

    def source(self, i: int) -> int:
        k = bisect_right(self._breaks, i) - 1
        return i + (self._shifts[k] if k >= 0 else 0)

    def source_end(self, i: int) -> int:
        return self.source(i - 1) + 1 if i > 0 else 0


@dataclass
class Utterance:
    """Words attributed to a speaker: ``view.text[start:end]`` (view offsets)."""

    speaker: str
    start: int
    end: int
    kind: str  # quote | indirect | continuation | headline


@dataclass
class Attribution:
    view: TextView
    people: dict[str, dict] = field(default_factory=dict)  # name -> {"organization", "role"}
    utterances: list[Utterance] = field(default_factory=list)
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (view offset, name) of every person mention

    def sentences(self, doc, u: Utterance) -> list:
        """The document sentences an utterance overlaps."""
        first = doc.sentence_at(self.view.source(u.start))
        last = doc.sentence_at(self.view.source_end(u.end) - 1)
        if first is None:
            return [last] if last else []
        stop = last.index if last else first.index
        return doc.sentences[first.index:stop + 1]


@dataclass
class SpeechLexicon:
    verbs: re.Pattern
    strong_name: re.Pattern
    strong_verb_starts: object
    titles: re.Pattern
    title_starts: object  # automaton of the titles: where a title may start
    verb_starts: object  # automaton of the speech verbs
    personal_titles: re.Pattern | None  # introduce a person with no organization ("博主唐逸飞")
    stop_chars: frozenset
    not_names: frozenset
    not_name_chars: frozenset
    not_verbs: tuple
    pronouns: tuple
    org_noise: re.Pattern  # leading words that are not part of an organization's name
    surnames: frozenset
    compound_surnames: frozenset  # two-character surnames
    quote_backrefs: tuple = ()  # "这个判断", "如是说": the sentence after a quote names its speaker
    appositive: re.Pattern | None = None  # "刘志远是星海科技的创始人"
    backref_starts: object = None  # automaton of quote_backrefs


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _automaton(words):
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(sorted(set(words)), matchkind=ahocorasick_rs.MatchKind.Standard)


def _starts(automaton, text: str) -> list[int]:
    """Sorted start offsets of every word of ``automaton`` in ``text`` (a fast pre-filter for regexes)."""
    return sorted({s for _, s, _ in automaton.find_matches_as_indexes(text, overlapping=True)})


def _longest_matches(automaton, text: str) -> dict[int, int]:
    """{start: end of the longest word of ``automaton`` starting there}, from one pass."""
    longest: dict[int, int] = {}
    for _, s, e in automaton.find_matches_as_indexes(text, overlapping=True):
        if e > longest.get(s, 0):
            longest[s] = e
    return longest


def _lengths_by_first_char(words) -> dict[str, list[int]]:
    """{first character: lengths of the words starting with it, longest first}."""
    out: dict[str, set] = {}
    for w in words:
        if len(w) >= 2:
            out.setdefault(w[0], set()).add(len(w))
    return {c: sorted(ls, reverse=True) for c, ls in out.items()}


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> SpeechLexicon:
    data: dict = {}
    for path in [bundled("quotes", "speech.toml"), *extra]:
        for key, value in read_toml(path).items():
            if isinstance(value, list):
                data.setdefault(key, []).extend(value)
            else:
                data[key] = data.get(key, "") + value
    surnames, compound = set(), []
    for line in bundled("quotes", "surnames.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            (surnames.add(line) if len(line) == 1 else compound.append(line))
    titles = _alternation(data["titles"])
    return SpeechLexicon(
        verbs=re.compile(rf"(?P<gap>{_NOT_PUNCT}{{0,14}}?)(?P<verb>{_alternation(data['verbs'])})"),
        strong_name=re.compile(rf"(?:^|(?<=[{re.escape(_CLAUSE_END)}“”」\s的]))(?P<name>[{_HAN}]{{2,3}}?)"
                               rf"(?:{_alternation(data.get('name_adverbs', []))}){{0,3}}"
                               rf"(?P<verb>{_alternation(data['strong_verbs'])})"),
        titles=re.compile(rf"(?:{titles})(?:[{_TITLE_JOINERS}]?(?:{titles}))*"),
        title_starts=_automaton(data["titles"]),
        verb_starts=_automaton(data["verbs"]),
        personal_titles=re.compile(_alternation(data["personal_titles"])) if data.get("personal_titles") else None,
        strong_verb_starts=_automaton(data["strong_verbs"]),
        stop_chars=frozenset(data["name_stop_chars"]),
        not_names=frozenset(data["not_names"]),
        not_name_chars=frozenset(data["not_name_chars"]),
        not_verbs=tuple(data["not_verbs"]),
        pronouns=tuple(sorted(data["pronouns"], key=len, reverse=True)),
        org_noise=re.compile(rf"(?:{_alternation(data['org_prefix_noise'])})+"),
        surnames=frozenset(surnames),
        compound_surnames=frozenset(compound),
        quote_backrefs=tuple(data.get("quote_backrefs", ())),
        backref_starts=_automaton(data["quote_backrefs"]) if data.get("quote_backrefs") else None,
        appositive=re.compile(rf"(?:^|(?<=[{re.escape(_CLAUSE_END)}\s]))(?P<name>[{_HAN}]{{2,3}}?)(?:是|系|现任|担任)"
                              rf"(?P<org>{_NOT_PUNCT}{{2,16}}?)的?(?P<title>{titles})(?=[{re.escape(_CLAUSE_END)}\s]|$)"),
    )


class Attributor:
    """Finds speakers and their utterances in a document."""

    def __init__(self, lexicon: SpeechLexicon | None = None):
        self.lex = lexicon or load_lexicon()

    # -- names ---------------------------------------------------------------
    def plausible_name(self, name: str) -> bool:
        lex = self.lex
        if not (2 <= len(name) <= 4) or name in lex.not_names or name[:2] in lex.not_names:
            return False
        if name[:2] in lex.compound_surnames:
            return len(name) >= 3
        return name[0] in lex.surnames and len(name) <= 3 and not any(c in lex.not_name_chars for c in name)

    def _name_after_title(self, text: str, pos: int) -> str | None:
        cand = _NAME_CHARS.match(text, pos, pos + 3)
        if not cand:
            return None
        name = cand.group()
        # "校长青年教授尤洋": another title right after means this was not the name.
        for k in range(1, 3):
            if self.lex.titles.match(text, pos + k):
                return None
        if len(name) == 3 and name[2] in self.lex.stop_chars:
            name = name[:2]
        return name if self.plausible_name(name) else None

    def _organization(self, text: str, end: int, known_orgs: dict[str, str], lengths: dict | None = None) -> str | None:
        start = end
        while start > 0 and end - start < 16 and (text[start - 1].isalnum() or text[start - 1] in "·&"):
            start -= 1
        stretch = text[start:end]
        # The known organization that starts last in the stretch (the longest one there).
        lengths = _lengths_by_first_char(known_orgs) if lengths is None else lengths
        for p in range(len(stretch) - 2, -1, -1):
            for n in lengths.get(stretch[p], ()):
                canon = known_orgs.get(stretch[p:p + n]) if p + n <= len(stretch) else None
                if canon:
                    return canon
        # Cut after the last speech verb, title or function word: "…回怼百度副总裁" -> "百度".
        # (The ends ``verbs.finditer`` / ``titles.finditer`` would give, from one automaton pass each.)
        for automaton, chained in ((self.lex.verb_starts, False), (self.lex.title_starts, True)):
            longest = _longest_matches(automaton, stretch)
            ends, cursor = [], 0
            for pos in sorted(longest):
                if pos >= cursor:
                    cursor = self._title_chain_end(stretch, pos, longest) if chained else longest[pos]
                    ends.append(cursor)
            ends = [e for e in ends if e < len(stretch)]
            if ends:
                stretch = stretch[ends[-1]:]
        stretch = _ORG_CUT.split(stretch)[-1]
        noise = self.lex.org_noise.match(stretch)
        if noise and len(stretch) - noise.end() >= 2:
            stretch = stretch[noise.end():]
        stretch = stretch.lstrip("0123456789年月日")
        if len(stretch) < 2 or stretch.isdigit() or (stretch.isascii() and len(stretch) < 3):
            return None
        return stretch

    @staticmethod
    def _title_chain_end(text: str, pos: int, longest: dict[int, int]) -> int:
        """Where ``titles.match(text, pos)`` ends: the longest title, then more joined by 、兼及和 ("总裁兼CEO")."""
        end = longest[pos]
        while True:
            if end < len(text) and text[end] in _TITLE_JOINERS and end + 1 in longest:
                end = longest[end + 1]
            elif end in longest:
                end = longest[end]
            else:
                return end

    def introductions(self, text: str, known_orgs: dict[str, str], titles: list | None = None) -> dict[str, dict]:
        """``ORG + title + name`` introductions: {name: {"organization", "role"}} (first wins)."""
        found: dict[str, dict] = {}
        lengths = None  # built when a first introduction needs it
        for m in self.lex.titles.finditer(text) if titles is None else titles:
            name = self._name_after_title(text, m.end())
            if name and name not in found:
                lengths = _lengths_by_first_char(known_orgs) if lengths is None else lengths
                found[name] = {"organization": self._organization(text, m.start(), known_orgs, lengths), "role": m.group()}
        for m in self.lex.personal_titles.finditer(text) if self.lex.personal_titles else ():
            name = self._name_after_title(text, m.end())
            if name and name not in found:
                found[name] = {"organization": None, "role": m.group()}
        return found

    # -- attribution -----------------------------------------------------------
    def attribute(self, text: str, people: list[dict] | None = None, companies: list[dict] | None = None) -> Attribution:
        view = TextView(text)
        t = view.text
        known_orgs: dict[str, str] = {}
        for c in companies or []:
            for alias in [c["name"], *c.get("aliases", [])]:
                if len(alias) >= 2:
                    known_orgs[alias] = c["name"]
        titles = list(self.lex.titles.finditer(t))  # shared by introductions and appositives
        intro = self.introductions(t, known_orgs, titles)
        persons: dict[str, dict] = {}
        for p in people or []:
            persons[p["name"]] = {"organization": p.get("organization"), "role": p.get("role")}
        for name, info in intro.items():
            # The article's own attribution beats the knowledge base's.
            merged = persons.setdefault(name, {"organization": None, "role": None})
            merged["organization"] = info["organization"] or merged["organization"]
            merged["role"] = info["role"] or merged["role"]
        for pos in _starts(self.lex.strong_verb_starts, t):
            m = self.lex.strong_name.search(t, max(0, pos - 13), pos + 2)
            if not m or m.start("verb") != pos:
                continue
            name = m.group("name")
            if name not in persons and self.plausible_name(name):
                # "星海科技的刘志远表示": a known organization right before 的 is theirs.
                org = self._org_before(t, m.start() - 1, known_orgs) if t[m.start() - 1:m.start()] == "的" else None
                persons[name] = {"organization": org, "role": None}
        for name, info in self._parenthesized(t, known_orgs, [m.start() for m in titles]).items():
            merged = persons.setdefault(name, {"organization": None, "role": None})
            merged["organization"] = merged["organization"] or info["organization"]
            merged["role"] = merged["role"] or info["role"]

        # "乔牧之" found as "乔牧" too (之 may end a name): a name only ever seen inside a longer one goes.
        for short in [n for n in persons if len(n) == 2]:
            longer = [n for n in persons if len(n) > 2 and n.startswith(short)]
            if longer and t.count(short) == sum(t.count(n) for n in longer):
                del persons[short]
            elif len(longer) == 1 and t.count(longer[0]) == 1 and t.count(short) > 1:
                # "CEO张宁长期…", later "张宁说": the longer name, seen once, took the next word's first character.
                del persons[longer[0]]

        paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(t)]
        para_starts = [s for s, _ in paragraphs]
        mentions = self._mentions(t, persons)
        said = [self.lex.verbs.match(t, pos + len(name)) for pos, name in mentions]  # a speech verb after each mention
        anchors = self._anchors(t, mentions, said)
        result = Attribution(view, persons, mentions=mentions)
        last: tuple[str, int, int] | None = None  # (speaker, paragraph index, end of their words)
        for pos, name, verb_end in anchors:
            p_i = bisect_right(para_starts, pos) - 1
            if name is None:  # pronoun
                sentence_start = max(t.rfind(c, 0, pos) for c in _SENT_END) + 1
                name = self._resolve(last, p_i, pos, mentions, para_starts, sentence_start)
                if name is None:
                    continue
            u = self._content(t, name, verb_end, pos)
            if u:
                result.utterances.append(u)
            last = (name, p_i, u.end if u else verb_end)
        self._quotes_before_speaker(t, mentions, result, said)
        self._quotes_named_after(t, mentions, result)
        self._continuing_quotes(t, paragraphs, result)
        self._headlines(t, paragraphs, persons, result)
        result.utterances.sort(key=lambda u: u.start)
        return result

    def _mentions(self, t: str, persons: dict) -> list[tuple[int, str]]:
        out = []
        for name in persons:
            i = t.find(name)
            while i >= 0:
                out.append((i, name))
                i = t.find(name, i + len(name))
        out.sort()
        return out

    def _anchors(self, t: str, mentions, said=None) -> list[tuple[int, str | None, int]]:
        """(position, speaker or None for a pronoun, end of the speech verb), in text order."""
        out = []
        verbs = self.lex.verbs
        for k, (pos, name) in enumerate(mentions):
            m = said[k] if said is not None else verbs.match(t, pos + len(name))
            if m and not t.startswith(self.lex.not_verbs, m.start("verb")):
                out.append((pos, name, m.end()))
            else:
                # "钱立民用一句话概括:「…」" / "董事长钱立民:「…」": a colon then a quote.
                c = _COLON_QUOTE.match(t, pos + len(name))
                if c:
                    out.append((pos, name, c.end() - 1))
                else:
                    c = _COLON_WORDS.match(t, pos + len(name))
                    if c:
                        out.append((pos, name, c.end() - 1))  # at the colon: the words start after it
        for pron in self.lex.pronouns:
            i = t.find(pron)
            while i >= 0:
                before = t[i - 1] if i > 0 else "\n"
                if before in _CLAUSE_END or before in _CLOSE_QUOTES or before == "在" or before.isspace():
                    m = verbs.match(t, i + len(pron))
                    # "他在接受采访时进一步表示": a short adverbial may stand between pronoun and verb.
                    if m and len(m.group("gap")) <= 12 and not t.startswith(self.lex.not_verbs, m.start("verb")):
                        out.append((i, None, m.end()))
                i = t.find(pron, i + len(pron))
        out.sort()
        return out

    def _resolve(self, last, p_i, pos, mentions, para_starts, sentence_start: int = -1) -> str | None:
        floor = para_starts[max(0, p_i - 1)]
        if last and p_i - last[1] <= 3:
            # "A表示,…。B也出席了论坛。他认为,…": a person named after A's words, nearby, is the one meant.
            named = [n for m_pos, n in mentions if max(last[2], floor) <= m_pos < sentence_start]
            # "…CEO张宁长期为客户提供软件,他坦言,…": a person first named in this sentence, before the
            # pronoun, is its subject (a name met before may be only the object of this sentence).
            first_seen = {}
            for m_pos, n in mentions:
                first_seen.setdefault(n, m_pos)
            named += [n for m_pos, n in mentions
                      if max(last[2], sentence_start) <= m_pos < pos and first_seen[n] == m_pos]
            return named[-1] if named else last[0]
        # Otherwise the person last named in this or the previous paragraph.
        for m_pos, name in reversed(mentions):
            if m_pos < pos:
                return name if m_pos >= floor else None
        return None

    def _content(self, t: str, name: str, p: int, anchor: int) -> Utterance | None:
        """What follows a speech verb: a quote, or the rest of the sentence."""
        n = len(t)
        start = p
        for k in range(p, min(n, p + 14)):
            ch = t[k]
            if ch in _OPEN_QUOTES:
                start = k
                break
            if ch in _COMMAS or ch in ":\uff1a":
                start = k + 1
                break
            if ch in _SENT_END:
                break
        if start < n and t[start] in _OPEN_QUOTES:
            close = self._close(t, start)
            if not self._quoted_term(t, start, close):
                return Utterance(name, start, close, "quote")
        end = start
        while end < n and t[end] not in _SENT_END:
            if t[end] in _OPEN_QUOTES:  # a quote inside the sentence belongs to it
                end = self._close(t, end)
                continue
            end += 1
        if end < n and t[end] != "\n":
            end += 1
        if end - start < 2:
            return None
        return Utterance(name, start, end, "indirect")

    @staticmethod
    def _quoted_term(t: str, open_pos: int, close: int) -> bool:
        """"她认为,“垂直模型”的护城河正在变浅": a short quoted term the sentence goes on after is no quote."""
        inner = t[open_pos + 1:close - 1]
        return (close < len(t) and len(inner) <= _TERM_MAX and t[close] not in _SENT_END + _COMMAS + ":\uff1a"
                and not any(ch in _SENT_END or ch in _COMMAS for ch in inner))

    @staticmethod
    def _close(t: str, open_pos: int) -> int:
        pair = _CLOSE_QUOTES[_OPEN_QUOTES.index(t[open_pos])]
        close = t.find(pair, open_pos + 1)
        nl = t.find("\n", open_pos + 1)
        if close < 0 or (0 <= nl < close):
            return nl if nl >= 0 else len(t)
        return close + 1

    @staticmethod
    def _org_before(t: str, end: int, known_orgs: dict[str, str]) -> str | None:
        """The known organization whose name ends at ``t[end]`` ("星海科技的…"), longest first."""
        for n in sorted({len(a) for a in known_orgs}, reverse=True):
            if n <= end and t[end - n:end] in known_orgs:
                return known_orgs[t[end - n:end]]
        return None

    def _parenthesized(self, t: str, known_orgs: dict[str, str], title_starts: list[int]) -> dict[str, dict]:
        """"刘志远(星海科技创始人)" / "刘志远是星海科技的创始人": a name, then its organization and title."""
        found: dict[str, dict] = {}
        links = set()
        for ts in title_starts if self.lex.appositive else ():
            # Tried only where a linking verb stands shortly before a title, with a 2- or 3-character name before it.
            for w in _APPOSITIVE_LINKS:
                li = t.rfind(w, max(0, ts - 18), ts)
                if li >= 0:
                    links.add(li)
        for li in sorted(links):
            for k in (2, 3):
                at = li - k
                if at < 0 or (at and t[at - 1] not in _CLAUSE_END and not t[at - 1].isspace()):
                    continue  # the name opens a clause
                m = self.lex.appositive.match(t, at)
                if m and m.start("org") > li:
                    name, org = m.group("name"), m.group("org")
                    if self.plausible_name(name) and name not in found:
                        found[name] = {"organization": known_orgs.get(org, org), "role": m.group("title")}
                    break
        for m in _NAME_IN_PARENS.finditer(t) if ("(" in t or "\uff08" in t) else ():
            body = m.group("body")
            title = self.lex.titles.search(body)
            if not title or title.end() != len(body):
                continue
            name = next((t[m.start() - k:m.start()] for k in (3, 2)
                         if m.start() >= k and self.plausible_name(t[m.start() - k:m.start()])
                         and not (len(t[m.start() - k:m.start()]) == 3 and t[m.start() - 1] in self.lex.stop_chars)), None)
            if name and name not in found:
                org = body[:title.start()].rstrip("的 ")
                found[name] = {"organization": known_orgs.get(org, org) if len(org) >= 2 else None, "role": title.group()}
        return found

    def _quotes_named_after(self, t: str, mentions, result: Attribution) -> None:
        """“…”在上周的发布会上,X抛出了这个判断。: a quote whose speaker is named in the next sentence by a back-reference."""
        if self.lex.backref_starts is None or not mentions:
            return
        covered = [(u.start, u.end) for u in result.utterances]
        for r in _starts(self.lex.backref_starts, t):  # found by the back-reference, then the quote before its sentence
            end = max(t.rfind(c, max(0, r - 200), r) for c in _SENT_END)
            if end <= 0:
                continue
            if t[end + 1:end + 2] and t[end + 1] in _CLOSE_QUOTES:  # “…。”在会上,X…
                close = nxt = end + 2
            elif t[end] in _FULL_STOPS and t[end - 1] in _CLOSE_QUOTES:  # “…”。X…
                close, nxt = end, end + 1
            else:
                continue
            opener = _OPEN_QUOTES[_CLOSE_QUOTES.index(t[close - 1])]
            s = t.rfind(opener, t.rfind("\n", 0, close) + 1, close - 1)
            if s < 0 or any(a <= s < b for a, b in covered):
                continue
            named = [n for pos, n in mentions if nxt <= pos < r]
            if named:
                result.utterances.append(Utterance(named[-1], s, close, "quote"))
                covered.append((s, close))

    def _quotes_before_speaker(self, t: str, mentions, result: Attribution, said=None) -> None:
        """“…”,X说。 / “…”ORG职务X告诉记者: the quote right before a speaker phrase."""
        taken = {(u.start, u.end) for u in result.utterances}
        for k, (pos, name) in enumerate(mentions):
            if not (said[k] if said is not None else self.lex.verbs.match(t, pos + len(name))):
                continue
            k = pos
            while k > 0 and pos - k <= 20 and (t[k - 1].isalnum() or t[k - 1] in "、 " + _COMMAS):
                if t[k - 1] in _COMMAS:
                    if k - 1 > 0 and t[k - 2] in _CLOSE_QUOTES:
                        k -= 1
                        continue
                    break
                k -= 1
            seg = t[k:pos].lstrip(_COMMAS + " ")
            title = self.lex.titles.search(seg) if seg else None
            if seg and not (title and title.end() == len(seg)):
                continue  # words between the quote and the speaker: not this speaker's quote
            if k > 0 and t[k - 1] in _CLOSE_QUOTES:
                close = k
                opener = _OPEN_QUOTES[_CLOSE_QUOTES.index(t[k - 1])]
                line_start = t.rfind("\n", 0, close) + 1
                open_pos = t.rfind(opener, line_start, close - 1)
                if open_pos >= 0 and (open_pos, close) not in taken:
                    result.utterances.append(Utterance(name, open_pos, close, "quote"))
                    taken.add((open_pos, close))

    def _continuing_quotes(self, t: str, paragraphs, result: Attribution) -> None:
        """A quote standing as its own sentence continues the speaker before it.

        A paragraph that is only a quote continues the speaker of the paragraph before; a quote
        that opens a sentence inside a paragraph continues that paragraph's last speaker, or else
        the person the paragraph last named ("…董事长钱立民近日接受采访。「…」").
        """
        starts = [s for s, _ in paragraphs]
        utts = sorted(result.utterances, key=lambda u: u.start)
        u_starts = [u.start for u in utts]
        covered = [(u.start, u.end) for u in utts]
        for q in _OPEN_QUOTE.finditer(t):
            s = q.start()
            k = s
            while k > 0 and t[k - 1] in " \t\u3000":
                k -= 1
            if k > 0 and t[k - 1] not in _SENT_END:
                continue  # inside a sentence: the sentence's own speaker phrase decides
            if any(a <= s < b for a, b in covered):
                continue
            close = self._close(t, s)
            if (t[close:close + 2].strip(_SENT_END + " \t") and close < len(t) and t[close] != "\n"
                    and not self._pronoun_follows(t, close)):
                continue  # words after the quote: it has a speaker phrase of its own, or is not speech
            p_i = bisect_right(starts, s) - 1
            p_s = starts[p_i]
            j = bisect_right(u_starts, s) - 1  # the last utterance before the quote
            speaker = None
            if j >= 0 and bisect_right(starts, utts[j].start) - 1 >= p_i - (1 if s == p_s else 0):
                speaker = utts[j].speaker
            if speaker is None and s > p_s:
                named = [n for pos, n in result.mentions if p_s <= pos < s]
                speaker = named[-1] if named else None
            if speaker:
                result.utterances.append(Utterance(speaker, s, close, "continuation"))
                covered.append((s, close))

    def _pronoun_follows(self, t: str, close: int) -> bool:
        """「…。」他直言,… / “…”,她说。: the words after a quote are the same speaker's (a pronoun)."""
        k = close + (t[close] in _COMMAS)
        k += t[k] == "在" if k < len(t) else 0
        pron = next((p for p in self.lex.pronouns if t.startswith(p, k)), None)
        if pron is None:
            return False
        return t[close - 2] in _SENT_END or bool(self.lex.verbs.match(t, k + len(pron)))

    def _headlines(self, t: str, paragraphs, persons: dict, result: Attribution) -> None:
        """李开复:中美大模型只能存活五六家 — a short line with a speaker and a colon."""
        if not persons:
            return
        longest = max(map(len, persons))
        for s, e in paragraphs:
            if e - s > 60:
                continue
            for m in _COLON.finditer(t, s, e):
                c = m.start()
                if not t[c + 1:e].strip():
                    continue
                name = next((t[k:c] for k in range(max(s, c - longest), c - 1)
                             if t[k:c] in persons and (k == s or t[k - 1] in _HEADLINE_BEFORE)), None)
                if name:
                    result.utterances.append(Utterance(name, c + 1, e, "headline"))
                    break


_cache: dict[tuple, Attribution] = {}


def attribute_document(doc, attributor: Attributor | None = None) -> Attribution:
    """Speaker attribution for ``doc`` using its entities results; cached per document text."""
    key = (doc.id, doc.hash, len(doc.text))
    hit = _cache.get(key)
    if hit is not None:
        return hit
    ents = doc.results.get("entities") or {}
    result = (attributor or Attributor()).attribute(doc.text, ents.get("people"), ents.get("companies"))
    if len(_cache) > 8:
        _cache.clear()
    _cache[key] = result
    return result
