"""Cue lexicons as data: TOML tables of ``term = weight``, merged from bundled, plugin and user files.

A lexicon file holds named tables (``[vertical]``, ``[conflict]``, ...).  Files are merged in
order, table by table, so a later file adds terms or overrides a weight; a ``[settings]`` table
holds numbers the analyzer reads.  :class:`CueMatcher` finds every term of chosen tables in a text
with one Aho-Corasick pass.
"""
from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from typing import Iterable, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class LexiconError(ValueError):
    """A lexicon file that cannot be read or has the wrong shape."""


def bundled(*parts: str) -> Path:
    """Path of a data file shipped in ``newskit/data``."""
    return Path(str(files("newskit").joinpath("data", *parts)))


def read_toml(path: str | Path) -> dict:
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise LexiconError(f"{path}: cannot read lexicon: {e.strerror or e}") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise LexiconError(f"{path}: invalid lexicon TOML: {e}") from e


def load_tables(paths: Iterable[str | Path]) -> dict[str, dict]:
    """Merge the tables of ``paths`` in order; errors name the file and the problem."""
    merged: dict[str, dict] = {}
    for path in paths:
        data = read_toml(path)
        for table, entries in data.items():
            if not isinstance(entries, dict):
                raise LexiconError(f"{path}: [{table}] must be a table of term = weight")
            for term, weight in entries.items():
                if table != "settings" and not isinstance(weight, (int, float)):
                    raise LexiconError(f"{path}: [{table}] {term!r} needs a number, got {weight!r}")
            merged.setdefault(table, {}).update(entries)
    return merged


def lexicon_paths(kind: str, default: Path, context, settings: dict) -> list[Path]:
    """The bundled file, then files plugins registered under ``kind``, then the user's ``lexicons``."""
    paths = [default]
    for k, p in getattr(context, "lexicon_files", None) or []:
        if k == kind:
            paths.append(Path(p))
    user = settings.get("lexicons", [])
    if isinstance(user, str):
        user = [user]
    paths.extend(Path(p) for p in user)
    return paths


class Hit(NamedTuple):
    """One cue found in a text (a tuple: cheap to build by the thousand)."""

    start: int
    end: int
    table: str
    term: str
    weight: float


class CueMatcher:
    """All terms of the given tables, matched case-insensitively in one pass (longest match wins).

    The overlapping matches come from ahocorasick-rs in one call (Rust), as (pattern, start, end).
    """

    def __init__(self, tables: dict[str, dict], names: Iterable[str]):
        import ahocorasick_rs

        entries: dict[str, list] = {}
        for name in names:
            for term, weight in (tables.get(name) or {}).items():
                if term:
                    entries.setdefault(term.lower(), []).append((name, term, float(weight)))
        keys = sorted(entries)  # a fixed pattern order: identical results in every process
        self.entries = [entries[k] for k in keys]
        self.empty = not keys
        self.automaton = None if self.empty else ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard)

    def find(self, text: str) -> list[Hit]:
        if self.empty:
            return []
        # (start, -end, pattern): sorting puts the longest of hits that start together first.
        raw = sorted((s, -e, i) for i, s, e in self.automaton.find_matches_as_indexes(text.lower(), overlapping=True))
        hits: list[Hit] = []
        last_end: dict[str, int] = {}
        entries = self.entries
        for s, neg, i in raw:
            e = -neg
            for table, term, weight in entries[i]:
                # Longest match wins among overlapping hits of the same table ("行业大模型" over "行业模型").
                if s >= last_end.get(table, -1):
                    hits.append(Hit(s, e, table, term, weight))
                    last_end[table] = e
        return hits


def fingerprint(base: str, paths: Iterable[Path]) -> str:
    """``base`` (an analyzer's settings fingerprint) extended with the lexicon files' contents."""
    import hashlib

    h = hashlib.sha256(base.encode())
    for p in paths:
        h.update(p.read_bytes() if p.exists() else str(p).encode())
    return h.hexdigest()[:16]


class Patterns:
    """Regexes run over whole texts, each tried only where one of its possible first characters is.

    ``finditer`` per pattern scans every position of the text; most cue patterns start with one of a
    few literal characters (行业|垂直…, 基于…), so one character-class pass finds the places worth a
    ``match``.  Results are exactly ``rx.finditer(text)``'s, pattern by pattern; a pattern whose first
    characters cannot be read off its syntax (a class, a look-behind, a flag) just uses ``finditer``.
    """

    def __init__(self, patterns: Iterable[str]):
        import re

        self.compiled = [re.compile(p) for p in patterns]
        self.firsts = [_first_chars(rx) for rx in self.compiled]
        chars = set().union(*(f for f in self.firsts if f)) if any(self.firsts) else set()
        self.scan = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None

    def finditer(self, text: str) -> Iterable[tuple[int, object]]:
        """``(pattern index, match)`` for every match of every pattern, pattern by pattern."""
        at: dict[str, list[int]] = {}
        if self.scan is not None:
            for m in self.scan.finditer(text):
                at.setdefault(m.group(), []).append(m.start())
        for k, (rx, firsts) in enumerate(zip(self.compiled, self.firsts)):
            if firsts is None:
                for m in rx.finditer(text):
                    yield k, m
                continue
            positions = [p for c in firsts for p in at.get(c, ())]
            if len(firsts) > 1:
                positions.sort()
            end = 0
            for p in positions:
                if p >= end:
                    m = rx.match(text, p)
                    if m is not None:
                        end = m.end()
                        yield k, m


def _first_chars(rx) -> frozenset | None:
    """The characters every match of ``rx`` starts with, or None when they are not plain literals."""
    try:
        from re import _constants as C, _parser as P
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_constants as C
        import sre_parse as P
    if rx.flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_VERBOSE):
        return None
    try:
        return _firsts(list(P.parse(rx.pattern)), C)
    except Exception:  # private parser API changed: fall back to a plain scan
        return None


def _firsts(items, C) -> frozenset | None:
    if not items:
        return None
    op, av = items[0]
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _firsts(list(sub), C)
    if op is C.BRANCH:
        out = set()
        for branch in av[1]:
            f = _firsts(list(branch), C)
            if not f:
                return None
            out |= f
        return frozenset(out)
    if op is C.IN and av and all(o is C.LITERAL for o, _ in av):
        return frozenset(chr(a) for _, a in av)
    return None
