"""People and the organization the article gives them.

Attribution patterns (titles, former markers, surnames come from the ``[linking]`` data):

* ``ORG [unit words] TITLE[、TITLE] NAME`` -- 百度副总裁肖阳, 中科深智创始人、CEO成维忠, 原腾讯副总裁吴军
* ``NAME 创立的/创办的 ... ORG``           -- 王小川创立的百川智能

A name after a title is 2-3 Han characters starting with a known surname; the article's own
attributions win over the knowledge base, which fills in people the article names bare.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ORG_GAP = 8          # unit words allowed between an organization and a title (搜索平台, 云智能 ...)
FOUNDED = re.compile(r"(?:联合)?(?:创立|创办|创建|打造|成立|带领|领导)的")
_PUNCT_GAP = re.compile(r"[\uff0c\u3002\uff1b\uff1a\uff01\uff1f,;:!?\uff08\uff09()\u300a\u300b\n]")  # both widths


@dataclass
class Affiliation:
    organization: str
    role: str
    source: str          # text | kb
    former: bool = False

    def as_dict(self) -> dict:
        return {"organization": self.organization, "role": self.role, "source": self.source, "former": self.former}


@dataclass
class PersonFound:
    name: str
    affiliations: list[Affiliation] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class Attributor:
    def __init__(self, kb, people: dict):
        self.kb = kb
        self.people = people
        link = kb.linking
        self.surnames = frozenset("".join(link["surnames"]))
        self.name_stop = frozenset("".join(link["name_stop_chars"]))
        self.former = tuple(link["former_markers"])

    def attribute(self, text: str, links, unknown) -> list[dict]:
        found: dict[str, PersonFound] = {}
        orgs = sorted([(m.start, m.end, m.root) for m in links.mentions if not m.credit]
                      + [(s, e, u.name) for u in unknown for s, e in u.spans])
        persons_at = {m.start: m for m in links.persons}
        for run in _title_runs(text, links.titles):
            start, end, role = run
            name = self._name_after(text, end, persons_at)
            if not name:
                continue
            org, org_start = _org_before(text, orgs, start)
            former = self._former(text, org_start if org else start)
            p = found.setdefault(name, PersonFound(name))
            if org:
                p.affiliations.append(Affiliation(org, role, "text", former))
            elif name not in self.people:
                p.affiliations.append(Affiliation("", role, "text", former))
        for m in links.persons:
            found.setdefault(m.target, PersonFound(m.target))
        self._founders(text, found, links.mentions)
        named = {m.root for m in links.mentions if not m.credit}
        for p in found.values():
            # Of several current roles in the knowledge base, the one at an organization this article names
            # comes first (雷军 with 小米 in the text: 小米, not 金山软件).
            kb_roles = sorted(self.people.get(p.name, []), key=lambda a: self.kb.root(a.org) not in named)
            for a in kb_roles:
                p.affiliations.append(Affiliation(self.kb.root(a.org), a.role, "kb", not a.current))
            p.spans = _occurrences(text, p.name)
        return [_as_result(p) for p in sorted(found.values(), key=lambda p: (-len(p.spans), p.name)) if p.spans]

    def _name_after(self, text: str, pos: int, persons_at: dict) -> str | None:
        while pos < len(text) and text[pos] in " \u3000":
            pos += 1
        if pos in persons_at:
            return persons_at[pos].target
        chunk = text[pos:pos + 3]
        if len(chunk) < 2 or not all(_han(c) for c in chunk[:2]) or chunk[0] not in self.surnames:
            return None
        two = chunk[:2]
        if len(chunk) < 3 or not _han(chunk[2]) or chunk[2] in self.name_stop:
            return two
        three = chunk
        # A third character belongs to the name when the three-character form recurs at least as
        # often as the two-character one does on its own.
        n3 = text.count(three)
        n2 = text.count(two) - n3
        return three if n3 >= 2 or n2 <= 0 else two

    def _former(self, text: str, pos: int) -> bool:
        return any(text.endswith(f, 0, pos) for f in self.former)

    def _founders(self, text: str, found: dict, mentions) -> None:
        """NAME创立的 ... ORG: the founder's organization, for names already known as people."""
        by_start = sorted((m.start, m.root) for m in mentions if not m.credit)
        for m in FOUNDED.finditer(text):
            before = text[max(0, m.start() - 4):m.start()]
            name = next((n for n in found if before.endswith(n)), None)
            if not name:
                continue
            org = next((r for s, r in by_start if m.end() <= s <= m.end() + 12
                        and not _PUNCT_GAP.search(text, m.end(), s)), None)
            if org:
                found[name].affiliations.append(Affiliation(org, "创始人", "text"))


def _occurrences(text: str, name: str) -> list[list[int]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append([i, i + len(name)])
        i = text.find(name, i + len(name))
    return out


def _title_runs(text: str, titles) -> list[tuple[int, int, str]]:
    """Consecutive titles (创始人、CEO / 副总裁兼CTO) merged into one run with its role text."""
    runs: list[list] = []
    for t in titles:
        if runs and 0 <= t.start - runs[-1][1] <= 2 and all(c in "、,/和兼及 " for c in text[runs[-1][1]:t.start]):
            runs[-1][1] = t.end
        else:
            runs.append([t.start, t.end])
    return [(s, e, text[s:e]) for s, e in runs]


def _org_before(text: str, orgs: list, title_start: int) -> tuple[str | None, int]:
    best = None
    for s, e, name in orgs:
        if e > title_start:
            break
        best = (s, e, name)
    if best is None:
        return None, title_start
    s, e, name = best
    gap = text[e:title_start]
    if len(gap) > ORG_GAP or _PUNCT_GAP.search(gap):
        return None, title_start
    return name, s


def _as_result(p: PersonFound) -> dict:
    text_aff = [a for a in p.affiliations if a.source == "text" and a.organization]
    kb_aff = [a for a in p.affiliations if a.source == "kb"]
    primary = _primary(text_aff, kb_aff)
    seen, affs = set(), []
    for a in p.affiliations:
        key = (a.organization, a.source)
        if a.organization and key not in seen:
            seen.add(key)
            affs.append(a.as_dict())
    role = primary.role if primary else next((a.role for a in p.affiliations if a.role), "")
    return {"name": p.name, "organization": primary.organization if primary else None, "role": role,
            "mentions": len(p.spans), "spans": p.spans,
            "source": primary.source if primary else "text", "affiliations": affs}


def _primary(text_aff: list[Affiliation], kb_aff: list[Affiliation]) -> Affiliation | None:
    """The article's current attribution wins; among several, the one the KB agrees with; a former
    role in the text yields to the KB's current one."""
    current = [a for a in text_aff if not a.former]
    kb_current = [a for a in kb_aff if not a.former]
    if current:
        for k in kb_current:
            for a in current:
                if a.organization == k.organization:
                    return a
        return current[0]
    if kb_current:
        return kb_current[0]
    return (text_aff or kb_aff or [None])[0]
