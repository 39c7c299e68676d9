"""The document model: normalized text, its structure with offsets, and per-analyzer results."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, Mapping

# A sentence ends at 。!?; (full or half width) or an ellipsis, plus any closing quotes/brackets.
# Full-width forms are written as escapes so that no editor or tool can fold them away again.
_SENT_END = re.compile(r"(?:[\u3002\uff01\uff1f\uff1b!?;]+|\u2026{1,2}|\.{3,6})[\u201d\u2019\u300d\u300f\uff09)\u300b\]\"']*")


@dataclass(frozen=True)
class Span:
    """A stretch of ``Document.text``: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    index: int = 0
    paragraph: int = 0

    def evidence(self, doc_id: str) -> dict:
        """The JSON form every analyzer uses for evidence."""
        return {"doc": doc_id, "sentence": self.index, "start": self.start, "end": self.end, "text": self.text}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_paragraphs(text: str) -> list[Span]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
    return spans


def split_sentences(text: str, paragraphs: list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_i, p in enumerate(paragraphs):
        pos = p.start
        for m in _SENT_END.finditer(text, p.start, p.end):
            _add_sentence(out, text, pos, m.end(), p_i)
            pos = m.end()
        _add_sentence(out, text, pos, p.end, p_i)
    return out


def _add_sentence(out: list, text: str, s: int, e: int, p_i: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e], index=len(out), paragraph=p_i))


@dataclass
class Document:
    """One article after normalization.

    ``text`` is the normalized text that every offset refers to; ``original`` is what was read.
    ``results`` is read-only for analyzers: the pipeline stores each analyzer's return value
    under its name (see :meth:`set_result`), so no analyzer can overwrite another's.
    """

    id: str
    text: str
    original: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    hash: str = ""
    removed: list[dict] = field(default_factory=list)  # boilerplate taken out of the text
    _results: dict[str, Any] = field(default_factory=dict, repr=False)
    errors: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.original or self.text)

    @property
    def results(self) -> Mapping[str, Any]:
        return MappingProxyType(self._results)

    def set_result(self, analyzer: str, value: Any) -> None:
        self._results[analyzer] = value

    @cached_property
    def paragraphs(self) -> list[Span]:
        return split_paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.paragraphs)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` (binary search)."""
        sents = self.sentences
        lo, hi = 0, len(sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = sents[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    @cached_property
    def tokens(self) -> list[Span]:
        """Words with offsets, from jieba (loaded on first use)."""
        from .text import tokenize

        return tokenize(self.text)

    def to_record(self) -> dict:
        """The results.json form of this document."""
        rec = {"id": self.id, "hash": self.hash, "meta": self.meta, "results": dict(self._results)}
        if self.errors:
            rec["errors"] = dict(self.errors)
        return rec
