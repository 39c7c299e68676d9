"""Organizations named by their people: "X + 创始人/CEO/董事长 + a person's name", X unknown to the
knowledge base and without an organization suffix (远衡储能CEO杜哲, 青禾数字创始人王岚).

X is the run of name characters before the title, cut like a discovered name (boundary characters,
leading verbs, role nouns).  It becomes a company only when it reads as a name (not a frequent word or
phrase: 公司, 前任, 团队) and the article names it on its own at least once more.  The titles come
from ``[linking] founder_titles``.
"""
from __future__ import annotations

from .discovery import Discoverer
from .promote import Promoted, _common_phrase, _han, _name_like, _standalone_occurrences

MAX_NAME = 6


class TitledOrganizations:
    def __init__(self, linking: dict[str, list[str]], discoverer: Discoverer):
        self.titles = frozenset(linking["founder_titles"])
        self.all_titles = tuple(linking["titles"])
        self.surnames = frozenset("".join(linking["surnames"]))
        self.generic = discoverer.generic
        self.discoverer = discoverer
        self.fragment_tails = frozenset(linking["fragment_tails"])
        self.time_chars = "".join(linking["time_chars"])
        self.reject = set(linking["promote_reject_cores"])
        self.suffixes = tuple(linking["org_suffixes"])     # X科技CEO: the promoter's case, with its own rules

    def find(self, text: str, titles, taken: bytearray, known_names=()) -> list[Promoted]:
        """``titles``: title mentions (start, end, target); ``taken``: 1 where a known name sits."""
        found: dict[str, Promoted] = {}
        for t in titles:
            if t.target not in self.titles or not self._person_after(text, t.end):
                continue
            name = self._name_before(text, t.start, taken)
            if name is None or name in known_names or name in found:
                continue
            s = t.start - len(name)
            spans = _standalone_occurrences(text, name, taken, [[s, t.start]], self.all_titles)
            if not spans:
                continue          # named once, only before a title: too little to call it a company
            p = found[name] = Promoted(name, "company", sorted([[s, t.start], *spans]), [name])
        return list(found.values())

    def _person_after(self, text: str, pos: int) -> bool:
        while text.startswith(("、", "兼", " "), pos):       # 创始人兼CEO王岚: the run continues
            nxt = next((t for t in self.all_titles if text.startswith(t, pos + 1)), None)
            if nxt is None:
                break
            pos += 1 + len(nxt)
        return pos + 1 < len(text) and text[pos] in self.surnames and _han(text[pos + 1])

    def _name_before(self, text: str, start: int, taken: bytearray) -> str | None:
        core = self.discoverer.run_before(text, start, taken, MAX_NAME + 4)
        if not 2 <= len(core) <= MAX_NAME or core in self.generic or core in self.reject \
                or core.endswith(self.suffixes) or _common_phrase(core) \
                or not _name_like(core, self.fragment_tails, "", self.time_chars):
            return None
        return core
