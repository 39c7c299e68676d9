"""Stance on vertical (industry, scenario) versus general-purpose large models, per article and speaker.

Cue terms for each side come from data (``newskit/data/stance/cues.toml``).  A cue in a clause
that argues (才是, 应该, 更有优势 …) counts fully; a bare mention counts little.  An evaluation
against the cue (被替代, 退场, 不专业 …), a negation right before it (不是, 而非, 不需要 …) or a
shift away from it (从通用人工智能转向场景落地) turns it into support for the other side.
Arguments for vertical models built on a general one count toward ``balanced``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newskit import Analyzer, hookimpl

SIDES = {"vertical": 1, "general": -1}
_CLAUSE_MARKS = ",;:\uff0c\uff1b\uff1a。!?\uff01\uff1f"  # half- and full-width; a sentence end ends a clause too (a quote spans sentences)
_CLAUSE_SEP = re.compile(f"[{_CLAUSE_MARKS}]")
_SCORING = {"vertical", "general", "balanced"}
_TOUCHING = {"vertical", "general", "balanced", "refute_previous"}  # hits that make a sentence worth scoring
_SEMICOLONS = ";\uff1b"
_SENTENCE_ENDS = "。!?\uff01\uff1f\n"
_CONTRAST = ("但是", "但", "然而", "不过", "而是", "可是")
_TURN = ("但", "却", "然而", "可是")
_COORDINATORS = ("还是", "和", "与", "或", "或者", "及", "、", "跟")
_CARRY_MIN = 0.8  # weakest evaluation that carries to the clause before it
_VERDICT_MAX = 8  # longest clause that, standing alone as a sentence, judges the sentence before it
# "与两年前押注专用模型不同": the side named in a clause of contrast with the present is what no longer holds.
_CONTRASTED = re.compile(r"^[“\"]?(?:与|和|跟|同)[^，,;；]{2,40}(?:不同|不一样|相反|大相径庭)$")
_RECOMMEND_LEADS = ("", "还", "倒", "还不如", "倒不如", "那", "那还")  # before 不如 at a clause's start


@dataclass(slots=True)
class Tally:
    """Support for each side in a stretch of text, with the clauses that gave it.

    ``vertical``/``general`` hold all support, mentions included; ``argued_*`` only the part from
    clauses that argue.  Only argued support can make a text ``balanced`` or take a side.
    """

    vertical: float = 0.0
    general: float = 0.0
    balanced: float = 0.0
    cues: list = field(default_factory=list)
    argued_vertical: float = 0.0
    argued_general: float = 0.0

    def add(self, other: "Tally") -> None:
        self.vertical += other.vertical
        self.general += other.general
        self.balanced += other.balanced
        self.argued_vertical += other.argued_vertical
        self.argued_general += other.argued_general
        self.cues.extend(other.cues)

    def flipped(self, cues: list) -> "Tally":
        return Tally(self.general, self.vertical, 0.0, cues, self.argued_general, self.argued_vertical)

    @property
    def total(self) -> float:
        return self.vertical + self.general + self.balanced

    @property
    def argued(self) -> float:
        return self.argued_vertical + self.argued_general + self.balanced

    def score(self) -> float:
        if self.argued:
            v, g = self.argued_vertical, self.argued_general
            return round(max(-1.0, min(1.0, (v - g) / (self.argued + 0.5))), 3)
        return round(max(-1.0, min(1.0, (self.vertical - self.general) / (self.total + 0.5))), 3)

    def label(self, none_below: float, balanced_ratio: float, argued_below: float = 0.5) -> str:
        # Mentions alone (launch reports of both kinds of model) do not address the question.
        if self.total < none_below or self.argued < argued_below:
            return "none"
        v, g = self.argued_vertical, self.argued_general
        strong, weak = max(v, g), min(v, g)
        # Balanced needs an explicit both-sides pattern, or real arguments for both sides:
        # a side that is only mentioned, conceded or set aside does not count.
        if self.balanced >= 0.6 * strong or (weak and weak >= balanced_ratio * strong):
            return "balanced"
        if v != g:
            return "vertical" if v > g else "general"
        return "vertical" if self.vertical > self.general else "general"


class DocumentCues:
    """One document's cue hits, clause separators and already-scored clauses, shared by its sentences and speakers."""

    __slots__ = ("text", "hits", "starts", "memo", "marks", "scoring_starts")

    def __init__(self, text: str, hits: list):
        self.text = text
        self.hits = hits
        self.starts = [h.start for h in hits]
        # Starts of the hits that can give support (a side cue or a both-sides pattern): a stretch
        # without any scores nothing, whatever else it holds.
        self.scoring_starts = [h.start for h in hits if h.table in _SCORING]
        self.memo: dict = {}
        self.marks = [m.start() for m in _CLAUSE_SEP.finditer(text)]  # clause separators, in order

    def clause(self, pos: int, start: int, end: int) -> tuple[int, int]:
        """The clause (between ,;: marks) around ``pos``, within ``text[start:end]``."""
        marks = self.marks
        i = bisect_left(marks, pos)
        cs = marks[i - 1] + 1 if i and marks[i - 1] >= start else start
        ce = marks[i] if i < len(marks) and marks[i] < end else end
        return cs, ce

    def between(self, start: int, end: int) -> list:
        return self.hits[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class StanceScorer:
    """Scores stretches of (gloss-free) text with the cue lexicon."""

    def __init__(self, tables: dict):
        from newskit.cues import CueMatcher

        self.settings = {"negation_window": 4, "mention_weight": 0.25, "argued_weight": 1.0,
                         "contrast_boost": 1.3, "none_below": 0.9, "balanced_ratio": 0.5, "argued_below": 0.5,
                         **tables.get("settings", {})}
        self.matcher = CueMatcher(tables, ["vertical", "general", "argue", "against", "negation", "shift", "subordinate",
                                             "concede", "refute_previous", "dismiss", "condition", "wrapper"])
        from newskit.cues import Patterns

        balanced = tables.get("balanced") or {}
        # "A比B更重要", "A明显好于B": the hit spans the losing side B (group ``lose``); A wins.
        better = tables.get("better") or {}
        self.patterns = Patterns([*balanced, *better])  # both kinds, searched in one pass
        self.pattern_kinds = [("balanced", float(w)) for w in balanced.values()] + [("better", float(w)) for w in better.values()]

    def prepare(self, text: str) -> "DocumentCues":
        """Cue hits and balanced-pattern matches over the whole text (one pass), sorted by start."""
        from newskit.cues import Hit

        hits = _without_nested_sides(text, self.matcher.find(text))
        kinds = self.pattern_kinds
        extra = []
        for k, m in self.patterns.finditer(text):  # balanced patterns first, then better, each in order
            kind, w = kinds[k]
            if kind == "balanced":
                extra.append(Hit(m.start(), m.end(), kind, m.group(), w))
            else:
                extra.append(Hit(m.start("lose"), m.end("lose"), kind, m.group(), w))
        if extra:
            hits.extend(extra)
            hits.sort(key=lambda h: h.start)
        return DocumentCues(text, hits)

    def tally(self, dc: "DocumentCues", start: int, end: int) -> Tally:
        """Support for each side in ``text[start:end]``, clause by clause (each clause scored once per document)."""
        out = Tally()
        scoring = dc.scoring_starts
        if bisect_left(scoring, start) == bisect_left(scoring, end):
            return out
        hits, starts = dc.hits, dc.starts
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        clauses = []  # (start, end, hits, their tables) of the clauses that have hits, in order
        k = lo
        while k < hi:
            cs, ce = dc.clause(starts[k], start, end)
            m = k + 1
            while m < hi and starts[m] < ce:
                m += 1
            ch = hits[k:m]
            clauses.append((cs, ce, ch, {h.table for h in ch}))
            k = m
        # An evaluation in a clause with no cue of its own applies to the last clause that had one:
        # "接入通用大模型后,发现不仅响应速度慢,有些回答还不专业".
        # A clause opening with a condition ("一旦底座模型升级,…") names a cause: the evaluation skips it.
        # "数据不出门,比模型多聪明重要得多": a comparison whose winning side is in the clause before argues for it.
        carried: dict[int, float] = {}
        carried_for: dict[int, float] = {}
        targets: list[int] = []  # clauses with side cues that an evaluation after them may apply to
        for i, (cs, ce, ch, tables) in enumerate(clauses):
            if "better" in tables and targets and targets[-1] < i:
                better = next(h for h in ch if h.table == "better")
                if not any(h.table in SIDES and h.start < better.start for h in ch):
                    carried_for[targets[-1]] = max(carried_for.get(targets[-1], 0.0), better.weight)
            if "vertical" in tables or "general" in tables:
                if "condition" not in tables or not any(h.table == "condition" and h.start - cs <= 2 for h in ch):
                    targets.append(i)
            elif targets and ("against" in tables or "dismiss" in tables):
                # Only a clear evaluation carries ("风险" in "合同风险识别" is a noun), and only within its
                # sentence, unless it is a sentence on its own ("…问一个几千亿参数的模型？不现实。").
                against = max(h.weight for h in ch if h.table in ("against", "dismiss"))
                target_end = clauses[targets[-1]][1]
                crosses = any(c in dc.text[target_end:cs] for c in _SENTENCE_ENDS)
                if against >= _CARRY_MIN and (not crosses or ce - cs <= _VERDICT_MAX):
                    carried[targets[-1]] = max(carried.get(targets[-1], 0.0), against)
        memo = dc.memo
        text = dc.text
        conceding = False  # "通用大模型固然强大,但…": clauses after a concession, until the turn
        balanced = []
        for i, (cs, ce, ch, tables) in enumerate(clauses):
            if conceding:
                text_c = text[cs:ce].lstrip()
                if text_c.startswith(_CONTRAST) or any(w in text_c for w in _TURN):
                    conceding = False
            if "concede" in tables and self._turns_later(text, ch, ce, end):
                conceding = True
            if "balanced" in tables and not any(h.table == "against" and h.weight > 0 for h in ch):
                # "建立在通用模型之上的垂直护城河都是暂时的": a both-sides pattern judged against is no balance.
                balanced.extend(h for h in ch if h.table == "balanced" and h.end <= end and self._sides_near(dc, h))
            if "vertical" not in tables and "general" not in tables:
                continue  # no side named: nothing to score here
            key = (cs, ce, carried.get(i, 0.0), conceding, carried_for.get(i, 0.0))
            part = memo.get(key)
            if part is None:
                part = memo[key] = Tally()
                self._clause(text, cs, ce, ch, part, key[2], conceding, key[4])
            out.add(part)
        if balanced:
            best = max(balanced, key=lambda h: h.weight)
            out.balanced += best.weight
            out.cues.append(("balanced", best.term))
        return out

    @staticmethod
    def _sides_near(dc: "DocumentCues", hit) -> bool:
        """A both-sides pattern counts only in a sentence that names a side ("基于开源模型做微调并无不妥" does not)."""
        text = dc.text
        lo = max(text.rfind(c, 0, hit.start) for c in _SENTENCE_ENDS) + 1
        hi = min([k for k in (text.find(c, hit.end) for c in _SENTENCE_ENDS) if k >= 0], default=len(text))
        return any(h.table in SIDES for h in dc.between(lo, hi))

    @staticmethod
    def _turns_later(text: str, hits, clause_end: int, end: int) -> bool:
        """A concession needs a turn (但, 却, 然而 …) later in its sentence; "当然重要" alone concedes nothing."""
        concede_end = max(h.end for h in hits if h.table == "concede")
        stop = min([end] + [k for k in (text.find(c, concede_end, end) for c in "。!?\uff01\uff1f\n") if k >= 0])
        rest = text[concede_end:stop]
        return any(w in rest for w in _TURN)

    def _clause(self, text, cs, ce, hits, out: Tally, carried_against: float = 0.0, conceded: bool = False,
                carried_for: float = 0.0) -> None:
        s = self.settings
        by_table = defaultdict(list)
        for h in hits:
            by_table[h.table].append(h)
        sides = by_table["vertical"] + by_table["general"]
        if not sides:
            return
        argue = max(max((h.weight for h in by_table["argue"]), default=0.0), carried_for)
        against = [h for h in by_table["against"] if h.weight > 0]
        # "垂直模型只是通用能力的一个应用": what comes before 只是 is subordinate to what follows.
        sub = by_table["subordinate"][0] if by_table["subordinate"] else None
        if sub is not None:
            before = {h.table for h in sides if h.start < sub.start}
            after = {h.table for h in sides if h.start >= sub.end}
            if not before or not after or before == after:
                sub = None
        if sub is None and by_table["subordinate"]:
            # "…,不如为每个场景做一个够用的模型": a clause opening with 不如 recommends what follows.
            lead = by_table["subordinate"][0]
            if text[cs:lead.start].strip() in _RECOMMEND_LEADS and not any(h.start < lead.start for h in sides):
                argue = max(argue, lead.weight)
        if sub is None and by_table["dismiss"]:
            # "核心资产不过是一份数据集": with one side only, a dismissive word evaluates against it.
            against = sorted(against + by_table["dismiss"], key=lambda h: h.start)
        # An evaluation turns against the cues before it ("专用模型终将被替代"); with none before, all of them.
        against_from = against[0].start if against and any(h.start < against[0].start for h in sides) else None
        shift = by_table["shift"][0] if by_table["shift"] else None
        better = by_table["better"][0] if by_table["better"] else None
        # "在通用模型外面套一层行业知识库": a thin layer over a general model argues for the general side.
        wrapper = max((h.weight for h in by_table["wrapper"]), default=0.0)
        boost = s["contrast_boost"] if text[cs:ce].lstrip().startswith(_CONTRAST) else 1.0
        if _CONTRASTED.match(text[cs:ce].strip()):
            carried_against = max(carried_against, 1.0)
        best = {"vertical": 0.0, "general": 0.0}
        argued_best = {"vertical": 0.0, "general": 0.0}
        for h in sides:
            side = h.table
            flipped = False
            argued = argue
            if any(n.end <= h.start and h.start - n.end <= s["negation_window"] and n.weight > 0 for n in by_table["negation"]):
                flipped, argued = True, max(argued, 1.0)
            # An evaluation judges the side named last before it (the head of its phrase: "建立在通用模型之上的
            # 垂直护城河都是暂时的" judges the vertical moat), and every cue of that side before it.
            # In the passive ("优势被更强的基座模型抹平") the agent after 被 wins and the side before 被 is judged.
            hit_against, agent, moot = [], False, False
            for a in against:
                if against_from is not None and h.start >= a.start:
                    continue
                passive = text.rfind("被", cs, a.start)
                if against_from is not None and passive >= 0 and h.start > passive:
                    agent = True
                    continue
                judged = (_judged(text, sides, passive if passive >= 0 else a.start) if against_from is not None
                          else _judged(text, sides, len(text)))
                if judged is not None and len({x.table for x in sides if x.start in judged}) == 2 and h.start in judged:
                    moot = True  # "不关心是通用还是垂直": the question itself is dismissed, neither side gains
                elif against_from is None or h.start in judged:
                    hit_against.append(a.weight)
            if moot:
                continue
            if agent and not hit_against:
                argued = max(argued, max(a.weight for a in against))
            if carried_against:
                hit_against.append(carried_against)
            if hit_against:
                flipped, argued = not flipped, max(argued, max(hit_against))
            if shift is not None:
                argued = max(argued, shift.weight)
                if h.start < shift.start:
                    flipped = not flipped
            if sub is not None:
                argued = max(argued, sub.weight)
                if h.start < sub.start:
                    flipped = not flipped
            if better is not None and h.start < better.end:
                argued = max(argued, better.weight)
                if h.start >= better.start:
                    flipped = not flipped
            if flipped:
                side = "general" if side == "vertical" else "vertical"
            if wrapper:
                side, argued = "general", max(argued, wrapper)
            if conceded:
                argued = 0.0  # a conceded side is only mentioned
            is_argued = argued >= 0.5
            strength = s["argued_weight"] * min(argued, 1.2) if is_argued else s["mention_weight"]
            value = h.weight * strength * boost
            best[side] = max(best[side], value)
            if is_argued:
                argued_best[side] = max(argued_best[side], value)
        for side, value in best.items():
            if value:
                setattr(out, side, getattr(out, side) + value)
                setattr(out, "argued_" + side, getattr(out, "argued_" + side) + argued_best[side])
                out.cues.append((side, text[cs:ce].strip()))

    def refutes(self, hits) -> bool:
        return any(h.table == "refute_previous" for h in hits)


def _speakers_decide(label: str, tally: Tally, speakers: list[dict]) -> str:
    """An article balanced only because both sides get arguments (no one argues for both) takes the side
    its speakers mostly take, when that is also the side argued more: reporting an opponent is not balance."""
    if label != "balanced" or tally.balanced or any(sp["label"] == "balanced" for sp in speakers):
        return label
    sides = Counter(sp["label"] for sp in speakers)
    v, g = sides["vertical"], sides["general"]
    if v >= 2 and v >= 2 * g and tally.argued_vertical > tally.argued_general:
        return "vertical"
    if g >= 2 and g >= 2 * v and tally.argued_general > tally.argued_vertical:
        return "general"
    return label


def _without_nested_sides(text: str, hits: list) -> list:
    """Drops a side cue inside a longer cue of the other side, or right after a modifier of the other side
    ("为生命科学量身定制的基础模型" is a vertical model)."""
    sides = [h for h in hits if h.table in SIDES]

    def modifies(o, h) -> bool:
        if o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start:
            return True
        return o.end <= h.start and text[o.end:h.start] == "的" and not o.term.endswith("模型")

    inner, recent = set(), []  # recent: side hits that end at most one character before the current start
    for h in sorted(sides, key=lambda x: (x.start, -x.end)):
        recent = [o for o in recent if o.end >= h.start - 1]
        if any(o.table != h.table and modifies(o, h) for o in recent):
            inner.add(id(h))
        recent.append(h)
    return [h for h in hits if id(h) not in inner] if inner else hits


def _judged(text: str, sides, pos: int) -> set:
    """Starts of the side cues an evaluation at ``pos`` judges: the last one before it, with every cue of its
    side and every cue coordinated with it ("模型是“通用”还是“垂直”": both)."""
    before = sorted((h for h in sides if h.start < pos), key=lambda h: h.start)
    if not before:
        return set()
    group = [before[-1]]
    for h in reversed(before[:-1]):
        if text[h.end:group[-1].start].strip("“”「」\"' ") in _COORDINATORS:
            group.append(h)
        else:
            break
    tables = {h.table for h in group}
    return {h.start for h in before if h.table in tables}


def _load_scorer(context, settings) -> StanceScorer:
    from newskit.cues import bundled, lexicon_paths, load_tables

    return StanceScorer(load_tables(lexicon_paths("stance", bundled("stance", "cues.toml"), context, settings)))


class StanceAnalyzer(Analyzer):
    name = "stance"
    version = "0.3.8"
    requires = ("entities",)
    description = "Stance on vertical versus general-purpose large models, per article and per speaker, with quotes."

    def setup(self) -> None:
        self.scorer = _load_scorer(self.context, self.settings)

    def fingerprint(self) -> str:
        from newskit.cues import bundled, fingerprint, lexicon_paths

        return fingerprint(super().fingerprint(), lexicon_paths("stance", bundled("stance", "cues.toml"), self.context, self.settings))

    def analyze(self, doc) -> dict:
        from newskit.document import split_paragraphs, split_sentences
        from newskit.quotes import attribute_document

        sc = self.scorer
        attribution = attribute_document(doc)
        view = attribution.view
        text = view.text
        dc = sc.prepare(text)
        hits = dc.hits
        sentences = doc.sentences if text is doc.text else split_sentences(text, split_paragraphs(text))
        sent_starts = [s.start for s in sentences]
        touched = sorted({bisect_right(sent_starts, h.start) - 1 for h in hits if h.table in _TOUCHING} - {-1})
        doc_tally = Tally()
        scored = []  # (tally, sentence in doc)
        tallies: dict[int, Tally] = {}
        for i in touched:
            sent = sentences[i]
            t = sc.tally(dc, sent.start, sent.end)
            prev = tallies.get(i - 1)
            if prev is not None and t.total == 0 and sc.refutes(dc.between(sent.start, sent.end)):
                # "…将成为突围的方法。但事实或许并非如此。": the previous sentence's support turns over.
                doc_tally.vertical += prev.general - prev.vertical
                doc_tally.general += prev.vertical - prev.general
                doc_tally.argued_vertical += prev.argued_general - prev.argued_vertical
                doc_tally.argued_general += prev.argued_vertical - prev.argued_general
                t = prev.flipped([("refuted", sent.text)])
            else:
                doc_tally.add(t)
            if t.total:
                tallies[i] = t
                scored.append((t, doc.sentence_at(view.source(sent.start))))
        s = sc.settings
        label = doc_tally.label(s["none_below"], s["balanced_ratio"], s["argued_below"])
        speakers = self._speakers(doc, attribution, dc)
        label = _speakers_decide(label, doc_tally, speakers)
        evidence = self._evidence(doc, scored, label)
        return {"label": label, "score": doc_tally.score() if label != "none" else 0.0,
                "support": {"vertical": round(doc_tally.vertical, 3), "general": round(doc_tally.general, 3),
                            "balanced": round(doc_tally.balanced, 3),
                            "argued_vertical": round(doc_tally.argued_vertical, 3),
                            "argued_general": round(doc_tally.argued_general, 3)},
                "evidence": evidence, "speakers": speakers}

    @staticmethod
    def _evidence(doc, scored, label, limit=5) -> list[dict]:
        def weight(t: Tally) -> float:
            if label == "vertical":
                return t.vertical - t.general
            if label == "general":
                return t.general - t.vertical
            return t.total
        ranked = sorted((x for x in scored if x[1] is not None and weight(x[0]) > 0), key=lambda x: -weight(x[0]))
        out = []
        for t, sent in ranked[:limit]:
            ev = sent.evidence(doc.id)
            ev["side"] = "vertical" if t.vertical > t.general else "general" if t.general > t.vertical else "balanced"
            out.append(ev)
        return sorted(out, key=lambda e: e["start"])

    @staticmethod
    def _continued(utterances, text: str):
        """Reported speech cut at a semicolon goes on to the end of its sentence ("X认为,A;B。": B is X's too),
        unless someone else's words start first."""
        from dataclasses import replace

        starts = sorted(u.start for u in utterances)
        for u in utterances:
            if u.kind == "indirect" and u.end < len(text) and text[u.end - 1] in _SEMICOLONS:
                stop = min([len(text)] + [k for k in (text.find(c, u.end) for c in _SENTENCE_ENDS) if k >= 0])
                k = bisect_right(starts, u.start)
                if k < len(starts):
                    stop = min(stop, starts[k])
                if stop > u.end:
                    u = replace(u, end=stop + (stop < len(text) and text[stop] in _SENTENCE_ENDS))
            yield u

    def _speakers(self, doc, attribution, dc) -> list[dict]:
        sc = self.scorer
        tallies: dict[str, Tally] = defaultdict(Tally)
        quotes: dict[str, list] = defaultdict(list)
        for u in self._continued(attribution.utterances, dc.text):
            t = sc.tally(dc, u.start, u.end)
            if t.total == 0:
                continue
            tallies[u.speaker].add(t)
            for sent in attribution.sentences(doc, u):
                ev = sent.evidence(doc.id)
                if ev not in quotes[u.speaker]:
                    quotes[u.speaker].append(ev)
        out = []
        none_below = float(self.settings.get("speaker_none_below", 0.5))
        for name, t in tallies.items():
            label = t.label(none_below, sc.settings["balanced_ratio"], sc.settings["argued_below"])
            if label == "none":
                continue
            info = attribution.people.get(name, {})
            out.append({"speaker": name, "organization": info.get("organization"), "label": label,
                        "score": t.score(), "quotes": quotes[name][:5]})
        out.sort(key=lambda s: -abs(s["score"]))
        return out

    def summarize(self, documents) -> dict:
        labels = Counter({"general": 0, "vertical": 0, "balanced": 0, "none": 0})
        speakers: dict[str, dict] = {}
        for d in documents:
            st = (d.get("results") or {}).get("stance")
            if not st:
                continue
            labels[st["label"]] += 1
            for s in st.get("speakers", []):
                agg = speakers.setdefault(s["speaker"], {"speaker": s["speaker"], "organization": s.get("organization"),
                                                         "scores": [], "labels": Counter(), "documents": 0, "quotes": []})
                agg["organization"] = agg["organization"] or s.get("organization")
                agg["scores"].append(s["score"])
                agg["labels"][s["label"]] += 1
                agg["documents"] += 1
                agg["quotes"].extend(s["quotes"][:2])
        out = []
        for agg in speakers.values():
            label = agg["labels"].most_common(1)[0][0]
            out.append({"speaker": agg["speaker"], "organization": agg["organization"], "label": label,
                        "score": round(sum(agg["scores"]) / len(agg["scores"]), 3),
                        "documents": agg["documents"], "quotes": agg["quotes"][:3]})
        out.sort(key=lambda s: (-s["documents"], s["speaker"]))
        return {"labels": dict(labels), "speakers": out}

    def report_sections(self, results):
        from newskit.reports import Chart, Quote, Section, Table

        summary = (results.get("summaries") or {}).get("stance") or {}
        labels = summary.get("labels") or {}
        names = {"general": "通用 general", "vertical": "垂直 vertical", "balanced": "兼顾 balanced", "none": "未涉及 none"}
        blocks = [Table(["立场 stance", "文档 documents"], [[names[k], labels.get(k, 0)] for k in names])]
        if any(labels.values()):
            blocks.append(Chart("bar", "文章立场分布 Article stance", {"labels": [names[k] for k in names],
                                                                  "values": [labels.get(k, 0) for k in names]}, name="stance"))
        rows = [[s["speaker"], s.get("organization") or "", names.get(s["label"], s["label"]), s["score"], s["documents"]]
                for s in summary.get("speakers", [])]
        if rows:
            blocks.append(Table(["发言人 speaker", "机构 organization", "立场 stance", "分数 score", "文档 documents"], rows))
            for s in summary.get("speakers", [])[:8]:
                for q in s.get("quotes", [])[:1]:
                    blocks.append(Quote(q["text"], f"{s['speaker']} · {q['doc']}"))
        return [Section("通用与垂直大模型之争 Stance: general vs vertical models", blocks, order=40, analyzer="stance")]


@hookimpl
def register_analyzers(register):
    register(StanceAnalyzer())
