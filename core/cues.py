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
