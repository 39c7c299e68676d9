"""Optional SnowNLP opinion per sentence (``[plugins.sentiment] engine = "snownlp"``).

SnowNLP was trained on product reviews and rates most news sentences positive, so its output is
centred on ``center`` (its typical score on news) and scaled before it joins the lexicon's cues.
Imported lazily: ``import snownlp`` alone takes seconds and hundreds of MB.
"""
from __future__ import annotations


def sentence_priors(sentences, weight: float = 0.5, center: float = 0.6) -> dict[int, float]:
    from snownlp import SnowNLP

    out = {}
    for s in sentences:
        p = SnowNLP(s.text).sentiments
        out[s.index] = weight * max(-1.0, min(1.0, (p - center) / (1 - center if p >= center else center)))
    return out
