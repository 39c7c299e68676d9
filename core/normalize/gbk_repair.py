"""Repair text that was GBK-decoded one byte out of step.

When a decoder restarts in the middle of a two-byte GBK character, the character's lead byte is
lost (shown as ``?``, sometimes followed by a pinyin gloss such as ``duì)`` that a site added to the
garbage character), and each following character is read from the trail byte of one character
plus the lead byte of the next, giving unrelated characters, until an ASCII byte puts the decoder
back in step.  Full-width punctuation inside such a run was later narrowed to ASCII.

Repair: re-encode the run to GBK (punctuation widened again), put back each possible lead byte
(and, when the run ends in a dangling ``?``, each possible trail byte), keep candidates whose
garbage character matches the pinyin gloss when there is one, and score them with a character
language model.  A repair is accepted only when it beats the damaged text by a wide margin, so
intact text - genuine question marks included - is never changed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .charlm import BOUNDARY, CLOSERS, OTHER, default_model, is_han, token_class
from .convert import t2s

# A "?" right after a non-ASCII character, followed by something other than a line end or an
# ASCII letter/digit run: the only place a damaged run can start.  Cheap enough for every text.
SUSPECT = re.compile(r"(?<=[^\x00-\x7f])\?(?=[^\x00-\x7f]|[(!,:;?]{1,3}|\(?[a-zü\u00e0-\u01dc]+\))")
GLOSS = re.compile(r"\(?([a-zü\u00e0-\u01dc]{1,7})\)")
# ASCII punctuation that stands for a full-width character inside a run.  (A "?" inside a run
# is never widened: it is where the decoder gave up, i.e. the run's dangling end.)
WIDENABLE = set("!,:;()")
_NARROW = {chr(ord(c) + 0xFEE0): c for c in WIDENABLE}
MAX_RUN = 120
CONTEXT = 4
TOP_K = 6
# A repair must gain this much log-probability (nats) over the damaged text, and the repaired
# window must read like ordinary prose (mean log-probability per character; prose scores -8 to -12).
MARGIN = 5.0
LOCAL_MEMO = 200_000
MIN_FLUENCY = -12.5


@dataclass(frozen=True)
class Repair:
    start: int          # offsets into the damaged text
    end: int
    damaged: str
    repaired: str
    gain: float         # log-probability gained


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    return t2s(ch)


def _widen(ch: str) -> str:
    return chr(ord(ch) + 0xFEE0) if ch in WIDENABLE else ch


def _gbk_char(data: bytes) -> str | None:
    try:
        s = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    return s if len(s) == 1 else None


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("gbk")
    except UnicodeDecodeError:
        return None


def _run_ends(text: str, i: int) -> list[tuple[int, bool]]:
    """Possible ends ``(end, dangling)`` of a run that starts at ``i``: ``text[i:end]`` re-encodes to
    the shifted bytes; ``dangling`` means ``text[end]`` is a ``?`` standing for a lost trail byte."""
    ends: list[tuple[int, bool]] = []
    j, n = i, len(text)
    while j < n and j - i < MAX_RUN:
        c = text[j]
        if c == "\n":
            break
        if c.isascii():
            ends.append((j, False))
            if c == "?":
                ends.append((j, True))
            elif 0x40 <= ord(c) <= 0x7E:      # the trail byte of the last character
                ends.append((j + 1, False))
            if c not in WIDENABLE:
                return ends
        j += 1
    ends.append((j, False))
    return ends


def _encode_run(run: str) -> bytes | None:
    last = len(run) - 1
    chars = [_widen(c) if k < last or not (0x40 <= ord(c) <= 0x7E) else c for k, c in enumerate(run)]
    try:
        return "".join(chars).encode("gbk")
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=65536)
def _readings(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(pinyin(ch, style=Style.TONE, heteronym=True)[0])


def _gloss_fits(gloss: str | None, ch: str, prev_trail: bytes, lead: int) -> bool:
    """The site glossed the garbage character (previous trail byte + lost lead byte), or the lost one."""
    if not gloss:
        return True
    if gloss in _readings(ch):
        return True
    garbage = _gbk_char(prev_trail + bytes([lead])) if prev_trail else None
    return garbage is not None and gloss in _readings(garbage)


def _trail_of(ch: str) -> bytes:
    try:
        data = ch.encode("gbk")
    except UnicodeEncodeError:
        return b""
    return data[-1:] if len(data) == 2 else b""


def _chars(leads, trails) -> list[tuple[int, str]]:
    out = []
    for lead in leads:
        for trail in trails:
            ch = _gbk_char(bytes([lead, trail]))
            if ch is not None and not ch.isascii():
                out.append((lead, ch))
    return out


LEADS, TRAILS = range(0x81, 0xFF), range(0x40, 0xFF)


@lru_cache(maxsize=256)
def _with_trail(trail: bytes) -> tuple[tuple[int, str], ...]:
    """Every ``(lead, character)`` whose trail byte is ``trail`` (the lost lead byte's options)."""
    return tuple(_chars(LEADS, trail))


@lru_cache(maxsize=256)
def _with_lead(lead: bytes) -> tuple[str, ...]:
    """Every character whose lead byte is ``lead`` (the options for a lost trail byte)."""
    return tuple(c for _, c in _chars(lead, TRAILS))


class Repairer:
    def __init__(self, model=None):
        self.model = model or default_model()
        self._local_scores: dict[tuple[str, str, str], float] = {}

    def score(self, text: str) -> float:
        return self.model.logprob(t2s(text))

    def fluency(self, text: str) -> float:
        """Mean log-probability per character."""
        return self.score(text) / max(1, len(text))

    def _local(self, a: str, ch: str, b: str) -> float:
        """Cheap score of ``ch`` between ``a`` and ``b`` (bigrams only), to prune candidates."""
        key = (a, ch, b)
        score = self._local_scores.get(key)
        if score is None:
            if len(self._local_scores) >= LOCAL_MEMO:
                self._local_scores.clear()  # memory stays bounded over a long run
            score = self._local_scores[key] = self._local_uncached(a, ch, b)
        return score

    def _local_uncached(self, a: str, ch: str, b: str) -> float:
        m = self.model
        closer = CLOSERS.get(ch)
        a, ch, b = (token_class(_simplified_char(c)) for c in (a or " ", ch, b or " "))
        into = math.log(closer) if closer and a == BOUNDARY else m.log_p(a, ch)   # as CharBigramModel counts it
        return into + m.log_p(ch, b)

    def _top(self, a: str, options: list[str], b: str, k: int = TOP_K) -> list[str]:
        return sorted(options, key=lambda o: self._local(a, o, b), reverse=True)[:k]

    def _candidate(self, text: str, q: int, i: int, end: int, dangling: bool, gloss: str | None):
        """Best repair of the run ``text[i:end]`` (plus a dangling ``?``): (score, repaired, stop)."""
        data = _encode_run(text[i:end])
        if not data or (dangling and len(data) == 1):
            return None       # a character with both bytes lost is beyond recovery
        stop = end + 1 if dangling else end
        left, right = text[max(0, q - CONTEXT):q], text[stop:stop + CONTEXT]
        before, after = left[-1:], right[:1]
        prev_trail = _trail_of(text[q - 1])
        body = _decode(data[1:-1] if dangling else data[1:])
        if body is None:
            return None
        firsts = [c for lead, c in _with_trail(data[:1]) if _gloss_fits(gloss, c, prev_trail, lead)]
        lasts = list(_with_lead(data[-1:])) if dangling else [""]
        if not firsts or not lasts:
            return None
        firsts = self._top(before, firsts, (body + lasts[0])[:1] or after)
        if dangling:
            lasts = self._top((firsts[0] + body)[-1:], lasts, after)
        options = [f + body + t for f in firsts for t in lasts]
        options = [o for o in options if not any(token_class(c) == OTHER or c.isspace() for c in o)]
        if not options:
            return None       # box-drawing, PUA and the like: a decode of garbage, not text
        return max((self.score(left + o + right), o, stop) for o in options)

    def repair_at(self, text: str, q: int) -> Repair | None:
        i, gloss = q + 1, None
        m = GLOSS.match(text, i)
        if m:
            i, gloss = m.end(), m.group(1)
        best = None
        for end, dangling in _run_ends(text, i):
            if end < i or (end == i and not dangling):
                continue
            cand = self._candidate(text, q, i, end, dangling, gloss)
            if cand is None:
                continue
            score, repaired, stop = cand
            window = text[max(0, q - CONTEXT):q], text[stop:stop + CONTEXT]
            gain = score - self.score(window[0] + text[q:stop] + window[1])
            fluency = score / len(window[0] + repaired + window[1])
            if best is None or gain > best[0]:
                best = (gain, fluency, repaired, stop)
        if best is None:
            return None
        gain, fluency, repaired, stop = best
        self.last = (round(gain, 1), round(fluency, 2), repaired)
        if gain < MARGIN or fluency < MIN_FLUENCY:
            return None
        return Repair(q, stop, text[q:stop], repaired, gain)

    def repair(self, text: str) -> tuple[str, list[Repair]]:
        repairs: list[Repair] = []
        pos = 0
        for m in SUSPECT.finditer(text):
            if m.start() < pos:
                continue
            r = self.repair_at(text, m.start())
            if r:
                repairs.append(r)
                pos = r.end
        if not repairs:
            return text, repairs
        out, pos = [], 0
        for r in repairs:
            out += [text[pos:r.start], r.repaired]
            pos = r.end
        out.append(text[pos:])
        return "".join(out), repairs


def looks_damaged(text: str) -> bool:
    """Cheap test: could ``text`` contain a misaligned-GBK run at all?"""
    return "?" in text and SUSPECT.search(text) is not None


def repair_gbk(text: str) -> tuple[str, list[Repair]]:
    """Repair misaligned-GBK runs; returns the text and the repairs made (offsets into the input)."""
    if not looks_damaged(text):
        return text, []
    return _default_repairer().repair(text)


@lru_cache(maxsize=1)
def _default_repairer() -> Repairer:
    """One repairer per process, so its memoized candidate scores serve every document."""
    return Repairer()


def misalign(text: str, index: int, gloss: str | None = None) -> str:
    """Damage ``text`` the way sample 003 is damaged, losing the lead byte of ``text[index]``.

    For tests and benchmarks.  ``gloss`` may be ``"open"`` (``?(pīn)``) or ``"bare"`` (``?pīn)``): the
    pinyin of the garbage character, as a site that glosses rare characters would add it.
    """
    data = text[index:].encode("gbk")
    bounds, pos = set(), 0
    for ch in text[index:]:
        bounds.add(pos)
        pos += len(ch.encode("gbk"))
    run, p = [], 1
    while p < len(data):
        if data[p] < 0x80:
            if p not in bounds:          # an ASCII-range trail byte, read as a character
                run.append(chr(data[p]))
                p += 1
            break
        ch = _gbk_char(data[p:p + 2])
        run.append(ch if ch else "?")
        p += 2 if ch else 1
        if p in bounds and data[p - 1] < 0x80:
            break                        # a lead byte took an ASCII byte as its trail
    narrowed = "".join(_NARROW.get(c, c) for c in run)
    lost = "?"
    if gloss:
        garbage = _gbk_char(text[index - 1].encode("gbk")[-1:] + data[:1])
        if garbage and is_han(garbage):
            reading = sorted(_readings(garbage))[0]
            lost += ("(" if gloss == "open" else "") + reading + ")"
    consumed = 0
    for k, ch in enumerate(text[index:]):
        if consumed >= p:
            return text[:index] + lost + narrowed + text[index + k:]
        consumed += len(ch.encode("gbk"))
    return text[:index] + lost + narrowed
