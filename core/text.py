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
            _load_prefix_dict(tok)
            for w in sorted(_pending_words):
                tok.add_word(w, freq=2000)
            _pending_words.clear()
            _tokenizer = tok
        return _tokenizer


def _prefix_dict_cache(tok, kind: str = "dict") -> str:
    """Where :func:`_load_prefix_dict` keeps ``tok``'s prefix dictionary (``kind`` "tags": the word-tag
    table, :func:`_import_posseg`): named after jieba's version and the dictionary file's path, size
    and mtime, so an edited or upgraded dictionary is rebuilt."""
    import hashlib

    import jieba

    path = tok.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    st = os.stat(path)
    blob = f"{_DICT_FORMAT}\0{jieba.__version__}\0{path}\0{st.st_size}\0{st.st_mtime_ns}"
    return os.path.join(tok.tmp_dir, f"newskit-jieba-{hashlib.sha256(blob.encode()).hexdigest()[:16]}.{kind}")


_DICT_FORMAT = "1"


def _load_prefix_dict(tok) -> None:
    """Fill ``tok``'s prefix dictionary (``FREQ``, ``total``) as ``tok.initialize()`` would, from a
    cache that loads ~3x faster than jieba's own marshalled dict (~1-1.5 s per process).

    The cache holds the words as one newline-joined string and the counts as an int64 array, both
    marshalled (no pickle: the temp folder may be shared); anything unexpected falls back to jieba."""
    import marshal
    from array import array

    try:
        path = _prefix_dict_cache(tok)
    except OSError:
        path = None
    try:
        with open(path, "rb") as f:
            fmt, words, counts, total = marshal.load(f)
        values = array("q")
        values.frombytes(counts)
        words = words.split("\n")
        if fmt == _DICT_FORMAT and len(words) == len(values):
            tok.FREQ, tok.total, tok.initialized = dict(zip(words, values)), total, True
            return
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        pass
    tok.initialize()
    if path is not None and not any("\n" in w for w in tok.FREQ):
        _save_prefix_dict(tok, path)


def _save_prefix_dict(tok, path: str) -> None:
    from array import array

    _save(path, (_DICT_FORMAT, "\n".join(tok.FREQ), array("q", tok.FREQ.values()).tobytes(), tok.total))


def _save(path: str, value) -> None:
    """Marshal ``value`` to ``path`` atomically; a cache that cannot be written is skipped."""
    import marshal

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".newskit-jieba-")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(value, f)
        os.replace(tmp, path)
    except (OSError, OverflowError, TypeError, ValueError):
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _import_posseg(tok):
    """``jieba.posseg``, imported without its import-time pass over the default dictionary (~0.5-1 s:
    it reads every line for the word-tag table) when that table is cached: the import reads an
    empty dictionary and the cached table is put in place, the same table jieba would have built."""
    import io
    import marshal
    import sys

    import jieba

    if "jieba.posseg" in sys.modules or tok.dictionary != jieba.dt.dictionary:
        import jieba.posseg as posseg

        return posseg
    path = None
    try:
        path = _prefix_dict_cache(tok, "tags")  # the same dictionary file as jieba.dt's
        with open(path, "rb") as f:
            fmt, words, tags = marshal.load(f)
        words, tags = words.split("\n"), tags.split("\n")
        if fmt != _DICT_FORMAT or len(words) != len(tags):
            raise ValueError("stale word-tag cache")
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        import jieba.posseg as posseg

        table = posseg.dt.word_tag_tab
        if path is not None and not any("\n" in w or "\n" in t for w, t in table.items()):
            _save(path, (_DICT_FORMAT, "\n".join(table), "\n".join(table.values())))
        return posseg
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg as posseg
    finally:
        del jieba.dt.get_dict_file
    posseg.dt.word_tag_tab = dict(zip(words, tags))
    return posseg


def warm() -> None:
    """Load the tokenizer and the tagger now if words were registered (an analyzer segments or tags):
    a process about to fork workers loads them once for all of them."""
    if _tokenizer is not None or _pending_words:
        _get()
        _pos_tagger()


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
    """jieba's tagger over our tokenizer.  Importing ``jieba.posseg`` builds the word-tag table of the
    default dictionary (cached: :func:`_import_posseg`); a tagger over the same dictionary reuses a
    copy of it instead of reading the file again."""
    global _pos
    if _pos is None:
        tok = _get()
        posseg = _import_posseg(tok)
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
