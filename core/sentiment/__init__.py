"""Target-dependent sentiment for news: lexicons as data, clause-scoped rules, any target.

Used by the ``sentiment`` analyzer (companies from the entities results) and by
``newskit target-sentiment`` (arbitrary target strings).
"""
from .engine import Mention, SentimentEngine, TargetScore, label_for
from .lexicon import Hit, Lexicon, LexiconError, bundled_lexicon, load_lexicon
from .targets import find_mentions, less_specific, surface_forms, target_kind

__all__ = ["Hit", "Lexicon", "LexiconError", "Mention", "SentimentEngine", "TargetScore", "bundled_lexicon",
           "find_mentions", "label_for", "less_specific", "load_lexicon", "surface_forms", "target_kind"]
