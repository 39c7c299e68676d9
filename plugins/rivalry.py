"""Rivalries: pairs of parties in open conflict (barbs, accusations, lawsuits) or in ordinary competition.

A cue (``newskit/data/rivalry/cues.toml``) only counts when it links two specific parties:

* two parties are the only ones in the cue's clause, or are joined (``百度与搜狗的隔空嘴战``);
* one party before the cue and one after it (``王小川发微博回怼百度副总裁肖阳``);
* a speaker whose jab is quoted and the rival named in the quote (``肖阳开怼,“王小川……”``).

People count as their organization (from the article's own introduction, else the knowledge
base); a person with no organization is a party by name.  Companies listed with 、 are never
paired with each other.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from newskit import Analyzer, hookimpl

# Both widths, as escapes: normalization keeps full-width ，；！？ as the article has them.
_CLAUSE_STOP = ",\uff0c;\uff1b。!?\uff01\uff1f\n"
_CLAUSE_STOP_RX = re.compile(f"[{_CLAUSE_STOP}]")
_SENTENCE_STOP = "。!?\uff01\uff1f\n"


def _same_party(a: str, b: str) -> bool:
    """Two names of one organization ("星河" inside "北京星河科技"): never a rivalry."""
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


class Mention(NamedTuple):
    start: int
    end: int
    party: str
    person: str | None


class MentionFinder:
    """Mentions of the article's people and organizations, found once per document, looked up by stretch."""

    def __init__(self, text: str, attribution, companies: list[dict], venue=None, non_party_suffixes=()):
        canon: dict[str, str] = {}
        for c in companies:
            for alias in [c["name"], *c.get("aliases", [])]:
                if len(alias) >= 2:
                    canon[alias] = c["name"]
        names: dict[str, tuple] = {}  # surface -> (party, person)
        for name, info in sorted(attribution.people.items()):
            org = info.get("organization")
            names[name] = (canon.get(org, org) if org else name, name)
        for org in sorted({i.get("organization") for i in attribution.people.values() if i.get("organization")}):
            canon.setdefault(org, org)
        for alias, party in canon.items():
            names.setdefault(alias, (party, None))
        # Courts, regulators and law firms (北京市海淀区人民法院, 市场监管总局, 金杜律师事务所) are no rivals.
        names = {n: v for n, v in names.items() if not v[0].endswith(non_party_suffixes)} if non_party_suffixes else names
        # Leftmost-longest: the longest mention wins where they overlap ("百度搜索" over "百度").  A few
        # dozen names per article: str.find per name beats building an automaton for each document.
        found = []
        for name in names:
            i = text.find(name)
            while i >= 0:
                found.append((i, -len(name), name))
                i = text.find(name, i + 1)
        found.sort()
        self.mentions, last, venue_end = [], 0, -1
        platforms = venue.platforms if venue is not None else ()
        for start, neg_len, name in found:
            if start >= last:
                last = start - neg_len
                if name in platforms and venue.is_venue(text, start, last, venue_end):
                    venue_end = last
                    continue
                self.mentions.append(Mention(start, last, *names[name]))
        self.starts = [m.start for m in self.mentions]
        self.by_name = names

    def of(self, name: str, pos: int) -> Mention | None:
        """A mention-like record of ``name`` (a speaker) placed at ``pos``."""
        info = self.by_name.get(name)
        return Mention(pos, pos, *info) if info else None

    def within(self, lo: int, hi: int) -> list[Mention]:
        """Mentions inside ``text[lo:hi]``."""
        ms = self.mentions[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
        return [m for m in ms if m.end <= hi]


class Venues:
    """Platforms named as where something was said ("在微博隔空回应"), which are no party there."""

    def __init__(self, platforms, before, after, joiners):
        self.platforms = frozenset(platforms)
        self.before = tuple(before)
        self.after = tuple(after)
        self.joiners = (*joiners, "、")

    def is_venue(self, text: str, start: int, end: int, last_venue_end: int) -> bool:
        """Is the platform named at ``text[start:end]`` a venue? (Joined to the venue before it counts too.)"""
        return (text.endswith(self.before, 0, start) or text.startswith(self.after, end)
                or (last_venue_end >= 0 and text[last_venue_end:start] in self.joiners))


class RivalryAnalyzer(Analyzer):
    name = "rivalry"
    version = "0.3.0"
    requires = ("entities",)
    description = "Pairs of companies or people in open conflict or competition, with intensity and evidence."

    def setup(self) -> None:
        from newskit.cues import CueMatcher, bundled, lexicon_paths, load_tables

        tables = load_tables(lexicon_paths("rivalry", bundled("rivalry", "cues.toml"), self.context, self.settings))
        self.max_gap = int(tables.get("settings", {}).get("max_gap", 30))
        self.reply_window = int(tables.get("settings", {}).get("reply_window", 2))
        settings = tables.get("settings", {})
        self.directed_gap = int(settings.get("directed_gap", 2))
        self.anaphors = tuple(settings.get("anaphors", ()))
        self.moods = frozenset(settings.get("moods", ()))
        self.agents = tuple(settings.get("agents", ()))
        self.disposal = tuple(settings.get("disposal", ()))
        self.speech = tuple(settings.get("speech", ()))
        self.non_party_suffixes = tuple(settings.get("non_party_suffixes", ()))
        self.joiners = tuple(sorted(tables.get("joiner", {}), key=len, reverse=True))
        self.venues = Venues(tables.get("platform", {}), settings.get("venue_before", ()),
                             settings.get("venue_after", ()), self.joiners)
        self.matcher = CueMatcher(tables, ["conflict", "directed", "competition", "response", "ignore"])

    def fingerprint(self) -> str:
        from newskit.cues import bundled, fingerprint, lexicon_paths

        return fingerprint(super().fingerprint(), lexicon_paths("rivalry", bundled("rivalry", "cues.toml"), self.context, self.settings))

    # -- per document ------------------------------------------------------------
    def analyze(self, doc) -> dict:
        from newskit.quotes import TextView, attribute_document

        view = TextView(doc.text)  # cheap; the speaker attribution is only needed when a cue is there
        text = view.text
        hits = self._cues(text)
        if not hits:
            return {"pairs": []}
        attribution = attribute_document(doc)
        companies = [c for c in (doc.results.get("entities") or {}).get("companies", [])
                     if c.get("type") not in ("media", "government")]
        mentions = MentionFinder(text, attribution, companies, self.venues, self.non_party_suffixes)
        utterances = attribution.utterances
        pairs: dict[tuple, dict] = {}
        attackers: list[tuple[int, Mention]] = []  # (sentence index, party that threw a barb)
        for hit in hits:
            sent = doc.sentence_at(view.source(hit.start))
            s_i = sent.index if sent is not None else -1
            if hit.table == "response":
                linked = self._response(text, hit, mentions, attackers, s_i)
            elif hit.table == "directed":
                linked = self._directed(text, hit, mentions, utterances)
            else:
                linked = self._linked(text, hit, mentions, utterances)
            if hit.table in ("conflict", "directed") and hit.term not in self.moods:
                # The barb's author, for a reply to come: the first of a linked pair, else the party before the cue.
                author = linked[0][0] if linked else None
                if author is None:
                    s, _ = self._clause(text, hit.start, hit.end)
                    before = mentions.within(s, hit.start)
                    author = before[-1] if before else None
                if author is not None:
                    attackers.append((s_i, author))
            for a, b, people in linked:
                if _same_party(a.party, b.party):
                    continue
                key = tuple(sorted((a.party, b.party)))
                rec = pairs.setdefault(key, {"kinds": set(), "cues": {}, "people": set(), "sentences": {}, "spans": set()})
                # A mood word alone ("火药味", "交锋") makes no conflict: it only adds to one another cue found.
                rec["kinds"].add("competition" if hit.table == "competition" or hit.term in self.moods else "conflict")
                rec["cues"][hit.term] = max(rec["cues"].get(hit.term, 0.0), hit.weight)
                rec["people"].update(people)
                if sent is not None:
                    rec["sentences"][sent.index] = sent
                rec["spans"].add(self._sentence_span(text, hit.start))
        out = []
        for (a, b), rec in pairs.items():
            kind = "conflict" if "conflict" in rec["kinds"] else "competition"
            for lo, hi in rec["spans"]:  # the parties' people named in the evidence sentences
                rec["people"].update(m.person for m in mentions.within(lo, hi) if m.person and m.party in (a, b))
            intensity = 1.0
            for w in rec["cues"].values():
                intensity *= 1.0 - min(0.95, w)
            out.append({"a": a, "b": b, "kind": kind, "people": sorted(rec["people"]),
                        "intensity": round(1.0 - intensity, 3), "cues": sorted(rec["cues"]),
                        "evidence": [rec["sentences"][i].evidence(doc.id) for i in sorted(rec["sentences"])],
                        "date": (doc.meta or {}).get("date")})
        out.sort(key=lambda p: (p["kind"] != "conflict", -p["intensity"], p["a"], p["b"]))
        return {"pairs": out}

    def _cues(self, text: str) -> list:
        """Conflict, competition and response cues, less those inside an ignored phrase (讽刺的是)."""
        hits = self.matcher.find(text)
        ignored = [(h.start, h.end) for h in hits if h.table == "ignore"]
        hits = [h for h in hits if h.table != "ignore" and not any(s <= h.start < e for s, e in ignored)]
        if self.moods:
            # "针锋相对地降价": a mood word describes the competition cue of its clause, not a conflict.
            rivalry = [h.start for h in hits if h.table == "competition"]
            for k, h in enumerate(hits):
                if h.term in self.moods and rivalry:
                    s, e = self._clause(text, h.start, h.end)
                    if any(s <= p < e for p in rivalry):
                        hits[k] = h._replace(table="competition")
        return hits

    def _response(self, text, hit, mentions, attackers, s_i):
        """"星河副总裁张三随即发文回应": a reply by the one party in its clause to a recent barb's author."""
        s, e = self._clause(text, hit.start, hit.end)
        parties = {m.party: m for m in mentions.within(s, hit.start)}
        for a_i, attacker in reversed(attackers):
            if not 0 <= s_i - a_i <= self.reply_window:
                continue
            # "李哲转发了高远的微博并回应称": the barb's author may be named in the reply's clause too.
            others = [m for p, m in parties.items() if p != attacker.party]
            if len(others) == 1:
                responder = others[0]
                return [(attacker, responder, {m.person for m in (attacker, responder) if m.person})]
        return []

    def _clause(self, text: str, pos: int, end: int) -> tuple[int, int]:
        """The clause around ``text[pos:end]``, at most ``max_gap`` characters either side."""
        s = max(0, pos - self.max_gap)
        for c in _CLAUSE_STOP:
            k = text.rfind(c, s, pos)
            if k >= 0:
                s = k + 1
        stop = _CLAUSE_STOP_RX.search(text, end, end + self.max_gap)
        return s, stop.start() if stop else min(len(text), end + self.max_gap)

    def _linked(self, text, hit, mentions, utterances):
        """The pairs of mentions this cue links (usually none or one)."""
        s, e = self._clause(text, hit.start, hit.end)
        inside = mentions.within(s, e)
        before = [m for m in inside if m.end <= hit.start]
        after = [m for m in inside if m.start >= hit.end]
        parties = list(dict.fromkeys(m.party for m in inside))

        def people(*ms):
            both = {m.party for m in ms}
            return {m.person for m in [*ms, *inside] if m.person and m.party in both}

        if len(parties) == 2 and not self._enumerated(text, inside):
            a = next(m for m in inside if m.party == parties[0])
            b = next(m for m in inside if m.party == parties[1])
            return [(a, b, people(a, b))]
        if before and after and before[-1].party != after[0].party and not self._enumerated(text, [before[-1], after[0]]):
            return [(before[-1], after[0], people(before[-1], after[0]))]
        joined = self._joined(text, before) if not after else None
        if joined:
            # "华为与小鹏高管微博隔空交锋": two parties joined before a cue with nothing after it.
            return [(joined[0], joined[1], people(*joined))]
        if after and not before and hit.table == "conflict":
            subject = (self._subject(text, s, after[0], mentions, hit.start)
                       or self._quoted_author(text, hit, after[0], mentions, utterances))
            if subject:
                return [(subject, after[0], people(subject, after[0]) | ({subject.person} if subject.person else set()))]
        if before and not after and hit.table == "conflict":
            # "X以不正当竞争为由,将Y告上法庭": the object of 将/把 is sued by the sentence's subject.
            disposal = max(text.rfind(w, s, before[0].start) for w in self.disposal) if self.disposal else -1
            if disposal >= 0:
                target = next(m for m in before if m.start > disposal)
                plaintiff = next((m for m in reversed(before) if m.end <= disposal and m.party != target.party), None)
                plaintiff = plaintiff or self._subject(text, s, target, mentions, hit.start)
                if plaintiff:
                    return [(plaintiff, target, people(plaintiff, target) | {m.person for m in (plaintiff, target) if m.person})]
            # "星河回应称,云帆的说法与事实不符": a rebuttal of the party its clause names, by the one who speaks.
            speaker = self._subject(text, s, before[-1], mentions, hit.start, spoke=True)
            if speaker:
                return [(speaker, before[-1], people(speaker, before[-1]) | {m.person for m in (speaker, before[-1]) if m.person})]
        if before:
            # A jab whose words are quoted right after the cue: the speaker against whoever the quote names.
            attacker = before[-1]
            for u in utterances:
                if 0 <= u.start - hit.end <= 3:
                    targets = {m.party: m for m in mentions.within(u.start, u.end) if m.party != attacker.party}
                    if len(targets) == 1:
                        target = next(iter(targets.values()))
                        return [(attacker, target, people(attacker, target) | {m.person for m in (attacker, target) if m.person})]
        return []

    @staticmethod
    def _sentence_span(text: str, pos: int) -> tuple[int, int]:
        lo = max(text.rfind(c, 0, pos) for c in _SENTENCE_STOP) + 1
        ends = [i for i in (text.find(c, pos) for c in _SENTENCE_STOP) if i >= 0]
        return lo, min(ends, default=len(text))

    def _subject(self, text, s, target, mentions, cue_start=None, spoke=False):
        """"云帆官方微博发文,暗讽星河CEO张三…": the author is the sentence's subject, in a clause before.

        Not when the cue's own clause names another agent ("…,有业内人士质疑华为").
        """
        if cue_start is not None and any(0 <= text.find(a, s, cue_start) for a in self.agents):
            return None
        sent_start = max(max(text.rfind(c, 0, s) for c in _SENTENCE_STOP) + 1, s - 2 * self.max_gap)
        earlier = [m for m in mentions.within(sent_start, s) if m.party != target.party]
        if spoke and earlier and not any(0 <= text.find(v, earlier[0].end, s) for v in self.speech):
            return None  # only a party that speaks (回应称, 表示) rebuts the one its words name
        if earlier and not self._enumerated(text, [earlier[0], target]):
            return earlier[0]
        return None

    def _directed(self, text, hit, mentions, utterances):
        """"并点名质疑华为" / "暗指字节跳动": a barb whose target follows at once; who threw it."""
        s, e = self._clause(text, hit.start, hit.end)
        after = mentions.within(hit.end, e)
        if not after or after[0].start - hit.end > self.directed_gap:
            return []
        target = after[0]
        before = [m for m in mentions.within(s, hit.start) if m.party != target.party]
        author = before[-1] if before else self._subject(text, s, target, mentions, hit.start)
        if author is None:
            author = self._quoted_author(text, hit, target, mentions, utterances)
        if author is None or self._enumerated(text, [author, target]):
            return []
        return [(author, target, {m.person for m in (author, target) if m.person})]

    def _quoted_author(self, text, hit, target, mentions, utterances):
        """"这番话明显是在暗讽X": the speaker of the last words attributed before the sentence (that paragraph or the one before)."""
        sent_start = max(text.rfind(c, 0, hit.start) for c in _SENTENCE_STOP) + 1
        if not any(0 <= text.find(a, sent_start, hit.end) for a in self.anaphors):
            return None
        floor = text.rfind("\n", 0, max(0, text.rfind("\n", 0, sent_start)))
        author = next((mentions.of(u.speaker, u.start) for u in reversed(utterances) if u.end <= sent_start), None)
        if author is None or author.start <= floor:
            # No words attributed: the person last named before ("卢伟冰在微博发文…。网友认为,他所指的是X").
            author = next((m for m in reversed(mentions.within(floor + 1, sent_start)) if m.person), None)
        return author if author is not None and author.party != target.party else None

    def _joined(self, text, ms):
        """The last two mentions of different parties joined by 与/和/跟… ("百度与搜狗"), unless part of a list."""
        for x, y in zip(reversed(ms[:-1]), reversed(ms)):
            if x.party != y.party and text[x.end:y.start] in self.joiners:
                around = text[max(0, x.start - 1):x.start] + text[y.end:y.end + 1]
                return None if ("、" in around or "等" in around) else (x, y)
        return None

    @staticmethod
    def _enumerated(text: str, ms: list[Mention]) -> bool:
        """Parties listed with 、 ("华为、阿里、腾讯…陆续发布") are co-mentions, not rivals."""
        ms = sorted(ms, key=lambda m: m.start)
        return any(text[x.end:y.start].strip() in ("、", "/") for x, y in zip(ms, ms[1:]) if x.party != y.party)

    # -- corpus ------------------------------------------------------------------
    def summarize(self, documents) -> dict:
        agg: dict[tuple, dict] = {}
        kinds_of: dict[str, str] = {}
        for d in documents:
            for p in ((d.get("results") or {}).get("rivalry") or {}).get("pairs", []):
                key = (p["a"], p["b"], p["kind"])
                rec = agg.setdefault(key, {"a": p["a"], "b": p["b"], "kind": p["kind"], "documents": 0,
                                           "intensity": 0.0, "people": set(), "evidence": []})
                rec["documents"] += 1
                rec["intensity"] = max(rec["intensity"], p["intensity"])
                rec["people"].update(p.get("people", []))
                rec["evidence"].extend(p.get("evidence", [])[:2])
                for n in (p["a"], p["b"]):
                    kinds_of.setdefault(n, "person" if n in p.get("people", []) else "company")
        pairs = []
        for rec in sorted(agg.values(), key=lambda r: (r["kind"] != "conflict", -r["documents"], -r["intensity"])):
            rec["people"] = sorted(rec["people"])
            rec["evidence"] = rec["evidence"][:5]
            pairs.append(rec)
        nodes = [{"id": n, "type": kinds_of[n]} for n in sorted(kinds_of)]
        edges = [{"a": r["a"], "b": r["b"], "kind": r["kind"], "weight": r["documents"]} for r in pairs]
        return {"pairs": pairs, "graph": {"nodes": nodes, "edges": edges}}

    def report_sections(self, results):
        from newskit.reports import Chart, Quote, Section, Table

        summary = (results.get("summaries") or {}).get("rivalry") or {}
        pairs = summary.get("pairs", [])
        kinds = {"conflict": "公开冲突 conflict", "competition": "竞争 competition"}
        blocks: list = []
        if not pairs:
            blocks.append("No open conflict or competition between named parties was found.")
        else:
            blocks.append(Table(["甲方 a", "乙方 b", "类型 kind", "强度 intensity", "人物 people", "文档 documents"],
                                [[p["a"], p["b"], kinds.get(p["kind"], p["kind"]), p["intensity"], "、".join(p["people"]),
                                  p["documents"]] for p in pairs]))
            graph = summary.get("graph") or {}
            blocks.append(Chart("network", "对立关系图 Rivalry graph",
                                {"nodes": [n["id"] for n in graph.get("nodes", [])],
                                 "edges": [(e["a"], e["b"], e["weight"], e["kind"]) for e in graph.get("edges", [])]},
                                name="rivalry"))
            for p in pairs[:6]:
                for ev in p.get("evidence", [])[:1]:
                    blocks.append(Quote(ev["text"], f"{p['a']} × {p['b']} · {ev['doc']}"))
        return [Section("对立与竞争 Rivalries", blocks, order=50, analyzer="rivalry")]


@hookimpl
def register_analyzers(register):
    register(RivalryAnalyzer())
