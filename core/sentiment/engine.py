"""Target-dependent sentiment: which party each polar cue of a sentence is about.

Per sentence that names a party (or points back to one with 这家公司 / 该公司 / 其):

* cues come from the lexicon; negators, intensifiers and diminishers right before a cue scale it;
  hedges and concessions scale their clause; clauses before 但是 / 然而 / 不过 weigh less and the
  clause after more; a question flips (rhetorical) or damps its cues;
* a plain cue belongs to the party named before it in its clause (with the parties coordinated with
  it: 腾讯、字节), else to the party an anaphor points to, else to the party named after it (an
  object, damped), else to the subject of an earlier clause of the sentence (carried forward, damped);
  speakers (a party before 表示 / 指出 / 认为) never inherit cues from other clauses;
* a comparison cue (领先, 落后, 差距) gives its subject the sign and the compared party
  (与 A / 比 A / 相比 A / after the verb) the opposite; with no named subject
  (国内模型存在差距) the parties named elsewhere in the sentence get the opposite.

Scores: per mention, per sentence (evidence) and per party: score = (pos - neg) / (pos + neg + smoothing),
labelled positive/negative only from ``threshold`` on (news mostly mentions companies neutrally).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from .lexicon import Hit, Lexicon

CLAUSE_BREAKS = frozenset(",;:\uff0c\uff1b\uff1a")  # half- and full-width (normalization keeps punctuation)
_BREAK_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_POLAR = frozenset(("positive", "negative", "ahead", "behind", "sanctions"))
_NEGATIVE = frozenset(("negative", "behind", "sanctions"))
_COORD_GAP = frozenset("、和与及跟同并以/ ")
_QUOTES = frozenset("“”‘’《》「」『』\"'")
_QUESTION_END = ("?", "\uff1f")
_CLOSERS = "”’」』)\uff09》]\"' "


class Mention(NamedTuple):
    start: int
    end: int
    target: str


@dataclass
class TargetScore:
    name: str
    label: str = "neutral"
    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    mentions: list = field(default_factory=list)          # [(start, end, score)]
    sentences: dict = field(default_factory=dict)          # sentence index -> score


def label_for(score: float, threshold: float) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


class SentimentEngine:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.cfg = {k: float(v) for k, v in lexicon.settings.items()}
        self._settings = lexicon.tables.get("setting_markers") or {}
        self._setting_len = max(map(len, self._settings), default=0)
        self._setting_ends = frozenset(w[-1] for w in self._settings if w)

    # ------------------------------------------------------------------ public
    def score(self, text: str, sentences, mentions: list[Mention], hits: list[Hit] | None = None,
              sentence_prior: dict[int, float] | None = None,
              target_weights: dict[str, float] | None = None,
              target_prior: dict[str, float] | None = None) -> dict[str, TargetScore]:
        """Scores for every target in ``mentions`` (offsets into ``text``); ``sentences`` are
        :class:`newskit.document.Sentence` objects covering the text.  ``sentence_prior`` adds a
        score per sentence index to every party the sentence names (an optional model's opinion);
        ``target_weights`` scales a target's opinion mass (a place or a common noun counts less);
        ``target_prior`` adds opinion mass per target (the article's tone toward its main subject,
        see :meth:`document_prior`)."""
        mentions = _resolve_overlaps(mentions)
        hits = self.lex.find(text) if hits is None else hits
        hits = _drop_inside(hits, mentions)
        out: dict[str, TargetScore] = {t: TargetScore(t) for t in dict.fromkeys(m.target for m in mentions)}
        contrib: dict[Mention, float] = defaultdict(float)
        per_sentence: dict[tuple[str, int], float] = defaultdict(float)
        m_starts = [m.start for m in mentions]
        h_starts = [h.start for h in hits]
        # Only sentences that name a party or point back to one can give anything: skip the rest.
        s_starts = [s.start for s in sentences]
        wanted = {bisect_right(s_starts, p) - 1 for p in dict.fromkeys(m_starts)}
        wanted.update(bisect_right(s_starts, h.start) - 1 for h in hits if h.kind == "anaphors")
        p_starts = [h.start for h in hits if h.kind in _POLAR]
        reach = self.cfg["anaphor_sentences"]
        priors = sentence_prior or {}
        settings = self._settings
        recent: list[tuple[int, list[Mention]]] = []  # (sentence index, mentions) for anaphors
        scoped = set()  # targets some cue was scoped to (not only the sentence's tone)
        toned = []  # (mention, sentence index, tone given)
        for sent in (sentences[i] for i in sorted(wanted) if i >= 0):
            start, end = sent.start, sent.end
            s_mentions = mentions[bisect_left(m_starts, start):bisect_left(m_starts, end)]
            beaten = agents = ()
            if bisect_left(p_starts, start) < bisect_left(p_starts, end):  # a polar cue in the sentence
                s_hits = hits[bisect_left(h_starts, start):bisect_left(h_starts, end)]
                antecedents = [m for i, ms in recent if sent.index - i <= reach for m in ms]
                if s_mentions or (antecedents and any(h.kind == "anaphors" for h in s_hits)):
                    for m, value in self._sentence(text, sent, s_mentions, s_hits, antecedents):
                        scoped.add(m.target)
                        contrib[m] += value
                        per_sentence[(m.target, sent.index)] += value
                    beaten, agents = self._beaten, self._agents
            prior = priors.get(sent.index)
            if prior and s_mentions:
                for m in {m.target: m for m in reversed(s_mentions)}.values():
                    if (m.target in beaten) if prior > 0 else (m.target in agents):
                        continue  # the loser of a contest (B in A 击败 B) does not share the winner's tone,
                        # nor the one bringing a charge (A in A 起诉 B) the accused's
                    v = prior * self._setting_share(text, m.start) if settings else prior
                    contrib[m] += v
                    per_sentence[(m.target, sent.index)] += v
                    toned.append((m, sent.index, v))
            if s_mentions:
                recent = [r for r in recent if sent.index - r[0] <= reach] + [(sent.index, s_mentions)]
        smoothing, threshold, tone_only = self.cfg["smoothing"], self.cfg["threshold"], self.cfg["tone_only"]
        less = 1.0 - self.cfg["scoped_tone"]
        for m, idx, v in toned if less else ():  # a party with cues of its own needs the sentence's tone less
            if m.target in scoped:
                contrib[m] -= less * v
                per_sentence[(m.target, idx)] -= less * v
        for m in mentions:
            v = contrib.get(m, 0.0)
            t = out[m.target]
            if not v:
                t.mentions.append((m.start, m.end, 0.0))
                continue
            t.mentions.append((m.start, m.end, round(v, 3)))
            if v > 0:
                t.positive += v
            else:
                t.negative -= v
        for (name, idx), v in per_sentence.items():
            if v:
                out[name].sentences[idx] = v
        for name, v in (target_prior or {}).items():
            if name in out and v:
                if v > 0:
                    out[name].positive += v
                else:
                    out[name].negative -= v
        for t in out.values():
            w = (target_weights or {}).get(t.name, 1.0)
            if t.name not in scoped:
                w *= tone_only
            pos, neg = t.positive * w, t.negative * w
            t.score = (pos - neg) / (pos + neg + smoothing)
            t.label = label_for(t.score, threshold)
        return out

    def _setting_share(self, text: str, start: int) -> float:
        """The weight of the longest ``[setting_markers]`` word right before ``start`` (1 if none)."""
        if not start or text[start - 1] not in self._setting_ends:  # the usual case, one look-up
            return 1.0
        table = self._settings
        before = text[max(start - self._setting_len, 0):start]
        for n in range(len(before), 0, -1):
            w = table.get(before[-n:])
            if w is not None:
                return w
        return 1.0

    def sentence_tone(self, sentences, hits: list[Hit], share: float) -> dict[int, float]:
        """``share`` times the plain sum of polar cues per sentence: a weak 'the whole sentence'
        opinion for every party it names (useful where a text piles up charges against a list)."""
        starts = [h.start for h in hits]
        out = {}
        for s in sentences:
            lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
            v = sum(h.weight if h.kind in ("positive", "ahead") else -h.weight for h in hits[lo:hi] if h.kind in _POLAR)
            if v:
                out[s.index] = share * v
        return out

    def document_prior(self, sentences, hits: list[Hit], mentions: list[Mention],
                       title_targets=()) -> dict[str, float]:
        """The article's overall tone, given to its main subjects: the targets named in the title
        (``title_targets``) and the most often named target.  News gold and readers take an
        article about a company's layoffs as negative toward that company, even in sentences that
        do not name it.  Tone = ``document_share`` x (pos - neg) / (pos + neg + ``document_smoothing``)
        over the plain polar cues of the whole text."""
        share = self.cfg["document_share"]
        if not share or not mentions:
            return {}
        pos = neg = 0.0
        for h in hits:
            if h.kind in ("positive", "ahead"):
                pos += h.weight
            elif h.kind in _NEGATIVE:
                neg += h.weight
        tone = share * (pos - neg) / (pos + neg + self.cfg["document_smoothing"])
        if not tone:
            return {}
        counts: dict[str, int] = defaultdict(int)
        for m in _resolve_overlaps(mentions):
            counts[m.target] += 1
        top = max(counts.values())
        main = {t for t, n in counts.items() if n == top and n >= self.cfg["main_subject_mentions"]}
        main.update(t for t in title_targets if t in counts)
        return {t: tone for t in main}

    def evidence(self, result: TargetScore) -> list[tuple[int, float]]:
        """(sentence index, score) of the strongest sentences, in the direction of the label first."""
        floor = self.cfg["min_evidence"]
        items = [(i, v) for i, v in result.sentences.items() if abs(v) >= floor]
        sign = 1 if result.label == "positive" else -1 if result.label == "negative" else 0
        items.sort(key=lambda iv: (sign != 0 and (iv[1] > 0) != (sign > 0), -abs(iv[1])))
        return items[: int(self.cfg["max_evidence"])]

    # ----------------------------------------------------------- one sentence
    def _sentence(self, text, sent, mentions, hits, antecedents):
        cfg = self.cfg
        self._text = text
        self._beaten = set()  # targets on the losing side of a comparison in this sentence
        self._agents = set()  # targets bringing a charge or sanction in this sentence
        # clause breaks of this sentence only: most sentences of a text are never analysed
        bounds = [m.start() for m in _BREAK_RE.finditer(text, sent.start, sent.end)]
        clause_of = lambda pos: bisect_left(bounds, pos)  # noqa: E731
        n_clauses = len(bounds) + 1
        by_clause: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_clause[clause_of(m.start)].append(m)
        clause_w = [1.0] * n_clauses
        contrast = hedges = scaled = speech = None
        polar = []
        rhetorical = []
        for k, h in enumerate(hits):  # one pass: what each kind of marker does to the clauses
            kind = h.kind
            if kind in _POLAR:
                polar.append(k)
            elif kind == "speech":
                speech = (speech or []) + [h]
            elif kind == "contrast":
                if contrast is None:
                    contrast = h
                    c0 = clause_of(h.start)
                    for c in range(n_clauses):
                        clause_w[c] = cfg["before_contrast"] if c < c0 else h.weight
            elif kind == "hedges":
                hedges = (hedges or []) + [(clause_of(h.start), h.start, h.weight)]
            elif kind == "concession" or kind == "launch":
                scaled = (scaled or []) + [h]
            elif kind == "rhetorical":
                rhetorical.append(h.weight)
        for h in scaled or ():  # after the contrast weights, in text order, as they multiply
            clause_w[clause_of(h.start)] *= h.weight
        speakers = ({m for m in mentions for h in speech if h.start >= m.end and clause_of(h.start) == clause_of(m.start)}
                    if speech else set())
        question = 1.0
        if sent.text.rstrip(_CLOSERS).endswith(_QUESTION_END):
            question = rhetorical[0] if rhetorical else cfg["question"]
        for k in polar:
            h = hits[k]
            c = clause_of(h.start)
            value = h.weight * (-1 if h.kind in _NEGATIVE else 1)
            value *= self._modifiers(hits, k, c, clause_of) * clause_w[c] * question
            for hc, hs, hw in hedges or ():
                if hc == c and hs < h.start:
                    value *= hw
            if not value:
                continue
            if h.kind == "sanctions":
                targeted = list(self._patient(h, value, c, by_clause, hits, antecedents, speakers, clause_of))
                if targeted and not any(x.kind == "passive" and x.end <= h.start and clause_of(x.start) == c for x in hits):
                    hit = {m.target for m, _ in targeted}  # agents only beside a party the charge targets
                    self._agents.update(m.target for m in by_clause.get(c, ()) if m.end <= h.start and m.target not in hit)
                yield from targeted
            elif h.kind in ("ahead", "behind"):
                if text[h.start].isdigit() and not by_clause.get(c):
                    continue  # a match score with no side named in its clause (…再轰单杆65分,65-63逆转):
                    # which side is which is unknown, and the parties named elsewhere are not "beaten"
                for m, v in self._comparison(text, h, value, c, by_clause, hits, antecedents, speakers, clause_of):
                    if v < 0 and clause_of(m.start) == c:  # named in the contest's own clause
                        self._beaten.add(m.target)
                    yield m, v
            else:
                yield from self._plain(h, value, c, by_clause, hits, antecedents, speakers, clause_of, n_clauses)

    def _modifiers(self, hits, k, clause, clause_of) -> float:
        factor, pos = 1.0, hits[k].start
        for j in range(k - 1, -1, -1):
            h = hits[j]
            if clause_of(h.start) != clause or pos - h.end > self.cfg["modifier_gap"]:
                break
            if h.kind not in ("negators", "intensifiers", "diminishers"):
                break
            factor *= h.weight
            pos = h.start
        return factor

    def _anaphor_target(self, hits, clause, before, antecedents, clause_of):
        if not antecedents:
            return None
        for h in hits:
            if h.kind == "anaphors" and clause_of(h.start) == clause and h.end <= before:
                prior = [m for m in antecedents if m.end <= h.start]
                if prior:
                    return _group(self._text, prior, prior[-1])
        return None

    def _plain(self, h, value, c, by_clause, hits, antecedents, speakers, clause_of, n_clauses):
        cfg = self.cfg
        in_clause = by_clause.get(c, [])
        before = [m for m in in_clause if m.end <= h.start]
        if len(before) > 1:  # 甲在乙遭遇重挫: 乙 (after 在 / 于) is where it happens, 甲 who it happens to
            before = [m for m in before if self._setting_share(self._text, m.start)] or before
        if before:
            for m in _group(self._text, in_clause, _subject_before(before, hits, clause_of(h.start), clause_of)):
                yield m, value
            return
        ref = self._anaphor_target(hits, c, h.start, antecedents, clause_of)
        if ref:
            for m in ref:
                yield m, value * cfg["anaphor"]
            return
        after = [m for m in in_clause if m.start >= h.end]
        if after:
            for m in _group(self._text, in_clause, after[0]):
                yield m, value * cfg["object_weight"]
            return
        for prev in range(c - 1, -1, -1):  # carry the subject of an earlier clause forward
            subjects = [m for m in by_clause.get(prev, []) if m not in speakers]
            if subjects:
                for m in _group(self._text, by_clause[prev], subjects[0]):
                    yield m, value * cfg["carry_forward"]
                return
            if by_clause.get(prev):
                return  # that clause names only a speaker: the cue is the speaker's opinion
        for nxt in range(c + 1, n_clauses):
            subjects = [m for m in by_clause.get(nxt, []) if m not in speakers]
            if subjects:
                for m in _group(self._text, by_clause[nxt], subjects[0]):
                    yield m, value * cfg["carry_backward"]
                return

    def _patient(self, h, value, c, by_clause, hits, antecedents, speakers, clause_of):
        """A sanction or accusation (起诉, 处罚, 逮捕, 批评) is bad news for whom it targets, not for
        who brings it: the party after the verb (or after 对 / 将 / 把), or, in the passive (B 被 / 遭
        A 起诉), the party before the passive marker.  The agent gets ``sanction_agent`` times it."""
        cfg = self.cfg
        in_clause = by_clause.get(c, [])
        passive = [x for x in hits if x.kind == "passive" and x.end <= h.start and clause_of(x.start) == c]
        if passive:
            p = passive[-1]
            before = [m for m in in_clause if m.end <= p.start]
            if before:
                yield from ((m, value) for m in _group(self._text, in_clause, before[-1]))
                return
            ref = self._anaphor_target(hits, c, p.start, antecedents, clause_of)
            if ref:
                yield from ((m, value * cfg["anaphor"]) for m in ref)
                return
            yield from self._carry_forward(c, value, by_clause, ())  # X 说…，被批评: the speaker is the one criticized
            return
        after = [m for m in in_clause if m.start >= h.end]
        if after:
            yield from ((m, value) for m in _group(self._text, in_clause, after[0]))
            return
        markers = [x for x in hits if x.kind == "patient_markers" and x.end <= h.start and clause_of(x.start) == c]
        for x in reversed(markers):
            marked = [m for m in in_clause if m.start == x.end]
            if marked:
                yield from ((m, value) for m in _group(self._text, in_clause, marked[0]))
                return
            ref = [a for a in hits if a.kind == "anaphors" and a.start == x.end]
            if ref:
                target = self._anaphor_target(hits, c, ref[0].end, antecedents, clause_of)
                yield from ((m, value * cfg["anaphor"]) for m in target or [])
                return
        before = [m for m in in_clause if m.end <= h.start]
        if before:
            if cfg["sanction_agent"]:
                yield from ((m, value * cfg["sanction_agent"]) for m in _group(self._text, in_clause, before[-1]))
            return
        yield from self._carry_forward(c, value, by_clause, speakers)

    def _carry_forward(self, c, value, by_clause, speakers):
        for prev in range(c - 1, -1, -1):
            subjects = [m for m in by_clause.get(prev, []) if m not in speakers]
            if subjects:
                yield from ((m, value * self.cfg["carry_forward"]) for m in _group(self._text, by_clause[prev], subjects[0]))
                return
            if by_clause.get(prev):
                return

    def _comparison(self, text, h, value, c, by_clause, hits, antecedents, speakers, clause_of):
        cfg = self.cfg
        in_clause = by_clause.get(c, [])
        markers = [x for x in hits if x.kind == "object_markers"]
        compared = [m for m in in_clause if m.start >= h.end or _is_compared(text, m, h, markers, in_clause)]
        subjects = [m for m in in_clause if m.end <= h.start and m not in compared]
        if not subjects:
            ref = self._anaphor_target(hits, c, h.start, antecedents, clause_of)
            subjects = ref or []
        for m in subjects:
            yield m, value
        for m in compared:
            yield m, -value * cfg["compared_weight"]
        if not subjects and not compared:
            for cc, ms in by_clause.items():
                if cc != c:
                    for m in ms:
                        if m not in speakers:
                            yield m, -value * cfg["implicit_other"]


_CONTESTS = frozenset(("ahead", "behind"))


def _subject_before(before: list[Mention], hits: list[Hit], clause: int, clause_of) -> Mention:
    """The party a plain cue after them is about: the last one named, unless it is the object of a
    contest verb with a subject of its own (A 力克 B 夺得冠军: the title is A's).  Not after a charge:
    A 起诉 B 侵权 describes B."""
    last = before[-1]
    for x in hits:
        if x.start >= last.start:
            break
        if x.kind in _CONTESTS and clause_of(x.start) == clause:
            subjects = [m for m in before if m.end <= x.start]
            if subjects and not any(p.kind == "passive" and subjects[-1].end <= p.start < x.start for p in hits):
                return subjects[-1]
    return last


def _is_compared(text: str, m: Mention, cue: Hit, markers: list[Hit], in_clause: list[Mention]) -> bool:
    for x in markers:
        if x.end == m.start:
            if not any(o.end == x.start for o in in_clause):
                return True  # 与 A 存在差距 (not 腾讯与 A 落后, a coordination)
            if text[m.end:cue.start].startswith("的"):
                return True  # A 和 B 的差距: B is the standard
        if x.start == m.end and x.end - x.start >= 2:
            return True  # A 相比 / A 相较
    return False


def _group(text: str, clause_mentions: list[Mention], anchor: Mention) -> list[Mention]:
    """``anchor`` and the mentions coordinated with it (腾讯、字节 / 腾讯和字节)."""
    ordered = sorted(clause_mentions, key=lambda m: m.start)
    i = ordered.index(anchor)
    lo = hi = i
    while lo > 0 and _coordinated(text, ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and _coordinated(text, ordered[hi], ordered[hi + 1]):
        hi += 1
    return ordered[lo:hi + 1]


def _coordinated(text: str, a: Mention, b: Mention) -> bool:
    gap = text[a.end:b.start]
    if len(gap) <= 2:
        return all(ch in _COORD_GAP for ch in gap)
    core = [ch for ch in gap if ch not in _QUOTES]  # “腾讯系”和“阿里系”, 《甲》、《乙》
    return len(core) <= 2 and len(gap) - len(core) <= 2 and all(ch in _COORD_GAP for ch in core)


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Sorted mentions; where two overlap the longer wins (众车在线 over 众车).  One span naming
    several parties (BATH as 百度, 阿里巴巴, 腾讯, 华为) keeps them all, as coordinated mentions."""
    ordered = sorted(set(mentions), key=lambda m: (m.start, m.start - m.end, m.target))
    kept: list[Mention] = []
    for m in ordered:
        if kept and m.start < kept[-1].end and (m.start, m.end) != (kept[-1].start, kept[-1].end):
            continue
        kept.append(m)
    return kept


def _drop_inside(hits: list[Hit], mentions: list[Mention]) -> list[Hit]:
    """Cues inside a party's name are part of the name (平安银行, 失信被执行人 as a target).
    Hits do not overlap each other, so per mention only the hits from the one before its start
    can overlap it: a look-up per mention, not per hit."""
    if not mentions or not hits:
        return hits
    starts = [h.start for h in hits]
    drop = set()
    for m in mentions:
        i = max(bisect_right(starts, m.start) - 1, 0)
        while i < len(hits) and hits[i].start < m.end:
            if hits[i].end > m.start:
                drop.add(i)
            i += 1
    if not drop:
        return hits
    return [h for i, h in enumerate(hits) if i not in drop]
