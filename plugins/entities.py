"""Companies and people mentioned in an article, linked to the knowledge base."""
from __future__ import annotations

from collections import Counter, defaultdict

from newskit import Analyzer, hookimpl


class EntitiesAnalyzer(Analyzer):
    name = "entities"
    version = "0.1.0"
    description = "Companies (with subsidiaries and products rolled up) and people, linked to the knowledge base."

    def setup(self) -> None:
        import ahocorasick

        from newskit.kb import load_kb
        from newskit.text import add_words

        files = list(getattr(self.context, "knowledge_files", []) or [])
        self.kb = load_kb(files)
        self.automaton = ahocorasick.Automaton()
        names: dict[str, tuple[str, str]] = {}
        for ent in self.kb.entities.values():
            for n in [ent.name, *ent.aliases, *ent.products]:
                names[n.lower()] = ("org", ent.name)
            for p in ent.people:
                names[p.name.lower()] = ("person", p.name)
        for key, value in names.items():
            self.automaton.add_word(key, (key, *value))
        self.automaton.make_automaton()
        add_words(k for k in names)

    def fingerprint(self) -> str:
        import hashlib

        from newskit.kb import bundled_files

        # Hash the KB files' bytes without building the automaton: cheap when every document is cached.
        h = hashlib.sha256(super().fingerprint().encode())
        for src in [*bundled_files(), *(getattr(self.context, "knowledge_files", []) or [])]:
            try:
                h.update(open(src, "rb").read() + b"\0")
            except OSError:
                pass  # setup() reports an unreadable file
        return h.hexdigest()[:16]

    def analyze(self, doc) -> dict:
        text = doc.text.lower()
        matches = []
        for end, (key, kind, target) in self.automaton.iter(text):
            start = end - len(key) + 1
            matches.append((start, end + 1, kind, target, doc.text[start:end + 1]))
        # Longest match wins; overlapping shorter matches are dropped.
        matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept, last_end = [], -1
        for m in matches:
            if m[0] >= last_end:
                kept.append(m)
                last_end = m[1]
        companies: dict[str, dict] = {}
        people: dict[str, dict] = {}
        for start, end, kind, target, surface in kept:
            if kind == "org":
                root = self.kb.root(target)
                c = companies.setdefault(root, {"name": root, "type": self.kb.entities[root].type if root in self.kb.entities else "company",
                                                "mentions": 0, "aliases": Counter(), "first_offset": start, "spans": []})
                c["mentions"] += 1
                c["aliases"][surface] += 1
                c["spans"].append([start, end])
            else:
                person = self.kb.people[target]
                p = people.setdefault(target, {"name": target, "organization": self.kb.root(person.org),
                                               "role": person.role, "mentions": 0, "spans": []})
                p["mentions"] += 1
                p["spans"].append([start, end])
        out_companies = []
        for c in sorted(companies.values(), key=lambda c: (-c["mentions"], c["first_offset"])):
            c["aliases"] = sorted(c["aliases"], key=lambda a: -c["aliases"][a])
            out_companies.append(c)
        return {"companies": out_companies,
                "people": sorted(people.values(), key=lambda p: -p["mentions"]),
                "unknown_organizations": []}

    def summarize(self, documents) -> dict:
        mentions: Counter = Counter()
        docs: defaultdict = defaultdict(int)
        for d in documents:
            for c in (d["results"].get("entities") or {}).get("companies", []):
                mentions[c["name"]] += c["mentions"]
                docs[c["name"]] += 1
        return {"companies": [{"name": n, "mentions": m, "documents": docs[n]} for n, m in mentions.most_common()]}

    def report_sections(self, results):
        from newskit.reports import Chart, Section, Table

        summary = (results.get("summaries") or {}).get("entities") or {}
        rows = [[c["name"], c["mentions"], c["documents"]] for c in summary.get("companies", [])]
        top = summary.get("companies", [])[:15]
        return [Section("公司报道 Company coverage", [
            Table(["公司 company", "提及 mentions", "文档 documents"], rows),
            Chart("barh", "公司提及次数 Mentions by company", {"labels": [c["name"] for c in top], "values": [c["mentions"] for c in top]}, name="coverage"),
        ], order=10)]


@hookimpl
def register_analyzers(register):
    register(EntitiesAnalyzer())
