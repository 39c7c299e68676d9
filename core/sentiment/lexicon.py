"""The sentiment lexicon: TOML tables of ``term = number`` merged from the bundled file, plugin
files and user files, matched in one Aho-Corasick pass (longest term wins across all tables)."""
from __future__ import annotations

import re
import sys
from bisect import bisect_left
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
# Not cues: the word right before a mention -> how much of its sentence's tone the party keeps
# (在 X / 于 X name a place or setting, not what the sentence judges).
SETTING = "setting_markers"
UNMATCHED = (TARGET_KINDS, SETTING)
TABLES = POLAR + MODIFIERS + MARKERS + UNMATCHED
# When one term sits in several tables, the first of these wins.
_PRIORITY = {t: i for i, t in enumerate(("neutral", *POLAR, *MODIFIERS, *MARKERS[:-1]))}

DEFAULT_SETTINGS = {
    "carry_forward": 0.6, "carry_backward": 0.35, "anaphor": 0.9, "object_weight": 0.5,
    "compared_weight": 0.8, "implicit_other": 0.5, "before_contrast": 0.6, "question": 0.5,
    "modifier_gap": 3, "anaphor_sentences": 2, "smoothing": 1.0, "tone_only": 1.0, "scoped_tone": 1.0, "threshold": 0.3,
    "min_evidence": 0.15, "max_evidence": 3, "sanction_agent": 0.0,
    "document_share": 0.0, "document_smoothing": 2.0, "main_subject_mentions": 2, "score_line": 0.8,
}


# A match score between two named sides (日本男篮40-64中国男篮, 甲队以3比1战胜乙队): the side before it
# is ahead or behind the side after it.  Not dates, times, ranges of units or percentages.
SCORE_LINE = re.compile(r"(?<![\d.:/\-])(\d{1,3})\s?(?:-|–|比)\s?(\d{1,3})(?![\d.:/%\-年月日号时分秒天岁人个名元万亿倍])")

_SEPARATOR = re.compile("[-–比]")


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
            if table in UNMATCHED:
                continue
            for term, weight in self.tables[table].items():
                if term.strip():
                    best[term.lower()] = (table, float(weight))
        if not best:
            self._automaton = False
            return False
        keys = sorted(best)  # a fixed order: pattern indexes do not depend on dict or set order
        self._meta = [None if best[k][0] == "neutral" else best[k] for k in keys]  # neutral terms only block
        self._automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        return self._automaton

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping cue hits in ``text``, longest first (neutral terms block what they contain)."""
        automaton = self._automaton if self._automaton is not None else self._build()
        if not automaton:
            return []
        meta, new = self._meta, tuple.__new__
        hits = [new(Hit, (s, e) + m) for i, s, e in automaton.find_matches_as_indexes(text.lower())
                if (m := meta[i]) is not None]  # leftmost-longest, no overlaps
        weight = float(self.settings.get("score_line", 0))
        if weight and ("-" in text or "比" in text or "–" in text):
            hits = _with_score_lines(text, hits, weight)
        return hits


def _score_lines(text: str):
    """SCORE_LINE matches, found from the rare separators outward (a plain finditer costs as much as
    the whole cue search)."""
    last = -1
    for sep in _SEPARATOR.finditer(text):
        start = sep.start()
        if start <= last:
            continue
        if start and text[start - 1] == " ":
            start -= 1
        while start and text[start - 1].isdigit() and sep.start() - start < 4:
            start -= 1
        m = SCORE_LINE.match(text, start) if start < sep.start() else None
        if m:
            last = m.end()
            yield m


def _with_score_lines(text: str, hits: list[Hit], weight: float) -> list[Hit]:
    """``hits`` plus an ahead / behind cue for every match score that overlaps no cue."""
    extra, replaced = [], set()
    starts = [h.start for h in hits]
    for m in _score_lines(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a == b:
            continue
        i = bisect_left(starts, m.end())
        if i and hits[i - 1].end > m.start():
            if hits[i - 1].kind != "object_markers" or hits[i - 1].start < m.start():
                continue  # part of a cue (同比 ...)
            replaced.add(i - 1)  # the 比 of 3比1
        extra.append(Hit(m.start(), m.end(), "ahead" if a > b else "behind", weight))
    if not extra:
        return hits
    return sorted([h for k, h in enumerate(hits) if k not in replaced] + extra, key=lambda h: h.start)


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The bundled lexicon, then each of ``extra`` in order (later files override weights)."""
    lex = Lexicon()
    for path in [bundled_lexicon(), *extra]:
        lex.add_file(path)
    return lex
