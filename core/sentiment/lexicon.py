"""The sentiment lexicon: TOML tables of ``term = number`` merged from the bundled file, plugin
files and user files, matched in one Aho-Corasick pass (longest term wins across all tables)."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Tables a lexicon file may hold (see the header of data/sentiment/lexicon.toml).
POLAR = ("positive", "negative", "ahead", "behind", "sanctions")
MODIFIERS = ("negators", "intensifiers", "diminishers")
MARKERS = ("hedges", "contrast", "concession", "rhetorical", "speech", "anaphors", "object_markers", "launch", "passive",
           "patient_markers", "neutral")
# Not cues: weights per kind of target word (jieba part-of-speech flag of a dictionary word).
TARGET_KINDS = "target_kinds"
TABLES = POLAR + MODIFIERS + MARKERS + (TARGET_KINDS,)
# When one term sits in several tables, the first of these wins.
_PRIORITY = {t: i for i, t in enumerate(("neutral", *POLAR, *MODIFIERS, *MARKERS[:-1]))}

DEFAULT_SETTINGS = {
    "carry_forward": 0.6, "carry_backward": 0.35, "anaphor": 0.9, "object_weight": 0.5,
    "compared_weight": 0.8, "implicit_other": 0.5, "before_contrast": 0.6, "question": 0.5,
    "modifier_gap": 3, "anaphor_sentences": 2, "smoothing": 1.0, "threshold": 0.3,
    "min_evidence": 0.15, "max_evidence": 3, "sanction_agent": 0.0,
    "document_share": 0.0, "document_smoothing": 2.0, "main_subject_mentions": 2,
}


class LexiconError(ValueError):
    """A lexicon file that cannot be read or has the wrong shape (the message names the file)."""


def bundled_lexicon() -> Path:
    return Path(str(files("newskit").joinpath("data", "sentiment", "lexicon.toml")))


class Hit(NamedTuple):
    start: int
    end: int
    kind: str
    weight: float


@dataclass
class Lexicon:
    tables: dict[str, dict[str, float]] = field(default_factory=dict)
    settings: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_SETTINGS))
    sources: list[str] = field(default_factory=list)
    _automaton: object = field(default=None, repr=False)
    _meta: list = field(default_factory=list, repr=False)

    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as e:
            raise LexiconError(f"{path}: cannot read sentiment lexicon: {e.strerror or e}") from e
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise LexiconError(f"{path}: invalid sentiment lexicon TOML: {e}") from e
        for table, entries in data.items():
            if table != "settings" and table not in TABLES:
                raise LexiconError(f"{path}: unknown table [{table}]; tables: settings, {', '.join(TABLES)}")
            if not isinstance(entries, dict):
                raise LexiconError(f"{path}: [{table}] must be a table of term = number")
            for term, weight in entries.items():
                if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                    raise LexiconError(f"{path}: [{table}] {term!r} needs a number, got {weight!r}")
                if table == "settings" and term not in DEFAULT_SETTINGS:
                    raise LexiconError(f"{path}: unknown setting {term!r}; settings: {', '.join(DEFAULT_SETTINGS)}")
            (self.settings if table == "settings" else self.tables.setdefault(table, {})).update(entries)
        self.sources.append(str(path))
        self._automaton = None

    def _build(self):
        import ahocorasick_rs

        best: dict[str, tuple[str, float]] = {}
        for table in sorted(self.tables, key=lambda t: -_PRIORITY.get(t, 99)):
            if table == TARGET_KINDS:
                continue
            for term, weight in self.tables[table].items():
                if term.strip():
                    best[term.lower()] = (table, float(weight))
        if not best:
            self._automaton = False
            return False
        keys = sorted(best)  # a fixed order: pattern indexes do not depend on dict or set order
        self._meta = [best[k] for k in keys]
        self._automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        return self._automaton

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping cue hits in ``text``, longest first (neutral terms block what they contain)."""
        automaton = self._automaton if self._automaton is not None else self._build()
        if not automaton:
            return []
        meta, new = self._meta, tuple.__new__
        return [new(Hit, (s, e, *meta[i])) for i, s, e in automaton.find_matches_as_indexes(text.lower())
                if meta[i][0] != "neutral"]  # leftmost-longest, no overlaps


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The bundled lexicon, then each of ``extra`` in order (later files override weights)."""
    lex = Lexicon()
    for path in [bundled_lexicon(), *extra]:
        lex.add_file(path)
    return lex
