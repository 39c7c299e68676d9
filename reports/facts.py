"""Everything the report's own sections need from the documents, gathered in one pass.

results.json of a nightly corpus is ~20 KB a document; decoding it is the report's main cost, so the
sections read these aggregates instead of each walking the documents again."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable


@dataclass
class DocumentFacts:
    count: int = 0
    dated: int = 0
    first_date: str | None = None
    last_date: str | None = None
    sources: Counter = field(default_factory=Counter)
    duplicates: int = 0  # syndicated copies skipped, over all documents
    failed: Counter = field(default_factory=Counter)  # analyzer -> documents it failed on
    months: Counter = field(default_factory=Counter)  # dated documents per YYYY-MM
    company_months: dict = field(default_factory=lambda: defaultdict(Counter))  # company -> month -> documents
    titles: dict = field(default_factory=dict)  # id -> title, for quote sources
    evidence: dict = field(default_factory=lambda: defaultdict(list))  # company -> sentiment evidence (wanted ones)
    appendix: list = field(default_factory=list)  # blocks of the first ``appendix_limit`` documents

    @classmethod
    def gather(cls, documents: Iterable[dict], appendix_limit: int = 0,
               appendix_entry: Callable[[dict], list] | None = None, evidence_for: Iterable[str] = ()) -> "DocumentFacts":
        facts, wanted = cls(), set(evidence_for)
        for d in documents:
            facts._add(d, wanted)
            if appendix_entry is not None and facts.count <= appendix_limit:
                facts.appendix += appendix_entry(d)
        return facts

    def _add(self, d: dict, wanted: set) -> None:
        self.count += 1
        meta = d.get("meta") or {}
        results = d.get("results") or {}
        self.titles[d["id"]] = meta.get("title") or ""
        if meta.get("source"):
            self.sources[meta["source"]] += 1
        self.duplicates += len(d.get("duplicates") or [])
        self.failed.update(list(d.get("errors") or {}))
        date = meta.get("date")
        if date:
            self.dated += 1
            if self.first_date is None or date < self.first_date:
                self.first_date = date
            if self.last_date is None or date > self.last_date:
                self.last_date = date
            month = str(date)[:7]
            self.months[month] += 1
            for c in (results.get("entities") or {}).get("companies", []):
                self.company_months[c["name"]][month] += 1
        if wanted:
            for c in (results.get("sentiment") or {}).get("companies", []):
                if c["name"] in wanted:
                    self.evidence[c["name"]] += [{**e, "doc": e.get("doc", d["id"])} for e in c.get("evidence", [])]
