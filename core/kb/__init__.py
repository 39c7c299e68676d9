"""The entity knowledge base: organizations, their names, units, products and people, from TOML files.

Bundled files live in ``newskit/data/kb/`` (one per sector); users add files with ``--kb`` or
``knowledge = [...]`` in newskit.toml, and plugins through the ``register_knowledge`` hook.
Files load in that order; an ``[[entity]]`` whose name is already known *extends* the earlier entry
(lists grow, ``type``/``parent`` are replaced).  The format is documented in README "Knowledge base".

Tables a file may hold:

* ``[[entity]]``  name, type, aliases, units, products, parent, people, ambiguous
* ``[[group]]``   name, members: an acronym standing for several organizations (BAT)
* ``[[context]]`` names, reject_before, reject_after: when a surface name is *not* the organization
* ``[linking]``   vocabulary lists for attribution and discovery (titles, suffixes, ...), merged
"""
from __future__ import annotations

import hashlib
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
ENTITY_FIELDS = ("name", "type", "aliases", "units", "products", "parent", "people", "ambiguous", "independent")
PERSON_FIELDS = ("name", "role", "aliases", "since", "until")
GROUP_FIELDS = ("name", "members")
CONTEXT_FIELDS = ("names", "reject_before", "reject_after")
LINKING_LISTS = ("titles", "former_markers", "org_suffixes", "association_suffixes", "suffix_not_followed", "generic_org_words", "org_stop_prefixes",
                 "boundary_chars", "surnames", "name_stop_chars", "support_cues", "credit_markers",
                 "disclaimer_markers", "venue_not_followed", "company_suffixes", "investor_suffixes",
                 "strong_suffixes", "intro_before", "intro_after", "promote_reject_cores",
                 "intro_nouns", "investor_nouns", "intro_after_weak", "descriptor_words", "place_prefixes",
                 "fragment_tails", "category_markers", "short_name_markers", "time_chars",
                 "english_org_suffixes", "english_intro_before", "founder_titles", "venue_places",
                 "suffix_abbreviations", "glued_boundary_chars", "indefinite_prefixes", "descriptive_suffixes",
                 "product_actor_after", "venue_verbs", "venue_platforms")
TOP_LEVEL = ("entity", "group", "context", "linking")


class KnowledgeError(ValueError):
    """A knowledge-base file is unreadable or malformed; the message names the file and entry."""


@dataclass
class Person:
    name: str
    org: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""

    @property
    def current(self) -> bool:
        return not self.until


@dataclass
class Entity:
    name: str
    type: str = "company"
    aliases: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)      # divisions / subsidiaries named inline
    products: list[str] = field(default_factory=list)
    parent: str | None = None
    people: list[Person] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)  # names that count only with supporting context
    independent: bool = False   # a subsidiary reported under its own name (极氪, 深度求索); parent is information
    source: str = ""

    def names(self) -> list[str]:
        return [self.name, *self.aliases, *self.units, *self.products]

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": self.aliases, "units": self.units,
                "products": self.products, "parent": self.parent, "ambiguous": self.ambiguous,
                "independent": self.independent,
                "people": [{"name": p.name, "role": p.role, "since": p.since or None, "until": p.until or None}
                           for p in self.people],
                "source": self.source}


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    rejects: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # name -> (before, after)
    linking: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in LINKING_LISTS})
    sources: list[str] = field(default_factory=list)
    _digest: "hashlib._Hash" = field(default_factory=hashlib.sha256, repr=False)

    # -- loading -------------------------------------------------------------
    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        try:
            blob = path.read_bytes()
        except OSError as e:
            raise KnowledgeError(f"{path}: cannot read: {e.strerror or e}") from e
        try:
            data = tomllib.loads(blob.decode("utf-8"))
        except UnicodeDecodeError as e:
            raise KnowledgeError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
        except tomllib.TOMLDecodeError as e:
            raise KnowledgeError(f"{path}: invalid TOML: {e}") from e
        self.add_data(data, str(path))
        self._digest.update(path.name.encode() + b"\0" + blob)
        self.sources.append(str(path))

    def add_data(self, data: dict, where: str) -> None:
        extra = [k for k in data if k not in TOP_LEVEL]
        if extra:
            raise KnowledgeError(f"{where}: unknown table {extra[0]!r}; expected {', '.join(TOP_LEVEL)}")
        seen: set[str] = set()
        for i, raw in enumerate(_table_list(data, "entity", where), 1):
            ent = _parse_entity(raw, f"{where} [[entity]] #{i}")
            if ent.name in seen:
                raise KnowledgeError(f"{where} [[entity]] #{i} ({ent.name}): defined twice in this file")
            seen.add(ent.name)
            ent.source = where
            self._merge(ent)
        for i, raw in enumerate(_table_list(data, "group", where), 1):
            name, members = _parse_group(raw, f"{where} [[group]] #{i}")
            self.groups[name] = members
        for i, raw in enumerate(_table_list(data, "context", where), 1):
            here = f"{where} [[context]] #{i}"
            _check_fields(raw, CONTEXT_FIELDS, here, raw.get("names"))
            names = _str_list(raw, "names", here, required=True)
            before, after = _str_list(raw, "reject_before", here), _str_list(raw, "reject_after", here)
            for n in names:
                b, a = self.rejects.setdefault(n.lower(), ([], []))
                b.extend(before)
                a.extend(after)
        linking = data.get("linking", {})
        if not isinstance(linking, dict):
            raise KnowledgeError(f"{where}: [linking] must be a table")
        for key in linking:
            if key not in LINKING_LISTS:
                raise KnowledgeError(f"{where} [linking]: unknown list {key!r}; lists: {', '.join(LINKING_LISTS)}")
            self.linking[key].extend(_str_list(linking, key, f"{where} [linking]"))

    def _merge(self, ent: Entity) -> None:
        old = self.entities.get(ent.name)
        if old is None:
            self.entities[ent.name] = ent
            return
        for attr in ("aliases", "units", "products", "ambiguous"):
            getattr(old, attr).extend(n for n in getattr(ent, attr) if n not in getattr(old, attr))
        old.people.extend(ent.people)
        old.parent = ent.parent or old.parent
        old.independent = ent.independent or old.independent
        if ent.type != "company" or old.type == "company":
            old.type = ent.type

    # -- queries -------------------------------------------------------------
    def root(self, name: str) -> str:
        """The top-level parent of an entity: divisions and subsidiaries roll up.  Stay themselves: entries
        marked ``independent`` (separately listed or run, 极氪, 阅文集团) and an arm of another type than its
        parent (腾讯网 is media, 联想创投 an investor: they act under their own name)."""
        seen = set()
        while name in self.entities and self.entities[name].parent and not self.entities[name].independent \
                and name not in seen:
            seen.add(name)
            ent, parent = self.entities[name], self.entities[name].parent
            if ent.type in ("media", "investor") and self.entities.get(parent, Entity(parent)).type != ent.type:
                break
            name = parent
        return name

    def people(self) -> dict[str, list[Person]]:
        """Person name (and alias) -> affiliations, current and most recent first."""
        out: dict[str, list[Person]] = {}
        for ent in self.entities.values():
            for p in ent.people:
                for n in [p.name, *p.aliases]:
                    out.setdefault(n, []).append(p)
        for lst in out.values():
            lst.sort(key=lambda p: (not p.current, _negate(p.since)))
        return out

    def lookup(self, name: str) -> tuple[Entity, str] | None:
        """The entity a surface name links to, and how (name, alias, unit, product, person)."""
        key = name.strip().lower()
        for ent in self.entities.values():
            for kind, names in (("name", [ent.name]), ("alias", ent.aliases), ("unit", ent.units),
                                ("product", ent.products)):
                if any(n.lower() == key for n in names):
                    return ent, kind
        for ent in self.entities.values():
            if any(p.name.lower() == key or key in (a.lower() for a in p.aliases) for p in ent.people):
                return ent, "person"
        return None

    def problems(self) -> list[str]:
        """Cross-entry problems: unknown parents or group members, one name claimed by two entities
        (allowed only when both list it as ``ambiguous``)."""
        out = []
        for ent in self.entities.values():
            if ent.parent and ent.parent not in self.entities:
                out.append(f"{ent.source} ({ent.name}): parent {ent.parent!r} is not a known entity")
        for g, members in self.groups.items():
            for m in members:
                if m not in self.entities:
                    out.append(f"group {g}: member {m!r} is not a known entity")
        owner: dict[str, Entity] = {}
        for ent in self.entities.values():
            for n in ent.names():
                other = owner.setdefault(n.lower(), ent)
                if other is not ent and not (n in ent.ambiguous and n in other.ambiguous):
                    out.append(f"{ent.source} ({ent.name}): name {n!r} also belongs to {other.name}")
        return out

    def fingerprint(self) -> str:
        return self._digest.hexdigest()[:16]


def _negate(since: str) -> str:
    # Sort key putting later 'since' dates first; missing dates last.
    return "".join(chr(0x10FFFF - ord(c)) for c in since) if since else "\U0010ffff"


def _table_list(data: dict, key: str, where: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise KnowledgeError(f"{where}: '{key}' must be an array of tables ([[{key}]])")
    return value


def _check_fields(raw: dict, known: tuple, where: str, label=None) -> None:
    extra = [k for k in raw if k not in known]
    if extra:
        tag = f" ({label})" if label else ""
        raise KnowledgeError(f"{where}{tag}: unknown field {extra[0]!r}; fields: {', '.join(known)}")


def _str_list(raw: dict, key: str, where: str, required: bool = False) -> list[str]:
    value = raw.get(key)
    if value is None:
        if required:
            raise KnowledgeError(f"{where}: missing '{key}'")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]


def _parse_entity(raw: dict, where: str) -> Entity:
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeError(f"{where}: missing 'name'")
    name = name.strip()
    where_n = f"{where} ({name})"
    _check_fields(raw, ENTITY_FIELDS, where, name)
    etype = raw.get("type", "company")
    if etype not in TYPES:
        raise KnowledgeError(f"{where_n}: unknown type {etype!r}; one of {', '.join(TYPES)}")
    parent = raw.get("parent")
    if parent is not None and (not isinstance(parent, str) or not parent.strip()):
        raise KnowledgeError(f"{where_n}: 'parent' must be an entity name")
    people_raw = raw.get("people", [])
    if not isinstance(people_raw, list):
        raise KnowledgeError(f"{where_n}: 'people' must be a list of {{ name = ..., role = ... }}")
    people = []
    for j, p in enumerate(people_raw, 1):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str) or not p["name"].strip():
            raise KnowledgeError(f"{where_n}: person #{j} needs a name")
        _check_fields(p, PERSON_FIELDS, f"{where_n} person #{j}", p["name"])
        dates = {k: str(p.get(k, "")) for k in ("since", "until")}
        people.append(Person(p["name"].strip(), name, str(p.get("role", "")),
                             _str_list(p, "aliases", f"{where_n} person #{j}"), **dates))
    independent = raw.get("independent", False)
    if not isinstance(independent, bool):
        raise KnowledgeError(f"{where_n}: 'independent' must be true or false")
    ent = Entity(name, etype, _str_list(raw, "aliases", where_n), _str_list(raw, "units", where_n),
                 _str_list(raw, "products", where_n), parent.strip() if parent else None, people,
                 _str_list(raw, "ambiguous", where_n), independent)
    unknown_amb = [a for a in ent.ambiguous if a not in ent.names()]
    if unknown_amb:
        raise KnowledgeError(f"{where_n}: ambiguous name {unknown_amb[0]!r} is not one of its names")
    return ent


def _parse_group(raw: dict, where: str) -> tuple[str, list[str]]:
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeError(f"{where}: missing 'name'")
    _check_fields(raw, GROUP_FIELDS, where, name)
    members = _str_list(raw, "members", f"{where} ({name})", required=True)
    return name.strip(), members


def bundled_files() -> list[Path]:
    root = files("newskit") / "data" / "kb"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml"))


def files_digest(extra: Iterable[str | Path] = (), seed: str = "") -> str:
    """A digest of the bundled and ``extra`` knowledge-base files' contents (cheap: no parsing)."""
    h = hashlib.sha256(seed.encode())
    for f in [*bundled_files(), *extra]:
        path = Path(f)
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError as e:
            h.update(f"{path}: {e}".encode())
    return h.hexdigest()[:16]


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    kb = KnowledgeBase()
    for f in [*bundled_files(), *extra]:
        kb.add_file(f)
    return kb
