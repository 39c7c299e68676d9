"""Segmentation shared by all analyzers: one jieba tokenizer per process, extendable with user words."""
from __future__ import annotations

import os
import tempfile
import threading
from typing import Iterable

_lock = threading.Lock()
_tokenizer = None
_pending_words: set[str] = set()


def add_words(words: Iterable[str]) -> None:
    """Keep ``words`` whole when segmenting (company, product and person names)."""
    words = [w for w in words if w and not w.isascii()]
    _pos_memo.clear()  # segmentation, hence tagging, may change
    with _lock:
        if _tokenizer is None:
            _pending_words.update(words)
            return
    for w in words:
        _tokenizer.add_word(w, freq=2000)


def _get():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = os.environ.get("NEWSKIT_CACHE_DIR") or tempfile.gettempdir()
            for w in sorted(_pending_words):
                tok.add_word(w, freq=2000)
            _pending_words.clear()
            _tokenizer = tok
        return _tokenizer


def tokenize(text: str):
    from .document import Span

    return [Span(s, e, w) for w, s, e in _get().tokenize(text, HMM=False)]


def cut(text: str) -> list[str]:
    return _get().lcut(text, HMM=False)


def word_frequency(word: str) -> int:
    """The word's count in the tokenizer's dictionary (0 when it is not a dictionary word)."""
    return _get().FREQ.get(word, 0)


_pos = None
_pos_memo: dict[str, tuple] = {}


def _pos_tagger():
    """jieba's tagger over our tokenizer.  Importing ``jieba.posseg`` already reads the word-tag
    table of the default dictionary (~0.7 s); a tagger over the same dictionary reuses a copy of it
    instead of reading the file again."""
    global _pos
    if _pos is None:
        import jieba.posseg as posseg

        tok = _get()
        default = posseg.dt
        if default.tokenizer.dictionary == tok.dictionary:
            tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
            tagger.tokenizer = tok
            tagger.word_tag_tab = dict(default.word_tag_tab)
        else:
            tagger = posseg.POSTokenizer(tok)
        _pos = tagger
    return _pos


def pos_tags(text: str) -> list[tuple[str, str]]:
    """``(word, part-of-speech)`` pairs from jieba's tagger (slow: use on short strings only).

    Memoized per string until the next :func:`add_words` (names recur across documents)."""
    tags = _pos_memo.get(text)
    if tags is None:
        if len(_pos_memo) >= 100_000:
            _pos_memo.clear()
        tags = _pos_memo[text] = tuple((p.word, p.flag) for p in _pos_tagger().cut(text, HMM=False))
    return list(tags)
