"""Finding arbitrary targets (a company, a country, a person) in a text."""
from __future__ import annotations

from functools import lru_cache

from .engine import Mention


@lru_cache(maxsize=1)
def _dictionary_flags() -> dict[str, str]:
    """Part-of-speech flag of every word in jieba's bundled dictionary (``word freq flag`` lines)."""
    import os

    import jieba

    flags = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                flags[parts[0]] = parts[2]
    return flags


def target_kind(target: str, kb=None) -> str | None:
    """jieba's part-of-speech flag when ``target`` is an ordinary dictionary word (ns place, n common
    noun, t time ...), else None.  Places, things and times are rarely what a news opinion is about;
    a company the knowledge base knows is a party whatever the dictionary says (京东 is not a place)."""
    if kb is not None and _kb_index(kb).get(target.lower()):
        return None
    return _dictionary_flags().get(target)


def _kb_index(kb) -> dict[str, str]:
    index = getattr(kb, "_sentiment_name_index", None)
    if index is None:
        index = {}
        for ent in kb.entities.values():
            for n in (ent.name, *ent.aliases):
                index.setdefault(n.lower(), ent.name)
        try:
            kb._sentiment_name_index = index
        except AttributeError:
            pass
    return index


def surface_forms(targets: list[str], kb=None) -> dict[str, set[str]]:
    """Each target's own string, plus the knowledge base's names for it when it is a known company."""
    forms = {t: {t} for t in targets if t}
    if kb is None:
        return forms
    index = _kb_index(kb)
    for t in forms:
        name = index.get(t.lower())
        if name:
            ent = kb.entities[name]
            forms[t].update(n for n in (ent.name, *ent.aliases) if len(n) >= 2)
    return forms


def find_mentions(text: str, targets: list[str], kb=None) -> list[Mention]:
    """Every occurrence of every target (case-insensitive); an exact target string wins over
    another target's alias, and overlaps are resolved later (longest wins)."""
    lowered = text.lower()
    owner: dict[str, str] = {}
    for target, names in surface_forms(targets, kb).items():
        for n in names:
            key = n.lower()
            if key not in owner or key == target.lower():
                owner[key] = target
    out = []
    for key, target in owner.items():
        i = lowered.find(key)
        while i >= 0:
            out.append(Mention(i, i + len(key), target))
            i = lowered.find(key, i + len(key))
    return out


def less_specific(targets: list[str], mentions: list[Mention]) -> set[str]:
    """Targets whose name is part of a longer target that the text names (众车 beside 众车在线):
    news about the longer, more specific name is about that party."""
    present = {m.target for m in mentions}
    return {a for a in targets for b in present if a != b and a and a in b}
