"""Normalization: raw article text -> clean, Simplified, consistently-formed text plus metadata.

``to_document(raw)`` is the single entry point the pipeline uses.
"""
from __future__ import annotations

from ..document import Document, content_hash
from ..readers import RawDoc
from .clean import normalize_text

__all__ = ["normalize_text", "to_document"]


def to_document(raw: RawDoc, reference_date: str | None = None) -> Document:
    result = normalize_text(raw.text, reference_date=reference_date)
    meta = {"title": None, "date": None, "source": None, "author": None, "url": None}
    meta.update({k: v for k, v in result.meta.items() if v})
    meta.update({k: v for k, v in raw.meta.items() if v})  # explicit record fields win
    return Document(
        id=raw.id,
        text=result.text,
        original=raw.text,
        meta=meta,
        hash=content_hash(raw.text),
        removed=result.removed,
    )
