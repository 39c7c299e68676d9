"""Normalization: raw article text -> clean, Simplified, consistently-formed text plus metadata.

``to_document(raw, reference_date)`` is the single entry point the pipeline uses.  Stages (each
its own module): ``gbk_repair`` (misaligned GBK), ``pinyin`` (glosses), ``convert``
(Traditional -> Simplified), ``boilerplate`` (rules in ``data/normalize/boilerplate.toml``),
``metadata``; ``clean.normalize_text`` runs them in order.
"""
from __future__ import annotations

from ..document import Document, content_hash
from ..readers import RawDoc
from .clean import NormalizedText, normalize_text

__all__ = ["NORMALIZE_VERSION", "NormalizedText", "normalize_text", "to_document"]

# Bump when normalization output changes, so cached results are recomputed.
NORMALIZE_VERSION = 2


def to_document(raw: RawDoc, reference_date: str | None = None) -> Document:
    result = normalize_text(raw.text, reference_date=reference_date)
    meta = dict(result.meta)
    meta.update({k: v for k, v in raw.meta.items() if v})  # explicit record fields win
    return Document(
        id=raw.id,
        text=result.text,
        original=raw.text,
        meta=meta,
        hash=content_hash(raw.text),
        removed=result.removed,
    )
