"""The entity knowledge base: companies, their aliases, products, people and parents, from TOML files.

Bundled files live in ``newskit/data/kb/``; users add files with ``--kb`` or ``knowledge = [...]``
in newskit.toml, and plugins through the ``register_knowledge`` hook.  Later files extend or
override earlier ones entry by entry.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TYPES = ("company", "investor", "media", "research", "government", "organization")


class KnowledgeError(ValueError):
    pass


@dataclass
class Person:
    name: str
    org: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class Entity:
    name: str
    type: str = "company"
    aliases: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    parent: str | None = None
    people: list[Person] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)  # names that need context to count


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as e:
            raise KnowledgeError(f"{path}: cannot read: {e.strerror or e}") from e
        except tomllib.TOMLDecodeError as e:
            raise KnowledgeError(f"{path}: invalid TOML: {e}") from e
        for i, raw in enumerate(data.get("entity", []), 1):
            self._add_entity(raw, f"{path} [[entity]] #{i}")
        self.sources.append(str(path))

    def _add_entity(self, raw: dict, where: str) -> None:
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise KnowledgeError(f"{where}: missing 'name'")
        etype = raw.get("type", "company")
        if etype not in TYPES:
            raise KnowledgeError(f"{where} ({name}): unknown type {etype!r}; one of {', '.join(TYPES)}")
        known = {"name", "type", "aliases", "products", "parent", "people", "ambiguous"}
        extra = set(raw) - known
        if extra:
            raise KnowledgeError(f"{where} ({name}): unknown field {sorted(extra)[0]!r}; fields: {', '.join(sorted(known))}")
        people = []
        for p in raw.get("people", []):
            if not isinstance(p, dict) or "name" not in p:
                raise KnowledgeError(f"{where} ({name}): each person needs a name")
            people.append(Person(p["name"], name, p.get("role", ""), list(p.get("aliases", []))))
        ent = Entity(name, etype, list(raw.get("aliases", [])), list(raw.get("products", [])),
                     raw.get("parent"), people, list(raw.get("ambiguous", [])))
        self.entities[name] = ent
        for p in people:
            self.people[p.name] = p

    def root(self, name: str) -> str:
        """The top-level parent of an entity (subsidiaries roll up)."""
        seen = set()
        while name in self.entities and self.entities[name].parent and name not in seen:
            seen.add(name)
            name = self.entities[name].parent
        return name


def bundled_files() -> list[Path]:
    root = files("newskit") / "data" / "kb"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml"))


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    kb = KnowledgeBase()
    for f in [*bundled_files(), *extra]:
        kb.add_file(f)
    return kb
