"""Entity linking: find every name the knowledge base knows in a text, decide which ones count.

One Aho-Corasick pass (ahocorasick-rs, leftmost-longest match, ASCII names on word boundaries, short ASCII names case-exact)
finds organization, product, person, acronym and title names.  Then, all driven by data:

* ``[[context]]`` reject rules drop readings such as 小米粥 or 海纳百川;
* names listed as ``ambiguous`` count only with support: the same organization named unambiguously
  elsewhere or through two different ambiguous names, another organization close by (a list), or a
  company cue word close by;
* mentions inside source/credit phrases (来源:..., 图片来源|..., disclaimers) are not counted;
* an organization named only as a venue ("在B站上", "京东上售价") is reported apart from companies;
* media (type ``media``) go to their own list.

People come from the knowledge base and from the article's own attributions (ORG + title + NAME,
NAME + 创立的 + ORG), which win over the knowledge base.  Unknown organizations are proposed by
:mod:`newskit.kb.discovery`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from . import KnowledgeBase
from .discovery import Discoverer, Unknown, taken_mask
from .people import Attributor
from .promote import Promoter
from .introduced import IntroducedOrganizations
from .titled import TitledOrganizations

_WORDCHAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
SUPPORT_WINDOW = 12
VENUE_REACH = 25        # how far back a venue's 在 may open its clause (在A、B和X的讨论区)


@dataclass(frozen=True)
class Surface:
    """One name in the automaton and what it stands for."""

    spellings: tuple[str, ...]      # original spellings (for case-exact ASCII names)
    kind: str                       # org | person | group | title
    targets: tuple[str, ...]        # entity names (org: one; group: members; person: the name)
    via: str = "name"               # name | alias | unit | product
    ambiguous: bool = False
    exact_case: bool = False
    ascii: bool = False


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    kind: str
    target: str                     # direct entity (or person) name
    root: str = ""                  # organization it rolls up to
    via: str = "name"
    ambiguous: bool = False
    credit: bool = False
    venue: bool = False
    group: str = ""


@dataclass
class Links:
    text: str
    mentions: list[Mention] = field(default_factory=list)    # accepted organization mentions
    persons: list[Mention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)


class Linker:
    def __init__(self, kb: KnowledgeBase):
        import ahocorasick_rs

        self.kb = kb
        surfaces: dict[str, Surface] = {}

        def add(name: str, surface: Surface) -> None:
            key = _lower(name)
            old = surfaces.get(key)
            if old is not None:
                if old.kind == surface.kind and old.targets == surface.targets:
                    surface = Surface(tuple(dict.fromkeys(old.spellings + surface.spellings)), old.kind, old.targets,
                                      old.via, old.ambiguous or surface.ambiguous, old.exact_case, old.ascii)
                elif _rank(old) <= _rank(surface):
                    return
            surfaces[key] = surface

        for ent in kb.entities.values():
            amb = set(ent.ambiguous)
            own = [a.lower() for a in (ent.name, *ent.aliases) if len(a) >= 2 and a not in amb]
            for via, names in (("name", [ent.name]), ("alias", ent.aliases), ("unit", ent.units),
                               ("product", ent.products)):
                for n in names:
                    # 腾讯混元, 商汤日日新: a product whose name names its company counts as a name
                    kind = "named_product" if via == "product" and n.lower().startswith(tuple(own)) else via
                    is_ascii = n.isascii()
                    add(n, Surface((n,), "org", (ent.name,), kind, n in amb, is_ascii and (len(n) <= 4 or n in amb), is_ascii))
        for name, members in kb.groups.items():
            add(name, Surface((name,), "group", tuple(members), "group", False, name.isascii(), name.isascii()))
        self.people = kb.people()
        for name in self.people:
            add(name, Surface((name,), "person", (name,), "name", False, name.isascii(), name.isascii()))
        for t in kb.linking["titles"]:
            add(t, Surface((t,), "title", (t,), "title", False, False, t.isascii()))
        self.keys = list(surfaces)
        self.values = [surfaces[k] for k in self.keys]
        self.automaton = ahocorasick_rs.AhoCorasick(self.keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.surface_names = [s.spellings[0] for s in surfaces.values() if s.kind != "title"]
        self.cues = tuple(kb.linking["support_cues"])
        self.actor_after = tuple(kb.linking["product_actor_after"])
        self.venue_not_followed = frozenset("".join(kb.linking["venue_not_followed"]))
        places = "|".join(map(re.escape, sorted(set(kb.linking["venue_places"]), key=len, reverse=True)))
        self.venue_place_re = re.compile("的?(?:" + places + ")") if places else None
        verbs = "|".join(map(re.escape, sorted(set(kb.linking.get("venue_verbs", [])), key=len, reverse=True)))
        self.venue_verb_re = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + verbs + ")") if verbs else None
        self.venue_platforms = frozenset(kb.linking.get("venue_platforms", []))
        self.rejects = kb.rejects
        self.credit_re = _zone_regex(kb.linking["credit_markers"], r"[^\s\uff0c\u3002\uff1b\uff01\uff1f,;!?\u3001]{1,25}")
        self.disclaimer_re = _line_regex(kb.linking["disclaimer_markers"])
        self.suffix_pairs = frozenset(x for x in kb.linking["org_suffixes"] if len(x) == 2)
        self.boundary = frozenset("".join(kb.linking["boundary_chars"]))
        self.discoverer = Discoverer(kb.linking)
        self.promoter = Promoter(kb.linking)
        self.titled = TitledOrganizations(kb.linking, self.discoverer)
        self.introduced = IntroducedOrganizations(kb.linking, self.discoverer)
        self.attributor = Attributor(kb, self.people)

    # -- the pass over the text -------------------------------------------------
    def find(self, text: str) -> Links:
        lowered = _lower(text)
        zones = self._credit_zones(text)
        links = Links(text)
        candidates: list[Mention] = []
        n = len(text)
        values = self.values
        for idx, start, end in self.automaton.find_matches_as_indexes(lowered):
            s = values[idx]
            surface = text[start:end]
            if s.ascii and not _ascii_ok(text, start, end, n):
                continue
            if s.exact_case and surface not in s.spellings:
                continue
            if self._rejected(text, lowered[start:end], start, end):
                continue
            if s.kind == "org" and not s.ascii and self._inside_unknown(text, start, end):
                continue
            if s.kind == "title":
                links.titles.append(Mention(start, end, surface, "title", s.targets[0]))
                continue
            if s.kind == "person":
                links.persons.append(Mention(start, end, surface, "person", s.targets[0]))
                continue
            credit = _in_zones(zones, start)
            for target in s.targets:
                root = self.kb.root(target)
                candidates.append(Mention(start, end, surface, "org", target, root, s.via, s.ambiguous, credit,
                                          self._venue(text, start, end), surface if s.kind == "group" else ""))
        links.mentions = self._resolve_ambiguous(text, candidates)
        return links

    def _rejected(self, text: str, key: str, start: int, end: int) -> bool:
        rule = self.rejects.get(key)
        if not rule:
            return False
        before, after = rule
        return any(text.endswith(b, 0, start) for b in before) or any(text.startswith(a, end) for a in after)

    def _inside_unknown(self, text: str, start: int, end: int) -> bool:
        """思科 in 锐思科技: the name's last character starts an organization suffix and a name character is
        glued before it, so the text names another organization."""
        if end >= len(text) or start == 0 or text[end - 1:end + 1] not in self.suffix_pairs:
            return False
        ch = text[start - 1]
        return "\u4e00" <= ch <= "\u9fff" and ch not in self.boundary

    def _venue(self, text: str, start: int, end: int) -> bool:
        """"京东上售价", "在B站上", "在Hugging Face和GitHub的讨论区", "在微博发文称": the organization as a
        place, not a subject."""
        if not text.startswith("上", end):
            place = self.venue_place_re is not None and self.venue_place_re.match(text, end)
            posted = (not place and text[start:end] in self.venue_platforms
                      and self.venue_verb_re is not None and self.venue_verb_re.match(text, end))
            if not (place or posted):
                return False
            clause = re.split(r"[,，。;；:：!！?？\n]", text[max(0, start - VENUE_REACH):start])[-1]
            return "在" in clause or (posted and "通过" in clause)
        nxt = text[end + 1:end + 2]
        return nxt not in self.venue_not_followed

    def _credit_zones(self, text: str) -> list[tuple[int, int]]:
        zones = [m.span() for m in self.credit_re.finditer(text)] if self.credit_re else []
        if self.disclaimer_re:
            zones += [m.span() for m in self.disclaimer_re.finditer(text)]
        return sorted(zones)

    def _resolve_ambiguous(self, text: str, cands: list[Mention]) -> list[Mention]:
        sure = {m.root for m in cands if not m.ambiguous and not m.credit}
        forms: dict[str, set[str]] = {}
        for m in cands:
            if m.ambiguous and not m.credit:
                forms.setdefault(m.root, set()).add(m.surface.lower())
        sure.update(root for root, names in forms.items() if len(names) >= 2)   # Kimi ... Moonshot
        anchors = _Anchors([m for m in cands if not m.ambiguous and not m.credit])
        ok = {id(m) for m in cands if not m.ambiguous or m.credit or m.root in sure
              or self._cue_near(text, m) or anchors.near(m)}
        # An item of an enumeration whose neighbour is accepted (豆包、Kimi和文心一言): spread along the list.
        ordered = sorted((m for m in cands if not m.credit), key=lambda m: m.start)
        pairs = [(a, b) for a, b in zip(ordered, ordered[1:])
                 if a.root != b.root and _joined(text, a.end, b.start)]
        changed = True
        while changed:
            changed = False
            for a, b in pairs:
                if (id(a) in ok) != (id(b) in ok):
                    ok.update((id(a), id(b)))
                    changed = True
        return [m for m in cands if id(m) in ok]

    def _acts(self, text: str, m: Mention) -> bool:
        """，抖音也在通过直播切入…: a product opening a clause and doing business stands for its company."""
        before = text[:m.start].rstrip(" \u3000")
        return bool(self.actor_after) and (not before or before[-1] in CLAUSE_OPENERS) \
            and text.startswith(self.actor_after, m.end)

    def _cue_near(self, text: str, m: Mention) -> bool:
        window = text[max(0, m.start - SUPPORT_WINDOW):m.start] + "\x00" + text[m.end:m.end + SUPPORT_WINDOW]
        return any(c in window for c in self.cues)

    # -- the analyzer's view ----------------------------------------------------------
    def analyze(self, text: str, discover: bool = True, min_product_only: int = 2) -> dict:
        """Contract-shaped entities.  ``min_product_only``: a company named only through its products
        fewer times than this is a passing reference (``passing``), not a company the article discusses."""
        links = self.find(text)
        unknown, promoted = [], []
        if discover:
            taken = taken_mask(text, links.mentions + links.persons)
            unknown = self.discoverer.discover(text, (), taken)
            promoted = self.promoter.promote(text, unknown, taken)
            seen = {n for p in promoted for n in (p.name, *p.aliases)}
            titled = self.titled.find(text, links.titles, taken, seen)
            titled += self.introduced.find(text, taken, seen | {p.name for p in titled})
            promoted += titled
            unknown += [Unknown(p.name, p.spans) for p in titled]
        people = self.attributor.attribute(text, links, unknown)
        groups = self._organizations(_outside_names(links.mentions, people), min_product_only, text)
        if promoted:
            groups["companies"].extend(_promoted_entry(p) for p in promoted)
            groups["companies"].sort(key=lambda c: (-c["mentions"], c["first_offset"]))
        groups["people"] = _canonical_organizations(people, promoted)
        groups["unknown_organizations"] = [{"name": u.name, "mentions": len(u.spans), "spans": u.spans} for u in unknown]
        return groups

    def _organizations(self, mentions: list[Mention], min_product_only: int, text: str = "") -> dict[str, list]:
        listed = _listed(text, mentions) if text else set()
        by_root: dict[str, list[Mention]] = {}
        for m in mentions:
            by_root.setdefault(m.root, []).append(m)
        out: dict[str, list] = {"companies": [], "media": [], "venues": [], "passing": []}
        for root, ms in by_root.items():
            ent = self.kb.entities.get(root)
            etype = ent.type if ent else "company"
            counted = [m for m in ms if not m.credit]
            entry = {"name": root, "type": etype, "mentions": len(counted),
                     "aliases": [a for a, _ in Counter(m.surface for m in counted).most_common()],
                     "first_offset": counted[0].start if counted else ms[0].start,
                     "spans": [[m.start, m.end] for m in counted], "known": True}
            units = sorted({m.target if m.target != root else m.surface for m in counted
                            if m.target != root or m.via == "unit"})
            if units:
                entry["units"] = units
            groups = sorted({m.group for m in counted if m.group})
            if groups:
                entry["groups"] = groups
            if ent is not None and ent.parent:
                entry["parent"] = ent.parent      # an independent subsidiary (阅文集团 -> 腾讯) or an arm
            if etype == "media":
                entry["credits"] = len(ms) - len(counted)
                out["media"].append(entry)
            elif not counted:
                continue
            elif all(m.venue for m in counted):
                out["venues"].append(entry)
            elif all(m.via == "product" for m in counted) and len(counted) < min_product_only \
                    and not any(id(m) in listed or self._acts(text, m) for m in counted):
                out["passing"].append(entry)
            else:
                out["companies"].append(entry)
        for lst in out.values():
            lst.sort(key=lambda c: (-c["mentions"], c["first_offset"]))
        return out


CLAUSE_OPENERS = frozenset("，。；！？,;!?\n")
LIST_JOINERS = ("、", "和", "与", "及", "以及", "、以及")
# A model version between a product and the joiner: Kimi k1.5与…, 豆包1.5 Pro、…
_VERSION = re.compile(r"\s*[A-Za-z]{0,3}[0-9][0-9.]*(?:\s?(?:Pro|Max|Plus|Ultra|Turbo|Lite|Mini|mini|Flash))?")


def _joined(text: str, end: int, start: int) -> bool:
    """The text between two names is a list joiner, perhaps after the first one's version number."""
    gap = text[end:start]
    if gap.strip() in LIST_JOINERS:
        return True
    m = _VERSION.match(gap)
    return bool(m and m.end() and gap[m.end():].strip() in LIST_JOINERS)


def _listed(text: str, mentions: list[Mention]) -> set[int]:
    """Mentions that are items of an enumeration with another organization's name (豆包、Kimi和文心一言):
    a product named so is a company the article lines up with others, not a passing reference."""
    ordered = sorted((m for m in mentions if not m.credit), key=lambda m: m.start)
    out: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        if a.root != b.root and _joined(text, a.end, b.start):
            out.update((id(a), id(b)))
    return out


def _canonical_organizations(people: list[dict], promoted) -> list[dict]:
    """A person's organization under the name the article's company is reported by (成都X科技有限公司 -> X)."""
    names = {a: p.name for p in promoted for a in p.aliases}
    for person in people:
        person["organization"] = names.get(person.get("organization"), person.get("organization"))
        for aff in person.get("affiliations", ()):
            aff["organization"] = names.get(aff["organization"], aff["organization"])
    return people


def _outside_names(mentions: list[Mention], people: list[dict]) -> list[Mention]:
    """Drop organization names read inside a person's name (启明 in 孙启明): a mention that starts after
    the start of a person span and ends within it."""
    spans = sorted((s, e) for p in people for s, e in p.get("spans", ()))
    if not spans:
        return mentions
    starts = [s for s, _ in spans]

    def inside(m: Mention) -> bool:
        k = bisect_right(starts, m.start - 1)     # person spans starting before the mention
        return any(m.end <= e for _, e in spans[max(0, k - 3):k])

    return [m for m in mentions if not inside(m)]


def _promoted_entry(p) -> dict:
    return {"name": p.name, "type": p.type, "mentions": len(p.spans), "aliases": list(dict.fromkeys(p.aliases)),
            "first_offset": p.spans[0][0], "spans": p.spans, "known": False}


def _rank(s: Surface) -> int:
    # When two entries claim one name: organizations beat groups beat people beat titles.
    return {"org": 0, "group": 1, "person": 2, "title": 3}[s.kind]


def _ascii_ok(text: str, start: int, end: int, n: int) -> bool:
    """ASCII names sit on word boundaries: no letter glued on either side (digits after letters are ok)."""
    first, last = text[start], text[end - 1]
    if start > 0:
        prev = text[start - 1]
        if prev in _WORDCHAR and (first in _WORDCHAR):
            return False
    if end < n:
        nxt = text[end]
        if last in _LETTERS and nxt in _LETTERS:
            return False
        if last in _DIGITS and nxt in _WORDCHAR:
            return False
    return True


class _Anchors:
    """Unambiguous mentions, searchable by start and end: is another organization within 3 characters?"""

    def __init__(self, anchors: list[Mention]):
        self.by_start = sorted(anchors, key=lambda a: a.start)
        self.starts = [a.start for a in self.by_start]
        self.by_end = sorted(anchors, key=lambda a: a.end)
        self.ends = [a.end for a in self.by_end]

    def near(self, m: Mention, gap: int = 3) -> bool:
        lo, hi = bisect_left(self.starts, m.end - gap), bisect_right(self.starts, m.end + gap)
        if any(a is not m and a.root != m.root for a in self.by_start[lo:hi]):
            return True
        lo, hi = bisect_left(self.ends, m.start - gap), bisect_right(self.ends, m.start + gap)
        return any(a is not m and a.root != m.root for a in self.by_end[lo:hi])


def _lower(text: str) -> str:
    """Lower case with offsets kept (str.lower is fast; the rare characters it lengthens stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _in_zones(zones: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in zones)


def _zone_regex(markers: list[str], tail: str):
    if not markers:
        return None
    return re.compile("(?:" + "|".join(markers) + r")\s*" + tail)


def _line_regex(markers: list[str]):
    if not markers:
        return None
    return re.compile("(?m)^[ \t]*(?:" + "|".join(markers) + ").*$")
