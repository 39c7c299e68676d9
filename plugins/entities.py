"""Companies and people mentioned in an article, linked to the knowledge base.

Settings (``[plugins.entities]`` in newskit.toml): ``discover`` (propose unknown organizations,
default true), ``min_unknown_mentions`` (default 1), ``min_product_only_mentions`` (default 2: a
company named once, only through a product, is listed under ``passing``).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from newskit import Analyzer, hookimpl

COMPANY_TYPES = ("company", "investor", "research", "organization")


class EntitiesAnalyzer(Analyzer):
    name = "entities"
    version = "0.6.17"
    description = "Companies (subsidiaries and products rolled up), people with their organizations, unknown organizations."

    def setup(self) -> None:
        from newskit.kb import load_kb
        from newskit.kb.linker import Linker
        from newskit.text import add_words

        files = list(getattr(self.context, "knowledge_files", []) or [])
        self.kb = load_kb(files)
        self.linker = Linker(self.kb)
        add_words(self.linker.surface_names)

    def fingerprint(self) -> str:
        """Settings plus the bytes of every knowledge-base file, read without building the linker."""
        from newskit.kb import files_digest

        files = list(getattr(self.context, "knowledge_files", []) or [])
        return files_digest(files, seed=super().fingerprint() + self.version)

    def analyze(self, doc) -> dict:
        out = self.linker.analyze(doc.text, discover=bool(self.settings.get("discover", True)),
                                  min_product_only=int(self.settings.get("min_product_only_mentions", 2)))
        minimum = int(self.settings.get("min_unknown_mentions", 1))
        out["unknown_organizations"] = [u for u in out["unknown_organizations"] if u["mentions"] >= minimum]
        companies = []
        government = []
        for c in out["companies"]:
            (government if c["type"] == "government" else companies).append(c)
        out["companies"] = companies
        out["government"] = government
        return out

    def summarize(self, documents) -> dict:
        counts = {k: (Counter(), defaultdict(int)) for k in ("companies", "unknown_organizations", "media", "people")}
        orgs: dict[str, Counter] = defaultdict(Counter)
        for d in documents:
            res = (d.get("results") or {}).get("entities") or {}
            for key, (mentions, docs) in counts.items():
                for item in res.get(key, []):
                    mentions[item["name"]] += item["mentions"]
                    docs[item["name"]] += 1
                    if key == "people" and item.get("organization"):
                        orgs[item["name"]][item["organization"]] += 1

        def table(key: str) -> list[dict]:
            mentions, docs = counts[key]
            rows = [{"name": n, "mentions": m, "documents": docs[n]} for n, m in mentions.items()]
            rows.sort(key=lambda r: (-r["documents"], -r["mentions"], r["name"]))
            if key == "people":
                for r in rows:
                    r["organization"] = orgs[r["name"]].most_common(1)[0][0] if orgs[r["name"]] else None
            return rows

        return {k: table(k) for k in counts}

    def report_sections(self, results):
        from newskit.reports import Chart, Section, Table

        summary = (results.get("summaries") or {}).get("entities") or {}
        companies = summary.get("companies", [])
        top = companies[:15]
        # The per-company table is the report's own company overview; this section adds the chart,
        # the people and what the knowledge base does not know yet.
        blocks = [
            Chart("barh", "公司提及次数 Mentions by company", {"labels": [c["name"] for c in top], "values": [c["mentions"] for c in top]}, name="coverage"),
        ]
        people = summary.get("people", [])[:20]
        if people:
            blocks.append(Table(["人物 person", "机构 organization", "提及 mentions", "文档 documents"],
                                [[p["name"], p.get("organization") or "", p["mentions"], p["documents"]] for p in people]))
        unknown = summary.get("unknown_organizations", [])[:20]
        if unknown:
            blocks.append(Table(["未收录机构 unknown organization", "提及 mentions", "文档 documents"],
                                [[u["name"], u["mentions"], u["documents"]] for u in unknown]))
            blocks.append("Organizations the knowledge base does not know yet: add the real ones to a file "
                          "passed with `--kb` (see `newskit kb validate`).")
        return [Section("公司与人物 Companies and people", blocks, order=10)]


@hookimpl
def register_analyzers(register):
    register(EntitiesAnalyzer())
