"""Cue lexicons as data: TOML tables of ``term = weight``, merged from bundled, plugin and user files.

A lexicon file holds named tables (``[vertical]``, ``[conflict]``, ...).  Files are merged in
order, table by table, so a later file adds terms or overrides a weight; a ``[settings]`` table
holds numbers the analyzer reads.  :class:`CueMatcher` finds every term of chosen tables in a text
with one Aho-Corasick pass.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Iterable

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


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    table: str
    term: str
    weight: float


class CueMatcher:
    """All terms of the given tables, matched case-insensitively in one pass (longest match wins)."""

    def __init__(self, tables: dict[str, dict], names: Iterable[str]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list] = {}
        for name in names:
            for term, weight in (tables.get(name) or {}).items():
                if term:
                    entries.setdefault(term.lower(), []).append((name, term, float(weight)))
        for key, value in entries.items():
            self.automaton.add_word(key, (len(key), value))
        self.empty = not entries
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        if self.empty:
            return []
        raw = []
        for end, (length, entries) in self.automaton.iter(text.lower()):
            raw.append((end + 1 - length, end + 1, entries))
        # Longest match wins among overlapping hits of the same table ("行业大模型" over "行业模型").
        raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        hits: list[Hit] = []
        last_end: dict[str, int] = {}
        for s, e, entries in raw:
            for table, term, weight in entries:
                if s >= last_end.get(table, -1):
                    hits.append(Hit(s, e, table, term, weight))
                    last_end[table] = e
        hits.sort(key=lambda h: h.start)
        return hits


def fingerprint(base: str, paths: Iterable[Path]) -> str:
    """``base`` (an analyzer's settings fingerprint) extended with the lexicon files' contents."""
    import hashlib

    h = hashlib.sha256(base.encode())
    for p in paths:
        h.update(p.read_bytes() if p.exists() else str(p).encode())
    return h.hexdigest()[:16]
